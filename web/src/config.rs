//! The form's configuration, read from its `data-*` attributes: data in the page, never code. A server that serves
//! `index.html` fills these attributes from its settings for the account and Partner Center instance.
//!
//! | attribute | meaning |
//! |---|---|
//! | `data-endpoint` | base URL of the provisioning API (`api.md`); empty = same origin |
//! | `data-account-id` | the BSS account; without it the form validates but cannot submit |
//! | `data-system-code` | the Partner Center instance, default `MicrosoftCloudServices` |
//! | `data-csp-model` | `direct` \| `indirectProvider` \| `indirectCountryTenant` \| `tenantReseller` |
//! | `data-partner-domain` | the partner's own domain (customer e-mail may not use it) |
//! | `data-reseller-address` | JSON of the reseller's billing address, used for sub-customers that leave theirs empty |
//! | `data-markets` | optional JSON list of country codes; absent = Partner Center's CSP markets |
//! | `data-domain-suffix` | optional initial-domain suffix; absent = `onmicrosoft.com` |
//! | `data-csrf-meta` | name of the `<meta>` tag whose `content` is sent as `X-CSRF-Token` |
//! | `data-account-url` | optional URL of an account's form, with `{accountId}` (`api.md`): notices about another account's queued submission link to it |
//! | `data-timeout-ms` | optional: how long a request may take before it is aborted (default 30 000) |
//! | `data-retry-base-ms` | optional: the first retry's delay, doubled for each next one (default 1 000) |
//! | `data-max-attempts` | optional: tries of one request before the service is shown as unavailable (default 5) |
//! | `data-locale` | optional BCP 47 tag of the page's language, over `<html lang>` ([`Locale::choose`]) |

use tenantcheck_core::record::{Address, Record, Slot, Text};
use tenantcheck_core::rules::mpn::CspModel;

/// The default Partner Center instance (`api.md`).
pub const DEFAULT_SYSTEM_CODE: &str = "MicrosoftCloudServices";
/// The request header that carries the CSRF token.
pub const CSRF_HEADER: &str = "X-CSRF-Token";

/// The configuration of one form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// Base URL without a trailing `/`; empty = same origin.
    pub endpoint: String,
    /// `None` when the page does not name an account: the form then validates but cannot submit.
    pub account_id: Option<String>,
    pub system_code: String,
    /// As written in the page; the core reports a missing or unknown model.
    pub csp_model: Option<String>,
    pub partner_domain: Option<String>,
    pub reseller_address: Slot<Address>,
    pub markets: Slot<Vec<Text>>,
    pub domain_suffix: Option<String>,
    pub csrf_meta: Option<String>,
    /// The URL of an account's form, with `{accountId}`.
    pub account_url: Option<String>,
    pub timeout_ms: u32,
    pub retry_base_ms: u32,
    pub max_attempts: u32,
}

/// The page's language: a BCP 47 tag and its primary language subtag, which names its catalog
/// (`catalogs/<language>.json`, `docs/web-host.md`, "Locale").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locale {
    pub tag: String,
    pub language: String,
}

impl Locale {
    /// The form's `data-locale` if set, else the page's `<html lang>`; `None` for English (built in), for no tag, and
    /// for a tag that is not a language subtag (2 or 3 letters) with optional subtags.
    pub fn choose(data_locale: Option<&str>, html_lang: Option<&str>) -> Option<Locale> {
        let tag = [data_locale, html_lang].into_iter().flatten().map(str::trim).find(|t| !t.is_empty())?;
        let language = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        let well_formed = (2..=3).contains(&language.len())
            && language.bytes().all(|b| b.is_ascii_lowercase())
            && tag.len() <= 35
            && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        (well_formed && language != "en").then(|| Locale { tag: tag.to_owned(), language })
    }

    /// The URL of its catalog, relative to the page.
    pub fn catalog_url(&self) -> String {
        format!("catalogs/{}.json", self.language)
    }
}

/// The default request timeout.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;

/// A configuration attribute the form could not use (reported on the console; the form degrades).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub attribute: &'static str,
    pub detail: String,
}

