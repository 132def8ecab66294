//! The on-disk format of `mappings/` (TOML) and the checks every file must pass.
//!
//! This one module serves two masters: the build script compiles the built-in files
//! through it (a bad built-in file fails the build with file, line and column), and the
//! library loads users' catalogues through it at run time. Keeping both on the same
//! code means the built-in data passes exactly the checks a user's file does.
//!
//! Every checked value is a [`Spanned`] so a problem can point at line and column, and
//! every string is a [`Str`] borrowed from the file's text where it can be: a file is
//! parsed, checked and turned into its final form before its text goes away, so only
//! the strings that are kept get copied, once.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::fxhash::{FxHashMap, FxHashSet};
use std::fmt;
use std::ops::{Deref, Range};

use serde::Deserialize;
use serde::de::{Deserializer, Visitor};
use toml::Spanned;

/// A string value of a mapping file: borrowed from the file's text, or owned where TOML
/// had to unescape it.
///
/// `Cow<str>` itself always deserializes to an owned copy; this visits the borrowed
/// string the TOML deserializer offers.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Str<'a>(pub Cow<'a, str>);

impl<'a> Str<'a> {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, copied only if it is borrowed.
    pub fn into_owned(self) -> String {
        self.0.into_owned()
    }
}

impl Deref for Str<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Str<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Str<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

/// As the text itself: the build script writes strings into Rust source with `{:?}`.
impl fmt::Debug for Str<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Str<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Str<'a>, D::Error> {
        struct StrVisitor;

        impl<'de> Visitor<'de> for StrVisitor {
            type Value = Cow<'de, str>;

            // As `String` says it, so type errors read the same as before.
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E: serde::de::Error>(self, value: &'de str) -> Result<Cow<'de, str>, E> {
                Ok(Cow::Borrowed(value))
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Cow<'de, str>, E> {
                Ok(Cow::Owned(value.to_string()))
            }

            fn visit_string<E: serde::de::Error>(self, value: String) -> Result<Cow<'de, str>, E> {
                Ok(Cow::Owned(value))
            }
        }

        deserializer.deserialize_str(StrVisitor).map(Str)
    }
}

/// The kind categories, as spelled in `taxonomy.toml`, with their Rust variant names.
pub const CATEGORIES: &[(&str, &str)] = &[
    ("authentication", "Authentication"),
    ("account", "Account"),
    ("session", "Session"),
    ("verification", "Verification"),
    ("flow", "Flow"),
    ("authorization", "Authorization"),
    ("request", "Request"),
    ("not_found", "NotFound"),
    ("conflict", "Conflict"),
    ("rate_limit", "RateLimit"),
    ("billing", "Billing"),
    ("configuration", "Configuration"),
    ("upstream", "Upstream"),
    ("server", "Server"),
    ("unknown", "Unknown"),
];

/// Who can act on a kind, as spelled in `taxonomy.toml`, with the Rust variant names.
pub const ACTORS: &[(&str, &str)] = &[
    ("end_user", "EndUser"),
    ("integrator", "Integrator"),
    ("administrator", "Administrator"),
    ("operator", "Operator"),
];

/// How much a kind reveals, as spelled in `taxonomy.toml`, with the Rust variant names.
pub const EXPOSURES: &[(&str, &str)] =
    &[("public", "Public"), ("account_status", "AccountStatus"), ("enumeration", "Enumeration")];

/// How precisely a code means its kind, as spelled in catalogue files, with the Rust
/// variant names.
pub const MATCHES: &[(&str, &str)] = &[("exact", "Exact"), ("close", "Close"), ("narrower", "Narrower")];

/// `mappings/taxonomy.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaxonomySource<'a> {
    /// The kinds, in file order.
    #[serde(borrow, default)]
    pub kind: Vec<Spanned<KindSource<'a>>>,
}

/// One `[[kind]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindSource<'a> {
    #[serde(borrow)]
    pub id: Spanned<Str<'a>>,
    #[serde(borrow, default)]
    pub parent: Option<Spanned<Str<'a>>>,
    #[serde(borrow)]
    pub category: Spanned<Str<'a>>,
    pub http_status: Spanned<u16>,
    pub retryable: bool,
    #[serde(borrow)]
    pub actor: Spanned<Str<'a>>,
    #[serde(borrow, default)]
    pub exposure: Option<Spanned<Str<'a>>>,
    #[serde(borrow, default)]
    pub public: Option<Spanned<Str<'a>>>,
    #[serde(borrow)]
    pub description: Spanned<Str<'a>>,
}

