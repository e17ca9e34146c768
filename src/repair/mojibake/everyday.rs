//! The everyday characters of Chinese, Japanese and Korean text, as the
//! first level of each national character standard lists them: GB 2312
//! level 1 (3,755 hanzi), Big5's frequently used characters (5,401), JIS X
//! 0208 level 1 kanji (2,965) with the kana, and the 2,350 hangul
//! syllables of KS X 1001. The sets are read once, at first use, from
//! encoding_rs's decoders of the legacy encodings, so no table is typed
//! here. A lossy hole in such text has a handful of possible characters,
//! and in news text the one a standard counts as everyday is what it held
//! (`面`, not `遢` or `鍢`). This module only answers membership; it
//! ranks nothing and repairs nothing.

use encoding_rs::{Encoding, BIG5, EUC_JP, EUC_KR, GBK};
use std::sync::OnceLock;

use super::score::{self, Script};

/// Which writing a line's other characters show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Variety {
    Simplified,
    Traditional,
    Japanese,
    Korean,
    /// Han characters alone that every standard writes alike, or none.
    Unknown,
}

struct Sets {
    simplified: CharSet,
    /// GB 2312 both levels: a line written in it is simplified Chinese.
    simplified_any: CharSet,
    traditional: CharSet,
    japanese: CharSet,
    korean: CharSet,
}

/// Where [`CharSet`]'s bits start and end: the kana, the Han characters
/// and the hangul syllables all lie between.
const BITS_START: u32 = 0x3000;
const BITS_END: u32 = 0xD800;

/// A set of characters: one bit for each code point from [`BITS_START`]
/// to [`BITS_END`], a sorted list for the few others.
#[derive(Clone)]
struct CharSet {
    bits: Vec<u64>,
    others: Vec<char>,
}

impl CharSet {
    fn new() -> CharSet {
        CharSet {
            bits: vec![0; ((BITS_END - BITS_START) / 64) as usize],
            others: Vec::new(),
        }
    }

    fn insert(&mut self, c: char) {
        let code = c as u32;
        if (BITS_START..BITS_END).contains(&code) {
            let offset = code - BITS_START;
            self.bits[(offset / 64) as usize] |= 1 << (offset % 64);
        } else if let Err(place) = self.others.binary_search(&c) {
            self.others.insert(place, c);
        }
    }

    fn extend(&mut self, other: &CharSet) {
        for (bits, more) in self.bits.iter_mut().zip(&other.bits) {
            *bits |= more;
        }
        for &c in &other.others {
            self.insert(c);
        }
    }

    fn contains(&self, c: &char) -> bool {
        let code = *c as u32;
        if (BITS_START..BITS_END).contains(&code) {
            let offset = code - BITS_START;
            self.bits[(offset / 64) as usize] >> (offset % 64) & 1 == 1
        } else {
            self.others.binary_search(c).is_ok()
        }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        let in_bits: u32 = self.bits.iter().map(|bits| bits.count_ones()).sum();
        in_bits as usize + self.others.len()
    }
}

/// Every character `encoding` decodes from a lead byte in `leads` and a
/// trail byte in `trails`. The pairs are decoded in one call, each
/// followed by a line break: a pair the encoding does not map decodes to
/// U+FFFD (and its trail byte, read anew, to ASCII or U+FFFD before the
/// break), so no pair runs into the next.
fn decoded(
    encoding: &'static Encoding,
    leads: std::ops::RangeInclusive<u8>,
    trails: &[std::ops::RangeInclusive<u8>],
) -> CharSet {
    let mut bytes = Vec::new();
    for lead in leads {
        for trail in trails.iter().cloned().flatten() {
            bytes.extend_from_slice(&[lead, trail, b'\n']);
        }
    }
    let (text, _) = encoding.decode_without_bom_handling(&bytes);
    let mut set = CharSet::new();
    for c in text.chars().filter(|&c| !c.is_ascii() && c != '\u{FFFD}') {
        set.insert(c);
    }
    set
}

fn sets() -> &'static Sets {
    static SETS: OnceLock<Sets> = OnceLock::new();
    SETS.get_or_init(|| {
        let cells = [0xA1..=0xFE];
        // Big5 frequently used characters run from 0xA440 to 0xC67E; the
        // rows after 0xC67E hold the less frequent ones.
        let mut traditional = decoded(BIG5, 0xA4..=0xC5, &[0x40..=0x7E, 0xA1..=0xFE]);
        traditional.extend(&decoded(BIG5, 0xC6..=0xC6, &[0x40..=0x7E]));
        let mut japanese = decoded(EUC_JP, 0xB0..=0xCF, &cells);
        // Rows 4 and 5 of JIS X 0208: hiragana and katakana.
        japanese.extend(&decoded(EUC_JP, 0xA4..=0xA5, &cells));
        // Row 0xD7 of GB 2312 ends at 0xF9; GBK fills the rest.
        let mut simplified = decoded(GBK, 0xB0..=0xD6, &cells);
        simplified.extend(&decoded(GBK, 0xD7..=0xD7, &[0xA1..=0xF9]));
        let mut simplified_any = simplified.clone();
        simplified_any.extend(&decoded(GBK, 0xD8..=0xF7, &cells));
        Sets {
            simplified,
            simplified_any,
            traditional,
            japanese,
            korean: decoded(EUC_KR, 0xB0..=0xC8, &cells),
        }
    })
}

