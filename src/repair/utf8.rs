//! Byte-level reading of text that is already valid UTF-8, for the scans
//! that must let clean text through at memory speed: skipping ASCII eight
//! bytes at a time and reading a code point without validating again.
//! Nothing here checks or repairs UTF-8.

/// Where the next non-ASCII byte is, from `start`: one word of eight
/// bytes first, as the next non-ASCII character is most often near (the
/// next word of a non-Latin script), then two words at a time over long
/// stretches of ASCII.
#[inline]
pub(crate) fn next_non_ascii(bytes: &[u8], start: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let word = |eight: &[u8]| {
        let mut word = [0u8; 8];
        word.copy_from_slice(eight);
        u64::from_le_bytes(word)
    };
    // The place of the first byte with its high bit set in `high`, a word
    // read at `index`.
    let first_high = |index: usize, high: u64| index + (high.trailing_zeros() / 8) as usize;
    let mut index = start;
    if let Some(eight) = bytes.get(index..index + 8) {
        let high = word(eight) & HIGH;
        if high != 0 {
            return Some(first_high(index, high));
        }
        index += 8;
    }
    let mut pairs = bytes[index..].chunks_exact(16);
    for sixteen in pairs.by_ref() {
        let (low_half, high_half) = sixteen.split_at(8);
        let (low_half, high_half) = (word(low_half) & HIGH, word(high_half) & HIGH);
        if low_half | high_half != 0 {
            return Some(if low_half != 0 {
                first_high(index, low_half)
            } else {
                first_high(index + 8, high_half)
            });
        }
        index += 16;
    }
    let mut rest = pairs.remainder();
    if let Some((eight, after)) = rest.split_first_chunk::<8>() {
        let high = u64::from_le_bytes(*eight) & HIGH;
        if high != 0 {
            return Some(first_high(index, high));
        }
        index += 8;
        rest = after;
    }
    rest.iter()
        .position(|&byte| byte >= 0x80)
        .map(|offset| index + offset)
}

/// Whether some byte of `bytes` is one `is` picks, for a cheap test such
/// as "a control byte": the answers are or-ed together over chunks of
/// bytes without a branch per byte, which the compiler turns into a pass
/// over many bytes at once, and the scan stops at the first chunk with
/// one.
#[inline(always)]
pub(crate) fn has_byte(bytes: &[u8], is: impl Fn(u8) -> bool) -> bool {
    bytes
        .chunks(256)
        .any(|chunk| chunk.iter().fold(false, |found, &byte| found | is(byte)))
}

/// Whether some byte of `bytes` and the byte after it make a pair `is`
/// picks (the byte after the last is taken as 0), written as [`has_byte`]
/// is so that the pairs are tested many at a time: one pass settles what
/// would otherwise take a search per pair of bytes.
#[inline(always)]
pub(crate) fn has_pair(bytes: &[u8], is: impl Fn(u8, u8) -> bool) -> bool {
    let Some((&last, _)) = bytes.split_last() else {
        return false;
    };
    let firsts = bytes[..bytes.len() - 1].chunks(256);
    let seconds = bytes[1..].chunks(256);
    firsts.zip(seconds).any(|(firsts, seconds)| {
        firsts
            .iter()
            .zip(seconds)
            .fold(false, |found, (&first, &second)| found | is(first, second))
    }) || is(last, 0)
}

/// The code point of the two-byte sequence of a lead byte (C0 to DF) and
/// a continuation byte.
#[inline(always)]
pub(crate) fn two_byte_code_point(lead: u8, continuation: u8) -> u32 {
    (u32::from(lead & 0x1F) << 6) | u32::from(continuation & 0x3F)
}

/// The code point of the three-byte sequence of a lead byte (E0 to EF)
/// and two continuation bytes.
#[inline(always)]
pub(crate) fn three_byte_code_point(lead: u8, second: u8, third: u8) -> u32 {
    (u32::from(lead & 0x0F) << 12) | (u32::from(second & 0x3F) << 6) | u32::from(third & 0x3F)
}

