//! Confidence and evidence: on every candidate of `translate` and `table` in JSON, in
//! every table format, and `table --min-confidence`, through the real binary.

use errmap_auth::{Registry, Relation, assess};
use serde_json::Value;

mod common;

use common::{errmap, json, run};

fn confidence(value: &Value) -> f64 {
    value["confidence"].as_f64().unwrap_or_else(|| panic!("no confidence in {value}"))
}

#[test]
fn every_translate_candidate_carries_confidence_and_evidence() {
    let value = json(&["translate", "authing:2006"]);
    let mut seen = 0;
    for target in value["targets"].as_array().expect("targets") {
        for candidate in target["matches"].as_array().expect("matches") {
            let c = confidence(candidate);
            assert!((0.0..=1.0).contains(&c), "{candidate}");
            let evidence = candidate["evidence"].as_array().expect("evidence is a list");
            assert!(!evidence.is_empty() && evidence.iter().all(Value::is_string), "{candidate}");
            seen += 1;
        }
    }
    assert!(seen > 10, "only {seen} candidates");
}

#[test]
fn a_candidate_is_weighed_on_what_errmap_knows() {
    let registry = Registry::builtin();
    let best = |from: &str, to: &str| {
        let source = registry.resolve(from).unwrap();
        let translation = registry.translate(source, registry.catalogue(to).unwrap());
        let best = *translation.best().expect("a candidate");
        (best, assess(source, &best))
    };
    // The same RFC 6749 value passed through by two vendors is as sure as it gets.
    let (candidate, assessment) = best("keycloak:invalid_grant", "oauth2");
    assert_eq!((candidate.code.code(), candidate.relation), ("invalid_grant", Relation::Exact));
    assert!(assessment.confidence >= 0.95, "{assessment:?}");
    assert!(assessment.evidence.iter().any(|e| e.to_string() == "same standard error value invalid_grant"));
    // An exact pair outranks a broader one in confidence too.
    let (_, exact) = best("wilddog:22011", "authing");
    let (_, broader) = best("authing:2006", "oneaccess");
    assert!(exact.confidence > broader.confidence, "{exact:?} / {broader:?}");
    assert!(broader.evidence.iter().any(|e| e.to_string().starts_with("target kind 1 step")), "{broader:?}");
}

#[test]
fn the_same_code_is_certain() {
    let registry = Registry::builtin();
    let source = registry.resolve("wilddog:22011").unwrap();
    let translation = registry.translate(source, source.catalogue());
    let assessment = assess(source, translation.best().unwrap());
    assert_eq!(assessment.confidence, 1.0);
}

#[test]
fn table_json_rows_carry_confidence_and_hide_weak_candidates() {
    let all = json(&["table", "wilddog", "authing"]);
    let rows = all["rows"].as_array().unwrap();
    let weak = rows.iter().filter(|r| r["target"].is_object() && confidence(r) < 0.6).count();
    assert!(weak > 0, "the test needs a row below 0.6");
    for row in rows {
        assert_eq!(row["target"].is_null(), row["confidence"].is_null(), "{row}");
        assert_eq!(row["weak_candidate_hidden"], false);
    }
    let strict = json(&["table", "wilddog", "authing", "--min-confidence", "0.6"]);
    let hidden: Vec<&Value> =
        strict["rows"].as_array().unwrap().iter().filter(|r| r["weak_candidate_hidden"] == true).collect();
    assert_eq!(hidden.len(), weak);
    assert!(hidden.iter().all(|r| r["target"].is_null() && r["relation"] == "none"));
    assert_eq!(strict["summary"]["weak_hidden"], weak);
    assert_eq!(strict["summary"]["total"], rows.len());
}

#[test]
fn min_confidence_works_in_every_table_format() {
    let hidden_label = "no equivalent (weak candidate hidden)";
    let table = |format: &str| {
        let result = run(errmap().args(["table", "wilddog", "authing", "--min-confidence", "0.6", "--format", format]));
        assert_eq!(result.code, 0, "{format}: {}", result.stderr);
        result.stdout
    };
    let text = table("text");
    assert!(text.contains(hidden_label) && text.contains("weak hidden"), "{text}");
    assert!(table("md").contains(hidden_label));
    let csv = table("csv");
    assert!(csv.starts_with("source_code,") && csv.lines().next().unwrap().ends_with(",confidence"));
    let sssom = table("sssom");
    assert!(sssom.lines().any(|l| l.starts_with("subject_id\t") && l.contains("\tconfidence\t")));
    assert!(sssom.contains("weak candidate in authing hidden by --min-confidence"));
}

#[test]
fn a_confidence_outside_zero_to_one_is_a_usage_error() {
    for bad in ["1.5", "-0.1", "high"] {
        let result = run(errmap().args(["table", "wilddog", "authing", "--min-confidence", bad]));
        assert_eq!(result.code, 2, "{bad}: {}", result.stdout);
        assert!(result.stderr.contains("from 0 to 1"), "{bad}: {}", result.stderr);
    }
}
