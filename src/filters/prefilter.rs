//! What a whole-line pattern needs of a line, read from its syntax tree, so
//! that the rules can be searched in the direction that rejects a line
//! soonest, or skipped when the line lacks a word every match contains.
//!
//! A forward search stops at the first byte no pattern can go on with. A
//! pattern that may begin with a run of any letters (`.*`, `(.*[^\p{L}])?`,
//! `[^.!?]+`) never stops early: it reads every byte of every line. Most
//! such patterns end in fixed words or in a run that stops at a full stop,
//! which a search from the end rejects within a few bytes of a line of
//! prose. The few that may run long at both ends, or whose classes would
//! make a backward automaton costly to build, contain a word any match
//! must hold ("all rights reserved", "your inbox"), and a line without one
//! of those words needs no search at all. Nothing here decides what
//! matches: the answers only choose how a set of patterns is searched, and
//! every search still gives the answers of the patterns themselves.

use regex_syntax::hir::{Class, Hir, HirKind};

/// The shortest word worth looking for: shorter ones are in most lines.
const SHORTEST_WORD: usize = 3;

/// The most words (after folding ASCII case) a pattern may need: more
/// would make looking for them no cheaper than searching the pattern.
const MOST_WORDS: usize = 64;

/// Words longer than this count as this long when choosing among words:
/// a longer one rules out hardly more lines.
const LONG_WORD: usize = 6;

/// Characters with more spellings than this (a letter has two, `s` three
/// with `ſ`) are not read into words.
const MOST_SPELLINGS: usize = 4;

/// The most ranges of characters a pattern read backwards may hold in its
/// classes (see [`holds_large_classes`]).
const MOST_CLASS_RANGES: usize = 2048;

/// The end of a line a search starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Start,
    Finish,
}

/// Whether a search from `end` may read the whole of a line of prose
/// before it can tell that `hir` does not match: a match may begin (at
/// [`End::Start`]) with a run of any length that takes letters, or end (at
/// [`End::Finish`]) with one that takes letters and a full stop, the last
/// byte of most lines of prose, or only letters after something that may
/// take that full stop (`[^.!?]+\.?`).
pub fn may_run_long_from(hir: &Hir, end: End) -> bool {
    runs_long(hir, end, end == End::Start)
}

/// [`may_run_long_from`]; `stop_passed` tells whether a full stop at the
/// end may already have been read (and always at the start, which has
/// none to pass).
fn runs_long(hir: &Hir, end: End, stop_passed: bool) -> bool {
    match hir.kind() {
        HirKind::Capture(capture) => runs_long(&capture.sub, end, stop_passed),
        HirKind::Concat(parts) => {
            let mut stop_passed = stop_passed;
            let mut walk: Box<dyn Iterator<Item = &Hir>> = match end {
                End::Start => Box::new(parts.iter()),
                End::Finish => Box::new(parts.iter().rev()),
            };
            // Parts that may match nothing let the search on to the next.
            walk.find_map(|part| {
                if runs_long(part, end, stop_passed) {
                    return Some(true);
                }
                if part.properties().minimum_len().unwrap_or(0) > 0 {
                    return Some(false);
                }
                stop_passed |= may_take(part, '.');
                None
            })
            .unwrap_or(false)
        }
        HirKind::Alternation(branches) => branches
            .iter()
            .any(|branch| runs_long(branch, end, stop_passed)),
        HirKind::Repetition(repetition) => {
            let takes_prose =
                may_take(&repetition.sub, 'e') && (stop_passed || may_take(&repetition.sub, '.'));
            (repetition.max.is_none() && takes_prose)
                || runs_long(&repetition.sub, end, stop_passed)
        }
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => false,
    }
}

/// Whether `hir` holds classes of more than [`MOST_CLASS_RANGES`] ranges
/// of characters in all. Read backwards, such a class becomes a large
/// automaton of UTF-8 sequences, and every state a lazy DFA builds from it
/// costs tens of thousands of instructions (`[\p{Lu}\p{Lo}]` next to a
/// final run built about 5,000 of them over the corpus).
pub fn holds_large_classes(hir: &Hir) -> bool {
    fn ranges(hir: &Hir) -> usize {
        match hir.kind() {
            HirKind::Class(Class::Unicode(class)) => class.ranges().len(),
            HirKind::Class(Class::Bytes(class)) => class.ranges().len(),
            HirKind::Capture(capture) => ranges(&capture.sub),
            HirKind::Repetition(repetition) => ranges(&repetition.sub),
            HirKind::Concat(parts) | HirKind::Alternation(parts) => parts.iter().map(ranges).sum(),
            HirKind::Empty | HirKind::Literal(_) | HirKind::Look(_) => 0,
        }
    }
    ranges(hir) > MOST_CLASS_RANGES
}

