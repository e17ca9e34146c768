//! Repeated paragraphs: a block equal to an earlier kept block, after
//! folding case, whitespace, quote style and Unicode compatibility forms,
//! is dropped and the first copy stays. This catches a standfirst repeated
//! in the body, a repeated pull-quote and runs of paragraphs repeated by
//! pagination. Short blocks (`Yes.`, `Q:`, score lines) and verse (a chorus
//! in quoted lyrics) legitimately repeat and never count. Only whole blocks
//! are compared: a sentence that also appears inside a longer paragraph is
//! not a duplicate.
//!
//! Most blocks repeat nothing, so blocks are first told apart by the ends
//! of their comparison form ([`FoldKey`]); only blocks whose ends match
//! another block's are folded whole and compared exactly, so two different
//! blocks are never taken for copies.

use super::shape::BlockView;
use super::Decisions;
use crate::repair::utf8::code_point_at;
use std::cell::{Cell, OnceCell};
use std::collections::HashSet;
use std::sync::OnceLock;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

pub const REASON: &str = "dedup.paragraph";

/// Drops every kept block that repeats an earlier kept block.
pub fn mark(views: &[BlockView], min_chars: usize, decisions: &mut Decisions) {
    mark_with(
        views,
        min_chars,
        &SharedRepeats::new(Some(min_chars)),
        decisions,
    );
}

/// [`mark`], taking the blocks in key order from `shared` when it has
/// worked out its repeats: its candidates then hold every block this
/// filter may count (blocks are only dropped in between), so keeping
/// those still kept and not verse, in that order, gives what sorting
/// them would. Blocks [`surely_short`] count for neither, and are left
/// out of both.
pub fn mark_with(
    views: &[BlockView],
    min_chars: usize,
    shared: &SharedRepeats,
    decisions: &mut Decisions,
) {
    let keyed: Vec<(&FoldKey, usize)> = match shared.key_order(min_chars) {
        // A block other than prose is among the shared candidates only
        // when it is no verse.
        Some(order) => {
            // Sized once: a filtered collection would grow step by step.
            let mut keyed = Vec::with_capacity(order.len());
            keyed.extend(
                order
                    .iter()
                    .copied()
                    .filter(|&index| {
                        let view = &views[index];
                        decisions.kept(index) && !(view.prose && is_verse(view))
                    })
                    .map(|index| (views[index].folded_key(), index)),
            );
            keyed
        }
        None => in_key_order(
            views,
            (0..views.len()).filter(|&index| {
                let view = &views[index];
                decisions.kept(index) && !is_verse(view) && !surely_short(view, min_chars)
            }),
        ),
    };
    let repeated = repeated_among(views, &keyed, |view| long_enough(view, min_chars));
    for index in as_written(views, repeated, |_| Some(min_chars)) {
        decisions.drop_block(index, REASON);
    }
}

/// The kept blocks that repeat an earlier kept block word for word: prose
/// repeats of any length and, when the paragraph filter is on
/// (`repeat_min_chars` is its shortest repeat), every other block it will
/// drop as a repeat. Filters that run before it use this to judge a page
/// as a second cleaning, without those repeats, will see it.
pub fn repeats(
    views: &[BlockView],
    repeat_min_chars: Option<usize>,
    decisions: &Decisions,
) -> Vec<bool> {
    repeats_keyed(views, repeat_min_chars, decisions).0
}

/// [`repeats`], with the candidates it looked at in key order (see
/// [`in_key_order`]).
fn repeats_keyed<'v>(
    views: &'v [BlockView],
    repeat_min_chars: Option<usize>,
    decisions: &Decisions,
) -> (Vec<bool>, Vec<(&'v FoldKey, usize)>) {
    // A block that does not count is neither a repeat nor a first copy
    // (see [`repeated_among`]): the blocks surely too short to count are
    // left out before their keys are worked out.
    let candidates = (0..views.len()).filter(|&index| {
        let view = &views[index];
        decisions.kept(index)
            && (view.prose
                || repeat_min_chars.is_some_and(|min| !is_verse(view) && !surely_short(view, min)))
    });
    let keyed = in_key_order(views, candidates);
    let counts = |view: &BlockView| {
        view.prose
            || match repeat_min_chars {
                Some(min) => long_enough(view, min),
                None => true,
            }
    };
    let mut repeated = vec![false; views.len()];
    let found = repeated_among(views, &keyed, counts);
    let shortest = |view: &BlockView| repeat_min_chars.filter(|_| !view.prose);
    for index in as_written(views, found, shortest) {
        repeated[index] = true;
    }
    (repeated, keyed)
}

/// The `repeated` blocks at least `shortest(view)` characters long as
/// written, with runs of whitespace as one space. The comparison form
/// can be longer than the text (NFKC writes `…` as three stops), and a
/// short answer repeated (`Nadie lo sabe…`) stays however it folds.
fn as_written(
    views: &[BlockView],
    repeated: Vec<usize>,
    shortest: impl Fn(&BlockView) -> Option<usize>,
) -> Vec<usize> {
    repeated
        .into_iter()
        .filter(|&index| {
            let view = &views[index];
            shortest(view).map_or(true, |min| written_chars(view.text(), min) >= min)
        })
        .collect()
}

/// How many characters `text` has with its runs of whitespace as one
/// space and its ends trimmed, counting no further than `enough`.
fn written_chars(text: &str, enough: usize) -> usize {
    let mut count = 0;
    for (position, word) in text.split_whitespace().enumerate() {
        count += usize::from(position > 0) + word.chars().count();
        if count >= enough {
            break;
        }
    }
    count
}

/// `candidates` with their [`FoldKey`]s, sorted by key, then by index.
fn in_key_order<'v>(
    views: &'v [BlockView],
    candidates: impl Iterator<Item = usize>,
) -> Vec<(&'v FoldKey, usize)> {
    // Sized once for every block: the candidates are most of them, and a
    // filtered collection would grow step by step.
    let mut keyed = Vec::with_capacity(views.len());
    keyed.extend(candidates.map(|index| (views[index].folded_key(), index)));
    keyed.sort_unstable();
    keyed
}

/// The blocks among the candidates in `keyed` (in key order, see
/// [`in_key_order`]) whose comparison form is that of an earlier candidate
/// that `counts`; a block that does not count is neither a repeat nor a
/// first copy.
///
/// Blocks are grouped by [`FoldKey`] first: only blocks with the same key
/// can be equal once folded, and most blocks share their key with none.
/// Sorting keeps this linearithmic whatever the text, where a hash table
/// fed with chosen text could be made slow. Inside a small group, a block
/// is compared with the first copies before it: word for word first (most
/// repeats are exact copies, which need no folding), then folded, as far
/// as it takes to tell. A large group (blocks that share their ends but
/// not their middles, such as numbered entries of a list) is settled by
/// the blocks' whole folded forms instead, so that the comparisons do
/// not grow with the square of its size.
fn repeated_among(
    views: &[BlockView],
    keyed: &[(&FoldKey, usize)],
    counts: impl Fn(&BlockView) -> bool,
) -> Vec<usize> {
    /// The most first copies a block is compared with one by one.
    const FEW_FIRSTS: usize = 8;
    let mut repeated = Vec::new();
    let mut firsts: Vec<&BlockView> = Vec::new();
    for group in keyed.chunk_by(|(one, _), (other, _)| one == other) {
        if group.len() < 2 {
            continue;
        }
        if group.len() > FEW_FIRSTS {
            // A block that counts is a repeat when an earlier one that
            // counts has its folded form; one that does not count is
            // neither (nor can it have a first copy's text, which counts).
            let mut seen: HashSet<&str> = HashSet::with_capacity(group.len());
            for &(_, index) in group {
                let view = &views[index];
                if counts(view) && !seen.insert(view.folded()) {
                    repeated.push(index);
                }
            }
            continue;
        }
        firsts.clear();
        for (position, &(_, index)) in group.iter().enumerate() {
            let view = &views[index];
            // A copy of a first copy's text counts as that first copy does.
            if firsts.iter().any(|first| first.text() == view.text()) {
                repeated.push(index);
            } else if position + 1 == group.len() {
                // The last block is no first copy of another: it only needs
                // telling whether it repeats one, the comparison first, as
                // most blocks that share a key differ.
                if firsts.iter().any(|first| fold_alike(first, view)) && counts(view) {
                    repeated.push(index);
                }
            } else if !counts(view) {
                continue;
            } else if firsts.iter().any(|first| fold_alike(first, view)) {
                repeated.push(index);
            } else {
                firsts.push(view);
            }
        }
    }
    repeated.sort_unstable();
    repeated
}

/// Whether the comparison form of `view` has at least `min_chars`
/// characters (and so as many bytes). Every printable ASCII character and
/// every simple letter gives one character of its own, so text with
/// enough of them needs no folding. Otherwise a prefix of `4 * min_chars`
/// bytes holds enough characters, so no more than that is folded.
fn long_enough(view: &BlockView, min_chars: usize) -> bool {
    if let Some(folded) = view.folded_if_known() {
        return folded.chars().count() >= min_chars;
    }
    if letter_count(view.text(), min_chars) >= min_chars {
        return true;
    }
    let limit = min_chars.saturating_mul(4);
    let start = fold_until(view.text(), limit);
    start.len() >= limit || start.chars().count() >= min_chars
}

/// Whether `view` is surely not [`long_enough`], told without folding:
/// an ASCII text folds to at most as many characters as it has bytes (it
/// has nothing for NFKC to expand, and folding only drops or merges
/// whitespace). Short labels, bylines and datelines are such texts.
fn surely_short(view: &BlockView, min_chars: usize) -> bool {
    view.text().len() < min_chars && view.text().is_ascii()
}

/// How many printable ASCII characters (not spaces) and simple letters
/// (see [`SimpleLetter`]) `text` holds, counting no further than `enough`.
/// Each is stable: it starts a character of the comparison form that
/// nothing before takes in, and folds to something visible.
fn letter_count(text: &str, enough: usize) -> usize {
    let bytes = text.as_bytes();
    let two_byte_folds = two_byte_folds();
    let mut count = 0;
    let mut index = 0;
    while index < bytes.len() && count < enough {
        let byte = bytes[index];
        // The simple letters of [`simple_letter_at`], told without
        // looking up their folds.
        let letter_len = match byte {
            0x00..=0x7F => {
                count += usize::from(byte.is_ascii_graphic());
                index += 1;
                continue;
            }
            0xC2..=0xDF => {
                let code = code_point_at(bytes, index, byte).0 as usize;
                let packed = two_byte_folds.get(code - 0x80).copied().unwrap_or_default();
                if packed[3] != 0 {
                    2
                } else {
                    0
                }
            }
            0xE0..=0xEF if is_simple_three_byte_letter(code_point_at(bytes, index, byte).0) => 3,
            _ => 0,
        };
        if letter_len == 0 {
            index += 1;
        } else {
            count += 1;
            index += letter_len;
        }
    }
    count
}

/// Whether two blocks have the same comparison form. A form already
/// worked out is not folded again.
pub fn fold_alike(one: &BlockView, other: &BlockView) -> bool {
    match (one.folded_if_known(), other.folded_if_known()) {
        (Some(one), Some(other)) => one == other,
        (Some(folded), None) => folds_to(other.text(), folded),
        (None, Some(folded)) => folds_to(one.text(), folded),
        (None, None) => folds_alike(one.text(), other.text()),
    }
}

