//! TODO(issue 2): the command line.

use std::io::{Read, Write};

fn main() -> anyhow::Result<()> {
    let path = std::env::args().nth(1);
    let bytes = match path.as_deref() {
        None | Some("-") => {
            let mut buffer = Vec::new();
            std::io::stdin().read_to_end(&mut buffer)?;
            buffer
        }
        Some(path) => std::fs::read(path)?,
    };
    let cleaned = newsclean::clean_bytes(&bytes, &newsclean::Config::default())?;
    std::io::stdout().write_all(cleaned.text.as_bytes())?;
    Ok(())
}