/// Whether `hir` may take the character `wanted`: a class or literal that
/// holds it, or anything else (taken to, to be safe).
fn may_take(hir: &Hir, wanted: char) -> bool {
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .any(|range| range.start() <= wanted && wanted <= range.end()),
        HirKind::Class(Class::Bytes(class)) => class
            .ranges()
            .iter()
            .any(|range| char::from(range.start()) <= wanted && wanted <= char::from(range.end())),
        HirKind::Literal(literal) => literal.0.contains(&(wanted as u8)),
        HirKind::Empty | HirKind::Look(_) => false,
        _ => true,
    }
}

/// Words of which every match of `hir` contains one, in ASCII lower case
/// (to be looked for with ASCII case folded), each at least
/// [`SHORTEST_WORD`] bytes long; `None` when no such list of at most
/// [`MOST_WORDS`] words is found. A word may be a piece of a longer one
/// the pattern spells out: a line without any of the words cannot match.
pub fn required_words(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let (words, score) = required(hir)?;
    (score.shortest >= SHORTEST_WORD && words.len() <= MOST_WORDS).then_some(words)
}

/// Words (ASCII case folded, sorted, without repeats) one of which every
/// match of `hir` contains, with their [`Score`]; `None` when none are
/// known. Of several such lists the one with the best score is taken.
fn required(hir: &Hir) -> Option<(Vec<Vec<u8>>, Score)> {
    match hir.kind() {
        HirKind::Capture(capture) => required(&capture.sub),
        HirKind::Repetition(repetition) if repetition.min >= 1 => required(&repetition.sub),
        HirKind::Literal(_) | HirKind::Class(_) => {
            let words = spellings(hir)?;
            let score = Score::of(&words);
            Some((words, score))
        }
        HirKind::Alternation(branches) => {
            // Every branch needs a word of its own; a match contains one
            // of theirs.
            let mut all = Vec::new();
            for branch in branches {
                all.extend(required(branch)?.0);
            }
            all.sort_unstable();
            all.dedup();
            let score = Score::of(&all);
            Some((all, score))
        }
        HirKind::Concat(parts) => {
            // Any run of parts with few spellings each spells out a piece
            // of every match, and so does whatever one part needs: the
            // best of them is kept.
            let mut spelled: Vec<Option<Vec<Vec<u8>>>> = Vec::new();
            // The parts no spelling covers, whose own needs are asked.
            let mut unspelled: Vec<&Hir> = Vec::new();
            for part in parts {
                match part.kind() {
                    // A literal is read a character at a time, so that a
                    // word may start inside it (a literal of bytes that
                    // are not UTF-8 stays whole).
                    HirKind::Literal(literal) => match std::str::from_utf8(&literal.0) {
                        Ok(text) => spelled.extend(text.chars().map(|character| {
                            Some(vec![character
                                .to_string()
                                .into_bytes()
                                .to_ascii_lowercase()])
                        })),
                        Err(_) => spelled.push(spellings(part)),
                    },
                    _ => {
                        let spelling = spellings(part);
                        if spelling.is_none() {
                            unspelled.push(part);
                        }
                        spelled.push(spelling);
                    }
                }
            }
            let mut best: Option<(Vec<Vec<u8>>, Score)> = None;
            let mut keep = |candidate: (Vec<Vec<u8>>, Score)| {
                if best.as_ref().map_or(true, |kept| candidate.1 > kept.1) {
                    best = Some(candidate);
                }
            };
            for first in 0..spelled.len() {
                if let Some(words) = words_from(&spelled[first..]) {
                    keep(words);
                }
            }
            for part in unspelled {
                if let Some(words) = required(part) {
                    keep(words);
                }
            }
            best
        }
        HirKind::Repetition(_) | HirKind::Empty | HirKind::Look(_) => None,
    }
}

