//! The record walker: reads a [`Record`], runs every rule on its field with the field's dotted path, and returns a
//! [`Report`] (`request.md`, "Result"). Field paths are built here, not by the rules. Configuration (section 4 of
//! `rules.md`) comes with the record, unless the validator holds the partner's ([`Validator::configure`]: a validator
//! instance of the package, the command line's `--settings`): then the record's is ignored, with one warning each.

use crate::countries::{self, Country, CountryRules, RuleSetError, Rules};
use crate::issue::{Issue, Outcome, Reason, Severity};
use crate::record::{self, Address, Flag, Parsed, PlaceMut, Record, Slot, Text};
use crate::rules::config::ConfigReason;
use crate::rules::domain::{self, DomainForm};
use crate::rules::mpn::{self, CspModel};
use crate::rules::request::RequestReason;
use crate::rules::sub_customer::SubCustomerReason;
use crate::rules::{
    address, characters, config, country, email, names, phone, postcode, registration, state, username,
};
use crate::schema;
use crate::source::NotData;
use alloc::borrow::Cow;
#[cfg(not(all(feature = "wasm", target_arch = "wasm32")))]
use alloc::sync::Arc;
use alloc::{borrow::ToOwned, string::String, string::ToString, vec::Vec};
use serde::Serialize;

/// The result of validating one record (`request.md`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The record's `id` (`request.md`), echoed when it is a string of at most 200 characters or an integer of at
    /// most 15 digits ([`record::Id`]); left out otherwise.
    #[serde(skip_serializing_if = "record::Id::is_none")]
    pub id: record::Id,
    /// True exactly when `errors` is empty.
    pub valid: bool,
    /// Which form the domain field holds; `None` when it is invalid, or not checked (a walk whose focus leaves
    /// `syncOptions.domainPrefix` out: `validate_fields`, a field check).
    pub domain_form: Option<DomainForm>,
    /// The domain field is an alias, which can only link an existing tenant.
    pub links_existing_tenant: bool,
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
    /// The record with every normalized value; `None` when the input was not a record.
    pub normalized: Option<Record>,
}

impl Report {
    /// The domain Partner Center receives for this record (`prefix.suffix`, or the alias), when the domain field is
    /// valid: one place for the host's availability check and the server.
    pub fn full_domain(&self) -> Option<String> {
        let form = self.domain_form?;
        let record = self.normalized.as_ref()?;
        let value = record.sync_options.value()?.domain_prefix.value()?;
        let suffix = record.domain_suffix.value().map_or(domain::DEFAULT_SUFFIX, String::as_str);
        Some(domain::Domain { value: value.clone(), form }.full(suffix))
    }

    /// The report for text that is not JSON (`line` and `column` 1-based, as the caller counts them).
    pub fn not_json(detail: String, line: usize, column: usize) -> Report {
        Report::rejected(Issue::new("", &RequestReason::NotJson { detail, line, column }))
    }

    fn rejected(issue: Issue) -> Report {
        Report {
            id: record::Id::Absent,
            valid: false,
            domain_form: None,
            links_existing_tenant: false,
            errors: vec![issue],
            warnings: Vec::new(),
            normalized: None,
        }
    }
}

/// A field's value in a field check ([`Validator::validate_field`]): text, or the sub-customer flag. Serialized as the
/// value itself (`null` for no value).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum FieldValue {
    Text(Text),
    Flag(Flag),
}

impl From<Text> for FieldValue {
    fn from(t: Text) -> Self {
        FieldValue::Text(t)
    }
}

impl From<Flag> for FieldValue {
    fn from(f: Flag) -> Self {
        FieldValue::Flag(f)
    }
}

impl FieldValue {
    /// Puts the value into its place in a record, a text field or the flag. A value of the other type is kept as a
    /// wrong type, which the walker reports.
    fn put(self, place: PlaceMut<'_>) {
        match (place, self) {
            (PlaceMut::Text(t), FieldValue::Text(v)) => *t = v,
            (PlaceMut::Flag(f), FieldValue::Flag(v)) => *f = v,
            (PlaceMut::Text(t), FieldValue::Flag(v)) => *t = retyped(v, record::Kind::Bool),
            (PlaceMut::Flag(f), FieldValue::Text(v)) => *f = retyped(v, record::Kind::Text),
            (PlaceMut::List(_) | PlaceMut::Object(_) | PlaceMut::Id(_), _) => {}
        }
    }

    /// The value at a place of a record, taken out of it.
    fn take(place: Option<PlaceMut<'_>>) -> FieldValue {
        match place {
            Some(PlaceMut::Flag(f)) => FieldValue::Flag(core::mem::take(f)),
            Some(PlaceMut::Text(t)) => FieldValue::Text(core::mem::take(t)),
            _ => FieldValue::Text(Slot::Absent),
        }
    }
}

/// A slot of one type as a slot of another: a value becomes a wrong type (`found`).
fn retyped<T, U>(slot: Slot<T>, found: record::Kind) -> Slot<U> {
    match slot {
        Slot::Value(_) => Slot::Wrong(found),
        Slot::Wrong(k) => Slot::Wrong(k),
        Slot::Null => Slot::Null,
        Slot::Absent => Slot::Absent,
    }
}

