//! The repair stage as a whole (line breaks, entities, mojibake,
//! characters, glued sentences) and the mojibake repair alone, whose
//! detector must reject clean text with a cheap scan.

use crate::samples::{self, Batch};
use criterion::{BenchmarkGroup, Criterion, Throughput};
use newsclean::report::Change;
use newsclean::Config;
use std::hint::black_box;

pub fn bench(criterion: &mut Criterion) {
    let config = Config::default();
    let clean = samples::clean();
    let damaged = samples::damaged();
    let mut group = criterion.benchmark_group("repair");
    for (name, batch) in [("all-clean", &clean), ("all-damaged", &damaged)] {
        measure(&mut group, name, batch, |text, changes| {
            newsclean::repair::repair(text, &config, changes).len()
        });
    }
    for (name, batch) in [("mojibake-clean", &clean), ("mojibake-damaged", &damaged)] {
        measure(&mut group, name, batch, |text, changes| {
            newsclean::repair::mojibake::repair(text, changes).len()
        });
    }
    group.finish();
}

/// Runs `step` over every article of `batch`, with a fresh change list per
/// article as the cleaner itself does.
fn measure(
    group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    batch: &Batch,
    step: impl Fn(&str, &mut Vec<Change>) -> usize,
) {
    group.throughput(Throughput::BytesDecimal(batch.bytes));
    group.bench_function(name, |bencher| {
        bencher.iter(|| {
            for text in &batch.texts {
                let mut changes = Vec::new();
                black_box(step(black_box(text), &mut changes));
                black_box(changes.len());
            }
        })
    });
}
