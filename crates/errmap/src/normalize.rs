//! Any vendor's raw error body → one canonical error.
//!
//! A gateway hands over the bytes it received and whatever it knows (HTTP status,
//! `Content-Type`, which provider it called). errmap finds the catalogue from the
//! body's shape and code (the [`BodyShape`]s of each catalogue), takes the code and
//! message out, classifies them, and says how it decided. Every input gets an answer:
//! HTML from a proxy, an empty body, invalid UTF-8 or a code nobody documented all
//! become an error of kind `unknown` (or the nearest kind by HTTP status), marked as
//! such. Only a body over the size limit, or a hint naming no catalogue, is an error.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;
use std::sync::{LazyLock, OnceLock};

use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::body::{Json, Node};
use crate::catalogue::{BodyShape, Catalogue, CodeRef, Variant};
use crate::detect::{self, Candidates, Extracted, RawCode, Score};
use crate::error::Error;
use crate::matching::{self, MatchFound, MessageMatch};
use crate::messages::{Arg, Locale, Messages};
use crate::registry::Registry;
use crate::taxonomy::{Actor, Exposure, Kind};
use crate::text::Query;

/// How much of an error reaches the person who caused it, modelled on Symfony's
/// `expose_security_errors`. The library defaults to the safe [`Expose::None`].
#[derive(Debug, Copy, Clone, PartialEq, Eq, Hash, Default)]
pub enum Expose {
    /// Enumeration-prone kinds (user not found, wrong password, email taken) and
    /// account states (locked, disabled) collapse to their public kind; no vendor code
    /// or values from the vendor's message are shown.
    #[default]
    None,
    /// Account states are shown; enumeration-prone kinds still collapse.
    AccountStatus,
    /// Everything, for operators and logs.
    All,
}

impl Expose {
    /// The spelling used on the command line: `none`, `account-status`, `all`.
    pub fn as_str(self) -> &'static str {
        match self {
            Expose::None => "none",
            Expose::AccountStatus => "account-status",
            Expose::All => "all",
        }
    }

    /// The kind shown for `kind` at this level.
    pub fn visible(self, kind: Kind) -> Kind {
        match (self, kind.exposure()) {
            (Expose::All, _) | (_, Exposure::Public) => kind,
            (Expose::AccountStatus, Exposure::AccountStatus) => kind,
            _ => kind.public_kind(),
        }
    }
}

impl FromStr for Expose {
    type Err = String;

    fn from_str(s: &str) -> Result<Expose, String> {
        match s {
            "none" => Ok(Expose::None),
            "account-status" => Ok(Expose::AccountStatus),
            "all" => Ok(Expose::All),
            other => Err(format!("unknown exposure '{other}'; expected none, account-status or all")),
        }
    }
}

/// What the caller knows about a response besides its body.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The HTTP status of the vendor's response.
    pub status: Option<u16>,
    /// The catalogue id or alias of the vendor called; always wins over detection.
    pub vendor: Option<&'a str>,
    /// The response's `Content-Type`.
    pub content_type: Option<&'a str>,
}

impl<'a> Context<'a> {
    /// A context with the HTTP status set.
    pub fn status(mut self, status: u16) -> Context<'a> {
        self.status = Some(status);
        self
    }

    /// A context naming the vendor (catalogue id or alias).
    pub fn vendor(mut self, vendor: &'a str) -> Context<'a> {
        self.vendor = Some(vendor);
        self
    }

    /// A context with the `Content-Type` set.
    pub fn content_type(mut self, content_type: &'a str) -> Context<'a> {
        self.content_type = Some(content_type);
        self
    }
}

/// How the catalogue or the kind was decided.
#[derive(Debug, Copy, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DetectedBy {
    /// The caller named the catalogue.
    Hint,
    /// The body's shape (fields only that vendor uses) identified the catalogue.
    Shape,
    /// The shape fits several catalogues; the code is in only the one chosen.
    Code,
    /// The code was missing or unknown; the kind came from the vendor's message.
    Message,
    /// Nothing identified the error; the kind is the nearest to the HTTP status.
    Status,
    /// Nothing identified the error at all.
    None,
}

impl DetectedBy {
    /// `hint`, `shape`, `code`, `message`, `status` or `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            DetectedBy::Hint => "hint",
            DetectedBy::Shape => "shape",
            DetectedBy::Code => "code",
            DetectedBy::Message => "message",
            DetectedBy::Status => "status",
            DetectedBy::None => "none",
        }
    }
}

impl Serialize for DetectedBy {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A value taken from the vendor's message, such as the attempts left.
#[derive(Debug, Clone, PartialEq)]
pub enum ParamValue {
    /// A number (attempts, minutes, seconds).
    Number(f64),
    /// Anything that is not a number.
    Text(String),
}

impl Serialize for ParamValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ParamValue::Number(n) if n.fract() == 0.0 && n.abs() <= EXACT_INTEGERS => {
                serializer.serialize_i64(*n as i64)
            }
            ParamValue::Number(n) => serializer.serialize_f64(*n),
            ParamValue::Text(t) => serializer.serialize_str(t),
        }
    }
}

/// Limits that protect the normalizer from hostile or broken input.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Bodies longer than this many bytes are refused with [`Error::BodyTooLarge`].
    pub max_body_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_body_bytes: 1 << 20 }
    }
}

