//! Writes a deterministic corpus of synthetic news articles for the
//! benchmarks and robustness tests: a folder with one file per article
//! (`OUT/articles/LANGUAGE/ID.txt`) and the same articles as JSON Lines
//! (`OUT/articles.jsonl`, one `{"id", "url", "text"}` object per line).
//! The same `--seed` and size always give the same bytes.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --articles 20000 --out /dev/shm/corpus
//! cargo run --release --example gen_corpus -- --size-mb 200 --seed 7 --format jsonl --out big
//! ```
//!
//! The articles themselves come from `benches/support/corpus.rs`, shared
//! with the criterion benches. This program does not clean anything and
//! never overwrites an existing corpus: it refuses to start instead.

// Shared with the benches, which use parts of it this program does not.
#[allow(dead_code)]
#[path = "../benches/support/corpus.rs"]
mod corpus;

use anyhow::{bail, Context};
use clap::{Parser, ValueEnum};
use corpus::{Generator, Profile};
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Parser)]
#[command(about = "Writes a deterministic corpus of synthetic news articles")]
struct Arguments {
    /// Number of articles to write.
    #[arg(long, default_value_t = 1000)]
    articles: u64,
    /// Write articles until the text reaches this many MiB (instead of
    /// counting articles).
    #[arg(long, value_name = "MIB")]
    size_mb: Option<u64>,
    /// Seed of the generator: the same seed gives the same corpus.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    /// How much damage the articles carry.
    #[arg(long, value_enum, default_value_t = ProfileArgument::Realistic)]
    profile: ProfileArgument,
    /// What to write.
    #[arg(long, value_enum, default_value_t = Format::Both)]
    format: Format,
    /// Chance that a Russian article's file is written in windows-1251
    /// (the JSON Lines file is always UTF-8).
    #[arg(long, default_value_t = 0.05)]
    legacy_rate: f64,
    /// Folder to write into; created if missing.
    #[arg(long)]
    out: PathBuf,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ProfileArgument {
    Realistic,
    Clean,
    Damaged,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Both,
    Folder,
    Jsonl,
}

#[derive(serde::Serialize)]
struct Record<'a> {
    id: &'a str,
    url: &'a str,
    text: &'a str,
}

fn main() -> anyhow::Result<()> {
    let arguments = Arguments::parse();
    let profile = match arguments.profile {
        ProfileArgument::Realistic => Profile::Realistic,
        ProfileArgument::Clean => Profile::Clean,
        ProfileArgument::Damaged => Profile::Damaged,
    };
    let mut generator = Generator::new(arguments.seed, profile);
    generator.legacy_rate = arguments.legacy_rate;

    let folder = arguments.out.join("articles");
    let jsonl_path = arguments.out.join("articles.jsonl");
    let write_folder = arguments.format != Format::Jsonl;
    let write_jsonl = arguments.format != Format::Folder;
    refuse_existing(write_folder, &folder)?;
    refuse_existing(write_jsonl, &jsonl_path)?;
    fs::create_dir_all(&arguments.out)
        .with_context(|| format!("{}: cannot create folder", arguments.out.display()))?;

    let mut jsonl = if write_jsonl {
        let file = fs::File::create(&jsonl_path)
            .with_context(|| format!("{}: cannot create", jsonl_path.display()))?;
        Some(BufWriter::with_capacity(1 << 20, file))
    } else {
        None
    };
    if write_folder {
        for language in Generator::languages() {
            let language_folder = folder.join(language);
            fs::create_dir_all(&language_folder)
                .with_context(|| format!("{}: cannot create", language_folder.display()))?;
        }
    }

    let byte_limit = arguments.size_mb.map(|mebibytes| mebibytes << 20);
    let mut text_bytes: u64 = 0;
    let mut written: u64 = 0;
    loop {
        let done = match byte_limit {
            Some(limit) => text_bytes >= limit,
            None => written >= arguments.articles,
        };
        if done {
            break;
        }
        let article = generator.article(written);
        if let Some(jsonl) = jsonl.as_mut() {
            let record = Record {
                id: &article.id,
                url: &article.url,
                text: &article.text,
            };
            serde_json::to_writer(&mut *jsonl, &record)?;
            jsonl.write_all(b"\n")?;
        }
        if write_folder {
            let path = folder
                .join(article.language)
                .join(format!("{}.txt", article.id));
            fs::write(&path, article.file_bytes())
                .with_context(|| format!("{}: cannot write", path.display()))?;
        }
        text_bytes += article.text.len() as u64;
        written += 1;
    }
    if let Some(mut jsonl) = jsonl {
        jsonl
            .flush()
            .with_context(|| format!("{}: cannot write", jsonl_path.display()))?;
    }
    eprintln!(
        "gen_corpus: {written} articles, {:.1} MiB of text, seed {} -> {}",
        text_bytes as f64 / f64::from(1 << 20),
        arguments.seed,
        arguments.out.display()
    );
    Ok(())
}

/// A corpus is only ever written fresh, so that two runs with the same seed
/// can be compared byte for byte and nothing of the user's is replaced.
fn refuse_existing(will_write: bool, path: &Path) -> anyhow::Result<()> {
    if will_write && path.exists() {
        bail!(
            "{}: already exists; remove it or choose another --out",
            path.display()
        );
    }
    Ok(())
}
