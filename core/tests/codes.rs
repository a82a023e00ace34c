//! The code table in `docs/codes.md` lists exactly the codes the rule modules can emit, each once, each
//! `<rule>.<reason>` in snake case (`request.md`: codes are stable API).

use std::collections::BTreeSet;
use tenantcheck_core::codes;

fn documented() -> Vec<String> {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/codes.md")).expect("docs/codes.md");
    doc.lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once('`'))
        .map(|(c, _)| c.to_owned())
        .collect()
}

#[test]
fn codes_are_unique_and_well_formed() {
    let all: Vec<&str> = codes::all().collect();
    let unique: BTreeSet<&str> = all.iter().copied().collect();
    assert_eq!(unique.len(), all.len(), "a code is listed twice");
    for code in all {
        let (rule, reason) = code.split_once('.').unwrap_or_else(|| panic!("{code}: no dot"));
        let snake = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
        assert!(snake(rule) && snake(reason), "{code}");
    }
}

#[test]
fn the_table_in_the_docs_is_the_code_list() {
    let doc = documented();
    let doc_set: BTreeSet<&str> = doc.iter().map(String::as_str).collect();
    assert_eq!(doc_set.len(), doc.len(), "docs/codes.md lists a code twice");
    let code_set: BTreeSet<&str> = codes::all().collect();
    let missing: Vec<_> = code_set.difference(&doc_set).collect();
    let extra: Vec<_> = doc_set.difference(&code_set).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "not documented: {missing:?}; documented but not emitted: {extra:?}"
    );
}

/// The rule part of each code in `docs/codes.md` names the fields it checks, by the schema: in camel case it starts a
/// field's JSON name (`postal_code` → `postalCode`, `address_line` → `addressLine1` and `addressLine2`), except the
/// rules on no single field; and every text field of the schema has a rule of its own there.
#[test]
fn the_codes_name_the_schemas_fields() {
    use tenantcheck_core::schema::FIELDS;
    // Rules on the whole record, on every text field, on run-time country rules, and on both of the contact's names.
    const NOT_ONE_FIELD: [(&str, &[&str]); 4] = [
        ("request", &[]),
        ("text", &[]),
        ("country_rules", &[]),
        ("contact_name", &["account.contact.firstName", "account.contact.lastName"]),
    ];
    let camel = |rule: &str| {
        let mut out = String::new();
        for (i, part) in rule.split('_').enumerate() {
            let mut chars = part.chars();
            if let (true, Some(first)) = (i > 0, chars.next()) {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            } else {
                out.push_str(part);
            }
        }
        out
    };
    let doc = documented();
    let rules: BTreeSet<&str> = doc.iter().filter_map(|c| c.split_once('.')).map(|(rule, _)| rule).collect();
    let mut covered = BTreeSet::new();
    for rule in rules {
        if let Some((_, paths)) = NOT_ONE_FIELD.iter().find(|(r, _)| *r == rule) {
            covered.extend(paths.iter().copied());
            continue;
        }
        let key = camel(rule);
        let fields: Vec<&str> = FIELDS.iter().filter(|f| f.key.starts_with(&key)).map(|f| f.path).collect();
        assert!(!fields.is_empty(), "docs/codes.md: `{rule}.*` names no field of the schema");
        covered.extend(fields);
    }
    for f in FIELDS.iter().filter(|f| f.is_text()) {
        assert!(covered.contains(f.path), "{}: no rule in docs/codes.md", f.path);
    }
}

/// Params follow one naming rule: camelCase, as the JS side reads them (`request.md`); each code declares a param
/// once (`wordings!`, the source of the package's TypeScript types).
#[test]
fn every_param_is_camel_case() {
    for code in tenantcheck_core::codes::declared() {
        for p in code.params {
            let camel = p.name.starts_with(|c: char| c.is_ascii_lowercase())
                && p.name.chars().all(|c| c.is_ascii_alphanumeric());
            assert!(camel, "{}: param {} is not camelCase", code.code, p.name);
        }
        let mut names: Vec<&str> = code.params.iter().map(|p| p.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), code.params.len(), "{}: a param declared twice", code.code);
    }
}
