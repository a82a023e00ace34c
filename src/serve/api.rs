//! The provisioning API of `api.md`: `PUT` and `GET /api/Accounts/{accountId}/syncoptions/{systemCode}`,
//! `HEAD /api/domains/{domain}`, and the test hooks.

use crate::exit::complain;
use crate::serve::app::App;
use crate::serve::db;
use crate::serve::faults::{Fault, Faults, Kind};
use crate::serve::guard;
use crate::serve::idempotency;
use crate::serve::ids::{parse_account, SYSTEM_CODE};
use crate::serve::problem::Answer;
use crate::serve::seed::{self, Confirms};
use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Map, Value};
use std::sync::Arc;
use tenantcheck_core::record::{self, Slot};
use tenantcheck_core::rules::domain::{Domain, DomainForm, DEFAULT_SUFFIX};
use tenantcheck_core::Report;

/// The account id and system code of a path, or the error answer.
fn target(account: &str, system_code: &str) -> Result<i64, Answer> {
    let id = parse_account(account).ok_or_else(|| {
        Answer::simple(400, "invalid_account_id", "Invalid account id", "The account id is a number (decimal digits).")
    })?;
    if system_code != SYSTEM_CODE {
        return Err(Answer::simple(
            404,
            "unknown_system_code",
            "Unknown system code",
            &format!("This server knows one Partner Center instance: {SYSTEM_CODE}."),
        ));
    }
    Ok(id)
}

/// Runs blocking work (the database, the validation) on tokio's blocking pool, off the async workers. A panic there
/// is resumed here, where the router's catch-panic layer turns it into a 500.
pub async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    match tokio::task::spawn_blocking(f).await {
        Ok(v) => v,
        Err(e) => match e.try_into_panic() {
            Ok(payload) => std::panic::resume_unwind(payload),
            // Only at the runtime's shutdown.
            Err(e) => std::panic::panic_any(format!("blocking task stopped: {e}")),
        },
    }
}

