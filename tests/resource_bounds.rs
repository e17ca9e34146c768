//! Resource bounds: work and memory grow linearly with the input, and
//! pathological shapes (one huge line, a sea of blank lines, thousands of
//! repeated or tiny paragraphs, long runs of characters that tempt a
//! repair to look ahead) finish. The default tests are sized to run in a
//! debug build in CI; they compare counted quantities (output bytes,
//! number of changes, peak resident memory of the binary), never wall time.
//! The `#[ignore]`d measurements at the end work on 50 MB to 1 GB and print
//! their figures; TESTING.md says how to run them and what they gave.
//!
//! Sizes are those a debug build cleans in seconds (the filters and the
//! mojibake scorer run at tens of kilobytes per second unoptimised); the
//! ratios, not the sizes, carry the check. A hang here is a failure: a
//! quadratic stage turns the 50,000-block inputs into billions of steps,
//! which no CI run survives.

use newsclean::{Action, Config};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const KB: usize = 1 << 10;
const MB: usize = 1 << 20;

/// A deterministic stream of numbers (xorshift), so that generated text is
/// the same on every run without a random-number crate.
struct Numbers(u64);

impl Numbers {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }
}

const VOCABULARY: &[&str] = &[
    "council",
    "budget",
    "Tuesday",
    "mayor",
    "agreed",
    "the",
    "and",
    "of",
    "city",
    "café",
    "Straße",
    "Москва",
    "переговоры",
    "กรุงเทพฯ",
    "東京",
    "plan",
    "railway",
    "corridor",
    "residents",
    "said",
    "would",
    "next",
    "year",
    "funding",
    "bridge",
    "école",
    "año",
];

/// One distinct article paragraph of about 300 bytes; the number makes it
/// unique so that no filter may drop it as a repeat.
fn paragraph(numbers: &mut Numbers, serial: usize) -> String {
    let mut text = format!("Report {serial}:");
    while text.len() < 300 {
        text.push(' ');
        text.push_str(VOCABULARY[numbers.below(VOCABULARY.len())]);
    }
    text.push('.');
    text
}

/// An article-shaped document of about `size` bytes: distinct paragraphs,
/// with every tenth followed by a boilerplate line and every seventh
/// repeated once, so that every stage has work proportional to the size.
fn generated_document(size: usize, seed: u64) -> String {
    let mut numbers = Numbers(seed);
    let mut text = String::from("Council agrees the budget for next year\n\n");
    let mut serial = 0;
    while text.len() < size {
        let block = paragraph(&mut numbers, serial);
        text.push_str(&block);
        text.push_str("\n\n");
        if serial % 10 == 0 {
            text.push_str("Advertisement\n\n");
        }
        if serial % 7 == 0 {
            text.push_str(&block);
            text.push_str("\n\n");
        }
        serial += 1;
    }
    text
}

struct Work {
    input_bytes: usize,
    output_bytes: usize,
    repairs: usize,
    drops: usize,
}

fn measure(text: &str) -> Work {
    let cleaned = newsclean::clean(text, &Config::default());
    Work {
        input_bytes: text.len(),
        output_bytes: cleaned.text.len(),
        repairs: count(&cleaned.changes, Action::Repair),
        drops: count(&cleaned.changes, Action::Drop),
    }
}

fn count(changes: &[newsclean::Change], action: Action) -> usize {
    changes
        .iter()
        .filter(|change| change.action == action)
        .count()
}

/// `larger` is within 10% of `factor` times `smaller`.
fn scales_by(smaller: usize, larger: usize, factor: usize) -> bool {
    let expected = smaller * factor;
    larger * 10 >= expected * 9 && larger * 10 <= expected * 11
}

#[test]
fn counted_work_grows_linearly_with_the_input() {
    let small = measure(&generated_document(32 * KB, 7));
    let large = measure(&generated_document(128 * KB, 7));
    assert!(scales_by(small.input_bytes, large.input_bytes, 4));
    assert!(
        scales_by(small.output_bytes, large.output_bytes, 4),
        "output {} then {} bytes",
        small.output_bytes,
        large.output_bytes
    );
    assert!(small.output_bytes <= small.input_bytes);
    // Drops are either all missing (filters off) or proportional.
    assert!(
        (small.drops == 0 && large.drops == 0) || scales_by(small.drops, large.drops, 4),
        "drops {} then {}",
        small.drops,
        large.drops
    );
    assert!(
        (small.repairs == 0 && large.repairs == 0) || scales_by(small.repairs, large.repairs, 4),
        "repairs {} then {}",
        small.repairs,
        large.repairs
    );
}

// ---- pathological shapes: each must finish and give sane output ----

