//! Many patterns as one automaton that answers "which of them match this
//! line". Every pattern is anchored at the start of the text, so a forward
//! search only ever runs from the first byte: unlike a general
//! multi-pattern regex (`regex::RegexSet`), this builds no automaton for
//! the other direction, which is half the start-up cost of compiling the
//! rules. A pattern that may match anywhere says so with a leading
//! `(?s:.)*?`. Patterns anchored at both ends may instead be read
//! backwards, from the last byte: a pattern that opens with a run of any
//! letters but ends in fixed words is then rejected within a few bytes,
//! where a forward search reads the whole line. The answers are those of
//! `regex::RegexSet` with the same patterns. This module knows nothing of
//! rules, lines or match modes: `rules.rs` anchors and parses the rule
//! patterns and chooses their direction, and `boilerplate.rs` asks with one
//! pattern of its own, whether a line reports speech.

use regex_automata::hybrid::dfa::{Cache as LazyCache, OverlappingState, DFA};
use regex_automata::nfa::thompson::pikevm::{Cache as PikeCache, PikeVM};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::{Anchored, Input, MatchError, MatchKind, PatternSet};
use regex_syntax::hir::Hir;
use std::cell::RefCell;
use std::fmt;
use std::sync::{Arc, Weak};

use super::parts::compile_in_parts;

/// Patterns compiled together. The lazy DFA answers almost every search;
/// the PikeVM answers when the lazy DFA gives up (a Unicode word boundary
/// before a non-ASCII byte, or a cache thrashing on a pathological line).
/// A backward automaton whose patterns ask about no Unicode word boundary
/// has a lazy DFA that never gives up, and no PikeVM: the PikeVM reads
/// forwards, and compiling the patterns forwards as well as backwards
/// only for it cost as much again as the lazy DFA's automaton.
pub struct Automaton {
    lazy: Option<DFA>,
    /// Which way `lazy` reads a text; the PikeVM always reads forwards.
    direction: Direction,
    /// `None` only beside a lazy DFA that never gives up.
    pike: Option<PikeVM>,
    patterns: usize,
    /// Names this automaton among the search states of a thread (see
    /// [`THREAD_CACHES`]); a state whose token has died is thrown away.
    token: Arc<()>,
}

thread_local! {
    /// Each thread's search state for every automaton it has searched
    /// with. A line costs a few hundred instructions outside the DFA's
    /// byte loop, and `regex_automata`'s pool of caches took a sixth of
    /// them (and a mutex for every thread but the first): a thread's own
    /// list, one entry per automaton alive (two in a run), costs a
    /// pointer comparison or two.
    static THREAD_CACHES: RefCell<Vec<ThreadCaches>> = const { RefCell::new(Vec::new()) };
}

/// The search state of one automaton on one thread.
struct ThreadCaches {
    /// Where the owner's token is: cheaper to compare than `owner`.
    owner_address: usize,
    owner: Weak<()>,
    caches: Caches,
}

/// The mutable state of a search, one per thread.
struct Caches {
    lazy: Option<LazyCache>,
    /// Made at the first search the lazy DFA gives up on, which most
    /// runs never meet.
    pike: Option<PikeCache>,
}

/// Room for the states a lazy DFA builds as it searches, on top of what
/// its search state needs whatever it meets: about 2,000 states of the
/// rules' automata, whose states take a kilobyte each (over 128 kinds of
/// bytes, rounded up to 256). A stream of news in one or two languages
/// settles at a few hundred states per automaton and never clears it; a
/// stream that wanders through many scripts clears and rebuilds its
/// states instead of growing each thread's memory without end. (With
/// room for 1,500, the forward rules of 2026.12.29 cleared it 27 times
/// on the benchmark corpus of 20,000 articles in many languages, and
/// rebuilding their states cost more than the half megabyte this adds.)
const LAZY_STATES_BYTES: usize = 1 << 21;

/// The most memory one thread's lazy DFA search state may take for an
/// automaton of `nfa_states` states: its two sets of NFA states (two
/// 4-byte ids per state, in each) and `states_room` for the DFA's states.
fn search_state_capacity(nfa_states: usize, states_room: usize) -> usize {
    2 * 2 * 4 * nfa_states + states_room
}

