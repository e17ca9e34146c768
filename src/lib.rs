//! newsclean turns scraped news-article text into clean text.
//!
//! ```text
//! bytes ──decode──▶ text ──repair──▶ text ──blocks──▶ [block] ──filters──▶ [block] ──join──▶ text
//! ```
//!
//! The library is the whole cleaner: text or bytes in, cleaned text and a
//! report of every change out. It never prints, exits or touches the file
//! system; reading, writing and reporting belong to the binary.
//!
//! ```
//! let cleaned = newsclean::clean("cafÃ© &amp; bar\r\n", &newsclean::Config::default());
//! assert_eq!(cleaned.text, "café & bar\n");
//! assert!(cleaned.changes.iter().any(|c| c.reason == "mojibake.windows-1252"));
//! ```
//!
//! # Gotchas
//! - Offsets in repair changes are relative to the text each repair step
//!   was given, not to the original bytes.
//! - `clean` on the empty string (or only whitespace) returns the empty
//!   string, not `"\n"`.

#![forbid(unsafe_code)]

pub mod blocks;
pub mod config;
pub mod decode;
pub mod filters;
pub mod repair;
pub mod report;

use std::sync::Arc;

pub use config::Config;
pub use decode::{DecodeError, Decoded, EncodingSource};
pub use filters::rules::{RuleSet, RulesError};
pub use report::{Action, Change, RULES_VERSION};

/// What cleaning produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The clean UTF-8 text: blocks separated by one blank line, ending in
    /// exactly one `\n` (or empty).
    pub text: String,
    /// Every repair and drop, in pipeline order.
    pub changes: Vec<Change>,
    /// How the input bytes were decoded (`None` when given text).
    pub encoding: Option<EncodingReport>,
}

/// How bytes were turned into text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EncodingReport {
    /// WHATWG name of the encoding (`UTF-8`, `windows-1251`).
    pub name: &'static str,
    pub source: EncodingSource,
    /// Whether some bytes could not be decoded and became U+FFFD.
    pub had_errors: bool,
}

/// Everything that can make the cleaning of one document fail.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error(transparent)]
    Rules(#[from] RulesError),
}

/// A configured cleaner: the settings plus compiled boilerplate rules.
/// Build it once and reuse it for every document (it is `Sync`).
#[derive(Debug, Clone)]
pub struct Cleaner {
    config: Config,
    rules: Arc<RuleSet>,
}

impl Cleaner {
    /// A cleaner with the built-in boilerplate rules.
    pub fn new(config: Config) -> Cleaner {
        Cleaner {
            config,
            rules: RuleSet::builtin(),
        }
    }

    /// A cleaner with the given rules (usually the built-in rules extended
    /// by a user's rules file).
    pub fn with_rules(config: Config, rules: RuleSet) -> Cleaner {
        Cleaner {
            config,
            rules: Arc::new(rules),
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// Cleans one document given as text.
    pub fn clean(&self, text: &str) -> Cleaned {
        self.clean_reusing(text, String::new())
    }

    /// [`Cleaner::clean`], writing the cleaned text into `buffer` (emptied
    /// first): a caller cleaning many documents hands back the text of one
    /// it is done with, and its room serves the next instead of a new
    /// allocation as long as each text.
    pub fn clean_reusing(&self, text: &str, buffer: String) -> Cleaned {
        let mut changes = Vec::new();
        let repaired = repair::repair(text, &self.config, &mut changes);
        let blocks = blocks::split(&repaired);
        let keep = filters::apply(&blocks, &self.rules, &self.config, &mut changes);
        let mut text = buffer;
        blocks::join_into(
            &mut text,
            blocks
                .iter()
                .zip(&keep)
                .filter(|(_, kept)| **kept)
                .map(|(block, _)| *block),
        );
        Cleaned {
            text,
            changes,
            encoding: None,
        }
    }

    /// Cleans one document given as text, as [`Cleaner::clean`] does, but
    /// with changes that keep only their reason, place and count: their
    /// `before` and `after` are empty. For callers that only count the
    /// changes or tell whether there were any, which then pay nothing for
    /// their texts.
    pub fn clean_without_change_texts(&self, text: &str) -> Cleaned {
        self.clean_without_change_texts_reusing(text, String::new())
    }

    /// [`Cleaner::clean_without_change_texts`] into `buffer`, as
    /// [`Cleaner::clean_reusing`] writes it.
    pub fn clean_without_change_texts_reusing(&self, text: &str, buffer: String) -> Cleaned {
        report::without_texts(|| self.clean_reusing(text, buffer))
    }

    /// [`Cleaner::clean_without_change_texts_reusing`], with each repair
    /// that follows a repair of the same reason counted into that change
    /// (its `count`) rather than kept as a change of its own. The text is
    /// the same. For callers that only tell whether anything changed: a
    /// text with millions of repairs then needs no memory for a change
    /// per repair.
    pub fn clean_with_merged_changes_reusing(&self, text: &str, buffer: String) -> Cleaned {
        report::merging_repairs(|| self.clean_reusing(text, buffer))
    }

    /// Decodes `bytes` (BOM, UTF-8, detection or the `forced` encoding
    /// label) and cleans the text.
    pub fn clean_bytes(&self, bytes: &[u8], forced: Option<&str>) -> Result<Cleaned, Error> {
        self.decode_and_clean(bytes, forced, |text| self.clean(text))
    }

    /// [`Cleaner::clean_bytes`] with changes that keep no texts, as
    /// [`Cleaner::clean_without_change_texts`] makes them.
    pub fn clean_bytes_without_change_texts(
        &self,
        bytes: &[u8],
        forced: Option<&str>,
    ) -> Result<Cleaned, Error> {
        self.decode_and_clean(bytes, forced, |text| self.clean_without_change_texts(text))
    }

    /// [`Cleaner::clean_bytes`] with changes merged as
    /// [`Cleaner::clean_with_merged_changes_reusing`] merges them.
    pub fn clean_bytes_with_merged_changes(
        &self,
        bytes: &[u8],
        forced: Option<&str>,
    ) -> Result<Cleaned, Error> {
        self.decode_and_clean(bytes, forced, |text| {
            self.clean_with_merged_changes_reusing(text, String::new())
        })
    }

    fn decode_and_clean(
        &self,
        bytes: &[u8],
        forced: Option<&str>,
        clean: impl FnOnce(&str) -> Cleaned,
    ) -> Result<Cleaned, Error> {
        let decoded = decode::decode(bytes, forced)?;
        let mut cleaned = clean(&decoded.text);
        cleaned.encoding = Some(EncodingReport {
            name: decoded.encoding.name(),
            source: decoded.source,
            had_errors: decoded.had_errors,
        });
        Ok(cleaned)
    }
}

/// Cleans one document with the built-in rules.
pub fn clean(text: &str, config: &Config) -> Cleaned {
    Cleaner::new(config.clone()).clean(text)
}

/// Decodes and cleans one document with the built-in rules, detecting the
/// encoding.
pub fn clean_bytes(bytes: &[u8], config: &Config) -> Result<Cleaned, Error> {
    Cleaner::new(config.clone()).clean_bytes(bytes, None)
}
