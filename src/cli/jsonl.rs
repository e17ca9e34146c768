//! JSON Lines: one article per line, exactly one output line per input
//! line, in order. Only the string in the text field is replaced, spliced
//! into the original line, so every other byte (key order, number
//! formatting, escapes, whitespace) passes through untouched; a record
//! whose text is already clean comes out byte for byte. Lines are read in
//! bounded chunks and cleaned in parallel, and no state crosses records,
//! so any split of the input gives the same output. This module neither
//! opens files nor prints: messages go back to the caller.

use crate::cli::args::ExplainFormat;
use crate::cli::explain;
use newsclean::decode::BINARY_SNIFF_BYTES;
use newsclean::{Change, Cleaner, DecodeError};
use rayon::prelude::*;
use serde::Serialize;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, IoSlice, Read, Seek, Write};
use std::ops::Range;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{mpsc, Mutex};

mod record;

/// The key of the object that `--annotate` adds to each record.
pub const ANNOTATION_KEY: &str = "newsclean";

/// A chunk is cleaned in parallel once it holds this many lines or bytes;
/// memory stays bounded by the larger of this and the longest line. About
/// 60 articles a chunk, with two chunks cleaned at once, keep every core
/// busy, and the few chunks in flight (read ahead, being cleaned, their
/// output) stay within about a megabyte and a half.
const CHUNK_LINES: usize = 512;
const CHUNK_BYTES: usize = 256 << 10;

/// What `--jsonl` was asked to do.
#[derive(Debug, Clone)]
pub struct JsonlOptions {
    pub field: String,
    pub strict: bool,
    pub annotate: bool,
    pub explain: Option<ExplainFormat>,
}

/// The result of one line.
#[derive(Debug, Default)]
struct RecordOutcome {
    /// The output line without its line break; `None` when it is the
    /// input line, which is then written from where it was read rather
    /// than copied.
    output: Option<Vec<u8>>,
    changed: bool,
    /// A line that could not be used, passed through unchanged.
    problem: Option<String>,
    explain: Option<String>,
}

/// Counts over one stream.
#[derive(Debug, Default, Clone, Copy)]
pub struct StreamStats {
    pub records: u64,
    pub changed: u64,
    pub malformed: u64,
    /// The input opened with a UTF-8 byte-order mark, which was skipped.
    pub byte_order_mark: bool,
}

/// Why a stream stopped early.
#[derive(Debug)]
pub enum StreamError {
    Read(io::Error),
    Write(io::Error),
    /// `--strict` and a malformed line.
    Strict(String),
    /// The input's start holds a NUL byte: it is binary, not JSON Lines,
    /// and nothing of it was written.
    Binary(DecodeError),
}

/// Whether the start of an input shows it to be binary, judged on its
/// first [`BINARY_SNIFF_BYTES`]. JSON Lines are UTF-8 text in which JSON
/// writes a NUL character only escaped (`\u0000`), so a raw NUL byte there
/// means an image, an archive or UTF-16, whose every line would otherwise
/// be passed through as a malformed record. Later NUL bytes make only
/// their own lines malformed: a stream is answered line by line, and its
/// early lines may be written before the later ones are read.
pub fn binary_start(start: &[u8]) -> Option<DecodeError> {
    let start = &start[..start.len().min(BINARY_SNIFF_BYTES)];
    memchr::memchr(0, start).map(|offset| DecodeError::Binary { offset })
}

/// What a stream needs besides its lines.
pub struct Job<'a> {
    pub cleaner: &'a Cleaner,
    pub options: &'a JsonlOptions,
    /// Names the input in messages.
    pub label: &'a str,
}

/// The UTF-8 byte-order mark, skipped at the start of an input: JSON
/// Lines are UTF-8 by definition, so it says nothing, and it is not JSON.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Cleans JSON Lines that are all in memory (a file of a batch); a
/// byte-order mark at its start is skipped.
pub fn clean_slice(
    input: &[u8],
    writer: &mut dyn Write,
    job: &Job,
    messages: &mut dyn FnMut(Message),
) -> Result<StreamStats, StreamError> {
    let mut stats = StreamStats {
        byte_order_mark: input.starts_with(UTF8_BOM),
        ..StreamStats::default()
    };
    let mut rest = input.strip_prefix(UTF8_BOM).unwrap_or(input);
    while !rest.is_empty() {
        let mut lines: Vec<&[u8]> = Vec::new();
        let mut taken = 0;
        while !rest.is_empty() && lines.len() < CHUNK_LINES && taken < CHUNK_BYTES {
            let end = memchr::memchr(b'\n', rest).map_or(rest.len(), |newline| newline + 1);
            let (line, after) = rest.split_at(end);
            lines.push(line);
            taken += line.len();
            rest = after;
        }
        clean_chunk(&lines, writer, job, messages, &mut stats)?;
    }
    Ok(stats)
}

/// How many chunks of a stream may be cleaned or waiting to be written at
/// once. With two, the workers start on the next chunk while the last
/// records of the one before are still being cleaned and then written,
/// instead of waiting for the slowest record of every chunk.
const CHUNKS_IN_FLIGHT: u64 = 2;

/// How many chunks of a stream are written between two hand-backs of
/// freed memory to the system (16 MB of records or more). Chunks are read,
/// cleaned and written on different threads, so each allocator arena
/// frees blocks another one filled, and over a long stream the free pages
/// the arenas keep add up: four passes over 80 MB at `-j2` peaked at
/// 30.5-30.7 MiB in four runs of six with this (the other two at the
/// start-up's peak, 32.0-32.2 MiB), and at 31.7-32.4 MiB without
/// (BENCHMARKS.md), in the same time: the hand-back walks the free lists
/// once.
const CHUNKS_BETWEEN_HAND_BACKS: u64 = 64;

