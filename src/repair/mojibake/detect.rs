//! Finding candidates: the byte-level pre-scan that lets clean text through
//! at memory speed (and decodes the characters of a line it stops), and,
//! on a line that has a hit, the spans whose characters map back through
//! one code page to valid multi-byte UTF-8.
//! Nothing here decides whether a span is mojibake; see `score` and the
//! planner in `mod.rs`.

use super::codepages::{candidate_masks, code_pages, filter_pages, CodePage};
use super::score::{class, class_lookup, compatible, written_counts, Script, SCRIPTS};
use crate::repair::utf8::{
    code_point_at, next_non_ascii, three_byte_code_point, two_byte_code_point,
};
use std::sync::OnceLock;

/// Whether the line holds a character that stands for a UTF-8 lead byte
/// under some code page, followed by one that stands for a continuation
/// byte under the same code page, or a windows-1252 capital followed by a
/// mark of a lost byte. Returns the mask of code pages that matched, and
/// puts the line's [`pair_positions`] into `room` for
/// [`LineFacts::scanned`]: a line the pre-scan lets through need not be
/// walked again to find them.
pub(crate) fn candidate_pages_into(line: &str, room: &mut FactsRoom) -> u16 {
    room.pairs.clear();
    scan_pages(line, |start, pages| room.pairs.push(Pair { start, pages }))
}

/// [`candidate_pages_into`] that also puts the line's characters into
/// `chars` when it returns any code page, as `chars.extend(line.chars())`
/// after `chars.clear()` would (and leaves `chars` as it was otherwise).
/// Most lines have no hit and need no characters; on one that has, the
/// walk goes on writing the characters it reads anyway from (about) the
/// first hit, and only the line up to there is decoded apart.
///
/// `first_non_ascii` is the byte offset of the line's first non-ASCII
/// character, which the caller found the line by: the walk starts there
/// rather than looking for it again.
pub(crate) fn candidate_pages_and_chars_into(
    line: &str,
    first_non_ascii: usize,
    room: &mut FactsRoom,
    chars: &mut Vec<char>,
) -> u16 {
    let pairs = &mut room.pairs;
    pairs.clear();
    let bytes = line.as_bytes();
    let start = first_non_ascii;
    debug_assert_eq!(next_non_ascii(bytes, 0), Some(start));
    let mut walk = Walk::from(start);
    let mut pair_at = |start, pages| pairs.push(Pair { start, pages });
    walk_pages::<BYTES>(bytes, &mut walk, &mut pair_at, chars);
    if walk.found == 0 {
        return 0;
    }
    // The pairs so far are at byte offsets: the line is decoded up to each
    // in turn, which counts the characters before it.
    chars.clear();
    let mut decoded = 0;
    for pair in pairs.iter_mut() {
        chars.extend(line[decoded..pair.start].chars());
        decoded = pair.start;
        pair.start = chars.len() - 1;
    }
    chars.extend(line[decoded..walk.index].chars());
    let mut pair_at = |start, pages| pairs.push(Pair { start, pages });
    walk_pages::<KEPT>(bytes, &mut walk, &mut pair_at, chars);
    walk.found
}

/// [`candidate_pages_into`] without the pair positions.
#[cfg(test)]
pub(crate) fn candidate_pages(line: &str) -> u16 {
    scan_pages(line, |_, _| {})
}

/// The walk of [`candidate_pages_into`], which hands `pair_at` the char index
/// of every character that stands for a lead byte before one that stands
/// for a continuation byte under the same code page, in order, with the
/// mask of those code pages.
#[inline(always)]
fn scan_pages(line: &str, mut pair_at: impl FnMut(usize, u16)) -> u16 {
    let bytes = line.as_bytes();
    let Some(start) = next_non_ascii(bytes, 0) else {
        return 0;
    };
    let mut walk = Walk::from(start);
    walk_pages::<COUNTED>(bytes, &mut walk, &mut pair_at, &mut Vec::new());
    walk.found
}

/// Where [`walk_pages`] is in a line, and what it found so far.
struct Walk {
    /// The byte offset of the next character to read.
    index: usize,
    /// The code pages found so far (a mask).
    found: u16,
    /// The lead mask of the character before `index` (0 after ASCII).
    lead: u16,
}

impl Walk {
    /// A walk from `index`, the first non-ASCII byte of a line.
    fn from(index: usize) -> Walk {
        Walk {
            index,
            found: 0,
            lead: 0,
        }
    }
}

// How [`walk_pages`] tells where a pair is, and how far it goes.
/// The char index of the lead, counted along; to the end of the line.
const COUNTED: u8 = 0;
/// The byte offset of the character after the lead, which costs nothing
/// to know; to the first pair, or the first ASCII byte once something
/// else is found, or the end of the line.
const BYTES: u8 = 1;
/// The char index of the lead, as the characters are pushed onto `chars`
/// (which hold those before the walk's start); to the end of the line.
const KEPT: u8 = 2;

/// Walks the line `bytes` on from `walk`, handing `pair_at` the place of
/// each pair as `PLACES` ([`COUNTED`], [`BYTES`] or [`KEPT`]) says, and
/// as far as it says. Each way is a function of its own: the walk is
/// most of the time spent on clean text, and a shared body would keep
/// what one way needs in the registers of all.
#[inline(never)]
fn walk_pages<const PLACES: u8>(
    bytes: &[u8],
    walk: &mut Walk,
    pair_at: &mut impl FnMut(usize, u16),
    chars: &mut Vec<char>,
) {
    let masks = candidate_masks();
    let keep = PLACES == KEPT;
    // Works on the UTF-8 bytes directly: `line` is valid UTF-8, so each
    // character's length is its first byte's.
    let Walk {
        mut index,
        mut found,
        mut lead,
    } = *walk;
    // Counted: the bytes before `index` beyond the first of each
    // character, so that the char index of the byte at `index` is
    // `index - extra`.
    let mut extra = 0usize;
    // The place of a pair whose second character starts at `index`.
    let place = |index: usize, extra: usize, chars: &Vec<char>| match PLACES {
        COUNTED => index - extra - 1,
        BYTES => index,
        _ => chars.len() - 1,
    };
    while index < bytes.len() {
        let first = bytes[index];
        if first < 0x80 {
            // What was found other than at a pair (a capital before a
            // hole, a rarer character) is handed over to the walk that
            // keeps the characters here, at the end of its word.
            if PLACES == BYTES && found != 0 {
                break;
            }
            if (first == b'?' || first == b' ') && lead != 0 {
                // Lossy damage of Latin text leaves a windows-1252 capital
                // before the hole; other letters before a space are
                // ordinary text.
                found |= lead_after_capital(bytes, index, lead);
            }
            // ASCII is never a lead: go on from the next non-ASCII byte,
            // most often the very next one (a space between words).
            lead = 0;
            let run_end = if bytes.get(index + 1).is_some_and(|byte| byte.is_ascii()) {
                next_non_ascii(bytes, index + 1).unwrap_or(bytes.len())
            } else {
                index + 1
            };
            if keep {
                if run_end == index + 1 {
                    chars.push(char::from(first));
                } else {
                    chars.extend(bytes[index..run_end].iter().map(|&byte| char::from(byte)));
                }
            }
            index = run_end;
            continue;
        }
        if first < 0xE0 {
            // Two bytes: a character below U+0800, always in the flat
            // table. A character no code page shows (an Arabic one) has
            // no masks there, which ends any pair as it should.
            let code = two_byte_code_point(first, bytes[index + 1]);
            let (its_lead, continuation) = masks.get_low(code);
            let pair = lead & continuation;
            lead = its_lead;
            if pair != 0 {
                found |= pair;
                pair_at(place(index, extra, chars), pair);
                if PLACES == BYTES {
                    // The walk that keeps the characters takes over at
                    // once, and the decoding apart stops here.
                    index += 2;
                    break;
                }
            }
            if keep {
                chars.push(char_of(code));
            }
            index += 2;
            if PLACES == COUNTED {
                extra += 1;
            }
            continue;
        }
        if first & 0xFD == 0xE0 {
            // Three bytes led by E0 or E2 (Thai letters; dashes, quotes
            // and other punctuation): below U+3000, so always in the flat
            // table, and never U+FFFD.
            let code = three_byte_code_point(first, bytes[index + 1], bytes[index + 2]);
            let (its_lead, continuation) = masks.get_low(code);
            if lead & continuation != 0 {
                found |= lead & continuation;
                pair_at(place(index, extra, chars), lead & continuation);
                if PLACES == BYTES {
                    lead = its_lead;
                    index += 3;
                    break;
                }
            }
            if keep {
                chars.push(char_of(code));
            }
            lead = its_lead;
            index += 3;
            if PLACES == COUNTED {
                extra += 2;
            }
            continue;
        }
        let silent = masks.silent_length(first);
        if silent != 0 && !keep {
            // A character no code page shows (a Chinese one) ends any
            // pair, and stands before nothing: it need not be read.
            lead = 0;
            index += silent;
            if PLACES == COUNTED {
                extra += silent - 1;
            }
            continue;
        }
        // Three or four bytes: no capital, but maybe a replacement
        // character, which marks a lost byte too.
        let (code, length) = code_point_at(bytes, index, first);
        if code == 0xFFFD {
            found |= lead_after_capital(bytes, index, lead);
        }
        let (its_lead, continuation) = masks.get_code(code);
        if lead & continuation != 0 {
            found |= lead & continuation;
            pair_at(place(index, extra, chars), lead & continuation);
        }
        if keep {
            chars.push(char_of(code));
        }
        lead = its_lead;
        index += length;
        if PLACES == COUNTED {
            extra += length - 1;
        }
    }
    *walk = Walk { index, found, lead };
}

