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

use crate::repair::utf8::{code_point_at, has_byte, has_pair};
use crate::report::Change;
use std::borrow::Cow;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// CRLF, lone CR, U+2028 and U+2029 become `\n`.
pub fn normalize_line_breaks<'a>(text: &'a str, changes: &mut Vec<Change>) -> Cow<'a, str> {
    if !may_hold_line_breaks(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let has_cr = memchr::memchr(b'\r', text.as_bytes()).is_some();
    // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
    let has_separator = memchr::memmem::find(text.as_bytes(), b"\xE2\x80\xA8").is_some()
        || memchr::memmem::find(text.as_bytes(), b"\xE2\x80\xA9").is_some();
    if !has_cr && !has_separator {
        return Cow::Borrowed(text);
    }
    let mut tally = Tally::default();
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut copied = 0;
    // Only a CR or the lead byte E2 can start a line break to replace: the
    // text between them is copied whole.
    for offset in memchr::memchr2_iter(b'\r', 0xE2, bytes) {
        if offset < copied {
            continue;
        }
        let (length, before) = match bytes[offset] {
            b'\r' if bytes.get(offset + 1) == Some(&b'\n') => (2, "\r\n"),
            b'\r' => (1, "\r"),
            _ => match bytes.get(offset..offset + 3) {
                Some(b"\xE2\x80\xA8") => (3, "\u{2028}"),
                Some(b"\xE2\x80\xA9") => (3, "\u{2029}"),
                _ => continue,
            },
        };
        tally.note("characters.line-break", offset, before, "\n");
        out.push_str(&text[copied..offset]);
        out.push('\n');
        copied = offset + length;
    }
    out.push_str(&text[copied..]);
    tally.report(changes);
    Cow::Owned(out)
}

/// Whether `bytes` may hold a line break [`normalize_line_breaks`]
/// replaces: a CR, or the last two bytes of U+2028 or U+2029 (80 A8 or
/// 80 A9), all found in one pass instead of three searches.
fn may_hold_line_breaks(bytes: &[u8]) -> bool {
    has_pair(bytes, |byte, next| {
        (byte == b'\r') | ((byte == 0x80) & (next | 1 == 0xA9))
    })
}

/// Removes control and invisible characters, turns Unicode spaces and tabs
/// into spaces, folds runs of spaces, strips every line and applies NFC.
/// Expects `\n` line breaks (see [`normalize_line_breaks`]).
pub fn clean<'a>(text: &'a str, changes: &mut Vec<Change>) -> Cow<'a, str> {
    clean_noting_lines(text, changes).0
}

/// [`clean`], and where each line it changed starts in what it gives back,
/// in order: the lines it changes keep their number, so the others are
/// the lines of `text` as they were. `None` when NFC changed the text, as
/// that can change any line.
pub(crate) fn clean_noting_lines<'a>(
    text: &'a str,
    changes: &mut Vec<Change>,
) -> (Cow<'a, str>, Option<Vec<usize>>) {
    let mut tally = Tally::default();
    let mut changed_lines = Vec::new();
    if !text_may_need_work(text.as_bytes()) {
        let text = to_nfc(Cow::Borrowed(text), &mut tally);
        return (text, tally.report_noting_nfc(changes, changed_lines));
    }
    let mut out: Option<String> = None;
    let mut line_start = 0;
    for line in lines(text) {
        let cleaned = clean_line(line, line_start, &mut tally);
        match (&mut out, cleaned) {
            (None, Cow::Borrowed(_)) => {}
            (None, Cow::Owned(changed)) => {
                let mut started = String::with_capacity(text.len());
                started.push_str(&text[..line_start]);
                changed_lines.push(started.len());
                started.push_str(&changed);
                out = Some(started);
            }
            (Some(buffer), cleaned) => {
                if matches!(cleaned, Cow::Owned(_)) {
                    changed_lines.push(buffer.len());
                }
                buffer.push_str(&cleaned);
            }
        }
        line_start += line.len() + 1;
        if line_start <= text.len() {
            if let Some(buffer) = &mut out {
                buffer.push('\n');
            }
        }
    }
    let text: Cow<'a, str> = match out {
        Some(owned) => {
            // A last line cleaned to nothing is no line of the text.
            if changed_lines.last() == Some(&owned.len()) {
                changed_lines.pop();
            }
            Cow::Owned(owned)
        }
        None => Cow::Borrowed(text),
    };
    let text = to_nfc(text, &mut tally);
    (text, tally.report_noting_nfc(changes, changed_lines))
}

/// The lines of `text` without their `\n`, as `text.split('\n')` gives
/// them, found with `memchr`.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut start = 0;
    ends.map(move |end| {
        let line = &text[start..end];
        start = end + 1;
        line
    })
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
/// U+2000 block; EF BB BF: BOM). Clean lines are rejected by this scan,
/// written as [`text_may_need_work`] is: a branch-free pass for control
/// bytes, a substring search for doubled spaces and `memchr` for the lead
/// bytes.
fn may_need_work(line: &str) -> bool {
    let bytes = line.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return true;
    }
    if has_byte(bytes, |byte| byte < 0x20 || byte == 0x7F) {
        return true;
    }
    static DOUBLE_SPACE: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
        std::sync::OnceLock::new();
    let double_space = DOUBLE_SPACE.get_or_init(|| memchr::memmem::Finder::new(b"  "));
    if double_space.find(bytes).is_some() {
        return true;
    }
    memchr::memchr3_iter(0xC2, 0xE2, 0xEF, bytes)
        .chain(memchr::memchr_iter(0xE1, bytes))
        .any(|index| is_special_sequence(&bytes[index..]))
}

