//! The tower Layer over real HTTP on loopback: the stub upstream of
//! `examples/stub_upstream.rs` answers with the vendor bodies of
//! `tests/fixtures/bodies/`, the gateway of `examples/gateway.rs` stands in front of it
//! with `ErrmapLayer`, and a hyper client asks the gateway. Every server listens on a
//! free port of 127.0.0.1 and is shut down gracefully before the test ends.
//!
//! Then, in process and without sockets, what is hard to provoke over HTTP: trailers,
//! a body failing mid-stream, `HEAD`, compressed bodies, other status policies.

#![cfg(feature = "tower")]

#[allow(dead_code)]
#[path = "../examples/gateway.rs"]
mod gateway;
#[allow(dead_code)]
#[path = "../examples/stub_upstream.rs"]
mod stub;

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context as TaskContext, Poll};

use axum::Router;
use bytes::Bytes;
use errmap_auth::normalize::DetectedBy;
use errmap_auth::tower::{ErrmapLayer, StatusPolicy, UpstreamError, VENDOR_CODE_HEADER};
use errmap_auth::{Context, Error, Expose, Kind, Locale, Normalizer, ProblemOptions, Registry};
use http::{HeaderMap, HeaderValue, Method, Request, Response, StatusCode, header};
use http_body::{Body, Frame, SizeHint};
use http_body_util::{BodyExt, Empty};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use serde_json::{Value, json};
use tokio::sync::oneshot;
use tokio::task::{JoinHandle, JoinSet};
use tower::{Layer, ServiceExt, service_fn};

use stub::Fixture;

const EXPOSURES: [Expose; 3] = [Expose::None, Expose::AccountStatus, Expose::All];
const PROBLEM_JSON: &str = "application/problem+json";

// --- Servers ---------------------------------------------------------------------------

/// A server on a free loopback port, stopped gracefully by `stop`, aborted if dropped.
struct Server {
    address: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<std::io::Result<()>>>,
}

impl Server {
    async fn start(router: Router) -> Server {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a free loopback port");
        let address = listener.local_addr().expect("a bound address");
        let (shutdown, stopped) = oneshot::channel::<()>();
        let serve = axum::serve(listener, router).with_graceful_shutdown(async {
            let _ = stopped.await;
        });
        let task = tokio::spawn(async move { serve.await });
        Server { address, shutdown: Some(shutdown), task: Some(task) }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    async fn stop(mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(task) = self.task.take() {
            task.await.expect("the server task ends").expect("the server shuts down cleanly");
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(task) = &self.task {
            task.abort();
        }
    }
}

/// A stub upstream and one gateway per exposure level in front of it.
struct Setup {
    fixtures: Arc<HashMap<String, Fixture>>,
    stub: Server,
    gateways: Vec<(Expose, Server)>,
    client: Client<HttpConnector, Empty<Bytes>>,
}

impl Setup {
    /// Gateways built from `base`, one per level of `exposures`.
    async fn start(base: ErrmapLayer, exposures: &[Expose]) -> Setup {
        let fixtures = Arc::new(stub::load_fixtures().expect("the fixtures load"));
        let stub = Server::start(stub::router(Arc::clone(&fixtures))).await;
        let upstreams = gateway::Upstreams {
            authing: stub.url("/authing"),
            oneaccess: stub.url("/oneaccess"),
            wilddog: stub.url("/wilddog"),
        };
        let mut gateways = Vec::new();
        for &expose in exposures {
            let app =
                gateway::app(upstreams.clone(), base.clone().expose(expose)).expect("the gateway's catalogues exist");
            gateways.push((expose, Server::start(app).await));
        }
        let client = Client::builder(TokioExecutor::new()).build_http();
        Setup { fixtures, stub, gateways, client }
    }

    fn gateway(&self, expose: Expose) -> &Server {
        &self.gateways.iter().find(|(e, _)| *e == expose).expect("a gateway at this level").1
    }

    fn fixture(&self, name: &str) -> &Fixture {
        self.fixtures.get(name).unwrap_or_else(|| panic!("no fixture {name}"))
    }

    async fn get(&self, expose: Expose, path: &str, accept_language: Option<&str>) -> Reply {
        fetch(&self.client, self.gateway(expose).url(path), accept_language).await
    }

    async fn stop(self) {
        drop(self.client);
        for (_, gateway) in self.gateways {
            gateway.stop().await;
        }
        self.stub.stop().await;
    }
}

/// A response, read to the end.
#[derive(Debug, Clone)]
struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

impl Reply {
    fn header(&self, name: impl header::AsHeaderName) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().expect("an ASCII header"))
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", self.body))
    }
}

async fn fetch(client: &Client<HttpConnector, Empty<Bytes>>, url: String, accept_language: Option<&str>) -> Reply {
    let mut request = Request::get(url).body(Empty::new()).expect("a valid request");
    if let Some(value) = accept_language {
        request.headers_mut().insert(header::ACCEPT_LANGUAGE, HeaderValue::from_str(value).expect("a header value"));
    }
    let response = client.request(request).await.expect("the gateway answers");
    let (parts, body) = response.into_parts();
    let body = body.collect().await.expect("the body arrives whole").to_bytes();
    Reply { status: parts.status, headers: parts.headers, body }
}

// --- What the gateway should answer ------------------------------------------------------

/// The gateway route that serves a fixture folder, and the catalogue the route fixes.
fn routes_for(folder: &str) -> &'static [(&'static str, Option<&'static str>)] {
    const AUTHING: (&str, Option<&str>) = ("authing", None);
    const ONEACCESS: (&str, Option<&str>) = ("oneaccess", Some("oneaccess"));
    const WILDDOG: (&str, Option<&str>) = ("wilddog", Some("wilddog"));
    match folder {
        "authing" | "authing-v2" | "authing-android" => &[AUTHING],
        "oneaccess" => &[ONEACCESS],
        "wilddog" => &[WILDDOG],
        _ => &[AUTHING, ONEACCESS, WILDDOG],
    }
}

