//! A JSON array of records (a `.json` export): `[ {…}, {…} ]`, streamed element by element in constant memory.
//!
//! A parser thread runs serde_json's streaming deserializer over the input with a [`SeqAccess`] visitor that takes each
//! element as a [`RawValue`] (its text, checked to be JSON, not yet read as a record) and sends them in batches of
//! about [`BATCH_BYTES`] through a bounded channel; the reader thread of the pipeline takes the batches from there, and
//! the workers read the records. No more than a few batches are held at once, whatever the array's size.
//!
//! - A record's line is the line where its element starts.
//! - Where the text stops being JSON (or after the closing `]`, anything but white space), one error result says where,
//!   and the input ends there: an array cannot be read on past a syntax error the way JSON Lines can.

use super::{jsonl, line_usize, Batch, Item, Source, BATCH_BYTES};
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde_json::value::RawValue;
use std::cell::Cell;
use std::fmt;
use std::io::{self, BufReader, Read};
use std::rc::Rc;
use std::sync::mpsc::{self, Receiver, SyncSender};
use tenantcheck_core::record;
use tenantcheck_core::validate::Report;

/// Batches from the parser thread.
#[derive(Debug)]
pub struct ArraySource {
    batches: Receiver<io::Result<Batch>>,
}

impl ArraySource {
    /// Starts the parser thread on `src`, which holds a JSON array (after white space; a byte-order mark is skipped).
    pub fn new<R: Read + Send + 'static>(src: R) -> Self {
        Self::with_target(src, BATCH_BYTES)
    }

    /// A source with another batch size (tests use small ones).
    pub fn with_target<R: Read + Send + 'static>(src: R, target: usize) -> Self {
        let (tx, rx) = mpsc::sync_channel(1);
        std::thread::spawn(move || parse(src, &tx, target.max(1)));
        ArraySource { batches: rx }
    }
}

impl Source for ArraySource {
    fn next_batch(&mut self) -> io::Result<Option<Batch>> {
        // The parser thread ends (and drops its sender) after the last batch.
        self.batches.recv().ok().transpose()
    }
}

/// The parser thread: reads the array and sends its elements in batches, then the error where it stopped, if any.
fn parse<R: Read>(src: R, tx: &SyncSender<io::Result<Batch>>, target: usize) {
    let newlines = Rc::new(Cell::new(0));
    let reader = Lines { inner: BufReader::with_capacity(1 << 16, src), newlines: Rc::clone(&newlines), bom: true };
    let mut de = serde_json::Deserializer::from_reader(reader);
    let elements = Elements { tx, newlines, target };
    let Err(e) = de.deserialize_seq(elements).and_then(|()| de.end()) else { return };
    let sent = if e.is_io() {
        tx.send(Err(io::Error::from(e)))
    } else if e.to_string().starts_with(STOPPED) {
        return;
    } else {
        let line = u64::try_from(e.line()).unwrap_or(u64::MAX);
        tx.send(Ok(Batch::Broken { line, column: e.column().max(1), detail: jsonl::detail(&e) }))
    };
    drop(sent);
}

/// The visitor's error when the pipeline stopped taking batches (the writer failed).
const STOPPED: &str = "the run stopped";

/// Counts the line ends that serde_json has read, which reads byte by byte, so that the count is where the parser is;
/// skips a UTF-8 byte-order mark at the start, which serde_json does not.
struct Lines<R> {
    inner: R,
    newlines: Rc<Cell<u64>>,
    /// At the start, where a byte-order mark may be.
    bom: bool,
}

impl<R: io::BufRead> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if std::mem::take(&mut self.bom) && self.inner.fill_buf()?.starts_with(b"\xEF\xBB\xBF") {
            self.inner.consume(3);
        }
        let n = self.inner.read(buf)?;
        // serde_json reads one byte at a time.
        let ends = buf.get(..n).unwrap_or_default().iter().filter(|&&b| b == b'\n').count() as u64;
        if ends > 0 {
            self.newlines.set(self.newlines.get() + ends);
        }
        Ok(n)
    }
}

/// The array's visitor: batches its elements and sends them.
struct Elements<'a> {
    tx: &'a SyncSender<io::Result<Batch>>,
    newlines: Rc<Cell<u64>>,
    target: usize,
}