#[test]
fn one_two_megabyte_line_is_cleaned_whole() {
    let mut line = String::with_capacity(2 * MB + 100);
    let mut serial = 0;
    while line.len() < 2 * MB {
        line.push_str(&format!("The council met {serial} times. "));
        serial += 1;
    }
    let cleaned = newsclean::clean(&line, &Config::default());
    // One block that is no boilerplate: all of it stays, on one line.
    assert_eq!(cleaned.text.matches('\n').count(), 1);
    assert!(cleaned.text.len() >= line.len() - 2 && cleaned.text.len() <= line.len() + 1);
}

#[test]
fn two_hundred_thousand_blank_lines_become_nothing() {
    let text = "\n".repeat(200_000) + &" \n".repeat(100_000) + &"\r\n".repeat(100_000);
    let cleaned = newsclean::clean(&text, &Config::default());
    assert_eq!(cleaned.text, "");
    let between = format!(
        "First paragraph.{}Second paragraph.",
        "\n \n".repeat(200_000)
    );
    let cleaned = newsclean::clean(&between, &Config::default());
    assert_eq!(cleaned.text, "First paragraph.\n\nSecond paragraph.\n");
}

#[test]
fn fifty_thousand_repeated_paragraphs_keep_one() {
    let block =
        "The council met on Tuesday and agreed the budget for next year after a long debate.";
    let text = format!("{block}\n\n").repeat(50_000);
    let cleaned = newsclean::clean(&text, &Config::default());
    let with_repeats = newsclean::clean(&text, &Config::repair_only());
    assert_eq!(with_repeats.text.len(), text.len() - 1);
    assert!(
        cleaned.text == format!("{block}\n") || cleaned.text == with_repeats.text,
        "repeats are either all dropped or (dedup missing) all kept"
    );
}

#[test]
fn fifty_thousand_near_repeats_are_compared_in_linear_time() {
    // Distinct paragraphs that share a long prefix: a pairwise comparison
    // of every block with every earlier one would take 1.25e9 comparisons
    // of 200 bytes each here.
    let prefix = "The council met on Tuesday and agreed the budget for next year ".repeat(3);
    let mut text = String::new();
    for serial in 0..50_000 {
        text.push_str(&format!("{prefix}(item {serial})\n\n"));
    }
    let cleaned = newsclean::clean(&text, &Config::default());
    assert_eq!(
        cleaned.text.len(),
        text.len() - 1,
        "every paragraph is distinct"
    );
}

#[test]
fn fifty_thousand_tiny_blocks_all_stay() {
    let mut text = String::new();
    for serial in 0..50_000 {
        text.push_str(&format!("Q{serial}\n\nYes.\n\n"));
    }
    let cleaned = newsclean::clean(&text, &Config::default());
    // Short lines that repeat (`Yes.`) are content, never duplicates.
    assert_eq!(cleaned.text.matches("Yes.").count(), 50_000);
    assert_eq!(cleaned.text.len(), text.len() - 1);
}

/// `count` share-row lines (`Like`, a rule that only drops next to other
/// share boilerplate) followed by the `Share this:` line that anchors them.
fn share_lines_before_their_anchor(count: usize) -> String {
    let mut text =
        String::from("The council met on Tuesday and agreed the budget for next year.\n\n");
    text.push_str(&"Like\n\n".repeat(count));
    text.push_str("Share this:\n");
    text
}

/// `count` copies of a headline-shaped line (short, no final full stop).
fn copies_of_a_headline(count: usize) -> String {
    "Council agrees the budget for next year\n\n".repeat(count)
}

#[test]
fn short_runs_of_the_quadratic_shapes_are_cleaned_right() {
    let cleaned = newsclean::clean(&share_lines_before_their_anchor(200), &Config::default());
    assert_eq!(
        cleaned.text,
        "The council met on Tuesday and agreed the budget for next year.\n"
    );
    let cleaned = newsclean::clean(&copies_of_a_headline(200), &Config::default());
    assert_eq!(cleaned.text, "Council agrees the budget for next year\n");
}

#[test]
fn fifty_thousand_share_lines_before_their_anchor_finish() {
    let cleaned = newsclean::clean(&share_lines_before_their_anchor(50_000), &Config::default());
    assert_eq!(
        cleaned.text,
        "The council met on Tuesday and agreed the budget for next year.\n"
    );
}

#[test]
fn fifty_thousand_copies_of_the_headline_keep_one() {
    let cleaned = newsclean::clean(&copies_of_a_headline(50_000), &Config::default());
    assert_eq!(cleaned.text, "Council agrees the budget for next year\n");
}

