//! Boilerplate rules as data: parsing the tab-separated rules file (the
//! built-in one is embedded in the binary, a user's one comes from
//! `--rules FILE`), compiling the patterns into a few multi-pattern
//! automata, and answering "which rules match this line". A line is tested
//! against many rules in one pass, never one regex per rule. This module
//! does not decide what to drop: positions, neighbours and the shape of the
//! text are weighed in `boilerplate.rs` and `comments.rs`.
//!
//! # The rules file
//!
//! One rule per line, five fields separated by tabs; `#` starts a comment
//! line and blank lines are ignored:
//!
//! ```text
//! # id                  category    languages  where          pattern
//! share.en.share-this   share       en         block          share (this|on)\s*:?
//! ```
//!
//! - **id**: unique, stable name; a user rule with the id of a built-in rule
//!   replaces it.
//! - **category**: the kind of boilerplate (`share`, `cookie-consent` …);
//!   drops are reported as `boilerplate.<category>`.
//! - **languages**: comma-separated language codes, or `*`.
//! - **where**: comma-separated words. The match mode is `block` (the
//!   pattern must cover a whole line of the block) or `start` (it must match
//!   at the start of the block's first line). Position words restrict where
//!   the rule may drop: `top` (page furniture before the article body),
//!   `bottom` (after it) and `near` (next to a block already dropped for the
//!   same category, or in a block whose every line is of that category);
//!   with none of them the rule applies anywhere. Role words: `header`
//!   (the rule marks a header whose list of headlines follows; restricted
//!   to places, it still goes anywhere over such a list), `marker` (the rule marks the start of a comment section)
//!   and `hint` (a comment-section line that confirms a section only with
//!   another sign: `Name said:` and a time also head quotes and datelines).
//! - **pattern**: a `regex` crate pattern, matched case-insensitively
//!   against the line with its spaces folded.

use super::automaton::Automaton;
use super::factor::factor;
use super::prefilter::{holds_large_classes, may_run_long_from, required_words, End};
use crate::repair::utf8::has_byte;
use aho_corasick::{packed, AhoCorasick};
use memchr::memmem;
use rayon::prelude::*;
use regex::{Regex, RegexBuilder};
use regex_automata::util::syntax;
use regex_syntax::hir::Hir;
use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};

/// The built-in rules file, embedded in the binary.
const BUILTIN_RULES: &str = include_str!("builtin-rules.tsv");

/// The largest compiled size one pattern may have; bigger patterns are
/// refused with a message instead of slowing every document down.
const PATTERN_SIZE_LIMIT: usize = 2 << 20;

/// The largest compiled size of a whole set of rules.
const SET_SIZE_LIMIT: usize = 256 << 20;

/// Lines longer than this (in bytes) are never tested against `block`
/// rules: no boilerplate line is that long, and skipping them keeps long
/// paragraphs cheap.
pub const MAX_BLOCK_RULE_LINE_BYTES: usize = 640;

/// How much of a block's first line `start` rules see.
pub const START_RULE_PREFIX_BYTES: usize = 160;

/// How a rule's pattern must sit on the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchMode {
    /// The pattern covers a whole line.
    Block,
    /// The pattern matches at the start of the block.
    Start,
}

/// Where in the document a rule may drop a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Positions {
    pub top: bool,
    pub bottom: bool,
    pub near: bool,
}

impl Positions {
    /// Whether the rule applies anywhere in the document.
    pub fn anywhere(&self) -> bool {
        !(self.top || self.bottom || self.near)
    }
}

/// One boilerplate rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub category: String,
    pub languages: Vec<String>,
    pub mode: MatchMode,
    pub positions: Positions,
    /// The rule marks a header ("Related posts") whose headline list follows.
    pub header: bool,
    /// The rule marks the start of a comment section.
    pub marker: bool,
    /// The rule's line is a sign of a comment section only when another
    /// sign backs it up.
    pub hint: bool,
    pub pattern: String,
}

impl Rule {
    /// The `where` field as written in a rules file.
    fn where_field(&self) -> String {
        let mut words = vec![match self.mode {
            MatchMode::Block => "block",
            MatchMode::Start => "start",
        }];
        for (set, word) in [
            (self.positions.top, "top"),
            (self.positions.bottom, "bottom"),
            (self.positions.near, "near"),
            (self.header, "header"),
            (self.marker, "marker"),
            (self.hint, "hint"),
        ] {
            if set {
                words.push(word);
            }
        }
        words.join(",")
    }
}

/// A set of boilerplate rules, compiled on first use: a run that lists
/// the rules, or that replaces the built-in set with an extended one,
/// never pays for compiling the built-in set.
#[derive(Debug, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
    compiled: OnceLock<Compiled>,
}

/// The rules' patterns as a few multi-pattern automata.
#[derive(Debug, Default)]
struct Compiled {
    /// The `block` rules, in groups searched each its own way (see
    /// [`BlockGroup`]). Groups for lines of every length: a rule whose
    /// matches are short stops costing anything a few bytes into a long
    /// line, and a group per length would cost more passes over every
    /// short line.
    block_groups: Vec<BlockGroup>,
    /// Indexes into `rules` of the `start` rules, in `start_set` order.
    start_rules: Vec<usize>,
    start_set: Option<Automaton>,
}

