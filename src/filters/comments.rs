//! Comment sections: from a marker (`Leave a Reply`, `3 Comments`,
//! `2 thoughts on “…”`, `comments powered by Disqus`, the Facebook comments
//! plugin and their translations, all `marker` rules in the rules file)
//! through the form and the readers' comments to the end of the document.
//! A marker only opens a section when what follows it is a comment section:
//! form fields, comment controls, comment-shaped blocks, or nothing of
//! substance at all. A subheading "Leave a reply" in an article about
//! comment moderation is followed by prose, so it stays, and so does the
//! article after it. Readers' comments go even when they quote the article
//! word for word.

use super::dedup::SharedRepeats;
use super::rules::{Rule, RuleSet};
use super::shape::BlockView;
use super::Decisions;
use std::cell::OnceCell;

pub const CATEGORY: &str = "comment-section";
pub const REASON: &str = "boilerplate.comment-section";

/// Blocks after a marker looked at for evidence of a comment section.
const LOOK_AHEAD: usize = 3;

/// A marker is a heading or a one-line notice, never a paragraph.
const MARKER_MAX_CHARS: usize = 300;

/// Drops the first confirmed comment section, from its marker to the end.
/// Repeats the paragraph filter will drop (`repeats`) are not looked at.
pub fn mark(
    views: &[BlockView],
    rules: &RuleSet,
    repeats: &SharedRepeats,
    decisions: &mut Decisions,
) {
    // Nothing is dropped until a section is confirmed, so the running text
    // is known once for every marker; it is only worked out when a marker
    // turns up.
    let mut running_text: Option<RunningText> = None;
    for index in 0..views.len() {
        if !decisions.kept(index) || !is_marker(&views[index], rules) {
            continue;
        }
        let running =
            running_text.get_or_insert_with(|| RunningText::new(views, rules, repeats, decisions));
        if section_follows(index, views, rules, decisions, running) {
            for dropped in index..views.len() {
                decisions.drop_block(dropped, REASON);
            }
            return;
        }
    }
}

/// Where the article's running text is. A prose block that repeats an
/// earlier one word for word is not running text: readers' comments quote
/// the article, and the paragraph filter drops such repeats anyway, so a
/// second cleaning must see the same section whether they are there or not.
/// Nor is any other block the paragraph filter drops as a repeat (a second
/// copy of the headline), looking ahead of a marker.
/// Page furniture (a cookie notice, `Print`, every line a boilerplate rule)
/// is not running text either, for the same reason: the boilerplate filter
/// drops most of it.
struct RunningText<'r> {
    repeated: &'r [bool],
    /// Whether each block is page furniture, worked out only for the
    /// blocks asked about: those from the end back to the last prose, and
    /// those right after a marker.
    furniture: Vec<OnceCell<bool>>,
    last_prose: Option<usize>,
}

impl<'r> RunningText<'r> {
    fn new(
        views: &[BlockView],
        rules: &RuleSet,
        repeats: &'r SharedRepeats,
        decisions: &Decisions,
    ) -> RunningText<'r> {
        let mut running = RunningText {
            repeated: repeats.get(views, decisions),
            furniture: vec![OnceCell::new(); views.len()],
            last_prose: None,
        };
        running.last_prose = (0..views.len()).rev().find(|&index| {
            decisions.kept(index)
                && views[index].prose
                && !running.repeated[index]
                && !running.is_furniture(index, views, rules)
        });
        running
    }

    fn is_furniture(&self, index: usize, views: &[BlockView], rules: &RuleSet) -> bool {
        *self.furniture[index].get_or_init(|| is_furniture(&views[index], rules))
    }
}

/// Boilerplate rules of another kind than comment sections cover every
/// line of the block, or one matches at its start (`Leggi anche: …`).
fn is_furniture(view: &BlockView, rules: &RuleSet) -> bool {
    if view.lines.is_empty() {
        return false;
    }
    let other_kind = |hits: &[usize]| {
        hits.iter()
            .any(|&index| !is_comment_rule(rules.rule(index)))
    };
    // Most first lines have no rule at all: the others then need no look.
    let covered =
        other_kind(view.first_line_hits(rules)) && view.line_hits(rules).iter().all(other_kind);
    covered
        || view
            .start_hits(rules)
            .iter()
            .any(|&index| !is_comment_rule(rules.rule(index)))
}

fn is_comment_rule(rule: &Rule) -> bool {
    rule.category == CATEGORY
}

/// A block opening with a marker, of at most three lines, or of more when
/// every line is the section's (`12 comments` / `Sort by` / `Oldest` /
/// `Add a comment…`).
fn is_marker(view: &BlockView, rules: &RuleSet) -> bool {
    if view.chars > MARKER_MAX_CHARS {
        return false;
    }
    let opens = view
        .first_line_hits(rules)
        .iter()
        .map(|&index| rules.rule(index))
        .any(|rule| is_comment_rule(rule) && rule.marker);
    opens
        && (view.lines.len() <= 3
            || view
                .line_hits(rules)
                .iter()
                .all(|hits| hits.iter().any(|&index| is_comment_rule(rules.rule(index)))))
}

/// How strongly a block says that a comment section is under way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sign {
    None,
    /// A line that heads comments but also quotes and datelines (`Jane
    /// Price said:`, `14 March 2024 at 09:12`, a `hint` rule), or a
    /// reader's comment among the first blocks after a marker, before any
    /// prose: a section only with more.
    Hint,
    /// A form field, a comment control or another marker.
    Sure,
}

/// The strongest sign of a comment section among the block's lines.
fn sign_of(view: &BlockView, rules: &RuleSet) -> Sign {
    let mut sign = Sign::None;
    for &index in view.line_hits(rules).all() {
        let rule = rules.rule(index);
        if !is_comment_rule(rule) {
            continue;
        }
        if !rule.hint {
            return Sign::Sure;
        }
        sign = Sign::Hint;
    }
    sign
}

