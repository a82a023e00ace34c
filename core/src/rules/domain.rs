//! The domain field of the sync options (`rules.md` section 1, "Domain prefix"). One field, two forms [iw]:
//!
//! - **prefix** of the tenant's initial domain `NAME.<suffix>` (suffix from configuration, default
//!   `onmicrosoft.com`; `partner.onmschina.cn` under 21Vianet [PC-create]): letters and digits only [Storefront
//!   regex; Entra UI "can only contain letters and numbers"], no hyphen, 1–27 characters (**decision**: 27, observed
//!   at sign-up, under the 48-character UPN domain ceiling). Lower-cased. A whole initial domain
//!   (`contoso.onmicrosoft.com`) is accepted as `contoso`, with a warning.
//! - **alias**: the full custom domain of an existing tenant (`contoso.com`) [iw]: DNS labels (see
//!   [`crate::rules::hostname`]), a TLD of 2+ letters or an IDN TLD in its `xn--` form. Lower-cased. A Unicode domain
//!   (`bücher.example`) is converted to its ASCII form (UTS 46, non-transitional: `xn--bcher-kva.example`), with a
//!   warning that shows it. At most 48 characters in all after that conversion [Entra, domain part of a UPN]. It can
//!   only link an existing tenant, which a warning says.
//!
//! Partner Center receives the full domain ([`Domain::full`]) [PC-create].

use crate::issue::{Checked, Outcome, Params, Reason, Wording};
use crate::rules::hostname::{self, HostnameProblem};
use crate::text;
use alloc::{borrow::ToOwned, string::String, string::ToString};
use serde::Serialize;

/// The default initial-domain suffix [PC-create].
pub const DEFAULT_SUFFIX: &str = "onmicrosoft.com";
/// The longest prefix (**decision**).
pub const MAX_PREFIX: usize = 27;
/// The longest alias: the domain part of a UPN [Entra].
pub const MAX_ALIAS: usize = 48;

/// Which form the domain field holds (`request.md`: `domainForm`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum DomainForm {
    Prefix,
    Alias,
}

impl DomainForm {
    /// The name `request.md` gives the form (`domainForm`): `prefix` or `alias`, as serde writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            DomainForm::Prefix => "prefix",
            DomainForm::Alias => "alias",
        }
    }
}

/// An accepted domain field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Domain {
    /// The prefix (`contoso`) or the alias (`contoso.com`), lower case.
    pub value: String,
    pub form: DomainForm,
}

impl Domain {
    /// The domain Partner Center receives: `prefix.suffix`, or the alias itself.
    pub fn full(&self, suffix: &str) -> String {
        match self.form {
            // Not `format!`: the package's field check calls this, and `core::fmt` is no part of the package.
            DomainForm::Prefix => text::concat(&[&self.value, ".", suffix]),
            DomainForm::Alias => self.value.clone(),
        }
    }
}

/// Why a domain field is not accepted, or what was changed in it.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DomainReason {
    Required,
    TooLong {
        max: usize,
    },
    /// A character other than letters and digits in a prefix, or than `a-z 0-9 - .` in an alias.
    BadCharacter {
        ch: char,
        position: usize,
    },
    /// Warning: `NAME.<suffix>` was typed and `NAME` kept.
    SuffixRemoved {
        suffix: String,
    },
    /// Warning: the field holds an alias, which can only link an existing tenant.
    AliasLinksExisting,
    EmptyLabel,
    LabelTooLong,
    HyphenAtEdge,
    BadTld,
    /// Not a valid internationalized domain name (UTS 46, RFC 5893 bidi rule, RFC 5892 joiners, bad Punycode).
    BadIdn,
    /// Warning: a Unicode alias was converted to its ASCII form, `domain`.
    IdnConverted {
        domain: String,
    },
}

crate::wordings! {
    enum Say;
    /// Every code this module emits.
    pub const CODES;
    "domain_prefix.required" { Required: "Enter the domain prefix, e.g. contoso for contoso.onmicrosoft.com." }
    "domain_prefix.too_long" (max: Int) { TooLong: "The domain can have at most {max} characters." }
    "domain_prefix.bad_character" (character: Str, position: Int) {
        Hyphen: "The domain prefix can contain only letters and numbers: no hyphens.",
        BadCharacter: "The domain cannot contain {character|char} (character {position}); a prefix has only letters \
                       and numbers.",
    }
    "domain_prefix.suffix_removed" Warning (suffix: Str) { SuffixRemoved: "Only the prefix is needed: \".{suffix}\" was removed." }
    "domain_prefix.alias_links_existing" Warning {
        AliasLinksExisting: "This is a full domain (an alias): it can only link an existing tenant, not create a new \
                             one."
    }
    "domain_prefix.empty_label" {
        EmptyLabel: "The domain has an empty part: check for a leading, trailing or double dot."
    }
    "domain_prefix.label_too_long" {
        LabelTooLong: "Each part of the domain between dots can have at most 63 characters."
    }
    "domain_prefix.hyphen_at_edge" { HyphenAtEdge: "A part of the domain cannot start or end with a hyphen." }
    "domain_prefix.bad_tld" {
        BadTld: "The domain must end in a top-level domain of at least two letters, e.g. .com, or an \
                 internationalized one, e.g. .рф (xn--p1ai)."
    }
    "domain_prefix.bad_idn" {
        BadIdn: "This is not a valid internationalized domain name: check its letters, or type it in its xn-- form."
    }
    "domain_prefix.idn_converted" Warning (domain: Str) { IdnConverted: "The domain was converted to the form DNS uses: {domain}." }
}

