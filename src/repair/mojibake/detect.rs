//! Finding candidates: the byte-level pre-scan that lets clean text through
//! at memory speed, and, on a line that has a hit, the spans whose
//! characters map back through one code page to valid multi-byte UTF-8.
//! Nothing here decides whether a span is mojibake; see `score` and the
//! planner in `mod.rs`.

use super::codepages::{candidate_masks, code_pages, CodePage};
use super::score::{class, Script};

/// Where the next non-ASCII byte is, from `start`, eight bytes at a time.
#[inline]
pub(crate) fn next_non_ascii(bytes: &[u8], start: usize) -> Option<usize> {
    let mut index = start;
    while index + 8 <= bytes.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[index..index + 8]);
        if u64::from_ne_bytes(word) & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        index += 8;
    }
    bytes[index..]
        .iter()
        .position(|&byte| byte >= 0x80)
        .map(|offset| index + offset)
}

/// The characters that stand for a lost byte in lossy damage.
pub(crate) fn is_loss_marker(c: char) -> bool {
    matches!(c, '?' | '\u{FFFD}' | ' ')
}

/// Whether the line holds a character that stands for a UTF-8 lead byte
/// under some code page, followed by one that stands for a continuation
/// byte under the same code page, or a windows-1252 capital followed by a
/// mark of a lost byte. Returns the
/// mask of code pages that matched.
pub(crate) fn candidate_pages(line: &str) -> u16 {
    let masks = candidate_masks();
    let bytes = line.as_bytes();
    let mut found = 0u16;
    let mut index = 0;
    while let Some(position) = next_non_ascii(bytes, index) {
        let Some(c) = line[position..].chars().next() else {
            break;
        };
        let after = position + c.len_utf8();
        index = after;
        let (lead, _) = masks.get(c);
        if lead == 0 {
            continue;
        }
        match line[after..].chars().next() {
            // Lossy damage of Latin text leaves a windows-1252 capital before
            // the hole; other letters before a space are ordinary text.
            Some(next) if is_loss_marker(next) && ('\u{C2}'..='\u{DF}').contains(&c) => {
                found |= lead
            }
            Some(next) => found |= lead & masks.get(next).1,
            None => {}
        }
    }
    found
}

/// The script whose letters fill a code page's upper half, for the code
/// pages made for one non-Latin script.
pub(crate) fn native_script(page: &CodePage) -> Option<Script> {
    match page.reason {
        "mojibake.windows-1251" | "mojibake.koi8-r" | "mojibake.koi8-u" => Some(Script::Cyrillic),
        "mojibake.windows-1253" => Some(Script::Greek),
        "mojibake.windows-874" => Some(Script::Thai),
        _ => None,
    }
}

/// Narrows the pre-scan's mask to the code pages under which the line
/// holds a sequence worth judging. Clean Thai, Ukrainian or Greek text
/// often pairs a letter that stands for a lead byte with one that stands
/// for a continuation byte under its own code page (`ยก`, `Ві`); such a
/// sequence, with its neighbours also letters of that script (or the
/// line's edge), decoding to
/// something outside the script, is ordinary text. Mojibake of that
/// script's own text decodes into the script, and mojibake of any other
/// text brings symbols or other letters next to it, so neither is lost.
pub(crate) fn pages_worth_judging(chars: &[char], pages: u16) -> u16 {
    narrow_native_pages(pages, |page, native| {
        let is_native = |c: char| class(c).script == native;
        let ordinary = |sequence: &Sequence| {
            let end = sequence.start + sequence.len;
            let left = sequence.start.checked_sub(1).map(|left| chars[left]);
            let right = chars.get(end).copied();
            // The edge of the line counts as a neighbour of either kind,
            // but a lone sequence is judged.
            !is_native(sequence.decoded)
                && chars[sequence.start..end].iter().all(|&c| is_native(c))
                && (left.is_some() || right.is_some())
                && left.map_or(true, is_native)
                && right.map_or(true, is_native)
        };
        !sequences(chars, page, true).iter().all(ordinary)
    })
}

