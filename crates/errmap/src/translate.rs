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
//! The labels follow SKOS: exact is symmetric and transitive, close and related are
//! symmetric, broader and narrower are converses. Close is computed pairwise from the
//! two codes, never chained through a third catalogue. A code is always an exact
//! match for itself.

use serde::{Serialize, Serializer};

use crate::catalogue::{Catalogue, CodeRef, KindMatch, Variant};
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

impl<'r> Translation<'r> {
    /// The best candidate, if any.
    pub fn best(&self) -> Option<&Equivalent<'r>> {
        self.matches.first()
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
    let (tree, distance) = tree_relation(source.kind(), target.kind())?;
    label(tree, distance, source.kind_match(), target.kind_match())
}

/// Whether `code` is its catalogue's catch-all (Wilddog 29999, Supabase `unknown`):
/// it says nothing about the condition, so it relates to no other code and is offered
/// only as a fallback.
fn is_catch_all(code: CodeRef<'_>) -> bool {
    code.catalogue().fallback().is_some_and(|f| f.same_as(&code))
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
    /// Then the vendor's table order.
    position: usize,
}

impl Registry {
    /// The equivalents of `source` in `target`, best first.
    ///
    /// Only the codes of kinds near the source's kind are looked at (through indexes
    /// built with the data), never every code of the target.
    pub fn translate<'r>(&'r self, source: CodeRef<'r>, target: &'r Catalogue) -> Translation<'r> {
        self.equivalents(source, source.kind(), source.kind_match(), target)
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
        self.equivalents(source, variant.kind(), variant.kind_match(), target)
    }

    fn equivalents<'r>(
        &'r self,
        source: CodeRef<'r>,
        kind: Kind,
        kind_match: KindMatch,
        target: &'r Catalogue,
    ) -> Translation<'r> {
        let mut matches = Vec::new();
        let catch_all = target.fallback();
        let source_is_catch_all = is_catch_all(source);
        for &(near, tree, distance) in neighbours(kind) {
            for &position in target.positions_of(near) {
                let code = CodeRef::at(target, position as usize);
                let relation = if code.same_as(&source) {
                    Some(Relation::Exact)
                } else if source_is_catch_all || catch_all.is_some_and(|f| f.same_as(&code)) {
                    None
                } else {
                    label(tree, distance, kind_match, code.kind_match())
                };
                if let Some(relation) = relation {
                    matches.push(Equivalent { code, relation, distance });
                }
            }
        }
        matches.sort_by_key(|m| Rank {
            relation: m.relation,
            distance: m.distance,
            not_the_source: !m.code.same_as(&source),
            kind_match: m.code.kind_match(),
            position: m.code.index(),
        });
        let fallback = match matches.first() {
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
