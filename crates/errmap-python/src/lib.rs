//! The native module `errmap._errmap`: errmap-auth's public API as a Python `Registry`
//! and frozen result classes. The pure-Python package `errmap` (python/errmap) wraps it
//! with module-level functions over the built-in registry.
//!
//! Only the public API of `errmap_auth` is used. Every answer is copied into owned
//! data, so results outlive the call and the registry.

mod body;
mod errors;
mod plain;
mod types;

use std::path::PathBuf;
use std::sync::Arc;

use errmap_auth as em;
use errmap_auth::{Context, Expose, Limits, Locale, Normalizer};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList, PyString};

use body::Body;
use errors::{from_library, invalid};
use types::{CanonicalError, Catalogue, Code, Explanation, Kind, Row, SearchHit, Translation};

/// Bodies at least this long are normalized with the GIL released, so other Python
/// threads run meanwhile; below it, releasing and taking the GIL back would cost more
/// than the work.
const RELEASE_GIL_AT: usize = 16 * 1024;

/// Translations cached per registry and locale before the cache starts over.
const CACHE_CODES: usize = 65_536;

enum Catalogues {
    Builtin,
    Loaded(Arc<em::Registry>),
}

/// A set of catalogues: the built-in ones, plus any loaded with `Registry.load`.
#[pyclass(frozen, module = "errmap")]
struct Registry {
    catalogues: Catalogues,
    /// Per locale: code reference → target (or None) → list of Translations. A
    /// translation depends only on the registry, the code, the target and the locale,
    /// and the classes are frozen, so each answer is made once and copied out.
    translations: [Py<PyDict>; 3],
}

fn locale_index(locale: Locale) -> usize {
    Locale::ALL.iter().position(|&l| l == locale).unwrap_or(0)
}

fn parse_locale(py: Python<'_>, locale: Option<&str>) -> PyResult<Locale> {
    match locale {
        None | Some("en") => Ok(Locale::En),
        Some(tag) => Locale::negotiate(tag).ok_or_else(|| {
            let shipped: Vec<&str> = Locale::ALL.iter().map(|l| l.tag()).collect();
            invalid(py, format!("no shipped locale serves '{tag}'; errmap ships {}", shipped.join(", ")))
        }),
    }
}

fn parse_expose(py: Python<'_>, exposure: Option<&str>) -> PyResult<Expose> {
    match exposure {
        None => Ok(Expose::None),
        Some(level) => level.replace('_', "-").parse().map_err(|e: String| invalid(py, e)),
    }
}

/// The files of every path (a file, or a folder of `*.toml` catalogues).
fn catalogue_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, em::Error> {
    let mut files = Vec::new();
    for path in paths {
        files.extend(em::Catalogue::files_at(path)?);
    }
    Ok(files)
}

/// What `normalize` was asked besides the body.
struct Request {
    vendor: Option<PyBackedStr>,
    status: Option<u16>,
    content_type: Option<PyBackedStr>,
    locale: Locale,
    expose: Expose,
    limits: Limits,
}

impl Request {
    fn normalize(&self, registry: &em::Registry, body: &Body) -> Result<CanonicalError, em::Error> {
        let normalizer = Normalizer::new(registry).with_limits(self.limits);
        let context =
            Context { status: self.status, vendor: self.vendor.as_deref(), content_type: self.content_type.as_deref() };
        let error = match body {
            Body::Bytes(bytes) => normalizer.normalize(bytes, &context)?,
            Body::Text(text) => normalizer.normalize(text.as_bytes(), &context)?,
            Body::Value(value, _) => normalizer.normalize_value(value, &context)?,
        };
        Ok(CanonicalError::new(&error, self.locale, self.expose))
    }
}

impl Registry {
    fn with(py: Python<'_>, catalogues: Catalogues) -> Registry {
        Registry { catalogues, translations: std::array::from_fn(|_| PyDict::new(py).unbind()) }
    }