/// `block` rules searched together. Most rules are read forwards, which
/// rejects a line of prose within its first bytes. A rule that may open
/// with a run of any letters (`.*`, `[^.!?]+`) would make that search
/// read every byte of every line: it is read backwards when its end
/// rejects a line of prose as soon (it ends in fixed words, or in a run
/// that stops at a full stop), and otherwise searched only on lines
/// holding one of the words every match of it contains (see
/// `prefilter.rs`).
#[derive(Debug)]
struct BlockGroup {
    /// Indexes into `rules`, ascending, in `set` order.
    members: Vec<usize>,
    set: Automaton,
    /// Words of which a line must hold one for any member to match it,
    /// when known.
    words: Option<Words>,
}

/// Words looked for in a line with its ASCII letters in lower case, at
/// most [`Words::PER_SEARCHER`] at a time: so few are found by comparing
/// many bytes at once (Teddy), at a small part of the cost of reading the
/// line with a DFA. (An Aho-Corasick automaton, a byte at a time, costs
/// more than the DFA; it stands in only where Teddy cannot run.) Words
/// opening with a character from U+0180 on (see [`opens_other_script`])
/// are looked for apart, and only in lines that hold such a character,
/// which most lines do not.
#[derive(Debug)]
struct Words {
    searchers: Vec<WordSearcher>,
    other_script: Vec<WordSearcher>,
}

thread_local! {
    /// The line [`Words::found_in`] looks at, ASCII case folded; one per
    /// thread, reused line after line.
    static FOLDED_LINE: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Teddy where the machine has it; elsewhere an Aho-Corasick automaton.
/// A lone word (the built-in rules have one short word, `fot`) is found
/// by `memchr`'s substring search, which costs less than Teddy on it.
#[derive(Debug)]
enum WordSearcher {
    One(memmem::Finder<'static>),
    Packed(packed::Searcher),
    Automaton(AhoCorasick),
}

impl WordSearcher {
    fn new(words: &[Vec<u8>]) -> Result<WordSearcher, String> {
        if let [word] = words {
            return Ok(WordSearcher::One(memmem::Finder::new(word).into_owned()));
        }
        if let Some(searcher) = packed::Config::new().builder().extend(words).build() {
            return Ok(WordSearcher::Packed(searcher));
        }
        AhoCorasick::new(words)
            .map(WordSearcher::Automaton)
            .map_err(|error| format!("the rules' words are too many to search for: {error}"))
    }

    fn found_in(&self, text: &[u8]) -> bool {
        match self {
            WordSearcher::One(finder) => finder.find(text).is_some(),
            WordSearcher::Packed(searcher) => searcher.find(text).is_some(),
            WordSearcher::Automaton(searcher) => searcher.is_match(text),
        }
    }
}

/// Whether `byte` opens a character of a script other than Latin and the
/// punctuation of General Punctuation: a lead byte from U+0180 on (C6 to
/// DF: Greek, Cyrillic, Hebrew, Arabic…; E0 to F4: Indic, Thai, CJK…),
/// but not E2 (General Punctuation and its neighbours: `’`, `—`, `€`).
fn opens_other_script(byte: u8) -> bool {
    (byte >= 0xC6) & (byte != 0xE2)
}

impl Words {
    /// The most words Teddy looks for at once.
    const PER_SEARCHER: usize = 64;

    /// The most leading bytes of a word Teddy looks at.
    const FINGERPRINT: usize = 4;

    /// Searchers for `words`, in ASCII lower case; none for no words.
    fn new(mut words: Vec<Vec<u8>>) -> Result<Option<Words>, String> {
        if words.is_empty() {
            return Ok(None);
        }
        words.sort_unstable();
        words.dedup();
        // A line with a word holds every word inside it too: the longer
        // word adds nothing.
        let inner = words.clone();
        words.retain(|word| {
            !inner.iter().any(|other| {
                other.len() < word.len() && word.windows(other.len()).any(|piece| piece == other)
            })
        });
        let (other_script, latin): (Vec<Vec<u8>>, Vec<Vec<u8>>) = words
            .into_iter()
            .partition(|word| word.first().copied().is_some_and(opens_other_script));
        // Teddy finds candidates by up to four leading bytes of every word:
        // one short word would make it look at fewer for all of them, and
        // far more lines would need checking. Short words are looked for
        // apart.
        let searchers = |words: Vec<Vec<u8>>| {
            let (short, long): (Vec<Vec<u8>>, Vec<Vec<u8>>) = words
                .into_iter()
                .partition(|word| word.len() < Words::FINGERPRINT);
            [short, long]
                .iter()
                .flat_map(|words| words.chunks(Words::PER_SEARCHER))
                .map(WordSearcher::new)
                .collect::<Result<Vec<_>, _>>()
        };
        Ok(Some(Words {
            searchers: searchers(latin)?,
            other_script: searchers(other_script)?,
        }))
    }

    /// Whether `line` holds one of the words, ASCII case folded. A line
    /// longer than block rules look at is taken to.
    fn found_in(&self, line: &str) -> bool {
        if line.len() > MAX_BLOCK_RULE_LINE_BYTES {
            return true;
        }
        FOLDED_LINE.with_borrow_mut(|folded| {
            // Only the line's length is written: a fresh buffer of the
            // longest line, every line, cost more than the folding.
            folded.clear();
            folded.resize(line.len(), 0);
            let mut other_script = false;
            for (folded, &byte) in folded.iter_mut().zip(line.as_bytes()) {
                *folded = byte.to_ascii_lowercase();
                other_script |= opens_other_script(byte);
            }
            let folded = &folded[..];
            self.searchers
                .iter()
                .any(|searcher| searcher.found_in(folded))
                || (other_script
                    && self
                        .other_script
                        .iter()
                        .any(|searcher| searcher.found_in(folded)))
        })
    }
}

/// How a `block` rule is searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Search {
    Forward,
    Backward,
    WhenWordsFound,
}

/// A rules file that could not be used, with the line at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct RulesError {
    pub line: usize,
    pub message: String,
}

