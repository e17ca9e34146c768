//! Correct text in many languages and scripts must come out byte for byte:
//! the negative set in `tests/cases/negative-lines.txt`, line by line and as
//! one document.

use newsclean::{clean, Config};

fn negative_lines() -> Vec<&'static str> {
    include_str!("cases/negative-lines.txt")
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

#[test]
fn the_negative_set_is_large_enough() {
    assert!(negative_lines().len() >= 60);
}

#[test]
fn each_correct_line_passes_through_the_repair_stage_unchanged() {
    let config = Config::default();
    let mut failures = Vec::new();
    for line in negative_lines() {
        let mut changes = Vec::new();
        let repaired = newsclean::repair::repair(line, &config, &mut changes);
        if repaired != line {
            failures.push(format!("{line:?}\n  -> {repaired:?}\n  {changes:?}"));
        }
    }
    assert!(failures.is_empty(), "changed:\n{}", failures.join("\n"));
}

#[test]
fn each_correct_line_is_a_clean_document() {
    assert_clean_documents(&negative_lines());
}

/// Each line, cleaned as a document, comes out as it went in, with no
/// change reported.
fn assert_clean_documents(lines: &[&str]) {
    for &line in lines {
        let cleaned = clean(line, &Config::repair_only());
        assert_eq!(
            cleaned.text,
            format!("{line}\n"),
            "changes: {:?}",
            cleaned.changes
        );
        assert!(cleaned.changes.is_empty(), "{line}: {:?}", cleaned.changes);
    }
}

#[test]
fn the_whole_set_as_one_document_is_unchanged() {
    let document = negative_lines().join("\n\n") + "\n";
    let cleaned = clean(&document, &Config::repair_only());
    assert_eq!(cleaned.text, document);
}

/// French and Portuguese put a no-break space between a word and `»`,
/// `–` or `—`. After `à` those three characters are, read as
/// windows-1252 bytes, a valid UTF-8 sequence (a Samaritan sign): the
/// clean-up makes the space plain and nothing else changes.
#[test]
fn no_break_spaces_of_french_typography_only_become_plain_spaces() {
    let lines = [
        "« Voilà\u{a0}» , a-t-il simplement dit, « et c’est déjà ça\u{a0}».",
        "Il était là\u{a0}– enfin\u{a0}– quand le maire est arrivé.",
        "«\u{a0}Au-delà\u{a0}», répond-elle, «\u{a0}il faut aller au-delà\u{a0}».",
        "Voilà\u{a0}— la fin d’une époque.",
        "Se fue allá\u{a0}» y volvió más tarde, dijo la ministra.",
        "A irmã\u{a0}– que vive em Lisboa\u{a0}– chega amanhã\u{a0}– disse ele.",
        "C’est à 18 h 30\u{a0}– à l’hôtel de ville\u{a0}– que tout s’est joué.",
        "Il a crié «\u{a0}holà\u{a0}» puis «\u{a0}voilà\u{a0}».",
    ];
    assert_only_no_break_spaces_change(&lines);
}

/// Russian sets a no-break space after its one-letter words and before a
/// dash, Greek after its articles. Read as windows-1251 or KOI8-R bytes,
/// such a letter and the space spell a no-break space, a sign or a rare
/// letter (`В\u{a0}` is the bytes of U+00A0): none of it is mojibake.
#[test]
fn no_break_spaces_of_russian_and_greek_typography_only_become_plain_spaces() {
    let lines = [
        "В\u{a0}Москве прошёл саммит, сообщает «Интерфакс».",
        "С\u{a0}понедельника цены вырастут на 5%.",
        "Он пришёл к\u{a0}нему, у\u{a0}нас я\u{a0}знаю, и\u{a0}всё.",
        "Киев\u{a0}— столица Украины, а\u{a0}Минск\u{a0}— Белоруссии.",
        "О\u{a0}чём говорили в\u{a0}Кремле",
        "ΤΟ\u{a0}ΠΡΩΤΟ ΘΕΜΑ της ημέρας",
        "Η\u{a0}κυβέρνηση και ο\u{a0}πρωθυπουργός συμφώνησαν.",
    ];
    assert_only_no_break_spaces_change(&lines);
}

/// The same typography after longer words: a no-break space after a short
/// word or before a dash, in capitals too. Read as windows-1251, KOI8-R or
/// windows-1253 bytes, a word's last letter and the space spell another
/// letter (`я\u{a0}` is KOI8-R for `њ`, `п\u{a0}` for `К`, `Р\u{a0}`
/// windows-1251 for `Р`) and would glue two words into one.
#[test]
fn no_break_spaces_after_longer_russian_and_greek_words_only_become_plain_spaces() {
    let lines = [
        "Гуманитарная помощь для\u{a0}жителей пришла из\u{a0}Польши.",
        "Вчера Трамп\u{a0}подписал указ, а\u{a0}потом уехал.",
        "Дети вернулись к\u{a0}дому\u{a0}вечером.",
        "Из СССР\u{a0}— в\u{a0}новую Россию.",
        "Матч «ЦЕНТР\u{a0}— ВОСТОК» перенесли.",
        "Моя\u{a0}країна\u{a0}— моя гордість.",
        "Ο ΦΟΙΝΙΞ\u{a0}κέρδισε στο ΝΑΥΠΛΙΟ\u{a0}χθες.",
    ];
    assert_only_no_break_spaces_change(&lines);
}

