//! Criterion benchmarks: each rule on a typical value, `text::normalize` on ASCII and on full-width input, and a whole
//! record (`Validator::validate` on a parsed `Record`, and `Validator::validate_json` from text), valid and invalid.
//! Run with `make bench` (`cargo bench -p tenantcheck-core --bench rules`); medians are in
//! `target/criterion/<group>/<name>/new/estimates.json`. Target: a whole record under 1 µs natively.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::Duration;
use tenantcheck_core::countries::{lookup, Rules};
use tenantcheck_core::record::{self, Record, Slot};
use tenantcheck_core::rules::{
    address, country, domain, email, mpn, names, phone, postcode, registration, state, username,
};
use tenantcheck_core::{text, Validator};

/// The allocator of the command line (`src/main.rs`): the benchmarks measure what it runs.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The example record of `request.md`: valid.
const VALID: &str = include_str!("../tests/fixtures/request-example.json");

/// A record with an error or a warning in most fields, as pasted: full-width, stray spaces, wrong forms.
const INVALID: &str = r#"{"cspModel":"direct",
  "syncOptions":{"username":"admin@contoso.com","domainPrefix":"Con-toso.onmicrosoft.com","resellerMpnId":"MPN-1"},
  "account":{"companyName":"LLC","contact":{"firstName":"","lastName":"test"},
    "email":"ｉｔ＠gmail.com","phone":"(125) 055-0100 x12","registrationNumber":"x","isSubCustomerOfReseller":false,
    "billingAddress":{"country":"uk","addressLine1":"  10 Downing St ","addressLine2":"","city":"","state":"Westminster",
      "postalCode":"SW1A 2AA 1"}},
  "resellerBillingAddress":null,"partnerDomain":"partner.example","markets":["GR","US"],"domainSuffix":null,"extra":1}"#;

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50)
}

fn rules(c: &mut Criterion) {
    let rules_of = |code: &str| Rules::default_for(lookup(code).expect("known country"));
    let (us, ca, gb, gr, jp, au) =
        (rules_of("US"), rules_of("CA"), rules_of("GB"), rules_of("GR"), rules_of("JP"), rules_of("AU"));
    let mut g = c.benchmark_group("rule");

    g.bench_function("normalize/ascii", |b| b.iter(|| text::normalize(black_box("Leof. Kifisias 1")).is_ok()));
    g.bench_function("normalize/full_width", |b| {
        b.iter(|| text::normalize(black_box("ＬＥＯＦ．\u{3000}ＫＩＦＩＳＩＡＳ\u{3000}１")).is_ok())
    });
    g.bench_function("username", |b| b.iter(|| username::check(black_box("john.smith"))));
    g.bench_function("domain/prefix", |b| b.iter(|| domain::check(black_box("contoso"), domain::DEFAULT_SUFFIX)));
    g.bench_function("domain/initial_domain", |b| {
        b.iter(|| domain::check(black_box("Contoso.onmicrosoft.com"), domain::DEFAULT_SUFFIX))
    });
    g.bench_function("mpn", |b| {
        b.iter(|| mpn::check(black_box("1234567"), Some(mpn::CspModel::IndirectProvider), true))
    });
    g.bench_function("phone/GR", |b| b.iter(|| phone::check(black_box("+30 210 123 4567"), Some(&gr))));
    g.bench_function("phone/US", |b| b.iter(|| phone::check(black_box("1.(458)-866-4473"), Some(&us))));
    g.bench_function("email", |b| b.iter(|| email::check(black_box("it@contoso.com"), Some("partner.example"))));
    g.bench_function("company_name", |b| b.iter(|| names::company_name(black_box("Contoso Ltd"))));
    g.bench_function("contact_name", |b| b.iter(|| names::contact_name(black_box("Lovelace"))));
    g.bench_function("registration", |b| b.iter(|| registration::check(black_box("7707083893"), lookup("RU"))));
    g.bench_function("country", |b| b.iter(|| country::check(black_box("gr"), None)));
    g.bench_function("address_line", |b| b.iter(|| address::line1(black_box("Leof. Kifisias 1"))));
    g.bench_function("city", |b| b.iter(|| address::city(black_box("Athens"), Some(&gr))));
    for (name, rules, value) in [
        ("postcode/US", &us, "94043 1351"),
        ("postcode/GB", &gb, "sw1a2aa"),
        ("postcode/CA", &ca, "K1A0B1"),
        ("postcode/GR", &gr, "106 82"),
        ("postcode/JP", &jp, "1000001"),
    ] {
        g.bench_function(name, |b| b.iter(|| postcode::check(black_box(value), rules)));
    }
    g.bench_function("state/US", |b| b.iter(|| state::check(black_box("Washington"), &us)));
    g.bench_function("state/AU", |b| b.iter(|| state::check(black_box("NSW"), &au)));
    g.bench_function("state/GR", |b| b.iter(|| state::check(black_box("Attica"), &gr)));
    g.finish();
}

fn parsed(json: &str) -> Record {
    match record::from_json(json).expect("JSON") {
        Slot::Value(r) => r,
        _ => panic!("not a record"),
    }
}

/// Times `iters` calls of `Validator::validate`, each on a fresh clone of `rec` made outside the timed region. The
/// clones and the reports live in two buffers allocated once: criterion's `iter_batched` grows new ones for every
/// batch, and the kernel's zeroing of their fresh pages and the moves into them were a quarter of what it reported.
fn validate_many(v: &Validator, rec: &Record, iters: u64) -> Duration {
    const BATCH: usize = 1024;
    thread_local! {
        static BUFFERS: std::cell::RefCell<(Vec<Record>, Vec<tenantcheck_core::Report>)> =
            std::cell::RefCell::new((Vec::with_capacity(BATCH), Vec::with_capacity(BATCH)));
    }
    BUFFERS.with_borrow_mut(|(inputs, outputs)| {
        let mut total = Duration::ZERO;
        let mut left = iters;
        while left > 0 {
            let n = usize::try_from(left).map_or(BATCH, |l| l.min(BATCH));
            inputs.extend(std::iter::repeat_with(|| rec.clone()).take(n));
            let start = std::time::Instant::now();
            for r in inputs.drain(..) {
                outputs.push(v.validate(black_box(r)));
            }
            total += start.elapsed();
            outputs.clear();
            left -= n as u64;
        }
        total
    })
}

fn whole_record(c: &mut Criterion) {
    let v = Validator::new();
    for (name, json, valid) in [("valid", VALID, true), ("invalid", INVALID, false)] {
        assert_eq!(v.validate_json(json).valid, valid, "{name}");
    }
    let mut g = c.benchmark_group("record");
    for (name, json) in [("valid", VALID), ("invalid", INVALID)] {
        let rec = parsed(json);
        g.bench_function(format!("validate/{name}"), |b| b.iter_custom(|iters| validate_many(&v, &rec, iters)));
        g.bench_function(format!("validate_json/{name}"), |b| b.iter(|| v.validate_json(black_box(json))));
        g.bench_function(format!("parse_only/{name}"), |b| b.iter(|| record::from_json(black_box(json))));
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = rules, whole_record
}
criterion_main!(benches);
