//! Which messages of a Fluent resource a bundle answers for, and which of their
//! patterns need no formatting, with their text. build.rs compiles the shipped
//! messages with this (it is included there by path); the tests hold it to what
//! `fluent-bundle` does.

use std::collections::HashSet;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Message, Pattern, PatternElement, Resource};
use fluent_syntax::unicode::unescape_unicode;

/// The messages a bundle of one resource answers for: the first entry of each name,
/// when that entry is a message (messages and terms share a bundle's names, and a
/// bundle keeps the first entry of a name).
pub fn bundle_messages<'r>(resource: &'r Resource<&'r str>) -> impl Iterator<Item = &'r Message<&'r str>> {
    let mut names = HashSet::new();
    resource.body.iter().filter_map(move |entry| {
        let name = match entry {
            Entry::Message(message) => message.id.name,
            Entry::Term(term) => term.id.name,
            _ => return None,
        };
        if !names.insert(name) {
            return None;
        }
        match entry {
            Entry::Message(message) => Some(message),
            _ => None,
        }
    })
}

/// The text `FluentBundle::format_pattern` makes of a pattern (without isolation
/// marks) whatever the arguments, when the pattern is made only of text and string
/// literals (`{"{"}`, unescaped as Fluent does); `None` for a pattern with variables,
/// selectors, references or functions, which has to be formatted at run time.
pub fn plain_text(pattern: &Pattern<&str>) -> Option<String> {
    // fluent-bundle gives up on a pattern with more placeables than this, with an
    // error: leave such a pattern to it.
    const MAX_PLACEABLES: usize = 100;
    let mut text = String::new();
    let mut placeables = 0;
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable { expression: Expression::Inline(InlineExpression::StringLiteral { value }) } => {
                placeables += 1;
                if placeables > MAX_PLACEABLES {
                    return None;
                }
                unescape_unicode(&mut text, value).ok()?;
            }
            PatternElement::Placeable { .. } => return None,
        }
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use fluent_bundle::{FluentBundle, FluentResource};
    use fluent_syntax::parser;

    use super::*;

    /// Messages that exercise what a plain text can hold, and what makes a pattern
    /// need formatting.
    const SOURCE: &str = r#"
plain = Just text, with { "{" }braces{"}"} and spaces  inside
escapes = {"\\"} {"\""} {"\u00E9"} {"\U01F60A"} {"\uD800"} {""}
only-literal = {"  kept  "}
multiline =
    First line
      indented more
    { "literal" } last

attributes = Value
    .one = One {"}"}
    .one = The second of a name
    .two = { $count } variables
only-attributes =
    .hint = A hint
