//! The JSON wire format of `--format json`: serialization-only types, one per command.
//!
//! This is a stable interface for programs; the README documents it and
//! `tests/cli.rs` pins it. Add fields freely; never rename or remove one.
//!
//! Common fields: `vendor` is a catalogue id; `code` is the vendor's code as a string;
//! `kind` a kind id; `match` how precisely a code means its kind (`exact`, `close`,
//! `narrower`); `relation` how a target relates to the source (`exact`, `close`,
//! `broader`, `narrower`, `related`); `vendor_message` the vendor's text as documented;
//! `message` the code's message in `locale`; `locale` the locale actually used.

use std::collections::BTreeMap;

use errmap::{
    Actor, Category, CodeRef, Kind, KindMatch, Locale, LocalizedText, Relation, Setting, Variant, VariantTest,
};
use serde::Serialize;

/// A code as it appears in every output.
#[derive(Serialize)]
pub struct CodeJson<'a> {
    pub vendor: &'a str,
    pub code: &'a str,
    pub symbol: Option<&'a str>,
    pub kind: Kind,
    #[serde(rename = "match")]
    pub kind_match: KindMatch,
    pub vendor_message: Option<&'a str>,
    pub message: String,
    pub reason: Option<&'a str>,
}

impl<'a> CodeJson<'a> {
    pub fn new(code: CodeRef<'a>, message: LocalizedText) -> CodeJson<'a> {
        CodeJson {
            vendor: code.catalogue().id(),
            code: code.entry().code(),
            symbol: code.entry().symbol(),
            kind: code.kind(),
            kind_match: code.kind_match(),
            vendor_message: code.entry().message(),
            message: message.text,
            reason: code.entry().reason(),
        }
    }
}

/// `errmap translate`.
#[derive(Serialize)]
pub struct TranslateJson<'a> {
    pub locale: Locale,
    pub source: CodeJson<'a>,
    pub targets: Vec<TargetJson<'a>>,
    /// The conditions the source code stands for, each translated on its own; empty
    /// for most codes.
    pub variants: Vec<VariantTranslationJson<'a>>,
}

/// A condition of a code, told apart by a secondary field of the body.
#[derive(Serialize)]
pub struct VariantJson<'a> {
    /// A JSON Pointer into the body.
    pub field: &'a str,
    /// `equals` or `contains`.
    pub test: &'static str,
    pub value: &'a str,
    pub kind: Kind,
    #[serde(rename = "match")]
    pub kind_match: KindMatch,
    pub reason: Option<&'a str>,
}

impl<'a> VariantJson<'a> {
    pub fn new(variant: &'a Variant) -> VariantJson<'a> {
        let test = match variant.test() {
            VariantTest::Equals(_) => "equals",
            VariantTest::Contains(_) => "contains",
        };
        VariantJson {
            field: variant.field(),
            test,
            value: variant.test().text(),
            kind: variant.kind(),
            kind_match: variant.kind_match(),
            reason: variant.reason(),
        }
    }
}

/// One condition of the source code and its translations.
#[derive(Serialize)]
pub struct VariantTranslationJson<'a> {
    #[serde(flatten)]
    pub variant: VariantJson<'a>,
    pub targets: Vec<TargetJson<'a>>,
}

/// A vendor setting that changes which code reports a condition.
#[derive(Serialize)]
pub struct SettingJson<'a> {
    pub name: &'a str,
    pub merges: Vec<&'a str>,
    pub into: Option<&'a str>,
    pub note: &'a str,
}

impl<'a> SettingJson<'a> {
    pub fn new(setting: &'a Setting) -> SettingJson<'a> {
        SettingJson {
            name: setting.name(),
            merges: setting.merges().collect(),
            into: setting.into_code(),
            note: setting.note(),
        }
    }
}

/// One target catalogue of `errmap translate`.
#[derive(Serialize)]
pub struct TargetJson<'a> {
    pub vendor: &'a str,
    pub name: &'a str,
    /// Best first; empty when there is no equivalent.
    pub matches: Vec<MatchJson<'a>>,
    /// The target's catch-all code, only when nothing better than related matched.
    pub fallback: Option<CodeJson<'a>>,
}

/// One candidate of a target.
#[derive(Serialize)]
pub struct MatchJson<'a> {
    pub relation: Relation,
    /// Steps between the two kinds in the taxonomy.
    pub distance: u8,
    #[serde(flatten)]
    pub code: CodeJson<'a>,
}

/// `errmap explain`.
#[derive(Serialize)]
pub struct ExplainJson<'a> {
    pub locale: Locale,
    pub vendor: &'a str,
    pub vendor_name: &'a str,
    pub code: &'a str,
    pub symbol: Option<&'a str>,
    pub kind: Kind,
    #[serde(rename = "match")]
    pub kind_match: KindMatch,
    pub reason: Option<&'a str>,
    /// From the root of the taxonomy down to `kind`.
    pub kind_path: Vec<Kind>,
    /// The kind an end user sees when enumeration-prone detail is hidden.
    pub public_kind: Kind,
    pub category: Category,
    /// The vendor's documented status if any, else the kind's default.
    pub http_status: u16,
    pub vendor_http_status: Option<u16>,
    pub retryable: bool,
    pub actor: Actor,
    pub vendor_message: Option<&'a str>,
    pub vendor_language: &'a str,
    pub description: Option<&'a str>,
    /// The code's message in every shipped locale, with who wrote it.
    pub messages: BTreeMap<&'static str, LocalizedText>,
    /// The kind's message and hint in `locale`.
    pub kind_message: String,
    pub kind_hint: String,
    /// Another code of the catalogue for the same condition (another layer of the
    /// vendor's stack).
    pub same_as: Option<&'a str>,
    /// The conditions the code stands for, told apart by another field.
    pub variants: Vec<VariantJson<'a>>,
    /// Vendor settings under which this code appears or disappears.
    pub settings: Vec<SettingJson<'a>>,
}

/// `errmap codes`.
#[derive(Serialize)]
pub struct CodesJson<'a> {
    pub locale: Locale,
    pub vendor: &'a str,
    pub name: &'a str,
    pub codes: Vec<CodeEntryJson<'a>>,
}

/// One code of `errmap codes`.
#[derive(Serialize)]
pub struct CodeEntryJson<'a> {
    #[serde(flatten)]
    pub code: CodeJson<'a>,
    pub http_status: Option<u16>,
}

/// One catalogue of `errmap vendors`.
#[derive(Serialize)]
pub struct VendorJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub aliases: Vec<&'a str>,
    pub language: &'a str,
    /// Number of codes.
    pub codes: usize,
    /// Codes that mean their kind exactly.
    pub exact: usize,
    /// `exact / codes`, from 0 to 1.
    pub exact_share: f64,
    pub builtin: bool,
    pub source: Option<&'a str>,
}

/// One kind of `errmap kinds`, with its children.
#[derive(Serialize)]
pub struct KindJson {
    pub id: Kind,
    pub category: Category,
    pub http_status: u16,
    pub retryable: bool,
    pub actor: Actor,
    pub public_kind: Kind,
    pub message: String,
    /// Codes mapped to this kind itself, per catalogue (catalogues without any are left out).
    pub codes: BTreeMap<String, usize>,
    /// Codes mapped to this kind or any kind below it.
    pub total: usize,
    pub children: Vec<KindJson>,
}
