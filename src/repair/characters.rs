//! Character clean-up that does not depend on meaning: line breaks to `\n`;
//! control and invisible characters out (ZWJ/ZWNJ and bidi marks stay, since
//! emoji sequences and several scripts need them); no-break, thin and other
//! Unicode spaces and tabs to a plain space (the ideographic space of CJK
//! text stays); runs of spaces folded; lines stripped; NFC. Quotes, dashes,
//! fullwidth forms and compatibility characters are deliberately left alone:
//! changing them alters what the author wrote.
//!
//! Mojibake repair must run between [`normalize_line_breaks`] and [`clean`]:
//! a no-break space, a soft hyphen or a C1 control can be a byte of a broken
//! UTF-8 sequence (`Ã` + U+00A0 is `à`).

use crate::report::Change;
use std::borrow::Cow;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// CRLF, lone CR, U+2028 and U+2029 become `\n`.
pub fn normalize_line_breaks<'a>(text: &'a str, changes: &mut Vec<Change>) -> Cow<'a, str> {
    let has_cr = memchr::memchr(b'\r', text.as_bytes()).is_some();
    // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
    let has_separator = memchr::memmem::find(text.as_bytes(), b"\xE2\x80\xA8").is_some()
        || memchr::memmem::find(text.as_bytes(), b"\xE2\x80\xA9").is_some();
    if !has_cr && !has_separator {
        return Cow::Borrowed(text);
    }
    let mut tally = Tally::default();
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        match c {
            '\r' => {
                if chars.peek().is_some_and(|&(_, next)| next == '\n') {
                    chars.next();
                    tally.note("characters.line-break", offset, "\r\n", "\n");
                } else {
                    tally.note("characters.line-break", offset, "\r", "\n");
                }
                out.push('\n');
            }
            '\u{2028}' | '\u{2029}' => {
                tally.note("characters.line-break", offset, &c.to_string(), "\n");
                out.push('\n');
            }
            other => out.push(other),
        }
    }
    tally.report(changes);
    Cow::Owned(out)
}

/// Removes control and invisible characters, turns Unicode spaces and tabs
/// into spaces, folds runs of spaces, strips every line and applies NFC.
/// Expects `\n` line breaks (see [`normalize_line_breaks`]).
pub fn clean<'a>(text: &'a str, changes: &mut Vec<Change>) -> Cow<'a, str> {
    let mut tally = Tally::default();
    let mut out: Option<String> = None;
    let mut line_start = 0;
    for line in text.split('\n') {
        let cleaned = clean_line(line, line_start, &mut tally);
        match (&mut out, cleaned) {
            (None, Cow::Borrowed(_)) => {}
            (None, Cow::Owned(changed)) => {
                let mut started = String::with_capacity(text.len());
                started.push_str(&text[..line_start]);
                started.push_str(&changed);
                out = Some(started);
            }
            (Some(buffer), cleaned) => buffer.push_str(&cleaned),
        }
        line_start += line.len() + 1;
        if line_start <= text.len() {
            if let Some(buffer) = &mut out {
                buffer.push('\n');
            }
        }
    }
    let text: Cow<'a, str> = match out {
        Some(owned) => Cow::Owned(owned),
        None => Cow::Borrowed(text),
    };
    let text = to_nfc(text, &mut tally);
    tally.report(changes);
    text
}

/// What a character becomes in clean text.
enum Disposition {
    Keep,
    Remove(&'static str),
    Space(&'static str),
}

fn disposition(c: char) -> Disposition {
    match c {
        ' ' => Disposition::Keep,
        '\t' => Disposition::Space("characters.space"),
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Disposition::Remove("characters.control"),
        '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => {
            Disposition::Remove("characters.invisible")
        }
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => {
            Disposition::Space("characters.space")
        }
        _ => Disposition::Keep,
    }
}

/// Whether a line may need work: any byte below 0x20, DEL, a space at
/// either end or doubled, or a lead byte of one of the special characters
/// (C2: C1 controls, NBSP, soft hyphen; E1 9A: U+1680; E2 80/81: the
/// U+2000 block; EF BB BF: BOM). Clean lines are rejected by this scan.
fn may_need_work(line: &str) -> bool {
    let bytes = line.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return true;
    }
    let mut previous_space = false;
    for (index, &byte) in bytes.iter().enumerate() {
        match byte {
            b' ' => {
                if previous_space {
                    return true;
                }
                previous_space = true;
                continue;
            }
            0..=0x1F | 0x7F => return true,
            0xC2 => {
                if matches!(bytes.get(index + 1), Some(0x80..=0xA0 | 0xAD)) {
                    return true;
                }
            }
            0xE1 if bytes.get(index + 1..index + 3) == Some(&[0x9A, 0x80]) => return true,
            0xE2 => match bytes.get(index + 1..index + 3) {
                Some([0x80, 0x80..=0x8B | 0xAF]) | Some([0x81, 0x9F | 0xA0]) => return true,
                _ => {}
            },
            0xEF if bytes.get(index + 1..index + 3) == Some(&[0xBB, 0xBF]) => return true,
            _ => {}
        }
        previous_space = false;
    }
    false
}

