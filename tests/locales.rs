//! The shipped Fluent files: they parse, they are the files in `locales/`, every kind
//! and every code reads in every locale, plurals and values render, and locale names
//! from flags and the environment are understood.
//!
//! Messages are checked in the Fluent AST (parsed here with `fluent-syntax`), not only
//! through the renderer, whose fallbacks would hide a missing message.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use errmap_auth::messages::{Arg, TextOrigin};
use errmap_auth::{Kind, Locale, Messages, Registry};
use fluent_syntax::ast::{Entry, Resource};
use fluent_syntax::parser;

const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

fn locales_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/locales"))
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// Every syntax error of a file, as `locales/<locale>/<path>:<line>:<column>: <error>`.
fn syntax_errors(locale: &str, path: &str, text: &str) -> Vec<String> {
    let (resource, errors) = match parser::parse(text) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (resource, errors),
    };
    let at = |offset: usize| {
        let (line, column) = line_column(text, offset);
        format!("locales/{locale}/{path}:{line}:{column}")
    };
    let mut problems: Vec<String> = errors.iter().map(|e| format!("{}: {e}", at(e.pos.start))).collect();
    for entry in &resource.body {
        if let Entry::Junk { content } = entry {
            let offset = content.as_ptr() as usize - text.as_ptr() as usize;
            problems.push(format!("{}: junk {:?}", at(offset), content.lines().next().unwrap_or("")));
        }
    }
    problems
}