/// The result of checking one field as the user types (`request.md`, "Field result"): the field's value, its issues
/// and those of the fields whose verdict depends on it ([`schema::covered`]), not the whole record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldReport {
    /// The field's dotted path, as given.
    pub field: Cow<'static, str>,
    /// The field's normalized value (as given where its rule refused it).
    pub value: FieldValue,
    /// True exactly when `errors` is empty.
    pub valid: bool,
    /// Every path whose issues this result states in full: the field, then what it covers
    /// ([`schema::DEPENDENCIES`]); a host clears the stale messages of these paths and no others. Empty when the call
    /// could not be checked (the path is no field, the record no object): `errors` then says why.
    pub covered: Vec<&'static str>,
    /// The errors of the covered paths.
    pub errors: Vec<Issue>,
    /// The warnings of the covered paths.
    pub warnings: Vec<Issue>,
    /// Which form the record's domain field holds, `None` when it is invalid or another field was checked
    /// ([`Report::domain_form`]): with the domain field's `value`, a host's availability check has the domain
    /// ([`domain::Domain::full`]). Not part of `request.md`'s result.
    #[serde(skip)]
    pub domain_form: Option<DomainForm>,
}

/// A field check before its result is written ([`FieldReport`] natively, the package's writer in WebAssembly, which
/// reads the value from the record rather than taking it out): the walk's report, with the normalized record, and the
/// covered paths.
#[derive(Debug)]
pub struct FieldCheck {
    /// The field's dotted path, as given (bounded where the check was rejected).
    pub field: Cow<'static, str>,
    /// [`FieldReport::covered`].
    pub covered: Vec<&'static str>,
    /// The walk's report; `normalized` holds the field's value (none where the check was rejected).
    pub report: Report,
}

impl FieldCheck {
    /// A call that could not be checked: no field, one error, on the record (`""`), or with `on_field`, on the
    /// field. The result names the field at `path`, bounded (paths come from callers).
    pub fn rejected(path: &str, reason: &dyn Reason, on_field: bool) -> FieldCheck {
        let field = bounded(path);
        let at = if on_field { field.clone() } else { Cow::Borrowed("") };
        FieldCheck { report: Report::rejected(Issue::new(at, reason)), field, covered: Vec::new() }
    }

    /// A call whose path or record is not JSON-like data: `request.not_json` on the record, without a line or column
    /// (no text was read).
    pub fn not_json(path: &str, detail: String) -> FieldCheck {
        FieldCheck::rejected(path, &RequestReason::NotJson { detail, line: 0, column: 0 }, false)
    }

    /// The field result, its value taken out of the normalized record.
    pub fn into_report(self) -> FieldReport {
        let FieldCheck { field, covered, mut report } = self;
        let value = FieldValue::take(report.normalized.as_mut().and_then(|r| record::place_at(r, &field)));
        FieldReport {
            field,
            value,
            valid: report.valid,
            covered,
            errors: report.errors,
            warnings: report.warnings,
            domain_form: report.domain_form,
        }
    }
}

/// A path from a caller, bounded, for a result that names it.
fn bounded(path: &str) -> Cow<'static, str> {
    Cow::Owned(crate::text::first_chars(path, 200).to_owned())
}

/// Validates records against the embedded country table, or against run-time country rules installed with
/// [`Validator::set_country_rules`]; with the configuration the records carry, or the partner's it holds
/// ([`Validator::configure`]).
#[derive(Debug, Clone, Default)]
pub struct Validator {
    /// Run-time rules, one entry per country (found by [`Country`]'s equality: the same row).
    overrides: Vec<CountryRules>,
    /// The partner's configuration, where the host holds it (shared: a copy of the validator with other country rules
    /// copies no configuration).
    held: Option<Held>,
}

/// How a validator holds its configuration: shared (a copy of the validator copies no record); in the npm package the
/// configuration is a JS object, which copies share as they are.
#[cfg(not(all(feature = "wasm", target_arch = "wasm32")))]
type Held = Arc<Configuration>;
#[cfg(all(feature = "wasm", target_arch = "wasm32"))]
type Held = Configuration;

/// The partner's configuration as a host holds it (`rules.md` section 4, `request.md`), checked and normalized once,
/// when it is taken ([`Validator::configure`]).
#[derive(Debug, Clone)]
pub struct Configuration {
    /// The configuration fields, normalized, as a record's `normalized` shows them (its objects are absent).
    #[cfg(not(all(feature = "wasm", target_arch = "wasm32")))]
    fields: Record,
    /// In the npm package, the same fields as a plain JS object (written by the package's writer), and only that: each
    /// record takes them by the package's reader ([`crate::js_host::value::read_held`]), which is linked anyway, rather than by
    /// a `clone` per field type (0.3 KB of the package's gzip size).
    #[cfg(all(feature = "wasm", target_arch = "wasm32"))]
    js: wasm_bindgen::JsValue,
}

