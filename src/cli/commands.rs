//! One function per subcommand: ask the library, then render text or JSON.
//! (`--format problem` belongs to `normalize`; `main` refuses it for these.)

use std::collections::BTreeMap;
use std::fmt::Write as _;

use errmap::{Arg, CodeRef, Error, Kind, Locale, Registry, Relation, Translation, sanitize};

use super::json::{CodeEntryJson, CodeJson, CodesJson, ExplainJson, MatchJson, TargetJson, TranslateJson};
use super::output::{Table, Ui};
use super::{Format, Outcome};

/// Candidates shown per target without `--all`.
const DEFAULT_LIMIT: usize = 5;

fn to_json<T: serde::Serialize>(value: &T) -> String {
    // Serializing plain data types with string keys cannot fail.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

fn code_json<'a>(ui: &Ui, code: CodeRef<'a>) -> CodeJson<'a> {
    CodeJson::new(code, ui.messages().code_message(code, ui.locale))
}

/// `VENDOR:CODE  symbol` as a heading.
fn heading(code: CodeRef<'_>) -> String {
    let mut line = format!("{}:{}", code.catalogue().id(), code.entry().code());
    if let Some(symbol) = code.entry().symbol() {
        let _ = write!(line, "  {symbol}");
    }
    sanitize(&line).into_owned()
}

pub fn translate(ui: &Ui, format: Format, reference: &str, targets: &[String], all: bool) -> Result<Outcome, Error> {
    let registry = Registry::builtin();
    let source = registry.resolve(reference)?;
    let translations: Vec<Translation<'_>> = if targets.is_empty() {
        registry.translate_all(source)
    } else {
        let mut catalogues = Vec::with_capacity(targets.len());
        for target in targets {
            catalogues.push(registry.catalogue(target)?);
        }
        catalogues.into_iter().map(|target| registry.translate(source, target)).collect()
    };
    let found = translations.iter().any(|t| !t.matches.is_empty());
    let stdout = match format {
        Format::Json => to_json(&TranslateJson {
            locale: ui.locale,
            source: code_json(ui, source),
            targets: translations
                .iter()
                .map(|t| TargetJson {
                    vendor: t.target.id(),
                    name: t.target.name(),
                    matches: t
                        .matches
                        .iter()
                        .map(|m| MatchJson { relation: m.relation, distance: m.distance, code: code_json(ui, m.code) })
                        .collect(),
                    fallback: t.fallback.map(|f| code_json(ui, f)),
                })
                .collect(),
        }),
        Format::Text | Format::Problem => translate_text(ui, source, &translations, all),
    };
    Ok(Outcome { stdout, code: if found { 0 } else { 1 } })
}

fn relation_label(ui: &Ui, relation: Relation) -> String {
    ui.t(&format!("relation-{}", relation.as_str()))
}

fn translate_text(ui: &Ui, source: CodeRef<'_>, translations: &[Translation<'_>], all: bool) -> String {
    let mut out = String::new();
    let message = ui.messages().code_message(source, ui.locale);
    let _ = writeln!(out, "{}", heading(source));
    let _ = writeln!(out, "  {}", sanitize(&message.text));
    let _ = writeln!(
        out,
        "  {}  {} ({})",
        ui.t("label-kind"),
        source.kind(),
        ui.t(&format!("match-{}", source.kind_match().as_str()))
    );
    for translation in translations {
        let _ = writeln!(out, "\n{}  {}", translation.target.id(), sanitize(translation.target.name()));
        let shown = if all { translation.matches.len() } else { DEFAULT_LIMIT.min(translation.matches.len()) };
        let mut table = Table::default();
        for candidate in &translation.matches[..shown] {
            table.row([
                relation_label(ui, candidate.relation),
                candidate.code.entry().code().to_string(),
                candidate.code.kind().to_string(),
                ui.messages().code_message(candidate.code, ui.locale).text,
            ]);
        }
        table.render("  ", &mut out);
        if shown < translation.matches.len() {
            let more = (translation.matches.len() - shown) as f64;
            let _ = writeln!(out, "  {}", ui.t_args("label-more", &[("count", Arg::Number(more))]));
        }
        if translation.matches.is_empty() {
            let _ = writeln!(out, "  {}", ui.t("label-no-equivalent"));
        }
        if let Some(fallback) = translation.fallback {
            let _ = writeln!(
                out,
                "  {}: {}  {}  {}",
                ui.t("label-fallback"),
                sanitize(fallback.entry().code()),
                fallback.kind(),
                sanitize(&ui.messages().code_message(fallback, ui.locale).text)
            );
        }
    }
    out
}

