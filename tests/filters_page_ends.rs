//! The end of a scraped page: footer links one per line, notices that
//! comments are closed or still loading, and the prompts of newsletter,
//! paywall, cookie and share widgets go, in several languages, while the
//! same words in the story stay.

use newsclean::{Cleaner, Config};

const HEADLINE: &str = "Council votes to extend the harbour ferry service";
const BODY: &str = "The council voted on Monday to extend the harbour ferry service until 2028, after a long debate about its rising costs and falling passenger numbers.";
const MORE: &str = "The ferry operator said it would publish a new timetable in the spring, with more crossings at weekends.";

/// The article's text with `ending` after its last paragraph.
fn article_ending_with(ending: &str) -> String {
    format!("{HEADLINE}\n\n{BODY}\n\n{MORE}\n\n{ending}\n")
}

fn clean(text: &str) -> String {
    Cleaner::new(Config::default()).clean(text).text
}

/// Each ending, after the article's last paragraph, goes; the story stays.
fn assert_each_ending_dropped(endings: &[&str]) {
    let story = format!("{HEADLINE}\n\n{BODY}\n\n{MORE}\n");
    for ending in endings {
        assert_eq!(clean(&article_ending_with(ending)), story, "{ending}");
    }
}

#[test]
fn footer_links_after_the_last_paragraph_are_dropped() {
    assert_each_ending_dropped(&[
        "About us\nContact us\nPrivacy Policy\nTerms of Service",
        "About us\n\nContact us\n\nPrivacy Policy\n\nSitemap",
        "Cookie Settings\n\nDo Not Sell My Personal Information",
        "Impressum\nDatenschutz\nKontakt\n\nÜber uns",
        "Aviso legal\n\nPolítica de privacidad\n\nContacto",
        "Mentions légales\n\nNous contacter",
        "Chi siamo\n\nContatti",
        "О нас\n\nКонтакты",
    ]);
}

#[test]
fn a_notice_that_comments_are_closed_ends_the_article() {
    assert_each_ending_dropped(&[
        "Comments are closed for this article.",
        "Commenting is disabled on this article.",
        "Be the first to comment",
        "Sign in to comment",
        "Los comentarios están cerrados.",
        "Sé el primero en comentar",
        "Les commentaires sont fermés.",
        "Soyez le premier à commenter",
        "Kommentare sind geschlossen.",
        "I commenti sono chiusi.",
        "Комментарии закрыты.",
    ]);
}

#[test]
fn widget_prompts_go_wherever_they_stand() {
    // Lines no sentence of a story reads as: each goes after the last
    // paragraph and between two paragraphs alike.
    let prompts = [
        "Subscribe for free to receive new posts and support my work.",
        "Thanks for reading The Harbour Post! Subscribe for free to receive new posts and support my work.",
        "Click here to subscribe",
        "Click here to sign up for our newsletter.",
        "Accept all cookies",
        "Reject non-essential cookies",
        "Sign in to read the full article",
        "Log in to continue reading.",
        "Continue reading in the app",
        "Link copied to clipboard!",
        "Aceptar todas las cookies",
        "Accepter tous les cookies",
        "Alle Cookies akzeptieren",
        "Inicia sesión para seguir leyendo",
        "Connectez-vous pour lire la suite",
        "Jetzt kostenlos registrieren und weiterlesen",
        "Faça login para continuar lendo",
    ];
    assert_each_ending_dropped(&prompts);
    let story = format!("{HEADLINE}\n\n{BODY}\n\n{MORE}\n");
    for prompt in prompts {
        let text = format!("{HEADLINE}\n\n{BODY}\n\n{prompt}\n\n{MORE}\n");
        assert_eq!(clean(&text), story, "{prompt}");
    }
}

#[test]
fn a_comment_section_still_loading_ends_the_article() {
    assert_each_ending_dropped(&["Loading comments...", "Loading comments…"]);
    // Followed by the story, the same words are a heading of it.
    let text = format!("{HEADLINE}\n\n{BODY}\n\nLoading comments...\n\n{MORE}\n");
    assert_eq!(clean(&text), text);
}

#[test]
fn the_same_words_in_the_story_stay() {
    for text in [
        format!("{HEADLINE}\n\nContact\n\n{BODY}\n\n{MORE}\n"),
        format!("{HEADLINE}\n\n{BODY}\n\nAbout us\n\n{MORE}\n"),
        article_ending_with(
            "Comments are closed on the forum the council set up in 2019, a spokesman said.",
        ),
        article_ending_with("Readers can contact us at the address printed on page two."),
        article_ending_with(
            "Readers can click here to subscribe to the council's alerts, the mayor's office said.",
        ),
        article_ending_with(
            "She asked users to accept cookies before the site would load, which regulators said broke the law.",
        ),
        article_ending_with("Link copied to the memo was a list of names, two officials said."),
        article_ending_with(
            "Les députés ont voté pour refuser les cookies publicitaires par défaut.",
        ),
        article_ending_with(
            "Die Behörde will Nutzern erlauben, alle Cookies abzulehnen, sagte ein Sprecher.",
        ),
        article_ending_with(
            "Subscribe for free to receive new posts was the line at the bottom of every email, she recalled.",
        ),
        article_ending_with(
            "The privacy policy of the ferry company was updated in May after the complaint.",
        ),
    ] {
        assert_eq!(clean(&text), text);
    }
}