/// Whether `one` and `other` have the same comparison form ([`fold`]),
/// folding both a prefix at a time, each twice as long as the last, until
/// they differ or both end: texts that share their ends but not their
/// middle usually differ in their first sentences.
pub fn folds_alike(one: &str, other: &str) -> bool {
    if one == other {
        return true;
    }
    if fold_differs_where_texts_part(one, other) {
        return false;
    }
    let mut one = PrefixFold::new(one, 4 * KEY_BYTES);
    let mut other = PrefixFold::new(other, 4 * KEY_BYTES);
    // The output before `checked` is known to be the same.
    let mut checked = 0;
    let mut limit = 4 * KEY_BYTES;
    loop {
        one.extend(limit);
        other.extend(limit);
        let (one_folded, other_folded) = (one.folded().as_bytes(), other.folded().as_bytes());
        let shared = one_folded.len().min(other_folded.len());
        if one_folded[checked..shared] != other_folded[checked..shared] {
            return false;
        }
        checked = shared;
        // A whole form is equal to another only if that one ends with it.
        match (one.is_whole(), other.is_whole()) {
            (true, true) => return one_folded.len() == other_folded.len(),
            (true, false) if other_folded.len() > one_folded.len() => return false,
            (false, true) if one_folded.len() > other_folded.len() => return false,
            _ => {}
        }
        limit = limit.saturating_mul(2);
    }
}

/// Whether the comparison forms of `one` and `other` surely differ, told
/// from the first character where the texts differ, without folding:
/// texts that share their ends but not their middles mostly part at a
/// letter of a word, a quote mark or a space between sentences.
///
/// The texts are the same up to that character, so it starts at the same
/// byte in both. Stable characters (see [`is_stable`]) cut a text into
/// pieces that normalize on their own, so when the fold writes the
/// character (or the space) from there on alone in each text, as
/// [`first_written_alone`] tells, the fold of the shared start leaves the
/// same output in the same state (the output so far and whether a space
/// is pending) in both, and each form goes on with the first character
/// written from there. When those differ, so do the forms. Anything else
/// (a mark, two letters that fold alike) is left to the fold.
fn fold_differs_where_texts_part(one: &str, other: &str) -> bool {
    let (one_bytes, other_bytes) = (one.as_bytes(), other.as_bytes());
    let Some(parting) = one_bytes
        .iter()
        .zip(other_bytes)
        .position(|(one, other)| one != other)
    else {
        return false;
    };
    // Back to the start of the character: the bytes before are the same
    // in both texts, lead byte included.
    let mut start = parting;
    while start > 0 && one_bytes[start] & 0xC0 == 0x80 {
        start -= 1;
    }
    match (
        first_written_alone(one, start),
        first_written_alone(other, start),
    ) {
        (Some(one), Some(other)) => one != other,
        _ => false,
    }
}

/// The first character the fold writes for the text from byte `index`
/// on, when it is one of these, which the fold writes whatever comes
/// after, in the same way in any text with the same start:
///
/// - a visible character that the fold writes alone ([`written_alone`]);
///   the space pending before it, if any, comes from the start;
/// - a single space between two such characters: the one before leaves
///   no space pending and some output, so the space is written, then
///   the character after.
fn first_written_alone(text: &str, index: usize) -> Option<char> {
    if text.as_bytes().get(index) != Some(&b' ') {
        return written_alone(text, index);
    }
    let mut before = index.checked_sub(1)?;
    while !text.is_char_boundary(before) {
        before -= 1;
    }
    written_alone(text, before)?;
    written_alone(text, index + 1)?;
    Some(' ')
}

/// The first character the fold writes for the character at byte
/// `index` of `text`, when that character is stable and visible (not
/// whitespace or an invisible character) and NFKC combines it with
/// nothing after it: the character after it is stable too (or the text
/// ends there), or it is a Thai letter or a CJK ideograph, which nothing
/// composes with (see [`composes_with_nothing_after`]). It is then its
/// own piece, or leads a piece that NFKC gives back starting with it.
fn written_alone(text: &str, index: usize) -> Option<char> {
    let bytes = text.as_bytes();
    let c = char_at(text, index)?;
    if !is_stable(c) || !pushes_after_space(c) {
        return None;
    }
    let next = index + c.len_utf8();
    let next_is_stable = match bytes.get(next) {
        None => true,
        Some(byte) if byte.is_ascii() => true,
        Some(_) => char_at(text, next).is_some_and(is_stable),
    };
    if !next_is_stable && !composes_with_nothing_after(c) {
        return None;
    }
    Some(first_folded_char(c))
}

/// The first character [`Folder::push`] writes for a character that is
/// neither whitespace nor invisible. A unit test checks every character.
fn first_folded_char(c: char) -> char {
    match c {
        '`' => '\'',
        other => {
            folded_quote(other).unwrap_or_else(|| other.to_lowercase().next().unwrap_or(other))
        }
    }
}

/// The straight quote the fold writes for a quote mark or prime other
/// than ASCII ones.
fn folded_quote(c: char) -> Option<char> {
    match c {
        '‘' | '’' | '‚' | '‛' | '′' | '´' => Some('\''),
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => Some('"'),
        _ => None,
    }
}

