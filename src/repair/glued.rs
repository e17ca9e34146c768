//! TODO(issue 2): glued repair.

use crate::report::Change;
use std::borrow::Cow;

pub fn fix<'a>(text: &'a str, _changes: &mut Vec<Change>) -> Cow<'a, str> {
    Cow::Borrowed(text)
}
