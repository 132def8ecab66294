//! What `ErrmapLayer` costs per response, as a ratio to the same request without it:
//! in-process service calls with `tower::ServiceExt::oneshot`, no sockets, so only the
//! Layer is measured. Each case reads the whole response body, with and without the
//! Layer alike.
//!
//! Run with `cargo bench --features tower --bench tower`.
//!
//! On a machine shared with other work, timings wander; instruction counts do not.
//! With `ERRMAP_BENCH_CALLS=N` the bench instead makes N calls of one case
//! (`ERRMAP_BENCH_CASE`: `error`, `ok` or `html`), with the Layer unless
//! `ERRMAP_BENCH_LAYER=0`, and exits: run it under `valgrind --tool=callgrind` with two
//! values of N, and the difference of the totals divided by the difference of the N
//! is the instructions per call.

use std::convert::Infallible;
use std::future::{Future, Ready, ready};
use std::hint::black_box;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use bytes::Bytes;
use criterion::{Criterion, criterion_group};
use errmap_auth::Expose;
use errmap_auth::tower::ErrmapLayer;
use http::{Request, Response, StatusCode, header};
use http_body_util::{BodyExt, Full};
use tower::{Layer, Service, ServiceExt, service_fn};

/// Every future here is ready at once: poll it with a no-op waker, no runtime.
fn now<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
}

type Answer = Result<Response<Full<Bytes>>, Infallible>;

/// An upstream that always answers `status` with `content_type` and `body`.
fn upstream(
    status: u16,
    content_type: &'static str,
    body: &'static [u8],
) -> impl Service<Request<()>, Response = Response<Full<Bytes>>, Error = Infallible, Future = Ready<Answer>> + Clone {
    let status = StatusCode::from_u16(status).unwrap();
    service_fn(move |_: Request<()>| {
        let mut response = Response::new(Full::new(Bytes::from_static(body)));
        *response.status_mut() = status;
        response.headers_mut().insert(header::CONTENT_TYPE, header::HeaderValue::from_static(content_type));
        ready(Ok(response))
    })
}

fn request() -> Request<()> {
    Request::get("/oneaccess/login").header(header::ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9").body(()).unwrap()
}

/// One request through `service`, its body read to the end.
fn round_trip<S, B>(service: &S) -> Bytes
where
    S: Service<Request<()>, Response = Response<B>> + Clone,
    S::Error: std::fmt::Debug,
    B: http_body::Body<Data = Bytes>,
    B::Error: std::fmt::Debug,
{
    now(async {
        let response = service.clone().oneshot(black_box(request())).await.unwrap();
        response.into_body().collect().await.unwrap().to_bytes()
    })
}

const CASES: [(&str, u16, &str, &[u8]); 3] = [
    (
        "vendor error (OneAccess LOGIN.0002, 400): normalize + rewrite",
        400,
        "application/json",
        br#"{"error_code":"LOGIN.0002","error_msg":"Invalid account name or password. Remaining attempts: 3"}"#,
    ),
    ("pass-through 200", 200, "application/json", br#"{"data":{"id":"u_1","username":"alice"}}"#),
    (
        "pass-through 502 of no vendor (nginx page): read + replay",
        502,
        "text/html",
        b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n",
    ),
];

fn layer_overhead(c: &mut Criterion) {
    let layer = ErrmapLayer::default().expose(Expose::AccountStatus);
    let mut group = c.benchmark_group("tower");
    for (name, status, content_type, body) in CASES {
        let bare = upstream(status, content_type, body);
        let wrapped = layer.layer(bare.clone());
        // The layered answer differs exactly when the body is a vendor's error.
        assert_eq!(round_trip(&bare) != round_trip(&wrapped), status == 400, "{name}");
        group.bench_function(format!("{name}: without the Layer"), |b| b.iter(|| round_trip(&bare)));
        group.bench_function(format!("{name}: with the Layer"), |b| b.iter(|| round_trip(&wrapped)));
    }
    group.finish();
}

/// `ERRMAP_BENCH_CALLS` mode: one case, N calls, nothing else.
fn count(calls: &str) {
    let calls: usize = calls.parse().expect("ERRMAP_BENCH_CALLS is a number");
    let case = std::env::var("ERRMAP_BENCH_CASE").unwrap_or_else(|_| "error".to_string());
    let (_, status, content_type, body) = match case.as_str() {
        "error" => CASES[0],
        "ok" => CASES[1],
        "html" => CASES[2],
        other => panic!("ERRMAP_BENCH_CASE is error, ok or html, not {other}"),
    };
    let bare = upstream(status, content_type, body);
    let wrapped = ErrmapLayer::default().expose(Expose::AccountStatus).layer(bare.clone());
    let layered = std::env::var("ERRMAP_BENCH_LAYER").map_or(true, |v| v != "0");
    let mut bytes = 0;
    for _ in 0..calls {
        bytes += if layered { round_trip(&wrapped).len() } else { round_trip(&bare).len() };
    }
    println!("{calls} calls, {bytes} bytes");
}

criterion_group!(benches, layer_overhead);

fn main() {
    match std::env::var("ERRMAP_BENCH_CALLS") {
        Ok(calls) => count(&calls),
        Err(_) => {
            benches();
            Criterion::default().configure_from_args().final_summary();
        }
    }
}
