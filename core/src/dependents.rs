//! Which fields a field check re-states (`request.md`, "Field result"): a change of a field re-checks the fields
//! whose verdict depends on it, and a field result states the issues of all of them in full (`covered`), so a host
//! clears the stale messages of exactly those paths. Data only; [`crate::Validator::check_field`] reads it. (To be
//! folded into the record's schema table.)

/// Every field of the account's own billing address.
pub const BILLING_ADDRESS: &[&str] = &[
    "account.billingAddress.country",
    "account.billingAddress.addressLine1",
    "account.billingAddress.addressLine2",
    "account.billingAddress.city",
    "account.billingAddress.state",
    "account.billingAddress.postalCode",
];

/// The fields whose rules read the account's country (`rules.md` section 2): the address, the phone and the
/// registration number.
pub const COUNTRY_DEPENDENT: &[&[&str]] = &[BILLING_ADDRESS, &["account.phone", "account.registrationNumber"]];

/// A field and the fields a change of it re-checks (besides itself), in the order of `request.md`'s table.
pub const DEPENDENTS: &[(&str, &[&[&str]])] = &[
    ("account.billingAddress.country", COUNTRY_DEPENDENT),
    ("account.billingAddress.state", &[&["account.billingAddress.postalCode"]]),
    ("account.billingAddress.postalCode", &[&["account.billingAddress.state"]]),
    (
        "account.isSubCustomerOfReseller",
        &[BILLING_ADDRESS, &["syncOptions.resellerMpnId", "account.phone", "account.registrationNumber"]],
    ),
    ("cspModel", &[&["syncOptions.resellerMpnId"]]),
];

/// What any billing-address field re-checks when its change turns the own address from empty to filled or back: for
/// a sub-customer the account's country then changes (the reseller's address stands in for an empty one).
pub const ON_ADDRESS_EMPTINESS: &[&[&str]] = COUNTRY_DEPENDENT;

/// The paths a check of `field` states in full: the field itself, then its dependents (each once); `emptiness_changed`
/// adds [`ON_ADDRESS_EMPTINESS`].
pub fn covered(field: &str, emptiness_changed: bool) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    let mut add = |groups: &[&[&'static str]]| {
        for group in groups {
            for path in *group {
                if *path != field && !out.contains(path) {
                    out.push(path);
                }
            }
        }
    };
    for (f, groups) in DEPENDENTS {
        if *f == field {
            add(groups);
        }
    }
    if emptiness_changed {
        add(ON_ADDRESS_EMPTINESS);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_of_request_md() {
        assert_eq!(covered("account.billingAddress.state", false), ["account.billingAddress.postalCode"]);
        assert_eq!(covered("account.billingAddress.postalCode", false), ["account.billingAddress.state"]);
        let country = covered("account.billingAddress.country", false);
        assert_eq!(country.len(), 7);
        assert!(!country.contains(&"account.billingAddress.country"));
        assert!(country.contains(&"account.phone") && country.contains(&"account.registrationNumber"));
        assert_eq!(covered("account.isSubCustomerOfReseller", false).len(), 9);
        assert_eq!(covered("cspModel", false), ["syncOptions.resellerMpnId"]);
        assert!(covered("account.email", false).is_empty());
        assert_eq!(covered("account.billingAddress.city", true).len(), 7);
        for (field, _) in DEPENDENTS {
            assert!(crate::record::is_known_path(field), "{field}");
        }
        for path in BILLING_ADDRESS {
            assert!(crate::record::is_known_path(path), "{path}");
        }
    }
}
