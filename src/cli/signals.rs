//! Ctrl-C and SIGTERM: a watcher thread that, on the first signal, deletes
//! every temporary output file still open, says so on stderr and exits
//! with 130. Temporary files are created, and renamed into place, only
//! under the same lock, so a signal can never leave one behind nor cut a
//! rename in half: an original is either untouched or fully replaced. This
//! module does not decide what to write; it only tracks the temporary
//! files of [`crate::cli::output`].

use std::fs::Permissions;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use tempfile::NamedTempFile;

/// The exit code of a process stopped by Ctrl-C (128 + SIGINT), also used
/// for SIGTERM so that scripts see one "interrupted" code.
pub const INTERRUPTED_EXIT_CODE: i32 = 130;

struct State {
    interrupted: bool,
    temporary_files: Vec<PathBuf>,
}

static STATE: Mutex<State> = Mutex::new(State {
    interrupted: false,
    temporary_files: Vec::new(),
});

fn state() -> MutexGuard<'static, State> {
    // A panic elsewhere while holding the lock must not stop the clean-up.
    STATE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Starts the watcher thread. Call once, before any output file is opened.
pub fn install() -> io::Result<()> {
    use signal_hook::consts::signal::{SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if signals.forever().next().is_some() {
                let mut state = state();
                state.interrupted = true;
                for path in state.temporary_files.drain(..) {
                    let _ = std::fs::remove_file(path);
                }
                eprintln!("newsclean: interrupted; no partial files were left");
                std::process::exit(INTERRUPTED_EXIT_CODE);
            }
        })?;
    Ok(())
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
        let mut state = state();
        if state.interrupted {
            return Err(interrupted_error());
        }
        let file = tempfile::Builder::new()
            .prefix(".newsclean-")
            .suffix(".tmp")
            .permissions(permissions)
            .tempfile_in(folder)?;
        state.temporary_files.push(file.path().to_path_buf());
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
        let mut state = state();
        if state.interrupted {
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
        state
            .temporary_files
            .retain(|tracked| tracked != &temporary_path);
        result
    }
}

impl Drop for TrackedTemporary {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let mut state = state();
            let path = file.path().to_path_buf();
            drop(file);
            state.temporary_files.retain(|tracked| tracked != &path);
        }
    }
}
