//! The decode stage: valid UTF-8 (the common case, which should cost little
//! more than validation) and legacy windows-1251 bytes (detection with
//! chardetng, then decoding).

use crate::samples;
use criterion::{Criterion, Throughput};
use std::hint::black_box;

pub fn bench(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("decode");
    for (name, batch) in [
        ("utf8-clean", samples::clean()),
        ("utf8-damaged", samples::damaged()),
    ] {
        let documents: Vec<&[u8]> = batch.texts.iter().map(|text| text.as_bytes()).collect();
        group.throughput(Throughput::BytesDecimal(batch.bytes));
        group.bench_function(name, |bencher| {
            bencher.iter(|| {
                for bytes in &documents {
                    let decoded = newsclean::decode::decode(black_box(bytes), None);
                    black_box(decoded.is_ok());
                }
            })
        });
    }

    let legacy = samples::windows_1251();
    let bytes: u64 = legacy.iter().map(|document| document.len() as u64).sum();
    group.throughput(Throughput::BytesDecimal(bytes));
    group.bench_function("windows-1251", |bencher| {
        bencher.iter(|| {
            for document in &legacy {
                let decoded = newsclean::decode::decode(black_box(document), None);
                black_box(decoded.is_ok());
            }
        })
    });
    group.finish();
}
