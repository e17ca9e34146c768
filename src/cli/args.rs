//! The flag table: one clap derive struct that parses the command line and
//! also generates `--help`, the man page and the shell completions, plus the
//! translation of the cleaning switches into a library [`Config`]. It
//! checks only what clap cannot express (which inputs go with which output
//! mode); it never reads files or runs the cleaner.

use clap::{CommandFactory, Parser, ValueEnum};
use newsclean::config::BOILERPLATE_CATEGORIES;
use newsclean::Config;
use std::ffi::OsString;
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  newsclean article.txt                     clean one file to stdout
  curl -s URL | newsclean > clean.txt       clean a pipe
  newsclean -o clean.txt article.txt        write a file (atomically)
  newsclean scraped/ --out-dir clean/       clean a folder into a mirror folder
  newsclean -i --backup .orig scraped/      clean files in place, keeping backups
  newsclean --check scraped/                exit 1 if any file would change
  newsclean --diff article.txt              show what would change
  newsclean --explain article.txt           list every repair and drop on stderr
  newsclean --jsonl < news.jsonl > clean.jsonl
  parallel --pipe -k newsclean --jsonl < news.jsonl > clean.jsonl

Exit codes: 0 done, 1 --check found changes, 2 usage error or a failed file,
130 interrupted.";

/// Turns scraped news-article text into clean UTF-8: repairs mojibake and
/// HTML entities, drops the duplicated headline, repeated paragraphs and
/// page boilerplate.
#[derive(Debug, Parser)]
#[command(name = "newsclean", after_help = EXAMPLES, max_term_width = 100)]
pub struct Args {
    /// Files or folders to clean; none or `-` reads stdin.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Write the cleaned text of the single input to FILE instead of stdout
    /// (`-` and /dev/stdout are stdout; a device or named pipe is written
    /// into).
    #[arg(short = 'o', long, value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,

    /// Write each cleaned file under DIR, mirroring its path relative to
    /// the folder it was found in.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["output", "in_place"], help_heading = "Output")]
    pub out_dir: Option<PathBuf>,

    /// Replace each file with its cleaned text (atomically; unchanged files
    /// are not touched).
    #[arg(short = 'i', long, conflicts_with = "output", help_heading = "Output")]
    pub in_place: bool,