/// The whole-text form of [`may_need_work`], written so that clean text is
/// rejected at memory speed: one branch-free pass over pairs of bytes for
/// control bytes and doubled and edge spaces, and `memchr` for the lead
/// bytes of the special characters.
fn text_may_need_work(bytes: &[u8]) -> bool {
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return true;
    }
    // Control bytes but the line break, DEL, a space before a space or a
    // line break, and a space after a line break. A pair whose greater
    // byte is a space is one of those three, or a space beside a control
    // byte (found on its own), or the last byte a space (found above):
    // one compare of the greater byte tests them all.
    let needs_work = |byte: u8, next: u8| {
        ((byte < 0x20) & (byte != b'\n')) | (byte == 0x7F) | (byte.max(next) == b' ')
    };
    if has_pair(bytes, needs_work) {
        return true;
    }
    memchr::memchr3_iter(0xC2, 0xE2, 0xEF, bytes)
        .chain(memchr::memchr_iter(0xE1, bytes))
        .any(|index| is_special_sequence(&bytes[index..]))
}

/// Whether `bytes` starts with the UTF-8 form of a character that
/// [`disposition`] removes or turns into a space.
fn is_special_sequence(bytes: &[u8]) -> bool {
    matches!(
        bytes,
        [0xC2, 0x80..=0xA0 | 0xAD, ..]
            | [0xE1, 0x9A, 0x80, ..]
            | [0xE2, 0x80, 0x80..=0x8B | 0xAF, ..]
            | [0xE2, 0x81, 0x9F | 0xA0, ..]
            | [0xEF, 0xBB, 0xBF, ..]
    )
}

/// Bytes that can start a character [`clean_line`] must look at: control
/// bytes, DEL, the space, and the lead bytes of the characters
/// [`disposition`] removes or turns into a space (C2, E1, E2, EF). Every
/// other byte belongs to a character that is kept as it is.
const fn byte_needs_a_look() -> [bool; 256] {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = byte < 0x20 || byte == 0x7F || byte == b' ' as usize;
        byte += 1;
    }
    table[0xC2] = true;
    table[0xE1] = true;
    table[0xE2] = true;
    table[0xEF] = true;
    table
}

static NEEDS_A_LOOK: [bool; 256] = byte_needs_a_look();

/// Cleans one line (without its `\n`). The characters between two bytes of
/// [`NEEDS_A_LOOK`] are copied as one run, and so is a single space
/// between two such runs: only the other characters go through
/// [`disposition`] one at a time.
fn clean_line<'a>(line: &'a str, line_start: usize, tally: &mut Tally) -> Cow<'a, str> {
    if !may_need_work(line) {
        return Cow::Borrowed(line);
    }
    let bytes = line.as_bytes();
    let mut cleaned = CleanedLine {
        out: String::with_capacity(line.len()),
        changed: false,
        pending_space: false,
        space_run_start: None,
        line_start,
    };
    let mut index = 0;
    while index < bytes.len() {
        let run_start = index;
        while let Some(&byte) = bytes.get(index) {
            if !NEEDS_A_LOOK[usize::from(byte)] {
                index += 1;
            } else if byte == b' '
                && index > run_start
                && bytes
                    .get(index + 1)
                    .is_some_and(|&next| !NEEDS_A_LOOK[usize::from(next)])
            {
                // A lone space inside the run is kept as it is.
                index += 2;
            } else {
                break;
            }
        }
        if index > run_start {
            cleaned.before_kept(tally);
            cleaned.out.push_str(&line[run_start..index]);
            continue;
        }
        let Some(c) = line[index..].chars().next() else {
            break;
        };
        let offset = index;
        index += c.len_utf8();
        let as_space = match disposition(c) {
            Disposition::Keep => c == ' ',
            Disposition::Remove(reason) => {
                tally.note(reason, line_start + offset, &line[offset..index], "");
                cleaned.changed = true;
                continue;
            }
            Disposition::Space(reason) => {
                tally.note(reason, line_start + offset, &line[offset..index], " ");
                cleaned.changed = true;
                true
            }
        };
        if as_space {
            cleaned.space_at(offset, tally);
        } else {
            cleaned.before_kept(tally);
            cleaned.out.push(c);
        }
    }
    if cleaned.pending_space {
        cleaned.changed = true;
        tally.note("characters.whitespace", line_start + line.len(), " ", "");
    }
    if cleaned.changed {
        Cow::Owned(cleaned.out)
    } else {
        Cow::Borrowed(line)
    }
}

/// A line being cleaned: what is written so far and the spaces seen since.
struct CleanedLine {
    out: String,
    changed: bool,
    /// Spaces were seen since the last kept character: one is written
    /// before the next kept character, unless the line has none yet.
    pending_space: bool,
    /// Where the current run of spaces started, until its doubling is
    /// noted.
    space_run_start: Option<usize>,
    line_start: usize,
}

impl CleanedLine {
    /// A space, or a character that becomes one, at `offset`.
    fn space_at(&mut self, offset: usize, tally: &mut Tally) {
        if self.pending_space {
            self.changed = true;
            if let Some(start) = self.space_run_start.take() {
                tally.note("characters.whitespace", self.line_start + start, "  ", " ");
            }
        } else {
            self.space_run_start = Some(offset);
        }
        self.pending_space = true;
    }

    /// Writes the space owed before a kept character; spaces before the
    /// first one are stripped.
    fn before_kept(&mut self, tally: &mut Tally) {
        if !self.pending_space {
            return;
        }
        if self.out.is_empty() {
            self.changed = true;
            tally.note("characters.whitespace", self.line_start, " ", "");
        } else {
            self.out.push(' ');
        }
        self.pending_space = false;
        self.space_run_start = None;
    }
}

/// The reason of the NFC repair, noted whenever NFC changes a text.
const NFC_REASON: &str = "characters.nfc";

