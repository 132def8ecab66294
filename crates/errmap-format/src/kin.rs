//! How two kinds of the taxonomy sit relative to each other. Shared with `build.rs`,
//! which tabulates every kind's neighbours into the binary, so translation never
//! works the tree out at run time; [`crate::relate`] uses it directly.

/// How kind `b` sits relative to kind `a` in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tree {
    /// The same kind.
    Same,
    /// `b` is an ancestor of `a`.
    TargetBroader,
    /// `b` is a descendant of `a`.
    TargetNarrower,
    /// Near kin: siblings, uncles, cousins close enough to be related.
    Kin,
}

impl Tree {
    /// The variant's name, for generated code.
    #[allow(dead_code)]
    pub fn name(self) -> &'static str {
        match self {
            Tree::Same => "Same",
            Tree::TargetBroader => "TargetBroader",
            Tree::TargetNarrower => "TargetNarrower",
            Tree::Kin => "Kin",
        }
    }
}

/// How kind `b` sits relative to kind `a`, and how many steps apart they are, given
/// each kind's parent (by index). `None` when they are too far apart to relate.
pub fn tree_relation(parent: &dyn Fn(usize) -> Option<usize>, a: usize, b: usize) -> Option<(Tree, u8)> {
    if a == b {
        return Some((Tree::Same, 0));
    }
    // The nearest common ancestor: the first of `a` and its ancestors that is `b` or
    // one of its ancestors.
    let mut up_a = Some(a);
    let mut ia = 0usize;
    while let Some(ka) = up_a {
        let mut up_b = Some(b);
        let mut ib = 0usize;
        while let Some(kb) = up_b {
            if kb == ka {
                let distance = u8::try_from(ia + ib).unwrap_or(u8::MAX);
                return if ka == b {
                    Some((Tree::TargetBroader, distance))
                } else if ka == a {
                    Some((Tree::TargetNarrower, distance))
                } else if distance <= 3 && (parent(ka).is_some() || distance == 2) {
                    Some((Tree::Kin, distance))
                } else {
                    None
                };
            }
            up_b = parent(kb);
            ib += 1;
        }
        up_a = parent(ka);
        ia += 1;
    }
    None
}