    /// With --in-place, keep the original of each changed file as
    /// PATH + SUFFIX (an existing one is only replaced with --force).
    #[arg(
        long,
        value_name = "SUFFIX",
        requires = "in_place",
        // clap does not hold `requires` against an argument that conflicts
        // with --in-place, so --check and --diff are named here.
        conflicts_with_all = ["check", "diff"],
        help_heading = "Output"
    )]
    pub backup: Option<OsString>,

    /// Write nothing; list the files that would change and exit 1 if any.
    #[arg(long, conflicts_with_all = ["output", "out_dir", "in_place"], help_heading = "Output")]
    pub check: bool,

    /// Write nothing; print a unified diff of what would change to stdout.
    #[arg(long, conflicts_with_all = ["output", "out_dir", "in_place"], help_heading = "Output")]
    pub diff: bool,

    /// Replace output files that already exist (-o, --out-dir) and
    /// existing backups (--backup).
    #[arg(short = 'f', long, help_heading = "Output")]
    pub force: bool,

    /// Only clean files matching GLOB in folders; `!GLOB` excludes
    /// (repeatable).
    #[arg(
        short = 'g',
        long = "glob",
        value_name = "GLOB",
        help_heading = "Walking folders"
    )]
    pub globs: Vec<String>,

    /// Also clean hidden files and folders.
    #[arg(long, help_heading = "Walking folders")]
    pub hidden: bool,

    /// Do not honour .gitignore, .ignore and similar files.
    #[arg(long, help_heading = "Walking folders")]
    pub no_ignore: bool,

    /// Follow symbolic links.
    #[arg(short = 'L', long, help_heading = "Walking folders")]
    pub follow: bool,

    /// Encoding of the input: `auto` (detect) or a WHATWG label such as
    /// windows-1252, koi8-r, shift_jis. Output is always UTF-8. Not with
    /// --jsonl, whose input is UTF-8 by definition.
    #[arg(
        short = 'E',
        long,
        value_name = "auto|LABEL",
        default_value = "auto",
        conflicts_with = "jsonl",
        help_heading = "Input"
    )]
    pub encoding: String,

    /// Read and write JSON Lines: one article per line, the text in --field.
    #[arg(long, help_heading = "Input")]
    pub jsonl: bool,

    /// With --jsonl, the field that holds the article text.
    #[arg(
        long,
        value_name = "NAME",
        default_value = "text",
        // No record has a text field named by the empty string that a
        // user meant: every line would be reported as malformed.
        value_parser = clap::builder::NonEmptyStringValueParser::new(),
        requires = "jsonl",
        help_heading = "Input"
    )]
    pub field: String,

    /// With --jsonl, stop with exit 2 at a malformed line instead of
    /// passing it through.
    #[arg(long, requires = "jsonl", help_heading = "Input")]
    pub strict: bool,

    /// With --jsonl, add a `newsclean` object to each record: encoding,
    /// changes with reason ids, version.
    #[arg(long, requires = "jsonl", help_heading = "Input")]
    pub annotate: bool,

    /// Do not repair mojibake (UTF-8 decoded with the wrong code page).
    #[arg(long, help_heading = "Cleaning")]
    pub no_mojibake: bool,

    /// Do not decode HTML entities.
    #[arg(long, help_heading = "Cleaning")]
    pub no_entities: bool,

    /// Do not normalise line breaks, invisible characters, spaces and NFC.
    #[arg(long, help_heading = "Cleaning")]
    pub no_characters: bool,

    /// Do not put back the space between glued sentences (`us.So`).
    #[arg(long, help_heading = "Cleaning")]
    pub no_glue_fix: bool,

    /// Keep paragraphs that repeat an earlier one.
    #[arg(long, help_heading = "Cleaning")]
    pub no_dedup: bool,

    /// Keep a repeated headline.
    #[arg(long, help_heading = "Cleaning")]
    pub no_headline_dedup: bool,

    /// Paragraphs shorter than N characters never count as repeats.
    #[arg(long, value_name = "N", help_heading = "Cleaning")]
    pub dedup_min_chars: Option<usize>,

    /// Keep all page boilerplate (comment forms, share rows, …).
    #[arg(long, help_heading = "Cleaning")]
    pub keep_boilerplate: bool,

    /// Keep one category of boilerplate (repeatable); see --list-rules.
    #[arg(long = "keep", value_name = "CATEGORY", help_heading = "Cleaning")]
    pub keep: Vec<String>,

    /// Add the boilerplate rules in FILE to the built-in ones.
    #[arg(long, value_name = "FILE", help_heading = "Cleaning")]
    pub rules: Option<PathBuf>,

    /// Print the boilerplate rules in use (built-in plus --rules) and exit.
    #[arg(long, help_heading = "Cleaning")]
    pub list_rules: bool,

    /// Report every repair and drop with its reason id, and the detected
    /// encoding, on stderr; `--explain=json` prints one JSON object per
    /// document.
    #[arg(long, value_name = "FORMAT", num_args = 0..=1, require_equals = true,
          default_missing_value = "text", help_heading = "Reporting")]
    pub explain: Option<ExplainFormat>,

    /// Silence warnings, the progress bar and the summary; errors still show.
    #[arg(short = 'q', long, help_heading = "Reporting")]
    pub quiet: bool,

    /// When to use colours (NO_COLOR in the environment means never for
    /// auto).
    #[arg(
        long,
        value_name = "WHEN",
        default_value = "auto",
        help_heading = "Reporting"
    )]
    pub color: ColorChoice,

    /// Number of threads (default: all cores, at most 256); output is the same for any N.
    // More threads than any machine has cores only cost: thousands of
    // them took seconds to start for a handful of files, and 65535 never
    // finished.
    #[arg(short = 'j', long = "threads", value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256), help_heading = "Reporting")]
    pub threads: Option<u16>,

    /// Print a man page or a shell completion script to stdout and exit.
    #[arg(
        long,
        value_name = "KIND",
        exclusive = true,
        help_heading = "Shell integration"
    )]
    pub generate: Option<Generate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExplainFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Generate {
    Man,
    CompleteBash,
    CompleteZsh,
    CompleteFish,
}