impl RuleSet {
    /// The built-in rules, parsed once and compiled on first use.
    pub fn builtin() -> Arc<RuleSet> {
        static BUILTIN: OnceLock<Arc<RuleSet>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                // The embedded file is checked by a unit test, so a parse or
                // compile failure here can only come from a broken build;
                // an empty set then keeps the cleaner safe (it drops
                // nothing).
                Arc::new(RuleSet::parse_checked(BUILTIN_RULES, false).unwrap_or_default())
            })
            .clone()
    }

    /// Parses a rules file in the built-in rules' format.
    pub fn parse(text: &str) -> Result<RuleSet, RulesError> {
        RuleSet::parse_checked(text, true)
    }

    /// Parses a rules file; with `check_each`, every pattern is first
    /// compiled on its own so that a bad one is refused with its line.
    /// The built-in file skips that (a unit test does it instead): start-up
    /// time counts when the cleaner runs once per file.
    fn parse_checked(text: &str, check_each: bool) -> Result<RuleSet, RulesError> {
        let mut rules: Vec<Rule> = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let line_number = index + 1;
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let rule = parse_rule(line).map_err(|message| RulesError {
                line: line_number,
                message,
            })?;
            if rules.iter().any(|existing| existing.id == rule.id) {
                return Err(RulesError {
                    line: line_number,
                    message: format!("rule id {:?} is defined twice", rule.id),
                });
            }
            if check_each {
                compile_one(&rule).map_err(|message| RulesError {
                    line: line_number,
                    message,
                })?;
            }
            rules.push(rule);
        }
        if !check_each {
            return Ok(RuleSet::uncompiled(rules));
        }
        RuleSet::compile(rules).map_err(|message| RulesError { line: 0, message })
    }

    /// A set whose patterns are compiled on first use. Should they not
    /// compile then, the set matches nothing: the cleaner stays safe.
    fn uncompiled(rules: Vec<Rule>) -> RuleSet {
        RuleSet {
            rules,
            compiled: OnceLock::new(),
        }
    }

    /// The rules compiled now, so that a set too large is refused here.
    fn compile(rules: Vec<Rule>) -> Result<RuleSet, String> {
        let compiled = Compiled::new(&rules, Threads::This)?;
        Ok(RuleSet {
            rules,
            compiled: OnceLock::from(compiled),
        })
    }

    fn compiled(&self) -> &Compiled {
        self.compiled
            .get_or_init(|| Compiled::new(&self.rules, Threads::This).unwrap_or_default())
    }

    /// `self` with `user`'s rules added; a user rule with the id of an
    /// existing one replaces it.
    pub fn extended_with(&self, user: RuleSet) -> RuleSet {
        let mut rules = self.rules.clone();
        for rule in user.rules {
            match rules.iter_mut().find(|existing| existing.id == rule.id) {
                Some(existing) => *existing = rule,
                None => rules.push(rule),
            }
        }
        // Every rule here already compiled on its own, and the set limit is
        // far above what the built-in rules need; should a huge user file
        // still overflow it, keep the rules we had rather than none.
        RuleSet::compile(rules)
            .unwrap_or_else(|_| RuleSet::compile(self.rules.clone()).unwrap_or_default())
    }

    /// The rules written back in the rules-file format (`--list-rules`).
    pub fn to_rules_file(&self) -> String {
        let mut out = String::from("# id\tcategory\tlanguages\twhere\tpattern\n");
        for rule in &self.rules {
            let languages = if rule.languages.is_empty() {
                "*".to_string()
            } else {
                rule.languages.join(",")
            };
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}",
                rule.id,
                rule.category,
                languages,
                rule.where_field(),
                rule.pattern
            );
        }
        out
    }

    /// Every rule, in file order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Compiles the rules now if no match has compiled them yet, on the
    /// threads of the current pool side by side. Call it before any
    /// document is cleaned, while no thread can be waiting for the rules,
    /// as the command-line tool does at start-up: compiled at the first
    /// match instead, on the matching thread alone, the other threads wait
    /// for it. Matching compiles them anyway.
    pub fn prepare(&self) {
        self.compiled
            .get_or_init(|| Compiled::new(&self.rules, Threads::Pool).unwrap_or_default());
    }

    /// The rules whose `block` pattern covers the whole `line` (already
    /// folded with [`fold_line`]), in file order.
    pub fn block_matches(&self, line: &str) -> Vec<&Rule> {
        self.block_match_indexes(line)
            .into_iter()
            .map(|index| &self.rules[index])
            .collect()
    }

    /// Like [`RuleSet::block_matches`], as indexes for [`RuleSet::rule`].
    pub fn block_match_indexes(&self, line: &str) -> Vec<usize> {
        let mut indexes = Vec::new();
        self.push_block_match_indexes(line, &mut indexes);
        indexes
    }

    /// Adds [`RuleSet::block_match_indexes`] to `found`, so that the rules
    /// of many lines can share one vector.
    pub fn push_block_match_indexes(&self, line: &str, found: &mut Vec<usize>) {
        if line.len() > MAX_BLOCK_RULE_LINE_BYTES {
            return;
        }
        let start = found.len();
        let mut groups_found = 0;
        for group in &self.compiled().block_groups {
            if let Some(words) = &group.words {
                if !words.found_in(line) {
                    continue;
                }
            }
            let before = found.len();
            push_matching(&group.set, &group.members, line, found);
            groups_found += usize::from(found.len() > before);
        }
        // Each group's rules come in file order; those of several groups
        // are put back into it.
        if groups_found > 1 {
            found[start..].sort_unstable();
        }
    }

    /// The rule at `index` (from [`RuleSet::block_match_indexes`]).
    pub fn rule(&self, index: usize) -> &Rule {
        &self.rules[index]
    }

    /// The rules whose `start` pattern matches at the start of `line`
    /// (already folded), in file order. Only the line's first bytes are
    /// looked at.
    pub fn start_matches(&self, line: &str) -> Vec<&Rule> {
        self.start_match_indexes(line)
            .into_iter()
            .map(|index| &self.rules[index])
            .collect()
    }

    /// Like [`RuleSet::start_matches`], as indexes for [`RuleSet::rule`].
    pub fn start_match_indexes(&self, line: &str) -> Vec<usize> {
        let compiled = self.compiled();
        let Some(set) = &compiled.start_set else {
            return Vec::new();
        };
        let prefix = prefix_on_char_boundary(line, START_RULE_PREFIX_BYTES);
        let mut indexes = Vec::new();
        push_matching(set, &compiled.start_rules, prefix, &mut indexes);
        indexes
    }
}

