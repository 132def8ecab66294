//! The Node.js addon of the `errmap-auth` npm package: errmap-auth's public API as
//! functions over the built-in catalogues, a `Registry` class for catalogues of your
//! own, and `#[napi(object)]` results that become TypeScript interfaces in the
//! generated `index.d.ts`.
//!
//! Only the public API of `errmap_auth` is used. The library's errors are thrown as the
//! `ErrmapError` classes of `support.js`, which the addon runs once when it loads.

mod errors;
mod types;

use std::collections::BTreeMap;
use std::path::PathBuf;

use errmap_auth as em;
use errmap_auth::{Context, Expose, Limits, Locale, Normalizer};
use napi::bindgen_prelude::*;
use napi::{Env, JsValue, Unknown, ValueType};
use napi_derive::napi;

use errors::{from_library, invalid};
use types::{Catalogue, Code, Explanation, KindInfo, Row, SearchHit, Translation};

/// The media type of problem documents.
#[napi]
pub const PROBLEM_CONTENT_TYPE: &str = em::PROBLEM_CONTENT_TYPE;

/// The body size `normalize` accepts unless `maxBodyBytes` says otherwise (1 MiB).
#[napi]
pub const DEFAULT_MAX_BODY_BYTES: u32 = 1 << 20;

/// The version of the package and of the library compiled into it.
#[napi]
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The locale of the messages in an answer.
#[napi(object)]
pub struct LocaleOptions {
    /// `en` unless given; `zh-CN`, `zh-TW` and their near tags (`zh-Hans`, `zh-HK`…).
    #[napi(ts_type = "Locale | (string & {})")]
    pub locale: Option<String>,
}

/// What `search` looks in and how many hits it returns.
#[napi(object)]
pub struct SearchOptions {
    /// Only this catalogue's codes.
    #[napi(ts_type = "VendorId | (string & {})")]
    pub vendor: Option<String>,
    /// At most this many hits (10 unless given).
    pub limit: Option<f64>,
    /// Only hits scoring at least this (0.45 unless given).
    pub min_score: Option<f64>,
    #[napi(ts_type = "Locale | (string & {})")]
    pub locale: Option<String>,
}

/// What `normalize` is told besides the body.
#[napi(object)]
pub struct NormalizeOptions {
    /// The catalogue the body comes from, when the caller knows it (checked first).
    #[napi(ts_type = "VendorId | (string & {})")]
    pub vendor: Option<String>,
    /// The HTTP status of the vendor's response.
    pub status: Option<f64>,
    /// The `Content-Type` of the vendor's response.
    pub content_type: Option<String>,
    #[napi(ts_type = "Locale | (string & {})")]
    pub locale: Option<String>,
    /// What the answer may reveal: `none` (the default: nothing that tells whether an
    /// account exists), `account-status`, or `all`.
    #[napi(ts_type = "Exposure")]
    pub exposure: Option<String>,
    /// Refuse bodies longer than this many bytes (`DEFAULT_MAX_BODY_BYTES` unless
    /// given) with a `BodyTooLargeError`.
    pub max_body_bytes: Option<f64>,
}

/// A number that must be a whole number from 0 to `max`.
fn whole(env: &Env, name: &str, value: f64, max: f64) -> Result<f64> {
    if value.fract() == 0.0 && (0.0..=max).contains(&value) {
        Ok(value)
    } else {
        Err(invalid(env, &format!("{name} is a whole number from 0 to {max}, not {value}")))
    }
}

fn parse_locale(env: &Env, locale: Option<&str>) -> Result<Locale> {
    match locale {
        None | Some("en") => Ok(Locale::En),
        Some(tag) => Locale::negotiate(tag).ok_or_else(|| {
            let shipped: Vec<&str> = Locale::ALL.iter().map(|l| l.tag()).collect();
            invalid(env, &format!("no shipped locale serves '{tag}'; errmap ships {}", shipped.join(", ")))
        }),
    }
}

fn locale_of(env: &Env, options: Option<&LocaleOptions>) -> Result<Locale> {
    parse_locale(env, options.and_then(|o| o.locale.as_deref()))
}

