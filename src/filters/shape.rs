//! The shape of a block as a careful editor sees it before reading it:
//! its folded lines, its length, whether it reads as prose (sentences with
//! terminal punctuation) or as a title, a label or a button. Filters use
//! these to tell page furniture from article text. Nothing here decides
//! what to drop.

use super::dedup::FoldKey;
use super::rules::{fold_line, RuleSet};
use std::borrow::Cow;
use std::cell::OnceCell;

/// Blocks above this many bytes are article text, never furniture; they
/// are not looked at line by line.
pub const MAX_FURNITURE_BYTES: usize = 4096;

/// One block, measured once.
#[derive(Debug)]
pub struct BlockView<'a> {
    /// Non-empty lines, trimmed, spaces folded, invisible characters out.
    pub lines: Lines<'a>,
    /// Characters in the block (lines joined).
    pub chars: usize,
    /// Whitespace-separated words.
    pub words: usize,
    /// Reads as one or more sentences of running text.
    pub prose: bool,
    /// The `block` rules that cover the first line. Most blocks are
    /// article text whose first line no rule covers, and then no filter
    /// needs the other lines' rules.
    first_line_hits: OnceCell<Vec<usize>>,
    /// For each line, the `block` rules that cover it; computed once and
    /// shared by the filters, which all use the same rules.
    line_hits: OnceCell<LineHits>,
    /// The `start` rules that match the first line; the comment and
    /// boilerplate filters both ask.
    start_hits: OnceCell<Vec<usize>>,
    /// The comparison form of the whole block (see `dedup::fold`), shared
    /// by the headline and duplicate filters.
    folded: OnceCell<String>,
    /// The start of `folded`, which is all most blocks need.
    folded_key: OnceCell<FoldKey>,
    text: &'a str,
}

