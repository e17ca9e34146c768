//! Letter-pair statistics, measured once at start-up on the clean
//! multilingual text in `letters_corpus.txt` (written for this purpose).
//! They settle the ties that structure alone cannot: which of the few
//! possible letters filled a lossy hole (`Ñ` + lost byte is `с`, `я` or
//! `э`). Counts are over lowercased letters; anything that is not a letter
//! counts as a word boundary. This module only measures and answers; it
//! never decides a repair by itself.

use super::score::{self, Kind, Script};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

const CORPUS: &str = include_str!("letters_corpus.txt");
/// More clean text, in the scripts whose lossy holes letter pairs cannot
/// fill (Cyrillic, Greek). It only adds words to the word list: the pair
/// counts that judge whole readings stay those of `CORPUS`, against which
/// the scorer's other weights were set.
const WORDS_CORPUS: &str = include_str!("words_corpus.txt");

/// Stands for any non-letter (space, punctuation, start or end of text).
const BOUNDARY: char = ' ';

// About how many distinct entries the counts below find in the corpora as
// they stand: each map has room for them from the start, rather than being
// rebuilt at every doubling as it grows. A figure off either way costs a
// little time or room, never a different count.
/// Pairs of normal forms in `CORPUS`.
const CORPUS_PAIRS: usize = 2_700;
/// Pairs of normal forms in both corpora.
const CORPORA_PAIRS: usize = 4_600;
/// Triples of normal forms in both corpora.
const CORPORA_TRIPLES: usize = 17_000;
/// Words (lowercased) in both corpora.
const CORPORA_WORDS: usize = 7_900;

struct PairCounts {
    pairs: HashMap<(char, char), u32, BuildHasherDefault<PairHasher>>,
}

/// The weight of a pair the corpus writes `count` times (at least once):
/// a log count, so that common pairs do not drown the rest.
fn seen_weight(count: u32) -> f32 {
    (1.0 + count as f32).ln() * 0.5
}

/// A multiply-and-rotate hasher for pairs of characters. The keys come
/// from our own corpus, not from an attacker, and the default hasher was
/// the largest cost of judging a span in clean non-Latin text.
#[derive(Default)]
pub(crate) struct PairHasher(u64);

/// [`PairHasher`] for maps keyed by characters, runs of them or places
/// in a line, whose keys come from the text being repaired: a collision
/// costs time, never a wrong answer.
pub(crate) type CharHashing = BuildHasherDefault<PairHasher>;

impl Hasher for PairHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u32(u32::from(byte));
        }
    }

    fn write_u32(&mut self, value: u32) {
        self.write_u64(u64::from(value));
    }

    fn write_usize(&mut self, value: usize) {
        self.write_u64(value as u64);
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Below this code point, [`normalise`] reads a table.
const NORMAL_LIMIT: u32 = 0x3100;

#[inline]
fn normalise(c: Option<char>) -> char {
    let Some(c) = c else { return BOUNDARY };
    let code = c as u32;
    if code < NORMAL_LIMIT {
        return normal_forms()[code as usize];
    }
    normal_form(c)
}

/// What [`normalise`] makes of `c`: the lowercase letter, or a boundary.
fn normal_form(c: char) -> char {
    let class = score::class(c);
    if !class.is_letter() {
        return BOUNDARY;
    }
    if class.kind == Kind::Upper {
        c.to_lowercase().next().unwrap_or(c)
    } else {
        c
    }
}

/// [`normal_form`] of every character below [`NORMAL_LIMIT`]: the letters
/// of every script the corpus writes but the East Asian ones.
fn normal_forms() -> &'static [char] {
    static FORMS: OnceLock<Vec<char>> = OnceLock::new();
    FORMS.get_or_init(|| {
        (0..NORMAL_LIMIT)
            .map(|code| char::from_u32(code).map_or(BOUNDARY, normal_form))
            .collect()
    })
}

fn counts() -> &'static PairCounts {
    static COUNTS: OnceLock<PairCounts> = OnceLock::new();
    COUNTS.get_or_init(|| {
        let mut pairs: HashMap<(char, char), u32, BuildHasherDefault<PairHasher>> =
            HashMap::with_capacity_and_hasher(CORPUS_PAIRS, Default::default());
        for line in CORPUS.lines() {
            let mut previous = BOUNDARY;
            for c in line.chars().chain(std::iter::once(BOUNDARY)) {
                let c = normalise(Some(c));
                if !(c == BOUNDARY && previous == BOUNDARY) {
                    *pairs.entry((previous, c)).or_insert(0) += 1;
                }
                previous = c;
            }
        }
        PairCounts { pairs }
    })
}

/// [`seen_weight`] of each pair [`counts`] holds, worked out once.
fn weights() -> &'static HashMap<(char, char), f32, CharHashing> {
    static WEIGHTS: OnceLock<HashMap<(char, char), f32, CharHashing>> = OnceLock::new();
    WEIGHTS.get_or_init(|| {
        counts()
            .pairs
            .iter()
            .map(|(&pair, &count)| (pair, seen_weight(count)))
            .collect()
    })
}