/// What a stream's lines are read from.
pub enum Source {
    /// A regular file. Its reads never wait for more input, so its chunks
    /// are read straight into place, without a buffer in between.
    File(std::fs::File),
    /// Stdin, a pipe, a terminal: the lines that have arrived are handed
    /// over without waiting for more.
    Stream(Box<dyn Read + Send>),
}

/// Cleans JSON Lines from a stream (stdin, a file) as they arrive. A
/// reader thread hands over whatever lines are available, so a record is
/// answered as soon as it is complete even when the writer of the input
/// waits for that answer, while a fast input still gets large parallel
/// chunks. Every chunk is written before the stream waits for more input.
/// Memory stays bounded by a few chunks or the longest line.
pub fn clean_stream(
    source: Source,
    writer: &mut dyn Write,
    job: &Job,
    messages: &mut dyn FnMut(Message),
) -> Result<StreamStats, StreamError> {
    let (sender, receiver) = mpsc::sync_channel::<Result<Chunk, StreamError>>(1);
    // Written chunks go back to the reader to be filled again: a fresh
    // buffer for every chunk would be mapped, faulted in page by page and
    // unmapped each time (it is larger than the allocator keeps in its
    // heap).
    let (spare_sender, spare_receiver) = mpsc::sync_channel::<Chunk>(SPARE_CHUNKS);
    // The thread is not joined: when the run stops early (a closed stdout,
    // --strict) it may be blocked on a read that never ends, and it dies
    // with the process.
    std::thread::Builder::new()
        .name("jsonl-reader".into())
        .spawn(move || read_chunks(source, &sender, &spare_receiver))
        .map_err(StreamError::Read)?;
    let mut stats = StreamStats::default();
    // Chunks are numbered as they are read; cleaned ones come back in any
    // order and are written in that order.
    let (cleaned_sender, cleaned_receiver) = mpsc::channel::<(u64, Cleaned)>();
    let mut waiting: BTreeMap<u64, Cleaned> = BTreeMap::new();
    let (mut next_to_clean, mut next_to_write) = (0u64, 0u64);
    let mut lines_read = 0u64;
    let mut input_ended = false;
    let mut read_error = None;
    rayon::in_place_scope(|scope| {
        loop {
            while !input_ended && next_to_clean - next_to_write < CHUNKS_IN_FLIGHT {
                // With nothing in flight, wait for input; otherwise take
                // only what is already there.
                let received = if next_to_clean == next_to_write {
                    receiver.recv().ok()
                } else {
                    match receiver.try_recv() {
                        Ok(received) => Some(received),
                        Err(mpsc::TryRecvError::Empty) => break,
                        Err(mpsc::TryRecvError::Disconnected) => None,
                    }
                };
                let Some(mut chunk) = chunk_or_end(received, &mut read_error) else {
                    input_ended = true;
                    break;
                };
                if next_to_clean == 0 {
                    // A chunk holds whole lines, so a BOM opening the
                    // input is all in the first one. It is skipped here,
                    // not by the reader, so that the stream's counts can
                    // tell a lone mark from an input of no bytes at all.
                    stats.byte_order_mark = chunk.skip_utf8_bom();
                }
                while chunk.ends.len() < CHUNK_LINES && chunk.data.len() < CHUNK_BYTES {
                    let Ok(received) = receiver.try_recv() else {
                        break;
                    };
                    let Some(more) = chunk_or_end(Some(received), &mut read_error) else {
                        input_ended = true;
                        break;
                    };
                    chunk.append(&more);
                    let _ = spare_sender.try_send(more);
                }
                let first_line_number = lines_read + 1;
                lines_read += chunk.ends.len() as u64;
                let number = next_to_clean;
                next_to_clean += 1;
                let cleaned_sender = cleaned_sender.clone();
                scope.spawn(move |_| {
                    // A panic still reaches the caller (the scope raises it
                    // again when it ends), but only after the waiting loop
                    // has heard that this chunk will never come.
                    let outcomes = panic::catch_unwind(AssertUnwindSafe(|| {
                        clean_lines(&chunk.lines(), job, first_line_number)
                    }));
                    let (outcomes, panicked) = match outcomes {
                        Ok(outcomes) => (Some(outcomes), None),
                        Err(payload) => (None, Some(payload)),
                    };
                    // The receiver is gone only when the stream stopped.
                    let _ = cleaned_sender.send((number, Cleaned { chunk, outcomes }));
                    if let Some(payload) = panicked {
                        panic::resume_unwind(payload);
                    }
                });
            }
            if next_to_write == next_to_clean {
                break;
            }
            let cleaned = loop {
                if let Some(cleaned) = waiting.remove(&next_to_write) {
                    break cleaned;
                }
                // Every cleaning in flight sends its chunk back, so this
                // does not wait forever.
                if let Ok((number, cleaned)) = cleaned_receiver.recv() {
                    waiting.insert(number, cleaned);
                }
            };
            next_to_write += 1;
            if next_to_write % CHUNKS_BETWEEN_HAND_BACKS == 0 {
                crate::give_back_freed_memory();
            }
            let Some(outcomes) = cleaned.outcomes else {
                // The cleaning panicked; the scope raises it.
                return Ok(());
            };
            write_outcomes(
                &cleaned.chunk.lines(),
                outcomes,
                writer,
                job,
                messages,
                &mut stats,
            )?;
            // A full spare list, or a reader gone, drops the chunk here.
            let _ = spare_sender.try_send(cleaned.chunk);
        }
        Ok(())
    })?;
    match read_error {
        Some(error) => Err(error),
        None => Ok(stats),
    }
}

