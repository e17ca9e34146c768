//! Puts back the space that scraping lost between two sentences
//! (`suit us.So, the work`). Conservative by design: a full stop glued to a
//! capital is also how URLs, domains, file names, code (`Console.WriteLine`),
//! numbers and abbreviations (`U.S.`, `Ph.D.`, `e.g.`) look, so the space is
//! only put back when the words on both sides read as plain words and the
//! word after the stop starts a sentence. Other punctuation (`?`, `!`) and
//! glued quotes are left alone.

use crate::report::Change;
use std::borrow::Cow;

/// Words that commonly open a sentence. A capitalised word before the stop
/// (`Putin.The`) is only taken as a sentence end when one of these follows;
/// a lower-case word before the stop (`us.So`) accepts any plain word.
const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "After",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "Before",
    "But",
    "By",
    "For",
    "From",
    "He",
    "Her",
    "His",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Meanwhile",
    "Many",
    "My",
    "No",
    "Now",
    "On",
    "One",
    "Our",
    "She",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Under",
    "We",
    "What",
    "When",
    "While",
    "Who",
    "With",
    "Yet",
    "You",
    // Short openers of Spanish, French, Portuguese, German, Italian and Dutch
    // sentences (longer words are taken whatever they are).
    "Al",
    "Am",
    "Así",
    "Au",
    "Auf",
    "Aux",
    "Ce",
    "Ces",
    "Con",
    "Da",
    "Dat",
    "De",
    "Del",
    "Der",
    "Das",
    "Die",
    "Du",
    "Ein",
    "Een",
    "El",
    "Ela",
    "Ele",
    "Em",
    "En",
    "Er",
    "Es",
    "Et",
    "Eu",
    "Gli",
    "Het",
    "Hij",
    "Hoy",
    "Ich",
    "Il",
    "Ils",
    "Im",
    "Je",
    "La",
    "Las",
    "Le",
    "Les",
    "Lo",
    "Los",
    "Ma",
    "Maar",
    "Mas",
    "Mit",
    "Na",
    "Nel",
    "Non",
    "Nun",
    "Não",
    "Os",
    "Par",
    "Per",
    "Poi",
    "Por",
    "Se",
    "Sie",
    "Sin",
    "Sur",
    "Um",
    "Un",
    "Una",
    "Une",
    "Uno",
    "Wij",
    "Wir",
    "Ya",
    "Ze",
    "Zij",
    "Él",
    // Longer function words that open sentences in those languages: after
    // a capitalised word (`Defesa Civil.Segundo`) only such a word tells a
    // sentence from a name in code (`System.Text`).
    "Además",
    "Afterwards",
    "Ainda",
    "Allora",
    "Anche",
    "Après",
    "Aunque",
    "Avec",
    "Aber",
    "Auch",
    "Dann",
    "Danach",
    "Daarna",
    "Dans",
    "Depois",
    "Desde",
    "Después",
    "Dopo",
    "Doch",
    "Durante",
    "Ensuite",
    "Entre",
    "Laut",
    "Mais",
    "Mientras",
    "Nach",
    "Ook",
    "Ora",
    "Pero",
    "Porque",
    "Pour",
    "Puis",
    "Secondo",
    "Segundo",
    "Según",
    "Seit",
    "Selon",
    "Também",
    "Toen",
    "Volgens",
    "Jednak",
    "Potem",
    "Teraz",
    "Według",
    // Short openers with an accented capital (French, Portuguese, Italian).
    "Às",
    "Ça",
    // Short openers of Russian and Ukrainian sentences.
    "Вы",
    "Для",
    "Его",
    "Ещё",
    "Еще",
    "Как",
    "Мы",
    "На",
    "Но",
    "Он",
    "Она",
    "Они",
    "Оно",
    "По",
    "При",
    "Так",
    "Там",
    "Уже",
    "Це",
    "Это",
    "Её",
    "Ее",
    "Ми",
    "Ви",
    "Ти",
    "Ці",
    "Як",
    // Short openers of Greek sentences.
    "Οι",
    "Τα",
    "Το",
    "Τι",
    "Σε",
    "Με",
];