/// Every pair of normal forms ([`lowercase`], a space for a non-letter)
/// that the corpus writes, with the weight [`pair_evidence`] gives it.
pub(crate) fn written_pair_weights() -> impl Iterator<Item = ((char, char), f32)> {
    weights().iter().map(|(&pair, &weight)| (pair, weight))
}

/// A character as [`pair_weight`] looks it up: its normal form
/// ([`normalise`]) and, when that form has a place in [`PairTable`], the
/// place.
#[derive(Clone, Copy)]
struct PairKey {
    form: char,
    slot: u16,
}

/// The slot of a form [`PairTable`] has no place for.
const NO_SLOT: u16 = u16::MAX;
/// The slot of a letter below [`NORMAL_LIMIT`] the corpus never writes:
/// every pair with it is unseen.
const UNSEEN_SLOT: u16 = 1;

impl PairKey {
    const BOUNDARY: PairKey = PairKey {
        form: BOUNDARY,
        slot: 0,
    };
}

/// [`weights`] as a square table over the forms below [`NORMAL_LIMIT`],
/// so that the pairs of most readings are weighed without hashing. Slot 0
/// is the boundary, slot 1 ([`UNSEEN_SLOT`]) any letter the corpus never
/// writes, and the others each a form the corpus writes.
struct PairTable {
    /// The key of every character below [`NORMAL_LIMIT`].
    keys: Vec<PairKey>,
    size: usize,
    /// By `first slot * size + second slot`; NaN for a pair never seen.
    weights: Vec<f32>,
}

fn pair_table() -> &'static PairTable {
    static TABLE: OnceLock<PairTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut slots: HashMap<char, u16, CharHashing> = HashMap::default();
        slots.insert(BOUNDARY, 0);
        let mut size = 2;
        for &(a, b) in weights().keys() {
            for c in [a, b] {
                if (c as u32) < NORMAL_LIMIT && !slots.contains_key(&c) {
                    slots.insert(c, size as u16);
                    size += 1;
                }
            }
        }
        let mut table = vec![f32::NAN; size * size];
        for (&(a, b), &weight) in weights() {
            if let (Some(&a), Some(&b)) = (slots.get(&a), slots.get(&b)) {
                table[usize::from(a) * size + usize::from(b)] = weight;
            }
        }
        let keys = normal_forms()
            .iter()
            .map(|&form| {
                let slot = match slots.get(&form) {
                    Some(&slot) => slot,
                    None if (form as u32) < NORMAL_LIMIT => UNSEEN_SLOT,
                    None => NO_SLOT,
                };
                PairKey { form, slot }
            })
            .collect();
        PairTable {
            keys,
            size,
            weights: table,
        }
    })
}

impl PairTable {
    /// The key of `c` (the boundary for `None`).
    #[inline]
    fn key(&self, c: Option<char>) -> PairKey {
        let Some(c) = c else {
            return PairKey::BOUNDARY;
        };
        match self.keys.get(c as usize) {
            Some(&key) => key,
            None => PairKey {
                form: normal_form(c),
                slot: NO_SLOT,
            },
        }
    }

    /// [`pair_weight`] of two keys.
    #[inline]
    fn weight(&self, a: PairKey, b: PairKey, unseen: f32) -> f32 {
        if a.slot == NO_SLOT || b.slot == NO_SLOT {
            return pair_weight(a.form, b.form, unseen);
        }
        let weight = self.weights[usize::from(a.slot) * self.size + usize::from(b.slot)];
        if weight.is_nan() {
            unseen
        } else {
            weight
        }
    }
}

/// Words of one script and one length, sorted, with the order they take
/// sorted by their letters read from the end: the words that begin (or
/// end) with the letters a pattern knows form one stretch of either order,
/// found by binary search rather than by reading every word.
///
/// A hole in a word's first (or last) letter leaves no known letters to
/// begin (or end) with, and would read every word of every length it
/// allows: two more orders, by the two letters after the first and by the
/// two before the last, narrow those words by their neighbours instead.
#[derive(Default)]
struct Words {
    sorted: Vec<Vec<char>>,
    /// Indices into `sorted`, by the words read backwards.
    by_ending: Vec<usize>,
    /// [`letters_key`] of the second and third letters, and the index into
    /// `sorted`, in key order.
    by_second: Vec<(u64, usize)>,
    /// [`letters_key`] of the letters before the last, read backwards, and
    /// the index into `sorted`, in key order.
    by_before_last: Vec<(u64, usize)>,
}

/// How many letters [`letters_key`] holds.
const KEY_LETTERS: usize = 2;

/// The first [`KEY_LETTERS`] of `letters` (a missing one sorting first)
/// as one number that sorts as they do: cheaper to sort and search by than
/// the words.
fn letters_key<'a>(letters: impl Iterator<Item = &'a char>) -> u64 {
    let mut letters = letters.take(KEY_LETTERS);
    (0..KEY_LETTERS).fold(0, |key, _| {
        key << 32 | letters.next().map_or(0, |&c| u64::from(c) + 1)
    })
}