/// Turns raw error bodies into [`CanonicalError`]s. Cheap to create, `Send + Sync`,
/// and lock-free: one normalizer can serve every thread of a gateway.
#[derive(Debug, Clone)]
pub struct Normalizer<'r> {
    registry: &'r Registry,
    limits: Limits,
}

impl Default for Normalizer<'static> {
    fn default() -> Normalizer<'static> {
        Normalizer::new(Registry::builtin())
    }
}

/// The canonical form of one vendor error.
///
/// Holds references into the registry and, where the body's text equals the
/// catalogue's, borrows that instead of copying it; the `detection` sentence is put
/// together only when asked for.
#[derive(Clone)]
pub struct CanonicalError<'r> {
    catalogue: Option<&'r Catalogue>,
    code: Option<Cow<'r, str>>,
    entry: Option<CodeRef<'r>>,
    variant: Option<&'r Variant>,
    vendor_message: Option<Cow<'r, str>>,
    kind: Kind,
    detected_by: DetectedBy,
    why: Why<'r>,
    detection: OnceLock<String>,
    upstream_status: Option<u16>,
    params: Vec<(String, ParamValue)>,
    /// Whether the caller named the catalogue ([`Context::vendor`]).
    named: bool,
}

/// How the error was decided, kept as references until [`CanonicalError::detection`]
/// turns it into a sentence.
#[derive(Debug, Clone)]
enum Why<'r> {
    /// A sentence that needs no values.
    Fixed(&'static str),
    /// The caller named the catalogue.
    Hint,
    /// A shape only the catalogue uses.
    Shape(&'r BodyShape),
    /// A shared shape, and the code is in only the chosen catalogue.
    OnlyIn(&'r BodyShape),
    /// A shared shape, and the code is also in these catalogues; the evidence that
    /// ranked the chosen one first, if any did.
    AlsoIn(&'r BodyShape, Vec<&'r str>, Option<&'static str>),
    /// The vendor message matched a code's.
    Message { shape: &'r BodyShape, how: MessageMatch, matched: CodeRef<'r> },
    /// The vendor's table lacks the code, which is a standard value it also answers with.
    Standard { shape: &'r BodyShape, standard: CodeRef<'r> },
    /// The code is missing or unknown, and no message matched; `code` is the body's
    /// code when the error does not keep it.
    NotInTable { shape: &'r BodyShape, code: Option<Box<str>> },
}

impl fmt::Debug for CanonicalError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CanonicalError")
            .field("catalogue", &self.vendor())
            .field("code", &self.code())
            .field("entry", &self.entry)
            .field("variant", &self.variant)
            .field("vendor_message", &self.vendor_message())
            .field("kind", &self.kind)
            .field("detected_by", &self.detected_by)
            .field("detection", &self.detection())
            .field("upstream_status", &self.upstream_status)
            .field("params", &self.params)
            .field("named", &self.named)
            .finish()
    }
}

/// The kind nearest to an HTTP status, for errors nothing else identifies.
fn kind_for_status(status: u16) -> Option<Kind> {
    Some(match status {
        400 | 422 => Kind::INVALID_REQUEST,
        401 => Kind::AUTHENTICATION_FAILED,
        403 => Kind::PERMISSION_DENIED,
        404 => Kind::RESOURCE_NOT_FOUND,
        409 => Kind::CONFLICT,
        423 => Kind::LOCKED,
        429 => Kind::RATE_LIMITED,
        402 => Kind::BILLING_ERROR,
        502 | 504 => Kind::UPSTREAM_ERROR,
        503 => Kind::SERVICE_UNAVAILABLE,
        500..=599 => Kind::INTERNAL_ERROR,
        400..=499 => Kind::INVALID_REQUEST,
        _ => return None,
    })
}

/// The body's text for a code of the catalogue: the catalogue's own spelling when it
/// is the same, so nothing is copied; else the body's, cleaned as messages are
/// ([`crate::text::sanitize`]).
fn code_text<'r>(code: &RawCode<'_>, entry: Option<CodeRef<'r>>) -> Cow<'r, str> {
    match entry {
        Some(entry) if entry.code() == code.as_str() => Cow::Borrowed(entry.code()),
        _ => Cow::Owned(crate::text::sanitize(code.as_str()).into_owned()),
    }
}

/// The vendor message, borrowed from the catalogue when it is the documented text.
fn message_text<'r>(message: &str, entry: Option<CodeRef<'r>>) -> Cow<'r, str> {
    match entry.and_then(|e| e.message()) {
        Some(documented) if documented == message => Cow::Borrowed(documented),
        _ => Cow::Owned(message.to_string()),
    }
}

/// Whether `message` is `entry`'s documented message or one seen from the vendor's
/// servers, once case, spacing and punctuation are set aside.
fn message_agrees(entry: CodeRef<'_>, message: &str) -> bool {
    if entry.message().is_none() && entry.seen_messages().len() == 0 {
        return false;
    }
    let folded = crate::text::fold(message);
    !folded.is_empty() && entry.catalogue().message_index().agrees(entry.index() as u32, &folded)
}

impl<'r> Normalizer<'r> {
    /// A normalizer over `registry`, with the default [`Limits`].
    pub fn new(registry: &'r Registry) -> Normalizer<'r> {
        Normalizer { registry, limits: Limits::default() }
    }

    /// The same normalizer with other limits.
    pub fn with_limits(mut self, limits: Limits) -> Normalizer<'r> {
        self.limits = limits;
        self
    }

