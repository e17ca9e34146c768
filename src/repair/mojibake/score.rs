//! How implausible a run of characters is: the judge that decides whether a
//! candidate repair makes a line better. Costs come from the character
//! classes generated from Unicode data (script and category) and a few
//! facts about where letters, symbols and quotes stand in real text. The
//! judge only compares two readings of the same span; it never looks for
//! spans itself and never changes text.

use super::tables::CLASS_RUNS;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Script {
    Common,
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    Thai,
    Indic,
    Georgian,
    Han,
    Kana,
    Hangul,
    Other,
    Rare,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Upper,
    Lower,
    OtherLetter,
    Mark,
    Digit,
    OtherNumber,
    Space,
    Punctuation,
    Symbol,
    Control,
    Format,
    PrivateUse,
    Unassigned,
    LineSeparator,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Class {
    pub script: Script,
    pub kind: Kind,
}

pub(crate) const SCRIPTS: [Script; 15] = [
    Script::Common,
    Script::Latin,
    Script::Greek,
    Script::Cyrillic,
    Script::Armenian,
    Script::Hebrew,
    Script::Arabic,
    Script::Thai,
    Script::Indic,
    Script::Georgian,
    Script::Han,
    Script::Kana,
    Script::Hangul,
    Script::Other,
    Script::Rare,
];

const KINDS: [Kind; 14] = [
    Kind::Upper,
    Kind::Lower,
    Kind::OtherLetter,
    Kind::Mark,
    Kind::Digit,
    Kind::OtherNumber,
    Kind::Space,
    Kind::Punctuation,
    Kind::Symbol,
    Kind::Control,
    Kind::Format,
    Kind::PrivateUse,
    Kind::Unassigned,
    Kind::LineSeparator,
];

/// Below this code point, classes come from a flat table (every script a
/// mojibake reading can land in lives there), above it from the runs.
const DENSE_LIMIT: u32 = 0x3100;
/// [`DENSE_LIMIT`] as a length.
const DENSE_LEN: usize = DENSE_LIMIT as usize;

/// Every class below [`DENSE_LIMIT`], decoded once: the judge asks for
/// the class of each character several times, and text in every script a
/// mojibake reading lands in is answered by one load.
#[inline]
fn dense_classes() -> &'static [Class; DENSE_LEN] {
    static DENSE: OnceLock<Box<[Class; DENSE_LEN]>> = OnceLock::new();
    DENSE.get_or_init(|| {
        let mut dense = Box::new([unpack(0); DENSE_LEN]);
        for (index, window) in CLASS_RUNS.windows(2).enumerate() {
            let (start, value) = CLASS_RUNS[index];
            let end = window[1].0.min(DENSE_LIMIT);
            for slot in dense.iter_mut().take(end as usize).skip(start as usize) {
                *slot = unpack(value);
            }
            if window[1].0 >= DENSE_LIMIT {
                break;
            }
        }
        for (code, slot) in dense.iter_mut().enumerate().take(0x80) {
            *slot = ascii_class(code as u8);
        }
        // The micro sign is a unit symbol in practice, whatever its category.
        dense['µ' as usize] = Class {
            script: Script::Common,
            kind: Kind::Symbol,
        };
        dense
    })
}

/// A class as the generated runs store it: script in the high nibble,
/// kind in the low one.
fn unpack(value: u8) -> Class {
    Class {
        script: SCRIPTS
            .get(usize::from(value >> 4))
            .copied()
            .unwrap_or(Script::Rare),
        kind: KINDS
            .get(usize::from(value & 0xF))
            .copied()
            .unwrap_or(Kind::Unassigned),
    }
}

fn ascii_class(byte: u8) -> Class {
    let c = char::from(byte);
    let kind = match c {
        'A'..='Z' => Kind::Upper,
        'a'..='z' => Kind::Lower,
        '0'..='9' => Kind::Digit,
        ' ' => Kind::Space,
        '\u{0}'..='\u{1F}' | '\u{7F}' => Kind::Control,
        '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~' => Kind::Symbol,
        _ => Kind::Punctuation,
    };
    let script = if c.is_ascii_alphabetic() {
        Script::Latin
    } else {
        Script::Common
    };
    Class { script, kind }
}

/// The class of `c`. Most characters asked about lie below
/// [`DENSE_LIMIT`] and take one load here, in the caller's own code; the
/// rest go through [`high_class`].
#[inline]
pub(crate) fn class(c: char) -> Class {
    class_lookup()(c)
}

/// [`class`] with the table at hand: for a loop that asks about many
/// characters, which then need not see each time whether it is built.
#[inline]
pub(crate) fn class_lookup() -> impl Fn(char) -> Class + Copy {
    let dense = dense_classes();
    move |c| match dense.get(c as usize) {
        Some(&class) => class,
        None => high_class(c as u32),
    }
}

/// How many of `chars` are written in a script (letters and marks of a
/// script other than the common one; ASCII letters are Latin, the rest of
/// ASCII is common), and how many of those in `script`: one class look-up
/// per character, and no branch on what it finds.
pub(crate) fn written_counts(chars: &[char], script: Script) -> (usize, usize) {
    let dense = dense_classes();
    let mut written = 0;
    let mut of_script = 0;
    for &c in chars {
        let class = match dense.get(c as usize) {
            Some(&class) => class,
            None => high_class(c as u32),
        };
        let is_written = class.script != Script::Common;
        written += usize::from(is_written);
        of_script += usize::from(is_written && class.script == script);
    }
    (written, of_script)
}

/// [`class`] of a code point at or above [`DENSE_LIMIT`].
#[inline(never)]
fn high_class(code: u32) -> Class {
    if let Some(class) = uniform_blocks()
        .get((code >> 8) as usize)
        .copied()
        .flatten()
    {
        return class;
    }
    class_from_runs(code)
}

/// The class of `code` as the generated runs give it.
fn class_from_runs(code: u32) -> Class {
    let run = CLASS_RUNS.partition_point(|&(start, _)| start <= code);
    unpack(CLASS_RUNS[run.saturating_sub(1)].1)
}

/// For each block of 256 code points in the Basic Multilingual Plane, its
/// one class when all of the block has it: Chinese, Japanese and Korean
/// text lies above [`DENSE_LIMIT`] in such blocks, and answering them
/// without a search keeps judging that text cheap.
fn uniform_blocks() -> &'static [Option<Class>] {
    static UNIFORM: OnceLock<Vec<Option<Class>>> = OnceLock::new();
    UNIFORM.get_or_init(|| {
        (0..0x100u32)
            .map(|block| {
                let first = block << 8;
                let last = first | 0xFF;
                // The block is uniform when no run starts inside it after
                // its first code point.
                let runs_inside = CLASS_RUNS.partition_point(|&(start, _)| start <= last)
                    - CLASS_RUNS.partition_point(|&(start, _)| start <= first);
                (first >= DENSE_LIMIT && runs_inside == 0).then(|| class_from_runs(first))
            })
            .collect()
    })
}

