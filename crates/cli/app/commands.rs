//! One function per subcommand: ask the library, then render text or JSON.
//! (`--format problem` belongs to `normalize`; `main` refuses it for these.)

use std::collections::BTreeMap;
use std::fmt::Write as _;

use errmap_auth::messages::Arg;
use errmap_auth::text::sanitize;
use errmap_auth::{Assessment, CodeRef, Error, Kind, Locale, Registry, Relation, Translation, assess};

use super::json::{
    CodeEntryJson, CodeJson, CodesJson, ExplainJson, KindDetailJson, KindDocumentJson, KindJson, KindTextJson,
    KindsJson, MatchJson, SettingJson, TargetJson, TranslateJson, VariantJson, VariantTranslationJson, VendorJson,
    VendorsJson,
};
use super::output::{self, DIM, HEADING, Table, Ui, paint, relation_style};
use super::{Format, Outcome};

/// Candidates shown per target without `--all`.
const DEFAULT_LIMIT: usize = 5;

fn to_json<T: serde::Serialize>(value: &T) -> String {
    super::json::document(value)
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

pub fn translate(
    ui: &Ui,
    format: Format,
    registry: &Registry,
    reference: &str,
    targets: &[String],
    all: bool,
) -> Result<Outcome, Error> {
    let source = registry.resolve(reference)?;
    let translations: Vec<Translation<'_>> = if targets.is_empty() {
        registry.translate_all(source)
    } else {
        let mut catalogues: Vec<&errmap_auth::Catalogue> = Vec::with_capacity(targets.len());
        for target in targets {
            let catalogue = registry.catalogue(target)?;
            // A catalogue named twice (by its id and an alias) is translated once.
            if !catalogues.iter().any(|seen| seen.id() == catalogue.id()) {
                catalogues.push(catalogue);
            }
        }
        catalogues.into_iter().map(|target| registry.translate(source, target)).collect()
    };
    let found = translations.iter().any(|t| !t.matches.is_empty());
    // A code that stands for several conditions is also translated condition by condition.
    let variants: Vec<(&errmap_auth::catalogue::Variant, Vec<Translation<'_>>)> = source
        .entry()
        .variants()
        .iter()
        .map(|variant| {
            let per_target =
                translations.iter().map(|t| registry.translate_variant(source, variant, t.target)).collect();
            (variant, per_target)
        })
        .collect();
    let stdout = match format {
        Format::Json => to_json(&TranslateJson {
            locale: ui.locale,
            source: code_json(ui, source),
            targets: translations.iter().map(|t| target_json(ui, t)).collect(),
            variants: variants
                .iter()
                .map(|(variant, per_target)| VariantTranslationJson {
                    variant: VariantJson::new(variant),
                    targets: per_target.iter().map(|t| target_json(ui, t)).collect(),
                })
                .collect(),
        }),
        _ => {
            let mut out = translate_text(ui, source, &translations, all);
            variants_text(ui, &variants, &mut out);
            out
        }
    };
    Ok(Outcome { stdout, code: if found { 0 } else { 1 } })
}

fn target_json<'a>(ui: &Ui, translation: &Translation<'a>) -> TargetJson<'a> {
    TargetJson {
        vendor: translation.target.id(),
        name: translation.target.name(),
        matches: translation
            .matches
            .iter()
            .map(|m| {
                let assessment = assess(translation.source, m);
                MatchJson {
                    relation: m.relation,
                    distance: m.distance,
                    confidence: assessment.confidence,
                    evidence: assessment.evidence.iter().map(ToString::to_string).collect(),
                    code: code_json(ui, m.code),
                }
            })
            .collect(),
        fallback: translation.fallback.map(|f| code_json(ui, f)),
    }
}

/// A candidate's confidence as printed: two decimals, and "weak" below the threshold.
pub(crate) fn confidence_label(ui: &Ui, assessment: &Assessment) -> String {
    if assessment.is_weak() {
        format!("{:.2} {}", assessment.confidence, ui.t("label-weak"))
    } else {
        format!("{:.2}", assessment.confidence)
    }
}