    /// The registry the normalizer answers from.
    pub fn registry(&self) -> &'r Registry {
        self.registry
    }

    /// Normalizes one raw body.
    ///
    /// ```
    /// use errmap_auth::{Context, Expose, Locale, Normalizer};
    ///
    /// let body = br#"{"error_code": "LOGIN.0002", "error_msg": "Invalid account name or password. Remaining attempts: 1"}"#;
    /// let error = Normalizer::default().normalize(body, &Context::default().status(400))?;
    /// assert_eq!(error.vendor(), Some("oneaccess"));
    /// assert_eq!(error.kind().id(), "invalid_credentials");
    /// assert_eq!(error.message(Locale::En, Expose::All), "The account name or password is incorrect. 1 attempt left.");
    /// # Ok::<(), errmap_auth::Error>(())
    /// ```
    pub fn normalize(&self, body: &[u8], context: &Context<'_>) -> Result<CanonicalError<'r>, Error> {
        if body.len() > self.limits.max_body_bytes {
            return Err(Error::BodyTooLarge { size: body.len(), limit: self.limits.max_body_bytes });
        }
        let hinted = self.hinted(context)?;
        // The Content-Type is not trusted: misconfigured servers label JSON as HTML or
        // octet-stream, so the body itself decides.
        let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        if body.iter().all(u8::is_ascii_whitespace) {
            let catalogue = hinted.map(|(_, catalogue)| catalogue);
            return Ok(self.unidentified(
                context,
                context.status,
                catalogue,
                None,
                None,
                Why::Fixed("the body is empty"),
            ));
        }
        Ok(match Json::parse(body) {
            Ok(value) => self.classify(&value, context, hinted),
            Err(_) => match Json::parse_form(body) {
                // OAuth servers that answer as a form (GitHub's token endpoint by default).
                Some(form) => self.classify(&form, context, hinted),
                None => {
                    let catalogue = hinted.map(|(_, catalogue)| catalogue);
                    self.unidentified(
                        context,
                        context.status,
                        catalogue,
                        None,
                        None,
                        Why::Fixed("the body is not JSON"),
                    )
                }
            },
        })
    }

    /// Normalizes a body that is already parsed, e.g. from a JSON log record.
    pub fn normalize_value(&self, body: &Value, context: &Context<'_>) -> Result<CanonicalError<'r>, Error> {
        Ok(self.classify(body, context, self.hinted(context)?))
    }

    /// Normalizes one line of a log: a raw body, or a record `{"body": …, "vendor": …,
    /// "status": …, "content_type": …}` whose `body` is the raw text or the JSON itself
    /// and whose other members, where given, stand in for the context's. What `errmap
    /// normalize --jsonl` does with each line. The [`Limits`] hold for a record's body
    /// too; one written as JSON counts as long as its whole line.
    ///
    /// ```
    /// use errmap_auth::{Context, Normalizer};
    ///
    /// let line = r#"{"body": {"code": 22011, "message": "该用户不存在"}, "status": 400}"#;
    /// let error = Normalizer::default().normalize_log_line(line.as_bytes(), &Context::default())?;
    /// assert_eq!((error.vendor(), error.kind().id(), error.upstream_status()), (Some("wilddog"), "user_not_found", Some(400)));
    /// # Ok::<(), errmap_auth::Error>(())
    /// ```
    pub fn normalize_log_line(&self, line: &[u8], context: &Context<'_>) -> Result<CanonicalError<'r>, Error> {
        // Only a line with a `"body"` member is a record, and that name is written
        // `"body"` unless it has escapes: other lines are parsed once, as bodies.
        static BODY: LazyLock<memchr::memmem::Finder<'static>> =
            LazyLock::new(|| memchr::memmem::Finder::new(b"\"body\""));
        let maybe_record = memchr::memchr(b'\\', line).is_some() || BODY.find(line).is_some();
        if maybe_record {
            if let Ok(record @ Json::Object(_)) = Json::parse(line) {
                if let Some(body) = record.child("body") {
                    let text = |name: &str| record.child(name).and_then(Node::as_str);
                    let status = record.child("status").and_then(Node::as_u64).and_then(|s| u16::try_from(s).ok());
                    let context = Context {
                        status: status.or(context.status),
                        vendor: text("vendor").or(context.vendor),
                        content_type: text("content_type").or(context.content_type),
                    };
                    return match body {
                        Json::String(raw) => self.normalize(raw.as_bytes(), &context),
                        // A body written as JSON in the record is held to the limit too,
                        // counted as its whole line: the most it can be.
                        _ if line.len() > self.limits.max_body_bytes => {
                            Err(Error::BodyTooLarge { size: line.len(), limit: self.limits.max_body_bytes })
                        }
                        other => Ok(self.classify(other, &context, self.hinted(&context)?)),
                    };
                }
            }
        }
        self.normalize(line, context)
    }

    /// The catalogue the caller named, if any, and where it is in the registry; naming
    /// none that exists is an error.
    fn hinted(&self, context: &Context<'_>) -> Result<Option<(usize, &'r Catalogue)>, Error> {
        let Some(vendor) = context.vendor else { return Ok(None) };
        let at = self.registry.find(vendor)?;
        Ok(Some((at, &self.registry.catalogues()[at])))
    }

    fn classify<B: Node>(
        &self,
        body: &B,
        context: &Context<'_>,
        hinted: Option<(usize, &'r Catalogue)>,
    ) -> CanonicalError<'r> {
        let mut found = detect::candidates(self.registry, body, hinted.map(|(at, _)| at), None);
        if let (Some((at, _)), true) = (hinted, found.list.is_empty()) {
            // None of the named vendor's shapes fits: read the code and message with any
            // known shape, and look the code up in the named catalogue.
            found = detect::candidates(self.registry, body, None, Some(at));
        }
        let hinted = hinted.map(|(_, catalogue)| catalogue);
        let Candidates { list: mut candidates, status: body_status } = found;
        if candidates.is_empty() {
            let why = if body.is_object() {
                "no known error shape fits the body"
            } else {
                "the body is JSON but not an error object"
            };
            return self.unidentified(context, context.status, hinted, None, None, Why::Fixed(why));
        }
        // Some vendors answer HTTP 200 and put the real status in the body.
        let status = match (context.status, body_status) {
            (Some(outer), Some(inner)) if (200..300).contains(&outer) => Some(inner),
            (Some(outer), _) => Some(outer),
            (None, inner) => inner,
        };
        // Best first: a known code, then a shape only this vendor uses (the more fields
        // it names, the better), then a code that looks like the catalogue's own, then a
        // code at all, then a documented status that agrees, then registry order.
        // Affinity scans the catalogue's codes, so it is only worked out for unknown codes
        // (a known code outranks it anyway), and every score once.
        // When some code is known, the candidates without one would rank below it
        // whatever their affinity and decide nothing: detection leaves them out, and
        // affinity is only worked out when no code is known.
        let any_known = candidates.iter().any(|c| c.entry.is_some());
        for c in &mut candidates {
            let agrees = c.entry.is_some_and(|e| e.http_status().is_some() && e.http_status() == status);
            let affinity = match (&c.entry, c.code(), any_known) {
                (None, Some(code), false) => matching::code_affinity(c.catalogue, code),
                _ => 0,
            };
            // In a shape many services share, a code that several catalogues know goes to
            // the one whose variants recognise the body's other fields, then to a standard
            // vocabulary (OAuth's invalid_grant) before any one vendor.
            c.variant = c.entry.and_then(|e| variant_of(e, body));
            c.score = Score {
                known_code: c.entry.is_some(),
                shape_specificity: c.shape.specificity(),
                variant: c.variant.is_some(),
                message_agrees: match (c.entry, c.message.as_deref()) {
                    (Some(entry), Some(message)) => message_agrees(entry, message),
                    _ => false,
                },
                rarity: std::cmp::Reverse(if c.entry.is_some() { c.holders } else { 0 }),
                standard: c.catalogue.is_standard(),
                affinity,
                has_code: c.code.is_some(),
                status_agrees: agrees,
            };
        }
        // Equal scores keep registry order.
        candidates.sort_unstable_by_key(|c| (std::cmp::Reverse(c.score), c.position));
        let best = &candidates[0];
        if let Some(entry) = best.entry {
            // A standard code in a shape many services share (OAuth's invalid_grant) says
            // less than a vendor's own message template filled in beside it: a message
            // that matches one of another vendor's codes exactly, and means a more precise
            // kind, decides.
            if let (None, 0, Some(message)) = (hinted, best.shape.specificity(), best.message.as_deref()) {
                // Only a vendor one of whose shapes fits the body can have sent it.
                let found = self.registry.refinement(entry, message).filter(|found| fits(found.0.catalogue(), body));
                if let Some(found) = found {
                    return self.by_message(best, found, false, body, status, false);
                }
            }
            // Other catalogues that know the code; two shapes may read the same catalogue
            // (Okta's OAuth shape reads oauth2), which is one rival, not two.
            let mut rivals: Vec<&str> = Vec::new();
            for other in candidates.iter().skip(1).filter(|c| c.entry.is_some()) {
                let id = other.catalogue.id();
                if id != best.catalogue.id() && !rivals.contains(&id) {
                    rivals.push(id);
                }
            }
            let (detected_by, why) = match (hinted, best.shape.specificity() > 0, rivals.is_empty()) {
                (Some(_), _, _) => (DetectedBy::Hint, Why::Hint),
                (None, true, _) => (DetectedBy::Shape, Why::Shape(best.shape)),
                (None, false, true) => (DetectedBy::Code, Why::OnlyIn(best.shape)),
                (None, false, false) => {
                    let rival = candidates.iter().skip(1).find(|c| !std::ptr::eq(c.catalogue, best.catalogue));
                    let decider = rival.and_then(|rival| best.score.decider(&rival.score));
                    (DetectedBy::Code, Why::AlsoIn(best.shape, rivals, decider))
                }
            };
            let params = best.message.as_deref().map(|m| params_of(entry, m)).unwrap_or_default();
            // One code may stand for several conditions, told apart by another field.
            let variant = best.variant;
            return CanonicalError {
                catalogue: Some(best.catalogue),
                code: best.code.as_ref().map(|c| code_text(c, Some(entry))),
                entry: Some(entry),
                vendor_message: best.message.as_deref().map(|m| message_text(m, Some(entry))),
                kind: variant.map_or(entry.kind(), |v| v.kind()),
                variant,
                detected_by,
                why,
                detection: OnceLock::new(),
                upstream_status: status,
                params,
                named: hinted.is_some(),
            };
        }
        // No known code. When the vendor is certain (named by the caller, a shape only it
        // uses, or a code in its numbering), it stays, and its message is matched in its
        // own table first, then in the others. Otherwise the best message match anywhere
        // also decides the vendor.
        let decisive = hinted.is_some() || best.score.shape_specificity > 0 || best.score.affinity > 0;
        if decisive {
            if let Some(standard) = standard_value(self.registry, best) {
                return self.by_standard(best, standard, hinted.is_some(), body, status);
            }
        }
        let found = if decisive {
            said(best).and_then(|message| {
                let query = Query::new(message);
                let own = matching::best_message_match(best.catalogue, &query);
                own.or_else(|| best_match(self.registry, &query)).map(|found| (best, found))
            })
        } else {
            let mut found: Option<(&Extracted<'r, '_>, MatchFound<'r>)> = None;
            let mut query: Option<Query<'_>> = None;
            for candidate in &candidates {
                let Some(message) = said(candidate) else { continue };
                if query.as_ref().is_none_or(|q| q.text() != message) {
                    query = Some(Query::new(message));
                }
                let Some(query) = &query else { continue };
                if let Some(hit) = matching::best_message_match(candidate.catalogue, query) {
                    if found.as_ref().is_none_or(|(_, f)| (hit.1, hit.3) > (f.1, f.3)) {
                        found = Some((candidate, hit));
                    }
                }
            }
            found
        };
        if let Some((candidate, found)) = found {
            return self.by_message(candidate, found, decisive, body, status, hinted.is_some());
        }
        // A code means nothing without its vendor: keep it only when the vendor is known.
        let own_code = own_code(best);
        let (catalogue, code, hidden) = if decisive {
            (Some(best.catalogue), own_code.map(|c| code_text(c, None)), None)
        } else {
            (None, None, own_code.map(RawCode::to_owned_text))
        };
        // OAuth servers and most APIs answer every refused request with 400 (RFC 6749
        // §5.2): beside a code nobody documents, it names no condition.
        let status_says = match status {
            Some(400) if own_code.is_some() => None,
            other => other,
        };
        let why = Why::NotInTable { shape: best.shape, code: hidden };
        let message = said(best).map(|m| Cow::Owned(crate::text::sanitize(m).into_owned()));
        let mut error = self.unidentified(context, status_says, catalogue, code, message, why);
        error.upstream_status = status;
        error
    }

    /// The answer when the vendor is certain, its table lacks the body's code, and the
    /// code is a standard value (RFC 6749, OpenID Connect) that the vendor also answers
    /// with: the vendor stays, the kind is the standard code's.
    fn by_standard<B: Node>(
        &self,
        best: &Extracted<'r, '_>,
        standard: CodeRef<'r>,
        hinted: bool,
        body: &B,
        status: Option<u16>,
    ) -> CanonicalError<'r> {
        let variant = variant_of(standard, body);
        let detected_by = match (hinted, best.shape.specificity() > 0) {
            (true, _) => DetectedBy::Hint,
            (false, true) => DetectedBy::Shape,
            (false, false) => DetectedBy::Code,
        };
        CanonicalError {
            catalogue: Some(best.catalogue),
            code: best.code.as_ref().map(|c| code_text(c, Some(standard))),
            entry: None,
            variant: None,
            vendor_message: best.message.as_deref().map(|m| message_text(m, Some(standard))),
            kind: variant.map_or(standard.kind(), |v| v.kind()),
            detected_by,
            why: Why::Standard { shape: best.shape, standard },
            detection: OnceLock::new(),
            upstream_status: status,
            params: Vec::new(),
            named: hinted,
        }
    }

    /// The answer when a vendor message, not the code, identified the error. The vendor
    /// stays the candidate's when it is `decisive`, else it is the one whose message
    /// matched. A body without a code of its own whose message is one of the vendor's
    /// own texts (equal, or its template filled in) is that code.
    fn by_message<B: Node>(
        &self,
        candidate: &Extracted<'r, '_>,
        (entry, how, values, _): MatchFound<'r>,
        decisive: bool,
        body: &B,
        status: Option<u16>,
        named: bool,
    ) -> CanonicalError<'r> {
        // Without a decisive vendor, the vendor is the one whose message matched.
        let catalogue = if decisive { candidate.catalogue } else { entry.catalogue() };
        let own_text = std::ptr::eq(entry.catalogue(), catalogue) && how != MessageMatch::Similar;
        let (code, known) = match own_code(candidate) {
            Some(code) => (Some(code_text(code, candidate.entry)), None),
            None if own_text => (Some(Cow::Borrowed(entry.code())), Some(entry)),
            None => (None, None),
        };
        // The other fields tell the condition of the matched code apart as they do for
        // the code itself.
        let variant = known.and_then(|entry| variant_of(entry, body));
        CanonicalError {
            catalogue: Some(catalogue),
            code,
            entry: known,
            variant,
            vendor_message: said(candidate).map(|m| message_text(&crate::text::sanitize(m), Some(entry))),
            kind: variant.map_or(entry.kind(), |v| v.kind()),
            detected_by: DetectedBy::Message,
            why: Why::Message { shape: candidate.shape, how, matched: entry },
            detection: OnceLock::new(),
            upstream_status: status,
            params: typed(entry, values),
            named,
        }
    }

    fn unidentified(
        &self,
        context: &Context<'_>,
        status: Option<u16>,
        catalogue: Option<&'r Catalogue>,
        code: Option<Cow<'r, str>>,
        vendor_message: Option<Cow<'r, str>>,
        why: Why<'r>,
    ) -> CanonicalError<'r> {
        // The sentence gets "; the kind is the nearest to HTTP status N" when the
        // status decided (see `CanonicalError::detection`).
        let (kind, detected_by) = match status.and_then(kind_for_status) {
            Some(kind) => (kind, DetectedBy::Status),
            None if context.vendor.is_some() => (Kind::UNKNOWN, DetectedBy::Hint),
            None => (Kind::UNKNOWN, DetectedBy::None),
        };
        CanonicalError {
            catalogue,
            code,
            entry: None,
            variant: None,
            vendor_message,
            kind,
            detected_by,
            why,
            detection: OnceLock::new(),
            upstream_status: status,
            params: Vec::new(),
            named: context.vendor.is_some(),
        }
    }
}

