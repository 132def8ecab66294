//! Detection and extraction: which of the catalogues' body shapes fit a body, and the
//! code and message each takes out of it, borrowed from the body.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::fmt;
use std::ops::Range;
use std::rc::Rc;

use crate::body::Node;
use crate::catalogue::{BodyShape, Catalogue, CodeRef, Variant};
use crate::fxhash::{self, FxHashMap};
use crate::registry::{Registry, Slot};
use crate::text::sanitize;

/// A code read from a body: borrowed from it, or a number written out in place.
#[derive(Clone)]
pub(crate) enum RawCode<'v> {
    /// Borrowed from the body.
    Text(&'v str),
    /// A number written out on the stack, and the part of it a shape keeps.
    Number(StackText),
    /// A number too long for that (only `serde_json`'s `arbitrary_precision` writes
    /// such), written out once per body; the part of it a shape keeps.
    LongNumber(Rc<str>, Range<usize>),
}

impl RawCode<'_> {
    pub(crate) fn as_str(&self) -> &str {
        match self {
            RawCode::Text(s) => s,
            RawCode::Number(text) => text.as_str(),
            RawCode::LongNumber(text, range) => text.get(range.clone()).unwrap_or_default(),
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
    /// Where the shape comes in registry order (catalogues in order, each one's shapes
    /// in file order): of candidates that rank alike, the first in that order wins.
    pub(crate) position: u32,
    pub(crate) code: Option<RawCode<'v>>,
    pub(crate) message: Option<Cow<'v, str>>,
    pub(crate) entry: Option<CodeRef<'r>>,
    /// The condition of the code the body's other fields tell apart, worked out for
    /// the ranking and kept for the error.
    pub(crate) variant: Option<&'r Variant>,
    /// How many catalogues define the code.
    pub(crate) holders: usize,
    /// The ranking of the candidate (see `Normalizer::classify`), best highest.
    pub(crate) score: Score,
}

/// How strongly a body's evidence points at one candidate reading of it. Compared
/// field by field in this order, so each field outweighs all that follow. A vendor the
/// caller names is no field: its catalogue's readings (and those of the standard
/// catalogues its shapes carry) are then the only candidates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Score {
    /// The code is one the candidate's catalogue defines.
    pub(crate) known_code: bool,
    /// How many fields the shape requires; 0 for a shape many services share.
    pub(crate) shape_specificity: usize,
    /// One of the code's variants recognises the body's other fields.
    pub(crate) variant: bool,
    /// The body's message is the code's documented message or one seen from the
    /// vendor's servers.
    pub(crate) message_agrees: bool,
    /// How few catalogues define the code: a code only one catalogue defines names it
    /// more surely than one that many share. Counted only when the candidate's own
    /// catalogue defines it: that others do says nothing for this one.
    pub(crate) rarity: Reverse<usize>,
    /// The catalogue is a standard vocabulary (OAuth's `invalid_grant`), preferred to
    /// any one vendor when nothing else tells them apart.
    pub(crate) standard: bool,
    /// How much an unknown code looks like the catalogue's own (`code_affinity`).
    pub(crate) affinity: usize,
    /// The shape found a code at all.
    pub(crate) has_code: bool,
    /// The code's documented HTTP status is the response's.
    pub(crate) status_agrees: bool,
}

impl Score {
    /// The first evidence, in ranking order, by which this score outranks `other`, in
    /// words for the `detection` sentence; `None` when they rank alike (registry order
    /// decides).
    pub(crate) fn decider(&self, other: &Score) -> Option<&'static str> {
        Some(if self.known_code != other.known_code {
            "its table defines the code"
        } else if self.shape_specificity != other.shape_specificity {
            "its shape names more fields"
        } else if self.variant != other.variant {
            "its variants recognise the other fields"
        } else if self.message_agrees != other.message_agrees {
            "the message is one of its texts for the code"
        } else if self.rarity != other.rarity {
            "fewer catalogues define the code"
        } else if self.standard != other.standard {
            "it is the standard vocabulary"
        } else if self.affinity != other.affinity {
            "the code looks like its own"
        } else if self.has_code != other.has_code {
            "its shape finds a code"
        } else if self.status_agrees != other.status_agrees {
            "the HTTP status is the code's"
        } else {
            return None;
        })
    }
}