impl Class {
    pub fn is_letter(self) -> bool {
        matches!(self.kind, Kind::Upper | Kind::Lower | Kind::OtherLetter)
    }

    /// Characters no repair may produce.
    pub fn is_forbidden(self) -> bool {
        matches!(
            self.kind,
            Kind::Control | Kind::PrivateUse | Kind::Unassigned | Kind::LineSeparator
        )
    }
}

/// Scripts that may stand side by side inside a word.
pub(crate) fn compatible(a: Script, b: Script) -> bool {
    let east_asian = |s| matches!(s, Script::Han | Script::Kana | Script::Hangul);
    if a == Script::Rare || b == Script::Rare {
        // A catch-all of unrelated scripts: it vouches for nothing.
        return a == Script::Common || b == Script::Common;
    }
    a == b || a == Script::Common || b == Script::Common || (east_asian(a) && east_asian(b))
}

/// Latin letters that real text rarely uses: most of Latin Extended-B, IPA
/// and the unusual parts of Latin Extended Additional (Vietnamese stays).
fn is_rare_latin(c: char) -> bool {
    let code = c as u32;
    match code {
        // Ș ș Ț ț (Romanian), Ə ə (Azerbaijani), ƒ, Ơ ơ Ư ư (Vietnamese).
        0x218..=0x21B | 0x18F | 0x259 | 0x192 | 0x1A0 | 0x1A1 | 0x1AF | 0x1B0 => false,
        // Pinyin tone letters ǎ ǐ ǒ ǔ and their capitals.
        0x1CD..=0x1DC => false,
        0x180..=0x24F | 0x250..=0x2AF | 0x1D00..=0x1DBF => true,
        0x1E00..=0x1E9F | 0x1EFA..=0x1EFF => true,
        0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xAB30..=0xAB6F => true,
        _ => false,
    }
}

/// What a single character costs, whatever stands around it.
#[inline]
pub(crate) fn char_cost(c: char) -> f32 {
    traits(c).cost
}

/// [`char_cost`] worked out from the character's class.
fn char_cost_of(c: char, class: Class) -> f32 {
    match class.kind {
        Kind::Control => {
            if c == '\t' || c == '\n' || c == '\r' {
                0.0
            } else {
                6.0
            }
        }
        Kind::PrivateUse | Kind::Unassigned => 20.0,
        Kind::LineSeparator => 4.0,
        Kind::Format => match c {
            '\u{200D}' | '\u{200C}' => 0.5,
            '\u{AD}' => 1.0,
            '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}' => 1.5,
            // Prepended concatenation marks and the like: never plain text.
            _ => 4.0,
        },
        Kind::Space => match c {
            ' ' => 0.0,
            '\u{A0}' => 0.5,
            '\u{3000}' => 0.0,
            _ => 1.0,
        },
        Kind::Upper | Kind::Lower | Kind::OtherLetter => letter_cost(c, class.script),
        // Text is NFC: Latin combining accents rarely stand alone, while the
        // marks of Thai, Indic, Hebrew and Arabic writing are everyday.
        Kind::Mark => match c as u32 {
            // Latin combining accents, and Cyrillic titlos and the like
            // (Church Slavonic, never news text: `PERÒ…` reads as U+0485).
            0x300..=0x36F | 0x483..=0x489 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF => {
                3.0
            }
            _ if class.script == Script::Rare => RARE_COST,
            _ => 0.0,
        },
        // News text writes numbers in ASCII digits almost everywhere.
        Kind::Digit if !c.is_ascii() => 1.0,
        Kind::Digit => 0.0,
        Kind::OtherNumber => match c {
            '²' | '³' | '¹' | '½' | '¼' | '¾' => 0.6,
            _ => 1.0,
        },
        Kind::Punctuation | Kind::Symbol if class.script == Script::Rare => RARE_COST,
        Kind::Punctuation => punctuation_cost(c),
        Kind::Symbol => symbol_cost(c),
    }
}

/// What a letter, mark or punctuation sign of a script news text hardly
/// uses costs ([`Script::Rare`]).
const RARE_COST: f32 = 2.0;

fn letter_cost(c: char, script: Script) -> f32 {
    match script {
        Script::Rare => RARE_COST,
        Script::Other => 0.5,
        Script::Latin if is_rare_latin(c) => 2.0,
        Script::Latin => match c {
            // Capitals that real text shows mostly at the start of a word
            // or in capitals, and that mojibake shows everywhere.
            'Â' | 'Ð' | 'Ă' | 'Đ' | 'Ĺ' | 'Ń' | 'Ř' => 0.5,
            'Ã' | 'Ï' | 'Î' | 'Ù' | 'Ê' | 'Ë' | 'Ì' | 'Ò' | 'Õ' | 'Û' | 'Ý' | 'Þ' | 'Ĳ' => {
                0.3
            }
            'Ø' | 'Å' | 'Ä' | 'Æ' | 'Œ' | 'Ÿ' | 'þ' | 'ð' => 0.2,
            'å' | 'ø' | 'æ' | 'ì' | 'ò' | 'ù' | 'ÿ' | 'ĳ' | 'ŀ' | 'ĸ' | 'ŉ' | 'ſ' => {
                0.2
            }
            // The florin sign in practice, and mac-roman's reading of the
            // lead byte C4 (`ę` is `ƒô`): never inside a word of a language
            // written with the Latin letters of news text.
            'ƒ' => 1.0,
            _ => 0.0,
        },
        Script::Greek => match c as u32 {
            // Modern Greek; the archaic letters, Coptic and the variant
            // forms around them (`Ϡ`, `Ϙ`, `ϕ`) are no news text's.
            0x386..=0x3CE => 0.0,
            0x370..=0x3FF => RARE_COST,
            _ => 1.0,
        },
        Script::Cyrillic => match c as u32 {
            0x410..=0x44F | 0x401 | 0x451 => 0.0,
            // Ukrainian, Belarusian, Serbian and Macedonian letters.
            0x400..=0x45F => 0.2,
            0x490 | 0x491 => 0.2,
            _ => 1.0,
        },
        Script::Arabic => match c as u32 {
            0x600..=0x6FF => 0.0,
            _ => 1.0,
        },
        _ => 0.0,
    }
}

