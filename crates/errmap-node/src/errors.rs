//! The library's errors as the `ErrmapError` classes of `support.js`, each with the
//! library's message, a `code` such as `ERRMAP_UNKNOWN_VENDOR`, and the details as
//! members.

use errmap_auth::Error;
use napi::bindgen_prelude::*;
use napi::{Env, JsSymbol, Unknown};
use serde_json::{Value, json};

const SUPPORT: &str = include_str!("support.js");

/// Where `support.js` keeps its helpers: one key per version of the package.
const KEY: &str = concat!("errmap-auth@", env!("CARGO_PKG_VERSION"));

/// Runs `support.js` with the native exports (see there).
pub fn install(env: &Env, exports: Object<'_>) -> Result<()> {
    let install: Function<FnArgs<(Object, JsSymbol)>, Unknown> = env.run_script(SUPPORT)?;
    install.call((exports, env.symbol_for(KEY)?).into())?;
    Ok(())
}

/// The helpers `support.js` left for the native code.
pub fn support(env: &Env) -> Result<Object<'_>> {
    env.get_global()?.get_property(env.symbol_for(KEY)?)
}

/// An instance of the class named `class` with `message` and `details` as members, as
/// a `napi::Error` that throws it.
pub fn raise(env: &Env, class: &str, message: &str, details: Value) -> napi::Error {
    let build = || -> Result<napi::Error> {
        let make: Function<FnArgs<(&str, &str, String)>, Unknown> = support(env)?.get_named_property("make")?;
        let error = make.call((class, message, details.to_string()).into())?;
        Ok(napi::Error::from(error))
    };
    build().unwrap_or_else(|failed| failed)
}

/// `InvalidInputError(message)`: a bad argument the library never saw.
pub fn invalid(env: &Env, message: &str) -> napi::Error {
    raise(env, "InvalidInputError", message, json!({}))
}

/// The library's error as the class of its kind.
pub fn from_library(env: &Env, error: &Error) -> napi::Error {
    let message = error.to_string();
    let (class, details) = match error {
        Error::UnknownVendor { given, suggestion, known } => {
            ("UnknownVendorError", json!({ "given": given, "suggestion": suggestion, "known": known }))
        }
        Error::UnknownCode { vendor, code, elsewhere } => {
            ("UnknownCodeError", json!({ "vendor": vendor, "vendorCode": code, "elsewhere": elsewhere }))
        }
        Error::MalformedReference { given } => ("MalformedReferenceError", json!({ "given": given })),
        Error::InvalidCatalogue { origin, problems } => {
            let problems: Vec<Value> =
                problems.iter().map(|p| json!({ "line": p.line, "column": p.column, "message": p.message })).collect();
            ("CatalogueError", json!({ "origin": origin, "problems": problems }))
        }
        Error::DuplicateCatalogue { name, builtin, .. } => {
            ("DuplicateCatalogueError", json!({ "clash": name, "builtin": builtin }))
        }
        Error::BodyTooLarge { size, limit } => ("BodyTooLargeError", json!({ "size": size, "limit": limit })),
        Error::Io { path, message, .. } => ("CatalogueReadError", json!({ "origin": path, "reason": message })),
        // A variant added to the library later: still an ErrmapError with its message.
        _ => ("ErrmapError", json!({})),
    };
    raise(env, class, &message, details)
}
