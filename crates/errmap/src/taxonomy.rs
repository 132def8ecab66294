//! The canonical taxonomy: a tree of error kinds every vendor code maps onto.
//!
//! A [`Kind`] is a small copyable handle, like `http::StatusCode`: the built-in kinds
//! are typed constants (`Kind::USER_NOT_FOUND`) generated from `mappings/taxonomy.toml`,
//! so a constant, its id and its metadata cannot drift apart.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::fxhash;
use crate::kin::Tree;

/// A canonical error kind, such as `user_not_found` or `mfa_required`.
///
/// ```
/// use errmap_auth::Kind;
///
/// let kind = Kind::from_id("user_not_found").unwrap();
/// assert_eq!(kind, Kind::USER_NOT_FOUND);
/// assert_eq!(kind.parent(), Some(Kind::INVALID_CREDENTIALS));
/// // Shown to end users as the merged case, so accounts cannot be enumerated.
/// assert_eq!(kind.public_kind(), Kind::INVALID_CREDENTIALS);
/// ```
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Kind(pub(crate) u16);

/// The metadata of one kind, as written in `taxonomy.toml`.
#[derive(Debug)]
pub(crate) struct KindData {
    pub id: &'static str,
    pub parent: Option<Kind>,
    pub category: Category,
    pub http_status: u16,
    pub retryable: bool,
    pub actor: Actor,
    pub exposure: Exposure,
    pub public: Kind,
    pub description: &'static str,
}

impl Kind {
    fn data(self) -> &'static KindData {
        &KINDS[usize::from(self.0)]
    }

    /// Every kind, in taxonomy order (each root followed by its descendants).
    pub fn all() -> impl ExactSizeIterator<Item = Kind> + Clone {
        (0..KINDS.len()).map(|i| Kind(i as u16))
    }

    /// The position of the kind in [`Kind::all`], for tables indexed by kind.
    pub fn index(self) -> u16 {
        self.0
    }

    /// The kind with this id, if there is one. Ids are exact snake_case.
    pub fn from_id(id: &str) -> Option<Kind> {
        fxhash::find(&KINDS_TABLE, id, |i| KINDS[i].id).map(|i| Kind(i as u16))
    }

    /// The stable snake_case id, e.g. `"user_not_found"`.
    pub fn id(self) -> &'static str {
        self.data().id
    }

    /// The broader kind this one belongs to; `None` for a root.
    pub fn parent(self) -> Option<Kind> {
        self.data().parent
    }

    /// The kinds directly below this one.
    pub fn children(self) -> impl Iterator<Item = Kind> {
        Kind::all().filter(move |k| k.parent() == Some(self))
    }

    /// This kind's ancestors, nearest first, ending with its root.
    pub fn ancestors(self) -> impl Iterator<Item = Kind> {
        std::iter::successors(self.parent(), |k| k.parent())
    }

    /// The path from the root down to this kind, both included.
    pub fn path(self) -> Vec<Kind> {
        let mut path: Vec<Kind> = self.ancestors().collect();
        path.reverse();
        path.push(self);
        path
    }

    /// How many ancestors this kind has (0 for a root).
    pub fn depth(self) -> usize {
        self.ancestors().count()
    }

    /// The root of this kind's tree.
    pub fn root(self) -> Kind {
        self.ancestors().last().unwrap_or(self)
    }

    /// Whether `self` is a strict ancestor of `other`.
    pub fn is_ancestor_of(self, other: Kind) -> bool {
        other.ancestors().any(|k| k == self)
    }

    /// The broad area of the kind, e.g. authentication or rate limiting.
    pub fn category(self) -> Category {
        self.data().category
    }

    /// The HTTP status a gateway should answer with when it has nothing more specific.
    pub fn http_status(self) -> u16 {
        self.data().http_status
    }

    /// Whether the same request can succeed later without anyone changing anything.
    pub fn retryable(self) -> bool {
        self.data().retryable
    }

    /// Who can act on this error.
    pub fn actor(self) -> Actor {
        self.data().actor
    }

    /// How much showing this kind reveals about accounts.
    pub fn exposure(self) -> Exposure {
        self.data().exposure
    }

    /// The kind to show an end user when this one is hidden by its [`Exposure`];
    /// the kind itself when it is public.
    pub fn public_kind(self) -> Kind {
        self.data().public
    }

    /// What the kind means, in English, for people reading the data.
    pub fn description(self) -> &'static str {
        self.data().description
    }
}

impl fmt::Debug for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Kind({})", self.id())
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The snake_case name used in data files and JSON output.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

/// Shared with `search`, whose match descriptions are the same kind of enum.
pub(crate) use string_enum;

string_enum! {
    /// The broad area a kind belongs to.
    Category {
        /// Signing in with credentials.
        Authentication => "authentication",
        /// The state of an account (locked, disabled, unverified).
        Account => "account",
        /// Tokens and sessions.
        Session => "session",
        /// Codes, CAPTCHAs, links and second factors.
        Verification => "verification",
        /// Steps of a sign-in flow that are not failures.
        Flow => "flow",
        /// Permissions and enabled features.
        Authorization => "authorization",
        /// Malformed requests and invalid parameters.
        Request => "request",
        /// Objects that do not exist.
        NotFound => "not_found",
        /// Objects that already exist or are in use.
        Conflict => "conflict",
        /// Too many requests.
        RateLimit => "rate_limit",
        /// Plans, quotas and balances.
        Billing => "billing",
        /// Misconfiguration at the vendor.
        Configuration => "configuration",
        /// Failures of services the vendor depends on, and of the network.
        Upstream => "upstream",
        /// The vendor's own failures.
        Server => "server",
        /// Errors nobody explains.
        Unknown => "unknown",
    }
}

string_enum! {
    /// Who can act on an error.
    Actor {
        /// The person signing in.
        EndUser => "end_user",
        /// The developer calling the vendor's API.
        Integrator => "integrator",
        /// The administrator of the application or tenant.
        Administrator => "administrator",
        /// Whoever runs the service.
        Operator => "operator",
    }
}

string_enum! {
    /// How much a kind reveals about accounts when shown to an end user.
    Exposure {
        /// Safe to show anyone.
        Public => "public",
        /// Reveals an account's state (locked, disabled).
        AccountStatus => "account_status",
        /// Reveals whether an account or identifier exists.
        Enumeration => "enumeration",
    }
}

/// Whether any kind is below `kind` in the tree.
pub(crate) fn has_narrower_kinds(kind: Kind) -> bool {
    NEIGHBOURS[usize::from(kind.0)].iter().any(|&(_, tree, _)| tree == Tree::TargetNarrower)
}

// KINDS, KINDS_TABLE, NEIGHBOURS and the `Kind` constants, generated from
// mappings/taxonomy.toml.
include!(concat!(env!("OUT_DIR"), "/kinds.rs"));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source;

    #[test]
    fn enums_agree_with_the_data_format() {
        fn same<T: Copy>(all: &[T], name: impl Fn(T) -> &'static str, table: &[(&str, &str)]) {
            let ours: Vec<&str> = all.iter().map(|v| name(*v)).collect();
            let theirs: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
            assert_eq!(ours, theirs);
        }
        same(Category::ALL, Category::as_str, source::CATEGORIES);
        same(Actor::ALL, Actor::as_str, source::ACTORS);
        same(Exposure::ALL, Exposure::as_str, source::EXPOSURES);
    }

    #[test]
    fn ids_round_trip() {
        for kind in Kind::all() {
            assert_eq!(Kind::from_id(kind.id()), Some(kind));
        }
        assert_eq!(Kind::from_id("no_such_kind"), None);
    }
}