fn punctuation_cost(c: char) -> f32 {
    match c {
        '“' | '”' | '‘' | '’' | '«' | '»' | '—' | '–' | '…' | '¡' | '¿' | '·' | '•' | '„' => {
            0.2
        }
        // Punctuation of other scripts, everyday where those scripts are.
        '。' | '、' | '「' | '」' | '『' | '』' | '《' | '》' | '，' | '：' | '！' | '？'
        | '（' | '）' => 0.2,
        '\u{55A}'..='\u{55F}'
        | '\u{589}'
        | '\u{5BE}'
        | '\u{5F3}'
        | '\u{5F4}'
        | '\u{60C}'
        | '\u{61B}'
        | '\u{61F}'
        | '\u{6D4}'
        | '\u{E4F}'
        | '\u{E5A}'
        | '\u{E5B}'
        | '\u{964}'
        | '\u{965}' => 0.2,
        '‚' | '‹' | '›' => 0.5,
        '†' | '‡' | '‰' | '‐' | '‛' | '‟' | '§' | '¶' => 0.8,
        _ if !c.is_ascii() => 0.8,
        _ => 0.0,
    }
}

/// The script whose text alone uses the punctuation mark `c` (none for
/// shared marks, and for CJK marks, which follow Latin words in Chinese
/// and Japanese text).
fn punctuation_script(c: char) -> Option<Script> {
    match c {
        '\u{60C}' | '\u{61B}' | '\u{61F}' | '\u{6D4}' => Some(Script::Arabic),
        '\u{5BE}' | '\u{5F3}' | '\u{5F4}' => Some(Script::Hebrew),
        '\u{55A}'..='\u{55F}' | '\u{589}' => Some(Script::Armenian),
        '\u{E4F}' | '\u{E5A}' | '\u{E5B}' => Some(Script::Thai),
        '\u{964}' | '\u{965}' => Some(Script::Indic),
        _ => None,
    }
}

fn symbol_cost(c: char) -> f32 {
    match c as u32 {
        // € £ © ° × and friends: common in news text.
        0x20AC | 0xA3 | 0xA9 | 0xAE | 0xB0 | 0xD7 | 0x2122 | 0xA5 => 0.4,
        0xB1 | 0xF7 | 0xA2 | 0xAC | 0xB5 | 0x2116 => 0.6,
        // ¤ ¦ ¨ ¯ ´ ¸ ˆ ˜ ˇ ˘ ˙ ˛ ˝: spacing accents and odd signs.
        0xA4 | 0xA6 | 0xA8 | 0xAF | 0xB4 | 0xB8 | 0x2C6 | 0x2DC | 0x2C7 | 0x2D8..=0x2DD => 1.2,
        // Box drawing, blocks, geometric shapes, mathematical operators,
        // technical signs: what cp437 and mac-roman show for UTF-8 bytes.
        0x2200..=0x23FF | 0x2500..=0x25FF => 1.2,
        // Braille patterns: never printed in news text, and what a letter,
        // a no-break space and a dash (`в\u{a0}—`) read as windows-1251
        // bytes spell.
        0x2800..=0x28FF => RARE_COST,
        // Emoji and pictographs are ordinary in modern text.
        0x1F000..=0x1FAFF | 0x2600..=0x27BF => 0.0,
        _ => 0.5,
    }
}

/// Thai vowels written before their consonant: always followed by one.
pub(super) fn is_thai_leading_vowel(c: char) -> bool {
    ('\u{E40}'..='\u{E44}').contains(&c)
}

fn is_thai_consonant(c: char) -> bool {
    ('\u{E01}'..='\u{E2E}').contains(&c)
}

/// What the judge asks about one character, worked out once for every
/// character below [`DENSE_LIMIT`]: its class, its own cost
/// ([`char_cost`]) and the facts [`pair_cost`] tests, as flags.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Traits {
    pub class: Class,
    pub cost: f32,
    flags: u16,
}

/// The shape of a character with no place in [`DenseTables::pair_costs`]:
/// the one with the high bit set, as no other shape has.
const NO_SHAPE: u8 = u8::MAX;
/// How many shapes [`DenseTables::pair_costs`] has room for: a power of
/// two, so that a row is a shift away, and every index of two shapes
/// without the high bit is inside the table.
const SHAPES: usize = 128;

/// [`is_glue_breaker`].
const GLUE_BREAKER: u16 = 1;
/// [`is_box_drawing`].
const BOX_DRAWING: u16 = 1 << 1;
/// A sign from the upper half that is neither box drawing nor a pictograph.
const SIGN: u16 = 1 << 2;
/// A quotation mark that opens or closes words ([`window_cost`]).
const QUOTE: u16 = 1 << 3;
/// [`is_thai_leading_vowel`].
const THAI_LEADING_VOWEL: u16 = 1 << 4;
/// [`is_thai_consonant`].
const THAI_CONSONANT: u16 = 1 << 5;
/// A Latin-1 capital, U+00C0 to U+00DF.
const LATIN_1_CAPITAL: u16 = 1 << 6;
/// One of the letters windows-1252 keeps among its symbols.
const SYMBOL_AREA_LETTER: u16 = 1 << 7;
/// A character that sets off none of [`pair_cost`]'s surcharges but the
/// one for two letters of different scripts or case: no flag above but
/// the quotation mark and the Thai consonant, no combining mark, and
/// neither `‚` nor `ß`.
const QUIET: u16 = 1 << 8;
/// A character after which [`window_cost`] looks at the characters on
/// both sides: a quotation mark, `‘`, or a capital from the upper half.
const WATCHED: u16 = 1 << 9;
/// The flags that keep a character from being [`QUIET`].
const PAIR_SURCHARGES: u16 =
    GLUE_BREAKER | BOX_DRAWING | SIGN | THAI_LEADING_VOWEL | LATIN_1_CAPITAL | SYMBOL_AREA_LETTER;

