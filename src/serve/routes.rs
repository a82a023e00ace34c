//! The router: the page, the host's files, the API, the test hooks (with `--test-hooks` only), and what wraps every
//! answer. From the outside in:
//!
//! 1. [`finish`]: the headers of every answer (CSP, CORP, nosniff, referrer policy, caching), and plain error answers
//!    made problem details;
//! 2. [`guard::same_origin`]: `Host` and `Origin` checks;
//! 3. a request timeout (503 `request_timeout`; a slow body included);
//! 4. a catch-panic layer: a panic becomes a 500 `server_error` for that request, with the panic on stderr, and the
//!    server lives on (the native release profile unwinds, Cargo.toml);
//! 5. the body limit, then the handlers. The files alone are compressed (gzip or brotli): the page and the API answers
//!    are not, so that no secret (the CSRF token) is compressed together with text a request chose (BREACH).

use crate::exit::complain;
use crate::serve::app::App;
use crate::serve::ids::{parse_account, DEFAULT_ACCOUNT, SYSTEM_CODE};
use crate::serve::page::Values;
use crate::serve::problem::{code_for, Answer, PROBLEM_JSON};
use crate::serve::{api, files, guard};
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, RawQuery, State};
use axum::http::{header, HeaderValue, Response, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use std::any::Any;
use std::sync::Arc;
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;

/// The largest request body (the record is far smaller).
pub const MAX_BODY: usize = 64 * 1024;

/// The policy of every answer but the page (which has its own, [`crate::serve::page::csp`]): nothing may run, load or
/// frame it.
pub const DEFAULT_CSP: &str = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The whole application; `timeout` bounds each request.
pub fn router(app: Arc<App>, timeout: Duration) -> Router {
    let files = Router::new()
        .route("/web/pkg/{*path}", get(files::pkg))
        .route("/web/static/{*path}", get(files::static_file))
        .route("/catalogs/{*path}", get(files::catalog))
        .layer(CompressionLayer::new());
    let mut r = Router::new()
        .route("/", get(index))
        .route("/api/Accounts/{account}/syncoptions/{system}", get(api::get_sync_options).put(api::put_sync_options))
        .route("/api/domains/{domain}", get(api::head_domain))
        .merge(files);
    if app.faults.is_some() {
        r = r.route("/__test/faults", post(api::set_faults)).route("/__test/accounts", get(api::list_accounts));
    }
    r.fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(CatchPanicLayer::custom(panic_answer))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, timeout))
        .layer(axum::middleware::from_fn_with_state(Arc::clone(&app), guard::same_origin))
        .layer(axum::middleware::map_response(finish))
        .with_state(app)
}

async fn not_found() -> Answer {
    Answer::simple(404, "not_found", "Not found", "")
}

/// A panic in a handler: logged on stderr, answered 500 without its text.
fn panic_answer(payload: Box<dyn Any + Send + 'static>) -> Response<Body> {
    let msg = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    complain(format_args!("serve: a request panicked: {msg}"));
    Answer::server_error().into_response()
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
        parts.headers.remove(header::CONTENT_ENCODING);
        Body::from(a.body)
    } else {
        body
    };
    let h = &mut parts.headers;
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert("cross-origin-resource-policy", HeaderValue::from_static("same-origin"));
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(DEFAULT_CSP));
    }
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
            ACCOUNT_URL,
        ],
        csrf: &app.csrf,
    });
    let csp = HeaderValue::from_str(&app.page.csp).unwrap_or(HeaderValue::from_static(DEFAULT_CSP));
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

/// The form's `data-account-url` (`api.md`): where another account's form is, for a notice about that account's
/// queued submission.
pub const ACCOUNT_URL: &str = "/?account={accountId}";
