//! Measures the filters against editor-cleaned articles: block-level
//! removal precision and recall, must-keep blocks lost, and the share of
//! articles that come out right.
//!
//! ```text
//! cargo run --example filter_eval -- fixtures ../shared/examples
//! ```
//!
//! Each argument is a folder of cases `NAME/input.txt` + `NAME/expected.txt`
//! (cases with an `args` file are skipped: they test other switches). The
//! input is decoded and repaired as the cleaner does, split into blocks,
//! and each block is aligned with the expected blocks (longest common
//! subsequence, earliest match first). A block with a partner in the
//! expected text is one the editor kept; the others were dropped. The
//! alignment compares folded text, and also only the ASCII letters and
//! digits of long blocks, so that a block still carrying mojibake (when
//! the repair stage misses it) is matched to its repaired form; the filters
//! are judged on their decisions, not on repairs.
//!
//! With `--speed` it also times the rules' compilation and the filters
//! alone over the same articles (build with `--release` for figures that
//! mean anything); `--corpus DIR` times the filters over every `.txt` file
//! under DIR instead (a generated corpus, say), without judging them. It
//! writes nothing.

use newsclean::{blocks, decode, filters, repair, Config, RuleSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[derive(Default)]
struct Totals {
    articles: usize,
    decisions_right: usize,
    byte_identical: usize,
    true_drops: usize,
    false_drops: usize,
    missed_drops: usize,
    kept_blocks: usize,
}

fn main() -> anyhow::Result<()> {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let speed = arguments.iter().any(|argument| argument == "--speed");
    let corpus = arguments
        .iter()
        .position(|argument| argument == "--corpus")
        .and_then(|position| arguments.get(position + 1))
        .map(PathBuf::from);
    let folders: Vec<PathBuf> = arguments
        .iter()
        .filter(|argument| *argument != "--speed")
        .filter(|argument| Some(PathBuf::from(argument)) != corpus && *argument != "--corpus")
        .map(PathBuf::from)
        .collect();
    let config = Config::default();
    if let Some(corpus) = corpus {
        let started = Instant::now();
        let rules = RuleSet::builtin();
        let compile_time = started.elapsed();
        let mut files = Vec::new();
        text_files(&corpus, &mut files)?;
        files.sort();
        return measure_speed(&files, &config, &rules, compile_time);
    }
    if folders.is_empty() {
        anyhow::bail!(
            "usage: filter_eval FOLDER... (each holding NAME/input.txt and NAME/expected.txt)"
        );
    }
    let started = Instant::now();
    let rules = RuleSet::builtin();
    let compile_time = started.elapsed();
    let mut totals = Totals::default();
    let mut all_cases = Vec::new();
    for folder in &folders {
        all_cases.extend(cases(folder)?);
    }
    for case in &all_cases {
        evaluate(case, &config, &rules, &mut totals)?;
    }
    if speed {
        measure_speed(&all_cases, &config, &rules, compile_time)?;
    }
    let precision = ratio(totals.true_drops, totals.true_drops + totals.false_drops);
    let recall = ratio(totals.true_drops, totals.true_drops + totals.missed_drops);
    println!("articles:                 {}", totals.articles);
    println!("blocks the editor kept:   {}", totals.kept_blocks);
    println!(
        "blocks the editor dropped: {}",
        totals.true_drops + totals.missed_drops
    );
    println!("removal precision:        {precision:.3}");
    println!("removal recall:           {recall:.3}");
    println!("must-keep blocks lost:    {}", totals.false_drops);
    println!(
        "block decisions all right: {}/{} ({:.1}%)",
        totals.decisions_right,
        totals.articles,
        100.0 * ratio(totals.decisions_right, totals.articles)
    );
    println!(
        "byte-identical output:    {}/{} ({:.1}%, includes the repair stage)",
        totals.byte_identical,
        totals.articles,
        100.0 * ratio(totals.byte_identical, totals.articles)
    );
    Ok(())
}

/// Times the filters alone (not decoding or repair) over the cases'
/// repaired blocks, many rounds, and prints bytes per second.
fn measure_speed(
    cases: &[PathBuf],
    config: &Config,
    rules: &RuleSet,
    compile_time: Duration,
) -> anyhow::Result<()> {
    let mut texts = Vec::new();
    for case in cases {
        let path = if case.is_dir() {
            case.join("input.txt")
        } else {
            case.clone()
        };
        let bytes = fs::read(path)?;
        let decoded = decode::decode(&bytes, None)?;
        let mut changes = Vec::new();
        texts.push(repair::repair(&decoded.text, config, &mut changes).into_owned());
    }
    let documents: Vec<Vec<&str>> = texts.iter().map(|text| blocks::split(text)).collect();
    let bytes_per_round: usize = texts.iter().map(String::len).sum();
    // About 20 MB in all, however big the set of texts.
    let rounds = (20_000_000 / bytes_per_round.max(1)).clamp(1, 300);
    let started = Instant::now();
    let mut dropped = 0usize;
    for _ in 0..rounds {
        for document in &documents {
            let mut changes = Vec::new();
            let keep = filters::apply(document, rules, config, &mut changes);
            dropped += keep.iter().filter(|kept| !**kept).count();
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    let megabytes = (bytes_per_round * rounds) as f64 / 1e6;
    println!(
        "rules compiled in:        {:.1} ms",
        compile_time.as_secs_f64() * 1e3
    );
    println!(
        "filters alone:            {:.1} MB/s ({megabytes:.1} MB, {dropped} drops)",
        megabytes / elapsed
    );
    Ok(())
}

/// Every `.txt` file under `folder`, at any depth.
fn text_files(folder: &Path, files: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    for entry in fs::read_dir(folder)? {
        let path = entry?.path();
        if path.is_dir() {
            text_files(&path, files)?;
        } else if path.extension().is_some_and(|extension| extension == "txt") {
            files.push(path);
        }
    }
    Ok(())
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

fn cases(folder: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut cases: Vec<PathBuf> = fs::read_dir(folder)?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.join("input.txt").is_file() && path.join("expected.txt").is_file())
        .filter(|path| !path.join("args").exists())
        .collect();
    cases.sort();
    Ok(cases)
}

fn evaluate(
    case: &Path,
    config: &Config,
    rules: &RuleSet,
    totals: &mut Totals,
) -> anyhow::Result<()> {
    let bytes = fs::read(case.join("input.txt"))?;
    let expected = fs::read_to_string(case.join("expected.txt"))?;
    let decoded = decode::decode(&bytes, None)?;
    let mut changes = Vec::new();
    let repaired = repair::repair(&decoded.text, config, &mut changes);
    let input_blocks = blocks::split(&repaired);
    let expected_blocks = blocks::split(&expected);
    let editor_keeps = align(&input_blocks, &expected_blocks);
    let keep = filters::apply(&input_blocks, rules, config, &mut changes);

    totals.articles += 1;
    let mut all_right = editor_keeps.iter().filter(|kept| **kept).count() == expected_blocks.len();
    for (index, block) in input_blocks.iter().enumerate() {
        match (editor_keeps[index], keep[index]) {
            (true, true) => totals.kept_blocks += 1,
            (false, false) => totals.true_drops += 1,
            (true, false) => {
                totals.kept_blocks += 1;
                totals.false_drops += 1;
                all_right = false;
                println!(
                    "LOST    {}: {}",
                    case.display(),
                    newsclean::report::snippet(block, 70)
                );
            }
            (false, true) => {
                totals.missed_drops += 1;
                all_right = false;
                println!(
                    "MISSED  {}: {}",
                    case.display(),
                    newsclean::report::snippet(block, 70)
                );
            }
        }
    }
    if all_right {
        totals.decisions_right += 1;
    }
    let cleaned = newsclean::clean_bytes(&bytes, config)?;
    if cleaned.text == expected {
        totals.byte_identical += 1;
    }
    Ok(())
}

/// Which input blocks have a partner among the expected blocks, matched in
/// order, earliest first.
fn align(input: &[&str], expected: &[&str]) -> Vec<bool> {
    let input_keys: Vec<(String, String)> = input.iter().map(|block| keys(block)).collect();
    let expected_keys: Vec<(String, String)> = expected.iter().map(|block| keys(block)).collect();
    let same =
        |a: &(String, String), b: &(String, String)| a.0 == b.0 || (a.1.len() >= 10 && a.1 == b.1);
    let (rows, columns) = (input.len(), expected.len());
    // suffix[i][j]: longest common subsequence of input[i..] and expected[j..].
    let mut suffix = vec![vec![0usize; columns + 1]; rows + 1];
    for i in (0..rows).rev() {
        for j in (0..columns).rev() {
            suffix[i][j] = if same(&input_keys[i], &expected_keys[j]) {
                suffix[i + 1][j + 1] + 1
            } else {
                suffix[i + 1][j].max(suffix[i][j + 1])
            };
        }
    }
    let mut matched = vec![false; rows];
    let (mut i, mut j) = (0, 0);
    while i < rows && j < columns {
        if same(&input_keys[i], &expected_keys[j]) && suffix[i][j] == suffix[i + 1][j + 1] + 1 {
            matched[i] = true;
            i += 1;
            j += 1;
        } else if suffix[i + 1][j] >= suffix[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    matched
}

/// The text without spaces (glued sentences get their space back in
/// repair) and with one quote style, and the block's ASCII letters and
/// digits only (mojibake keeps those intact).
fn keys(block: &str) -> (String, String) {
    // Case is kept: a headline in capitals is a different block from the
    // same headline in sentence case, and the editor keeps only one.
    let folded: String = block
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '‘' | '’' => '\'',
            '“' | '”' => '"',
            other => other,
        })
        .collect();
    // Entities are unescaped here too, for the same reason as mojibake.
    let ascii = htmlize::unescape(htmlize::unescape(block).as_ref())
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    (folded, ascii)
}
