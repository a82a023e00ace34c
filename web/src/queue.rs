//! The offline queue (an outbox): requests without a final answer, one local-storage key per idempotency key
//! (`tenantcheck.queue.{key}`), so tabs never read, change and write back each other's entries. A request is put here
//! before its first send and removed only when a final answer arrives, so a request whose page was closed, or that
//! was queued offline, is sent again at the next start or `online` event; the server dedupes by `Idempotency-Key`, so
//! it is provisioned at most once. Tabs take a Web Lock per entry before sending it (`lock`), so one entry is sent
//! by one tab at a time.
//!
//! - The queue of the previous version (every entry under the one key [`OLD_KEY`]) is moved into entries on first
//!   load; the old key is removed only once every entry is written.
//! - An entry that cannot be read is set aside under `tenantcheck.quarantine.{name}` (never overwritten, never sent)
//!   and reported; a write never replaces an unreadable value.
//! - A failed write is an error the caller shows: nothing says "saved on this device" unless it was.

use crate::submission::Submission;
use wasm_bindgen::JsCast as _;

/// The local-storage key of the previous version's single-key queue.
pub const OLD_KEY: &str = "tenantcheck.queue";
/// The prefix of an entry's key: `tenantcheck.queue.{idempotency key}`.
pub const PREFIX: &str = "tenantcheck.queue.";
/// The prefix under which unreadable entries are set aside.
pub const QUARANTINE: &str = "tenantcheck.quarantine.";

/// The storage the queue lives in: local storage in the browser, a map in tests.
pub trait Kv {
    fn get(&self, key: &str) -> Result<Option<String>, String>;
    fn set(&self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&self, key: &str);
    fn keys(&self) -> Vec<String>;
}

/// What a load found.
#[derive(Debug, Default, PartialEq)]
pub struct Loaded {
    pub entries: Vec<Submission>,
    /// Storage keys of entries set aside now (they could not be read).
    pub quarantined: Vec<String>,
    /// Problems with the storage itself (a write that failed while moving or setting aside).
    pub problems: Vec<String>,
}

/// The storage key of an entry.
pub fn entry_key(key: &str) -> String {
    format!("{PREFIX}{key}")
}

/// Reads one stored entry.
pub fn parse(json: &str) -> Option<Submission> {
    let s = Submission::from_json(&crate::json::parse(json)?)?;
    (!s.key.is_empty() && !s.url.is_empty()).then_some(s)
}

/// The entries of the previous version's queue (`{"items":[…]}`), or `None` when it cannot be read.
pub fn parse_old(json: &str) -> Option<Vec<Submission>> {
    use crate::json;
    let old = json::parse(json)?;
    let items = json::required(json::object(&old)?, "items", json::list(Submission::from_json))?;
    items.iter().all(|s| !s.key.is_empty() && !s.url.is_empty()).then_some(items)
}

/// Moves a value aside under the quarantine prefix; the original is removed only when the copy is written.
fn set_aside(kv: &impl Kv, storage_key: &str, value: &str, loaded: &mut Loaded) {
    let name = storage_key.strip_prefix(PREFIX).unwrap_or(storage_key);
    let mut target = format!("{QUARANTINE}{name}");
    let mut n = 1;
    while kv.get(&target).ok().flatten().is_some() {
        n += 1;
        target = format!("{QUARANTINE}{name}.{n}");
    }
    match kv.set(&target, value) {
        Ok(()) => {
            kv.remove(storage_key);
            loaded.quarantined.push(storage_key.to_owned());
        }
        Err(e) => loaded.problems.push(format!("could not set aside the unreadable entry {storage_key}: {e}")),
    }
}

/// Moves the previous version's queue into entries (at most once: the old key goes when every entry is written).
pub fn migrate(kv: &impl Kv, now_ms: u64, loaded: &mut Loaded) {
    let Ok(Some(json)) = kv.get(OLD_KEY) else { return };
    let Some(items) = parse_old(&json) else {
        set_aside(kv, OLD_KEY, &json, loaded);
        return;
    };
    let mut all = true;
    for mut s in items {
        let k = entry_key(&s.key);
        if kv.get(&k).ok().flatten().is_some() {
            continue; // already moved (an earlier, interrupted migration, or another tab)
        }
        if s.created_ms == 0 {
            s.created_ms = now_ms;
        }
        if let Err(e) = write(kv, &s) {
            loaded.problems.push(e);
            all = false;
        }
    }
    if all {
        kv.remove(OLD_KEY);
    }
}

/// Every entry, in no particular order (after migrating the old queue); unreadable ones are set aside.
pub fn load(kv: &impl Kv, now_ms: u64) -> Loaded {
    let mut loaded = Loaded::default();
    migrate(kv, now_ms, &mut loaded);
    let keys: Vec<String> = kv.keys().into_iter().filter(|k| k.starts_with(PREFIX)).collect();
    for k in keys {
        let Ok(Some(json)) = kv.get(&k) else { continue };
        match parse(&json) {
            Some(s) if entry_key(&s.key) == k => loaded.entries.push(s),
            _ => set_aside(kv, &k, &json, &mut loaded),
        }
    }
    loaded
}