impl Config {
    /// Reads the configuration through `attr`, which returns the value of a `data-*` attribute by its full name.
    /// Never fails: what cannot be used is left out and named in the problems.
    pub fn read(attr: impl Fn(&str) -> Option<String>) -> (Config, Vec<ConfigProblem>) {
        let mut problems = Vec::new();
        let text = |name: &str| attr(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        let endpoint = text("data-endpoint").map(|e| e.trim_end_matches('/').to_owned()).unwrap_or_default();
        let account_id = text("data-account-id");
        if account_id.is_none() {
            problems.push(ConfigProblem {
                attribute: "data-account-id",
                detail: "missing: the form can validate but not submit".into(),
            });
        }
        let csp_model = text("data-csp-model");
        if let Some(m) = &csp_model {
            if CspModel::parse(m).is_none() {
                problems.push(ConfigProblem { attribute: "data-csp-model", detail: format!("unknown model \"{m}\"") });
            }
        }
        let reseller_address = match text("data-reseller-address") {
            None => Slot::Null,
            Some(json) => lenient(&json).unwrap_or_else(|e| {
                problems.push(ConfigProblem { attribute: "data-reseller-address", detail: format!("not JSON: {e}") });
                Slot::Null
            }),
        };
        let number = |name: &'static str, default: u32, problems: &mut Vec<ConfigProblem>| match text(name) {
            None => default,
            Some(v) => match v.parse::<u32>() {
                Ok(n) if n > 0 => n,
                _ => {
                    problems.push(ConfigProblem { attribute: name, detail: format!("not a positive number: \"{v}\"") });
                    default
                }
            },
        };
        let markets = match text("data-markets") {
            None => Slot::Null,
            Some(json) => lenient(&json).unwrap_or_else(|e| {
                problems.push(ConfigProblem { attribute: "data-markets", detail: format!("not JSON: {e}") });
                Slot::Null
            }),
        };
        let config = Config {
            endpoint,
            account_id,
            system_code: text("data-system-code").unwrap_or_else(|| DEFAULT_SYSTEM_CODE.to_owned()),
            csp_model,
            partner_domain: text("data-partner-domain"),
            reseller_address,
            markets,
            // ASCII by contract (Microsoft's initial-domain suffixes); the core lower-cases it the same way (rules/config.rs).
            domain_suffix: text("data-domain-suffix").map(|s| s.to_ascii_lowercase()),
            csrf_meta: text("data-csrf-meta"),
            account_url: text("data-account-url"),
            timeout_ms: number("data-timeout-ms", DEFAULT_TIMEOUT_MS, &mut problems),
            retry_base_ms: number("data-retry-base-ms", crate::submission::BASE_DELAY_MS, &mut problems),
            max_attempts: number("data-max-attempts", crate::submission::MAX_ATTEMPTS, &mut problems),
        };
        (config, problems)
    }

    /// The partner's CSP model, if the page names a known one.
    pub fn model(&self) -> Option<CspModel> {
        self.csp_model.as_deref().and_then(CspModel::parse)
    }

    /// Whether the Reseller (MPN ID) field exists under the configured model (`rules.md` section 1). An unknown
    /// model shows it, so that the core's configuration error is the one the user sees.
    pub fn shows_reseller_field(&self) -> bool {
        self.model().is_none_or(CspModel::has_reseller_field)
    }

    /// Puts the configuration into a record (`rules.md` section 4: configuration is not input).
    pub fn apply(&self, record: &mut Record) {
        let text = |v: &Option<String>| v.clone().map_or(Slot::Null, Slot::Value);
        record.csp_model = text(&self.csp_model);
        record.partner_domain = text(&self.partner_domain);
        record.domain_suffix = text(&self.domain_suffix);
        record.reseller_billing_address = self.reseller_address.clone();
        record.markets = self.markets.clone();
    }

    /// `PUT` target of a submission, without the query; `None` without an account id.
    pub fn submit_url(&self) -> Option<String> {
        self.account_id.as_deref().map(|a| self.submit_url_for(a))
    }

    /// `PUT` target of another account's submission at this endpoint and instance.
    pub fn submit_url_for(&self, account: &str) -> String {
        format!(
            "{}/api/Accounts/{}/syncoptions/{}",
            self.endpoint,
            encode_segment(account),
            encode_segment(&self.system_code)
        )
    }

    /// `HEAD` target of the availability check for a full domain.
    pub fn domain_url(&self, full_domain: &str) -> String {
        format!("{}/api/domains/{}", self.endpoint, encode_segment(full_domain))
    }

    /// The link to another account's form (`data-account-url` with `{accountId}` filled in, percent-encoded), when
    /// the page is configured with one.
    pub fn account_form_url(&self, account_id: &str) -> Option<String> {
        use crate::submission::find;
        let mut rest = self.account_url.as_deref()?;
        const SLOT: &str = "{accountId}";
        find(rest, SLOT)?;
        let id = encode_segment(account_id);
        let mut url = String::with_capacity(rest.len() + id.len());
        while let Some(at) = find(rest, SLOT) {
            url.push_str(rest.get(..at)?);
            url.push_str(&id);
            rest = rest.get(at + SLOT.len()..)?;
        }
        url.push_str(rest);
        Some(url)
    }

    /// The key of this form's draft in local storage: one draft per account and instance.
    pub fn draft_key(&self) -> String {
        self.draft_key_for(self.account_id.as_deref().unwrap_or("-"))
    }

    /// The key of the draft of another account's form of this instance.
    pub fn draft_key_for(&self, account_id: &str) -> String {
        format!("tenantcheck.draft.{account_id}.{}", self.system_code)
    }
}