/// The code point and length of the character that starts at `index` of
/// valid UTF-8, whose first byte `first` is not ASCII.
#[inline(always)]
pub(crate) fn code_point_at(bytes: &[u8], index: usize, first: u8) -> (u32, usize) {
    let tail = |offset: usize| u32::from(bytes[index + offset] & 0x3F);
    match first {
        0xC0..=0xDF => (two_byte_code_point(first, bytes[index + 1]), 2),
        0xE0..=0xEF => (
            three_byte_code_point(first, bytes[index + 1], bytes[index + 2]),
            3,
        ),
        _ => (
            (u32::from(first & 0x07) << 18) | (tail(1) << 12) | (tail(2) << 6) | tail(3),
            4,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_is_found_in_any_chunk() {
        let mut bytes = vec![b'a'; 1000];
        assert!(!has_byte(&bytes, |byte| byte < 0x20));
        for place in [0, 255, 256, 999] {
            bytes[place] = b'\t';
            assert!(has_byte(&bytes, |byte| byte < 0x20), "{place}");
            bytes[place] = b'a';
        }
        assert!(!has_byte(&[], |_| true));
    }

    #[test]
    fn a_pair_is_found_anywhere() {
        let pair = |first, second| first == b' ' && second == b' ';
        let mut bytes = vec![b'a'; 1000];
        assert!(!has_pair(&bytes, pair));
        for place in [0, 254, 255, 256, 998] {
            bytes[place..place + 2].copy_from_slice(b"  ");
            assert!(has_pair(&bytes, pair), "{place}");
            bytes[place..place + 2].copy_from_slice(b"aa");
        }
        assert!(!has_pair(b"", |_, _| true));
        assert!(has_pair(b"ab", |first, second| first == b'b' && second == 0));
        assert!(!has_pair(b"ab", |first, second| first == b'a' && second == 0));
    }

    #[test]
    fn scanning_finds_every_non_ascii_byte_as_a_byte_walk_does() {
        for length in 0..48 {
            for (high_at, also_last) in (0..length)
                .map(Some)
                .chain([None])
                .flat_map(|high_at| [(high_at, false), (high_at, true)])
            {
                let mut bytes = vec![b'a'; length];
                if let Some(place) = high_at {
                    bytes[place] = 0x80 | place as u8;
                }
                if also_last && length > 0 {
                    bytes[length - 1] = 0xFF;
                }
                for start in 0..=length {
                    let expected = bytes[start..]
                        .iter()
                        .position(|&byte| byte >= 0x80)
                        .map(|offset| start + offset);
                    assert_eq!(
                        next_non_ascii(&bytes, start),
                        expected,
                        "{length} {high_at:?} {also_last} {start}"
                    );
                }
            }
        }
    }

    #[test]
    fn scanning_finds_the_first_non_ascii_byte() {
        let text = "0123456789abcdef é";
        assert_eq!(next_non_ascii(text.as_bytes(), 0), Some(17));
        assert_eq!(next_non_ascii("0123456é".as_bytes(), 0), Some(7));
        assert_eq!(next_non_ascii("é".as_bytes(), 0), Some(0));
        assert_eq!(next_non_ascii(b"plain", 0), None);
        assert_eq!(next_non_ascii(b"", 0), None);
    }

    #[test]
    fn three_byte_code_points_are_those_of_the_standard_library() {
        for c in ('\u{800}'..='\u{FFFF}').filter(|c| c.len_utf8() == 3) {
            let mut bytes = [0; 3];
            c.encode_utf8(&mut bytes);
            assert_eq!(
                three_byte_code_point(bytes[0], bytes[1], bytes[2]),
                c as u32,
                "{c:?}"
            );
        }
    }

    #[test]
    fn code_points_are_read_as_the_standard_library_reads_them() {
        let text = "aé€😀ж\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}";
        let bytes = text.as_bytes();
        for (index, c) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
            assert_eq!(
                code_point_at(bytes, index, bytes[index]),
                (c as u32, c.len_utf8()),
                "{c:?}"
            );
        }
    }
}
