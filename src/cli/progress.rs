//! Progress on stderr for long runs: records done and megabytes read (of the total, when the input is a file), every
//! quarter of a second, on one line that is cleared at the end. Only when stderr is a terminal.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const EVERY: Duration = Duration::from_millis(250);

/// The progress line. Driven by the writer, once per batch.
#[derive(Debug)]
pub struct Progress {
    enabled: bool,
    /// Bytes read so far, counted by the reader.
    read: Arc<AtomicU64>,
    total: Option<u64>,
    next: Instant,
    shown: bool,
}

impl Progress {
    /// A progress line for an input of `total` bytes (if known); shown only when stderr is a terminal.
    pub fn new(read: Arc<AtomicU64>, total: Option<u64>) -> Self {
        Progress { enabled: std::io::stderr().is_terminal(), read, total, next: Instant::now() + EVERY, shown: false }
    }

    /// Updates the line if a quarter of a second has passed.
    pub fn tick(&mut self, records: u64) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        if now < self.next {
            return;
        }
        self.next = now + EVERY;
        let mb = |b: u64| b as f64 / 1_000_000.0;
        let read = mb(self.read.load(Ordering::Relaxed));
        let line = match self.total {
            Some(total) => format!("{records} records, {read:.1} of {:.1} MB", mb(total)),
            None => format!("{records} records, {read:.1} MB"),
        };
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{line}");
        let _ = err.flush();
        self.shown = true;
    }

    /// Clears the line.
    pub fn finish(&mut self) {
        if self.shown {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
            self.shown = false;
        }
    }
}