/// The words spelled by the first parts of `parts` (each given by its
/// spellings), read until they are [`LONG_WORD`] bytes long or a part
/// cannot be spelled; `None` when they stay shorter than
/// [`SHORTEST_WORD`] or come to more than [`MOST_WORDS`].
fn words_from(parts: &[Option<Vec<Vec<u8>>>]) -> Option<(Vec<Vec<u8>>, Score)> {
    let mut words: Vec<Vec<u8>> = vec![Vec::new()];
    for spellings in parts.iter().map_while(Option::as_ref) {
        if words.len() * spellings.len() > MOST_WORDS {
            break;
        }
        words = words
            .iter()
            .flat_map(|word| {
                spellings
                    .iter()
                    .map(move |spelling| [&word[..], spelling].concat())
            })
            .collect();
        if words.iter().all(|word| word.len() >= LONG_WORD) {
            break;
        }
    }
    words.sort_unstable();
    words.dedup();
    let score = Score::of(&words);
    (score.shortest >= SHORTEST_WORD).then_some((words, score))
}

/// The ways `hir` may be spelled, in ASCII lower case without repeats,
/// when it is a literal or a class of at most [`MOST_SPELLINGS`] of them.
fn spellings(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let mut spellings: Vec<Vec<u8>> = match hir.kind() {
        HirKind::Capture(capture) => return spellings(&capture.sub),
        HirKind::Literal(literal) => vec![literal.0.to_vec()],
        HirKind::Class(Class::Unicode(class)) => at_most_spellings(
            class
                .ranges()
                .iter()
                .flat_map(|range| range.start()..=range.end())
                .map(|character| character.to_string().into_bytes()),
        )?,
        HirKind::Class(Class::Bytes(class)) => at_most_spellings(
            class
                .ranges()
                .iter()
                .flat_map(|range| range.start()..=range.end())
                .map(|byte| vec![byte]),
        )?,
        _ => return None,
    };
    for spelling in &mut spellings {
        spelling.make_ascii_lowercase();
    }
    spellings.sort_unstable();
    spellings.dedup();
    Some(spellings)
}

/// The spellings `all` gives, unless it gives more than
/// [`MOST_SPELLINGS`]; the rest of a large class is never walked.
fn at_most_spellings(all: impl Iterator<Item = Vec<u8>>) -> Option<Vec<Vec<u8>>> {
    let spellings: Vec<Vec<u8>> = all.take(MOST_SPELLINGS + 1).collect();
    (spellings.len() <= MOST_SPELLINGS).then_some(spellings)
}

/// How well a list of words rules out lines, as far as can be told: the
/// longer its shortest word (up to [`LONG_WORD`]) the better; of lists as
/// long, the one whose words open with rarer bytes (words are looked for
/// by their first bytes, and each line holding those must be checked);
/// then the shorter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Score {
    shortest: usize,
    rarer: std::cmp::Reverse<u64>,
    fewer: std::cmp::Reverse<usize>,
}

impl Score {
    fn of(words: &[Vec<u8>]) -> Score {
        let shortest = words.iter().map(Vec::len).min().unwrap_or(0);
        let openings = words.iter().map(|word| {
            word.iter()
                .take(3)
                .map(|&byte| u64::from(byte_weight(byte)))
                .product::<u64>()
        });
        Score {
            shortest: shortest.min(LONG_WORD),
            rarer: std::cmp::Reverse(openings.sum()),
            fewer: std::cmp::Reverse(words.len()),
        }
    }
}