fn parse_expose(env: &Env, exposure: Option<&str>) -> Result<Expose> {
    match exposure {
        None => Ok(Expose::None),
        Some(level) => level.replace('_', "-").parse().map_err(|e: String| invalid(env, &e)),
    }
}

/// A registry for as long as the process runs: the built-in one, or a loaded one that
/// is leaked on purpose, so that canonical errors can borrow from it without copies.
type Static = &'static em::Registry;

fn translate_in(
    env: &Env,
    registry: Static,
    code: &str,
    target: Option<&str>,
    locale: Locale,
) -> Result<Vec<Translation>> {
    let source = registry.resolve(code).map_err(|e| from_library(env, &e))?;
    let name = source.to_string();
    let translations = match target {
        Some(target) => {
            vec![registry.translate(source, registry.catalogue(target).map_err(|e| from_library(env, &e))?)]
        }
        None => registry.translate_all(source),
    };
    Ok(translations
        .iter()
        .flat_map(|t| t.matches.iter())
        .map(|equivalent| Translation::new(source, &name, equivalent, locale))
        .collect())
}

fn explain_in(env: &Env, registry: Static, code: &str, options: Option<&LocaleOptions>) -> Result<Explanation> {
    let locale = locale_of(env, options)?;
    let code = registry.resolve(code).map_err(|e| from_library(env, &e))?;
    Ok(Explanation::new(code, locale))
}

fn search_in(env: &Env, registry: Static, text: &str, options: Option<&SearchOptions>) -> Result<Vec<SearchHit>> {
    let locale = parse_locale(env, options.and_then(|o| o.locale.as_deref()))?;
    let min_score = options.and_then(|o| o.min_score).unwrap_or(em::search::DEFAULT_MIN_SCORE);
    if !(0.0..=1.0).contains(&min_score) {
        return Err(invalid(env, &format!("minScore is a number from 0 to 1, not {min_score}")));
    }
    let limit = match options.and_then(|o| o.limit) {
        None => 10,
        Some(limit) => whole(env, "limit", limit, u32::MAX.into())? as usize,
    };
    let search = em::search::SearchOptions { vendor: options.and_then(|o| o.vendor.as_deref()), limit, min_score };
    let hits = registry.search(text, &search).map_err(|e| from_library(env, &e))?;
    Ok(hits.iter().map(|hit| SearchHit::new(hit, locale)).collect())
}

fn table_in(env: &Env, registry: Static, from: &str, to: &str, options: Option<&LocaleOptions>) -> Result<Vec<Row>> {
    let locale = locale_of(env, options)?;
    let from = registry.catalogue(from).map_err(|e| from_library(env, &e))?;
    let to = registry.catalogue(to).map_err(|e| from_library(env, &e))?;
    Ok(from
        .code_refs()
        .map(|source| {
            let translation = registry.translate(source, to);
            let best = translation.best();
            let assessment = best.map(|m| em::assess(source, m));
            Row {
                source: Code::new(source, locale),
                target: best.map(|m| Code::new(m.code, locale)),
                relation: best.map_or("none", |m| m.relation.as_str()).to_string(),
                confidence: assessment.as_ref().map(|a| a.confidence),
                evidence: assessment.map_or_else(Vec::new, |a| a.evidence.iter().map(ToString::to_string).collect()),
            }
        })
        .collect())
}

/// The bytes of a body: a Buffer or Uint8Array as it is, a string as UTF-8 (lone
/// surrogates become U+FFFD), anything else as `JSON.stringify` writes it.
fn with_body<T>(env: &Env, body: Unknown<'_>, then: impl FnOnce(&[u8]) -> Result<T>) -> Result<T> {
    match body.get_type()? {
        ValueType::String => {
            let text = body.coerce_to_string()?.into_utf8()?;
            then(text.as_slice())
        }
        ValueType::Object if body.is_typedarray()? => {
            // SAFETY: the value is a typed array (checked above) of this call's env.
            match unsafe { Uint8ArraySlice::from_napi_value(env.raw(), body.raw()) } {
                Ok(bytes) => then(&bytes),
                Err(_) => Err(invalid(env, "a typed-array body must be a Buffer or a Uint8Array")),
            }
        }
        ValueType::Object => {
            let text: String =
                errors::support(env)?.get_named_property::<Function<Unknown, String>>("stringify")?.call(body)?;
            then(text.as_bytes())
        }
        other => Err(invalid(env, &format!("a body is a Buffer, Uint8Array, string or object, not {other}"))),
    }
}

