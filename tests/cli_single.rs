//! End-to-end tests of the one-document modes of the real binary: stdin to
//! stdout, one file to stdout, `-o`, refusals and their messages, exit
//! codes, `--explain`, `--version`, `--help`, `--generate` and a closed
//! stdout. Each test works in its own temporary folder.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::io::Read;
use std::process::Stdio;

/// Collapsing the extra blank lines is the join stage's job, so this
/// input changes whatever the repairs and filters do.
const UNTIDY: &str = "First paragraph of the story.\n\n\n\nSecond paragraph of the story.\n";
const TIDY: &str = "First paragraph of the story.\n\nSecond paragraph of the story.\n";

fn newsclean() -> Command {
    Command::cargo_bin("newsclean").expect("the binary builds")
}

#[test]
fn stdin_goes_to_stdout() {
    newsclean()
        .write_stdin(UNTIDY)
        .assert()
        .success()
        .stdout(TIDY)
        .stderr("");
    newsclean()
        .arg("-")
        .write_stdin(UNTIDY)
        .assert()
        .success()
        .stdout(TIDY);
}

#[test]
fn clean_text_passes_through_byte_for_byte() {
    newsclean()
        .write_stdin(TIDY)
        .assert()
        .success()
        .stdout(TIDY);
}

#[test]
fn one_file_goes_to_stdout_and_is_left_alone() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("article.txt");
    fs::write(&input, UNTIDY).unwrap();
    newsclean().arg(&input).assert().success().stdout(TIDY);
    assert_eq!(fs::read_to_string(&input).unwrap(), UNTIDY);
}

#[test]
fn dash_o_writes_a_file_and_refuses_to_replace_one_without_force() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("article.txt");
    let output = folder.path().join("clean.txt");
    fs::write(&input, UNTIDY).unwrap();
    newsclean()
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .assert()
        .success()
        .stdout("");
    assert_eq!(fs::read_to_string(&output).unwrap(), TIDY);

    fs::write(&output, "keep me").unwrap();
    newsclean()
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists (use --force"));
    assert_eq!(fs::read_to_string(&output).unwrap(), "keep me");

    newsclean()
        .arg(&input)
        .args(["--force", "-o"])
        .arg(&output)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(&output).unwrap(), TIDY);
    let names: Vec<_> = fs::read_dir(folder.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "no temporary file left: {names:?}");
}

#[test]
fn an_output_onto_its_own_input_is_refused_and_nothing_is_written() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("od.txt");
    fs::write(&input, UNTIDY).unwrap();
    let message = "od.txt: writing: the output file is the input file itself; nothing written";
    // --out-dir mirroring a file onto itself, with and without --force.
    for force in [true, false] {
        let mut command = newsclean();
        command
            .current_dir(folder.path())
            .args(["od.txt", "--out-dir", "."]);
        if force {
            command.arg("-f");
        }
        command
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(format!("newsclean: ./{message}")));
        assert_eq!(fs::read_to_string(&input).unwrap(), UNTIDY);
    }
    // -o naming the input under another spelling.
    let mut command = newsclean();
    command
        .arg(&input)
        .arg("-f")
        .arg("-o")
        .arg(folder.path().join(".").join("od.txt"));
    command
        .assert()
        .code(2)
        .stderr(predicate::str::contains(message));
    assert_eq!(fs::read_to_string(&input).unwrap(), UNTIDY);
    let names: Vec<_> = fs::read_dir(folder.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "nothing written: {names:?}");
}

#[test]
fn stdin_can_go_to_a_named_file() {
    let folder = tempfile::tempdir().unwrap();
    let output = folder.path().join("clean.txt");
    newsclean()
        .arg("-o")
        .arg(&output)
        .write_stdin(UNTIDY)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(&output).unwrap(), TIDY);
}

