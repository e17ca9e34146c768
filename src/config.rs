//! Every switch of the cleaner in one serde-able struct that mirrors the
//! command-line flags one to one. Defaults do everything a news cleaner
//! should do; changes that alter meaning (straightening quotes, NFKC) are
//! not offered here at all. This module holds settings only: it neither
//! parses flags nor reads rule files.

use serde::{Deserialize, Serialize};

/// Boilerplate categories that the built-in rules use; `--keep CATEGORY`
/// turns one off.
pub const BOILERPLATE_CATEGORIES: &[&str] = &[
    "comment-section",
    "share",
    "newsletter",
    "cookie-consent",
    "advertisement",
    "related-links",
    "read-more",
    "tags",
    "breadcrumb",
    "navigation",
    "author-bio",
    "photo-credit",
    "app-prompt",
    "paywall",
    "copyright",
    "print-email",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Repair UTF-8 that was decoded with the wrong code page.
    pub mojibake: bool,
    /// Decode HTML entities (`&rsquo;`, `&#8217;`, `&amp;amp;`).
    pub entities: bool,
    /// Line breaks, control and invisible characters, Unicode spaces,
    /// trailing spaces and NFC.
    pub characters: bool,
    /// Put back the space lost between two glued sentences (`us.So`).
    pub glued_sentences: bool,
    /// Keep the headline once.
    pub dedup_headline: bool,
    /// Drop paragraphs that repeat an earlier one.
    pub dedup_paragraphs: bool,
    /// Blocks shorter than this (in characters) never count as duplicates.
    pub dedup_min_chars: usize,
    /// Drop page boilerplate (comment sections, share rows, …).
    pub boilerplate: bool,
    /// Boilerplate categories to keep even when `boilerplate` is on.
    pub keep_categories: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            mojibake: true,
            entities: true,
            characters: true,
            glued_sentences: true,
            dedup_headline: true,
            dedup_paragraphs: true,
            dedup_min_chars: 40,
            boilerplate: true,
            keep_categories: Vec::new(),
        }
    }
}

impl Config {
    /// Only the character-level repairs: no block is ever dropped.
    pub fn repair_only() -> Config {
        Config {
            dedup_headline: false,
            dedup_paragraphs: false,
            boilerplate: false,
            ..Config::default()
        }
    }

    /// Whether boilerplate of `category` should be dropped.
    pub fn drops_category(&self, category: &str) -> bool {
        self.boilerplate && !self.keep_categories.iter().any(|kept| kept == category)
    }
}