impl Extracted<'_, '_> {
    pub(crate) fn code(&self) -> Option<&str> {
        self.code.as_ref().map(RawCode::as_str)
    }
}

/// What the shapes that fit a body read from it: see [`candidates`].
pub(crate) struct Candidates<'r, 'v> {
    /// One reading per shape that fits, in no set order (ranking sorts them, ties by
    /// [`Extracted::position`]). When some shape's catalogue knows the code, only the
    /// readings whose catalogue knows it: the others rank below them and decide nothing.
    pub(crate) list: Vec<Extracted<'r, 'v>>,
    /// The HTTP status repeated in the body, as read by the first shape in registry
    /// order that fits and reads one.
    pub(crate) status: Option<u16>,
}

/// Every body shape of a registry's catalogues, compiled for reading bodies: each JSON
/// Pointer split into its tokens once, the pointers shared between shapes read once per
/// body, shapes that read the same fields read together, and, for an object body, only
/// the shapes that name one of its members tried. Built for a registry on first use.
#[derive(Debug, Clone, Default)]
pub(crate) struct ShapeIndex {
    /// Every shape of every catalogue, a group's together (see [`Group`]): groups in
    /// the order their first shape comes in the registry, each in registry order.
    shapes: Vec<Compiled>,
    /// What the shapes read, once for each way of reading a body.
    groups: Vec<Group>,
    /// The distinct pointers, as tokens (unescaped); `None` for one that never resolves.
    pointers: Vec<Option<Box<[Box<str>]>>>,
    /// For each first token of a pointer, what an object body's member of that name
    /// may matter to: see [`Member`].
    by_token: FxHashMap<Box<str>, Member>,
    /// Shapes with a pointer to the whole body (`""`), tried for every body.
    always: Vec<u32>,
    /// The pointers to the whole body (`""`) as a set of bits, which every body has.
    whole: u64,
    /// For each catalogue, where its shapes are in `shapes`, in increasing order.
    by_catalogue: Vec<Box<[u32]>>,
    /// Every code of every catalogue, by its text.
    codes: CodeTable,
}

/// What one member name of an object body may matter to.
#[derive(Debug, Clone)]
struct Member {
    /// The shapes (by position in `ShapeIndex::shapes`) with a `present`, code or
    /// message pointer starting at the member. A shape fits only when every `present`
    /// pointer resolves and its code or message pointer does, so only when the first
    /// token of one of those is a member of the body.
    shapes: ShapeSet,
    /// The pointers starting at the member.
    pointers: Vec<usize>,
}

/// One body shape, its pointers as positions in `ShapeIndex::pointers`.
#[derive(Debug, Clone)]
struct Compiled {
    catalogue: usize,
    shape: usize,
    /// Where the shape comes in registry order.
    position: u32,
    /// The catalogue whose codes the shape carries, when not its own.
    carries: Option<usize>,
    present: Box<[usize]>,
    /// The `present` pointers as a set of bits, when the registry has no more than
    /// [`POINTER_BITS`] pointers.
    present_bits: Option<u64>,
    /// What the shape reads, as a position in `ShapeIndex::groups`.
    group: usize,
}

/// The shapes that read the same code, message and status pointers and cut the code
/// alike (OAuth's `error` and `error_description` in six catalogues, `code` and
/// `message` in five): they read the same code and message out of any body, which is
/// read once for all of them; they differ only in the fields they require and the
/// catalogue the code is looked up in.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Group {
    code: Option<usize>,
    message: Option<usize>,
    status: Option<usize>,
    /// What the code is cut before and after, as in [`BodyShape::extract_code`].
    code_before: Option<Box<str>>,
    code_after: Option<Box<str>>,
}

