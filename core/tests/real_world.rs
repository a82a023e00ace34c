//! The real-world corpus (`tests/fixtures/real-world/`, format and sources in its README.md): every case is put into
//! the valid base account of its country (`bases.json`), the record is validated, and the verdict, the codes on the
//! case's field and the canonical value in `normalized` must be the case's. All failures are reported at once.
//!
//! Writes every result to `target/tmp/real-world-native.jsonl` (one line per case, in file and line order), which
//! `tests/node/real-world.test.mjs` compares one to one with the npm package's results (`make test` runs this test
//! first).

use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use tenantcheck_core::Validator;

#[path = "params/declared.rs"]
mod declared_params;

/// Every class of issue 9 has its file; the corpus has at least this many cases (issue 9, "Tests").
const CLASSES: [&str; 9] =
    ["postcodes", "phones", "emails", "domains", "states", "free-text", "sub-customer", "sync-options", "account"];
const MIN_CASES: usize = 400;
/// The country of a case that names none.
const DEFAULT_COUNTRY: &str = "US";

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/real-world")
}

/// One line of a case file, checked for shape.
struct Case {
    at: String,
    id: String,
    country: String,
    field: String,
    input: Value,
    with: Map<String, Value>,
    verdict: String,
    canonical: Option<Value>,
    codes: BTreeSet<String>,
}

fn str_of<'a>(o: &'a Map<String, Value>, key: &str) -> Result<&'a str, String> {
    match o.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s),
        _ => Err(format!("`{key}` must be a non-empty string")),
    }
}

fn parse_case(at: String, line: &str) -> Result<Case, String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let o = v.as_object().ok_or("not a JSON object")?;
    let known = ["id", "source", "country", "field", "input", "with", "verdict", "canonical", "codes"];
    if let Some(k) = o.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(format!("unknown key `{k}`"));
    }
    str_of(o, "source")?;
    let verdict = str_of(o, "verdict")?.to_string();
    if !["valid", "warning", "invalid"].contains(&verdict.as_str()) {
        return Err(format!("verdict {verdict:?} is not valid, warning or invalid"));
    }
    let codes = match o.get("codes") {
        None | Some(Value::Null) => BTreeSet::new(),
        Some(Value::Array(a)) => {
            a.iter().map(|c| c.as_str().map(String::from)).collect::<Option<_>>().ok_or("`codes` holds a non-string")?
        }
        Some(_) => return Err("`codes` must be a list".into()),
    };
    if (verdict == "valid") != codes.is_empty() {
        return Err("a `valid` case lists no codes; `warning` and `invalid` cases list theirs".into());
    }
    let canonical = o.get("canonical").cloned();
    if verdict != "invalid" && canonical.is_none() {
        return Err("a `valid` or `warning` case needs `canonical`".into());
    }
    let country = match o.get("country") {
        None | Some(Value::Null) => DEFAULT_COUNTRY.to_string(),
        Some(Value::String(c)) => c.clone(),
        Some(_) => return Err("`country` must be a string or null".into()),
    };
    let with = match o.get("with") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(w)) => w.clone(),
        Some(_) => return Err("`with` must be an object".into()),
    };
    Ok(Case {
        at,
        id: str_of(o, "id")?.to_string(),
        country,
        field: str_of(o, "field")?.to_string(),
        input: o.get("input").cloned().ok_or("`input` is missing")?,
        with,
        verdict,
        canonical,
        codes,
    })
}

/// Every case of every `*.jsonl` file, in file name and line order; malformed lines become failures.
fn load() -> (Vec<Case>, Vec<String>, BTreeMap<String, usize>) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("tests/fixtures/real-world/ is missing")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    let (mut cases, mut bad, mut per_file) = (Vec::new(), Vec::new(), BTreeMap::new());
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut n = 0;
        for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
            let at = format!("{name}:{}", i + 1);
            let Ok(line) = std::str::from_utf8(line) else {
                bad.push(format!("{at}: not UTF-8"));
                n += 1;
                continue;
            };
            if line.trim().is_empty() {
                continue;
            }
            match parse_case(at.clone(), line) {
                Ok(case) => cases.push(case),
                Err(e) => bad.push(format!("{at}: {e}")),
            }
            n += 1;
        }
        per_file.insert(name.trim_end_matches(".jsonl").to_string(), n);
    }
    (cases, bad, per_file)
}