/// The character of `code`, a code point read from valid UTF-8.
#[inline(always)]
fn char_of(code: u32) -> char {
    char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// `lead`, the lead mask of the character that ends just before `index`,
/// when that character is a windows-1252 capital (U+00C2 to U+00DF,
/// which can stand before a lost byte); 0 otherwise. Those capitals are
/// the bytes C3 82 to C3 9F, and the byte two before `index` is C3 only
/// when the character before is two bytes long: looking back is cheaper
/// than noting at every character whether it is one.
#[inline(always)]
fn lead_after_capital(bytes: &[u8], index: usize, lead: u16) -> u16 {
    let capital =
        index >= 2 && bytes[index - 2] == 0xC3 && (0x82..=0x9F).contains(&bytes[index - 1]);
    if capital {
        lead
    } else {
        0
    }
}

/// Narrows the pre-scan's mask to the code pages under which the line
/// holds a sequence worth judging. Clean Thai, Ukrainian or Greek text
/// often pairs a letter that stands for a lead byte with one that stands
/// for a continuation byte under its own code page (`ยก`, `Ві`); such a
/// sequence, with its neighbours also letters of that script (or the
/// line's edge), decoding to something outside the script, is ordinary
/// text. Mojibake of that script's own text decodes into the script, and
/// mojibake of any other text brings symbols or other letters next to it,
/// so neither is lost.
///
/// On a line that is plainly written in that script (most of its letters
/// outside any sequence), a space or ASCII punctuation beside such a
/// sequence is ordinary too: it is where words and phrases of that script
/// end. A whole line of another language misread through the page is all
/// sequences, and keeps being judged.
///
/// Text also sets signs right after a letter (`10 кОм±5`, `25 п°`,
/// `ВЕКТОР™`), and some of those pairs are valid sequences that read as a
/// letter: a lone such pair ([`is_lone_letter_and_signs`]) is ordinary
/// - on a line plainly written in the page's own script, when its letter
///   is of that script: damage of that script's text through the page
///   turns every letter of a word into such a pair, so a lone one on a
///   clean line is a letter beside a sign, not a damaged word;
/// - on any line, when neither its letter's script nor its reading's is
///   written anywhere else on the line (`kΩ±5` in English, which
///   windows-1253 reads as an Arabic letter): whichever reading is right,
///   the line holds one letter of a script it does not write, and the
///   pair's shape alone is no evidence for the other.
///
/// A pair like that beside real damage under the same page is judged with
/// the rest of the line.
///
/// A code page under which the line holds no sequence at all has nothing
/// to repair, whatever its script: the pre-scan also lets through lines
/// where a capital stands before a space (a mark of a lost byte, which
/// the hole search looks at), and those need no planning.
pub(crate) fn pages_worth_judging(facts: &mut LineFacts, pages: u16) -> u16 {
    let class_of = class_lookup();
    filter_pages(pages, |index, page| {
        let chars = facts.chars;
        let found = facts.found(index, page);
        if found.is_empty() {
            return false;
        }
        let is_native = |c: char| page.native == Some(class_of(c).script);
        // Each sequence is read once for both questions: whether it is
        // ordinary between letters of the script, and whether it is on a
        // line plainly in that script (where a space or ASCII punctuation
        // beside it is quiet too). The first implies the second, so one
        // that is not even the second settles the page; whether the line
        // is plainly in the script, a walk over all of it, is worked out
        // only when every sequence is ordinary there and some is not
        // ordinary between letters alone (as mojibake is not).
        let mut all_between_letters = true;
        // The scripts written on the line outside the page's sequences,
        // worked out only for a lone pair that asks.
        let mut written_outside: Option<u16> = None;
        for (at, sequence) in found.iter().enumerate() {
            let end = sequence.start + sequence.len;
            let left = sequence.start.checked_sub(1).map(|left| chars[left]);
            let right = chars.get(end).copied();
            // The edge of the line counts as a neighbour of either kind,
            // but a lone sequence is judged.
            let of_the_script = page.native.is_some()
                && !is_native(sequence.decoded)
                && chars[sequence.start..end].iter().all(|&c| is_native(c))
                && (left.is_some() || right.is_some());
            if !of_the_script {
                if !is_lone_letter_and_signs(chars, found, at) {
                    return true;
                }
                let letter = class_of(chars[sequence.start]).script;
                // Most such pairs are a letter damaged inside a word of
                // its own script (`cafÃ©`): a neighbour settles that the
                // line writes it, without a walk over the line.
                let of_the_letter = |side: Option<char>| {
                    side.is_some_and(|c| {
                        let script = class_of(c).script;
                        script != Script::Common && compatible(script, letter)
                    })
                };
                if !of_the_letter(left) && !of_the_letter(right) {
                    let reading = class_of(sequence.decoded).script;
                    let written = *written_outside
                        .get_or_insert_with(|| scripts_written_outside(chars, found));
                    // A modifier or another script's sign (`˰`, `؟`) is of
                    // no script the line could write.
                    let reading_written = reading != Script::Common && writes(written, reading);
                    if !writes(written, letter) && !reading_written {
                        continue;
                    }
                }
                if page.native != Some(letter) {
                    return true;
                }
                all_between_letters = false;
                continue;
            }
            // Whether one neighbour is quiet between letters, and whether
            // it is on a plain line.
            let quiet = |side: Option<char>| match side {
                None => (true, true),
                Some(c) if is_native(c) => (true, true),
                Some(c) => (false, c.is_whitespace() || c.is_ascii_punctuation()),
            };
            let (left_between, left_plain) = quiet(left);
            let (right_between, right_plain) = quiet(right);
            if !(left_plain && right_plain) {
                return true;
            }
            all_between_letters &= left_between && right_between;
        }
        match page.native {
            Some(native) if !all_between_letters => !facts.plainly(index, page, native),
            _ => false,
        }
    })
}

/// Whether the sequence `found[at]` of a line is a letter followed only by
/// signs that text sets right after a letter or a number
/// ([`follows_letters_in_text`]), reading as a character of a script of
/// its own (a letter, a mark or a script's own punctuation), with no other
/// sequence touching it. Such a pair is what a sign beside a letter
/// happens to form, as often as it is a damaged letter; a damaged word of
/// more than one letter is a run of sequences, and a damaged sign reads
/// as a sign (`Â°` is `°`).
fn is_lone_letter_and_signs(chars: &[char], found: &[Sequence], at: usize) -> bool {
    let sequence = &found[at];
    let end = sequence.start + sequence.len;
    let touches_before = at > 0 && {
        let before = &found[at - 1];
        before.start + before.len == sequence.start
    };
    let touches_after = found.get(at + 1).is_some_and(|after| after.start == end);
    !touches_before
        && !touches_after
        && class(chars[sequence.start]).is_letter()
        && chars[sequence.start + 1..end]
            .iter()
            .all(|&c| follows_letters_in_text(c))
        && !is_shared_sign(sequence.decoded)
}

/// Whether `c` is one of the signs text of every script shares: those of
/// Latin-1 (`°`, `©`, `«`) and from the general punctuation on (`’`, `€`,
/// `™`, `№`). A damaged sign reads as one of them (`Â°`, `В«`, `β€™`);
/// letters, marks, modifiers and a script's own punctuation (`؟`, `։`)
/// belong to the writing of one script, and read from a lone pair they
/// stand where nothing of that script does.
fn is_shared_sign(c: char) -> bool {
    let class = class(c);
    class.script == Script::Common
        && !class.is_letter()
        && class.kind != super::score::Kind::Mark
        && (c <= '\u{FF}' || c >= '\u{2000}')
}

/// Signs that text sets right after a letter or a number, glued to it:
/// units and tolerances (`m²`, `N°`, `kΩ±5`, `5µm`), marks of brands and
/// footnotes (`™`, `®`, `†`), fractions, currencies, per mille, a middle
/// dot, an ellipsis. Quotation marks and dashes are not among them: they
/// close words, and are weighed where words end
/// ([`is_plain_text_pair`]).
fn follows_letters_in_text(c: char) -> bool {
    matches!(
        c,
        '°' | '±'
            | '²'
            | '³'
            | '¹'
            | 'µ'
            | '©'
            | '®'
            | '™'
            | '†'
            | '‡'
            | '‰'
            | '·'
            | '§'
            | '¶'
            | '½'
            | '¼'
            | '¾'
            | '×'
            | '÷'
            | '€'
            | '£'
            | '¥'
            | '¢'
            | '…'
            | '•'
    )
}

/// The scripts (a mask of [`Script`] bits) of the characters written in
/// a script of their own (letters, marks) on the line outside the `found`
/// sequences.
fn scripts_written_outside(chars: &[char], found: &[Sequence]) -> u16 {
    let class_of = class_lookup();
    let mut written = 0u16;
    let mut from = 0;
    let mut mark = |stretch: &[char]| {
        for &c in stretch {
            let script = class_of(c).script;
            if script != Script::Common {
                written |= 1 << script as u16;
            }
        }
    };
    for sequence in found {
        mark(&chars[from..sequence.start]);
        from = sequence.start + sequence.len;
    }
    mark(&chars[from..]);
    written
}

/// Whether the scripts of the mask `written` include one that goes with
/// `script` ([`compatible`]) other than the common one.
fn writes(written: u16, script: Script) -> bool {
    SCRIPTS.iter().any(|&other| {
        written & 1 << other as u16 != 0 && other != Script::Common && compatible(other, script)
    })
}

/// What the checks for clean text in a code page's own script work out
/// about one line: its sequences under each code page (C1 results
/// allowed) and whether it is plainly in that page's script, each worked
/// out once, when first asked.
pub(crate) struct LineFacts<'c> {
    pub chars: &'c [char],
    /// Whether `room.pairs` holds the line's [`pair_positions`].
    pairs_known: bool,
    /// The code pages (a mask) whose sequences are in `found`.
    found_known: u16,
    room: FactsRoom,
    plain_known: u16,
    plain: u16,
    /// How far the line's written characters were counted for the last
    /// script asked about: the code pages of one script (windows-1251,
    /// koi8-r and koi8-u) go on from where the one before stopped.
    written: Option<WrittenCount>,
    /// The script last asked about in [`LineFacts::written_only_in`], and
    /// the answer.
    only_in: Option<(Script, bool)>,
    /// The code pages (a mask) under which an earlier round mended this
    /// line: beside what they mended, a pair that only may be a sequence
    /// is one ([`ends_a_word_in_capitals_before_a_mark`]).
    mended_under: u16,
}

