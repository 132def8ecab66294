//! Gateway middleware: a [`tower`](https://docs.rs/tower) [`Layer`] that rewrites
//! authentication providers' error responses into canonical RFC 9457 problem+json,
//! in the caller's language. Enabled by the `tower` cargo feature.
//!
//! Wrap the route that calls a provider, or the upstream client itself, in one line:
//!
//! ```
//! # use axum::{Router, body::Body, response::Response, routing::any};
//! use errmap_auth::Expose;
//! use errmap_auth::tower::ErrmapLayer;
//!
//! # async fn proxy() -> Response { Response::new(Body::empty()) }
//! # fn main() -> Result<(), errmap_auth::Error> {
//! let app: Router = Router::new()
//!     .route("/oneaccess/{*rest}", any(proxy))
//!     .layer(ErrmapLayer::default().expose(Expose::AccountStatus).vendor("oneaccess")?);
//! # Ok(())
//! # }
//! ```
//!
//! or, around a client (any `Service<Request<_>, Response = Response<B>>` whose body
//! yields [`Bytes`]), so that every caller of it sees canonical errors:
//!
//! ```
//! use bytes::Bytes;
//! use errmap_auth::tower::ErrmapLayer;
//! use http_body_util::Empty;
//! use hyper_util::{client::legacy::Client, rt::TokioExecutor};
//! use tower::{Layer, ServiceExt};
//!
//! # async fn call() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
//! let client = ErrmapLayer::default().layer(Client::builder(TokioExecutor::new()).build_http::<Empty<Bytes>>());
//! let request = http::Request::get("http://127.0.0.1:9000/wilddog/22011_invalid_user").body(Empty::new())?;
//! let response = client.oneshot(request).await?; // problem+json if the upstream sent Wilddog's 22011
//! # let _ = response;
//! # Ok(())
//! # }
//! ```
//!
//! For each response the [`Errmap`] service:
//!
//! - leaves it alone unless its status is an error (4xx or 5xx by default, see
//!   [`ErrmapLayer::when_status`]), the request was not `HEAD`, the body is not
//!   compressed (`Content-Encoding`), and its `Content-Length`, when known, is within
//!   [`ErrmapLayer::max_body_bytes`];
//! - otherwise reads the body up to that limit, for at most
//!   [`ErrmapLayer::body_deadline`]. A body that turns out larger goes on as it came:
//!   the part read, then the rest of the stream, byte for byte. A body that fails while
//!   being read (the upstream reset the connection) goes on as the part read and then
//!   the same error, so the server aborts the response and the client sees the failure
//!   rather than a clean, short body. A body still incomplete at the deadline is not
//!   waited for: the answer is the canonical `upstream_error` problem (502), and the
//!   upstream body is dropped;
//! - normalizes a complete body with [`Normalizer`]. When it is a vendor's error
//!   (see [`UpstreamError`]) the response becomes an `application/problem+json`
//!   document at the configured [`Expose`] level, with `Content-Language` negotiated
//!   from the request's `Accept-Language` ([`negotiate_accept_language`]), the status
//!   of the canonical kind ([`StatusPolicy`]) and its canonical reason phrase, an
//!   [`UpstreamError`] response extension for operators and, where the exposure level
//!   shows the vendor code, the [`VENDOR_CODE_HEADER`]. Any other body goes on
//!   unchanged.
//!
//! A rewritten response carries only the headers the layer decides on: an allow-list,
//! not a deny-list, because any upstream header (`x-amzn-errortype:
//! UserNotFoundException:`, a cookie set only for a known account, a per-account
//! rate-limit counter) can tell a missing user from a wrong password. They are
//! `Content-Type`, `Content-Length`, `Content-Language`, `Vary: accept-language`, the
//! vendor-code header where the level shows the code, `Retry-After` when the visible
//! kind is retryable (a rate limit, an outage: kinds that are public at every level),
//! and the headers named with [`ErrmapLayer::keep_header`] (correlation ids). In
//! particular `Set-Cookie` and the rate-limit headers (`RateLimit`, `RateLimit-Policy`,
//! `X-RateLimit-*`) are dropped unless kept on purpose. The upstream's response
//! extensions go too (hyper keeps a non-canonical reason phrase there, such as
//! `401 User Not Found`), except that [`UpstreamError`] is added.
//!
//! The request path takes no lock: the configuration is shared behind an [`Arc`], the
//! registry is `&'static` or an [`Arc`], and messages render from per-thread bundles.

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented
)]

mod deadline;

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context as TaskContext, Poll, ready};
use std::time::Duration;

use ::tower::{Layer, Service};
use bytes::{Bytes, BytesMut};
use http::header::{self, HeaderName, HeaderValue};
use http::response::Parts;
use http::{HeaderMap, Method, Request, Response, StatusCode};
use http_body::{Body, Frame, SizeHint};
use pin_project_lite::pin_project;