/// One catalogue file, `mappings/<id>.toml` or a user's.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueSource<'a> {
    #[serde(borrow)]
    pub id: Spanned<Str<'a>>,
    #[serde(borrow)]
    pub name: Spanned<Str<'a>>,
    #[serde(borrow, default)]
    pub aliases: Vec<Spanned<Str<'a>>>,
    #[serde(borrow)]
    pub language: Spanned<Str<'a>>,
    #[serde(borrow, default)]
    pub fallback: Option<Spanned<Str<'a>>>,
    #[serde(default)]
    pub source: Option<String>,
    /// A user catalogue must say so to replace a built-in one of the same id.
    #[serde(default)]
    pub overrides: bool,
    /// A standard vocabulary many vendors answer with (OAuth 2.0): when a body in a
    /// shared shape carries one of its codes and nothing points at a vendor, the
    /// standard is the answer.
    #[serde(default)]
    pub standard: bool,
    /// The shapes of the vendor's error bodies, for detection and extraction.
    #[serde(borrow, default)]
    pub body: Vec<Spanned<BodySource<'a>>>,
    #[serde(borrow, default)]
    pub code: Vec<Spanned<CodeSource<'a>>>,
    /// Vendor settings that change which code a condition is reported with.
    #[serde(borrow, default)]
    pub setting: Vec<Spanned<SettingSource<'a>>>,
    /// What we state about one of these codes and a code of another catalogue, where
    /// the kinds alone would say something else.
    #[serde(borrow, default)]
    pub statement: Vec<Spanned<StatementSource<'a>>>,
}

/// One `[[statement]]` table: a curated code-to-code statement ("Keycloak
/// `client_not_found` is close to Authing 2011"), with its justification, that
/// overrides what the kind tree says about the pair.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementSource<'a> {
    /// A code of this catalogue.
    #[serde(borrow)]
    pub code: Spanned<Str<'a>>,
    /// How the object relates to the code: one of [`PREDICATES`].
    #[serde(borrow)]
    pub predicate: Spanned<Str<'a>>,
    /// The other code, as `catalogue:code` with the catalogue's id.
    #[serde(borrow)]
    pub object: Spanned<Str<'a>>,
    /// Why we say so, in SSSOM's vocabulary: one of [`JUSTIFICATIONS`].
    #[serde(borrow)]
    pub justification: Spanned<Str<'a>>,
    /// The reason, for people reading the crosswalk.
    #[serde(borrow)]
    pub reason: Spanned<Str<'a>>,
}

/// The predicates of a `[[statement]]`, as "code PREDICATE object" reads, and their
/// SKOS properties. `none` says the object is not an equivalent at all. `exact` is
/// not stated: it follows from two codes that mean one kind exactly.
pub const PREDICATES: &[(&str, &str)] = &[
    ("close", "skos:closeMatch"),
    ("broader", "skos:broadMatch"),
    ("narrower", "skos:narrowMatch"),
    ("related", "skos:relatedMatch"),
    ("none", "sssom:NoTermFound"),
];

/// The justifications of a `[[statement]]`: SSSOM's `mapping_justification` terms
/// (semapv), by the short names the file uses.
pub const JUSTIFICATIONS: &[(&str, &str)] = &[
    ("manual_curation", "semapv:ManualMappingCuration"),
    ("lexical_match", "semapv:LexicalMatching"),
    ("mapping_review", "semapv:MappingReview"),
];

/// One `[[setting]]` table: a vendor setting under which several codes are reported
/// as one (Firebase's email enumeration protection turns user-not-found and
/// wrong-password into `auth/invalid-credential`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingSource<'a> {
    /// The vendor's name for the setting.
    #[serde(borrow)]
    pub name: Spanned<Str<'a>>,
    /// The codes that stop appearing when the setting is on.
    #[serde(borrow, default)]
    pub merges: Vec<Spanned<Str<'a>>>,
    /// The code reported instead, if any (some settings answer with success instead).
    #[serde(borrow, default)]
    pub into: Option<Spanned<Str<'a>>>,
    /// What the setting does and when it is on, in our words.
    #[serde(borrow)]
    pub note: Spanned<Str<'a>>,
}

/// One `[[body]]` table: where a vendor's error body keeps its code and message, as
/// JSON Pointers (RFC 6901), and which fields must be present for the shape to apply.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodySource<'a> {
    /// A short description of the shape, quoted when it is chosen.
    #[serde(borrow)]
    pub name: Spanned<Str<'a>>,
    #[serde(borrow, default)]
    pub present: Vec<Spanned<Str<'a>>>,
    #[serde(borrow, default)]
    pub code: Option<Spanned<Str<'a>>>,
    #[serde(borrow, default)]
    pub message: Option<Spanned<Str<'a>>>,
    #[serde(borrow, default)]
    pub status: Option<Spanned<Str<'a>>>,
    /// A shape many services share (OAuth 2.0's `error`/`error_description`): it
    /// identifies no vendor by itself.
    #[serde(default)]
    pub generic: bool,
    /// The catalogue whose codes this shape carries, when it is another one (Okta's
    /// OAuth endpoints answer with the `oauth2` catalogue's codes).
    #[serde(borrow, default)]
    pub catalogue: Option<Spanned<Str<'a>>>,
    /// Keep only the text before this separator (Firebase `"CODE : detail"`).
    #[serde(borrow, default)]
    pub code_before: Option<Spanned<Str<'a>>>,
    /// Keep only the text after the last occurrence of this separator (Cognito
    /// `"aws.prefix#NotAuthorizedException"`).
    #[serde(borrow, default)]
    pub code_after: Option<Spanned<Str<'a>>>,
}

