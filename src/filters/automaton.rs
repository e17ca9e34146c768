//! Many rule patterns as one automaton that answers "which of them match
//! this line". Every rule pattern is anchored at the start of the text, so
//! a search only ever runs forwards from the first byte: unlike a general
//! multi-pattern regex (`regex::RegexSet`), this builds no reverse
//! automaton, which is half the start-up cost of compiling the rules. The
//! answers are those of `regex::RegexSet` with the same patterns. This
//! module knows nothing of rules, lines or match modes: `rules.rs` anchors
//! and parses the patterns.

use regex_automata::hybrid::dfa::{Cache as LazyCache, DFA};
use regex_automata::nfa::thompson::pikevm::{Cache as PikeCache, PikeVM};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::{Input, MatchKind, PatternSet};
use regex_syntax::hir::Hir;
use std::fmt;
use std::panic::{RefUnwindSafe, UnwindSafe};

/// Makes the search state of one thread.
type MakeCaches = Box<dyn Fn() -> Caches + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// Patterns compiled together. The lazy DFA answers almost every search;
/// the PikeVM answers when the lazy DFA gives up (a Unicode word boundary
/// before a non-ASCII byte, or a cache thrashing on a pathological line).
pub struct Automaton {
    lazy: Option<DFA>,
    pike: PikeVM,
    patterns: usize,
    caches: Pool<Caches, MakeCaches>,
}

/// The mutable state of a search, one per thread at a time.
struct Caches {
    lazy: Option<LazyCache>,
    pike: PikeCache,
    /// The patterns found by the search under way.
    matched: PatternSet,
}

impl fmt::Debug for Automaton {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter
            .debug_struct("Automaton")
            .field("patterns", &self.patterns)
            .finish_non_exhaustive()
    }
}

impl Automaton {
    /// Compiles `patterns` (each anchored at the start) into one automaton
    /// of at most `size_limit` bytes, configured as `regex::RegexSet`
    /// configures its engines: every pattern's matches reported, no capture
    /// groups, matches on character boundaries.
    pub fn new(patterns: &[Hir], size_limit: usize) -> Result<Automaton, String> {
        let nfa = thompson::Compiler::new()
            .configure(
                thompson::Config::new()
                    .utf8(true)
                    .nfa_size_limit(Some(size_limit))
                    .shrink(false)
                    .which_captures(WhichCaptures::None),
            )
            .build_many_from_hir(patterns)
            .map_err(|error| error.to_string())?;
        let pike = PikeVM::builder()
            .configure(PikeVM::config().match_kind(MatchKind::All))
            .build_from_nfa(nfa.clone())
            .map_err(|error| error.to_string())?;
        // The lazy DFA can refuse to build (a cache too small for its
        // states); the PikeVM then answers alone, as in `regex`.
        let lazy = DFA::builder()
            .configure(
                DFA::config()
                    .match_kind(MatchKind::All)
                    .unicode_word_boundary(true)
                    .cache_capacity(size_limit)
                    .skip_cache_capacity_check(false)
                    .minimum_cache_clear_count(Some(3))
                    .minimum_bytes_per_state(Some(10)),
            )
            .build_from_nfa(nfa)
            .ok();
        let (lazy_for_caches, pike_for_caches) = (lazy.clone(), pike.clone());
        let count = patterns.len();
        let make: MakeCaches = Box::new(move || Caches {
            lazy: lazy_for_caches.as_ref().map(LazyCache::new),
            pike: pike_for_caches.create_cache(),
            matched: PatternSet::new(count),
        });
        Ok(Automaton {
            lazy,
            pike,
            patterns: patterns.len(),
            caches: Pool::new(make),
        })
    }