impl Traits {
    fn of(c: char, class: Class) -> Traits {
        let code = c as u32;
        let is_sign = !c.is_ascii()
            && matches!(class.kind, Kind::Symbol | Kind::Punctuation)
            && !is_box_drawing(c)
            && !(0x2600..=0x27BF).contains(&code)
            && !(0x1F000..=0x1FAFF).contains(&code);
        let facts = [
            (is_glue_breaker(c, class), GLUE_BREAKER),
            (is_box_drawing(c), BOX_DRAWING),
            (is_sign, SIGN),
            (
                matches!(c, '«' | '»' | '“' | '”' | '„' | '‚' | '‹' | '›'),
                QUOTE,
            ),
            (is_thai_leading_vowel(c), THAI_LEADING_VOWEL),
            (is_thai_consonant(c), THAI_CONSONANT),
            (('\u{C0}'..='\u{DF}').contains(&c), LATIN_1_CAPITAL),
            (
                matches!(c, 'Š' | 'Œ' | 'Ž' | 'Ÿ' | 'š' | 'œ' | 'ž' | 'ƒ'),
                SYMBOL_AREA_LETTER,
            ),
        ];
        let flags = facts
            .iter()
            .filter(|(holds, _)| *holds)
            .fold(0, |flags, (_, flag)| flags | flag);
        let quiet =
            flags & PAIR_SURCHARGES == 0 && class.kind != Kind::Mark && !matches!(c, '‚' | 'ß');
        let watched = flags & QUOTE != 0 || c == '‘' || !c.is_ascii() && class.kind == Kind::Upper;
        Traits {
            class,
            cost: char_cost_of(c, class),
            flags: flags | if quiet { QUIET } else { 0 } | if watched { WATCHED } else { 0 },
        }
    }

    /// Everything [`pair_cost_of`] reads about `c`, one side of a pair, as
    /// one number: two characters with the same key cost the same beside
    /// any third one. Besides the traits, a few characters are compared
    /// by themselves, ASCII letters by whether they are small vowels, and
    /// punctuation by the script that alone uses it.
    fn pair_key(self, c: char) -> u64 {
        let special = match c {
            '‚' | 'Ä' | 'ß' | '°' | '\u{A0}' => c,
            'a' | 'e' | 'i' | 'o' | 'u' => 'a',
            _ if c.is_ascii_alphabetic() => 'b',
            _ => '\0',
        };
        let punctuation_of = punctuation_script(c).map_or(0, |script| script as u64 + 1);
        punctuation_of << 56
            | (self.class.script as u64) << 48
            | (self.class.kind as u64) << 40
            | u64::from(self.flags) << 24
            | u64::from(c.is_ascii()) << 23
            | u64::from(special)
    }

    #[inline]
    fn has(self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

/// The [`Traits`] of every character below [`DENSE_LIMIT`], and what
/// every two of their shapes cost side by side.
struct DenseTables {
    /// By code point: one test against [`DENSE_LIMIT`] covers every
    /// look-up, here and in `shapes`.
    traits: Box<[Traits; DENSE_LEN]>,
    /// The shape of every character below [`DENSE_LIMIT`]: its row and
    /// column in `pair_costs`, or [`NO_SHAPE`]. Kept apart from the traits,
    /// which then fit in one register.
    shapes: Box<[u8; DENSE_LEN]>,
    /// [`pair_cost_of`] by `first shape * SHAPES + second shape`.
    pair_costs: Box<[f32; SHAPES * SHAPES]>,
}

fn dense_tables() -> &'static DenseTables {
    static DENSE: OnceLock<DenseTables> = OnceLock::new();
    DENSE.get_or_init(|| {
        let traits: Vec<Traits> = dense_classes()
            .iter()
            .enumerate()
            .map(|(code, &class)| {
                let c = char::from_u32(code as u32).unwrap_or('\u{FFFD}');
                Traits::of(c, class)
            })
            .collect();
        // One character of each shape stands for all: the first met.
        let mut shapes: std::collections::HashMap<u64, u8, super::letters::CharHashing> =
            Default::default();
        let mut examples: Vec<(char, Traits)> = Vec::new();
        let mut char_shapes = Box::new([NO_SHAPE; DENSE_LEN]);
        for (code, (traits, char_shape)) in traits.iter().zip(char_shapes.iter_mut()).enumerate() {
            let Some(c) = char::from_u32(code as u32) else {
                continue;
            };
            let key = traits.pair_key(c);
            let shape = match shapes.get(&key) {
                Some(&shape) => shape,
                None if examples.len() < SHAPES => {
                    let shape = examples.len() as u8;
                    shapes.insert(key, shape);
                    examples.push((c, *traits));
                    shape
                }
                None => NO_SHAPE,
            };
            *char_shape = shape;
        }
        let mut pair_costs = Box::new([0.0; SHAPES * SHAPES]);
        for (shape_a, &(a, traits_a)) in examples.iter().enumerate() {
            for (shape_b, &(b, traits_b)) in examples.iter().enumerate() {
                pair_costs[shape_a * SHAPES + shape_b] = pair_cost_of(a, traits_a, b, traits_b);
            }
        }
        DenseTables {
            traits: traits
                .into_boxed_slice()
                .try_into()
                .expect("a class for every code point below the limit"),
            shapes: char_shapes,
            pair_costs,
        }
    })
}

/// The [`Traits`] of every character below [`DENSE_LIMIT`].
fn dense_traits() -> &'static [Traits; DENSE_LEN] {
    &dense_tables().traits
}

/// The [`Traits`] all characters of the `block`-th block of 256 code
/// points share, when they share them: the everyday characters of Chinese,
/// Japanese and Korean text. Each block of the Basic Multilingual Plane is
/// worked out when first asked about, so that text without them pays
/// nothing.
fn uniform_traits(block: usize) -> Option<Traits> {
    static UNIFORM: [OnceLock<Option<Traits>>; 0x100] = [const { OnceLock::new() }; 0x100];
    *UNIFORM.get(block)?.get_or_init(|| {
        let class = uniform_blocks()[block]?;
        let first = (block as u32) << 8;
        let mut shared = None;
        for code in first..=first | 0xFF {
            let traits = Traits::of(char::from_u32(code)?, class);
            match shared {
                None => shared = Some(traits),
                Some(first) if first == traits => {}
                Some(_) => return None,
            }
        }
        shared
    })
}

/// The [`Traits`] of `c`: one load for most text a reading lands in.
#[inline]
pub(crate) fn traits(c: char) -> Traits {
    traits_in(dense_traits(), c)
}

/// [`traits`] given the table of [`dense_traits`], for loops that look
/// up many characters.
#[inline]
fn traits_in(dense: &[Traits; DENSE_LEN], c: char) -> Traits {
    match dense.get(c as usize) {
        Some(&traits) => traits,
        None => high_traits(c),
    }
}

/// [`traits`] and the shape of `c` ([`DenseTables::shapes`]), both from
/// `tables`.
#[inline(always)]
fn traits_and_shape(tables: &DenseTables, c: char) -> (Traits, u8) {
    let code = c as usize;
    if code < DENSE_LEN {
        (tables.traits[code], tables.shapes[code])
    } else {
        (high_traits(c), NO_SHAPE)
    }
}

/// [`traits`] of a character at or above [`DENSE_LIMIT`].
fn high_traits(c: char) -> Traits {
    let code = c as u32;
    if let Some(traits) = uniform_traits((code >> 8) as usize) {
        return traits;
    }
    Traits::of(c, class(c))
}

