//! The batches of articles every stage is measured on, built once per
//! benchmark from the deterministic corpus generator. A batch is large
//! enough (about 400 KB) to average over languages and defects, small
//! enough to stay in cache-friendly sizes and keep each sample short.

use crate::corpus::{Generator, Profile};

/// How many articles one measured iteration processes.
const BATCH: u64 = 100;

/// A fixed seed: the benches must measure the same text every run.
const SEED: u64 = 2026;

/// A batch of articles and its total size in bytes.
pub struct Batch {
    pub texts: Vec<String>,
    pub bytes: u64,
}

impl Batch {
    pub fn of(texts: Vec<String>) -> Batch {
        let bytes = texts.iter().map(|text| text.len() as u64).sum();
        Batch { texts, bytes }
    }
}

/// Articles without a single defect: the fast path.
pub fn clean() -> Batch {
    of_profile(Profile::Clean)
}

/// Articles with many defects each: the slow path.
pub fn damaged() -> Batch {
    of_profile(Profile::Damaged)
}

/// Articles at a real scrape's defect rates.
pub fn realistic() -> Batch {
    of_profile(Profile::Realistic)
}

fn of_profile(profile: Profile) -> Batch {
    let generator = Generator::new(SEED, profile);
    Batch::of(
        (0..BATCH)
            .map(|index| generator.article(index).text)
            .collect(),
    )
}

/// Clean Russian articles as windows-1251 bytes: the detection path of the
/// decoder.
pub fn windows_1251() -> Vec<Vec<u8>> {
    let generator = Generator::new(SEED, Profile::Clean);
    (0..BATCH)
        .map(|index| {
            let text = generator.article_in(index, "ru").text;
            encoding_rs::WINDOWS_1251.encode(&text).0.into_owned()
        })
        .collect()
}