/// A reader's comment: a commenter's name on a line of its own, then what
/// they wrote. Among the first blocks after a marker, before any prose, that
/// is a comment section's entry, with or without a date or a `Reply` link.
fn is_reader_comment(view: &BlockView) -> bool {
    let [name, said @ ..] = &view.lines[..] else {
        return false;
    };
    is_commenter_name(name) && said.iter().any(|line| line.split(' ').count() >= 3)
}

/// A comment's header set apart from its text: the commenter's name on
/// the first line, then only the date or the time they wrote
/// (`Tomás Reilly` / `Mar 14`, `Ana Ruiz` / `4 abril, 2024 a las 9:12`), as
/// Substack and many blogs show it.
fn is_commenter_header(view: &BlockView) -> bool {
    let [name, stamps @ ..] = &view.lines[..] else {
        return false;
    };
    !stamps.is_empty() && stamps.iter().all(|line| is_date_or_time(line)) && is_commenter_name(name)
}

/// A line that is only a date or a clock time, in the main news languages:
/// `Mar 14`, `14 March 2024`, `16 Ağustos 2024, 09:41`, `23. April 2024 um
/// 8:14 Uhr`, `Thursday 14 March 2024 at 9:12 a.m.`. It names a month or a
/// time and holds a number; every other word is a number, a weekday or a
/// joining word (`at`, `um`, `de`, `a las`). Times since (`2 hours ago`)
/// are the `comments.timestamp` rule's.
pub(crate) fn is_date_or_time(line: &str) -> bool {
    const MAX_CHARS: usize = 48;
    // Days, years and times are written in ASCII digits: most lines are
    // told by their bytes, before any word is read.
    if line.len() > 4 * MAX_CHARS
        || !line.bytes().any(|byte| byte.is_ascii_digit())
        || line.chars().count() > MAX_CHARS
    {
        return false;
    }
    let mut month_or_time = false;
    let mut number = false;
    for word in line.split([' ', '·', '•', '|', '/']) {
        let word = word.trim_end_matches([',', '.']).to_lowercase();
        if word.is_empty() || matches!(word.as_str(), "-" | "–" | "—") {
            continue;
        }
        if is_clock_time(&word) {
            month_or_time = true;
            number = true;
        } else if is_day_or_year(&word) {
            number = true;
        } else if one_of(MONTHS, &word) {
            month_or_time = true;
        } else if !one_of(DATE_WORDS, &word) {
            return false;
        }
    }
    month_or_time && number
}

/// Whether `word` is one of the space-separated `words`.
fn one_of(words: &str, word: &str) -> bool {
    words.split(' ').any(|listed| listed == word)
}

/// `9:12`, `09.41`, `12h04`, `9:12am`, `8.15pm`.
fn is_clock_time(word: &str) -> bool {
    let word = word
        .strip_suffix("am")
        .or_else(|| word.strip_suffix("pm"))
        .unwrap_or(word);
    let Some((hours, minutes)) = word.split_once([':', '.', 'h']) else {
        return false;
    };
    (1..=2).contains(&hours.len())
        && minutes.len() == 2
        && hours
            .bytes()
            .chain(minutes.bytes())
            .all(|b| b.is_ascii_digit())
}