fn normalize_in(
    env: &Env,
    registry: Static,
    body: Unknown<'_>,
    options: Option<&NormalizeOptions>,
) -> Result<CanonicalError> {
    let option = |f: fn(&NormalizeOptions) -> Option<&str>| options.and_then(f);
    let vendor = option(|o| o.vendor.as_deref());
    if let Some(vendor) = vendor {
        // Checked before any body is read, as the library does.
        registry.catalogue(vendor).map_err(|e| from_library(env, &e))?;
    }
    let locale = parse_locale(env, option(|o| o.locale.as_deref()))?;
    let expose = parse_expose(env, option(|o| o.exposure.as_deref()))?;
    let status = match options.and_then(|o| o.status) {
        None => None,
        Some(status) => Some(whole(env, "status", status, u16::MAX.into())? as u16),
    };
    let limits = match options.and_then(|o| o.max_body_bytes) {
        None => Limits::default(),
        Some(max) => Limits { max_body_bytes: whole(env, "maxBodyBytes", max, 2f64.powi(53))? as usize },
    };
    let context = Context { status, vendor, content_type: option(|o| o.content_type.as_deref()) };
    let normalizer = Normalizer::new(registry).with_limits(limits);
    let error = with_body(env, body, |bytes| normalizer.normalize(bytes, &context).map_err(|e| from_library(env, &e)))?;
    Ok(CanonicalError { error, locale, expose })
}

/// The equivalents of `code` (`VENDOR:CODE`) in `target`, or in every other catalogue
/// when `target` is absent: best first within each target, targets in registry order.
/// Empty when nothing is equivalent. The answer is frozen and cached.
#[napi(
    ts_args_type = "code: CodeRef | (string & {}), target?: VendorId | (string & {}) | null, options?: LocaleOptions",
    ts_return_type = "ReadonlyArray<Readonly<Translation>>"
)]
pub fn translate(
    env: Env,
    code: String,
    target: Option<String>,
    options: Option<LocaleOptions>,
) -> Result<Vec<Translation>> {
    let locale = locale_of(&env, options.as_ref())?;
    translate_in(&env, em::Registry::builtin(), &code, target.as_deref(), locale)
}

/// Everything errmap knows about one code (`VENDOR:CODE`).
#[napi(ts_args_type = "code: CodeRef | (string & {}), options?: LocaleOptions")]
pub fn explain(env: Env, code: String, options: Option<LocaleOptions>) -> Result<Explanation> {
    explain_in(&env, em::Registry::builtin(), &code, options.as_ref())
}

/// The codes and kinds that best match `text` (a vendor message, a code, a symbol, a
/// kind id, a word), best first.
#[napi]
pub fn search(env: Env, text: String, options: Option<SearchOptions>) -> Result<Vec<SearchHit>> {
    search_in(&env, em::Registry::builtin(), &text, options.as_ref())
}

/// The migration crosswalk: every code of `from` with its best equivalent in `to`.
#[napi(ts_args_type = "from: VendorId | (string & {}), to: VendorId | (string & {}), options?: LocaleOptions")]
pub fn table(env: Env, from: String, to: String, options: Option<LocaleOptions>) -> Result<Vec<Row>> {
    table_in(&env, em::Registry::builtin(), &from, &to, options.as_ref())
}

/// Every catalogue, built-in ones first.
#[napi]
pub fn catalogues() -> Vec<Catalogue> {
    em::Registry::builtin().catalogues().iter().map(Catalogue::new).collect()
}

/// Every canonical kind, in taxonomy order (each root followed by its descendants).
#[napi]
pub fn kinds(env: Env, options: Option<LocaleOptions>) -> Result<Vec<KindInfo>> {
    Ok(types::kinds(em::Registry::builtin(), locale_of(&env, options.as_ref())?))
}

