//! Lossy damage: a UTF-8 sequence that lost its last byte because the wrong
//! code page could not show it — the byte was dropped, or became `?`,
//! U+FFFD, or (for a lost 0xA0) a plain space. Only the few bytes the code
//! page could not show can fill the hole; each is tried, and the hole is
//! filled only when the evidence singles one out (a closing `”` after a
//! word and before a space, a `à` ending a lowercase word; in Cyrillic and
//! Greek the one letter that makes its word a known word, in East Asian
//! text the one everyday character of the national standard). Otherwise
//! the text stays as it is. This module does not repair complete
//! sequences.

use super::codepages::{candidate_masks, code_pages, each_page, filter_pages, CodePage};
use super::detect::{
    self, decode_utf8_sequence, narrow_native_pages, sequence_length, LineFacts, Pair,
};
use super::emoji;
use super::everyday;
use super::letters::{self, letters_fitting, lowercase, pair_evidence, WordPart};
use super::score::{self, Kind, Script};
use super::written;
use super::{Edit, REASON_LOSSY};
use std::sync::OnceLock;

/// How much better the best filler must be than the runner-up.
const MARGIN: f32 = 1.0;
/// The margin between two letters of one two-byte script that could both
/// fill a hole, when no known word tells them apart.
const RIVAL_MARGIN: f32 = 3.0;
/// How much evidence a filler needs at all.
const ACCEPT: f32 = 2.0;

/// The bytes this code page's text loses: those it shows as nothing at
/// all. Where the windows-1252 look-alike is shown instead, the byte
/// survives, so only bytes that windows-1252 leaves undefined too get lost.
/// (Text that lost every C1 byte, true latin-1 with its controls stripped,
/// has too many possible fillers to restore.)
fn lost_bytes(page: &CodePage) -> impl Iterator<Item = u8> + '_ {
    page.invisible
        .iter()
        .copied()
        .filter(|&byte| matches!(byte, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D))
}

/// [`lost_bytes`] of every code page, by index, worked out once: the hole
/// search asks for them at every lead character of a line.
fn lost_bytes_by_page() -> &'static [Vec<u8>] {
    static LOST: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    LOST.get_or_init(|| {
        code_pages()
            .iter()
            .map(|page| lost_bytes(page).collect())
            .collect()
    })
}

/// One way to fill a hole.
#[derive(Clone, Copy)]
struct Filler {
    /// Characters of the line the filler replaces (lead, continuations, and
    /// the marker when the marker stood for the lost byte).
    end: usize,
    decoded: char,
    evidence: f32,
    /// The characters around the hole as the filler was weighed with them
    /// (a neighbour still in mojibake read as the letter it stands for).
    before: Option<char>,
    after: Option<char>,
}

/// Whether a line can hold lossy damage worth the search: a replacement
/// character, or a lead character (under a code page that loses bytes)
/// followed by a loss marker or by a continuation it cannot complete.
///
/// Most lines asked hold none, and are settled without looking at each
/// lead and its neighbours: one pass gathers the scripts a lead could be
/// glued across ([`GlueBits`]) and stops at a replacement character or at
/// a loss marker after a lead, and the leads followed by a continuation
/// are among the line's pairs. Only a line where a lead could be glued to
/// another script is walked lead by lead ([`worth_trying_lead_by_lead`]).
pub(super) fn worth_trying(facts: &mut LineFacts) -> bool {
    let chars = facts.chars;
    let Some(bits) = line_glue_bits(chars) else {
        return true;
    };
    let letters = bits & SCRIPT_BITS;
    let two_byte_leads = (bits >> TWO_BYTE_LEAD_SHIFT) & SCRIPT_BITS;
    // A two-byte lead glued to a letter of another script needs a letter
    // of a script that is not Latin, and a two-byte lead of a script other
    // than that one.
    let may_glue = letters != 0
        && two_byte_leads != 0
        && !(letters.is_power_of_two() && two_byte_leads == letters);
    if may_glue {
        return worth_trying_lead_by_lead(facts);
    }
    // A lead followed by a continuation under a page that loses bytes is
    // a pair: the pre-scan's positions hold every one.
    let mut pair_index = 0;
    while let Some(&Pair { start, pages }) = facts.pairs().get(pair_index) {
        pair_index += 1;
        let c = chars[start];
        // The pair's pages are those under which `c` leads and the next
        // character continues: with those `c` leads a longer sequence
        // under, they are the pages a hole would be worth looking for in.
        let pages = pages & losing_leads(c).longer;
        if pages == 0 {
            continue;
        }
        let previous = start.checked_sub(1).map(|i| chars[i]);
        let next = chars[start + 1];
        let after = chars.get(start + 2).copied();
        if pages_with_plausible_hole(facts, pages, previous, c, next, after) != 0 {
            return true;
        }
    }
    false
}

/// The [`GlueBits`] of the characters of `chars` put together; `None`
/// when a replacement character, or a loss marker after a lead, settles
/// that the line is worth the hole search: after any lead, `?`, and after
/// a lead that is a windows-1252 capital, a space.
#[inline(never)]
fn line_glue_bits(chars: &[char]) -> Option<GlueBits> {
    let table = glue_bits_table();
    let mut bits = 0;
    let mut previous: GlueBits = 0;
    let mut rest = chars;
    while !rest.is_empty() {
        // The characters below the table's end, in a loop of their own
        // that keeps what it reads in registers.
        let mut passed = 0;
        for &c in rest {
            let Some(&these) = table.get(c as usize) else {
                break;
            };
            if marks_a_lost_byte(these, previous) {
                return None;
            }
            bits |= these;
            previous = these;
            passed += 1;
        }
        rest = &rest[passed..];
        let Some((&c, after)) = rest.split_first() else {
            break;
        };
        // U+FFFD lies beyond the table.
        if c == '\u{FFFD}' {
            return None;
        }
        let these = glue_bits(c, &losing_leads_of(c));
        if marks_a_lost_byte(these, previous) {
            return None;
        }
        bits |= these;
        previous = these;
        rest = after;
    }
    Some(bits)
}

/// Whether a character with the bits `these` is a loss marker after one
/// with the bits `previous`: a marker's bits, moved up, meet the lead bits
/// they follow.
#[inline(always)]
fn marks_a_lost_byte(these: GlueBits, previous: GlueBits) -> bool {
    (these << MARKER_TO_LEAD) & previous & (ANY_LEAD | CAPITAL_LEAD) != 0
}

/// [`worth_trying`] asked of each character in turn, with its neighbours.
fn worth_trying_lead_by_lead(facts: &mut LineFacts) -> bool {
    let masks = candidate_masks();
    let lead_table = losing_lead_table();
    let chars = facts.chars;
    chars.iter().enumerate().any(|(index, &c)| {
        // ASCII (never a lead, nor U+FFFD) is most of many lines: it is
        // let through first.
        if c.is_ascii() {
            return false;
        }
        // Most characters here are letters of a code page's own script
        // (Greek, Cyrillic, Thai), every one a lead: one look-up gives the
        // pages `c` leads a sequence under and those it leads a longer one
        // under, which serve every test below.
        let LosingLeads { leads, longer, .. } = match lead_table.get(c as usize) {
            Some(&leads) => leads,
            // U+FFFD lies beyond the table.
            None if c == '\u{FFFD}' => return true,
            None => losing_leads_of(c),
        };
        if leads == 0 {
            return false;
        }
        match chars.get(index + 1) {
            Some('?') => true,
            Some(' ') => ('\u{C2}'..='\u{DF}').contains(&c),
            Some(&next) => {
                // A two-byte lead followed by a continuation is a complete
                // sequence: there is no room for a lost byte.
                let pages = masks.get(next).1 & longer;
                let previous = index.checked_sub(1).map(|i| chars[i]);
                let after = chars.get(index + 2).copied();
                pages != 0 && pages_with_plausible_hole(facts, pages, previous, c, next, after) != 0
                    || leads & !longer != 0 && glued_to_other_script(lead_table, c, previous, next)
            }
            None => false,
        }
    })
}

/// Facts of a character that [`worth_trying`] gathers over a whole line,
/// as bits: the script of a letter that is not Latin (a bit of
/// [`SCRIPT_BITS`], by [`Script`]), the script of a two-byte lead under a
/// page that loses bytes (the same bit, shifted by
/// [`TWO_BYTE_LEAD_SHIFT`]); and, for the loss markers after it, whether
/// the character is a lead under such a page at all ([`ANY_LEAD`]), one
/// that is a windows-1252 capital ([`CAPITAL_LEAD`]), or a marker itself
/// ([`QUESTION`], [`SPACE`]).
type GlueBits = u64;
const SCRIPT_BITS: GlueBits = 0xFFFF;
const TWO_BYTE_LEAD_SHIFT: u32 = 16;
// Every script has a bit of its own below the shift.
const _: () = assert!((Script::Rare as u32) < TWO_BYTE_LEAD_SHIFT);
const ANY_LEAD: GlueBits = 1 << 63;
const CAPITAL_LEAD: GlueBits = 1 << 62;
/// `?` after any lead, a space after a capital: each marker bit lies
/// this far below the lead bit it goes with.
const MARKER_TO_LEAD: u32 = 2;
const QUESTION: GlueBits = ANY_LEAD >> MARKER_TO_LEAD;
const SPACE: GlueBits = CAPITAL_LEAD >> MARKER_TO_LEAD;

/// The [`GlueBits`] of `c`, whose [`losing_leads`] are `leads` (without
/// the marker bits).
fn glue_bits(c: char, leads: &LosingLeads) -> GlueBits {
    let letter = leads.letter_script.map_or(0, |script| 1 << script as u32);
    let two_byte_lead = if leads.leads & !leads.longer != 0 {
        1 << (leads.script as u32 + TWO_BYTE_LEAD_SHIFT)
    } else {
        0
    };
    let lead = match leads.leads {
        0 => 0,
        _ if ('\u{C2}'..='\u{DF}').contains(&c) => ANY_LEAD | CAPITAL_LEAD,
        _ => ANY_LEAD,
    };
    letter | two_byte_lead | lead
}

/// [`GlueBits`] of every character below [`LONGER_LEAD_LIMIT`], by code
/// point.
fn glue_bits_table() -> &'static [GlueBits] {
    static TABLE: OnceLock<Vec<GlueBits>> = OnceLock::new();
    TABLE.get_or_init(|| {
        losing_lead_table()
            .iter()
            .zip(0u32..)
            .map(|(leads, code)| {
                let c = char::from_u32(code).unwrap_or_default();
                let marker = match c {
                    '?' => QUESTION,
                    ' ' => SPACE,
                    _ => 0,
                };
                glue_bits(c, leads) | marker
            })
            .collect()
    })
}

/// Whether `c`, the lead of a two-byte sequence under a code page that
/// loses bytes, is glued to a letter of another script than its own, one
/// that is not Latin (`الجÙ` + `Ø§`, `Ñ` + `ка`): a lead that lost its
/// second byte inside a word of the script it stood for. Clean text seldom
/// glues a Latin-1 capital to an Arabic or Cyrillic letter. The caller
/// has settled that `c` is such a lead ([`is_two_byte_lead`]). The
/// scripts come from `table` ([`losing_lead_table`]) below its end.
fn glued_to_other_script(
    table: &[LosingLeads],
    c: char,
    previous: Option<char>,
    next: char,
) -> bool {
    let scripts = |c: char| match table.get(c as usize) {
        Some(leads) => (leads.script, leads.letter_script),
        None => scripts_of(c),
    };
    let own = scripts(c).0;
    let other_script = |neighbour: Option<char>| {
        neighbour.is_some_and(|neighbour| scripts(neighbour).1.is_some_and(|script| script != own))
    };
    other_script(previous) || other_script(Some(next))
}

/// The script of `c`, and that script again when `c` is a letter of a
/// script other than Latin and Common: what [`glued_to_other_script`]
/// reads of a lead and of its neighbours.
fn scripts_of(c: char) -> (Script, Option<Script>) {
    let class = score::class(c);
    let letter = class.is_letter() && !matches!(class.script, Script::Latin | Script::Common);
    (class.script, letter.then_some(class.script))
}

/// Below this code point, [`losing_leads`] reads a table: the scripts
/// whose every letter stands for a lead byte under their own code page
/// (Thai, Greek, Cyrillic) all live there.
const LONGER_LEAD_LIMIT: u32 = 0x3000;

/// The code pages that lose bytes under which a character stands for a
/// lead byte that a hole can be filled after (`leads`, see
/// [`ONLY_BEYOND_FILLERS`]), those of them under which it leads a sequence
/// of three or four bytes (`longer`), and those under which it leads one
/// of four (`four`); under the others it leads a two-byte one. With them,
/// the character's scripts as [`scripts_of`] gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LosingLeads {
    leads: u16,
    longer: u16,
    four: u16,
    script: Script,
    letter_script: Option<Script>,
}

/// [`LosingLeads`] of `c`. The hole search asks at every character of a
/// line that is no ASCII; below [`LONGER_LEAD_LIMIT`] the answer is worked
/// out once per character.
#[inline]
fn losing_leads(c: char) -> LosingLeads {
    match losing_lead_table().get(c as usize) {
        Some(&leads) => leads,
        None => losing_leads_of(c),
    }
}

/// [`losing_leads`] of every character below [`LONGER_LEAD_LIMIT`], by
/// code point.
fn losing_lead_table() -> &'static [LosingLeads] {
    static TABLE: OnceLock<Vec<LosingLeads>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..LONGER_LEAD_LIMIT)
            .filter_map(char::from_u32)
            .map(losing_leads_of)
            .collect()
    })
}

/// Lead bytes whose every sequence decodes above U+3FFFF, to unassigned
/// planes, tags, variation selectors and private use: nothing a hole is
/// ever filled with ([`may_fill`]). Greek `ρ ς σ τ` and Thai digits are
/// such leads under their code pages; a final `ς` before `»` is no hole.
const ONLY_BEYOND_FILLERS: std::ops::RangeInclusive<u8> = 0xF1..=0xF4;

/// [`losing_leads`] worked out from the masks and the code pages. Only
/// the pages `c` leads a sequence under are asked for its length: most
/// characters lead none, and cost one mask look-up.
fn losing_leads_of(c: char) -> LosingLeads {
    let leads = filter_pages(candidate_masks().get(c).0 & losing_pages(), |_, page| {
        page.byte(c)
            .is_some_and(|byte| !ONLY_BEYOND_FILLERS.contains(&byte))
    });
    let (script, letter_script) = scripts_of(c);
    LosingLeads {
        leads,
        longer: pages_leading_at_least(leads, c, 3),
        four: pages_leading_at_least(leads, c, 4),
        script,
        letter_script,
    }
}

/// The code pages of `pages` under which `c` stands for the lead byte of
/// a sequence of at least `shortest` bytes.
fn pages_leading_at_least(pages: u16, c: char, shortest: usize) -> u16 {
    filter_pages(pages, |_, page| {
        page.byte(c)
            .and_then(sequence_length)
            .is_some_and(|length| length >= shortest)
    })
}

