//! Matching vendor text against catalogue messages.
//!
//! Vendors reword messages and fill in their placeholders, so a message from a log or a
//! body is compared three ways: equal once case, spacing and punctuation are ignored;
//! equal to a template with its `{0}`, `{1}` filled in (which also yields the values);
//! or similar enough by character bigrams, which works for Chinese text without spaces
//! as well as for English.

use std::sync::OnceLock;

use crate::catalogue::{Catalogue, CodeRef};
use crate::fxhash::FxHashMap;
use crate::message_index::{IndexedTemplate, MessageIndex, pattern};
use crate::text::{Query, SimilarIndex, collapse_spaces, fill_template};

/// How a text matched a code's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MessageMatch {
    /// Similar, scored by bigram overlap.
    Similar,
    /// The message is the code's template with its placeholders filled in.
    Template,
    /// The same message, ignoring case, spacing and punctuation.
    Equal,
}

/// The values that fill the placeholders of `entry`'s message to give `text`, as
/// [`fill_template`] finds them, from the template parsed when its catalogue's messages
/// were indexed.
pub(crate) fn fill_code_template(entry: CodeRef<'_>, text: &str) -> Option<Vec<String>> {
    let catalogue = entry.catalogue();
    let index = index_of(catalogue);
    let at = entry.index() as u32;
    match index.templates.binary_search_by_key(&at, |t| t.code).ok() {
        Some(found) => index.templates[found].template.fill(&collapse_spaces(text)),
        // Not indexed for matching (a message that is only placeholders): parsed here.
        None => fill_template(entry.message()?, text),
    }
}

/// How much an unknown code looks like the catalogue's own: the longest common prefix
/// (in characters) with a code of the same length and the same character classes
/// (`22999` and `22011`; `LOGIN.0009` and `LOGIN.0001`), or 0 when under 2.
pub(crate) fn code_affinity(catalogue: &Catalogue, code: &str) -> usize {
    let index = index_of(catalogue);
    let Some(codes) = index.by_pattern.get(&(code.len(), pattern(code))) else { return 0 };
    // In a sorted list, the longest common prefix with a text is with one of the two
    // codes it would be inserted between.
    let text = |i: u32| catalogue.codes()[i as usize].code();
    let at = codes.partition_point(|&i| text(i) < code);
    let neighbours = codes.get(at.saturating_sub(1)..(at + 1).min(codes.len())).unwrap_or_default();
    let prefix = neighbours.iter().map(|&i| common_prefix_chars(text(i), code)).max().unwrap_or(0);
    if prefix >= 2 { prefix } else { 0 }
}

/// How many characters two texts start with in common.
fn common_prefix_chars(a: &str, b: &str) -> usize {
    let mut bytes = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(bytes) {
        bytes -= 1;
    }
    a[..bytes].chars().count()
}

/// A message match: the code, how it matched, placeholder values, similarity.
pub(crate) type MatchFound<'c> = (CodeRef<'c>, MessageMatch, Vec<String>, f64);

fn index_of(catalogue: &Catalogue) -> &MessageIndex {
    catalogue.message_index()
}

/// The first code (in table order) whose message equals the query's, folded.
fn equal_match<'c>(catalogue: &'c Catalogue, index: &MessageIndex, query: &Query<'_>) -> Option<MatchFound<'c>> {
    let &code = index.equal.get(query.folded.as_str())?;
    Some((CodeRef::at(catalogue, code as usize), MessageMatch::Equal, Vec::new(), 1.0))
}

/// The first code (in table order) whose message is a template the query fills in.
fn template_match<'c>(catalogue: &'c Catalogue, index: &MessageIndex, query: &Query<'_>) -> Option<MatchFound<'c>> {
    if index.templates.is_empty() {
        return None;
    }
    index.templates.iter().find_map(|t| {
        let values = fill_indexed(t, query)?;
        Some((CodeRef::at(catalogue, t.code as usize), MessageMatch::Template, values, 1.0))
    })
}