/// What two neighbours cost together, beyond their own costs.
#[cfg(test)]
pub(crate) fn pair_cost(a: char, b: char) -> f32 {
    let tables = dense_tables();
    let side = |c: char| {
        let (traits, shape) = traits_and_shape(tables, c);
        (c, traits, shape)
    };
    pair_cost_in(tables, side(a), side(b))
}

/// [`pair_cost_of`] of two characters, each with its traits and shape,
/// from the table of shapes when both have one: the look-up is inlined
/// into the window walk, the rare full reckoning is not.
#[inline(always)]
fn pair_cost_in(
    tables: &DenseTables,
    (a, traits_a, shape_a): (char, Traits, u8),
    (b, traits_b, shape_b): (char, Traits, u8),
) -> f32 {
    // Only `NO_SHAPE` has the high bit: one test covers both sides, and
    // the mask only lets the table be read without a bounds check.
    if (shape_a | shape_b) & 0x80 == 0 {
        let index = (usize::from(shape_a) * SHAPES + usize::from(shape_b)) & (SHAPES * SHAPES - 1);
        return tables.pair_costs[index];
    }
    pair_cost_without_shapes(a, traits_a, b, traits_b)
}

/// [`pair_cost_of`] of a pair with a character that has no shape.
#[inline(never)]
fn pair_cost_without_shapes(a: char, traits_a: Traits, b: char, traits_b: Traits) -> f32 {
    pair_cost_of(a, traits_a, b, traits_b)
}

/// [`pair_cost`] given the neighbours' [`Traits`].
#[inline]
fn pair_cost_of(a: char, traits_a: Traits, b: char, traits_b: Traits) -> f32 {
    if a.is_ascii() && b.is_ascii() {
        return 0.0;
    }
    let (class_a, class_b) = (traits_a.class, traits_b.class);
    let mut cost = 0.0;
    if class_a.is_letter() && class_b.is_letter() {
        cost += letter_pair_cost(class_a, class_b);
    }
    // The punctuation of one script right after a letter of another
    // (`KÖZÉRDEK۔`, an Arabic full stop after a Latin word).
    if class_a.is_letter() {
        if let Some(script) = punctuation_script(b) {
            if !compatible(class_a.script, script) {
                cost += 2.0;
            }
        }
    }
    if traits_a.has(QUIET) && traits_b.has(QUIET) {
        return cost;
    }
    if class_a.is_letter() && traits_b.has(GLUE_BREAKER) && !is_space_between_words(class_a, b) {
        cost += 1.0;
    }
    // The degree sign leads its unit (`°C`, `°F`); a no-break space
    // stands before words ([`is_space_between_words`]).
    if traits_a.has(GLUE_BREAKER) && class_b.is_letter() && a != '°' && a != '\u{A0}' {
        cost += 1.0;
    }
    if class_b.kind == Kind::Mark {
        if !(class_a.is_letter() || class_a.kind == Kind::Mark) {
            cost += 1.5;
        } else if !compatible(class_a.script, class_b.script) {
            cost += 3.0;
        }
    }
    // Punctuation of a rare script (the only punctuation the class table
    // files under a script) right after a letter of another: `Voil࠻`.
    if class_b.kind == Kind::Punctuation
        && class_a.is_letter()
        && !compatible(class_a.script, class_b.script)
    {
        cost += 3.0;
    }
    let box_a = traits_a.has(BOX_DRAWING);
    let box_b = traits_b.has(BOX_DRAWING);
    if box_a && box_b {
        // Lines and frames drawn with box characters are real text.
        cost -= 1.0;
    }
    // A frame stands apart from words; a box character glued to a letter
    // (`┬░C`, `Sa├║de`) is the bytes of something else.
    if box_a && class_b.is_letter() || class_a.is_letter() && box_b {
        cost += 0.5;
    }
    // Two signs from the upper half side by side (`¬∞`, `‚Ä`): real text
    // puts a sign next to a letter, digit or space, while a sign's bytes
    // read through mac-roman or cp437 come out as such pairs.
    if traits_a.has(SIGN) && traits_b.has(SIGN) {
        cost += 0.5;
    }
    // A Latin-1 capital followed by one of the letters windows-1252 keeps
    // among its symbols (`Åž`, `ÅŸ`, `Ä›`): a lead and continuation byte.
    if traits_a.has(LATIN_1_CAPITAL) && traits_b.has(SYMBOL_AREA_LETTER) {
        cost += 2.5;
    }
    // A low single quote right before `Ä` is how mac-roman shows E2 80,
    // the lead of every general punctuation mark (`‚Äì` is `–`).
    if a == '‚' && b == 'Ä' {
        cost += 1.0;
    }
    if b == 'ß' && a.is_ascii_alphabetic() && !matches!(a, 'a' | 'e' | 'i' | 'o' | 'u') {
        cost += 1.5;
    }
    if traits_a.has(THAI_LEADING_VOWEL) && !traits_b.has(THAI_CONSONANT) {
        cost += 2.0;
    }
    cost
}

/// What two letters side by side cost: 3 for scripts that do not go
/// together, 1 for a capital after a small letter of its own script.
#[inline]
fn letter_pair_cost(class_a: Class, class_b: Class) -> f32 {
    if !compatible(class_a.script, class_b.script) {
        3.0
    } else if class_a.kind == Kind::Lower
        && class_b.kind == Kind::Upper
        && class_a.script == class_b.script
    {
        1.0
    } else {
        0.0
    }
}

fn is_box_drawing(c: char) -> bool {
    ('\u{2500}'..='\u{259F}').contains(&c)
}

/// Symbols and rare punctuation that real words do not touch.
fn is_glue_breaker(c: char, class: Class) -> bool {
    match class.kind {
        Kind::Symbol => !matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF),
        Kind::OtherNumber | Kind::Control | Kind::Unassigned | Kind::PrivateUse => true,
        Kind::Space => c != ' ',
        Kind::Punctuation => matches!(
            c,
            '‹' | '›' | '†' | '‡' | '‰' | '¡' | '¿' | '·' | '•' | '¦' | '§' | '¶'
        ),
        Kind::Format => c == '\u{AD}',
        _ => false,
    }
}

/// Whether `b`, after a letter of class `a`, is a no-break space that
/// typography sets between words: after a capital (`AMANHÃ\u{a0}É`,
/// `PÅ\u{a0}LANDET`). After a small letter it still glues, as the middle
/// byte of a sequence does (`âš\u{a0}ï¸` is `⚠️`). Before a letter it never
/// does: [`pair_cost_of`] charges nothing there.
fn is_space_between_words(a: Class, b: char) -> bool {
    b == '\u{A0}' && a.kind != Kind::Lower
}