#[test]
fn binary_input_is_refused_in_one_line_and_nothing_is_written() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("photo.jpg");
    let output = folder.path().join("out.txt");
    fs::write(&input, b"\xFF\xD8\xFF\xE0\0\x10JFIF\0").unwrap();
    let assert = newsclean()
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .assert()
        .code(2)
        .stdout("");
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with(&format!("newsclean: {}: ", input.display())));
    assert!(stderr.contains("binary"));
    assert!(!output.exists());

    newsclean()
        .write_stdin(&b"PK\x03\x04\0\0\0"[..])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with("newsclean: <stdin>: "));
}

#[test]
fn an_empty_file_is_cleaned_as_before_but_with_a_warning() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("empty.txt");
    fs::write(&input, "").unwrap();
    let warning = format!(
        "newsclean: {}: empty input (0 bytes); nothing to clean\n",
        input.display()
    );
    // To stdout, and with nothing that would change.
    for flags in [&[][..], &["--check"], &["--diff"]] {
        newsclean()
            .args(flags)
            .arg(&input)
            .assert()
            .success()
            .stdout("")
            .stderr(warning.clone());
    }
    // Written to a file, the output is the empty file it always was.
    let output = folder.path().join("out.txt");
    newsclean()
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .assert()
        .success()
        .stdout("")
        .stderr(warning.clone());
    assert_eq!(fs::read(&output).unwrap(), b"");
    // Nothing is rewritten in place.
    let before = fs::metadata(&input).unwrap();
    newsclean()
        .arg("-i")
        .arg(&input)
        .assert()
        .success()
        .stdout("")
        .stderr(warning);
    let after = fs::metadata(&input).unwrap();
    assert_eq!(after.len(), 0);
    assert_eq!(after.modified().unwrap(), before.modified().unwrap());
    // A warning, so -q silences it.
    newsclean()
        .arg("-q")
        .arg(&input)
        .assert()
        .success()
        .stdout("")
        .stderr("");
}

#[test]
fn empty_stdin_is_named_in_its_warning() {
    for arguments in [&[][..], &["-"]] {
        newsclean()
            .args(arguments)
            .write_stdin("")
            .assert()
            .success()
            .stdout("")
            .stderr("newsclean: <stdin>: empty input (0 bytes); nothing to clean\n");
    }
}

#[test]
fn an_input_of_only_a_byte_order_mark_is_empty() {
    newsclean()
        .write_stdin(&b"\xEF\xBB\xBF"[..])
        .assert()
        .success()
        .stdout("")
        .stderr("newsclean: <stdin>: empty input (only a byte-order mark); nothing to clean\n");
    // Any byte-order mark, as decoding takes any.
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("utf16.txt");
    fs::write(&input, b"\xFF\xFE").unwrap();
    newsclean()
        .arg(&input)
        .assert()
        .success()
        .stdout("")
        .stderr(format!(
            "newsclean: {}: empty input (only a byte-order mark); nothing to clean\n",
            input.display()
        ));
    // A mark with text after it is an ordinary input.
    newsclean()
        .write_stdin(&b"\xEF\xBB\xBFText.\n"[..])
        .assert()
        .success()
        .stdout("Text.\n")
        .stderr("");
}

#[test]
fn blank_space_is_not_an_empty_input() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("blank.txt");
    fs::write(&input, " \n\n\t\n").unwrap();
    newsclean()
        .arg(&input)
        .assert()
        .success()
        .stdout("")
        .stderr("");
    newsclean()
        .write_stdin("\n")
        .assert()
        .success()
        .stdout("")
        .stderr("");
}

#[test]
fn a_missing_file_is_named_with_what_failed_and_why() {
    let folder = tempfile::tempdir().unwrap();
    let missing = folder.path().join("missing.txt");
    newsclean()
        .arg(&missing)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "newsclean: {}: reading: No such file or directory (os error 2)\n",
            missing.display()
        ));
}

