//! Detection and extraction: which of the catalogues' body shapes fit a body, and the
//! code and message each takes out of it, borrowed from the body.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::rc::Rc;

use crate::body::Node;
use crate::catalogue::{BodyShape, Catalogue};
use crate::fxhash::FxHashMap;
use crate::registry::{CodeRef, Registry};
use crate::text::sanitize;

/// A code read from a body: borrowed from it, or a number written out in place.
#[derive(Clone)]
pub(crate) enum RawCode<'v> {
    /// Borrowed from the body.
    Text(&'v str),
    /// A number written out once per body and shared by the shapes that read it; the
    /// part of it a shape keeps.
    Number(Rc<str>, Range<usize>),
}

impl RawCode<'_> {
    pub(crate) fn as_str(&self) -> &str {
        match self {
            RawCode::Text(s) => s,
            RawCode::Number(text, range) => text.get(range.clone()).unwrap_or_default(),
        }
    }

    pub(crate) fn to_owned_text(&self) -> Box<str> {
        Box::from(self.as_str())
    }
}

/// The code and message taken out of a body by one shape.
pub(crate) struct Extracted<'r, 'v> {
    pub(crate) catalogue: &'r Catalogue,
    pub(crate) shape: &'r BodyShape,
    pub(crate) code: Option<RawCode<'v>>,
    pub(crate) message: Option<Cow<'v, str>>,
    pub(crate) status: Option<u16>,
    pub(crate) entry: Option<CodeRef<'r>>,
    /// The ranking of the candidate (see `Normalizer::classify`), best highest.
    /// Known code, specificity, a variant recognised, a standard vocabulary, affinity,
    /// a code at all, a documented status that agrees: compared in that order.
    pub(crate) score: (bool, usize, bool, bool, usize, bool, bool),
}

impl Extracted<'_, '_> {
    pub(crate) fn code(&self) -> Option<&str> {
        self.code.as_ref().map(RawCode::as_str)
    }
}

/// The part of `raw` that `shape` keeps as the code.
fn cut<'v>(shape: &BodyShape, raw: RawCode<'v>) -> RawCode<'v> {
    if shape.code_before.is_none() && shape.code_after.is_none() {
        // Nothing to cut, and nothing to trim: text is trimmed when read, and numbers
        // are written without spaces.
        return raw;
    }
    match raw {
        RawCode::Text(s) => RawCode::Text(shape.extract_code(s)),
        RawCode::Number(text, range) => {
            let whole = &text[range.clone()];
            let code = shape.extract_code(whole);
            let start = range.start + (code.as_ptr() as usize - whole.as_ptr() as usize);
            let end = start + code.len();
            RawCode::Number(text, start..end)
        }
    }
}

/// Every body shape of a registry's catalogues, compiled for reading bodies: each JSON
/// Pointer split into its tokens once, the pointers shared between shapes read once per
/// body, and, for an object body, only the shapes that name one of its members tried.
/// Built for a registry on first use.
#[derive(Debug, Clone, Default)]
pub(crate) struct ShapeIndex {
    /// Every shape of every catalogue, in registry order.
    shapes: Vec<Compiled>,
    /// The distinct pointers, as tokens (unescaped); `None` for one that never resolves.
    pointers: Vec<Option<Box<[Box<str>]>>>,
    /// For each first token of a pointer, what an object body's member of that name
    /// may matter to: see [`Member`].
    by_token: FxHashMap<Box<str>, Member>,
    /// Shapes with a pointer to the whole body (`""`), tried for every body.
    always: Vec<u32>,
    /// For each catalogue, where its shapes are in `shapes`.
    ranges: Vec<Range<usize>>,
}

/// What one member name of an object body may matter to.
#[derive(Debug, Clone, Default)]
struct Member {
    /// The shapes (by position in `ShapeIndex::shapes`) with a `present`, code or
    /// message pointer starting at the member. A shape fits only when every `present`
    /// pointer resolves and its code or message pointer does, so only when the first
    /// token of one of those is a member of the body.
    shapes: Vec<u32>,
    /// The pointers starting at the member.
    pointers: Vec<usize>,
}