fn to_nfc<'a>(text: Cow<'a, str>, tally: &mut Tally) -> Cow<'a, str> {
    if text.is_ascii() || nfc_quick_check(&text) == IsNormalized::Yes {
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
    tally.note(NFC_REASON, first_difference, "", "");
    Cow::Owned(normalized)
}

/// The NFC quick check of `text` (UAX #15), as
/// `unicode_normalization::is_nfc_quick` works it out, from a table of
/// each character's combining class and quick-check answer instead of a
/// search per character. Only the characters that are not safe starters
/// (class 0, answer Yes) are looked at one by one: ASCII and the letters
/// below U+0300 are passed a chunk at a time without decoding, and the
/// other safe starters by [`QuickCheckTable::skip_safe_starters`]. A
/// safe starter resets the order of combining marks, so the class of the
/// character before a looked-at one is 0 unless that one was looked at
/// too.
fn nfc_quick_check(text: &str) -> IsNormalized {
    let bytes = text.as_bytes();
    let mut table: Option<&QuickCheckTable> = None;
    let mut result = IsNormalized::Yes;
    let mut last_class = 0u8;
    let mut index = 0;
    while let Some(&first) = bytes.get(index) {
        if first < 0xCC {
            index = skip_below_u0300(bytes, index);
            last_class = 0;
            continue;
        }
        let table = *table.get_or_insert_with(quick_check_table);
        if first == 0xE0 {
            match table.pass_thai(bytes, index, last_class) {
                None => return IsNormalized::No,
                Some((past_thai, class)) if past_thai > index => {
                    index = past_thai;
                    last_class = class;
                    continue;
                }
                Some(_) => {}
            }
        }
        let past_safe = table.skip_safe_starters(bytes, index);
        if past_safe > index {
            index = past_safe;
            last_class = 0;
            continue;
        }
        let (code, length) = code_point_at(bytes, index, first);
        index += length;
        let (class, answer) = table.facts(code);
        if class != 0 && last_class > class {
            return IsNormalized::No;
        }
        match answer {
            IsNormalized::Yes => {}
            IsNormalized::No => return IsNormalized::No,
            IsNormalized::Maybe => result = IsNormalized::Maybe,
        }
        last_class = class;
    }
    result
}

/// From `index`, a character boundary, past every byte below 0xCC: ASCII
/// and the two-byte characters below U+0300 (their second bytes are below
/// 0xCC too), which ends on a boundary again. Text in Latin scripts is
/// mostly such bytes, so they are first taken 64 at a time with a test of
/// whether any byte reaches 0xCC that the compiler turns into vector
/// compares, and in the chunk that holds one, 16 at a time.
fn skip_below_u0300(bytes: &[u8], mut index: usize) -> usize {
    // In other scripts such runs are a space or a comma between words:
    // a few bytes are first taken one at a time. Eight ASCII bytes, as
    // after a quotation mark in Latin text, are taken at once.
    if starts_eight_ascii_bytes(&bytes[index..]) {
        index += 8;
    } else {
        let first_bytes_end = (index + 8).min(bytes.len());
        while index < first_bytes_end {
            if bytes[index] >= 0xCC {
                return index;
            }
            index += 1;
        }
    }
    while let Some(chunk) = bytes.get(index..).and_then(<[u8]>::first_chunk::<64>) {
        if any_from_u0300(chunk) {
            break;
        }
        index += 64;
    }
    while let Some(chunk) = bytes.get(index..).and_then(<[u8]>::first_chunk::<16>) {
        if any_from_u0300(chunk) {
            break;
        }
        index += 16;
    }
    while bytes.get(index).is_some_and(|&byte| byte < 0xCC) {
        index += 1;
    }
    index
}

/// Whether some byte of `chunk` is 0xCC or above: a lead byte of a
/// character from U+0300 on, or one of its continuation bytes.
#[inline(always)]
fn any_from_u0300<const N: usize>(chunk: &[u8; N]) -> bool {
    chunk
        .iter()
        .fold(false, |found, &byte| found | (byte >= 0xCC))
}

/// The combining class and quick-check answer of every Basic
/// Multilingual Plane code point, from the normalisation crate's own
/// per-character data; astral characters are asked directly. Each block
/// of 64 code points is worked out the first time a text reaches it: a run
/// cleaning one language never pays for the whole plane. The safe starters
/// among the two-byte characters (most letters of Greek, Cyrillic,
/// Armenian, Hebrew and Arabic text) are also kept as one bit set, worked
/// out with the table, so that they are passed with one look-up.
struct QuickCheckTable {
    blocks: Vec<OnceLock<Box<BlockFacts>>>,
    /// A bit per safe starter from U+0000 to U+07FF.
    two_byte_safe: [u64; 32],
    /// What each byte that starts a character tells of it.
    lead_kinds: [LeadKind; 256],
    /// A bit per character of U+0800 to U+FFFF (by block, `code >> 6`)
    /// that is not a safe starter, read straight from a three-byte
    /// character's bytes. A block is all ones ([`NOT_YET_WORKED_OUT`])
    /// until a text reaches it.
    three_byte_unsafe: Box<[AtomicU64; 0x10000 / 64]>,
    /// The combining class of each character of the Thai block, U+0E00
    /// to U+0E7F, when all their quick-check answers are Yes.
    thai_classes: Option<[u8; 128]>,
}

/// The unsafe bits of a block of three-byte characters that has not been
/// worked out. A block without a safe starter has the same bits and is
/// worked out again each time, with the same answers.
const NOT_YET_WORKED_OUT: u64 = u64::MAX;

