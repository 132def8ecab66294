//! The canonical taxonomy is a well-formed tree, drawn from the codes, whose hidden
//! kinds each have a public stand-in, and the compiled tables agree with
//! `mappings/taxonomy.toml`.

use std::collections::HashSet;

use errmap_auth::taxonomy::Exposure;
use errmap_auth::{Kind, Registry};

fn kind(id: &str) -> Kind {
    Kind::from_id(id).unwrap_or_else(|| panic!("no kind {id:?}"))
}

#[test]
fn the_kinds_the_vendors_agree_on_exist() {
    for id in ["user_not_found", "locked", "bad_password", "mfa_required", "invalid_credentials"] {
        assert_eq!(kind(id).id(), id);
    }
    let merged = kind("invalid_credentials");
    for id in ["user_not_found", "bad_password"] {
        assert_eq!(kind(id).parent(), Some(merged), "parent of {id}");
        assert_eq!(kind(id).public_kind(), merged, "public kind of {id}");
    }
    assert_eq!(Kind::from_id("User_Not_Found"), None, "ids are exact");
    assert_eq!(Kind::from_id(""), None);
}

#[test]
fn ids_are_unique_snake_case_ascii() {
    let mut seen = HashSet::new();
    for kind in Kind::all() {
        let id = kind.id();
        let snake = id.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
            && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            && !id.ends_with('_')
            && !id.contains("__");
        assert!(snake, "kind id {id:?} is not snake_case ASCII");
        assert!(seen.insert(id), "kind id {id:?} appears twice");
        assert_eq!(Kind::from_id(id), Some(kind), "from_id({id:?})");
    }
}

#[test]
fn the_kinds_form_a_tree() {
    let all: Vec<Kind> = Kind::all().collect();
    assert!(!all.is_empty());
    let members: HashSet<Kind> = all.iter().copied().collect();
    for &start in &all {
        let mut visited = HashSet::from([start]);
        let mut current = start;
        let mut steps = 0;
        while let Some(parent) = current.parent() {
            assert!(members.contains(&parent), "the parent of {current:?} is not in Kind::all()");
            assert!(visited.insert(parent), "walking up from {start:?} visits {parent:?} twice");
            steps += 1;
            assert!(steps <= all.len(), "walking up from {start:?} does not end at a root");
            current = parent;
        }
        assert_eq!(start.root(), current, "root of {start:?}");
        assert_eq!(start.depth(), steps, "depth of {start:?}");
    }
}

#[test]
fn every_kind_is_used_by_a_code_or_above_one() {
    let mut used = HashSet::new();
    for catalogue in Registry::builtin().catalogues() {
        for code in catalogue.codes() {
            let mut kind = Some(code.kind());
            while let Some(k) = kind {
                if !used.insert(k) {
                    break;
                }
                kind = k.parent();
            }
        }
    }
    let unused: Vec<&str> = Kind::all().filter(|k| !used.contains(k)).map(Kind::id).collect();
    assert!(unused.is_empty(), "kinds no built-in code uses, directly or below: {unused:?}");
}

#[test]
fn hidden_kinds_have_a_public_stand_in() {
    for kind in Kind::all() {
        let public = kind.public_kind();
        if kind.exposure() == Exposure::Public {
            assert_eq!(public, kind, "{kind:?} is public, so it stands for itself");
        } else {
            assert_ne!(public, kind, "{kind:?} is hidden ({}) but stands for itself", kind.exposure());
            assert_eq!(
                public.exposure(),
                Exposure::Public,
                "{kind:?} ({}) is shown as {public:?}, which is itself hidden ({})",
                kind.exposure(),
                public.exposure()
            );
        }
    }
}

/// What taxonomy.toml says of one kind, read line by line.
#[derive(Debug, Default, PartialEq, Eq)]
struct KindLines {
    id: String,
    parent: Option<String>,
    exposure: Option<String>,
    public: Option<String>,
}

/// `key = "value"` (an optional comment after it), or `None`.
fn string_value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let (k, value) = line.split_once('=')?;
    if k.trim() != key {
        return None;
    }
    let (value, _) = value.trim().strip_prefix('"')?.split_once('"')?;
    Some(value)
}

fn read_taxonomy_toml() -> Vec<KindLines> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/mappings/taxonomy.toml");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut kinds: Vec<KindLines> = Vec::new();
    let mut in_kind = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if line.starts_with('[') {
            in_kind = line == "[[kind]]";
            if in_kind {
                kinds.push(KindLines::default());
            }
            continue;
        }
        let Some(current) = kinds.last_mut().filter(|_| in_kind) else { continue };
        if let Some(v) = string_value(line, "id") {
            current.id = v.to_string();
        } else if let Some(v) = string_value(line, "parent") {
            current.parent = Some(v.to_string());
        } else if let Some(v) = string_value(line, "exposure") {
            current.exposure = Some(v.to_string());
        } else if let Some(v) = string_value(line, "public") {
            current.public = Some(v.to_string());
        }
    }
    kinds
}

#[test]
fn the_compiled_taxonomy_is_taxonomy_toml() {
    let file = read_taxonomy_toml();
    assert!(file.len() > 10, "read only {} kinds from taxonomy.toml", file.len());
    let ids_and_parents = |k: &KindLines| (k.id.clone(), k.parent.clone());
    let file_tree: Vec<(String, Option<String>)> = file.iter().map(ids_and_parents).collect();
    let compiled: Vec<(String, Option<String>)> =
        Kind::all().map(|k| (k.id().to_string(), k.parent().map(|p| p.id().to_string()))).collect();
    if file_tree != compiled {
        let at =
            file_tree.iter().zip(&compiled).position(|(a, b)| a != b).unwrap_or(file_tree.len().min(compiled.len()));
        panic!(
            "the compiled taxonomy is not taxonomy.toml ({} kinds compiled, {} in the file); first difference at kind #{at}: \
             file has {:?}, compiled has {:?}",
            compiled.len(),
            file_tree.len(),
            file_tree.get(at),
            compiled.get(at)
        );
    }
    for (lines, kind) in file.iter().zip(Kind::all()) {
        assert_eq!(kind.exposure().as_str(), lines.exposure.as_deref().unwrap_or("public"), "exposure of {}", lines.id);
        assert_eq!(
            kind.public_kind().id(),
            lines.public.as_deref().unwrap_or(&lines.id),
            "public kind of {}",
            lines.id
        );
    }
}
