//! Character-level repairs, in the order that keeps them sound: line breaks
//! first, then HTML entities, then mojibake (before any character clean-up,
//! since no-break spaces, soft hyphens and C1 controls can be bytes of a
//! broken sequence), then invisible characters, spaces and NFC, and last the
//! space lost between glued sentences. Each step is a pure function that
//! returns `Cow::Borrowed` when it has nothing to do. No step looks at
//! paragraphs as a whole; that is the filters' job.

pub mod characters;
pub mod entities;
pub mod glued;
pub mod mojibake;
pub(crate) mod utf8;

use crate::report::Change;
use crate::Config;
use std::borrow::Cow;

/// Runs every enabled repair over `text`, recording each change.
pub fn repair<'a>(text: &'a str, config: &Config, changes: &mut Vec<Change>) -> Cow<'a, str> {
    let mut text = Cow::Borrowed(text);
    if config.characters {
        text = apply(text, changes, characters::normalize_line_breaks);
    }
    if config.entities {
        text = apply(text, changes, entities::decode);
    }
    if config.mojibake {
        text = apply(text, changes, mojibake::repair);
    }
    if config.characters {
        let first_new = changes.len();
        text = apply(text, changes, characters::clean);
        // Removing a control or invisible character can bring the two
        // halves of a broken sequence or of a reference (`&\u{8d}amp;`)
        // together; without one more pass a second cleaning would repair
        // what the first left, and cleaning must be idempotent.
        let joined_something = changes[first_new..].iter().any(|change| {
            matches!(
                &*change.reason,
                "characters.control" | "characters.invisible"
            )
        });
        if joined_something {
            let first_repair = changes.len();
            if config.entities {
                text = apply(text, changes, entities::decode);
            }
            if config.mojibake {
                text = apply(text, changes, mojibake::repair);
            }
            if changes.len() > first_repair {
                text = apply(text, changes, characters::clean);
            }
        }
    }
    if config.glued_sentences {
        text = apply(text, changes, glued::fix);
    }
    text
}

/// Runs one step, keeping the borrow when the step changes nothing.
fn apply<'a>(
    text: Cow<'a, str>,
    changes: &mut Vec<Change>,
    step: impl for<'b> Fn(&'b str, &mut Vec<Change>) -> Cow<'b, str>,
) -> Cow<'a, str> {
    match text {
        Cow::Borrowed(borrowed) => step(borrowed, changes),
        Cow::Owned(owned) => match step(&owned, changes) {
            Cow::Borrowed(_) => Cow::Owned(owned),
            Cow::Owned(changed) => Cow::Owned(changed),
        },
    }
}
