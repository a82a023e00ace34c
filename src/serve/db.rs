//! The stand-in's store: one SQLite file with the synced accounts, the tenants that exist (seeded and provisioned)
//! and the idempotency keys with their final answers, per account. Created on first start; every write of one request
//! happens in one transaction, so a restart (or a kill) loses nothing that was answered. The seed tenants come from
//! the caller (the `seed` module, which builds on this one), so the store knows nothing of them.

use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tokio::sync::OwnedMutexGuard;

/// What a tenant row says about its domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TenantKind {
    /// Exists under another CSP.
    OtherCsp,
    /// Linked to an account in BSS with the same customer code.
    LinkedBss,
    /// A customer of this partner in Partner Center.
    PartnerCustomer,
    /// Both of the above.
    BothExisting,
    /// Exists, but has not granted this partner delegated administration.
    NoDelegation,
    /// Provisioned through this stand-in, by `owner`.
    Provisioned,
}

impl TenantKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TenantKind::OtherCsp => "other_csp",
            TenantKind::LinkedBss => "linked_bss",
            TenantKind::PartnerCustomer => "partner_customer",
            TenantKind::BothExisting => "both_existing",
            TenantKind::NoDelegation => "no_delegation",
            TenantKind::Provisioned => "provisioned",
        }
    }
    fn parse(s: &str) -> Option<TenantKind> {
        [
            TenantKind::OtherCsp,
            TenantKind::LinkedBss,
            TenantKind::PartnerCustomer,
            TenantKind::BothExisting,
            TenantKind::NoDelegation,
            TenantKind::Provisioned,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// One tenant row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenant {
    pub kind: TenantKind,
    pub owner: Option<i64>,
}

/// One synced account.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub account_id: i64,
    pub system_code: String,
    pub domain: String,
    /// The normalized record, as JSON text.
    #[serde(skip)]
    pub record: String,
    /// How many requests wrote it (a replayed key writes nothing).
    pub writes: i64,
}

/// A stored final answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAnswer {
    pub fingerprint: String,
    pub status: u16,
    pub content_type: String,
    pub body: String,
}

