//! JSON Lines: one record per line. Lines end with `\n` (a `\r` before it is dropped); blank lines are skipped and
//! give no result; a UTF-8 byte-order mark at the start of the file is ignored.
//!
//! The reader thread only looks for line ends; parsing happens on the workers.

use super::{line_usize, Batch, Item, Source, BATCH_BYTES};
use std::io::{self, Read};
use tenantcheck_core::record;
use tenantcheck_core::validate::Report;

/// The longest line read (**decision**): a record's text fields hold at most 1,000 characters each, so a real record
/// is a few kilobytes. A longer line gets an error result and is skipped without being held in memory, which keeps
/// memory bounded whatever the input.
pub const MAX_LINE: usize = 4 * 1024 * 1024;

/// Cuts JSON Lines into batches of whole lines.
#[derive(Debug)]
pub struct JsonlSource<R> {
    src: R,
    /// The start of a line not yet ended, read with the previous batch.
    carry: Vec<u8>,
    /// The line number of the first line of `carry`.
    next_line: u64,
    eof: bool,
    /// Inside a line longer than [`MAX_LINE`], discarding up to its end.
    skipping: bool,
    target: usize,
    max_line: usize,
}

impl<R: Read> JsonlSource<R> {
    pub fn new(src: R) -> Self {
        Self::with_limits(src, BATCH_BYTES, MAX_LINE)
    }

    /// A source with another batch size and line limit (tests use small ones).
    pub fn with_limits(src: R, target: usize, max_line: usize) -> Self {
        JsonlSource {
            src,
            carry: Vec::new(),
            next_line: 1,
            eof: false,
            skipping: false,
            target: target.max(1),
            max_line,
        }
    }

    /// Appends up to `want` bytes to `buf`; notes the end of the input.
    fn fill(&mut self, buf: &mut Vec<u8>, want: usize) -> io::Result<()> {
        let want = u64::try_from(want).unwrap_or(u64::MAX);
        let n = self.src.by_ref().take(want).read_to_end(buf)?;
        if (n as u64) < want {
            self.eof = true;
        }
        Ok(())
    }

    /// Discards input up to the end of the current line; leaves what follows it in `carry`.
    fn skip_line(&mut self) -> io::Result<()> {
        let mut buf = std::mem::take(&mut self.carry);
        loop {
            if let Some(i) = memchr::memchr(b'\n', &buf) {
                self.carry = buf.split_off(i + 1);
                self.skipping = false;
                return Ok(());
            }
            if self.eof {
                self.skipping = false;
                return Ok(());
            }
            buf.clear();
            self.fill(&mut buf, self.target)?;
        }
    }
}

impl<R: Read + Send> Source for JsonlSource<R> {
    fn next_batch(&mut self) -> io::Result<Option<Batch>> {
        if self.skipping {
            self.skip_line()?;
        }
        let mut buf = std::mem::take(&mut self.carry);
        // Bytes at the start of `buf` known to hold no line end.
        let mut searched = 0;
        loop {
            if !self.eof && buf.len() < searched + self.target {
                let want = searched + self.target - buf.len();
                buf.reserve(want);
                self.fill(&mut buf, want)?;
            }
            let tail = buf.get(searched..).unwrap_or_default();
            if let Some(i) = memchr::memrchr(b'\n', tail) {
                let end = searched + i + 1;
                self.carry = buf.get(end..).unwrap_or_default().to_vec();
                buf.truncate(end);
                let first_line = self.next_line;
                self.next_line += memchr::memchr_iter(b'\n', &buf).count() as u64;
                return Ok(Some(Batch::Lines { first_line, data: buf }));
            }
            if buf.len() > self.max_line {
                let line = self.next_line;
                self.next_line += 1;
                self.skipping = true;
                return Ok(Some(Batch::Overlong { line }));
            }
            if self.eof {
                if buf.is_empty() {
                    return Ok(None);
                }
                // The last line, without a line end.
                let first_line = self.next_line;
                self.next_line += 1;
                return Ok(Some(Batch::Lines { first_line, data: buf }));
            }
            searched = buf.len();
        }
    }
}

/// Decodes whole lines: calls `f` for each line that is not blank.
pub fn items(first_line: u64, data: &[u8], mut f: impl FnMut(u64, Item)) {
    let data = data.strip_suffix(b"\n").unwrap_or(data);
    for (line, text) in (first_line..).zip(data.split(|&b| b == b'\n')) {
        let text = text.strip_suffix(b"\r").unwrap_or(text);
        let text = if line == 1 { text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text) } else { text };
        if text.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r')) {
            continue;
        }
        f(line, decode(line, text));
    }
}

