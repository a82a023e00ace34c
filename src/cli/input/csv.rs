//! CSV: a header row of dotted field paths (`account.billingAddress.postalCode`), then one record per row.
//!
//! - An empty cell (or one of spaces only) is "no value": the field is left out of the record.
//! - `account.isSubCustomerOfReseller` reads `true`/`false` (any case) as booleans; other text stays text, which the
//!   core reports as a wrong type. Every other field keeps its text as is (the core normalizes it).
//! - `markets` is a list, split on `,`, `;` or spaces.
//! - Columns the record does not know are ignored; the caller warns once per column.
//! - A row with another number of cells than the header, or with a cell that is not UTF-8, gets an error result
//!   (`request.not_json`, whose `column` is then the 1-based cell number); the run goes on.
//! - Blank lines are skipped. A row's line number is the line where it starts (quoted cells may span lines).

use super::{line_usize, Batch, Item, Source, BATCH_BYTES};
use csv::ByteRecord;
use serde_json::{Map, Value};
use std::fmt;
use std::io::{self, Read};
use std::sync::Arc;
use tenantcheck_core::record::{self, Parsed};
use tenantcheck_core::validate::Report;

/// The most rows in one batch.
const BATCH_ROWS: usize = 2048;

/// One data row, as read.
#[derive(Debug)]
pub struct Row {
    /// The 1-based line where the row starts.
    pub line: u64,
    pub cells: ByteRecord,
}

/// How a column's cells become JSON values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Flag,
    List,
}

/// One column of the header.
#[derive(Debug)]
enum Column {
    /// Not a field of the record.
    Ignored,
    /// A field: the path's segments and how its cells read.
    Field { name: String, path: Vec<String>, kind: Kind },
}

/// The header's columns, shared by the workers.
#[derive(Debug)]
pub struct Columns {
    columns: Vec<Column>,
}

/// A column that the record does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnoredColumn {
    /// 1-based.
    pub number: usize,
    pub name: String,
}

impl fmt::Display for IgnoredColumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {} {:?} is not a field of the record and is ignored", self.number, self.name)
    }
}

/// Why the header cannot be used.
#[derive(Debug)]
pub enum HeaderError {
    /// The input is empty.
    Missing,
    /// A header cell is not UTF-8.
    NotUtf8 {
        number: usize,
    },
    /// Two columns name the same field.
    Duplicate {
        name: String,
    },
    /// No column names a field of the record: most likely the file has no header row.
    NoField,
    Io(io::Error),
}

impl fmt::Display for HeaderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeaderError::Missing => f.write_str("bad CSV header: the input is empty"),
            HeaderError::NotUtf8 { number } => write!(f, "bad CSV header: column {number} is not UTF-8"),
            HeaderError::Duplicate { name } => write!(f, "bad CSV header: two columns are named {name:?}"),
            HeaderError::NoField => f.write_str(
                "bad CSV header: no column names a field of the record (the header row holds dotted paths such as \
                 account.billingAddress.postalCode)",
            ),
            HeaderError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl Columns {
    /// Reads the header row's cells. Returns the columns and those ignored.
    fn from_header(header: &ByteRecord) -> Result<(Columns, Vec<IgnoredColumn>), HeaderError> {
        let mut columns = Vec::with_capacity(header.len());
        let mut ignored = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (i, cell) in header.iter().enumerate() {
            let name = std::str::from_utf8(cell).map_err(|_| HeaderError::NotUtf8 { number: i + 1 })?.trim();
            if !record::is_known_path(name) {
                ignored.push(IgnoredColumn { number: i + 1, name: name.to_owned() });
                columns.push(Column::Ignored);
                continue;
            }
            if !seen.insert(name) {
                return Err(HeaderError::Duplicate { name: name.to_owned() });
            }
            let kind = match name {
                "account.isSubCustomerOfReseller" => Kind::Flag,
                "markets" => Kind::List,
                _ => Kind::Text,
            };
            let path = name.split('.').map(str::to_owned).collect();
            columns.push(Column::Field { name: name.to_owned(), path, kind });
        }
        if seen.is_empty() {
            return Err(HeaderError::NoField);
        }
        Ok((Columns { columns }, ignored))
    }

    /// Decodes one row into a record. Runs on a worker.
    pub fn item(&self, row: &Row) -> Item {
        let line = line_usize(row.line);
        let (have, want) = (row.cells.len(), self.columns.len());
        if have != want {
            let detail = format!("the row has {have} cells where the header has {want}");
            return Item::Rejected(Report::not_json(detail, line, have.min(want) + 1));
        }
        let mut root = Map::new();
        for (i, (cell, column)) in row.cells.iter().zip(&self.columns).enumerate() {
            let Column::Field { name, path, kind } = column else { continue };
            let cell = if i + 1 == have { cell.strip_suffix(b"\r").unwrap_or(cell) } else { cell };
            if cell.trim_ascii().is_empty() {
                continue;
            }
            let Ok(text) = std::str::from_utf8(cell) else {
                let detail = format!("invalid UTF-8 in cell {} ({name})", i + 1);
                return Item::Rejected(Report::not_json(detail, line, i + 1));
            };
            insert(&mut root, path, value(text, *kind));
        }
        match serde_json::from_value::<Parsed>(Value::Object(root)) {
            Ok(parsed) => Item::Parsed(parsed),
            Err(e) => Item::Rejected(Report::not_json(e.to_string(), line, 1)),
        }
    }
}

