//! Writing results without ever losing data: every output file is written
//! to a temporary file in its target folder and renamed into place; a file
//! being replaced is flushed to disk first and keeps its permissions and
//! owner; backups are written the same way. Also renders the unified diffs of `--diff`.
//! This module does not decide whether a file should be written (that is
//! the batch's job) and never prints.

use crate::cli::signals::{persist_together, FailedRename, TrackedTemporary};
use std::fs::{self, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Permissions for a brand-new output file; the umask narrows them, as it
/// would for a file created by the shell.
const NEW_FILE_MODE: u32 = 0o666;

/// Atomically replaces (or creates) `target` with `contents`. An existing
/// target keeps its permissions; a new one gets `new_permissions` (a
/// backup copies its original's) or the umask default.
pub fn write_atomic(
    target: &Path,
    contents: &[u8],
    new_permissions: Option<Permissions>,
) -> io::Result<()> {
    replacement(target, contents, new_permissions)?.persist(target)
}

/// `contents` in a temporary file beside `target`, ready to be renamed
/// over it as [`write_atomic`] does. Where nothing is at `target`, it is
/// a [`new_file`].
fn replacement(
    target: &Path,
    contents: &[u8],
    new_permissions: Option<Permissions>,
) -> io::Result<TrackedTemporary> {
    let metadata = match fs::metadata(target) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return new_file(target, contents, new_permissions);
        }
        Err(error) => return Err(error),
    };
    let permissions = metadata.permissions();
    let temporary = TrackedTemporary::create_in(&parent_folder(target), permissions.clone())?;
    let mut file = temporary.file()?;
    file.write_all(contents)?;
    // Keeping the owner only works with the right to change it (root);
    // anyone else gets their own file, as with any editor.
    let _ = std::os::unix::fs::fchown(file, Some(metadata.uid()), Some(metadata.gid()));
    // The creation mode went through the umask (and a change of owner
    // clears set-id bits); the original's bits must come back exactly.
    file.set_permissions(permissions)?;
    // Flushing to disk before the rename is what keeps a replaced file
    // whole across a power cut. A new file puts nothing at risk (its source
    // is still there), and skipping the flush keeps folders of many small
    // files fast.
    file.sync_all()?;
    Ok(temporary)
}

/// Creates `target`, which must not exist, with `contents`: written to a
/// temporary file and renamed into place only if nothing has appeared at
/// `target` (an existing file, folder or link gives `AlreadyExists` and is
/// left alone). A new file puts nothing at risk, so it is not flushed to
/// disk first, and it gets the umask default permissions.
pub fn write_atomic_new(target: &Path, contents: &[u8]) -> io::Result<()> {
    new_file(target, contents, None)?.persist_new(target)
}

/// [`write_atomic_new`], giving the new file exactly `permissions` when
/// there are some, else the umask default.
fn new_file(
    target: &Path,
    contents: &[u8],
    permissions: Option<Permissions>,
) -> io::Result<TrackedTemporary> {
    let folder = parent_folder(target);
    let temporary = TrackedTemporary::create_in(
        &folder,
        permissions
            .clone()
            .unwrap_or_else(|| Permissions::from_mode(NEW_FILE_MODE)),
    )?;
    let mut file = temporary.file()?;
    file.write_all(contents)?;
    if let Some(permissions) = permissions {
        // The creation mode went through the umask.
        file.set_permissions(permissions)?;
    }
    Ok(temporary)
}

/// Which file of [`write_atomic_with_backup`] could not be written.
#[derive(Debug)]
pub enum BackupWriteError {
    /// The backup; the original is left unchanged.
    Backup(io::Error),
    /// The cleaned file; the original is left unchanged and no new backup
    /// is left beside it.
    Target(io::Error),
}

