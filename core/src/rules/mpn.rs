//! Reseller (MPN ID) and the partner's CSP model (`rules.md` section 1, "Reseller (MPN ID)").
//!
//! - Digits only: Partner Center rejects other input ("MPN Id must be numeric") [PC-mpn]. Messages call it the
//!   reseller's PartnerID (formerly MPN ID), the location ID (PLA) rather than the global one (PGA) [PC-mpn FAQ].
//! - 6–10 digits (**decision**: every documented example has 7, none documents a range).
//! - The field exists only for an indirect CSP and its country-tenant organizations; a value is an error for a direct
//!   CSP or a tenant-reseller organization [iw].
//! - Where it exists it is required for a sub-customer of a reseller: without it Partner Center creates the customer
//!   as a direct customer of the indirect provider [PC-create] (**decision**). Otherwise optional.

use crate::issue::{Checked, Outcome, Params, Reason, Wording};
use crate::text;
use alloc::string::String;
use serde::{Deserialize, Serialize};

/// The CSP model of the partner's Partner Center account (`request.md`: `cspModel`) [iw].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CspModel {
    Direct,
    IndirectProvider,
    IndirectCountryTenant,
    TenantReseller,
}

impl CspModel {
    /// Every model, in the order of `rules.md`'s table.
    pub const ALL: [CspModel; 4] =
        [CspModel::IndirectProvider, CspModel::IndirectCountryTenant, CspModel::Direct, CspModel::TenantReseller];

    /// The JSON names, in the order of [`CspModel::ALL`].
    pub const NAMES: [&'static str; 4] = ["indirectProvider", "indirectCountryTenant", "direct", "tenantReseller"];

    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            CspModel::Direct => "direct",
            CspModel::IndirectProvider => "indirectProvider",
            CspModel::IndirectCountryTenant => "indirectCountryTenant",
            CspModel::TenantReseller => "tenantReseller",
        }
    }

    /// Parses the JSON name (exact, case-sensitive like every enum of the record).
    pub fn parse(s: &str) -> Option<CspModel> {
        CspModel::NAMES.iter().position(|&name| name == s).and_then(|i| CspModel::ALL.get(i).copied())
    }

    /// Whether the Reseller (MPN ID) field exists under this model [iw].
    pub fn has_reseller_field(self) -> bool {
        matches!(self, CspModel::IndirectProvider | CspModel::IndirectCountryTenant)
    }
}

/// The fewest and most digits accepted (**decision**).
pub const MIN_DIGITS: usize = 6;
pub const MAX_DIGITS: usize = 10;

/// Why a Reseller (MPN ID) is not accepted.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MpnReason {
    TooLong {
        max: usize,
    },
    NotNumeric {
        ch: char,
        position: usize,
    },
    Length {
        min: usize,
        max: usize,
        got: usize,
    },
    /// A value under a CSP model without the field.
    NotAvailable {
        csp_model: CspModel,
    },
    /// No value for a sub-customer of a reseller where the field exists.
    Required,
}

/// The PartnerID a reseller enters, as the messages name it.
macro_rules! what {
    () => {
        "the reseller's PartnerID (formerly MPN ID): its location ID (PLA), not the global one (PGA)"
    };
}

crate::wordings! {
    enum Say;
    /// Every code this module emits.
    pub const CODES;
    "reseller_mpn_id.too_long" (max: Int) { TooLong: "The Reseller (MPN ID) can have at most {max} characters." }
    "reseller_mpn_id.not_numeric" (character: Str, position: Int) {
        NotNumeric: concat!("The Reseller (MPN ID) must be numeric: enter ", what!(), ".")
    }
    "reseller_mpn_id.length" (min: Int, max: Int, length: Int) {
        Length: concat!("The Reseller (MPN ID) has {min} to {max} digits: enter ", what!(), ".")
    }
    "reseller_mpn_id.not_available" (cspModel: Str) {
        NotAvailable: "A Reseller (MPN ID) is only for indirect CSP partners; this partner's CSP model is \
                       {cspModel}: leave it empty."
    }
    "reseller_mpn_id.required" {
        Required: concat!("A sub-customer of a reseller needs the Reseller (MPN ID): enter ", what!(), ".")
    }
}

crate::display_as_message!(MpnReason);