/// Where the rules are compiled.
#[derive(Clone, Copy)]
enum Threads {
    /// On the asking thread alone. The rules are compiled inside a
    /// once-only cell, at the first line asked about, and the pool's
    /// threads may all be waiting on that cell for lines of their own:
    /// work handed to the pool then would wait for them, and they for it,
    /// and a pool thread waiting for its share could pick up another
    /// document's job, which asks for the very cell it is filling.
    This,
    /// The automata built on the threads of the current pool side by
    /// side, when nothing can be waiting for the rules yet
    /// ([`RuleSet::prepare`]). The patterns are still parsed on the asking
    /// thread: parsed side by side, their trees were spread over two
    /// allocator arenas, each building thread could reuse only its own
    /// arena's freed memory, and half the runs at `-j2` peaked higher (up
    /// to 32.3 MiB against at most 30.8), for 22 ms saved at start-up.
    Pool,
}

/// The `block` rules of one way of searching, gathered before compiling.
#[derive(Default)]
struct Gathered {
    members: Vec<usize>,
    patterns: Vec<Hir>,
    words: Vec<Vec<u8>>,
}

impl Compiled {
    /// Each pattern is parsed once, into the set of its match mode and,
    /// for `block` rules, of its way of searching; a bad pattern is
    /// reported in file order.
    fn new(rules: &[Rule], threads: Threads) -> Result<Compiled, String> {
        let parsed: Vec<Result<Parsed, String>> = rules.iter().map(Parsed::new).collect();
        let mut compiled = Compiled::default();
        let mut start_patterns = Vec::new();
        let (mut forward, mut backward, mut guarded) = (
            Gathered::default(),
            Gathered::default(),
            Gathered::default(),
        );
        for (index, parsed) in parsed.into_iter().enumerate() {
            let Parsed { hir, search } = parsed?;
            match search {
                Some((search, words)) => {
                    let group = match search {
                        Search::Forward => &mut forward,
                        Search::Backward => &mut backward,
                        Search::WhenWordsFound => &mut guarded,
                    };
                    group.members.push(index);
                    group.patterns.push(hir);
                    group.words.extend(words);
                }
                None => {
                    compiled.start_rules.push(index);
                    start_patterns.push(hir);
                }
            }
        }
        // The largest set, the forward one, comes last: built in turn (on
        // one thread), the other sets' syntax trees (a few hundred bytes
        // for every letter) are gone before its builder grows, and the
        // peak is that of its own build alone. Each set's trees are
        // dropped as soon as it is built.
        let jobs = [
            (std::mem::take(&mut backward.patterns), Search::Backward),
            (
                std::mem::take(&mut guarded.patterns),
                Search::WhenWordsFound,
            ),
            (start_patterns, Search::Forward),
            (std::mem::take(&mut forward.patterns), Search::Forward),
        ];
        let build = |(patterns, search): (Vec<Hir>, Search)| build_set(patterns, search);
        let sets: Vec<Result<Option<Automaton>, String>> = match threads {
            Threads::This => jobs.into_iter().map(build).collect(),
            // The three smaller sets side by side, then the forward one
            // alone: built beside another, its builder's peak came on top
            // of the other's, 2 to 3 MiB above that of one thread.
            Threads::Pool => {
                let [backward, guarded, start, forward] = jobs;
                let mut sets: Vec<_> = [backward, guarded, start]
                    .into_par_iter()
                    .map(build)
                    .collect();
                sets.push(build(forward));
                sets
            }
        };
        let [backward_set, guarded_set, start_set, forward_set]: [Result<Option<Automaton>, String>;
            4] = sets
            .try_into()
            .map_err(|_| "a rule set was not built".to_string())?;
        compiled.start_set = start_set?;
        let words = [None, None, Words::new(guarded.words)?];
        let groups = [forward.members, backward.members, guarded.members];
        let sets = [forward_set, backward_set, guarded_set];
        for ((members, set), words) in groups.into_iter().zip(sets).zip(words) {
            if let Some(set) = set? {
                compiled.block_groups.push(BlockGroup {
                    members,
                    set,
                    words,
                });
            }
        }
        Ok(compiled)
    }
}