/// Words of one letter that open sentences: English `A` and `I`,
/// Portuguese `O`, `A` and `E`, Spanish `Y`, Italian `E`, and Russian and
/// Ukrainian prepositions and conjunctions (`В мэрии`, `С понедельника`,
/// `И всё же`). A glue before one of them is only undone when a word in
/// small letters follows it.
const ONE_LETTER_OPENERS: &[&str] = &[
    "A", "I", "O", "E", "Y", "À", "É", "È", "Η", "Ο", "В", "С", "И", "К", "О", "А", "У", "Я",
];

/// One-letter openers that are no initial or label in code (`Plan.A`),
/// so a capitalised word of three letters or more may stand before them
/// (`Conseil d’État.À la CNIL`, `sindaca di Lodi.È la prima`).
const ACCENTED_ONE_LETTER_OPENERS: &[&str] = &["À", "É", "È", "Η", "Ο"];

/// Short words after a stop that name a file type or a domain
/// (`notes.Txt`, `site.Com`), not a person (`penguins.Zoe`).
const FILE_AND_DOMAIN_ENDINGS: &[&str] = &[
    "App", "Bak", "Bin", "Biz", "Com", "Csv", "Dat", "Dev", "Doc", "Edu", "Exe", "Gif", "Gov",
    "Htm", "Ini", "Int", "Jpg", "Log", "Mil", "Mov", "Net", "Org", "Pdf", "Png", "Ppt", "Pro",
    "Rar", "Rtf", "Svg", "Tar", "Tmp", "Top", "Txt", "Wav", "Xls", "Xml", "Xyz", "Zip",
];

/// Characters that, next to the glued stop, mark a URL, a path, an e-mail
/// address, code or a number rather than prose.
fn is_technical(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '.' | '/'
                | '\\'
                | '@'
                | ':'
                | '_'
                | '='
                | '#'
                | '%'
                | '&'
                | '~'
                | '-'
                | '('
                | ')'
                | '['
                | ']'
                | '<'
                | '>'
                | '{'
                | '}'
                | '$'
                | '+'
                | '*'
                | '|'
        )
}

