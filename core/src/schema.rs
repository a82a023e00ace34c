//! The record's schema (`request.md`, issue 10): every field's JSON name, dotted path, kind and place, declared once,
//! below, with the record's types. Adding a field is one line here, plus its rule. From the declaration come:
//!
//! - the record's types ([`Record`], [`SyncOptions`], [`Account`], [`Contact`], [`Address`]) with their serde names;
//! - their places ([`crate::place::Object`]), through which one lenient reader ([`crate::record::read_into`], for JS
//!   values and for serde) and one result writer (`wasm.rs`) serve every object, none of them generic over it;
//! - the field paths: [`kind`], [`FIELDS`], [`text_fields`], [`crate::record::is_known_path`] (the CSV columns),
//!   [`crate::Record::text_mut`], the walker's address paths, the browser host's field list (`web/src/fields.rs`);
//! - the dependency table of `request.md` ("Field result": [`DEPENDENCIES`]), its paths checked against the
//!   declaration when the crate builds, and with it what a field check covers ([`covered`]);
//! - the field kinds of section 0, below. A test holds the TypeScript types (`wasm.rs`) and `docs/codes.md` to it.
//!
//! - [`Kind::Code`]: code-like text (username, domain prefix, Reseller ID, phone, e-mail, registration number,
//!   country, postcode): NFKC, invisible characters dropped, spaces folded, then the rule's canonical form
//!   ([`crate::text::normalize`]). A host may put it into that form when the field loses focus.
//! - [`Kind::Text`]: free text (company name, contact names, address lines, city): NFC and space folding only
//!   ([`crate::text::free_text`]); a host never rewrites it.
//! - [`Kind::State`]: code-like where the country's list of states is closed (US, CA, AU, or run-time rules with
//!   `supportedStates`), free text elsewhere ([`Kind::resolve`]).
//! - The others are not text: [`Kind::Bool`], [`Kind::Enum`], [`Kind::List`], [`Kind::Address`], and the objects
//!   that only nest fields ([`Kind::Object`]: `syncOptions`, `account`, `account.contact`).
//!
//! The rules take their field's section-0 treatment from here ([`text_kind`], evaluated at compile time), the walker
//! ([`crate::validate`]) refuses control characters in every field of a text kind before a rule runs, and the browser
//! host asks [`kind`] which fields it may canonicalize on blur.

use crate::place::{self, AsPlace, Flag, List, Place, PlaceMut, Slot, Text};
use crate::text::{self, TooLong};
use alloc::borrow::Cow;
use alloc::vec::Vec;
use serde::Serialize;

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
    /// An address object: its fields are [`Address`]'s.
    Address,
    /// An object that only nests fields (`syncOptions`, `account`, `account.contact`): not a field itself.
    Object,
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
            Kind::Bool | Kind::Enum | Kind::List | Kind::Address | Kind::Object => None,
        }
    }
}

/// One field of an object of the record, under one of the object's places in the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    /// Its JSON name (`postalCode`).
    pub key: &'static str,
    /// Its dotted path (`account.billingAddress.postalCode`).
    pub path: &'static str,
    pub kind: Kind,
    /// The fields of an object ([`Kind::Address`], [`Kind::Object`]); empty for the others.
    pub members: &'static [Member],
    /// The name of an object's type (`Address`), which its TypeScript interface has too; `""` for the others.
    pub object: &'static str,
}

impl Member {
    /// Whether the field is the customer's data, under `syncOptions` or `account`; the record's other fields are the
    /// partner's configuration (`request.md`, `rules.md` section 4), which a server takes from its own settings.
    pub const fn is_customer_data(&self) -> bool {
        starts(self.path, "syncOptions.") || starts(self.path, "account.")
    }

    /// Whether the field holds text (of any kind, the state included).
    pub const fn is_text(&self) -> bool {
        self.kind.resolve(false).is_some()
    }
}