/// Whether `c` is a character of the scripts this module knows of.
pub(crate) fn is_east_asian(c: char) -> bool {
    matches!(
        score::class(c).script,
        Script::Han | Script::Kana | Script::Hangul
    )
}

/// The writing that `chars` show: kana make it Japanese, hangul Korean;
/// Han characters alone are simplified Chinese when GB 2312 holds them
/// all and Big5 does not, traditional the other way round.
pub(crate) fn variety(chars: impl Iterator<Item = char>) -> Variety {
    let sets = sets();
    let (mut kana, mut hangul) = (false, false);
    let (mut outside_gb, mut outside_big5, mut han) = (0, 0, 0);
    for c in chars {
        match score::class(c).script {
            Script::Kana => kana = true,
            Script::Hangul => hangul = true,
            Script::Han => {
                han += 1;
                outside_gb += usize::from(!sets.simplified_any.contains(&c));
                outside_big5 += usize::from(!sets.traditional.contains(&c));
            }
            _ => {}
        }
    }
    if kana {
        Variety::Japanese
    } else if hangul {
        Variety::Korean
    } else if han > 0 && outside_gb == 0 && outside_big5 > 0 {
        Variety::Simplified
    } else if han > 0 && outside_big5 == 0 && outside_gb > 0 {
        Variety::Traditional
    } else {
        Variety::Unknown
    }
}

/// Whether `c` is an everyday character of `variety`; of any of them when
/// the variety is unknown.
pub(crate) fn is_everyday(c: char, variety: Variety) -> bool {
    let sets = sets();
    match variety {
        Variety::Simplified => sets.simplified.contains(&c),
        Variety::Traditional => sets.traditional.contains(&c),
        Variety::Japanese => sets.japanese.contains(&c),
        Variety::Korean => sets.korean.contains(&c),
        Variety::Unknown => {
            sets.simplified.contains(&c)
                || sets.traditional.contains(&c)
                || sets.japanese.contains(&c)
                || sets.korean.contains(&c)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_sets_have_the_sizes_the_standards_give() {
        let sets = sets();
        assert_eq!(sets.simplified.len(), 3755);
        assert_eq!(sets.simplified_any.len(), 3755 + 3008);
        assert_eq!(sets.traditional.len(), 5401);
        // 2,965 kanji, 83 hiragana and 86 katakana.
        assert_eq!(sets.japanese.len(), 2965 + 83 + 86);
        assert_eq!(sets.korean.len(), 2350);
    }

    /// [`decoded`] as it reads: each pair on its own, kept only when the
    /// encoding maps it.
    fn decoded_pair_by_pair(
        encoding: &'static Encoding,
        leads: std::ops::RangeInclusive<u8>,
        trails: &[std::ops::RangeInclusive<u8>],
    ) -> HashSet<char> {
        let mut set = HashSet::new();
        for lead in leads {
            for trail in trails.iter().cloned().flatten() {
                if let Some(text) =
                    encoding.decode_without_bom_handling_and_without_replacement(&[lead, trail])
                {
                    set.extend(text.chars().filter(|c| !c.is_ascii()));
                }
            }
        }
        set
    }

    #[test]
    fn pairs_decoded_together_give_what_each_pair_gives() {
        let every_trail = [0x40..=0x7E, 0x80..=0xFE];
        for encoding in [BIG5, EUC_JP, GBK, EUC_KR] {
            let set = decoded(encoding, 0x81..=0xFE, &every_trail);
            let expected = decoded_pair_by_pair(encoding, 0x81..=0xFE, &every_trail);
            assert_eq!(set.len(), expected.len(), "{}", encoding.name());
            assert!(
                expected.iter().all(|c| set.contains(c)),
                "{}",
                encoding.name()
            );
        }
    }

    #[test]
    fn everyday_characters_are_told_from_rare_ones() {
        assert!(is_everyday('面', Variety::Simplified));
        assert!(!is_everyday('遢', Variety::Simplified));
        assert!(is_everyday('東', Variety::Japanese));
        assert!(!is_everyday('捱', Variety::Japanese));
        assert!(is_everyday('は', Variety::Japanese));
        assert!(is_everyday('음', Variety::Korean));
        assert!(!is_everyday('쌠', Variety::Korean));
    }

    #[test]
    fn a_line_shows_its_variety() {
        assert_eq!(variety("政府宣布将在明年".chars()), Variety::Simplified);
        assert_eq!(
            variety("台北市政府表示新的捷運路線".chars()),
            Variety::Traditional
        );
        assert_eq!(variety("日本政府は来年度".chars()), Variety::Japanese);
        assert_eq!(variety("대통령은 내년에".chars()), Variety::Korean);
        assert_eq!(variety("The mayor said".chars()), Variety::Unknown);
    }
}