#[test]
#[ignore = "measurement: how the two quadratic shapes grow"]
fn measure_the_quadratic_shapes() {
    for count in [5_000, 10_000, 20_000] {
        for (name, text) in [
            (
                "share lines before their anchor",
                share_lines_before_their_anchor(count),
            ),
            ("copies of the headline", copies_of_a_headline(count)),
        ] {
            let started = Instant::now();
            let cleaned = newsclean::clean(&text, &Config::default());
            println!(
                "{name}: {count} blocks in {:.2} s, {} bytes out",
                started.elapsed().as_secs_f64(),
                cleaned.text.len()
            );
        }
    }
}

#[test]
fn long_runs_that_tempt_a_repair_to_look_ahead_finish() {
    // Long enough that a scan restarting at every position (quadratic)
    // would take minutes even optimised.
    const RUN: usize = 64 * KB;
    let config = Config::default();
    let runs: Vec<(&str, String)> = vec![
        ("ampersands without semicolons", "&".repeat(RUN)),
        ("unterminated numeric entities", "&#1".repeat(RUN / 3)),
        ("unterminated named entities", "&amp".repeat(RUN / 4)),
        ("mojibake lead bytes with no tail", "Ã".repeat(RUN / 2)),
        ("mojibake pairs", "Ã©".repeat(RUN / 4)),
        ("Thai mojibake", "à¸".repeat(RUN / 4)),
        ("full stops between letters", "a.B".repeat(RUN / 3)),
        ("abbreviations", "U.S.".repeat(RUN / 4)),
        ("spaces", " ".repeat(RUN) + "x"),
        ("invisible characters", "\u{200B}".repeat(RUN / 3)),
        (
            "combining marks on one letter",
            format!("e{}", "\u{0301}".repeat(RUN / 2)),
        ),
        ("replacement characters", "\u{FFFD}".repeat(RUN / 3)),
        ("carriage returns", "\r".repeat(RUN)),
    ];
    for (name, text) in runs {
        let cleaned = newsclean::clean(&text, &config);
        assert!(
            cleaned.text.len() <= text.len() + text.len() / 2 + 1,
            "{name}: {} bytes in, {} out",
            text.len(),
            cleaned.text.len()
        );
    }
}

#[test]
fn long_binary_and_legacy_inputs_finish() {
    let config = Config::default();
    let mut legacy = Vec::with_capacity(64 * KB);
    let mut numbers = Numbers(3);
    while legacy.len() < 64 * KB {
        // Windows-1251 letters and spaces: not UTF-8, so detection runs.
        legacy.push(if numbers.below(6) == 0 {
            b' '
        } else {
            0xC0 + numbers.below(64) as u8
        });
    }
    let cleaned = newsclean::clean_bytes(&legacy, &config).expect("legacy text decodes");
    assert!(cleaned.text.len() <= 3 * legacy.len() + 1);
    let mut binary = legacy.clone();
    binary[50 * KB] = 0;
    assert!(newsclean::clean_bytes(&binary, &config).is_err());
}

// ---- the binary's peak memory ----

fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_newsclean"))
}

/// Runs the binary on `input` with stdout to a file and returns its peak
/// resident memory in bytes, measured by GNU time; `None` when GNU time is
/// not installed.
fn peak_memory(args: &[&str], input: &Path, output: &Path) -> Option<usize> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        return None;
    }
    let report = output.with_extension("time");
    let status = Command::new(time)
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(&report)
        .arg(binary())
        .args(args)
        .stdin(fs::File::open(input).expect("open input"))
        .stdout(fs::File::create(output).expect("create output"))
        .stderr(Stdio::null())
        .status()
        .expect("GNU time runs");
    assert!(status.success(), "newsclean {args:?} failed: {status}");
    let kilobytes: usize = fs::read_to_string(&report)
        .expect("GNU time report")
        .trim()
        .lines()
        .last()
        .and_then(|line| line.trim().parse().ok())
        .expect("GNU time prints kilobytes");
    Some(kilobytes * 1024)
}

#[test]
fn the_binary_needs_memory_proportional_to_one_document() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let mut peaks = Vec::new();
    for (size, name) in [(64 * KB, "small"), (256 * KB, "large")] {
        let input = folder.path().join(format!("{name}.txt"));
        fs::write(&input, generated_document(size, 5)).expect("write input");
        let output = folder.path().join(format!("{name}.out"));
        match peak_memory(&[], &input, &output) {
            Some(peak) => peaks.push((size, peak)),
            None => {
                eprintln!("skipped: /usr/bin/time (GNU time) is not installed");
                return;
            }
        }
        assert!(fs::metadata(&output).expect("output written").len() > 0);
    }
    let (small_size, small_peak) = peaks[0];
    let (large_size, large_peak) = peaks[1];
    eprintln!("peak memory: {small_peak} B for {small_size} B, {large_peak} B for {large_size} B");
    // A few copies of the document (bytes, decoded text, repaired text,
    // output) plus the process's fixed cost; never a multiple of the
    // document's square.
    assert!(
        large_peak <= 12 * large_size + 64 * MB,
        "{large_peak} bytes of memory for a {large_size}-byte document"
    );
    let growth = large_peak.saturating_sub(small_peak);
    assert!(
        growth <= 12 * (large_size - small_size) + 16 * MB,
        "memory grew by {growth} bytes for {} more input bytes",
        large_size - small_size
    );
}

