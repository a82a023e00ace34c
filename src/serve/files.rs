//! The browser host's files: `/web/pkg/*` and `/web/static/*` of the root, and the message catalogs it fetches for a
//! page in another language, `/catalogs/*` (`core/catalogs/`), plain names only. Each answer carries a
//! weak `ETag` (the file's length and modification time) and `Cache-Control: no-cache`: a browser keeps the module and
//! asks again on each load, and a `304 Not Modified` answers when it has not changed (the names carry no content
//! hash, so a rebuilt module must not be served stale). Compressed as the browser accepts (`Accept-Encoding`): from a
//! precompressed copy beside the file when one is there and not older than it (`name.br`, brotli quality 11, then
//! `name.gz`; `scripts/build-web.sh` writes them: brotli 11 takes about a second for the module, too slow for each
//! request), else by the router's `CompressionLayer` (`routes`), on the fly. Each representation has its own `ETag`.

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
    file(&app, "web/pkg", &path, &headers).await
}

/// `/web/static/{path}`.
pub async fn static_file(State(app): State<Arc<App>>, Path(path): Path<String>, headers: HeaderMap) -> Response<Body> {
    file(&app, "web/static", &path, &headers).await
}

/// `/catalogs/{path}`: `core/catalogs/<locale>.json` (`docs/web-host.md`, "Locale").
pub async fn catalog(State(app): State<Arc<App>>, Path(path): Path<String>, headers: HeaderMap) -> Response<Body> {
    file(&app, "core/catalogs", &path, &headers).await
}

fn not_found() -> Response<Body> {
    Answer::simple(404, "not_found", "Not found", "").into_response()
}

/// A file under `{dir}/` of the root: plain names only (no `..`, no hidden files, no odd characters).
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
    let full = app.root.join(dir).join(path);
    let Ok(meta) = tokio::fs::metadata(&full).await else {
        return not_found();
    };
    if !meta.is_file() {
        return not_found();
    }
    let modified = meta.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).unwrap_or_default();
    let (full, coding) = match precompressed(&full, &meta, headers).await {
        Some((path, coding)) => (path, Some(coding)),
        None => (full, None),
    };
    let tag = format!(
        "W/\"{:x}-{:x}{}\"",
        meta.len(),
        modified.as_nanos(),
        coding.map_or(String::new(), |c| format!("-{c}"))
    );
    let etag = HeaderValue::from_str(&tag).unwrap_or(HeaderValue::from_static("W/\"0\""));
    let mut answer = HeaderMap::new();
    answer.insert(header::ETAG, etag.clone());
    answer.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Some(c) = coding {
        answer.insert(header::CONTENT_ENCODING, HeaderValue::from_static(c));
        answer.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if headers.get(header::IF_NONE_MATCH).is_some_and(|v| matches(v, &etag)) {
        return (StatusCode::NOT_MODIFIED, answer).into_response();
    }
    match tokio::fs::read(&full).await {
        Ok(bytes) => {
            answer.insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
            (StatusCode::OK, answer, bytes).into_response()
        }
        Err(_) => not_found(),
    }
}

/// The precompressed copy of a file to send, and its coding: `name.br`, then `name.gz`, when the request accepts that
/// coding and the copy is a file not older than the original (a rebuilt module is never answered by a stale copy).
async fn precompressed(
    full: &std::path::Path,
    meta: &std::fs::Metadata,
    headers: &HeaderMap,
) -> Option<(std::path::PathBuf, &'static str)> {
    for (coding, ext) in [("br", "br"), ("gzip", "gz")] {
        if !accepts(headers, coding) {
            continue;
        }
        let mut name = full.as_os_str().to_owned();
        name.push(".");
        name.push(ext);
        let path = std::path::PathBuf::from(name);
        let Ok(copy) = tokio::fs::metadata(&path).await else { continue };
        let fresh = matches!((copy.modified(), meta.modified()), (Ok(c), Ok(m)) if c >= m);
        if copy.is_file() && fresh {
            return Some((path, coding));
        }
    }
    None
}

/// Whether `Accept-Encoding` accepts a content coding by name (RFC 9110, 12.5.3): listed with a weight above 0, or
/// covered by `*` with one. A coding listed with `q=0` is refused even when `*` is there.
fn accepts(headers: &HeaderMap, coding: &str) -> bool {
    let mut star = false;
    for item in
        headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(','))
    {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or("").trim();
        let weight = parts
            .find_map(|p| p.trim().strip_prefix("q=").or_else(|| p.trim().strip_prefix("Q=")))
            .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
            .unwrap_or(0.0);
        if name.eq_ignore_ascii_case(coding) {
            return weight > 0.0;
        }
        if name == "*" {
            star = weight > 0.0;
        }
    }
    star
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
    fn accept_encoding() {
        let with = |v: &'static str| {
            let mut h = HeaderMap::new();
            h.insert(header::ACCEPT_ENCODING, HeaderValue::from_static(v));
            h
        };
        assert!(accepts(&with("gzip, deflate, br, zstd"), "br"));
        assert!(accepts(&with("gzip;q=1.0, br;q=0.5"), "br"));
        assert!(!accepts(&with("gzip, br;q=0"), "br"));
        assert!(!accepts(&with("br;q=0, *"), "br"));
        assert!(accepts(&with("*"), "gzip"));
        assert!(!accepts(&with("identity"), "gzip"));
        assert!(!accepts(&HeaderMap::new(), "gzip"));
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
