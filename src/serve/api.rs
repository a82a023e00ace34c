//! The provisioning API of `api.md`: `PUT` and `GET /api/Accounts/{accountId}/syncoptions/{systemCode}`,
//! `HEAD /api/domains/{domain}`, and the test hooks.

use crate::serve::db;
use crate::serve::idempotency;
use crate::serve::problem::Answer;
use crate::serve::routes::parse_account;
use crate::serve::seed::{self, Confirms};
use crate::serve::{App, SYSTEM_CODE};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use serde_json::{json, Map, Value};
use std::sync::Arc;
use tenantcheck_core::record::{self, Slot};
use tenantcheck_core::rules::domain::{Domain, DomainForm, DEFAULT_SUFFIX};
use tenantcheck_core::Report;

/// The CSRF request header.
pub const CSRF_HEADER: &str = "x-csrf-token";

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

/// `PUT /api/Accounts/{accountId}/syncoptions/{systemCode}`.
pub async fn put_sync_options(
    State(app): State<Arc<App>>,
    Path((account, system_code)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Answer {
    if let Some(fault) = app.faults.as_ref().and_then(|f| f.take()) {
        return fault;
    }
    let id = match target(&account, &system_code) {
        Ok(id) => id,
        Err(a) => return a,
    };
    let token = headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok());
    if token != Some(app.csrf.as_str()) {
        return Answer::simple(
            403,
            "csrf_token_invalid",
            "Missing or wrong CSRF token",
            "Send the token of the page's <meta name=\"csrf-token\"> as X-CSRF-Token; reload the page for a fresh one.",
        );
    }
    let key = match idempotency::key(&headers) {
        Ok(k) => k,
        Err(a) => return a,
    };
    let body = match body {
        Ok(b) => b,
        Err(e) if e.status().as_u16() == 413 => {
            return Answer::simple(
                413,
                "body_too_large",
                "Request body too large",
                "The record is at most 64 KB of JSON.",
            )
        }
        Err(e) => return Answer::simple(400, "body_unreadable", "Request body unreadable", &e.body_text()),
    };
    let confirms = Confirms::from_query(query.as_deref());
    let fingerprint = idempotency::fingerprint(id, &system_code, confirms, &body);
    let app2 = Arc::clone(&app);
    let result = tokio::task::spawn_blocking(move || {
        let mut conn = app2.db.lock();
        idempotency::once(&mut conn, &key, &fingerprint, |tx| provision(&app2, tx, id, &system_code, confirms, &body))
    })
    .await;
    match result {
        Ok(Ok(answer)) => answer,
        Ok(Err(e)) => storage_failed(&e),
        Err(_) => Answer::simple(500, "server_error", "Internal error", ""),
    }
}

fn storage_failed(e: &rusqlite::Error) -> Answer {
    Answer::simple(500, "storage_failed", "The stand-in could not use its database", &e.to_string())
}

/// Validates the record with the partner's settings and answers as Partner Center would (with the seeds).
fn provision(
    app: &App,
    tx: &rusqlite::Transaction<'_>,
    id: i64,
    system_code: &str,
    confirms: Confirms,
    body: &[u8],
) -> rusqlite::Result<Answer> {
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
            return Ok(Answer::simple(500, "server_error", "Internal error", "A valid record without a domain."))
        }
        _ => {
            let mut extra = Map::new();
            extra.insert("errors".into(), serde_json::to_value(&report.errors).unwrap_or_default());
            extra.insert("warnings".into(), serde_json::to_value(&report.warnings).unwrap_or_default());
            return Ok(Answer::problem(422, "validation_failed", "The record is not valid", "", extra));
        }
    };
    let tenant = db::tenant(tx, &domain)?;
    if let Some(answer) = seed::decide(&normalized, &domain, tenant.as_ref(), id, confirms) {
        return Ok(answer);
    }
    let record = serde_json::to_string(&normalized).unwrap_or_default();
    let existed = db::put_account(tx, id, system_code, &domain, &record)?;
    db::add_tenant(tx, &domain, id)?;
    let body = json!({"accountId": id, "domain": domain, "status": "synced"});
    Ok(Answer::json(if existed { 200 } else { 201 }, &body))
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
    let found = {
        let conn = app.db.lock();
        db::account(&conn, id, &system_code)
    };
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
    let found = {
        let conn = app.db.lock();
        db::tenant(&conn, &d)
    };
    match found {
        Ok(Some(_)) => Answer { status: 200, content_type: "text/plain; charset=utf-8".into(), body: String::new() },
        Ok(None) => Answer::simple(404, "domain_free", "No such domain", "No tenant has this domain."),
        Err(e) => storage_failed(&e),
    }
}

/// The body of `POST /__test/faults`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultRequest {
    next: u32,
    #[serde(default = "default_fault_status")]
    status: u16,
}

fn default_fault_status() -> u16 {
    503
}

/// `POST /__test/faults`.
pub async fn set_faults(State(app): State<Arc<App>>, body: Bytes) -> Answer {
    let Ok(req) = serde_json::from_slice::<FaultRequest>(&body) else {
        return Answer::simple(400, "bad_request", "Bad fault request", "Send {\"next\": N, \"status\": 503}.");
    };
    if !(400..=599).contains(&req.status) {
        return Answer::simple(400, "bad_request", "Bad fault status", "The status is 400 to 599.");
    }
    match &app.faults {
        Some(f) => {
            f.set(req.next, req.status);
            Answer::json(200, &json!({"next": req.next, "status": req.status}))
        }
        None => Answer::simple(404, "not_found", "Not found", ""),
    }
}

/// `GET /__test/accounts`: every synced account.
pub async fn list_accounts(State(app): State<Arc<App>>) -> Answer {
    let all = {
        let conn = app.db.lock();
        db::accounts(&conn)
    };
    match all {
        Ok(list) => {
            let accounts: Vec<Value> = list.iter().map(|a| account_json(a, false)).collect();
            Answer::json(200, &json!({"count": accounts.len(), "accounts": accounts}))
        }
        Err(e) => storage_failed(&e),
    }
}
