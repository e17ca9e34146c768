//! The single-byte code pages that UTF-8 is commonly mis-read with, as
//! reverse maps (`char -> byte`) built once at start-up from encoding_rs's
//! own decoders (latin-1 is the identity map, cp437 comes from the generated
//! table). Bytes a code page leaves undefined are accepted in both forms met
//! in the wild: the same-numbered C1 control (or latin-1 character) and
//! windows-1252's look-alike for that byte. This module knows nothing about
//! deciding whether a span is mojibake; it only answers "which byte did this
//! character come from under code page C".

use super::score::Script;
use super::tables::CP437_HIGH;
use encoding_rs::Encoding;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::OnceLock;

/// One code page, with its reverse map.
#[derive(Debug)]
pub(crate) struct CodePage {
    /// The reason id of a repair through this code page.
    pub reason: &'static str,
    /// Extra cost of choosing this code page: ties go to the common ones.
    pub cost: f32,
    /// The script whose letters fill the upper half, for the code pages
    /// made for one non-Latin script.
    pub native: Option<Script>,
    /// What each byte 0x80..=0xFF shows as (the code page's own reading).
    pub high: [char; 128],
    /// Bytes 0x80..=0xFF that the code page cannot show (undefined, or a C1
    /// control): the bytes that lossy damage loses.
    pub invisible: Vec<u8>,
    /// The few characters at or above `FLAT_LIMIT` the code page shows
    /// (`ﬁ`, `™` …), sorted.
    reverse: Vec<(char, u8)>,
    /// Flat reverse map below `FLAT_LIMIT`: Thai, Cyrillic, Greek, the
    /// general punctuation and the box drawing all live there, so clean
    /// text in those scripts never pays for hashing.
    reverse_low: Box<[u8; FLAT_LIMIT as usize]>,
}

/// Below this code point the reverse maps are flat tables.
const FLAT_LIMIT: u32 = 0x2600;

/// Code-page indexes fit a 16-bit mask in the pre-scan.
pub(crate) const MAX_CODE_PAGES: usize = 16;

impl CodePage {
    /// The byte `c` stands for under this code page, if any. ASCII stands
    /// for itself.
    #[inline]
    pub fn byte(&self, c: char) -> Option<u8> {
        let code = c as u32;
        if code < 0x80 {
            return Some(code as u8);
        }
        if code < FLAT_LIMIT {
            let byte = self.reverse_low[code as usize];
            return (byte != 0).then_some(byte);
        }
        self.reverse
            .binary_search_by_key(&c, |&(shown, _)| shown)
            .ok()
            .map(|found| self.reverse[found].1)
    }

    /// Every character above ASCII that stands for a byte under this code
    /// page ([`CodePage::byte`] answers for it), with that byte: the
    /// entries of the reverse maps, rather than every code point asked.
    fn shown(&self) -> impl Iterator<Item = (char, u8)> + '_ {
        let low = self.reverse_low.iter().enumerate().skip(0x80);
        low.filter(|&(_, &byte)| byte != 0)
            .filter_map(|(code, &byte)| Some((char::from_u32(code as u32)?, byte)))
            .chain(self.reverse.iter().copied())
    }

    /// The code page that shows the bytes 0x80..=0xFF as `high`;
    /// `windows_1252` is windows-1252's `high`, whose look-alikes stand in
    /// for the bytes this one leaves undefined.
    fn build(
        reason: &'static str,
        cost: f32,
        high: [char; 128],
        windows_1252: &[char; 128],
    ) -> CodePage {
        let mut reverse = HashMap::new();
        let mut invisible = Vec::new();
        for (index, &shown) in high.iter().enumerate() {
            let byte = 0x80 + index as u8;
            let undefined = shown == '\u{FFFD}' || ('\u{80}'..='\u{9F}').contains(&shown);
            if !undefined {
                reverse.entry(shown).or_insert(byte);
            } else {
                invisible.push(byte);
            }
        }
        // Second pass, so that a defined byte always wins over a look-alike.
        for &byte in &invisible {
            let same_numbered = char::from(byte);
            let look_alike = windows_1252[usize::from(byte - 0x80)];
            reverse.entry(same_numbered).or_insert(byte);
            if look_alike != '\u{FFFD}' {
                reverse.entry(look_alike).or_insert(byte);
            }
        }
        let mut reverse_low = Box::new([0u8; FLAT_LIMIT as usize]);
        let mut reverse_high = Vec::new();
        for (&c, &byte) in &reverse {
            if (c as u32) < FLAT_LIMIT {
                reverse_low[c as usize] = byte;
            } else {
                reverse_high.push((c, byte));
            }
        }
        reverse_high.sort_unstable();
        let native = match reason {
            "mojibake.windows-1251" | "mojibake.koi8-r" | "mojibake.koi8-u" => {
                Some(Script::Cyrillic)
            }
            "mojibake.windows-1253" => Some(Script::Greek),
            "mojibake.windows-874" => Some(Script::Thai),
            _ => None,
        };
        CodePage {
            reason,
            cost,
            native,
            high,
            invisible,
            reverse: reverse_high,
            reverse_low,
        }
    }
}

