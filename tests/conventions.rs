//! The conventions of command-line tools people know (ripgrep, cargo, gh, jq), held by
//! the real binary: `-` for standard input, `help COMMAND`, manual pages, kinds by id,
//! suggestions, locale fallback, argument checks, completions, exit codes and the
//! `--jsonl` stream.

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use serde_json::Value;

mod common;

use common::{errmap, ok, run};

const ONEACCESS: &str =
    r#"{"error_code":"LOGIN.0002","error_msg":"Invalid account name or password. Remaining attempts: 3"}"#;

/// The binary as a `std::process::Command`, for streams `assert_cmd` does not give.
fn process() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_errmap"));
    for var in ["LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "ERRMAP_CATALOGS", "ERRMAP_CATALOGUES"] {
        command.env_remove(var);
    }
    command
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

// --- Files and standard input ----------------------------------------------------------

#[test]
fn a_dash_is_standard_input_wherever_a_file_is_taken() {
    let from_stdin = run(errmap().args(["normalize", "-", "--format", "json"]).write_stdin(ONEACCESS));
    assert_eq!(from_stdin.code, 0, "{}", from_stdin.stderr);
    let without = run(errmap().args(["normalize", "--format", "json"]).write_stdin(ONEACCESS));
    assert_eq!(from_stdin.stdout, without.stdout);
    let value: Value = serde_json::from_str(&from_stdin.stdout).unwrap();
    assert_eq!(value["code"], "LOGIN.0002");

    let jsonl = run(errmap().args(["normalize", "--jsonl", "-"]).write_stdin(ONEACCESS));
    assert_eq!(jsonl.code, 0, "{}", jsonl.stderr);
    assert!(jsonl.stdout.contains("\"LOGIN.0002\""), "{}", jsonl.stdout);

    let catalogue = std::fs::read_to_string(root().join("examples/my-gateway.toml")).unwrap();
    let checked = run(errmap().args(["check", "-"]).write_stdin(catalogue));
    assert_eq!(checked.code, 0, "{}", checked.stdout);
    assert!(checked.stdout.starts_with("-: ok (3 codes)"), "{}", checked.stdout);
    let broken = run(errmap().args(["check", "-"]).write_stdin("id = \"x\"\n[[code]]\ncode = 1\n"));
    assert_eq!(broken.code, 2, "{}", broken.stdout);
    assert!(broken.stdout.starts_with("-:"), "{}", broken.stdout);
}

// --- Help and manual pages -------------------------------------------------------------

#[test]
fn help_command_is_the_command_s_help() {
    let by_word = ok(&["help", "translate"]);
    let by_flag = ok(&["translate", "--help"]);
    assert_eq!(by_word.stdout, by_flag.stdout);
    assert!(by_word.stdout.contains("errmap translate wilddog:22011 authing"), "{}", by_word.stdout);
    assert_eq!(ok(&["help"]).stdout, ok(&["--help"]).stdout);
    assert_eq!(ok(&["--lang", "zh-CN", "help", "table"]).stdout, ok(&["--lang", "zh-CN", "table", "--help"]).stdout);
    let unknown = run(errmap().args(["help", "tranlate"]));
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("translate"), "a suggestion: {}", unknown.stderr);
}

#[test]
fn every_page_the_manual_lists_exists_and_has_the_usual_sections() {
    let top = ok(&["man"]).stdout;
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH \"EXIT STATUS\"", ".SH ENVIRONMENT", ".SH EXAMPLES"] {
        assert!(top.contains(section), "errmap(1) lacks {section}");
    }
    let folder = std::env::temp_dir().join(format!("errmap-man-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let written = ok(&["man", "--dir", folder.to_str().unwrap()]);
    for name in ["translate", "explain", "search", "table", "codes", "vendors", "kinds", "normalize", "check"] {
        let listed = format!("errmap\\-{name}(1)");
        assert!(top.contains(&listed), "errmap(1) lists {listed}");
        let page = std::fs::read_to_string(folder.join(format!("errmap-{name}.1")))
            .unwrap_or_else(|e| panic!("errmap-{name}.1 was not written ({e}): {}", written.stdout));
        assert_eq!(page, ok(&["man", name]).stdout, "{name}: --dir and the page alone agree");
        assert!(page.contains(&format!(".TH errmap-{name} 1")), "{name}");
        for section in [".SH \"EXIT STATUS\"", ".SH ENVIRONMENT", ".SH EXAMPLES", "LANGUAGE", "ERRMAP_CATALOGUES"] {
            assert!(page.contains(section), "errmap-{name}(1) lacks {section}");
        }
    }
    assert!(ok(&["man", "normalize"]).stdout.contains("errmap normalize \\-\\-jsonl"), "its own examples");
    std::fs::remove_dir_all(&folder).unwrap();
    let missing = run(errmap().args(["man", "nothing"]));
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("translate"), "{}", missing.stderr);
}

