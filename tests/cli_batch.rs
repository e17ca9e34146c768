//! End-to-end tests of the batch modes of the real binary: folders walked,
//! `--out-dir`, `--in-place` (with and without backups), `--check`,
//! `--diff`, `-j`, skipped and failed files, non-UTF-8 file names, and a
//! batch stopped by a signal. Each test works in its own temporary folder.

use assert_cmd::Command;
use predicates::prelude::*;
use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, SystemTime};

const UNTIDY: &str = "First paragraph of the story.\n\n\n\nSecond paragraph of the story.\n";
const TIDY: &str = "First paragraph of the story.\n\nSecond paragraph of the story.\n";

fn newsclean() -> Command {
    Command::cargo_bin("newsclean").expect("the binary builds")
}

fn write(path: &Path, contents: impl AsRef<[u8]>) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, contents).unwrap();
}

/// A small tree: two files that change, one clean, one in a subfolder.
fn article_tree(root: &Path) {
    write(&root.join("a.txt"), UNTIDY);
    write(&root.join("clean.txt"), TIDY);
    write(&root.join("world/b.txt"), UNTIDY);
}

/// Every file under `root`, relative, sorted.
fn files_under(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                found.push(path.strip_prefix(root).unwrap().to_path_buf());
            }
        }
    }
    found.sort();
    found
}

fn no_temporary_files(root: &Path) {
    let leftovers: Vec<_> = files_under(root)
        .into_iter()
        .filter(|path| {
            path.file_name()
                .is_some_and(|name| name.as_bytes().starts_with(b".newsclean-"))
        })
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn out_dir_mirrors_relative_paths() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("in");
    let output = folder.path().join("out");
    article_tree(&input);
    newsclean()
        .arg(&input)
        .arg("--out-dir")
        .arg(&output)
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains(
            "3 files, 2 changed, 0 skipped, 0 failed",
        ));
    assert_eq!(
        files_under(&output),
        vec![
            PathBuf::from("a.txt"),
            PathBuf::from("clean.txt"),
            PathBuf::from("world/b.txt")
        ]
    );
    assert_eq!(
        fs::read_to_string(output.join("world/b.txt")).unwrap(),
        TIDY
    );
    assert_eq!(fs::read_to_string(input.join("a.txt")).unwrap(), UNTIDY);
    no_temporary_files(folder.path());
}

#[test]
fn an_out_dir_inside_the_input_tree_is_not_walked() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path();
    article_tree(input);
    let output = input.join("cleaned");
    for _ in 0..2 {
        newsclean()
            .arg(input)
            .arg("--out-dir")
            .arg(&output)
            .arg("--force")
            .assert()
            .success();
    }
    assert_eq!(files_under(&output).len(), 3, "{:?}", files_under(&output));
    assert!(!output.join("cleaned").exists());
}

#[test]
fn the_input_folder_cannot_be_the_out_dir() {
    let folder = tempfile::tempdir().unwrap();
    article_tree(folder.path());
    newsclean()
        .arg(folder.path())
        .arg("--out-dir")
        .arg(folder.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--in-place"));
    assert_eq!(
        fs::read_to_string(folder.path().join("a.txt")).unwrap(),
        UNTIDY
    );
}

#[test]
fn out_dir_refuses_to_replace_existing_files_without_force() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("in");
    let output = folder.path().join("out");
    article_tree(&input);
    write(&output.join("a.txt"), "precious");
    newsclean()
        .arg(&input)
        .arg("--out-dir")
        .arg(&output)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "a.txt: writing: the file already exists",
        ));
    assert_eq!(
        fs::read_to_string(output.join("a.txt")).unwrap(),
        "precious"
    );
    // The rest of the batch went on.
    assert_eq!(
        fs::read_to_string(output.join("world/b.txt")).unwrap(),
        TIDY
    );
}

