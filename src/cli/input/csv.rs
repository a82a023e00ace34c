//! CSV: a header row of dotted field paths (`account.billingAddress.postalCode`), then one record per row.
//!
//! - An empty cell (or one of spaces only) is "no value": the field is left out of the record.
//! - `account.isSubCustomerOfReseller` reads `true`/`false` (any case) as booleans; other text stays text, which the
//!   core reports as a wrong type. Every other field keeps its text as is (the core normalizes it).
//! - `markets` is a list, split on `,`, `;` or spaces.
//! - Columns the record does not know are ignored; the caller warns once per column.
//! - The column named `id` (or the one `--id-column` names) is the record's `id` (`request.md`), as a string: it comes
//!   back as the result's `id`. An empty cell is no ID. The ID column may also be a field of the record.
//! - A row with another number of cells than the header, or with a cell that is not UTF-8, gets an error result
//!   (`request.not_json`, whose `column` is then the 1-based cell number); the run goes on.
//! - Blank lines are skipped. A row's line number is the line where it starts (quoted cells may span lines).
//! - A row is bounded like a JSON Lines line ([`MAX_ROW`], the same limit): a longer one (most likely a stray quote,
//!   which makes the rest of the file one quoted cell) gets one error result on its first line, and reading goes on
//!   at the next line end after the limit, in constant memory; the error names the lines it skipped.
//!
//! The reader thread only finds row ends (quote-aware, as the csv crate reads quotes: [`Scan`]); the cells are read
//! on the workers, by the csv crate ([`each_row`]).

use super::{line_usize, Batch, Item, Source, BATCH_BYTES};
use csv::ByteRecord;
use serde_json::{Map, Value};
use std::io::{self, Read};
use std::ops::Range;
use std::sync::Arc;
use tenantcheck_core::record::Parsed;
use tenantcheck_core::schema;
use tenantcheck_core::validate::Report;

/// The longest row read: the limit of a JSON Lines line.
pub const MAX_ROW: usize = super::jsonl::MAX_LINE;

/// One data row of a batch: the 1-based line where it starts, and its bytes in the batch (without its line end).
#[derive(Debug, Clone)]
pub struct Row {
    pub line: u64,
    pub bytes: Range<usize>,
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
    /// The record's `id`, and no field.
    Id,
    /// A field: the path's segments and how its cells read; `id` when its cells are also the record's `id`.
    Field { name: String, path: Vec<String>, kind: Kind, id: bool },
}

/// The name of the ID column when `--id-column` names none.
pub const ID_COLUMN: &str = "id";

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

/// Why the header cannot be used (the command line says it in words: `src/cli/check.rs`, `csv_header_error`).
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
    /// The header row is longer than [`MAX_ROW`].
    TooLong,
    /// `--id-column` names no column of the header.
    NoIdColumn {
        name: String,
    },
    Io(io::Error),
}

impl Columns {
    /// Reads the header row's cells; `id_column` names the ID column, `required` when the user named it. Returns the
    /// columns and those ignored.
    fn from_header(
        header: &ByteRecord,
        id_column: &str,
        required: bool,
    ) -> Result<(Columns, Vec<IgnoredColumn>), HeaderError> {
        let mut columns = Vec::with_capacity(header.len());
        let mut ignored = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut has_id = false;
        for (i, cell) in header.iter().enumerate() {
            let name = std::str::from_utf8(cell).map_err(|_| HeaderError::NotUtf8 { number: i + 1 })?.trim();
            let id = name == id_column && !has_id;
            has_id |= id;
            // The columns are the record's fields, by the core's schema.
            let kind = match schema::kind(name) {
                Some(schema::Kind::Bool) => Kind::Flag,
                Some(schema::Kind::List) => Kind::List,
                Some(schema::Kind::Address | schema::Kind::Object) | None => {
                    if id {
                        columns.push(Column::Id);
                    } else {
                        ignored.push(IgnoredColumn { number: i + 1, name: name.to_owned() });
                        columns.push(Column::Ignored);
                    }
                    continue;
                }
                Some(_) => Kind::Text,
            };
            if !seen.insert(name) {
                return Err(HeaderError::Duplicate { name: name.to_owned() });
            }
            let path = name.split('.').map(str::to_owned).collect();
            columns.push(Column::Field { name: name.to_owned(), path, kind, id });
        }
        if seen.is_empty() {
            return Err(HeaderError::NoField);
        }
        if required && !has_id {
            return Err(HeaderError::NoIdColumn { name: id_column.to_owned() });
        }
        Ok((Columns { columns }, ignored))
    }

