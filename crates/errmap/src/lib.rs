//! errmap translates authentication providers' error codes into one canonical taxonomy.
//!
//! Every vendor speaks its own dialect of errors: Authing answers `2004`, Wilddog
//! `22011 invalid_user`, OneAccess `LOGIN.0002`. errmap maps each code onto a canonical
//! [`Kind`] (`user_not_found`, `locked`, `bad_password`, `mfa_required`, …), gives every
//! kind and every code a message in English and Chinese, and finds a code's nearest
//! equivalents in another vendor's catalogue, each labelled with an honest
//! [`Relation`].
//!
//! ```
//! use errmap_auth::{Registry, Relation};
//!
//! let registry = Registry::builtin();
//! let source = registry.resolve("wilddog:22011")?;
//! assert_eq!(source.kind().id(), "user_not_found");
//!
//! let authing = registry.catalogue("authing")?;
//! let translation = registry.translate(source, authing);
//! let best = &translation.matches[0];
//! assert_eq!((best.code.code(), best.relation), ("2004", Relation::Exact));
//! # Ok::<(), errmap_auth::Error>(())
//! ```
//!
//! The data (`mappings/` and `locales/` in the repository) is compiled into the crate
//! and checked at build time; nothing is read from disk unless you load a catalogue of
//! your own with [`Catalogue::from_toml`].

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod assess;
mod body;
mod builtin;
mod catalogue;
mod code;
mod detect;
mod error;
mod matching;
mod message_index;
mod messages;
mod normalize;
mod pool;
mod problem;
mod registry;
mod search;
mod taxonomy;
mod text;
#[cfg(feature = "tower")]
pub mod tower;
mod translate;

// The on-disk format, shared with the build script.
use errmap_auth_format::{fxhash, kin, source};

/// The README's examples run as doctests, so they cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;

pub use assess::{Assessment, Evidence, WEAK_BELOW, assess};
pub use catalogue::{BodyShape, Catalogue, Code, KindMatch, Setting, Variant, VariantTest};
pub use error::{CatalogueProblem, Error};
pub use messages::{Arg, Locale, LocalizedText, Messages, TextOrigin};

pub use catalogue::CodeRef;
pub use normalize::{CanonicalError, Context, DetectedBy, Expose, Limits, Normalizer, ParamValue};
pub use pool::CatalogueText;
pub use problem::{ErrorInfo, PROBLEM_CONTENT_TYPE, Problem, ProblemOptions};
pub use registry::Registry;
pub use search::{
    DEFAULT_MIN_SCORE, MAX_QUERY_CHARS, SearchField, SearchHit, SearchMatch, SearchOptions, SearchTarget,
};
pub use taxonomy::{Actor, Category, Exposure, Kind};
pub use text::{sanitize, suggest};
pub use translate::{Equivalent, Relation, Translation, relate};
