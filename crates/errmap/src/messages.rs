//! Messages in people's languages: locale choice and Fluent rendering.
//!
//! Every kind has a message and a hint in every shipped [`Locale`]; every code reads
//! in each locale either in the vendor's own words or in errmap's translation, and
//! [`LocalizedText::origin`] says which. Messages that need no formatting (no
//! variables, selectors or references) were compiled to their text by build.rs and are
//! read from a static table. For the others, each thread parses the file it needs once,
//! on first use, and keeps its bundle: rendering takes no lock, so one [`Messages`]
//! serves every thread of a gateway.

use std::cell::OnceCell;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use fluent_bundle::{FluentArgs, FluentBundle, FluentMessage, FluentResource, FluentValue};
use serde::{Serialize, Serializer};
use unic_langid::LanguageIdentifier;

use crate::catalogue::CodeRef;
use crate::fxhash;
use crate::taxonomy::Kind;

/// A locale errmap ships messages for.
#[derive(Debug, Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Locale {
    /// English.
    En,
    /// Simplified Chinese, mainland usage.
    ZhCn,
    /// Traditional Chinese, Taiwan usage; also serves Hong Kong, Macau and `zh-Hant`.
    ZhTw,
}

impl Locale {
    /// Every shipped locale.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::ZhCn, Locale::ZhTw];

    /// The locales every vendor message is translated into. Traditional Chinese falls
    /// back to the Simplified translation of a code's message (kinds, hints and CLI
    /// strings are all translated).
    pub const CODE_TRANSLATIONS: [Locale; 2] = [Locale::En, Locale::ZhCn];

    /// The BCP 47 tag, which is also the folder name under `locales/`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
            Locale::ZhTw => "zh-TW",
        }
    }

    /// The shipped locale that serves a requested one, or `None` when none does.
    ///
    /// Accepts BCP 47 tags and POSIX locale names alike (`zh_CN.UTF-8`,
    /// `en_US.UTF-8@euro`, `C`). Chinese written in Traditional characters (`zh-TW`,
    /// `zh-HK`, `zh-MO`, `zh-Hant`) is served by Traditional Chinese, never by
    /// Simplified.
    ///
    /// ```
    /// use errmap_auth::Locale;
    /// assert_eq!(Locale::negotiate("zh_CN.UTF-8"), Some(Locale::ZhCn));
    /// assert_eq!(Locale::negotiate("zh-Hans"), Some(Locale::ZhCn));
    /// assert_eq!(Locale::negotiate("zh-TW"), Some(Locale::ZhTw));
    /// assert_eq!(Locale::negotiate("zh-Hant-HK"), Some(Locale::ZhTw));
    /// assert_eq!(Locale::negotiate("fr"), None);
    /// assert_eq!(Locale::negotiate("C"), Some(Locale::En));
    /// ```
    pub fn negotiate(requested: &str) -> Option<Locale> {
        let name = requested.split(['.', '@']).next().unwrap_or("").trim().replace('_', "-");
        if name.is_empty() {
            return None;
        }
        if name.eq_ignore_ascii_case("C") || name.eq_ignore_ascii_case("POSIX") {
            return Some(Locale::En);
        }
        let id = LanguageIdentifier::from_str(&name).ok()?;
        match id.language.as_str() {
            "en" => Some(Locale::En),
            "zh" => {
                let traditional = match id.script {
                    Some(script) => script.as_str() == "Hant",
                    None => id.region.is_some_and(|r| matches!(r.as_str(), "TW" | "HK" | "MO")),
                };
                Some(if traditional { Locale::ZhTw } else { Locale::ZhCn })
            }
            _ => None,
        }
    }

    /// The locale to use: `flag` (a `--lang` value) if given, else the first set of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` read through `var`, else English. Anything no
    /// shipped locale serves falls back to English.
    pub fn choose(flag: Option<&str>, var: impl Fn(&str) -> Option<String>) -> Locale {
        if let Some(flag) = flag {
            return Locale::negotiate(flag).unwrap_or(Locale::En);
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name).filter(|v| !v.trim().is_empty()))
            .map(|value| Locale::negotiate(&value).unwrap_or(Locale::En))
            .next()
            .unwrap_or(Locale::En)
    }

    /// [`Locale::choose`] with the process environment.
    pub fn from_env(flag: Option<&str>) -> Locale {
        Locale::choose(flag, |name| std::env::var(name).ok())
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl Serialize for Locale {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.tag())
    }
}

