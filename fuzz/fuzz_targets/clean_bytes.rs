//! Any bytes through `newsclean::clean_bytes`: never a panic or a hang, the
//! only refusal is binary input, and what comes out is clean text that a
//! second cleaning leaves alone. This target does not judge whether a
//! repair was right; the fixtures and property tests do that.

#![no_main]

use libfuzzer_sys::fuzz_target;
use newsclean::{Config, DecodeError, Error};

fuzz_target!(
    // Compiling the built-in rules and tables happens once per process;
    // doing it here keeps it out of the first input's time limit.
    init: {
        let _ = newsclean::clean("warm up\n", &newsclean::Config::default());
    },
    |data: &[u8]| {
    let config = Config::default();
    match newsclean::clean_bytes(data, &config) {
        Ok(cleaned) => {
            let text = &cleaned.text;
            assert!(std::str::from_utf8(text.as_bytes()).is_ok());
            assert!(
                text.is_empty() || (text.ends_with('\n') && !text.ends_with("\n\n")),
                "output must end with exactly one line break: {text:?}"
            );
            assert!(!text.contains('\r'), "a carriage return survived: {text:?}");
            assert!(
                !text.contains("\n\n\n"),
                "more than one blank line: {text:?}"
            );
            // Decoding turns one input byte into at most three UTF-8 bytes
            // and cleaning never adds more than it removes beyond that.
            assert!(
                text.len() <= 3 * data.len() + 1,
                "output of {} bytes from {} input bytes",
                text.len(),
                data.len()
            );
            let again = newsclean::clean(text, &config);
            if lone_block_of_lines(text) {
                // Read again, a text without blank lines has one paragraph
                // per line (TESTING.md, "not idempotent by design"): the
                // second pass may space the lines apart and drop a line
                // that is page furniture on its own, nothing more.
                assert!(
                    is_subsequence(&lines(&again.text), &lines(text)),
                    "a second pass changed lines: {text:?} -> {:?}",
                    again.text
                );
            } else {
                assert_eq!(&again.text, text, "cleaning clean output changed it");
            }
        }
        Err(Error::Decode(DecodeError::Binary { .. })) => {
            // Binary means a NUL somewhere: in the bytes, or in the text a
            // byte-order mark announced (UTF-16).
            let has_nul_byte = data.contains(&0);
            assert!(has_nul_byte, "refused as binary without a NUL byte");
        }
        Err(other) => panic!("clean_bytes without a forced encoding failed: {other}"),
    }
});

/// One block with inner line breaks: no blank line, more than one line.
fn lone_block_of_lines(text: &str) -> bool {
    !text.contains("\n\n") && text.trim_end().contains('\n')
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().filter(|line| !line.is_empty()).collect()
}

/// Whether every item of `part` appears in `whole`, in order.
fn is_subsequence(part: &[&str], whole: &[&str]) -> bool {
    let mut rest = whole.iter();
    part.iter().all(|item| rest.any(|candidate| candidate == item))
}