// --- Kinds, suggestions -----------------------------------------------------------------

#[test]
fn a_kind_is_explained_with_its_neighbours_messages_and_codes() {
    let text = ok(&["explain", "user_not_found"]).stdout;
    for expected in [
        "user_not_found",
        "No account matches these details.",
        "authentication_failed › invalid_grant › invalid_credentials › user_not_found",
        "404",
        "end user",
        "invalid_credentials",
        "找不到该账号。",
        "wilddog: 22011",
    ] {
        assert!(text.contains(expected), "missing {expected:?}:\n{text}");
    }
    assert_eq!(ok(&["kinds", "user_not_found"]).stdout, text, "kinds KIND is the same page");
    let result = run(errmap().args(["explain", "invalid_credentials", "--format", "json"]));
    let value: Value = serde_json::from_str(&result.stdout).unwrap();
    let kind = &value["kind"];
    assert_eq!(kind["id"], "invalid_credentials");
    assert_eq!(kind["parent"], "invalid_grant");
    assert!(kind["children"].as_array().unwrap().iter().any(|c| c == "user_not_found"), "{kind}");
    assert_eq!(kind["http_status"], 401);
    assert_eq!(kind["retryable"], false);
    assert_eq!(kind["actor"], "end_user");
    assert!(kind["messages"]["zh-TW"]["message"].is_string());
    assert!(kind["codes"]["oneaccess"].as_array().unwrap().iter().any(|c| c == "LOGIN.0002"), "{kind}");
}

#[test]
fn codes_and_kinds_get_did_you_mean_like_vendors() {
    let firebase = run(errmap().args(["explain", "firebase:user-not-found"]));
    assert_eq!(firebase.code, 1);
    assert!(firebase.stderr.contains("did you mean 'auth/user-not-found'?"), "{}", firebase.stderr);
    let typo = run(errmap().args(["translate", "wilddog:invalid_usr", "authing"]));
    assert!(typo.stderr.contains("did you mean 'invalid_user'?") || typo.stderr.contains("'22011'"), "{}", typo.stderr);
    let kind = run(errmap().args(["kinds", "user_not_fond"]));
    assert_eq!(kind.code, 2);
    assert!(kind.stderr.contains("did you mean 'user_not_found'?"), "{}", kind.stderr);
    // A number one digit off is another code, not a typo; the catalogues that have it are named.
    let number = run(errmap().args(["explain", "wilddog:2004"]));
    assert!(!number.stderr.contains("did you mean"), "{}", number.stderr);
    assert!(number.stderr.contains("authing, authing-v2"), "{}", number.stderr);
}

// --- Locale --------------------------------------------------------------------------------

#[test]
fn an_unshipped_lang_says_which_locale_it_fell_back_to() {
    for asked in ["fr", "not a tag!"] {
        let result = run(errmap().args(["--lang", asked, "explain", "wilddog:22011"]));
        assert_eq!(result.code, 0);
        assert!(result.stderr.contains(&format!("no messages in '{asked}'; using en")), "{}", result.stderr);
        assert!(result.stdout.contains("This user does not exist."), "{}", result.stdout);
    }
    let shipped = run(errmap().args(["--lang", "zh-TW", "explain", "wilddog:22011"]));
    assert!(shipped.stderr.is_empty(), "{}", shipped.stderr);
}