    fn get(&self) -> &em::Registry {
        match &self.catalogues {
            Catalogues::Builtin => em::Registry::builtin(),
            Catalogues::Loaded(registry) => registry,
        }
    }

    fn translations(&self, code: &str, target: Option<&str>, locale: Locale) -> Result<Vec<Translation>, em::Error> {
        let registry = self.get();
        let source = registry.resolve(code)?;
        let translations = match target {
            Some(target) => vec![registry.translate(source, registry.catalogue(target)?)],
            None => registry.translate_all(source),
        };
        Ok(translations
            .iter()
            .flat_map(|t| t.matches.iter())
            .map(|equivalent| Translation::new(source, equivalent, locale))
            .collect())
    }

    #[allow(clippy::too_many_arguments)]
    fn request(
        &self,
        py: Python<'_>,
        vendor: Option<PyBackedStr>,
        status: Option<u16>,
        content_type: Option<PyBackedStr>,
        locale: Option<&str>,
        exposure: Option<&str>,
        max_body_bytes: Option<usize>,
    ) -> PyResult<Request> {
        if let Some(vendor) = &vendor {
            // Checked before any body is read, as the library does.
            self.get().catalogue(vendor).map_err(|e| from_library(py, &e))?;
        }
        Ok(Request {
            vendor,
            status,
            content_type,
            locale: parse_locale(py, locale)?,
            expose: parse_expose(py, exposure)?,
            limits: max_body_bytes.map_or_else(Limits::default, |max_body_bytes| Limits { max_body_bytes }),
        })
    }
}

#[pymethods]
impl Registry {
    /// The registry of the built-in catalogues.
    #[new]
    fn new(py: Python<'_>) -> Registry {
        Registry::with(py, Catalogues::Builtin)
    }

    /// The built-in catalogues plus the catalogue files at `paths` (one path or
    /// several; each a `.toml` file or a folder of them), parsed with the GIL released.
    #[staticmethod]
    fn load(py: Python<'_>, paths: &Bound<'_, PyAny>) -> PyResult<Registry> {
        let paths: Vec<PathBuf> = if paths.is_instance_of::<PyString>() || paths.hasattr("__fspath__")? {
            vec![paths.extract()?]
        } else {
            paths.try_iter()?.map(|path| path?.extract()).collect::<PyResult<_>>()?
        };
        let loaded = py.detach(|| {
            let mut registry = em::Registry::new();
            registry.load_files(&catalogue_files(&paths)?)?;
            Ok::<_, em::Error>(registry)
        });
        let registry = loaded.map_err(|e| from_library(py, &e))?;
        Ok(Registry::with(py, Catalogues::Loaded(Arc::new(registry))))
    }