/// What encoding_rs's decoder shows for each byte 0x80..=0xFF. The code
/// pages are single-byte: each byte decodes to one character (U+FFFD for
/// one left undefined) whatever its neighbours, so the 128 bytes are
/// decoded in one call rather than one call (and one string) each.
fn decode_high(encoding: &'static Encoding) -> [char; 128] {
    let bytes: [u8; 128] = std::array::from_fn(|index| 0x80 + index as u8);
    let (decoded, _) = encoding.decode_without_bom_handling(&bytes);
    let mut shown = decoded.chars();
    std::array::from_fn(|_| shown.next().unwrap_or('\u{FFFD}'))
}

fn latin_1_high() -> [char; 128] {
    let mut high = ['\0'; 128];
    for (index, slot) in high.iter_mut().enumerate() {
        *slot = char::from(0x80 + index as u8);
    }
    high
}

/// All supported code pages, most common first.
pub(crate) fn code_pages() -> &'static [CodePage] {
    static PAGES: OnceLock<Vec<CodePage>> = OnceLock::new();
    PAGES.get_or_init(|| {
        let windows_1252 = decode_high(encoding_rs::WINDOWS_1252);
        let from = |encoding| decode_high(encoding);
        let build = |reason, cost, high| CodePage::build(reason, cost, high, &windows_1252);
        vec![
            build("mojibake.windows-1252", 0.0, windows_1252),
            build("mojibake.latin-1", 0.05, latin_1_high()),
            build(
                "mojibake.windows-1250",
                0.1,
                from(encoding_rs::WINDOWS_1250),
            ),
            build("mojibake.iso-8859-2", 0.15, from(encoding_rs::ISO_8859_2)),
            build(
                "mojibake.windows-1251",
                0.1,
                from(encoding_rs::WINDOWS_1251),
            ),
            build(
                "mojibake.windows-1253",
                0.1,
                from(encoding_rs::WINDOWS_1253),
            ),
            build(
                "mojibake.windows-1254",
                0.1,
                from(encoding_rs::WINDOWS_1254),
            ),
            build(
                "mojibake.windows-1257",
                0.1,
                from(encoding_rs::WINDOWS_1257),
            ),
            build("mojibake.windows-874", 0.1, from(encoding_rs::WINDOWS_874)),
            build("mojibake.koi8-r", 0.1, from(encoding_rs::KOI8_R)),
            build("mojibake.koi8-u", 0.15, from(encoding_rs::KOI8_U)),
            build("mojibake.mac-roman", 0.2, from(encoding_rs::MACINTOSH)),
            build("mojibake.cp437", 0.2, CP437_HIGH),
        ]
    })
}

/// The code pages of the mask `pages` for which `keep(index, page)` holds,
/// as a mask; only the pages in the mask are visited.
pub(crate) fn filter_pages(pages: u16, mut keep: impl FnMut(usize, &CodePage) -> bool) -> u16 {
    let all = code_pages();
    let mut kept = 0u16;
    let mut rest = pages;
    while rest != 0 {
        let index = rest.trailing_zeros() as usize;
        rest &= rest - 1;
        match all.get(index) {
            Some(page) if keep(index, page) => kept |= 1 << index,
            Some(_) => {}
            None => break,
        }
    }
    kept
}

/// Calls `visit(index, page)` for each code page of the mask `pages`, in
/// the order of [`code_pages`]; only the pages in the mask are visited.
pub(crate) fn each_page(pages: u16, mut visit: impl FnMut(usize, &CodePage)) {
    filter_pages(pages, |index, page| {
        visit(index, page);
        false
    });
}

