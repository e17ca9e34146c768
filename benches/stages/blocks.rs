//! Splitting text into paragraphs and joining the kept ones. Measured on
//! repaired text, as the pipeline gives it, so damaged articles show the
//! cost of their extra boilerplate blocks rather than of CRLF.

use crate::samples;
use criterion::{Criterion, Throughput};
use newsclean::Config;
use std::hint::black_box;

pub fn bench(criterion: &mut Criterion) {
    let config = Config::default();
    let mut group = criterion.benchmark_group("blocks");
    for (name, batch) in [("clean", samples::clean()), ("damaged", samples::damaged())] {
        let repaired: Vec<String> = batch
            .texts
            .iter()
            .map(|text| newsclean::repair::repair(text, &config, &mut Vec::new()).into_owned())
            .collect();
        let bytes: u64 = repaired.iter().map(|text| text.len() as u64).sum();
        group.throughput(Throughput::BytesDecimal(bytes));
        group.bench_function(format!("split-{name}"), |bencher| {
            bencher.iter(|| {
                for text in &repaired {
                    black_box(newsclean::blocks::split(black_box(text)).len());
                }
            })
        });
        let split: Vec<Vec<&str>> = repaired
            .iter()
            .map(|text| newsclean::blocks::split(text))
            .collect();
        group.bench_function(format!("join-{name}"), |bencher| {
            bencher.iter(|| {
                for blocks in &split {
                    black_box(newsclean::blocks::join(black_box(blocks.iter().copied())).len());
                }
            })
        });
    }
    group.finish();
}