/// Narrows `pages` for a lead `lead` followed by a continuation `next`.
/// Clean text in the script of a code page's own letters forms such pairs
/// all the time (Thai `เท` between Thai letters); a hole there is worth
/// looking for only when some lost byte would complete the pair into a
/// letter of that same script, the way lossy damage of that script's text
/// looks. On a line plainly written in that script (lossy damage of it
/// would leave almost nothing but sequences), such a pair is ordinary text
/// even where it would complete into a letter, and a space, ASCII
/// punctuation or the line's edge beside it counts as that script's text
/// too: words end there.
fn pages_with_plausible_hole(
    facts: &mut LineFacts,
    pages: u16,
    previous: Option<char>,
    lead: char,
    next: char,
    after: Option<char>,
) -> u16 {
    narrow_native_pages(pages, |index, page, native| {
        let is_native = |c: char| score::class(c).script == native;
        if !(is_native(lead) && is_native(next)) {
            return true;
        }
        // The pair is of the script: whether it is embedded in it depends
        // on its neighbours alone.
        let embedded_in = |plain_line: bool| {
            let quiet = |c: Option<char>| match c {
                Some(c) if is_native(c) => true,
                Some(c) => plain_line && (c.is_whitespace() || c.is_ascii_punctuation()),
                None => plain_line,
            };
            quiet(previous) && quiet(after)
        };
        // A line written in the script alone, however short (`โควิด-19`,
        // a caption, a hashtag), is that script's text too: lossy damage
        // of another script's text leaves letters or signs of other
        // scripts beside the sequences.
        if facts.plainly(index, page, native) || facts.written_only_in(native) {
            return !embedded_in(true);
        }
        !embedded_in(false) || completes_into(page, lead, next, native)
    })
}

/// Whether `lead`, `next` and one lost byte of `page` decode to a letter of
/// `script`.
fn completes_into(page: &CodePage, lead: char, next: char, script: Script) -> bool {
    let (Some(lead_byte), Some(next_byte)) = (page.byte(lead), page.byte(next)) else {
        return true;
    };
    let decodes_into_script = |bytes: &[u8]| {
        std::str::from_utf8(bytes)
            .ok()
            .and_then(|text| text.chars().next())
            .is_some_and(|c| score::class(c).script == script)
    };
    lost_bytes(page).any(|lost| {
        decodes_into_script(&[lead_byte, lost])
            || decodes_into_script(&[lead_byte, next_byte, lost])
    })
}

/// The mask of code pages whose text loses bytes at all.
fn losing_pages() -> u16 {
    static MASK: OnceLock<u16> = OnceLock::new();
    *MASK.get_or_init(|| {
        code_pages()
            .iter()
            .enumerate()
            .filter(|(_, page)| lost_bytes(page).next().is_some())
            .fold(0, |mask, (index, _)| mask | 1 << index)
    })
}

///
/// `established` are the code pages (a mask) the line's repairs already
/// read it through: where one of them reads a lead and what follows as a
/// complete sequence, no byte was lost there (see [`whole_under`]).
pub(super) fn plan(chars: &[char], established: u16) -> Vec<Edit> {
    plan_giving_up_below(chars, established, HOPELESS)
}

/// Whether `chars[start..]` begins with a complete sequence, of a
/// character a text may hold, under one of the code pages of
/// `established`. The line went through such a page, and there nothing
/// was lost: a hole another code page sees at `start` (`ç¤` before `¾`,
/// which iso-8859-2 cannot show, where windows-1252 reads `ç¤¾` as `社`)
/// would invent a byte, and the filler turns real text into a wrong
/// character. A run the main repair left as it is stays so, whole.
fn whole_under(chars: &[char], start: usize, established: u16) -> bool {
    filter_pages(established, |_, page| {
        page.byte(chars[start])
            .and_then(sequence_length)
            .and_then(|length| chars.get(start..start + length))
            .and_then(|window| decode_window(window, page))
            .is_some_and(|decoded| !score::class(decoded).is_forbidden())
    }) != 0
}

/// Below this ceiling a filler's evidence can neither be taken nor stand
/// in the way of another: with [`KNOWN_WORD`], the most any word check
/// adds, it stays below `ACCEPT - RIVAL_MARGIN`, which no rival counts
/// under and which the best filler, at `ACCEPT` at least, beats by every
/// margin. Half a point lower still, for rounding.
const HOPELESS: f32 = ACCEPT - RIVAL_MARGIN - KNOWN_WORD - 0.5;

/// Below this ceiling for every filler of a hole, none can be taken:
/// with [`KNOWN_WORD`], the most any word check adds, the best stays below
/// `ACCEPT` ([`best_filler`] gives the hole up right after gathering its
/// fillers). A tenth lower, for rounding.
const HOPELESS_HOLE: f32 = ACCEPT - KNOWN_WORD - 0.1;

/// [`plan`], where a filler whose ceiling lies below `hopeless` is not
/// weighed in full. With `hopeless` at minus infinity, nothing is given up:
/// every hole's fillers are gathered and weighed in full.
fn plan_giving_up_below(chars: &[char], established: u16, hopeless: f32) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut index = 0;
    let masks = candidate_masks();
    let losing = losing_pages();
    // The writing of the line's East Asian characters, read once: a hole's
    // own characters are never among them.
    let mut variety = None;
    // One list of fillers serves every hole of the line.
    let mut fillers = Vec::new();
    // The character before `index` as the edits so far leave it.
    let mut previous = None;
    // Characters that lead no sequence under a page that loses bytes
    // (ASCII, most of many lines) are passed in one tight loop.
    let leads_under_losing = |c: char| !c.is_ascii() && masks.get(c).0 & losing != 0;
    while let Some(passed) = chars[index..].iter().position(|&c| leads_under_losing(c)) {
        if passed > 0 {
            previous = Some(chars[index + passed - 1]);
            index += passed;
        }
        let c = chars[index];
        let pages = masks.get(c).0 & losing;
        let filled = if whole_under(chars, index, established) {
            None
        } else {
            match variation_selector_hole(chars, index, pages, previous) {
                Some(end) => Some((end, EMOJI_PRESENTATION)),
                None => match pages_with_room_for_a_hole(chars, index, pages) {
                    0 => None,
                    pages => best_filler(chars, index, pages, &mut variety, &mut fillers, hopeless)
                        .map(|filler| (filler.end, filler.decoded)),
                },
            }
        };
        match filled {
            Some((end, decoded)) => {
                edits.push(Edit {
                    range: index..end,
                    replacement: decoded.to_string(),
                    reason: REASON_LOSSY,
                });
                previous = Some(decoded);
                index = end;
            }
            None => {
                previous = Some(c);
                index += 1;
            }
        }
    }
    edits
}

/// The code pages of `pages` (those under which `chars[start]` leads a
/// sequence) under which [`collect_fillers`] can find a filler at all,
/// judged from the next three characters. A sequence of `n` bytes that
/// lost one still has its other `n - 1`: the lead, then continuations,
/// with the lost byte either
/// - dropped among them: exactly `n - 2` continuations follow the lead
///   (with `n - 1` the sequence is complete as it stands, with no room for
///   a lost byte), or
/// - shown as a loss marker (`?`, U+FFFD, or a space that may be a lost
///   no-break space) among them: the continuations before the marker and
///   those after it make up `n - 2`. A marker never stands for a
///   continuation byte.
///
/// Most leads of clean and repaired text (`é` before a letter or before a
/// space and a letter, a Thai consonant after a vowel, a Greek word's
/// last letter before a space) fail every way, under every code page:
/// their fillers are not set up at all.
fn pages_with_room_for_a_hole(chars: &[char], start: usize, pages: u16) -> u16 {
    let LosingLeads {
        leads,
        longer,
        four,
        ..
    } = losing_leads(chars[start]);
    let pages = pages & leads;
    let masks = candidate_masks();
    // The pages under which the character `offset` places on stands for a
    // continuation byte (none beyond the line's end), and, as a mask of
    // every page, whether it is a loss marker. A marker never stands for
    // a continuation byte.
    let continuation = |offset: usize| chars.get(start + offset).map_or(0, |&c| masks.get(c).1);
    let marker = |offset: usize| match chars.get(start + offset) {
        Some('?' | '\u{FFFD}' | ' ') => u16::MAX,
        _ => 0,
    };
    let first = continuation(1);
    let two_bytes = pages & !longer & !first;
    let (longer, marked) = (pages & longer, marker(1));
    // A longer sequence needs a continuation or a marker next.
    if longer == 0 || first | marked == 0 {
        return two_bytes;
    }
    let (second, third) = (continuation(2), continuation(3));
    let three_bytes = longer & !four & (marked & second | first & !second);
    let four_bytes = longer
        & four
        & (marked & second & third | first & marker(2) & third | first & second & !third);
    two_bytes | three_bytes | four_bytes
}

/// The variation selector that asks for an emoji's picture (`❤️`).
const EMOJI_PRESENTATION: char = '\u{FE0F}';

/// Where the hole ends, when `chars[start..]` is the selector
/// [`EMOJI_PRESENTATION`] (EF B8 8F) that lost its last byte, right after
/// a symbol that takes it (`❤` + `ï¸`). Of the characters that fit such a
/// hole, the other selectors are never written and U+FE10 belongs to
/// vertical Chinese text; after a symbol, the selector is the one.
fn variation_selector_hole(
    chars: &[char],
    start: usize,
    pages: u16,
    previous: Option<char>,
) -> Option<usize> {
    let symbol =
        previous.is_some_and(|c| (c as u32) >= 0x2000 && score::class(c).kind == Kind::Symbol);
    if !symbol {
        return None;
    }
    let pages = filter_pages(pages, |_, page| {
        page.byte(chars[start]) == Some(0xEF)
            && chars.get(start + 1).and_then(|&c| page.byte(c)) == Some(0xB8)
            && lost_bytes(page).any(|byte| byte == 0x8F)
    });
    if pages == 0 {
        return None;
    }
    let hole = start + 2;
    match chars.get(hole) {
        Some('?' | '\u{FFFD}') => Some(hole + 1),
        _ => Some(hole),
    }
}

/// Every way to fill the hole at `start` under the code pages of `pages`,
/// into `fillers`; see [`collect_fillers`].
fn gather_fillers(
    chars: &[char],
    start: usize,
    pages: u16,
    fillers: &mut Vec<Filler>,
    hopeless: f32,
) {
    fillers.clear();
    each_page(pages, |page_index, page| {
        let lead = page.byte(chars[start]);
        if let Some((lead, length)) = lead.and_then(|lead| Some((lead, sequence_length(lead)?))) {
            // The lost byte may be any continuation byte of the sequence.
            for missing in 1..length {
                collect_fillers(chars, start, page_index, lead, missing, fillers, hopeless);
            }
        }
    });
    // `โค` is `E2 A4`, the start of `❤` with a byte lost: Thai letters are
    // no hole a symbol fills (see `detect::thai_read_as_symbol`). Nor is a
    // Thai word that reads as a lead and a continuation (`เธ` of `เธอ`,
    // `E0 B8`, also `ก` without its `81`) when a Thai letter or mark
    // follows it: in windows-874 mojibake, the next letter would open
    // with a lead vowel (`เ`) of its own.
    fillers.retain(|filler| {
        let hole = &chars[start..filler.end];
        !(detect::thai_read_as_symbol(hole, filler.decoded)
            || (hole.iter().all(|&c| detect::is_thai(c))
                && chars.get(filler.end).is_some_and(|&next| {
                    detect::is_thai(next) && !score::is_thai_leading_vowel(next)
                })))
    });
}

fn best_filler(
    chars: &[char],
    start: usize,
    pages: u16,
    variety: &mut Option<everyday::Variety>,
    fillers: &mut Vec<Filler>,
    hopeless: f32,
) -> Option<Filler> {
    if hopeless > f32::NEG_INFINITY && dropped_byte_is_hopeless(chars, start, pages) {
        return None;
    }
    gather_fillers(chars, start, pages, fillers, hopeless);
    // Words and everyday characters add at most `KNOWN_WORD` to a filler:
    // below that, no filler can be taken whatever they say.
    let most = fillers
        .iter()
        .map(|filler| filler.evidence)
        .fold(f32::NEG_INFINITY, f32::max);
    if most + KNOWN_WORD < ACCEPT {
        return None;
    }
    let word_decided = weigh_known_words(chars, start, fillers)
        || weigh_everyday_characters(chars, start, fillers, variety);
    weigh_alphabets(chars, start, fillers);
    weigh_vietnamese_syllables(chars, start, fillers);
    if !weigh_everyday_emoji(fillers) {
        return None;
    }
    fillers.sort_by(|a, b| b.evidence.total_cmp(&a.evidence));
    let best = fillers.first()?;
    let runner_up = fillers
        .iter()
        .skip(1)
        .find(|f| f.decoded != best.decoded)
        .map_or(f32::NEG_INFINITY, |f| f.evidence);
    // A fill must clearly beat every other in any script; letter pairs
    // tell two letters of one script (`с`, `я`) apart only weakly, so
    // between two that both could stand there, without a known word, it
    // must beat the other by far more.
    let rival_letter = fillers.iter().skip(1).any(|f| {
        f.decoded != best.decoded
            && f.evidence > ACCEPT - RIVAL_MARGIN
            && has_rivals(f.decoded)
            && score::class(f.decoded).script == score::class(best.decoded).script
    });
    let undecided_rivals = rival_letter && has_rivals(best.decoded) && !word_decided;
    // Letter pairs from the small letters corpus can favour one letter
    // while the larger corpora write the other just as well in this place
    // (`област?х`: `тс` and `сх`, but `тя` and `ях` too): then the hole
    // stays whatever the margin.
    if undecided_rivals && rival_stands_as_well(fillers) {
        return None;
    }
    let margin = if undecided_rivals {
        RIVAL_MARGIN
    } else {
        MARGIN
    };
    if best.evidence >= ACCEPT && best.evidence - runner_up >= margin {
        Some(apostrophe_between_letters(*best))
    } else {
        None
    }
}

/// `filler`, or an apostrophe where it is a closing double quotation mark
/// between two letters (`Putinโ€s`). No text sets `”` inside a word, and
/// the two differ only in the lost byte (0x99 and 0x9D): windows-874 text
/// decoded by a codec that has no look-alike for either loses both.
fn apostrophe_between_letters(filler: Filler) -> Filler {
    let letter = |c: Option<char>| c.is_some_and(|c| score::class(c).is_letter());
    if filler.decoded == '”' && letter(filler.before) && letter(filler.after) {
        Filler {
            decoded: '’',
            ..filler
        }
    } else {
        filler
    }
}

/// Whether a same-script rival of the best filler (`fillers[0]`) forms
/// pairs with the hole's neighbours that the corpora write, as the best
/// one does. Where the corpora write the best filler between both
/// neighbours (`εργ`) [`TRIPLE_RATIO`] times as often as the rival
/// (`εύγ`) or more, the rival does not stand, however common its pairs.
/// How much more often the corpora must write the best filler between a
/// hole's neighbours than a rival for the rival to count for nothing.
const TRIPLE_RATIO: u32 = 5;

fn rival_stands_as_well(fillers: &[Filler]) -> bool {
    let Some(best) = fillers.first() else {
        return false;
    };
    let neighbours = |filler: &Filler| {
        let lone = |c: Option<char>| c.filter(|&c| score::class(c).is_letter());
        (lone(filler.before), lone(filler.after))
    };
    let between = |filler: &Filler| {
        let (before, after) = neighbours(filler);
        letters::triple_count(before, filler.decoded, after)
    };
    let stands = |filler: &Filler| {
        let (before, after) = neighbours(filler);
        letters::written_pair_count(before, Some(filler.decoded)) >= MIN_NEIGHBOUR_PAIRS
            && letters::written_pair_count(Some(filler.decoded), after) >= MIN_NEIGHBOUR_PAIRS
            && between(filler) * TRIPLE_RATIO >= between(best)
    };
    let script = score::class(best.decoded).script;
    fillers.iter().skip(1).any(|filler| {
        filler.decoded != best.decoded
            && filler.evidence > ACCEPT - RIVAL_MARGIN
            && score::class(filler.decoded).script == script
            && has_rivals(filler.decoded)
            && stands(filler)
    })
}

/// Evidence for the one letter of a hole that makes its word one the
/// corpora write.
const KNOWN_WORD: f32 = 3.0;

/// How many letters a word needs, the filled one included, before it is
/// looked up; and the start or end of one.
const MIN_KNOWN_LETTERS: usize = 4;
const MIN_KNOWN_LETTERS_IN_PART: usize = 3;

