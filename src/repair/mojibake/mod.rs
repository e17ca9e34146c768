//! TODO(issue 3): mojibake repair.

use crate::report::Change;
use std::borrow::Cow;

pub fn repair<'a>(text: &'a str, _changes: &mut Vec<Change>) -> Cow<'a, str> {
    Cow::Borrowed(text)
}
