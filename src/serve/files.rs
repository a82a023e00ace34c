//! The browser host's files: `/web/pkg/*` and `/web/static/*` of the root, plain names only. Each answer carries a
//! weak `ETag` (the file's length and modification time) and `Cache-Control: no-cache`: a browser keeps the module and
//! asks again on each load, and a `304 Not Modified` answers when it has not changed (the names carry no content
//! hash, so a rebuilt module must not be served stale). The router compresses these answers (gzip or brotli, as the
//! browser accepts; `routes`).

use crate::serve::app::App;
use crate::serve::problem::Answer;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, Response, StatusCode};
use axum::response::IntoResponse;
use std::sync::Arc;
use std::time::UNIX_EPOCH;

/// `/web/pkg/{path}`.
pub async fn pkg(State(app): State<Arc<App>>, Path(path): Path<String>, headers: HeaderMap) -> Response<Body> {
    file(&app, "pkg", &path, &headers).await
}

/// `/web/static/{path}`.
pub async fn static_file(State(app): State<Arc<App>>, Path(path): Path<String>, headers: HeaderMap) -> Response<Body> {
    file(&app, "static", &path, &headers).await
}

fn not_found() -> Response<Body> {
    Answer::simple(404, "not_found", "Not found", "").into_response()
}

/// A file under `web/{dir}/` of the root: plain names only (no `..`, no hidden files, no odd characters).
async fn file(app: &App, dir: &str, path: &str, headers: &HeaderMap) -> Response<Body> {
    let plain = |seg: &str| {
        !seg.is_empty()
            && !seg.starts_with('.')
            && seg.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
    };
    let Some(ct) = content_type(path) else {
        return not_found();
    };
    if path.len() > 200 || !path.split('/').all(plain) {
        return not_found();
    }
    let full = app.root.join("web").join(dir).join(path);
    let Ok(meta) = tokio::fs::metadata(&full).await else {
        return not_found();
    };
    if !meta.is_file() {
        return not_found();
    }
    let modified = meta.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).unwrap_or_default();
    let etag = format!("W/\"{:x}-{:x}\"", meta.len(), modified.as_nanos());
    let etag = HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("W/\"0\""));
    let cache = (header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if headers.get(header::IF_NONE_MATCH).is_some_and(|v| matches(v, &etag)) {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag), cache]).into_response();
    }
    match tokio::fs::read(&full).await {
        Ok(bytes) => {
            (StatusCode::OK, [(header::CONTENT_TYPE, HeaderValue::from_static(ct)), (header::ETAG, etag), cache], bytes)
                .into_response()
        }
        Err(_) => not_found(),
    }
}

/// `If-None-Match` (a list, or `*`) against an entity tag, compared weakly (RFC 9110, 13.1.2).
fn matches(header: &HeaderValue, etag: &HeaderValue) -> bool {
    let Ok(list) = header.to_str() else { return false };
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    let mine = bare(etag.to_str().unwrap_or(""));
    list.split(',').any(|t| t.trim() == "*" || bare(t) == mine)
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
    fn content_types() {
        assert_eq!(content_type("a.wasm"), Some("application/wasm"));
        assert_eq!(content_type("a.js"), Some("text/javascript; charset=utf-8"));
        assert_eq!(content_type("Cargo.toml"), None);
        assert_eq!(content_type("noext"), None);
    }

    #[test]
    fn if_none_match() {
        let tag = HeaderValue::from_static("W/\"1f-2a\"");
        assert!(matches(&HeaderValue::from_static("W/\"1f-2a\""), &tag));
        assert!(matches(&HeaderValue::from_static("\"x\", \"1f-2a\""), &tag));
        assert!(matches(&HeaderValue::from_static("*"), &tag));
        assert!(!matches(&HeaderValue::from_static("W/\"1f-2b\""), &tag));
    }
}