/// The values that fill an indexed template to give the query's text.
fn fill_indexed(t: &IndexedTemplate, query: &Query<'_>) -> Option<Vec<String>> {
    // Folding the text keeps its prefix's folded form in front: a cheap first test.
    if !query.folded.starts_with(t.folded.as_str()) {
        return None;
    }
    let (text, lower) = query.collapsed();
    if !lower.starts_with(t.prefix.as_str()) {
        return None;
    }
    t.template.fill(text)
}

/// The code of `catalogue` whose message equals the query's or is a template the
/// query fills in, as [`best_message_match`] would rank them, without looking for
/// merely similar messages.
fn precise_message_match<'c>(catalogue: &'c Catalogue, query: &Query<'_>) -> Option<MatchFound<'c>> {
    if query.folded.is_empty() {
        return None;
    }
    let index = index_of(catalogue);
    equal_match(catalogue, index, query).or_else(|| template_match(catalogue, index, query))
}

/// Every catalogue's equal messages and templates in one place, for asking all of a
/// registry's catalogues at once: built on first use.
#[derive(Debug, Clone, Default)]
pub(crate) struct PreciseIndex {
    /// Each folded message with the first code (catalogue, code, in registry order)
    /// that has it.
    equal: FxHashMap<Box<str>, (u32, u32)>,
    /// Every template, in registry order, with its catalogue.
    templates: Vec<(u32, IndexedTemplate)>,
    /// For each code (by catalogue and code position) whose own message names a more precise kind in another
    /// catalogue, what [`PreciseIndex::refinement`] answers for that message: worked
    /// out once, so a body that carries the documented text, the usual case, costs one
    /// hash lookup instead of folding and matching it. Worked out on the first
    /// refinement, which [`PreciseIndex::find`] alone does not need.
    own: OnceLock<FxHashMap<(u32, u32), OwnRefinement>>,
    /// Every catalogue's messages by their bigrams, a code's id being its catalogue's
    /// first id in `starts` plus its position: ids follow registry order. Built on the
    /// first search for a similar message in all catalogues.
    similar: OnceLock<(Vec<u32>, SimilarIndex)>,
}

/// A code's own message refined: catalogue and code positions of the precise code, how
/// its message matched, the placeholder values.
type OwnRefinement = (u32, u32, MessageMatch, Vec<String>);

impl PreciseIndex {
    pub(crate) fn new(catalogues: &[Catalogue]) -> PreciseIndex {
        let mut precise = PreciseIndex::default();
        for (c, catalogue) in catalogues.iter().enumerate() {
            let index = index_of(catalogue);
            for i in 0..index.entries.len() as u32 {
                if let Some(folded) = index.folded(i) {
                    precise.equal.entry(Box::from(folded)).or_insert((c as u32, i));
                }
            }
            for (i, folded) in &index.seen {
                precise.equal.entry(folded.clone()).or_insert((c as u32, *i));
            }
            for template in &index.templates {
                precise.templates.push((c as u32, template.clone()));
            }
        }
        precise
    }

    /// What [`PreciseIndex::refinement`] answers for each code's own message.
    fn own(&self, catalogues: &[Catalogue]) -> &FxHashMap<(u32, u32), OwnRefinement> {
        self.own.get_or_init(|| {
            let mut own = FxHashMap::default();
            for (at, catalogue) in catalogues.iter().enumerate() {
                for entry in catalogue.code_refs() {
                    let Some(message) = entry.message() else { continue };
                    if let Some(found) = self.refine(catalogues, entry, message) {
                        let (c, i) = self.position(catalogues, found.0);
                        own.insert((at as u32, entry.index() as u32), (c, i, found.1, found.2));
                    }
                }
            }
            own
        })
    }