/// A rule's pattern read for compiling.
struct Parsed {
    /// The anchored pattern, its alternations factored (see `factor.rs`).
    hir: Hir,
    /// For a `block` rule, how it is searched and the words that guard
    /// it; `None` for a `start` rule.
    search: Option<(Search, Vec<Vec<u8>>)>,
}

impl Parsed {
    /// The way of searching is read from the pattern as written, and the
    /// tree is factored at once: the written tree is freed before the
    /// next rule is parsed, which reuses its memory, so no freed holes
    /// are left among the trees for the automata's many small blocks to
    /// fill (holes that, filled so, stay resident after compiling).
    fn new(rule: &Rule) -> Result<Parsed, String> {
        let hir = parse_pattern(rule)?;
        let search = match rule.mode {
            MatchMode::Block => Some(block_search(&hir)),
            MatchMode::Start => None,
        };
        Ok(Parsed {
            hir: factor(hir),
            search,
        })
    }
}

/// How the `block` rule of pattern `hir` is searched, with the words it
/// needs when it is searched only on lines holding one. A pattern that may
/// run long from its start is read backwards unless it may run long from
/// its end too, asks about word boundaries (which a lazy DFA can only see
/// reading forwards over ASCII), or holds classes that make a backward
/// automaton dear to build; then it is searched when its words are found,
/// or, lacking words, read forwards over whole lines.
fn block_search(hir: &Hir) -> (Search, Vec<Vec<u8>>) {
    if !may_run_long_from(hir, End::Start) {
        return (Search::Forward, Vec::new());
    }
    let word_boundaries = hir.properties().look_set().contains_word_unicode();
    if !word_boundaries && !holds_large_classes(hir) && !may_run_long_from(hir, End::Finish) {
        return (Search::Backward, Vec::new());
    }
    match required_words(hir) {
        Some(words) => (Search::WhenWordsFound, words),
        None => (Search::Forward, Vec::new()),
    }
}

/// Adds to `found` the members of `set` (indexes into the rules, in set
/// order) whose patterns match `text`. The automaton gives its patterns
/// smallest first and `members` ascend, so the rules come in file order.
fn push_matching(set: &Automaton, members: &[usize], text: &str, found: &mut Vec<usize>) {
    let start = found.len();
    set.matching(text, found);
    for position in &mut found[start..] {
        *position = members[*position];
    }
}

/// The pattern as compiled: anchored as its match mode requires.
fn anchored(pattern: &str, mode: MatchMode) -> String {
    match mode {
        MatchMode::Block => format!("^(?:{pattern})$"),
        MatchMode::Start => format!("^(?:{pattern})"),
    }
}

/// The rule's anchored pattern as a syntax tree, read as a case-insensitive
/// `regex` set reads it.
fn parse_pattern(rule: &Rule) -> Result<Hir, String> {
    let config = syntax::Config::new().case_insensitive(true).utf8(true);
    syntax::parse_with(&anchored(&rule.pattern, rule.mode), &config)
        .map_err(|error| format!("rule {:?}: bad pattern: {error}", rule.id))
}

fn build_set(patterns: Vec<Hir>, search: Search) -> Result<Option<Automaton>, String> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let automaton = match search {
        Search::Forward | Search::WhenWordsFound => Automaton::new(patterns, SET_SIZE_LIMIT),
        Search::Backward => Automaton::backward(patterns, SET_SIZE_LIMIT),
    };
    automaton
        .map(Some)
        .map_err(|error| format!("the rules together are too large to compile: {error}"))
}

/// Compiles one rule's pattern on its own, to refuse a bad or oversized
/// pattern with the line it came from.
fn compile_one(rule: &Rule) -> Result<Regex, String> {
    RegexBuilder::new(&anchored(&rule.pattern, rule.mode))
        .case_insensitive(true)
        .size_limit(PATTERN_SIZE_LIMIT)
        .build()
        .map_err(|error| match error {
            regex::Error::CompiledTooBig(limit) => format!(
                "rule {:?}: pattern is too large (compiled size over {limit} bytes); \
                 make it more specific",
                rule.id
            ),
            other => format!("rule {:?}: bad pattern: {other}", rule.id),
        })
}

