//! Progress on stderr for long runs, drawn by `indicatif`: a bar of the bytes read (of the file's size; a spinner for
//! stdin), the records done and the time left. Only when stderr is a terminal, and only after the first second, so
//! that short runs never draw it; cleared at the end. Its words are those of `--lang` ([`Words`]).

use super::texts::{self, count, Words};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long a run goes before its progress is shown.
const DELAY: Duration = Duration::from_secs(1);

/// The progress display. Driven by the writer, once per batch.
#[derive(Debug)]
pub struct Progress<'w> {
    enabled: bool,
    /// Bytes read so far, counted by the reader.
    read: Arc<AtomicU64>,
    total: Option<u64>,
    start: Instant,
    bar: Option<ProgressBar>,
    words: &'w Words,
}

impl<'w> Progress<'w> {
    /// A progress display for an input of `total` bytes (if known); shown only when stderr is a terminal.
    pub fn new(read: Arc<AtomicU64>, total: Option<u64>, words: &'w Words) -> Self {
        let enabled = std::io::stderr().is_terminal();
        Progress { enabled, read, total, start: Instant::now(), bar: None, words }
    }

    /// Updates the display (indicatif redraws at most 20 times a second).
    pub fn tick(&mut self, records: u64) {
        if !self.enabled || (self.bar.is_none() && self.start.elapsed() < DELAY) {
            return;
        }
        let (total, words) = (self.total, self.words);
        let bar = self.bar.get_or_insert_with(|| {
            let (bar, template) = match total {
                Some(size) => (ProgressBar::new(size), bar_template(words)),
                None => (ProgressBar::new_spinner(), "{spinner} {bytes} {msg}".to_owned()),
            };
            // A template that indicatif refuses (a catalog's stray brace) leaves indicatif's default style.
            if let Ok(style) = ProgressStyle::with_template(&template) {
                bar.set_style(style);
            }
            bar.set_draw_target(ProgressDrawTarget::stderr());
            bar
        });
        bar.set_position(self.read.load(Ordering::Relaxed));
        let params = tenantcheck_core::Params::default().with("records", count(records));
        bar.set_message(self.words.say(texts::PROGRESS_RECORDS, &params));
    }

    /// Runs `f` (which writes to the same terminal) with the display out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Clears the display.
    pub fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

/// indicatif's template of the bar for an input of known size, with indicatif's `{eta}` inside the words for "time
/// left".
fn bar_template(words: &Words) -> String {
    let left = words.say(texts::PROGRESS_LEFT, &tenantcheck_core::Params::default().with("time", "{eta}"));
    format!("{{wide_bar}} {{bytes}}/{{total_bytes}} {{msg}} ({left})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_makes_a_template_indicatif_takes() {
        assert_eq!(bar_template(&Words::english()), "{wide_bar} {bytes}/{total_bytes} {msg} ({eta} left)");
        for lang in ["el", "de", "fr", "es"] {
            let args = <crate::cli::args::Cli as clap::Parser>::parse_from(["tenantcheck", "check", "--lang", lang]);
            let crate::cli::args::Command::Check(args) = args.command else { unreachable!("a check") };
            let words = Words::for_args(&args).unwrap();
            let template = bar_template(&words);
            assert!(template.contains("{eta}") && !template.contains("left"), "{lang}: {template}");
            assert!(ProgressStyle::with_template(&template).is_ok(), "{lang}: {template}");
        }
    }
}
