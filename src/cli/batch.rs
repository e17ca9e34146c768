//! Runs the cleaner over every input and sends each result where the
//! destination says: stdout, `-o FILE`, a mirrored `--out-dir`, in place,
//! or only a `--check`/`--diff` report. Files are cleaned in parallel in
//! bounded chunks, but everything printed (output, diffs, messages) comes
//! out in input order, so `-j 1` and `-j N` print the same bytes. A file
//! that fails is reported and the batch goes on. Inputs that `--out-dir`
//! would mirror onto one output file are refused before anything is
//! written, a file whose every block was dropped is never emptied, and an
//! empty input is cleaned as any other but named in a warning.
//! This module does not parse flags or pick exit codes; it returns the
//! counts.

use crate::cli::args::{Destination, ExplainFormat};
use crate::cli::explain;
use crate::cli::jsonl::{self, JsonlOptions, Message, StreamError, StreamStats};
use crate::cli::output::{
    unified_diff, with_suffix, write_atomic, write_atomic_new, write_atomic_with_backup,
    BackupWriteError,
};
use crate::cli::progress::{Reporter, Summary};
use crate::cli::walk::Entry;
use encoding_rs::Encoding;
use newsclean::decode::BINARY_SNIFF_BYTES;
use newsclean::{Cleaner, DecodeError};
use rayon::prelude::*;
use std::collections::{hash_map, HashMap};
use std::io::{self, Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

/// How many files are cleaned in parallel before their results are
/// printed; bounds the memory held by finished but unprinted results.
const CHUNK_FILES: usize = 256;

/// The label of standard input in messages.
pub const STDIN_LABEL: &str = "<stdin>";

/// Everything a run needs besides its inputs.
pub struct Settings {
    pub cleaner: Cleaner,
    pub forced_encoding: Option<String>,
    pub jsonl: Option<JsonlOptions>,
    pub explain: Option<ExplainFormat>,
    pub destination: Destination,
    pub force: bool,
    /// Under `--out-dir`, the input folder that holds the output folder.
    /// The files already in the output folder then belong to the input
    /// tree, left out of the walk and not cleaned, and none is replaced,
    /// not even with `--force`: it may be the user's own file rather than
    /// an earlier run's output. One that already holds the output it would
    /// get (an earlier run's, run again) is left as it is.
    pub out_dir_in_input: Option<PathBuf>,
    pub color_diff: bool,
    /// Several inputs or a folder: binary files are skipped rather than
    /// failed, and a summary is printed.
    pub batch: bool,
}

/// Where a document comes from.
#[derive(Debug, Clone)]
pub enum Input {
    Stdin,
    Entry(Entry),
    /// A file refused before anything was read or written; the message
    /// names it and says why.
    Refused(String),
}

/// Writing to stdout failed: either the reader went away (`| head`), which
/// ends the run quietly, or a real error.
#[derive(Debug)]
pub enum StdoutError {
    Closed,
    Failed(io::Error),
}

impl From<io::Error> for StdoutError {
    fn from(error: io::Error) -> StdoutError {
        if error.kind() == io::ErrorKind::BrokenPipe {
            StdoutError::Closed
        } else {
            StdoutError::Failed(error)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Unchanged,
    Changed,
    Skipped,
    Failed,
}

#[derive(Debug)]
enum Note {
    Error(String),
    Warning(String),
    Explain(String),
}

/// The result of one input, held until its turn to be printed.
#[derive(Debug)]
struct Outcome {
    status: Status,
    bytes: u64,
    stdout: Vec<u8>,
    notes: Vec<Note>,
}

impl Outcome {
    fn failed(message: String) -> Outcome {
        Outcome {
            status: Status::Failed,
            bytes: 0,
            stdout: Vec::new(),
            notes: vec![Note::Error(message)],
        }
    }

    fn skipped(message: String) -> Outcome {
        Outcome {
            status: Status::Skipped,
            bytes: 0,
            stdout: Vec::new(),
            notes: vec![Note::Warning(message)],
        }
    }
}

/// Cleans every input and returns the counts; only a failing stdout stops
/// the run early.
pub fn run(
    inputs: Vec<Input>,
    settings: &Settings,
    reporter: &Reporter,
) -> Result<Summary, StdoutError> {
    let mut inputs = inputs;
    if let Destination::OutDir(folder) = &settings.destination {
        refuse_out_dir_collisions(&mut inputs, folder);
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut summary = Summary::default();
    let streams_to_stdout = settings.jsonl.is_some() && settings.destination == Destination::Stdout;
    for chunk in inputs.chunks(CHUNK_FILES) {
        if streams_to_stdout {
            // Records are already cleaned in parallel inside each stream;
            // the streams themselves must follow each other on stdout.
            for input in chunk {
                let outcome = stream_jsonl(input, settings, reporter, &mut out)?;
                emit(outcome, &mut out, reporter, &mut summary)?;
            }
        } else {
            let outcomes: Vec<Outcome> = chunk
                .par_iter()
                .map(|input| process(input, settings))
                .collect();
            for outcome in outcomes {
                emit(outcome, &mut out, reporter, &mut summary)?;
            }
        }
    }
    out.flush()?;
    Ok(summary)
}

fn emit(
    outcome: Outcome,
    out: &mut dyn Write,
    reporter: &Reporter,
    summary: &mut Summary,
) -> Result<(), StdoutError> {
    for note in &outcome.notes {
        match note {
            Note::Error(message) => reporter.error(message),
            Note::Warning(message) => reporter.warning(message),
            Note::Explain(report) => reporter.explain(report),
        }
    }
    out.write_all(&outcome.stdout)?;
    summary.files += 1;
    summary.bytes += outcome.bytes;
    match outcome.status {
        Status::Unchanged => {}
        Status::Changed => summary.changed += 1,
        Status::Skipped => summary.skipped += 1,
        Status::Failed => summary.failed += 1,
    }
    reporter.advance();
    Ok(())
}

/// Under `--out-dir`, two inputs can mirror onto the same output file
/// (`x1/a.txt` and `x2/a.txt` both become `a.txt`). Left to the batch,
/// one would silently replace the other, and which one would depend on
/// the threads. Instead the first in input order is written and every
/// later one is refused, before anything is written, naming both inputs.
fn refuse_out_dir_collisions(inputs: &mut [Input], folder: &Path) {
    let mut first_of: HashMap<PathBuf, PathBuf> = HashMap::new();
    for input in inputs.iter_mut() {
        let Input::Entry(Entry::File { path, relative }) = input else {
            continue;
        };
        match first_of.entry(relative.clone()) {
            hash_map::Entry::Vacant(vacant) => {
                vacant.insert(path.clone());
            }
            hash_map::Entry::Occupied(earlier) => {
                let message = format!(
                    "{}: writing: its output {} is also the output of {}, which comes first; nothing written",
                    path.display(),
                    folder.join(relative.as_path()).display(),
                    earlier.get().display()
                );
                *input = Input::Refused(message);
            }
        }
    }
}

/// The path and label of an input that names a file.
fn file_of(input: &Input) -> Result<(Option<&Path>, Option<&Path>, String), Outcome> {
    match input {
        Input::Stdin => Ok((None, None, STDIN_LABEL.to_string())),
        Input::Entry(Entry::File { path, relative }) => Ok((
            Some(path.as_path()),
            Some(relative.as_path()),
            path.display().to_string(),
        )),
        Input::Entry(Entry::Skipped { path, reason }) => Err(Outcome::skipped(format!(
            "{}: skipped: {reason}",
            path.display()
        ))),
        Input::Entry(Entry::Failed { path, cause }) => Err(Outcome::failed(format!(
            "{}: reading: {cause}",
            path.display()
        ))),
        Input::Refused(message) => Err(Outcome::failed(message.clone())),
    }
}

/// What reading an input gave.
enum ReadInput {
    Bytes(Vec<u8>),
    /// Its start showed it to be binary, so the rest was not read.
    Binary(DecodeError),
}

/// Reads an input whole, unless its first [`BINARY_SNIFF_BYTES`] already
/// show it to be binary: a video or a disk image in a folder of articles
/// is then refused after a few kilobytes, not after its whole size was
/// read into memory.
fn read_input(
    path: Option<&Path>,
    binary_start: impl Fn(&[u8]) -> Option<DecodeError>,
) -> io::Result<ReadInput> {
    let read_sniffing = |reader: &mut dyn Read, size: Option<u64>| -> io::Result<ReadInput> {
        let expected = size.map_or(0, |size| usize::try_from(size).unwrap_or(usize::MAX));
        let mut bytes = Vec::with_capacity(expected.min(BINARY_SNIFF_BYTES));
        (&mut *reader)
            .take(BINARY_SNIFF_BYTES as u64)
            .read_to_end(&mut bytes)?;
        if let Some(error) = binary_start(&bytes) {
            return Ok(ReadInput::Binary(error));
        }
        if bytes.len() == BINARY_SNIFF_BYTES {
            bytes.reserve(expected.saturating_sub(bytes.len()));
            reader.read_to_end(&mut bytes)?;
        }
        Ok(ReadInput::Bytes(bytes))
    };
    match path {
        Some(path) => {
            let mut file = std::fs::File::open(path)?;
            let size = file
                .metadata()
                .ok()
                .filter(|metadata| metadata.is_file())
                .map(|metadata| metadata.len());
            read_sniffing(&mut file, size)
        }
        None => read_sniffing(&mut io::stdin().lock(), None),
    }
}

/// The outcome of an input refused as binary: in a batch it is skipped
/// with a warning, as one of many files found in a folder; alone, it is
/// what the user asked to clean, and fails.
fn binary_outcome(error: &DecodeError, label: &str, settings: &Settings) -> Outcome {
    if settings.batch {
        Outcome::skipped(format!("{label}: skipped: {error}"))
    } else {
        Outcome::failed(format!("{label}: decoding: {error}"))
    }
}

/// Reads, cleans and writes one input.
fn process(input: &Input, settings: &Settings) -> Outcome {
    let (path, relative, label) = match file_of(input) {
        Ok(found) => found,
        Err(outcome) => return outcome,
    };
    let forced = settings.forced_encoding.as_deref();
    let read = match &settings.jsonl {
        Some(_) => read_input(path, jsonl::binary_start),
        None => read_input(path, |start| newsclean::decode::binary_start(start, forced)),
    };
    let original = match read {
        Ok(ReadInput::Bytes(bytes)) => bytes,
        Ok(ReadInput::Binary(error)) => return binary_outcome(&error, &label, settings),
        Err(error) => return Outcome::failed(format!("{label}: reading: {error}")),
    };
    let mut notes = Vec::new();
    if settings.jsonl.is_none() {
        // Any byte-order mark, as decoding removes any.
        let mark = Encoding::for_bom(&original).map_or(0, |(_, length)| length);
        if original.len() == mark {
            notes.push(empty_input_warning(&label, mark > 0, "nothing to clean"));
        }
    }
    let cleaned = match &settings.jsonl {
        Some(options) => clean_jsonl_in_memory(&original, settings, options, &label, &mut notes)
            .map(|cleaned| (cleaned, false)),
        None => clean_document(&original, settings, &label, &mut notes),
    };
    let (cleaned, all_dropped) = match cleaned {
        Ok(cleaned) => cleaned,
        Err(outcome) => return outcome,
    };
    if all_dropped {
        // Every block of a file with text in it was taken for boilerplate
        // or a repeat. That is far likelier a rule gone wrong than an
        // article with nothing to keep, so no file is emptied over it.
        let left = match &settings.destination {
            Destination::Stdout => {
                notes.push(Note::Warning(format!(
                    "{label}: every block was dropped; the output is empty"
                )));
                None
            }
            Destination::File(_) | Destination::OutDir(_) => Some("nothing written"),
            Destination::InPlace { .. } | Destination::Report { .. } => Some("left unchanged"),
        };
        if let Some(left) = left {
            notes.push(Note::Warning(format!(
                "{label}: skipped: every block was dropped; {left}"
            )));
            return Outcome {
                status: Status::Skipped,
                bytes: original.len() as u64,
                stdout: Vec::new(),
                notes,
            };
        }
    }
    let changed = cleaned != original;
    let mut outcome = Outcome {
        status: if changed {
            Status::Changed
        } else {
            Status::Unchanged
        },
        bytes: original.len() as u64,
        stdout: Vec::new(),
        notes,
    };
    if let Err(message) = deliver(
        &original,
        cleaned,
        changed,
        path,
        relative,
        &label,
        settings,
        &mut outcome.stdout,
    ) {
        outcome.status = Status::Failed;
        outcome.notes.push(Note::Error(message));
    }
    outcome
}

/// Decodes and cleans one plain-text document; also says whether every
/// block of it was dropped (a text left empty by drops, not one that held
/// only blank space).
fn clean_document(
    original: &[u8],
    settings: &Settings,
    label: &str,
    notes: &mut Vec<Note>,
) -> Result<(Vec<u8>, bool), Outcome> {
    let forced = settings.forced_encoding.as_deref();
    // Without a report to write, the changes are not read: merged, they
    // take no memory for each of the millions of repairs a long text may need.
    let result = match settings.explain {
        Some(_) => settings.cleaner.clean_bytes(original, forced),
        None => settings
            .cleaner
            .clean_bytes_with_merged_changes(original, forced),
    };
    match result {
        Ok(cleaned) => {
            if let Some(format) = settings.explain {
                notes.push(Note::Explain(explain::render(
                    format, label, None, &cleaned,
                )));
            }
            let all_dropped = cleaned.text.trim().is_empty()
                && cleaned
                    .changes
                    .iter()
                    .any(|change| change.action == newsclean::Action::Drop);
            Ok((cleaned.text.into_bytes(), all_dropped))
        }
        Err(newsclean::Error::Decode(error @ DecodeError::Binary { .. })) => {
            Err(binary_outcome(&error, label, settings))
        }
        Err(error) => Err(Outcome::failed(format!("{label}: decoding: {error}"))),
    }
}

fn clean_jsonl_in_memory(
    original: &[u8],
    settings: &Settings,
    options: &JsonlOptions,
    label: &str,
    notes: &mut Vec<Note>,
) -> Result<Vec<u8>, Outcome> {
    let mut cleaned = Vec::with_capacity(original.len());
    let job = jsonl::Job {
        cleaner: &settings.cleaner,
        options,
        label,
    };
    let result = jsonl::clean_slice(original, &mut cleaned, &job, &mut |message| {
        notes.push(note_of(label, message))
    });
    match result {
        Ok(stats) => {
            notes.extend(no_records_warning(label, &stats));
            Ok(cleaned)
        }
        Err(StreamError::Strict(problem)) => {
            let mut outcome = Outcome::failed(format!("{label}: {problem}"));
            outcome.notes.splice(0..0, std::mem::take(notes));
            Err(outcome)
        }
        Err(StreamError::Binary(error)) => Err(binary_outcome(&error, label, settings)),
        Err(StreamError::Read(error) | StreamError::Write(error)) => {
            Err(Outcome::failed(format!("{label}: cleaning: {error}")))
        }
    }
}

/// The warning for an input that holds nothing at all: no bytes, or only
/// a byte-order mark. It is cleaned as any other, into an empty output,
/// but an empty file is likelier a download or an export that went wrong
/// than an article, and is not passed over in silence. Blank space is
/// not nothing: it is text, tidied as usual.
fn empty_input_warning(label: &str, byte_order_mark: bool, consequence: &str) -> Note {
    let held = if byte_order_mark {
        "only a byte-order mark"
    } else {
        "0 bytes"
    };
    Note::Warning(format!("{label}: empty input ({held}); {consequence}"))
}

/// The warning for a JSON Lines input without a single line: it held no
/// bytes, or only the byte-order mark that was skipped.
fn no_records_warning(label: &str, stats: &StreamStats) -> Option<Note> {
    (stats.records == 0).then(|| empty_input_warning(label, stats.byte_order_mark, "no records"))
}

fn note_of(label: &str, message: Message) -> Note {
    match message {
        Message::Warning(text) => Note::Warning(format!("{label}: {text}")),
        Message::Explain(report) => Note::Explain(report),
    }
}

/// Streams one JSON Lines input straight to stdout, memory bounded by the
/// longest line; messages are printed as the stream goes.
fn stream_jsonl(
    input: &Input,
    settings: &Settings,
    reporter: &Reporter,
    out: &mut dyn Write,
) -> Result<Outcome, StdoutError> {
    let (path, _, label) = match file_of(input) {
        Ok(found) => found,
        Err(outcome) => return Ok(outcome),
    };
    let Some(options) = &settings.jsonl else {
        return Ok(Outcome::failed(format!("{label}: not a JSON Lines run")));
    };
    let source = match path {
        Some(path) => match std::fs::File::open(path) {
            Ok(file) => source_of_file(file),
            Err(error) => return Ok(Outcome::failed(format!("{label}: reading: {error}"))),
        },
        None => stdin_source(),
    };
    let mut counted = CountingWriter {
        inner: out,
        written: 0,
        error: None,
    };
    let job = jsonl::Job {
        cleaner: &settings.cleaner,
        options,
        label: &label,
    };
    let result = jsonl::clean_stream(source, &mut counted, &job, &mut |message| match note_of(
        &label, message,
    ) {
        Note::Warning(text) => reporter.warning(&text),
        Note::Explain(report) => reporter.explain(&report),
        Note::Error(text) => reporter.error(&text),
    });
    match result {
        Ok(stats) => Ok(Outcome {
            status: if stats.changed > 0 {
                Status::Changed
            } else {
                Status::Unchanged
            },
            bytes: counted.written,
            stdout: Vec::new(),
            notes: no_records_warning(&label, &stats).into_iter().collect(),
        }),
        Err(StreamError::Write(error)) => Err(StdoutError::from(counted.error.unwrap_or(error))),
        Err(StreamError::Read(error)) => Ok(Outcome::failed(format!("{label}: reading: {error}"))),
        Err(StreamError::Strict(problem)) => Ok(Outcome::failed(format!("{label}: {problem}"))),
        Err(StreamError::Binary(error)) => Ok(binary_outcome(&error, &label, settings)),
    }
}

fn is_regular_file(file: &std::fs::File) -> bool {
    file.metadata().is_ok_and(|metadata| metadata.is_file())
}

/// A regular file is read as one, anything else (a named pipe, a device)
/// as a stream.
fn source_of_file(file: std::fs::File) -> jsonl::Source {
    if is_regular_file(&file) {
        jsonl::Source::File(file)
    } else {
        jsonl::Source::Stream(Box::new(file))
    }
}

/// Stdin redirected from a regular file is read as that file.
fn stdin_source() -> jsonl::Source {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(owned) = io::stdin().as_fd().try_clone_to_owned() {
            let file = std::fs::File::from(owned);
            if is_regular_file(&file) {
                return jsonl::Source::File(file);
            }
        }
    }
    jsonl::Source::Stream(Box::new(io::stdin()))
}

/// Counts the bytes written for the summary, and keeps the first stdout
/// error whole (its kind decides between a quiet `| head` and a real
/// failure).
struct CountingWriter<'a> {
    inner: &'a mut dyn Write,
    written: u64,
    error: Option<io::Error>,
}

impl CountingWriter<'_> {
    fn count(&mut self, result: io::Result<usize>) -> io::Result<usize> {
        match result {
            Ok(written) => {
                self.written += written as u64;
                Ok(written)
            }
            Err(error) => {
                if self.error.is_none() {
                    self.error = Some(io::Error::new(error.kind(), error.to_string()));
                }
                Err(error)
            }
        }
    }
}

impl Write for CountingWriter<'_> {
    fn write(&mut self, buffer: &[u8]) -> io::Result<usize> {
        let result = self.inner.write(buffer);
        self.count(result)
    }

    fn write_vectored(&mut self, buffers: &[io::IoSlice<'_>]) -> io::Result<usize> {
        let result = self.inner.write_vectored(buffers);
        self.count(result)
    }

    /// The stream's last bytes often reach stdout only here (a short
    /// output sits in the buffer until the end), so a failed flush is
    /// kept like a failed write: `> /dev/full` must not pass for `| head`.
    fn flush(&mut self) -> io::Result<()> {
        let result = self.inner.flush().map(|()| 0);
        self.count(result).map(drop)
    }
}

/// Sends the cleaned bytes where the destination says; the error is the
/// whole message.
#[allow(clippy::too_many_arguments)]
fn deliver(
    original: &[u8],
    cleaned: Vec<u8>,
    changed: bool,
    path: Option<&Path>,
    relative: Option<&Path>,
    label: &str,
    settings: &Settings,
    stdout: &mut Vec<u8>,
) -> Result<(), String> {
    match &settings.destination {
        Destination::Stdout => {
            *stdout = cleaned;
            Ok(())
        }
        Destination::File(target) => {
            refuse_own_input(target, path)?;
            if write_into_stream(target, &cleaned)? {
                return Ok(());
            }
            write_new(target, &cleaned, settings.force)
                .map_err(|error| write_new_error(target, &error))
        }
        Destination::OutDir(folder) => {
            let target = folder.join(relative.unwrap_or(Path::new("stdin.txt")));
            // Only --force replaces a file that is there: without it, the
            // input itself is asked about once creating its output found
            // a file in its place, which spares a fresh output folder a
            // look at every target.
            if settings.force {
                refuse_own_input(&target, path)?;
            }
            if let Some(input_folder) = &settings.out_dir_in_input {
                if target.symlink_metadata().is_ok() {
                    // An earlier run's output, as it would be written again.
                    if std::fs::read(&target).is_ok_and(|existing| existing == cleaned) {
                        return Ok(());
                    }
                    return Err(format!(
                        "{}: writing: the file already exists in the output folder, which lies in the input folder {} and was not cleaned; it is not replaced, even with --force (nothing written)",
                        target.display(),
                        input_folder.display()
                    ));
                }
            }
            // Most targets do not exist yet: what is there is only asked
            // about where something may be (under --force, which would
            // rename over it, or once creating the file found one), so
            // that a device or a pipe is written into, never replaced.
            if settings.force && write_into_stream(&target, &cleaned)? {
                return Ok(());
            }
            // Most files go to a folder an earlier file created: writing
            // first spares asking for the folder every time. Any failure
            // but an existing file takes the careful way, whose messages
            // say which step failed.
            match write_new(&target, &cleaned, settings.force) {
                Ok(()) => return Ok(()),
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                    refuse_own_input(&target, path)?;
                    if write_into_stream(&target, &cleaned)? {
                        return Ok(());
                    }
                    return Err(write_new_error(&target, &error));
                }
                Err(_) => {}
            }
            let parent = crate::cli::output::parent_folder(&target);
            std::fs::create_dir_all(&parent).map_err(|error| {
                format!("{}: creating the output folder: {error}", parent.display())
            })?;
            write_new(&target, &cleaned, settings.force)
                .map_err(|error| write_new_error(&target, &error))
        }
        Destination::InPlace { backup } => {
            let Some(path) = path else {
                return Err(format!(
                    "{label}: writing: stdin cannot be cleaned in place"
                ));
            };
            if !changed {
                return Ok(());
            }
            // A symbolic link named on the command line stays a link: its
            // target is what gets cleaned.
            let resolved = std::fs::canonicalize(path)
                .map_err(|error| format!("{label}: writing: {error}"))?;
            let path = resolved.as_path();
            let Some(suffix) = backup else {
                return write_atomic(path, &cleaned, None)
                    .map_err(|error| format!("{label}: writing: {error}"));
            };
            // A file already at the backup's name may be the user's own, or
            // the original an earlier run kept: only --force replaces it.
            // Without it the file is left unchanged.
            let backup_path = with_suffix(path, suffix);
            write_atomic_with_backup(path, &cleaned, &backup_path, original, settings.force)
                .map_err(|error| match error {
                    BackupWriteError::Backup(error) => {
                        let cause = if error.kind() == io::ErrorKind::AlreadyExists {
                            "the file already exists (use --force to replace it)".to_string()
                        } else {
                            error.to_string()
                        };
                        format!(
                            "{}: writing the backup: {cause}; {label} left unchanged",
                            backup_path.display()
                        )
                    }
                    BackupWriteError::Target(error) => format!("{label}: writing: {error}"),
                })
        }
        Destination::Report { check, diff } => {
            if changed && *diff {
                let old = String::from_utf8_lossy(original);
                let new = String::from_utf8_lossy(&cleaned);
                stdout.extend_from_slice(
                    unified_diff(&old, &new, label, settings.color_diff).as_bytes(),
                );
            } else if changed && *check {
                match path {
                    Some(path) => stdout.extend_from_slice(path.as_os_str().as_bytes()),
                    None => stdout.extend_from_slice(label.as_bytes()),
                }
                stdout.push(b'\n');
            }
            Ok(())
        }
    }
}