/// Atomically replaces `target` with `contents`, as [`write_atomic`]
/// does, and keeps `original` (its old contents) at `backup`, with the
/// original's permissions. The backup is made only where nothing is,
/// unless `replace_backup`. Both files are written first and then renamed
/// into place together, out of reach of Ctrl-C: either both land or
/// neither does.
pub fn write_atomic_with_backup(
    target: &Path,
    contents: &[u8],
    backup: &Path,
    original: &[u8],
    replace_backup: bool,
) -> Result<(), BackupWriteError> {
    let permissions = fs::metadata(target)
        .map(|metadata| metadata.permissions())
        .ok();
    let backup_file = if replace_backup {
        replacement(backup, original, permissions)
    } else {
        new_file(backup, original, permissions)
    }
    .map_err(BackupWriteError::Backup)?;
    let cleaned_file = replacement(target, contents, None).map_err(BackupWriteError::Target)?;
    persist_together(backup_file, backup, replace_backup, cleaned_file, target).map_err(|failed| {
        match failed {
            FailedRename::First(error) => BackupWriteError::Backup(error),
            FailedRename::Second(error) => BackupWriteError::Target(error),
        }
    })
}

/// The folder a file lives in (`.` for a bare file name).
pub fn parent_folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `path` with `suffix` appended to its file name (`a.txt` + `.orig`).
pub fn with_suffix(path: &Path, suffix: &std::ffi::OsStr) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// A unified diff of `old` against `new`, headed `a/NAME` and `b/NAME`;
/// empty when they are equal. `color` adds ANSI colours to the lines.
pub fn unified_diff(old: &str, new: &str, name: &str, color: bool) -> String {
    if old == new {
        return String::new();
    }
    let diff = similar::TextDiff::from_lines(old, new);
    let rendered = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string();
    if !color {
        return rendered;
    }
    let mut colored = String::with_capacity(rendered.len() + rendered.len() / 8);
    for line in rendered.split_inclusive('\n') {
        let code = if line.starts_with("+++") || line.starts_with("---") {
            "1"
        } else if line.starts_with('+') {
            "32"
        } else if line.starts_with('-') {
            "31"
        } else if line.starts_with("@@") {
            "36"
        } else {
            ""
        };
        if code.is_empty() {
            colored.push_str(line);
        } else {
            let body = line.strip_suffix('\n').unwrap_or(line);
            colored.push_str(&format!("\x1b[{code}m{body}\x1b[0m"));
            if line.ends_with('\n') {
                colored.push('\n');
            }
        }
    }
    colored
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_keeps_the_permissions_of_the_file_it_replaces() {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("article.txt");
        fs::write(&target, "old").unwrap();
        fs::set_permissions(&target, Permissions::from_mode(0o640)).unwrap();
        write_atomic(&target, b"new", None).unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        let leftovers: Vec<_> = fs::read_dir(folder.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn a_new_file_never_replaces_what_is_already_there() {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("article.txt");
        write_atomic_new(&target, b"first").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "first");
        let error = write_atomic_new(&target, b"second").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&target).unwrap(), "first");
        std::os::unix::fs::symlink("nowhere", folder.path().join("link.txt")).unwrap();
        let error = write_atomic_new(&folder.path().join("link.txt"), b"x").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        let leftovers: Vec<_> = fs::read_dir(folder.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 2, "no temporary file left behind");
        let missing = folder.path().join("no-such-folder/a.txt");
        let error = write_atomic_new(&missing, b"x").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::NotFound);
    }

    #[test]
    fn a_diff_names_both_sides_and_marks_lines() {
        let diff = unified_diff("a\nb\n", "a\nc\n", "x.txt", false);
        assert!(diff.starts_with("--- a/x.txt\n+++ b/x.txt\n"));
        assert!(diff.contains("-b\n+c\n"));
        assert_eq!(unified_diff("same\n", "same\n", "x.txt", false), "");
    }

    #[test]
    fn a_suffix_is_appended_to_the_whole_name() {
        assert_eq!(
            with_suffix(Path::new("dir/a.txt"), std::ffi::OsStr::new(".orig")),
            PathBuf::from("dir/a.txt.orig")
        );
    }
}