/// The buffers of [`LineFacts`], handed from one line to the next so that
/// the lines of a text do not each allocate them afresh. What they hold
/// between two lines means nothing.
#[derive(Default)]
pub(crate) struct FactsRoom {
    pairs: Vec<Pair>,
    /// By code-page index.
    found: Vec<Vec<Sequence>>,
}

impl<'c> LineFacts<'c> {
    pub fn new(chars: &'c [char]) -> LineFacts<'c> {
        LineFacts::reusing(chars, FactsRoom::default())
    }

    /// The facts of `chars`, to be worked out in the buffers of `room`.
    pub fn reusing(chars: &'c [char], room: FactsRoom) -> LineFacts<'c> {
        LineFacts {
            chars,
            pairs_known: false,
            found_known: 0,
            room,
            plain_known: 0,
            plain: 0,
            written: None,
            only_in: None,
            mended_under: 0,
        }
    }

    /// The same facts, of a line that earlier rounds mended under the code
    /// pages of the mask `pages`.
    pub fn mended_under(self, pages: u16) -> LineFacts<'c> {
        LineFacts {
            mended_under: pages,
            ..self
        }
    }

    /// The facts of `chars`, the characters of a line whose
    /// [`candidate_pages_into`] filled `room`.
    pub fn scanned(chars: &'c [char], room: FactsRoom) -> LineFacts<'c> {
        LineFacts {
            pairs_known: true,
            ..LineFacts::reusing(chars, room)
        }
    }

    /// The buffers, for the next line's facts.
    pub fn into_room(self) -> FactsRoom {
        self.room
    }

    /// The sequences of the line under `page`, the code page at `index`.
    pub fn found(&mut self, index: usize, page: &CodePage) -> &[Sequence] {
        let bit = 1u16 << index;
        if self.found_known & bit == 0 {
            self.found_known |= bit;
            let chars = self.chars;
            let FactsRoom { pairs, found } = &mut self.room;
            if !self.pairs_known {
                self.pairs_known = true;
                pair_positions_into(chars, pairs);
            }
            if found.len() <= index {
                // Room for every code page at once: most lines are read
                // under several.
                found.resize_with(code_pages().len().max(index + 1), Vec::new);
            }
            let text = if self.mended_under & bit == 0 {
                Text::Line
            } else {
                Text::MendedLine
            };
            sequences_of_pairs_into(chars, pairs, bit, page, true, text, &mut found[index]);
        }
        &self.room.found[index]
    }

    /// The line's [`pair_positions`], worked out when first asked for.
    pub fn pairs(&mut self) -> &[Pair] {
        if !self.pairs_known {
            self.pairs_known = true;
            pair_positions_into(self.chars, &mut self.room.pairs);
        }
        &self.room.pairs
    }

    /// Works out the sequences of the line under each code page of the
    /// mask `pages`, for [`LineFacts::found_at`].
    pub fn find_under(&mut self, pages: u16) {
        filter_pages(pages, |index, page| {
            self.found(index, page);
            true
        });
    }

    /// The sequences of the line under the code page at `index`, once
    /// [`LineFacts::found`] or [`LineFacts::find_under`] worked them out
    /// (none before): a planner comparing what several code pages found
    /// reads them side by side without copying any.
    pub fn found_at(&self, index: usize) -> &[Sequence] {
        if self.found_known & 1 << index == 0 {
            return &[];
        }
        &self.room.found[index]
    }

    /// Whether every character of the line written in some script (letters
    /// and marks) is of `script`, and there is one.
    pub fn written_only_in(&mut self, script: Script) -> bool {
        if let Some((asked, answer)) = self.only_in {
            if asked == script {
                return answer;
            }
        }
        let (written, of_script) = written_counts(self.chars, script);
        let answer = written > 0 && of_script == written;
        self.only_in = Some((script, answer));
        answer
    }

    /// Whether the line is plainly written in `native`, the script of
    /// `page`, the code page at `index` (see [`plainly_in_script`]).
    pub fn plainly(&mut self, index: usize, page: &CodePage, native: Script) -> bool {
        let bit = 1u16 << index;
        if self.plain_known & bit == 0 {
            self.plain_known |= bit;
            let chars = self.chars;
            let inside = of_script_inside(chars, self.found(index, page), native);
            let count = match &mut self.written {
                Some(count) if count.script == native => count,
                slot => slot.insert(WrittenCount {
                    script: native,
                    counted: 0,
                    written: 0,
                    of_script: 0,
                }),
            };
            let plain = count_plain_share(chars, inside, count);
            if plain {
                self.plain |= bit;
            }
        }
        self.plain & bit != 0
    }
}

/// Whether the line is plainly written in `script`, the native script of
/// the code page the `found` sequences were read with: of all the
/// characters of any script on the line (letters and marks), at least
/// [`PLAIN_SCRIPT_SHARE`] are characters of `script` outside the `found`
/// sequences, and at least [`PLAIN_SCRIPT_LETTERS`] of them. A line
/// misread through the page is nearly all sequences; one half repaired is
/// mostly letters of another script.
#[cfg(test)]
pub(crate) fn plainly_in_script(chars: &[char], found: &[Sequence], script: Script) -> bool {
    let (written, of_script) = written_characters(chars, script);
    is_plain_share(of_script - of_script_inside(chars, found, script), written)
}

/// The script of `c` as a line's written characters are counted: `None` for a
/// character of no script (ASCII other than letters, and the common
/// characters).
#[cfg(test)]
fn written_script(c: char) -> Option<Script> {
    // ASCII letters are Latin and the rest of ASCII is common: only the
    // other characters need the class table.
    let script = if c.is_ascii() {
        if !c.is_ascii_alphabetic() {
            return None;
        }
        Script::Latin
    } else {
        class(c).script
    };
    (script != Script::Common).then_some(script)
}

/// How many characters of any script (letters and marks) the line holds,
/// and how many of them are of `script`: what [`count_plain_share`]
/// counts, all at once.
#[cfg(test)]
fn written_characters(chars: &[char], script: Script) -> (usize, usize) {
    let mut written = 0usize;
    let mut of_script = 0usize;
    for &c in chars {
        if let Some(char_script) = written_script(c) {
            written += 1;
            of_script += usize::from(char_script == script);
        }
    }
    (written, of_script)
}

/// How many of the first `counted` characters of a line are written in
/// any script (letters and marks), and how many of those in `script`.
struct WrittenCount {
    script: Script,
    counted: usize,
    written: usize,
    of_script: usize,
}

/// [`is_plain_share`] for the line, with `inside` characters of the
/// count's script inside the sequences, counting the written characters
/// on from where `count` stopped and only until the answer is settled:
/// however the characters not yet counted turn out, the count of the
/// script's own outside the sequences lies between what it is now (none
/// of them of the script) and that plus all of them, and the written
/// characters between what they are now and that plus all of them. The
/// share is highest when all the rest are of the script and lowest when
/// all are written in another: when both give the same answer, the rest
/// cannot change it. A line plainly in one script is settled a little
/// past its middle.
fn count_plain_share(chars: &[char], inside: usize, count: &mut WrittenCount) -> bool {
    /// Characters counted between two looks at the bounds.
    const STRIDE: usize = 16;
    let (share, whole) = PLAIN_SCRIPT_SHARE;
    loop {
        let rest = chars.len() - count.counted;
        if rest == 0 {
            return is_plain_share(count.of_script - inside, count.written);
        }
        if count.counted > 0 {
            // The script's own outside the sequences so far; those inside
            // may not all have been met yet.
            let outside = count.of_script.saturating_sub(inside);
            let outside_at_most = (count.of_script + rest).saturating_sub(inside);
            let written_at_most = count.written + rest;
            if outside >= PLAIN_SCRIPT_LETTERS && outside * whole >= written_at_most * share {
                return true;
            }
            if outside_at_most < PLAIN_SCRIPT_LETTERS
                || outside_at_most * whole < written_at_most * share
            {
                return false;
            }
        }
        let end = chars.len().min(count.counted + STRIDE);
        let (written, of_script) = written_counts(&chars[count.counted..end], count.script);
        count.written += written;
        count.of_script += of_script;
        count.counted = end;
    }
}

/// How many of the characters inside the `found` sequences are of
/// `script`.
fn of_script_inside(chars: &[char], found: &[Sequence], script: Script) -> usize {
    found
        .iter()
        .map(|sequence| {
            chars[sequence.start..sequence.start + sequence.len]
                .iter()
                .filter(|&&c| class(c).script == script)
                .count()
        })
        .sum()
}

/// Whether `outside` characters of a script outside the sequences, of
/// `written` characters of any script, make a line plainly written in it.
fn is_plain_share(outside: usize, written: usize) -> bool {
    outside >= PLAIN_SCRIPT_LETTERS
        && outside * PLAIN_SCRIPT_SHARE.1 >= written * PLAIN_SCRIPT_SHARE.0
}

/// The share of a line's written characters (numerator, denominator) that
/// must be the script's own, outside candidate sequences, for the line to
/// count as plainly written in that script.
const PLAIN_SCRIPT_SHARE: (usize, usize) = (2, 5);
/// And how many letters that is at least.
const PLAIN_SCRIPT_LETTERS: usize = 6;

/// The pages of the mask `pages` that have no script of their own, plus
/// those with one (`native`) for which `keep(index, page, native)` holds: the
/// shared walk of the checks that spare clean text in a code page's own
/// script.
pub(crate) fn narrow_native_pages(
    pages: u16,
    mut keep: impl FnMut(usize, &CodePage, Script) -> bool,
) -> u16 {
    filter_pages(pages, |index, page| {
        page.native.map_or(true, |native| keep(index, page, native))
    })
}

/// A run of characters that maps back to one valid UTF-8 sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sequence {
    /// Index of the first character (in the line's `char` vector).
    pub start: usize,
    /// Number of characters (2 to 4).
    pub len: usize,
    pub decoded: char,
}

/// What a search for sequences reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Text {
    /// A whole line as it came: what stands before a sequence tells how
    /// the line was written.
    Line,
    /// A whole line that an earlier round mended under the code page it is
    /// read through: as [`Text::Line`], but a pair that only may be a
    /// sequence is one even with no other sequence beside it.
    MendedLine,
    /// A span cut from a line, or a reading of one: a first or last
    /// character without its neighbours, or one repaired once already.
    Span,
}

