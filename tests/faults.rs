//! Faults the command line meets in unattended batch runs, driven through
//! the real binary, each test in its own temporary folder: permission
//! denied on read and on write, a full file system, a symlink loop, files
//! deleted or replaced mid-batch, SIGINT and SIGTERM mid-batch, binary
//! files, a closed stdout, and the refusals of bad input. Every test checks
//! the same promises (DESIGN.md, "Never lose data"): each problem is named
//! on stderr, the rest of the batch is finished, no temporary or truncated
//! file is left, and originals are never damaged.
//!
//! Permission tests drop to the `nobody` user with `setpriv` when run as
//! root (root ignores file modes); the full-disk test mounts a small tmpfs
//! and needs root. Tests that cannot set up their fault print why and pass
//! without checking; TESTING.md lists them.

use assert_cmd::Command as AssertCommand;
use newsclean::Config;
use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_newsclean"))
}

fn newsclean() -> AssertCommand {
    AssertCommand::new(binary())
}

/// An article whose cleaning changes it even when only the block stage
/// runs: extra blank lines and a missing final line break.
fn article(serial: usize) -> String {
    format!(
        "Council agrees budget {serial}\n\n\n\nThe council met on Tuesday and agreed \
         the budget for year {serial}.  It took\u{00A0}six hours.\r\n\r\n\r\n\
         Residents said the plan was &quot;overdue&quot;.\n\n\n"
    )
}

/// What the binary must write for `bytes`: the library's cleaning of it.
fn expected_clean(bytes: &[u8]) -> String {
    newsclean::clean_bytes(bytes, &Config::default())
        .expect("test articles are text")
        .text
}

fn stderr_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every file under `root` (relative path → bytes).
fn tree(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            // An entry may vanish between the listing and the look (a
            // temporary file renamed while the batch runs).
            let Ok(entry) = entry else {
                continue;
            };
            let path = entry.path();
            let Ok(metadata) = fs::symlink_metadata(&path) else {
                continue;
            };
            let kind = metadata.file_type();
            if kind.is_dir() {
                pending.push(path);
            } else if kind.is_file() {
                let relative = path.strip_prefix(root).expect("under root").to_path_buf();
                files.insert(relative, fs::read(&path).unwrap_or_default());
            }
        }
    }
    files
}

/// A folder the `nobody` user can enter and write in.
fn open_folder() -> tempfile::TempDir {
    let folder = tempfile::tempdir().expect("temporary folder");
    fs::set_permissions(folder.path(), fs::Permissions::from_mode(0o777)).expect("open the folder");
    folder
}

fn is_root() -> bool {
    fs::metadata("/proc/self")
        .map(|meta| std::os::unix::fs::MetadataExt::uid(&meta) == 0)
        .unwrap_or(false)
}

/// The binary as a user that file modes apply to: `nobody` through
/// `setpriv` when running as root, the current user otherwise. `None` (with
/// the reason printed) when that cannot be arranged.
fn unprivileged() -> Option<Command> {
    if !is_root() {
        return Some(Command::new(binary()));
    }
    let setpriv = Path::new("/usr/bin/setpriv");
    if !setpriv.exists() {
        eprintln!("skipped: running as root and setpriv is missing, so file modes do not apply");
        return None;
    }
    let mut command = Command::new(setpriv);
    command
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(binary());
    Some(command)
}

fn write_articles(folder: &Path, count: usize) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut written = BTreeMap::new();
    for serial in 0..count {
        let relative = PathBuf::from(format!("article-{serial:04}.txt"));
        let bytes = article(serial).into_bytes();
        fs::write(folder.join(&relative), &bytes).expect("write article");
        fs::set_permissions(folder.join(&relative), fs::Permissions::from_mode(0o644))
            .expect("readable article");
        written.insert(relative, bytes);
    }
    written
}

// ---- permission denied ----

