//! What clean Chinese, Japanese, Korean and Thai text writes side by side,
//! read from `east_asian_corpus.txt` (news prose written for this
//! purpose). In these scripts a lossy hole has several everyday
//! characters that fit it (`方é¢` + lost byte: `面`, `颁`, `颐`, `额`), and
//! letter pairs do not tell them apart; the characters around the hole do,
//! when the corpus writes exactly one of the candidates beside them
//! (`方面`). This module only answers whether a short sequence occurs; it
//! weighs and repairs nothing.

use memchr::memmem;

const CORPUS: &str = include_str!("east_asian_corpus.txt");

/// Whether the corpus writes the characters of `sequence` in that order,
/// side by side.
pub(crate) fn written_together(sequence: &[char]) -> bool {
    let text: String = sequence.iter().collect();
    !text.is_empty() && memmem::find(CORPUS.as_bytes(), text.as_bytes()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequences_are_found_only_as_written() {
        assert!(written_together(&['方', '面']));
        assert!(!written_together(&['面', '方']));
        assert!(!written_together(&[]));
    }
}
