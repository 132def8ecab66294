//! Lookup, translation, the crosswalk table and registry start-up, against a plain
//! `HashMap` lookup of a short string key as the floor measured in the same run.
//!
//! Run with `cargo bench --bench lookup`; `benches/figures.sh` turns the medians into
//! the README's table with ratios.

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use errmap_auth::{Catalogue, Equivalent, Registry};

/// The crosswalk table of the library: for every code of `from`, its best match in `to`.
fn crosswalk<'r>(registry: &'r Registry, from: &'r Catalogue, to: &'r Catalogue) -> Vec<Option<Equivalent<'r>>> {
    from.code_refs().map(|code| registry.translate(code, to).matches.first().copied()).collect()
}

/// The two catalogues with the most codes, largest first.
fn largest_pair(registry: &Registry) -> (&Catalogue, &Catalogue) {
    let mut by_size: Vec<&Catalogue> = registry.catalogues().iter().collect();
    by_size.sort_by_key(|c| std::cmp::Reverse(c.codes().len()));
    (by_size[0], by_size[1])
}

fn lookup(c: &mut Criterion) {
    let registry = Registry::builtin();
    let mut group = c.benchmark_group("lookup");
    let floor: HashMap<&str, usize> =
        registry.catalogue("wilddog").unwrap().codes().iter().enumerate().map(|(i, c)| (c.code(), i)).collect();
    group.bench_function("floor_hashmap", |b| b.iter(|| floor.get(black_box("22011")).copied()));
    group.bench_function("lookup", |b| b.iter(|| registry.lookup(black_box("wilddog"), black_box("22011")).is_ok()));
    group.bench_function("resolve", |b| b.iter(|| registry.resolve(black_box("wilddog:22011")).is_ok()));
    group.finish();
}

fn translate(c: &mut Criterion) {
    let registry = Registry::builtin();
    let source = registry.resolve("wilddog:22011").unwrap();
    let authing = registry.catalogue("authing").unwrap();
    let mut group = c.benchmark_group("translate");
    group.bench_function("one", |b| b.iter(|| registry.translate(black_box(source), black_box(authing))));
    group.bench_function("all", |b| b.iter(|| registry.translate_all(black_box(source))));
    let (from, to) = largest_pair(registry);
    eprintln!("crosswalk: {} ({} codes) -> {} ({} codes)", from.id(), from.codes().len(), to.id(), to.codes().len());
    group.bench_function("crosswalk", |b| b.iter(|| crosswalk(registry, black_box(from), black_box(to))));
    group.finish();
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    // Embedded data to ready: a registry of the built-in catalogues with the indexes
    // that the first lookup and the first translation need.
    group.bench_function("registry", |b| {
        b.iter(|| {
            let registry = Registry::new();
            let source = registry.resolve(black_box("wilddog:22011")).unwrap();
            let target = registry.catalogue(black_box("authing")).unwrap();
            registry.translate(source, target).matches.len()
        })
    });
    group.finish();
}

criterion_group!(benches, lookup, translate, startup);
criterion_main!(benches);
