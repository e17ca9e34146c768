//! Page boilerplate: share rows, newsletter and cookie boxes, advertisement
//! markers, link lists, tags, breadcrumbs, bios, captions and the rest,
//! found by the rules of `rules.rs` and weighed here against where they sit.
//!
//! A block is a candidate when its first line matches a `start` rule,
//! when every line matches some `block` rule, or when it is a form: a
//! newsletter or cookie box ending in its button, which may stand under a
//! heading and a line of blurb that no rule knows. Each line is tested against
//! all rules in one pass of one automaton, and only short lines are tested at
//! all, so long paragraphs cost almost nothing. A candidate is dropped when
//! its rules' positions allow it: anywhere, in the page furniture above the
//! first paragraph of running text (`top`), below the last one (`bottom`),
//! or next to a block already dropped for the same category (`near`).
//! Headers (`Related posts`, `Sponsored content`) take the list of headline
//! links under them. A column of links alone at the top of the page is
//! told by the headline under it, after the headline filter has run
//! ([`mark_menu_over_headline`]). Comment sections are `comments.rs`'s
//! business.
//!
//! Article text is safe by construction: patterns must cover whole lines,
//! running text (not a repeat) stops the top and bottom zones, a line that
//! says who is speaking is never taken for a banner or a prompt, and an
//! author bio is only dropped when its name is the byline's or it gives
//! contact details.

use super::automaton::Automaton;
use super::comments;
use super::dedup::SharedRepeats;
use super::headline;
use super::menu;
use super::rules::{MatchMode, Positions, Rule, RuleSet};
use super::shape::{ends_with_full_stop, BlockView};
use super::Decisions;
use crate::Config;
use std::cell::OnceCell;
use std::sync::OnceLock;

/// `start` rules only drop blocks this short (characters).
const START_RULE_MAX_CHARS: usize = 400;

/// `start` rules only drop blocks of at most this many lines.
const START_RULE_MAX_LINES: usize = 8;

/// The longest list of headline links taken under a header.
const HEADER_LIST_MAX: usize = 10;

/// Blocks near the top searched for the byline that confirms an author bio.
const BYLINE_SEARCH_BLOCKS: usize = 20;

const AUTHOR_BIO: &str = "author-bio";

const PHOTO_CREDIT: &str = "photo-credit";

const ADVERTISEMENT: &str = "advertisement";

/// The category of share buttons and rows.
const SHARE: &str = "share";

const NAVIGATION: &str = "navigation";

/// The category of link lists and their headers (`More from …`).
const RELATED_LINKS: &str = "related-links";

/// The longest teaser taken under a sponsored header (characters).
const TEASER_MAX_CHARS: usize = 200;

/// The longest caption taken with the credit under it (characters).
const CAPTION_MAX_CHARS: usize = 200;

/// Whether the block at `index` is a lone word that only share rules cover
/// (`Partager`), which the story's title above uses as a word too
/// (`Partager, réparer, recycler`): standing between two paragraphs, it
/// is then the story's own subheading, not a share button.
fn share_word_as_subheading(
    index: usize,
    blocks: &[&str],
    views: &[BlockView],
    candidates: &[Option<Candidate>],
    top_end: usize,
) -> bool {
    let Some(candidate) = &candidates[index] else {
        return false;
    };
    let word = blocks[index].trim();
    if views[index].words != 1
        || !word.chars().all(char::is_alphabetic)
        || !candidate
            .lines
            .iter()
            .flatten()
            .all(|rule| rule.category == SHARE)
    {
        return false;
    }
    let word = word.to_lowercase();
    // The title is no block a rule covers (`Share:` over the networks).
    (0..top_end.min(index)).any(|title| {
        views[title].title_shaped()
            && candidates[title].is_none()
            && blocks[title]
                .split(|character: char| !character.is_alphabetic())
                .any(|other| other.to_lowercase() == word)
    })
}

/// Why a block may be boilerplate: for each line, the rules that cover it
/// (a single entry when a `start` rule covers the whole block).
struct Candidate<'r> {
    lines: Vec<Vec<&'r Rule>>,
    /// The block is a header followed, inside the block, by its list.
    header_with_list: bool,
}

/// Drops boilerplate blocks among those still kept.
pub fn mark(
    blocks: &[&str],
    views: &[BlockView],
    rules: &RuleSet,
    config: &Config,
    repeats: &SharedRepeats,
    decisions: &mut Decisions,
) {
    let usable =
        |rule: &&Rule| rule.category != comments::CATEGORY && config.drops_category(&rule.category);
    let mut candidates: Vec<Option<Candidate>> = views
        .iter()
        .enumerate()
        .map(|(index, view)| {
            if decisions.kept(index) {
                candidate(view, rules, &usable)
            } else {
                None
            }
        })
        .collect();

    // A repeat the paragraph filter drops is no running text: the zones
    // must be the same when a second cleaning no longer sees it.
    let repeated = repeats.get(views, decisions);
    let is_running_text = |index: usize, candidates: &[Option<Candidate>]| {
        decisions.kept(index)
            && views[index].prose
            && candidates[index].is_none()
            && !repeated[index]
            && ranked_item_number(&views[index]).is_none()
    };
    let top_end = (0..views.len())
        .find(|&index| is_running_text(index, &candidates))
        .unwrap_or(views.len());
    // A site's menu goes above the story only, so only the blocks there
    // are looked at for one. A menu is never prose: finding one does not
    // move the end of the top zone.
    let menus = usable(&menu_rule());
    if menus {
        for index in 0..top_end {
            if decisions.kept(index) && candidates[index].is_none() && !heads_a_table(index, views)
            {
                candidates[index] = site_menu(&views[index], rules);
            }
        }
    }
    // Nothing can be dropped.
    if candidates.iter().all(Option::is_none) {
        return;
    }
    let running_text = |index: usize| is_running_text(index, &candidates);
    let bottom_start = (0..views.len())
        .rev()
        .find(|&index| running_text(index))
        .map_or(0, |index| index + 1);
    let subheadings: Vec<usize> = (top_end..bottom_start)
        .filter(|&index| share_word_as_subheading(index, blocks, views, &candidates, top_end))
        .filter(|&index| {
            let kept_before = (0..index).rev().find(|&other| decisions.kept(other));
            let kept_after = (index + 1..views.len()).find(|&other| decisions.kept(other));
            kept_before.is_some_and(running_text) && kept_after.is_some_and(running_text)
        })
        .collect();
    for index in subheadings {
        candidates[index] = None;
    }

    // One forward pass, then a work list: a drop can only make a `near`
    // rule hold for the blocks next to it, so only those are looked at
    // again. A run of n buttons before their anchor costs n checks, not n
    // passes over the document.
    let mut dropped_as: Vec<Option<String>> = vec![None; views.len()];
    let mut recheck: Vec<usize> = Vec::new();
    // The block at an index, when it is one line of links a navigation or
    // link-list rule knows (`More from Adaeze Okafor`).
    let link_after = |index: usize| -> Option<&str> {
        let candidate = candidates.get(index)?.as_ref()?;
        let links =
            matches!(&candidate.lines[..], [rules] if rules.iter().any(|rule| is_link_rule(rule)));
        links.then(|| blocks[index])
    };
    let consider =
        |index: usize, dropped_as: &mut Vec<Option<String>>, recheck: &mut Vec<usize>| {
            if dropped_as[index].is_some() || !decisions.kept(index) {
                return;
            }
            let Some(candidate) = &candidates[index] else {
                return;
            };
            let place = Place {
                index,
                in_top: index < top_end,
                in_bottom: index >= bottom_start,
                dropped_as,
            };
            let list = |rule: &Rule, dropped_as: &[Option<String>]| {
                // A sponsored header's teaser is its list, even of one line;
                // not under a bare label (`Anzeige`), which may stand over a
                // subheading of the story.
                // Under a bare sponsored label (`Sponsored`), which may
                // stand where an ad's picture was, over a subheading of the
                // story, only ad copy of a teaser's length.
                let teaser = rule.category == ADVERTISEMENT
                    && (views[index].words >= 2
                        || (is_sponsored_label(blocks[index])
                            && views
                                .get(index + 1)
                                .is_some_and(|next| next.words >= BARE_LABEL_TEASER_MIN_WORDS)));
                list_under_header(
                    index,
                    blocks,
                    views,
                    &candidates,
                    decisions,
                    dropped_as,
                    teaser,
                )
            };
            let (rule, list) = match satisfied(candidate, &place) {
                Some(rule) if rule.header && !candidate.header_with_list => {
                    (rule, list(rule, dropped_as))
                }
                // A line that a header rule also covers, for the same
                // category (`Contenido patrocinado`), is that header.
                Some(rule) => match header_of_one_line(candidate)
                    .filter(|header| header.category == rule.category)
                {
                    Some(header) => (header, list(header, dropped_as)),
                    None => (rule, Vec::new()),
                },
                // A header whose place alone would not let it go (`Most
                // popular` could head a paragraph) goes over its list, in the
                // blocks under it or in its own.
                None => match header_of_one_line(candidate) {
                    Some(rule) => {
                        let list = list(rule, dropped_as);
                        if list.is_empty() {
                            return;
                        }
                        (rule, list)
                    }
                    None if candidate.header_with_list => match candidate.lines[0].first() {
                        Some(&rule) => (rule, Vec::new()),
                        None => return,
                    },
                    None => return,
                },
            };
            // A bio is confirmed by the byline or its contact details; its
            // header (`About the author`) by the bio dropped beside it.
            if rule.category == AUTHOR_BIO
                && !std::ptr::eq(rule, author_box_rule())
                && (turns_to_the_story(blocks[index])
                    || (!place.next_to(AUTHOR_BIO)
                        && !bio_confirmed(index, blocks, views, link_after(index + 1))))
            {
                return;
            }
            // `Getty Images` over a paragraph opening `Getty sued …` is a
            // subheading naming what the paragraph is about, not a credit.
            if rule.category == PHOTO_CREDIT && names_next_paragraph(index, views) {
                return;
            }
            dropped_as[index] = Some(rule.category.clone());
            for &item in &list {
                dropped_as[item] = Some(rule.category.clone());
            }
            let mut newly_dropped = vec![index];
            newly_dropped.extend(list);
            for dropped in newly_dropped {
                recheck.extend(dropped.checked_sub(1));
                recheck.push(dropped + 1);
            }
        };
    // Most blocks are no candidate, which is told here rather than in a
    // call of `consider`.
    let is_candidate = |index: usize| candidates.get(index).is_some_and(Option::is_some);
    for index in 0..views.len() {
        if is_candidate(index) {
            consider(index, &mut dropped_as, &mut recheck);
        }
    }
    while let Some(index) = recheck.pop() {
        if is_candidate(index) {
            consider(index, &mut dropped_as, &mut recheck);
        }
    }
    if menus {
        if let Some(name) = site_name_over_menu(views, decisions, &dropped_as, top_end) {
            dropped_as[name] = Some(NAVIGATION.to_string());
        }
    }
    for (index, category) in dropped_as.into_iter().enumerate() {
        if let Some(category) = category {
            decisions.drop_block(index, format!("boilerplate.{category}"));
        }
    }
}

/// A bio box that gives the name on a line of its own and the bio under
/// it (`Antonello Mura` / `Giornalista, segue la cronaca …`): the bio rules
/// read the two lines as one, the name then a comma (`Antonello Mura,
/// Giornalista, segue …`). Only the bio rules are asked; the byline still
/// has to confirm the name. The block is one the start rules may read.
fn bio_under_a_name<'r>(
    view: &BlockView,
    rules: &'r RuleSet,
    usable: &impl Fn(&&'r Rule) -> bool,
) -> Option<Candidate<'r>> {
    // An avatar's initials may stand over the name (`SH` / `Sam Haddad`).
    let lines = match &view.lines[..] {
        [initials, name, ..] if is_initials_of(initials, name) => &view.lines[1..],
        lines => lines,
    };
    let [name, bio, ..] = lines else {
        return None;
    };
    if !is_name_alone(name) {
        return None;
    }
    let joined = format!("{name}, {bio}");
    let bios: Vec<&Rule> = rules
        .start_match_indexes(&joined)
        .into_iter()
        .map(|index| rules.rule(index))
        .filter(|rule| rule.category == AUTHOR_BIO)
        .filter(usable)
        .collect();
    (!bios.is_empty()).then(|| Candidate {
        lines: vec![bios],
        header_with_list: false,
    })
}

/// Whether `line` is the initials of `name` (`SH` over `Sam Haddad`), as
/// an author box prints them in place of a missing photo.
fn is_initials_of(line: &str, name: &str) -> bool {
    let initials: String = name
        .split_whitespace()
        .filter_map(|word| word.chars().next())
        .collect();
    line.chars().count() >= 2 && line == initials && line.chars().all(char::is_uppercase)
}

/// An author box that closes with the link to its author's other posts
/// (`Published by Dana Okoye` / a line or two about her / `View all posts
/// by Dana Okoye`): its first line names the person alone or after a word
/// and `by` (`About` also), and its last line, a link a navigation or
/// link-list rule knows (`Mehr von …`), ends with the same name. The link
/// names the box's author, so no byline has to confirm it.
fn author_box<'r>(view: &BlockView, rules: &'r RuleSet) -> Option<Candidate<'r>> {
    const BOX_MAX_LINES: usize = 6;
    const BOX_MAX_CHARS: usize = 800;
    let (first, last) = match &view.lines[..] {
        [first, .., last] if view.lines.len() <= BOX_MAX_LINES => (first, last),
        _ => return None,
    };
    if view.chars > BOX_MAX_CHARS {
        return None;
    }
    let name = match first.split_once(" by ") {
        Some((opening, name)) if opening.split_whitespace().count() <= 2 => name,
        _ => first.strip_prefix("About ").unwrap_or(first),
    }
    .trim();
    if !is_name_alone(name) || !link_text(last).ends_with(name) {
        return None;
    }
    let hits = view.line_hits(rules);
    let links = hits
        .line(view.lines.len() - 1)
        .iter()
        .any(|&index| is_link_rule(rules.rule(index)));
    links.then(|| Candidate {
        lines: vec![vec![author_box_rule()]],
        header_with_list: false,
    })
}

/// Whether a rule knows a line as a link to more of the site: navigation
/// or a list of links (`View all posts by Dana Okoye`, `More from …`).
fn is_link_rule(rule: &Rule) -> bool {
    matches!(rule.category.as_str(), NAVIGATION | RELATED_LINKS)
}

/// A link's text without the arrow after it (`More from Dana Okoye »`).
fn link_text(line: &str) -> &str {
    line.trim_end_matches([' ', '»', '›', '→'])
}

/// A footer that opens with its owner's name (`University of Westmoor` /
/// its address / `© 2024 University of Westmoor. All rights reserved.` /
/// its links): the one line no rule covers is the name a copyright line
/// of the block holds, or a name over lines of the page's foot alone (its
/// address and telephone), and goes with them.
fn name_the_notice_holds<'r>(view: &BlockView, lines: &mut [Vec<&'r Rule>]) {
    const NAME_MAX_CHARS: usize = 60;
    let mut free = (0..lines.len()).filter(|&index| lines[index].is_empty());
    let (Some(name), None) = (free.next(), free.next()) else {
        return;
    };
    let text = view.lines[name].trim();
    if lines.len() < 3 || text.is_empty() || text.chars().count() > NAME_MAX_CHARS {
        return;
    }
    let notice = (0..lines.len()).find_map(|index| {
        let rule = lines[index]
            .iter()
            .copied()
            .find(|rule| rule.category == COPYRIGHT)?;
        view.lines[index].contains(text).then_some(rule)
    });
    // Or the name over its address and telephone, every line of which a
    // rule for the foot of the page covers.
    let footer_line = |rules: &[&'r Rule]| -> Option<&'r Rule> {
        rules.iter().copied().find(|rule| {
            rule.category == NAVIGATION && rule.positions.bottom && !rule.positions.top
        })
    };
    let address = || {
        if name != 0 || !menu::is_site_name(text) {
            return None;
        }
        let rules: Vec<&'r Rule> = lines[1..]
            .iter()
            .map(|rules| footer_line(rules))
            .collect::<Option<_>>()?;
        rules.first().copied()
    };
    if let Some(rule) = notice.or_else(address) {
        lines[name].push(rule);
    }
}

/// The rule of an author box told by its link to the author's posts
/// ([`author_box`]): confirmed by that link, it goes anywhere.
fn author_box_rule() -> &'static Rule {
    static AUTHOR_BOX: OnceLock<Rule> = OnceLock::new();
    AUTHOR_BOX.get_or_init(|| Rule {
        id: "bio.author-box".to_string(),
        category: AUTHOR_BIO.to_string(),
        languages: vec!["*".to_string()],
        mode: MatchMode::Block,
        positions: Positions::default(),
        header: false,
        marker: false,
        hint: false,
        pattern: String::new(),
    })
}

/// Whether a line is a person's name alone: two or three words, each
/// opening with a capital, of letters (and `'`, `’`, `-`, `.`) only.
fn is_name_alone(line: &str) -> bool {
    const NAME_MAX_CHARS: usize = 40;
    let words = line.split_whitespace().count();
    (2..=3).contains(&words)
        && line.chars().count() <= NAME_MAX_CHARS
        && line.split_whitespace().all(|word| {
            word.starts_with(char::is_uppercase)
                && word
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
        })
}

/// The rules that could make `view` boilerplate, if any.
fn candidate<'r>(
    view: &BlockView,
    rules: &'r RuleSet,
    usable: &impl Fn(&&'r Rule) -> bool,
) -> Option<Candidate<'r>> {
    if view.lines.is_empty() {
        return None;
    }
    // Its header may be one a start rule knows (`About Dana Okoye`), which
    // would want a byline to confirm it.
    if let Some(author_box) = author_box(view, rules).filter(|_| usable(&author_box_rule())) {
        return Some(author_box);
    }
    let start_sized =
        view.chars <= START_RULE_MAX_CHARS && view.lines.len() <= START_RULE_MAX_LINES;
    let start_hits: &[usize] = if start_sized {
        view.start_hits(rules)
    } else {
        &[]
    };
    // Most first lines start with no rule: no vector is collected for them.
    if !start_hits.is_empty() {
        // Asked only when a rule for reader-addressed text matches.
        let speech = OnceCell::new();
        let reported =
            || *speech.get_or_init(|| view.lines.iter().any(|line| reports_speech(line)));
        let starts: Vec<&Rule> = start_hits
            .iter()
            .map(|&index| rules.rule(index))
            .filter(usable)
            .filter(|rule| !(speaks_to_reader(rule) && reported()))
            .collect();
        if !starts.is_empty() && !holds_a_fact_box(view, rules) {
            return Some(Candidate {
                lines: vec![starts],
                header_with_list: false,
            });
        }
    }
    if start_sized {
        if let Some(bio) = bio_under_a_name(view, rules, usable) {
            return Some(bio);
        }
    }
    // Most blocks are article text, whose first line no rule covers; their
    // other lines need no look, unless the block is short enough to be a
    // form under a heading of its own.
    if view.first_line_hits(rules).is_empty() && !may_be_form(view) && !may_be_caption(view) {
        return None;
    }
    let hits = view.line_hits(rules);
    let mut lines = Vec::with_capacity(view.lines.len());
    for (hits, line) in hits.iter().zip(view.lines.iter()) {
        let speech = OnceCell::new();
        let reported = || *speech.get_or_init(|| reports_speech(line));
        let matching: Vec<&Rule> = hits
            .iter()
            .map(|&index| rules.rule(index))
            .filter(usable)
            .filter(|rule| !(speaks_to_reader(rule) && reported()))
            .filter(|rule| !(rule.category == COPYRIGHT && quotes_a_notice(line)))
            .collect();
        lines.push(matching);
    }
    name_the_notice_holds(view, &mut lines);
    if lines.iter().all(|rules| !rules.is_empty()) {
        return Some(Candidate {
            lines,
            header_with_list: false,
        });
    }
    if let Some(candidate) = caption_over_credit(view, &lines) {
        return Some(candidate);
    }
    // A header and its list of headline links in one block.
    let headers: Vec<&Rule> = lines
        .first()
        .map(|rules| rules.iter().copied().filter(|rule| rule.header).collect())
        .unwrap_or_default();
    let list_follows = || {
        view.lines.len() >= 2
            && view.lines[1..]
                .iter()
                .all(|line| is_headline_line(line) || BlockView::new(line).title_shaped())
    };
    if !headers.is_empty() && list_follows() {
        return Some(Candidate {
            lines: vec![headers],
            header_with_list: true,
        });
    }
    // A sponsored label over its teaser in one block: the teaser's lines
    // need not look like headlines (`Is your plant area losing margin? See
    // how …` / `Download the free report`).
    let labels: Vec<&Rule> = lines
        .first()
        .map(|rules| {
            rules
                .iter()
                .copied()
                .filter(|rule| rule.category == ADVERTISEMENT)
                .collect()
        })
        .unwrap_or_default();
    let teaser_follows = (2..=SPONSORED_BOX_MAX_LINES).contains(&view.lines.len())
        && !labels.is_empty()
        && (labels.iter().any(|rule| rule.header) || is_sponsored_label(&view.lines[0]))
        && view.lines[1..]
            .iter()
            .all(|line| line.chars().count() <= TEASER_MAX_CHARS);
    if teaser_follows {
        return Some(Candidate {
            lines: vec![labels],
            header_with_list: true,
        });
    }
    form_under_heading(view, &lines).or_else(|| form_with_free_lines(view, &lines))
}

/// The rule of a site's menu told by its shape (see `menu.rs`): a
/// navigation rule for the page furniture above the story only.
fn menu_rule() -> &'static Rule {
    static MENU: OnceLock<Rule> = OnceLock::new();
    MENU.get_or_init(|| Rule {
        id: "nav.menu-shape".to_string(),
        category: NAVIGATION.to_string(),
        languages: vec!["*".to_string()],
        mode: MatchMode::Block,
        positions: Positions {
            top: true,
            bottom: false,
            near: false,
        },
        header: false,
        marker: false,
        hint: false,
        pattern: String::new(),
    })
}

/// A site's menu that no rule spells out: a row of section links
/// (`Features | Culture | Design`), or a column of short names
/// (`Ashwell Parish News` / `Home` / `Events` / `Contact`) holding a row,
/// or two links the navigation, paywall or breadcrumb rules know, or of
/// four lines or more that are section names but for one (`Cultuur` /
/// `Film` / `Muziek` / `Boeken`).
/// The rule it gets drops it only above the story. A byline is never part
/// of it.
fn site_menu<'r>(view: &BlockView, rules: &'r RuleSet) -> Option<Candidate<'r>> {
    const COLUMN_MAX_LINES: usize = 12;
    const COLUMN_MAX_CHARS: usize = 400;
    const NAMES_ALONE: usize = 4;
    const LINK_CATEGORIES: &[&str] = &[NAVIGATION, "paywall", "breadcrumb"];
    let rule = menu_rule();
    let lines = view.lines.len();
    if view.prose || lines > COLUMN_MAX_LINES || view.chars > COLUMN_MAX_CHARS {
        return None;
    }
    let is_row = |line: &str| menu::is_row(line) && !is_byline(line);
    let menu = if lines == 1 {
        is_row(&view.lines[0]) || row_of_words_with_links(&view.lines[0], rules)
    } else {
        let hits = view.line_hits(rules);
        let is_link = |index: usize| {
            hits.line(index)
                .iter()
                .any(|&hit| LINK_CATEGORIES.contains(&rules.rule(hit).category.as_str()))
        };
        let (mut rows, mut links, mut names, mut rows_of_words, mut widgets) = (0, 0, 0, 0, 0);
        let shaped = view.lines.iter().enumerate().all(|(index, line)| {
            if is_byline(line) {
                return false;
            }
            let row = is_row(line);
            let link = is_link(index);
            rows += usize::from(row);
            links += usize::from(link);
            names += usize::from(menu::is_section_name(line));
            if row || link || menu::is_column_line(line) || (index == 0 && menu::is_site_name(line))
            {
                return true;
            }
            if menu::is_row_of_words(line) {
                rows_of_words += 1;
                return true;
            }
            if index > 0 && !menu::is_link(line) && is_menu_widget(line) {
                widgets += 1;
                return true;
            }
            false
        });
        // A row of names with spaces alone between them could be a
        // headline in title case, and a short line a kicker: they are a
        // menu's only beside two links a rule knows, among four lines of
        // the menu's own shapes at least.
        if (rows_of_words > 0 || widgets > 0) && links < 2
            || widgets > MENU_WIDGETS_MAX
            || (widgets > 0 && lines < widgets + MENU_WIDGETS_AMONG)
        {
            return None;
        }
        // Rows alike are a table (`Name | Party | Ward` over `Jane Doe |
        // Labour | North`). Section names may stand under the site's name
        // or a link.
        let table = rows >= 2
            && view
                .lines
                .windows(2)
                .any(|pair| menu::are_table_rows(&pair[0], &pair[1]));
        shaped
            && !table
            && (rows >= 1 || links >= 2 || (lines >= NAMES_ALONE && names + 1 >= lines))
    };
    menu.then(|| Candidate {
        lines: vec![vec![rule]; lines],
        header_with_list: false,
    })
}

/// A menu's row written with spaces alone between its links (`Startseite
/// Tirol Innsbruck Wirtschaft Sport Suche Anmelden`, `Strona główna
/// Wiadomości Sport Kultura Szukaj`): names of one or two words, closed by
/// a search or sign-in link a navigation rule knows, and opened by one
/// (`Startseite`) or with two more among them (`Sport`, `Kultura`). A
/// headline in title case is not so full of links.
fn row_of_words_with_links(line: &str, rules: &RuleSet) -> bool {
    const LINKS_MIN: usize = 3;
    // Most lines are told by their length or their first letter.
    let opens_with_a_name = line
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase());
    if !opens_with_a_name || line.len() > menu::ROW_MAX_BYTES {
        return false;
    }
    // Counted in bytes first: a space, or the first byte of an
    // ideographic one (E3 80 80), which few other characters open with.
    let separators = line
        .bytes()
        .filter(|&byte| byte == b' ' || byte == 0xE3)
        .count();
    if separators + 1 < menu::ROW_OF_NAMES_MIN_WORDS {
        return false;
    }
    let words: Vec<&str> = line.split([' ', '\u{3000}']).collect();
    if !menu::is_row_of_names(&words) {
        return false;
    }
    let is_link = |text: &str| {
        rules
            .block_match_indexes(text)
            .iter()
            .any(|&index| rules.rule(index).category == NAVIGATION)
    };
    // Links of one word or two (`Se connecter`), counted from the end.
    let (mut links, mut closed, mut opened) = (0, false, false);
    let mut end = words.len();
    while end > 0 {
        let pair = end >= 2 && is_link(&words[end - 2..end].join(" "));
        let taken = if pair {
            2
        } else if is_link(words[end - 1]) {
            1
        } else if !closed {
            return false;
        } else {
            // A name no rule knows.
            end -= 1;
            continue;
        };
        closed = true;
        links += 1;
        end -= taken;
        opened = end == 0;
    }
    opened || links >= LINKS_MIN
}

/// The most lines of a menu that are none of its links: the site's
/// tagline, the weather, the place (`68°`, `Harlan Springs, MO`).
const MENU_WIDGETS_MAX: usize = 2;

/// The fewest lines of a menu's own shapes beside such lines.
const MENU_WIDGETS_AMONG: usize = 4;

/// A short line a site prints among its menu's links: its tagline, the
/// weather, the place, a sign-up offer (`Notes on running small websites
/// without losing your mind`, `68°`, `Subscribe to the magazine`). It is
/// no sentence, and no longer than a tagline. The caller takes only lines
/// under the first that are no link of a column of links alone (`Historia
/// del barrio`), which keeps such a column to its own rules.
fn is_menu_widget(line: &str) -> bool {
    const MAX_CHARS: usize = 64;
    const MAX_WORDS: usize = 10;
    line.chars().count() <= MAX_CHARS
        && line.split_whitespace().count() <= MAX_WORDS
        && !line.trim_end().ends_with(['.', '!', '?', ':', ';'])
}