/// The pages of the mask `pages` that have no script of their own, plus
/// those with one (`native`) for which `keep(page, native)` holds: the
/// shared walk of the checks that spare clean text in a code page's own
/// script.
pub(crate) fn narrow_native_pages(
    pages: u16,
    mut keep: impl FnMut(&CodePage, Script) -> bool,
) -> u16 {
    let mut kept = 0u16;
    for (index, page) in code_pages().iter().enumerate() {
        let bit = 1u16 << index;
        if pages & bit == 0 {
            continue;
        }
        match native_script(page) {
            Some(native) if !keep(page, native) => {}
            _ => kept |= bit,
        }
    }
    kept
}

/// A run of characters that maps back to one valid UTF-8 sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sequence {
    /// Index of the first character (in the line's `char` vector).
    pub start: usize,
    /// Number of characters (2 to 4).
    pub len: usize,
    pub decoded: char,
}

/// How many bytes a UTF-8 sequence with this lead byte has.
pub(crate) fn sequence_length(lead: u8) -> Option<usize> {
    match lead {
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

/// Every complete, valid multi-byte sequence under `page`, left to right,
/// never overlapping. A sequence whose result no repair may produce
/// (controls, private use, unassigned) is not a candidate.
pub(crate) fn sequences(chars: &[char], page: &CodePage, allow_c1: bool) -> Vec<Sequence> {
    let mut found = Vec::new();
    let mut index = 0;
    while index < chars.len() {
        let Some(length) = page.byte(chars[index]).and_then(sequence_length) else {
            index += 1;
            continue;
        };
        if let Some(decoded) = decode_at(chars, index, length, page, allow_c1) {
            found.push(Sequence {
                start: index,
                len: length,
                decoded,
            });
            index += length;
        } else {
            index += 1;
        }
    }
    found
}

fn decode_at(
    chars: &[char],
    start: usize,
    length: usize,
    page: &CodePage,
    allow_c1: bool,
) -> Option<char> {
    let window = chars.get(start..start + length)?;
    let mut bytes = [0u8; 4];
    for (slot, &c) in bytes.iter_mut().zip(window) {
        *slot = page.byte(c)?;
    }
    let decoded = std::str::from_utf8(&bytes[..length]).ok()?.chars().next()?;
    if allow_c1 && is_c1(decoded) {
        return Some(decoded);
    }
    if class(decoded).is_forbidden() || is_noncharacter(decoded) {
        return None;
    }
    Some(decoded)
}

/// C1 controls: never a final result, but the middle step of double
/// damage whose first code page left a byte undefined.
pub(crate) fn is_c1(c: char) -> bool {
    ('\u{80}'..='\u{9F}').contains(&c)
}

fn is_noncharacter(c: char) -> bool {
    let code = c as u32;
    (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::mojibake::codepages::code_pages;

    #[test]
    fn clean_text_has_no_candidates() {
        assert_eq!(candidate_pages("plain ascii text"), 0);
        assert_eq!(candidate_pages("Déjà vu, naïve café"), 0);
    }

    #[test]
    fn mojibake_has_candidates() {
        assert_ne!(candidate_pages("cafÃ©"), 0);
        assert_ne!(candidate_pages("Putinโ€™s"), 0);
    }

    #[test]
    fn ordinary_letters_of_a_page_own_script_are_not_judged() {
        let clean_text = "นายกรัฐมนตรีกล่าวว่ารัฐบาลจะเพิ่มงบประมาณ";
        let clean: Vec<char> = clean_text.chars().collect();
        let damaged: Vec<char> = "เธ™เธฒเธขเธ\u{81}".chars().collect();
        let thai = code_pages()
            .iter()
            .position(|page| page.reason == "mojibake.windows-874")
            .unwrap();
        assert_ne!(candidate_pages(clean_text) & 1 << thai, 0);
        assert_eq!(pages_worth_judging(&clean, 1 << thai), 0);
        assert_ne!(pages_worth_judging(&damaged, 1 << thai), 0);
    }

    #[test]
    fn sequences_follow_utf8_rules() {
        let page = &code_pages()[0];
        let chars: Vec<char> = "SÃO cafÃ©".chars().collect();
        let found = sequences(&chars, page, false);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].decoded, 'é');
    }

    #[test]
    fn scanning_finds_the_first_non_ascii_byte() {
        let text = "0123456789abcdef é";
        assert_eq!(next_non_ascii(text.as_bytes(), 0), Some(17));
        assert_eq!(next_non_ascii(b"plain", 0), None);
    }
}