#[test]
fn in_place_rewrites_only_changed_files_and_keeps_permissions_and_mtimes() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    article_tree(root);
    fs::set_permissions(root.join("a.txt"), fs::Permissions::from_mode(0o640)).unwrap();
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    let clean = fs::File::options()
        .write(true)
        .open(root.join("clean.txt"))
        .unwrap();
    clean.set_modified(old).unwrap();
    drop(clean);
    let clean_inode = fs::metadata(root.join("clean.txt")).unwrap().ino();

    newsclean()
        .arg("-i")
        .arg(root)
        .assert()
        .success()
        .stdout("");

    assert_eq!(fs::read_to_string(root.join("a.txt")).unwrap(), TIDY);
    assert_eq!(fs::read_to_string(root.join("world/b.txt")).unwrap(), TIDY);
    let mode = fs::metadata(root.join("a.txt"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o640);
    let clean = fs::metadata(root.join("clean.txt")).unwrap();
    assert_eq!(
        clean.modified().unwrap(),
        old,
        "unchanged file not rewritten"
    );
    assert_eq!(clean.ino(), clean_inode);
    assert_eq!(files_under(root).len(), 3, "no backups, no temporary files");
}

#[test]
fn in_place_gives_the_path_a_new_file_and_other_hard_links_keep_the_old_text() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("article.txt");
    let other_link = folder.path().join("same-article.txt");
    write(&path, UNTIDY);
    fs::hard_link(&path, &other_link).unwrap();
    let old_inode = fs::metadata(&path).unwrap().ino();
    newsclean()
        .arg("-i")
        .arg(&path)
        .assert()
        .success()
        .stdout("")
        .stderr("");
    assert_eq!(fs::read_to_string(&path).unwrap(), TIDY);
    assert_ne!(fs::metadata(&path).unwrap().ino(), old_inode);
    // The old file lives on under its other name, as it was.
    assert_eq!(fs::read_to_string(&other_link).unwrap(), UNTIDY);
    let other = fs::metadata(&other_link).unwrap();
    assert_eq!(other.ino(), old_inode);
    assert_eq!(other.nlink(), 1);
}

#[test]
fn in_place_with_backup_keeps_the_originals_of_changed_files() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    article_tree(root);
    newsclean()
        .args(["--in-place", "--backup", ".orig"])
        .arg(root)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(root.join("a.txt")).unwrap(), TIDY);
    assert_eq!(fs::read_to_string(root.join("a.txt.orig")).unwrap(), UNTIDY);
    assert_eq!(
        fs::read_to_string(root.join("world/b.txt.orig")).unwrap(),
        UNTIDY
    );
    assert!(!root.join("clean.txt.orig").exists());
}

#[test]
fn in_place_with_backup_leaves_the_backups_of_an_earlier_run_alone() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    article_tree(root);
    newsclean()
        .args(["-i", "--backup", ".orig"])
        .arg(root)
        .assert()
        .success();
    newsclean()
        .args(["-i", "--backup", ".orig"])
        .arg(root)
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "newsclean: {}: skipped: a backup (its name ends with the --backup suffix \".orig\")",
            root.join("a.txt.orig").display()
        )))
        .stderr(predicate::str::contains(
            "5 files, 0 changed, 2 skipped, 0 failed",
        ));
    assert_eq!(fs::read_to_string(root.join("a.txt.orig")).unwrap(), UNTIDY);
    assert_eq!(
        fs::read_to_string(root.join("world/b.txt.orig")).unwrap(),
        UNTIDY
    );
    assert_eq!(
        files_under(root),
        [
            "a.txt",
            "a.txt.orig",
            "clean.txt",
            "world/b.txt",
            "world/b.txt.orig"
        ]
        .map(PathBuf::from)
    );
    // A file named on the command line is cleaned whatever its name.
    newsclean()
        .args(["-i", "--backup", ".orig"])
        .arg(root.join("a.txt.orig"))
        .assert()
        .success();
    assert_eq!(fs::read_to_string(root.join("a.txt.orig")).unwrap(), TIDY);
}

#[test]
fn an_empty_backup_suffix_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    article_tree(folder.path());
    newsclean()
        .args(["-i", "--backup", ""])
        .arg(folder.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--backup needs a non-empty SUFFIX",
        ));
    assert_eq!(
        fs::read_to_string(folder.path().join("a.txt")).unwrap(),
        UNTIDY
    );
}