/// The body's own code as a candidate read it: none when the field the code was read
/// from held the message (Keycloak's `errorMessage`, read as a code in case it is a
/// message key) or a sentence (Keycloak's admin API and Auth0 put one in `error`).
fn own_code<'a, 'v>(candidate: &'a Extracted<'_, 'v>) -> Option<&'a RawCode<'v>> {
    candidate
        .code
        .as_ref()
        .filter(|code| Some(code.as_str()) != candidate.message.as_deref() && !is_sentence(code.as_str()))
}

/// The text that says what went wrong: the body's message, else a sentence its code
/// field holds. A code read so is raw text: what is shown of it is sanitized, as
/// messages are when read.
fn said<'a>(candidate: &'a Extracted<'_, '_>) -> Option<&'a str> {
    candidate.message.as_deref().or_else(|| candidate.code().filter(|code| is_sentence(code)))
}

/// A code field's value that is words, not a code: codes have no spaces.
fn is_sentence(text: &str) -> bool {
    text.trim().contains(' ')
}

/// Whether one of `catalogue`'s shapes fits `body` (all its members present).
fn fits<B: Node>(catalogue: &Catalogue, body: &B) -> bool {
    catalogue.bodies().iter().any(|shape| shape.present().all(|p| body.pointer(p).is_some()))
}