fn clean_line<'a>(line: &'a str, line_start: usize, tally: &mut Tally) -> Cow<'a, str> {
    if !may_need_work(line) {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut changed = false;
    let mut pending_space = false;
    let mut space_run_start: Option<usize> = None;
    for (offset, c) in line.char_indices() {
        let as_space = match disposition(c) {
            Disposition::Keep => c == ' ',
            Disposition::Remove(reason) => {
                tally.note(reason, line_start + offset, &c.to_string(), "");
                changed = true;
                continue;
            }
            Disposition::Space(reason) => {
                tally.note(reason, line_start + offset, &c.to_string(), " ");
                changed = true;
                true
            }
        };
        if as_space {
            if pending_space {
                changed = true;
                if let Some(start) = space_run_start {
                    tally.note("characters.whitespace", line_start + start, "  ", " ");
                    space_run_start = None;
                }
            } else {
                space_run_start = Some(offset);
            }
            pending_space = true;
            continue;
        }
        if pending_space {
            if out.is_empty() {
                // Leading spaces are stripped.
                changed = true;
                tally.note("characters.whitespace", line_start, " ", "");
            } else {
                out.push(' ');
            }
            pending_space = false;
            space_run_start = None;
        }
        out.push(c);
    }
    if pending_space {
        changed = true;
        tally.note("characters.whitespace", line_start + line.len(), " ", "");
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(line)
    }
}

fn to_nfc<'a>(text: Cow<'a, str>, tally: &mut Tally) -> Cow<'a, str> {
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return text;
    }
    let normalized: String = text.nfc().collect();
    if normalized == *text {
        return text;
    }
    let first_difference = text
        .char_indices()
        .zip(normalized.chars())
        .find(|((_, original), normal)| original != normal)
        .map_or(0, |((offset, _), _)| offset);
    tally.note("characters.nfc", first_difference, "", "");
    Cow::Owned(normalized)
}

/// Collects character repairs per reason: the first place and its
/// before/after, and a count.
#[derive(Default)]
struct Tally {
    entries: Vec<Change>,
}

impl Tally {
    fn note(&mut self, reason: &'static str, position: usize, before: &str, after: &str) {
        match self.entries.iter_mut().find(|entry| entry.reason == reason) {
            Some(entry) => entry.count += 1,
            None => self
                .entries
                .push(Change::repair(reason, position, before, after)),
        }
    }

    fn report(self, changes: &mut Vec<Change>) {
        changes.extend(self.entries);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(text: &str) -> String {
        let mut changes = Vec::new();
        let broken = normalize_line_breaks(text, &mut changes).into_owned();
        clean(&broken, &mut changes).into_owned()
    }

    fn reasons(text: &str) -> Vec<String> {
        let mut changes = Vec::new();
        let broken = normalize_line_breaks(text, &mut changes).into_owned();
        clean(&broken, &mut changes);
        changes.iter().map(|c| c.reason.to_string()).collect()
    }

    #[test]
    fn clean_text_is_borrowed() {
        let text = "Ｔｅｓｔ “quoted” — São Paulo, 25 °C\n\nΑθήνα 東京\u{3000}都";
        let mut changes = Vec::new();
        assert!(matches!(clean(text, &mut changes), Cow::Borrowed(_)));
        assert!(matches!(
            normalize_line_breaks(text, &mut changes),
            Cow::Borrowed(_)
        ));
        assert!(changes.is_empty());
    }

    #[test]
    fn line_breaks_become_lf() {
        assert_eq!(cleaned("a\r\nb\rc\u{2028}d\u{2029}e"), "a\nb\nc\nd\ne");
    }

    #[test]
    fn controls_and_invisibles_go_but_joiners_stay() {
        assert_eq!(cleaned("a\u{7}b\u{7F}c\u{85}d\u{9F}e"), "abcde");
        assert_eq!(
            cleaned("dea\u{200B}th\u{2060}ly \u{FEFF}in\u{AD}side"),
            "deathly inside"
        );
        let family = "👨\u{200D}👩\u{200D}👧 می\u{200C}خواهم";
        assert_eq!(cleaned(family), family);
    }

    #[test]
    fn unicode_spaces_and_tabs_become_one_space() {
        assert_eq!(
            cleaned("10\u{A0}km\u{202F}h\tthen\u{2009}\u{2009}x"),
            "10 km h then x"
        );
        assert_eq!(cleaned("東京\u{3000}大阪"), "東京\u{3000}大阪");
    }

    #[test]
    fn lines_are_stripped_and_runs_folded() {
        assert_eq!(cleaned("  a   b  \n\t\n c \u{A0}"), "a b\n\nc");
        assert_eq!(cleaned("end\n"), "end\n");
    }

    #[test]
    fn nfc_composes_decomposed_letters() {
        assert_eq!(cleaned("cafe\u{301} Ha\u{308}user"), "café Häuser");
        assert!(reasons("cafe\u{301}").contains(&"characters.nfc".to_string()));
    }

    #[test]
    fn repeated_repairs_are_counted_once() {
        let mut changes = Vec::new();
        normalize_line_breaks("a\r\nb\r\nc\r\n", &mut changes);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].count, 3);
        assert_eq!(changes[0].reason, "characters.line-break");
    }
}
