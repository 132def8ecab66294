//! Result classes: frozen Python classes of owned data, declared once with [`record!`],
//! which also gives each its `to_dict()` (plain dicts, lists, str, int, float, bool and
//! None, with the member names of the CLI's `--format json`), `__repr__` and `__eq__`.

use std::collections::BTreeMap;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

/// A value that becomes plain Python data in `to_dict()`.
pub trait Plain {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

macro_rules! plain_by_value {
    ($($ty:ty),*) => {$(
        impl Plain for $ty {
            fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                Ok(self.into_pyobject(py)?.to_owned().into_any())
            }
        }
    )*};
}

plain_by_value!(bool, u8, u16, usize, f64);

impl Plain for String {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, self).into_any())
    }
}

impl Plain for &'static str {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, self).into_any())
    }
}

impl<T: Plain> Plain for Option<T> {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(value) => value.plain(py),
            None => Ok(py.None().into_bound(py)),
        }
    }
}

impl<T: Plain> Plain for Vec<T> {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items = self.iter().map(|item| item.plain(py)).collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, items)?.into_any())
    }
}

impl<K: AsRef<str>, V: Plain> Plain for BTreeMap<K, V> {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let dict = PyDict::new(py);
        for (key, value) in self {
            dict.set_item(key.as_ref(), value.plain(py)?)?;
        }
        Ok(dict.into_any())
    }
}

/// A Rust field name as Python spells it: `r#match` is `match`.
pub const fn field_name(name: &'static str) -> &'static str {
    match name.as_bytes() {
        [b'r', b'#', rest @ ..] => match std::str::from_utf8(rest) {
            Ok(rest) => rest,
            Err(_) => name,
        },
        _ => name,
    }
}

/// `Name(field=repr(value), …)`.
pub fn repr(name: &str, fields: &[(&str, Bound<'_, PyAny>)]) -> PyResult<String> {
    let mut out = String::with_capacity(64);
    out.push_str(name);
    out.push('(');
    for (i, (field, value)) in fields.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(field);
        out.push('=');
        out.push_str(&value.repr()?.to_cow()?);
    }
    out.push(')');
    Ok(out)
}

/// Declares a frozen result class with a getter per field, plus `to_dict()`, `__repr__`
/// and `__eq__`. Fields under `hidden` are kept but not shown; `methods` are added to
/// the class's one `#[pymethods]` block.
macro_rules! record {
    (
        $(#[doc = $doc:literal])*
        $name:ident {
            $($(#[doc = $fdoc:literal])* $field:ident : $ty:ty,)*
        }
        $(hidden { $($(#[doc = $hdoc:literal])* $hfield:ident : $hty:ty,)* })?
        $(methods { $($methods:tt)* })?
    ) => {
        $(#[doc = $doc])*
        #[pyclass(frozen, eq, module = "errmap")]
        #[derive(Clone, Debug, PartialEq)]
        pub struct $name {
            $($(#[doc = $fdoc])* #[pyo3(get)] pub $field: $ty,)*
            $($($(#[doc = $hdoc])* pub $hfield: $hty,)*)?
        }

        impl $crate::plain::Plain for $name {
            fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                let dict = pyo3::types::PyDict::new(py);
                $(dict.set_item($crate::plain::field_name(stringify!($field)), self.$field.plain(py)?)?;)*
                Ok(dict.into_any())
            }
        }

        #[pymethods]
        impl $name {
            /// The object as plain data (dict, list, str, int, float, bool, None), with
            /// the member names of the CLI's JSON output.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                $crate::plain::Plain::plain(self, py)
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                $crate::plain::repr(
                    stringify!($name),
                    &[$(($crate::plain::field_name(stringify!($field)), self.$field.plain(py)?),)*],
                )
            }

            $($($methods)*)?
        }
    };
}

pub(crate) use record;