/// Drops a column of links alone at the top of the page (`Inicio` /
/// `Entrevistas` / `Historia del barrio` / `Agenda` / `Contacto`), which
/// [`mark`] leaves: with no site's name over it and no link a rule knows,
/// only its place tells it from a list. A menu stands over the headline;
/// a list of the story stands under it. So the column goes only when it is
/// the first block still kept, the block right under it reads as the
/// headline and the story follows.
///
/// It runs after the headline filter, which drops the headline's
/// `<title>` forms: a form over the menu (`Headline | Site`) is gone, as
/// it is in a second cleaning, and the block under the menu is the one a
/// second cleaning sees there.
///
/// A page whose lines are each a block of their own has its column in
/// blocks of one line each: the links are then the one-line blocks from
/// the top of the page to the first kept block that is no link, those a
/// navigation rule already dropped (`Inicio`) included, so that what the
/// rules leave of the column is still seen as one.
pub fn mark_menu_over_headline(views: &[BlockView], config: &Config, decisions: &mut Decisions) {
    if !config.drops_category(&menu_rule().category) {
        return;
    }
    let Some(first) = (0..views.len()).find(|&index| decisions.kept(index)) else {
        return;
    };
    let is_link_block = |view: &BlockView| {
        !view.prose && matches!(&view.lines[..], [line] if menu::is_link(line) && !is_byline(line))
    };
    // The blocks of the column, and where the block under it is.
    let (column, under): (Vec<usize>, usize) = if views[first].lines.len() == 1 {
        let under = (0..views.len())
            .find(|&index| decisions.kept(index) && !is_link_block(&views[index]))
            .unwrap_or(views.len());
        // A block dropped for another reason (a cookie banner's button)
        // is no link of the menu.
        let navigation = format!("boilerplate.{NAVIGATION}");
        let column = (0..under)
            .filter(|&index| {
                is_link_block(&views[index])
                    && (decisions.kept(index) || decisions.reason(index) == Some(&navigation))
            })
            .collect();
        (column, under)
    } else {
        (vec![first], first + 1)
    };
    let lines: Vec<&str> = column
        .iter()
        .flat_map(|&index| views[index].lines.iter().map(|line| line.as_ref()))
        .collect();
    if column.iter().any(|&index| views[index].prose)
        || lines.iter().any(|line| is_byline(line))
        || !menu::is_column_of_links(&lines)
    {
        return;
    }
    let Some(headline) = (under..views.len()).find(|&index| decisions.kept(index)) else {
        return;
    };
    if reads_as_headline_under_menu(&views[headline])
        && (headline + 1..views.len()).any(|index| decisions.kept(index) && views[index].prose)
    {
        for index in column {
            if decisions.kept(index) {
                decisions.drop_block(index, format!("boilerplate.{NAVIGATION}"));
            }
        }
    }
}

/// Whether a block under a column of links reads as the headline: one
/// line of three words or more that is no sentence, no byline, no
/// heading of a list (`Ingredients:`) and no name (`Method`, `Mayor
/// Resigns`), which a second cleaning, without the column over it, could
/// take for the site's name over a menu.
fn reads_as_headline_under_menu(view: &BlockView) -> bool {
    const HEADLINE_MIN_WORDS: usize = 3;
    let [line] = &view.lines[..] else {
        return false;
    };
    view.title_shaped()
        && view.words >= HEADLINE_MIN_WORDS
        && !line.ends_with(':')
        && !is_byline(line)
        && !menu::is_column_line(line)
}

/// Whether the one-line block at `index` heads a table: the line under
/// it has as many `|` (`Director | Runtime | Rating` over `Nora Ephron |
/// 105 min | PG`).
fn heads_a_table(index: usize, views: &[BlockView]) -> bool {
    match (
        views[index].lines.first(),
        views.get(index + 1).and_then(|next| next.lines.first()),
    ) {
        (Some(here), Some(next)) => menu::are_table_rows(here, next),
        _ => false,
    }
}

/// The site's name heading the page over its menu (`Somerset Live`, then
/// `News | Crime | Sport`): the first block still kept, a short name that
/// is no byline, with navigation dropped right under it and a headline
/// after that, above the story. A headline over the menu would have no
/// other headline under it.
fn site_name_over_menu(
    views: &[BlockView],
    decisions: &Decisions,
    dropped_as: &[Option<String>],
    top_end: usize,
) -> Option<usize> {
    let dropped = |index: usize| !decisions.kept(index) || dropped_as[index].is_some();
    let name = (0..views.len()).find(|&index| !dropped(index))?;
    let view = &views[name];
    // The name may have its tagline under it (`Hollybank Neighbors` /
    // `News and notes from the Hollybank Neighborhood Association`).
    let line = match view.lines.as_ref() {
        [line] => line,
        [line, tagline] if is_tagline(tagline) => line,
        _ => return None,
    };
    if name >= top_end || view.prose || is_byline(line) || !menu::is_column_line(line) {
        return None;
    }
    let headline = (name + 1..views.len()).find(|&index| !dropped(index))?;
    // A real menu: two links or more dropped above the headline (a skip
    // link above the name counts), or one block of several. A lone section
    // name under a headline (`Politics`) is its kicker, and the headline no
    // site's name.
    let is_link = |index: usize| {
        dropped_as[index]
            .as_deref()
            .is_some_and(|category| category == NAVIGATION || category == "breadcrumb")
    };
    let links: Vec<usize> = (0..headline)
        .filter(|&index| index != name && is_link(index))
        .collect();
    let menu_between = (name + 1..headline).any(is_link)
        && (links.len() >= 2
            || links.iter().any(|&index| {
                views[index].lines.len() >= 2 || menu::is_row(&views[index].lines[0])
            }));
    let reads_as_headline = headline < top_end
        && views[headline].title_shaped()
        && !views[headline].lines.iter().any(|line| is_byline(line));
    (menu_between && reads_as_headline).then_some(name)
}

/// Whether a line under a site's name is its tagline: a short phrase that
/// is no sentence (no closing stop) and no byline or date.
fn is_tagline(line: &str) -> bool {
    const TAGLINE_MAX_WORDS: usize = 12;
    let words = line.split_whitespace().count();
    (2..=TAGLINE_MAX_WORDS).contains(&words)
        && !line.ends_with(['.', '!', '?', ':'])
        && !line.contains(|c: char| c.is_ascii_digit())
        && !is_byline(line)
}

/// Whether the block is a short line over another: a caption over its
/// credit, perhaps.
fn may_be_caption(view: &BlockView) -> bool {
    view.lines.len() == 2 && view.lines[0].chars().count() <= CAPTION_MAX_CHARS
}

/// A photo's caption with its credit on the line under it (`Bundes-
/// gerichtshof in Karlsruhe` / `Foto: Uli Deck / dpa`): the caption goes
/// with the credit. Only a single short line stands over the credit; a
/// paragraph of the story ends with a blank line before any caption.
fn caption_over_credit<'r>(view: &BlockView, lines: &[Vec<&'r Rule>]) -> Option<Candidate<'r>> {
    let [caption, credit] = lines else {
        return None;
    };
    let credit_rule = credit
        .iter()
        .copied()
        .find(|rule| rule.category == PHOTO_CREDIT)?;
    if !caption.is_empty() || !may_be_caption(view) {
        return None;
    }
    Some(Candidate {
        lines: vec![vec![credit_rule], vec![credit_rule]],
        header_with_list: false,
    })
}

/// Whether a later line of the block is a label and its value that no
/// rule knows (`Winner: Jane Smith`): the block is a list of facts or
/// results, and a first line such as `Category: Best Novel` is one of
/// them, not the page's tags. A label a rule opens with (`Tags: …` under
/// `Categories: …`) is the page's too.
fn holds_a_fact_box(view: &BlockView, rules: &RuleSet) -> bool {
    view.lines.len() > 1
        && view
            .line_hits(rules)
            .iter()
            .zip(view.lines.iter())
            .skip(1)
            .any(|(hits, line)| {
                hits.is_empty() && is_labelled(line) && rules.start_match_indexes(line).is_empty()
            })
}

/// A line that opens with a label of one to three words and a colon, and
/// goes on after it.
fn is_labelled(line: &str) -> bool {
    let Some((label, value)) = line.split_once(':') else {
        return false;
    };
    label.len() <= 30
        && label.split(' ').count() <= 3
        && label.chars().next().is_some_and(char::is_uppercase)
        && label.chars().all(|c| c.is_alphabetic() || c == ' ')
        && !value.trim().is_empty()
}

/// The category of cookie banners and their buttons.
const COOKIE_CONSENT: &str = "cookie-consent";

/// The categories whose boxes end in buttons: a newsletter sign-up form,
/// a cookie banner, a paywall's offer. Such a box holds together wherever
/// it stands: its buttons vouch for its offer or banner, which alone might
/// be a sentence of the story, and the offer or banner for its buttons.
const FORM_CATEGORIES: &[&str] = &[COOKIE_CONSENT, "newsletter", "paywall", "app-prompt"];

/// The most lines of a form that no rule covers: its heading and a line
/// of blurb (`Get our weekly round-up`, `The best of our journalism, every
/// morning.`).
const FORM_FREE_LINES: usize = 2;

/// The longest line of a form that no rule covers (characters).
const FORM_FREE_LINE_MAX_CHARS: usize = 120;

/// Whether the block is short enough to be a form under a heading.
fn may_be_form(view: &BlockView) -> bool {
    (3..=START_RULE_MAX_LINES).contains(&view.lines.len()) && view.chars <= START_RULE_MAX_CHARS
}

/// A form (see [`form_category`]) under a heading and a line of blurb
/// that no rule knows. The heading alone never makes the block a
/// candidate: the covered lines must be a whole form of their own, at
/// least two lines after the last free one.
fn form_under_heading<'r>(view: &BlockView, lines: &[Vec<&'r Rule>]) -> Option<Candidate<'r>> {
    if !may_be_form(view) {
        return None;
    }
    let free: Vec<usize> = (0..lines.len())
        .filter(|&index| lines[index].is_empty())
        .collect();
    let last_free = *free.last()?;
    if free.len() > FORM_FREE_LINES
        || lines.len() - last_free - 1 < 2
        || free
            .iter()
            .any(|&index| view.lines[index].chars().count() > FORM_FREE_LINE_MAX_CHARS)
    {
        return None;
    }
    let covered: Vec<Vec<&Rule>> = lines
        .iter()
        .filter(|rules| !rules.is_empty())
        .cloned()
        .collect();
    let category = form_category(&covered)?;
    let lines = covered
        .into_iter()
        .map(|rules| {
            rules
                .into_iter()
                .filter(|rule| rule.category == category)
                .collect()
        })
        .collect();
    Some(Candidate {
        lines,
        header_with_list: false,
    })
}

/// A cookie banner or a newsletter box whose buttons, blurb or privacy
/// line no rule knows (`Nous utilisons des cookies…` / `Tout accepter` /
/// `Paramétrer mes choix`; `Newsletter` / `Der Morgen in München: …` /
/// `Ihre E-Mail-Adresse` / `Jetzt abonnieren`). A banner or offer line of
/// the form's category must hold on its own; then either every other line
/// is a button (a few words, no sentence), or a second line is the form's
/// and at most three short lines are free, one of them at most no button.
/// The free lines go as the banner does.
fn form_with_free_lines<'r>(view: &BlockView, lines: &[Vec<&'r Rule>]) -> Option<Candidate<'r>> {
    const MAX_CHARS: usize = 600;
    const MAX_FREE: usize = 4;
    const MAX_FREE_BESIDE_TWO: usize = 3;
    if !(2..=START_RULE_MAX_LINES).contains(&lines.len()) || view.chars > MAX_CHARS {
        return None;
    }
    let is_button = |line: &str| {
        let words = line.split_whitespace().count();
        (1..=4).contains(&words)
            && line.chars().count() <= 32
            && !line.ends_with(['.', '?', '!', ':', ','])
            && !line.chars().any(|c| c.is_ascii_digit())
    };
    FORM_CATEGORIES.iter().copied().find_map(|category| {
        let of = |rule: &&Rule| rule.category == category;
        let covered = lines.iter().filter(|rules| rules.iter().any(of)).count();
        let free: Vec<usize> = (0..lines.len())
            .filter(|&index| !lines[index].iter().any(of))
            .collect();
        // A banner in a language no banner rule reads still names cookies
        // (`Kennemer Courant gebruikt cookies …` / `Akkoord` / `Instellingen
        // aanpassen`): its one free line does, over buttons a rule knows.
        let names_cookies = || {
            category == COOKIE_CONSENT
                && matches!(&free[..], [line] if view.lines[*line].to_lowercase().contains("cookie"))
        };
        let anchor = lines
            .iter()
            .flatten()
            .copied()
            .find(|rule| of(rule) && !near_only(rule))
            .or_else(|| {
                names_cookies()
                    .then(|| lines.iter().flatten().copied().find(of))
                    .flatten()
            })?;
        let buttons_only = free.iter().all(|&index| is_button(&view.lines[index]));
        let short_free = free.len() <= MAX_FREE_BESIDE_TWO
            && free
                .iter()
                .all(|&index| view.lines[index].chars().count() <= FORM_FREE_LINE_MAX_CHARS);
        // Beside two lines of the form, one free line may be its blurb or
        // privacy line, and beside three (a field, a button and a consent
        // line), its heading too; lines of a story go on for several
        // sentences.
        let one_sentence = free
            .iter()
            .filter(|&&index| !is_button(&view.lines[index]))
            .count()
            <= 1;
        let form = !free.is_empty()
            && free.len() <= MAX_FREE
            && ((covered >= 1 && buttons_only)
                || (covered >= 2 && short_free && (one_sentence || covered >= 3))
                || (covered >= 2 && names_cookies()));
        form.then(|| Candidate {
            lines: lines
                .iter()
                .map(|rules| {
                    let own: Vec<&Rule> = rules.iter().copied().filter(of).collect();
                    if own.is_empty() {
                        vec![anchor]
                    } else {
                        own
                    }
                })
                .collect(),
            header_with_list: false,
        })
    })
}

/// The form category of a block of several lines, each covered by a rule
/// of that category, whose last line is a button (a `near` rule) and
/// another line an offer, a field or a banner (a rule that holds on its
/// own somewhere).
fn form_category(lines: &[Vec<&Rule>]) -> Option<&'static str> {
    let (last, others) = lines.split_last()?;
    if others.is_empty() {
        return None;
    }
    FORM_CATEGORIES.iter().copied().find(|&category| {
        let of = |rule: &&&Rule| rule.category == category;
        lines.iter().all(|rules| rules.iter().any(|rule| of(&rule)))
            && last.iter().any(|rule| of(&rule) && rule.positions.near)
            && others
                .iter()
                .flatten()
                .any(|rule| of(&rule) && !near_only(rule))
    })
}

/// A rule that only holds next to furniture of its category: a button, a
/// link.
fn near_only(rule: &Rule) -> bool {
    rule.positions.near && !rule.positions.top && !rule.positions.bottom
}

/// The categories of text that speaks to the reader: banners, prompts,
/// buttons, footer lines. Such text never says who is speaking.
const READER_ADDRESSED: &[&str] = &[
    "advertisement",
    "app-prompt",
    "cookie-consent",
    "copyright",
    "navigation",
    "newsletter",
    "paywall",
    "print-email",
    "share",
    "tags",
];

fn speaks_to_reader(rule: &Rule) -> bool {
    READER_ADDRESSED.contains(&rule.category.as_str())
}

/// A line that says who is speaking: `…, the founder said`, `…,” a
/// spokesperson added`, `…, Smith said`, `…, according to the filing`,
/// `…, said the chief executive`, `…, dijo el alcalde`.
///
/// The classes of letters are written case-sensitive, with the one
/// character that is no letter but matches one ignoring case (U+0345, the
/// combining iota subscript): the same classes as `[\p{L}…]` under
/// `(?i)`, whose case folding of every letter was a third of compiling
/// the pattern.
const REPORTED_SPEECH: &str = concat!(
    r#"(?i)[,—–][”"’»]?\s+(?:(?:the|a|an|his|her|their|its|one|our)\s+(?:(?-i:[\p{L}\x{345}'’-])+\s+){0,4}"#,
    r"|(?-i:\p{Lu}[\p{L}\x{345}'’.-]*)\s+(?:(?-i:\p{Lu}[\p{L}\x{345}'’.-]*)\s+){0,2}|(?:he|she|they|we|i)\s+)?",
    r"(?:said|says|told|added|adds|joked|explained|noted|warned|argued|urged|urges",
    r"|insisted|claimed|announced|confirmed|heard|ruled|according to)(?-i:[^\p{L}\x{345}]|$)",
    r"|(?-i:^|[^\p{L}\x{345}])(?:said|says|told)\s+(?:the|a|an|his|her|their|its)\s",
    r#"|[,—–][”"’»]?\s+(?:(?:dijo|dice|decía|afirmó|explicó|señaló|aseguró|indicó|añadió|declaró"#,
    r"|contó|comentó|agregó|a déclaré|a dit|a affirmé|a expliqué|a ajouté|a indiqué",
    r"|a-t-(?:il|elle) (?:dit|déclaré)|dit|disait|explique|affirme|ajoute|précise",
    r"|sagte|sagt|erklärte|betonte|lautete|disse|diz|dizia|afirmou|explicou|declarou|acrescentou",
    r"|contou|ha detto|ha spiegato|ha dichiarato|ha aggiunto|dice|diceva|spiega",
    r"|сказал|сказала|заявил|заявила|сообщил|сообщила|говорит|отметил|отметила|требует|шутит|bromea|bromeó|recuerda|recordó|advierte|advirtió|plaisante|rappelle|a rappelé|conseille|scherzt|appellierte|stand|steht|scherza|ricorda|zegt|zei|eist",
    r"|sanoi|sanoo|kertoo|kertoi|toteaa|totesi|mondta|mondja|közölte|säger|sade|sa|siger|sagde|sier|nói|cho biết",
    r"|powiedział|powiedziała|mówi|řekl|řekla|uvedl|uvedla|a spus|a declarat|spune|сказав|заявив)(?-i:[^\p{L}\x{345}]|$)",
    r"|(?:según (?:el|la|los|las|fuentes|datos)|selon (?:le|la|les|des)|heißt es|so (?:der|die|das)",
    r"|laut (?:der|dem|den|einer|einem)|segundo (?:o|a|os|as)|secondo (?:il|la|lo|i|le|gli)) ",
    r"|(?:selon|secondo) l['’])",
    r"|:\s+(?:(?:that|this|it) (?:is|was)|that['’]s|c['’]est|c['’]était|è|era|es|fue|das (?:ist|war))\s",
    r"|\s(?:was|were|is|are) (?:printed|written|displayed|shown|posted|painted|stamped|emblazoned) ",
    r#"|\s(?:read|reads)\s*:\s*[“"„«‘']"#,
);

/// The largest compiled size of [`REPORTED_SPEECH`], and of its search
/// state.
const REPORTED_SPEECH_SIZE_LIMIT: usize = 2 << 20;

/// Whether `line` reports who said it: then it is a sentence of the story
/// that quotes or retells a banner or a prompt, which a rule for
/// reader-addressed text must not take for the banner itself. Asked only
/// of the few lines that such a rule covers.
///
/// The pattern is searched for as a rule is, by a forward automaton, with
/// anything in front of it: a `regex::Regex` also compiles the pattern
/// backwards, to find where matches start, which no one asks here.
fn reports_speech(line: &str) -> bool {
    static REPORTED: OnceLock<Option<Automaton>> = OnceLock::new();
    let Some(reported) = REPORTED
        .get_or_init(|| {
            let anywhere = format!("(?s:.)*?(?:{REPORTED_SPEECH})");
            let hir = regex_syntax::Parser::new().parse(&anywhere).ok()?;
            Automaton::new(vec![hir], REPORTED_SPEECH_SIZE_LIMIT).ok()
        })
        .as_ref()
    else {
        return false;
    };
    let mut found = Vec::new();
    reported.matching(line, &mut found);
    !found.is_empty()
}

/// The category of copyright lines, which a story may quote.
const COPYRIGHT: &str = "copyright";

/// The fewest words of running text before a quotation mark that make a
/// line a sentence quoting a notice (`The photo was published with the
/// words «© Ana Lopes. All rights reserved».`), not the notice itself,
/// which opens with its sign, a year or the owner's name (`© 2024
/// «Daily Courier». All rights reserved.`).
const WORDS_BEFORE_A_QUOTED_NOTICE: usize = 6;

/// Whether `line` quotes a notice inside a sentence of its own: an
/// opening quotation mark comes after several words.
fn quotes_a_notice(line: &str) -> bool {
    line.find(['«', '“', '„', '"']).is_some_and(|quote| {
        line[..quote].split_whitespace().count() >= WORDS_BEFORE_A_QUOTED_NOTICE
    })
}

/// Where a block sits, for checking rule positions.
struct Place<'d> {
    index: usize,
    in_top: bool,
    in_bottom: bool,
    dropped_as: &'d [Option<String>],
}

impl Place<'_> {
    fn next_to(&self, category: &str) -> bool {
        let neighbour = |index: Option<usize>| {
            index
                .and_then(|index| self.dropped_as.get(index))
                .and_then(|dropped| dropped.as_deref())
                == Some(category)
        };
        neighbour(self.index.checked_sub(1)) || neighbour(Some(self.index + 1))
    }
}

/// The rule that lets the candidate be dropped where it is, if every line
/// has one. A `near` line is also satisfied by another line of the same
/// block matched, without `near`, for the same category. A form (see
/// [`form_category`]) is dropped anywhere, for its offer or banner.
fn satisfied<'r>(candidate: &Candidate<'r>, place: &Place) -> Option<&'r Rule> {
    placed(candidate, place).or_else(|| {
        let category = form_category(&candidate.lines)?;
        candidate
            .lines
            .iter()
            .flatten()
            .copied()
            .find(|rule| rule.category == category && !near_only(rule))
    })
}

/// [`satisfied`] by the rules' positions alone.
fn placed<'r>(candidate: &Candidate<'r>, place: &Place) -> Option<&'r Rule> {
    let anchored_here = |rule: &Rule| {
        rule.positions.anywhere()
            || (rule.positions.top && place.in_top)
            || (rule.positions.bottom && place.in_bottom)
    };
    let block_categories: Vec<&str> = candidate
        .lines
        .iter()
        .flatten()
        .filter(|rule| anchored_here(rule))
        .map(|rule| rule.category.as_str())
        .collect();
    // Lines of one category hold each other up: a column of buttons
    // (`Facebook` / `WhatsApp` / `Email`) is a share row wherever it is.
    let row_categories: Vec<&str> = match candidate.lines.split_first() {
        Some((first, others)) if !others.is_empty() => first
            .iter()
            .map(|rule| rule.category.as_str())
            .filter(|&category| {
                others
                    .iter()
                    .all(|line| line.iter().any(|rule| rule.category == category))
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut chosen: Option<&Rule> = None;
    for line in &candidate.lines {
        let fits = line.iter().copied().find(|rule| {
            anchored_here(rule)
                || (rule.positions.near
                    && (place.next_to(&rule.category)
                        || block_categories.contains(&rule.category.as_str())
                        || row_categories.contains(&rule.category.as_str())))
        })?;
        let better = match chosen {
            None => true,
            Some(current) => current.positions.near && !fits.positions.near,
        };
        if better {
            chosen = Some(fits);
        }
    }
    chosen
}

/// The `header` rule of a one-line candidate, if it has one.
fn header_of_one_line<'r>(candidate: &Candidate<'r>) -> Option<&'r Rule> {
    match candidate.lines.as_slice() {
        [line] if !candidate.header_with_list => line.iter().copied().find(|rule| rule.header),
        _ => None,
    }
}

/// Whether a block is item `number` of a ranked list of headlines.
fn is_ranked_item(view: &BlockView, number: usize) -> bool {
    ranked_item_number(view) == Some(number)
}

/// The number of a block that reads as an item of a ranked list of
/// headlines: the number on a line of its own over a headline that may
/// hold two short sentences (`2` / `Retail media is spending big on clean
/// rooms. Is it working?`), as lists of the most read stories print them.
/// Such a block is no running text of the story.
fn ranked_item_number(view: &BlockView) -> Option<usize> {
    const HEADLINE_MAX_CHARS: usize = 160;
    const MOST_ITEMS: usize = 99;
    let [mark, headline] = &view.lines[..] else {
        return None;
    };
    let number = mark.trim_end_matches('.').parse::<usize>().ok()?;
    ((1..=MOST_ITEMS).contains(&number)
        && headline.chars().count() <= HEADLINE_MAX_CHARS
        && !ends_with_full_stop(headline))
    .then_some(number)
}

/// After a header (`Related posts`, `Sponsored content`), the blocks of
/// headline links under it. A single title-shaped block followed by
/// running text may be a subheading of the article, so it stays, unless
/// it is the `teaser` of a sponsored header; a run of several is a list.
fn list_under_header(
    header: usize,
    blocks: &[&str],
    views: &[BlockView],
    candidates: &[Option<Candidate>],
    decisions: &Decisions,
    dropped_as: &[Option<String>],
    teaser: bool,
) -> Vec<usize> {
    // The page's headline, with its title form beside it, is no item of a
    // list above it.
    let beside_the_headline = |index: usize| headline::has_title_form_beside(index, blocks, views);
    let mut items = Vec::new();
    let mut next = header + 1;
    while next < views.len()
        && items.len() < HEADER_LIST_MAX
        && decisions.kept(next)
        && dropped_as[next].is_none()
        && candidates[next].is_none()
        && (views[next].title_shaped()
            || is_headline_lines(&views[next])
            || is_ranked_item(&views[next], items.len() + 1)
            || (teaser && items.is_empty() && is_teaser(&views[next])))
        && !is_credit(&views[next].lines[0])
        && !is_byline(&views[next].lines[0])
        && !beside_the_headline(next)
    {
        let several_lines = views[next].lines.len() > 1;
        // A blog's related posts come one to a block, each with the
        // category it was filed in (`In "News"`): the list goes on as long
        // as blocks of that shape do, and ends at the first other block.
        // Only such a block follows a first one of its shape, so the first
        // item tells the whole list.
        // So does a ranked list (`Most read`) that gives each item's number
        // on a line over its headline: it goes on while the numbers do.
        let shaped = is_shaped_item(&views[next], items.len() + 1);
        let after_shaped = items
            .first()
            .is_some_and(|&first| is_shaped_item(&views[first], 1));
        if after_shaped {
            if !shaped {
                break;
            }
        } else if several_lines && !items.is_empty() {
            // After links one to a block, a block of several lines is the
            // story's own list, and the line over it its subheading.
            items.pop();
            return items;
        }
        items.push(next);
        next += 1;
        // A list of several lines in one block is the whole list, and a
        // sponsored teaser the whole offer: what follows (a subheading,
        // the story's own list) is the article's.
        if (several_lines && !shaped) || teaser {
            // A sponsored teaser may name its advertiser under it.
            if teaser
                && next < views.len()
                && decisions.kept(next)
                && candidates[next].is_none()
                && is_advertiser_name(&views[next])
            {
                items.push(next);
                next += 1;
            }
            break;
        }
    }
    let running_text_follows = next < views.len()
        && decisions.kept(next)
        && candidates[next].is_none()
        && views[next].prose;
    // One line between a header and running text may be a subheading of
    // the article; a block of several headline lines is a list.
    if running_text_follows
        && !teaser
        && items.len() == 1
        && views[items[0]].lines.len() == 1
        && !is_numbered_item(&views[items[0]].lines[0])
    {
        items.pop();
    }
    // After several headlines, a line far shorter than all of them right
    // over running text is the subheading the story goes on under
    // (`Reaction`, `Zemědělci už hlásí škody`), not one more link: a word
    // or two against longer links, or up to four words in half the
    // characters of the shortest link.
    if running_text_follows && !teaser && items.len() >= 2 {
        let (last, links) = items.split_last().expect("two items or more");
        let view = &views[*last];
        let shortest_words = links.iter().map(|&index| views[index].words).min();
        let shortest_chars = links.iter().map(|&index| views[index].chars).min();
        let few_words = view.words <= 2 && shortest_words.is_some_and(|words| view.words < words);
        let half_as_long = view.words <= SUBHEADING_AFTER_LINKS_MAX_WORDS
            && shortest_chars.is_some_and(|chars| 2 * view.chars <= chars);
        if view.lines.len() == 1 && (few_words || half_as_long) {
            items.pop();
        }
    }
    items
}