/// Letter pairs tell the letters of a Cyrillic or Greek hole apart only
/// weakly (`с`, `я` and `э` all follow `ме`), but words do: when exactly
/// one of the hole's letters completes its word into a word of the
/// corpora (`месяц`), with any letter standing in for the word's other
/// holes, that letter gains [`KNOWN_WORD`]. Two letters that both make
/// words (`с`, `я`), or none that does, leave the evidence as it was.
/// Only scripts whose letters are two-byte sequences are read this way:
/// there a hole is one damaged character, so a word's length is known.
fn weigh_known_words(chars: &[char], start: usize, fillers: &mut [Filler]) -> bool {
    // Fillers that end at the same place share their word but for the
    // hole: each such word is looked up once.
    let mut words: Vec<(usize, Script, Vec<Option<char>>, usize)> = Vec::new();
    for filler in fillers.iter() {
        if !is_two_byte_script_letter(filler.decoded) {
            continue;
        }
        let script = score::class(filler.decoded).script;
        if !words
            .iter()
            .any(|(end, other, _, _)| *end == filler.end && *other == script)
        {
            let (pattern, hole) = word_pattern(chars, start, filler, script);
            words.push((filler.end, script, pattern, hole));
        }
    }
    if words.is_empty() {
        return false;
    }
    if let Some(decided) = weigh_one_letter_word(chars, &words, fillers) {
        return decided;
    }
    // The whole word first; failing that, its end or start, the longer
    // windows first (`станци?` ends like `функция`).
    let parts = [
        (WordPart::Whole, 0),
        (WordPart::End, 3),
        (WordPart::Start, 3),
        (WordPart::End, 2),
        (WordPart::Start, 2),
    ];
    // A short word's windows of one part often coincide for both
    // reaches: each word's letters for a window are looked up once.
    let mut looked_up: Vec<(usize, WordPart, usize, usize, Vec<char>)> = Vec::new();
    for (part, reach) in parts {
        let found: Vec<(usize, Script, Vec<char>)> = words
            .iter()
            .enumerate()
            .map(|(word, (end, script, pattern, hole))| {
                let (from, to) = match part {
                    WordPart::Whole => (0, pattern.len()),
                    WordPart::End => (hole.saturating_sub(reach), pattern.len()),
                    WordPart::Start => (0, (hole + reach + 1).min(pattern.len())),
                };
                let window = &pattern[from..to];
                // Short words fit too easily: `Ð` alone is the Icelandic
                // letter far more often than a damaged `А`.
                let known = window.iter().flatten().count();
                // A short word with no other hole is still a word (`δύο`).
                let enough = match part {
                    WordPart::Whole if known == window.len() => MIN_KNOWN_LETTERS - 1,
                    WordPart::Whole => MIN_KNOWN_LETTERS,
                    WordPart::Start | WordPart::End => MIN_KNOWN_LETTERS_IN_PART,
                };
                if known < enough {
                    return (*end, *script, Vec::new());
                }
                let earlier = looked_up.iter().find(|&&(other, other_part, f, t, _)| {
                    (other, other_part, f, t) == (word, part, from, to)
                });
                let letters = match earlier {
                    Some((.., letters)) => letters.clone(),
                    None => {
                        let letters = letters_fitting(window, hole - from, part, *script);
                        looked_up.push((word, part, from, to, letters.clone()));
                        letters
                    }
                };
                (*end, *script, letters)
            })
            .collect();
        let fits = |filler: &Filler| {
            is_two_byte_script_letter(filler.decoded)
                && found.iter().any(|(end, script, letters)| {
                    *end == filler.end
                        && *script == score::class(filler.decoded).script
                        && letters.contains(&lowercase(filler.decoded))
                })
        };
        let mut fitting = fillers
            .iter()
            .filter(|filler| fits(filler))
            .map(|filler| filler.decoded);
        let Some(letter) = fitting.next() else {
            continue;
        };
        if fitting.any(|other| other != letter) {
            return false;
        }
        for filler in fillers.iter_mut().filter(|filler| filler.decoded == letter) {
            filler.evidence += KNOWN_WORD;
        }
        return true;
    }
    // The letters around a hole say which filler fits, not whether there is
    // a hole at all: where the lead is a letter of the same script (Greek
    // `Ο` under windows-1253), it stands as a letter of its own as well.
    let lead_script = score::class(chars[start]).script;
    words.retain(|(_, script, _, _)| *script != lead_script);
    weigh_letter_triples(&words, fillers) || weigh_letter_neighbours(&words, fillers)
}

/// How often each pair a letter forms with its neighbours must be written
/// for the letter to count as one that can stand there.
const MIN_NEIGHBOUR_PAIRS: u32 = 2;

/// When neither a word nor a triple settles a hole, the pairs do when
/// only one filler can stand between the hole's neighbours at all: the
/// corpora write both of its pairs (`δρ`, `ρί`), and every other filler
/// forms a pair they never write (`ύί`, two accented vowels). A neighbour
/// that is itself a hole says nothing.
fn weigh_letter_neighbours(
    words: &[(usize, Script, Vec<Option<char>>, usize)],
    fillers: &mut [Filler],
) -> bool {
    let mut possible: Vec<char> = Vec::new();
    let mut undecided = false;
    let mut any = false;
    for (end, script, pattern, hole) in words {
        let before = match hole.checked_sub(1) {
            None => Some(None),
            Some(index) => pattern[index].map(Some),
        };
        let after = match pattern.get(hole + 1) {
            None => Some(None),
            Some(slot) => slot.map(Some),
        };
        let (Some(before), Some(after)) = (before, after) else {
            return false;
        };
        for filler in fillers.iter() {
            if filler.end != *end
                || !is_two_byte_script_letter(filler.decoded)
                || score::class(filler.decoded).script != *script
            {
                continue;
            }
            any = true;
            let left = letters::written_pair_count(before, Some(filler.decoded));
            let right = letters::written_pair_count(Some(filler.decoded), after);
            if left >= MIN_NEIGHBOUR_PAIRS && right >= MIN_NEIGHBOUR_PAIRS {
                if !possible.contains(&filler.decoded) {
                    possible.push(filler.decoded);
                }
            } else if left > 0 && right > 0 {
                undecided = true;
            }
        }
    }
    let [only] = possible[..] else {
        return false;
    };
    if undecided || !any {
        return false;
    }
    for filler in fillers.iter_mut().filter(|filler| filler.decoded == only) {
        filler.evidence += KNOWN_WORD;
    }
    true
}

/// How often the corpora must write a hole's letter between its two
/// neighbours, while never writing any other filler there, for the triple
/// alone to settle the hole.
const MIN_TRIPLES: u32 = 4;

/// When no word settles a hole, the letters around it may: the corpora
/// write `ля` at the end of a word and never `лс` or `лэ`, and `рск`
/// between letters but not `рэк`. The one letter written at least
/// [`MIN_TRIPLES`] times between the hole's neighbours, where no other
/// filler ever is, gains [`KNOWN_WORD`]. A neighbour that is itself a hole
/// says nothing.
fn weigh_letter_triples(
    words: &[(usize, Script, Vec<Option<char>>, usize)],
    fillers: &mut [Filler],
) -> bool {
    let mut written: Vec<(char, u32)> = Vec::new();
    for (end, script, pattern, hole) in words {
        let before = match hole.checked_sub(1) {
            None => Some(None),
            Some(index) => pattern[index].map(Some),
        };
        let after = match pattern.get(hole + 1) {
            None => Some(None),
            Some(slot) => slot.map(Some),
        };
        let (Some(before), Some(after)) = (before, after) else {
            continue;
        };
        for filler in fillers.iter() {
            if filler.end == *end
                && is_two_byte_script_letter(filler.decoded)
                && score::class(filler.decoded).script == *script
                && !written.iter().any(|(c, _)| *c == filler.decoded)
            {
                let count = letters::triple_count(before, filler.decoded, after);
                written.push((filler.decoded, count));
            }
        }
    }
    let mut seen = written.iter().filter(|(_, count)| *count > 0);
    let (Some(&(only, count)), None) = (seen.next(), seen.next()) else {
        return false;
    };
    if count < MIN_TRIPLES {
        return false;
    }
    for filler in fillers.iter_mut().filter(|filler| filler.decoded == only) {
        filler.evidence += KNOWN_WORD;
    }
    true
}

/// A hole that is a word of its own (`Ñ` between spaces: `с` or `я`) is
/// settled by the word after it: the one letter that the corpora write
/// before words with that ending, at least twice, while they never write
/// the others there, gains [`KNOWN_WORD`]. `None` when the hole is no
/// one-letter word; otherwise whether a letter was singled out.
fn weigh_one_letter_word(
    chars: &[char],
    words: &[(usize, Script, Vec<Option<char>>, usize)],
    fillers: &mut [Filler],
) -> Option<bool> {
    // The reading that swallows the space after the hole (a lost no-break
    // space) makes a word of another length; the one-letter word is the
    // reading that keeps the space.
    let mut alone = words
        .iter()
        .filter(|(end, _, pattern, _)| pattern.len() == 1 && chars.get(*end) == Some(&' '));
    let (Some((end, script, _, _)), None) = (alone.next(), alone.next()) else {
        return None;
    };
    let letter = |c: &char| {
        let class = score::class(*c);
        class.is_letter() && class.script == *script
    };
    let next = chars.get(end + 1..).unwrap_or_default();
    let length = next.iter().take_while(|c| letter(c)).count();
    let ends_there = next.get(length).map_or(true, |&c| {
        let class = score::class(c);
        !class.is_letter() && !c.is_ascii_alphanumeric() && !is_two_byte_lead(c)
    });
    if length < 2 || !ends_there {
        return Some(false);
    }
    let ending = [lowercase(next[length - 2]), lowercase(next[length - 1])];
    let mut counts: Vec<(char, u32)> = Vec::new();
    for filler in fillers.iter() {
        if filler.end == *end
            && is_two_byte_script_letter(filler.decoded)
            && score::class(filler.decoded).script == *script
            && !counts.iter().any(|(c, _)| *c == filler.decoded)
        {
            counts.push((
                filler.decoded,
                letters::one_letter_word_before(filler.decoded, ending),
            ));
        }
    }
    let mut seen = counts.iter().filter(|(_, count)| *count > 0);
    let (Some(&(only, count)), None) = (seen.next(), seen.next()) else {
        return Some(false);
    };
    if count < 2 {
        return Some(false);
    }
    for filler in fillers.iter_mut().filter(|filler| filler.decoded == only) {
        filler.evidence += KNOWN_WORD;
    }
    Some(true)
}

/// Whether a hole that could hold `c` could as well hold other letters of
/// its script, which letter statistics tell apart only weakly: the
/// letters of two-byte scripts and the characters of East Asian text.
fn has_rivals(c: char) -> bool {
    is_two_byte_script_letter(c) || everyday::is_east_asian(c)
}

/// Evidence for a hole in Chinese, Japanese or Korean text: a character
/// that the line's national standard counts as everyday gains
/// [`KNOWN_WORD`] when it is the only such character that fits, and any
/// rarer one loses [`RARE_CHARACTER`] (`面`, never `遢`; `음`, never `쌠`).
/// Returns whether one character was singled out.
fn weigh_everyday_characters(
    chars: &[char],
    start: usize,
    fillers: &mut [Filler],
    variety: &mut Option<everyday::Variety>,
) -> bool {
    if !fillers
        .iter()
        .any(|filler| everyday::is_east_asian(filler.decoded))
    {
        return false;
    }
    let variety = *variety.get_or_insert_with(|| everyday::variety(chars.iter().copied()));
    let mut everyday_characters: Vec<char> = Vec::new();
    let spaceless = |c: Option<&char>| {
        c.is_some_and(|&c| matches!(score::class(c).script, Script::Han | Script::Kana))
    };
    for filler in fillers.iter_mut() {
        if !everyday::is_east_asian(filler.decoded) {
            continue;
        }
        // Chinese and Japanese put no space between characters: a reading
        // that leaves one there, rather than taking it for the lost
        // no-break space, is the less likely.
        let leaves_a_space = chars.get(filler.end) == Some(&' ')
            && spaceless(Some(&filler.decoded))
            && spaceless(chars.get(filler.end + 1));
        if leaves_a_space {
            filler.evidence -= RARE_CHARACTER;
            continue;
        }
        if everyday::is_everyday(filler.decoded, variety) {
            if !everyday_characters.contains(&filler.decoded) {
                everyday_characters.push(filler.decoded);
            }
        } else {
            filler.evidence -= RARE_CHARACTER;
        }
    }
    let only = match everyday_characters[..] {
        [] => return false,
        [only] => only,
        _ => match written_beside_neighbours(chars, start, fillers, &everyday_characters) {
            Some(only) => only,
            None => return false,
        },
    };
    for filler in fillers.iter_mut().filter(|filler| filler.decoded == only) {
        filler.evidence += KNOWN_WORD;
    }
    true
}

/// The letters beyond ASCII of the alphabets of Latin-script languages,
/// lowercase. A line is written in one of them, so its accented letters,
/// taken together, narrow down which letters a hole in it can hold.
const ALPHABETS: &[&str] = &[
    "ąćęłńóśźż",              // Polish
    "áčďéěíňóřšťúůýž",        // Czech
    "áäčďéíĺľňóôŕšťúýž",      // Slovak
    "čćšž",                   // Slovene
    "čćđšž",                  // Croatian, Bosnian, Serbian
    "āčēģīķļņšūž",            // Latvian
    "ąčęėįšųūž",              // Lithuanian
    "áéíóöőúüű",              // Hungarian
    "ăâîșțşţ",                // Romanian
    "çğıöşüâîû",              // Turkish
    "çəğıöşü",                // Azerbaijani
    "çë",                     // Albanian
    "ĉĝĥĵŝŭ",                 // Esperanto
    "ċġħżàèìòù",              // Maltese
    "àâæçéèêëîïôœùûüÿ",       // French
    "áéíñóúü",                // Spanish
    "áâãàçéêíóôõú",           // Portuguese
    "àèéìíîòóùú",             // Italian
    "àçèéíïòóú",              // Catalan
    "äöüß",                   // German
    "æøåéó",                  // Danish, Norwegian
    "åäöé",                   // Swedish
    "äöåšž",                  // Finnish
    "äõöüšž",                 // Estonian
    "áðéíóúýþæö",             // Icelandic
    "áéíóúýæøð",              // Faroese
    "áéëíïóöúü",              // Dutch, Afrikaans
    "âêîôûŵŷáéíóúàèìòùäëïöü", // Welsh
];

/// Evidence for the one Latin letter of a hole that an alphabet shares
/// with the line's other accented letters (`Łodzi` beside `ń` and `ę`:
/// Polish writes `ł`, and no alphabet writes `ō` beside `ń`). It gains
/// [`KNOWN_WORD`]; when several letters fit some alphabet, or none does,
/// or the line writes no other accented letter, nothing changes.
fn weigh_alphabets(chars: &[char], start: usize, fillers: &mut [Filler]) {
    let latin_letter = |c: char| {
        let class = score::class(c);
        !c.is_ascii() && class.is_letter() && class.script == Script::Latin
    };
    if !fillers.iter().any(|filler| latin_letter(filler.decoded)) {
        return;
    }
    let lower = |c: char| c.to_lowercase().next().unwrap_or(c);
    let mut line_letters: Vec<char> = Vec::new();
    for (index, &c) in chars.iter().enumerate() {
        let outside = fillers
            .iter()
            .all(|filler| !(start..filler.end).contains(&index));
        if outside && latin_letter(c) && !line_letters.contains(&lower(c)) {
            line_letters.push(lower(c));
        }
    }
    if line_letters.is_empty() {
        return;
    }
    let fits_an_alphabet = |letter: char| {
        ALPHABETS.iter().any(|alphabet| {
            alphabet.contains(letter) && line_letters.iter().all(|&c| alphabet.contains(c))
        })
    };
    let mut fitting = fillers
        .iter()
        .filter(|filler| latin_letter(filler.decoded) && fits_an_alphabet(lower(filler.decoded)))
        .map(|filler| filler.decoded);
    let Some(letter) = fitting.next() else {
        return;
    };
    if fitting.any(|other| other != letter) {
        return;
    }
    for filler in fillers.iter_mut().filter(|filler| filler.decoded == letter) {
        filler.evidence += KNOWN_WORD;
    }
}