/// What the first byte of a character tells the quick check.
#[derive(Clone, Copy, Debug, PartialEq)]
enum LeadKind {
    /// ASCII: a safe starter.
    Ascii,
    /// Every character with this first byte is a safe starter of this
    /// many bytes: the two-byte lead bytes of blocks of 64 safe starters
    /// (most of Cyrillic, for one), and E4 to E9, the CJK ideographs of
    /// U+4000 to U+9FFF.
    Safe(u8),
    /// A lead byte of [`CYRILLIC`], [`GREEK`] or [`ARABIC`]: from its
    /// letter on, text is taken 16 bytes at a time while it holds only
    /// ASCII and the script's letters.
    Cyrillic,
    Greek,
    Arabic,
    /// A two- or three-byte character that its block's safe bits settle.
    TwoBytes,
    ThreeBytes,
    /// Four-byte characters: decoded.
    Other,
}

/// What the quick check needs of the 64 code points from `block * 64`.
struct BlockFacts {
    /// A bit per safe starter: combining class 0 and answer Yes.
    safe: u64,
    /// A bit per character whose answer is Maybe, and one per No.
    maybe: u64,
    no: u64,
    /// Each character's canonical combining class.
    classes: [u8; 64],
}

impl BlockFacts {
    fn of(block: usize) -> BlockFacts {
        let mut facts = BlockFacts {
            safe: 0,
            maybe: 0,
            no: 0,
            classes: [0; 64],
        };
        for offset in 0..64 {
            // Surrogates are no characters and never reach the check.
            let Some(c) = char::from_u32((block as u32) << 6 | offset as u32) else {
                continue;
            };
            let (class, answer) = facts_of(c);
            facts.classes[offset] = class;
            match answer {
                IsNormalized::Yes if class == 0 => facts.safe |= 1 << offset,
                IsNormalized::Yes => {}
                IsNormalized::Maybe => facts.maybe |= 1 << offset,
                IsNormalized::No => facts.no |= 1 << offset,
            }
        }
        facts
    }

    /// The combining class and quick-check answer of the character with
    /// code point `code`, one of this block's.
    #[inline]
    fn facts(&self, code: u32) -> (u8, IsNormalized) {
        let bit = 1u64 << (code & 63);
        if self.safe & bit != 0 {
            return (0, IsNormalized::Yes);
        }
        let answer = if self.no & bit != 0 {
            IsNormalized::No
        } else if self.maybe & bit != 0 {
            IsNormalized::Maybe
        } else {
            IsNormalized::Yes
        };
        (self.classes[(code & 63) as usize], answer)
    }
}

impl QuickCheckTable {
    fn block(&self, block: usize) -> Option<&BlockFacts> {
        let facts = self.blocks.get(block)?;
        Some(facts.get_or_init(|| Box::new(BlockFacts::of(block))))
    }

    /// The combining class and quick-check answer of the character with
    /// code point `code`.
    fn facts(&self, code: u32) -> (u8, IsNormalized) {
        match self.block(code as usize >> 6) {
            Some(facts) => facts.facts(code),
            None => char::from_u32(code).map_or((0, IsNormalized::Yes), facts_of),
        }
    }

    /// From `index`, a character boundary, past every safe starter, to
    /// the first character that is not one (or the end of `bytes`). A
    /// character is settled by its lead byte when that starts only safe
    /// starters, else, for two- and three-byte characters, by its bit in
    /// the safe starters (or the unsafe bits) of its block of 64, found
    /// from its bytes without decoding it.
    #[inline]
    fn skip_safe_starters(&self, bytes: &[u8], mut index: usize) -> usize {
        while let Some(&lead) = bytes.get(index) {
            match self.lead_kinds[usize::from(lead)] {
                LeadKind::Ascii => {
                    // Long runs of ASCII are taken faster a chunk at a
                    // time; the spaces and marks between words of other
                    // scripts are taken here.
                    if starts_eight_ascii_bytes(&bytes[index..]) {
                        break;
                    }
                    index += 1;
                }
                LeadKind::Safe(length) => index += usize::from(length),
                LeadKind::Cyrillic => {
                    index = CYRILLIC.skip_chunks(bytes, index + 2);
                }
                LeadKind::Greek if self.two_byte_safe_at(bytes, index) => {
                    index = GREEK.skip_chunks(bytes, index + 2);
                }
                LeadKind::Arabic if self.two_byte_safe_at(bytes, index) => {
                    index = ARABIC.skip_chunks(bytes, index + 2);
                }
                LeadKind::TwoBytes if self.two_byte_safe_at(bytes, index) => index += 2,
                LeadKind::ThreeBytes if self.three_byte_safe_at(bytes, index) => index += 3,
                // Another character, or one of the kinds above that is no
                // safe starter.
                _ => break,
            }
        }
        index
    }

    /// From `index`, past a run of Thai characters, whose quick-check
    /// answers are all Yes: only the order of their marks (the vowels
    /// below and the tone marks, of three classes) can fail the check.
    /// Gives the place after the run and the combining class of its last
    /// character, `last_class` when there is none, or `None` when a mark
    /// follows one of a higher class. Thai text has a mark on most
    /// syllables, each of which would stop [`Self::skip_safe_starters`].
    #[inline]
    fn pass_thai(&self, bytes: &[u8], index: usize, mut last_class: u8) -> Option<(usize, u8)> {
        let Some(classes) = &self.thai_classes else {
            return Some((index, last_class));
        };
        // U+0E00 to U+0E3F are E0 B8 80 to BF, U+0E40 to U+0E7F E0 B9 80
        // to BF.
        let mut rest = &bytes[index..];
        while let [0xE0, second @ (0xB8 | 0xB9), third, after @ ..] = rest {
            let class = classes[usize::from(second & 1) << 6 | usize::from(third & 0x3F)];
            if class != 0 && last_class > class {
                return None;
            }
            last_class = class;
            rest = after;
        }
        Some((bytes.len() - rest.len(), last_class))
    }