/// The chunk the reader handed over, or `None` when the input ended: at
/// its end (`received` is `None`) or at a read error, kept in
/// `read_error` to be reported once the chunks before it are written.
fn chunk_or_end(
    received: Option<Result<Chunk, StreamError>>,
    read_error: &mut Option<StreamError>,
) -> Option<Chunk> {
    match received? {
        Ok(chunk) => Some(chunk),
        Err(error) => {
            *read_error = Some(error);
            None
        }
    }
}

/// A chunk of a stream with its records cleaned, waiting to be written;
/// no outcomes when the cleaning panicked.
struct Cleaned {
    chunk: Chunk,
    outcomes: Option<Vec<RecordOutcome>>,
}

/// Lines read in one go: the bytes and where each line ends.
#[derive(Default)]
struct Chunk {
    data: Vec<u8>,
    ends: Vec<usize>,
}

/// How many written chunks wait to be filled again: those in flight and
/// the one being read, with one to spare.
const SPARE_CHUNKS: usize = CHUNKS_IN_FLIGHT as usize + 2;

/// A chunk whose buffer grew beyond this (around a line of megabytes) is
/// not filled again: it would hold that memory for the rest of the stream.
const SPARE_CHUNK_BYTES: usize = 2 * CHUNK_CAPACITY;

/// A new chunk's room. A chunk ends with the line that takes it past
/// `CHUNK_BYTES`: room for a quarter more holds that line in most
/// streams, where growing the buffer would double it.
const CHUNK_CAPACITY: usize = CHUNK_BYTES + CHUNK_BYTES / 4;

impl Chunk {
    fn new() -> Chunk {
        Chunk {
            data: Vec::with_capacity(CHUNK_CAPACITY),
            ends: Vec::new(),
        }
    }

    /// The chunk with no lines, its buffers kept.
    fn emptied(mut self) -> Chunk {
        self.data.clear();
        self.ends.clear();
        self
    }

    fn append(&mut self, other: &Chunk) {
        let offset = self.data.len();
        self.data.extend_from_slice(&other.data);
        self.ends.extend(other.ends.iter().map(|end| end + offset));
    }

    /// Ends the chunk at the end of the input, perhaps after a last line
    /// without `\n`.
    fn end_input(&mut self) {
        if self.ends.last().copied().unwrap_or(0) < self.data.len() {
            self.ends.push(self.data.len());
        }
    }

    /// Drops a UTF-8 byte-order mark opening the chunk, and says whether
    /// there was one: editors and Windows tools put one at the start of a
    /// file, and it would make the first record malformed JSON.
    fn skip_utf8_bom(&mut self) -> bool {
        if !self.data.starts_with(UTF8_BOM) {
            return false;
        }
        self.data.drain(..UTF8_BOM.len());
        for end in &mut self.ends {
            *end -= UTF8_BOM.len();
        }
        self.ends.retain(|&end| end > 0);
        true
    }

    fn lines(&self) -> Vec<&[u8]> {
        let mut start = 0;
        self.ends
            .iter()
            .map(|&end| {
                let line = &self.data[start..end];
                start = end;
                line
            })
            .collect()
    }
}

/// Reads the source's lines in chunks and hands them to the cleaning
/// loop until the input ends, a read fails or the loop stops listening;
/// chunks already written come back through `spare` to be filled again.
fn read_chunks(
    source: Source,
    sender: &mpsc::SyncSender<Result<Chunk, StreamError>>,
    spare: &mpsc::Receiver<Chunk>,
) {
    let source = match sniff_binary(source) {
        Ok(source) => source,
        Err(error) => {
            let _ = sender.send(Err(error));
            return;
        }
    };
    match source {
        Source::File(file) => {
            let mut file = FileChunks::new(file);
            send_chunks(|chunk| file.fill(chunk), sender, spare);
        }
        Source::Stream(reader) => {
            let mut reader = BufReader::with_capacity(1 << 16, reader);
            send_chunks(|chunk| fill_chunk(&mut reader, chunk), sender, spare);
        }
    }
}

/// Refuses a source whose start is binary ([`binary_start`]) before any
/// of it is chunked: a binary file's first "line" may run for gigabytes.
/// A file's start is read and the file put back where it was; a stream's
/// start is one read, of what has arrived, so that a record written alone
/// is still answered at once, and is handed on before the rest.
fn sniff_binary(source: Source) -> Result<Source, StreamError> {
    let refuse_binary = |start: &[u8]| match binary_start(start) {
        Some(error) => Err(StreamError::Binary(error)),
        None => Ok(()),
    };
    let mut start = Vec::with_capacity(BINARY_SNIFF_BYTES);
    match source {
        Source::File(mut file) => {
            let position = file.stream_position().map_err(StreamError::Read)?;
            (&mut file)
                .take(BINARY_SNIFF_BYTES as u64)
                .read_to_end(&mut start)
                .map_err(StreamError::Read)?;
            file.seek(io::SeekFrom::Start(position))
                .map_err(StreamError::Read)?;
            refuse_binary(&start)?;
            Ok(Source::File(file))
        }
        Source::Stream(mut reader) => {
            start.resize(BINARY_SNIFF_BYTES, 0);
            let read = loop {
                match reader.read(&mut start) {
                    Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                    result => break result.map_err(StreamError::Read)?,
                }
            };
            start.truncate(read);
            refuse_binary(&start)?;
            Ok(Source::Stream(Box::new(
                io::Cursor::new(start).chain(reader),
            )))
        }
    }
}

fn send_chunks(
    mut fill: impl FnMut(&mut Chunk) -> io::Result<()>,
    sender: &mpsc::SyncSender<Result<Chunk, StreamError>>,
    spare: &mpsc::Receiver<Chunk>,
) {
    loop {
        let mut chunk = spare
            .try_iter()
            .find(|chunk| chunk.data.capacity() <= SPARE_CHUNK_BYTES)
            .map_or_else(Chunk::new, Chunk::emptied);
        if let Err(error) = fill(&mut chunk) {
            let _ = sender.send(Err(StreamError::Read(error)));
            return;
        }
        if chunk.ends.is_empty() || sender.send(Ok(chunk)).is_err() {
            return;
        }
    }
}

