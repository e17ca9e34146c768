//! The repair stage as a whole, and each of its steps alone (line breaks,
//! entities, mojibake, characters, glued sentences) so that a slow stage
//! can be named. Each step is given the text as the pipeline would give
//! it: the output of the steps before it. The mojibake detector in
//! particular must reject clean text with a cheap scan.

use crate::samples::{self, Batch};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput};
use newsclean::repair::{characters, entities, glued, mojibake};
use newsclean::report::Change;
use newsclean::Config;
use std::borrow::Cow;
use std::hint::black_box;

type Step = for<'a> fn(&'a str, &mut Vec<Change>) -> Cow<'a, str>;

/// The steps in pipeline order, as `repair::repair` runs them.
const STEPS: &[(&str, Step)] = &[
    ("line-breaks", characters::normalize_line_breaks),
    ("entities", entities::decode),
    ("mojibake", mojibake::repair),
    ("characters", characters::clean),
    ("glued", glued::fix),
];

pub fn bench(criterion: &mut Criterion) {
    let config = Config::default();
    let mut group = criterion.benchmark_group("repair");
    for (profile, batch) in [("clean", samples::clean()), ("damaged", samples::damaged())] {
        measure(
            &mut group,
            &format!("all-{profile}"),
            &batch,
            |text, changes| newsclean::repair::repair(text, &config, changes).len(),
        );
        let mut input = batch;
        for (name, step) in STEPS {
            measure(
                &mut group,
                &format!("{name}-{profile}"),
                &input,
                |text, changes| step(text, changes).len(),
            );
            input = Batch::of(
                input
                    .texts
                    .iter()
                    .map(|text| step(text, &mut Vec::new()).into_owned())
                    .collect(),
            );
        }
    }
    group.finish();
}

/// Runs `step` over every article of `batch`, with a fresh change list per
/// article as the cleaner itself does.
fn measure(
    group: &mut BenchmarkGroup<'_, WallTime>,
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
