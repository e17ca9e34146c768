//! Reading and writing the JSON of one record: where the text field and an
//! earlier annotation sit in the line, the text itself, and a text written
//! back as a JSON string. Records as JSON Lines files nearly always hold
//! them (one object of strings, numbers and literals) are read by a reader
//! of that shape alone, which decodes the text in the same pass that finds
//! it; any other line, malformed ones included, is read by `serde_json`,
//! whose answers and messages stay the reference.

use serde::de::{DeserializeSeed, Error as _, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;
use std::ops::Range;

/// Where the text field and an earlier annotation sit in a record, as byte
/// ranges of the line (a string value with its quotes).
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Located {
    pub text: Option<Range<usize>>,
    /// The text field's value decoded on the way (a `null` as the empty
    /// string); `None` leaves the decoding to `serde_json`.
    pub decoded: Option<String>,
    pub annotation: Option<Range<usize>>,
    pub keys: usize,
}

/// Finds the text field `field` and the annotation `annotation_key` in
/// `line`, a record. The text is decoded into `buffer` (emptied first),
/// when the line is read without `serde_json`.
pub(super) fn locate(
    line: &str,
    field: &str,
    annotation_key: &str,
    buffer: String,
) -> Result<Located, serde_json::Error> {
    let mut reader = PlainReader::new(line);
    reader.buffer = buffer;
    match reader.object(field, annotation_key) {
        Some(located) => Ok(located),
        None => locate_with_serde(line, field, annotation_key),
    }
}

/// [`locate`] by `serde_json`, for every kind of line.
fn locate_with_serde(
    line: &str,
    field: &str,
    annotation_key: &str,
) -> Result<Located, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(line);
    let found = Locator {
        field,
        annotation_key,
    }
    .deserialize(&mut deserializer)?;
    deserializer.end()?;
    let span = |value: &RawValue| {
        let start = value.get().as_ptr() as usize - line.as_ptr() as usize;
        start..start + value.get().len()
    };
    Ok(Located {
        text: found.text.map(span),
        decoded: None,
        annotation: found.annotation.map(span),
        keys: found.keys,
    })
}

/// What [`Locator`] finds: every value as raw text borrowed from the line.
#[derive(Default)]
struct Found<'line> {
    text: Option<&'line RawValue>,
    annotation: Option<&'line RawValue>,
    keys: usize,
}

/// Walks the top-level object, keeping every value as raw text borrowed
/// from the line.
struct Locator<'a> {
    field: &'a str,
    annotation_key: &'a str,
}

impl<'line> DeserializeSeed<'line> for Locator<'_> {
    type Value = Found<'line>;

    fn deserialize<D: serde::Deserializer<'line>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'line> Visitor<'line> for Locator<'_> {
    type Value = Found<'line>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'line>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut found = Found::default();
        while let Some(key) = map.next_key::<String>()? {
            let value: &'line RawValue = map.next_value()?;
            if key == self.field {
                if found.text.is_some() {
                    return Err(A::Error::custom(format!(
                        "field {:?} appears twice",
                        self.field
                    )));
                }
                found.text = Some(value);
            } else if key == self.annotation_key {
                found.annotation = Some(value);
            }
            found.keys += 1;
        }
        Ok(found)
    }
}

/// Reads a line that holds one object whose keys are strings without
/// escapes and whose values are strings, numbers, `true`, `false` or
/// `null`, with the grammar `serde_json` applies to them. It gives up
/// (`None`) on anything else: nested values, an escaped key, a repeated
/// text field, a text that is neither a string nor `null` or that holds a
/// lone surrogate, and every malformed line.
struct PlainReader<'a> {
    line: &'a str,
    bytes: &'a [u8],
    at: usize,
    /// Room for the decoded text, kept from an earlier record.
    buffer: String,
}

