//! errmap translates authentication providers' error codes into one canonical taxonomy.
//!
//! Every vendor speaks its own dialect of errors: Authing answers `2004`, Wilddog
//! `22011 invalid_user`, OneAccess `LOGIN.0002`. errmap maps each code onto a canonical
//! [`Kind`] (`user_not_found`, `locked`, `bad_password`, `mfa_required`, …), gives every
//! kind and every code a message in English and Chinese ([`Messages`]), finds a code's
//! nearest equivalents in another vendor's catalogue, each labelled with an honest
//! [`Relation`] and a confidence ([`assess()`]), and turns any vendor's raw error body
//! into one canonical error ([`Normalizer`]) and RFC 9457 problem details ([`Problem`]).
//!
//! It is for two kinds of programs: migration tools that need every code of the old
//! provider accounted for, and gateways that front several providers and must answer
//! with one error vocabulary without revealing whether an account exists.
//!
//! # Translate a code
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
//! let best = translation.best().expect("Authing has a user-not-found code");
//! assert_eq!((best.code.code(), best.relation), ("2004", Relation::Exact));
//! assert!(errmap_auth::assess(source, best).confidence >= 0.9);
//! # Ok::<(), errmap_auth::Error>(())
//! ```
//!
//! # Normalize a vendor's error body (gateways)
//!
//! ```
//! use errmap_auth::{Context, Expose, Locale, Normalizer, ProblemOptions};
//!
//! let normalizer = Normalizer::default();
//! let body = br#"{"error_code": "LOGIN.0002", "error_msg": "Invalid account name or password. Remaining attempts: 3"}"#;
//! let error = normalizer.normalize(body, &Context::default().vendor("oneaccess"))?;
//! assert_eq!(error.kind().id(), "invalid_credentials");
//! // What a client may see: nothing that tells whether the account exists.
//! let problem = error.problem(Locale::En, Expose::None, &ProblemOptions::default());
//! let json = serde_json::to_value(&problem).expect("a problem serializes");
//! assert_eq!(json["status"], 401);
//! # Ok::<(), errmap_auth::Error>(())
//! ```
//!
//! # Where things are
//!
//! The crate root holds the types most programs name. The modules hold the rest:
//! [`catalogue`] (codes, variants, settings, body shapes), [`taxonomy`] (kinds and their
//! metadata), [`messages`] (locales and Fluent rendering), [`search`] (finding codes
//! from any text), [`normalize`] and [`problem`] (raw bodies to canonical errors and
//! problem documents), [`mod@assess`] (confidence and evidence), [`text`] (cleaning
//! untrusted text), [`error`].
//!
//! # Features
//!
//! - `tower` (off by default): [`tower::ErrmapLayer`], a tower `Layer` that rewrites
//!   upstream error responses into problem+json in the caller's language.
//!
//! The data (`mappings/` and `locales/` in the repository) is compiled into the crate
//! and checked at build time; nothing is read from disk unless you load a catalogue of
//! your own with [`Catalogue::from_toml`] or [`Registry::load`].

#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod assess;
mod body;
mod builtin;
pub mod catalogue;
mod code;
mod detect;
pub mod error;
mod matching;
mod message_index;
pub mod messages;
pub mod normalize;
mod pool;
pub mod problem;
mod registry;
pub mod search;
pub mod taxonomy;
pub mod text;
#[cfg(feature = "tower")]
#[cfg_attr(docsrs, doc(cfg(feature = "tower")))]
pub mod tower;
mod translate;

// The on-disk format, shared with the build script.
use errmap_auth_format::{fxhash, kin, source};

/// The README's examples run as doctests, so they cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;

pub use assess::{Assessment, Evidence, assess};
pub use catalogue::{Catalogue, Code, CodeRef, KindMatch};
pub use error::Error;
pub use messages::{Locale, Messages};
pub use normalize::{CanonicalError, Context, Expose, Limits, Normalizer};
pub use problem::{PROBLEM_CONTENT_TYPE, Problem, ProblemOptions};
pub use registry::{CheckedFile, Registry};
pub use taxonomy::Kind;
pub use translate::{Equivalent, Relation, Translation, relate};