/// Notes in a chunk's `ends` the end of every line of `bytes`, which lie
/// at `start` of its data, until the chunk is full; then returns how many
/// of `bytes` it takes: those up to and with the line that filled it.
fn note_line_ends_in(ends: &mut Vec<usize>, start: usize, bytes: &[u8]) -> Option<usize> {
    for newline in memchr::memchr_iter(b'\n', bytes) {
        let end = start + newline + 1;
        ends.push(end);
        if ends.len() >= CHUNK_LINES || end >= CHUNK_BYTES {
            return Some(newline + 1);
        }
    }
    None
}

/// A regular file's reads run this far past a chunk's byte limit, to
/// reach the end of the line that crosses it; what is read beyond that
/// line is carried to the next chunk.
const FILE_READ_PAST: usize = 16 << 10;

/// Whole lines of a regular file, read straight into chunks. Every chunk
/// is filled to its limit, as the file has all its lines there already.
struct FileChunks<R> {
    file: R,
    /// Bytes read past the last line handed over.
    carried: Vec<u8>,
}

impl<R: Read> FileChunks<R> {
    fn new(file: R) -> Self {
        FileChunks {
            file,
            carried: Vec::new(),
        }
    }

    /// Fills `chunk` (empty) with whole lines, as [`fill_chunk`] would
    /// from a file; no lines at the end of the file.
    fn fill(&mut self, chunk: &mut Chunk) -> io::Result<()> {
        chunk.data.append(&mut self.carried);
        let mut scanned = 0;
        loop {
            let Chunk { data, ends } = &mut *chunk;
            if let Some(taken) = note_line_ends_in(ends, scanned, &data[scanned..]) {
                let end = scanned + taken;
                self.carried.extend_from_slice(&data[end..]);
                data.truncate(end);
                return Ok(());
            }
            scanned = chunk.data.len();
            let wanted = (CHUNK_BYTES + FILE_READ_PAST)
                .saturating_sub(scanned)
                .max(FILE_READ_PAST);
            chunk.data.reserve(wanted);
            // `read_to_end` reads into the chunk's spare room directly.
            let read = (&mut self.file)
                .take(wanted as u64)
                .read_to_end(&mut chunk.data)?;
            if read == 0 {
                chunk.end_input();
                return Ok(());
            }
        }
    }
}

/// Moves whole lines from `reader` into `chunk` until the chunk is full
/// or the lines read so far are all there is for now: what is buffered
/// is handed over rather than waiting for more. A line is never split
/// between chunks; the input's last line may lack its `\n`. The line
/// breaks of a whole buffer are found in one `memchr` pass and its lines
/// copied in one piece.
fn fill_chunk<R: Read>(reader: &mut BufReader<R>, chunk: &mut Chunk) -> io::Result<()> {
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            chunk.end_input();
            return Ok(());
        }
        let filled = note_line_ends_in(&mut chunk.ends, chunk.data.len(), available);
        let (full, taken) = (filled.is_some(), filled.unwrap_or(available.len()));
        chunk.data.extend_from_slice(&available[..taken]);
        // Without a full chunk, the whole buffer was taken: stop unless
        // it ended inside a line, whose rest is still to come.
        let ends_a_line = available[taken - 1] == b'\n';
        reader.consume(taken);
        if full || ends_a_line {
            return Ok(());
        }
    }
}

/// Cleans a chunk of lines in parallel and writes them in order.
fn clean_chunk(
    lines: &[&[u8]],
    writer: &mut dyn Write,
    job: &Job,
    messages: &mut dyn FnMut(Message),
    stats: &mut StreamStats,
) -> Result<(), StreamError> {
    let outcomes = clean_lines(lines, job, stats.records + 1);
    write_outcomes(lines, outcomes, writer, job, messages, stats)
}

/// Cleans lines in parallel; the first is line `first_line_number` of
/// its input.
fn clean_lines(lines: &[&[u8]], job: &Job, first_line_number: u64) -> Vec<RecordOutcome> {
    lines
        .par_iter()
        .enumerate()
        .map(|(index, line)| {
            let body = line.strip_suffix(b"\n").unwrap_or(line);
            clean_record(body, job, first_line_number + index as u64)
        })
        .collect()
}

/// Writes the cleaned lines in order, with their warnings and reports.
/// The lines go out in one vectored write from where they lie (the
/// input's bytes, or the record's new line) instead of being copied
/// through a buffer first.
fn write_outcomes(
    lines: &[&[u8]],
    mut outcomes: Vec<RecordOutcome>,
    writer: &mut dyn Write,
    job: &Job,
    messages: &mut dyn FnMut(Message),
    stats: &mut StreamStats,
) -> Result<(), StreamError> {
    let mut pieces: Vec<&[u8]> = Vec::with_capacity(lines.len() + lines.len() / 2);
    let mut stopped = None;
    for (line, outcome) in lines.iter().zip(&mut outcomes) {
        stats.records += 1;
        if let Some(problem) = outcome.problem.take() {
            stats.malformed += 1;
            if job.options.strict {
                stopped = Some(StreamError::Strict(problem));
                break;
            }
            messages(Message::Warning(format!(
                "{problem} (passed through unchanged)"
            )));
        }
        if let Some(report) = outcome.explain.take() {
            messages(Message::Explain(report));
        }
        if outcome.changed {
            stats.changed += 1;
        }
        let outcome: &RecordOutcome = outcome;
        match &outcome.output {
            // The input line, its line break included, in one piece.
            None => pieces.push(line),
            Some(output) => {
                pieces.push(output);
                if line.ends_with(b"\n") {
                    pieces.push(b"\n");
                }
            }
        }
    }
    // The lines before a line that stops the run are written all the same.
    write_all_pieces(writer, &pieces).map_err(StreamError::Write)?;
    keep_spare_outputs(outcomes);
    if let Some(stopped) = stopped {
        return Err(stopped);
    }
    // A reader waiting for its answer must get it now, not at exit.
    writer.flush().map_err(StreamError::Write)?;
    Ok(())
}

