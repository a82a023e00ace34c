//! With its default features, `tenantcheck-core` depends on no wasm, JS or web crate: the rule modules know nothing
//! of JS (issue: "a check in the test suite proves it"). The wasm surface is the binding crate `core/wasm` (and the `js-host` feature it turns on).

use std::process::Command;

const JS_CRATES: &[&str] = &["wasm-bindgen", "js-sys", "web-sys", "gloo", "serde-wasm-bindgen", "tsify", "tsify-next"];

/// The crates `tenantcheck-core` pulls in (normal and build edges), as `cargo tree` names them.
fn dependencies(features: &[&str]) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["tree", "-p", "tenantcheck-core", "-e", "normal,build", "--prefix", "none", "--locked"])
        .args(features.iter().flat_map(|f| ["--features", f]))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(out.status.success(), "cargo tree failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn core_has_no_js_dependency_by_default() {
    let deps = dependencies(&[]);
    assert!(deps.iter().any(|d| d == "tenantcheck-core"), "cargo tree listed nothing: {deps:?}");
    let js: Vec<_> = deps.iter().filter(|d| JS_CRATES.contains(&d.as_str())).collect();
    assert!(js.is_empty(), "tenantcheck-core depends on JS crates by default: {js:?}");
}