/// See [`window_cost`].
const MIXED_CASE_COST: f32 = 1.0;

/// Cost of `chars` read in the context of one neighbour on each side. The
/// neighbours' own costs are left out: they are the same in both readings.
pub(crate) fn window_cost(left: Option<char>, chars: &[char], right: Option<char>) -> f32 {
    window_cost_and_letters(left, chars, right).0
}

/// [`window_cost`], and how many of `chars` are letters: both come from
/// the same look-up of each character's traits.
#[inline]
pub(crate) fn window_cost_and_letters(
    left: Option<char>,
    chars: &[char],
    right: Option<char>,
) -> (f32, usize) {
    let tables = dense_tables();
    let dense = &*tables.traits;
    let mut letters = 0;
    let cost: f32 = chars
        .iter()
        .map(|&c| {
            let traits = traits_in(dense, c);
            letters += usize::from(traits.class.is_letter());
            traits.cost
        })
        .sum();
    // The walk starts from the left neighbour, or else from the first
    // character; without either, a right neighbour alone makes no pair.
    let (first, first_inside, rest) = match (left, chars.split_first()) {
        (Some(left), _) => (left, false, chars),
        (None, Some((&first, rest))) => (first, true, rest),
        (None, None) => return (cost, letters),
    };
    let (traits_first, shape_first) = traits_and_shape(tables, first);
    let mut walk = PairWalk {
        tables,
        cost,
        before_previous: None,
        previous: first,
        traits_previous: traits_first,
        shape_previous: shape_first,
        previous_inside: first_inside,
        squeezed_quotes: 0,
    };
    // The characters, then the right neighbour, in two loops rather than
    // one over a chain of both: the walk is the judge's inner loop.
    for &c in rest {
        walk.step(c);
    }
    if let Some(c) = right {
        walk.step(c);
    }
    let mut cost = walk.cost;
    for _ in 0..walk.squeezed_quotes {
        cost += 1.5;
    }
    (cost, letters)
}

/// The walk of [`window_cost`] over the pairs of a window: `previous` is
/// the character before the next one, with its traits, `before_previous`
/// the one before that, and `previous_inside` says whether `previous` is
/// one of the window's characters rather than the left neighbour.
struct PairWalk<'t> {
    tables: &'t DenseTables,
    cost: f32,
    before_previous: Option<(char, Traits)>,
    previous: char,
    traits_previous: Traits,
    shape_previous: u8,
    previous_inside: bool,
    /// Quotation marks squeezed between two letters, each costed after
    /// all the pairs, in the order the pairs met them.
    squeezed_quotes: usize,
}

impl PairWalk<'_> {
    /// Adds what `c` costs beside the characters before it.
    #[inline(always)]
    fn step(&mut self, c: char) {
        let (traits_c, shape_c) = traits_and_shape(self.tables, c);
        let (p, traits_p) = (self.previous, self.traits_previous);
        self.cost += pair_cost_in(
            self.tables,
            (p, traits_p, self.shape_previous),
            (c, traits_c, shape_c),
        );
        // The tests below all look at what follows a watched character.
        if traits_p.has(WATCHED) {
            let (mixed_case, squeezed) = watched_pair(
                self.before_previous,
                self.previous_inside,
                p,
                traits_p,
                traits_c,
            );
            if mixed_case {
                self.cost += MIXED_CASE_COST;
            }
            self.squeezed_quotes += squeezed;
        }
        self.before_previous = Some((p, traits_p));
        self.previous = c;
        self.traits_previous = traits_c;
        self.shape_previous = shape_c;
        self.previous_inside = true;
    }
}

/// What [`window_cost`] finds about a watched character `p` followed by
/// one with `traits_c`, after `before_previous` (`previous_inside` when
/// `p` is inside the window): whether it is a capital between a capital
/// and a small letter, and how many quotation marks it squeezes between
/// letters.
fn watched_pair(
    before_previous: Option<(char, Traits)>,
    previous_inside: bool,
    p: char,
    traits_p: Traits,
    traits_c: Traits,
) -> (bool, usize) {
    // A capital from the upper half between a capital and a small letter
    // (`RÄŤgas`): words are capitalised at their start or throughout, and
    // mojibake of a small letter often reads as two capitals.
    let mixed_case = before_previous.is_some_and(|(_, traits_a)| {
        !p.is_ascii()
            && traits_p.class.kind == Kind::Upper
            && traits_a.class.kind == Kind::Upper
            && traits_c.class.kind == Kind::Lower
    });
    let mut squeezed = 0;
    // Quotation marks open or close words; one squeezed between two
    // letters is a byte of something else.
    if previous_inside
        && traits_p.has(QUOTE)
        && before_previous.is_some_and(|(_, traits_a)| traits_a.class.is_letter())
        && traits_c.class.is_letter()
    {
        squeezed += 1;
    }
    // An opening single quote is an apostrophe between small letters
    // (`Hawai‘i`), but never between a capital of the upper half and a
    // small letter (`Å‘szre`, `Ä‘ang`).
    if previous_inside
        && p == '‘'
        && before_previous
            .is_some_and(|(a, traits_a)| !a.is_ascii() && traits_a.class.kind == Kind::Upper)
        && traits_c.class.kind == Kind::Lower
    {
        squeezed += 1;
    }
    (mixed_case, squeezed)
}

/// [`window_cost_floor_of`] the one character `c` between `left` and
/// `right`.
pub(crate) fn window_cost_floor(left: Option<char>, c: char, right: Option<char>) -> f32 {
    window_cost_floor_of(left, std::iter::once(c), right)
}

/// The least a pair of characters with `a` and `b` adds to a window, from
/// their classes alone: a pair costs 3 or more when it sets two letters of
/// scripts that do not go together side by side, -1 at the least when
/// both are box drawing, and never less than nothing otherwise.
fn pair_floor(a: Traits, b: Traits) -> f32 {
    if a.class.is_letter() && b.class.is_letter() && !compatible(a.class.script, b.class.script) {
        3.0
    } else if a.has(BOX_DRAWING) && b.has(BOX_DRAWING) {
        -1.0
    } else {
        0.0
    }
}

