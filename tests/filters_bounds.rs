//! The filters' work grows linearly with the document: long runs of the
//! shapes that once made them quadratic (buttons propagating from their
//! anchor one block per pass, thousands of copies of the headline,
//! thousands of comment-section markers) finish and come out right. Sized
//! to run in seconds in a debug build; a quadratic filter turns them into
//! billions of steps. No wall time is asserted.

use newsclean::Config;

const BODY: &str = "The council met on Tuesday and agreed the budget for next year.";

#[test]
fn twenty_thousand_share_lines_before_their_anchor_finish() {
    let mut text = format!("{BODY}\n\n");
    text.push_str(&"Like\n\n".repeat(20_000));
    text.push_str("Share this:\n");
    let cleaned = newsclean::clean(&text, &Config::default());
    assert_eq!(cleaned.text, format!("{BODY}\n"));
}

#[test]
fn twenty_thousand_copies_of_the_headline_keep_one() {
    let text = "Council agrees the budget for next year\n\n".repeat(20_000);
    let cleaned = newsclean::clean(&text, &Config::default());
    assert_eq!(cleaned.text, "Council agrees the budget for next year\n");
}

#[test]
fn ten_thousand_unconfirmed_comment_markers_finish() {
    // Each marker is followed by prose, so none opens a section, and every
    // one of them is looked at.
    let mut text = String::from("Council agrees the budget for next year\n\n");
    for number in 0..10_000 {
        text.push_str(&format!(
            "Leave a Reply\n\nCouncillor number {number} said the budget for next year was fair to every ward in the city.\n\n"
        ));
    }
    let cleaned = newsclean::clean(&text, &Config::default());
    assert_eq!(cleaned.text.matches("Leave a Reply").count(), 10_000);
}