impl<'a> BlockView<'a> {
    // Inlined into the loop that builds every block's view, which then
    // builds each view in place instead of copying it out of a call.
    #[inline(always)]
    pub fn new(block: &'a str) -> BlockView<'a> {
        if block.len() > MAX_FURNITURE_BYTES {
            return BlockView {
                lines: Lines::default(),
                chars: block.chars().count(),
                words: block.split_whitespace().count(),
                prose: true,
                first_line_hits: OnceCell::new(),
                line_hits: OnceCell::new(),
                start_hits: OnceCell::new(),
                folded: OnceCell::new(),
                folded_key: OnceCell::new(),
                text: block,
            };
        }
        let (lines, chars, spaces) = match folding(block.as_bytes()) {
            Folding::Maybe => folded_lines(block),
            Folding::TrimOnly { line_break: true } => trimmed_lines(block),
            Folding::TrimOnly { line_break: false } => trimmed_line(block),
        };
        // A folded line is words separated by single spaces.
        let words = spaces + lines.len();
        let prose = reads_as_prose(&lines, chars, words);
        BlockView {
            lines,
            chars,
            words,
            prose,
            first_line_hits: OnceCell::new(),
            line_hits: OnceCell::new(),
            start_hits: OnceCell::new(),
            folded: OnceCell::new(),
            folded_key: OnceCell::new(),
            text: block,
        }
    }

    /// The block in comparison form: case, whitespace, quotes and
    /// compatibility forms folded.
    pub fn folded(&self) -> &str {
        self.folded.get_or_init(|| super::dedup::fold(self.text))
    }

    /// The comparison form, if some filter has asked for it already.
    pub fn folded_if_known(&self) -> Option<&str> {
        self.folded.get().map(String::as_str)
    }

    /// The block as it is in the text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The key of [`BlockView::folded`]: blocks with different keys are
    /// different once folded.
    pub fn folded_key(&self) -> &FoldKey {
        self.folded_key.get_or_init(|| match self.folded.get() {
            Some(folded) => FoldKey::of_folded(folded),
            None => super::dedup::fold_key(self.text),
        })
    }

    /// The indexes of the `block` rules of `rules` that cover the first
    /// line, as [`BlockView::line_hits`] gives them for line 0, without
    /// looking at the other lines. As with `line_hits`, the first call's
    /// rules are remembered.
    pub fn first_line_hits(&self, rules: &RuleSet) -> &[usize] {
        if let Some(hits) = self.line_hits.get() {
            return hits.line(0);
        }
        self.first_line_hits
            .get_or_init(|| match self.lines.first() {
                Some(first) => rules.block_match_indexes(first),
                None => Vec::new(),
            })
    }

    /// For each line, the indexes of the `block` rules of `rules` that
    /// cover it. The first call's rules are remembered: every filter of one
    /// document must pass the same rules.
    pub fn line_hits(&self, rules: &RuleSet) -> &LineHits {
        self.line_hits.get_or_init(|| {
            let mut hits = LineHits {
                rules: Vec::new(),
                ends: Vec::new(),
                lines: self.lines.len(),
            };
            for (index, line) in self.lines.iter().enumerate() {
                match (index, self.first_line_hits.get()) {
                    (0, Some(first)) => hits.rules.extend_from_slice(first),
                    _ => rules.push_block_match_indexes(line, &mut hits.rules),
                }
                if !hits.rules.is_empty() {
                    // The lines before the first hit end where they start.
                    hits.ends.resize(index, 0);
                    hits.ends.push(hits.rules.len());
                }
            }
            hits
        })
    }

    /// The indexes of the `start` rules of `rules` that match the start of
    /// the first line, in file order; none for a block without lines. As
    /// with [`BlockView::line_hits`], the first call's rules are remembered.
    pub fn start_hits(&self, rules: &RuleSet) -> &[usize] {
        self.start_hits.get_or_init(|| match self.lines.first() {
            Some(first) => rules.start_match_indexes(first),
            None => Vec::new(),
        })
    }

    /// Short enough, and unpunctuated enough, to be a headline in a list
    /// of links or a subheading.
    pub fn title_shaped(&self) -> bool {
        !self.prose
            && !self.lines.is_empty()
            && self.chars <= 200
            && self.words <= 30
            && self.lines.iter().all(|line| line.chars().count() <= 160)
            && self
                .lines
                .last()
                .is_some_and(|line| !ends_with_full_stop(line))
    }
}

/// The folded lines of a block, read as a slice. Most blocks are one
/// line, which is kept in place instead of in a vector of its own.
#[derive(Debug, PartialEq)]
pub enum Lines<'a> {
    One([Cow<'a, str>; 1]),
    Many(Vec<Cow<'a, str>>),
}

impl<'a> Lines<'a> {
    fn push(&mut self, line: Cow<'a, str>) {
        match self {
            Lines::Many(lines) if lines.is_empty() => *self = Lines::One([line]),
            Lines::Many(lines) => lines.push(line),
            Lines::One([first]) => {
                let mut lines = Vec::with_capacity(4);
                lines.push(std::mem::take(first));
                lines.push(line);
                *self = Lines::Many(lines);
            }
        }
    }
}

impl Default for Lines<'_> {
    /// No line, and nothing allocated.
    fn default() -> Self {
        Lines::Many(Vec::new())
    }
}

impl<'a> std::ops::Deref for Lines<'a> {
    type Target = [Cow<'a, str>];

    fn deref(&self) -> &Self::Target {
        match self {
            Lines::One(line) => line,
            Lines::Many(lines) => lines,
        }
    }
}

impl<'a> FromIterator<Cow<'a, str>> for Lines<'a> {
    fn from_iter<I: IntoIterator<Item = Cow<'a, str>>>(iter: I) -> Self {
        let mut lines = Lines::default();
        iter.into_iter().for_each(|line| lines.push(line));
        lines
    }
}

/// For each line of a block, the indexes of the `block` rules that cover
/// it, all lines in one vector: most blocks have no hit at all, and then
/// nothing is allocated.
#[derive(Debug)]
pub struct LineHits {
    /// The rules of every line, line after line.
    rules: Vec<usize>,
    /// Where each line's rules end in `rules`; empty while no line has any.
    ends: Vec<usize>,
    /// How many lines the block has.
    lines: usize,
}

impl LineHits {
    /// The rules that cover line `index`; none past the last line.
    pub fn line(&self, index: usize) -> &[usize] {
        let Some(&end) = self.ends.get(index) else {
            return &[];
        };
        let start = index.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.rules[start..end]
    }

    /// Each line's rules, in line order.
    pub fn iter(&self) -> impl Iterator<Item = &[usize]> {
        (0..self.lines).map(|index| self.line(index))
    }

