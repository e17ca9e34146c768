//! Deterministic synthetic news articles for benchmarks and robustness
//! tests. Article `i` of seed `s` is always the same text, whatever else is
//! generated, so a corpus can be produced in any order or size and a
//! failing article named by its index. Articles mix several languages and
//! scripts, run about 4 KB, and carry the defects of scraped pages at
//! realistic rates (mojibake, HTML entities, repeated headlines and
//! paragraphs, share rows, cookie and newsletter prompts, comment sections,
//! invisible characters, CRLF, glued sentences); most are mostly clean.
//!
//! The text is plausible, not real: sentences are templates with names,
//! places and numbers filled in. Nothing here knows what the cleaner will
//! do with an article, and nothing here reads or writes files; that is the
//! `gen_corpus` example's job.

use encoding_rs::Encoding;

/// SplitMix64: tiny, fast and good enough to pick words; written here so
/// that a corpus never changes with a dependency's version.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut mixed = self.state;
        mixed = (mixed ^ (mixed >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        mixed = (mixed ^ (mixed >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        mixed ^ (mixed >> 31)
    }

    /// A number in `0..limit` (`limit` > 0); the modulo bias is far below
    /// anything a benchmark could notice.
    pub fn below(&mut self, limit: usize) -> usize {
        (self.next_u64() % limit as u64) as usize
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    /// True with probability `probability`.
    pub fn chance(&mut self, probability: f64) -> bool {
        let unit = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        unit < probability
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// How much damage the generated articles carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// The rates of a real scrape: most articles clean, some broken.
    Realistic,
    /// No defect at all: what the cleaner must pass through unchanged.
    Clean,
    /// Every article carries many defects: the cleaner's slow path.
    Damaged,
}

/// The chance of each defect in one article.
#[derive(Debug, Clone, Copy)]
struct Rates {
    breadcrumb: f64,
    title_headline: f64,
    repeated_paragraph: f64,
    pagination_repeat: f64,
    advertisement: f64,
    read_more: f64,
    share_row: f64,
    tags: f64,
    newsletter: f64,
    cookie_notice: f64,
    comments: f64,
    entities: f64,
    mojibake_whole_1252: f64,
    mojibake_paragraphs_1252: f64,
    mojibake_paragraphs_874: f64,
    mojibake_twice: f64,
    invisible_characters: f64,
    glued_sentences: f64,
    crlf: f64,
    whitespace_blank_lines: f64,
}

impl Rates {
    fn of(profile: Profile) -> Rates {
        match profile {
            Profile::Realistic => Rates {
                breadcrumb: 0.15,
                title_headline: 0.30,
                repeated_paragraph: 0.08,
                pagination_repeat: 0.02,
                advertisement: 0.20,
                read_more: 0.15,
                share_row: 0.25,
                tags: 0.20,
                newsletter: 0.12,
                cookie_notice: 0.08,
                comments: 0.15,
                entities: 0.08,
                mojibake_whole_1252: 0.04,
                mojibake_paragraphs_1252: 0.03,
                mojibake_paragraphs_874: 0.02,
                mojibake_twice: 0.005,
                invisible_characters: 0.10,
                glued_sentences: 0.05,
                crlf: 0.08,
                whitespace_blank_lines: 0.05,
            },
            Profile::Clean => Rates {
                breadcrumb: 0.0,
                title_headline: 0.0,
                repeated_paragraph: 0.0,
                pagination_repeat: 0.0,
                advertisement: 0.0,
                read_more: 0.0,
                share_row: 0.0,
                tags: 0.0,
                newsletter: 0.0,
                cookie_notice: 0.0,
                comments: 0.0,
                entities: 0.0,
                mojibake_whole_1252: 0.0,
                mojibake_paragraphs_1252: 0.0,
                mojibake_paragraphs_874: 0.0,
                mojibake_twice: 0.0,
                invisible_characters: 0.0,
                glued_sentences: 0.0,
                crlf: 0.0,
                whitespace_blank_lines: 0.0,
            },
            Profile::Damaged => Rates {
                breadcrumb: 0.6,
                title_headline: 0.9,
                repeated_paragraph: 0.6,
                pagination_repeat: 0.3,
                advertisement: 0.7,
                read_more: 0.6,
                share_row: 0.8,
                tags: 0.6,
                newsletter: 0.6,
                cookie_notice: 0.5,
                comments: 0.7,
                entities: 0.5,
                mojibake_whole_1252: 0.3,
                mojibake_paragraphs_1252: 0.4,
                mojibake_paragraphs_874: 0.3,
                mojibake_twice: 0.05,
                invisible_characters: 0.6,
                glued_sentences: 0.5,
                crlf: 0.4,
                whitespace_blank_lines: 0.3,
            },
        }
    }
}

/// One generated article.
#[derive(Debug, Clone)]
pub struct Article {
    /// Stable id, `a` + the zero-padded index (`a000042`).
    pub id: String,
    pub url: String,
    /// ISO 639-1 code of the article's language.
    pub language: &'static str,
    /// The article as a scraper would have stored it (valid UTF-8, damage
    /// included).
    pub text: String,
    /// When set, the article file is written in this legacy encoding
    /// instead of UTF-8 (old Cyrillic sites still serve windows-1251).
    pub legacy_encoding: Option<&'static Encoding>,
}

impl Article {
    /// The bytes of the article's file: UTF-8, or the legacy encoding.
    pub fn file_bytes(&self) -> Vec<u8> {
        match self.legacy_encoding {
            Some(encoding) => encoding.encode(&self.text).0.into_owned(),
            None => self.text.clone().into_bytes(),
        }
    }
}

/// Makes articles; cheap to build, and `article(i)` depends only on the
/// seed, the profile and `i`.
#[derive(Debug, Clone)]
pub struct Generator {
    pub seed: u64,
    pub profile: Profile,
    /// Chance that a Russian article's file is written in windows-1251.
    pub legacy_rate: f64,
}

impl Generator {
    pub fn new(seed: u64, profile: Profile) -> Generator {
        Generator {
            seed,
            profile,
            legacy_rate: 0.0,
        }
    }

    /// Article number `index`, in a language drawn by realistic weights.
    pub fn article(&self, index: u64) -> Article {
        let mut rng = self.rng_for(index);
        let total: u32 = LANGUAGES.iter().map(|language| language.weight).sum();
        let mut draw = rng.below(total as usize) as u32;
        let mut chosen = &LANGUAGES[0];
        for language in LANGUAGES {
            if draw < language.weight {
                chosen = language;
                break;
            }
            draw -= language.weight;
        }
        self.build(index, chosen, rng)
    }

    /// Article number `index` in the language with ISO code `code`
    /// (English when the code is unknown).
    pub fn article_in(&self, index: u64, code: &str) -> Article {
        let rng = self.rng_for(index);
        let language = LANGUAGES
            .iter()
            .find(|language| language.code == code)
            .unwrap_or(&LANGUAGES[0]);
        self.build(index, language, rng)
    }

    /// The ISO codes of every language the generator writes.
    pub fn languages() -> impl Iterator<Item = &'static str> {
        LANGUAGES.iter().map(|language| language.code)
    }

    fn rng_for(&self, index: u64) -> Rng {
        // Mixing the index through one SplitMix step keeps neighbouring
        // articles unrelated even for neighbouring seeds.
        let mut mixer = Rng::new(self.seed ^ index.wrapping_mul(0xD6E8_FEB8_6659_FD93));
        Rng::new(mixer.next_u64())
    }

    fn build(&self, index: u64, language: &'static Language, mut rng: Rng) -> Article {
        let rates = Rates::of(self.profile);
        let mut blocks = compose(language, &rates, &mut rng);
        damage_characters(&mut blocks, language, &rates, &mut rng);
        let separator = if rng.chance(rates.whitespace_blank_lines) {
            "\n \n\n"
        } else {
            "\n\n"
        };
        let mut text = blocks.join(separator);
        text.push('\n');
        if rng.chance(rates.mojibake_whole_1252) {
            text = mojibake_1252(&text);
        }
        if rng.chance(rates.crlf) {
            text = text.replace('\n', "\r\n");
        }
        let legacy_encoding = if language.code == "ru" && rng.chance(self.legacy_rate) {
            let (_, _, unmappable) = encoding_rs::WINDOWS_1251.encode(&text);
            (!unmappable).then_some(encoding_rs::WINDOWS_1251)
        } else {
            None
        };
        let id = format!("a{index:06}");
        let url = format!(
            "https://{}/{}/{}-{}",
            language.domain,
            rng.pick(language.sections).to_lowercase(),
            index,
            slug(&blocks[0])
        );
        Article {
            id,
            url,
            language: language.code,
            text,
            legacy_encoding,
        }
    }
}

/// The page as blocks: headline, standfirst, body and the page furniture
/// around them.
fn compose(language: &Language, rates: &Rates, rng: &mut Rng) -> Vec<String> {
    let mut blocks = Vec::new();
    let headline = fill(rng.pick(language.headlines), language, rng);
    let title_form = format!(
        "{headline}{}{}",
        rng.pick(&[" | ", " - ", " — "]),
        language.site
    );
    let title_first = rng.chance(rates.title_headline);
    if title_first {
        blocks.push(title_form.clone());
    }
    if rng.chance(rates.breadcrumb) {
        blocks.push(format!(
            "{} » {} » {}",
            language.home,
            language.news,
            rng.pick(language.sections)
        ));
    }
    blocks.push(headline.clone());
    if !title_first && rng.chance(rates.title_headline / 3.0) {
        blocks.push(title_form);
    }
    let standfirst = sentence(language, rng);
    blocks.push(standfirst.clone());
    if rng.chance(0.7) {
        blocks.push(format!("{} {}", language.by, rng.pick(language.people)));
    }
    if rng.chance(0.1) {
        blocks.push(format!("{}:", rng.pick(language.places)));
    }

    let body_target = rng.between(2600, 4200);
    let mut body: Vec<String> = Vec::new();
    let mut body_bytes = 0;
    while body_bytes < body_target {
        let paragraph = paragraph(language, rng);
        body_bytes += paragraph.len();
        body.push(paragraph);
    }
    let repeat_standfirst = rng.chance(rates.repeated_paragraph / 2.0);
    let repeat_paragraph = rng.chance(rates.repeated_paragraph);
    let pagination = rng.chance(rates.pagination_repeat) && body.len() > 6;
    let advertisement = rng.chance(rates.advertisement);
    let read_more = rng.chance(rates.read_more);
    for (position, paragraph) in body.iter().enumerate() {
        if position == 2 && advertisement {
            blocks.push(language.advertisement.to_string());
        }
        if position == 3 && read_more {
            let other = fill(rng.pick(language.headlines), language, rng);
            blocks.push(format!("{} {other}", language.read_more));
        }
        if position >= 3 && rng.chance(0.12) {
            blocks.push(rng.pick(language.subheadings).to_string());
        }
        blocks.push(paragraph.clone());
        if position == 4 && repeat_standfirst {
            blocks.push(standfirst.clone());
        }
        if position == body.len() / 2 && pagination {
            // A "page 2" that starts by repeating the first three paragraphs.
            blocks.extend(body[..3].iter().cloned());
        }
    }
    if repeat_paragraph && body.len() > 2 {
        let repeated = body[rng.below(body.len() - 1)].clone();
        let at = blocks.len() - rng.below(2);
        blocks.insert(at, repeated);
    }

    if rng.chance(rates.share_row) {
        blocks.push(rng.pick(SHARE_ROWS).to_string());
    }
    if rng.chance(rates.tags) {
        let tags: Vec<&str> = (0..rng.between(2, 5))
            .map(|_| rng.pick(language.sections))
            .collect();
        blocks.push(format!("{} {}", language.tags, tags.join(", ")));
    }
    if rng.chance(rates.newsletter) {
        blocks.push(rng.pick(NEWSLETTER_PROMPTS).to_string());
    }
    if rng.chance(rates.cookie_notice) {
        let position = rng.below(blocks.len().max(1));
        blocks.insert(position, rng.pick(COOKIE_NOTICES).to_string());
        if rng.chance(0.5) {
            blocks.insert(position + 1, "Accept all\nManage preferences".to_string());
        }
    }
    if rng.chance(rates.comments) {
        comment_section(&mut blocks, language, &body, rng);
    }
    blocks
}

/// A comment count or "Leave a Reply" marker, a few comments (one may
/// quote the article) and the WordPress-style form.
fn comment_section(blocks: &mut Vec<String>, language: &Language, body: &[String], rng: &mut Rng) {
    let count = rng.between(1, 4);
    if rng.chance(0.5) {
        blocks.push(format!("{count} Comments"));
    }
    for _ in 0..count {
        blocks.push(format!(
            "{}\n{} {}, {} at {}:{:02} pm",
            rng.pick(COMMENTERS),
            rng.pick(MONTHS),
            rng.between(1, 28),
            rng.between(2019, 2026),
            rng.between(1, 12),
            rng.below(60)
        ));
        if rng.chance(0.2) && !body.is_empty() {
            blocks.push(body[rng.below(body.len())].clone());
        } else {
            blocks.push(rng.pick(COMMENTS).to_string());
        }
        blocks.push("Reply".to_string());
    }
    blocks.push(language.leave_reply.to_string());
    blocks.extend(COMMENT_FORM.iter().map(|line| line.to_string()));
}

/// Character-level damage to some blocks: entities, mojibake of a few
/// paragraphs, invisible characters, glued sentences.
fn damage_characters(blocks: &mut [String], language: &Language, rates: &Rates, rng: &mut Rng) {
    if rng.chance(rates.entities) {
        for block in blocks.iter_mut() {
            if rng.chance(0.5) {
                *block = with_entities(block, rng);
            }
        }
    }
    if rng.chance(rates.mojibake_paragraphs_1252) {
        for _ in 0..rng.between(1, 3) {
            let at = rng.below(blocks.len());
            blocks[at] = mojibake_1252(&blocks[at]);
        }
    }
    if rng.chance(rates.mojibake_paragraphs_874) {
        for _ in 0..rng.between(1, 4) {
            let at = rng.below(blocks.len());
            blocks[at] = mojibake_874(&blocks[at]);
        }
    }
    if rng.chance(rates.mojibake_twice) {
        let at = rng.below(blocks.len());
        blocks[at] = mojibake_1252(&mojibake_1252(&blocks[at]));
    }
    if rng.chance(rates.invisible_characters) {
        for block in blocks.iter_mut() {
            if rng.chance(0.3) {
                *block = with_invisible_characters(block, language, rng);
            }
        }
    }
    if rng.chance(rates.glued_sentences) {
        for block in blocks.iter_mut() {
            if rng.chance(0.3) {
                if let Some(at) = block.find(". ") {
                    // Only glue before a capital letter, as scrapers do
                    // when a sentence ended a line in the page's markup.
                    let next = block[at + 2..].chars().next();
                    if next.is_some_and(char::is_uppercase) {
                        block.replace_range(at..at + 2, ".");
                    }
                }
            }
        }
    }
}

fn with_entities(block: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(block.len() + 32);
    for character in block.chars() {
        match character {
            '’' => out.push_str(rng.pick(&["&rsquo;", "&#8217;", "&#x2019;"])),
            '“' => out.push_str("&ldquo;"),
            '”' => out.push_str("&rdquo;"),
            '—' => out.push_str("&mdash;"),
            '&' => out.push_str(rng.pick(&["&amp;", "&amp;amp;"])),
            'é' => out.push_str("&eacute;"),
            '"' => out.push_str("&quot;"),
            ' ' if rng.chance(0.01) => out.push_str("&nbsp;"),
            other => out.push(other),
        }
    }
    out
}

fn with_invisible_characters(block: &str, language: &Language, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(block.len() + 16);
    let mut word_length = 0;
    for character in block.chars() {
        if character == ' ' {
            word_length = 0;
            match rng.below(60) {
                0 => out.push('\u{00A0}'),
                1 if language.code == "fr" => out.push('\u{202F}'),
                2 => out.push_str("  "),
                3 => out.push('\t'),
                _ => out.push(' '),
            }
            continue;
        }
        if character == '\n' && rng.chance(0.3) {
            out.push_str("  ");
        }
        out.push(character);
        word_length += 1;
        if word_length == 5 && character.is_alphabetic() {
            match rng.below(80) {
                0 => out.push('\u{00AD}'),
                1 => out.push('\u{200B}'),
                2 => out.push('\u{2060}'),
                3 => out.push('\u{FEFF}'),
                _ => {}
            }
        }
    }
    if rng.chance(0.3) {
        out.push_str(" \u{00A0}");
    }
    out
}

/// UTF-8 bytes read as windows-1252 (the WHATWG mapping, so the five
/// undefined bytes become C1 controls, as browsers show them).
pub fn mojibake_1252(text: &str) -> String {
    let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(text.as_bytes());
    decoded.into_owned()
}

/// UTF-8 bytes read as windows-874 by a tool that falls back to
/// windows-1252 where windows-874 has no character (`’` becomes `โ€™`) and
/// drops a byte neither has (`”` becomes `โ€`), as scraped Thai-hosted
/// pages show it.
pub fn mojibake_874(text: &str) -> String {
    let shown_as = |encoding: &'static Encoding, byte: u8| -> Option<char> {
        let single = [byte];
        let (decoded, _) = encoding.decode_without_bom_handling(&single);
        decoded.chars().next().filter(|character| {
            *character != '\u{FFFD}' && !('\u{80}'..='\u{9F}').contains(character)
        })
    };
    text.as_bytes()
        .iter()
        .filter_map(|&byte| {
            shown_as(encoding_rs::WINDOWS_874, byte)
                .or_else(|| shown_as(encoding_rs::WINDOWS_1252, byte))
        })
        .collect()
}

fn paragraph(language: &Language, rng: &mut Rng) -> String {
    // Distinct templates within a paragraph: a writer rarely says the same
    // thing twice in a row, and a repeat would read like a defect.
    let count = rng.between(2, 5).min(language.sentences.len());
    let mut chosen: Vec<usize> = Vec::with_capacity(count);
    while chosen.len() < count {
        let candidate = rng.below(language.sentences.len());
        if !chosen.contains(&candidate) {
            chosen.push(candidate);
        }
    }
    let sentences: Vec<String> = chosen
        .into_iter()
        .map(|template| fill(language.sentences[template], language, rng))
        .collect();
    sentences.join(language.sentence_separator)
}

fn sentence(language: &Language, rng: &mut Rng) -> String {
    fill(rng.pick(language.sentences), language, rng)
}

/// Replaces `{person}`, `{place}`, `{number}` and `{percent}` slots.
fn fill(template: &str, language: &Language, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        match &rest[open + 1..open + close] {
            "person" => out.push_str(rng.pick(language.people)),
            "place" => out.push_str(rng.pick(language.places)),
            "number" => out.push_str(&rng.between(2, 950).to_string()),
            "percent" => out.push_str(&format!("{}", rng.between(1, 60))),
            "year" => out.push_str(&rng.between(2015, 2026).to_string()),
            other => out.push_str(other),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

fn slug(headline: &str) -> String {
    let mut slug = String::new();
    for word in headline.split_whitespace().take(6) {
        let word: String = word
            .chars()
            .filter(|character| character.is_ascii_alphanumeric())
            .map(|character| character.to_ascii_lowercase())
            .collect();
        if !word.is_empty() {
            if !slug.is_empty() {
                slug.push('-');
            }
            slug.push_str(&word);
        }
    }
    if slug.is_empty() {
        slug.push_str("story");
    }
    slug
}

/// Everything the generator needs to write one language.
struct Language {
    code: &'static str,
    /// Relative share of articles in this language.
    weight: u32,
    site: &'static str,
    domain: &'static str,
    home: &'static str,
    news: &'static str,
    by: &'static str,
    advertisement: &'static str,
    read_more: &'static str,
    tags: &'static str,
    leave_reply: &'static str,
    sentence_separator: &'static str,
    sections: &'static [&'static str],
    people: &'static [&'static str],
    places: &'static [&'static str],
    headlines: &'static [&'static str],
    subheadings: &'static [&'static str],
    sentences: &'static [&'static str],
}