/// The entry under this idempotency key, if it is there and readable.
pub fn get(kv: &impl Kv, key: &str) -> Option<Submission> {
    kv.get(&entry_key(key)).ok().flatten().and_then(|j| parse(&j))
}

/// Writes an entry. An unreadable value under its key is set aside first, never overwritten.
pub fn write(kv: &impl Kv, s: &Submission) -> Result<(), String> {
    let k = entry_key(&s.key);
    if let Ok(Some(old)) = kv.get(&k) {
        if parse(&old).is_none() {
            let mut ignored = Loaded::default();
            set_aside(kv, &k, &old, &mut ignored);
            if let Some(p) = ignored.problems.pop() {
                return Err(p);
            }
        }
    }
    let json = serde_json::to_string(s).map_err(|e| e.to_string())?;
    kv.set(&k, &json)
}

/// Removes an entry (only a readable one: an unreadable value is left for `load` to set aside).
pub fn remove(kv: &impl Kv, key: &str) {
    let k = entry_key(key);
    if let Ok(Some(v)) = kv.get(&k) {
        if parse(&v).is_some() {
            kv.remove(&k);
        }
    }
}

/// Local storage as the queue's [`Kv`].
pub struct Local(pub web_sys::Storage);

impl Kv for Local {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        self.0.get_item(key).map_err(|e| format!("{e:?}"))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        self.0
            .set_item(key, value)
            .map_err(|e| e.dyn_ref::<js_sys::Error>().map_or_else(|| format!("{e:?}"), |e| String::from(e.message())))
    }
    fn remove(&self, key: &str) {
        let _ = self.0.remove_item(key);
    }
    fn keys(&self) -> Vec<String> {
        let n = self.0.length().unwrap_or(0);
        (0..n).filter_map(|i| self.0.key(i).ok().flatten()).collect()
    }
}

/// The page's queue: local storage, or `None` where there is none (blocked, or outside a browser).
pub fn local() -> Option<Local> {
    crate::dom::storage().map(Local)
}

/// The Web Lock a tab holds while it sends an entry.
pub fn send_lock(key: &str) -> String {
    format!("tenantcheck.send.{key}")
}

/// The Web Lock a tab holds for as long as it shows the form of a `PUT` URL: other tabs leave that form's entries to
/// it.
pub fn form_lock(url: &str) -> String {
    format!("tenantcheck.form.{url}")
}

/// Runs `f` holding the Web Lock `name` (`navigator.locks`). With `wait` false, `f` is not run when another tab
/// holds the lock; whether `f` ran. Without the Web Locks API (built without `--cfg=web_sys_unstable_apis`, or a
/// browser without it), `f` runs unlocked.
pub async fn with_lock<F, Fut>(name: &str, wait: bool, f: F) -> bool
where
    F: FnOnce() -> Fut + 'static,
    Fut: std::future::Future<Output = ()> + 'static,
{
    #[cfg(all(target_arch = "wasm32", web_sys_unstable_apis))]
    {
        use std::cell::Cell;
        use std::rc::Rc;
        use wasm_bindgen::prelude::*;
        use wasm_bindgen_futures::{future_to_promise, JsFuture};
        if let Some(locks) = lock_manager() {
            let ran = Rc::new(Cell::new(false));
            let ran2 = Rc::clone(&ran);
            let mut f = Some(f);
            let callback = Closure::once(move |lock: JsValue| -> js_sys::Promise {
                match f.take() {
                    Some(f) if !lock.is_null() => {
                        ran2.set(true);
                        future_to_promise(async move {
                            f().await;
                            Ok(JsValue::UNDEFINED)
                        })
                    }
                    _ => js_sys::Promise::resolve(&JsValue::UNDEFINED),
                }
            });
            let options = web_sys::LockOptions::new();
            options.set_if_available(!wait);
            let promise = locks.request_with_options(name, &options, callback.as_ref().unchecked_ref());
            let _ = JsFuture::from(promise).await;
            return ran.get();
        }
    }
    let _ = (name, wait);
    f().await;
    true
}

/// Takes the Web Lock `name` and keeps it for the page's lifetime (see [`form_lock`]).
pub fn hold(name: &str) {
    #[cfg(all(target_arch = "wasm32", web_sys_unstable_apis))]
    if let Some(locks) = lock_manager() {
        use wasm_bindgen::prelude::*;
        let callback = Closure::once_into_js(|_lock: JsValue| -> js_sys::Promise {
            js_sys::Promise::new(&mut |_resolve, _reject| {})
        });
        let _ = locks.request(name, callback.unchecked_ref());
    }
    let _ = name;
}