/// Headlines in capitals set a no-break space after a word that ends in an
/// accented capital, which windows-1252, -1250 or -1257 read as the two
/// bytes of a small letter or another capital (`Ã\u{a0}` is `à`, `Å\u{a0}`
/// is `Š`), gluing the two words.
#[test]
fn no_break_spaces_after_accented_capitals_only_become_plain_spaces() {
    let lines = [
        "O JOGO DE AMANHÃ\u{a0}É DECISIVO",
        "NU STAR PÅ\u{a0}LANDET IGEN",
        "SE ÎNTÂMPLĂ\u{a0}ÎN FIECARE ZI",
        "NIE MA JUŻ SIĘ\u{a0}czego bać",
        "TÄMÄ ON HYVÄ\u{a0}!",
        "« DOMANI COSÌ\u{a0}»",
    ];
    assert_only_no_break_spaces_change(&lines);
}

/// The same before a dash or a closing quote: the pair reads as a small
/// letter (`à`) that no word in capitals ends with.
#[test]
fn no_break_spaces_between_a_capital_and_a_sign_only_become_plain_spaces() {
    let lines = [
        "A MINHA IRMÃ\u{a0}— E A TUA",
        "SEJM MUSI MILCZEĆ\u{a0}— MÓWI POSEŁ",
        "ACEASTĂ\u{a0}— DECIZIA FINALĂ",
        "« NÃO, IRMÃ\u{a0}»",
    ];
    assert_only_no_break_spaces_change(&lines);
    // Mojibake in capitals is still mended: it reads as capitals.
    let cleaned = clean("CAFÃ‰ DE PARIS", &Config::repair_only());
    assert_eq!(cleaned.text, "CAFÉ DE PARIS\n");
    let cleaned = clean("Il est allÃ© voilÃ\u{a0} tout", &Config::repair_only());
    assert_eq!(cleaned.text, "Il est allé voilà tout\n");
}

/// A word in capitals ends before an ellipsis or a quotation mark, which
/// windows-1252 and -1257 read as the second byte of another capital
/// (`Ã…` is `Å`, `Ć“` is `Ó`): on a line with no other mojibake, the pair
/// is text. Beside mojibake it is mended with the rest.
#[test]
fn marks_after_words_in_capitals_stay() {
    assert_clean_documents(&[
        "A campanha “FAÇA HOJE, NÃO AMANHÃ…” foi lançada na segunda-feira.",
        "Naslov glasi „BABIĆ“ i „ĐOKOVIĆ“, a ne „PERIŠIĆ“.",
        "“IRMÃ” e depois IRMÃ… no mesmo título",
        "Op de fles staat BELGIË™ in grote letters.",
    ]);
    for (damaged, repaired) in [
        ("EL MADRID GANÃ“ EN ESPAÃ‘A", "EL MADRID GANÓ EN ESPAÑA"),
        ("CAFÃ‰ DE PARIS", "CAFÉ DE PARIS"),
        (
            "ACMEÂ© 2024, todos los derechos",
            "ACME© 2024, todos los derechos",
        ),
    ] {
        let cleaned = clean(damaged, &Config::repair_only());
        assert_eq!(cleaned.text, format!("{repaired}\n"), "{damaged}");
    }
}

/// `Ð` and `Đ` stand for the lead byte of a Cyrillic letter under
/// windows-1252 and -1250; before a bracket or a dash in Latin text they
/// are letters of their own, not a letter that lost its second byte.
#[test]
fn latin_letters_that_lead_cyrillic_sequences_stay_in_latin_text() {
    assert_clean_documents(&[
        "The word Ðà (sometimes written with Ð instead of Đ) appears in old maps.",
        "Icelandic Ð-words are rare in the list of Ð) entries.",
    ]);
}

/// A word in capitals ends before a trademark or a registered sign, which
/// windows-1251 reads as the second byte of another capital (`Р™` is `Й`).
#[test]
fn signs_after_russian_capitals_stay() {
    assert_clean_documents(&[
        "Компания «ВЕКТОР™» открыла завод.",
        "Бренд ПРОСТОР® вышел на рынок.",
    ]);
}

/// Each line comes out with its no-break spaces made plain, and with no
/// change but those.
fn assert_only_no_break_spaces_change(lines: &[&str]) {
    for &line in lines {
        let cleaned = clean(line, &Config::repair_only());
        assert_eq!(cleaned.text, format!("{}\n", line.replace('\u{a0}', " ")));
        assert!(
            cleaned
                .changes
                .iter()
                .all(|change| change.reason == "characters.space"),
            "{line}: {:?}",
            cleaned.changes
        );
    }
}