#[test]
fn language_is_read_as_gettext_reads_it() {
    let label = |envs: &[(&str, &str)]| {
        let mut command = errmap();
        command.args(["explain", "wilddog:22011", "--format", "json"]);
        for (name, value) in envs {
            command.env(name, value);
        }
        let value: Value = serde_json::from_str(&run(&mut command).stdout).unwrap();
        value["locale"].as_str().unwrap().to_string()
    };
    assert_eq!(label(&[("LANGUAGE", "zh_TW:zh_CN"), ("LANG", "en_US.UTF-8")]), "zh-TW", "LANGUAGE first");
    assert_eq!(label(&[("LANGUAGE", "fr:de:zh_CN"), ("LANG", "en_US.UTF-8")]), "zh-CN", "its first shipped entry");
    assert_eq!(label(&[("LANGUAGE", "fr"), ("LANG", "zh_CN.UTF-8")]), "zh-CN", "none shipped: the locale");
    assert_eq!(label(&[("LANGUAGE", "zh_CN"), ("LC_ALL", "C")]), "en", "ignored under the C locale");
    assert_eq!(label(&[("LANGUAGE", "zh_CN"), ("LANG", "en_US.UTF-8")]), "zh-CN");
    let mut command = errmap();
    command.args(["--lang", "en", "explain", "wilddog:22011", "--format", "json"]).env("LANGUAGE", "zh_CN");
    let value: Value = serde_json::from_str(&run(&mut command).stdout).unwrap();
    assert_eq!(value["locale"], "en", "--lang wins");
}

// --- Arguments -----------------------------------------------------------------------------

#[test]
fn arguments_out_of_range_are_usage_errors() {
    for status in ["99", "600", "0", "abc"] {
        let result = run(errmap().args(["normalize", "--status", status]).write_stdin(ONEACCESS));
        assert_eq!(result.code, 2, "--status {status}");
        assert!(result.stderr.contains("100 to 599"), "{}", result.stderr);
    }
    assert_eq!(run(errmap().args(["normalize", "--status", "599"]).write_stdin(ONEACCESS)).code, 0);
    for text in ["", "   "] {
        let result = run(errmap().args(["search", text]));
        assert_eq!(result.code, 2, "search {text:?} is a usage error, not nothing found");
        assert!(result.stderr.contains("nothing to search for"), "{}", result.stderr);
    }
    let limit = run(errmap().args(["search", "locked", "--limit", "0"]));
    assert_eq!(limit.code, 2);
    assert!(limit.stderr.contains("1 or more"), "{}", limit.stderr);
}

#[test]
fn a_target_named_twice_is_translated_once() {
    let twice = ok(&["translate", "wilddog:22011", "authing", "authing-v3", "authing"]);
    assert_eq!(twice.stdout, ok(&["translate", "wilddog:22011", "authing"]).stdout);
    let value: Value =
        serde_json::from_str(&ok(&["translate", "wilddog:22011", "authing", "authing-v3", "--format", "json"]).stdout)
            .unwrap();
    assert_eq!(value["targets"].as_array().unwrap().len(), 1);
}

// --- Completions ---------------------------------------------------------------------------

#[test]
fn completions_offer_catalogue_ids_and_code_prefixes() {
    for shell in ["bash", "zsh", "fish"] {
        let script = ok(&["completions", shell]).stdout;
        for id in ["wilddog", "better-auth", "entra-id"] {
            assert!(script.contains(id), "{shell}: no {id}");
        }
        // clap's fish scripts complete options only, not positional arguments.
        if shell != "fish" {
            assert!(
                script.contains("wilddog:") || script.contains("wilddog\\:"),
                "{shell}: no VENDOR: prefix for codes"
            );
            assert!(script.contains("user_not_found"), "{shell}: no kind ids");
        }
    }
    // Completion values are offered, never imposed: user catalogues still parse.
    let gateway = root().join("examples/my-gateway.toml");
    let result = run(errmap().arg("--catalogue").arg(&gateway).args(["codes", "my-gateway"]));
    assert_eq!(result.code, 0, "{}", result.stderr);
}

// --- Exit codes ----------------------------------------------------------------------------