/// Which way an automaton's lazy DFA reads a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// From the first byte on; for patterns anchored at the start.
    Forward,
    /// From the last byte back; for patterns anchored at both ends.
    Backward,
}

impl fmt::Debug for Automaton {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter
            .debug_struct("Automaton")
            .field("patterns", &self.patterns)
            .field("direction", &self.direction)
            .finish_non_exhaustive()
    }
}

impl Automaton {
    /// Compiles `patterns` (each anchored at the start) into one automaton
    /// of at most `size_limit` bytes, configured as `regex::RegexSet`
    /// configures its engines: every pattern's matches reported, no capture
    /// groups, matches on character boundaries.
    pub fn new(patterns: Vec<Hir>, size_limit: usize) -> Result<Automaton, String> {
        Automaton::reading(patterns, size_limit, Direction::Forward)
    }

    /// Like [`Automaton::new`], for patterns anchored at both ends, whose
    /// lazy DFA reads a text backwards, from its last byte.
    pub fn backward(patterns: Vec<Hir>, size_limit: usize) -> Result<Automaton, String> {
        Automaton::reading(patterns, size_limit, Direction::Backward)
    }

    /// The patterns' trees are taken, so that a forward NFA can be built in
    /// parts, each part's trees freed as soon as it is built (`parts.rs`).
    fn reading(
        patterns: Vec<Hir>,
        size_limit: usize,
        direction: Direction,
    ) -> Result<Automaton, String> {
        Automaton::reading_with_room(patterns, size_limit, direction, LAZY_STATES_BYTES)
    }

    /// [`Automaton::reading`], with `states_room` bytes for the lazy DFA's
    /// states in each thread's search state.
    fn reading_with_room(
        patterns: Vec<Hir>,
        size_limit: usize,
        direction: Direction,
        states_room: usize,
    ) -> Result<Automaton, String> {
        let config = |reverse: bool| {
            thompson::Config::new()
                .utf8(true)
                .reverse(reverse)
                .nfa_size_limit(Some(size_limit))
                // Shrinking, which only a reverse automaton takes, costs
                // more to compile than it saves in searching (90 ms for
                // one class of other scripts; `rules.rs` keeps such
                // classes forward).
                .shrink(false)
                .which_captures(WhichCaptures::None)
        };
        let nfa = |patterns: &[Hir], reverse: bool| {
            thompson::Compiler::new()
                .configure(config(reverse))
                .build_many_from_hir(patterns)
                .map_err(|error| error.to_string())
        };
        // Without Unicode word boundaries, a lazy DFA gives up only when
        // its cache keeps filling up; a backward one is let clear its
        // cache as often as it must instead, and then always answers.
        let may_give_up = direction == Direction::Forward
            || patterns
                .iter()
                .any(|pattern| pattern.properties().look_set().contains_word_unicode());
        let patterns_len = patterns.len();
        // A backward automaton keeps its trees for a forward NFA, which
        // its PikeVM needs only if the lazy DFA may give up or is not
        // built; a forward automaton's NFA serves both.
        let (forward, lazy_nfa, kept) = match direction {
            Direction::Forward => {
                let forward = compile_in_parts(patterns, config(false))?;
                (Some(forward.clone()), forward, Vec::new())
            }
            Direction::Backward => (None, nfa(&patterns, true)?, patterns),
        };
        // The lazy DFA can refuse to build (a cache too small for its
        // states); the PikeVM then answers alone, as in `regex`.
        let cache_capacity = search_state_capacity(lazy_nfa.states().len(), states_room);
        let lazy = DFA::builder()
            .configure(
                DFA::config()
                    .match_kind(MatchKind::All)
                    .unicode_word_boundary(true)
                    .cache_capacity(cache_capacity)
                    .skip_cache_capacity_check(false)
                    .minimum_cache_clear_count(may_give_up.then_some(3))
                    .minimum_bytes_per_state(Some(10)),
            )
            .build_from_nfa(lazy_nfa)
            .ok();
        // The PikeVM reads forwards whichever way the lazy DFA reads.
        let pike = if lazy.is_none() || may_give_up {
            let forward = match forward {
                Some(forward) => forward,
                None => nfa(&kept, false)?,
            };
            let pike = PikeVM::builder()
                .configure(PikeVM::config().match_kind(MatchKind::All))
                .build_from_nfa(forward)
                .map_err(|error| error.to_string())?;
            Some(pike)
        } else {
            None
        };
        Ok(Automaton {
            lazy,
            direction,
            pike,
            patterns: patterns_len,
            token: Arc::new(()),
        })
    }

