//! The real `errmap` binary: output for people, JSON for programs, and clear errors.

use serde_json::Value;

mod common;

use common::{Run, errmap, json, run};

const SEEDS: [&str; 5] = ["authing", "authing-v2", "authing-android", "oneaccess", "wilddog"];

#[test]
fn translate_the_readme_example() {
    let result = run(errmap().args(["translate", "wilddog:22011", "authing"]));
    assert_eq!(result.code, 0, "{}", result.stderr);
    let lines: Vec<&str> = result.stdout.lines().collect();
    assert_eq!(lines[0], "wilddog:22011  invalid_user");
    assert!(
        lines.iter().any(|l| l.trim_start().starts_with("exact") && l.contains("2004") && l.contains("user_not_found"))
    );
    assert!(result.stderr.is_empty());
}

#[test]
fn translate_json_shape() {
    let value = json(&["translate", "wilddog:22011", "authing", "oneaccess"]);
    assert_eq!(value["locale"], "en");
    assert_eq!(value["source"]["vendor"], "wilddog");
    assert_eq!(value["source"]["code"], "22011");
    assert_eq!(value["source"]["kind"], "user_not_found");
    assert_eq!(value["source"]["vendor_message"], "该用户不存在");
    let targets = value["targets"].as_array().unwrap();
    assert_eq!(targets.len(), 2);
    assert_eq!(targets[0]["vendor"], "authing");
    let best = &targets[0]["matches"][0];
    assert_eq!(
        (best["code"].as_str(), best["relation"].as_str(), best["kind"].as_str()),
        (Some("2004"), Some("exact"), Some("user_not_found"))
    );
    assert_eq!(targets[1]["matches"][0]["code"], "LOGIN.0002");
    assert_eq!(targets[1]["matches"][0]["relation"], "broader");
    assert!(targets[0]["fallback"].is_null());
}

#[test]
fn translate_without_targets_covers_every_other_catalogue() {
    let value = json(&["translate", "authing:2006"]);
    let vendors: Vec<&str> =
        value["targets"].as_array().unwrap().iter().map(|t| t["vendor"].as_str().unwrap()).collect();
    let expected: Vec<&str> =
        errmap_auth::Registry::builtin().catalogues().iter().map(|c| c.id()).filter(|id| *id != "authing").collect();
    assert_eq!(vendors, expected);
    assert!(vendors.contains(&"oauth2") && vendors.contains(&"wilddog"), "{vendors:?}");
}

#[test]
fn no_equivalent_exits_one_and_offers_the_fallback_apart() {
    let result = run(errmap().args(["translate", "authing-v2:2040", "wilddog", "--format", "json"]));
    assert_eq!(result.code, 1);
    let value: Value = serde_json::from_str(&result.stdout).unwrap();
    assert_eq!(value["targets"][0]["matches"], serde_json::json!([]));
    assert_eq!(value["targets"][0]["fallback"]["code"], "29999");
    let text = run(errmap().args(["translate", "authing-v2:2040", "wilddog"]));
    assert!(text.stdout.contains("no equivalent") && text.stdout.contains("29999"), "{}", text.stdout);
}

#[test]
fn every_pair_of_seed_catalogues_answers() {
    let samples = [
        "authing:2004",
        "authing:2333",
        "authing:1636",
        "authing-v2:2026",
        "authing-v2:2300",
        "authing-android:10008",
        "oneaccess:LOGIN.0001",
        "oneaccess:CAPTCHA.0007",
        "wilddog:22013",
        "wilddog:22002",
        "wilddog:22235",
        "wilddog:29999",
    ];
    for sample in samples {
        for target in SEEDS {
            let value = json(&["translate", sample, target]);
            let matches = value["targets"][0]["matches"].as_array().unwrap();
            for candidate in matches {
                assert!(
                    ["exact", "close", "broader", "narrower", "related"]
                        .contains(&candidate["relation"].as_str().unwrap())
                );
            }
        }
    }
}

#[test]
fn explain_json_shape() {
    let value = json(&["explain", "oneaccess:LOGIN.0002"]);
    assert_eq!(value["vendor"], "oneaccess");
    assert_eq!(value["code"], "LOGIN.0002");
    assert_eq!(value["kind"], "invalid_credentials");
    assert_eq!(
        value["kind_path"],
        serde_json::json!(["authentication_failed", "invalid_grant", "invalid_credentials"])
    );
    assert_eq!(value["vendor_message"], "Invalid account name or password. Remaining attempts: {0}");
    assert_eq!(value["http_status"], 400);
    assert_eq!(value["messages"]["en"]["origin"], "vendor");
    assert_eq!(value["messages"]["zh-CN"]["origin"], "errmap");
    assert!(value["messages"]["zh-CN"]["text"].as_str().unwrap().contains("{0}"));
    let hidden = json(&["explain", "wilddog:22011"]);
    assert_eq!(hidden["public_kind"], "invalid_credentials");
    assert_eq!(hidden["kind_path"][3], "user_not_found");
}