    /// The equivalents of `code` (`VENDOR:CODE`) in `target`, or in every other
    /// catalogue when `target` is None: best first within each target, targets in
    /// registry order. Empty when nothing is equivalent.
    #[pyo3(signature = (code, target=None, *, locale=None), text_signature = "(code, target=None, *, locale='en')")]
    fn translate<'py>(
        &self,
        py: Python<'py>,
        code: &Bound<'py, PyString>,
        target: Option<&Bound<'py, PyString>>,
        locale: Option<PyBackedStr>,
    ) -> PyResult<Bound<'py, PyList>> {
        let locale = parse_locale(py, locale.as_deref())?;
        let cache = self.translations[locale_index(locale)].bind(py);
        let per_target = cache.get_item(code)?.map(|found| found.cast_into::<PyDict>()).transpose()?;
        let key = match target {
            Some(target) => target.clone().into_any(),
            None => py.None().into_bound(py),
        };
        if let Some(found) = per_target.as_ref().map(|per_target| per_target.get_item(&key)).transpose()?.flatten() {
            let found = found.cast_into::<PyList>()?;
            return Ok(found.get_slice(0, found.len()));
        }
        let code_text: PyBackedStr = code.extract()?;
        let target_text: Option<PyBackedStr> = target.map(|t| t.extract()).transpose()?;
        let translations =
            self.translations(&code_text, target_text.as_deref(), locale).map_err(|e| from_library(py, &e))?;
        let list = PyList::new(py, translations)?;
        // Only answers are cached: a bad reference raises every time and takes no room.
        let per_target = match per_target {
            Some(per_target) => per_target,
            None => {
                if cache.len() >= CACHE_CODES {
                    cache.clear();
                }
                let fresh = PyDict::new(py);
                cache.set_item(code, &fresh)?;
                fresh
            }
        };
        per_target.set_item(&key, &list)?;
        Ok(list.get_slice(0, list.len()))
    }

    /// Everything errmap knows about one code (`VENDOR:CODE`).
    #[pyo3(signature = (code, *, locale=None), text_signature = "(code, *, locale='en')")]
    fn explain(&self, py: Python<'_>, code: PyBackedStr, locale: Option<PyBackedStr>) -> PyResult<Explanation> {
        let locale = parse_locale(py, locale.as_deref())?;
        let code = self.get().resolve(&code).map_err(|e| from_library(py, &e))?;
        Ok(Explanation::new(code, locale))
    }

    /// The codes and kinds that best match `text` (a vendor message, a code, a symbol,
    /// a kind id, a word), best first. With `vendor`, only that catalogue's codes.
    #[pyo3(
        signature = (text, vendor=None, limit=10, *, min_score=em::search::DEFAULT_MIN_SCORE, locale=None),
        text_signature = "(text, vendor=None, limit=10, *, min_score=0.45, locale='en')"
    )]
    fn search(
        &self,
        py: Python<'_>,
        text: PyBackedStr,
        vendor: Option<PyBackedStr>,
        limit: usize,
        min_score: f64,
        locale: Option<PyBackedStr>,
    ) -> PyResult<Vec<SearchHit>> {
        let locale = parse_locale(py, locale.as_deref())?;
        let options = em::search::SearchOptions { vendor: vendor.as_deref(), limit, min_score };
        let hits = self.get().search(&text, &options).map_err(|e| from_library(py, &e))?;
        Ok(hits.iter().map(|hit| SearchHit::new(hit, locale)).collect())
    }

    /// The migration crosswalk: every code of `from_` with its best equivalent in `to`.
    #[pyo3(signature = (from_, to, *, locale=None), text_signature = "(from_, to, *, locale='en')")]
    fn table(
        &self,
        py: Python<'_>,
        from_: PyBackedStr,
        to: PyBackedStr,
        locale: Option<PyBackedStr>,
    ) -> PyResult<Vec<Row>> {
        let locale = parse_locale(py, locale.as_deref())?;
        let registry = self.get();
        let from = registry.catalogue(&from_).map_err(|e| from_library(py, &e))?;
        let to = registry.catalogue(&to).map_err(|e| from_library(py, &e))?;
        Ok(from
            .code_refs()
            .map(|source| {
                let translation = registry.translate(source, to);
                let best = translation.best();
                Row {
                    source: Code::new(source, locale),
                    target: best.map(|m| Code::new(m.code, locale)),
                    relation: best.map_or("none", |m| m.relation.as_str()),
                }
            })
            .collect())
    }

    /// Every catalogue, built-in ones first.
    fn catalogues(&self) -> Vec<Catalogue> {
        self.get().catalogues().iter().map(Catalogue::new).collect()
    }

    /// Every canonical kind, in taxonomy order (each root followed by its descendants).
    #[pyo3(signature = (*, locale=None), text_signature = "(*, locale='en')")]
    fn kinds(&self, py: Python<'_>, locale: Option<PyBackedStr>) -> PyResult<Vec<Kind>> {
        let locale = parse_locale(py, locale.as_deref())?;
        Ok(types::kinds(self.get(), locale))
    }

    /// One raw vendor error body (bytes, str, or JSON already parsed into a dict or a
    /// list) in canonical form. Bodies of 16 KiB and more are normalized with the GIL
    /// released.
    #[allow(clippy::too_many_arguments)]
    #[pyo3(
        signature = (body, *, vendor=None, status=None, content_type=None, locale=None, exposure=None, max_body_bytes=None),
        text_signature = "(body, *, vendor=None, status=None, content_type=None, locale='en', exposure='none', max_body_bytes=None)"
    )]
    fn normalize(
        &self,
        py: Python<'_>,
        body: &Bound<'_, PyAny>,
        vendor: Option<PyBackedStr>,
        status: Option<u16>,
        content_type: Option<PyBackedStr>,
        locale: Option<PyBackedStr>,
        exposure: Option<PyBackedStr>,
        max_body_bytes: Option<usize>,
    ) -> PyResult<CanonicalError> {
        let request =
            self.request(py, vendor, status, content_type, locale.as_deref(), exposure.as_deref(), max_body_bytes)?;
        let body = Body::extract(body)?;
        let registry = self.get();
        let normalized = if body.weight() >= RELEASE_GIL_AT {
            py.detach(|| request.normalize(registry, &body))
        } else {
            request.normalize(registry, &body)
        };
        normalized.map_err(|e| from_library(py, &e))
    }

    /// `normalize` of every body of an iterable, in order, with the GIL released for
    /// the whole batch. A body that cannot be normalized raises its error; with
    /// `return_exceptions=True` the error takes the body's place in the list instead.
    #[allow(clippy::too_many_arguments)]
    #[pyo3(
        signature = (bodies, *, vendor=None, status=None, content_type=None, locale=None, exposure=None, max_body_bytes=None, return_exceptions=false),
        text_signature = "(bodies, *, vendor=None, status=None, content_type=None, locale='en', exposure='none', max_body_bytes=None, return_exceptions=False)"
    )]
    fn normalize_many<'py>(
        &self,
        py: Python<'py>,
        bodies: &Bound<'py, PyAny>,
        vendor: Option<PyBackedStr>,
        status: Option<u16>,
        content_type: Option<PyBackedStr>,
        locale: Option<PyBackedStr>,
        exposure: Option<PyBackedStr>,
        max_body_bytes: Option<usize>,
        return_exceptions: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let request =
            self.request(py, vendor, status, content_type, locale.as_deref(), exposure.as_deref(), max_body_bytes)?;
        let bodies = bodies.try_iter()?.map(|body| Body::extract(&body?)).collect::<PyResult<Vec<Body>>>()?;
        let registry = self.get();
        let results: Vec<Result<CanonicalError, em::Error>> =
            py.detach(|| bodies.iter().map(|body| request.normalize(registry, body)).collect());
        let out = PyList::empty(py);
        for result in results {
            match result {
                Ok(error) => out.append(error)?,
                Err(error) if return_exceptions => out.append(from_library(py, &error).into_value(py))?,
                Err(error) => return Err(from_library(py, &error)),
            }
        }
        Ok(out)
    }

    fn __repr__(&self) -> String {
        let registry = self.get();
        let user = registry.catalogues().iter().filter(|c| !c.is_builtin()).count();
        format!("Registry({} catalogues, {user} loaded)", registry.catalogues().len())
    }
}

#[pymodule]
fn _errmap(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("PROBLEM_CONTENT_TYPE", em::PROBLEM_CONTENT_TYPE)?;
    m.add("DEFAULT_MAX_BODY_BYTES", Limits::default().max_body_bytes)?;
    m.add_class::<Registry>()?;
    m.add_class::<CanonicalError>()?;
    m.add_class::<Catalogue>()?;
    m.add_class::<Code>()?;
    m.add_class::<Explanation>()?;
    m.add_class::<Kind>()?;
    m.add_class::<types::LocalizedText>()?;
    m.add_class::<Row>()?;
    m.add_class::<SearchHit>()?;
    m.add_class::<types::Setting>()?;
    m.add_class::<Translation>()?;
    m.add_class::<types::Variant>()?;
    Ok(())
}
