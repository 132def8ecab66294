//! The entries of a catalogue: a code with its kind, the conditions one code stands
//! for, the vendor settings that change codes, and the body shapes that carry them.

use std::borrow::Cow;

use serde::{Serialize, Serializer};

use crate::pool::{CatalogueText as Text, Items};
use crate::taxonomy::Kind;

/// How precisely a code means the kind it maps to.
#[derive(Debug, Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KindMatch {
    /// The code means the kind exactly.
    Exact,
    /// The code means nearly the kind: a little broader, or with a caveat in its reason.
    Close,
    /// The code is one specific case of the kind, such as "description over 140
    /// characters" under `invalid_parameter`.
    Narrower,
}

impl KindMatch {
    /// The name used in data files and JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            KindMatch::Exact => "exact",
            KindMatch::Close => "close",
            KindMatch::Narrower => "narrower",
        }
    }

    pub(crate) fn parse(name: &str) -> Option<KindMatch> {
        match name {
            "exact" => Some(KindMatch::Exact),
            "close" => Some(KindMatch::Close),
            "narrower" => Some(KindMatch::Narrower),
            _ => None,
        }
    }
}

impl Serialize for KindMatch {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One vendor error code and its mapping.
#[derive(Debug, Clone)]
pub struct Code {
    pub(crate) code: Text,
    pub(crate) symbol: Option<Text>,
    pub(crate) message: Option<Text>,
    pub(crate) language: Text,
    pub(crate) description: Option<Text>,
    pub(crate) http_status: Option<u16>,
    pub(crate) params: Items<Text>,
    pub(crate) kind: Kind,
    pub(crate) kind_match: KindMatch,
    pub(crate) reason: Option<Text>,
    pub(crate) variants: Items<Variant>,
    pub(crate) same_as: Option<Text>,
    /// Texts the vendor's servers send with the code besides the documented message.
    pub(crate) seen: Items<Text>,
}

impl Code {
    /// The code exactly as the vendor writes it, e.g. `"22011"` or `"LOGIN.0002"`.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The vendor's symbolic name, where it has one (Wilddog `invalid_user`).
    pub fn symbol(&self) -> Option<&str> {
        self.symbol.as_deref()
    }

    /// The vendor's message, exactly as documented, in [`Code::language`]; `None` where
    /// the vendor documents none (Cognito's exceptions carry per-call text).
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The language tag of the vendor's message, e.g. `"zh-CN"`.
    pub fn language(&self) -> &str {
        &self.language
    }

    /// The vendor's longer description, where it differs from the message.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// The HTTP status the vendor documents for this code, if any.
    pub fn http_status(&self) -> Option<u16> {
        self.http_status
    }

    /// Names of the values in the message's `{0}`, `{1}`, … placeholders, in order.
    pub fn params(&self) -> impl ExactSizeIterator<Item = &str> {
        self.params.iter().map(|p| p.as_ref())
    }

    /// The canonical kind the code maps to.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// How precisely the code means its kind.
    pub fn kind_match(&self) -> KindMatch {
        self.kind_match
    }

    /// Why the code maps as it does, where that is not obvious.
    pub fn reason(&self) -> Option<&str> {
        self.reason.as_deref()
    }

    /// Another code of the catalogue for the same condition, in another layer of the
    /// vendor's stack (Firebase REST `EMAIL_NOT_FOUND` and SDK `auth/user-not-found`).
    pub fn same_as(&self) -> Option<&str> {
        self.same_as.as_deref()
    }

    /// Messages the vendor's servers really send with this code where they differ
    /// from the documented one (Keycloak's "Session not active" beside
    /// `invalid_grant`); message matching finds the code by them too.
    pub fn seen_messages(&self) -> impl ExactSizeIterator<Item = &str> {
        self.seen.iter().map(|t| t.as_str())
    }