/// The answer the issue asks for, worked out with the library directly: a vendor's
/// error (a catalogue, and a code or a message that matched) at an error status becomes
/// the problem document of its kind; anything else is passed on unchanged.
#[derive(Debug, PartialEq)]
enum Expected {
    Problem { status: u16, language: &'static str, document: Value, vendor_code: Option<String> },
    Unchanged,
}

fn expected(fixture: &Fixture, route: &str, expose: Expose, accept_language: Option<&str>) -> Expected {
    let hint = routes_for(route).first().and_then(|(_, hint)| *hint);
    let error_status = fixture.status.is_client_error() || fixture.status.is_server_error();
    // The gateway's Authing route also inspects 200, where Authing's GraphQL API and
    // Android SDK report errors.
    let inspected = if route == "authing" { gateway::authing_error_status(fixture.status) } else { error_status };
    if !inspected {
        return Expected::Unchanged;
    }
    let context =
        Context { status: Some(fixture.status.as_u16()), vendor: hint, content_type: fixture.content_type.as_deref() };
    let error = Normalizer::default().normalize(&fixture.body, &context).expect("a fixture under the limit");
    // A vendor's error: a code in its shape or a message matching its table under an
    // error status; under 200 a documented code, or a code with a matching message; and
    // never a kind that means success.
    // The message must be one of the vendor's own, not another catalogue's.
    let matched = error.detected_by() == DetectedBy::Message
        && error.message_match().is_some_and(|m| Some(m.catalogue().id()) == error.vendor());
    let evidence = match error_status {
        true => error.code().is_some() || matched,
        false => error.known() || (error.code().is_some() && matched),
    };
    if error.vendor().is_none() || !evidence || !(400..600).contains(&error.kind().http_status()) {
        return Expected::Unchanged;
    }
    let locale = match accept_language {
        Some(value) if value.starts_with("zh") => Locale::ZhCn,
        _ => Locale::En,
    };
    let mut problem = error.problem(locale, expose, &ProblemOptions::default());
    if !(400..600).contains(&problem.status) {
        problem.status = fixture.status.as_u16();
    }
    Expected::Problem {
        status: problem.status,
        language: locale.tag(),
        document: serde_json::from_str(&problem.to_json()).expect("a JSON problem"),
        vendor_code: error.visible_code(expose).map(|code| format!("{}:{code}", error.vendor().unwrap_or_default())),
    }
}

/// Every mismatch between a reply and what was expected of it.
fn check(reply: &Reply, expected: &Expected, upstream: &Fixture) -> Result<(), String> {
    let mut wrong = Vec::new();
    match expected {
        Expected::Problem { status, language, document, vendor_code } => {
            if reply.status.as_u16() != *status {
                wrong.push(format!("status {} instead of {status}", reply.status));
            }
            if reply.header(header::CONTENT_TYPE) != Some(PROBLEM_JSON) {
                wrong.push(format!("content type {:?}", reply.header(header::CONTENT_TYPE)));
            }
            if reply.header(header::CONTENT_LANGUAGE) != Some(*language) {
                wrong.push(format!(
                    "content language {:?} instead of {language}",
                    reply.header(header::CONTENT_LANGUAGE)
                ));
            }
            if reply.header(header::CONTENT_LENGTH) != Some(reply.body.len().to_string().as_str()) {
                wrong.push(format!(
                    "content length {:?} for {} bytes",
                    reply.header(header::CONTENT_LENGTH),
                    reply.body.len()
                ));
            }
            match serde_json::from_slice::<Value>(&reply.body) {
                Ok(actual) if actual == *document => {}
                Ok(actual) => wrong.push(format!("document {actual}\n      instead of {document}")),
                Err(e) => wrong.push(format!("a body that is not JSON ({e})")),
            }
            if reply.header(VENDOR_CODE_HEADER) != vendor_code.as_deref() {
                wrong.push(format!(
                    "vendor code header {:?} instead of {vendor_code:?}",
                    reply.header(VENDOR_CODE_HEADER)
                ));
            }
        }
        Expected::Unchanged => {
            if reply.status != upstream.status {
                wrong.push(format!("status {} instead of the upstream's {}", reply.status, upstream.status));
            }
            if reply.body != upstream.body {
                wrong.push(format!("body {:?} instead of the upstream's {:?}", reply.body, upstream.body));
            }
            if reply.header(header::CONTENT_TYPE) != upstream.content_type.as_deref() {
                wrong.push(format!("content type {:?}", reply.header(header::CONTENT_TYPE)));
            }
            for name in [header::CONTENT_LANGUAGE, VENDOR_CODE_HEADER] {
                if reply.headers.contains_key(&name) {
                    wrong.push(format!("a {name} header on a body passed through"));
                }
            }
        }
    }
    if wrong.is_empty() { Ok(()) } else { Err(wrong.join("; ")) }
}

// --- Over HTTP ---------------------------------------------------------------------------

#[tokio::test]
async fn every_fixture_through_the_gateway_at_every_exposure_and_language() {
    let setup = Setup::start(ErrmapLayer::default(), &EXPOSURES).await;
    let mut names: Vec<&String> = setup.fixtures.keys().collect();
    names.sort();
    let mut failures = Vec::new();
    let mut rewritten: HashMap<String, usize> = HashMap::new();
    let mut unchanged = 0;
    for name in names {
        let fixture = setup.fixture(name);
        for &(route, _) in routes_for(&fixture.folder) {
            for expose in EXPOSURES {
                for language in [Some("zh-CN,zh;q=0.9"), Some("en"), None] {
                    let want = expected(fixture, route, expose, language);
                    match want {
                        Expected::Problem { .. } => *rewritten.entry(fixture.folder.clone()).or_default() += 1,
                        Expected::Unchanged => unchanged += 1,
                    }
                    let reply = setup.get(expose, &format!("/{route}/{name}"), language).await;
                    if let Err(why) = check(&reply, &want, fixture) {
                        failures
                            .push(format!("{}/{name} via /{route} at {expose:?}, {language:?}: {why}", fixture.folder));
                    }
                }
            }
        }
    }
    setup.stop().await;
    assert!(failures.is_empty(), "{} replies were wrong:\n{}", failures.len(), failures.join("\n"));
    // Not vacuous: every vendor's errors were rewritten, and some bodies passed through.
    for folder in ["authing", "authing-v2", "authing-android", "oneaccess", "wilddog"] {
        assert!(rewritten.get(folder).copied().unwrap_or(0) > 0, "nothing of {folder} was rewritten: {rewritten:?}");
    }
    assert!(unchanged >= 50, "only {unchanged} replies passed through");
}

#[tokio::test]
async fn each_exposure_level_shows_what_it_promises() {
    let setup = Setup::start(ErrmapLayer::default(), &EXPOSURES).await;
    let en = Some("en");

    // none: a missing user, a wrong password and a lock all read as the merged case,
    // byte for byte, with no vendor code anywhere.
    let not_found = setup.get(Expose::None, "/authing/2004_user_not_found_v3_shape", en).await;
    let bad_password = setup.get(Expose::None, "/authing/2006_bad_password_api_code_number", en).await;
    let locked = setup.get(Expose::None, "/oneaccess/login_0001_locked_minutes_seconds", en).await;
    assert_eq!(not_found.status, StatusCode::UNAUTHORIZED);
    assert_eq!(not_found.header(header::CONTENT_TYPE), Some(PROBLEM_JSON));
    assert_eq!(not_found.header(header::CONTENT_LANGUAGE), Some("en"));
    assert_eq!(not_found.header(header::VARY), Some("accept-language"));
    assert_eq!(
        not_found.json(),
        json!({
            "type": "urn:errmap:kind:invalid_credentials",
            "title": "The account name or password is incorrect.",
            "status": 401,
            "detail": "Check both and try again. If you have forgotten your password, reset it.",
            "kind": "invalid_credentials",
            "vendor": "authing",
            "retryable": false,
        })
    );
    assert_eq!(not_found.body, bad_password.body);
    assert_eq!(
        (locked.status, locked.json()["kind"].clone()),
        (StatusCode::UNAUTHORIZED, json!("invalid_credentials"))
    );
    for reply in [&not_found, &bad_password, &locked] {
        assert_eq!(reply.header(VENDOR_CODE_HEADER), None);
        assert_eq!(reply.json().get("vendor_code"), None);
        assert_eq!(reply.json().get("params"), None);
    }

    // account-status: the lock shows, with its values; a missing user still does not.
    let locked = setup.get(Expose::AccountStatus, "/oneaccess/login_0001_locked_minutes_seconds", en).await;
    assert_eq!(locked.status, StatusCode::FORBIDDEN);
    let document = locked.json();
    assert_eq!(document["kind"], "locked_temporarily");
    assert_eq!(document["vendor_code"], "LOGIN.0001");
    assert_eq!(document["params"], json!({"minutes": 4, "seconds": 59}));
    assert_eq!(locked.header(VENDOR_CODE_HEADER), Some("oneaccess:LOGIN.0001"));
    let not_found = setup.get(Expose::AccountStatus, "/authing/2004_user_not_found_v3_shape", en).await;
    assert_eq!(
        (not_found.status, not_found.json()["kind"].clone()),
        (StatusCode::UNAUTHORIZED, json!("invalid_credentials"))
    );
    assert_eq!(not_found.header(VENDOR_CODE_HEADER), None);
    // Authing's GraphQL API reports the lock with 200; the Authing route inspects 200.
    let graphql = setup.get(Expose::AccountStatus, "/authing/graphql_2005_locked", en).await;
    assert_eq!((graphql.status, graphql.json()["kind"].clone()), (StatusCode::FORBIDDEN, json!("locked")));
    assert_eq!(graphql.header(VENDOR_CODE_HEADER), Some("authing-v2:2005"));

    // all: everything, for operators.
    let not_found = setup.get(Expose::All, "/authing/2004_user_not_found_v3_shape", en).await;
    assert_eq!(not_found.status, StatusCode::NOT_FOUND);
    assert_eq!(not_found.json()["title"], "No account matches these details.");
    assert_eq!(not_found.json()["vendor_code"], "2004");
    assert_eq!(not_found.header(VENDOR_CODE_HEADER), Some("authing:2004"));
    let wilddog = setup.get(Expose::All, "/wilddog/22011_invalid_user", Some("zh-CN,zh;q=0.9")).await;
    assert_eq!(wilddog.status, StatusCode::NOT_FOUND);
    assert_eq!(wilddog.header(header::CONTENT_LANGUAGE), Some("zh-CN"));
    assert_eq!(wilddog.json()["title"], "找不到该账号。");
    assert_eq!(wilddog.header(VENDOR_CODE_HEADER), Some("wilddog:22011"));
    setup.stop().await;
}

#[tokio::test]
async fn content_language_is_negotiated_from_accept_language() {
    let setup = Setup::start(ErrmapLayer::default(), &[Expose::None]).await;
    let cases = [
        (Some("zh-CN,zh;q=0.9"), "zh-CN", "账号或密码错误。"),
        (Some("en"), "en", "The account name or password is incorrect."),
        (None, "en", "The account name or password is incorrect."),
        (Some("fr-FR, zh;q=0.5"), "zh-CN", "账号或密码错误。"),
        (Some("en;q=0.2, zh-Hans;q=0.8"), "zh-CN", "账号或密码错误。"),
        (Some("zh-TW, de;q=0.9"), "zh-TW", "帳號或密碼不正確。"),
        (Some("de, fr;q=0.9"), "en", "The account name or password is incorrect."),
        (Some("zh-CN;q=0, en-GB;q=0.5"), "en", "The account name or password is incorrect."),
    ];
    for (accept, language, title) in cases {
        let reply = setup.get(Expose::None, "/oneaccess/login_0002_remaining_attempts", accept).await;
        assert_eq!(reply.header(header::CONTENT_LANGUAGE), Some(language), "Accept-Language {accept:?}");
        assert_eq!(reply.json()["title"], title, "Accept-Language {accept:?}");
    }
    setup.stop().await;
}

#[tokio::test]
async fn success_and_errors_of_no_vendor_pass_through_byte_for_byte() {
    let setup = Setup::start(ErrmapLayer::default(), &[Expose::All]).await;
    let ok = setup.get(Expose::All, "/wilddog/ok", Some("zh-CN")).await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(ok.body, Bytes::from_static(br#"{"data":{"id":"u_1"}}"#));
    assert_eq!(ok.header(header::CONTENT_TYPE), Some("application/json"));
    assert_eq!(ok.header(header::CONTENT_LANGUAGE), None);

    // On routes that fix the catalogue too: nginx's page, a proxy's message, a JSON
    // body of no vendor, and, where 200 is not inspected, a GraphQL error sent with 200.
    for (path, status) in [
        ("/wilddog/html_502_from_proxy", 502),
        ("/oneaccess/api_gateway_message_only", 500),
        ("/wilddog/api_gateway_message_only", 500),
        ("/authing/non_vendor_object", 503),
        ("/oneaccess/plain_text_429", 429),
        ("/wilddog/graphql_2005_locked", 200),
    ] {
        let name = path.rsplit('/').next().unwrap_or_default();
        let upstream = setup.fixture(name);
        let reply = setup.get(Expose::All, path, Some("zh-CN")).await;
        assert_eq!(reply.status.as_u16(), status, "{path}");
        assert_eq!(reply.body, upstream.body, "{path}");
        assert_eq!(reply.header(header::CONTENT_TYPE), upstream.content_type.as_deref(), "{path}");
        assert_eq!(reply.header(VENDOR_CODE_HEADER), None, "{path}");
    }
    setup.stop().await;
}

#[tokio::test]
async fn a_body_over_the_limit_passes_through_unmodified() {
    let setup = Setup::start(ErrmapLayer::default().max_body_bytes(4096), &[Expose::All]).await;
    // Known to be too long by its Content-Length, and found to be while streaming in
    // 1 KiB chunks: either way the same bytes come out.
    for path in
        ["/wilddog/large?bytes=10000", "/wilddog/large-chunked?bytes=10000", "/authing/large-chunked?bytes=4097"]
    {
        let size = path.rsplit('=').next().and_then(|n| n.parse().ok()).unwrap_or(0);
        let reply = setup.get(Expose::All, path, Some("en")).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{path}");
        assert_eq!(reply.header(header::CONTENT_TYPE), Some("application/json"), "{path}");
        assert_eq!(reply.body.len(), size, "{path}");
        assert!(reply.body == stub::large_body(size), "{path}: the body changed");
        assert_eq!(reply.header(VENDOR_CODE_HEADER), None, "{path}");
    }
    // The same error within the limit is rewritten: the size alone made the difference.
    for path in ["/wilddog/large-chunked?bytes=4096", "/wilddog/large?bytes=3000"] {
        let reply = setup.get(Expose::All, path, Some("en")).await;
        assert_eq!(reply.header(header::CONTENT_TYPE), Some(PROBLEM_JSON), "{path}");
        assert_eq!(reply.json()["kind"], "user_not_found", "{path}");
        assert_eq!(reply.header(VENDOR_CODE_HEADER), Some("wilddog:22011"), "{path}");
    }
    setup.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_requests_at_once_through_one_layer() {
    let setup = Setup::start(ErrmapLayer::default(), &[Expose::AccountStatus]).await;
    let cases: Vec<(String, Option<&'static str>, Expected, Fixture)> = [
        ("authing", "2004_user_not_found_v3_shape"),
        ("authing", "graphql_2005_locked"),
        ("authing", "unknown_api_code_status_500"),
        ("oneaccess", "login_0001_locked_minutes_seconds"),
        ("oneaccess", "login_0002_remaining_attempts"),
        ("oneaccess", "html_502_from_proxy"),
        ("wilddog", "22013_email_taken"),
        ("wilddog", "22999_unknown_code_reworded_message"),
        ("wilddog", "ok"),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (route, name))| {
        let language = [Some("zh-CN,zh;q=0.9"), Some("en"), None][i % 3];
        let fixture = match name {
            "ok" => Fixture {
                folder: "other".into(),
                status: StatusCode::OK,
                content_type: Some("application/json".into()),
                body: Bytes::from_static(br#"{"data":{"id":"u_1"}}"#),
            },
            _ => setup.fixture(name).clone(),
        };
        let want = expected(&fixture, route, Expose::AccountStatus, language);
        (format!("/{route}/{name}"), language, want, fixture)
    })
    .collect();
    let cases = Arc::new(cases);
    let url = setup.gateway(Expose::AccountStatus).url("");

    let mut requests = JoinSet::new();
    for i in 0..300 {
        let (cases, client, url) = (Arc::clone(&cases), setup.client.clone(), url.clone());
        requests.spawn(async move {
            let (path, language, want, fixture) = &cases[i % cases.len()];
            let reply = fetch(&client, format!("{url}{path}"), *language).await;
            check(&reply, want, fixture).map_err(|why| format!("#{i} {path}: {why}"))
        });
    }
    let mut answered = 0;
    let mut failures = Vec::new();
    while let Some(result) = requests.join_next().await {
        answered += 1;
        if let Err(why) = result.expect("the request task completes") {
            failures.push(why);
        }
    }
    setup.stop().await;
    assert_eq!(answered, 300);
    assert!(failures.is_empty(), "{} of 300 answers were wrong:\n{}", failures.len(), failures.join("\n"));
}

// --- In process ----------------------------------------------------------------------------

/// A body that yields scripted frames, then ends; it records whether it was polled.
struct Script {
    frames: std::vec::IntoIter<Result<Frame<Bytes>, &'static str>>,
    polled: Arc<AtomicBool>,
    exact: Option<u64>,
}

impl Script {
    fn new(frames: Vec<Result<Frame<Bytes>, &'static str>>) -> Script {
        Script { frames: frames.into_iter(), polled: Arc::new(AtomicBool::new(false)), exact: None }
    }
}

impl Body for Script {
    type Data = Bytes;
    type Error = &'static str;

    fn poll_frame(self: Pin<&mut Self>, _: &mut TaskContext<'_>) -> Poll<Option<Result<Frame<Bytes>, &'static str>>> {
        let this = self.get_mut();
        this.polled.store(true, Ordering::SeqCst);
        Poll::Ready(this.frames.next())
    }

    fn size_hint(&self) -> SizeHint {
        self.exact.map_or_else(SizeHint::default, SizeHint::with_exact)
    }
}

fn data(bytes: &'static [u8]) -> Result<Frame<Bytes>, &'static str> {
    Ok(Frame::data(Bytes::from_static(bytes)))
}

const WILDDOG_22011: &[u8] = br#"{"code":22011,"message":"invalid_user"}"#;

/// One call through `layer` to an upstream answering `status`, `headers` and `body`.
async fn call(
    layer: &ErrmapLayer,
    method: Method,
    status: u16,
    headers: &[(&str, &str)],
    body: Script,
) -> Response<errmap_auth::tower::ErrmapBody<Script>> {
    let mut response = Response::new(body);
    *response.status_mut() = StatusCode::from_u16(status).expect("a status");
    for (name, value) in headers {
        response.headers_mut().insert(
            header::HeaderName::from_bytes(name.as_bytes()).expect("a header name"),
            HeaderValue::from_str(value).expect("a header value"),
        );
    }
    let mut response = Some(response);
    let upstream = service_fn(move |_: Request<()>| {
        let response = response.take().expect("called once");
        async move { Ok::<_, Infallible>(response) }
    });
    let request = Request::builder().method(method).body(()).expect("a request");
    layer.layer(upstream).oneshot(request).await.expect("infallible")
}

/// Every frame of a body: data as bytes, trailers, or the error.
async fn frames<B: Body<Data = Bytes, Error = &'static str> + Unpin>(mut body: B) -> Vec<Result<String, &'static str>> {
    let mut out = Vec::new();
    while let Some(frame) = body.frame().await {
        out.push(frame.map(|frame| match frame.into_data() {
            Ok(data) => String::from_utf8_lossy(&data).into_owned(),
            Err(frame) => format!("trailers {:?}", frame.into_trailers().ok()),
        }));
        if out.last().is_some_and(Result::is_err) {
            break;
        }
    }
    out
}

#[tokio::test]
async fn streams_are_replayed_frame_by_frame_with_trailers_and_errors() {
    let layer = ErrmapLayer::default().max_body_bytes(16);
    let mut trailers = HeaderMap::new();
    trailers.insert("x-checksum", HeaderValue::from_static("abc"));

    // Over the limit at the second frame: the two frames read, the rest, the trailers.
    let body = Script::new(vec![
        data(b"{\"code\":22011,"),
        data(b"\"message\":\"invalid_user\""),
        data(b"}"),
        Ok(Frame::trailers(trailers.clone())),
    ]);
    let response = call(&layer, Method::GET, 400, &[], body).await;
    assert!(!response.body().is_problem());
    let expected_trailers = format!("trailers {:?}", Some(trailers.clone()));
    assert_eq!(
        frames(response.into_body()).await,
        vec![
            Ok("{\"code\":22011,".to_string()),
            Ok("\"message\":\"invalid_user\"".to_string()),
            Ok("}".to_string()),
            Ok(expected_trailers.clone()),
        ]
    );

    // Failing while being read: the part read, then the same error.
    let body = Script::new(vec![data(b"{\"code\":"), Err("connection reset")]);
    let response = call(&layer, Method::GET, 400, &[], body).await;
    assert_eq!(frames(response.into_body()).await, vec![Ok("{\"code\":".to_string()), Err("connection reset")]);

    // Complete but of no vendor, with trailers: all of it, trailers included.
    let layer = ErrmapLayer::default();
    let body = Script::new(vec![data(b"<html>"), data(b"</html>"), Ok(Frame::trailers(trailers.clone()))]);
    let response = call(&layer, Method::GET, 502, &[("content-type", "text/html")], body).await;
    assert_eq!(response.headers()[header::CONTENT_TYPE], "text/html");
    assert_eq!(
        frames(response.into_body()).await,
        vec![Ok("<html>".to_string()), Ok("</html>".to_string()), Ok(expected_trailers)]
    );
}

#[tokio::test]
async fn a_declared_length_over_the_limit_is_never_read() {
    let layer = ErrmapLayer::default().max_body_bytes(16);
    let body = Script::new(vec![data(WILDDOG_22011)]);
    let polled = Arc::clone(&body.polled);
    let length = WILDDOG_22011.len().to_string();
    let response = call(&layer, Method::GET, 400, &[("content-length", &length)], body).await;
    assert!(!polled.load(Ordering::SeqCst), "the body was read before the response went on");
    assert_eq!(frames(response.into_body()).await, vec![Ok(String::from_utf8_lossy(WILDDOG_22011).into_owned())]);

    // The body's own exact size hint counts as well.
    let mut body = Script::new(vec![data(WILDDOG_22011)]);
    body.exact = Some(WILDDOG_22011.len() as u64);
    let polled = Arc::clone(&body.polled);
    let response = call(&layer, Method::GET, 400, &[], body).await;
    assert!(!polled.load(Ordering::SeqCst));
    assert!(!response.body().is_problem());
}

#[tokio::test]
async fn head_compressed_and_success_responses_are_not_read() {
    let layer = ErrmapLayer::default();
    for (method, status, headers) in [
        (Method::HEAD, 400, vec![]),
        (Method::GET, 400, vec![("content-encoding", "gzip")]),
        (Method::GET, 200, vec![]),
        (Method::GET, 302, vec![]),
    ] {
        let body = Script::new(vec![data(WILDDOG_22011)]);
        let polled = Arc::clone(&body.polled);
        let response = call(&layer, method.clone(), status, &headers, body).await;
        assert!(!polled.load(Ordering::SeqCst), "{method} {status} {headers:?}");
        assert!(!response.body().is_problem());
    }
    // `identity` is no compression.
    let body = Script::new(vec![data(WILDDOG_22011)]);
    let response = call(&layer, Method::GET, 400, &[("content-encoding", "identity")], body).await;
    assert!(response.body().is_problem());
}

#[tokio::test]
async fn operators_keep_the_vendor_code_in_an_extension_at_every_level() {
    for expose in EXPOSURES {
        let layer = ErrmapLayer::default().expose(expose);
        let body = Script::new(vec![data(br#"{"statusCode":400,"apiCode":"2004","message":"user not found"}"#)]);
        let layer = layer.keep_header(header::HeaderName::from_static("x-request-id"));
        let headers = [
            ("x-request-id", "r-1"),
            ("etag", "\"v1\""),
            ("x-amzn-errortype", "UserNotFoundException:"),
            ("set-cookie", "failed_login=1"),
            ("x-ratelimit-remaining", "4"),
            ("retry-after", "30"),
            ("cache-control", "private"),
        ];
        let response = call(&layer, Method::GET, 400, &headers, body).await;
        let upstream = response.extensions().get::<UpstreamError>().expect("the extension").clone();
        assert_eq!(upstream.status, StatusCode::BAD_REQUEST);
        assert_eq!((upstream.vendor.as_str(), upstream.code.as_deref()), ("authing", Some("2004")));
        assert_eq!((upstream.kind, upstream.known), (Kind::USER_NOT_FOUND, true));
        assert_eq!(upstream.visible_kind, expose.visible(Kind::USER_NOT_FOUND));
        assert_eq!(upstream.vendor_message.as_deref(), Some("user not found"));
        // Only the headers the layer decides on: its own, and those kept on purpose.
        assert_eq!(response.headers()["x-request-id"], "r-1");
        let mut names: Vec<&str> = response.headers().keys().map(header::HeaderName::as_str).collect();
        names.sort_unstable();
        let mut expected = vec!["content-language", "content-length", "content-type", "vary", "x-request-id"];
        if expose == Expose::All {
            expected.push("errmap-vendor-code");
            expected.sort_unstable();
        }
        assert_eq!(names, expected, "{expose:?}");
        let shown = response.headers().get(VENDOR_CODE_HEADER).map(|v| v.to_str().unwrap_or_default().to_string());
        assert_eq!(shown.as_deref(), (expose == Expose::All).then_some("authing:2004"), "{expose:?}");
    }
}

#[tokio::test]
async fn status_policy_vendor_hint_header_name_and_status_filter_are_honoured() {
    let wilddog = || Script::new(vec![data(WILDDOG_22011)]);

    let layer = ErrmapLayer::default().expose(Expose::All).status(StatusPolicy::Upstream);
    let response = call(&layer, Method::GET, 400, &[], wilddog()).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let document: Value =
        serde_json::from_slice(&response.into_body().collect().await.expect("a body").to_bytes()).expect("a JSON body");
    assert_eq!((document["status"].clone(), document["kind"].clone()), (json!(400), json!("user_not_found")));

    // Another header name; or none at all.
    let custom = header::HeaderName::from_static("x-upstream-code");
    let layer = ErrmapLayer::default().expose(Expose::All).vendor_code_header(custom.clone());
    let response = call(&layer, Method::GET, 400, &[], wilddog()).await;
    assert_eq!(response.headers()[&custom], "wilddog:22011");
    assert_eq!(response.headers().get(VENDOR_CODE_HEADER), None);
    let layer = ErrmapLayer::default().expose(Expose::All).without_vendor_code_header();
    let response = call(&layer, Method::GET, 400, &[], wilddog()).await;
    assert_eq!(response.headers().get(VENDOR_CODE_HEADER), None);
    assert!(response.extensions().get::<UpstreamError>().is_some());

    // A fixed catalogue wins over detection: 2004 is Wilddog's (unknown there) here.
    let body = Script::new(vec![data(r#"{"code":2004,"message":"该用户不存在"}"#.as_bytes())]);
    let layer = ErrmapLayer::default().expose(Expose::All).vendor("wilddog").expect("a catalogue");
    let response = call(&layer, Method::GET, 400, &[], body).await;
    let upstream = response.extensions().get::<UpstreamError>().expect("the extension");
    assert_eq!((upstream.vendor.as_str(), upstream.known), ("wilddog", false));
    assert_eq!(response.headers()[VENDOR_CODE_HEADER], "wilddog:2004");

    // GraphQL answers errors with 200: inspected only when asked for.
    let graphql = || {
        Script::new(vec![data(br#"{"errors":[{"message":{"code":2005,"message":"locked"}}],"data":{"login":null}}"#)])
    };
    let response = call(&ErrmapLayer::default(), Method::GET, 200, &[], graphql()).await;
    assert!(!response.body().is_problem());
    let layer = ErrmapLayer::default()
        .expose(Expose::AccountStatus)
        .when_status(|s| s == StatusCode::OK || s.is_client_error() || s.is_server_error());
    let response = call(&layer, Method::GET, 200, &[], graphql()).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(response.extensions().get::<UpstreamError>().map(|e| e.kind), Some(Kind::LOCKED));
    // Success bodies stay what they are when 200 is inspected: codes no catalogue has,
    // a message alone, and Authing's code for a finished sign-in flow.
    let successes: [&'static str; 4] = [
        r#"{"code":200,"message":"获取成功","data":{"id":"u_1"}}"#,
        r#"{"statusCode":200,"message":"","apiCode":0,"data":{"id":"u_1"}}"#,
        r#"{"message":"用户名或密码错误","data":{}}"#,
        r#"{"statusCode":200,"apiCode":1600,"message":"认证后流程成功完成，登录态已设置","data":{}}"#,
    ];
    for success in successes {
        let response = call(&layer, Method::GET, 200, &[], Script::new(vec![data(success.as_bytes())])).await;
        assert!(!response.body().is_problem(), "{success}");
        assert_eq!(response.status(), StatusCode::OK);
    }
}

#[tokio::test]
async fn configuration_errors_are_caught_when_configuring() {
    match ErrmapLayer::default().vendor("wildog") {
        Err(Error::UnknownVendor { suggestion, .. }) => assert_eq!(suggestion.as_deref(), Some("wilddog")),
        other => panic!("expected an unknown vendor, got {other:?}"),
    }
    // An alias names its catalogue; a registry of one's own works the same.
    let layer = ErrmapLayer::new(Arc::new(Registry::new())).expose(Expose::All).vendor("huawei-oneaccess");
    let layer = layer.expect("an alias");
    let body = Script::new(vec![data(
        br#"{"error_code":"LOGIN.0002","error_msg":"Invalid account name or password. Remaining attempts: 1"}"#,
    )]);
    let response = call(&layer, Method::GET, 400, &[], body).await;
    assert_eq!(response.headers()[VENDOR_CODE_HEADER], "oneaccess:LOGIN.0002");
}

#[tokio::test]
async fn a_hostile_vendor_code_is_cleaned_in_the_header_the_document_and_the_extension() {
    // A C1 CSI, an OSC 52 clipboard write and a bidi override in the code.
    let body = "{\"code\":\"X\\u009b31m\\u001b]52;c;ZXZpbA==\\u0007\\u202eY\",\"message\":\"x\"}";
    let layer = ErrmapLayer::default().expose(Expose::All).vendor("wilddog").expect("a built-in catalogue");
    let response = call(&layer, Method::GET, 400, &[], Script::new(vec![data(body.as_bytes().to_vec().leak())])).await;
    let clean = "X<U+202E>Y";
    assert_eq!(response.extensions().get::<UpstreamError>().and_then(|u| u.code.as_deref()), Some(clean));
    let header = response.headers().get(VENDOR_CODE_HEADER).map(|v| v.to_str().unwrap_or("not text").to_string());
    assert_eq!(header.as_deref(), Some("wilddog:X<U+202E>Y"));
    let document: Value = serde_json::from_slice(&response.into_body().collect().await.unwrap().to_bytes()).unwrap();
    assert_eq!(document["vendor_code"], clean);
}

#[tokio::test]
async fn an_upstream_failure_is_returned_as_it_was() {
    let failing = service_fn(|_: Request<()>| async { Err::<Response<Script>, _>("connection refused") });
    let result = ErrmapLayer::default().layer(failing).oneshot(Request::new(())).await;
    assert_eq!(result.err(), Some("connection refused"));
}

// --- Upstreams that misbehave, over loopback ------------------------------------------------

/// What a raw upstream does on each connection, after reading the request's head.
#[derive(Clone)]
struct Misbehaving {
    /// The status line and headers, sent at once.
    head: &'static str,
    /// Pieces of the body, each sent after `pause`.
    pieces: Vec<&'static [u8]>,
    pause: std::time::Duration,
    /// Whether the connection is reset (RST) after the last piece, rather than kept.
    reset: bool,
}

/// A TCP upstream on a free loopback port that follows `script` on every connection;
/// aborted when the handle is dropped.
async fn misbehaving_upstream(script: Misbehaving) -> (SocketAddr, tokio::task::AbortHandle) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a free loopback port");
    let address = listener.local_addr().expect("a bound address");
    let task = tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let script = script.clone();
            tokio::spawn(async move {
                let mut request = Vec::new();
                let mut buffer = [0u8; 1024];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buffer).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => request.extend_from_slice(&buffer[..n]),
                    }
                }
                if stream.write_all(script.head.as_bytes()).await.is_err() {
                    return;
                }
                for piece in &script.pieces {
                    tokio::time::sleep(script.pause).await;
                    if stream.write_all(piece).await.is_err() || stream.flush().await.is_err() {
                        return;
                    }
                }
                if script.reset {
                    let _ = stream.set_zero_linger();
                    drop(stream);
                } else {
                    // Held open, as a stuck upstream would.
                    tokio::time::sleep(std::time::Duration::from_secs(60)).await;
                }
            });
        }
    });
    (address, task.abort_handle())
}

/// The example gateway with every route sent to `upstream`.
async fn gateway_to(upstream: SocketAddr, layer: ErrmapLayer) -> Server {
    let base = format!("http://{upstream}");
    let upstreams = gateway::Upstreams { authing: base.clone(), oneaccess: base.clone(), wilddog: base };
    Server::start(gateway::app(upstreams, layer).expect("the gateway's catalogues exist")).await
}

/// The raw bytes a client receives for `GET path`, read until the server closes the
/// connection (or fails it), within `limit`.
async fn raw_get(server: &Server, path: &str, limit: std::time::Duration) -> Result<Vec<u8>, String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(server.address).await.map_err(|e| e.to_string())?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: gateway\r\nAccept-Language: en\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.map_err(|e| e.to_string())?;
    let mut received = Vec::new();
    match tokio::time::timeout(limit, stream.read_to_end(&mut received)).await {
        Ok(Ok(_)) => Ok(received),
        Ok(Err(e)) => Err(format!("failed after {} bytes: {e}", received.len())),
        Err(_) => Err(format!("no end within {limit:?} ({} bytes)", received.len())),
    }
}

#[tokio::test]
async fn a_trickling_error_body_is_answered_with_upstream_error_at_the_deadline() {
    let trickle = Misbehaving {
        head: "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 39\r\n\r\n",
        pieces: br#"{"code":22011,"message":"invalid_user"}"#.chunks(1).collect(),
        pause: std::time::Duration::from_millis(200),
        reset: false,
    };
    let (upstream, stop) = misbehaving_upstream(trickle).await;
    let deadline = std::time::Duration::from_millis(300);
    let gateway = gateway_to(upstream, ErrmapLayer::default().body_deadline(Some(deadline))).await;
    let client: Client<HttpConnector, Empty<Bytes>> = Client::builder(TokioExecutor::new()).build_http();
    let started = std::time::Instant::now();
    let reply = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        fetch(&client, gateway.url("/wilddog/22011_invalid_user"), Some("en")),
    )
    .await
    .expect("the gateway answers before the upstream finishes (8 s at 1 byte per 200 ms)");
    assert!(started.elapsed() < std::time::Duration::from_secs(2), "answered after {:?}", started.elapsed());
    assert_eq!(reply.status, StatusCode::BAD_GATEWAY);
    assert_eq!(reply.header(header::CONTENT_TYPE), Some(PROBLEM_JSON));
    assert_eq!(reply.json()["kind"], "upstream_error");
    assert_eq!(reply.json().get("vendor_code"), None);
    assert_eq!(reply.header(VENDOR_CODE_HEADER), None);
    drop(client);
    gateway.stop().await;
    stop.abort();
}

#[tokio::test]
async fn an_upstream_reset_mid_body_aborts_the_response() {
    for (framing, head, pieces) in [
        (
            "content-length",
            "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 39\r\n\r\n",
            vec![&b"{\"code\":22011,"[..]],
        ),
        (
            "chunked",
            "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
            vec![&b"e\r\n{\"code\":22011,\r\n"[..]],
        ),
    ] {
        let script = Misbehaving { head, pieces, pause: std::time::Duration::from_millis(50), reset: true };
        let (upstream, stop) = misbehaving_upstream(script).await;
        let gateway = gateway_to(upstream, ErrmapLayer::default()).await;
        let received = raw_get(&gateway, "/wilddog/x", std::time::Duration::from_secs(5)).await;
        // Either the connection fails, or it ends before the declared body: never a
        // complete message that a client would take for the whole body.
        if let Ok(bytes) = &received {
            let text = String::from_utf8_lossy(bytes);
            let complete = match text.split_once("\r\n\r\n") {
                Some((head, body)) if head.to_ascii_lowercase().contains("transfer-encoding: chunked") => {
                    body.ends_with("0\r\n\r\n")
                }
                Some((head, body)) => head
                    .to_ascii_lowercase()
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:").map(|n| n.trim().parse::<usize>().ok()))
                    .flatten()
                    .is_none_or(|length| body.len() >= length),
                None => false,
            };
            assert!(!complete, "{framing}: a reset upstream came out as a complete response:\n{text}");
        } else if let Err(why) = &received {
            assert!(!why.starts_with("no end"), "{framing}: the client was left waiting: {why}");
        }
        gateway.stop().await;
        stop.abort();
    }
}

#[tokio::test]
async fn a_rewritten_response_has_the_canonical_reason_phrase_and_only_its_own_headers() {
    let mut answers = Vec::new();
    for (reason, errortype, body) in [
        ("User Not Found", "UserNotFoundException:", r#"{"code":22011,"message":"invalid_user"}"#),
        ("Wrong Password", "NotAuthorizedException:", r#"{"code":22010,"message":"invalid_password"}"#),
    ] {
        let head = format!(
            "HTTP/1.1 401 {reason}\r\nConnection: close\r\nContent-Type: application/json\r\nx-amzn-errortype: {errortype}\r\nSet-Cookie: seen=1\r\nX-RateLimit-Remaining: 4\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        let script =
            Misbehaving { head: head.leak(), pieces: Vec::new(), pause: std::time::Duration::ZERO, reset: false };
        let (upstream, stop) = misbehaving_upstream(script).await;
        let gateway = gateway_to(upstream, ErrmapLayer::default()).await;
        let client: Client<HttpConnector, Empty<Bytes>> = Client::builder(TokioExecutor::new()).build_http();
        let reply = fetch(&client, gateway.url("/wilddog/x"), Some("en")).await;
        assert_eq!(reply.header(header::CONTENT_TYPE), Some(PROBLEM_JSON), "{reason}");
        drop(client);
        let raw = raw_get(&gateway, "/wilddog/x", std::time::Duration::from_secs(5)).await.expect("a whole answer");
        let raw = String::from_utf8_lossy(&raw).into_owned();
        // The Date header is the only one that may differ.
        let without_date: Vec<&str> = raw.lines().filter(|l| !l.to_ascii_lowercase().starts_with("date:")).collect();
        assert!(raw.starts_with("HTTP/1.1 401 Unauthorized\r\n"), "{raw}");
        let head = raw.split_once("\r\n\r\n").map_or(raw.as_str(), |(head, _)| head).to_ascii_lowercase();
        for leak in ["x-amzn-errortype", "set-cookie", "x-ratelimit", "user not found", "wrong password"] {
            assert!(!head.contains(leak), "{leak} in\n{raw}");
        }
        answers.push(without_date.join("\n"));
        gateway.stop().await;
        stop.abort();
    }
    assert_eq!(answers[0], answers[1]);
}

#[test]
fn the_deadline_holds_on_a_runtime_without_timers_and_a_huge_one_cannot_overflow() {
    // The upstream and the client run on an ordinary runtime; the gateway on one built
    // without Tokio's timer, where a Tokio `sleep` panics.
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    // At 300 ms, a body at a byte per 200 ms is cut short; a deadline too far for the
    // clock is none, and the whole body (a byte per 10 ms) is read and rewritten.
    for (deadline, pause, answered_by) in [
        (std::time::Duration::from_millis(300), 200, StatusCode::BAD_GATEWAY),
        (std::time::Duration::MAX, 10, StatusCode::UNAUTHORIZED),
    ] {
        let trickle = Misbehaving {
            head: "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 39\r\n\r\n",
            pieces: br#"{"code":22011,"message":"invalid_user"}"#.chunks(1).collect(),
            pause: std::time::Duration::from_millis(pause),
            reset: false,
        };
        let (upstream, stop) = runtime.block_on(misbehaving_upstream(trickle));
        let layer = ErrmapLayer::default().body_deadline(Some(deadline));
        let (address_sent, address) = std::sync::mpsc::channel();
        let (shutdown, stopped) = oneshot::channel::<()>();
        let gateway = std::thread::spawn(move || {
            let timeless = tokio::runtime::Builder::new_current_thread().enable_io().build().expect("a runtime");
            timeless.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a free loopback port");
                address_sent.send(listener.local_addr().expect("a bound address")).expect("the test waits");
                let base = format!("http://{upstream}");
                let upstreams = gateway::Upstreams { authing: base.clone(), oneaccess: base.clone(), wilddog: base };
                let app = gateway::app(upstreams, layer).expect("the gateway's catalogues exist");
                let serve = axum::serve(listener, app).with_graceful_shutdown(async {
                    let _ = stopped.await;
                });
                serve.await
            })
        });
        let address = address.recv().expect("the gateway listens");
        let server = Server { address, shutdown: None, task: None };
        let started = std::time::Instant::now();
        let raw = runtime.block_on(raw_get(&server, "/wilddog/22011_invalid_user", std::time::Duration::from_secs(5)));
        let raw = String::from_utf8_lossy(&raw.unwrap_or_else(|why| panic!("{deadline:?}: {why}"))).into_owned();
        assert!(raw.starts_with(&format!("HTTP/1.1 {}", answered_by.as_u16())), "{deadline:?}: {raw}");
        if answered_by == StatusCode::BAD_GATEWAY {
            assert!(started.elapsed() < std::time::Duration::from_secs(2), "answered after {:?}", started.elapsed());
            assert!(raw.contains("upstream_error"), "{raw}");
        }
        let _ = shutdown.send(());
        gateway.join().expect("the gateway's thread ends").expect("the gateway shuts down cleanly");
        stop.abort();
    }
}
