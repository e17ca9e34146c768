//! The shape of a site's menu: a row of section links (`News | Analysis |
//! Events | Jobs`), a column of them under the site's name (`Ashwell
//! Parish News` / `Home` / `Events` / `Contact`), or a column of links
//! alone, written as most languages write them, in sentence case
//! (`Inicio` / `Entrevistas` / `Historia del barrio` / `Agenda`). No rule
//! can list every site's sections, so the menu is told by its shape: short
//! names in a capital, no sentence, no number. A list of the story can
//! have the same shape: `boilerplate.rs` drops such a block only above the
//! story, where a menu stands, and a column of links alone only right
//! over the headline at the top of the page.

/// The separators of a row of links.
const ROW_SEPARATORS: &[char] = &['|', '·', '•', '/'];

/// Signs a section's name may hold as words of their own (`Food &
/// Drink`).
const CONNECTORS: &[&str] = &["&", "+"];

/// The longest name of one link, in characters.
const ITEM_MAX_CHARS: usize = 24;

/// The longest link in a script without capitals, where a whole phrase
/// can be one word.
const CASELESS_ITEM_MAX_CHARS: usize = 12;

/// The longest row of links, in characters.
const ROW_MAX_CHARS: usize = 120;

/// The longest row of links, in bytes (of characters of up to four).
pub const ROW_MAX_BYTES: usize = 4 * ROW_MAX_CHARS;

/// The longest line of a menu column that is not a row: the site's name.
const NAME_MAX_WORDS: usize = 5;

/// The longest link of a menu in sentence case, in words (`Start free
/// trial`, `Поиск по сайту`).
const LINK_MAX_WORDS: usize = 3;

/// The longest number a label may hold after its first word (`Channel 7`).
const LABEL_NUMBER_DIGITS: usize = 2;

/// The longest number a site's name may hold: a year (`FC Ebersbach 1921`).
const SITE_NAME_NUMBER_DIGITS: usize = 4;

/// The fewest links of a column with no site's name over it.
const LINKS_ALONE_MIN: usize = 4;

/// The most lines of a column of links.
pub const COLUMN_MAX_LINES: usize = 12;

/// A row of section links: at least two names separated by `|`, `·`,
/// `•` or `/`, each of one to three words opening with a capital (`Portal
/// World | Latest | Faits divers`), at least one of a single word. Two
/// names must both be single words (`Culture | Musique`). A byline can
/// have this shape (`By Jane Doe | Staff Writer | Culture`): the caller
/// tells it apart.
pub fn is_row(line: &str) -> bool {
    // Most lines hold no separator: a look at the bytes tells (`·` ends
    // in B7, `•` in A2), before any character is counted.
    let may_hold_a_separator = line
        .bytes()
        .any(|byte| matches!(byte, b'|' | b'/' | 0xB7 | 0xA2));
    if line.len() > 4 * ROW_MAX_CHARS
        || !may_hold_a_separator
        || line.chars().count() > ROW_MAX_CHARS
        || !line.contains(ROW_SEPARATORS)
    {
        return false;
    }
    let mut items = 0;
    let mut single_words = 0;
    let mut numbers = 0;
    for item in line.split(ROW_SEPARATORS) {
        let words = item.split_whitespace().count();
        if is_emergency_number(item) {
            numbers += 1;
        } else if !(1..=3).contains(&words) || !is_name(item, ITEM_MAX_CHARS) {
            return false;
        }
        items += 1;
        single_words += usize::from(words == 1);
    }
    // A slash between two words is often a pair of things in one name
    // (`Politics/Elections`), so a slashed pair is no row. A number is one
    // section among many names, never two of them (`Arsenal | 2 | Chelsea
    // | 1` is a score).
    let slashed = line.contains('/');
    match items {
        _ if numbers > 1 || (numbers == 1 && items < NUMBERED_ROW_MIN_ITEMS) => false,
        0 | 1 => false,
        2 => single_words == 2 && !slashed,
        _ => single_words >= 1,
    }
}

/// The fewest links of a row one of which is a number.
const NUMBERED_ROW_MIN_ITEMS: usize = 5;

/// Whether a link of a row is an emergency number, the name a news site
/// gives its police and fire section (`112`, `911`, `999`): three digits.
fn is_emergency_number(item: &str) -> bool {
    is_number_of(item.trim(), 3..=3)
}

/// Whether `word` is a number written in as many ASCII digits as `digits`
/// allows (`7` in `Channel 7`, `112`).
fn is_number_of(word: &str, digits: std::ops::RangeInclusive<usize>) -> bool {
    digits.contains(&word.len()) && word.bytes().all(|byte| byte.is_ascii_digit())
}