impl Group {
    /// The part of `raw` that the group's shapes keep as the code.
    fn cut<'v>(&self, raw: RawCode<'v>) -> RawCode<'v> {
        if self.code_before.is_none() && self.code_after.is_none() {
            // Nothing to cut, and nothing to trim: text is trimmed when read, and numbers
            // are written without spaces.
            return raw;
        }
        match raw {
            RawCode::Text(s) => RawCode::Text(self.cut_text(s)),
            RawCode::Number(mut text) => {
                let whole = text.as_str();
                let code = self.cut_text(whole);
                let start = text.start + (code.as_ptr() as usize - whole.as_ptr() as usize);
                text.keep(start..start + code.len());
                RawCode::Number(text)
            }
            RawCode::LongNumber(text, range) => {
                let whole = &text[range.clone()];
                let code = self.cut_text(whole);
                let start = range.start + (code.as_ptr() as usize - whole.as_ptr() as usize);
                let end = start + code.len();
                RawCode::LongNumber(text, start..end)
            }
        }
    }

    /// `text` cut as [`BodyShape::extract_code`] cuts it.
    fn cut_text<'a>(&self, text: &'a str) -> &'a str {
        crate::text::cut_code(text, self.code_after.as_deref(), self.code_before.as_deref())
    }
}

/// The registry's shape index, built on first use.
pub(crate) fn shape_index(registry: &Registry) -> &ShapeIndex {
    registry.lazy(Slot::Shapes, ShapeIndex::new)
}

impl ShapeIndex {
    pub(crate) fn new(registry: &Registry) -> ShapeIndex {
        let mut index = ShapeIndex { codes: CodeTable::new(registry), ..ShapeIndex::default() };
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
        let mut group_ids: FxHashMap<Group, usize> = FxHashMap::default();
        // Each shape with the pointers a body must have a member for it to fit.
        let mut compiled: Vec<(Compiled, Vec<usize>)> = Vec::new();
        for (c, catalogue) in registry.catalogues().iter().enumerate() {
            for (s, shape) in catalogue.bodies().iter().enumerate() {
                let present: Box<[usize]> = shape.present().map(|p| pointer_id(&mut index, p)).collect();
                let code = shape.code().map(|p| pointer_id(&mut index, p));
                let message = shape.message().map(|p| pointer_id(&mut index, p));
                let status = shape.status().map(|p| pointer_id(&mut index, p));
                let group = Group {
                    code,
                    message,
                    status,
                    code_before: shape.code_before.as_deref().map(Box::from),
                    code_after: shape.code_after.as_deref().map(Box::from),
                };
                let group = *group_ids.entry(group).or_insert_with_key(|group| {
                    index.groups.push(group.clone());
                    index.groups.len() - 1
                });
                let named = present.iter().chain(&code).chain(&message).copied().collect();
                let shape = Compiled {
                    catalogue: c,
                    shape: s,
                    position: compiled.len() as u32,
                    carries: shape.codes_from().and_then(|other| registry.position(other)),
                    present,
                    present_bits: None,
                    group,
                };
                compiled.push((shape, named));
            }
        }
        // A group's shapes together, so that a body is read once per group. Stable:
        // registry order within a group.
        compiled.sort_by_key(|(shape, _)| shape.group);
        let mut by_catalogue: Vec<Vec<u32>> = vec![Vec::new(); registry.catalogues().len()];
        let bits = index.pointers.len() <= POINTER_BITS;
        let count = compiled.len();
        let member = || Member { shapes: ShapeSet::new(count), pointers: Vec::new() };
        for (id, (mut shape, named)) in compiled.into_iter().enumerate() {
            for pointer in named {
                match index.pointers[pointer].as_deref() {
                    Some([]) if index.always.last() != Some(&(id as u32)) => index.always.push(id as u32),
                    Some([]) => {}
                    Some([first, ..]) => index.by_token.entry(first.clone()).or_insert_with(member).shapes.insert(id),
                    None => {}
                }
            }
            if bits {
                shape.present_bits = Some(shape.present.iter().fold(0, |set, &pointer| set | 1 << pointer));
            }
            by_catalogue[shape.catalogue].push(id as u32);
            index.shapes.push(shape);
        }
        index.by_catalogue = by_catalogue.into_iter().map(Vec::into_boxed_slice).collect();
        for pointer in 0..index.pointers.len() {
            match index.pointers[pointer].as_deref() {
                Some([]) if bits => index.whole |= 1 << pointer,
                Some([first, ..]) => index.by_token.entry(first.clone()).or_insert_with(member).pointers.push(pointer),
                _ => {}
            }
        }
        index
    }
}

