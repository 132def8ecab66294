//! Nearest equivalents of a code in another catalogue, each with an honest label.
//!
//! Two codes relate through their kinds and how precisely each means its kind:
//!
//! | kinds                       | source match | target match | relation  |
//! |-----------------------------|--------------|--------------|-----------|
//! | same kind                   | exact        | exact        | exact     |
//! | same kind                   | exact/close  | exact/close  | close     |
//! | same kind                   | narrower     | exact/close  | broader   |
//! | same kind                   | exact/close  | narrower     | narrower  |
//! | target kind is an ancestor  | any          | exact/close  | broader   |
//! | target kind is a descendant | exact/close  | any          | narrower  |
//!
//! Any other pair is unrelated, and so is a catalogue's catch-all (Wilddog 29999) with
//! any code but itself. In particular a narrower code (one specific case its kind
//! does not name) relates only to codes of its own kind and to broader ones.
//!
//! The tree alone is not evidence enough for every label. Two codes that only share a
//! broad category (kin in the tree: siblings, uncles; or two unnamed specific cases of
//! one kind) are not equivalents, and neither are kinds [`MAX_DISTANCE`] or
//! more steps apart: a migration plan that copied them would carry a wrong row.
//! `related` is kept for pairs with evidence beyond the tree.
//!
//! Curated statements in the data (`[[statement]]`: "Keycloak `client_not_found` is
//! close to Authing 2011", or "is no match for") override the tree for their pair, in
//! both directions. Two codes that are the same standard error value (an RFC 6749 or
//! OpenID Connect value a vendor returns as-is), mapped to the same kind with the same
//! match, are exact.
//!
//! The labels follow SKOS: exact is symmetric and transitive, close and related are
//! symmetric, broader and narrower are converses. Close is computed pairwise from the
//! two codes, never chained through a third catalogue. A code is always an exact
//! match for itself.

use serde::{Serialize, Serializer};

use crate::catalogue::{Catalogue, Code, CodeRef, KindMatch, Predicate, Variant};
use crate::kin::{self, Tree};
use crate::registry::Registry;
use crate::taxonomy::{Kind, NEIGHBOURS};

/// How a target code relates to the source code.
#[derive(Debug, Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relation {
    /// Both mean the same condition exactly.
    Exact,
    /// Nearly the same condition; usable in its place with care.
    Close,
    /// The target covers the source's condition and more.
    Broader,
    /// The target is one specific case of the source's condition.
    Narrower,
    /// A neighbouring condition, neither broader nor narrower.
    Related,
}

impl Relation {
    /// Every relation, best first.
    pub const ALL: [Relation; 5] =
        [Relation::Exact, Relation::Close, Relation::Broader, Relation::Narrower, Relation::Related];

    /// The name used in JSON output: `exact`, `close`, `broader`, `narrower`, `related`.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Exact => "exact",
            Relation::Close => "close",
            Relation::Broader => "broader",
            Relation::Narrower => "narrower",
            Relation::Related => "related",
        }
    }

    /// The SKOS mapping property for "source PREDICATE target": `skos:broadMatch`
    /// says the target is the broader one.
    pub fn skos(self) -> &'static str {
        match self {
            Relation::Exact => "skos:exactMatch",
            Relation::Close => "skos:closeMatch",
            Relation::Broader => "skos:broadMatch",
            Relation::Narrower => "skos:narrowMatch",
            Relation::Related => "skos:relatedMatch",
        }
    }

    /// The relation seen from the other side: broader and narrower swap.
    pub fn inverse(self) -> Relation {
        match self {
            Relation::Broader => Relation::Narrower,
            Relation::Narrower => Relation::Broader,
            other => other,
        }
    }
}

impl Serialize for Relation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One candidate equivalent in the target catalogue.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Equivalent<'r> {
    /// The target code.
    pub code: CodeRef<'r>,
    /// How it relates to the source code.
    pub relation: Relation,
    /// Steps between the two kinds in the taxonomy (0 for the same kind).
    pub distance: u8,
}

