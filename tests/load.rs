//! Loading a folder of catalogues parses its files on several threads and adds them in
//! name order: the outcome must be the one of loading the files one by one, for good
//! folders and bad ones alike.

use std::path::{Path, PathBuf};

use errmap_auth::{Catalogue, Error, Registry};

/// A folder of catalogue files under the system's temporary folder, removed when dropped.
struct Folder(PathBuf);

impl Folder {
    /// The files are written in the order given, not in name order, so that loading
    /// cannot get the order right by accident.
    fn new(name: &str, files: &[(&str, String)]) -> Folder {
        let path = std::env::temp_dir().join(format!("errmap-load-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        for (file, text) in files {
            std::fs::write(path.join(file), text).unwrap();
        }
        Folder(path)
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A valid catalogue of `codes` codes.
fn catalogue(id: &str, codes: usize) -> String {
    let mut text = format!("id = \"{id}\"\nname = \"Vendor {id}\"\naliases = [\"{id}-alias\"]\nlanguage = \"en\"\n");
    for i in 0..codes {
        text.push_str(&format!(
            "\n[[code]]\ncode = \"{id}-{i}\"\nmessage = \"Condition {i} of {id}.\"\nkind = \"user_not_found\"\nmatch = \"exact\"\n"
        ));
    }
    text
}

/// A catalogue with three problems, on lines 8, 12 and 15.
const BAD: &str = "id = \"bad\"\nname = \"Bad\"\nlanguage = \"en\"\n\n[[code]]\ncode = \"B-1\"\nmessage = \"One.\"\n\
kind = \"user_not_fund\"\nmatch = \"exact\"\n\n[[code]]\ncode = \"B-1\"\nmessage = \"Twice.\"\nkind = \"locked\"\nmatch = \"close\"\n";

/// What loading the files one by one gives: the registry as it is left, and the result.
fn one_by_one(files: &[PathBuf]) -> (Registry, Result<usize, Error>) {
    let mut registry = Registry::new();
    for file in files {
        let added = Catalogue::from_path(file).and_then(|catalogue| registry.add(catalogue));
        if let Err(error) = added {
            return (registry, Err(error));
        }
    }
    (registry, Ok(files.len()))
}

fn loaded(folder: &Path) -> (Registry, Result<usize, Error>) {
    let mut registry = Registry::new();
    let result = registry.load(folder);
    (registry, result)
}

fn ids(registry: &Registry) -> Vec<&str> {
    registry.catalogues().iter().map(Catalogue::id).collect()
}

#[test]
fn a_folder_loads_as_its_files_added_one_by_one() {
    // More files than most machines have cores, of very different sizes.
    let files: Vec<(String, String)> = [("m", 300), ("c", 5), ("x", 1), ("a", 2_000), ("q", 40), ("f", 0), ("k", 700)]
        .iter()
        .flat_map(|&(id, codes)| {
            [
                (format!("{id}.toml"), catalogue(id, codes)),
                (format!("{id}2.toml"), catalogue(&format!("{id}two"), codes / 2)),
            ]
        })
        .collect();
    let files: Vec<(&str, String)> = files.iter().map(|(name, text)| (name.as_str(), text.clone())).collect();
    let folder = Folder::new("good", &files);
    let (registry, result) = loaded(&folder.0);
    assert_eq!(result, Ok(files.len()));
    let (expected, expected_result) = one_by_one(&Catalogue::files_at(&folder.0).unwrap());
    assert_eq!(expected_result, Ok(files.len()));
    assert_eq!(ids(&registry), ids(&expected));
    let added = &ids(&registry)[ids(Registry::builtin()).len()..];
    assert_eq!(added, ["a", "atwo", "c", "ctwo", "f", "ftwo", "k", "ktwo", "m", "mtwo", "q", "qtwo", "x", "xtwo"]);
    for (ours, theirs) in registry.catalogues().iter().zip(expected.catalogues()) {
        assert_eq!(ours.codes().len(), theirs.codes().len(), "{}", ours.id());
        assert!(ours.aliases().eq(theirs.aliases()), "{}", ours.id());
    }
    assert_eq!(registry.resolve("a-alias:a-1999").unwrap().message(), Some("Condition 1999 of a."));
}

#[test]
fn a_bad_file_stops_the_loading_with_all_its_problems() {
    // `b` is the first bad file in name order; `d` is bad too, and `z` cannot even be parsed.
    let folder = Folder::new(
        "bad",
        &[
            ("z.toml", "[[code]\n".to_string()),
            ("d.toml", BAD.replace("\"bad\"", "\"dbad\"")),
            ("c.toml", catalogue("c", 10)),
            ("b.toml", BAD.to_string()),
            ("a.toml", catalogue("a", 10)),
        ],
    );
    let (registry, result) = loaded(&folder.0);
    let (expected, expected_result) = one_by_one(&Catalogue::files_at(&folder.0).unwrap());
    assert_eq!(result, expected_result);
    match result {
        Err(Error::InvalidCatalogue { origin, problems }) => {
            assert!(origin.ends_with("b.toml"), "{origin}");
            let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
            assert_eq!(lines, [8, 12, 15], "{problems:?}");
        }
        other => panic!("unexpected {other:?}"),
    }
    // The files before the bad one stay added, as when loaded one by one.
    assert_eq!(ids(&registry), ids(&expected));
    assert_eq!(ids(&registry).last(), Some(&"a"));
}

#[test]
fn a_name_taken_twice_is_reported_where_loading_one_by_one_reports_it() {
    // `b` takes `a`'s alias; `c`, later in name order, is malformed.
    let folder = Folder::new(
        "clash",
        &[("c.toml", "[[code]\n".to_string()), ("b.toml", catalogue("a-alias", 1)), ("a.toml", catalogue("a", 1))],
    );
    let (registry, result) = loaded(&folder.0);
    let (expected, expected_result) = one_by_one(&Catalogue::files_at(&folder.0).unwrap());
    assert_eq!(result, expected_result);
    assert_eq!(
        result,
        Err(Error::DuplicateCatalogue { name: "a-alias".to_string(), builtin: false, overrides: false })
    );
    assert_eq!(ids(&registry), ids(&expected));
}

#[test]
fn a_file_that_cannot_be_read_is_reported_in_its_place() {
    let folder = Folder::new("files", &[("a.toml", catalogue("a", 3)), ("c.toml", BAD.to_string())]);
    let files = [folder.0.join("a.toml"), folder.0.join("b.toml"), folder.0.join("c.toml")];
    let mut registry = Registry::new();
    let result = registry.load_files(&files);
    let (expected, expected_result) = one_by_one(&files);
    assert_eq!(result, expected_result);
    assert!(matches!(&result, Err(Error::Io { path, .. }) if path.ends_with("b.toml")), "{result:?}");
    let source = std::error::Error::source(result.as_ref().unwrap_err()).expect("the io::Error is the source");
    assert!(source.downcast_ref::<std::io::Error>().is_some(), "{source:?}");
    assert_eq!(ids(&registry), ids(&expected));
    let parsed = Catalogue::from_paths(&files);
    assert_eq!(parsed.len(), 3);
    assert!(parsed[0].is_ok() && parsed[1].is_err() && parsed[2].is_err());
}
