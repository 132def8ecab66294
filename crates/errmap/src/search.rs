//! Finding codes and kinds from whatever text a person has at hand.
//!
//! [`Registry::search`] takes anything pasted from a log, a screenshot or a ticket: a
//! vendor message ("Invalid account name or password. Remaining attempts: 3",
//! "该邮箱地址已经使用"), a code (`22011`, `LOGIN.0002`), a symbol (`email_taken`), a kind
//! id (`user_not_found`) or a word in Chinese or English ("锁定", "locked"), and ranks
//! the codes of every catalogue and the kinds of the taxonomy by how well they match.
//!
//! How hits are scored and ordered is documented on [`Registry::search`]. The search
//! reads an index of every text in its three forms, built on a registry's first search
//! and kept with it: a registry that never searches pays nothing.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::catalogue::CodeRef;
use crate::error::Error;
use crate::messages::{Locale, Messages, TextOrigin};
use crate::registry::{Registry, Slot};
use crate::taxonomy::{Kind, string_enum};
use errmap_auth_format::template::Template;

use crate::text::fold::{bigram, bigrams, words};
use crate::text::{collapse_spaces, common, fill_template, fold};

/// The least score a hit needs by default ([`SearchOptions::default`]).
pub const DEFAULT_MIN_SCORE: f64 = 0.45;

/// The longest query [`Registry::search`] reads, in characters; the rest is ignored.
/// A search is for a line of text, not a file, and the cost grows with the query.
pub const MAX_QUERY_CHARS: usize = 1_000;

/// What [`Registry::search`] looks through and how much it returns.
///
/// ```
/// use errmap_auth::search::SearchOptions;
/// let options = SearchOptions { vendor: Some("wilddog"), limit: 5, ..SearchOptions::default() };
/// assert_eq!(options.min_score, errmap_auth::search::DEFAULT_MIN_SCORE);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SearchOptions<'a> {
    /// Only the codes of this catalogue (an id or alias, any case). Kinds belong to no
    /// catalogue, so none are returned then. `None` (the default) searches every
    /// catalogue and the kinds.
    pub vendor: Option<&'a str>,
    /// At most this many hits, the best ones (default 20).
    pub limit: usize,
    /// Only hits scoring at least this much (default [`DEFAULT_MIN_SCORE`]).
    pub min_score: f64,
}

impl Default for SearchOptions<'_> {
    fn default() -> Self {
        SearchOptions { vendor: None, limit: 20, min_score: DEFAULT_MIN_SCORE }
    }
}

/// What a hit found: a vendor code or a canonical kind.
#[derive(Debug, Clone, Copy)]
pub enum SearchTarget<'r> {
    /// A code of one of the registry's catalogues.
    Code(CodeRef<'r>),
    /// A kind of the taxonomy.
    Kind(Kind),
}

string_enum! {
    /// Which text of a code or kind the query matched.
    SearchField {
        /// The code as the vendor writes it (`LOGIN.0002`).
        Code => "code",
        /// The vendor's symbol (`invalid_user`).
        Symbol => "symbol",
        /// The vendor's message, as documented (a template where it has `{0}`).
        Message => "message",
        /// errmap's translation of the vendor's message into another locale
        /// ([`Messages::code_message`]); [`SearchHit::locale`] says which.
        Translation => "translation",
        /// The id of a kind (`user_not_found`).
        KindId => "kind_id",
        /// A kind's message in one locale ([`Messages::kind_message`]).
        KindMessage => "kind_message",
        /// A kind's hint in one locale ([`Messages::kind_hint`]).
        KindHint => "kind_hint",
        /// The code's kind matched, by its id or its message and not merely by
        /// similarity; the hit's text is the kind's, its score the kind's × 0.9.
        Kind => "kind",
    }
}

string_enum! {
    /// How the query matched the text; [`Registry::search`] lists the scores.
    SearchMatch {
        /// The same text (spacing collapsed).
        Exact => "exact",
        /// The same text ignoring case, spacing and punctuation.
        Equal => "equal",
        /// The query is the message template with its placeholders filled in; the
        /// values are in [`SearchHit::values`].
        Template => "template",
        /// The text contains the query.
        Contains => "contains",
        /// The query contains the text (a code or message inside a log line).
        InQuery => "in_query",
        /// The texts share enough character bigrams.
        Similar => "similar",
    }
}