/// Declares an object of the record: its type (fields with their JSON names, for serde too), where it is in the
/// record (`at`: the dotted paths of its places; `""` for the record itself), and each field's kind (an object's with
/// its type). `with id` gives the object the record's `id` ([`place::Id`]), which is no field: only the record has it. The object's [`Member`] tables and its [`place::Object`] places are made from the same lines.
macro_rules! object {
    (@roots [$($root:tt),+] $members:tt) => {
        &[$(object!(@members $root $members)),+]
    };
    (@members $root:tt [$(($key:literal, $kind:ident $(, $child:ident)?))*]) => {
        &[$(Member {
            key: $key,
            path: object!(@join $root, $key),
            kind: Kind::$kind,
            members: object!(@child $root, $key $(, $child)?),
            object: object!(@name $($child)?),
        }),*]
    };
    (@join "", $key:literal) => { $key };
    (@join $root:tt, $key:literal) => { concat!($root, ".", $key) };
    (@name) => { "" };
    (@name $child:ident) => { stringify!($child) };
    (@child $root:tt, $key:literal) => { &[] };
    (@child $root:tt, $key:literal, $child:ident) => { $child::members_at(object!(@join $root, $key)) };
    ($(#[$doc:meta])* $name:ident at [$($root:tt),+] $(with $id:ident)? {
        $($(#[$fdoc:meta])* $field:ident : $ty:ty = $key:literal => $kind:ident $(($child:ident))?,)*
    }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
        pub struct $name {
            $($(#[$fdoc])* #[serde(rename = $key)] pub $field: $ty,)*
            /// Keys of the JSON object that the record does not know.
            #[serde(skip)]
            pub unknown: alloc::vec::Vec<alloc::string::String>,
            $(
            /// The record's `id` (`request.md`): not a field; the walker moves it into the result.
            #[serde(skip)]
            pub $id: place::Id,
            )?
        }

        impl $name {
            /// The JSON names of the fields, in order.
            pub const KEYS: &'static [&'static str] = &[$($key),*];
            /// The dotted paths of the object's places in the record.
            pub const ROOTS: &'static [&'static str] = &[$($root),+];
            /// The fields under each place of [`Self::ROOTS`], in order.
            pub const MEMBERS: &'static [&'static [Member]] =
                object!(@roots [$($root),+] [$(($key, $kind $(, $child)?))*]);

            /// The fields under the place `root` (fails the build, in a constant, for another path).
            pub const fn members_at(root: &str) -> &'static [Member] {
                let mut r = 0;
                while r < Self::ROOTS.len() {
                    if starts(Self::ROOTS[r], root) && Self::ROOTS[r].len() == root.len() {
                        return Self::MEMBERS[r];
                    }
                    r += 1;
                }
                panic!("the object has no such place")
            }
        }

        impl place::Object for $name {
            fn keys(&self) -> &'static [&'static str] {
                Self::KEYS
            }
            fn place(&self, i: usize) -> Option<Place<'_>> {
                let mut at = 0;
                $(if i == at {
                    return Some(self.$field.as_place());
                }
                at += 1;)*
                let _ = at;
                None
            }
            fn place_mut(&mut self, i: usize) -> Option<PlaceMut<'_>> {
                let mut at = 0;
                $(if i == at {
                    return Some(self.$field.as_place_mut());
                }
                at += 1;)*
                let _ = at;
                None
            }
            fn unknown_mut(&mut self) -> &mut alloc::vec::Vec<alloc::string::String> {
                &mut self.unknown
            }
            $(
            fn id_mut(&mut self) -> Option<&mut place::Id> {
                Some(&mut self.$id)
            }
            )?
        }
    };
}

object!(
    /// The record of `request.md`: one account's sync options and prerequisites, with the partner's configuration.
    Record at [""] with id {
        /// Configuration: `direct` | `indirectProvider` | `indirectCountryTenant` | `tenantReseller`.
        csp_model: Text = "cspModel" => Enum,
        sync_options: Slot<SyncOptions> = "syncOptions" => Object(SyncOptions),
        account: Slot<Account> = "account" => Object(Account),
        /// Configuration: the reseller's billing address, for sub-customers that leave theirs empty.
        reseller_billing_address: Slot<Address> = "resellerBillingAddress" => Address(Address),
        /// Configuration: the partner's own domain, which customer e-mail may not use.
        partner_domain: Text = "partnerDomain" => Code,
        /// Configuration: country codes the partner sells in; `null` = Partner Center's CSP markets.
        markets: List = "markets" => List,
        /// Configuration: the initial-domain suffix; `null` = `onmicrosoft.com`.
        domain_suffix: Text = "domainSuffix" => Code,
    }
);

object!(
    /// The sync options of one Partner Center instance.
    SyncOptions at ["syncOptions"] {
        username: Text = "username" => Code,
        domain_prefix: Text = "domainPrefix" => Code,
        reseller_mpn_id: Text = "resellerMpnId" => Code,
    }
);