fn bases() -> Value {
    let text = std::fs::read_to_string(dir().join("bases.json")).expect("bases.json is missing");
    serde_json::from_str(&text).expect("bases.json is not JSON")
}

/// The valid base account of a country: the shared record with the country's phone, registration number and address.
fn base(bases: &Value, country: &str) -> Result<Value, String> {
    let b = bases["countries"].get(country).ok_or_else(|| format!("no base account for country {country:?}"))?;
    let mut record = bases["record"].clone();
    record["account"]["phone"] = b["phone"].clone();
    record["account"]["registrationNumber"] = b["registrationNumber"].clone();
    record["account"]["billingAddress"] = b["billingAddress"].clone();
    Ok(record)
}

/// Sets a dotted path in a record, making objects on the way.
fn set(record: &mut Value, path: &str, value: Value) -> Result<(), String> {
    let mut at = record;
    for key in path.split('.') {
        if at.is_null() {
            *at = json!({});
        }
        at = at
            .as_object_mut()
            .ok_or_else(|| format!("{path}: {key} is not inside an object"))?
            .entry(key)
            .or_insert(Value::Null);
    }
    *at = value;
    Ok(())
}

fn get<'a>(v: &'a Value, path: &str) -> &'a Value {
    path.split('.').fold(v, |v, key| &v[key])
}

/// The record a case is judged on.
fn record_of(bases: &Value, case: &Case) -> Result<Value, String> {
    let mut record = base(bases, &case.country)?;
    for (path, value) in &case.with {
        set(&mut record, path, value.clone())?;
    }
    set(&mut record, &case.field, case.input.clone())?;
    Ok(record)
}

/// Why a report does not give the case's verdict, codes and canonical value; `None` when it does.
fn judge(case: &Case, report: &Value) -> Option<String> {
    let on_field = |list: &str| -> Vec<String> {
        report[list]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|i| i["field"] == case.field.as_str())
            .map(|i| i["code"].as_str().unwrap_or("?").to_string())
            .collect()
    };
    let (errors, warnings) = (on_field("errors"), on_field("warnings"));
    let got_codes: BTreeSet<String> = errors.iter().chain(&warnings).cloned().collect();
    let got_verdict = match (errors.is_empty(), warnings.is_empty()) {
        (false, _) => "invalid",
        (true, false) => "warning",
        (true, true) => "valid",
    };
    let value = get(&report["normalized"], &case.field);
    let canonical_ok = case.verdict == "invalid" || case.canonical.as_ref() == Some(value);
    if got_verdict == case.verdict && got_codes == case.codes && canonical_ok {
        return None;
    }
    let mut expected = json!({"verdict": case.verdict, "codes": case.codes});
    let mut got = json!({"verdict": got_verdict, "codes": got_codes});
    if case.verdict != "invalid" {
        expected["canonical"] = case.canonical.clone().unwrap_or_default();
        got["canonical"] = value.clone();
    }
    Some(format!("expected {}, got {}", visible(&expected), visible(&got)))
}

/// JSON text with invisible and control characters escaped, so that a failure shows them.
fn visible(v: &Value) -> String {
    let invisible = |c: char| {
        c.is_control()
            || (c.is_whitespace() && c != ' ')
            || matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
    };
    v.to_string()
        .chars()
        .map(|c| if invisible(c) { format!("\\u{{{:04X}}}", c as u32) } else { c.to_string() })
        .collect()
}