/// Per-character masks of the code pages under which the character stands
/// for a UTF-8 lead byte, or for a continuation byte: the pre-scan's data.
#[derive(Debug)]
pub(crate) struct CandidateMasks {
    /// (lead mask, continuation mask) for characters below U+3000.
    low: Box<[(u16, u16); MASK_LIMIT as usize]>,
    /// The few characters above that some code page shows (`ﬁ`, the Apple
    /// logo of mac-roman), sorted.
    high: Vec<(char, (u16, u16))>,
    /// The first code point of `high`.
    high_start: u32,
    /// For each first byte of a UTF-8 character, the character's length
    /// when no character that starts with that byte has a mask (and none
    /// of them is U+FFFD, which the pre-scan also reads); 0 for any other
    /// byte. Arabic and Hebrew letters, and most of Chinese, Japanese and
    /// Korean text, start with such a byte.
    silent_lengths: [u8; 256],
}

const MASK_LIMIT: u32 = 0x3000;

impl CandidateMasks {
    #[inline]
    pub fn get(&self, c: char) -> (u16, u16) {
        self.get_code(c as u32)
    }

    /// The masks of the character with this code point (any `u32`).
    #[inline(always)]
    pub fn get_code(&self, code: u32) -> (u16, u16) {
        if code < MASK_LIMIT {
            self.get_low(code)
        } else if code < self.high_start {
            // Chinese, Japanese and Korean text lies between the two
            // tables: no code page shows any of it.
            (0, 0)
        } else {
            self.high
                .binary_search_by_key(&code, |&(c, _)| c as u32)
                .map_or((0, 0), |found| self.high[found].1)
        }
    }

    /// The masks of a character below U+3000 (any character of two
    /// bytes in UTF-8), from the flat table.
    #[inline(always)]
    pub fn get_low(&self, code: u32) -> (u16, u16) {
        self.low[code as usize]
    }

    /// The length of the character that starts with the byte `first`
    /// when every character that starts with it has no mask and none of
    /// them is U+FFFD, which the pre-scan also reads; 0 otherwise.
    #[inline]
    pub fn silent_length(&self, first: u8) -> usize {
        usize::from(self.silent_lengths[usize::from(first)])
    }

    /// Whether no character with a code point in `codes` has a mask.
    fn none_in(&self, codes: &Range<u32>) -> bool {
        let low_end = codes.end.min(MASK_LIMIT);
        (codes.start..low_end).all(|code| self.low[code as usize] == (0, 0))
            && !self.high.iter().any(|&(c, _)| codes.contains(&(c as u32)))
    }
}

/// The code points of the characters whose UTF-8 form starts with the
/// byte `first`, and their length; `None` for a byte that starts none.
fn codes_led_by(first: u8) -> Option<(Range<u32>, u8)> {
    match first {
        0xC2..=0xDF => {
            let start = u32::from(first & 0x1F) << 6;
            Some((start..start + 0x40, 2))
        }
        0xE0..=0xEF => {
            let start = u32::from(first & 0x0F) << 12;
            Some((start.max(0x800)..start + 0x1000, 3))
        }
        0xF0..=0xF4 => {
            let start = u32::from(first & 0x07) << 18;
            Some((start.max(0x1_0000)..(start + 0x4_0000).min(0x11_0000), 4))
        }
        _ => None,
    }
}