    /// The rules of all lines together.
    pub fn all(&self) -> &[usize] {
        &self.rules
    }
}

/// The non-empty lines of `block` folded with [`fold_line`], with their
/// characters and spaces.
fn folded_lines(block: &str) -> (Lines<'_>, usize, usize) {
    // Folding trims each line, its line break with it.
    let lines: Lines<'_> = crate::blocks::lines_with_breaks(block)
        .map(fold_line)
        .filter(|line| !line.is_empty())
        .collect();
    let (chars, spaces) = lines
        .iter()
        .map(|line| count_chars_and_spaces(line))
        .fold((0, 0), |(chars, spaces), (line_chars, line_spaces)| {
            (chars + line_chars, spaces + line_spaces)
        });
    (lines, chars, spaces)
}

/// [`trimmed_lines`] of a block without a line break: the block is its
/// one line, with nothing to search for.
fn trimmed_line(block: &str) -> (Lines<'_>, usize, usize) {
    let (chars, spaces) = count_chars_and_spaces(block);
    let trimmed = trim_spaces(block);
    let spaces_trimmed = block.len() - trimmed.len();
    let lines = if trimmed.is_empty() {
        Lines::default()
    } else {
        Lines::One([Cow::Borrowed(trimmed)])
    };
    (lines, chars - spaces_trimmed, spaces - spaces_trimmed)
}

/// [`folded_lines`] of a block that [`folding`] clears: the only
/// whitespace in it is line breaks and single spaces, so folding a line
/// only trims the spaces at its ends. The characters and spaces are
/// counted over the whole block at once; the line breaks and the trimmed
/// spaces, one byte and one character each, are taken off after.
fn trimmed_lines(block: &str) -> (Lines<'_>, usize, usize) {
    let (mut chars, mut spaces) = count_chars_and_spaces(block);
    let mut lines = Lines::default();
    for line in crate::blocks::lines_with_breaks(block) {
        let content = line.strip_suffix('\n').unwrap_or(line);
        let trimmed = trim_spaces(content);
        let spaces_trimmed = content.len() - trimmed.len();
        chars -= spaces_trimmed + (line.len() - content.len());
        spaces -= spaces_trimmed;
        if !trimmed.is_empty() {
            lines.push(Cow::Borrowed(trimmed));
        }
    }
    (lines, chars, spaces)
}

/// `text` without the spaces at its ends, as `trim_matches(' ')` gives
/// it. Most lines have none, which their first and last bytes tell.
fn trim_spaces(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(b' '), _) | (_, Some(b' ')) => text.trim_matches(' '),
        _ => text,
    }
}

/// What one pass over a block's bytes tells about folding its lines.
#[derive(Debug, PartialEq)]
enum Folding {
    /// [`fold_line`] may change a line other than by trimming it.
    Maybe,
    /// [`fold_line`] only trims spaces and line breaks; `line_break` tells
    /// whether the block has a line break, and so more than one line.
    TrimOnly { line_break: bool },
}

/// Whether [`fold_line`] may change a line of `bytes` other than by
/// trimming spaces and its line break, as [`folding`] tells.
#[cfg(test)]
fn may_need_folding(bytes: &[u8]) -> bool {
    folding(bytes) == Folding::Maybe
}

/// Whether [`fold_line`] may change a line of `bytes` other than by
/// trimming spaces and its line break: `bytes` holds a control character
/// other than a line break, two spaces in a row, or the first bytes of
/// whitespace other than a space or of an invisible character. Some
/// characters that folding leaves alone share those bytes and are taken
/// for them (the other control characters, the joiners, the bidi
/// controls, Ogham, U+2040 to U+207F, Arabic presentation forms from
/// U+FEC0); a block with one is folded line by line as usual. One pass
/// over byte triples without branches, which the compiler turns into a
/// pass over many bytes at once, where `fold_line` searches a line
/// several times. When not, the same pass tells whether `bytes` holds a
/// line break.
fn folding(bytes: &[u8]) -> Folding {
    /// Bytes looked at per step; a window holds the two bytes after them.
    const STEP: usize = 32;
    let mut start = 0;
    let mut line_break = false;
    while let Some(window) = bytes[start..].first_chunk::<{ STEP + 2 }>() {
        match folding_in(window) {
            WindowFolding::Maybe => return Folding::Maybe,
            WindowFolding::LineBreak => line_break = true,
            WindowFolding::None => {}
        }
        start += STEP;
    }
    // The last bytes (at most `STEP + 1`), in a window filled up with a
    // letter, which starts nothing and, coming after them, changes nothing
    // they start.
    let rest = &bytes[start..];
    let mut window = [b'x'; STEP + 3];
    window[..rest.len()].copy_from_slice(rest);
    match folding_in(&window) {
        WindowFolding::Maybe => Folding::Maybe,
        WindowFolding::LineBreak => Folding::TrimOnly { line_break: true },
        WindowFolding::None => Folding::TrimOnly { line_break },
    }
}

