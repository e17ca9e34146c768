//! Everything the binary says on stderr: errors (always), warnings and the
//! batch summary (unless `-q`), explain reports (when asked), and a
//! progress bar drawn only when stderr is a terminal. Messages are printed
//! through the bar so that they never tear it. It counts, but decides
//! nothing about exit codes.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// The totals of a batch.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub files: u64,
    pub changed: u64,
    pub skipped: u64,
    pub failed: u64,
    pub bytes: u64,
}

impl Summary {
    /// `12 files, 5 changed, 1 skipped, 0 failed; 3.4 MB in 0.52 s (6.5 MB/s)`.
    pub fn line(&self, elapsed: Duration, changed_word: &str) -> String {
        let megabytes = self.bytes as f64 / 1_000_000.0;
        let seconds = elapsed.as_secs_f64();
        let rate = if seconds > 0.0 {
            megabytes / seconds
        } else {
            0.0
        };
        let plural = if self.files == 1 { "" } else { "s" };
        format!(
            "{} file{plural}, {} {changed_word}, {} skipped, {} failed; {megabytes:.1} MB in {seconds:.2} s ({rate:.1} MB/s)",
            self.files, self.changed, self.skipped, self.failed
        )
    }
}

/// Prints diagnostics and drives the optional progress bar.
pub struct Reporter {
    bar: Option<ProgressBar>,
    quiet: bool,
    started: Instant,
}

impl Reporter {
    /// `files` is the length of the bar; `batch` says whether a bar makes
    /// sense at all.
    pub fn new(files: u64, batch: bool, quiet: bool) -> Reporter {
        let show_bar = batch && !quiet && std::io::stderr().is_terminal();
        let bar = show_bar.then(|| {
            let bar = ProgressBar::with_draw_target(Some(files), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} files  {elapsed}")
            {
                bar.set_style(style);
            }
            bar
        });
        Reporter {
            bar,
            quiet,
            started: Instant::now(),
        }
    }

    fn print(&self, text: &str) {
        let write = || {
            let mut stderr = std::io::stderr().lock();
            // stderr going away is no reason to stop cleaning.
            let _ = stderr.write_all(text.as_bytes());
        };
        match &self.bar {
            Some(bar) => bar.suspend(write),
            None => write(),
        }
    }

    /// `newsclean: MESSAGE`, shown even with `-q`.
    pub fn error(&self, message: &str) {
        self.print(&format!("newsclean: {message}\n"));
    }

    /// `newsclean: MESSAGE`, silenced by `-q`.
    pub fn warning(&self, message: &str) {
        if !self.quiet {
            self.print(&format!("newsclean: {message}\n"));
        }
    }

    /// An explain report, printed as is (it was asked for, so `-q` does not
    /// silence it).
    pub fn explain(&self, report: &str) {
        self.print(report);
    }

    /// One more file done.
    pub fn advance(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Clears the bar and prints the summary line.
    pub fn finish(&self, summary: &Summary, changed_word: &str) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        if !self.quiet {
            self.print(&format!(
                "newsclean: {}\n",
                summary.line(self.started.elapsed(), changed_word)
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_every_count() {
        let summary = Summary {
            files: 3,
            changed: 2,
            skipped: 1,
            failed: 0,
            bytes: 2_500_000,
        };
        assert_eq!(
            summary.line(Duration::from_secs(2), "changed"),
            "3 files, 2 changed, 1 skipped, 0 failed; 2.5 MB in 2.00 s (1.2 MB/s)"
        );
    }
}
