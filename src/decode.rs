//! Bytes to text. A BOM wins; then valid UTF-8 is taken as UTF-8; then a
//! user-named encoding; otherwise chardetng guesses the legacy encoding and
//! encoding_rs decodes it. Input holding NUL bytes is binary, not an
//! article, and is refused. Bytes that are malformed in an encoding the
//! user named are refused too, rather than turned into U+FFFD: naming an
//! encoding is a promise about the bytes, and a broken promise would
//! otherwise destroy text silently. A guessed encoding keeps the
//! replacement characters, since no one promised anything. Repairing text
//! that was already decoded wrongly (mojibake) is the repair stage's job,
//! not this one's.

use encoding_rs::{DecoderResult, Encoding, REPLACEMENT, UTF_16BE, UTF_16LE, UTF_8};
use serde::Serialize;
use std::borrow::Cow;

/// Where the encoding of a document came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum EncodingSource {
    /// A byte-order mark.
    Bom,
    /// The bytes were valid UTF-8.
    Utf8,
    /// Named by the user (`--encoding`).
    Forced,
    /// Guessed by chardetng; `confident` is its own assessment.
    Detected { confident: bool },
}

/// Decoded text and how it was decoded.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static Encoding,
    pub source: EncodingSource,
    /// Some bytes were malformed in that encoding and became U+FFFD.
    pub had_errors: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("binary file (NUL byte at offset {offset}), not an article")]
    Binary { offset: usize },
    #[error(
        "unknown encoding label {label:?} (use a WHATWG label such as utf-8, windows-1252, koi8-r)"
    )]
    UnknownEncoding { label: String },
    /// The WHATWG `replacement` encoding (labels `replacement`,
    /// `iso-2022-kr`, `hz-gb-2312` …) turns any input into one U+FFFD: it
    /// exists to keep browsers from decoding those encodings, not to read
    /// text.
    #[error(
        "the encoding label {label:?} names the WHATWG replacement encoding, which turns any text into U+FFFD; name the real encoding or use auto"
    )]
    ReplacementEncoding { label: String },
    /// Bytes that the encoding the user named cannot decode.
    #[error("the bytes are not valid {label} (first malformed byte at offset {offset}); name the right encoding or use auto")]
    Malformed { label: String, offset: usize },
}

/// Resolves a WHATWG encoding label (`latin1`, `cp1251`, `utf-8`), or
/// `None` for `auto`.
pub fn encoding_for_label(label: &str) -> Result<Option<&'static Encoding>, DecodeError> {
    if label.eq_ignore_ascii_case("auto") {
        return Ok(None);
    }
    match Encoding::for_label(label.trim().as_bytes()) {
        Some(encoding) if encoding == REPLACEMENT => Err(DecodeError::ReplacementEncoding {
            label: label.to_string(),
        }),
        Some(encoding) => Ok(Some(encoding)),
        None => Err(DecodeError::UnknownEncoding {
            label: label.to_string(),
        }),
    }
}

/// The offset of the first byte of `bytes` that `encoding` finds
/// malformed, or `None` when it decodes them all. Decodes into a small
/// buffer, so a long input costs no second copy of its text.
fn first_malformed_offset(encoding: &'static Encoding, bytes: &[u8]) -> Option<usize> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut buffer = "\0".repeat(8192);
    let mut position = 0;
    loop {
        let (result, read, _) =
            decoder.decode_to_str_without_replacement(&bytes[position..], &mut buffer, true);
        position += read;
        match result {
            DecoderResult::InputEmpty => return None,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(malformed, after) => {
                return Some(position - usize::from(malformed) - usize::from(after))
            }
        }
    }
}

/// How much of the start of an input [`binary_start`] needs to see: a
/// binary file (an image, an archive, a program, a disk image) has a NUL
/// byte in its first few kilobytes, and this much is cheap to read before
/// deciding whether to read the rest.
pub const BINARY_SNIFF_BYTES: usize = 8 << 10;

/// The offset of the NUL byte that makes BOM-less `bytes` binary, if any.
/// UTF-16 writes every ASCII letter with a NUL byte beside it, so when the
/// user names it, NUL bytes are no sign of binary; a NUL character after
/// decoding still is.
fn binary_nul_offset(bytes: &[u8], forced: Option<&'static Encoding>) -> Option<usize> {
    let named_utf16 = forced.is_some_and(|encoding| encoding == UTF_16LE || encoding == UTF_16BE);
    memchr::memchr(0, bytes).filter(|_| !named_utf16)
}

/// Judges from the first bytes of an input alone (up to
/// [`BINARY_SNIFF_BYTES`], or all of a shorter input) whether [`decode`]
/// would refuse it as binary, and returns that same error. A caller that
/// reads a file can so refuse a huge binary one without reading it whole:
/// the first NUL byte of the start is the first of the whole input, so the
/// error is the one `decode` would give. `forced` is as for [`decode`]; an
/// unknown label judges nothing, leaving its error to `decode`.
pub fn binary_start(start: &[u8], forced: Option<&str>) -> Option<DecodeError> {
    if Encoding::for_bom(start).is_some() {
        return None;
    }
    let forced = match forced {
        Some(label) => encoding_for_label(label).ok()?,
        None => None,
    };
    binary_nul_offset(start, forced).map(|offset| DecodeError::Binary { offset })
}