crate::display_as_message!(DomainReason);

impl Reason for DomainReason {
    fn wording(&self) -> Wording {
        match self {
            Self::Required => Say::Required,
            Self::TooLong { .. } => Say::TooLong,
            Self::BadCharacter { ch: '-', .. } => Say::Hyphen,
            Self::BadCharacter { .. } => Say::BadCharacter,
            Self::SuffixRemoved { .. } => Say::SuffixRemoved,
            Self::AliasLinksExisting => Say::AliasLinksExisting,
            Self::EmptyLabel => Say::EmptyLabel,
            Self::LabelTooLong => Say::LabelTooLong,
            Self::HyphenAtEdge => Say::HyphenAtEdge,
            Self::BadTld => Say::BadTld,
            Self::BadIdn => Say::BadIdn,
            Self::IdnConverted { .. } => Say::IdnConverted,
        }
        .into()
    }
    fn params(&self) -> Params {
        let p = Params::default();
        match self {
            Self::TooLong { max } => p.with("max", *max),
            Self::BadCharacter { ch, position } => p.with("character", *ch).with("position", *position),
            Self::SuffixRemoved { suffix } => p.with("suffix", suffix),
            Self::IdnConverted { domain } => p.with("domain", domain),
            _ => p,
        }
    }
}

/// Checks the domain field. `suffix` is the configured initial-domain suffix (lower case).
pub fn check(raw: &str, suffix: &str) -> Outcome<Domain, DomainReason> {
    let typed = text::normalize(raw).map_err(|_| DomainReason::TooLong { max: text::MAX_CHARS })?;
    let lower = typed.to_ascii_lowercase();
    if lower.is_empty() {
        return Err(DomainReason::Required);
    }
    if let Some(name) = lower.strip_suffix(suffix).and_then(|n| n.strip_suffix('.')) {
        let value = prefix(name)?;
        return Ok(Checked::warn(value, DomainReason::SuffixRemoved { suffix: suffix.to_owned() }));
    }
    if lower.chars().any(hostname::is_dot) {
        return alias(&lower);
    }
    prefix(&lower).map(Checked::ok)
}

fn prefix(name: &str) -> Result<Domain, DomainReason> {
    if name.is_empty() {
        return Err(DomainReason::Required);
    }
    if let Some((i, ch)) = name.chars().enumerate().find(|&(_, c)| !c.is_ascii_alphanumeric()) {
        return Err(DomainReason::BadCharacter { ch, position: i + 1 });
    }
    if name.len() > MAX_PREFIX {
        return Err(DomainReason::TooLong { max: MAX_PREFIX });
    }
    Ok(Domain { value: name.to_owned(), form: DomainForm::Prefix })
}