/// Inserts a space after a full stop that glues two sentences.
pub fn fix<'a>(text: &'a str, changes: &mut Vec<Change>) -> Cow<'a, str> {
    let bytes = text.as_bytes();
    let mut insert_at: Vec<usize> = Vec::new();
    for_each_stop_before_a_capital(bytes, |dot| {
        let Some(next) = text[dot + 1..].chars().next() else {
            return;
        };
        if next.is_uppercase() && is_sentence_glue(text, dot) {
            insert_at.push(dot + 1);
        }
    });
    if insert_at.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + insert_at.len());
    let mut copied = 0;
    for &position in &insert_at {
        out.push_str(&text[copied..position]);
        out.push(' ');
        copied = position;
        let dot = position - 1;
        let before_start = match word_start(text, dot) {
            start if start == dot => number_start(text, dot)
                .or_else(|| quote_start(text, dot))
                .unwrap_or(dot),
            start => start,
        };
        let after_end = word_end(text, position);
        crate::report::push_repair(
            changes,
            Change::repair(
                "glued.sentence",
                position - 1,
                &text[before_start..after_end],
                format!(
                    "{} {}",
                    &text[before_start..position],
                    &text[position..after_end]
                ),
            ),
        );
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// How many places [`for_each_stop_before_a_capital`] tests at a time.
const CHUNK: usize = 64;

/// Calls `found` with the place of every full stop followed by an ASCII
/// capital or a byte that is not ASCII, which may start a capital: only
/// these stops can glue two sentences. Nearly every stop is followed by a
/// space, a line break, a digit or a quotation mark, all below `A`, so
/// the bytes are first tested [`CHUNK`] at a time, each with the byte
/// after it, for a stop before a byte above `@` (two compares the
/// compiler turns into vector ones), instead of a search for every stop.
fn for_each_stop_before_a_capital(bytes: &[u8], mut found: impl FnMut(usize)) {
    let mut start = 0;
    while let Some(window) = bytes
        .get(start..)
        .and_then(<[u8]>::first_chunk::<{ CHUNK + 1 }>)
    {
        let any = (0..CHUNK).fold(false, |any, offset| {
            any | ((window[offset] == b'.') & (window[offset + 1] > b'@'))
        });
        if any {
            (0..CHUNK)
                .filter(|&offset| is_stop_before_a_capital(window[offset], window[offset + 1]))
                .for_each(|offset| found(start + offset));
        }
        start += CHUNK;
    }
    // Fewer than CHUNK + 1 bytes are left; the last has no byte after it.
    for dot in memchr::memchr_iter(b'.', &bytes[start..]) {
        let dot = start + dot;
        if bytes
            .get(dot + 1)
            .is_some_and(|&next| is_stop_before_a_capital(b'.', next))
        {
            found(dot);
        }
    }
}

/// Whether `byte` is a full stop and `next` an ASCII capital or not ASCII.
#[inline(always)]
fn is_stop_before_a_capital(byte: u8, next: u8) -> bool {
    (byte == b'.') & ((next >= 0x80) | next.is_ascii_uppercase())
}

/// Start of the word that ends right before the stop at `dot`.
fn word_start(text: &str, dot: usize) -> usize {
    text[..dot]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(dot, |(offset, _)| offset)
}

/// End of the word that starts at `start`.
fn word_end(text: &str, start: usize) -> usize {
    text[start..]
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(text.len(), |(offset, _)| start + offset)
}

/// Abbreviations written in lower case before a name or a number
/// (`ул.Ленина`, `św.Mikołaj`, `vs.Spain`): a stop after one ends no
/// sentence, glued or not.
const ABBREVIATIONS: &[&str] = &[
    // English
    "approx",
    "ca",
    "cf",
    "ch",
    "dept",
    "eds",
    "esp",
    "etc",
    "fig",
    "incl",
    "jr",
    "nr",
    "pp",
    "resp",
    "sr",
    "st",
    "vol",
    "vs",
    "viz",
    // French, Spanish, Portuguese, Italian
    "av",
    "bd",
    "mme",
    "mlle",
    "ste",
    "env",
    "sra",
    "ud",
    "uds",
    "aprox",
    "pág",
    "núm",
    "ecc",
    "pag",
    "sig",
    "dott",
    "dra",
    "sta",
    // German, Dutch
    "bzw",
    "vgl",
    "ggf",
    "usw",
    "evtl",
    "inkl",
    "zzgl",
    "str",
    "tel",
    "dhr",
    "mevr",
    // Polish, Czech, Slovak
    "św",
    "ul",
    "al",
    "pl",
    "ks",
    "prof",
    "dr",
    "im",
    "np",
    "tzw",
    "tj",
    "godz",
    "zł",
    "woj",
    "gm",
    "pow",
    "tzv",
    "např",
    "mj",
    "atd",
    "nám",
    "sv",
    // Turkish
    "vb",
    "bkz",
    "sok",
    "cad",
    "mah",
    // Russian, Ukrainian
    "ул",
    "св",
    "им",
    "пр",
    "пл",
    "пос",
    "гг",
    "см",
    "тыс",
    "млн",
    "млрд",
    "руб",
    "коп",
    "обл",
    "ст",
    "др",
    "пер",
    "просп",
    "наб",
    "кв",
    "корп",
    "стр",
    "рис",
    "табл",
    "гл",
    "вул",
];

/// Abbreviations written with a capital: titles, ranks, company forms,
/// street types, months and weekdays (`Gen.`, `Ltd.`, `Blvd.`, `Sept.`),
/// in lower case here. A stop after one may end a sentence (`Services
/// Ltd.The company`), but it may as well not (`Sen.Warren`), and an
/// abbreviation is left as it is. The lower-case ones above count too
/// (`Prof.`, `Ул.`).
const CAPITALISED_ABBREVIATIONS: &[&str] = &[
    // Titles and ranks
    "adm", "amb", "atty", "avv", "capt", "cdr", "cmdr", "col", "cpl", "det", "dipl", "dña", "esq",
    "excmo", "gen", "geom", "gov", "hon", "hrsg", "ilmo", "ing", "insp", "maj", "mgr", "mons",
    "msgr", "mrs", "pres", "profa", "pvt", "rag", "rep", "rev", "sen", "sgt", "sra", "sres",
    "srta", "supt", // Companies and bodies
    "assn", "assoc", "bros", "cia", "cía", "cie", "corp", "dept", "div", "govt", "inc", "inst",
    "intl", "ltd", "ltda", "mfg", "natl", "plc", "pty", "univ", // Places and addresses
    "apt", "ave", "avda", "bldg", "blvd", "hwy", "pkwy", "pza", "sq", "sto",
    // Months and weekdays
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", // References
    "abs", "art", "eng", "fig", "mio", "mrd", "nos", "sec", "tsd",
];

/// Whether `word`, which opens with a capital, is an abbreviation.
fn is_capitalised_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    CAPITALISED_ABBREVIATIONS.contains(&lower.as_str()) || ABBREVIATIONS.contains(&lower.as_str())
}