/// Of several everyday characters that fit a hole, the one that the
/// East Asian corpus writes beside the character before the hole or the
/// one after it (`方` + `面`, `发` + `布`), when it is the only one. A
/// Chinese or Japanese pair is most often a word of its own; two Korean
/// syllables side by side are only part of one (`생한` of `발생한`, where
/// `인상한` is as common), so a Korean syllable must be written beside both
/// its neighbours.
fn written_beside_neighbours(
    chars: &[char],
    start: usize,
    fillers: &[Filler],
    candidates: &[char],
) -> Option<char> {
    let east_asian = |c: Option<&char>| c.copied().filter(|&c| everyday::is_east_asian(c));
    let before = east_asian(start.checked_sub(1).and_then(|i| chars.get(i)));
    let mut written = candidates.iter().copied().filter(|&candidate| {
        fillers
            .iter()
            .filter(|filler| filler.decoded == candidate)
            .any(|filler| {
                let after = east_asian(chars.get(filler.end));
                let before_written =
                    before.is_some_and(|before| written::written_together(before, candidate));
                let after_written =
                    after.is_some_and(|after| written::written_together(candidate, after));
                if score::class(candidate).script == Script::Hangul {
                    before_written && after_written
                } else {
                    before_written || after_written
                }
            })
    });
    let only = written.next()?;
    written.next().is_none().then_some(only)
}

