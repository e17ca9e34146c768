//! The binary's wing: turns parsed flags into a run (rules, cleaner,
//! threads, signals, the list of inputs) and the run's counts into an exit
//! code. Each concern lives in its own module: flags in `args`, walking in
//! `walk`, the file loop in `batch`, JSON Lines in `jsonl`, safe writes
//! and diffs in `output`, stderr in `progress`, `--explain` in `explain`,
//! Ctrl-C in `signals`. Nothing here cleans text; the library does.

pub mod args;
pub mod batch;
pub mod explain;
pub mod jsonl;
pub mod output;
pub mod progress;
pub mod signals;
pub mod walk;

use args::{Args, ColorChoice, Destination, Generate};
use batch::{Input, Settings, StdoutError};
use newsclean::{Cleaner, RuleSet};
use progress::Reporter;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Exit codes of the contract (DESIGN.md).
pub const EXIT_DONE: i32 = 0;
pub const EXIT_CHECK_FOUND_CHANGES: i32 = 1;
pub const EXIT_FAILED: i32 = 2;

/// Why a run could not start or had to stop.
enum Fatal {
    /// A combination of flags that cannot work: one line, exit 2.
    Usage(String),
    /// `newsclean: MESSAGE`, exit 2.
    Message(String),
    /// The reader of stdout went away: end quietly.
    StdoutClosed,
}

impl From<StdoutError> for Fatal {
    fn from(error: StdoutError) -> Fatal {
        match error {
            StdoutError::Closed => Fatal::StdoutClosed,
            StdoutError::Failed(error) => Fatal::Message(format!("<stdout>: writing: {error}")),
        }
    }
}

/// Runs the command line and returns the process exit code.
pub fn run() -> i32 {
    let args = Args::parse_from_environment();
    match run_with(&args) {
        Ok(code) => code,
        Err(Fatal::Usage(message) | Fatal::Message(message)) => {
            eprintln!("newsclean: {message}");
            EXIT_FAILED
        }
        Err(Fatal::StdoutClosed) => EXIT_DONE,
    }
}

fn run_with(args: &Args) -> Result<i32, Fatal> {
    if let Some(kind) = args.generate {
        generate(kind)?;
        return Ok(EXIT_DONE);
    }
    let config = args.config().map_err(Fatal::Usage)?;
    newsclean::decode::encoding_for_label(&args.encoding)
        .map_err(|error| Fatal::Message(format!("--encoding: {error}")))?;
    if let Some(threads) = args.threads {
        // Fails only when a pool exists already, which never happens here.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(threads))
            .build_global();
    }
    let user_rules = args.rules.as_deref().map(read_rules).transpose()?;
    // The rules are compiled here, on the pool, with its threads parsing
    // the patterns side by side, rather than at the first document, where
    // the other workers would wait for them. Compiling allocates several
    // times what the compiled sets keep, in the arenas of the pool's
    // workers; what it frees is given back to the system right after.
    let (cleaner, ()) = rayon::join(
        move || {
            let cleaner = match user_rules {
                None => Cleaner::new(config),
                Some(user) => Cleaner::with_rules(config, RuleSet::builtin().extended_with(user)),
            };
            cleaner.rules().prepare();
            cleaner
        },
        || (),
    );
    crate::give_back_freed_memory();
    if args.list_rules {
        write_stdout(cleaner.rules().to_rules_file().as_bytes())?;
        return Ok(EXIT_DONE);
    }
    let destination = args.destination().map_err(Fatal::Usage)?;
    signals::install()
        .map_err(|error| Fatal::Message(format!("installing the Ctrl-C handler: {error}")))?;

    let (inputs, batch, out_dir_in_input) = if args.reads_stdin() {
        (vec![Input::Stdin], false, None)
    } else {
        let (exclude, out_dir_in_input) = prepare_out_dir(args, &destination)?;
        let options = walk::WalkOptions {
            globs: args.globs.clone(),
            hidden: args.hidden,
            no_ignore: args.no_ignore,
            follow: args.follow,
            exclude,
            backup_suffix: match &destination {
                Destination::InPlace { backup } => backup.clone(),
                _ => None,
            },
        };
        let entries = walk::collect(&args.paths, &options).map_err(Fatal::Usage)?;
        let batch = args.paths.len() > 1 || args.paths.iter().any(|path| path.is_dir());
        (
            entries.into_iter().map(Input::Entry).collect(),
            batch,
            out_dir_in_input,
        )
    };
    let settings = Settings {
        cleaner,
        forced_encoding: args.forced_encoding().map(str::to_string),
        jsonl: args.jsonl.then(|| jsonl::JsonlOptions {
            field: args.field.clone(),
            strict: args.strict,
            annotate: args.annotate,
            explain: args.explain,
        }),
        explain: args.explain,
        destination: destination.clone(),
        force: args.force,
        out_dir_in_input,
        color_diff: use_color(args.color, std::io::stdout().is_terminal()),
        batch,
    };
    let reporter = Reporter::new(inputs.len() as u64, batch, args.quiet);
    let summary = batch::run(inputs, &settings, &reporter)?;
    let checking = matches!(destination, Destination::Report { check: true, .. });
    if batch {
        reporter.finish(&summary, if checking { "would change" } else { "changed" });
    }
    Ok(if summary.failed > 0 {
        EXIT_FAILED
    } else if checking && summary.changed > 0 {
        EXIT_CHECK_FOUND_CHANGES
    } else {
        EXIT_DONE
    })
}

