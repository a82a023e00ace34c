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