#[test]
fn usage_errors_exit_2() {
    newsclean().arg("--no-such-flag").assert().code(2);
    newsclean()
        .args(["--keep", "not-a-category"])
        .write_stdin("x\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not-a-category"));
    newsclean()
        .args(["--encoding", "klingon"])
        .write_stdin("x\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("klingon"));
    newsclean()
        .args(["--in-place"])
        .write_stdin("x\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--in-place"));
}

#[test]
fn several_files_without_an_output_mode_are_a_usage_error() {
    let folder = tempfile::tempdir().unwrap();
    let first = folder.path().join("a.txt");
    let second = folder.path().join("b.txt");
    fs::write(&first, UNTIDY).unwrap();
    fs::write(&second, UNTIDY).unwrap();
    newsclean()
        .arg(&first)
        .arg(&second)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--out-dir"));
}

#[test]
fn a_forced_encoding_decodes_legacy_bytes() {
    newsclean()
        .args(["-E", "windows-1252"])
        .write_stdin(&b"Caf\xe9 au lait.\n"[..])
        .assert()
        .success()
        .stdout("Café au lait.\n");
}

#[test]
fn explain_names_the_detected_encoding_and_its_confidence() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("russian.txt");
    let (bytes, _, _) = encoding_rs::WINDOWS_1251
        .encode("Президент России заявил, что переговоры продолжатся на следующей неделе.\n");
    fs::write(&input, bytes).unwrap();
    newsclean()
        .arg("--explain")
        .arg(&input)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Президент"))
        .stderr(predicate::str::contains(format!(
            "{}: encoding windows-1251 (detected, ",
            input.display()
        )));

    let assert = newsclean()
        .arg("--explain=json")
        .arg(&input)
        .assert()
        .success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    let report: serde_json::Value = serde_json::from_str(stderr.trim_end()).unwrap();
    assert_eq!(report["encoding"]["name"], "windows-1251");
    assert_eq!(report["encoding"]["source"]["kind"], "detected");
    assert!(report["changes"].is_array());
}

#[test]
fn explain_lists_each_change_with_its_reason_id() {
    let assert = newsclean()
        .arg("--explain")
        .write_stdin("Caf&eacute; &amp; bar in S&atilde;o Paulo, cafÃ© au lait.\n")
        .assert()
        .success()
        .stdout("Café & bar in São Paulo, café au lait.\n");
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("<stdin>: repair mojibake.windows-1252 @"),
        "{stderr}"
    );
    assert!(stderr.contains("\"&amp;\" -> \"&\""), "{stderr}");
    let changes: Vec<&str> = stderr
        .lines()
        .filter(|line| line.starts_with("<stdin>: repair ") || line.starts_with("<stdin>: drop "))
        .collect();
    let total = format!("<stdin>: {} change", changes.len());
    assert!(stderr.contains(&total), "{stderr}");
    for change in changes {
        // `repair REASON @POSITION: "before" -> "after"`
        let reason = change.split_whitespace().nth(2).unwrap();
        assert!(reason.contains('.'), "reason id {reason:?} is stage.detail");
    }
}

#[test]
fn version_includes_the_rules_version() {
    newsclean()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")))
        .stdout(predicate::str::contains(format!(
            "rules {}",
            newsclean::RULES_VERSION
        )));
}

#[test]
fn help_shows_examples_and_exit_codes() {
    newsclean()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("--jsonl"))
        .stdout(predicate::str::contains("Exit codes"));
}

#[test]
fn generate_writes_a_man_page_and_completions() {
    newsclean()
        .args(["--generate", "man"])
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH newsclean"));
    for (shell, marker) in [
        ("complete-bash", "complete -F"),
        ("complete-zsh", "#compdef newsclean"),
        ("complete-fish", "complete -c newsclean"),
    ] {
        newsclean()
            .args(["--generate", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains(marker))
            .stdout(predicate::str::contains("in-place"));
    }
}

#[test]
fn list_rules_prints_to_stdout_and_exits_0() {
    newsclean()
        .arg("--list-rules")
        .assert()
        .success()
        .stderr("");
}

#[test]
fn an_unreadable_rules_file_is_refused_by_name() {
    let folder = tempfile::tempdir().unwrap();
    let rules = folder.path().join("missing.rules");
    newsclean()
        .arg("--rules")
        .arg(&rules)
        .write_stdin(TIDY)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(format!(
            "newsclean: {}: reading the rules: ",
            rules.display()
        )));
}

