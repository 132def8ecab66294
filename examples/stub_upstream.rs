//! A stand-in for the providers behind `examples/gateway.rs`: it answers with the
//! real-looking vendor bodies of `tests/fixtures/bodies/`.
//!
//! ```text
//! cargo run --example stub_upstream -- 127.0.0.1:9000
//! ```
//!
//! - `GET /<anything>/<fixture>` answers fixture `<fixture>.json` (from any catalogue's
//!   folder, e.g. `/authing/2004_user_not_found_v3_shape`) with its body, its
//!   `context.status` (200 when it has none) and its `context.content_type`;
//! - `GET /<anything>/ok` answers `200 {"data":{"id":"u_1"}}`;
//! - `GET /<anything>/large?bytes=N` answers a Wilddog error padded to N bytes with a
//!   `Content-Length`, and `/<anything>/large-chunked?bytes=N` the same in 1 KiB chunks
//!   without one (chunked transfer coding).
//!
//! The integration tests (`tests/tower.rs`) run this very router.

use std::collections::HashMap;
use std::convert::Infallible;
use std::path::{Path as FsPath, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http_body::Frame;

/// One fixture as the stub serves it.
#[derive(Debug, Clone)]
pub struct Fixture {
    /// The catalogue folder it came from (`authing`, `other`, …).
    pub folder: String,
    /// `context.status`, or 200.
    pub status: StatusCode,
    /// `context.content_type`, if any.
    pub content_type: Option<String>,
    /// The body's bytes: a JSON `body` serialized, a string `body` verbatim.
    pub body: Bytes,
}

/// The fixtures under `tests/fixtures/bodies`, by file name without `.json`.
pub fn load_fixtures() -> Result<HashMap<String, Fixture>, String> {
    let root = FsPath::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bodies");
    let mut fixtures = HashMap::new();
    let folders = std::fs::read_dir(&root).map_err(|e| format!("{}: {e}", root.display()))?;
    for folder in folders {
        let folder = folder.map_err(|e| e.to_string())?.path();
        let folder_name = folder.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        for file in std::fs::read_dir(&folder).map_err(|e| format!("{}: {e}", folder.display()))? {
            let path: PathBuf = file.map_err(|e| e.to_string())?.path();
            let Some(name) =
                path.file_stem().and_then(|n| n.to_str()).filter(|_| path.extension().is_some_and(|e| e == "json"))
            else {
                continue;
            };
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let fixture: serde_json::Value =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            let status = fixture["context"]["status"]
                .as_u64()
                .and_then(|s| u16::try_from(s).ok())
                .and_then(|s| StatusCode::from_u16(s).ok())
                .unwrap_or(StatusCode::OK);
            let body = match &fixture["body"] {
                serde_json::Value::String(raw) => Bytes::from(raw.clone()),
                value => Bytes::from(value.to_string()),
            };
            let served = Fixture {
                folder: folder_name.clone(),
                status,
                content_type: fixture["context"]["content_type"].as_str().map(str::to_string),
                body,
            };
            if fixtures.insert(name.to_string(), served).is_some() {
                return Err(format!("two fixtures are named {name}"));
            }
        }
    }
    Ok(fixtures)
}

/// The stub's routes.
pub fn router(fixtures: Arc<HashMap<String, Fixture>>) -> Router {
    Router::new().route("/{prefix}/{name}", get(answer)).with_state(fixtures)
}

async fn answer(
    State(fixtures): State<Arc<HashMap<String, Fixture>>>,
    Path((_prefix, name)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Response {
    let bytes = query
        .as_deref()
        .and_then(|q| q.split('&').find_map(|pair| pair.strip_prefix("bytes=")))
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(256 * 1024);
    match name.as_str() {
        "ok" => ([(header::CONTENT_TYPE, "application/json")], r#"{"data":{"id":"u_1"}}"#).into_response(),
        "large" => {
            (StatusCode::BAD_REQUEST, [(header::CONTENT_TYPE, "application/json")], large_body(bytes)).into_response()
        }
        "large-chunked" => {
            let body = large_body(bytes);
            let chunks: Vec<Bytes> = body.chunks(1024).map(Bytes::copy_from_slice).collect();
            let mut response = Response::new(Body::new(Chunked(chunks.into_iter())));
            *response.status_mut() = StatusCode::BAD_REQUEST;
            response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
            response
        }
        _ => match fixtures.get(&name) {
            Some(fixture) => {
                let mut response = Response::new(Body::from(fixture.body.clone()));
                *response.status_mut() = fixture.status;
                if let Some(value) = fixture.content_type.as_deref().and_then(|t| HeaderValue::from_str(t).ok()) {
                    response.headers_mut().insert(header::CONTENT_TYPE, value);
                }
                response
            }
            None => (StatusCode::NOT_FOUND, format!("the stub has no fixture {name}\n")).into_response(),
        },
    }
}

/// A Wilddog user-not-found error padded with a `trace` member to `size` bytes.
pub fn large_body(size: usize) -> Vec<u8> {
    let head = br#"{"code":22011,"message":"invalid_user","trace":""#;
    let tail = br#""}"#;
    let mut body = Vec::with_capacity(size.max(head.len() + tail.len()));
    body.extend_from_slice(head);
    body.resize(size.saturating_sub(tail.len()).max(head.len()), b'x');
    body.extend_from_slice(tail);
    body
}

/// A body in several frames with no known length, as a streaming upstream sends it.
struct Chunked(std::vec::IntoIter<Bytes>);

impl http_body::Body for Chunked {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        Poll::Ready(self.get_mut().0.next().map(|chunk| Ok(Frame::data(chunk))))
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let address = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:9000".to_string());
    let fixtures = Arc::new(load_fixtures()?);
    let listener = tokio::net::TcpListener::bind(&address).await?;
    println!("stub upstream serving {} fixtures on http://{}", fixtures.len(), listener.local_addr()?);
    axum::serve(listener, router(fixtures))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