#[test]
fn check_lists_what_would_change_and_exits_1() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    article_tree(root);
    let assert = newsclean().arg("--check").arg(root).assert().code(1);
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert_eq!(
        stdout,
        format!(
            "{}\n{}\n",
            root.join("a.txt").display(),
            root.join("world/b.txt").display()
        )
    );
    assert_eq!(fs::read_to_string(root.join("a.txt")).unwrap(), UNTIDY);

    newsclean()
        .arg("--check")
        .arg(root.join("clean.txt"))
        .assert()
        .code(0)
        .stdout("");
    newsclean()
        .arg("--check")
        .write_stdin(UNTIDY)
        .assert()
        .code(1);
    newsclean()
        .arg("--check")
        .write_stdin(TIDY)
        .assert()
        .code(0);
}

#[test]
fn diff_prints_a_unified_diff_and_writes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    article_tree(root);
    let a = root.join("a.txt");
    let expected = format!(
        "--- a/{0}\n+++ b/{0}\n@@ -1,5 +1,3 @@\n First paragraph of the story.\n \n-\n-\n Second paragraph of the story.\n",
        a.display()
    );
    newsclean()
        .arg("--diff")
        .arg(&a)
        .assert()
        .success()
        .stdout(expected);
    newsclean()
        .args(["--diff", "--check"])
        .arg(&a)
        .assert()
        .code(1);
    newsclean()
        .args(["--diff", "--color=always"])
        .arg(&a)
        .assert()
        .success()
        .stdout(predicate::str::contains("\x1b[31m-"));
    assert_eq!(fs::read_to_string(&a).unwrap(), UNTIDY);
}

#[test]
fn no_color_wins_over_auto_but_not_over_always() {
    let folder = tempfile::tempdir().unwrap();
    article_tree(folder.path());
    newsclean()
        .env("NO_COLOR", "1")
        .arg("--diff")
        .arg(folder.path().join("a.txt"))
        .assert()
        .stdout(predicate::str::contains("\x1b[").not());
}

/// A tree with enough varied files to spread over several threads, and
/// over more chunks than are cleaned at once (a chunk is 256 files).
fn varied_tree(root: &Path) {
    for index in 0..600 {
        let body = match index % 4 {
            0 => UNTIDY.to_string(),
            1 => TIDY.to_string(),
            2 => format!("Headline {index}\n\n\n\nBody {index} with caf\u{e9} &amp; more.\n"),
            _ => format!("Line {index} without an ending"),
        };
        write(
            &root.join(format!("part{}/file{index:02}.txt", index % 5)),
            body,
        );
    }
    write(
        &root.join("part0/windows.txt"),
        b"Caf\xe9 cr\xe8me br\xfbl\xe9e, tr\xe8s bien.\n",
    );
}

#[test]
fn any_number_of_threads_gives_the_same_bytes() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("in");
    varied_tree(&input);
    let run = |threads: &str, mode: &[&str]| {
        let output = newsclean()
            .args(["-q", "--explain", "-j", threads])
            .args(mode)
            .arg(&input)
            .output()
            .unwrap();
        (output.status.code(), output.stdout, output.stderr)
    };
    let one = run("1", &["--diff"]);
    let four = run("4", &["--diff"]);
    assert!(!one.1.is_empty());
    assert_eq!(one, four);

    for threads in ["1", "4"] {
        let output = folder.path().join(format!("out{threads}"));
        newsclean()
            .args(["-q", "-j", threads, "--out-dir"])
            .arg(&output)
            .arg(&input)
            .assert()
            .success();
    }
    let first = folder.path().join("out1");
    let second = folder.path().join("out4");
    assert_eq!(files_under(&first), files_under(&second));
    for path in files_under(&first) {
        assert_eq!(
            fs::read(first.join(&path)).unwrap(),
            fs::read(second.join(&path)).unwrap()
        );
    }
}

