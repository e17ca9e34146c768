//! The headline kept once. Scraped pages carry the headline two or three
//! times: the H1, the `<title>` with a site suffix (` | Site`, ` - Site`,
//! ` — Site`), sometimes a copy in another case. The headline is the first
//! headline-shaped block near the top of the page that is not itself a
//! title form; when it has repeats, its first plain occurrence stays and
//! every other form is dropped, wherever it comes. When it has none, the
//! search stops there: a later repeated line (a subheading, a kicker) is
//! not the headline, and cleaned text, whose headline has lost its
//! repeats, must come through a second cleaning unchanged. A title form
//! with no plain copy is left alone: without the plain form nobody can
//! tell a site suffix from the end of the headline.

use super::comments;
use super::dedup::{fold_alike, folds_to, SharedRepeats};
use super::shape::BlockView;
use super::Decisions;

pub const REASON: &str = "dedup.headline";

/// How far down the page the headline may be looked for.
const SEARCH_BLOCKS: usize = 20;

/// Running-text paragraphs allowed above the headline (a cookie notice, a
/// standfirst printed before it).
const PROSE_ABOVE_HEADLINE: usize = 2;

/// The most kept blocks (a standfirst, a byline) between a headline and
/// its `<title>` form under it.
const TITLE_FORM_GAP: usize = 2;

/// Separators between a headline and a site name in `<title>` form.
const SITE_SEPARATORS: &[&str] = &[" | ", " - ", " — ", " – ", " · ", " :: ", " ~ "];

/// Drops every repeat of the headline but its first plain occurrence.
///
/// Paragraphs that repeat an earlier one (`repeats`) are not counted as
/// running text: the paragraph filter drops them, and a second cleaning,
/// where they are gone, must search alike.
pub fn mark(
    blocks: &[&str],
    views: &[BlockView],
    repeats: &SharedRepeats,
    decisions: &mut Decisions,
) {
    mark_headline(blocks, views, repeats, decisions);
    drop_title_forms_beside_their_base(blocks, views, repeats, decisions);
}