/// The stretch of `order` whose keys begin with `known` (of which only the
/// first [`KEY_LETTERS`] count): a superset of the words that fit.
fn keyed_stretch(order: &[(u64, usize)], known: &[char]) -> std::ops::Range<usize> {
    let used = known.len().min(KEY_LETTERS);
    let low = letters_key(known.iter());
    let high = low + (1 << (32 * (KEY_LETTERS - used)));
    let from = order.partition_point(|&(key, _)| key < low);
    let to = from + order[from..].partition_point(|&(key, _)| key < high);
    from..to
}

/// Words by the script of their first letter, then by their length.
type Lexicon = HashMap<Script, Vec<Words>, CharHashing>;

/// The words of both corpora, lowercased, by the script of their first
/// letter and their length in characters.
fn lexicon() -> &'static Lexicon {
    static WORDS: OnceLock<Lexicon> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = Lexicon::default();
        for word in corpus_words() {
            let by_length = words.entry(score::class(word[0]).script).or_default();
            if by_length.len() <= word.len() {
                by_length.resize_with(word.len() + 1, Words::default);
            }
            by_length[word.len()].sorted.push(word);
        }
        for group in words.values_mut().flatten() {
            group.sorted.sort_unstable();
            let sorted = &group.sorted;
            group.by_ending = (0..sorted.len()).collect();
            group
                .by_ending
                .sort_unstable_by(|&a, &b| sorted[a].iter().rev().cmp(sorted[b].iter().rev()));
            let keyed = |key: fn(&[char]) -> u64| {
                let mut order: Vec<(u64, usize)> = sorted
                    .iter()
                    .enumerate()
                    .map(|(index, word)| (key(word), index))
                    .collect();
                order.sort_unstable();
                order
            };
            group.by_second = keyed(|word| letters_key(word.iter().skip(1)));
            group.by_before_last = keyed(|word| letters_key(word.iter().rev().skip(1)));
        }
        words
    })
}

/// Every word of both corpora, lowercased, once. One buffer collects
/// each word, and only a word not met before is copied out of it.
fn corpus_words() -> HashSet<Vec<char>, CharHashing> {
    let mut unique: HashSet<Vec<char>, CharHashing> =
        HashSet::with_capacity_and_hasher(CORPORA_WORDS, Default::default());
    let mut word = Vec::new();
    for line in CORPUS.lines().chain(WORDS_CORPUS.lines()) {
        for c in line.chars().chain(std::iter::once(BOUNDARY)) {
            match normalise(Some(c)) {
                BOUNDARY if !word.is_empty() => {
                    if !unique.contains(&word[..]) {
                        unique.insert(word.clone());
                    }
                    word.clear();
                }
                BOUNDARY => {}
                letter => word.push(letter),
            }
        }
    }
    unique
}

/// `pattern` as [`letters_fitting`] compares it: letters normalised as the
/// corpora's words are (lowercased), and the entry at `hole` unknown
/// whatever it holds.
fn normalised_pattern(pattern: &[Option<char>], hole: usize) -> Vec<Option<char>> {
    pattern
        .iter()
        .enumerate()
        .map(|(index, slot)| {
            if index == hole {
                None
            } else {
                slot.map(|c| normalise(Some(c)))
            }
        })
        .collect()
}

/// Which part of a word a pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordPart {
    Whole,
    Start,
    End,
}

