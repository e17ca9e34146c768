//! Every refusal is one clear line on stderr that names the path and the
//! reason. The exact wording is held in snapshots (`tests/snapshots/`) so a
//! change to a message is a reviewed change. Each test runs in its own
//! temporary folder with relative paths, so the messages are stable.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

/// Runs the binary in `dir` and returns (exit code, stdout, stderr).
fn run(dir: &Path, args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let output = Command::cargo_bin("newsclean")
        .expect("binary builds")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .write_stdin(stdin.to_vec())
        .output()
        .expect("binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn one_line(stderr: &str) -> &str {
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "expected one line, got: {stderr:?}");
    lines[0]
}

#[test]
fn binary_input_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("photo.jpg"),
        b"\xFF\xD8\xFF\xE0\0\x10JFIF\0",
    )
    .expect("write");
    let (code, stdout, stderr) = run(dir.path(), &["photo.jpg"], b"");
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    insta::assert_snapshot!("binary", one_line(&stderr));
}

#[test]
fn binary_stdin_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (code, stdout, stderr) = run(dir.path(), &[], b"abc\0def");
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    insta::assert_snapshot!("binary_stdin", one_line(&stderr));
}

#[test]
fn an_unknown_encoding_label_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("a.txt"), "text\n").expect("write");
    let (code, _, stderr) = run(dir.path(), &["-E", "klingon", "a.txt"], b"");
    assert_eq!(code, 2);
    insta::assert_snapshot!("unknown_encoding", one_line(&stderr));
}

#[test]
fn a_missing_file_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (code, _, stderr) = run(dir.path(), &["missing.txt"], b"");
    assert_eq!(code, 2);
    insta::assert_snapshot!("missing_file", one_line(&stderr));
}

#[test]
fn a_bad_rules_file_names_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("a.txt"), "text\n").expect("write");
    fs::write(
        dir.path().join("site.rules"),
        "# my rules\nshare-x\tshare\ten\tblock\t(unclosed\n",
    )
    .expect("write");
    let (code, stdout, stderr) = run(dir.path(), &["--rules", "site.rules", "a.txt"], b"");
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    insta::assert_snapshot!("bad_rules", one_line(&stderr));
}

#[test]
fn a_malformed_json_line_is_named_and_strict_mode_stops() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("in.jsonl"), "{\"text\":\"ok\"}\n{broken\n").expect("write");
    let (code, stdout, stderr) = run(dir.path(), &["--jsonl", "in.jsonl"], b"");
    assert_eq!(code, 0);
    assert_eq!(stdout, "{\"text\":\"ok\"}\n{broken\n");
    insta::assert_snapshot!("malformed_json_passed", one_line(&stderr));

    let (code, _, stderr) = run(dir.path(), &["--jsonl", "--strict", "in.jsonl"], b"");
    assert_eq!(code, 2);
    insta::assert_snapshot!("malformed_json_strict", one_line(&stderr));
}

#[test]
fn several_inputs_without_a_destination_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("a.txt"), "a\n").expect("write");
    fs::write(dir.path().join("b.txt"), "b\n").expect("write");
    let (code, stdout, stderr) = run(dir.path(), &["a.txt", "b.txt"], b"");
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    insta::assert_snapshot!("several_inputs", one_line(&stderr));
}

#[test]
fn an_existing_output_file_needs_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("a.txt"), "a\n").expect("write");
    fs::write(dir.path().join("out.txt"), "keep me\n").expect("write");
    let (code, _, stderr) = run(dir.path(), &["-o", "out.txt", "a.txt"], b"");
    assert_eq!(code, 2);
    assert_eq!(
        fs::read_to_string(dir.path().join("out.txt")).expect("read"),
        "keep me\n"
    );
    insta::assert_snapshot!("output_exists", one_line(&stderr));
}