/// The AST of a file, as far as it parses; syntax errors are the business of
/// `every_shipped_file_parses`, so that one broken entry does not hide other problems.
fn parse(text: &'static str) -> Resource<&'static str> {
    parser::parse(text).unwrap_or_else(|(resource, _)| resource)
}

/// One message of a locale, as the AST has it.
struct MessageInfo {
    path: &'static str,
    has_value: bool,
    attributes: Vec<&'static str>,
}

/// Every message of a locale by id, and the ids defined more than once.
fn messages(locale: Locale) -> (BTreeMap<&'static str, MessageInfo>, Vec<String>) {
    let mut found = BTreeMap::new();
    let mut duplicates = Vec::new();
    for (tag, path, text) in Messages::sources().filter(|(tag, _, _)| *tag == locale.tag()) {
        for entry in parse(text).body {
            if let Entry::Message(message) = entry {
                let info = MessageInfo {
                    path,
                    has_value: message.value.is_some(),
                    attributes: message.attributes.iter().map(|a| a.id.name).collect(),
                };
                if let Some(first) = found.insert(message.id.name, info) {
                    duplicates.push(format!(
                        "locales/{tag}: {} is defined in {} and again in {path}",
                        message.id.name, first.path
                    ));
                }
            }
        }
    }
    (found, duplicates)
}

fn fail_if_any(problems: Vec<String>) {
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}

// --- The files ------------------------------------------------------------------------

#[test]
fn syntax_errors_are_reported_with_file_line_and_column() {
    let problems = syntax_errors("xx", "demo.ftl", "ok = Fine\nnot a message\nalso-ok = 好的\n    bad { \n");
    assert!(!problems.is_empty());
    assert!(problems[0].starts_with("locales/xx/demo.ftl:2:"), "{problems:?}");
    assert_eq!(line_column("ab\n好c", 6), (2, 2));
    assert_eq!(line_column("ab\n好c", 4), (2, 1), "an offset inside a character counts from its start");
}

#[test]
fn every_shipped_file_parses() {
    let mut problems = Vec::new();
    let mut count = 0;
    for (locale, path, text) in Messages::sources() {
        count += 1;
        problems.extend(syntax_errors(locale, path, text));
    }
    assert!(count > 0, "no Fluent files are embedded");
    fail_if_any(problems);
}

fn files_on_disk(dir: &Path, locale: &str, prefix: &str, out: &mut BTreeMap<(String, String), String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("readable entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).expect("UTF-8 file names").to_string();
        let relative = if prefix.is_empty() { name } else { format!("{prefix}/{name}") };
        if path.is_dir() {
            files_on_disk(&path, locale, &relative, out);
        } else {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            out.insert((locale.to_string(), relative), text);
        }
    }
}

#[test]
fn the_embedded_files_are_the_files_on_disk() {
    let mut disk = BTreeMap::new();
    for entry in std::fs::read_dir(locales_dir()).expect("locales/ is readable") {
        let path = entry.expect("readable entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).expect("UTF-8 file names").to_string();
        assert!(path.is_dir(), "locales/{name} is not in a locale folder");
        files_on_disk(&path, &name, "", &mut disk);
    }
    let mut embedded = BTreeMap::new();
    for (locale, path, text) in Messages::sources() {
        let previous = embedded.insert((locale.to_string(), path.to_string()), text.to_string());
        assert!(previous.is_none(), "locales/{locale}/{path} is embedded twice");
    }
    let mut problems = Vec::new();
    for (locale, path) in disk.keys().filter(|k| !embedded.contains_key(*k)) {
        problems.push(format!("locales/{locale}/{path} is on disk but not embedded"));
    }
    for (locale, path) in embedded.keys().filter(|k| !disk.contains_key(*k)) {
        problems.push(format!("locales/{locale}/{path} is embedded but not on disk"));
    }
    for (key, text) in &embedded {
        if disk.get(key).is_some_and(|on_disk| on_disk != text) {
            problems.push(format!("locales/{}/{}: the embedded text differs from the file", key.0, key.1));
        }
    }
    fail_if_any(problems);
}

#[test]
fn the_locale_folders_are_the_shipped_locales() {
    let folders: BTreeSet<String> = std::fs::read_dir(locales_dir())
        .expect("locales/ is readable")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().and_then(|n| n.to_str()).expect("UTF-8 names").to_string())
        .collect();
    let tags: BTreeSet<String> = Locale::ALL.iter().map(|l| l.tag().to_string()).collect();
    assert_eq!(tags.len(), Locale::ALL.len(), "locale tags are distinct");
    assert_eq!(folders, tags, "folders under locales/ against Locale::ALL");
    for locale in Locale::ALL {
        assert_eq!(Locale::negotiate(locale.tag()), Some(locale), "{} serves itself", locale.tag());
    }
}

// --- Kinds ----------------------------------------------------------------------------

#[test]
fn every_kind_has_a_message_and_hint_in_every_locale() {
    let mut problems = Vec::new();
    for locale in Locale::ALL {
        let tag = locale.tag();
        let (found, duplicates) = messages(locale);
        problems.extend(duplicates);
        for kind in Kind::all() {
            let id = format!("kind-{}", kind.id());
            match found.get(id.as_str()) {
                None => problems.push(format!("locales/{tag}: kind {} has no message {id}", kind.id())),
                Some(info) => {
                    if info.path.starts_with("codes/") {
                        problems.push(format!("locales/{tag}/{}: {id} belongs in a core file, not codes/", info.path));
                    }
                    if !info.has_value {
                        problems.push(format!("locales/{tag}/{}: kind {}: {id} has no value", info.path, kind.id()));
                    }
                    if !info.attributes.contains(&"hint") {
                        problems.push(format!("locales/{tag}/{}: kind {}: {id} has no .hint", info.path, kind.id()));
                    }
                }
            }
        }
        for (id, info) in &found {
            if let Some(kind_id) = id.strip_prefix("kind-") {
                if Kind::from_id(kind_id).is_none() {
                    problems.push(format!("locales/{tag}/{}: {id} names no kind", info.path));
                }
            }
        }
    }
    fail_if_any(problems);
}

#[test]
fn values_and_plurals_render() {
    let messages = Messages::get();
    let remaining = |n: f64, locale| {
        messages.kind_message_with(Kind::INVALID_CREDENTIALS, locale, &[("remaining", Arg::Number(n))])
    };
    let one = remaining(1.0, Locale::En);
    assert!(one.contains("1 attempt left"), "{one:?}");
    assert!(!one.contains("1 attempts"), "{one:?}");
    let three = remaining(3.0, Locale::En);
    assert!(three.contains("3 attempts left"), "{three:?}");
    let zh = remaining(3.0, Locale::ZhCn);
    assert!(zh.contains('3'), "zh-CN invalid_credentials with remaining 3: {zh:?}");
    assert_ne!(zh, messages.kind_message(Kind::INVALID_CREDENTIALS, Locale::ZhCn), "zh-CN shows the attempts left");

    let lock = |locale| {
        messages.kind_message_with(
            Kind::LOCKED_TEMPORARILY,
            locale,
            &[("minutes", Arg::Number(1.0)), ("seconds", Arg::Number(30.0))],
        )
    };
    let en = lock(Locale::En);
    assert!(en.contains("1 minute and 30 seconds"), "{en:?}");
    let zh = lock(Locale::ZhCn);
    assert!(zh.contains('1') && zh.contains("30"), "zh-CN locked_temporarily with 1 minute 30 seconds: {zh:?}");
    assert_ne!(zh, messages.kind_message(Kind::LOCKED_TEMPORARILY, Locale::ZhCn), "zh-CN shows the time");
}

#[test]
fn no_rendered_text_has_isolation_marks() {
    let messages = Messages::get();
    let registry = Registry::builtin();
    let mut problems = Vec::new();
    let mut check = |what: String, text: &str| {
        if text.contains(FSI) || text.contains(PDI) {
            problems.push(format!("{what}: {text:?}"));
        }
    };
    let argument_sets: [&[(&str, Arg<'_>)]; 3] = [
        &[("remaining", Arg::Number(2.0))],
        &[("minutes", Arg::Number(5.0)), ("seconds", Arg::Number(1.0))],
        &[("remaining", Arg::Number(0.0)), ("minutes", Arg::Number(0.0)), ("seconds", Arg::Number(45.0))],
    ];
    for locale in Locale::ALL {
        for kind in Kind::all() {
            check(format!("{locale} kind {kind} message"), &messages.kind_message(kind, locale));
            check(format!("{locale} kind {kind} hint"), &messages.kind_hint(kind, locale));
            for args in argument_sets {
                check(format!("{locale} kind {kind} with {args:?}"), &messages.kind_message_with(kind, locale, args));
            }
        }
        for catalogue in registry.catalogues() {
            for code in catalogue.codes() {
                let code_ref = registry.lookup(catalogue.id(), code.code()).expect("a listed code");
                check(format!("{locale} {code_ref}"), &messages.code_message(code_ref, locale).text);
            }
        }
    }
    fail_if_any(problems);
}

#[test]
fn kind_messages_never_show_unresolved_variables() {
    // A caller may pass whatever values it extracted from a vendor message; a kind whose
    // detailed variant needs other values must not print `{$name}` to the end user.
    let messages = Messages::get();
    let argument_sets: [&[(&str, Arg<'_>)]; 4] = [
        &[("remaining", Arg::Number(2.0))],
        &[("minutes", Arg::Number(5.0))],
        &[("seconds", Arg::Number(5.0))],
        &[("minutes", Arg::Number(5.0)), ("seconds", Arg::Number(1.0))],
    ];
    let mut problems = Vec::new();
    for locale in Locale::ALL {
        for kind in Kind::all() {
            for args in argument_sets {
                let text = messages.kind_message_with(kind, locale, args);
                if text.contains("{$") || text.contains("{ $") {
                    problems.push(format!("{locale} kind {kind} with {args:?}: {text:?}"));
                }
            }
        }
    }
    fail_if_any(problems);
}

// --- Codes ----------------------------------------------------------------------------

/// `{0}`, `{1}`, … as the vendor writes them.
fn placeholders(text: &str) -> Vec<String> {
    (0..10).map(|i| format!("{{{i}}}")).filter(|p| text.contains(p.as_str())).collect()
}

#[test]
fn every_code_reads_in_every_locale() {
    let messages = Messages::get();
    let code_ids: HashSet<(&str, String)> = Messages::sources()
        .filter(|(_, path, _)| path.starts_with("codes/"))
        .flat_map(|(tag, _, text)| {
            parse(text).body.into_iter().filter_map(move |entry| match entry {
                Entry::Message(message) => Some((tag, message.id.name.to_string())),
                _ => None,
            })
        })
        .collect();
    let registry = Registry::builtin();
    let mut problems = Vec::new();
    for catalogue in registry.catalogues() {
        for code in catalogue.codes() {
            let code_ref = registry.lookup(catalogue.id(), code.code()).expect("a listed code");
            assert_eq!(code_ref.code(), code.code());
            let Some(vendor_message) = code.message() else {
                // The vendor documents no message: ours must exist in every locale that
                // vendor messages are translated into.
                for locale in Locale::CODE_TRANSLATIONS {
                    let id = translation_id(catalogue.id(), code.code());
                    if !code_ids.contains(&(locale.tag(), id.clone())) {
                        problems.push(format!(
                            "{code_ref} in {}: the vendor documents no message and {id} is missing",
                            locale.tag()
                        ));
                    }
                }
                continue;
            };
            for locale in Locale::CODE_TRANSLATIONS {
                let tag = locale.tag();
                let text = messages.code_message(code_ref, locale);
                if code.language() == tag {
                    if text.origin != TextOrigin::Vendor || text.text != vendor_message || text.language != tag {
                        problems.push(format!(
                            "{code_ref} in {tag}: the vendor writes {tag}, so its text {:?} is expected; got {text:?}",
                            vendor_message
                        ));
                    }
                    continue;
                }
                if text.origin != TextOrigin::Errmap {
                    problems.push(format!(
                        "{code_ref} in {tag}: no translation of the vendor's {} text {:?}",
                        code.language(),
                        vendor_message
                    ));
                    continue;
                }
                if text.text.trim().is_empty() || text.text == vendor_message {
                    problems.push(format!("{code_ref} in {tag}: translation {:?} of {:?}", text.text, vendor_message));
                }
                if text.language != tag {
                    problems.push(format!("{code_ref} in {tag}: translation labelled {:?}", text.language));
                }
                if text.text.contains("{$") || text.text.contains("{ $") {
                    problems.push(format!("{code_ref} in {tag}: unresolved variable in {:?}", text.text));
                }
                for placeholder in placeholders(vendor_message) {
                    if !text.text.contains(&placeholder) {
                        problems.push(format!(
                            "{code_ref} in {tag}: translation {:?} lacks the vendor's {placeholder} ({:?})",
                            text.text, vendor_message
                        ));
                    }
                }
            }
        }
    }
    fail_if_any(problems);
}

/// The Fluent id of a code's translation: catalogue id, `-`, and the code with every
/// character outside `[A-Za-z0-9-]` replaced by `_`.
fn translation_id(catalogue: &str, code: &str) -> String {
    let code: String = code.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect();
    format!("{catalogue}-{code}")
}

#[test]
fn code_translations_name_real_codes_written_in_another_language() {
    let registry = Registry::builtin();
    let mut problems = Vec::new();
    let mut files = 0;
    for (tag, path, text) in Messages::sources() {
        let Some(file) = path.strip_prefix("codes/") else { continue };
        files += 1;
        let where_ = format!("locales/{tag}/{path}");
        let Some(catalogue_id) = file.strip_suffix(".ftl") else {
            problems.push(format!("{where_}: not a .ftl file"));
            continue;
        };
        let catalogue = match registry.catalogue(catalogue_id) {
            Ok(c) if c.id() == catalogue_id => c,
            Ok(c) => {
                problems.push(format!("{where_}: name the file after the catalogue id {:?}", c.id()));
                continue;
            }
            Err(e) => {
                problems.push(format!("{where_}: no catalogue {catalogue_id:?}: {e}"));
                continue;
            }
        };
        let mut by_id = HashMap::new();
        for code in catalogue.codes() {
            if let Some(other) = by_id.insert(translation_id(catalogue.id(), code.code()), code) {
                problems.push(format!(
                    "{catalogue_id}: codes {} and {} share a translation id",
                    other.code(),
                    code.code()
                ));
            }
        }
        for entry in parse(text).body {
            let Entry::Message(message) = entry else { continue };
            let id = message.id.name;
            let (line, _) = line_column(text, id.as_ptr() as usize - text.as_ptr() as usize);
            match by_id.get(id) {
                None => problems.push(format!("{where_}:{line}: {id} names no code of {catalogue_id}")),
                Some(code) if code.language() == tag && code.message().is_some() => problems.push(format!(
                    "{where_}:{line}: {id} translates {catalogue_id}:{} into {tag}, but the vendor already writes it in {tag}: {:?}",
                    code.code(),
                    code.message()
                )),
                Some(_) => {}
            }
            if message.value.is_none() {
                problems.push(format!("{where_}:{line}: {id} has no value"));
            }
        }
    }
    assert!(files > 0, "no codes/*.ftl files are embedded");
    fail_if_any(problems);
}

// --- Choosing a locale ----------------------------------------------------------------

#[test]
fn locale_names_are_negotiated() {
    for name in ["zh", "zh-Hans", "zh-CN", "zh_CN.UTF-8", "zh-SG", "zh-Hans-CN", "zh_CN"] {
        assert_eq!(Locale::negotiate(name), Some(Locale::ZhCn), "negotiate({name:?})");
    }
    for name in ["zh-TW", "zh-HK", "zh-MO", "zh-Hant", "zh_TW.UTF-8", "zh-Hant-CN", "zh_HK.Big5"] {
        assert_eq!(Locale::negotiate(name), Some(Locale::ZhTw), "negotiate({name:?}): Traditional Chinese");
        assert_eq!(Locale::choose(Some(name), |_| None), Locale::ZhTw, "choose(Some({name:?}))");
        let lang = name.to_string();
        assert_eq!(Locale::choose(None, |v| (v == "LANG").then(|| lang.clone())), Locale::ZhTw, "LANG={name}");
    }
    for name in ["fr", "ja_JP.UTF-8", "de-CH"] {
        assert_eq!(Locale::negotiate(name), None, "negotiate({name:?}): not shipped");
        assert_eq!(Locale::choose(Some(name), |_| None), Locale::En, "choose(Some({name:?})) falls back to English");
    }
    for name in ["en", "en-US", "en_US.UTF-8@euro", "en_GB.UTF-8", "C", "POSIX", "C.UTF-8"] {
        assert_eq!(Locale::negotiate(name), Some(Locale::En), "negotiate({name:?})");
    }
    for name in ["fr", "fr_FR.UTF-8", "de-DE", "!!", "", "zh-!!", "_"] {
        assert_eq!(Locale::negotiate(name), None, "negotiate({name:?})");
    }
}

fn environment(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let vars: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    move |name| vars.get(name).cloned()
}

#[test]
fn the_environment_is_read_in_posix_order() {
    let choose = |vars: &[(&str, &str)]| Locale::choose(None, environment(vars));
    assert_eq!(choose(&[]), Locale::En, "nothing set");
    assert_eq!(choose(&[("LANG", "zh_CN.UTF-8")]), Locale::ZhCn);
    assert_eq!(
        choose(&[("LC_MESSAGES", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")]),
        Locale::ZhCn,
        "LC_MESSAGES before LANG"
    );
    assert_eq!(
        choose(&[("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")]),
        Locale::En,
        "LC_MESSAGES before LANG"
    );
    assert_eq!(
        choose(&[("LC_ALL", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "en_US.UTF-8")]),
        Locale::ZhCn,
        "LC_ALL first"
    );
    assert_eq!(
        choose(&[("LC_ALL", "C"), ("LC_MESSAGES", "zh_CN.UTF-8"), ("LANG", "zh_CN.UTF-8")]),
        Locale::En,
        "LC_ALL first"
    );
    assert_eq!(choose(&[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")]), Locale::ZhCn, "an empty LC_ALL is skipped");
    assert_eq!(
        choose(&[("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "zh_CN.UTF-8")]),
        Locale::ZhCn,
        "empty values are skipped"
    );
    assert_eq!(
        choose(&[("LC_ALL", "zh_TW.UTF-8"), ("LANG", "zh_CN.UTF-8")]),
        Locale::ZhTw,
        "zh_TW is served by Traditional Chinese, never by Simplified"
    );
    assert_eq!(
        choose(&[("LC_ALL", "fr_FR.UTF-8"), ("LANG", "zh_CN.UTF-8")]),
        Locale::En,
        "an unserved LC_ALL is English"
    );
    assert_eq!(choose(&[("LANGUAGE", "zh_CN"), ("LC_CTYPE", "zh_CN.UTF-8")]), Locale::En, "only the three are read");

    let everything_english = environment(&[("LC_ALL", "en_US.UTF-8"), ("LC_MESSAGES", "en"), ("LANG", "C")]);
    assert_eq!(Locale::choose(Some("zh-CN"), &everything_english), Locale::ZhCn, "the flag wins");
    let everything_chinese = environment(&[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "zh_CN.UTF-8")]);
    assert_eq!(Locale::choose(Some("en"), &everything_chinese), Locale::En, "the flag wins");
    assert_eq!(Locale::choose(Some("fr"), &everything_chinese), Locale::En, "an unserved flag falls back to English");
}

// --- CLI strings ----------------------------------------------------------------------

#[test]
fn every_cli_string_exists_in_every_locale() {
    let (english, _) = messages(Locale::En);
    let ids: Vec<&str> = english.iter().filter(|(_, info)| info.path == "cli.ftl").map(|(id, _)| *id).collect();
    assert!(ids.len() > 100, "en/cli.ftl has {} strings", ids.len());
    let mut problems = Vec::new();
    for locale in Locale::ALL {
        let (found, duplicates) = messages(locale);
        problems.extend(duplicates);
        for id in &ids {
            match found.get(id) {
                Some(info) if info.path == "cli.ftl" => {}
                Some(info) => problems.push(format!("locales/{}/{}: {id} belongs in cli.ftl", locale.tag(), info.path)),
                None => problems.push(format!("locales/{}/cli.ftl: {id} is missing", locale.tag())),
            }
        }
    }
    fail_if_any(problems);
}