    /// The code of any catalogue whose message is the most similar to the query's (at
    /// least `SIMILAR` alike; the first in registry order on a tie): what asking each
    /// catalogue for its most similar message and keeping the first best finds.
    pub(crate) fn most_similar<'r>(&self, catalogues: &'r [Catalogue], query: &Query<'_>) -> Option<MatchFound<'r>> {
        if query.folded.is_empty() {
            return None;
        }
        let (starts, similar) = self.similar.get_or_init(|| {
            let (mut starts, mut messages, mut start) = (Vec::with_capacity(catalogues.len()), Vec::new(), 0);
            for catalogue in catalogues {
                starts.push(start);
                let index = index_of(catalogue);
                messages.extend((0..index.entries.len() as u32).filter_map(|i| Some((start + i, index.folded(i)?))));
                start += index.entries.len() as u32;
            }
            let similar = SimilarIndex::new(messages.into_iter());
            (starts, similar)
        });
        let (id, score) = similar.most_similar(query)?;
        let c = starts.partition_point(|&start| start <= id) - 1;
        let catalogue = &catalogues[c];
        Some((CodeRef::at(catalogue, (id - starts[c]) as usize), MessageMatch::Similar, Vec::new(), score))
    }

    /// Where a code of `catalogues` is: catalogue and code positions.
    fn position(&self, catalogues: &[Catalogue], code: CodeRef<'_>) -> (u32, u32) {
        let c = catalogues.iter().position(|c| std::ptr::eq(c, code.catalogue())).unwrap_or_default();
        (c as u32, code.index() as u32)
    }

    /// The code of another catalogue whose message equals `message` (or is a template
    /// it fills in) and whose kind is narrower than `entry`'s: the precise condition a
    /// vendor's own message names beside a code that several services share (OAuth's
    /// `invalid_grant`). The first precise match decides; if it is not narrower,
    /// there is none.
    pub(crate) fn refinement<'r>(
        &self,
        catalogues: &'r [Catalogue],
        entry: CodeRef<'r>,
        message: &str,
    ) -> Option<MatchFound<'r>> {
        if entry.message() == Some(message) {
            let (c, i, how, values) = self.own(catalogues).get(&self.position(catalogues, entry))?;
            let catalogue = &catalogues[*c as usize];
            return Some((CodeRef::at(catalogue, *i as usize), *how, values.clone(), 1.0));
        }
        self.refine(catalogues, entry, message)
    }

    fn refine<'r>(&self, catalogues: &'r [Catalogue], entry: CodeRef<'r>, message: &str) -> Option<MatchFound<'r>> {
        // Asked before the message is folded: most kinds have nothing narrower.
        if !crate::taxonomy::has_narrower_kinds(entry.kind()) {
            return None;
        }
        self.find(catalogues, &Query::new(message)).filter(|(hit, _, _, _)| {
            !std::ptr::eq(hit.catalogue(), entry.catalogue()) && entry.kind().is_ancestor_of(hit.kind())
        })
    }

    /// What asking each catalogue in turn for an equal message or a filled-in template
    /// finds: the first equal message in any catalogue, else the first template.
    pub(crate) fn find<'r>(&self, catalogues: &'r [Catalogue], query: &Query<'_>) -> Option<MatchFound<'r>> {
        if query.folded.is_empty() {
            return None;
        }
        let code = |c: u32, i: u32| {
            let catalogue = &catalogues[c as usize];
            CodeRef::at(catalogue, i as usize)
        };
        if let Some(&(c, i)) = self.equal.get(query.folded.as_str()) {
            return Some((code(c, i), MessageMatch::Equal, Vec::new(), 1.0));
        }
        self.templates.iter().find_map(|(c, t)| {
            let values = fill_indexed(t, query)?;
            Some((code(*c, t.code), MessageMatch::Template, values, 1.0))
        })
    }
}

