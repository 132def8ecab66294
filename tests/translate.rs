//! Translations a migration engineer knows the answer to, and the registry's handling
//! of names, aliases and user catalogues.

use errmap_auth::{Catalogue, Error, Kind, Registry, Relation};

fn best(reference: &str, target: &str) -> Option<(String, Relation)> {
    let registry = Registry::builtin();
    let source = registry.resolve(reference).unwrap();
    let translation = registry.translate(source, registry.catalogue(target).unwrap());
    translation.best().map(|m| (m.code.code().to_string(), m.relation))
}

fn pair(code: &str, relation: Relation) -> Option<(String, Relation)> {
    Some((code.to_string(), relation))
}

#[test]
fn known_equivalents() {
    assert_eq!(best("wilddog:22011", "authing"), pair("2004", Relation::Exact));
    assert_eq!(best("authing:2004", "wilddog"), pair("22011", Relation::Exact));
    assert_eq!(best("authing:2006", "wilddog"), pair("22010", Relation::Exact));
    assert_eq!(best("authing:2005", "authing-v2"), pair("2005", Relation::Exact));
    assert_eq!(best("authing:1636", "authing-android"), pair("1636", Relation::Exact));
    assert_eq!(best("authing-android:1639", "authing"), pair("1639", Relation::Exact));
    assert_eq!(best("wilddog:22013", "authing-v2"), pair("2200", Relation::Exact));
    assert_eq!(best("oneaccess:APP.0001", "authing"), pair("2011", Relation::Exact));
    assert_eq!(best("oneaccess:COM.0002", "authing-v2"), pair("1000", Relation::Exact));
}

#[test]
fn merged_and_split_cases_are_broader_and_narrower() {
    // OneAccess only reports the merged case.
    assert_eq!(best("authing:2006", "oneaccess"), pair("LOGIN.0002", Relation::Broader));
    assert_eq!(best("oneaccess:LOGIN.0002", "authing"), pair("2333", Relation::Exact));
    let registry = Registry::builtin();
    let merged = registry.resolve("oneaccess:LOGIN.0002").unwrap();
    let translation = registry.translate(merged, registry.catalogue("wilddog").unwrap());
    let narrower: Vec<&str> =
        translation.matches.iter().filter(|m| m.relation == Relation::Narrower).map(|m| m.code.code()).collect();
    assert!(narrower.contains(&"22010") && narrower.contains(&"22011"), "{narrower:?}");
    // A temporary lockout is one case of a lock.
    assert_eq!(best("oneaccess:LOGIN.0001", "authing"), pair("2005", Relation::Broader));
    assert_eq!(best("authing:2005", "oneaccess"), pair("LOGIN.0001", Relation::Narrower));
}

#[test]
fn same_number_different_catalogue_is_a_different_code() {
    let registry = Registry::builtin();
    let v3 = registry.resolve("authing:2040").unwrap();
    let v2 = registry.resolve("authing-v2:2040").unwrap();
    assert_eq!(v3.kind(), Kind::DOMAIN_TAKEN);
    assert_eq!(v2.kind(), Kind::QUOTA_EXCEEDED);
    assert_eq!(errmap_auth::relate(v3, v2), None);
    let into_v2 = registry.translate(v3, registry.catalogue("authing-v2").unwrap());
    assert!(into_v2.matches.iter().all(|m| m.code.code() != "2040"));
    assert_eq!(best("authing:2040", "authing-v2"), pair("2039", Relation::Broader));
}

#[test]
fn no_equivalent_is_an_empty_list_with_a_fallback_apart() {
    let registry = Registry::builtin();
    let source = registry.resolve("authing-v2:2040").unwrap();
    let translation = registry.translate(source, registry.catalogue("wilddog").unwrap());
    assert!(translation.matches.is_empty());
    assert_eq!(translation.fallback.map(|f| f.code()), Some("29999"));
    // The catch-all itself maps to nothing elsewhere, and nothing is offered in its place.
    let unknown = registry.resolve("wilddog:29999").unwrap();
    for target in registry.translate_all(unknown) {
        assert!(target.matches.is_empty(), "{}", target.target.id());
    }
}