    /// Whether the two-byte character at `index` of `bytes` is a safe
    /// starter.
    #[inline(always)]
    fn two_byte_safe_at(&self, bytes: &[u8], index: usize) -> bool {
        bytes
            .get(index + 1)
            .is_some_and(|&second| self.is_two_byte_safe(bytes[index], second))
    }

    /// Whether the three-byte character at `index` of `bytes` is a safe
    /// starter, which its block's unsafe bits tell.
    #[inline(always)]
    fn three_byte_safe_at(&self, bytes: &[u8], index: usize) -> bool {
        match (bytes.get(index + 1), bytes.get(index + 2)) {
            (Some(&second), Some(&third)) => {
                let block = usize::from(bytes[index] & 0x0F) << 6 | usize::from(second & 0x3F);
                (self.three_byte_unsafe_bits(block) >> (third & 0x3F)) & 1 == 0
            }
            _ => false,
        }
    }

    /// Whether the two-byte character of `lead` and `second` is a safe
    /// starter.
    #[inline(always)]
    fn is_two_byte_safe(&self, lead: u8, second: u8) -> bool {
        (self.two_byte_safe[usize::from(lead & 0x1F)] >> (second & 0x3F)) & 1 != 0
    }

    /// Whether every character that `script`'s lead bytes start is a safe
    /// starter, but those its chunks leave out.
    fn starts_only_safe_starters(&self, script: TwoByteScript) -> bool {
        [script.lead, script.lead + 1].into_iter().all(|lead| {
            (0x80..=0xBF)
                .all(|second| script.leaves_out(second) || self.is_two_byte_safe(lead, second))
        })
    }

    /// The unsafe bits of `block`, a block of three-byte characters,
    /// worked out the first time a text reaches it.
    #[inline]
    fn three_byte_unsafe_bits(&self, block: usize) -> u64 {
        let bits = &self.three_byte_unsafe[block];
        match bits.load(Ordering::Relaxed) {
            NOT_YET_WORKED_OUT => {
                let worked_out = self
                    .block(block)
                    .map_or(NOT_YET_WORKED_OUT, |facts| !facts.safe);
                bits.store(worked_out, Ordering::Relaxed);
                worked_out
            }
            known => known,
        }
    }

    /// Whether the character with code point `code` is a safe starter.
    #[cfg(test)]
    fn is_safe_starter(&self, code: u32) -> bool {
        matches!(self.facts(code), (0, IsNormalized::Yes))
    }
}

/// A script whose letters are two-byte characters of two lead bytes in a
/// row, all safe starters but those of the continuation bytes it leaves
/// out: one byte and a range of them.
#[derive(Clone, Copy, Debug, PartialEq)]
struct TwoByteScript {
    /// The first, even, of the two lead bytes.
    lead: u8,
    /// A continuation byte left out of the script's chunks (0xFF, no byte
    /// of UTF-8, for none).
    unsafe_continuation: u8,
    /// The first and last of a range of continuation bytes left out of the
    /// script's chunks (a first above the last for none).
    unsafe_range: (u8, u8),
}

/// U+0400 to U+047F, all safe starters.
const CYRILLIC: TwoByteScript = TwoByteScript {
    lead: 0xD0,
    unsafe_continuation: 0xFF,
    unsafe_range: (0xFF, 0),
};

/// U+0380 to U+03FF, all safe starters but U+0387, the ano teleia (CE 87),
/// which NFC replaces by a middle dot. χ (CF 87) is left out of the chunks
/// with it.
const GREEK: TwoByteScript = TwoByteScript {
    lead: 0xCE,
    unsafe_continuation: 0x87,
    unsafe_range: (0xFF, 0),
};

/// U+0600 to U+067F, all safe starters but the marks of U+0610 to U+061A
/// (D8 90 to D8 9A), U+064B to U+065F (D9 8B to D9 9F) and U+0670 (D9 B0).
/// The range 8B to 9F leaves out a few punctuation marks (`،` `؛` `؟`)
/// with them.
const ARABIC: TwoByteScript = TwoByteScript {
    lead: 0xD8,
    unsafe_continuation: 0xB0,
    unsafe_range: (0x8B, 0x9F),
};

impl TwoByteScript {
    /// Whether `byte` is a continuation byte the script's chunks leave out.
    #[inline(always)]
    fn leaves_out(self, byte: u8) -> bool {
        let (first, last) = self.unsafe_range;
        (byte == self.unsafe_continuation) | ((first..=last).contains(&byte))
    }

    /// From `index`, a character boundary, past every chunk of 16 bytes
    /// that holds only ASCII, the script's lead bytes and continuation
    /// bytes other than those it leaves out. Each continuation byte of such a
    /// chunk follows a lead in it, so its characters are ASCII and the
    /// script's safe starters; a lead as its last byte takes its
    /// continuation along, unless the script leaves that out.
    #[inline(always)]
    fn skip_chunks(self, bytes: &[u8], mut index: usize) -> usize {
        while let Some(chunk) = bytes.get(index..).and_then(<[u8]>::first_chunk::<16>) {
            let plain = chunk.iter().fold(true, |plain, &byte| {
                plain & ((byte < 0xC0) | (byte & 0xFE == self.lead)) & !self.leaves_out(byte)
            });
            if !plain {
                break;
            }
            if chunk[15] < 0xC0 {
                index += 16;
                continue;
            }
            match bytes.get(index + 16) {
                Some(&continuation) if !self.leaves_out(continuation) => index += 17,
                _ => return index + 15,
            }
        }
        index
    }
}

