//! Error bodies as normalization reads them: a JSON tree borrowed from the raw bytes
//! where it can be, and the few questions normalization asks of any JSON tree.
//!
//! Parsing a body into `serde_json::Value` copies every key and string into its own
//! allocation and every object into a B-tree; normalization only looks up a handful of
//! JSON Pointers, so [`Json`] keeps strings borrowed from the body (unless they hold
//! escapes) and objects as their members in order. It reads the same documents as
//! `Value` does, with the same answers: the same parser, the same numbers, and for a
//! key given twice the last value.

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use serde::de::{Deserialize, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Number, Value};

/// What normalization asks of a parsed body.
pub(crate) trait Node: Sized {
    /// The member `token` of an object, or the element at index `token` of an array.
    fn child(&self, token: &str) -> Option<&Self>;
    fn as_str(&self) -> Option<&str>;
    fn as_number(&self) -> Option<&Number>;
    fn is_object(&self) -> bool;
    /// Calls `f` with every member of an object, in order; `false` if this is no object.
    fn for_each_member<'s>(&'s self, f: impl FnMut(&'s str, &'s Self)) -> bool;
    /// The first answer `f` gives for an element of an array or a member's value of an
    /// object, in order.
    fn find_child<'s, T>(&'s self, f: impl FnMut(&'s Self) -> Option<T>) -> Option<T>;

    /// The node at `tokens` below this one, a `*` token standing for any element or
    /// member (the first through which the rest of the path leads).
    fn walk<'s, T: AsRef<str>>(&'s self, tokens: &[T]) -> Option<&'s Self> {
        let mut target = self;
        for (at, token) in tokens.iter().enumerate() {
            let token = token.as_ref();
            target = if token == ANY {
                return target.find_child(|child| child.walk(&tokens[at + 1..]));
            } else {
                target.child(token)?
            };
        }
        Some(target)
    }

    fn as_u64(&self) -> Option<u64> {
        self.as_number()?.as_u64()
    }

    /// An HTTP status repeated in the body: a number, or a string of digits (`"400"`),
    /// as some SDKs serialize it.
    fn as_status(&self) -> Option<u16> {
        match self.as_u64() {
            Some(status) => u16::try_from(status).ok(),
            None => {
                let text = self.as_str()?.trim();
                let digits = !text.is_empty() && text.len() <= 3 && text.bytes().all(|b| b.is_ascii_digit());
                digits.then(|| text.parse().ok()).flatten()
            }
        }
    }

    /// RFC 6901 JSON Pointer lookup, as `serde_json::Value::pointer`, without
    /// allocating for tokens that need no unescaping.
    fn pointer(&self, pointer: &str) -> Option<&Self> {
        if pointer.is_empty() {
            return Some(self);
        }
        let mut rest = pointer.strip_prefix('/')?;
        let mut target = self;
        loop {
            // Byte loops: pointers are a few short tokens, too short for `str::split`'s
            // searchers to pay.
            let end = rest.bytes().position(|b| b == b'/').unwrap_or(rest.len());
            let token = &rest[..end];
            if token == ANY {
                let rest = &rest[end..];
                return target.find_child(|child| child.pointer(rest));
            }
            target = if token.bytes().any(|b| b == b'~') {
                target.child(&token.replace("~1", "/").replace("~0", "~"))?
            } else {
                target.child(token)?
            };
            if end == rest.len() {
                return Some(target);
            }
            rest = &rest[end + 1..];
        }
    }
}

/// The pointer token that stands for any element of an array or member of an object
/// (`/errorCauses/*/errorSummary`): the first through which the rest of the pointer leads.
pub(crate) const ANY: &str = "*";

/// An array index token as RFC 6901 allows it: no sign, no leading zero.
fn array_index(token: &str) -> Option<usize> {
    if token.starts_with('+') || (token.starts_with('0') && token.len() != 1) {
        return None;
    }
    token.parse().ok()
}

impl Node for Value {
    fn child(&self, token: &str) -> Option<&Value> {
        match self {
            Value::Object(map) => map.get(token),
            Value::Array(list) => list.get(array_index(token)?),
            _ => None,
        }
    }

