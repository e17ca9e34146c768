//! TODO(issue 4): boilerplate rules as data.

use std::sync::{Arc, OnceLock};

#[derive(Debug, Default)]
pub struct RuleSet {}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: line {line}: {message}")]
pub struct RulesError {
    pub origin: String,
    pub line: usize,
    pub message: String,
}

impl RuleSet {
    /// The built-in rules, compiled once.
    pub fn builtin() -> Arc<RuleSet> {
        static BUILTIN: OnceLock<Arc<RuleSet>> = OnceLock::new();
        BUILTIN.get_or_init(|| Arc::new(RuleSet::default())).clone()
    }
}