#[cfg(all(target_arch = "wasm32", web_sys_unstable_apis))]
fn lock_manager() -> Option<web_sys::LockManager> {
    let locks = web_sys::window()?.navigator().locks();
    (!locks.is_undefined()).then_some(locks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::submission::Confirm;
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    /// A map, with writes that can be made to fail.
    #[derive(Default)]
    struct Map {
        items: RefCell<BTreeMap<String, String>>,
        full: bool,
    }

    impl Kv for Map {
        fn get(&self, key: &str) -> Result<Option<String>, String> {
            Ok(self.items.borrow().get(key).cloned())
        }
        fn set(&self, key: &str, value: &str) -> Result<(), String> {
            if self.full {
                return Err("QuotaExceededError".into());
            }
            self.items.borrow_mut().insert(key.into(), value.into());
            Ok(())
        }
        fn remove(&self, key: &str) {
            self.items.borrow_mut().remove(key);
        }
        fn keys(&self) -> Vec<String> {
            self.items.borrow().keys().cloned().collect()
        }
    }

    fn sub(key: &str, account: u32) -> Submission {
        Submission::new(key.into(), format!("/api/Accounts/{account}/syncoptions/X"), r#"{"a":"<b>"}"#.into())
    }

    #[test]
    fn one_key_per_entry_round_trips() {
        let kv = Map::default();
        let mut s = sub("abc", 7).confirmed(Confirm::ExistingPartnerCustomer);
        let mut typed = crate::fields::Values::default();
        typed.set("account.companyName", "Contoso <b>Ltd</b>");
        s.values = Some(typed.clone());
        s.attempts = 3;
        s.created_ms = 5;
        write(&kv, &s).unwrap();
        write(&kv, &sub("def", 8)).unwrap();
        let json = kv.get("tenantcheck.queue.abc-pc").unwrap().unwrap();
        assert!(json.contains("\"confirms\":[\"existingPartnerCustomer\"]"), "{json}");
        assert!(!json.contains("attempts"), "{json}");
        let loaded = load(&kv, 10);
        assert_eq!(loaded.entries.len(), 2);
        let back = loaded.entries.iter().find(|e| e.key == "abc-pc").unwrap();
        assert_eq!((back.attempts, back.created_ms), (0, 5));
        assert_eq!(back.values, Some(typed));
        assert_eq!(get(&kv, "def").unwrap().account(), "8");
        remove(&kv, "def");
        assert_eq!(load(&kv, 10).entries.len(), 1);
    }

    #[test]
    fn the_old_single_key_queue_is_migrated_once() {
        let kv = Map::default();
        let old = r#"{"items":[{"key":"k","url":"/api/Accounts/1001/syncoptions/X","body":"{}"},
            {"key":"m","url":"/api/Accounts/1002/syncoptions/X","body":"{}","confirms":["existingBssAccount"]}]}"#;
        kv.set(OLD_KEY, old).unwrap();
        let mut loaded = load(&kv, 42);
        loaded.entries.sort_by(|a, b| a.key.cmp(&b.key));
        assert_eq!(loaded.entries.iter().map(|s| s.key.as_str()).collect::<Vec<_>>(), ["k", "m"]);
        assert_eq!(loaded.entries[0].account(), "1001");
        assert_eq!(loaded.entries[0].created_ms, 42);
        assert_eq!(loaded.entries[1].confirms, [Confirm::ExistingBssAccount]);
        assert!(kv.get(OLD_KEY).unwrap().is_none());
        assert_eq!(load(&kv, 43).entries.len(), 2);
        // A full storage keeps the old queue for the next start.
        let kv = Map { full: false, ..Map::default() };
        kv.set(OLD_KEY, old).unwrap();
        let kv = Map { items: kv.items, full: true };
        let loaded = load(&kv, 1);
        assert!(!loaded.problems.is_empty() && loaded.entries.is_empty());
        assert!(kv.get(OLD_KEY).unwrap().is_some());
    }

    #[test]
    fn unreadable_entries_are_set_aside_never_overwritten() {
        let kv = Map::default();
        kv.set("tenantcheck.queue.bad", "{not json").unwrap();
        kv.set(OLD_KEY, "garbage").unwrap();
        write(&kv, &sub("good", 1)).unwrap();
        let loaded = load(&kv, 1);
        assert_eq!(loaded.entries.len(), 1);
        assert_eq!(loaded.quarantined, ["tenantcheck.queue", "tenantcheck.queue.bad"]);
        assert_eq!(kv.get("tenantcheck.quarantine.bad").unwrap().as_deref(), Some("{not json"));
        assert_eq!(kv.get("tenantcheck.quarantine.tenantcheck.queue").unwrap().as_deref(), Some("garbage"));
        // A write under the key of an unreadable value moves that value aside first.
        kv.set("tenantcheck.queue.bad", "{again").unwrap();
        write(&kv, &sub("bad", 1)).unwrap();
        assert_eq!(kv.get("tenantcheck.quarantine.bad.2").unwrap().as_deref(), Some("{again"));
        assert_eq!(get(&kv, "bad").unwrap().key, "bad");
        // Removing leaves an unreadable value alone.
        kv.set("tenantcheck.queue.x", "[]").unwrap();
        remove(&kv, "x");
        assert!(kv.get("tenantcheck.queue.x").unwrap().is_some());
    }

    #[test]
    fn a_failed_write_is_an_error() {
        let kv = Map { full: true, ..Map::default() };
        assert_eq!(write(&kv, &sub("k", 1)), Err("QuotaExceededError".into()));
    }
}