#[test]
fn a_bad_rules_file_is_refused_with_its_line_number_in_one_line() {
    let folder = tempfile::tempdir().unwrap();
    let rules = folder.path().join("bad.rules");
    fs::write(
        &rules,
        "# my rules\nmine.ok\tshare\t*\tblock\tshare this\nmine.bad\tshare\t*\tblock\t(unclosed\n",
    )
    .unwrap();
    let assert = newsclean()
        .arg("--rules")
        .arg(&rules)
        .write_stdin(TIDY)
        .assert()
        .code(2)
        .stdout("");
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.starts_with(&format!(
            "newsclean: {}: reading the rules: line 3: ",
            rules.display()
        )),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn a_user_rule_drops_its_block_unless_its_category_is_kept() {
    let folder = tempfile::tempdir().unwrap();
    let rules = folder.path().join("mine.rules");
    fs::write(
        &rules,
        "mine.mug\tadvertisement\t*\tblock\tbuy our mug today!?\n",
    )
    .unwrap();
    let article = "First paragraph of the story is long enough to be one.\n\nBuy our mug today!\n\nSecond paragraph of the story goes on for a while.\n";
    newsclean()
        .arg("--rules")
        .arg(&rules)
        .arg("--explain")
        .write_stdin(article)
        .assert()
        .success()
        .stdout(predicate::str::contains("mug").not())
        .stderr(predicate::str::contains("boilerplate.advertisement"));
    newsclean()
        .arg("--rules")
        .arg(&rules)
        .args(["--keep", "advertisement"])
        .write_stdin(article)
        .assert()
        .success()
        .stdout(article);
    newsclean()
        .arg("--rules")
        .arg(&rules)
        .arg("--list-rules")
        .assert()
        .success()
        .stdout(predicate::str::contains("mine.mug"));
}

#[test]
fn a_closed_stdout_ends_quietly_with_0() {
    let paragraph = "A paragraph long enough to be a real one in a news story.\n\n\n";
    let big: String = (0..40_000)
        .map(|index| format!("{index} {paragraph}"))
        .collect();
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("big.txt");
    fs::write(&input, &big).unwrap();
    for extra in [&[][..], &["--jsonl"][..]] {
        let input = if extra.is_empty() {
            input.clone()
        } else {
            let jsonl = folder.path().join("big.jsonl");
            let line = serde_json::to_string(&serde_json::json!({ "text": paragraph })).unwrap();
            fs::write(&jsonl, format!("{line}\n").repeat(40_000)).unwrap();
            jsonl
        };
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsclean"))
            .args(extra)
            .arg(&input)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 64];
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "{extra:?}: {stderr}");
        assert_eq!(stderr, "", "{extra:?}");
    }
}