#[test]
fn binary_and_special_files_are_skipped_with_a_warning_naming_them() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path().join("in");
    article_tree(&root);
    write(&root.join("image.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    std::os::unix::fs::symlink(root.join("a.txt"), root.join("link.txt")).unwrap();
    let fifo = root.join("queue");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let output = folder.path().join("out");
    newsclean()
        .arg(&root)
        .arg("--out-dir")
        .arg(&output)
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "newsclean: {}: skipped: binary file",
            root.join("image.png").display()
        )))
        .stderr(predicate::str::contains(format!(
            "newsclean: {}: skipped: symbolic link not followed",
            root.join("link.txt").display()
        )))
        .stderr(predicate::str::contains(format!(
            "newsclean: {}: skipped: not a regular file",
            fifo.display()
        )))
        .stderr(predicate::str::contains(
            "6 files, 2 changed, 3 skipped, 0 failed",
        ));
    assert!(!output.join("image.png").exists());

    let followed = folder.path().join("followed");
    newsclean()
        .args(["-q", "-L", "-g", "*.txt"])
        .arg(&root)
        .arg("--out-dir")
        .arg(&followed)
        .assert()
        .success()
        .stderr("");
    assert_eq!(fs::read_to_string(followed.join("link.txt")).unwrap(), TIDY);
}

#[test]
fn quiet_silences_warnings_and_the_summary_but_not_errors() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    article_tree(root);
    write(&root.join("image.png"), b"\x89PNG\0");
    newsclean()
        .args(["-q", "--check"])
        .arg(root)
        .assert()
        .code(1)
        .stderr("");
    newsclean()
        .args(["-q", "--check"])
        .arg(root)
        .arg(root.join("missing.txt"))
        .assert()
        .code(2)
        .stderr(format!(
            "newsclean: {}: reading: No such file or directory (os error 2)\n",
            root.join("missing.txt").display()
        ));
}

/// What `--check` with `flags` prints for `root`: the files under it
/// that cleaning would change, one a line.
fn listed_by_check(root: &Path, flags: &[&str]) -> String {
    let output = newsclean()
        .args(["-q", "--check"])
        .args(flags)
        .arg(root)
        .output()
        .unwrap();
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn hidden_and_ignored_files_need_their_flags() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path().join("in");
    article_tree(&root);
    write(&root.join(".draft.txt"), UNTIDY);
    write(&root.join("vendor/c.txt"), UNTIDY);
    write(&root.join(".ignore"), "vendor/\n");
    let plain = listed_by_check(&root, &[]);
    assert!(!plain.contains(".draft.txt") && !plain.contains("vendor"));
    assert!(listed_by_check(&root, &["--hidden"]).contains(".draft.txt"));
    assert!(listed_by_check(&root, &["--no-ignore"]).contains("vendor/c.txt"));
    let only_world = listed_by_check(&root, &["-g", "world/*.txt"]);
    assert_eq!(only_world.lines().count(), 1, "{only_world}");
}

#[test]
fn a_glob_selects_among_visible_files_and_leaves_hidden_ones_out() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path().join("in");
    article_tree(&root);
    write(&root.join(".draft.txt"), UNTIDY);
    write(&root.join(".hid/x.txt"), UNTIDY);
    let plain = listed_by_check(&root, &["-g", "*.txt"]);
    assert!(plain.contains("a.txt"), "{plain}");
    assert!(
        !plain.contains(".draft.txt") && !plain.contains(".hid"),
        "{plain}"
    );
    let hidden = listed_by_check(&root, &["-g", "*.txt", "--hidden"]);
    assert!(
        hidden.contains(".draft.txt") && hidden.contains(".hid/x.txt"),
        "{hidden}"
    );
}

#[test]
fn gitignore_is_honoured_outside_a_git_repository() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path().join("in");
    article_tree(&root);
    write(&root.join("ign/i.txt"), UNTIDY);
    write(
        &root.join(".gitignore"),
        "ign/
",
    );
    assert!(!root.join(".git").exists() && !folder.path().join(".git").exists());
    let plain = listed_by_check(&root, &[]);
    assert!(
        plain.contains("a.txt") && !plain.contains("ign/i.txt"),
        "{plain}"
    );
    assert!(listed_by_check(&root, &["--no-ignore"]).contains("ign/i.txt"));
}

