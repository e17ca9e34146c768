//! The `--explain` report of one document: how its bytes were decoded and
//! with what confidence, then every repair and drop with its reason id,
//! position and before → after, as text lines or as one JSON object. It
//! only renders a string; the batch decides where and in which order it is
//! printed.

use crate::cli::args::ExplainFormat;
use newsclean::{Cleaned, EncodingReport, EncodingSource};
use serde::Serialize;

/// Renders the report of one document called `label` (a path, `<stdin>`,
/// or a path and line number for a JSON Lines record).
pub fn render(format: ExplainFormat, label: &str, line: Option<u64>, cleaned: &Cleaned) -> String {
    match format {
        ExplainFormat::Text => render_text(label, line, cleaned),
        ExplainFormat::Json => render_json(label, line, cleaned),
    }
}

/// How the encoding was settled, in words: `windows-1251 (detected,
/// confident)`.
pub fn describe_encoding(encoding: &EncodingReport) -> String {
    let how = match encoding.source {
        EncodingSource::Bom => "byte-order mark",
        EncodingSource::Utf8 => "valid UTF-8",
        EncodingSource::Forced => "named by --encoding",
        EncodingSource::Detected { confident: true } => "detected, confident",
        EncodingSource::Detected { confident: false } => "detected, not confident",
    };
    let errors = if encoding.had_errors {
        "; some bytes were invalid and became U+FFFD"
    } else {
        ""
    };
    format!("{} ({how}{errors})", encoding.name)
}

fn render_text(label: &str, line: Option<u64>, cleaned: &Cleaned) -> String {
    let prefix = match line {
        Some(line) => format!("{label}:{line}"),
        None => label.to_string(),
    };
    let mut report = String::new();
    if let Some(encoding) = &cleaned.encoding {
        report.push_str(&format!(
            "{prefix}: encoding {}\n",
            describe_encoding(encoding)
        ));
    }
    for change in &cleaned.changes {
        report.push_str(&format!("{prefix}: {}\n", change.describe()));
    }
    let count = cleaned.changes.len();
    let plural = if count == 1 { "" } else { "s" };
    report.push_str(&format!("{prefix}: {count} change{plural}\n"));
    report
}

#[derive(Serialize)]
struct JsonReport<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    encoding: Option<&'a EncodingReport>,
    changes: &'a [newsclean::Change],
}

fn render_json(label: &str, line: Option<u64>, cleaned: &Cleaned) -> String {
    let report = JsonReport {
        path: label,
        line,
        encoding: cleaned.encoding.as_ref(),
        changes: &cleaned.changes,
    };
    // Serialising plain strings, numbers and enums cannot fail.
    let mut rendered = serde_json::to_string(&report).unwrap_or_default();
    rendered.push('\n');
    rendered
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsclean::Change;

    fn sample() -> Cleaned {
        Cleaned {
            text: "café\n".into(),
            changes: vec![Change::repair("mojibake.windows-1252", 3, "Ã©", "é")],
            encoding: Some(EncodingReport {
                name: "windows-1252",
                source: EncodingSource::Detected { confident: true },
                had_errors: false,
            }),
        }
    }

    #[test]
    fn text_names_the_encoding_and_every_change() {
        let report = render(ExplainFormat::Text, "a.txt", None, &sample());
        assert!(report.contains("a.txt: encoding windows-1252 (detected, confident)\n"));
        assert!(report.contains("a.txt: repair mojibake.windows-1252 @3"));
        assert!(report.ends_with("a.txt: 1 change\n"));
    }

    #[test]
    fn json_is_one_line_per_document() {
        let report = render(ExplainFormat::Json, "a.jsonl", Some(4), &sample());
        assert_eq!(report.lines().count(), 1);
        let value: serde_json::Value = serde_json::from_str(&report).unwrap();
        assert_eq!(value["line"], 4);
        assert_eq!(value["changes"][0]["reason"], "mojibake.windows-1252");
        assert_eq!(value["encoding"]["source"]["confident"], true);
    }
}