/// The standard code (RFC 6749, OpenID Connect) that `candidate`'s code is, when its
/// catalogue lacks it but answers with standard values: it knows some of them, or one of
/// its shapes carries a standard catalogue's codes.
fn standard_value<'r>(registry: &'r Registry, candidate: &Extracted<'r, '_>) -> Option<CodeRef<'r>> {
    let code = own_code(candidate)?.as_str();
    let vendor = candidate.catalogue;
    let mut standards = registry.catalogues().iter().filter(|c| c.is_standard() && !std::ptr::eq(*c, vendor));
    let found = standards.find_map(|standard| Some(CodeRef::at(standard, standard.position(code)?)))?;
    let speaks = vendor.is_standard()
        || registry.catalogues().iter().filter(|c| c.is_standard()).any(|standard| {
            vendor.bodies().iter().any(|shape| shape.codes_from() == Some(standard.id()))
                || vendor.codes().iter().any(|c| standard.position(c.code()).is_some())
        });
    speaks.then_some(found)
}

/// The condition of `entry` that the body's other fields name, if any.
fn variant_of<'r, B: Node>(entry: CodeRef<'r>, body: &B) -> Option<&'r Variant> {
    // A code's conditions usually test one field (Keycloak's 32 read
    // `/error_description`): it is read once for a run of them.
    let mut last: Option<(&str, Option<&str>)> = None;
    entry.entry().variants().iter().find(|v| {
        let value = match last {
            Some((field, value)) if field == v.field() => value,
            _ => {
                let value = body.pointer(v.field()).and_then(Node::as_str);
                last = Some((v.field(), value));
                value
            }
        };
        value.is_some_and(|value| v.test().matches(value))
    })
}