    /// The conditions this one code stands for, told apart by another field of the
    /// body (Keycloak `invalid_grant` and its `error_description`).
    pub fn variants(&self) -> &[Variant] {
        &self.variants
    }
}

/// How a [`Variant`] recognizes its condition in the body's field.
#[derive(Debug, Clone)]
pub enum VariantTest {
    /// The field's value is exactly this text.
    Equals(Text),
    /// The field's value contains this text, ignoring ASCII case.
    Contains(Text),
}

impl VariantTest {
    /// Whether `value` passes the test.
    pub fn matches(&self, value: &str) -> bool {
        match self {
            VariantTest::Equals(expected) => value == expected.as_ref(),
            VariantTest::Contains(needle) => crate::text::find_ignore_ascii_case(value, needle).is_some(),
        }
    }

    /// The text tested for.
    pub fn text(&self) -> &str {
        match self {
            VariantTest::Equals(t) | VariantTest::Contains(t) => t,
        }
    }
}

/// One of several conditions a vendor reports with the same code, with the kind it
/// really means.
#[derive(Debug, Clone)]
pub struct Variant {
    pub(crate) field: Text,
    pub(crate) test: VariantTest,
    pub(crate) kind: Kind,
    pub(crate) kind_match: KindMatch,
    pub(crate) reason: Option<Text>,
}

impl Variant {
    /// The JSON Pointer of the field that tells the conditions apart.
    pub fn field(&self) -> &str {
        &self.field
    }

    /// What the field holds for this condition.
    pub fn test(&self) -> &VariantTest {
        &self.test
    }

    /// The kind of this condition.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// How precisely the condition means its kind.
    pub fn kind_match(&self) -> KindMatch {
        self.kind_match
    }

    /// Why it maps so, where that is not obvious.
    pub fn reason(&self) -> Option<&str> {
        self.reason.as_deref()
    }
}

/// A vendor setting under which several conditions are reported with one code, so
/// the precise code depends on how the vendor's project is configured.
#[derive(Debug, Clone)]
pub struct Setting {
    pub(crate) name: Text,
    pub(crate) merges: Cow<'static, [Text]>,
    pub(crate) into: Option<Text>,
    pub(crate) note: Text,
}

impl Setting {
    /// The vendor's name for the setting.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The codes that stop appearing when the setting is on.
    pub fn merges(&self) -> impl ExactSizeIterator<Item = &str> {
        self.merges.iter().map(|c| c.as_ref())
    }

    /// The code reported instead, if any.
    pub fn into_code(&self) -> Option<&str> {
        self.into.as_deref()
    }

    /// What the setting does, in our words.
    pub fn note(&self) -> &str {
        &self.note
    }

    /// Whether `code` is one the setting merges or the one it reports instead.
    pub fn concerns(&self, code: &str) -> bool {
        self.into.as_deref() == Some(code) || self.merges.iter().any(|c| c == code)
    }
}

/// Where a vendor's error body keeps its code and message: JSON Pointers (RFC 6901)
/// into the body, and the fields that must be present for the shape to apply.
#[derive(Debug, Clone)]
pub struct BodyShape {
    pub(crate) name: Text,
    pub(crate) present: Cow<'static, [Text]>,
    pub(crate) code: Option<Text>,
    pub(crate) message: Option<Text>,
    pub(crate) status: Option<Text>,
    pub(crate) generic: bool,
    pub(crate) catalogue: Option<Text>,
    pub(crate) code_before: Option<Text>,
    pub(crate) code_after: Option<Text>,
}

impl BodyShape {
    /// A short description of the shape, e.g. "Authing API v3 error".
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Pointers that must all exist in a body of this shape.
    pub fn present(&self) -> impl ExactSizeIterator<Item = &str> {
        self.present.iter().map(|p| p.as_ref())
    }

    /// The pointer to the vendor code.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The pointer to the vendor message.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The pointer to an HTTP status repeated inside the body, if the vendor does so.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// Whether many services share this shape (OAuth 2.0's `error`), so that it
    /// identifies no vendor by itself.
    pub fn is_generic(&self) -> bool {
        self.generic
    }

    /// The catalogue whose codes the shape carries, when it is not its own.
    pub fn codes_from(&self) -> Option<&str> {
        self.catalogue.as_deref()
    }

