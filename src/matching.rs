//! Matching vendor text against catalogue messages.
//!
//! Vendors reword messages and fill in their placeholders, so a message from a log or a
//! body is compared three ways: equal once case, spacing and punctuation are ignored;
//! equal to a template with its `{0}`, `{1}` filled in (which also yields the values);
//! or similar enough by character bigrams, which works for Chinese text without spaces
//! as well as for English.

use crate::catalogue::Catalogue;
use crate::registry::CodeRef;

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

/// The lowercase letters, digits and ideographs of `text`, without spacing or
/// punctuation.
pub(crate) fn fold(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Dice similarity of the character bigrams of two folded strings, from 0 to 1.
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    let bigrams = |s: &str| -> Vec<(char, char)> {
        let chars: Vec<char> = s.chars().collect();
        let mut pairs: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        if chars.len() == 1 {
            pairs.push((chars[0], ' '));
        }
        pairs.sort_unstable();
        pairs
    };
    let (a, b) = (bigrams(a), bigrams(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * common(&a, &b) as f64 / (a.len() + b.len()) as f64
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

/// The values that fill the `{N}` placeholders of `template` to give `text`, in
/// placeholder-number order, or `None` when `text` is not an instance of `template`.
/// The literal parts compare ignoring ASCII case and surrounding whitespace.
pub fn fill_template(template: &str, text: &str) -> Option<Vec<String>> {
    let (template, text) = (collapse_spaces(template), collapse_spaces(text));
    let (template, text) = (template.as_str(), text.as_str());
    let mut literals = Vec::new();
    let mut order = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
        let inner = &rest[open + 1..close];
        match inner.parse::<usize>() {
            Ok(n) => {
                literals.push(&rest[..open]);
                order.push(n);
                rest = &rest[close + 1..];
            }
            Err(_) => break,
        }
    }
    if order.is_empty() {
        return None;
    }
    literals.push(rest);
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let first = literals[0].trim_start().to_ascii_lowercase();
    if !lower.starts_with(&first) {
        return None;
    }
    let mut at = first.len();
    let mut values = vec![String::new(); order.iter().max().map_or(0, |m| m + 1)];
    for (i, &n) in order.iter().enumerate() {
        let literal = literals[i + 1].to_ascii_lowercase();
        let last = i + 1 == order.len();
        let end = if last {
            let literal = literal.trim_end();
            if !lower.ends_with(literal) || lower.len() - literal.len() < at {
                return None;
            }
            lower.len() - literal.len()
        } else if literal.is_empty() {
            return None;
        } else {
            at + lower[at..].find(&literal)?
        };
        let value = text.get(at..end)?.trim();
        if value.is_empty() {
            return None;
        }
        values[n] = value.to_string();
        at = end + literal.len();
    }
    Some(values)
}

/// `text` with every run of whitespace as one space.
fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The code of `catalogue` whose message best matches `text`, with how it matched and
/// the values of the message's placeholders when it matched as a template.
pub(crate) fn best_message_match<'c>(
    catalogue: &'c Catalogue,
    text: &str,
) -> Option<(CodeRef<'c>, MessageMatch, Vec<String>, f64)> {
    let folded = fold(text);
    if folded.is_empty() {
        return None;
    }
    let length = folded.chars().count();
    let mut best: Option<(CodeRef<'c>, MessageMatch, Vec<String>, f64)> = None;
    for code in catalogue.code_refs() {
        let Some(message) = code.message() else { continue };
        let known = fold(message);
        let known_length = known.chars().count();
        let candidate = if known == folded {
            Some((MessageMatch::Equal, Vec::new(), 1.0))
        } else if let Some(values) = code
            .params()
            .len()
            .checked_sub(1)
            .filter(|_| has_literal_text(message))
            .and_then(|_| fill_template(message, text))
        {
            Some((MessageMatch::Template, values, 1.0))
        } else if 2 * length.min(known_length) * 10 < 8 * (length + known_length) {
            // Dice similarity cannot reach the threshold with lengths this far apart.
            None
        } else {
            let score = similarity(&folded, &known);
            (score >= SIMILAR).then(|| (MessageMatch::Similar, Vec::new(), score))
        };
        if let Some((how, values, score)) = candidate {
            let better = best.as_ref().is_none_or(|(_, h, _, s)| (how, score) > (*h, *s));
            if better {
                best = Some((code, how, values, score));
            }
        }
    }
    best
}

/// Whether `template` has text besides its `{N}` placeholders. A message that is only a
/// placeholder (Okta's "{0}", "{0}.") is an instance of every text and identifies nothing.
fn has_literal_text(template: &str) -> bool {
    let mut rest = template;
    let mut literal = String::new();
    while let Some(open) = rest.find('{') {
        literal.push_str(&rest[..open]);
        match rest[open..].find('}') {
            Some(close) if rest[open + 1..open + close].parse::<usize>().is_ok() => rest = &rest[open + close + 1..],
            _ => {
                literal.push('{');
                rest = &rest[open + 1..];
            }
        }
    }
    literal.push_str(rest);
    !fold(&literal).is_empty()
}

/// The least bigram similarity that counts as the same message reworded.
const SIMILAR: f64 = 0.8;

#[cfg(test)]
mod tests {
    use super::*;

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
    fn similarity_works_without_spaces() {
        assert!(similarity(&fold("该邮箱地址已经使用"), &fold("该邮箱地址已经被使用")) > 0.8);
        assert!(similarity(&fold("用户不存在"), &fold("密码错误")) < 0.3);
        assert_eq!(similarity("", "abc"), 0.0);
    }
}
