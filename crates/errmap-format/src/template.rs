//! Vendor message templates: the one parser of placeholders, for the checker, message
//! matching and search alike.
//!
//! Vendors write placeholders three ways: numbered (`{0}`, `{1}`, OneAccess and Okta),
//! named (`{name}`) and printf-style (`%s`, `%d`, `%v`, Supabase's Go messages). A
//! [`Template`] cuts a message at every one of them. Numbered and named placeholders
//! are the catalogue's declared parameters (the code's `params` names them, in order);
//! printf-style ones are filled in by position and need no name.
//!
//! ```
//! use errmap_auth_format::template::Template;
//!
//! let template = Template::parse("Field {name} is locked for {0} minutes");
//! assert_eq!(template.literals(), ["Field ", " is locked for ", " minutes"]);
//! assert_eq!(template.slots(), [1, 0]);
//! assert_eq!(template.declared_params(), 2);
//!
//! let printf = Template::parse("Error sending %s OTP to provider: %v");
//! assert_eq!(printf.slots(), [0, 1]);
//! assert_eq!(printf.declared_params(), 0);
//! ```

/// A message cut at its placeholders: the literal parts around them (one more than the
/// placeholders) and, for each placeholder, the position of the value it takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    literals: Vec<String>,
    slots: Vec<usize>,
    declared: usize,
}

/// One placeholder as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placeholder<'a> {
    Numbered(usize),
    Named(&'a str),
    Printf,
}

/// The placeholder at the start of `text`, if there is one, with its length in bytes.
fn placeholder_at(text: &str) -> Option<(Placeholder<'_>, usize)> {
    let bytes = text.as_bytes();
    match bytes.first()? {
        b'{' => {
            let close = text.find('}')?;
            let inner = &text[1..close];
            let first = inner.bytes().next()?;
            if inner.bytes().all(|b| b.is_ascii_digit()) {
                Some((Placeholder::Numbered(inner.parse().ok()?), close + 1))
            } else if (first.is_ascii_alphabetic() || first == b'_')
                && inner.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            {
                Some((Placeholder::Named(inner), close + 1))
            } else {
                None
            }
        }
        b'%' => matches!(bytes.get(1), Some(b's' | b'd' | b'v')).then_some((Placeholder::Printf, 2)),
        _ => None,
    }
}

impl Template {
    /// `message` cut at its placeholders; a message without any is one literal.
    pub fn parse(message: &str) -> Template {
        let mut found: Vec<(usize, usize, Placeholder<'_>)> = Vec::new();
        let mut at = 0;
        while let Some(offset) = message[at..].find(['{', '%']) {
            let start = at + offset;
            match placeholder_at(&message[start..]) {
                Some((placeholder, length)) => {
                    found.push((start, length, placeholder));
                    at = start + length;
                }
                None => at = start + 1,
            }
        }
        // Numbered placeholders take their own number; named ones the positions after
        // the highest number, in order of first appearance; printf-style ones the
        // positions after those, one each.
        let numbered = found.iter().filter_map(|(_, _, p)| match p {
            Placeholder::Numbered(n) => Some(*n),
            _ => None,
        });
        let mut next = numbered.max().map_or(0, |n| n + 1);
        let mut distinct_numbers: Vec<usize> = Vec::new();
        let mut names: Vec<(&str, usize)> = Vec::new();
        let mut slots = Vec::with_capacity(found.len());
        for (_, _, placeholder) in &found {
            if let Placeholder::Named(name) = placeholder {
                if !names.iter().any(|(known, _)| known == name) {
                    names.push((name, next));
                    next += 1;
                }
            }
        }
        for (_, _, placeholder) in &found {
            slots.push(match placeholder {
                Placeholder::Numbered(n) => {
                    if !distinct_numbers.contains(n) {
                        distinct_numbers.push(*n);
                    }
                    *n
                }
                Placeholder::Named(name) => names.iter().find(|(known, _)| known == name).map_or(0, |(_, slot)| *slot),
                Placeholder::Printf => {
                    next += 1;
                    next - 1
                }
            });
        }
        let mut literals = Vec::with_capacity(found.len() + 1);
        let mut from = 0;
        for (start, length, _) in &found {
            literals.push(message[from..*start].to_string());
            from = start + length;
        }
        literals.push(message[from..].to_string());
        Template { literals, slots, declared: distinct_numbers.len() + names.len() }
    }

    /// The text around the placeholders, in order: one more than the placeholders.
    pub fn literals(&self) -> &[String] {
        &self.literals
    }

    /// For each placeholder in order, the position of the value it takes.
    pub fn slots(&self) -> &[usize] {
        &self.slots
    }

    /// Whether the message has any placeholder.
    pub fn has_placeholders(&self) -> bool {
        !self.slots.is_empty()
    }

    /// How many parameters the catalogue must name: the distinct numbered and named
    /// placeholders.
    pub fn declared_params(&self) -> usize {
        self.declared
    }

    /// The message without its placeholders, each replaced by `with`.
    pub fn without_placeholders(&self, with: &str) -> String {
        self.literals.join(with)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_placeholders_keep_their_numbers() {
        let t = Template::parse("in {1} minutes and {0} s");
        assert_eq!(t.literals(), ["in ", " minutes and ", " s"]);
        assert_eq!(t.slots(), [1, 0]);
        assert_eq!(t.declared_params(), 2);
    }

    #[test]
    fn braces_and_percents_that_are_not_placeholders_stay_text() {
        let t = Template::parse("a {x-y} {} {0 %% 50% {");
        assert!(!t.has_placeholders(), "{t:?}");
        assert_eq!(t.literals(), ["a {x-y} {} {0 %% 50% {"]);
    }

    #[test]
    fn a_repeated_placeholder_is_one_parameter() {
        let t = Template::parse("{0} and {0}, {name} and {name}");
        assert_eq!(t.slots(), [0, 0, 1, 1]);
        assert_eq!(t.declared_params(), 2);
        assert_eq!(t.without_placeholders(" "), "  and  ,   and  ");
    }
}