use crate::error::Error;
use crate::messages::Locale;
use crate::normalize::{CanonicalError, Context, DetectedBy, Expose, Limits, Normalizer};
use crate::problem::{PROBLEM_CONTENT_TYPE, Problem, ProblemOptions};
use crate::registry::Registry;
use crate::taxonomy::Kind;
use deadline::Deadline;

/// The default name of the header that carries `vendor:code` (`authing:2004`) to
/// operators: `errmap-vendor-code`. Sent only where the exposure level shows the code.
pub const VENDOR_CODE_HEADER: HeaderName = HeaderName::from_static("errmap-vendor-code");

/// The default for [`ErrmapLayer::max_body_bytes`]: 64 KiB. Vendor error bodies are a
/// few hundred bytes.
pub const DEFAULT_MAX_BODY_BYTES: usize = 64 * 1024;

/// The default for [`ErrmapLayer::body_deadline`]: 5 seconds from the upstream's
/// headers to the end of its error body. Vendors send theirs in milliseconds.
pub const DEFAULT_BODY_DEADLINE: Duration = Duration::from_secs(5);

/// The registry a layer answers from: the built-in one (`&'static`) or one of your own
/// shared behind an [`Arc`]. Either way the request path reads it without a lock.
#[derive(Debug, Clone)]
pub enum SharedRegistry {
    /// A registry that lives for the whole program, such as [`Registry::builtin`].
    Static(&'static Registry),
    /// A registry built at run time, e.g. with catalogues of your own.
    Shared(Arc<Registry>),
}

impl SharedRegistry {
    /// The registry.
    pub fn get(&self) -> &Registry {
        match self {
            SharedRegistry::Static(registry) => registry,
            SharedRegistry::Shared(registry) => registry,
        }
    }
}

impl From<&'static Registry> for SharedRegistry {
    fn from(registry: &'static Registry) -> SharedRegistry {
        SharedRegistry::Static(registry)
    }
}

impl From<Arc<Registry>> for SharedRegistry {
    fn from(registry: Arc<Registry>) -> SharedRegistry {
        SharedRegistry::Shared(registry)
    }
}

impl From<Registry> for SharedRegistry {
    fn from(registry: Registry) -> SharedRegistry {
        SharedRegistry::Shared(Arc::new(registry))
    }
}

/// Which HTTP status a rewritten response carries.
#[derive(Debug, Copy, Clone, PartialEq, Eq, Hash, Default)]
pub enum StatusPolicy {
    /// The status of the kind shown at the exposure level (Authing's `400` for a
    /// wrong password becomes `401`), so collapsed kinds cannot be told apart by
    /// status either. Should that status not be an error (4xx or 5xx), the upstream
    /// status is kept.
    #[default]
    Canonical,
    /// The upstream's status, unchanged; the problem document's `status` says the same.
    Upstream,
}

/// Which responses are inspected, by status.
type StatusFilter = Arc<dyn Fn(StatusCode) -> bool + Send + Sync>;

#[derive(Clone)]
struct Config {
    registry: SharedRegistry,
    vendor: Option<String>,
    expose: Expose,
    status: StatusPolicy,
    when_status: Option<StatusFilter>,
    max_body_bytes: usize,
    body_deadline: Option<Duration>,
    vendor_code_header: Option<HeaderName>,
    kept_headers: Vec<HeaderName>,
    default_locale: Locale,
    options: ProblemOptions,
}

