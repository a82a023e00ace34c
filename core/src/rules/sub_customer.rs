//! A sub-customer of a reseller may leave its own billing address empty; then the reseller's billing address
//! (configuration) must be valid, and is the one reported on [iw] (`rules.md` section 2, "Billing address").

use crate::issue::Reason;
use std::fmt;

/// Why a sub-customer's empty address cannot stand.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubCustomerReason {
    /// The own address is empty and no reseller address is configured.
    ResellerAddressMissing,
}

/// Every code this module emits.
pub const CODES: &[&str] = &["billing_address.reseller_address_missing"];

impl Reason for SubCustomerReason {
    fn code(&self) -> &'static str {
        CODES[0]
    }
}

impl fmt::Display for SubCustomerReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "The billing address is empty and no reseller billing address is configured: enter the customer's address.",
        )
    }
}
