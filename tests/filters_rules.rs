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

/// The built-in block rules, each as a regex of its own, read as the rules
/// engine reads them (case-insensitively, covering the whole line); built
/// once for every test and generated case.
fn block_rules_one_by_one() -> &'static [(usize, regex::Regex)] {
    static ONE_BY_ONE: std::sync::OnceLock<Vec<(usize, regex::Regex)>> = std::sync::OnceLock::new();
    ONE_BY_ONE.get_or_init(|| rules_one_by_one(newsclean::filters::rules::MatchMode::Block))
}

/// Each built-in rule of `mode` with its index, as its own regex anchored
/// as the engine anchors that mode: a `block` rule covers the whole line,
/// a `start` rule its start.
fn rules_one_by_one(mode: newsclean::filters::rules::MatchMode) -> Vec<(usize, regex::Regex)> {
    use newsclean::filters::rules::MatchMode;
    let end = match mode {
        MatchMode::Block => "$",
        MatchMode::Start => "",
    };
    RuleSet::builtin()
        .rules()
        .iter()
        .enumerate()
        .filter(|(_, rule)| rule.mode == mode)
        .map(|(index, rule)| {
            let regex = regex::RegexBuilder::new(&format!("^(?:{}){end}", rule.pattern))
                .case_insensitive(true)
                .build()
                .unwrap();
            (index, regex)
        })
        .collect()
}

/// The rules matching `line` one regex at a time, against the engine's
/// answer, which searches rules in groups read forwards, backwards, or
/// only on lines holding the words they need.
fn answers(one_by_one: &[(usize, regex::Regex)], line: &str) -> (Vec<usize>, Vec<usize>) {
    use newsclean::filters::rules::{fold_line, MAX_BLOCK_RULE_LINE_BYTES};
    let folded = fold_line(line);
    let expected = if folded.len() > MAX_BLOCK_RULE_LINE_BYTES {
        Vec::new()
    } else {
        one_by_one
            .iter()
            .filter(|(_, regex)| regex.is_match(&folded))
            .map(|(index, _)| *index)
            .collect()
    };
    (RuleSet::builtin().block_match_indexes(&folded), expected)
}

/// Lines that the rules read from their ends or find by their words:
/// credits, copyright lines, breadcrumbs, comment headers, in several
/// scripts and cases, and near misses.
const LINES_AT_THE_EDGES: &[&str] = &[
    "© 2024 Example Media Group. All Rights Reserved.",
    "ALL RIGHTS RESERVED",
    "Copyright Example News – all rights reserved. Terms apply",
    "Все права защищены.",
    "ВСЕ ПРАВА ЗАЩИЩЕНЫ",
    "版权所有 © 2024 新闻网",
    "Tous droits réservés",
    "Todos los derechos reservados.",
    "Photo: Reuters",
    "Foto: dpa",
    "Фото: Иван Петров",
    "ФОТО: ТАСС",
    "The mayor at the opening on Tuesday. (Photo: Jane Smith)",
    "The mayor at the opening. Photo by Jane Smith",
    "REUTERS/Jane Smith",
    "AP Photo/Jane Smith",
    "(AFP Photo) The square on Sunday",
    "Home > News > World",
    "Home » Politics » Elections",
    "Maria says:",
    "Maria said on Tuesday that the plan would go ahead.",
    "June 4, 2024 at 10:32 am",
    "Share on Facebook (Opens in new window)",
    "Weekend magazine — Sponsored by Example Bank",
    "Get the latest headlines delivered to your inbox.",
    "Our newsletter",
    "The Morning newsletter",
    "The council voted on Tuesday to approve the budget.",
    "ſhare this: all rightſ reserved",
    "image: Jane Smith",
];

/// The lines at the edges and every line of the fixtures.
fn edge_and_fixture_lines() -> Vec<String> {
    let mut lines: Vec<String> = LINES_AT_THE_EDGES
        .iter()
        .map(|line| line.to_string())
        .collect();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures")).unwrap() {
        let input = entry.unwrap().path().join("input.txt");
        if let Ok(text) = std::fs::read_to_string(&input) {
            lines.extend(text.lines().map(str::to_string));
        }
    }
    lines
}

#[test]
fn block_rules_answer_as_each_rule_does_alone() {
    let one_by_one = block_rules_one_by_one();
    let mut matched = 0;
    for line in &edge_and_fixture_lines() {
        let (engine, alone) = answers(one_by_one, line);
        assert_eq!(engine, alone, "{line:?}");
        matched += usize::from(!alone.is_empty());
    }
    // The lines reach the rules read in every way.
    assert!(matched >= 100, "only {matched} lines matched a rule");
}

/// The `start` rules, compiled together from factored patterns, answer as
/// each rule's own regex does on the lines they see whole (a longer line
/// is read only up to the prefix they are given).
#[test]
fn start_rules_answer_as_each_rule_does_alone() {
    use newsclean::filters::rules::{fold_line, MatchMode, START_RULE_PREFIX_BYTES};
    let rules = RuleSet::builtin();
    let one_by_one = rules_one_by_one(MatchMode::Start);
    let mut matched = 0;
    for line in &edge_and_fixture_lines() {
        let folded = fold_line(line);
        if folded.len() > START_RULE_PREFIX_BYTES {
            continue;
        }
        let alone: Vec<usize> = one_by_one
            .iter()
            .filter(|(_, regex)| regex.is_match(&folded))
            .map(|(index, _)| *index)
            .collect();
        assert_eq!(rules.start_match_indexes(&folded), alone, "{line:?}");
        matched += usize::from(!alone.is_empty());
    }
    assert!(matched >= 20, "only {matched} lines matched a start rule");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    #[test]
    fn block_rules_answer_as_each_rule_does_alone_on_generated_lines(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "Photo", "foto", "ФОТО", "фото", ": ", " / ", "REUTERS", "AP", "Jane Smith",
                "all rights reserved", "Все права защищены", "版权所有", " » ", " > ", "Home",
                "says", "said", ":", " at 10:32 am", "(Opens in new window)", " — ",
                "sponsored by", "your inbox", "newsletter", ".", "!", " ", "the plan", "©",
                "2024", "(", ")", "Ünïcode", "ſ", "\u{212A}", "crédit photo", "Bild: ",
            ]),
            1..8,
        )
    ) {
        let line: String = pieces.concat();
        let (engine, alone) = answers(block_rules_one_by_one(), &line);
        proptest::prop_assert_eq!(engine, alone, "{:?}", line);
    }
}