/// Whether the two-character sequence at `start`, read as `decoded`, is
/// rather plain text: in Latin, the end of a word in capitals (see
/// [`ends_a_word_in_capitals`]); in other scripts:
/// - In a whole line, the last letter of a word and the sign after it,
///   with no sequence right after them: in text read through `page`, a
///   lead byte follows the last byte of the sequence before it, or a
///   space, never a letter of its own script that the page reads as no
///   continuation byte. Russian sets a no-break space after short words
///   (`для\u{a0}беженцев`) and before a dash (`СССР\u{a0}—`); brands in
///   capitals carry `™` (`ВЕКТОР™`). windows-1251 and KOI8-R read such
///   pairs as a letter (`њ`, `К`, `Й`) or swallow the space (`Р`).
/// - A one-letter word and the no-break space after it, which Russian sets
///   after its one-letter prepositions and conjunctions (`В\u{a0}Москве`,
///   `к\u{a0}нему`), unless the pair reads as an everyday letter:
///   `Р\u{a0}` is how windows-1251 shows a word's first `Р`, `Г\u{a0}` a
///   French `à`.
fn is_plain_text_pair(
    chars: &[char],
    start: usize,
    decoded: char,
    page: &CodePage,
    text: Text,
) -> bool {
    // Most pairs are Latin mojibake (`Ã©`): the lead's class settles them.
    let lead = class(chars[start]);
    if !lead.is_letter() {
        return false;
    }
    if is_angstrom_unit(chars, start) {
        return true;
    }
    if lead.script == Script::Latin {
        return text != Text::Span && ends_a_word_in_capitals(chars, start, decoded);
    }
    let script = lead.script;
    // The pair's second character is a space or a sign that text uses,
    // not a letter: a letter there is a word going on (Ukrainian `ї`, a
    // Thai vowel), and a lead standing before one is what a lost byte
    // leaves behind.
    let second = chars[start + 1];
    if class(second).is_letter() {
        return false;
    }
    let before = start.checked_sub(1).map(|before| chars[before]);
    // Quotation marks and dashes are continuation bytes in these code
    // pages, the tail of the sequence before: only a space or an ASCII
    // bracket or quote opens a word here.
    let word_start = before.map_or(true, |before| {
        before.is_whitespace() || matches!(before, '(' | '"' | '\'')
    });
    if word_start {
        return second == '\u{a0}' && !reads_as_everyday_letter(decoded);
    }
    // Text read through windows-874 shows each character beyond ASCII as
    // a whole sequence (Thai `เธ` and one more, Greek `ฮฑ`), so the pair of
    // a real sequence follows the end of another, or a space. A Thai
    // letter after Thai letters that end no sequence is a word's last
    // letter, and the sign after it was set there (`โดย\u{a0}กมลวรรณ`:
    // `ย\u{a0}` also reads as a no-break space).
    let continues = |c: char| {
        page.byte(c)
            .is_some_and(|byte| (0x80..=0xBF).contains(&byte))
    };
    if script == Script::Thai && text != Text::Span {
        let lead_of = |index: usize, length: usize| {
            page.byte(chars[index]).and_then(sequence_length) == Some(length)
        };
        let continuation = |index: usize| continues(chars[index]);
        let after_thai_letter = before.is_some_and(|before| class(before).script == Script::Thai);
        let after_a_sequence = (start >= 2 && lead_of(start - 2, 2) && continuation(start - 1))
            || (start >= 3
                && lead_of(start - 3, 3)
                && continuation(start - 2)
                && continuation(start - 1));
        // A pair that reads as a letter (`ฯ„`, Greek `τ`) is no sign a
        // Thai word ends before.
        if after_thai_letter && !after_a_sequence && !class(decoded).is_letter() {
            return true;
        }
    }
    // Cyrillic and Greek words end before such signs (Thai text read
    // through windows-874 lost bytes where two leads meet: `ัั€`), but
    // not before the box drawing and mathematical signs of KOI8-R and
    // KOI8-U, which half of a line repaired under the one leaves for the
    // other (`гп╬стей`).
    let word_end = text != Text::Span
        && matches!(script, Script::Cyrillic | Script::Greek)
        && !('\u{2200}'..='\u{25FF}').contains(&second)
        && decoded != '\u{a0}'
        && before.is_some_and(|before| {
            let class = class(before);
            class.is_letter() && class.script == script && !continues(before)
        });
    // Nor does another sequence follow at once, as one does where a byte
    // was lost before the pair or a second reading is half done (`РВ\u{a0}Рѕ`).
    word_end
        && !chars.get(start + 2).is_some_and(|&next| {
            page.byte(next).and_then(sequence_length).is_some()
                && chars.get(start + 3).is_some_and(|&c| continues(c))
        })
}

/// Whether `Å²` or `Å³` at `start` is a square or cubic ångström (`40 Å²`)
/// rather than `Ų` or `ų` misread: a word of its own, no letter before it
/// and a space, ASCII punctuation or a closing quotation mark after it.
/// Lithuanian words end in `ų` (`darbų`, `DARBŲ`) and hardly ever open
/// with it, and double damage goes on with more mojibake (`Å²Â§`).
fn is_angstrom_unit(chars: &[char], start: usize) -> bool {
    chars[start] == 'Å'
        && matches!(chars.get(start + 1), Some('²' | '³'))
        && !start
            .checked_sub(1)
            .is_some_and(|before| chars[before].is_alphabetic())
        && chars.get(start + 2).map_or(true, |&after| {
            after.is_whitespace()
                || after.is_ascii_punctuation()
                || matches!(after, '”' | '’' | '»')
        })
}

/// Whether the capital at `start` ends a word written in capitals, which
/// the pair would turn into a small letter or a sign: `IRMÃ\u{a0}—`
/// (Portuguese `irmã` with a no-break space before a dash),
/// `MILCZEĆ\u{a0}—` (Polish, read through windows-1257), `BELGIË™` (`Ë™`
/// is `˙`). Text in capitals damaged in transit reads as capitals once
/// repaired (`Ã‰` is `É`), and signs as the Latin-1 signs (`Â©` is `©`).
fn ends_a_word_in_capitals(chars: &[char], start: usize, decoded: char) -> bool {
    is_last_capital(chars, start)
        && (decoded.is_lowercase()
            || !(decoded.is_alphabetic() || ('\u{80}'..='\u{ff}').contains(&decoded)))
}

/// Whether the capital at `start` ends a word written in capitals before
/// an ellipsis or a quotation mark, which the pair reads as a capital:
/// `AMANHÃ…` (`Å`), `„BABIĆ“` (Croatian, read through windows-1257 as
/// `Ó`), `“IRMÃ”` (`Ô`). Such a pair is as likely a word of capitals
/// damaged in transit (`GANÃ“` is Spanish `GANÓ`), so it is read as a
/// sequence only in a line holding another sequence.
fn ends_a_word_in_capitals_before_a_mark(chars: &[char], start: usize, decoded: char) -> bool {
    decoded.is_uppercase()
        && matches!(chars[start + 1], '…' | '“' | '”')
        && is_last_capital(chars, start)
}

/// Whether the capital at `start` is the last letter of a word written in
/// capitals: a plain capital stands before it, an ASCII letter that no
/// code page reads as part of a sequence, after another capital, and no
/// small letter follows the pair.
fn is_last_capital(chars: &[char], start: usize) -> bool {
    start >= 2
        && chars[start - 1].is_ascii_uppercase()
        && chars[start - 2].is_uppercase()
        && chars[start].is_uppercase()
        && !chars.get(start + 2).is_some_and(|next| next.is_lowercase())
}