/// One `[[code]]` table. Required fields are optional here so that a file missing
/// several of them gets every problem reported at once, not only the first.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeSource<'a> {
    #[serde(borrow, default)]
    pub code: Option<Spanned<Str<'a>>>,
    #[serde(borrow, default)]
    pub symbol: Option<Spanned<Str<'a>>>,
    #[serde(borrow, default)]
    pub message: Option<Spanned<Str<'a>>>,
    #[serde(borrow, default)]
    pub language: Option<Spanned<Str<'a>>>,
    #[serde(default)]
    pub description: Option<Spanned<String>>,
    #[serde(default)]
    pub http_status: Option<Spanned<u16>>,
    #[serde(borrow, default)]
    pub params: Vec<Spanned<Str<'a>>>,
    #[serde(borrow, default)]
    pub kind: Option<Spanned<Str<'a>>>,
    #[serde(borrow, default, rename = "match")]
    pub kind_match: Option<Spanned<Str<'a>>>,
    #[serde(borrow, default)]
    pub reason: Option<Spanned<Str<'a>>>,
    /// `false` when the vendor documents no message for the code (the message then
    /// comes from our locale files).
    #[serde(default)]
    pub message_documented: Option<Spanned<bool>>,
    /// Another code of the same catalogue for the same condition, in another layer of
    /// the vendor's stack (Firebase's REST `EMAIL_NOT_FOUND` is the SDK's
    /// `auth/user-not-found`).
    #[serde(borrow, default)]
    pub same_as: Option<Spanned<Str<'a>>>,
    /// Conditions the vendor reports with this one code, told apart by another field.
    #[serde(borrow, default)]
    pub variant: Vec<Spanned<VariantSource<'a>>>,
    /// Texts the vendor's servers send with this code where they differ from the
    /// documented message (reworded, from another layer of the stack).
    #[serde(borrow, default)]
    pub seen: Vec<Spanned<SeenSource<'a>>>,
}

/// One `[[code.seen]]` table: a message the vendor really sends with the code, and
/// where it was found.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeenSource<'a> {
    /// The text, exactly as the vendor sends it.
    #[serde(borrow)]
    pub message: Spanned<Str<'a>>,
    /// Where it was found: repository, path and commit, or a page.
    #[serde(borrow)]
    pub source: Spanned<Str<'a>>,
}

/// One `[[code.variant]]` table: when the body's `field` equals (or contains) a value,
/// the code means a more precise kind (Keycloak `invalid_grant` with
/// `error_description` "Account disabled").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VariantSource<'a> {
    /// A JSON Pointer into the error body.
    #[serde(borrow)]
    pub field: Spanned<Str<'a>>,
    /// The field's exact value for this condition.
    #[serde(borrow, default)]
    pub equals: Option<Spanned<Str<'a>>>,
    /// Text the field contains for this condition, ignoring ASCII case.
    #[serde(borrow, default)]
    pub contains: Option<Spanned<Str<'a>>>,
    #[serde(borrow, default)]
    pub kind: Option<Spanned<Str<'a>>>,
    #[serde(borrow, default, rename = "match")]
    pub kind_match: Option<Spanned<Str<'a>>>,
    #[serde(borrow, default)]
    pub reason: Option<Spanned<Str<'a>>>,
}

