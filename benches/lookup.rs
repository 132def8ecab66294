//! Lookup and translation of built-in codes, against a plain `HashMap` lookup as the floor.
//!
//! Run with `cargo bench --bench lookup`.

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use errmap::Registry;

fn lookup(c: &mut Criterion) {
    let registry = Registry::builtin();
    let floor: HashMap<&str, usize> =
        registry.catalogue("wilddog").unwrap().codes().iter().enumerate().map(|(i, c)| (c.code(), i)).collect();
    c.bench_function("floor: HashMap<&str, _> lookup", |b| b.iter(|| floor.get(black_box("22011"))));
    c.bench_function("lookup wilddog:22011", |b| b.iter(|| registry.lookup(black_box("wilddog"), black_box("22011"))));
    c.bench_function("resolve \"wilddog:22011\"", |b| b.iter(|| registry.resolve(black_box("wilddog:22011"))));
}

fn translate(c: &mut Criterion) {
    let registry = Registry::builtin();
    let source = registry.resolve("wilddog:22011").unwrap();
    let authing = registry.catalogue("authing").unwrap();
    c.bench_function("translate wilddog:22011 -> authing", |b| {
        b.iter(|| registry.translate(black_box(source), black_box(authing)))
    });
    c.bench_function("translate wilddog:22011 -> all", |b| b.iter(|| registry.translate_all(black_box(source))));
}

criterion_group!(benches, lookup, translate);
criterion_main!(benches);
