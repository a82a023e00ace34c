//! No import circles (issue #10): in each crate of the workspace (the core, the native host, the browser host), the
//! modules' imports form no cycle. A piece two modules share has one home below both (design.md: "arrows point down
//! only"). Read from the sources: every `crate::…` and `super::…` path outside the test modules names a module, and an
//! edge to a module's own ancestor (the namespace it is declared in) does not count.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The crates' source roots, from the workspace's root.
const CRATES: &[&str] = &["core/src", "src", "web/src"];

/// Cycles known and not yet untangled, each with the reason; the test fails when one is gone, so the entry goes too.
/// None is left: the last two (`record` ↔ `schema`, `validate` → `wasm`) were untangled in session 7.
const KNOWN: &[(&str, &[&str])] = &[];

type Module = Vec<String>;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every module of a crate: its path (`["serve", "api"]`) and its source.
fn modules(src: &Path) -> BTreeMap<Module, String> {
    let mut out = BTreeMap::new();
    let mut dirs = vec![src.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("source dir reads") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(src).expect("under the root").with_extension("");
            let mut module: Module = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
            if matches!(module.last().map(String::as_str), Some("lib" | "main" | "mod")) {
                module.pop();
            }
            let text = std::fs::read_to_string(&path).expect("source reads");
            out.insert(module, without_tests_and_comments(&text));
        }
    }
    out
}

/// The source before its first test module, without `//` comments (doc comments name modules they do not import).
fn without_tests_and_comments(text: &str) -> String {
    let mut code = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim() == "#[cfg(test)]" && lines.peek().is_some_and(|next| next.trim_start().starts_with("mod ")) {
            break;
        }
        let line = line.find("//").map_or(line, |at| &line[..at]);
        code.push_str(line);
        code.push('\n');
    }
    code
}

/// The module paths a source names: `crate::a::b`, `crate::{a, b::c}`, `super::x`, as segment lists from the crate's
/// root (not yet cut to a module).
fn named_paths(module: &Module, code: &str) -> Vec<Module> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    for keyword in ["crate::", "super::"] {
        for (at, _) in code.match_indices(keyword) {
            let before = at.checked_sub(1).map(|i| bytes[i]);
            if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$') {
                continue;
            }
            let mut base: Module = Vec::new();
            let mut rest = &code[at + keyword.len()..];
            if keyword == "super::" {
                base = module.clone();
                base.pop();
                while let Some(r) = rest.strip_prefix("super::") {
                    base.pop();
                    rest = r;
                }
            }
            let (segments, group) = path_and_group(rest);
            let mut prefix = base;
            prefix.extend(segments);
            match group {
                None => out.push(prefix),
                Some(items) => {
                    for item in items.split(',') {
                        let (segments, _) = path_and_group(item.trim_start());
                        let mut path = prefix.clone();
                        path.extend(segments.into_iter().filter(|s| s != "self"));
                        out.push(path);
                    }
                }
            }
        }
    }
    out
}