/// Writes every byte of `pieces`, in order, in as few vectored writes as
/// the writer takes.
fn write_all_pieces(writer: &mut dyn Write, pieces: &[&[u8]]) -> io::Result<()> {
    let mut next = 0;
    // Bytes of `pieces[next]` already written.
    let mut offset = 0;
    let mut slices = Vec::with_capacity(pieces.len());
    loop {
        while pieces.get(next).is_some_and(|piece| piece.len() == offset) {
            next += 1;
            offset = 0;
        }
        let Some(first) = pieces.get(next) else {
            return Ok(());
        };
        slices.clear();
        slices.push(IoSlice::new(&first[offset..]));
        slices.extend(pieces[next + 1..].iter().map(|piece| IoSlice::new(piece)));
        let mut written = match writer.write_vectored(&slices) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(written) => written,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        while written > 0 {
            let left = pieces[next].len() - offset;
            if written < left {
                offset += written;
                break;
            }
            written -= left;
            next += 1;
            offset = 0;
        }
    }
}

/// Something to show the user while streaming.
#[derive(Debug)]
pub enum Message {
    Warning(String),
    Explain(String),
}

/// Cleans one line (without its `\n`).
fn clean_record(line: &[u8], job: &Job, line_number: u64) -> RecordOutcome {
    let Job {
        cleaner,
        options,
        label,
    } = *job;
    let passed_through = |problem: String| RecordOutcome {
        output: None,
        changed: false,
        problem: Some(format!("line {line_number}: {problem}")),
        explain: None,
    };
    // Blank lines carry no record; keeping them keeps line numbers aligned.
    if line.iter().all(u8::is_ascii_whitespace) {
        return RecordOutcome {
            output: None,
            ..RecordOutcome::default()
        };
    }
    let Ok(text_line) = simdutf8::basic::from_utf8(line) else {
        return passed_through("malformed JSON: not valid UTF-8".into());
    };
    let buffer = TEXT_BUFFER.take();
    let located = match record::locate(text_line, &options.field, ANNOTATION_KEY, buffer) {
        Ok(located) => located,
        Err(error) => {
            return passed_through(format!("malformed JSON: {}", without_position(&error)))
        }
    };
    let Some(text_span) = located.text else {
        return passed_through(format!("no field {:?}", options.field));
    };
    let raw_text = &text_line[text_span.clone()];
    let original: String = match located.decoded {
        Some(text) => text,
        None => match serde_json::from_str::<Option<String>>(raw_text) {
            Ok(Some(text)) => text,
            Ok(None) => String::new(),
            Err(_) => return passed_through(not_a_text(&options.field, raw_text)),
        },
    };
    let is_null = raw_text == "null";
    // Without a report to write, the changes are not read: merged, they
    // take no memory for each of the millions of repairs a long text may need.
    let buffer = CLEANED_BUFFER.take();
    let mut cleaned = if options.annotate || options.explain.is_some() {
        cleaner.clean_reusing(&original, buffer)
    } else {
        cleaner.clean_with_merged_changes_reusing(&original, buffer)
    };
    // A document ends in one line break, but a record's text usually has
    // none; adding one to every record would make clean records "change".
    if !original.ends_with('\n') && cleaned.text.ends_with('\n') {
        cleaned.text.pop();
    }
    let changed = !is_null && cleaned.text != original;

    // Replacements of parts of the line, in no particular order.
    let mut replacements: Vec<(Range<usize>, Replacement)> = Vec::new();
    if changed {
        replacements.push((text_span, Replacement::JsonString(&cleaned.text)));
    }
    if options.annotate {
        let annotation = annotation(&cleaned.changes);
        match located.annotation {
            Some(existing) => {
                replacements.push((existing, Replacement::Bytes(annotation.into_bytes())));
            }
            None => {
                let closing = text_line.trim_end().len() - 1;
                let separator = if located.keys == 0 { "" } else { "," };
                replacements.push((
                    closing..closing,
                    Replacement::Bytes(
                        format!("{separator}\"{ANNOTATION_KEY}\":{annotation}").into_bytes(),
                    ),
                ));
            }
        }
    }
    let output = splice_all(line, replacements);
    keep_for_the_next_text(original);
    let explain = match options.explain {
        Some(format) if !cleaned.changes.is_empty() => {
            Some(explain::render(format, label, Some(line_number), &cleaned))
        }
        _ => None,
    };
    keep_buffer(&CLEANED_BUFFER, cleaned.text);
    RecordOutcome {
        output,
        changed,
        problem: None,
        explain,
    }
}

thread_local! {
    /// The buffer of the last text decoded on this thread, to decode the
    /// next record's text into: a fresh buffer as long as the line for
    /// every record costs more than decoding a plain one.
    static TEXT_BUFFER: Cell<String> = const { Cell::new(String::new()) };
    /// The buffer of the last cleaned text on this thread, to write the
    /// next one into, for the same reason.
    static CLEANED_BUFFER: Cell<String> = const { Cell::new(String::new()) };
}

/// Texts longer than this do not leave their buffer behind: it would hold
/// their memory for the rest of the run.
const KEPT_BUFFER_LIMIT: usize = 1 << 20;

/// Leaves `text`'s buffer for the next record cleaned on this thread.
fn keep_for_the_next_text(text: String) {
    keep_buffer(&TEXT_BUFFER, text);
}