impl Configuration {
    /// Holds the normalized record's configuration fields.
    fn new(fields: Record) -> Self {
        #[cfg(all(feature = "wasm", target_arch = "wasm32"))]
        {
            // The record's other fields are written too, and never read.
            Configuration { js: crate::js_host::value::ToJs::to_js(&fields) }
        }
        #[cfg(not(all(feature = "wasm", target_arch = "wasm32")))]
        {
            // Only the configuration fields are held.
            let mut fields = fields;
            fields.account = Slot::Absent;
            fields.sync_options = Slot::Absent;
            Configuration { fields }
        }
    }

    /// The configuration fields, normalized (the record's objects are absent). Not in the npm package, which holds
    /// them as a JS object.
    #[cfg(not(all(feature = "wasm", target_arch = "wasm32")))]
    pub fn fields(&self) -> &Record {
        &self.fields
    }
}

impl Validator {
    pub const fn new() -> Self {
        Validator { overrides: Vec::new(), held: None }
    }

    /// Holds the partner's configuration: `config` carries it as a record does (`cspModel`, `partnerDomain`,
    /// `markets`, `domainSuffix`, `resellerBillingAddress`; its other fields are not read). It is checked as a record's
    /// is, the reseller's address with the country rules in force; the first error is returned, and then nothing
    /// changes. Records validated afterwards need customer data only: the held configuration applies, and a
    /// configuration field a record carries is ignored with one warning (`request.configuration_ignored`).
    pub fn configure(&mut self, mut config: Record) -> Result<(), Issue> {
        // Checked by the one walk of records: a record that carries this configuration, for a sub-customer with no
        // address of its own where the reseller's is given, so that it is checked as the account's would be. Only
        // the issues on configuration fields count.
        let reseller = matches!(config.reseller_billing_address, Slot::Value(_) | Slot::Wrong(_));
        if let Some(account) = config.account.value_or_default() {
            account.is_sub_customer_of_reseller = Slot::Value(reseller);
            account.billing_address = Slot::Absent;
        }
        // Checked without the configuration held now (a copy of the validator's country rules).
        let mut report = Validator { overrides: self.overrides.clone(), held: None }.validate(config);
        if let Some(i) = report.errors.iter().position(|i| CONFIGURATION.iter().any(|c| is_within(&i.field, c))) {
            // The first such issue, taken without a bounds check's panic message.
            report.errors.truncate(i + 1);
            if let Some(first) = report.errors.pop() {
                return Err(first);
            }
        }
        if let Some(fields) = report.normalized {
            self.held = Some(Held::from(Configuration::new(fields)));
        }
        Ok(())
    }

    /// Whether `record` carries any configuration field (even `null`): what [`Validator::configure`] reads, and what a
    /// validator that holds configuration ignores.
    pub fn carries_configuration(record: &Record) -> bool {
        carried(record) != 0
    }

    /// The partner's configuration the validator holds, if any.
    pub fn configuration(&self) -> Option<&Configuration> {
        self.held.as_ref().map(|held| -> &Configuration { held })
    }

    /// Installs a rule set: it replaces the rules of the countries it names (and earlier run-time rules for them).
    pub fn set_country_rules(&mut self, set: Vec<CountryRules>) {
        for rules in set {
            match self.overrides.iter_mut().find(|r| r.country == rules.country) {
                Some(old) => *old = rules,
                None => self.overrides.push(rules),
            }
        }
    }

    /// Reads a rule set in Partner Center's shape and installs it; a malformed set changes nothing. Returns the
    /// number of countries it replaced.
    pub fn set_country_rules_json(&mut self, json: &str) -> Result<usize, RuleSetError> {
        let set = countries::overrides::parse_json(json)?;
        let n = set.len();
        self.set_country_rules(set);
        Ok(n)
    }

    /// Drops every run-time rule: the embedded defaults apply again.
    pub fn reset_country_rules(&mut self) {
        self.overrides.clear();
    }