/// What is wrong with a mapping file, without saying where (see [`Problem`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file is not valid TOML or does not have the expected shape.
    Malformed {
        detail: String,
    },
    /// A required field is absent.
    MissingField {
        field: &'static str,
    },
    /// A field is present but empty.
    EmptyField {
        field: &'static str,
    },
    /// An identifier is not lowercase letters, digits, `-` (catalogues) or `_` (kinds).
    BadId {
        given: String,
    },
    /// A language tag that is not a BCP 47 language identifier.
    BadLanguage {
        given: String,
    },
    /// A kind id that is not in the taxonomy.
    UnknownKind {
        given: String,
        suggestion: Option<String>,
    },
    /// A value outside a field's fixed set (`match`, `category`, …).
    BadValue {
        field: &'static str,
        given: String,
        allowed: Vec<&'static str>,
    },
    /// The same code twice in one catalogue.
    DuplicateCode {
        code: String,
    },
    /// The same symbol on two codes of one catalogue.
    DuplicateSymbol {
        symbol: String,
    },
    /// The same kind id twice in the taxonomy.
    DuplicateKind {
        id: String,
    },
    /// A `close` or `narrower` match without a `reason`.
    MissingReason {
        kind_match: String,
    },
    /// An HTTP status outside 100–599.
    BadStatus {
        given: u16,
    },
    /// `fallback` names a code the catalogue does not have.
    UnknownFallback {
        code: String,
    },
    /// The number of `params` differs from the `{N}` placeholders in the message.
    ParamCount {
        placeholders: usize,
        params: usize,
    },
    /// A parameter name that is not a lowercase identifier.
    BadParam {
        given: String,
    },
    /// Vendor text containing control characters.
    ControlCharacter {
        field: &'static str,
    },
    InvisibleCharacter {
        field: &'static str,
        character: char,
    },
    /// A JSON Pointer that does not start with `/`.
    BadPointer {
        given: String,
    },
    /// A body shape with neither a code nor a message pointer.
    EmptyBody,
    /// A kind whose parent chain loops back to itself.
    Cycle {
        id: String,
    },
    /// `exposure` hides the kind but `public` is missing, or `public` is set on a public
    /// kind, or names a kind that is itself hidden.
    BadPublic {
        id: String,
        detail: &'static str,
    },
    /// A setting names a code the catalogue does not have.
    UnknownCode {
        code: String,
    },
    /// A variant needs exactly one of `equals` and `contains`.
    BadVariant,
    /// `message_documented = false` beside a `message`.
    MessageContradiction,
    /// A statement's object that is not `catalogue:code`.
    BadObject {
        given: String,
    },
    /// Two statements about the same pair of codes.
    DuplicateStatement {
        object: String,
    },
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ProblemKind::*;
        match self {
            Malformed { detail } => write!(f, "malformed file: {detail}"),
            MissingField { field: "message" } => write!(
                f,
                "missing field `message` (the vendor's text); write `message_documented = false` if the vendor publishes none"
            ),
            MissingField { field } => write!(f, "missing field `{field}`"),
            EmptyField { field } => write!(f, "field `{field}` is empty"),
            BadId { given } => {
                write!(f, "invalid id '{given}': use lowercase letters, digits and '-' or '_', starting with a letter")
            }
            BadLanguage { given } => {
                write!(f, "invalid language '{given}': expected a tag such as 'en' or 'zh-CN'")
            }
            UnknownKind { given, suggestion: Some(s) } => {
                write!(f, "unknown kind '{given}'; did you mean '{s}'?")
            }
            UnknownKind { given, suggestion: None } => {
                write!(f, "unknown kind '{given}'; see mappings/taxonomy.toml or `errmap kinds` for the ids")
            }
            BadValue { field, given, allowed } => {
                write!(f, "invalid {field} '{given}': expected one of {}", allowed.join(", "))
            }
            DuplicateCode { code } => write!(f, "duplicate code '{code}'"),
            DuplicateSymbol { symbol } => write!(f, "duplicate symbol '{symbol}'"),
            DuplicateKind { id } => write!(f, "duplicate kind '{id}'"),
            MissingReason { kind_match } => {
                write!(f, "a '{kind_match}' match needs a `reason` saying how the code differs from its kind")
            }
            BadStatus { given } => {
                write!(f, "invalid HTTP status {given}: expected a number from 100 to 599")
            }
            UnknownFallback { code } => {
                write!(f, "fallback '{code}' is not a code of this catalogue")
            }
            ParamCount { placeholders, params } => {
                write!(f, "the message has {placeholders} placeholder(s) {{0}}, {{1}}, … but `params` names {params}")
            }
            BadParam { given } => write!(f, "invalid parameter name '{given}': use lowercase letters, digits and '_'"),
            ControlCharacter { field } => write!(
                f,
                "field `{field}` contains control characters (escape sequences, NUL, C1 controls, …); remove them"
            ),
            InvisibleCharacter { field, character } => write!(
                f,
                "field `{field}` contains the invisible character U+{:04X}, which can make it look like another; remove it",
                u32::from(*character)
            ),
            BadPointer { given } => {
                write!(f, "invalid JSON Pointer '{given}': it must start with '/', e.g. '/error/code'")
            }
            EmptyBody => write!(f, "a body shape needs a `code` or a `message` pointer"),
            Cycle { id } => write!(f, "kind '{id}' is its own ancestor"),
            BadPublic { id, detail } => write!(f, "kind '{id}': {detail}"),
            UnknownCode { code } => write!(f, "'{code}' is not a code of this catalogue"),
            BadVariant => write!(f, "a variant needs exactly one of `equals` and `contains`"),
            MessageContradiction => {
                write!(f, "`message_documented = false` contradicts the `message` given; keep one of them")
            }
            BadObject { given } => {
                write!(f, "invalid object '{given}': expected a catalogue id and a code, e.g. 'authing:2011'")
            }
            DuplicateStatement { object } => write!(f, "a second statement about this code and '{object}'"),
        }
    }
}

/// A problem in a mapping file: what is wrong, and the byte range it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Byte offsets into the file's text.
    pub span: Range<usize>,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    fn at<T>(value: &Spanned<T>, kind: ProblemKind) -> Problem {
        Problem { span: value.span(), kind }
    }

    /// One-based line and column of the start of the span in `text`.
    pub fn line_column(&self, text: &str) -> (usize, usize) {
        line_column(text, self.span.start)
    }
}

/// One-based line and column (in characters) of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Parses `text` as a taxonomy file.
pub fn parse_taxonomy(text: &str) -> Result<TaxonomySource<'_>, Problem> {
    toml::from_str(text).map_err(malformed)
}

/// Parses `text` as a catalogue file.
pub fn parse_catalogue(text: &str) -> Result<CatalogueSource<'_>, Problem> {
    toml::from_str(text).map_err(malformed)
}

fn malformed(error: toml::de::Error) -> Problem {
    Problem {
        span: error.span().unwrap_or(0..0),
        kind: ProblemKind::Malformed { detail: error.message().trim().to_string() },
    }
}