/// Whether `c` is one of the Vietnamese letters of Latin Extended
/// Additional (`ọ`, `ố`, `ề`): three-byte sequences, of which a lost byte
/// leaves several that fit.
fn is_vietnamese_letter(c: char) -> bool {
    ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

/// Evidence for the one Vietnamese letter of a hole whose syllable the
/// Vietnamese corpus writes beside the syllable before or after it
/// (`nghiêm tr?ng`: `trọng`, where `trống` fits as well). It gains
/// [`KNOWN_WORD`], and a rival whose syllable the corpus never writes
/// loses [`RARE_CHARACTER`]; without such a letter nothing changes.
fn weigh_vietnamese_syllables(chars: &[char], start: usize, fillers: &mut [Filler]) {
    if !fillers
        .iter()
        .any(|filler| is_vietnamese_letter(filler.decoded))
    {
        return;
    }
    let letter = |c: &char| c.is_alphabetic();
    let word_before = |end: usize| -> Option<String> {
        let from = end - chars[..end].iter().rev().take_while(|c| letter(c)).count();
        (from < end).then(|| chars[from..end].iter().collect())
    };
    let word_after = |from: usize| -> Option<String> {
        let length = chars[from..].iter().take_while(|c| letter(c)).count();
        (length > 0).then(|| chars[from..from + length].iter().collect())
    };
    let head = word_before(start).unwrap_or_default();
    let previous = start
        .checked_sub(head.chars().count() + 1)
        .filter(|&space| chars[space] == ' ')
        .and_then(word_before);
    let mut written: Vec<char> = Vec::new();
    let mut unwritten: Vec<char> = Vec::new();
    for filler in fillers.iter() {
        if !is_vietnamese_letter(filler.decoded) || written.contains(&filler.decoded) {
            continue;
        }
        let tail = word_after(filler.end).unwrap_or_default();
        let syllable = format!("{head}{}{tail}", filler.decoded);
        if !written::written_in_vietnamese(&syllable) {
            unwritten.push(filler.decoded);
        }
        let after_tail = filler.end + tail.chars().count();
        let next = (chars.get(after_tail) == Some(&' '))
            .then(|| word_after(after_tail + 1))
            .flatten();
        let beside = |other: &Option<String>, before: bool| {
            other.as_ref().is_some_and(|other| {
                let pair = if before {
                    format!("{other} {syllable}")
                } else {
                    format!("{syllable} {other}")
                };
                written::written_in_vietnamese(&pair)
            })
        };
        if beside(&previous, true) || beside(&next, false) {
            written.push(filler.decoded);
        }
    }
    let [only] = written[..] else {
        return;
    };
    // Beside a syllable the corpus writes, a rival that makes no syllable
    // the corpus writes at all (`trềng`) is the less likely.
    for filler in fillers.iter_mut() {
        if filler.decoded == only {
            filler.evidence += KNOWN_WORD;
        } else if unwritten.contains(&filler.decoded) {
            filler.evidence -= RARE_CHARACTER;
        }
    }
}

/// Evidence for a hole that an everyday emoji fits (`ðŸ†`: `🏆`, where
/// `🍆` and `🐆` fit as well): fillers hold no other emoji (the rest are
/// never taken, see [`may_fill`]), so the one that is there gains
/// [`KNOWN_WORD`]. Two everyday emoji that both fit leave nothing to
/// choose between: returns false, and the hole stays.
fn weigh_everyday_emoji(fillers: &mut [Filler]) -> bool {
    let mut emoji = fillers
        .iter()
        .map(|filler| filler.decoded)
        .filter(|&c| emoji::is_everyday(c));
    let Some(only) = emoji.next() else {
        return true;
    };
    if emoji.any(|other| other != only) {
        return false;
    }
    for filler in fillers.iter_mut().filter(|filler| filler.decoded == only) {
        filler.evidence += KNOWN_WORD;
    }
    true
}

/// What a character outside its standard's everyday set loses.
const RARE_CHARACTER: f32 = 5.0;

/// Whether `c` is a letter of a script whose letters are two-byte
/// sequences (Cyrillic, Greek, Armenian, Hebrew, Arabic).
fn is_two_byte_script_letter(c: char) -> bool {
    let class = score::class(c);
    class.is_letter()
        && matches!(
            class.script,
            Script::Cyrillic | Script::Greek | Script::Armenian | Script::Hebrew | Script::Arabic
        )
}

/// The word around a hole filled with `filler`: letters of `script`, and
/// `None` for each other hole in the word (a lead character of a
/// two-byte sequence, with the loss marker after it if there is one).
fn word_pattern(
    chars: &[char],
    start: usize,
    filler: &Filler,
    script: Script,
) -> (Vec<Option<char>>, usize) {
    let letter = |c: char| {
        let class = score::class(c);
        class.is_letter() && class.script == script
    };
    let marker = |c: char| c == '?' || c == '\u{FFFD}';
    let mut left = Vec::new();
    let mut index = start;
    while index > 0 {
        let c = chars[index - 1];
        if letter(c) {
            left.push(Some(c));
            index -= 1;
        } else if is_two_byte_lead(c) {
            left.push(None);
            index -= 1;
        } else if marker(c) && index >= 2 && is_two_byte_lead(chars[index - 2]) {
            left.push(None);
            index -= 2;
        } else {
            break;
        }
    }
    left.reverse();
    let hole = left.len();
    left.push(Some(filler.decoded));
    let mut index = filler.end;
    while let Some(&c) = chars.get(index) {
        if letter(c) {
            left.push(Some(c));
            index += 1;
        } else if is_two_byte_lead(c) {
            left.push(None);
            index += 1;
            if chars.get(index).is_some_and(|&next| marker(next)) {
                index += 1;
            }
        } else {
            break;
        }
    }
    (left, hole)
}

/// Whether `c` is, under some code page that loses bytes, the lead byte of
/// a two-byte sequence.
fn is_two_byte_lead(c: char) -> bool {
    // A lead byte (0xC2 to 0xF4) that starts no longer sequence starts a
    // two-byte one.
    let LosingLeads { leads, longer, .. } = losing_leads(c);
    leads & !longer != 0
}

/// Every way to read `chars[start..]`, under the code page at
/// `page_index`, as the sequence that `lead` starts, whose byte number
/// `missing` was lost (dropped, or shown as a marker).
fn collect_fillers(
    chars: &[char],
    start: usize,
    page_index: usize,
    lead: u8,
    missing: usize,
    fillers: &mut Vec<Filler>,
    hopeless: f32,
) {
    let Some(length) = sequence_length(lead) else {
        return;
    };
    let page = &code_pages()[page_index];
    let lost = &lost_bytes_by_page()[page_index];
    let continuation = |index: usize| {
        chars
            .get(index)
            .and_then(|&c| page.byte(c))
            .filter(|b| (0x80..=0xBF).contains(b))
    };
    let mut bytes = [0u8; 4];
    bytes[0] = lead;
    for (offset, slot) in bytes.iter_mut().enumerate().take(missing).skip(1) {
        match continuation(start + offset) {
            Some(byte) => *slot = byte,
            None => return,
        }
    }
    let hole = start + missing;
    if hyphen_inside_a_word(chars, start, hole) {
        return;
    }
    let marker = chars.get(hole).copied();
    // A space may be the 0xA0 the code page shows as a no-break space;
    // every lost byte is tried as well, dropped or standing for the marker.
    let no_break_space = marker == Some(' ') && page.high[0x20] == '\u{A0}';
    let after_lost = match marker {
        Some('?' | '\u{FFFD}') => hole + 1,
        _ => hole,
    };
    // The bytes after the hole depend only on where the text goes on after
    // it, not on the byte tried there: worked out once for each place.
    // Where the sequence ends when the hole's bytes end at `after_hole`
    // (`None` when it cannot), with the bytes after the hole into `tail`.
    let tail_at = |after_hole: usize, tail: &mut [u8; 4]| {
        // The bytes after the hole must all be there.
        let mut end = after_hole;
        let mut complete = true;
        for tail_slot in tail.iter_mut().take(length).skip(missing + 1) {
            match continuation(end) {
                Some(b) => *tail_slot = b,
                None => complete = false,
            }
            end += 1;
        }
        // A byte dropped where the continuations the lead needs all
        // follow it is no hole: the sequence is complete as it stands
        // (`ã‚Œ` is `れ`, not `あ` and a stray `Œ`).
        let complete_as_it_stands =
            after_hole == hole && (1..length).all(|offset| continuation(start + offset).is_some());
        (complete && !complete_as_it_stands).then_some(end)
    };
    // By place: where each sequence ends, once worked out, and its bytes
    // after the hole.
    let mut tails: [Option<Option<usize>>; 2] = [None; 2];
    let mut tail_bytes = [[0u8; 4]; 2];
    // Every lost byte ends the hole at one place: where the text there
    // cannot end the sequence (after most leads of clean text), only a
    // no-break space is left to try.
    let lost_slot = usize::from(after_lost != hole);
    let lost_end =
        *tails[lost_slot].get_or_insert_with(|| tail_at(after_lost, &mut tail_bytes[lost_slot]));
    if lost_end.is_none() && !no_break_space {
        return;
    }
    let options = no_break_space
        .then_some((0xA0, hole + 1))
        .into_iter()
        .chain(lost.iter().map(|&byte| (byte, after_lost)));
    // What a filler is weighed against depends only on where it ends and
    // whether it is a two-byte character: each is read once.
    let mut arounds: [Option<Around>; 4] = [None; 4];
    for (byte, after_hole) in options {
        let slot = usize::from(after_hole != hole);
        let tail_end =
            *tails[slot].get_or_insert_with(|| tail_at(after_hole, &mut tail_bytes[slot]));
        let Some(end) = tail_end else {
            continue;
        };
        for (byte_slot, &tail_byte) in bytes
            .iter_mut()
            .zip(&tail_bytes[slot])
            .take(length)
            .skip(missing + 1)
        {
            *byte_slot = tail_byte;
        }
        bytes[missing] = byte;
        // The lead says how long the sequence is: valid, it is one character.
        let Some(decoded) = decode_utf8_sequence(&bytes[..length]) else {
            continue;
        };
        // A filler that another lost byte, place or page has already given
        // is weighed once; the first stands.
        if fillers.iter().any(|f| f.decoded == decoded && f.end == end) {
            continue;
        }
        if !may_fill(chars, start, decoded) {
            continue;
        }
        let around = arounds[slot * 2 + usize::from(decoded.len_utf8() == 2)]
            .get_or_insert_with(|| Around::of(chars, page, start, end, decoded));
        let (before, after) = (around.before, around.after);
        let swallowed_space = marker == Some(' ') && after_hole > hole;
        let dropped = after_hole == hole;
        // U+FFFD says a byte was lost; so does a `?` inside a word. The
        // neighbours' classes below are read only where a `?` stood for
        // the lost byte.
        let inside_word = || chars.get(end).is_some_and(|&c| score::class(c).is_letter());
        let marked =
            !dropped && (marker == Some('\u{FFFD}') || marker == Some('?') && inside_word());
        let misfit = dropped && !dropped_byte_fits(chars, start, end, decoded);
        // A `?` after a lone character that ends a sentence (`café Ã?`,
        // `Is it Â? Nobody`) reads as a real question mark as well as a lost
        // byte; before a lower-case word (`Ã? verdade`, `É verdade`) it is
        // a one-letter word that lost its byte.
        let letter_before = || {
            start
                .checked_sub(1)
                .is_some_and(|i| score::class(chars[i]).is_letter())
        };
        let ends_sentence = || match chars.get(end) {
            None => true,
            Some(c) if c.is_whitespace() => chars
                .get(end + 1)
                .map_or(true, |&next| score::class(next).kind != Kind::Lower),
            Some(_) => false,
        };
        // Two characters and more of a longer sequence before the `?`
        // (`â€?`) are no lone character.
        let lone_lead = hole == start + 1;
        let question =
            marker == Some('?') && !dropped && lone_lead && !letter_before() && ends_sentence();
        let adjust = |weighed: f32| {
            let mut evidence = weighed - page.cost;
            if marked {
                evidence += 2.0;
            }
            if misfit {
                evidence -= MISFIT_PENALTY;
            }
            if question {
                evidence -= 10.0;
            }
            evidence
        };
        let line_bonuses = if is_two_byte_accented_latin(decoded) {
            LINE_LETTER_BONUS + LINE_LANGUAGE_BONUS
        } else {
            0.0
        };
        let weighed = weigh(chars, around, start, swallowed_space, end, decoded);
        let ceiling =
            adjust(weighed.with_filled_cost(score::window_cost_floor(before, decoded, after)))
                + line_bonuses;
        // A filler whose ceiling lies below `hopeless` is never taken nor
        // stands in the way of another (see [`HOPELESS`]): it keeps the
        // ceiling as its evidence.
        let evidence = if ceiling < hopeless {
            ceiling
        } else {
            let filled_cost = score::window_cost(before, &[decoded], after);
            with_line_bonuses(
                chars,
                start,
                end,
                decoded,
                adjust(weighed.with_filled_cost(filled_cost)),
            )
        };
        fillers.push(Filler {
            end,
            decoded,
            evidence,
            before,
            after,
        });
    }
}

/// `evidence` for the filler `decoded` of `chars[start..end]` with the
/// bonuses of a letter the line uses, or that the line's language writes.
fn with_line_bonuses(
    chars: &[char],
    start: usize,
    end: usize,
    decoded: char,
    mut evidence: f32,
) -> f32 {
    // Below `ACCEPT - MARGIN` a filler can neither be taken nor stand
    // in the way of another, with the bonuses or without them: the search
    // of the line is skipped.
    if evidence + LINE_LETTER_BONUS + LINE_LANGUAGE_BONUS > ACCEPT - MARGIN {
        if line_uses_letter(chars, start, end, decoded) {
            evidence += LINE_LETTER_BONUS;
        }
        if line_language_writes(chars, start, end, decoded) {
            evidence += LINE_LANGUAGE_BONUS;
        }
    }
    evidence
}

/// What a dropped byte that does not fit where it vanished
/// ([`dropped_byte_fits`]) takes from a filler's evidence.
const MISFIT_PENALTY: f32 = 10.0;

/// Evidence for a filler that is an accented Latin letter the line
/// already writes elsewhere: a line is in one language, and its other
/// words show which of the accented letters that language uses (`ā`
/// beside `kārtas`, not `č`). The letters of other scripts say nothing of
/// the kind: every Greek line writes `ν`.
const LINE_LETTER_BONUS: f32 = 1.5;

/// Whether `decoded`, an accented Latin letter, or its other case stands
/// in the line outside `start..end`.
fn line_uses_letter(chars: &[char], start: usize, end: usize, decoded: char) -> bool {
    if !is_two_byte_accented_latin(decoded) {
        return false;
    }
    let lower = decoded.to_lowercase().next().unwrap_or(decoded);
    let upper = decoded.to_uppercase().next().unwrap_or(decoded);
    chars
        .iter()
        .enumerate()
        .any(|(index, &c)| (index < start || index >= end) && (c == lower || c == upper))
}

/// Whether `c` is an accented Latin letter of two bytes (`č`, `é`), the
/// letters whose use tells one Latin-script language from another.
/// Vietnamese writes a dozen of the three-byte letters in every line; one
/// of them standing elsewhere says nothing about a hole.
fn is_two_byte_accented_latin(c: char) -> bool {
    c.len_utf8() == 2 && letters::is_accented_latin(c)
}

/// Evidence for an accented Latin filler that the corpora write in the
/// same lines as an accented letter this line writes: the line's language
/// writes it (`čisto` beside `država`, where `Đisto` fits the bytes as
/// well, but no line of the corpora writes `đ` beside `ž`). Less than
/// [`LINE_LETTER_BONUS`]: it tells the alphabet, not the letter.
const LINE_LANGUAGE_BONUS: f32 = 1.0;
/// Of the corpus lines that write one of the line's accented letters, at
/// least one in `LANGUAGE_SHARE`, and `MIN_LANGUAGE_LINES` lines, must
/// write the filler too.
const LANGUAGE_SHARE: u32 = 4;
const MIN_LANGUAGE_LINES: u32 = 3;

/// Whether `decoded`, a two-byte accented Latin letter, shares the corpus
/// lines of an accented letter the line writes outside `start..end`; see
/// [`LINE_LANGUAGE_BONUS`].
fn line_language_writes(chars: &[char], start: usize, end: usize, decoded: char) -> bool {
    if !is_two_byte_accented_latin(decoded) {
        return false;
    }
    let filler = lowercase(decoded);
    chars
        .iter()
        .enumerate()
        .filter(|&(index, &c)| {
            (index < start || index >= end)
                && is_two_byte_accented_latin(c)
                && lowercase(c) != filler
        })
        .any(|(_, &c)| {
            let (lines, both) = letters::lines_writing(c, filler);
            both >= MIN_LANGUAGE_LINES && both * LANGUAGE_SHARE >= lines
        })
}

/// Whether the lead at `start` stands between two letters with only a soft
/// hyphen after it (`châ\u{AD}teau`, `Româ\u{AD}nia`): a word hyphenated
/// where it may break, not a sequence that lost its last byte (`â\u{AD}`
/// with a lost 0x90 is `⭐`, which no word holds).
fn hyphen_inside_a_word(chars: &[char], start: usize, hole: usize) -> bool {
    hole == start + 2
        && chars[start + 1] == '\u{AD}'
        && start
            .checked_sub(1)
            .is_some_and(|before| chars[before].is_alphabetic())
        && chars.get(hole).is_some_and(char::is_ascii_alphabetic)
}

/// Whether a hole may be filled with `decoded` at all. Lossy damage hides
/// letters and the everyday typography of news text; a lost byte is never
/// believed to have held a digit of another script, a dingbat, an
/// invisible character, or a combining mark that does not belong to the
/// letter before it.
fn may_fill(chars: &[char], start: usize, decoded: char) -> bool {
    let class = score::class(decoded);
    match class.kind {
        // Modifier letters (`˦`) have no script of their own.
        Kind::Upper | Kind::Lower | Kind::OtherLetter => class.script != Script::Common,
        Kind::Mark => {
            everyday_mark(decoded)
                && start.checked_sub(1).is_some_and(|before| {
                    let base = score::class(chars[before]);
                    (base.is_letter() || base.kind == Kind::Mark)
                        && score::compatible(base.script, class.script)
                        && base.script != Script::Common
                })
        }
        Kind::Space => decoded == '\u{A0}',
        Kind::Symbol if emoji::is_everyday(decoded) => true,
        Kind::Punctuation | Kind::Symbol => matches!(
            decoded,
            '“' | '”'
                | '‘'
                | '’'
                | '„'
                | '‚'
                | '«'
                | '»'
                | '‹'
                | '›'
                | '–'
                | '—'
                | '…'
                | '•'
                | '·'
                | '€'
                | '£'
                | '¥'
                | '©'
                | '®'
                | '™'
                | '°'
                | '±'
                | '×'
                | '§'
                | '¿'
                | '¡'
        ),
        _ => false,
    }
}

/// Combining marks that ordinary text writes all the time: Thai vowel and
/// tone marks (not the rare nikhahit and yamakkan), and the anusvara, nukta,
/// vowel signs and virama of Devanagari and Bengali (not the candrabindu,
/// rarer than the letters it competes with). Hebrew points, Arabic vowel
/// marks and the combining accents of NFC text are rare in news.
fn everyday_mark(c: char) -> bool {
    matches!(
        c as u32,
        0xE31
            | 0xE34..=0xE3A
            | 0xE47..=0xE4C
            | 0x902
            | 0x93C
            | 0x93E..=0x94D
            | 0x982
            | 0x9BC
            | 0x9BE..=0x9CD
    )
}

/// A byte that vanished without a trace is believed only where nothing
/// else could stand: a Latin letter inside a lowercase word (`zaÄala`), or
/// a character of another script among its own (Cyrillic, Greek, Thai...).
/// A Latin capital before a space or a capital (`IRMÃ`, `ÓRGÃO`) is
/// correct Portuguese as often as it is damage.
fn dropped_byte_fits(chars: &[char], start: usize, end: usize, decoded: char) -> bool {
    let class = score::class(decoded);
    if class.script != Script::Latin {
        // A Latin letter that stands for a lead byte (`Ð`, `Đ`) is a
        // letter of its own in a line that writes no other letter of the
        // script the hole would give: Icelandic or Vietnamese `Ð` before a
        // bracket is no Cyrillic `А` that lost its second byte.
        let lead = score::class(chars[start]);
        return !(class.is_letter() && lead.is_letter() && lead.script == Script::Latin)
            || class.script == Script::Common
            || line_writes_script(chars, start, end, class.script);
    }
    let lower = |c: Option<&char>| c.is_some_and(|&c| score::class(c).kind == Kind::Lower);
    let before = start.checked_sub(1).and_then(|i| chars.get(i));
    if class.kind == Kind::Lower && lower(before) && lower(chars.get(end)) {
        return true;
    }
    // Nor does a word of small Latin letters end in a capital (`veÄ`) or
    // in a letter of another script (`veฤ`): that is a lead byte whose
    // second byte vanished.
    let lead = score::class(chars[start]);
    let word_ends = chars
        .get(end)
        .map_or(true, |&c| c.is_whitespace() || c.is_ascii_punctuation());
    let glued_lead = lead.kind == Kind::Upper
        || lead.is_letter() && !matches!(lead.script, Script::Latin | Script::Common);
    if class.kind == Kind::Lower
        && lower(before)
        && before.is_some_and(|&c| score::class(c).script == Script::Latin)
        && word_ends
        && glued_lead
    {
        return true;
    }
    // A letter of another script glued to the start of a Latin word
    // (`ลodzi`, Thai `ล` for the lead byte of `Ł`) is no text of its own.
    let latin_letter = |c: Option<&char>| {
        c.is_some_and(|&c| {
            let class = score::class(c);
            class.is_letter() && class.script == Script::Latin
        })
    };
    let starts_word = before.map_or(true, |&c| c.is_whitespace() || c.is_ascii_punctuation());
    let starts_small_word =
        starts_word && lower(chars.get(end)) && latin_letter(chars.get(end + 1));
    if !starts_small_word || !lead.is_letter() || lead.script == Script::Common {
        return false;
    }
    lead.script != Script::Latin || line_writes_lead_elsewhere(chars, start, end, decoded)
}

/// Whether the line writes a letter of `script`, or of a script that goes
/// with it (Han beside kana), outside the hole `start..end`.
fn line_writes_script(chars: &[char], start: usize, end: usize, script: Script) -> bool {
    chars[..start].iter().chain(&chars[end..]).any(|&c| {
        let class = score::class(c);
        class.is_letter()
            && !matches!(class.script, Script::Latin | Script::Common)
            && score::compatible(class.script, script)
    })
}

/// Whether a Latin-1 capital that starts a word (`Äisto`, `Åodzi`) reads as
/// the lead byte of `decoded` in this line: the line writes other letters
/// with that same lead byte (`ě` and `č` share C4, `ń` and `ł` share C5),
/// or with the other lead byte of Latin Extended-A (`ž` beside `Äisto`),
/// the languages whose letters those are, and no letter of the languages
/// that write the capital itself (German, Nordic, Finnish and Estonian
/// `ä ö ü ß å æ ø õ`), nor the capital anywhere else.
fn line_writes_lead_elsewhere(chars: &[char], start: usize, end: usize, decoded: char) -> bool {
    let mut utf8 = [0u8; 4];
    let lead_byte = decoded.encode_utf8(&mut utf8).as_bytes()[0];
    // Latin Extended-A is two lead bytes of one alphabet family: `ž` (C5)
    // speaks for `č` (C4) as much as `ě` does.
    let extended_a = |byte: u8| matches!(byte, 0xC4 | 0xC5);
    let mut shares_lead = false;
    for (index, &c) in chars.iter().enumerate() {
        if (start..end).contains(&index) {
            continue;
        }
        let lower = c.to_lowercase().next().unwrap_or(c);
        if c == chars[start] || matches!(lower, 'ä' | 'ö' | 'ü' | 'ß' | 'å' | 'æ' | 'ø' | 'õ')
        {
            return false;
        }
        if !c.is_ascii() && score::class(c).is_letter() {
            let other_lead = c.encode_utf8(&mut utf8).as_bytes()[0];
            shares_lead |=
                other_lead == lead_byte || extended_a(other_lead) && extended_a(lead_byte);
        }
    }
    shares_lead
}

/// What every filler of a hole that ends at one place, and is or is not a
/// two-byte character, is weighed against: its neighbours (see
/// [`context`]), the cost of the broken characters between them, and the
/// scripts of the nearest letters on each side (see
/// [`letter_scripts_around`]), read when first asked for.
#[derive(Clone, Copy)]
struct Around {
    before: Option<char>,
    after: Option<char>,
    broken_cost: f32,
    letter_scripts: Option<(Option<Script>, Option<Script>)>,
}

impl Around {
    fn of(chars: &[char], page: &CodePage, start: usize, end: usize, decoded: char) -> Around {
        let (before, after) = context(chars, page, start, end, decoded);
        Around {
            before,
            after,
            broken_cost: score::window_cost(before, &chars[start..end], after),
            letter_scripts: None,
        }
    }

    /// Whether a letter of `script` fits the nearest letters around the
    /// hole `start..end` (see [`fits_neighbours`]).
    fn letters_fit(&mut self, chars: &[char], start: usize, end: usize, script: Script) -> bool {
        let scripts = *self
            .letter_scripts
            .get_or_insert_with(|| letter_scripts_around(chars, start, end));
        fits_neighbours(scripts, script)
    }
}

/// What a filler's evidence adds up from, but for the window cost of the
/// filled hole, the part that costs the most to work out: a ceiling over
/// the evidence takes that cost at its floor
/// ([`score::window_cost_floor`]), the evidence itself in full.
struct Weighed {
    broken_cost: f32,
    /// The terms added after the window cost, each 0 when it does not
    /// apply, in the order they are added.
    terms: [f32; 6],
}

impl Weighed {
    /// The evidence with `filled_cost` as the window cost of the filled
    /// hole. The terms are added in one order whatever the cost, so that
    /// the ceiling and the evidence round alike.
    fn with_filled_cost(&self, filled_cost: f32) -> f32 {
        self.terms
            .iter()
            .fold(self.broken_cost - filled_cost, |evidence, term| {
                evidence + term
            })
    }
}

/// What the evidence for reading `chars[start..end]` as `decoded`,
/// between the neighbours of `around`, adds up from.
fn weigh(
    chars: &[char],
    around: &mut Around,
    start: usize,
    swallowed_space: bool,
    end: usize,
    decoded: char,
) -> Weighed {
    let (before, after) = (around.before, around.after);
    let class = score::class(decoded);
    let mut terms = [0.0f32; 6];
    (terms[0], terms[1]) = fit_terms(chars, around, start, end, class);
    // Hebrew final forms and the Greek final sigma end words: one followed
    // by anything but a space or punctuation (a letter, or the damaged
    // bytes of one) is never what the hole held.
    let ends_words = matches!(decoded, 'ך' | 'ם' | 'ן' | 'ף' | 'ץ' | 'ς');
    let word_ends = after.map_or(true, |c| {
        c.is_whitespace() || score::class(c).kind == Kind::Punctuation
    });
    if ends_words && !word_ends {
        terms[2] = -10.0;
    }
    let is_word = |c: Option<char>| c.is_some_and(|c| score::class(c).is_letter());
    match decoded {
        '”' => {
            let closes = before.is_some_and(|c| !c.is_whitespace()) && !is_word(after);
            terms[3] = if closes { 3.0 } else { -3.0 };
        }
        '‐' if !(is_word(before) && is_word(after)) => terms[3] = -3.0,
        _ => {}
    }
    let latin_lead = || score::class(chars[start]).script == Script::Latin;
    if class.script == Script::Latin && class.is_letter() && latin_lead() {
        terms[4] = latin_evidence(chars, start, swallowed_space, end, decoded);
    } else if class.is_letter() {
        // A two-byte letter of a script the letters corpus does not write
        // (Armenian) is one damaged character whose few fillers structure
        // alone tells apart, and East Asian characters are weighed by their
        // standards' everyday sets and the East Asian corpus instead; in
        // the other three-byte scripts (Indic, Georgian) the fillers are
        // many and the missing statistics count against them.
        let judged_otherwise =
            is_two_byte_script_letter(decoded) || everyday::is_east_asian(decoded);
        if letters::measures(class.script) || !judged_otherwise {
            terms[4] = pair_evidence(before, decoded, after);
        }
        // A capital that swallowed the space (a lost no-break space) and
        // now starts a lowercase word of its own script.
        let continues_word = after.is_some_and(|c| {
            let next = score::class(c);
            next.kind == Kind::Lower && next.script == class.script
        });
        // Scripts without case write words without a capital to start them;
        // Thai writes whole phrases without spaces.
        let caseless_word_goes_on = class.kind == Kind::OtherLetter
            && after.is_some_and(|c| score::class(c).script == class.script);
        if swallowed_space && (class.kind == Kind::Upper && continues_word || caseless_word_goes_on)
        {
            terms[5] = 1.5;
        }
    }
    Weighed {
        broken_cost: around.broken_cost,
        terms,
    }
}

/// Whether every filler of the hole after the two-byte lead at `start`
/// has evidence below [`HOPELESS_HOLE`], judged from ceilings over its
/// weighing ([`weigh_roughly`]): then no filler can be taken.
/// Only a second byte that vanished, or (before a space) was shown as one,
/// is judged so, when the lead starts a two-byte sequence under every page
/// of `pages`; any other hole is left to the full search. Nearly every hole
/// of clean and repaired Thai and Greek text is such a hole, its fillers
/// letters of other scripts inside a word: each is weighed with one
/// reading of its neighbours per code page instead of all its fillers in
/// full.
fn dropped_byte_is_hopeless(chars: &[char], start: usize, pages: u16) -> bool {
    let hole = start + 1;
    if pages == 0 || matches!(chars.get(hole), Some('?' | '\u{FFFD}')) {
        return false;
    }
    let space = chars.get(hole) == Some(&' ');
    // [`collect_fillers`] weighs a filler (a character ending at one place)
    // under the first page that gives it, in the order of `pages`: so is
    // its ceiling here. Where more fillers come up than are kept, a filler
    // is weighed again under a later page, which only asks more.
    let mut seen = [('\0', 0usize); 8];
    let mut seen_count = 0;
    let all = code_pages();
    let mut rest = pages;
    while rest != 0 {
        let page_index = rest.trailing_zeros() as usize;
        rest &= rest - 1;
        let Some(page) = all.get(page_index) else {
            return false;
        };
        let Some(lead) = page
            .byte(chars[start])
            .filter(|&b| sequence_length(b) == Some(2))
        else {
            return false;
        };
        let mut first_seen = |decoded: char, end: usize| {
            if seen[..seen_count].contains(&(decoded, end)) {
                return false;
            }
            if let Some(slot) = seen.get_mut(seen_count) {
                *slot = (decoded, end);
                seen_count += 1;
            }
            true
        };
        // A space may be the 0xA0 the page shows as one: that filler
        // swallows the space, and is weighed as [`collect_fillers`] weighs
        // it (no marker, no misfit).
        if space && page.high[0x20] == '\u{A0}' {
            if let Some(decoded) = decode_utf8_sequence(&[lead, 0xA0]) {
                if may_fill(chars, start, decoded)
                    && first_seen(decoded, hole + 1)
                    && rough_ceiling(chars, page, start, true, hole + 1, decoded) >= HOPELESS_HOLE
                {
                    return false;
                }
            }
        }
        let mut around: Option<Around> = None;
        for &lost in &lost_bytes_by_page()[page_index] {
            let Some(decoded) = decode_utf8_sequence(&[lead, lost]) else {
                continue;
            };
            if !may_fill(chars, start, decoded) || !first_seen(decoded, hole) {
                continue;
            }
            let around =
                around.get_or_insert_with(|| Around::of(chars, page, start, hole, decoded));
            let (before, after) = (around.before, around.after);
            let rough = weigh_roughly(chars, around, start, false, hole, decoded);
            // As [`collect_fillers`] adds them for a dropped byte; a byte
            // that does not fit where it vanished only takes away, and is
            // looked at only when the rest does not settle the filler.
            let weighed = rough.with_filled_cost(score::window_cost_floor(before, decoded, after))
                - page.cost;
            let line_bonuses = if is_two_byte_accented_latin(decoded) {
                LINE_LETTER_BONUS + LINE_LANGUAGE_BONUS
            } else {
                0.0
            };
            if weighed + line_bonuses >= HOPELESS_HOLE
                && (dropped_byte_fits(chars, start, hole, decoded)
                    || weighed - MISFIT_PENALTY + line_bonuses >= HOPELESS_HOLE)
            {
                return false;
            }
        }
    }
    true
}

/// A ceiling over the evidence [`collect_fillers`] gives `decoded` filling
/// `chars[start..end]` under `page`, where no marker stood for the lost
/// byte and the byte is not taken as dropped.
fn rough_ceiling(
    chars: &[char],
    page: &CodePage,
    start: usize,
    swallowed_space: bool,
    end: usize,
    decoded: char,
) -> f32 {
    let mut around = Around::of(chars, page, start, end, decoded);
    let (before, after) = (around.before, around.after);
    let rough = weigh_roughly(chars, &mut around, start, swallowed_space, end, decoded);
    let line_bonuses = if is_two_byte_accented_latin(decoded) {
        LINE_LETTER_BONUS + LINE_LANGUAGE_BONUS
    } else {
        0.0
    };
    rough.with_filled_cost(score::window_cost_floor(before, decoded, after)) - page.cost
        + line_bonuses
}

/// [`weigh`]'s first two terms, for a filler of class `class` in
/// `chars[start..end]`: an invisible character is never what a lossy hole
/// most plausibly held, and a letter must fit the letters around it.
fn fit_terms(
    chars: &[char],
    around: &mut Around,
    start: usize,
    end: usize,
    class: score::Class,
) -> (f32, f32) {
    let invisible = if matches!(class.kind, Kind::Format | Kind::Space) {
        -3.0
    } else {
        0.0
    };
    let misfit = if class.is_letter() && !around.letters_fit(chars, start, end, class.script) {
        -4.0
    } else {
        0.0
    };
    (invisible, misfit)
}

/// A ceiling over each of [`weigh`]'s terms, read off the classes of the
/// filler and its neighbours, with letter pairs at the most the letters
/// corpus could weigh them ([`pair_ceiling`]).
fn weigh_roughly(
    chars: &[char],
    around: &mut Around,
    start: usize,
    swallowed_space: bool,
    end: usize,
    decoded: char,
) -> Weighed {
    let class = score::class(decoded);
    let mut terms = [0.0f32; 6];
    // The invisible and the misfit terms are read exactly.
    (terms[0], terms[1]) = fit_terms(chars, around, start, end, class);
    // The word-end term never adds; a closing quote adds at most 3.
    if decoded == '”' {
        terms[3] = 3.0;
    }
    if class.is_letter() {
        let latin_lead = || score::class(chars[start]).script == Script::Latin;
        terms[4] = if class.script == Script::Latin && latin_lead() {
            // What [`latin_evidence`] adds beside its letter pairs.
            let case_and_place = if decoded.is_lowercase() { 5.5 } else { 1.0 };
            let (before, after) = (start.checked_sub(1).map(|i| chars[i]), chars.get(end));
            case_and_place + pair_ceiling(before, decoded, after.copied())
        } else {
            // Scripts the pairs do not weigh add nothing.
            pair_ceiling(around.before, decoded, around.after).max(0.0)
        };
        if swallowed_space {
            terms[5] = 1.5;
        }
    }
    Weighed {
        broken_cost: around.broken_cost,
        terms,
    }
}

/// A ceiling over [`pair_evidence`]: each pair weighs at most what the
/// letters corpus writes of its first letter followed by anything, and of
/// anything followed by its second, and a pair with a letter the corpus
/// never writes (`ҁ`, NKo) weighs as unseen. A Cyrillic letter inside a
/// Thai word comes to at most a few points.
fn pair_ceiling(before: Option<char>, letter: char, after: Option<char>) -> f32 {
    let ceilings = pair_ceilings();
    let side = |first: Option<char>, second: Option<char>| {
        ceilings
            .heaviest_with(first, 0)
            .min(ceilings.heaviest_with(second, 1))
    };
    side(before, Some(letter)) + side(Some(letter), after)
}

/// What [`pair_evidence`] gives a pair the letters corpus never writes.
const UNSEEN_PAIR: f32 = -1.5;

/// Below this code point, [`PairCeilings`] keeps each character's
/// ceilings in a table; the letters corpus writes no letter above it.
const PAIR_CEILING_LIMIT: u32 = 0x1000;

/// For each character below [`PAIR_CEILING_LIMIT`], the heaviest pair the
/// letters corpus writes with its form ([`lowercase`]) first and with it
/// second, and the heaviest of all for the characters above.
struct PairCeilings {
    by_char: Vec<[f32; 2]>,
    heaviest: f32,
}

impl PairCeilings {
    /// The heaviest pair with `c` (`None`, an edge) first (`side` 0) or
    /// second (`side` 1).
    #[inline]
    fn heaviest_with(&self, c: Option<char>, side: usize) -> f32 {
        match self.by_char.get(c.unwrap_or(' ') as usize) {
            Some(both) => both[side],
            None => self.heaviest,
        }
    }
}

/// [`PairCeilings`], from the weights [`pair_evidence`] gives the pairs
/// the letters corpus writes.
fn pair_ceilings() -> &'static PairCeilings {
    static CEILINGS: OnceLock<PairCeilings> = OnceLock::new();
    CEILINGS.get_or_init(|| {
        const BOUNDARY: char = ' ';
        let mut by_form = vec![[UNSEEN_PAIR; 2]; PAIR_CEILING_LIMIT as usize];
        let mut heaviest = UNSEEN_PAIR;
        for ((first, second), weight) in letters::written_pair_weights() {
            heaviest = heaviest.max(weight);
            for (form, side) in [(first, 0), (second, 1)] {
                if let Some(both) = by_form.get_mut(form as usize) {
                    both[side] = both[side].max(weight);
                }
            }
        }
        // A form above the table weighs at most the heaviest pair.
        let by_char = (0..PAIR_CEILING_LIMIT)
            .map(|code| {
                let form = char::from_u32(code).map_or(BOUNDARY, lowercase);
                by_form.get(form as usize).copied().unwrap_or([heaviest; 2])
            })
            .collect();
        PairCeilings { by_char, heaviest }
    })
}