#[test]
fn names_are_case_insensitive_and_aliases_work() {
    let registry = Registry::builtin();
    assert_eq!(registry.resolve("AUTHING-V3:2004").unwrap().catalogue().id(), "authing");
    assert_eq!(registry.resolve("Huawei-OneAccess:login.0002").unwrap().code(), "LOGIN.0002");
    assert_eq!(registry.resolve("wilddog:invalid_user").unwrap().code(), "22011");
    assert_eq!(registry.resolve(" wilddog : 22011 ").unwrap().code(), "22011");
}

#[test]
fn errors_say_what_would_be_right() {
    let registry = Registry::builtin();
    match registry.resolve("wildog:22011") {
        Err(Error::UnknownVendor { suggestion, known, .. }) => {
            assert_eq!(suggestion.as_deref(), Some("wilddog"));
            assert_eq!(known.len(), registry.catalogues().len());
        }
        other => panic!("{other:?}"),
    }
    match registry.resolve("wilddog:2004") {
        Err(error @ Error::UnknownCode { .. }) => {
            let text = error.to_string();
            assert!(text.contains("authing") && text.contains("authing-v2"), "{text}");
        }
        other => panic!("{other:?}"),
    }
    for malformed in ["wilddog", "wilddog:", ":22011", ""] {
        assert!(matches!(registry.resolve(malformed), Err(Error::MalformedReference { .. })), "{malformed}");
    }
}

const IN_HOUSE: &str = r#"
id = "in-house"
name = "Our gateway"
language = "en"

[[code]]
code = "E42"
message = "No such user."
kind = "user_not_found"
match = "exact"
"#;

#[test]
fn user_catalogues_join_the_registry() {
    let mut registry = Registry::new();
    registry.add(Catalogue::from_toml(IN_HOUSE, "in-house.toml").unwrap()).unwrap();
    let source = registry.resolve("in-house:E42").unwrap();
    let translation = registry.translate(source, registry.catalogue("wilddog").unwrap());
    assert_eq!(translation.best().map(|m| (m.code.code(), m.relation)), Some(("22011", Relation::Exact)));
    let again = Catalogue::from_toml(IN_HOUSE, "again.toml").unwrap();
    assert!(matches!(registry.add(again), Err(Error::DuplicateCatalogue { builtin: false, .. })));
}

#[test]
fn a_user_catalogue_cannot_silently_replace_a_builtin_one() {
    let text = IN_HOUSE.replace("in-house", "wilddog");
    let mut registry = Registry::new();
    let error = registry.add(Catalogue::from_toml(&text, "wilddog.toml").unwrap()).unwrap_err();
    assert!(matches!(error, Error::DuplicateCatalogue { builtin: true, .. }));
    assert!(error.to_string().contains("overrides = true"));
    let text = text.replace("language = \"en\"", "language = \"en\"\noverrides = true");
    registry.add(Catalogue::from_toml(&text, "wilddog.toml").unwrap()).unwrap();
    assert_eq!(registry.catalogue("wilddog").unwrap().codes().len(), 1);
}

#[test]
fn an_override_that_cannot_be_added_leaves_the_registry_as_it_was() {
    // Overrides wilddog, but also claims the alias `authing`, which another built-in
    // catalogue answers to.
    let text = IN_HOUSE
        .replace("in-house", "wilddog")
        .replace("language = \"en\"", "language = \"en\"\noverrides = true\naliases = [\"authing\"]");
    let mut registry = Registry::new();
    let before = registry.catalogues().len();
    let error = registry.add(Catalogue::from_toml(&text, "wilddog.toml").unwrap()).unwrap_err();
    assert!(matches!(error, Error::DuplicateCatalogue { builtin: true, overrides: true, .. }), "{error:?}");
    assert!(!error.to_string().contains("overrides = true"), "{error}");
    assert!(error.to_string().contains("another alias"), "{error}");
    assert_eq!(registry.catalogues().len(), before);
    let wilddog = registry.catalogue("wilddog").unwrap();
    assert!(wilddog.codes().len() > 1, "the built-in wilddog is still there");
    assert_eq!(registry.resolve("wilddog:22011").unwrap().kind().id(), "user_not_found");
}