/// A day of the month or a year (`14`, `2024`, `14th`), its full stop or
/// comma already off.
fn is_day_or_year(word: &str) -> bool {
    let digits = word
        .strip_suffix("st")
        .or_else(|| word.strip_suffix("nd"))
        .or_else(|| word.strip_suffix("rd"))
        .or_else(|| word.strip_suffix("th"))
        .unwrap_or(word);
    (1..=4).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Month names and their short forms, lower case, without a full stop:
/// English, German, Dutch, French, Spanish, Portuguese, Italian, Turkish,
/// Romanian, Indonesian, and Polish and Russian in the genitive dates use.
const MONTHS: &str =
    "january february march april may june july august september october november december \
    jan feb mar apr jun jul aug sep sept oct nov dec januar jänner februar märz mai juni \
    juli oktober dezember mär okt dez januari februari maart mei augustus janvier février \
    mars avril juin juillet août septembre octobre novembre décembre janv févr avr juil déc \
    enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre \
    diciembre ene abr ago dic janeiro fevereiro março maio junho julho setembro outubro \
    dezembro fev set out gennaio febbraio aprile maggio giugno luglio settembre ottobre \
    dicembre gen mag giu lug ott ocak şubat mart nisan mayıs haziran temmuz ağustos eylül \
    ekim kasım aralık ianuarie februarie martie aprilie iunie iulie septembrie octombrie \
    noiembrie decembrie stycznia lutego marca kwietnia maja czerwca lipca sierpnia września \
    października listopada grudnia января февраля марта апреля мая июня июля августа \
    сентября октября ноября декабря maret agustus desember agu agt des marts maj augusti";

/// The other words of a date or a time: weekdays, the words that join a
/// date to its time (`at`, `um`, `a las`, `à`, `alle`, `saat`, `в`,
/// `pukul`), the clock's (`Uhr`, `a.m.`, `WIB`) and the year's (`г.`,
/// `r.`).
const DATE_WORDS: &str =
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs \
    fri sat sun at on of the um uhr am pm a.m p.m a à às as las la le el de del di alle ore \
    om op saat o godz в г r h pukul jam wib wita wit les kl";

/// A name as comment threads show it: one to four words of at most 40
/// characters, each opening with a capital (`Joe Bloggs`, `Peter K.`,
/// `J. Smith`), or a single user name (`jsmith42`). No punctuation but
/// the full stop of an initial, so no sentence or label (`Q:`) is one.
fn is_commenter_name(line: &str) -> bool {
    let words: Vec<&str> = line.split(' ').collect();
    if line.chars().count() > 40 || words.len() > 4 {
        return false;
    }
    let initial = |word: &str| {
        let mut chars = word.chars();
        matches!(
            (chars.next(), chars.next(), chars.next()),
            (Some(letter), Some('.'), None) if letter.is_uppercase()
        )
    };
    let capitalised = |word: &str| {
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
    };
    let user_name = |word: &str| {
        word.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
            && word.chars().any(char::is_alphabetic)
            && !word.ends_with('.')
    };
    // The particles of Dutch, German, French, Spanish, Portuguese and
    // Italian names (`Jan de Vries`, `Ana dos Santos`), never first or last.
    let particle = |word: &str| {
        matches!(
            word,
            "van"
                | "de"
                | "der"
                | "den"
                | "von"
                | "zu"
                | "da"
                | "das"
                | "do"
                | "dos"
                | "del"
                | "della"
                | "di"
                | "du"
                | "le"
                | "la"
                | "y"
                | "e"
                | "ter"
                | "ten"
                | "op"
        )
    };
    match words[..] {
        [single] => capitalised(single) || user_name(single),
        [first, ref middle @ .., last] => {
            (capitalised(first) || initial(first))
                && (capitalised(last) || initial(last))
                && middle
                    .iter()
                    .all(|word| capitalised(word) || initial(word) || particle(word))
        }
        [] => false,
    }
}

/// Whether the blocks after the marker at `marker` make a comment section.
/// Looks at a few blocks only: a document full of markers stays linear.
fn section_follows(
    marker: usize,
    views: &[BlockView],
    rules: &RuleSet,
    decisions: &Decisions,
    running: &RunningText,
) -> bool {
    let following = |from: usize| {
        (from..views.len()).filter(|&index| {
            decisions.kept(index)
                && !running.repeated[index]
                && !running.is_furniture(index, views, rules)
        })
    };
    // A count under the story, not one by the headline.
    let counted = || {
        views[marker]
            .lines
            .first()
            .is_some_and(|line| line.starts_with(|c: char| c.is_ascii_digit()))
            && (0..marker).any(|index| decisions.kept(index) && views[index].prose)
    };
    let mut after_a_name = false;
    for index in following(marker + 1).take(LOOK_AHEAD) {
        let view = &views[index];
        let mut header = false;
        let sign = match sign_of(view, rules) {
            Sign::None if is_commenter_header(view) => {
                header = true;
                Sign::Hint
            }
            Sign::None if is_reader_comment(view) => Sign::Hint,
            // A comment split into blocks: its author's name, what they
            // wrote, then a control (`Reply`) or another sign.
            Sign::None
                if view.prose
                    && after_a_name
                    && following(index + 1).next().is_some_and(|next| {
                        !matches!(sign_of(&views[next], rules), Sign::None)
                    }) =>
            {
                Sign::Hint
            }
            sign => sign,
        };
        match sign {
            Sign::Sure => return true,
            Sign::Hint => {
                // A byline (`Jane Doe` / `14 March 2024`) has a commenter
                // header's shape: with no other comment behind it, one
                // paragraph after it under a count is the article.
                let closing = match (counted(), header) {
                    (false, _) => LastParagraph::Article,
                    (true, false) => LastParagraph::Closes,
                    (true, true) => LastParagraph::AfterAnotherComment,
                };
                return hint_backed_up(views, rules, following(index + 1), closing);
            }
            Sign::None if view.prose => return false,
            Sign::None => {}
        }
        after_a_name = matches!(&view.lines[..], [line] if is_commenter_name(line));
    }
    // Nothing but short lines (or nothing at all) until the end: the marker
    // closes the page, unless a sentence follows it (`Have your say` over
    // the ways to take part in a consultation, and its closing date).
    !running.last_prose.is_some_and(|last| last > marker)
        && !following(marker + 1)
            .any(|index| views[index].lines.iter().any(|line| is_sentence(line)))
}

/// What one paragraph without any sign, closing the document after the
/// last sign, is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LastParagraph {
    /// The article's: under a subheading, or a count by the headline.
    Article,
    /// The last comment's: under a marker that counts the comments
    /// (`2 Comments`) below the story, which no subheading does.
    Closes,
    /// The last comment's once a second comment has shown itself: a
    /// commenter header alone is also a byline over the article.
    AfterAnotherComment,
}

/// Whether the blocks after a hint (`after`, the running ones past it)
/// back it up: a sure sign comes before two paragraphs without any sign,
/// or the document ends with no such paragraph after the last sign (a
/// hint, another reader's comment or a commenter header). A comment's
/// text may stand in a paragraph of its own between its header and its
/// `Reply` link; an article goes on for paragraphs. `closing` says
/// whether one such paragraph may end the document.
fn hint_backed_up(
    views: &[BlockView],
    rules: &RuleSet,
    after: impl Iterator<Item = usize>,
    closing: LastParagraph,
) -> bool {
    let mut plain_paragraphs = 0;
    let mut another_comment = false;
    for index in after {
        let view = &views[index];
        let sign = match sign_of(view, rules) {
            Sign::None if is_commenter_header(view) || is_reader_comment(view) => Sign::Hint,
            sign => sign,
        };
        match sign {
            Sign::Sure => return true,
            Sign::Hint => {
                plain_paragraphs = 0;
                another_comment = true;
            }
            Sign::None if view.prose => {
                plain_paragraphs += 1;
                if plain_paragraphs == 2 {
                    return false;
                }
            }
            Sign::None => {}
        }
    }
    let last_closes = match closing {
        LastParagraph::Article => false,
        LastParagraph::Closes => true,
        LastParagraph::AfterAnotherComment => another_comment,
    };
    plain_paragraphs == 0 || (last_closes && plain_paragraphs == 1)
}