/// A letter that costs the judge nothing on its own.
fn reads_as_everyday_letter(decoded: char) -> bool {
    decoded.is_alphabetic() && super::score::char_cost(decoded) == 0.0
}

/// How many bytes a UTF-8 sequence with this lead byte has.
pub(crate) fn sequence_length(lead: u8) -> Option<usize> {
    match lead {
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

/// Every complete, valid multi-byte sequence under `page`, left to right,
/// never overlapping. A sequence whose result no repair may produce
/// (controls, private use, unassigned) is not a candidate.
pub(crate) fn sequences(chars: &[char], page: &CodePage, allow_c1: bool) -> Vec<Sequence> {
    sequences_from(chars, 0..chars.len(), page, allow_c1, Text::Span)
}

/// [`sequences`] of a whole line, as [`LineFacts`] finds them.
#[cfg(test)]
pub(crate) fn line_sequences(chars: &[char], page: &CodePage, allow_c1: bool) -> Vec<Sequence> {
    sequences_from(chars, 0..chars.len(), page, allow_c1, Text::Line)
}

/// The indexes of the characters that stand for a UTF-8 lead byte under
/// some code page and are followed by one that stands for a continuation
/// byte under the same page: the only places a sequence can start,
/// whatever the page. A line read under several code pages finds its
/// sequences from these ([`sequences_at`]) instead of walking every
/// character each time; clean text in a page's own script, whose every
/// letter may stand for a lead byte, has few of them.
#[cfg(test)]
pub(crate) fn pair_positions(chars: &[char]) -> Vec<Pair> {
    let mut positions = Vec::new();
    pair_positions_into(chars, &mut positions);
    positions
}

/// A place where a sequence can start: a character that stands for a UTF-8
/// lead byte followed by one that stands for a continuation byte, under
/// each code page of the mask `pages`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pair {
    /// The char index of the lead.
    pub start: usize,
    pub pages: u16,
}

/// [`pair_positions`] into `positions` (emptied first), which keeps its
/// room from one line to the next.
fn pair_positions_into(chars: &[char], positions: &mut Vec<Pair>) {
    let masks = candidate_masks();
    positions.clear();
    let mut lead = 0u16;
    for (index, &c) in chars.iter().enumerate() {
        if c.is_ascii() {
            lead = 0;
            continue;
        }
        let (its_lead, continuation) = masks.get(c);
        if lead & continuation != 0 {
            positions.push(Pair {
                start: index - 1,
                pages: lead & continuation,
            });
        }
        lead = its_lead;
    }
}

/// [`sequences`], given the line's [`pair_positions`].
#[cfg(test)]
pub(crate) fn sequences_at(
    chars: &[char],
    pairs: &[Pair],
    page: &CodePage,
    allow_c1: bool,
) -> Vec<Sequence> {
    let index = code_pages()
        .iter()
        .position(|listed| std::ptr::eq(listed, page))
        .expect("a listed code page");
    let mut found = Vec::new();
    sequences_of_pairs_into(
        chars,
        pairs,
        1 << index,
        page,
        allow_c1,
        Text::Span,
        &mut found,
    );
    found
}

/// The sequences that start at the `starts` (increasing indexes) and do
/// not overlap an earlier one.
fn sequences_from(
    chars: &[char],
    starts: impl Iterator<Item = usize>,
    page: &CodePage,
    allow_c1: bool,
    text: Text,
) -> Vec<Sequence> {
    let mut found = Vec::new();
    sequences_into(chars, starts, page, allow_c1, text, &mut found);
    found
}

/// [`sequences_from`] into `found` (emptied first).
fn sequences_into(
    chars: &[char],
    starts: impl Iterator<Item = usize>,
    page: &CodePage,
    allow_c1: bool,
    text: Text,
    found: &mut Vec<Sequence>,
) {
    found.clear();
    // Room for a sequence at every start, so that finding them never
    // grows the vector.
    found.reserve(starts.size_hint().0);
    let mut weak = 0;
    let mut free_from = 0;
    for index in starts {
        if index < free_from {
            continue;
        }
        let Some(lead) = page.byte(chars[index]) else {
            continue;
        };
        let Some(length) = sequence_length(lead) else {
            continue;
        };
        // Most leads in text are letters followed by another letter: look
        // at the next character before the whole window.
        let Some(second) = chars.get(index + 1).and_then(|&next| page.byte(next)) else {
            continue;
        };
        if !(0x80..=0xBF).contains(&second) {
            continue;
        }
        let decoded = if length == 2 {
            two_byte_reading([lead, second], allow_c1)
        } else {
            decode_at(chars, index, [lead, second], length, page, allow_c1)
        };
        if let Some(decoded) = decoded.filter(|&decoded| {
            length != 2 || !is_plain_text_pair(chars, index, decoded, page, text)
        }) {
            weak += usize::from(only_beside_a_sequence(chars, index, length, decoded, text));
            found.push(Sequence {
                start: index,
                len: length,
                decoded,
            });
            free_from = index + length;
        }
    }
    keep_beside_a_sequence(found, weak);
}

/// Whether the `length`-character sequence at `start`, read as `decoded`,
/// only may be one: it counts in a whole line only beside another
/// ([`ends_a_word_in_capitals_before_a_mark`]).
fn only_beside_a_sequence(
    chars: &[char],
    start: usize,
    length: usize,
    decoded: char,
    text: Text,
) -> bool {
    length == 2
        && text == Text::Line
        && ends_a_word_in_capitals_before_a_mark(chars, start, decoded)
}

/// Empties `found` when all of its sequences are pairs that only may be
/// sequences (`weak` of them, see [`only_beside_a_sequence`]): they stand
/// only beside a sequence.
fn keep_beside_a_sequence(found: &mut Vec<Sequence>, weak: usize) {
    if weak == found.len() {
        found.clear();
    }
}

/// [`sequences_into`] from the line's pairs, for the code page `page`
/// whose bit in a mask is `page_bit`: a sequence under it can start only
/// at a pair with that bit, whose two characters are known to stand for
/// a lead byte and a continuation byte under it, so the other pairs are
/// passed over without reading a byte.
fn sequences_of_pairs_into(
    chars: &[char],
    pairs: &[Pair],
    page_bit: u16,
    page: &CodePage,
    allow_c1: bool,
    text: Text,
    found: &mut Vec<Sequence>,
) {
    found.clear();
    // Room for a sequence at every pair, so that finding them never grows
    // the vector.
    found.reserve(pairs.len());
    let mut weak = 0;
    let mut free_from = 0;
    for &Pair { start, pages } in pairs {
        if pages & page_bit == 0 || start < free_from {
            continue;
        }
        let (Some(lead), Some(second)) = (page.byte(chars[start]), page.byte(chars[start + 1]))
        else {
            continue;
        };

        let (decoded, length) = match lead {
            0xC2..=0xDF => (two_byte_reading([lead, second], allow_c1), 2),
            0xE0..=0xEF => (
                decode_at(chars, start, [lead, second], 3, page, allow_c1),
                3,
            ),
            0xF0..=0xF4 => (
                decode_at(chars, start, [lead, second], 4, page, allow_c1),
                4,
            ),
            _ => continue,
        };
        if let Some(decoded) = decoded.filter(|&decoded| {
            length != 2 || !is_plain_text_pair(chars, start, decoded, page, text)
        }) {
            weak += usize::from(only_beside_a_sequence(chars, start, length, decoded, text));
            found.push(Sequence {
                start,
                len: length,
                decoded,
            });
            free_from = start + length;
        }
    }
    keep_beside_a_sequence(found, weak);
}

/// The character the `length` characters from `start` decode to under
/// `page`, whose first two stand for the bytes `first_two` (a lead of a
/// three- or four-byte sequence and a continuation byte). Two-byte
/// sequences take [`two_byte_reading`]. The same tests as
/// [`decode_utf8_sequence`] makes, on bytes the caller has partly checked.
#[inline(always)]
fn decode_at(
    chars: &[char],
    start: usize,
    [lead, second]: [u8; 2],
    length: usize,
    page: &CodePage,
    allow_c1: bool,
) -> Option<char> {
    // The second byte's range is narrower after some leads: that is what
    // rules out overlong forms, surrogates and code points too large.
    let second_fits = match lead {
        0xE0 => second >= 0xA0,
        0xED => second <= 0x9F,
        0xF0 => second >= 0x90,
        0xF4 => second <= 0x8F,
        _ => true,
    };
    if !second_fits {
        return None;
    }
    let mut code = (u32::from(lead) & (0x7F >> length)) << 6 | u32::from(second & 0x3F);
    for offset in 2..length {
        let byte = page.byte(*chars.get(start + offset)?)?;
        if !(0x80..=0xBF).contains(&byte) {
            return None;
        }
        code = code << 6 | u32::from(byte & 0x3F);
    }
    let decoded = char::from_u32(code)?;
    if thai_read_as_symbol(&chars[start..start + length], decoded) {
        return None;
    }
    if allow_c1 && is_middle_step(decoded) {
        return Some(decoded);
    }
    is_producible(decoded).then_some(decoded)
}

/// Whether `decoded` is a symbol read from Thai letters alone. Thai
/// letters are windows-874's lead and continuation bytes, and a leading
/// vowel with two consonants is often valid UTF-8: `โคก` is `E2 A4 A1`,
/// `⤡`. Through the lead `โ` (E2) such words read as arrows, Braille or
/// mathematical signs; the symbols real text holds (`’`, `—`, `€`, emoji)
/// all have a byte that is no Thai letter. Thai letters do read into
/// Indic, Vietnamese, Chinese or Japanese text damaged through windows-874
/// (`เคช`, `แปง`, `ไธญ`, `ใฏ` with its lost byte): those the judge weighs.
pub(super) fn thai_read_as_symbol(chars: &[char], decoded: char) -> bool {
    ('\u{2000}'..='\u{2FFF}').contains(&decoded) && chars.iter().all(|&c| is_thai(c))
}

/// A character of the Thai block.
pub(super) fn is_thai(c: char) -> bool {
    ('\u{0E01}'..='\u{0E5B}').contains(&c)
}

/// What [`decode_at`] would give for a two-byte sequence, a lead (C2 to DF) and a
/// continuation byte. Most sequences in text are two bytes long (a Thai,
/// Greek or Cyrillic letter before a continuation): such a pair always
/// encodes one code point below U+0800, and a table says whether it is
/// taken.
#[inline]
fn two_byte_reading([lead, continuation]: [u8; 2], allow_c1: bool) -> Option<char> {
    // Always below U+0800: the mask only lets the table be read without
    // a bounds check.
    let code = two_byte_code_point(lead, continuation) & 0x7FF;
    let wanted = if allow_c1 { TAKEN_WITH_C1 } else { TAKEN };
    if two_byte_readings()[code as usize] & wanted == 0 {
        return None;
    }
    char::from_u32(code)
}

/// In [`two_byte_readings`]: a repair may produce the code point.
const TAKEN: u8 = 1;
/// In [`two_byte_readings`]: a repair may produce the code point, or it
/// is a middle step of double damage, taken where those are allowed.
const TAKEN_WITH_C1: u8 = 2;

/// For each code point below U+0800 (a two-byte sequence), whether it is
/// taken as a reading ([`TAKEN`], [`TAKEN_WITH_C1`]): the tests
/// [`decode_at`] makes of longer sequences' results, worked out once.
fn two_byte_readings() -> &'static [u8; 0x800] {
    static READINGS: OnceLock<[u8; 0x800]> = OnceLock::new();
    READINGS.get_or_init(|| {
        std::array::from_fn(|code| {
            let Some(c) = char::from_u32(code as u32) else {
                return 0;
            };
            let producible = is_producible(c);
            let mut taken = 0;
            if producible {
                taken |= TAKEN;
            }
            if producible || is_middle_step(c) {
                taken |= TAKEN_WITH_C1;
            }
            taken
        })
    })
}

