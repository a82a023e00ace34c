//! Readers that cut the input into [`Batch`]es (on the reader thread), and the decoding of a batch into
//! `(line, Item)` pairs (on the worker threads).

pub mod array;
pub mod csv;
pub mod jsonl;

use std::io::{self, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tenantcheck_core::record::Parsed;
use tenantcheck_core::validate::Report;

/// Bytes of input a batch aims at: a few hundred records, so that a batch is worth a channel hop and the batches in
/// flight stay small.
pub const BATCH_BYTES: usize = 256 * 1024;

/// Consecutive records of the input, cut by the reader thread and decoded by a worker.
#[derive(Debug)]
pub enum Batch {
    /// Whole lines of JSON Lines; `first_line` is the 1-based line number of the first one. `data` ends with a line
    /// end, except at the end of the input.
    Lines { first_line: u64, data: Vec<u8> },
    /// A JSON Lines line longer than [`jsonl::MAX_LINE`]: it was skipped without being held in memory.
    Overlong { line: u64 },
    /// CSV rows, with the header's columns: each row's first line and its bytes in `data`.
    Rows { columns: Arc<csv::Columns>, data: Vec<u8>, rows: Vec<csv::Row> },
    /// A CSV row longer than [`csv::MAX_ROW`], which started on `line`: it was skipped up to the end of `last_line`
    /// without being held in memory.
    OverlongRow { line: u64, last_line: u64 },
    /// Elements of a JSON array, each with the line where it starts.
    Values { values: Vec<(u64, Box<serde_json::value::RawValue>)> },
    /// Where a JSON array stops being JSON: the input ends there.
    Broken { line: u64, column: usize, detail: String },
}

/// What one input record decodes to: a parsed JSON value for the core, or the result for a record that cannot be
/// read.
#[derive(Debug)]
pub enum Item {
    Parsed(Parsed),
    Rejected(Report),
}

/// Cuts the input into batches. Runs on the reader thread.
pub trait Source: Send {
    /// The next batch; `None` at the end of the input; `Err` on an I/O error, which ends the run.
    fn next_batch(&mut self) -> io::Result<Option<Batch>>;
}

impl Batch {
    /// Decodes the batch: calls `f` with each record, in order, with its 1-based line number. Runs on a worker.
    pub fn items(self, mut f: impl FnMut(u64, Item)) {
        match self {
            Batch::Lines { first_line, data } => jsonl::items(first_line, &data, f),
            Batch::Overlong { line } => f(line, jsonl::overlong(line)),
            Batch::Rows { columns, data, rows } => {
                csv::each_row(&data, &rows, |row, cells| {
                    if let Some(item) = columns.item(row.line, cells) {
                        f(row.line, item);
                    }
                });
            }
            Batch::OverlongRow { line, last_line } => f(line, csv::overlong(line, last_line)),
            Batch::Values { values } => {
                for (line, raw) in values {
                    f(line, array::item(line, &raw));
                }
            }
            Batch::Broken { line, column, detail } => {
                f(line, Item::Rejected(Report::not_json(detail, line_usize(line), column)))
            }
        }
    }
}

/// Whether the input is a JSON array: its first byte that is not white space (after a UTF-8 byte-order mark) is `[`.
/// Reads up to that byte (white space beyond [`SNIFF_LIMIT`] is no array); returns the answer and the input as it
/// was, the bytes read put back in front.
pub fn sniff_array<R: Read>(mut src: R) -> io::Result<(bool, Sniffed<R>)> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let mut head = Vec::new();
    let mut chunk = [0u8; 512];
    let found = loop {
        let n = match src.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        match chunk.get(..n) {
            Some(read) if !read.is_empty() => head.extend_from_slice(read),
            _ => break None,
        }
        if head.len() < BOM.len() && BOM.starts_with(&head) {
            continue;
        }
        let body = head.strip_prefix(BOM).unwrap_or(&head);
        if let Some(&b) = body.iter().find(|b| !b.is_ascii_whitespace()) {
            break Some(b);
        }
        if head.len() > SNIFF_LIMIT {
            break None;
        }
    };
    Ok((found == Some(b'['), io::Cursor::new(head).chain(src)))
}

/// The input after [`sniff_array`]: the bytes it read, then the rest.
pub type Sniffed<R> = io::Chain<io::Cursor<Vec<u8>>, R>;

/// How much white space [`sniff_array`] reads before it gives up.
const SNIFF_LIMIT: usize = 1 << 20;

/// A line number as the core counts it.
pub(crate) fn line_usize(line: u64) -> usize {
    usize::try_from(line).unwrap_or(usize::MAX)
}

/// A reader that counts the bytes it has read, for the progress display.
#[derive(Debug)]
pub struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R> Counting<R> {
    /// Wraps `inner`; every read adds to `count`.
    pub fn new(inner: R, count: Arc<AtomicU64>) -> Self {
        Counting { inner, count }
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads one byte per call, as a slow pipe may.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let (Some(first), Some(slot)) = (self.0.first(), buf.first_mut()) else { return Ok(0) };
            *slot = *first;
            self.0 = &self.0[1..];
            Ok(1)
        }
    }

    #[test]
    fn a_leading_bracket_is_an_array_and_nothing_is_lost() {
        for (input, array) in [
            (&b"[{}]"[..], true),
            (b"\xEF\xBB\xBF \n\t[1]", true),
            (b"{\"a\":1}\n[1]\n", false),
            (b"\n\n{}", false),
            (b"", false),
            (b"  ", false),
            (b"\xEF\xBB", false),
        ] {
            for trickle in [false, true] {
                let src: Box<dyn Read> = if trickle { Box::new(Trickle(input)) } else { Box::new(input) };
                let (is_array, mut rest) = sniff_array(src).unwrap();
                assert_eq!(is_array, array, "{input:?}");
                let mut all = Vec::new();
                rest.read_to_end(&mut all).unwrap();
                assert_eq!(all, input, "the bytes read are put back");
            }
        }
    }
}
