//! The router: the page, the host's files, the API, the test hooks (with `--test-hooks` only), and the headers every
//! answer carries. Errors made by the router itself (unknown path, wrong method) become problem details too.

use crate::serve::page::Values;
use crate::serve::problem::{code_for, Answer, PROBLEM_JSON};
use crate::serve::{api, App, SYSTEM_CODE};
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Path, RawQuery, State};
use axum::http::{header, HeaderValue, Response, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use std::sync::Arc;

/// The largest request body (the record is far smaller).
pub const MAX_BODY: usize = 64 * 1024;
/// The account of `/` without `?account=`.
pub const DEFAULT_ACCOUNT: i64 = 1001;

/// Reads an account id: 1 to 18 decimal digits.
pub fn parse_account(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 18 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// The whole application.
pub fn router(app: Arc<App>) -> Router {
    let mut r = Router::new()
        .route("/", get(index))
        .route("/web/pkg/{*path}", get(pkg_file))
        .route("/web/static/{*path}", get(static_file))
        .route("/api/Accounts/{account}/syncoptions/{system}", get(api::get_sync_options).put(api::put_sync_options))
        .route("/api/domains/{domain}", get(api::head_domain));
    if app.faults.is_some() {
        r = r.route("/__test/faults", post(api::set_faults)).route("/__test/accounts", get(api::list_accounts));
    }
    r.fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::map_response(finish))
        .with_state(app)
}

async fn not_found() -> Answer {
    Answer::simple(404, "not_found", "Not found", "")
}

/// Headers of every answer; plain error answers become problem details.
async fn finish(res: Response<Body>) -> Response<Body> {
    let (mut parts, body) = res.into_parts();
    let is_problem = parts.headers.get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes() == PROBLEM_JSON.as_bytes());
    let is_error = parts.status.is_client_error() || parts.status.is_server_error();
    let body = if is_error && !is_problem {
        let a = Answer::simple(
            parts.status.as_u16(),
            code_for(parts.status),
            parts.status.canonical_reason().unwrap_or("Error"),
            "",
        );
        parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        parts.headers.remove(header::CONTENT_LENGTH);
        Body::from(a.body)
    } else {
        body
    };
    let h = &mut parts.headers;
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    Response::from_parts(parts, body)
}

/// `/` and `/?account=N`: the page with the account's configuration.
async fn index(State(app): State<Arc<App>>, RawQuery(query): RawQuery) -> Response<Body> {
    let mut account = DEFAULT_ACCOUNT;
    for pair in query.as_deref().unwrap_or("").split('&') {
        if let Some(("account", v)) = pair.split_once('=') {
            match parse_account(v) {
                Some(id) => account = id,
                None => {
                    return Answer::simple(
                        400,
                        "invalid_account_id",
                        "Invalid account id",
                        "?account= takes a number (decimal digits).",
                    )
                    .into_response()
                }
            }
        }
    }
    let p = app.settings.partner(account);
    let id = account.to_string();
    let reseller = p.reseller_address_json();
    let markets = p.markets_json();
    let html = app.page.render(&Values {
        attributes: [
            "",
            &id,
            SYSTEM_CODE,
            &p.csp_model,
            &p.partner_domain,
            &reseller,
            &markets,
            p.domain_suffix.as_deref().unwrap_or(""),
        ],
        csrf: &app.csrf,
    });
    let csp = HeaderValue::from_str(&app.page.csp).unwrap_or(HeaderValue::from_static("default-src 'none'"));
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8")),
            (header::CONTENT_SECURITY_POLICY, csp),
        ],
        html,
    )
        .into_response()
}

async fn pkg_file(State(app): State<Arc<App>>, Path(path): Path<String>) -> Response<Body> {
    file(&app, "pkg", &path).await
}

async fn static_file(State(app): State<Arc<App>>, Path(path): Path<String>) -> Response<Body> {
    file(&app, "static", &path).await
}

/// A file under `web/{dir}/` of the root: plain names only (no `..`, no hidden files, no odd characters).
async fn file(app: &App, dir: &str, path: &str) -> Response<Body> {
    let plain = |seg: &str| {
        !seg.is_empty()
            && !seg.starts_with('.')
            && seg.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
    };
    let Some(ct) = content_type(path) else {
        return not_found().await.into_response();
    };
    if path.len() > 200 || !path.split('/').all(plain) {
        return not_found().await.into_response();
    }
    let full = app.root.join("web").join(dir).join(path);
    match tokio::fs::read(&full).await {
        Ok(bytes) => (
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, HeaderValue::from_static(ct)),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            ],
            bytes,
        )
            .into_response(),
        Err(_) => not_found().await.into_response(),
    }
}

/// The content type of a served file by its extension; `None` = not served.
pub fn content_type(path: &str) -> Option<&'static str> {
    let ext = path.rsplit_once('.')?.1;
    Some(match ext {
        "wasm" => "application/wasm",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_ids() {
        assert_eq!(parse_account("1001"), Some(1001));
        assert_eq!(parse_account(""), None);
        assert_eq!(parse_account("-1"), None);
        assert_eq!(parse_account("1e3"), None);
        assert_eq!(parse_account("1234567890123456789"), None);
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("a.wasm"), Some("application/wasm"));
        assert_eq!(content_type("a.js"), Some("text/javascript; charset=utf-8"));
        assert_eq!(content_type("Cargo.toml"), None);
        assert_eq!(content_type("noext"), None);
    }
}
