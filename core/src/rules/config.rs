//! The partner's configuration carried with a record (`rules.md` section 4): its own domain and the initial-domain
//! suffix must be host names ([`crate::rules::hostname`]); they are lower-cased, and a Unicode domain is taken in its
//! ASCII form (`xn--`), as the e-mail domains it is compared with. (The markets list is checked by
//! `rules::country`, the CSP model by `rules::request`.)

use crate::issue::{Params, Reason, Wording};
use crate::rules::hostname;
use crate::text;
use alloc::{borrow::ToOwned, string::String};

/// Which configured domain is wrong.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigReason {
    PartnerDomain { value: String },
    DomainSuffix { value: String },
}

crate::wordings! {
    enum Say;
    /// Every code this module emits.
    pub const CODES;
    "partner_domain.invalid" (value: Str) { PartnerDomain: "The partner domain \"{value}\" is not a domain name." }
    "domain_suffix.invalid" (value: Str) { DomainSuffix: "The domain suffix \"{value}\" is not a domain name." }
}

crate::display_as_message!(ConfigReason);

impl Reason for ConfigReason {
    fn wording(&self) -> Wording {
        match self {
            Self::PartnerDomain { .. } => Say::PartnerDomain,
            Self::DomainSuffix { .. } => Say::DomainSuffix,
        }
        .into()
    }
    fn params(&self) -> Params {
        match self {
            Self::PartnerDomain { value } | Self::DomainSuffix { value } => Params::default().with("value", value),
        }
    }
}

/// A configured domain, lower-cased (`None` for no value), or the reason `invalid` makes of its first 100
/// characters: one body for both settings.
fn host(raw: &str, invalid: fn(String) -> ConfigReason) -> Result<Option<String>, ConfigReason> {
    if text::trim(raw).is_empty() {
        return Ok(None);
    }
    let ascii = text::normalize(raw)
        .ok()
        .and_then(|t| hostname::to_ascii(&t.to_ascii_lowercase()).ok().map(crate::text::owned));
    ascii.map(Some).ok_or_else(|| invalid(text::first_chars(raw, 100).to_owned()))
}

/// The partner's own domain, lower-cased; `None` for no value.
pub fn partner_domain(raw: &str) -> Result<Option<String>, ConfigReason> {
    host(raw, |value| ConfigReason::PartnerDomain { value })
}

/// The initial-domain suffix, lower-cased; `None` for no value (then `onmicrosoft.com`).
pub fn domain_suffix(raw: &str) -> Result<Option<String>, ConfigReason> {
    host(raw, |value| ConfigReason::DomainSuffix { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        assert_eq!(partner_domain("Partner.Example"), Ok(Some("partner.example".into())));
        assert_eq!(partner_domain(""), Ok(None));
        assert!(partner_domain("not a domain").is_err());
        assert_eq!(domain_suffix("partner.onmschina.cn"), Ok(Some("partner.onmschina.cn".into())));
        assert!(domain_suffix("onmicrosoft").is_err());
    }
}