/// Where the cleaned text goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// stdout (one input, or several JSON Lines inputs concatenated).
    Stdout,
    /// `-o FILE`.
    File(PathBuf),
    /// `--out-dir DIR`.
    OutDir(PathBuf),
    /// `-i`, with an optional backup suffix.
    InPlace { backup: Option<OsString> },
    /// `--check` and/or `--diff`: nothing is written but the report.
    Report { check: bool, diff: bool },
}

/// The version line: the crate version and the rules version, so that two
/// runs can be told comparable or not.
pub fn version() -> &'static str {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    VERSION.get_or_init(|| {
        format!(
            "{} (rules {})",
            env!("CARGO_PKG_VERSION"),
            newsclean::RULES_VERSION
        )
    })
}

/// The clap command with the runtime version string attached.
pub fn command() -> clap::Command {
    Args::command().version(version())
}

impl Args {
    /// Parses the process arguments; clap prints help, version and usage
    /// errors itself and exits (0 or 2).
    pub fn parse_from_environment() -> Args {
        let matches = command().get_matches();
        match <Args as clap::FromArgMatches>::from_arg_matches(&matches) {
            Ok(args) => args,
            Err(error) => error.exit(),
        }
    }

    /// The paths to read, where an empty list means stdin.
    pub fn reads_stdin(&self) -> bool {
        self.paths.is_empty() || (self.paths.len() == 1 && self.paths[0].as_os_str() == "-")
    }

    /// Picks the output mode, refusing combinations that cannot work.
    pub fn destination(&self) -> Result<Destination, String> {
        if self.paths.len() > 1 && self.paths.iter().any(|path| path.as_os_str() == "-") {
            return Err("`-` (stdin) cannot be combined with other paths".into());
        }
        let several = self.paths.len() > 1 || self.paths.iter().any(|path| path.is_dir());
        if self.check || self.diff {
            return Ok(Destination::Report {
                check: self.check,
                diff: self.diff,
            });
        }
        if self.in_place {
            if self.reads_stdin() {
                return Err("--in-place needs files or folders, not stdin".into());
            }
            if self.backup.as_ref().is_some_and(|suffix| suffix.is_empty()) {
                // An empty suffix names the file itself: the backup would
                // be replaced by the cleaned text.
                return Err("--backup needs a non-empty SUFFIX".into());
            }
            return Ok(Destination::InPlace {
                backup: self.backup.clone(),
            });
        }
        if let Some(dir) = &self.out_dir {
            if self.reads_stdin() {
                return Err("--out-dir needs files or folders, not stdin (use -o FILE)".into());
            }
            return Ok(Destination::OutDir(dir.clone()));
        }
        // `-o -` is stdout, as `-` is stdin; so is `-o /dev/stdout`, which
        // would otherwise be taken for an existing file when stdout is
        // redirected to one.
        let names_stdout =
            |file: &&PathBuf| file.as_os_str() == "-" || file.as_os_str() == "/dev/stdout";
        if let Some(file) = self.output.as_ref().filter(|file| !names_stdout(file)) {
            if several {
                return Err("-o names one output file; for several inputs or a folder use --out-dir DIR or --in-place".into());
            }
            return Ok(Destination::File(file.clone()));
        }
        if several && !self.jsonl {
            return Err("several inputs or a folder need --out-dir DIR, --in-place, --check or --diff (stdout takes one article)".into());
        }
        Ok(Destination::Stdout)
    }