/// A value for a message variable.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Arg<'a> {
    /// A number, formatted and pluralized for the locale.
    Number(f64),
    /// Text, inserted as it is.
    Text(&'a str),
}

/// Who wrote a piece of text.
#[derive(Debug, Copy, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextOrigin {
    /// The vendor's own words, as documented.
    Vendor,
    /// errmap's translation of the vendor's words.
    Errmap,
}

/// A code's message in one locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct LocalizedText {
    /// The text.
    pub text: String,
    /// The language the text is written in (the vendor's, when no translation exists).
    pub language: String,
    /// Who wrote it.
    pub origin: TextOrigin,
}

type Bundle = FluentBundle<FluentResource>;

/// The bundle of one shipped file (by its position in `LOCALE_FILES`).
fn build_bundle(file: usize) -> Bundle {
    let (locale, _, text) = LOCALE_FILES[file];
    let id = LanguageIdentifier::from_str(locale).unwrap_or_default();
    let mut bundle = Bundle::new(vec![id]);
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(partial, _)| partial);
    // Duplicate ids are caught by the test suite; at run time the first wins.
    let _ = bundle.add_resource(resource);
    bundle
}

thread_local! {
    /// This thread's bundles, one per shipped file, each parsed on first use of one of
    /// its messages that needs formatting: a command that shows only plain text parses
    /// no file at all.
    static BUNDLES: Vec<OnceCell<Bundle>> = (0..LOCALE_FILES.len()).map(|_| OnceCell::new()).collect();
}

/// A piece of `MESSAGE_TEXT`: byte offset and length. The tables build.rs writes name
/// their strings so, in one blob, where a `&'static str` each would cost a relocation
/// (and a dirtied page) when the program is loaded.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Span(pub(crate) u32, pub(crate) u32);

impl Span {
    /// The text. Spans are written by build.rs, on character boundaries of the blob.
    fn text(self) -> &'static str {
        let start = self.0 as usize;
        &MESSAGE_TEXT[start..start + self.1 as usize]
    }
}

/// A message's value or attribute, as build.rs compiled it.
#[derive(Debug)]
pub(crate) enum Pattern {
    /// Text and string literals only: the text Fluent renders, whatever the arguments.
    Text(Span),
    /// Variables, selectors or references: formatted by the bundle of its file.
    Fluent,
}

/// One attribute of a message.
#[derive(Debug)]
pub(crate) struct AttributeData {
    pub(crate) name: Span,
    pub(crate) pattern: Pattern,
}

/// One message, from the first file of its locale and kind of file that defines it.
#[derive(Debug)]
pub(crate) struct MessageData {
    pub(crate) id: Span,
    /// The file (by its position in `LOCALE_FILES`) whose bundle formats its patterns.
    pub(crate) file: u16,
    pub(crate) value: Option<Pattern>,
    /// Its attributes, the first of each name, in `MESSAGE_ATTRIBUTES`.
    pub(crate) attributes: Range<u32>,
}

/// The messages of one locale's core files, or of its `codes/` files.
#[derive(Debug)]
pub(crate) struct MessageGroup {
    /// The locale's tag.
    pub(crate) locale: Span,
    pub(crate) codes: bool,
    /// The messages, in `MESSAGES`.
    pub(crate) messages: Range<u32>,
    /// A hash table of the ids (see `fxhash::table`), in `MESSAGE_TABLE`.
    pub(crate) table: Range<u32>,
}

fn indices(range: &Range<u32>) -> Range<usize> {
    range.start as usize..range.end as usize
}

/// Message `id` of `locale`'s core files (or `codes/` files), as the first of those
/// files that defines it has it, like one bundle of the locale's files.
fn find_message(locale: Locale, codes: bool, id: &str) -> Option<&'static MessageData> {
    let group = MESSAGE_GROUPS.iter().find(|group| group.codes == codes && group.locale.text() == locale.tag())?;
    let messages = &MESSAGES[indices(&group.messages)];
    fxhash::find(&MESSAGE_TABLE[indices(&group.table)], id, |i| messages[i].id.text()).map(|i| &messages[i])
}