    /// The address of this automaton's token: no other automaton's token
    /// can have it while a thread's list keeps the token's allocation
    /// (a weak reference keeps it).
    fn token_address(&self) -> usize {
        Arc::as_ptr(&self.token) as usize
    }

    /// A fresh search state for this automaton.
    fn new_caches(&self) -> Caches {
        Caches {
            lazy: self.lazy.as_ref().map(LazyCache::new),
            pike: None,
        }
    }

    /// Adds to `found` the indexes (in `patterns` order) of the patterns
    /// that match `text`, smallest first. Most lines match nothing: a first
    /// search only tells whether any pattern matches, which the lazy DFA
    /// answers fastest, and only a line that matches is searched again for
    /// every pattern. Both searches share one borrowing of the thread's
    /// search state.
    pub fn matching(&self, text: &str, found: &mut Vec<usize>) {
        // A thread being torn down has no list left: it searches with a
        // state of its own.
        let searched = THREAD_CACHES.try_with(|list| {
            let mut list = list.borrow_mut();
            let position = match list
                .iter()
                .position(|entry| entry.owner_address == self.token_address())
            {
                Some(position) => position,
                None => self.add_caches(&mut list),
            };
            self.matching_with(&mut list[position].caches, text, found);
        });
        if searched.is_err() {
            self.matching_alone(text, found);
        }
    }

    /// Adds this automaton's search state to a thread's list, at its
    /// first search on the thread, and returns its position. The states
    /// of automata dropped since go.
    #[cold]
    #[inline(never)]
    fn add_caches(&self, list: &mut Vec<ThreadCaches>) -> usize {
        list.retain(|entry| entry.owner.strong_count() > 0);
        list.push(ThreadCaches {
            owner_address: self.token_address(),
            owner: Arc::downgrade(&self.token),
            caches: self.new_caches(),
        });
        list.len() - 1
    }

    /// [`Automaton::matching`] on a thread whose list is gone.
    #[cold]
    #[inline(never)]
    fn matching_alone(&self, text: &str, found: &mut Vec<usize>) {
        self.matching_with(&mut self.new_caches(), text, found);
    }

    /// [`Automaton::matching`] with the search state `caches`; inlined
    /// into it, which spares a call and its frame per line.
    #[inline(always)]
    fn matching_with(&self, caches: &mut Caches, text: &str, found: &mut Vec<usize>) {
        let start = found.len();
        if let (Some(dfa), Some(cache)) = (&self.lazy, caches.lazy.as_mut()) {
            if lazy_matching(dfa, cache, text, self.direction, start, found) {
                return;
            }
            found.truncate(start);
        }
        // A lazy DFA without a PikeVM never gives up: nothing is left
        // unanswered here.
        let Some(vm) = &self.pike else {
            return;
        };
        let pike = caches.pike.get_or_insert_with(|| vm.create_cache());
        let mut matched = PatternSet::new(self.patterns);
        vm.which_overlapping_matches(pike, &Input::new(text), &mut matched);
        found.extend(matched.iter().map(|pattern| pattern.as_usize()));
    }
}