const SHARE_ROWS: &[&str] = &[
    "Share this:\nTwitter\nFacebook\nWhatsApp\nEmail",
    "Click to share on Twitter (Opens in new window)\nClick to share on Facebook (Opens in new window)",
    "Tweet Share WhatsApp Email",
    "Like this:\nLike Loading...",
    "Share on Facebook Share on X Share via Email Print",
];

const NEWSLETTER_PROMPTS: &[&str] = &[
    "Sign up for our daily newsletter and get the day’s top stories in your inbox every morning.",
    "Get the latest news delivered to your inbox. Subscribe to our free newsletter.",
    "Download our app for breaking news alerts.",
    "Subscribe to continue reading. Already a subscriber? Log in",
];

const COOKIE_NOTICES: &[&str] = &[
    "We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.",
    "This website uses cookies to personalise content and ads and to analyse our traffic.",
];

const COMMENTERS: &[&str] = &[
    "Jan Whitcombe",
    "Pete Lomas",
    "marco_r",
    "Sunny Day",
    "A. Reader",
    "Ольга",
    "Jorge M.",
];

const COMMENTS: &[&str] = &[
    "About time. This has been promised for years and nothing ever happens.",
    "Great article, thanks for covering this.",
    "Who is going to pay for all of this? Not the people who decided it, that’s for sure.",
    "I live nearby and can confirm the traffic has been terrible since the works started.",
    "Totally agree with the previous comment.",
];

