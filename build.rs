//! Builds the message catalogs of `core/catalogs/` into the native binary: `$OUT_DIR/catalogs.rs` lists every
//! `<locale>.json` there with its text (`include_str!`), for `--lang` (src/catalogs.rs). A catalog added or changed
//! rebuilds it.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let dir = Path::new(&root).join("core").join("catalogs");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut found: Vec<(String, String)> = Vec::new();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let path = entry.path();
        let locale = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
        if path.extension().is_some_and(|e| e == "json") && !locale.is_empty() {
            println!("cargo:rerun-if-changed={}", path.display());
            found.push((locale, path.display().to_string()));
        }
    }
    found.sort();
    let mut out = String::from("/// The catalogs of core/catalogs/, (locale, JSON text), by locale.\npub static BUILT_IN: &[(&str, &str)] = &[\n");
    for (locale, path) in found {
        let _ = writeln!(out, "    ({locale:?}, include_str!({path:?})),");
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("catalogs.rs");
    std::fs::write(target, out).expect("writing catalogs.rs");
}