/// Percent-encodes one URL path segment: everything but RFC 3986's unreserved characters.
pub fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A configuration value read from its JSON text by the core's lenient reader (a value of another type is kept as
/// wrong, for the core to report): a JSON value first, not a serde deserializer of the type (crate::json).
fn lenient<T>(json: &str) -> Result<Slot<T>, serde_json::Error>
where
    Slot<T>: tenantcheck_core::record::AsPlace,
{
    use tenantcheck_core::record::AsPlace as _;
    let value: serde_json::Value = serde_json::from_str(json)?;
    let mut slot = Slot::Absent;
    // Never fails: a JSON value is always data.
    let _ = tenantcheck_core::record::read_into(slot.as_place_mut(), Some(&&value));
    Ok(slot)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(pairs: &[(&str, &str)]) -> (Config, Vec<ConfigProblem>) {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        Config::read(|name| map.get(name).cloned())
    }

    #[test]
    fn reads_every_attribute() {
        let (c, problems) = read(&[
            ("data-endpoint", "https://bss.example/ "),
            ("data-account-id", "42"),
            ("data-csp-model", "direct"),
            ("data-partner-domain", "partner.example"),
            ("data-reseller-address", r#"{"country":"US","city":"Redmond"}"#),
            ("data-markets", r#"["GR","US"]"#),
            ("data-domain-suffix", "Partner.OnMSChina.cn"),
            ("data-csrf-meta", "csrf-token"),
        ]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!((c.timeout_ms, c.retry_base_ms, c.max_attempts), (DEFAULT_TIMEOUT_MS, 1_000, 5));
        assert_eq!(c.account_form_url("7"), None);
        assert_eq!(c.endpoint, "https://bss.example");
        assert_eq!(c.system_code, DEFAULT_SYSTEM_CODE);
        assert_eq!(c.domain_suffix.as_deref(), Some("partner.onmschina.cn"));
        assert!(!c.shows_reseller_field());
        assert_eq!(c.submit_url().unwrap(), "https://bss.example/api/Accounts/42/syncoptions/MicrosoftCloudServices");
        assert_eq!(c.domain_url("contoso.onmicrosoft.com"), "https://bss.example/api/domains/contoso.onmicrosoft.com");
        let mut r = Record::default();
        c.apply(&mut r);
        assert_eq!(r.reseller_billing_address.value().unwrap().city.as_str(), "Redmond");
        assert_eq!(r.markets.value().unwrap().len(), 2);
    }

    #[test]
    fn degrades_on_bad_attributes() {
        let (c, problems) = read(&[("data-csp-model", "nope"), ("data-reseller-address", "{"), ("data-markets", "[1")]);
        let names: Vec<_> = problems.iter().map(|p| p.attribute).collect();
        assert_eq!(names, ["data-account-id", "data-csp-model", "data-reseller-address", "data-markets"]);
        assert_eq!(c.submit_url(), None);
        assert_eq!(c.endpoint, "");
        assert!(c.shows_reseller_field());
        assert_eq!(c.reseller_address, Slot::Null);
    }

    #[test]
    fn reads_timing_and_the_account_url() {
        let (c, problems) = read(&[
            ("data-account-id", "1"),
            ("data-timeout-ms", "800"),
            ("data-retry-base-ms", "50"),
            ("data-max-attempts", "x"),
            ("data-account-url", "/?account={accountId}"),
        ]);
        assert_eq!(problems.iter().map(|p| p.attribute).collect::<Vec<_>>(), ["data-max-attempts"]);
        assert_eq!((c.timeout_ms, c.retry_base_ms, c.max_attempts), (800, 50, 5));
        assert_eq!(c.account_form_url("1002").as_deref(), Some("/?account=1002"));
        assert_eq!(c.account_form_url("a/b").as_deref(), Some("/?account=a%2Fb"));
        // Every occurrence is replaced, as `str::replace` did.
        let two = Config { account_url: Some("/a/{accountId}/b?id={accountId}".into()), ..c.clone() };
        assert_eq!(two.account_form_url("7").as_deref(), Some("/a/7/b?id=7"));
        assert_eq!(
            (
                crate::submission::find("xaab", "ab"),
                crate::submission::find("ab", "abc"),
                crate::submission::find("é{a}", "{a}"),
                crate::submission::find("x", "")
            ),
            (Some(2), None, Some(2), Some(0))
        );
    }

    #[test]
    fn the_locale_is_the_configurations_else_the_pages() {
        let el = Locale::choose(None, Some("el")).unwrap();
        assert_eq!(
            (el.tag.as_str(), el.language.as_str(), el.catalog_url().as_str()),
            ("el", "el", "catalogs/el.json")
        );
        assert_eq!(Locale::choose(Some("de-AT"), Some("el")).unwrap().language, "de");
        assert_eq!(Locale::choose(Some(" "), Some("FR-ca")).unwrap().language, "fr");
        assert_eq!(Locale::choose(None, Some("en-GB")), None, "English is built in");
        assert_eq!(Locale::choose(None, None), None);
        assert_eq!(Locale::choose(Some("../x"), None), None, "not a tag: no request");
        assert_eq!(Locale::choose(Some("toolong"), None), None);
    }

    #[test]
    fn encodes_path_segments() {
        assert_eq!(encode_segment("a b/c?d"), "a%20b%2Fc%3Fd");
        assert_eq!(encode_segment("Ü"), "%C3%9C");
        let (c, _) = read(&[("data-account-id", "1/../2"), ("data-system-code", "X Y")]);
        assert_eq!(c.submit_url().unwrap(), "/api/Accounts/1%2F..%2F2/syncoptions/X%20Y");
    }
}
