//! Folding text for comparison, character bigrams and their Dice similarity, and the
//! index of messages by bigrams: what message matching and search share.

use std::borrow::Cow;

use crate::fxhash::FxHashMap;

/// The lowercase letters, digits and ideographs of `text`, without spacing or
/// punctuation.
pub(crate) fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    fold_into(text, &mut folded);
    folded
}

/// Appends the folded `text` (see [`fold`]) to `out`, and returns its length in
/// characters.
pub(crate) fn fold_into(text: &str, out: &mut String) -> usize {
    let mut length = 0;
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
                length += 1;
            }
        } else if is_cjk_ideograph(c) {
            // Letters without case: kept as they are (the test below checks this
            // against the standard library's tables).
            let mut buffer = [0; 4];
            out.push_str(c.encode_utf8(&mut buffer));
            length += 1;
        } else if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                out.push(lower);
                length += 1;
            }
        }
    }
    length
}

/// The CJK Unified Ideographs block, where every character is alphabetic and has no
/// lowercase form: the common case of Chinese vendor messages, without the Unicode
/// table lookups.
pub(crate) fn is_cjk_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Dice similarity of the character bigrams of two folded strings, from 0 to 1.
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    let (mut x, mut y) = (Vec::new(), Vec::new());
    bigrams_into(a, &mut x);
    bigrams_into(b, &mut y);
    dice(&x, &y)
}