#[test]
fn every_base_account_validates_clean() {
    let bases = bases();
    let v = Validator::new();
    let countries = bases["countries"].as_object().expect("bases.json has no countries");
    assert!(countries.len() >= 200, "only {} base accounts", countries.len());
    let mut failures = Vec::new();
    for country in countries.keys() {
        let record = base(&bases, country).unwrap();
        let report = serde_json::to_value(v.validate_json(&record.to_string())).unwrap();
        let issues: Vec<&Value> =
            report["errors"].as_array().unwrap().iter().chain(report["warnings"].as_array().unwrap()).collect();
        if !issues.is_empty() {
            failures.push(format!("{country}: {}", Value::from(issues.into_iter().cloned().collect::<Vec<_>>())));
        }
    }
    assert!(failures.is_empty(), "{} base accounts are not clean:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_corpus_is_complete() {
    let (cases, bad, per_file) = load();
    let missing: Vec<&str> = CLASSES.iter().copied().filter(|c| per_file.get(*c).is_none_or(|n| *n == 0)).collect();
    assert!(missing.is_empty(), "class files missing or empty: {missing:?}");
    let total = cases.len() + bad.len();
    assert!(total >= MIN_CASES, "{total} cases, at least {MIN_CASES} wanted: {per_file:?}");
}

#[test]
fn every_case_gives_its_verdict() {
    let (cases, mut failures, _) = load();
    let bases = bases();
    let v = Validator::new();
    let mut seen = BTreeMap::new();
    let mut out = String::new();
    for case in &cases {
        if let Some(first) = seen.insert(case.id.clone(), case.at.clone()) {
            failures.push(format!("{}: id {:?} already used at {first}", case.at, case.id));
        }
        let record = match record_of(&bases, case) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{} {}: {e}", case.at, case.id));
                continue;
            }
        };
        let report = v.validate_json(&record.to_string());
        // Every issue's params are typed: they agree with the declaration the TypeScript types are made from.
        for issue in report.errors.iter().chain(&report.warnings) {
            if let Some(why) = declared_params::wrong(issue.code, &issue.params) {
                failures.push(format!("{} {}: {why}", case.at, case.id));
            }
        }
        let report = serde_json::to_value(report).unwrap();
        if let Some(why) = judge(case, &report) {
            failures.push(format!("{} {}: {why}", case.at, case.id));
        }
        out += &json!({"id": case.id, "report": report}).to_string();
        out.push('\n');
    }
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("real-world-native.jsonl");
    std::fs::write(&path, out).unwrap();
    println!("{} cases, {} failing; results in {}", cases.len(), failures.len(), path.display());
    assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn malformed_lines_are_failures_not_panics() {
    let bad = [
        "{",
        "[]",
        r#"{"id":"x","source":"s","field":"f","input":"i","verdict":"valid","canonical":"i","typo":1}"#,
        r#"{"id":"x","field":"f","input":"i","verdict":"valid","canonical":"i"}"#,
        r#"{"id":"x","source":"s","field":"f","input":"i","verdict":"ok","canonical":"i"}"#,
        r#"{"id":"x","source":"s","field":"f","input":"i","verdict":"valid"}"#,
        r#"{"id":"x","source":"s","field":"f","input":"i","verdict":"invalid","codes":[]}"#,
        r#"{"id":"x","source":"s","field":"f","input":"i","verdict":"invalid","codes":[1]}"#,
        r#"{"id":"x","source":"s","field":"f","verdict":"invalid","codes":["c"]}"#,
        r#"{"id":"x","source":"s","field":"f","input":"i","verdict":"invalid","codes":["c"],"with":[]}"#,
    ];
    for line in bad {
        assert!(parse_case("t:1".into(), line).is_err(), "accepted: {line}");
    }
    let ok = r#"{"id":"x","source":"s","country":null,"field":"a.b","input":"i","verdict":"invalid","codes":["c"]}"#;
    let case = parse_case("t:1".into(), ok).unwrap();
    let bases = json!({"record": {"a": 1}, "countries": {"US": {}}});
    assert!(record_of(&bases, &case).unwrap_err().contains("a.b"), "a path through a number is a failure");
}
