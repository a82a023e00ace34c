//! The table of `fixtures/pattern-parity.tsv`, shared by the native test (`pattern_parity.rs`) and the wasm-bindgen
//! tests (`wasm_common`): both builds must give every line's verdict.

use tenantcheck_core::pattern::{Pattern, PatternError};

/// `(pattern, value, verdict)` of every case.
pub fn cases() -> Vec<[&'static str; 3]> {
    include_str!("../fixtures/pattern-parity.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let mut f = l.split('\t');
            std::array::from_fn(|_| f.next().unwrap_or(""))
        })
        .collect()
}

/// The verdict of this build on one case: `match`, `no`, `unsupported` or `invalid`.
pub fn verdict(pattern: &str, value: &str) -> &'static str {
    match Pattern::anchored(pattern) {
        Ok(p) if p.is_match(value) => "match",
        Ok(_) => "no",
        Err(PatternError::Unsupported(_)) => "unsupported",
        Err(PatternError::Malformed(_) | PatternError::Invalid(_)) => "invalid",
    }
}

/// Every case whose verdict differs from the table's, described.
pub fn failures() -> Vec<String> {
    cases()
        .into_iter()
        .filter_map(|[pattern, value, want]| {
            let got = verdict(pattern, value);
            (got != want).then(|| format!("{pattern:?} on {value:?}: got {got}, want {want}"))
        })
        .collect()
}