/// The code of `catalogue` whose message best matches the query, with how it matched
/// and the values of the message's placeholders when it matched as a template: an
/// equal message first, then a template filled in, then the most similar message
/// (first in table order on a tie).
pub(crate) fn best_message_match<'c>(catalogue: &'c Catalogue, query: &Query<'_>) -> Option<MatchFound<'c>> {
    if query.folded.is_empty() {
        return None;
    }
    precise_message_match(catalogue, query).or_else(|| similar_message_match(catalogue, query))
}

/// The code of `catalogue` whose message is the most similar to the query's, of those
/// at least `SIMILAR` alike (first in table order on a tie), as [`best_message_match`]
/// finds it when no message is equal and no template filled.
pub(crate) fn similar_message_match<'c>(catalogue: &'c Catalogue, query: &Query<'_>) -> Option<MatchFound<'c>> {
    if query.folded.is_empty() {
        return None;
    }
    let (i, score) = index_of(catalogue).similar.most_similar(query)?;
    Some((CodeRef::at(catalogue, i as usize), MessageMatch::Similar, Vec::new(), score))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::{Bigram, SIMILAR, bigrams_into, dice, fold, is_cjk_ideograph, similarity};

    #[test]
    fn templates_yield_their_values() {
        let template =
            "User has been locked due to multiple login failures. It will be unlocked in {0} minutes and {1} seconds.";
        let text =
            "User has been locked due to multiple login failures. It will be unlocked in 4 minutes and 59 seconds.";
        assert_eq!(fill_template(template, text), Some(vec!["4".to_string(), "59".to_string()]));
        let attempts = "Invalid account name or password. Remaining attempts: {0}";
        assert_eq!(
            fill_template(attempts, "invalid account name or password. Remaining attempts: 3 "),
            Some(vec!["3".into()])
        );
        assert_eq!(fill_template(attempts, "Invalid account name or password."), None);
        assert_eq!(fill_template("no placeholders", "no placeholders"), None);
    }

    #[test]
    fn folding_ideographs_needs_no_tables() {
        for c in ('\u{4E00}'..='\u{9FFF}').filter(|&c| is_cjk_ideograph(c)) {
            assert!(c.is_alphanumeric(), "{c:?}");
            assert_eq!(c.to_lowercase().collect::<String>(), c.to_string(), "{c:?}");
        }
        for text in ["Ünïcode ĞRÜSSE 42", "İstanbul", "用户不存在！", "ǅungla", "ⅫⅣ", "ΣΑΣ"] {
            let slow: String = text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
            assert_eq!(fold(text), slow, "{text}");
        }
    }

    /// The indexed search for a similar message (a window of lengths, postings) finds
    /// what comparing the text with every message of the catalogue finds: the highest
    /// similarity of at least `SIMILAR`, the first in table order on a tie.
    #[test]
    fn similar_messages_are_found_as_a_full_scan_finds_them() {
        let mut checked = 0;
        for catalogue in crate::Registry::builtin().catalogues() {
            let known: Vec<(usize, Vec<Bigram>)> = (catalogue.codes().iter().enumerate())
                .filter_map(|(i, code)| {
                    let mut pairs = Vec::new();
                    bigrams_into(&fold(code.message()?), &mut pairs);
                    Some((i, pairs))
                })
                .collect();
            for code in catalogue.codes().iter().step_by(2) {
                let Some(message) = code.message() else { continue };
                let cut: String = message.chars().take(message.chars().count().saturating_sub(1)).collect();
                let changed: String = message.chars().enumerate().map(|(i, c)| if i == 3 { 'q' } else { c }).collect();
                for probe in [cut, changed, format!("{message} please"), format!("Error: {message}")] {
                    let query = Query::new(&probe);
                    if precise_message_match(catalogue, &query).is_some() {
                        continue;
                    }
                    let mut pairs = Vec::new();
                    bigrams_into(&query.folded, &mut pairs);
                    let mut expected: Option<(usize, f64)> = None;
                    for (i, theirs) in &known {
                        let score = dice(&pairs, theirs);
                        if score >= SIMILAR && expected.is_none_or(|(_, best)| score > best) {
                            expected = Some((*i, score));
                        }
                    }
                    let found = best_message_match(catalogue, &query).map(|(code, how, _, score)| {
                        assert_eq!(how, MessageMatch::Similar);
                        (code.index(), score)
                    });
                    assert_eq!(found, expected, "{} {probe:?}", catalogue.id());
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    /// The registry-wide search for a similar message finds what asking each catalogue
    /// in turn, and keeping the first best, finds.
    #[test]
    fn all_catalogues_at_once_find_what_each_in_turn_finds() {
        let catalogues = crate::Registry::builtin().catalogues();
        let precise = PreciseIndex::new(catalogues);
        let (mut checked, mut found) = (0, 0);
        for catalogue in catalogues {
            for code in catalogue.codes() {
                let Some(message) = code.message() else { continue };
                let cut: String = message.chars().take(message.chars().count().saturating_sub(1)).collect();
                for probe in [cut, format!("{message} please"), format!("Error: {message}"), "nothing alike".into()] {
                    let query = Query::new(&probe);
                    let mut expected: Option<MatchFound<'_>> = None;
                    for each in catalogues {
                        if let Some(hit) = similar_message_match(each, &query) {
                            if expected.as_ref().is_none_or(|best| hit.3 > best.3) {
                                expected = Some(hit);
                            }
                        }
                    }
                    let ours = precise.most_similar(catalogues, &query);
                    let key = |m: &Option<MatchFound<'_>>| {
                        m.as_ref().map(|(code, how, _, score)| {
                            (code.catalogue().id().to_string(), code.code().to_string(), *how, *score)
                        })
                    };
                    assert_eq!(key(&ours), key(&expected), "{probe:?}");
                    checked += 1;
                    found += usize::from(ours.is_some());
                }
            }
        }
        assert!(checked > 3000 && found > 2000, "{checked} {found}");
    }

    /// Affinity by neighbours in the sorted lists equals the longest prefix shared with
    /// any code of the same length and classes, for every code of every catalogue and
    /// for codes one character off.
    #[test]
    fn affinity_is_the_longest_prefix_with_a_code_of_the_same_pattern() {
        let naive = |buckets: &std::collections::HashMap<(usize, Box<[u8]>), Vec<&str>>, code: &str| {
            buckets
                .get(&(code.len(), pattern(code)))
                .into_iter()
                .flatten()
                .map(|known| known.chars().zip(code.chars()).take_while(|(a, b)| a == b).count())
                .filter(|&prefix| prefix >= 2)
                .max()
                .unwrap_or(0)
        };
        let mut checked = 0;
        for catalogue in crate::Registry::builtin().catalogues() {
            let mut buckets = std::collections::HashMap::new();
            for code in catalogue.codes() {
                buckets.entry((code.code().len(), pattern(code.code()))).or_insert_with(Vec::new).push(code.code());
            }
            for code in catalogue.codes() {
                let code = code.code();
                let mut probes = vec![code.to_string(), format!("{code}9"), format!("中{code}")];
                for (at, c) in code.char_indices() {
                    for replacement in ['0', '9', 'A', 'z', '_', '码'] {
                        if replacement != c {
                            probes.push(format!("{}{replacement}{}", &code[..at], &code[at + c.len_utf8()..]));
                        }
                    }
                }
                for probe in probes {
                    assert_eq!(code_affinity(catalogue, &probe), naive(&buckets, &probe), "{} {probe}", catalogue.id());
                    checked += 1;
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn similarity_works_without_spaces() {
        assert!(similarity(&fold("该邮箱地址已经使用"), &fold("该邮箱地址已经被使用")) > 0.8);
        assert!(similarity(&fold("用户不存在"), &fold("密码错误")) < 0.3);
        assert_eq!(similarity("", "abc"), 0.0);
    }
}