/// One body shape, its pointers as positions in `ShapeIndex::pointers`.
#[derive(Debug, Clone)]
struct Compiled {
    catalogue: usize,
    shape: usize,
    /// The catalogue whose codes the shape carries, when not its own.
    carries: Option<usize>,
    present: Box<[usize]>,
    code: Option<usize>,
    message: Option<usize>,
    status: Option<usize>,
}

impl ShapeIndex {
    pub(crate) fn new(registry: &Registry) -> ShapeIndex {
        let mut index = ShapeIndex::default();
        let mut ids: FxHashMap<Box<str>, usize> = FxHashMap::default();
        let mut pointer_id = |index: &mut ShapeIndex, pointer: &str| -> usize {
            *ids.entry(Box::from(pointer)).or_insert_with(|| {
                let tokens = match pointer.strip_prefix('/') {
                    _ if pointer.is_empty() => Some(Box::default()),
                    Some(rest) => {
                        Some(rest.split('/').map(|t| Box::from(t.replace("~1", "/").replace("~0", "~"))).collect())
                    }
                    None => None,
                };
                index.pointers.push(tokens);
                index.pointers.len() - 1
            })
        };
        for (c, catalogue) in registry.catalogues().iter().enumerate() {
            let start = index.shapes.len();
            for (s, shape) in catalogue.bodies().iter().enumerate() {
                let id = index.shapes.len() as u32;
                let compiled = Compiled {
                    catalogue: c,
                    shape: s,
                    carries: shape.codes_from().and_then(|other| registry.position(other)),
                    present: shape.present().map(|p| pointer_id(&mut index, p)).collect(),
                    code: shape.code().map(|p| pointer_id(&mut index, p)),
                    message: shape.message().map(|p| pointer_id(&mut index, p)),
                    status: shape.status().map(|p| pointer_id(&mut index, p)),
                };
                let named = compiled.present.iter().chain(&compiled.code).chain(&compiled.message);
                for &pointer in named {
                    match index.pointers[pointer].as_deref() {
                        Some([]) if index.always.last() != Some(&id) => index.always.push(id),
                        Some([]) => {}
                        Some([first, ..]) => {
                            let shapes = &mut index.by_token.entry(first.clone()).or_default().shapes;
                            if shapes.last() != Some(&id) {
                                shapes.push(id);
                            }
                        }
                        None => {}
                    }
                }
                index.shapes.push(compiled);
            }
            index.ranges.push(start..index.shapes.len());
        }
        for pointer in 0..index.pointers.len() {
            if let Some([first, ..]) = index.pointers[pointer].as_deref() {
                index.by_token.entry(first.clone()).or_default().pointers.push(pointer);
            }
        }
        index
    }
}

/// What each pointer found in one body, read at most once, and the numbers found
/// written out at most once. On the stack for the pointers of a registry of up to
/// [`INLINE_POINTERS`] distinct pointers (the thirteen built-in catalogues have 25).
struct Memo<'v, B> {
    found: Found<'v, B>,
    /// Every pointer into the members of an object body has been read: the ones still
    /// unread name no member.
    complete: bool,
    /// The numbers found at pointers, written out once.
    numbers: [Option<(usize, Rc<str>)>; 2],
    /// Pointers whose text has no control characters.
    clean: SmallList,
}

/// A few positions, on the stack.
#[derive(Default)]
struct SmallList {
    items: [usize; 4],
    len: usize,
}

impl SmallList {
    fn contains(&self, item: &usize) -> bool {
        self.items[..self.len].contains(item)
    }

    /// Adds `item` if there is room; a full list only means checking again.
    fn push(&mut self, item: usize) {
        if self.len < self.items.len() {
            self.items[self.len] = item;
            self.len += 1;
        }
    }
}

/// How many pointers [`Memo`] keeps on the stack.
const INLINE_POINTERS: usize = 32;