/// A floor under [`window_cost`] of the characters `chars` between `left`
/// and `right`, with each pair at its [`pair_floor`]: the characters' own
/// costs are exact, and the other surcharges of a window are never
/// negative.
pub(crate) fn window_cost_floor_of(
    left: Option<char>,
    chars: impl Iterator<Item = char>,
    right: Option<char>,
) -> f32 {
    let dense = dense_traits();
    let mut floor = 0.0;
    let mut previous = left.map(|c| traits_in(dense, c));
    for c in chars {
        let traits_c = traits_in(dense, c);
        floor += traits_c.cost;
        if let Some(traits_p) = previous {
            floor += pair_floor(traits_p, traits_c);
        }
        previous = Some(traits_c);
    }
    if let (Some(traits_p), Some(right)) = (previous, right) {
        floor += pair_floor(traits_p, traits_in(dense, right));
    }
    floor
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Characters of every class and script the floor tells apart, and
    /// the odd ones of the surcharges: quotes, box drawing, Thai vowels.
    fn floor_samples() -> Vec<char> {
        let mut samples: Vec<char> = "aZ é Ã Ð ß ‘’“”°·•¦ ─│┌ ╬ Ωω Жж אם ع ก เ ั ่ 中 あ 한 ǁ ˦ \u{300}\u{AD}\u{A0}\u{E000}€™¬∞‚Ä1?.-"
            .chars()
            .collect();
        samples.extend((0x80..0x3100).step_by(7).filter_map(char::from_u32));
        samples.extend((0x1F300..0x1F320).filter_map(char::from_u32));
        samples
    }

    #[test]
    fn the_floor_of_a_window_never_exceeds_its_cost() {
        let samples = floor_samples();
        let sides: Vec<Option<char>> = std::iter::once(None)
            .chain(samples.iter().step_by(23).copied().map(Some))
            .collect();
        let mut checked = 0;
        for (index, &first) in samples.iter().enumerate() {
            for length in 1..=4 {
                let window: Vec<char> = (0..length)
                    .map(|offset| {
                        samples[(index + offset * 37 + offset * offset * 11) % samples.len()]
                    })
                    .chain(std::iter::once(first))
                    .skip(1)
                    .collect();
                for &left in &sides {
                    for &right in sides.iter().step_by(3) {
                        let floor = window_cost_floor_of(left, window.iter().copied(), right);
                        let cost = window_cost(left, &window, right);
                        assert!(
                            floor <= cost + 1e-4,
                            "{left:?} {window:?} {right:?}: {floor} > {cost}"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 100_000);
    }

    #[test]
    fn the_window_cost_floor_never_exceeds_the_window_cost() {
        let samples = floor_samples();
        let sides: Vec<Option<char>> = std::iter::once(None)
            .chain(samples.iter().step_by(20).copied().map(Some))
            .collect();
        for &c in &samples {
            for &left in &sides {
                for &right in &sides {
                    let floor = window_cost_floor(left, c, right);
                    let cost = window_cost(left, &[c], right);
                    assert!(
                        floor <= cost + 1e-4,
                        "{left:?} {c:?} {right:?}: {floor} > {cost}"
                    );
                }
            }
        }
    }

    /// The class of `c` as the generated runs give it, with the one
    /// override the dense table makes.
    fn class_reference(c: char) -> Class {
        if c == 'µ' {
            return class('µ');
        }
        if c.is_ascii() {
            return ascii_class(c as u8);
        }
        class_from_runs(c as u32)
    }

    #[test]
    fn every_class_is_the_one_the_runs_give() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(class(c), class_reference(c), "{c:?}");
        }
    }

    #[test]
    fn traits_hold_what_their_rules_say() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let traits = traits(c);
            assert_eq!(traits, Traits::of(c, class(c)), "{c:?}");
            assert_eq!(traits.cost.to_bits(), char_cost_of(c, class(c)).to_bits());
        }
    }

    /// The rule [`pair_cost`] follows, one test after another.
    fn pair_cost_reference(a: char, b: char) -> f32 {
        if a.is_ascii() && b.is_ascii() {
            return 0.0;
        }
        let (class_a, class_b) = (class(a), class(b));
        let mut cost = 0.0;
        if class_a.is_letter() && class_b.is_letter() {
            if !compatible(class_a.script, class_b.script) {
                cost += 3.0;
            } else if class_a.kind == Kind::Lower
                && class_b.kind == Kind::Upper
                && class_a.script == class_b.script
            {
                cost += 1.0;
            }
        }
        if class_a.is_letter() && is_glue_breaker(b, class_b) && !is_space_between_words(class_a, b)
        {
            cost += 1.0;
        }
        // The degree sign leads its unit (`°C`, `°F`).
        if is_glue_breaker(a, class_a) && class_b.is_letter() && a != '°' && a != '\u{A0}' {
            cost += 1.0;
        }
        if class_b.kind == Kind::Mark {
            if !(class_a.is_letter() || class_a.kind == Kind::Mark) {
                cost += 1.5;
            } else if !compatible(class_a.script, class_b.script) {
                cost += 3.0;
            }
        }
        if class_a.is_letter()
            && punctuation_script(b).is_some_and(|script| !compatible(class_a.script, script))
        {
            cost += 2.0;
        }
        if class_b.kind == Kind::Punctuation
            && class_a.is_letter()
            && !compatible(class_a.script, class_b.script)
        {
            cost += 3.0;
        }
        if is_box_drawing(a) && is_box_drawing(b) {
            // Lines and frames drawn with box characters are real text.
            cost -= 1.0;
        }
        // A frame stands apart from words; a box character glued to a letter
        // (`┬░C`, `Sa├║de`) is the bytes of something else.
        if is_box_drawing(a) && class_b.is_letter() || class_a.is_letter() && is_box_drawing(b) {
            cost += 0.5;
        }
        // Two signs from the upper half side by side (`¬∞`, `‚Ä`): real text
        // puts a sign next to a letter, digit or space, while a sign's bytes
        // read through mac-roman or cp437 come out as such pairs.
        let is_sign = |c: char, class: Class| {
            !c.is_ascii()
                && matches!(class.kind, Kind::Symbol | Kind::Punctuation)
                && !is_box_drawing(c)
                && !(0x2600..=0x27BF).contains(&(c as u32))
                && !(0x1F000..=0x1FAFF).contains(&(c as u32))
        };
        if is_sign(a, class_a) && is_sign(b, class_b) {
            cost += 0.5;
        }
        // A Latin-1 capital followed by one of the letters windows-1252 keeps
        // among its symbols (`Åž`, `ÅŸ`, `Ä›`): a lead and continuation byte.
        if ('\u{C0}'..='\u{DF}').contains(&a)
            && matches!(b, 'Š' | 'Œ' | 'Ž' | 'Ÿ' | 'š' | 'œ' | 'ž' | 'ƒ')
        {
            cost += 2.5;
        }
        // A low single quote right before `Ä` is how mac-roman shows E2 80,
        // the lead of every general punctuation mark (`‚Äì` is `–`).
        if a == '‚' && b == 'Ä' {
            cost += 1.0;
        }
        if b == 'ß' && a.is_ascii_alphabetic() && !matches!(a, 'a' | 'e' | 'i' | 'o' | 'u') {
            cost += 1.5;
        }
        if is_thai_leading_vowel(a) && !is_thai_consonant(b) {
            cost += 2.0;
        }
        cost
    }

    /// The rule [`window_cost`] follows, pass after pass.
    fn window_cost_reference(left: Option<char>, chars: &[char], right: Option<char>) -> f32 {
        let mut cost: f32 = chars.iter().map(|&c| char_cost_of(c, class(c))).sum();
        let mut before_previous = None;
        let mut previous = left;
        for &c in chars.iter().chain(right.iter()) {
            if let Some(p) = previous {
                cost += pair_cost_reference(p, c);
                // A capital from the upper half between a capital and a small
                // letter (`RÄŤgas`): words are capitalised at their start or
                // throughout, and mojibake of a small letter often reads as
                // two capitals.
                if let Some(a) = before_previous {
                    if !p.is_ascii()
                        && class(p).kind == Kind::Upper
                        && class(a).kind == Kind::Upper
                        && class(c).kind == Kind::Lower
                    {
                        cost += MIXED_CASE_COST;
                    }
                }
            }
            before_previous = previous;
            previous = Some(c);
        }
        // Quotation marks open or close words; one squeezed between two
        // letters is a byte of something else.
        let is_letter = |c: Option<&char>| c.is_some_and(|&c| class(c).is_letter());
        for (index, c) in chars.iter().enumerate() {
            let before = if index == 0 {
                left.as_ref()
            } else {
                chars.get(index - 1)
            };
            let after = if index + 1 == chars.len() {
                right.as_ref()
            } else {
                chars.get(index + 1)
            };
            if matches!(c, '«' | '»' | '“' | '”' | '„' | '‚' | '‹' | '›')
                && is_letter(before)
                && is_letter(after)
            {
                cost += 1.5;
            }
            let upper_half_capital =
                before.is_some_and(|&b| !b.is_ascii() && class(b).kind == Kind::Upper);
            let small = after.is_some_and(|&a| class(a).kind == Kind::Lower);
            if *c == '‘' && upper_half_capital && small {
                cost += 1.5;
            }
        }
        cost
    }

    proptest::proptest! {
        #[test]
        fn window_costs_follow_the_rule(
            left in proptest::option::of(proptest::char::any()),
            text in "[a-zA-Z ?.,'\"\u{80}-\u{24F}\u{370}-\u{3FF}\u{400}-\u{45F}\u{E00}-\u{E5B}\u{2010}-\u{203A}\u{20AC}\u{2122}\u{2500}-\u{25A0}\u{2600}\u{300}-\u{36F}\u{3000}-\u{3010}\u{4E00}-\u{4E10}\u{AC00}\u{F8FF}\u{FFFD}\u{1F600}]{0,12}",
            right in proptest::option::of(proptest::char::any()),
        ) {
            let chars: Vec<char> = text.chars().collect();
            proptest::prop_assert_eq!(
                window_cost(left, &chars, right).to_bits(),
                window_cost_reference(left, &chars, right).to_bits()
            );
            let letters = chars.iter().filter(|&&c| class(c).is_letter()).count();
            proptest::prop_assert_eq!(window_cost_and_letters(left, &chars, right).1, letters);
            for pair in chars.windows(2) {
                proptest::prop_assert_eq!(
                    pair_cost(pair[0], pair[1]).to_bits(),
                    pair_cost_reference(pair[0], pair[1]).to_bits()
                );
            }
        }
    }

    #[test]
    fn pair_costs_follow_the_rule_over_the_upper_half_and_its_neighbours() {
        let samples: Vec<char> = (0x20..0x600)
            .chain(0xE00..0xE60)
            .chain(0x2010..0x2040)
            .chain(0x2500..0x2520)
            .chain([0x20AC, 0x2122, 0x2600, 0x4E00, 0xFFFD, 0x1F600])
            .filter_map(char::from_u32)
            .collect();
        for &a in &samples {
            for &b in &samples {
                assert_eq!(
                    pair_cost(a, b).to_bits(),
                    pair_cost_reference(a, b).to_bits(),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn every_character_below_the_dense_limit_has_a_shape_in_the_table() {
        // A character without one is costed in full, which is right but
        // slow: the table must keep room for every shape there is.
        let tables = dense_tables();
        for (code, &shape) in tables.shapes.iter().enumerate() {
            if char::from_u32(code as u32).is_some() {
                assert!(usize::from(shape) < SHAPES, "{code:04X}");
            }
        }
    }

    #[test]
    fn classes_come_from_unicode_data() {
        assert_eq!(class('п').script, Script::Cyrillic);
        assert_eq!(class('Ж').kind, Kind::Upper);
        assert_eq!(class('ก').script, Script::Thai);
        assert_eq!(class('中').script, Script::Han);
        assert_eq!(class('\u{E000}').kind, Kind::PrivateUse);
        assert_eq!(class('\u{378}').kind, Kind::Unassigned);
        assert_eq!(class('\u{85}').kind, Kind::Control);
        assert_eq!(class('€').kind, Kind::Symbol);
    }

    #[test]
    fn mojibake_costs_more_than_what_it_hides() {
        let broken: Vec<char> = "Ã©".chars().collect();
        assert!(
            window_cost(Some('f'), &broken, Some(' ')) > window_cost(Some('f'), &['é'], Some(' '))
        );
    }

    #[test]
    fn capitals_inside_a_small_word_cost() {
        let broken: Vec<char> = "ÄŤ".chars().collect();
        assert!(
            window_cost(Some('R'), &broken, Some('g')) > window_cost(Some('R'), &['ī'], Some('g'))
        );
        // Words in capitals and capitalised words are ordinary.
        let capitals: Vec<char> = "ÖSTERREICH".chars().collect();
        assert_eq!(window_cost(None, &capitals, Some(' ')), 0.0);
    }

    #[test]
    fn a_box_character_glued_to_a_letter_costs() {
        let frame: Vec<char> = "┬░".chars().collect();
        assert!(
            window_cost(Some(' '), &frame, Some('C')) > window_cost(Some(' '), &frame, Some(' '))
        );
    }

    #[test]
    fn mixed_scripts_inside_a_word_cost() {
        assert!(pair_cost('a', 'б') >= 3.0);
        assert_eq!(pair_cost('а', 'б'), 0.0);
        assert_eq!(pair_cost('中', 'の'), 0.0);
    }
}
