//! Normalizing a raw error body of each built-in catalogue, against parsing the same
//! body into `serde_json::Value` as the floor, and the gateway's whole path (normalize,
//! render, problem+json).
//!
//! Run with `cargo bench --bench normalize`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use errmap::{Context, Expose, Locale, Normalizer, ProblemOptions};

const BODIES: [(&str, &str); 5] = [
    (
        "authing",
        r#"{"uniqueId":"65e59f51-dbbc-4d1f-a809-6d3f15d9b53e","statusCode":400,"message":"用户未找到","apiCode":"2004","data":null}"#,
    ),
    (
        "authing-v2",
        r#"{"errors":[{"message":{"code":2006,"message":"密码不正确"},"locations":[{"line":2,"column":3}],"path":["login"]}],"data":{"login":null}}"#,
    ),
    ("authing-android", r#"{"code":10008,"message":"在 60 秒内已发送短信验证码","data":null}"#),
    (
        "oneaccess",
        r#"{"error_code":"LOGIN.0002","error_msg":"Invalid account name or password. Remaining attempts: 3"}"#,
    ),
    ("wilddog", r#"{"code":22011,"message":"该用户不存在"}"#),
];

fn normalize(c: &mut Criterion) {
    let normalizer = Normalizer::default();
    let context = Context::default().status(400);
    for (vendor, body) in BODIES {
        c.bench_function(&format!("floor: serde_json Value, {vendor} body"), |b| {
            b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(body.as_bytes())))
        });
        c.bench_function(&format!("normalize {vendor} body"), |b| {
            b.iter(|| normalizer.normalize(black_box(body.as_bytes()), &context))
        });
    }
    let options = ProblemOptions::default();
    let (_, body) = BODIES[3];
    c.bench_function("normalize + render + problem+json, oneaccess body, zh-CN", |b| {
        b.iter(|| {
            let error = normalizer.normalize(black_box(body.as_bytes()), &context).unwrap();
            error.problem(Locale::ZhCn, Expose::AccountStatus, &options).to_json()
        })
    });
}

criterion_group!(benches, normalize);
criterion_main!(benches);
