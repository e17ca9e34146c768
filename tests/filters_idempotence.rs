//! Cleaning is idempotent over whole articles: every fixture's expected
//! output, cleaned again with the default settings, comes back unchanged.
//! A filter that drops anything from already-clean text (a second
//! "headline" taken from a repeated subheading, a button whose box is
//! gone) fails here. Fixtures with an `args` file run with other switches
//! and are left to their own test.

use newsclean::Config;
use std::fs;
use std::path::Path;

#[test]
fn every_fixture_output_comes_through_a_second_cleaning_unchanged() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut names: Vec<String> = fs::read_dir(&root)
        .expect("fixtures folder")
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().join("expected.txt").is_file())
        .filter(|entry| !entry.path().join("args").exists())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 30, "only {} fixtures found", names.len());
    let mut failures = Vec::new();
    for name in &names {
        let expected = fs::read_to_string(root.join(name).join("expected.txt"))
            .expect("expected.txt is UTF-8");
        let again = newsclean::clean(&expected, &Config::default());
        if again.text != expected {
            let reasons: Vec<String> = again
                .changes
                .iter()
                .map(|change| format!("{} at {}", change.reason, change.position))
                .collect();
            failures.push(format!("{name}: {}", reasons.join(", ")));
        }
    }
    assert!(
        failures.is_empty(),
        "changed on a second cleaning:\n{}",
        failures.join("\n")
    );
}
