//! Shared by the mojibake tests and the evaluation example: the damage
//! model of MOJIBAKE.md, applied to clean text through encoding_rs (and the
//! generated cp437 table), and the case files under tests/cases/mojibake.
//! It produces damaged text only; it never repairs anything.
#![allow(dead_code)]

#[path = "../../src/repair/mojibake/tables.rs"]
mod tables;

use encoding_rs::Encoding;

/// How a code page shows the bytes it leaves undefined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undefined {
    /// The same-numbered C1 control (what encoding_rs produces).
    Control,
    /// windows-1252's look-alike for that byte (`™` for 0x99).
    LookAlike,
}

#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub name: &'static str,
    encoding: Option<&'static Encoding>,
    pub undefined: Undefined,
}

const fn page(
    name: &'static str,
    encoding: Option<&'static Encoding>,
    undefined: Undefined,
) -> Page {
    Page {
        name,
        encoding,
        undefined,
    }
}

/// Every code page the repair supports, in both conventions where they differ.
pub fn pages() -> Vec<Page> {
    use Undefined::*;
    vec![
        page("windows-1252", Some(encoding_rs::WINDOWS_1252), Control),
        page("latin-1", None, Control),
        page("windows-1250", Some(encoding_rs::WINDOWS_1250), Control),
        page("iso-8859-2", Some(encoding_rs::ISO_8859_2), Control),
        page("windows-1251", Some(encoding_rs::WINDOWS_1251), Control),
        page("windows-1253", Some(encoding_rs::WINDOWS_1253), Control),
        page("windows-1254", Some(encoding_rs::WINDOWS_1254), Control),
        page("windows-1257", Some(encoding_rs::WINDOWS_1257), Control),
        page("windows-874", Some(encoding_rs::WINDOWS_874), LookAlike),
        page("windows-874/c1", Some(encoding_rs::WINDOWS_874), Control),
        page("koi8-r", Some(encoding_rs::KOI8_R), Control),
        page("koi8-u", Some(encoding_rs::KOI8_U), Control),
        page("mac-roman", Some(encoding_rs::MACINTOSH), Control),
        page("cp437", None, Control),
    ]
}

pub fn find_page(name: &str) -> Page {
    pages()
        .into_iter()
        .find(|page| page.name == name)
        .unwrap_or_else(|| panic!("unknown code page {name}"))
}

/// What `page` shows for one byte.
pub fn show_byte(page: &Page, byte: u8) -> char {
    if byte < 0x80 {
        return char::from(byte);
    }
    let shown = match (page.name, page.encoding) {
        ("latin-1", _) => char::from(byte),
        ("cp437", _) => tables::CP437_HIGH[usize::from(byte - 0x80)],
        (_, Some(encoding)) => encoding
            .decode_without_bom_handling(&[byte])
            .0
            .chars()
            .next()
            .unwrap_or('\u{FFFD}'),
        (_, None) => '\u{FFFD}',
    };
    let undefined = shown == '\u{FFFD}' || ('\u{80}'..='\u{9F}').contains(&shown);
    match (undefined, page.undefined) {
        (true, Undefined::LookAlike) => {
            let look_alike = encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(&[byte])
                .0
                .chars()
                .next()
                .unwrap_or('\u{FFFD}');
            if ('\u{80}'..='\u{9F}').contains(&look_alike) {
                shown
            } else {
                look_alike
            }
        }
        (true, Undefined::Control) if shown == '\u{FFFD}' => char::from(byte),
        _ => shown,
    }
}

/// `text`'s UTF-8 bytes read with `page`.
pub fn damage(text: &str, page: &Page) -> String {
    text.bytes().map(|byte| show_byte(page, byte)).collect()
}

/// Only the `index`-th whitespace-separated word that is not ASCII is damaged.
pub fn damage_word(text: &str, page: &Page, index: usize) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    let non_ascii: Vec<usize> = (0..words.len()).filter(|&i| !words[i].is_ascii()).collect();
    let target = *non_ascii.get(index)?;
    let damaged: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            if i == target {
                damage(word, page)
            } else {
                word.to_string()
            }
        })
        .collect();
    Some(damaged.join(" "))
}

/// How lossy damage showed a byte the code page could not show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loss {
    Dropped,
    Question,
    Replacement,
}

/// windows-1252 damage where every byte windows-1252 cannot show was lost,
/// and every no-break space became a plain space.
pub fn damage_lossy(text: &str, page: &Page, loss: Loss) -> String {
    let mut out = String::new();
    for c in damage(text, page).chars() {
        match c {
            '\u{80}'..='\u{9F}' => match loss {
                Loss::Dropped => {}
                Loss::Question => out.push('?'),
                Loss::Replacement => out.push('\u{FFFD}'),
            },
            '\u{A0}' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The lines of a case file, without comments and blank lines.
pub fn case_lines(name: &str) -> Vec<String> {
    let path = format!("{}/tests/cases/mojibake/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(unescape)
        .collect()
}

/// Case files spell invisible characters as `\u{XXXX}`.
pub fn unescape(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find("\\u{") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let close = after.find('}').expect("unclosed \\u{");
        let code = u32::from_str_radix(&after[..close], 16).expect("hex code point");
        out.push(char::from_u32(code).expect("valid code point"));
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Clean sentences that serve as the base of the generated cases.
pub fn sentences() -> Vec<String> {
    case_lines("sentences.txt")
}

pub fn repaired(text: &str) -> String {
    newsclean::repair::mojibake::repair(text, &mut Vec::new()).into_owned()
}
