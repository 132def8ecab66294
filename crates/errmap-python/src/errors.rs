//! The library's errors as the Python exceptions of `errmap._exceptions`, each with the
//! library's message and the details as attributes.

use errmap_auth::Error;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};

fn exceptions(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    Ok(MODULE.get_or_try_init(py, || py.import("errmap._exceptions").map(Bound::unbind))?.bind(py))
}

/// An instance of `errmap._exceptions.<class>` with `message` and `details` as keyword
/// attributes, as a `PyErr` to raise.
pub fn raise(py: Python<'_>, class: &str, message: &str, details: &[(&str, Bound<'_, PyAny>)]) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let kwargs = PyDict::new(py);
        for (name, value) in details {
            kwargs.set_item(*name, value)?;
        }
        let instance = exceptions(py)?.getattr(class)?.call((message,), Some(&kwargs))?;
        Ok(PyErr::from_value(instance))
    };
    build().unwrap_or_else(|failed| failed)
}

/// `InvalidInputError(message)`: a bad argument the library never saw.
pub fn invalid(py: Python<'_>, message: impl AsRef<str>) -> PyErr {
    raise(py, "InvalidInputError", message.as_ref(), &[])
}

fn text<'py>(py: Python<'py>, text: &str) -> Bound<'py, PyAny> {
    pyo3::types::PyString::new(py, text).into_any()
}

fn optional<'py>(py: Python<'py>, value: Option<&str>) -> Bound<'py, PyAny> {
    value.map_or_else(|| py.None().into_bound(py), |value| text(py, value))
}

fn list<'py>(py: Python<'py>, items: &[String]) -> PyResult<Bound<'py, PyAny>> {
    Ok(PyList::new(py, items)?.into_any())
}

/// An exception class of `errmap._exceptions` and the attributes to give it.
type Details<'py> = (&'static str, Vec<(&'static str, Bound<'py, PyAny>)>);

/// The library's error as the Python exception of its kind.
pub fn from_library(py: Python<'_>, error: &Error) -> PyErr {
    let message = error.to_string();
    let details = || -> PyResult<Details<'_>> {
        Ok(match error {
            Error::UnknownVendor { given, suggestion, known } => (
                "UnknownVendorError",
                vec![
                    ("given", text(py, given)),
                    ("suggestion", optional(py, suggestion.as_deref())),
                    ("known", list(py, known)?),
                ],
            ),
            Error::UnknownCode { vendor, code, elsewhere } => (
                "UnknownCodeError",
                vec![("vendor", text(py, vendor)), ("code", text(py, code)), ("elsewhere", list(py, elsewhere)?)],
            ),
            Error::MalformedReference { given } => ("MalformedReferenceError", vec![("given", text(py, given))]),
            Error::InvalidCatalogue { origin, problems } => {
                let class = exceptions(py)?.getattr("CatalogueProblem")?;
                let problems = problems
                    .iter()
                    .map(|p| class.call1((p.line, p.column, p.message.as_str())))
                    .collect::<PyResult<Vec<_>>>()?;
                (
                    "CatalogueError",
                    vec![("origin", text(py, origin)), ("problems", PyList::new(py, problems)?.into_any())],
                )
            }
            Error::DuplicateCatalogue { name, builtin, .. } => (
                "DuplicateCatalogueError",
                vec![
                    ("name", text(py, name)),
                    ("builtin", pyo3::types::PyBool::new(py, *builtin).to_owned().into_any()),
                ],
            ),
            Error::BodyTooLarge { size, limit } => (
                "BodyTooLargeError",
                vec![("size", size.into_pyobject(py)?.into_any()), ("limit", limit.into_pyobject(py)?.into_any())],
            ),
            Error::Io { path, message, .. } => {
                ("CatalogueReadError", vec![("origin", text(py, path)), ("reason", text(py, message))])
            }
            // A variant added to the library later: still an ErrmapError with its message.
            _ => ("ErrmapError", Vec::new()),
        })
    };
    match details() {
        Ok((class, details)) => raise(py, class, &message, &details),
        Err(failed) => failed,
    }
}
