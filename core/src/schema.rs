//! The record's fields and their kinds, in one table: the one place where a field is declared code-like or free text
//! (`rules.md` section 0). The seed of the record's schema (`design.md`, "The next shape").
//!
//! - [`Kind::Code`]: code-like text (username, domain prefix, Reseller ID, phone, e-mail, registration number,
//!   country, postcode): NFKC, invisible characters dropped, spaces folded, then the rule's canonical form
//!   ([`crate::text::normalize`]). A host may put it into that form when the field loses focus.
//! - [`Kind::Text`]: free text (company name, contact names, address lines, city): NFC and space folding only
//!   ([`crate::text::free_text`]); a host never rewrites it.
//! - [`Kind::State`]: code-like where the country's list of states is closed (US, CA, AU, or run-time rules with
//!   `supportedStates`), free text elsewhere ([`Kind::resolve`]).
//! - The others are not text: [`Kind::Bool`], [`Kind::Enum`], [`Kind::List`], [`Kind::Address`].
//!
//! The rules take their field's section-0 treatment from here ([`text_kind`], evaluated at compile time), the walker
//! ([`crate::validate`]) refuses control characters in every field of a text kind before a rule runs, and the browser
//! host asks [`kind`] which fields it may canonicalize on blur.

use crate::text::{self, TooLong};
use alloc::borrow::Cow;
use alloc::{borrow::ToOwned, string::String};

/// What a field holds, and for text, how section 0 treats it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Code-like text: NFKC, invisibles dropped, canonical form.
    Code,
    /// Free text: NFC and space folding only.
    Text,
    /// The state: [`Kind::Code`] where the country's list is closed, else [`Kind::Text`].
    State,
    /// A JSON boolean.
    Bool,
    /// One of a fixed set of names (`cspModel`).
    Enum,
    /// A list of codes (`markets`).
    List,
    /// An address object: its fields are [`ADDRESS`].
    Address,
}

/// How section 0 treats a text field once the state's kind is known: what [`Kind::resolve`] gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// [`crate::text::normalize`].
    Code,
    /// [`crate::text::free_text`].
    Free,
}

impl TextKind {
    /// Section 0 for this kind.
    pub fn normalize(self, raw: &str) -> Result<Cow<'_, str>, TooLong> {
        match self {
            TextKind::Code => text::normalize(raw),
            TextKind::Free => text::free_text(raw),
        }
    }
}

impl Kind {
    /// The text kind of a field of this kind; `closed_list` says whether the country's states form a closed list
    /// (only the state reads it). `None` for fields that are not text.
    pub const fn resolve(self, closed_list: bool) -> Option<TextKind> {
        match self {
            Kind::Code => Some(TextKind::Code),
            Kind::Text => Some(TextKind::Free),
            Kind::State if closed_list => Some(TextKind::Code),
            Kind::State => Some(TextKind::Free),
            Kind::Bool | Kind::Enum | Kind::List | Kind::Address => None,
        }
    }
}

/// One field: its dotted path (`request.md`) and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub path: &'static str,
    pub kind: Kind,
}

const fn f(path: &'static str, kind: Kind) -> Field {
    Field { path, kind }
}

/// The record's fields outside the addresses, in the order of `request.md`.
pub const FIELDS: &[Field] = &[
    f("cspModel", Kind::Enum),
    f("syncOptions.username", Kind::Code),
    f("syncOptions.domainPrefix", Kind::Code),
    f("syncOptions.resellerMpnId", Kind::Code),
    f("account.companyName", Kind::Text),
    f("account.contact.firstName", Kind::Text),
    f("account.contact.lastName", Kind::Text),
    f("account.email", Kind::Code),
    f("account.phone", Kind::Code),
    f("account.registrationNumber", Kind::Code),
    f("account.isSubCustomerOfReseller", Kind::Bool),
    f("account.billingAddress", Kind::Address),
    f("resellerBillingAddress", Kind::Address),
    f("partnerDomain", Kind::Code),
    f("markets", Kind::List),
    f("domainSuffix", Kind::Code),
];

/// The fields of an address, by their key in it (`account.billingAddress.postalCode`).
pub const ADDRESS: &[Field] = &[
    f("country", Kind::Code),
    f("addressLine1", Kind::Text),
    f("addressLine2", Kind::Text),
    f("city", Kind::Text),
    f("state", Kind::State),
    f("postalCode", Kind::Code),
];

