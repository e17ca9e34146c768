//! Correct text in many languages and scripts must come out byte for byte:
//! the negative set in `tests/cases/negative-lines.txt`, line by line and as
//! one document.

use newsclean::{clean, Config};

fn negative_lines() -> Vec<&'static str> {
    include_str!("cases/negative-lines.txt")
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

#[test]
fn the_negative_set_is_large_enough() {
    assert!(negative_lines().len() >= 60);
}

#[test]
fn each_correct_line_passes_through_the_repair_stage_unchanged() {
    let config = Config::default();
    let mut failures = Vec::new();
    for line in negative_lines() {
        let mut changes = Vec::new();
        let repaired = newsclean::repair::repair(line, &config, &mut changes);
        if repaired != line {
            failures.push(format!("{line:?}\n  -> {repaired:?}\n  {changes:?}"));
        }
    }
    assert!(failures.is_empty(), "changed:\n{}", failures.join("\n"));
}

#[test]
fn each_correct_line_is_a_clean_document() {
    for line in negative_lines() {
        let cleaned = clean(line, &Config::repair_only());
        assert_eq!(cleaned.text, format!("{line}\n"), "changes: {:?}", cleaned.changes);
        assert!(cleaned.changes.is_empty(), "{line}: {:?}", cleaned.changes);
    }
}

#[test]
fn the_whole_set_as_one_document_is_unchanged() {
    let document = negative_lines().join("\n\n") + "\n";
    let cleaned = clean(&document, &Config::repair_only());
    assert_eq!(cleaned.text, document);
}
