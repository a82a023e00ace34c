//! The table of `fixtures/idn-parity.tsv` and how a result answers it, shared by the native test (`idn_parity.rs`)
//! and the wasm-bindgen tests (`wasm_common`): both builds must give every line's answer.

/// The record path of a table's field name.
pub fn path(field: &str) -> &'static str {
    match field {
        "email" => "account.email",
        _ => "syncOptions.domainPrefix",
    }
}

/// `(field, input, verdict, normalized, codes)` of every case.
pub fn cases() -> Vec<[&'static str; 5]> {
    include_str!("../fixtures/idn-parity.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let mut f = l.split('\t');
            std::array::from_fn(|_| f.next().unwrap_or(""))
        })
        .collect()
}

/// The verdict, normalized value and sorted codes on `path` of a field result as JSON (the shape both builds write).
pub fn answer(result: &serde_json::Value, path: &str) -> (String, String, String) {
    let codes = |list: &str| -> Vec<String> {
        result[list]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|i| i["field"] == path)
            .map(|i| i["code"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let (errors, warnings) = (codes("errors"), codes("warnings"));
    let verdict = if !errors.is_empty() {
        "invalid"
    } else if !warnings.is_empty() {
        "warning"
    } else {
        "valid"
    };
    let mut all = if errors.is_empty() { warnings } else { errors };
    all.sort();
    // The field result's own value (`request.md`, "Field result").
    let normalized = &result["value"];
    let normalized = if verdict == "invalid" { "" } else { normalized.as_str().unwrap_or_default() };
    (verdict.to_owned(), normalized.to_owned(), all.join(","))
}
