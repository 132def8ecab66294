//! Vendor message templates, filled from a text to recover the values. The
//! placeholders are found by the format crate's one parser
//! ([`errmap_auth_format::template::Template`]), which the checker and search use too.

use errmap_auth_format::template::Template as Placeholders;

use super::fold::{collapse_spaces, fold};

/// A template cut at its placeholders, with its whitespace collapsed: the literal
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
        let parsed = Placeholders::parse(&collapse_spaces(template));
        if !parsed.has_placeholders() {
            return None;
        }
        let literals = parsed.literals().iter().map(|l| Box::from(l.as_str())).collect();
        Some(Template { literals, order: parsed.slots().into() })
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

/// Whether `template` has text besides its placeholders.
pub(crate) fn has_literal_text(template: &str) -> bool {
    Placeholders::parse(template).literals().iter().any(|literal| !fold(literal).is_empty())
}