// The inline array is the point: it saves an allocation per body.
#[allow(clippy::large_enum_variant)]
enum Found<'v, B> {
    Inline([Lookup<'v, B>; INLINE_POINTERS]),
    Heap(Vec<Lookup<'v, B>>),
}

enum Lookup<'v, B> {
    Unread,
    Missing,
    Found(&'v B),
}

impl<B> Clone for Lookup<'_, B> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<B> Copy for Lookup<'_, B> {}

impl<'v, B: Node> Memo<'v, B> {
    fn new(pointers: usize) -> Memo<'v, B> {
        let found = if pointers <= INLINE_POINTERS {
            Found::Inline([Lookup::Unread; INLINE_POINTERS])
        } else {
            Found::Heap(vec![Lookup::Unread; pointers])
        };
        Memo { found, complete: false, numbers: Default::default(), clean: SmallList::default() }
    }

    fn slot(&mut self, pointer: usize) -> &mut Lookup<'v, B> {
        match &mut self.found {
            Found::Inline(slots) => &mut slots[pointer],
            Found::Heap(slots) => &mut slots[pointer],
        }
    }

    /// Reads the pointers into one member of an object body, `tokens` after the first.
    fn read_member(&mut self, index: &ShapeIndex, pointers: &[usize], value: &'v B) {
        for &pointer in pointers {
            let tokens = index.pointers[pointer].as_deref().unwrap_or_default();
            let found = tokens.get(1..).unwrap_or_default().iter().try_fold(value, |node, token| node.child(token));
            // A later member of the same name wins, as in `Value`.
            *self.slot(pointer) = found.map_or(Lookup::Missing, Lookup::Found);
        }
    }

    #[inline]
    fn get(&mut self, index: &ShapeIndex, pointer: usize, body: &'v B) -> Option<&'v B> {
        let complete = self.complete;
        let slot = self.slot(pointer);
        match *slot {
            Lookup::Found(value) => Some(value),
            Lookup::Missing => None,
            Lookup::Unread if complete && index.pointers[pointer].as_deref().is_some_and(|t| !t.is_empty()) => None,
            Lookup::Unread => {
                let value = index.pointers[pointer]
                    .as_deref()
                    .and_then(|tokens| tokens.iter().try_fold(body, |node, token| node.child(token)));
                *slot = value.map_or(Lookup::Missing, Lookup::Found);
                value
            }
        }
    }

    /// The message at a pointer, without control characters; text that has none, the
    /// usual case, is only checked once.
    fn message(&mut self, index: &ShapeIndex, pointer: usize, body: &'v B) -> Option<Cow<'v, str>> {
        let text = self.get(index, pointer, body)?.as_str()?;
        if self.clean.contains(&pointer) {
            return Some(Cow::Borrowed(text));
        }
        let message = sanitize(text);
        if matches!(message, Cow::Borrowed(_)) {
            self.clean.push(pointer);
        }
        Some(message)
    }

    /// The code at a pointer: a string that is not blank (trimmed), or a number as
    /// `serde_json` writes it.
    fn code(&mut self, index: &ShapeIndex, pointer: usize, body: &'v B) -> Option<RawCode<'v>> {
        let value = self.get(index, pointer, body)?;
        if let Some(s) = value.as_str() {
            let code = s.trim();
            return (!code.is_empty()).then_some(RawCode::Text(code));
        }
        let number = value.as_number()?;
        let text = match self.numbers.iter().flatten().find(|(p, _)| *p == pointer) {
            Some((_, text)) => text.clone(),
            None => {
                let text = number_text(number);
                // Remembered in the first free place; a body with more numbered codes
                // than places writes the others out again.
                if let Some(free) = self.numbers.iter_mut().find(|n| n.is_none()) {
                    *free = Some((pointer, text.clone()));
                }
                text
            }
        };
        let range = 0..text.len();
        Some(RawCode::Number(text, range))
    }
}

/// A JSON number as `serde_json` writes it, written on the stack (integers take at
/// most 20 bytes, floats in their shortest round-trip form at most 24) and copied once.
fn number_text(number: &serde_json::Number) -> Rc<str> {
    use fmt::Write as _;
    let mut text = StackText { bytes: [0; 32], len: 0 };
    match write!(text, "{number}") {
        Ok(()) => Rc::from(std::str::from_utf8(&text.bytes[..text.len]).unwrap_or_default()),
        Err(_) => Rc::from(number.to_string()),
    }
}

/// A short text written on the stack.
struct StackText {
    bytes: [u8; 32],
    len: usize,
}

impl fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// What the shapes of a registry's catalogues (or only of catalogue `only`) read from
/// the body: the code and message of every shape that fits, in registry order.
pub(crate) fn candidates<'r, 'v, B: Node>(
    registry: &'r Registry,
    body: &'v B,
    only: Option<usize>,
) -> Vec<Extracted<'r, 'v>> {
    let index = registry.shape_index();
    let mut memo = Memo::new(index.pointers.len());
    // One pass over an object body's members reads every pointer into them and finds
    // the shapes that can fit.
    let mut chosen = ShapeSet::new(index.shapes.len());
    let object = body.for_each_member(|key, value| {
        if let Some(member) = index.by_token.get(key) {
            member.shapes.iter().for_each(|&shape| chosen.insert(shape as usize));
            memo.read_member(index, &member.pointers, value);
        }
    });
    memo.complete = object;
    if object && only.is_none() {
        for &shape in &index.always {
            chosen.insert(shape as usize);
        }
    }
    // Room for every shape that may fit, so the list is allocated once.
    let room = match only {
        Some(at) => index.ranges[at].len(),
        None if object => chosen.len(),
        None => index.shapes.len(),
    };
    let mut found = Vec::with_capacity(room);
    let read = |shape: usize| {
        if let Some(candidate) = extract(registry, index, &index.shapes[shape], body, &mut memo) {
            found.push(candidate);
        }
    };
    match only {
        Some(at) => index.ranges[at].clone().for_each(read),
        None if object => chosen.for_each(read),
        None => (0..index.shapes.len()).for_each(read),
    }
    found
}

fn extract<'r, 'v, B: Node>(
    registry: &'r Registry,
    index: &ShapeIndex,
    compiled: &Compiled,
    body: &'v B,
    memo: &mut Memo<'v, B>,
) -> Option<Extracted<'r, 'v>> {
    if !compiled.present.iter().all(|&p| memo.get(index, p, body).is_some()) {
        return None;
    }
    let catalogues = registry.catalogues();
    let shape = &catalogues[compiled.catalogue].bodies()[compiled.shape];
    // A shape may carry another catalogue's codes (Okta's OAuth endpoints, `oauth2`).
    let catalogue = &catalogues[compiled.carries.unwrap_or(compiled.catalogue)];
    let code = compiled.code.and_then(|p| memo.code(index, p, body)).map(|raw| cut(shape, raw));
    let code = code.filter(|code| !code.as_str().is_empty());
    let message = compiled.message.and_then(|p| memo.message(index, p, body));
    if code.is_none() && message.is_none() {
        return None;
    }
    let status = compiled.status.and_then(|p| memo.get(index, p, body)?.as_u64()).and_then(|s| u16::try_from(s).ok());
    let entry = code.as_ref().and_then(|c| catalogue.get(c.as_str())).map(|e| CodeRef::new(catalogue, e));
    Some(Extracted { catalogue, shape, code, message, status, entry, score: Default::default() })
}

/// A set of shape positions, on the stack for any registry of a sane size.
enum ShapeSet {
    Small([u64; 4]),
    Large(Vec<u64>),
}

impl ShapeSet {
    fn new(size: usize) -> ShapeSet {
        if size <= 256 { ShapeSet::Small([0; 4]) } else { ShapeSet::Large(vec![0; size.div_ceil(64)]) }
    }

    fn insert(&mut self, at: usize) {
        let words = match self {
            ShapeSet::Small(words) => &mut words[..],
            ShapeSet::Large(words) => &mut words[..],
        };
        words[at / 64] |= 1 << (at % 64);
    }

    /// How many members it has.
    fn len(&self) -> usize {
        self.words().iter().map(|w| w.count_ones() as usize).sum()
    }

    fn words(&self) -> &[u64] {
        match self {
            ShapeSet::Small(words) => &words[..],
            ShapeSet::Large(words) => &words[..],
        }
    }

    /// Calls `f` with every member, in increasing order.
    fn for_each(&self, mut f: impl FnMut(usize)) {
        for (i, &word) in self.words().iter().enumerate() {
            let mut word = word;
            while word != 0 {
                f(i * 64 + word.trailing_zeros() as usize);
                word &= word - 1;
            }
        }
    }
}