    /// The library settings these flags ask for.
    pub fn config(&self) -> Result<Config, String> {
        let mut config = Config {
            mojibake: !self.no_mojibake,
            entities: !self.no_entities,
            characters: !self.no_characters,
            glued_sentences: !self.no_glue_fix,
            dedup_headline: !self.no_headline_dedup,
            dedup_paragraphs: !self.no_dedup,
            boilerplate: !self.keep_boilerplate,
            keep_categories: self.keep.clone(),
            ..Config::default()
        };
        if let Some(minimum) = self.dedup_min_chars {
            config.dedup_min_chars = minimum;
        }
        // A user's rules file may bring categories of its own, so only
        // without one can an unknown category be called a typo.
        if self.rules.is_none() {
            if let Some(unknown) = self
                .keep
                .iter()
                .find(|category| !BOILERPLATE_CATEGORIES.contains(&category.as_str()))
            {
                return Err(format!(
                    "unknown boilerplate category {unknown:?} for --keep (known: {})",
                    BOILERPLATE_CATEGORIES.join(", ")
                ));
            }
        }
        Ok(config)
    }

    /// The forced encoding label, or `None` for detection.
    pub fn forced_encoding(&self) -> Option<&str> {
        if self.encoding.eq_ignore_ascii_case("auto") {
            None
        } else {
            Some(&self.encoding)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(arguments: &[&str]) -> Args {
        Args::try_parse_from(std::iter::once("newsclean").chain(arguments.iter().copied()))
            .expect("arguments parse")
    }

    #[test]
    fn the_flag_table_is_consistent() {
        command().debug_assert();
    }

    #[test]
    fn switches_map_onto_the_config() {
        let config = parse(&["--no-dedup", "--keep", "share", "--dedup-min-chars", "7"])
            .config()
            .expect("valid config");
        assert!(!config.dedup_paragraphs);
        assert!(config.dedup_headline);
        assert_eq!(config.keep_categories, vec!["share".to_string()]);
        assert_eq!(config.dedup_min_chars, 7);
    }

    #[test]
    fn an_unknown_category_is_refused_without_a_rules_file() {
        assert!(parse(&["--keep", "sahre"]).config().is_err());
        assert!(parse(&["--keep", "sahre", "--rules", "mine.rules"])
            .config()
            .is_ok());
    }

    #[test]
    fn several_inputs_need_an_output_mode() {
        assert!(parse(&["a.txt", "b.txt"]).destination().is_err());
        assert_eq!(
            parse(&["a.txt", "b.txt", "--check"]).destination(),
            Ok(Destination::Report {
                check: true,
                diff: false
            })
        );
        assert_eq!(
            parse(&["--jsonl", "a.jsonl", "b.jsonl"]).destination(),
            Ok(Destination::Stdout)
        );
        assert!(parse(&["-i"]).destination().is_err());
    }

    #[test]
    fn an_encoding_cannot_be_named_for_json_lines() {
        let refused = Args::try_parse_from(["newsclean", "--jsonl", "-E", "latin1"]);
        assert_eq!(
            refused.unwrap_err().kind(),
            clap::error::ErrorKind::ArgumentConflict
        );
        assert!(parse(&["--jsonl"]).jsonl);
        assert_eq!(parse(&["-E", "latin1"]).encoding, "latin1");
    }

    #[test]
    fn backup_is_refused_without_in_place_even_beside_check_or_diff() {
        for mode in ["--check", "--diff"] {
            assert!(
                Args::try_parse_from(["newsclean", "--backup", ".b", mode, "a.txt"]).is_err(),
                "--backup with {mode}"
            );
        }
        assert!(Args::try_parse_from(["newsclean", "--backup", ".b", "a.txt"]).is_err());
        assert!(parse(&["-i", "--backup", ".b", "a.txt"]).backup.is_some());
    }

    #[test]
    fn explain_takes_an_optional_format() {
        assert_eq!(parse(&["--explain"]).explain, Some(ExplainFormat::Text));
        assert_eq!(
            parse(&["--explain=json"]).explain,
            Some(ExplainFormat::Json)
        );
        assert_eq!(parse(&["--explain", "file.txt"]).paths.len(), 1);
    }
}
