//! Repairs each line of standard input (with `\u{XX}` escapes) and prints
//! the result, with each change it made on stderr.
//! A tool for studying single cases; it measures nothing.

#[path = "../tests/mojibake_support/mod.rs"]
mod support;

fn main() {
    for line in std::io::stdin().lines().map_while(Result::ok) {
        let line = support::unescape(&line);
        eprintln!("== {line:?}");
        let mut changes = Vec::new();
        let out = newsclean::repair::mojibake::repair(&line, &mut changes);
        println!("{out}");
        for change in changes {
            eprintln!("   {}", change.describe());
        }
    }
}
