//! `--summary`: totals and counts per code, printed on stderr at the end of a run, as text or (`--summary-format
//! json`) as one JSON object:
//!
//! ```json
//! {"records":3,"valid":1,"invalid":2,"errors":{"email.no_domain":2},"warnings":{},"ignoredColumns":["crmId"]}
//! ```

use super::texts::{self, count, Words};
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use tenantcheck_core::validate::Report;
use tenantcheck_core::Params;

/// Counts over some records. Each worker fills one per batch; the writer adds them up.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally {
    pub records: u64,
    pub valid: u64,
    /// Errors per code (one record may count several times).
    pub errors: HashMap<&'static str, u64>,
    /// Warnings per code.
    pub warnings: HashMap<&'static str, u64>,
}

impl Tally {
    /// Counts one result.
    pub fn add(&mut self, report: &Report) {
        self.records += 1;
        self.valid += u64::from(report.valid);
        for e in &report.errors {
            *self.errors.entry(e.code).or_default() += 1;
        }
        for w in &report.warnings {
            *self.warnings.entry(w.code).or_default() += 1;
        }
    }

    /// Adds another tally's counts.
    pub fn merge(&mut self, other: Tally) {
        self.records += other.records;
        self.valid += other.valid;
        for (code, n) in other.errors {
            *self.errors.entry(code).or_default() += n;
        }
        for (code, n) in other.warnings {
            *self.warnings.entry(code).or_default() += n;
        }
    }

    pub fn invalid(&self) -> u64 {
        self.records - self.valid
    }

    /// The summary as one JSON object (codes in order), without a line end.
    pub fn to_json(&self, ignored_columns: &[String]) -> Vec<u8> {
        let sorted =
            |counts: &HashMap<&'static str, u64>| counts.iter().map(|(c, n)| (*c, *n)).collect::<BTreeMap<_, _>>();
        let summary = serde_json::json!({
            "records": self.records,
            "valid": self.valid,
            "invalid": self.invalid(),
            "errors": sorted(&self.errors),
            "warnings": sorted(&self.warnings),
            "ignoredColumns": ignored_columns,
        });
        summary.to_string().into_bytes()
    }

    /// The counts in words: "3 records: 1 valid, 2 invalid."
    pub fn counts(&self, words: &Words) -> String {
        let params = Params::default()
            .with("records", count(self.records))
            .with("valid", count(self.valid))
            .with("invalid", count(self.invalid()));
        words.say(texts::COUNTS, &params)
    }

    /// Writes the summary in the language of `words`: the counts, then codes by count (most first) under their
    /// headings, then the CSV columns that were ignored.
    pub fn print(&self, out: &mut impl Write, ignored_columns: &[String], words: &Words) -> io::Result<()> {
        writeln!(out, "{}", self.counts(words))?;
        for (title, counts) in [(texts::SUMMARY_ERRORS, &self.errors), (texts::SUMMARY_WARNINGS, &self.warnings)] {
            if counts.is_empty() {
                continue;
            }
            writeln!(out, "{}", words.word(title))?;
            let mut rows: Vec<_> = counts.iter().collect();
            rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let width = rows.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
            for (code, n) in rows {
                writeln!(out, "  {code:<width$}  {n}")?;
            }
        }
        if !ignored_columns.is_empty() {
            let params = Params::default().with("count", ignored_columns.len()).with("columns", ignored_columns);
            writeln!(out, "{}", crate::exit::escape_controls(&words.say(texts::SUMMARY_IGNORED, &params)))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_prints() {
        let mut a = Tally::default();
        a.add(&Report::not_json("x".into(), 1, 1));
        let mut b = Tally::default();
        b.add(&Report::not_json("y".into(), 2, 1));
        a.merge(b);
        assert_eq!((a.records, a.valid, a.invalid()), (2, 0, 2));
        let mut out = Vec::new();
        a.print(&mut out, &["crmId".to_owned()], &Words::english()).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "2 records: 0 valid, 2 invalid.\nErrors by code:\n  request.not_json  2\nIgnored column: crmId\n"
        );
        let json: serde_json::Value = serde_json::from_slice(&a.to_json(&["crmId".to_owned()])).unwrap();
        let want = serde_json::json!({"records": 2, "valid": 0, "invalid": 2, "errors": {"request.not_json": 2},
            "warnings": {}, "ignoredColumns": ["crmId"]});
        assert_eq!(json, want);
    }
}