#[test]
fn file_names_that_are_not_utf8_work() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path().join("in");
    let name = OsStr::from_bytes(b"caf\xe9-\xff.txt");
    write(&root.join(name), UNTIDY);
    let output = folder.path().join("out");
    newsclean()
        .arg(&root)
        .arg("--out-dir")
        .arg(&output)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(output.join(name)).unwrap(), TIDY);
    let listed = newsclean()
        .arg("--check")
        .arg(&root)
        .output()
        .unwrap()
        .stdout;
    let mut expected = root.join(name).as_os_str().as_bytes().to_vec();
    expected.push(b'\n');
    assert_eq!(listed, expected, "--check lists the raw name");
    newsclean()
        .arg("-i")
        .arg(root.join(name))
        .assert()
        .success();
    assert_eq!(fs::read_to_string(root.join(name)).unwrap(), TIDY);
}

#[test]
fn a_failed_file_is_reported_and_the_rest_of_the_batch_goes_on() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path().join("in");
    article_tree(&root);
    // Even root can read every file, so unreadability comes from a
    // dangling link named on the command line, and an unwritable target
    // from a regular file where the output needs a folder.
    let dangling = root.join("gone.txt");
    std::os::unix::fs::symlink(root.join("deleted.txt"), &dangling).unwrap();
    let output = folder.path().join("out");
    write(&output.join("world"), "a file where a folder should be");
    let assert = newsclean()
        .arg(&root)
        .arg(&dangling)
        .arg("--out-dir")
        .arg(&output)
        .assert()
        .code(2);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains(&format!("newsclean: {}: reading: ", dangling.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "newsclean: {}: creating the output folder: ",
            output.join("world").display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("2 failed"), "{stderr}");
    assert_eq!(fs::read_to_string(output.join("a.txt")).unwrap(), TIDY);
    assert_eq!(fs::read_to_string(output.join("clean.txt")).unwrap(), TIDY);
    no_temporary_files(folder.path());
}

#[test]
fn unreadable_files_and_read_only_out_dirs_are_reported() {
    if nix_is_root() {
        println!("skipped: running as root, where permissions do not stop reads or writes");
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path().join("in");
    article_tree(&root);
    fs::set_permissions(root.join("a.txt"), fs::Permissions::from_mode(0o000)).unwrap();
    let output = folder.path().join("out");
    fs::create_dir(&output).unwrap();
    fs::create_dir(output.join("world")).unwrap();
    fs::set_permissions(output.join("world"), fs::Permissions::from_mode(0o555)).unwrap();
    newsclean()
        .arg(&root)
        .arg("--out-dir")
        .arg(&output)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "a.txt: reading: Permission denied",
        ))
        .stderr(predicate::str::contains(
            "b.txt: writing: Permission denied",
        ));
    assert_eq!(fs::read_to_string(output.join("clean.txt")).unwrap(), TIDY);
    fs::set_permissions(output.join("world"), fs::Permissions::from_mode(0o755)).unwrap();
}

fn nix_is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| output.stdout.trim_ascii() == b"0")
}

