//! The shape of the code, checked: each layer uses only the layers below it, modules inside a
//! layer do not import each other in a circle (the structure rules of `document::structure`
//! excepted: their passes refer to each other by design), the reader's core reads no clock,
//! and the model's fields are private to the reader. Read from the sources themselves.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first: each may use itself and the ones before it.
const LAYERS: &[&str] = &[
    "text",
    "document",
    "outline",
    "layout",
    "search",
    "anchoring",
    "store",
    "input",
    "reader",
    "ui",
    "settings",
    "app",
    "cli",
];

type Module = Vec<String>;

/// The source files that are no module of the library: its root, the build script, and the
/// binary with its own modules (the binary may use any layer; nothing in the library uses it).
const BINARY_AND_ROOTS: &[&str] = &["lib", "build", "main", "sessions"];

/// Every library source file (not the binary) with its module path.
fn sources() -> Vec<(Module, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files
        .into_iter()
        .filter_map(|path| {
            let rel = path.strip_prefix(&root).ok()?.with_extension("");
            let mut module: Module = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if module.last().is_some_and(|m| m == "mod") {
                module.pop();
            }
            if matches!(module.as_slice(), [one] if BINARY_AND_ROOTS.contains(&one.as_str())) {
                return None;
            }
            let text = std::fs::read_to_string(&path).ok()?;
            Some((module, without_comments(&text)))
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Paths named after `crate::` or a run of `super::` in `text`, as module paths from the root.
fn references(module: &Module, text: &str) -> Vec<Module> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let (start, base) = if let Some(after) = rest.strip_prefix("crate::") {
            (text.len() - after.len(), Vec::new())
        } else if rest.starts_with("super::")
            && (at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b':'))
        {
            let mut ups = 0;
            let mut tail = rest;
            while let Some(next) = tail.strip_prefix("super::") {
                ups += 1;
                tail = next;
            }
            let base = module[..module.len().saturating_sub(ups)].to_vec();
            (text.len() - tail.len(), base)
        } else {
            at += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let path: String = text[start..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == ':')
            .collect();
        let mut full = base;
        full.extend(path.split("::").filter(|s| !s.is_empty()).map(String::from));
        found.push(full);
        at = start + path.len().max(1);
    }
    found
}

/// The module a path names: its longest prefix that is a module.
fn module_of(path: &Module, modules: &BTreeSet<Module>) -> Option<Module> {
    (1..=path.len())
        .rev()
        .map(|k| path[..k].to_vec())
        .find(|prefix| modules.contains(prefix))
}

fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let files = sources();
    let modules: BTreeSet<Module> = files.iter().map(|(m, _)| m.clone()).collect();
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, text) in &files {
        let targets = edges.entry(module.clone()).or_default();
        for path in references(module, text) {
            if let Some(target) = module_of(&path, &modules) {
                targets.insert(target);
            }
        }
    }
    edges
}

#[test]
fn each_layer_uses_only_the_layers_below_it() {
    let rank = |m: &Module| {
        LAYERS
            .iter()
            .position(|l| m.first().is_some_and(|f| f == l))
    };
    let mut wrong = Vec::new();
    for (from, targets) in graph() {
        let Some(own) = rank(&from) else {
            wrong.push(format!("{} is in no layer", from.join("::")));
            continue;
        };
        for to in targets {
            if rank(&to).is_some_and(|r| r > own) {
                wrong.push(format!("{} uses {}", from.join("::"), to.join("::")));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn modules_inside_a_layer_do_not_import_each_other_in_a_circle() {
    // Two levels deep: `reader::model`, `outline::words`; `document::structure` is one node.
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (from, targets) in graph() {
        let a: Module = from.iter().take(2).cloned().collect();
        for to in targets {
            let b: Module = to.iter().take(2).cloned().collect();
            if a != b && a.first() == b.first() {
                edges.entry(a.clone()).or_default().insert(b);
            }
        }
    }
    let mut cycles = Vec::new();
    for start in edges.keys() {
        // Depth-first from each module, looking for a way back to it.
        let mut stack = vec![vec![start.clone()]];
        let mut seen = BTreeSet::new();
        while let Some(path) = stack.pop() {
            let last = path.last().cloned().unwrap_or_default();
            for next in edges.get(&last).into_iter().flatten() {
                if next == start {
                    let names: Vec<String> = path.iter().map(|m| m.join("::")).collect();
                    cycles.push(format!("{} -> {}", names.join(" -> "), start.join("::")));
                } else if seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push(longer);
                }
            }
        }
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_reader_reads_no_clock_and_keeps_its_model_private() {
    for (module, text) in sources() {
        if module.first().is_some_and(|m| m == "reader") {
            for clock in ["SystemTime", "Instant::now", "std::time"] {
                assert!(
                    !text.contains(clock),
                    "{} reads the clock ({clock})",
                    module.join("::")
                );
            }
        }
        if module == ["reader", "model"] {
            let start = text.find("pub struct Model {").expect("the model");
            let body = &text[start..start + text[start..].find("\n}").expect("its end")];
            for line in body.lines().skip(1) {
                let line = line.trim_start();
                assert!(
                    !line.starts_with("pub ") && !line.starts_with("pub(crate)"),
                    "a field of the model is public: {line}"
                );
            }
        }
    }
}

#[test]
fn the_checks_see_imports_of_both_kinds() {
    // The parser itself: a `crate::` path and a `super::super::` path.
    let module: Module = vec!["reader".into(), "update".into(), "keys".into()];
    let found = references(
        &module,
        "use crate::input::Action;\nuse super::super::model::Model;\nlet x = a::super_b;",
    );
    let named = |parts: &[&str]| parts.iter().map(|p| p.to_string()).collect::<Module>();
    assert_eq!(found, vec![named(&["input"]), named(&["reader", "model"])]);
}