impl<'a> PlainReader<'a> {
    fn new(line: &'a str) -> PlainReader<'a> {
        PlainReader {
            line,
            bytes: line.as_bytes(),
            at: 0,
            buffer: String::new(),
        }
    }

    fn object(mut self, field: &str, annotation_key: &str) -> Option<Located> {
        let mut located = Located::default();
        self.whitespace();
        self.expect(b'{')?;
        self.whitespace();
        if !self.eat(b'}') {
            loop {
                let key = self.key()?;
                self.whitespace();
                self.expect(b':')?;
                self.whitespace();
                let start = self.at;
                if key == field.as_bytes() {
                    if located.text.is_some() {
                        return None;
                    }
                    located.decoded = Some(self.text_value()?);
                    located.text = Some(start..self.at);
                } else {
                    self.skip_value()?;
                    if key == annotation_key.as_bytes() {
                        located.annotation = Some(start..self.at);
                    }
                }
                located.keys += 1;
                self.whitespace();
                if self.eat(b'}') {
                    break;
                }
                self.expect(b',')?;
                self.whitespace();
            }
        }
        self.whitespace();
        (self.at == self.bytes.len()).then_some(located)
    }

    fn whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.bytes.get(self.at) == Some(&byte);
        self.at += usize::from(found);
        found
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.eat(byte).then_some(())
    }

    /// A key without escapes, as the bytes between its quotes.
    fn key(&mut self) -> Option<&'a [u8]> {
        self.expect(b'"')?;
        let start = self.at;
        let end = next_special(self.bytes, start);
        if self.bytes.get(end) != Some(&b'"') {
            return None;
        }
        self.at = end + 1;
        Some(&self.bytes[start..end])
    }

    /// The text field's value: a string, decoded, or `null`, read as the
    /// empty string.
    fn text_value(&mut self) -> Option<String> {
        if self.bytes[self.at..].starts_with(b"null") {
            self.at += 4;
            return Some(String::new());
        }
        self.expect(b'"')?;
        // The decoded string is never longer than what is left of the line.
        let mut text = std::mem::take(&mut self.buffer);
        text.clear();
        text.reserve(self.bytes.len() - self.at);
        loop {
            let special = next_special(self.bytes, self.at);
            text.push_str(&self.line[self.at..special]);
            self.at = special + 1;
            match self.bytes.get(special)? {
                b'"' => return Some(text),
                b'\\' => text.push(self.escape()?),
                _ => return None,
            }
        }
    }

    /// The character of the escape after a backslash, a `\u` escape of a
    /// surrogate pair included; `None` for an invalid escape or a lone
    /// surrogate, which `serde_json` rejects in a string.
    fn escape(&mut self) -> Option<char> {
        let letter = *self.bytes.get(self.at)?;
        if let Some(short) = short_escape(letter) {
            self.at += 1;
            return Some(short);
        }
        if letter != b'u' {
            return None;
        }
        let unit = self.hex_escape()?;
        if !(0xD800..=0xDBFF).contains(&unit) {
            return char::from_u32(u32::from(unit));
        }
        if !self.bytes[self.at..].starts_with(b"\\u") {
            return None;
        }
        self.at += 1;
        let low = self.hex_escape()?;
        if !(0xDC00..=0xDFFF).contains(&low) {
            return None;
        }
        char::from_u32(0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00))
    }

    /// The four hex digits after the `u` at the reader's place.
    fn hex_escape(&mut self) -> Option<u16> {
        let digits = self.bytes.get(self.at + 1..self.at + 5)?;
        let mut unit = 0u16;
        for &digit in digits {
            unit = unit << 4 | u16::from(char::from(digit).to_digit(16)? as u8);
        }
        self.at += 5;
        Some(unit)
    }

    /// Any value but the text field's: a string, a number or a literal.
    fn skip_value(&mut self) -> Option<()> {
        match *self.bytes.get(self.at)? {
            b'"' => self.skip_string(),
            b'-' | b'0'..=b'9' => self.skip_number(),
            b'n' => self.skip_literal(b"null"),
            b't' => self.skip_literal(b"true"),
            b'f' => self.skip_literal(b"false"),
            _ => None,
        }
    }

    /// A string, checked as `serde_json` checks one it does not decode:
    /// no control character, valid escapes (any four hex digits after
    /// `\u`).
    fn skip_string(&mut self) -> Option<()> {
        self.at += 1;
        loop {
            let special = next_special(self.bytes, self.at);
            self.at = special + 1;
            match self.bytes.get(special)? {
                b'"' => return Some(()),
                b'\\' => match self.bytes.get(self.at)? {
                    &letter if short_escape(letter).is_some() => self.at += 1,
                    b'u' => {
                        self.hex_escape()?;
                    }
                    _ => return None,
                },
                _ => return None,
            }
        }
    }

    /// A number: `-`, then `0` or digits not starting with `0`, then
    /// optionally `.` and digits, then optionally `e` or `E`, a sign and
    /// digits.
    fn skip_number(&mut self) -> Option<()> {
        self.eat(b'-');
        match self.bytes.get(self.at)? {
            b'0' => self.at += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.eat(b'.') {
            self.some_digits()?;
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            self.some_digits()?;
        }
        Some(())
    }

    fn digits(&mut self) {
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
    }

    fn some_digits(&mut self) -> Option<()> {
        let start = self.at;
        self.digits();
        (self.at > start).then_some(())
    }

    fn skip_literal(&mut self, literal: &[u8]) -> Option<()> {
        if !self.bytes[self.at..].starts_with(literal) {
            return None;
        }
        self.at += literal.len();
        Some(())
    }
}