/// The closest of `candidates` to `given`, if any is close enough to be a likely typo.
pub fn closest<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let given = given.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&given, &c.to_ascii_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

fn is_id(s: &str, separator: char) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == separator)
}

/// Whether `tag` looks like a BCP 47 language identifier (`en`, `zh-CN`, `zh-Hant-TW`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or("");
    (2..=3).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Whether `text` has a control character (`char::is_control`: U+0000–U+001F and
/// U+007F–U+009F), by its UTF-8 bytes: the C1 controls are the two-byte sequences
/// `C2 80` to `C2 9F`. Checked for every code and message of a catalogue, and for
/// text printed to a terminal.
pub fn has_control(text: &str) -> bool {
    let bytes = text.as_bytes();
    // A quick pass for bytes that start one (or `C2`, which starts Latin-1 letters too),
    // then the exact test only where one was seen.
    if !bytes.iter().fold(false, |seen, &b| seen | (b < 0x20) | (b == 0x7f) | (b == 0xc2)) {
        return false;
    }
    bytes.iter().enumerate().any(|(i, &b)| {
        b < 0x20 || b == 0x7f || (b == 0xc2 && bytes.get(i + 1).is_some_and(|next| (0x80..=0x9f).contains(next)))
    })
}

/// Whether `c` is invisible but changes how text around it reads: the bidirectional
/// controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), the zero-width
/// characters (U+180E, U+200B–U+200D, U+2060–U+2064, U+FEFF), the interlinear
/// annotation controls (U+FFF9–U+FFFB) and the tag characters (U+E0000–U+E007F).
/// With them a code or message can be made to look like another (Trojan Source).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{e0000}'..='\u{e007f}'
    )
}

/// Whether `text` has a character [`is_invisible`] finds. Only text with a byte that
/// starts one (`D8`, `E1`, `E2`, `EF`, `F3`) is looked at character by character.
pub fn has_invisible(text: &str) -> bool {
    text.as_bytes().iter().any(|b| matches!(b, 0xd8 | 0xe1 | 0xe2 | 0xef | 0xf3)) && text.chars().any(is_invisible)
}