/// Refuses an output file that is the input file itself (under another
/// name, through a link, or as `--out-dir` mirrors it onto itself): it
/// would replace the original, which only `--in-place` may do. Only an
/// existing target is looked at closely, so a fresh output folder costs
/// one look per file.
fn refuse_own_input(target: &Path, input: Option<&Path>) -> Result<(), String> {
    let Some(input) = input else {
        return Ok(());
    };
    if std::fs::symlink_metadata(target).is_err() {
        return Ok(());
    }
    match (std::fs::canonicalize(target), std::fs::canonicalize(input)) {
        (Ok(target_found), Ok(input_found)) if target_found == input_found => Err(format!(
            "{}: writing: the output file is the input file itself; nothing written (use --in-place to clean it in place)",
            target.display()
        )),
        _ => Ok(()),
    }
}

/// Writes into an output that is a character device or a named pipe
/// (`-o /dev/null`, `-o /dev/stdout` on a pipe or terminal, a FIFO) the
/// way a shell redirection or `sort -o` does: opened for writing, with no
/// temporary file and no rename. Renaming over such a file would replace
/// the device or pipe itself with a regular file, while writing into it
/// replaces nothing, so no `--force` is asked for. Any other kind of file
/// that is not a regular file (a folder, a socket, a block device) is
/// refused and left alone. `Ok(false)` means `target` is absent or a
/// regular file, for the atomic write to handle.
fn write_into_stream(target: &Path, contents: &[u8]) -> Result<bool, String> {
    use std::os::unix::fs::FileTypeExt;
    if std::fs::symlink_metadata(target).is_err() {
        return Ok(false);
    }
    // A link is judged by what it points to (`/dev/stdout`); one that
    // points nowhere, or cannot be looked at, is the atomic write's to
    // report.
    let Ok(metadata) = std::fs::metadata(target) else {
        return Ok(false);
    };
    let kind = metadata.file_type();
    let refuse = |what: &str| {
        Err(format!(
            "{}: writing: {what}, not a regular file; nothing written",
            target.display()
        ))
    };
    if kind.is_file() {
        return Ok(false);
    } else if kind.is_dir() {
        return refuse("is a directory");
    } else if kind.is_socket() {
        return refuse("is a socket");
    } else if kind.is_block_device() {
        return refuse("is a block device");
    } else if !(kind.is_char_device() || kind.is_fifo()) {
        return refuse("is a special file");
    }
    // Opened without truncating: if a regular file took the device's place
    // since it was looked at, it is found out below and left as it was.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(target)
        .map_err(|error| format!("{}: writing: {error}", target.display()))?;
    let opened = file
        .metadata()
        .map_err(|error| format!("{}: writing: {error}", target.display()))?
        .file_type();
    if !(opened.is_char_device() || opened.is_fifo()) {
        return Err(format!(
            "{}: writing: replaced by another file while being opened; nothing written",
            target.display()
        ));
    }
    file.write_all(contents)
        .and_then(|()| file.flush())
        .map_err(|error| format!("{}: writing: {error}", target.display()))?;
    Ok(true)
}

/// Writes a file that is not the input itself: an existing one is only
/// replaced with `force`; without it, an existing file (or folder, or
/// link) fails with `AlreadyExists` and is left alone. A symbolic link
/// replaced with `force` stays a link: the file it points to is replaced,
/// as `--in-place` does, rather than the link (`/dev/stdout` redirected to
/// a file must not turn into a file of its own).
fn write_new(target: &Path, contents: &[u8], force: bool) -> io::Result<()> {
    if force {
        let is_link = std::fs::symlink_metadata(target)
            .is_ok_and(|metadata| metadata.file_type().is_symlink());
        if is_link {
            if let Ok(resolved) = std::fs::canonicalize(target) {
                return write_atomic(&resolved, contents, None);
            }
        }
        write_atomic(target, contents, None)
    } else {
        write_atomic_new(target, contents)
    }
}

/// The message of a failed [`write_new`].
fn write_new_error(target: &Path, error: &io::Error) -> String {
    if error.kind() == io::ErrorKind::AlreadyExists {
        format!(
            "{}: writing: the file already exists (use --force to replace it)",
            target.display()
        )
    } else {
        format!("{}: writing: {error}", target.display())
    }
}
