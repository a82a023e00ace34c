//! A sub-customer of a reseller may leave its own billing address empty; then the reseller's billing address
//! (configuration) must be valid, and is the one reported on [iw] (`rules.md` section 2, "Billing address").

use crate::issue::{Reason, Wording};

/// Why a sub-customer's empty address cannot stand.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubCustomerReason {
    /// The own address is empty and no reseller address is configured.
    ResellerAddressMissing,
}

crate::wordings! {
    enum Say;
    /// Every code this module emits.
    pub const CODES;
    "billing_address.reseller_address_missing" {
        ResellerAddressMissing: "The billing address is empty and no reseller billing address is configured: \
                                 enter the customer's address."
    }
}

crate::display_as_message!(SubCustomerReason);

impl Reason for SubCustomerReason {
    fn wording(&self) -> Wording {
        Say::ResellerAddressMissing.into()
    }
}