impl Reason for MpnReason {
    fn wording(&self) -> Wording {
        match self {
            Self::TooLong { .. } => Say::TooLong,
            Self::NotNumeric { .. } => Say::NotNumeric,
            Self::Length { .. } => Say::Length,
            Self::NotAvailable { .. } => Say::NotAvailable,
            Self::Required => Say::Required,
        }
        .into()
    }
    fn params(&self) -> Params {
        let p = Params::default();
        match self {
            Self::TooLong { max } => p.with("max", *max),
            Self::NotNumeric { ch, position } => p.with("character", *ch).with("position", *position),
            Self::Length { min, max, got } => p.with("min", *min).with("max", *max).with("length", *got),
            Self::NotAvailable { csp_model } => p.with("cspModel", csp_model.as_str()),
            Self::Required => p,
        }
    }
}

/// Checks the Reseller (MPN ID). `csp_model` is `None` when the configured model is missing or unknown (then only
/// the value's format is checked). Returns `None` for no value.
pub fn check(raw: &str, csp_model: Option<CspModel>, sub_customer: bool) -> Outcome<Option<String>, MpnReason> {
    let value = text::normalize(raw).map_err(|_| MpnReason::TooLong { max: text::MAX_CHARS })?;
    if value.is_empty() {
        return match csp_model {
            Some(m) if m.has_reseller_field() && sub_customer => Err(MpnReason::Required),
            _ => Ok(Checked::ok(None)),
        };
    }
    if let Some(m) = csp_model.filter(|m| !m.has_reseller_field()) {
        return Err(MpnReason::NotAvailable { csp_model: m });
    }
    if let Some((i, ch)) = value.chars().enumerate().find(|&(_, c)| !c.is_ascii_digit()) {
        return Err(MpnReason::NotNumeric { ch, position: i + 1 });
    }
    if !(MIN_DIGITS..=MAX_DIGITS).contains(&value.len()) {
        return Err(MpnReason::Length { min: MIN_DIGITS, max: MAX_DIGITS, got: value.len() });
    }
    Ok(Checked::ok(Some(crate::text::owned(value))))
}

#[cfg(test)]
mod tests {
    use super::CspModel::*;
    use super::*;

    fn code(raw: &str, model: Option<CspModel>, sub: bool) -> &'static str {
        match check(raw, model, sub) {
            Ok(_) => "ok",
            Err(r) => r.code(),
        }
    }

    #[test]
    fn format() {
        // Digits only [PC-mpn]; 6–10 digits (decision; documented examples have 7).
        assert_eq!(code("1234567", Some(IndirectProvider), false), "ok");
        assert_eq!(code(" 1234567 ", Some(IndirectProvider), false), "ok");
        assert_eq!(code("１２３４５６７", Some(IndirectProvider), false), "ok");
        assert_eq!(code("123456", Some(IndirectProvider), false), "ok");
        assert_eq!(code("1234567890", Some(IndirectProvider), false), "ok");
        assert_eq!(code("12345", Some(IndirectProvider), false), "reseller_mpn_id.length");
        assert_eq!(code("12345678901", Some(IndirectProvider), false), "reseller_mpn_id.length");
        assert_eq!(code("MPN1234567", Some(IndirectProvider), false), "reseller_mpn_id.not_numeric");
        assert_eq!(code("123 4567", Some(IndirectProvider), false), "reseller_mpn_id.not_numeric");
        assert_eq!(code("-1234567", None, false), "reseller_mpn_id.not_numeric");
    }

    #[test]
    fn applicability_by_csp_model() {
        // rules.md table [iw]: available for indirectProvider and indirectCountryTenant only.
        for m in [IndirectProvider, IndirectCountryTenant] {
            assert_eq!(code("1234567", Some(m), true), "ok");
            assert_eq!(code("", Some(m), false), "ok");
            // Required for a sub-customer of a reseller [PC-create] (decision).
            assert_eq!(code("", Some(m), true), "reseller_mpn_id.required");
        }
        for m in [Direct, TenantReseller] {
            assert_eq!(code("1234567", Some(m), false), "reseller_mpn_id.not_available");
            assert_eq!(code("", Some(m), true), "ok");
        }
        assert_eq!(check("", Some(Direct), false).unwrap().value, None);
    }

    #[test]
    fn model_names_round_trip() {
        assert_eq!(CspModel::NAMES, CspModel::ALL.map(CspModel::as_str));
        for m in CspModel::ALL {
            assert_eq!(CspModel::parse(m.as_str()), Some(m));
        }
        assert_eq!(CspModel::parse("Direct"), None);
    }
}