/// Whether `bytes` starts with eight ASCII bytes.
#[inline]
fn starts_eight_ascii_bytes(bytes: &[u8]) -> bool {
    bytes
        .first_chunk::<8>()
        .is_some_and(|word| u64::from_le_bytes(*word) & 0x8080_8080_8080_8080 == 0)
}

/// The combining class and quick-check answer of one character.
fn facts_of(c: char) -> (u8, IsNormalized) {
    (
        unicode_normalization::char::canonical_combining_class(c),
        is_nfc_quick(std::iter::once(c)),
    )
}

/// The combining classes of U+0E00 to U+0E7F, if every one of them has
/// the quick-check answer Yes.
fn thai_classes() -> Option<[u8; 128]> {
    let mut classes = [0; 128];
    for (offset, class) in classes.iter_mut().enumerate() {
        let c = char::from_u32(0xE00 + offset as u32)?;
        let (char_class, answer) = facts_of(c);
        if answer != IsNormalized::Yes {
            return None;
        }
        *class = char_class;
    }
    Some(classes)
}

fn quick_check_table() -> &'static QuickCheckTable {
    static TABLE: OnceLock<QuickCheckTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = QuickCheckTable {
            blocks: (0..0x10000 / 64).map(|_| OnceLock::new()).collect(),
            two_byte_safe: [0; 32],
            lead_kinds: [LeadKind::Other; 256],
            three_byte_unsafe: Box::new(std::array::from_fn(|_| {
                AtomicU64::new(NOT_YET_WORKED_OUT)
            })),
            thai_classes: None,
        };
        for block in 0..table.two_byte_safe.len() {
            table.two_byte_safe[block] = table.block(block).map_or(0, |facts| facts.safe);
        }
        let kinds = &mut table.lead_kinds;
        kinds[..0x80].fill(LeadKind::Ascii);
        // The lead bytes C2 to DF start the blocks 2 to 31.
        for (kind, &safe) in kinds[0xC2..=0xDF].iter_mut().zip(&table.two_byte_safe[2..]) {
            *kind = match safe {
                u64::MAX => LeadKind::Safe(2),
                _ => LeadKind::TwoBytes,
            };
        }
        kinds[0xE0..=0xEF].fill(LeadKind::ThreeBytes);
        // U+4000 to U+9FFF: CJK ideographs and the Yijing hexagrams, all
        // safe starters.
        kinds[0xE4..=0xE9].fill(LeadKind::Safe(3));
        let scripts = [
            (CYRILLIC, LeadKind::Cyrillic),
            (GREEK, LeadKind::Greek),
            (ARABIC, LeadKind::Arabic),
        ];
        for (script, kind) in scripts {
            if table.starts_only_safe_starters(script) {
                let lead = usize::from(script.lead);
                table.lead_kinds[lead..=lead + 1].fill(kind);
            }
        }
        table.thai_classes = thai_classes();
        table
    })
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

    /// Reports the repairs and gives back `changed_lines`, or `None` when
    /// NFC changed the text.
    fn report_noting_nfc(
        self,
        changes: &mut Vec<Change>,
        changed_lines: Vec<usize>,
    ) -> Option<Vec<usize>> {
        let normalized = self.entries.iter().any(|entry| entry.reason == NFC_REASON);
        self.report(changes);
        (!normalized).then_some(changed_lines)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick check of `text` answers as the one of unicode-normalization.
    fn assert_quick_checks_agree(text: &str) {
        assert_eq!(
            nfc_quick_check(text),
            is_nfc_quick(text.chars()),
            "{text:?}"
        );
    }

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
    fn the_table_check_agrees_with_the_quick_check() {
        for text in [
            "Президент России",
            "รัฐบาลไทย นั้น",
            "日本銀行は",
            "한국은행은",
            "한국은행은\u{1161}",
            "cafe\u{301}",
            "cafe\u{301} Ha\u{308}user",
            "a\u{323}\u{302} a\u{302}\u{323}",
            "Αθήνα",
            "👨\u{200D}👩",
            "\u{0958}",
            "\u{F900}",
            "\u{0915}\u{093C}",
        ] {
            assert_quick_checks_agree(text);
        }
        assert_eq!(nfc_quick_check("cafe\u{301}"), IsNormalized::Maybe);
        assert_eq!(nfc_quick_check("\u{F900}"), IsNormalized::No);
        assert_eq!(nfc_quick_check("Президент รัฐบาล 日本"), IsNormalized::Yes);
    }

    #[test]
    fn the_whole_text_scan_finds_what_the_line_scan_finds() {
        for text in [
            "a  b",
            " a",
            "a ",
            "a\n b",
            "a \nb",
            "a\tb",
            "a\u{7F}",
            "a\u{A0}b",
            "x\u{200B}",
            "\u{FEFF}x",
            "a\u{1680}b",
            "a\u{2060}",
        ] {
            assert!(text_may_need_work(text.as_bytes()), "{text:?}");
        }
        for text in ["a b", "“quoted” — ’", "Ελλάδα", "a\nb"] {
            assert!(!text_may_need_work(text.as_bytes()), "{text:?}");
        }
    }

    #[test]
    fn every_short_ascii_text_is_scanned_as_its_lines_are() {
        // Spaces beside control bytes and at the ends, which the whole
        // text scan settles by other tests than the line scan does.
        let mut text = String::new();
        for first in 0..0x80u8 {
            for second in 0..0x80u8 {
                for third in [None, Some(b' '), Some(b'\n'), Some(b'\t'), Some(b'a')] {
                    text.clear();
                    text.push(char::from(first));
                    text.push(char::from(second));
                    text.extend(third.map(char::from));
                    assert_eq!(
                        text_may_need_work(text.as_bytes()),
                        text.split('\n').any(may_need_work),
                        "{text:?}"
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_one_pass_scans_agree_with_their_definitions(
            text in "[ab \n\r\t\u{0}\u{7F}\u{80}\u{A0}\u{A8}\u{A9}\u{2028}\u{2029}\u{3028}\u{200B}é€ж]{0,30}"
        ) {
            let lines_need_work = text.split('\n').any(may_need_work);
            proptest::prop_assert_eq!(text_may_need_work(text.as_bytes()), lines_need_work);
            let has_line_breaks = text.contains(['\r', '\u{2028}', '\u{2029}']);
            proptest::prop_assert!(may_hold_line_breaks(text.as_bytes()) || !has_line_breaks);
        }
    }

    #[test]
    fn every_character_is_checked_as_the_quick_check_checks_it() {
        for c in (0..0x10000).filter_map(char::from_u32) {
            for text in [format!("x{c}y"), format!("{c}\u{301}"), format!("ж{c}")] {
                assert_eq!(nfc_quick_check(&text), is_nfc_quick(text.chars()), "{c:?}");
            }
        }
    }

    #[test]
    fn the_table_worked_out_block_by_block_holds_every_character() {
        let table = quick_check_table();
        for code in (0..0x11000).rev() {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            assert_eq!(table.facts(code), facts_of(c), "{code:X}");
            let safe = unicode_normalization::char::canonical_combining_class(c) == 0
                && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes;
            assert_eq!(table.is_safe_starter(code), safe, "{code:X}");
        }
    }

    #[test]
    fn the_line_scan_finds_every_character_that_needs_work() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let needs = !matches!(disposition(c), Disposition::Keep);
            assert_eq!(may_need_work(&format!("a{c}b")), needs, "{c:?}");
        }
        assert!(may_need_work("a  b") && may_need_work(" a") && may_need_work("a "));
        assert!(!may_need_work("a b “c” — d"));
    }

    #[test]
    fn the_characters_passed_without_decoding_are_safe_starters() {
        let table = quick_check_table();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let safe = facts_of(c) == (0, IsNormalized::Yes);
            // A lone ASCII character between others is passed too.
            let text = format!("{c}ж{c}\u{301}");
            let passed = table.skip_safe_starters(text.as_bytes(), 0);
            // Astral characters are always decoded.
            let expected = if safe && c.len_utf8() < 4 {
                2 * c.len_utf8() + 2
            } else {
                0
            };
            assert_eq!(passed, expected, "{c:?}");
        }
        let passed = |text: &str| table.skip_safe_starters(text.as_bytes(), 0);
        assert_eq!(passed("жа жа, жа"), "жа жа, жа".len());
        assert_eq!(passed("жа 12345 жа"), "жа 12345 жа".len());
        assert_eq!(passed("ж 12345678 ж"), "ж".len());
        // Within chunks of Cyrillic text, ASCII runs are passed too.
        assert_eq!(passed("жа 12345678 жа"), "жа 12345678 жа".len());
        assert_eq!(passed("жа 日本 ж"), "жа 日本 ж".len());
    }

    proptest::proptest! {
        #[test]
        fn safe_starters_are_passed_up_to_the_first_character_that_is_not_one(
            text in "[ ,а-яЁёА-Я\u{460}-\u{48F}\u{4C0}-\u{4C4}«»é—\u{301}α-ωΑ-Ωύ\u{37E}-\u{3FF}\u{600}-\u{6FF}]{0,80}"
        ) {
            let table = quick_check_table();
            let passed = table.skip_safe_starters(text.as_bytes(), 0);
            proptest::prop_assert!(text.is_char_boundary(passed));
            proptest::prop_assert!(text[..passed].chars().all(|c| table.is_safe_starter(c as u32)));
            // It stops only at a character that is not a safe starter or
            // before eight ASCII bytes, which are taken a chunk at a time.
            let rest = &text.as_bytes()[passed..];
            let stopped_for_a_reason = match text[passed..].chars().next() {
                None => true,
                Some(c) => !table.is_safe_starter(c as u32) || starts_eight_ascii_bytes(rest),
            };
            proptest::prop_assert!(stopped_for_a_reason, "{:?} at {}", text, passed);
        }
    }

    #[test]
    fn the_scripts_taken_by_chunks_hold_only_safe_starters() {
        let table = quick_check_table();
        let kinds = [
            (0xD0, LeadKind::Cyrillic),
            (0xD1, LeadKind::Cyrillic),
            (0xCE, LeadKind::Greek),
            (0xCF, LeadKind::Greek),
            (0xD8, LeadKind::Arabic),
            (0xD9, LeadKind::Arabic),
        ];
        for (lead, kind) in kinds {
            assert_eq!(table.lead_kinds[lead], kind, "{lead:X}");
        }
        let text = "Президент России заявил, что переговоры продолжатся. ".repeat(3);
        assert_eq!(CYRILLIC.skip_chunks(text.as_bytes(), 0), text.len());
        // A chunk that ends with a lead takes its continuation along.
        let text = "abcdefghijklmnoжabcdefghijklmnop«";
        assert_eq!(CYRILLIC.skip_chunks(text.as_bytes(), 0), 33);
        assert_eq!(CYRILLIC.skip_chunks("ж\u{483}".repeat(9).as_bytes(), 0), 0);
        assert_eq!(GREEK.skip_chunks("αβγδε ζηθ\u{387}ικλμν".as_bytes(), 0), 17);
        assert_eq!(GREEK.skip_chunks("αβγδε ζηθικλμνξο χ".as_bytes(), 0), 32);
        assert_eq!(
            ARABIC.skip_chunks("قال الرئيس إن المحادثات".as_bytes(), 0),
            33
        );
        assert_eq!(
            ARABIC.skip_chunks("قال الرئيس، إن المحادثات".as_bytes(), 0),
            17
        );
        assert_eq!(
            ARABIC.skip_chunks("قال الرئيس\u{670}".repeat(2).as_bytes(), 0),
            17
        );
        let mark_after_a_chunk = format!("{}\u{670}{}", "a".repeat(15), "b".repeat(20));
        assert_eq!(ARABIC.skip_chunks(mark_after_a_chunk.as_bytes(), 0), 15);
        let ano_teleia_after_a_chunk = format!("{}\u{387}{}", "a".repeat(15), "b".repeat(20));
        assert_eq!(
            GREEK.skip_chunks(ano_teleia_after_a_chunk.as_bytes(), 0),
            15
        );
    }

    /// The line clean-up one character at a time, as the definition of
    /// what [`clean_line`] does with its runs.
    fn clean_line_char_by_char(line: &str, line_start: usize, tally: &mut Tally) -> String {
        let mut cleaned = CleanedLine {
            out: String::new(),
            changed: false,
            pending_space: false,
            space_run_start: None,
            line_start,
        };
        for (offset, c) in line.char_indices() {
            match disposition(c) {
                Disposition::Keep if c == ' ' => cleaned.space_at(offset, tally),
                Disposition::Keep => {
                    cleaned.before_kept(tally);
                    cleaned.out.push(c);
                }
                Disposition::Remove(reason) => {
                    tally.note(reason, line_start + offset, &c.to_string(), "");
                }
                Disposition::Space(reason) => {
                    tally.note(reason, line_start + offset, &c.to_string(), " ");
                    cleaned.space_at(offset, tally);
                }
            }
        }
        if cleaned.pending_space {
            tally.note("characters.whitespace", line_start + line.len(), " ", "");
        }
        cleaned.out
    }

    proptest::proptest! {
        #[test]
        fn runs_are_cleaned_as_one_character_at_a_time(
            line in "[ab é€ж東\t\u{0}\u{7}\u{7F}\u{85}\u{A0}\u{AD}\u{1680}\u{2003}\u{200B}\u{202F}\u{2060}\u{FEFF}\u{2019}]{0,24}"
        ) {
            let (mut by_runs, mut by_chars) = (Tally::default(), Tally::default());
            let cleaned = clean_line(&line, 7, &mut by_runs);
            let expected = clean_line_char_by_char(&line, 7, &mut by_chars);
            proptest::prop_assert_eq!(cleaned.as_ref(), expected.as_str());
            let notes = |tally: Tally| {
                let mut changes = Vec::new();
                tally.report(&mut changes);
                changes
                    .iter()
                    .map(|change| format!("{} {} {}", change.reason, change.position, change.count))
                    .collect::<Vec<_>>()
            };
            proptest::prop_assert_eq!(notes(by_runs), notes(by_chars));
        }
    }

    #[test]
    fn thai_marks_are_checked_by_their_classes() {
        assert!(quick_check_table().thai_classes.is_some());
        // Tone mark (107) then a vowel below (103); a vowel below then a
        // tone mark; the virama (9) after a tone mark; a grave accent
        // (230) before a tone mark.
        for text in [
            "ก\u{E48}\u{E38}",
            "ก\u{E38}\u{E48}",
            "ก\u{E48}\u{E3A}",
            "ก\u{300}\u{E48}",
            "ก\u{E48}\u{300}",
        ] {
            assert_quick_checks_agree(text);
        }
        assert_eq!(nfc_quick_check("ก\u{E48}\u{E38}"), IsNormalized::No);
    }

    proptest::proptest! {
        #[test]
        fn thai_text_is_checked_as_the_quick_check_checks_it(
            text in "[ก-ฮ\u{E30}-\u{E3A}\u{E40}-\u{E4E}\u{E50}\u{E7F} a\u{300}\u{E81}\u{EC8}]{0,40}"
        ) {
            proptest::prop_assert_eq!(nfc_quick_check(&text), is_nfc_quick(text.chars()));
        }

        #[test]
        fn the_table_check_is_the_quick_check(
            text in "[a \u{80}-\u{2FF}\u{300}-\u{36F}\u{400}-\u{4FF}\u{E00}-\u{E7F}\u{64B}-\u{65F}\u{5B0}-\u{5C7}\u{AC00}-\u{AC10}\u{1100}-\u{1112}\u{1161}-\u{1175}\u{2010}-\u{2030}\u{F900}-\u{F905}\u{1F600}\u{3040}-\u{30FF}\u{4E00}-\u{4E10}\u{9FF0}-\u{A010}\u{3099}\u{93C}\u{915}-\u{930}]{0,40}"
        ) {
            proptest::prop_assert_eq!(nfc_quick_check(&text), is_nfc_quick(text.chars()));
        }
    }

    proptest::proptest! {
        #[test]
        fn bytes_below_u0300_are_skipped_to_the_first_one_above(
            text in "[a \n.é\u{FF}\u{2FF}\u{300}ж’]{0,200}",
            from in 0usize..200,
        ) {
            let bytes = text.as_bytes();
            let from = (0..=from.min(bytes.len())).rev().find(|&at| text.is_char_boundary(at)).unwrap_or(0);
            let expected = bytes[from..]
                .iter()
                .position(|&byte| byte >= 0xCC)
                .map_or(bytes.len(), |offset| from + offset);
            proptest::prop_assert_eq!(skip_below_u0300(bytes, from), expected);
        }

        #[test]
        fn lines_are_the_pieces_between_line_breaks(text in "[a\n ж]{0,40}") {
            proptest::prop_assert_eq!(lines(&text).collect::<Vec<_>>(), text.split('\n').collect::<Vec<_>>());
        }
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