// ---- measurements: `cargo test --release --test resource_bounds -- --ignored --nocapture` ----

fn write_generated(path: &Path, size: usize, jsonl: bool) {
    let mut file = std::io::BufWriter::new(fs::File::create(path).expect("create input"));
    let mut written = 0;
    let mut seed = 1;
    while written < size {
        let document = generated_document(64 * 1024, seed);
        let bytes = if jsonl {
            let record = serde_json::json!({ "id": seed, "text": document });
            format!("{record}\n").into_bytes()
        } else {
            document.into_bytes()
        };
        file.write_all(&bytes).expect("write input");
        written += bytes.len();
        seed += 1;
    }
    file.flush().expect("flush input");
}

fn report(name: &str, args: &[&str], input: &Path, folder: &Path) {
    let size = fs::metadata(input).expect("input exists").len() as f64;
    let output = folder.join("measured.out");
    let started = Instant::now();
    let peak = peak_memory(args, input, &output);
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{name}: {:.0} MB in {seconds:.1} s ({:.1} MB/s), peak memory {} MB",
        size / MB as f64,
        size / MB as f64 / seconds,
        peak.map_or("unknown".to_string(), |peak| (peak / MB).to_string())
    );
    let _ = fs::remove_file(output);
}

#[test]
#[ignore = "measurement: 50 MB and 200 MB through the binary"]
fn measure_linear_growth_of_one_document() {
    let folder = tempfile::tempdir().expect("temporary folder");
    for size in [50 * MB, 200 * MB] {
        let input = folder.path().join("document.txt");
        write_generated(&input, size, false);
        report("one document", &[], &input, folder.path());
    }
}

#[test]
#[ignore = "measurement: 1 GB of JSON Lines through the binary (needs --jsonl)"]
fn measure_a_gigabyte_of_json_lines() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let input = folder.path().join("records.jsonl");
    write_generated(&input, 1024 * MB, true);
    report("JSON Lines", &["--jsonl"], &input, folder.path());
}

#[test]
#[ignore = "measurement: pathological shapes at full size"]
fn measure_pathological_shapes_at_full_size() {
    let shapes: Vec<(&str, String)> = vec![
        ("one 100 MB line", "word ".repeat(20 * MB)),
        ("a million blank lines", "\n".repeat(1_000_000)),
        (
            "a million repeated paragraphs",
            "The council met on Tuesday and agreed the budget for next year.\n\n".repeat(1_000_000),
        ),
        ("a million tiny blocks", "Yes.\n\n".repeat(1_000_000)),
    ];
    for (name, text) in shapes {
        let started = Instant::now();
        let cleaned = newsclean::clean(&text, &Config::default());
        println!(
            "{name}: {} MB in {:.1} s, {} MB out",
            text.len() / MB,
            started.elapsed().as_secs_f64(),
            cleaned.text.len() / MB
        );
    }
}

#[test]
#[ignore = "measurement: 100,000 tiny files and deep folders (needs --out-dir)"]
fn measure_many_tiny_files_and_deep_folders() {
    let input = tempfile::tempdir().expect("temporary folder");
    for index in 0..100_000 {
        let folder = input.path().join(format!("{:03}", index % 1000));
        fs::create_dir_all(&folder).expect("create folder");
        fs::write(folder.join(format!("{index}.txt")), "Yes.\n").expect("write file");
    }
    let mut deep = input.path().join("deep");
    for level in 0..200 {
        deep = deep.join(format!("level-{level}"));
    }
    fs::create_dir_all(&deep).expect("create deep folders");
    fs::write(deep.join("bottom.txt"), "The bottom of the tree.\n").expect("write file");
    let out = tempfile::tempdir().expect("temporary folder");
    let started = Instant::now();
    let status = Command::new(binary())
        .args(["-q", "--out-dir"])
        .arg(out.path())
        .arg(input.path())
        .status()
        .expect("newsclean runs");
    println!(
        "100,000 tiny files and 200 nested folders: {:.1} s, {status}",
        started.elapsed().as_secs_f64()
    );
    assert!(status.success());
    assert!(out
        .path()
        .join(deep.strip_prefix(input.path()).expect("inside input"))
        .join("bottom.txt")
        .exists());
}