/// The answer to "what is this code in that catalogue?".
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Translation<'r> {
    /// The code translated.
    pub source: CodeRef<'r>,
    /// The catalogue translated into.
    pub target: &'r Catalogue,
    /// Candidates, best first: by relation (exact, close, broader, narrower, related),
    /// then by distance in the taxonomy, then the source itself (when translating into
    /// its own catalogue), then codes that mean their kind exactly before close and
    /// narrower ones, then in the order of the vendor's table.
    /// Empty when the target has no equivalent.
    pub matches: Vec<Equivalent<'r>>,
    /// The target's catch-all code, offered only when no candidate is better than
    /// related. Never a match.
    pub fallback: Option<CodeRef<'r>>,
}

impl Equivalent<'_> {
    /// Whether the candidate is only one specific case of the source's condition that
    /// the taxonomy does not name (a failed SMS check while binding a face, for "wrong
    /// SMS code"): a true narrower match, listed, but no answer for a migration that
    /// must handle every case of the source.
    pub fn is_specific_case(&self) -> bool {
        self.relation == Relation::Narrower && self.code.kind_match() == KindMatch::Narrower
    }
}

impl<'r> Translation<'r> {
    /// The best candidate, if any: the first one that is not only a specific case of
    /// the source's condition (see [`Equivalent::is_specific_case`]).
    pub fn best(&self) -> Option<&Equivalent<'r>> {
        self.matches.iter().find(|m| !m.is_specific_case())
    }
}

/// For each kind, the kinds a code of it can relate to, with the tree relation and
/// distance, in kind order: tabulated by build.rs from the taxonomy.
fn neighbours(kind: Kind) -> &'static [(Kind, Tree, u8)] {
    NEIGHBOURS[usize::from(kind.0)]
}

/// How kind `b` sits relative to kind `a`, and how many steps apart they are.
fn tree_relation(a: Kind, b: Kind) -> Option<(Tree, u8)> {
    let parent = |i: usize| Kind(i as u16).parent().map(|p| usize::from(p.0));
    kin::tree_relation(&parent, usize::from(a.0), usize::from(b.0))
}

/// Kinds this many steps apart or more are too far apart for broader or narrower: a
/// wrong password is not usefully "narrower" than a bare "sign-in failed" three
/// levels up.
pub(crate) const MAX_DISTANCE: u8 = 3;

fn label(tree: Tree, distance: u8, source: KindMatch, target: KindMatch) -> Option<Relation> {
    use KindMatch::{Exact, Narrower};
    if distance >= MAX_DISTANCE {
        return None;
    }
    Some(match tree {
        Tree::Same => match (source, target) {
            (Exact, Exact) => Relation::Exact,
            // Two specific cases of one kind that the taxonomy does not name (a failed
            // face binding and a bad LDAP connection, both internal errors) share only
            // the kind.
            (Narrower, Narrower) => return None,
            (Narrower, _) => Relation::Broader,
            (_, Narrower) => Relation::Narrower,
            _ => Relation::Close,
        },
        // A narrower code is one specific case that the taxonomy does not name: it
        // relates to its own kind and to broader codes, not to the kind's neighbours.
        Tree::TargetBroader if target == Narrower => return None,
        Tree::TargetBroader => Relation::Broader,
        Tree::TargetNarrower if source == Narrower => return None,
        Tree::TargetNarrower => Relation::Narrower,
        // Kin share only a broad category: no evidence of an equivalent.
        Tree::Kin => return None,
    })
}

/// How `target` relates to `source`, or `None` when they are unrelated.
///
/// ```
/// let registry = errmap_auth::Registry::builtin();
/// let wrong_password = registry.resolve("authing:2006")?;
/// let merged = registry.resolve("oneaccess:LOGIN.0002")?;
/// assert_eq!(errmap_auth::relate(wrong_password, merged), Some(errmap_auth::Relation::Broader));
/// assert_eq!(errmap_auth::relate(merged, wrong_password), Some(errmap_auth::Relation::Narrower));
/// # Ok::<(), errmap_auth::Error>(())
/// ```
pub fn relate(source: CodeRef<'_>, target: CodeRef<'_>) -> Option<Relation> {
    if source.same_as(&target) {
        return Some(Relation::Exact);
    }
    if is_catch_all(source) || is_catch_all(target) {
        return None;
    }
    if let Some(predicate) = stated(source, target) {
        return stated_relation(predicate);
    }
    let (tree, distance) = tree_relation(source.kind(), target.kind())?;
    if standard_identity(source, source.kind(), source.kind_match(), target) {
        return Some(Relation::Exact);
    }
    label(tree, distance, source.kind_match(), target.kind_match())
}