/// A row of section names written with spaces alone between them
/// (`Nyheter Sport Kultur Nöje Ekonomi Debatt`): four to ten words, each
/// a name of its own opening with a capital. A headline in title case can
/// have this shape: the caller takes it for a menu's row only beside links
/// a rule knows (`Prenumerera`, `Logga in`).
pub fn is_row_of_words(line: &str) -> bool {
    const WORDS: std::ops::RangeInclusive<usize> = 4..=10;
    let words = line.split(' ').count();
    WORDS.contains(&words)
        && line.len() <= ROW_MAX_CHARS
        && line.split(' ').all(|word| {
            label_capitals(word, ITEM_MAX_CHARS).is_some_and(|(_, capitals)| capitals == 1)
        })
}

/// The fewest words of a row of names ([`is_row_of_names`]).
pub const ROW_OF_NAMES_MIN_WORDS: usize = 5;

/// The words of a row of section names with spaces alone between them,
/// in a looser shape than [`is_row_of_words`]: five to twelve words, the
/// first a name in a capital (or of a script without capitals), each word
/// a label's, a word in small letters only after one in a capital (the
/// second word of `Strona główna`, `Se connecter`), and at most a third of
/// them so. The caller takes it for a menu only closed by links a rule
/// knows.
pub fn is_row_of_names(words: &[&str]) -> bool {
    const WORDS: std::ops::RangeInclusive<usize> = ROW_OF_NAMES_MIN_WORDS..=12;
    if !WORDS.contains(&words.len())
        || words
            .iter()
            .map(|word| word.chars().count() + 1)
            .sum::<usize>()
            > ROW_MAX_CHARS + 1
    {
        return false;
    }
    let mut small = 0;
    let mut after_capital = false;
    for (position, word) in words.iter().enumerate() {
        // A channel's number inside a name (`8 On Your Side`).
        if position > 0 && is_number_of(word, 1..=LABEL_NUMBER_DIGITS) {
            after_capital = false;
            continue;
        }
        let capital =
            label_capitals(word, ITEM_MAX_CHARS).is_some_and(|(_, capitals)| capitals == 1);
        if !capital {
            let small_word = after_capital && word.chars().all(|c| c.is_lowercase() || is_mark(c));
            if !small_word {
                return false;
            }
            small += 1;
        }
        after_capital = capital;
    }
    3 * small <= words.len()
}

/// Whether two lines are rows of one table: both hold `|`, as many times
/// (`Director | Runtime | Rating` over `Nora Ephron | 105 min | PG`). A
/// menu's rows differ.
pub fn are_table_rows(line: &str, next: &str) -> bool {
    let bars = |line: &str| line.bytes().filter(|&byte| byte == b'|').count();
    let here = bars(line);
    here > 0 && bars(next) == here
}

/// A line of a menu column: one link or the site's name, of up to five
/// words opening with a capital, or of two words or more after a
/// channel's number (`6 On Your Side`; not a count: `12 Comments`).
pub fn is_column_line(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let name = match line.split_once(' ') {
        Some((number, name))
            if is_number_of(number, 1..=LABEL_NUMBER_DIGITS)
                && name.split_whitespace().count() >= 2 =>
        {
            name
        }
        _ => line,
    };
    (1..=NAME_MAX_WORDS).contains(&words) && is_name(name, 2 * ITEM_MAX_CHARS)
}

/// The site's name heading a column of section names, which may hold a
/// number of up to four digits after its first word (`SV Blau-Weiß
/// Ebersbach 1921 e.V.`, `Radio 1`).
pub fn is_site_name(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=NAME_MAX_WORDS).contains(&words)
        && label_capitals_with(line, 2 * ITEM_MAX_CHARS, SITE_NAME_NUMBER_DIGITS)
            .is_some_and(|(words, capitals)| 2 * capitals >= words)
}

/// A link of a column of section names alone (`Cultuur` / `Film` /
/// `Muziek`): one or two words, which `&` or `+` may join (`Arts &
/// Culture`).
pub fn is_section_name(line: &str) -> bool {
    let words = line
        .split_whitespace()
        .filter(|word| !CONNECTORS.contains(word))
        .count();
    (1..=2).contains(&words) && is_name(line, ITEM_MAX_CHARS)
}

/// A column of links alone, with no site's name over it: four to twelve
/// links of one to three words opening with a capital, the other words
/// perhaps small (`Inicio` / `Entrevistas` / `Historia del barrio` /
/// `Agenda` / `Contacto`), more than half of them a single word. A menu
/// names its sections in a word each; a list of phrases (`Key findings` /
/// `Waiting lists are shorter` / …) is no menu. A list of the story
/// (`Flour` / `Sugar` / `Eggs` / `Olive oil`) can have this shape too: the
/// caller tells them apart by where the column stands.
pub fn is_column_of_links<Line: AsRef<str>>(lines: &[Line]) -> bool {
    if !(LINKS_ALONE_MIN..=COLUMN_MAX_LINES).contains(&lines.len()) {
        return false;
    }
    let mut single_words = 0;
    let all_links = lines.iter().all(|line| {
        let line = line.as_ref();
        single_words += usize::from(line.split_whitespace().count() == 1);
        is_link(line)
    });
    all_links && 2 * single_words > lines.len()
}

