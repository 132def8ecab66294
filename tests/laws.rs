//! The laws of translation (SKOS), checked over the built-in codes with proptest, and
//! exhaustively where all pairs are cheap enough to visit.

use errmap_auth::{Catalogue, CodeRef, KindMatch, Locale, Registry, Relation, relate};
use proptest::prelude::*;

fn all_codes() -> Vec<CodeRef<'static>> {
    Registry::builtin().catalogues().iter().flat_map(Catalogue::code_refs).collect()
}

fn code() -> impl Strategy<Value = CodeRef<'static>> {
    let codes = all_codes();
    (0..codes.len()).prop_map(move |i| codes[i])
}

fn catalogue() -> impl Strategy<Value = &'static Catalogue> {
    let catalogues = Registry::builtin().catalogues();
    (0..catalogues.len()).prop_map(move |i| &catalogues[i])
}

fn relation_of(source: CodeRef<'static>, target: CodeRef<'static>) -> Option<Relation> {
    let registry = Registry::builtin();
    registry.translate(source, target.catalogue()).matches.iter().find(|m| m.code.same_as(&target)).map(|m| m.relation)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_code_is_its_own_best_exact_match(x in code()) {
        let translation = Registry::builtin().translate(x, x.catalogue());
        let best = translation.best().expect("a code always matches itself");
        prop_assert!(best.code.same_as(&x), "{x:?}: best match is {:?}", best.code);
        prop_assert_eq!(best.relation, Relation::Exact);
    }

    #[test]
    fn relations_are_converse(x in code(), y in code()) {
        let forward = relation_of(x, y);
        let backward = relation_of(y, x);
        prop_assert_eq!(forward.map(Relation::inverse), backward, "{:?} -> {:?}", x, y);
    }

    #[test]
    fn ranking_is_deterministic_and_best_first(x in code(), target in catalogue()) {
        let registry = Registry::builtin();
        let first = registry.translate(x, target);
        let second = registry.translate(x, target);
        let key = |t: &errmap_auth::Translation<'_>| -> Vec<(String, Relation, u8)> {
            t.matches.iter().map(|m| (m.code.code().to_string(), m.relation, m.distance)).collect()
        };
        prop_assert_eq!(key(&first), key(&second));
        prop_assert!(first.matches.windows(2).all(|w| (w[0].relation, w[0].distance) <= (w[1].relation, w[1].distance)));
    }

    #[test]
    fn a_fallback_is_never_a_match(x in code(), target in catalogue()) {
        let translation = Registry::builtin().translate(x, target);
        if let Some(fallback) = translation.fallback {
            prop_assert!(!translation.matches.iter().any(|m| m.code.same_as(&fallback)));
            prop_assert!(translation.matches.iter().all(|m| m.relation == Relation::Related || m.is_specific_case()));
        }
    }

    #[test]
    fn no_input_string_panics(text in any::<String>(), other in any::<String>()) {
        let registry = Registry::builtin();
        let _ = registry.resolve(&text);
        let _ = registry.lookup(&text, &other);
        let _ = registry.lookup("wilddog", &text);
        let _ = registry.catalogue(&text);
        let _ = Locale::negotiate(&text);
        let _ = Locale::choose(Some(&text), |_| None);
        let _ = Locale::choose(None, |_| Some(text.clone()));
        let _ = errmap_auth::Kind::from_id(&text);
        let _ = errmap_auth::text::sanitize(&text);
        let _ = errmap_auth::text::suggest(&text, [other.as_str()]);
        let _ = Catalogue::from_toml(&text, "input.toml");
        if let Ok(code) = registry.resolve(&format!("wilddog:{text}")) {
            prop_assert!(code.code() == text.trim() || code.code().eq_ignore_ascii_case(text.trim()) || code.symbol().is_some());
        }
    }

    #[test]
    fn sanitized_text_has_no_control_characters(text in any::<String>()) {
        prop_assert!(!errmap_auth::text::sanitize(&text).chars().any(char::is_control));
    }
}

/// Every pair of built-in codes: 283² relate calls take well under a second.
#[test]
fn laws_hold_for_every_pair() {
    let codes = all_codes();
    for &x in &codes {
        for &y in &codes {
            let forward = relate(x, y);
            assert_eq!(forward.map(Relation::inverse), relate(y, x), "{x:?} / {y:?}");
            if forward == Some(Relation::Exact) && !x.same_as(&y) {
                // Two codes that mean one kind exactly, or one standard error value
                // meant the same way.
                assert_eq!(x.kind(), y.kind(), "{x:?} exact {y:?}");
                assert_eq!(x.kind_match(), y.kind_match(), "{x:?} exact {y:?}");
                assert!(x.kind_match() == KindMatch::Exact || x.code() == y.code(), "{x:?} exact {y:?}");
            }
        }
    }
}

#[test]
fn exact_is_transitive() {
    let codes = all_codes();
    for &x in &codes {
        let exact: Vec<_> = codes.iter().filter(|y| relate(x, **y) == Some(Relation::Exact)).collect();
        for y in &exact {
            for z in codes.iter().filter(|z| relate(**y, **z) == Some(Relation::Exact)) {
                assert_eq!(relate(x, *z), Some(Relation::Exact), "{x:?} = {y:?} = {z:?}");
            }
        }
    }
}

#[test]
fn a_narrower_code_is_an_exact_match_only_for_itself_or_the_same_standard_value() {
    let codes = all_codes();
    let builtin = Registry::builtin();
    let standard = |code: &str| builtin.catalogues().iter().any(|c| c.is_standard() && c.get(code).is_some());
    for &x in codes.iter().filter(|c| c.kind_match() == KindMatch::Narrower) {
        for &y in &codes {
            if relate(x, y) == Some(Relation::Exact) {
                assert!(
                    x.same_as(&y) || (x.code() == y.code() && standard(x.code())),
                    "{x:?} is narrower but exact for {y:?}"
                );
            }
        }
    }
}

#[test]
fn the_same_standard_value_meant_the_same_way_is_exact() {
    let builtin = Registry::builtin();
    let slow_down = |catalogue| builtin.resolve(&format!("{catalogue}:slow_down")).expect("a code of both");
    assert_eq!(relate(slow_down("keycloak"), slow_down("oauth2")), Some(Relation::Exact));
    let translation = builtin.translate(slow_down("keycloak"), builtin.catalogue("oauth2").expect("built in"));
    assert_eq!(translation.best().map(|m| (m.code.code(), m.relation)), Some(("slow_down", Relation::Exact)));
}

/// Every code into every catalogue (about 60,000 translations, seconds even unoptimized):
/// `translate` lists exactly the codes `relate` relates, with the same relation,
/// including the `same_as` twins of a code a statement names.
#[test]
fn translate_finds_exactly_what_relate_says() {
    let registry = Registry::builtin();
    let mut wrong = Vec::new();
    for x in all_codes() {
        for target in registry.catalogues() {
            let translation = registry.translate(x, target);
            for candidate in &translation.matches {
                if Some(candidate.relation) != relate(x, candidate.code) {
                    wrong.push(format!(
                        "{x:?} -> {:?}: translate says {:?}, relate {:?}",
                        candidate.code,
                        candidate.relation,
                        relate(x, candidate.code)
                    ));
                }
            }
            for y in target.code_refs().filter(|y| relate(x, *y).is_some()) {
                if !translation.matches.iter().any(|m| m.code.same_as(&y)) {
                    wrong.push(format!("{x:?} -> {y:?}: relate says {:?}, translate lists it not", relate(x, y)));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} disagreements, the first:\n{}",
        wrong.len(),
        wrong.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
}