/// A full domain: checked, converted to ASCII, with the warnings that it links an existing tenant and, if so, that
/// it was converted.
fn alias(host: &str) -> Outcome<Domain, DomainReason> {
    let ascii = hostname::to_ascii(host).map_err(|p| match p {
        HostnameProblem::BadCharacter { ch, position } => DomainReason::BadCharacter { ch, position },
        HostnameProblem::EmptyLabel | HostnameProblem::NoDot => DomainReason::EmptyLabel,
        HostnameProblem::LabelTooLong => DomainReason::LabelTooLong,
        HostnameProblem::HyphenAtLabelEdge => DomainReason::HyphenAtEdge,
        HostnameProblem::BadTld => DomainReason::BadTld,
        HostnameProblem::BadIdn => DomainReason::BadIdn,
    })?;
    if ascii.len() > MAX_ALIAS {
        return Err(DomainReason::TooLong { max: MAX_ALIAS });
    }
    let mut warnings = vec![DomainReason::AliasLinksExisting];
    if ascii != host {
        warnings.push(DomainReason::IdnConverted { domain: ascii.to_string() });
    }
    Ok(Checked { value: Domain { value: crate::text::owned(ascii), form: DomainForm::Alias }, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(raw: &str) -> &'static str {
        match check(raw, DEFAULT_SUFFIX) {
            Ok(c) => c.warnings.first().map_or("ok", |w| w.code()),
            Err(r) => r.code(),
        }
    }

    #[test]
    fn table() {
        let cases = [
            // Prefix: letters and digits, 1–27, lower-cased [Storefront regex; Entra UI].
            ("contoso", "ok"),
            ("Contoso2024", "ok"),
            ("ＣＯＮＴＯＳＯ", "ok"), // full-width, section 0
            ("", "domain_prefix.required"),
            ("contoso-ltd", "domain_prefix.bad_character"),
            ("con toso", "domain_prefix.bad_character"),
            ("contoso_ltd", "domain_prefix.bad_character"),
            ("cöntoso", "domain_prefix.bad_character"),
            // The whole initial domain typed: accepted with a warning (rules.md).
            ("contoso.onmicrosoft.com", "domain_prefix.suffix_removed"),
            ("CONTOSO.OnMicrosoft.com", "domain_prefix.suffix_removed"),
            (".onmicrosoft.com", "domain_prefix.required"),
            ("a-b.onmicrosoft.com", "domain_prefix.bad_character"),
            ("a.b.onmicrosoft.com", "domain_prefix.bad_character"),
            // Alias: a custom domain of an existing tenant [iw]; DNS labels [RFC 1035].
            ("contoso.com", "domain_prefix.alias_links_existing"),
            ("Contoso-Group.co.uk", "domain_prefix.alias_links_existing"),
            ("contoso..com", "domain_prefix.empty_label"),
            ("contoso.com.", "domain_prefix.empty_label"),
            ("-contoso.com", "domain_prefix.hyphen_at_edge"),
            ("contoso.c", "domain_prefix.bad_tld"),
            ("contoso.c0m", "domain_prefix.bad_tld"),
            ("con_toso.com", "domain_prefix.bad_character"),
            // IDN TLDs in their xn-- form, Unicode aliases converted (UTS 46, non-transitional) (rules.md section 1).
            ("contoso.xn--p1ai", "domain_prefix.alias_links_existing"),
            ("xn--e1afmkfd.xn--p1ai", "domain_prefix.alias_links_existing"),
            ("bücher.example", "domain_prefix.alias_links_existing"),
            ("a\u{5d0}.com", "domain_prefix.bad_idn"),
            ("xn--a.com", "domain_prefix.bad_idn"),
        ];
        for (raw, want) in cases {
            assert_eq!(code(raw), want, "{raw:?}");
        }
        assert_eq!(code(&"a".repeat(27)), "ok");
        assert_eq!(code(&"a".repeat(28)), "domain_prefix.too_long");
        // At most 48 characters in all for an alias [Entra].
        assert_eq!(code(&format!("{}.com", "a".repeat(44))), "domain_prefix.alias_links_existing");
        assert_eq!(code(&format!("{}.com", "a".repeat(45))), "domain_prefix.too_long");
    }

    #[test]
    fn normalized_values_and_forms() {
        let c = check("CONTOSO.onmicrosoft.com", DEFAULT_SUFFIX).unwrap();
        assert_eq!(c.value, Domain { value: "contoso".into(), form: DomainForm::Prefix });
        assert_eq!(c.value.full(DEFAULT_SUFFIX), "contoso.onmicrosoft.com");
        let c = check("Contoso.COM", DEFAULT_SUFFIX).unwrap();
        assert_eq!(c.value, Domain { value: "contoso.com".into(), form: DomainForm::Alias });
        assert_eq!(c.value.full(DEFAULT_SUFFIX), "contoso.com");
        // A Unicode alias: converted, with a warning that shows it; the 48-character limit holds after conversion.
        let c = check("Bücher.example", DEFAULT_SUFFIX).unwrap();
        assert_eq!(c.value, Domain { value: "xn--bcher-kva.example".into(), form: DomainForm::Alias });
        assert_eq!(
            c.warnings,
            vec![
                DomainReason::AliasLinksExisting,
                DomainReason::IdnConverted { domain: "xn--bcher-kva.example".into() }
            ]
        );
        let c = check("faß.de", DEFAULT_SUFFIX).unwrap();
        assert_eq!(c.value.value, "xn--fa-hia.de", "non-transitional: ß stays");
        // 40 characters typed, 46 after conversion: fits; 44 typed, 50 converted: too long.
        assert!(check(&format!("{}ü.de", "a".repeat(35)), DEFAULT_SUFFIX).is_ok());
        assert_eq!(
            check(&format!("{}ü.de", "a".repeat(39)), DEFAULT_SUFFIX).unwrap_err(),
            DomainReason::TooLong { max: MAX_ALIAS }
        );
        // 21Vianet's suffix [PC-create].
        let c = check("contoso.partner.onmschina.cn", "partner.onmschina.cn").unwrap();
        assert_eq!(c.value.form, DomainForm::Prefix);
        assert_eq!(c.value.full("partner.onmschina.cn"), "contoso.partner.onmschina.cn");
    }
}
