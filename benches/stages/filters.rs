//! The document-level filters (headline, repeated paragraphs, boilerplate
//! rules) with the built-in rules, over blocks of repaired text as the
//! pipeline gives them. Damaged articles carry many boilerplate blocks, so
//! they show what the rules engine costs when it has to look closely.
//! Compiling a rules file is measured on its own.

use crate::samples;
use criterion::{Criterion, Throughput};
use newsclean::{Config, RuleSet};
use std::hint::black_box;

pub fn bench(criterion: &mut Criterion) {
    let config = Config::default();
    let rules = RuleSet::builtin();
    let mut group = criterion.benchmark_group("filters");
    for (name, batch) in [("clean", samples::clean()), ("damaged", samples::damaged())] {
        let repaired: Vec<String> = batch
            .texts
            .iter()
            .map(|text| newsclean::repair::repair(text, &config, &mut Vec::new()).into_owned())
            .collect();
        let split: Vec<Vec<&str>> = repaired
            .iter()
            .map(|text| newsclean::blocks::split(text))
            .collect();
        let bytes: u64 = repaired.iter().map(|text| text.len() as u64).sum();
        group.throughput(Throughput::BytesDecimal(bytes));
        group.bench_function(format!("apply-{name}"), |bencher| {
            bencher.iter(|| {
                for blocks in &split {
                    let mut changes = Vec::new();
                    let keep =
                        newsclean::filters::apply(black_box(blocks), &rules, &config, &mut changes);
                    black_box((keep.len(), changes.len()));
                }
            })
        });
    }
    // What `--rules` costs at start-up with a file as large as the built-in
    // one: parsing, checking each pattern, compiling the sets.
    let rules_file = rules.to_rules_file();
    group.throughput(Throughput::Elements(rules.len() as u64));
    group.bench_function("rules-compile", |bencher| {
        bencher.iter(|| black_box(RuleSet::parse(black_box(&rules_file)).map(|set| set.len())))
    });
    group.finish();
}