    fn as_str(&self) -> Option<&str> {
        Value::as_str(self)
    }

    fn as_number(&self) -> Option<&Number> {
        match self {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    fn is_object(&self) -> bool {
        Value::is_object(self)
    }

    fn find_child<'s, T>(&'s self, f: impl FnMut(&'s Self) -> Option<T>) -> Option<T> {
        match self {
            Value::Array(list) => list.iter().find_map(f),
            Value::Object(map) => map.values().find_map(f),
            _ => None,
        }
    }

    fn for_each_member<'s>(&'s self, mut f: impl FnMut(&'s str, &'s Value)) -> bool {
        match self {
            Value::Object(map) => {
                map.iter().for_each(|(key, value)| f(key, value));
                true
            }
            _ => false,
        }
    }
}

/// A JSON value whose strings borrow from the text it was parsed from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    /// The members in document order, a repeated key included.
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

/// How deep [`Json::parse`] builds the tree: arrays and objects nested deeper are read
/// (and must be valid JSON) but kept as `null`. Below `serde_json`'s own limit of 128,
/// so that a body nested past it still yields the code and message at its top.
pub(crate) const MAX_DEPTH: usize = 64;

impl<'a> Json<'a> {
    /// Parses a document as `serde_json::from_slice::<Value>` does, failing where it fails,
    /// except that arrays and objects nested deeper than [`MAX_DEPTH`] are kept as
    /// `null` instead of failing the whole document.
    ///
    /// The bytes are checked as UTF-8 once, as a whole, and parsed as text: from bytes,
    /// serde_json checks every string it borrows on its own, which cost more than the
    /// strings' parsing. Bytes that are not UTF-8 are parsed as bytes, for the same error.
    pub(crate) fn parse(bytes: &'a [u8]) -> serde_json::Result<Json<'a>> {
        match std::str::from_utf8(bytes) {
            Ok(text) => serde_json::from_str(text),
            Err(_) => serde_json::from_slice(bytes),
        }
    }
}

impl<'a> Json<'a> {
    /// Reads an `application/x-www-form-urlencoded` body (GitHub's token endpoint:
    /// `error=bad_verification_code&error_description=...`) as an object of strings;
    /// `None` when the bytes are not such a body.
    pub(crate) fn parse_form(bytes: &'a [u8]) -> Option<Json<'a>> {
        let text = std::str::from_utf8(bytes).ok()?.trim();
        let mut members = Vec::new();
        for pair in text.split('&').filter(|pair| !pair.is_empty()) {
            let (key, value) = pair.split_once('=')?;
            let name_like = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'%' | b'+');
            if key.is_empty() || !key.bytes().all(name_like) {
                return None;
            }
            members.push((form_decoded(key)?, Json::String(form_decoded(value)?)));
        }
        (!members.is_empty()).then_some(Json::Object(members))
    }
}

/// A form-encoded value decoded: `+` is a space, `%XX` a byte; `None` when the bytes
/// are no UTF-8 or an escape is broken.
fn form_decoded(text: &str) -> Option<Cow<'_, str>> {
    if !text.bytes().any(|b| b == b'%' || b == b'+') {
        return Some(Cow::Borrowed(text));
    }
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        rest = tail;
        match b {
            b'+' => bytes.push(b' '),
            b'%' => {
                let hex = rest.get(..2)?;
                let hex = std::str::from_utf8(hex).ok()?;
                bytes.push(u8::from_str_radix(hex, 16).ok()?);
                rest = &rest[2..];
            }
            other => bytes.push(other),
        }
    }
    String::from_utf8(bytes).ok().map(Cow::Owned)
}

