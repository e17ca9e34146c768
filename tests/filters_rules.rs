//! The rules engine through the library's public interface: user rules
//! extend and override the built-in ones, the rules file round-trips, a bad
//! file is refused with its line number, and a user rule takes effect in
//! the cleaner.

use newsclean::{Cleaner, Config, RuleSet};

const ARTICLE: &str = "The bridge will reopen on Friday after repairs to its deck, the county council said.\n\nWerbeblock\n\nDrivers have faced a six-mile diversion since the bridge closed in April.\n";

#[test]
fn a_user_rule_takes_effect_in_the_cleaner() {
    let plain = Cleaner::new(Config::default()).clean(ARTICLE);
    assert!(plain.text.contains("Werbeblock"));
    let user = RuleSet::parse("user.werbeblock\tadvertisement\tde\tblock\twerbeblock\n").unwrap();
    let rules = RuleSet::builtin().extended_with(user);
    let cleaned = Cleaner::with_rules(Config::default(), rules).clean(ARTICLE);
    assert!(!cleaned.text.contains("Werbeblock"));
    assert!(cleaned
        .changes
        .iter()
        .any(|change| change.reason == "boilerplate.advertisement"));
}

#[test]
fn a_user_rule_replaces_a_builtin_rule_with_the_same_id() {
    let builtin = RuleSet::builtin();
    let user = RuleSet::parse("ad.marker\tadvertisement\ten\tblock\tsponsor block\n").unwrap();
    let rules = builtin.extended_with(user);
    assert_eq!(rules.len(), builtin.len());
    assert!(rules.block_matches("Advertisement").is_empty());
    assert_eq!(rules.block_matches("Sponsor block").len(), 1);
}

#[test]
fn the_listing_parses_back_to_the_same_rules() {
    let listing = RuleSet::builtin().to_rules_file();
    let reparsed = RuleSet::parse(&listing).unwrap();
    assert_eq!(reparsed.to_rules_file(), listing);
}

#[test]
fn a_bad_rules_file_names_its_line() {
    let text = "# my rules\nok\tshare\ten\tblock\tshare it\nbad\tshare\ten\tblock\t[unclosed\n";
    let error = RuleSet::parse(text).unwrap_err();
    assert_eq!(error.line, 3);
    assert!(error.to_string().starts_with("line 3:"));
}
