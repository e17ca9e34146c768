//! HTML entity decoding over the case table tests/cases/entities.tsv, plus
//! properties: text without `&` is borrowed, decoding is idempotent on
//! text that holds no escaped ampersand, and every change points at the
//! reference it replaced.

use newsclean::repair::entities::decode;
use proptest::prelude::*;
use std::borrow::Cow;

fn cases() -> Vec<(String, String)> {
    let path = format!("{}/tests/cases/entities.tsv", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("entities.tsv");
    text.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (input, expected) = line.split_once('\t').expect("input<TAB>expected");
            let expected = if expected == "=" { input } else { expected };
            (input.to_string(), expected.to_string())
        })
        .collect()
}

#[test]
fn every_case_decodes_as_written() {
    let cases = cases();
    assert!(cases.len() >= 40);
    for (input, expected) in cases {
        let mut changes = Vec::new();
        let out = decode(&input, &mut changes);
        assert_eq!(out, expected, "{input:?}");
        if input == expected {
            assert!(matches!(out, Cow::Borrowed(_)), "{input:?} was copied");
            assert!(changes.is_empty());
        }
        for change in &changes {
            assert_eq!(change.reason, "entities.html");
            assert_eq!(
                &input[change.position..change.position + change.before.len()],
                change.before
            );
        }
    }
}

proptest! {
    #[test]
    fn text_without_ampersands_is_borrowed(text in "[^&]{0,80}") {
        prop_assert!(matches!(decode(&text, &mut Vec::new()), Cow::Borrowed(_)));
    }

    #[test]
    fn decoding_never_panics_and_never_makes_controls(text in "(&|#|x|[0-9a-f]|amp;|;|[a-zA-Z]|é){0,40}") {
        let out = decode(&text, &mut Vec::new()).into_owned();
        // Tab and line breaks are white space the character clean-up
        // handles; every other control stays out.
        let controls = |s: &str| {
            s.chars()
                .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
                .count()
        };
        prop_assert!(controls(&out) <= controls(&text));
    }
}