fn parse_rule(line: &str) -> Result<Rule, String> {
    let fields: Vec<&str> = line.splitn(5, '\t').collect();
    if fields.len() != 5 {
        return Err(format!(
            "expected 5 tab-separated fields (id, category, languages, where, pattern), found {}",
            fields.len()
        ));
    }
    let id = fields[0].trim();
    let category = fields[1].trim();
    let languages = fields[2].trim();
    let where_field = fields[3].trim();
    let pattern = fields[4].trim();
    let is_name = |text: &str| {
        !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    };
    if !is_name(id) {
        return Err(format!(
            "bad rule id {id:?}: use letters, digits, '.', '-', '_'"
        ));
    }
    if !is_name(category) {
        return Err(format!("rule {id:?}: bad category {category:?}"));
    }
    if pattern.is_empty() {
        return Err(format!("rule {id:?}: empty pattern"));
    }
    let languages = if languages == "*" || languages.is_empty() {
        Vec::new()
    } else {
        languages
            .split(',')
            .map(|language| language.trim().to_string())
            .filter(|language| !language.is_empty())
            .collect()
    };
    let mut rule = Rule {
        id: id.to_string(),
        category: category.to_string(),
        languages,
        mode: MatchMode::Block,
        positions: Positions::default(),
        header: false,
        marker: false,
        hint: false,
        pattern: pattern.to_string(),
    };
    for word in where_field.split(',').map(str::trim) {
        match word {
            "block" => rule.mode = MatchMode::Block,
            "start" => rule.mode = MatchMode::Start,
            "top" => rule.positions.top = true,
            "bottom" => rule.positions.bottom = true,
            "near" => rule.positions.near = true,
            "header" => rule.header = true,
            "marker" => rule.marker = true,
            "hint" => rule.hint = true,
            other => {
                return Err(format!(
                    "rule {id:?}: unknown word {other:?} in where \
                     (use block or start, and any of top, bottom, near, header, marker, hint)"
                ))
            }
        }
    }
    Ok(rule)
}