/// What [`folding_in`] finds in a window.
enum WindowFolding {
    /// What folding changes may start in the window.
    Maybe,
    /// Nothing that folding changes, but a line break.
    LineBreak,
    /// Neither.
    None,
}

/// Whether what folding changes may start at one of the bytes of `window`
/// but its last two (see [`folding_may_start`]), and if not, whether a
/// line break stands there. Most windows hold none of the bytes either
/// can start with, which one cheap pass tells; only the others are looked
/// at byte triple by byte triple.
#[inline(always)]
fn folding_in<const WINDOW: usize>(window: &[u8; WINDOW]) -> WindowFolding {
    let mut leads = 0u8;
    for &a in &window[..WINDOW - 2] {
        // Line breaks too: a window with one is looked at closely.
        let control = a < 0x20;
        let lead = (a == 0xC2) | (a.wrapping_sub(0xE1) < 3) | (a == 0xEF);
        leads |= u8::from(control | lead);
    }
    // Two spaces in a row, read as pairs of bytes from an even and from an
    // odd place, which needs no bytes shifted against each other. The
    // pairs cover every place but the last two, and maybe one more.
    let spaces = |bytes: &[u8]| {
        bytes.chunks_exact(2).fold(0u8, |found, pair| {
            found | u8::from(u16::from_le_bytes([pair[0], pair[1]]) == 0x2020)
        })
    };
    leads |= spaces(&window[..WINDOW - 1]) | spaces(&window[1..WINDOW - 1]);
    if leads == 0 {
        return WindowFolding::None;
    }
    // Most windows that get here hold a curly quote or a dash, led by E2
    // as are the spaces and invisible characters of General Punctuation
    // that folding changes, or a character led by C2 (`«`, `©`, `°`), as
    // are the no-break space and the soft hyphen. When E2 and C2 are the
    // only such bytes, only what they lead is looked at.
    if !has_other_than_e2_or_c2(window) {
        let found = (0..WINDOW - 2).fold(0u8, |found, index| {
            let (a, b, c) = (window[index], window[index + 1], window[index + 2]);
            found | u8::from(general_punctuation_folds(a, b, c) | two_byte_folds(a, b))
        });
        return if found != 0 {
            WindowFolding::Maybe
        } else {
            WindowFolding::None
        };
    }
    let (mut found, mut line_break) = (0u8, 0u8);
    for index in 0..WINDOW - 2 {
        let (a, b, c) = (window[index], window[index + 1], window[index + 2]);
        found |= u8::from(folding_may_start(a, b, c));
        line_break |= u8::from(a == b'\n');
    }
    if found != 0 {
        WindowFolding::Maybe
    } else if line_break != 0 {
        WindowFolding::LineBreak
    } else {
        WindowFolding::None
    }
}

/// Whether `window` holds, at one of its places but the last two, a byte
/// [`folding_in`] looks at closely other than E2 and C2: a control
/// character, a lead byte of another character folding changes, or the
/// first of two spaces.
#[inline(always)]
fn has_other_than_e2_or_c2<const WINDOW: usize>(window: &[u8; WINDOW]) -> bool {
    let others = (0..WINDOW - 2).fold(0u8, |found, index| {
        let (a, b) = (window[index], window[index + 1]);
        let control = a < 0x20;
        let lead = (a == 0xE1) | (a == 0xE3) | (a == 0xEF);
        found | u8::from(control | lead | ((a == b' ') & (b == b' ')))
    });
    others != 0
}

/// Whether the bytes `a b c` start a space or an invisible character of
/// General Punctuation (U+2000 to U+200F, U+2028 to U+202F, U+2040 to
/// U+207F), which folding may change.
#[inline(always)]
fn general_punctuation_folds(a: u8, b: u8, c: u8) -> bool {
    (a == 0xE2) & ((b == 0x81) | ((b == 0x80) & ((c < 0x90) | (c & 0xF8 == 0xA8))))
}