impl Config {
    fn inspects(&self, status: StatusCode) -> bool {
        match &self.when_status {
            Some(filter) => filter(status),
            None => status.is_client_error() || status.is_server_error(),
        }
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("vendor", &self.vendor)
            .field("expose", &self.expose)
            .field("status", &self.status)
            .field("when_status", &self.when_status.as_ref().map_or("4xx or 5xx", |_| "custom"))
            .field("max_body_bytes", &self.max_body_bytes)
            .field("body_deadline", &self.body_deadline)
            .field("vendor_code_header", &self.vendor_code_header)
            .field("kept_headers", &self.kept_headers)
            .field("default_locale", &self.default_locale)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

/// A [`Layer`] that normalizes upstream authentication errors into problem+json; see
/// the [module documentation](self) for what it does to each response.
///
/// Configured builder-style; cloning is cheap (one [`Arc`]), so a base layer can be
/// specialised per route:
///
/// ```
/// use errmap_auth::Expose;
/// use errmap_auth::tower::{ErrmapLayer, StatusPolicy};
/// use http::HeaderName;
///
/// let base = ErrmapLayer::default()
///     .expose(Expose::AccountStatus)
///     .status(StatusPolicy::Canonical)
///     .max_body_bytes(16 * 1024)
///     .vendor_code_header(HeaderName::from_static("x-upstream-code"));
/// let wilddog = base.clone().vendor("wilddog")?;
/// assert!(base.clone().vendor("wildog").is_err()); // a typo is caught when configuring
/// # let _ = wilddog;
/// # Ok::<(), errmap_auth::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ErrmapLayer {
    config: Arc<Config>,
}

impl Default for ErrmapLayer {
    /// A layer over the built-in catalogues, at [`Expose::None`].
    fn default() -> ErrmapLayer {
        ErrmapLayer::new(Registry::builtin())
    }
}

impl ErrmapLayer {
    /// A layer over `registry` (`Registry::builtin()`, an `Arc<Registry>` or a
    /// `Registry`), with the defaults: catalogue detected from each body, exposure
    /// [`Expose::None`], [`StatusPolicy::Canonical`], 4xx and 5xx inspected, bodies up
    /// to [`DEFAULT_MAX_BODY_BYTES`] read within [`DEFAULT_BODY_DEADLINE`], the
    /// [`VENDOR_CODE_HEADER`], no upstream header kept, English when the request
    /// accepts no shipped locale, and the default [`ProblemOptions`].
    pub fn new(registry: impl Into<SharedRegistry>) -> ErrmapLayer {
        ErrmapLayer {
            config: Arc::new(Config {
                registry: registry.into(),
                vendor: None,
                expose: Expose::None,
                status: StatusPolicy::Canonical,
                when_status: None,
                max_body_bytes: DEFAULT_MAX_BODY_BYTES,
                body_deadline: Some(DEFAULT_BODY_DEADLINE),
                vendor_code_header: Some(VENDOR_CODE_HEADER),
                kept_headers: Vec::new(),
                default_locale: Locale::En,
                options: ProblemOptions::default(),
            }),
        }
    }

    fn with(mut self, change: impl FnOnce(&mut Config)) -> ErrmapLayer {
        change(Arc::make_mut(&mut self.config));
        self
    }

    /// How much of each error reaches the client (default [`Expose::None`]).
    pub fn expose(self, expose: Expose) -> ErrmapLayer {
        self.with(|c| c.expose = expose)
    }

    /// Fixes the catalogue (id or alias) for every response through this layer, as
    /// for a route that only ever calls one provider; the catalogue then always wins
    /// over detection. Fails with [`Error::UnknownVendor`] (with a suggestion) when
    /// the registry has no such catalogue.
    pub fn vendor(self, vendor: &str) -> Result<ErrmapLayer, Error> {
        let id = self.config.registry.get().catalogue(vendor)?.id().to_string();
        Ok(self.with(|c| c.vendor = Some(id)))
    }

    /// Detects the catalogue from each body (the default), undoing [`ErrmapLayer::vendor`].
    pub fn detect_vendor(self) -> ErrmapLayer {
        self.with(|c| c.vendor = None)
    }

    /// Which status a rewritten response carries (default [`StatusPolicy::Canonical`]).
    pub fn status(self, status: StatusPolicy) -> ErrmapLayer {
        self.with(|c| c.status = status)
    }

    /// Which responses are inspected, by status (default: 4xx and 5xx). Include
    /// `200` for vendors that answer errors with success statuses (Authing's GraphQL
    /// API and Android SDK do): such a response is rewritten only when its body has a
    /// code that the catalogue documents as an error (or that comes with one of its
    /// error messages), so success bodies pass through.
    ///
    /// ```
    /// # use errmap_auth::tower::ErrmapLayer;
    /// let layer = ErrmapLayer::default().when_status(|s| s.is_client_error() || s.is_server_error() || s == 200);
    /// # let _ = layer;
    /// ```
    pub fn when_status(self, filter: impl Fn(StatusCode) -> bool + Send + Sync + 'static) -> ErrmapLayer {
        self.with(|c| c.when_status = Some(Arc::new(filter)))
    }

    /// The most body bytes read into memory per response (default
    /// [`DEFAULT_MAX_BODY_BYTES`]). A response whose `Content-Length` says more is not
    /// read at all; one found to be longer while reading goes on unchanged (what was
    /// read, then the rest of the stream). At most one frame beyond the limit is held.
    pub fn max_body_bytes(self, limit: usize) -> ErrmapLayer {
        self.with(|c| c.max_body_bytes = limit)
    }

    /// How long an error body may take to arrive, from the upstream's headers to its
    /// end (default [`DEFAULT_BODY_DEADLINE`]); `None` waits as long as the upstream
    /// takes. A body still incomplete then is answered with the canonical
    /// `upstream_error` problem (status 502) rather than passed on: passing the part
    /// read on would show the vendor's raw error whenever the upstream is slow, and
    /// waiting lets a trickling upstream hold the client without headers.
    ///
    /// The deadline is kept by a thread of errmap's own, started with the first one,
    /// not by a runtime's timer: it holds under any executor (a Tokio runtime built
    /// without `enable_time` too) and cannot panic. A deadline too far in the future
    /// for the system clock to represent is no deadline.
    pub fn body_deadline(self, deadline: Option<Duration>) -> ErrmapLayer {
        self.with(|c| c.body_deadline = deadline)
    }