impl Node for Json<'_> {
    fn child(&self, token: &str) -> Option<&Self> {
        match self {
            // The last of a repeated key wins, as in `Value`.
            Json::Object(members) => members.iter().rev().find(|(key, _)| key == token).map(|(_, value)| value),
            Json::Array(list) => list.get(array_index(token)?),
            _ => None,
        }
    }

    fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    fn as_number(&self) -> Option<&Number> {
        match self {
            Json::Number(n) => Some(n),
            _ => None,
        }
    }

    fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }

    fn find_child<'s, T>(&'s self, mut f: impl FnMut(&'s Self) -> Option<T>) -> Option<T> {
        match self {
            Json::Array(list) => list.iter().find_map(f),
            Json::Object(members) => members.iter().find_map(|(_, value)| f(value)),
            _ => None,
        }
    }

    fn for_each_member<'s>(&'s self, mut f: impl FnMut(&'s str, &'s Self)) -> bool {
        match self {
            Json::Object(members) => {
                members.iter().for_each(|(key, value)| f(key, value));
                true
            }
            _ => false,
        }
    }
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json<'de>, D::Error> {
        Depth(MAX_DEPTH).deserialize(deserializer)
    }
}

/// A value read with room for `.0` more levels of arrays and objects. Past that, the
/// value is skipped (`serde_json` skips without recursing) and kept as `null`.
#[derive(Clone, Copy)]
struct Depth(usize);

impl<'de> DeserializeSeed<'de> for Depth {
    type Value = Json<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json<'de>, D::Error> {
        match self.0.checked_sub(1) {
            Some(rest) => deserializer.deserialize_any(JsonVisitor { depth: rest }),
            None => IgnoredAny::deserialize(deserializer).map(|_| Json::Null),
        }
    }
}

/// The key under which `serde_json` hands over numbers as text when a crate in the
/// build enables its `arbitrary_precision` feature.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Whether this build's `serde_json` turns `{NUMBER_TOKEN: "1"}` into a number (it
/// does with `arbitrary_precision`), so `Json` can do as `Value` does.
fn numbers_as_maps() -> bool {
    static ANSWER: OnceLock<bool> = OnceLock::new();
    *ANSWER.get_or_init(|| {
        matches!(serde_json::from_str::<Value>(&format!("{{\"{NUMBER_TOKEN}\":\"1\"}}")), Ok(Value::Number(_)))
    })
}

struct JsonVisitor {
    /// How many more levels the members or elements may nest.
    depth: usize,
}

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Json<'de>, E> {
        Ok(Json::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Json<'de>, E> {
        Ok(Json::Number(value.into()))
    }

    fn visit_i128<E: serde::de::Error>(self, value: i128) -> Result<Json<'de>, E> {
        Number::deserialize(serde::de::value::I128Deserializer::<E>::new(value)).map(Json::Number)
    }

    fn visit_u128<E: serde::de::Error>(self, value: u128) -> Result<Json<'de>, E> {
        Number::deserialize(serde::de::value::U128Deserializer::<E>::new(value)).map(Json::Number)
    }

    fn visit_f64<E>(self, value: f64) -> Result<Json<'de>, E> {
        Ok(Number::from_f64(value).map_or(Json::Null, Json::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(value.to_string())))
    }

    fn visit_borrowed_str<E>(self, value: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Borrowed(value)))
    }

    fn visit_string<E>(self, value: String) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(value)))
    }

    fn visit_none<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json<'de>, D::Error> {
        Depth(self.depth + 1).deserialize(deserializer)
    }

    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_seq<V: SeqAccess<'de>>(self, mut seq: V) -> Result<Json<'de>, V::Error> {
        let mut list = Vec::new();
        while let Some(element) = seq.next_element_seed(Depth(self.depth))? {
            list.push(element);
        }
        Ok(Json::Array(list))
    }

    fn visit_map<V: MapAccess<'de>>(self, mut map: V) -> Result<Json<'de>, V::Error> {
        let mut members = Vec::with_capacity(8);
        while let Some(Key(key)) = map.next_key()? {
            if members.is_empty() && key == NUMBER_TOKEN && numbers_as_maps() {
                let text: Cow<'de, str> = map.next_value::<Key<'de>>()?.0;
                return text.parse::<Number>().map(Json::Number).map_err(serde::de::Error::custom);
            }
            members.push((key, map.next_value_seed(Depth(self.depth))?));
        }
        Ok(Json::Object(members))
    }
}