/// Leaves `text`'s buffer in `kept` for the next record cleaned on this
/// thread.
fn keep_buffer(kept: &'static std::thread::LocalKey<Cell<String>>, text: String) {
    if text.capacity() <= KEPT_BUFFER_LIMIT {
        kept.set(text);
    }
}

/// Buffers of output lines already written, to build the next ones in:
/// an output line is about as long as its record, and a new buffer of
/// that size for every changed record costs more than the splicing.
/// Lines are built on the workers and written elsewhere, so the buffers
/// go back through one shared list, taken from once per changed record.
static SPARE_OUTPUTS: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());

/// A buffer for an output line, empty, with room from an earlier line
/// when there is one.
fn spare_output() -> Vec<u8> {
    SPARE_OUTPUTS
        .lock()
        .ok()
        .and_then(|mut spare| spare.pop())
        .unwrap_or_default()
}

/// Keeps the buffers of written output lines for the lines to come: as
/// many as a chunk's lines, none longer than a kept text buffer, so that
/// they hold little memory between chunks.
fn keep_spare_outputs(outcomes: Vec<RecordOutcome>) {
    let Ok(mut spare) = SPARE_OUTPUTS.lock() else {
        return;
    };
    for mut output in outcomes.into_iter().filter_map(|outcome| outcome.output) {
        if spare.len() >= CHUNK_LINES {
            break;
        }
        if output.capacity() <= KEPT_BUFFER_LIMIT {
            output.clear();
            spare.push(output);
        }
    }
}

/// What goes in place of a part of a record's line.
enum Replacement<'a> {
    /// Bytes written as they are.
    Bytes(Vec<u8>),
    /// A text written as a JSON string.
    JsonString(&'a str),
}

impl Replacement<'_> {
    /// About how many bytes it takes: a JSON string is its text with room
    /// for a few escapes.
    fn size(&self) -> usize {
        match self {
            Replacement::Bytes(bytes) => bytes.len(),
            Replacement::JsonString(text) => text.len() + text.len() / 16 + 2,
        }
    }
}

/// `line` with each range replaced, built in one pass; the ranges do not
/// overlap. `None` when there is none: the line stays as it is.
fn splice_all(line: &[u8], mut replacements: Vec<(Range<usize>, Replacement)>) -> Option<Vec<u8>> {
    if replacements.is_empty() {
        return None;
    }
    replacements.sort_by_key(|(range, _)| range.start);
    let added: usize = replacements.iter().map(|(_, new)| new.size()).sum();
    let size = line.len() + added;
    let mut output = spare_output();
    if output.capacity() < size {
        output = Vec::with_capacity(size);
    }
    let mut copied = 0;
    for (range, new) in replacements {
        output.extend_from_slice(&line[copied..range.start]);
        match new {
            Replacement::Bytes(bytes) => output.extend_from_slice(&bytes),
            Replacement::JsonString(text) => record::push_json_string(&mut output, text),
        }
        copied = range.end;
    }
    output.extend_from_slice(&line[copied..]);
    Some(output)
}

/// Why the text field's raw value `raw` could not be read as a text: not
/// a string at all, or a string whose `\u` escapes name half of a
/// surrogate pair without the other half, which no Unicode text holds.
fn not_a_text(field: &str, raw: &str) -> String {
    if !raw.starts_with('"') {
        return format!("field {field:?} is not a string");
    }
    match unpaired_surrogate_escape(raw) {
        Some(escape) => format!(
            "field {field:?} is not valid Unicode: it holds the unpaired surrogate escape {escape}"
        ),
        None => format!("field {field:?} is not a valid JSON string"),
    }
}

/// The first `\uXXXX` escape in the JSON string `raw` that is half of a
/// surrogate pair without its other half.
fn unpaired_surrogate_escape(raw: &str) -> Option<&str> {
    let bytes = raw.as_bytes();
    let unit_at = |at: usize| -> Option<u16> {
        let escape = bytes.get(at..at + 6)?;
        if !escape.starts_with(b"\\u") {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&escape[2..]).ok()?, 16).ok()
    };
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] != b'\\' {
            at += 1;
            continue;
        }
        let Some(unit) = unit_at(at) else {
            // Any other escape is two bytes long.
            at += 2;
            continue;
        };
        match unit {
            0xD800..=0xDBFF => match unit_at(at + 6) {
                Some(0xDC00..=0xDFFF) => at += 12,
                _ => return raw.get(at..at + 6),
            },
            0xDC00..=0xDFFF => return raw.get(at..at + 6),
            _ => at += 6,
        }
    }
    None
}

/// serde_json's messages end in "at line 1 column N", which misleads on a
/// single line; the column alone is what helps.
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let message = match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message,
    };
    format!("{message} at column {}", error.column())
}

#[derive(Serialize)]
struct Annotation<'a> {
    encoding: &'static str,
    changes: &'a [Change],
    version: &'static str,
    rules_version: &'static str,
}