/// Parses one line.
fn decode(line: u64, text: &[u8]) -> Item {
    let text = match std::str::from_utf8(text) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            let byte = text.get(at).copied().unwrap_or_default();
            let detail = format!("invalid UTF-8 (byte 0x{byte:02X})");
            return Item::Rejected(Report::not_json(detail, line_usize(line), at + 1));
        }
    };
    match record::from_json(text) {
        Ok(parsed) => Item::Parsed(parsed),
        Err(e) => Item::Rejected(Report::not_json(detail(&e), line_usize(line), e.column().max(1))),
    }
}

/// serde_json's message without its " at line L column C", which the result carries in its own terms.
pub(super) fn detail(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => msg.get(..i).unwrap_or(&msg).to_owned(),
        None => msg,
    }
}

/// The result for a line longer than [`MAX_LINE`].
pub fn overlong(line: u64) -> Item {
    let detail = format!("the line is longer than {} MiB and was not read", MAX_LINE / (1024 * 1024));
    Item::Rejected(Report::not_json(detail, line_usize(line), 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cuts `input` with the given limits and returns the batches as (first line, text) or (line, "overlong").
    fn cut(input: &[u8], target: usize, max_line: usize) -> Vec<(u64, String)> {
        let mut src = JsonlSource::with_limits(input, target, max_line);
        let mut out = Vec::new();
        while let Some(b) = src.next_batch().unwrap() {
            match b {
                Batch::Lines { first_line, data } => out.push((first_line, String::from_utf8(data).unwrap())),
                Batch::Overlong { line } => out.push((line, "overlong".to_owned())),
                Batch::Rows { .. } | Batch::OverlongRow { .. } => panic!("rows from JSON Lines"),
                Batch::Values { .. } | Batch::Broken { .. } => panic!("an array from JSON Lines"),
            }
        }
        out
    }

    #[test]
    fn batches_hold_whole_lines_and_count_them() {
        let b = cut(b"a\nbb\nccc\nd", 4, 100);
        assert_eq!(b, vec![(1, "a\n".into()), (2, "bb\n".into()), (3, "ccc\n".into()), (4, "d".into())]);
        let b = cut(b"a\nb\nc\nd\n", 6, 100);
        assert_eq!(b, vec![(1, "a\nb\nc\n".into()), (4, "d\n".into())]);
        let b = cut(b"a\n\nb\n", 1000, 100);
        assert_eq!(b, vec![(1, "a\n\nb\n".into())]);
        assert!(cut(b"", 4, 100).is_empty());
    }

    #[test]
    fn long_lines_grow_the_batch_until_the_limit() {
        let b = cut(b"0123456789\nx\n", 3, 100);
        assert_eq!(b, vec![(1, "0123456789\n".into()), (2, "x\n".into())]);
        let b = cut(b"a\n0123456789abcdef\nx\n0123456789", 3, 8);
        assert_eq!(b, vec![(1, "a\n".into()), (2, "overlong".into()), (3, "x\n".into()), (4, "overlong".into())]);
    }

    fn decoded(first_line: u64, data: &[u8]) -> Vec<(u64, String)> {
        let mut out = Vec::new();
        items(first_line, data, |line, item| {
            let code = match item {
                Item::Parsed(_) => "parsed".to_owned(),
                Item::Rejected(r) => r.errors.first().map(|e| e.code.to_owned()).unwrap_or_default(),
            };
            out.push((line, code));
        });
        out
    }

    #[test]
    fn blank_lines_give_nothing_and_bad_lines_an_error() {
        let d = decoded(1, b"\xEF\xBB\xBF{}\r\n  \n\n{\n[1]\n\xFF{}\n{}");
        let codes: Vec<_> = d.iter().map(|(l, c)| (*l, c.as_str())).collect();
        assert_eq!(
            codes,
            vec![(1, "parsed"), (4, "request.not_json"), (5, "parsed"), (6, "request.not_json"), (7, "parsed")]
        );
    }

    #[test]
    fn not_json_details_carry_the_file_line() {
        let mut got = None;
        items(41, b"{\"a\":}\n", |line, item| {
            if let Item::Rejected(r) = item {
                got = Some((line, r));
            }
        });
        let (line, r) = got.unwrap();
        assert_eq!(line, 41);
        let p = &r.errors[0].params;
        assert_eq!(p.get("line"), Some(&tenantcheck_core::Param::Int(41)));
        assert_eq!(p.get("column"), Some(&tenantcheck_core::Param::Int(6)));
        assert!(!r.errors[0].message.contains("at line"), "{}", r.errors[0].message);
    }
}