/// The character a two-character escape stands for, by the letter after
/// its backslash (`n` for `\n`); `None` for `u` and every invalid letter.
fn short_escape(letter: u8) -> Option<char> {
    Some(match letter {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        _ => return None,
    })
}

/// Whether a byte cannot stand as it is inside a JSON string: the quote,
/// the backslash and the control characters.
#[inline(always)]
fn is_special(byte: u8) -> bool {
    // Flipping bit 1 keeps the control characters below 0x20 and moves
    // the quote (0x22) to 0x20, so one compare finds both.
    ((byte ^ 0x02) <= 0x20) | (byte == b'\\')
}

/// The place of the first byte from `at` that [`is_special`], or the end
/// of `bytes`. Articles are long runs of plain characters between line
/// breaks, so bytes are tested 64 at a time in a form the compiler turns
/// into vector compares; the last bytes, fewer than 64, are tested 16 at
/// a time and then one by one.
#[inline]
fn next_special(bytes: &[u8], mut at: usize) -> usize {
    // Escapes come in pairs (`\n\n` between paragraphs): the byte right
    // after one is tested before a chunk is.
    if bytes.get(at).is_some_and(|&byte| is_special(byte)) {
        return at;
    }
    while let Some(chunk) = bytes.get(at..).and_then(<[u8]>::first_chunk::<64>) {
        let [a, b, c, d] = special_flags(chunk);
        if a | b | c | d != 0 {
            let (skipped, flags) = [(0, a), (16, b), (32, c), (48, d)]
                .into_iter()
                .find(|&(_, flags)| flags != 0)
                .unwrap_or_default();
            return at + skipped + flags.trailing_zeros() as usize / 8;
        }
        at += 64;
    }
    while let Some(chunk) = bytes.get(at..).and_then(<[u8]>::first_chunk::<16>) {
        let [flags] = special_flags(chunk);
        if flags != 0 {
            return at + flags.trailing_zeros() as usize / 8;
        }
        at += 16;
    }
    while bytes.get(at).is_some_and(|&byte| !is_special(byte)) {
        at += 1;
    }
    at
}

