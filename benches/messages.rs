//! Rendering a kind's message in English and Chinese, with and without variables, and
//! the first use of the messages on a thread. Messages without variables are compiled
//! to their text at build time; the others are formatted by Fluent bundles built per
//! thread and per file, on first use.
//!
//! Run with `cargo bench --bench messages`; `benches/figures.sh` turns the medians into
//! the README's table.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use errmap_auth::messages::Arg;
use errmap_auth::{Kind, Locale, Messages, Registry};

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
    // Each iteration renders the first message of a fresh thread, timed inside the
    // thread (so without the cost of starting it). A plain kind message or a code's
    // translation is read from the compiled table; a message with variables parses its
    // file (kinds.ftl) into the thread's bundle.
    let first = |render: fn() -> usize| {
        move |iters: u64| {
            (0..iters)
                .map(|_| {
                    std::thread::spawn(move || {
                        let start = Instant::now();
                        black_box(render());
                        start.elapsed()
                    })
                    .join()
                    .unwrap()
                })
                .sum::<Duration>()
        }
    };
    group.bench_function("messages_first_use", |b| {
        b.iter_custom(first(|| Messages::get().kind_message(Kind::USER_NOT_FOUND, Locale::En).len()))
    });
    group.bench_function("messages_first_use_zh", |b| {
        b.iter_custom(first(|| Messages::get().kind_message(Kind::USER_NOT_FOUND, Locale::ZhCn).len()))
    });
    group.bench_function("messages_first_use_variables", |b| {
        b.iter_custom(first(|| {
            let args = [("remaining", Arg::Number(3.0))];
            Messages::get().kind_message_with(Kind::INVALID_CREDENTIALS, Locale::En, &args).len()
        }))
    });
    group.bench_function("code_message_first_use", |b| {
        b.iter_custom(first(|| {
            let code = Registry::builtin().resolve("wilddog:22011").unwrap();
            Messages::get().code_message(code, Locale::En).text.len()
        }))
    });
    group.finish();
}

criterion_group!(benches, render, first_use);
criterion_main!(benches);
