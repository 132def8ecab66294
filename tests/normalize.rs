//! Normalization of raw vendor bodies: the fixtures under `tests/fixtures/bodies/`, the
//! exposure levels and wire forms, the limits, hostile input, and proptest over
//! arbitrary bytes, arbitrary JSON and mutated vendor bodies.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use errmap_auth::normalize::DetectedBy;
use errmap_auth::{
    CanonicalError, Catalogue, Context, Error, Expose, Kind, Limits, Locale, Normalizer, ProblemOptions, Registry,
};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

const EXPOSURES: [Expose; 3] = [Expose::None, Expose::AccountStatus, Expose::All];

fn normalize(body: &[u8], context: &Context<'_>) -> CanonicalError<'static> {
    Normalizer::default().normalize(body, context).expect("a body under the limit without a hint always gets an answer")
}

fn normalize_json(body: &Value, context: &Context<'_>) -> CanonicalError<'static> {
    normalize(body.to_string().as_bytes(), context)
}

/// What every answer must satisfy, whatever the input. `hint` is the vendor the caller
/// named, if any.
fn check_invariants(error: &CanonicalError<'_>, hint: Option<&str>) -> Result<(), String> {
    let fail = |what: String| {
        Err(format!("{what} (vendor {:?}, code {:?}, kind {})", error.vendor(), error.code(), error.kind().id()))
    };
    match error.entry() {
        Some(entry) => {
            if !error.known() || error.code() != Some(entry.code()) || error.vendor() != Some(entry.catalogue().id()) {
                return fail(format!("the entry {entry} disagrees with known/code/vendor"));
            }
            let expected = error.variant().map_or(entry.kind(), |v| v.kind());
            if error.kind() != expected {
                return fail(format!("the kind is not the entry's or its variant's ({})", expected.id()));
            }
            if let Some(variant) = error.variant() {
                if !entry.variants().iter().any(|v| std::ptr::eq(v, variant)) {
                    return fail("the variant is not one of the entry's".to_string());
                }
            }
        }
        None if error.known() => return fail("known without an entry".into()),
        None => {}
    }
    if let Some(message) = error.vendor_message() {
        if message.chars().any(char::is_control) {
            return fail(format!("control characters in the vendor message {message:?}"));
        }
    }
    match hint {
        Some(name) => {
            // The hinted vendor, or the catalogue one of its shapes carries (Okta's OAuth
            // endpoints answer in the oauth2 vocabulary).
            let catalogue = Registry::builtin().catalogue(name).map_err(|e| e.to_string())?;
            let carried: Vec<&str> = catalogue.bodies().iter().filter_map(|s| s.codes_from()).collect();
            if error.vendor() != Some(catalogue.id()) && !error.vendor().is_some_and(|v| carried.contains(&v)) {
                return fail(format!("the hint {name} did not win"));
            }
        }
        None if error.detected_by() == DetectedBy::Hint => return fail("detected by a hint nobody gave".into()),
        None => {}
    }
    if error.detected_by() == DetectedBy::None && error.kind() != Kind::UNKNOWN {
        return fail("detected by nothing, yet not unknown".into());
    }
    let options = ProblemOptions::default();
    for expose in EXPOSURES {
        let visible = error.visible_kind(expose);
        if visible != error.kind() && visible != error.kind().public_kind() {
            return fail(format!("visible kind {} at {expose:?}", visible.id()));
        }
        if error.http_status(expose) != visible.http_status() {
            return fail(format!("http_status at {expose:?} is not the visible kind's"));
        }
        if expose == Expose::None && (error.visible_code(expose).is_some() || !error.visible_params(expose).is_empty())
        {
            return fail("a vendor code or value shown at Expose::None".into());
        }
        for locale in Locale::ALL {
            if error.message(locale, expose).trim().is_empty() || error.hint(locale, expose).trim().is_empty() {
                return fail(format!("an empty message or hint in {locale:?} at {expose:?}"));
            }
            let problem = error.problem(locale, expose, &options);
            let document: Value = serde_json::from_str(&problem.to_json()).map_err(|e| e.to_string())?;
            if document["status"] != json!(visible.http_status()) || document["kind"] != json!(visible.id()) {
                return fail(format!("problem document {document} at {expose:?}"));
            }
        }
        let info = error.error_info(expose, &options);
        if info.reason != visible.id().to_ascii_uppercase() {
            return fail(format!("ErrorInfo reason {} at {expose:?}", info.reason));
        }
    }
    Ok(())
}

// --- Fixtures ------------------------------------------------------------------------

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bodies")
}

fn fixture_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn optional_str<'a>(object: &'a Value, key: &str) -> Result<Option<&'a str>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!("{key} must be a string or null, not {other}")),
    }
}

/// Runs one fixture; `Err` carries every mismatch.
fn run_fixture(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let fixture: Value = serde_json::from_str(&text).map_err(|e| format!("not JSON: {e}"))?;
    for key in ["description", "context", "body", "expect"] {
        if fixture.get(key).is_none() {
            return Err(format!("the fixture has no `{key}`"));
        }
    }
    let context_value = &fixture["context"];
    let status = match context_value.get("status") {
        None | Some(Value::Null) => None,
        Some(value) => {
            Some(value.as_u64().and_then(|s| u16::try_from(s).ok()).ok_or_else(|| format!("bad status {value}"))?)
        }
    };
    let context = Context {
        status,
        vendor: optional_str(context_value, "vendor")?,
        content_type: optional_str(context_value, "content_type")?,
    };
    let body = match &fixture["body"] {
        Value::String(raw) => raw.as_bytes().to_vec(),
        value => serde_json::to_vec(value).unwrap(),
    };
    let expect = fixture["expect"].as_object().ok_or("`expect` must be an object")?;
    const FIELDS: [&str; 6] = ["vendor", "code", "known", "kind", "detected_by", "params"];
    if let Some(extra) = expect.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(format!("`expect` has an unknown member `{extra}`"));
    }

    let error = Normalizer::default().normalize(&body, &context).map_err(|e| format!("normalize failed: {e}"))?;
    let params: BTreeMap<&str, &errmap_auth::normalize::ParamValue> =
        error.params().iter().map(|(k, v)| (k.as_str(), v)).collect();
    let actual = json!({
        "vendor": error.vendor(),
        "code": error.code(),
        "known": error.known(),
        "kind": error.kind().id(),
        "detected_by": error.detected_by().as_str(),
        "params": params,
    });
    let mut mismatches = Vec::new();
    for field in FIELDS {
        match expect.get(field) {
            None => mismatches.push(format!("`expect` has no `{field}`")),
            Some(expected) if *expected != actual[field] => {
                mismatches.push(format!("{field}: expected {expected}, got {}", actual[field]))
            }
            Some(_) => {}
        }
    }
    if let Err(broken) = check_invariants(&error, context.vendor) {
        mismatches.push(broken);
    }
    if mismatches.is_empty() {
        Ok(())
    } else {
        mismatches.push(format!("detection: {}", error.detection()));
        Err(mismatches.join("\n    "))
    }
}