/// Adds to `found` the patterns of `dfa`, which reads in `direction`, that
/// match `text`, smallest first, and tells whether the lazy DFA could
/// answer (when not, `found` may hold some patterns past `start`).
#[inline(always)]
fn lazy_matching(
    dfa: &DFA,
    cache: &mut LazyCache,
    text: &str,
    direction: Direction,
    start: usize,
    found: &mut Vec<usize>,
) -> bool {
    let input = match direction {
        Direction::Forward => Input::new(text),
        // Anchored at the end, where the search starts: a search that may
        // begin anywhere would read the whole line.
        Direction::Backward => Input::new(text).anchored(Anchored::Yes),
    };
    let any = match direction {
        Direction::Forward => dfa.try_search_fwd(cache, &input.clone().earliest(true)),
        Direction::Backward => dfa.try_search_rev(cache, &input.clone().earliest(true)),
    };
    match any {
        Ok(None) => true,
        Ok(Some(_)) => {
            if push_overlapping(dfa, cache, &input, direction, start, found).is_ok() {
                found[start..].sort_unstable();
                return true;
            }
            false
        }
        Err(_) => false,
    }
}

/// Adds to `found` every pattern that matches the text of `input`, once
/// each, in the order the search meets them; `found[start..]` holds those
/// added so far. A line matches a few patterns at most: looking through
/// them costs less than a set with a flag per pattern, which would have to
/// be walked and cleared whole.
fn push_overlapping(
    dfa: &DFA,
    cache: &mut LazyCache,
    input: &Input<'_>,
    direction: Direction,
    start: usize,
    found: &mut Vec<usize>,
) -> Result<(), MatchError> {
    let mut state = OverlappingState::start();
    loop {
        match direction {
            Direction::Forward => dfa.try_search_overlapping_fwd(cache, input, &mut state)?,
            Direction::Backward => dfa.try_search_overlapping_rev(cache, input, &mut state)?,
        }
        let Some(half) = state.get_match() else {
            return Ok(());
        };
        let pattern = half.pattern().as_usize();
        if !found[start..].contains(&pattern) {
            found.push(pattern);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::util::syntax;

    /// An automaton and a `regex::RegexSet` of the same case-insensitive
    /// patterns.
    fn automaton_and_set(patterns: &[&str]) -> (Automaton, regex::RegexSet) {
        automaton_reading_and_set(patterns, Direction::Forward)
    }

    /// Like [`automaton_and_set`], the automaton reading in `direction`.
    fn automaton_reading_and_set(
        patterns: &[&str],
        direction: Direction,
    ) -> (Automaton, regex::RegexSet) {
        let config = syntax::Config::new().case_insensitive(true);
        let hirs: Vec<Hir> = patterns
            .iter()
            .map(|pattern| syntax::parse_with(pattern, &config).unwrap())
            .collect();
        let automaton = Automaton::reading(hirs, 1 << 24, direction).unwrap();
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
    fn read_backwards_it_answers_as_a_regex_set_does() {
        // Whole-line patterns: some open with any letters and end in fixed
        // words, which a backward search rejects at once; one has a class
        // of other scripts next to its final run.
        let patterns = [
            r"^(?:.+ (says|said|dijo)\s*:)$",
            r"^(?:.+\(opens in (a )?new window\))$",
            r"^(?:[^»>.!?]+( (»|>) [^»>.!?]+){2,8})$",
            r"^(?:(.*[^\p{L}])?(photo|фото)\s*:\s*(?-i:[\p{Lu}\p{Lo}])[^.!?:;]*)$",
            r"^(?:share)$",
        ];
        let (backward, set) = automaton_reading_and_set(&patterns, Direction::Backward);
        assert_eq!(backward.direction, Direction::Backward);
        // No Unicode word boundary: the lazy DFA answers alone.
        assert!(backward.pike.is_none());
        for text in [
            "Maria says:",
            "MARIA SAID :",
            "Maria said the plan would go ahead.",
            "Share on X (Opens in new window)",
            "Home > News > World",
            "Home » News",
            "The market closed. Photo: Jane Smith",
            "Фото: Иван Петров",
            "Photo: 王小明",
            "photo: jane smith",
            "Share",
            "",
            "ſays:",
        ] {
            let (ours, theirs) = answers(&backward, &set, text);
            assert_eq!(ours, theirs, "{text:?}");
        }
        assert_eq!(answers(&backward, &set, "Home > News > World").0, [2]);
    }

    #[test]
    fn read_backwards_with_word_boundaries_it_keeps_its_pike_vm() {
        // The lazy DFA gives up at a Unicode word boundary next to a
        // non-ASCII byte: the PikeVM answers then.
        let patterns = [r"^(?:.*\bministère)$", r"^(?:.+ says)$"];
        let (backward, set) = automaton_reading_and_set(&patterns, Direction::Backward);
        assert!(backward.pike.is_some());
        for text in [
            "le ministère",
            "leministère",
            "Maria says",
            "ministère says",
        ] {
            let (ours, theirs) = answers(&backward, &set, text);
            assert_eq!(ours, theirs, "{text:?}");
        }
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

    #[test]
    fn a_pattern_matching_at_several_ends_is_reported_once() {
        // The overlapping search meets `\w+` and `a|ab|abc` at several
        // ends of the same text.
        let patterns = [
            r"^(?:a|ab|abc)",
            r"^(?:\w+)",
            r"^(?:.*ministère)",
            r"^(?:abc ministère)$",
            r"^(?:zzz)",
        ];
        let (automaton, set) = automaton_and_set(&patterns);
        for text in [
            "abc ministère ministère",
            "abc ministère",
            "ab",
            "ministère ministère",
            "zzz abc",
            "",
        ] {
            let (ours, theirs) = answers(&automaton, &set, text);
            assert_eq!(ours, theirs, "{text:?}");
        }
        let mut found = vec![7];
        automaton.matching("abc ministère ministère", &mut found);
        assert_eq!(found, [7, 0, 1, 2]);
    }

    #[test]
    fn several_automata_on_one_thread_keep_their_own_search_states() {
        // Each automaton finds its own state in the thread's list, and one
        // dropped leaves the others answering as before.
        let first = automaton_and_set(&[r"^(?:share)$", r"^(?:\w+)"]);
        let second = automaton_and_set(&[r"^(?:read more)", r"^(?:read)"]);
        for round in 0..3 {
            let third = automaton_and_set(&[r"^(?:.*e.*)$"]);
            for text in ["share", "read more", "Read", "nothing here", ""] {
                for (automaton, set) in [&first, &second, &third] {
                    let (ours, theirs) = answers(automaton, set, text);
                    assert_eq!(ours, theirs, "{round} {text:?}");
                }
            }
        }
        let worker = std::thread::spawn(move || {
            let (ours, theirs) = answers(&first.0, &first.1, "share");
            (ours, theirs)
        });
        let (ours, theirs) = worker.join().unwrap();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn a_thread_search_state_stays_within_its_capacity_and_answers_right() {
        // Words looked for anywhere in a line: text of many different
        // letters makes state after state, far more than the room given.
        let words = [
            "alpha",
            "bravo",
            "charlie",
            "delta",
            "écho",
            "фокстрот",
            "γκολφ",
        ];
        let patterns: Vec<String> = words
            .iter()
            .map(|word| format!(r"^(?:.*{word}.*)$"))
            .collect();
        let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
        let config = syntax::Config::new().case_insensitive(true);
        let hirs: Vec<Hir> = patterns
            .iter()
            .map(|pattern| syntax::parse_with(pattern, &config).unwrap())
            .collect();
        let room = 16 << 10;
        let automaton =
            Automaton::reading_with_room(hirs, 1 << 24, Direction::Forward, room).unwrap();
        let set = regex::RegexSetBuilder::new(&patterns)
            .case_insensitive(true)
            .build()
            .unwrap();
        let letters: Vec<char> = "abcdefghlortvéчфокстрγκολφ ".chars().collect();
        let mut seed = 7u64;
        for round in 0..400 {
            let mut line: String = (0..60)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    letters[(seed >> 33) as usize % letters.len()]
                })
                .collect();
            line.push_str(words[round % words.len()]);
            let (ours, theirs) = answers(&automaton, &set, &line);
            assert_eq!(ours, theirs, "{line:?}");
        }
        THREAD_CACHES.with_borrow(|list| {
            let entry = list
                .iter()
                .find(|entry| entry.owner_address == automaton.token_address())
                .unwrap();
            let cache = entry.caches.lazy.as_ref().unwrap();
            let states = automaton.lazy.as_ref().unwrap().get_nfa().states().len();
            assert!(cache.clear_count() > 0, "the room was never filled");
            assert!(cache.memory_usage() <= search_state_capacity(states, room));
        });
    }
}