/// Whether `path` from byte `from` on equals `key`, in a `const` context.
const fn same(path: &str, from: usize, key: &str) -> bool {
    let (p, k) = (path.as_bytes(), key.as_bytes());
    if p.len() != from + k.len() {
        return false;
    }
    let mut i = 0;
    while i < k.len() {
        if p[from + i] != k[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Where the key after `root.` starts in `path`, when `path` starts so.
const fn after(path: &str, root: &str) -> Option<usize> {
    let (p, r) = (path.as_bytes(), root.as_bytes());
    if p.len() <= r.len() + 1 || p[r.len()] != b'.' {
        return None;
    }
    let mut i = 0;
    while i < r.len() {
        if p[i] != r[i] {
            return None;
        }
        i += 1;
    }
    Some(r.len() + 1)
}

const fn find(table: &[Field], path: &str, from: usize) -> Option<Kind> {
    let mut i = 0;
    while i < table.len() {
        if same(path, from, table[i].path) {
            return Some(table[i].kind);
        }
        i += 1;
    }
    None
}

/// The roots under which [`ADDRESS`] is found.
pub const ADDRESS_ROOTS: [&str; 2] = ["account.billingAddress", "resellerBillingAddress"];

/// The kind of the field at a dotted path (`account.billingAddress.city` → [`Kind::Text`]); `None` for a path that
/// is no field of the record. Usable in constants.
pub const fn kind(path: &str) -> Option<Kind> {
    let mut r = 0;
    while r < ADDRESS_ROOTS.len() {
        if let Some(from) = after(path, ADDRESS_ROOTS[r]) {
            return find(ADDRESS, path, from);
        }
        r += 1;
    }
    find(FIELDS, path, 0)
}

/// [`kind`] for a rule's constant: fails the build (in a constant) for a path that is no field of the record.
pub const fn kind_of(path: &str) -> Kind {
    match kind(path) {
        Some(k) => k,
        None => panic!("not a field of the record"),
    }
}

/// The section-0 kind of a text field that is not the state, for a rule's constant: `text_kind("account.companyName")`
/// is [`TextKind::Free`]. Fails the build (in a constant) for a path that is not a text field.
pub const fn text_kind(path: &str) -> TextKind {
    match kind_of(path).resolve(false) {
        Some(t) => t,
        None => panic!("not a text field"),
    }
}

/// Every text field's dotted path with its kind: [`FIELDS`] and, under both address roots, [`ADDRESS`].
pub fn text_fields() -> impl Iterator<Item = (String, Kind)> {
    let top = FIELDS.iter().map(|f| (f.path.to_owned(), f.kind));
    let nested =
        ADDRESS_ROOTS.iter().flat_map(|root| ADDRESS.iter().map(move |a| ([root, ".", a.path].concat(), a.kind)));
    top.chain(nested).filter(|(_, k)| k.resolve(false).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_path() {
        assert_eq!(kind("account.companyName"), Some(Kind::Text));
        assert_eq!(kind("account.billingAddress.postalCode"), Some(Kind::Code));
        assert_eq!(kind("resellerBillingAddress.addressLine1"), Some(Kind::Text));
        assert_eq!(kind("account.billingAddress.state"), Some(Kind::State));
        assert_eq!(kind("account.isSubCustomerOfReseller"), Some(Kind::Bool));
        for p in
            ["", "account", "account.billingAddress.", "account.billingAddress.zip", "account.billingAddressx.city"]
        {
            assert_eq!(kind(p), None, "{p}");
        }
        assert_eq!(Kind::State.resolve(true), Some(TextKind::Code));
        assert_eq!(Kind::State.resolve(false), Some(TextKind::Free));
        const COMPANY: TextKind = text_kind("account.companyName");
        assert_eq!(COMPANY, TextKind::Free);
        assert_eq!(text_fields().count(), 11 + 12);
    }

    /// Every field of the table is a field of the record, and every text field of the record is in the table.
    #[test]
    fn the_table_is_the_record() {
        let mut record = crate::Record::default();
        for (path, kind) in text_fields() {
            assert!(crate::record::is_known_path(&path), "{path}");
            assert!(record.text_mut(&path).is_some(), "{path} ({kind:?})");
        }
        for f in FIELDS {
            assert!(crate::record::is_known_path(f.path) || f.kind == Kind::Address, "{}", f.path);
        }
    }
}