/// `text` with every run of whitespace as one space, trimmed; borrowed when it already
/// is, the usual case.
pub(crate) fn collapse_spaces(text: &str) -> Cow<'_, str> {
    let mut previous_space = true;
    let collapsed = text.chars().all(|c| {
        let ok = if c == ' ' { !previous_space } else { !c.is_whitespace() };
        previous_space = c == ' ';
        ok
    });
    if collapsed && !previous_space {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Two characters that follow each other, as one number (the first in the high half):
/// sorted and hashed as one word, not as a pair.
pub(crate) type Bigram = u64;

pub(crate) fn bigram(first: char, second: char) -> Bigram {
    u64::from(first) << 32 | u64::from(second)
}

/// The sorted character bigrams of `s`; a single character pairs with a space.
pub(crate) fn bigrams_into(s: &str, pairs: &mut Vec<Bigram>) {
    pairs.clear();
    let mut chars = s.chars();
    let Some(mut previous) = chars.next() else { return };
    let mut single = true;
    for c in chars {
        pairs.push(bigram(previous, c));
        previous = c;
        single = false;
    }
    if single {
        pairs.push(bigram(previous, ' '));
    }
    pairs.sort_unstable();
}

/// `text` lowercased, with every run of characters other than letters, digits and
/// ideographs as one space, trimmed: `"Invalid account-name."` → `"invalid account name"`.
pub(crate) fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The sorted character bigrams of `s` (see [`bigrams_into`]).
pub(crate) fn bigrams(s: &str) -> Vec<Bigram> {
    let mut pairs = Vec::new();
    bigrams_into(s, &mut pairs);
    pairs
}

/// Dice similarity from the shared bigrams and each side's count, as [`dice`] gives it.
pub(crate) fn dice_from(common: usize, a: usize, b: usize) -> f64 {
    if a == 0 || b == 0 {
        return 0.0;
    }
    2.0 * common as f64 / (a + b) as f64
}

pub(crate) fn dice(a: &[Bigram], b: &[Bigram]) -> f64 {
    dice_from(common(a, b), a.len(), b.len())
}

/// How many items two sorted lists have in common, counting repeats (the size of
/// their multiset intersection).
pub(crate) fn common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (short, mut long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() > 16 * short.len() {
        // A long query against a short text: look each of the text's bigrams up.
        let mut common = 0;
        for run in short.chunk_by(|x, y| x == y) {
            let start = long.partition_point(|x| x < &run[0]);
            long = &long[start..];
            let end = long.partition_point(|x| x == &run[0]);
            common += run.len().min(end);
            long = &long[end..];
        }
        return common;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// Folded messages by their character bigrams, for finding the most similar to a text
/// without comparing it with each: per catalogue, and for a whole registry at once.
#[derive(Debug, Clone, Default)]
pub(crate) struct SimilarIndex {
    /// Each message's length in characters and id, sorted: the only messages a text can
    /// be similar to have a length near its own, a window of this list.
    by_length: Vec<(u32, u32)>,
    /// Per position in `by_length`, how many character bigrams its message has.
    bigram_counts: Vec<u32>,
    /// For each bigram, the positions in `by_length` of the messages that have it, in
    /// order, and how many times: the shared bigrams of a text and the messages of a
    /// near length are counted from these.
    postings: FxHashMap<Bigram, Vec<(u32, u32)>>,
}

impl SimilarIndex {
    /// Indexes folded messages by id.
    pub(crate) fn new<'m>(messages: impl Iterator<Item = (u32, &'m str)>) -> SimilarIndex {
        let mut messages: Vec<(u32, u32, &str)> =
            messages.map(|(id, text)| (text.chars().count() as u32, id, text)).collect();
        messages.sort_unstable_by_key(|&(length, id, _)| (length, id));
        let mut index = SimilarIndex {
            by_length: messages.iter().map(|&(length, id, _)| (length, id)).collect(),
            ..SimilarIndex::default()
        };
        let mut pairs = Vec::new();
        for (position, &(_, _, text)) in messages.iter().enumerate() {
            bigrams_into(text, &mut pairs);
            index.bigram_counts.push(pairs.len() as u32);
            for run in pairs.chunk_by(|a, b| a == b) {
                index.postings.entry(run[0]).or_default().push((position as u32, run.len() as u32));
            }
        }
        index
    }

    /// The id of the message most similar to the query's text, of those at least
    /// `SIMILAR` alike, with its similarity; the smallest id wins a tie.
    pub(crate) fn most_similar(&self, query: &Query<'_>) -> Option<(u32, f64)> {
        let length = query.length;
        // Dice similarity cannot reach the threshold with lengths far apart: only
        // messages of 2/3 to 3/2 the text's length are scored.
        let shortest = self.by_length.partition_point(|&(known, _)| 3 * (known as usize) < 2 * length);
        let longest = self.by_length.partition_point(|&(known, _)| 2 * (known as usize) <= 3 * length);
        if shortest >= longest {
            return None;
        }
        let ours = query.bigrams.get_or_init(|| {
            let mut pairs = Vec::new();
            bigrams_into(&query.folded, &mut pairs);
            pairs
        });
        // The bigrams each message of the window shares with the text (as a multiset: a
        // bigram the text has twice and a message once counts once), from the postings.
        let (mut on_stack, mut on_heap) = ([0u32; 512], Vec::new());
        let common = match on_stack.get_mut(..longest - shortest) {
            Some(common) => common,
            None => {
                on_heap.resize(longest - shortest, 0);
                &mut on_heap[..]
            }
        };
        let window = shortest as u32..longest as u32;
        for run in ours.chunk_by(|a, b| a == b) {
            let Some(list) = self.postings.get(&run[0]) else { continue };
            let start = list.partition_point(|&(position, _)| position < window.start);
            for &(position, count) in list.get(start..).unwrap_or_default() {
                if position >= window.end {
                    break;
                }
                common[(position - window.start) as usize] += count.min(run.len() as u32);
            }
        }
        let mut best: Option<(u32, f64)> = None;
        for (offset, &(_, id)) in self.by_length[shortest..longest].iter().enumerate() {
            let (shared, theirs) = (common[offset] as usize, self.bigram_counts[shortest + offset] as usize);
            // Dice is 2 × shared / (ours + theirs): below 4/5 exactly when this holds,
            // which leaves out most of the window without dividing.
            if 10 * shared < 4 * (ours.len() + theirs) {
                continue;
            }
            let score = dice_from(shared, ours.len(), theirs);
            if score >= SIMILAR && best.is_none_or(|(b, s)| score > s || (score == s && id < b)) {
                best = Some((id, score));
            }
        }
        best
    }
}

/// A text to match against catalogues' messages, with what every comparison needs
/// worked out once.
pub(crate) struct Query<'t> {
    text: &'t str,
    pub(crate) folded: String,
    pub(crate) length: usize,
    /// The text with whitespace collapsed and trimmed, and its ASCII-lowercase form.
    pub(crate) collapsed: std::cell::OnceCell<(String, String)>,
    /// The sorted character bigrams of the folded text.
    pub(crate) bigrams: std::cell::OnceCell<Vec<Bigram>>,
}

impl<'t> Query<'t> {
    pub(crate) fn new(text: &'t str) -> Query<'t> {
        let mut folded = String::with_capacity(text.len());
        let length = fold_into(text, &mut folded);
        Query { text, folded, length, collapsed: Default::default(), bigrams: Default::default() }
    }

    /// The text this query matches.
    pub(crate) fn text(&self) -> &'t str {
        self.text
    }

    pub(crate) fn collapsed(&self) -> (&str, &str) {
        let (text, lower) = self.collapsed.get_or_init(|| {
            let text = collapse_spaces(self.text).into_owned();
            let lower = text.to_ascii_lowercase();
            (text, lower)
        });
        (text, lower)
    }
}

/// The least bigram similarity that counts as the same message reworded.
pub(crate) const SIMILAR: f64 = 0.8;
// `similar_message_match` leaves messages out by the integer form of this value.
const _: () = assert!(SIMILAR == 0.8);
