//! The catalogues gathered from vendors' SDKs and docs (`../shared/catalogs/*.json`,
//! copied byte for byte into `tests/fixtures/catalogs/`) against our `mappings/`:
//! every listed code present, with the vendor's message and HTTP status exactly, and
//! no code the vendor does not list.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use errmap_auth::catalogue::VariantTest;
use errmap_auth::{Catalogue, Registry};
use serde_json::Value;

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/catalogs is readable")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn load(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("readable fixture");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The lists of a vendor file whose entries are codes of the catalogue: `codes`, and
/// the lists our catalogue also carries (Keycloak's OAuth errors; Auth0's SDK codes; codes
/// seen from a vendor's servers that its table lacks, such as Azure AD B2C's AADB2C99001).
fn code_lists<'a>(document: &'a Value, catalogue: &Catalogue) -> Vec<(&'static str, &'a Vec<Value>)> {
    let mut lists = Vec::new();
    for name in ["codes", "oauth2_errors", "sdk_codes", "observed_codes_not_in_doc"] {
        let Some(list) = document[name].as_array() else { continue };
        let carried =
            name == "codes" || list.iter().any(|e| e["code"].as_str().is_some_and(|c| catalogue.get(c).is_some()));
        if carried {
            lists.push((name, list));
        }
    }
    lists
}

fn check_entry(catalogue: &Catalogue, list: &str, entry: &Value, problems: &mut Vec<String>) {
    let id = catalogue.id();
    let Some(code) = entry["code"].as_str() else {
        problems.push(format!("{id}/{list}: an entry without a code: {entry}"));
        return;
    };
    let Some(found) = catalogue.get(code) else {
        problems.push(format!("{id}/{list}: {code} is missing"));
        return;
    };
    // A catalogue written in Chinese (WeChat) has the vendor's Chinese as its message;
    // the vendor's English column is then one of the texts its servers are seen to send.
    let chinese = entry["message_zh_cn"].as_str().filter(|_| catalogue.language() == "zh-CN");
    if let Some(chinese) = chinese {
        if found.message() != Some(chinese) || found.language() != "zh-CN" {
            problems.push(format!(
                "{id}:{code}: message {:?} [{}], the vendor's is {chinese:?} [zh-CN]",
                found.message(),
                found.language()
            ));
        }
        if let Some(english) = entry["message_en"].as_str() {
            if !found.seen_messages().any(|seen| seen == english) {
                problems.push(format!("{id}:{code}: the vendor's English {english:?} is not among its seen texts"));
            }
        }
    }
    match entry.get("message_en") {
        _ if chinese.is_some() => {}
        Some(Value::String(message)) if found.message() != Some(message.as_str()) => {
            problems.push(format!("{id}:{code}: message {:?}, the vendor's is {message:?}", found.message()));
        }
        Some(Value::Null) if found.message().is_some() => {
            problems
                .push(format!("{id}:{code}: the vendor documents no message, the catalogue has {:?}", found.message()));
        }
        _ => {}
    }
    if let Some(status) = entry["http_status"].as_u64() {
        if found.http_status().map(u64::from) != Some(status) {
            problems.push(format!("{id}:{code}: HTTP status {:?}, the vendor's is {status}", found.http_status()));
        }
    }
    if let (Some(ours), Some(theirs)) = (found.symbol(), entry["symbol"].as_str()) {
        if ours != theirs {
            problems.push(format!("{id}:{code}: symbol {ours:?}, the vendor's is {theirs:?}"));
        }
    }
}

#[test]
fn every_listed_code_is_present_with_the_vendors_text() {
    let registry = Registry::builtin();
    let files = fixtures();
    assert!(files.len() >= 2, "the vendor lists are copied into tests/fixtures/catalogs");
    let mut problems = Vec::new();
    for path in &files {
        let document = load(path);
        let vendor = document["vendor"].as_str().expect("a vendor id");
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        assert_eq!(vendor, stem, "{}: named after its vendor", path.display());
        let catalogue = registry.catalogue(vendor).unwrap_or_else(|e| panic!("{vendor}: {e}"));
        let lists = code_lists(&document, catalogue);
        let mut listed = HashSet::new();
        for (name, list) in &lists {
            for entry in list.iter() {
                check_entry(catalogue, name, entry, &mut problems);
                listed.extend(entry["code"].as_str());
            }
        }
        for code in catalogue.codes() {
            if !listed.contains(code.code()) {
                problems.push(format!("{vendor}:{}: not in the vendor's lists", code.code()));
            }
        }
        let listed_count: usize = lists.iter().map(|(_, l)| l.len()).sum();
        let distinct: BTreeSet<&str> =
            lists.iter().flat_map(|(_, l)| l.iter().filter_map(|e| e["code"].as_str())).collect();
        assert_eq!(catalogue.codes().len(), distinct.len(), "{vendor}: {listed_count} listed entries");
    }
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_fixtures_are_the_shared_lists_byte_for_byte() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/catalogs");
    if !shared.is_dir() {
        // A checkout without ../shared beside it (a crate user's build) has only the copies.
        return;
    }
    for path in fixtures() {
        let name = path.file_name().expect("a file name");
        let original = std::fs::read(shared.join(name)).unwrap_or_else(|e| panic!("{name:?}: {e}"));
        assert_eq!(std::fs::read(&path).unwrap(), original, "{name:?} differs from ../shared/catalogs");
    }
}