#[test]
fn codes_lists_every_code() {
    let value = json(&["codes", "WILDDOG"]);
    assert_eq!(value["vendor"], "wilddog");
    let codes = value["codes"].as_array().unwrap();
    assert_eq!(codes.len(), 57);
    assert_eq!(codes[0]["code"], "22001");
    assert_eq!(codes[0]["symbol"], "failure");
    let text = run(errmap().args(["codes", "authing-v3"]));
    assert_eq!(text.code, 0);
    assert_eq!(text.stdout.lines().count(), 1 + 37);
}

#[test]
fn locale_comes_from_flag_then_environment() {
    let zh = run(errmap().args(["translate", "wilddog:22011", "authing"]).env("LANG", "zh_CN.UTF-8"));
    assert!(zh.stdout.contains("完全等同") && zh.stdout.contains("用户未找到"), "{}", zh.stdout);
    let flag =
        run(errmap().args(["translate", "wilddog:22011", "authing", "--lang", "en"]).env("LC_ALL", "zh_CN.UTF-8"));
    assert!(flag.stdout.contains("exact") && !flag.stdout.contains("完全等同"), "{}", flag.stdout);
    for traditional in ["zh-TW", "zh-HK", "zh-Hant"] {
        let value = json(&["explain", "wilddog:22011", "--lang", traditional]);
        assert_eq!(value["locale"], "zh-TW", "{traditional}");
    }
    let value = json(&["explain", "oneaccess:LOGIN.0001", "--lang", "zh-Hans"]);
    assert_eq!(value["locale"], "zh-CN");
}

#[test]
fn plain_text_has_no_isolation_marks() {
    for lang in ["en", "zh-CN"] {
        for args in [["explain", "oneaccess:LOGIN.0001"], ["codes", "oneaccess"], ["translate", "authing:2333"]] {
            let result = run(errmap().args(args).args(["--lang", lang]));
            assert!(!result.stdout.contains(['\u{2068}', '\u{2069}']), "{args:?} {lang}");
        }
    }
    let error = run(errmap().args(["translate", "wilddog:nope"]));
    assert!(!error.stderr.contains(['\u{2068}', '\u{2069}']));
}

#[test]
fn unknown_vendor_names_the_closest() {
    let result = run(errmap().args(["translate", "wildog:22011", "authing"]));
    assert_eq!(result.code, 2);
    assert!(result.stdout.is_empty());
    assert!(result.stderr.contains("unknown vendor 'wildog'; did you mean 'wilddog'?"), "{}", result.stderr);
    let ids: Vec<&str> = errmap_auth::Registry::builtin().catalogues().iter().map(|c| c.id()).collect();
    assert!(result.stderr.contains(&ids.join(", ")), "{}", result.stderr);
    let target = run(errmap().args(["translate", "wilddog:22011", "authng"]));
    assert_eq!(target.code, 2);
    assert!(target.stderr.contains("did you mean 'authing'?"), "{}", target.stderr);
}

#[test]
fn unknown_code_says_where_it_exists() {
    let result = run(errmap().args(["explain", "wilddog:2004"]));
    assert_eq!(result.code, 1);
    assert!(result.stdout.is_empty());
    assert!(result.stderr.contains("wilddog has no code '2004'"), "{}", result.stderr);
    assert!(result.stderr.contains("authing, authing-v2"), "{}", result.stderr);
}

