//! Mojibake repair: UTF-8 that was decoded with the wrong single-byte code
//! page (windows-1252, latin-1, windows-874, windows-1250/1251/1253/1254/
//! 1257, iso-8859-2, mac-roman, cp437, koi8-r/u), for a whole line or only
//! some spans of it, once or several times over, and with a lost byte.
//!
//! The model (see MOJIBAKE.md): what we see is `decode_C(utf8(original))`.
//! A cheap byte-level pre-scan rejects lines with no candidate; on a line
//! with a hit, every code page is tried over the whole line, each span
//! whose characters map back to valid multi-byte UTF-8 is judged by
//! [`score`], and the code page with the most plausible result wins. This
//! repeats, with a bound, so that double damage comes right. Lossy holes
//! are filled last, and only when the evidence picks one filler.
//!
//! It deliberately leaves alone anything it is unsure about: a false repair
//! is worse than a missed one. It does not decode entities, fold spaces or
//! normalise; those are other repair steps.

mod codepages;
mod detect;
mod emoji;
mod everyday;
mod letters;
mod lossy;
mod score;
mod tables;
mod written;

use crate::repair::utf8::next_non_ascii;
use crate::report::Change;
use codepages::{code_pages, CodePage};
use detect::{
    candidate_pages_and_chars_into, candidate_pages_into, is_middle_step, pages_worth_judging,
    sequences, FactsRoom, LineFacts, Sequence,
};
use letters::CharHashing;
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::ops::Range;

/// Rounds of repair per line: enough for triple damage plus a second code
/// page on a mixed line, and a bound against any loop.
const MAX_ROUNDS: usize = 5;
/// The smallest gain (in cost units of `score`) that makes a span repair.
const ACCEPT_SPAN: f32 = 1.5;
/// The smallest gain of a span on a line where other spans gave enough
/// evidence (`LINE_EVIDENCE`) for the same code page.
const ACCEPT_SUPPORTED: f32 = 0.0;
const LINE_EVIDENCE: f32 = 3.0;
/// Each extra round (another code page, or another layer of damage) must
/// buy at least this much.
const ACCEPT_ROUND: f32 = 1.5;
/// Evidence that grows with every further valid sequence in a row: real
/// text seldom forms even two by accident.
const RUN_BONUS: f32 = 1.0;
/// A lead letter followed only by symbols, punctuation or controls: the
/// shape of mojibake.
const SHAPE_BONUS: f32 = 1.5;

/// Alternations of sequence repair and hole filling per line. A line
/// stops as soon as a pass changes nothing; the bound only stops a line
/// that keeps changing, and a line whose last pass still changed it would
/// be changed again by a second cleaning.
const PASSES: usize = 4;
/// Rounds of filling lossy holes per line.
const LOSSY_ROUNDS: usize = 3;

/// How much cheaper a second reading of a repaired run must be.
const DEEPEN_MARGIN: f32 = 1.0;

pub const REASON_DOUBLE: &str = "mojibake.double";
pub const REASON_LOSSY: &str = "mojibake.lossy";

/// Repairs mojibake in `text`, recording one change per repaired span.
pub fn repair<'a>(text: &'a str, changes: &mut Vec<Change>) -> Cow<'a, str> {
    repair_lines(text, changes, |_| true)
}

/// [`repair`] of the lines of `text` whose start (a byte offset) `wanted`
/// accepts; the other lines stay as they are.
pub(crate) fn repair_lines<'a>(
    text: &'a str,
    changes: &mut Vec<Change>,
    wanted: impl Fn(usize) -> bool,
) -> Cow<'a, str> {
    ROOM.with(|kept| match kept.try_borrow_mut() {
        Ok(mut room) => {
            let repaired = repair_lines_in(text, changes, wanted, &mut room);
            // The buffers a text of ordinary lines left are kept for the
            // next text; those a very long line grew are let go.
            if room.line_chars.capacity() > KEPT_ROOM_LIMIT {
                *room = LineRoom::default();
            }
            repaired
        }
        // A call made while the thread's buffers are in use (none is)
        // would work in buffers of its own.
        Err(_) => repair_lines_in(text, changes, wanted, &mut LineRoom::default()),
    })
}

/// [`repair_lines`] in the buffers of `room`.
fn repair_lines_in<'a>(
    text: &'a str,
    changes: &mut Vec<Change>,
    wanted: impl Fn(usize) -> bool,
    room: &mut LineRoom,
) -> Cow<'a, str> {
    let bytes = text.as_bytes();
    let mut output: Option<String> = None;
    // Everything before `copied` is already in `output` (when it exists).
    let mut copied = 0;
    let mut index = 0;
    while let Some(position) = next_non_ascii(bytes, index) {
        let line_start = memchr::memrchr(b'\n', &bytes[..position]).map_or(0, |p| p + 1);
        let line_end =
            memchr::memchr(b'\n', &bytes[position..]).map_or(bytes.len(), |p| position + p);
        let line = &text[line_start..line_end];
        index = line_end;
        if !wanted(line_start) {
            continue;
        }
        let pages = candidate_pages_and_chars_into(
            line,
            position - line_start,
            &mut room.facts,
            &mut room.line_chars,
        );
        if pages == 0 {
            continue;
        }
        if let Some(fixed) = repair_line(line, pages, line_start, changes, room) {
            let out = output.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[copied..line_start]);
            out.push_str(fixed);
            copied = line_end;
        }
    }
    match output {
        None => Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
    }
}

/// One replacement in the current text of a line, in byte offsets.
#[derive(Debug, Clone)]
struct Edit {
    range: Range<usize>,
    replacement: String,
    reason: &'static str,
}

/// A stretch of a line as it is now, and where it came from: either
/// untouched text (`reason` is `None`: the line's `original` bytes, not
/// copied, and `text` is empty) or a repair (`text`).
#[derive(Debug, Clone)]
struct Segment {
    text: String,
    original: Range<usize>,
    reason: Option<&'static str>,
}

impl Segment {
    /// Untouched text: the bytes `original` of the line.
    fn untouched(original: Range<usize>) -> Segment {
        Segment {
            text: String::new(),
            original,
            reason: None,
        }
    }

    /// The segment's text as it is now, in `line`.
    fn text<'s>(&'s self, line: &'s str) -> &'s str {
        match self.reason {
            None => &line[self.original.clone()],
            Some(_) => &self.text,
        }
    }

    /// The length in bytes of [`Segment::text`].
    fn len(&self) -> usize {
        match self.reason {
            None => self.original.len(),
            Some(_) => self.text.len(),
        }
    }
}

/// Rebuilds `text` as the segments of `line` joined, in the buffer it
/// already has.
fn join_into(segments: &[Segment], line: &str, text: &mut String) {
    text.clear();
    for segment in segments {
        text.push_str(segment.text(line));
    }
}

thread_local! {
    /// The buffers of the thread's last text, so that texts, like the lines
    /// of one text, do not each allocate them afresh.
    static ROOM: RefCell<LineRoom> = RefCell::new(LineRoom::default());
}

/// The most characters a text's longest line may have for its buffers to
/// be kept for the next text.
const KEPT_ROOM_LIMIT: usize = 1 << 14;

/// Buffers [`repair_line`] refills for every line, so that the lines of a
/// text do not each allocate them afresh.
#[derive(Default)]
struct LineRoom {
    /// The characters of the line as it came.
    line_chars: Vec<char>,
    /// The characters of the line's current text.
    current_chars: Vec<char>,
    /// The characters of the current text once edited (then swapped with
    /// `current_chars`).
    edited_chars: Vec<char>,
    /// The line's current text.
    current: String,
    /// The text a pass started from.
    pass_start: String,
    /// The stretches of the line, untouched or repaired.
    segments: Vec<Segment>,
    /// The code pages a round planned.
    planned: Vec<usize>,
    /// The edits a round or a hole search makes.
    edits: Vec<Edit>,
    /// The buffers of [`apply`], and the strings of repairs done with.
    segment_room: SegmentRoom,
    /// The buffers of [`LineFacts`].
    facts: FactsRoom,
    /// What the rounds of a line work out about its readings.
    readings: Readings,
    /// The buffers of [`plan`].
    plan: PlanRoom,
}

/// Repairs one line (without its `\n`), whose pre-scan found `pages` and
/// put its characters into `room.line_chars`; `None` when nothing changed.
/// `room` holds buffers for the work, and the repaired line.
fn repair_line<'r>(
    line: &str,
    pages: u16,
    line_offset: usize,
    changes: &mut Vec<Change>,
    room: &'r mut LineRoom,
) -> Option<&'r str> {
    let LineRoom {
        line_chars,
        current_chars,
        edited_chars,
        current,
        pass_start,
        segments,
        planned,
        edits,
        segment_room,
        facts: facts_room,
        readings,
        plan: room,
    } = room;
    // Most lines that reach here are clean text in a code page's own
    // script: settle that before building anything.
    let line_chars = &line_chars[..];
    let mut facts = LineFacts::scanned(line_chars, std::mem::take(facts_room));
    let worth_judging = pages_worth_judging(&mut facts, pages);
    if worth_judging == 0 && !lossy::worth_trying(&mut facts) {
        *facts_room = facts.into_room();
        return None;
    }
    // Whether the line as it came is worth the hole search: known already
    // when it was asked above. While no repair has touched the line, the
    // hole search sees that same line and asks again.
    let mut line_worth_filling = (worth_judging == 0).then_some(true);
    // The first round reads the line as it is: what was just worked out
    // about it holds there.
    let mut first_round = Some((facts, worth_judging));
    for segment in segments.drain(..) {
        segment_room.spare_texts.keep(segment.text);
    }
    segments.push(Segment::untouched(0..line.len()));
    current.clear();
    current.push_str(line);
    // The characters of `current`, kept up to date edit by edit rather than
    // decoded again after each round.
    current_chars.clear();
    current_chars.extend_from_slice(line_chars);
    let mut used_pages = 0u32;
    readings.new_line();
    // Whether the hole search found nothing to fill in the line as it now
    // stands: the search reads nothing but the line's characters and the
    // segments' reasons, and only a round's edits change those before the
    // next pass, so until one does, searching again would find the same
    // nothing.
    let mut holes_settled = false;
    // A filled hole can complete a neighbouring sequence, and a repaired
    // sequence is context for a hole: alternate until neither finds more,
    // so that a second call finds nothing left to do.
    for _ in 0..PASSES {
        pass_start.clone_from(current);
        // Whether the rounds stopped because nothing more was worth doing,
        // rather than at their bound.
        let mut settled = false;
        for _ in 0..MAX_ROUNDS {
            let (mut facts, pages) = match first_round.take() {
                Some(known) => known,
                None => {
                    let pages = candidate_pages_into(current, facts_room);
                    let mut facts = LineFacts::scanned(current_chars, std::mem::take(facts_room))
                        .mended_under(used_pages as u16);
                    let pages = pages_worth_judging(&mut facts, pages);
                    (facts, pages)
                }
            };
            let chars = facts.chars;
            let best = if pages == 0 {
                None
            } else {
                best_plan(&mut facts, pages, used_pages, planned, readings, room)
            };
            *facts_room = facts.into_room();
            let Some((net, page_index)) = best else {
                settled = true;
                break;
            };
            if net < ACCEPT_ROUND {
                settled = true;
                break;
            }
            used_pages |= 1 << page_index;
            room.best_edits(edits, &mut segment_room.spare_texts);
            edit_chars(chars, edits, edited_chars);
            to_byte_edits(chars, edits);
            apply(segments, line, edits, segment_room);
            join_into(segments, line, current);
            std::mem::swap(current_chars, edited_chars);
            holes_settled = false;
        }
        // A filled hole is context for its neighbours: fill again until
        // nothing changes, so that a second call finds nothing more to do.
        let mut filled = false;
        for _ in 0..LOSSY_ROUNDS {
            if holes_settled {
                break;
            }
            let chars = &current_chars[..];
            let repaired_here = segments.iter().any(|segment| segment.reason.is_some());
            let worth_filling = repaired_here
                || *line_worth_filling
                    .get_or_insert_with(|| lossy::worth_trying(&mut LineFacts::new(chars)));
            let mut lossy_edits = if worth_filling {
                lossy::plan(chars, used_pages as u16)
            } else {
                Vec::new()
            };
            // In a line nothing was repaired in, a Latin letter written
            // right (`niño`) says the line was never decoded under a code
            // page that loses bytes: its `Ã?` is text, not a lost `Á`. (A
            // space after a lead stays a hole: `Ã  la carte, Ã  bientôt`
            // lost only the no-break spaces of its `à`.)
            let fills_a_question_mark = |edit: &Edit| chars[edit.range.clone()].contains(&'?');
            if !repaired_here
                && lossy_edits.iter().any(fills_a_question_mark)
                && holds_a_latin_letter_written_right(chars)
            {
                lossy_edits.retain(|edit| !fills_a_question_mark(edit));
            }
            if lossy_edits.is_empty() {
                holes_settled = true;
                break;
            }
            edit_chars(chars, &lossy_edits, edited_chars);
            to_byte_edits(chars, &mut lossy_edits);
            apply(segments, line, &mut lossy_edits, segment_room);
            join_into(segments, line, current);
            std::mem::swap(current_chars, edited_chars);
            filled = true;
        }
        // Without a filled hole, another pass would see the very text the
        // settled rounds and the hole search just saw, and find the same
        // nothing.
        if *current == *pass_start || settled && !filled {
            break;
        }
    }
    if current == line {
        return None;
    }
    for segment in segments.iter() {
        if let Some(reason) = segment.reason {
            crate::report::push_repair(
                changes,
                Change::repair(
                    reason,
                    line_offset + segment.original.start,
                    &line[segment.original.clone()],
                    segment.text.as_str(),
                ),
            );
        }
    }
    Some(current.as_str())
}