/// What the data states of `target` as seen from `source`, from either code's side.
fn stated(source: CodeRef<'_>, target: CodeRef<'_>) -> Option<Predicate> {
    let (from, to) = (source.catalogue(), target.catalogue());
    let (subject, object) = (principal(from, source.code()), principal(to, target.code()));
    let forward = from
        .statements()
        .iter()
        .find(|s| {
            s.object_catalogue() == to.id()
                && principal(from, s.code()) == subject
                && principal(to, s.object_code()) == object
        })
        .map(|s| s.predicate());
    forward.or_else(|| {
        to.statements()
            .iter()
            .find(|s| {
                s.object_catalogue() == from.id()
                    && principal(to, s.code()) == object
                    && principal(from, s.object_code()) == subject
            })
            .map(|s| s.predicate().inverse())
    })
}

/// The code that statements about `code` are really about: a code that is `same_as`
/// another (one condition in two layers of the vendor's stack) shares its statements,
/// so that two codes meaning one condition never relate differently to a third.
fn principal<'a>(catalogue: &'a Catalogue, code: &'a str) -> &'a str {
    catalogue.get(code).and_then(Code::same_as).unwrap_or(code)
}

/// The relation a statement's predicate gives, `None` for "no match".
fn stated_relation(predicate: Predicate) -> Option<Relation> {
    match predicate {
        Predicate::Close => Some(Relation::Close),
        Predicate::Broader => Some(Relation::Broader),
        Predicate::Narrower => Some(Relation::Narrower),
        Predicate::Related => Some(Relation::Related),
        Predicate::NoMatch => None,
    }
}

/// Whether `target` is the same standard error value as `source` (the same code text,
/// defined by a built-in standard catalogue such as `oauth2`), meaning the same kind
/// (`kind`, `kind_match`, the source's or its variant's) the same way.
fn standard_identity(source: CodeRef<'_>, kind: Kind, kind_match: KindMatch, target: CodeRef<'_>) -> bool {
    if source.code() != target.code() || kind != target.kind() || kind_match != target.kind_match() {
        return false;
    }
    let standards = Registry::builtin().catalogues().iter().filter(|c| c.is_standard());
    standards.into_iter().any(|standard| standard.get(source.code()).is_some())
}

/// Whether `code` is its catalogue's catch-all (Wilddog 29999, Supabase `unknown`):
/// it says nothing about the condition, so it relates to no other code and is offered
/// only as a fallback.
fn is_catch_all(code: CodeRef<'_>) -> bool {
    code.catalogue().fallback().is_some_and(|f| f.same_as(&code))
}

/// A code of the target catalogue that a statement relates to the source, with the
/// stated relation (`None`: stated to be no match).
struct Stated<'r> {
    code: CodeRef<'r>,
    relation: Option<Relation>,
}

/// Every statement between `source` and a code of `target`, from either side.
fn stated_in<'r>(source: CodeRef<'r>, target: &'r Catalogue) -> Vec<Stated<'r>> {
    let from = source.catalogue();
    let subject = principal(from, source.code());
    let forward = from
        .statements()
        .iter()
        .filter(|s| s.object_catalogue() == target.id() && principal(from, s.code()) == subject)
        .filter_map(|s| {
            let code = CodeRef::at(target, target.position(s.object_code())?);
            Some(Stated { code, relation: stated_relation(s.predicate()) })
        });
    let backward = target
        .statements()
        .iter()
        .filter(|s| s.object_catalogue() == from.id() && principal(from, s.object_code()) == subject)
        .filter_map(|s| {
            let code = CodeRef::at(target, target.position(s.code())?);
            Some(Stated { code, relation: stated_relation(s.predicate().inverse()) })
        });
    let mut stated: Vec<Stated<'r>> = Vec::new();
    for s in forward.chain(backward) {
        if !stated.iter().any(|known| known.code.same_as(&s.code)) {
            stated.push(s);
        }
    }
    stated
}

