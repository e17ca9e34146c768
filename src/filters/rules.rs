//! TODO(issue 4): boilerplate rules as data.

use std::sync::{Arc, OnceLock};

/// A compiled set of boilerplate rules.
#[derive(Debug, Default)]
pub struct RuleSet {}

/// A rules file that could not be used, with the line at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct RulesError {
    pub line: usize,
    pub message: String,
}

impl RuleSet {
    /// The built-in rules, compiled once.
    pub fn builtin() -> Arc<RuleSet> {
        static BUILTIN: OnceLock<Arc<RuleSet>> = OnceLock::new();
        BUILTIN.get_or_init(|| Arc::new(RuleSet::default())).clone()
    }

    /// Parses a rules file in the built-in rules' format.
    pub fn parse(_text: &str) -> Result<RuleSet, RulesError> {
        Ok(RuleSet::default())
    }

    /// `self` with `user`'s rules added; a user rule with the id of an
    /// existing one replaces it.
    pub fn extended_with(&self, _user: RuleSet) -> RuleSet {
        RuleSet::default()
    }

    /// The rules written back in the rules-file format (`--list-rules`).
    pub fn to_rules_file(&self) -> String {
        String::new()
    }
}