/// One result of [`Registry::search`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SearchHit<'r> {
    /// The code or kind found.
    pub target: SearchTarget<'r>,
    /// Which of its texts matched.
    pub field: SearchField,
    /// How it matched.
    pub how: SearchMatch,
    /// From 0 to 1, higher is better; 1 only for an exact code, symbol, vendor message
    /// or kind id.
    pub score: f64,
    /// The text that matched, as stored (a template keeps its `{0}`).
    pub text: &'r str,
    /// The locale `text` is written in, where it is one errmap ships.
    pub locale: Option<Locale>,
    /// For a template match, the values that fill its placeholders, in placeholder
    /// order; empty otherwise.
    pub values: Vec<String>,
}

impl<'r> SearchHit<'r> {
    /// The code found, if the hit is a code.
    pub fn code(&self) -> Option<CodeRef<'r>> {
        match self.target {
            SearchTarget::Code(code) => Some(code),
            SearchTarget::Kind(_) => None,
        }
    }

    /// The kind found, or the kind of the code found.
    pub fn kind(&self) -> Kind {
        match self.target {
            SearchTarget::Code(code) => code.kind(),
            SearchTarget::Kind(kind) => kind,
        }
    }
}

impl Registry {
    /// The codes and kinds that best match `query`, best first.
    ///
    /// `query` is any text: a vendor message (its placeholders filled in or not), a
    /// code, a symbol, a kind id, a word. Only its first [`MAX_QUERY_CHARS`] characters
    /// are read. An empty query, or one of punctuation only, finds nothing. The only
    /// error is an unknown [`SearchOptions::vendor`].
    ///
    /// Text is compared in three forms: as written (spacing collapsed), *folded* (only the
    /// lowercase letters, digits and ideographs, so punctuation and spacing do not matter),
    /// and as *words* (lowercase, runs of anything else as one space, so English words can
    /// match on word boundaries). Similarity uses character bigrams, which works for
    /// Chinese text without spaces as well as for English; nothing relies on splitting at
    /// whitespace alone.
    ///
    /// # Scores
    ///
    /// Every hit has a score from 0 to 1: the strength of the match times the weight of
    /// the field it matched.
    ///
    /// | how ([`SearchMatch`]) | strength |
    /// |---|---|
    /// | `exact`: the same text | 1.0 |
    /// | `equal`: the same ignoring case, spacing and punctuation | 0.995 |
    /// | `template`: a message with its `{0}`, `{1}` filled in | 0.99 |
    /// | `contains`: the field contains the query | 0.6 + 0.3 × coverage, at most 0.9 |
    /// | `in_query`: the query contains the field | 0.5 + 0.35 × coverage, at most 0.85 |
    /// | `similar`: character bigrams in common | 0.85 × similarity, at most 0.85 |
    ///
    /// Coverage is the share of the longer text the shorter one covers (folded characters).
    /// A containment that does not fall on word boundaries counts less: ×0.9 for a word's
    /// beginning (`lock` in `locked`), ×0.8 for its end (`locked` in `unlocked`), ×0.7 inside
    /// a word, ×0.85 when it only holds once spacing and punctuation are ignored.
    ///
    /// Similarity is the larger of the Dice coefficient of the two texts' character
    /// bigrams (a reworded message) and a score for the query's terms scattered through
    /// the text (words of three letters or more, and Chinese characters covered by a
    /// bigram found in the text): 0.75 × the share found × (0.7 + 0.3 × the ratio of the
    /// two lengths). Below 0.4 it is no match.
    ///
    /// | field ([`SearchField`]) | weight |
    /// |---|---|
    /// | `code`, `symbol`, `message` (the vendor's), `kind_id` | 1.0 |
    /// | `translation` (errmap's translation of the vendor's message), `kind_message` | 0.97 |
    /// | `kind_hint`; `kind`: a code found through its kind, × the kind's score | 0.9 |
    ///
    /// A code is found through its kind when the kind's id or message matched otherwise
    /// than by similarity. Codes themselves are not compared by similarity (`LOGIN.0003`
    /// is not "nearly" `LOGIN.0002`). Each code and each kind appears at most once, with
    /// its best match; on equal scores the first of its code, symbol, message,
    /// translations (`en`, then `zh-CN`) and kind wins (for a kind: its id, then its
    /// message and hint in `en`, then in `zh-CN`).
    ///
    /// Hits are sorted by score (highest first), then kinds before codes (kinds in
    /// taxonomy order), then codes in registry order and, within a catalogue, in the
    /// order of the vendor's table. The ranking is deterministic.
    ///
    /// The texts are indexed in their three forms on the registry's first search (a
    /// few milliseconds) and the index is kept with the registry: a registry that never
    /// searches pays nothing.
    ///
    /// # Example
    ///
    /// ```
    /// use errmap_auth::Registry;
    /// use errmap_auth::search::{SearchField, SearchMatch, SearchOptions, SearchTarget};
    ///
    /// let registry = Registry::builtin();
    /// let hits = registry.search("Invalid account name or password. Remaining attempts: 3", &SearchOptions::default())?;
    /// let best = &hits[0];
    /// assert_eq!(best.code().unwrap().to_string(), "oneaccess:LOGIN.0002");
    /// assert_eq!((best.field, best.how, best.score), (SearchField::Message, SearchMatch::Template, 0.99));
    /// assert_eq!(best.values, ["3"]);
    ///
    /// // A kind id finds the kind first, then codes with that symbol and codes of the kind.
    /// let hits = registry.search("email_taken", &SearchOptions::default())?;
    /// assert!(matches!(hits[0].target, SearchTarget::Kind(kind) if kind.id() == "email_taken"));
    ///
    /// // Chinese needs no spaces; narrowing to one catalogue.
    /// let options = SearchOptions { vendor: Some("wilddog"), ..SearchOptions::default() };
    /// let hits = registry.search("该邮箱地址已经使用", &options)?;
    /// assert_eq!(hits[0].code().unwrap().code(), "22013");
    /// # Ok::<(), errmap_auth::Error>(())
    /// ```
    pub fn search(&self, query: &str, options: &SearchOptions<'_>) -> Result<Vec<SearchHit<'_>>, Error> {
        let only = match options.vendor {
            Some(name) => {
                let catalogue = self.catalogue(name)?;
                self.catalogues().iter().position(|c| std::ptr::eq(c, catalogue))
            }
            None => None,
        };
        let query = Query::new(query);
        if query.folded.is_empty() || options.limit == 0 {
            return Ok(Vec::new());
        }
        let index = self.lazy(Slot::Search, Index::build);

        // Kinds are scored even when narrowed to a vendor: codes can be found through theirs.
        let kind_hits: Vec<Option<Candidate<'_>>> = index.kinds.iter().map(|texts| best_of(texts, &query)).collect();
        let mut hits = Vec::new();
        if only.is_none() {
            for (kind, candidate) in Kind::all().zip(&kind_hits) {
                if let Some(candidate) = candidate.as_ref().filter(|c| c.score >= options.min_score) {
                    hits.push(candidate.clone().hit(SearchTarget::Kind(kind)));
                }
            }
        }
        let catalogues = self.catalogues();
        for entry in &index.codes {
            if only.is_some_and(|at| at != entry.catalogue) {
                continue;
            }
            let catalogue = &catalogues[entry.catalogue];
            let code = CodeRef::at(catalogue, entry.code);
            let own = best_of(&entry.texts, &query);
            let inherited = kind_hits[usize::from(code.kind().0)]
                .as_ref()
                .filter(|k| k.field != SearchField::KindHint && k.how != SearchMatch::Similar)
                .map(|k| Candidate {
                    field: SearchField::Kind,
                    score: k.score * KIND_WEIGHT,
                    values: Vec::new(),
                    ..*k
                });
            let best = match (own, inherited) {
                (Some(own), Some(inherited)) => Some(if inherited.score > own.score { inherited } else { own }),
                (own, inherited) => own.or(inherited),
            };
            if let Some(candidate) = best.filter(|c| c.score >= options.min_score) {
                hits.push(candidate.hit(SearchTarget::Code(code)));
            }
        }
        // Kinds were pushed first, then codes in registry and table order: a stable sort
        // by score alone keeps that order among equal scores.
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        hits.truncate(options.limit);
        Ok(hits)
    }
}

/// The weight of errmap's own texts (translations, kind messages) against the
/// vendor's.
const OURS_WEIGHT: f64 = 0.97;
/// The weight of kind hints and of codes found through their kind.
const KIND_WEIGHT: f64 = 0.9;
/// The factor of a containment that holds only ignoring spacing and punctuation.
const WITHOUT_SPACING: f64 = 0.85;
/// The least similarity that counts as a match.
const MIN_SIMILARITY: f64 = 0.4;

/// The best match of one text of a code or kind, before it becomes a [`SearchHit`].
#[derive(Clone)]
struct Candidate<'r> {
    field: SearchField,
    how: SearchMatch,
    score: f64,
    text: &'r str,
    locale: Option<Locale>,
    values: Vec<String>,
}