/// French and Italian words elided before a vowel (`L’autre`, `D’abord`,
/// `Un’altra`), which open a sentence as the whole word would.
const ELIDED_OPENERS: &[&str] = &["C", "D", "J", "L", "M", "N", "Qu", "S", "Un"];

/// Whether the word at `start`, `after`, is an elided opener with its
/// apostrophe and a word of two letters or more after it (`L’autre`,
/// `l’un`; not `L'x`).
fn opens_with_an_elision(text: &str, start: usize, after: &str) -> bool {
    let mut rest = text[start + after.len()..].chars();
    ELIDED_OPENERS.contains(&after)
        && matches!(rest.next(), Some('’' | '\''))
        && rest.next().is_some_and(char::is_lowercase)
        && rest.next().is_some_and(char::is_lowercase)
}

/// Whether the word starting at `start` stands on its own: after a space,
/// an opening quote or bracket or a comma, or as the last part of a
/// hyphenated word that does (`half-time`, `Saint-Denis`), not as the
/// tail of a dotted name, a path, an address or a number (`ул.Ново-Садовой`,
/// `2-0`).
fn stands_on_its_own(text: &str, start: usize) -> bool {
    let mut start = start;
    loop {
        let Some(previous) = text[..start].chars().next_back() else {
            return true;
        };
        if previous == '-' {
            let hyphen = start - 1;
            let part = word_start(text, hyphen);
            if part == hyphen {
                return false;
            }
            start = part;
            continue;
        }
        return previous.is_whitespace()
            || matches!(previous, '"' | '\'' | '’' | '“' | '‘' | '«' | '(' | ',');
    }
}

/// Whether the word before the space before `start` is in lower case
/// (`since 2019`, not `Section 3`).
fn follows_a_lower_case_word(text: &str, start: usize) -> bool {
    let Some(space) = start.checked_sub(1) else {
        return false;
    };
    let word = &text[word_start(text, space)..space];
    !word.is_empty() && word.chars().all(char::is_lowercase)
}

/// Month and weekday names: a sentence often ends on a date (`in
/// May.Traders`), and none of them names code.
const DATE_WORDS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Start of the number that ends right before the stop at `dot`: digits,
/// with thousands separated by commas and a per cent sign at the end
/// (`2023`, `1,500`, `62%`); `None` when no such number ends there.
fn number_start(text: &str, dot: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let digits_end = if dot > 0 && bytes[dot - 1] == b'%' {
        dot - 1
    } else {
        dot
    };
    let start = bytes[..digits_end]
        .iter()
        .rposition(|&byte| !(byte.is_ascii_digit() || byte == b','))
        .map_or(0, |position| position + 1);
    let number = &bytes[start..digits_end];
    let well_formed = number.first().is_some_and(u8::is_ascii_digit)
        && number.last().is_some_and(u8::is_ascii_digit)
        && !number.windows(2).any(|pair| pair == b",,");
    well_formed.then_some(start)
}

/// Start of the closing quotation mark right before the stop at `dot`,
/// when a word or a sentence's last sign stands before it (`“Regal”.`,
/// `«Художественный».`). Only curly quotes and guillemets: code quotes
/// with straight ones (`"abc".Length`).
fn quote_start(text: &str, dot: usize) -> Option<usize> {
    let mut before = text[..dot].char_indices().rev();
    let (quote, mark) = before.next()?;
    let (_, inside) = before.next()?;
    (matches!(mark, '”' | '»') && (inside.is_alphabetic() || matches!(inside, '.' | '!' | '?')))
        .then_some(quote)
}