#[test]
fn every_fixture_normalizes_as_expected() {
    let root = fixtures_root();
    let files = fixture_files(&root);
    let failures: Vec<String> = files
        .iter()
        .filter_map(|path| {
            run_fixture(path).err().map(|why| format!("{}:\n    {why}", path.strip_prefix(&root).unwrap().display()))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} fixtures failed:\n{}", failures.len(), files.len(), failures.join("\n"));

    // Every built-in catalogue, and the bodies of no vendor, have their folder.
    let folders = Registry::builtin().catalogues().iter().map(Catalogue::id).chain(["other"]);
    for folder in folders {
        let count = files.iter().filter(|f| f.parent() == Some(&root.join(folder))).count();
        assert!(count >= 4, "tests/fixtures/bodies/{folder} has {count} fixtures; at least 4 are expected");
    }
}

// --- Exposure and wire forms ---------------------------------------------------------

fn authing(api_code: u32, message: &str) -> CanonicalError<'static> {
    let body = json!({
        "statusCode": 400,
        "apiCode": api_code.to_string(),
        "message": message,
        "uniqueId": "65e59f51-dbbc-4d1f-a809-6d3f15d9b53e",
        "data": null,
    });
    normalize_json(&body, &Context::default().status(400))
}

#[test]
fn user_not_found_and_bad_password_look_the_same_unless_exposed() {
    let not_found = authing(2004, "用户未找到");
    let bad_password = authing(2006, "密码错误");
    assert_eq!(not_found.kind(), Kind::USER_NOT_FOUND);
    assert_eq!(bad_password.kind(), Kind::BAD_PASSWORD);
    let options = ProblemOptions::default();

    for expose in [Expose::None, Expose::AccountStatus] {
        for locale in Locale::ALL {
            let a = not_found.problem(locale, expose, &options);
            let b = bad_password.problem(locale, expose, &options);
            assert_eq!(a.to_json(), b.to_json(), "{expose:?} {locale:?}");
            assert_eq!(a.kind, Kind::INVALID_CREDENTIALS);
            assert_eq!(not_found.message(locale, expose), bad_password.message(locale, expose));
            assert_eq!(not_found.hint(locale, expose), bad_password.hint(locale, expose));
        }
        assert_eq!(not_found.error_info(expose, &options), bad_password.error_info(expose, &options), "{expose:?}");
        assert_eq!(not_found.http_status(expose), bad_password.http_status(expose));
        assert_eq!(not_found.visible_code(expose), None);
    }

    for locale in Locale::ALL {
        let a = not_found.problem(locale, Expose::All, &options);
        let b = bad_password.problem(locale, Expose::All, &options);
        assert_ne!(a.to_json(), b.to_json(), "{locale:?}");
        assert_eq!((a.kind, b.kind), (Kind::USER_NOT_FOUND, Kind::BAD_PASSWORD));
        assert_eq!((a.vendor_code.as_deref(), b.vendor_code.as_deref()), (Some("2004"), Some("2006")));
    }
    let (a, b) = (not_found.error_info(Expose::All, &options), bad_password.error_info(Expose::All, &options));
    assert_ne!(a, b);
    assert_eq!((a.reason.as_str(), b.reason.as_str()), ("USER_NOT_FOUND", "BAD_PASSWORD"));
    assert_eq!(a.metadata.get("code").map(String::as_str), Some("2004"));
}

#[test]
fn account_status_shows_a_lock_but_not_a_missing_user() {
    let locked = authing(2005, "用户已锁定");
    let not_found = authing(2004, "用户未找到");
    let options = ProblemOptions::default();
    assert_eq!(locked.kind(), Kind::LOCKED);

    assert_eq!(locked.visible_kind(Expose::None), Kind::INVALID_CREDENTIALS);
    assert_eq!(locked.visible_kind(Expose::AccountStatus), Kind::LOCKED);
    let problem = locked.problem(Locale::En, Expose::AccountStatus, &options);
    assert_eq!(problem.kind, Kind::LOCKED);
    assert_eq!(problem.status, Kind::LOCKED.http_status());
    assert_eq!(problem.vendor_code.as_deref(), Some("2005"));
    assert_eq!(locked.error_info(Expose::AccountStatus, &options).reason, "LOCKED");

    assert_eq!(not_found.visible_kind(Expose::AccountStatus), Kind::INVALID_CREDENTIALS);
    let problem = not_found.problem(Locale::En, Expose::AccountStatus, &options);
    assert_eq!(problem.kind, Kind::INVALID_CREDENTIALS);
    assert_eq!(problem.vendor_code, None);
    assert_eq!(not_found.error_info(Expose::AccountStatus, &options).metadata.get("code"), None);

    // At `none` the lock collapses too, and cannot be told from a wrong password.
    let bad_password = authing(2006, "密码错误");
    assert_eq!(
        locked.problem(Locale::ZhCn, Expose::None, &options).to_json(),
        bad_password.problem(Locale::ZhCn, Expose::None, &options).to_json()
    );
}