/// Whether no canonical composition starts with `c`: Thai letters and
/// CJK ideographs never decompose and never take a mark into a
/// precomposed character, so NFKC gives back a piece led by one with that
/// character first. A unit test checks this against the Unicode tables.
fn composes_with_nothing_after(c: char) -> bool {
    matches!(c as u32, 0xE01..=0xE5B | 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// [`repeats`] of one document, worked out once for the comment and
/// boilerplate filters, which both ask.
///
/// The answer is worked out with the decisions of the first call. It
/// stays right later as long as the blocks dropped in between are a tail
/// of the document and only kept blocks are asked about: whether a block
/// is a repeat depends only on it and on the kept blocks before it. The
/// comment filter, which runs first, drops only a tail (a comment section
/// runs to the end).
#[derive(Debug)]
pub struct SharedRepeats {
    repeat_min_chars: Option<usize>,
    repeated: OnceCell<Vec<bool>>,
    /// The candidates of [`repeats`] in key order (see [`in_key_order`]).
    key_order: OnceCell<Vec<usize>>,
}

impl SharedRepeats {
    /// `repeat_min_chars` as for [`repeats`].
    pub fn new(repeat_min_chars: Option<usize>) -> SharedRepeats {
        SharedRepeats {
            repeat_min_chars,
            repeated: OnceCell::new(),
            key_order: OnceCell::new(),
        }
    }

    /// For each block, whether it repeats an earlier kept block.
    pub fn get(&self, views: &[BlockView], decisions: &Decisions) -> &[bool] {
        self.repeated.get_or_init(|| {
            let (repeated, keyed) = repeats_keyed(views, self.repeat_min_chars, decisions);
            let order = keyed.into_iter().map(|(_, index)| index).collect();
            // Set once, together with `repeated`.
            let _ = self.key_order.set(order);
            repeated
        })
    }

    /// The candidates of [`repeats`] in key order, when it ran and took
    /// in every block the paragraph filter with `min_chars` may count:
    /// every kept block that is prose, or no verse and not
    /// [`surely_short`], as with the paragraph filter on with the same
    /// shortest repeat.
    fn key_order(&self, min_chars: usize) -> Option<&[usize]> {
        if self.repeat_min_chars != Some(min_chars) {
            return None;
        }
        self.key_order.get().map(Vec::as_slice)
    }
}

/// Several short lines: a stanza of a poem or song, which repeats by
/// nature (a chorus). Longer lines are verse when a sentence runs on
/// across them.
pub(crate) fn is_verse(view: &BlockView) -> bool {
    let count = view.lines.len();
    let longest = view
        .lines
        .iter()
        .map(|line| line.chars().count())
        .max()
        .unwrap_or(0);
    count >= 2
        && !is_list(&view.lines)
        && ((longest <= 80 && view.chars / count <= 60)
            || (longest <= RUN_ON_VERSE_MAX_CHARS && runs_on_across_lines(&view.lines)))
}

/// Whether lines are a list, not verse: under a line that ends in a colon
/// (`The first routes are:`), or their items marked (`1.`, `2)`, `-`,
/// `•`) in half the lines or more.
fn is_list<Line: AsRef<str>>(lines: &[Line]) -> bool {
    let marked = |line: &str| {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')))
            || line.starts_with(['-', '•', '*', '–', '·'])
    };
    lines
        .first()
        .is_some_and(|first| first.as_ref().trim_end().ends_with(':'))
        || 2 * lines.iter().filter(|line| marked(line.as_ref())).count() >= lines.len()
}

/// The longest line of verse told by its sentences running on.
const RUN_ON_VERSE_MAX_CHARS: usize = 120;

/// Whether each line goes on in the next, which opens in small letters
/// (`we’re the pride of the town,` / `we’ll sing on the terrace`): lines
/// of verse, not a list of items or sentences.
fn runs_on_across_lines<Line: AsRef<str>>(lines: &[Line]) -> bool {
    lines.windows(2).all(|pair| {
        let (line, next) = (pair[0].as_ref().trim_end(), pair[1].as_ref());
        !super::shape::ends_with_terminal(line)
            && !line.ends_with(':')
            && next.chars().next().is_some_and(char::is_lowercase)
    })
}

/// The comparison form of a text: Unicode compatibility forms unified
/// (NFKC), lower case, every quote mark made straight, invisible characters
/// dropped and whitespace folded to single spaces.
///
/// NFKC is only worked out where it can change something: the text is cut
/// before every *stable* character (one that normalization leaves alone
/// and that never combines with what precedes it), each piece normalizes
/// on its own, and a piece of stable characters alone is already normal.
pub fn fold(text: &str) -> String {
    fold_until(text, usize::MAX)
}

/// How many bytes of each end of a text's comparison form its [`FoldKey`]
/// holds. Few: working out a key folds its ends, which costs more than
/// comparing the few more blocks that share a short key: on the corpus,
/// keys of 4 bytes cost 150 million instructions less than keys of 16
/// and 27 million less than keys of 8, and on 2,000 articles less than
/// any length from 2 to 12.
const KEY_BYTES: usize = 4;

/// The first and the last bytes of a text's comparison form ([`fold`]).
/// Texts whose comparison forms are equal have equal keys, and the keys of
/// different paragraphs mostly differ (both ends: generated and agency
/// text often starts or ends sentences alike), so only texts that share a
/// key with another need comparing, and most of those differ within
/// their first words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoldKey {
    start: [u8; KEY_BYTES],
    end: [u8; KEY_BYTES],
    /// How many bytes of `start` and `end` are used.
    len: usize,
}

/// Keys order by their start, then their end, then their length: blocks
/// are sorted by key, and compared as one number each, keys compare in a
/// step where their fields, compared one by one, took several.
impl Ord for FoldKey {
    fn cmp(&self, other: &FoldKey) -> std::cmp::Ordering {
        self.as_number().cmp(&other.as_number())
    }
}

impl PartialOrd for FoldKey {
    fn partial_cmp(&self, other: &FoldKey) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl FoldKey {
    /// The key as one number, which orders keys as [`FoldKey::cmp`] does.
    #[inline(always)]
    fn as_number(&self) -> u128 {
        const { assert!(2 * KEY_BYTES <= 8) };
        let mut bytes = [0; 16];
        bytes[..KEY_BYTES].copy_from_slice(&self.start);
        bytes[KEY_BYTES..2 * KEY_BYTES].copy_from_slice(&self.end);
        bytes[8..].copy_from_slice(&(self.len as u64).to_be_bytes());
        u128::from_be_bytes(bytes)
    }

    /// The key of a text whose comparison form is `folded`.
    pub fn of_folded(folded: &str) -> FoldKey {
        FoldKey::of_end_bytes(folded.as_bytes(), folded.as_bytes())
    }

    /// The key of a text whose comparison form is `folded`, given as bytes.
    fn of_folded_bytes(folded: &[u8]) -> FoldKey {
        FoldKey::of_end_bytes(folded, folded)
    }

    /// The key from a prefix and a suffix of the comparison form, each at
    /// least [`KEY_BYTES`] long or the whole form.
    fn of_end_bytes(prefix: &[u8], suffix: &[u8]) -> FoldKey {
        let len = prefix.len().min(suffix.len()).min(KEY_BYTES);
        let mut key = FoldKey {
            start: [0; KEY_BYTES],
            end: [0; KEY_BYTES],
            len,
        };
        key.start[..len].copy_from_slice(&prefix[..len]);
        key.end[..len].copy_from_slice(&suffix[suffix.len() - len..]);
        key
    }

    /// Whether a text with this key may be a `<title>` form of a text with
    /// the key `base` (the comparison form of `base`, a separator that
    /// folds to something visible, and more, or the same the other way
    /// round): its comparison form then starts or ends with the base's.
    /// Texts whose forms share no end are never such forms.
    pub fn may_hold_at_an_end(&self, base: &FoldKey) -> bool {
        // Most keys are whole, and whole ends compare as words, where ends
        // of any length take a call to compare.
        if self.len == KEY_BYTES && base.len == KEY_BYTES {
            return self.start == base.start || self.end == base.end;
        }
        let len = base.len;
        self.len >= len
            && (self.start[..len] == base.start[..len]
                || self.end[self.len - len..self.len] == base.end[..len])
    }
}

/// The [`FoldKey`] of `text`, folding only as much of it as the key needs:
/// its start, and a tail cut before a stable character (whose fold is a
/// suffix of the whole fold). Ends in plain ASCII, as in most text, fold
/// byte for byte ([`folds_bytewise`]) and need no folding at all.
pub fn fold_key(text: &str) -> FoldKey {
    let bytes = text.as_bytes();
    if text.len() <= 4 * KEY_BYTES {
        if folds_bytewise(bytes) {
            let mut key = FoldKey::of_end_bytes(bytes, bytes);
            key.fold_plain_ascii(true, true);
            return key;
        }
        if let Some(folded) = SimpleFold::of(text, 0, usize::MAX) {
            return FoldKey::of_folded_bytes(folded.bytes());
        }
        return fold_for_key(text, usize::MAX, FoldKey::of_folded);
    }
    // The start folds byte for byte when the byte after it is plain ASCII
    // too: nothing after an ASCII character changes the fold before it,
    // and a space ending the start is written before that byte.
    let head = &bytes[..=KEY_BYTES];
    let plain_start = folds_bytewise(&head[..KEY_BYTES - 1])
        && is_plain_ascii(head[KEY_BYTES - 1])
        && is_plain_ascii(head[KEY_BYTES])
        && !head[KEY_BYTES - 2..].windows(2).any(|pair| pair == b"  ");
    // The end folds byte for byte from a space too when the character
    // before it does: the space is written before the character after it.
    let last = bytes.len() - KEY_BYTES;
    let plain_end =
        folds_bytewise(&bytes[last..]) || bytes[last] == b' ' && folds_bytewise(&bytes[last - 1..]);
    if plain_start && plain_end {
        let mut key = FoldKey::of_end_bytes(bytes, bytes);
        key.fold_plain_ascii(true, true);
        return key;
    }
    let (simple_start, folded_start);
    let start = if plain_start {
        &bytes[..KEY_BYTES]
    } else if let Some(simple) = SimpleFold::of(text, 0, KEY_BYTES) {
        simple_start = simple;
        simple_start.bytes()
    } else {
        folded_start = fold_for_key(text, KEY_BYTES, KeyEnd::first);
        folded_start.bytes()
    };
    if plain_end {
        let mut key = FoldKey::of_end_bytes(start, &bytes[bytes.len() - KEY_BYTES..]);
        key.fold_plain_ascii(plain_start, true);
        return key;
    }
    // Curly quotes fold to fewer bytes: a tail too short is read again
    // from further back before the end is folded.
    let end = simple_end(text, KEY_BYTES).or_else(|| simple_end(text, 2 * KEY_BYTES));
    let mut key = match end {
        Some(end) => FoldKey::of_end_bytes(start, end.bytes()),
        None => FoldKey::of_end_bytes(start, folded_end(text).bytes()),
    };
    key.fold_plain_ascii(plain_start, false);
    key
}

/// The fold of the tail of `text` from about `back` bytes before its
/// end, when [`SimpleFold::of`] reads it and it holds at least
/// [`KEY_BYTES`] bytes: a suffix of the whole fold. The tail starts at a
/// character, and not at a Thai mark, which goes with the letter before
/// it, nor at a space, which the fold writes only after a character.
fn simple_end(text: &str, back: usize) -> Option<SimpleFold> {
    let bytes = text.as_bytes();
    let mut tail = bytes.len().saturating_sub(back);
    while tail > 0
        && (!text.is_char_boundary(tail)
            || bytes[tail] == b' '
            || thai_mark_class(bytes.get(tail..tail + 3).unwrap_or_default()) != 0)
    {
        tail -= 1;
    }
    SimpleFold::of(text, tail, usize::MAX).filter(|end| end.len >= KEY_BYTES)
}

/// The comparison form ([`fold`]) of a stretch of text whose every
/// character the fold writes as it is looked up, with nothing to
/// normalize: printable ASCII, simple letters (see [`SimpleLetter`]), and
/// single spaces between them. Most keys of Greek, Cyrillic, Thai and CJK
/// text, and of Latin text with accents, are read from such stretches.
struct SimpleFold {
    /// The fold in its first `len` bytes, with room for a packed
    /// two-byte fold written past the capacity (see
    /// [`SimpleFold::push_two_byte_fold`]).
    bytes: [u8; SimpleFold::CAPACITY + 3],
    len: usize,
}

impl SimpleFold {
    /// Room for the fold of a short text ([`fold_key`] folds those
    /// whole): a letter's fold is at most half as long again as it is.
    const CAPACITY: usize = 6 * KEY_BYTES + 4;

    /// The fold of `text` from byte `from` on, up to where it holds at
    /// least `limit` bytes or the text ends, when that stretch is simple
    /// as described above, starts with a stable character that is not a
    /// space, and is followed by a stable character or the end. Such a
    /// stretch is its own run of pieces, none changed by NFKC, so its fold
    /// is a suffix of the fold of the text up to its end; and when `from`
    /// is 0, it is a prefix of the fold of the whole text (a space is
    /// written only before a letter that follows it).
    fn of(text: &str, from: usize, limit: usize) -> Option<SimpleFold> {
        let bytes = text.as_bytes();
        let two_byte_letters = two_byte_letters();
        let two_byte_folds = two_byte_folds();
        let mut folded = SimpleFold {
            bytes: [0; SimpleFold::CAPACITY + 3],
            len: 0,
        };
        let mut index = from;
        while index < bytes.len() && folded.len < limit {
            let byte = bytes[index];
            index = match byte {
                b' ' => {
                    if index == from || !starts_simple_unit(bytes, index + 1, two_byte_letters) {
                        return None;
                    }
                    folded.push_byte(b' ')?;
                    index + 1
                }
                // Runs of visible ASCII and of two-byte letters are folded
                // in loops of their own, character by character as here.
                // An ASCII run goes on across a single space before more
                // visible ASCII, which the space branch above would write
                // as it is: inside a run the space is not at `from`.
                b'!'..=b'~' => {
                    let stop = bytes.len().min(index.saturating_add(limit - folded.len));
                    let mut end = index;
                    while end < stop {
                        let byte = bytes[end];
                        let visible = matches!(byte, b'!'..=b'~');
                        let space_in_words =
                            byte == b' ' && matches!(bytes.get(end + 1), Some(b'!'..=b'~'));
                        if !(visible || space_in_words) {
                            break;
                        }
                        folded.push_byte(PLAIN_BYTE_FOLDS[usize::from(byte)])?;
                        end += 1;
                    }
                    end
                }
                0xC2..=0xDF => {
                    let mut end = index;
                    while let Some(&lead @ 0xC2..=0xDF) = bytes.get(end) {
                        if folded.len >= limit {
                            break;
                        }
                        let code = code_point_at(bytes, end, lead).0 as usize;
                        folded.push_two_byte_fold(*two_byte_folds.get(code - 0x80)?)?;
                        end += 2;
                    }
                    end
                }
                0xE0..=0xEF => folded.push_three_byte(text, index, from)?,
                _ => return None,
            };
        }
        let next_is_stable = match bytes.get(index) {
            None => true,
            Some(byte) if byte.is_ascii() => true,
            Some(_) => char_at(text, index).is_some_and(is_stable),
        };
        next_is_stable.then_some(folded)
    }

    /// Folds the three-byte character at byte `index` of `bytes` and
    /// returns where the next one starts: a simple letter, which is its
    /// own fold, with the Thai marks after it when they are in canonical
    /// order (NFKC leaves such a piece alone); a curly quote mark, stable
    /// and folded to ASCII; or, after a stable character and before
    /// another, a fullwidth form of ASCII, whose piece NFKC turns into the
    /// ASCII character (see [`ascii_form`]). Every character taken in
    /// from `from` on is stable but the Thai marks.
    fn push_three_byte(&mut self, text: &str, index: usize, from: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        let code = code_point_at(bytes, index, bytes[index]).0;
        if is_simple_three_byte_letter(code) {
            self.push_three(bytes.get(index..index + 3)?)?;
            let mut end = index + 3;
            let mut last_class = 0;
            loop {
                let mark = bytes.get(end..end + 3).unwrap_or_default();
                let class = thai_mark_class(mark);
                if class == 0 {
                    return Some(end);
                }
                // A mark out of order is left to the fold.
                if class < last_class {
                    return None;
                }
                last_class = class;
                self.push_three(mark)?;
                end += 3;
            }
        }
        if let Some(ascii) = quote_fold(code) {
            self.push_byte(ascii)?;
            return Some(index + 3);
        }
        if !(0xFF01..=0xFF5E).contains(&code) {
            return None;
        }
        let before = index
            .checked_sub(3)
            .and_then(|start| bytes.get(start..index));
        let after_stable = index > from && thai_mark_class(before.unwrap_or_default()) == 0;
        let next = index + 3;
        let next_is_stable = next == bytes.len() || char_at(text, next).is_some_and(is_stable);
        if !after_stable || !next_is_stable {
            return None;
        }
        self.push_byte(fold_plain_byte((code - 0xFEE0) as u8))?;
        Some(next)
    }

    /// Appends the fold of a two-byte letter packed as
    /// [`two_byte_folds`] gives it; `None` for a character that is no
    /// simple letter, or when there is no room. The four packed bytes are
    /// written at once, the room after the capacity taking the last ones.
    fn push_two_byte_fold(&mut self, packed: [u8; 4]) -> Option<()> {
        let len = usize::from(packed[3]);
        if len == 0 || self.len + len > SimpleFold::CAPACITY {
            return None;
        }
        self.bytes[self.len..self.len + 4].copy_from_slice(&packed);
        self.len += len;
        Some(())
    }

    /// Appends three bytes, or `None` when there is no room.
    fn push_three(&mut self, three: &[u8]) -> Option<()> {
        if self.len + 3 > SimpleFold::CAPACITY {
            return None;
        }
        self.bytes[self.len..self.len + 3].copy_from_slice(three);
        self.len += 3;
        Some(())
    }

    fn push_byte(&mut self, byte: u8) -> Option<()> {
        if self.len >= SimpleFold::CAPACITY {
            return None;
        }
        self.bytes[self.len] = byte;
        self.len += 1;
        Some(())
    }

    fn bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// Whether a visible stable character that [`SimpleFold::of`] folds
/// starts at byte `index` of valid UTF-8 `bytes`: printable ASCII (not a
/// space), a simple letter (see [`SimpleLetter`]) or a curly quote mark.
fn starts_simple_unit(bytes: &[u8], index: usize, two_byte_letters: &[String]) -> bool {
    let Some(&byte) = bytes.get(index) else {
        return false;
    };
    match byte {
        b'!'..=b'~' => true,
        0xC2..=0xDF => {
            let code = code_point_at(bytes, index, byte).0 as usize;
            two_byte_letters
                .get(code - 0x80)
                .is_some_and(|letter| !letter.is_empty())
        }
        0xE0..=0xEF => {
            let code = code_point_at(bytes, index, byte).0;
            is_simple_three_byte_letter(code) || quote_fold(code).is_some()
        }
        _ => false,
    }
}

/// What the fold writes for a curly quote mark or prime that NFKC leaves
/// alone and nothing combines with (a stable character): `'` or `"`. A
/// unit test checks each against [`Folder::push`].
fn quote_fold(code: u32) -> Option<u8> {
    // The three-byte ones but `″`, which NFKC makes two primes.
    if !matches!(code, 0x2018..=0x201F | 0x2032) {
        return None;
    }
    char::from_u32(code)
        .and_then(folded_quote)
        .map(|quote| quote as u8)
}

/// The last [`KEY_BYTES`] bytes of the comparison form of `text` (or the
/// whole form, if shorter), from the fold of a tail cut before a stable
/// character, taken longer until its fold is long enough: the fold of such
/// a tail is a suffix of the whole fold.
fn folded_end(text: &str) -> KeyEnd {
    let mut back = 2 * KEY_BYTES;
    loop {
        let mut cut = text.len().saturating_sub(back);
        while cut > 0 && !char_at(text, cut).is_some_and(is_stable) {
            cut -= 1;
        }
        let tail = text.get(cut..).unwrap_or_default();
        let end = fold_for_key(tail, usize::MAX, KeyEnd::last);
        if end.len >= KEY_BYTES || cut == 0 {
            return end;
        }
        back = back.saturating_mul(4);
    }
}

/// Up to [`KEY_BYTES`] bytes at one end of a comparison form.
struct KeyEnd {
    bytes: [u8; KEY_BYTES],
    len: usize,
}

impl KeyEnd {
    /// `end`, at most [`KEY_BYTES`] long.
    fn of(end: &[u8]) -> KeyEnd {
        let mut bytes = [0; KEY_BYTES];
        bytes[..end.len()].copy_from_slice(end);
        KeyEnd {
            bytes,
            len: end.len(),
        }
    }

    fn first(folded: &str) -> KeyEnd {
        KeyEnd::of(&folded.as_bytes()[..folded.len().min(KEY_BYTES)])
    }

    fn last(folded: &str) -> KeyEnd {
        KeyEnd::of(&folded.as_bytes()[folded.len() - folded.len().min(KEY_BYTES)..])
    }

    fn bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

thread_local! {
    /// The output of the folds a key is read from, kept from one key to the
    /// next instead of allocated for each.
    static KEY_FOLD_OUTPUT: Cell<String> = const { Cell::new(String::new()) };
}

/// What `read` finds in [`fold_until`]`(text, limit)`, folded into the
/// thread's [`KEY_FOLD_OUTPUT`].
fn fold_for_key<R>(text: &str, limit: usize, read: impl FnOnce(&str) -> R) -> R {
    /// A larger buffer (from a long block) is given back to the allocator.
    const KEEP_CAPACITY: usize = 4096;
    let mut out = KEY_FOLD_OUTPUT.take();
    out.clear();
    let mut prefix = PrefixFold::with_output(text, out);
    prefix.extend(limit);
    let found = read(prefix.folded());
    let out = prefix.folder.out;
    if out.capacity() <= KEEP_CAPACITY {
        KEY_FOLD_OUTPUT.set(out);
    }
    found
}

impl FoldKey {
    /// Folds the ends of the key taken from plain ASCII text
    /// ([`folds_bytewise`]) in place.
    fn fold_plain_ascii(&mut self, start: bool, end: bool) {
        let fold_byte = |byte: &mut u8| *byte = fold_plain_byte(*byte);
        if start {
            self.start.iter_mut().for_each(fold_byte);
        }
        if end {
            self.end.iter_mut().for_each(fold_byte);
        }
    }
}

/// [`fold_plain_byte`] of every byte, for loops that fold byte by byte
/// (a load instead of the case test).
const PLAIN_BYTE_FOLDS: [u8; 256] = {
    let mut folds = [0; 256];
    let mut byte = 0;
    while byte < 256 {
        folds[byte] = fold_plain_byte(byte as u8);
        byte += 1;
    }
    folds
};

/// What a byte of text that [`folds_bytewise`] folds to.
const fn fold_plain_byte(byte: u8) -> u8 {
    match byte {
        b'`' => b'\'',
        other => other.to_ascii_lowercase(),
    }
}

/// Printable ASCII or a space.
fn is_plain_ascii(byte: u8) -> bool {
    matches!(byte, b' '..=b'~')
}

/// Whether `bytes`, wherever they stand in a text, fold to themselves in
/// lower case with `` ` `` straightened, byte for byte: printable ASCII
/// and single spaces between other characters. No whitespace is folded
/// or trimmed there, nothing composes with ASCII under NFKC, and no
/// character before them composes with an ASCII one.
fn folds_bytewise(bytes: &[u8]) -> bool {
    bytes.first().is_some_and(|&first| first != b' ')
        && bytes.last().is_some_and(|&last| last != b' ')
        && bytes.iter().all(|&byte| is_plain_ascii(byte))
        && !bytes.windows(2).any(|pair| pair == b"  ")
}

/// Whether `text` folds to `folded`, folding no more of `text` than it
/// takes to tell: most texts differ from `folded` in their first words.
pub fn folds_to(text: &str, folded: &str) -> bool {
    if folds_bytewise(text.as_bytes()) {
        // Most headlines: the fold is the text in lower case, `` ` ``
        // straightened.
        return text.len() == folded.len()
            && text
                .bytes()
                .zip(folded.bytes())
                .all(|(byte, folded)| fold_plain_byte(byte) == folded);
    }
    let mut prefix = PrefixFold::new(text, folded.len().saturating_add(KEY_BYTES));
    prefix.extend(KEY_BYTES);
    if !folded.starts_with(prefix.folded()) {
        return false;
    }
    // Goes on where the first words stopped; a whole fold stays as it is.
    prefix.extend(folded.len() + 1);
    prefix.folded() == folded
}

/// [`fold`], stopping once the output holds at least `limit` bytes: what
/// it returns then is a prefix of the whole comparison form, because it
/// stops only before a stable character, after which nothing written is
/// taken back.
fn fold_until(text: &str, limit: usize) -> String {
    let mut prefix = PrefixFold::new(text, limit.saturating_add(KEY_BYTES));
    prefix.extend(limit);
    prefix.folder.out
}

/// A comparison form ([`fold`]) worked out a prefix at a time: each
/// [`PrefixFold::extend`] goes on where the last one stopped.
struct PrefixFold<'t> {
    text: &'t str,
    /// Where folding stopped in `text`.
    index: usize,
    /// The last non-ASCII stable character: where it starts in `text`,
    /// and the output before it.
    head: (usize, usize, bool),
    folder: Folder,
}

impl<'t> PrefixFold<'t> {
    /// Nothing folded yet; room for `capacity` bytes of output, or the
    /// whole text's length if less.
    fn new(text: &'t str, capacity: usize) -> PrefixFold<'t> {
        PrefixFold::with_output(text, String::with_capacity(text.len().min(capacity)))
    }

    /// Nothing folded yet, the output to go to the end of `out`, which
    /// must be empty.
    fn with_output(text: &'t str, out: String) -> PrefixFold<'t> {
        PrefixFold {
            text,
            index: 0,
            head: (0, 0, false),
            folder: Folder {
                out,
                pending_space: false,
            },
        }
    }

    /// The output so far: a prefix of the comparison form.
    fn folded(&self) -> &str {
        &self.folder.out
    }

    /// Whether the whole text is folded.
    fn is_whole(&self) -> bool {
        self.index >= self.text.len()
    }

    /// Folds on until the output holds at least `limit` bytes or the text
    /// ends, as [`fold_until`] describes.
    fn extend(&mut self, limit: usize) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut index = self.index;
        let mut head = self.head;
        let two_byte_letters = two_byte_letters();
        while index < bytes.len() {
            if bytes[index].is_ascii() {
                if self.folder.out.len() >= limit {
                    break;
                }
                index = self.folder.push_ascii(text, index, limit);
                continue;
            }
            if let Some(letter) = simple_letter_at(text, index, two_byte_letters) {
                // What the stable branch below does, without decoding the
                // character and looking it up again.
                if self.folder.out.len() >= limit {
                    break;
                }
                head = (index, self.folder.out.len(), self.folder.pending_space);
                self.folder.flush_space();
                if letter.len == 2 && letter.folded.as_bytes() == &bytes[index..index + 2] {
                    index = self.push_two_byte_run(index, limit, &mut head);
                    continue;
                }
                self.folder.out.push_str(letter.folded);
                index += letter.len;
                if letter.len == 3 {
                    index = self.push_three_byte_run(index, limit, &mut head);
                }
                continue;
            }
            let Some(c) = char_at(text, index) else {
                break;
            };
            if is_stable(c) {
                if self.folder.out.len() >= limit {
                    break;
                }
                head = (index, self.folder.out.len(), self.folder.pending_space);
                self.folder.push(c);
                index += c.len_utf8();
                continue;
            }
            // A piece: the stable character before (if any) and the unstable
            // ones from here to the next stable character.
            let mut end = index + c.len_utf8();
            while let Some(next) = char_at(text, end) {
                if is_stable(next) {
                    break;
                }
                end += next.len_utf8();
            }
            let rest = text.get(index..end).unwrap_or_default();
            if is_thai_marks_in_order(rest.as_bytes()) {
                // What the normal piece below writes, without the tables: NFKC
                // leaves the marks alone and they fold to themselves.
                self.folder.flush_space();
                self.folder.out.push_str(rest);
                index = end;
                continue;
            }
            if let Some((ascii, count)) = ascii_form(rest) {
                // What normalizing the piece whole writes: the stable character
                // again, unchanged, then the ASCII form, which composes with
                // nothing.
                (0..count).for_each(|_| self.folder.push(ascii));
                index = end;
                continue;
            }
            let start = match index.checked_sub(1) {
                None => index,
                Some(previous) if bytes[previous].is_ascii() => previous,
                Some(_) => head.0,
            };
            let piece = text.get(start..end).unwrap_or_default();
            if is_nfkc_quick(piece.chars()) == IsNormalized::Yes {
                // Already normal: the stable character stays as pushed.
                rest.chars().for_each(|c| self.folder.push(c));
            } else {
                // The stable character may compose with what follows: its
                // output is taken back and the piece normalized whole.
                if start < index {
                    if bytes[start].is_ascii() {
                        self.folder.take_back_ascii(bytes[start]);
                    } else {
                        self.folder.out.truncate(head.1);
                        self.folder.pending_space = head.2;
                    }
                }
                piece.nfkc().for_each(|c| self.folder.push(c));
            }
            index = end;
        }
        self.index = index;
        self.head = head;
    }

    /// Copies the three-byte simple letters from byte `start` on, which
    /// fold to themselves, in one piece, stopping where the output holds
    /// `limit` bytes; returns where the run ends. What the letter branch
    /// of [`PrefixFold::extend`] does letter by letter, `head` included:
    /// the space before the run is already written.
    fn push_three_byte_run(
        &mut self,
        start: usize,
        limit: usize,
        head: &mut (usize, usize, bool),
    ) -> usize {
        let bytes = self.text.as_bytes();
        let written = self.folder.out.len();
        let mut end = start;
        while written + (end - start) < limit && starts_three_byte_letter(bytes, end) {
            end += 3;
        }
        if end > start {
            *head = (end - 3, written + (end - 3 - start), false);
            self.folder.out.push_str(&self.text[start..end]);
        }
        end
    }

    /// Copies the two-byte simple letter at byte `start`, which folds to
    /// itself and is written whatever the limit (the space before it is
    /// already written), and the letters after it that fold to themselves
    /// too (lower-case Cyrillic, Greek, Hebrew, Arabic), with the single
    /// spaces between them, in one piece, stopping where the output holds
    /// `limit` bytes; returns where the run ends. What [`PrefixFold::extend`]
    /// does letter by letter and space by space, `head` included.
    fn push_two_byte_run(
        &mut self,
        start: usize,
        limit: usize,
        head: &mut (usize, usize, bool),
    ) -> usize {
        let bytes = self.text.as_bytes();
        let two_byte_letters = two_byte_letters();
        let written = self.folder.out.len();
        let mut end = start + 2;
        // The last letter copied after the first, and whether a space
        // comes before it.
        let mut last = None;
        while written + (end - start) < limit {
            let space = bytes.get(end) == Some(&b' ');
            let letter = end + usize::from(space);
            if !starts_unchanged_two_byte_letter(bytes, letter, two_byte_letters) {
                break;
            }
            last = Some((letter, space));
            end = letter + 2;
        }
        if let Some((letter, space)) = last {
            // The output before the letter, less the space written with it.
            let before = written + (letter - start) - usize::from(space);
            *head = (letter, before, space);
        }
        self.folder.out.push_str(&self.text[start..end]);
        end
    }
}

/// Whether a two-byte simple letter that folds to itself starts at byte
/// `index` of valid UTF-8 `bytes`.
fn starts_unchanged_two_byte_letter(
    bytes: &[u8],
    index: usize,
    two_byte_letters: &[String],
) -> bool {
    match bytes.get(index..index + 2) {
        Some(letter @ &[lead @ 0xC2..=0xDF, _]) => {
            let code = code_point_at(bytes, index, lead).0 as usize;
            two_byte_letters
                .get(code - 0x80)
                .is_some_and(|folded| folded.as_bytes() == letter)
        }
        _ => false,
    }
}

/// Whether a three-byte simple letter (see [`is_simple_three_byte_letter`])
/// starts at byte `index` of valid UTF-8 `bytes`.
fn starts_three_byte_letter(bytes: &[u8], index: usize) -> bool {
    match bytes.get(index) {
        Some(&lead @ 0xE0..=0xEF) => {
            is_simple_three_byte_letter(code_point_at(bytes, index, lead).0)
        }
        _ => false,
    }
}

/// Whether `bytes` are Thai vowel and tone marks below and above a
/// letter (U+0E38 to U+0E3A, U+0E48 to U+0E4B) in canonical order: their
/// combining classes never go down. Such a run after a stable character
/// is already in NFKC, as the quick check would find. A unit test checks
/// the classes against the Unicode tables.
fn is_thai_marks_in_order(bytes: &[u8]) -> bool {
    let mut last_class = 0;
    bytes.chunks(3).all(|mark| {
        let class = thai_mark_class(mark);
        let in_order = class != 0 && class >= last_class;
        last_class = class;
        in_order
    })
}

/// The canonical combining class of the Thai mark encoded by `mark`, or 0
/// for anything else.
fn thai_mark_class(mark: &[u8]) -> u8 {
    match mark {
        [0xE0, 0xB8, 0xB8 | 0xB9] => 103,
        [0xE0, 0xB8, 0xBA] => 9,
        [0xE0, 0xB9, 0x88..=0x8B] => 107,
        _ => 0,
    }
}

/// The NFKC form of `rest` when it is a single character that NFKC turns
/// into ASCII, as the ASCII character and how many times it is repeated:
/// the fullwidth forms of ASCII (`，`, `：`, `Ａ`), the ellipsis and the
/// no-break space. Nothing composes with ASCII, so after a stable
/// character and before another (or the end), this is the NFKC form of
/// the piece less the stable character. A unit test checks every
/// character.
fn ascii_form(rest: &str) -> Option<(char, usize)> {
    let mut chars = rest.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    match c {
        '\u{FF01}'..='\u{FF5E}' => Some((char::from_u32(c as u32 - 0xFEE0)?, 1)),
        '\u{2026}' => Some(('.', 3)),
        '\u{A0}' => Some((' ', 1)),
        _ => None,
    }
}

/// A character of a common script, stable (see [`is_stable`]) and written
/// by [`Folder::push`] after any pending space: a two-byte one (Latin,
/// Greek, Cyrillic, Hebrew, Arabic), whose comparison form is looked up,
/// or a three-byte one of a script without case (Devanagari, Thai, CJK,
/// Hangul), which is its own comparison form.
struct SimpleLetter<'a> {
    /// Its bytes in `text`.
    len: usize,
    /// Its comparison form.
    folded: &'a str,
}

/// The folded forms of the two-byte characters (U+0080 to U+07FF) that
/// are simple letters (see [`SimpleLetter`]), indexed by code point less
/// 0x80; empty for every other character. Worked out once from [`is_stable`] and
/// [`Folder::push`] themselves, so the fast path and the general one
/// agree.
fn two_byte_letters() -> &'static [String] {
    static LETTERS: OnceLock<Vec<String>> = OnceLock::new();
    LETTERS.get_or_init(|| {
        (0x80..0x800)
            .map(|code| {
                let Some(c) = char::from_u32(code) else {
                    return String::new();
                };
                if !is_stable(c) || !pushes_after_space(c) {
                    return String::new();
                }
                let mut folder = Folder {
                    out: String::new(),
                    pending_space: false,
                };
                folder.push(c);
                folder.out
            })
            .collect()
    })
}

/// [`two_byte_letters`] packed for [`SimpleFold`]: a letter's folded
/// bytes, then how many there are (at most three); all zero for a
/// character that is no simple letter, or whose fold is longer.
fn two_byte_folds() -> &'static [[u8; 4]] {
    static FOLDS: OnceLock<Vec<[u8; 4]>> = OnceLock::new();
    FOLDS.get_or_init(|| {
        two_byte_letters()
            .iter()
            .map(|letter| match letter.as_bytes() {
                folded @ [_, ..] if folded.len() <= 3 => {
                    let mut packed = [0; 4];
                    packed[..folded.len()].copy_from_slice(folded);
                    packed[3] = folded.len() as u8;
                    packed
                }
                _ => [0; 4],
            })
            .collect()
    })
}

/// Whether [`Folder::push`] writes something for `c` after a pending
/// space, the same whatever came before: true of everything but
/// whitespace and invisible characters.
fn pushes_after_space(c: char) -> bool {
    !c.is_whitespace() && !super::rules::is_invisible(c)
}

/// Whether the three-byte character `code` is a simple letter (see
/// [`SimpleLetter`]) that [`Folder::push`] writes unchanged: a stable
/// character of one of the blocks of scripts without case listed here. A
/// unit test checks every character.
fn is_simple_three_byte_letter(code: u32) -> bool {
    matches!(code >> 8, 0x09 | 0x0E | 0x30 | 0x34..=0xA5 | 0xAC..=0xD7)
        && char::from_u32(code).is_some_and(is_stable)
}

/// The simple letter starting at byte `index` of `text`, if one does
/// (found in `two_byte_letters`, or a three-byte one that
/// [`is_simple_three_byte_letter`] accepts).
fn simple_letter_at<'a>(
    text: &'a str,
    index: usize,
    two_byte_letters: &'a [String],
) -> Option<SimpleLetter<'a>> {
    let bytes = text.as_bytes();
    let lead = *bytes.get(index)?;
    // `text` is valid UTF-8, so a lead byte is followed by its whole
    // sequence.
    if !(0xC2..=0xEF).contains(&lead) {
        return None;
    }
    match code_point_at(bytes, index, lead) {
        (code, 2) => {
            let folded = two_byte_letters.get((code as usize).checked_sub(0x80)?)?;
            (!folded.is_empty()).then_some(SimpleLetter {
                len: 2,
                folded: folded.as_str(),
            })
        }
        (code, _) => is_simple_three_byte_letter(code).then_some(SimpleLetter {
            len: 3,
            folded: text.get(index..index + 3)?,
        }),
    }
}