const MONTHS: &[&str] = &["January", "March", "April", "June", "September", "November"];

const COMMENT_FORM: &[&str] = &[
    "Your email address will not be published. Required fields are marked *",
    "Comment *",
    "Name *\nEmail *\nWebsite",
    "Save my name, email, and website in this browser for the next time I comment.",
    "Post Comment",
];

const LANGUAGES: &[Language] = &[
    Language {
        code: "en",
        weight: 45,
        site: "The Valley Post",
        domain: "valleypost.example",
        home: "Home",
        news: "News",
        by: "By",
        advertisement: "Advertisement",
        read_more: "Read more:",
        tags: "Tags:",
        leave_reply: "Leave a Reply",
        sentence_separator: " ",
        sections: &["Politics", "Business", "World", "Courts", "Health", "Sport"],
        people: &["Sarah Whitlock", "Martin Ollerby", "Neil Farrant", "Priya Raman", "Tom O’Neill", "Grace Adeyemi"],
        places: &["Brennan", "Ashcombe", "LONDON", "Leeds", "the Teme valley", "Harbourside"],
        headlines: &[
            "Council approves £{number}m plan to rebuild {place} bridge",
            "‘Talks productive but work remains’: {person} on trade deal",
            "{place} hospital waiting lists fall for the first time in {number} months",
            "Landlord fined over damp flats where tenants fell ill",
            "Rail strike called off after last-minute talks in {place}",
            "Police appeal for witnesses after crash on {place} road",
        ],
        subheadings: &["What happens next", "A long delay", "Reaction", "The cost to taxpayers"],
        sentences: &[
            "The council said it would continue to inspect the building every month until the repairs were complete.",
            "“These were not minor defects,” said {person}, who led the inquiry.",
            "Inspections last year found corrosion in the steel beams beneath the road surface in {place}.",
            "Local businesses said the closure would hit trade, with some expecting to lose {percent}% of their customers.",
            "The project, which will cost about £{number}m, is due to finish in {year}.",
            "{person} said the decision had been taken after months of consultation with residents.",
            "Officials have not explained how the framework has shifted, and clarity on the updated terms has yet to emerge.",
            "According to the report, {number} households in {place} were affected by the flooding.",
            "It’s the third time this year that the service has been suspended — and passengers say they’ve had enough.",
            "The company’s shares rose {percent}% in early trading after the announcement.",
            "Union leaders said they would put the new offer to members in {place} next week.",
            "A spokesperson for the department declined to comment on the figures but said a review was under way.",
            "The opposition criticised the delay, calling it “a broken promise to the people of {place}”.",
            "Drivers face a {number}-mile diversion while engineers replace the deck of the bridge.",
            "{person} told the court he had employed a contractor to carry out the work by the end of {year}.",
            "Figures published on Tuesday showed prices rising at an annual rate of {percent}%, the highest since {year}.",
        ],
    },
    Language {
        code: "es",
        weight: 10,
        site: "El Diario del Sur",
        domain: "diariodelsur.example",
        home: "Inicio",
        news: "Noticias",
        by: "Por",
        advertisement: "Publicidad",
        read_more: "Lee también:",
        tags: "Etiquetas:",
        leave_reply: "Deja una respuesta",
        sentence_separator: " ",
        sections: &["Política", "Economía", "Sociedad", "Cultura", "Deportes"],
        people: &["Lucía Benavente", "Rocío Marín", "Andrés Pizarro", "José Ibáñez"],
        places: &["Villaverde del Río", "Sevilla", "La Vega", "Málaga", "Córdoba"],
        headlines: &[
            "El Ayuntamiento de {place} aprueba un presupuesto de {number} millones",
            "La oposición critica el retraso del nuevo centro de salud de {place}",
            "{person} defiende que la reforma «pone a las personas en el centro»",
        ],
        subheadings: &["Qué cambia para los vecinos", "Las reacciones", "Próximos pasos"],
        sentences: &[
            "El pleno del Ayuntamiento de {place} aprobó el jueves por la noche el presupuesto municipal para {year}.",
            "Las cuentas incluyen {number} millones para la rehabilitación de viviendas en el casco antiguo.",
            "La alcaldesa, {person}, recordó que la deuda municipal se ha reducido a la mitad desde {year}.",
            "La oposición criticó la ausencia de una partida específica para el transporte público en {place}.",
            "El impuesto de bienes inmuebles se mantiene congelado por tercer año consecutivo.",
            "Según los datos oficiales, el paro bajó un {percent}% en la provincia durante el último trimestre.",
            "«No vamos a dejar a nadie atrás», aseguró {person} ante los medios de comunicación.",
            "Los vecinos de {place} llevan años reclamando una solución para el tráfico en la zona.",
        ],
    },
    Language {
        code: "fr",
        weight: 10,
        site: "Le Courrier du Midi",
        domain: "courrierdumidi.example",
        home: "Accueil",
        news: "Actualités",
        by: "Par",
        advertisement: "Publicité",
        read_more: "Lire aussi :",
        tags: "Mots-clés :",
        leave_reply: "Laisser un commentaire",
        sentence_separator: " ",
        sections: &["Politique", "Économie", "Société", "Justice", "Culture"],
        people: &["Hélène Duval", "François Lemaître", "Amélie Chevalier", "Jérôme Béranger"],
        places: &["Montpellier", "Nîmes", "Béziers", "Perpignan", "Sète"],
        headlines: &[
            "Le tribunal de {place} condamne l’ancien maire pour favoritisme",
            "{place} : la mairie annonce {number} logements sociaux d’ici {year}",
            "Grève des transports : {person} appelle au dialogue",
        ],
        subheadings: &["Une décision attendue", "Les réactions", "Et maintenant ?"],
        sentences: &[
            "Le tribunal correctionnel de {place} a rendu sa décision mardi après plusieurs mois d’audience.",
            "L’ancien élu a été condamné à {number} euros d’amende et à une peine d’inéligibilité.",
            "« C’est une décision juste », a déclaré {person} à la sortie de l’audience.",
            "Selon l’Insee, le chômage a reculé de {percent} % dans la région au cours de l’année {year}.",
            "La municipalité de {place} prévoit de lancer les travaux dès le printemps prochain.",
            "Les syndicats dénoncent une réforme « menée sans concertation » avec les salariés.",
            "Près de {number} personnes se sont rassemblées devant la préfecture samedi matin.",
            "L’avocat de la défense a annoncé son intention de faire appel du jugement.",
        ],
    },
    Language {
        code: "de",
        weight: 8,
        site: "Rheinische Rundschau",
        domain: "rundschau.example",
        home: "Startseite",
        news: "Nachrichten",
        by: "Von",
        advertisement: "Anzeige",
        read_more: "Lesen Sie auch:",
        tags: "Schlagworte:",
        leave_reply: "Schreibe einen Kommentar",
        sentence_separator: " ",
        sections: &["Politik", "Wirtschaft", "Panorama", "Kultur", "Sport"],
        people: &["Jürgen Müller", "Anke Schröder", "Björn Weiß", "Sabine Köhler"],
        places: &["Köln", "Düsseldorf", "Mönchengladbach", "Bonn", "Würzburg"],
        headlines: &[
            "Stadtrat in {place} beschließt Sanierung der Brücke für {number} Millionen Euro",
            "{person}: „Wir brauchen mehr Wohnungen“",
            "Bahnstreik in {place} nach Einigung abgesagt",
        ],
        subheadings: &["Wie es weitergeht", "Kritik der Opposition", "Die Kosten"],
        sentences: &[
            "Der Stadtrat von {place} hat am Donnerstagabend den Haushalt für das Jahr {year} verabschiedet.",
            "Die Sanierung soll rund {number} Millionen Euro kosten und bis {year} abgeschlossen sein.",
            "„Das ist ein wichtiger Schritt für unsere Stadt“, sagte {person} nach der Sitzung.",
            "Nach Angaben der Polizei wurden bei dem Unfall {number} Menschen leicht verletzt.",
            "Die Arbeitslosenquote sank im vergangenen Monat um {percent} Prozent.",
            "Anwohner in {place} klagen seit Jahren über Lärm und Verkehrsbelastung.",
            "Die Opposition kritisierte, dass die Bürger zu spät über die Pläne informiert worden seien.",
            "Ein Sprecher des Ministeriums wollte sich zu den Zahlen zunächst nicht äußern.",
        ],
    },
    Language {
        code: "pt",
        weight: 6,
        site: "Jornal do Centro",
        domain: "jornaldocentro.example",
        home: "Início",
        news: "Notícias",
        by: "Por",
        advertisement: "Publicidade",
        read_more: "Leia também:",
        tags: "Etiquetas:",
        leave_reply: "Deixe um comentário",
        sentence_separator: " ",
        sections: &["Política", "Economia", "Sociedade", "Cultura", "Desporto"],
        people: &["João Conceição", "Inês Magalhães", "António Simões", "Maria Gonçalves"],
        places: &["Viseu", "Coimbra", "Guarda", "Lamego", "São Pedro do Sul"],
        headlines: &[
            "Festival de {place} recebe {number} mil visitantes em três dias",
            "Câmara de {place} aprova orçamento de {number} milhões de euros",
            "{person} promete reforçar a habitação pública até {year}",
        ],
        subheadings: &["O que muda", "As reações", "Próximos passos"],
        sentences: &[
            "A Câmara Municipal de {place} aprovou na quinta-feira o orçamento para {year}.",
            "O investimento previsto ronda os {number} milhões de euros, segundo a autarquia.",
            "“Este é um momento histórico para a região”, afirmou {person} aos jornalistas.",
            "A taxa de desemprego no distrito desceu {percent}% no último trimestre.",
            "Os moradores de {place} reclamam há anos uma solução para o estacionamento.",
            "A oposição criticou a falta de transparência no processo de adjudicação.",
            "Cerca de {number} pessoas participaram na manifestação de sábado à tarde.",
        ],
    },
    Language {
        code: "ru",
        weight: 8,
        site: "Волжские вести",
        domain: "volga-vesti.example",
        home: "Главная",
        news: "Новости",
        by: "Автор:",
        advertisement: "Реклама",
        read_more: "Читайте также:",
        tags: "Теги:",
        leave_reply: "Добавить комментарий",
        sentence_separator: " ",
        sections: &["Политика", "Экономика", "Общество", "Происшествия", "Спорт"],
        people: &["Ольга Смирнова", "Дмитрий Козлов", "Анна Павлова", "Сергей Орлов"],
        places: &["Самара", "Казань", "Тольятти", "Саратов", "Нижний Новгород"],
        headlines: &[
            "В городе {place} отремонтируют {number} дворов до конца {year} года",
            "{person}: «Переговоры были продуктивными, но работа продолжается»",
            "Власти {place} объявили о повышении тарифов на {percent}%",
        ],
        subheadings: &["Что дальше", "Реакция жителей", "Сколько это стоит"],
        sentences: &[
            "Президент заявил, что переговоры продолжатся на следующей неделе в городе {place}.",
            "По данным администрации, на ремонт дорог в {year} году выделено {number} миллионов рублей.",
            "«Мы рассчитываем завершить работы до осени», — сообщил {person} журналистам.",
            "Жители района {place} уже несколько лет жалуются на состояние дорог.",
            "Уровень безработицы в регионе снизился на {percent}% по сравнению с прошлым годом.",
            "В результате аварии пострадали {number} человек, сообщили в пресс-службе МЧС.",
            "Эксперты считают, что цены на жильё продолжат расти и в следующем году.",
            "Депутаты городской думы одобрили проект бюджета в первом чтении.",
        ],
    },
    Language {
        code: "th",
        weight: 4,
        site: "ข่าวเหนือ",
        domain: "khaonuea.example",
        home: "หน้าแรก",
        news: "ข่าว",
        by: "โดย",
        advertisement: "โฆษณา",
        read_more: "อ่านเพิ่มเติม:",
        tags: "แท็ก:",
        leave_reply: "แสดงความคิดเห็น",
        sentence_separator: " ",
        sections: &["การเมือง", "เศรษฐกิจ", "สังคม", "กีฬา"],
        people: &["สมชาย ใจดี", "สุดารัตน์ แก้วมณี", "ประยุทธ์ ศรีสุข"],
        places: &["เชียงใหม่", "ลำปาง", "เชียงราย", "กรุงเทพมหานคร"],
        headlines: &[
            "{place} เตรียมรับมือฝนตกหนักต่อเนื่อง {number} วัน",
            "{person} เผยรัฐบาลจะเร่งแก้ปัญหาหมอกควัน",
            "ผู้ว่าฯ {place} สั่งตรวจสอบโครงการก่อสร้างถนน",
        ],
        subheadings: &["ผลกระทบต่อประชาชน", "ขั้นตอนต่อไป"],
        sentences: &[
            "กรมอุตุนิยมวิทยาประกาศเตือนประชาชนใน{place}ให้ระวังอันตรายจากฝนตกหนัก",
            "นาย{person} กล่าวว่ารัฐบาลจะจัดสรรงบประมาณ {number} ล้านบาทเพื่อช่วยเหลือเกษตรกร",
            "ประชาชนในพื้นที่{place}กว่า {number} ครัวเรือนได้รับผลกระทบจากน้ำท่วม",
            "ราคาสินค้าเกษตรปรับตัวสูงขึ้นร้อยละ {percent} เมื่อเทียบกับปีที่แล้ว",
            "เจ้าหน้าที่ได้เร่งเข้าให้ความช่วยเหลือผู้ประสบภัยอย่างต่อเนื่อง",
            "โครงการดังกล่าวคาดว่าจะแล้วเสร็จภายในปี {year}",
        ],
    },
    Language {
        code: "el",
        weight: 3,
        site: "Η Καθημερινή Βορρά",
        domain: "vorras.example",
        home: "Αρχική",
        news: "Ειδήσεις",
        by: "Του",
        advertisement: "Διαφήμιση",
        read_more: "Διαβάστε επίσης:",
        tags: "Ετικέτες:",
        leave_reply: "Αφήστε ένα σχόλιο",
        sentence_separator: " ",
        sections: &["Πολιτική", "Οικονομία", "Κοινωνία", "Αθλητισμός"],
        people: &["Γιώργος Παπαδόπουλος", "Ελένη Νικολάου", "Κώστας Δημητρίου"],
        places: &["Θεσσαλονίκη", "Καβάλα", "Σέρρες", "Βόλος"],
        headlines: &[
            "Εγκρίθηκε ο προϋπολογισμός του δήμου {place} για το {year}",
            "{person}: «Οι συζητήσεις ήταν παραγωγικές»",
        ],
        subheadings: &["Τι αλλάζει", "Οι αντιδράσεις"],
        sentences: &[
            "Το δημοτικό συμβούλιο της πόλης {place} ενέκρινε την Πέμπτη τον προϋπολογισμό.",
            "Το κόστος του έργου εκτιμάται σε {number} εκατομμύρια ευρώ.",
            "«Είναι μια σημαντική απόφαση για την περιοχή», δήλωσε ο {person}.",
            "Η ανεργία στην περιφέρεια μειώθηκε κατά {percent}% το τελευταίο τρίμηνο.",
            "Οι κάτοικοι ζητούν εδώ και χρόνια λύση για το κυκλοφοριακό πρόβλημα.",
        ],
    },
    Language {
        code: "zh",
        weight: 3,
        site: "南方日报",
        domain: "nanfang.example",
        home: "首页",
        news: "新闻",
        by: "记者",
        advertisement: "广告",
        read_more: "相关阅读：",
        tags: "标签：",
        leave_reply: "发表评论",
        sentence_separator: "",
        sections: &["时政", "经济", "社会", "体育"],
        people: &["王伟", "李娜", "张敏", "陈静"],
        places: &["广州", "深圳", "佛山", "东莞"],
        headlines: &[
            "{place}市政府宣布投资{number}亿元建设新地铁线路",
            "{person}：经济发展稳中向好",
        ],
        subheadings: &["下一步", "各方反应"],
        sentences: &[
            "{place}市政府周四宣布，将在{year}年前完成{number}个老旧小区的改造工作。",
            "据统计，今年前三季度全市地区生产总值同比增长{percent}%。",
            "“我们将继续加大投入，改善市民的出行条件。”{person}在发布会上表示。",
            "当地居民对这一决定表示欢迎，认为将有效缓解交通压力。",
            "专家指出，房地产市场仍面临一定的下行压力。",
        ],
    },
    Language {
        code: "ar",
        weight: 3,
        site: "صحيفة الخليج",
        domain: "alkhaleej.example",
        home: "الرئيسية",
        news: "أخبار",
        by: "بقلم",
        advertisement: "إعلان",
        read_more: "اقرأ أيضا:",
        tags: "الوسوم:",
        leave_reply: "اترك تعليقاً",
        sentence_separator: " ",
        sections: &["سياسة", "اقتصاد", "مجتمع", "رياضة"],
        people: &["محمد العلي", "فاطمة الزهراني", "أحمد السعيد"],
        places: &["دبي", "الرياض", "الدوحة", "عمّان"],
        headlines: &[
            "بلدية {place} تعلن عن مشروع جديد بقيمة {number} مليون",
            "{person}: المحادثات كانت مثمرة",
        ],
        subheadings: &["الخطوات المقبلة", "ردود الفعل"],
        sentences: &[
            "أعلنت بلدية {place} يوم الخميس عن خطة لتطوير شبكة الطرق بحلول عام {year}.",
            "وقال {person} إن المشروع سيوفر أكثر من {number} فرصة عمل للشباب.",
            "وارتفعت أسعار المواد الغذائية بنسبة {percent}% خلال الربع الأخير.",
            "ورحب السكان بالقرار مؤكدين أنه سيخفف من الازدحام المروري.",
            "وأشار التقرير إلى أن الاقتصاد المحلي يواصل النمو رغم التحديات.",
        ],
    },
];
