//! Lossy damage: a UTF-8 sequence that lost its last byte because the wrong
//! code page could not show it — the byte was dropped, or became `?`,
//! U+FFFD, or (for a lost 0xA0) a plain space. Only the few bytes the code
//! page could not show can fill the hole; each is tried, and the hole is
//! filled only when the evidence singles one out (a closing `”` after a
//! word and before a space, a `à` ending a lowercase word). Otherwise the
//! text stays as it is. This module does not repair complete sequences.

use super::codepages::{code_pages, CodePage};
use super::detect::sequence_length;
use super::letters::pair_evidence;
use super::score::{self, Kind, Script};
use super::{Edit, REASON_LOSSY};

/// How much better the best filler must be than the runner-up.
const MARGIN: f32 = 1.0;
/// How much evidence a filler needs at all.
const ACCEPT: f32 = 2.0;

/// The bytes this code page's text loses: those it shows as nothing at
/// all. Where the windows-1252 look-alike is shown instead, the byte
/// survives, so only bytes that windows-1252 leaves undefined too get lost
/// (all C1 bytes for true latin-1).
fn lost_bytes(page: &CodePage) -> impl Iterator<Item = u8> + '_ {
    let latin_1 = page.reason == "mojibake.latin-1";
    page.invisible.iter().copied().filter(move |&byte| {
        (0x80..=0xBF).contains(&byte)
            && (latin_1 || matches!(byte, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D))
    })
}

/// One way to fill a hole.
struct Filler {
    /// Characters of the line the filler replaces (lead, continuations, and
    /// the marker when the marker stood for the lost byte).
    end: usize,
    decoded: char,
    evidence: f32,
}

pub(super) fn plan(chars: &[char]) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut index = 0;
    while index < chars.len() {
        match best_filler(chars, index) {
            Some(filler) => {
                edits.push(Edit {
                    range: index..filler.end,
                    replacement: filler.decoded.to_string(),
                    reason: REASON_LOSSY,
                });
                index = filler.end;
            }
            None => index += 1,
        }
    }
    edits
}

fn best_filler(chars: &[char], start: usize) -> Option<Filler> {
    let mut fillers: Vec<Filler> = Vec::new();
    for page in code_pages() {
        let Some(length) = page.byte(chars[start]).and_then(sequence_length) else {
            continue;
        };
        // The continuation bytes that survived, then the hole.
        let present = length - 2;
        let mut bytes = vec![0u8; length];
        bytes[0] = page.byte(chars[start]).unwrap_or(0);
        let mut complete = true;
        for (offset, slot) in bytes.iter_mut().enumerate().take(present + 1).skip(1) {
            match chars.get(start + offset).and_then(|&c| page.byte(c)) {
                Some(byte @ 0x80..=0xBF) => *slot = byte,
                _ => complete = false,
            }
        }
        if !complete {
            continue;
        }
        let hole = start + 1 + present;
        let marker = chars.get(hole).copied();
        // A hole followed by a continuation is not a hole.
        if marker
            .and_then(|c| page.byte(c))
            .is_some_and(|b| (0x80..=0xBF).contains(&b))
        {
            continue;
        }
        let mut options: Vec<(u8, usize)> = Vec::new();
        match marker {
            Some(' ') => {
                if page.high[0x20] == '\u{A0}' {
                    options.push((0xA0, hole + 1));
                }
                options.extend(lost_bytes(page).map(|byte| (byte, hole)));
            }
            Some('?' | '\u{FFFD}') => options.extend(lost_bytes(page).map(|byte| (byte, hole + 1))),
            _ => options.extend(lost_bytes(page).map(|byte| (byte, hole))),
        }
        for (byte, end) in options {
            bytes[length - 1] = byte;
            let Some(decoded) = std::str::from_utf8(&bytes)
                .ok()
                .and_then(|s| s.chars().next())
            else {
                continue;
            };
            if score::class(decoded).is_forbidden() {
                continue;
            }
            let evidence = weigh(chars, start, hole, end, decoded) - page.cost;
            if fillers.iter().any(|f| f.decoded == decoded && f.end == end) {
                continue;
            }
            fillers.push(Filler {
                end,
                decoded,
                evidence,
            });
        }
    }
    fillers.sort_by(|a, b| b.evidence.total_cmp(&a.evidence));
    let best = fillers.first()?;
    let runner_up = fillers
        .iter()
        .skip(1)
        .find(|f| f.decoded != best.decoded)
        .map_or(f32::NEG_INFINITY, |f| f.evidence);
    if best.evidence >= ACCEPT && best.evidence - runner_up >= MARGIN {
        fillers.into_iter().next()
    } else {
        None
    }
}

