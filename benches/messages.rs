//! Rendering a kind's message in English and Chinese, with and without variables, and
//! the first use of the messages on a thread (the Fluent bundles are built per thread,
//! on first use).
//!
//! Run with `cargo bench --bench messages`; `benches/figures.sh` turns the medians into
//! the README's table.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use errmap::{Arg, Kind, Locale, Messages, Registry};

fn render(c: &mut Criterion) {
    let messages = Messages::get();
    let mut group = c.benchmark_group("render");
    for locale in Locale::ALL {
        let tag = locale.tag();
        group.bench_function(format!("{tag}_plain"), |b| {
            b.iter(|| messages.kind_message(black_box(Kind::USER_NOT_FOUND), black_box(locale)))
        });
        let args = [("remaining", Arg::Number(3.0))];
        group.bench_function(format!("{tag}_variables"), |b| {
            b.iter(|| messages.kind_message_with(black_box(Kind::INVALID_CREDENTIALS), black_box(locale), &args))
        });
        group.bench_function(format!("{tag}_hint"), |b| {
            b.iter(|| messages.kind_hint(black_box(Kind::USER_NOT_FOUND), black_box(locale)))
        });
        let code = Registry::builtin().resolve("wilddog:22011").unwrap();
        group.bench_function(format!("{tag}_code"), |b| {
            b.iter(|| messages.code_message(black_box(code), black_box(locale)))
        });
    }
    group.finish();
}

fn first_use(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    // Bundles live per thread: a fresh thread renders its first message. The floor is
    // a thread that does nothing, measured in the same run.
    group.bench_function("thread_floor", |b| b.iter(|| std::thread::spawn(|| black_box(0)).join().unwrap()));
    group.bench_function("messages_first_use", |b| {
        b.iter(|| {
            std::thread::spawn(|| Messages::get().kind_message(black_box(Kind::USER_NOT_FOUND), Locale::En).len())
                .join()
                .unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, render, first_use);
criterion_main!(benches);
