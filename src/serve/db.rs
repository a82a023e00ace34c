//! The stand-in's store: one SQLite file with the synced accounts, the tenants that exist (seeded and provisioned)
//! and the idempotency keys with their first answers. Created on first start; every write of one request happens in
//! one transaction, so a restart (or a kill) loses nothing that was answered.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

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

/// A stored first answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAnswer {
    pub fingerprint: String,
    pub status: u16,
    pub content_type: String,
    pub body: String,
}

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
    key          TEXT PRIMARY KEY,
    fingerprint  TEXT NOT NULL,
    status       INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    body         TEXT NOT NULL,
    created_at   TEXT NOT NULL DEFAULT (datetime('now'))
);
";

/// The store.
#[derive(Debug)]
pub struct Db {
    conn: Mutex<Connection>,
}

impl Db {
    /// Opens (or creates) the file and inserts the seed tenants that are missing.
    pub fn open(path: &Path) -> Result<Db, String> {
        let conn = Connection::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Db::init(conn).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// An in-memory store (unit tests).
    pub fn memory() -> Result<Db, String> {
        Db::init(Connection::open_in_memory().map_err(|e| e.to_string())?).map_err(|e| e.to_string())
    }

    fn init(conn: Connection) -> rusqlite::Result<Db> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(SCHEMA)?;
        for (domain, kind) in crate::serve::seed::tenants() {
            conn.execute(
                "INSERT OR IGNORE INTO tenants (domain, kind) VALUES (?1, ?2)",
                params![domain, kind.as_str()],
            )?;
        }
        Ok(Db { conn: Mutex::new(conn) })
    }

    /// The connection, for one request's transaction. A poisoned lock is taken anyway: every write is transactional.
    pub fn lock(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
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

/// The first answer stored under a key.
pub fn answer(c: &Connection, key: &str) -> rusqlite::Result<Option<StoredAnswer>> {
    c.query_row("SELECT fingerprint, status, content_type, body FROM idempotency_keys WHERE key = ?1", [key], |r| {
        Ok(StoredAnswer {
            fingerprint: r.get(0)?,
            status: r.get::<_, u16>(1)?,
            content_type: r.get(2)?,
            body: r.get(3)?,
        })
    })
    .optional()
}

/// Stores the first answer under a key.
pub fn put_answer(tx: &Transaction<'_>, key: &str, a: &StoredAnswer) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO idempotency_keys (key, fingerprint, status, content_type, body) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![key, a.fingerprint, a.status, a.content_type, a.body],
    )
    .map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_and_stores() {
        let db = Db::memory().unwrap();
        let mut c = db.lock();
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
