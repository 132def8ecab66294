//! The corpus of captured error bodies (`tests/corpus/*.toml`): bodies vendors really
//! sent, copied from public SDK tests, mocks, docs and issue reports, each with the
//! catalogue, code and kind judged by someone who did not write the mappings.
//!
//! A body is normalized right when the vendor and code are the expected ones (the code
//! only where the catalogue defines it) and the kind is the expected kind or one below
//! it. Scored with the vendor named (as a gateway that knows its upstream does) and
//! without. Run `cargo test --test corpus -- --nocapture` for the figures and misses.

use std::path::Path;

use errmap_auth::{Context, Kind, Normalizer};
use serde::Deserialize;

/// The shares of bodies that must come out right; raised as normalization improves,
/// never lowered to let a change through.
const FLOOR_HINTED: f64 = 0.75;
const FLOOR_UNHINTED: f64 = 0.69;

#[derive(Deserialize)]
struct CorpusFile {
    body: Vec<Captured>,
}

#[derive(Deserialize)]
struct Captured {
    id: String,
    body: String,
    status: Option<u16>,
    catalogue: String,
    code: String,
    #[serde(default = "yes")]
    in_catalogue: bool,
    kind: String,
}

fn yes() -> bool {
    true
}

fn corpus() -> Vec<Captured> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/corpus is readable")
        .map(|e| e.expect("tests/corpus is readable").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut bodies = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("a corpus file is readable");
        let file: CorpusFile = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        bodies.extend(file.body);
    }
    bodies
}

fn is_at_or_below(kind: Kind, expected: Kind) -> bool {
    std::iter::successors(Some(kind), |k| k.parent()).any(|k| k == expected)
}

/// What normalizing the body gave, when it is not what was expected.
fn miss(normalizer: &Normalizer<'_>, body: &Captured, hinted: bool) -> Option<String> {
    let mut context = Context { status: body.status, ..Context::default() };
    if hinted {
        context = context.vendor(&body.catalogue);
    }
    let error = match normalizer.normalize(body.body.as_bytes(), &context) {
        Ok(error) => error,
        Err(e) => return Some(format!("error: {e}")),
    };
    let expected = Kind::from_id(&body.kind).expect("checked by every_expected_kind_exists");
    let right = error.vendor() == Some(body.catalogue.as_str())
        && (!body.in_catalogue || error.code() == Some(body.code.as_str()))
        && is_at_or_below(error.kind(), expected);
    (!right).then(|| format!("{:?} {:?} {}", error.vendor(), error.code(), error.kind().id()))
}

#[test]
fn every_expected_kind_and_code_exists() {
    let registry = errmap_auth::Registry::builtin();
    let mut problems = Vec::new();
    for body in corpus() {
        if Kind::from_id(&body.kind).is_none() {
            problems.push(format!("{}: no kind {}", body.id, body.kind));
        }
        let known = registry.lookup(&body.catalogue, &body.code).is_ok_and(|c| c.code() == body.code);
        if known != body.in_catalogue {
            problems.push(format!("{}: {}:{} in_catalogue should be {known}", body.id, body.catalogue, body.code));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn captured_bodies_normalize_to_the_judged_code_and_kind() {
    let normalizer = Normalizer::default();
    let bodies = corpus();
    let mut report = Vec::new();
    let mut scores = [0.0; 2];
    for (slot, hinted) in [(0, true), (1, false)] {
        let misses: Vec<String> = bodies
            .iter()
            .filter_map(|b| {
                miss(&normalizer, b, hinted)
                    .map(|got| format!("  {}: expected {} {} {}, got {got}", b.id, b.catalogue, b.code, b.kind))
            })
            .collect();
        let right = bodies.len() - misses.len();
        scores[slot] = right as f64 / bodies.len() as f64;
        let label = if hinted { "with the vendor named" } else { "without a hint" };
        println!("captured bodies {label}: {right} of {} right ({:.1}%)", bodies.len(), scores[slot] * 100.0);
        report.extend(misses.into_iter().map(|m| format!("[{label}] {m}")));
    }
    println!("{}", report.join("\n"));
    assert!(
        scores[0] >= FLOOR_HINTED,
        "hinted {:.1}% is below the floor of {:.0}%",
        scores[0] * 100.0,
        FLOOR_HINTED * 100.0
    );
    assert!(
        scores[1] >= FLOOR_UNHINTED,
        "unhinted {:.1}% is below the floor of {:.0}%",
        scores[1] * 100.0,
        FLOOR_UNHINTED * 100.0
    );
}