    /// The rules in force for a country.
    pub fn rules_for(&self, country: &'static Country) -> Rules<'_> {
        match self.overrides.iter().find(|r| r.country == country) {
            Some(rules) => rules.view(),
            None => Rules::default_for(country),
        }
    }

    /// Validates one JSON text holding a record.
    pub fn validate_json(&self, json: &str) -> Report {
        match record::from_json(json) {
            Ok(parsed) => self.validate_parsed(parsed),
            Err(e) => Report::not_json(e.to_string(), e.line(), e.column()),
        }
    }

    /// Validates a parsed JSON value, which may not be a record at all.
    pub fn validate_parsed(&self, parsed: Parsed) -> Report {
        self.validate_read(Ok(parsed))
    }

    /// Validates what a lenient reader read ([`record::read`]): a value that is not JSON-like data gives
    /// `request.not_json` with line and column 0 (no text was read). One rejected report for every refusal (WebAssembly
    /// size: the package's `validate`).
    pub fn validate_read(&self, read: Result<Parsed, NotData>) -> Report {
        let reason = match read {
            Ok(Slot::Value(record)) => return self.validate(record),
            Ok(Slot::Wrong(kind)) => RequestReason::NotAnObject { found: kind.as_str() },
            Ok(Slot::Absent | Slot::Null) => RequestReason::NotAnObject { found: "null" },
            Err(not_data) => RequestReason::NotJson { detail: not_data.detail(), line: 0, column: 0 },
        };
        Report::rejected(Issue::new("", &reason))
    }

    /// Validates one field as the user types (`request.md`, "Field result"): `value` replaces the field at `path` in
    /// `record`, the record is validated as far as the field and those whose verdict depends on it need (cross-field
    /// rules read the context: [`schema::covered`], then what their rules read), and only their issues are made. A
    /// path that is not a text field or the flag is reported as `request.unknown_field`.
    pub fn validate_field(&self, path: &str, value: impl Into<FieldValue>, record: Record) -> FieldReport {
        let mut value = Some(value.into());
        self.check_field(path, record, &mut |place| {
            if let Some(v) = value.take() {
                v.put(place);
            }
            Ok(())
        })
        .into_report()
    }

    /// [`Validator::validate_field`] with the value read straight into the field's place by `read` (the WebAssembly
    /// binding's lenient reader, [`record::read_into`]), in a parsed JSON value, which may not be a record at all (an
    /// absent record or `null` is an empty one). A value that is not JSON-like data is `request.not_json`, as in a
    /// record.
    pub fn validate_field_with(
        &self,
        path: &str,
        parsed: Parsed,
        read: &mut dyn FnMut(PlaceMut<'_>) -> Result<(), NotData>,
    ) -> FieldReport {
        self.check_field_with(path, parsed, read).into_report()
    }

    /// [`Validator::validate_field_with`] before its result is written (the WebAssembly binding writes it from the
    /// [`FieldCheck`]).
    pub fn check_field_with(
        &self,
        path: &str,
        parsed: Parsed,
        read: &mut dyn FnMut(PlaceMut<'_>) -> Result<(), NotData>,
    ) -> FieldCheck {
        let record = match parsed {
            Slot::Value(record) => record,
            Slot::Absent | Slot::Null => Record::default(),
            Slot::Wrong(kind) => {
                return FieldCheck::rejected(path, &RequestReason::NotAnObject { found: kind.as_str() }, false)
            }
        };
        self.check_field(path, record, read)
    }

    /// [`Validator::validate_field`]: `put` puts the value into the field's place, a text field or the flag (one copy
    /// in WebAssembly, not generic over the value).
    fn check_field(
        &self,
        path: &str,
        mut record: Record,
        put: &mut dyn FnMut(PlaceMut<'_>) -> Result<(), NotData>,
    ) -> FieldCheck {
        // The row of a sub-customer's own address turned from empty to filled or back (`schema::Change`). Only a
        // field of that address can turn it, so the path need not be looked at: an edit elsewhere leaves it as it was.
        // (An edit of the sub-customer flag also changes the answer; its own row covers all that this row does.)
        let was_empty = own_address_empty(&record);
        let read = match record::place_at(&mut record, path) {
            Some(place @ (PlaceMut::Text(_) | PlaceMut::Flag(_))) => put(place),
            _ => {
                // Paths come from callers: an unknown one is reported, bounded, as a field of that name.
                let name = crate::text::first_chars(path, 200).to_owned();
                return FieldCheck::rejected(path, &RequestReason::UnknownField { name }, true);
            }
        };
        if let Err(not_data) = read {
            return FieldCheck::not_json(path, not_data.detail());
        }
        let covered = schema::covered(path, was_empty != own_address_empty(&record));
        let report = self.walk(record, &covered);
        FieldCheck { field: Cow::Borrowed(covered.first().copied().unwrap_or_default()), covered, report }
    }

    /// Validates a record and keeps only the issues on the listed fields: what a form re-checks after an edit (the
    /// edited field and those whose rules read it, e.g. the postcode after the state changed). Only the rules those
    /// fields' verdicts need run, so the normalized record holds the other fields as given.
    pub fn validate_fields(&self, paths: &[&str], record: Record) -> Report {
        self.walk(record, paths)
    }

    /// Validates one record.
    pub fn validate(&self, record: Record) -> Report {
        self.walk(record, &[])
    }

    /// Walks a record; with a non-empty `focus`, only the rules that the focused fields' verdicts need run
    /// ([`Walk::skips`]) and only the issues on those fields are made (their messages formatted), which keeps the
    /// per-keystroke path short. The normalized record then holds the other fields as given.
    fn walk(&self, mut record: Record, focus: &[&str]) -> Report {
        let mut walk = Walk { v: self, focus, every_rule: focus.is_empty(), errors: Vec::new(), warnings: Vec::new() };
        let id = walk.id(core::mem::take(&mut record.id));
        let domain_form = walk.record(&mut record);
        // A lent service that failed leaves the record unchecked: it is not valid (`host.rs`).
        if let Some(service) = crate::host::take_failure() {
            walk.errors.push(Issue::new("", &RequestReason::HostFailed { service }));
        }
        Report {
            id,
            valid: walk.errors.is_empty(),
            domain_form,
            links_existing_tenant: domain_form == Some(DomainForm::Alias),
            errors: walk.errors,
            warnings: walk.warnings,
            normalized: Some(record),
        }
    }
}

/// Validates one record against the embedded defaults.
pub fn validate(record: Record) -> Report {
    Validator::default().validate(record)
}

/// The path of one item of `markets`: `markets[2]`.
fn market_path(i: usize) -> String {
    let mut path = String::from("markets[");
    crate::message::push_int(&mut path, i64::try_from(i).unwrap_or(i64::MAX));
    path.push(']');
    path
}

/// A rule's text as [`Walk::text`] stores it: `None` when it is the text as given (the rule borrowed it, the common
/// case: no allocation then). Not generic, so one copy serves every rule (WebAssembly size).
#[inline(never)]
fn changed(slot: &Text, value: Cow<'_, str>) -> Option<String> {
    match value {
        Cow::Borrowed(same) if same.len() == slot.as_str().len() => None,
        other => Some(crate::text::owned(other)),
    }
}

/// Stores a rule's text in its slot ([`changed`]); an absent or `null` text becomes empty text.
#[inline(never)]
fn store(slot: &mut Text, changed: Option<String>) {
    if let Some(value) = changed {
        *slot = Slot::Value(value);
    } else if slot.value().is_none() {
        *slot = Slot::Value(String::new());
    }
}

/// The dotted paths of one address's fields, from the schema ([`schema::path`]: a key it does not declare at `root`
/// fails the build).
struct AddressPaths {
    root: &'static str,
    country: &'static str,
    line1: &'static str,
    line2: &'static str,
    city: &'static str,
    state: &'static str,
    postal_code: &'static str,
}

impl AddressPaths {
    const fn at(root: &'static str) -> AddressPaths {
        AddressPaths {
            root,
            country: schema::path(root, "country"),
            line1: schema::path(root, "addressLine1"),
            line2: schema::path(root, "addressLine2"),
            city: schema::path(root, "city"),
            state: schema::path(root, "state"),
            postal_code: schema::path(root, "postalCode"),
        }
    }
}

const BILLING: AddressPaths = AddressPaths::at(schema::OWN_ADDRESS);

/// Whether an address slot counts as empty for a sub-customer ([`Address::is_empty`]): absent and `null` do, an
/// address of the wrong JSON type does not (it is reported).
fn is_empty(slot: &Slot<Address>) -> bool {
    match slot {
        Slot::Value(a) => a.is_empty(),
        Slot::Absent | Slot::Null => true,
        Slot::Wrong(_) => false,
    }
}

/// For a sub-customer of a reseller (the walker's reading of the flag: only `true` is), whether the account's own
/// billing address ([`schema::OWN_ADDRESS`]) counts as empty ([`is_empty`]); `None` for any other account, whose own
/// address is the account's, empty or not.
fn own_address_empty(record: &Record) -> Option<bool> {
    match &record.account {
        Slot::Value(acc) if matches!(acc.is_sub_customer_of_reseller, Slot::Value(true)) => {
            Some(is_empty(&acc.billing_address))
        }
        _ => None,
    }
}
const RESELLER: AddressPaths = AddressPaths::at("resellerBillingAddress");

/// The configuration fields of a record (`rules.md` section 4), in the order of [`carried`]'s bits.
const CONFIGURATION: [&str; 5] = ["cspModel", "resellerBillingAddress", "partnerDomain", "markets", "domainSuffix"];

/// Whether `path` is the field `at` or one within it (`markets[1]`, `resellerBillingAddress.city`).
fn is_within(path: &str, at: &str) -> bool {
    path.strip_prefix(at).is_some_and(|rest| matches!(rest.as_bytes().first(), None | Some(b'.' | b'[')))
}

/// Which configuration fields of a record (`rules.md` section 4) it carries (even `null`): bit `i` for
/// `CONFIGURATION[i]` (a byte, not an array of names and flags: WebAssembly size).
fn carried(rec: &Record) -> u8 {
    u8::from(!matches!(rec.csp_model, Slot::Absent))
        | u8::from(!matches!(rec.reseller_billing_address, Slot::Absent)) << 1
        | u8::from(!matches!(rec.partner_domain, Slot::Absent)) << 2
        | u8::from(!matches!(rec.markets, Slot::Absent)) << 3
        | u8::from(!matches!(rec.domain_suffix, Slot::Absent)) << 4
}

/// The configuration in force for a record, once checked.
struct Config {
    csp_model: Option<CspModel>,
    /// Whether `partnerDomain` is valid: its slot then holds the normalized value, or `null` ([`setting`]).
    partner_domain: bool,
    /// Whether `domainSuffix` is valid, as `partner_domain`.
    domain_suffix: bool,
    markets: Option<Vec<&'static str>>,
}

/// A setting's value, where [`Walk::setting`] found it valid; `None` where it is invalid, absent or `null`.
fn setting(valid: bool, slot: &Text) -> Option<&str> {
    if valid {
        slot.value().map(String::as_str)
    } else {
        None
    }
}

struct Walk<'v> {
    v: &'v Validator,
    /// When not empty, only issues on these fields are kept (`validate_field`, `validate_fields`), and only the rules
    /// they need run ([`Walk::skips`]).
    focus: &'v [&'v str],
    /// Whether every rule runs: without a focus, and in an address that a walk with a focus needs ([`Walk::address`]).
    every_rule: bool,
    errors: Vec<Issue>,
    warnings: Vec<Issue>,
}

impl<'v> Walk<'v> {
    fn issue(&mut self, field: impl Into<Cow<'static, str>>, reason: &dyn Reason) {
        self.report(field.into(), reason);
    }

    /// Keeps an issue (unless the walk has a focus that leaves its field out). Not generic over the field's type, so
    /// one copy serves paths borrowed and made (WebAssembly size).
    fn report(&mut self, field: Cow<'static, str>, reason: &dyn Reason) {
        if self.outside(&field) {
            return;
        }
        let issue = Issue::new(field, reason);
        match reason.wording().severity() {
            Severity::Error => self.errors.push(issue),
            Severity::Warning => self.warnings.push(issue),
        }
    }

    fn wrong_type(&mut self, field: impl Into<Cow<'static, str>>, expected: record::Kind, found: record::Kind) {
        self.issue(field, &RequestReason::WrongType { expected: expected.as_str(), found: found.as_str() });
    }

    /// The record's `id` for the result (`request.md`): one the reader found bad ([`record::Id`]) is
    /// `request.bad_id` on `id`, and the result has none.
    fn id(&mut self, id: record::Id) -> record::Id {
        if matches!(id, record::Id::Bad) {
            self.issue("id", &RequestReason::BadId);
        }
        id
    }

    fn unknown_fields(&mut self, root: &str, unknown: &[String]) {
        for name in unknown {
            let path = if root.is_empty() { name.clone() } else { crate::text::concat(&[root, ".", name]) };
            self.issue(path, &RequestReason::UnknownField { name: name.clone() });
        }
    }

    /// Runs a rule on a text slot and reports on `field`. Returns the rule's value when it accepts; a wrong JSON type
    /// is reported and the rule is not run, and so is a character no text field may hold (`rules.md` section 0:
    /// one code, `text.bad_character`, for every field, checked here before any rule runs).
    fn run<'s, T, R: Reason>(
        &mut self,
        field: &'static str,
        slot: &'s Text,
        rule: impl FnOnce(&'s str) -> Outcome<T, R>,
    ) -> Option<T> {
        match rule(self.rule_input(field, slot)?) {
            Ok(checked) => {
                for w in &checked.warnings {
                    self.issue(field, w);
                }
                Some(checked.value)
            }
            Err(reason) => {
                self.issue(field, &reason);
                None
            }
        }
    }

    /// Whether the walk has a focus that leaves `field` out.
    fn outside(&self, field: &str) -> bool {
        !self.focus.is_empty() && !self.focus.contains(&field)
    }

    /// Whether a walk with a focus leaves the rule of `field` out: a field outside the focus, but in an address the
    /// walk needs ([`Walk::address`]). No rule outside an address reads another field's value (the rows of
    /// `request.md`'s dependency table, [`schema::DEPENDENCIES`], are about an address's fields, the sub-customer flag
    /// and the CSP model, which the walk reads whatever its focus: `core/tests/field_results.rs`,
    /// `the_rules_a_focus_skips_are_read_by_no_other`), so what the focused fields' rules read runs.
    fn skips(&self, field: &str) -> bool {
        !self.every_rule && self.outside(field)
    }

    /// The text [`Walk::run`] gives its rule: `None` where the walk [skips](Walk::skips) the rule, else
    /// [`Walk::readable`]'s. Not generic, so one copy serves every rule (WebAssembly size).
    #[inline(never)]
    fn rule_input<'s>(&mut self, field: &'static str, slot: &'s Text) -> Option<&'s str> {
        if self.skips(field) {
            return None;
        }
        self.readable(field, slot)
    }

    /// What [`Walk::run`] checks before any rule: a wrong JSON type, or a character no text field may hold (section
    /// 0). Reports it and returns `None`; else the text for the rule (empty where the field is absent or `null`).
    /// Not generic, so one copy serves every rule (WebAssembly size).
    #[inline(never)]
    fn readable<'s>(&mut self, field: &'static str, slot: &'s Text) -> Option<&'s str> {
        if let Some(found) = slot.wrong() {
            self.wrong_type(field, record::Kind::Text, found);
            return None;
        }
        let text = slot.as_str();
        if let Err(reason) = characters::check(text) {
            self.issue(field, &reason);
            return None;
        }
        Some(text)
    }

    /// [`Walk::run`] for rules returning text: the normalized text replaces the slot, unless it is the text as given
    /// (the rule borrowed it), which is the common case: no allocation then.
    fn text<R: Reason>(
        &mut self,
        field: &'static str,
        slot: &mut Text,
        rule: impl for<'a> FnOnce(&'a str) -> Outcome<Cow<'a, str>, R>,
    ) -> Option<()> {
        let changed = changed(slot, self.run(field, slot, rule)?);
        store(slot, changed);
        Some(())
    }

    /// [`Walk::run`] for rules that always make their text anew (phone, postcode): it replaces the slot.
    fn owned_text<R: Reason>(
        &mut self,
        field: &'static str,
        slot: &mut Text,
        rule: impl FnOnce(&str) -> Outcome<String, R>,
    ) -> Option<()> {
        let value = self.run(field, slot, rule)?;
        *slot = Slot::Value(value);
        Some(())
    }

    /// An object slot: reports a wrong type (and then gives nothing to walk), else the object, made empty where it
    /// was absent or `null`; walked in place (records are large: moving them out and back costs).
    fn object<'s, T: Default>(&mut self, field: &'static str, slot: &'s mut Slot<T>) -> Option<&'s mut T> {
        if let Some(found) = slot.wrong() {
            self.wrong_type(field, record::Kind::Object, found);
            return None;
        }
        slot.value_or_default()
    }

    fn record(&mut self, rec: &mut Record) -> Option<DomainForm> {
        self.unknown_fields("", &rec.unknown);
        if let Some(held) = &self.v.held {
            self.held(held, rec);
        }
        let config = self.config(rec);

        let sub_customer = match &rec.account {
            Slot::Value(acc) => match acc.is_sub_customer_of_reseller {
                Slot::Value(b) => b,
                Slot::Wrong(found) => {
                    self.wrong_type("account.isSubCustomerOfReseller", record::Kind::Bool, found);
                    false
                }
                Slot::Absent | Slot::Null => false,
            },
            _ => false,
        };

        let suffix = setting(config.domain_suffix, &rec.domain_suffix).unwrap_or(domain::DEFAULT_SUFFIX);
        let mut domain_form = None;
        if let Some(so) = self.object("syncOptions", &mut rec.sync_options) {
            self.unknown_fields("syncOptions", &so.unknown);
            self.text("syncOptions.username", &mut so.username, username::check);
            if let Some(d) = self.run("syncOptions.domainPrefix", &so.domain_prefix, |raw| domain::check(raw, suffix)) {
                domain_form = Some(d.form);
                so.domain_prefix = Slot::Value(d.value);
            }
            if let Some(mpn) = self.run("syncOptions.resellerMpnId", &so.reseller_mpn_id, |raw| {
                mpn::check(raw, config.csp_model, sub_customer)
            }) {
                so.reseller_mpn_id = mpn.map_or(Slot::Null, Slot::Value);
            }
        }

        if let Some(acc) = self.object("account", &mut rec.account) {
            self.unknown_fields("account", &acc.unknown);
            if acc.is_sub_customer_of_reseller.wrong().is_none() {
                acc.is_sub_customer_of_reseller = Slot::Value(sub_customer);
            }
            self.text("account.companyName", &mut acc.company_name, names::company_name);
            if let Some(contact) = self.object("account.contact", &mut acc.contact) {
                self.unknown_fields("account.contact", &contact.unknown);
                self.text("account.contact.firstName", &mut contact.first_name, names::contact_name);
                self.text("account.contact.lastName", &mut contact.last_name, names::contact_name);
            }
            let rules =
                self.addresses(&mut acc.billing_address, &mut rec.reseller_billing_address, sub_customer, &config);
            let country = rules.map(|r| r.country);
            let partner_domain = setting(config.partner_domain, &rec.partner_domain);
            self.text("account.email", &mut acc.email, |raw| email::check(raw, partner_domain));
            self.owned_text("account.phone", &mut acc.phone, |raw| phone::check(raw, rules.as_ref()));
            self.text("account.registrationNumber", &mut acc.registration_number, |raw| {
                registration::check(raw, country)
            });
        }
        domain_form
    }

    /// The configuration the validator holds, in force for this record: each configuration field the record
    /// carries (even `null`) is ignored with a warning, and the held value (normalized: checked again, it gives no
    /// issue) takes its place in the record.
    fn held(&mut self, held: &Configuration, rec: &mut Record) {
        let carried = carried(rec);
        for (i, name) in CONFIGURATION.into_iter().enumerate() {
            if carried >> i & 1 != 0 {
                self.issue(name, &RequestReason::ConfigurationIgnored { name });
            }
            #[cfg(all(feature = "wasm", target_arch = "wasm32"))]
            if let Some(place) = record::place_at(rec, name) {
                crate::js_host::value::read_held(&held.js, name, place);
            }
        }
        #[cfg(not(all(feature = "wasm", target_arch = "wasm32")))]
        {
            let f = &held.fields;
            rec.csp_model = f.csp_model.clone();
            rec.reseller_billing_address = f.reseller_billing_address.clone();
            rec.partner_domain = f.partner_domain.clone();
            rec.markets = f.markets.clone();
            rec.domain_suffix = f.domain_suffix.clone();
        }
    }

    /// Checks the configuration the record carries and writes back its normalized form.
    fn config(&mut self, rec: &mut Record) -> Config {
        let csp_model = match &rec.csp_model {
            Slot::Value(s) => {
                let m = CspModel::parse(s);
                if m.is_none() {
                    self.issue(
                        "cspModel",
                        &RequestReason::UnknownValue { value: s.clone(), allowed: &CspModel::NAMES },
                    );
                }
                m
            }
            Slot::Wrong(found) => {
                let found = *found;
                self.wrong_type("cspModel", record::Kind::Text, found);
                None
            }
            Slot::Absent | Slot::Null => {
                self.issue("cspModel", &RequestReason::MissingConfiguration);
                None
            }
        };
        let partner_domain = self.setting("partnerDomain", &mut rec.partner_domain, config::partner_domain);
        let domain_suffix = self.setting("domainSuffix", &mut rec.domain_suffix, config::domain_suffix);
        let markets = self.markets(rec);
        Config { csp_model, partner_domain, domain_suffix, markets }
    }

    /// A setting the record carries (`partnerDomain`, `domainSuffix`), checked by `check`: an invalid value stays as
    /// it was given (as for every field); a valid one is written back normalized (read with [`setting`]). Returns
    /// whether it is valid. One shape (a function pointer) for both settings: one copy of the walk around the rule
    /// (WebAssembly size).
    fn setting(
        &mut self,
        field: &'static str,
        slot: &mut Text,
        check: fn(&str) -> Result<Option<String>, ConfigReason>,
    ) -> bool {
        let Some(raw) = self.readable(field, slot) else {
            return false;
        };
        match check(raw) {
            Ok(valid) => {
                *slot = valid.map_or(Slot::Null, Slot::Value);
                true
            }
            Err(reason) => {
                self.issue(field, &reason);
                false
            }
        }
    }

    fn markets(&mut self, rec: &mut Record) -> Option<Vec<&'static str>> {
        let list = match &rec.markets {
            Slot::Value(list) => list,
            Slot::Wrong(found) => {
                let found = *found;
                self.wrong_type("markets", record::Kind::List, found);
                return None;
            }
            Slot::Absent | Slot::Null => return None,
        };
        let mut codes = Vec::with_capacity(list.len());
        for (i, item) in list.iter().enumerate() {
            match item {
                Slot::Value(s) => codes.push(s.as_str()),
                Slot::Wrong(found) => {
                    let found = *found;
                    self.wrong_type(market_path(i), record::Kind::Text, found);
                    return None;
                }
                Slot::Absent | Slot::Null => codes.push(""),
            }
        }
        match country::parse_markets(&codes) {
            Ok(markets) => {
                let mut normalized = Vec::with_capacity(markets.len());
                for code in &markets {
                    normalized.push(Slot::Value((*code).to_owned()));
                }
                rec.markets = Slot::Value(normalized);
                Some(markets)
            }
            Err((i, reason)) => {
                self.issue(market_path(i), &reason);
                None
            }
        }
    }