#[test]
fn an_unreadable_file_is_reported_and_the_rest_are_cleaned() {
    let Some(mut command) = unprivileged() else {
        return;
    };
    let input = open_folder();
    let out = open_folder();
    let originals = write_articles(input.path(), 3);
    let locked = input.path().join("article-0001.txt");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("lock file");

    let output = command
        .arg("--out-dir")
        .arg(out.path().join("clean"))
        .arg(input.path())
        .output()
        .expect("newsclean runs");
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(
        stderr.contains("article-0001.txt"),
        "names the file: {stderr}"
    );
    assert!(
        stderr.to_lowercase().contains("permission denied"),
        "says why: {stderr}"
    );
    let written = tree(&out.path().join("clean"));
    let expected: BTreeMap<PathBuf, Vec<u8>> = originals
        .iter()
        .filter(|(path, _)| path.as_path() != Path::new("article-0001.txt"))
        .map(|(path, bytes)| (path.clone(), expected_clean(bytes).into_bytes()))
        .collect();
    assert_eq!(written, expected);
}

#[test]
fn an_unreadable_single_file_is_one_line_and_exit_2() {
    let Some(mut command) = unprivileged() else {
        return;
    };
    let folder = open_folder();
    let locked = folder.path().join("locked.txt");
    fs::write(&locked, article(1)).expect("write file");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("lock file");
    let output = command.arg(&locked).output().expect("newsclean runs");
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(output.stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("newsclean: "), "{stderr}");
    assert!(stderr.contains(&*locked.to_string_lossy()), "{stderr}");
}

#[test]
fn a_read_only_out_dir_is_reported_for_each_file() {
    let Some(mut command) = unprivileged() else {
        return;
    };
    let input = open_folder();
    write_articles(input.path(), 3);
    let out = open_folder();
    let target = out.path().join("clean");
    fs::create_dir(&target).expect("create out dir");
    fs::set_permissions(&target, fs::Permissions::from_mode(0o555)).expect("read-only out dir");

    let output = command
        .arg("--out-dir")
        .arg(&target)
        .arg(input.path())
        .output()
        .expect("newsclean runs");
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    for serial in 0..3 {
        assert!(
            stderr.contains(&format!("article-{serial:04}.txt")),
            "names every file that failed: {stderr}"
        );
    }
    assert!(
        tree(&target).is_empty(),
        "nothing written, no temporary file"
    );
}

#[test]
fn in_place_in_a_read_only_folder_leaves_the_original_intact() {
    let Some(mut command) = unprivileged() else {
        return;
    };
    let folder = open_folder();
    let locked_folder = folder.path().join("locked");
    fs::create_dir(&locked_folder).expect("create folder");
    let originals = write_articles(&locked_folder, 2);
    // The files are writable but the folder is not: an atomic replace
    // cannot create its temporary file, and must not fall back to
    // truncating the original.
    for path in originals.keys() {
        fs::set_permissions(locked_folder.join(path), fs::Permissions::from_mode(0o666))
            .expect("writable file");
    }
    fs::set_permissions(&locked_folder, fs::Permissions::from_mode(0o555))
        .expect("read-only folder");
    let output = command
        .arg("--in-place")
        .arg(&locked_folder)
        .output()
        .expect("newsclean runs");
    assert_eq!(
        output.status.code(),
        Some(2),
        "stderr: {}",
        stderr_of(&output)
    );
    assert_eq!(tree(&locked_folder), originals);
}

// ---- a full file system ----

/// A tmpfs of `kilobytes` mounted at a fresh folder, unmounted on drop.
struct SmallDisk {
    folder: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(kilobytes: usize) -> Option<SmallDisk> {
        if !is_root() {
            eprintln!("skipped: mounting a small tmpfs needs root");
            return None;
        }
        let folder = tempfile::tempdir().expect("temporary folder");
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o"])
            .arg(format!("size={kilobytes}k,mode=0777"))
            .arg("newsclean-full-disk")
            .arg(folder.path())
            .status();
        match status {
            Ok(status) if status.success() => Some(SmallDisk { folder }),
            _ => {
                eprintln!("skipped: could not mount a tmpfs (no mount permission here)");
                None
            }
        }
    }

    fn path(&self) -> &Path {
        self.folder.path()
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.folder.path()).status();
    }
}

