//! The JSON wire format of `--format json`: serialization-only types, one per command.
//!
//! This is a stable interface for programs; the README documents it, `schemas/` holds
//! a JSON Schema for every document and `tests/schemas.rs` validates the output against
//! them. Add fields freely; renaming or removing one raises [`SCHEMA_VERSION`].
//!
//! Every document is an object that starts with `schema_version` and carries `locale`.
//!
//! Common fields: `vendor` is a catalogue id; `code` is the vendor's code as a string;
//! `kind` a kind id; `match` how precisely a code means its kind (`exact`, `close`,
//! `narrower`); `relation` how a target relates to the source (`exact`, `close`,
//! `broader`, `narrower`, `related`); `vendor_message` the vendor's text as documented;
//! `message` the code's message in `locale`; `locale` the locale actually used.

use std::collections::BTreeMap;

use errmap_auth::catalogue::{Setting, Variant, VariantTest};
use errmap_auth::messages::LocalizedText;
use errmap_auth::taxonomy::{Actor, Category};
use errmap_auth::{CodeRef, Kind, KindMatch, Locale, Relation};
use serde::Serialize;

/// The version of the documents' shape: raised when a member is renamed or removed,
/// never when one is added.
pub const SCHEMA_VERSION: u32 = 1;

/// A document with `schema_version` before its own members.
#[derive(Serialize)]
struct Versioned<'a, T> {
    schema_version: u32,
    #[serde(flatten)]
    document: &'a T,
}

/// `document` as pretty JSON with `schema_version` first, and a final newline.
pub fn document<T: Serialize>(document: &T) -> String {
    // Plain data with string keys: serializing it cannot fail.
    let mut text =
        serde_json::to_string_pretty(&Versioned { schema_version: SCHEMA_VERSION, document }).unwrap_or_default();
    text.push('\n');
    text
}

/// `errmap vendors`.
#[derive(Serialize)]
pub struct VendorsJson<'a> {
    pub locale: Locale,
    pub vendors: &'a [VendorJson<'a>],
}

/// `errmap kinds`.
#[derive(Serialize)]
pub struct KindsJson {
    pub locale: Locale,
    /// The roots of the taxonomy, each with its descendants.
    pub kinds: Vec<KindJson>,
}

/// `errmap explain KIND` and `errmap kinds KIND`.
#[derive(Serialize)]
pub struct KindDocumentJson {
    pub locale: Locale,
    pub kind: KindDetailJson,
}

/// One kind with its neighbours, messages and codes.
#[derive(Serialize)]
pub struct KindDetailJson {
    pub id: Kind,
    pub parent: Option<Kind>,
    pub children: Vec<Kind>,
    /// From the root of the taxonomy down to the kind.
    pub path: Vec<Kind>,
    pub category: Category,
    pub http_status: u16,
    pub retryable: bool,
    pub actor: Actor,
    pub public_kind: Kind,
    /// The message and hint in `locale`.
    pub message: String,
    pub hint: String,
    /// The message and hint in every shipped locale.
    pub messages: BTreeMap<&'static str, KindTextJson>,
    /// Per catalogue, the codes mapped to the kind itself.
    pub codes: BTreeMap<String, Vec<String>>,
}

/// A kind's message and hint in one locale.
#[derive(Serialize)]
pub struct KindTextJson {
    pub message: String,
    pub hint: String,
}

/// What `--format json` writes when a command fails.
#[derive(Serialize)]
pub struct ErrorDocumentJson<'a> {
    pub locale: Locale,
    pub error: ErrorJson<'a>,
}

/// A failure: a stable code, the message as on stderr, and the likely intended name.
#[derive(Serialize)]
pub struct ErrorJson<'a> {
    pub code: &'static str,
    pub message: &'a str,
    pub suggestion: Option<&'a str>,
}

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
    /// How sure errmap is of the candidate, 0 to 1 (`errmap_auth::assess`).
    pub confidence: f64,
    /// What the confidence was weighed on, as short sentences.
    pub evidence: Vec<String>,
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

/// Appends `text` to `out` as a JSON string, byte for byte as `serde_json` writes it
/// (`\"`, `\\`, the short escapes, `\u00XX` for other control characters; everything
/// else as it is). For the `--jsonl` stream, where `serde_json`'s byte-at-a-time
/// escaping was a fifth of the time per line: text is checked eight bytes at a time,
/// its last few bytes padded with spaces to a word of their own, and what needs no
/// escaping, the usual case, is copied in one piece.
pub fn push_str(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // `bytes[..written]` is in `out` already.
    let mut written = 0;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        if !clean(word) {
            escape_from(out, bytes, at, &mut written);
        }
        at += 8;
    }
    let tail = chunks.remainder();
    let mut word = [b' '; 8];
    word[..tail.len()].copy_from_slice(tail);
    if !clean(word) {
        escape_from(out, bytes, at, &mut written);
    }
    out.extend_from_slice(&bytes[written..]);
    out.push(b'"');
}

/// Appends one of errmap's own names (a kind id, a locale tag, an exposure) as a JSON
/// string: they are ASCII letters, digits, `_` and `-` (the taxonomy is checked at
/// build time), so there is nothing to escape and nothing to check.
pub fn push_name(out: &mut Vec<u8>, name: &str) {
    debug_assert!(name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'), "{name:?}");
    out.reserve(name.len() + 2);
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.push(b'"');
}

/// Whether none of the eight bytes needs escaping: no quote, no backslash, nothing below
/// 0x20.
fn clean(word: [u8; 8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let word = u64::from_le_bytes(word);
    // Whether any byte of the word is zero; exact for the word as a whole.
    let has_zero = |word: u64| word.wrapping_sub(ONES) & !word & HIGH != 0;
    !has_zero(word ^ (ONES * u64::from(b'"')))
        && !has_zero(word ^ (ONES * u64::from(b'\\')))
        && word.wrapping_sub(ONES * 0x20) & !word & HIGH == 0
}

/// Writes the bytes of `bytes[at..at + 8]` (or to the end) that need escaping,
/// escaped, with whatever precedes each since `written`.
fn escape_from(out: &mut Vec<u8>, bytes: &[u8], at: usize, written: &mut usize) {
    let end = (at + 8).min(bytes.len());
    for (i, &byte) in bytes.iter().enumerate().take(end).skip(at) {
        let escape: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0x00..=0x1f => b"",
            _ => continue,
        };
        out.extend_from_slice(&bytes[*written..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 15)]]);
        } else {
            out.extend_from_slice(escape);
        }
        *written = i + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::push_str;
    use proptest::prelude::*;

    fn written(text: &str) -> String {
        let mut out = Vec::new();
        push_str(&mut out, text);
        String::from_utf8(out).expect("JSON text is UTF-8")
    }

    #[test]
    fn strings_are_written_as_serde_json_writes_them() {
        let texts = [
            "",
            "a",
            "plain ascii text",
            "引号\"与反斜杠\\",
            "\u{0}\u{1}\u{8}\u{c}\n\r\t\u{1f}\u{7f}",
            "exactly8",
            "sixteen bytes!!\"",
            "tail\n",
            "1234567\\",
        ];
        for text in texts {
            assert_eq!(written(text), serde_json::to_string(text).unwrap(), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn any_string_is_written_as_serde_json_writes_it(text in "(\\PC|[\u{0}-\u{1f}\"\\\\]){0,40}") {
            prop_assert_eq!(written(&text), serde_json::to_string(&text).unwrap());
        }
    }
}
