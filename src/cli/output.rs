//! The output: one JSON object per record and line (JSON Lines), the core's result with a leading `"line"`.
//!
//! ```json
//! {"line":3,"valid":false,"domainForm":"prefix","linksExistingTenant":false,"errors":[…],"warnings":[…],"normalized":{…}}
//! ```

use std::borrow::Cow;
use std::io::Write;
use tenantcheck_core::validate::Report;

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
