//! Normalizing a raw error body of each built-in catalogue (the fixtures of
//! `tests/fixtures/bodies/<catalogue>/`), against parsing the same bytes into
//! `serde_json::Value` as the floor measured in the same run, and the gateway's whole
//! path (normalize, render, problem+json).
//!
//! Per catalogue: `<id>` is one body, the first fixture (by name) with a known code and
//! no vendor hint, so detection, extraction and classification all run; `<id>_all` is
//! every fixture of the folder one after the other (unknown codes matched by message,
//! hints, statuses), and `other_all` the bodies of no vendor (HTML, empty, arrays).
//!
//! Run with `cargo bench --bench normalize`; `benches/figures.sh` turns the medians
//! into the README's table with ratios.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use errmap_auth::{Context, Expose, Locale, Normalizer, ProblemOptions, Registry};
use serde_json::Value;

/// One fixture: the raw bytes and what the gateway knew.
struct Body {
    file: String,
    bytes: Vec<u8>,
    status: Option<u16>,
    vendor: Option<String>,
    known: bool,
}

impl Body {
    fn context(&self) -> Context<'_> {
        Context { status: self.status, vendor: self.vendor.as_deref(), content_type: None }
    }
}

fn fixtures(folder: &str) -> Vec<Body> {
    let dir: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bodies").join(folder);
    let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> =
        entries.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let fixture: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            let bytes = match &fixture["body"] {
                Value::String(raw) => raw.clone().into_bytes(),
                json => serde_json::to_vec(json).unwrap(),
            };
            let context = &fixture["context"];
            Body {
                file: path.file_name().unwrap().to_string_lossy().into_owned(),
                bytes,
                status: context["status"].as_u64().map(|s| s as u16),
                vendor: context["vendor"].as_str().map(str::to_string),
                known: fixture["expect"]["known"].as_bool() == Some(true),
            }
        })
        .collect()
}

fn parse_all(bodies: &[Body]) -> usize {
    bodies.iter().filter(|b| serde_json::from_slice::<Value>(black_box(&b.bytes)).is_ok()).count()
}

fn normalize_all(normalizer: &Normalizer<'_>, bodies: &[Body]) -> usize {
    bodies.iter().filter(|b| normalizer.normalize(black_box(&b.bytes), &b.context()).is_ok()).count()
}

fn normalize(c: &mut Criterion) {
    let normalizer = Normalizer::default();
    let mut group = c.benchmark_group("normalize");
    group.warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
    let folders = Registry::builtin().catalogues().iter().map(|c| c.id().to_string()).chain(["other".to_string()]);
    for folder in folders {
        let bodies = fixtures(&folder);
        if bodies.is_empty() {
            eprintln!("normalize: no fixtures for {folder}");
            continue;
        }
        if let Some(body) = bodies.iter().find(|b| b.known && b.vendor.is_none()) {
            eprintln!("normalize {folder}: {} ({} bytes)", body.file, body.bytes.len());
            let context = body.context();
            group.bench_function(format!("{folder}_floor"), |b| {
                b.iter(|| serde_json::from_slice::<Value>(black_box(&body.bytes)).is_ok())
            });
            group
                .bench_function(folder.as_str(), |b| b.iter(|| normalizer.normalize(black_box(&body.bytes), &context)));
        }
        group.bench_function(format!("{folder}_all_floor"), |b| b.iter(|| parse_all(&bodies)));
        group.bench_function(format!("{folder}_all"), |b| b.iter(|| normalize_all(&normalizer, &bodies)));
    }
    group.finish();
}

fn gateway(c: &mut Criterion) {
    let normalizer = Normalizer::default();
    let options = ProblemOptions::default();
    let bodies = fixtures("oneaccess");
    let body = bodies.iter().find(|b| b.file == "login_0002_remaining_attempts.json").expect("the OneAccess fixture");
    let context = body.context();
    let mut group = c.benchmark_group("gateway");
    group.bench_function("floor", |b| b.iter(|| serde_json::from_slice::<Value>(black_box(&body.bytes)).is_ok()));
    group.bench_function("normalize_render_problem", |b| {
        b.iter(|| {
            let error = normalizer.normalize(black_box(&body.bytes), &context).unwrap();
            error.problem(Locale::ZhCn, Expose::AccountStatus, &options).to_json()
        })
    });
    group.finish();
}

fn startup(c: &mut Criterion) {
    let bodies = fixtures("wilddog");
    let body = bodies.iter().find(|b| b.file == "22010_code_as_string.json").expect("the Wilddog fixture");
    let context = body.context();
    let mut group = c.benchmark_group("startup");
    // A new registry's first body: the shape index, and (a known code of a kind with
    // narrower kinds, in a shape several vendors share, so its message is matched
    // against every catalogue) the message indexes of every catalogue, all built on
    // first use, per registry.
    group.bench_function("normalizer_first_use", |b| {
        b.iter(|| {
            let registry = Registry::new();
            let normalizer = Normalizer::new(&registry);
            normalizer.normalize(black_box(&body.bytes), &context).map(|e| e.kind()).ok()
        })
    });
    group.finish();
}

criterion_group!(benches, normalize, gateway, startup);
criterion_main!(benches);