/// The characters around a hole that `decoded` fills, as its weighing
/// reads them. Beside a two-byte letter, a neighbour still in mojibake is
/// read as the letter it stands for; longer sequences (Thai, Indic) have
/// fillers enough that such context would single out the wrong one as
/// often.
fn context(
    chars: &[char],
    page: &CodePage,
    start: usize,
    end: usize,
    decoded: char,
) -> (Option<char>, Option<char>) {
    if decoded.len_utf8() == 2 {
        (
            neighbour_before(chars, start, page),
            neighbour_after(chars, end, page),
        )
    } else {
        (
            start.checked_sub(1).map(|i| chars[i]),
            chars.get(end).copied(),
        )
    }
}

/// The character before `start` as the text meant it: when the characters
/// there are the complete sequence of one character under `page` (mojibake
/// that the hole kept the main repair from mending, `Ø§` beside
/// `Ù` + lost byte), that character; otherwise the character as it stands.
fn neighbour_before(chars: &[char], start: usize, page: &CodePage) -> Option<char> {
    let plain = start.checked_sub(1).map(|i| chars[i])?;
    // Every sequence that ends there ends in a continuation byte.
    if !page
        .byte(plain)
        .is_some_and(|byte| (0x80..=0xBF).contains(&byte))
    {
        return Some(plain);
    }
    (2..=4)
        .filter_map(|length| start.checked_sub(length).map(|from| &chars[from..start]))
        .find_map(|window| decode_sequence(window, page))
        .or(Some(plain))
}

/// The character at `end` as the text meant it; see [`neighbour_before`].
fn neighbour_after(chars: &[char], end: usize, page: &CodePage) -> Option<char> {
    let plain = *chars.get(end)?;
    let lead = page.byte(plain).and_then(sequence_length);
    lead.and_then(|length| chars.get(end..end + length))
        .and_then(|window| decode_sequence(window, page))
        .or(Some(plain))
}

/// The one character that `window`, read as bytes of `page`, encodes in
/// UTF-8, if it is exactly one complete letter.
fn decode_sequence(window: &[char], page: &CodePage) -> Option<char> {
    decode_window(window, page).filter(|&decoded| score::class(decoded).is_letter())
}

/// The one character that `window`, read as bytes of `page`, encodes in
/// UTF-8, if it is exactly one complete sequence.
fn decode_window(window: &[char], page: &CodePage) -> Option<char> {
    let &first = window.first()?;
    if first.is_ascii() {
        return None;
    }
    // The lead alone says whether the window has the sequence's length.
    let mut bytes = [0u8; 4];
    bytes[0] = page.byte(first)?;
    if sequence_length(bytes[0]) != Some(window.len()) {
        return None;
    }
    for (slot, &c) in bytes.iter_mut().zip(window).skip(1) {
        *slot = page.byte(c)?;
    }
    decode_utf8_sequence(&bytes[..window.len()])
}

/// A Latin lead letter whose continuation was lost: the decoded letter must
/// fit the case of its word and the letters around it.
fn latin_evidence(
    chars: &[char],
    start: usize,
    swallowed_space: bool,
    end: usize,
    decoded: char,
) -> f32 {
    let before = start.checked_sub(1).map(|i| chars[i]);
    let after = chars.get(end).copied();
    let lower = decoded.is_lowercase();
    let before_class = before.map(score::class);
    let after_class = after.map(score::class);
    let before_upper = before_class.is_some_and(|c| c.kind == Kind::Upper);
    let before_lower = before_class.is_some_and(|c| c.kind == Kind::Lower);
    let after_upper = after_class.is_some_and(|c| c.kind == Kind::Upper);
    let after_lower = after_class.is_some_and(|c| c.kind == Kind::Lower);
    let mut evidence = 0.0;
    if lower {
        // A lowercase letter in a word of capitals is the capital itself.
        if before_upper || after_upper {
            return -5.0;
        }
        let space_follows = chars.get(end) == Some(&' ');
        // A lowercase letter that swallowed a space ends a word (`voilÃ `)
        // or stands alone before the real space (`Ã  la`); glued to the
        // next word (`Ã 25`) it is a capital Ã followed by a space.
        if swallowed_space && !before_lower && !space_follows {
            return -5.0;
        }
        if before_lower {
            evidence += 2.0;
        }
        // Inside a sentence a word that starts with a small letter is more
        // common than a name (which a capital before small letters gets
        // below).
        let inside_sentence =
            start >= 2 && before == Some(' ') && !matches!(chars[start - 2], '.' | '!' | '?' | ':');
        if inside_sentence && after_lower {
            evidence += 1.5;
        }
        // `Ã` + NBSP shown as space, then the real space: "Ã  la".
        if swallowed_space && chars.get(end) == Some(&' ') {
            evidence += 2.0;
        }
    } else {
        // A capital that swallowed a space would glue itself to the next
        // word: nothing tells that from a capital standing alone.
        if before_lower || swallowed_space {
            return -5.0;
        }
        if after_lower || after_upper || before_upper {
            evidence += 1.0;
        }
    }
    evidence + pair_evidence(before, decoded, after)
}

/// The scripts of the nearest letters before `start` and from `end` on,
/// within a reach, that have a script of their own.
fn letter_scripts_around(
    chars: &[char],
    start: usize,
    end: usize,
) -> (Option<Script>, Option<Script>) {
    const REACH: usize = 30;
    let letter_script = |c: &char| {
        let class = score::class(*c);
        (class.is_letter() && class.script != Script::Common).then_some(class.script)
    };
    let left = chars[..start]
        .iter()
        .rev()
        .take(REACH)
        .find_map(letter_script);
    let right = chars[end..].iter().take(REACH).find_map(letter_script);
    (left, right)
}