pub(crate) fn relation_label(ui: &Ui, relation: Relation) -> String {
    ui.t(&format!("relation-{}", relation.as_str()))
}

/// `field = "value"` or `field ∋ "value"`, for people.
fn variant_condition(variant: &errmap_auth::catalogue::Variant) -> String {
    let operator = match variant.test() {
        errmap_auth::catalogue::VariantTest::Equals(_) => "=",
        errmap_auth::catalogue::VariantTest::Contains(_) => "∋",
    };
    format!("{} {operator} \"{}\"", variant.field(), variant.test().text())
}

/// The split of a code into conditions: each condition's kind and best equivalent in
/// every target.
fn variants_text(ui: &Ui, variants: &[(&errmap_auth::catalogue::Variant, Vec<Translation<'_>>)], out: &mut String) {
    if variants.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", paint(HEADING, &ui.t("label-variants-split")));
    for (variant, per_target) in variants {
        let _ = writeln!(
            out,
            "  {}  →  {} ({})",
            sanitize(&variant_condition(variant)),
            variant.kind(),
            ui.t(&format!("match-{}", variant.kind_match().as_str()))
        );
        let mut table = Table::default();
        for translation in per_target {
            match translation.best() {
                Some(best) => table.styled_row([
                    (translation.target.id().to_string(), DIM),
                    (relation_label(ui, best.relation), relation_style(best.relation)),
                    (best.code.entry().code().to_string(), Default::default()),
                    (best.code.kind().to_string(), DIM),
                ]),
                None => table.styled_row([
                    (translation.target.id().to_string(), DIM),
                    (ui.t("label-no-equivalent"), output::BAD),
                ]),
            }
        }
        table.render("      ", out);
    }
}

fn translate_text(ui: &Ui, source: CodeRef<'_>, translations: &[Translation<'_>], all: bool) -> String {
    let mut out = String::new();
    let message = ui.messages().code_message(source, ui.locale);
    let _ = writeln!(out, "{}", paint(HEADING, &heading(source)));
    let _ = writeln!(out, "  {}", sanitize(&message.text));
    let _ = writeln!(
        out,
        "  {}  {} ({})",
        ui.t("label-kind"),
        source.kind(),
        ui.t(&format!("match-{}", source.kind_match().as_str()))
    );
    for translation in translations {
        let _ = writeln!(out, "\n{}  {}", paint(HEADING, translation.target.id()), sanitize(translation.target.name()));
        let shown = if all { translation.matches.len() } else { DEFAULT_LIMIT.min(translation.matches.len()) };
        let mut table = Table::default();
        for candidate in &translation.matches[..shown] {
            let assessment = assess(source, candidate);
            table.styled_row([
                (relation_label(ui, candidate.relation), relation_style(candidate.relation)),
                (candidate.code.entry().code().to_string(), Default::default()),
                (candidate.code.kind().to_string(), DIM),
                (confidence_label(ui, &assessment), if assessment.is_weak() { output::BAD } else { DIM }),
                (ui.messages().code_message(candidate.code, ui.locale).text, Default::default()),
            ]);
        }
        table.render("  ", &mut out);
        if shown < translation.matches.len() {
            let more = (translation.matches.len() - shown) as f64;
            let _ = writeln!(out, "  {}", ui.t_args("label-more", &[("count", Arg::Number(more))]));
        }
        if translation.matches.is_empty() {
            let _ = writeln!(out, "  {}", paint(output::BAD, &ui.t("label-no-equivalent")));
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

pub fn explain(ui: &Ui, format: Format, registry: &Registry, reference: &str) -> Result<Outcome, Error> {
    if !reference.contains(':') {
        if let Some(kind) = Kind::from_id(reference) {
            return Ok(kind_detail(ui, format, registry, kind));
        }
    }
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
            same_as: entry.same_as(),
            variants: entry.variants().iter().map(VariantJson::new).collect(),
            settings: code.catalogue().settings_for(entry.code()).map(SettingJson::new).collect(),
        }),
        _ => {
            let mut out = String::new();
            let _ = writeln!(out, "{}  ({})", paint(HEADING, &heading(code)), sanitize(code.catalogue().name()));
            let mut table = Table::default();
            let mut row = |label: &str, value: String| table.row([ui.t(label), value]);
            if let Some(message) = entry.message() {
                row("label-vendor-message", format!("{message}  [{}]", entry.language()));
            }
            for (tag, text) in &messages {
                // A locale that falls back to another's translation is not repeated.
                if text.origin == errmap_auth::messages::TextOrigin::Errmap && text.language == *tag {
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
            if let Some(other) = entry.same_as() {
                row("label-same-as", format!("{}:{other}", code.catalogue().id()));
            }
            for variant in entry.variants() {
                let mut line = format!(
                    "{}  →  {} ({})",
                    variant_condition(variant),
                    variant.kind(),
                    ui.t(&format!("match-{}", variant.kind_match().as_str()))
                );
                if let Some(reason) = variant.reason() {
                    let _ = write!(line, "; {reason}");
                }
                row("label-variant", line);
            }
            for setting in code.catalogue().settings_for(entry.code()) {
                let merged: Vec<&str> = setting.merges().collect();
                let effect = match setting.into_code() {
                    Some(into) => ui.t_args(
                        "label-setting-into",
                        &[("merges", Arg::Text(&merged.join(", "))), ("into", Arg::Text(into))],
                    ),
                    None => ui.t_args("label-setting-hides", &[("merges", Arg::Text(&merged.join(", ")))]),
                };
                row("label-setting", format!("{}: {effect}. {}", setting.name(), setting.note()));
            }
            table.render("  ", &mut out);
            out
        }
    };
    Ok(Outcome { stdout, code: 0 })
}

pub fn codes(ui: &Ui, format: Format, registry: &Registry, vendor: &str) -> Result<Outcome, Error> {
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
        _ => {
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

pub fn vendors(ui: &Ui, format: Format, registry: &Registry) -> Result<Outcome, Error> {
    let rows: Vec<VendorJson<'_>> = registry
        .catalogues()
        .iter()
        .map(|catalogue| {
            let codes = catalogue.codes().len();
            let exact = catalogue.codes().iter().filter(|c| c.kind_match() == errmap_auth::KindMatch::Exact).count();
            VendorJson {
                id: catalogue.id(),
                name: catalogue.name(),
                aliases: catalogue.aliases().collect(),
                language: catalogue.language(),
                codes,
                exact,
                exact_share: if codes == 0 { 0.0 } else { exact as f64 / codes as f64 },
                builtin: catalogue.is_builtin(),
                source: catalogue.source(),
            }
        })
        .collect();
    let stdout = match format {
        Format::Json => to_json(&VendorsJson { locale: ui.locale, vendors: &rows }),
        _ => {
            let mut out = String::new();
            let mut table = Table::default();
            table.styled_row(
                ["label-vendor", "label-name", "label-aliases", "label-codes", "label-exact-share"]
                    .map(|label| (ui.t(label), HEADING)),
            );
            for row in &rows {
                let mut name = row.name.to_string();
                if !row.builtin {
                    let _ = write!(name, " ({})", ui.t("label-user-catalogue"));
                }
                table.row([
                    row.id.to_string(),
                    name,
                    row.aliases.join(", "),
                    row.codes.to_string(),
                    format!("{:.0}%", row.exact_share * 100.0),
                ]);
            }
            table.render("", &mut out);
            out
        }
    };
    Ok(Outcome { stdout, code: 0 })
}

/// Codes per catalogue mapped to each kind (by kind index), and the totals under
/// each kind including its descendants.
fn kind_counts(registry: &Registry) -> (Vec<BTreeMap<String, usize>>, Vec<usize>) {
    let mut own: Vec<BTreeMap<String, usize>> = vec![BTreeMap::new(); Kind::all().len()];
    let mut total = vec![0; Kind::all().len()];
    for catalogue in registry.catalogues() {
        for code in catalogue.codes() {
            *own[usize::from(code.kind().index())].entry(catalogue.id().to_string()).or_default() += 1;
            for kind in std::iter::once(code.kind()).chain(code.kind().ancestors()) {
                total[usize::from(kind.index())] += 1;
            }
        }
    }
    (own, total)
}

pub fn kinds(ui: &Ui, format: Format, registry: &Registry) -> Result<Outcome, Error> {
    let (own, total) = kind_counts(registry);
    let roots: Vec<Kind> = Kind::all().filter(|k| k.parent().is_none()).collect();
    let stdout = match format {
        Format::Json => {
            fn node(ui: &Ui, kind: Kind, own: &[BTreeMap<String, usize>], total: &[usize]) -> KindJson {
                let at = usize::from(kind.index());
                KindJson {
                    id: kind,
                    category: kind.category(),
                    http_status: kind.http_status(),
                    retryable: kind.retryable(),
                    actor: kind.actor(),
                    public_kind: kind.public_kind(),
                    message: ui.messages().kind_message(kind, ui.locale),
                    codes: own[at].clone(),
                    total: total[at],
                    children: kind.children().map(|child| node(ui, child, own, total)).collect(),
                }
            }
            to_json(&KindsJson {
                locale: ui.locale,
                kinds: roots.iter().map(|&root| node(ui, root, &own, &total)).collect(),
            })
        }
        _ => {
            let mut table = Table::default();
            fn walk(kind: Kind, depth: usize, own: &[BTreeMap<String, usize>], total: &[usize], table: &mut Table) {
                let at = usize::from(kind.index());
                let per_catalogue: Vec<String> = own[at].iter().map(|(id, n)| format!("{id} {n}")).collect();
                let style = if depth == 0 { HEADING } else { Default::default() };
                table.styled_row([
                    (format!("{}{}", "  ".repeat(depth), kind.id()), style),
                    (total[at].to_string(), Default::default()),
                    (per_catalogue.join(" · "), DIM),
                ]);
                for child in kind.children() {
                    walk(child, depth + 1, own, total, table);
                }
            }
            table.styled_row(["label-kind", "label-codes", "label-per-catalogue"].map(|l| (ui.t(l), HEADING)));
            for root in roots {
                walk(root, 0, &own, &total, &mut table);
            }
            let mut out = String::new();
            table.render("", &mut out);
            out
        }
    };
    Ok(Outcome { stdout, code: 0 })
}

/// `errmap explain KIND` and `errmap kinds KIND`: a kind's meaning, neighbours, HTTP
/// status, whether retrying helps, who can act, its messages and its codes per catalogue.
pub fn kind_detail(ui: &Ui, format: Format, registry: &Registry, kind: Kind) -> Outcome {
    let messages = ui.messages();
    let mut codes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for catalogue in registry.catalogues() {
        let own: Vec<String> =
            catalogue.code_refs().filter(|code| code.kind() == kind).map(|code| code.code().to_string()).collect();
        if !own.is_empty() {
            codes.insert(catalogue.id().to_string(), own);
        }
    }
    let stdout = match format {
        Format::Json => to_json(&KindDocumentJson {
            locale: ui.locale,
            kind: KindDetailJson {
                id: kind,
                parent: kind.parent(),
                children: kind.children().collect(),
                path: kind.path(),
                category: kind.category(),
                http_status: kind.http_status(),
                retryable: kind.retryable(),
                actor: kind.actor(),
                public_kind: kind.public_kind(),
                message: messages.kind_message(kind, ui.locale),
                hint: messages.kind_hint(kind, ui.locale),
                messages: Locale::ALL
                    .iter()
                    .map(|&locale| {
                        let text = KindTextJson {
                            message: messages.kind_message(kind, locale),
                            hint: messages.kind_hint(kind, locale),
                        };
                        (locale.tag(), text)
                    })
                    .collect(),
                codes,
            },
        }),
        _ => {
            let mut out = String::new();
            let _ =
                writeln!(out, "{}  ({})", paint(HEADING, &format!("{} {kind}", ui.t("label-kind"))), kind.category());
            let mut table = Table::default();
            let mut row = |label: &str, value: String| table.row([ui.t(label), value]);
            row("label-message", messages.kind_message(kind, ui.locale));
            row("label-hint", messages.kind_hint(kind, ui.locale));
            let path: Vec<&str> = kind.path().into_iter().map(Kind::id).collect();
            row("label-kind-path", path.join(" › "));
            let children: Vec<&str> = kind.children().map(Kind::id).collect();
            if !children.is_empty() {
                row("label-children", children.join(", "));
            }
            row("label-http-status", kind.http_status().to_string());
            row("label-retryable", ui.t(if kind.retryable() { "yes" } else { "no" }));
            row("label-actor", ui.t(&format!("actor-{}", kind.actor().as_str())));
            if kind.public_kind() != kind {
                row("label-public-kind", kind.public_kind().to_string());
            }
            for locale in Locale::ALL {
                if locale != ui.locale {
                    row("label-translation", format!("{}  [{}]", messages.kind_message(kind, locale), locale.tag()));
                }
            }
            for (catalogue, own) in &codes {
                row("label-codes", format!("{catalogue}: {}", own.join(", ")));
            }
            table.render("  ", &mut out);
            out
        }
    };
    Outcome { stdout, code: 0 }
}

/// One result of `errmap search --format json`.
#[derive(serde::Serialize)]
struct SearchResultJson<'a> {
    /// `code` or `kind`.
    #[serde(rename = "type")]
    target: &'static str,
    vendor: Option<&'a str>,
    code: Option<&'a str>,
    symbol: Option<&'a str>,
    kind: Kind,
    score: f64,
    field: errmap_auth::search::SearchField,
    #[serde(rename = "match")]
    how: errmap_auth::search::SearchMatch,
    text: &'a str,
    values: &'a [String],
    message: String,
}

#[derive(serde::Serialize)]
struct SearchJson<'a> {
    query: &'a str,
    locale: Locale,
    results: Vec<SearchResultJson<'a>>,
}

pub fn search(
    ui: &Ui,
    format: Format,
    registry: &Registry,
    query: &str,
    vendor: Option<&str>,
    limit: usize,
) -> Result<Outcome, Error> {
    let options = errmap_auth::search::SearchOptions { vendor, limit, ..errmap_auth::search::SearchOptions::default() };
    let hits = registry.search(query, &options)?;
    let found = !hits.is_empty();
    let stdout = match format {
        Format::Json => to_json(&SearchJson {
            query,
            locale: ui.locale,
            results: hits
                .iter()
                .map(|hit| {
                    let code = hit.code();
                    SearchResultJson {
                        target: if code.is_some() { "code" } else { "kind" },
                        vendor: code.map(|c| c.catalogue().id()),
                        code: code.map(|c| c.code()),
                        symbol: code.and_then(|c| c.symbol()),
                        kind: hit.kind(),
                        score: (hit.score * 1000.0).round() / 1000.0,
                        field: hit.field,
                        how: hit.how,
                        text: hit.text,
                        values: &hit.values,
                        message: match code {
                            Some(code) => ui.messages().code_message(code, ui.locale).text,
                            None => ui.messages().kind_message(hit.kind(), ui.locale),
                        },
                    }
                })
                .collect(),
        }),
        _ => {
            let mut out = String::new();
            let mut table = Table::default();
            for hit in &hits {
                let (name, message) = match hit.code() {
                    Some(code) => (heading(code), ui.messages().code_message(code, ui.locale).text),
                    None => (
                        format!("{} {}", ui.t("label-kind"), hit.kind()),
                        ui.messages().kind_message(hit.kind(), ui.locale),
                    ),
                };
                let mut how = ui.t(&format!("search-{}", hit.how.as_str()));
                if !hit.values.is_empty() {
                    let _ = write!(how, " [{}]", hit.values.join(", "));
                }
                table.styled_row([
                    (format!("{:.2}", hit.score), DIM),
                    (name, HEADING),
                    (hit.kind().to_string(), DIM),
                    (how, DIM),
                    (message, Default::default()),
                ]);
            }
            table.render("", &mut out);
            if !found {
                let _ = writeln!(out, "{}", ui.t("label-no-results"));
            }
            out
        }
    };
    Ok(Outcome { stdout, code: if found { 0 } else { 1 } })
}
