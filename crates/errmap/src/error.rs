//! The one error type of the library.
//!
//! Every variant carries what a person needs to fix the input: the name that was
//! given, the closest valid one, and where else to look.

use std::fmt;
use std::io;
use std::sync::Arc;

use crate::source::Problem;

/// Something errmap was asked that it cannot answer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// No catalogue has this id or alias.
    UnknownVendor {
        /// The name as given.
        given: String,
        /// The closest catalogue id, when one is close enough to be a likely typo.
        suggestion: Option<String>,
        /// Every catalogue id, for the person to choose from.
        known: Vec<String>,
    },
    /// The catalogue exists but has no such code.
    UnknownCode {
        /// The catalogue id.
        vendor: String,
        /// The code as given.
        code: String,
        /// Other catalogues that do have a code written so; a different code there.
        elsewhere: Vec<String>,
    },
    /// A code reference that is not of the form `VENDOR:CODE`.
    MalformedReference {
        /// The reference as given.
        given: String,
    },
    /// A catalogue file has problems; all of them are listed.
    InvalidCatalogue {
        /// The file (or other origin) the text came from.
        origin: String,
        /// Every problem found, in file order.
        problems: Vec<CatalogueProblem>,
    },
    /// A user catalogue reuses the id or an alias of another catalogue.
    DuplicateCatalogue {
        /// The clashing name.
        name: String,
        /// Whether the catalogue it clashes with is built in (then the file may say
        /// `overrides = true` to replace it on purpose).
        builtin: bool,
        /// Whether the catalogue being added already says `overrides = true`: then the
        /// clash is with a name of another catalogue than the one it replaces.
        overrides: bool,
    },
    /// A body longer than the normalizer's limit ([`crate::Limits`]).
    BodyTooLarge {
        /// The body's length in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A file could not be read, or written. The operating system's error is the
    /// [`source`](std::error::Error::source).
    Io {
        /// The path, or what was read or written (`standard input`, `standard output`).
        path: String,
        /// Whether reading or writing failed.
        operation: IoOperation,
        /// The operating system's explanation.
        message: String,
        /// The error itself.
        source: IoSource,
    },
}

/// What [`Error::Io`] was doing when it failed.
#[derive(Debug, Copy, Clone, PartialEq, Eq, Hash)]
pub enum IoOperation {
    /// Reading a file or a stream.
    Read,
    /// Writing a file or a stream.
    Write,
}

/// The [`io::Error`] behind [`Error::Io`], shared so that the error stays cheap to
/// clone; two compare equal when their kind and text do.
#[derive(Debug, Clone)]
pub struct IoSource(Arc<io::Error>);

impl IoSource {
    /// The operating system's error.
    pub fn get(&self) -> &io::Error {
        &self.0
    }
}

impl PartialEq for IoSource {
    fn eq(&self, other: &IoSource) -> bool {
        self.0.kind() == other.0.kind() && self.0.to_string() == other.0.to_string()
    }
}

impl Eq for IoSource {}

impl Error {
    /// The error for `error` while reading `path`, keeping it as the source.
    pub fn io(path: impl Into<String>, error: io::Error) -> Error {
        Error::io_during(IoOperation::Read, path, error)
    }

    /// The error for `error` while writing `path` (`standard output`), keeping it as
    /// the source.
    pub fn io_write(path: impl Into<String>, error: io::Error) -> Error {
        Error::io_during(IoOperation::Write, path, error)
    }

    fn io_during(operation: IoOperation, path: impl Into<String>, error: io::Error) -> Error {
        Error::Io { path: path.into(), operation, message: error.to_string(), source: IoSource(Arc::new(error)) }
    }
}

/// One problem in a catalogue file, located by line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueProblem {
    /// One-based line.
    pub line: usize,
    /// One-based column, in characters.
    pub column: usize,
    /// What is wrong, as a sentence.
    pub message: String,
}

impl CatalogueProblem {
    pub(crate) fn new(problem: &Problem, text: &str) -> CatalogueProblem {
        let (line, column) = problem.line_column(text);
        CatalogueProblem { line, column, message: problem.kind.to_string() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownVendor { given, suggestion, known } => {
                write!(f, "unknown vendor '{given}'")?;
                if let Some(suggestion) = suggestion {
                    write!(f, "; did you mean '{suggestion}'?")?;
                }
                write!(f, " (known vendors: {})", known.join(", "))
            }
            Error::UnknownCode { vendor, code, elsewhere } => {
                write!(f, "{vendor} has no code '{code}'")?;
                if !elsewhere.is_empty() {
                    write!(f, "; '{code}' is a code of {} (a different code there)", elsewhere.join(", "))?;
                }
                write!(f, "; `errmap codes {vendor}` lists its codes")
            }
            Error::MalformedReference { given } => {
                write!(f, "'{given}' is not a code reference; write VENDOR:CODE, e.g. wilddog:22011")
            }
            Error::InvalidCatalogue { origin, problems } => {
                write!(f, "{origin}: {} problem(s)", problems.len())?;
                for problem in problems {
                    write!(f, "\n{origin}:{}:{}: {}", problem.line, problem.column, problem.message)?;
                }
                Ok(())
            }
            Error::DuplicateCatalogue { name, builtin: true, overrides: false } => write!(
                f,
                "the catalogue name '{name}' is built in; choose another id, or add `overrides = true` to replace it"
            ),
            Error::DuplicateCatalogue { name, builtin: true, overrides: true } => write!(
                f,
                "the name '{name}' belongs to another built-in catalogue than the one this file overrides; choose another alias"
            ),
            Error::DuplicateCatalogue { name, builtin: false, .. } => {
                write!(f, "the catalogue name '{name}' is loaded twice")
            }
            Error::BodyTooLarge { size, limit } => write!(
                f,
                "the body has {size} bytes, over the limit of {limit}; raise Limits::max_body_bytes (--max-body-bytes) to accept it"
            ),
            Error::Io { path, operation: IoOperation::Read, message, .. } => write!(f, "cannot read {path}: {message}"),
            Error::Io { path, operation: IoOperation::Write, message, .. } => {
                write!(f, "cannot write {path}: {message}")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source.get()),
            _ => None,
        }
    }
}