/// The letters that words of the corpora written in `script` have at
/// position `hole` of `pattern`, where they fit it as the `part` it says:
/// one entry per letter, `None` for a letter still unknown (another hole),
/// which any letter fits. The entry at `hole` itself is not read. Letters
/// compare lowercased; those returned are lowercase, in no set order.
pub(crate) fn letters_fitting(
    pattern: &[Option<char>],
    hole: usize,
    part: WordPart,
    script: Script,
) -> Vec<char> {
    let pattern = normalised_pattern(pattern, hole);
    let fits = |letters: &[char]| {
        letters
            .iter()
            .zip(&pattern)
            .all(|(letter, slot)| slot.map_or(true, |wanted| wanted == *letter))
    };
    let mut found = Vec::new();
    let Some(by_length) = lexicon().get(&script) else {
        return found;
    };
    let mut add = |window: &[char]| {
        if fits(window) && !found.contains(&window[hole]) {
            found.push(window[hole]);
        }
    };
    // Only the words that share the pattern's known letters up to its first
    // unknown one (from its last, for the end of a word) can fit.
    let first_unknown = pattern.iter().position(Option::is_none);
    let known_start: Vec<char> = pattern[..first_unknown.unwrap_or(pattern.len())]
        .iter()
        .flatten()
        .copied()
        .collect();
    let last_unknown = pattern.iter().rposition(Option::is_none);
    let known_end: Vec<char> = pattern[last_unknown.map_or(0, |index| index + 1)..]
        .iter()
        .flatten()
        .copied()
        .collect();
    // When the first (last) letter is unknown, the known letters after
    // (before) it up to the next unknown one narrow the words instead.
    let known_second: Vec<char> = match first_unknown {
        Some(0) => pattern[1..].iter().map_while(|slot| *slot).collect(),
        _ => Vec::new(),
    };
    let known_before_last: Vec<char> = match last_unknown {
        Some(last) if last + 1 == pattern.len() => pattern[..last]
            .iter()
            .rev()
            .map_while(|slot| *slot)
            .collect(),
        _ => Vec::new(),
    };
    let lengths = match part {
        WordPart::Whole => 1,
        WordPart::Start | WordPart::End => usize::MAX,
    };
    for words in by_length.iter().skip(pattern.len()).take(lengths) {
        match part {
            WordPart::Whole | WordPart::Start if !known_second.is_empty() => {
                let order = &words.by_second;
                for &(_, index) in &order[keyed_stretch(order, &known_second)] {
                    add(&words.sorted[index][..pattern.len()]);
                }
            }
            WordPart::Whole | WordPart::Start => {
                let sorted = &words.sorted;
                let start = |word: &Vec<char>| word[..known_start.len()].cmp(&known_start);
                let from = sorted.partition_point(|word| start(word).is_lt());
                let to = from + sorted[from..].partition_point(|word| start(word).is_eq());
                for word in &sorted[from..to] {
                    add(&word[..pattern.len()]);
                }
            }
            WordPart::End if !known_before_last.is_empty() => {
                let order = &words.by_before_last;
                for &(_, index) in &order[keyed_stretch(order, &known_before_last)] {
                    let word = &words.sorted[index];
                    add(&word[word.len() - pattern.len()..]);
                }
            }
            WordPart::End => {
                let ending = |&index: &usize| {
                    let word = &words.sorted[index];
                    word[word.len() - known_end.len()..]
                        .iter()
                        .rev()
                        .cmp(known_end.iter().rev())
                };
                let order = &words.by_ending;
                let from = order.partition_point(|index| ending(index).is_lt());
                let to = from + order[from..].partition_point(|index| ending(index).is_eq());
                for &index in &order[from..to] {
                    let word = &words.sorted[index];
                    add(&word[word.len() - pattern.len()..]);
                }
            }
        }
    }
    found
}

/// The lowercase form the corpora's words are kept in.
pub(crate) fn lowercase(c: char) -> char {
    normalise(Some(c))
}

/// How often `a` is followed by `b` in the corpus.
#[cfg(test)]
pub(crate) fn pair_count(a: Option<char>, b: Option<char>) -> u32 {
    counts()
        .pairs
        .get(&(normalise(a), normalise(b)))
        .copied()
        .unwrap_or(0)
}

/// Evidence (in the scorer's units) that `letter` stands between `before`
/// and `after`: the log counts of both letter pairs, with a penalty for a
/// pair never seen.
pub(crate) fn pair_evidence(before: Option<char>, letter: char, after: Option<char>) -> f32 {
    let table = pair_table();
    let side = |a: Option<char>, b: Option<char>| table.weight(table.key(a), table.key(b), -1.5);
    side(before, Some(letter)) + side(Some(letter), after)
}

/// The weight of the pair of normalised characters `a`, `b` (see
/// [`seen_weight`]), or `unseen` when the corpus never writes it.
#[inline]
fn pair_weight(a: char, b: char, unseen: f32) -> f32 {
    weights().get(&(a, b)).copied().unwrap_or(unseen)
}

/// Whether the letters corpus writes `script` at all. Where it does not
/// (Armenian, Georgian, the Indic scripts), a pair it never saw is no sign
/// of an unlikely reading: [`pair_evidence`] says nothing there.
pub(crate) fn measures(script: Script) -> bool {
    static SCRIPTS: OnceLock<Vec<Script>> = OnceLock::new();
    SCRIPTS
        .get_or_init(|| {
            let mut scripts = Vec::new();
            for c in CORPUS.chars() {
                let class = score::class(c);
                if class.is_letter() && !scripts.contains(&class.script) {
                    scripts.push(class.script);
                }
            }
            scripts
        })
        .contains(&script)
}

/// How often both corpora write `a` followed by `b` (`None` is a word's
/// edge), over lowercased letters. Unlike [`pair_count`], which the
/// scorer's weights were set against, this counts the words corpus too.
pub(crate) fn written_pair_count(a: Option<char>, b: Option<char>) -> u32 {
    static PAIRS: OnceLock<PairCounts> = OnceLock::new();
    let pairs = PAIRS.get_or_init(|| {
        let mut pairs: HashMap<(char, char), u32, BuildHasherDefault<PairHasher>> =
            HashMap::with_capacity_and_hasher(CORPORA_PAIRS, Default::default());
        for line in CORPUS.lines().chain(WORDS_CORPUS.lines()) {
            let mut previous = BOUNDARY;
            for c in line.chars().chain(std::iter::once(BOUNDARY)) {
                let c = normalise(Some(c));
                if !(c == BOUNDARY && previous == BOUNDARY) {
                    *pairs.entry((previous, c)).or_insert(0) += 1;
                }
                previous = c;
            }
        }
        PairCounts { pairs }
    });
    pairs
        .pairs
        .get(&(normalise(a), normalise(b)))
        .copied()
        .unwrap_or(0)
}