/// The search for the headline and its repeats.
fn mark_headline(
    blocks: &[&str],
    views: &[BlockView],
    repeats: &SharedRepeats,
    decisions: &mut Decisions,
) {
    let repeated = repeats.get(views, decisions);
    let running_text = |index: usize| views[index].prose && !repeated[index];
    let key_of = |index: usize| -> Option<&str> {
        headline_shaped(&views[index]).then(|| views[index].folded())
    };
    let mut prose_seen = 0;
    let mut first = true;
    for candidate in 0..blocks.len().min(SEARCH_BLOCKS) {
        if views[candidate].prose {
            if running_text(candidate) {
                prose_seen += 1;
                if prose_seen > PROSE_ABOVE_HEADLINE {
                    return;
                }
            }
            continue;
        }
        if !decisions.kept(candidate) {
            continue;
        }
        // A title form is never the headline itself, repeated or not: the
        // search goes on to the plain form, which drops it as its copy.
        // Taking a repeated title form for the headline would make a
        // second cleaning, where its copy is gone, choose differently.
        // A headline with a dash of its own (`Q&A - what to know`) reads
        // as `Site - Headline` too: it is still the headline when another
        // block is a title form of it.
        if title_form_bases(blocks[candidate]).next().is_some()
            && !is_titled_elsewhere(candidate, blocks, views)
        {
            continue;
        }
        let Some(key) = key_of(candidate) else {
            continue;
        };
        // A date line (`Saturday, March 9, 2024`) between a title form and
        // the headline is no headline.
        if views[candidate]
            .lines
            .iter()
            .all(|line| comments::is_date_or_time(line))
        {
            continue;
        }
        let short = !long_enough(key);
        // A short block under running text is a subheading (`Election
        // 2024`), which the headline above it may open
        // (`Election 2024 | Live results`): it names no copies.
        if short && prose_seen > 0 {
            continue;
        }
        let first_candidate = std::mem::replace(&mut first, false);
        // Plain repeats count within the top of the page only, above the
        // story, where a page repeats its headline, when this block is
        // short (`Mayor resigns`: a common phrase; a label such as
        // `Moscow:`, which no headline ends with, has none) or when the
        // search passed over a short block or a title form that stays
        // above it, which may have been the headline (`Mayor resigns`
        // above a byline repeated under the story). A block dropped as a
        // title form of this one is passed over in a first cleaning and
        // gone in a second: it does not count, and both decide alike.
        let passed_over = || {
            (0..candidate).any(|earlier| {
                decisions.kept(earlier)
                    && !views[earlier].prose
                    && key_of(earlier).is_some_and(|earlier_key| {
                        !long_enough(earlier_key)
                            || (title_form_bases(blocks[earlier]).next().is_some()
                                && !is_title_form_of(earlier, candidate, blocks, views)
                                && !is_title_form_beside_its_base(earlier, blocks, views))
                    })
            })
        };
        let top = {
            let after = (candidate + 1..blocks.len())
                .find(|&index| running_text(index))
                .unwrap_or(blocks.len());
            let from = (0..candidate)
                .rfind(|&index| running_text(index))
                .map_or(0, |prose| prose + 1);
            from..after
        };
        // Folding keeps a text's length within a small factor; a block far
        // shorter than the headline is neither a copy nor a title form of it.
        let comparable =
            |index: usize| headline_shaped(&views[index]) && blocks[index].len() * 2 >= key.len();
        let is_copy = |index: usize| {
            comparable(index)
                && views[index].folded_key() == views[candidate].folded_key()
                && fold_alike(&views[index], &views[candidate])
        };
        let is_title_form =
            |index: usize| comparable(index) && is_title_form_of(index, candidate, blocks, views);
        let mut plain = vec![candidate];
        let mut titled = Vec::new();
        if short {
            if short_copies_count(first_candidate, &top, blocks.len(), key) {
                plain.extend(copies_next_to(
                    candidate,
                    &top,
                    decisions,
                    is_copy,
                    is_title_form,
                ));
            }
        } else {
            let copies = (0..blocks.len()).filter(|&index| index != candidate && is_copy(index));
            plain.extend(copies);
            // Most headlines have no copy under the story: only then is
            // it asked what the search passed over.
            if plain.iter().any(|index| !top.contains(index)) && passed_over() {
                plain.retain(|index| top.contains(index));
            }
        }
        for index in 0..blocks.len() {
            if index != candidate && !plain.contains(&index) && is_title_form(index) {
                titled.push(index);
            }
        }
        plain.sort_unstable();
        if plain.len() + titled.len() >= 2 {
            let chosen = plain
                .iter()
                .copied()
                .find(|&index| !is_all_capitals(blocks[index]))
                .unwrap_or(candidate);
            for index in plain.into_iter().chain(titled) {
                if index != chosen {
                    decisions.drop_block(index, REASON);
                }
            }
        }
        // A short block may be a label over the headline: the search goes
        // on past it, whatever it found, so that a second cleaning, which
        // finds its copies gone, goes on alike.
        if !short {
            return;
        }
    }
}

