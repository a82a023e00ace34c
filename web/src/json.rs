//! Reading the host's JSON (queue entries, the draft, API answers, `data-*` attributes) as a `serde_json::Value`,
//! member by member, instead of `#[derive(Deserialize)]`: any serde deserializer of a type links serde's error
//! messages (`invalid type: floating point …`), and with them the standard library's float formatting, about 25 KB
//! of the module (docs/performance.md, "The browser host's module"). Each reader here keeps serde's derive rules:
//! a missing member with a default takes it, a member of the wrong type makes the whole value unreadable (`None`),
//! `null` is `None` for an `Option`, unknown members are ignored.

use serde_json::Map;
pub use serde_json::Value;

/// The JSON text as a value; `None` when it is not JSON.
pub fn parse(text: &str) -> Option<Value> {
    serde_json::from_str(text).ok()
}

/// An object's members; `None` for any other value.
pub fn object(v: &Value) -> Option<&Map<String, Value>> {
    v.as_object()
}

/// A member that must be there, read by `read`.
pub fn required<'a, T>(o: &'a Map<String, Value>, key: &str, read: impl FnOnce(&'a Value) -> Option<T>) -> Option<T> {
    o.get(key).and_then(read)
}

/// A member with a default (`#[serde(default)]`): the default when it is missing, else read by `read`.
pub fn or_default<'a, T: Default>(
    o: &'a Map<String, Value>,
    key: &str,
    read: impl FnOnce(&'a Value) -> Option<T>,
) -> Option<T> {
    o.get(key).map_or_else(|| Some(T::default()), read)
}

/// A string.
pub fn string(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

/// An optional value: `null` is `Some(None)`, else read by `read`.
pub fn optional<'a, T>(read: impl FnOnce(&'a Value) -> Option<T>) -> impl FnOnce(&'a Value) -> Option<Option<T>> {
    move |v| if v.is_null() { Some(None) } else { read(v).map(Some) }
}

/// A list of values each read by `read`; `None` when the value is no list or any item is unreadable.
pub fn list<'a, T>(read: impl Fn(&'a Value) -> Option<T>) -> impl FnOnce(&'a Value) -> Option<Vec<T>> {
    move |v| {
        let items = v.as_array()?;
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            out.push(read(item)?);
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_follow_serdes_rules() {
        let v = parse(r#"{"a":"x","n":null,"l":["p","q"],"bad":[1]}"#).unwrap();
        let o = object(&v).unwrap();
        assert_eq!(required(o, "a", string), Some("x".to_owned()));
        assert_eq!(required(o, "missing", string), None);
        assert_eq!(or_default(o, "missing", string), Some(String::new()));
        assert_eq!(or_default(o, "n", optional(string)), Some(None));
        assert_eq!(or_default(o, "a", optional(string)), Some(Some("x".to_owned())));
        assert_eq!(or_default(o, "l", list(string)), Some(vec!["p".to_owned(), "q".to_owned()]));
        assert_eq!(or_default(o, "bad", list(string)), None);
        assert_eq!(or_default(o, "n", string), None);
        assert!(parse("{").is_none());
    }
}
