//! Ctrl-C and SIGTERM: a watcher thread that, on the first signal, deletes
//! every temporary output file still open, says so on stderr and exits
//! with 130. Temporary files are created, and renamed into place, only
//! while holding a shared lock that the watcher takes exclusively, so a
//! signal can never leave one behind nor cut a rename in half: an original
//! is either untouched or fully replaced. Worker threads share the lock,
//! so they never wait on each other's file system calls; only the list of
//! temporary files has a short lock of its own. This module does not
//! decide what to write; it only tracks the temporary files of
//! [`crate::cli::output`].

use std::fs::Permissions;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock, RwLock, RwLockReadGuard, RwLockWriteGuard};
use tempfile::NamedTempFile;

/// The exit code of a process stopped by Ctrl-C (128 + SIGINT), also used
/// for SIGTERM so that scripts see one "interrupted" code.
pub const INTERRUPTED_EXIT_CODE: i32 = 130;

/// Whether a signal came. Creating and renaming temporary files hold it
/// shared; the watcher holds it exclusively while it deletes them.
static INTERRUPTED: RwLock<bool> = RwLock::new(false);

/// The temporary files that exist now.
static TEMPORARY_FILES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

// A panic elsewhere while holding a lock must not stop the clean-up.
fn shared() -> RwLockReadGuard<'static, bool> {
    INTERRUPTED
        .read()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn exclusive() -> RwLockWriteGuard<'static, bool> {
    INTERRUPTED
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn temporary_files() -> MutexGuard<'static, Vec<PathBuf>> {
    TEMPORARY_FILES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn forget(path: &Path) {
    temporary_files().retain(|tracked| tracked != path);
}

/// Starts the watcher thread. Call once, before any output file is opened.
pub fn install() -> io::Result<()> {
    use signal_hook::consts::signal::{SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if signals.forever().next().is_some() {
                let mut interrupted = exclusive();
                *interrupted = true;
                for path in temporary_files().drain(..) {
                    let _ = std::fs::remove_file(path);
                }
                eprintln!("newsclean: interrupted; no partial files were left");
                std::process::exit(INTERRUPTED_EXIT_CODE);
            }
        })?;
    Ok(())
}

/// `folder` in the working folder, for a relative one. A temporary file
/// needs an absolute path, and `tempfile` would ask for the working
/// folder once per file; the run never changes it, so it is asked for
/// once. `None` when `folder` is absolute already, or the working folder
/// cannot be told (then `tempfile` says why).
fn absolute(folder: &Path) -> Option<PathBuf> {
    static WORKING_FOLDER: OnceLock<Option<PathBuf>> = OnceLock::new();
    if folder.is_absolute() {
        return None;
    }
    let working = WORKING_FOLDER.get_or_init(|| std::env::current_dir().ok());
    working.as_ref().map(|working| working.join(folder))
}

/// `tempfile` ends its errors with ` at path "…/.newsclean-XXXX.tmp"`,
/// a name the user never chose and that no longer exists; the callers'
/// messages name the file being written, so only the cause is kept.
fn without_temporary_name(error: io::Error) -> io::Error {
    let message = error.to_string();
    match message.rfind(" at path \"") {
        Some(end) => io::Error::new(error.kind(), &message[..end]),
        None => error,
    }
}

fn interrupted_error() -> io::Error {
    io::Error::new(io::ErrorKind::Interrupted, "interrupted")
}

/// A temporary file that the signal watcher knows about; dropping it
/// deletes the file.
pub struct TrackedTemporary {
    file: Option<NamedTempFile>,
}

impl TrackedTemporary {
    /// Creates a hidden temporary file in `folder` with `permissions`
    /// (the umask applies).
    pub fn create_in(folder: &Path, permissions: Permissions) -> io::Result<TrackedTemporary> {
        let interrupted = shared();
        if *interrupted {
            return Err(interrupted_error());
        }
        let file = tempfile::Builder::new()
            .prefix(".newsclean-")
            .suffix(".tmp")
            .permissions(permissions)
            .tempfile_in(absolute(folder).as_deref().unwrap_or(folder))
            .map_err(without_temporary_name)?;
        temporary_files().push(file.path().to_path_buf());
        Ok(TrackedTemporary { file: Some(file) })
    }

    pub fn file(&self) -> io::Result<&std::fs::File> {
        self.file
            .as_ref()
            .map(NamedTempFile::as_file)
            .ok_or_else(interrupted_error)
    }

    /// Renames the temporary file over `target`.
    pub fn persist(self, target: &Path) -> io::Result<()> {
        self.rename_to(target, true)
    }

    /// Renames the temporary file to `target` only if nothing is there:
    /// the check and the rename are one step, so a file or link that
    /// exists at `target` is never replaced (`AlreadyExists`).
    pub fn persist_new(self, target: &Path) -> io::Result<()> {
        self.rename_to(target, false)
    }

    fn rename_to(mut self, target: &Path, replace: bool) -> io::Result<()> {
        let interrupted = shared();
        if *interrupted {
            return Err(interrupted_error());
        }
        let result = self.rename_holding_lock(target, replace);
        drop(interrupted);
        result
    }

