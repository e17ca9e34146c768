//! Prints how well mojibake repair does on the sentences in
//! tests/cases/mojibake: exact-repair rates per code page and per kind of
//! damage (single, double, partial, lossy), and how many correct lines it
//! changed. Run with `cargo run --example mojibake_eval [-- --verbose]`;
//! `--speed` (best with `--release`) times the repair stage instead on
//! clean and damaged text. It only measures; the assertions live in
//! tests/mojibake_cases.rs.

#[path = "../tests/mojibake_support/mod.rs"]
mod support;

use support::{damage, damage_lossy, damage_word, pages, repaired, sentences, Loss};

#[derive(Default)]
struct Tally {
    total: usize,
    exact: usize,
    /// Lines whose output holds a character that is neither in the damaged
    /// input nor in the original: a wrong repair, not just a missed one.
    wrong: usize,
}

impl Tally {
    fn add(&mut self, ok: bool, wrong: bool) {
        self.total += 1;
        self.exact += usize::from(ok);
        self.wrong += usize::from(wrong);
    }
    fn merge(&mut self, other: &Tally) {
        self.total += other.total;
        self.exact += other.exact;
        self.wrong += other.wrong;
    }
    fn show(&self, name: &str) {
        if self.total > 0 {
            println!(
                "  {name:<28} {:>5}/{:<5} {:6.2}%   wrong {}",
                self.exact,
                self.total,
                100.0 * self.exact as f64 / self.total as f64,
                self.wrong
            );
        }
    }
}

/// Whether `out` holds a character found in neither `damaged` nor
/// `original`.
fn introduces_characters(out: &str, damaged: &str, original: &str) -> bool {
    out.chars()
        .any(|c| !damaged.contains(c) && !original.contains(c))
}

/// MB/s of mojibake repair over `text`, repeated until it is `size` bytes.
fn speed(name: &str, lines: &[String], size: usize) {
    let mut text = String::with_capacity(size + 1000);
    while text.len() < size {
        for line in lines {
            text.push_str(line);
            text.push('\n');
        }
    }
    let started = std::time::Instant::now();
    let mut changes = Vec::new();
    let out = newsclean::repair::mojibake::repair(&text, &mut changes);
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "  {name:<36} {:>8.1} MB/s  ({} MB, {} changes, output {} bytes)",
        text.len() as f64 / seconds / 1e6,
        text.len() / 1_000_000,
        changes.len(),
        out.len()
    );
}

