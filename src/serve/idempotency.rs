//! Idempotency keys (`api.md`): one key per logical submission, reused on every retry. Keys are scoped per account and
//! live for the server's `--key-lifetime` (30 days by default). The first final answer is stored with a fingerprint of
//! the request, in the transaction of the request's writes; a replay of the same request returns it without doing
//! anything again, the same key with another request is refused. A 5xx is never stored: its writes are rolled back
//! and the key stays free for the retry.

use crate::serve::db::{self, StoredAnswer};
use crate::serve::problem::Answer;
use crate::serve::seed::Confirms;
use axum::http::HeaderMap;
use rusqlite::{Connection, Transaction};
use sha2::{Digest, Sha256};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

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

/// Whether an answer is final, and so stored under its key: everything but a server error (5xx), 408 and 429, after
/// which the same key is retried (`api.md`). A failed attempt leaves nothing behind: its transaction is rolled back.
pub fn is_final(status: u16) -> bool {
    status < 500 && status != 408 && status != 429
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    i64::try_from(since.as_millis()).unwrap_or(i64::MAX)
}

/// The oldest time (milliseconds since the Unix epoch) of a key that is still alive at `now`: older keys are expired.
pub fn not_before(now: i64, lifetime: Duration) -> i64 {
    now.saturating_sub(i64::try_from(lifetime.as_millis()).unwrap_or(i64::MAX))
}

/// Stores between two purges of expired keys.
const PURGE_EVERY: u64 = 1024;

/// Runs `work` at most once per account and key. In one `BEGIN IMMEDIATE` transaction: the stored answer is looked
/// up (keys older than `lifetime` are expired and count as new), `work` writes, and its answer is stored with the
/// writes, only when it is final ([`is_final`]); otherwise everything `work` wrote is rolled back. A panic in `work`
/// drops the transaction, which rolls it back too.
pub fn once(
    conn: &mut Connection,
    account: i64,
    key: &str,
    fingerprint: &str,
    lifetime: Duration,
    work: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<Answer>,
) -> rusqlite::Result<Answer> {
    static STORES: AtomicU64 = AtomicU64::new(0);
    let now = now_ms();
    let not_before = not_before(now, lifetime);
    let tx = db::immediate(conn)?;
    if let Some(stored) = db::answer(&tx, account, key, not_before)? {
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
    if !is_final(answer.status) {
        tx.rollback()?;
        return Ok(answer);
    }
    let stored = StoredAnswer {
        fingerprint: fingerprint.to_owned(),
        status: answer.status,
        content_type: answer.content_type.clone(),
        body: answer.body.clone(),
    };
    db::put_answer(&tx, account, key, &stored, now)?;
    if STORES.fetch_add(1, Ordering::Relaxed) % PURGE_EVERY == PURGE_EVERY - 1 {
        db::purge_keys(&tx, not_before)?;
    }
    tx.commit()?;
    Ok(answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::db::Db;

    fn created(tx: &Transaction<'_>) -> rusqlite::Result<Answer> {
        tx.execute("INSERT INTO accounts (account_id, system_code, domain, record) VALUES (1, 'S', 'd', '{}')", [])?;
        Ok(Answer::json(201, &serde_json::json!({"ok": true})))
    }

    fn count(db: &Db) -> i64 {
        db.read(|c| c.query_row("SELECT COUNT(*) FROM accounts", [], |r| r.get(0))).unwrap()
    }

    #[test]
    fn a_key_runs_its_work_once_per_account() {
        let db = Db::memory([]).unwrap();
        let day = Duration::from_secs(86_400);
        let first = once(&mut db.blocking_writer(), 7, "k", "f", day, created).unwrap();
        assert_eq!(first.status, 201);
        let again = once(&mut db.blocking_writer(), 7, "k", "f", day, |_| unreachable!("replayed")).unwrap();
        assert_eq!(again, first);
        let other = once(&mut db.blocking_writer(), 7, "k", "g", day, |_| unreachable!("refused")).unwrap();
        assert_eq!((other.status, other.body.contains("idempotency_key_reused")), (422, true));
        // Another account's key of the same name is another key.
        let mine = once(&mut db.blocking_writer(), 8, "k", "g", day, |_| Ok(Answer::json(200, &serde_json::json!({}))))
            .unwrap();
        assert_eq!(mine.status, 200);
        assert_eq!(count(&db), 1);
    }

    #[test]
    fn only_final_answers_are_stored() {
        let db = Db::memory([]).unwrap();
        let day = Duration::from_secs(86_400);
        let failed = once(&mut db.blocking_writer(), 7, "k", "f", day, |tx| {
            created(tx)?;
            Ok(Answer::server_error())
        })
        .unwrap();
        assert_eq!(failed.status, 500);
        assert_eq!(count(&db), 0, "the write of a 500 is rolled back");
        assert_eq!(once(&mut db.blocking_writer(), 7, "k", "f", day, created).unwrap().status, 201, "and not replayed");
        assert!([200, 201, 400, 409, 422].into_iter().all(is_final));
        assert!(![408, 429, 500, 502, 503, 504].into_iter().any(is_final));
    }

    #[test]
    fn keys_expire() {
        let db = Db::memory([]).unwrap();
        let ms = Duration::from_millis(1);
        assert_eq!(once(&mut db.blocking_writer(), 7, "k", "f", ms, created).unwrap().status, 201);
        std::thread::sleep(Duration::from_millis(5));
        let later = once(&mut db.blocking_writer(), 7, "k", "g", ms, |_| Ok(Answer::json(200, &serde_json::json!({}))))
            .unwrap();
        assert_eq!(later.status, 200, "an expired key is a new key");
    }
}
