//! What clean Chinese, Japanese, Korean, Thai and Vietnamese text writes
//! side by side, read from `east_asian_corpus.txt` and
//! `vietnamese_corpus.txt` (news prose written for this purpose). In these scripts a lossy hole has several everyday
//! characters that fit it (`方é¢` + lost byte: `面`, `颁`, `颐`, `额`), and
//! letter pairs do not tell them apart; the characters around the hole do,
//! when the corpus writes exactly one of the candidates beside them
//! (`方面`). A Vietnamese hole is told apart the same way, by the syllable
//! written beside it (`nghiêm trọng`, not `nghiêm trống`). This module only
//! answers whether a short sequence occurs; it weighs and repairs nothing.

use super::letters::CharHashing;
use memchr::memmem;
use std::collections::HashSet;
use std::sync::OnceLock;

const CORPUS: &str = include_str!("east_asian_corpus.txt");
const VIETNAMESE: &str = include_str!("vietnamese_corpus.txt");

/// Whether the corpus writes `first` and then `second`, side by side. The
/// pairs are gathered once; a hole asks about two or four of them.
pub(crate) fn written_together(first: char, second: char) -> bool {
    static PAIRS: OnceLock<HashSet<(char, char), CharHashing>> = OnceLock::new();
    PAIRS
        .get_or_init(|| {
            // Room for a pair at every character (most take three bytes),
            // rather than a set rebuilt at every doubling as it grows.
            let mut pairs =
                HashSet::with_capacity_and_hasher(CORPUS.len() / 3, CharHashing::default());
            let mut previous = None;
            for c in CORPUS.chars() {
                if let Some(previous) = previous {
                    pairs.insert((previous, c));
                }
                previous = Some(c);
            }
            pairs
        })
        .contains(&(first, second))
}

/// Whether the Vietnamese corpus writes `text` (compared in lowercase,
/// with a word boundary on either side).
pub(crate) fn written_in_vietnamese(text: &str) -> bool {
    static LOWERCASE: OnceLock<String> = OnceLock::new();
    let corpus = LOWERCASE.get_or_init(|| {
        let mut corpus = String::from(" ");
        for line in VIETNAMESE.lines() {
            corpus.extend(line.chars().map(|c| {
                if c.is_alphanumeric() {
                    c.to_lowercase().next().unwrap_or(c)
                } else {
                    ' '
                }
            }));
            corpus.push(' ');
        }
        corpus
    });
    let wanted = format!(" {} ", text.to_lowercase());
    wanted.trim().len() > 1 && memmem::find(corpus.as_bytes(), wanted.as_bytes()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequences_are_found_only_as_written() {
        assert!(written_together('方', '面'));
        assert!(!written_together('面', '方'));
        // Lines are not written into each other.
        assert!(!written_together('\n', '\n'));
        // The pairs are those a search of the corpus text finds.
        for (first, second) in [('方', '面'), ('面', '方'), ('政', '府'), ('府', '政')] {
            let text: String = [first, second].iter().collect();
            assert_eq!(
                written_together(first, second),
                CORPUS.contains(&text),
                "{text}"
            );
        }
    }

    #[test]
    fn vietnamese_syllables_are_found_as_whole_words() {
        assert!(written_in_vietnamese("Hà Nội"));
        assert!(!written_in_vietnamese("nội hà"));
        assert!(!written_in_vietnamese("xyz qwv"));
    }
}