impl<'r> Candidate<'r> {
    fn hit(self, target: SearchTarget<'r>) -> SearchHit<'r> {
        SearchHit {
            target,
            field: self.field,
            how: self.how,
            score: self.score,
            text: self.text,
            locale: self.locale,
            values: self.values,
        }
    }
}

/// The best-scoring of `texts`; the first on equal scores.
fn best_of<'r>(texts: &'r [Text], query: &Query) -> Option<Candidate<'r>> {
    let mut best: Option<Candidate<'r>> = None;
    for text in texts {
        if let Some(candidate) = text.score(query) {
            if best.as_ref().is_none_or(|b| candidate.score > b.score) {
                best = Some(candidate);
            }
        }
    }
    best
}

/// Every searchable text, in its three forms.
#[derive(Clone)]
struct Index {
    /// The texts of each kind, by kind index.
    kinds: Vec<Vec<Text>>,
    /// The texts of every code, in registry and table order.
    codes: Vec<CodeEntry>,
}

#[derive(Clone)]
struct CodeEntry {
    /// Index into the registry's catalogues.
    catalogue: usize,
    /// Index into the catalogue's codes.
    code: usize,
    texts: Vec<Text>,
}

impl Index {
    fn build(registry: &Registry) -> Index {
        let messages = Messages::get();
        let kinds = Kind::all()
            .map(|kind| {
                let mut texts = vec![Text::new(SearchField::KindId, kind.id(), None, false)];
                for locale in Locale::ALL {
                    let message = messages.kind_message(kind, locale);
                    push_new(&mut texts, Text::new(SearchField::KindMessage, &message, Some(locale), false));
                    let hint = messages.kind_hint(kind, locale);
                    if !hint.is_empty() {
                        push_new(&mut texts, Text::new(SearchField::KindHint, &hint, Some(locale), false));
                    }
                }
                texts
            })
            .collect();
        let mut codes = Vec::new();
        for (at, catalogue) in registry.catalogues().iter().enumerate() {
            for (i, code) in catalogue.code_refs().enumerate() {
                let template = code.params().len() > 0;
                let mut texts = vec![Text::new(SearchField::Code, code.code(), None, false)];
                if let Some(symbol) = code.symbol() {
                    texts.push(Text::new(SearchField::Symbol, symbol, None, false));
                }
                if let Some(message) = code.message() {
                    let locale = Locale::negotiate(code.language());
                    texts.push(Text::new(SearchField::Message, message, locale, template));
                }
                for locale in Locale::ALL {
                    let translated = messages.code_message(code, locale);
                    // A code without a vendor message may read as its kind's message:
                    // that is the kind's text, not a translation of the code's.
                    if translated.origin == TextOrigin::Errmap
                        && (code.message().is_some() || translated.text != messages.kind_message(code.kind(), locale))
                    {
                        push_new(
                            &mut texts,
                            Text::new(SearchField::Translation, &translated.text, Some(locale), template),
                        );
                    }
                }
                codes.push(CodeEntry { catalogue: at, code: i, texts });
            }
        }
        Index { kinds, codes }
    }
}