/// Whether `chars` hold a Latin-1 letter (`À` to `ÿ`) followed by an
/// ASCII letter (`ñ` in `niño`): decoded under a code page that loses
/// bytes, such a letter would have come out as two characters or more,
/// the second no ASCII letter.
fn holds_a_latin_letter_written_right(chars: &[char]) -> bool {
    chars.windows(2).any(|pair| {
        matches!(pair[0], 'À'..='ÿ')
            && !matches!(pair[0], '×' | '÷')
            && pair[1].is_ascii_alphabetic()
    })
}

/// The best repair a round of [`repair_line`] can make with the code pages
/// of `pages` (a mask, those the line's `facts` find worth judging), as
/// its net gain and code page, its edits left in `room` for
/// [`PlanRoom::best_edits`]; `None` when no code page would change
/// anything. `used_pages` are those the line already needed.
fn best_plan(
    facts: &mut LineFacts,
    pages: u16,
    used_pages: u32,
    planned: &mut Vec<usize>,
    readings: &mut Readings,
    room: &mut PlanRoom,
) -> Option<(f32, usize)> {
    let chars = facts.chars;
    readings.new_round(chars);
    let mut best: Option<(f32, usize)> = None;
    facts.find_under(pages);
    let facts = &*facts;
    // A code page that finds exactly the sequences of an earlier planned
    // one, at no lower cost and not established where that one is not,
    // would make the same edits and can only tie or lose: it is not
    // planned.
    planned.clear();
    for (page_index, page) in code_pages().iter().enumerate() {
        if pages & (1 << page_index) == 0 {
            continue;
        }
        let established = used_pages & (1 << page_index) != 0;
        let found = facts.found_at(page_index);
        let planned_already = planned.iter().any(|&earlier| {
            facts.found_at(earlier) == found
                && code_pages()[earlier].cost <= page.cost
                && (!established || used_pages & (1 << earlier) != 0)
        });
        if planned_already {
            continue;
        }
        let best_net = best.map(|(best_net, _)| best_net);
        let gain = plan(chars, found, page, established, best_net, readings, room);
        planned.push(page_index);
        let net = net_gain(gain, page, established);
        if !room.taken.is_empty() && best.map_or(true, |(best_net, _)| net > best_net) {
            best = Some((net, page_index));
            room.keep_as_best();
        }
    }
    best
}

/// What a round gains by repairing `gain` through `page`: a code page the
/// line already needed (`established`) costs nothing more.
fn net_gain(gain: f32, page: &CodePage, established: bool) -> f32 {
    if established {
        gain + ACCEPT_ROUND
    } else {
        gain - page.cost
    }
}

/// Buffers [`plan`] refills for every code page it is asked about, and
/// what it found for the best code page so far.
#[derive(Default)]
struct PlanRoom {
    /// The reading [`judge`] turns a run into.
    reading: Vec<char>,
    /// The readings of the runs [`prejudge`] let through, one after the
    /// other: [`Judged::reading`] points into it.
    readings: Vec<char>,
    /// The runs the last plan takes, in order.
    taken: Vec<Judged>,
    /// `readings` and `taken` of the best plan so far.
    best_readings: Vec<char>,
    best_taken: Vec<Judged>,
    /// What the plan knows of each character of the line: a
    /// [`Candidacy`].
    candidates: Vec<Candidacy>,
    /// The runs judged alone, and what lies between [`prejudge`] and
    /// [`settle`] for them.
    judged: Vec<Judged>,
    /// The runs [`prejudge`] let through, with the gain of their cheap
    /// terms.
    pending: Vec<Judged>,
    /// For each run, where its judgements lie in `pending`, then in
    /// `judged`, and the code pages whose preference could change them.
    alone: Vec<(Range<usize>, u16)>,
}

impl PlanRoom {
    /// Keeps what the last plan found as the best plan so far.
    fn keep_as_best(&mut self) {
        std::mem::swap(&mut self.readings, &mut self.best_readings);
        std::mem::swap(&mut self.taken, &mut self.best_taken);
    }

    /// The edits of the best plan, into `edits`, their texts in strings
    /// from `spare`: only the plan a round applies has its readings turned
    /// into text.
    fn best_edits(&self, edits: &mut Vec<Edit>, spare: &mut SpareTexts) {
        edits.clear();
        edits.extend(self.best_taken.iter().map(|judged| {
            let reading = &self.best_readings[judged.reading.clone()];
            let mut replacement = spare.take();
            replacement.reserve(utf8_length(reading));
            replacement.extend(reading.iter());
            Edit {
                range: judged.range.clone(),
                replacement,
                reason: judged.reason,
            }
        }));
    }
}

/// The total gain of the repairs one code page would make on a line; the
/// repairs themselves go into `room.taken`, in char indices, with their
/// readings in `room.readings`. `room` also holds buffers for the work.
/// A plan whose [`net_gain`] could not exceed `beaten` (that of the best
/// plan so far) may stop short, taking nothing.
fn plan(
    chars: &[char],
    found: &[Sequence],
    page: &'static CodePage,
    established: bool,
    beaten: Option<f32>,
    readings: &mut Readings,
    room: &mut PlanRoom,
) -> f32 {
    let PlanRoom {
        reading,
        readings: kept,
        taken,
        candidates,
        judged,
        pending,
        alone,
        ..
    } = room;
    kept.clear();
    taken.clear();
    // A run is judged into one edit, or one per part of it: never more
    // than its sequences.
    pending.clear();
    judged.clear();
    // Each run judged alone, with where its judgements lie and the code
    // pages (a mask) whose preference could change them: a preference for
    // any other leaves them as they are, and the run need not be judged
    // again. The cheap part reads no candidate flags: they are set below,
    // once some run is let through to the costly terms that read them.
    alone.clear();
    let unflagged = Context {
        chars,
        candidates: &[],
        page,
        preferred: 0,
    };
    // Most code pages a round plans lose to one planned before them: when
    // even a ceiling over their runs, with each reading's window cost at
    // its floor (or at that of the cheapest further reading), would not
    // win, the page loses as judging the runs in full would find.
    if let Some(beaten) = beaten {
        if cannot_win(chars, found, page, established, beaten, readings, reading) {
            return 0.0;
        }
    }
    for run in runs(found) {
        let first = pending.len();
        let sensitive = prejudge(&unflagged, run, page, readings, reading, kept, pending);
        alone.push((first..pending.len(), sensitive));
    }
    // Nothing let through: nothing is settled, and no run is judged again
    // (only a settled run names code pages to prefer).
    if pending.is_empty() {
        return 0.0;
    }
    // Most code pages a round plans lose to one planned before them: when
    // even the most the costly terms could add would not win, they are
    // not worked out. A further reading may gain more once a preference
    // weighs it: such a plan is finished.
    if let Some(beaten) = beaten {
        if pending.iter().all(|pending| pending.inner.is_none()) {
            let ceiling: f32 = pending
                .iter()
                .map(|pending| gain_ceiling(chars, pending).max(0.0))
                .sum();
            if net_gain(ceiling, page, established) <= beaten {
                return 0.0;
            }
        }
    }
    // Letters inside candidate spans are not evidence of the line's script:
    // they may be about to change (see [`letters_around`]).
    candidates.clear();
    candidates.resize(chars.len(), Candidacy::Untold);
    for sequence in found {
        // A sequence holds two to four characters: their flags are set
        // one by one, which costs less than a call to fill a slice.
        debug_assert!((2..=4).contains(&sequence.len));
        let start = sequence.start;
        candidates[start] = Candidacy::InSequence;
        candidates[start + 1] = Candidacy::InSequence;
        if sequence.len > 2 {
            candidates[start + 2] = Candidacy::InSequence;
        }
        if sequence.len > 3 {
            candidates[start + 3] = Candidacy::InSequence;
        }
    }
    let candidates = Cell::from_mut(&mut candidates[..]).as_slice_of_cells();
    let context = |preferred: u16| Context {
        chars,
        candidates,
        page,
        preferred,
    };
    let alone_context = context(0);
    for (run_judged, _) in alone.iter_mut() {
        let first = judged.len();
        for pending in &pending[run_judged.clone()] {
            settle(&alone_context, pending, readings, kept, judged);
        }
        *run_judged = first..judged.len();
    }
    // Runs damaged twice are read once more each on its own, and the
    // second code page is often a close call (windows-1250 and iso-8859-2
    // hold the same letters at other bytes). One text went through one
    // chain of code pages: read all runs again preferring each code page
    // a further reading could have gone through, and keep the reading of
    // the whole line that gains most, less a cost for every further code
    // page beyond the first that its runs still need.
    let options: u16 = judged
        .iter()
        .filter(|judged| judged.inner.is_some())
        .fold(0, |mask, judged| mask | judged.options);
    if options != 0 {
        let baseline = chain_total(judged);
        let mut best: Option<(f32, Vec<Judged>)> = None;
        for index in 0..codepages::MAX_CODE_PAGES {
            if options & (1 << index) == 0 {
                continue;
            }
            let preferring = context(1 << index);
            let mut consistent = Vec::with_capacity(judged.len());
            for (run, (judged_alone, sensitive)) in runs(found).zip(alone.iter()) {
                if sensitive & (1 << index) != 0 {
                    judge(
                        &preferring,
                        run,
                        page,
                        readings,
                        reading,
                        kept,
                        pending,
                        &mut consistent,
                    );
                } else {
                    consistent.extend_from_slice(&judged[judged_alone.clone()]);
                }
            }
            let total = chain_total(&consistent);
            if best
                .as_ref()
                .map_or(true, |(best_total, _)| total > *best_total)
            {
                best = Some((total, consistent));
            }
        }
        // A preference only settles what the line as a whole supports: a
        // reading that is merely as good stays as it was judged alone.
        if let Some((total, consistent)) = best {
            if total > baseline + CHAIN_MARGIN {
                *judged = consistent;
            }
        }
    }
    // A line shown to be damaged under this code page also gets the spans
    // that are merely no worse repaired: real text seldom forms valid UTF-8
    // by accident, so on such a line a valid span is most likely damage.
    let strong: f32 = judged
        .iter()
        .filter(|judged| judged.gain >= ACCEPT_SPAN)
        .map(|judged| judged.gain)
        .sum();
    let threshold = if established || strong >= LINE_EVIDENCE {
        ACCEPT_SUPPORTED
    } else {
        ACCEPT_SPAN
    };
    let mut total = 0.0;
    for judged in judged.drain(..) {
        if judged.gain >= threshold {
            total += judged.gain.max(0.0);
            taken.push(judged);
        }
    }
    total
}

/// Whether `chars[index]` stands for a UTF-8 lead byte under `page`
/// followed by what a lost byte leaves (`?`, U+FFFD) or by another lead:
/// the remains of a sequence that lost a byte.
fn is_cut_lead(chars: &[char], index: usize, page: &CodePage) -> bool {
    let is_lead = |c: char| {
        !c.is_ascii()
            && page
                .byte(c)
                .is_some_and(|byte| detect::sequence_length(byte).is_some())
    };
    is_lead(chars[index])
        && chars
            .get(index + 1)
            .is_some_and(|&next| matches!(next, '?' | '\u{FFFD}') || is_lead(next))
}

/// Splits sequences into runs of adjacent ones.
fn runs(found: &[Sequence]) -> impl Iterator<Item = &[Sequence]> {
    let mut rest = found;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut last = 0;
        while last + 1 < rest.len() && rest[last + 1].start == rest[last].start + rest[last].len {
            last += 1;
        }
        let (run, after) = rest.split_at(last + 1);
        rest = after;
        Some(run)
    })
}

/// The line a plan judges, what the plan knows of its characters, the
/// plan's code page, and the code pages a second reading should prefer (a
/// mask).
struct Context<'a> {
    chars: &'a [char],
    candidates: &'a [Cell<Candidacy>],
    page: &'a CodePage,
    preferred: u16,
}

/// Whether a character of the line a plan judges is a candidate: inside a
/// sequence of the plan, or a lead whose sequence lost a byte (`Ï` before
/// `Î` in `Î£ÏÎ¼`), a hole in the damage rather than a letter beside it.
/// Cut leads are told only for the letters [`letters_around`] reads, and
/// each once a plan.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Candidacy {
    /// Not in a sequence, and not yet told whether a cut lead.
    Untold,
    InSequence,
    CutLead,
    /// Told: no candidate.
    Plain,
}

/// A run judged worth repairing: the chars of the line it covers, where
/// its reading lies in [`PlanRoom::readings`], the code page of its further
/// reading when it was damaged more than once, and the code pages (a mask)
/// a further reading could have gone through, taken or not.
#[derive(Clone)]
struct Judged {
    gain: f32,
    range: Range<usize>,
    reading: Range<usize>,
    reason: &'static str,
    inner: Option<usize>,
    options: u16,
}

/// What a line's runs gain together, less [`INNER_PAGE_COST`] for every
/// code page of a further reading beyond the first: one text went through
/// one chain of code pages.
fn chain_total(judged: &[Judged]) -> f32 {
    let inner = judged
        .iter()
        .filter_map(|judged| judged.inner)
        .fold(0u16, |mask, inner| mask | 1 << inner);
    let gain: f32 = judged.iter().map(|judged| judged.gain).sum();
    // A run read once where it could have gone on through the chain's
    // code page stopped short of where the rest of the line went.
    let shallow = judged
        .iter()
        .filter(|judged| judged.inner.is_none() && judged.options & inner != 0)
        .count();
    gain - INNER_PAGE_COST * inner.count_ones().saturating_sub(1) as f32
        - SHALLOW_RUN_COST * shallow as f32
}

