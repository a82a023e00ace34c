//! The stand-in's partner configuration (`rules.md` section 4: configuration is not input): per BSS account, the CSP
//! model, the partner's domain, the reseller's billing address, the markets and the domain suffix. Read from a JSON
//! file (`--settings`, the shape of `examples/stand-in-settings.json`) or the built-in defaults, which are that file.

use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use tenantcheck_core::issue::Wording;
use tenantcheck_core::record::{Address, Record, Slot, Text};
use tenantcheck_core::rules::mpn::CspModel;
use tenantcheck_core::rules::{config, country};
use tenantcheck_core::{Params, Reason};

/// The built-in settings: the same text as `examples/stand-in-settings.json`.
pub const BUILT_IN: &str = include_str!("../../examples/stand-in-settings.json");

/// The partner configuration of one account.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Partner {
    pub csp_model: String,
    pub partner_domain: String,
    /// An address object (`request.md`) or `null`.
    #[serde(default)]
    pub reseller_billing_address: Value,
    /// Country codes; `null` = Partner Center's CSP markets.
    #[serde(default)]
    pub markets: Option<Vec<String>>,
    /// `null` = `onmicrosoft.com`.
    #[serde(default)]
    pub domain_suffix: Option<String>,
}

/// The settings file as written.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SettingsFile {
    default: Partner,
    #[serde(default)]
    accounts: BTreeMap<String, Partner>,
}

/// Why a settings text was refused: where (a dotted path in the file; empty for the file as a whole) and what, in
/// English; where one of the core's rules refused a value, its wording and params too, so that the command line can
/// say it in the language of `--lang`. Shown as `path: what`.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsError {
    pub at: String,
    pub detail: String,
    /// The core's reason, where a rule refused the value.
    pub rule: Option<(Wording, Params)>,
}

impl SettingsError {
    fn text(at: &str, detail: impl Into<String>) -> Self {
        SettingsError { at: at.to_owned(), detail: detail.into(), rule: None }
    }

    fn rule(at: &str, reason: &impl Reason) -> Self {
        SettingsError { at: at.to_owned(), detail: reason.message(), rule: Some((reason.wording(), reason.params())) }
    }

    /// The same error, in the part of the file named `prefix`.
    fn within(mut self, prefix: &str) -> Self {
        self.at = if self.at.is_empty() { prefix.to_owned() } else { format!("{prefix}.{}", self.at) };
        self
    }
}

impl std::fmt::Display for SettingsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.at.as_str() {
            "" => f.write_str(&self.detail),
            at => write!(f, "{at}: {}", self.detail),
        }
    }
}

/// The checked settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// For every account not named in `accounts`.
    pub default: Partner,
    /// By BSS account id (read once, at load, from the file's decimal-digit keys).
    pub accounts: BTreeMap<i64, Partner>,
}

impl Settings {
    /// The built-in settings.
    pub fn built_in() -> Settings {
        Settings::parse(BUILT_IN).unwrap_or_else(|e| unreachable!("examples/stand-in-settings.json: {e}"))
    }

    /// Reads and checks a settings text: every partner's configuration must pass the core's rules (`rules.md`
    /// section 4), so that a request never fails on the server's own settings.
    pub fn parse(json: &str) -> Result<Settings, SettingsError> {
        let file: SettingsFile = serde_json::from_str(json).map_err(|e| SettingsError::text("", e.to_string()))?;
        file.default.check().map_err(|e| e.within("default"))?;
        let mut accounts = BTreeMap::new();
        for (key, p) in file.accounts {
            let id = crate::serve::ids::parse_account(&key).ok_or_else(|| {
                SettingsError::text("accounts", format!("{key:?} is not an account id (decimal digits)"))
            })?;
            p.check().map_err(|e| e.within(&format!("accounts.{key}")))?;
            if accounts.insert(id, p).is_some() {
                return Err(SettingsError::text("accounts", format!("{key:?} names account {id} a second time")));
            }
        }
        Ok(Settings { default: file.default, accounts })
    }

    /// The configuration of an account.
    pub fn partner(&self, account: i64) -> &Partner {
        self.accounts.get(&account).unwrap_or(&self.default)
    }
}

impl Partner {
    /// Checks the configuration with the core's rules. The error names the field.
    fn check(&self) -> Result<(), SettingsError> {
        if CspModel::parse(&self.csp_model).is_none() {
            return Err(SettingsError::text("cspModel", format!("unknown CSP model {:?}", self.csp_model)));
        }
        config::partner_domain(&self.partner_domain).map_err(|e| SettingsError::rule("partnerDomain", &e))?;
        if let Some(suffix) = &self.domain_suffix {
            config::domain_suffix(suffix).map_err(|e| SettingsError::rule("domainSuffix", &e))?;
        }
        if let Some(markets) = &self.markets {
            let list: Vec<&str> = markets.iter().map(String::as_str).collect();
            country::parse_markets(&list).map_err(|(i, e)| SettingsError::rule(&format!("markets[{i}]"), &e))?;
        }
        let address = "resellerBillingAddress";
        match &self.reseller_billing_address {
            Value::Null => {}
            Value::Object(_) => {
                let a: Slot<Address> = serde_json::from_value(self.reseller_billing_address.clone())
                    .map_err(|e| SettingsError::text(address, e.to_string()))?;
                if let Some(k) = a.value().and_then(|a| a.unknown.first()) {
                    return Err(SettingsError::text(address, format!("unknown field {k:?}")));
                }
            }
            _ => return Err(SettingsError::text(address, "must be an object or null")),
        }
        Ok(())
    }