/// Starts a batch whose second input is a named pipe nobody writes to, so
/// the batch is certainly under way, and stuck, when the signal comes.
fn interrupted_batch(signal: &str, mode: &[&str], root: &Path, extra: &[&Path]) -> Option<i32> {
    let fifo = root.join("stuck.fifo");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsclean"))
        .args(["-j", "1", "-q"])
        .args(mode)
        .arg(root.join("a.txt"))
        .arg(&fifo)
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The first file done proves the batch, and its signal handler, runs.
    let done = |root: &Path| {
        fs::read_to_string(root)
            .map(|text| text == TIDY)
            .unwrap_or(false)
    };
    let watched = if mode.contains(&"-i") {
        root.join("a.txt")
    } else {
        root.parent().unwrap().join("out/a.txt")
    };
    while !done(&watched) {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    child.wait().unwrap().code()
}

#[test]
fn a_batch_stopped_by_a_signal_leaves_no_partial_files() {
    for signal in ["-INT", "-TERM"] {
        let folder = tempfile::tempdir().unwrap();
        let root = folder.path().join("in");
        article_tree(&root);
        let output = folder.path().join("out");
        let out_dir = ["--out-dir", output.to_str().unwrap()];
        let code = interrupted_batch(signal, &out_dir, &root, &[&root.join("world/b.txt")]);
        assert_eq!(code, Some(130), "{signal}");
        assert_eq!(files_under(&output), vec![PathBuf::from("a.txt")]);
        assert_eq!(
            fs::read_to_string(root.join("world/b.txt")).unwrap(),
            UNTIDY
        );
        no_temporary_files(folder.path());

        let in_place_root = folder.path().join("in-place");
        article_tree(&in_place_root);
        let code = interrupted_batch(
            signal,
            &["-i"],
            &in_place_root,
            &[&in_place_root.join("world/b.txt")],
        );
        assert_eq!(code, Some(130), "{signal}");
        assert_eq!(
            fs::read_to_string(in_place_root.join("world/b.txt")).unwrap(),
            UNTIDY,
            "an original not reached is untouched"
        );
        no_temporary_files(folder.path());
    }
}

#[test]
fn jsonl_files_can_be_cleaned_in_place() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("news.jsonl");
    write(
        &path,
        "{\"id\":7,\"text\":\"One.\\n\\n\\nTwo.\"}\n{\"id\":8,\"text\":\"Fine.\"}\n",
    );
    newsclean()
        .args(["--jsonl", "-i"])
        .arg(&path)
        .assert()
        .success();
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "{\"id\":7,\"text\":\"One.\\n\\nTwo.\"}\n{\"id\":8,\"text\":\"Fine.\"}\n"
    );
}

#[test]
fn in_place_through_a_named_link_cleans_the_target_and_keeps_the_link() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("real.txt");
    let link = folder.path().join("link.txt");
    write(&target, UNTIDY);
    std::os::unix::fs::symlink(&target, &link).unwrap();
    newsclean().arg("-i").arg(&link).assert().success();
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(fs::read_to_string(&target).unwrap(), TIDY);
}

#[test]
fn in_place_keeps_the_owner_when_allowed_to() {
    if !nix_is_root() {
        println!("skipped: only root can give a file to another owner");
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("theirs.txt");
    write(&path, UNTIDY);
    std::os::unix::fs::chown(&path, Some(4321), Some(4321)).unwrap();
    newsclean().arg("-i").arg(&path).assert().success();
    let metadata = fs::metadata(&path).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), TIDY);
    assert_eq!((metadata.uid(), metadata.gid()), (4321, 4321));
}

#[test]
fn bytes_that_do_not_fit_a_named_encoding_fail_the_file_and_leave_it_alone() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    // "Café déjà vu." in latin-1, cleaned in place as if it were UTF-8.
    let latin1 = b"Caf\xE9 d\xE9j\xE0 vu.\n\n\n\nSecond paragraph.\n";
    write(&root.join("latin1.txt"), latin1);
    write(&root.join("utf8.txt"), UNTIDY);
    newsclean()
        .args(["-i", "-E", "utf-8"])
        .arg(root)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "newsclean: {}: decoding: the bytes are not valid utf-8 (first malformed byte at offset 3); name the right encoding or use auto\n",
            root.join("latin1.txt").display()
        )))
        .stderr(predicate::str::contains("1 failed"));
    assert_eq!(fs::read(root.join("latin1.txt")).unwrap(), latin1);
    assert_eq!(fs::read_to_string(root.join("utf8.txt")).unwrap(), TIDY);
    no_temporary_files(root);

    // One file to stdout: nothing printed, exit 2, one line.
    newsclean()
        .args(["-E", "utf-8"])
        .arg(root.join("latin1.txt"))
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::is_match(
                "^newsclean: [^\n]*latin1.txt: decoding: [^\n]*offset 3[^\n]*\n$",
            )
            .unwrap(),
        );
    // Detection is unchanged: the same bytes are taken for latin-1.
    newsclean()
        .arg(root.join("latin1.txt"))
        .assert()
        .success()
        .stdout("Café déjà vu.\n\nSecond paragraph.\n");
}