#[test]
fn a_signal_while_streaming_stdin_exits_130() {
    use std::io::{BufRead, Write};
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsclean"))
        .arg("--jsonl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    // One record in, one record out: the handler is installed and the
    // process now waits for more input.
    stdin.write_all(b"{\"text\": \"One.\"}\n").unwrap();
    stdin.flush().unwrap();
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert_eq!(line, "{\"text\": \"One.\"}\n");
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    drop(stdin);
}

/// Runs `newsclean ARGS` while `cat` reads the named pipe `fifo`; returns
/// whether newsclean succeeded and what came through the pipe. A run that
/// never opens the pipe leaves `cat` waiting, so it is stopped then.
fn through_a_fifo(fifo: &std::path::Path, args: &[&std::ffi::OsStr]) -> (bool, String) {
    let reader = std::process::Command::new("cat")
        .arg(fifo)
        .stdout(Stdio::piped())
        .spawn()
        .expect("cat runs");
    let succeeded = newsclean()
        .args(args)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .expect("newsclean runs")
        .status
        .success();
    let still_a_fifo = fs::symlink_metadata(fifo)
        .is_ok_and(|metadata| std::os::unix::fs::FileTypeExt::is_fifo(&metadata.file_type()));
    let mut reader = reader;
    if !(succeeded && still_a_fifo) {
        reader.kill().expect("cat stops");
    }
    let read = reader.wait_with_output().expect("cat ends");
    (
        succeeded && still_a_fifo,
        String::from_utf8_lossy(&read.stdout).into_owned(),
    )
}

#[test]
fn an_output_that_is_a_pipe_or_a_device_is_written_into_never_replaced() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("article.txt");
    fs::write(&input, UNTIDY).unwrap();
    let fifo = folder.path().join("pipe");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    for force in [None, Some("-f")] {
        let mut args = vec![input.as_os_str(), "-o".as_ref(), fifo.as_os_str()];
        args.extend(force.map(std::ffi::OsStr::new));
        let (kept, read) = through_a_fifo(&fifo, &args);
        assert!(
            kept,
            "the pipe is written into and stays a pipe ({force:?})"
        );
        assert_eq!(read, TIDY);
    }
    // --out-dir mirroring a file onto a pipe writes into it as well.
    let mirror = folder.path().join("mirror");
    fs::create_dir(&mirror).unwrap();
    let mirrored = mirror.join("article.txt");
    assert!(std::process::Command::new("mkfifo")
        .arg(&mirrored)
        .status()
        .unwrap()
        .success());
    // An absolute input path is mirrored under its file name.
    let args = [
        input.as_os_str(),
        "--out-dir".as_ref(),
        mirror.as_os_str(),
        "-f".as_ref(),
    ];
    let (kept, read) = through_a_fifo(&mirrored, &args);
    assert!(kept, "--out-dir writes into the pipe and it stays a pipe");
    assert_eq!(read, TIDY);

    // A character device needs no --force: nothing is replaced.
    newsclean()
        .arg(&input)
        .args(["-o", "/dev/null"])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let null = fs::symlink_metadata("/dev/null").unwrap();
    assert!(std::os::unix::fs::FileTypeExt::is_char_device(
        &null.file_type()
    ));
}

#[test]
fn an_output_that_is_a_folder_or_a_socket_is_refused_in_one_line() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("article.txt");
    fs::write(&input, UNTIDY).unwrap();
    let socket_path = folder.path().join("socket");
    let _listener = std::os::unix::net::UnixListener::bind(&socket_path).unwrap();
    let directory = folder.path().join("directory");
    fs::create_dir(&directory).unwrap();
    for (target, reason) in [
        (&socket_path, "is a socket"),
        (&directory, "is a directory"),
    ] {
        for force in [false, true] {
            let mut command = newsclean();
            command.arg(&input).arg("-o").arg(target);
            if force {
                command.arg("-f");
            }
            let assert = command.assert().code(2).stdout("");
            let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
            assert_eq!(
                stderr,
                format!(
                    "newsclean: {}: writing: {reason}, not a regular file; nothing written\n",
                    target.display()
                )
            );
        }
    }
    let socket = fs::symlink_metadata(&socket_path).unwrap();
    assert!(std::os::unix::fs::FileTypeExt::is_socket(
        &socket.file_type()
    ));
    assert!(directory.is_dir());
    assert_eq!(fs::read_dir(&directory).unwrap().count(), 0);
}

#[test]
fn dash_o_dash_is_stdout() {
    let folder = tempfile::tempdir().unwrap();
    fs::write(folder.path().join("article.txt"), UNTIDY).unwrap();
    newsclean()
        .current_dir(folder.path())
        .args(["article.txt", "-o", "-"])
        .assert()
        .success()
        .stdout(TIDY)
        .stderr("");
    assert!(!folder.path().join("-").exists(), "no file named `-`");
}