/// Adds `text` unless the same text is already there.
fn push_new(texts: &mut Vec<Text>, text: Text) {
    if !texts.iter().any(|t| t.raw == text.raw) {
        texts.push(text);
    }
}

/// One searchable text of a code or kind.
#[derive(Clone)]
struct Text {
    field: SearchField,
    locale: Option<Locale>,
    /// As stored, spacing collapsed.
    raw: Box<str>,
    /// Folded ([`fold`]), without a template's placeholders.
    folded: Box<str>,
    /// The number of characters of `folded`.
    length: usize,
    /// As words ([`words`]), without a template's placeholders.
    words: Box<str>,
    /// The sorted character bigrams of `folded`.
    bigrams: Box<[u64]>,
    /// The words in spaced scripts of `words`, sorted.
    latin: Box<[Box<str>]>,
    /// Whether `raw` has `{0}`-style placeholders to fill.
    template: bool,
}

impl Text {
    fn new(field: SearchField, raw: &str, locale: Option<Locale>, template: bool) -> Text {
        let raw = collapse_spaces(raw).into_owned();
        let bare = if template { Template::parse(&raw).without_placeholders(" ") } else { raw.clone() };
        let folded = fold(&bare);
        let words = words(&bare);
        let mut latin: Vec<Box<str>> = Vec::new();
        split_terms(&words, |term, is_unspaced| {
            if !is_unspaced {
                latin.push(term.into());
            }
        });
        latin.sort_unstable();
        latin.dedup();
        Text {
            field,
            locale,
            length: folded.chars().count(),
            bigrams: bigrams(&folded).into(),
            latin: latin.into(),
            words: words.into(),
            folded: folded.into(),
            raw: raw.into(),
            template,
        }
    }