/// The evidence for reading `chars[start..end]` as `decoded`, where the
/// hole was at `hole`.
fn weigh(chars: &[char], start: usize, hole: usize, end: usize, decoded: char) -> f32 {
    let before = start.checked_sub(1).map(|i| chars[i]);
    let after = chars.get(end).copied();
    let broken = &chars[start..end];
    let lead = score::class(chars[start]);
    let mut evidence =
        score::window_cost(before, broken, after) - score::window_cost(before, &[decoded], after);
    let class = score::class(decoded);
    // An invisible character is never what a lossy hole most plausibly held.
    if matches!(class.kind, Kind::Format | Kind::Space) {
        evidence -= 3.0;
    }
    if class.is_letter() && !fits_neighbours(chars, start, end, class.script) {
        evidence -= 4.0;
    }
    let is_word = |c: Option<char>| c.is_some_and(|c| score::class(c).is_letter());
    match decoded {
        '”' => {
            let closes = before.is_some_and(|c| !c.is_whitespace()) && !is_word(after);
            evidence += if closes { 3.0 } else { -3.0 };
        }
        '‐' if !(is_word(before) && is_word(after)) => evidence -= 3.0,
        _ => {}
    }
    if lead.script == Script::Latin && class.script == Script::Latin && class.is_letter() {
        evidence += latin_evidence(chars, start, hole, end, decoded);
    } else if class.is_letter() {
        evidence += pair_evidence(before, decoded, after);
    }
    evidence
}

/// A Latin lead letter whose continuation was lost: the decoded letter must
/// fit the case of its word and the letters around it.
fn latin_evidence(chars: &[char], start: usize, hole: usize, end: usize, decoded: char) -> f32 {
    let before = start.checked_sub(1).map(|i| chars[i]);
    let after = chars.get(end).copied();
    let lower = decoded.is_lowercase();
    let before_class = before.map(score::class);
    let after_class = after.map(score::class);
    let before_upper = before_class.is_some_and(|c| c.kind == Kind::Upper);
    let before_lower = before_class.is_some_and(|c| c.kind == Kind::Lower);
    let after_upper = after_class.is_some_and(|c| c.kind == Kind::Upper);
    let after_lower = after_class.is_some_and(|c| c.kind == Kind::Lower);
    let mut evidence = 0.0;
    if lower {
        // A lowercase letter in a word of capitals is the capital itself.
        if before_upper || after_upper {
            return -5.0;
        }
        if before_lower {
            evidence += 2.0;
        }
        // `Ã` + NBSP shown as space, then the real space: "Ã  la".
        if end > hole && chars.get(end) == Some(&' ') {
            evidence += 2.0;
        }
    } else {
        if before_lower {
            return -5.0;
        }
        if after_lower || after_upper || before_upper {
            evidence += 1.0;
        }
    }
    evidence + pair_evidence(before, decoded, after)
}

/// Whether a letter of `script` fits the nearest letters around the hole.
fn fits_neighbours(chars: &[char], start: usize, end: usize, script: Script) -> bool {
    const REACH: usize = 30;
    let letter_script = |c: &char| {
        let class = score::class(*c);
        (class.is_letter() && class.script != Script::Common).then_some(class.script)
    };
    let left = chars[..start]
        .iter()
        .rev()
        .take(REACH)
        .find_map(letter_script);
    let right = chars[end..].iter().take(REACH).find_map(letter_script);
    match (left, right) {
        (None, None) => true,
        _ => [left, right]
            .iter()
            .flatten()
            .any(|&other| score::compatible(other, script)),
    }
}