#[test]
fn a_bad_catalogue_reports_every_problem_with_line_and_column() {
    let text = "id = \"mine\"\nname = \"Mine\"\nlanguage = \"en\"\n\n[[code]]\ncode = \"A\"\nmessage = \"x\"\nkind = \"user_not_fund\"\nmatch = \"exact\"\n\n[[code]]\ncode = \"A\"\nkind = \"locked\"\nmatch = \"narrower\"\n";
    let Err(Error::InvalidCatalogue { problems, .. }) = Catalogue::from_toml(text, "mine.toml") else {
        panic!("expected problems");
    };
    let found: Vec<(usize, &str)> = problems.iter().map(|p| (p.line, p.message.as_str())).collect();
    assert!(found.contains(&(8, "unknown kind 'user_not_fund'; did you mean 'user_not_found'?")), "{found:?}");
    assert!(found.iter().any(|(line, m)| *line == 11 && m.contains("missing field `message`")), "{found:?}");
    assert!(found.iter().any(|(line, m)| *line == 12 && m.contains("duplicate code 'A'")), "{found:?}");
    assert!(found.iter().any(|(line, m)| *line == 14 && m.contains("needs a `reason`")), "{found:?}");
    assert_eq!(problems[0].column, 8, "{problems:?}");
}

const STATED: &str = r#"
id = "stated"
name = "A gateway with statements"
language = "en"

[[code]]
code = "NO_APP"
message = "No such application."
kind = "app_not_found"
match = "exact"

[[code]]
code = "NO_USER"
message = "No such user."
kind = "user_not_found"
match = "exact"

[[statement]]
code = "NO_APP"
predicate = "close"
object = "keycloak:client_not_found"
justification = "manual_curation"
reason = "Our applications are OAuth clients: an unknown client id is an unknown application."

[[statement]]
code = "NO_USER"
predicate = "none"
object = "wilddog:22011"
justification = "mapping_review"
reason = "Said only to test that a statement can take a pair apart."
"#;

#[test]
fn statements_override_the_tree_in_both_directions() {
    let mut registry = Registry::new();
    registry.add(Catalogue::from_toml(STATED, "stated.toml").unwrap()).unwrap();
    let no_app = registry.resolve("stated:NO_APP").unwrap();
    let client = registry.resolve("keycloak:client_not_found").unwrap();
    // The kinds alone relate nothing here: app_not_found and client_not_found are in
    // different branches of the tree.
    assert_eq!(errmap_auth::relate(no_app, client), Some(Relation::Close));
    assert_eq!(errmap_auth::relate(client, no_app), Some(Relation::Close));
    let forward = registry.translate(no_app, client.catalogue());
    assert_eq!(forward.best().map(|m| (m.code.code(), m.relation)), Some(("client_not_found", Relation::Close)));
    let backward = registry.translate(client, no_app.catalogue());
    assert_eq!(backward.best().map(|m| (m.code.code(), m.relation)), Some(("NO_APP", Relation::Close)));

    let no_user = registry.resolve("stated:NO_USER").unwrap();
    let wilddog = registry.resolve("wilddog:22011").unwrap();
    assert_eq!(errmap_auth::relate(no_user, wilddog), None);
    assert_eq!(errmap_auth::relate(wilddog, no_user), None);
    assert!(!registry.translate(no_user, wilddog.catalogue()).matches.iter().any(|m| m.code.same_as(&wilddog)));
}

#[test]
fn statements_are_checked_with_line_and_column() {
    let broken = STATED
        .replace("predicate = \"close\"", "predicate = \"same\"")
        .replace("keycloak:client_not_found", "keycloak");
    let error = Catalogue::from_toml(&broken, "stated.toml").unwrap_err().to_string();
    assert!(error.contains("invalid predicate 'same'"), "{error}");
    assert!(error.contains("invalid object 'keycloak'"), "{error}");
    assert!(error.contains("stated.toml:"), "{error}");
}

#[test]
fn a_general_code_is_not_answered_with_one_unnamed_case_of_it() {
    // Wilddog 22001 is any service error; Authing 1707 is one specific internal error
    // (binding a face failed). Listed as narrower, never the best answer.
    let registry = Registry::builtin();
    let source = registry.resolve("wilddog:22001").unwrap();
    let translation = registry.translate(source, registry.catalogue("authing").unwrap());
    assert!(translation.matches.iter().any(|m| m.code.code() == "1707" && m.is_specific_case()));
    assert!(translation.best().is_none_or(|m| m.code.code() != "1707"));
}