/// One raw vendor error body in canonical form: a Buffer or Uint8Array of the bytes as
/// received, a string, or JSON already parsed into an object or array.
#[napi(ts_args_type = "body: Buffer | Uint8Array | string | object, options?: NormalizeOptions")]
pub fn normalize(env: Env, body: Unknown<'_>, options: Option<NormalizeOptions>) -> Result<CanonicalError> {
    normalize_in(&env, em::Registry::builtin(), body, options.as_ref())
}

/// A set of catalogues: the built-in ones, plus any loaded with `Registry.load`.
#[napi]
pub struct Registry {
    registry: Static,
}

#[napi]
impl Registry {
    /// The registry of the built-in catalogues.
    #[napi(constructor)]
    pub fn new() -> Registry {
        Registry { registry: em::Registry::builtin() }
    }

    /// The built-in catalogues plus the catalogue files at `paths` (each a `.toml`
    /// file or a folder of them). A loaded registry lives as long as the process: load
    /// once, at start-up.
    #[napi(factory)]
    pub fn load(env: Env, paths: Either<String, Vec<String>>) -> Result<Registry> {
        let paths: Vec<PathBuf> = match paths {
            Either::A(path) => vec![PathBuf::from(path)],
            Either::B(paths) => paths.into_iter().map(PathBuf::from).collect(),
        };
        let loaded = (|| {
            let mut files = Vec::new();
            for path in &paths {
                files.extend(em::Catalogue::files_at(path)?);
            }
            let mut registry = em::Registry::new();
            registry.load_files(&files)?;
            Ok::<_, em::Error>(registry)
        })();
        let registry = loaded.map_err(|e| from_library(&env, &e))?;
        Ok(Registry { registry: Box::leak(Box::new(registry)) })
    }

    /// As the function `translate`, in this registry.
    #[napi(
        ts_args_type = "code: CodeRef | (string & {}), target?: VendorId | (string & {}) | null, options?: LocaleOptions",
        ts_return_type = "ReadonlyArray<Readonly<Translation>>"
    )]
    pub fn translate(
        &self,
        env: Env,
        code: String,
        target: Option<String>,
        options: Option<LocaleOptions>,
    ) -> Result<Vec<Translation>> {
        let locale = locale_of(&env, options.as_ref())?;
        translate_in(&env, self.registry, &code, target.as_deref(), locale)
    }

    /// As the function `explain`, in this registry.
    #[napi(ts_args_type = "code: CodeRef | (string & {}), options?: LocaleOptions")]
    pub fn explain(&self, env: Env, code: String, options: Option<LocaleOptions>) -> Result<Explanation> {
        explain_in(&env, self.registry, &code, options.as_ref())
    }

    /// As the function `search`, in this registry.
    #[napi]
    pub fn search(&self, env: Env, text: String, options: Option<SearchOptions>) -> Result<Vec<SearchHit>> {
        search_in(&env, self.registry, &text, options.as_ref())
    }

    /// As the function `table`, in this registry.
    #[napi(ts_args_type = "from: VendorId | (string & {}), to: VendorId | (string & {}), options?: LocaleOptions")]
    pub fn table(&self, env: Env, from: String, to: String, options: Option<LocaleOptions>) -> Result<Vec<Row>> {
        table_in(&env, self.registry, &from, &to, options.as_ref())
    }

    /// As the function `catalogues`, in this registry.
    #[napi]
    pub fn catalogues(&self) -> Vec<Catalogue> {
        self.registry.catalogues().iter().map(Catalogue::new).collect()
    }

    /// As the function `kinds`, in this registry.
    #[napi]
    pub fn kinds(&self, env: Env, options: Option<LocaleOptions>) -> Result<Vec<KindInfo>> {
        Ok(types::kinds(self.registry, locale_of(&env, options.as_ref())?))
    }

    /// As the function `normalize`, in this registry.
    #[napi(ts_args_type = "body: Buffer | Uint8Array | string | object, options?: NormalizeOptions")]
    pub fn normalize(&self, env: Env, body: Unknown<'_>, options: Option<NormalizeOptions>) -> Result<CanonicalError> {
        normalize_in(&env, self.registry, body, options.as_ref())
    }

    /// `Registry(14 catalogues, 1 loaded)`.
    #[napi(js_name = "toString")]
    pub fn describe(&self) -> String {
        let user = self.registry.catalogues().iter().filter(|c| !c.is_builtin()).count();
        format!("Registry({} catalogues, {user} loaded)", self.registry.catalogues().len())
    }
}