/// The order of candidates, best first: compared field by field in this order.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    /// Exact, close, broader, narrower, related.
    relation: Relation,
    /// Steps between the kinds: nearer first.
    distance: u8,
    /// The source itself first, when translating into its own catalogue.
    not_the_source: bool,
    /// Codes that mean their kind exactly before close and narrower ones.
    kind_match: KindMatch,
    /// The same standard error value before other exact candidates.
    not_the_same_value: bool,
    /// Then the vendor's table order.
    position: usize,
}

impl Registry {
    /// The equivalents of `source` in `target`, best first.
    ///
    /// Only the codes of kinds near the source's kind are looked at (through indexes
    /// built with the data), never every code of the target.
    pub fn translate<'r>(&'r self, source: CodeRef<'r>, target: &'r Catalogue) -> Translation<'r> {
        self.equivalents(source, source.kind(), source.kind_match(), target, true)
    }

    /// The equivalents in `target` of one condition of `source`: the [`Variant`] that
    /// the body's secondary field tells apart (Keycloak `invalid_grant` with
    /// "Account disabled" translates as `disabled`, not as `invalid_grant`).
    pub fn translate_variant<'r>(
        &'r self,
        source: CodeRef<'r>,
        variant: &Variant,
        target: &'r Catalogue,
    ) -> Translation<'r> {
        self.equivalents(source, variant.kind(), variant.kind_match(), target, false)
    }

    fn equivalents<'r>(
        &'r self,
        source: CodeRef<'r>,
        kind: Kind,
        kind_match: KindMatch,
        target: &'r Catalogue,
        whole_code: bool,
    ) -> Translation<'r> {
        let mut matches = Vec::new();
        let catch_all = target.fallback();
        let source_is_catch_all = is_catch_all(source);
        // Statements concern the whole code, not one condition of it.
        let statements = if whole_code && !source_is_catch_all { stated_in(source, target) } else { Vec::new() };
        for &(near, tree, distance) in neighbours(kind) {
            for &position in target.positions_of(near) {
                let code = CodeRef::at(target, position as usize);
                let relation = if code.same_as(&source) {
                    Some(Relation::Exact)
                } else if source_is_catch_all || catch_all.is_some_and(|f| f.same_as(&code)) {
                    None
                } else if let Some(stated) =
                    statements.iter().find(|s| principal(target, s.code.code()) == principal(target, code.code()))
                {
                    stated.relation
                } else if standard_identity(source, kind, kind_match, code) {
                    Some(Relation::Exact)
                } else {
                    label(tree, distance, kind_match, code.kind_match())
                };
                if let Some(relation) = relation {
                    matches.push(Equivalent { code, relation, distance });
                }
            }
        }
        // Stated pairs whose kinds are not neighbours in the tree, with the codes that
        // are `same_as` the stated one (they share its statements).
        for stated in &statements {
            let Some(relation) = stated.relation else { continue };
            let object = principal(target, stated.code.code());
            let twins = target.code_refs().filter(|c| c.code() == object || c.entry().same_as() == Some(object));
            for code in std::iter::once(stated.code).chain(twins) {
                if catch_all.is_some_and(|f| f.same_as(&code)) || matches.iter().any(|m| m.code.same_as(&code)) {
                    continue;
                }
                let distance = tree_relation(kind, code.kind()).map_or(MAX_DISTANCE, |(_, d)| d);
                matches.push(Equivalent { code, relation, distance });
            }
        }
        matches.sort_by_key(|m| Rank {
            relation: m.relation,
            distance: m.distance,
            not_the_source: !m.code.same_as(&source),
            kind_match: m.code.kind_match(),
            not_the_same_value: m.code.code() != source.code(),
            position: m.code.index(),
        });
        let fallback = match matches.iter().find(|m| !m.is_specific_case()) {
            Some(best) if best.relation < Relation::Related => None,
            _ => target.fallback().filter(|f| !matches.iter().any(|m| m.code.same_as(f))),
        };
        Translation { source, target, matches, fallback }
    }

    /// The equivalents of `source` in every other catalogue, in registry order.
    pub fn translate_all<'r>(&'r self, source: CodeRef<'r>) -> Vec<Translation<'r>> {
        self.catalogues()
            .iter()
            .filter(|c| !std::ptr::eq(*c, source.catalogue()))
            .map(|target| self.translate(source, target))
            .collect()
    }
}