/// One link of a column of links alone: one to three words opening with
/// a capital, the other words perhaps small (`Historia del barrio`).
pub fn is_link(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=LINK_MAX_WORDS).contains(&words) && label_capitals(line, ITEM_MAX_CHARS).is_some()
}

/// Whether `text` reads as a name: a label (see [`label_capitals`]) of
/// which at least half the words open with a capital (`Le Petit Journal
/// de Vendée`, `Faits divers`, not `What the council is proposing`).
fn is_name(text: &str, max_chars: usize) -> bool {
    label_capitals(text, max_chars).is_some_and(|(words, capitals)| 2 * capitals >= words)
}

/// The words of `text` and how many open with a capital, when it reads
/// as a label: its first word opens with a capital; every word holds
/// letters only (and `'`, `’`, `-`, `.`, `&`, a digit after a letter:
/// `F1`), or after the first is a number of one or two digits (`Channel
/// 7`); and the whole is at most `max_chars` long. Words of a script
/// without capitals count as labels when short.
fn label_capitals(text: &str, max_chars: usize) -> Option<(usize, usize)> {
    label_capitals_with(text, max_chars, LABEL_NUMBER_DIGITS)
}

/// [`label_capitals`], with numbers of up to `number_digits` digits.
fn label_capitals_with(
    text: &str,
    max_chars: usize,
    number_digits: usize,
) -> Option<(usize, usize)> {
    let text = text.trim();
    let chars = text.chars().count();
    if chars == 0 || chars > max_chars {
        return None;
    }
    let first = text.chars().next()?;
    let caseless = first.is_alphabetic() && !first.is_uppercase() && !first.is_lowercase();
    if !(first.is_uppercase() || caseless || is_brand(text)) {
        return None;
    }
    let (mut words, mut capitals) = (0, 0);
    let letters_only = text.split_whitespace().enumerate().all(|(position, word)| {
        words += 1;
        capitals +=
            usize::from(word.chars().next().is_some_and(|c| !c.is_lowercase()) || is_brand(word));
        let number = position > 0 && is_number_of(word, 1..=number_digits);
        number
            || CONNECTORS.contains(&word)
            || word.chars().enumerate().all(|(index, c)| {
                c.is_alphabetic()
                    || is_mark(c)
                    || matches!(c, '\'' | '’' | '-' | '.' | '&')
                    || (index > 0 && c.is_ascii_digit())
            })
    });
    (letters_only && (!caseless || chars <= CASELESS_ITEM_MAX_CHARS)).then_some((words, capitals))
}

/// A name that opens with one small letter before a capital (`ePaper`,
/// `e-Edition`, `iPlayer`).
fn is_brand(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(char::is_lowercase)
        && match chars.next() {
            Some('-') => chars.next().is_some_and(char::is_uppercase),
            Some(c) => c.is_uppercase(),
            None => false,
        }
}

