//! A small axum gateway in front of three authentication providers: it proxies
//! `/authing/*`, `/oneaccess/*` and `/wilddog/*` to their upstreams and turns every
//! vendor error on the way back into canonical problem+json, in the caller's language.
//!
//! ```text
//! cargo run --example stub_upstream -- 127.0.0.1:9000          # or real providers
//! AUTHING_URL=http://127.0.0.1:9000/authing \
//! ONEACCESS_URL=http://127.0.0.1:9000/oneaccess \
//! WILDDOG_URL=http://127.0.0.1:9000/wilddog \
//! ERRMAP_EXPOSE=account-status \
//!   cargo run --features tower --example gateway -- 127.0.0.1:8080
//! curl -i -H 'Accept-Language: zh-CN,zh;q=0.9' http://127.0.0.1:8080/oneaccess/login_0002_remaining_attempts
//! ```
//!
//! The URLs default to the stub's (`http://127.0.0.1:9000/<vendor>`), the exposure to
//! `none`, the address to `127.0.0.1:8080`. Each rewritten error is logged to stderr
//! with the vendor's own code, which the client may not see.
//!
//! The integration tests (`tests/tower.rs`) run this very router.

use std::net::SocketAddr;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::middleware::map_response;
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use errmap_auth::Expose;
use errmap_auth::tower::{ErrmapLayer, UpstreamError};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

/// Where each provider lives: base URLs, the rest of the path is appended.
#[derive(Debug, Clone)]
pub struct Upstreams {
    /// Authing (any of its dialects: API v3, GraphQL v2, the Android SDK's).
    pub authing: String,
    /// Huawei Cloud OneAccess.
    pub oneaccess: String,
    /// Wilddog.
    pub wilddog: String,
}

impl Upstreams {
    /// From `AUTHING_URL`, `ONEACCESS_URL` and `WILDDOG_URL`, defaulting to the stub's.
    pub fn from_env() -> Upstreams {
        let var = |name: &str, vendor: &str| {
            std::env::var(name).unwrap_or_else(|_| format!("http://127.0.0.1:9000/{vendor}"))
        };
        Upstreams {
            authing: var("AUTHING_URL", "authing"),
            oneaccess: var("ONEACCESS_URL", "oneaccess"),
            wilddog: var("WILDDOG_URL", "wilddog"),
        }
    }
}

#[derive(Clone)]
struct Upstream {
    base: String,
    client: Client<HttpConnector, Body>,
}

/// The gateway's routes, each wrapped in `layer` with its catalogue. Authing's route
/// detects the catalogue from each body, because one Authing host answers in three
/// dialects (API v3, GraphQL v2, Android SDK) whose codes overlap, and it inspects
/// `200` responses too, because two of those dialects report errors with `200`.
/// OneAccess and Wilddog speak one dialect each, so their routes name it.
pub fn app(upstreams: Upstreams, layer: ErrmapLayer) -> Result<Router, errmap_auth::Error> {
    let client = Client::builder(TokioExecutor::new()).build_http();
    let route = |base: String| any(proxy).with_state(Upstream { base, client: client.clone() });
    let authing = layer.clone().detect_vendor().when_status(authing_error_status);
    Ok(Router::new()
        .route("/authing/{*rest}", route(upstreams.authing).layer(authing))
        .route("/oneaccess/{*rest}", route(upstreams.oneaccess).layer(layer.clone().vendor("oneaccess")?))
        .route("/wilddog/{*rest}", route(upstreams.wilddog).layer(layer.vendor("wilddog")?)))
}

/// The statuses Authing reports errors with: 4xx, 5xx, and 200 (GraphQL, Android SDK).
pub fn authing_error_status(status: StatusCode) -> bool {
    status == StatusCode::OK || status.is_client_error() || status.is_server_error()
}

/// Headers that concern one connection, not the message: never forwarded.
const HOP_BY_HOP: [&str; 8] = [
    "connection",
    "keep-alive",
    "proxy-connection",
    "proxy-authenticate",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

fn strip_hop_by_hop(headers: &mut HeaderMap) {
    for name in HOP_BY_HOP {
        headers.remove(name);
    }
}

async fn proxy(State(upstream): State<Upstream>, Path(rest): Path<String>, request: Request) -> Response {
    let query = request.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
    let target = format!("{}/{rest}{query}", upstream.base.trim_end_matches('/'));
    let Ok(uri) = target.parse::<Uri>() else {
        return (StatusCode::BAD_REQUEST, "the path cannot be forwarded\n").into_response();
    };
    let (mut parts, body) = request.into_parts();
    parts.uri = uri;
    parts.headers.remove(header::HOST);
    strip_hop_by_hop(&mut parts.headers);
    match upstream.client.request(Request::from_parts(parts, body)).await {
        Ok(response) => {
            let (mut parts, body) = response.into_parts();
            strip_hop_by_hop(&mut parts.headers);
            Response::from_parts(parts, Body::new(body))
        }
        Err(error) => (StatusCode::BAD_GATEWAY, format!("upstream unreachable: {error}\n")).into_response(),
    }
}

/// What an operator sees: the vendor's code, whatever the client was shown.
async fn log_upstream_error(response: Response) -> Response {
    if let Some(error) = response.extensions().get::<UpstreamError>() {
        eprintln!(
            "{} {}:{} {} -> {} {}",
            error.status.as_u16(),
            error.vendor,
            error.code.as_deref().unwrap_or("-"),
            error.kind,
            response.status().as_u16(),
            error.visible_kind,
        );
    }
    response
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let address: SocketAddr = std::env::args().nth(1).as_deref().unwrap_or("127.0.0.1:8080").parse()?;
    let expose: Expose = std::env::var("ERRMAP_EXPOSE").as_deref().unwrap_or("none").parse()?;
    let upstreams = Upstreams::from_env();
    let router = app(upstreams.clone(), ErrmapLayer::default().expose(expose))?.layer(map_response(log_upstream_error));
    let listener = tokio::net::TcpListener::bind(address).await?;
    println!("gateway on http://{} (expose {}) -> {upstreams:?}", listener.local_addr()?, expose.as_str());
    axum::serve(listener, router)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
