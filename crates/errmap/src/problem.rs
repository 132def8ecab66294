//! The wire forms of a canonical error: RFC 9457 problem details for HTTP, and a
//! Google AIP-193 `ErrorInfo` for gRPC.
//!
//! Both apply the exposure level to every member together (kind, message, status,
//! `type`, extensions), so an end user cannot tell a hidden kind from its public one by
//! any field. The `visible_*` methods of [`CanonicalError`] here say what each member
//! of any other rendering (the CLI's JSON and text) may show at a level.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::messages::Locale;
use crate::normalize::{CanonicalError, DetectedBy, Expose, ParamValue};
use crate::taxonomy::Kind;

/// The media type of [`Problem`] bodies.
pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// How problem documents name their types and domain.
#[derive(Debug, Clone)]
pub struct ProblemOptions {
    /// Prefix of the `type` URI; the kind id is appended. Default `urn:errmap:kind:`;
    /// set an `https://` base that serves documentation to make types dereferenceable.
    pub type_base: String,
    /// The `domain` of [`ErrorInfo`]. Default `errmap.dev`.
    pub domain: String,
}

impl Default for ProblemOptions {
    fn default() -> ProblemOptions {
        ProblemOptions { type_base: "urn:errmap:kind:".to_string(), domain: "errmap.dev".to_string() }
    }
}

/// An RFC 9457 problem details document. Serialize it as the response body with
/// [`PROBLEM_CONTENT_TYPE`] and send [`Problem::content_language`] as
/// `Content-Language`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Problem {
    /// A stable URI per kind.
    #[serde(rename = "type")]
    pub type_uri: String,
    /// The localized message of the kind: the same for every occurrence of the type.
    pub title: String,
    /// The HTTP status of the visible kind.
    pub status: u16,
    /// What to do next, localized.
    pub detail: String,
    /// Extension: the visible kind id.
    pub kind: Kind,
    /// Extension: the catalogue id, when known and the exposure level shows it (see
    /// [`CanonicalError::visible_vendor`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor: Option<String>,
    /// Extension: the vendor code, when the exposure level shows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor_code: Option<String>,
    /// Extension: whether retrying later can help.
    pub retryable: bool,
    /// Extension: values from the vendor's message, when the exposure level shows them.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, ParamValue>,
    /// The locale of `title` and `detail`, for the `Content-Language` header.
    #[serde(skip)]
    pub content_language: Locale,
}

impl Problem {
    /// The `Content-Language` header value.
    pub fn content_language(&self) -> &'static str {
        self.content_language.tag()
    }

    /// The document as JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The document of `kind` itself, for an answer no vendor body decided (a gateway's
    /// own `upstream_error` when the upstream's body did not arrive in time).
    pub fn for_kind(kind: Kind, locale: Locale, options: &ProblemOptions) -> Problem {
        Problem {
            type_uri: format!("{}{}", options.type_base, kind.id()),
            title: crate::Messages::get().kind_message(kind, locale),
            status: kind.http_status(),
            detail: crate::Messages::get().kind_hint(kind, locale),
            kind,
            vendor: None,
            vendor_code: None,
            retryable: kind.retryable(),
            params: BTreeMap::new(),
            content_language: locale,
        }
    }
}

/// A Google AIP-193 `ErrorInfo`: a machine-readable reason, its domain and metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ErrorInfo {
    /// The visible kind id in UPPER_SNAKE_CASE, e.g. `INVALID_CREDENTIALS`.
    pub reason: String,
    /// The domain that defines the reasons.
    pub domain: String,
    /// `vendor` and `code`, as far as the exposure level shows them.
    pub metadata: BTreeMap<String, String>,
}

impl<'r> CanonicalError<'r> {
    /// Whether the level withholds everything that could tell two conditions of one
    /// public kind apart: always at [`Expose::None`], and at [`Expose::AccountStatus`]
    /// when the kind is collapsed (a missing user and a wrong password). What is
    /// withheld: the code, whether it is documented, how the error was decided and the
    /// sentence saying so, the upstream status, the vendor's message and its values,
    /// and the vendor unless the caller named it or the body's shape is its own.
    pub fn withholds(&self, expose: Expose) -> bool {
        expose == Expose::None || self.visible_kind(expose) != self.kind()
    }