/// A combining mark of the scripts whose menus have them (Latin
/// accents written apart, Thai and the Indic scripts' vowel signs and tone
/// marks), which are no letters.
fn is_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
        || ('\u{0900}'..='\u{0DFF}').contains(&c)
        || ('\u{0E00}'..='\u{0EFF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_of_words_is_four_to_ten_names_of_a_word_each() {
        assert!(is_row_of_words(
            "Nyheter Sport Kultur Nöje Ekonomi Debatt Familj"
        ));
        assert!(is_row_of_words("News Sport Business Opinion"));
        for line in [
            "News Sport",
            "News and Sport Today Live",
            "Council Backs New Harbour Plan, Despite Protests",
            "Mayor Resigns After 12 Years",
            "One Two Three Four Five Six Seven Eight Nine Ten Eleven",
        ] {
            assert!(!is_row_of_words(line), "{line}");
        }
    }

    #[test]
    fn a_site_name_may_hold_a_year_and_a_link_no_more_than_three_words() {
        for name in [
            "SV Blau-Weiß Ebersbach 1921 e.V.",
            "Radio 1",
            "Grünwald 1896",
        ] {
            assert!(is_site_name(name), "{name}");
        }
        for line in ["Postleitzahl 80331", "founded in 1921", "Tickets £12.50"] {
            assert!(!is_site_name(line), "{line}");
        }
        // A label keeps its numbers to two digits.
        assert!(!is_column_line("SV Ebersbach 1921"));
        for link in ["Inicio", "Historia del barrio", "Chi sono"] {
            assert!(is_link(link), "{link}");
        }
        for line in ["Mayor resigns over budget", "the council", "2024"] {
            assert!(!is_link(line), "{line}");
        }
    }

    #[test]
    fn rows_of_section_links_are_rows() {
        for row in [
            "Features | Culture | Design",
            "News | Analysis | Events | Jobs",
            "Portal World | Latest | Video",
            "Books · Fiction · Profiles",
            "Culture | Musique",
            "Food & Drink | Travel | Arts and Culture",
            "Actualité • Société • Économie",
            "Новости | Спорт | Культура",
            "ข่าว | กีฬา | บันเทิง",
            "Home/News/Sport",
            "News | Sports | Obituaries | e-Edition",
            "ePaper | Subscribe | Sign In",
            "Forside | Nyheder | Lokalt | Sport | 112 | Debat | Log ind",
        ] {
            assert!(is_row(row), "{row}");
        }
    }

    #[test]
    fn headlines_bylines_and_sentences_are_no_rows() {
        for line in [
            "Jane Doe | Staff Writer",
            "Council closes baths | Wrexley Gazette",
            "Dana Whitfield | dwhitfield@hcledger.com",
            "Updated Feb. 11, 2026 | 6:40 p.m.",
            "Politics/Elections",
            "Results: Smith 41% | Jones 38% | Patel 21%",
            "Fares rise | Riders angry at the council | Vote due",
            "Features",
            "the news | the sport | the weather",
            "Vote due | 2026 | Results",
            "Arsenal | 102 | Chelsea | 111 | Final",
            "Nyheder | Sport | 112 | Debat",
        ] {
            assert!(!is_row(line), "{line}");
        }
    }

    #[test]
    fn a_column_holds_short_names_only() {
        for line in [
            "Ashwell Parish News",
            "Home",
            "Log In",
            "Sections",
            "Arts and Culture",
            "6 On Your Side",
        ] {
            assert!(is_column_line(line), "{line}");
        }
        for line in [
            "Some residents have waited eleven years",
            "Published: 09:12",
            "What the council is proposing",
            "12 Comments",
            "6 people were hurt",
        ] {
            assert!(!is_column_line(line), "{line}");
        }
        assert!(is_section_name("Cultuur") && is_section_name("Faits divers"));
        assert!(is_section_name("Fixtures & Results") && is_section_name("Arts + Culture"));
        assert!(!is_section_name("Ashwell Parish News"));
        assert!(!is_section_name("Bread & Butter & Jam"));
    }

    #[test]
    fn a_column_of_links_alone_is_mostly_single_words_in_a_capital() {
        for column in [
            "Inicio\nEntrevistas\nHistoria del barrio\nAgenda\nContacto",
            "Home\nRicette\nSagre e feste\nItinerari\nChi sono\nContatti",
            "Fernway\nProduct\nPricing\nCustomers\nBlog\nCareers\nSign in\nStart free trial",
            "Новости\nНаука\nГаджеты\nИнтернет\nОбзоры\nПоиск по сайту",
            "Accueil\nActualités\nVie locale\nSports\nAgenda",
            "Startseite\nPolitik\nWirtschaft\nKultur\nMeinung",
            "ePaper\nNews\nSport\nWetter",
        ] {
            let lines: Vec<&str> = column.lines().collect();
            assert!(is_column_of_links(&lines), "{column}");
        }
    }

    #[test]
    fn lists_of_phrases_sentences_numbers_or_few_lines_are_no_column_of_links() {
        for column in [
            // Three lines, or phrases more than words.
            "Home\nNews\nContact",
            "Home\nAbout us\nOur work\nGet involved",
            "Key findings\nWaiting lists are shorter\nFewer operations were cancelled\nMore nurses",
            // Quantities, dates, scores, punctuation, bullets, questions.
            "Flour\n200 g sugar\nEggs\nButter",
            "Venerdì 30 agosto: apertura\nSabato\nDomenica\nLunedì",
            "Results\nSmith 41%\nJones 38%\nPatel 21%",
            "Roses are red,\nViolets are blue,\nSugar is sweet,\nAnd so are you.",
            "Q: Why?\nA: Because\nQ: When?\nA: Soon",
            "• Salt\n• Pepper\n• Oil\n• Garlic",
            // Lines in small letters, a link too long, and a sentence.
            "home\nnews\nsport\nweather",
            "Inicio\nNoticias\nLa historia completa del barrio\nAgenda\nContacto",
            "Inicio\nNoticias\nAgenda\nEl alcalde dimite hoy",
        ] {
            let lines: Vec<&str> = column.lines().collect();
            assert!(!is_column_of_links(&lines), "{column}");
        }
    }
}
