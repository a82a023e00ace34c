//! The output: one JSON object per record and line (JSON Lines), the core's result with a leading `"line"`.
//!
//! ```json
//! {"line":3,"valid":false,"domainForm":"prefix","linksExistingTenant":false,"errors":[…],"warnings":[…],"normalized":{…}}
//! ```

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

#[cfg(test)]
mod tests {
    use super::*;

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