/// Drops a `<title>` form standing right beside the block it stands for
/// (over dropped blocks only), where the headline is searched for. Page
/// furniture that no rule knows (a menu row, a date line) may be taken
/// for the headline and end the search before it, but such a pair still
/// tells a headline from its copy. A second cleaning finds no pair left.
fn drop_title_forms_beside_their_base(
    blocks: &[&str],
    views: &[BlockView],
    repeats: &SharedRepeats,
    decisions: &mut Decisions,
) {
    let repeated = repeats.get(views, decisions);
    // A headline that asks or states (`Why did the baths close?`) reads
    // as a sentence; one line of it still pairs with its title form.
    let may_pair = |index: usize| {
        headline_shaped(&views[index]) && (!views[index].prose || views[index].lines.len() == 1)
    };
    let titles = |titled: usize, base: usize| titles_its_base(titled, base, blocks, views);
    let mut prose_seen = 0;
    // The kept blocks seen so far, latest last: a title form may also come
    // a standfirst or a byline after its headline, above the story.
    let mut seen: Vec<usize> = Vec::new();
    for index in 0..blocks.len().min(SEARCH_BLOCKS) {
        if !decisions.kept(index) {
            continue;
        }
        if views[index].prose && !repeated[index] {
            prose_seen += 1;
            if prose_seen > PROSE_ABOVE_HEADLINE {
                return;
            }
        }
        if let Some(&before) = seen
            .last()
            .filter(|&&before| may_pair(before) && may_pair(index))
        {
            if titles(index, before) {
                decisions.drop_block(index, REASON);
                continue;
            }
            if titles(before, index) {
                decisions.drop_block(before, REASON);
            }
        }
        // Above the story's running text, not under it: the blocks below
        // are looked at only for a title form found.
        let titled_further_up = may_pair(index)
            && seen
                .iter()
                .rev()
                .skip(1)
                .take(TITLE_FORM_GAP)
                .any(|&before| decisions.kept(before) && may_pair(before) && titles(index, before))
            && (index + 1..blocks.len()).any(|later| views[later].prose);
        if titled_further_up {
            decisions.drop_block(index, REASON);
            continue;
        }
        seen.push(index);
    }
}

/// Whether a block right beside the one at `index` is a `<title>` form of
/// it: that block is the page's headline, which no list of links above it
/// holds.
pub(super) fn has_title_form_beside(index: usize, blocks: &[&str], views: &[BlockView]) -> bool {
    headline_shaped(&views[index])
        && beside(index, blocks.len())
            .any(|other| is_longer_title_form_of(other, index, blocks, views))
}

/// The blocks right before and after the one at `index`, of `blocks`.
fn beside(index: usize, blocks: usize) -> impl Iterator<Item = usize> {
    [index.checked_sub(1), Some(index + 1)]
        .into_iter()
        .flatten()
        .filter(move |&other| other < blocks)
}

/// Whether the block at `index` is a `<title>` form of a block right
/// beside it, which the headline's title forms are dropped beside
/// ([`drop_title_forms_beside_their_base`]) whichever block the headline
/// search takes: a second cleaning, where it is gone, must search alike.
fn is_title_form_beside_its_base(index: usize, blocks: &[&str], views: &[BlockView]) -> bool {
    beside(index, blocks.len()).any(|base| titles_its_base(index, base, blocks, views))
}

/// Whether the block at `titled` is a `<title>` form that goes beside the
/// block at `base`: a longer title form of a base long enough to be a
/// headline (see [`drop_title_forms_beside_their_base`]).
fn titles_its_base(titled: usize, base: usize, blocks: &[&str], views: &[BlockView]) -> bool {
    long_enough(views[base].folded()) && is_longer_title_form_of(titled, base, blocks, views)
}

/// Whether plain copies of a short block count as copies of the headline
/// (see [`copies_next_to`]): only for the first block the search looked
/// at, with running text under it (not in a page of labels and short
/// answers: `Q1`, `Yes.`), and not for a label such as `Moscow:`, which no
/// headline ends with.
fn short_copies_count(
    first_candidate: bool,
    reach: &std::ops::Range<usize>,
    blocks: usize,
    key: &str,
) -> bool {
    first_candidate && reach.end < blocks && !key.ends_with(':')
}

/// The copies of the block at `candidate` right next to it within
/// `reach`: those reached from it over dropped blocks, its title forms
/// (dropped with them) and other copies only. A second cleaning, where
/// the dropped blocks are gone, finds the copies it kept next to it in
/// the same way.
fn copies_next_to(
    candidate: usize,
    reach: &std::ops::Range<usize>,
    decisions: &Decisions,
    is_copy: impl Fn(usize) -> bool,
    is_title_form: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let mut copies = Vec::new();
    let mut look = |index: usize| {
        if is_copy(index) {
            copies.push(index);
            true
        } else {
            !decisions.kept(index) || is_title_form(index)
        }
    };
    for index in (reach.start..candidate).rev() {
        if !look(index) {
            break;
        }
    }
    for index in candidate + 1..reach.end {
        if !look(index) {
            break;
        }
    }
    copies
}