#[test]
fn the_replacement_encoding_is_a_usage_error() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    write(&root.join("a.txt"), UNTIDY);
    for label in ["replacement", "iso-2022-kr"] {
        newsclean()
            .args(["-i", "-E", label])
            .arg(root.join("a.txt"))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("replacement encoding"))
            .stderr(predicate::function(|stderr: &str| {
                stderr.lines().count() == 1
            }));
        assert_eq!(fs::read_to_string(root.join("a.txt")).unwrap(), UNTIDY);
    }
}

#[test]
fn two_inputs_mirrored_onto_one_output_file_keep_the_first_for_any_threads() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    write(&root.join("x1/a.txt"), "First file one.\n\n\n\nIts end.\n");
    write(&root.join("x2/a.txt"), "Second file two.\n\n\n\nIts end.\n");
    for threads in ["1", "2", "4", "8"] {
        for force in [false, true] {
            let out = root.join(format!("out-{threads}-{force}"));
            let mut command = newsclean();
            command
                .current_dir(root)
                .args(["x1", "x2", "--out-dir"])
                .arg(&out)
                .args(["-j", threads]);
            if force {
                command.arg("-f");
            }
            let assert = command.assert().code(2);
            let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
            let refusals: Vec<&str> = stderr
                .lines()
                .filter(|line| line.contains("is also the output of"))
                .collect();
            assert_eq!(
                refusals,
                [format!(
                    "newsclean: x2/a.txt: writing: its output {} is also the output of x1/a.txt, which comes first; nothing written",
                    out.join("a.txt").display()
                )],
                "{stderr}"
            );
            assert!(
                stderr.contains("2 files, 1 changed, 0 skipped, 1 failed"),
                "{stderr}"
            );
            assert_eq!(
                fs::read_to_string(out.join("a.txt")).unwrap(),
                "First file one.\n\nIts end.\n"
            );
            no_temporary_files(&out);
        }
    }
}

#[test]
fn a_file_whose_every_block_is_dropped_is_never_emptied() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    let boilerplate = "Share this article\n\nSubscribe to our newsletter\n\nAdvertisement\n";
    write(&root.join("in/bp.txt"), boilerplate);
    write(&root.join("in/a.txt"), UNTIDY);
    write(&root.join("in/blank.txt"), "\n  \n\n");
    let warning = |left: &str| {
        format!(
            "newsclean: {}: skipped: every block was dropped; {left}\n",
            root.join("in/bp.txt").display()
        )
    };
    newsclean()
        .arg("-i")
        .arg(root.join("in"))
        .assert()
        .success()
        .stderr(predicate::str::contains(warning("left unchanged")));
    assert_eq!(
        fs::read_to_string(root.join("in/bp.txt")).unwrap(),
        boilerplate
    );
    assert_eq!(fs::read_to_string(root.join("in/a.txt")).unwrap(), TIDY);
    // Blank space only is no text to lose: it is tidied as before.
    assert_eq!(fs::read_to_string(root.join("in/blank.txt")).unwrap(), "");

    newsclean()
        .arg(root.join("in"))
        .arg("--out-dir")
        .arg(root.join("out"))
        .assert()
        .success()
        .stderr(predicate::str::contains(warning("nothing written")));
    assert!(!root.join("out/bp.txt").exists());
    assert_eq!(fs::read_to_string(root.join("out/a.txt")).unwrap(), TIDY);

    // To stdout an empty output is an answer, but not a silent one.
    newsclean()
        .arg(root.join("in/bp.txt"))
        .assert()
        .success()
        .stdout("")
        .stderr(format!(
            "newsclean: {}: every block was dropped; the output is empty\n",
            root.join("in/bp.txt").display()
        ));
}

