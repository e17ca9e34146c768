//! Times each pipeline stage over the `text` field of a JSON Lines file.
use newsclean::repair::{characters, entities, glued, mojibake};
use newsclean::{blocks, filters, Config, RuleSet};
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("path");
    let data = std::fs::read_to_string(path).unwrap();
    let texts: Vec<String> = data
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["text"].as_str().unwrap().to_string()
        })
        .collect();
    let total: usize = texts.iter().map(|t| t.len()).sum();
    let config = Config::default();
    let rules = RuleSet::builtin();
    let mb = total as f64 / 1e6;
    // An optional second argument times only the stage of that name.
    let only = std::env::args().nth(2);
    let time = |name: &str, f: &dyn Fn(&str)| {
        if only.as_deref().is_some_and(|only| only != name) {
            return;
        }
        let start = Instant::now();
        for _ in 0..3 {
            for t in &texts {
                f(t);
            }
        }
        let s = start.elapsed().as_secs_f64() / 3.0;
        println!("{name:<24} {:8.1} MB/s  {:6.1} ms", mb / s, s * 1e3);
    };
    time("line_breaks", &|t| {
        let mut c = Vec::new();
        let _ = characters::normalize_line_breaks(t, &mut c);
    });
    time("entities", &|t| {
        let mut c = Vec::new();
        let _ = entities::decode(t, &mut c);
    });
    time("mojibake", &|t| {
        let mut c = Vec::new();
        let _ = mojibake::repair(t, &mut c);
    });
    time("characters", &|t| {
        let mut c = Vec::new();
        let _ = characters::clean(t, &mut c);
    });
    time("glued", &|t| {
        let mut c = Vec::new();
        let _ = glued::fix(t, &mut c);
    });
    time("repair all", &|t| {
        let mut c = Vec::new();
        let _ = newsclean::repair::repair(t, &config, &mut c);
    });
    time("blocks", &|t| {
        let _ = blocks::split(t);
    });
    time("filters", &|t| {
        let mut c = Vec::new();
        let b = blocks::split(t);
        let _ = filters::apply(&b, &rules, &config, &mut c);
    });
    time("clean", &|t| {
        let _ = newsclean::clean(t, &config);
    });
    let cleaner = newsclean::Cleaner::new(config.clone());
    time("cleaner.clean", &|t| {
        let _ = cleaner.clean(t);
    });
}