#[test]
fn a_failed_write_has_its_own_exit_code() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
    let Ok(full) = full else { return };
    let result = process().arg("vendors").stdout(full).output().unwrap();
    assert_eq!(result.status.code(), Some(3), "{}", String::from_utf8_lossy(&result.stderr));
    assert!(String::from_utf8_lossy(&result.stderr).contains("standard output"));
    // A closed pipe is not a failure.
    let mut child = process().args(["codes", "okta"]).stdout(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

// --- The --jsonl stream --------------------------------------------------------------------

fn stream(input: &str, args: &[&str]) -> (Vec<Value>, String, i32) {
    let result = run(errmap().args(["normalize", "--jsonl"]).args(args).write_stdin(input));
    let records = result.stdout.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    (records, result.stderr, result.code)
}

#[test]
fn every_record_carries_its_line_in_every_format() {
    let input = [ONEACCESS, "", "{}", "not json"].join("\n");
    for format in [None, Some("json"), Some("problem")] {
        let args: Vec<&str> = format.map_or(Vec::new(), |f| vec!["--format", f]);
        let (records, _, code) = stream(&input, &args);
        assert_eq!(code, 0);
        let lines: Vec<u64> = records.iter().map(|r| r["line"].as_u64().expect("a line")).collect();
        assert_eq!(lines, [1, 3, 4], "{format:?}: the blank line 2 is skipped");
    }
}

#[test]
fn lines_that_are_not_bodies_are_error_records_counted_as_errors() {
    let input = [ONEACCESS, "<html>502</html>", "", "  ", "42", "{\"code\": 22011"].join("\n");
    let (records, summary, code) = stream(&input, &[]);
    assert_eq!(code, 0);
    assert_eq!(records.len(), 4);
    assert_eq!(records[0]["code"], "LOGIN.0002");
    let codes: Vec<&str> = records[1..].iter().map(|r| r["error_code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["not_json", "not_a_body", "not_json"]);
    assert!(records[1]["error"].as_str().unwrap().contains("line 2 is not JSON"), "{}", records[1]);
    assert_eq!(records[1]["schema_version"], 1);
    assert!(
        summary.contains("6 lines (2 blank), 1 normalized (0 without a known code), 3 errors; oneaccess 1"),
        "{summary}"
    );
}

#[test]
fn the_summary_s_grammar_is_right() {
    let (_, one, _) = stream("<html>", &[]);
    assert!(one.contains("1 line, 0 normalized (0 without a known code), 1 error;"), "{one}");
    let (_, two, _) = stream("a\nb\n", &[]);
    assert!(two.contains("2 lines, 0 normalized (0 without a known code), 2 errors;"), "{two}");
    let (_, chinese, _) = stream("a\n\n", &["--lang", "zh-CN"]);
    assert!(chinese.contains("共 2 行（空行 1 行）"), "{chinese}");
}

#[test]
fn jsonl_with_format_text_is_refused() {
    let result = run(errmap().args(["normalize", "--jsonl", "--format", "text"]).write_stdin(ONEACCESS));
    assert_eq!(result.code, 2);
    assert!(result.stdout.is_empty());
    assert!(result.stderr.contains("--format json"), "{}", result.stderr);
}

#[test]
fn an_overlong_line_is_counted_without_being_kept() {
    // 64 MiB on one line, written in pieces, then an ordinary line: the first becomes an
    // error record with its true length, the second is still read.
    let mut child = process()
        .args(["normalize", "--jsonl", "--max-body-bytes", "1000"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let piece = vec![b'x'; 1 << 20];
        stdin.write_all(b"{\"message\":\"").unwrap();
        for _ in 0..64 {
            stdin.write_all(&piece).unwrap();
        }
        stdin.write_all(b"\"}\n").unwrap();
        stdin.write_all(ONEACCESS.as_bytes()).unwrap();
        stdin.write_all(b"\n").unwrap();
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let records: Vec<Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records.len(), 2, "{stdout}");
    assert_eq!(records[0]["error_code"], "line_too_long");
    let size = (64usize << 20) + "{\"message\":\"\"}".len();
    let error = records[0]["error"].as_str().unwrap();
    assert!(error.contains(&format!("line 1 has {size} bytes")), "{error}");
    assert_eq!((records[1]["line"].as_u64(), records[1]["code"].as_str()), (Some(2), Some("LOGIN.0002")));
    assert!(String::from_utf8_lossy(&output.stderr).contains("1 error;"));
}