-shadowed = a term first
shadowed = a message of a term's name
twice = the first
twice = the second
variable = Hello { $name }
reference = { plain }
term-reference = { -shadowed }
selector = { $n ->
   *[other] some
}
nested = {{"nested"}}
function = { NUMBER(1) }
many = {"1"}{"2"}{"3"}{"4"}{"5"}{"6"}{"7"}{"8"}{"9"}{"10"}{"1"}{"2"}{"3"}{"4"}{"5"}{"6"}{"7"}{"8"}{"9"}{"20"}{"1"}{"2"}{"3"}{"4"}{"5"}{"6"}{"7"}{"8"}{"9"}{"30"}{"1"}{"2"}{"3"}{"4"}{"5"}{"6"}{"7"}{"8"}{"9"}{"40"}{"1"}{"2"}{"3"}{"4"}{"5"}{"6"}{"7"}{"8"}{"9"}{"50"}{"1"}{"2"}{"3"}{"4"}{"5"}{"6"}{"7"}{"8"}{"9"}{"60"}{"1"}{"2"}{"3"}{"4"}{"5"}{"6"}{"7"}{"8"}{"9"}{"70"}{"1"}{"2"}{"3"}{"4"}{"5"}{"6"}{"7"}{"8"}{"9"}{"80"}{"1"}{"2"}{"3"}{"4"}{"5"}{"6"}{"7"}{"8"}{"9"}{"90"}{"1"}{"2"}{"3"}{"4"}{"5"}{"6"}{"7"}{"8"}{"9"}{"100"}{"1"}
hundred = {"1"}{"2"}{"3"}{"4"}{"5"}{"6"}{"7"}{"8"}{"9"}{"10"}{"1"}{"2"}{"3"}{"4"}{"5"}{"6"}{"7"}{"8"}{"9"}{"20"}{"1"}{"2"}{"3"}{"4"}{"5"}{"6"}{"7"}{"8"}{"9"}{"30"}{"1"}{"2"}{"3"}{"4"}{"5"}{"6"}{"7"}{"8"}{"9"}{"40"}{"1"}{"2"}{"3"}{"4"}{"5"}{"6"}{"7"}{"8"}{"9"}{"50"}{"1"}{"2"}{"3"}{"4"}{"5"}{"6"}{"7"}{"8"}{"9"}{"60"}{"1"}{"2"}{"3"}{"4"}{"5"}{"6"}{"7"}{"8"}{"9"}{"70"}{"1"}{"2"}{"3"}{"4"}{"5"}{"6"}{"7"}{"8"}{"9"}{"80"}{"1"}{"2"}{"3"}{"4"}{"5"}{"6"}{"7"}{"8"}{"9"}{"90"}{"1"}{"2"}{"3"}{"4"}{"5"}{"6"}{"7"}{"8"}{"9"}{"100"}
junk = { "unclosed
after-junk = Still read
crlf = one\r\n    two
"#;

    fn bundle(source: &str) -> FluentBundle<FluentResource> {
        let mut bundle = FluentBundle::new(vec!["en".parse().expect("a language tag")]);
        bundle.set_use_isolating(false);
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
        // Duplicate names are part of the test: the bundle keeps the first.
        let _ = bundle.add_resource(resource);
        bundle
    }

    /// Every value and attribute of every message: the text compiled where there is
    /// one (then exactly what the bundle formats, without errors), else the id.
    fn compile(source: &str) -> Vec<(String, Result<String, String>)> {
        let bundle = bundle(source);
        let resource = parser::parse_runtime(source).unwrap_or_else(|(partial, _)| partial);
        let mut compiled = Vec::new();
        for message in bundle_messages(&resource) {
            let id = message.id.name;
            let runtime = bundle.get_message(id).unwrap_or_else(|| panic!("the bundle has no {id}"));
            // `FluentMessage::get_attribute` finds the first attribute of a name.
            let mut names = HashSet::new();
            let attributes = message.attributes.iter().filter(|a| names.insert(a.id.name));
            let patterns =
                message.value.iter().map(|value| (id.to_string(), value, runtime.value())).chain(attributes.map(|a| {
                    (format!("{id}.{}", a.id.name), &a.value, runtime.get_attribute(a.id.name).map(|a| a.value()))
                }));
            for (name, pattern, runtime) in patterns {
                let runtime = runtime.unwrap_or_else(|| panic!("the bundle has no {name}"));
                let mut errors = Vec::new();
                let formatted = bundle.format_pattern(runtime, None, &mut errors);
                let text = plain_text(pattern);
                if let Some(text) = &text {
                    assert!(errors.is_empty(), "{name}: compiled {text:?}, Fluent reports {errors:?}");
                    assert_eq!(text, &formatted, "{name}");
                }
                compiled.push((name.clone(), text.ok_or(name)));
            }
        }
        compiled
    }

    #[test]
    fn plain_text_is_what_fluent_formats() {
        let source = SOURCE.replace("\\r\\n", "\r\n");
        let compiled = compile(&source);
        let text = |name: &str| {
            compiled.iter().find(|(n, _)| n == name).map(|(_, text)| text.clone()).unwrap_or_else(|| {
                panic!("{name} is not among the bundle's messages: {compiled:?}");
            })
        };
        assert_eq!(text("plain"), Ok("Just text, with {braces} and spaces  inside".to_string()));
        assert_eq!(text("escapes"), Ok("\\ \" é 😊 \u{FFFD} ".to_string()));
        assert_eq!(text("only-literal"), Ok("  kept  ".to_string()));
        assert_eq!(text("multiline"), Ok("First line\n  indented more\nliteral last".to_string()));
        assert_eq!(text("attributes"), Ok("Value".to_string()));
        assert_eq!(text("attributes.one"), Ok("One }".to_string()), "the first attribute of a name");
        assert_eq!(text("only-attributes.hint"), Ok("A hint".to_string()));
        assert_eq!(text("twice"), Ok("the first".to_string()));
        assert_eq!(text("hundred").map(|t| t.len()), Ok(111), "a hundred placeables are formatted");
        assert_eq!(text("after-junk"), Ok("Still read".to_string()));
        assert_eq!(text("crlf"), Ok("one\ntwo".to_string()));
        for dynamic in
            ["attributes.two", "variable", "reference", "term-reference", "selector", "nested", "function", "many"]
        {
            assert!(text(dynamic).is_err(), "{dynamic} needs formatting");
        }
        for hidden in ["shadowed", "junk"] {
            assert!(compiled.iter().all(|(name, _)| name != hidden), "{hidden}: the bundle has no such message");
            assert!(bundle(&source).get_message(hidden).is_none(), "{hidden}");
        }
        let mut errors = Vec::new();
        let bundle = bundle(&source);
        let many = bundle.get_message("many").and_then(|m| m.value()).expect("many has a value");
        bundle.format_pattern(many, None, &mut errors);
        assert!(!errors.is_empty(), "fluent-bundle refuses more than a hundred placeables");
    }
}