/// Whether `c` is a Latin letter beyond ASCII: the accented letters that
/// tell one Latin-script language from another.
pub(crate) fn is_accented_latin(c: char) -> bool {
    let class = score::class(c);
    !c.is_ascii() && class.is_letter() && class.script == Script::Latin
}

/// How many lines of the corpora write the accented Latin letter `a`, and
/// how many of those also write `b` (lowercased): whether two letters
/// belong to the alphabet of one language (most lines that write `ž`
/// write `č` too, and none writes `đ`).
pub(crate) fn lines_writing(a: char, b: char) -> (u32, u32) {
    type Together = HashMap<(char, char), u32, BuildHasherDefault<PairHasher>>;
    static TOGETHER: OnceLock<Together> = OnceLock::new();
    let together = TOGETHER.get_or_init(|| {
        let mut together = Together::default();
        for line in CORPUS.lines().chain(WORDS_CORPUS.lines()) {
            let mut letters: Vec<char> = line
                .chars()
                .filter(|&c| is_accented_latin(c))
                .map(lowercase)
                .collect();
            letters.sort_unstable();
            letters.dedup();
            for &first in &letters {
                for &second in &letters {
                    *together.entry((first, second)).or_insert(0) += 1;
                }
            }
        }
        together
    });
    let count = |key| together.get(&key).copied().unwrap_or(0);
    let (a, b) = (lowercase(a), lowercase(b));
    (count((a, a)), count((a, b)))
}

/// How often the corpora write `letter` between `before` and `after`
/// inside a word (`None` is the word's edge), over lowercased letters.
pub(crate) fn triple_count(before: Option<char>, letter: char, after: Option<char>) -> u32 {
    type Triples = HashMap<[char; 3], u32, BuildHasherDefault<PairHasher>>;
    static TRIPLES: OnceLock<Triples> = OnceLock::new();
    let triples = TRIPLES.get_or_init(|| {
        let mut triples = Triples::with_capacity_and_hasher(CORPORA_TRIPLES, Default::default());
        for line in CORPUS.lines().chain(WORDS_CORPUS.lines()) {
            let mut window = [BOUNDARY; 3];
            for c in line.chars().chain(std::iter::once(BOUNDARY)) {
                window = [window[1], window[2], normalise(Some(c))];
                if window[1] != BOUNDARY {
                    *triples.entry(window).or_insert(0) += 1;
                }
            }
        }
        triples
    });
    let key = [normalise(before), normalise(Some(letter)), normalise(after)];
    triples.get(&key).copied().unwrap_or(0)
}

/// How often the corpora write the one-letter word `letter` right before a
/// word that ends in `ending` (two lowercase letters). A preposition and a
/// pronoun of one letter (`с`, `я`) are told apart by the word after them:
/// `с` comes before the endings of the cases it governs (`с партнёрами`),
/// `я` before those of verbs (`я думаю`).
pub(crate) fn one_letter_word_before(letter: char, ending: [char; 2]) -> u32 {
    static PAIRS: OnceLock<OneLetterPairs> = OnceLock::new();
    PAIRS
        .get_or_init(one_letter_pairs)
        .get(&(normalise(Some(letter)), ending))
        .copied()
        .unwrap_or(0)
}

/// Counts of a one-letter word and the ending of the next word.
type OneLetterPairs = HashMap<(char, [char; 2]), u32, BuildHasherDefault<PairHasher>>;

/// The counts [`one_letter_word_before`] reads, word by word through the
/// corpora without keeping the words: a word's length and last two
/// letters are all a pair needs.
fn one_letter_pairs() -> OneLetterPairs {
    let mut pairs = OneLetterPairs::default();
    for line in CORPUS.lines().chain(WORDS_CORPUS.lines()) {
        // The word before the one under way, when it was one letter and
        // only a space came after it: punctuation between two words parts
        // them as much as a sentence does (`с, я` is no pair).
        let mut one_letter: Option<char> = None;
        let (mut length, mut last_two) = (0usize, [BOUNDARY; 2]);
        for c in line.chars().map(Some).chain(std::iter::once(None)) {
            match c.map(|c| normalise(Some(c))) {
                Some(letter) if letter != BOUNDARY => {
                    length += 1;
                    last_two = [last_two[1], letter];
                }
                // A word ends, at a space, other punctuation or the line's end.
                _ => {
                    if let (Some(first), 2..) = (one_letter, length) {
                        *pairs.entry((first, last_two)).or_insert(0) += 1;
                    }
                    one_letter = (c == Some(' ') && length == 1).then_some(last_two[1]);
                    length = 0;
                }
            }
        }
    }
    pairs
}

/// How plausible the letter pairs of a reading are, on average: the mean
/// of a log count per pair that involves a letter of the reading (unseen
/// pairs weigh -2). Readings without letters score 0.
fn plausibility(left: Option<char>, reading: &[char], right: Option<char>) -> Option<f32> {
    // A character is a letter exactly when its normal form is not the
    // boundary (the boundary itself, a space, is no letter).
    let table = pair_table();
    let mut total = 0.0;
    let mut pairs = 0;
    let mut previous = table.key(left);
    // Every pair here touches the reading; pairs without a letter
    // (digits, punctuation) say nothing about a language. The reading's
    // characters, then the right neighbour, in two loops rather than one
    // over a chain of both.
    let mut step = |c: PairKey| {
        if previous.form != BOUNDARY || c.form != BOUNDARY {
            total += table.weight(previous, c, UNSEEN_WEIGHT);
            pairs += 1;
        }
        previous = c;
    };
    for &c in reading {
        step(table.key(Some(c)));
    }
    step(table.key(right));
    (pairs > 0).then(|| total / pairs as f32)
}

