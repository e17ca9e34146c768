//! What the cleaner did: one [`Change`] per repair or drop, each with a
//! stable reason id (`mojibake.windows-874`, `dedup.headline`,
//! `boilerplate.comment-section`) that `--explain`, the JSON report and the
//! tests all share. This module only describes changes; it never prints.

use serde::Serialize;
use std::borrow::Cow;
use std::cell::Cell;
use std::thread::LocalKey;

thread_local! {
    /// Whether the changes made on this thread keep the text before and
    /// after them; see [`without_texts`].
    static WITH_TEXTS: Cell<bool> = const { Cell::new(true) };
    /// Whether repairs made on this thread are merged into the change
    /// before them when that is a repair of the same reason; see
    /// [`merging_repairs`].
    static MERGE_REPAIRS: Cell<bool> = const { Cell::new(false) };
}

/// Runs `work` as [`without_texts`] does, and with each repair that
/// follows a repair of the same reason counted into it (its `count`
/// grows; the first one's position stays) instead of recorded on its own:
/// a text with millions of repairs then keeps a handful of changes, not
/// one per repair.
pub(crate) fn merging_repairs<T>(work: impl FnOnce() -> T) -> T {
    with_setting(&MERGE_REPAIRS, true, || without_texts(work))
}

/// Records `change`, a repair, in `changes`: on its own, or counted into
/// the last change when [`merging_repairs`] asks for that and the last
/// change is a repair of the same reason.
pub(crate) fn push_repair(changes: &mut Vec<Change>, change: Change) {
    if MERGE_REPAIRS.get() {
        if let Some(last) = changes.last_mut() {
            if last.action == Action::Repair && last.reason == change.reason {
                last.count += change.count;
                return;
            }
        }
    }
    changes.push(change);
}

/// Runs `work` with the changes it makes on this thread keeping their
/// reason, place and count but not the text before and after them (nor a
/// dropped block's first words): nothing is copied or allocated for
/// texts nobody reads.
pub(crate) fn without_texts<T>(work: impl FnOnce() -> T) -> T {
    with_setting(&WITH_TEXTS, false, work)
}

/// Runs `work` with this thread's `setting` at `value`, and puts the
/// setting back afterwards, even when `work` panics.
fn with_setting<T>(
    setting: &'static LocalKey<Cell<bool>>,
    value: bool,
    work: impl FnOnce() -> T,
) -> T {
    struct Restore(&'static LocalKey<Cell<bool>>, bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            self.0.set(self.1);
        }
    }
    let _restore = Restore(setting, setting.replace(value));
    work()
}

/// The version of the reason ids and the built-in rules. Bump it whenever
/// an id is renamed or a rule changes what it drops, so that data teams can
/// tell from `--version` whether two runs are comparable.
pub const RULES_VERSION: &str = "2026.12.29";

/// Whether a change rewrote characters or dropped a whole block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Characters were rewritten inside the text.
    Repair,
    /// A whole block was removed from the document.
    Drop,
}

/// One repair or drop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Stable reason id, `stage.detail` (`mojibake.windows-1252`).
    pub reason: Cow<'static, str>,
    pub action: Action,
    /// Byte offset of the change in the text the stage was given (for
    /// repairs), or the index of the dropped block (for drops).
    pub position: usize,
    /// The text that was there: the exact span for repairs, the first
    /// words for drops.
    pub before: String,
    /// What replaced it (empty for drops).
    pub after: String,
    /// How many times this same repair was made; character clean-ups that
    /// happen on every line (CRLF, trailing spaces) are reported once with
    /// their count instead of once per line.
    pub count: usize,
}

impl Change {
    pub fn repair(
        reason: impl Into<Cow<'static, str>>,
        position: usize,
        before: impl Into<String>,
        after: impl Into<String>,
    ) -> Change {
        let (before, after) = match WITH_TEXTS.get() {
            true => (before.into(), after.into()),
            false => (String::new(), String::new()),
        };
        Change {
            reason: reason.into(),
            action: Action::Repair,
            position,
            before,
            after,
            count: 1,
        }
    }

    pub fn drop_block(
        reason: impl Into<Cow<'static, str>>,
        block_index: usize,
        block_text: &str,
    ) -> Change {
        Change {
            reason: reason.into(),
            action: Action::Drop,
            position: block_index,
            before: match WITH_TEXTS.get() {
                true => snippet(block_text, 60),
                false => String::new(),
            },
            after: String::new(),
            count: 1,
        }
    }