/// The JSON value of a non-empty cell.
fn value(text: &str, kind: Kind) -> Value {
    match kind {
        Kind::Flag if text.trim().eq_ignore_ascii_case("true") => Value::Bool(true),
        Kind::Flag if text.trim().eq_ignore_ascii_case("false") => Value::Bool(false),
        Kind::List => Value::Array(
            text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
                .filter(|s| !s.is_empty())
                .map(|s| Value::String(s.to_owned()))
                .collect(),
        ),
        Kind::Flag | Kind::Text => Value::String(text.to_owned()),
    }
}

/// Puts `value` at `path` in `root`, making the objects on the way.
fn insert(root: &mut Map<String, Value>, path: &[String], value: Value) {
    let Some((last, parents)) = path.split_last() else { return };
    let mut map = root;
    for key in parents {
        let slot = map.entry(key.as_str()).or_insert_with(|| Value::Object(Map::new()));
        let Value::Object(next) = slot else { return };
        map = next;
    }
    map.insert(last.clone(), value);
}

/// Remembers the last byte read, so that the line of a last row without a line end can be told.
#[derive(Debug)]
struct LastByte<R> {
    inner: R,
    last: Option<u8>,
}

impl<R: Read> Read for LastByte<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(b) = buf.get(..n).and_then(<[u8]>::last) {
            self.last = Some(*b);
        }
        Ok(n)
    }
}

/// A row read, with the line of the csv crate's position just after it.
type Read1 = (ByteRecord, u64);

/// Reads CSV rows into batches.
///
/// Rows end at `\n` only (a `\r` before it is dropped from the last cell), so that the csv crate's position after a
/// row is always just past its line end: a row's first line is that position's line, minus the line ends inside its
/// quoted cells, minus one for its own line end. Only the last row may lack a line end; the input's last byte tells,
/// hence one row of look-ahead. Blank rows (`\r` or spaces only) are skipped.
pub struct CsvSource<R> {
    rdr: csv::Reader<LastByte<R>>,
    columns: Arc<Columns>,
    /// The next row, read ahead.
    ahead: Option<Read1>,
    started: bool,
}

impl<R: Read> CsvSource<R> {
    /// Reads the header row. Returns the source and the columns it ignores.
    pub fn open(src: R) -> Result<(Self, Vec<IgnoredColumn>), HeaderError> {
        let src = LastByte { inner: src, last: None };
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_reader(src);
        let mut header = ByteRecord::new();
        match rdr.read_byte_record(&mut header) {
            Ok(true) => {}
            Ok(false) => return Err(HeaderError::Missing),
            Err(e) => return Err(HeaderError::Io(e.into())),
        }
        let (columns, ignored) = Columns::from_header(&header)?;
        Ok((CsvSource { rdr, columns: Arc::new(columns), ahead: None, started: false }, ignored))
    }

    /// The next row that is not blank.
    fn read(&mut self) -> io::Result<Option<Read1>> {
        let mut cells = ByteRecord::new();
        loop {
            if !self.rdr.read_byte_record(&mut cells)? {
                return Ok(None);
            }
            let blank = cells.len() == 1 && cells.get(0).is_some_and(|c| c.trim_ascii().is_empty());
            if !blank {
                return Ok(Some((cells, self.rdr.position().line())));
            }
        }
    }
}