/// About how often `byte` stands in lower-case text of the Latin-script
/// languages, from 1 (rare) to 17 (the space).
fn byte_weight(byte: u8) -> u8 {
    match byte {
        b' ' => 17,
        b'e' => 10,
        b'a' | b't' => 7,
        b'i' | b'n' | b'o' => 6,
        b'r' | b's' => 5,
        b'h' => 4,
        b'c' | b'd' | b'l' => 3,
        b'm' | b'u' => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::util::syntax;

    fn parsed(pattern: &str) -> Hir {
        let config = syntax::Config::new().case_insensitive(true).utf8(true);
        syntax::parse_with(&format!("^(?:{pattern})$"), &config).unwrap()
    }

    fn words(pattern: &str) -> Option<Vec<String>> {
        required_words(&parsed(pattern)).map(|words| {
            words
                .into_iter()
                .map(|word| String::from_utf8(word).unwrap())
                .collect()
        })
    }

    #[test]
    fn a_pattern_that_opens_with_any_letters_runs_long_from_the_start() {
        for pattern in [
            ".*all rights reserved",
            "(.*[^\\p{L}])?photo: .+",
            "[^.!?]+ newsletter",
            "(share|.+ says):",
        ] {
            assert!(may_run_long_from(&parsed(pattern), End::Start), "{pattern}");
        }
        for pattern in [
            "share this",
            "\\s*next page",
            "\\d+ comments",
            "we use cookies.*",
            "[«‹]*\\s*previous",
        ] {
            assert!(
                !may_run_long_from(&parsed(pattern), End::Start),
                "{pattern}"
            );
        }
        assert!(may_run_long_from(&parsed("we use cookies.*"), End::Finish));
        assert!(!may_run_long_from(&parsed(".+ says:"), End::Finish));
    }

    #[test]
    fn the_words_every_match_needs_are_found() {
        // Each word is a piece of one of the phrases (in one of its
        // spellings: `s` may be `ſ`), and each phrase has one.
        let pieces_of = |pattern: &str, phrases: &[&str]| {
            let words = words(pattern).unwrap_or_else(|| panic!("{pattern}"));
            for word in &words {
                let plain = word.replace('ſ', "s");
                assert!(
                    phrases.iter().any(|phrase| phrase.contains(&plain)),
                    "{word:?}"
                );
            }
            for phrase in phrases {
                assert!(
                    words
                        .iter()
                        .any(|word| phrase.contains(&word.replace('ſ', "s"))),
                    "{phrase}"
                );
            }
            words
        };
        pieces_of(
            ".*(all rights reserved|tous droits).*",
            &["all rights reserved", "tous droits"],
        );
        pieces_of(".+ inbox|.*newsletter", &[" inbox", "newsletter"]);
        assert_eq!(
            pieces_of("[^>]+( (>|») [^>]+){2,4}", &[" > ", " » "]),
            [" > ", " » "]
        );
        // Of the pieces of a phrase, one opening with rarer letters.
        assert_eq!(words(".*(?-i:ERSCHIENEN).*").unwrap(), ["schien"]);
        // Every branch needs a word, or none is needed.
        assert_eq!(words(".+ inbox|.*"), None);
        // Too short to rule anything out.
        assert_eq!(words(".+ (at|um) \\d+"), None);
    }

    #[test]
    fn a_line_without_the_words_never_matches() {
        let patterns = [
            ".*(all rights reserved|tous droits réservés).*",
            "(.*[^\\p{L}])?(photo|foto)\\s+(afp|ap|reuters)(\\s*/\\s*[^.!?:;]+)?\\.?",
            ".+\\s[–—-]\\s(brought to you by|sponsored by) [^.!?]+",
            "[^»>.!?]+( (»|>) [^»>.!?]+){2,8}",
            "(.*(?-i:[^\\p{Ll}\\s])\\s?)?(all rights reserved|все права защищены)\\s*([^\\p{L}\\s].*)?",
        ];
        let lines = [
            "© 2024 Example Media. All Rights Reserved.",
            "ВСЕ ПРАВА ЗАЩИЩЕНЫ",
            "The minister, pictured (Photo AFP), spoke on Tuesday",
            "Home > News > World",
            "Home » News » World",
            "Weekend magazine — Sponsored by Example Bank",
            "TOUS DROITS RÉSERVÉS",
            "The council voted on Tuesday to approve the budget.",
        ];
        for pattern in patterns {
            let hir = parsed(pattern);
            let words = required_words(&hir).unwrap_or_else(|| panic!("no words: {pattern}"));
            let regex = regex::RegexBuilder::new(&format!("^(?:{pattern})$"))
                .case_insensitive(true)
                .build()
                .unwrap();
            for line in lines {
                let folded = line.as_bytes().to_ascii_lowercase();
                let has_word = words
                    .iter()
                    .any(|word| folded.windows(word.len()).any(|window| window == word));
                assert!(has_word || !regex.is_match(line), "{pattern} / {line}");
            }
        }
    }
}