pub fn explain(ui: &Ui, format: Format, reference: &str) -> Result<Outcome, Error> {
    let registry = Registry::builtin();
    let code = registry.resolve(reference)?;
    let entry = code.entry();
    let kind = code.kind();
    let messages: BTreeMap<&'static str, _> =
        Locale::ALL.iter().map(|&locale| (locale.tag(), ui.messages().code_message(code, locale))).collect();
    let kind_message = ui.messages().kind_message(kind, ui.locale);
    let kind_hint = ui.messages().kind_hint(kind, ui.locale);
    let stdout = match format {
        Format::Json => to_json(&ExplainJson {
            locale: ui.locale,
            vendor: code.catalogue().id(),
            vendor_name: code.catalogue().name(),
            code: entry.code(),
            symbol: entry.symbol(),
            kind,
            kind_match: entry.kind_match(),
            reason: entry.reason(),
            kind_path: kind.path(),
            public_kind: kind.public_kind(),
            category: kind.category(),
            http_status: entry.http_status().unwrap_or(kind.http_status()),
            vendor_http_status: entry.http_status(),
            retryable: kind.retryable(),
            actor: kind.actor(),
            vendor_message: entry.message(),
            vendor_language: entry.language(),
            description: entry.description(),
            messages,
            kind_message,
            kind_hint,
        }),
        Format::Text | Format::Problem => {
            let mut out = String::new();
            let _ = writeln!(out, "{}  ({})", heading(code), sanitize(code.catalogue().name()));
            let mut table = Table::default();
            let mut row = |label: &str, value: String| table.row([ui.t(label), value]);
            if let Some(message) = entry.message() {
                row("label-vendor-message", format!("{message}  [{}]", entry.language()));
            }
            for (tag, text) in &messages {
                if text.origin == errmap::TextOrigin::Errmap {
                    row("label-translation", format!("{}  [{tag}]", text.text));
                }
            }
            if let Some(description) = entry.description() {
                row("label-description", description.to_string());
            }
            row("label-kind", format!("{kind} ({})", ui.t(&format!("match-{}", entry.kind_match().as_str()))));
            if let Some(reason) = entry.reason() {
                row("label-reason", reason.to_string());
            }
            let path: Vec<&str> = kind.path().into_iter().map(Kind::id).collect();
            row("label-kind-path", path.join(" › "));
            row("label-category", kind.category().to_string());
            let status = match entry.http_status() {
                Some(status) => format!("{status} ({})", ui.t("label-http-status-vendor")),
                None => format!("{} ({})", kind.http_status(), ui.t("label-http-status-kind")),
            };
            row("label-http-status", status);
            row("label-retryable", ui.t(if kind.retryable() { "yes" } else { "no" }));
            row("label-actor", ui.t(&format!("actor-{}", kind.actor().as_str())));
            if kind.public_kind() != kind {
                row("label-public-kind", kind.public_kind().to_string());
            }
            row("label-message", kind_message);
            row("label-hint", kind_hint);
            table.render("  ", &mut out);
            out
        }
    };
    Ok(Outcome { stdout, code: 0 })
}

pub fn codes(ui: &Ui, format: Format, vendor: &str) -> Result<Outcome, Error> {
    let registry = Registry::builtin();
    let catalogue = registry.catalogue(vendor)?;
    let refs: Vec<CodeRef<'_>> = catalogue.code_refs().collect();
    let stdout = match format {
        Format::Json => to_json(&CodesJson {
            locale: ui.locale,
            vendor: catalogue.id(),
            name: catalogue.name(),
            codes: refs
                .iter()
                .map(|&code| CodeEntryJson { code: code_json(ui, code), http_status: code.entry().http_status() })
                .collect(),
        }),
        Format::Text | Format::Problem => {
            let mut out = String::new();
            let count = ui.t_args("label-codes-count", &[("count", Arg::Number(refs.len() as f64))]);
            let _ = writeln!(out, "{}  {}  ({count})", catalogue.id(), sanitize(catalogue.name()));
            let mut table = Table::default();
            for code in &refs {
                table.row([
                    code.entry().code().to_string(),
                    code.entry().symbol().unwrap_or("").to_string(),
                    code.kind().to_string(),
                    ui.t(&format!("match-{}", code.kind_match().as_str())),
                    ui.messages().code_message(*code, ui.locale).text,
                ]);
            }
            table.render("  ", &mut out);
            out
        }
    };
    Ok(Outcome { stdout, code: 0 })
}
