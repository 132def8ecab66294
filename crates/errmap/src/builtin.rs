//! The built-in catalogues, generated from `mappings/` by the format crate's code
//! generator (the library's build script) and compiled in as static tables.

use std::borrow::Cow;

// The tables name `Setting`, `Statement`, `Variant` and their parts only when some
// built-in catalogue has settings, statements or variants.
#[allow(unused_imports)]
use crate::catalogue::{
    BodyShape, Catalogue, Code, Justification, KindMatch, Predicate, Setting, Statement, Variant, VariantTest,
};
use crate::pool::{BuiltinTable, CatalogueText as Text, Items};
use crate::taxonomy::Kind;

include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

impl BuiltinTable for Text {
    fn table() -> &'static [Text] {
        &CODE_PARAMS
    }
}

impl BuiltinTable for Variant {
    fn table() -> &'static [Variant] {
        &CODE_VARIANTS
    }
}