/// What each further code page of the further readings on one line
/// costs.
const INNER_PAGE_COST: f32 = 4.0;
/// What a run costs that stopped one reading short of the rest of its
/// line.
const SHALLOW_RUN_COST: f32 = 1.0;
/// How much more a line read through one preferred chain of code pages
/// must gain than the line judged run by run.
const CHAIN_MARGIN: f32 = 0.5;

/// Whether a run of sequences should be repaired, and into what, pushed
/// onto `judged`: [`prejudge`], then [`settle`]. `pending` is room for
/// what lies between them; what it held before is lost.
#[allow(clippy::too_many_arguments)]
fn judge(
    context: &Context,
    run: &[Sequence],
    page: &'static CodePage,
    readings: &mut Readings,
    repaired: &mut Vec<char>,
    kept: &mut Vec<char>,
    pending: &mut Vec<Judged>,
    judged: &mut Vec<Judged>,
) -> u16 {
    pending.clear();
    let sensitive = prejudge(context, run, page, readings, repaired, kept, pending);
    for pending in pending.iter() {
        settle(context, pending, readings, kept, judged);
    }
    sensitive
}

/// The cheap part of judging a run of sequences: its reading, and its
/// cheap terms, pushed onto `pending` unless they alone dismiss it, as a
/// [`Judged`] whose gain is that of the cheap terms only. A run
/// whose reading still holds C1 controls is double damage: it is read
/// once more; if that fails, its sequences without controls are judged
/// alone. Returns the code pages (a mask) whose preference could change
/// the judgement: the further readings a preference weighs are among
/// them. `repaired` is room for the reading the run is turned into; what
/// it held before is lost. The reading of a run let through is added to
/// `kept`.
fn prejudge(
    context: &Context,
    run: &[Sequence],
    page: &'static CodePage,
    readings: &mut Readings,
    repaired: &mut Vec<char>,
    kept: &mut Vec<char>,
    pending: &mut Vec<Judged>,
) -> u16 {
    let chars = context.chars;
    let start = run[0].start;
    let end = run[run.len() - 1].start + run[run.len() - 1].len;
    repaired.clear();
    repaired.extend(run.iter().map(|sequence| sequence.decoded));
    let mut reason = page.reason;
    let mut inner = None;
    let mut options = 0;
    if repaired.iter().any(|&c| is_middle_step(c)) {
        match readings.collapse(repaired).choose(context.preferred) {
            Some((collapsed, collapse_options)) => {
                *repaired = collapsed.text;
                reason = REASON_DOUBLE;
                inner = Some(collapsed.first_page);
                options = collapse_options;
            }
            None => {
                let clean: Vec<Sequence> = run
                    .iter()
                    .filter(|s| !is_middle_step(s.decoded))
                    .copied()
                    .collect();
                let mut sensitive = 0;
                for part in runs(&clean) {
                    sensitive |= prejudge(context, part, page, readings, repaired, kept, pending);
                }
                return sensitive;
            }
        }
    }
    let left = start.checked_sub(1).map(|i| chars[i]);
    let right = chars.get(end).copied();
    // Double damage: the first reading may itself be mojibake of a cleaner
    // text; judge (and repair) the deepest reading that keeps improving.
    // After a collapse the chain's first further page is already known.
    let preferred = if inner.is_some() {
        0
    } else {
        context.preferred
    };
    let deepened = readings.deepen(left, repaired, right);
    // Most readings have no further reading to choose among.
    let (deeper, deeper_options) = if deepened.further.is_empty() {
        (None, deepened.options)
    } else {
        deepened.choose(preferred)
    };
    // The cost of the reading judged, which the further readings already
    // weighed.
    let repaired_cost = match &deeper {
        Some((_, cost)) => *cost,
        None => deepened.current,
    };
    if inner.is_none() {
        options = deeper_options;
    }
    // Only the further readings weigh a preference: after a collapse its
    // own, otherwise those of the first reading.
    let sensitive = options;
    if let Some((deeper, _)) = deeper {
        *repaired = deeper.text;
        reason = REASON_DOUBLE;
        if inner.is_none() {
            inner = Some(deeper.first_page);
        }
    }
    if holds_stray_digit(left, repaired, right)
        || hyphenates_a_word(left, &chars[start..end], repaired, right)
    {
        return sensitive;
    }
    let shape: f32 = run
        .iter()
        .map(|sequence| shape_evidence(chars, sequence))
        .sum();
    let broken_cost = readings.span(chars, start, end);
    let cheap = broken_cost.window - repaired_cost + shape + run_bonus(repaired, run.len());
    // The costly terms below add at most 2 per letter of the broken
    // reading (isolation) and, from the letter statistics, 1 plus a fifth
    // of any difference beyond it (up to 1.78 on the corpus). Counting
    // the statistics as 1 makes this a cut-off rather than a strict
    // bound: a span that needs the rarer larger gain to pass is dismissed
    // here, on the side of leaving text as it is. Most spans in clean text
    // are dismissed here.
    if cheap + 2.0 * broken_cost.letters as f32 + 1.0 < ACCEPT_SUPPORTED {
        return sensitive;
    }
    let reading_start = kept.len();
    kept.extend_from_slice(repaired);
    pending.push(Judged {
        gain: cheap,
        range: start..end,
        reading: reading_start..kept.len(),
        reason,
        inner,
        options,
    });
    sensitive
}

/// The rest of [`judge`] for a run [`prejudge`] let through (`pending`,
/// with the gain of its cheap terms): the costly terms, and the
/// judgement, pushed onto `judged` when the run is worth repairing.
fn settle(
    context: &Context,
    pending: &Judged,
    readings: &mut Readings,
    kept: &[char],
    judged: &mut Vec<Judged>,
) {
    let chars = context.chars;
    let Range { start, end } = pending.range;
    let left = start.checked_sub(1).map(|i| chars[i]);
    let right = chars.get(end).copied();
    let broken = &chars[start..end];
    let repaired = &kept[pending.reading.clone()];
    let broken_cost = readings.span(chars, start, end);
    let broken_plausibility = *broken_cost
        .plausibility
        .get_or_insert_with(|| letters::reading_plausibility(left, broken, right));
    let around = letters_around(context, start, end);
    let gain = pending.gain + isolation_cost(around, broken) - isolation_cost(around, repaired)
        + letters::plausibility_gain(broken_plausibility, left, repaired, right);
    if gain < ACCEPT_SUPPORTED {
        return;
    }
    judged.push(Judged {
        gain,
        ..pending.clone()
    });
}

/// The most [`settle`] can find `pending` gains, with room to spare for
/// rounding.
fn gain_ceiling(chars: &[char], pending: &Judged) -> f32 {
    pending.gain + most_settling_adds(&chars[pending.range.clone()]) + 0.01
}

/// The most the costly terms of [`settle`] add to the gain of repairing
/// `broken`: 2 per letter or mark (a run of letters costs 2 at most) and
/// the letter statistics their ceiling.
fn most_settling_adds(broken: &[char]) -> f32 {
    let letters_or_marks = broken
        .iter()
        .filter(|&&c| {
            let class = score::class(c);
            class.is_letter() || class.kind == score::Kind::Mark
        })
        .count();
    2.0 * letters_or_marks as f32 + letters::plausibility_gain_ceiling()
}

/// Whether the plan of `found` under `page` is sure not to beat `beaten`,
/// told before [`prejudge`] judges any run: a ceiling over what each run
/// could gain whatever the preference ([`gain_ceiling`] with the shape
/// and run bonuses at their most, and the reading's window cost at its
/// floor, or for a reading that may be read further, at that of the
/// cheapest of its readings) that adds up to no more. A run holding C1
/// controls must be read to know. `reading` is room for a run's reading.
fn cannot_win(
    chars: &[char],
    found: &[Sequence],
    page: &CodePage,
    established: bool,
    beaten: f32,
    readings: &mut Readings,
    reading: &mut Vec<char>,
) -> bool {
    let masks = codepages::candidate_masks();
    let mut ceiling = 0.0f32;
    for run in runs(found) {
        if run.iter().any(|sequence| is_middle_step(sequence.decoded)) {
            return false;
        }
        let start = run[0].start;
        let end = run[run.len() - 1].start + run[run.len() - 1].len;
        let left = start.checked_sub(1).map(|i| chars[i]);
        let right = chars.get(end).copied();
        let may_read_further = run
            .windows(2)
            .any(|pair| masks.get(pair[0].decoded).0 & masks.get(pair[1].decoded).1 != 0);
        let cheapest = if may_read_further {
            // Whatever the preference, [`prejudge`] weighs the reading
            // itself or one of its further readings, which it would look
            // up here anyway.
            reading.clear();
            reading.extend(run.iter().map(|sequence| sequence.decoded));
            let deepened = readings.deepen(left, reading, right);
            deepened
                .further
                .iter()
                .map(|further| further.window)
                .fold(deepened.current, f32::min)
        } else {
            score::window_cost_floor_of(left, run.iter().map(|sequence| sequence.decoded), right)
        };
        // No sequence's shape gives more than `SHAPE_BONUS`.
        let shape = SHAPE_BONUS * run.len() as f32;
        let bonus = RUN_BONUS * (run.len() - 1) as f32;
        let broken = readings.span(chars, start, end).window;
        // Room to spare for rounding, beyond `gain_ceiling`'s own.
        let run_ceiling =
            broken - cheapest + shape + bonus + most_settling_adds(&chars[start..end]) + 0.05;
        ceiling += run_ceiling.max(0.0);
        if net_gain(ceiling, page, established) > beaten {
            return false;
        }
    }
    true
}

/// Whether a reading holds a digit of another script (`٠`) with neither
/// another digit nor a letter of that digit's own script beside it: the
/// bytes of something else, such as a broken emoji, not a number. A Thai
/// `๐` does not vouch for an Arabic-Indic `٠`.
///
/// Full-width digits (`３`) belong to no script: Chinese, Japanese and
/// Korean text sets them between its own letters and full-width signs
/// (`３月３日`, `約５時間`, `０．５％`), and there those vouch for them.
/// Without that, one such date dismissed a whole run of a windows-1252
/// line, and other code pages then read its pieces into wrong characters.
fn holds_stray_digit(left: Option<char>, reading: &[char], right: Option<char>) -> bool {
    let foreign_digit = |c: char| !c.is_ascii() && score::class(c).kind == score::Kind::Digit;
    let vouches = |c: Option<char>, digit: char| {
        c.is_some_and(|c| {
            let class = score::class(c);
            if is_full_width(digit) {
                return is_full_width(c) || class.is_letter() && is_east_asian(class.script);
            }
            (foreign_digit(c) || class.is_letter()) && class.script == score::class(digit).script
        })
    };
    (0..reading.len()).any(|index| {
        let digit = reading[index];
        if !foreign_digit(digit) {
            return false;
        }
        let before = index.checked_sub(1).map(|i| reading[i]).or(left);
        let after = reading.get(index + 1).copied().or(right);
        !vouches(before, digit) && !vouches(after, digit)
    })
}

/// Whether the span `broken`, a letter and a soft hyphen, is more likely a
/// word hyphenated where it may break than the two bytes of a character
/// misread (`Ã` and U+00AD are `í`'s). Real hyphenation sets soft hyphens
/// between letters: inside a word in capitals (`ROMÂ\u{AD}NIA`,
/// `GRÖ\u{AD}SSE`), and after a first capital (`Ö\u{AD}kono\u{AD}mie`,
/// `É\u{AD}cole`), where the misreading would make a rare letter or another
/// script's mark (`֭konomie`). A misread soft hyphen (`Â\u{AD}`) or `í`
/// after a lowercase letter (`policÃ\u{AD}a`) is never mistaken for it, and
/// at the start of a lowercase word only `í` (`Ã\u{AD}ndice`) is taken.
fn hyphenates_a_word(
    left: Option<char>,
    broken: &[char],
    repaired: &[char],
    right: Option<char>,
) -> bool {
    let &[lead, '\u{AD}'] = broken else {
        return false;
    };
    let is_latin = |c: char| {
        let class = score::class(c);
        class.is_letter() && class.script == score::Script::Latin
    };
    // The letter after a misread lead and its soft hyphen is mostly the
    // next misread lead (`Ð\u{AD}Ñ‚` is `Эт`); an ASCII one is a plain
    // letter.
    if !is_latin(lead) || !right.is_some_and(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    match left.filter(|&c| is_latin(c)) {
        Some(left) if left.is_uppercase() => {
            lead.is_uppercase() && right.is_some_and(char::is_uppercase)
        }
        Some(_) => false,
        None => lead.is_uppercase() && repaired != ['í'],
    }
}

/// Whether `c` is one of the full-width signs East Asian text writes
/// among its letters: the CJK symbols and punctuation (`、。「`) and the
/// full-width forms of ASCII (`（３）`, `Ａ`, `％`).
fn is_full_width(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF60}')
}

/// Whether `script` is one of Chinese, Japanese and Korean writing.
fn is_east_asian(script: score::Script) -> bool {
    matches!(
        script,
        score::Script::Han | score::Script::Kana | score::Script::Hangul
    )
}