#[test]
fn a_full_out_dir_fails_the_big_file_and_finishes_the_rest() {
    let Some(disk) = SmallDisk::mount(64) else {
        return;
    };
    let input = tempfile::tempdir().expect("temporary folder");
    let small_a = article(1).into_bytes();
    let small_c = article(3).into_bytes();
    // Distinct paragraphs so that no filter shrinks it below the disk size.
    let big: String = (0..2000).map(|serial| article(serial) + "\n\n").collect();
    fs::write(input.path().join("a.txt"), &small_a).expect("write a");
    fs::write(input.path().join("b-big.txt"), big.as_bytes()).expect("write b");
    fs::write(input.path().join("c.txt"), &small_c).expect("write c");

    let output = Command::new(binary())
        .args(["-j", "1", "--out-dir"])
        .arg(disk.path())
        .arg(input.path())
        .output()
        .expect("newsclean runs");
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(stderr.contains("b-big.txt"), "names the file: {stderr}");
    assert!(
        stderr.to_lowercase().contains("no space left"),
        "says why: {stderr}"
    );
    let mut expected = BTreeMap::new();
    expected.insert(
        PathBuf::from("a.txt"),
        expected_clean(&small_a).into_bytes(),
    );
    expected.insert(
        PathBuf::from("c.txt"),
        expected_clean(&small_c).into_bytes(),
    );
    assert_eq!(
        tree(disk.path()),
        expected,
        "no partial b-big.txt, no temporary file"
    );
}

#[test]
fn stdout_on_a_full_device_is_an_error_not_a_panic() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let input = folder.path().join("article.txt");
    fs::write(&input, article(1)).expect("write input");
    let output = Command::new(binary())
        .arg(&input)
        .stdout(fs::File::create("/dev/full").expect("/dev/full exists"))
        .output()
        .expect("newsclean runs");
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.starts_with("newsclean: "), "{stderr}");
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let input = folder.path().join("big.txt");
    let big: String = (0..2_000).map(|serial| article(serial) + "\n\n").collect();
    fs::write(&input, big).expect("write input");
    let mut child = Command::new(binary())
        .arg(&input)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newsclean runs");
    // Like `| head -c 0`: the reader goes away before reading anything.
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("newsclean ends");
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {}",
        stderr_of(&output)
    );
    assert!(output.stderr.is_empty(), "quiet: {}", stderr_of(&output));
}

// ---- symlinks ----

#[test]
fn a_symlink_loop_is_not_followed_by_default() {
    let input = tempfile::tempdir().expect("temporary folder");
    let originals = write_articles(input.path(), 2);
    symlink(".", input.path().join("loop")).expect("make loop");
    fs::create_dir(input.path().join("sub")).expect("make sub");
    symlink("..", input.path().join("sub/back")).expect("make loop");
    symlink("self.txt", input.path().join("self.txt")).expect("make self link");
    let out = tempfile::tempdir().expect("temporary folder");
    let output = Command::new(binary())
        .arg("--out-dir")
        .arg(out.path())
        .arg(input.path())
        .output()
        .expect("newsclean runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {}",
        stderr_of(&output)
    );
    let expected: BTreeMap<PathBuf, Vec<u8>> = originals
        .iter()
        .map(|(path, bytes)| (path.clone(), expected_clean(bytes).into_bytes()))
        .collect();
    assert_eq!(tree(out.path()), expected);
}

#[test]
fn a_symlink_loop_is_reported_when_following_links() {
    let input = tempfile::tempdir().expect("temporary folder");
    let originals = write_articles(input.path(), 2);
    fs::create_dir(input.path().join("sub")).expect("make sub");
    symlink("..", input.path().join("sub/back")).expect("make loop");
    let out = tempfile::tempdir().expect("temporary folder");
    let output = Command::new(binary())
        .arg("--follow")
        .arg("--out-dir")
        .arg(out.path())
        .arg(input.path())
        .output()
        .expect("newsclean runs");
    let stderr = stderr_of(&output);
    assert!(
        matches!(output.status.code(), Some(0) | Some(2)),
        "stderr: {stderr}"
    );
    assert!(stderr.contains("back"), "names the loop: {stderr}");
    for (path, bytes) in &originals {
        assert_eq!(
            fs::read(out.path().join(path)).expect("cleaned"),
            expected_clean(bytes).into_bytes()
        );
    }
}