    /// Keeps the upstream's `name` header on rewritten responses, such as a
    /// correlation id (`x-request-id`); repeatable. Every other upstream header is
    /// dropped from a rewritten response (see the [module documentation](self)). Keep
    /// only headers whose value cannot differ between conditions of one public kind:
    /// keeping `Set-Cookie` or a rate-limit counter gives up what [`Expose::None`]
    /// promises wherever the upstream sets them for some conditions and not others.
    pub fn keep_header(self, name: HeaderName) -> ErrmapLayer {
        self.with(|c| {
            if !c.kept_headers.contains(&name) {
                c.kept_headers.push(name);
            }
        })
    }

    /// The header that carries `vendor:code` to operators (default
    /// [`VENDOR_CODE_HEADER`]). It is only sent where the exposure level shows the
    /// code: never at [`Expose::None`], and not for a kind that is collapsed.
    pub fn vendor_code_header(self, name: HeaderName) -> ErrmapLayer {
        self.with(|c| c.vendor_code_header = Some(name))
    }

    /// Sends no vendor-code header at any exposure level; the [`UpstreamError`]
    /// extension still carries the code in process.
    pub fn without_vendor_code_header(self) -> ErrmapLayer {
        self.with(|c| c.vendor_code_header = None)
    }

    /// The locale used when `Accept-Language` is missing or accepts no shipped locale
    /// (default [`Locale::En`]).
    pub fn default_locale(self, locale: Locale) -> ErrmapLayer {
        self.with(|c| c.default_locale = locale)
    }

    /// How problem documents name their `type` (default [`ProblemOptions::default`]).
    pub fn problem_options(self, options: ProblemOptions) -> ErrmapLayer {
        self.with(|c| c.options = options)
    }
}

impl<S> Layer<S> for ErrmapLayer {
    type Service = Errmap<S>;

    fn layer(&self, inner: S) -> Errmap<S> {
        Errmap { inner, config: Arc::clone(&self.config) }
    }
}

/// The [`Service`] made by [`ErrmapLayer`]: calls the inner service and rewrites its
/// vendor error responses.
#[derive(Debug, Clone)]
pub struct Errmap<S> {
    inner: S,
    config: Arc<Config>,
}

impl<S> Errmap<S> {
    /// The wrapped service.
    pub fn get_ref(&self) -> &S {
        &self.inner
    }

    /// The wrapped service, mutably.
    pub fn get_mut(&mut self) -> &mut S {
        &mut self.inner
    }

    /// The wrapped service, unwrapped.
    pub fn into_inner(self) -> S {
        self.inner
    }
}

impl<S, ReqBody, ResBody> Service<Request<ReqBody>> for Errmap<S>
where
    S: Service<Request<ReqBody>, Response = Response<ResBody>>,
    ResBody: Body<Data = Bytes>,
{
    type Response = Response<ErrmapBody<ResBody>>;
    type Error = S::Error;
    type Future = ResponseFuture<S::Future, ResBody>;

    fn poll_ready(&mut self, cx: &mut TaskContext<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<ReqBody>) -> Self::Future {
        // Only what the answer needs is kept: the header (a cheap clone) is parsed only
        // if a response is rewritten.
        let accept_language = request.headers().get(header::ACCEPT_LANGUAGE).cloned();
        let inspect = request.method() != Method::HEAD;
        ResponseFuture {
            state: State::Calling { future: self.inner.call(request) },
            config: Arc::clone(&self.config),
            accept_language,
            inspect,
        }
    }
}

/// What operators may want to know about a rewritten response, left in its
/// extensions (it never leaves the process): the upstream's status and the vendor's
/// own code, whatever the exposure level.
///
/// A response is rewritten when its body is a vendor's error: the catalogue was
/// detected from the body (or fixed with [`ErrmapLayer::vendor`]), and the body has a
/// code in a vendor's body shape or a message that matches the catalogue's. An nginx
/// error page, or a proxy's `{"message": "Internal server error"}`, passes through
/// unchanged, even on a route whose catalogue is fixed. Under a success status (see
/// [`ErrmapLayer::when_status`]) the code must be documented in the catalogue, or come
/// with a message that matches it. Codes whose kind is not an error (Authing's 1600,
/// the sign-in flow finished) are never rewritten.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpstreamError {
    /// The upstream response's status.
    pub status: StatusCode,
    /// The catalogue id.
    pub vendor: String,
    /// The vendor's code, when the body had one, cleaned as the message is
    /// ([`crate::text::sanitize`]): no control characters, invisible ones escaped.
    pub code: Option<String>,
    /// Whether the code is in the catalogue.
    pub known: bool,
    /// The precise kind, whatever the client was shown.
    pub kind: Kind,
    /// The kind shown to the client at the exposure level.
    pub visible_kind: Kind,
    /// How the catalogue or kind was decided.
    pub detected_by: DetectedBy,
    /// The vendor's message, with control characters removed.
    pub vendor_message: Option<String>,
}