/// Evidence from several valid sequences in a row, unless what they decode
/// to is itself unusual.
fn run_bonus(repaired: &[char], sequences: usize) -> f32 {
    // A single sequence earns nothing, whatever it decodes to.
    if sequences <= 1 {
        return 0.0;
    }
    if repaired.iter().any(|&c| score::char_cost(c) >= 1.0) {
        return 0.0;
    }
    RUN_BONUS * sequences.saturating_sub(1) as f32
}

/// Code pages under which some character of `chars` stands for a lead byte
/// followed by one standing for a continuation byte.
fn candidate_pages_of(chars: &[char]) -> u16 {
    let masks = codepages::candidate_masks();
    chars.windows(2).fold(0, |found, pair| {
        found | masks.get(pair[0]).0 & masks.get(pair[1]).1
    })
}

/// How many more readings a repaired run may go through: with the first,
/// enough for triple damage.
const DEEPEN_STEPS: usize = 2;

/// A further reading of a run: the text and the code page of its first
/// step.
struct Further {
    text: Vec<char>,
    first_page: usize,
}

/// The further readings of the readings a line's runs were repaired into,
/// each worked out once per line: every code page that finds a run, and
/// every code page a plan prefers, asks for the same ones again, and only
/// the choice among them depends on the preference. Also what the broken
/// spans of a round cost, for the same reason.
#[derive(Default)]
struct Readings {
    /// By the character index where the span starts, in the text of the
    /// round under way: code pages mostly find the same runs. A slot for
    /// every character of a line up to [`SPAN_SLOTS`] characters, the
    /// fastest look-up; a longer line's spans go in `long_spans`, since a
    /// slot per character of a long line with many repairs took several
    /// times the line's size.
    spans: Vec<Option<SpanCost>>,
    long_spans: HashMap<usize, SpanCost, CharHashing>,
    collapses: HashMap<Vec<char>, Collapses, CharHashing>,
    /// By reading, then by its neighbours. Only those with a further
    /// reading are kept: the others cannot change with a preference, and
    /// their run is judged only once.
    deepenings: HashMap<Vec<char>, Neighboured, CharHashing>,
    /// The last reading worked out and not kept.
    unkept: Option<Deepenings>,
}

/// The longest line whose span costs [`Readings`] keeps in a slot per
/// character (32 bytes each).
const SPAN_SLOTS: usize = 16_384;

/// The further readings of one reading, each with the neighbours (left,
/// right) it was read between.
type Neighboured = Vec<(Option<char>, Option<char>, Deepenings)>;

/// What [`judge`] weighs a broken span by, whichever code page reads it
/// and whatever the plan prefers.
#[derive(Clone, Copy)]
struct SpanCost {
    /// Where the span ends: another span may start at the same place.
    end: usize,
    /// Its window cost between its neighbours.
    window: f32,
    /// How many of its characters are letters.
    letters: usize,
    /// Its [`letters::reading_plausibility`], once a judgement gets that
    /// far: most spans are dismissed before.
    plausibility: Option<f32>,
}

impl Readings {
    /// Forgets the readings of the last line, keeping the room they took.
    fn new_line(&mut self) {
        self.collapses.clear();
        self.deepenings.clear();
        self.unkept = None;
    }

    /// Forgets the costs of the last round's spans: the text of a round,
    /// `chars`, is about to be judged.
    fn new_round(&mut self, chars: &[char]) {
        self.spans.clear();
        self.long_spans.clear();
        if chars.len() <= SPAN_SLOTS {
            self.spans.resize(chars.len(), None);
        }
    }

    /// What the span `start..end` of `chars`, the text of the round, costs.
    fn span(&mut self, chars: &[char], start: usize, end: usize) -> &mut SpanCost {
        let cost = || {
            let span = &chars[start..end];
            let left = start.checked_sub(1).map(|i| chars[i]);
            let right = chars.get(end).copied();
            let (window, letters) = score::window_cost_and_letters(left, span, right);
            SpanCost {
                end,
                window,
                letters,
                plausibility: None,
            }
        };
        if chars.len() <= SPAN_SLOTS {
            let slot = &mut self.spans[start];
            if slot.is_some_and(|known| known.end != end) {
                *slot = None;
            }
            return slot.get_or_insert_with(cost);
        }
        match self.long_spans.entry(start) {
            Entry::Occupied(known) => {
                let known = known.into_mut();
                if known.end != end {
                    *known = cost();
                }
                known
            }
            Entry::Vacant(slot) => slot.insert(cost()),
        }
    }

    /// The ways to read `reading`, which holds C1 controls, once more
    /// ([`collapse`] at full depth, looking ahead).
    fn collapse(&mut self, reading: &[char]) -> &Collapses {
        if !self.collapses.contains_key(reading) {
            let collapses = Collapses::of(reading, COLLAPSE_DEPTH, true);
            self.collapses.insert(reading.to_vec(), collapses);
        }
        &self.collapses[reading]
    }

    /// The further readings of `reading` between `left` and `right`.
    fn deepen(&mut self, left: Option<char>, reading: &[char], right: Option<char>) -> &Deepenings {
        // Most readings have no further reading, and those are never kept:
        // no need to look them up.
        let pages = candidate_pages_of(reading);
        if pages == 0 {
            return self.unkept.insert(Deepenings::plain(left, reading, right));
        }
        let kept = self.deepenings.get(reading).and_then(|around| {
            around
                .iter()
                .position(|(kept_left, kept_right, _)| *kept_left == left && *kept_right == right)
        });
        if let Some(index) = kept {
            return &self.deepenings[reading][index].2;
        }
        let deepenings = Deepenings::of_with(left, reading, right, pages);
        if deepenings.options == 0 {
            return self.unkept.insert(deepenings);
        }
        let around = self.deepenings.entry(reading.to_vec()).or_default();
        around.push((left, right, deepenings));
        &around[around.len() - 1].2
    }
}

/// Reads a repaired run once or twice more, through the code pages that
/// make it cheapest, if the result is clearly cheaper. Both steps are
/// weighed together: a first step that looks no better alone (`Ã‚Â°` to
/// `Â°`) may be the way to a clean result (`°`), where a greedier first
/// step (`Ã‚°`) is a dead end. A first step through a `preferred` code
/// page (a mask) costs [`PREFERRED_BONUS`] less. Also returns the code
/// pages (a mask) a first step could go through, taken or not.
fn deepen(
    left: Option<char>,
    reading: &[char],
    right: Option<char>,
    preferred: u16,
) -> (Option<Further>, u16) {
    let (further, options) = Deepenings::of(left, reading, right).choose(preferred);
    (further.map(|(further, _)| further), options)
}

/// Every further reading [`deepen`] weighs for one reading between its
/// neighbours, with what each costs whatever the preference; the choice
/// among them is [`Deepenings::choose`].
struct Deepenings {
    /// The cost of the reading itself.
    current: f32,
    /// In the order they were found: the first steps, then the second
    /// steps from each first one.
    further: Vec<FurtherStep>,
    /// The code pages a first step could go through.
    options: u16,
}

/// One further reading of [`Deepenings`].
struct FurtherStep {
    /// Index of the first step in [`Deepenings::further`] (itself for a
    /// first step), and the step's own code page.
    first: usize,
    page: usize,
    step: usize,
    /// The reading's window cost and its letter-statistics gain over the
    /// reading it deepens.
    window: f32,
    gain: f32,
    text: Vec<char>,
}

impl Deepenings {
    fn of(left: Option<char>, reading: &[char], right: Option<char>) -> Deepenings {
        Deepenings::of_with(left, reading, right, candidate_pages_of(reading))
    }

    /// A reading with no further reading: only its own cost.
    fn plain(left: Option<char>, reading: &[char], right: Option<char>) -> Deepenings {
        Deepenings {
            current: score::window_cost(left, reading, right),
            further: Vec::new(),
            options: 0,
        }
    }

    /// [`Deepenings::of`] given the reading's [`candidate_pages_of`].
    fn of_with(
        left: Option<char>,
        reading: &[char],
        right: Option<char>,
        candidate_pages: u16,
    ) -> Deepenings {
        // A reading with no lead followed by a continuation under any code
        // page (every reading of one character among them) has no further
        // reading: the walk below would find nothing.
        if candidate_pages == 0 {
            return Deepenings::plain(left, reading, right);
        }
        let current = score::window_cost(left, reading, right);
        let mut further: Vec<FurtherStep> = Vec::new();
        let mut options = 0u16;
        // What every further reading's letter statistics are weighed
        // against, once one is found.
        let mut plausibility = None;
        // The readings the next step starts from, as indexes into
        // `further` (`None` for `reading` itself).
        let mut frontier: Vec<Option<usize>> = vec![None];
        for step in 0..DEEPEN_STEPS {
            let mut next_frontier = Vec::new();
            for from in frontier {
                let text = match from {
                    Some(index) => &further[index].text,
                    None => reading,
                };
                let pages = candidate_pages_of(text);
                let mut found_here = Vec::new();
                for (index, page) in code_pages().iter().enumerate() {
                    if pages & (1 << index) == 0 {
                        continue;
                    }
                    let found = sequences(text, page, false);
                    if found.is_empty() {
                        continue;
                    }
                    let out = substituted(text, &found);
                    if step == 0 {
                        options |= 1 << index;
                    }
                    // Letter statistics count too: `РІ` and `в` cost the
                    // same as characters, but only one is a Bulgarian word.
                    let window = score::window_cost(left, &out, right);
                    let before = *plausibility
                        .get_or_insert_with(|| letters::reading_plausibility(left, reading, right));
                    let gain = letters::plausibility_gain(before, left, &out, right);
                    found_here.push((index, window, gain, out));
                }
                for (page, window, gain, text) in found_here {
                    let index = further.len();
                    further.push(FurtherStep {
                        first: from.map_or(index, |from| further[from].first),
                        page,
                        step,
                        window,
                        gain,
                        text,
                    });
                    next_frontier.push(Some(index));
                }
            }
            frontier = next_frontier;
        }
        Deepenings {
            current,
            further,
            options,
        }
    }

    /// The cheapest further reading, if it is clearly cheaper than the
    /// reading itself, with its window cost; and the code pages a first
    /// step could go through.
    fn choose(&self, preferred: u16) -> (Option<(Further, f32)>, u16) {
        let pages = code_pages();
        let mut best: Option<(f32, usize)> = None;
        for (index, further) in self.further.iter().enumerate() {
            let first = &self.further[further.first];
            // What the chain of code pages costs, step by step.
            let mut spent = 0.0f32 + pages[first.page].cost;
            if preferred & (1 << first.page) != 0 {
                spent -= PREFERRED_BONUS;
            }
            if further.step > 0 {
                spent += pages[further.page].cost;
            }
            // Each further step must pay for itself, as the first does.
            let cost = further.window + spent - further.gain + DEEPEN_MARGIN * further.step as f32;
            if best
                .as_ref()
                .map_or(true, |(best_cost, _)| cost < *best_cost)
            {
                best = Some((cost, index));
            }
        }
        // Through the chain the rest of the line took, a further reading
        // need only be cheaper, not clearly so (`С–` is `і` among Ukrainian
        // words read through windows-1251 twice).
        let chosen = best
            .filter(|&(cost, index)| {
                let first_page = self.further[self.further[index].first].page;
                let margin = if preferred & (1 << first_page) != 0 {
                    0.0
                } else {
                    DEEPEN_MARGIN
                };
                cost + margin < self.current
            })
            .map(|(_, index)| {
                let further = &self.further[index];
                let first_page = self.further[further.first].page;
                (
                    Further {
                        text: further.text.clone(),
                        first_page,
                    },
                    further.window,
                )
            });
        (chosen, self.options)
    }
}

/// How much cheaper a further reading through the code page most runs of
/// the line needed is: enough to settle a close call, never enough to
/// make a reading that does not improve the run.
const PREFERRED_BONUS: f32 = 1.0;

/// `reading` with each of the `found` sequences (in order, not
/// overlapping) replaced by the character it decodes to.
fn substituted(reading: &[char], found: &[Sequence]) -> Vec<char> {
    let mut out = Vec::with_capacity(reading.len());
    let mut index = 0;
    for sequence in found {
        out.extend_from_slice(&reading[index..sequence.start]);
        out.push(sequence.decoded);
        index = sequence.start + sequence.len;
    }
    out.extend_from_slice(&reading[index..]);
    out
}

/// How many readings a result holding C1 controls may go through: a C1
/// control three layers deep (`ÃƒÂ¢Ã¢â€šÂ¬Ã‚Â\u{9d}`) surfaces again after
/// the first.
const COLLAPSE_DEPTH: usize = 2;

/// Reads a result that still holds C1 controls once more, through the code
/// page that gives the cleanest text without controls (a `preferred` one,
/// a mask, costs [`PREFERRED_BONUS`] less). A reading that still holds
/// them is read again, `depth` times at most.
fn collapse(
    reading: &[char],
    depth: usize,
    preferred: u16,
    look_ahead: bool,
) -> Option<(Further, u16)> {
    Collapses::of(reading, depth, look_ahead).choose(preferred)
}

/// Every reading [`collapse`] weighs, with what each costs whatever the
/// preference; the choice among them is [`Collapses::choose`].
struct Collapses {
    readings: Vec<Collapsed>,
    options: u16,
}

/// One reading of [`Collapses`].
struct Collapsed {
    page: usize,
    /// Whether the reading went through a further one to lose its C1
    /// controls, and whether looking ahead found one more.
    deeper: bool,
    ahead: bool,
    /// The window cost of where the reading leads.
    window: f32,
    text: Vec<char>,
}

