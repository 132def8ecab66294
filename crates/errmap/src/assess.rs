//! How sure errmap is of a translation candidate, and on what evidence.
//!
//! [`Registry::translate`] ranks candidates by their relation in the taxonomy; an
//! [`Assessment`] then weighs everything else errmap knows about the pair: whether both
//! codes are the same standard error value, how precisely each code means its kind,
//! how far apart the kinds are, how alike the documented messages read, and whether the
//! vendors document the same HTTP status. It is computed on demand, so translating
//! stays as fast as a table lookup; the CLI asks for it when it prints a candidate.
//!
//! ```
//! let registry = errmap_auth::Registry::builtin();
//! let source = registry.resolve("wilddog:22011")?;
//! let translation = registry.translate(source, registry.catalogue("authing")?);
//! let best = translation.best().expect("Authing has a user-not-found code");
//! let assessment = errmap_auth::assess(source, best);
//! assert!(assessment.confidence >= 0.9);
//! assert!(assessment.evidence.iter().any(|e| e.to_string() == "kind exact on both sides"));
//! # Ok::<(), errmap_auth::Error>(())
//! ```

use std::fmt;

use crate::catalogue::{CodeRef, KindMatch};
use crate::messages::{Locale, Messages};
use crate::registry::Registry;
use crate::text::{fold, similarity};
use crate::translate::{Equivalent, Relation};

/// Below this confidence a candidate is shown as weak.
pub const WEAK_BELOW: f64 = 0.5;

/// Messages at least this alike count for a candidate.
const SIMILAR: f64 = 0.6;

/// Messages at most this alike count against an inexact candidate.
const UNLIKE: f64 = 0.15;

/// How sure errmap is of one candidate, from 0 to 1, and the evidence it weighed.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Assessment {
    /// From 0 (a guess) to 1 (the same code); below [`WEAK_BELOW`] the candidate is
    /// weak.
    pub confidence: f64,
    /// What was weighed, strongest first.
    pub evidence: Vec<Evidence>,
}

impl Assessment {
    /// Whether the candidate is too weak to put in a migration plan unchecked.
    pub fn is_weak(&self) -> bool {
        self.confidence < WEAK_BELOW
    }
}

/// One piece of evidence about a candidate. `Display` gives the short sentence the CLI
/// prints and JSON carries.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Evidence {
    /// The candidate is the source code itself.
    SameCode,
    /// Both codes are the same standard error value (RFC 6749, 6750, 8628, 9470 or
    /// OpenID Connect), which the vendors pass through as it is.
    StandardValue {
        /// The value, such as `invalid_grant`.
        value: String,
    },
    /// Both codes mean the same kind exactly.
    KindExactBothSides,
    /// Both codes map to the same kind, at least one of them only closely or as one
    /// specific case.
    SameKind,
    /// The target's kind is this many steps above the source's.
    TargetKindBroader {
        /// Steps up the taxonomy.
        steps: u8,
    },
    /// The target's kind is this many steps below the source's.
    TargetKindNarrower {
        /// Steps down the taxonomy.
        steps: u8,
    },
    /// The source means its kind only closely, or is one specific case of it.
    SourceMatch(KindMatch),
    /// The target means its kind only closely, or is one specific case of it.
    TargetMatch(KindMatch),
    /// How alike the two codes' documented messages read (bigram Dice, 0 to 1).
    MessagesSimilar(f64),
    /// The documented messages share almost nothing.
    MessagesUnlike(f64),
    /// Both vendors document this HTTP status.
    SameHttpStatus(u16),
    /// The vendors document different HTTP statuses.
    DifferentHttpStatus {
        /// The source's documented status.
        source: u16,
        /// The target's documented status.
        target: u16,
    },
}

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Evidence::SameCode => f.write_str("the same code"),
            Evidence::StandardValue { value } => write!(f, "same standard error value {value}"),
            Evidence::KindExactBothSides => f.write_str("kind exact on both sides"),
            Evidence::SameKind => f.write_str("same kind"),
            Evidence::TargetKindBroader { steps } => write!(f, "target kind {steps} step(s) broader"),
            Evidence::TargetKindNarrower { steps } => write!(f, "target kind {steps} step(s) narrower"),
            Evidence::SourceMatch(m) => write!(f, "source means its kind {}", match_words(*m)),
            Evidence::TargetMatch(m) => write!(f, "target means its kind {}", match_words(*m)),
            Evidence::MessagesSimilar(s) => write!(f, "messages similar {s:.2}"),
            Evidence::MessagesUnlike(s) => write!(f, "messages unlike {s:.2}"),
            Evidence::SameHttpStatus(s) => write!(f, "same HTTP status {s}"),
            Evidence::DifferentHttpStatus { source, target } => write!(f, "HTTP status {source} vs {target}"),
        }
    }
}

