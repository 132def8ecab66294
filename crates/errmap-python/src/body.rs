//! What `normalize` accepts as a body: raw bytes, text, or JSON already parsed into
//! Python dicts and lists.

use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMemoryView, PyString, PyTuple};
use serde_json::{Map, Number, Value};

use crate::errors::invalid;

/// How deep a dict body may nest; deeper (or a dict that contains itself) is refused.
const MAX_DEPTH: usize = 256;

/// A body, held without copying where Python allows it, and `Send` so that it can be
/// normalized with the GIL released.
pub enum Body {
    Bytes(PyBackedBytes),
    Text(PyBackedStr),
    /// Parsed JSON, with its number of nodes (a measure of the work to classify it).
    Value(Value, usize),
}

impl Body {
    pub fn extract(body: &Bound<'_, PyAny>) -> PyResult<Body> {
        let py = body.py();
        if body.is_instance_of::<PyBytes>() || body.is_instance_of::<PyByteArray>() {
            return Ok(Body::Bytes(body.extract()?));
        }
        if body.is_instance_of::<PyMemoryView>() {
            let bytes = body.call_method0("tobytes")?;
            return Ok(Body::Bytes(bytes.extract()?));
        }
        if let Ok(text) = body.cast::<PyString>() {
            return match text.extract::<PyBackedStr>() {
                Ok(text) => Ok(Body::Text(text)),
                Err(_) => Err(invalid(
                    py,
                    "the body is a str that cannot be encoded as UTF-8 (it holds lone surrogates); pass the raw bytes instead",
                )),
            };
        }
        if body.is_instance_of::<PyDict>() || body.is_instance_of::<PyList>() {
            let mut nodes = 0;
            let value = to_value(body, 0, &mut nodes, &mut String::new())?;
            return Ok(Body::Value(value, nodes));
        }
        Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "a body is bytes, bytearray, memoryview, str, dict or list, not {}",
            body.get_type().name()?
        )))
    }

    /// The size that decides whether normalizing is worth releasing the GIL for.
    pub fn weight(&self) -> usize {
        match self {
            Body::Bytes(bytes) => bytes.len(),
            Body::Text(text) => text.len(),
            // A node costs about as much as a few bytes of raw JSON.
            Body::Value(_, nodes) => nodes * 8,
        }
    }
}

/// `at` is the JSON Pointer of `value`, for the error message.
fn to_value(value: &Bound<'_, PyAny>, depth: usize, nodes: &mut usize, at: &mut String) -> PyResult<Value> {
    let py = value.py();
    *nodes += 1;
    if depth > MAX_DEPTH {
        return Err(invalid(py, format!("the body nests deeper than {MAX_DEPTH} levels at '{at}'")));
    }
    if value.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(text) = value.cast::<PyString>() {
        return match text.extract::<PyBackedStr>() {
            Ok(text) => Ok(Value::String(text.to_string())),
            Err(_) => Err(invalid(py, format!("the body's string at '{at}' cannot be encoded as UTF-8"))),
        };
    }
    if value.is_instance_of::<PyInt>() {
        if let Ok(n) = value.extract::<i64>() {
            return Ok(Value::Number(n.into()));
        }
        if let Ok(n) = value.extract::<u64>() {
            return Ok(Value::Number(n.into()));
        }
        // Beyond 64 bits: as JSON writes it, a float.
        let n: f64 = value.extract()?;
        return Number::from_f64(n)
            .map(Value::Number)
            .ok_or_else(|| invalid(py, format!("the body's integer at '{at}' is out of range")));
    }
    if let Ok(n) = value.cast::<PyFloat>() {
        return Number::from_f64(n.value())
            .map(Value::Number)
            .ok_or_else(|| invalid(py, format!("the body's number at '{at}' is not finite, which JSON cannot carry")));
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        let mut map = Map::new();
        for (key, item) in dict.iter() {
            let key = match key.cast::<PyString>() {
                Ok(key) => key
                    .extract::<PyBackedStr>()
                    .map_err(|_| {
                        invalid(py, format!("a key of the body's object at '{at}' cannot be encoded as UTF-8"))
                    })?
                    .to_string(),
                Err(_) => {
                    return Err(invalid(
                        py,
                        format!(
                            "the body's object at '{at}' has a key of type {}; JSON keys are str",
                            key.get_type().name()?
                        ),
                    ));
                }
            };
            let len = at.len();
            at.push('/');
            at.push_str(&key.replace('~', "~0").replace('/', "~1"));
            let item = to_value(&item, depth + 1, nodes, at)?;
            at.truncate(len);
            map.insert(key, item);
        }
        return Ok(Value::Object(map));
    }
    if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for (i, item) in value.try_iter()?.enumerate() {
            let len = at.len();
            at.push('/');
            at.push_str(&i.to_string());
            items.push(to_value(&item?, depth + 1, nodes, at)?);
            at.truncate(len);
        }
        return Ok(Value::Array(items));
    }
    Err(invalid(py, format!("the body holds a {} at '{at}', which JSON cannot carry", value.get_type().name()?)))
}