/// Whether `text` has a control character other than a line break or a tab, which
/// prose (a description, a note, a reason) may hold.
pub fn has_control_in_prose(text: &str) -> bool {
    has_control(text) && text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// Reports control characters in a field a person reads: line breaks and tabs are
/// allowed in prose, nothing in one-line fields.
fn clean_text(value: &Spanned<Str<'_>>, field: &'static str, prose: bool, problems: &mut Vec<Problem>) {
    let text = value.get_ref().as_str();
    if if prose { has_control_in_prose(text) } else { has_control(text) } {
        problems.push(Problem::at(value, ProblemKind::ControlCharacter { field }));
    }
}

/// Reports what may not be in a code or a symbol, which people compare by eye: control
/// characters, and invisible ones ([`is_invisible`]) with which `admin` and
/// `ad\u{202e}nimda` look alike.
fn clean_identifier(value: &Spanned<Str<'_>>, field: &'static str, problems: &mut Vec<Problem>) {
    let text = value.get_ref().as_str();
    if has_control(text) {
        problems.push(Problem::at(value, ProblemKind::ControlCharacter { field }));
    }
    if let Some(character) = has_invisible(text).then(|| text.chars().find(|&c| is_invisible(c))).flatten() {
        problems.push(Problem::at(value, ProblemKind::InvisibleCharacter { field, character }));
    }
}

fn one_of(
    value: &Spanned<Str<'_>>,
    field: &'static str,
    allowed: &[(&'static str, &'static str)],
    problems: &mut Vec<Problem>,
) {
    if !allowed.iter().any(|(name, _)| *name == value.get_ref().as_str()) {
        problems.push(Problem::at(
            value,
            ProblemKind::BadValue {
                field,
                given: value.get_ref().to_string(),
                allowed: allowed.iter().map(|(name, _)| *name).collect(),
            },
        ));
    }
}

fn status(value: &Spanned<u16>, problems: &mut Vec<Problem>) {
    if !(100..=599).contains(value.get_ref()) {
        problems.push(Problem::at(value, ProblemKind::BadStatus { given: *value.get_ref() }));
    }
}

/// A statement's object split into catalogue id and code at the first `:` (codes may
/// hold colons themselves), or `None` when either side is empty.
pub fn split_object(object: &str) -> Option<(&str, &str)> {
    let (catalogue, code) = object.split_once(':')?;
    (!catalogue.is_empty() && !code.is_empty()).then_some((catalogue, code))
}

/// The number of distinct `{N}` placeholders in a vendor message.
pub fn placeholder_count(message: &str) -> usize {
    crate::template::Template::parse(message).declared_params()
}

/// Checks a taxonomy: ids, fixed values, parents, cycles and public kinds.
pub fn check_taxonomy(taxonomy: &TaxonomySource) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, kind) in taxonomy.kind.iter().enumerate() {
        let kind = kind.get_ref();
        let id = kind.id.get_ref();
        if !is_id(id, '_') {
            problems.push(Problem::at(&kind.id, ProblemKind::BadId { given: id.to_string() }));
        }
        if index.insert(id, i).is_some() {
            problems.push(Problem::at(&kind.id, ProblemKind::DuplicateKind { id: id.to_string() }));
        }
        one_of(&kind.category, "category", CATEGORIES, &mut problems);
        one_of(&kind.actor, "actor", ACTORS, &mut problems);
        if let Some(exposure) = &kind.exposure {
            one_of(exposure, "exposure", EXPOSURES, &mut problems);
        }
        status(&kind.http_status, &mut problems);
        if kind.description.get_ref().trim().is_empty() {
            problems.push(Problem::at(&kind.description, ProblemKind::EmptyField { field: "description" }));
        }
    }
    let ids = || taxonomy.kind.iter().map(|k| k.get_ref().id.get_ref().as_str());
    let unknown = |value: &Spanned<Str<'_>>| {
        Problem::at(
            value,
            ProblemKind::UnknownKind {
                given: value.get_ref().to_string(),
                suggestion: closest(value.get_ref(), ids()).map(str::to_string),
            },
        )
    };
    for kind in &taxonomy.kind {
        let kind = kind.get_ref();
        let id = kind.id.get_ref();
        if let Some(parent) = &kind.parent {
            if !index.contains_key(parent.get_ref().as_str()) {
                problems.push(unknown(parent));
            }
        }
        let mut seen = 0;
        let mut at = kind.parent.as_ref().map(|p| p.get_ref().as_str());
        while let Some(current) = at {
            seen += 1;
            if current == id.as_str() || seen > taxonomy.kind.len() {
                problems.push(Problem::at(&kind.id, ProblemKind::Cycle { id: id.to_string() }));
                break;
            }
            at = index
                .get(current)
                .and_then(|&i| taxonomy.kind[i].get_ref().parent.as_ref())
                .map(|p| p.get_ref().as_str());
        }
        let hidden = kind.exposure.as_ref().is_some_and(|e| e.get_ref() != "public");
        match (&kind.public, hidden) {
            (None, true) => problems.push(Problem::at(
                &kind.id,
                ProblemKind::BadPublic {
                    id: id.to_string(),
                    detail: "a hidden exposure needs `public`, the kind shown instead",
                },
            )),
            (Some(public), false) => problems.push(Problem::at(
                public,
                ProblemKind::BadPublic { id: id.to_string(), detail: "`public` is only for hidden kinds" },
            )),
            (Some(public), true) => match index.get(public.get_ref().as_str()) {
                None => problems.push(unknown(public)),
                Some(&i) => {
                    let target = taxonomy.kind[i].get_ref();
                    if target.exposure.as_ref().is_some_and(|e| e.get_ref() != "public") {
                        problems.push(Problem::at(
                            public,
                            ProblemKind::BadPublic {
                                id: id.to_string(),
                                detail: "`public` must name a kind that is itself public",
                            },
                        ));
                    }
                }
            },
            (None, false) => {}
        }
    }
    problems
}

fn pointer(value: &Spanned<Str<'_>>, problems: &mut Vec<Problem>) {
    if !value.get_ref().starts_with('/') {
        problems.push(Problem::at(value, ProblemKind::BadPointer { given: value.get_ref().to_string() }));
    }
}

/// Checks a `kind`, `match` and `reason` triple, of a code or of one of its variants.
fn check_mapping(
    span: Range<usize>,
    kind: &Option<Spanned<Str<'_>>>,
    kind_match: &Option<Spanned<Str<'_>>>,
    reason: &Option<Spanned<Str<'_>>>,
    kind_ids: &[&str],
    known: &FxHashSet<&str>,
    problems: &mut Vec<Problem>,
) {
    let missing = |field| Problem { span: span.clone(), kind: ProblemKind::MissingField { field } };
    if let Some(reason) = reason {
        clean_text(reason, "reason", true, problems);
    }
    match kind {
        None => problems.push(missing("kind")),
        Some(kind) if !known.contains(kind.get_ref().as_str()) => problems.push(Problem::at(
            kind,
            ProblemKind::UnknownKind {
                given: kind.get_ref().to_string(),
                suggestion: closest(kind.get_ref(), kind_ids.iter().copied()).map(str::to_string),
            },
        )),
        Some(_) => {}
    }
    match kind_match {
        None => problems.push(missing("match")),
        Some(value) => {
            one_of(value, "match", MATCHES, problems);
            let has_reason = reason.as_ref().is_some_and(|r| !r.get_ref().trim().is_empty());
            let known = MATCHES.iter().any(|(name, _)| *name == value.get_ref().as_str());
            if known && value.get_ref() != "exact" && !has_reason {
                problems
                    .push(Problem::at(value, ProblemKind::MissingReason { kind_match: value.get_ref().to_string() }));
            }
        }
    }
}