    /// One human-readable line, as `--explain` prints it.
    pub fn describe(&self) -> String {
        match self.action {
            Action::Repair if self.count > 1 => format!(
                "repair {} @{}: {:?} -> {:?} ({} times)",
                self.reason, self.position, self.before, self.after, self.count
            ),
            Action::Repair => format!(
                "repair {} @{}: {:?} -> {:?}",
                self.reason, self.position, self.before, self.after
            ),
            Action::Drop => format!(
                "drop   {} block {}: {:?}",
                self.reason, self.position, self.before
            ),
        }
    }
}

/// The first `max_chars` characters of `text` on one line, with `…` when cut.
/// Only the words the snippet shows are looked at: a dropped block can be
/// a long page of comments.
pub fn snippet(text: &str, max_chars: usize) -> String {
    if let Some(plain) = plain_snippet(text, max_chars) {
        return plain;
    }
    let mut out = String::with_capacity(text.len().min(max_chars.saturating_mul(4)) + 4);
    let mut written = 0;
    for (position, word) in text.split_whitespace().enumerate() {
        if position > 0 {
            if written == max_chars {
                out.push('…');
                return out;
            }
            out.push(' ');
            written += 1;
        }
        // Most words fit whole and are copied whole.
        let room = max_chars - written;
        let chars = word.chars().count();
        if chars <= room {
            out.push_str(word);
            written += chars;
            continue;
        }
        let cut = word
            .char_indices()
            .nth(room)
            .map_or(word.len(), |(cut, _)| cut);
        out.push_str(&word[..cut]);
        out.push('…');
        return out;
    }
    out
}

/// The snippet of a text whose first `max_chars` bytes are printable
/// ASCII words separated by single spaces, as most are: those bytes are
/// the snippet's characters as they stand. `None` for any other text.
fn plain_snippet(text: &str, max_chars: usize) -> Option<String> {
    let bytes = text.as_bytes();
    let head = &bytes[..bytes.len().min(max_chars)];
    let plain = head.first() != Some(&b' ')
        && head.last() != Some(&b' ')
        && head.iter().all(|&byte| matches!(byte, b' '..=b'~'))
        && !head.windows(2).any(|pair| pair == b"  ");
    if !plain {
        return None;
    }
    // The head ends on a character boundary, as it is ASCII.
    let mut out = String::with_capacity(head.len() + 3);
    out.push_str(&text[..head.len()]);
    if !text[head.len()..].trim_start().is_empty() {
        out.push('…');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_cuts_long_text_on_a_char_boundary() {
        assert_eq!(snippet("héllo wörld", 5), "héllo…");
        assert_eq!(snippet("a\n b", 10), "a b");
    }

    /// The snippet as first defined: the whole text on one line, then cut.
    fn reference_snippet(text: &str, max_chars: usize) -> String {
        let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        match one_line.char_indices().nth(max_chars) {
            Some((cut, _)) => format!("{}…", &one_line[..cut]),
            None => one_line,
        }
    }

    #[test]
    fn snippet_agrees_with_cutting_the_whole_line() {
        let texts = [
            "",
            "   \n\t ",
            "one",
            "  two  words ",
            "exactly ten",
            "a\u{a0}b\u{2003}c d",
            "héllo wörld and more wörds\nacross lines",
            "長い日本語のテキストです、切られるはず",
            "plain words and more plain words",
            "ends in spaces   ",
            "two  spaces here and there",
            " leading space",
            "tab\there and\nthere",
            "exactly ten \n\n",
            "ascii then é and more",
        ];
        for text in texts {
            for max_chars in 0..=30 {
                assert_eq!(
                    snippet(text, max_chars),
                    reference_snippet(text, max_chars),
                    "{text:?} {max_chars}"
                );
            }
        }
    }

    #[test]
    fn changes_made_without_texts_keep_all_but_their_texts() {
        let (repair, drop) = without_texts(|| {
            (
                Change::repair("characters.space", 4, "\u{a0}", " "),
                Change::drop_block("dedup.paragraph", 3, "Some repeated text"),
            )
        });
        let mut expected = Change::repair("characters.space", 4, "", "");
        assert_eq!(repair, expected);
        expected = Change::drop_block("dedup.paragraph", 3, "");
        assert_eq!(drop, expected);
        // The texts are kept again afterwards, and after a panic.
        let _ = std::panic::catch_unwind(|| without_texts(|| panic!("in the work")));
        assert_eq!(Change::repair("x", 0, "a", "b").before, "a");
    }

    #[test]
    fn describe_names_the_reason() {
        let change = Change::drop_block("dedup.paragraph", 3, "Some repeated text");
        assert!(change.describe().contains("dedup.paragraph"));
        assert!(change.describe().contains("block 3"));
    }
}
