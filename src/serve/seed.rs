//! Seed data that makes every answer of `api.md` reachable by hand (docs/stand-in.md lists what to type): tenants
//! that exist, and the values Partner Center rejects or corrects. Checked after the core accepted the record, in the
//! order of [`decide`].

use crate::serve::db::{Tenant, TenantKind};
use crate::serve::problem::Answer;
use serde_json::{json, Map, Value};
use tenantcheck_core::record::{Address, Record, Slot};
use tenantcheck_core::rules::domain::{Domain, DomainForm, DEFAULT_SUFFIX};

/// Tenants that exist at creation, by domain prefix (HEAD /api/domains answers 200 for them): see [`tenants`].
pub const TENANT_PREFIXES: [(&str, TenantKind); 5] = [
    ("fabrikamtaken", TenantKind::OtherCsp),
    ("linkedtenant", TenantKind::LinkedBss),
    ("existingcustomer", TenantKind::PartnerCustomer),
    ("bothexisting", TenantKind::BothExisting),
    ("nodelegation", TenantKind::NoDelegation),
];

/// The seed tenants' full domains, with the core's default suffix (`onmicrosoft.com`).
pub fn tenants() -> impl Iterator<Item = (String, TenantKind)> {
    TENANT_PREFIXES.into_iter().map(|(prefix, kind)| {
        (Domain { value: prefix.to_owned(), form: DomainForm::Prefix }.full(DEFAULT_SUFFIX), kind)
    })
}

/// The invitation link of `no_delegated_access`.
pub const INVITATION_URL: &str = "https://admin.microsoft.com/Adminportal/Home?invType=Administration&partnerId=00000000-0000-0000-0000-000000000001#/BillingAccounts/partner-invitation";

/// The confirmations a request carries (`confirm=` query parameters).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Confirms {
    pub existing_bss_account: bool,
    pub existing_partner_customer: bool,
}

impl Confirms {
    /// Reads every `confirm=` of a raw query; other parameters and values are ignored.
    pub fn from_query(query: Option<&str>) -> Confirms {
        let mut c = Confirms::default();
        for pair in query.unwrap_or("").split('&') {
            match pair.split_once('=') {
                Some(("confirm", "existingBssAccount")) => c.existing_bss_account = true,
                Some(("confirm", "existingPartnerCustomer")) => c.existing_partner_customer = true,
                _ => {}
            }
        }
        c
    }

    /// A stable text for the request fingerprint.
    pub fn as_key(self) -> &'static str {
        match (self.existing_bss_account, self.existing_partner_customer) {
            (false, false) => "",
            (true, false) => "bss",
            (false, true) => "pc",
            (true, true) => "bss+pc",
        }
    }
}

/// What a seed says about a valid record: `None` = provision it.
pub fn decide(
    record: &Record,
    domain: &str,
    tenant: Option<&Tenant>,
    account: i64,
    confirms: Confirms,
) -> Option<Answer> {
    if let Some(t) = tenant {
        if let Some(a) = tenant_answer(t, domain, account, confirms) {
            return Some(a);
        }
    }
    rejection(record, domain).or_else(|| suggestion(record))
}

fn tenant_answer(t: &Tenant, domain: &str, account: i64, c: Confirms) -> Option<Answer> {
    let bss = || {
        Answer::simple(
            409,
            "confirm_existing_bss_account",
            "An account with the same customer code already exists in BSS",
            &format!("The tenant {domain} is already linked to another BSS account. Resubmit with confirm=existingBssAccount to synchronize this account with the same customer."),
        )
    };
    let pc = || {
        Answer::simple(
            409,
            "confirm_existing_partner_customer",
            "A customer with the same customer code already exists in Microsoft Partner Center",
            &format!("The tenant {domain} is already a customer in Partner Center. Resubmit with confirm=existingPartnerCustomer to synchronize with the existing customer."),
        )
    };
    match t.kind {
        TenantKind::OtherCsp => Some(taken(domain)),
        TenantKind::Provisioned if t.owner != Some(account) => Some(taken(domain)),
        TenantKind::Provisioned => None,
        TenantKind::LinkedBss => (!c.existing_bss_account).then(bss),
        TenantKind::PartnerCustomer => (!c.existing_partner_customer).then(pc),
        TenantKind::BothExisting if !c.existing_bss_account => Some(bss()),
        TenantKind::BothExisting => (!c.existing_partner_customer).then(pc),
        TenantKind::NoDelegation => {
            let mut extra = Map::new();
            extra.insert("invitationUrl".into(), Value::String(INVITATION_URL.into()));
            Some(Answer::problem(
                409,
                "no_delegated_access",
                "The tenant has not granted this partner delegated administration",
                &format!("The tenant {domain} exists but has not accepted this partner's invitation yet. Send the invitation link to the customer's global administrator."),
                extra,
            ))
        }
    }
}