    fn weight(&self) -> f64 {
        match self.field {
            SearchField::Code | SearchField::Symbol | SearchField::Message | SearchField::KindId => 1.0,
            SearchField::Translation | SearchField::KindMessage => OURS_WEIGHT,
            SearchField::KindHint | SearchField::Kind => KIND_WEIGHT,
        }
    }

    /// How `query` matches this text, if it does.
    fn score(&self, query: &Query) -> Option<Candidate<'_>> {
        let (how, strength, values) = self.strength(query)?;
        Some(Candidate {
            field: self.field,
            how,
            score: strength * self.weight(),
            text: &self.raw,
            locale: self.locale,
            values,
        })
    }

    fn strength(&self, query: &Query) -> Option<(SearchMatch, f64, Vec<String>)> {
        if self.folded.is_empty() {
            return None;
        }
        if *self.raw == *query.raw {
            return Some((SearchMatch::Exact, 1.0, Vec::new()));
        }
        if *self.folded == *query.folded {
            return Some((SearchMatch::Equal, 0.995, Vec::new()));
        }
        if self.template {
            if let Some(values) = fill_template(&self.raw, &query.raw) {
                return Some((SearchMatch::Template, 0.99, values));
            }
        }
        // Containment either way needs every bigram of the shorter text in the longer:
        // counting them first spares most substring searches.
        let common = common(&query.bigrams, &self.bigrams);
        let query_inside = query.length < 2 || common == query.bigrams.len();
        let text_inside = self.length < 2 || common == self.bigrams.len();
        if query_inside && query.length <= self.length && query.length >= min_length(&query.folded, 2) {
            if let Some(factor) = containment(&self.words, &self.folded, &query.words, &query.folded) {
                let coverage = query.length as f64 / self.length.max(1) as f64;
                return Some((SearchMatch::Contains, (0.6 + 0.3 * coverage.min(1.0)) * factor, Vec::new()));
            }
        }
        if text_inside && self.length <= query.length && self.length >= min_length(&self.folded, 4) {
            // Only whole words: a code inside a longer number is a different code.
            let whole = containment(&query.words, &query.folded, &self.words, &self.folded)
                .filter(|&factor| factor == 1.0 || (factor == WITHOUT_SPACING && self.folded.chars().any(unspaced)));
            if let Some(factor) = whole {
                let coverage = self.length as f64 / query.length.max(1) as f64;
                return Some((SearchMatch::InQuery, (0.5 + 0.35 * coverage.min(1.0)) * factor, Vec::new()));
            }
        }
        if self.field == SearchField::Code {
            return None;
        }
        let dice = 2.0 * common as f64 / (query.bigrams.len() + self.bigrams.len()) as f64;
        let similarity = dice.max(self.scattered(query));
        (similarity >= MIN_SIMILARITY).then(|| (SearchMatch::Similar, 0.85 * similarity, Vec::new()))
    }

    /// How well the query's terms appear in the text, in any order: 0.75 × the share
    /// of the terms found × (0.7 + 0.3 × the ratio of the two lengths). Needs two terms.
    fn scattered(&self, query: &Query) -> f64 {
        if query.units < 2 {
            return 0.0;
        }
        let mut found = 0.0;
        for word in &query.latin {
            let at = self.latin.partition_point(|w| **w < **word);
            found += match self.latin.get(at) {
                Some(w) if **w == **word => 1.0,
                Some(w) if w.starts_with(word.as_str()) => 0.6,
                _ => 0.0,
            };
        }
        for run in &query.runs {
            let mut covered = vec![false; run.chars.len()];
            if let [only] = run.chars[..] {
                covered[0] = self.words.contains(only);
            }
            for (i, pair) in run.pairs.iter().enumerate() {
                if self.bigrams.binary_search(pair).is_ok() {
                    covered[i] = true;
                    covered[i + 1] = true;
                }
            }
            found += covered.iter().filter(|&&c| c).count() as f64;
        }
        let share = found / query.units as f64;
        let lengths = query.length.min(self.length) as f64 / query.length.max(self.length) as f64;
        0.75 * share * (0.7 + 0.3 * lengths)
    }
}