/// How plausible the letter pairs of `reading` are between its
/// neighbours ([`plausibility`], 0 without letters): what
/// [`plausibility_gain`] weighs other readings of the same span against,
/// worked out once for all of them.
pub(crate) fn reading_plausibility(
    left: Option<char>,
    reading: &[char],
    right: Option<char>,
) -> f32 {
    plausibility(left, reading, right).unwrap_or(0.0)
}

/// Evidence that `after` reads better than the reading whose
/// [`reading_plausibility`] is `before`, between the same neighbours, from
/// letter-pair statistics, bounded so that statistics never outweigh the
/// structure of the text.
pub(crate) fn plausibility_gain(
    before: f32,
    left: Option<char>,
    after: &[char],
    right: Option<char>,
) -> f32 {
    let after = reading_plausibility(left, after, right);
    gain_of_difference(after - before)
}

/// [`plausibility_gain`] of a difference in plausibility, which it never
/// lowers as the difference grows.
fn gain_of_difference(difference: f32) -> f32 {
    let bounded = difference.clamp(-1.0, 1.0);
    // Beyond the bound the statistics still rank two readings of one span
    // (`åp` over `áp` in Norwegian), with little weight.
    bounded + (difference - bounded).max(0.0) * BEYOND_BOUND_WEIGHT
}

/// The most [`plausibility_gain`] can give: a plausibility is a mean of
/// pair weights, the weight of an unseen pair, or 0, so no difference
/// exceeds the highest of those less the lowest.
pub(crate) fn plausibility_gain_ceiling() -> f32 {
    static CEILING: OnceLock<f32> = OnceLock::new();
    *CEILING.get_or_init(|| {
        let (lowest, highest) = weights().values().fold(
            (UNSEEN_WEIGHT.min(0.0), 0.0f32),
            |(lowest, highest), &weight| (lowest.min(weight), highest.max(weight)),
        );
        gain_of_difference(highest - lowest)
    })
}

/// The weight [`plausibility`] gives a pair the corpus never writes.
const UNSEEN_WEIGHT: f32 = -2.0;