#[test]
fn vendor_values_are_shown_only_where_the_kind_is() {
    let context = Context::default().status(400);
    let attempts = normalize(
        br#"{"error_code":"LOGIN.0002","error_msg":"Invalid account name or password. Remaining attempts: 3"}"#,
        &context,
    );
    let lock = normalize(
        br#"{"error_code":"LOGIN.0001","error_msg":"User has been locked due to multiple login failures. It will be unlocked in 4 minutes and 59 seconds."}"#,
        &context,
    );
    let options = ProblemOptions::default();
    let params = |error: &CanonicalError<'_>, expose| -> Value {
        serde_json::from_str::<Value>(&error.problem(Locale::En, expose, &options).to_json()).unwrap()["params"].clone()
    };

    assert_eq!(params(&attempts, Expose::None), Value::Null);
    assert_eq!(params(&attempts, Expose::AccountStatus), json!({"remaining": 3}));
    assert_eq!(params(&attempts, Expose::All), json!({"remaining": 3}));
    assert!(attempts.message(Locale::En, Expose::All).contains('3'));
    assert!(!attempts.message(Locale::En, Expose::None).contains('3'));

    assert_eq!(params(&lock, Expose::None), Value::Null);
    assert_eq!(params(&lock, Expose::AccountStatus), json!({"minutes": 4, "seconds": 59}));
    let message = lock.message(Locale::En, Expose::AccountStatus);
    assert!(message.contains('4') && message.contains("59"), "{message}");
    assert!(!lock.message(Locale::En, Expose::None).contains("59"));
}

