//! The output: one JSON object per record and line (JSON Lines), the core's result with a leading `"line"` (and the
//! record's `"id"`, when it has one):
//!
//! ```json
//! {"line":3,"id":"C-017","valid":false,"domainForm":"prefix","linksExistingTenant":false,"errors":[…],"warnings":[…],"normalized":{…}}
//! ```
//!
//! or, for a person at a terminal, a readable report: one line per invalid record, then the counts
//! ([`write_human`], [`write_counts`]):
//!
//! ```text
//! C-017 (line 3): account.email: "it@contoso" has no domain after the @.
//! line 9: This is not JSON: expected value.
//! 10 records: 8 valid, 2 invalid.
//! ```

use super::summary::Tally;
use super::texts::{self, Words};
use crate::exit::escape_controls;
use std::borrow::Cow;
use std::io::Write;
use tenantcheck_core::record::Id;
use tenantcheck_core::validate::Report;
use tenantcheck_core::Params;

/// Appends the result of the record on `line` to `buf`, with a line end.
pub fn write_result(buf: &mut Vec<u8>, line: u64, report: &Report) {
    let start = buf.len();
    buf.extend_from_slice(b"{\"line\":");
    let _ = write!(buf, "{line}");
    let at = buf.len();
    // The report is an object: its opening brace becomes the comma after "line".
    let ok = serde_json::to_writer(&mut *buf, report).is_ok();
    match buf.get_mut(at) {
        Some(brace @ b'{') if ok => *brace = b',',
        _ => {
            // Not reachable (a report always serializes to an object); keep the output one object per line anyway.
            buf.truncate(start);
            let fallback = serde_json::json!({ "line": line, "valid": false, "errors": [
                { "field": "", "code": "internal", "message": "The result could not be written." } ] });
            buf.extend_from_slice(fallback.to_string().as_bytes());
        }
    }
    buf.push(b'\n');
}

/// Appends the readable report's line for an invalid record, in the language of `words`: its ID (or its line) and
/// each error's field and message, with the characters a terminal would act on escaped ([`escape_controls`]: a
/// message may quote the record, and a line end in it would break the one line per record). Nothing for a valid
/// record.
pub fn write_human(buf: &mut Vec<u8>, line: u64, report: &Report, words: &Words) {
    if report.valid {
        return;
    }
    let mut issues = String::new();
    for (i, issue) in report.errors.iter().enumerate() {
        if i > 0 {
            issues.push_str(&words.word(texts::REPORT_SEPARATOR));
        }
        if issue.field.is_empty() {
            issues.push_str(&issue.message);
        } else {
            let params = Params::default().with("field", issue.field.as_ref()).with("message", &issue.message);
            issues.push_str(&words.say(texts::REPORT_ISSUE, &params));
        }
    }
    let params = Params::default().with("line", texts::count(line)).with("issues", issues);
    let text = match &report.id {
        Id::Text(id) if !id.is_empty() => words.say(texts::REPORT_RECORD, &params.with("id", id)),
        Id::Int(id) => words.say(texts::REPORT_RECORD, &params.with("id", id.to_string())),
        _ => words.say(texts::REPORT_LINE, &params),
    };
    buf.extend_from_slice(escape_controls(&text).as_bytes());
    buf.push(b'\n');
}

/// Writes the readable report's last line: the counts.
pub fn write_counts(out: &mut impl Write, total: &Tally, words: &Words) -> std::io::Result<()> {
    writeln!(out, "{}", total.counts(words))
}

/// JSON Lines for a terminal: serde_json escapes the C0 controls in strings, but writes DEL, the C1 controls (U+0080
/// to U+009F; U+009B is a one-character CSI) and the bidirectional overrides and isolates (U+202A to U+202E, U+2066 to
/// U+2069) as they are. Each becomes a `\uXXXX` escape, so the output is the same JSON and a terminal shows, rather
/// than obeys, what a record holds ([`crate::exit::is_terminal_control`]). Outside strings, JSON output holds ASCII
/// only, so every match is inside a string.
pub fn escape_for_terminal(json: &[u8]) -> Cow<'_, [u8]> {
    // The line ends are JSON Lines' own; every other control in the output is inside a string.
    let escaped = |c: char| crate::exit::is_terminal_control(c) && c != '\n';
    if json.utf8_chunks().all(|chunk| !chunk.valid().chars().any(escaped)) {
        return Cow::Borrowed(json);
    }
    let mut out = Vec::with_capacity(json.len() + 64);
    for chunk in json.utf8_chunks() {
        for c in chunk.valid().chars() {
            if escaped(c) {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            } else {
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            }
        }
        out.extend_from_slice(chunk.invalid());
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_output_escapes_what_a_terminal_acts_on() {
        let json = "{\"a\":\"x\u{7f}\u{9b}2J\u{202e}é€\"}\n";
        let out = escape_for_terminal(json.as_bytes());
        let text = std::str::from_utf8(&out).unwrap();
        assert_eq!(text, "{\"a\":\"x\\u007f\\u009b2J\\u202eé€\"}\n");
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(v["a"], "x\u{7f}\u{9b}2J\u{202e}é€", "the same JSON");
        assert!(matches!(escape_for_terminal(b"{\"plain\":1}"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_human_report_has_one_line_per_invalid_record() {
        let validator = tenantcheck_core::validate::Validator::new();
        let words = Words::english();
        let mut buf = Vec::new();
        let record = r#"{"id":"C-1","account":{"email":"x\ny"},"bad\u001b":1}"#;
        write_human(&mut buf, 7, &validator.validate_json(record), &words);
        write_human(&mut buf, 8, &validator.validate_json(r#"{"id":42}"#), &words);
        write_human(&mut buf, 9, &Report::not_json("oops".into(), 9, 1), &words);
        let text = String::from_utf8(buf).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[0].starts_with("C-1 (line 7): "), "{text}");
        assert!(lines[0].contains("\"bad\\u{1b}\" is not a field of the record."), "{text}");
        assert!(lines[1].starts_with("42 (line 8): cspModel: "), "{text}");
        assert_eq!(lines[2], "line 9: This is not JSON: oops.");
        let mut valid = Vec::new();
        write_human(
            &mut valid,
            1,
            &Report { valid: true, errors: Vec::new(), ..Report::not_json(String::new(), 1, 1) },
            &words,
        );
        assert!(valid.is_empty());
        let mut counts = Vec::new();
        write_counts(&mut counts, &Tally { records: 3, valid: 1, ..Tally::default() }, &words).unwrap();
        write_counts(&mut counts, &Tally { records: 1, valid: 0, ..Tally::default() }, &words).unwrap();
        assert_eq!(counts, b"3 records: 1 valid, 2 invalid.\n1 record: 0 valid, 1 invalid.\n");
    }

    #[test]
    fn line_leads_the_report() {
        let mut buf = b"x\n".to_vec();
        write_result(&mut buf, 12, &Report::not_json("oops".into(), 12, 3));
        let text = String::from_utf8(buf).unwrap();
        let (first, rest) = text.split_once('\n').unwrap();
        assert_eq!(first, "x");
        assert!(rest.starts_with("{\"line\":12,\"valid\":false,"), "{rest}");
        assert!(rest.ends_with("}\n"));
        let v: serde_json::Value = serde_json::from_str(rest).unwrap();
        assert_eq!(v["errors"][0]["code"], "request.not_json");
        assert_eq!(v["normalized"], serde_json::Value::Null);
    }
}