fn annotation(changes: &[Change]) -> String {
    let annotation = Annotation {
        // A JSON Lines record is UTF-8 by definition.
        encoding: "UTF-8",
        changes,
        version: env!("CARGO_PKG_VERSION"),
        rules_version: newsclean::RULES_VERSION,
    };
    serde_json::to_string(&annotation).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsclean::Config;

    /// A reader that hands out its bytes a few at a time, as a pipe does.
    struct Trickle<'a> {
        rest: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.step.min(self.rest.len()).min(buf.len());
            buf[..n].copy_from_slice(&self.rest[..n]);
            self.rest = &self.rest[n..];
            Ok(n)
        }
    }

    /// Every chunk `fill_chunk` makes of `input`, read `step` bytes at a
    /// time through a buffer of `capacity`.
    fn chunks_of(input: &[u8], step: usize, capacity: usize) -> Vec<Chunk> {
        let mut reader = BufReader::with_capacity(capacity, Trickle { rest: input, step });
        let mut chunks = Vec::new();
        loop {
            let mut chunk = Chunk::default();
            fill_chunk(&mut reader, &mut chunk).unwrap();
            if chunk.ends.is_empty() {
                return chunks;
            }
            chunks.push(chunk);
        }
    }

    #[test]
    fn chunks_hold_whole_lines_in_order_however_the_input_arrives() {
        let mut input = Vec::new();
        for index in 0..1500 {
            input.extend_from_slice(
                format!("{{\"text\":\"{}\"}}\n", "x".repeat(index % 37)).as_bytes(),
            );
        }
        input.extend_from_slice(b"{\"text\":\"last, without a break\"}");
        let expected: Vec<&[u8]> = input.split_inclusive(|&byte| byte == b'\n').collect();
        for (step, capacity) in [(1, 16), (7, 64), (100, 1 << 16), (1 << 16, 1 << 16)] {
            let chunks = chunks_of(&input, step, capacity);
            let lines: Vec<Vec<u8>> = chunks
                .iter()
                .flat_map(|chunk| chunk.lines().into_iter().map(<[u8]>::to_vec))
                .collect();
            assert_eq!(lines, expected, "step {step}, buffer {capacity}");
            assert!(chunks.iter().all(|chunk| chunk.ends.len() <= CHUNK_LINES));
        }
        // Handed over in one go, the input fills chunks to their limit.
        let chunks = chunks_of(&input, 1 << 20, 1 << 20);
        assert_eq!(chunks[0].ends.len(), CHUNK_LINES);
    }

    #[test]
    fn a_chunk_stops_at_the_line_that_takes_it_past_its_byte_limit() {
        let line = format!("{}\n", "y".repeat(1000));
        let input = line.repeat(CHUNK_BYTES / 1000 + 10);
        let chunks = chunks_of(input.as_bytes(), 1 << 20, 1 << 20);
        assert_eq!(chunks[0].data.len(), (CHUNK_BYTES / 1001 + 1) * 1001);
        assert_eq!(
            chunks.iter().map(|chunk| chunk.data.len()).sum::<usize>(),
            input.len()
        );
    }

    /// Every chunk [`FileChunks`] makes of `input`.
    fn file_chunks_of(input: &[u8]) -> Vec<Chunk> {
        let mut file = FileChunks::new(io::Cursor::new(input));
        let mut chunks = Vec::new();
        loop {
            let mut chunk = Chunk::default();
            file.fill(&mut chunk).unwrap();
            if chunk.ends.is_empty() {
                return chunks;
            }
            chunks.push(chunk);
        }
    }

    #[test]
    fn a_file_is_read_in_the_chunks_a_buffered_reader_makes_of_it() {
        let mut inputs: Vec<Vec<u8>> = vec![Vec::new(), b"no line break".to_vec()];
        // Short lines fill chunks by their count, long ones by their bytes,
        // and a line longer than a chunk and the read past it stays whole.
        let mut short = Vec::new();
        for index in 0..1500 {
            short.extend_from_slice(format!("{{\"n\":{}}}\n", "7".repeat(index % 37)).as_bytes());
        }
        inputs.push(short);
        let long = format!("{}\n", "y".repeat(1000)).repeat(CHUNK_BYTES / 1000 * 3);
        inputs.push(long.into_bytes());
        let mut mixed = format!("a\n{}\nb\n", "z".repeat(CHUNK_BYTES + 3 * FILE_READ_PAST));
        mixed.push_str(&"c\n".repeat(CHUNK_LINES + 1));
        mixed.push_str("last, without a break");
        inputs.push(mixed.into_bytes());
        for input in &inputs {
            let from_file = file_chunks_of(input);
            let buffered = chunks_of(input, 1 << 20, 1 << 20);
            let shapes = |chunks: &[Chunk]| -> Vec<(Vec<u8>, Vec<usize>)> {
                chunks
                    .iter()
                    .map(|chunk| (chunk.data.clone(), chunk.ends.clone()))
                    .collect()
            };
            assert_eq!(
                shapes(&from_file),
                shapes(&buffered),
                "{} bytes",
                input.len()
            );
        }
    }

    #[test]
    fn a_written_chunk_is_filled_again_without_its_old_lines() {
        let (sender, receiver) = mpsc::sync_channel(8);
        let (spare_sender, spare) = mpsc::sync_channel(SPARE_CHUNKS);
        // A chunk that grew around a long line is dropped, not refilled.
        let grown = Chunk {
            data: Vec::with_capacity(SPARE_CHUNK_BYTES + 1),
            ends: Vec::new(),
        };
        let mut written = Chunk::new();
        written.data.extend_from_slice(b"{\"old\":1}\n");
        written.ends.push(written.data.len());
        let written_buffer = written.data.as_ptr();
        spare_sender.send(grown).unwrap();
        spare_sender.send(written).unwrap();
        let mut file = FileChunks::new(io::Cursor::new(b"{\"a\":1}\n{\"b\":2}\n".to_vec()));
        send_chunks(|chunk| file.fill(chunk), &sender, &spare);
        drop(sender);
        let chunks: Vec<Chunk> = receiver.iter().map(Result::unwrap).collect();
        assert_eq!(chunks.len(), 1);
        assert_eq!(chunks[0].data, b"{\"a\":1}\n{\"b\":2}\n");
        assert_eq!(chunks[0].ends, [8, 16]);
        assert_eq!(
            chunks[0].data.as_ptr(),
            written_buffer,
            "the written chunk's buffer"
        );
    }

    /// Takes at most `step` bytes a call, and is interrupted every other
    /// call.
    struct Stingy {
        written: Vec<u8>,
        step: usize,
        calls: usize,
    }

    impl Write for Stingy {
        fn write(&mut self, buffer: &[u8]) -> io::Result<usize> {
            self.write_vectored(&[IoSlice::new(buffer)])
        }

        fn write_vectored(&mut self, pieces: &[IoSlice<'_>]) -> io::Result<usize> {
            self.calls += 1;
            if self.calls % 2 == 0 {
                return Err(io::ErrorKind::Interrupted.into());
            }
            let mut taken = 0;
            for piece in pieces {
                let take = piece.len().min(self.step - taken);
                self.written.extend_from_slice(&piece[..take]);
                taken += take;
            }
            Ok(taken)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn pieces_are_written_whole_and_in_order_however_little_a_write_takes() {
        let texts: [&[u8]; 6] = [b"{\"a\":1}\n", b"", b"{\"text\":\"x\"}", b"\n", b"", b"z\n"];
        for step in [1, 2, 5, 64] {
            let mut writer = Stingy {
                written: Vec::new(),
                step,
                calls: 0,
            };
            write_all_pieces(&mut writer, &texts).unwrap();
            assert_eq!(writer.written, texts.concat(), "step {step}");
        }
    }

    fn options() -> JsonlOptions {
        JsonlOptions {
            field: "text".into(),
            strict: false,
            annotate: false,
            explain: None,
        }
    }

    fn run(input: &str, options: &JsonlOptions) -> (String, Vec<String>) {
        let cleaner = Cleaner::new(Config::default());
        let job = Job {
            cleaner: &cleaner,
            options,
            label: "<test>",
        };
        let mut output = Vec::new();
        let mut warnings = Vec::new();
        clean_slice(input.as_bytes(), &mut output, &job, &mut |message| {
            if let Message::Warning(text) = message {
                warnings.push(text)
            }
        })
        .unwrap();
        // The streaming paths, from a stream and from a file, must agree
        // with the in-memory one.
        let mut streamed = Vec::new();
        let reader = Box::new(io::Cursor::new(input.as_bytes().to_vec()));
        clean_stream(Source::Stream(reader), &mut streamed, &job, &mut |_| {}).unwrap();
        assert_eq!(streamed, output);
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(input.as_bytes()).unwrap();
        io::Seek::rewind(&mut file).unwrap();
        let mut from_file = Vec::new();
        clean_stream(Source::File(file), &mut from_file, &job, &mut |_| {}).unwrap();
        assert_eq!(from_file, output);
        (String::from_utf8(output).unwrap(), warnings)
    }

    #[test]
    fn buffers_kept_from_earlier_records_hold_nothing_of_them() {
        // Long changed records, then short ones, changed or not: each is
        // built in the buffers the ones before left behind, and comes out
        // as it does in a run of its own.
        let long = "Word after word. ".repeat(40);
        let records = [
            format!("{{\"text\":\"{long}\\n\\n\\nMore {long}\"}}\n"),
            format!("{{\"text\":\"Other {long}\"}}\n"),
            "{\"text\":\"a\\n\\n\\nb\"}\n".to_string(),
            "{\"text\":\"c\"}\n".to_string(),
            "{\"text\":\"d  e\"}\n".to_string(),
        ];
        let alone: String = records
            .iter()
            .rev()
            .map(|record| run(record, &options()).0)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        assert_eq!(run(&records.concat(), &options()).0, alone);
    }

    #[test]
    fn clean_records_pass_through_byte_for_byte() {
        let input = "{\"id\": 1.50, \"text\": \"Caf\\u00e9 opens.\", \"z\": [1e3]}\n";
        assert_eq!(run(input, &options()).0, input);
    }

    #[test]
    fn only_the_text_value_is_replaced() {
        let input = "{\"b\":1.0,\"text\":\"One.\\n\\n\\nTwo.\",\"a\":\"\\u0078\"}\n";
        assert_eq!(
            run(input, &options()).0,
            "{\"b\":1.0,\"text\":\"One.\\n\\nTwo.\",\"a\":\"\\u0078\"}\n"
        );
    }

    #[test]
    fn malformed_lines_are_reported_and_kept() {
        let input = "{\"text\": \"A.\\n\"}\nnot json\n[1]\n{\"title\": \"x\"}\n";
        let (output, warnings) = run(input, &options());
        assert_eq!(output, input);
        assert_eq!(warnings.len(), 3);
        assert!(warnings[0].starts_with("line 2: malformed JSON"));
        assert!(warnings[2].starts_with("line 4: no field \"text\""));
    }

    #[test]
    fn annotate_adds_one_object_and_replaces_an_old_one() {
        let mut annotating = options();
        annotating.annotate = true;
        let (output, _) = run("{\"text\":\"A.\\n\\n\\n\\nB.\"}\n", &annotating);
        let record: serde_json::Value = serde_json::from_str(&output).unwrap();
        assert_eq!(record["newsclean"]["encoding"], "UTF-8");
        assert_eq!(
            record["newsclean"]["rules_version"],
            newsclean::RULES_VERSION
        );
        assert_eq!(record["text"], "A.\n\nB.");
        let (again, _) = run(&output, &annotating);
        assert_eq!(again.matches("\"newsclean\"").count(), 1);
    }

    #[test]
    fn replacements_are_spliced_in_order_of_position() {
        let line = b"0123456789";
        let spliced = splice_all(
            line,
            vec![
                (8..9, Replacement::Bytes(b"X".to_vec())),
                (2..5, Replacement::Bytes(Vec::new())),
                (9..9, Replacement::JsonString("Y\n")),
            ],
        );
        assert_eq!(spliced.as_deref(), Some(&b"01567X\"Y\\n\"9"[..]));
        assert_eq!(splice_all(line, Vec::new()), None);
    }

    #[test]
    fn a_last_line_without_a_line_break_keeps_none() {
        assert_eq!(run("{\"text\":null}", &options()).0, "{\"text\":null}");
    }
}
