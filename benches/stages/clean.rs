//! The whole library pipeline, `Cleaner::clean` on text and
//! `Cleaner::clean_bytes` on bytes, with the default configuration and the
//! built-in rules: what one thread of the binary can do at best, before
//! reading and writing.

use crate::samples;
use criterion::{Criterion, Throughput};
use newsclean::{Cleaner, Config};
use std::hint::black_box;

pub fn bench(criterion: &mut Criterion) {
    let cleaner = Cleaner::new(Config::default());
    let mut group = criterion.benchmark_group("clean");
    let realistic = samples::realistic();
    for (name, batch) in [
        ("text-clean", samples::clean()),
        ("text-damaged", samples::damaged()),
        ("text-realistic", samples::realistic()),
    ] {
        group.throughput(Throughput::BytesDecimal(batch.bytes));
        group.bench_function(name, |bencher| {
            bencher.iter(|| {
                for text in &batch.texts {
                    black_box(cleaner.clean(black_box(text)).text.len());
                }
            })
        });
    }
    group.throughput(Throughput::BytesDecimal(realistic.bytes));
    group.bench_function("bytes-realistic", |bencher| {
        bencher.iter(|| {
            for text in &realistic.texts {
                let cleaned = cleaner.clean_bytes(black_box(text.as_bytes()), None);
                black_box(cleaned.map(|cleaned| cleaned.text.len()).unwrap_or(0));
            }
        })
    });
    group.finish();
}