/// A line that reads as a sentence: it opens with a capital, runs to four
/// words or more and ends with a full stop, a question or an exclamation
/// mark (a closing quotation mark may follow).
fn is_sentence(line: &str) -> bool {
    let body = line.trim_end_matches(['"', '\'', '’', '”', '»', ')']);
    body.chars().next().is_some_and(char::is_uppercase)
        && body.ends_with(['.', '!', '?'])
        && !body.ends_with("...")
        && body.split(' ').count() >= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a page of the story's first block and a comment section
    /// comes out as: that block kept, the rest dropped.
    fn only_the_first_kept(blocks: usize) -> Vec<bool> {
        let mut kept = vec![false; blocks];
        kept[0] = true;
        kept
    }

    fn run(blocks: &[&str]) -> Vec<bool> {
        let views: Vec<BlockView> = blocks.iter().map(|block| BlockView::new(block)).collect();
        let mut decisions = Decisions::new(blocks.len());
        let repeats = SharedRepeats::new(Some(40));
        mark(&views, &RuleSet::builtin(), &repeats, &mut decisions);
        (0..blocks.len())
            .map(|index| decisions.kept(index))
            .collect()
    }

    const BODY: &str =
        "The planning committee will take a final decision on the scheme at its meeting in March.";

    #[test]
    fn a_comment_split_into_name_text_and_reply_blocks_is_one() {
        let page = [
            BODY,
            "3 Comments",
            "Maria Lopez",
            "Brilliant news. Sunday is when families have time, exactly as the councillor says.",
            "Reply",
            "John Smith",
            "Typical council, always late with everything. Thirty years too late.",
            "Reply",
        ];
        assert_eq!(
            run(&page),
            [true, false, false, false, false, false, false, false]
        );
        // A subheading, a name and the story going on: no comment.
        let story = [
            BODY,
            "Comments",
            "Maria Lopez",
            "Maria Lopez has run the bakery on the square for thirty years and says the new rules will close it.",
            "She is not alone, the traders' association says.",
        ];
        assert_eq!(run(&story), [true; 5]);
    }

    #[test]
    fn a_count_over_a_sign_in_prompt_opens_a_section() {
        for prompt in [
            "Sign in or create your Sentinel account to join the discussion.",
            "To join the conversation, please sign in. Not a member? Create an account.",
        ] {
            let page = [
                BODY,
                "Comments (212)",
                prompt,
                "prairiegirl_22\n2 hours ago\nNobody asked for this. Fix the potholes first.\nLike (45) | Reply",
            ];
            assert_eq!(run(&page), [true, false, false, false], "{prompt}");
        }
        // The same words as a story sentence after a heading stay.
        assert_eq!(
            run(&[
                BODY,
                "Comments",
                "To join the conversation about the new arena, residents packed the hall on Monday night and waited hours to speak.",
            ]),
            [true; 3]
        );
    }

    #[test]
    fn a_repeat_the_paragraph_filter_drops_is_not_looked_at_after_a_marker() {
        // Short lines after the marker, the first a second copy of the
        // headline, then a form field and a reader's comment in prose:
        // with or without the copy, the look-ahead reaches the form field
        // and finds the same section.
        let headline = "Ferry timetable cut as crew shortage bites on the island";
        let tail = [
            "Leave a Reply",
            "Great piece",
            "Thanks",
            "Name *",
            "I went to the meeting myself and the council ignored every single question from the public.",
        ];
        let mut with = vec![headline, BODY, tail[0], headline];
        with.extend_from_slice(&tail[1..]);
        let mut without = vec![headline, BODY];
        without.extend_from_slice(&tail);
        assert_eq!(run(&with), [vec![true, true], vec![false; 6]].concat());
        assert_eq!(run(&without), [vec![true, true], vec![false; 5]].concat());
    }

    #[test]
    fn sections_with_counts_and_times_in_other_languages_go() {
        for section in [
            ["Kommentare", "Klaus R. · vor 3 Stunden\nEndlich! Das hätte man schon vor zehn Jahren machen sollen."],
            ["Комментарии (3)", "Иван · 2 часа назад\nНаконец-то!"],
            ["Comentarios", "María L. · hace 5 horas\n¡Por fin una buena noticia para el barrio!"],
            ["Komentar", "Tulis komentar Anda di sini"],
        ] {
            assert_eq!(run(&[BODY, section[0], section[1]]), [true, false, false], "{section:?}");
        }
        for section in [
            [
                "Commentaires",
                "Pierrot75 — 12 h 04\nDix morts et toujours personne.",
                "Répondre",
            ],
            [
                "12 commentaires",
                "Marc Dupuis\nEnfin un vrai Tour de montagne !",
                "J’aime · Répondre · 3 h",
            ],
            [
                "Commenti (15)",
                "Giovanni_88 - 2 ore fa\nScudetto già vinto.",
                "Rispondi",
            ],
            ["ความคิดเห็น 3 รายการ", "คุณต้น\n2 ชั่วโมงที่แล้ว\nดีมากครับ", "ตอบกลับ"],
            ["ใส่ความเห็น", "ความเห็น *", "แสดงความเห็น"],
        ] {
            let blocks = [BODY, section[0], section[1], section[2]];
            assert_eq!(run(&blocks), [true, false, false, false], "{section:?}");
        }
        let plugin = [
            BODY,
            "12 commentaires",
            "Trier par Les plus pertinents",
            "Ajouter un commentaire…",
            "Marc Dupuis",
            "Enfin un vrai Tour de montagne !",
        ];
        assert_eq!(run(&plugin), [true, false, false, false, false, false]);
        let closed = [
            BODY,
            "Commentaires",
            "Connectez-vous pour réagir",
            "Pierrot75 — 12 h 04\nDix morts et toujours personne de responsable.",
            "Vous devez être connecté pour publier un commentaire.",
        ];
        assert_eq!(run(&closed), [true, false, false, false, false]);
        // A time in a sentence of the story is no reader's stamp.
        let story = "Der Bürgermeister sagte vor 3 Stunden, die Brücke werde im Mai eröffnet.";
        assert_eq!(run(&[BODY, story, BODY]), [true; 3]);
    }

    #[test]
    fn page_furniture_after_a_marker_is_not_running_text() {
        // The boilerplate filter drops the cookie notice and the `Read
        // more:` line; a second cleaning without them must find the same
        // comment section, so the first must not count them as article.
        for furniture in [
            "This website uses cookies to improve your experience. By continuing to browse the site you agree to our use of cookies.",
            "Read more: Council approves the budget for the new bridge over the river.",
        ] {
            let with = run(&[BODY, "Leave a Reply", "Great piece", "Thanks", furniture]);
            let without = run(&[BODY, "Leave a Reply", "Great piece", "Thanks"]);
            assert_eq!(with[..4], without[..], "{furniture}");
            assert_eq!(with, vec![true, false, false, false, false]);
        }
    }

    #[test]
    fn a_wordpress_form_goes_with_the_comments_after_it() {
        let blocks = [
            BODY,
            "2 thoughts on “Planning committee delays decision”",
            "Ann Rowe says:\n14 March 2024 at 09:12\nThe planning committee will take a final decision on the scheme at its meeting in March.",
            "Reply",
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
            "Comment *",
            "Name *",
            "Post Comment",
        ];
        assert_eq!(run(&blocks), only_the_first_kept(blocks.len()));
    }

    #[test]
    fn a_marker_at_the_end_of_the_document_goes() {
        assert_eq!(run(&[BODY, "comments powered by Disqus"]), [true, false]);
        assert_eq!(run(&[BODY, "Deja una respuesta"]), [true, false]);
    }

    #[test]
    fn a_comment_quoting_the_article_word_for_word_is_no_running_text() {
        // Whether or not the quote is there (the paragraph filter drops it),
        // the marker closes the page the same way.
        assert_eq!(run(&[BODY, "3 Comments", BODY]), [true, false, false]);
        assert_eq!(run(&[BODY, "3 Comments"]), [true, false]);
    }

    #[test]
    fn a_marker_followed_by_prose_is_content() {
        let blocks = [
            BODY,
            "Leave a Reply",
            "Moderators said the prompt at the foot of each article had drawn thousands of abusive messages last year.",
            BODY,
        ];
        assert_eq!(run(&blocks), [true; 4]);
    }

    #[test]
    fn a_call_to_comment_opens_a_section_only_when_one_follows() {
        assert_eq!(
            run(&[BODY, "Have your say", "Comments are closed."]),
            [true, false, false]
        );
        let subheading = [
            BODY,
            "Have your say",
            "The consultation is open online and at the town hall, and paper forms are available at every library.",
        ];
        assert_eq!(run(&subheading), [true; 3]);
    }

    #[test]
    fn translations_open_sections_too() {
        let blocks = [
            BODY,
            "Schreibe einen Kommentar",
            "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
            "Kommentar *",
        ];
        assert_eq!(run(&blocks), [true, false, false, false]);
        let dutch = [
            BODY,
            "Reageer",
            "Je e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *",
        ];
        assert_eq!(run(&dutch), [true, false, false]);
        let heading = [
            BODY,
            "Reageren",
            "Je e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *",
            "Reactie plaatsen",
        ];
        assert_eq!(run(&heading), [true, false, false, false]);
        // The same word over running text is a subheading.
        let subheading = [
            BODY,
            "Reageren",
            "Bewoners kunnen tot eind maart op het plan reageren via de website of in het stadhuis.",
            BODY,
        ];
        assert_eq!(run(&subheading), [true; 4]);
    }

    #[test]
    fn a_prompt_to_log_in_before_commenting_is_a_marker() {
        for prompt in [
            "You must be logged in to comment.",
            "Vous devez être connecté pour commenter.",
            "Para comentar debes estar registrado.",
            "Para comentar, é preciso fazer login.",
            "Devi essere registrato per commentare.",
            "Sie müssen angemeldet sein, um zu kommentieren.",
            "Je moet ingelogd zijn om te reageren.",
        ] {
            // Under a heading that alone would not be sure of it, and alone
            // at the page's end.
            assert_eq!(
                run(&[BODY, "Comments", prompt]),
                [true, false, false],
                "{prompt}"
            );
            assert_eq!(run(&[BODY, prompt]), [true, false], "{prompt}");
        }
        // A sentence about logging in, inside the story, stays.
        let story = [
            BODY,
            "Residents said you must be logged in to comment on the plan, which kept many older people out of the consultation.",
            BODY,
        ];
        assert_eq!(run(&story), [true; 3]);
    }

    #[test]
    fn medium_and_drupal_sections_go() {
        let medium = [
            BODY,
            "Responses (14)",
            "Arjun P.\nFeb 13, 2026\nThis was a game changer for our team.\nReply",
        ];
        assert_eq!(run(&medium), [true, false, false]);
        let drupal = [
            BODY,
            "Log in or register to post comments",
            "Add new comment",
        ];
        assert_eq!(run(&drupal), [true, false, false]);
    }

    #[test]
    fn ukrainian_vietnamese_and_korean_sections_go() {
        for section in [
            [
                "Коментарі",
                "Андрій\n2 години тому\nНарешті! Чекали на це два роки.",
                "Залишити коментар",
            ],
            [
                "Bình luận (3)",
                "Minh Tuấn\n2 giờ trước\nQuá tốt, cảm ơn thành phố!",
                "Gửi bình luận",
            ],
            [
                "댓글 3",
                "버스좋아\n2시간 전\n드디어 생기는군요",
                "댓글 쓰기",
            ],
        ] {
            let blocks = [BODY, section[0], section[1], section[2]];
            assert_eq!(run(&blocks), [true, false, false, false], "{section:?}");
        }
    }

    #[test]
    fn czech_and_danish_sections_with_numeric_dates_go() {
        // One line to a block: the name, the date, the comment, `Reply`.
        for section in [
            [
                "Diskuse (3)",
                "Petr S.",
                "4. 5. 2024 8:15",
                "Konečně, na tenhle chodník jsme čekali roky.",
                "Odpovědět",
            ],
            [
                "Kommentarer (2)",
                "Lise M.",
                "12.03.2024 kl. 9:41",
                "Endelig sker der noget med havnen, det var på tide.",
                "Svar",
            ],
        ] {
            let mut blocks = vec![BODY];
            blocks.extend(section);
            assert_eq!(
                run(&blocks),
                [true, false, false, false, false, false],
                "{section:?}"
            );
        }
    }

    #[test]
    fn a_moderation_disclaimer_under_the_count_opens_the_section() {
        let blocks = [
            BODY,
            "2 Comments",
            "Disclaimer: Comments will be moderated by the editorial team. Abusive and off-topic comments will not be published.",
            "Vikram S, Pune\nJun 14, 2024 at 12:10 pm",
            "A welcome step, but why not a monthly pass as well?",
            "Reply",
        ];
        assert_eq!(run(&blocks), [true, false, false, false, false, false]);
    }

    /// Each section, under a paragraph of the story, goes whole.
    fn assert_each_section_goes(sections: &[&[&str]]) {
        for section in sections {
            let page: Vec<&str> = [BODY].iter().chain(section.iter()).copied().collect();
            assert_eq!(run(&page), only_the_first_kept(page.len()), "{section:?}");
        }
    }

    #[test]
    fn blogger_and_ghost_sections_go() {
        assert_each_section_goes(&[
            &[
                "2 comments:",
                "Anonymous said...",
                "My great-grandfather ran the carding mill until it closed. I have his pocket watch.",
                "March 9, 2024 at 6:41 PM",
                "Post a Comment",
            ][..],
            &[
                "2 comments",
                "Sign in or become a The Tideline member to join the conversation.",
                "Marisol Vega\nMar 5, 2024\nGreat piece. I grew up on the east shore.",
            ],
        ]);
    }

    #[test]
    fn croatian_japanese_korean_and_arabic_sections_go() {
        assert_each_section_goes(&[
            &[
                "Komentari (2)",
                "Za komentiranje se morate prijaviti.\nPrijava",
                "Ante iz Metkovića\nprije 2 sata\nLovimo ih svaki dan, a nitko ih neće otkupiti.\nOdgovori",
            ][..],
            &[
                "コメント（2件）",
                "kaga_taro\n3時間前\n５年後にまた同じ議論になるだけでは。\n返信",
            ],
            &[
                "댓글 2",
                "댓글을 작성하려면 로그인해 주세요.\n로그인",
                "전주맘\n2024-03-12 15:30\n좋은 정책이네요.\n답글 0 공감 12",
            ],
            &[
                "التعليقات (2)",
                "أبو يوسف\nمنذ ساعتين\nخطوة ممتازة، نتمنى تعميمها في مرسى علم بسرعة.\nرد",
            ],
        ]);
    }

    #[test]
    fn sections_in_more_languages_go() {
        for section in [
            &[
                "3 reacties",
                "Jan Claes",
                "2 mei 2024 om 09:14",
                "Goed nieuws voor het dorp, eindelijk.",
                "Beantwoorden",
            ][..],
            &[
                "2 comentarii la „Podul nou se deschide în iunie”",
                "Mihai spune:\n3 mai 2024 la 10:02\nÎn sfârșit, așteptăm de zece ani.",
            ],
            &[
                "Kommentit (2)",
                "Lukija\n21.2.2024 9.02\nHyvä uutinen koko kaupungille.\nVastaa",
            ],
            &[
                "Hozzászólások (4)",
                "gazda\n2024. június 11. 11:02\nNálunk is elfagyott minden.\nVálasz",
            ],
            &[
                "Kommentarer (5)",
                "Logga in för att kommentera",
                "Sortera: Nyaste först",
                "Anna L\n4 dec 2023, 08:14\nBra beslut av kommunen.\nSvara · Anmäl",
            ],
            &[
                "2 comentaris",
                "Pere Casadevall\n18/03/2024 a les 12:40\nQuina il·lusió! La meva àvia encara la tararejava.\nRespon",
            ],
            &[
                "Kommentarer (4)",
                "Sortér efter: Nyeste",
                "Hanne Bech · 7. marts 2024 kl. 19.12\nSkammeligt. Først lukker de skolen, nu færgen.\nSvar · Synes godt om (14)",
            ],
            &[
                "Hozzászólások (2)",
                "A hozzászóláshoz be kell jelentkeznie.",
                "berényi_gazda",
                "2024. 03. 13. 11:20",
                "Végre! Már évek óta rezeg az egész híd, ha átmegy rajta egy kamion.",
                "Válasz",
                "Tetszik (7)",
            ],
            &[
                "2 Komentar",
                "Yayan H.",
                "8 Juli 2024 pukul 11.02",
                "Di Cikajang juga sama, petani malah rugi karena gagal panen.",
                "Balas",
            ],
            &[
                "Kommentare",
                "Zum Kommentieren melden Sie sich bitte mit Ihrem Konto an.",
                "Holger_B.\nvor 2 Stunden\nTypisch, erst digital und dann weiß keiner Bescheid.",
                "Antworten",
            ],
        ] {
            let mut blocks = vec![BODY];
            blocks.extend(section);
            let mut kept = vec![true];
            kept.extend(vec![false; section.len()]);
            assert_eq!(run(&blocks), kept, "{section:?}");
        }
    }

    #[test]
    fn a_readers_comment_right_after_a_marker_opens_a_section() {
        for marker in [
            "4 Comments",
            "Leave a Reply",
            "Kommentare",
            "3 commentaires",
        ] {
            for comment in [
                "Joe Bloggs\nAt last. This should have been done years ago, not now.",
                "Peter K.\nSuper, endlich fährt der Bus auch abends.",
                "jsmith42\nWhat about the weekend services on the other routes?",
                "Jan de Vries\nEindelijk. Dit had jaren geleden al moeten gebeuren.",
            ] {
                assert_eq!(
                    run(&[BODY, marker, comment, "Reply"]),
                    [true, false, false, false],
                    "{marker} / {comment}"
                );
                assert_eq!(run(&[BODY, marker, comment]), [true, false, false]);
            }
        }
    }

    #[test]
    fn a_subheading_and_its_paragraph_after_a_marker_stay() {
        // A first line that is no name (a sentence, a label, a long title)
        // leaves the block to the article, and the marker with it.
        for block in [
            "Reaction in the town\nShopkeepers said the new timetable would bring evening trade back to the high street.",
            "Q: What happens next?\nThe council will publish the final plan in March.",
            "It was a long night.\nThe count finished only at dawn, officials said.",
            "2024\nThe year the council finally approved the new timetable for evening buses.",
        ] {
            assert_eq!(run(&[BODY, "Comments", block, BODY]), [true; 4], "{block}");
        }
    }

    const LATER: &str =
        "Residents will be able to see the revised drawings at the library from the first week of April.";

    #[test]
    fn a_dateline_with_a_time_after_a_comment_count_keeps_the_article() {
        for (count, dateline) in [
            ("7 Comments", "Published 3 May 2024 at 08:15"),
            ("Réagir", "Publié le 3 mai 2024 à 8h15"),
        ] {
            let blocks = ["Bridge scheme delayed again", count, dateline, BODY, LATER];
            assert_eq!(run(&blocks), [true; 5], "{count}");
            // One paragraph after the dateline is still the article.
            assert_eq!(run(&blocks[..4]), [true; 4], "{count}");
        }
    }

    #[test]
    fn a_quote_or_a_transcript_under_a_comments_heading_stays() {
        for (heading, block) in [
            ("Comments", "The mayor, Ruth Okafor, said:\n“We listened, and we changed the plan.”"),
            ("Comentarios", "La alcaldesa Ruth Okafor dijo:\n«Escuchamos y cambiamos el plan.»"),
            ("Discussion", "Ruth Okafor\nWe held four public meetings and the plan changed after each one of them."),
        ] {
            let blocks = [BODY, heading, block, LATER, "This transcript has been edited for length."];
            assert_eq!(run(&blocks), [true; 5], "{heading}");
        }
    }

    #[test]
    fn a_call_to_comment_over_a_sentence_stays() {
        let blocks = [
            BODY,
            "Have your say",
            "Online: www.example.gov.uk/bridge\nBy post: Freepost Bridge Scheme",
            "Responses close on 12 June.",
        ];
        assert_eq!(run(&blocks), [true; 4]);
    }

    #[test]
    fn a_hint_backed_up_by_another_sign_opens_a_section() {
        // A header with its time, one comment; a header whose text stands
        // apart and a `Reply` link; readers' comments one after another.
        let sections: [&[&str]; 3] = [
            &["3 Comments", "Ann Rowe says:\n3 May 2024 at 10:02\nAbout time too."],
            &["2 Comments", "Ann Rowe says:", LATER, "Reply"],
            &[
                "5 Comments",
                "Helen Marsh\nAnother delay. The old bridge will not last another winter like the last one.",
                "Tom Birch\nThe council has known about this problem for at least ten years now.",
            ],
        ];
        for section in sections {
            let blocks = [&[BODY][..], section].concat();
            assert_eq!(
                run(&blocks),
                only_the_first_kept(blocks.len()),
                "{section:?}"
            );
        }
    }

    #[test]
    fn a_thread_of_short_comments_under_a_count_goes() {
        // A first comment too short to read as one, then a reader's comment.
        let blocks = [
            BODY,
            "3 Comments",
            "Rita\nAbout time!",
            "Paul Grant\nThis is censorship, plain and simple.",
        ];
        assert_eq!(run(&blocks), [true, false, false, false]);
        // A commenter's name with the time since they wrote.
        let blocks = [
            BODY,
            "comments powered by Disqus",
            "Anna B • 2 hours ago\nSo cute!",
        ];
        assert_eq!(run(&blocks), [true, false, false]);
        let blocks = [BODY, "Comments", "Tom Bell • 3 days ago", "Totally agree."];
        assert_eq!(run(&blocks), [true, false, false, false]);
    }

    #[test]
    fn a_facebook_plugin_thread_is_dropped() {
        let blocks = [
            BODY,
            "4 comments",
            "Sort by\nNewest",
            "Tom Bell\nThey have been saying this for years.\nLike · Reply · 3h",
            "Facebook Comments Plugin",
        ];
        assert_eq!(run(&blocks), [true, false, false, false, false]);
        // The count, the controls and the plugin's name in one block.
        let header = "12 comments\nSort by\nOldest\nAdd a comment...\nFacebook Comments Plugin";
        assert_eq!(run(&[BODY, header]), [true, false]);
        // Four lines under a count that are not the section's: no marker.
        let results = "12 comments\nWere read out\nBy the chair\nAt the meeting";
        assert_eq!(run(&[BODY, results, BODY]), [true, true, true]);
    }

    #[test]
    fn wordpress_sections_in_more_languages_go() {
        let romanian = [
            BODY,
            "3 comentarii",
            "Gheorghe P.\n5 decembrie 2026 la 11:02\nÎn sfârșit! Am făcut trei ani ocolul.\nRăspunde",
            "Lasă un răspuns\nAdresa ta de email nu va fi publicată.\nComentariu *\nNume *\nEmail *\nPublică comentariul",
        ];
        assert_eq!(run(&romanian), [true, false, false, false]);
        let swedish = [
            BODY,
            "Lämna ett svar",
            "Din e-postadress kommer inte publiceras.",
        ];
        assert_eq!(run(&swedish), [true, false, false]);
    }

    #[test]
    fn a_counted_section_of_bare_comments_goes() {
        let blocks = [
            BODY,
            "2 Comments",
            "Jenny M. says:",
            "Such a shame, I learned to swim there in 1972.",
            "Tom Briggs says:",
            "The roof was unsafe for years and nobody did anything about it. Typical.",
        ];
        assert_eq!(run(&blocks), [true, false, false, false, false, false]);
        // Under a bare `Comments` heading, a quote and its paragraph stay.
        let quoted = [
            BODY,
            "Comments",
            "The minister said:",
            "We will review the decision in the spring, and talk to every family.",
        ];
        assert_eq!(run(&quoted), [true; 4]);
    }

    #[test]
    fn closed_sections_and_calls_to_comment_go() {
        for marker in [
            "Leave a Reply Cancel reply",
            "Add your comment\nComments have been closed for this article.",
            "Comments are closed.",
        ] {
            assert_eq!(run(&[BODY, marker]), [true, false], "{marker}");
        }
    }

    #[test]
    fn commenter_headers_of_a_name_and_a_date_open_a_section() {
        // Substack and many blogs: the name and the date, the comment as a
        // paragraph of its own, then its `Reply` row.
        for (count, first, second, reply) in [
            (
                "4 Comments",
                "Tomás Reilly\nMar 14",
                "Beatriz Peña\nMar 15",
                "Reply\nShare",
            ),
            (
                "2 Comments",
                "Ann Rowe\n14 March 2024",
                "Tom Birch\n2 hours ago",
                "Reply",
            ),
            (
                "3 yorum",
                "Mehmet Yılmaz\n16 Ağustos 2024, 09:41",
                "Ayşe Kaya\n17 Ağustos 2024, 10:02",
                "Yanıtla",
            ),
            (
                "2 Kommentare",
                "Klaus Richter\n23. April 2024 um 8:14 Uhr",
                "Petra Vogel\n24. April 2024 um 9:30 Uhr",
                "Antworten",
            ),
            (
                "4 comentarios",
                "Ana Ruiz\n4 abril, 2024 a las 9:12",
                "Luis Gómez\n5 abril, 2024 a las 10:40",
                "Responder",
            ),
        ] {
            let page = [
                BODY,
                count,
                first,
                "The rent point is so true. Our landlord put ours up by forty per cent.",
                reply,
                second,
                "Would love to see the same breakdown for bakeries.",
                reply,
            ];
            let expected = only_the_first_kept(page.len());
            assert_eq!(run(&page), expected, "{count}");
            // The last comment without its row still closes the section.
            assert_eq!(run(&page[..7]), expected[..7], "{count}");
        }
    }

    #[test]
    fn a_byline_of_a_name_and_a_date_under_a_comment_word_stays() {
        // An opinion kicker (`Comment`), a count by the standfirst, a
        // subheading: the byline's name and date head the article.
        let standfirst =
            "Bus services will run until midnight from May, the council said on Monday.";
        for blocks in [
            &["Comment", "Jane Doe\n14 March 2024", BODY, LATER][..],
            &[
                "Bridge scheme delayed again",
                standfirst,
                "7 Comments",
                "Jane Doe\nMar 14",
                BODY,
            ],
            &[
                "Bridge scheme delayed again",
                standfirst,
                "7 Comments",
                "Jane Doe\n14 March 2024",
                BODY,
            ],
            &[
                BODY,
                "Discussion",
                "Ruth Okafor\nThursday 14 March 2024 at 9:12 a.m.",
                LATER,
                BODY,
            ],
            &[BODY, "Kommentar", "Klaus Richter\n23. April 2024", LATER],
        ] {
            assert_eq!(run(blocks), vec![true; blocks.len()], "{blocks:?}");
        }
        // Names over answers, a dateline, a quote: no date under the name.
        for block in [
            "Ruth Okafor\nWe held four public meetings.",
            "London\nMarch 2024",
            "Ruth Okafor\n“We listened.”",
        ] {
            assert_eq!(
                run(&[BODY, "Comments", block, LATER, BODY]),
                [true; 5],
                "{block}"
            );
        }
    }

    #[test]
    fn only_dates_and_times_make_a_commenter_header() {
        for stamp in [
            "Mar 14",
            "14 March 2024",
            "March 14, 2024 at 9:12 pm",
            "16 Ağustos 2024, 09:41",
            "23. April 2024 um 8:14 Uhr",
            "4 abril, 2024 a las 9:12",
            "12 mai 2024 à 12h04",
            "14 марта 2024 г.",
            "8 Juli 2024 pukul 11.02",
            "17 Agustus 2024, 09:41 WIB",
        ] {
            assert!(is_date_or_time(stamp), "{stamp}");
        }
        for line in [
            "March",
            "2024",
            "Editor",
            "London, 14 March",
            "Published 14 March 2024",
            "May the best team win",
            "2 hours ago",
        ] {
            assert!(!is_date_or_time(line), "{line}");
        }
    }

    #[test]
    fn a_tabloid_section_with_a_sort_row_and_a_moderation_note_goes() {
        let page = [
            BODY,
            "Comments (12)",
            "Share what you think",
            "Sort by: Newest | Oldest | Best rated | Worst rated",
            "The comments below have not been moderated.",
            "Brian_from_Bromsgrove, Bromsgrove, United Kingdom, 2 hours ago",
            "Cut it down and send him the bill. Simple.",
            "▲ 87 ▼ 4\nClick to rate\nReply",
        ];
        let expected = only_the_first_kept(page.len());
        assert_eq!(run(&page), expected);
        // The note alone, or the sort row alone, is a sure sign.
        let without_sort: Vec<&str> = page
            .iter()
            .copied()
            .filter(|block| !block.starts_with("Sort"))
            .collect();
        assert_eq!(run(&without_sort), expected[..7]);
        for sort in [
            "Trier par : Plus récents | Plus anciens | Les mieux notés",
            "Sortieren nach: Neueste | Älteste | Beliebteste",
            "Ordenar por: Más recientes | Más antiguos",
            "Ordina per: Più recenti | Meno recenti",
            "Sorteer op: Nieuwste | Oudste",
            "Сортировать по: новые | старые | популярные",
            "Sıralama: En yeni | En eski",
            "Sort by: Best rated",
        ] {
            assert_eq!(
                run(&[
                    BODY,
                    "Comments (12)",
                    "Share what you think",
                    sort,
                    "What a disgrace. Cut it down."
                ]),
                [true, false, false, false, false],
                "{sort}"
            );
        }
        for note in [
            "Your comment is awaiting moderation.",
            "Les commentaires sont modérés avant publication.",
            "Il tuo commento è in attesa di moderazione.",
        ] {
            assert_eq!(
                run(&[BODY, "Comments", note]),
                [true, false, false],
                "{note}"
            );
        }
        // A sentence about moderation in the story is prose after a heading.
        let story = [
            BODY,
            "Comments",
            "The comments below the article have not been moderated for weeks, the paper's former editor told the inquiry.",
            LATER,
        ];
        assert_eq!(run(&story), [true; 4]);
    }
}