fn match_words(m: KindMatch) -> &'static str {
    match m {
        KindMatch::Exact => "exactly",
        KindMatch::Close => "closely, with a caveat",
        KindMatch::Narrower => "as one specific case",
    }
}

/// How sure errmap is that `candidate` is the equivalent of `source`, and why.
///
/// The confidence starts from the relation (exact 0.9, close 0.7, broader or
/// narrower 0.55, related 0.35), then: the same standard error value raises an exact
/// match to 0.98; each side that means its kind only closely takes 0.05 off; each
/// step between the kinds beyond the first takes 0.1 off; messages at least 0.6
/// alike add 0.1 and messages at most 0.15 alike take 0.1 off an inexact candidate;
/// the same documented HTTP status adds 0.05 and a different one takes 0.05 off. The
/// result is clamped to 0.05–1 and rounded to two decimals. The same code is 1.
pub fn assess(source: CodeRef<'_>, candidate: &Equivalent<'_>) -> Assessment {
    let target = candidate.code;
    if source.same_as(&target) {
        return Assessment { confidence: 1.0, evidence: vec![Evidence::SameCode] };
    }
    let mut evidence = Vec::new();
    let mut confidence = match candidate.relation {
        Relation::Exact => 0.9,
        Relation::Close => 0.7,
        Relation::Broader | Relation::Narrower => 0.55,
        Relation::Related => 0.35,
    };
    if let Some(value) = standard_value(source, target) {
        if candidate.relation == Relation::Exact {
            confidence = 0.98;
        } else {
            confidence += 0.1;
        }
        evidence.push(Evidence::StandardValue { value: value.to_string() });
    }
    let (source_match, target_match) = (source.kind_match(), target.kind_match());
    if source.kind() == target.kind() {
        if source_match == KindMatch::Exact && target_match == KindMatch::Exact {
            evidence.push(Evidence::KindExactBothSides);
        } else {
            evidence.push(Evidence::SameKind);
        }
    } else if candidate.relation == Relation::Broader {
        evidence.push(Evidence::TargetKindBroader { steps: candidate.distance });
    } else if candidate.relation == Relation::Narrower {
        evidence.push(Evidence::TargetKindNarrower { steps: candidate.distance });
    }
    if source_match != KindMatch::Exact {
        evidence.push(Evidence::SourceMatch(source_match));
    }
    if target_match != KindMatch::Exact {
        evidence.push(Evidence::TargetMatch(target_match));
    }
    let close_sides = [source_match, target_match].iter().filter(|&&m| m == KindMatch::Close).count();
    confidence -= 0.05 * close_sides as f64;
    confidence -= 0.1 * f64::from(candidate.distance.saturating_sub(1));
    let s = message_similarity(source, target);
    if s >= SIMILAR {
        confidence += 0.1;
        evidence.push(Evidence::MessagesSimilar(round(s)));
    } else if s <= UNLIKE && candidate.relation != Relation::Exact {
        confidence -= 0.1;
        evidence.push(Evidence::MessagesUnlike(round(s)));
    }
    match (source.http_status(), target.http_status()) {
        (Some(a), Some(b)) if a == b => {
            confidence += 0.05;
            evidence.push(Evidence::SameHttpStatus(a));
        }
        (Some(a), Some(b)) => {
            confidence -= 0.05;
            evidence.push(Evidence::DifferentHttpStatus { source: a, target: b });
        }
        _ => {}
    }
    Assessment { confidence: round(confidence.clamp(0.05, 1.0)), evidence }
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The standard error value both codes are, if they are one: the same code text in
/// two catalogues, defined by the built-in `oauth2` or `oidc` catalogue.
fn standard_value<'r>(source: CodeRef<'r>, target: CodeRef<'_>) -> Option<&'r str> {
    let value = source.code();
    if value != target.code() {
        return None;
    }
    let builtin = Registry::builtin();
    ["oauth2", "oidc"]
        .into_iter()
        .filter_map(|id| builtin.catalogue(id).ok())
        .any(|standard| standard.get(value).is_some_and(|c| c.code() == value))
        .then_some(value)
}

/// How alike the two codes' documented messages are: the vendors' own texts when both
/// write the same language, else the English ones (the vendor's, or ours for a vendor
/// that writes another language).
fn message_similarity(source: CodeRef<'_>, target: CodeRef<'_>) -> f64 {
    if let (Some(a), Some(b)) = (source.message(), target.message()) {
        if source.language() == target.language() {
            return similarity(&fold(a), &fold(b));
        }
    }
    let messages = Messages::get();
    let english = |code: CodeRef<'_>| match code.message() {
        Some(m) if code.language().starts_with("en") => m.to_string(),
        _ => messages.code_message(code, Locale::En).text,
    };
    similarity(&fold(&english(source)), &fold(&english(target)))
}