impl Default for Registry {
    fn default() -> Registry {
        Registry::new()
    }
}

/// An RFC 9457 problem details document, with errmap's extension members. Send it as
/// the body with `Content-Type: application/problem+json`.
#[napi(object)]
pub struct Problem {
    /// A stable URI per kind (`urn:errmap:kind:<kind>`).
    #[napi(js_name = "type")]
    pub type_uri: String,
    /// The localized message of the kind.
    pub title: String,
    /// The HTTP status of the visible kind.
    pub status: u32,
    /// What to do next, localized.
    pub detail: String,
    /// The visible kind id.
    #[napi(ts_type = "Kind")]
    pub kind: String,
    /// The catalogue id, when known.
    pub vendor: Option<String>,
    /// The vendor code, when the exposure level shows it.
    #[napi(js_name = "vendor_code")]
    pub vendor_code: Option<String>,
    /// Whether retrying later can help.
    pub retryable: bool,
    /// Values from the vendor's message, when the exposure level shows them.
    pub params: Option<BTreeMap<String, Either<f64, String>>>,
}

fn param(value: &em::normalize::ParamValue) -> Either<f64, String> {
    match value {
        em::normalize::ParamValue::Number(n) => Either::A(*n),
        em::normalize::ParamValue::Text(text) => Either::B(text.clone()),
    }
}

/// A canonical error as plain data (`JSON.stringify` of a `CanonicalError`).
#[napi(object)]
pub struct CanonicalErrorJson {
    pub vendor: Option<String>,
    pub code: Option<String>,
    pub known: bool,
    #[napi(ts_type = "Kind")]
    pub kind: String,
    #[napi(ts_type = "Kind[]")]
    pub kind_path: Vec<String>,
    #[napi(ts_type = "Kind")]
    pub public_kind: String,
    pub http_status: u32,
    pub upstream_status: Option<u32>,
    pub retryable: bool,
    #[napi(ts_type = "DetectedBy")]
    pub detected_by: String,
    pub detection: String,
    pub params: BTreeMap<String, Either<f64, String>>,
    pub vendor_message: Option<String>,
    pub message: String,
    pub hint: String,
    #[napi(ts_type = "Locale")]
    pub locale: String,
    #[napi(ts_type = "Exposure")]
    pub expose: String,
}

/// One vendor error in canonical form, at the exposure level it was normalized with:
/// at `none` the kind is the public one, and `code`, `params` and `vendorMessage` are
/// withheld. Its members are computed when read.
#[napi]
pub struct CanonicalError {
    error: em::CanonicalError<'static>,
    locale: Locale,
    expose: Expose,
}

