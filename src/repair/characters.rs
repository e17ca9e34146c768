//! TODO(issue 2): characters repair.

use crate::report::Change;
use std::borrow::Cow;

pub fn clean<'a>(text: &'a str, _changes: &mut Vec<Change>) -> Cow<'a, str> {
    Cow::Borrowed(text)
}

pub fn normalize_line_breaks<'a>(text: &'a str, _changes: &mut Vec<Change>) -> Cow<'a, str> {
    Cow::Borrowed(text)
}
