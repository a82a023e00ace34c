//! Fault injection for tests (`--test-hooks` only): the next N API requests answer a chosen status before any
//! processing, so nothing is stored.

use crate::serve::problem::Answer;
use std::sync::Mutex;

/// The pending faults: how many requests are left to fail, and with which status.
#[derive(Debug, Default)]
pub struct Faults {
    pending: Mutex<(u32, u16)>,
}

impl Faults {
    /// Makes the next `next` API requests answer `status`; `next` 0 clears.
    pub fn set(&self, next: u32, status: u16) {
        *self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = (next, status);
    }

    /// The injected answer for this request, if one is pending (and counts it).
    pub fn take(&self) -> Option<Answer> {
        let mut p = self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if p.0 == 0 {
            return None;
        }
        p.0 -= 1;
        Some(Answer::simple(p.1, "injected_fault", "Injected fault", "A test asked the stand-in to fail this request."))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down() {
        let f = Faults::default();
        assert!(f.take().is_none());
        f.set(2, 503);
        assert_eq!(f.take().map(|a| a.status), Some(503));
        assert_eq!(f.take().map(|a| a.status), Some(503));
        assert!(f.take().is_none());
    }
}