/// The best message match across catalogues; the first wins a tie.
fn best_match<'r>(registry: &'r Registry, query: &Query<'_>) -> Option<MatchFound<'r>> {
    // An equal message outranks a template, and a template a similar message, in any
    // catalogue: registry-wide indexes answer each at once.
    if let Some(found) = registry.precise_match(query) {
        return Some(found);
    }
    registry.similar_match(query)
}

/// Values of the code's placeholders found in the vendor's message.
fn params_of(entry: CodeRef<'_>, message: &str) -> Vec<(String, ParamValue)> {
    if entry.params().len() == 0 {
        return Vec::new();
    }
    matching::fill_code_template(entry, message).map(|values| typed(entry, values)).unwrap_or_default()
}

fn typed(entry: CodeRef<'_>, values: Vec<String>) -> Vec<(String, ParamValue)> {
    entry
        .params()
        .zip(values)
        .map(|(name, value)| {
            let value = match exact_number(&value) {
                Some(n) => ParamValue::Number(n),
                None => ParamValue::Text(value),
            };
            (name.to_string(), value)
        })
        .collect()
}

/// 2^53: every integer up to it, and none much beyond, is exactly an `f64`.
const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0;

/// `text` as a number, when an `f64` holds it exactly: an integer up to 2^53, or a
/// decimal of at most 15 significant digits. Anything else (a long account number, an
/// id) stays text, so no digit is rounded away.
fn exact_number(text: &str) -> Option<f64> {
    if let Ok(integer) = text.parse::<i128>() {
        return (integer.unsigned_abs() <= 1 << 53).then_some(integer as f64);
    }
    let n = text.parse::<f64>().ok().filter(|n| n.is_finite())?;
    let mantissa = text.split(['e', 'E']).next().unwrap_or(text);
    let digits = mantissa.bytes().filter(u8::is_ascii_digit).skip_while(|&d| d == b'0').count();
    (n.abs() <= EXACT_INTEGERS && digits <= 15).then_some(n)
}