/// The layout's version (`PRAGMA user_version`). 0: the first layout, whose keys were global and never expired; its
/// key table is kept as `idempotency_keys_v1` and no longer read. 2: keys per account, with their time of storing.
const VERSION: i64 = 2;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS accounts (
    account_id  INTEGER NOT NULL,
    system_code TEXT NOT NULL,
    domain      TEXT NOT NULL,
    record      TEXT NOT NULL,
    writes      INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (account_id, system_code)
);
CREATE TABLE IF NOT EXISTS tenants (
    domain     TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,
    owner      INTEGER,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS idempotency_keys (
    account_id   INTEGER NOT NULL,
    key          TEXT NOT NULL,
    fingerprint  TEXT NOT NULL,
    status       INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    body         TEXT NOT NULL,
    stored_ms    INTEGER NOT NULL,
    PRIMARY KEY (account_id, key)
);
CREATE INDEX IF NOT EXISTS idempotency_keys_stored ON idempotency_keys (stored_ms);
";

/// Connections kept for reads.
const READERS: usize = 8;

/// The store: one connection for writes (one transaction at a time in this process; SQLite's lock orders them with
/// other processes on the same file) and a few for reads, which WAL lets run beside a write. Every call blocks: call
/// it from a blocking thread (`tokio::task::spawn_blocking`), never on the async workers.
#[derive(Debug)]
pub struct Db {
    /// `None` for an in-memory store (unit tests), whose reads use the writer.
    path: Option<PathBuf>,
    /// An async lock: a request waits for the writer without holding a blocking thread, which the reads need.
    writer: Arc<tokio::sync::Mutex<Connection>>,
    readers: Mutex<Vec<Connection>>,
}

impl Db {
    /// Opens (or creates) the file, brings its layout up to date and inserts the seed tenants that are missing.
    pub fn open(path: &Path, seeds: impl IntoIterator<Item = (String, TenantKind)>) -> Result<Db, String> {
        let fail = |e: rusqlite::Error| format!("{}: {e}", path.display());
        let conn = Connection::open(path).map_err(fail)?;
        configure(&conn).map_err(fail)?;
        // WAL: readers do not wait for the writer, and a commit is one append. FULL: a commit is on disk before it
        // is answered, so what was answered survives a crash of the machine too, not only of the process.
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).map_err(fail)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(format!("{}: cannot use write-ahead logging (journal mode {mode})", path.display()));
        }
        conn.execute_batch("PRAGMA synchronous = FULL").map_err(fail)?;
        Db::init(conn, Some(path.to_owned()), seeds).map_err(fail)
    }

    /// An in-memory store (unit tests).
    pub fn memory(seeds: impl IntoIterator<Item = (String, TenantKind)>) -> Result<Db, String> {
        let conn = Connection::open_in_memory().map_err(|e| e.to_string())?;
        Db::init(conn, None, seeds).map_err(|e| e.to_string())
    }

    fn init(
        mut conn: Connection,
        path: Option<PathBuf>,
        seeds: impl IntoIterator<Item = (String, TenantKind)>,
    ) -> rusqlite::Result<Db> {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version < VERSION {
            let old_keys: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM pragma_table_info('idempotency_keys') WHERE name = 'key')
                 AND NOT EXISTS (SELECT 1 FROM pragma_table_info('idempotency_keys') WHERE name = 'account_id')",
                [],
                |r| r.get(0),
            )?;
            if old_keys {
                tx.execute_batch("ALTER TABLE idempotency_keys RENAME TO idempotency_keys_v1")?;
            }
        }
        tx.execute_batch(SCHEMA)?;
        tx.execute_batch(&format!("PRAGMA user_version = {VERSION}"))?;
        for (domain, kind) in seeds {
            tx.execute("INSERT OR IGNORE INTO tenants (domain, kind) VALUES (?1, ?2)", params![domain, kind.as_str()])?;
        }
        tx.commit()?;
        Ok(Db { path, writer: Arc::new(tokio::sync::Mutex::new(conn)), readers: Mutex::new(Vec::new()) })
    }

    /// The write connection, for one request's `BEGIN IMMEDIATE` transaction ([`immediate`]), waited for on the async
    /// side; the guard moves to the blocking thread that writes. A panic during a write drops its transaction, which
    /// rolls it back, and releases the lock.
    pub async fn writer(&self) -> OwnedMutexGuard<Connection> {
        Arc::clone(&self.writer).lock_owned().await
    }

    /// The write connection, from a blocking thread (never on the async workers).
    pub fn blocking_writer(&self) -> OwnedMutexGuard<Connection> {
        Arc::clone(&self.writer).blocking_lock_owned()
    }

    /// Runs `f` on a read connection.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> rusqlite::Result<T> {
        let Some(path) = &self.path else {
            return f(&self.blocking_writer());
        };
        let pooled = self.readers.lock().unwrap_or_else(std::sync::PoisonError::into_inner).pop();
        let conn = match pooled {
            Some(c) => c,
            None => {
                let c = Connection::open(path)?;
                configure(&c)?;
                c
            }
        };
        let out = f(&conn);
        let mut readers = self.readers.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if readers.len() < READERS {
            readers.push(conn);
        }
        out
    }
}

/// Settings of every connection: wait for another writer (in this or another process) rather than fail at once.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(10))
}

/// Begins a write transaction that takes the write lock at once (`BEGIN IMMEDIATE`): a read inside it cannot be
/// overtaken by another writer before the write, and a busy database is waited for at the start, not at the commit.
pub fn immediate(conn: &mut Connection) -> rusqlite::Result<Transaction<'_>> {
    conn.transaction_with_behavior(TransactionBehavior::Immediate)
}

/// Reads a tenant by its lower-case full domain.
pub fn tenant(c: &Connection, domain: &str) -> rusqlite::Result<Option<Tenant>> {
    c.query_row("SELECT kind, owner FROM tenants WHERE domain = ?1", [domain], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?))
    })
    .optional()
    .map(|row| row.map(|(k, owner)| Tenant { kind: TenantKind::parse(&k).unwrap_or(TenantKind::OtherCsp), owner }))
}

/// Records a provisioned tenant (nothing when the domain already exists).
pub fn add_tenant(tx: &Transaction<'_>, domain: &str, owner: i64) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT OR IGNORE INTO tenants (domain, kind, owner) VALUES (?1, ?2, ?3)",
        params![domain, TenantKind::Provisioned.as_str(), owner],
    )
    .map(drop)
}

