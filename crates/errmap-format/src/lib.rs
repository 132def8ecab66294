//! The on-disk format of errmap's catalogues and taxonomy, and the checks every file
//! must pass.
//!
//! Two programs read `mappings/`: the library's build script, which compiles the
//! built-in files into static tables ([`codegen`], behind the `codegen` feature), and
//! the library at run time, which loads users' catalogues. Both go through
//! [`source`], so a built-in file passes exactly the checks a user's file does.

#![forbid(unsafe_code)]

#[cfg(feature = "codegen")]
pub mod codegen;
#[cfg(feature = "codegen")]
pub mod fluent_plain;
pub mod fxhash;
pub mod kin;
#[allow(missing_docs)]
pub mod source;
pub mod template;