/// The text of message `id` of `locale`'s core files (or `codes/` files): its value,
/// or its `attribute`. `None` if no such file has the message, the message lacks that
/// part, or Fluent reports an error (a missing variable). Text that needs no
/// formatting comes from the compiled table; the rest parses the message's file on
/// first use.
fn render(locale: Locale, codes: bool, id: &str, attribute: Option<&str>, args: &[(&str, Arg<'_>)]) -> Option<String> {
    let message = find_message(locale, codes, id)?;
    let pattern = match attribute {
        Some(name) => &MESSAGE_ATTRIBUTES[indices(&message.attributes)].iter().find(|a| a.name.text() == name)?.pattern,
        None => message.value.as_ref()?,
    };
    match pattern {
        Pattern::Text(text) => Some(text.text().to_string()),
        Pattern::Fluent => BUNDLES.with(|bundles| {
            let file = usize::from(message.file);
            let bundle = bundles[file].get_or_init(|| build_bundle(file));
            format(bundle, bundle.get_message(id)?, attribute, args)
        }),
    }
}

/// The shipped Fluent messages. A zero-sized handle: the bundles live per thread.
#[derive(Debug)]
pub struct Messages {
    _private: (),
}

/// The Fluent id of a code's translation: the catalogue id, `-`, and the code with
/// every character outside `[A-Za-z0-9-]` replaced by `_` (`oneaccess-LOGIN_0002`).
pub(crate) fn code_message_id(catalogue: &str, code: &str) -> String {
    let mut id = String::with_capacity(catalogue.len() + code.len() + 1);
    id.push_str(catalogue);
    id.push('-');
    id.extend(code.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }));
    id
}