/// Decodes `bytes`; `forced` is an encoding label or `auto`/`None`.
pub fn decode<'a>(bytes: &'a [u8], forced: Option<&str>) -> Result<Decoded<'a>, DecodeError> {
    let forced_label = forced;
    let forced = match forced {
        Some(label) => encoding_for_label(label)?,
        None => None,
    };
    let (encoding, source, body) = match Encoding::for_bom(bytes) {
        Some((encoding, bom_length)) => (encoding, EncodingSource::Bom, &bytes[bom_length..]),
        None => {
            if let Some(offset) = binary_nul_offset(bytes, forced) {
                return Err(DecodeError::Binary { offset });
            }
            if let Some(encoding) = forced {
                (encoding, EncodingSource::Forced, bytes)
            } else if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
                return Ok(Decoded {
                    text: Cow::Borrowed(text),
                    encoding: UTF_8,
                    source: EncodingSource::Utf8,
                    had_errors: false,
                });
            } else {
                let mut detector = chardetng::EncodingDetector::new();
                detector.feed(bytes, true);
                let (encoding, confident) = detector.guess_assess(None, false);
                (encoding, EncodingSource::Detected { confident }, bytes)
            }
        }
    };
    // UTF-16 with a BOM legitimately holds NUL bytes; anything else with
    // one after decoding is binary.
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors && source == EncodingSource::Forced {
        let offset = first_malformed_offset(encoding, body).unwrap_or(0);
        return Err(DecodeError::Malformed {
            label: forced_label.unwrap_or(encoding.name()).trim().to_string(),
            offset,
        });
    }
    if let Some(offset) = text.find('\0') {
        return Err(DecodeError::Binary { offset });
    }
    Ok(Decoded {
        text,
        encoding,
        source,
        had_errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_utf8_is_borrowed() {
        let decoded = decode("café".as_bytes(), None).unwrap();
        assert!(matches!(decoded.text, Cow::Borrowed("café")));
        assert_eq!(decoded.source, EncodingSource::Utf8);
    }

    #[test]
    fn the_start_of_an_input_tells_binary_as_decode_does() {
        assert_eq!(
            binary_start(b"PK\x03\x04\0\0", None),
            Some(DecodeError::Binary { offset: 4 })
        );
        assert_eq!(binary_start(b"plain text", None), None);
        assert_eq!(binary_start(b"\xFF\xFEh\0i\0", None), None);
        assert_eq!(binary_start(b"h\0i\0", Some("utf-16le")), None);
        for start in [&b"x\0y"[..], b"PK\x03\x04\0\0", b"\x7fELF\x02\x01\0"] {
            assert_eq!(
                binary_start(start, None),
                decode(start, None).err(),
                "{start:?}"
            );
        }
    }

    #[test]
    fn a_bom_wins_and_is_removed() {
        let decoded = decode(b"\xEF\xBB\xBFhello", None).unwrap();
        assert_eq!(decoded.text, "hello");
        assert_eq!(decoded.source, EncodingSource::Bom);
        let utf16 = decode(b"\xFF\xFEh\0i\0", None).unwrap();
        assert_eq!(utf16.text, "hi");
    }

    #[test]
    fn windows_1251_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251
            .encode("Президент России заявил, что переговоры продолжатся на следующей неделе.");
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.encoding, encoding_rs::WINDOWS_1251);
        assert!(decoded.text.starts_with("Президент"));
    }

    #[test]
    fn a_forced_label_overrides_detection() {
        let decoded = decode(b"caf\xE9", Some("latin1")).unwrap();
        assert_eq!(decoded.text, "café");
        assert_eq!(decoded.source, EncodingSource::Forced);
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert_eq!(
            decode(b"PK\x03\x04\0\0", None).unwrap_err(),
            DecodeError::Binary { offset: 4 }
        );
    }

    #[test]
    fn bytes_malformed_in_a_named_encoding_are_refused_with_their_offset() {
        assert_eq!(
            decode(b"Caf\xE9 d\xE9j\xE0 vu.", Some("utf-8")).unwrap_err(),
            DecodeError::Malformed {
                label: "utf-8".into(),
                offset: 3
            }
        );
        // A guess is not a promise: detection keeps decoding.
        assert!(decode(b"Caf\xE9 d\xE9j\xE0 vu.", None).is_ok());
        assert_eq!(first_malformed_offset(UTF_8, "né".as_bytes()), None);
        let long = [&[b'a'; 20_000][..], b"\xFF"].concat();
        assert_eq!(first_malformed_offset(UTF_8, &long), Some(20_000));
    }

    #[test]
    fn named_utf16_without_a_bom_is_decoded_not_taken_for_binary() {
        let little: Vec<u8> = "Café\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let big: Vec<u8> = "Café\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&little, Some("utf-16le")).unwrap().text, "Café\n");
        assert_eq!(decode(&big, Some("UTF-16BE")).unwrap().text, "Café\n");
        // Unnamed, it stays binary; a NUL character is binary either way.
        assert!(matches!(
            decode(&little, None),
            Err(DecodeError::Binary { .. })
        ));
        assert!(matches!(
            decode(b"a\0\0\0", Some("utf-16le")),
            Err(DecodeError::Binary { .. })
        ));
    }

    #[test]
    fn the_replacement_encoding_is_refused() {
        for label in ["replacement", "ISO-2022-KR", "hz-gb-2312"] {
            assert!(matches!(
                encoding_for_label(label),
                Err(DecodeError::ReplacementEncoding { .. })
            ));
        }
    }

    #[test]
    fn unknown_labels_are_refused() {
        assert!(matches!(
            decode(b"x", Some("klingon")),
            Err(DecodeError::UnknownEncoding { .. })
        ));
    }
}
