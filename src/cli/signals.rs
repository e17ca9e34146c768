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
        drop(interrupted);
        result
    }
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

    #[test]
    fn a_relative_folder_is_taken_in_the_working_folder() {
        let working = std::env::current_dir().unwrap();
        assert_eq!(absolute(Path::new("out/en")), Some(working.join("out/en")));
        assert_eq!(absolute(&working), None);
    }
}