#[test]
fn named_utf16_without_a_byte_order_mark_is_decoded() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("utf16.txt");
    let little: Vec<u8> = "Café au lait.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    fs::write(&input, little).unwrap();
    newsclean()
        .args(["-E", "utf-16le"])
        .arg(&input)
        .assert()
        .success()
        .stdout("Café au lait.\n")
        .stderr("");
    // Without the label, NUL bytes still mean binary.
    newsclean()
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("binary"));
}

#[test]
fn an_encoding_named_for_json_lines_is_a_usage_error() {
    newsclean()
        .args(["--jsonl", "-E", "latin1"])
        .write_stdin("{\"text\":\"x\"}\n")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--jsonl"));
}

/// README's account of layout: a text without blank lines is one
/// paragraph per line, and paragraphs are written with a blank line
/// between them.
#[test]
fn one_line_per_paragraph_gets_a_blank_line_between_paragraphs() {
    newsclean()
        .write_stdin("Line one.\nLine two.\n")
        .assert()
        .success()
        .stdout("Line one.\n\nLine two.\n");
    newsclean()
        .write_stdin("Line one.\nstill one.\n\nTwo.\n")
        .assert()
        .success()
        .stdout("Line one.\nstill one.\n\nTwo.\n");
}

#[test]
fn dash_o_dev_stdout_writes_to_stdout_even_when_it_is_a_file() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("article.txt");
    let redirected = folder.path().join("redirected.txt");
    fs::write(&input, UNTIDY).unwrap();
    fs::write(&redirected, "").unwrap();
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsclean"))
        .arg(&input)
        .args(["-o", "/dev/stdout"])
        .stdout(fs::File::create(&redirected).unwrap())
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(fs::read_to_string(&redirected).unwrap(), TIDY);
    assert!(fs::symlink_metadata("/dev/stdout")
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn a_failed_write_names_the_output_not_a_temporary_file() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("article.txt");
    fs::write(&input, UNTIDY).unwrap();
    let output = folder.path().join("no-such-folder/x/out.txt");
    newsclean()
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .assert()
        .code(2)
        .stderr(format!(
            "newsclean: {}: writing: No such file or directory (os error 2)\n",
            output.display()
        ));
}

/// Waits up to `seconds` for `child` to exit; kills it and returns `None`
/// when it does not.
fn exit_within(child: &mut std::process::Child, seconds: u64) -> Option<i32> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    while std::time::Instant::now() < deadline {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

#[test]
fn binary_input_is_refused_from_its_start_without_reading_the_rest() {
    // Stdin stays open after the first kilobytes, as a huge file would go
    // on: only a program that judges the start alone can answer.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsclean"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut start = b"PK\x03\x04\0\0".to_vec();
    start.resize(64 << 10, b'x');
    std::io::Write::write_all(&mut stdin, &start).unwrap();
    let code = exit_within(&mut child, 20);
    drop(stdin);
    assert_eq!(code, Some(2), "refused before the input ended");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(
        stderr,
        "newsclean: <stdin>: decoding: binary file (NUL byte at offset 4), not an article\n"
    );

    // A sparse file of a gigabyte is refused with the same one line.
    let folder = tempfile::tempdir().unwrap();
    let sparse = folder.path().join("sparse.bin");
    fs::File::create(&sparse).unwrap().set_len(1 << 30).unwrap();
    newsclean()
        .arg(&sparse)
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "newsclean: {}: decoding: binary file (NUL byte at offset 0), not an article\n",
            sparse.display()
        ));
}

#[test]
fn a_thread_count_beyond_the_limit_is_a_usage_error_naming_it() {
    newsclean()
        .args(["-j", "256"])
        .write_stdin(UNTIDY)
        .assert()
        .success()
        .stdout(TIDY);
    for count in ["257", "65535"] {
        newsclean()
            .args(["-j", count])
            .write_stdin(UNTIDY)
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("1..=256"));
    }
}