pub(crate) fn candidate_masks() -> &'static CandidateMasks {
    static MASKS: OnceLock<CandidateMasks> = OnceLock::new();
    MASKS.get_or_init(|| {
        let mut low = Box::new([(0u16, 0u16); MASK_LIMIT as usize]);
        let mut high: BTreeMap<char, (u16, u16)> = BTreeMap::new();
        for (index, page) in code_pages().iter().enumerate().take(MAX_CODE_PAGES) {
            let bit = 1u16 << index;
            for (c, byte) in page.shown() {
                let slot = if (c as u32) < MASK_LIMIT {
                    &mut low[c as usize]
                } else {
                    high.entry(c).or_insert((0, 0))
                };
                if (0xC2..=0xF4).contains(&byte) {
                    slot.0 |= bit;
                } else if (0x80..=0xBF).contains(&byte) {
                    slot.1 |= bit;
                }
            }
        }
        let high: Vec<(char, (u16, u16))> = high.into_iter().collect();
        let mut masks = CandidateMasks {
            low,
            high_start: high.first().map_or(u32::MAX, |&(c, _)| c as u32),
            high,
            silent_lengths: [0; 256],
        };
        masks.silent_lengths = std::array::from_fn(|first| match codes_led_by(first as u8) {
            Some((codes, length)) if !codes.contains(&0xFFFD) && masks.none_in(&codes) => length,
            _ => 0,
        });
        masks
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(reason: &str) -> &'static CodePage {
        code_pages()
            .iter()
            .find(|page| page.reason == reason)
            .unwrap()
    }

    #[test]
    fn every_code_page_reverses_its_own_reading() {
        for page in code_pages() {
            for (index, &shown) in page.high.iter().enumerate() {
                let byte = 0x80 + index as u8;
                if page.invisible.contains(&byte) {
                    continue;
                }
                assert_eq!(page.byte(shown), Some(byte), "{} {shown:?}", page.reason);
            }
        }
    }

    #[test]
    fn undefined_bytes_take_both_conventions() {
        let thai = page("mojibake.windows-874");
        assert_eq!(thai.byte('\u{99}'), Some(0x99));
        assert_eq!(thai.byte('™'), Some(0x99));
        assert_eq!(thai.byte('œ'), Some(0x9C));
        assert_eq!(thai.byte('€'), Some(0x80));
        assert!(thai.invisible.contains(&0x9D));
    }

    #[test]
    fn latin_1_is_the_identity_and_windows_1252_is_not() {
        assert_eq!(page("mojibake.latin-1").byte('\u{89}'), Some(0x89));
        assert_eq!(page("mojibake.windows-1252").byte('‰'), Some(0x89));
        assert_eq!(page("mojibake.windows-1252").byte('\u{81}'), Some(0x81));
    }

    #[test]
    fn cp437_comes_from_the_generated_table() {
        let cp437 = page("mojibake.cp437");
        assert_eq!(cp437.byte('├'), Some(0xC3));
        assert_eq!(cp437.byte('⌐'), Some(0xA9));
    }

    #[test]
    fn every_character_has_the_masks_its_bytes_give() {
        let masks = candidate_masks();
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let mut expected = (0u16, 0u16);
            for (index, page) in code_pages().iter().enumerate() {
                match page.byte(c) {
                    Some(0xC2..=0xF4) => expected.0 |= 1 << index,
                    Some(0x80..=0xBF) => expected.1 |= 1 << index,
                    _ => {}
                }
            }
            assert_eq!(masks.get(c), expected, "{c:?}");
        }
    }

    #[test]
    fn silent_lengths_are_those_of_first_bytes_that_start_only_characters_without_masks() {
        let masks = candidate_masks();
        // By first byte: the length of the characters it starts, and
        // whether all of them are without a mask and other than U+FFFD.
        let mut expected: [Option<(usize, bool)>; 256] = [None; 256];
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let mut bytes = [0; 4];
            let first = c.encode_utf8(&mut bytes).as_bytes()[0];
            let quiet = c != '\u{FFFD}' && masks.get(c) == (0, 0);
            let slot = &mut expected[usize::from(first)];
            let all_quiet = slot.map_or(true, |(_, all)| all);
            *slot = Some((c.len_utf8(), all_quiet && quiet));
        }
        for first in 0..=255u8 {
            let length = match expected[usize::from(first)] {
                Some((length, true)) => length,
                _ => 0,
            };
            assert_eq!(masks.silent_length(first), length, "{first:02X}");
        }
        // The everyday characters of Chinese text and Arabic letters are
        // among them.
        assert_eq!(masks.silent_length("中".as_bytes()[0]), 3);
        assert_eq!(masks.silent_length("ب".as_bytes()[0]), 2);
    }

    #[test]
    fn masks_mark_leads_and_continuations() {
        let masks = candidate_masks();
        assert_ne!(masks.get('Ã').0, 0);
        assert_ne!(masks.get('©').1, 0);
        assert_ne!(masks.get('โ').0, 0);
        assert_ne!(masks.get('™').1, 0);
        assert_eq!(masks.get('a'), (0, 0));
    }
}
