//! Answers of the API: a status, a content type and a body, storable as they are under an idempotency key. Every
//! error is `application/problem+json` (RFC 9457) with a `code` member (`api.md`).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Map, Value};

/// The media type of problem details.
pub const PROBLEM_JSON: &str = "application/problem+json";
/// The media type of other JSON answers.
pub const JSON: &str = "application/json";

/// One complete answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub content_type: String,
    pub body: String,
}

impl Answer {
    /// A JSON answer.
    pub fn json(status: u16, body: &Value) -> Answer {
        Answer { status, content_type: JSON.into(), body: body.to_string() }
    }

    /// A problem: `type` `about:blank`, the title, the status, the code, a detail, and extra members.
    pub fn problem(status: u16, code: &str, title: &str, detail: &str, extra: Map<String, Value>) -> Answer {
        let mut body = json!({"type": "about:blank", "title": title, "status": status, "code": code});
        if let Value::Object(m) = &mut body {
            if !detail.is_empty() {
                m.insert("detail".into(), Value::String(detail.into()));
            }
            m.extend(extra);
        }
        Answer { status, content_type: PROBLEM_JSON.into(), body: body.to_string() }
    }

    /// A problem without extra members.
    pub fn simple(status: u16, code: &str, title: &str, detail: &str) -> Answer {
        Answer::problem(status, code, title, detail, Map::new())
    }

    /// The 500 of a failure inside the stand-in (a panic, a broken invariant): no detail, the cause is on stderr.
    pub fn server_error() -> Answer {
        Answer::simple(500, "server_error", "Internal error", "")
    }
}

impl IntoResponse for Answer {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let ct = HeaderValue::from_str(&self.content_type).unwrap_or(HeaderValue::from_static(JSON));
        (status, [(header::CONTENT_TYPE, ct)], self.body).into_response()
    }
}

/// The code of a plain error status, for answers made by the router rather than by a handler.
pub fn code_for(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "bad_request",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        408 => "request_timeout",
        413 => "body_too_large",
        415 => "unsupported_media_type",
        503 => "request_timeout",
        _ if status.is_server_error() => "server_error",
        _ => "error",
    }
}