    /// Overwrites the record's configuration with this partner's (whatever the client sent).
    pub fn apply(&self, record: &mut Record) {
        record.csp_model = Slot::Value(self.csp_model.clone());
        record.partner_domain = Slot::Value(self.partner_domain.clone());
        record.reseller_billing_address =
            serde_json::from_value(self.reseller_billing_address.clone()).unwrap_or_default();
        record.markets = match &self.markets {
            Some(m) => Slot::Value(m.iter().map(|c| Text::Value(c.clone())).collect()),
            None => Slot::Null,
        };
        record.domain_suffix = self.domain_suffix.clone().map_or(Slot::Null, Slot::Value);
    }

    /// `data-reseller-address`: the address as JSON, or empty for none.
    pub fn reseller_address_json(&self) -> String {
        match &self.reseller_billing_address {
            Value::Null => String::new(),
            v => v.to_string(),
        }
    }

    /// `data-markets`: a JSON list, or empty for Partner Center's CSP markets.
    pub fn markets_json(&self) -> String {
        self.markets.as_ref().map_or_else(String::new, |m| serde_json::to_string(m).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_settings_name_the_four_models() {
        let s = Settings::built_in();
        assert_eq!(s.partner(1001).csp_model, "indirectProvider");
        assert_eq!(s.partner(1002).csp_model, "direct");
        assert_eq!(s.partner(1003).csp_model, "indirectCountryTenant");
        assert_eq!(s.partner(1004).csp_model, "tenantReseller");
        assert_eq!(s.partner(77).csp_model, "indirectProvider");
        assert_eq!(s.partner(1001).domain_suffix, None);
        assert_eq!(s.accounts.keys().copied().collect::<Vec<_>>(), [1001, 1002, 1003, 1004]);
    }

    #[test]
    fn rejects_bad_settings() {
        assert!(Settings::parse("{}").is_err());
        let bad_model = r#"{"default":{"cspModel":"nope","partnerDomain":"p.example"}}"#;
        assert!(Settings::parse(bad_model).unwrap_err().to_string().contains("cspModel"));
        let bad_id = r#"{"default":{"cspModel":"direct","partnerDomain":"p.example"},
            "accounts":{"x1":{"cspModel":"direct","partnerDomain":"p.example"}}}"#;
        assert!(Settings::parse(bad_id).is_err());
        let bad_addr = r#"{"default":{"cspModel":"direct","partnerDomain":"p.example",
            "resellerBillingAddress":{"zip":"1"}}}"#;
        assert!(Settings::parse(bad_addr).is_err());
    }

    #[test]
    fn checks_every_partner_with_the_core_rules() {
        let one = |field: &str, value: Value| {
            let mut partner = serde_json::json!({"cspModel": "direct", "partnerDomain": "p.example"});
            partner[field] = value;
            serde_json::json!({"default": {"cspModel": "direct", "partnerDomain": "p.example"},
                               "accounts": {"1002": partner}})
            .to_string()
        };
        let err = |field: &str, value: Value| Settings::parse(&one(field, value)).unwrap_err().to_string();
        let e = Settings::parse(&one("partnerDomain", "not a domain".into())).unwrap_err();
        assert_eq!(
            (e.at.as_str(), e.rule.as_ref().map(|(w, _)| w.code())),
            ("accounts.1002.partnerDomain", Some("partner_domain.invalid"))
        );
        let e = err("partnerDomain", "not a domain".into());
        assert!(e.starts_with("accounts.1002.partnerDomain: "), "{e}");
        let e = err("domainSuffix", "onmicrosoft".into());
        assert!(e.starts_with("accounts.1002.domainSuffix: "), "{e}");
        let e = err("markets", serde_json::json!(["GR", "UK"]));
        assert!(e.starts_with("accounts.1002.markets[1]: "), "{e}");
        let e = err("markets", serde_json::json!(["GR", ""]));
        assert!(e.starts_with("accounts.1002.markets[1]: "), "{e}");
        let bad_default = r#"{"default":{"cspModel":"direct","partnerDomain":"p.example","domainSuffix":"a b"}}"#;
        assert!(Settings::parse(bad_default).unwrap_err().to_string().starts_with("default.domainSuffix: "));
        // Good values pass (the core lower-cases them when a record is validated).
        let ok = Settings::parse(&one("markets", serde_json::json!(["gr", "CY"]))).unwrap();
        assert_eq!(ok.partner(1002).markets.as_deref(), Some(&["gr".to_owned(), "CY".to_owned()][..]));
        assert!(Settings::parse(&one("domainSuffix", "Partner.OnMSChina.cn".into())).is_ok());
        // Two keys for one account.
        let twice = r#"{"default":{"cspModel":"direct","partnerDomain":"p.example"},
            "accounts":{"1001":{"cspModel":"direct","partnerDomain":"p.example"},
                        "01001":{"cspModel":"tenantReseller","partnerDomain":"p.example"}}}"#;
        assert!(Settings::parse(twice).unwrap_err().to_string().contains("1001"));
    }

    #[test]
    fn apply_overwrites_the_configuration() {
        let s = Settings::built_in();
        let mut r = Record { csp_model: Slot::Value("direct".into()), ..Default::default() };
        r.domain_suffix = Slot::Value("evil.example".into());
        s.partner(1001).apply(&mut r);
        assert_eq!(r.csp_model.as_str(), "indirectProvider");
        assert_eq!(r.domain_suffix, Slot::Null);
        assert_eq!(r.reseller_billing_address.value().map(|a| a.city.as_str()), Some("Toronto"));
    }
}
