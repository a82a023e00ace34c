//! Progress on stderr for long runs, drawn by `indicatif`: a bar of the bytes read (of the file's size; a spinner for
//! stdin), the records done and the time left. Only when stderr is a terminal, and only after the first second, so
//! that short runs never draw it; cleared at the end.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long a run goes before its progress is shown.
const DELAY: Duration = Duration::from_secs(1);

/// The progress display. Driven by the writer, once per batch.
#[derive(Debug)]
pub struct Progress {
    enabled: bool,
    /// Bytes read so far, counted by the reader.
    read: Arc<AtomicU64>,
    total: Option<u64>,
    start: Instant,
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A progress display for an input of `total` bytes (if known); shown only when stderr is a terminal.
    pub fn new(read: Arc<AtomicU64>, total: Option<u64>) -> Self {
        let enabled = std::io::stderr().is_terminal();
        Progress { enabled, read, total, start: Instant::now(), bar: None }
    }

    /// Updates the display (indicatif redraws at most 20 times a second).
    pub fn tick(&mut self, records: u64) {
        if !self.enabled || (self.bar.is_none() && self.start.elapsed() < DELAY) {
            return;
        }
        let total = self.total;
        let bar = self.bar.get_or_insert_with(|| {
            let (bar, template) = match total {
                Some(size) => (ProgressBar::new(size), "{wide_bar} {bytes}/{total_bytes} {msg} ({eta} left)"),
                None => (ProgressBar::new_spinner(), "{spinner} {bytes} {msg}"),
            };
            // The templates are constants: a bad one would show indicatif's default instead.
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar.set_draw_target(ProgressDrawTarget::stderr());
            bar
        });
        bar.set_position(self.read.load(Ordering::Relaxed));
        bar.set_message(format!("{records} records"));
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
