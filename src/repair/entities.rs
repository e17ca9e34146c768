//! HTML character references: named (the full HTML5 table that htmlize
//! ships), decimal and hexadecimal, and references escaped more than once
//! (`&amp;rsquo;`, `&amp;amp;`), decoded to a fixpoint in one pass. A
//! reference must end with `;`: `AT&T`, `Q&A` and `&copy` inside a URL stay
//! as they are. A text that shows markup both escaped and as written (a
//! guide to escaping: `write &lt;p&gt; to show <p>`) keeps every reference.
//! So does a text that quotes a reference on its own (`the system turned
//! every ampersand into “&amp;”`): it writes about references.
//! A numeric reference that would produce NUL, a control character, a
//! surrogate or a noncharacter is left alone. This step does
//! not touch markup (tags are not its business) and does not repair
//! mojibake that an entity may reveal; the mojibake step runs after it.

use crate::report::Change;
use std::borrow::Cow;

/// The reason id of every entity repair.
pub const REASON: &str = "entities.html";

/// How many times a reference may have been escaped over itself.
const MAX_DEPTH: usize = 4;

/// Longest name in the HTML5 table (`&CounterClockwiseContourIntegral;`).
const MAX_NAME: usize = 32;

/// Decodes character references in `text`, one change per reference.
pub fn decode<'a>(text: &'a str, changes: &mut Vec<Change>) -> Cow<'a, str> {
    let Some(first) = memchr::memchr(b'&', text.as_bytes()) else {
        return Cow::Borrowed(text);
    };
    if shows_markup(text) || quotes_a_reference(text, first) {
        return Cow::Borrowed(text);
    }
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut search = first;
    while let Some(offset) = memchr::memchr(b'&', &text.as_bytes()[search..]) {
        let start = search + offset;
        match decode_chain(&text[start..]) {
            Some((consumed, decoded)) => {
                let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
                out.push_str(&text[copied..start]);
                out.push_str(&decoded);
                crate::report::push_repair(
                    changes,
                    Change::repair(
                        REASON,
                        start,
                        &text[start..start + consumed],
                        decoded.as_str(),
                    ),
                );
                copied = start + consumed;
                search = copied;
            }
            None => search = start + 1,
        }
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
    }
}

/// Whether `text` writes out both an escaped angle bracket (`&lt;`,
/// `&gt;`) and a tag (`<p>`, `</div>`): it is about markup, a guide to
/// escaping, where every reference is the text itself (`you write &lt;p&gt;
/// to show <p>`). Markup left by a scraper never comes with the escaped
/// brackets that would show it.
fn shows_markup(text: &str) -> bool {
    let escapes_brackets = memchr::memmem::find(text.as_bytes(), b"&lt;").is_some()
        || memchr::memmem::find(text.as_bytes(), b"&gt;").is_some();
    escapes_brackets && holds_a_tag(text)
}

/// Whether `text` quotes a reference on its own between quotation marks
/// or backticks (`“&amp;”`, `"&#8217;"`, `` `&nbsp;` ``): it names the
/// reference, as a text about a site's escaping bugs does, and every
/// reference in it is the text itself. Scraped text escaped once too often
/// escapes words (`“Marks &amp; Spencer”`), not a lone reference.
/// `first` is where the first `&` is.
fn quotes_a_reference(text: &str, first: usize) -> bool {
    const OPENERS: &[char] = &['“', '"', '\'', '‘', '«', '`', '„', '‚'];
    const CLOSERS: &[char] = &['”', '"', '\'', '’', '»', '`', '“', '‘'];
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'&', &bytes[first..]).any(|offset| {
        let start = first + offset;
        let quoted = text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| OPENERS.contains(&c));
        quoted
            && reference(&text[start..]).is_some_and(|(length, _)| {
                text[start + length..]
                    .chars()
                    .next()
                    .is_some_and(|c| CLOSERS.contains(&c))
            })
    })
}

/// Whether `text` holds a tag: `<`, a letter, `/` or `!`, then up to 40
/// bytes without a bracket or a line break, then `>`.
fn holds_a_tag(text: &str) -> bool {
    const MAX_TAG: usize = 40;
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'<', bytes).any(|start| {
        let opens = bytes
            .get(start + 1)
            .is_some_and(|&byte| byte.is_ascii_alphabetic() || byte == b'/' || byte == b'!');
        opens
            && bytes[start + 1..]
                .iter()
                .take(MAX_TAG + 1)
                .find(|&&byte| matches!(byte, b'<' | b'>' | b'\n'))
                == Some(&b'>')
    })
}

/// Decodes the reference at the start of `text` (which starts with `&`),
/// following it through every level of escaping: `&amp;rsquo;` is `’`.
/// Returns the bytes consumed and what they stand for.
fn decode_chain(text: &str) -> Option<(usize, String)> {
    let (mut consumed, mut decoded) = reference(text)?;
    for _ in 0..MAX_DEPTH {
        if decoded != "&" {
            break;
        }
        // `&amp;` followed by the rest of another reference.
        let rest = &text[consumed..];
        let mut cut = rest.len().min(MAX_NAME + 12);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let virtual_reference = format!("&{}", &rest[..cut]);
        match reference(&virtual_reference) {
            Some((length, inner)) => {
                consumed += length - 1;
                decoded = inner;
            }
            None => break,
        }
    }
    Some((consumed, decoded))
}