#[test]
fn an_empty_file_in_a_folder_is_written_as_before_with_a_warning() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    write(&root.join("in/a.txt"), UNTIDY);
    write(&root.join("in/empty.txt"), "");
    write(&root.join("in/blank.txt"), "\n  \n");
    // Blank space is tidied, not warned about; the counts are as before.
    let stderr = format!(
        "newsclean: {}: empty input (0 bytes); nothing to clean\n\
         newsclean: 3 files, 2 changed, 0 skipped, 0 failed; ",
        root.join("in/empty.txt").display()
    );
    newsclean()
        .arg(root.join("in"))
        .arg("--out-dir")
        .arg(root.join("out"))
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::starts_with(stderr.clone()));
    assert_eq!(fs::read(root.join("out/empty.txt")).unwrap(), b"");
    assert_eq!(fs::read(root.join("out/blank.txt")).unwrap(), b"");
    assert_eq!(fs::read_to_string(root.join("out/a.txt")).unwrap(), TIDY);

    let empty_inode = fs::metadata(root.join("in/empty.txt")).unwrap().ino();
    newsclean()
        .arg("-i")
        .arg(root.join("in"))
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::starts_with(stderr));
    let empty = fs::metadata(root.join("in/empty.txt")).unwrap();
    assert_eq!((empty.len(), empty.ino()), (0, empty_inode));

    newsclean()
        .arg("-q")
        .arg(root.join("in"))
        .arg("--out-dir")
        .arg(root.join("quiet"))
        .assert()
        .success()
        .stdout("")
        .stderr("");
    assert_eq!(fs::read(root.join("quiet/empty.txt")).unwrap(), b"");
}

#[test]
fn a_backup_never_replaces_an_existing_file_without_force() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    write(&root.join("bk/a.txt"), UNTIDY);
    write(&root.join("bk/a.txt.old"), "Precious unrelated article\n");
    write(&root.join("bk/b.txt"), UNTIDY);
    newsclean()
        .args(["-i", "--backup", ".old"])
        .arg(root.join("bk"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "newsclean: {}: writing the backup: the file already exists (use --force to replace it); {} left unchanged\n",
            root.join("bk/a.txt.old").display(),
            root.join("bk/a.txt").display()
        )));
    assert_eq!(fs::read_to_string(root.join("bk/a.txt")).unwrap(), UNTIDY);
    assert_eq!(
        fs::read_to_string(root.join("bk/a.txt.old")).unwrap(),
        "Precious unrelated article\n"
    );
    // The rest of the batch goes on.
    assert_eq!(fs::read_to_string(root.join("bk/b.txt")).unwrap(), TIDY);
    assert_eq!(
        fs::read_to_string(root.join("bk/b.txt.old")).unwrap(),
        UNTIDY
    );
    no_temporary_files(root);

    // --force replaces it.
    newsclean()
        .args(["-i", "-f", "--backup", ".old"])
        .arg(root.join("bk/a.txt"))
        .assert()
        .success();
    assert_eq!(fs::read_to_string(root.join("bk/a.txt")).unwrap(), TIDY);
    assert_eq!(
        fs::read_to_string(root.join("bk/a.txt.old")).unwrap(),
        UNTIDY
    );
}

#[test]
fn an_out_dir_inside_the_input_folder_never_replaces_a_file_already_there() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path().join("p");
    write(&root.join("a.txt"), UNTIDY);
    write(&root.join("b.txt"), UNTIDY);
    write(&root.join("q/a.txt"), "Inner original Y\n");
    let out = root.join("q");
    newsclean()
        .arg("-f")
        .arg(&root)
        .arg("--out-dir")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "newsclean: {}: writing: the file already exists in the output folder, which lies in the input folder {}",
            out.join("a.txt").display(),
            root.display()
        )));
    assert_eq!(
        fs::read_to_string(out.join("a.txt")).unwrap(),
        "Inner original Y\n"
    );
    assert_eq!(fs::read_to_string(out.join("b.txt")).unwrap(), TIDY);
    no_temporary_files(&root);
}