impl Collapses {
    fn of(reading: &[char], depth: usize, look_ahead: bool) -> Collapses {
        let mut readings = Vec::new();
        let mut options = 0u16;
        // A sequence needs a lead followed by a continuation under its code
        // page: the other code pages find none.
        let pages = candidate_pages_of(reading);
        for (index, page) in code_pages().iter().enumerate() {
            if pages & (1 << index) == 0 {
                continue;
            }
            let found = sequences(reading, page, depth > 0);
            if found.is_empty() {
                continue;
            }
            let mut out = substituted(reading, &found);
            let mut deeper = false;
            if out.iter().any(|&c| is_middle_step(c)) {
                let Some(further) = depth
                    .checked_sub(1)
                    .and_then(|less| collapse(&out, less, 0, false))
                else {
                    continue;
                };
                out = further.0.text;
                // A further reading is a further assumption.
                deeper = true;
            }
            options |= 1 << index;
            // The cleanest text after this reading may still be mojibake
            // that a further reading clears, and a reading that merges more
            // characters (`ŽÂ®` into one) may be a dead end: with
            // `look_ahead`, each reading is weighed by where it leads.
            let ahead = if look_ahead {
                deepen(None, &out, None, 0).0.map(|further| further.text)
            } else {
                None
            };
            let window = score::window_cost(None, ahead.as_deref().unwrap_or(&out), None);
            readings.push(Collapsed {
                page: index,
                deeper,
                ahead: ahead.is_some(),
                window,
                text: out,
            });
        }
        Collapses { readings, options }
    }

    fn choose(&self, preferred: u16) -> Option<(Further, u16)> {
        let pages = code_pages();
        let mut best: Option<(f32, &Collapsed)> = None;
        for reading in &self.readings {
            let mut cost = pages[reading.page].cost;
            if reading.deeper {
                cost += DEEPEN_MARGIN;
            }
            if preferred & (1 << reading.page) != 0 {
                cost -= PREFERRED_BONUS;
            }
            if reading.ahead {
                cost += DEEPEN_MARGIN;
            }
            cost += reading.window;
            if best
                .as_ref()
                .map_or(true, |(best_cost, _)| cost < *best_cost)
            {
                best = Some((cost, reading));
            }
        }
        best.map(|(_, reading)| {
            let further = Further {
                text: reading.text.clone(),
                first_page: reading.page,
            };
            (further, self.options)
        })
    }
}

/// A lead letter followed only by non-letters is mojibake's shape.
fn shape_evidence(chars: &[char], sequence: &detect::Sequence) -> f32 {
    if let Some(evidence) = letters_shape_evidence(chars, sequence) {
        return evidence;
    }
    // Closing quotes and dashes follow letters in real text too, where a
    // word ends. Most sequences hold other characters: their neighbours
    // need not be looked at.
    let rest = &chars[sequence.start + 1..sequence.start + sequence.len];
    if !rest.iter().all(|&c| ends_a_word(c)) {
        return SHAPE_BONUS;
    }
    if may_end_a_word(chars, sequence) {
        SHAPE_BONUS / 3.0
    } else {
        SHAPE_BONUS
    }
}

/// [`shape_evidence`] when the sequence's lead is no letter (none) or
/// letters follow it; `None` when a lead letter is followed only by
/// non-letters, whose evidence its neighbours may weaken.
fn letters_shape_evidence(chars: &[char], sequence: &detect::Sequence) -> Option<f32> {
    let lead = score::class(chars[sequence.start]);
    let rest = &chars[sequence.start + 1..sequence.start + sequence.len];
    if !lead.is_letter() {
        return Some(0.0);
    }
    if !rest.iter().any(|&c| score::class(c).is_letter()) {
        return None;
    }
    // A capital followed by accented small letters that the code page
    // keeps among its upper-half bytes (`Ăş`, `Åž`): weaker evidence.
    let small = rest
        .iter()
        .all(|&c| !c.is_ascii() && score::class(c).kind == score::Kind::Lower);
    Some(if lead.kind == score::Kind::Upper && small {
        SHAPE_BONUS / 2.0
    } else {
        0.0
    })
}

/// A closing quote, a dash, an ellipsis or a trademark sign, which may
/// end a word in real text (`“` and `‘` close quotations in German,
/// Czech, Hungarian and Albanian: `„SHQIPË“`; brands in capitals carry
/// `™` and `®`: `NESCAFÉ™`).
fn ends_a_word(c: char) -> bool {
    matches!(c, '’' | '”' | '»' | '…' | '–' | '—' | '“' | '‘' | '™' | '®')
}

/// Whether the sequence may end a word: no letter or digit follows it,
/// and it does not start inside a lowercase word. After a lowercase
/// letter, a capital lead is inside a word and a closing quote is no
/// excuse (`planÄ…`); after a capital or a space it may end a word in
/// capitals (`CAMPEÃ”`) or be a one-letter word (`“Ã”`).
fn may_end_a_word(chars: &[char], sequence: &detect::Sequence) -> bool {
    let next = chars.get(sequence.start + sequence.len).copied();
    let word_goes_on = next.is_some_and(|c| {
        let class = score::class(c);
        class.is_letter() || class.kind == score::Kind::Digit
    });
    let inside_lowercase_word = sequence
        .start
        .checked_sub(1)
        .is_some_and(|i| score::class(chars[i]).kind == score::Kind::Lower);
    !word_goes_on && !inside_lowercase_word
}

/// The scripts of the nearest letters outside the span from `start` to
/// `end` (not in a candidate, of a script of their own), on each side. A
/// candidate lies inside a sequence of the plan, or is a lead whose
/// sequence lost a byte (`Ï` before `Î` in `Î£ÏÎ¼`), a hole in the damage
/// rather than a letter beside it; cut leads are told only for the few
/// letters read here, not for the whole line.
fn letters_around(
    context: &Context,
    start: usize,
    end: usize,
) -> (Option<score::Script>, Option<score::Script>) {
    const REACH: usize = 30;
    let mut left = None;
    for index in (start.saturating_sub(REACH)..start).rev() {
        left = script_outside(context, index);
        if left.is_some() {
            break;
        }
    }
    let mut right = None;
    for index in end..context.chars.len().min(end + REACH) {
        right = script_outside(context, index);
        if right.is_some() {
            break;
        }
    }
    (left, right)
}

/// The script of `chars[index]` when it is a letter of a script of its
/// own and no candidate. Only such a letter is asked whether it is a cut
/// lead: the sequences settle many characters, and the class most others.
#[inline(always)]
fn script_outside(context: &Context, index: usize) -> Option<score::Script> {
    let candidacy = &context.candidates[index];
    if matches!(candidacy.get(), Candidacy::InSequence | Candidacy::CutLead) {
        return None;
    }
    let class = score::class(context.chars[index]);
    if !class.is_letter() || class.script == score::Script::Common {
        return None;
    }
    if candidacy.get() == Candidacy::Untold && tell_cut_lead(context, index) {
        return None;
    }
    Some(class.script)
}

/// Whether `chars[index]`, a letter not yet told, is a cut lead,
/// remembered for the rest of the plan.
#[inline(never)]
fn tell_cut_lead(context: &Context, index: usize) -> bool {
    let cut = is_cut_lead(context.chars, index, context.page);
    context.candidates[index].set(if cut {
        Candidacy::CutLead
    } else {
        Candidacy::Plain
    });
    cut
}

/// Runs of letters (a word, or the part of one inside the span) whose
/// script fits none of the nearest letters outside the span (`around`,
/// from [`letters_around`]): a Cyrillic pair inside an English sentence,
/// a Hebrew letter beside German.
fn isolation_cost(
    (left, right): (Option<score::Script>, Option<score::Script>),
    reading: &[char],
) -> f32 {
    if left.is_none() && right.is_none() {
        return 0.0;
    }
    let fits = |script: score::Script| {
        [left, right]
            .iter()
            .flatten()
            .any(|&other| score::compatible(other, script))
    };
    let mut cost = 0.0;
    // A run of letters ends: it costs when its script fits neither side.
    let mut close = |script: score::Script| {
        if script != score::Script::Common && !fits(script) {
            cost += 2.0;
        }
    };
    let mut run_script: Option<score::Script> = None;
    for &c in reading {
        let class = score::class(c);
        let letter = class.is_letter() || class.kind == score::Kind::Mark;
        match run_script {
            Some(script) if letter && score::compatible(script, class.script) => {
                if script == score::Script::Common {
                    run_script = Some(class.script);
                }
            }
            _ => {
                if let Some(script) = run_script.take() {
                    close(script);
                }
                if letter {
                    run_script = Some(class.script);
                }
            }
        }
    }
    // The reading's end ends the last run.
    if let Some(script) = run_script {
        close(script);
    }
    cost
}

/// `chars` with the sorted, non-overlapping char-index `edits` made, in
/// `edited`: what [`apply`] makes of the text, character by character.
fn edit_chars(chars: &[char], edits: &[Edit], edited: &mut Vec<char>) {
    edited.clear();
    let mut copied = 0;
    for edit in edits {
        edited.extend_from_slice(&chars[copied..edit.range.start]);
        edited.extend(edit.replacement.chars());
        copied = edit.range.end;
    }
    edited.extend_from_slice(&chars[copied..]);
}

/// Turns sorted, non-overlapping char-index edits into byte-offset edits
/// on the text whose characters are `chars`, adding up the characters'
/// UTF-8 lengths up to the last edit.
fn to_byte_edits(chars: &[char], edits: &mut [Edit]) {
    // Character `index` starts at byte `offset`.
    let mut index = 0;
    let mut offset = 0;
    let mut offset_of = |target: usize| {
        offset += utf8_length(&chars[index..target]);
        index = target;
        offset
    };
    for edit in edits {
        edit.range = offset_of(edit.range.start)..offset_of(edit.range.end);
    }
}

/// The length of `chars` in UTF-8, without a branch per character, so
/// that long stretches are added up many characters at a time.
fn utf8_length(chars: &[char]) -> usize {
    chars
        .iter()
        .map(|&c| {
            let code = c as u32;
            1 + usize::from(code >= 0x80)
                + usize::from(code >= 0x800)
                + usize::from(code >= 0x1_0000)
        })
        .sum()
}

/// Applies sorted, non-overlapping edits (byte offsets in the joined
/// segments), right to left so that earlier offsets stay valid. An edit that
/// touches an earlier repair swallows it whole and becomes
/// `mojibake.double`, keeping the original span of both.
///
/// One walk from the right: the segments not yet passed stay on `ahead`
/// (whose lengths add up to the offset where the next edit's segments
/// end), those an edit has passed go to `behind`, and each new repair goes
/// back on `ahead`, where an edit further left may swallow it too.
fn apply(segments: &mut Vec<Segment>, line: &str, edits: &mut Vec<Edit>, room: &mut SegmentRoom) {
    let SegmentRoom {
        spare_texts,
        behind,
        absorbed,
    } = room;
    let mut ahead = std::mem::take(segments);
    let mut ahead_end: usize = ahead.iter().map(Segment::len).sum();
    behind.clear();
    // Each edit splits at most two segments.
    behind.reserve(ahead.len() + 2 * edits.len());
    for edit in edits.drain(..).rev() {
        // Segments wholly after the edit are passed; an untouched one
        // across its end is split there.
        while let Some(segment) = ahead.last() {
            let start = ahead_end - segment.len();
            if start >= edit.range.end {
                ahead_end = start;
                behind.extend(ahead.pop());
            } else {
                if ahead_end > edit.range.end && segment.reason.is_none() {
                    behind.extend(split_last(&mut ahead, edit.range.end - start));
                    ahead_end = edit.range.end;
                }
                break;
            }
        }
        // The segments the edit touches, right to left; an untouched one
        // across its start is split there.
        for segment in absorbed.drain(..) {
            spare_texts.keep(segment.text);
        }
        while let Some(segment) = ahead.last() {
            if ahead_end <= edit.range.start {
                break;
            }
            let start = ahead_end - segment.len();
            if start < edit.range.start && segment.reason.is_none() {
                absorbed.extend(split_last(&mut ahead, edit.range.start - start));
                ahead_end = edit.range.start;
                break;
            }
            ahead_end = start;
            absorbed.extend(ahead.pop());
        }
        let (Some(last), Some(first)) = (absorbed.first(), absorbed.last()) else {
            continue;
        };
        let first_start = ahead_end;
        let last_start = first_start + absorbed[1..].iter().map(Segment::len).sum::<usize>();
        let repaired_before = absorbed.iter().any(|segment| segment.reason.is_some());
        let head = &first.text(line)[..edit.range.start - first_start];
        let tail = &last.text(line)[edit.range.end - last_start..];
        // An edit that covers its segments exactly keeps its own string.
        let text = if head.is_empty() && tail.is_empty() {
            edit.replacement
        } else {
            let mut text = spare_texts.take();
            text.reserve(head.len() + edit.replacement.len() + tail.len());
            text.push_str(head);
            text.push_str(&edit.replacement);
            text.push_str(tail);
            spare_texts.keep(edit.replacement);
            text
        };
        let original = first.original.start..last.original.end;
        let reason = if repaired_before && edit.reason != REASON_LOSSY {
            REASON_DOUBLE
        } else {
            edit.reason
        };
        ahead_end += text.len();
        ahead.push(Segment {
            text,
            original,
            reason: Some(reason),
        });
    }
    for segment in absorbed.drain(..) {
        spare_texts.keep(segment.text);
    }
    behind.reverse();
    ahead.append(behind);
    *segments = ahead;
}