impl CanonicalError<'_> {
    /// Appends the [`detection`](Self::detection) sentence to `out`, for a writer of
    /// many errors that reuses one buffer. The pieces are pasted, not formatted: a
    /// `--jsonl` line writes one sentence, and `write!` cost more than the rest of it.
    ///
    /// ```
    /// use errmap_auth::{Context, Normalizer};
    ///
    /// let error = Normalizer::default().normalize(br#"{"code": 22011, "message": "x"}"#, &Context::default())?;
    /// let mut sentence = String::new();
    /// error.write_detection(&mut sentence);
    /// assert_eq!(sentence, error.detection());
    /// # Ok::<(), errmap_auth::Error>(())
    /// ```
    pub fn write_detection(&self, out: &mut String) {
        let id = self.vendor().unwrap_or_default();
        let code = self.code().unwrap_or_default();
        let push_all = |out: &mut String, pieces: &[&str]| pieces.iter().for_each(|piece| out.push_str(piece));
        let not_in_table = |out: &mut String, shape: &BodyShape, code: Option<&str>| match code {
            Some(code) => push_all(out, &[shape.name(), "; code ", code, " is not in the table"]),
            None => push_all(out, &[shape.name(), "; the body has no code"]),
        };
        match &self.why {
            Why::Fixed(text) => out.push_str(text),
            Why::Hint => push_all(out, &["the caller named ", id]),
            Why::Shape(shape) => push_all(out, &[shape.name(), ": fields only ", id, " uses"]),
            Why::OnlyIn(shape) => push_all(out, &[shape.name(), "; code ", code, " is only in ", id]),
            Why::AlsoIn(shape, others, decider) => {
                push_all(out, &[shape.name(), "; code ", code, " is also in "]);
                for (i, other) in others.iter().enumerate() {
                    push_all(out, &[if i == 0 { "" } else { ", " }, other]);
                }
                match decider {
                    Some(decider) => push_all(out, &["; ", id, " ranks first: ", decider]),
                    None => push_all(out, &["; ", id, " ranks first"]),
                }
            }
            Why::Message { shape, how, matched } => {
                let how = match how {
                    MessageMatch::Equal => "equals",
                    MessageMatch::Template => "fills the template of",
                    MessageMatch::Similar => "resembles",
                };
                // A code the message named is no code the body carried.
                let carried = if self.entry.is_some() { None } else { self.code() };
                not_in_table(out, shape, carried);
                push_all(out, &["; the message ", how, " ", matched.catalogue().id(), ":", matched.code()]);
            }
            Why::Standard { shape, standard } => {
                not_in_table(out, shape, self.code());
                push_all(out, &["; it is the standard ", standard.catalogue().id(), ":", standard.code()]);
            }
            Why::NotInTable { shape, code } => {
                let hidden = code.as_deref().map(crate::text::sanitize);
                not_in_table(out, shape, hidden.as_deref().or(self.code()));
            }
        }
        if let Some(variant) = self.variant {
            push_all(out, &["; ", variant.field(), " tells the condition: ", variant.kind().id()]);
        }
        if let (DetectedBy::Status, Some(status)) = (self.detected_by, self.upstream_status) {
            use fmt::Write as _;
            let _ = write!(out, "; the kind is the nearest to HTTP status {status}");
        }
    }
}

