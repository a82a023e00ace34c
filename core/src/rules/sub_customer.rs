//! A sub-customer of a reseller may leave its own billing address empty; then the reseller's billing address
//! (configuration) must be valid, and is the one reported on [iw] (`rules.md` section 2, "Billing address").

use crate::issue::Reason;

/// Why a sub-customer's empty address cannot stand.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubCustomerReason {
    /// The own address is empty and no reseller address is configured.
    ResellerAddressMissing,
}

/// Every code this module emits.
pub const CODES: &[&str] = &["billing_address.reseller_address_missing"];

crate::display_as_message!(SubCustomerReason);

impl Reason for SubCustomerReason {
    fn code(&self) -> &'static str {
        CODES[0]
    }
    fn template(&self) -> &'static str {
        "The billing address is empty and no reseller billing address is configured: enter the customer's address."
    }
}