    /// Adds to `found` the indexes (in `patterns` order) of the patterns
    /// that match `text`, smallest first. Most lines match nothing: a first
    /// search only tells whether any pattern matches, which the lazy DFA
    /// answers fastest, and only a line that matches is searched again for
    /// every pattern. Both searches share one borrowing of the thread's
    /// search state and its set of found patterns, which is left empty:
    /// a line that matches nothing then costs no clearing of a flag per
    /// pattern.
    pub fn matching(&self, text: &str, found: &mut Vec<usize>) {
        let mut caches = self.caches.get();
        let Caches {
            lazy,
            pike,
            matched,
        } = &mut *caches;
        if !matched.is_empty() {
            matched.clear();
        }
        let mut done = false;
        if let (Some(dfa), Some(cache)) = (&self.lazy, lazy.as_mut()) {
            let input = Input::new(text).earliest(true);
            match dfa.try_search_fwd(cache, &input) {
                Ok(None) => return,
                Ok(Some(_)) => {
                    done = dfa
                        .try_which_overlapping_matches(cache, &Input::new(text), matched)
                        .is_ok();
                }
                Err(_) => {}
            }
        }
        if !done {
            matched.clear();
            self.pike
                .which_overlapping_matches(pike, &Input::new(text), matched);
        }
        found.extend(matched.iter().map(|pattern| pattern.as_usize()));
        matched.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::util::syntax;

    /// An automaton and a `regex::RegexSet` of the same case-insensitive
    /// patterns.
    fn automaton_and_set(patterns: &[&str]) -> (Automaton, regex::RegexSet) {
        let config = syntax::Config::new().case_insensitive(true);
        let hirs: Vec<Hir> = patterns
            .iter()
            .map(|pattern| syntax::parse_with(pattern, &config).unwrap())
            .collect();
        let automaton = Automaton::new(&hirs, 1 << 24).unwrap();
        let set = regex::RegexSetBuilder::new(patterns)
            .case_insensitive(true)
            .build()
            .unwrap();
        (automaton, set)
    }

    /// The answers of `automaton` and of `set` for `text`.
    fn answers(
        automaton: &Automaton,
        set: &regex::RegexSet,
        text: &str,
    ) -> (Vec<usize>, Vec<usize>) {
        let mut ours = Vec::new();
        automaton.matching(text, &mut ours);
        (ours, set.matches(text).into_iter().collect())
    }

    /// The automaton's answers and `regex::RegexSet`'s for the same
    /// case-insensitive patterns.
    fn both(patterns: &[&str], text: &str) -> (Vec<usize>, Vec<usize>) {
        let (automaton, set) = automaton_and_set(patterns);
        answers(&automaton, &set, text)
    }

    #[test]
    fn answers_as_a_regex_set_does() {
        let patterns = [
            r"^(?:share (this|on)\s*:?)$",
            r"^(?:.+\(opens in (a )?new window\))$",
            r"^(?:read more\s*:)",
            r"^(?:\w+)",
            r"^(?:.*\bministère\b.*)$",
            r"^(?:(?-i:[\p{Lu}][\p{L}]+) (is|was) a reporter.*)$",
        ];
        for text in [
            "Share this:",
            "SHARE ON",
            "Click to share on X (Opens in new window)",
            "Read more: the vote",
            "Le ministère a annoncé",
            "Ruth Kane is a reporter for the Times",
            "ruth Kane is a reporter",
            "",
            "Ünïcode text before a boundary",
        ] {
            let (ours, theirs) = both(&patterns, text);
            assert_eq!(ours, theirs, "{text:?}");
        }
        assert_eq!(both(&patterns, "Share this:").0, [0, 3]);
    }

    #[test]
    fn one_automaton_answers_a_run_of_texts_as_a_regex_set_does() {
        // The found patterns of one text must not leak into the next.
        let patterns = [
            r"^(?:share (this|on)\s*:?)$",
            r"^(?:\w+)",
            r"^(?:.*ministère.*)$",
        ];
        let (automaton, set) = automaton_and_set(&patterns);
        for text in ["Share this:", "", "le ministère", "—", "Share on", "  "] {
            let (ours, theirs) = answers(&automaton, &set, text);
            assert_eq!(ours, theirs, "{text:?}");
        }
    }
}