    /// Decodes one row into a record; `None` for a blank row. Runs on a worker.
    pub fn item(&self, line: u64, cells: &ByteRecord) -> Option<Item> {
        if cells.len() <= 1 && cells.get(0).is_none_or(|c| c.trim_ascii().is_empty()) {
            return None;
        }
        Some(self.decode(line_usize(line), cells))
    }

    fn decode(&self, line: usize, cells: &ByteRecord) -> Item {
        let (have, want) = (cells.len(), self.columns.len());
        if have != want {
            let detail = format!("the row has {have} cells where the header has {want}");
            return Item::Rejected(Report::not_json(detail, line, have.min(want) + 1));
        }
        let mut root = Map::new();
        for (i, (cell, column)) in cells.iter().zip(&self.columns).enumerate() {
            let (name, field, id) = match column {
                Column::Ignored => continue,
                Column::Id => (ID_COLUMN, None, true),
                Column::Field { name, path, kind, id } => (name.as_str(), Some((path, *kind)), *id),
            };
            let cell = if i + 1 == have { cell.strip_suffix(b"\r").unwrap_or(cell) } else { cell };
            if cell.trim_ascii().is_empty() {
                continue;
            }
            let Ok(text) = std::str::from_utf8(cell) else {
                let detail = format!("invalid UTF-8 in cell {} ({name})", i + 1);
                return Item::Rejected(Report::not_json(detail, line, i + 1));
            };
            if id {
                // A CSV cell is a string (`request.md`).
                root.insert(ID_COLUMN.to_owned(), Value::String(text.to_owned()));
            }
            if let Some((path, kind)) = field {
                insert(&mut root, path, value(text, kind));
            }
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

/// Where a scan of a row stands, as the csv crate reads quotes: a quote opens a quoted cell only at the start of a cell;
/// inside one, `""` is a quote and a lone `"` closes it; after the close, the cell goes on unquoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scan {
    CellStart,
    Unquoted,
    Quoted,
    /// A `"` inside a quoted cell: the close, or the first half of `""`.
    QuoteInQuoted,
}

impl Scan {
    /// Advances over `bytes`; returns the index of the row's end (a `\n` outside quotes), and starts a new row there.
    pub fn find_end(&mut self, bytes: &[u8]) -> Option<usize> {
        let mut i = 0;
        while i < bytes.len() {
            match *self {
                Scan::Quoted => {
                    i += memchr::memchr(b'"', &bytes[i..])? + 1;
                    *self = Scan::QuoteInQuoted;
                }
                Scan::Unquoted => {
                    i += memchr::memchr2(b',', b'\n', &bytes[i..])?;
                    *self = Scan::CellStart;
                    if bytes[i] == b'\n' {
                        return Some(i);
                    }
                    i += 1;
                }
                Scan::CellStart | Scan::QuoteInQuoted => {
                    let b = bytes[i];
                    *self = match b {
                        b'\n' => {
                            *self = Scan::CellStart;
                            return Some(i);
                        }
                        b',' => Scan::CellStart,
                        b'"' => Scan::Quoted,
                        _ => Scan::Unquoted,
                    };
                    i += 1;
                }
            }
        }
        None
    }
}

/// Reads the cells of `rows`, the rows of a batch in `data` (one line end apart, cut by [`Scan`] where the csv crate
/// ends its records), with one csv reader; calls `f` with each row and its cells. A blank row, which csv skips, has
/// no cell. Runs on a worker.
pub fn each_row(data: &[u8], rows: &[Row], mut f: impl FnMut(&Row, &ByteRecord)) {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(data);
    let mut cells = ByteRecord::new();
    for row in rows {
        // Reading from memory with flexible rows never fails; were it to, the row would read as blank.
        if row.bytes.is_empty() || !matches!(rdr.read_byte_record(&mut cells), Ok(true)) {
            cells.clear();
        }
        f(row, &cells);
    }
}

/// The cells of one row (its bytes without the line end).
fn cells(row: &[u8]) -> ByteRecord {
    let mut out = ByteRecord::new();
    each_row(row, &[Row { line: 1, bytes: 0..row.len() }], |_, cells| out = cells.clone());
    out
}

/// Cuts CSV into batches of whole rows, each at most [`MAX_ROW`] bytes.
pub struct CsvSource<R> {
    src: R,
    columns: Arc<Columns>,
    /// Input read and not yet cut, from the start of a row.
    carry: Vec<u8>,
    /// The line of the first row of `carry`.
    next_line: u64,
    eof: bool,
    target: usize,
    max_row: usize,
}

impl<R: Read> CsvSource<R> {
    /// Reads the header row, with the ID column named `id`. Returns the source and the columns it ignores.
    pub fn open(src: R) -> Result<(Self, Vec<IgnoredColumn>), HeaderError> {
        Self::open_with_id(src, None)
    }

    /// [`CsvSource::open`] with the ID column that `--id-column` names, which must then be in the header.
    pub fn open_with_id(src: R, id_column: Option<&str>) -> Result<(Self, Vec<IgnoredColumn>), HeaderError> {
        Self::with_options(src, BATCH_BYTES, MAX_ROW, id_column)
    }

    /// A source with another batch size and row limit (tests use small ones).
    pub fn with_limits(src: R, target: usize, max_row: usize) -> Result<(Self, Vec<IgnoredColumn>), HeaderError> {
        Self::with_options(src, target, max_row, None)
    }

    fn with_options(
        src: R,
        target: usize,
        max_row: usize,
        id_column: Option<&str>,
    ) -> Result<(Self, Vec<IgnoredColumn>), HeaderError> {
        let columns = Arc::new(Columns { columns: Vec::new() });
        let mut me =
            CsvSource { src, columns, carry: Vec::new(), next_line: 1, eof: false, target: target.max(1), max_row };
        let mut first = true;
        let header = loop {
            let Some(row) = me.next_row().map_err(HeaderError::Io)? else {
                return Err(HeaderError::Missing);
            };
            let row = match row {
                Some(row) => row,
                None => return Err(HeaderError::TooLong),
            };
            let row = match (first, row.strip_prefix(b"\xEF\xBB\xBF")) {
                (true, Some(rest)) => rest.to_vec(),
                _ => row,
            };
            first = false;
            if !row.trim_ascii().is_empty() {
                break row;
            }
        };
        let (columns, ignored) =
            Columns::from_header(&cells(&header), id_column.unwrap_or(ID_COLUMN), id_column.is_some())?;
        me.columns = Arc::new(columns);
        Ok((me, ignored))
    }

    /// The next row, for the header: `None` at the end of the input, `Some(None)` for a row over the limit.
    fn next_row(&mut self) -> io::Result<Option<Option<Vec<u8>>>> {
        let mut scan = Scan::CellStart;
        let mut scanned = 0;
        let end = loop {
            if let Some(end) = scan.find_end(&self.carry[scanned..]) {
                break Some(scanned + end);
            }
            scanned = self.carry.len();
            if self.carry.len() > self.max_row {
                return Ok(Some(None));
            }
            if self.eof {
                break None;
            }
            self.fill(scanned + self.target)?;
        };
        if end.is_none() && self.carry.is_empty() {
            return Ok(None);
        }
        let len = end.unwrap_or(self.carry.len());
        let rest = self.carry.split_off((len + 1).min(self.carry.len()));
        let mut row = std::mem::replace(&mut self.carry, rest);
        row.truncate(len);
        self.next_line += 1 + memchr::memchr_iter(b'\n', &row).count() as u64;
        Ok(Some(Some(row)))
    }

    /// Reads until `carry` holds `len` bytes or the input ends.
    fn fill(&mut self, len: usize) -> io::Result<()> {
        let want = len.saturating_sub(self.carry.len());
        let want = u64::try_from(want).unwrap_or(u64::MAX);
        let n = self.src.by_ref().take(want).read_to_end(&mut self.carry)?;
        if (n as u64) < want {
            self.eof = true;
        }
        Ok(())
    }

    /// Discards input up to the next line end (whatever the quotes); returns the line it ends. Leaves what follows
    /// in `carry`.
    fn skip_line(&mut self) -> io::Result<u64> {
        loop {
            if let Some(i) = memchr::memchr(b'\n', &self.carry) {
                let line = self.next_line;
                self.carry.drain(..=i);
                self.next_line += 1;
                return Ok(line);
            }
            self.carry.clear();
            if self.eof {
                return Ok(self.next_line);
            }
            self.fill(self.target)?;
        }
    }
}

impl<R: Read + Send> Source for CsvSource<R> {
    fn next_batch(&mut self) -> io::Result<Option<Batch>> {
        let mut rows = Vec::new();
        let mut scan = Scan::CellStart;
        // The start of the row being scanned, and how far it is scanned.
        let (mut start, mut scanned) = (0, 0);
        let mut line = self.next_line;
        loop {
            if let Some(end) = scan.find_end(&self.carry[scanned..]) {
                let end = scanned + end;
                rows.push(Row { line, bytes: start..end });
                line += 1 + memchr::memchr_iter(b'\n', &self.carry[start..end]).count() as u64;
                (start, scanned) = (end + 1, end + 1);
                if start >= self.target {
                    break;
                }
                continue;
            }
            scanned = self.carry.len();
            if self.carry.len() - start > self.max_row {
                if rows.is_empty() {
                    // The row in `carry` is overlong: drop it, go on after the next line end.
                    let first = line;
                    self.next_line = line + memchr::memchr_iter(b'\n', &self.carry).count() as u64;
                    self.carry.clear();
                    let last = self.skip_line()?;
                    return Ok(Some(Batch::OverlongRow { line: first, last_line: last }));
                }
                // First the rows before it.
                break;
            }
            if self.eof {
                if start < self.carry.len() {
                    // The last row, without a line end.
                    rows.push(Row { line, bytes: start..self.carry.len() });
                    line += 1 + memchr::memchr_iter(b'\n', &self.carry[start..]).count() as u64;
                    start = self.carry.len();
                }
                break;
            }
            let len = self.carry.len();
            self.fill(len + self.target)?;
        }
        if rows.is_empty() {
            return Ok(None);
        }
        let rest = self.carry[start.min(self.carry.len())..].to_vec();
        let mut data = std::mem::replace(&mut self.carry, rest);
        data.truncate(start);
        self.next_line = line;
        Ok(Some(Batch::Rows { columns: Arc::clone(&self.columns), data, rows }))
    }
}

/// The result for a row longer than [`MAX_ROW`], which started on `line`; reading went on after `last_line`.
pub fn overlong(line: u64, last_line: u64) -> Item {
    let mib = MAX_ROW / (1024 * 1024);
    let detail = if last_line > line {
        format!("the row is longer than {mib} MiB (a quote that does not close?) and was not read; lines {line} to {last_line} were skipped")
    } else {
        format!("the row is longer than {mib} MiB and was not read")
    };
    Item::Rejected(Report::not_json(detail, line_usize(line), 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tenantcheck_core::record;

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
    fn the_id_column_is_the_records_id() {
        let csv = "account.email,id,crmId\na@b.co,A-1,C-1\nc@d.co,,C-2\n";
        let (items, ignored) = read(csv);
        assert_eq!(ignored, vec![IgnoredColumn { number: 3, name: "crmId".into() }]);
        assert_eq!(record(&items[0].1).id, record::Id::Text("A-1".into()));
        assert_eq!(record(&items[1].1).id, record::Id::Absent, "an empty cell is no ID");
        assert!(record(&items[0].1).unknown.is_empty());
        // `--id-column`: another column; then `id` is a column like any other the record does not know.
        let (mut src, ignored) = CsvSource::open_with_id(csv.as_bytes(), Some("crmId")).unwrap();
        assert_eq!(ignored, vec![IgnoredColumn { number: 2, name: "id".into() }]);
        let Some(batch) = src.next_batch().unwrap() else { panic!("no rows") };
        let mut ids = Vec::new();
        batch.items(|_, item| ids.push(record(&item).id.clone()));
        assert_eq!(ids, [record::Id::Text("C-1".into()), record::Id::Text("C-2".into())]);
        // A field of the record may be the ID too; a named column must exist.
        let (mut src, _) = CsvSource::open_with_id(csv.as_bytes(), Some("account.email")).unwrap();
        let Some(batch) = src.next_batch().unwrap() else { panic!("no rows") };
        batch.items(|_, item| {
            let r = record(&item);
            assert_eq!(r.id, record::Id::Text(r.account.value().unwrap().email.as_str().to_owned()));
        });
        let missing = CsvSource::open_with_id(csv.as_bytes(), Some("ref"));
        assert!(matches!(missing, Err(HeaderError::NoIdColumn { .. })));
    }

    #[test]
    fn other_booleans_stay_text() {
        let (items, _) = read("account.isSubCustomerOfReseller,account.companyName\nyes,true\n");
        let acc = record(&items[0].1).account.value().unwrap();
        assert_eq!(acc.is_sub_customer_of_reseller, record::Slot::Wrong(record::Kind::Text));
        assert_eq!(acc.company_name.as_str(), "true");
    }

    /// The rows and cells as the csv crate reads the whole input, for comparison.
    fn csv_crate(input: &[u8]) -> Vec<Vec<Vec<u8>>> {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_reader(input);
        rdr.byte_records().map(|r| r.unwrap().iter().map(<[u8]>::to_vec).collect()).collect()
    }

    /// The rows and cells as [`Scan`] cuts them and [`each_row`] reads them (blank rows left out, as csv does): read
    /// as one batch, and each row on its own (which differs from csv's records unless the rows end where csv's do).
    fn ours(input: &[u8]) -> Vec<Vec<Vec<u8>>> {
        let (mut start, mut rows) = (0, Vec::new());
        while start < input.len() {
            let mut scan = Scan::CellStart;
            let end = scan.find_end(&input[start..]).map_or(input.len(), |end| start + end);
            rows.push(Row { line: 1, bytes: start..end });
            start = end + 1;
        }
        let mut batch = Vec::new();
        each_row(input, &rows, |row, cells| {
            if !row.bytes.is_empty() {
                batch.push(cells.iter().map(<[u8]>::to_vec).collect::<Vec<_>>());
            }
        });
        let one_by_one: Vec<Vec<Vec<u8>>> = rows
            .iter()
            .filter(|row| !row.bytes.is_empty())
            .map(|row| cells(&input[row.bytes.clone()]).iter().map(<[u8]>::to_vec).collect())
            .collect();
        assert_eq!(batch, one_by_one, "{:?}", String::from_utf8_lossy(input));
        batch
    }

    #[test]
    fn rows_end_where_the_csv_crate_ends_them() {
        let cases: [&[u8]; 9] = [
            b"a,b\nc,d\n",
            b"\"a\nb\",c\nd\n",
            b"\"a\"\"b\",\"\"\"\"\n\"x\"y,z\n",
            b"a\"b,c\"\nd,e\n",
            b"\"\"\n\"\"\"\n\"\n,\n",
            b"\"open\nnever closed",
            b"a,\"b\"\r\nc,d\r\n",
            b",,\n,\"\",\n",
            b"x\"\n\"y\"\n",
        ];
        for input in cases {
            assert_eq!(ours(input), csv_crate(input), "{:?}", String::from_utf8_lossy(input));
        }
    }

    #[test]
    fn rows_end_where_the_csv_crate_ends_them_on_random_inputs() {
        // A fixed linear congruential sequence: the same 5,000 inputs on every run.
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move || {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        let alphabet = [b'a', b',', b'"', b'\n', b'\r', b' '];
        for _ in 0..5000 {
            let len = next() % 24;
            let input: Vec<u8> = (0..len).map(|_| alphabet[next() % alphabet.len()]).collect();
            assert_eq!(ours(&input), csv_crate(&input), "{:?}", String::from_utf8_lossy(&input));
        }
    }

    #[test]
    fn a_stray_quote_is_one_error_in_bounded_memory() {
        // Row 3 opens a quote that never closes: with a row limit of 64 bytes, it is one error; reading goes on after
        // the line end that follows the limit (line 3 has 14 bytes and the next ones 12 each: the 65th byte is on
        // line 8).
        let mut csv = String::from("account.companyName,account.email\nA,a@b.co\n\"Stray,c@d.co\n");
        for i in 0..20 {
            csv.push_str(&format!("Co{i},e{i}@f.co\n"));
        }
        let (mut src, _) = CsvSource::with_limits(csv.as_bytes(), 16, 64).unwrap();
        let mut out = Vec::new();
        while let Some(b) = src.next_batch().unwrap() {
            b.items(|line, item| out.push((line, item)));
        }
        assert_eq!(out[0].0, 2);
        assert_eq!(record(&out[0].1).account.value().unwrap().company_name.as_str(), "A");
        let Item::Rejected(r) = &out[1].1 else { panic!("{:?}", out[1]) };
        assert_eq!((out[1].0, r.errors[0].code), (3, "request.not_json"));
        let message = &r.errors[0].message;
        assert!(message.contains("lines 3 to 8 were skipped"), "{message}");
        // Then the rows after line 8, each where it starts.
        let rest: Vec<u64> = out[2..].iter().map(|(l, _)| *l).collect();
        assert_eq!(rest, (9..=23).collect::<Vec<_>>());
        assert!(out[2..].iter().all(|(_, i)| matches!(i, Item::Parsed(_))));
        assert!(matches!(CsvSource::with_limits(&b"account.email,x\n"[..], 4, 8), Err(HeaderError::TooLong)));
    }

    #[test]
    fn bad_headers() {
        assert!(matches!(CsvSource::open(&b""[..]), Err(HeaderError::Missing)));
        assert!(matches!(CsvSource::open(&b"a,b\n1,2\n"[..]), Err(HeaderError::NoField)));
        assert!(matches!(CsvSource::open(&b"cspModel,cspModel\n"[..]), Err(HeaderError::Duplicate { .. })));
        assert!(matches!(CsvSource::open(&b"cspModel,\xff\n"[..]), Err(HeaderError::NotUtf8 { number: 2 })));
    }
}