/// Whether a repair may produce `c`: not a control, private use,
/// unassigned or a noncharacter.
fn is_producible(c: char) -> bool {
    !(class(c).is_forbidden() || is_noncharacter(c))
}

/// The one character that `bytes` (a whole UTF-8 sequence of two to four
/// bytes) encodes, if they are valid UTF-8: the lead's length, continuation
/// bytes, and no overlong form, surrogate or code point past U+10FFFF.
#[inline]
pub(crate) fn decode_utf8_sequence(bytes: &[u8]) -> Option<char> {
    let (&lead, rest) = bytes.split_first()?;
    if sequence_length(lead) != Some(bytes.len()) {
        return None;
    }
    // The second byte's range is narrower after some leads: that is what
    // rules out overlong forms, surrogates and code points too large.
    let second = (*rest.first()?, 0x80..=0xBF);
    let second_range = match lead {
        0xE0 => 0xA0..=0xBF,
        0xED => 0x80..=0x9F,
        0xF0 => 0x90..=0xBF,
        0xF4 => 0x80..=0x8F,
        _ => second.1,
    };
    if !second_range.contains(&second.0) {
        return None;
    }
    let mut code = u32::from(lead) & (0x7F >> bytes.len());
    for &byte in rest {
        if !(0x80..=0xBF).contains(&byte) {
            return None;
        }
        code = code << 6 | u32::from(byte & 0x3F);
    }
    char::from_u32(code)
}

/// Characters that are never a final result but can be the middle step
/// of double damage: C1 controls (the first code page left a byte
/// undefined) and the Apple logo U+F8FF, a private-use character that
/// mac-roman shows for byte 0xF0, the lead byte of every emoji.
pub(crate) fn is_middle_step(c: char) -> bool {
    ('\u{80}'..='\u{9F}').contains(&c) || c == '\u{F8FF}'
}

