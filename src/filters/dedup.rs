//! Repeated paragraphs: a block equal to an earlier kept block, after
//! folding case, whitespace, quote style and Unicode compatibility forms,
//! is dropped and the first copy stays. This catches a standfirst repeated
//! in the body, a repeated pull-quote and runs of paragraphs repeated by
//! pagination. Short blocks (`Yes.`, `Q:`, score lines) and verse (a chorus
//! in quoted lyrics) legitimately repeat and never count. Only whole blocks
//! are compared: a sentence that also appears inside a longer paragraph is
//! not a duplicate.

use super::shape::BlockView;
use super::Decisions;
use std::collections::HashSet;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

pub const REASON: &str = "dedup.paragraph";

/// Drops every kept block that repeats an earlier kept block.
pub fn mark(views: &[BlockView], min_chars: usize, decisions: &mut Decisions) {
    let mut seen: HashSet<&str> = HashSet::new();
    for (index, view) in views.iter().enumerate() {
        if !decisions.kept(index) || is_verse(view) {
            continue;
        }
        let key = view.folded();
        if key.len() < min_chars || key.chars().count() < min_chars {
            continue;
        }
        if !seen.insert(key) {
            decisions.drop_block(index, REASON);
        }
    }
}

/// Several short lines: a stanza of a poem or song, which repeats by
/// nature (a chorus).
fn is_verse(view: &BlockView) -> bool {
    let count = view.lines.len();
    count >= 2
        && view.lines.iter().all(|line| line.chars().count() <= 80)
        && view.chars / count <= 60
}

/// The comparison form of a text: Unicode compatibility forms unified
/// (NFKC), lower case, every quote mark made straight, invisible characters
/// dropped and whitespace folded to single spaces.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return fold_ascii(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_whitespace() {
            pending_space = true;
            return;
        }
        if super::rules::is_invisible(c) {
            return;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        let c = match c {
            '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => '\'',
            '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
            other => other,
        };
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    };
    // Most text is already in compatibility-normalized form; the quick
    // check spares it the decomposition.
    if text.is_ascii() || is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        for c in text.chars() {
            push(c, &mut out);
        }
    } else {
        for c in text.nfkc() {
            push(c, &mut out);
        }
    }
    out
}

/// [`fold`] for ASCII text (most of it), a byte at a time: NFKC changes no
/// ASCII character and the only ASCII quote to straighten is the backtick.
fn fold_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for byte in text.bytes() {
        // The ASCII characters `char::is_whitespace` accepts.
        if matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(match byte {
            b'`' => '\'',
            other => char::from(other.to_ascii_lowercase()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(blocks: &[&str]) -> Vec<bool> {
        let views: Vec<BlockView> = blocks.iter().map(|block| BlockView::new(block)).collect();
        let mut decisions = Decisions::new(blocks.len());
        mark(&views, 40, &mut decisions);
        (0..blocks.len())
            .map(|index| decisions.kept(index))
            .collect()
    }

    const PARAGRAPH: &str =
        "The ministry said the new rules would apply to all schools from September.";

    #[test]
    fn a_repeat_is_dropped_and_the_first_stays() {
        assert_eq!(
            run(&[PARAGRAPH, "Other text here.", PARAGRAPH]),
            [true, true, false]
        );
    }

    #[test]
    fn case_whitespace_quotes_and_compatibility_forms_are_folded() {
        let curly = "“We will not back down,” the mayor said on Monday evening.";
        let straight = "\"We will NOT back   down,\" the mayor said on Monday\u{00A0}evening.";
        assert_eq!(run(&[curly, straight]), [true, false]);
        let fullwidth = "The ＡＢＣ committee met on Tuesday to discuss the proposal.";
        let ascii = "The ABC committee met on Tuesday to discuss the proposal.";
        assert_eq!(run(&[ascii, fullwidth]), [true, false]);
    }

    #[test]
    fn the_ascii_fold_agrees_with_the_general_one() {
        let text = "  The `Quick`\tBrown\x0B\x0CFox,\r\n  said \"HELLO\"  ";
        let general: String = {
            // The same text with one non-ASCII character, removed after.
            let folded = fold(&format!("{text}é"));
            folded.trim_end_matches('é').trim_end().to_string()
        };
        assert_eq!(fold(text), general);
        assert_eq!(fold(text), "the 'quick' brown fox, said \"hello\"");
    }

    #[test]
    fn short_blocks_never_count() {
        assert_eq!(run(&["Yes.", "Q: And then?", "Yes."]), [true, true, true]);
        assert_eq!(run(&["Postponed", "Postponed"]), [true, true]);
    }

    #[test]
    fn verse_repeats() {
        let chorus =
            "Oh the river runs to the sea\nand the sea comes back to me\nsing it low, sing it free";
        assert_eq!(run(&[chorus, PARAGRAPH, chorus]), [true, true, true]);
    }

    #[test]
    fn a_sentence_inside_a_longer_paragraph_is_not_a_duplicate() {
        let quote = "“We have waited forty years for this road to be built.”";
        let longer = "“We have waited forty years for this road to be built,” she said, adding that the village had been cut off every winter.";
        assert_eq!(run(&[quote, longer]), [true, true]);
        assert_eq!(run(&[quote, longer, quote]), [true, true, false]);
    }

    #[test]
    fn dropped_blocks_are_not_the_first_copy() {
        let views: Vec<BlockView> = [PARAGRAPH, PARAGRAPH]
            .iter()
            .map(|b| BlockView::new(b))
            .collect();
        let mut decisions = Decisions::new(2);
        decisions.drop_block(0, "boilerplate.share");
        mark(&views, 40, &mut decisions);
        assert!(decisions.kept(1));
    }
}
