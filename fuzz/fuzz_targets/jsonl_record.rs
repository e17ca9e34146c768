//! One JSON Lines record through the library the way `--jsonl` handles it:
//! parse the line as a JSON object, clean its `text` field, write it back.
//! Checks that the result is still exactly one line of JSON, that every
//! other field and the key order survive, and that cleaning the cleaned
//! record changes nothing. Lines that are not JSON objects are out of scope
//! here: the command line passes them through unchanged.

#![no_main]

use libfuzzer_sys::fuzz_target;
use newsclean::Config;
use serde_json::{Map, Value};

const FIELD: &str = "text";

fn clean_record(record: &mut Map<String, Value>, config: &Config) {
    if let Some(Value::String(text)) = record.get_mut(FIELD) {
        *text = newsclean::clean(text, config).text;
    }
}

fuzz_target!(
    // Compiling the built-in rules and tables happens once per process;
    // doing it here keeps it out of the first input's time limit.
    init: {
        let _ = newsclean::clean("warm up\n", &newsclean::Config::default());
    },
    |data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else {
        return;
    };
    if line.contains('\n') {
        return;
    }
    let Ok(Value::Object(original)) = serde_json::from_str::<Value>(line) else {
        return;
    };
    let config = Config::default();
    let mut record = original.clone();
    clean_record(&mut record, &config);
    let written = serde_json::to_string(&record).expect("a parsed record serializes");
    assert!(!written.contains('\n'), "one record must stay one line");

    let Ok(Value::Object(reread)) = serde_json::from_str::<Value>(&written) else {
        panic!("written record is not a JSON object: {written}");
    };
    let original_keys: Vec<&String> = original.keys().collect();
    let reread_keys: Vec<&String> = reread.keys().collect();
    assert_eq!(original_keys, reread_keys, "key order changed");
    for (key, value) in &original {
        if key != FIELD || !value.is_string() {
            assert_eq!(reread.get(key), Some(value), "field {key:?} changed");
        }
    }

    let mut twice = reread.clone();
    clean_record(&mut twice, &config);
    assert_eq!(twice, reread, "cleaning a cleaned record changed it");
});
