//! Any text as a user rules file through `newsclean::RuleSet::parse`: a
//! file is either refused with a line number and a message, or it compiles,
//! lists itself back in a form that parses to the same listing, and cleans
//! a sample article without a panic. Whether a rule drops the right blocks
//! is for the filter tests, not this target.

#![no_main]

use libfuzzer_sys::fuzz_target;
use newsclean::{Cleaner, Config, RuleSet};

const SAMPLE: &str = "Headline of the day\n\nBy A. Reporter\n\nShare this:\n\n\
The council met on Tuesday and agreed the budget for next year.\n\n\
Advertisement\n\nThe council met on Tuesday and agreed the budget for next year.\n\n\
3 Comments\n\nGreat article!\n";

fuzz_target!(
    // Compiling the built-in rules and tables happens once per process;
    // doing it here keeps it out of the first input's time limit.
    init: {
        let _ = newsclean::clean("warm up\n", &newsclean::Config::default());
    },
    |data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match RuleSet::parse(text) {
        Ok(rules) => {
            let listed = rules.to_rules_file();
            let reparsed = match RuleSet::parse(&listed) {
                Ok(reparsed) => reparsed,
                Err(error) => panic!("a listed rule set does not parse again: {error}\n{listed}"),
            };
            assert_eq!(reparsed.to_rules_file(), listed, "listing is not stable");
            let cleaner =
                Cleaner::with_rules(Config::default(), RuleSet::builtin().extended_with(rules));
            let cleaned = cleaner.clean(SAMPLE);
            assert!(cleaned.text.len() <= SAMPLE.len() + 1);
        }
        Err(error) => {
            assert!(!error.message.trim().is_empty(), "refusal without a reason");
            assert!(
                error.line <= text.lines().count() + 1,
                "refusal names line {} of a {}-line file",
                error.line,
                text.lines().count()
            );
        }
    }
});