fn format(
    bundle: &Bundle,
    message: FluentMessage<'_>,
    attribute: Option<&str>,
    args: &[(&str, Arg<'_>)],
) -> Option<String> {
    let pattern = match attribute {
        Some(name) => message.get_attribute(name)?.value(),
        None => message.value()?,
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value = match value {
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Text(t) => FluentValue::from(*t),
        };
        fluent_args.set(*name, value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    // A missing variable would reach the reader as `{$name}`: let the caller fall back.
    errors.is_empty().then(|| text.into_owned())
}

impl Messages {
    /// The shared messages.
    pub fn get() -> &'static Messages {
        static MESSAGES: Messages = Messages { _private: () };
        &MESSAGES
    }

    /// A message of the core files (kinds and CLI strings) by Fluent id and optional
    /// attribute, falling back to English; `None` if no locale has it.
    pub fn text(&self, locale: Locale, id: &str, attribute: Option<&str>, args: &[(&str, Arg<'_>)]) -> Option<String> {
        render(locale, false, id, attribute, args).or_else(|| render(Locale::En, false, id, attribute, args))
    }

    /// The short user-facing message of a kind.
    ///
    /// ```
    /// use errmap_auth::{Kind, Locale, Messages};
    /// let text = Messages::get().kind_message(Kind::LOCKED, Locale::En);
    /// assert!(text.to_lowercase().contains("locked"));
    /// ```
    pub fn kind_message(&self, kind: Kind, locale: Locale) -> String {
        self.kind_message_with(kind, locale, &[])
    }

    /// The message of a kind with values from the vendor's message (attempts left,
    /// time until unlock). Kinds that can show such values do, plural-correct; others
    /// ignore them.
    ///
    /// ```
    /// use errmap_auth::messages::Arg;
    /// use errmap_auth::{Kind, Locale, Messages};
    /// let messages = Messages::get();
    /// let one = messages.kind_message_with(Kind::INVALID_CREDENTIALS, Locale::En, &[("remaining", Arg::Number(1.0))]);
    /// let three = messages.kind_message_with(Kind::INVALID_CREDENTIALS, Locale::En, &[("remaining", Arg::Number(3.0))]);
    /// assert!(one.contains("1 attempt left"));
    /// assert!(three.contains("3 attempts left"));
    /// ```
    pub fn kind_message_with(&self, kind: Kind, locale: Locale, args: &[(&str, Arg<'_>)]) -> String {
        let id = format!("kind-{}", kind.id());
        let detailed = if args.is_empty() { None } else { self.text(locale, &id, Some("detailed"), args) };
        detailed.or_else(|| self.text(locale, &id, None, args)).unwrap_or_else(|| kind.id().to_string())
    }

    /// What to do next about a kind.
    pub fn kind_hint(&self, kind: Kind, locale: Locale) -> String {
        self.text(locale, &format!("kind-{}", kind.id()), Some("hint"), &[]).unwrap_or_default()
    }

    /// A code's message in `locale`: the vendor's own text when it is written in that
    /// locale, else errmap's translation, else the vendor's text as it is. A code
    /// whose vendor documents no message gets errmap's text for it, or its kind's.
    /// Placeholders are shown as the vendor writes them (`{0}`).
    pub fn code_message(&self, code: CodeRef<'_>, locale: Locale) -> LocalizedText {
        let vendor = || match code.message() {
            Some(message) => LocalizedText {
                text: message.to_string(),
                language: code.language().to_string(),
                origin: TextOrigin::Vendor,
            },
            None => LocalizedText {
                text: self.kind_message(code.kind(), locale),
                language: locale.tag().to_string(),
                origin: TextOrigin::Errmap,
            },
        };
        if code.message().is_some() && Locale::negotiate(code.language()) == Some(locale) {
            return vendor();
        }
        let placeholders: Vec<String> = (0..code.params().len()).map(|i| format!("{{{i}}}")).collect();
        let args: Vec<(&str, Arg<'_>)> =
            code.params().zip(&placeholders).map(|(name, p)| (name, Arg::Text(p))).collect();
        let id = code_message_id(code.catalogue().id(), code.code());
        // Traditional Chinese readers get the Simplified translation before English.
        let fallback: &[Locale] = if locale == Locale::ZhTw { &[Locale::ZhTw, Locale::ZhCn] } else { &[locale] };
        for &candidate in fallback {
            if code.message().is_some() && Locale::negotiate(code.language()) == Some(candidate) {
                break;
            }
            if let Some(text) = render(candidate, true, &id, None, &args) {
                return LocalizedText { text, language: candidate.tag().to_string(), origin: TextOrigin::Errmap };
            }
        }
        vendor()
    }

    /// The Fluent source of every shipped file: `(locale, path below the locale
    /// folder, text)`. For tools that check or export the messages.
    pub fn sources() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
        LOCALE_FILES.iter().copied()
    }
}

// LOCALE_FILES, MESSAGES, MESSAGE_ATTRIBUTES, MESSAGE_GROUPS, MESSAGE_TABLE and
// MESSAGE_TEXT, generated from locales/.
include!(concat!(env!("OUT_DIR"), "/messages.rs"));

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use fluent_syntax::ast;

    use super::*;

    /// Whether Fluent has to format a pattern: it holds a placeable other than a string
    /// literal (a variable, a selector, a reference, a function call).
    fn needs_formatting(pattern: &ast::Pattern<&str>) -> bool {
        pattern.elements.iter().any(|element| {
            !matches!(
                element,
                ast::PatternElement::TextElement { .. }
                    | ast::PatternElement::Placeable {
                        expression: ast::Expression::Inline(ast::InlineExpression::StringLiteral { .. })
                    }
            )
        })
    }

    /// Checks one compiled value or attribute against the pattern a bundle of its file
    /// has, formatted at run time; returns whether the compiled text came from a
    /// pattern with placeables (string literals).
    fn check_pattern(
        what: &str,
        bundle: &Bundle,
        compiled: Option<&Pattern>,
        runtime: Option<&ast::Pattern<&str>>,
        problems: &mut Vec<String>,
    ) -> bool {
        match (compiled, runtime) {
            (None, None) => {}
            (Some(Pattern::Text(text)), Some(pattern)) => {
                let mut errors = Vec::new();
                let formatted = bundle.format_pattern(pattern, None, &mut errors);
                if !errors.is_empty() || formatted != text.text() {
                    problems
                        .push(format!("{what}: compiled {:?}, Fluent formats {formatted:?} ({errors:?})", text.text()));
                }
                return pattern.elements.iter().any(|e| matches!(e, ast::PatternElement::Placeable { .. }));
            }
            (Some(Pattern::Fluent), Some(pattern)) => {
                if !needs_formatting(pattern) {
                    problems.push(format!("{what}: left to Fluent, but needs no formatting: {pattern:?}"));
                }
            }
            (compiled, runtime) => {
                problems.push(format!("{what}: compiled {compiled:?}, but the file has {runtime:?}"));
            }
        }
        false
    }

    /// Every message of every shipped file, as a bundle parsed at run time has it,
    /// against the table build.rs compiled: the same file wins for each id, the same
    /// attributes exist, and every compiled text is what Fluent formats, while only
    /// patterns that need formatting are left to Fluent.
    #[test]
    fn compiled_messages_are_what_fluent_formats() {
        let mut problems = Vec::new();
        let (mut compiled_texts, mut literals) = (0, 0);
        for locale in Locale::ALL {
            for codes in [false, true] {
                let files: Vec<usize> = (0..LOCALE_FILES.len())
                    .filter(|&file| {
                        let (tag, path, _) = LOCALE_FILES[file];
                        tag == locale.tag() && path.starts_with("codes/") == codes
                    })
                    .collect();
                let bundles: Vec<(usize, Bundle)> = files.iter().map(|&file| (file, build_bundle(file))).collect();
                let mut ids = BTreeSet::new();
                for &file in &files {
                    let text = LOCALE_FILES[file].2.to_string();
                    let resource = FluentResource::try_new(text).unwrap_or_else(|(partial, _)| partial);
                    for entry in resource.entries() {
                        if let ast::Entry::Message(message) = entry {
                            ids.insert(message.id.name.to_string());
                        }
                    }
                }
                ids.insert("no-such-message".to_string());
                for id in &ids {
                    let what = format!("{locale} {}{id}", if codes { "codes/ " } else { "" });
                    let winner = bundles
                        .iter()
                        .find_map(|(file, bundle)| bundle.get_message(id).map(|message| (*file, bundle, message)));
                    let compiled = find_message(locale, codes, id);
                    let (message, (file, bundle, runtime)) = match (compiled, winner) {
                        (None, None) => continue,
                        (Some(message), Some(winner)) => (message, winner),
                        (compiled, winner) => {
                            let winner = winner.map(|(file, _, _)| LOCALE_FILES[file].1);
                            problems.push(format!("{what}: compiled {compiled:?}, first defined in {winner:?}"));
                            continue;
                        }
                    };
                    if usize::from(message.file) != file {
                        problems
                            .push(format!("{what}: compiled from file {}, Fluent finds it in {file}", message.file));
                    }
                    let mut attributes: BTreeSet<&str> = runtime.attributes().map(|a| a.id()).collect();
                    for attribute in &MESSAGE_ATTRIBUTES[indices(&message.attributes)] {
                        let name = attribute.name.text();
                        let pattern = runtime.get_attribute(name).map(|a| a.value());
                        attributes.remove(name);
                        literals += usize::from(check_pattern(
                            &format!("{what}.{name}"),
                            bundle,
                            Some(&attribute.pattern),
                            pattern,
                            &mut problems,
                        ));
                    }
                    if !attributes.is_empty() {
                        problems.push(format!("{what}: attributes {attributes:?} are not compiled"));
                    }
                    let value = message.value.as_ref();
                    literals += usize::from(check_pattern(&what, bundle, value, runtime.value(), &mut problems));
                    compiled_texts += 1;
                }
            }
        }
        assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
        assert!(compiled_texts > 1000, "only {compiled_texts} messages compiled");
        assert!(literals > 0, "no compiled text resolved a string literal, which the files have");
    }

    #[test]
    fn every_thread_renders_the_same_text() {
        let expected = Messages::get().kind_message_with(
            Kind::INVALID_CREDENTIALS,
            Locale::En,
            &[("remaining", Arg::Number(2.0))],
        );
        let threads: Vec<_> = (0..8)
            .map(|_| {
                std::thread::spawn(|| {
                    Messages::get().kind_message_with(
                        Kind::INVALID_CREDENTIALS,
                        Locale::En,
                        &[("remaining", Arg::Number(2.0))],
                    )
                })
            })
            .collect();
        for thread in threads {
            assert_eq!(thread.join().unwrap(), expected);
        }
        assert!(expected.contains("2 attempts left"), "{expected}");
    }
}