/// Whether a letter of `script` fits the nearest letters around a hole,
/// of the scripts `(left, right)` (see [`letter_scripts_around`]).
fn fits_neighbours((left, right): (Option<Script>, Option<Script>), script: Script) -> bool {
    match (left, right) {
        (None, None) => true,
        _ => [left, right]
            .iter()
            .flatten()
            .any(|&other| score::compatible(other, script)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`is_two_byte_lead`] asked of every code page in turn.
    fn is_two_byte_lead_reference(c: char) -> bool {
        let leads = candidate_masks().get(c).0 & losing_pages();
        filter_pages(leads, |_, page| {
            page.byte(c).and_then(sequence_length) == Some(2)
        }) != 0
    }

    /// The script a neighbour of a lead is told apart by in
    /// [`glued_to_other_script`], as the classes give it.
    fn glued_script_reference(c: char) -> Option<Script> {
        let class = score::class(c);
        (class.is_letter() && !matches!(class.script, Script::Latin | Script::Common))
            .then_some(class.script)
    }

    /// [`glued_to_other_script`] as first written, from the classes.
    fn glued_to_other_script_reference(c: char, previous: Option<char>, next: char) -> bool {
        let own = score::class(c).script;
        let other_script = |neighbour: Option<char>| {
            neighbour
                .and_then(glued_script_reference)
                .is_some_and(|script| script != own)
        };
        other_script(previous) || other_script(Some(next))
    }

    proptest::proptest! {
        #[test]
        fn a_lead_is_glued_to_another_script_as_the_classes_say(
            text in "[a ?\u{80}-\u{FF}\u{100}-\u{17F}\u{370}-\u{3CE}\u{400}-\u{45F}\u{531}-\u{587}\u{5D0}-\u{5EA}\u{621}-\u{64A}\u{E01}-\u{E5B}\u{4E00}-\u{4E20}\u{AC00}-\u{AC20}]{2,3}"
        ) {
            let chars: Vec<char> = text.chars().collect();
            let (previous, c, next) = match chars[..] {
                [c, next] => (None, c, next),
                [previous, c, next, ..] => (Some(previous), c, next),
                _ => unreachable!(),
            };
            proptest::prop_assert_eq!(
                glued_to_other_script(losing_lead_table(), c, previous, next),
                glued_to_other_script_reference(c, previous, next)
            );
        }
    }

    #[test]
    fn no_hole_is_filled_with_a_character_beyond_the_third_plane() {
        for c in (0x40000..=0x10FFFF).filter_map(char::from_u32) {
            for base in ['a', 'ก', 'क', 'ж'] {
                assert!(!may_fill(&[base, c], 1, c), "{c:?} after {base:?}");
            }
        }
        let sigma_before_guillemet: Vec<char> = "«Ο δρόμος»".chars().collect();
        assert!(!worth_trying(&mut LineFacts::new(&sigma_before_guillemet)));
    }

    #[test]
    fn the_lead_tables_give_what_the_code_pages_say() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let beyond_fillers = filter_pages(u16::MAX, |_, page| {
                page.byte(c)
                    .is_some_and(|byte| (0xF1..=0xF4).contains(&byte))
            });
            let leads = candidate_masks().get(c).0 & losing_pages() & !beyond_fillers;
            // Every code page asked, not only those `c` leads under.
            let expected = LosingLeads {
                leads,
                longer: leads & pages_leading_at_least(u16::MAX, c, 3),
                four: leads & pages_leading_at_least(u16::MAX, c, 4),
                script: score::class(c).script,
                letter_script: glued_script_reference(c),
            };
            assert_eq!(losing_leads(c), expected, "{c:?}");
            assert_eq!(is_two_byte_lead(c), is_two_byte_lead_reference(c), "{c:?}");
        }
    }

    /// [`worth_trying`] of `line`, with the pair positions of the
    /// pre-scan (as the repair asks first) and worked out anew (as the
    /// hole search asks again), and [`worth_trying_lead_by_lead`].
    fn worth_trying_each_way(line: &[char]) -> [bool; 3] {
        let text: String = line.iter().collect();
        let mut room = super::super::detect::FactsRoom::default();
        super::super::detect::candidate_pages_into(&text, &mut room);
        [
            worth_trying(&mut LineFacts::scanned(line, room)),
            worth_trying(&mut LineFacts::new(line)),
            worth_trying_lead_by_lead(&mut LineFacts::new(line)),
        ]
    }

    #[test]
    fn worth_trying_at_once_is_worth_trying_lead_by_lead() {
        let mut worth = 0;
        for line in damaged_lines() {
            let [scanned, fresh, reference] = worth_trying_each_way(&line);
            let text = line.iter().collect::<String>();
            assert_eq!(scanned, reference, "{text}");
            assert_eq!(fresh, reference, "{text}");
            worth += usize::from(reference);
        }
        // Both answers are met.
        assert!(worth > 100, "{worth}");
    }

    proptest::proptest! {
        #[test]
        fn worth_trying_at_once_is_worth_trying_lead_by_lead_on_any_line(
            text in "[a. ?\u{FFFD}\u{80}-\u{FF}\u{100}-\u{17F}\u{2013}-\u{2022}\u{370}-\u{3CE}\u{400}-\u{45F}\u{531}-\u{587}\u{5D0}-\u{5EA}\u{621}-\u{64A}\u{E01}-\u{E5B}\u{3000}-\u{3010}\u{4E00}-\u{4E20}\u{AC00}-\u{AC20}\u{FB01}\u{F8FF}]{0,12}"
        ) {
            let line: Vec<char> = text.chars().collect();
            let [scanned, fresh, reference] = worth_trying_each_way(&line);
            proptest::prop_assert_eq!(scanned, reference);
            proptest::prop_assert_eq!(fresh, reference);
        }

        #[test]
        fn worth_trying_at_once_is_worth_trying_lead_by_lead_in_one_script(
            text in "[a ?\u{C0}-\u{DF}\u{391}-\u{3CE}]{0,16}|[a ?\u{C0}-\u{DF}\u{410}-\u{451}]{0,16}|[a ?\u{E01}-\u{E5B}]{0,16}"
        ) {
            let line: Vec<char> = text.chars().collect();
            let [scanned, fresh, reference] = worth_trying_each_way(&line);
            proptest::prop_assert_eq!(scanned, reference);
            proptest::prop_assert_eq!(fresh, reference);
        }
    }

    /// Lines of every corpus of the module as they are, and as each code
    /// page that loses bytes shows them, with the lost bytes dropped,
    /// shown as `?` or as U+FFFD.
    fn damaged_lines() -> Vec<Vec<char>> {
        let corpora = [
            include_str!("letters_corpus.txt"),
            include_str!("words_corpus.txt"),
            include_str!("vietnamese_corpus.txt"),
            include_str!("east_asian_corpus.txt"),
        ];
        let mut lines = Vec::new();
        for corpus in corpora {
            for line in corpus.lines().step_by(3) {
                lines.push(line.chars().collect());
                for page in code_pages() {
                    let lost = lost_bytes(page).collect::<Vec<u8>>();
                    if lost.is_empty() {
                        continue;
                    }
                    for marker in ["", "?", "\u{FFFD}"] {
                        let mut shown = String::new();
                        for &byte in line.as_bytes() {
                            if byte < 0x80 {
                                shown.push(char::from(byte));
                            } else if lost.contains(&byte) {
                                shown.push_str(marker);
                            } else {
                                shown.push(page.high[usize::from(byte - 0x80)]);
                            }
                        }
                        lines.push(shown.chars().collect());
                    }
                }
            }
        }
        lines
    }

    #[test]
    fn a_filler_s_ceiling_is_never_below_its_evidence() {
        let masks = candidate_masks();
        let (mut full, mut ceilings) = (Vec::new(), Vec::new());
        let mut checked = 0;
        for line in damaged_lines() {
            for start in 0..line.len() {
                let pages = masks.get(line[start]).0 & losing_pages();
                if line[start].is_ascii() || pages == 0 {
                    continue;
                }
                gather_fillers(&line, start, pages, &mut full, f32::NEG_INFINITY);
                gather_fillers(&line, start, pages, &mut ceilings, f32::INFINITY);
                assert_eq!(full.len(), ceilings.len());
                for (filler, ceiling) in full.iter().zip(&ceilings) {
                    assert_eq!((filler.decoded, filler.end), (ceiling.decoded, ceiling.end));
                    assert!(
                        ceiling.evidence + 1e-3 >= filler.evidence,
                        "{:?} at {start} in {line:?}: {} < {}",
                        filler.decoded,
                        ceiling.evidence,
                        filler.evidence
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    /// Whether the fillers of the hole at `start` under the code pages the
    /// next characters leave room under are all the fillers there are.
    fn room_for_a_hole_keeps_every_filler(line: &[char], start: usize) -> bool {
        let pages = candidate_masks().get(line[start]).0 & losing_pages();
        let room = pages_with_room_for_a_hole(line, start, pages);
        let (mut all, mut kept, mut left_out) = (Vec::new(), Vec::new(), Vec::new());
        gather_fillers(line, start, pages, &mut all, HOPELESS);
        gather_fillers(line, start, room, &mut kept, HOPELESS);
        gather_fillers(line, start, pages & !room, &mut left_out, HOPELESS);
        let plain = |fillers: &[Filler]| -> Vec<(usize, char, u32)> {
            fillers
                .iter()
                .map(|f| (f.end, f.decoded, f.evidence.to_bits()))
                .collect()
        };
        left_out.is_empty() && plain(&all) == plain(&kept)
    }

    #[test]
    fn the_next_characters_leave_room_for_every_filler_there_is() {
        let mut holes = 0;
        for line in damaged_lines() {
            for start in 0..line.len() {
                if line[start].is_ascii() {
                    continue;
                }
                assert!(
                    room_for_a_hole_keeps_every_filler(&line, start),
                    "{start} in {line:?}"
                );
                holes += 1;
            }
        }
        assert!(holes > 10_000, "{holes}");
    }

    proptest::proptest! {
        #[test]
        fn every_filler_is_found_where_the_next_characters_leave_room(
            line in "[a ?\u{FFFD}\u{80}-\u{FF}\u{100}-\u{17F}\u{2013}-\u{2022}\u{20AC}\u{2122}\u{370}-\u{3CE}\u{400}-\u{45F}\u{E01}-\u{E5B}\u{2500}-\u{2593}]{1,12}"
        ) {
            let chars: Vec<char> = line.chars().collect();
            for start in 0..chars.len() {
                proptest::prop_assert!(room_for_a_hole_keeps_every_filler(&chars, start), "{}", start);
            }
        }
    }

    #[test]
    fn a_longer_lead_before_a_space_and_a_letter_leaves_no_room() {
        // Under windows-1253 `ο` and `ς` lead sequences of three and four
        // bytes: a space, or a continuation (`»`) and a space, followed by
        // a letter cannot make up the rest of either.
        let line: Vec<char> = "ο υπουργός είπε «τους» και έφυγε".chars().collect();
        for (start, &c) in line.iter().enumerate() {
            let pages = candidate_masks().get(c).0 & losing_pages();
            if matches!(c, 'ο' | 'ς') {
                assert_eq!(
                    pages_with_room_for_a_hole(&line, start, pages),
                    0,
                    "{start}"
                );
            }
            assert!(room_for_a_hole_keeps_every_filler(&line, start), "{start}");
        }
        // A space that may be a lost no-break space, with the continuation
        // the sequence still needs after it, leaves room.
        let damaged: Vec<char> = "â €".chars().collect();
        let pages = candidate_masks().get('â').0 & losing_pages();
        assert_ne!(pages_with_room_for_a_hole(&damaged, 0, pages), 0);
    }

    /// [`decode_sequence`] as first written: every character read as a
    /// byte before the lead's length is asked.
    fn decode_sequence_reference(window: &[char], page: &CodePage) -> Option<char> {
        if window.first().map_or(true, |c| c.is_ascii()) {
            return None;
        }
        let mut bytes = [0u8; 4];
        for (slot, &c) in bytes.iter_mut().zip(window) {
            *slot = page.byte(c)?;
        }
        if sequence_length(bytes[0]) != Some(window.len()) {
            return None;
        }
        let decoded = decode_utf8_sequence(&bytes[..window.len()])?;
        score::class(decoded).is_letter().then_some(decoded)
    }

    /// [`neighbour_before`] without its test of the last character: every
    /// window that ends before `start` is decoded.
    fn neighbour_before_reference(chars: &[char], start: usize, page: &CodePage) -> Option<char> {
        let plain = start.checked_sub(1).map(|i| chars[i])?;
        (2..=4)
            .filter_map(|length| start.checked_sub(length).map(|from| &chars[from..start]))
            .find_map(|window| decode_sequence(window, page))
            .or(Some(plain))
    }

    proptest::proptest! {
        #[test]
        fn the_neighbour_before_is_read_as_when_every_window_is_decoded(
            line in "[a ?€\u{81}\u{80}-\u{FF}\u{100}-\u{17F}\u{2013}-\u{2022}\u{370}-\u{3CE}\u{400}-\u{45F}\u{E01}-\u{E5B}]{0,8}"
        ) {
            let line: Vec<char> = line.chars().collect();
            for page in code_pages() {
                for start in 0..=line.len() {
                    proptest::prop_assert_eq!(
                        neighbour_before(&line, start, page),
                        neighbour_before_reference(&line, start, page)
                    );
                }
            }
        }

        #[test]
        fn a_sequence_is_decoded_as_when_every_byte_was_read_first(
            window in "[a€\u{81}\u{80}-\u{FF}\u{100}-\u{17F}\u{2013}-\u{2022}\u{370}-\u{3CE}\u{400}-\u{45F}\u{E01}-\u{E5B}\u{2500}-\u{2593}]{0,4}"
        ) {
            let window: Vec<char> = window.chars().collect();
            for page in code_pages() {
                proptest::prop_assert_eq!(
                    decode_sequence(&window, page),
                    decode_sequence_reference(&window, page)
                );
            }
        }
    }

    #[test]
    fn a_hole_judged_hopeless_has_no_filler_that_could_be_taken() {
        let masks = candidate_masks();
        let mut fillers = Vec::new();
        let (mut judged, mut weighed, mut before_space) = (0, 0, 0);
        for line in damaged_lines() {
            for start in 0..line.len() {
                let pages = masks.get(line[start]).0 & losing_pages();
                if line[start].is_ascii() || pages == 0 {
                    continue;
                }
                let pages = pages_with_room_for_a_hole(&line, start, pages);
                if !dropped_byte_is_hopeless(&line, start, pages) {
                    continue;
                }
                judged += 1;
                before_space += usize::from(line.get(start + 1) == Some(&' '));
                gather_fillers(&line, start, pages, &mut fillers, f32::NEG_INFINITY);
                for filler in &fillers {
                    // As `best_filler` gives up a hole after gathering it.
                    assert!(
                        filler.evidence + KNOWN_WORD < ACCEPT,
                        "{:?} at {start} in {line:?}: {}",
                        filler.decoded,
                        filler.evidence
                    );
                    weighed += 1;
                }
            }
        }
        assert!(
            judged > 1_000 && weighed > 1_000 && before_space > 100,
            "{judged} {weighed} {before_space}"
        );
    }

    #[test]
    fn a_letter_pair_never_weighs_more_than_its_ceiling() {
        let mut letters: Vec<char> = Vec::new();
        let written = [
            include_str!("letters_corpus.txt"),
            include_str!("words_corpus.txt"),
        ];
        let samples = (0x80..0x3100).step_by(13).filter_map(char::from_u32);
        for c in written
            .iter()
            .flat_map(|corpus| corpus.chars())
            .chain(samples)
        {
            if score::class(c).is_letter() && !letters.contains(&c) {
                letters.push(c);
            }
        }
        let neighbours: Vec<Option<char>> = [None, Some(' '), Some('.'), Some('1')]
            .into_iter()
            .chain(letters.iter().copied().map(Some))
            .collect();
        let mut checked = 0;
        for &letter in &letters {
            for &neighbour in &neighbours {
                for (before, after) in [(neighbour, None), (None, neighbour)] {
                    let evidence = pair_evidence(before, letter, after);
                    let ceiling = pair_ceiling(before, letter, after);
                    assert!(
                        evidence <= ceiling,
                        "{before:?} {letter:?} {after:?}: {evidence} > {ceiling}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 100_000, "{checked}");
    }

    #[test]
    fn giving_up_hopeless_fillers_changes_no_plan() {
        let plain = |edits: Vec<Edit>| -> Vec<(std::ops::Range<usize>, String)> {
            edits
                .into_iter()
                .map(|edit| (edit.range, edit.replacement))
                .collect()
        };
        let mut planned = 0;
        for line in damaged_lines() {
            let given_up = plain(plan(&line, 0));
            planned += given_up.len();
            assert_eq!(
                given_up,
                plain(plan_giving_up_below(&line, 0, f32::NEG_INFINITY)),
                "{line:?}"
            );
        }
        assert!(planned > 0);
    }

    #[test]
    fn clean_thai_is_not_searched_for_holes() {
        let clean: Vec<char> = "กรุงเทพมหานครเตรียมเปิดสวนสาธารณะแห่งใหม่".chars().collect();
        assert!(!worth_trying(&mut LineFacts::new(&clean)));
        let lossy: Vec<char> = "เธ™เธฒเธขเธ?เธฃ".chars().collect();
        assert!(worth_trying(&mut LineFacts::new(&lossy)));
    }

    #[test]
    fn a_line_s_accented_letters_speak_for_the_letters_of_its_alphabet() {
        let line: Vec<char> = "da bo država pomagala na Äisto".chars().collect();
        let hole = line.len() - 5;
        assert!(line_language_writes(&line, hole, hole + 1, 'č'));
        assert!(!line_language_writes(&line, hole, hole + 1, 'Đ'));
        assert!(!line_language_writes(&line, hole, hole + 1, 'ĝ'));
        // Plain ASCII says nothing of the alphabet.
        let ascii: Vec<char> = "the mayor said Äisto".chars().collect();
        assert!(!line_language_writes(&ascii, 15, 16, 'č'));
        // A letter of Latin Extended-A elsewhere makes a word-initial
        // capital a lead byte; German letters keep it a capital.
        assert!(line_writes_lead_elsewhere(&line, hole, hole + 1, 'č'));
        let german: Vec<char> = "für das Äisto".chars().collect();
        assert!(!line_writes_lead_elsewhere(&german, 8, 9, 'č'));
    }

    #[test]
    fn a_small_word_ending_in_a_capital_lead_lost_its_second_byte() {
        let line: Vec<char> = "da bo vlada veÄ denarja".chars().collect();
        let hole = 14;
        assert_eq!(line[hole], 'Ä');
        assert!(dropped_byte_fits(&line, hole, hole + 1, 'č'));
        // A capital of its own after a space, or a capital filler, is not.
        let alone: Vec<char> = "da bo vlada Ä denarja".chars().collect();
        assert!(!dropped_byte_fits(&alone, 12, 13, 'č'));
        assert!(!dropped_byte_fits(&line, hole, hole + 1, 'Đ'));
    }

    #[test]
    fn an_emoji_hole_is_filled_only_when_one_everyday_emoji_fits() {
        let filler = |decoded| Filler {
            end: 3,
            decoded,
            evidence: 0.0,
            before: None,
            after: None,
        };
        let mut one = [filler('🏆'), filler('𝟆')];
        assert!(weigh_everyday_emoji(&mut one));
        assert_eq!(one[0].evidence, KNOWN_WORD);
        assert_eq!(one[1].evidence, 0.0);
        let mut two = [filler('😁'), filler('😍')];
        assert!(!weigh_everyday_emoji(&mut two));
        let mut none = [filler('č')];
        assert!(weigh_everyday_emoji(&mut none));
        assert_eq!(none[0].evidence, 0.0);
    }

    #[test]
    fn the_presentation_selector_is_restored_only_after_a_symbol() {
        let line: Vec<char> = "❤ï¸ x".chars().collect();
        let pages = candidate_masks().get('ï').0 & losing_pages();
        assert_eq!(variation_selector_hole(&line, 1, pages, Some('❤')), Some(3));
        assert_eq!(variation_selector_hole(&line, 1, pages, Some('a')), None);
        assert_eq!(variation_selector_hole(&line, 1, pages, None), None);
    }

    #[test]
    fn holes_hold_letters_and_everyday_typography_only() {
        let greek: Vec<char> = "κυβρ".chars().collect();
        let thai: Vec<char> = "กร".chars().collect();
        assert!(may_fill(&greek, 3, 'я'));
        assert!(may_fill(&greek, 3, '”'));
        assert!(may_fill(&thai, 2, '\u{E48}'));
        // A Syriac mark after a Greek letter, a rare Thai mark, a digit of
        // another script, a dingbat, a modifier letter.
        assert!(!may_fill(&greek, 3, '\u{741}'));
        assert!(!may_fill(&thai, 2, '\u{E4D}'));
        assert!(!may_fill(&greek, 3, '\u{660}'));
        assert!(!may_fill(&greek, 3, '❀'));
        assert!(!may_fill(&greek, 3, '˦'));
    }

    #[test]
    fn a_closing_quote_that_lost_its_last_byte_before_the_line_end_comes_back() {
        // `â€?`: two characters of a three-byte sequence, then the `?` of
        // the lost 9D. Unlike a lone `Ã?` this is no question mark.
        let line: Vec<char> = "He said: “it’s a dream.â€?".chars().collect();
        let edits = plan(&line, 0);
        assert_eq!(edits.len(), 1, "{edits:?}");
        assert_eq!(edits[0].replacement, "”");
        let question: Vec<char> = "Is the sign on the café really Ã?".chars().collect();
        assert!(plan(&question, 0).is_empty());
    }

    #[test]
    fn no_hole_is_seen_where_an_established_page_reads_a_whole_sequence() {
        // `ç¤¾` is `社` through windows-1252; iso-8859-2 cannot show `¾`
        // and sees `ç¤` that lost a byte. Once the line's repairs went
        // through windows-1252, that hole is none.
        let windows_1252 = code_pages()
            .iter()
            .position(|page| page.reason == "mojibake.windows-1252")
            .expect("windows-1252");
        let line: Vec<char> = "东京（共同ç¤¾ï¼‰ï¼“月３日电".chars().collect();
        assert!(whole_under(&line, 5, 1 << windows_1252));
        assert!(!whole_under(&line, 5, 0));
        assert!(plan(&line, 1 << windows_1252).is_empty());
        // A lead whose sequence is cut under that page too is still a hole
        // to weigh.
        let cut: Vec<char> = "He said: “it’s a dream.â€?".chars().collect();
        assert!(!whole_under(&cut, cut.len() - 3, 1 << windows_1252));
        assert_eq!(plan(&cut, 1 << windows_1252).len(), 1);
    }

    #[test]
    fn a_quote_hole_between_two_letters_is_an_apostrophe() {
        // windows-874 text that lost the last byte of `’` (0x99) or of `”`
        // (0x9D) shows `โ€` alone: inside a word it was the apostrophe,
        // before a space the closing quotation mark.
        assert_eq!(replacements("Putinโ€s visit"), ["’"]);
        assert_eq!(replacements("“Itโ€s late,โ€ he said."), ["’", "”"]);
    }

    fn replacements(line: &str) -> Vec<String> {
        let chars: Vec<char> = line.chars().collect();
        plan(&chars, 0)
            .into_iter()
            .map(|edit| edit.replacement)
            .collect()
    }

    #[test]
    fn a_known_word_decides_between_the_letters_of_a_cyrillic_hole() {
        // `Ñ` with a lost byte could be `с`, `э` or `я`; letter pairs
        // cannot tell `пять` from `псть`, the word can.
        assert_eq!(replacements("Цены выросли на пÑть процентов"), ["я"]);
        // Its start or end decides as well: `ется` ends many words.
        assert_eq!(replacements("Решение принимаетÑя сегодня"), ["с"]);
        // A short word with no other hole: `δύο`, not `δρο`.
        assert_eq!(replacements("συνέλαβε δÏο άτομα"), ["ύ"]);
    }

    #[test]
    fn a_hole_that_no_known_word_decides_stays_a_hole() {
        // A lone `Ñ` is `с` or `я`, both words: with no word after it,
        // nothing tells them apart.
        assert!(replacements("Сборная вернулась домой, Ñ.").is_empty());
        // `состоятся` holds five holes: the start of the word settles the
        // first (`со…`, read past the `Ð¾` still in mojibake), and its
        // damaged end stays as it is.
        assert_eq!(replacements("Переговоры ÑÐ¾ÑтоÑÑ‚ÑÑ завтра"), ["с"]);
        // The Icelandic letter alone is no damaged `А`.
        assert!(replacements("Ð and ð in Icelandic: Ðóra").is_empty());
    }

    #[test]
    fn a_one_letter_word_is_settled_by_the_ending_of_the_next() {
        // `с` governs the instrumental (`-ями`), `я` comes before verbs.
        assert_eq!(replacements("Сборная вернулась домой Ñ медалями."), ["с"]);
        assert_eq!(
            replacements("«Ñ думаю, что это правильно», — сказал он."),
            ["я"]
        );
    }

    #[test]
    fn east_asian_neighbours_settle_between_everyday_characters() {
        // `面`, `颁`, `颐` and `额` are all everyday simplified characters;
        // only `面` is written after `方`.
        assert_eq!(replacements("政府将增加医疗方é¢的财政支出。"), ["面"]);
    }

    #[test]
    fn letters_around_a_hole_settle_it_when_no_word_does() {
        // No word of the corpora ends in `-ублс`, `-ублэ` or `-убля`, but
        // many end in `ля` and none in `лс` or `лэ`.
        assert!(letters::triple_count(Some('л'), 'я', None) >= MIN_TRIPLES);
        assert_eq!(letters::triple_count(Some('л'), 'с', None), 0);
        assert_eq!(letters::triple_count(Some('л'), 'э', None), 0);
    }

    #[test]
    fn the_one_filler_whose_pairs_are_written_settles_a_hole() {
        // `ρ` and `ύ` both follow `δ`, but no text writes `ύί`.
        assert_eq!(
            replacements("Η κυβέρνηση αναζητά λύση στο πρόβλημα της λειψυδÏίας."),
            ["ρ"]
        );
        // A Greek capital under windows-1253 is its own letter as well as a
        // lead: `Οι` stays.
        assert!(replacements("Οι πυροσβέστες έθεσαν υπό έλεγχο τη φωτιά.").is_empty());
    }

    #[test]
    fn a_rival_that_the_corpora_write_in_the_same_place_keeps_the_hole() {
        // `област?х`, with `т` still in mojibake beside it: letter pairs
        // of the small corpus favour `с`, but the corpora write `ях` as
        // well as `сх`. The whole repair leaves the hole.
        let damaged = "Ð¡Ð½Ñ–Ð³Ð¾Ð¿Ð°Ð´ Ñƒ Ð·Ð°Ñ…Ñ–Ð´Ð½Ð¸Ñ… Ð¾Ð±Ð»Ð°ÑÑ‚ÑÑ….";
        let repaired = super::super::repair(damaged, &mut Vec::new());
        assert!(repaired.contains("областÑх"), "{repaired}");
    }

    #[test]
    fn a_lone_letter_of_an_unmeasured_two_byte_script_fills_its_hole() {
        // After `Ö` (D6) only `ց` is an Armenian letter; a Latin capital
        // glued to Armenian letters is no text of its own.
        assert_eq!(replacements("Մայրաքաղաքում բացվեÖ նոր դպրոց"), ["ց"]);
    }

    #[test]
    fn a_two_byte_lead_glued_to_another_script_is_searched() {
        // `Ù` + lost byte between Arabic letters, the next letter still in
        // mojibake (`Ø§` is `ا`): the hole is `ف`.
        assert_eq!(replacements("أعلنت الحكومة عن خطة لمواجهة الجÙØ§Ù."), ["ف"]);
    }

    #[test]
    fn a_latin_capital_that_starts_a_word_can_be_a_lead() {
        // The line writes `ń` and `ę` (Polish): only `Ł` fits that alphabet.
        assert_eq!(
            replacements("Mieszkańcy Åodzi protestowali przeciwko zamknięciu szpitala."),
            ["Ł"]
        );
        // `ě` shares the lead byte C4 with `č`.
        assert_eq!(
            replacements("Ve Ätvrtek se v Brně uskuteční koncert."),
            ["č"]
        );
        // A German or Nordic letter in the line makes the capital real.
        assert!(replacements("Die Ärzte in Dęblin, München und Kraków").is_empty());
        // So does a lead byte that no other letter of the line shares.
        assert!(replacements("Åsa Dvořák spelade i Brně").is_empty());
    }

    #[test]
    fn an_east_asian_hole_takes_the_one_everyday_character_that_fits() {
        // `面` lost its middle byte 0x9D, shown as `?`; `遢`, `鍢`, `鏢` and
        // `鐢` fit the hole too, but GB 2312 counts only `面` as everyday.
        assert_eq!(replacements("教育和医疗方é?¢的财政支出"), ["面"]);
        // Dropped without a trace, the byte could as well have been the
        // last: `颁`, `颐` and `额` are everyday too, and with no
        // character beside the hole to tell them apart it stays.
        assert!(replacements("教育和医疗：é¢，财政支出").is_empty());
        // `加` lost its last byte, a no-break space shown as a space:
        // Chinese puts no space between characters.
        assert_eq!(replacements("明年增åŠ 教育"), ["加"]);
        // A complete sequence is no hole: `ã‚Œ` is `れ`.
        assert!(!replacements("観測さã‚Œました").contains(&"あ".to_string()));
    }

    #[test]
    fn a_thai_lead_glued_to_a_latin_word_lost_its_byte() {
        // `č` under windows-874 is Thai `ฤ` and a lost 0x8D; a Thai letter
        // starting a Czech word is no Thai text.
        assert_eq!(
            replacements("Ve ฤtvrtek se v Brně uskuteční koncert"),
            ["č"]
        );
        // A Latin lead starting a word may be the letter itself: German
        // writes `Ärzte`.
        assert!(replacements("Die Ärzte fordern höhere Löhne").is_empty());
    }

    #[test]
    fn a_final_form_never_fills_a_hole_inside_a_word() {
        // `התאונה` with its `א` lost: a final `ם` cannot stand before `ו`,
        // repaired or still damaged.
        for line in ["לאחר הת×\u{FFFD}ונה בכביש", "לאחר הת×\u{FFFD}×•× ה בכביש"]
        {
            assert!(!replacements(line).contains(&"ם".to_string()), "{line}");
        }
    }

    #[test]
    fn word_ends_in_a_plainly_thai_line_are_not_holes() {
        // `เน` could be the first two bytes of a Thai letter that lost its
        // third, and `ัก` sits before a space; on a line written in Thai
        // both are ordinary words.
        let clean: Vec<char> = "ประชาชนในพื้นที่เชียงรายกว่า 95 ครัวเรือนได้รับผลกระทบ นายสมชาย ใจดี กล่าวว่าจะเร่งช่วยเหลืออย่างต่อเนื่อง"
            .chars()
            .collect();
        assert!(!worth_trying(&mut LineFacts::new(&clean)));
    }

    #[test]
    fn a_short_line_written_in_thai_alone_has_no_holes() {
        // Too short to count as plainly Thai, yet Thai alone: `โค` could
        // be two bytes of `❤` that lost its third, `ใจ` of `と`.
        for line in ["โควิด-19", "#โควิด19", "จ.โคราช", "ใจ", "โต๊ะ"]
        {
            let mut changes = Vec::new();
            let repaired = crate::repair::mojibake::repair(line, &mut changes);
            assert_eq!(repaired, line);
            assert!(changes.is_empty(), "{line}: {changes:?}");
        }
    }

    #[test]
    fn a_complete_two_byte_sequence_leaves_no_room_for_a_hole() {
        // `ή»`: a Greek word ending before a closing guillemet reads as a
        // two-byte lead and its continuation under windows-1253.
        let clean: Vec<char> = "«Η απόφαση είναι οριστική» δήλωσε ο υπουργός"
            .chars()
            .collect();
        assert!(!worth_trying(&mut LineFacts::new(&clean)));
    }
}
