//! Properties of mojibake repair over generated text: multilingual lines
//! built from the words of the clean sentences, damaged through each code
//! page with encoding_rs (whole line, one span, twice), must come back
//! exactly; correct text mixed with digits, symbols and emoji must pass
//! unchanged; and repair is idempotent on its own output.

mod mojibake_support;

use mojibake_support::{damage, find_page, repaired, sentences};
use proptest::prelude::*;
use std::sync::OnceLock;

/// The words of each clean sentence, one vocabulary per sentence so that a
/// generated line keeps to one language, as real lines do.
fn vocabularies() -> &'static Vec<Vec<String>> {
    static WORDS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    WORDS.get_or_init(|| {
        sentences()
            .iter()
            .map(|s| s.split(' ').map(str::to_string).collect::<Vec<_>>())
            .filter(|words| words.len() >= 4 && words.iter().any(|w| !w.is_ascii()))
            .collect()
    })
}

/// A line of 5 to 12 words from one vocabulary.
fn line() -> impl Strategy<Value = String> {
    (
        0..vocabularies().len(),
        prop::collection::vec(any::<prop::sample::Index>(), 5..12),
    )
        .prop_map(|(vocabulary, picks)| {
            let words = &vocabularies()[vocabulary];
            picks
                .iter()
                .map(|pick| pick.get(words).as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
}

/// Code pages whose whole-line damage the repair must undo exactly on
/// generated text. (The evaluation example measures all of them.)
const EXACT_PAGES: &[&str] = &["windows-1252", "windows-874", "koi8-r", "latin-1"];

fn non_ascii_words(text: &str) -> usize {
    text.split(' ').filter(|w| !w.is_ascii()).count()
}

proptest! {
    // A fixed seed draws the same cases on every run, so that a run's
    // verdict is the code's and not the draw's; what wider runs find goes
    // to the known failures of tests/cases/mojibake.
    #![proptest_config(ProptestConfig {
        cases: 128,
        rng_seed: proptest::test_runner::RngSeed::Fixed(2026),
        ..ProptestConfig::default()
    })]

    #[test]
    fn whole_line_damage_comes_back_exactly(text in line(), page in 0..EXACT_PAGES.len()) {
        let page = find_page(EXACT_PAGES[page]);
        let damaged = damage(&text, &page);
        prop_assume!(!damaged.contains('\u{FFFD}'));
        prop_assert_eq!(repaired(&damaged), text);
    }

    #[test]
    fn a_damaged_span_comes_back_and_the_rest_stays(text in line(), cut in any::<prop::sample::Index>()) {
        let words: Vec<&str> = text.split(' ').collect();
        prop_assume!(non_ascii_words(&text) >= 2);
        let start = cut.index(words.len() - 1) + 1;
        let page = find_page("windows-1252");
        let damaged = format!("{} {}", words[..start].join(" "), damage(&words[start..].join(" "), &page));
        prop_assert_eq!(repaired(&damaged), text);
    }

    #[test]
    fn double_damage_comes_back_exactly(text in line()) {
        let page = find_page("windows-1252");
        let damaged = damage(&damage(&text, &page), &page);
        prop_assert_eq!(repaired(&damaged), text);
    }

    #[test]
    fn correct_text_passes_unchanged(
        text in line(),
        extras in prop::collection::vec(prop::sample::select(vec![
            "°C", "×", "±", "€", "£", "¥", "©", "®", "™", "§", "½", "µ", "«", "»", "“", "”", "‘", "’",
            "—", "–", "…", "•", "🎉", "👍🏽", "🇧🇷", "🏳️‍🌈", "(╯°□°)╯︵ ┻━┻", "¯\\_(ツ)_/¯", "ß“", "SÃO",
            "Ø", "Å", "Ã", "Â", "12×4", "25 °C", "±3", "5€", "£4", "No.", "№ 5",
        ]), 0..6),
    ) {
        let mut words: Vec<String> = text.split(' ').map(str::to_string).collect();
        for (index, extra) in extras.iter().enumerate() {
            let at = (index * 7) % (words.len() + 1);
            words.insert(at, extra.to_string());
        }
        let line = words.join(" ");
        prop_assert_eq!(repaired(&line), line);
    }

    #[test]
    fn repair_is_idempotent(text in line(), page in 0..EXACT_PAGES.len()) {
        let once = repaired(&damage(&text, &find_page(EXACT_PAGES[page])));
        prop_assert_eq!(repaired(&once), once.clone());
    }
}
