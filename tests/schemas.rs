//! Every `--format json` document the real binary writes, validated against its JSON
//! Schema in `schemas/` (and `--format problem` against `schemas/problem.json`).
//!
//! The schemas close their objects (`additionalProperties: false`), so a member added to
//! the output without being added to its schema fails here too.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;

use common::{errmap, run};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema(name: &str) -> Value {
    let path = root().join("schemas").join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The problems of `document` against schema `name`, one line each.
fn problems(name: &str, document: &Value) -> Vec<String> {
    let validator = jsonschema::validator_for(&schema(name)).unwrap_or_else(|e| panic!("schemas/{name}.json: {e}"));
    validator.iter_errors(document).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

fn assert_valid(name: &str, args: &[&str], document: &Value) {
    let found = problems(name, document);
    assert!(found.is_empty(), "{args:?} against schemas/{name}.json:\n{}", found.join("\n"));
}

/// Runs errmap and parses its stdout as one JSON document.
fn document(args: &[&str], stdin: Option<&str>) -> (i32, Value) {
    let mut command = errmap();
    command.args(args);
    if let Some(input) = stdin {
        command.write_stdin(input);
    }
    let result = run(&mut command);
    let value = serde_json::from_str(&result.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: not one JSON document ({e}):\n{}", result.stdout));
    (result.code, value)
}

fn example(name: &str) -> String {
    root().join("examples").join(name).display().to_string()
}

fn user_fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/catalogs-user").join(name)
}

const ONEACCESS: &str =
    r#"{"error_code":"LOGIN.0001","error_msg":"The account is locked. Try again in 4 minutes 59 seconds."}"#;

#[test]
fn every_schema_is_a_valid_draft_2020_12_schema() {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(root().join("schemas")).expect("schemas/") {
        let path = entry.expect("an entry").path();
        let name = path.file_stem().and_then(|s| s.to_str()).expect("a UTF-8 name").to_string();
        let value = schema(&name);
        assert_eq!(value["$schema"], "https://json-schema.org/draft/2020-12/schema", "{name}");
        jsonschema::meta::validate(&value).unwrap_or_else(|e| panic!("schemas/{name}.json: {e}"));
        names.push(name);
    }
    names.sort();
    let expected = [
        "check",
        "codes",
        "error",
        "explain",
        "kind",
        "kinds",
        "normalize",
        "problem",
        "search",
        "table",
        "translate",
        "vendors",
    ];
    assert_eq!(names, expected);
}

#[test]
fn every_command_writes_what_its_schema_says() {
    let gateway = example("my-gateway.toml");
    let broken = user_fixture("broken.toml").display().to_string();
    let cases: &[(&str, &[&str])] = &[
        ("translate", &["translate", "wilddog:22011"]),
        ("translate", &["translate", "keycloak:invalid_grant", "oauth2", "authing"]),
        ("translate", &["translate", "wilddog:29999", "oidc"]),
        ("explain", &["explain", "oneaccess:LOGIN.0002"]),
        ("explain", &["explain", "keycloak:invalid_grant"]),
        ("explain", &["explain", "firebase:auth/user-not-found"]),
        ("kind", &["explain", "user_not_found"]),
        ("kind", &["kinds", "authentication_failed"]),
        ("search", &["search", "Invalid account name or password. Remaining attempts: 3"]),
        ("search", &["search", "locked"]),
        ("table", &["table", "wilddog", "authing"]),
        ("table", &["table", "firebase", "supabase", "--min-confidence", "0.6"]),
        ("codes", &["codes", "oneaccess"]),
        ("vendors", &["vendors"]),
        ("vendors", &["--catalogue", &gateway, "vendors"]),
        ("kinds", &["kinds"]),
        ("check", &["check", &gateway]),
        ("check", &["check", &broken]),
    ];
    let mut seen = BTreeMap::new();
    for (name, args) in cases {
        for lang in ["en", "zh-CN", "zh-TW"] {
            let mut full = args.to_vec();
            full.extend(["--format", "json", "--lang", lang]);
            let (code, value) = document(&full, None);
            assert!(
                code == 0 || (*name == "check" && code == 2) || (*name == "translate" && code == 1),
                "{full:?} exited {code}"
            );
            assert_eq!(value["schema_version"], 1, "{full:?}");
            assert_eq!(value["locale"], lang, "{full:?}");
            assert_valid(name, &full, &value);
        }
        *seen.entry(*name).or_insert(0) += 1;
    }
    assert_eq!(
        seen.len(),
        9,
        "every schema but those of normalize, problem and error (tested below) is exercised: {seen:?}"
    );
}

#[test]
fn normalize_writes_what_its_schemas_say() {
    for expose in ["none", "account-status", "all"] {
        let args = ["normalize", "--format", "json", "--expose", expose, "--status", "400"];
        let (code, value) = document(&args, Some(ONEACCESS));
        assert_eq!(code, 0);
        assert_valid("normalize", &args, &value);
        let args = ["normalize", "--format", "problem", "--expose", expose];
        let (_, value) = document(&args, Some(ONEACCESS));
        assert_valid("problem", &args, &value);
    }
    let stream = [ONEACCESS, "", "<html>502</html>", "42", r#"{"vendor":"wildog","body":"{}"}"#, "{}"].join("\n");
    for format in ["json", "problem"] {
        let result = run(errmap().args(["normalize", "--jsonl", "--format", format]).write_stdin(stream.as_str()));
        assert_eq!(result.code, 0, "{}", result.stderr);
        let records: Vec<Value> =
            result.stdout.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
        assert_eq!(records.len(), 5, "the blank line is skipped: {}", result.stdout);
        for record in &records {
            let schema = if record.get("error").is_some() || format == "json" { "normalize" } else { "problem" };
            assert_valid(schema, &["normalize", "--jsonl", "--format", format], record);
            assert!(record["line"].is_u64(), "{record}");
        }
    }
}

#[test]
fn failures_write_what_the_error_schema_says() {
    let cases: &[(&[&str], i32, &str, Option<&str>)] = &[
        (&["translate", "wildog:22011"], 2, "unknown_vendor", Some("wilddog")),
        (&["explain", "wilddog:99999"], 1, "unknown_code", None),
        (&["explain", "firebase:user-not-found"], 1, "unknown_code", Some("auth/user-not-found")),
        (&["explain", "user_not_fond"], 2, "unknown_kind", Some("user_not_found")),
        (&["search", "  "], 2, "usage", None),
        (&["search"], 2, "usage", None),
        (&["normalize", "--status", "42"], 2, "usage", None),
        (&["normalize", "/nonexistent/body.json"], 2, "io", None),
    ];
    for (args, exit, code, suggestion) in cases {
        let mut full = args.to_vec();
        full.extend(["--format", "json"]);
        let result = run(errmap().args(&full));
        assert_eq!(result.code, *exit, "{full:?}: {}", result.stderr);
        assert!(!result.stderr.is_empty(), "{full:?}: the message is on stderr too");
        let value: Value = serde_json::from_str(&result.stdout).unwrap_or_else(|e| panic!("{full:?}: {e}"));
        assert_valid("error", &full, &value);
        assert_eq!(value["error"]["code"], *code, "{full:?}");
        assert_eq!(value["error"]["suggestion"].as_str(), *suggestion, "{full:?}");
    }
}

#[test]
fn a_document_that_breaks_its_schema_is_caught() {
    let (_, mut value) = document(&["vendors", "--format", "json"], None);
    assert!(problems("vendors", &value).is_empty());
    value["vendors"][0]["surprise"] = Value::Bool(true);
    assert!(!problems("vendors", &value).is_empty(), "an undocumented member fails");
    let (_, mut value) = document(&["translate", "wilddog:22011", "authing", "--format", "json"], None);
    value.as_object_mut().expect("an object").remove("schema_version");
    assert!(!problems("translate", &value).is_empty(), "a missing schema_version fails");
}
