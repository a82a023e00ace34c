//! Fault injection for tests (`--test-hooks` only; off by default): the next N `PUT`s fail in a chosen way.
//!
//! - [`Kind::Answer`]: answer the status before any processing (with a `Retry-After` header when one is given, in
//!   seconds or as an HTTP date); nothing is stored, the key is not used up.
//! - [`Kind::Rollback`]: do the work, write the account, then answer the status (a 5xx) from inside the transaction;
//!   the write is rolled back and nothing is stored (only final answers are).
//! - [`Kind::Panic`]: panic inside the transaction after the account's write; the server answers 500 and lives on.
//! - [`Kind::Reset`]: do the work and commit it, then drop the connection without an answer (as a gateway's timeout
//!   or a lost connection after the commit would); the retry with the same key gets the stored answer.

use crate::serve::problem::Answer;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use std::sync::Mutex;

/// How an injected fault fails a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Kind {
    #[default]
    Answer,
    Rollback,
    Panic,
    Reset,
}

/// One fault, for one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    pub kind: Kind,
    pub status: u16,
    /// The `Retry-After` of a [`Kind::Answer`].
    pub retry_after: Option<HeaderValue>,
}

impl Fault {
    /// The answer of [`Kind::Answer`] and [`Kind::Rollback`].
    pub fn answer(&self) -> Answer {
        Answer::simple(
            self.status,
            "injected_fault",
            "Injected fault",
            "A test asked the stand-in to fail this request.",
        )
    }

    /// The whole response of [`Kind::Answer`], with its `Retry-After`.
    pub fn response(&self) -> Response {
        let mut res = self.answer().into_response();
        if let Some(v) = &self.retry_after {
            res.headers_mut().insert(header::RETRY_AFTER, v.clone());
        }
        res
    }
}

/// The pending faults: how many requests are left to fail, and how.
#[derive(Debug, Default)]
pub struct Faults {
    pending: Mutex<(u32, Option<Fault>)>,
}

impl Faults {
    /// Makes the next `next` `PUT`s fail with `fault`; `next` 0 clears.
    pub fn set(&self, next: u32, fault: Fault) {
        *self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = (next, Some(fault));
    }

    /// The fault for this request, if one is pending (and counts it).
    pub fn take(&self) -> Option<Fault> {
        let mut p = self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if p.0 == 0 {
            return None;
        }
        p.0 -= 1;
        p.1.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down() {
        let f = Faults::default();
        assert!(f.take().is_none());
        f.set(2, Fault { kind: Kind::Answer, status: 503, retry_after: Some(HeaderValue::from_static("7")) });
        assert_eq!(f.take().map(|a| a.answer().status), Some(503));
        let last = f.take().map(|a| a.response());
        assert_eq!(
            last.as_ref().map(|r| r.headers()[header::RETRY_AFTER].clone()),
            Some(HeaderValue::from_static("7"))
        );
        assert!(f.take().is_none());
    }
}