impl<R: Read + Send> Source for CsvSource<R> {
    fn next_batch(&mut self) -> io::Result<Option<Batch>> {
        if !self.started {
            self.started = true;
            self.ahead = self.read()?;
        }
        let mut rows = Vec::new();
        let mut bytes = 0;
        while let Some((cells, after)) = self.ahead.take() {
            self.ahead = self.read()?;
            let ended = self.ahead.is_some() || matches!(self.rdr.get_ref().last, Some(b'\n' | b'\r'));
            let inside = memchr::memchr_iter(b'\n', cells.as_slice()).count() as u64;
            let line = after.saturating_sub(inside + u64::from(ended)).max(1);
            bytes += cells.as_slice().len();
            rows.push(Row { line, cells });
            if bytes >= BATCH_BYTES || rows.len() >= BATCH_ROWS {
                break;
            }
        }
        if rows.is_empty() {
            return Ok(None);
        }
        Ok(Some(Batch::Rows { columns: Arc::clone(&self.columns), rows }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str) -> (Vec<(u64, Item)>, Vec<IgnoredColumn>) {
        let (mut src, ignored) = CsvSource::open(input.as_bytes()).unwrap();
        let mut out = Vec::new();
        while let Some(b) = src.next_batch().unwrap() {
            b.items(|line, item| out.push((line, item)));
        }
        (out, ignored)
    }

    fn record(item: &Item) -> &tenantcheck_core::record::Record {
        match item {
            Item::Parsed(record::Slot::Value(r)) => r,
            other => panic!("not a record: {other:?}"),
        }
    }

    #[test]
    fn cells_become_a_nested_record() {
        let csv = "\u{feff}cspModel,account.billingAddress.postalCode, crmId ,markets,account.isSubCustomerOfReseller,\
                   syncOptions.resellerMpnId\nindirectProvider,106 82,77,\"GR; CY,MT  IT\",TRUE,\n";
        let (items, ignored) = read(csv);
        assert_eq!(ignored, vec![IgnoredColumn { number: 3, name: "crmId".into() }]);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].0, 2);
        let r = record(&items[0].1);
        assert_eq!(r.csp_model.as_str(), "indirectProvider");
        let acc = r.account.value().unwrap();
        assert_eq!(acc.billing_address.value().unwrap().postal_code.as_str(), "106 82");
        assert_eq!(acc.is_sub_customer_of_reseller, record::Slot::Value(true));
        let markets: Vec<_> = r.markets.value().unwrap().iter().map(|m| m.as_str().to_owned()).collect();
        assert_eq!(markets, ["GR", "CY", "MT", "IT"]);
        assert_eq!(r.sync_options, record::Slot::Absent, "an empty cell is no value");
        assert!(r.unknown.is_empty());
    }

    #[test]
    fn rows_start_where_their_line_starts() {
        let csv = "account.companyName,account.email\n\"Contoso\nLtd\",a@b.co\n\nshort\nx,y\n";
        let lines = |csv: &str| read(csv).0.iter().map(|(l, _)| *l).collect::<Vec<_>>();
        assert_eq!(lines(csv), [2, 5, 6]);
        assert_eq!(lines(csv.trim_end()), [2, 5, 6]);
        assert_eq!(lines(&format!("{csv}\n\n")), [2, 5, 6]);
        assert_eq!(lines(&csv.replace('\n', "\r\n")), [2, 5, 6]);
        assert_eq!(lines("account.email\n\n\n\"a\n\n\"\n\n\"b\n\""), [4, 8]);
        let (items, _) = read(csv);
        match &items[1].1 {
            Item::Rejected(r) => assert_eq!(r.errors[0].code, "request.not_json"),
            other => panic!("{other:?}"),
        }
        assert_eq!(record(&items[2].1).account.value().unwrap().email.as_str(), "y");
        let (items, _) = read(&csv.replace('\n', "\r\n"));
        assert_eq!(record(&items[2].1).account.value().unwrap().email.as_str(), "y", "the \\r is dropped");
    }

    #[test]
    fn other_booleans_stay_text() {
        let (items, _) = read("account.isSubCustomerOfReseller,account.companyName\nyes,true\n");
        let acc = record(&items[0].1).account.value().unwrap();
        assert_eq!(acc.is_sub_customer_of_reseller, record::Slot::Wrong(record::Kind::Text));
        assert_eq!(acc.company_name.as_str(), "true");
    }

    #[test]
    fn bad_headers() {
        assert!(matches!(CsvSource::open(&b""[..]), Err(HeaderError::Missing)));
        assert!(matches!(CsvSource::open(&b"a,b\n1,2\n"[..]), Err(HeaderError::NoField)));
        assert!(matches!(CsvSource::open(&b"cspModel,cspModel\n"[..]), Err(HeaderError::Duplicate { .. })));
        assert!(matches!(CsvSource::open(&b"cspModel,\xff\n"[..]), Err(HeaderError::NotUtf8 { number: 2 })));
    }
}
