//! How cost grows with the data: 100 generated catalogues of 1,000 codes each, loaded as
//! users' catalogues beside the built-in ones. Start-up, and lookup and translation
//! with the built-in catalogues alone and with the 100 added.
//!
//! Two start-up figures, because one of them depends on the machine:
//!
//! - `startup_parse` is `Catalogue::from_toml` of the 100 texts, in memory, one after
//!   the other on one thread: the work of parsing and checking, whatever the cores.
//! - `startup` is what a user's start-up costs, as the CLI does it: the 100 texts are
//!   written to a temporary folder first (so they are read from the page cache, not
//!   the disk), then `Registry::new`, `Registry::load` of the folder, and a first
//!   lookup and translation (the registry is dropped after the clock stops).
//!   `Registry::load` parses the files on as many threads as
//!   `std::thread::available_parallelism` gives (the bench prints the number), so this
//!   figure shrinks with the cores: with one core it is about `startup_parse` (reading
//!   and adding the files cost about what dropping the catalogues, timed there and not
//!   here, does), with two about half of it. Quote it with the number of threads.
//!
//! Run with `cargo bench --bench scale`; `benches/figures.sh` turns the medians into the
//! README's table.
//!
//! On a machine shared with other work, timings wander; instruction counts do not.
//! With `ERRMAP_BENCH_ROUNDS=N` the bench instead generates the texts, runs N rounds of
//! one case (`ERRMAP_BENCH_CASE`: `parse`, the default, or `startup`) and exits: run it
//! under `valgrind --tool=callgrind` with N = 0 and N = 1, and the difference of the
//! totals is the instructions of one round (for `startup`, of every thread together).

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group};
use errmap_auth::{Catalogue, Kind, Registry};

const CATALOGUES: usize = 100;
const CODES: usize = 1_000;

/// The TOML text of generated catalogue `n`: codes spread over every kind, as real
/// catalogues are, with a few close and narrower matches and a template message.
fn catalogue_text(n: usize) -> String {
    let kinds: Vec<&str> = Kind::all().map(Kind::id).collect();
    let mut text = String::with_capacity(CODES * 200);
    let _ = write!(
        text,
        "id = \"scale-{n:03}\"\nname = \"Generated vendor {n}\"\naliases = [\"gen-{n:03}\"]\nlanguage = \"en\"\n\
         fallback = \"{}\"\n\n[[body]]\nname = \"Generated vendor {n} error\"\npresent = [\"/vendor{n}\"]\n\
         code = \"/vendor{n}/code\"\nmessage = \"/vendor{n}/message\"\n\n",
        10_000 + CODES - 1
    );
    for i in 0..CODES {
        let kind = kinds[(i * 7 + n) % kinds.len()];
        let _ = write!(text, "[[code]]\ncode = \"{}\"\nsymbol = \"error_{n}_{i}\"\n", 10_000 + i);
        if i % 10 == 3 {
            let _ = write!(
                text,
                "message = \"Generated condition {i} of vendor {n}: {{0}} attempts left\"\nparams = [\"remaining\"]\n"
            );
        } else {
            let _ = writeln!(text, "message = \"Generated condition {i} of vendor {n}\"");
        }
        let _ = write!(text, "http_status = {}\nkind = \"{kind}\"\n", 400 + i % 30);
        match i % 5 {
            3 => text.push_str("match = \"close\"\nreason = \"Generated: nearly the kind.\"\n\n"),
            4 => text.push_str("match = \"narrower\"\nreason = \"Generated: one case of the kind.\"\n\n"),
            _ => text.push_str("match = \"exact\"\n\n"),
        }
    }
    text
}

/// A folder of the generated catalogue files, removed when dropped.
struct Folder(PathBuf);

