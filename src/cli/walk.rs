//! Turns the PATH arguments into the list of files to clean, in a stable
//! order: files named on the command line as they are, folders walked
//! with the `ignore` crate (recursive, .gitignore-aware, globs, hidden
//! files, symbolic links only when asked), with the output folder left out
//! of the walk. Entries that are not regular files are reported, not
//! silently dropped. It works on `Path`s throughout, so file names that are
//! not UTF-8 work. It does not open or read the files.

use ignore::overrides::OverrideBuilder;
use ignore::WalkBuilder;
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;
use std::path::{Component, Path, PathBuf};

/// How folders are walked.
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    pub globs: Vec<String>,
    pub hidden: bool,
    pub no_ignore: bool,
    pub follow: bool,
    /// A folder never to walk into (the canonical output folder).
    pub exclude: Option<PathBuf>,
    /// The `--backup` suffix of an in-place run: files found in folders
    /// whose names end with it are the backups of an earlier run, and
    /// cleaning them would replace the originals they keep.
    pub backup_suffix: Option<OsString>,
}

/// One thing found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A file to clean; `relative` is where it goes under `--out-dir`.
    File { path: PathBuf, relative: PathBuf },
    /// Not cleaned, for a reason the user should see.
    Skipped { path: PathBuf, reason: String },
    /// Could not be looked at.
    Failed { path: PathBuf, cause: String },
}

/// Expands `paths` into entries. Fails only on an unusable glob.
pub fn collect(paths: &[PathBuf], options: &WalkOptions) -> Result<Vec<Entry>, String> {
    let mut entries = Vec::new();
    for root in paths {
        match std::fs::metadata(root) {
            Err(error) => entries.push(Entry::Failed {
                path: root.clone(),
                cause: error.to_string(),
            }),
            Ok(metadata) if metadata.is_dir() => walk_folder(root, options, &mut entries)?,
            // A file named explicitly is cleaned even if it is a pipe
            // (`newsclean <(curl …)`); only walks skip special files.
            Ok(_) => entries.push(Entry::File {
                path: root.clone(),
                relative: mirrored_name(root),
            }),
        }
    }
    Ok(entries)
}

/// Where an explicitly named file goes under `--out-dir`: its own relative
/// path when it stays below the current folder, else its file name.
fn mirrored_name(path: &Path) -> PathBuf {
    let stays_below = path
        .components()
        .all(|component| matches!(component, Component::Normal(_) | Component::CurDir));
    if stays_below {
        path.components()
            .filter(|component| matches!(component, Component::Normal(_)))
            .collect()
    } else {
        path.file_name().map(PathBuf::from).unwrap_or_default()
    }
}

fn walk_folder(root: &Path, options: &WalkOptions, entries: &mut Vec<Entry>) -> Result<(), String> {
    let mut builder = WalkBuilder::new(root);
    builder
        .standard_filters(!options.no_ignore)
        // README promises that .gitignore is honoured, and a folder of
        // scraped articles is seldom a git repository.
        .require_git(false)
        .hidden(!options.hidden)
        .follow_links(options.follow)
        .sort_by_file_name(|a, b| a.cmp(b));
    if !options.globs.is_empty() {
        let mut overrides = OverrideBuilder::new(root);
        for glob in &options.globs {
            overrides
                .add(glob)
                .map_err(|error| format!("--glob {glob:?}: {error}"))?;
        }
        builder.overrides(
            overrides
                .build()
                .map_err(|error| format!("--glob: {error}"))?,
        );
    }
    let excluded = options.exclude.clone();
    let hidden = options.hidden;
    builder.filter_entry(move |entry| {
        // A glob's override takes in whatever it matches, hidden files
        // included, so hidden files are left out here too: `-g '*.txt'`
        // selects among the files the walk would clean, it does not
        // widen them. The folder named on the command line is walked
        // whatever its name.
        if !hidden && entry.depth() > 0 && entry.file_name().as_bytes().starts_with(b".") {
            return false;
        }
        let Some(excluded) = &excluded else {
            return true;
        };
        let is_folder = entry.file_type().is_some_and(|kind| kind.is_dir());
        !(is_folder && std::fs::canonicalize(entry.path()).is_ok_and(|path| path == *excluded))
    });
    for result in builder.build() {
        match result {
            Ok(entry) => {
                let Some(kind) = entry.file_type() else {
                    continue;
                };
                let path = entry.path().to_path_buf();
                if kind.is_dir() {
                    continue;
                } else if kind.is_file() && is_backup(&path, options.backup_suffix.as_deref()) {
                    entries.push(Entry::Skipped {
                        path,
                        reason: format!(
                            "a backup (its name ends with the --backup suffix {:?})",
                            options.backup_suffix.as_deref().unwrap_or_default()
                        ),
                    });
                } else if kind.is_file() {
                    let relative = path
                        .strip_prefix(root)
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|_| mirrored_name(&path));
                    entries.push(Entry::File { path, relative });
                } else if kind.is_symlink() {
                    entries.push(Entry::Skipped {
                        path,
                        reason: "symbolic link not followed (use -L/--follow)".into(),
                    });
                } else {
                    entries.push(Entry::Skipped {
                        path,
                        reason: "not a regular file".into(),
                    });
                }
            }
            Err(error) => entries.push(walk_error(root, &error)),
        }
    }
    Ok(())
}