/// Buffers [`apply`] refills for every round, and the strings of repairs
/// that an edit swallowed or whose line is done.
#[derive(Default)]
struct SegmentRoom {
    spare_texts: SpareTexts,
    /// The segments an edit has passed, right to left.
    behind: Vec<Segment>,
    /// The segments an edit swallows, right to left.
    absorbed: Vec<Segment>,
}

/// Strings no segment or edit holds any more, kept with their room: a
/// repaired line makes about ten edits of a few bytes a round, and each
/// would otherwise allocate its text and free it once the line is done.
#[derive(Default)]
struct SpareTexts(Vec<String>);

/// How many spare strings are kept, and the most room one may keep: a
/// line's edits are a few bytes each.
const SPARE_TEXTS: usize = 256;
const SPARE_TEXT_ROOM: usize = 256;

impl SpareTexts {
    /// An empty string, with room if a spare one has it.
    fn take(&mut self) -> String {
        self.0.pop().unwrap_or_default()
    }

    /// Keeps `text` (its room, not its characters) for a later edit.
    fn keep(&mut self, mut text: String) {
        let room = text.capacity();
        if room != 0 && room <= SPARE_TEXT_ROOM && self.0.len() < SPARE_TEXTS {
            text.clear();
            self.0.push(text);
        }
    }
}