#[napi]
impl CanonicalError {
    /// The catalogue id, when the vendor was identified.
    #[napi(getter)]
    pub fn vendor(&self) -> Option<&'static str> {
        self.error.vendor()
    }

    /// The vendor's code, verbatim, when the exposure level shows it.
    #[napi(getter)]
    pub fn code(&self) -> Option<String> {
        self.error.visible_code(self.expose).map(str::to_string)
    }

    /// Whether the code is in the catalogue.
    #[napi(getter)]
    pub fn known(&self) -> bool {
        self.error.known()
    }

    /// The kind shown at the exposure level.
    #[napi(getter, ts_return_type = "Kind")]
    pub fn kind(&self) -> &'static str {
        self.error.visible_kind(self.expose).id()
    }

    /// From the root of the taxonomy down to `kind`.
    #[napi(getter, ts_return_type = "Kind[]")]
    pub fn kind_path(&self) -> Vec<&'static str> {
        self.error.visible_kind(self.expose).path().into_iter().map(em::Kind::id).collect()
    }

    /// The kind an end user sees when enumeration-prone detail is hidden.
    #[napi(getter, ts_return_type = "Kind")]
    pub fn public_kind(&self) -> &'static str {
        self.error.visible_kind(self.expose).public_kind().id()
    }

    /// The HTTP status to answer with: the visible kind's.
    #[napi(getter)]
    pub fn http_status(&self) -> u32 {
        u32::from(self.error.http_status(self.expose))
    }

    /// The HTTP status of the vendor's response (from the caller or the body).
    #[napi(getter)]
    pub fn upstream_status(&self) -> Option<u32> {
        self.error.upstream_status().map(u32::from)
    }

    /// Whether retrying later can help.
    #[napi(getter)]
    pub fn retryable(&self) -> bool {
        self.error.visible_kind(self.expose).retryable()
    }

    /// How the catalogue or kind was decided.
    #[napi(getter, ts_return_type = "DetectedBy")]
    pub fn detected_by(&self) -> &'static str {
        self.error.detected_by().as_str()
    }

    /// Why, in a sentence.
    #[napi(getter)]
    pub fn detection(&self) -> String {
        self.error.detection().to_string()
    }

    /// Values from the vendor's message (`remaining`, `minutes`, `seconds`).
    #[napi(getter, ts_return_type = "Record<string, number | string>")]
    pub fn params(&self) -> BTreeMap<String, Either<f64, String>> {
        self.error.visible_params(self.expose).iter().map(|(name, value)| (name.clone(), param(value))).collect()
    }

    /// The vendor's own message, when the exposure level shows it.
    #[napi(getter)]
    pub fn vendor_message(&self) -> Option<String> {
        if self.expose == Expose::None { None } else { self.error.vendor_message().map(str::to_string) }
    }

    /// The message for the person affected, in `locale`.
    #[napi(getter)]
    pub fn message(&self) -> String {
        self.error.message(self.locale, self.expose)
    }

    /// What to do next, in `locale`.
    #[napi(getter)]
    pub fn hint(&self) -> String {
        self.error.hint(self.locale, self.expose)
    }

    #[napi(getter, ts_return_type = "Locale")]
    pub fn locale(&self) -> &'static str {
        self.locale.tag()
    }

    /// `none`, `account-status` or `all`.
    #[napi(getter, ts_return_type = "Exposure")]
    pub fn expose(&self) -> &'static str {
        self.expose.as_str()
    }

    /// The `Content-Language` of the problem document.
    #[napi(getter)]
    pub fn content_language(&self) -> &'static str {
        self.locale.tag()
    }

    /// The RFC 9457 problem details document at the same locale and exposure.
    #[napi]
    pub fn problem(&self) -> Problem {
        let problem = self.problem_document();
        Problem {
            type_uri: problem.type_uri,
            title: problem.title,
            status: u32::from(problem.status),
            detail: problem.detail,
            kind: problem.kind.id().to_string(),
            vendor: problem.vendor,
            vendor_code: problem.vendor_code,
            retryable: problem.retryable,
            params: if problem.params.is_empty() {
                None
            } else {
                Some(problem.params.iter().map(|(name, value)| (name.clone(), param(value))).collect())
            },
        }
    }

    /// The problem document as JSON text, ready to send.
    #[napi]
    pub fn problem_json(&self) -> String {
        self.problem_document().to_json()
    }

    /// Every member as plain data, for `JSON.stringify`.
    #[napi(js_name = "toJSON")]
    pub fn to_json(&self) -> CanonicalErrorJson {
        CanonicalErrorJson {
            vendor: self.vendor().map(str::to_string),
            code: self.code(),
            known: self.known(),
            kind: self.kind().to_string(),
            kind_path: self.kind_path().into_iter().map(str::to_string).collect(),
            public_kind: self.public_kind().to_string(),
            http_status: self.http_status(),
            upstream_status: self.upstream_status(),
            retryable: self.retryable(),
            detected_by: self.detected_by().to_string(),
            detection: self.detection(),
            params: self.params(),
            vendor_message: self.vendor_message(),
            message: self.message(),
            hint: self.hint(),
            locale: self.locale().to_string(),
            expose: self.expose().to_string(),
        }
    }
}

impl CanonicalError {
    fn problem_document(&self) -> em::Problem {
        self.error.problem(self.locale, self.expose, &em::ProblemOptions::default())
    }
}

/// Runs `support.js` once the native exports are in place: the error classes join the
/// exports and `translate` gains its cache.
#[napi(module_exports)]
pub fn init(exports: Object<'_>, env: Env) -> Result<()> {
    errors::install(&env, exports)
}