/// Item `number` of a list whose every item has one shape of several
/// lines: a blog's related post, a ranked headline or a post's card.
fn is_shaped_item(view: &BlockView, number: usize) -> bool {
    is_filed_item(view) || is_ranked_item(view, number) || is_card_item(view)
}

/// A post as a blog's cards list it: its title, perhaps a line of blurb,
/// and last its date and reading time (`Dec 2, 2023 — 4 min read`).
fn is_card_item(view: &BlockView) -> bool {
    (2..=3).contains(&view.lines.len()) && view.lines.last().is_some_and(|line| is_card_meta(line))
}

/// The last line of a post's card: a date, a reading time, or both
/// (`Jan 14, 2024 — 5 min read`, `5 min de lectura`), and no more.
fn is_card_meta(line: &str) -> bool {
    const MAX_CHARS: usize = 64;
    if line.chars().count() > MAX_CHARS {
        return false;
    }
    let mut reading_time = false;
    let parts_known = line
        .split(['—', '–', '·', '•', '|'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .all(|part| {
            let time = is_reading_time(part);
            reading_time |= time;
            time || comments::is_date_or_time(part)
        });
    parts_known && reading_time
}

/// `4 min read`, `12 minutes de lecture`, `3 Min. Lesezeit`.
fn is_reading_time(text: &str) -> bool {
    const UNITS: &[&str] = &[
        "min", "mins", "minute", "minutes", "minutos", "minuten", "minuti", "minut", "мин",
    ];
    const READS: &[&str] = &[
        "read",
        "de lectura",
        "de lecture",
        "lesezeit",
        "de leitura",
        "di lettura",
        "чтения",
    ];
    let text = text.to_lowercase();
    let Some((number, rest)) = text.split_once(' ') else {
        return false;
    };
    let Some((unit, read)) = rest.split_once(' ') else {
        return false;
    };
    (1..=3).contains(&number.len())
        && number.bytes().all(|byte| byte.is_ascii_digit())
        && UNITS.contains(&unit.trim_end_matches('.'))
        && READS.contains(&read.trim_end_matches('.'))
}

/// A related post as a blog lists it: its title, perhaps its date, and
/// last the category it was filed in, quoted (`In "News"`, `In “Sport”`).
fn is_filed_item(view: &BlockView) -> bool {
    (2..=3).contains(&view.lines.len()) && view.lines.last().is_some_and(|line| is_filed_in(line))
}

/// `In "News"`: the category line of a blog's related post.
fn is_filed_in(line: &str) -> bool {
    let Some(category) = line.trim_end().strip_prefix("In ") else {
        return false;
    };
    let quoted = ["\"", "“", "«", "„"]
        .iter()
        .zip(["\"", "”", "»", "“"])
        .any(|(open, close)| {
            category.len() > open.len() + close.len()
                && category.starts_with(open)
                && category.ends_with(close)
        });
    quoted && category.chars().count() <= FILED_CATEGORY_MAX_CHARS
}

/// The longest quoted category of a related post (`In "…"`), quotes
/// included.
const FILED_CATEGORY_MAX_CHARS: usize = 40;

/// The most words of a subheading told from the headline links over it by
/// its length.
const SUBHEADING_AFTER_LINKS_MAX_WORDS: usize = 4;

/// A block of several lines that each read as a headline: short, and
/// none ending in a full stop. Such a block may count as prose by its
/// words when a headline ends in a question (`Are robot mowers worth
/// it?`), but under a header it is a list of links.
fn is_headline_lines(view: &BlockView) -> bool {
    view.lines.len() >= 2 && view.lines.iter().all(|line| is_headline_line(line))
}

/// A line of a list of headline links: short, and not ending as a
/// sentence or a label does (a question may end it).
fn is_headline_line(line: &str) -> bool {
    line.chars().count() <= 120
        && line.split(' ').count() <= 16
        && !line.trim_end().ends_with(['.', ':', ';', ','])
}

/// One line of at most [`TEASER_MAX_CHARS`]: a sponsored teaser, which
/// may read as a sentence (`Find the best mortgage with our comparison.`).
fn is_teaser(view: &BlockView) -> bool {
    view.lines.len() == 1 && view.chars <= TEASER_MAX_CHARS
}

/// The most lines of a sponsored label and its teaser in one block.
const SPONSORED_BOX_MAX_LINES: usize = 4;

/// The fewest words of the teaser taken under a bare sponsored label
/// (`Sponsored`, `Gesponsert`): ad copy runs longer than a subheading.
const BARE_LABEL_TEASER_MIN_WORDS: usize = 6;

/// Whether a block is a bare label of sponsored content, which heads a
/// teaser, unlike a bare `Advertisement` (`Anzeige`, `Publicidad`), which
/// marks where a display ad stood, with the story going on under it.
fn is_sponsored_label(block: &str) -> bool {
    const LABELS: &[&str] = &[
        "sponsored",
        "promoted",
        "advertorial",
        "gesponsert",
        "patrocinado",
        "sponsorisé",
        "sponsorizzato",
        "gesponsord",
        "sponsorlu",
        "sponsorowany",
    ];
    let label = block.trim().trim_end_matches(':').trim_end().to_lowercase();
    LABELS.contains(&label.as_str())
}

/// Whether a block is the advertiser's name under a sponsored teaser, as
/// the networks print it: one word joining several capitalised ones
/// (`HealthyLivingDaily`), or a site's address (`dealsfinder.com`). No
/// subheading of a story is written so.
fn is_advertiser_name(view: &BlockView) -> bool {
    const NAME_MAX_CHARS: usize = 40;
    let [line] = &view.lines[..] else {
        return false;
    };
    if line.contains(char::is_whitespace) || line.chars().count() > NAME_MAX_CHARS {
        return false;
    }
    let joined_capitals = line.chars().all(char::is_alphanumeric)
        && line.starts_with(char::is_uppercase)
        && line.chars().skip(1).filter(|c| c.is_uppercase()).count() >= 1
        && line.chars().any(char::is_lowercase);
    let address = line.rsplit_once('.').is_some_and(|(site, ending)| {
        !site.is_empty()
            && (2..=6).contains(&ending.len())
            && ending.chars().all(|c| c.is_ascii_lowercase())
            && site
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
    });
    joined_capitals || address
}

/// Whether `line` is the closing credit of a story (`— Reporting by …`,
/// `Con información de Reuters`), which no list of headline links holds.
fn is_credit(line: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "reporting by",
        "additional reporting",
        "writing by",
        "editing by",
        "edited by",
        "compiled by",
        "con información de",
        "con informaciones de",
        "avec l'afp",
        "avec l’afp",
        "avec afp",
        "com informações",
        "mit material von",
        "con informazioni",
    ];
    let line = line.trim_start();
    if line.starts_with(['—', '–']) {
        return true;
    }
    let head: String = line.chars().take(24).flat_map(char::to_lowercase).collect();
    OPENINGS.iter().any(|opening| head.starts_with(opening))
}

/// Whether `line` opens with a list number (`1. `, `2) `): an item of a
/// ranked list (`Most read`), never a subheading.
fn is_numbered_item(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits)
        && matches!(
            line.as_bytes().get(digits..digits + 2),
            Some([b'.' | b')', b' '])
        )
}

/// An author bio is dropped only when it is about the byline's author,
/// gives the reporter's contact details or stands over a link to the
/// author's other posts (`link_after`: `More from Adaeze Okafor`): "X is
/// a reporter …" can also be a sentence of the story.
fn bio_confirmed(
    index: usize,
    blocks: &[&str],
    views: &[BlockView],
    link_after: Option<&str>,
) -> bool {
    let text = blocks[index];
    // Bylines may be in capitals (`By MARTIN KESSLER`), bios never are:
    // names are compared in lower case.
    let lower = text.to_lowercase();
    if text.contains('@') || lower.contains("follow") {
        return true;
    }
    // The bio starts the block, or the line under its header (`About the
    // author`). The byline may be the name alone (`Rachel Fenwick`). A
    // comma may close the name (`Chiara Ventura, giornalista …`).
    let names: Vec<Vec<&str>> = lower
        .lines()
        .take(2)
        .map(|line| {
            line.split_whitespace()
                .take(2)
                .map(|word| word.trim_end_matches(','))
                .collect::<Vec<&str>>()
        })
        .filter(|name| name.len() == 2)
        .collect();
    const LINK_MAX_WORDS: usize = 6;
    let names_the_link = link_after.is_some_and(|link| {
        let link = link_text(link).to_lowercase();
        link.split_whitespace().count() <= LINK_MAX_WORDS
            && names.iter().any(|name| {
                link.strip_suffix(&name.join(" "))
                    .is_some_and(|opening| opening.ends_with(' '))
            })
    });
    names_the_link
        || views
            .iter()
            .take(BYLINE_SEARCH_BLOCKS.min(index))
            .any(|view| {
                view.lines.first().is_some_and(|line| {
                    let lower = line.to_lowercase();
                    (is_byline(line)
                        && names
                            .iter()
                            .any(|name| name.iter().all(|word| lower.contains(word))))
                        || names.iter().any(|name| opens_a_credit_line(&lower, name))
                        || (names_alone(view) && names.iter().any(|name| lower == name.join(" ")))
                })
            })
}

/// Whether the first sentence of a block that opens like a bio turns to
/// the story (`Dev Patel is the paper’s sports editor, but on Sunday he
/// ran the line`): a bio tells who the author is, and goes on with no
/// `but`.
fn turns_to_the_story(text: &str) -> bool {
    let first_sentence = text.split_inclusive(['.', '!', '?']).next().unwrap_or(text);
    [
        " but ", " pero ", " mais ", " aber ", " mas ", " ma ", " но ",
    ]
    .iter()
    .any(|word| first_sentence.contains(word))
}