fn main() {
    if std::env::args().any(|a| a == "--speed") {
        let sentences = sentences();
        let english: Vec<String> = sentences
            .iter()
            .filter(|s| s.chars().filter(|c| !c.is_ascii()).count() <= 4)
            .cloned()
            .collect();
        let windows_1252 = support::find_page("windows-1252");
        let damaged: Vec<String> = sentences.iter().map(|s| damage(s, &windows_1252)).collect();
        println!("repair stage throughput:");
        speed("clean, mostly English", &english, 50_000_000);
        speed("clean, every script", &sentences, 20_000_000);
        speed("every line damaged (windows-1252)", &damaged, 5_000_000);
        return;
    }
    let verbose = std::env::args().any(|a| a == "--verbose");
    let sentences = sentences();
    // Damaged lines whose repair a second call would change further.
    let not_idempotent = std::cell::Cell::new(0usize);
    let check = |tally: &mut Tally, kind: &str, original: &str, damaged: &str| {
        if damaged == original {
            return;
        }
        let out = match std::panic::catch_unwind(|| repaired(damaged)) {
            Ok(out) => out,
            Err(_) => {
                println!("PANIC {kind} on {damaged:?}");
                String::new()
            }
        };
        let ok = out == original;
        let wrong = !ok && introduces_characters(&out, damaged, original);
        if !ok && repaired(&out) != out {
            not_idempotent.set(not_idempotent.get() + 1);
            if verbose {
                println!("NOT IDEMPOTENT {kind}\n  out: {out:?}");
            }
        }
        if !ok && verbose {
            let label = if wrong { "WRONG" } else { "FAIL" };
            println!("{label} {kind}\n  in:  {damaged:?}\n  out: {out:?}\n  exp: {original:?}");
        }
        tally.add(ok, wrong);
    };
    println!("single code page, whole line:");
    let mut single_all = Tally::default();
    for page in pages() {
        let mut tally = Tally::default();
        for sentence in &sentences {
            let damaged = damage(sentence, &page);
            if damaged.contains('\u{FFFD}') {
                continue;
            }
            check(&mut tally, page.name, sentence, &damaged);
        }
        tally.show(page.name);
        single_all.merge(&tally);
    }
    single_all.show("ALL single");

    println!("double (first code page, then windows-1252 or itself):");
    let windows_1252 = support::find_page("windows-1252");
    let mut double_all = Tally::default();
    for page in pages() {
        let mut tally = Tally::default();
        for second in [windows_1252, page] {
            for sentence in &sentences {
                let damaged = damage(&damage(sentence, &page), &second);
                if damaged.contains('\u{FFFD}') {
                    continue;
                }
                check(&mut tally, page.name, sentence, &damaged);
            }
        }
        tally.show(page.name);
        double_all.merge(&tally);
    }
    let mut triple = Tally::default();
    for sentence in &sentences {
        let damaged = damage(
            &damage(&damage(sentence, &windows_1252), &windows_1252),
            &windows_1252,
        );
        check(&mut triple, "triple", sentence, &damaged);
    }
    triple.show("windows-1252 x3");
    double_all.merge(&triple);
    double_all.show("ALL double");

    println!("partial (one word damaged, rest correct):");
    let mut partial_all = Tally::default();
    for page in pages() {
        let mut tally = Tally::default();
        for sentence in &sentences {
            for index in 0..2 {
                if let Some(damaged) = damage_word(sentence, &page, index) {
                    if !damaged.contains('\u{FFFD}') {
                        check(&mut tally, page.name, sentence, &damaged);
                    }
                }
            }
        }
        tally.show(page.name);
        partial_all.merge(&tally);
    }
    partial_all.show("ALL partial");

    println!("lossy (bytes the code page cannot show lost, NBSP as space):");
    let mut lossy_latin = Tally::default();
    let mut lossy_other = Tally::default();
    for page_name in ["windows-1252", "windows-874"] {
        let page = support::find_page(page_name);
        for loss in [Loss::Dropped, Loss::Question, Loss::Replacement] {
            for sentence in &sentences {
                let damaged = damage_lossy(sentence, &page, loss);
                if damaged == damage(sentence, &page) {
                    continue;
                }
                let latin = sentence
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| (c as u32) < 0x250);
                let tally = if latin {
                    &mut lossy_latin
                } else {
                    &mut lossy_other
                };
                check(
                    tally,
                    &format!("lossy {page_name} {loss:?}"),
                    sentence,
                    &damaged,
                );
            }
        }
    }
    lossy_latin.show("lossy Latin");
    lossy_other.show("lossy other scripts");
    let mut lossy_all = Tally::default();
    lossy_all.merge(&lossy_latin);
    lossy_all.merge(&lossy_other);
    lossy_all.show("ALL lossy");

    println!(
        "repairs that a second call changes further: {}",
        not_idempotent.get()
    );

    let mut negatives = sentences.clone();
    negatives.extend(support::case_lines("negative.txt"));
    let changed: Vec<&String> = negatives
        .iter()
        .filter(|line| repaired(line) != **line)
        .collect();
    println!(
        "negative set: {} lines, {} changed",
        negatives.len(),
        changed.len()
    );
    for line in changed {
        println!("  CHANGED {line:?} -> {:?}", repaired(line));
    }

    // A short timing without criterion (more with `--speed --release`).
    let damaged: Vec<String> = sentences.iter().map(|s| damage(s, &windows_1252)).collect();
    println!("repair stage throughput (short run):");
    speed("clean, every script", &sentences, 4_000_000);
    speed("every line damaged (windows-1252)", &damaged, 500_000);
}