impl<'r> CanonicalError<'r> {
    /// The catalogue id, when the vendor was identified.
    pub fn vendor(&self) -> Option<&'r str> {
        self.catalogue.map(Catalogue::id)
    }

    /// Whether the caller named the catalogue.
    pub(crate) fn named(&self) -> bool {
        self.named
    }

    /// Whether the body had a shape only the catalogue uses (fields no one else sends).
    pub(crate) fn in_own_shape(&self) -> bool {
        match &self.why {
            Why::Shape(shape)
            | Why::OnlyIn(shape)
            | Why::AlsoIn(shape, ..)
            | Why::Message { shape, .. }
            | Why::Standard { shape, .. }
            | Why::NotInTable { shape, .. } => shape.specificity() > 0,
            Why::Fixed(_) | Why::Hint => false,
        }
    }

    /// The catalogue, when the vendor was identified.
    pub fn catalogue(&self) -> Option<&'r Catalogue> {
        self.catalogue
    }

    /// The vendor's code as a string (numbers are written as in the body), cleaned as
    /// the message is: no control characters, invisible ones shown escaped.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The catalogue entry of the code, when the code is in the catalogue.
    pub fn entry(&self) -> Option<CodeRef<'r>> {
        self.entry
    }

    /// The condition the body's secondary field told apart, when the code stands for
    /// several (Keycloak `invalid_grant` with `error_description`).
    pub fn variant(&self) -> Option<&'r Variant> {
        self.variant
    }

    /// The standard code (OAuth 2.0, OpenID Connect) the body's code is, when the
    /// vendor's table lacks it and the kind is the standard code's.
    pub fn standard_match(&self) -> Option<CodeRef<'r>> {
        match self.why {
            Why::Standard { standard, .. } => Some(standard),
            _ => None,
        }
    }

    /// The code whose documented message the body's message matched, when the message
    /// decided the kind ([`DetectedBy::Message`]). It may belong to another catalogue
    /// than [`CanonicalError::vendor`] when the vendor was named or certain.
    pub fn message_match(&self) -> Option<CodeRef<'r>> {
        match self.why {
            Why::Message { matched, .. } => Some(matched),
            _ => None,
        }
    }

    /// Whether the code is in the catalogue.
    pub fn known(&self) -> bool {
        self.entry.is_some()
    }

    /// The vendor's message, verbatim but with control characters removed.
    pub fn vendor_message(&self) -> Option<&str> {
        self.vendor_message.as_deref()
    }

    /// The precise kind (what operators see at [`Expose::All`]).
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The kind shown at an exposure level.
    pub fn visible_kind(&self, expose: Expose) -> Kind {
        expose.visible(self.kind)
    }

    /// From the root of the taxonomy down to the kind.
    pub fn kind_path(&self) -> Vec<Kind> {
        self.kind.path()
    }

    /// The kind an end user may see when nothing is exposed.
    pub fn public_kind(&self) -> Kind {
        self.kind.public_kind()
    }

    /// How the catalogue or kind was decided.
    pub fn detected_by(&self) -> DetectedBy {
        self.detected_by
    }

    /// Why, in a sentence: which shape, which code, which message. Put together on
    /// first use.
    pub fn detection(&self) -> &str {
        self.detection.get_or_init(|| {
            let mut sentence = String::with_capacity(160);
            self.write_detection(&mut sentence);
            sentence
        })
    }

    /// The HTTP status of the vendor's response (from the caller or the body).
    pub fn upstream_status(&self) -> Option<u16> {
        self.upstream_status
    }

    /// The HTTP status to answer with: the visible kind's.
    pub fn http_status(&self, expose: Expose) -> u16 {
        self.visible_kind(expose).http_status()
    }

    /// Whether retrying later can help.
    pub fn retryable(&self) -> bool {
        self.kind.retryable()
    }

    /// Who can act on the error.
    pub fn actor(&self) -> Actor {
        self.kind.actor()
    }

    /// Values taken from the vendor's message (`remaining`, `minutes`, `seconds`).
    pub fn params(&self) -> &[(String, ParamValue)] {
        &self.params
    }

    /// The values shown at an exposure level: none at [`Expose::None`], and none when
    /// the kind is collapsed.
    pub fn visible_params(&self, expose: Expose) -> &[(String, ParamValue)] {
        if self.withholds(expose) { &[] } else { &self.params }
    }

    fn args(&self, expose: Expose) -> Vec<(&str, Arg<'_>)> {
        self.visible_params(expose)
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    ParamValue::Number(n) => Arg::Number(*n),
                    ParamValue::Text(t) => Arg::Text(t),
                };
                (name.as_str(), value)
            })
            .collect()
    }

    /// The message for the person affected, in `locale`, at an exposure level, with the
    /// vendor's values where the level shows them.
    pub fn message(&self, locale: Locale, expose: Expose) -> String {
        Messages::get().kind_message_with(self.visible_kind(expose), locale, &self.args(expose))
    }

    /// What to do next, in `locale`, at an exposure level.
    pub fn hint(&self, locale: Locale, expose: Expose) -> String {
        Messages::get().kind_hint(self.visible_kind(expose), locale)
    }

    /// The vendor code shown at an exposure level: never at `none`, and not when the
    /// kind is collapsed.
    pub fn visible_code(&self, expose: Expose) -> Option<&str> {
        if self.withholds(expose) { None } else { self.code.as_deref() }
    }
}

impl fmt::Display for CanonicalError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.vendor(), self.code()) {
            (Some(vendor), Some(code)) => write!(f, "{vendor}:{code} ({})", self.kind),
            (Some(vendor), None) => write!(f, "{vendor} ({})", self.kind),
            _ => write!(f, "{}", self.kind),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizer_is_shareable_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Normalizer<'static>>();
        assert_send_sync::<CanonicalError<'static>>();
    }

    #[test]
    fn numbers_that_an_f64_cannot_hold_exactly_stay_text() {
        assert_eq!(exact_number("3"), Some(3.0));
        assert_eq!(exact_number("4.5"), Some(4.5));
        assert_eq!(exact_number("9007199254740992"), Some(EXACT_INTEGERS));
        assert_eq!(exact_number("9007199254740993"), None);
        assert_eq!(exact_number("12345678901234567890"), None);
        assert_eq!(exact_number("0.1234567890123456789"), None);
        assert_eq!(exact_number("abc"), None);
        assert_eq!(exact_number("inf"), None);
    }

    #[test]
    fn statuses_map_to_the_nearest_kind() {
        assert_eq!(kind_for_status(429), Some(Kind::RATE_LIMITED));
        assert_eq!(kind_for_status(418), Some(Kind::INVALID_REQUEST));
        assert_eq!(kind_for_status(599), Some(Kind::INTERNAL_ERROR));
        assert_eq!(kind_for_status(302), None);
    }
}