/// Checks a catalogue against the kind ids of the taxonomy.
pub fn check_catalogue(catalogue: &CatalogueSource, kind_ids: &[&str]) -> Vec<Problem> {
    let mut problems = Vec::new();
    // Looked up for every code: a set, not a scan of the taxonomy.
    let known: FxHashSet<&str> = kind_ids.iter().copied().collect();
    if !is_id(catalogue.id.get_ref(), '-') {
        problems.push(Problem::at(&catalogue.id, ProblemKind::BadId { given: catalogue.id.get_ref().to_string() }));
    }
    for alias in &catalogue.aliases {
        if !is_id(alias.get_ref(), '-') {
            problems.push(Problem::at(alias, ProblemKind::BadId { given: alias.get_ref().to_string() }));
        }
    }
    if catalogue.name.get_ref().trim().is_empty() {
        problems.push(Problem::at(&catalogue.name, ProblemKind::EmptyField { field: "name" }));
    }
    clean_text(&catalogue.name, "name", false, &mut problems);
    let language = |value: &Spanned<Str<'_>>, problems: &mut Vec<Problem>| {
        if !is_language_tag(value.get_ref()) {
            problems.push(Problem::at(value, ProblemKind::BadLanguage { given: value.get_ref().to_string() }));
        }
    };
    language(&catalogue.language, &mut problems);
    // Sized for every code at once: growing them rehashed each key several times.
    let mut codes: FxHashMap<&str, ()> = FxHashMap::with_capacity_and_hasher(catalogue.code.len(), Default::default());
    let mut symbols: FxHashMap<&str, ()> =
        FxHashMap::with_capacity_and_hasher(catalogue.code.len(), Default::default());
    for entry in &catalogue.code {
        let code = entry.get_ref();
        let missing = |field| Problem { span: entry.span(), kind: ProblemKind::MissingField { field } };
        match &code.code {
            None => problems.push(missing("code")),
            Some(value) if value.get_ref().trim().is_empty() => {
                problems.push(Problem::at(value, ProblemKind::EmptyField { field: "code" }));
            }
            Some(value) => {
                clean_identifier(value, "code", &mut problems);
                if codes.insert(value.get_ref(), ()).is_some() {
                    problems.push(Problem::at(value, ProblemKind::DuplicateCode { code: value.get_ref().to_string() }));
                }
            }
        }
        if let Some(description) = &code.description {
            if has_control_in_prose(description.get_ref()) {
                problems.push(Problem::at(description, ProblemKind::ControlCharacter { field: "description" }));
            }
        }
        if let Some(symbol) = &code.symbol {
            clean_identifier(symbol, "symbol", &mut problems);
            if symbols.insert(symbol.get_ref(), ()).is_some() {
                problems
                    .push(Problem::at(symbol, ProblemKind::DuplicateSymbol { symbol: symbol.get_ref().to_string() }));
            }
        }
        let documented = code.message_documented.as_ref().is_none_or(|d| *d.get_ref());
        match &code.message {
            None if !documented => {}
            None => problems.push(missing("message")),
            Some(message) if !documented => {
                problems.push(Problem::at(message, ProblemKind::MessageContradiction));
            }
            Some(message) if message.get_ref().trim().is_empty() => {
                problems.push(Problem::at(message, ProblemKind::EmptyField { field: "message" }));
            }
            Some(message) => {
                if has_control(message.get_ref()) {
                    problems.push(Problem::at(message, ProblemKind::ControlCharacter { field: "message" }));
                }
                let placeholders = placeholder_count(message.get_ref());
                if placeholders != code.params.len() {
                    let span = code.params.first().map_or(message.span(), Spanned::span);
                    problems.push(Problem {
                        span,
                        kind: ProblemKind::ParamCount { placeholders, params: code.params.len() },
                    });
                }
            }
        }
        for param in &code.params {
            if !is_id(param.get_ref(), '_') {
                problems.push(Problem::at(param, ProblemKind::BadParam { given: param.get_ref().to_string() }));
            }
        }
        if let Some(value) = &code.language {
            language(value, &mut problems);
        }
        if let Some(value) = &code.http_status {
            status(value, &mut problems);
        }
        check_mapping(entry.span(), &code.kind, &code.kind_match, &code.reason, kind_ids, &known, &mut problems);
        for variant in &code.variant {
            let v = variant.get_ref();
            pointer(&v.field, &mut problems);
            if v.equals.is_some() == v.contains.is_some() {
                problems.push(Problem { span: variant.span(), kind: ProblemKind::BadVariant });
            }
            for value in v.equals.iter().chain(&v.contains) {
                if value.get_ref().is_empty() {
                    problems.push(Problem::at(value, ProblemKind::EmptyField { field: "equals/contains" }));
                }
                clean_text(value, "equals/contains", false, &mut problems);
            }
            check_mapping(variant.span(), &v.kind, &v.kind_match, &v.reason, kind_ids, &known, &mut problems);
        }
        for seen in &code.seen {
            let seen = seen.get_ref();
            for (value, field) in [(&seen.message, "seen.message"), (&seen.source, "seen.source")] {
                if value.get_ref().trim().is_empty() {
                    problems.push(Problem::at(value, ProblemKind::EmptyField { field }));
                }
                clean_text(value, field, false, &mut problems);
            }
        }
    }
    for body in &catalogue.body {
        let shape = body.get_ref();
        if shape.code.is_none() && shape.message.is_none() {
            problems.push(Problem { span: body.span(), kind: ProblemKind::EmptyBody });
        }
        clean_text(&shape.name, "name", false, &mut problems);
        let pointers = shape.present.iter().chain(&shape.code).chain(&shape.message).chain(&shape.status);
        for value in pointers {
            pointer(value, &mut problems);
        }
        for separator in shape.code_before.iter().chain(&shape.code_after) {
            if separator.get_ref().is_empty() {
                problems.push(Problem::at(separator, ProblemKind::EmptyField { field: "code_before/code_after" }));
            }
        }
        if let Some(other) = &shape.catalogue {
            if !is_id(other.get_ref(), '-') {
                problems.push(Problem::at(other, ProblemKind::BadId { given: other.get_ref().to_string() }));
            }
        }
    }
    for entry in &catalogue.code {
        if let Some(other) = &entry.get_ref().same_as {
            if !codes.contains_key(other.get_ref().as_str()) {
                problems.push(Problem::at(other, ProblemKind::UnknownCode { code: other.get_ref().to_string() }));
            }
        }
    }
    for setting in &catalogue.setting {
        let setting = setting.get_ref();
        for code in setting.merges.iter().chain(&setting.into) {
            if !codes.contains_key(code.get_ref().as_str()) {
                problems.push(Problem::at(code, ProblemKind::UnknownCode { code: code.get_ref().to_string() }));
            }
        }
        if setting.name.get_ref().trim().is_empty() {
            problems.push(Problem::at(&setting.name, ProblemKind::EmptyField { field: "name" }));
        }
        clean_text(&setting.name, "name", false, &mut problems);
        if setting.note.get_ref().trim().is_empty() {
            problems.push(Problem::at(&setting.note, ProblemKind::EmptyField { field: "note" }));
        }
        clean_text(&setting.note, "note", true, &mut problems);
    }
    let mut stated: FxHashMap<(&str, &str), ()> = FxHashMap::default();
    for statement in &catalogue.statement {
        let statement = statement.get_ref();
        if !codes.contains_key(statement.code.get_ref().as_str()) {
            let code = statement.code.get_ref().to_string();
            problems.push(Problem::at(&statement.code, ProblemKind::UnknownCode { code }));
        }
        one_of(&statement.predicate, "predicate", PREDICATES, &mut problems);
        one_of(&statement.justification, "justification", JUSTIFICATIONS, &mut problems);
        match split_object(statement.object.get_ref()) {
            Some((other, _)) if is_id(other, '-') => {
                if stated.insert((statement.code.get_ref().as_str(), statement.object.get_ref().as_str()), ()).is_some()
                {
                    let object = statement.object.get_ref().to_string();
                    problems.push(Problem::at(&statement.object, ProblemKind::DuplicateStatement { object }));
                }
            }
            _ => {
                let given = statement.object.get_ref().to_string();
                problems.push(Problem::at(&statement.object, ProblemKind::BadObject { given }));
            }
        }
        if statement.reason.get_ref().trim().is_empty() {
            problems.push(Problem::at(&statement.reason, ProblemKind::EmptyField { field: "reason" }));
        }
        clean_text(&statement.reason, "reason", true, &mut problems);
    }
    if let Some(fallback) = &catalogue.fallback {
        if !codes.contains_key(fallback.get_ref().as_str()) {
            problems.push(Problem::at(fallback, ProblemKind::UnknownFallback { code: fallback.get_ref().to_string() }));
        }
    }
    problems.sort_by_key(|p| p.span.start);
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    const CATALOGUE: &str = "id = \"in-house\"\nname = \"Our \\\"gateway\\\"\"\nlanguage = \"en\"\n";

    #[test]
    fn control_characters_are_found_by_their_bytes() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            assert_eq!(has_control(&text), c.is_control(), "{c:?}");
        }
    }

    #[test]
    fn invisible_characters_are_found_by_their_bytes() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(has_invisible(&format!("a{c}b")), is_invisible(c), "{c:?}");
        }
    }

    #[test]
    fn strings_are_borrowed_unless_unescaped() {
        let catalogue = parse_catalogue(CATALOGUE).unwrap();
        assert!(matches!(catalogue.id.get_ref().0, Cow::Borrowed("in-house")));
        assert!(matches!(&catalogue.name.get_ref().0, Cow::Owned(name) if name == "Our \"gateway\""));
        let (line, column) = Problem::at(&catalogue.name, ProblemKind::BadVariant).line_column(CATALOGUE);
        assert_eq!((line, column), (2, 8));
    }

    #[test]
    fn a_value_of_another_type_is_malformed_as_for_a_string() {
        let problem = parse_catalogue("id = 5\nname = \"Ours\"\nlanguage = \"en\"\n").unwrap_err();
        assert_eq!(problem.line_column("id = 5"), (1, 6));
        match problem.kind {
            ProblemKind::Malformed { detail } => assert_eq!(detail, "invalid type: integer `5`, expected a string"),
            other => panic!("unexpected {other:?}"),
        }
    }
}