/// The query in the three forms texts are compared in, and its terms.
struct Query {
    raw: String,
    folded: String,
    length: usize,
    words: String,
    bigrams: Vec<u64>,
    /// Its distinct words in spaced scripts, of three letters or more (shorter ones are
    /// mostly articles and conjunctions).
    latin: Vec<String>,
    /// Its runs of characters of scripts written without spaces.
    runs: Vec<Run>,
    /// How many terms there are to find: a spaced word or an unspaced character each.
    units: usize,
}

/// A run of Chinese or Japanese characters in a query, and its bigrams (packed as by
/// [`bigrams`]).
struct Run {
    chars: Vec<char>,
    pairs: Vec<u64>,
}

impl Query {
    fn new(text: &str) -> Query {
        let text = text.char_indices().nth(MAX_QUERY_CHARS).map_or(text, |(cut, _)| &text[..cut]);
        let raw = collapse_spaces(text).into_owned();
        let folded = fold(&raw);
        let words = words(&raw);
        let (mut latin, mut runs) = (Vec::new(), Vec::new());
        split_terms(&words, |term, is_unspaced| {
            if is_unspaced {
                let chars: Vec<char> = term.chars().collect();
                let pairs = chars.windows(2).map(|w| bigram(w[0], w[1])).collect();
                runs.push(Run { chars, pairs });
            } else if term.chars().count() >= 3 {
                latin.push(term.to_string());
            }
        });
        // A word said twice is one term.
        latin.sort_unstable();
        latin.dedup();
        let units = latin.len() + runs.iter().map(|r| r.chars.len()).sum::<usize>();
        Query { length: folded.chars().count(), bigrams: bigrams(&folded), words, folded, raw, latin, runs, units }
    }
}

/// Calls `f` with each maximal run of `words` (a text in [`words`] form) in one kind
/// of script, and whether that script is written without spaces: `"token已过期 now"`
/// gives `token`, `已过期`, `now`.
fn split_terms<'a>(words: &'a str, mut f: impl FnMut(&'a str, bool)) {
    for word in words.split(' ') {
        let mut rest = word;
        while !rest.is_empty() {
            let cut = rest.find(unspaced).unwrap_or(rest.len());
            if cut > 0 {
                f(&rest[..cut], false);
            }
            rest = &rest[cut..];
            let cut = rest.find(|c: char| !unspaced(c)).unwrap_or(rest.len());
            if cut > 0 {
                f(&rest[..cut], true);
            }
            rest = &rest[cut..];
        }
    }
}

/// The fewest folded characters a text needs to be looked for inside another: one
/// for text in a script written without spaces (a single Chinese character means
/// something), `latin` otherwise.
fn min_length(folded: &str, latin: usize) -> usize {
    if folded.chars().any(unspaced) { 1 } else { latin }
}

/// Whether `c` belongs to a script written without spaces between words (Chinese,
/// Japanese), where every character boundary is a word boundary.
fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'   // hiragana, katakana
        | '\u{3400}'..='\u{4dbf}' // CJK extension A
        | '\u{4e00}'..='\u{9fff}' // CJK unified ideographs
        | '\u{f900}'..='\u{faff}' // CJK compatibility ideographs
        | '\u{20000}'..='\u{3134f}')
}

