//! Idempotency keys (`api.md`): one key per logical submission, reused on every retry. The first final answer is
//! stored with a fingerprint of the request; a replay of the same request returns it without doing anything again,
//! the same key with another request is refused.

use crate::serve::db::{self, StoredAnswer};
use crate::serve::problem::Answer;
use crate::serve::seed::Confirms;
use axum::http::HeaderMap;
use rusqlite::{Connection, Transaction};
use sha2::{Digest, Sha256};

/// The request header.
pub const HEADER: &str = "idempotency-key";
/// The longest key accepted.
pub const MAX_KEY: usize = 200;

/// The key of a request, or the 400 answer.
pub fn key(headers: &HeaderMap) -> Result<String, Answer> {
    let missing = || {
        Answer::simple(
            400,
            "idempotency_key_required",
            "Idempotency-Key required",
            "Send one Idempotency-Key header per submission, reused on every retry.",
        )
    };
    let value = headers.get(HEADER).ok_or_else(missing)?;
    let key = value.to_str().map_err(|_| invalid())?.trim();
    if key.is_empty() {
        return Err(missing());
    }
    if key.len() > MAX_KEY {
        return Err(invalid());
    }
    Ok(key.to_owned())
}

fn invalid() -> Answer {
    Answer::simple(
        400,
        "idempotency_key_invalid",
        "Invalid Idempotency-Key",
        "An Idempotency-Key has 1 to 200 visible ASCII characters.",
    )
}

/// What makes two requests the same: the target, the confirmations and the body.
pub fn fingerprint(account: i64, system_code: &str, confirms: Confirms, body: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(format!("PUT {account} {system_code} {}\n", confirms.as_key()).as_bytes());
    h.update(body);
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Runs `work` at most once per key, in one transaction with the stored answer.
pub fn once(
    conn: &mut Connection,
    key: &str,
    fingerprint: &str,
    work: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<Answer>,
) -> rusqlite::Result<Answer> {
    let tx = conn.transaction()?;
    if let Some(stored) = db::answer(&tx, key)? {
        if stored.fingerprint == fingerprint {
            return Ok(Answer { status: stored.status, content_type: stored.content_type, body: stored.body });
        }
        return Ok(Answer::simple(
            422,
            "idempotency_key_reused",
            "Idempotency-Key reused",
            "This Idempotency-Key was used for another request; a new submission needs a new key.",
        ));
    }
    let answer = work(&tx)?;
    let stored = StoredAnswer {
        fingerprint: fingerprint.to_owned(),
        status: answer.status,
        content_type: answer.content_type.clone(),
        body: answer.body.clone(),
    };
    db::put_answer(&tx, key, &stored)?;
    tx.commit()?;
    Ok(answer)
}