fn prefix_on_char_boundary(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut cut = max_bytes;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

/// A line as rules see it: trimmed, runs of whitespace folded to one
/// space, invisible format characters (zero-width space, soft hyphen, BOM)
/// removed. Borrows when the line is already in that form.
pub fn fold_line(line: &str) -> Cow<'_, str> {
    let trimmed = line.trim();
    if !needs_folding(trimmed) {
        return Cow::Borrowed(trimmed);
    }
    let mut out = String::with_capacity(trimmed.len());
    let mut pending_space = false;
    for c in trimmed.chars() {
        if is_invisible(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    if out == trimmed {
        Cow::Borrowed(trimmed)
    } else {
        Cow::Owned(out)
    }
}

/// Whether a trimmed line holds a run of spaces, whitespace other than a
/// space, or an invisible character: whatever [`fold_line`] would change.
/// `memchr` finds the few bytes those characters can start with many bytes
/// at a time, and only the lead bytes found are looked at more closely (a
/// unit test checks every character). The ASCII whitespace is only searched
/// for in a line with a control character at all, which one pass tells.
fn needs_folding(line: &str) -> bool {
    let bytes = line.as_bytes();
    static DOUBLE_SPACE: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let double_space = DOUBLE_SPACE.get_or_init(|| memchr::memmem::Finder::new(b"  "));
    if double_space.find(bytes).is_some()
        || (has_byte(bytes, |byte| byte < 0x20)
            && (memchr::memchr3(b'\t', b'\n', 0x0B, bytes).is_some()
                || memchr::memchr2(0x0C, b'\r', bytes).is_some()))
    {
        return true;
    }
    // What is left starts with a non-ASCII byte, and a third of the lines
    // have none: telling that takes one pass instead of two searches.
    if bytes.is_ascii() {
        return false;
    }
    let byte_at = |index: usize| bytes.get(index).copied().unwrap_or(0);
    memchr::memchr3_iter(0xC2, 0xE2, 0xEF, bytes)
        .chain(memchr::memchr2_iter(0xE1, 0xE3, bytes))
        .any(|index| folding_starts_at(byte_at(index), byte_at(index + 1), byte_at(index + 2)))
}

/// Whether the bytes `a b c` of a valid UTF-8 text start whitespace other
/// than a space (U+0009 to U+000D, U+0085, U+00A0, U+1680, U+2000 to
/// U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) or an invisible
/// character (see [`is_invisible`]). Curly quotes and dashes share lead
/// bytes with some of them and are common in news text: telling them
/// apart by their bytes spares decoding them.
fn folding_starts_at(a: u8, b: u8, c: u8) -> bool {
    matches!(
        (a, b, c),
        (b'\t' | b'\n' | 0x0B | 0x0C | b'\r', _, _)
            | (0xC2, 0x85 | 0xA0 | 0xAD, _)
            | (0xE1, 0x9A, 0x80)
            | (0xE3, 0x80, 0x80)
            | (0xEF, 0xBB, 0xBF)
            | (0xE2, 0x80, 0x80..=0x8B | 0x8E | 0x8F | 0xA8 | 0xA9 | 0xAF)
            | (0xE2, 0x81, 0x9F | 0xA0)
    )
}

/// Characters that take no room on the page and only get in the way of
/// matching.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{200E}' | '\u{200F}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(rules: Vec<&Rule>) -> Vec<String> {
        rules.into_iter().map(|rule| rule.id.clone()).collect()
    }

    #[test]
    fn the_rules_compile_while_every_thread_of_the_pool_waits() {
        // As when each of the pool's threads waits on the once-only cell
        // for a line of its own while a thread outside the pool compiles:
        // the compiling must not need them. Should it, it would wait for
        // them until they are let go, which the deadline below stands for;
        // it takes a fraction of a second.
        use std::sync::{mpsc, Barrier, RwLock};
        let threads = rayon::current_num_threads();
        let all_waiting = Arc::new(Barrier::new(threads + 1));
        let gate = Arc::new(RwLock::new(()));
        let closed = gate.write().unwrap();
        for _ in 0..threads {
            let all_waiting = Arc::clone(&all_waiting);
            let gate = Arc::clone(&gate);
            rayon::spawn(move || {
                all_waiting.wait();
                drop(gate.read().unwrap());
            });
        }
        all_waiting.wait();
        let (done, compiled) = mpsc::channel();
        let rules = RuleSet::uncompiled(RuleSet::builtin().rules.clone());
        std::thread::spawn(move || {
            let set = !rules.compiled().block_groups.is_empty();
            done.send(set).unwrap();
        });
        let answer = compiled.recv_timeout(std::time::Duration::from_secs(300));
        drop(closed);
        assert_eq!(answer, Ok(true), "compiling waited for the pool's threads");
    }

    #[test]
    fn no_builtin_block_rule_reads_every_byte_of_a_line_forwards() {
        // A rule that may open with a run of any letters, searched with
        // the others forwards, would make that search read every line to
        // its end: each such rule is read backwards or found by its words.
        for rule in RuleSet::builtin().rules() {
            if rule.mode != MatchMode::Block {
                continue;
            }
            let hir = parse_pattern(rule).unwrap();
            let (search, words) = block_search(&hir);
            if may_run_long_from(&hir, End::Start) {
                assert_ne!(search, Search::Forward, "{}", rule.id);
            }
            assert_eq!(
                search == Search::WhenWordsFound,
                !words.is_empty(),
                "{}",
                rule.id
            );
        }
        let compiled = RuleSet::builtin();
        let groups = &compiled.compiled().block_groups;
        assert_eq!(groups.len(), 3);
        let members: usize = groups.iter().map(|group| group.members.len()).sum();
        assert_eq!(
            members,
            compiled
                .rules()
                .iter()
                .filter(|rule| rule.mode == MatchMode::Block)
                .count()
        );
    }

    #[test]
    fn the_builtin_rules_parse_and_cover_every_category() {
        let parsed = RuleSet::parse(BUILTIN_RULES);
        assert!(parsed.is_ok(), "{parsed:?}");
        let rules = RuleSet::builtin();
        assert!(rules.len() > 80);
        for category in crate::config::BOILERPLATE_CATEGORIES {
            assert!(
                rules.rules().iter().any(|rule| rule.category == *category),
                "no rule for {category}"
            );
        }
    }

    /// A Unicode word boundary anywhere in a set makes its lazy DFA give
    /// up at the first non-ASCII byte of every line, and the slow PikeVM
    /// answer for most of the text: one such rule made a run 25 times
    /// slower.
    #[test]
    fn no_builtin_rule_has_a_unicode_word_boundary() {
        for rule in RuleSet::builtin().rules() {
            let hir = parse_pattern(rule).unwrap();
            assert!(
                !hir.properties().look_set().contains_word_unicode(),
                "{} uses \\b; write ([^\\p{{L}}]|$) or the like instead",
                rule.id
            );
        }
    }

    #[test]
    fn the_builtin_rules_cover_the_main_news_languages() {
        let rules = RuleSet::builtin();
        for language in [
            "en", "es", "fr", "de", "pt", "it", "ru", "nl", "pl", "tr", "th", "ar", "zh", "ja",
            "uk", "vi", "ko", "cs", "da", "el", "id", "hr", "bg", "sk",
        ] {
            let count = rules
                .rules()
                .iter()
                .filter(|rule| rule.languages.iter().any(|l| l == language))
                .count();
            assert!(count >= 5, "only {count} rules for {language}");
        }
    }

    #[test]
    fn block_rules_must_cover_the_whole_line() {
        let rules = RuleSet::parse("ad\tadvertisement\ten\tblock\tadvertisement\n").unwrap();
        assert_eq!(ids(rules.block_matches("ADVERTISEMENT")), ["ad"]);
        assert!(rules.block_matches("Advertisement revenue fell").is_empty());
    }

    #[test]
    fn start_rules_match_at_the_start_only() {
        let rules = RuleSet::parse("more\tread-more\ten\tstart\tread more\\s*:\n").unwrap();
        assert_eq!(ids(rules.start_matches("Read more: a title")), ["more"]);
        assert!(rules.start_matches("You can read more: here").is_empty());
    }

    #[test]
    fn a_bad_line_is_refused_with_its_number() {
        let text = "# comment\n\nok\tshare\ten\tblock\tshare\nbroken line without tabs\n";
        let error = RuleSet::parse(text).unwrap_err();
        assert_eq!(error.line, 4);
        let error = RuleSet::parse("a\tshare\ten\tblock\t(unclosed\n").unwrap_err();
        assert_eq!(error.line, 1);
        assert!(error.message.contains("bad pattern"));
        let error = RuleSet::parse("a\tshare\ten\tsomewhere\tx\n").unwrap_err();
        assert!(error.message.contains("somewhere"));
        let error = RuleSet::parse("a\tshare\ten\tblock\tx\na\tshare\ten\tblock\ty\n").unwrap_err();
        assert_eq!(error.line, 2);
        assert!(error.message.contains("twice"));
    }

    #[test]
    fn a_too_large_pattern_is_refused_clearly() {
        let error = RuleSet::parse("huge\tshare\ten\tblock\t\\w{1000}\\w{1000}\n").unwrap_err();
        assert_eq!(error.line, 1);
        assert!(error.message.contains("too large"), "{}", error.message);
    }

    #[test]
    fn user_rules_extend_and_replace_by_id() {
        let base =
            RuleSet::parse("one\tshare\ten\tblock\tshare\ntwo\ttags\ten\tstart\ttags:\n").unwrap();
        let user =
            RuleSet::parse("one\tshare\ten\tblock\tteilen\nthree\tads\tde\tblock\tanzeige\n")
                .unwrap();
        let merged = base.extended_with(user);
        assert_eq!(merged.len(), 3);
        assert!(merged.block_matches("share").is_empty());
        assert_eq!(ids(merged.block_matches("Teilen")), ["one"]);
        assert_eq!(ids(merged.block_matches("Anzeige")), ["three"]);
        assert_eq!(ids(merged.start_matches("Tags: x")), ["two"]);
    }

    #[test]
    fn the_rules_file_round_trips() {
        let rules = RuleSet::builtin();
        let written = rules.to_rules_file();
        let reparsed = RuleSet::parse(&written).unwrap();
        assert_eq!(reparsed.len(), rules.len());
        assert_eq!(reparsed.to_rules_file(), written);
    }

    #[test]
    fn where_words_are_read() {
        let rules =
            RuleSet::parse("c\tcomment-section\ten\tblock,bottom,near,marker\tleave a reply\n")
                .unwrap();
        let rule = &rules.rules()[0];
        assert!(rule.marker && rule.positions.bottom && rule.positions.near);
        assert!(!rule.header && !rule.positions.top);
        assert!(!rule.positions.anywhere());
    }

    #[test]
    fn the_lazily_compiled_builtin_set_matches_like_an_eager_one() {
        let eager = RuleSet::parse(BUILTIN_RULES).unwrap();
        let lazy = RuleSet::builtin();
        for line in [
            "Share this:",
            "Advertisement",
            "Leave a Reply",
            "We use cookies to improve your experience on our site. By continuing you agree to our cookie policy.",
            "The council voted on Tuesday to approve the new budget for schools.",
        ] {
            assert_eq!(
                lazy.block_match_indexes(line),
                eager.block_match_indexes(line),
                "{line}"
            );
        }
        assert!(!lazy.block_match_indexes("Share this:").is_empty());
        assert_eq!(
            ids(lazy.start_matches("Read more: Hospital car parks to go cashless")),
            ids(eager.start_matches("Read more: Hospital car parks to go cashless"))
        );
    }

    #[test]
    fn matching_rules_come_in_file_order() {
        let rules = RuleSet::parse(
            "a\tshare\ten\tblock\tshare.*\n\
             b\ttags\ten\tstart\tshare\n\
             c\tshare\ten\tblock\t.*this\n\
             d\ttags\ten\tstart\t\\w+\n\
             e\tshare\ten\tblock\t\\w+ \\w+\n",
        )
        .unwrap();
        assert_eq!(rules.block_match_indexes("Share this"), [0, 2, 4]);
        assert_eq!(ids(rules.start_matches("Share this")), ["b", "d"]);
        let builtin = RuleSet::builtin();
        for line in [
            "Share this:",
            "Share",
            "Read more: a title",
            "Advertisement",
        ] {
            let indexes = builtin.block_match_indexes(line);
            assert!(indexes.windows(2).all(|pair| pair[0] < pair[1]), "{line}");
        }
    }

    #[test]
    fn rules_that_can_match_long_lines_are_tried_on_them() {
        let rules = RuleSet::parse(
            "short\tshare\ten\tblock\tshare\nlong\tcookie-consent\ten\tblock\twe use cookies.*\n",
        )
        .unwrap();
        let long_line = format!("We use cookies{}", " and more".repeat(30));
        assert!(long_line.len() > 200);
        assert_eq!(ids(rules.block_matches(&long_line)), ["long"]);
        assert_eq!(ids(rules.block_matches("Share")), ["short"]);
    }

    #[test]
    fn every_character_that_needs_folding_is_found() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let needs = (c.is_whitespace() && c != ' ') || is_invisible(c);
            let line = format!("a{c}b");
            assert_eq!(needs_folding(&line), needs, "{c:?}");
        }
        assert!(needs_folding("a  b"));
        assert!(!needs_folding("a b c"));
    }

    #[test]
    fn prepare_compiles_a_lazily_built_set_once() {
        let rules = RuleSet::parse_checked(BUILTIN_RULES, false).unwrap();
        assert!(rules.compiled.get().is_none());
        rules.prepare();
        let compiled: *const Compiled = rules.compiled.get().unwrap();
        rules.prepare();
        assert!(std::ptr::eq(compiled, rules.compiled.get().unwrap()));
        assert!(!rules.block_match_indexes("Share this:").is_empty());
    }

    #[test]
    fn fold_line_removes_invisible_characters_and_folds_spaces() {
        assert_eq!(fold_line("  Share\t this: "), "Share this:");
        assert_eq!(fold_line("pow\u{200B}ered"), "powered");
        assert!(matches!(fold_line("plain line"), Cow::Borrowed(_)));
    }
}