impl UpstreamError {
    fn new(status: StatusCode, error: &CanonicalError<'_>, expose: Expose) -> Option<UpstreamError> {
        let vendor = error.vendor()?;
        // A few codes report success (Authing 1600: the sign-in flow finished).
        if !(400..600).contains(&error.kind().http_status()) {
            return None;
        }
        // A message counts only when it is one of this vendor's own: on the OneAccess
        // route, "Internal server error" matching an Okta message says nothing.
        let own_message = error.message_match().is_some_and(|m| m.catalogue().id() == vendor);
        let evidence = if status.is_client_error() || status.is_server_error() {
            // A code in one of the vendor's body shapes, or a message that matched its
            // catalogue. A bare `{"message": "Internal server error"}` from a proxy is
            // neither, even on a route whose catalogue is fixed.
            error.code().is_some() || own_message
        } else {
            // Under a success status (inspected on request, for vendors that answer
            // errors with 200) a code alone is not enough (`"apiCode": 0` in a success
            // body): it must be documented, or come with a message of the catalogue.
            error.known() || (error.code().is_some() && own_message)
        };
        evidence.then(|| UpstreamError {
            status,
            vendor: vendor.to_string(),
            code: error.code().map(str::to_string),
            known: error.known(),
            kind: error.kind(),
            visible_kind: error.visible_kind(expose),
            detected_by: error.detected_by(),
            vendor_message: error.vendor_message().map(str::to_string),
        })
    }
}

/// Left in the extensions of the `upstream_error` answer given when an upstream's error
/// body did not arrive within [`ErrmapLayer::body_deadline`]: for operators, the
/// upstream status that was not passed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct BodyTimedOut {
    /// The upstream response's status.
    pub status: StatusCode,
}

/// The shipped locale an `Accept-Language` header value asks for, honouring q-values
/// (the highest wins; among equals, the first), or `None` when it accepts none of
/// them. A wildcard (`*`) or an unparsable entry names no locale; `q=0` refuses one.
///
/// ```
/// use errmap_auth::Locale;
/// use errmap_auth::tower::negotiate_accept_language;
///
/// assert_eq!(negotiate_accept_language("zh-CN,zh;q=0.9"), Some(Locale::ZhCn));
/// assert_eq!(negotiate_accept_language("fr-CH, fr;q=0.9, en;q=0.8, zh;q=0.7"), Some(Locale::En));
/// assert_eq!(negotiate_accept_language("en;q=0.5, zh-Hans"), Some(Locale::ZhCn));
/// assert_eq!(negotiate_accept_language("zh-TW, de"), Some(Locale::ZhTw));
/// assert_eq!(negotiate_accept_language("de, fr;q=0.9"), None);
/// ```
pub fn negotiate_accept_language(header: &str) -> Option<Locale> {
    let mut best: Option<(u16, Locale)> = None;
    for entry in header.split(',') {
        let mut fields = entry.split(';');
        let tag = fields.next().unwrap_or("").trim();
        if tag.is_empty() || tag == "*" {
            continue;
        }
        let mut quality = 1000;
        for field in fields {
            let field = field.trim();
            if let Some(value) = field.strip_prefix("q=").or_else(|| field.strip_prefix("Q=")) {
                quality = match value.trim().parse::<f32>() {
                    Ok(q) if (0.0..=1.0).contains(&q) => (q * 1000.0).round() as u16,
                    _ => 0,
                };
            }
        }
        if quality == 0 || best.is_some_and(|(q, _)| q >= quality) {
            continue;
        }
        if let Some(locale) = Locale::negotiate(tag) {
            best = Some((quality, locale));
        }
    }
    best.map(|(_, locale)| locale)
}

pin_project! {
    /// The future of [`Errmap`]'s responses. Polled again after it completed, it stays
    /// pending rather than panicking.
    pub struct ResponseFuture<F, B> {
        #[pin]
        state: State<F, B>,
        config: Arc<Config>,
        accept_language: Option<HeaderValue>,
        inspect: bool,
    }
}

pin_project! {
    #[project = StateProj]
    enum State<F, B> {
        Calling { #[pin] future: F },
        Reading { reading: Option<Reading<B>> },
        Done,
    }
}

impl<F, B> fmt::Debug for ResponseFuture<F, B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseFuture").finish_non_exhaustive()
    }
}

/// A response whose body is being read, up to the limit.
struct Reading<B> {
    parts: Parts,
    body: Pin<Box<B>>,
    frames: Vec<Frame<Bytes>>,
    size: usize,
    /// When reading gives up, if there is a deadline.
    deadline: Option<Deadline>,
}

/// How reading a body ended.
enum Read<E> {
    Complete,
    OverLimit,
    Failed(E),
    TimedOut,
}