/// Every code of a registry's catalogues by its text, so that a body's code is hashed
/// and compared once for all the catalogues whose shapes read it.
#[derive(Debug, Clone, Default)]
struct CodeTable {
    /// An open-addressing table (see `fxhash::table`) of the distinct code texts, by
    /// their position in `starts`.
    slots: Vec<u32>,
    /// Where the holders of each distinct text begin in `holders`, and one more: where
    /// the last one's end.
    starts: Vec<u32>,
    /// For each distinct text, in registry order, the catalogues in which
    /// [`Catalogue::get`] finds it, with the code it finds.
    holders: Vec<Holder>,
}

/// A catalogue that knows a code, and the code in it (positions in the registry and in
/// [`Catalogue::codes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Holder {
    catalogue: u32,
    code: u32,
}

impl CodeTable {
    fn new(registry: &Registry) -> CodeTable {
        let count = registry.catalogues().iter().map(|c| c.codes().len()).sum();
        let mut ids: FxHashMap<&str, u32> = FxHashMap::with_capacity_and_hasher(count, Default::default());
        let mut texts: Vec<&str> = Vec::with_capacity(count);
        // Every holder, with the position of its text in `texts`.
        let mut held: Vec<(u32, Holder)> = Vec::with_capacity(count);
        for (c, catalogue) in registry.catalogues().iter().enumerate() {
            for (i, code) in catalogue.codes().iter().enumerate() {
                // A text written twice in one catalogue is held by the code `get` finds.
                if catalogue.position(code.code()) != Some(i) {
                    continue;
                }
                let id = *ids.entry(code.code()).or_insert_with(|| {
                    texts.push(code.code());
                    texts.len() as u32 - 1
                });
                held.push((id, Holder { catalogue: c as u32, code: i as u32 }));
            }
        }
        // The holders of each text together, in registry order: a counting sort.
        let mut starts = vec![0; texts.len() + 1];
        for &(id, _) in &held {
            starts[id as usize + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut next = starts.clone();
        let mut holders = vec![Holder { catalogue: 0, code: 0 }; held.len()];
        for (id, holder) in held {
            let at = &mut next[id as usize];
            holders[*at as usize] = holder;
            *at += 1;
        }
        CodeTable { slots: fxhash::table(&texts), starts, holders }
    }

    /// The catalogues of `registry` (the one the table was built for) that know `code`,
    /// in registry order, with the code in each.
    fn holders<'t>(&'t self, registry: &Registry, code: &str) -> &'t [Holder] {
        let text_of = |k: usize| {
            let first = self.holders[self.starts[k] as usize];
            registry.catalogues()[first.catalogue as usize].codes()[first.code as usize].code()
        };
        match fxhash::find(&self.slots, code, text_of) {
            Some(k) => &self.holders[self.starts[k] as usize..self.starts[k + 1] as usize],
            None => &[],
        }
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
    /// The pointers found, as a set of bits (the first [`POINTER_BITS`] pointers); once
    /// `complete`, every pointer that resolves.
    found_bits: u64,
    /// The numbers found at pointers, written out once.
    numbers: [Option<(usize, RawCode<'v>)>; 2],
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

/// How many pointers a registry may have for shapes to check their `present` pointers
/// as sets of bits.
const POINTER_BITS: usize = 64;

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
    fn new(index: &ShapeIndex) -> Memo<'v, B> {
        let pointers = index.pointers.len();
        let found = if pointers <= INLINE_POINTERS {
            Found::Inline([Lookup::Unread; INLINE_POINTERS])
        } else {
            Found::Heap(vec![Lookup::Unread; pointers])
        };
        Memo {
            found,
            complete: false,
            found_bits: index.whole,
            numbers: Default::default(),
            clean: SmallList::default(),
        }
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
            let found = value.walk(tokens.get(1..).unwrap_or_default());
            // A later member of the same name wins, as in `Value`.
            *self.slot(pointer) = found.map_or(Lookup::Missing, Lookup::Found);
            if pointer < POINTER_BITS {
                let bit = 1 << pointer;
                self.found_bits = if found.is_some() { self.found_bits | bit } else { self.found_bits & !bit };
            }
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
                let value = index.pointers[pointer].as_deref().and_then(|tokens| body.walk(tokens));
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
        if let Some((_, code)) = self.numbers.iter().flatten().find(|(p, _)| *p == pointer) {
            return Some(code.clone());
        }
        let code = number_text(number);
        // Remembered in the first free place; a body with more numbered codes than
        // places writes the others out again.
        if let Some(free) = self.numbers.iter_mut().find(|n| n.is_none()) {
            *free = Some((pointer, code.clone()));
        }
        Some(code)
    }
}

/// A JSON number as `serde_json` writes it: on the stack, where integers (at most 20
/// bytes) and floats in their shortest round-trip form (at most 24) fit.
fn number_text(number: &serde_json::Number) -> RawCode<'static> {
    use fmt::Write as _;
    let mut text = StackText { bytes: [0; 32], start: 0, end: 0 };
    match write!(text, "{number}") {
        Ok(()) => RawCode::Number(text),
        Err(_) => {
            let text: Rc<str> = Rc::from(number.to_string());
            let range = 0..text.len();
            RawCode::LongNumber(text, range)
        }
    }
}

/// A short text written on the stack, and the part of it kept.
#[derive(Clone, Copy)]
pub(crate) struct StackText {
    bytes: [u8; 32],
    start: usize,
    end: usize,
}

impl StackText {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[self.start..self.end]).unwrap_or_default()
    }

    /// Keeps only `range` of what is kept, on character boundaries.
    fn keep(&mut self, range: Range<usize>) {
        (self.start, self.end) = (range.start, range.end);
    }
}