    /// The billing address, or for a sub-customer that left it empty the reseller's. Returns the rules in force for
    /// the account's country.
    fn addresses(
        &mut self,
        own: &mut Slot<Address>,
        reseller: &mut Slot<Address>,
        sub_customer: bool,
        config: &Config,
    ) -> Option<Rules<'v>> {
        // Only a sub-customer may leave its address empty: the emptiness check runs only then.
        let use_reseller = sub_customer && is_empty(own);
        let (paths, slot) = if use_reseller { (&RESELLER, reseller) } else { (&BILLING, own) };
        // The reseller's address may not be missing when it stands in for the sub-customer's.
        if use_reseller && matches!(slot, Slot::Absent | Slot::Null) {
            self.issue(RESELLER.root, &SubCustomerReason::ResellerAddressMissing);
            return None;
        }
        // A walk with a focus checks the address where a focused field is in it or reads the account's country (a
        // field the country's change covers, [`schema::covered`]: the phone, the registration number; the reseller's
        // address stands in for a sub-customer's empty one), every rule of it (its state and postcode read each
        // other), and else not at all.
        if !self.every_rule {
            let country_read = schema::covered(BILLING.country, false);
            if !self.focus.iter().any(|f| is_within(f, paths.root) || country_read.contains(f)) {
                return None;
            }
        }
        let addr = self.object(paths.root, slot)?;
        let every_rule = core::mem::replace(&mut self.every_rule, true);
        let rules = self.address(paths, addr, config);
        self.every_rule = every_rule;
        rules
    }

    /// Checks one address; returns the rules in force for its country, if the country is valid.
    fn address(&mut self, p: &AddressPaths, addr: &mut Address, config: &Config) -> Option<Rules<'v>> {
        self.unknown_fields(p.root, &addr.unknown);
        let markets = config.markets.as_deref();
        let country = self.run(p.country, &addr.country, |raw| country::check(raw, markets));
        if let Some(c) = country {
            addr.country = Slot::Value(c.code().to_owned());
        }
        let v = self.v;
        let rules = country.map(|c| v.rules_for(c));
        self.text(p.line1, &mut addr.address_line1, address::line1);
        self.text(p.line2, &mut addr.address_line2, address::line2);
        self.text(p.city, &mut addr.city, |raw| address::city(raw, rules.as_ref()));
        let rules = rules?;
        let state_ok = self.text(p.state, &mut addr.state, |raw| state::check(raw, &rules)).is_some();
        let postal_ok =
            self.owned_text(p.postal_code, &mut addr.postal_code, |raw| postcode::check(raw, &rules)).is_some();
        let (st, pc) = (addr.state.as_str(), addr.postal_code.as_str());
        if state_ok && postal_ok && !st.is_empty() && !pc.is_empty() {
            if let Err(reason) = postcode::agrees_with_state(rules.country.code(), st, pc) {
                self.issue(p.postal_code, &reason);
            }
        }
        Some(rules)
    }
}