object!(
    /// The BSS account's prerequisites.
    Account at ["account"] {
        company_name: Text = "companyName" => Text,
        contact: Slot<Contact> = "contact" => Object(Contact),
        email: Text = "email" => Code,
        phone: Text = "phone" => Code,
        registration_number: Text = "registrationNumber" => Code,
        is_sub_customer_of_reseller: Flag = "isSubCustomerOfReseller" => Bool,
        billing_address: Slot<Address> = "billingAddress" => Address(Address),
    }
);

object!(
    /// The account's primary contact.
    Contact at ["account.contact"] {
        first_name: Text = "firstName" => Text,
        last_name: Text = "lastName" => Text,
    }
);

object!(
    /// A billing address.
    Address at ["account.billingAddress", "resellerBillingAddress"] {
        country: Text = "country" => Code,
        address_line1: Text = "addressLine1" => Text,
        address_line2: Text = "addressLine2" => Text,
        city: Text = "city" => Text,
        state: Text = "state" => State,
        postal_code: Text = "postalCode" => Code,
    }
);

/// The record's own fields, in the order of `request.md`.
pub const RECORD: &[Member] = Record::MEMBERS[0];

/// Whether `s` starts with `prefix`, in a `const` context.
const fn starts(s: &str, prefix: &str) -> bool {
    let (s, p) = (s.as_bytes(), prefix.as_bytes());
    if s.len() < p.len() {
        return false;
    }
    let mut i = 0;
    while i < p.len() {
        if s[i] != p[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The member of `table` whose key is `path[from..to]`.
const fn find(table: &'static [Member], path: &[u8], from: usize, to: usize) -> Option<&'static Member> {
    let mut i = 0;
    while i < table.len() {
        let key = table[i].key.as_bytes();
        if key.len() == to - from {
            let mut j = 0;
            while j < key.len() && key[j] == path[from + j] {
                j += 1;
            }
            if j == key.len() {
                return Some(&table[i]);
            }
        }
        i += 1;
    }
    None
}

/// The member at a dotted path, objects included (`account.contact` is [`Kind::Object`]).
pub const fn member(path: &str) -> Option<&'static Member> {
    let p = path.as_bytes();
    let (mut table, mut from) = (RECORD, 0);
    loop {
        let mut to = from;
        while to < p.len() && p[to] != b'.' {
            to += 1;
        }
        let Some(m) = find(table, p, from, to) else { return None };
        if to == p.len() {
            return Some(m);
        }
        table = m.members;
        from = to + 1;
    }
}

/// The kind of the field at a dotted path (`account.billingAddress.city` → [`Kind::Text`]); `None` for a path that
/// is no field of the record (an object that only nests fields, `account`, is none). Usable in constants.
pub const fn kind(path: &str) -> Option<Kind> {
    match member(path) {
        Some(Member { kind: Kind::Object, .. }) | None => None,
        Some(m) => Some(m.kind),
    }
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

/// The dotted path of the field `key` of the object at `root` (`("resellerBillingAddress", "city")`), for a constant:
/// fails the build for a field the schema does not declare there.
pub const fn path(root: &str, key: &str) -> &'static str {
    let Some(object) = member(root) else { panic!("no such object") };
    let Some(m) = find(object.members, key.as_bytes(), 0, key.len()) else { panic!("no such field") };
    m.path
}

/// How many fields [`FIELDS`] has under `table`.
const fn count(table: &[Member]) -> usize {
    let (mut n, mut i) = (0, 0);
    while i < table.len() {
        if !matches!(table[i].kind, Kind::Object) {
            n += 1;
        }
        n += count(table[i].members);
        i += 1;
    }
    n
}

/// Puts the fields of `table` into `out` from `n` on, depth first; returns the next free place.
const fn flatten<const N: usize>(out: &mut [Member; N], mut n: usize, table: &'static [Member]) -> usize {
    let mut i = 0;
    while i < table.len() {
        if !matches!(table[i].kind, Kind::Object) {
            out[n] = table[i];
            n += 1;
        }
        n = flatten(out, n, table[i].members);
        i += 1;
    }
    n
}

const fn all_fields<const N: usize>() -> [Member; N] {
    let mut out = [RECORD[0]; N];
    flatten(&mut out, 0, RECORD);
    out
}

/// Every field of the record with its dotted path, depth first in the order of `request.md`: text, flag, enum and
/// list fields, and each address followed by its fields (the objects that only nest fields are not fields).
pub const FIELDS: &[Member] = &all_fields::<{ count(RECORD) }>();

/// Every text field's dotted path with its kind, in the order of [`FIELDS`].
pub fn text_fields() -> impl Iterator<Item = (&'static str, Kind)> {
    FIELDS.iter().filter(|f| f.is_text()).map(|f| (f.path, f.kind))
}

/// Writes `s` into `out` from byte `n` on, as far as `out` has room; returns where it ends. The compile-time
/// TypeScript writers share it (this module's and `wasm::types`).
pub(crate) const fn put(out: &mut [u8], n: usize, s: &str) -> usize {
    let s = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        if n + i < out.len() {
            out[n + i] = s[i];
        }
        i += 1;
    }
    n + s.len()
}

/// Whether the interface `name` was written before the object at place `at` of `table` (depth first), so that an
/// object with two places (the address) is declared once.
const fn declared_before(table: &[Member], at: usize, name: &str) -> bool {
    let mut i = 0;
    while i < at {
        let m = &table[i];
        if !m.object.is_empty() && (same_str(m.object, name) || declared_before(m.members, m.members.len(), name)) {
            return true;
        }
        i += 1;
    }
    false
}

const fn same_str(a: &str, b: &str) -> bool {
    a.len() == b.len() && starts(a, b)
}

/// Writes the TypeScript interface `name` of an object with the fields `table`, then those of its objects not declared
/// before.
const fn interfaces(out: &mut [u8], mut n: usize, name: &str, table: &[Member], enum_names: &[&str]) -> usize {
    n = put(out, n, "\nexport interface ");
    n = put(out, n, name);
    n = put(out, n, " {\n");
    let mut i = 0;
    while i < table.len() {
        let m = &table[i];
        n = put(out, n, "    ");
        n = put(out, n, m.key);
        n = put(out, n, ": ");
        match m.kind {
            Kind::Code | Kind::Text | Kind::State => n = put(out, n, "string"),
            Kind::Bool => n = put(out, n, "boolean"),
            Kind::List => n = put(out, n, "(string | null)[]"),
            Kind::Address | Kind::Object => n = put(out, n, m.object),
            Kind::Enum => {
                let mut e = 0;
                while e < enum_names.len() {
                    n = put(out, n, if e == 0 { "\"" } else { " | \"" });
                    n = put(out, n, enum_names[e]);
                    n = put(out, n, "\"");
                    e += 1;
                }
            }
        }
        n = put(out, n, " | null;\n");
        i += 1;
    }
    n = put(out, n, "}\n");
    let mut i = 0;
    while i < table.len() {
        let m = &table[i];
        if !m.object.is_empty() && !declared_before(table, i, m.object) {
            n = interfaces(out, n, m.object, m.members, enum_names);
        }
        i += 1;
    }
    n
}

/// The TypeScript declarations of the record's objects, from the schema: the record as the interface `name`, each
/// of its objects as an interface of its type's name, every field present and `null` for no value (`request.md`).
/// `enum_names`: the values of the [`Kind::Enum`] field (`cspModel`). Written into `out` as far as it has room;
/// returns the length, so that a constant can size its buffer with a first call.
pub const fn typescript(out: &mut [u8], name: &str, enum_names: &[&str]) -> usize {
    let n = put(out, 0, "/** The normalized record (`request.md`): every field present, `null` for no value. */");
    interfaces(out, n, name, RECORD, enum_names)
}

/// The path of a field of the record as the schema declares it, for a constant: fails the build (in a constant) for a
/// path that is no field (an object that only nests fields, `account`, is none).
const fn field(path: &str) -> &'static str {
    match member(path) {
        Some(m) if !matches!(m.kind, Kind::Object | Kind::Address) => m.path,
        _ => panic!("not a field of the record"),
    }
}

/// The paths of the fields of the address at `root`, in the schema's order, for a constant (fails the build for
/// another path).
const fn fields_of<const N: usize>(root: &str) -> [&'static str; N] {
    let Some(Member { kind: Kind::Address, members, .. }) = member(root) else {
        panic!("not an address of the record")
    };
    assert!(members.len() == N);
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = members[i].path;
        i += 1;
    }
    out
}