/// Whether another headline-shaped block is a title form of the block at
/// `index` (`… | Daily Post` of it). A title form is longer than what it
/// stands for, and their comparison forms share an end, which their keys
/// tell before any block is cut at its separators.
fn is_titled_elsewhere(index: usize, blocks: &[&str], views: &[BlockView]) -> bool {
    if !headline_shaped(&views[index]) {
        return false;
    }
    (0..blocks.len())
        .any(|other| other != index && is_longer_title_form_of(other, index, blocks, views))
}

/// Whether the headline-shaped block at `titled`, longer than the block
/// at `base`, is a `<title>` form of it (see [`is_title_form_of`]).
fn is_longer_title_form_of(
    titled: usize,
    base: usize,
    blocks: &[&str],
    views: &[BlockView],
) -> bool {
    blocks[titled].len() > blocks[base].len()
        && headline_shaped(&views[titled])
        && is_title_form_of(titled, base, blocks, views)
}

/// Whether the block at `titled` is a `<title>` form of the block at
/// `base`: their keys share an end, which is told first, and one of its
/// readings as a title form folds to the base.
fn is_title_form_of(titled: usize, base: usize, blocks: &[&str], views: &[BlockView]) -> bool {
    views[titled]
        .folded_key()
        .may_hold_at_an_end(views[base].folded_key())
        && title_form_bases(blocks[titled]).any(|reading| folds_to(reading, views[base].folded()))
}

/// Which of [`SITE_SEPARATORS`] `block` holds, one bit each. Every
/// separator is a space and one of a few bytes (`|`, `-`, `:`, `~` or the
/// lead byte of `·`, `—`, `–`); those bytes are rare in a headline, so
/// they are searched for and only the spots after a space are looked at.
fn site_separators(block: &str) -> u32 {
    let bytes = block.as_bytes();
    let mut found = 0;
    let mut look_at = |second: usize| {
        let Some(space) = second.checked_sub(1) else {
            return;
        };
        if bytes[space] != b' ' {
            return;
        }
        let rest = &bytes[space..];
        for (bit, separator) in SITE_SEPARATORS.iter().enumerate() {
            if rest.starts_with(separator.as_bytes()) {
                found |= 1 << bit;
            }
        }
    };
    memchr::memchr3_iter(b'|', b'-', b':', bytes).for_each(&mut look_at);
    memchr::memchr3_iter(b'~', 0xC2, 0xE2, bytes).for_each(&mut look_at);
    found
}

/// One or two short lines: what a headline looks like.
fn headline_shaped(view: &BlockView) -> bool {
    !view.lines.is_empty() && view.lines.len() <= 2 && view.chars <= 300
}

/// A repeated block this short is a label or a dateline, not a headline.
fn long_enough(key: &str) -> bool {
    // Most keys are long enough by length alone, so characters are only
    // counted up to 20; words are only counted (up to the third) when the
    // length does not decide.
    let chars = key.chars().take(20).count();
    chars >= 20 || (chars >= 12 && key.split_whitespace().nth(2).is_some())
}

/// Some letter and no lower-case one. Every lower-case character is a
/// letter, so letters need only be looked for until the first one.
fn is_all_capitals(text: &str) -> bool {
    let mut letter_seen = false;
    for c in text.chars() {
        if c.is_lowercase() {
            return false;
        }
        letter_seen = letter_seen || c.is_alphabetic();
    }
    letter_seen
}