/// Creates the output folder and returns its canonical path, which the
/// walk must not enter, and the input folder it lies in, if any; refuses
/// an output folder that is an input folder.
fn prepare_out_dir(
    args: &Args,
    destination: &Destination,
) -> Result<(Option<PathBuf>, Option<PathBuf>), Fatal> {
    let Destination::OutDir(folder) = destination else {
        return Ok((None, None));
    };
    std::fs::create_dir_all(folder).map_err(|error| {
        Fatal::Message(format!(
            "{}: creating the output folder: {error}",
            folder.display()
        ))
    })?;
    let canonical = std::fs::canonicalize(folder).map_err(|error| {
        Fatal::Message(format!(
            "{}: finding the output folder: {error}",
            folder.display()
        ))
    })?;
    let mut containing_input = None;
    for path in &args.paths {
        let Ok(input) = std::fs::canonicalize(path) else {
            continue;
        };
        if input == canonical {
            return Err(Fatal::Usage(format!(
                "the output folder {} is an input folder (use --in-place to clean it in place)",
                folder.display()
            )));
        }
        if input.is_dir() && canonical.starts_with(&input) {
            containing_input.get_or_insert_with(|| path.clone());
        }
    }
    Ok((Some(canonical), containing_input))
}

fn read_rules(path: &Path) -> Result<RuleSet, Fatal> {
    let text = std::fs::read_to_string(path).map_err(|error| {
        Fatal::Message(format!("{}: reading the rules: {error}", path.display()))
    })?;
    RuleSet::parse(&text).map_err(|error| {
        Fatal::Message(format!(
            "{}: reading the rules: {}",
            path.display(),
            one_line(&error.to_string())
        ))
    })
}

/// A refusal is one line: causes that span several lines (a regex error
/// with its caret drawing) are folded, without the drawing.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.chars().all(|character| character == '^'))
        .collect::<Vec<_>>()
        .join(" ")
}

fn use_color(choice: ColorChoice, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            terminal && !std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
        }
    }
}

fn write_stdout(bytes: &[u8]) -> Result<(), Fatal> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(|error| Fatal::from(StdoutError::from(error)))
}

fn generate(kind: Generate) -> Result<(), Fatal> {
    let mut command = args::command();
    let mut rendered = Vec::new();
    match kind {
        Generate::Man => clap_mangen::Man::new(command)
            .render(&mut rendered)
            .map_err(|error| Fatal::Message(format!("rendering the man page: {error}")))?,
        Generate::CompleteBash => clap_complete::generate(
            clap_complete::Shell::Bash,
            &mut command,
            "newsclean",
            &mut rendered,
        ),
        Generate::CompleteZsh => clap_complete::generate(
            clap_complete::Shell::Zsh,
            &mut command,
            "newsclean",
            &mut rendered,
        ),
        Generate::CompleteFish => clap_complete::generate(
            clap_complete::Shell::Fish,
            &mut command,
            "newsclean",
            &mut rendered,
        ),
    }
    write_stdout(&rendered)
}