/// See [`plausibility_gain`].
const BEYOND_BOUND_WEIGHT: f32 = 0.2;

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn no_reading_gains_more_than_the_ceiling(
            left in proptest::option::of(proptest::sample::select("a zжαกéę.1«".chars().collect::<Vec<_>>())),
            before in proptest::collection::vec(proptest::char::range('\u{20}', '\u{600}'), 0..5),
            after in proptest::collection::vec(proptest::sample::select("abcdeéèęłżщиаяοςαλกขé’ ,.Ã©".chars().collect::<Vec<_>>()), 0..5),
            right in proptest::option::of(proptest::sample::select("b иο กy!".chars().collect::<Vec<_>>())),
        ) {
            let before = reading_plausibility(left, &before, right);
            let gain = plausibility_gain(before, left, &after, right);
            proptest::prop_assert!(gain <= plausibility_gain_ceiling());
        }
    }

    #[test]
    fn letters_of_one_alphabet_share_lines() {
        let (lines, both) = lines_writing('ž', 'č');
        assert!(lines > 0 && both * 2 > lines, "{both} of {lines}");
        assert_eq!(lines_writing('Ž', 'đ').1, 0);
        assert_eq!(lines_writing('q', 'č'), (0, 0));
        assert!(is_accented_latin('č') && !is_accented_latin('c') && !is_accented_latin('я'));
    }

    #[test]
    fn words_are_found_with_their_unknown_letters() {
        let word = |text: &str| -> Vec<Option<char>> {
            text.chars().map(|c| (c != '_').then_some(c)).collect()
        };
        let fitting = |text: &str, hole: usize, part: WordPart| {
            letters_fitting(&word(text), hole, part, Script::Cyrillic)
        };
        assert_eq!(fitting("Ме?яц", 2, WordPart::Whole), ['с']);
        assert_eq!(fitting("ме?_ц", 2, WordPart::Whole), ['с']);
        assert!(fitting("ме?_ц", 3, WordPart::Whole).is_empty());
        assert!(fitting("месяцы?", 6, WordPart::Whole).is_empty());
        assert!(fitting("мес?", 3, WordPart::Start).contains(&'я'));
        assert!(fitting("?ется", 0, WordPart::End).contains(&'а'));
        assert!(fitting("я?яц", 1, WordPart::End).is_empty());
    }

    /// [`letters_fitting`] as every word of the script is read.
    fn letters_fitting_reference(
        pattern: &[Option<char>],
        hole: usize,
        part: WordPart,
        script: Script,
    ) -> Vec<char> {
        let pattern = normalised_pattern(pattern, hole);
        let mut found = Vec::new();
        for word in lexicon()
            .get(&script)
            .into_iter()
            .flatten()
            .flat_map(|words| &words.sorted)
        {
            let length_fits = match part {
                WordPart::Whole => word.len() == pattern.len(),
                WordPart::Start | WordPart::End => word.len() >= pattern.len(),
            };
            if !length_fits {
                continue;
            }
            let window = match part {
                WordPart::Whole | WordPart::Start => &word[..pattern.len()],
                WordPart::End => &word[word.len() - pattern.len()..],
            };
            let fits = window
                .iter()
                .zip(&pattern)
                .all(|(letter, slot)| slot.map_or(true, |wanted| wanted == *letter));
            if fits && !found.contains(&window[hole]) {
                found.push(window[hole]);
            }
        }
        found
    }

    /// Every word of the corpora, with its script.
    fn every_word() -> Vec<(Script, Vec<char>)> {
        let mut every: Vec<(Script, Vec<char>)> = lexicon()
            .iter()
            .flat_map(|(&script, by_length)| {
                by_length.iter().flat_map(move |words| {
                    words.sorted.iter().map(move |word| (script, word.clone()))
                })
            })
            .collect();
        // A set order, whatever the map's.
        every.sort_by(|(a, a_word), (b, b_word)| (*a as u8, a_word).cmp(&(*b as u8, b_word)));
        every
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn words_fitting_are_found_as_when_every_word_is_read(
            pick in 0usize..1 << 20,
            part in 0usize..3,
            cut in 0usize..8,
            hole_pick in 0usize..16,
            unknown in proptest::collection::vec(0usize..16, 0..3),
            changed in proptest::option::of((0usize..16, proptest::char::range('\u{300}', '\u{500}'))),
            capital in proptest::bool::ANY,
        ) {
            static EVERY: OnceLock<Vec<(Script, Vec<char>)>> = OnceLock::new();
            let every = EVERY.get_or_init(every_word);
            let (script, word) = &every[pick % every.len()];
            let part = [WordPart::Whole, WordPart::Start, WordPart::End][part];
            let cut = cut.min(word.len() - 1);
            let window: &[char] = match part {
                WordPart::Whole => word,
                WordPart::Start => &word[..word.len() - cut],
                WordPart::End => &word[cut..],
            };
            let mut pattern: Vec<Option<char>> = window.iter().copied().map(Some).collect();
            if capital {
                pattern[0] = pattern[0].map(|c| c.to_uppercase().next().unwrap_or(c));
            }
            for index in unknown {
                let length = pattern.len();
                pattern[index % length] = None;
            }
            if let Some((index, c)) = changed {
                let length = pattern.len();
                pattern[index % length] = Some(c);
            }
            let hole = hole_pick % pattern.len();
            let mut fast = letters_fitting(&pattern, hole, part, *script);
            let mut reference = letters_fitting_reference(&pattern, hole, part, *script);
            fast.sort_unstable();
            reference.sort_unstable();
            proptest::prop_assert_eq!(fast, reference);
        }
    }

    #[test]
    fn holes_at_either_end_find_the_words_every_word_gives() {
        // The commonest lookups, and those the keyed orders answer.
        for (script, word) in every_word().iter().step_by(7) {
            for part in [WordPart::Whole, WordPart::Start, WordPart::End] {
                for cut in [0, 1, 2] {
                    let cut = cut.min(word.len() - 1);
                    let window = match part {
                        WordPart::Whole => &word[..],
                        WordPart::Start => &word[..word.len() - cut],
                        WordPart::End => &word[cut..],
                    };
                    for hole in [0, window.len() - 1] {
                        for other in [None, Some(window.len().saturating_sub(2)), Some(2)] {
                            let mut pattern: Vec<Option<char>> =
                                window.iter().copied().map(Some).collect();
                            if let Some(slot) = other.and_then(|other| pattern.get_mut(other)) {
                                *slot = None;
                            }
                            let mut fast = letters_fitting(&pattern, hole, part, *script);
                            let mut reference =
                                letters_fitting_reference(&pattern, hole, part, *script);
                            fast.sort_unstable();
                            reference.sort_unstable();
                            assert_eq!(fast, reference, "{pattern:?} {hole} {part:?}");
                        }
                    }
                }
            }
        }
    }

    /// The words of the corpora as a set of words, each taken in turn.
    fn corpus_words_reference() -> HashSet<Vec<char>> {
        let mut unique: HashSet<Vec<char>> = HashSet::new();
        for line in CORPUS.lines().chain(WORDS_CORPUS.lines()) {
            let mut word = Vec::new();
            for c in line.chars().chain(std::iter::once(BOUNDARY)) {
                match normalise(Some(c)) {
                    BOUNDARY if !word.is_empty() => {
                        unique.insert(std::mem::take(&mut word));
                    }
                    BOUNDARY => {}
                    letter => word.push(letter),
                }
            }
        }
        unique
    }

    #[test]
    fn the_corpus_words_are_those_each_word_gives_in_turn() {
        let reference = corpus_words_reference();
        let words = corpus_words();
        assert_eq!(words.len(), reference.len());
        assert!(words.iter().all(|word| reference.contains(word)));
        // The lexicon holds each word once, where its script and length say.
        let mut held = 0;
        for (&script, by_length) in lexicon() {
            for (length, group) in by_length.iter().enumerate() {
                for word in &group.sorted {
                    assert_eq!((word.len(), score::class(word[0]).script), (length, script));
                    assert!(reference.contains(word));
                    held += 1;
                }
            }
        }
        assert_eq!(held, reference.len());
    }

    /// The counts of [`one_letter_word_before`] as the corpora's lines are
    /// split into words first.
    fn one_letter_pairs_reference() -> OneLetterPairs {
        let mut pairs = OneLetterPairs::default();
        for line in CORPUS.lines().chain(WORDS_CORPUS.lines()) {
            let mut words: Vec<Vec<char>> = vec![Vec::new()];
            for c in line.chars() {
                match normalise(Some(c)) {
                    BOUNDARY if c == ' ' => words.push(Vec::new()),
                    BOUNDARY => {
                        words.push(Vec::new());
                        words.push(Vec::new());
                    }
                    letter => words
                        .last_mut()
                        .into_iter()
                        .for_each(|word| word.push(letter)),
                }
            }
            for pair in words.windows(2) {
                if let ([letter], [.., a, b]) = (&pair[0][..], &pair[1][..]) {
                    *pairs.entry((*letter, [*a, *b])).or_insert(0) += 1;
                }
            }
        }
        pairs
    }

    #[test]
    fn one_letter_pairs_are_counted_as_over_the_split_words() {
        let pairs = one_letter_pairs();
        assert!(!pairs.is_empty());
        assert_eq!(pairs, one_letter_pairs_reference());
    }

    #[test]
    fn every_normal_form_in_the_table_is_the_rule() {
        for c in (0..NORMAL_LIMIT).filter_map(char::from_u32) {
            assert_eq!(normalise(Some(c)), normal_form(c), "{c:?}");
            // `plausibility` tells letters by their normal form.
            assert_eq!(normalise(Some(c)) != BOUNDARY, score::class(c).is_letter());
        }
    }

    /// The rule [`plausibility`] follows, with the counts looked up and
    /// weighed pair by pair.
    fn plausibility_reference(
        left: Option<char>,
        reading: &[char],
        right: Option<char>,
    ) -> Option<f32> {
        let side = |count: u32| {
            if count == 0 {
                -2.0
            } else {
                (1.0 + count as f32).ln() * 0.5
            }
        };
        let is_letter = |c: Option<char>| c.is_some_and(|c| score::class(c).is_letter());
        let mut total = 0.0;
        let mut pairs = 0;
        let mut previous = left;
        for c in reading
            .iter()
            .copied()
            .map(Some)
            .chain(std::iter::once(right))
        {
            if is_letter(previous) || is_letter(c) {
                total += side(pair_count(previous, c));
                pairs += 1;
            }
            previous = c;
        }
        (pairs > 0).then(|| total / pairs as f32)
    }

    #[test]
    fn the_pair_table_agrees_with_the_pair_weights() {
        let table = pair_table();
        let samples: Vec<Option<char>> = (0..0x600)
            .chain(0xE00..0xE60)
            .chain([0x1E9E, 0x2019, 0x30FF, 0x3100, 0x4E00, 0xFF21])
            .filter_map(char::from_u32)
            .map(Some)
            .chain([None])
            .collect();
        for &a in &samples {
            for &b in &samples {
                let table_weight = table.weight(table.key(a), table.key(b), -3.0);
                let weight = pair_weight(normalise(a), normalise(b), -3.0);
                assert_eq!(table_weight.to_bits(), weight.to_bits(), "{a:?} {b:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn plausibility_follows_the_rule(
            left in proptest::option::of(proptest::char::any()),
            text in "[a-zA-Z .,\u{C0}-\u{24F}\u{370}-\u{3FF}\u{400}-\u{45F}\u{E00}-\u{E5B}\u{600}-\u{6FF}\u{1E00}-\u{1EFF}\u{2010}-\u{2030}\u{4E00}-\u{4E10}\u{FF21}-\u{FF3A}]{0,10}",
            right in proptest::option::of(proptest::char::any()),
        ) {
            let chars: Vec<char> = text.chars().collect();
            proptest::prop_assert_eq!(
                plausibility(left, &chars, right).map(f32::to_bits),
                plausibility_reference(left, &chars, right).map(f32::to_bits)
            );
            for &c in &chars {
                let side = |count: u32| if count == 0 { -1.5 } else { (1.0 + count as f32).ln() * 0.5 };
                let expected = side(pair_count(left, Some(c))) + side(pair_count(Some(c), right));
                proptest::prop_assert_eq!(pair_evidence(left, c, right).to_bits(), expected.to_bits());
            }
        }
    }

    #[test]
    fn common_pairs_outweigh_rare_ones() {
        assert!(pair_count(Some('с'), Some('т')) > pair_count(Some('э'), Some('т')));
        assert!(pair_evidence(Some('l'), 'à', None) > pair_evidence(Some('l'), 'ý', None));
    }
}
