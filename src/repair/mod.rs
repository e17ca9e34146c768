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

use crate::blocks::lines_with_breaks;
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
        text = clean_characters(text, config, changes);
    }
    if config.glued_sentences {
        text = apply(text, changes, glued::fix);
    }
    text
}

/// The character clean-up, and the repairs it can make necessary.
/// Removing a control or invisible character can bring the two halves of
/// a broken sequence or of a reference (`&\u{8d}amp;`) together, and a
/// no-break space made plain ends a sequence the way a lost byte does
/// (`Ã¸\u{a0}` left whole becomes a lead byte before a space, a hole the
/// lossy repair fills). Without one more pass a second cleaning would
/// repair what the first left, and cleaning must be idempotent.
fn clean_characters<'a>(
    text: Cow<'a, str>,
    config: &Config,
    changes: &mut Vec<Change>,
) -> Cow<'a, str> {
    let first_new = changes.len();
    let (cleaned, changed_lines) = characters::clean_noting_lines(&text, changes);
    let cleaned = match cleaned {
        Cow::Borrowed(_) => None,
        Cow::Owned(cleaned) => Some(cleaned),
    };
    let Some(cleaned) = cleaned else {
        return text;
    };
    let may_complete_damage = changes[first_new..].iter().any(|change| {
        matches!(
            &*change.reason,
            "characters.control" | "characters.invisible" | "characters.space"
        )
    });
    if !may_complete_damage {
        return Cow::Owned(cleaned);
    }
    let first_repair = changes.len();
    let mut again = Cow::Owned(cleaned);
    if config.entities {
        again = apply(again, changes, entities::decode);
    }
    // Without entities decoded, the lines the clean-up noted are the
    // lines that changed.
    let changed_lines = changed_lines.filter(|_| changes.len() == first_repair);
    if config.mojibake {
        again = apply(again, changes, |again, changes| {
            repair_mojibake_again(&text, again, changed_lines.as_deref(), changes)
        });
    }
    if changes.len() > first_repair {
        again = apply(again, changes, characters::clean);
    }
    Cow::Owned(again.into_owned())
}

/// [`mojibake::repair`] of `text`, the character clean-up of `before`,
/// whose mojibake was repaired already. The repair gives its own output
/// back unchanged, so only the lines the clean-up changed are looked at
/// again: those in `noted` (where each starts in `text`), or else those
/// that differ from `before` when the two have as many lines; otherwise
/// the whole text is.
fn repair_mojibake_again<'b>(
    before: &str,
    text: &'b str,
    noted: Option<&[usize]>,
    changes: &mut Vec<Change>,
) -> Cow<'b, str> {
    let compared;
    let changed = match noted {
        Some(lines) => lines,
        None => {
            let line_count = |text: &str| memchr::memchr_iter(b'\n', text.as_bytes()).count();
            if line_count(before) != line_count(text) {
                return mojibake::repair(text, changes);
            }
            compared = lines_that_differ(before, text);
            &compared
        }
    };
    mojibake::repair_lines(text, changes, |start| changed.binary_search(&start).is_ok())
}