/// `PUT /api/Accounts/{accountId}/syncoptions/{systemCode}`.
pub async fn put_sync_options(
    State(app): State<Arc<App>>,
    Path((account, system_code)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let fault = app.faults.as_ref().and_then(Faults::take);
    if let Some(f) = fault.as_ref().filter(|f| f.kind == Kind::Answer) {
        return f.response();
    }
    let reset = fault.as_ref().is_some_and(|f| f.kind == Kind::Reset);
    let request = match read_put(&app, &account, &system_code, query.as_deref(), &headers, body) {
        Ok(r) => r,
        Err(a) => return a.into_response(),
    };
    let app2 = Arc::clone(&app);
    let mut conn = app.db.writer().await;
    let result = blocking(move || {
        let Put { id, key, fingerprint, confirms, body } = request;
        idempotency::once(&mut conn, id, &key, &fingerprint, app2.key_lifetime, |tx| {
            provision(&app2, tx, &Target { id, given: &account, system_code: &system_code }, confirms, &body, fault)
        })
    })
    .await;
    match result {
        Ok(_) if reset => reset_connection(),
        Ok(answer) => answer.into_response(),
        Err(e) => storage_failed(&e).into_response(),
    }
}

/// A `PUT` that passed the checks before the database.
struct Put {
    id: i64,
    key: String,
    fingerprint: String,
    confirms: Confirms,
    body: Bytes,
}

/// Checks a `PUT` in the order of docs/stand-in.md: the path, the CSRF token, the key, the body.
fn read_put(
    app: &App,
    account: &str,
    system_code: &str,
    query: Option<&str>,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Put, Answer> {
    let id = target(account, system_code)?;
    guard::csrf(app, headers)?;
    let key = idempotency::key(headers)?;
    let body = match body {
        Ok(b) => b,
        Err(e) if e.status().as_u16() == 413 => {
            return Err(Answer::simple(
                413,
                "body_too_large",
                "Request body too large",
                "The record is at most 64 KB of JSON.",
            ))
        }
        Err(e) => {
            complain(format_args!("serve: PUT /api/Accounts/{id}: the body could not be read: {}", e.body_text()));
            return Err(Answer::simple(400, "body_unreadable", "Request body unreadable", ""));
        }
    };
    let confirms = Confirms::from_query(query);
    let fingerprint = idempotency::fingerprint(id, system_code, confirms, &body);
    Ok(Put { id, key, fingerprint, confirms, body })
}

/// The answer to a database failure: 500, not stored, with the error on the server's stderr only.
fn storage_failed(e: &rusqlite::Error) -> Answer {
    complain(format_args!("serve: database: {e}"));
    Answer::simple(500, "storage_failed", "The stand-in could not use its database", "")
}

/// An answer whose body fails before its first byte: the server drops the connection without a response
/// ([`Kind::Reset`]).
fn reset_connection() -> Response {
    Response::new(Body::new(Broken))
}

/// A body that fails at once.
struct Broken;

impl http_body::Body for Broken {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Bytes>, std::io::Error>>> {
        std::task::Poll::Ready(Some(Err(std::io::Error::other("injected connection reset (test hook)"))))
    }
}

/// The account a `PUT` names: its id, the id as the path gave it (the success body echoes it as text, `api.md`), the
/// system code.
struct Target<'a> {
    id: i64,
    given: &'a str,
    system_code: &'a str,
}

/// Validates the record with the partner's settings and answers as Partner Center would (with the seeds).
fn provision(
    app: &App,
    tx: &rusqlite::Transaction<'_>,
    t: &Target<'_>,
    confirms: Confirms,
    body: &[u8],
    fault: Option<Fault>,
) -> rusqlite::Result<Answer> {
    let id = t.id;
    let Ok(text) = std::str::from_utf8(body) else {
        return Ok(Answer::simple(400, "body_not_utf8", "Request body is not UTF-8", ""));
    };
    let report = match record::from_json(text) {
        Ok(Slot::Value(mut r)) => {
            app.settings.partner(id).apply(&mut r);
            app.validator.validate(r)
        }
        Ok(other) => app.validator.validate_parsed(other),
        Err(e) => Report::not_json(e.to_string(), e.line(), e.column()),
    };
    let (normalized, domain) = match (report.valid, report.full_domain(), report.normalized) {
        (true, Some(domain), Some(r)) => (r, domain),
        // A valid record always has a valid domain field; the guard keeps a core change from being a 422 with no
        // errors.
        (true, ..) => {
            complain("serve: the core accepted a record without a full domain");
            return Ok(Answer::server_error());
        }
        _ => {
            let mut extra = Map::new();
            extra.insert("errors".into(), serde_json::to_value(&report.errors).unwrap_or_default());
            extra.insert("warnings".into(), serde_json::to_value(&report.warnings).unwrap_or_default());
            return Ok(Answer::problem(422, "validation_failed", "The record is not valid", "", extra));
        }
    };
    // An account synced once keeps its tenant: Partner Center links one BSS account to one customer tenant, and a
    // sync with another domain would provision a second tenant for it (docs/api.md, `account_already_synced`). The
    // same domain again updates the account.
    if let Some(synced) = db::account(tx, id, t.system_code)?.filter(|a| !a.domain.eq_ignore_ascii_case(&domain)) {
        return Ok(already_synced(&synced.domain));
    }
    let tenant = db::tenant(tx, &domain)?;
    if let Some(answer) = seed::decide(&normalized, &domain, tenant.as_ref(), id, confirms) {
        return Ok(answer);
    }
    let record = serde_json::to_string(&normalized).unwrap_or_default();
    let existed = db::put_account(tx, id, t.system_code, &domain, &record)?;
    db::add_tenant(tx, &domain, id)?;
    match &fault {
        Some(f) if f.kind == Kind::Rollback => return Ok(f.answer()),
        Some(f) if f.kind == Kind::Panic => panic!("injected panic after the account's write (test hook)"),
        _ => {}
    }
    // The success body of `api.md`: `accountId` as the path gave it, as text.
    let body = json!({"accountId": t.given, "domain": domain, "status": "synced"});
    Ok(Answer::json(if existed { 200 } else { 201 }, &body))
}

/// 409 `account_already_synced`: the account is synced with `domain`, and its domain does not change.
fn already_synced(domain: &str) -> Answer {
    let mut extra = Map::new();
    extra.insert("domain".into(), Value::String(domain.to_owned()));
    Answer::problem(
        409,
        "account_already_synced",
        "The account is already synced with another domain",
        &format!("This account is synced with the tenant {domain}. Its domain cannot change; submit it with that domain to update the account."),
        extra,
    )
}

/// `GET /api/Accounts/{accountId}/syncoptions/{systemCode}`: the stored synced record.
pub async fn get_sync_options(
    State(app): State<Arc<App>>,
    Path((account, system_code)): Path<(String, String)>,
) -> Answer {
    let id = match target(&account, &system_code) {
        Ok(id) => id,
        Err(a) => return a,
    };
    let app2 = Arc::clone(&app);
    let found = blocking(move || app2.db.read(|c| db::account(c, id, &system_code))).await;
    match found {
        Ok(Some(a)) => Answer::json(200, &account_json(&a, true)),
        Ok(None) => Answer::simple(404, "not_synced", "Not synced", "This account has no synced sync options."),
        Err(e) => storage_failed(&e),
    }
}

fn account_json(a: &db::Account, with_record: bool) -> Value {
    let mut v = json!({
        "accountId": a.account_id, "systemCode": a.system_code, "domain": a.domain, "status": "synced",
        "writes": a.writes,
    });
    if let (true, Value::Object(m)) = (with_record, &mut v) {
        m.insert("record".into(), serde_json::from_str(&a.record).unwrap_or(Value::Null));
    }
    v
}

/// `HEAD /api/domains/{domain}`: 200 when the domain exists, 404 when it is free.
pub async fn head_domain(State(app): State<Arc<App>>, Path(domain): Path<String>) -> Answer {
    let mut d = domain.trim().to_lowercase();
    if !d.contains('.') {
        d = Domain { value: d, form: DomainForm::Prefix }.full(DEFAULT_SUFFIX);
    }
    if d.len() > 253 {
        return Answer::simple(404, "domain_free", "No such domain", "");
    }
    let found = blocking(move || app.db.read(|c| db::tenant(c, &d))).await;
    match found {
        Ok(Some(_)) => Answer { status: 200, content_type: "text/plain; charset=utf-8".into(), body: String::new() },
        Ok(None) => Answer::simple(404, "domain_free", "No such domain", "No tenant has this domain."),
        Err(e) => storage_failed(&e),
    }
}

/// The body of `POST /__test/faults`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct FaultRequest {
    next: u32,
    #[serde(default = "default_fault_status")]
    status: u16,
    #[serde(default)]
    kind: Kind,
    /// `Retry-After` of the injected answers: seconds or an HTTP date, as text.
    #[serde(default)]
    retry_after: Option<String>,
}