/// Whether the bytes `a b` are a next line (U+0085), a no-break space
/// (U+00A0) or a soft hyphen (U+00AD), which folding changes.
#[inline(always)]
fn two_byte_folds(a: u8, b: u8) -> bool {
    (a == 0xC2) & ((b == 0x85) | (b == 0xA0) | (b == 0xAD))
}

/// Whether what folding changes may start at the bytes `a b c` (see
/// [`folding`]). Written with `&` and
/// `|` rather than `&&` and `||`, so that there is nothing to branch on.
#[inline(always)]
fn folding_may_start(a: u8, b: u8, c: u8) -> bool {
    let control = (a < 0x20) & (a != b'\n');
    let two_spaces = (a == b' ') & (b == b' ');
    let two_byte = two_byte_folds(a, b);
    let general_punctuation = general_punctuation_folds(a, b, c);
    let other_three_byte = ((a == 0xE1) & (b == 0x9A))
        | ((a == 0xE3) & (b == 0x80) & (c == 0x80))
        | ((a == 0xEF) & (b == 0xBB));
    control | two_spaces | two_byte | general_punctuation | other_three_byte
}

/// The characters and the spaces in `line`, counted together in
/// byte-sized totals over runs of at most 255 bytes, which the compiler
/// turns into one pass over many bytes at once. A character is counted at
/// its first byte: every byte but a UTF-8 continuation byte. The runs are
/// whole steps of that pass; the last bytes, fewer than a step, are
/// counted in a step filled up with continuation bytes, which count as
/// neither, rather than in the smaller steps and one by one.
fn count_chars_and_spaces(line: &str) -> (usize, usize) {
    /// Bytes in one step of the pass the compiler makes.
    const STEP: usize = 64;
    let bytes = line.as_bytes();
    let (whole, rest) = bytes.split_at(bytes.len() - bytes.len() % STEP);
    let (chars, spaces) = whole
        .chunks(255 / STEP * STEP)
        .fold((0, 0), |(chars, spaces), run| {
            let (run_chars, run_spaces) = count_in_run(run);
            (
                chars + usize::from(run_chars),
                spaces + usize::from(run_spaces),
            )
        });
    let mut last = [0x80; STEP];
    last[..rest.len()].copy_from_slice(rest);
    let (last_chars, last_spaces) = count_in_run(&last);
    (
        chars + usize::from(last_chars),
        spaces + usize::from(last_spaces),
    )
}

/// The characters and the spaces in `run`, at most 255 bytes.
#[inline(always)]
fn count_in_run(run: &[u8]) -> (u8, u8) {
    run.iter().fold((0u8, 0u8), |(chars, spaces), &byte| {
        (
            chars + u8::from(byte & 0xC0 != 0x80),
            spaces + u8::from(byte == b' '),
        )
    })
}

