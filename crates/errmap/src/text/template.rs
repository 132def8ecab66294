//! Vendor message templates with `{0}`, `{1}` placeholders: parsed once, filled from a
//! text to recover the values.

use super::fold::{collapse_spaces, fold};

/// A template cut at its `{N}` placeholders, with its whitespace collapsed: the literal
/// parts (one more than the placeholders) and the placeholder numbers in order. Parsed
/// once per code when a catalogue's messages are indexed.
#[derive(Debug, Clone)]
pub(crate) struct Template {
    literals: Box<[Box<str>]>,
    order: Box<[usize]>,
}

impl Template {
    /// `None` without placeholders.
    pub(crate) fn parse(template: &str) -> Option<Template> {
        let template = collapse_spaces(template);
        let mut literals = Vec::new();
        let mut order = Vec::new();
        let mut rest = &*template;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
            let inner = &rest[open + 1..close];
            match inner.parse::<usize>() {
                Ok(n) => {
                    literals.push(Box::from(&rest[..open]));
                    order.push(n);
                    rest = &rest[close + 1..];
                }
                Err(_) => break,
            }
        }
        if order.is_empty() {
            return None;
        }
        literals.push(Box::from(rest));
        Some(Template { literals: literals.into(), order: order.into() })
    }

    /// What a text must start with (ASCII-lowercased, after trimming) to fill the template.
    pub(crate) fn prefix(&self) -> String {
        self.literals[0].trim_start().to_ascii_lowercase()
    }

    /// The values, given the text with its whitespace collapsed and trimmed. The literal
    /// parts compare ignoring ASCII case, which keeps byte offsets, so nothing is
    /// lowercased or copied but the values.
    pub(crate) fn fill(&self, text: &str) -> Option<Vec<String>> {
        let first = self.literals[0].trim_start();
        if !starts_with_ignore_case(text, first) {
            return None;
        }
        let mut at = first.len();
        let mut values = vec![String::new(); self.order.iter().max().map_or(0, |m| m + 1)];
        for (i, &n) in self.order.iter().enumerate() {
            let literal = &*self.literals[i + 1];
            let last = i + 1 == self.order.len();
            let (end, skip) = if last {
                let literal = literal.trim_end();
                if !ends_with_ignore_case(text, literal) || text.len() - literal.len() < at {
                    return None;
                }
                (text.len() - literal.len(), literal.len())
            } else if literal.is_empty() {
                return None;
            } else {
                (at + crate::text::find_ignore_ascii_case(text.get(at..)?, literal)?, literal.len())
            };
            let value = text.get(at..end)?.trim();
            if value.is_empty() {
                return None;
            }
            values[n] = value.to_string();
            at = end + skip;
        }
        Some(values)
    }
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.as_bytes().get(..prefix.len()).is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

fn ends_with_ignore_case(text: &str, suffix: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= suffix.len() && bytes[bytes.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// The values that fill the `{N}` placeholders of `template` to give `text`, in
/// placeholder-number order, or `None` when `text` is not an instance of `template`.
/// The literal parts compare ignoring ASCII case and surrounding whitespace.
pub(crate) fn fill_template(template: &str, text: &str) -> Option<Vec<String>> {
    Template::parse(template)?.fill(&collapse_spaces(text))
}

/// Whether `template` has text besides its `{N}` placeholders.
pub(crate) fn has_literal_text(template: &str) -> bool {
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
