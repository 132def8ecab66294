//! What matching needs of one catalogue's messages, worked out once per catalogue: the
//! folded messages, the equal ones by value, the templates, and the codes by the shape
//! of their text.

use crate::code::Code;
use crate::fxhash::FxHashMap;
use crate::text::{SimilarIndex, Template, fold, fold_into, has_literal_text};

/// What matching needs of a catalogue's messages, worked out once per catalogue on
/// first use: each message folded, with its sorted character bigrams; the folded
/// messages by value, for finding an equal one; and the templates with the prefix a
/// text must have to fill them.
#[derive(Debug, Clone, Default)]
pub(crate) struct MessageIndex {
    /// Every folded message, one after the other.
    pub(crate) folded: String,
    /// Per code (by index): the byte range of its folded message in `folded`; `None`
    /// for a code without a message.
    pub(crate) entries: Vec<Option<(u32, u32)>>,
    /// The messages by their bigrams, ids being code positions.
    pub(crate) similar: SimilarIndex,
    /// Each folded message with the first code (in table order) that has it.
    pub(crate) equal: FxHashMap<Box<str>, u32>,
    /// The codes by their byte length and the classes of their characters (see
    /// [`code_affinity`]), each list sorted by code.
    pub(crate) by_pattern: FxHashMap<(usize, Box<[u8]>), Vec<u32>>,
    /// Codes with placeholders, in table order, with the prefix (see
    /// [`Template::prefix`]) and the prefix folded: the folded text of an instance
    /// starts with it.
    pub(crate) templates: Vec<IndexedTemplate>,
    /// The texts seen from the vendor's servers (see `Code::seen_messages`), folded,
    /// each with its code, in table order.
    pub(crate) seen: Vec<(u32, Box<str>)>,
}

/// A code's message template, parsed, with the prefix (see [`Template::prefix`]) a text
/// must start with to fill it and that prefix folded: the folded text of an instance
/// starts with it.
#[derive(Debug, Clone)]
pub(crate) struct IndexedTemplate {
    pub(crate) code: u32,
    pub(crate) template: Template,
    pub(crate) prefix: String,
    pub(crate) folded: String,
}

impl MessageIndex {
    pub(crate) fn new(codes: &[Code]) -> MessageIndex {
        let mut index = MessageIndex::default();
        for code in codes {
            let entry = code.message().map(|message| {
                let start = index.folded.len();
                fold_into(message, &mut index.folded);
                (start as u32, index.folded.len() as u32)
            });
            index.entries.push(entry);
        }
        index.similar = SimilarIndex::new((0..index.entries.len() as u32).filter_map(|i| Some((i, index.folded(i)?))));
        for (i, code) in codes.iter().enumerate() {
            let key = (code.code().len(), pattern(code.code()));
            index.by_pattern.entry(key).or_default().push(i as u32);
        }
        for positions in index.by_pattern.values_mut() {
            positions.sort_unstable_by_key(|&i| codes[i as usize].code());
        }
        for i in 0..index.entries.len() as u32 {
            if let Some(folded) = index.folded(i) {
                let folded = Box::from(folded);
                index.equal.entry(folded).or_insert(i);
            }
        }
        // After every documented message: a documented text keeps its own code.
        for (i, code) in codes.iter().enumerate() {
            for seen in code.seen_messages() {
                let folded: Box<str> = fold(seen).into();
                if !folded.is_empty() {
                    index.equal.entry(folded.clone()).or_insert(i as u32);
                    index.seen.push((i as u32, folded));
                }
            }
        }
        for (i, code) in codes.iter().enumerate() {
            if code.params().len() == 0 {
                continue;
            }
            let Some(message) = code.message() else { continue };
            // A message that is only placeholders (Okta's "{0}.") is an instance of every
            // text and identifies nothing.
            if !has_literal_text(message) {
                continue;
            }
            if let Some(template) = Template::parse(message) {
                let prefix = template.prefix();
                let folded = fold(&prefix);
                index.templates.push(IndexedTemplate { code: i as u32, template, prefix, folded });
            }
        }
        index
    }

    /// Whether `folded` is code `code`'s documented message or one of its seen ones,
    /// both folded (see [`fold`]).
    pub(crate) fn agrees(&self, code: u32, folded: &str) -> bool {
        if self.folded(code) == Some(folded) {
            return true;
        }
        let start = self.seen.partition_point(|(c, _)| *c < code);
        self.seen[start..].iter().take_while(|(c, _)| *c == code).any(|(_, seen)| &**seen == folded)
    }

    /// The folded message of a code, if it has one.
    pub(crate) fn folded(&self, code: u32) -> Option<&str> {
        self.entries[code as usize].map(|(start, end)| &self.folded[start as usize..end as usize])
    }
}

/// The class of each character of a code: digit, uppercase, lowercase (ASCII) or other.
pub(crate) fn pattern(code: &str) -> Box<[u8]> {
    code.chars()
        .map(|c| {
            u8::from(c.is_ascii_digit()) | u8::from(c.is_ascii_uppercase()) << 1 | u8::from(c.is_ascii_lowercase()) << 2
        })
        .collect()
}