fn taken(domain: &str) -> Answer {
    Answer::simple(
        409,
        "domain_taken_other_csp",
        "The domain exists in Microsoft under a different CSP",
        &format!("The domain {domain} is already taken. Choose another domain prefix."),
    )
}

/// One Partner Center rejection: field, code, message, Partner Center's error code.
fn rejected(field: &str, code: &str, message: &str, pc_code: i64) -> Answer {
    let mut extra = Map::new();
    extra.insert(
        "errors".into(),
        json!([{"field": field, "code": code, "message": message, "params": {"partnerCenterCode": pc_code}}]),
    );
    Answer::problem(422, "provisioning_rejected", "Partner Center rejected the account", "", extra)
}

fn rejection(record: &Record, domain: &str) -> Option<Answer> {
    let so = record.sync_options.value();
    let account = record.account.value();
    match so.map_or("", |s| s.reseller_mpn_id.as_str()) {
        "1111111" => {
            return Some(rejected(
                "syncOptions.resellerMpnId",
                "partner_center.not_indirect_reseller",
                "Partner Center: the reseller with this PartnerID (MPN ID) is not a valid indirect reseller of this partner.",
                800016,
            ))
        }
        "2222222" => {
            return Some(rejected(
                "syncOptions.resellerMpnId",
                "partner_center.mpa_not_accepted",
                "Partner Center: the reseller has not accepted the Microsoft Partner Agreement.",
                900123,
            ))
        }
        _ => {}
    }
    let email = account.map_or("", |a| a.email.as_str());
    if email.rsplit_once('@').is_some_and(|(_, d)| d.eq_ignore_ascii_case("rejected.example")) {
        return Some(rejected(
            "account.email",
            "partner_center.email_rejected",
            "Partner Center rejected this email address: use another corporate address.",
            27002,
        ));
    }
    if account.is_some_and(|a| a.company_name.as_str().trim().eq_ignore_ascii_case("Phoneless Ltd")) {
        return Some(rejected(
            "account.phone",
            "partner_center.phone_required",
            "Partner Center requires a phone number for this customer.",
            600051,
        ));
    }
    if domain.split('.').next() == Some("markupmsg") {
        return Some(rejected(
            "account.companyName",
            "partner_center.name_rejected",
            "Partner Center rejected the name <img src=x onerror=alert(1)><b>bold</b>",
            0,
        ));
    }
    None
}

fn suggestion(record: &Record) -> Option<Answer> {
    let a = record.account.value()?.billing_address.value()?;
    let hit = a.country.as_str().eq_ignore_ascii_case("US")
        && a.address_line1.as_str().trim().eq_ignore_ascii_case("1 Microsoft Way")
        && a.postal_code.as_str().trim() == "98052";
    if !hit {
        return None;
    }
    let suggested = Address {
        postal_code: Slot::Value("98052-6399".into()),
        city: Slot::Value("Redmond".into()),
        state: Slot::Value("WA".into()),
        ..a.clone()
    };
    let mut extra = Map::new();
    extra.insert("suggestedAddress".into(), serde_json::to_value(&suggested).unwrap_or(Value::Null));
    Some(Answer::problem(
        422,
        "address_suggestion",
        "Partner Center suggests a corrected address",
        "Partner Center's address validation proposes the ZIP+4 code 98052-6399.",
        extra,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_confirmations() {
        let c = Confirms::from_query(Some("confirm=existingBssAccount&x=1&confirm=existingPartnerCustomer"));
        assert!(c.existing_bss_account && c.existing_partner_customer);
        assert_eq!(Confirms::from_query(None), Confirms::default());
        assert_eq!(Confirms::from_query(Some("confirm=nope")).as_key(), "");
    }

    #[test]
    fn seed_domains_use_the_default_suffix() {
        let first = tenants().next().unwrap();
        assert_eq!(first, ("fabrikamtaken.onmicrosoft.com".to_owned(), TenantKind::OtherCsp));
        assert_eq!(tenants().count(), TENANT_PREFIXES.len());
    }

    #[test]
    fn both_existing_asks_twice() {
        let t = Tenant { kind: TenantKind::BothExisting, owner: None };
        let r = Record::default();
        let d = "bothexisting.onmicrosoft.com";
        let code = |c| decide(&r, d, Some(&t), 1, c).map(|a| a.body);
        assert!(code(Confirms::default()).unwrap().contains("confirm_existing_bss_account"));
        let bss = Confirms { existing_bss_account: true, ..Default::default() };
        assert!(code(bss).unwrap().contains("confirm_existing_partner_customer"));
        assert_eq!(code(Confirms { existing_bss_account: true, existing_partner_customer: true }), None);
    }
}
