//! The offline queue (an outbox): requests without a final answer, kept in local storage under [`STORAGE_KEY`],
//! keyed by idempotency key, at most one per URL (a newer submission for the same account and instance replaces an
//! older one). A request is put here before its first send and removed only when a final answer arrives, so a
//! request whose page was closed, or that was queued offline, is sent again at the next start or `online` event; the
//! server dedupes by `Idempotency-Key`, so it is provisioned at most once.

use crate::submission::Submission;
use serde::{Deserialize, Serialize};

/// The local-storage key of the queue.
pub const STORAGE_KEY: &str = "tenantcheck.queue";

/// The queue's stored form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Queue {
    #[serde(default)]
    pub items: Vec<Submission>,
}

impl Queue {
    /// Reads the stored JSON; anything unreadable is an empty queue (a broken entry must not stop the form).
    pub fn from_json(json: &str) -> Queue {
        serde_json::from_str(json).unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{\"items\":[]}"))
    }

    /// Adds a request, replacing the one with the same key or the same URL.
    pub fn put(&mut self, s: Submission) {
        self.items.retain(|i| i.key != s.key && i.url != s.url);
        self.items.push(Submission { attempts: 0, ..s });
    }

    /// Removes the request with this key; whether there was one.
    pub fn remove(&mut self, key: &str) -> bool {
        let n = self.items.len();
        self.items.retain(|i| i.key != key);
        n != self.items.len()
    }

    /// The request for `url`, if any (the one this form shows); it stays in the queue.
    pub fn for_url(&self, url: &str) -> Option<&Submission> {
        self.items.iter().find(|i| i.url == url)
    }
}

/// The queue in local storage. Without local storage (blocked, or outside a browser) there is no queue: `load` gives
/// an empty one and `put` / `remove` do nothing, so a request is only sent while the page is open.
pub mod store {
    use super::{Queue, STORAGE_KEY};
    use crate::dom;
    use crate::submission::Submission;

    pub fn load() -> Queue {
        dom::storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .map(|j| Queue::from_json(&j))
            .unwrap_or_default()
    }

    fn save(q: &Queue) {
        let Some(storage) = dom::storage() else { return };
        if let Err(e) = storage.set_item(STORAGE_KEY, &q.to_json()) {
            dom::error(&format!("tenantcheck: could not save the offline queue: {e:?}"));
        }
    }

    pub fn put(s: &Submission) {
        if dom::storage().is_none() {
            return;
        }
        let mut q = load();
        q.put(s.clone());
        save(&q);
    }

    pub fn remove(key: &str) {
        let mut q = load();
        if q.remove(key) {
            save(&q);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::submission::Confirm;

    #[test]
    fn round_trips_through_json() {
        let mut q = Queue::default();
        let mut s = Submission::new("abc".into(), "/api/Accounts/1/syncoptions/X".into(), r#"{"a":"<b>"}"#.into());
        s.attempts = 3;
        q.put(s.confirmed(Confirm::ExistingPartnerCustomer));
        let json = q.to_json();
        assert!(json.contains("\"confirms\":[\"existingPartnerCustomer\"]"), "{json}");
        assert!(!json.contains("attempts"));
        let back = Queue::from_json(&json);
        assert_eq!(back, q);
        assert_eq!(back.items[0].key, "abc-pc");
        assert_eq!(back.items[0].body, r#"{"a":"<b>"}"#);
    }

    #[test]
    fn unreadable_storage_is_an_empty_queue() {
        assert_eq!(Queue::from_json("garbage"), Queue::default());
        assert_eq!(Queue::from_json("{}"), Queue::default());
        let old = r#"{"items":[{"key":"k","url":"/u","body":"{}"}]}"#;
        assert_eq!(Queue::from_json(old).items[0].confirms, vec![]);
    }

    #[test]
    fn one_entry_per_url_and_per_key() {
        let mut q = Queue::default();
        q.put(Submission::new("k1".into(), "/a".into(), "1".into()));
        q.put(Submission::new("k2".into(), "/b".into(), "2".into()));
        q.put(Submission::new("k3".into(), "/a".into(), "3".into()));
        assert_eq!(q.items.iter().map(|i| i.key.as_str()).collect::<Vec<_>>(), ["k2", "k3"]);
        assert_eq!(q.for_url("/a").unwrap().body, "3");
        assert!(q.remove("k2") && !q.remove("k2"));
    }
}
