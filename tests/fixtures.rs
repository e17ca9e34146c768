//! Runs the real binary over every `fixtures/NAME/input.*` and compares its
//! output, byte for byte, with `fixtures/NAME/expected.txt`. A fixture may
//! hold an `args` file: extra command-line arguments, one per line.

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};

fn fixture_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .expect("fixtures/ exists")
        .map(|entry| entry.expect("readable fixtures/ entry").path())
        .filter(|path| path.join("expected.txt").is_file())
        .collect();
    dirs.sort();
    dirs
}

fn input_of(dir: &Path) -> PathBuf {
    fs::read_dir(dir)
        .expect("readable fixture folder")
        .map(|entry| entry.expect("readable entry").path())
        .find(|path| path.file_stem().is_some_and(|stem| stem == "input"))
        .unwrap_or_else(|| panic!("{} has no input file", dir.display()))
}

#[test]
fn every_fixture_comes_out_as_expected() {
    let dirs = fixture_dirs();
    assert!(
        dirs.len() >= 13,
        "expected at least 13 fixtures, found {}",
        dirs.len()
    );
    let mut failures = Vec::new();
    for dir in &dirs {
        let expected = fs::read_to_string(dir.join("expected.txt")).expect("readable expected.txt");
        let args: Vec<String> = fs::read_to_string(dir.join("args"))
            .map(|text| text.lines().map(str::to_string).collect())
            .unwrap_or_default();
        let output = Command::cargo_bin("newsclean")
            .expect("binary builds")
            .args(&args)
            .arg(input_of(dir))
            .output()
            .expect("binary runs");
        let actual = String::from_utf8_lossy(&output.stdout);
        if !output.status.success() || actual != expected {
            failures.push(format!(
                "{} (exit {:?})\n--- expected\n{}\n--- actual\n{}\n--- stderr\n{}",
                dir.display(),
                output.status.code(),
                expected,
                actual,
                String::from_utf8_lossy(&output.stderr)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture(s) differ:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn the_seed_article_is_cleaned_byte_for_byte() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed-article");
    let expected = fs::read(dir.join("expected.txt")).expect("seed expected");
    Command::cargo_bin("newsclean")
        .expect("binary builds")
        .arg(dir.join("input.txt"))
        .assert()
        .success()
        .stdout(expected);
}