/// Reads a synced account.
pub fn account(c: &Connection, account_id: i64, system_code: &str) -> rusqlite::Result<Option<Account>> {
    c.query_row(
        "SELECT account_id, system_code, domain, record, writes FROM accounts WHERE account_id = ?1 AND system_code = ?2",
        params![account_id, system_code],
        row_account,
    )
    .optional()
}

fn row_account(r: &rusqlite::Row<'_>) -> rusqlite::Result<Account> {
    Ok(Account {
        account_id: r.get(0)?,
        system_code: r.get(1)?,
        domain: r.get(2)?,
        record: r.get(3)?,
        writes: r.get(4)?,
    })
}

/// Every synced account, by id.
pub fn accounts(c: &Connection) -> rusqlite::Result<Vec<Account>> {
    let mut st = c.prepare(
        "SELECT account_id, system_code, domain, record, writes FROM accounts ORDER BY account_id, system_code",
    )?;
    let rows = st.query_map([], row_account)?;
    rows.collect()
}

/// Writes a synced account; returns whether it existed before (an update).
pub fn put_account(
    tx: &Transaction<'_>,
    account_id: i64,
    system_code: &str,
    domain: &str,
    record: &str,
) -> rusqlite::Result<bool> {
    let existed = account(tx, account_id, system_code)?.is_some();
    tx.execute(
        "INSERT INTO accounts (account_id, system_code, domain, record) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (account_id, system_code) DO UPDATE SET domain = excluded.domain, record = excluded.record,
             writes = writes + 1, updated_at = datetime('now')",
        params![account_id, system_code, domain, record],
    )?;
    Ok(existed)
}

/// The answer stored under an account's key at `not_before_ms` or later (older ones have expired).
pub fn answer(
    c: &Connection,
    account_id: i64,
    key: &str,
    not_before_ms: i64,
) -> rusqlite::Result<Option<StoredAnswer>> {
    c.query_row(
        "SELECT fingerprint, status, content_type, body FROM idempotency_keys
         WHERE account_id = ?1 AND key = ?2 AND stored_ms >= ?3",
        params![account_id, key, not_before_ms],
        |r| {
            Ok(StoredAnswer {
                fingerprint: r.get(0)?,
                status: r.get::<_, u16>(1)?,
                content_type: r.get(2)?,
                body: r.get(3)?,
            })
        },
    )
    .optional()
}

/// Stores an answer under an account's key (replacing an expired one).
pub fn put_answer(
    tx: &Transaction<'_>,
    account_id: i64,
    key: &str,
    a: &StoredAnswer,
    now_ms: i64,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO idempotency_keys (account_id, key, fingerprint, status, content_type, body, stored_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (account_id, key) DO UPDATE SET fingerprint = excluded.fingerprint, status = excluded.status,
             content_type = excluded.content_type, body = excluded.body, stored_ms = excluded.stored_ms",
        params![account_id, key, a.fingerprint, a.status, a.content_type, a.body, now_ms],
    )
    .map(drop)
}

/// Deletes the keys stored before `before_ms`; returns how many.
pub fn purge_keys(c: &Connection, before_ms: i64) -> rusqlite::Result<usize> {
    c.execute("DELETE FROM idempotency_keys WHERE stored_ms < ?1", [before_ms])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_and_stores() {
        let db = Db::memory([("fabrikamtaken.onmicrosoft.com".to_owned(), TenantKind::OtherCsp)]).unwrap();
        let mut c = db.blocking_writer();
        assert_eq!(tenant(&c, "fabrikamtaken.onmicrosoft.com").unwrap().unwrap().kind, TenantKind::OtherCsp);
        assert_eq!(tenant(&c, "contoso.onmicrosoft.com").unwrap(), None);
        let tx = c.transaction().unwrap();
        assert!(!put_account(&tx, 7, "S", "a.onmicrosoft.com", "{}").unwrap());
        assert!(put_account(&tx, 7, "S", "a.onmicrosoft.com", "{}").unwrap());
        add_tenant(&tx, "a.onmicrosoft.com", 7).unwrap();
        tx.commit().unwrap();
        assert_eq!(account(&c, 7, "S").unwrap().unwrap().writes, 2);
        assert_eq!(tenant(&c, "a.onmicrosoft.com").unwrap().unwrap().owner, Some(7));
        assert_eq!(accounts(&c).unwrap().len(), 1);
    }
}