/// How many of [`FIELDS`] hold a value of their own (not an address).
const fn count_values() -> usize {
    let (mut n, mut i) = (0, 0);
    while i < FIELDS.len() {
        if !matches!(FIELDS[i].kind, Kind::Address) {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The path of every field of [`FIELDS`] that holds a value of its own (not an address), as the schema declares it:
/// what a field check's `covered` is made of, without the schema's tables in the package.
const PATHS: [&str; count_values()] = {
    let mut out = [""; count_values()];
    let (mut n, mut i) = (0, 0);
    while i < FIELDS.len() {
        if !matches!(FIELDS[i].kind, Kind::Address) {
            out[n] = FIELDS[i].path;
            n += 1;
        }
        i += 1;
    }
    out
};

/// The account's own billing address: a sub-customer that leaves it empty takes the reseller's (`rules.md` section 2).
pub const OWN_ADDRESS: &str = match member("account.billingAddress") {
    Some(Member { kind: Kind::Address, path, .. }) => path,
    _ => panic!("not an address of the record"),
};

/// The fields of [`OWN_ADDRESS`], in the schema's order.
pub const OWN_ADDRESS_FIELDS: [&str; Address::KEYS.len()] = fields_of(OWN_ADDRESS);

/// A change that a row of [`DEPENDENCIES`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Any change of this field.
    Of(&'static str),
    /// A change of any field of [`OWN_ADDRESS`] that turns the address from empty to filled or back
    /// ([`crate::record::Address::is_empty`]) while the account is a sub-customer of a reseller: the reseller's address
    /// then stands in for the empty one, so the account's country may change (`rules.md` section 2). For any other
    /// account the own address is the account's, empty or not, and the change re-checks nothing else.
    FillsOwnAddress,
}

/// One row of [`DEPENDENCIES`]: a change, and the fields whose verdict depends on it (in groups: an address's fields,
/// single fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dependency {
    pub change: Change,
    pub covers: &'static [&'static [&'static str]],
}

/// The dependency table of `request.md` ("Field result"): a change of the left re-checks the right, so a field check
/// ([`crate::Validator::validate_field`]) states their issues in full too ([`covered`]). Every path is the schema's
/// (checked when the crate builds). The cross-field rules it follows: the country's rules read by the city, state,
/// postcode, phone and registration number (`rules.md` section 2); the state against the postcode
/// ([`crate::rules::postcode::agrees_with_state`]); the Reseller ID required by the CSP model and the sub-customer
/// flag ([`crate::rules::mpn`]); the reseller's address standing in for a sub-customer's empty one.
pub const DEPENDENCIES: &[Dependency] = {
    const PHONE_AND_REGISTRATION: &[&str] = &[field("account.phone"), field("account.registrationNumber")];
    const RESELLER_ID: &[&str] = &[field("syncOptions.resellerMpnId")];
    const ADDRESS: &[&str] = &OWN_ADDRESS_FIELDS;
    &[
        Dependency {
            change: Change::Of(field("account.billingAddress.country")),
            covers: &[ADDRESS, PHONE_AND_REGISTRATION],
        },
        Dependency {
            change: Change::Of(field("account.billingAddress.state")),
            covers: &[&[field("account.billingAddress.postalCode")]],
        },
        Dependency {
            change: Change::Of(field("account.billingAddress.postalCode")),
            covers: &[&[field("account.billingAddress.state")]],
        },
        Dependency {
            change: Change::Of(field("account.isSubCustomerOfReseller")),
            covers: &[ADDRESS, RESELLER_ID, PHONE_AND_REGISTRATION],
        },
        Dependency { change: Change::FillsOwnAddress, covers: &[ADDRESS, PHONE_AND_REGISTRATION] },
        Dependency { change: Change::Of(field("cspModel")), covers: &[RESELLER_ID] },
    ]
};

/// The place of a path in [`PATHS`], in a constant (fails the build for a path that is not there).
const fn index(path: &str) -> usize {
    let mut i = 0;
    while i < PATHS.len() {
        if same_str(PATHS[i], path) {
            return i;
        }
        i += 1;
    }
    panic!("not a field of the record")
}

/// [`DEPENDENCIES`] as the package reads it: for each field of [`PATHS`], the fields a change of it covers (the rows
/// of [`DEPENDENCIES`] about it together), as bits of their places in [`PATHS`], and the same for
/// [`Change::FillsOwnAddress`] last: a few bytes a field, not tables of string pointers (which neither shrink nor
/// compress in WebAssembly), and no search of the rows when a field is checked.
const COVERS: [u32; PATHS.len() + 1] = {
    assert!(PATHS.len() < 32);
    let mut out = [0; PATHS.len() + 1];
    let mut r = 0;
    while r < DEPENDENCIES.len() {
        let row = &DEPENDENCIES[r];
        let change = match row.change {
            Change::Of(p) => index(p),
            Change::FillsOwnAddress => PATHS.len(),
        };
        let mut g = 0;
        while g < row.covers.len() {
            let mut k = 0;
            while k < row.covers[g].len() {
                out[change] |= 1 << index(row.covers[g][k]);
                k += 1;
            }
            g += 1;
        }
        r += 1;
    }
    out
};

/// The paths whose issues a check of the field at `path` states in full (`request.md`, "Field result": `covered`):
/// the field itself first, then what the rows of [`DEPENDENCIES`] about the change cover, each path once, in the
/// schema's order. `fills_own_address`: the change is [`Change::FillsOwnAddress`] (the caller has found that the edit
/// turned [`OWN_ADDRESS`] from empty to filled or back, which only an edit of one of its fields can). Empty for a path that holds no value of its own (no field, an object, an
/// address).
pub fn covered(path: &str, fills_own_address: bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut own = 0;
    while own < PATHS.len() && PATHS[own] != path {
        own += 1;
    }
    let Some(field) = PATHS.get(own) else { return out };
    out.push(*field);
    let mut bits = COVERS[own];
    if fills_own_address {
        bits |= COVERS[PATHS.len()];
    }
    bits &= !(1 << own);
    for (i, p) in PATHS.iter().enumerate() {
        if bits & (1 << i) != 0 {
            out.push(*p);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Object;

    #[test]
    fn kinds_by_path() {
        assert_eq!(kind("account.companyName"), Some(Kind::Text));
        assert_eq!(kind("account.billingAddress.postalCode"), Some(Kind::Code));
        assert_eq!(kind("resellerBillingAddress.addressLine1"), Some(Kind::Text));
        assert_eq!(kind("account.billingAddress.state"), Some(Kind::State));
        assert_eq!(kind("account.isSubCustomerOfReseller"), Some(Kind::Bool));
        assert_eq!(kind("account.billingAddress"), Some(Kind::Address));
        for p in [
            "",
            "account",
            "account.contact",
            "account.billingAddress.",
            "account.billingAddress.zip",
            "account.billingAddressx.city",
            "cspModel.x",
        ] {
            assert_eq!(kind(p), None, "{p}");
        }
        assert_eq!(Kind::State.resolve(true), Some(TextKind::Code));
        assert_eq!(Kind::State.resolve(false), Some(TextKind::Free));
        const COMPANY: TextKind = text_kind("account.companyName");
        assert_eq!(COMPANY, TextKind::Free);
        const CITY: &str = path("resellerBillingAddress", "city");
        assert_eq!(CITY, "resellerBillingAddress.city");
        assert_eq!(text_fields().count(), 11 + 12);
        assert_eq!(FIELDS.len(), 4 + 3 + 5 + 2 * 7 + 2);
    }

    /// Each path in [`FIELDS`] is its parents' keys joined, the kind says what the field holds, and every field is
    /// reachable in a record by its path.
    #[test]
    fn the_table_is_the_record() {
        let mut record = Record::default();
        for f in FIELDS {
            assert_eq!(member(f.path), Some(f), "{}", f.path);
            let (parent, key) = f.path.rsplit_once('.').unwrap_or(("", f.path));
            assert_eq!(key, f.key);
            if !parent.is_empty() {
                assert!(matches!(kind(parent), None | Some(Kind::Address)) && member(parent).is_some(), "{parent}");
            }
            let place = crate::record::place_at(&mut record, f.path).unwrap_or_else(|| panic!("{}", f.path));
            let holds = match place {
                PlaceMut::Text(_) => f.is_text() || f.kind == Kind::Enum,
                PlaceMut::Flag(_) => f.kind == Kind::Bool,
                PlaceMut::List(_) => f.kind == Kind::List,
                PlaceMut::Object(_) => matches!(f.kind, Kind::Address | Kind::Object),
                PlaceMut::Id(_) => false,
            };
            assert!(holds, "{} is no {:?}", f.path, f.kind);
            assert_eq!(f.members.is_empty(), f.kind != Kind::Address, "{}", f.path);
        }
        assert_eq!(record.keys().len(), RECORD.len());
        assert!(record.text_mut("account.contact.lastName").is_some());
        assert_eq!(Address::members_at("resellerBillingAddress")[5].path, "resellerBillingAddress.postalCode");
    }
}