/// Where the lines of `text` that differ from those of `before` start, in
/// order; both texts have the same number of lines.
fn lines_that_differ(before: &str, text: &str) -> Vec<usize> {
    let mut changed = Vec::new();
    let mut line_start = 0;
    for (old, new) in lines_with_breaks(before).zip(lines_with_breaks(text)) {
        if old != new {
            changed.push(line_start);
        }
        line_start += new.len();
    }
    changed
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of lines: clean text in several scripts, mojibake of it, and
    /// zero-width spaces and controls that split a broken sequence.
    const PIECES: &[&str] = &[
        "The mayor said",
        " donâ€™t ",
        "cafÃ©",
        "caf\u{C3}\u{200B}\u{A9}",
        "Î‘Î¸Î®Î½Î±",
        "Αθήνα",
        "Ð\u{9D}Ð¾Ð²Ð¾Ñ\u{81}Ñ‚Ð¸",
        "Москва",
        "à¸‚à¹ˆà¸²à¸§",
        "ข่าว",
        "\u{200B}",
        "\u{1}",
        "&amp;",
        "   ",
    ];

    /// `mojibake::repair` of the whole of `text` and `repair_mojibake_again`
    /// agree, text and changes alike.
    fn assert_again_matches_whole(before: &str, text: &str) {
        let mut whole_changes = Vec::new();
        let whole = mojibake::repair(text, &mut whole_changes);
        let mut again_changes = Vec::new();
        let again = repair_mojibake_again(before, text, None, &mut again_changes);
        assert_eq!(again, whole, "{text:?}");
        assert_eq!(again_changes, whole_changes, "{text:?}");
    }

    #[test]
    fn a_second_look_at_changed_lines_only_repairs_as_a_whole_pass_does() {
        let original =
            "Title\n\ncaf\u{C3}\u{200B}\u{A9} and donâ€™t\nΑθήνα\n\nÎ‘Î¸Î®Î½Î± \u{200B}x\nplain";
        let before = mojibake::repair(original, &mut Vec::new()).into_owned();
        let text = characters::clean(&before, &mut Vec::new()).into_owned();
        assert_ne!(text, before);
        assert_again_matches_whole(&before, &text);
        // The lines the clean-up noted lead to the same repairs.
        let (_, noted) = characters::clean_noting_lines(&before, &mut Vec::new());
        let noted = noted.expect("no NFC change in this text");
        let mut noted_changes = Vec::new();
        let again = repair_mojibake_again(&before, &text, Some(&noted), &mut noted_changes);
        let mut whole_changes = Vec::new();
        assert_eq!(again, mojibake::repair(&text, &mut whole_changes));
        assert_eq!(noted_changes, whole_changes);
        // A different number of lines: the whole text is looked at.
        assert_again_matches_whole("one line", "cafÃ©\nsecond");
    }

    #[test]
    fn a_sequence_ended_by_a_space_made_plain_is_repaired_in_the_same_cleaning() {
        // Thai read as windows-1257 and then twice as windows-1252, cut
        // short: the last sequence keeps its no-break space until the
        // clean-up makes it plain, and only then is it a hole to fill.
        let damaged = "Ã„â€¦Ã¸Ã¢â€ž¢Ã„â€¦Ã¸¹ Ã„â€¦Ã¸\u{a0}Ã";
        let config = Config::default();
        let mut changes = Vec::new();
        let once = repair(damaged, &config, &mut changes).into_owned();
        assert!(!once.contains('\u{a0}'), "{once:?}");
        assert!(
            changes
                .iter()
                .any(|change| change.reason == "mojibake.lossy"),
            "{changes:?}"
        );
        let twice = repair(&once, &config, &mut Vec::new());
        assert_eq!(twice, once);
    }

    #[test]
    fn offsets_of_repairs_on_later_lines_are_the_texts() {
        let before = "first line\nsecond line\n";
        let text = "first line\ncafÃ© now\n";
        let mut changes = Vec::new();
        let again = repair_mojibake_again(before, text, None, &mut changes);
        assert_eq!(again, "first line\ncafé now\n");
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].position, "first line\ncaf".len());
    }

    proptest! {
        #[test]
        fn the_lines_the_clean_up_notes_are_the_lines_it_changed(
            lines in prop::collection::vec(prop::collection::vec(prop::sample::select(PIECES), 1..6), 1..8)
        ) {
            let original: Vec<String> = lines.iter().map(|pieces| pieces.concat()).collect();
            let original = original.join("\n");
            let (cleaned, noted) = characters::clean_noting_lines(&original, &mut Vec::new());
            if let Some(noted) = noted {
                prop_assert_eq!(noted, lines_that_differ(&original, &cleaned));
            }
        }

        #[test]
        fn changed_lines_only_agree_with_the_whole_pass(
            lines in prop::collection::vec(prop::collection::vec(prop::sample::select(PIECES), 1..6), 1..8)
        ) {
            let original: Vec<String> = lines.iter().map(|pieces| pieces.concat()).collect();
            let original = original.join("\n");
            let before = mojibake::repair(&original, &mut Vec::new()).into_owned();
            let text = characters::clean(&before, &mut Vec::new()).into_owned();
            assert_again_matches_whole(&before, &text);
        }
    }
}