/// The identifiers of a path (`a::b::c`) and the text of the `{…}` group that ends it, if one does.
fn path_and_group(text: &str) -> (Vec<String>, Option<String>) {
    let mut segments = Vec::new();
    let mut rest = text;
    loop {
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let end = group
                .char_indices()
                .find(|&(_, c)| {
                    depth += match c {
                        '{' => 1,
                        '}' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .map_or(group.len(), |(i, _)| i);
            return (segments, Some(flatten(&group[..end])));
        }
        let len = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len());
        if len == 0 {
            return (segments, None);
        }
        segments.push(rest[..len].to_owned());
        match rest[len..].strip_prefix("::") {
            Some(r) => rest = r,
            None => return (segments, None),
        }
    }
}

/// A group's text with its nested groups emptied, so that splitting it at `,` gives its top-level items
/// (`a::{b, c}, d` → `a::{}, d`: `a` and `d`; a nested group names modules below its prefix, already named).
fn flatten(group: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in group.chars() {
        match c {
            '{' => {
                depth += 1;
                if depth == 1 {
                    out.push('{');
                }
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    out.push('}');
                }
            }
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The modules each module imports, ancestors left out.
fn graph(src: &Path) -> BTreeMap<Module, BTreeSet<Module>> {
    let modules = modules(src);
    let mut graph = BTreeMap::new();
    for (module, code) in &modules {
        let mut targets = BTreeSet::new();
        for path in named_paths(module, code) {
            let Some(target) = (0..=path.len()).rev().map(|n| &path[..n]).find(|p| modules.contains_key(*p)) else {
                continue;
            };
            let is_ancestor_or_self = target.len() <= module.len() && module[..target.len()] == *target;
            if !is_ancestor_or_self {
                targets.insert(target.to_vec());
            }
        }
        graph.insert(module.clone(), targets);
    }
    graph
}

/// The strongly connected components of more than one module (Tarjan's algorithm), each sorted.
fn cycles(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<String>> {
    struct State<'g> {
        graph: &'g BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'g Module, (usize, usize)>,
        stack: Vec<&'g Module>,
        on_stack: BTreeSet<&'g Module>,
        found: Vec<Vec<String>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g Module) {
        let n = s.index.len();
        s.index.insert(v, (n, n));
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in &s.graph[v] {
            let Some((w, _)) = s.graph.get_key_value(w) else { continue };
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.index[w].1.min(s.index[v].1);
                s.index.get_mut(v).unwrap().1 = low;
            } else if s.on_stack.contains(w) {
                let low = s.index[w].0.min(s.index[v].1);
                s.index.get_mut(v).unwrap().1 = low;
            }
        }
        if s.index[v].0 == s.index[v].1 {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.join("::"));
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.found.push(component);
            }
        }
    }
    let mut s =
        State { graph, index: BTreeMap::new(), stack: Vec::new(), on_stack: BTreeSet::new(), found: Vec::new() };
    for v in graph.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.found
}

#[test]
fn no_crate_has_an_import_circle() {
    let mut unexpected = Vec::new();
    for krate in CRATES {
        let graph = graph(&root().join(krate));
        assert!(graph.len() > 3, "{krate}: no modules found");
        let found = cycles(&graph);
        for (known_crate, known) in KNOWN.iter().filter(|(c, _)| c == krate) {
            assert!(
                found.iter().any(|c| c == known),
                "{known_crate}: {known:?} is no longer a cycle: drop it from KNOWN"
            );
        }
        for cycle in found {
            if !KNOWN.iter().any(|(c, known)| c == krate && *known == cycle) {
                let edges: Vec<String> = cycle
                    .iter()
                    .map(|m| {
                        let key: Module = m.split("::").map(str::to_owned).collect();
                        let into: Vec<String> =
                            graph[&key].iter().map(|t| t.join("::")).filter(|t| cycle.contains(t)).collect();
                        format!("{m} → {}", into.join(", "))
                    })
                    .collect();
                unexpected.push(format!("{krate}: {}", edges.join("; ")));
            }
        }
    }
    assert!(unexpected.is_empty(), "import circles:\n{}", unexpected.join("\n"));
}

/// The reader of paths, on the forms the sources use, and the detector on a known circle.
#[test]
fn paths_and_cycles_are_read_as_written() {
    let m = |s: &str| -> Module { s.split("::").filter(|x| !x.is_empty()).map(str::to_owned).collect() };
    let module = m("serve::api");
    let got = named_paths(&module, "use crate::serve::{db, seed::{self, Confirms}};\nlet x = super::routes::f();");
    assert_eq!(got, [m("serve::db"), m("serve::seed"), m("serve::routes::f")]);
    assert!(named_paths(&module, "$crate::issue::x; my_crate::a").is_empty());
    let code = "fn f() {}\n// use crate::b;\n#[cfg(test)]\nmod tests {\n use crate::c;\n}\n";
    assert!(!without_tests_and_comments(code).contains("crate::"));

    let graph: BTreeMap<Module, BTreeSet<Module>> =
        [(m("a"), [m("b")].into()), (m("b"), [m("c")].into()), (m("c"), [m("a")].into()), (m("d"), [m("a")].into())]
            .into();
    assert_eq!(cycles(&graph), [["a", "b", "c"]]);
}