/// Whether a block is a byline of the name alone: one line, or the name
/// over its date (`Dana Whitfield` / `Mar 21, 2024`), as newsletters
/// print it.
fn names_alone(view: &BlockView) -> bool {
    match &view.lines[..] {
        [_] => true,
        [_, date] => {
            date.chars().count() <= DATE_LINE_MAX_CHARS
                && date.contains(|c: char| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// The longest date line under a byline of the name alone.
const DATE_LINE_MAX_CHARS: usize = 40;

/// Whether `line` (in lower case) opens with the two words of `name` and
/// then the outlet, the place or the date (`Shawn Jeffords · CBC News ·
/// Posted: …`, `Ayşe Demirtaş - İstanbul`): a byline without `By`.
fn opens_a_credit_line(line: &str, name: &[&str]) -> bool {
    let [first, last] = name else {
        return false;
    };
    line.strip_prefix(first)
        .and_then(|rest| rest.strip_prefix(' '))
        .and_then(|rest| rest.strip_prefix(last))
        .is_some_and(|rest| {
            // `Ayşe Demirtaş - İstanbul`: a hyphen only with a space
            // before it, not in a double-barrelled name.
            rest.starts_with(" - ") || {
                let rest = rest.trim_start();
                ['·', '|', '•', ',', '—', '–']
                    .iter()
                    .any(|&mark| rest.starts_with(mark))
            }
        })
}

/// Whether the one-line block of a few words at `index` opens with the
/// word that opens the paragraph of running text after it (`Shutterstock`
/// over `Shutterstock chose instead …`): a subheading naming the
/// paragraph's subject. A credit under a photo is followed by the story,
/// which seldom opens with the agency's name; a caption, which may, is
/// longer.
fn names_next_paragraph(index: usize, views: &[BlockView]) -> bool {
    let first_word = |line: &str| -> Option<String> {
        let word: String = line.chars().take_while(|c| c.is_alphanumeric()).collect();
        (word.chars().count() >= 3).then_some(word)
    };
    /// The most words of such a subheading; a caption is longer.
    const MAX_WORDS: usize = 5;
    let view = &views[index];
    let [line] = &view.lines[..] else {
        return false;
    };
    if view.words > MAX_WORDS {
        return false;
    }
    views.get(index + 1).is_some_and(|next| {
        next.prose
            && first_word(line).is_some_and(|word| {
                next.lines.first().and_then(|line| first_word(line)) == Some(word)
            })
    })
}

fn is_byline(line: &str) -> bool {
    const BYLINE_WORDS: &[&str] = &[
        "By ",
        "BY ",
        "Por ",
        "POR ",
        "Par ",
        "PAR ",
        "Von ",
        "VON ",
        "Di ",
        "Door ",
        "Przez ",
        "Per ",
        "Rozmawiała ",
        "Rozmawiał ",
        "Автор",
        "Autor: ",
        "Autorka: ",
        "Af ",
        "Av ",
        "Від ",
        "Підготувала ",
        "Підготував ",
        "Yazan",
        "Yazar: ",
        "Teksti: ",
        "Toimittaja: ",
        "Szerző: ",
        "Tekst: ",
        "โดย",
        "Oleh ",
        "Written by ",
        "Words by ",
        "by ",
        "por ",
        "par ",
        "von ",
        "di ",
        "Redacción: ",
        "Interview: ",
        "Texto: ",
        "Reportagem: ",
        "Interview by ",
        "Ein Interview von ",
        "Ein Gastbeitrag von ",
        "Ein Kommentar von ",
        "Eine Reportage von ",
        "Une interview de ",
        "Un reportage de ",
        "Entrevista de ",
        "Uma reportagem de ",
        "Interviewed by ",
        "Story by ",
        "Text by ",
        "Text: ",
        "Reporting by ",
        "بقلم ",
        "作者：",
        "记者 ",
    ];
    /// A blog's date line names its author after the date: `Posted on
    /// March 2, 2026 by Daniel Shaw`, `Publicado em 2 de julho de 2024 por
    /// Camila Duarte`.
    const DATED_OPENINGS: &[(&str, &str)] = &[
        ("Posted ", " by "),
        ("Published ", " by "),
        ("Updated ", " by "),
        ("Publicado ", " por "),
        ("Publié ", " par "),
        ("Pubblicato ", " da "),
        ("Veröffentlicht ", " von "),
    ];
    line.chars().count() <= 120
        && (BYLINE_WORDS.iter().any(|word| line.starts_with(word))
            || DATED_OPENINGS
                .iter()
                .any(|(opening, by)| line.starts_with(opening) && line.contains(by)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn run_with(blocks: &[&str], config: &Config) -> Vec<bool> {
        let views: Vec<BlockView> = blocks.iter().map(|block| BlockView::new(block)).collect();
        let mut decisions = Decisions::new(blocks.len());
        let repeats = SharedRepeats::new(config.dedup_paragraphs.then_some(config.dedup_min_chars));
        mark(
            blocks,
            &views,
            &RuleSet::builtin(),
            config,
            &repeats,
            &mut decisions,
        );
        mark_menu_over_headline(&views, config, &mut decisions);
        (0..blocks.len())
            .map(|index| decisions.kept(index))
            .collect()
    }

    /// A byline, two paragraphs of the story and a block under them.
    fn run_bylined(byline: &str, block: &str) -> Vec<bool> {
        run(&[byline, BODY, MORE, block])
    }

    /// Each bio, under two paragraphs of a story with its byline, is
    /// dropped and the rest stays.
    fn assert_each_bio_goes(bylined: &[(&str, &str)]) {
        for (byline, bio) in bylined {
            assert_eq!(
                run_bylined(byline, bio),
                [true, true, true, false],
                "{byline} / {bio}"
            );
        }
    }

    /// Each block, under two paragraphs of a story with its byline, stays.
    fn assert_each_bio_stays(bylined: &[(&str, &str)]) {
        for (byline, block) in bylined {
            assert_eq!(run_bylined(byline, block), [true; 4], "{byline} / {block}");
        }
    }

    fn run(blocks: &[&str]) -> Vec<bool> {
        run_with(blocks, &Config::default())
    }

    /// Each block, set between two paragraphs of an article, is dropped
    /// and the paragraphs stay.
    fn assert_each_dropped_in_an_article(furniture: &[&str]) {
        for block in furniture {
            assert_eq!(run(&[BODY, block, MORE]), [true, false, true], "{block}");
        }
    }

    /// Each block is dropped above two paragraphs of an article.
    fn assert_each_dropped_above_the_story(furniture: &[&str]) {
        for block in furniture {
            assert_eq!(run(&[block, BODY, MORE]), [false, true, true], "{block}");
        }
    }

    /// Each block is dropped below two paragraphs of an article.
    fn assert_each_dropped_below_the_story(furniture: &[&str]) {
        for block in furniture {
            assert_eq!(run(&[BODY, MORE, block]), [true, true, false], "{block}");
        }
    }

    /// Each sentence stays, set before two paragraphs of an article (in
    /// the top zone), between them and after them (in the bottom zone).
    fn assert_each_kept_in_an_article(sentences: &[&str]) {
        for sentence in sentences {
            assert_eq!(run(&[sentence, BODY, MORE]), [true; 3], "{sentence}");
            assert_eq!(run(&[BODY, sentence, MORE]), [true; 3], "{sentence}");
            assert_eq!(run(&[BODY, MORE, sentence]), [true; 3], "{sentence}");
        }
    }

    const BODY: &str = "The regional health board said waiting times for hip operations had fallen by a quarter since the spring.";
    const MORE: &str = "Surgeons at the two main hospitals have been working extra weekend lists to clear the backlog.";

    #[test]
    fn a_share_word_the_title_uses_stays_as_a_subheading() {
        // The title's own word between two paragraphs is the story's
        // subheading; a multi-word share row or a lone button under another
        // title still goes.
        assert_eq!(
            run(&["Share, repair, recycle", BODY, "Share", MORE]),
            [true, true, true, true]
        );
        assert_eq!(
            run(&["Share, repair, recycle", BODY, "Share\nFacebook\nX", MORE]),
            [true, true, false, true]
        );
        assert_eq!(
            run(&["Waiting times for hip operations fall", BODY, "Share", MORE]),
            [true, true, false, true]
        );
        // Not between two paragraphs: under the story it is a button.
        assert_eq!(
            run(&["Share, repair, recycle", BODY, MORE, "Share"]),
            [true, true, true, false]
        );
        // A share row at the top is no title: a lone button below it goes.
        assert_eq!(
            run(&["Share:\nFacebook\nX", BODY, "Share", MORE]),
            [false, true, false, true]
        );
    }

    #[test]
    fn a_banner_or_a_prompt_retold_by_the_story_stays() {
        assert_each_kept_in_an_article(&[
            "We use cookies to improve your experience on our website: that is the line regulators now want rewritten.",
            "Subscribe today and get your first month free: that was the offer that drew 12,000 readers in a week.",
            "Join our WhatsApp channel for updates was printed on every leaflet at the rally.",
            "The label read: \"All rights reserved\", and the band never learned who owned the tapes.",
            "Download the council app to report potholes, the transport officer urged residents on Tuesday.",
            "Try the app yourself and you will soon see why the regulator has opened an inquiry into it.",
        ]);
    }

    #[test]
    fn a_label_before_a_sentence_or_a_list_of_results_stays() {
        assert_each_kept_in_an_article(&[
            "Next: the committee will vote on the plan in June after a final round of hearings.",
            "Recommended: a glass of cold cider with the tart.",
            "Category: Best Documentary\nWinner: Ruth Okafor, The River\nRunner-up: Tom Birch, Salt Roads",
        ]);
        // The links and tags those labels usually open still go.
        for furniture in [
            "Read more: Council approves the budget for the new bridge",
            "Read more: the hidden cost of the new bridge",
            "Next: Ten walks for a rainy weekend",
            "Category: Politics",
            "Tags: budget, bridge, council",
        ] {
            assert_eq!(
                run(&[BODY, furniture, MORE]),
                [true, false, true],
                "{furniture}"
            );
        }
    }

    #[test]
    fn site_menus_no_rule_spells_out_go_above_the_story() {
        assert_each_dropped_above_the_story(&[
            "Features | Culture | Design",
            "Culture | Musique",
            "Logistics Weekly\nNews | Analysis | Events | Jobs",
            "Ashwell Parish News\nHome\nEvents\nContact",
            "Sections\nSearch\nLog In",
            "Ir al contenido\nPortada\nEspaña\nEconomía\nBuscar",
            "Le Petit Journal de Vendée\nAccueil\nFaits divers\nSport\nLoisirs\nAbonnez-vous",
            "Esporte Clube Notícias\nFutebol\nVôlei\nBasquete\nF1",
            "Cultuur\nFilm\nMuziek\nBoeken\nPodium",
            "Fixtures & Results\nLeague Table\nTickets\nMembership\nClub Shop\nHospitality\nMinis & Juniors\nLogin",
            "Log in | Register | Subscribe to the print edition | Advertise with us",
            "Buscar | Iniciar sesión | Suscríbete desde $49 al mes",
            "หน้าแรก\nข่าวทั่วไทย\nสังคม\nต่างประเทศ\nไลฟ์สไตล์",
        ]);
        // Within the story, a row that opens with `Search` is its own.
        let row = "Search | Filter by year | Export the table";
        assert_eq!(run(&[BODY, row, MORE]), [true, true, true]);
    }

    /// Columns of links alone, in sentence case, as sites in most
    /// languages write their menus.
    const COLUMNS_OF_LINKS: &[&str] = &[
        "Inicio\nEntrevistas\nHistoria del barrio\nAgenda\nContacto",
        "Home\nRicette\nSagre e feste\nItinerari\nChi sono\nContatti",
        "Fernway\nProduct\nPricing\nCustomers\nBlog\nCareers\nSign in\nStart free trial",
        "Новости\nНаука\nГаджеты\nИнтернет\nОбзоры\nПоиск по сайту",
        "Accueil\nActualités\nVie du village\nSports\nAgenda",
    ];

    const HEADLINE: &str = "Allotment waiting list hits 900 as town runs out of plots";

    #[test]
    fn a_column_of_links_alone_goes_over_the_headline() {
        for column in COLUMNS_OF_LINKS {
            assert_eq!(
                run(&[column, HEADLINE, BODY, MORE]),
                [false, true, true, true],
                "{column}"
            );
            // Under a skip link and a cookie banner already dropped, and
            // over a byline and the story.
            assert_eq!(
                run(&[
                    "Skip to content",
                    column,
                    HEADLINE,
                    "By Jane Doe",
                    BODY,
                    MORE
                ]),
                [false, false, true, true, true, true],
                "{column}"
            );
        }
    }

    #[test]
    fn rows_of_words_closed_by_search_or_sign_in_links_are_menus() {
        assert_each_dropped_above_the_story(&[
            "Inicio Local Estado País Deportes Opinión Buscar",
            "Startseite Tirol Innsbruck Österreich Wirtschaft Sport Suche Anmelden",
            "Accueil Régions Belgique Monde Sports Culture Rechercher Se connecter",
            "Strona główna Wiadomości Sport Kultura Biznes Szukaj",
            "Anasayfa Gündem Ekonomi Eğitim Spor Yaşam Yazarlar Ara",
            "หน้าแรก ข่าวภูมิภาค การเมือง เศรษฐกิจ กีฬา บันเทิง ค้นหา",
        ]);
        // A headline in title case, even one closing on such a word, and
        // a row with no other link a rule knows stay.
        for line in [
            "Police Widen Missing Hiker Search After Storm",
            "Young Farmers Lead Sport Club Search",
            "Kennemer Valley Hikers Club Annual Search",
        ] {
            assert_eq!(run(&[line, BODY, MORE]), [true; 3], "{line}");
        }
    }

    #[test]
    fn platform_and_station_furniture_goes() {
        assert_each_dropped_above_the_story(&[
            "An official website of the City of Marlow Springs\nResidents\nBusiness\nVisitors\nGovernment\nHow Do I…\nSearch",
            "Weather\n41°\nPartly Cloudy\nHi 52° Lo 33°\nFull 7-day forecast ›",
            "CLOSINGS & DELAYS: 12 active — see the full list ›",
            "News Weather Traffic Sports 8 On Your Side Watch Live",
        ]);
        assert_each_dropped_below_the_story(&[
            "Labels: grist mills, Hollis family, industry, waterpower",
            "Email This BlogThis! Share to X Share to Facebook Share to Pinterest",
            "Download our app\nGet breaking news alerts from WQRN 8 News on your phone. Download the free app for iPhone and Android.",
            "Our reporting is made possible by readers like you. Become a member today →",
            "Support independent journalism\nThe High Plains Ledger is a nonprofit newsroom. Our stories are free to read and free to republish because readers like you chip in.\nDonate now",
            "The Yarrabin Valley Times acknowledges the Gamilaraay people, the Traditional Custodians of the land on which we live and work, and pays respect to Elders past and present.",
            "Republish this article\nThis story was originally published by The High Plains Ledger. You are free to republish it under a Creative Commons license, as long as you credit the reporter.\nCopy the HTML below to add this story to your site.\nCopy to clipboard",
        ]);
        // The story's own sentences with those words stay.
        assert_each_kept_in_an_article(&[
            "Forecasters said the rest of the week would be mostly sunny, with highs near 52°.",
            "The Ledger is a nonprofit newsroom. Its editor said the grant would pay for two reporters.",
            "This story was originally published by the Flint Hills Review.",
            "School closings and delays are posted on the district website by 6 a.m.",
        ]);
    }

    #[test]
    fn a_banner_naming_cookies_over_buttons_a_rule_knows_goes() {
        assert_each_dropped_above_the_story(&[
            "Kennemer Courant gebruikt cookies en vergelijkbare technieken om de website goed te laten werken. Door op ‘Akkoord’ te klikken, ga je hiermee akkoord.\nAkkoord\nInstellingen aanpassen",
            "Lees voor\n3 min leestijd",
        ]);
        assert_each_dropped_below_the_story(&[
            "Notas relacionadas\nCEA anuncia nuevos horarios de tandeo en 23 colonias\nAgricultores de El Marqués piden apoyo por la sequía",
        ]);
        // Without the buttons, or with one, it is the story's.
        assert_each_kept_in_an_article(&[
            "Kennemer Courant gebruikt cookies van drie leveranciers, zei de rechter.",
            "Kennemer Courant gebruikt cookies van drie leveranciers, zei de rechter.\nAkkoord",
        ]);
    }

    #[test]
    fn furniture_in_croatian_bulgarian_slovak_and_east_asian_and_arabic_pages_goes() {
        assert_each_dropped_above_the_story(&[
            "Vijesti Sport Biznis Lifestyle Magazin Prijava",
            "Начало Новини Пловдив Икономика Култура Спорт Вход",
            "Správy Región Šport Kultúra Názory Predplatné Prihlásiť sa",
            "ニュース\u{3000}政治\u{3000}経済\u{3000}社会\u{3000}国際\u{3000}スポーツ\u{3000}地域\u{3000}ログイン",
            "정치 경제 사회 전국 국제 문화 스포츠 로그인 회원가입",
            "الرئيسية أخبار محافظات اقتصاد رياضة فن منوعات فيديو",
            "Ova web stranica koristi kolačiće kako bismo vam omogućili bolje korisničko iskustvo.\nPrihvaćam",
            "Начало » Новини » Пловдив",
            "ホーム > 地域 > 石川",
            "호남일보 앱에서 더 빠르게 뉴스를 확인하세요\n앱 설치",
            "글자크기 설정\n인쇄\n공유하기",
        ]);
        assert_each_dropped_in_an_article(&[
            "Čítajte aj: Žilinská radnica predstavila rozpočet na rok 2024",
            "Pročitajte još: Ribari iz Opuzena traže odštetu zbog uništenih mreža",
            "【あわせて読みたい】北陸の地方鉄道、相次ぐ運賃値上げ",
            "▶ 관련기사: 전북 초등학교 입학생 1만명 아래로",
            "Oglas",
            "居民在屋顶菜园里给番茄苗浇水。记者\u{3000}张伟\u{3000}摄",
            "전주시 마을 돌봄센터 조감도 [전주시 제공. 재판매 및 DB 금지]",
            "محافظ البحر الأحمر يتفقد وحدات التحلية خلال افتتاح المحطة - تصوير: محمود حسن",
        ]);
        assert_each_dropped_below_the_story(&[
            "Zdieľať\nFacebook\nX\nWhatsApp\nKopírovať odkaz",
            "Podijeli\nFacebook\nX\nWhatsApp\nViber",
            "Споделете: Facebook Viber Email",
            "Bagikan:\nFacebook\nTwitter\nWhatsApp\nLine\nSalin Link",
            "Tagy: knižnica, Žilina, rekonštrukcia, kultúra",
            "Oznake: plavi rak, Neretva, invazivne vrste, ribarstvo",
            "Етикети: реклама, билбордове, Стария град",
            "Pratite nas na Facebooku i Instagramu",
            "Последвайте ни в Google News и Telegram",
            "Povezane vijesti\nPlavi rak stigao i do Pelješca\nOpuzenski ribari: Mreže su nam uništene",
            "キーワード\n#鉄道\n#地域交通",
            "이 기사를 공유합니다\n페이스북\n카카오톡\n트위터\nURL 복사",
            "点赞\n收藏\n分享",
            "扫码下载锦城新闻客户端，随时随地看新闻",
            "北陸ニュース公式アプリ\n最新ニュースや災害情報をプッシュ通知でお届けします。\nアプリをダウンロード",
            "حمل تطبيق صوت الساحل\nمتوفر على Google Play و App Store",
            "النشرة البريدية\nاشترك لتصلك أهم الأخبار يوميا على بريدك الإلكتروني\nأدخل بريدك الإلكتروني\nاشترك الآن",
        ]);
        // Sentences of the story with the same words stay.
        assert_each_kept_in_an_article(&[
            "Kultúra a šport dostanú z rozpočtu viac peňazí, povedal primátor.",
            "Спорт и култура получават повече пари от общината тази година.",
            "スポーツと文化の予算は来年度も増える見通しだ。",
            "Pratite nas, rekao je trener, jer sezona tek počinje.",
        ]);
    }

    #[test]
    fn big_newspaper_and_wire_furniture_goes() {
        assert_each_dropped_above_the_story(&[
            "Skip to content\nSkip to site index",
            "Search & Section Navigation",
            "Listen to this article · 6:12 min Learn more",
            "Listen to this article 4 min",
            "Share full article",
            "Yes, I’m happy\nManage or reject cookies",
            "Save\nLog in, register or subscribe to save articles for later.",
            "Share\nNormal text size\nLarger text size\nVery large text size",
        ]);
        assert_each_dropped_in_an_article(&[
            "Image\nA crew excavating a service line on Alder Street last month.Credit...Maya Lindqvist for The New York Ledger",
            "1 of 12\nResidents wade through floodwater on Monday afternoon. (Getty Images)",
            "Subscribe for $1 a week for the first 12 weeks. Cancel anytime.",
            "Subscribe for R75 a month to read unlimited stories.\nAlready a subscriber? Sign in",
            "Sign up for push alerts and have the best news, analysis and comment delivered directly to your phone",
        ]);
        assert_each_dropped_below_the_story(&[
            "See more on: U.S. Environmental Protection Agency, Ridgeport (Ohio), Water",
            "Our Standards: The Thomson Reuters Trust Principles., opens new tab",
            "Follow The Irish Courier on WhatsApp and stay up to date",
            "Get the day’s breaking news and a long read to enjoy. Sign up to receive our Evening Edition newsletter.",
            "Most Viewed in National\nMan charged after police pursuit on Pacific Highway\nWhy Sydney’s rents are still climbing",
            "Seguinos en Instagram, Facebook y X\nDescargá la app de El Andino para Android y iPhone",
            "Receba as notícias da Gazeta do Vale no seu WhatsApp\nClique aqui e participe do nosso canal",
            "Suscribite para seguir leyendo\nAccedé a todas las notas sin límites por $1.200 al mes.\n¿Ya sos suscriptor? Ingresá",
            "Похожие записи\nНа трассе у Заречного ограничат движение из-за ремонта",
            "แชร์ข่าวนี้\nFacebook\nLINE\nX",
        ]);
        assert_each_kept_in_an_article(&[
            "The agency said 1 of 12 inspectors had resigned (Getty Images disputed the figure).",
            "Residents can subscribe for $5 a month to the council’s flood-alert text service, the mayor said.",
            "Follow the river on foot and you reach the old mill in an hour.",
        ]);
    }

    #[test]
    fn a_site_name_with_a_year_heads_its_menu() {
        assert_each_dropped_above_the_story(&[
            "TSV Grünwald 1896 e.V.\nStartseite\nVerein\nAbteilungen\nKontakt",
        ]);
        // A number of five digits or more is no year of a name.
        assert_eq!(
            run(&[
                "Postleitzahl 80331\nStartseite\nVerein\nAbteilungen\nKontakt",
                BODY,
                MORE
            ]),
            [true; 3]
        );
    }

    #[test]
    fn a_column_of_one_line_blocks_goes_over_the_headline() {
        // A page whose every line is a block: the column is its one-line
        // blocks at the top.
        for column in COLUMNS_OF_LINKS {
            let mut blocks: Vec<&str> = column.lines().collect();
            let links = blocks.len();
            blocks.extend([HEADLINE, BODY, MORE]);
            let mut kept = vec![false; links];
            kept.extend([true; 3]);
            assert_eq!(run(&blocks), kept, "{column}");
        }
        // Under the headline, a column of links no rule knows stays.
        let mut under = vec![HEADLINE];
        under.extend([
            "Entrevistas",
            "Historia del barrio",
            "Agenda",
            "Rutas",
            "Fotos",
        ]);
        under.extend([BODY, MORE]);
        assert_eq!(run(&under), [true; 8]);
        // Cookie buttons dropped above a kicker make no menu of it.
        assert_eq!(
            run(&[
                "We use cookies to improve your experience.",
                "Accept",
                "Reject",
                "Cookie settings",
                "Investigation",
                HEADLINE,
                BODY,
                MORE
            ]),
            [false, false, false, false, true, true, true, true]
        );
        // Three one-line blocks are too few to tell a menu.
        assert_eq!(
            run(&["Entrevistas", "Agenda", "Rutas", HEADLINE, BODY, MORE]),
            [true; 6]
        );
    }

    #[test]
    fn a_column_of_links_anywhere_but_over_the_headline_stays() {
        for column in COLUMNS_OF_LINKS {
            // Under the headline, inside the story, at its end, over the
            // story with no headline, over a headline with no story.
            assert_eq!(run(&[HEADLINE, column, BODY, MORE]), [true; 4], "{column}");
            assert_eq!(run(&[BODY, column, MORE]), [true; 3], "{column}");
            assert_eq!(run(&[HEADLINE, BODY, MORE, column]), [true; 4], "{column}");
            assert_eq!(run(&[column, BODY, MORE]), [true; 3], "{column}");
            assert_eq!(run(&[column, HEADLINE]), [true; 2], "{column}");
            // Under a block that stays (a headline, a kicker, a name).
            for above in ["Council budget", "Entrevista", "Crónicas de San Blas"] {
                assert_eq!(
                    run(&[above, column, HEADLINE, BODY]),
                    [true; 4],
                    "{above} / {column}"
                );
            }
            // Over what is no headline: a byline, a heading of a list, a
            // name, a sentence.
            for under in [
                "By Jane Doe",
                "Por Elena Mayoral",
                "Ingredients:",
                "Method",
                "Mayor Resigns Amid Audit",
                "The council met on Tuesday.",
            ] {
                assert_eq!(
                    run(&[column, under, BODY, MORE]),
                    [true; 4],
                    "{column} / {under}"
                );
            }
        }
    }

    #[test]
    fn lists_verse_and_answers_at_the_top_of_the_story_stay() {
        for list in [
            // Ingredients, results, an agenda, verse, a Q/A, key points,
            // a byline with its title: no column of links.
            "Flour\n200 g sugar\nEggs\nButter",
            "Smith 41%\nJones 38%\nPatel 21%\nOthers 0%",
            "Venerdì 30 agosto\nSabato 31 agosto\nDomenica 1 settembre\nLunedì 2 settembre",
            "Roses are red,\nViolets are blue,\nSugar is sweet,\nAnd so are you.",
            "P: ¿Cuándo?\nR: Sí.\nP: ¿Dónde?\nR: Aquí.",
            "Key findings\nWaiting lists are shorter\nFewer operations were cancelled\nMore nurses",
            "Texto y fotos\nElena Mayoral\nMadrid\nActualizado",
            "Opinion\nWe were wrong\nJane Doe\nStaff writer",
            "Di Rosa Lauria\nFoto\nVideo\nMappa",
            "Auteur\nPar Jeanne Roux\nPhotos\nCartes",
        ] {
            assert_eq!(run(&[list, HEADLINE, BODY, MORE]), [true; 4], "{list}");
        }
        // Switched off with the navigation it belongs to.
        let config = Config {
            keep_categories: vec![NAVIGATION.to_string()],
            ..Config::default()
        };
        assert_eq!(
            run_with(&[COLUMNS_OF_LINKS[0], HEADLINE, BODY], &config),
            [true; 3]
        );
    }

    #[test]
    fn a_table_heading_its_rows_is_no_menu() {
        let page = [
            "Summer Film Picks",
            "Director | Runtime | Rating",
            "Nora Ephron | 105 min | PG",
            "Greta Gerwig | 114 min | 12A",
            BODY,
            MORE,
        ];
        assert_eq!(run(&page), [true; 6]);
        let in_one_block =
            "Name | Party | Ward\nJane Doe | Labour | North\nTom Hale | Green | South";
        assert_eq!(run(&[in_one_block, BODY, MORE]), [true; 3]);
    }

    #[test]
    fn menu_shapes_inside_the_story_and_bylines_stay() {
        for block in [
            "Features | Culture | Design",
            "Cultuur\nFilm\nMuziek\nBoeken\nPodium",
            "Fixtures & Results\nLeague Table\nTickets\nMembership\nClub Shop\nHospitality\nMinis & Juniors\nLogin",
            "Log in | Register | Subscribe to the print edition | Advertise with us",
            "Buscar | Iniciar sesión | Suscríbete desde $49 al mes",
            "Ashwell Parish News\nHome\nEvents\nContact",
        ] {
            assert_eq!(run(&[BODY, block, MORE]), [true; 3], "{block}");
        }
        for block in [
            "By Jane Doe | Staff Writer | Culture",
            "Jane Doe | Staff Writer",
            "Why the council closed the baths | Wrexley Gazette",
            "Key findings\nWaiting lists are shorter\nFewer operations were cancelled",
            "Results\nSmith 41%\nJones 38%\nPatel 21%",
        ] {
            assert_eq!(run(&[block, BODY, MORE]), [true; 3], "{block}");
        }
    }

    #[test]
    fn the_site_name_goes_over_its_menu_and_the_headline_stays() {
        let headline = "Allotment waiting list hits 900 as town runs out of plots";
        for name in ["Somerset Live", "PACKAGING WORLD INSIGHT", "KXTV Channel 7"] {
            assert_eq!(
                run(&[name, "News | Crime | Sport", headline, BODY, MORE]),
                [false, false, true, true, true],
                "{name}"
            );
            assert_eq!(
                run(&["Skip to content", name, "Menu", headline, BODY, MORE]),
                [false, false, false, true, true, true],
                "{name}"
            );
        }
        // A headline over its kicker and a byline without `By`, a
        // headline over the menu with no other headline under it, and a
        // name with no menu under it.
        assert_eq!(
            run(&[
                "Mayor Resigns Amid Audit",
                "Politics",
                "Jane Okafor, Staff Writer",
                BODY,
                MORE
            ]),
            [true, false, true, true, true]
        );
        assert_eq!(
            run(&[
                "Mayor Resigns Amid Audit",
                "News | Sport | Weather",
                "By Jane Doe",
                BODY
            ]),
            [true, false, true, true]
        );
        assert_eq!(run(&["Somerset Live", headline, BODY]), [true; 3]);
        // The name may have its tagline under it; a kicker over a
        // standfirst with a byline under it stays.
        let masthead =
            "Hollybank Neighbors\nNews and notes from the Hollybank Neighborhood Association";
        assert_eq!(
            run(&[
                "Skip to content",
                masthead,
                "Menu\nHome\nAbout\nEvents",
                headline,
                BODY
            ]),
            [false, false, false, true, true]
        );
        let kept = run(&[
            "Mayor Resigns\nThe audit found missing funds in three departments.",
            "News | Sport | Weather",
            headline,
            BODY,
        ]);
        assert!(kept[0], "{kept:?}");
    }

    #[test]
    fn banners_and_boxes_whose_buttons_no_rule_knows_are_dropped() {
        assert_each_dropped_above_the_story(&[
            "Nous utilisons des cookies et des technologies similaires pour personnaliser les contenus. Vous pouvez modifier vos choix à tout moment.\nTout accepter\nTout refuser\nParamétrer mes choix",
            "Usamos cookies para personalizar anúncios e melhorar a sua experiência no site.\nEntendi",
        ]);
        assert_each_dropped_below_the_story(&[
            "Recibe cada mañana las noticias más importantes en tu correo.\nSuscríbete a nuestra newsletter\nIntroduce tu email\nAcepto la política de privacidad",
            "Newsletter\nDer Morgen in München: Die wichtigsten Nachrichten des Tages in Ihrem Postfach.\nIhre E-Mail-Adresse\nJetzt abonnieren",
            "Get the latest Riverina news delivered to your inbox\nSign up for our newsletter to stay up to date.\nWe care about the protection of your data. Read our Privacy Policy.",
            "Discover more from The Civic Ledger\nA weekly newsletter about how cities spend your money.\nSubscribe\nContinue reading\nSign in",
        ]);
        // A banner the story quotes, over a line of the story.
        assert_eq!(
            run(&[
                BODY,
                "“We use cookies to improve your experience,” the notice said.\nIt never said which.",
                MORE
            ]),
            [true; 3]
        );
    }

    #[test]
    fn menus_captions_and_prompts_of_more_sites_are_dropped() {
        assert_each_dropped_above_the_story(&[
            "CBC Menu",
            "Menu ☰",
            "Sections ▾",
            "UK edition",
            "Accessibility Help",
            "Your account",
            "Langsung ke konten",
            "Posted in Hardware",
        ]);
        assert_each_dropped_below_the_story(&[
            "Caption: Smoke rises from the wildfire south of Kamloops on Thursday evening. (B.C. Wildfire Service)",
            "Image: © Arm Ltd.",
            "Open Image in New Window",
            "Related internet links\nNHS England",
            "Trending on KXTV 7\nSacramento’s new downtown arena opens to fans\nWoman rescued from American River after 3 hours",
            "Recommended from Medium\nTen Things I Learned Living Without a Car for a Year",
            "Udostępnij\nFacebook\nX\nWyślij e-mailem",
            "Bagikan\nFacebook\nX\nWhatsApp\nSalin tautan",
            "12 Likes ∙ 4 Restacks",
            "Tomasz Sadowski na swoim polu w Kupiskach. Fot. Agnieszka Kowalczyk",
            "เจ้าหน้าที่ตำรวจตั้งด่านตรวจบนถนนพหลโยธิน ภาพ: สำนักข่าวไทย",
            "Get our afternoon news email\nGet the afternoon's top stories from around Australia.\nYour information is being handled in accordance with the ABC Privacy Collection Statement.",
            "Catch all the City News, Breaking News Events and Latest News Updates on Times of Mumbai.",
            "Corrections and clarifications | Submit a news tip | Report error",
            "Newsletter\nThe week’s best local stories, straight to your inbox. Sign up now.",
            "Riproduzione riservata © Copyright Corriere del Nordest",
            "Zum Seitenanfang",
            "Illustration: Sam Reed",
            "Teilen\nTwittern\nWhatsApp",
            "The metro viaduct near Balewadi. (Express Photo by Arul Horizon)",
            "Más de El Sabor Capital\nCinco mercados para desayunar en CDMX\nEl regreso del pulque a las cantinas",
        ]);
        assert_each_dropped_in_an_article(&[
            "Newsletter abonnieren\nJetzt kostenlos anmelden und jeden Morgen die wichtigsten Nachrichten erhalten.",
            "Newsletter Culture\nChaque vendredi, le meilleur de l’actualité culturelle dans votre boîte mail.\nJe m’abonne",
        ]);
        assert_each_dropped_in_an_article(&[
            "Login or signup to continue reading",
            "Ta strona korzysta z plików cookie w celu realizacji usług.\nAkceptuję\nUstawienia",
            "Kami menggunakan cookie untuk meningkatkan pengalaman Anda di situs ini.\nSetuju\nPelajari lebih lanjut",
        ]);
        assert_each_kept_in_an_article(&[
            "Posted in Afghanistan for two tours, he later trained as a nurse.",
            "The menu at the new café changes every week, the owner said.",
            "Write to the council before Friday, the campaign urged residents.",
            "Her caption read: “Finally home.”",
            "Image rights were sold to the agency for £2,000, the court heard.",
            "Trending on social media for a week, the video was later removed.",
            "We care about your data, the firm’s chief executive told MPs, but the fine stands.",
            "Más de 200 personas participaron en la protesta frente al ayuntamiento.",
            "The council published the photos (Express Photo reporters were not allowed in).",
        ]);
    }

    #[test]
    fn a_sentence_quoting_a_copyright_notice_stays() {
        assert_each_kept_in_an_article(&[
            "The photograph was first published in 2019 on her site with the words «© Sofia Antunes. All rights reserved».",
            "A imagem foi publicada em 2019 no sítio da fotógrafa com a indicação «© Sofia Antunes. Todos os direitos reservados».",
        ]);
        assert_each_dropped_below_the_story(&[
            "© 2011–2024 «Вечерний курьер». Все права защищены.",
            "© 2024 Harbour Courier. All rights reserved.",
        ]);
    }

    #[test]
    fn bios_of_the_bylined_author_in_other_trades_and_as_an_apposition_go() {
        assert_eq!(
            run_bylined(
                "By Priya Raman, Staff Engineer · February 21, 2024",
                "Priya Raman is a staff engineer on the platform team, where she works on reliability."
            ),
            [true, true, true, false]
        );
        let italian = |bio: &str| {
            run(&[
                "di Chiara Ventura",
                "Il consiglio comunale ha approvato ieri sera il bilancio con dieci voti a favore e tre contrari.",
                "Il sindaco ha detto che i lavori al porto cominceranno a maggio e dureranno due anni.",
                bio,
            ])
        };
        assert_eq!(
            italian("Chiara Ventura, giornalista professionista, si occupa di media e innovazione digitale."),
            [true, true, true, false]
        );
        assert_eq!(
            italian("Marco Ferri, giornalista del Tirreno, ha raccontato la vicenda per primo."),
            [true; 4]
        );
        // Someone else in the same trade is the story's.
        assert_eq!(
            run_bylined(
                "By Priya Raman",
                "Tom Hale is a senior engineer at the plant, where he has worked for 30 years."
            ),
            [true; 4]
        );
    }

    #[test]
    fn bios_under_a_bare_name_or_with_contact_details_are_dropped() {
        assert_eq!(
            run_bylined(
                "Rachel Fenwick",
                "Rachel Fenwick is a Sentinel columnist and the author of Commuter Nation."
            ),
            [true, true, true, false]
        );
        assert_eq!(
            run_bylined(
                "By Katherine Olds, Senior Editor",
                "Katherine Olds is senior editor of Packaging World Insight and has covered the plastics industry for 15 years."
            ),
            [true, true, true, false]
        );
        assert_eq!(
            run_bylined(
                "By Renée Alvarez",
                "Reach Renée Alvarez at ralvarez@lakesidetribune.com or follow her on X @reneealvarez."
            ),
            [true, true, true, false]
        );
        // Another person's bio is story text: no byline names them.
        assert_eq!(
            run_bylined(
                "Rachel Fenwick",
                "Tom Hale is senior editor of the Gazette and has run it since 2019."
            ),
            [true; 4]
        );
        assert_each_kept_in_an_article(&["Contact the council at the town hall or by phone."]);
        assert_each_dropped_below_the_story(&["The Byline Brief © 2025. Powered by Ghost"]);
    }

    #[test]
    fn an_author_box_closed_by_the_link_to_its_posts_goes() {
        let blurb = "Dana has been running small websites since 2004 and now looks after the servers for a few charities.";
        for first in ["Published by Dana Okoye", "Dana Okoye", "About Dana Okoye"] {
            let author_box = format!("{first}\n{blurb}\nView all posts by Dana Okoye");
            // No byline names her: the link confirms the box.
            assert_eq!(
                run(&[BODY, MORE, &author_box]),
                [true, true, false],
                "{first}"
            );
            assert_eq!(
                run(&[BODY, &author_box, MORE]),
                [true, false, true],
                "{first}"
            );
        }
        assert_each_dropped_in_an_article(&[
            "View all posts by Dana Okoye",
            "More stories by Sam Haddad »",
            "Ver todas las entradas de Lucía Pérez",
            "Alle Beiträge von Jonas Weber",
        ]);
        // The link must name the person the box opens with.
        let other = format!("Published by Dana Okoye\n{blurb}\nView all posts by Ravi Mehta");
        assert_eq!(run(&[BODY, MORE, &other]), [true; 3]);
        // A story's lines that open with a name and end with no link stay.
        let story = format!("Dana Okoye\n{blurb}\nShe said the servers were all posts by then.");
        assert_eq!(run(&[BODY, MORE, &story]), [true; 3]);
        assert_each_kept_in_an_article(&[
            "She wanted to see all posts by the council before the vote, she said.",
            "More stories by local authors will be printed in the spring edition.",
        ]);
    }

    #[test]
    fn a_stations_address_standards_and_site_links_go_below_the_story() {
        assert_each_dropped_below_the_story(&[
            "Terms of Service | Privacy Policy | EEO Report | FCC Public File\nKMGZ 5 · 1200 Broadcast Drive · Harlan Springs, MO 65802 · (417) 555-0150",
            "CPB's Journalistic Standards and Practices | About CPB News",
            "Editorial Guidelines | Corrections and clarifications | Contact the newsroom",
            "©2024 Canadian Public Broadcasting. All rights reserved.\nVisitez radio-canada.ca",
            "Harbour Radio · 12 Quay Road · Halifax, NS B3H 1A1",
        ]);
        // Above the story they may be the story's own facts.
        assert_eq!(run(&["Visit kmgz.com", BODY, MORE]), [true, true, true]);
        assert_each_kept_in_an_article(&[
            "Call (417) 555-0150 for details about the shelter.",
            "Open Monday to Friday · 9 a.m. to 5 p.m.",
            "Visit the museum website to book a tour.",
            "The office at 1200 Broadcast Drive, Harlan Springs, MO 65802 will close.",
            "About the storm: what we know so far",
        ]);
    }

    #[test]
    fn newsletter_boxes_with_a_heading_a_field_and_a_consent_line_go() {
        assert_each_dropped_in_an_article(&[
            "Get GRT Daily\nThe garden retail news you need, every weekday morning. Free for trade professionals.\nWork email\nSign me up",
            "Get Westmoor Today in your inbox\nA weekly roundup of news, research and events from across the university.\nSubscribe",
            "Boletín El Norteño por la mañana\nRecibe antes de las 7:00 las noticias que necesitas para empezar el día.\nEscribe tu correo electrónico\nQuiero recibirlo\nAl suscribirte aceptas nuestro Aviso de Privacidad.",
            "Zapisz się do newslettera Gazety Podgórskiej\nNajważniejsze wiadomości z regionu codziennie o 7:00.\nTwój adres e-mail\nZapisuję się\nAdministratorem danych osobowych jest Wydawnictwo Podgórze sp. z o.o.",
            "Never miss a match\nJoin the Hartbury Insider mailing list for ticket news and exclusive offers from the Club Shop.\nSign up now",
            "Discover more from The Saltmarsh Dispatch\nIndependent reporting on county government, schools and land use.\nOver 3,000 subscribers\nType your email…\nSubscribe",
            "Get local headlines delivered to your inbox every weekday.",
        ]);
        assert_each_kept_in_an_article(&[
            "Join the club for the walk on Sunday, the organisers said.",
            "Over 3,000 subscribers lost their service when the line failed on Monday.",
            "Her work email was hacked twice last year, she said.",
        ]);
    }

    #[test]
    fn a_sponsored_label_takes_a_teaser_of_ad_copy_but_no_subheading() {
        let teaser =
            "Own a 2 BHK in Wakad from ₹79 lakh – limited inventory, book your site visit today";
        for label in ["Sponsored", "Gesponsert", "Sponsorlu İçerik"] {
            assert_eq!(
                run(&[BODY, label, teaser, MORE]),
                [true, false, false, true],
                "{label}"
            );
        }
        for label in ["Sponsored", "Gesponsert"] {
            assert_eq!(
                run(&[BODY, label, "Reaction", MORE]),
                [true, false, true, true],
                "{label}"
            );
        }
        // A bare advertisement marker is where a display ad stood.
        assert_eq!(
            run(&[BODY, "Anzeige", teaser, MORE]),
            [true, false, true, true]
        );
        assert_each_dropped_in_an_article(&[
            "Sponsored\nIs your plant area losing margin to shrinkage? See how RFID labels cut write-offs.\nDownload the free report",
        ]);
    }

    #[test]
    fn follow_prompts_app_badges_and_headers_in_more_languages_go() {
        assert_each_dropped_in_an_article(&[
            "Seguici su Facebook, Instagram e sul nostro canale WhatsApp",
            "Receba as notícias do Jornal do Vale no seu WhatsApp. Entre no nosso canal!",
            "Ikuti kami di Instagram @kabarpriangan",
            "Écouter cet article (4 min)",
            "Get breaking news alerts directly to your phone with the NRB News app.",
            "Toute l’actualité de Charleroi dans votre poche : téléchargez l’application du Courrier\nDisponible sur l’App Store\nDisponible sur Google Play",
            "Поділитися:\nFacebook\nTelegram\nViber\nКопіювати посилання",
            "İlginizi çekebilir: Eskişehir'de su kesintisi: Hangi mahalleler etkilenecek?",
            "14\n6\nShare",
        ]);
        assert_each_dropped_below_the_story(&[
            "Posted in Community Garden, News\nTagged bake sale, plot lottery, volunteers, work day",
        ]);
        assert_each_kept_in_an_article(&[
            "Follow the signs to the new market hall, the council said.",
            "14",
        ]);
    }

    #[test]
    fn footers_of_broadcasters_clubs_and_universities_go_below_the_story() {
        assert_each_dropped_below_the_story(&[
            "Public Inspection File\nEEO Public File Report\nFCC Applications\nClosed Captioning Assistance\nAd Choices\nPrivacy Policy\nTerms of Service",
            "KTRV-TV · 4100 Broadway, Canyon Ridge, TX 79415 · Newsroom: (806) 555-0142",
            "NRB © 2024\nEditorial Policies\nAccessibility\nHelp\nContact Us\nAbout the NRB\nPrivacy Policy",
            "We acknowledge Aboriginal and Torres Strait Islander peoples as the Traditional Custodians of the lands where we live and work.",
            "© Hartbury Rugby Football Club 2024. All rights reserved.\nSandpits Lane, Hartbury HB4 7RL\nPrivacy Policy · Cookie Policy · Accessibility Statement · Safeguarding",
            "University of Westmoor\n1200 College Avenue\nWestmoor, OH 45387\n© 2024 University of Westmoor. All rights reserved.\nAccessibility\nNon-Discrimination Notice\nPrivacy Statement",
        ]);
        assert_each_dropped_in_an_article(&[
            "Dr Peter Vanlint has been the town's doctor since 1986. (NRB Western Plains: Sam Dunne)",
        ]);
        // A block that only opens with a name the notice does not hold stays.
        assert_eq!(
            run(&[
                BODY,
                MORE,
                "Harbour Road\n© 2024 University of Westmoor. All rights reserved.\nAccessibility"
            ]),
            [true, true, true]
        );
        assert_each_kept_in_an_article(&[
            "The council voted on the plan. (Source: Jane Doe)",
            "The meeting is at 1200 College Avenue.",
            "We acknowledge that the plan has flaws, the minister said!",
        ]);
    }

    #[test]
    fn a_polish_bio_after_a_dash_goes_under_the_interviewers_credit() {
        assert_each_bio_goes(&[(
            "Rozmawiała Agnieszka Wróbel",
            "Agnieszka Wróbel – dziennikarka działu regionalnego Gazety Podgórskiej. Zajmuje się samorządem i sprawami wsi.",
        )]);
    }

    #[test]
    fn a_newsletter_box_split_into_blocks_goes_whole() {
        let heading = "Get The Meridian’s Morning Briefing";
        let blurb = "The stories you need to know, in your inbox before 7am every weekday.";
        assert_eq!(
            run(&[BODY, heading, blurb, "Enter your email", "Sign up", MORE]),
            [true, false, false, false, false, true]
        );
        // Alone, the heading and the blurb are no box.
        assert_each_kept_in_an_article(&[
            "The scam email landed in your inbox on Monday, police said.",
            "Get the Weekly Digest",
        ]);
    }

    #[test]
    fn donation_boxes_channels_and_captions_of_more_sites_go() {
        let appeal = "CRPR is a nonprofit newsroom funded by listeners like you. Your gift today keeps reporters covering the valley.";
        assert_eq!(
            run(&[
                BODY,
                "Support local journalism",
                appeal,
                "Donate now",
                "Become a sustaining member",
                MORE
            ]),
            [true, false, false, false, false, true]
        );
        assert_each_dropped_in_an_article(&[
            "Join The Meridian’s Telegram channel and get the latest breaking news delivered to you.",
            "Follow us on our WhatsApp channel for the latest news and updates.",
            "CUT OFF. Soldiers load relief packs onto a helicopter on Sunday. Photo courtesy of the Catanduanes PIO",
            "Get breaking news alerts. Download The Peninsula Post app",
            "Tags / Keywords: Floods , Kelantan , Terengganu",
        ]);
        assert_each_dropped_above_the_story(&["Listen Live\nOn Air Now: Morning Edition"]);
        assert_each_kept_in_an_article(&[
            "The food bank is funded by donors across the county, its director said.",
            "Join the walk on Sunday to raise money for the channel crossing.",
        ]);
    }

    #[test]
    fn addresses_and_telephones_of_more_countries_go_below_the_story() {
        assert_each_dropped_below_the_story(&[
            "Terms & Conditions | Data Protection Policy | Advertise with us | Contact us",
            "Meridian Press Holdings, News Centre, 88 Kallang Bahru, Singapore 339412",
            "Menara Post, Jalan Semangat, 46200 Petaling Jaya, Selangor | Tel: 03-7967 1388",
            "Cascade River Public Radio\n210 Orchard Avenue, Riverton, WA 98831\nNewsroom: (509) 555-0147",
            "Your privacy matters to us\nWe use cookies and similar technologies to improve our site.",
            "© Vestegnens Avis A/S 2024 · Havnegade 3, 5900 Nørrehavn\nPrivatlivspolitik · Cookieindstillinger · Kontakt redaktionen",
            "Ljusnedalsposten AB · Storgatan 22, 846 31 Ljusnedal\nAnsvarig utgivare: Per Ahlgren\n© 2024 Ljusnedalsposten. Med ensamrätt.",
        ]);
        assert_each_kept_in_an_article(&[
            "Queries may be directed to the Roads Department, Ballinacurra, or by telephone on 094 936 2400 during office hours.",
        ]);
        // A name over lines that are no address stays.
        assert_eq!(
            run(&[
                BODY,
                MORE,
                "Cascade River Public Radio\nMorning Edition\nNewsroom: (509) 555-0147"
            ]),
            [true, true, true]
        );
    }

    #[test]
    fn furniture_in_catalan_romanian_czech_and_nordic_languages_goes() {
        assert_each_dropped_in_an_article(&[
            "Utilitzem galetes pròpies i de tercers per millorar els nostres serveis.\nAcceptar\nRebutjar",
            "Temps de lectura: 3 min",
            "Publicitat",
            "Llegiu també: La Serra recupera la festa dels traginers",
            "Comparteix\nFacebook\nX\nWhatsApp\nCorreu",
            "Folosim cookie-uri pentru a-ți oferi o experiență mai bună.\nSunt de acord\nMai multe detalii",
            "Distribuie pe Facebook",
            "Přeskočit na hlavní obsah",
            "Sdílet\nFacebook\nX\nKopírovat odkaz\nTisknout",
            "Jaa Facebookissa\nJaa X:ssä\nKopioi linkki",
            "Artiklen fortsætter under annoncen",
            "Del artiklen: Facebook · Messenger · Mail · Kopiér link",
            "Töltse le ingyenes alkalmazásunkat, és értesüljön elsőként a térség híreiről!",
            "Olvasási idő: kb. 3 perc",
            "Ακολουθήστε τα Νησιωτικά Νέα στο Google News και στο Facebook",
            "Theo dõi Báo Miền Núi trên Google News",
            "Поделиться: ВКонтакте · Одноклассники · Telegram · WhatsApp",
            "Η δεξαμενή, σχεδόν άδεια στις αρχές Μαρτίου. Φωτογραφία: Γιώργος Μαυρίδης / Νησιωτικά Νέα",
            "Butlletí de La Veu de la Serra\nRep cada divendres les notícies de la comarca al teu correu.\nAdreça electrònica\nSubscriu-m'hi\nHe llegit i accepto la política de privacitat.",
            "Iratkozzon fel hírlevelünkre!",
        ]);
        assert_each_kept_in_an_article(&[
            "Sdílet auta je v Lipové čím dál běžnější, říká starosta.",
            "Distribuie pachetele voluntarii primăriei, a spus primarul.",
        ]);
        assert_each_bio_goes(&[
            (
                "Autor: Jana Dvořáková",
                "Jana Dvořáková píše pro Hanácký deník o dopravě a územním plánování.",
            ),
            (
                "Per Marta Soler Vilaró",
                "Marta Soler Vilaró és periodista de La Veu de la Serra, on escriu sobre cultura.",
            ),
        ]);
    }

    #[test]
    fn a_bio_under_its_authors_initials_and_name_goes() {
        let bio = "SH\nSam Haddad\nJournalist\nSam Haddad covers agriculture and local government for the Advocate. Got a story? Email sam.haddad@advocate.com.au";
        assert_eq!(run(&[BODY, MORE, bio]), [true, true, false]);
        // Letters that are not the name's initials are no avatar.
        let other = "SK\nSam Haddad\nJournalist\nSam Haddad covers agriculture and local government for the Advocate. Got a story? Email sam.haddad@advocate.com.au";
        assert_eq!(run(&[BODY, MORE, other]), [true, true, true]);
    }

    #[test]
    fn markers_anywhere_are_dropped() {
        let blocks = [BODY, "Advertisement", MORE, "ANZEIGE", "Реклама", "โฆษณา"];
        assert_eq!(run(&blocks), [true, false, true, false, false, false]);
    }

    #[test]
    fn a_share_row_is_dropped_line_by_line() {
        let share = "Share this:\nClick to share on Facebook (Opens in new window)\nClick to share on X (Opens in new window)";
        assert_eq!(run(&[BODY, share, MORE]), [true, false, true]);
        assert_each_dropped_in_an_article(&[
            "Partager\nFacebook\nTwitter\nE-mail",
            "Comparte esta noticia\nFacebook\nTwitter\nWhatsApp",
            "Partilhe esta notícia\nFacebook\nWhatsApp",
            "Condividi la notizia\nFacebook\nX",
            "Поделиться\nВКонтакте\nОдноклассники\nTelegram",
        ]);
    }

    #[test]
    fn buttons_only_go_next_to_their_box() {
        let cookie = "We use cookies to improve your experience on our site. By continuing you agree to our cookie policy.";
        assert_eq!(
            run(&[cookie, "Accept", "Reject all", BODY, MORE]),
            [false, false, false, true, true]
        );
        assert_eq!(run(&[BODY, "Accept", MORE]), [true, true, true]);
    }

    #[test]
    fn a_repeated_paragraph_does_not_end_the_bottom_zone() {
        // The paragraph filter drops the second BODY; a second cleaning
        // then sees the notice last, so the first must see it there too.
        let cookie = "We use cookies to improve your experience. Accept all";
        assert_eq!(run(&[BODY, MORE, cookie, BODY]), [true, true, false, true]);
        assert_eq!(run(&[BODY, MORE, cookie]), [true, true, false]);
        let dedup_off = Config {
            dedup_paragraphs: false,
            ..Config::default()
        };
        assert_eq!(
            run_with(&[BODY, cookie, MORE, BODY], &dedup_off),
            [true, true, true, true]
        );
    }

    #[test]
    fn a_prose_paragraph_mentioning_a_phrase_is_kept() {
        let blocks = [
            BODY,
            "The word Advertisement printed above the column misled readers, the regulator ruled.",
            "Readers who leave a reply under articles will now need a verified account, the site said.",
            "The newsletter, which has 40,000 subscribers, will now be published twice a week.",
            "Under the new law, sites must ask before they use cookies to track visitors.",
            MORE,
        ];
        assert_eq!(run(&blocks), [true; 6]);
    }

    #[test]
    fn start_rules_take_short_link_lines() {
        let blocks = [
            BODY,
            "Read more: Hospital car parks to go cashless",
            MORE,
            "Tags: health, hospitals, waiting lists",
        ];
        assert_eq!(run(&blocks), [true, false, true, false]);
    }

    #[test]
    fn footer_lines_and_prompts_in_their_usual_forms_are_dropped() {
        assert_each_dropped_in_an_article(&[
            "© 2024 The Harbour Courier. All rights reserved.",
            "The Harbour Courier | All Rights Reserved",
            "All rights reserved. This material may not be redistributed.",
            "2024 Harbour Media Ltd, todos los derechos reservados.",
            "Click to share on Facebook (Opens in new window)",
            "Click to email a link to a friend (Opens in new window)",
            "Click to print (Opens in new window) Print",
            "Click to Print",
            "Get the latest news delivered to your inbox every morning.",
            "No spam, ever.",
            "No spam. Unsubscribe at any time.",
            "Copyright 2024 Harbour Media Ltd",
            "Copyright by dpa",
            "Copyright 2019: The Harbour Courier",
        ]);
        // A subheading of a story on copyright law is no footer.
        assert_each_kept_in_an_article(&[
            "Copyright 2019: what the directive required",
            "Copyright by the back door?",
        ]);
        let banner = "By continuing to browse, you agree to our use of cookies.";
        assert_eq!(run(&[banner, BODY, MORE]), [false, true, true]);
    }

    #[test]
    fn story_sentences_using_the_words_of_a_footer_or_a_prompt_stay() {
        assert_each_kept_in_an_article(&[
            "The studio said all rights reserved under the 1998 contract remain with the producers.",
            "All rights reserved by the founders remain with the family trust, the filing shows.",
            "Click to share your views on the council website was the slogan of the campaign.",
            "No spam, no junk mail: the new rules on leaflets take effect in March.",
            "By continuing to use the old recipes, the bakery hopes to keep customers loyal despite privacy worries.",
        ]);
    }

    #[test]
    fn reported_speech_is_told_from_a_banner() {
        for line in [
            "We use cookies made by hand in our own kitchens, the founder said.",
            "Cookies help us stand out, said the chief executive.",
            "This site uses cookies from three suppliers, according to the filing.",
            "“Download the app to collect points,” a spokesperson added.",
            "Sign up for our newsletter, Smith told readers in his last column.",
            "Get the app: the company said its loyalty app would be merged.",
            "We use cookies in every recipe, she said.",
            "“Sign up for our newsletter,” he told the meeting.",
            "Utilizamos cookies propias, dijo el alcalde.",
            "Este sitio utiliza cookies de tres proveedores, según la documentación.",
            "« Nous utilisons des cookies », a déclaré la directrice.",
            "Abonnez-vous à notre newsletter, disait l'ancien slogan.",
            "Jetzt zum Newsletter anmelden, lautete der alte Werbespruch.",
            "Diese Website verwendet Cookies, heißt es in der Akte.",
            "Nous utilisons des cookies, selon l'avocat de la boulangerie.",
            "© Jane Ellery 2019: the credit line was cropped off, the court heard.",
            "Accept all cookies, the judge ruled, was no consent at all.",
        ] {
            assert!(reports_speech(line), "{line}");
            assert!(reports_speech_by_definition(line), "{line}");
        }
        for line in [
            "We use cookies to give you the best experience on our website.",
            "Sign up for our newsletter, delivered every morning.",
            "Sign up for our newsletter, the best of what we wrote this week.",
            "Get the app, our daily briefing tells you what matters.",
            "Share this:",
            "© 2024 The Harbour Courier. All rights reserved.",
            "Download the app, available on iOS and Android.",
            "Utilizamos cookies propias y de terceros, según nuestra política de cookies.",
            "Nous utilisons des cookies, selon vos choix.",
        ] {
            assert!(!reports_speech(line), "{line}");
        }
    }

    /// [`REPORTED_SPEECH`] as first written, its classes of letters
    /// folded with the rest of the pattern.
    const REPORTED_SPEECH_AS_WRITTEN: &str = concat!(
        r#"(?i)[,—–][”"’»]?\s+(?:(?:the|a|an|his|her|their|its|one|our)\s+(?:[\p{L}'’-]+\s+){0,4}"#,
        r"|(?-i:\p{Lu})[\p{L}'’.-]*\s+(?:(?-i:\p{Lu})[\p{L}'’.-]*\s+){0,2}|(?:he|she|they|we|i)\s+)?",
        r"(?:said|says|told|added|adds|joked|explained|noted|warned|argued|urged|urges",
        r"|insisted|claimed|announced|confirmed|heard|ruled|according to)(?:[^\p{L}]|$)",
        r"|(?:^|[^\p{L}])(?:said|says|told)\s+(?:the|a|an|his|her|their|its)\s",
        r#"|[,—–][”"’»]?\s+(?:(?:dijo|dice|decía|afirmó|explicó|señaló|aseguró|indicó|añadió|declaró"#,
        r"|contó|comentó|agregó|a déclaré|a dit|a affirmé|a expliqué|a ajouté|a indiqué",
        r"|a-t-(?:il|elle) (?:dit|déclaré)|dit|disait|explique|affirme|ajoute|précise",
        r"|sagte|sagt|erklärte|betonte|lautete|disse|diz|dizia|afirmou|explicou|declarou|acrescentou",
        r"|contou|ha detto|ha spiegato|ha dichiarato|ha aggiunto|dice|diceva|spiega",
        r"|сказал|сказала|заявил|заявила|сообщил|сообщила|говорит|отметил|отметила|требует|шутит|bromea|bromeó|recuerda|recordó|advierte|advirtió|plaisante|rappelle|a rappelé|conseille|scherzt|appellierte|stand|steht|scherza|ricorda|zegt|zei|eist",
        r"|sanoi|sanoo|kertoo|kertoi|toteaa|totesi|mondta|mondja|közölte|säger|sade|sa|siger|sagde|sier|nói|cho biết",
        r"|powiedział|powiedziała|mówi|řekl|řekla|uvedl|uvedla|a spus|a declarat|spune|сказав|заявив)(?:[^\p{L}]|$)",
        r"|(?:según (?:el|la|los|las|fuentes|datos)|selon (?:le|la|les|des)|heißt es|so (?:der|die|das)",
        r"|laut (?:der|dem|den|einer|einem)|segundo (?:o|a|os|as)|secondo (?:il|la|lo|i|le|gli)) ",
        r"|(?:selon|secondo) l['’])",
        r"|:\s+(?:(?:that|this|it) (?:is|was)|that['’]s|c['’]est|c['’]était|è|era|es|fue|das (?:ist|war))\s",
        r"|\s(?:was|were|is|are) (?:printed|written|displayed|shown|posted|painted|stamped|emblazoned) ",
        r#"|\s(?:read|reads)\s*:\s*[“"„«‘']"#,
    );

    /// [`reports_speech`] by its definition: the pattern as first
    /// written, searched for as `regex` searches.
    fn reports_speech_by_definition(line: &str) -> bool {
        static REPORTED: OnceLock<Regex> = OnceLock::new();
        REPORTED
            .get_or_init(|| Regex::new(REPORTED_SPEECH_AS_WRITTEN).unwrap())
            .is_match(line)
    }

    #[test]
    fn the_pattern_is_the_one_first_written() {
        let parse = |pattern| regex_syntax::Parser::new().parse(pattern).unwrap();
        assert_eq!(parse(REPORTED_SPEECH), parse(REPORTED_SPEECH_AS_WRITTEN));
    }

    proptest::proptest! {
        #[test]
        fn speech_is_found_as_regex_finds_it(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    " ", "  ", "\t", ",", "—", "–", "”", "\"", "»", "’", "'", ".", "-", "x", "é",
                    "said", "SAID", "Says", "tOlD", "ſaid", "ſays", "sai", "aid", "the", "a",
                    "his", "Smith", "John", "he", "added", "according to", "dijo", "el",
                    "según", "selon", "le", "l'", "heißt", "es", "so", "der", "laut", "dem",
                    "segundo", "o", "secondo", "il", "сказал", "a déclaré", "Cookies", "\u{345}", "Σ",
                ]),
                0..12,
            ),
        ) {
            let line = words.concat();
            proptest::prop_assert_eq!(
                reports_speech(&line),
                reports_speech_by_definition(&line),
                "{:?}", line
            );
        }
    }

    #[test]
    fn a_newsletter_prompt_with_a_lead_in_is_dropped() {
        assert_each_dropped_in_an_article(&[
            "Never miss a story: sign up for our daily briefing.",
            "Don't miss out! Subscribe to our newsletter.",
            "Want more stories like this? Sign up for our free weekly newsletter.",
            "Stay up to date — subscribe to our morning email.",
        ]);
    }

    #[test]
    fn prompts_in_other_languages_are_dropped() {
        assert_each_dropped_in_an_article(&[
            "Подписывайтесь на наш Telegram-канал",
            "Receba as principais notícias do dia no seu e-mail.",
            "Перейти к содержанию",
        ]);
    }

    #[test]
    fn newsletter_offers_and_channel_prompts_are_dropped() {
        assert_each_dropped_in_an_article(&[
            "Get our free newsletter",
            "Join our mailing list",
            "Enter your email to receive our newsletter",
            "Melden Sie sich für unseren kostenlosen Newsletter an und erhalten Sie täglich die wichtigsten Nachrichten.",
            "Erhalten Sie unseren Newsletter",
            "Recevez notre newsletter chaque matin",
            "Recibe nuestro boletín cada mañana",
            "Recibe las noticias más importantes en tu correo",
            "Ricevi la nostra newsletter",
            "Получайте главные новости на почту",
            "Join our WhatsApp channel for the latest updates",
            "Abonnez-vous à notre chaîne WhatsApp",
            "Únete a nuestro canal de WhatsApp",
            "Подпишитесь на наш Telegram-канал",
            "Más información en nuestro canal de WhatsApp",
            "Ещё больше новостей — в нашем Telegram",
            "Siga o nosso canal no WhatsApp",
            "Receba as notícias do dia no seu WhatsApp",
            "Segui il nostro canale WhatsApp",
            "Ce contenu est réservé aux abonnés.",
            "Jetzt weiterlesen",
        ]);
        assert_each_kept_in_an_article(&[
            "Get our free newsletter out to every household in the county was the goal of the campaign in 2019, organisers recalled.",
            "The union asked members to join our mailing list campaign against the closures.",
            "Join the Telegram channel that organisers set up, the police warned, and you may be breaking the law.",
            "Recibe el boletín oficial cada mañana el alcalde, que lo lee antes de las reuniones.",
            "Erhalten Sie unseren Newsletter nicht mehr, müssen Sie sich erneut anmelden, erklärte die Verbraucherzentrale.",
            "Melden Sie sich für unseren Newsletter an, riet der Sprecher den Kunden in einer Mitteilung.",
            "Получайте новости на почту — этот совет дал глава ведомства журналистам.",
            "Ce contenu est réservé aux abonnés depuis 2020, date du changement de modèle économique du journal.",
            "Also read the small print before you sign anything, the ombudsman advised.",
            "Leggi anche i documenti originali, consiglia l'avvocato.",
        ]);
    }

    #[test]
    fn a_read_also_header_takes_its_headline_list() {
        for header in [
            "Also read",
            "Leggi anche",
            "Lesen Sie auch",
            "Читайте также",
        ] {
            let blocks = [
                BODY,
                header,
                "New ward opens at the county hospital",
                "Ambulance response times improve",
                MORE,
            ];
            assert_eq!(run(&blocks), [true, false, false, false, true], "{header}");
        }
    }

    #[test]
    fn article_tools_paywall_buttons_and_ad_controls_are_dropped() {
        assert_each_dropped_in_an_article(&[
            "Advertisement - Scroll to continue",
            "Advertisement Close",
            "[Advertisement]",
            "The article continues after the advertisement",
            "Scroll to continue with content",
            "Fin de la publicité",
            "Artículo patrocinado",
            "Skip Ad",
            "Show comments",
            "View all 12 comments",
            "Report an error",
            "Reprints & Permissions",
            "Save for later",
            "Gift this article",
            "Font size",
            "Have a news tip? Email us at tips@example.com",
            "Do you have a story? Contact our newsroom.",
            "Subscribe now",
            "This article is for subscribers only.",
            "Register for free to continue reading",
            "Log in or register to continue reading",
            "Create your free account",
            "This is your last free article.",
        ]);
        assert_each_kept_in_an_article(&[
            "Members of the club said the rule was for members only, and the vote was close.",
            "Have a story to tell? The museum is collecting memories of the flood, its director said.",
            "Show comments were turned off on the broadcaster's website after the row.",
            "Save this article for later, the librarian told the students, and read it twice.",
            "The ad was skipped by most viewers, the study found.",
            "The story continues after the break with an interview.",
            "[Advertisement] tags were added to every sponsored post after the ruling, the regulator said.",
        ]);
    }

    #[test]
    fn counters_recipe_tools_players_and_section_links_are_dropped() {
        assert_each_dropped_in_an_article(&[
            "1.2k Shares",
            "245 shares",
            "12,345 views",
            "Share 245 Tweet 12 Pin 3",
            "ADVERTISEMENT - CONTINUE READING BELOW",
            "Follow Jane Smith on Twitter @janesmith",
            "Follow Jane Smith on X: @janesmith",
            "Jump to recipe",
            "Jump to Recipe · Print Recipe",
            "Print Recipe",
            "Listen · 4:32",
            "Listen (5 min)",
            "More in Sport",
            "More in Arts & Culture",
        ]);
        assert_each_kept_in_an_article(&[
            "Shares rose 5% in early trading after the results were published.",
            "245 shares changed hands before the exchange halted trading.",
            "Follow the money, the auditor told the committee on Thursday.",
            "Listen to the crowd at 4:32 in the recording and you hear the chant.",
            "More in Common, a research group, found the divide had narrowed.",
            "Print the recipe and keep it: the ingredients are hard to find.",
        ]);
    }

    #[test]
    fn subheadings_and_routes_that_read_like_labels_stay() {
        assert_each_kept_in_an_article(&[
            "More from less",
            "More from the minister",
            "Also on the agenda",
            "Advertising",
            "© Jane Ellery 2019: the credit line she added to every copy was cropped off, the court heard.",
        ]);
        // A route mid-story is no breadcrumb; at the top of the page it is.
        let route = "Lisbon » Porto » Vigo » Santiago";
        assert_eq!(run(&[BODY, route, MORE]), [true; 3]);
        assert_eq!(run(&[route, BODY, MORE]), [false, true, true]);
        // A section and its subsection above the story are a breadcrumb of
        // two steps; below the first paragraph they are a subheading.
        for pair in [
            "Education » Schools",
            "News › Local Politics",
            "Sport > Football",
        ] {
            assert_eq!(run(&[pair, BODY, MORE]), [false, true, true], "{pair}");
            assert_eq!(run(&[BODY, pair, MORE]), [true; 3], "{pair}");
        }
        // A sentence or a comparison at the top is not a pair of sections.
        for line in [
            "Demand > supply, the minister said.",
            "Inflation » 4%",
            "Why the council said no » and what happens next in the long dispute over the bridge",
        ] {
            assert_eq!(run(&[line, BODY, MORE]), [true; 3], "{line}");
        }
        // The labels those words open still go.
        assert_each_dropped_in_an_article(&[
            "More from The Coast Herald",
            "Also on BBC News",
            "ADVERTISING",
        ]);
    }

    #[test]
    fn support_appeals_go_below_the_story_and_stay_inside_it() {
        for appeal in [
            "Support independent journalism",
            "Support our journalism. Subscribe today.",
            "Help us keep reporting: donate now",
            "Become a member",
            "Soutenez notre travail",
            "Unterstützen Sie unabhängigen Journalismus",
        ] {
            assert_eq!(run(&[BODY, MORE, appeal]), [true, true, false], "{appeal}");
            assert_eq!(run(&[BODY, appeal, MORE]), [true; 3], "{appeal}");
        }
        assert_each_kept_in_an_article(&[
            "Donate blood if you can, the hospital urged residents after the crash.",
            "Support our journalism was the slogan of the 1990s campaign, she recalled.",
            "Become a member of the union and you get legal advice, organisers say.",
        ]);
    }

    #[test]
    fn follow_prompts_audio_widgets_and_ad_links_of_local_sites_are_dropped() {
        assert_each_dropped_in_an_article(&[
            "Follow KTVR 9 News on Facebook, X and Instagram.",
            "Follow The Connacht Leader on Facebook, Instagram and X for the latest Galway news.",
            "Follow us on X @DurbanDaily and on Instagram",
            "ADVERTISEMENT\nAdvertise with Canterbury Daily",
            "Advertise with us",
            "Listen to this article\n03:41",
            "Listen to this article",
        ]);
        assert_each_kept_in_an_article(&[
            "Follow the money on Facebook, the auditor told the committee.",
            "Listen to this article's author read it aloud at the festival on Friday, organisers said.",
            "Advertise with care, the regulator warned firms that target children.",
            "Companies that advertise on Facebook saw prices rise by a fifth this year, the survey found.",
        ]);
    }

    #[test]
    fn site_prompts_of_more_countries_are_dropped() {
        assert_each_dropped_in_an_article(&[
            "Share\nFacebook\nX (formerly Twitter)\nEmail",
            "Feedback\nArtikel teilen\nFacebook\nX.com\nE-Mail",
            "Kindly share this story:",
            "Follow us on Google News for latest updates",
            "Segui Sport su Facebook e Instagram",
            "Подписывайтесь на наш Telegram-канал, чтобы первыми узнавать о главных событиях",
            "Google News'te takip et",
            "Follow BBC Kent on Facebook, X and Instagram. Send your story ideas to southeasttoday@bbc.co.uk.",
            "Receba as notícias do g1 RS no WhatsApp",
            "Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu akses berita Kompas.com WhatsApp Channel.",
            "Download the NDTV app: Get the latest news on the go. Available on Google Play and App Store.",
            "Get the latest news from the ABC delivered to your phone. Download the ABC NEWS app.",
            "Download de NU.nl-app en blijf op de hoogte",
            "Ouça este conteúdo",
            "Dengarkan berita ini",
            "Zur Startseite",
            "Seguí leyendo",
            "Get our local newsletter, delivered free each Friday",
            "Newsletter\nRecibí en tu mail las noticias más importantes del día.\nSuscribirme",
            "Like what you’ve read? Want more?\nSign up for The Conversation’s daily newsletter.",
            "Il vous reste 58.42% de cet article à lire. La suite est réservée aux abonnés.",
            "Assine a Folha\nJá é assinante? Faça seu login",
            "Lire aussi | Rue d’Aubagne : le procès s’ouvre à Marseille",
            "Trending: Bihar Election Results | IPL Auction 2027 | Gold Rate Today",
            "Listen to the news.com.au podcast Ultimate Sports Fans on Apple Podcasts and Spotify",
            "Get Latest News Live on Times Now along with Breaking News and Top Headlines from India.",
            "Contribuer\nRéutiliser ce contenu",
            "Most viewed\nBank of England holds rates as inflation edges up\nStorm Darragh: thousands still without power",
        ]);
        // Furniture that goes above or below the story, and a button beside
        // its box.
        assert_each_dropped_above_the_story(&[
            "ABC News Homepage",
            "BBC Homepage\nHome\nNews\nSport",
            "3 min",
        ]);
        assert_each_dropped_below_the_story(&[
            "Abone Ol\nGoogle News'te takip et",
            "Archivado En\nFlamenco\nMúsica\nMadrid",
            "Temas\nOla de calor\nClima\nServicio Meteorológico Nacional",
            "Tag\nGunung Lewotobi\nerupsi\nPVMBG",
            "Support PREMIUM TIMES' journalism of integrity and credibility",
            "Support independent journalism. Every contribution, however big or small, helps us keep reporting. Donate now",
            "Copyright PUNCH.\nAll rights reserved. This material, and other digital content on this website, may not be reproduced, published, broadcast, rewritten or redistributed in whole or in part without prior express written permission from PUNCH.",
        ]);
        let paywall = "Déjà abonné ? Se connecter";
        assert_eq!(
            run(&[BODY, paywall, "S’abonner", MORE]),
            [true, false, false, true]
        );
        assert_eq!(
            run(&[
                BODY,
                "Most viewed",
                "Most viewed\nBank of England holds rates\nStorm Darragh hits the coast",
                MORE
            ]),
            [true, false, false, true],
            "a header goes beside the header over its list"
        );
    }

    #[test]
    fn an_offer_line_with_its_price_goes() {
        assert_each_dropped_in_an_article(&[
            "Offre spéciale : 1 € le premier mois\nS’abonner",
            "Oferta especial: 3 meses por 1 €",
            "Sonderangebot: 3 Monate für 0,99 €",
            "Offerta speciale: 1 euro al mese per 3 mesi",
        ]);
        assert_eq!(
            run(&[
                BODY,
                "Déjà abonné ? Se connecter",
                "Offre spéciale : 1 € le premier mois\nS’abonner",
                MORE
            ]),
            [true, false, false, true]
        );
        // Story lines with the same words: a sentence, or no price.
        assert_each_kept_in_an_article(&[
            "Offre spéciale : la mairie propose des paniers à 5 € aux familles.",
            "Offre spéciale pour les seniors",
            "Sonderangebot für Familien",
        ]);
    }

    #[test]
    fn players_live_tools_and_syndication_furniture_go() {
        assert_each_dropped_in_an_article(&[
            "Story continues",
            "Social Sharing",
            "Watch | Mayor Olivia Chow on the TTC budget:\nDuration 2:15\nPlay video",
            "Watch: Waves crash over the promenade in Salthill\nVideo duration 01:12",
            "Play video\nVideo duration 02:15",
            "Key events\nShow key events only\nRefresh",
            "1 of 12\nOpen gallery",
            "Listen to this article\nYour browser does not support the audio element.\n00:00 / 02:45\n1X",
            "Please turn on JavaScript in your browser to see the live updates.",
            "A TTC streetcar travels along Queen Street West in Toronto. (Evan Mitsui/CBC)",
            "Vehicles ply on a smog-covered road in New Delhi on Friday. (Sanjeev Verma/HT Photo)",
            "Bruno, a border collie, is reunited with the Hansen family at the hospital. (Hansen family)",
            "Runners in action during the Iten Half Marathon on Saturday. Photo credit: Jared Nyataya | Nation Media Group",
            "Waves crash against the sea wall in Salthill, Co Galway, this morning. Photo: RollingNews.ie",
            "Read | Santaco calls off strike after talks with minister",
            "READ: What you need to know about Typhoon Pepito",
            "Click here to join The Indian Express on WhatsApp and get latest news and updates",
            "News24 | Get the news you care about on the go: download the News24 app",
            "Get Latest Updates on India News along with Breaking News, Cricket News and Weather Updates on Hindustan Times.",
            "Subscribers can listen to this article",
            "Premium\nSubscribe for full access to the story",
            "This is AI generated summarization, which may have errors. For context, always refer to the full article.",
        ]);
        assert_each_dropped_below_the_story(&[
            "How does this make you feel?\nHappy\nSad\nAngry\nExcited",
            "Ars Technica Homepage",
        ]);
        assert_each_kept_in_an_article(&[
            "Watch the council meeting again and you will see the mayor hesitate.",
            "Play resumed after a delay of two hours, and the home side won.",
            "The minister, speaking to reporters (in Ottawa/Toronto), declined to comment.",
            "Read the statement carefully and the climbdown is plain.",
            "Key events in the trial are listed below, with the dates the court set.",
        ]);
        // A headline that ends in the word stays.
        let headline = "Council launches new website to replace ageing homepage";
        assert_eq!(run(&[headline, BODY, MORE]), [true; 3]);
    }

    #[test]
    fn furniture_of_czech_danish_ukrainian_chinese_and_indonesian_sites_goes() {
        assert_each_dropped_in_an_article(&[
            "Přeskočit na obsah",
            "3 minuty čtení",
            "Čas čtení: 6 min",
            "Час читання: 7 хв",
            "阅读时间：5分钟",
            "Související články\nPraha zdraží jízdné od ledna\nNový most přes Vltavu otevřou v říjnu",
            "ΔΕΙΤΕ ΕΠΙΣΗΣ\nΠυρκαγιά στην Εύβοια: Μάχη με τις φλόγες\nΝέα μέτρα για τα ενοίκια",
            "相关新闻\n杭州地铁三号线延长段开通\n西湖景区春节接待游客创新高",
            "Читайте «Подільські вісті» у Telegram",
            "Dapatkan update berita terkini setiap hari dari KabarKota.id. Gabung di grup Telegram \"KabarKota Update\" lewat tautan https://t.me/kabarkota.",
            "Denne artikel er kun for abonnenter\nKøb abonnement\nEr du allerede abonnent? Log ind",
            "Denna artikel är endast för prenumeranter\nRedan prenumerant? Logga in",
            "Tento článek je pouze pro předplatitele",
            "Pemandangan Pasar Baru, Jakarta, Rabu (6/3/2024). Foto: KabarKota.id/Rina Wulandari",
            "Stánky na náměstí Svobody před Vánocemi. / Tomáš Hruška",
        ]);
        assert_each_dropped_above_the_story(&[
            "Tento web používá soubory cookies k analýze návštěvnosti.\nPřijmout\nOdmítnout",
            "Používáme soubory cookies, abychom vám zlepšili prohlížení.",
            "Ми використовуємо файли cookie для аналітики.\nПрийняти всі\nВідхилити",
            "本站使用Cookie来改善您的体验。\n接受\n拒绝",
            "Vi bruger cookies til statistik.\nAccepter alle\nAfvis alle\nTilpas indstillinger",
        ]);
        assert_each_dropped_below_the_story(&[
            "Tilmeld dig vores nyhedsbrev\nFå ugens bedste historier direkte i din indbakke.\nDin e-mail\nTilmeld",
            "Odebírejte náš newsletter\nKaždé ráno to hlavní z Ostravy do vaší schránky.\nZadejte e-mail\nOdebírat",
            "Підпишіться на розсилку\nГоловні новини тижня — щонеділі на вашу пошту\nВаш email\nПідписатися",
            "Newsletter El Correo de Triana\nRecibe cada semana en tu correo lo mejor del barrio.\nIntroduce tu email\nSuscribirme",
            "Veja mais notícias da região no Jornal do Litoral.",
        ]);
        // The same words in story sentences stay.
        assert_each_kept_in_an_article(&[
            "Čtení na pokračování se vrací do rozhlasu, oznámila ředitelka.",
            "Související stavby radnice zatím nepovolila.",
            "Ми використовуємо сонячні панелі вже третій рік, каже директорка.",
            "Denne artikel er skrevet af to elever fra 9. klasse.",
            "Prices rose by a fifth in a year. / Analysts expect more of the same",
            "The vote in the council was close. / The mayor had asked for more time",
        ]);
    }

    #[test]
    fn furniture_of_finnish_hungarian_scandinavian_and_vietnamese_sites_goes() {
        assert_each_dropped_in_an_article(&[
            "Siirry sisältöön",
            "Hoppa till innehållet",
            "Lukuaika noin 6 min",
            "Jaa\nFacebook\nX\nKopioi linkki",
            "Chia sẻ\nFacebook\nZalo\nSao chép liên kết",
            "Lue myös: Tampereen raitiotie jatkuu Hervantaan",
            "Kapcsolódó: Újabb szigorítás jön a kamionforgalomban",
            "Aiheet: Tampere, liikenne, raitiotie",
            "Taggar: Umeå, skola, trafik",
            "Luetuimmat\nHelsingin metro seisoi tunnin\nJäähalli remontoidaan ensi kesänä",
            "Ezt is ajánljuk\nMegújul a debreceni Nagyerdő\nÚj buszjáratok indulnak Miskolcon",
            "Sillan purkutyöt alkoivat maanantaina. Kuva: Pekka Virtanen / Aamuposti",
            "Cet article vous est offert par La Gazette du Jura. Pour soutenir la presse locale, abonnez-vous.",
        ]);
        assert_each_dropped_above_the_story(&[
            "Käytämme evästeitä sivuston kehittämiseen.\nHyväksy kaikki\nHylkää",
            "Weboldalunk sütiket használ a jobb élmény érdekében.\nMindet elfogadom",
            "Chúng tôi sử dụng cookie để cải thiện trải nghiệm.\nĐồng ý\nTừ chối",
            "En El Diario del Sur utilizamos cookies propias y de terceros.",
            "Wir setzen auf unserer Website Cookies ein, um Inhalte zu personalisieren.",
        ]);
        assert_each_dropped_below_the_story(&[
            "Tilaa uutiskirje\nSaat parhaat jutut sähköpostiisi joka perjantai.\nSähköpostiosoite\nTilaa",
            "Iratkozz fel hírlevelünkre!\nA hét hírei minden pénteken a postafiókodban.\nE-mail-cím\nFeliratkozom",
            "Đăng ký nhận bản tin\nTin mới mỗi tối qua email.\nNhập email của bạn\nĐăng ký",
            "Boletín semanal\nRecibe cada semana en tu correo lo mejor de la comarca. Es gratis.\nTu correo electrónico\nQuiero recibirlo",
        ]);
        // The same words in story sentences stay.
        assert_each_kept_in_an_article(&[
            "Käytämme evästeitä vain harvoin, sanoi kaupungin tietohallintojohtaja.",
            "Jaa kokemuksesi kaupungin kanssa, kehottaa apulaispormestari.",
            "Kuva on otettu vuonna 1952, kertoo museonjohtaja.",
            "Ezt is ajánljuk mindenkinek, aki Debrecenbe látogat, mondta a polgármester.",
        ]);
    }

    #[test]
    fn a_ranked_list_gives_each_number_its_own_line() {
        let list = [
            "Most Read",
            "1\nCouncil agrees new bus routes for the north of the town",
            "2\nRetail rents are rising again. Is the high street ready?",
            "3\nThe bridge repair bill, explained",
        ];
        let mut blocks = vec![BODY, MORE];
        blocks.extend(list);
        assert_eq!(run(&blocks), [true, true, false, false, false, false]);
        // Its items are no running text: a bio over it is at the bottom.
        let bio = "Jane Holt is a senior reporter at the Ashby Courier, covering transport.";
        let mut blocks = vec!["By Jane Holt", BODY, MORE, bio];
        blocks.extend(list);
        assert_eq!(
            run(&blocks),
            [true, true, true, false, false, false, false, false]
        );
        // Numbered paragraphs of the story, which end as sentences, stay.
        assert_eq!(
            run(&[BODY, "1\nCheck the timetable before you travel.", MORE]),
            [true; 3]
        );
    }

    #[test]
    fn english_furniture_of_tv_stations_regional_papers_and_clubs_goes() {
        assert_each_dropped_in_an_article(&[
            "Skip Navigation",
            "Download the WXRT 4 app for breaking news alerts, live video and the latest forecast from our weather team.",
            "Sign up to The Farm Letter, our free weekly newsletter for growers, delivered every Monday.",
            "Commuters wait at the main bus station in Kisumu. PHOTO | FILE",
            "Get the top stories from the valley straight to your inbox\nSign up to our free daily newsletter\nEnter your email\nSubscribe\nWe use your sign-up to provide content in ways you’ve consented to and to improve our understanding of you. You can unsubscribe at any time. More info",
        ]);
        assert_each_dropped_below_the_story(&[
            "About Us\nContact Us\nCareers\nEEO Public File Report\nFCC Public File\nClosed Captioning\nAd Choices",
            "Follow us\nFacebook\nInstagram\nYouTube\nTikTok",
        ]);
        // The same words in story sentences stay.
        assert_each_kept_in_an_article(&[
            "The station said it would download the new app update for all staff, the manager said.",
            "Sign up to the library's reading challenge, librarians urged, before the end of June.",
            "The club's safeguarding officer said every coach had been checked.",
        ]);
    }

    #[test]
    fn page_numbers_go_under_a_next_page_link_only() {
        assert_eq!(
            run(&[BODY, "Halaman Selanjutnya", "1 2", MORE]),
            [true, false, false, true]
        );
        assert_eq!(run(&[BODY, "1 2", MORE]), [true; 3]);
    }

    #[test]
    fn section_names_alone_go_at_the_top_and_the_bottom_only() {
        for name in ["Portada", "Deportes", "Startseite", "Zprávy", "Головна"] {
            assert_eq!(run(&[name, BODY, MORE]), [false, true, true], "{name}");
            assert_eq!(run(&[BODY, MORE, name]), [true, true, false], "{name}");
            // Between two paragraphs, the word is the story's subheading.
            assert_eq!(run(&[BODY, name, MORE]), [true; 3], "{name}");
        }
    }

    #[test]
    fn furniture_of_nordic_central_european_greek_and_asian_sites_goes() {
        assert_each_dropped_in_an_article(&[
            "Annons",
            "ANNONSE",
            "Publicitate",
            "Hirdetés",
            "Реклама:",
            "Spring til indhold",
            "Hopp til hovedinnhold",
            "Перейти до основного вмісту",
            "본문 바로가기",
            "Del artiklen\nFacebook\nTwitter\nMail\nKopier link",
            "Del på Facebook\nDel på X\nKopier lenke",
            "Sdílejte článek\nFacebook\nX\nE-mail",
            "Distribuie:\nFacebook\nWhatsApp\nEmail",
            "分享到：微信 微博 QQ空间",
            "Urmărește-ne pe Google News",
            "Ακολουθήστε την Καθημερινή στο Google News",
            "Kövesse az Indexet a Facebookon!",
            "Підписуйтесь на наш Telegram-канал",
            "تابعونا على فيسبوك وتويتر وإنستغرام",
            "Tải ứng dụng VnExpress để đọc tin nhanh hơn",
            "Lyssna på artikeln\n4 min",
            "Lytt til saken\n0:00 / 3:12",
            "استمع للمقال\n4 دقائق",
            "Olvasási idő: 5 perc",
            "有料記事",
            "有料会員になると続きをお読みいただけます。\nログインする",
            "Läs också: Regionerna stoppar Google Analytics efter dom",
            "LÆS OGSÅ: Danske Hits vender tilbage med ny sæson",
            "Přečtěte si také: Dopravní podnik objednal 40 nových tramvají",
            "Citește și: Autostrada Moldovei, gata în 2027",
            "Mest läst\n1. Stormen Birgit drar in över Skåne\n2. Så mycket höjs elpriset i januari",
            "Τα πιο δημοφιλή\nΚακοκαιρία: Κλειστά σχολεία σε τρεις νομούς\nΠώς θα κινηθούν οι τιμές του ρεύματος",
            "Szüreti mulatság Tolcsván. Fotó: MTI/Vajda János",
            "Hành khách xếp hàng lên tàu tại ga Bến Thành sáng 4/12. Ảnh: Quỳnh Trần",
            "Η πρόσοψη του κτιρίου. Φωτ. ΑΠΕ-ΜΠΕ / Ορέστης Παναγιώτου",
            "市民在杭州奥体中心游泳馆游泳。（新华社记者 李华 摄）",
            "서울 시내버스 [연합뉴스 자료사진]",
            "上野公園の桜＝2026年3月、東京都台東区、田中一郎撮影",
            "المحطة ستغطي حاجيات نحو 7.5 ملايين نسمة (رويترز)",
            "Помітили помилку? Виділіть її та натисніть Ctrl+Enter",
            "Нашли ошибку? Выделите ее и нажмите Ctrl+Enter",
        ]);
        assert_each_dropped_above_the_story(&[
            "Vi använder cookies för att ge dig en bättre upplevelse. Läs mer i vår cookiepolicy.",
            "Godkänn alla cookies\nHantera inställningar",
            "Souhlasím\nNastavení",
            "Αποδοχή όλων\nΡυθμίσεις cookies",
            "Ez a weboldal sütiket használ. Az „Elfogadom” gombra kattintva hozzájárul a sütik használatához.",
        ]);
        assert_each_dropped_below_the_story(&[
            "Ämnen\nIntegritet\nKommuner\nIMY",
            "Témata: MHD, Praha, jízdné, Dopravní podnik",
            "Etichete: Mărășești, pod, Vrancea, infrastructură",
            "Теми: Київ, метро, відключення",
            "Temas Relacionados: Oaxaca, museos, gastronomía",
            "제보는 카카오톡 okjebo ‹저작권자(c) 연합뉴스, 무단 전재-재배포 금지>",
        ]);
        assert_each_kept_in_an_article(&[
            "Annonsen i tidningen väckte stor uppmärksamhet i kommunen.",
            "Vi använder mer el i dag än för tio år sedan, visar statistiken.",
            "Del på budsjettet gikk til skolene, sa ordføreren.",
        ]);
    }

    #[test]
    fn consent_buttons_sponsored_teasers_and_portuguese_prompts_go() {
        for top in [
            "Accept cookies\nReject non-essential",
            "OK, got it",
            "Agree and close",
        ] {
            let banner = "We use cookies to improve your experience on our site.";
            assert_eq!(
                run(&[banner, top, BODY, MORE]),
                [false, false, true, true],
                "{top}"
            );
        }
        let teaser = "Descubre las mejores hipotecas del mercado con nuestro comparador";
        assert_eq!(
            run(&[BODY, "Contenido patrocinado", teaser, MORE]),
            [true, false, false, true]
        );
        // Under a bare ad label, a subheading of the story stays.
        assert_eq!(
            run(&[BODY, "Anzeige", "Die Reaktionen im Rathaus", MORE]),
            [true, false, true, true]
        );
        assert_each_dropped_in_an_article(&[
            "Descarregue a nossa app e receba as notícias no seu telemóvel",
            "Siga-nos no Facebook e no Instagram",
            "Siga o Jornal no Instagram",
            "Siga-nos nas redes sociais",
            "Instale a nossa aplicação",
            "Lecture : 4 min",
            "Leitura: 3 min",
            "Continuar a ler",
            "Continua após a publicidade",
            "Publicado en: Sucesos",
        ]);
        assert_each_kept_in_an_article(&[
            "Siga o dinheiro, disse o procurador aos jornalistas na segunda-feira.",
            "Lecture publique du rapport prévue le 12 mars à la mairie.",
        ]);
    }

    #[test]
    fn spanish_german_portuguese_and_italian_furniture_goes() {
        assert_each_dropped_in_an_article(&[
            "Ouvir esta matéria",
            "Compartir\nFacebook\nX\nWhatsApp\nCorreo electrónico",
            "Weiter »",
            "Abonnez-vous pour 1 € le premier mois",
            "Assine por 1 € no primeiro mês",
            "Subscribe for just £1 a week",
            "Síguenos en Instagram y en X",
            "Gefällt mir:\nGefällt mir Wird geladen …",
            "Me gusta esto:\nMe gusta Cargando...",
            "J’aime ça :\nJ’aime chargement…",
            "Mehr aus Aachen\nTivoli-Umbau verzögert sich\nNeue Buslinie nach Vaals",
            "Abgelegt unter: Wirtschaft, Aachen, Insolvenz",
        ]);
        assert_each_dropped_above_the_story(&["Vorlesen", "Zuhören"]);
        let banner = "Este site utiliza cookies para melhorar a sua experiência.";
        assert_eq!(
            run(&[
                banner,
                "Aceitar\nRejeitar\nDefinições de cookies",
                BODY,
                MORE
            ]),
            [false, false, true, true]
        );
        // Bios confirmed by a lower-case or labelled byline.
        assert_each_bio_goes(&[
            (
                "di Marta Dallapiccola",
                "Marta Dallapiccola è giornalista professionista. Si occupa di cultura dal 2012.",
            ),
            (
                "Interview: Matthias Brunner",
                "Matthias Brunner ist Redakteur im Ressort Natur und Umwelt.",
            ),
        ]);
        assert_each_kept_in_an_article(&[
            "Weiter ging es am Nachmittag mit der Sitzung des Stadtrats.",
            "Abonnez-vous pour 1 € : c’est l’offre que la mairie juge trompeuse.",
            "Me gusta la idea, dijo el alcalde, pero hay que pagarla.",
        ]);
    }

    #[test]
    fn a_header_takes_its_list_and_not_the_story_after_it() {
        let list = "Woman, 83, wins appeal over parking fine\nPub landlord’s plea after break-in\nNew bus timetable starts on Monday";
        let subheading = "What the council is proposing";
        let bullets =
            "• Split vacant plots into two\n• Convert the bowling green\n• Raise the annual rent";
        assert_eq!(
            run(&[BODY, "Most Popular", list, subheading, bullets, MORE]),
            [true, false, false, true, true, true]
        );
        // Links one to a block, then the story's subheading and list.
        assert_eq!(
            run(&[
                BODY,
                "Most Popular",
                "Woman, 83, wins appeal over parking fine",
                "New bus timetable starts on Monday",
                subheading,
                bullets,
                MORE
            ]),
            [true, false, false, false, true, true, true]
        );
        // Footer lines that a list used to swallow go for their own sake.
        assert_each_dropped_below_the_story(&["The Allotment Letter © 2026", "Powered by Ghost"]);
        // A sponsored header takes its teaser only.
        let teaser = "How automation is cutting picking errors, brought to you by Kryotec";
        assert_eq!(
            run(&[
                BODY,
                "Sponsored content",
                teaser,
                "Regional rents",
                bullets,
                MORE
            ]),
            [true, false, false, true, true, true]
        );
        // With the advertiser's name under it, but no subheading.
        for advertiser in ["HealthyLivingDaily", "dealsfinder.com"] {
            assert_eq!(
                run(&[BODY, "Sponsored Content", teaser, advertiser, MORE]),
                [true, false, false, false, true],
                "{advertiser}"
            );
        }
        for subheading in ["Reaction", "Regional rents", "Mr. Okoye", "COVID-19"] {
            assert_eq!(
                run(&[BODY, "Sponsored Content", teaser, subheading, MORE]),
                [true, false, false, true, true],
                "{subheading}"
            );
        }
        // Over the page's headline, whose title form the headline filter
        // drops, a header of links one to a block stops.
        let headline = "Swiss village evacuated as glacier collapse threat grows";
        let titled = format!("{headline} | WorldWire");
        let page = [
            "Trending Now",
            "Etna erupts again",
            "Farmers block motorway",
            headline,
            &titled,
            BODY,
            MORE,
        ]
        .join("\n\n");
        let cleaned = crate::clean(&page, &Config::default()).text;
        assert_eq!(cleaned, format!("{headline}\n\n{BODY}\n\n{MORE}\n"));
    }

    #[test]
    fn newsletter_platform_and_portal_furniture_goes() {
        assert_each_dropped_in_an_article(&[
            "Advertisement · Scroll to continue",
            "This post is for paid subscribers",
            "Already a paid subscriber? Sign in",
            "Pictured: volunteers at the sponsored walk in October.",
            "Sigue a Portal Noticias Hoy en Facebook e Instagram",
            "Partager\nTweeter\nE-mail",
            "Like\nComment\nRestack",
        ]);
        assert_eq!(
            run(&["Subscribe Now | Sign In", BODY, MORE]),
            [false, true, true]
        );
        assert_each_kept_in_an_article(&[
            "Pictured at the scene, the mayor said nothing to reporters.",
            "Sigue a la espera de juicio desde 2024, según fuentes judiciales.",
        ]);
    }

    #[test]
    fn story_lines_worded_like_the_new_prompts_stay() {
        assert_each_kept_in_an_article(&[
            "Share prices fell by a fifth after the news, and the company said it would review its plans.",
            "Get the latest figures from the council and the picture is less rosy than the mayor suggests.",
            "The homepage of the council was down for most of Tuesday after the attack, officials said.",
            "Copyright lawyers say the ruling could change how news photos are licensed.",
            "Every contribution to the fund was recorded, the auditors found, but some were late.",
            "Temas como la vivienda y el empleo dominaron el debate.",
            "Support for the plan fell among older voters, the poll found.",
            "Il vous reste trois jours pour vous inscrire, rappelle la mairie.",
        ]);
        // Single section names stay as subheadings, beside page tools too.
        for subheading in ["Business", "Politics", "Health"] {
            assert_eq!(run(&[BODY, subheading, MORE]), [true; 3], "{subheading}");
            assert_eq!(
                run(&[BODY, "Story continues", subheading, MORE]),
                [true, false, true, true],
                "{subheading}"
            );
        }
    }

    #[test]
    fn captions_with_credits_of_more_agencies_are_dropped() {
        assert_each_dropped_in_an_article(&[
            "Senate Majority Leader John Thune speaks to reporters at the Capitol in Washington, Thursday, Dec. 4, 2026. (AP Photo/J. Scott Applewhite)",
            "Water spills over the wall of Warragamba Dam on Saturday morning. (ABC News: Jack Fisher)",
            "The family at home in Bendigo. (Supplied)",
            "L’immeuble du 112, boulevard National, à Marseille, le 2 décembre 2026. NICOLAS TUCAT / AFP",
            "Bundesgerichtshof in Karlsruhe\nFoto: Uli Deck / dpa",
        ]);
        assert_each_kept_in_an_article(&[
            "The ABC said (in a statement on Friday) that it would appeal.",
            "Residents at the meeting were angry.\nOthers stayed at home.",
        ]);
    }

    #[test]
    fn a_bio_goes_when_the_byline_is_the_name_and_the_outlet() {
        let header = "ABOUT THE AUTHOR";
        let bio = "Shawn Jeffords is a reporter covering Toronto city hall for CBC News.";
        let byline = "Shawn Jeffords · CBC News · Posted: Dec 05, 2026 4:00 AM EST";
        assert_eq!(
            run(&[byline, BODY, MORE, header, bio]),
            [true, true, true, false, false]
        );
        // A story that opens with the same person's name keeps the bio.
        let opening = "Shawn Jeffords said the council had not consulted him.";
        assert_eq!(
            run(&[opening, BODY, MORE, header, bio]),
            [true, true, true, true, true]
        );
    }

    #[test]
    fn an_agency_bio_under_the_name_in_capitals_goes() {
        let bio = "MARY CLARE JALONICK\nMary Clare Jalonick covers Congress for The Associated Press. She has been with the AP since 2007.";
        assert_eq!(
            run_bylined("By MARY CLARE JALONICK and KEVIN FREKING", bio),
            [true, true, true, false]
        );
        assert_eq!(
            run_bylined("By Tom Hale", bio),
            [true; 4],
            "without the byline it may be the story's"
        );
        // Agency bios often name the reporter by surname alone.
        let surname = "JORDAN ELLIS\nEllis covers music and pop culture for The Associated Press. He is based in New York.";
        assert_eq!(
            run_bylined("By JORDAN ELLIS", surname),
            [true, true, true, false]
        );
        assert_eq!(run_bylined("By Tom Hale", surname), [true; 4]);
        let story = "Apple covers the cost of repairs for the first year.";
        assert_eq!(run_bylined("By Tom Hale", story), [true; 4]);
    }

    #[test]
    fn send_by_buttons_of_a_share_row_are_dropped() {
        let row = "Compartir en Facebook\nCompartir en Twitter\nEnviar por WhatsApp";
        assert_eq!(run(&[BODY, row, MORE]), [true, false, true]);
        assert_each_dropped_in_an_article(&[
            "Envoyer par e-mail",
            "Invia per email",
            "Send by email",
            "Отправить по почте",
            "Share: Facebook Twitter WhatsApp",
            "Paylaş: Facebook Twitter WhatsApp",
            "Udostępnij na Facebooku",
        ]);
    }

    #[test]
    fn arabic_and_chinese_furniture_is_dropped() {
        assert_each_dropped_in_an_article(&[
            "تخطى إلى المحتوى",
            "إعلان",
            "اقرأ أيضا: الذهب يسجل ارتفاعا قياسيا",
            "شارك\nفيسبوك\nتويتر\nواتساب",
            "الوسوم: اقتصاد، بنوك",
            "跳到主要内容",
            "广告",
            "相关阅读：一季度经济数据将于下月公布",
            "分享到：\n微信\n微博",
            "版权所有 © 2025 新华日报社",
        ]);
    }

    #[test]
    fn a_header_takes_its_headline_list() {
        let blocks = [
            BODY,
            MORE,
            "Related posts",
            "New ward opens at the county hospital",
            "Ambulance response times improve",
            "© 2024 The Valley Times",
        ];
        assert_eq!(run(&blocks), [true, true, false, false, false, false]);
        // A headline that asks a question still makes a list.
        let asking = [
            BODY,
            MORE,
            "Trending",
            "The best air fryers for small kitchens\nAre robot mowers worth it?",
            "© 2024 The Valley Times",
        ];
        assert_eq!(run(&asking), [true, true, false, false, false]);
    }

    #[test]
    fn a_label_between_paragraphs_is_a_subheading() {
        for label in [
            "WhatsApp",
            "Telegram",
            "Most popular",
            "Recommended",
            "Top stories",
        ] {
            assert_eq!(run(&[BODY, label, MORE, BODY]), [true; 4], "{label}");
        }
        // Among buttons, at the page's end or over a list, it goes.
        let row = [BODY, MORE, "Facebook", "WhatsApp", "Copy link"];
        assert_eq!(run(&row), [true, true, false, false, false]);
        assert_eq!(run(&[BODY, MORE, "Telegram"]), [true, true, false]);
        let list = [
            BODY,
            "Most popular",
            "New ward opens at the county hospital\nAmbulance response times improve",
            MORE,
        ];
        assert_eq!(run(&list), [true, false, false, true]);
        // A header that says what it is goes anywhere.
        assert_each_dropped_in_an_article(&["Related posts", "You may also like"]);
        // A column of buttons goes wherever it is; labels of other kinds
        // go between paragraphs too.
        let column = [BODY, "Facebook\nWhatsApp\nEmail", MORE];
        assert_eq!(run(&column), [true, false, true]);
        assert_eq!(run(&[BODY, "Advertisement", MORE]), [true, false, true]);
    }

    #[test]
    fn newsletter_boxes_of_the_big_platforms_go() {
        assert_each_dropped_in_an_article(&[
            "Sign up to First Edition\nFree daily newsletter\nOur morning email breaks down the key stories of the day",
            "Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside parties.",
            "after newsletter promotion",
            "Get a look at the day ahead in markets with the Morning Bid newsletter. Sign up here.",
            "Subscribe to The Allotment Letter\nGet the latest posts delivered right to your inbox",
            "Type your email…\nSubscribe",
        ]);
        assert_eq!(run(&["Sign in Subscribe", BODY, MORE]), [false, true, true]);
        assert_each_kept_in_an_article(&[
            "Sign up to vote before the deadline on Friday, the council urged residents.",
            "Subscribe to the idea that growth pays for itself and the sums never add up.",
        ]);
    }

    #[test]
    fn save_and_reuse_buttons_go_beside_share_buttons() {
        assert_eq!(run(&["Share\nSave", BODY, MORE]), [false, true, true]);
        assert_eq!(
            run(&[BODY, MORE, "Share\nReuse this content"]),
            [true, true, false]
        );
        // A subheading between paragraphs stays.
        assert_eq!(run(&[BODY, "Save", MORE]), [true, true, true]);
    }

    #[test]
    fn a_link_to_more_news_closes_the_page() {
        for link in [
            "Veja mais notícias da região no g1 SP",
            "Ver más noticias de Sevilla",
        ] {
            assert_eq!(run(&[BODY, MORE, link]), [true, true, false], "{link}");
            assert_eq!(run(&[BODY, link, MORE]), [true, true, true], "{link}");
        }
    }

    #[test]
    fn skip_links_listen_prompts_and_paywall_lines_of_more_sites_go() {
        assert_each_dropped_in_an_article(&[
            "Ir al contenido principal",
            "Passer au contenu principal",
            "Salta al contenuto principale",
            "Ga direct naar de inhoud",
            "กลับขึ้นด้านบน",
            "ฟังบทความนี้",
            "Beluister dit artikel",
            "Escuchar nota",
            "¿Ya sos suscriptor? Ingresá",
            "Suscribite y accedé a todas las notas por $ 990 el primer mes.",
            "Sie haben bereits ein Abo? Hier anmelden",
            "Jetzt 4 Wochen für 1 € testen",
            "Чтобы продолжить чтение, оформите подписку",
            "Assine o Jornal do Planalto e tenha acesso ilimitado. Já é assinante? Faça login.",
            "Leé también: Las diez bodegas boutique de Mendoza",
            "Enviar por mail",
            "Partager par courriel",
        ]);
        assert_each_dropped_above_the_story(&[
            "Suscribite",
            "Abo abschließen",
            "☰ Menu\nCerca\nAbbonati\nAccedi",
        ]);
        assert_each_kept_in_an_article(&[
            "Ir al contenido principal de la web fue imposible durante horas, dijo la empresa.",
            "Die Stadt will jetzt 4 Wochen für 1 € testen, ob das Ticket angenommen wird, sagte der Bürgermeister.",
            "Suscribite no es una palabra que figure en el diccionario, recordó la académica.",
        ]);
    }

    #[test]
    fn consent_texts_of_the_ad_industry_and_their_buttons_go() {
        for banner in [
            "We value your privacy\nWe and our 842 partners store and/or access information on a device, such as cookies, and process personal data.\nI Accept\nShow Purposes\nReject All",
            "Avec votre accord, nos partenaires et nous utilisons des cookies ou technologies similaires pour stocker et accéder à des informations personnelles.\nAccepter & Fermer\nContinuer sans accepter",
            "Wij en onze partners gebruiken cookies en vergelijkbare technieken om content te personaliseren.\nAlles accepteren\nAlleen noodzakelijke cookies\nInstellingen aanpassen",
            "Wir und unsere 212 Partner speichern und verwenden Informationen auf Ihrem Gerät.\nAlle akzeptieren\nNur notwendige Cookies",
        ] {
            assert_eq!(run(&[banner, BODY, MORE]), [false, true, true], "{banner}");
        }
        // A button block beside the dropped banner goes too.
        assert_eq!(
            run(&[
                "Wir verwenden Cookies, um Ihnen ein besseres Erlebnis zu bieten.",
                "Nur notwendige Cookies",
                "Einstellungen",
                BODY,
                MORE
            ]),
            [false, false, false, true, true]
        );
        assert_each_kept_in_an_article(&[
            "We and our partners store information on a device, the company told the court, but only with consent.",
            "Nur notwendige Cookies seien erlaubt, urteilte das Gericht.",
        ]);
    }

    #[test]
    fn captions_with_agency_archive_and_capitals_credits_go() {
        assert_each_dropped_in_an_article(&[
            "Una tienda en el barrio de Russafa, en Valencia, en una imagen de archivo. EFE/Manuel Bruque",
            "A person types on a laptop keyboard in this illustration taken August 5, 2023. REUTERS/Dado Ruvic/Illustration/File Photo Purchase Licensing Rights",
            "Le chantier de la ligne 5, en mars 2024. | ARCHIVES LE COURRIER DE L’ESTUAIRE / YANN GUÉGUEN",
            "PHOTO ÉRICK LABBÉ, ARCHIVES LE QUOTIDIEN DE LA CAPITALE",
            "Une souffleuse dans le quartier Limoilou, en février dernier. (Érick Labbé/Archives Le Quotidien)",
            "Una sala slot in via Stalingrado a Bologna (foto Schicchi)",
        ]);
        assert_each_kept_in_an_article(&[
            "The deal was signed in Madrid, EFE reported, and takes effect in May.",
            "Photo ID will be needed at every polling station from next year.",
            "La mostra apre domani a Bologna con le immagini di Schicchi (1943-2019).",
        ]);
    }

    #[test]
    fn bios_in_more_languages_go_under_their_authors_byline() {
        assert_each_bio_goes(&[
            (
                "Por Lucía Ferrer",
                "Lucía Ferrer (Cádiz, 1990) es periodista de la sección de Cultura desde 2018.",
            ),
            (
                "Af Jens Holm",
                "Jens Holm er politisk reporter på Vejle Dagblad og skriver om kommunen.",
            ),
            (
                "Av Karin Lund",
                "Karin Lund är kulturjournalist på Norrlandsposten sedan 2015.",
            ),
            (
                "Автор: Олег Савченко",
                "Олег Савченко — кореспондент видання в Херсоні. Пише про відбудову.",
            ),
            (
                "Автор: Мария Зуева",
                "Мария Зуева — корреспондент отдела экономики «Северной правды».",
            ),
            (
                "Mehmet Kaya - Ankara",
                "Mehmet Kaya, 2015'ten bu yana Başkent Postası'nda spor muhabirliği yapıyor.",
            ),
        ]);
        // The same sentences about someone else stay, and a
        // double-barrelled name is no credit line with a place.
        assert_each_bio_stays(&[
            (
                "Автор: Ирина Белова",
                "Олег Савченко — кореспондент видання в Херсоні. Пише про відбудову.",
            ),
            (
                "Af Mette Dahl",
                "Jens Holm er politisk reporter på Vejle Dagblad og skriver om kommunen.",
            ),
            (
                "Mehmet Kaya-Demir",
                "Mehmet Kaya, 2015'ten bu yana Başkent Postası'nda spor muhabirliği yapıyor.",
            ),
        ]);
    }

    #[test]
    fn bios_in_finnish_hungarian_romanian_polish_and_under_a_name_go() {
        assert_each_bio_goes(&[
            (
                "Teksti: Sari Niemi",
                "Sari Niemi on Aamupostin toimittaja, joka kirjoittaa kulttuurista.",
            ),
            (
                "Szerző: Kiss Péter",
                "Kiss Péter a Dunántúli Hírek gazdasági újságírója 2018 óta.",
            ),
            (
                "Autor: Ioana Pop",
                "Ioana Pop este reporter la Gazeta de Cluj și scrie despre educație.",
            ),
            (
                "Autor: Marta Zając",
                "Marta Zając jest dziennikarką działu miejskiego „Gazety Opolskiej”.",
            ),
            (
                "Publicado em 3 de maio de 2024 por Rita Sousa",
                "Rita Sousa é jornalista e vive em Braga desde 2015.",
            ),
            (
                "di Paolo Serra",
                "Paolo Serra\nGiornalista, segue la cronaca di Sassari dal 2010.",
            ),
            (
                "Anna Nowak",
                "Anna Nowak\nDziennikarka działu sportowego. Pisze o piłce ręcznej.",
            ),
            (
                "By Ruth Keane",
                "Ruth Keane, a former court reporter, writes about local politics.",
            ),
            (
                "By Maria Delgado-Reyes",
                "Maria Delgado-Reyes covers the economy for KRVR. She joined the station in 2021. She can be reached at mdelgado@krvr.example.",
            ),
        ]);
        // Under another author's byline they stay; a name over a line
        // that is no bio stays.
        assert_each_bio_stays(&[
            (
                "di Lucia Bassi",
                "Paolo Serra\nGiornalista, segue la cronaca di Sassari dal 2010.",
            ),
            (
                "di Paolo Serra",
                "Paolo Serra\nIl sindaco ha risposto alle domande dei lettori.",
            ),
        ]);
    }

    #[test]
    fn compound_job_titles_and_dutch_names_make_a_bio() {
        let german = "Tobias Renner ist Wissenschaftsredakteur beim Tagesboten. Er schreibt vor allem über Medizin.";
        assert_eq!(
            run_bylined("Von Tobias Renner", german),
            [true, true, true, false]
        );
        let dutch =
            "Sanne de Vries is economieverslaggever bij NoordNieuws. Ze schrijft over bedrijven.";
        assert_eq!(
            run_bylined("Door Sanne de Vries", dutch),
            [true, true, true, false]
        );
        assert_eq!(
            run_bylined("Ein Interview von Tobias Renner", german),
            [true, true, true, false]
        );
        let contact = "Dana Whitcomb covers education for the Tri-County Ledger. She joined the paper in 2019. Reach her at 319-555-0142.";
        assert_eq!(
            run_bylined("By Dana Whitcomb", contact),
            [true, true, true, false]
        );
        // The same sentences about someone the story names stay.
        assert_eq!(run_bylined("Von Jana Ott", german), [true; 4]);
        assert_eq!(run_bylined("By Jana Ott", contact), [true; 4]);
        assert_eq!(run_bylined("Door Eva Smit", dutch), [true; 4]);
    }

    #[test]
    fn a_recommendation_header_goes_over_its_list_only() {
        let list = "Le Courrier de l’Estuaire vous recommande\nRezé : un nouveau pont sur la Sèvre d’ici 2027 ?\nTransports : les tarifs augmentent au 1er juillet";
        assert_eq!(run(&[BODY, MORE, list]), [true, true, false]);
        // A subheading saying what an authority recommends stays.
        assert_eq!(
            run(&[BODY, "Ce que l’Anses vous recommande", MORE]),
            [true; 3]
        );
    }

    #[test]
    fn a_subheading_under_a_list_of_links_stays() {
        for (header, subheading) in [
            ("Most read", "Reaction"),
            ("Lesen Sie auch:", "Hintergrund"),
            ("Related posts", "Background"),
            ("Most read", "What locals say"),
        ] {
            let blocks = [
                BODY,
                header,
                "Farmers warn of milk price collapse",
                "Why your broadband bill is going up",
                subheading,
                MORE,
            ];
            assert_eq!(
                run(&blocks),
                [true, false, false, false, true, true],
                "{subheading}"
            );
        }
        // Links as short as the last one are all links.
        let blocks = [
            BODY,
            "Most read",
            "Council tax rises",
            "Bus fares frozen",
            "Ferry strike ends",
            MORE,
        ];
        assert_eq!(run(&blocks), [true, false, false, false, false, true]);
    }

    #[test]
    fn the_author_in_the_story_is_no_bio() {
        let story = "Dev Patel is the Coastline’s sports editor, but on Sunday he also ran the line at Marine Park after the assistant referee failed to turn up.";
        assert_eq!(run_bylined("By Dev Patel", story), [true; 4]);
        let bio =
            "Dev Patel is the Coastline’s sports editor. He has covered the league since 2015.";
        assert_eq!(run_bylined("By Dev Patel", bio), [true, true, true, false]);
    }

    #[test]
    fn credits_prompts_and_comment_controls_of_a_third_round_go() {
        assert_each_dropped_in_an_article(&[
            "Download the Durban Daily News app for breaking news on your phone. Available on iOS and Android.",
            "Share this item on Facebook\nShare this item via WhatsApp\nCopy link",
            "A lobster boat returns to the wharf in Shediac, N.B., on Tuesday. THE CANADIAN PRESS/Ron Ward",
            "3 mins to read",
            "Choir members after their win in Wellington on Saturday. Photo / Supplied",
            "La passerelle, fermée depuis lundi par des barrières. © Claire Delorme",
            "Chorleiterin Anna Pichler mit dem Notenheft aus dem Jahr 1921 © Jürgen Fuchs",
            "Aviso legal · Política de privacidad · Política de cookies · Contacto · Publicidad",
            "Síguenos en Instagram y Facebook: @diariomagallanico",
            "ติดตามข่าวสารได้ที่ LINE @khaonuea และเพจ Facebook ข่าวเหนือวันนี้",
            "Cet article vous a été offert.",
            "Реклама. ООО «СибСтройИнвест», ИНН 2221123456, erid: 2VtzqvWgxQb",
        ]);
        assert_each_kept_in_an_article(&[
            "The photo was taken in 1921 by a travelling photographer from Graz.",
            "Реклама на экранах у вокзала стоит дешевле, чем год назад, сказал директор.",
            "Share this item of news with anyone who rides the ferry, the council said.",
        ]);
    }

    #[test]
    fn post_links_follower_counts_and_lone_dots_go_at_the_page_ends() {
        assert_each_dropped_below_the_story(&[
            "Previous",
            "Next",
            "« Previous",
            "Weiter",
            "Siguiente",
            "Previous Next",
            "Text to speech",
            "Blog",
            "1.4K Followers",
            "·",
        ]);
        assert_each_dropped_above_the_story(&["·", "•", "12K followers", "2 634 abonnés"]);
        // Anywhere, as a pair of links or beside a share row.
        assert_eq!(run(&[BODY, "Previous\nNext", MORE]), [true, false, true]);
        assert_eq!(
            run(&[BODY, MORE, "Share", "Restacks"]),
            [true, true, false, false]
        );
        // A word of the story's flow, a separator or a count between its
        // paragraphs stays, as do sentences with the same words.
        for line in ["Next", "Previous", "·", "Blog", "1.4K Followers"] {
            assert_eq!(run(&[BODY, line, MORE]), [true; 3], "{line}");
        }
        assert_each_kept_in_an_article(&[
            "Next, the council will vote on the plan.",
            "The account had 1.4K followers before it was suspended last week.",
            "Her blog was read by thousands of nurses during the strike.",
        ]);
    }

    #[test]
    fn a_post_category_line_with_its_comment_count_goes() {
        assert_each_dropped_in_an_article(&[
            "Posted in Community | 3 Comments",
            "Filed under Politics | Leave a comment",
            "Posted in News | Comments Off",
        ]);
        assert_each_kept_in_an_article(&[
            "Posted in Kabul for two years, she learned Dari from her neighbours.",
        ]);
    }

    #[test]
    fn newsletter_boxes_and_reproduction_notices_in_more_languages_go() {
        assert_each_dropped_in_an_article(&[
            "Newsletter\nJetzt kostenlos anmelden und keine Nachricht mehr verpassen.\nMit der Anmeldung akzeptieren Sie unsere Datenschutzerklärung.",
            "Inscrivez-vous gratuitement pour ne rien manquer de l'actualité locale.",
            "En vous inscrivant, vous acceptez nos conditions générales d'utilisation.",
            "Suscríbete gratis y no te pierdas las noticias de tu ciudad.",
            "Al suscribirte, aceptas nuestra política de privacidad.",
            "Iscrivendoti accetti l'informativa sulla privacy.",
        ]);
        // Reproduction notices close the page, like the English ones.
        for notice in ["Riproduzione riservata ©", "Nachdruck verboten."] {
            assert_eq!(run(&[BODY, MORE, notice]), [true, true, false], "{notice}");
        }
        assert_each_kept_in_an_article(&[
            "Wer sich jetzt anmeldet und keine Frist verpasst, bekommt den Zuschuss noch in diesem Jahr, sagte die Ministerin.",
            "La riproduzione riservata ai soli abbonati è una scelta che l'editore ha difeso in aula.",
        ]);
    }

    #[test]
    fn ukrainian_vietnamese_and_korean_furniture_goes() {
        assert_each_dropped_in_an_article(&[
            "Читайте також: У Львові відкрили новий міст",
            "Поділитися",
            "Xem thêm: Đà Nẵng khởi công tuyến đường ven biển mới",
            "Chia sẻ",
            "Quảng cáo",
            "광고",
            "공유하기",
        ]);
        let list = [
            BODY,
            MORE,
            "관련기사",
            "서울 자율주행 택시 시범 운행 시작\n심야버스 이용객 1년 새 30% 증가",
        ];
        assert_eq!(run(&list), [true, true, false, false]);
        assert_each_kept_in_an_article(&[
            "Читайте також уважно інструкцію до ліків, радить лікар.",
            "Người dân có thể xem thêm thông tin trên trang web của thành phố.",
        ]);
    }

    #[test]
    fn headers_prompts_and_share_rows_in_more_languages_go() {
        assert_each_dropped_in_an_article(&[
            "Suivez-nous sur Facebook et Instagram",
            "Simak berita dan artikel lainnya di Google News",
            "Suscríbete para seguir leyendo\nLee sin límites\nYa soy suscriptor",
            "Dostęp do treści premium tylko dla subskrybentów. Wykup subskrypcję",
            "Comparte esta receta\nFacebook\nTwitter\nPinterest",
            "この記事をシェアする\nX\nFacebook\nLINE",
            "Leia mais:\nMetrô de Curitiba: obra tem novo atraso\nPreço da gasolina cai pela terceira semana",
            "Topics\nFTSE 100\nStock markets\nMining",
        ]);
        assert_each_kept_in_an_article(&[
            "Suivez-nous, a lancé la maire aux manifestants devant la préfecture.",
            "Ya soy suscriptor desde hace diez años, dijo el lector en la carta.",
            "Topics such as housing and transport dominated the debate.",
        ]);
    }

    #[test]
    fn disclosures_recipe_prompts_and_live_page_tools_go() {
        assert_each_dropped_in_an_article(&[
            "This post may contain affiliate links. Read our disclosure policy.",
            "We may earn a commission when you buy through links on our site.",
            "As an Amazon Associate I earn from qualifying purchases.",
            "Did you make this recipe? Tag @claramendelcooks on Instagram!",
            "Pin it for later",
            "Load more updates",
            "Download our app\nGet the latest news on the go. Available on the App Store and Google Play.",
        ]);
        assert_eq!(run(&["Live", BODY, MORE]), [false, true, true]);
        assert_each_kept_in_an_article(&[
            "We may earn a commission, the chief executive told investors, if sales pick up.",
            "Did you make this recipe? Readers wrote in by the hundred after last week's column.",
            "Live music returns to the square in June after a two-year break.",
        ]);
        // `Live` below the top of the page is a subheading.
        assert_eq!(run(&[BODY, "Live", MORE]), [true; 3]);
    }

    #[test]
    fn story_sentences_opening_like_prompts_stay() {
        assert_each_kept_in_an_article(&[
            "Also on Friday, police arrested two men.",
            "By entering the building without a permit, the protesters broke the law.",
            "By signing up for the scheme, farmers receive £300 per hectare.",
            "Unsubscribe at any time is the promise on every mailing list.",
            "Available on the App Store since March, the game has been downloaded 2m times.",
            "Télécharger l'appel d'offres est possible jusqu'au 12 mai.",
            "Laden Sie die Nachbarn ein, appellierte der Bürgermeister.",
            "Themen: Rente und Migration bestimmten die Debatte.",
            "Home/away record: 14-2 and 9-7",
            "Alle Rechte vorbehalten, stand auf dem Schild am Tor.",
            "Wir verwenden Cookies seit 1950, scherzt der Bäcker.",
        ]);
        assert_each_dropped_in_an_article(&[
            "By signing up, you agree to our Terms and Privacy Policy.",
            "You can unsubscribe at any time.",
            "Téléchargez l'application",
            "Laden Sie die App herunter",
            "Tags: Politics, Economy, Budget",
            "Home / News / Politics",
        ]);
    }

    #[test]
    fn newsletter_boxes_comment_rows_and_share_rows_in_more_languages_go() {
        assert_each_dropped_in_an_article(&[
            "Abonnez-vous à notre newsletter\nRecevez chaque matin l’essentiel de l’actualité.\nVotre adresse e-mail\nJe m’abonne",
            "Subscreva a nossa newsletter\nReceba as principais notícias do dia no seu email.\nO seu email\nSubscrever",
            "แชร์: Facebook LINE X",
        ]);
    }

    #[test]
    fn wordpress_share_boxes_and_headers_of_more_languages_go() {
        assert_each_dropped_in_an_article(&[
            "Comparte esto:\nHaz clic para compartir en Facebook (Se abre en una ventana nueva)\nHaz clic para compartir en X (Se abre en una ventana nueva)",
            "Teilen mit:\nKlicke, um auf Facebook zu teilen (Wird in neuem Fenster geöffnet)",
            "Compartilhe isso:\nClique para compartilhar no WhatsApp(abre em nova janela)",
            "Κοινοποίηση:\nΚάντε κλικ για κοινοποίηση στο Facebook(Ανοίγει σε νέο παράθυρο)",
            "Bagikan ini:\nKlik untuk berbagi pada X(Membuka di jendela yang baru)",
            "Μου αρέσει αυτό:\nΜου αρέσει Φόρτωση...",
            "Beğen:\nBeğen Yükleniyor...",
            "Read more:\nPort strike ends after wage deal\nCopper hits three-month high",
            "Related:\nPort strike ends after wage deal\nCopper hits three-month high",
            "Correlati\nSagra del peperone, il programma\nLe ricette della nonna",
            "Baca juga:\nHarga beras naik lagi\nJalan desa mulai diaspal",
            "Ähnliche Beiträge\nPflanzentausch im Mai\nUnser erstes Gartenjahr",
            "Navegación de entradas\n← Las fiestas vuelven a la plaza\nEl mercado estrena horario →",
            "Kategorien: Garten, Neuigkeiten\nSchlagwörter: Leipzig, Urban Gardening",
        ]);
        // A block of facts under a label keeps its facts.
        assert_eq!(
            run(&[BODY, "Category: Best Novel\nWinner: Jane Smith", MORE]),
            [true; 3]
        );
    }

    #[test]
    fn share_rows_follow_prompts_and_page_tools_of_more_sites_go() {
        assert_each_dropped_in_an_article(&[
            "Share on X\nShare on LinkedIn\nShare on Hacker News\nCopy link",
            "Share on Facebook\nShare on X\nShare by email",
            "Teilen\nAuf Facebook teilen\nPer WhatsApp teilen\nLink kopieren",
            "แชร์ Facebook | แชร์ LINE | แชร์ X",
            "Copy Link copied",
            "Kopieer link",
            "Listen to this article · 5 min",
            "Ouvir o texto",
            "ฟังข่าว",
            "Halaman 1 dari 2",
            "Waktu baca 3 menit",
            "Stampa\nScrivi alla redazione",
            "Folgen Sie dem Nordkurier auch auf Instagram und Facebook",
            "Obserwuj nas w Google News",
            "Ege Postası'nı Google Haberler'de takip edin",
            "ติดตามข่าวเหนือวันนี้ได้ทาง LINE และ Facebook",
            "Een impressie van de nieuwe brug. Beeld: Gemeente Deventer",
            "© 2011–2024 «Вечерний курьер». Все права защищены.\n18+",
        ]);
        assert_each_kept_in_an_article(&[
            "Folgen Sie den Anweisungen der Polizei auf Instagram und Facebook, riet die Stadt.",
            "ประชาชนสามารถติดตามข่าวสารได้ทางเว็บไซต์ของกรม",
            "Het beeld: een stad in verval, zegt de burgemeester.",
            "Stampa e televisione hanno seguito il processo per mesi.",
            "Copy the link below into your browser, the council told residents.",
        ]);
    }

    #[test]
    fn offer_boxes_and_newsletter_boxes_of_more_languages_go() {
        assert_each_dropped_in_an_article(&[
            "Newsletter « La Lettre du numérique »\nChaque semaine, le meilleur de l’actualité tech.\nS’inscrire",
            "Εγγραφείτε στο newsletter μας\nΤα σημαντικότερα νέα της ημέρας στο email σας\nΤο email σας\nΕγγραφή",
            "Подпишитесь на нашу рассылку\nГлавные новости — каждое утро в вашей почте\nВаш e-mail\nПодписаться\nНажимая кнопку, вы соглашаетесь с политикой конфиденциальности",
            "สมัครรับจดหมายข่าว\nรับข่าวล่าสุดทุกเช้าวันจันทร์\nกรอกอีเมลของคุณ\nสมัครเลย",
            "Receba no seu email as principais notícias do dia\nCadastre seu email\nCadastrar\nAo se cadastrar, você concorda com os Termos de Uso.",
            "Weiterlesen mit KUR+\nJetzt 4 Wochen für 1 € testen\nSie sind bereits Abonnent? Hier anmelden",
            "Assine para continuar lendo\nAssinantes têm acesso ilimitado a todo o conteúdo\nAssine por R$ 1,90 no primeiro mês\nJá é assinante? Faça login",
            "The Harbour Brief newsletter brings the day’s shipping news to your inbox every weekday. Sign up here.",
            "Get the Fenbury Post newsletter\nOur free daily newsletter brings you the top local stories every morning.\nSign up",
            "Second Shot is a reader-supported publication. To receive new posts and support my work, consider becoming a free or paid subscriber.",
        ]);
        // Cookie banners, which stand at the top or the bottom of a page.
        assert_each_dropped_above_the_story(&[
            "O Diário da Ilha utiliza cookies para garantir a melhor experiência. Ao continuar a navegar, aceita a sua utilização.",
            "Sitemizde çerezler (cookie) kullanılmaktadır. Detaylı bilgi için Çerez Politikamızı inceleyebilirsiniz.\nKabul Et\nAyarlar",
            "Nous respectons votre vie privée\nNos partenaires et nous utilisons des cookies pour mesurer l’audience.\nTout accepter\nTout refuser\nParamétrer",
        ]);
        assert_each_kept_in_an_article(&[
            "A Meta utiliza cookies para seguir os utilizadores, disse a comissária.",
            "Assinantes têm acesso ilimitado, prometeu a empresa em 2019, mas o serviço mudou.",
            "The newsletter brought 400 new readers in a month, the editor said.",
            "Get the newsletter out by Friday, the editor told the interns.",
        ]);
    }

    #[test]
    fn a_closing_credit_under_an_empty_header_stays() {
        for credit in [
            "— Reporting by Gemma Lyle; editing by Tom Hale",
            "Reporting by Gemma Lyle; editing by Tom Hale",
            "— Con información de Reuters",
        ] {
            let blocks = [
                BODY,
                MORE,
                "Most read",
                credit,
                "The road will reopen on Monday.",
            ];
            assert_eq!(run(&blocks), [true, true, false, true, true], "{credit}");
        }
    }

    #[test]
    fn a_numbered_item_under_a_header_is_a_list_even_before_prose() {
        let blocks = [BODY, "Most read", "1. Man charged after crash on A82", MORE];
        assert_eq!(run(&blocks), [true, false, false, true]);
    }

    #[test]
    fn a_subheading_after_a_link_list_in_the_body_stays() {
        let blocks = [BODY, "You may also like", "What happens next", MORE];
        assert_eq!(run(&blocks), [true, false, true, true]);
        let list = [
            BODY,
            "You may also like",
            "New ward opens at the county hospital",
            "Ambulance response times improve",
            MORE,
        ];
        assert_eq!(run(&list), [true, false, false, false, true]);
        // The list in one block of several lines goes even before prose.
        let one_block = [
            BODY,
            "Most popular",
            "New ward opens at the county hospital\nAmbulance response times improve",
            MORE,
        ];
        assert_eq!(run(&one_block), [true, false, false, true]);
    }

    #[test]
    fn captions_and_credits_are_dropped() {
        let blocks = [
            BODY,
            "Surgeons at work in the new theatre at Ashgrove. Photo: Kate Lyle / Valley Times",
            MORE,
            "Photograph: Getty Images",
        ];
        assert_eq!(run(&blocks), [true, false, true, false]);
        assert_each_dropped_in_an_article(&[
            "Rathaus der Stadt am Dienstagabend. Foto: dpa / Max Mustermann",
            "ภาพ: รอยเตอร์",
            "A view of the port in Odesa, Ukraine, May 3, 2023. REUTERS/Nina Lyashonok/File Photo",
            "A view of the port in Odesa, Ukraine. REUTERS/Stringer",
            "Feuerwehrleute im Einsatz. Foto: dpa",
            "Les pompiers sur place. Photo AFP",
            "I vigili del fuoco al lavoro (foto Ansa)",
        ]);
    }

    #[test]
    fn an_agency_name_over_a_paragraph_about_it_is_a_subheading() {
        let about_getty = "Getty sued Stability AI in London, arguing that its photos were copied.";
        let about_rivals = "Its rivals chose instead to license their archives to OpenAI.";
        assert_eq!(
            run(&[
                BODY,
                "Getty Images",
                about_getty,
                "Shutterstock",
                about_rivals
            ]),
            [true, true, true, false, true],
            "only the name over a paragraph about it stays"
        );
        // Under a photo's caption, over the story: a credit.
        assert_eq!(run(&[BODY, "Getty Images", MORE]), [true, false, true]);
    }

    #[test]
    fn a_written_by_line_goes_with_the_bio_under_it() {
        let bio = "Lena Hoffmann is a data engineer and writer based in Hamburg.";
        assert_eq!(
            run(&[
                "By Lena Hoffmann",
                BODY,
                MORE,
                "Written by Lena Hoffmann",
                bio
            ]),
            [true, true, true, false, false]
        );
        // Alone, it is the story's credit.
        assert_eq!(
            run(&[BODY, MORE, "Written by Lena Hoffmann"]),
            [true, true, true]
        );
        // A newsletter prints the name over the date, and the bio box
        // holds the name, the bio and a button.
        let bio_box =
            "Written by\nLena Hoffmann\nData engineer and writer based in Hamburg.\nSubscribe";
        assert_eq!(
            run(&["Lena Hoffmann\nMar 21, 2024", BODY, MORE, bio_box]),
            [true, true, true, false]
        );
        // Under another author's name, it stays.
        assert_eq!(
            run(&["Jonas Weber\nMar 21, 2024", BODY, MORE, bio_box]),
            [true; 4]
        );
    }

    #[test]
    fn sentences_naming_a_photo_or_an_agency_stay() {
        assert_each_kept_in_an_article(&[
            "The poll was conducted by Reuters/Ipsos in March.",
            "The survey, by REUTERS/IPSOS, found support had fallen.",
            "The photo by AP showed the crowd outside the court.",
            "He took the photo: dpa later bought it for its archive.",
            "The photo AP took in 1972 became famous around the world.",
            "He bought the photo from AFP for a modest sum, he said.",
            "The agency sent its photo (AP later withdrew it) to every paper.",
        ]);
    }

    #[test]
    fn author_bios_need_the_byline() {
        let bio = "Ruth Kane is a health correspondent who has covered the NHS since 2015.";
        assert_eq!(run_bylined("By Ruth Kane", bio), [true, true, true, false]);
        assert_eq!(run_bylined("By Tom Hale", bio), [true, true, true, true]);
        // Bylines in capitals, and a blog's date line with its author.
        for byline in [
            "By RUTH KANE Associated Press",
            "Posted on March 2, 2026 by Ruth Kane",
        ] {
            assert_eq!(
                run(&[byline, BODY, MORE, "About the author", bio]),
                [true, true, true, false, false],
                "{byline}"
            );
        }
        for byline in [
            "Interview by Ruth Kane",
            "Text: Ruth Kane",
            "Story by Ruth Kane",
        ] {
            assert_eq!(
                run(&[byline, BODY, MORE, bio]),
                [true, true, true, false],
                "{byline}"
            );
        }
        let dated = "Posted on March 2, 2026 in Health";
        assert_eq!(run(&[dated, BODY, MORE, bio]), [true; 4]);
    }

    #[test]
    fn a_bio_over_a_link_to_its_authors_posts_needs_no_byline() {
        let bio = "Adaeze Okafor is a food writer based in Lagos. She writes about markets.";
        let more = "What a Lagos market taught me about pricing";
        assert_eq!(
            run(&[BODY, MORE, bio, "More from Adaeze Okafor", more]),
            [true, true, false, false, false]
        );
        // A link to someone else's posts confirms nothing.
        assert_eq!(
            run(&[BODY, MORE, bio, "More from Tunde Bello", more]),
            [true, true, true, false, false]
        );
    }

    #[test]
    fn greek_furniture_is_dropped() {
        assert_each_dropped_in_an_article(&[
            "Διαφήμιση",
            "ΔΙΑΦΗΜΙΣΗ",
            "Διαβάστε επίσης: Πώς θα κινούνται τα λεωφορεία το καλοκαίρι",
            "Κοινοποίηση\nFacebook\nX",
            "Ετικέτες: συγκοινωνίες, Πάτρα",
            "Φωτογραφία: Eurokinissi",
            "Εγγραφείτε στο newsletter μας",
        ]);
        let related = [
            BODY,
            MORE,
            "Σχετικά άρθρα",
            "Κλειστοί δρόμοι στο κέντρο το Σάββατο",
            "Νέοι ποδηλατόδρομοι στην παραλία",
        ];
        assert_eq!(run(&related), [true, true, false, false, false]);
        assert_each_kept_in_an_article(&[
            "Η διαφήμιση του έργου κόστισε 40.000 ευρώ, σύμφωνα με τον δήμο.",
            "Διαβάστε επίσης τους όρους του διαγωνισμού πριν υποβάλετε αίτηση.",
            "Κοινοποίηση των στοιχείων στην εφορία είναι πλέον υποχρεωτική.",
            "Ετικέτες με τις τιμές πρέπει να υπάρχουν σε κάθε προϊόν του καταστήματος.",
        ]);
    }

    #[test]
    fn a_form_holds_together_anywhere() {
        assert_each_dropped_in_an_article(&[
            "Wir verwenden Cookies, um Ihnen ein optimales Nutzererlebnis zu bieten.\nAlle akzeptieren\nEinstellungen",
            "We value your privacy\nWe and our partners use cookies to store and access information on your device.\nI Accept\nShow Purposes",
            "Este site utiliza cookies.\nAceitar",
            "Este sitio web utiliza cookies.\nAceptar",
            "Questo sito utilizza cookie.\nAccetta",
            "Ta strona używa plików cookies.\nAkceptuję",
            "Мы используем файлы cookie.\nПринять",
            "Deze website maakt gebruik van cookies.\nAccepteren",
            "Bu site çerez kullanmaktadır.\nKabul et",
            "Χρησιμοποιούμε cookies για να βελτιώσουμε την εμπειρία σας.\nΑποδοχή",
            "Jetzt für unseren Newsletter anmelden",
        ]);
        // A banner alone in the body may be a sentence of the story.
        assert_eq!(
            run(&[
                BODY,
                "Wir verwenden Cookies, um Ihnen ein optimales Nutzererlebnis zu bieten.",
                MORE
            ]),
            [true; 3]
        );
        // A speaker's words are no banner, and a button does not make them one.
        assert_eq!(
            run(&[
                BODY,
                "We use cookies to follow readers, the regulator said.\nAccept",
                MORE
            ]),
            [true; 3]
        );
    }

    #[test]
    fn a_form_under_a_heading_is_dropped_but_a_heading_alone_takes_nothing() {
        assert_each_dropped_in_an_article(&[
            "Get the Friday harbour round-up\nSign up to our newsletter for the week's best local stories.\nEnter your email\nSign up",
            "Newsletter sign-up\nThe best of our reporting, every weekday morning.\nEmail address\nSign me up",
            "Don’t miss a story\nGet our morning briefing in your inbox.\nSubscribe",
            "Newsletter\nDie wichtigsten Nachrichten von der Küste jeden Morgen per E-Mail.\nIhre E-Mail-Adresse\nJetzt kostenlos anmelden",
        ]);
        assert_each_kept_in_an_article(&[
            "Newsletter\nOur newsletter has doubled its readership since the campaign began.",
            "Newsletter\nThe paper’s newsletter reaches 40,000 readers.\nIt began in 2019.",
            "How to take part\nEnter your email to book a place on the tour.\nRegister",
            "Our newsletter\nIt began as a single sheet.\nIt now has 40,000 readers.\nSign up",
        ]);
    }

    #[test]
    fn navigation_paywall_tags_and_links_in_more_languages_are_dropped() {
        assert_each_dropped_in_an_article(&[
            "Pular para o conteúdo",
            "Naar hoofdinhoud",
            "This article is for subscribers only. Subscribe now to continue reading.",
            "Posted in Transport | Tagged buses, council",
            "Fot. PAP",
            "Auch interessant: Neue Radwege in der Innenstadt",
            "อ่านข่าวที่เกี่ยวข้อง",
        ]);
        for furniture in ["Sign in | Register", "Open menu"] {
            assert_eq!(
                run(&[furniture, BODY, MORE]),
                [false, true, true],
                "{furniture}"
            );
        }
        let list = [
            BODY,
            MORE,
            "Zobacz także",
            "Nowe ścieżki rowerowe w centrum",
            "Drożeją bilety komunikacji miejskiej",
        ];
        assert_eq!(run(&list), [true, true, false, false, false]);
        assert_each_kept_in_an_article(&[
            "Posted in Transport for London’s review, the notice was taken down within a day.",
            "Open menus at the new restaurant change every week.",
            "Subscribers only pay for the print edition in the first year.",
            "Auch interessant ist, dass die Brücke weniger kostet als geplant.",
            "Zobacz także, jak zmieniły się ceny biletów w ciągu roku.",
            "He sold the photos to PAP after the summit.",
        ]);
    }

    #[test]
    fn story_lines_shaped_like_prompts_and_credits_stay_and_the_prompts_go() {
        assert_each_kept_in_an_article(&[
            "Phishing messages now look exactly like real bank alerts and arrive straight to your inbox.",
            "Scam texts are delivered to your inbox and your phone alike.",
            "The Calder Morning newsletter",
            "Next: Harwick v Southfold, Saturday 3pm",
            "A picture by Banksy goes under the hammer",
            "The photo by Dorothea Lange that defined the Depression",
            "The big picture: Why the government wants 600,000 a year",
            "Up next: Harwick v Southfold, Saturday 22 March, 3pm",
            "Download the airline’s app before you leave and check in online.",
            "Más información: en el teléfono 924 00 94 80 y en las taquillas del Teatro Romano",
            "En savoir plus : la mairie ouvre un numéro vert au 0800 123 456",
            "Saturday: Fun run in Hartley Park – sponsored by Hartley Motors – starts at 9am",
            "Recommended: at least 150 minutes of moderate activity a week, such as brisk walking",
        ]);
        assert_each_dropped_in_an_article(&[
            "The best stories of the week, delivered straight to your inbox.",
            "Delivered to your inbox every Friday.",
            "« Previous page | Next page »",
            "Previous article · Next article",
            "Get unlimited access for £1 a week\nCancel anytime\nSubscribe now",
            "Get unlimited digital access for £1 a week. Cancel anytime.",
            "Up next: The town that banned cars",
            "İlginizi Çekebilir",
            "Photo by John Smith on Unsplash",
            "Picture by Jane Doe/Reuters",
            "The square at dawn. Picture: Jane Doe",
            "Read next: The town that banned cars",
            "Más información: Las obras del puerto, en imágenes",
            "Download the Travel Desk app",
            "Get our free app.",
            "Recommended: How the bypass was won",
        ]);
        // A newsletter's name goes with its sign-up box.
        let boxed = [
            BODY,
            MORE,
            "The Morning newsletter",
            "Sign up for our newsletter",
        ];
        assert_eq!(run(&boxed), [true, true, false, false]);
    }

    #[test]
    fn a_bio_under_its_header_goes_with_it_when_it_names_the_byline() {
        let bio = "About the author\nRuth Kane covers health for the Courier. She joined in 2015.";
        assert_eq!(run_bylined("By Ruth Kane", bio), [true, true, true, false]);
        // A book review's note on the book's author is the article's.
        let review = "About the author\nTom Hale grew up in Whitby and worked on trawlers.";
        assert_eq!(run_bylined("By Ruth Kane", review), [true; 4]);
        let line = "About the author’s new book, the critics were divided.";
        assert_eq!(run_bylined("By Ruth Kane", line), [true; 4]);
    }

    #[test]
    fn a_bio_under_about_its_name_or_written_by_goes_when_it_names_the_byline() {
        let about = "About Margaret Ellery\nMargaret Ellery has edited the Village Voice since 2011. She sings alto in the church choir.";
        assert_eq!(
            run_bylined("By Margaret Ellery", about),
            [true, true, true, false]
        );
        let written = "Written by\nRuth Kane\nFormer Courier reporter covering the county since 2009.\nSubscribe";
        assert_eq!(
            run_bylined("By Ruth Kane", written),
            [true, true, true, false]
        );
        // Someone else's life, under a subheading naming them, is the story's.
        let profile =
            "About Tom Hale\nTom Hale grew up in Whitby and worked on trawlers for thirty years.";
        assert_eq!(run_bylined("By Ruth Kane", profile), [true; 4]);
        assert_each_kept_in_an_article(&[
            "Written by a retired teacher, the most-read post on this site last year was a guide to speaking at meetings.",
            "About Margaret Ellery, the committee said nothing more on Tuesday.",
        ]);
    }

    #[test]
    fn a_blogs_related_posts_filed_under_categories_go_with_their_header() {
        let first =
            "Choir seeks new tenors ahead of spring concert\n12 March 2023\nIn \"Community\"";
        let second = "Village hall roof appeal passes halfway mark\n4 June 2023\nIn \"News\"";
        let third = "Flower show moves to the green\nIn “Events”";
        assert_eq!(
            run(&[BODY, MORE, "Related", first, second, third]),
            [true, true, false, false, false, false]
        );
        // The list ends at the first block of another shape: the story's
        // own list of several lines stays.
        let list = "Bring a torch\nWear boots";
        assert_eq!(
            run(&[BODY, "Related", first, list, MORE]),
            [true, false, false, true, true]
        );
        // A category line alone is no list under a header of its own.
        assert!(!is_filed_in("In News"));
        assert!(!is_filed_in(
            "In \"a quotation that runs on far too long to be any category\""
        ));
        assert!(is_filed_in("In «Sport»"));
    }

    #[test]
    fn breaking_news_alert_boxes_are_dropped() {
        assert_each_dropped_in_an_article(&[
            "Get breaking National news\nFor news impacting Canada and around the world, sign up for breaking news alerts delivered directly to you when they happen.",
            "Get breaking news alerts",
        ]);
        assert_each_kept_in_an_article(&[
            "Get breaking news right before anyone else, the editor told new reporters.",
        ]);
    }

    #[test]
    fn substack_share_dialogs_are_dropped() {
        assert_each_dropped_in_an_article(&[
            "Share this post\nThe Latency Ledger\nWhy our Postgres failover took eleven minutes\nCopy link\nFacebook\nEmail\nNotes\nMore",
        ]);
        assert_each_kept_in_an_article(&[
            "Share this post with a friend who still thinks the council meets in secret, she wrote.",
        ]);
    }

    #[test]
    fn a_kept_category_stays() {
        let config = Config {
            keep_categories: vec!["advertisement".to_string()],
            ..Config::default()
        };
        assert_eq!(run_with(&[BODY, "Advertisement", MORE], &config), [true; 3]);
    }

    #[test]
    fn bylines_datelines_and_credits_stay() {
        let blocks = [
            "By Ruth Kane, Health Correspondent",
            "LONDON (Reuters) -",
            "Moscow:",
            BODY,
            "Correction: An earlier version of this article gave the wrong date for the vote.",
            "— Reporting by Ruth Kane; editing by Tom Hale",
            "Q: Will it work?",
            "A: Yes.",
            MORE,
        ];
        assert_eq!(run(&blocks), [true; 9]);
    }

    #[test]
    fn a_club_footer_of_follow_links_partners_and_policies_goes() {
        assert_each_dropped_below_the_story(&[
            "Follow Rovers\nFacebook\nX\nInstagram\nYouTube\nTikTok",
            "Our Partners\nCastlefield Motors\nMoorside Brewery\nPennine Print & Sign",
            "Official Sponsors\nNorthgate Building Society\nValley Dairies",
            "Privacy Policy | Terms of Use | Accessibility | Safeguarding | Contact the Club",
            "About us · Careers · Our history · Advertise",
        ]);
        // Inside the story, a follow line is its text; a sentence about
        // partners or a policy stays anywhere.
        assert_eq!(run(&[BODY, "Follow Rovers", MORE]), [true; 3]);
        assert_each_kept_in_an_article(&[
            "Follow the money, the auditor told the committee.",
            "Our partners in the county council agreed to fund the scheme.",
            "Privacy policy changes | what they mean for you",
        ]);
    }

    #[test]
    fn a_blog_s_cards_under_read_next_go_with_their_dates_and_reading_times() {
        let cards = [
            BODY,
            MORE,
            "Read next",
            "The case for boring software\nWhy the tools I rely on most are the ones nobody talks about.\nJan 14, 2024 — 5 min read",
            "A small web reading list\nTwenty sites that still feel like someone made them by hand.\nDec 2, 2023 — 4 min read",
            "Notes from a year offline\n3 min read",
        ];
        assert_eq!(run(&cards), [true, true, false, false, false, false]);
        assert!(is_card_meta("Dec 2, 2023 — 4 min read"));
        assert!(is_card_meta("12 minutos de lectura"));
        assert!(is_card_meta("3 Min. Lesezeit · 4. März 2024"));
        assert!(!is_card_meta("Dec 2, 2023"));
        assert!(!is_card_meta("The report takes 4 min read aloud"));
    }

    #[test]
    fn a_row_of_section_names_goes_above_the_story_beside_known_links() {
        assert_each_dropped_above_the_story(&[
            "Nyheter Sport Kultur Nöje Ekonomi Debatt Familj\nPrenumerera\nLogga in",
            "Hacete socio",
            "Become a member",
            "Werde Mitglied",
            "Kirjaudu sisään",
        ]);
        // A headline in title case beside one link is no menu.
        assert_eq!(
            run(&[
                "Council Backs New Harbour Plan Despite Protests\nSubscribe",
                BODY,
                MORE
            ]),
            [true; 3]
        );
    }

    #[test]
    fn a_column_of_links_over_a_membership_prompt_goes_above_the_headline() {
        let page = [
            "Inicio\nEl Club\nInstitucional\nFútbol\nBásquet\nHockey\nSocios\nContacto",
            "Hacete socio",
            "La Primera femenina de Unión ascendió a la Primera A",
            BODY,
            MORE,
        ];
        assert_eq!(run(&page), [false, false, true, true, true]);
    }

    #[test]
    fn a_romanian_newsletter_box_and_related_list_and_a_german_app_line_go() {
        assert_each_dropped_below_the_story(&[
            "Abonează-te la newsletter\nPrimește în fiecare dimineață cele mai importante știri din Timiș.\nAdresa ta de e-mail\nAbonează-mă",
            "Die RLW-App: Nachrichten aus Ihrer Region – jetzt kostenlos im App Store und bei Google Play",
        ]);
        let related = [
            BODY,
            MORE,
            "Articole similare\nPiața Badea Cârțan intră în renovare din toamnă\nLinia de tramvai spre Calea Șagului, gata în 2025",
        ];
        assert_eq!(run(&related), [true, true, false]);
        assert_each_kept_in_an_article(&[
            "Die Stadt-App soll im Frühjahr kommen, sagte der Bürgermeister.",
        ]);
    }

    #[test]
    fn a_tv_station_menu_with_a_numbered_segment_goes_above_the_story() {
        assert_each_dropped_above_the_story(&[
            "KMVX 6 News\nWatch Live\nLocal News\nWeather\nTraffic\nSports\n6 On Your Side\nSearch\nSign In",
        ]);
    }

    #[test]
    fn captions_with_a_credit_in_brackets_or_supplied_go() {
        assert_each_dropped_in_an_article(&[
            "Smoke rises from the Briarwood Apartments early Monday. (Source: Viewer submitted / Dana Reyes)",
            "Firefighters put out hot spots on Monday morning. (KMGZ 5 / Ross Keller)",
            "The ferry has been out of service for much of the winter. (Marie-Claude Doucet/CPB)",
            "Barrigan Crossing under water on Tuesday afternoon. Picture supplied",
            "Chiara Bonomelli nel suo ufficio a Seriate (foto Fabio Gritti/Cronache Orobiche)",
        ]);
        assert_each_kept_in_an_article(&[
            "The motion was carried by twelve votes to three (Labour/Co-op).",
            "Speeds on the bridge will be cut to 30 km/h (about 19 mph).",
            "Residents supplied the photos, the council said.",
        ]);
    }

    #[test]
    fn titled_newsletter_and_app_boxes_go_with_their_titles() {
        assert_each_dropped_below_the_story(&[
            "Start your day with the stories that matter in the Maritimes.\nSign up for The Maritimes Daily newsletter, delivered every weekday morning.\nEmail address:\nSubscribe",
            "Get the Cold Chain Review daily briefing\nThe top stories in cold-chain logistics, free every weekday morning.\nEnter your work email\nSign up",
            "Stay up to date\nSign up to the Eastmoor Newsletter for the latest research, events and news from the University.\nSign up",
            "Iscriviti alla newsletter di Cronache Orobiche\nOgni mattina alle 7 le notizie di Bergamo nella tua casella di posta.\nInserisci la tua email\nIscriviti\nAcconsento al trattamento dei dati personali ai sensi dell’informativa privacy.",
            "Never miss a ball\nDownload the official Northmoor CCC app for live scores, highlights and interviews.\nDownload on the App Store\nGet it on Google Play",
            "📲 Descarga la app de Horizonte Bajío y recibe las noticias de León en tu celular.",
            "Scarica l’app di Cronache Orobiche: tutte le notizie della tua provincia.",
        ]);
        assert_each_kept_in_an_article(&[
            "Residents can sign up for the council's newsletter, which lists road closures.",
        ]);
    }

    #[test]
    fn a_menu_may_hold_a_tagline_or_the_weather_beside_known_links() {
        assert_each_dropped_above_the_story(&[
            "KMGZ 5 News\nWatch Live\nNews\nFirst Alert Weather\nTraffic\nSports\nSearch\n68°\nHarlan Springs, MO",
            "The Build Log\nNotes on running small websites without losing your mind\nHome\nAbout\nArchive\nSearch",
            "Cold Chain Review\nSign in | Register\nSubscribe to the magazine\nNews\nAnalysis\nEvents\nSearch",
        ]);
        // Without links a rule knows, a short line over names is a kicker
        // over a list of the story.
        assert_eq!(
            run(&[
                "Who is standing\nAnna Berg\nTom Reyes\nLi Wen\nOmar Said",
                BODY,
                MORE
            ]),
            [true; 3]
        );
    }

    #[test]
    fn more_headers_and_labels_over_lists_and_teasers_go() {
        let lists = [
            "Just In\nTarrawong Tigers hold on for grand final win\nHospital car park fees scrapped after petition",
            "Polecamy\nKorki na Zagnańskiej. Kiedy koniec remontu?\nKielce. Nowy rozkład jazdy autobusów",
        ];
        for list in lists {
            assert_eq!(run(&[BODY, MORE, list]), [true, true, false], "{list}");
        }
        assert_eq!(
            run(&[
                BODY,
                MORE,
                "Entgeltliche Einschaltung",
                "Herbst in der Wachau: Weinwander-Pakete für zwei Personen ab 189 Euro"
            ]),
            [true, true, false, false]
        );
        assert_each_dropped_above_the_story(&[
            "Aviso: Utilizamos cookies propias y de terceros para mejorar tu experiencia de navegación.",
        ]);
        assert_each_dropped_in_an_article(&[
            "You have read 1 of your 3 free articles this month.\nRegister now for free, unlimited access to Cold Chain Review news and analysis.\nAlready registered? Sign in",
        ]);
    }
}