/// Whether the capitalised word after the stop at `dot`, which closes a
/// quotation, opens a sentence: a short sentence opener, or a longer
/// word in small letters after its capital that prose goes on after.
fn opens_a_sentence_after_a_quotation(text: &str, dot: usize, after_end: usize) -> bool {
    let after = &text[dot + 1..after_end];
    let following = text[after_end..].chars().next();
    after.chars().skip(1).all(char::is_lowercase)
        && (SENTENCE_STARTERS.contains(&after)
            || (after.chars().count() > 3 && following.is_some_and(char::is_whitespace)))
}

fn is_sentence_glue(text: &str, dot: usize) -> bool {
    let before_start = word_start(text, dot);
    let before = &text[before_start..dot];
    let after_end = word_end(text, dot + 1);
    let after = &text[dot + 1..after_end];
    // `in 2023.Traders`, `rose 62%.Officials`: a number standing on its
    // own, then a plain capitalised word that ends like prose. A number
    // inside a dotted one (`3.14.Then`, `2.1.Final`) does not stand alone.
    if before.is_empty() {
        if quote_start(text, dot).is_some() {
            return opens_a_sentence_after_a_quotation(text, dot, after_end);
        }
        let Some(start) = number_start(text, dot) else {
            return false;
        };
        // A number opening its line is a list item's (`1.Introduction`).
        let inside_a_line = matches!(text[..start].chars().next_back(), Some(' ' | '('));
        let following = text[after_end..].chars().next();
        // A one-letter opener (`2019.A spokesperson`) only after a number
        // a lower-case word leads to: `Section 3.A` is a reference.
        let letters = after.chars().count();
        let opener = match letters {
            1 => ONE_LETTER_OPENERS.contains(&after) && follows_a_lower_case_word(text, start),
            2 => SENTENCE_STARTERS.contains(&after),
            _ => true,
        };
        return inside_a_line
            && opener
            && after.chars().skip(1).all(char::is_lowercase)
            && !matches!(following, Some(c) if is_technical(c) && c != '-');
    }

    // Both sides are words of at least two letters: `U.S`, `e.g`, `Ph.D`
    // have single letters on one side. A one-letter word after a longer
    // word in small letters is the pronoun or the article opening a
    // sentence (`could.I think`, `night.A man`) when a word in small
    // letters follows it.
    let following = text[after_end..].chars().next();
    if before.chars().count() < 2 || after.chars().count() < 2 {
        let stands_alone = stands_on_its_own(text, before_start);
        // `fouilles.L’autre`: an elided article or pronoun after a word.
        if before.chars().count() >= 3
            && !before.chars().skip(1).any(char::is_uppercase)
            && !is_capitalised_abbreviation(before)
            && stands_alone
            && opens_with_an_elision(text, dot + 1, after)
        {
            return true;
        }
        // `could.I think`, `night.A man`; after a capitalised word, only a
        // name of five letters or more (`de Lajeado.A prefeitura`, not
        // `Plan.A`).
        let before_letters = before.chars().count();
        let before_is_lower = before.chars().all(char::is_lowercase);
        let shortest_name = if ACCENTED_ONE_LETTER_OPENERS.contains(&after) {
            3
        } else {
            5
        };
        let capitalised_word = before_letters >= shortest_name
            && before.chars().skip(1).all(char::is_lowercase)
            && !is_capitalised_abbreviation(before);
        // After a word in small letters of four letters or more, a name
        // may follow the opener (`embarcação.A Defesa Civil`, `выборах.В
        // Москве`).
        // (The space after the opener is checked first: the next word is
        // only read after it.)
        let next_word_fits = || {
            let next = &text[after_end + 1..];
            next.starts_with(char::is_lowercase)
                || (before_is_lower && before_letters >= 4 && next.starts_with(char::is_uppercase))
        };
        return ONE_LETTER_OPENERS.contains(&after)
            && before_letters >= 3
            && (before_is_lower || capitalised_word)
            && !ABBREVIATIONS.contains(&before)
            && following == Some(' ')
            && next_word_fits()
            && stands_alone;
    }
    // The word before must stand on its own: not the tail of a dotted
    // name, a path, an address or a number.
    if !stands_on_its_own(text, before_start) {
        return false;
    }
    // The word after must end like prose, not run into more code or a
    // path (`config.Load()`, `example.Com/page`, `System.IO.File`).
    if let Some(following) = following {
        if is_technical(following) && !matches!(following, '-') {
            return false;
        }
    }
    // CamelCase after the stop is code (`Console.WriteLine`), and so are
    // capitals inside the word before it (`iPhone.Apps`).
    if after.chars().skip(1).any(char::is_uppercase)
        || before.chars().skip(1).any(char::is_uppercase)
    {
        return false;
    }
    let after_rest_is_lower = after.chars().skip(1).all(char::is_lowercase);
    if !after_rest_is_lower {
        return false;
    }
    let before_is_lower = before.chars().all(char::is_lowercase);
    if before_is_lower {
        // `us.So` — but not a file name (`notes.Txt`) or a domain
        // (`site.Com`): those are short words that do not start sentences.
        // A longer word opens a sentence that goes on after a space or
        // ends a quotation; one followed by a comma or a stop is a name in
        // code, listed (`os.Path, filepath.Join`).
        let letters = after.chars().count();
        return !ABBREVIATIONS.contains(&before)
            && (SENTENCE_STARTERS.contains(&after)
                || (letters > 3
                    && following.is_some_and(|c| {
                        c.is_whitespace() || matches!(c, '»' | '”' | '"' | '’' | '\'')
                    }))
                // A short name opening a sentence (`penguins.Zoe Tran`),
                // not a file type or a domain.
                || (letters == 3
                    && !FILE_AND_DOMAIN_ENDINGS.contains(&after)
                    && matches!(following, Some(' ' | ','))));
    }
    // `Putin.The`: a capitalised word before the stop could be an
    // abbreviation or a name in code (`Mr.Smith`, `St.Petersburg`,
    // `System.Text`), so only a clear sentence opener counts, or a date
    // before it (`in May.Traders`).
    (SENTENCE_STARTERS.contains(&after) || DATE_WORDS.contains(&before))
        && before.chars().count() >= 3
        && !is_capitalised_abbreviation(before)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        fix(text, &mut Vec::new()).into_owned()
    }

    #[test]
    fn a_stop_after_a_closing_quotation_mark_glues_sentences_too() {
        assert_eq!(
            fixed("is called “Regal”.The building reopens"),
            "is called “Regal”. The building reopens"
        );
        assert_eq!(
            fixed("кинотеатр «Художественный».Здание закрыто"),
            "кинотеатр «Художественный». Здание закрыто"
        );
        // Code quotes with straight quotes; a name in code follows no
        // space; a quoted number is no sentence.
        for text in [
            "\"abc\".Length is three",
            "the “Regal”.Cinema.Name field",
            "“Regal”.Dispose()",
            "a “42”.The",
        ] {
            assert_eq!(fixed(text), text);
        }
    }

    #[test]
    fn glued_sentences_get_their_space_back() {
        assert_eq!(
            fixed("doesn’t suit us.So, the work"),
            "doesn’t suit us. So, the work"
        );
        assert_eq!(
            fixed("was delayed.The minister said"),
            "was delayed. The minister said"
        );
        assert_eq!(fixed("met Putin.The talks"), "met Putin. The talks");
        assert_eq!(
            fixed("в среду.Переговоры продолжатся"),
            "в среду. Переговоры продолжатся"
        );
        assert_eq!(fixed("«fin.Después»"), "«fin. Después»");
    }

    #[test]
    fn short_openers_of_other_languages_and_one_letter_words_count() {
        for (glued, fixed_text) in [
            ("el borrador.Por eso", "el borrador. Por eso"),
            ("salió bien.Los vecinos", "salió bien. Los vecinos"),
            ("très bien.Les élus", "très bien. Les élus"),
            ("war gut.Die Stadt", "war gut. Die Stadt"),
            ("ficou bem.Os moradores", "ficou bem. Os moradores"),
            (
                "onduidelijk.Een woordvoerder",
                "onduidelijk. Een woordvoerder",
            ),
            ("is open.Het college", "is open. Het college"),
            ("before the turn.My coach", "before the turn. My coach"),
            (
                "selon la chambre d’agriculture.La sécheresse",
                "selon la chambre d’agriculture. La sécheresse",
            ),
            ("en el Avenida.Así que", "en el Avenida. Así que"),
            ("if we could.I think not", "if we could. I think not"),
            ("late at night.A man was", "late at night. A man was"),
            ("в мае.Он продолжался", "в мае. Он продолжался"),
            ("was approved.Él dijo", "was approved. Él dijo"),
            ("Ele saiu.O prefeito ficou", "Ele saiu. O prefeito ficou"),
            (
                "La obra se retrasó.Y el alcalde",
                "La obra se retrasó. Y el alcalde",
            ),
            (
                "в мае 2025 года.В мэрии обещают",
                "в мае 2025 года. В мэрии обещают",
            ),
            ("Il est parti.E poi", "Il est parti. E poi"),
            (
                "até chegar à embarcação.A Defesa Civil do Amazonas diz",
                "até chegar à embarcação. A Defesa Civil do Amazonas diz",
            ),
            (
                "прошло в выходные.В Самаре мост",
                "прошло в выходные. В Самаре мост",
            ),
        ] {
            assert_eq!(fixed(glued), fixed_text);
        }
        assert_untouched(&["see fig.A and vol.I", "plan.A, plan.B", "the x.I value"]);
        // A name after the opener only follows a word of four small
        // letters or more.
        assert_untouched(&["see fig.A Table", "Plan.A Team", "the vec.A Builder"]);
    }

    #[test]
    fn a_stop_after_a_capitalised_abbreviation_is_left_alone() {
        assert_untouched(&[
            "on Orchard Hill Blvd.The city has asked",
            "Northfell Water Services Ltd.The company pleaded guilty",
            "Casa & Lar Comércio de Utilidades Ltda.Em nota, o órgão",
            "said Sen.Warren and Gov.Newsom, then Sgt.Major Brown",
            "due on Sept.The date and Wed.It was",
            "see Prof.Schmidt and Ул.Ленина",
            "Art.The gallery",
            "Rev.A hymn follows",
        ]);
    }

    #[test]
    fn more_openers_elisions_and_one_letter_words_after_names_count() {
        for (glued, fixed_text) in [
            (
                "segundo a Defesa Civil.Segundo o órgão",
                "segundo a Defesa Civil. Segundo o órgão",
            ),
            ("in Berlin.Danach ging", "in Berlin. Danach ging"),
            ("à Paris.Ensuite, il", "à Paris. Ensuite, il"),
            (
                "w Telewizji Polskiej.Teraz planują",
                "w Telewizji Polskiej. Teraz planują",
            ),
            (
                "huit mois de fouilles.L’autre difficulté",
                "huit mois de fouilles. L’autre difficulté",
            ),
            ("il est venu.D'abord il", "il est venu. D'abord il"),
            (
                "no Ginásio Municipal de Lajeado.A prefeitura pede",
                "no Ginásio Municipal de Lajeado. A prefeitura pede",
            ),
            (
                "du Conseil d’État.À la CNIL",
                "du Conseil d’État. À la CNIL",
            ),
            ("sindaca di Lodi.È la prima", "sindaca di Lodi. È la prima"),
            ("no ano passado.É pouco", "no ano passado. É pouco"),
            ("рекламных агентств.Её итог", "рекламных агентств. Её итог"),
            (
                "Ναυτική Ομοσπονδία.Τι πρέπει",
                "Ναυτική Ομοσπονδία. Τι πρέπει",
            ),
            (
                "had led 2-0 at half-time.Portmore scored",
                "had led 2-0 at half-time. Portmore scored",
            ),
            ("Saint-Denis.Le maire", "Saint-Denis. Le maire"),
            (
                "to count penguins.Zoe Tran, 34,",
                "to count penguins. Zoe Tran, 34,",
            ),
        ] {
            assert_eq!(fixed(glued), fixed_text);
        }
        // A one-letter word after a short or dotted name, an elision in
        // code or before a capital, and a stop inside a name stay.
        assert_untouched(&[
            "Plan.A is ready",
            "Fig.A shows",
            "the class.L’Oréal",
            "obj.L'x",
            "на ул.Ново-Садовой.Департамент",
            "won 2-0.Portmore scored",
            "open notes.Txt, then site.Com and",
        ]);
    }

    #[test]
    fn names_in_code_listed_with_commas_stay_glued() {
        assert_untouched(&[
            "Call os.Path, filepath.Join, http.Client, strings.Builder, fmt.Println.",
            "the torch.Tensor.",
        ]);
        // A sentence that goes on after the word is unglued.
        assert_eq!(
            fixed("they left us.Officials said"),
            "they left us. Officials said"
        );
    }

    #[test]
    fn short_words_that_end_sentences_are_no_abbreviations() {
        assert_eq!(
            fixed("Hij belde me op.Daarna ging hij"),
            "Hij belde me op. Daarna ging hij"
        );
        assert_eq!(
            fixed("It was ok.Then it rained"),
            "It was ok. Then it rained"
        );
    }

    #[test]
    fn a_sentence_ending_on_a_number_or_a_date_is_unglued() {
        for (glued, fixed_text) in [
            (
                "first made in 2023.Traders opposed it",
                "first made in 2023. Traders opposed it",
            ),
            (
                "rose by 62%.Officials were pleased",
                "rose by 62%. Officials were pleased",
            ),
            ("some 1,500.Most of them", "some 1,500. Most of them"),
            (
                "dropped in May.Traders welcomed it",
                "dropped in May. Traders welcomed it",
            ),
            ("until (2019.It failed", "until (2019. It failed"),
            (
                "by the end of 2019.A spokesperson said",
                "by the end of 2019. A spokesperson said",
            ),
        ] {
            assert_eq!(fixed(glued), fixed_text);
        }
    }

    #[test]
    fn the_change_shows_the_number_it_follows() {
        let mut changes = Vec::new();
        fix("rose by 62%.Officials said", &mut changes);
        assert_eq!(changes[0].before, "62%.Officials");
        assert_eq!(changes[0].after, "62%. Officials");
    }

    /// Each text comes out as it went in.
    fn assert_untouched(texts: &[&str]) {
        for &text in texts {
            assert_eq!(fixed(text), text, "changed: {text}");
        }
    }

    #[test]
    fn numbers_inside_versions_codes_and_addresses_stay_glued() {
        // With `3.14.Then` and `2.1.Final` among the technical texts below.
        assert_untouched(&[
            "see v2.Beta and build 12.Rc",
            "in 2023.Q3 or 2023.Report_final and 1,,2.Foo",
            "open 2024.Pdf/archive",
            "1.Introduction\n2.Methods",
            "London.Traders and System.Text stay",
            "see Section 3.A and Table 2.B",
        ]);
    }

    #[test]
    fn the_change_names_the_glue() {
        let mut changes = Vec::new();
        fix("suit us.So, the", &mut changes);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].reason, "glued.sentence");
        assert_eq!(changes[0].before, "us.So");
        assert_eq!(changes[0].after, "us. So");
    }

    #[test]
    fn technical_and_abbreviated_text_is_untouched() {
        assert_untouched(&[
            "see https://example.com/News.Today and www.site.Com",
            "mail me at j.doe@Example.org today",
            "call Console.WriteLine(x) then System.IO.File.Open",
            "config.Load() returns",
            "the U.S.Army and the U.K.Government",
            "e.g.The case and i.e.Some",
            "a Ph.D.Thesis",
            "version 2.1.Final and 3.5.Beta",
            "open notes.Txt or report.Pdf",
            "Mr.Smith went to St.Petersburg",
            "Prof.Schmidt said and Gen.Motors sold",
            "call String.Format to build it",
            "The value was 3.14.Then",
            "iPhone.Apps are listed",
            "node_modules.Foo",
            "obj.prop.Name",
            "на ул.Ленина и пр.Мира, św.Mikołaj, tzv.Sametová, vs.Spain, bzw.Berlin",
        ]);
    }

    proptest::proptest! {
        #[test]
        fn the_stops_found_by_chunks_are_those_of_a_byte_by_byte_look(
            text in "[a. A\nÉж]{0,300}"
        ) {
            let bytes = text.as_bytes();
            let expected: Vec<usize> = (0..bytes.len())
                .filter(|&dot| {
                    bytes[dot] == b'.'
                        && bytes
                            .get(dot + 1)
                            .is_some_and(|&next| !next.is_ascii() || next.is_ascii_uppercase())
                })
                .collect();
            let mut found = Vec::new();
            for_each_stop_before_a_capital(bytes, |dot| found.push(dot));
            proptest::prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn text_without_glue_is_borrowed() {
        let mut changes = Vec::new();
        assert!(matches!(
            fix("A normal sentence. Another one.", &mut changes),
            Cow::Borrowed(_)
        ));
        assert!(changes.is_empty());
    }
}
