//! tenantcheck's native host. The rules live in `tenantcheck-core`; this crate reads exports of accounts (JSON Lines
//! or CSV), checks them on every core, and writes one result per record.

pub mod catalogs;
pub mod cli;
pub mod exit;
pub mod serve;