/// Whether `needle` occurs in `hay`, and how well the occurrence falls on word
/// boundaries: 1.0 for whole words, less for part of a word (see the module
/// documentation). Both are given as words and folded.
fn containment(hay_words: &str, hay_folded: &str, needle_words: &str, needle_folded: &str) -> Option<f64> {
    let boundary_before =
        |at: usize| at == 0 || hay_words[..at].chars().next_back().is_some_and(|c| c == ' ' || unspaced(c));
    let boundary_after =
        |end: usize| end == hay_words.len() || hay_words[end..].chars().next().is_some_and(|c| c == ' ' || unspaced(c));
    let starts_unspaced = needle_words.chars().next().is_some_and(unspaced);
    let ends_unspaced = needle_words.chars().next_back().is_some_and(unspaced);
    let mut best: Option<f64> = None;
    if !needle_words.is_empty() {
        for (at, _) in hay_words.match_indices(needle_words) {
            let before = starts_unspaced || boundary_before(at);
            let after = ends_unspaced || boundary_after(at + needle_words.len());
            let factor = match (before, after) {
                (true, true) => 1.0,
                (true, false) => 0.9,
                (false, true) => 0.8,
                (false, false) => 0.7,
            };
            best = Some(best.map_or(factor, |b: f64| b.max(factor)));
            if factor == 1.0 {
                break;
            }
        }
    }
    best.or_else(|| hay_folded.contains(needle_folded).then_some(WITHOUT_SPACING))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::dice;

    #[test]
    fn forms() {
        assert_eq!(words("  Invalid account-name. Remaining: 3 "), "invalid account name remaining 3");
        assert_eq!(words("该邮箱地址，已经使用"), "该邮箱地址 已经使用");
        let stripped = Template::parse("in {0} minutes and {1} s {x} %v {").without_placeholders(" ");
        assert_eq!(stripped, "in   minutes and   s     {");
        assert_eq!(collapse_spaces(" a \t b\n"), "a b");
    }

    #[test]
    fn containment_grades_word_boundaries() {
        let check = |hay: &str, needle: &str| containment(&words(hay), &fold(hay), &words(needle), &fold(needle));
        assert_eq!(check("The account is locked.", "locked"), Some(1.0));
        assert_eq!(check("The account is locked.", "lock"), Some(0.9));
        assert_eq!(check("It will be unlocked", "locked"), Some(0.8));
        assert_eq!(check("blocker", "lock"), Some(0.7));
        assert_eq!(check("用户已被锁定", "锁定"), Some(1.0));
        assert_eq!(check("account name", "accountname"), Some(0.85));
        assert_eq!(check("account name", "password"), None);
    }

    #[test]
    fn scattered_terms_count() {
        let text = Text::new(SearchField::Message, "The account has been locked for an hour", None, false);
        assert!(text.scattered(&Query::new("account locked")) > 0.5);
        assert!(text.scattered(&Query::new("account blocked")) < 0.4);
        assert_eq!(text.scattered(&Query::new("locked")), 0.0, "one term is a containment, not scattered");
        let text = Text::new(SearchField::Message, "图形验证码令牌已过期。", None, false);
        // 令牌 and 过期 are found, 牌过 is not: every character is still covered.
        assert!(text.scattered(&Query::new("令牌过期")) > 0.55);
        assert_eq!(dice(&[], &bigrams("abc")), 0.0);
    }

    #[test]
    fn common_bigrams_count_repeats_either_way() {
        // The multiset intersection, counted naively.
        fn naive(a: &[u64], b: &[u64]) -> usize {
            let mut b = b.to_vec();
            a.iter().filter(|x| b.iter().position(|y| y == *x).map(|at| b.remove(at)).is_some()).count()
        }
        for long in ["abababcdxyabab".repeat(20), "锁定用户已锁定".repeat(9), "abcabc".into()] {
            let long = bigrams(&long);
            for short in ["ab", "abab", "ababab", "ba", "zz", "abcd", "xyz", "锁定锁定", "定用", ""] {
                let short = bigrams(short);
                assert_eq!(common(&short, &long), naive(&short, &long));
                assert_eq!(common(&long, &short), naive(&short, &long));
            }
        }
        assert_eq!(dice(&bigrams("abc"), &bigrams("abc")), 1.0);
    }
}