#[test]
fn a_self_referencing_symlink_given_by_name_is_one_error() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let link = folder.path().join("self.txt");
    symlink("self.txt", &link).expect("make self link");
    let output = Command::new(binary())
        .arg(&link)
        .output()
        .expect("newsclean runs");
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(stderr.contains("self.txt"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

// ---- files that change under the batch ----

/// Waits until `folder` holds at least `count` files, or the child ends.
fn wait_for_outputs(folder: &Path, count: usize, child: &mut std::process::Child) -> bool {
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline {
        if tree(folder).len() >= count {
            return true;
        }
        if let Ok(Some(_)) = child.try_wait() {
            return false;
        }
        sleep(Duration::from_millis(2));
    }
    false
}

#[test]
fn files_deleted_or_replaced_mid_batch_are_handled() {
    let input = tempfile::tempdir().expect("temporary folder");
    let originals = write_articles(input.path(), 600);
    let out = tempfile::tempdir().expect("temporary folder");
    let mut child = Command::new(binary())
        .args(["-q", "-j", "1", "--out-dir"])
        .arg(out.path())
        .arg(input.path())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newsclean runs");
    wait_for_outputs(out.path(), 1, &mut child);
    // The walk order is not known, so change files all over the set; some
    // will already be done, some not yet reached.
    let mut deleted = Vec::new();
    let mut replaced = BTreeMap::new();
    for (index, path) in originals.keys().enumerate() {
        if index % 50 == 25 {
            let _ = fs::remove_file(input.path().join(path));
            deleted.push(path.clone());
        } else if index % 50 == 40 {
            let new_bytes = format!("Replaced {index}\n\n\n\nA new text.\n").into_bytes();
            let staging = input.path().join(format!(".staging-{index}"));
            fs::write(&staging, &new_bytes).expect("write replacement");
            fs::rename(&staging, input.path().join(path)).expect("replace file");
            replaced.insert(path.clone(), new_bytes);
        }
    }
    let output = child.wait_with_output().expect("newsclean ends");
    let stderr = stderr_of(&output);
    assert!(
        matches!(output.status.code(), Some(0) | Some(2)),
        "stderr: {stderr}"
    );
    if output.status.code() == Some(2) {
        assert!(
            deleted
                .iter()
                .any(|path| stderr.contains(&*path.to_string_lossy())),
            "a failure must be a deleted file, named: {stderr}"
        );
    }
    let written = tree(out.path());
    for (path, bytes) in &originals {
        let got = written.get(path);
        if deleted.contains(path) {
            // Done before the deletion (complete) or reported (absent).
            if let Some(got) = got {
                assert_eq!(got, &expected_clean(bytes).into_bytes(), "{path:?}");
            }
            continue;
        }
        let got = got.unwrap_or_else(|| panic!("{path:?} was not cleaned: {stderr}"));
        let before = expected_clean(bytes).into_bytes();
        match replaced.get(path) {
            Some(new_bytes) => assert!(
                got == &before || got == &expected_clean(new_bytes).into_bytes(),
                "{path:?} is a mix of old and new"
            ),
            None => assert_eq!(got, &before, "{path:?}"),
        }
    }
    let extra: Vec<&PathBuf> = written
        .keys()
        .filter(|path| !originals.contains_key(*path))
        .collect();
    assert!(extra.is_empty(), "stray files: {extra:?}");
}

// ---- signals ----

fn send_signal(pid: u32, signal: &str) {
    let status = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -{signal} {pid}");
}

/// A batch big enough that a debug build is still busy when the signal
/// arrives.
fn big_batch(folder: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut written = BTreeMap::new();
    for serial in 0..1500 {
        let relative = PathBuf::from(format!("section-{}/article-{serial:04}.txt", serial % 10));
        let bytes: String = (0..40)
            .map(|paragraph| article(serial * 100 + paragraph) + "\n\n")
            .collect();
        let path = folder.join(&relative);
        fs::create_dir_all(path.parent().expect("has a folder")).expect("create folder");
        fs::write(&path, bytes.as_bytes()).expect("write article");
        written.insert(relative, bytes.into_bytes());
    }
    written
}

#[test]
fn sigint_mid_batch_leaves_only_complete_outputs_and_exit_130() {
    let input = tempfile::tempdir().expect("temporary folder");
    let originals = big_batch(input.path());
    let out = tempfile::tempdir().expect("temporary folder");
    let mut child = Command::new(binary())
        .args(["-q", "-j", "2", "--out-dir"])
        .arg(out.path())
        .arg(input.path())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newsclean runs");
    assert!(
        wait_for_outputs(out.path(), 3, &mut child),
        "the batch ended before it could be interrupted"
    );
    send_signal(child.id(), "INT");
    let output = child.wait_with_output().expect("newsclean ends");
    assert_eq!(
        output.status.code(),
        Some(130),
        "stderr: {}",
        stderr_of(&output)
    );
    let written = tree(out.path());
    assert!(
        written.len() < originals.len(),
        "the batch was stopped early"
    );
    for (path, bytes) in &written {
        let original = originals
            .get(path)
            .unwrap_or_else(|| panic!("stray file {path:?}"));
        assert_eq!(bytes, &expected_clean(original).into_bytes(), "{path:?}");
    }
    assert_eq!(tree(input.path()), originals, "inputs untouched");
}

#[test]
fn sigterm_mid_in_place_batch_leaves_every_file_old_or_new() {
    let input = tempfile::tempdir().expect("temporary folder");
    let originals = big_batch(input.path());
    let mut child = Command::new(binary())
        .args(["-q", "-j", "2", "--in-place"])
        .arg(input.path())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newsclean runs");
    // Wait until some file has been replaced.
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut started = false;
    while Instant::now() < deadline && !started {
        started = tree(input.path())
            .iter()
            .any(|(path, bytes)| originals.get(path) != Some(bytes));
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        sleep(Duration::from_millis(2));
    }
    assert!(started, "no file was replaced before the batch ended");
    send_signal(child.id(), "TERM");
    let output = child.wait_with_output().expect("newsclean ends");
    let code = output.status.code();
    assert!(
        matches!(code, Some(130) | Some(143)),
        "stopped by SIGTERM through its handler, got {code:?}: {}",
        stderr_of(&output)
    );
    let now = tree(input.path());
    assert_eq!(
        now.keys().collect::<Vec<_>>(),
        originals.keys().collect::<Vec<_>>(),
        "no temporary file left, none lost"
    );
    let mut untouched = 0;
    for (path, bytes) in &now {
        let original = &originals[path];
        if bytes == original {
            untouched += 1;
        } else {
            assert_eq!(bytes, &expected_clean(original).into_bytes(), "{path:?}");
        }
    }
    assert!(untouched > 0, "the batch was stopped early");
}

// ---- bad input ----

#[test]
fn a_binary_file_given_by_name_is_refused_with_its_name() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("photo.jpg");
    fs::write(&path, b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01").expect("write binary");
    let output = newsclean().arg(&path).output().expect("newsclean runs");
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(output.stdout.is_empty(), "no garbage on stdout");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("photo.jpg") && stderr.contains("binary"),
        "{stderr}"
    );
}

#[test]
fn a_binary_file_in_a_batch_is_skipped_with_a_warning() {
    let input = tempfile::tempdir().expect("temporary folder");
    let originals = write_articles(input.path(), 2);
    fs::write(input.path().join("archive.zip"), b"PK\x03\x04\0\0\0\0").expect("write binary");
    let out = tempfile::tempdir().expect("temporary folder");
    let output = Command::new(binary())
        .arg("--out-dir")
        .arg(out.path())
        .arg(input.path())
        .output()
        .expect("newsclean runs");
    let stderr = stderr_of(&output);
    assert_eq!(
        output.status.code(),
        Some(0),
        "a skip is not a failure: {stderr}"
    );
    assert!(
        stderr.contains("archive.zip") && stderr.contains("binary"),
        "{stderr}"
    );
    let expected: BTreeMap<PathBuf, Vec<u8>> = originals
        .iter()
        .map(|(path, bytes)| (path.clone(), expected_clean(bytes).into_bytes()))
        .collect();
    assert_eq!(tree(out.path()), expected);
}

#[test]
fn an_unknown_encoding_label_is_a_usage_error() {
    let output = newsclean()
        .args(["--encoding", "klingon"])
        .write_stdin("text\n")
        .output()
        .expect("newsclean runs");
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("klingon"), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn a_malformed_json_line_is_reported_and_passed_through() {
    let input = concat!(
        "{\"id\":1,\"text\":\"one\\n\\n\\n\\ntwo\"}\n",
        "{\"id\":2,\"text\":\"broken\n",
        "{\"id\":3,\"text\":\"\\ud800 lone surrogate\"}\n",
        "{\"id\":4,\"text\":\"four\"}\n",
    );
    let output = newsclean()
        .arg("--jsonl")
        .write_stdin(input)
        .output()
        .expect("newsclean runs");
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 out");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 4, "one line out per line in: {stdout}");
    assert_eq!(lines[1], "{\"id\":2,\"text\":\"broken", "passed through");
    assert!(stderr.contains("line 2"), "names the line: {stderr}");
    let first: serde_json::Value = serde_json::from_str(lines[0]).expect("JSON");
    assert_eq!(first["text"], "one\n\ntwo");

    let strict = newsclean()
        .args(["--jsonl", "--strict"])
        .write_stdin(input)
        .output()
        .expect("newsclean runs");
    assert_eq!(strict.status.code(), Some(2), "{}", stderr_of(&strict));
    assert!(stderr_of(&strict).contains("line 2"));
}

#[test]
fn jsonl_passes_other_fields_through_exactly() {
    // Numbers beyond f64 precision and key order must survive; a cleaner
    // that round-trips fields through f64 would rewrite them (the fuzzer's
    // first finding was serde_json turning 1666666666666663333333 into
    // 1.6666666666666633e21).
    let input = "{\"z\":12345678901234567890123,\"text\":\"a\\n\\n\\n\\nb\",\"f\":1.10,\"a\":[1e2,{\"k\":null}],\"n\":1666666666666663333333}\n";
    let output = newsclean()
        .arg("--jsonl")
        .write_stdin(input)
        .output()
        .expect("newsclean runs");
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 out");
    assert!(
        stdout.starts_with("{\"z\":12345678901234567890123,\"text\":"),
        "{stdout}"
    );
    assert!(stdout.contains("\"f\":1.10"), "{stdout}");
    assert!(stdout.contains("\"a\":[1e2,{\"k\":null}]"), "{stdout}");
    assert!(stdout.contains("\"a\\n\\nb\""), "{stdout}");
    assert!(stdout.contains("\"n\":1666666666666663333333}"), "{stdout}");
}

#[test]
fn a_bad_rules_file_is_refused_with_its_name() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let rules = folder.path().join("bad.rules");
    fs::write(&rules, "pattern = (a{1000}){1000}\npattern = [\n").expect("write rules");
    let output = newsclean()
        .arg("--rules")
        .arg(&rules)
        .write_stdin("text\n")
        .output()
        .expect("newsclean runs");
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("bad.rules"), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn an_out_dir_inside_the_input_is_never_cleaned_recursively() {
    let input = tempfile::tempdir().expect("temporary folder");
    let originals = write_articles(input.path(), 2);
    let out = input.path().join("clean");
    let first = Command::new(binary())
        .arg("--out-dir")
        .arg(&out)
        .arg(input.path())
        .output()
        .expect("newsclean runs");
    // Either refused outright (exit 2) or excluded from the walk.
    match first.status.code() {
        Some(2) => assert!(stderr_of(&first).contains("clean"), "{}", stderr_of(&first)),
        Some(0) => {
            let second = Command::new(binary())
                .args(["--force", "--out-dir"])
                .arg(&out)
                .arg(input.path())
                .output()
                .expect("newsclean runs");
            assert_eq!(second.status.code(), Some(0), "{}", stderr_of(&second));
            assert_eq!(tree(&out).len(), originals.len(), "no clean/clean/…");
        }
        other => panic!("unexpected exit {other:?}: {}", stderr_of(&first)),
    }
}

// A record's text keeps its own final-line-break state: the plain path
// ends a document with one `\n`, but a text field without one gets none,
// so that clean records come out unchanged.

/// Runs `--jsonl` over `input` and returns (exit code, stdout, stderr).
fn run_jsonl(input: &[u8]) -> (Option<i32>, Vec<u8>, String) {
    let output = newsclean()
        .arg("--jsonl")
        .write_stdin(input.to_vec())
        .output()
        .expect("newsclean runs");
    let stderr = stderr_of(&output);
    (output.status.code(), output.stdout, stderr)
}

fn json(line: &[u8]) -> serde_json::Value {
    serde_json::from_slice(line)
        .unwrap_or_else(|error| panic!("{error}: {}", String::from_utf8_lossy(line)))
}

#[test]
fn jsonl_cleans_only_the_top_level_text_field() {
    // A `text` key inside a nested object or inside a string value is not
    // the field; an escaped key that reads `text` is.
    let records: [&[u8]; 4] = [
        br#"{"meta":{"text":"inner\n\n\n\nstays"},"text":"outer\n\n\n\ncleaned"}"#,
        br#"{"title":"\"text\":\"fake\"","text":"real\n\n\n\none"}"#,
        br#"{"te\u0078t":"escaped\n\n\n\nkey"}"#,
        br#"{"id":1,"text":null,"body":"not\n\n\n\nthe field"}"#,
    ];
    let mut input = Vec::new();
    for record in records {
        input.extend_from_slice(record);
        input.push(b'\n');
    }
    let (code, stdout, stderr) = run_jsonl(&input);
    assert_eq!(code, Some(0), "{stderr}");
    let lines: Vec<&[u8]> = stdout.split(|&byte| byte == b'\n').collect();
    assert_eq!(lines.len(), 5, "four lines and the final break");
    let first = json(lines[0]);
    assert_eq!(first["meta"]["text"], "inner\n\n\n\nstays");
    assert_eq!(first["text"], "outer\n\ncleaned");
    let second = json(lines[1]);
    assert_eq!(second["title"], "\"text\":\"fake\"");
    assert_eq!(second["text"], "real\n\none");
    assert_eq!(json(lines[2])["text"], "escaped\n\nkey");
    assert_eq!(lines[3], records[3], "no text string: passed through as is");
}

#[test]
fn jsonl_keeps_one_line_per_line_for_odd_lines() {
    // Blank lines, CRLF endings, a missing final break, invalid UTF-8, a
    // byte-order mark and a top-level array: each input line gives exactly
    // one output line, and what is not a record passes through.
    let input: &[u8] = b"\xEF\xBB\xBF{\"text\":\"bom\\n\\n\\n\\nline\"}\n\
        \n\
        {\"text\":\"crlf\\n\\n\\n\\nline\"}\r\n\
        {\"text\":\"caf\xE9\"}\n\
        [1,2,3]\n\
        {\"text\":\"last\\n\\n\\n\\nline\"}";
    let (code, stdout, stderr) = run_jsonl(input);
    assert!(matches!(code, Some(0)), "{stderr}");
    let lines: Vec<&[u8]> = stdout
        .strip_suffix(b"\n")
        .unwrap_or(&stdout)
        .split(|&byte| byte == b'\n')
        .collect();
    assert_eq!(lines.len(), 6, "{}", String::from_utf8_lossy(&stdout));
    assert_eq!(lines[1], b"", "a blank line stays blank");
    assert_eq!(
        lines[3], b"{\"text\":\"caf\xE9\"}",
        "invalid UTF-8 passes through"
    );
    assert_eq!(lines[4], b"[1,2,3]", "not an object: passed through");
    assert_eq!(json(lines[5])["text"], "last\n\nline");
    assert!(
        stderr.contains("line 4"),
        "names the invalid line: {stderr}"
    );
}