impl Folder {
    fn write(texts: &[String]) -> Folder {
        let path = std::env::temp_dir().join(format!("errmap-scale-{}", std::process::id()));
        std::fs::create_dir_all(&path).unwrap();
        for (n, text) in texts.iter().enumerate() {
            std::fs::write(path.join(format!("scale-{n:03}.toml")), text).unwrap();
        }
        Folder(path)
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A user's start-up: the built-in catalogues and the folder's.
fn load(folder: &Path) -> Registry {
    let mut registry = Registry::new();
    registry.load(folder).unwrap();
    registry
}

fn parse(texts: &[String]) -> usize {
    texts.iter().map(|t| Catalogue::from_toml(black_box(t), "scale.toml").unwrap().codes().len()).sum()
}

fn scale(c: &mut Criterion) {
    let texts: Vec<String> = (0..CATALOGUES).map(catalogue_text).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    eprintln!(
        "scale: {CATALOGUES} catalogues x {CODES} codes, {:.1} MB of TOML; start-up parses on {threads} thread(s)",
        bytes as f64 / 1e6
    );
    let folder = Folder::write(&texts);

    let mut group = c.benchmark_group("scale");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(10));
    group.bench_function("startup_parse", |b| b.iter(|| parse(&texts)));
    // The registry is dropped after the clock stops: a gateway never drops it, and
    // the CLI only when it is done.
    group.bench_function("startup", |b| {
        b.iter_batched(
            || (),
            |()| {
                let registry = load(black_box(&folder.0));
                let source = registry.resolve("wilddog:22011").unwrap();
                black_box(registry.translate(source, registry.catalogue("scale-099").unwrap()).matches.len());
                registry
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();

    let small = Registry::new();
    let large = load(&folder.0);
    let mut group = c.benchmark_group("scale");
    for (name, registry) in [("builtin", &small), ("100", &large)] {
        let source = registry.resolve("wilddog:22011").unwrap();
        let authing = registry.catalogue("authing").unwrap();
        group.bench_function(format!("lookup_{name}"), |b| {
            b.iter(|| registry.lookup(black_box("wilddog"), black_box("22011")).is_ok())
        });
        group.bench_function(format!("translate_{name}"), |b| {
            b.iter(|| registry.translate(black_box(source), black_box(authing)))
        });
    }
    // Within the generated catalogues: the last one added, and between two of 1,000 codes.
    let source = large.resolve("scale-050:10500").unwrap();
    let target = large.catalogue("scale-099").unwrap();
    eprintln!(
        "scale: scale-050:10500 ({}) -> scale-099: {} matches",
        source.kind().id(),
        large.translate(source, target).matches.len()
    );
    group.bench_function("lookup_100_last", |b| {
        b.iter(|| large.lookup(black_box("scale-099"), black_box("10999")).is_ok())
    });
    group.bench_function("lookup_100_alias", |b| {
        b.iter(|| large.lookup(black_box("GEN-099"), black_box("10999")).is_ok())
    });
    group.bench_function("translate_100_generated", |b| {
        b.iter(|| large.translate(black_box(source), black_box(target)))
    });
    group.finish();
}

/// `ERRMAP_BENCH_ROUNDS` mode: the texts, N rounds of one case, nothing else.
fn count(rounds: &str) {
    let rounds: usize = rounds.parse().expect("ERRMAP_BENCH_ROUNDS is a number");
    let case = std::env::var("ERRMAP_BENCH_CASE").unwrap_or_else(|_| "parse".to_string());
    let texts: Vec<String> = (0..CATALOGUES).map(catalogue_text).collect();
    let folder = Folder::write(&texts);
    let mut codes = 0;
    for _ in 0..rounds {
        codes += match case.as_str() {
            "parse" => parse(&texts),
            "startup" => load(&folder.0).catalogues().iter().map(|c| c.codes().len()).sum(),
            other => panic!("ERRMAP_BENCH_CASE is parse or startup, not {other}"),
        };
    }
    println!("{rounds} rounds of {case}, {codes} codes");
}

criterion_group!(benches, scale);

fn main() {
    match std::env::var("ERRMAP_BENCH_ROUNDS") {
        Ok(rounds) => count(&rounds),
        Err(_) => {
            benches();
            Criterion::default().configure_from_args().final_summary();
        }
    }
}