/// Whether folded lines read as running text: long, or several words that
/// end in terminal punctuation. Scripts written without spaces (Thai,
/// Chinese, Japanese) are judged by length alone.
fn reads_as_prose(lines: &[Cow<'_, str>], chars: usize, words: usize) -> bool {
    if chars >= 250 {
        return true;
    }
    let Some(last) = lines.last() else {
        return false;
    };
    let few_spaces = words * 12 < chars;
    if few_spaces {
        return chars >= 80;
    }
    words >= 8 && ends_with_terminal(last)
}

/// Whether `line` ends a sentence (`.`, `!`, `?`, `…`, also before a
/// closing quote or bracket).
pub fn ends_with_terminal(line: &str) -> bool {
    let trimmed = line.trim_end_matches(|c: char| {
        matches!(
            c,
            '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '“' | '«'
        ) || c.is_whitespace()
    });
    trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？', '।'])
}

/// Whether `line` ends with a full stop (not `…` or `...`, which titles of
/// teasers use).
pub fn ends_with_full_stop(line: &str) -> bool {
    let trimmed = line.trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']') || c.is_whitespace()
    });
    trimmed.ends_with('.') && !trimmed.ends_with("...")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_prose_and_labels_are_not() {
        assert!(
            BlockView::new("The council voted on Tuesday to approve the new budget for schools.")
                .prose
        );
        assert!(!BlockView::new("Share this:").prose);
        assert!(!BlockView::new("Partners push back on tariff freeze").prose);
        assert!(!BlockView::new("Moscow:").prose);
        assert!(!BlockView::new("Yes.").prose);
    }

    #[test]
    fn long_text_without_spaces_is_prose() {
        let thai = "รัฐบาลประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกรที่ได้รับผลกระทบจากภัยแล้งในภาคตะวันออกเฉียงเหนือของประเทศไทยในปีนี้";
        assert!(BlockView::new(thai).prose);
    }

    #[test]
    fn titles_have_no_full_stop() {
        assert!(BlockView::new("Why nights in the valley are getting warmer").title_shaped());
        assert!(BlockView::new("Is the bridge safe?").title_shaped());
        assert!(!BlockView::new("It was safe.").title_shaped());
    }

    #[test]
    fn characters_and_spaces_are_counted_in_lines_of_any_length() {
        assert_eq!(count_chars_and_spaces(""), (0, 0));
        assert_eq!(count_chars_and_spaces("a b  c"), (6, 3));
        let long = "wörd ".repeat(300);
        assert_eq!(count_chars_and_spaces(&long), (1500, 300));
        let view = BlockView::new(long.trim());
        assert_eq!((view.chars, view.words), (1499, 300));
        for text in ["", "é", "日本語 テキスト", "a\u{10400}b", "🇫🇷 ok"] {
            assert_eq!(
                count_chars_and_spaces(text).0,
                text.chars().count(),
                "{text}"
            );
        }
    }

    #[test]
    fn each_line_has_its_own_hits() {
        let rules = RuleSet::builtin();
        let view =
            BlockView::new("Ferry timetable cut\nShare this:\nThe ferry runs\nAdvertisement");
        let hits = view.line_hits(&rules);
        let per_line: Vec<&[usize]> = hits.iter().collect();
        assert_eq!(per_line.len(), 4);
        for (line, hits) in view.lines.iter().zip(&per_line) {
            assert_eq!(*hits, rules.block_match_indexes(line), "{line}");
        }
        assert!(per_line[0].is_empty() && per_line[2].is_empty());
        assert!(!per_line[1].is_empty() && !per_line[3].is_empty());
        assert_eq!(hits.all(), [per_line[1], per_line[3]].concat());
        assert!(hits.line(4).is_empty());
        let plain = BlockView::new("The ferry runs\nfour times a day");
        assert_eq!(plain.line_hits(&rules).iter().count(), 2);
        assert!(plain.line_hits(&rules).all().is_empty());
    }

    #[test]
    fn first_line_hits_are_line_zero_of_all_the_hits() {
        let rules = RuleSet::builtin();
        for block in [
            "Share this:\nFacebook\nThe ferry runs",
            "The ferry runs\nShare this:",
            "Advertisement",
            "The ferry runs four times a day.",
            "",
        ] {
            // Asked first, then with every line, and the other way round.
            let early = BlockView::new(block);
            let first = early.first_line_hits(&rules).to_vec();
            assert_eq!(early.line_hits(&rules).line(0), first, "{block}");
            let late = BlockView::new(block);
            let all = late.line_hits(&rules).line(0).to_vec();
            assert_eq!(late.first_line_hits(&rules), all, "{block}");
            assert_eq!(first, all, "{block}");
            let lines: Vec<&[usize]> = early.line_hits(&rules).iter().collect();
            let expected: Vec<Vec<usize>> = early
                .lines
                .iter()
                .map(|line| rules.block_match_indexes(line))
                .collect();
            assert_eq!(lines, expected, "{block}");
        }
    }

    /// [`trimmed_lines`] gives what [`folded_lines`] gives whenever
    /// [`folding`] lets a block through, and so does [`trimmed_line`] when
    /// it finds no line break, rightly.
    fn assert_trimmed_lines_fold(block: &str) {
        if let Folding::TrimOnly { line_break } = folding(block.as_bytes()) {
            assert_eq!(trimmed_lines(block), folded_lines(block), "{block:?}");
            assert_eq!(line_break, block.contains('\n'), "{block:?}");
            if !line_break {
                assert_eq!(trimmed_line(block), folded_lines(block), "{block:?}");
            }
        }
    }

    #[test]
    fn every_character_folding_changes_is_caught() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for block in [
                format!("{c}"),
                format!("a{c}b"),
                format!(" {c} "),
                format!("{c}\n{c}"),
                format!("x {c}{c}\n y"),
            ] {
                assert_trimmed_lines_fold(&block);
            }
            // A line break ends a line rather than being folded in one.
            let line = format!("a{c}b");
            let changed = c != '\n' && fold_line(&line) != line;
            assert!(!changed || may_need_folding(line.as_bytes()), "{c:?}");
        }
    }

    #[test]
    fn spaces_are_trimmed_as_trim_matches_trims_them() {
        for text in [
            "", " ", "   ", "a", " a", "a ", "  a b  ", " é ", "\u{A0}a ",
        ] {
            assert_eq!(trim_spaces(text), text.trim_matches(' '), "{text:?}");
        }
    }

    #[test]
    fn plain_blocks_are_trimmed_line_by_line() {
        for block in [
            "",
            " ",
            "\n",
            "one",
            " one two ",
            "one\ntwo",
            " one \n \n two \n",
            "“Quoted” — text… «here»",
            "日本語 テキスト\nไทย",
        ] {
            assert!(!may_need_folding(block.as_bytes()), "{block:?}");
            assert_trimmed_lines_fold(block);
        }
        for block in [
            "a  b",
            "a\tb",
            "a\r\nb",
            "a\u{A0}",
            "\u{200B}a",
            "a\u{3000}b",
        ] {
            assert!(may_need_folding(block.as_bytes()), "{block:?}");
        }
    }

    /// What [`count_chars_and_spaces`] counts, counted one character at a
    /// time.
    fn chars_and_spaces_by_definition(text: &str) -> (usize, usize) {
        (text.chars().count(), text.matches(' ').count())
    }

    #[test]
    fn characters_and_spaces_are_counted_whatever_the_last_bytes() {
        // Every length across several steps and runs of the pass, with
        // characters of every width cut at every place.
        let pattern = "a é 日\u{10400}  x";
        let long: String = pattern.chars().cycle().take(900).collect();
        for end in (0..=long.len()).filter(|&end| long.is_char_boundary(end)) {
            let text = &long[..end];
            assert_eq!(
                count_chars_and_spaces(text),
                chars_and_spaces_by_definition(text),
                "{end}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn every_byte_triple_is_looked_at(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![b' ', b'a', b'\n', 0x01, 0x80, 0x81, 0x85, 0x9A, 0xA0, 0xA8, 0xBB, 0xC2, 0xE1, 0xE2, 0xE3, 0xEF]),
                0..120,
            ),
        ) {
            // Each byte with the two after it, the last ones followed by
            // letters.
            let padded = [bytes.as_slice(), b"xx"].concat();
            let expected = padded
                .windows(3)
                .any(|triple| folding_may_start(triple[0], triple[1], triple[2]));
            proptest::prop_assert_eq!(may_need_folding(&bytes), expected);
            if !expected {
                proptest::prop_assert_eq!(
                    folding(&bytes),
                    Folding::TrimOnly { line_break: bytes.contains(&b'\n') }
                );
            }
        }

        #[test]
        fn characters_and_spaces_agree_with_their_definition(
            text in "[ a\u{80}é日\u{10400}\n]{0,700}"
        ) {
            proptest::prop_assert_eq!(
                count_chars_and_spaces(&text),
                chars_and_spaces_by_definition(&text)
            );
        }

        #[test]
        fn trimmed_lines_agree_with_folded_lines(
            plain in "[ a-zé\n“—日ไ\u{A0}]{0,60}",
            any in "[ a-zé\n\r\t\u{85}\u{A0}\u{AD}\u{1680}\u{2000}-\u{2060}\u{3000}\u{FEFF}\u{FEC0}日ไ]{0,40}"
        ) {
            for block in [plain, any] {
                assert_trimmed_lines_fold(&block);
            }
        }
    }

    #[test]
    fn lines_read_as_the_vector_of_the_same_lines() {
        let all: Vec<Cow<str>> = ["one", "two", "three", "four", "five", "six"]
            .into_iter()
            .map(Cow::Borrowed)
            .collect();
        for count in 0..=all.len() {
            let lines: Lines = all[..count].iter().cloned().collect();
            assert_eq!(*lines, all[..count]);
            assert_eq!(matches!(lines, Lines::One(_)), count == 1);
        }
    }

    #[test]
    fn lines_are_folded() {
        let view = BlockView::new("  Share\u{200B} this: \n\n  Facebook ");
        assert_eq!(*view.lines, ["Share this:", "Facebook"]);
    }
}