/// A string borrowed from the document when it has no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key<'de>, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a string")
            }

            fn visit_str<E>(self, value: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(value.to_string())))
            }

            fn visit_borrowed_str<E>(self, value: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(value)))
            }

            fn visit_string<E>(self, value: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(value)))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same lookups give the same answers in `Json` and `Value`.
    #[test]
    fn reads_documents_as_value_does() {
        let documents = [
            r#"{"code": 22011, "message": "该用户不存在", "code": "22012"}"#,
            r#"{"errors": [{"message": {"code": 2006, "message": "密码\u4e0d正确\n"}}]}"#,
            r#"{"a~b": {"c/d": [1, -2, 3.5, 18446744073709551616, true, null]}}"#,
            r#"[{"x": "y"}, "z"]"#,
            r#""just text""#,
        ];
        let pointers = [
            "",
            "/code",
            "/message",
            "/errors/0/message/code",
            "/errors/0/message/message",
            "/errors/00",
            "/a~0b/c~1d/0",
            "/a~0b/c~1d/1",
            "/a~0b/c~1d/2",
            "/a~0b/c~1d/3",
            "/a~0b/c~1d/+1",
            "/0/x",
            "/1",
            "/missing",
            "code",
        ];
        for document in documents {
            let value: Value = serde_json::from_str(document).unwrap();
            let json = Json::parse(document.as_bytes()).unwrap();
            assert_eq!(Node::is_object(&value), json.is_object(), "{document}");
            for pointer in pointers {
                let (a, b) = (Node::pointer(&value, pointer), json.pointer(pointer));
                assert_eq!(a.is_some(), b.is_some(), "{document} {pointer}");
                let (Some(a), Some(b)) = (a, b) else { continue };
                assert_eq!(Node::as_str(a), b.as_str(), "{document} {pointer}");
                assert_eq!(Node::as_number(a), b.as_number(), "{document} {pointer}");
                assert_eq!(Node::as_u64(a), b.as_u64(), "{document} {pointer}");
                assert_eq!(Node::is_object(a), b.is_object(), "{document} {pointer}");
            }
        }
        for broken in ["", "{", "{\"a\":}", "[1,]", "\"\\ud800\"", "{} x", "nul"] {
            assert_eq!(
                serde_json::from_str::<Value>(broken).is_ok(),
                Json::parse(broken.as_bytes()).is_ok(),
                "{broken}"
            );
        }
        // Bytes that are not UTF-8: inside a string, after a document, as a key.
        for bytes in [&b"{\"a\":\"\xff\"}"[..], b"{\"a\":1} \xc3", b"{\"\xe4\xb8\":1}", b"\"\xed\xa0\x80\""] {
            let theirs = serde_json::from_slice::<Value>(bytes).err().map(|e| e.to_string());
            assert!(theirs.is_some(), "{bytes:?}");
            assert_eq!(Json::parse(bytes).err().map(|e| e.to_string()), theirs, "{bytes:?}");
        }
    }

    /// Past the depth limit the tree is cut, not refused: what sits at the top stays.
    #[test]
    fn a_document_nested_past_the_limit_keeps_its_top() {
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert!(serde_json::from_str::<Value>(&deep).is_err(), "serde_json refuses it");
        let body = format!(r#"{{"code":22011,"message":"x","deep":{deep}}}"#);
        let json = Json::parse(body.as_bytes()).unwrap();
        assert_eq!(json.pointer("/code").and_then(Node::as_u64), Some(22011));
        assert_eq!(json.pointer("/message").and_then(Node::as_str), Some("x"));
        let mut nested = json.pointer("/deep").unwrap();
        let mut levels = 1;
        while let Some(inner) = nested.child("0") {
            nested = inner;
            levels += 1;
        }
        assert_eq!((levels, nested), (MAX_DEPTH, &Json::Null));
        // What is cut must still be JSON.
        let broken = format!(r#"{{"code":22011,"deep":{}}}"#, "[".repeat(200));
        assert!(Json::parse(broken.as_bytes()).is_err());
        // Within the limit, nothing changes.
        let shallow = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        let mut nested = &Json::parse(shallow.as_bytes()).unwrap();
        while let Some(inner) = nested.child("0") {
            nested = inner;
        }
        assert_eq!(nested, &Json::Array(Vec::new()));
    }
}
