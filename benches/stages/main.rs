//! Criterion benchmarks of each pipeline stage on clean and on damaged
//! text, reporting throughput in bytes of input as decimal MB/s (10^6
//! bytes), the unit `scripts/bench.sh` and BENCHMARKS.md use. Each
//! measurement runs over a batch of generated articles (see
//! `benches/support/corpus.rs`) rather than one document, so that the
//! figure averages over languages and defects as the real tool does.
//!
//! Run one stage with `cargo bench --bench stages -- repair/`. Measurement
//! times are short on purpose: the whole suite finishes in a few minutes on
//! two cores. Whole-process timing (I/O, threads, memory) is not measured
//! here but by `scripts/bench.sh`.

// Shared with the corpus generator, which uses parts of it these benches
// do not.
#[allow(dead_code)]
#[path = "../support/corpus.rs"]
mod corpus;

mod blocks;
mod clean;
mod decode;
mod filters;
mod repair;
mod samples;

use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Duration;

/// Short runs: the batches are large enough that ten samples of two seconds
/// give stable figures, and the suite stays within a few minutes.
fn quick() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = stages;
    config = quick();
    targets = decode::bench, repair::bench, blocks::bench, filters::bench, clean::bench
}
criterion_main!(stages);