/// Whether `path`'s file name ends with the backup suffix (an empty
/// suffix marks nothing).
fn is_backup(path: &Path, suffix: Option<&OsStr>) -> bool {
    let Some(suffix) = suffix.filter(|suffix| !suffix.is_empty()) else {
        return false;
    };
    path.file_name()
        .is_some_and(|name| name.as_bytes().ends_with(suffix.as_bytes()))
}

/// A symbolic-link loop is a property of the tree, not a failure to read
/// it, so it is skipped; anything else (permission denied …) failed.
fn walk_error(root: &Path, error: &ignore::Error) -> Entry {
    let mut path = root.to_path_buf();
    let mut inner = error;
    loop {
        match inner {
            ignore::Error::WithPath { path: at, err } => {
                path = at.clone();
                inner = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                inner = err
            }
            ignore::Error::Loop { child, ancestor } => {
                return Entry::Skipped {
                    path: child.clone(),
                    reason: format!("symbolic link loop back to {}", ancestor.display()),
                }
            }
            ignore::Error::Io(io) => {
                return Entry::Failed {
                    path,
                    cause: io.to_string(),
                }
            }
            other => {
                return Entry::Failed {
                    path,
                    cause: other.to_string(),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn files(entries: &[Entry]) -> Vec<PathBuf> {
        entries
            .iter()
            .filter_map(|entry| match entry {
                Entry::File { relative, .. } => Some(relative.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_walk_is_sorted_skips_hidden_files_and_the_excluded_folder() {
        let folder = tempfile::tempdir().unwrap();
        let root = folder.path();
        fs::create_dir_all(root.join("b/out")).unwrap();
        fs::write(root.join("b/z.txt"), "z").unwrap();
        fs::write(root.join("a.txt"), "a").unwrap();
        fs::write(root.join(".hidden.txt"), "h").unwrap();
        fs::write(root.join("b/out/x.txt"), "x").unwrap();
        let options = WalkOptions {
            exclude: Some(fs::canonicalize(root.join("b/out")).unwrap()),
            ..WalkOptions::default()
        };
        let entries = collect(&[root.to_path_buf()], &options).unwrap();
        assert_eq!(
            files(&entries),
            vec![PathBuf::from("a.txt"), PathBuf::from("b/z.txt")]
        );
    }

    #[test]
    fn globs_select_and_exclude() {
        let folder = tempfile::tempdir().unwrap();
        let root = folder.path();
        fs::create_dir(root.join("sub")).unwrap();
        fs::write(root.join("sub/keep.txt"), "k").unwrap();
        fs::write(root.join("sub/skip.html"), "s").unwrap();
        fs::write(root.join("drop.txt"), "d").unwrap();
        let options = WalkOptions {
            globs: vec!["*.txt".into(), "!drop.txt".into()],
            ..WalkOptions::default()
        };
        let entries = collect(&[root.to_path_buf()], &options).unwrap();
        assert_eq!(files(&entries), vec![PathBuf::from("sub/keep.txt")]);
    }

    #[test]
    fn explicit_files_mirror_their_relative_path() {
        assert_eq!(
            mirrored_name(Path::new("./a/b.txt")),
            PathBuf::from("a/b.txt")
        );
        assert_eq!(mirrored_name(Path::new("../b.txt")), PathBuf::from("b.txt"));
        assert_eq!(
            mirrored_name(Path::new("/tmp/c.txt")),
            PathBuf::from("c.txt")
        );
    }
}
