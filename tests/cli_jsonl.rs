//! End-to-end tests of `--jsonl`: one output line per input line, every
//! other field passed through byte for byte, malformed lines reported and
//! kept (or refused with `--strict`), `--annotate`, and the property that
//! distributed engines rely on: any split of the input, cleaned in any
//! number of processes, gives the same output as one process. Each test
//! works in its own temporary folder.

use assert_cmd::assert::OutputAssertExt;
use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::Path;

fn newsclean() -> Command {
    Command::cargo_bin("newsclean").expect("the binary builds")
}

/// A record whose text has extra blank lines (the join stage removes
/// them, whatever else the cleaner does) and fields that a re-serialising
/// tool would disturb.
fn untidy_record(id: usize) -> String {
    format!(
        "{{\"z_last\": 1.50, \"id\": {id}, \"text\": \"Paragraph {id} of the story.\\n\\n\\n\\nAnd the end \\u00e9.\", \"big\": 12345678901234567890, \"nested\": {{\"b\": [1e3, true, null]}}}}"
    )
}

fn tidy_record(id: usize) -> String {
    format!(
        "{{\"z_last\": 1.50, \"id\": {id}, \"text\": \"Paragraph {id} of the story.\\n\\nAnd the end é.\", \"big\": 12345678901234567890, \"nested\": {{\"b\": [1e3, true, null]}}}}"
    )
}

#[test]
fn only_the_text_field_changes_byte_for_byte() {
    let input = format!("{}\n{}\n", untidy_record(1), untidy_record(2));
    let expected = format!("{}\n{}\n", tidy_record(1), tidy_record(2));
    newsclean()
        .arg("--jsonl")
        .write_stdin(input)
        .assert()
        .success()
        .stdout(expected)
        .stderr("");
}

#[test]
fn clean_records_come_out_unchanged_escapes_included() {
    let input = "{\"text\":\"Caf\\u00e9 \\\"quoted\\\" \\/ slash.\",\"k\":-0.0}\n";
    newsclean()
        .arg("--jsonl")
        .write_stdin(input)
        .assert()
        .success()
        .stdout(input);
}

#[test]
fn another_field_can_hold_the_text() {
    let input = "{\"text\":\"a\\n\\n\\nb\",\"body\":\"c\\n\\n\\nd\"}\n";
    newsclean()
        .args(["--jsonl", "--field", "body"])
        .write_stdin(input)
        .assert()
        .success()
        .stdout("{\"text\":\"a\\n\\n\\nb\",\"body\":\"c\\n\\nd\"}\n");
}

#[test]
fn malformed_lines_are_reported_with_their_number_and_kept() {
    let input = format!(
        "{}\nnot json at all\n{{\"text\": 5}}\n\n{}\n",
        untidy_record(1),
        untidy_record(2)
    );
    let expected = format!(
        "{}\nnot json at all\n{{\"text\": 5}}\n\n{}\n",
        tidy_record(1),
        tidy_record(2)
    );
    newsclean()
        .arg("--jsonl")
        .write_stdin(input.clone())
        .assert()
        .success()
        .stdout(expected)
        .stderr(predicate::str::contains(
            "newsclean: <stdin>: line 2: malformed JSON",
        ))
        .stderr(predicate::str::contains(
            "newsclean: <stdin>: line 3: field \"text\" is not a string (passed through unchanged)",
        ));

    newsclean()
        .args(["--jsonl", "--strict"])
        .write_stdin(input)
        .assert()
        .code(2)
        .stdout(format!("{}\n", tidy_record(1)))
        .stderr(predicate::str::starts_with(
            "newsclean: <stdin>: line 2: malformed JSON",
        ));
}