impl fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.end + s.len();
        self.bytes.get_mut(self.end..end).ok_or(fmt::Error)?.copy_from_slice(s.as_bytes());
        self.end = end;
        Ok(())
    }
}

/// What the shapes of a registry's catalogues (or only of catalogue `only`) read from
/// the body: the code and message of every shape that fits, each code looked up in the
/// shape's catalogue, or in catalogue `codes_of` when given.
pub(crate) fn candidates<'r, 'v, B: Node>(
    registry: &'r Registry,
    body: &'v B,
    only: Option<usize>,
    codes_of: Option<usize>,
) -> Candidates<'r, 'v> {
    let index = shape_index(registry);
    let mut memo = Memo::new(index);
    // One pass over an object body's members reads every pointer into them and finds
    // the shapes that can fit.
    let mut chosen = ShapeSet::new(index.shapes.len());
    let object = body.for_each_member(|key, value| {
        if let Some(member) = index.by_token.get(key) {
            chosen.union(&member.shapes);
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
        Some(at) => index.by_catalogue[at].len(),
        None if object => chosen.len(),
        None => index.shapes.len(),
    };
    let mut reader = Reader {
        registry,
        index,
        body,
        codes_of,
        reading: None,
        found: Candidates { list: Vec::with_capacity(room), status: None },
        status_from: u32::MAX,
        unknown: ShapeSet::new(index.shapes.len()),
    };
    // Shapes are tried in the order of `ShapeIndex::shapes`, a group at a time.
    match only {
        Some(at) => index.by_catalogue[at].iter().for_each(|&shape| reader.try_shape(&mut memo, shape as usize)),
        None if object => chosen.for_each(|shape| reader.try_shape(&mut memo, shape)),
        None => (0..index.shapes.len()).for_each(|shape| reader.try_shape(&mut memo, shape)),
    }
    reader.finish(&mut memo)
}

/// Tries a body's shapes one after the other, reading it once per group of shapes.
struct Reader<'r, 'v, B> {
    registry: &'r Registry,
    index: &'r ShapeIndex,
    body: &'v B,
    /// The catalogue to look every code up in, instead of each shape's own.
    codes_of: Option<usize>,
    /// The last group read, and what it read: a group's shapes come one after the other.
    reading: Option<(usize, Reading<'r, 'v>)>,
    /// The shapes whose catalogue knows the code, so far.
    found: Candidates<'r, 'v>,
    /// The registry position of the shape `found.status` was read by.
    status_from: u32,
    /// The shapes that fit but whose catalogue does not know the code: candidates only
    /// if no shape's catalogue knows it.
    unknown: ShapeSet,
}

/// What one group of shapes reads from a body.
struct Reading<'r, 'v> {
    code: Option<RawCode<'v>>,
    message: Option<Cow<'v, str>>,
    status: Option<u16>,
    /// The catalogues that know the code.
    holders: &'r [Holder],
}

impl<'r, 'v, B: Node> Reader<'r, 'v, B> {
    /// Tries shape `at` of the index: if it fits the body, takes the status it reads,
    /// and adds it to the candidates if its catalogue knows the code, else to `unknown`.
    #[inline]
    fn try_shape(&mut self, memo: &mut Memo<'v, B>, at: usize) {
        let (index, body) = (self.index, self.body);
        let compiled = &index.shapes[at];
        let fits = match compiled.present_bits {
            Some(bits) if memo.complete => bits & !memo.found_bits == 0,
            _ => compiled.present.iter().all(|&p| memo.get(index, p, body).is_some()),
        };
        if !fits {
            return;
        }
        self.read(memo, compiled.group);
        let Some((_, reading)) = &self.reading else { return };
        if reading.code.is_none() && reading.message.is_none() {
            return;
        }
        if reading.status.is_some() && compiled.position < self.status_from {
            self.found.status = reading.status;
            self.status_from = compiled.position;
        }
        let catalogue = self.lookup_in(compiled);
        match reading.holders.iter().find(|holder| holder.catalogue as usize == catalogue) {
            Some(holder) => {
                let catalogue = &self.registry.catalogues()[catalogue];
                let entry = CodeRef::at(catalogue, holder.code as usize);
                self.push(memo, at, Some(entry));
            }
            None => self.unknown.insert(at),
        }
    }

    /// The candidates: the shapes whose catalogue knows the code, or, when none does,
    /// every shape that fits.
    fn finish(mut self, memo: &mut Memo<'v, B>) -> Candidates<'r, 'v> {
        if self.found.list.is_empty() {
            let unknown = std::mem::replace(&mut self.unknown, ShapeSet::new(0));
            unknown.for_each(|at| self.push(memo, at, None));
        }
        self.found
    }

    /// The catalogue a shape's codes are looked up in.
    fn lookup_in(&self, compiled: &Compiled) -> usize {
        // A shape may carry another catalogue's codes (Okta's OAuth endpoints, `oauth2`).
        self.codes_of.or(compiled.carries).unwrap_or(compiled.catalogue)
    }

    /// Adds what shape `at`, which fits, reads to the candidates.
    fn push(&mut self, memo: &mut Memo<'v, B>, at: usize, entry: Option<CodeRef<'r>>) {
        let compiled = &self.index.shapes[at];
        self.read(memo, compiled.group);
        let Some((_, reading)) = &self.reading else { return };
        let catalogues = self.registry.catalogues();
        self.found.list.push(Extracted {
            catalogue: &catalogues[self.lookup_in(compiled)],
            shape: &catalogues[compiled.catalogue].bodies()[compiled.shape],
            position: compiled.position,
            code: reading.code.clone(),
            message: reading.message.clone(),
            entry,
            variant: None,
            holders: reading.holders.len(),
            score: Default::default(),
        });
    }

    /// Reads what the shapes of `group` read from the body, unless it was the last read.
    #[inline]
    fn read(&mut self, memo: &mut Memo<'v, B>, group: usize) {
        if self.reading.as_ref().is_none_or(|(last, _)| *last != group) {
            self.read_group(memo, group);
        }
    }

    /// Reads what the shapes of `group` read from the body.
    fn read_group(&mut self, memo: &mut Memo<'v, B>, group: usize) {
        let (index, body) = (self.index, self.body);
        let read = &index.groups[group];
        let code = read.code.and_then(|p| memo.code(index, p, body)).map(|raw| read.cut(raw));
        let code = code.filter(|code| !code.as_str().is_empty());
        let message = read.message.and_then(|p| memo.message(index, p, body));
        let status = read.status.and_then(|p| memo.get(index, p, body)?.as_status());
        let holders = code.as_ref().map_or(&[][..], |code| index.codes.holders(self.registry, code.as_str()));
        self.reading = Some((group, Reading { code, message, status, holders }));
    }
}

/// A set of shape positions, on the stack for any registry of a sane size.
#[derive(Debug, Clone)]
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

    /// Adds the members of `other`, a set of the same size.
    fn union(&mut self, other: &ShapeSet) {
        let words = match self {
            ShapeSet::Small(words) => &mut words[..],
            ShapeSet::Large(words) => &mut words[..],
        };
        words.iter_mut().zip(other.words()).for_each(|(word, other)| *word |= other);
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde_json::Value;

    use super::*;
    use crate::body::Json;
    use crate::text::sanitize;

    /// What a candidate says, comparable: registry position, catalogue, shape, code,
    /// message and the code found.
    type Said = (u32, String, String, Option<String>, Option<String>, Option<String>);

    /// Each shape tried on its own, as detection did before shapes were grouped: every
    /// pointer read again, every code cut and looked up in its catalogue again.
    fn shape_by_shape(
        registry: &Registry,
        body: &Value,
        only: Option<usize>,
        codes_of: Option<usize>,
    ) -> (Vec<Said>, Option<u16>) {
        let mut said = Vec::new();
        let mut status = None;
        let mut position = 0;
        for (c, catalogue) in registry.catalogues().iter().enumerate() {
            for shape in catalogue.bodies() {
                position += 1;
                if only.is_some_and(|only| only != c) || !shape.present().all(|p| Node::pointer(body, p).is_some()) {
                    continue;
                }
                let raw = shape.code().and_then(|p| Node::pointer(body, p)).and_then(|value| match value {
                    Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
                    Value::Number(n) => Some(n.to_string()),
                    _ => None,
                });
                let code = raw.map(|raw| shape.extract_code(&raw).to_string()).filter(|code| !code.is_empty());
                let message =
                    shape.message().and_then(|p| Node::pointer(body, p)?.as_str()).map(|m| sanitize(m).into_owned());
                if code.is_none() && message.is_none() {
                    continue;
                }
                if status.is_none() {
                    status = shape.status().and_then(|p| Node::pointer(body, p)?.as_status());
                }
                let lookup = codes_of.or_else(|| registry.position(shape.codes_from()?)).unwrap_or(c);
                let lookup = &registry.catalogues()[lookup];
                let entry = code.as_deref().and_then(|code| lookup.get(code)).map(|e| e.code().to_string());
                said.push((position - 1, lookup.id().to_string(), shape.name().to_string(), code, message, entry));
            }
        }
        if said.iter().any(|s| s.5.is_some()) {
            said.retain(|s| s.5.is_some());
        }
        (said, status)
    }

    fn grouped<B: Node>(
        registry: &Registry,
        body: &B,
        only: Option<usize>,
        codes_of: Option<usize>,
    ) -> (Vec<Said>, Option<u16>) {
        let found = candidates(registry, body, only, codes_of);
        let mut said: Vec<Said> = found
            .list
            .iter()
            .map(|c| {
                let entry = c.entry.map(|e| e.code().to_string());
                let message = c.message.as_deref().map(str::to_string);
                (
                    c.position,
                    c.catalogue.id().to_string(),
                    c.shape.name().to_string(),
                    c.code().map(str::to_string),
                    message,
                    entry,
                )
            })
            .collect();
        said.sort();
        (said, found.status)
    }

    /// Every fixture body that is JSON, and bodies that try the corners: codes cut
    /// (as text and as numbers), numbers that are not integers, blank codes, messages
    /// with control characters, a repeated member, bodies that are not objects.
    fn bodies() -> Vec<String> {
        fn walk(dir: &Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "json") {
                    let fixture: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
                    out.push(match &fixture["body"] {
                        Value::String(raw) => raw.clone(),
                        json => json.to_string(),
                    });
                }
            }
        }
        let mut bodies = Vec::new();
        walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/bodies"), &mut bodies);
        bodies.extend(
            [
                r#"{"__type": "com.amazonaws#UserNotFoundException:detail", "message": "x", "Message": "y"}"#,
                r#"{"__type": 12.5, "Message": "number cut"}"#,
                r#"{"error": {"code": 400, "message": "EMAIL_NOT_FOUND : detail", "errors": [{"message": "EMAIL_NOT_FOUND"}]}}"#,
                r#"{"errorMessage": "EMAIL_EXISTS : more", "type": "LOGIN_ERROR", "error": "user_not_found"}"#,
                r#"{"code": 22010.5, "message": "m"}"#,
                r#"{"code": -3, "msg": "", "error_code": 12}"#,
                r#"{"code": "  ", "message": "\u001b[31mred\r\nline"}"#,
                r#"{"code": "a", "code": 22011, "message": "b", "message": 3}"#,
                r#"{"error": "invalid_grant", "error_description": "x", "mfa_token": "t"}"#,
                r#"{"statusCode": 70000, "apiCode": 2004, "message": "m", "code": 2004}"#,
                r#"{"errors": [{"message": {"code": 2006, "message": "bad"}}]}"#,
                r#"[{"code": 22010}]"#,
                r#""22010""#,
                "{}",
            ]
            .map(str::to_string),
        );
        bodies
    }

    /// Two catalogues whose shapes make group order differ from registry order: the
    /// group of `early`'s first shape (which never fits) holds `late`'s shape, so it is
    /// read before `early`'s second shape, and both read a status.
    const EARLY: &str = r#"
id = "early"
name = "Early"
language = "en"

[[body]]
name = "early, never fits"
present = ["/never"]
code = "/c"
status = "/s"

[[body]]
name = "early (d, t)"
code = "/d"
status = "/t"

[[code]]
code = "y"
message = "Y."
kind = "invalid_request"
match = "exact"
"#;

    const LATE: &str = r#"
id = "late"
name = "Late"
language = "en"

[[body]]
name = "late (c, s)"
code = "/c"
status = "/s"

[[code]]
code = "x"
message = "X."
kind = "invalid_request"
match = "exact"
"#;

    #[test]
    fn grouped_reading_finds_what_each_shape_finds() {
        let mut extended = Registry::new();
        extended.add(crate::Catalogue::from_toml(EARLY, "early.toml").unwrap()).unwrap();
        extended.add(crate::Catalogue::from_toml(LATE, "late.toml").unwrap()).unwrap();
        let mut compared = 0;
        for registry in [Registry::builtin(), &extended] {
            let scopes = (0..registry.catalogues().len()).flat_map(|c| [(Some(c), None), (None, Some(c))]);
            let scopes: Vec<_> = std::iter::once((None, None)).chain(scopes).collect();
            for text in bodies() {
                let Ok(value) = serde_json::from_str::<Value>(&text) else { continue };
                let json = Json::parse(text.as_bytes()).unwrap();
                for &(only, codes_of) in &scopes {
                    let expected = shape_by_shape(registry, &value, only, codes_of);
                    assert_eq!(grouped(registry, &value, only, codes_of), expected, "{text} {only:?} {codes_of:?}");
                    assert_eq!(grouped(registry, &json, only, codes_of), expected, "{text} {only:?} {codes_of:?}");
                    compared += usize::from(!expected.0.is_empty());
                }
            }
        }
        assert!(compared > 1000, "only {compared} readings compared");
        let body: Value = serde_json::from_str(r#"{"c": "x", "d": "y", "s": 401, "t": 402}"#).unwrap();
        assert_eq!(grouped(&extended, &body, None, None).1, Some(402));
    }

    #[test]
    fn shapes_are_grouped() {
        let index = shape_index(Registry::builtin());
        assert!(index.groups.len() < index.shapes.len());
        // A group's shapes are together, in registry order.
        for pair in index.shapes.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert!(a.group < b.group || (a.group == b.group && a.position < b.position));
        }
    }

    #[test]
    fn code_table_agrees_with_each_catalogue() {
        let registry = Registry::builtin();
        let table = &shape_index(registry).codes;
        let texts = registry.catalogues().iter().flat_map(|c| c.codes()).map(|code| code.code().to_string());
        let others = ["", "unknown_code", "INVALID_GRANT", "22010 ", "0"].map(str::to_string);
        let mut known = 0;
        for text in texts.chain(others) {
            let expected: Vec<Holder> = registry
                .catalogues()
                .iter()
                .enumerate()
                .filter_map(|(c, catalogue)| {
                    Some(Holder { catalogue: c as u32, code: catalogue.position(&text)? as u32 })
                })
                .collect();
            assert_eq!(table.holders(registry, &text), expected, "{text}");
            known += usize::from(!expected.is_empty());
        }
        assert!(known > 1000);
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        for text in ["0", "-12", "18446744073709551615", "-9223372036854775808", "12.5", "1e300", "-2.5e-7", "0.1"] {
            let number: serde_json::Number = serde_json::from_str(text).unwrap();
            assert_eq!(number_text(&number).as_str(), number.to_string());
        }
    }
}