impl<B: Body<Data = Bytes>> Reading<B> {
    fn poll_read(&mut self, cx: &mut TaskContext<'_>, limit: usize) -> Poll<Read<B::Error>> {
        loop {
            if self.body.is_end_stream() {
                return Poll::Ready(Read::Complete);
            }
            let frame = match self.body.as_mut().poll_frame(cx) {
                Poll::Ready(frame) => frame,
                Poll::Pending => {
                    if let Some(deadline) = &mut self.deadline {
                        ready!(deadline.poll(cx));
                        return Poll::Ready(Read::TimedOut);
                    }
                    return Poll::Pending;
                }
            };
            match frame {
                None => return Poll::Ready(Read::Complete),
                Some(Err(error)) => return Poll::Ready(Read::Failed(error)),
                Some(Ok(frame)) => {
                    if let Some(data) = frame.data_ref() {
                        self.size = self.size.saturating_add(data.len());
                    }
                    self.frames.push(frame);
                    if self.size > limit {
                        return Poll::Ready(Read::OverLimit);
                    }
                }
            }
        }
    }

    /// The body read so far, as it came.
    fn replay(self, error: Option<B::Error>, rest: bool) -> Response<ErrmapBody<B>> {
        let body = BodyInner::Replay {
            buffered: self.size,
            frames: self.frames.into_iter(),
            error,
            rest: rest.then_some(self.body),
        };
        Response::from_parts(self.parts, ErrmapBody { inner: body })
    }

    /// The data read, in one piece.
    fn bytes(&self) -> Bytes {
        let mut data = self.frames.iter().filter_map(Frame::data_ref);
        match (data.next(), data.next()) {
            (None, _) => Bytes::new(),
            (Some(only), None) => only.clone(),
            (Some(_), Some(_)) => {
                let mut all = BytesMut::with_capacity(self.size);
                for chunk in self.frames.iter().filter_map(Frame::data_ref) {
                    all.extend_from_slice(chunk);
                }
                all.freeze()
            }
        }
    }
}

/// Whether a response is worth reading, before anything is read.
fn worth_reading<B: Body>(config: &Config, response: &Response<B>) -> bool {
    // Most responses are successes: decide on the status before touching a header.
    if !config.inspects(response.status()) || response.body().is_end_stream() {
        return false;
    }
    let headers = response.headers();
    let encoded =
        headers.get(header::CONTENT_ENCODING).is_some_and(|v| !v.as_bytes().eq_ignore_ascii_case(b"identity"));
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .or_else(|| response.body().size_hint().exact());
    let limit = u64::try_from(config.max_body_bytes).unwrap_or(u64::MAX);
    !encoded && declared.is_none_or(|length| length <= limit) && response.body().size_hint().lower() <= limit
}

// Constants, so that `from_static` checks them when compiling, not on the request path.
const PROBLEM_JSON: HeaderValue = HeaderValue::from_static(PROBLEM_CONTENT_TYPE);
const VARY_ACCEPT_LANGUAGE: HeaderValue = HeaderValue::from_static("accept-language");

/// The canonical `upstream_error` answer when the upstream's error body did not arrive
/// within the deadline: the upstream's headers and body are dropped.
fn timed_out<B: Body>(
    config: &Config,
    accept_language: Option<&HeaderValue>,
    status: StatusCode,
) -> Response<ErrmapBody<B>> {
    let locale = accept_language
        .and_then(|v| v.to_str().ok())
        .and_then(negotiate_accept_language)
        .unwrap_or(config.default_locale);
    let problem = Problem::for_kind(Kind::UPSTREAM_ERROR, locale, &config.options);
    let document = Bytes::from(problem.to_json());
    let mut response = Response::new(ErrmapBody { inner: BodyInner::Problem { bytes: Some(document.clone()) } });
    *response.status_mut() = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::BAD_GATEWAY);
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, PROBLEM_JSON);
    if let Ok(language) = HeaderValue::from_str(problem.content_language()) {
        headers.insert(header::CONTENT_LANGUAGE, language);
    }
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(document.len()));
    headers.insert(header::VARY, VARY_ACCEPT_LANGUAGE);
    response.extensions_mut().insert(BodyTimedOut { status });
    response
}

/// What [`rewrite`] made of a complete body.
enum Rewritten<B: Body> {
    /// A vendor error, now a problem document.
    Problem(Response<ErrmapBody<B>>),
    /// Anything else, to pass on as it came.
    Unchanged(Reading<B>),
}