/// Splits the last of `segments`, an untouched one, at byte `at` of its
/// text: the head stays last, the tail is returned.
fn split_last(segments: &mut [Segment], at: usize) -> Option<Segment> {
    let head = segments.last_mut()?;
    let split = head.original.start + at;
    let tail = Segment::untouched(split..head.original.end);
    head.original.end = split;
    Some(tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        repair(text, &mut Vec::new()).into_owned()
    }

    #[test]
    fn a_lost_byte_is_filled_only_in_a_line_not_written_right_elsewhere() {
        // `ñ` written right before a vowel: the line was never decoded
        // under a code page that loses bytes, and `Ã?` stays.
        for text in ["niño Ã? casa grande", "niño Ã? ψηφοφορία ευρώ σήμερα:"]
        {
            assert_eq!(fixed(text), text);
        }
        // With no letter written right, it is filled as before.
        assert_eq!(fixed("SÃ?O PAULO"), "SÁO PAULO");
        assert!(holds_a_latin_letter_written_right(&['ñ', 'o']));
        assert!(!holds_a_latin_letter_written_right(&['Ã', '?', 'Ã', '©']));
    }

    #[test]
    fn texts_repaired_in_turn_read_as_each_repaired_on_a_fresh_thread() {
        // The texts of a thread share their buffers too: nothing a text
        // leaves in them may change the next one.
        let texts = [
            "cafÃ© au lait\nSÃO PAULO, café, ×, °C",
            "โ€œSome of it,โ€ Putinโ€™s",
            "cafÃƒÂ© noir\nthÃ©",
            "in front of 80,000 people ðŸ† today",
            "Ð¦ÐµÐ½Ñ‹ Ð½Ð° Ð±ÐµÐ½Ð·Ð¸Ð½",
        ];
        let fresh: Vec<String> = texts
            .iter()
            .map(|&text| {
                std::thread::spawn(move || fixed(text))
                    .join()
                    .expect("a repair")
            })
            .collect();
        let in_turn: Vec<String> = texts.iter().map(|text| fixed(text)).collect();
        assert_eq!(in_turn, fresh);
        let reversed: Vec<String> = texts.iter().rev().map(|text| fixed(text)).collect();
        assert_eq!(reversed, fresh.into_iter().rev().collect::<Vec<_>>());
    }

    /// `text` as UTF-8 read through windows-874, with windows-1252's
    /// characters for the bytes windows-874 leaves out, as pages in the
    /// wild are misread (`‚` for 0x82, U+0081 for 0x81).
    fn misread_874_with_1252(text: &str) -> String {
        text.bytes()
            .map(|byte| {
                let page = match byte {
                    0x80..=0x9F => encoding_rs::WINDOWS_1252,
                    _ => encoding_rs::WINDOWS_874,
                };
                let bytes = [byte];
                let (read, _, _) = page.decode(&bytes);
                read.chars().next().expect("a character")
            })
            .collect()
    }

    #[test]
    fn square_and_cubic_angstroms_stay() {
        for clean in [
            "The protein pocket measured 40 Å² and the cavity 120 Å³.",
            "The unit cell volume was 1,200 Å³ according to the paper.",
            "The term “Å²” denotes square ångströms.",
        ] {
            assert_eq!(fixed(clean), clean);
        }
        // Lithuanian `ų` misread at a word's end still repairs.
        assert_eq!(fixed("DARBÅ² IR MOKSLO"), "DARBŲ IR MOKSLO");
        assert_eq!(
            fixed("Vilniaus miestÅ³ gyventojai"),
            "Vilniaus miestų gyventojai"
        );
    }

    #[test]
    fn thai_repaired_from_windows_874_is_not_read_again() {
        // Thai words that are valid UTF-8 as windows-874 bytes: `โคก` is
        // `E2 A4 A1` (`⤡`), `โค` the start of `❤` with a byte lost, and
        // `เธ` of `เธียร` a `ก` that lost its `81`.
        for thai in [
            "โค",
            "โคก",
            "โครงการ",
            "สูงถึง 285 ไมโครกรัมต่อลูกบาศก์เมตร ตามโครงการ",
            "“เราจะไม่ถอย” อำพร เธียรายัน กล่าว",
            "เธอบอกว่าเธอจะไป",
        ] {
            let damaged = misread_874_with_1252(thai);
            assert_ne!(damaged, thai);
            assert_eq!(fixed(&damaged), thai, "{damaged}");
            assert_eq!(fixed(thai), thai);
        }
    }

    #[test]
    fn a_thai_word_before_a_no_break_space_keeps_its_last_letter() {
        // `ย` (C2 in windows-874) and a no-break space read as `C2 A0`, a
        // no-break space: beside a paragraph read through windows-874, the
        // byline written right keeps its `ย`.
        let byline = "โดย\u{a0}กมลวรรณ ศรีสุข";
        let story = "กรมเจ้าท่าและองค์การบริหารส่วนจังหวัดใช้งบประมาณกว่า 12 ล้านบาท";
        let page = format!("{byline}\n\n{}", misread(story, encoding_rs::WINDOWS_874));
        assert_eq!(fixed(&page), format!("{byline}\n\n{story}"));
        assert_eq!(fixed(byline), byline);
    }

    #[test]
    fn a_line_longer_than_the_span_slots_is_repaired_as_a_short_one() {
        let short = "cafÃ© au lait, donâ€™t, Ð¦ÐµÐ½Ñ‹ ";
        let long = short.repeat(SPAN_SLOTS / short.chars().count() + 2);
        assert!(long.chars().count() > SPAN_SLOTS);
        assert_eq!(fixed(&long), fixed(short).repeat(long.len() / short.len()));
    }

    #[test]
    fn a_line_that_changes_over_two_passes_is_finished_in_the_same_call() {
        // Russian read as windows-1253 and then as IBM866, each `Π`/`Ρ`
        // lead followed by a character the first page could not show: a
        // sequence repaired is context for a hole, a filled hole for a
        // sequence, and the line was still changing after two passes.
        let damaged = "ΠΏΠ╡ΡАΠ╡Π│ΠΎΠ▓ΠΎΡАΡЛ ΠŸΡАΠ╡Π╖ΠΈΠ΄Π╡Π╜ΡВ.";
        let once = fixed(damaged);
        assert!(!once.contains("ΠΎ"), "{once:?}");
        assert_eq!(fixed(&once), once);
    }

    /// Sentences in the scripts the code pages serve, to misread.
    const SENTENCES: [&str; 8] = [
        "Le café où l’été s’achève — déjà « très » cher, 3 °C",
        "Zażółć gęślą jaźń, řeka Vltava a Dvořák, Łódź i Kraków",
        "Цены на бензин снова выросли в Москве и Києві",
        "Η Ελλάδα και η Κύπρος συμφώνησαν σήμερα",
        "İstanbul’da güneşli bir gün, çok güzel ağaçlar",
        "ราคาน้ำมันวันนี้ปรับขึ้น “ทั่วประเทศ”",
        "Müller sagte: „Das Spiel ist vorbei“ – Straße",
        "Rīga un Vilnius: ąčęėįšųūž, ā ē ī ū ņ ļ ķ",
    ];

    /// The code pages text is most often misread through.
    fn damaging_pages() -> Vec<&'static encoding_rs::Encoding> {
        use encoding_rs::*;
        vec![
            WINDOWS_1252,
            WINDOWS_1250,
            WINDOWS_1251,
            WINDOWS_1253,
            WINDOWS_1254,
            WINDOWS_1257,
            WINDOWS_874,
            ISO_8859_2,
            MACINTOSH,
            KOI8_R,
        ]
    }

    /// Each sentence misread through each page, that once more through
    /// windows-1252, and half damaged: the sentence beside its broken copy.
    fn damaged_lines(
        sentences: impl IntoIterator<Item = &'static str>,
        pages: &[&'static encoding_rs::Encoding],
    ) -> Vec<String> {
        let mut lines = Vec::new();
        for sentence in sentences {
            for &page in pages {
                let once = misread(sentence, page);
                lines.push(misread(&once, encoding_rs::WINDOWS_1252));
                lines.push(format!("{sentence} {once}"));
                lines.push(once);
            }
        }
        lines
    }

    /// `text` as UTF-8 read through `encoding`.
    fn misread(text: &str, encoding: &'static encoding_rs::Encoding) -> String {
        encoding
            .decode_without_bom_handling(text.as_bytes())
            .0
            .into_owned()
    }

    /// What a plan takes: its gain, and each repair's span, reading and
    /// reason.
    type Taken = (u32, Vec<(Range<usize>, Vec<char>, &'static str)>);

    fn taken_of(gain: f32, room: &PlanRoom) -> Taken {
        let taken = room
            .taken
            .iter()
            .map(|judged| {
                let reading = room.readings[judged.reading.clone()].to_vec();
                (judged.range.clone(), reading, judged.reason)
            })
            .collect();
        (gain.to_bits(), taken)
    }

    /// Calls `check` for every code page that finds sequences in one of
    /// `lines`, with the line, its characters, the page, the sequences it
    /// finds, readings set for the line's first round, and a plan room
    /// shared by all calls.
    fn for_each_page_finding(
        lines: &[String],
        mut check: impl FnMut(
            &str,
            &[char],
            &'static CodePage,
            &[Sequence],
            &mut Readings,
            &mut PlanRoom,
        ),
    ) {
        let all_pages = (1u16 << code_pages().len()) - 1;
        let mut readings = Readings::default();
        let mut room = PlanRoom::default();
        for line in lines {
            let chars: Vec<char> = line.chars().collect();
            let mut facts = LineFacts::new(&chars);
            facts.find_under(all_pages);
            readings.new_line();
            readings.new_round(&chars);
            for (index, page) in code_pages().iter().enumerate() {
                let found = facts.found_at(index);
                if !found.is_empty() {
                    check(line, &chars, page, found, &mut readings, &mut room);
                }
            }
        }
    }

    /// The flags of `chars` as a plan read them before it set them only
    /// for the costly terms: every sequence found.
    fn flags_reference(chars: &[char], found: &[Sequence]) -> Vec<bool> {
        let mut flags = vec![false; chars.len()];
        for sequence in found {
            flags[sequence.start..sequence.start + sequence.len].fill(true);
        }
        flags
    }

    /// What a plan knows of `chars` before any letter is read: the
    /// characters of the sequences `found`.
    /// A judging context over `chars` with the reference candidacies.
    fn reference_context<'a>(
        chars: &'a [char],
        candidates: &'a mut [Candidacy],
        page: &'a CodePage,
    ) -> Context<'a> {
        Context {
            chars,
            candidates: Cell::from_mut(candidates).as_slice_of_cells(),
            page,
            preferred: 0,
        }
    }

    fn candidacies_reference(chars: &[char], found: &[Sequence]) -> Vec<Candidacy> {
        flags_reference(chars, found)
            .into_iter()
            .map(|in_sequence| {
                if in_sequence {
                    Candidacy::InSequence
                } else {
                    Candidacy::Untold
                }
            })
            .collect()
    }

    /// [`letters_around`] as it read flags set ahead for every candidate:
    /// each sequence, and each cut lead of the line.
    fn letters_around_reference(
        chars: &[char],
        found: &[Sequence],
        page: &CodePage,
        start: usize,
        end: usize,
    ) -> (Option<score::Script>, Option<score::Script>) {
        let mut flags = flags_reference(chars, found);
        for (index, flag) in flags.iter_mut().enumerate() {
            *flag |= is_cut_lead(chars, index, page);
        }
        let outside = |(&c, &candidate): (&char, &bool)| {
            let class = score::class(c);
            (!candidate && class.is_letter() && class.script != score::Script::Common)
                .then_some(class.script)
        };
        let side = |range: Range<usize>| chars[range.clone()].iter().zip(&flags[range]);
        let left = side(start.saturating_sub(30)..start)
            .rev()
            .find_map(outside);
        let right = side(end..chars.len().min(end + 30)).find_map(outside);
        (left, right)
    }

    #[test]
    fn cut_leads_told_where_read_are_those_of_the_whole_line() {
        use encoding_rs::*;
        let mut lines = Vec::new();
        for sentence in [
            "Σύμφωνα με την ανακοίνωση, οι συνομιλίες συνεχίζονται",
            "Цены на бензин снова выросли в Москве и Києві",
            "Le café où l’été s’achève — déjà « très » cher",
            "ราคาน้ำมันวันนี้ปรับขึ้น “ทั่วประเทศ”",
        ] {
            for encoding in [WINDOWS_1252, WINDOWS_1251, WINDOWS_1253, WINDOWS_874] {
                let once = misread(sentence, encoding);
                // Bytes lost every few characters leave cut leads.
                let mut cut = String::new();
                for (index, c) in once.chars().enumerate() {
                    match index % 7 {
                        3 => cut.push('?'),
                        5 => {}
                        _ => cut.push(c),
                    }
                }
                lines.push(format!("{sentence} {cut}"));
                lines.push(cut);
                lines.push(once);
            }
        }
        let mut cut_leads = 0;
        for_each_page_finding(&lines, |line, chars, page, found, _, _| {
            let mut candidates = candidacies_reference(chars, found);
            let context = reference_context(chars, &mut candidates, page);
            cut_leads += (0..chars.len())
                .filter(|&index| is_cut_lead(chars, index, page))
                .count();
            for start in 0..chars.len() {
                for end in start + 1..chars.len().min(start + 5) {
                    assert_eq!(
                        letters_around(&context, start, end),
                        letters_around_reference(chars, found, page, start, end),
                        "{line} {start}..{end}"
                    );
                }
            }
        });
        assert!(cut_leads > 0);
    }

    #[test]
    fn a_plan_flags_candidates_only_where_the_costly_terms_read_them() {
        use encoding_rs::*;
        let sentences = [
            "Le café où l’été s’achève — déjà « très » cher, 3 °C",
            "Цены на бензин снова выросли в Москве и Києві",
            "Η Ελλάδα και η Κύπρος συμφώνησαν σήμερα",
            "ราคาน้ำมันวันนี้ปรับขึ้น “ทั่วประเทศ”",
            "Zażółć gęślą jaźń, řeka Vltava a Dvořák",
        ];
        let mut lines = Vec::new();
        for sentence in sentences {
            for encoding in [
                WINDOWS_1252,
                WINDOWS_1250,
                WINDOWS_1251,
                WINDOWS_1253,
                WINDOWS_874,
            ] {
                let once = misread(sentence, encoding);
                lines.push(misread(&once, WINDOWS_1252));
                lines.push(format!("{sentence} {once}"));
                lines.push(once.replacen(|c: char| !c.is_ascii(), "?", 1));
                lines.push(once);
            }
            lines.push(sentence.to_string());
        }
        let (mut settled, mut dismissed) = (0, 0);
        for_each_page_finding(&lines, |line, chars, page, found, readings, room| {
            let mut candidates = candidacies_reference(chars, found);
            let context = reference_context(chars, &mut candidates, page);
            let mut judged = Vec::new();
            let (mut reading, mut kept, mut pending) = (Vec::new(), Vec::new(), Vec::new());
            for run in runs(found) {
                judge(
                    &context,
                    run,
                    page,
                    readings,
                    &mut reading,
                    &mut kept,
                    &mut pending,
                    &mut judged,
                );
            }
            let gain = plan(chars, found, page, false, None, readings, room);
            if room.pending.is_empty() {
                // Nothing let through: the flags were never read.
                assert!(judged.is_empty(), "{line}");
                assert_eq!(taken_of(gain, room), (0f32.to_bits(), Vec::new()), "{line}");
                dismissed += 1;
            } else {
                // Every character is as the sequences left it, or told
                // rightly.
                for (index, &candidacy) in room.candidates.iter().enumerate() {
                    let expected = match candidacy {
                        Candidacy::InSequence | Candidacy::Untold => candidacy,
                        Candidacy::CutLead | Candidacy::Plain
                            if is_cut_lead(chars, index, page) =>
                        {
                            Candidacy::CutLead
                        }
                        Candidacy::CutLead | Candidacy::Plain => Candidacy::Plain,
                    };
                    assert_eq!(candidacy, expected, "{line}");
                    let in_sequence = candidacy == Candidacy::InSequence;
                    assert_eq!(in_sequence, flags_reference(chars, found)[index], "{line}");
                }
                settled += 1;
            }
        });
        assert!(settled > 0 && dismissed > 0);
    }

    #[test]
    fn a_page_given_up_before_its_runs_are_read_loses_when_read() {
        use encoding_rs::*;
        let mut sentences = SENTENCES.to_vec();
        sentences.push("Ελλάδα ─│┌ Ωω Жж ‘quoted’ “words” ÀÉÎÕÜ");
        let mut pages = damaging_pages();
        pages.push(IBM866);
        let lines = damaged_lines(sentences, &pages);
        let (mut given_up, mut given_up_further, mut asked) = (0, 0, 0);
        let mut reading = Vec::new();
        for_each_page_finding(&lines, |line, chars, page, found, readings, room| {
            // Whether some run has a further reading: those plans were
            // judged in full before the runs' further readings were
            // bounded too.
            let further = runs(found).any(|run| {
                let start = run[0].start;
                let end = run[run.len() - 1].start + run[run.len() - 1].len;
                let decoded: Vec<char> = run.iter().map(|sequence| sequence.decoded).collect();
                let left = start.checked_sub(1).map(|i| chars[i]);
                let right = chars.get(end).copied();
                !readings.deepen(left, &decoded, right).further.is_empty()
            });
            // What [`plan`] weighs against the best plan once every run
            // is read: `None` where it finishes the plan whatever the best.
            let unflagged = Context {
                chars,
                candidates: &[],
                page,
                preferred: 0,
            };
            let mut pending = Vec::new();
            for run in runs(found) {
                prejudge(
                    &unflagged,
                    run,
                    page,
                    readings,
                    &mut room.reading,
                    &mut room.readings,
                    &mut pending,
                );
            }
            let ceiling = pending
                .iter()
                .all(|pending| pending.inner.is_none())
                .then(|| {
                    pending
                        .iter()
                        .map(|pending| gain_ceiling(chars, pending).max(0.0))
                        .sum::<f32>()
                });
            for established in [false, true] {
                let read = ceiling.map(|ceiling| net_gain(ceiling, page, established));
                let gain = plan(chars, found, page, established, None, readings, room);
                let exact = net_gain(gain, page, established);
                let takes = !room.taken.is_empty();
                for beaten in [-100.0, -5.0, -1.0, 0.0, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0] {
                    asked += 1;
                    let stopped = cannot_win(
                        chars,
                        found,
                        page,
                        established,
                        beaten,
                        readings,
                        &mut reading,
                    );
                    if stopped {
                        given_up += 1;
                        given_up_further += usize::from(further);
                        // The plan judged in full loses, and so it does by
                        // the ceiling of its runs once read, where that
                        // tells.
                        assert!(
                            !takes || exact <= beaten,
                            "{line} ({}): {exact} > {beaten}",
                            page.reason
                        );
                        let read = read.unwrap_or(f32::NEG_INFINITY);
                        assert!(
                            pending.is_empty() || read <= beaten,
                            "{line} ({}): {read} > {beaten}",
                            page.reason
                        );
                    }
                }
            }
        });
        assert!(given_up > 100 && given_up < asked, "{given_up} of {asked}");
        assert!(given_up_further > 10, "{given_up_further}");
    }

    #[test]
    fn a_plan_stops_short_only_where_it_could_not_win() {
        let lines = damaged_lines(SENTENCES, &damaging_pages());
        let mut stopped = 0;
        for_each_page_finding(&lines, |line, chars, page, found, readings, room| {
            for established in [false, true] {
                let gain = plan(chars, found, page, established, None, readings, room);
                let full = taken_of(gain, room);
                let net = net_gain(gain, page, established);
                // Whatever the costly terms of a run let through come to,
                // they stay under its ceiling.
                let mut judged = Vec::new();
                let context = Context {
                    chars,
                    candidates: Cell::from_mut(&mut room.candidates[..]).as_slice_of_cells(),
                    page,
                    preferred: 0,
                };
                for pending in &room.pending {
                    judged.clear();
                    settle(&context, pending, readings, &room.readings, &mut judged);
                    if let Some(judged) = judged.first() {
                        assert!(judged.gain < gain_ceiling(chars, pending), "{line}");
                    }
                }
                for beaten in [-100.0, net - 2.0, net - 0.01, net, net + 0.01, net + 5.0] {
                    let gain = plan(
                        chars,
                        found,
                        page,
                        established,
                        Some(beaten),
                        readings,
                        room,
                    );
                    let short = taken_of(gain, room);
                    if short != full {
                        // Stopped short: taking nothing, where the full plan
                        // would not have won either.
                        assert!(room.taken.is_empty(), "{line}");
                        assert!(net <= beaten, "{line}: {net} > {beaten}");
                        stopped += 1;
                    }
                }
            }
        });
        assert!(stopped > 0);
    }

    /// Applies sorted, non-overlapping edits (byte offsets in the joined
    /// segments), right to left so that earlier offsets stay valid. An edit that
    /// touches an earlier repair swallows it whole and becomes
    /// `mojibake.double`, keeping the original span of both.
    fn apply_reference(segments: &mut Vec<Segment>, edits: &[Edit]) {
        for edit in edits.iter().rev() {
            split_untouched_reference(segments, edit.range.start);
            split_untouched_reference(segments, edit.range.end);
            let mut position = 0;
            let mut first = None;
            let mut last = 0;
            let mut first_start = 0;
            let mut last_start = 0;
            for (index, segment) in segments.iter().enumerate() {
                let end = position + segment.text.len();
                if end > edit.range.start && position < edit.range.end {
                    if first.is_none() {
                        first = Some(index);
                        first_start = position;
                    }
                    last = index;
                    last_start = position;
                }
                position = end;
            }
            let Some(first) = first else { continue };
            let absorbed = &segments[first..=last];
            let repaired_before = absorbed.iter().any(|segment| segment.reason.is_some());
            let mut text = segments[first].text[..edit.range.start - first_start].to_string();
            text.push_str(&edit.replacement);
            text.push_str(&segments[last].text[edit.range.end - last_start..]);
            let original = absorbed[0].original.start..absorbed[absorbed.len() - 1].original.end;
            let reason = if repaired_before && edit.reason != REASON_LOSSY {
                REASON_DOUBLE
            } else {
                edit.reason
            };
            segments.splice(
                first..=last,
                [Segment {
                    text,
                    original,
                    reason: Some(reason),
                }],
            );
        }
    }

    /// Splits the untouched segment that holds byte `at` (of the joined text)
    /// so that a segment boundary falls there. Repairs are never split.
    fn split_untouched_reference(segments: &mut Vec<Segment>, at: usize) {
        let mut position = 0;
        for index in 0..segments.len() {
            let length = segments[index].text.len();
            if at > position && at < position + length {
                if segments[index].reason.is_some() {
                    return;
                }
                let local = at - position;
                let segment = &segments[index];
                let tail = Segment {
                    text: segment.text[local..].to_string(),
                    original: segment.original.start + local..segment.original.end,
                    reason: None,
                };
                let head = Segment {
                    text: segment.text[..local].to_string(),
                    original: segment.original.start..segment.original.start + local,
                    reason: None,
                };
                segments.splice(index..=index, [head, tail]);
                return;
            }
            position += length;
        }
    }

    /// A line of ASCII letters cut into segments (some of them repairs,
    /// of two bytes of the line each), with every segment's text spelled
    /// out, and sorted, non-overlapping edits on the segments' text.
    fn segments_and_edits(
    ) -> impl proptest::strategy::Strategy<Value = (String, Vec<Segment>, Vec<Edit>)> {
        use proptest::prelude::*;
        let segments = proptest::collection::vec(("[a-z]{1,4}", any::<bool>()), 1..8);
        let edits =
            proptest::collection::vec((0usize..4, 1usize..4, "[A-Z]{1,3}", any::<bool>()), 0..5);
        (segments, edits).prop_map(|(parts, cuts)| {
            let mut segments = Vec::new();
            let mut line = String::new();
            let mut original = 0;
            for (text, repaired) in parts {
                let length = if repaired { 2 } else { text.len() };
                line.push_str(if repaired { "xy" } else { &text });
                segments.push(Segment {
                    original: original..original + length,
                    reason: repaired.then_some("mojibake.windows-1252"),
                    text,
                });
                original += length;
            }
            let total: usize = segments.iter().map(|segment| segment.text.len()).sum();
            let mut edits = Vec::new();
            let mut position = 0;
            for (gap, length, replacement, lossy) in cuts {
                let start = position + gap;
                let end = start + length;
                if end > total {
                    break;
                }
                edits.push(Edit {
                    range: start..end,
                    replacement,
                    reason: if lossy {
                        REASON_LOSSY
                    } else {
                        "mojibake.latin-1"
                    },
                });
                position = end;
            }
            (line, segments, edits)
        })
    }

    #[test]
    fn readings_without_further_readings_are_answered_as_the_full_walk_answers() {
        let mut readings = Readings::default();
        for (left, reading, right) in [
            (Some('a'), &['é'][..], Some(' ')),
            (None, &['ж', 'и'][..], Some('в')),
            (Some('Ã'), &['©', '€'][..], None),
            (Some(' '), &['’'][..], Some('s')),
        ] {
            let full = Deepenings::of(left, reading, right);
            let (full_choice, full_options) = full.choose(0);
            let quick = readings.deepen(left, reading, right);
            assert!(full.further.is_empty() && quick.further.is_empty());
            assert_eq!(quick.current.to_bits(), full.current.to_bits());
            assert_eq!((quick.options, full_options), (0, 0));
            assert!(full_choice.is_none());
            // A single sequence earns no run bonus, costly or not.
            assert_eq!(run_bonus(reading, 1).to_bits(), 0.0f32.to_bits());
        }
    }

    /// [`shape_evidence`] as first written: the neighbours looked at
    /// before the characters of the sequence.
    fn shape_evidence_reference(chars: &[char], sequence: &detect::Sequence) -> f32 {
        if let Some(evidence) = letters_shape_evidence(chars, sequence) {
            return evidence;
        }
        let rest = &chars[sequence.start + 1..sequence.start + sequence.len];
        if may_end_a_word(chars, sequence) && rest.iter().all(|&c| ends_a_word(c)) {
            SHAPE_BONUS / 3.0
        } else {
            SHAPE_BONUS
        }
    }

    proptest::proptest! {
        #[test]
        fn shape_evidence_follows_its_first_form(
            text in "[aZ5 ÃÂÐÑžšœ’”»…–—€©.]{1,8}",
            start in 0usize..8,
            length in 1usize..4,
        ) {
            let chars: Vec<char> = text.chars().collect();
            let start = start.min(chars.len() - 1);
            let sequence = detect::Sequence {
                start,
                len: length.min(chars.len() - start),
                decoded: 'x',
            };
            proptest::prop_assert_eq!(
                shape_evidence(&chars, &sequence).to_bits(),
                shape_evidence_reference(&chars, &sequence).to_bits()
            );
        }
    }

    /// The rule [`isolation_cost`] follows: a space after the reading ends
    /// its last run of letters like any other non-letter.
    fn isolation_cost_reference(
        (left, right): (Option<score::Script>, Option<score::Script>),
        reading: &[char],
    ) -> f32 {
        if left.is_none() && right.is_none() {
            return 0.0;
        }
        let fits = |script: score::Script| {
            [left, right]
                .iter()
                .flatten()
                .any(|&other| score::compatible(other, script))
        };
        let mut cost = 0.0;
        let mut run_script: Option<score::Script> = None;
        for &c in reading.iter().chain(std::iter::once(&' ')) {
            let class = score::class(c);
            let letter = class.is_letter() || class.kind == score::Kind::Mark;
            match run_script {
                Some(script) if letter && score::compatible(script, class.script) => {
                    if script == score::Script::Common {
                        run_script = Some(class.script);
                    }
                }
                _ => {
                    if let Some(script) = run_script.take() {
                        if script != score::Script::Common && !fits(script) {
                            cost += 2.0;
                        }
                    }
                    if letter {
                        run_script = Some(class.script);
                    }
                }
            }
        }
        cost
    }

    proptest::proptest! {
        #[test]
        fn isolation_cost_follows_the_rule(
            reading in "[a-zA-Z .,\u{C0}-\u{24F}\u{300}-\u{36F}\u{370}-\u{3FF}\u{400}-\u{45F}\u{5D0}-\u{5EA}\u{E00}-\u{E5B}\u{4E00}-\u{4E10}\u{3041}-\u{3050}\u{2010}-\u{2030}]{0,10}",
            left in proptest::sample::select(vec![None, Some('a'), Some('ж'), Some('α'), Some('ก'), Some('中'), Some('あ'), Some('א')]),
            right in proptest::sample::select(vec![None, Some('b'), Some('я'), Some('ω'), Some('ข'), Some('国'), Some('ש')]),
        ) {
            let script = |c: Option<char>| c.map(|c| score::class(c).script);
            let around = (script(left), script(right));
            let chars: Vec<char> = reading.chars().collect();
            proptest::prop_assert_eq!(
                isolation_cost(around, &chars).to_bits(),
                isolation_cost_reference(around, &chars).to_bits()
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn every_code_page_that_finds_a_sequence_is_a_candidate_page(
            text in "[a-z \u{80}-\u{24F}\u{2010}-\u{203A}\u{20AC}\u{2122}\u{2500}-\u{2570}\u{410}-\u{44F}\u{E01}-\u{E5B}\u{F8FF}]{0,12}",
        ) {
            let chars: Vec<char> = text.chars().collect();
            let pages = candidate_pages_of(&chars);
            for (index, page) in code_pages().iter().enumerate() {
                for allow_c1 in [false, true] {
                    proptest::prop_assert!(
                        sequences(&chars, page, allow_c1).is_empty() || pages & 1 << index != 0,
                        "{} {:?}", page.reason, text
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn byte_offsets_are_those_of_the_text(
            text in "[a-z \u{80}-\u{24F}\u{410}-\u{44F}\u{E01}-\u{E5B}\u{2019}\u{FFFD}\u{1F600}]{0,40}",
            cuts in proptest::collection::vec(0usize..41, 0..8),
        ) {
            let chars: Vec<char> = text.chars().collect();
            proptest::prop_assert_eq!(utf8_length(&chars), text.len());
            // Edits from sorted cuts, each pair of cuts one edit.
            let mut cuts: Vec<usize> = cuts.into_iter().map(|cut| cut.min(chars.len())).collect();
            cuts.sort_unstable();
            let edits: Vec<Edit> = cuts
                .chunks_exact(2)
                .map(|pair| Edit {
                    range: pair[0]..pair[1],
                    replacement: String::new(),
                    reason: REASON_LOSSY,
                })
                .collect();
            let byte_of = |index: usize| text.char_indices().nth(index).map_or(text.len(), |(at, _)| at);
            let mut byte_edits = edits.clone();
            to_byte_edits(&chars, &mut byte_edits);
            for (edit, byte_edit) in edits.iter().zip(byte_edits) {
                proptest::prop_assert_eq!(
                    byte_edit.range,
                    byte_of(edit.range.start)..byte_of(edit.range.end)
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn edits_apply_as_one_at_a_time_from_the_right((line, segments, edits) in segments_and_edits()) {
            // Untouched segments as `apply` keeps them: not copied.
            let mut walked: Vec<Segment> = segments
                .iter()
                .map(|segment| match segment.reason {
                    None => Segment::untouched(segment.original.clone()),
                    Some(_) => segment.clone(),
                })
                .collect();
            // Strings kept from earlier lines hold room, never text.
            let mut room = SegmentRoom::default();
            for _ in 0..3 {
                room.spare_texts.keep(String::from("left over"));
            }
            apply(&mut walked, &line, &mut edits.clone(), &mut room);
            let mut reference = segments;
            apply_reference(&mut reference, &edits);
            let shown = |segments: &[Segment], text: &dyn Fn(&Segment) -> String| {
                segments
                    .iter()
                    .map(|segment| (text(segment), segment.original.clone(), segment.reason))
                    .collect::<Vec<_>>()
            };
            proptest::prop_assert_eq!(
                shown(&walked, &|segment| segment.text(&line).to_string()),
                shown(&reference, &|segment| segment.text.clone())
            );
        }
    }

    #[test]
    fn a_twice_damaged_line_is_read_through_one_chain_of_code_pages() {
        // Through iso-8859-2 twice, `за` alone reads as well through
        // windows-1250 for the second reading (`Са`); the rest of the line
        // settles it.
        let original =
            "Цены на бензин выросли на пять процентов за последний месяц, сообщает Росстат.";
        for second in [encoding_rs::ISO_8859_2, encoding_rs::WINDOWS_1252] {
            let damaged = misread(&misread(original, encoding_rs::ISO_8859_2), second);
            assert_eq!(fixed(&damaged), original, "then {}", second.name());
        }
    }

    #[test]
    fn a_digit_of_another_script_is_not_a_repair_amid_latin_text() {
        // `Ÿ†` is D9 A0 under mac-roman, the Arabic-Indic zero: the bytes
        // of a broken emoji, not a digit.
        assert!(!fixed("in front of 80,000 people ðŸ† today").contains('\u{660}'));
        // Nor does a Thai digit beside it (`๐` is the lead byte F0 under
        // windows-874) make it a number.
        assert!(!fixed("in front of 80,000 people ๐Ÿ†.").contains('\u{660}'));
    }

    #[test]
    fn a_word_hyphenated_with_soft_hyphens_is_clean_text() {
        for clean in [
            "Le ch\u{E2}\u{AD}teau et la p\u{E2}\u{AD}tis\u{AD}se\u{AD}rie sont ferm\u{E9}s.",
            "Pre\u{AD}\u{219}edintele Rom\u{E2}\u{AD}niei a vorbit.",
            "ROM\u{C2}\u{AD}NIA \u{219}i CH\u{C2}\u{AD}TEAU, GR\u{D6}\u{AD}SSE, S\u{C3}\u{AD}O PAULO.",
            "Die \u{D6}\u{AD}ko\u{AD}no\u{AD}men, die \u{C9}\u{AD}cole, \u{D6}\u{AD}KO\u{AD}NO\u{AD}MIE.",
        ] {
            assert_eq!(fixed(clean), clean);
        }
        // The same pairs misread: `í` after a lowercase letter or opening
        // a word, a soft hyphen inside a lowercase word, `Э` and `έ`.
        assert_eq!(
            fixed("La polic\u{C3}\u{AD}a lleg\u{C3}\u{B3}."),
            "La policía llegó."
        );
        assert_eq!(
            fixed("el \u{C3}\u{AD}ndice de precios"),
            "el índice de precios"
        );
        assert_eq!(
            fixed("Ver\u{C2}\u{AD}sailles et Ã©t\u{C3}\u{A9}"),
            "Ver\u{AD}sailles et été"
        );
        assert_eq!(fixed("Ð\u{AD}Ñ‚Ð¾ Ð½Ðµ Ñ‚Ð°Ðº"), "Это не так");
        assert_eq!(fixed("Î½Î\u{AD}Î± Î¼Î\u{AD}Ï„Ï\u{81}Î±"), "νέα μέτρα");
    }

    #[test]
    fn a_full_width_digit_among_east_asian_text_is_a_number() {
        let stray = |left: Option<char>, reading: &str, right: Option<char>| {
            let reading: Vec<char> = reading.chars().collect();
            holds_stray_digit(left, &reading, right)
        };
        // Beside a letter or a full-width sign of Chinese, Japanese or
        // Korean text, inside the reading or just outside it.
        assert!(!stray(None, "）３月３日电", None));
        assert!(!stray(Some('約'), "５", Some('時')));
        assert!(!stray(None, "在０．５％", None));
        assert!(!stray(Some(' '), "３월", None));
        // Amid Latin text, or with nothing beside it, it is not vouched for.
        assert!(stray(Some(' '), "３", Some(' ')));
        assert!(stray(Some('a'), "３", Some('b')));
        // Whole lines with such numbers are read through one code page.
        for original in [
            "东京（共同社）３月３日电",
            "ＪＲ東日本によると、およそ２万人に影響が出た。",
        ] {
            let damaged = misread(original, encoding_rs::WINDOWS_1252);
            assert_eq!(fixed(&damaged), original);
        }
    }

    #[test]
    fn lines_repaired_together_read_as_each_repaired_alone() {
        // The lines of a text share their buffers: nothing a line leaves in
        // them may change the next one, long or short, damaged or clean.
        let original = "Цены на бензин выросли на пять процентов за последний месяц.";
        let lines = [
            misread(
                &misread(original, encoding_rs::ISO_8859_2),
                encoding_rs::WINDOWS_1252,
            ),
            "cafÃ© au lait".to_string(),
            "SÃO PAULO, café, ×, °C".to_string(),
            "โ€œSome of it,โ€ Putinโ€™s".to_string(),
            "cafÃƒÂ© noir".to_string(),
            "in front of 80,000 people ðŸ† today".to_string(),
            "thÃ©".to_string(),
        ];
        let alone: Vec<String> = lines.iter().map(|line| fixed(line)).collect();
        assert_eq!(fixed(&lines.join("\n")), alone.join("\n"));
        let reversed: Vec<String> = lines.iter().rev().cloned().collect();
        let alone_reversed: Vec<String> = alone.iter().rev().cloned().collect();
        assert_eq!(fixed(&reversed.join("\n")), alone_reversed.join("\n"));
    }

    #[test]
    fn clean_text_is_borrowed() {
        let mut changes = Vec::new();
        assert!(matches!(
            repair("SÃO PAULO, café, ×, °C", &mut changes),
            Cow::Borrowed(_)
        ));
        assert!(changes.is_empty());
    }

    #[test]
    fn windows_1252_is_repaired_with_a_change() {
        let mut changes = Vec::new();
        assert_eq!(repair("cafÃ© au lait", &mut changes), "café au lait");
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].reason, "mojibake.windows-1252");
        assert_eq!(changes[0].position, 3);
        assert_eq!(changes[0].before, "Ã©");
        assert_eq!(changes[0].after, "é");
    }

    #[test]
    fn seed_shapes_are_repaired() {
        assert_eq!(fixed("Putinโ€™s adviser"), "Putin’s adviser");
        assert_eq!(fixed("โ€œSome of it,โ€ Putinโ€™s"), "“Some of it,” Putin’s");
    }

    #[test]
    fn double_damage_is_repaired_and_named() {
        let mut changes = Vec::new();
        assert_eq!(repair("cafÃƒÂ© noir", &mut changes), "café noir");
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].reason, REASON_DOUBLE);
        assert_eq!(changes[0].before, "ÃƒÂ©");
    }

    #[test]
    fn offsets_point_into_the_given_text() {
        let mut changes = Vec::new();
        let text = "ok\nla cafÃ© et le thÃ©";
        assert_eq!(repair(text, &mut changes), "ok\nla café et le thé");
        assert_eq!(changes.len(), 2);
        for change in &changes {
            assert_eq!(
                &text[change.position..change.position + change.before.len()],
                change.before
            );
        }
    }
}