    /// The rename of [`TrackedTemporary::rename_to`], for a caller that
    /// holds the shared lock.
    fn rename_holding_lock(&mut self, target: &Path, replace: bool) -> io::Result<()> {
        let file = self.file.take().ok_or_else(interrupted_error)?;
        let temporary_path = file.path().to_path_buf();
        let renamed = if replace {
            file.persist(target)
        } else {
            file.persist_noclobber(target)
        };
        let result = renamed.map(drop).map_err(|error| error.error);
        // On failure the temporary file was dropped (and deleted) with the
        // error, so it is forgotten either way.
        forget(&temporary_path);
        result
    }
}

/// Which of two renames made together failed.
#[derive(Debug)]
pub enum FailedRename {
    First(io::Error),
    Second(io::Error),
}

/// Renames `first` to `first_target` (only where nothing is, unless
/// `replace_first`), then `second` over `second_target`, as one step for
/// the signal watcher: a signal never falls between the two. A backup and
/// the replacement of its original go together this way, so an
/// interrupted run never leaves a backup beside an untouched original
/// (which would stop the next run from making one). When the second
/// rename fails, a file that the first one created is removed again.
pub fn persist_together(
    mut first: TrackedTemporary,
    first_target: &Path,
    replace_first: bool,
    mut second: TrackedTemporary,
    second_target: &Path,
) -> Result<(), FailedRename> {
    let interrupted = shared();
    if *interrupted {
        return Err(FailedRename::First(interrupted_error()));
    }
    first
        .rename_holding_lock(first_target, replace_first)
        .map_err(FailedRename::First)?;
    let result = second
        .rename_holding_lock(second_target, true)
        .map_err(FailedRename::Second);
    if result.is_err() && !replace_first {
        let _ = std::fs::remove_file(first_target);
    }
    drop(interrupted);
    // `second` is dropped here, after the lock: its drop takes the lock.
    drop(second);
    result
}

impl Drop for TrackedTemporary {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let interrupted = shared();
            let path = file.path().to_path_buf();
            drop(file);
            forget(&path);
            drop(interrupted);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_failed_temporary_file_is_not_named_in_the_error() {
        let folder = tempfile::tempdir().unwrap();
        let missing = folder.path().join("no/such/folder");
        let error = match TrackedTemporary::create_in(&missing, Permissions::from_mode(0o600)) {
            Err(error) => error,
            Ok(_) => panic!("a temporary file in a missing folder"),
        };
        assert_eq!(error.kind(), io::ErrorKind::NotFound);
        assert_eq!(error.to_string(), "No such file or directory (os error 2)");
    }

    fn temporary_with(folder: &Path, text: &str) -> TrackedTemporary {
        let temporary = TrackedTemporary::create_in(folder, Permissions::from_mode(0o644)).unwrap();
        std::io::Write::write_all(&mut temporary.file().unwrap(), text.as_bytes()).unwrap();
        temporary
    }

    #[test]
    fn two_files_renamed_together_land_together_or_not_at_all() {
        let folder = tempfile::tempdir().unwrap();
        let (backup, original) = (
            folder.path().join("a.txt.orig"),
            folder.path().join("a.txt"),
        );
        std::fs::write(&original, "old").unwrap();
        let both = persist_together(
            temporary_with(folder.path(), "old"),
            &backup,
            false,
            temporary_with(folder.path(), "new"),
            &original,
        );
        assert!(both.is_ok());
        assert_eq!(std::fs::read_to_string(&backup).unwrap(), "old");
        assert_eq!(std::fs::read_to_string(&original).unwrap(), "new");

        // The first target is taken: the second file is not renamed.
        let refused = persist_together(
            temporary_with(folder.path(), "newer"),
            &backup,
            false,
            temporary_with(folder.path(), "newest"),
            &original,
        );
        assert!(
            matches!(refused, Err(FailedRename::First(ref error)) if error.kind() == io::ErrorKind::AlreadyExists)
        );
        assert_eq!(std::fs::read_to_string(&original).unwrap(), "new");

        // The second rename fails (a folder is in the way): the file the
        // first one made is removed again.
        let (fresh, in_the_way) = (folder.path().join("b.txt.orig"), folder.path().join("b"));
        std::fs::create_dir(&in_the_way).unwrap();
        std::fs::write(in_the_way.join("inside"), "x").unwrap();
        let failed = persist_together(
            temporary_with(folder.path(), "old"),
            &fresh,
            false,
            temporary_with(folder.path(), "new"),
            &in_the_way,
        );
        assert!(matches!(failed, Err(FailedRename::Second(_))));
        assert!(!fresh.exists());
        let mut left: Vec<_> = std::fs::read_dir(folder.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        left.sort();
        assert_eq!(left, ["a.txt", "a.txt.orig", "b"], "no temporary file left");
    }

    #[test]
    fn a_relative_folder_is_taken_in_the_working_folder() {
        let working = std::env::current_dir().unwrap();
        assert_eq!(absolute(Path::new("out/en")), Some(working.join("out/en")));
        assert_eq!(absolute(&working), None);
    }
}