/// The problem+json response for a vendor error.
fn rewrite<B: Body<Data = Bytes>>(
    config: &Config,
    accept_language: Option<&HeaderValue>,
    reading: Reading<B>,
) -> Rewritten<B> {
    let (error, upstream) = {
        let body = reading.bytes();
        let headers = &reading.parts.headers;
        let context = Context {
            status: Some(reading.parts.status.as_u16()),
            vendor: config.vendor.as_deref(),
            content_type: headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()),
        };
        let normalizer =
            Normalizer::new(config.registry.get()).with_limits(Limits { max_body_bytes: config.max_body_bytes });
        let Ok(error) = normalizer.normalize(&body, &context) else { return Rewritten::Unchanged(reading) };
        match UpstreamError::new(reading.parts.status, &error, config.expose) {
            Some(upstream) => (error, upstream),
            None => return Rewritten::Unchanged(reading),
        }
    };

    let locale = accept_language
        .and_then(|v| v.to_str().ok())
        .and_then(negotiate_accept_language)
        .unwrap_or(config.default_locale);
    let mut problem = error.problem(locale, config.expose, &config.options);
    let mut parts = reading.parts;
    if config.status == StatusPolicy::Canonical {
        if let Ok(status) = StatusCode::from_u16(problem.status) {
            if status.is_client_error() || status.is_server_error() {
                parts.status = status;
            }
        }
    }
    problem.status = parts.status.as_u16();
    let document = Bytes::from(problem.to_json());

    let mut headers = HeaderMap::with_capacity(6 + config.kept_headers.len());
    for name in &config.kept_headers {
        for value in parts.headers.get_all(name) {
            headers.append(name.clone(), value.clone());
        }
    }
    if problem.kind.retryable() {
        if let Some(value) = parts.headers.get(header::RETRY_AFTER) {
            headers.insert(header::RETRY_AFTER, value.clone());
        }
    }
    headers.insert(header::CONTENT_TYPE, PROBLEM_JSON);
    if let Ok(language) = HeaderValue::from_str(problem.content_language()) {
        headers.insert(header::CONTENT_LANGUAGE, language);
    }
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(document.len()));
    headers.insert(header::VARY, VARY_ACCEPT_LANGUAGE);
    if let Some(name) = &config.vendor_code_header {
        headers.remove(name);
        if let Some(code) = error.visible_code(config.expose) {
            // The code is already cleaned; one that still cannot be a header value is
            // left out.
            if let Ok(value) = HeaderValue::try_from(format!("{}:{code}", upstream.vendor)) {
                headers.insert(name.clone(), value);
            }
        }
    }
    parts.headers = headers;
    // The upstream's extensions (hyper's non-canonical reason phrase among them) go.
    parts.extensions = http::Extensions::new();
    parts.extensions.insert(upstream);
    Rewritten::Problem(Response::from_parts(parts, ErrmapBody { inner: BodyInner::Problem { bytes: Some(document) } }))
}

impl<F, B, E> Future for ResponseFuture<F, B>
where
    F: Future<Output = Result<Response<B>, E>>,
    B: Body<Data = Bytes>,
{
    type Output = Result<Response<ErrmapBody<B>>, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        loop {
            match this.state.as_mut().project() {
                StateProj::Calling { future } => {
                    let response = match ready!(future.poll(cx)) {
                        Ok(response) => response,
                        Err(error) => {
                            this.state.set(State::Done);
                            return Poll::Ready(Err(error));
                        }
                    };
                    if !*this.inspect || !worth_reading(this.config, &response) {
                        this.state.set(State::Done);
                        return Poll::Ready(Ok(response.map(ErrmapBody::passthrough)));
                    }
                    let (parts, body) = response.into_parts();
                    let deadline = this.config.body_deadline.and_then(Deadline::after);
                    let reading = Reading { parts, body: Box::pin(body), frames: Vec::new(), size: 0, deadline };
                    this.state.set(State::Reading { reading: Some(reading) });
                }
                StateProj::Reading { reading: slot } => {
                    let Some(reading) = slot.as_mut() else {
                        this.state.set(State::Done);
                        continue;
                    };
                    let read = ready!(reading.poll_read(cx, this.config.max_body_bytes));
                    let Some(reading) = slot.take() else { continue };
                    this.state.set(State::Done);
                    let response = match read {
                        Read::Complete => match rewrite(this.config, this.accept_language.as_ref(), reading) {
                            Rewritten::Problem(problem) => problem,
                            Rewritten::Unchanged(reading) => reading.replay(None, false),
                        },
                        Read::OverLimit => reading.replay(None, true),
                        Read::Failed(error) => reading.replay(Some(error), false),
                        Read::TimedOut => timed_out(this.config, this.accept_language.as_ref(), reading.parts.status),
                    };
                    return Poll::Ready(Ok(response));
                }
                // Polled after completion: a finished future stays finished.
                StateProj::Done => return Poll::Pending,
            }
        }
    }
}

pin_project! {
    /// The body of [`Errmap`]'s responses: the upstream body untouched, the part read
    /// followed by the rest of the upstream body, or a problem document.
    pub struct ErrmapBody<B: Body> {
        #[pin]
        inner: BodyInner<B>,
    }
}

