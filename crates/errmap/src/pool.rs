//! The strings of catalogue data.
//!
//! A built-in catalogue's strings are spans of one text compiled into the binary
//! ([`TEXT_POOL`]), not `&'static str`s. In a position-independent executable every
//! pointer in a static table needs a relocation when the program is loaded, and every
//! page holding one is written, and so copied, before `main` runs: with a pointer per
//! string, the thirteen catalogues cost about 10,000 relocations and a hundred page
//! copies on every start-up, whether the command reads them or not. A span is two
//! numbers, so the tables are read-only pages that are only read when used.

use std::fmt;
use std::ops::Deref;

/// Every string of the built-in catalogues, one after another, as the code generator
/// wrote it from mappings/.
pub(crate) const TEXT_POOL: &str = include_str!(concat!(env!("OUT_DIR"), "/text-pool.txt"));

/// A string of catalogue data (a code, a vendor message, a JSON Pointer, …): a span
/// of the built-in pool, a static string, or a string read at run time. It
/// dereferences to `str`.
///
/// ```
/// use errmap_auth::Registry;
/// use errmap_auth::catalogue::VariantTest;
///
/// let keycloak = Registry::builtin().catalogue("keycloak")?;
/// let variant = &keycloak.get("invalid_grant").expect("documented").variants()[0];
/// let (VariantTest::Equals(text) | VariantTest::Contains(text)) = variant.test();
/// assert_eq!(text.as_str(), variant.test().text());
/// # Ok::<(), errmap_auth::Error>(())
/// ```
#[derive(Clone)]
pub struct CatalogueText(Repr);

#[derive(Clone)]
enum Repr {
    /// `TEXT_POOL[start..start + len]`, always on character boundaries (`build.rs`
    /// writes both).
    Pooled { start: u32, len: u32 },
    /// A string of the binary outside the pool, such as a common language tag.
    Static(&'static str),
    /// A string read at run time.
    Owned(Box<str>),
}

impl CatalogueText {
    /// The span `start..start + len` of the built-in pool; only `build.rs` writes these.
    pub(crate) const fn pooled(start: u32, len: u32) -> CatalogueText {
        CatalogueText(Repr::Pooled { start, len })
    }

    /// A string that lives as long as the program.
    pub const fn from_static(text: &'static str) -> CatalogueText {
        CatalogueText(Repr::Static(text))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Pooled { start, len } => {
                let start = *start as usize;
                TEXT_POOL.get(start..start + *len as usize).unwrap_or_default()
            }
            Repr::Static(text) => text,
            Repr::Owned(text) => text,
        }
    }

    /// Whether the text is a span of the built-in pool.
    #[cfg(test)]
    fn is_pooled(&self) -> bool {
        matches!(self.0, Repr::Pooled { .. })
    }
}

impl Deref for CatalogueText {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for CatalogueText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Default for CatalogueText {
    fn default() -> CatalogueText {
        CatalogueText::from_static("")
    }
}

impl From<String> for CatalogueText {
    fn from(text: String) -> CatalogueText {
        CatalogueText(Repr::Owned(text.into_boxed_str()))
    }
}

impl PartialEq<str> for CatalogueText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for CatalogueText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Display for CatalogueText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CatalogueText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// A code's placeholders or conditions: a span of a table `build.rs` writes for the
/// built-in catalogues, or a list read at run time. A span and not a slice for the
/// reason [`CatalogueText`] is one: with a pointer in a few codes, whole code tables
/// were relocated, and their pages copied, at every start.
#[derive(Clone)]
pub(crate) enum Items<T: 'static> {
    /// `T::table()[start..start + len]`.
    Builtin { start: u32, len: u32 },
    /// Read at run time.
    Owned(Box<[T]>),
}

/// The static table a built-in [`Items`] of `Self` spans.
pub(crate) trait BuiltinTable: Sized + 'static {
    fn table() -> &'static [Self];
}

impl<T> Items<T> {
    /// A span of the built-in table (`build.rs` writes both numbers).
    pub(crate) const fn builtin(start: u32, len: u32) -> Items<T> {
        Items::Builtin { start, len }
    }
}

impl<T: BuiltinTable> Deref for Items<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match self {
            Items::Builtin { start, len } => {
                let (start, len) = (*start as usize, *len as usize);
                T::table().get(start..start + len).unwrap_or_default()
            }
            Items::Owned(items) => items,
        }
    }
}

impl<T> FromIterator<T> for Items<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Items<T> {
        Items::Owned(items.into_iter().collect())
    }
}

impl<T: BuiltinTable + fmt::Debug> fmt::Debug for Items<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Registry;

    #[test]
    fn every_kind_of_text_reads_as_its_string() {
        assert_eq!(CatalogueText::from_static("en").as_str(), "en");
        assert_eq!(CatalogueText::from("2004".to_string()).as_str(), "2004");
        assert_eq!(CatalogueText::default().as_str(), "");
        let wilddog = Registry::builtin().catalogue("wilddog").expect("built in");
        let code = wilddog.get("22011").expect("documented");
        assert!(code.code.is_pooled(), "built-in strings are pooled");
        assert_eq!(code.message(), Some("该用户不存在"));
        assert_eq!(format!("{:?} {}", code.code, code.code), "\"22011\" 22011");
    }

    #[test]
    fn a_span_off_the_pool_reads_as_empty_instead_of_panicking() {
        assert_eq!(CatalogueText::pooled(u32::MAX - 1, 1).as_str(), "");
    }
}