fn is_noncharacter(c: char) -> bool {
    let code = c as u32;
    (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::mojibake::codepages::code_pages;

    #[test]
    fn clean_text_has_no_candidates() {
        assert_eq!(candidate_pages("plain ascii text"), 0);
        assert_eq!(candidate_pages("Déjà vu, naïve café"), 0);
    }

    #[test]
    fn mojibake_has_candidates() {
        assert_ne!(candidate_pages("cafÃ©"), 0);
        assert_ne!(candidate_pages("Putinโ€™s"), 0);
    }

    #[test]
    fn ordinary_letters_of_a_page_own_script_are_not_judged() {
        let clean_text = "นายกรัฐมนตรีกล่าวว่ารัฐบาลจะเพิ่มงบประมาณ";
        let clean: Vec<char> = clean_text.chars().collect();
        let damaged: Vec<char> = "เธ™เธฒเธขเธ\u{81}".chars().collect();
        let thai = code_pages()
            .iter()
            .position(|page| page.reason == "mojibake.windows-874")
            .unwrap();
        assert_ne!(candidate_pages(clean_text) & 1 << thai, 0);
        assert_eq!(
            pages_worth_judging(&mut LineFacts::new(&clean), 1 << thai),
            0
        );
        assert_ne!(
            pages_worth_judging(&mut LineFacts::new(&damaged), 1 << thai),
            0
        );
    }

    fn page_index(reason: &str) -> usize {
        code_pages()
            .iter()
            .position(|page| page.reason == reason)
            .unwrap()
    }

    #[test]
    fn a_line_plainly_in_a_page_own_script_is_not_judged_at_word_ends() {
        // `ัก` and `าณ` end words before a space or a number.
        let clean: Vec<char> = "นายสมชาย ใจดี กล่าวว่ารัฐบาลจะจัดสรรงบประมาณ 571 ล้านบาทเพื่อช่วยเหลือเกษตรกร ผู้ประกอบการรายหนึ่งในพื้นที่ปรับตัวได้เป็นอย่างดี".chars().collect();
        let thai = page_index("mojibake.windows-874");
        assert_eq!(
            pages_worth_judging(&mut LineFacts::new(&clean), 1 << thai),
            0
        );
    }

    /// The code pages of the mask `pages` worth judging on `line`.
    fn worth_judging(line: &str) -> u16 {
        let chars: Vec<char> = line.chars().collect();
        pages_worth_judging(&mut LineFacts::new(&chars), candidate_pages(line))
    }

    #[test]
    fn a_lone_letter_and_sign_on_a_line_plainly_in_the_page_script_is_not_judged() {
        // `п°` is D0 9C under KOI8-R, which reads as `М`.
        let koi8_r = 1 << page_index("mojibake.koi8-r");
        let clean = "Температура воздуха составила 25 п° ночью.";
        assert_ne!(candidate_pages(clean) & koi8_r, 0);
        assert_eq!(worth_judging(clean) & koi8_r, 0);
        assert_eq!(
            worth_judging("Обозначения п° и п² встречаются в таблице.") & koi8_r,
            0
        );
        // Russian read through KOI8-R: every letter is such a pair.
        assert_ne!(
            worth_judging("п°п╬я│п╨п╡п╟ пЁп╬я┌п╬п╡п╦я┌я│я▐.") & koi8_r,
            0
        );
        // Beside the rest of a damaged phrase, a lone pair is judged too.
        assert_ne!(worth_judging("Цены выросли п╡ п°п╬я│п╨п╡п╣.") & koi8_r, 0);
        // A box-drawing sign is no sign text sets after a letter: `п╡` is
        // a damaged `в`.
        assert_ne!(
            worth_judging("Цены на хлеб выросли п╡ этом месяце.") & koi8_r,
            0
        );
    }

    #[test]
    fn a_lone_pair_of_scripts_the_line_writes_nowhere_else_is_not_judged() {
        // `Ω±` is D9 B1 under windows-1253, which reads as an Arabic letter.
        let greek = 1 << page_index("mojibake.windows-1253");
        let clean = "The resistor is 10 kΩ±5% at room temperature.";
        assert_ne!(candidate_pages(clean) & greek, 0);
        assert_eq!(worth_judging(clean) & greek, 0);
        assert_eq!(worth_judging("The Ω± part and the Ω² term.") & greek, 0);
        // Arabic read through windows-1253 is all such pairs, side by side.
        assert_ne!(worth_judging("Ψ¨Ψ³Ψ±ΨΉΨ© Ψ§Ω„Ψ§Ω‚Ψ") & greek, 0);
        // Where the line writes the reading's script, the pair is judged.
        assert_ne!(worth_judging("قال الوزير Ω± إن") & greek, 0);
    }

    #[test]
    fn a_lone_pair_that_reads_as_a_shared_sign_is_judged() {
        // `В°` is C2 B0 under windows-1251: the degree sign.
        let cyrillic = 1 << page_index("mojibake.windows-1251");
        assert_ne!(
            worth_judging("Температура воздуха составила 25 В°C ночью.") & cyrillic,
            0
        );
    }

    #[test]
    fn another_language_misread_through_a_native_page_is_still_judged() {
        // Russian whose every letter comes out as a Thai letter under
        // windows-874 (`дело` is `ะดะตะปะพ`): all of it is sequences, so the
        // line is not plainly Thai and its word ends are judged.
        let russian = "дело было вечером";
        let thai = page_index("mojibake.windows-874");
        let page = &code_pages()[thai];
        let damaged: String = russian
            .bytes()
            .map(|byte| {
                if byte < 0x80 {
                    char::from(byte)
                } else {
                    page.high[usize::from(byte - 0x80)]
                }
            })
            .collect();
        let chars: Vec<char> = damaged.chars().collect();
        let found = sequences(&chars, page, true);
        assert!(!plainly_in_script(&chars, &found, Script::Thai));
        assert_ne!(
            pages_worth_judging(&mut LineFacts::new(&chars), candidate_pages(&damaged)) & 1 << thai,
            0
        );
    }

    #[test]
    fn sequences_follow_utf8_rules() {
        let page = &code_pages()[0];
        let chars: Vec<char> = "SÃO cafÃ©".chars().collect();
        let found = sequences(&chars, page, false);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].decoded, 'é');
    }

    #[test]
    fn sequences_decode_exactly_as_the_standard_library_does() {
        // Every two-byte sequence, and every three- and four-byte one whose
        // later bytes are the edges of the continuation range.
        let continuations = [0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0];
        let mut cases: Vec<Vec<u8>> = Vec::new();
        for lead in 0x80..=0xFFu8 {
            for second in 0x00..=0xFFu8 {
                cases.push(vec![lead, second]);
                for &third in &continuations {
                    cases.push(vec![lead, second, third]);
                    for &fourth in &continuations {
                        cases.push(vec![lead, second, third, fourth]);
                    }
                }
            }
        }
        for bytes in cases {
            // Only a slice that is exactly one character decodes.
            let expected = std::str::from_utf8(&bytes).ok().and_then(|text| {
                let mut chars = text.chars();
                chars.next().filter(|_| chars.next().is_none())
            });
            assert_eq!(decode_utf8_sequence(&bytes), expected, "{bytes:02X?}");
        }
    }

    #[test]
    fn two_byte_readings_follow_the_whole_sequence_rules() {
        for lead in 0xC2..=0xDFu8 {
            for continuation in 0x80..=0xBFu8 {
                for allow_c1 in [false, true] {
                    let decoded = decode_utf8_sequence(&[lead, continuation]).unwrap();
                    let expected = (allow_c1 && is_middle_step(decoded)
                        || !(class(decoded).is_forbidden() || is_noncharacter(decoded)))
                    .then_some(decoded);
                    assert_eq!(
                        two_byte_reading([lead, continuation], allow_c1),
                        expected,
                        "{lead:02X} {continuation:02X} {allow_c1}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_pre_scan_pairs_across_every_kind_of_neighbour() {
        // A lead then a continuation, and a capital before a lost byte;
        // ASCII between them breaks the pair.
        assert_ne!(candidate_pages("x cafÃ©"), 0);
        assert_ne!(candidate_pages("Ã? verdade"), 0);
        assert_eq!(candidate_pages("Ãx© and Ã"), 0);
        assert_eq!(candidate_pages("é"), 0);
    }

    /// The pre-scan's rule spelled out over characters.
    fn candidate_pages_reference(line: &str) -> u16 {
        let masks = candidate_masks();
        let chars: Vec<char> = line.chars().collect();
        chars.windows(2).fold(0, |found, pair| {
            let lead = masks.get(pair[0]).0;
            let capital = ('\u{C2}'..='\u{DF}').contains(&pair[0]);
            if capital && matches!(pair[1], '?' | ' ' | '\u{FFFD}') {
                found | lead
            } else {
                found | lead & masks.get(pair[1]).1
            }
        })
    }

    proptest::proptest! {
        #[test]
        fn the_byte_level_pre_scan_follows_the_rule(
            line in "[a ?\u{80}-\u{2FF}\u{400}-\u{45F}\u{5D0}-\u{5EA}\u{600}-\u{6FF}\u{800}-\u{FFF}\u{E00}-\u{E7F}\u{2000}-\u{2FFF}\u{2010}-\u{2122}\u{2500}-\u{25A0}\u{4E00}-\u{4E10}\u{FB01}\u{F8FF}\u{FFFD}\u{1F600}]{0,24}"
        ) {
            proptest::prop_assert_eq!(candidate_pages(&line), candidate_pages_reference(&line));
        }
    }

    proptest::proptest! {
        #[test]
        fn the_pre_scan_finds_the_pair_positions(
            line in "[a ?\u{80}-\u{2FF}\u{400}-\u{45F}\u{5D0}-\u{5EA}\u{600}-\u{6FF}\u{E00}-\u{E7F}\u{2010}-\u{2122}\u{2500}-\u{25A0}\u{4E00}-\u{4E10}\u{FB01}\u{F8FF}\u{FFFD}\u{1F600}]{0,24}"
        ) {
            let chars: Vec<char> = line.chars().collect();
            let mut room = FactsRoom::default();
            room.pairs.push(Pair { start: 99, pages: 1 });
            proptest::prop_assert_eq!(candidate_pages_into(&line, &mut room), candidate_pages(&line));
            proptest::prop_assert_eq!(&room.pairs, &pair_positions(&chars));
        }
    }

    proptest::proptest! {
        #[test]
        fn the_pre_scan_that_keeps_the_characters_is_the_pre_scan_and_a_decode(
            line in "([a-z ?.,]{0,12}[a ?\u{80}-\u{2FF}\u{400}-\u{45F}\u{5D0}-\u{5EA}\u{E00}-\u{E7F}\u{2010}-\u{2122}\u{2500}-\u{25A0}\u{4E00}-\u{4E10}\u{FB01}\u{F8FF}\u{FFFD}\u{1F600}]{0,6}){0,8}"
        ) {
            let mut room = FactsRoom::default();
            room.pairs.push(Pair { start: 99, pages: 1 });
            let mut chars = vec!['x'; 3];
            // Only lines with a non-ASCII character are asked.
            let Some(first_non_ascii) = next_non_ascii(line.as_bytes(), 0) else {
                return Ok(());
            };
            let pages =
                candidate_pages_and_chars_into(&line, first_non_ascii, &mut room, &mut chars);
            proptest::prop_assert_eq!(pages, candidate_pages(&line));
            let expected: Vec<char> = line.chars().collect();
            if pages == 0 {
                proptest::prop_assert_eq!(&chars, &vec!['x'; 3]);
            } else {
                proptest::prop_assert_eq!(&chars, &expected);
            }
            proptest::prop_assert_eq!(&room.pairs, &pair_positions(&expected));
        }
    }

    proptest::proptest! {
        #[test]
        fn a_count_stopped_once_settled_agrees_with_the_whole_count(
            line in "([a .,»\u{E01}-\u{E4E}\u{370}-\u{3CE}\u{400}-\u{45F}\u{C0}-\u{FF}\u{2013}-\u{2022}]{0,3}[\u{E01}-\u{E4E}]{0,5}[\u{3B1}-\u{3C9}]{0,5}[\u{430}-\u{44F}]{0,5}){0,16}"
        ) {
            let chars: Vec<char> = line.chars().collect();
            let mut facts = LineFacts::new(&chars);
            for (index, page) in code_pages().iter().enumerate() {
                let Some(native) = page.native else {
                    continue;
                };
                let found = line_sequences(&chars, page, true);
                proptest::prop_assert_eq!(
                    facts.plainly(index, page, native),
                    plainly_in_script(&chars, &found, native),
                    "{}", page.reason
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn written_characters_are_counted_as_their_scripts_say(
            chars in proptest::collection::vec(proptest::char::any(), 0..40),
            ascii in "[ -~]{0,20}",
        ) {
            let chars: Vec<char> = chars.into_iter().chain(ascii.chars()).collect();
            for script in [Script::Latin, Script::Greek, Script::Cyrillic, Script::Thai, Script::Common] {
                proptest::prop_assert_eq!(
                    written_counts(&chars, script),
                    written_characters(&chars, script)
                );
            }
        }
    }

    /// What `decode_at` gives, as it was first written: the whole window
    /// through [`decode_utf8_sequence`].
    fn decode_at_reference(
        chars: &[char],
        start: usize,
        first_two: [u8; 2],
        length: usize,
        page: &CodePage,
        allow_c1: bool,
    ) -> Option<char> {
        let window = chars.get(start..start + length)?;
        let mut bytes = [first_two[0], first_two[1], 0, 0];
        for (slot, &c) in bytes.iter_mut().zip(window).skip(2) {
            *slot = page.byte(c)?;
        }
        let decoded = decode_utf8_sequence(&bytes[..length])?;
        if allow_c1 && is_middle_step(decoded) {
            return Some(decoded);
        }
        is_producible(decoded).then_some(decoded)
    }

    #[test]
    fn longer_sequences_decode_as_the_whole_window_does() {
        // Under latin-1 every byte is the character of the same number.
        let page = &code_pages()[page_index("mojibake.latin-1")];
        let tails: Vec<u8> = (0x78..=0xC4).chain([0x00, 0x41, 0xFF]).collect();
        for lead in 0xE0..=0xF4u8 {
            let length = sequence_length(lead).unwrap();
            for second in 0x80..=0xBFu8 {
                for &third in &tails {
                    for &fourth in &tails {
                        let chars: Vec<char> =
                            [lead, second, third, fourth].map(char::from).to_vec();
                        for end in 2..=4 {
                            let chars = &chars[..end];
                            for allow_c1 in [false, true] {
                                let first_two = [lead, second];
                                assert_eq!(
                                    decode_at(chars, 0, first_two, length, page, allow_c1),
                                    decode_at_reference(
                                        chars, 0, first_two, length, page, allow_c1
                                    ),
                                    "{chars:?} {allow_c1}"
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    /// `pages_worth_judging` as it was first written with the checks for
    /// clean text in a page's own script: each sequence asked whether it
    /// is ordinary between letters (or a lone pair of letter and signs
    /// that the line's scripts do not vouch for), then the rest whether
    /// they are on a plain line.
    fn pages_worth_judging_first_written(facts: &mut LineFacts, pages: u16) -> u16 {
        filter_pages(pages, |index, page| {
            if facts.found(index, page).is_empty() {
                return false;
            }
            let native = page.native;
            let is_native = |c: char| Some(class(c).script) == native;
            let chars = facts.chars;
            let ordinary = |sequence: &Sequence, plainly_native: bool| {
                let quiet = |c: char| {
                    is_native(c)
                        || plainly_native && (c.is_whitespace() || c.is_ascii_punctuation())
                };
                let end = sequence.start + sequence.len;
                let left = sequence.start.checked_sub(1).map(|left| chars[left]);
                let right = chars.get(end).copied();
                native.is_some()
                    && !is_native(sequence.decoded)
                    && chars[sequence.start..end].iter().all(|&c| is_native(c))
                    && (left.is_some() || right.is_some())
                    && left.map_or(true, quiet)
                    && right.map_or(true, quiet)
            };
            let found = facts.found(index, page);
            let lone_and_foreign = |at: usize| lone_and_foreign(chars, found, at);
            let lone_and_native = |at: usize| {
                is_lone_letter_and_signs(chars, found, at) && is_native(chars[found[at].start])
            };
            let Some(first_unsettled) = (0..found.len())
                .position(|at| !ordinary(&found[at], false) && !lone_and_foreign(at))
            else {
                return false;
            };
            let ordinary_on_a_plain_line = (first_unsettled..found.len()).all(|at| {
                ordinary(&found[at], true) || lone_and_foreign(at) || lone_and_native(at)
            });
            match native {
                Some(native) if ordinary_on_a_plain_line => !facts.plainly(index, page, native),
                _ => true,
            }
        })
    }

    /// Whether `found[at]` is a lone pair of a letter and signs whose
    /// letter and reading are both of scripts written nowhere on the line
    /// outside the `found` sequences.
    fn lone_and_foreign(chars: &[char], found: &[Sequence], at: usize) -> bool {
        let outside: Vec<Script> = chars
            .iter()
            .enumerate()
            .filter(|&(index, _)| {
                !found
                    .iter()
                    .any(|s| (s.start..s.start + s.len).contains(&index))
            })
            .map(|(_, &c)| class(c).script)
            .filter(|&script| script != Script::Common)
            .collect();
        let written = |script: Script| outside.iter().any(|&other| compatible(other, script));
        let reading = class(found[at].decoded).script;
        is_lone_letter_and_signs(chars, found, at)
            && !written(class(chars[found[at].start]).script)
            && !(reading != Script::Common && written(reading))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn the_pages_worth_judging_read_each_sequence_once_as_first_written(
            line in proptest::prop_oneof![
                // Words of one script between spaces and punctuation, now
                // and then a stray sequence of another.
                "(([\u{E01}-\u{E4E}]{1,10}|[\u{386}-\u{3CE}]{1,10}|[\u{401}-\u{45F}\u{490}\u{491}]{1,10})[ .,:!?\"()«»\u{A0}\u{2013}-\u{201D}]{0,2}){1,14}",
                "([\u{E01}-\u{E5B}]{1,12}[ ,.0-9]{0,2}){1,16}[\u{80}-\u{FF}\u{2013}-\u{2022}]{0,3}([\u{E01}-\u{E5B}]{1,12}[ ,.]{0,2}){0,8}",
                "([ .,:!?\"()a-z0-9\u{A0}\u{2013}-\u{201D}\u{2026}«»]{0,2}([\u{E01}-\u{E5B}]{1,9}|[\u{384}-\u{3CE}]{1,9}|[\u{401}-\u{45F}\u{490}\u{491}]{1,9}|[\u{80}-\u{FF}\u{152}\u{160}\u{178}\u{192}\u{2DC}\u{2122}\u{20AC}]{1,4})){0,12}",
            ]
        ) {
            let chars: Vec<char> = line.chars().collect();
            let pages = candidate_pages(&line);
            let mut facts = LineFacts::new(&chars);
            let mut first_written = LineFacts::new(&chars);
            proptest::prop_assert_eq!(
                pages_worth_judging(&mut facts, pages),
                pages_worth_judging_first_written(&mut first_written, pages)
            );
            // Whether the line is plainly in a script was asked about the
            // same pages.
            proptest::prop_assert_eq!(facts.plain_known, first_written.plain_known);
        }
    }

    /// `pages_worth_judging` as it was first written: every code page
    /// without a script of its own is kept, sequences or not, unless each
    /// of its sequences is a lone pair that the line's scripts do not vouch
    /// for.
    fn pages_worth_judging_reference(facts: &mut LineFacts, pages: u16) -> u16 {
        let chars = facts.chars;
        let native_pages = filter_pages(pages, |_, page| page.native.is_some());
        let kept = filter_pages(pages & !native_pages, |_, page| {
            let found = line_sequences(chars, page, true);
            found.is_empty() || !(0..found.len()).all(|at| lone_and_foreign(chars, &found, at))
        });
        let mut fresh = LineFacts::new(chars);
        kept | pages_worth_judging(&mut fresh, native_pages)
    }

    #[test]
    fn a_capital_before_a_space_alone_is_no_page_worth_judging() {
        // `ß` before a space lets the line through the pre-scan (a lost
        // byte leaves a capital before a space), but no code page finds a
        // sequence on it.
        let line = "„Das ist ein Schritt“, sagte Björn Weiß nach der Sitzung.";
        let chars: Vec<char> = line.chars().collect();
        let pages = candidate_pages(line);
        assert_ne!(pages, 0);
        assert_eq!(pages_worth_judging(&mut LineFacts::new(&chars), pages), 0);
        assert_ne!(
            pages_worth_judging_reference(&mut LineFacts::new(&chars), pages),
            0
        );
    }

    proptest::proptest! {
        #[test]
        fn the_pages_worth_judging_are_those_of_the_rule_that_find_sequences(
            line in "[a ?.\u{80}-\u{FF}\u{152}\u{160}\u{2013}-\u{2022}\u{20AC}\u{402}-\u{45F}\u{386}-\u{3CE}\u{E01}-\u{E5B}\u{2500}-\u{2593}]{0,30}"
        ) {
            let chars: Vec<char> = line.chars().collect();
            let pages = candidate_pages(&line);
            let mut facts = LineFacts::new(&chars);
            let worth = pages_worth_judging(&mut facts, pages);
            let with_sequences = filter_pages(pages, |_, page| {
                !line_sequences(&chars, page, true).is_empty()
            });
            proptest::prop_assert_eq!(
                worth,
                pages_worth_judging_reference(&mut LineFacts::new(&chars), pages) & with_sequences
            );
        }

        #[test]
        fn facts_worked_out_in_a_used_room_are_those_of_a_fresh_one(
            lines in proptest::collection::vec(
                "[a ?.\u{80}-\u{FF}\u{2013}-\u{2022}\u{402}-\u{45F}\u{386}-\u{3CE}\u{E01}-\u{E5B}]{0,30}",
                1..4,
            )
        ) {
            let mut room = FactsRoom::default();
            for line in &lines {
                let chars: Vec<char> = line.chars().collect();
                let mut facts = LineFacts::reusing(&chars, room);
                // The code pages asked about in the order a line asks:
                // those worth judging first, then all of them.
                let candidates = candidate_pages(line);
                let pages = pages_worth_judging(&mut facts, candidates);
                facts.find_under(pages);
                for (index, page) in code_pages().iter().enumerate() {
                    let expected: &[Sequence] = if candidates & 1 << index != 0 {
                        &line_sequences(&chars, page, true)
                    } else {
                        &[]
                    };
                    proptest::prop_assert_eq!(facts.found_at(index), expected);
                    proptest::prop_assert_eq!(
                        facts.found(index, page),
                        &line_sequences(&chars, page, true)[..]
                    );
                    if let Some(native) = page.native {
                        proptest::prop_assert_eq!(
                            facts.plainly(index, page, native),
                            plainly_in_script(&chars, &line_sequences(&chars, page, true), native)
                        );
                    }
                }
                room = facts.into_room();
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn sequences_from_the_pair_positions_are_all_the_sequences(
            line in "[a ?\u{80}-\u{FF}\u{152}\u{160}\u{178}\u{192}\u{2013}-\u{2022}\u{2026}\u{20AC}\u{2122}\u{402}-\u{45F}\u{E01}-\u{E5B}\u{2500}-\u{2593}]{0,30}"
        ) {
            let chars: Vec<char> = line.chars().collect();
            let pairs = pair_positions(&chars);
            // Each pair carries the code pages under which its first
            // character stands for a lead byte and its second for a
            // continuation byte.
            for pair in &pairs {
                let expected = filter_pages(u16::MAX, |_, page| {
                    page.byte(chars[pair.start]).and_then(sequence_length).is_some()
                        && page.byte(chars[pair.start + 1]).is_some_and(|byte| (0x80..=0xBF).contains(&byte))
                });
                proptest::prop_assert_eq!(pair.pages, expected, "{:?}", pair);
            }
            for page in code_pages() {
                for allow_c1 in [false, true] {
                    proptest::prop_assert_eq!(
                        sequences_at(&chars, &pairs, page, allow_c1),
                        sequences(&chars, page, allow_c1),
                        "{}", page.reason
                    );
                }
            }
        }
    }
}