/// One reference at the start of `text`: `&name;`, `&#123;` or `&#x1F;`.
fn reference(text: &str) -> Option<(usize, String)> {
    let body = text.strip_prefix('&')?;
    if let Some(number) = body.strip_prefix('#') {
        let (digits, radix, prefix) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 2),
            None => (number, 10, 1),
        };
        let length = digits
            .bytes()
            .take_while(|b| {
                if radix == 16 {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if length == 0 || length > 8 || digits.as_bytes().get(length) != Some(&b';') {
            return None;
        }
        let value = u32::from_str_radix(&digits[..length], radix).ok()?;
        let c = numeric_character(value)?;
        return Some((1 + prefix + length + 1, c.to_string()));
    }
    let length = body
        .bytes()
        .take(MAX_NAME + 1)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if length == 0 || length > MAX_NAME || body.as_bytes().get(length) != Some(&b';') {
        return None;
    }
    let key = &text.as_bytes()[..length + 2];
    let expansion = htmlize::ENTITIES.get(key)?;
    let expansion = std::str::from_utf8(expansion).ok()?;
    Some((length + 2, expansion.to_string()))
}

/// What a numeric reference stands for, as browsers read it (0x80–0x9F
/// are windows-1252), or `None` for anything a repair must not produce.
fn numeric_character(value: u32) -> Option<char> {
    if (0x80..=0x9F).contains(&value) {
        let byte = [value as u8];
        let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
        let c = decoded.chars().next()?;
        return (!c.is_control()).then_some(c);
    }
    let c = char::from_u32(value)?;
    let noncharacter = (0xFDD0..=0xFDEF).contains(&value) || value & 0xFFFE == 0xFFFE;
    if noncharacter || (c.is_control() && !matches!(c, '\t' | '\n')) {
        return None;
    }
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(text: &str) -> String {
        decode(text, &mut Vec::new()).into_owned()
    }

    #[test]
    fn named_decimal_and_hex_references_decode() {
        assert_eq!(
            decoded("it&rsquo;s &#8220;here&#x201D; &eacute;"),
            "it’s “here” é"
        );
        assert_eq!(decoded("&CounterClockwiseContourIntegral;"), "∳");
    }

    #[test]
    fn double_escaped_references_decode_to_a_fixpoint() {
        assert_eq!(decoded("it&amp;rsquo;s"), "it’s");
        assert_eq!(decoded("a &amp;amp; b"), "a & b");
        assert_eq!(decoded("&amp;amp;amp;#8217;"), "’");
        let mut changes = Vec::new();
        decode("x &amp;rsquo; y", &mut changes);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].reason, REASON);
        assert_eq!(changes[0].position, 2);
        assert_eq!(changes[0].before, "&amp;rsquo;");
    }

    #[test]
    fn references_need_their_semicolon() {
        for text in [
            "AT&T",
            "Q&A",
            "http://x.org/?a=1&copy=2",
            "&copy 2024",
            "fish & chips",
            "&#8217",
        ] {
            assert!(
                matches!(decode(text, &mut Vec::new()), Cow::Borrowed(_)),
                "{text}"
            );
        }
    }

    #[test]
    fn numeric_references_never_produce_controls() {
        for text in [
            "&#0;",
            "&#1;",
            "&#x7F;",
            "&#129;",
            "&#xD800;",
            "&#x110000;",
            "&#xFFFE;",
        ] {
            assert_eq!(decoded(text), text);
        }
        assert_eq!(decoded("&#150;"), "–");
    }

    #[test]
    fn a_text_about_escaping_keeps_its_references() {
        let guide = "Why your page shows “&amp;amp;”\n\nYou write &amp; for an ampersand and &lt;p&gt; to show <p> on the page.";
        assert_eq!(decoded(guide), guide);
        // Escaped brackets alone, or a stray tag alone, are decoded as usual.
        assert_eq!(
            decoded("Use &lt;b&gt; sparingly &amp; well"),
            "Use <b> sparingly & well"
        );
        assert_eq!(
            decoded("Tom &amp; Jerry <br> returns"),
            "Tom & Jerry <br> returns"
        );
        assert_eq!(decoded("a &lt; b and c > d &amp; e"), "a < b and c > d & e");
    }

    #[test]
    fn a_text_quoting_a_reference_on_its_own_keeps_its_references() {
        for text in [
            "The system turned each ampersand into “&amp;”, so readers saw “Marks &amp; Spencer”.",
            "Type \"&nbsp;\" for a space that never breaks, and &amp; for an ampersand.",
            "The feed showed `&#8217;` where an apostrophe belonged: don&#8217;t.",
        ] {
            assert_eq!(decoded(text), text);
        }
        // A quotation that holds more than the reference is decoded.
        assert_eq!(
            decoded("The shop, “Marks &amp; Spencer”, closes &amp; reopens."),
            "The shop, “Marks & Spencer”, closes & reopens."
        );
        assert_eq!(
            decoded("“&amp;c.” he wrote &amp; left"),
            "“&c.” he wrote & left"
        );
    }

    #[test]
    fn unknown_names_stay() {
        assert_eq!(decoded("&notanentity; &amp"), "&notanentity; &amp");
        assert_eq!(
            decoded("&amp;ééééééééééééééééééééééééééé"),
            "&ééééééééééééééééééééééééééé"
        );
    }
}