/// A byte of 0xFF for each byte of `chunk` that [`is_special`] and of 0
/// for the others, sixteen to a number (`N` is `16 * PARTS`).
#[inline(always)]
fn special_flags<const N: usize, const PARTS: usize>(chunk: &[u8; N]) -> [u128; PARTS] {
    let mut flags = [0u8; N];
    for (flag, &byte) in flags.iter_mut().zip(chunk) {
        *flag = if is_special(byte) { 0xFF } else { 0 };
    }
    let mut parts = [0u128; PARTS];
    for (part, bytes) in parts.iter_mut().zip(flags.chunks_exact(16)) {
        *part = u128::from_le_bytes(bytes.try_into().unwrap_or_default());
    }
    parts
}

/// Appends `text` as a JSON string, escaped exactly as `serde_json` escapes
/// it (`\"`, `\\`, the short escapes of `\b \t \n \f \r`, and `\u00xx`
/// for the other control characters), so that output does not depend on
/// which of the two wrote it. The runs between bytes to escape, nearly all
/// of an article, are copied whole.
pub(super) fn push_json_string(out: &mut Vec<u8>, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = text.as_bytes();
    out.push(b'"');
    let mut copied = 0;
    loop {
        let special = next_special(bytes, copied);
        out.extend_from_slice(&bytes[copied..special]);
        let Some(&byte) = bytes.get(special) else {
            break;
        };
        match byte {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0C => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            control => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(control >> 4)],
                HEX[usize::from(control & 0xF)],
            ]),
        }
        copied = special + 1;
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `clean_record` makes of a line through `serde_json` alone: the
    /// spans, and the text as `serde_json` decodes it.
    fn by_serde(line: &str) -> Option<Located> {
        let mut located = locate_with_serde(line, "text", "newsclean").ok()?;
        if let Some(span) = located.text.clone() {
            located.decoded = Some(
                serde_json::from_str::<Option<String>>(&line[span])
                    .ok()?
                    .unwrap_or_default(),
            );
        }
        Some(located)
    }

    /// The plain reader either gives up or agrees with `serde_json`.
    fn assert_agrees(line: &str) {
        if let Some(plain) = PlainReader::new(line).object("text", "newsclean") {
            assert_eq!(Some(plain), by_serde(line), "{line:?}");
        }
    }

    #[test]
    fn plain_records_are_read_as_serde_json_reads_them() {
        for line in [
            r#"{"id":"a1","url":"https://x.example/a","text":"One.\n\nTwo \"quoted\" \\ \/ \b\f\r\t."}"#,
            r#" { "text" : "x" , "n" : -0.5e+10 , "t" : true , "f" : false , "z" : null } "#,
            r#"{"text":null}"#,
            r#"{"text":""}"#,
            r#"{}"#,
            r#"{"title":"no text here"}"#,
            r#"{"text":"Caf\u00e9 \ud83d\ude00 \u0000","other":"\ud800 lone is fine here"}"#,
            r#"{"newsclean":"old","text":"a","newsclean":1}"#,
            r#"{"text":"tab\there"}"#,
            "{\"text\":\"ends in a quote\\\"\"}\r",
            r#"{"a":0,"b":1.25,"c":10E3,"d":-7,"text":"x"}"#,
        ] {
            assert!(
                PlainReader::new(line).object("text", "newsclean").is_some(),
                "{line:?}"
            );
            assert_agrees(line);
        }
    }

    #[test]
    fn a_buffer_kept_from_an_earlier_text_is_emptied_first() {
        let earlier = String::from("an earlier, longer text");
        let located = locate(r#"{"text":"new"}"#, "text", "newsclean", earlier).unwrap();
        assert_eq!(located.decoded.as_deref(), Some("new"));
    }

    #[test]
    fn the_reader_gives_up_on_what_it_does_not_read() {
        for line in [
            r#"{"text":"a","text":"b"}"#,
            r#"{"te\u0078t":"a"}"#,
            r#"{"text":{"nested":1}}"#,
            r#"{"list":[1,2],"text":"a"}"#,
            r#"{"text":12}"#,
            r#"{"text":"\ud800"}"#,
            r#"{"text":"\udc00x"}"#,
            r#"{"text":"\ud800\u0041"}"#,
            r#"{"text":"a",}"#,
            r#"{"text":"a"} x"#,
            r#"{"text":"a""#,
            r#"{"n":01,"text":"a"}"#,
            r#"{"n":1.,"text":"a"}"#,
            r#"{"n":1e,"text":"a"}"#,
            r#"{"n":+1,"text":"a"}"#,
            r#"{"n":nul,"text":"a"}"#,
            r#"{"s":"\x","text":"a"}"#,
            r#"{"s":"\u12","text":"a"}"#,
            "{\"text\":\"raw\ncontrol\"}",
            "[1]",
            "not json",
            "",
        ] {
            assert_eq!(
                PlainReader::new(line).object("text", "newsclean"),
                None,
                "{line:?}"
            );
        }
    }

    /// Pieces of records, well formed or not.
    const PIECES: &[&str] = &[
        "{",
        "}",
        "\"text\"",
        "\"id\"",
        "\"newsclean\"",
        ":",
        ",",
        " ",
        "\"",
        "a",
        "é",
        "\\",
        "\\n",
        "\\\"",
        "\\u00e9",
        "\\ud83d",
        "\\ude00",
        "\\u",
        "0",
        "-",
        "1",
        ".",
        "e",
        "+",
        "null",
        "true",
        "[",
        "]",
        "\t",
        "\u{1}",
    ];

    proptest! {
        #[test]
        fn the_reader_agrees_with_serde_json_on_any_line(
            pieces in prop::collection::vec(prop::sample::select(PIECES), 0..24)
        ) {
            assert_agrees(&pieces.concat());
        }

        #[test]
        fn records_of_strings_are_read_as_serde_json_reads_them(
            text in "[a é\"\\\\/\n\t\u{1}\u{1F600}]{0,40}",
            id in "[a-z0-9\"]{0,8}",
            number in -1000.0f64..1000.0,
        ) {
            let line = serde_json::json!({"id": id, "n": number, "text": text}).to_string();
            let plain = PlainReader::new(&line).object("text", "newsclean");
            prop_assert!(plain.is_some(), "{}", line);
            prop_assert_eq!(plain, by_serde(&line));
        }

        #[test]
        fn strings_are_escaped_as_serde_json_escapes_any_text(
            text in "[a é\"\\\\/\n\t\r\u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f}\u{2028}\u{1F600}]{0,80}"
        ) {
            let mut ours = Vec::new();
            push_json_string(&mut ours, &text);
            prop_assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(&text).unwrap());
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut text: String = (0u8..0x80).map(char::from).collect();
        text.push_str("é\u{2028}\u{7f}\u{9f}\"\\ \u{1F600}");
        let long = "plain words and a \"quote\" ".repeat(9);
        for sample in [
            text.as_str(),
            "",
            "a",
            long.as_str(),
            "\n\n\t\r\u{0}x\u{1f}",
        ] {
            let mut ours = Vec::new();
            push_json_string(&mut ours, sample);
            let theirs = serde_json::to_string(sample).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), theirs, "{sample:?}");
        }
    }

    #[test]
    fn the_next_special_byte_is_found_in_any_chunk() {
        for length in [
            0, 1, 15, 16, 17, 31, 32, 33, 63, 64, 65, 70, 96, 127, 128, 130,
        ] {
            for place in 0..=length {
                let mut bytes = vec![b'a'; length];
                if place < length {
                    bytes[place] = b'\n';
                }
                assert_eq!(next_special(&bytes, 0), place, "{length} {place}");
                let from = place.min(3);
                assert_eq!(next_special(&bytes, from), place, "{length} {place}");
            }
        }
        let every_byte: Vec<u8> = (0..=255).collect();
        let specials: Vec<usize> = (0..256)
            .filter(|&at| next_special(&every_byte, at) == at)
            .collect();
        let expected: Vec<usize> = (0..256)
            .filter(|&at| at < 0x20 || at == usize::from(b'"') || at == usize::from(b'\\'))
            .collect();
        assert_eq!(specials, expected);
    }
}
