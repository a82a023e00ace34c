//! Who may ask: every request must name this server in `Host` (`127.0.0.1` or `localhost` with the served port), so
//! a page on another name that DNS rebinding points here cannot read the page's CSRF token; a request that changes
//! something (any method but `GET`, `HEAD`, `OPTIONS`) must come from this origin when a browser says where it comes
//! from (`Origin`, `Sec-Fetch-Site`), and carry the page's CSRF token ([`csrf`]; the `PUT`s and the test hooks).

use crate::serve::app::App;
use crate::serve::problem::Answer;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// The CSRF request header.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The middleware: refuses a foreign `Host` (403 `host_not_allowed`) and a cross-origin change (403
/// `origin_not_allowed`) before any handler runs.
pub async fn same_origin(State(app): State<Arc<App>>, req: Request<Body>, next: Next) -> Response {
    match check(&app, req.method(), req.headers()) {
        Ok(()) => next.run(req).await,
        Err(a) => {
            // The request's body is not read: the connection cannot carry another request, so say so, or a client
            // would send its next request on a connection the server closes.
            let mut res = a.into_response();
            res.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
            res
        }
    }
}

fn check(app: &App, method: &Method, headers: &HeaderMap) -> Result<(), Answer> {
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    if !host.is_some_and(|h| app.is_own_host(h)) {
        return Err(Answer::simple(
            403,
            "host_not_allowed",
            "Unknown host",
            "This server answers to 127.0.0.1 and localhost with its port only.",
        ));
    }
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return Ok(());
    }
    let origin_ok = match headers.get(header::ORIGIN) {
        None => true,
        Some(v) => v.to_str().is_ok_and(|o| app.is_own_origin(o)),
    };
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()).unwrap_or("same-origin");
    if !origin_ok || !matches!(fetch_site, "same-origin" | "none") {
        return Err(Answer::simple(
            403,
            "origin_not_allowed",
            "Cross-origin request refused",
            "Changes are accepted from this server's own pages only.",
        ));
    }
    Ok(())
}

/// The CSRF check of a request that changes something: `X-CSRF-Token` must be this start's token (in the page's
/// `<meta name="csrf-token">`). A token of an earlier start (the server restarted) is refused the same way, with the
/// code `csrf_token_invalid`, on which the browser host reads the page's token again and retries once (`api.md`).
pub fn csrf(app: &App, headers: &HeaderMap) -> Result<(), Answer> {
    let token = headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok());
    if token.is_some_and(|t| constant_time_eq(t.as_bytes(), app.csrf.as_bytes())) {
        return Ok(());
    }
    Err(Answer::simple(
        403,
        "csrf_token_invalid",
        "Missing or stale CSRF token",
        "Send the token of the page's <meta name=\"csrf-token\"> as X-CSRF-Token; load the page again for a fresh one.",
    ))
}

/// Compares without stopping at the first difference.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