#[test]
fn a_text_with_an_unpaired_surrogate_escape_is_named_as_such_and_kept() {
    let input = concat!(
        "{\"text\":\"\\ud800 x\"}\n",
        "{\"text\":\"ok \\ud83d\\ude00 then \\\\ud800 \\udc00 lone\"}\n",
        "{\"text\":\"pair \\ud83d\\ude00 only\"}\n",
    );
    let expected = input;
    newsclean()
        .arg("--jsonl")
        .write_stdin(input)
        .assert()
        .success()
        .stdout(expected)
        .stderr(predicate::str::contains(
            "newsclean: <stdin>: line 1: field \"text\" is not valid Unicode: it holds the unpaired surrogate escape \\ud800 (passed through unchanged)",
        ))
        .stderr(predicate::str::contains(
            "line 2: field \"text\" is not valid Unicode: it holds the unpaired surrogate escape \\udc00 (passed through unchanged)",
        ))
        .stderr(predicate::str::contains("line 3").not())
        .stderr(predicate::str::contains("not a string").not());
}

#[test]
fn annotate_adds_the_changes_and_versions() {
    let assert = newsclean()
        .args(["--jsonl", "--annotate"])
        .write_stdin(format!("{}\n", untidy_record(3)))
        .assert()
        .success();
    let line = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(line.starts_with(&tidy_record(3)[..tidy_record(3).len() - 1]));
    let record: serde_json::Value = serde_json::from_str(&line).unwrap();
    let annotation = &record["newsclean"];
    assert_eq!(annotation["encoding"], "UTF-8");
    assert_eq!(annotation["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(annotation["rules_version"], newsclean::RULES_VERSION);
    assert!(annotation["changes"].is_array());
}

#[test]
fn the_last_line_may_lack_its_line_break() {
    newsclean()
        .arg("--jsonl")
        .write_stdin(untidy_record(9))
        .assert()
        .success()
        .stdout(tidy_record(9));
}

#[test]
fn files_are_read_in_order_and_reported_by_name() {
    let folder = tempfile::tempdir().unwrap();
    let first = folder.path().join("one.jsonl");
    let second = folder.path().join("two.jsonl");
    fs::write(&first, format!("{}\n", untidy_record(1))).unwrap();
    fs::write(&second, format!("{}\nbroken\n", untidy_record(2))).unwrap();
    newsclean()
        .arg("--jsonl")
        .arg(&first)
        .arg(&second)
        .assert()
        .success()
        .stdout(format!("{}\n{}\nbroken\n", tidy_record(1), tidy_record(2)))
        .stderr(predicate::str::contains(format!(
            "newsclean: {}: line 2: malformed JSON",
            second.display()
        )));
}

/// A generated JSON Lines file of about `kilobytes` kB: varied records,
/// some clean, some untidy, some malformed, some with mojibake.
fn generate(path: &Path, kilobytes: usize) -> Vec<u8> {
    let mut data = String::new();
    let mut id = 0;
    while data.len() < kilobytes * 1_000 {
        id += 1;
        let line = match id % 7 {
            0 => "this line is not JSON".to_string(),
            1 | 2 => untidy_record(id),
            3 => tidy_record(id),
            4 => format!(
                "{{\"id\":{id},\"text\":\"Caf\u{c3}\u{a9} &amp; cr\u{e8}me, {id}.\\n\\n\\nSecond paragraph that repeats a lot of words to be long enough.\\n\\nSecond paragraph that repeats a lot of words to be long enough.\"}}"
            ),
            5 => format!("{{\"id\":{id},\"title\":\"no text here\"}}"),
            _ => format!(
                "{{\"text\":\"{}\",\"id\":{id}}}",
                "Word after word in a long single paragraph. ".repeat(20)
            ),
        };
        data.push_str(&line);
        data.push('\n');
    }
    fs::write(path, &data).unwrap();
    data.into_bytes()
}

#[test]
fn any_split_of_the_input_gives_the_same_output() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("news.jsonl");
    let data = generate(&path, 300);
    let whole = newsclean()
        .args(["--jsonl", "-q"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(whole.status.success());
    assert_eq!(
        whole.stdout.iter().filter(|&&byte| byte == b'\n').count(),
        data.iter().filter(|&&byte| byte == b'\n').count(),
        "one output line per input line"
    );
    // Split at three arbitrary line boundaries, clean each part with a
    // different thread count, and concatenate.
    let lines: Vec<&[u8]> = data.split_inclusive(|&byte| byte == b'\n').collect();
    let cuts = [0, lines.len() / 5, lines.len() / 2, lines.len()];
    let mut joined = Vec::new();
    for (part, window) in cuts.windows(2).enumerate() {
        let chunk: Vec<u8> = lines[window[0]..window[1]].concat();
        let output = newsclean()
            .args(["--jsonl", "-q", "-j", &(part + 1).to_string()])
            .write_stdin(chunk)
            .output()
            .unwrap();
        assert!(output.status.success());
        joined.extend_from_slice(&output.stdout);
    }
    assert_eq!(joined, whole.stdout);
}

#[test]
fn gnu_parallel_pipe_equals_a_single_process() {
    let is_gnu_parallel = std::process::Command::new("parallel")
        .arg("--version")
        .output()
        .is_ok_and(|output| String::from_utf8_lossy(&output.stdout).contains("GNU parallel"));
    if !is_gnu_parallel {
        println!("skipped: GNU parallel is not installed (Debian package `parallel`)");
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("news.jsonl");
    generate(&path, 2_000);
    let binary = assert_cmd::cargo::cargo_bin("newsclean");
    let single = std::process::Command::new(&binary)
        .args(["--jsonl", "-q"])
        .stdin(fs::File::open(&path).unwrap())
        .output()
        .unwrap();
    assert!(single.status.success());
    let distributed = std::process::Command::new("parallel")
        .args(["--will-cite", "--pipe", "-k", "--block", "250k"])
        .arg(format!("{} --jsonl -q", binary.display()))
        .stdin(fs::File::open(&path).unwrap())
        .output()
        .unwrap();
    assert!(
        distributed.status.success(),
        "{}",
        String::from_utf8_lossy(&distributed.stderr)
    );
    assert!(
        fs::metadata(&path).unwrap().len() > 1_900_000,
        "multi-MB input"
    );
    assert!(!single.stdout.is_empty());
    assert!(distributed.stdout == single.stdout, "outputs differ");
}

#[test]
fn a_failed_last_flush_of_stdout_is_an_error_as_in_plain_mode() {
    let Ok(full) = fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: no /dev/full on this system");
        return;
    };
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("news.jsonl");
    fs::write(&input, format!("{}\n", untidy_record(1))).unwrap();
    let message = "newsclean: <stdout>: writing: No space left on device (os error 28)\n";
    let to_full = || {
        let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsclean"));
        command.stdout(full.try_clone().unwrap());
        command
    };
    // From a file, and streamed from stdin.
    to_full()
        .arg("--jsonl")
        .arg(&input)
        .assert()
        .code(2)
        .stderr(message);
    to_full()
        .arg("--jsonl")
        .stdin(fs::File::open(&input).unwrap())
        .assert()
        .code(2)
        .stderr(message);
    // Plain mode says the same.
    to_full()
        .stdin(fs::File::open(&input).unwrap())
        .assert()
        .code(2)
        .stderr(message);
}

#[test]
fn a_byte_order_mark_opening_the_input_is_skipped() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("bom.jsonl");
    let bom_input = b"\xEF\xBB\xBF{\"text\":\"A &amp; B.\"}\n{\"text\":\"C.\"}\n";
    let cleaned = "{\"text\":\"A & B.\"}\n{\"text\":\"C.\"}\n";
    fs::write(&input, bom_input).unwrap();
    // A file, a stream, and a file cleaned in place.
    newsclean()
        .arg("--jsonl")
        .arg(&input)
        .assert()
        .success()
        .stdout(cleaned)
        .stderr("");
    newsclean()
        .arg("--jsonl")
        .write_stdin(&bom_input[..])
        .assert()
        .success()
        .stdout(cleaned)
        .stderr("");
    newsclean()
        .args(["--jsonl", "-i"])
        .arg(&input)
        .assert()
        .success()
        .stderr("");
    assert_eq!(fs::read_to_string(&input).unwrap(), cleaned);
    // A lone mark is an empty input.
    newsclean()
        .arg("--jsonl")
        .write_stdin(&b"\xEF\xBB\xBF"[..])
        .assert()
        .success()
        .stdout("")
        .stderr("newsclean: <stdin>: empty input (only a byte-order mark); no records\n");
}

#[test]
fn an_empty_input_is_named_in_a_warning() {
    let warning = "newsclean: <stdin>: empty input (0 bytes); no records\n";
    newsclean()
        .arg("--jsonl")
        .write_stdin("")
        .assert()
        .success()
        .stdout("")
        .stderr(warning);
    // Stdin that is an empty file, a file named, and one cleaned in place.
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("empty.jsonl");
    fs::write(&input, "").unwrap();
    newsclean()
        .arg("--jsonl")
        .pipe_stdin(&input)
        .unwrap()
        .assert()
        .success()
        .stdout("")
        .stderr(warning);
    let file_warning = format!(
        "newsclean: {}: empty input (0 bytes); no records\n",
        input.display()
    );
    newsclean()
        .arg("--jsonl")
        .arg(&input)
        .assert()
        .success()
        .stdout("")
        .stderr(file_warning.clone());
    newsclean()
        .args(["--jsonl", "-i"])
        .arg(&input)
        .assert()
        .success()
        .stdout("")
        .stderr(file_warning);
    assert_eq!(fs::read(&input).unwrap(), b"");
    newsclean()
        .args(["--jsonl", "-q"])
        .write_stdin("")
        .assert()
        .success()
        .stdout("")
        .stderr("");
    // Blank lines in a stream are lines, passed through in silence.
    newsclean()
        .arg("--jsonl")
        .write_stdin("\n\n")
        .assert()
        .success()
        .stdout("\n\n")
        .stderr("");
}

#[test]
fn binary_input_is_refused_as_in_plain_mode_not_passed_through() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("bin.jsonl");
    fs::write(&input, b"x\x00y\n{\"text\":\"A &amp; B.\"}\n").unwrap();
    let message = format!(
        "newsclean: {}: decoding: binary file (NUL byte at offset 1), not an article\n",
        input.display()
    );
    newsclean()
        .arg("--jsonl")
        .arg(&input)
        .assert()
        .code(2)
        .stdout("")
        .stderr(message.clone());
    // From stdin, whether a file or a pipe.
    newsclean()
        .arg("--jsonl")
        .pipe_stdin(&input)
        .unwrap()
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "newsclean: <stdin>: decoding: binary file (NUL byte at offset 1), not an article\n",
        );
    newsclean()
        .arg("--jsonl")
        .write_stdin(&b"\xFF\xFE{\0\"\0"[..])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "binary file (NUL byte at offset 3)",
        ));
    // In a batch, written in memory, it is skipped, as plain mode skips a
    // binary file found in a folder, and left untouched.
    newsclean()
        .args(["--jsonl", "-i"])
        .arg(folder.path())
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "newsclean: {}: skipped: binary file (NUL byte at offset 1)",
            input.display()
        )));
    assert_eq!(
        fs::read(&input).unwrap(),
        b"x\x00y\n{\"text\":\"A &amp; B.\"}\n"
    );
    // A malformed line still passes through, reported.
    newsclean()
        .arg("--jsonl")
        .write_stdin("not json\n{\"text\":\"A &amp; B.\"}\n")
        .assert()
        .success()
        .stdout("not json\n{\"text\":\"A & B.\"}\n")
        .stderr(predicate::str::contains("line 1: malformed JSON"));
}

#[test]
fn an_empty_field_name_is_a_usage_error() {
    newsclean()
        .args(["--jsonl", "--field", ""])
        .write_stdin("{\"\":\"A &amp; B.\"}\n")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--field"));
}