    /// The code as written in the body, cut at the shape's separators:
    /// `"EMAIL_NOT_FOUND : detail"` → `"EMAIL_NOT_FOUND"`.
    pub fn extract_code<'a>(&self, raw: &'a str) -> &'a str {
        crate::text::cut_code(raw, self.code_after.as_deref(), self.code_before.as_deref())
    }

    /// How strongly the shape alone points at its vendor: the number of fields it
    /// requires, or 0 for a generic shape.
    pub fn specificity(&self) -> usize {
        if self.generic { 0 } else { self.present.len() }
    }
}

/// What a curated statement says of its object, as "code PREDICATE object" reads.
#[derive(Debug, Copy, Clone, PartialEq, Eq, Hash)]
pub enum Predicate {
    /// Nearly the same condition.
    Close,
    /// The object covers the code's condition and more.
    Broader,
    /// The object is one specific case of the code's condition.
    Narrower,
    /// A neighbouring condition.
    Related,
    /// Not an equivalent, whatever the kinds say.
    NoMatch,
}

impl Predicate {
    /// The name used in data files: `close`, `broader`, `narrower`, `related`, `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            Predicate::Close => "close",
            Predicate::Broader => "broader",
            Predicate::Narrower => "narrower",
            Predicate::Related => "related",
            Predicate::NoMatch => "none",
        }
    }

    pub(crate) fn parse(name: &str) -> Option<Predicate> {
        Some(match name {
            "close" => Predicate::Close,
            "broader" => Predicate::Broader,
            "narrower" => Predicate::Narrower,
            "related" => Predicate::Related,
            "none" => Predicate::NoMatch,
            _ => return None,
        })
    }

    /// The statement read from the object's side: broader and narrower swap.
    pub fn inverse(self) -> Predicate {
        match self {
            Predicate::Broader => Predicate::Narrower,
            Predicate::Narrower => Predicate::Broader,
            other => other,
        }
    }
}

/// Why a statement is made, in SSSOM's `mapping_justification` vocabulary.
#[derive(Debug, Copy, Clone, PartialEq, Eq, Hash)]
pub enum Justification {
    /// `semapv:ManualMappingCuration`: a person read both vendors' documentation.
    ManualCuration,
    /// `semapv:LexicalMatching`: the two codes' texts say the same.
    LexicalMatch,
    /// `semapv:MappingReview`: a reviewer corrected what the kinds derived.
    MappingReview,
}

impl Justification {
    /// The name used in data files.
    pub fn as_str(self) -> &'static str {
        match self {
            Justification::ManualCuration => "manual_curation",
            Justification::LexicalMatch => "lexical_match",
            Justification::MappingReview => "mapping_review",
        }
    }

    /// The SSSOM term, e.g. `semapv:ManualMappingCuration`.
    pub fn sssom(self) -> &'static str {
        match self {
            Justification::ManualCuration => "semapv:ManualMappingCuration",
            Justification::LexicalMatch => "semapv:LexicalMatching",
            Justification::MappingReview => "semapv:MappingReview",
        }
    }

    pub(crate) fn parse(name: &str) -> Option<Justification> {
        Some(match name {
            "manual_curation" => Justification::ManualCuration,
            "lexical_match" => Justification::LexicalMatch,
            "mapping_review" => Justification::MappingReview,
            _ => return None,
        })
    }
}

/// A curated statement about one code of a catalogue and a code of another one: it
/// overrides what the kind tree says about that pair, in both directions.
#[derive(Debug, Clone)]
pub struct Statement {
    pub(crate) code: Text,
    pub(crate) predicate: Predicate,
    pub(crate) object_catalogue: Text,
    pub(crate) object_code: Text,
    pub(crate) justification: Justification,
    pub(crate) reason: Text,
}

impl Statement {
    /// The code of this catalogue the statement is about.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// How the object relates to the code.
    pub fn predicate(&self) -> Predicate {
        self.predicate
    }

    /// The object's catalogue id.
    pub fn object_catalogue(&self) -> &str {
        &self.object_catalogue
    }

    /// The object's code.
    pub fn object_code(&self) -> &str {
        &self.object_code
    }

    /// Why the statement is made.
    pub fn justification(&self) -> Justification {
        self.justification
    }

    /// The reason, in our words.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}
