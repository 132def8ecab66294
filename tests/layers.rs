//! The library's floors: every module imports only from its own floor or below, and
//! no modules import each other in a circle. Read from the `crate::` paths of
//! `crates/errmap/src`, so a new import that runs back up fails here, in CI.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each module of the library and its floor: foundations (0), data (1), indexes (2),
/// services (3), surfaces (4). The crate root (`lib`) re-exports and sits on top.
const FLOORS: &[(&str, u8)] = &[
    ("error", 0),
    ("text", 0),
    ("body", 0),
    ("pool", 1),
    ("taxonomy", 1),
    ("code", 1),
    ("message_index", 1),
    ("catalogue", 1),
    ("builtin", 1),
    ("messages", 1),
    ("matching", 2),
    ("registry", 2),
    ("search", 3),
    ("detect", 3),
    ("translate", 3),
    ("assess", 3),
    ("normalize", 3),
    ("problem", 4),
    ("tower", 4),
    ("lib", 5),
];

/// The modules a file names through `crate::…` paths.
fn imports(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        // `$crate::` in a macro and words such as `errmap_auth::` are not imports.
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let rest = &text[at + "crate::".len()..];
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        if !name.is_empty() && name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
            found.insert(name);
        }
    }
    found
}

/// Text outside `#[cfg(test)]` modules and doc comments: tests may reach anywhere.
fn library_code(text: &str) -> String {
    let code = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    code.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/errmap/src");
    let mut graph = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("the library's sources are readable") {
            let path = entry.expect("readable").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(&src).expect("below src");
            let first = relative.iter().next().and_then(|c| c.to_str()).unwrap_or_default();
            let module = first.trim_end_matches(".rs").to_string();
            let text = std::fs::read_to_string(&path).expect("readable");
            let uses: BTreeSet<String> = imports(&library_code(&text)).into_iter().filter(|m| *m != module).collect();
            graph.entry(module).or_insert_with(BTreeSet::new).extend(uses);
        }
    }
    graph
}

fn floor(module: &str) -> u8 {
    FLOORS
        .iter()
        .find(|(name, _)| *name == module)
        .map(|(_, f)| *f)
        .unwrap_or_else(|| panic!("module {module} has no floor in tests/layers.rs: give it one"))
}

/// Modules re-exported from the format crate at the crate root.
const FORMAT_CRATE: &[&str] = &["fxhash", "kin", "source"];

#[test]
fn every_module_imports_only_downwards() {
    let mut problems = Vec::new();
    for (module, uses) in module_graph() {
        for used in uses.iter().filter(|u| !FORMAT_CRATE.contains(&u.as_str())) {
            if floor(used) > floor(&module) {
                problems.push(format!("{module} (floor {}) imports {used} (floor {})", floor(&module), floor(used)));
            }
        }
    }
    assert!(problems.is_empty(), "imports that run back up:\n{}", problems.join("\n"));
}

#[test]
fn no_modules_import_each_other_in_a_circle() {
    let graph = module_graph();
    // Depth-first search for a back edge, reporting the circle it closes.
    fn visit(
        module: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        circles: &mut Vec<String>,
    ) {
        if let Some(at) = path.iter().position(|m| m == module) {
            circles.push(format!("{} -> {module}", path[at..].join(" -> ")));
            return;
        }
        if !done.insert(module.to_string()) {
            return;
        }
        path.push(module.to_string());
        for next in graph.get(module).into_iter().flatten() {
            visit(next, graph, path, done, circles);
        }
        path.pop();
    }
    let (mut done, mut circles) = (BTreeSet::new(), Vec::new());
    for module in graph.keys() {
        visit(module, &graph, &mut Vec::new(), &mut done, &mut circles);
    }
    assert!(circles.is_empty(), "import circles:\n{}", circles.join("\n"));
}

#[test]
fn the_check_sees_an_import_that_runs_back_up() {
    let text =
        "use crate::registry::Registry;\nfn f() { crate::text::sanitize(\"\"); }\n// crate::tower in a comment\n";
    let found = imports(&library_code(text));
    assert_eq!(found, BTreeSet::from(["registry".to_string(), "text".to_string()]));
    assert!(floor("registry") > floor("catalogue"));
}