    /// The catalogue id shown at an exposure level. Where the level
    /// [withholds](Self::withholds), only a vendor that does not depend on the
    /// condition is shown: one the caller named, or one whose own body shape the body
    /// has. A vendor found from the code or the message (a generic OAuth body whose
    /// description matched one vendor's text for a missing user and another's for a
    /// wrong password) is not.
    pub fn visible_vendor(&self, expose: Expose) -> Option<&'r str> {
        if !self.withholds(expose) || self.named() || self.in_own_shape() { self.vendor() } else { None }
    }

    /// Whether the code is documented, where the level shows it.
    pub fn visible_known(&self, expose: Expose) -> Option<bool> {
        (!self.withholds(expose)).then(|| self.known())
    }

    /// How the error was decided, where the level shows it.
    pub fn visible_detected_by(&self, expose: Expose) -> Option<DetectedBy> {
        (!self.withholds(expose)).then(|| self.detected_by())
    }

    /// The [`detection`](Self::detection) sentence, where the level shows it: it names
    /// the code and the precise kind.
    pub fn visible_detection(&self, expose: Expose) -> Option<&str> {
        (!self.withholds(expose)).then(|| self.detection())
    }

    /// The upstream's HTTP status, where the level shows it (vendors answer a missing
    /// user with 404 and a wrong password with 400 or 401).
    pub fn visible_upstream_status(&self, expose: Expose) -> Option<u16> {
        if self.withholds(expose) { None } else { self.upstream_status() }
    }

    /// The vendor's message, where the level shows it.
    pub fn visible_vendor_message(&self, expose: Expose) -> Option<&str> {
        if self.withholds(expose) { None } else { self.vendor_message() }
    }

    /// The RFC 9457 problem details at an exposure level, in `locale`.
    ///
    /// ```
    /// use errmap_auth::{Context, Expose, Locale, Normalizer, ProblemOptions};
    ///
    /// let normalizer = Normalizer::default();
    /// let context = Context::default().vendor("authing");
    /// let options = ProblemOptions::default();
    /// let not_found = normalizer.normalize(r#"{"statusCode":404,"apiCode":2004,"message":"用户未找到"}"#.as_bytes(), &context)?;
    /// let bad_password = normalizer.normalize(r#"{"statusCode":401,"apiCode":2006,"message":"密码错误"}"#.as_bytes(), &context)?;
    /// let a = not_found.problem(Locale::En, Expose::None, &options);
    /// let b = bad_password.problem(Locale::En, Expose::None, &options);
    /// assert_eq!(a.to_json(), b.to_json());
    /// assert_eq!(a.kind.id(), "invalid_credentials");
    /// # Ok::<(), errmap_auth::Error>(())
    /// ```
    pub fn problem(&self, locale: Locale, expose: Expose, options: &ProblemOptions) -> Problem {
        let kind = self.visible_kind(expose);
        Problem {
            type_uri: format!("{}{}", options.type_base, kind.id()),
            title: crate::Messages::get().kind_message(kind, locale),
            status: kind.http_status(),
            detail: self.hint(locale, expose),
            kind,
            vendor: self.visible_vendor(expose).map(str::to_string),
            vendor_code: self.visible_code(expose).map(str::to_string),
            retryable: kind.retryable(),
            params: self.visible_params(expose).iter().cloned().collect(),
            content_language: locale,
        }
    }

    /// The AIP-193 `ErrorInfo` at an exposure level.
    pub fn error_info(&self, expose: Expose, options: &ProblemOptions) -> ErrorInfo {
        let mut metadata = BTreeMap::new();
        if let Some(vendor) = self.visible_vendor(expose) {
            metadata.insert("vendor".to_string(), vendor.to_string());
        }
        if let Some(code) = self.visible_code(expose) {
            metadata.insert("code".to_string(), code.to_string());
        }
        ErrorInfo {
            reason: self.visible_kind(expose).id().to_ascii_uppercase(),
            domain: options.domain.clone(),
            metadata,
        }
    }
}