#[test]
fn missing_code_is_a_usage_error() {
    for args in [vec!["translate", "wilddog"], vec!["explain", "wilddog:"], vec!["translate"]] {
        let result = run(errmap().args(&args));
        assert_eq!(result.code, 2, "{args:?}");
        assert!(result.stdout.is_empty(), "{args:?}");
        assert!(!result.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn errors_are_localized() {
    let result = run(errmap().args(["translate", "wildog:22011", "--lang", "zh-CN"]));
    assert_eq!(result.code, 2);
    assert!(result.stderr.contains("未知的厂商") && result.stderr.contains("wilddog"), "{}", result.stderr);
}

#[test]
fn input_is_echoed_without_control_characters() {
    let result = run(errmap().args(["translate", "wilddog:\u{1b}[31mred"]));
    assert_eq!(result.code, 1);
    assert!(!result.stderr.contains('\u{1b}'), "{:?}", result.stderr);
}

fn normalize(body: &str, args: &[&str]) -> Run {
    run(errmap().arg("normalize").args(args).write_stdin(body.to_string()))
}

#[test]
fn normalize_json_keys() {
    let result = normalize(
        r#"{"error_code":"LOGIN.0002","error_msg":"Invalid account name or password. Remaining attempts: 3"}"#,
        &["--format", "json", "--status", "400"],
    );
    assert_eq!(result.code, 0, "{}", result.stderr);
    let value: Value = serde_json::from_str(&result.stdout).unwrap();
    let keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
    for key in [
        "vendor",
        "code",
        "known",
        "kind",
        "kind_path",
        "public_kind",
        "http_status",
        "retryable",
        "detected_by",
        "params",
        "vendor_message",
        "message",
        "hint",
        "locale",
    ] {
        assert!(keys.contains(&key), "missing {key} in {keys:?}");
    }
    assert_eq!(value["vendor"], "oneaccess");
    assert_eq!(value["code"], "LOGIN.0002");
    assert_eq!(value["known"], true);
    assert_eq!(value["kind"], "invalid_credentials");
    assert_eq!(value["detected_by"], "shape");
    assert_eq!(value["params"]["remaining"], 3);
    assert_eq!(value["http_status"], 401);
    assert_eq!(value["message"], "The account name or password is incorrect. 3 attempts left.");
    assert_eq!(value["expose"], "all");
}

#[test]
fn normalize_problem_hides_enumeration_by_default() {
    let not_found =
        normalize(r#"{"statusCode":404,"apiCode":"2004","message":"用户未找到"}"#, &["--format", "problem"]);
    let bad_password =
        normalize(r#"{"statusCode":401,"apiCode":"2006","message":"密码错误"}"#, &["--format", "problem"]);
    assert_eq!(not_found.code, 0, "{}", not_found.stderr);
    assert_eq!(not_found.stdout, bad_password.stdout);
    let value: Value = serde_json::from_str(&not_found.stdout).unwrap();
    assert_eq!(value["kind"], "invalid_credentials");
    assert!(value.get("vendor_code").is_none());
    let all = normalize(
        r#"{"statusCode":404,"apiCode":"2004","message":"用户未找到"}"#,
        &["--format", "problem", "--expose", "all"],
    );
    let value: Value = serde_json::from_str(&all.stdout).unwrap();
    assert_eq!((value["kind"].as_str(), value["vendor_code"].as_str()), (Some("user_not_found"), Some("2004")));
}

#[test]
fn normalize_never_prints_raw_control_characters() {
    let body = r#"{"code":22011,"message":"evil \u001b[31mred\u001b[0m \r\n line"}"#;
    for format in ["text", "json"] {
        let result = normalize(body, &["--format", format]);
        assert_eq!(result.code, 0, "{}", result.stderr);
        assert!(!result.stdout.contains('\u{1b}') && !result.stdout.contains('\r'), "{format}: {:?}", result.stdout);
        assert!(result.stdout.contains("red"), "{format}: {:?}", result.stdout);
    }
}

#[test]
fn normalize_jsonl_keeps_every_line_in_order() {
    let input = [
        r#"{"code":22011,"message":"该用户不存在"}"#,
        "<html><body>502 Bad Gateway</body></html>",
        r#"{"vendor":"wildog","body":"{}"}"#,
        r#"{"vendor":"authing","status":400,"body":{"statusCode":400,"apiCode":"2006","message":"密码错误"}}"#,
    ]
    .join("\n");
    let result = normalize(&input, &["--jsonl"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let lines: Vec<Value> = result.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!((lines[0]["line"].as_u64(), lines[0]["code"].as_str()), (Some(1), Some("22011")));
    assert_eq!(
        (lines[1]["line"].as_u64(), lines[1]["error_code"].as_str()),
        (Some(2), Some("not_json")),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2]["line"], 3);
    assert!(lines[2]["error"].as_str().unwrap().contains("did you mean 'wilddog'"), "{}", lines[2]);
    assert_eq!((lines[3]["vendor"].as_str(), lines[3]["kind"].as_str()), (Some("authing"), Some("bad_password")));
    assert!(result.stderr.contains("4 lines, 2 normalized"), "{}", result.stderr);
    assert!(result.stderr.contains("2 errors"), "{}", result.stderr);
}

#[test]
fn normalize_refuses_bodies_over_the_limit() {
    let result = normalize(&"x".repeat(100), &["--max-body-bytes", "10"]);
    assert_eq!(result.code, 2);
    assert!(result.stdout.is_empty());
    assert!(result.stderr.contains("100 bytes") && result.stderr.contains("10"), "{}", result.stderr);
}

#[test]
fn problem_format_is_only_for_normalize() {
    let result = run(errmap().args(["codes", "wilddog", "--format", "problem"]));
    assert_eq!(result.code, 2);
    assert!(result.stdout.is_empty());
}

#[test]
fn vendor_codes_reach_the_oauth_vocabulary() {
    let best = |reference: &str| {
        let value = json(&["translate", reference, "oauth2"]);
        let best = &value["targets"][0]["matches"][0];
        (best["code"].as_str().unwrap().to_string(), best["relation"].as_str().unwrap().to_string())
    };
    assert_eq!(best("authing:2006"), ("invalid_grant".to_string(), "broader".to_string()));
    assert_eq!(best("authing:1636"), ("insufficient_user_authentication".to_string(), "broader".to_string()));
    assert_eq!(best("wilddog:22011"), ("invalid_grant".to_string(), "broader".to_string()));
}