/// The setting under which `merged` is reported as `into`, if the catalogue records one.
fn merged_into(vendor: &str, merged: &str) -> Option<String> {
    let catalogue = Registry::builtin().catalogue(vendor).ok()?;
    catalogue
        .settings_for(merged)
        .find(|s| s.merges().any(|c| c == merged))
        .and_then(|s| s.into_code().map(String::from))
}

#[test]
fn settings_that_hide_whether_a_user_exists_are_recorded() {
    assert_eq!(merged_into("cognito", "UserNotFoundException").as_deref(), Some("NotAuthorizedException"));
    assert_eq!(merged_into("firebase", "auth/user-not-found").as_deref(), Some("auth/invalid-credential"));
    assert_eq!(merged_into("firebase", "auth/wrong-password").as_deref(), Some("auth/invalid-credential"));
    assert_eq!(merged_into("firebase", "EMAIL_NOT_FOUND").as_deref(), Some("INVALID_LOGIN_CREDENTIALS"));
    let clerk_merged = Some("form_password_or_identifier_incorrect");
    assert_eq!(merged_into("clerk", "form_password_incorrect").as_deref(), clerk_merged);
    assert_eq!(merged_into("clerk", "form_identifier_not_found").as_deref(), clerk_merged);
    // Sign-up with a taken identifier is withheld under Clerk's protection, with no code in its place.
    let clerk = Registry::builtin().catalogue("clerk").unwrap();
    let withheld =
        clerk.settings_for("form_identifier_exists").find(|s| s.merges().any(|c| c == "form_identifier_exists"));
    assert!(withheld.is_some_and(|s| s.into_code().is_none()), "form_identifier_exists is withheld, not replaced");
    // Ory's security.account_enumeration.mitigate: identifier-first sign-in stops
    // answering 4000037 and fails later as 4000006; profile registration stops answering
    // 4010003 and reports nothing in its place.
    assert_eq!(merged_into("ory-kratos", "4000037").as_deref(), Some("4000006"));
    assert_eq!(merged_into("ory-kratos", "4010003"), None);
    let kratos = Registry::builtin().catalogue("kratos").unwrap();
    assert!(kratos.settings_for("4010003").any(|s| s.merges().any(|c| c == "4010003")));
    // Both spellings of one Firebase condition resolve, linked.
    let registry = Registry::builtin();
    let rest = registry.resolve("firebase:EMAIL_NOT_FOUND").unwrap();
    assert_eq!(rest.entry().same_as(), Some("auth/user-not-found"));
    let sdk = registry.resolve("firebase:auth/user-not-found").unwrap();
    assert_eq!(errmap_auth::relate(rest, sdk), Some(errmap_auth::Relation::Exact));
}

#[test]
fn one_code_several_conditions_are_told_apart() {
    let registry = Registry::builtin();
    let conditions = |reference: &str| -> Vec<(String, String)> {
        let code = registry.resolve(reference).unwrap_or_else(|e| panic!("{reference}: {e}"));
        code.entry()
            .variants()
            .iter()
            .map(|v| {
                let text = match v.test() {
                    VariantTest::Equals(t) | VariantTest::Contains(t) => t.to_string(),
                };
                (text, v.kind().id().to_string())
            })
            .collect()
    };
    let not_authorized = conditions("cognito:NotAuthorizedException");
    assert!(not_authorized.contains(&("User is disabled.".into(), "disabled".into())), "{not_authorized:?}");
    assert!(
        not_authorized.contains(&("Incorrect username or password.".into(), "invalid_credentials".into())),
        "{not_authorized:?}"
    );
}

/// The built-in catalogues, generated at build time, hold what their files say when the
/// same files are parsed at run time: placeholders and seen texts included, which the
/// generated tables keep in one shared list.
#[test]
fn built_in_codes_keep_their_placeholders_and_seen_texts_apart() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings");
    let mut problems = Vec::new();
    for path in Catalogue::files_at(&folder).expect("mappings/ is readable") {
        let parsed = Catalogue::from_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let builtin = Registry::builtin().catalogue(parsed.id()).expect("every file is built in");
        for code in parsed.codes() {
            let ours = builtin.get(code.code()).expect("every code is built in");
            let (params, built_params): (Vec<_>, Vec<_>) = (code.params().collect(), ours.params().collect());
            if params != built_params {
                problems.push(format!(
                    "{}:{}: params {built_params:?}, the file's {params:?}",
                    parsed.id(),
                    code.code()
                ));
            }
            let (seen, built_seen): (Vec<_>, Vec<_>) = (code.seen_messages().collect(), ours.seen_messages().collect());
            if seen != built_seen {
                problems.push(format!("{}:{}: seen {built_seen:?}, the file's {seen:?}", parsed.id(), code.code()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_names_people_type_find_the_catalogue() {
    let registry = Registry::builtin();
    let typed = [
        ("entra-id", ["azure-ad", "aad", "microsoft", "entra"].as_slice()),
        ("azure-ad-b2c", &["b2c"]),
        ("better-auth", &["better_auth", "Better_Auth"]),
        ("wechat", &["weixin", "wx"]),
        ("ory-kratos", &["kratos", "ory", "ory_kratos"]),
        ("github-oauth", &["github"]),
        ("google-oauth", &["google"]),
        ("apple-signin", &["apple"]),
        ("authing-v2", &["AUTHING_V2"]),
    ];
    for (id, names) in typed {
        for name in names {
            let found = registry.catalogue(name).map(|c| c.id().to_string());
            assert_eq!(found.ok().as_deref(), Some(id), "{name:?} names {id}");
        }
    }
    assert!(registry.catalogue("better__auth").is_err(), "only one `_` for each `-`");
}