fn default_fault_status() -> u16 {
    503
}

/// `POST /__test/faults`: `{"next": N, "status": 503, "kind": "answer" | "rollback" | "panic" | "reset",
/// "retryAfter": "120"}`. Needs
/// the CSRF token like a `PUT` (and the router refuses other origins).
pub async fn set_faults(State(app): State<Arc<App>>, headers: HeaderMap, body: Bytes) -> Answer {
    if let Err(a) = guard::csrf(&app, &headers) {
        return a;
    }
    let Ok(req) = serde_json::from_slice::<FaultRequest>(&body) else {
        return Answer::simple(
            400,
            "bad_request",
            "Bad fault request",
            "Send {\"next\": N, \"status\": 503, \"kind\": \"answer\"}.",
        );
    };
    let statuses = if req.kind == Kind::Rollback { 500..=599 } else { 400..=599 };
    if !statuses.contains(&req.status) {
        return Answer::simple(400, "bad_request", "Bad fault status", "The status is 400 to 599 (rollback: 5xx).");
    }
    let retry_after = match req.retry_after.as_deref().map(HeaderValue::from_str) {
        None => None,
        Some(Ok(v)) if v.len() <= 64 => Some(v),
        Some(_) => return Answer::simple(400, "bad_request", "Bad Retry-After", "Seconds or an HTTP date."),
    };
    match &app.faults {
        Some(f) => {
            f.set(req.next, Fault { kind: req.kind, status: req.status, retry_after });
            Answer::json(200, &json!({"next": req.next, "status": req.status, "kind": req.kind}))
        }
        None => Answer::simple(404, "not_found", "Not found", ""),
    }
}

/// `GET /__test/accounts`: every synced account.
pub async fn list_accounts(State(app): State<Arc<App>>) -> Answer {
    let all = blocking(move || app.db.read(db::accounts)).await;
    match all {
        Ok(list) => {
            let accounts: Vec<Value> = list.iter().map(|a| account_json(a, false)).collect();
            Answer::json(200, &json!({"count": accounts.len(), "accounts": accounts}))
        }
        Err(e) => storage_failed(&e),
    }
}
