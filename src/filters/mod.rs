//! Document-level decisions over blocks: the repeated headline, comment
//! sections, page boilerplate and repeated paragraphs. Each filter marks
//! blocks to drop and records why; none rewrites text. The filters run in
//! the order comment sections, boilerplate, headline, a menu right over
//! the headline (boilerplate told once the headline's title forms are
//! gone), repeated paragraphs;
//! each sees only the blocks the earlier ones kept, so a block is dropped
//! for one reason only and a repeat is never dropped when its first copy
//! is already gone.

mod automaton;
pub mod boilerplate;
pub mod comments;
pub mod dedup;
mod factor;
pub mod headline;
mod menu;
mod parts;
mod prefilter;
pub mod rules;
pub mod shape;

use crate::report::Change;
use crate::Config;
use rules::RuleSet;
use shape::BlockView;
use std::borrow::Cow;

/// Which blocks are still kept, and why the others were dropped.
#[derive(Debug)]
pub struct Decisions {
    keep: Vec<bool>,
    /// Most reasons are fixed ids, kept without a copy.
    reasons: Vec<Option<Cow<'static, str>>>,
}

impl Decisions {
    pub fn new(count: usize) -> Decisions {
        Decisions {
            keep: vec![true; count],
            reasons: vec![None; count],
        }
    }

    pub fn len(&self) -> usize {
        self.keep.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keep.is_empty()
    }

    pub fn kept(&self, index: usize) -> bool {
        self.keep.get(index).copied().unwrap_or(false)
    }

    /// Drops block `index` for `reason`; a block already dropped keeps its
    /// first reason.
    pub fn drop_block(&mut self, index: usize, reason: impl Into<Cow<'static, str>>) {
        if self.kept(index) {
            self.keep[index] = false;
            self.reasons[index] = Some(reason.into());
        }
    }

    /// The reason block `index` was dropped, if it was.
    pub fn reason(&self, index: usize) -> Option<&str> {
        self.reasons.get(index).and_then(|reason| reason.as_deref())
    }
}

/// Decides which blocks to keep; `true` means keep.
pub fn apply(
    blocks: &[&str],
    rules: &RuleSet,
    config: &Config,
    changes: &mut Vec<Change>,
) -> Vec<bool> {
    let mut decisions = Decisions::new(blocks.len());
    if blocks.is_empty() {
        return decisions.keep;
    }
    let views: Vec<BlockView> = blocks.iter().map(|block| BlockView::new(block)).collect();
    // Both filters judge the page as a second cleaning will see it, without
    // the repeats the paragraph filter drops.
    let repeats =
        dedup::SharedRepeats::new(config.dedup_paragraphs.then_some(config.dedup_min_chars));
    if config.drops_category(comments::CATEGORY) {
        comments::mark(&views, rules, &repeats, &mut decisions);
    }
    if config.boilerplate {
        boilerplate::mark(blocks, &views, rules, config, &repeats, &mut decisions);
    }
    // After the boilerplate: the headline search skips the menus and
    // breadcrumbs above the headline once they are gone.
    if config.dedup_headline {
        headline::mark(blocks, &views, &repeats, &mut decisions);
    }
    // After the headline: a column of links alone goes when the headline
    // is right under it, once the headline's title forms are gone.
    if config.boilerplate {
        boilerplate::mark_menu_over_headline(&views, config, &mut decisions);
    }
    if config.dedup_paragraphs {
        dedup::mark_with(&views, config.dedup_min_chars, &repeats, &mut decisions);
    }
    let Decisions { keep, reasons } = decisions;
    changes.reserve(reasons.iter().flatten().count());
    for (index, (block, reason)) in blocks.iter().zip(reasons).enumerate() {
        if let Some(reason) = reason {
            changes.push(Change::drop_block(reason, index, block));
        }
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run<'a>(blocks: &[&'a str], config: &Config) -> (Vec<&'a str>, Vec<Change>) {
        let mut changes = Vec::new();
        let keep = apply(blocks, &RuleSet::builtin(), config, &mut changes);
        let kept = blocks
            .iter()
            .zip(keep)
            .filter(|(_, keep)| *keep)
            .map(|(block, _)| *block)
            .collect();
        (kept, changes)
    }

    const ARTICLE: &[&str] = &[
        "Ferry timetable cut as crew shortage bites",
        "Ferry timetable cut as crew shortage bites | The Island Gazette",
        "Share this:",
        "The island ferry will run four sailings a day instead of six from Monday, the operator said, blaming a shortage of qualified deck crew.",
        "Passengers with bookings on cancelled sailings will be moved to the nearest remaining departure or offered a refund.",
        "The island ferry will run four sailings a day instead of six from Monday, the operator said, blaming a shortage of qualified deck crew.",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
    ];

    #[test]
    fn each_filter_drops_its_own_blocks_with_its_reason() {
        let (kept, changes) = run(ARTICLE, &Config::default());
        assert_eq!(kept, vec![ARTICLE[0], ARTICLE[3], ARTICLE[4]]);
        let reasons: Vec<(&str, usize)> = changes
            .iter()
            .map(|change| (change.reason.as_ref(), change.position))
            .collect();
        assert_eq!(
            reasons,
            vec![
                ("dedup.headline", 1),
                ("boilerplate.share", 2),
                ("dedup.paragraph", 5),
                ("boilerplate.comment-section", 6),
                ("boilerplate.comment-section", 7),
            ]
        );
    }

    #[test]
    fn switches_turn_filters_off() {
        let (kept, changes) = run(ARTICLE, &Config::repair_only());
        assert_eq!(kept.len(), ARTICLE.len());
        assert!(changes.is_empty());
        let config = Config {
            keep_categories: vec!["share".to_string(), "comment-section".to_string()],
            ..Config::default()
        };
        let (kept, _) = run(ARTICLE, &config);
        assert!(kept.contains(&"Share this:"));
        assert!(kept.contains(&"Leave a Reply"));
        assert!(!kept.contains(&ARTICLE[1]));
    }

    #[test]
    fn a_menu_goes_over_the_headline_once_its_title_forms_are_gone() {
        const MENU: &str = "Inicio\nEntrevistas\nHistoria del barrio\nAgenda\nContacto";
        const HEADLINE: &str = "Entrevista al último proyeccionista del cine Avenida";
        const TITLE: &str =
            "Entrevista al último proyeccionista del cine Avenida | Crónicas de San Blas";
        const BYLINE: &str = "Publicado el 3 de abril de 2024 por Elena Mayoral";
        const STORY: &str = "El cine Avenida cerrará sus puertas el próximo 30 de abril después de 61 años en la calle Amposta.";
        for page in [
            vec!["Saltar al contenido", MENU, TITLE, HEADLINE, BYLINE, STORY],
            vec![TITLE, MENU, HEADLINE, BYLINE, STORY],
        ] {
            let (kept, changes) = run(&page, &Config::default());
            assert_eq!(kept, [HEADLINE, BYLINE, STORY], "{page:?}");
            let menu = page.iter().position(|&block| block == MENU);
            assert!(changes.iter().any(|change| {
                change.reason == "boilerplate.navigation" && Some(change.position) == menu
            }));
            // A second cleaning finds nothing left to drop.
            let (again, changes) = run(&kept, &Config::default());
            assert_eq!((again, changes.len()), (kept, 0));
        }
    }

    #[test]
    fn an_empty_document_has_nothing_to_drop() {
        let (kept, changes) = run(&[], &Config::default());
        assert!(kept.is_empty() && changes.is_empty());
    }
}