impl Elements<'_> {
    /// Sends a batch; `false` when the pipeline no longer takes any.
    fn send(&self, values: &mut Vec<(u64, Box<RawValue>)>) -> bool {
        values.is_empty() || self.tx.send(Ok(Batch::Values { values: std::mem::take(values) })).is_ok()
    }
}

impl<'de> Visitor<'de> for Elements<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut values = Vec::new();
        let mut bytes = 0;
        loop {
            let raw = match seq.next_element::<Box<RawValue>>() {
                Ok(Some(raw)) => raw,
                Ok(None) => break,
                Err(e) => {
                    // The elements before the error first.
                    self.send(&mut values);
                    return Err(e);
                }
            };
            // The parser stands at the element's end (a record ends with `}`, read without looking further).
            let inside = memchr::memchr_iter(b'\n', raw.get().as_bytes()).count() as u64;
            let line = self.newlines.get().saturating_sub(inside) + 1;
            bytes += raw.get().len();
            values.push((line, raw));
            if bytes >= self.target {
                if !self.send(&mut values) {
                    return Err(de::Error::custom(STOPPED));
                }
                bytes = 0;
            }
        }
        if self.send(&mut values) {
            Ok(())
        } else {
            Err(de::Error::custom(STOPPED))
        }
    }
}

/// Reads one element as a record. Runs on a worker.
pub fn item(line: u64, raw: &RawValue) -> Item {
    match record::from_json(raw.get()) {
        Ok(parsed) => Item::Parsed(parsed),
        // Not reachable: the element was read as JSON already.
        Err(e) => Item::Rejected(Report::not_json(jsonl::detail(&e), line_usize(line), e.column().max(1))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The records' lines, or `(line, code)` for the rejected, of an input read with batches of `target` bytes.
    fn read(input: &str, target: usize) -> Vec<(u64, String)> {
        let mut src = ArraySource::with_target(io::Cursor::new(input.as_bytes().to_vec()), target);
        let mut out = Vec::new();
        while let Some(batch) = src.next_batch().unwrap() {
            batch.items(|line, item| {
                let what = match item {
                    Item::Parsed(record::Slot::Value(r)) => format!("{:?}", r.id),
                    Item::Parsed(other) => format!("{other:?}"),
                    Item::Rejected(r) => r.errors[0].code.to_owned(),
                };
                out.push((line, what));
            });
        }
        out
    }

    fn pairs(items: &[(u64, &str)]) -> Vec<(u64, String)> {
        items.iter().map(|(l, s)| (*l, (*s).to_owned())).collect()
    }

    #[test]
    fn elements_keep_the_line_where_they_start() {
        let input = "\u{feff} [\n{\"id\":\"a\"},\n  {\"id\":\n 2}, {\"id\":3},\n\n{}\n]\n";
        for target in [1, 7, 1 << 16] {
            let want = [(2, "Text(\"a\")"), (3, "Int(2)"), (4, "Int(3)"), (6, "Absent")];
            assert_eq!(read(input, target), pairs(&want), "{target}");
        }
        assert!(read("[]", 4).is_empty());
        assert_eq!(read("[7]", 4), pairs(&[(1, "Wrong(Number)")]));
    }

    #[test]
    fn a_syntax_error_ends_the_input_after_the_elements_before_it() {
        let got = read("[{\"id\":1},\n{\"id\":2}\n{\"id\":3}]", 1);
        assert_eq!(got, pairs(&[(1, "Int(1)"), (2, "Int(2)"), (3, "request.not_json")]));
        let got = read("[{}] x", 1 << 16);
        assert_eq!(got, pairs(&[(1, "Absent"), (1, "request.not_json")]));
        let got = read("[{},", 1 << 16);
        assert_eq!(got, pairs(&[(1, "Absent"), (1, "request.not_json")]));
    }

    #[test]
    fn the_parser_stops_when_nobody_takes_batches() {
        let mut input = String::from("[");
        for _ in 0..100_000 {
            input.push_str("{},");
        }
        input.push_str("{}]");
        let mut src = ArraySource::with_target(io::Cursor::new(input.into_bytes()), 16);
        assert!(src.next_batch().unwrap().is_some());
        drop(src); // the parser thread's next send fails, and it ends
    }
}
