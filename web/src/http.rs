//! The HTTP client of the host: `fetch` with a timeout (an `AbortController` aborts the request and the reading of
//! its body), `redirect: "manual"` (a redirect is an answer, never followed: a login page behind it cannot pass
//! for success), and the classification of `api.md`'s answers (`submission::Answer::classify`).

use crate::config::CSRF_HEADER;
use crate::submission::{retry_after_seconds, Answer, Submission};
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Request, RequestInit, RequestRedirect, Response};

/// A completed exchange: the status (0 for a redirect not followed), the content type, the body, `Retry-After`.
pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub body: String,
    pub retry_after_ms: Option<u32>,
}

/// Whether the browser is online (`navigator.onLine`; true without a window).
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// One request with a timeout: `None` when it did not complete (unreachable, aborted by the timeout, offline).
pub async fn fetch(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
    timeout_ms: u32,
) -> Option<Reply> {
    let window = web_sys::window()?;
    let controller = AbortController::new().ok()?;
    let init = RequestInit::new();
    init.set_method(method);
    if let Some(b) = body {
        init.set_body(&b.into());
    }
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    init.set_redirect(RequestRedirect::Manual);
    init.set_signal(Some(&controller.signal()));
    let request = Request::new_with_str_and_init(url, &init).ok()?;
    for (name, value) in headers {
        let _ = request.headers().set(name, value);
    }
    // Dropping the timer cancels it: it covers the request and the body.
    let abort = controller.clone();
    let _timer = Timeout::new(timeout_ms, move || abort.abort());
    let response: Response = JsFuture::from(window.fetch_with_request(&request)).await.ok()?.dyn_into().ok()?;
    let header = |name: &str| response.headers().get(name).ok().flatten();
    let content_type = header("Content-Type").unwrap_or_default();
    let retry_after_ms = header("Retry-After").and_then(|v| parse_retry_after(&v));
    let body = match response.text() {
        Ok(p) => JsFuture::from(p).await.ok()?.as_string().unwrap_or_default(),
        Err(_) => String::new(),
    };
    Some(Reply { status: response.status(), content_type, body, retry_after_ms })
}

/// Sends one submission and classifies the answer.
pub async fn put(s: &Submission, csrf: Option<&str>, timeout_ms: u32) -> Answer {
    if !online() {
        return Answer::NetworkFailure { online: false };
    }
    let mut headers = vec![
        ("Content-Type", "application/json"),
        ("Accept", "application/json, application/problem+json"),
        ("Idempotency-Key", s.key.as_str()),
    ];
    if let Some(token) = csrf {
        headers.push((CSRF_HEADER, token));
    }
    match fetch("PUT", &s.request_url(), &headers, Some(&s.body), timeout_ms).await {
        Some(r) => Answer::classify(r.status, &r.content_type, &r.body, r.retry_after_ms, &s.account()),
        None => Answer::NetworkFailure { online: online() },
    }
}

/// `HEAD` of a URL: the status, or `None` when the request failed or timed out.
pub async fn head(url: &str, timeout_ms: u32) -> Option<u16> {
    fetch("HEAD", url, &[], None, timeout_ms).await.map(|r| r.status)
}

/// The page at `url` read again, and the `content` of its `<meta name="{meta}">` (parsed with `DOMParser`, which
/// runs no script): a fresh CSRF token after the server restarted or the session changed (`api.md`, 403).
pub async fn fresh_token(url: &str, meta: &str, timeout_ms: u32) -> Option<String> {
    let reply = fetch("GET", url, &[("Accept", "text/html")], None, timeout_ms).await?;
    if !(200..300).contains(&reply.status) {
        return None;
    }
    let parser = web_sys::DomParser::new().ok()?;
    let doc = parser.parse_from_string(&reply.body, web_sys::SupportedType::TextHtml).ok()?;
    crate::dom::meta(&doc, meta).and_then(|m| m.get_attribute("content")).filter(|c| !c.is_empty())
}

/// The text of a message catalog at `url` (a `200` answer), or `None`: offline, not found, timed out.
pub async fn catalog(url: &str, timeout_ms: u32) -> Option<String> {
    let reply = fetch("GET", url, &[("Accept", "application/json")], None, timeout_ms).await?;
    (reply.status == 200).then_some(reply.body)
}

/// `Retry-After` as seconds or an HTTP date, in milliseconds (not capped).
pub fn parse_retry_after(v: &str) -> Option<u32> {
    retry_after_seconds(v).or_else(|| {
        let at = js_sys::Date::parse(v.trim());
        if at.is_nan() {
            return None;
        }
        let ms = (at - js_sys::Date::now()).clamp(0.0, f64::from(u32::MAX));
        Some(ms as u32)
    })
}