pin_project! {
    #[project = BodyProj]
    enum BodyInner<B: Body> {
        Passthrough { #[pin] body: B },
        Replay {
            frames: std::vec::IntoIter<Frame<Bytes>>,
            buffered: usize,
            error: Option<B::Error>,
            rest: Option<Pin<Box<B>>>,
        },
        Problem { bytes: Option<Bytes> },
    }
}

impl<B: Body> ErrmapBody<B> {
    fn passthrough(body: B) -> ErrmapBody<B> {
        ErrmapBody { inner: BodyInner::Passthrough { body } }
    }

    /// Whether this is a problem document written by the layer (rather than the
    /// upstream body).
    pub fn is_problem(&self) -> bool {
        matches!(self.inner, BodyInner::Problem { .. })
    }
}

impl<B: Body> fmt::Debug for ErrmapBody<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let variant = match &self.inner {
            BodyInner::Passthrough { .. } => "Passthrough",
            BodyInner::Replay { .. } => "Replay",
            BodyInner::Problem { .. } => "Problem",
        };
        f.debug_tuple("ErrmapBody").field(&variant).finish()
    }
}

impl<B: Body<Data = Bytes>> Body for ErrmapBody<B> {
    type Data = Bytes;
    type Error = B::Error;

    fn poll_frame(self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<Option<Result<Frame<Bytes>, B::Error>>> {
        match self.project().inner.project() {
            BodyProj::Passthrough { body } => body.poll_frame(cx),
            BodyProj::Replay { frames, buffered, error, rest } => {
                if let Some(frame) = frames.next() {
                    if let Some(data) = frame.data_ref() {
                        *buffered = buffered.saturating_sub(data.len());
                    }
                    return Poll::Ready(Some(Ok(frame)));
                }
                if let Some(error) = error.take() {
                    return Poll::Ready(Some(Err(error)));
                }
                match rest {
                    Some(body) => body.as_mut().poll_frame(cx),
                    None => Poll::Ready(None),
                }
            }
            BodyProj::Problem { bytes } => Poll::Ready(bytes.take().map(|b| Ok(Frame::data(b)))),
        }
    }

    fn is_end_stream(&self) -> bool {
        match &self.inner {
            BodyInner::Passthrough { body } => body.is_end_stream(),
            BodyInner::Replay { frames, error, rest, .. } => {
                frames.len() == 0 && error.is_none() && rest.as_ref().is_none_or(|body| body.is_end_stream())
            }
            BodyInner::Problem { bytes } => bytes.is_none(),
        }
    }

    fn size_hint(&self) -> SizeHint {
        match &self.inner {
            BodyInner::Passthrough { body } => body.size_hint(),
            BodyInner::Replay { buffered, rest, error, .. } => {
                let buffered = u64::try_from(*buffered).unwrap_or(u64::MAX);
                match rest {
                    // A body that ends in an error has no size: an exact hint would let
                    // the server frame the part read as a complete body.
                    None if error.is_some() => {
                        let mut hint = SizeHint::new();
                        hint.set_lower(buffered);
                        hint
                    }
                    None => SizeHint::with_exact(buffered),
                    Some(body) => {
                        let rest = body.size_hint();
                        let mut hint = SizeHint::new();
                        hint.set_lower(rest.lower().saturating_add(buffered));
                        // `set_upper` asserts upper >= lower; the inner hint promises it,
                        // but a broken body is no reason to panic.
                        if let Some(upper) = rest.upper().map(|u| u.saturating_add(buffered)) {
                            if upper >= hint.lower() {
                                hint.set_upper(upper);
                            }
                        }
                        hint
                    }
                }
            }
            BodyInner::Problem { bytes } => {
                SizeHint::with_exact(bytes.as_ref().map_or(0, |b| u64::try_from(b.len()).unwrap_or(u64::MAX)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_honours_q_values() {
        assert_eq!(negotiate_accept_language("en"), Some(Locale::En));
        assert_eq!(negotiate_accept_language("zh-CN,zh;q=0.9"), Some(Locale::ZhCn));
        assert_eq!(negotiate_accept_language("zh;q=0.4, en-GB;q=0.6"), Some(Locale::En));
        assert_eq!(negotiate_accept_language("en;q=0, zh"), Some(Locale::ZhCn));
        assert_eq!(negotiate_accept_language("en;q=0"), None);
        assert_eq!(negotiate_accept_language("en;q=2, zh;q=0.1"), Some(Locale::ZhCn));
        assert_eq!(negotiate_accept_language("*, zh;q=0.1"), Some(Locale::ZhCn));
        assert_eq!(negotiate_accept_language("zh-Hant-TW, zh-TW;q=0.9"), Some(Locale::ZhTw));
        assert_eq!(negotiate_accept_language("de-CH, fr;q=0.9"), None);
        assert_eq!(negotiate_accept_language(""), None);
        assert_eq!(negotiate_accept_language(";;,,;q=,"), None);
    }

    #[test]
    fn the_service_parts_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<ErrmapLayer>();
        assert_send_sync::<UpstreamError>();
    }
}