/// The character starting at byte `index` of `text`, if one does.
fn char_at(text: &str, index: usize) -> Option<char> {
    text.get(index..).and_then(|rest| rest.chars().next())
}

/// The ASCII characters `char::is_whitespace` accepts.
fn is_ascii_whitespace(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// The output of [`fold`] as it is built.
struct Folder {
    out: String,
    /// Whitespace was seen since the last character pushed.
    pending_space: bool,
}

impl Folder {
    /// Folds the ASCII text of `text` from byte `start` up to the next
    /// non-ASCII character, or to a space once the output holds `limit`
    /// bytes, and returns where it stopped. Runs of words with single
    /// spaces between them come out as they are, in lower case, so they
    /// are copied whole.
    fn push_ascii(&mut self, text: &str, start: usize, limit: usize) -> usize {
        let bytes = text.as_bytes();
        let mut index = start;
        loop {
            while index < bytes.len() && is_ascii_whitespace(bytes[index]) {
                self.pending_space = true;
                index += 1;
            }
            let run_start = index;
            while index < bytes.len() {
                let byte = bytes[index];
                let single_space = byte == b' '
                    && bytes
                        .get(index + 1)
                        .is_some_and(|&next| next.is_ascii() && !is_ascii_whitespace(next));
                if !byte.is_ascii()
                    || (is_ascii_whitespace(byte) && !single_space)
                    || (single_space && self.out.len() + (index - run_start) >= limit)
                {
                    break;
                }
                index += if single_space { 2 } else { 1 };
            }
            if index > run_start {
                self.flush_space();
                self.push_ascii_words(text.get(run_start..index).unwrap_or_default());
            }
            if index >= bytes.len() || !bytes[index].is_ascii() || self.out.len() >= limit {
                return index;
            }
        }
    }

    /// Appends ASCII words with single spaces between them, folded.
    fn push_ascii_words(&mut self, words: &str) {
        let at = self.out.len();
        self.out.push_str(words);
        if let Some(written) = self.out.get_mut(at..) {
            written.make_ascii_lowercase();
        }
        // Runs are mostly a word or a comma between non-ASCII words: too
        // short for `memchr` to pay for its set-up.
        if words.as_bytes().contains(&b'`') {
            let straightened = self.out.get(at..).unwrap_or_default().replace('`', "'");
            self.out.truncate(at);
            self.out.push_str(&straightened);
        }
    }

    /// Undoes the folding of the ASCII character `byte`, the last one
    /// folded. Whitespace wrote nothing, and folding it again gives the
    /// same state. Anything else wrote one byte, after a space exactly
    /// when a space ends the output then (spaces are only ever written
    /// before a character).
    fn take_back_ascii(&mut self, byte: u8) {
        if is_ascii_whitespace(byte) {
            return;
        }
        self.out.pop();
        self.pending_space = self.out.ends_with(' ');
        if self.pending_space {
            self.out.pop();
        }
    }

    /// Adds one character of the normalized text.
    fn push(&mut self, c: char) {
        let code = c as u32;
        if c.is_ascii() {
            if is_ascii_whitespace(code as u8) {
                self.pending_space = true;
                return;
            }
            self.flush_space();
            self.out.push(match c {
                '`' => '\'',
                other => other.to_ascii_lowercase(),
            });
            return;
        }
        // Letters of the common alphabets: no whitespace, invisible
        // character or quote among them.
        if matches!(code, 0xC0..=0x24F | 0x386..=0x52F | 0xE01..=0xE5B | 0x3400..=0x9FFF) {
            self.flush_space();
            push_lowercase(&mut self.out, c);
            return;
        }
        if c.is_whitespace() {
            self.pending_space = true;
            return;
        }
        if super::rules::is_invisible(c) {
            return;
        }
        self.flush_space();
        match folded_quote(c) {
            Some(quote) => self.out.push(quote),
            None => push_lowercase(&mut self.out, c),
        }
    }

    fn flush_space(&mut self) {
        if self.pending_space {
            if !self.out.is_empty() {
                self.out.push(' ');
            }
            self.pending_space = false;
        }
    }
}

/// Whether NFKC leaves `c` alone and nothing before it can combine with
/// it or move past it (canonical combining class 0, NFKC quick check
/// `Yes`), so that a text can be normalized in pieces cut before it. Only
/// the common scripts are listed; a character left out is merely handled
/// the slow way. A unit test checks every listed character.
fn is_stable(c: char) -> bool {
    let code = c as u32;
    // One jump on the 256-character block, then the ranges inside it.
    match code >> 8 {
        0x00 => matches!(
            code,
            0x00..=0x9F | 0xA1..=0xA7 | 0xA9 | 0xAB..=0xAE | 0xB0..=0xB1 | 0xB6..=0xB7 | 0xBB | 0xBF..=0xFF
        ),
        0x01 => matches!(code, 0x100..=0x131 | 0x134..=0x13E | 0x141..=0x148 | 0x14A..=0x17E),
        0x03 => matches!(code, 0x388..=0x3CF | 0x3FA..=0x3FF),
        0x04 => !matches!(code, 0x483..=0x487),
        0x05 => matches!(code, 0x500..=0x557 | 0x5D0..=0x5EA),
        0x06 => matches!(code, 0x620..=0x64A),
        0x09 => code <= 0x93B,
        0x0E => matches!(code, 0xE01..=0xE32 | 0xE34..=0xE37 | 0xE3F..=0xE47 | 0xE4C..=0xE5B),
        0x20 => matches!(
            code,
            0x2010 | 0x2012..=0x2016 | 0x2018..=0x2023 | 0x2027..=0x202E | 0x2030..=0x2032
                | 0x20A0..=0x20A7 | 0x20A9..=0x20C0
        ),
        0x21 => code >= 0x218A,
        0x22 => code <= 0x222B,
        // The ideographic full stop, comma, brackets and marks of CJK
        // text; not the ideographic space, nor the tone marks after them.
        0x30 => matches!(code, 0x3001..=0x3029),
        0x34..=0xA5 | 0xAC..=0xD6 => true,
        0xA6 => code <= 0xA66E,
        0xD7 => code <= 0xD7A3,
        _ => false,
    }
}

/// Pushes the lower case of a non-ASCII `c`, as `char::to_lowercase` gives
/// it, with the common scripts worked out without the Unicode tables. A
/// unit test compares every character with `char::to_lowercase`.
fn push_lowercase(out: &mut String, c: char) {
    let code = c as u32;
    let shifted = |by: u32| char::from_u32(code + by);
    // One jump on the 256-character block, then the ranges inside it.
    let lower = match code >> 8 {
        // Latin-1: capitals are 0x20 below their small letters.
        0x00 => match code {
            0xC0..=0xDE if code != 0xD7 => shifted(0x20),
            _ => Some(c),
        },
        // Latin Extended-A: capital and small letters alternate.
        0x01 => match code {
            0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if code % 2 == 0 => shifted(1),
            0x139..=0x148 | 0x179..=0x17E if code % 2 == 1 => shifted(1),
            0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 | 0x139..=0x148 | 0x179..=0x17E => {
                Some(c)
            }
            _ => None,
        },
        0x03 => match code {
            0x391..=0x3A1 | 0x3A3..=0x3A9 => shifted(0x20),
            _ => None,
        },
        0x04 => match code {
            0x400..=0x40F => shifted(0x50),
            0x410..=0x42F => shifted(0x20),
            0x430..=0x45F => Some(c),
            _ => None,
        },
        // Letters without case: Hebrew to Myanmar, punctuation, CJK, Hangul.
        0x05 if code >= 0x557 => Some(c),
        0x06..=0x0F | 0x20 | 0x2D..=0xA5 | 0xA8..=0xD7 => Some(c),
        0x10 if code <= 0x109F => Some(c),
        0x1F if code >= 0x1FFD => Some(c),
        0x21 if code <= 0x2125 => Some(c),
        0x2C if code >= 0x2CF3 => Some(c),
        0xA6 if code <= 0xA63F => Some(c),
        0xA7 if code >= 0xA7F6 => Some(c),
        _ => None,
    };
    match lower {
        Some(lower) => out.push(lower),
        None => out.extend(c.to_lowercase()),
    }
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

    /// The straightforward form of [`fold`]: NFKC over the whole text,
    /// then one character at a time through the Unicode tables.
    fn reference_fold(text: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in text.nfkc() {
            if c.is_whitespace() {
                pending_space = true;
                continue;
            }
            if crate::filters::rules::is_invisible(c) {
                continue;
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
            out.extend(c.to_lowercase());
        }
        out
    }

    #[test]
    fn every_stable_character_is_left_alone_by_nfkc_and_starts_a_piece() {
        use unicode_normalization::char::canonical_combining_class;
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| is_stable(*c))
        {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(
                is_nfkc_quick(std::iter::once(c)),
                IsNormalized::Yes,
                "{c:?}"
            );
        }
    }

    #[test]
    fn every_two_byte_character_folds_as_the_reference_does() {
        for c in (0x80..0x800).filter_map(char::from_u32) {
            for text in [
                format!("{c}"),
                format!("A{c}{c}b"),
                format!("x {c}\u{301}y{c}\u{338}"),
                format!("\u{300}{c} \u{A0}{c}"),
            ] {
                assert_eq!(fold(&text), reference_fold(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn packed_two_byte_folds_are_the_letters_folds() {
        let letters = two_byte_letters();
        let folds = two_byte_folds();
        assert_eq!(letters.len(), folds.len());
        for (letter, packed) in letters.iter().zip(folds) {
            let len = usize::from(packed[3]);
            // Every simple two-byte letter fits: none is left to the fold.
            assert_eq!(len, letter.len(), "{letter:?}");
            assert_eq!(&packed[..len], letter.as_bytes());
            assert!(packed[len..3].iter().all(|&byte| byte == 0));
        }
    }

    #[test]
    fn every_simple_three_byte_letter_is_stable_and_folds_to_itself() {
        for c in (0x800..0x10000)
            .filter(|&code| is_simple_three_byte_letter(code))
            .filter_map(char::from_u32)
        {
            assert!(is_stable(c), "{c:?}");
            let mut folder = Folder {
                out: "x".to_string(),
                pending_space: true,
            };
            folder.push(c);
            assert_eq!(folder.out, format!("x {c}"), "{c:?}");
            let text = format!("A{c}{c} \u{A0}{c}\u{301}");
            assert_eq!(fold(&text), reference_fold(&text), "{c:?}");
        }
    }

    #[test]
    fn the_quick_lower_case_agrees_with_the_unicode_tables() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let mut quick = String::new();
            push_lowercase(&mut quick, c);
            assert_eq!(quick, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }

    #[test]
    fn thai_mark_classes_are_the_unicode_ones() {
        use unicode_normalization::char::canonical_combining_class;
        for c in ('\u{E00}'..='\u{E7F}').chain(['\u{301}', 'a', '\u{FF0C}']) {
            let mut bytes = [0; 4];
            let encoded = c.encode_utf8(&mut bytes).as_bytes();
            let class = thai_mark_class(encoded);
            if class != 0 {
                assert_eq!(class, canonical_combining_class(c), "{c:?}");
                assert_eq!(
                    is_nfkc_quick(['ก', c].into_iter()),
                    IsNormalized::Yes,
                    "{c:?}"
                );
            }
        }
        assert!(is_thai_marks_in_order("\u{E3A}\u{E38}\u{E48}".as_bytes()));
        assert!(!is_thai_marks_in_order("\u{E48}\u{E38}".as_bytes()));
        assert!(!is_thai_marks_in_order("\u{E38}\u{E33}".as_bytes()));
        assert!(!is_thai_marks_in_order("\u{E38}\u{301}".as_bytes()));
    }

    #[test]
    fn every_ascii_form_is_the_nfkc_form() {
        for c in (0x80..0x10000).filter_map(char::from_u32) {
            let text = c.to_string();
            if let Some((ascii, count)) = ascii_form(&text) {
                assert!(ascii.is_ascii(), "{c:?}");
                let expected = ascii.to_string().repeat(count);
                assert_eq!(text.nfkc().collect::<String>(), expected, "{c:?}");
            }
        }
        assert_eq!(ascii_form("\u{FF0C}"), Some((',', 1)));
        assert_eq!(ascii_form("\u{FF0C}\u{301}"), None);
    }

    #[test]
    fn pieces_that_compose_across_a_stable_character_are_normalized_whole() {
        for text in [
            "e\u{301}t\u{E9} a=\u{338}b",
            "\u{301}start with a mark",
            "\u{1100}\u{1161}\u{11A8} \u{AC00}\u{11A8}",
            "ก\u{E33}ไทย \u{FB01}ne ＡＢＣ x\u{A8}y",
            "a\u{315}\u{300}\u{5AE}\u{300}b ق\u{654}",
            "\u{130}STANBUL \u{3A3}\u{39F}\u{3A3} \u{1E9E}",
            "  Two  `Words`\there\r\n \u{A0}x  y` \u{2028}z ",
        ] {
            assert_eq!(fold(text), reference_fold(text), "{text:?}");
        }
    }

    #[test]
    fn a_key_is_the_start_of_the_comparison_form() {
        let long = "The Committee  met on Tuesday\tto discuss “the proposal” at length, and again on Friday, when the chair said the vote would wait until the spring.";
        assert_eq!(fold_key(long), FoldKey::of_folded(&fold(long)));
        assert_eq!(fold_key("Short"), FoldKey::of_folded("short"));
        // Blocks that differ only between the key's ends share it and are
        // still told apart.
        let first = format!("{PARAGRAPH} First middle part. {PARAGRAPH}");
        let second = format!("{PARAGRAPH} Second middle part. {PARAGRAPH}");
        assert_eq!(fold_key(&first), fold_key(&second));
        assert_eq!(run(&[&first, &second, &first]), [true, true, false]);
    }

    #[test]
    fn folds_to_compares_with_the_whole_fold() {
        let folded = fold(PARAGRAPH);
        assert!(folds_to(PARAGRAPH, &folded));
        assert!(folds_to(&PARAGRAPH.to_uppercase(), &folded));
        assert!(!folds_to(&format!("{PARAGRAPH} More."), &folded));
        assert!(!folds_to("The ministry said", &folded));
        assert!(!folds_to(PARAGRAPH, "the ministry said"));
        assert!(folds_to("  Short ", "short"));
        assert!(!folds_to("Short", "shorter"));
        assert!(folds_to("The `Quick` Fox", "the 'quick' fox"));
        assert!(!folds_to("The `Quick` Fox", "the 'quick' fix"));
        assert!(!folds_to("The Quick Fox", "the quick fox."));
    }

    proptest::proptest! {
        #[test]
        fn the_fold_agrees_with_the_reference(
            text in "[ a-zA-Z=<`'\t\n\u{A0}\u{A8}\u{B4}\u{C0}-\u{17F}\u{300}-\u{315}\u{338}\u{391}-\u{3A9}\u{400}-\u{48F}\u{5D0}\u{5B0}\u{627}\u{654}\u{900}-\u{94D}\u{E01}-\u{E4E}\u{1100}-\u{1112}\u{1161}-\u{1175}\u{11A8}-\u{11C2}\u{2000}-\u{2060}\u{3099}\u{304B}\u{AC00}-\u{AC10}\u{FB01}\u{FEFF}\u{FF21}-\u{FF3A}\u{85}\u{AB}\u{AD}\u{BB}\u{3000}-\u{3003}\u{300C}\u{3029}\u{302A}\u{20AC}\u{2190}\u{4E00}\u{10400}\u{1D400}]{0,40}"
        ) {
            proptest::prop_assert_eq!(fold(&text), reference_fold(&text));
        }

        #[test]
        fn the_key_agrees_with_the_whole_fold(
            text in "[ a-zA-Z`\t\u{A0}\u{C0}-\u{17F}\u{300}-\u{315}\u{410}-\u{44F}\u{E01}-\u{E4E}\u{2000}-\u{2060}\u{FB01}\u{FF21}-\u{FF3A}]{0,300}"
        ) {
            proptest::prop_assert_eq!(fold_key(&text), FoldKey::of_folded(&fold(&text)));
            let folded = fold(&text);
            proptest::prop_assert!(folds_to(&text, &folded));
            if let Some((cut, _)) = folded.char_indices().nth(40) {
                proptest::prop_assert!(!folds_to(&text, &folded[..cut]));
            }
        }
    }

    #[test]
    fn runs_of_three_byte_letters_fold_as_the_reference_does() {
        for text in [
            "日本語のテキスト",
            "日本語 テキスト、日本\u{3000}語",
            "ไทย\u{E48}ไทย ไทย\u{E33}",
            "한국어\u{1161} 한국어\u{11A8}",
            "か\u{3099}き\u{FF0C}く",
            "x日本語y\u{301}日",
        ] {
            assert_eq!(fold(text), reference_fold(text), "{text:?}");
            for limit in 0..text.len() + 2 {
                assert!(fold(text).starts_with(&fold_until(text, limit)), "{text:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn runs_of_two_byte_letters_stop_after_the_first_letter_past_the_limit(
            text in "[ А-яЁёΑ-Ωα-ωא-תا-ي]{0,60}",
            limit in 0usize..80,
        ) {
            let whole = fold(&text);
            proptest::prop_assert_eq!(&whole, &reference_fold(&text));
            // Folding stops before the first character (a letter, or a
            // space written before one) once the output holds `limit`
            // bytes: at the start, or right after the first letter that
            // ends there.
            let ends = whole.char_indices().map(|(at, c)| at + c.len_utf8());
            let stop = std::iter::once(0)
                .chain(ends)
                .find(|&end| end >= limit && !whole[..end].ends_with(' '))
                .unwrap_or(whole.len());
            proptest::prop_assert_eq!(fold_until(&text, limit), &whole[..stop]);
        }

        #[test]
        fn a_fold_extended_in_steps_is_the_whole_fold(
            text in "[ aA`\t\u{E01}\u{E48}\u{E38}\u{E33}\u{FF21}\u{301}\u{E9}а-гяЖ\u{3C2}\u{5D0}\u{200B}\u{1100}\u{1161}\u{4E00}-\u{4E08}\u{3000}\u{3001}\u{3099}\u{304B}\u{AC00}\u{11A8}]{0,120}",
            steps in proptest::collection::vec(0usize..40, 0..6),
        ) {
            let whole = fold(&text);
            let mut prefix = PrefixFold::new(&text, 0);
            let mut limit = 0;
            for step in steps {
                limit += step;
                prefix.extend(limit);
                proptest::prop_assert!(prefix.folded().len() >= limit || prefix.is_whole());
                proptest::prop_assert_eq!(prefix.folded(), fold_until(&text, limit));
                proptest::prop_assert!(whole.starts_with(prefix.folded()));
            }
            prefix.extend(usize::MAX);
            proptest::prop_assert!(prefix.is_whole());
            proptest::prop_assert_eq!(prefix.folded(), whole);
        }

        #[test]
        fn thai_marks_and_ascii_forms_fold_as_the_reference_does(
            text in "[ aAก-ขเ`\t\u{A0}\u{E31}\u{E33}-\u{E3A}\u{E47}-\u{E4E}\u{300}\u{301}\u{338}\u{FF01}-\u{FF5E}\u{FF61}\u{2026}\u{3001}\u{4E00}\u{200B}]{0,40}"
        ) {
            proptest::prop_assert_eq!(fold(&text), reference_fold(&text));
            for limit in [1, 5, 16] {
                let prefix = fold_until(&text, limit);
                proptest::prop_assert!(fold(&text).starts_with(prefix.as_str()));
            }
        }

        #[test]
        fn a_key_with_plain_ascii_ends_agrees_with_the_whole_fold(
            start in "[ a-zA-Z`.,]{0,40}",
            middle in "[ a-zA-Z`\t\u{A0}\u{300}\u{301}\u{338}\u{C9}\u{FB01}\u{FF21}]{0,12}",
            end in "[ a-zA-Z`.,=]{0,40}",
        ) {
            let text = format!("{start}{middle}{end}");
            proptest::prop_assert_eq!(fold_key(&text), FoldKey::of_folded(&fold(&text)));
        }
    }

    proptest::proptest! {
        #[test]
        fn a_key_of_simple_letters_agrees_with_the_whole_fold(
            text in "[ a-zA-Z.,`\u{C0}-\u{17F}\u{386}-\u{3CE}\u{400}-\u{45F}\u{5D0}-\u{5EA}\u{620}-\u{64A}\u{E01}-\u{E3A}\u{E40}-\u{E4E}\u{4E00}-\u{4E10}\u{3001}\u{3002}\u{FF0C}\u{201C}\u{2019}\u{130}\u{301}\u{A0}\u{200B}\u{2028}]{0,120}",
            limit in 0usize..40,
        ) {
            simple_folds_agree_with_the_fold(&text, limit)?;
        }

        #[test]
        fn a_key_of_thai_and_cjk_agrees_with_the_whole_fold(
            text in "[ ก-ขaA.\u{E31}\u{E33}-\u{E3A}\u{E47}-\u{E4E}\u{4E00}\u{3002}\u{FF0C}\u{FF21}\u{2018}-\u{2033}\u{301}]{0,80}",
            limit in 0usize..40,
        ) {
            simple_folds_agree_with_the_fold(&text, limit)?;
        }
    }

    /// [`fold_key`] and every [`SimpleFold`] of `text` agree with [`fold`].
    fn simple_folds_agree_with_the_fold(
        text: &str,
        limit: usize,
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        let whole = fold(text);
        proptest::prop_assert_eq!(fold_key(text), FoldKey::of_folded(&whole));
        for from in (0..text.len()).filter(|&from| text.is_char_boundary(from)) {
            if let Some(simple) = SimpleFold::of(text, from, limit) {
                let simple = std::str::from_utf8(simple.bytes()).unwrap_or_default();
                let rest = &text[from..];
                proptest::prop_assert!(simple.len() >= limit || simple == fold(rest));
                proptest::prop_assert!(fold(rest).starts_with(simple), "{:?}", rest);
                if from == 0 {
                    proptest::prop_assert!(whole.starts_with(simple));
                } else if simple == fold(rest) {
                    proptest::prop_assert!(whole.ends_with(simple));
                }
            }
        }
        Ok(())
    }

    #[test]
    fn plain_ascii_ends_next_to_what_folds_keep_the_key() {
        let word = "Minister`s Statement";
        for next in ["", " ", "  ", "\t", "\u{301}", "\u{338}", "\u{A0}", "x"] {
            for text in [
                format!("{word}{next}{word}{word}{word}{word}"),
                format!("{word}{word}{word}{next}{word}"),
                format!("a{next}{word}{word}{word}{word}{next}"),
                format!("{next}{word}"),
            ] {
                assert_eq!(
                    fold_key(&text),
                    FoldKey::of_folded(&fold(&text)),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn a_key_whose_tail_starts_at_a_space_or_folds_short_agrees_with_the_whole_fold() {
        let start = "The council said the works on the bridge would";
        for end in [
            " with residents.",
            "  with residents.",
            " with “residents”.",
            "\twith residents.",
            " “We’ve had enough,” they said.",
            " ‘‘‘‘‘‘‘‘‘‘‘‘‘‘‘‘‘‘‘‘.",
            " в Саратове.",
            " в  Саратове.",
            " ÉTÉ à Paris.",
            " น้ำท่วม.",
        ] {
            for middle in ["", " x", " xy", " é", "\u{301}"] {
                let text = format!("{start}{middle}{end}");
                assert_eq!(
                    fold_key(&text),
                    FoldKey::of_folded(&fold(&text)),
                    "{text:?}"
                );
            }
        }
    }

    /// [`mark`] as first written: every candidate folded whole, and a set
    /// of the folded forms seen.
    fn reference_run(blocks: &[&str], min_chars: usize) -> Vec<bool> {
        let mut seen = std::collections::HashSet::new();
        blocks
            .iter()
            .map(|block| {
                let view = BlockView::new(block);
                let folded = fold(block);
                is_verse(&view)
                    || folded.chars().count() < min_chars
                    || seen.insert(folded)
                    || written_chars(block, min_chars) < min_chars
            })
            .collect()
    }

    #[test]
    fn blocks_fold_alike_whichever_forms_are_known() {
        let texts = [
            "The minister said on Monday.",
            "THE  Minister said on Monday.",
            "The minister said on Tuesday.",
        ];
        for (one, other) in [(0, 1), (0, 2), (1, 2), (1, 1)] {
            let expected = fold(texts[one]) == fold(texts[other]);
            for known in 0..4 {
                let (a, b) = (BlockView::new(texts[one]), BlockView::new(texts[other]));
                if known & 1 != 0 {
                    a.folded();
                }
                if known & 2 != 0 {
                    b.folded();
                }
                assert_eq!(fold_alike(&a, &b), expected, "{one} {other} {known}");
            }
        }
    }

    #[test]
    fn a_large_group_sharing_a_key_is_settled_as_a_small_one() {
        // Numbered entries share their ends, and so their key; some come
        // back with other case and spacing.
        let texts: Vec<String> = (0..40)
            .map(|number| {
                let entry = number % 25;
                let text =
                    format!("Councillor number {entry} said the budget for next year was fair.");
                if number % 2 == 0 {
                    text.to_uppercase().replace(' ', "  ")
                } else {
                    text
                }
            })
            .collect();
        let blocks: Vec<&str> = texts.iter().map(String::as_str).collect();
        let views: Vec<BlockView> = blocks.iter().map(|block| BlockView::new(block)).collect();
        assert!(views
            .windows(2)
            .all(|pair| pair[0].folded_key() == pair[1].folded_key()));
        let mut decisions = Decisions::new(blocks.len());
        mark(&views, 20, &mut decisions);
        let kept: Vec<bool> = (0..blocks.len())
            .map(|index| decisions.kept(index))
            .collect();
        assert_eq!(kept, reference_run(&blocks, 20));
        assert_eq!(kept.iter().filter(|kept| !**kept).count(), 15);
    }

    /// A text for each pick: the parts it names, one after another.
    fn texts_of_parts(picks: &[Vec<usize>], parts: &[&str]) -> Vec<String> {
        picks
            .iter()
            .map(|pick| pick.iter().map(|&part| parts[part]).collect())
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn repeats_are_the_blocks_whose_fold_was_seen(
            picks in proptest::collection::vec(proptest::collection::vec(0usize..8, 1..4), 0..30),
            min_chars in 0usize..30,
        ) {
            const PARTS: [&str; 8] = [
                "The minister said",
                "THE  Minister said",
                " on Monday.",
                "\u{E01}\u{E48}\u{E38}\u{E33}",
                "\u{FF21}\u{FF22}\u{FF0C}",
                "AB,",
                "e\u{301}t\u{E9}",
                "\n\u{200B}",
            ];
            let texts = texts_of_parts(&picks, &PARTS);
            let blocks: Vec<&str> = texts.iter().map(String::as_str).collect();
            let views: Vec<BlockView> = blocks.iter().map(|block| BlockView::new(block)).collect();
            let mut decisions = Decisions::new(blocks.len());
            mark(&views, min_chars, &mut decisions);
            let kept: Vec<bool> = (0..blocks.len()).map(|index| decisions.kept(index)).collect();
            proptest::prop_assert_eq!(kept, reference_run(&blocks, min_chars));
        }

        #[test]
        fn marking_with_the_shared_key_order_drops_the_same_blocks(
            picks in proptest::collection::vec(proptest::collection::vec(0usize..8, 1..4), 0..30),
            dropped_before in proptest::collection::vec(proptest::bool::weighted(0.2), 30),
            dropped_after in proptest::collection::vec(proptest::bool::weighted(0.2), 30),
            min_chars in 0usize..60,
        ) {
            // Prose, labels, a short verse and a verse long enough to be
            // prose too.
            const PARTS: [&str; 8] = [
                "The minister said on Monday that the schools would open again in the autumn.",
                "THE  Minister said",
                " on Monday.",
                "Yes.",
                "Sing it again\nand again\n",
                "The chorus comes round again and again.\nThe chorus comes round again and again.\nThe chorus comes round again and again.\nThe chorus comes round again and again.\nThe chorus comes round again and again.\nThe chorus comes round again and again.\nThe chorus comes round again and again.",
                "e\u{301}t\u{E9}",
                "\n\u{200B}",
            ];
            let texts = texts_of_parts(&picks, &PARTS);
            let blocks: Vec<&str> = texts.iter().map(String::as_str).collect();
            let drop = |decisions: &mut Decisions, dropped: &[bool]| {
                for index in (0..blocks.len()).filter(|&index| dropped[index]) {
                    decisions.drop_block(index, "test");
                }
            };
            let plain_views: Vec<BlockView> = blocks.iter().map(|block| BlockView::new(block)).collect();
            let mut plain = Decisions::new(blocks.len());
            drop(&mut plain, &dropped_before);
            drop(&mut plain, &dropped_after);
            mark(&plain_views, min_chars, &mut plain);
            let views: Vec<BlockView> = blocks.iter().map(|block| BlockView::new(block)).collect();
            let mut shared_decisions = Decisions::new(blocks.len());
            drop(&mut shared_decisions, &dropped_before);
            let shared = SharedRepeats::new(Some(min_chars));
            shared.get(&views, &shared_decisions);
            proptest::prop_assert!(shared.key_order(min_chars).is_some());
            drop(&mut shared_decisions, &dropped_after);
            mark_with(&views, min_chars, &shared, &mut shared_decisions);
            for index in 0..blocks.len() {
                proptest::prop_assert_eq!(plain.kept(index), shared_decisions.kept(index), "block {}", index);
            }
        }

        #[test]
        fn folds_alike_is_equality_of_the_folds(
            one in "[ a-cA-C\u{E01}\u{E48}\u{E38}\u{FF21}\u{301}\u{E9}]{0,300}",
            other in "[ a-cA-C\u{E01}\u{E48}\u{E38}\u{FF21}\u{301}\u{E9}]{0,300}",
            min_chars in 0usize..200,
        ) {
            proptest::prop_assert_eq!(folds_alike(&one, &other), fold(&one) == fold(&other));
            let upper = one.to_uppercase();
            proptest::prop_assert_eq!(folds_alike(&one, &upper), fold(&one) == fold(&upper));
            proptest::prop_assert_eq!(folds_to(&one, &fold(&other)), fold(&one) == fold(&other));
            proptest::prop_assert_eq!(folds_to(&upper, &fold(&one)), fold(&upper) == fold(&one));
            let view = BlockView::new(&one);
            proptest::prop_assert_eq!(
                long_enough(&view, min_chars),
                fold(&one).chars().count() >= min_chars
            );
        }

        #[test]
        fn short_ascii_texts_never_fold_long_enough(
            text in "[ -~\t\n\r\u{0}-\u{1F}\u{7F}]{0,60}",
            min_chars in 0usize..70,
        ) {
            let view = BlockView::new(&text);
            if surely_short(&view, min_chars) {
                proptest::prop_assert!(reference_fold(&text).chars().count() < min_chars);
                proptest::prop_assert!(!long_enough(&view, min_chars));
            }
        }

        #[test]
        fn letters_are_counted_as_simple_letters_are_found(
            text in "[ a-c=`.\t\u{A0}\u{C0}-\u{17F}\u{386}-\u{3CE}\u{400}-\u{45F}\u{5D0}\u{627}\u{654}\u{E01}-\u{E4E}\u{2019}\u{4E00}\u{3000}\u{AC00}\u{FF21}\u{10400}]{0,80}",
            enough in 0usize..100,
        ) {
            let (mut count, mut index) = (0, 0);
            while index < text.len() && count < enough {
                match simple_letter_at(&text, index, two_byte_letters()) {
                    Some(letter) => {
                        count += 1;
                        index += letter.len;
                    }
                    None => {
                        count += usize::from(text.as_bytes()[index].is_ascii_graphic());
                        index += 1;
                    }
                }
            }
            proptest::prop_assert_eq!(letter_count(&text, enough), count);
        }

        #[test]
        fn letters_never_count_more_than_the_fold_has(
            text in "[ a-cA-C=`.\t\u{A0}\u{E01}\u{E32}\u{E33}\u{E48}\u{FF21}\u{301}\u{338}\u{E9}\u{410}\u{627}\u{654}\u{200B}\u{FB01}\u{4E00}\u{3000}\u{3099}\u{304B}\u{AC00}\u{1100}\u{1161}\u{11A8}]{0,80}",
        ) {
            let folded = fold(&text).chars().count();
            proptest::prop_assert!(letter_count(&text, usize::MAX) <= folded);
            for min_chars in [0, 1, 5, 20, 40] {
                let view = BlockView::new(&text);
                proptest::prop_assert_eq!(long_enough(&view, min_chars), folded >= min_chars);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn texts_told_apart_where_they_part_fold_apart(
            start in "[ a-cA-C`'.\t\u{A0}\u{E9}\u{130}\u{DF}\u{301}\u{338}\u{E01}\u{E33}\u{E48}\u{FF21}\u{FB01}\u{200B}\u{1100}\u{1161}\u{11A8}\u{AC00}Жжσς\u{3099}\u{304B}\u{2026}\u{4E00}\u{201C}\u{AB}\u{E25}\u{FF0C}\u{3002}]{0,30}",
            one in "[ a-cA-C`'.\t\u{A0}\u{E9}\u{130}\u{DF}\u{301}\u{338}\u{E01}\u{E33}\u{E48}\u{FF21}\u{FB01}\u{200B}\u{1100}\u{1161}\u{11A8}\u{AC00}Жжσς\u{3099}\u{304B}\u{2026}\u{4E00}\u{201C}\u{AB}\u{E25}\u{FF0C}\u{3002}]{0,8}",
            other in "[ a-cA-C`'.\t\u{A0}\u{E9}\u{130}\u{DF}\u{301}\u{338}\u{E01}\u{E33}\u{E48}\u{FF21}\u{FB01}\u{200B}\u{1100}\u{1161}\u{11A8}\u{AC00}Жжσς\u{3099}\u{304B}\u{2026}\u{4E00}\u{201C}\u{AB}\u{E25}\u{FF0C}\u{3002}]{0,8}",
        ) {
            let (one, other) = (format!("{start}{one}"), format!("{start}{other}"));
            let alike = reference_fold(&one) == reference_fold(&other);
            if fold_differs_where_texts_part(&one, &other) {
                proptest::prop_assert!(!alike, "{:?} {:?}", one, other);
            }
            proptest::prop_assert_eq!(folds_alike(&one, &other), alike);
        }
    }

    #[test]
    fn quote_marks_fold_as_pushed() {
        for c in (0x800..0x10000).filter_map(char::from_u32) {
            if let Some(ascii) = quote_fold(c as u32) {
                assert!(is_stable(c), "{c:?}");
                let mut folder = Folder {
                    out: String::new(),
                    pending_space: false,
                };
                folder.push(c);
                assert_eq!(folder.out, char::from(ascii).to_string(), "{c:?}");
            }
        }
    }

    #[test]
    fn the_first_folded_character_is_the_first_one_pushed() {
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| pushes_after_space(c))
        {
            let mut folder = Folder {
                out: String::new(),
                pending_space: false,
            };
            folder.push(c);
            assert_eq!(
                folder.out.chars().next(),
                Some(first_folded_char(c)),
                "{c:?}"
            );
        }
    }

    #[test]
    fn no_composition_starts_with_a_thai_letter_or_an_ideograph() {
        use unicode_normalization::char::decompose_canonical;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut decomposed = Vec::new();
            decompose_canonical(c, |part| decomposed.push(part));
            if composes_with_nothing_after(c) {
                assert_eq!(decomposed, [c], "{c:?}");
            } else if decomposed.len() > 1 {
                assert!(!composes_with_nothing_after(decomposed[0]), "{c:?}");
            }
        }
    }

    #[test]
    fn texts_parting_at_a_letter_are_told_apart_without_folding() {
        for (one, other, apart) in [
            ("The minister said", "The mayor said", true),
            ("THE minister said", "THE mayor said.", true),
            ("Министр сказал", "Мэр сказал", true),
            ("ข่าววันนี้", "ข่าวพรุ่งนี้", true),
            ("The minister said", "THE minister said", false),
            ("The minister said", "The  minister said", false),
            ("The minister said", "The mi\u{301}nister said", false),
            ("Café", "Cafe\u{301}", false),
            ("le tribunal", "les tribunaux", true),
            ("ment. Le", "ment.Le", true),
            ("ment.  Le", "ment.Le", false),
            ("ment. Le", "ment.\tLe", false),
            ("压力。“我们", "压力。据统计", true),
            ("ี่กรุง", "ี่ลำปาง", true),
            ("ement. L’anc", "ement. Les s", true),
            ("The minister", "The minister said", false),
        ] {
            assert_eq!(
                fold_differs_where_texts_part(one, other),
                apart,
                "{one} {other}"
            );
        }
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
        let long_lines = "Oh Harbour Athletic, we’re the pride of the quay and the pride of the town,\nwe’ll sing on the terrace at Marine Park till the last of the floodlights go down";
        assert_eq!(
            run(&[long_lines, PARAGRAPH, long_lines]),
            [true, true, true]
        );
        // A repeated list of long items, or of sentences, is no verse.
        for list in [
            "The first routes to get the new buses are the following ones:\n1. Hinjewadi Phase 3 to Pune Station by way of the university\n2. Viman Nagar to Swargate by way of the old city centre",
            "The council will publish the full plan for the harbour in May.\nResidents will then have six weeks to send their comments in.",
        ] {
            assert_eq!(run(&[list, PARAGRAPH, list]), [true, true, false], "{list}");
        }
    }

    #[test]
    fn a_short_repeat_is_counted_as_written() {
        // Under 40 characters as written, though the ellipsis folds to
        // three stops.
        let answer = "—Todavía no lo sabemos. Nadie lo sabe…";
        assert!(answer.chars().count() < 40);
        assert_eq!(run(&[answer, PARAGRAPH, answer]), [true; 3]);
        let longer = "—Todavía no lo sabemos. Nadie lo sabe aún…";
        assert_eq!(run(&[longer, PARAGRAPH, longer]), [true, true, false]);
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

    #[test]
    fn a_key_whose_tail_folds_short_is_read_further_back() {
        let invisible = "\u{200B}".repeat(30);
        let spaces = " \u{A0}\t".repeat(20);
        for text in [
            format!("{PARAGRAPH}é{invisible}"),
            format!("{PARAGRAPH} \u{E01}{spaces}\u{301}"),
            format!("é{invisible}{spaces}{invisible}x"),
            format!("{invisible}{spaces}{invisible}\u{E33}"),
        ] {
            assert_eq!(
                fold_key(&text),
                FoldKey::of_folded(&fold(&text)),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn a_title_form_shares_an_end_of_its_key_with_its_base(
            base in "[ a-zA-Z`\t\u{A0}\u{E9}\u{301}\u{338}\u{200B}\u{E01}\u{E48}\u{FF21}\u{FB01}Ж]{1,60}",
            site in "[ a-zA-Z\u{200B}\u{301}\u{E9}]{0,20}",
            separator in proptest::sample::select(vec![" | ", " - ", " — ", " – ", " · ", " :: ", " ~ "]),
        ) {
            let headline = FoldKey::of_folded(&fold(&base));
            for block in [format!("{base}{separator}{site}"), format!("{site}{separator}{base}")] {
                proptest::prop_assert!(fold_key(&block).may_hold_at_an_end(&headline), "{:?}", block);
            }
        }
    }

    #[test]
    fn a_block_sharing_no_end_with_a_headline_is_no_title_form_of_it() {
        let headline = FoldKey::of_folded(&fold("Port workers vote to strike over pay"));
        for block in [
            "Dock workers at the port voted to strike | Herald",
            "Herald | Port workers vote to strike over new shifts",
            "Pay",
        ] {
            assert!(!fold_key(block).may_hold_at_an_end(&headline), "{block}");
        }
        assert!(
            fold_key("Herald — PORT WORKERS VOTE TO STRIKE OVER PAY").may_hold_at_an_end(&headline)
        );
    }
}