/// The headline(s) a `<title>`-form block may stand for: the text before
/// a site suffix (`Headline | Site`, `Headline | Section | Site`), or
/// after a site prefix (`Site | Headline`, `Site | Section | Headline`).
/// A suffix or prefix is cut at the first and at the last separator of
/// its kind, so that a section name may come with the site's.
fn title_form_bases(block: &str) -> impl Iterator<Item = &str> {
    let found = site_separators(block);
    let block = block.trim();
    let present = SITE_SEPARATORS
        .iter()
        .enumerate()
        .filter(move |(bit, _)| found & (1 << bit) != 0)
        .map(|(_, separator)| separator);
    present.flat_map(move |separator| {
        let first = block.find(separator);
        let last = block.rfind(separator);
        let cuts = [first, last.filter(|last| Some(*last) != first)];
        cuts.into_iter().flatten().flat_map(move |cut| {
            let (before, after) = (&block[..cut], &block[cut + separator.len()..]);
            let suffix = looks_like_site_name(after).then_some(before);
            let prefix = looks_like_site_name(before).then_some(after);
            suffix.into_iter().chain(prefix)
        })
    })
}

fn looks_like_site_name(text: &str) -> bool {
    const MAX_CHARS: usize = 60;
    let text = text.trim();
    // A character takes at most four bytes: a longer text has too many
    // characters, and is not counted.
    !text.is_empty()
        && text.len() <= 4 * MAX_CHARS
        && text.chars().count() <= MAX_CHARS
        && text.split_whitespace().nth(8).is_none()
        && !super::shape::ends_with_terminal(text)
        // Words in small letters go on the headline (`… - what it means
        // for you`); a name in small letters is a domain (`elDiario.es`).
        && !(text.starts_with(char::is_lowercase) && text.contains(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(blocks: &[&str]) -> Vec<bool> {
        let views: Vec<BlockView> = blocks.iter().map(|block| BlockView::new(block)).collect();
        let mut decisions = Decisions::new(blocks.len());
        mark(
            blocks,
            &views,
            &SharedRepeats::new(Some(40)),
            &mut decisions,
        );
        (0..blocks.len())
            .map(|index| decisions.kept(index))
            .collect()
    }

    const HEADLINE: &str = "Port workers vote to strike over new shift patterns";
    const BODY: &str = "Dock workers at the port voted by a large majority on Friday to walk out for 48 hours next month.";
    const MORE: &str =
        "The port authority said it would keep the container terminal open with managers on shift.";

    #[test]
    fn every_site_separator_is_found() {
        for (bit, separator) in SITE_SEPARATORS.iter().enumerate() {
            let block = format!("Port workers vote{separator}Coast Herald");
            assert_eq!(site_separators(&block), 1 << bit, "{separator:?}");
        }
        assert_eq!(site_separators("A-B | C ~ D"), 1 << 0 | 1 << 6);
        assert_eq!(site_separators("A -B |C :D ::E -"), 0);
        for block in [
            "Héadline — Site · Name",
            "Ünïcode – text ~ here |",
            "a:: b :: c - d—e –f",
            "“Quoted” | «Site» ~",
        ] {
            let expected = SITE_SEPARATORS
                .iter()
                .enumerate()
                .filter(|(_, separator)| block.contains(*separator))
                .fold(0, |found, (bit, _)| found | 1 << bit);
            assert_eq!(site_separators(block), expected, "{block}");
        }
    }

    #[test]
    fn site_names_are_short_and_unpunctuated() {
        let reference = |text: &str| {
            let text = text.trim();
            !text.is_empty()
                && text.chars().count() <= 60
                && text.split_whitespace().count() <= 8
                && !crate::filters::shape::ends_with_terminal(text)
                && !(text.starts_with(char::is_lowercase) && text.contains(' '))
        };
        let long_thai = "ข่าว".repeat(16);
        for text in [
            "",
            "  ",
            "The Coast Herald",
            "One two three four five six seven eight",
            "One two three four five six seven eight nine",
            "what it means for your mortgage",
            "elDiario.es",
            "opinion",
            "Site.",
            "Site...",
            &"x".repeat(60),
            &"x".repeat(61),
            &"é".repeat(60),
            &"日".repeat(60),
            &"日".repeat(61),
            &long_thai,
            &long_thai[..long_thai.len() - 6],
        ] {
            assert_eq!(looks_like_site_name(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn long_enough_counts_characters_then_words() {
        let reference = |key: &str| {
            let chars = key.chars().count();
            chars >= 20 || (chars >= 12 && key.split_whitespace().nth(2).is_some())
        };
        for key in [
            "",
            "moscow:",
            "a b c defghijk",
            "abcdefghijklmnopqrs",
            "abcdefghijklmnopqrst",
            "日本語のニュース記事の見出しです。今日は",
            "ab cd efghijkl",
        ] {
            assert_eq!(long_enough(key), reference(key), "{key:?}");
        }
    }

    #[test]
    fn every_lower_case_character_is_a_letter() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert!(!c.is_lowercase() || c.is_alphabetic(), "{c:?}");
        }
        for text in [
            "",
            "123 ...",
            "PORT WORKERS",
            "Port",
            "ข่าว",
            "ΑΘΗΝΑ 2024",
            "ǅ",
        ] {
            let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
            let reference = letters.peek().is_some() && letters.all(|c| !c.is_lowercase());
            assert_eq!(is_all_capitals(text), reference, "{text:?}");
        }
    }

    #[test]
    fn an_exact_repeat_is_dropped() {
        assert_eq!(run(&[HEADLINE, HEADLINE, BODY]), [true, false, true]);
    }

    #[test]
    fn title_forms_are_dropped_before_or_after_the_plain_form() {
        let piped = "Port workers vote to strike over new shift patterns | The Coast Herald";
        let dashed = "Port workers vote to strike over new shift patterns - Coast Herald";
        let em = "Port workers vote to strike over new shift patterns — Coast Herald";
        assert_eq!(
            run(&[piped, "Home » News", HEADLINE, BODY]),
            [false, true, true, true]
        );
        assert_eq!(
            run(&[HEADLINE, dashed, BODY, em]),
            [true, false, true, false]
        );
    }

    #[test]
    fn a_title_form_under_the_standfirst_or_the_byline_is_dropped() {
        let piped = "Port workers vote to strike over new shift patterns | The Coast Herald";
        let standfirst =
            "The walkout would be the first at the port in thirty years, union leaders said.";
        assert_eq!(
            run(&[HEADLINE, standfirst, piped, BODY]),
            [true, true, false, true]
        );
        assert_eq!(
            run(&[HEADLINE, standfirst, "By Ana Ruiz", piped, BODY]),
            [true, true, true, false, true]
        );
    }

    #[test]
    fn a_date_line_between_the_title_form_and_the_headline_is_passed_over() {
        let piped = "Port workers vote to strike over new shift patterns | The Coast Herald";
        for date in ["Saturday, March 9, 2024", "9 March 2024, 14:05"] {
            assert_eq!(
                run(&[piped, date, HEADLINE, BODY]),
                [false, true, true, true],
                "{date}"
            );
        }
    }

    #[test]
    fn a_case_variant_is_dropped_and_the_plain_form_preferred() {
        let shouting = "PORT WORKERS VOTE TO STRIKE OVER NEW SHIFT PATTERNS";
        assert_eq!(run(&[shouting, HEADLINE, BODY]), [false, true, true]);
    }

    #[test]
    fn a_title_form_with_a_section_and_a_site_is_dropped() {
        let suffixed =
            "Port workers vote to strike over new shift patterns | Business | The Coast Herald";
        assert_eq!(run(&[suffixed, HEADLINE, BODY]), [false, true, true]);
        let prefixed =
            "The Coast Herald | Business | Port workers vote to strike over new shift patterns";
        assert_eq!(run(&[HEADLINE, prefixed, BODY]), [true, false, true]);
    }

    #[test]
    fn a_title_form_alone_is_kept() {
        let piped = "Port workers vote to strike over new shift patterns | The Coast Herald";
        assert_eq!(run(&[piped, BODY]), [true, true]);
    }

    #[test]
    fn a_repeated_title_form_is_not_taken_for_the_headline() {
        let titled = "Port workers vote to strike | The Coast Herald";
        let kicker = "Live updates from the port";
        // The repeated title form is left to the paragraph filter; the
        // first plain headline-shaped block is the headline, and a second
        // cleaning (with one title form gone) decides the same.
        assert_eq!(
            run(&[BODY, titled, kicker, kicker, titled, BODY]),
            [true, true, true, false, true, true]
        );
        assert_eq!(run(&[BODY, titled, kicker, BODY]), [true, true, true, true]);
    }

    #[test]
    fn a_title_form_dropped_beside_its_base_is_not_passed_over() {
        // A sentence with its title form under it, then a headline-shaped
        // line repeated further down: the title form goes beside the
        // sentence, and the line is decided as in a second cleaning,
        // where that title form is gone.
        let sentence = "Mayor wants a new bridge over the old river.";
        let titled = "Mayor wants a new bridge over the old river. | Example News";
        let line = "Bridge vote set for the spring session";
        let first = run(&[sentence, titled, line, BODY, line, BODY]);
        assert_eq!(first, [true, false, true, true, false, true]);
        assert_eq!(
            run(&[sentence, line, BODY, line, BODY]),
            [true, true, true, false, true]
        );
    }

    #[test]
    fn short_repeats_are_not_headlines() {
        assert_eq!(run(&["Moscow:", "Moscow:", BODY]), [true, true, true]);
    }

    #[test]
    fn a_short_headline_loses_its_title_forms_but_not_its_plain_repeats() {
        let titled = "Budget 2024 | The Daily Ledger";
        assert_eq!(
            run(&[titled, "Budget 2024", BODY, titled]),
            [false, true, true, false]
        );
        assert_eq!(
            run(&["Budget 2024", BODY, "Budget 2024"]),
            [true, true, true]
        );
        // The search goes on past it, in a first cleaning as in a second,
        // and takes the copies of a block under it from the top only.
        let blocks = [titled, "Budget 2024", HEADLINE, HEADLINE, BODY, HEADLINE];
        assert_eq!(run(&blocks), [false, true, true, false, true, true]);
        assert_eq!(run(&blocks[1..]), [true, true, false, true, true]);
    }

    #[test]
    fn a_short_subheading_under_the_story_takes_no_title_form() {
        let headline = "Election 2024 | Live results and analysis";
        let blocks = [headline, BODY, "Election 2024", BODY];
        assert_eq!(run(&blocks), [true; 4]);
    }

    #[test]
    fn a_short_headline_repeated_above_the_story_is_kept_once() {
        let blocks = ["Mayor resigns", "Mayor resigns", BODY, "Mayor resigns"];
        assert_eq!(run(&blocks), [true, false, true, true]);
        // Copies next to copies go too, so a second cleaning finds none.
        let blocks = ["Mayor resigns", "Mayor resigns", "Mayor resigns", BODY];
        assert_eq!(run(&blocks), [true, false, false, true]);
        // A block of its own between them ends the run.
        let blocks = ["Mayor resigns", "By Ann Lee", "Mayor resigns", BODY];
        assert_eq!(run(&blocks), [true; 4]);
    }

    #[test]
    fn past_a_short_headline_a_repeat_under_the_story_is_no_headline() {
        let byline = "By Jane Smith and Tom Jones";
        let blocks = ["Mayor resigns", byline, BODY, MORE, byline];
        assert_eq!(run(&blocks), [true; 5]);
        // Nor past a headline that reads as a title form.
        let dashed = "Brexit - what next for farmers";
        let subheading = "Questions and answers for farmers";
        let blocks = [dashed, BODY, subheading, MORE, subheading];
        assert_eq!(run(&blocks), [true; 5]);
        // Its title form goes, in a first cleaning and a second alike.
        let titled = "Brexit - what next for farmers | Daily Post";
        let blocks = [titled, dashed, BODY, subheading, MORE, subheading];
        assert_eq!(run(&blocks), [false, true, true, true, true, true]);
    }

    #[test]
    fn a_repeated_paragraph_is_not_counted_as_running_text() {
        // The paragraph filter drops the second copy of the paragraph: the
        // search reaches the headline as it does once the copy is gone.
        let blocks = [BODY, MORE, BODY, HEADLINE, BODY, HEADLINE];
        assert_eq!(run(&blocks), [true, true, true, true, true, false]);
        assert_eq!(
            run(&[BODY, MORE, HEADLINE, BODY, HEADLINE]),
            [true, true, true, true, false]
        );
    }

    #[test]
    fn a_subheading_that_goes_on_from_the_headline_is_no_title_form() {
        let headline = "Interest rates rise to 5%";
        let subheading = "Interest rates rise to 5% - what it means for your mortgage";
        assert_eq!(run(&[headline, BODY, subheading, BODY]), [true; 4]);
    }

    #[test]
    fn a_repeat_deep_in_the_body_is_not_taken_for_the_headline() {
        let subheading = "What the new shift patterns mean for workers";
        let blocks = [HEADLINE, BODY, BODY, BODY, subheading, BODY, subheading];
        assert_eq!(run(&blocks), [true; 7]);
    }

    #[test]
    fn a_headline_without_repeats_ends_the_search() {
        // Cleaned text: the headline has lost its copies, and a repeated
        // line under it is not taken for the headline.
        let kicker = "Live updates from the port";
        let blocks = [HEADLINE, BODY, kicker, BODY, kicker];
        assert_eq!(run(&blocks), [true; 5]);
        // A title form alone above the headline does not end the search.
        let piped = "Port workers vote to strike over new shift patterns | The Coast Herald";
        assert_eq!(run(&[piped, HEADLINE, BODY]), [false, true, true]);
    }

    #[test]
    fn a_headline_that_reads_as_a_title_form_is_still_the_headline() {
        // `Q&A - …` reads as a site prefix; nothing on the page is what it
        // would stand for, so it is the headline, and its title forms go.
        let headline = "Q&A - everything you need to know about the rail strike";
        let blocks = [
            "Q&A - everything you need to know about the rail strike | Daily Post",
            headline,
            BODY,
            "Q&A - everything you need to know about the rail strike - Daily Post",
        ];
        assert_eq!(run(&blocks), [false, true, true, false]);
    }

    #[test]
    fn a_title_form_beside_its_headline_goes_after_unknown_furniture() {
        let menu = "Meny Sök Logga in på din sida";
        let date = "Thứ sáu, 5/12/2026, 08:10 (GMT+7)";
        let piped = "Port workers vote to strike over new shift patterns | The Coast Herald";
        for furniture in [menu, date] {
            assert_eq!(
                run(&[furniture, HEADLINE, piped, BODY]),
                [true, true, false, true],
                "{furniture}"
            );
            assert_eq!(
                run(&[furniture, piped, HEADLINE, BODY]),
                [true, false, true, true],
                "{furniture}"
            );
            // Cleaned once, the text comes through unchanged.
            assert_eq!(run(&[furniture, HEADLINE, BODY]), [true; 3]);
        }
        // A headline that reads as a sentence pairs with its title form.
        let asked = "Why did the council close the old swimming baths on Mill Street?";
        let asked_titled = format!("{asked} | TechWire North");
        assert_eq!(run(&[&asked_titled, asked, BODY]), [false, true, true]);
        assert_eq!(run(&[asked, &asked_titled, BODY]), [true, false, true]);
        // Apart, under the story, or without its base, it stays.
        assert_eq!(
            run(&[menu, HEADLINE, BODY, piped]),
            [true, true, true, true]
        );
        assert_eq!(run(&[menu, piped, BODY]), [true, true, true]);
    }

    #[test]
    fn a_dash_inside_the_headline_is_not_a_site_suffix() {
        let hyphenated = "Port workers vote to strike - and bosses say talks are over for good now";
        let start = "Port workers vote to strike";
        assert_eq!(run(&[start, hyphenated, BODY]), [true, true, true]);
    }
}