#[test]
fn problem_documents_carry_the_visible_kind_in_every_member() {
    let options = ProblemOptions {
        type_base: "https://errors.example.com/kinds/".to_string(),
        domain: "auth.example.com".into(),
    };
    let bodies: [(&[u8], Context<'_>); 4] = [
        (r#"{"statusCode":401,"apiCode":2006,"message":"密码错误"}"#.as_bytes(), Context::default().status(401)),
        (
            br#"{"error_code":"LOGIN.0002","error_msg":"Invalid account name or password. Remaining attempts: 3"}"#,
            Context::default().status(400),
        ),
        (br#"{"code":10001,"message":"Network error"}"#, Context::default()),
        (b"<html><body>502 Bad Gateway</body></html>", Context::default().status(502).content_type("text/html")),
    ];
    for (body, context) in bodies {
        let error = normalize(body, &context);
        for expose in EXPOSURES {
            let visible = error.visible_kind(expose);
            let mut titles = Vec::new();
            for locale in Locale::ALL {
                let problem = error.problem(locale, expose, &options);
                let document: Value = serde_json::from_str(&problem.to_json()).unwrap();
                let members = document.as_object().unwrap();
                let at = format!("{} at {expose:?} in {locale:?}: {document}", String::from_utf8_lossy(body));

                let type_uri = members["type"].as_str().unwrap();
                assert!(type_uri.starts_with(&options.type_base), "{at}");
                assert!(type_uri.ends_with(visible.id()), "{at}");
                assert_eq!(type_uri, format!("{}{}", options.type_base, visible.id()), "{at}");
                assert_eq!(members["status"], json!(visible.http_status()), "{at}");
                assert_eq!(problem.status, error.http_status(expose), "{at}");
                assert_eq!(members["kind"], json!(visible.id()), "{at}");
                assert_eq!(members["retryable"], json!(visible.retryable()), "{at}");
                assert_eq!(members.get("vendor"), error.visible_vendor(expose).map(|v| json!(v)).as_ref(), "{at}");
                match expose {
                    Expose::None => assert!(!members.contains_key("vendor_code"), "{at}"),
                    _ => assert_eq!(members.get("vendor_code"), error.visible_code(expose).map(|c| json!(c)).as_ref()),
                }
                assert!(members["title"].as_str().is_some_and(|t| !t.is_empty()), "{at}");
                assert!(members["detail"].as_str().is_some_and(|t| !t.is_empty()), "{at}");
                let allowed =
                    ["type", "title", "status", "detail", "kind", "vendor", "vendor_code", "retryable", "params"];
                assert!(members.keys().all(|k| allowed.contains(&k.as_str())), "{at}");
                assert_eq!(problem.content_language(), locale.tag(), "{at}");
                titles.push(problem.title);
            }
            assert_ne!(titles[0], titles[1], "the English and Chinese titles of {}", visible.id());

            let info = error.error_info(expose, &options);
            assert_eq!(info.reason, visible.id().to_ascii_uppercase());
            assert_eq!(info.domain, "auth.example.com");
            assert_eq!(info.metadata.get("vendor").map(String::as_str), error.visible_vendor(expose));
            assert_eq!(info.metadata.get("code").map(String::as_str), error.visible_code(expose));
        }
    }
    // The vendor code is shown at `all` when the code is known.
    let error = normalize(bodies[0].0, &bodies[0].1);
    let problem = error.problem(Locale::En, Expose::All, &options);
    assert_eq!((problem.vendor.as_deref(), problem.vendor_code.as_deref()), (Some("authing"), Some("2006")));
}

// --- Limits and hostile input ----------------------------------------------------------

#[test]
fn bodies_over_the_limit_are_refused() {
    let normalizer = Normalizer::default().with_limits(Limits { max_body_bytes: 10 });
    let exactly = br#"{"code":1}"#;
    assert_eq!(exactly.len(), 10);
    assert!(normalizer.normalize(exactly, &Context::default()).is_ok());
    assert!(normalizer.normalize(b"", &Context::default()).is_ok());

    let longer = br#"{"code":22011}"#;
    let error = normalizer.normalize(longer, &Context::default()).unwrap_err();
    assert_eq!(error, Error::BodyTooLarge { size: longer.len(), limit: 10 });
    let text = error.to_string();
    assert!(text.contains(&longer.len().to_string()) && text.contains("10"), "{text}");

    // Also when the caller names a vendor, and by one byte.
    let error = normalizer.normalize(b"12345678901", &Context::default().vendor("wilddog")).unwrap_err();
    assert_eq!(error, Error::BodyTooLarge { size: 11, limit: 10 });
    assert_eq!(Limits::default().max_body_bytes, 1 << 20);
}

#[test]
fn a_hint_naming_no_catalogue_is_an_error() {
    let error =
        Normalizer::default().normalize(br#"{"code":22011}"#, &Context::default().vendor("wildog")).unwrap_err();
    assert!(matches!(error, Error::UnknownVendor { ref suggestion, .. } if suggestion.as_deref() == Some("wilddog")));
}

#[test]
fn hostile_bodies_get_an_answer() {
    let context = Context::default().status(502);
    let deep_open = vec![b'['; 100_000];
    let mut deep_closed = deep_open.clone();
    deep_closed.extend(std::iter::repeat_n(b']', 100_000));
    let deep_objects = r#"{"code":"#.repeat(100_000).into_bytes();
    let invalid_utf8_in_string = b"{\"code\":22011,\"message\":\"\xff\xfe\xc3\x28\"}".to_vec();
    let invalid_utf8 = b"\xff\xfe{\"code\":22011}\x80".to_vec();
    for body in [deep_open, deep_closed, deep_objects, invalid_utf8_in_string, invalid_utf8] {
        for context in [context, Context::default(), Context::default().vendor("wilddog")] {
            let error = Normalizer::default().normalize(&body, &context).unwrap();
            check_invariants(&error, context.vendor).unwrap();
            assert!(!error.known());
        }
        let error = normalize(&body, &context);
        assert_eq!((error.kind(), error.detected_by()), (Kind::UPSTREAM_ERROR, DetectedBy::Status));
    }
}

#[test]
fn two_megabytes_under_a_four_megabyte_limit() {
    let normalizer = Normalizer::default().with_limits(Limits { max_body_bytes: 4 << 20 });
    let padding = "x".repeat(2 << 20);
    let body = json!({
        "error_code": "LOGIN.0002",
        "error_msg": "Invalid account name or password. Remaining attempts: 3",
        "data": padding,
    })
    .to_string();
    assert!(body.len() > 2 << 20 && body.len() < 4 << 20);
    let error = normalizer.normalize(body.as_bytes(), &Context::default()).unwrap();
    assert_eq!(
        (error.vendor(), error.code(), error.kind()),
        (Some("oneaccess"), Some("LOGIN.0002"), Kind::INVALID_CREDENTIALS)
    );
    assert_eq!(error.params().len(), 1);

    // The default limit refuses the same body.
    assert!(matches!(
        Normalizer::default().normalize(body.as_bytes(), &Context::default()),
        Err(Error::BodyTooLarge { .. })
    ));

    // Two megabytes of numbers in an array, and of text that is not JSON.
    let array = format!("[{}1]", "1,".repeat(1 << 20));
    let error = normalizer.normalize(array.as_bytes(), &Context::default().status(500)).unwrap();
    assert_eq!(error.kind(), Kind::INTERNAL_ERROR);
    let error = normalizer.normalize(padding.as_bytes(), &Context::default()).unwrap();
    assert_eq!(error.kind(), Kind::UNKNOWN);
}

#[test]
fn a_long_message_with_an_unknown_code_still_gets_an_answer() {
    // Message matching skips catalogue messages whose length rules out a similar match,
    // so a megabyte of text costs one pass, not one per catalogue code. Speed itself is
    // measured in benches/, not here.
    let message = "该用户不存在".repeat((1 << 20) / 20);
    let body = json!({"code": 22999, "message": message}).to_string();
    assert!(body.len() < Limits::default().max_body_bytes);
    let error = normalize(body.as_bytes(), &Context::default().status(400));
    assert_eq!(error.vendor(), Some("wilddog"));
}

#[test]
fn vendor_messages_lose_their_control_characters() {
    let bodies = [
        // A known code, an unknown code whose message still matches, and one that matches nothing.
        r#"{"code":22011,"message":"\u001b[31m该用户不存在\r\n"}"#,
        r#"{"code":22999,"message":"\u001b[31m该用户不存在\u001b[0m\r\n"}"#,
        r#"{"error_code":"LOGIN.0002","error_msg":"\u0007Invalid account name or password. Remaining attempts: 3\r\n"}"#,
        r#"{"statusCode":500,"apiCode":9999,"message":"\u001b]0;pwned\u0007boom\u0000\r\n\t!"}"#,
        r#"{"message":"\u001b[2J\u001b[H\u009b31mcleared"}"#,
    ];
    for body in bodies {
        let error = normalize(body.as_bytes(), &Context::default().status(400));
        let message = error.vendor_message().unwrap_or_else(|| panic!("{body}: no vendor message"));
        assert!(!message.chars().any(char::is_control), "{body}: {message:?}");
        check_invariants(&error, None).unwrap();
    }
    let error = normalize(bodies[0].as_bytes(), &Context::default());
    assert_eq!(error.vendor_message(), Some("该用户不存在 "));
    assert_eq!(error.kind(), Kind::USER_NOT_FOUND);
    let error = normalize(bodies[2].as_bytes(), &Context::default());
    assert_eq!(error.params(), [("remaining".to_string(), errmap_auth::normalize::ParamValue::Number(3.0))]);
}

#[test]
fn ansi_colours_do_not_hide_a_known_message() {
    let error =
        normalize(r#"{"code":22999,"message":"\u001b[31m该用户不存在\u001b[0m"}"#.as_bytes(), &Context::default());
    assert_eq!(
        (error.kind(), error.detected_by()),
        (Kind::USER_NOT_FOUND, DetectedBy::Message),
        "{}",
        error.detection()
    );
    assert!(!error.vendor_message().unwrap().contains("[31m"), "{:?}", error.vendor_message());
}

// --- Answers the library once got wrong -------------------------------------------------

#[test]
fn the_status_inside_an_authing_body_is_used_when_the_caller_has_none() {
    let body = r#"{"statusCode":500,"apiCode":9999,"message":"服务器内部错误，请联系管理员","data":null}"#;
    let error = normalize(body.as_bytes(), &Context::default());
    assert_eq!((error.vendor(), error.code()), (Some("authing"), Some("9999")));
    assert_eq!(error.upstream_status(), Some(500));
    assert_eq!((error.kind(), error.detected_by()), (Kind::INTERNAL_ERROR, DetectedBy::Status));
}

#[test]
fn an_equal_message_beats_a_similar_one_in_another_catalogue() {
    for (message, code) in [("该用户不存在", "22011"), ("该密码不正确", "22010")] {
        let error = normalize_json(&json!({"message": message}), &Context::default().status(400));
        assert_eq!(error.vendor(), Some("wilddog"), "{message}: {}", error.detection());
        assert!(error.detection().ends_with(&format!("wilddog:{code}")), "{}", error.detection());
    }
}

#[test]
fn a_generic_error_member_does_not_make_a_body_oneaccess() {
    let bodies = [
        json!({"timestamp": "2024-05-01T08:00:00.000+00:00", "status": 404, "error": "Not Found", "path": "/api/v3/signin"}),
        json!({"error": "Not Found"}),
    ];
    for body in bodies {
        let error = normalize_json(&body, &Context::default().status(404));
        assert_eq!((error.vendor(), error.code()), (None, None), "{body}: {}", error.detection());
        assert_eq!(error.kind(), Kind::RESOURCE_NOT_FOUND);
    }
}

// --- Every built-in code, wrapped in its catalogue's body shapes -----------------------

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Sets the value at a JSON Pointer, creating the objects and arrays on the way.
fn set_pointer(root: &mut Value, pointer: &str, new: Value) {
    fn set(node: &mut Value, tokens: &[String], new: Value) {
        let Some((token, rest)) = tokens.split_first() else {
            *node = new;
            return;
        };
        let index = token.parse::<usize>().is_ok();
        let fits = match node {
            Value::Array(_) => index,
            Value::Object(_) => true,
            _ => false,
        };
        if !fits {
            *node = if index { Value::Array(Vec::new()) } else { Value::Object(Map::new()) };
        }
        let child = match node {
            Value::Array(items) => {
                let at: usize = token.parse().unwrap_or_else(|_| panic!("{token} is not an array index"));
                if items.len() <= at {
                    items.resize(at + 1, Value::Null);
                }
                &mut items[at]
            }
            Value::Object(members) => members.entry(token.clone()).or_insert(Value::Null),
            _ => unreachable!(),
        };
        set(child, rest, new);
    }
    let tokens: Vec<String> = pointer.strip_prefix('/').expect("a JSON Pointer").split('/').map(unescape).collect();
    set(root, &tokens, new);
}

/// A body of `shape` carrying `code` and its documented message.
fn wrap(shape: &errmap_auth::catalogue::BodyShape, code: &errmap_auth::Code) -> Value {
    let mut body = Value::Object(Map::new());
    let digits = code.code().bytes().all(|b| b.is_ascii_digit()) && !code.code().starts_with('0');
    let value = if digits { json!(code.code().parse::<u64>().unwrap()) } else { json!(code.code()) };
    set_pointer(&mut body, shape.code().expect("a shape with a code"), value);
    if let (Some(pointer), Some(message)) = (shape.message(), code.message()) {
        set_pointer(&mut body, pointer, json!(message));
    }
    for pointer in shape.present() {
        if body.pointer(pointer).is_none() {
            let value =
                if Some(pointer) == shape.status() { json!(code.http_status().unwrap_or(400)) } else { Value::Null };
            set_pointer(&mut body, pointer, value);
        }
    }
    body
}

fn check_round_trip(
    catalogue: &Catalogue,
    shape: &errmap_auth::catalogue::BodyShape,
    code: &errmap_auth::Code,
) -> Result<(), String> {
    let body = wrap(shape, code);
    // In a shape many services share, a code that another such catalogue also lists
    // cannot name its vendor by itself: the caller names it, as a gateway would.
    let shared = shape.is_generic()
        && Registry::builtin().catalogues().iter().any(|other| {
            !std::ptr::eq(other, catalogue)
                && other.get(code.code()).is_some()
                && other.bodies().iter().any(|b| b.is_generic())
        });
    let context = if shared { Context::default().vendor(catalogue.id()) } else { Context::default() };
    let error = normalize_json(&body, &context);
    let got = (error.vendor(), error.code(), error.known(), error.kind());
    // The vendor's own message may name one of the code's conditions.
    let kind = error.variant().map_or(code.kind(), |v| v.kind());
    let expected = (Some(catalogue.id()), Some(code.code()), true, kind);
    if got != expected {
        return Err(format!("{body} -> {got:?}, expected {expected:?} ({})", error.detection()));
    }
    if !matches!(error.detected_by(), DetectedBy::Shape | DetectedBy::Code | DetectedBy::Hint) {
        return Err(format!("{body} detected by {}", error.detected_by().as_str()));
    }
    check_invariants(&error, shared.then_some(catalogue.id()))
}

#[test]
fn every_builtin_code_in_its_first_body_shape_normalizes_to_itself() {
    let mut failures = Vec::new();
    let mut count = 0;
    for catalogue in Registry::builtin().catalogues() {
        let shape = catalogue.bodies().first().unwrap_or_else(|| panic!("{} has no body shape", catalogue.id()));
        for code in catalogue.codes() {
            count += 1;
            if let Err(why) = check_round_trip(catalogue, shape, code) {
                failures.push(format!("{}:{}: {why}", catalogue.id(), code.code()));
            }
        }
    }
    assert!(count >= 283, "the built-in catalogues hold at least the 283 seed codes, not {count}");
    assert!(failures.is_empty(), "{} codes:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_builtin_code_in_every_body_shape_of_its_catalogue_normalizes_to_itself() {
    let mut failures = Vec::new();
    for catalogue in Registry::builtin().catalogues() {
        for shape in catalogue.bodies().iter().filter(|s| s.code().is_some() && s.codes_from().is_none()) {
            for code in catalogue.codes() {
                if let Err(why) = check_round_trip(catalogue, shape, code) {
                    failures.push(format!("{}:{} in {}: {why}", catalogue.id(), code.code(), shape.name()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} codes:\n{}", failures.len(), failures.join("\n"));
}

// --- Proptest ------------------------------------------------------------------------

fn vendor_names() -> Vec<&'static str> {
    Registry::builtin().catalogues().iter().flat_map(|c| std::iter::once(c.id()).chain(c.aliases())).collect()
}

fn hint() -> impl Strategy<Value = Option<&'static str>> {
    prop_oneof![3 => Just(None), 1 => prop::sample::select(vendor_names()).prop_map(Some)]
}

fn status() -> impl Strategy<Value = Option<u16>> {
    prop_oneof![Just(None), (100u16..600).prop_map(Some), any::<u16>().prop_map(Some)]
}

fn content_type() -> impl Strategy<Value = Option<&'static str>> {
    prop::sample::select(vec![
        None,
        Some("application/json"),
        Some("application/json; charset=utf-8"),
        Some("application/problem+json"),
        Some("text/plain"),
        Some("text/html"),
        Some(""),
        Some(";;"),
    ])
}

/// Strings that are likely to reach the interesting paths: the vendors' codes, symbols
/// and messages (with a value in each placeholder), and arbitrary text.
fn vendor_text() -> impl Strategy<Value = String> {
    let mut known: Vec<String> = Vec::new();
    for catalogue in Registry::builtin().catalogues() {
        for code in catalogue.codes() {
            known.push(code.code().to_string());
            known.extend(code.symbol().map(str::to_string));
            known.extend(code.message().map(|m| m.replace("{0}", "3").replace("{1}", "59")));
        }
    }
    prop_oneof![
        2 => prop::sample::select(known),
        1 => ".{0,24}",
        1 => "[0-9]{1,7}",
        1 => "[A-Z_]{2,8}\\.[0-9]{4}",
    ]
}

fn key() -> impl Strategy<Value = String> {
    let vendor_keys = vec![
        "code",
        "message",
        "data",
        "statusCode",
        "apiCode",
        "uniqueId",
        "error_code",
        "error_msg",
        "error",
        "error_description",
        "errors",
        "request_id",
    ];
    prop_oneof![3 => prop::sample::select(vendor_keys).prop_map(str::to_string), 1 => "[a-zA-Z_~/]{0,8}"]
}

/// Arbitrary JSON, leaning towards the members vendors use.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        // Quarters are exact in binary and in short decimals, so they survive a round trip.
        any::<i32>().prop_map(|n| json!(f64::from(n) / 4.0)),
        vendor_text().prop_map(Value::String),
        vendor_text().prop_filter_map("not a number", |t| t.parse::<u64>().ok()).prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A body of one of the documented shapes with a vendor-like code and message, and
/// arbitrary other members.
fn shaped_body() -> impl Strategy<Value = Value> {
    let shapes: Vec<&'static errmap_auth::catalogue::BodyShape> =
        Registry::builtin().catalogues().iter().flat_map(Catalogue::bodies).filter(|s| s.code().is_some()).collect();
    let extra = prop::collection::btree_map(key(), json_value(), 0..3);
    (prop::sample::select(shapes), vendor_text(), any::<bool>(), vendor_text(), extra).prop_map(
        |(shape, code, as_number, message, extra)| {
            let mut body = Value::Object(extra.into_iter().collect());
            let code = match code.parse::<u64>() {
                Ok(number) if as_number => json!(number),
                _ => json!(code),
            };
            set_pointer(&mut body, shape.code().unwrap(), code);
            if let Some(pointer) = shape.message() {
                set_pointer(&mut body, pointer, json!(message));
            }
            for pointer in shape.present() {
                if body.pointer(pointer).is_none() {
                    set_pointer(&mut body, pointer, Value::Null);
                }
            }
            body
        },
    )
}

/// Arbitrary JSON, mostly objects with vendor members at the top, as error bodies are.
fn json_body() -> impl Strategy<Value = Value> {
    prop_oneof![
        1 => json_value(),
        2 => prop::collection::btree_map(key(), json_value(), 1..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        2 => shaped_body(),
    ]
}

/// One valid body of each documented shape.
fn vendor_bodies() -> Vec<Value> {
    vec![
        json!({"uniqueId": "65e59f51-dbbc-4d1f-a809-6d3f15d9b53e", "statusCode": 400, "message": "用户未找到", "apiCode": "2004", "data": null}),
        json!({"statusCode": 200, "apiCode": 1636, "message": "企业（应用下配置的） MFA", "data": {"mfaToken": "t"}}),
        json!({"code": 2006, "message": "密码不正确", "data": null}),
        json!({"errors": [{"message": {"code": 2006, "message": "密码不正确"}, "locations": [{"line": 2, "column": 3}], "path": ["login"], "extensions": {"code": "INTERNAL_SERVER_ERROR"}}], "data": {"login": null}}),
        json!({"code": 10001, "message": "Network error", "data": null}),
        json!({"error_code": "LOGIN.0002", "error_msg": "Invalid account name or password. Remaining attempts: 3"}),
        json!({"error_code": "LOGIN.0001", "error_msg": "User has been locked due to multiple login failures. It will be unlocked in 4 minutes and 59 seconds."}),
        json!({"error": "invalid_grant", "error_description": "Invalid account name or password. Remaining attempts: 2"}),
        json!({"code": 22011, "message": "该用户不存在"}),
    ]
}

fn all_pointers(value: &Value, prefix: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(members) => {
            for (key, child) in members {
                let pointer = format!("{prefix}/{}", escape(key));
                out.push(pointer.clone());
                all_pointers(child, &pointer, out);
            }
        }
        Value::Array(items) => {
            for (at, child) in items.iter().enumerate() {
                let pointer = format!("{prefix}/{at}");
                out.push(pointer.clone());
                all_pointers(child, &pointer, out);
            }
        }
        _ => {}
    }
}

/// A vendor body with one member replaced by arbitrary JSON (`Some`) or removed (`None`).
fn mutated_body() -> impl Strategy<Value = Value> {
    (prop::sample::select(vendor_bodies()), any::<prop::sample::Index>(), prop::option::of(json_value())).prop_map(
        |(mut body, index, replacement)| {
            let mut pointers = Vec::new();
            all_pointers(&body, "", &mut pointers);
            let pointer = index.get(&pointers).clone();
            match replacement {
                Some(value) => *body.pointer_mut(&pointer).unwrap() = value,
                None => {
                    let (parent, last) = pointer.rsplit_once('/').unwrap();
                    match body.pointer_mut(parent).unwrap() {
                        Value::Object(members) => {
                            members.remove(&unescape(last));
                        }
                        Value::Array(items) => {
                            items.remove(last.parse::<usize>().unwrap());
                        }
                        _ => unreachable!(),
                    }
                }
            }
            body
        },
    )
}

fn same_answer(a: &CanonicalError<'_>, b: &CanonicalError<'_>) -> bool {
    (a.vendor(), a.code(), a.known(), a.kind(), a.detected_by(), a.params(), a.vendor_message())
        == (b.vendor(), b.code(), b.known(), b.kind(), b.detected_by(), b.params(), b.vendor_message())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_get_an_answer(
        body in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..512),
            "[\\[\\]{}\":,0-9a-zA-Z_. \\\\]{0,64}".prop_map(String::into_bytes),
        ],
        status in status(),
        hint in hint(),
        content_type in content_type(),
    ) {
        let context = Context { status, vendor: hint, content_type };
        let error = Normalizer::default().normalize(&body, &context);
        prop_assert!(error.is_ok(), "{:?}", error.err());
        let error = error.unwrap();
        let checked = check_invariants(&error, hint);
        prop_assert!(checked.is_ok(), "{}", checked.unwrap_err());
    }

    #[test]
    fn arbitrary_json_gets_the_same_answer_as_bytes_and_as_a_value(
        body in json_body(),
        status in status(),
        hint in hint(),
    ) {
        let context = Context { status, vendor: hint, content_type: Some("application/json") };
        let normalizer = Normalizer::default();
        let from_bytes = normalizer.normalize(body.to_string().as_bytes(), &context).unwrap();
        let checked = check_invariants(&from_bytes, hint);
        prop_assert!(checked.is_ok(), "{}: {}", body, checked.unwrap_err());
        let from_value = normalizer.normalize_value(&body, &context).unwrap();
        prop_assert!(
            same_answer(&from_bytes, &from_value),
            "{}: {} ({}) from bytes, {} ({}) from the value",
            body, from_bytes, from_bytes.detection(), from_value, from_value.detection()
        );
    }

    #[test]
    fn mutated_vendor_bodies_get_an_answer(body in mutated_body(), status in status(), hint in hint()) {
        let context = Context { status, vendor: hint, content_type: None };
        let error = Normalizer::default().normalize(body.to_string().as_bytes(), &context);
        prop_assert!(error.is_ok(), "{}: {:?}", body, error.err());
        let error = error.unwrap();
        let checked = check_invariants(&error, hint);
        prop_assert!(checked.is_ok(), "{}: {}", body, checked.unwrap_err());
    }
}

/// A user catalogue using every refinement of the format: a code whose real condition
/// is in another field, a code without a documented message, a setting that merges
/// codes, a code cut out of a longer string, and a shape carrying another catalogue's
/// codes.
const REFINED: &str = r##"
id = "refined"
name = "A vendor with every refinement"
language = "en"

[[body]]
name = "refined error (code, detail, kind)"
present = ["/refined"]
code = "/refined/code"
message = "/refined/detail"
code_before = " : "
code_after = "#"

[[body]]
name = "refined OAuth endpoint"
present = ["/error", "/error_description", "/refined_oauth"]
code = "/error"
message = "/error_description"
catalogue = "standard"

[[code]]
code = "BAD_LOGIN"
message = "Login failed."
kind = "authentication_failed"
match = "exact"

[[code.variant]]
field = "/refined/detail"
equals = "Account disabled"
kind = "disabled"
match = "exact"

[[code.variant]]
field = "/refined/detail"
contains = "locked"
kind = "locked"
match = "close"
reason = "The vendor says 'temporarily locked'; the lock lifts by itself."

[[code]]
code = "NoSuchUser"
message_documented = false
kind = "user_not_found"
match = "exact"

[[code]]
code = "WRONG_PASSWORD"
message = "Wrong password."
kind = "bad_password"
match = "exact"

[[code]]
code = "auth/wrong-password"
same_as = "WRONG_PASSWORD"
message = "The password is wrong."
kind = "bad_password"
match = "exact"

[[setting]]
name = "Hide whether users exist"
merges = ["NoSuchUser", "WRONG_PASSWORD"]
into = "BAD_LOGIN"
note = "When on, a missing user and a wrong password are both reported as BAD_LOGIN."
"##;

const STANDARD: &str = r#"
id = "standard"
name = "A standard vocabulary"
language = "en"

[[code]]
code = "invalid_grant"
message = "The grant is invalid."
kind = "token_invalid"
match = "exact"
"#;

fn refined_registry() -> Registry {
    let mut registry = Registry::new();
    registry.add(Catalogue::from_toml(STANDARD, "standard.toml").expect("valid")).expect("new id");
    registry.add(Catalogue::from_toml(REFINED, "refined.toml").expect("valid")).expect("new id");
    registry
}

#[test]
fn a_secondary_field_picks_the_precise_kind() {
    let registry = refined_registry();
    let normalizer = Normalizer::new(&registry);
    let run = |detail: &str| {
        let body = json!({"refined": {"code": "BAD_LOGIN", "detail": detail}});
        normalizer.normalize(body.to_string().as_bytes(), &Context::default()).expect("under the limit")
    };
    let disabled = run("Account disabled");
    assert_eq!(disabled.kind(), Kind::DISABLED);
    assert_eq!(disabled.code(), Some("BAD_LOGIN"));
    assert!(disabled.detection().contains("/refined/detail"), "{}", disabled.detection());
    assert_eq!(run("Account temporarily LOCKED").kind(), Kind::LOCKED);
    let plain = run("Something else");
    assert_eq!(plain.kind(), Kind::AUTHENTICATION_FAILED);
    assert!(plain.variant().is_none());
}

#[test]
fn codes_are_cut_out_of_longer_strings() {
    let registry = refined_registry();
    let normalizer = Normalizer::new(&registry);
    for raw in ["WRONG_PASSWORD : try again", "com.vendor#WRONG_PASSWORD", "aws#WRONG_PASSWORD : x"] {
        let body = json!({"refined": {"code": raw, "detail": "x"}});
        let error = normalizer.normalize(body.to_string().as_bytes(), &Context::default()).expect("under the limit");
        assert_eq!(error.code(), Some("WRONG_PASSWORD"), "{raw}");
        assert_eq!(error.kind(), Kind::BAD_PASSWORD, "{raw}");
    }
}

#[test]
fn a_shape_may_carry_another_catalogues_codes() {
    let registry = refined_registry();
    let normalizer = Normalizer::new(&registry);
    let body = json!({"error": "invalid_grant", "error_description": "expired", "refined_oauth": true});
    let error =
        normalizer.normalize(body.to_string().as_bytes(), &Context::default().vendor("refined")).expect("known hint");
    assert_eq!(error.vendor(), Some("standard"));
    assert_eq!(error.kind(), Kind::TOKEN_INVALID);
}

#[test]
fn settings_and_undocumented_messages_are_kept() {
    let registry = refined_registry();
    let catalogue = registry.catalogue("refined").expect("added");
    assert_eq!(catalogue.get("NoSuchUser").and_then(|c| c.message()), None);
    let settings: Vec<_> = catalogue.settings_for("NoSuchUser").collect();
    assert_eq!(settings.len(), 1);
    assert_eq!(settings[0].into_code(), Some("BAD_LOGIN"));
    assert_eq!(catalogue.settings_for("BAD_LOGIN").count(), 1);
    assert_eq!(catalogue.get("auth/wrong-password").and_then(|c| c.same_as()), Some("WRONG_PASSWORD"));
    let code = registry.resolve("refined:NoSuchUser").expect("added");
    let text = errmap_auth::Messages::get().code_message(code, Locale::En);
    assert_eq!(text.text, errmap_auth::Messages::get().kind_message(Kind::USER_NOT_FOUND, Locale::En));
}

#[test]
fn refinements_are_checked() {
    let broken = REFINED
        .replace("equals = \"Account disabled\"", "equals = \"Account disabled\"\ncontains = \"x\"")
        .replace("into = \"BAD_LOGIN\"", "into = \"BAD_LOGINN\"")
        .replace("message_documented = false", "message_documented = false\nmessage = \"x\"");
    let Err(Error::InvalidCatalogue { problems, .. }) = Catalogue::from_toml(&broken, "broken.toml") else {
        panic!("the broken catalogue was accepted");
    };
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert!(messages.iter().any(|m| m.contains("exactly one of `equals` and `contains`")), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("'BAD_LOGINN' is not a code")), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("contradicts")), "{messages:?}");
}

#[test]
fn log_lines_are_records_or_bodies() {
    let normalizer = Normalizer::default();
    type Seen = (Option<String>, Option<String>, Kind, DetectedBy, String, Option<u16>);
    fn seen(e: &CanonicalError<'_>) -> Seen {
        let vendor = e.vendor().map(str::to_string);
        (
            vendor,
            e.code().map(str::to_string),
            e.kind(),
            e.detected_by(),
            e.detection().to_string(),
            e.upstream_status(),
        )
    }
    let body = r#"{"code":22011,"message":"该用户不存在"}"#;
    let direct = seen(&normalizer.normalize(body.as_bytes(), &Context::default().status(400)).unwrap());
    let as_text = serde_json::to_string(body).unwrap();
    for line in [
        format!(r#"{{"body":{body},"status":400}}"#),
        format!(r#"{{"status":400,"body":{as_text}}}"#),
        format!(r#"{{"b\u006fdy":{body},"status":400}}"#),
        format!(r#"{{"body":"ignored","body":{body},"status":400}}"#),
    ] {
        let error = normalizer.normalize_log_line(line.as_bytes(), &Context::default()).unwrap();
        assert_eq!(seen(&error), direct, "{line}");
    }
    // A line that is no record is a body, with the caller's context.
    let bare = normalizer.normalize_log_line(body.as_bytes(), &Context::default().status(400)).unwrap();
    assert_eq!(seen(&bare), direct);
    // A record's vendor wins over the caller's, and must name a catalogue.
    let line = format!(r#"{{"body":{body},"vendor":"authing"}}"#);
    let error = normalizer.normalize_log_line(line.as_bytes(), &Context::default().vendor("wilddog")).unwrap();
    assert_eq!(error.vendor(), Some("authing"));
    let line = format!(r#"{{"body":{body},"vendor":"wildog"}}"#);
    assert!(matches!(
        normalizer.normalize_log_line(line.as_bytes(), &Context::default()),
        Err(Error::UnknownVendor { .. })
    ));
}

#[test]
fn clerk_bodies_for_an_unknown_identifier_and_a_wrong_password_look_the_same_unless_exposed() {
    let clerk = |code: &str, message: &str| {
        let body = json!({
            "errors": [{"code": code, "message": message, "long_message": message, "meta": {"param_name": "identifier"}}],
            "clerk_trace_id": "89afc5e93845ef1e7bedb54ab80e3ef7",
        });
        normalize_json(&body, &Context::default().status(422))
    };
    let not_found = clerk("form_identifier_not_found", "Couldn't find your account.");
    let bad_password = clerk("form_password_incorrect", "Password is incorrect. Try again, or use another method.");
    assert_eq!((not_found.kind(), bad_password.kind()), (Kind::USER_NOT_FOUND, Kind::BAD_PASSWORD));
    assert_eq!(not_found.vendor(), Some("clerk"));
    let options = ProblemOptions::default();
    for locale in Locale::ALL {
        let (a, b) =
            (not_found.problem(locale, Expose::None, &options), bad_password.problem(locale, Expose::None, &options));
        assert_eq!(a.to_json(), b.to_json(), "{locale:?}");
        assert_eq!(a.kind, Kind::INVALID_CREDENTIALS);
        let (a, b) =
            (not_found.problem(locale, Expose::All, &options), bad_password.problem(locale, Expose::All, &options));
        assert_ne!(a.to_json(), b.to_json(), "{locale:?}");
    }
}

/// GitHub's token endpoint answers form-encoded unless asked for JSON (its web
/// application flow documentation shows this body).
#[test]
fn form_encoded_oauth_body_is_read() {
    let body = b"error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.&error_uri=https%3A%2F%2Fdocs.github.com%2Fapps%2Fmanaging-oauth-apps%2Ftroubleshooting-oauth-app-access-token-request-errors%2F%23bad-verification-code";
    let error = normalize(body, &Context::default().status(200));
    assert_eq!((error.vendor(), error.code()), (Some("github-oauth"), Some("bad_verification_code")));
    assert_eq!(error.kind().id(), "authorization_code_invalid");
    let broken = normalize(b"error=%zz", &Context::default());
    assert_eq!(broken.vendor(), None);
}

/// Some SDKs repeat the HTTP status in the body as a string.
#[test]
fn status_given_as_a_string_counts() {
    let body = br#"{"statusCode": "403", "error": "Forbidden", "message": "Insufficient scope, expected any of: read:users", "errorCode": "insufficient_scope"}"#;
    let error = normalize(body, &Context::default());
    assert_eq!(error.upstream_status(), Some(403));
}
