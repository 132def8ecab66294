//! `errmap table FROM TO`: the migration crosswalk. Every code of FROM with its best
//! equivalent in TO, the relation and the kinds, and a summary of how many codes fall
//! under each relation.
//!
//! Formats: `text` (aligned, for a terminal), `md` (a GitHub table to paste into a
//! migration plan), `csv` (RFC 4180), `json` (documented in the README) and `sssom`
//! (an SSSOM/TSV mapping set with its YAML header).
//!
//! CSV and SSSOM files are opened in spreadsheets, which run a cell that starts with
//! `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(…)` in a user catalogue's code would
//! become a link). As OWASP advises against CSV injection, such a cell (and one that
//! starts with a tab or a carriage return, or with spaces before any of these) is
//! written with a `'` in front and in double quotes: a spreadsheet shows it as text.
//! A legitimate code that starts so, such as `-1`, comes out as `'-1` too; a program
//! reading the file takes the `'` off a cell that starts with `'` and one of these.
//! Markdown is not prefixed: spreadsheets do not open it, and the `'` would show in
//! every rendering.

use std::fmt::Write as _;

use errmap_auth::messages::Arg;
use errmap_auth::text::sanitize;
use errmap_auth::{Assessment, Catalogue, CodeRef, Error, Registry, Relation, assess};
use serde::Serialize;

use super::commands::relation_label;
use super::output::{BAD, DIM, HEADING, Table, Ui, paint, relation_style};
use super::{Format, Outcome};

/// One row: a source code, its best target, how they relate and how sure that is.
struct Row<'r> {
    source: CodeRef<'r>,
    best: Option<Best<'r>>,
    /// The best candidate was less sure than `--min-confidence` and is not shown.
    weak_hidden: bool,
}

/// The best candidate of a row, and how sure errmap is of it.
struct Best<'r> {
    code: CodeRef<'r>,
    relation: Relation,
    assessment: Assessment,
}

/// Everything a format writes: the two catalogues, one row per code of `from`, and
/// the summary.
struct Crosswalk<'r> {
    from: &'r Catalogue,
    to: &'r Catalogue,
    rows: Vec<Row<'r>>,
    summary: Summary,
}

/// How many rows fall under each relation, and how many have no equivalent.
#[derive(Serialize, Default)]
struct Summary {
    exact: usize,
    close: usize,
    broader: usize,
    narrower: usize,
    related: usize,
    none: usize,
    /// Rows whose best candidate was below `--min-confidence`.
    weak_hidden: usize,
    total: usize,
}

impl Summary {
    fn of(rows: &[Row<'_>]) -> Summary {
        let mut summary = Summary { total: rows.len(), ..Summary::default() };
        for row in rows {
            if row.weak_hidden {
                summary.weak_hidden += 1;
                continue;
            }
            let slot = match row.best.as_ref().map(|b| b.relation) {
                Some(Relation::Exact) => &mut summary.exact,
                Some(Relation::Close) => &mut summary.close,
                Some(Relation::Broader) => &mut summary.broader,
                Some(Relation::Narrower) => &mut summary.narrower,
                Some(Relation::Related) => &mut summary.related,
                None => &mut summary.none,
            };
            *slot += 1;
        }
        summary
    }

    fn counts(&self) -> Vec<(&'static str, usize)> {
        let mut counts = vec![
            ("exact", self.exact),
            ("close", self.close),
            ("broader", self.broader),
            ("narrower", self.narrower),
            ("related", self.related),
            ("none", self.none),
        ];
        if self.weak_hidden > 0 {
            counts.push(("weak_hidden", self.weak_hidden));
        }
        counts
    }
}

#[derive(Serialize)]
struct SideJson<'a> {
    code: &'a str,
    symbol: Option<&'a str>,
    kind: errmap_auth::Kind,
    message: String,
}

#[derive(Serialize)]
struct RowJson<'a> {
    source: SideJson<'a>,
    target: Option<SideJson<'a>>,
    /// `exact`, `close`, `broader`, `narrower`, `related`, or `none`.
    relation: &'static str,
    /// How sure errmap is of the target, 0 to 1; null without one.
    confidence: Option<f64>,
    /// What the confidence was weighed on.
    evidence: Vec<String>,
    /// The best candidate was below `--min-confidence` and is not shown.
    weak_candidate_hidden: bool,
}

#[derive(Serialize)]
struct TableJson<'a> {
    from: &'a str,
    to: &'a str,
    locale: errmap_auth::Locale,
    rows: Vec<RowJson<'a>>,
    summary: &'a Summary,
}

pub fn run(
    ui: &Ui,
    format: Format,
    registry: &Registry,
    from: &str,
    to: &str,
    min_confidence: Option<f64>,
) -> Result<Outcome, Error> {
    let from = registry.catalogue(from)?;
    let to = registry.catalogue(to)?;
    let rows: Vec<Row<'_>> = from
        .code_refs()
        .map(|source| {
            let translation = registry.translate(source, to);
            let best =
                translation.best().map(|m| Best { code: m.code, relation: m.relation, assessment: assess(source, m) });
            let weak_hidden =
                best.as_ref().is_some_and(|b| min_confidence.is_some_and(|min| b.assessment.confidence < min));
            Row { source, best: best.filter(|_| !weak_hidden), weak_hidden }
        })
        .collect();
    let summary = Summary::of(&rows);
    let crosswalk = Crosswalk { from, to, rows, summary };
    let stdout = match format {
        Format::Json => json(ui, &crosswalk),
        Format::Md => markdown(ui, &crosswalk),
        Format::Csv => csv(ui, &crosswalk),
        Format::Sssom => sssom(ui, &crosswalk),
        _ => text(ui, &crosswalk),
    };
    Ok(Outcome { stdout, code: 0 })
}

fn message(ui: &Ui, code: CodeRef<'_>) -> String {
    sanitize(&ui.messages().code_message(code, ui.locale).text).into_owned()
}

fn relation_name(relation: Option<Relation>) -> &'static str {
    relation.map_or("none", Relation::as_str)
}

/// A row's confidence as printed: two decimals, empty without a candidate.
fn confidence_text(row: &Row<'_>) -> String {
    row.best.as_ref().map_or(String::new(), |b| format!("{:.2}", b.assessment.confidence))
}

/// The label of a row without a shown candidate.
fn no_equivalent(ui: &Ui, row: &Row<'_>) -> String {
    if row.weak_hidden { ui.t("label-weak-hidden") } else { ui.t("label-no-equivalent") }
}

fn summary_line(ui: &Ui, summary: &Summary) -> String {
    let parts: Vec<String> = summary
        .counts()
        .iter()
        .map(|(name, count)| {
            let label = match *name {
                "none" => ui.t("label-no-equivalent"),
                "weak_hidden" => ui.t("label-weak-hidden-count"),
                _ => ui.t(&format!("relation-{name}")),
            };
            format!("{count} {label}")
        })
        .collect();
    ui.t_args(
        "label-table-summary",
        &[("total", Arg::Number(summary.total as f64)), ("counts", Arg::Text(&parts.join(", ")))],
    )
}

fn text(ui: &Ui, crosswalk: &Crosswalk<'_>) -> String {
    let Crosswalk { from, to, rows, summary } = crosswalk;
    let mut out = String::new();
    let _ = writeln!(out, "{}  →  {}\n", paint(HEADING, from.id()), paint(HEADING, to.id()));
    let mut table = Table::default();
    table.styled_row(
        [
            from.id().to_string(),
            ui.t("label-kind"),
            ui.t("label-relation"),
            to.id().to_string(),
            ui.t("label-kind"),
            ui.t("label-confidence"),
        ]
        .map(|h| (h, HEADING)),
    );
    for row in rows.iter() {
        let source = (row.source.code().to_string(), Default::default());
        let source_kind = (row.source.kind().to_string(), DIM);
        match &row.best {
            Some(best) => table.styled_row([
                source,
                source_kind,
                (relation_label(ui, best.relation), relation_style(best.relation)),
                (best.code.code().to_string(), Default::default()),
                (best.code.kind().to_string(), DIM),
                (
                    super::commands::confidence_label(ui, &best.assessment),
                    if best.assessment.is_weak() { BAD } else { DIM },
                ),
            ]),
            None => table.styled_row([source, source_kind, (no_equivalent(ui, row), BAD)]),
        }
    }
    table.render("  ", &mut out);
    let _ = writeln!(out, "\n{}", summary_line(ui, summary));
    out
}

/// A Markdown table cell: one line, pipes escaped.
fn md_cell(text: &str) -> String {
    sanitize(text).replace('\\', "\\\\").replace('|', "\\|")
}

fn markdown(ui: &Ui, crosswalk: &Crosswalk<'_>) -> String {
    let Crosswalk { from, to, rows, summary } = crosswalk;
    let mut out = String::new();
    let _ = writeln!(out, "## {}: {} → {}\n", ui.t("label-crosswalk"), md_cell(from.name()), md_cell(to.name()));
    let _ = writeln!(
        out,
        "| {from} | {message} | {kind} | {relation} | {to} | {message} | {kind} | {confidence} |",
        from = md_cell(from.id()),
        to = md_cell(to.id()),
        message = ui.t("label-message"),
        kind = ui.t("label-kind"),
        relation = ui.t("label-relation"),
        confidence = ui.t("label-confidence"),
    );
    out.push_str("|---|---|---|---|---|---|---|---|\n");
    for row in rows.iter() {
        let (target, target_message, target_kind, relation) = match &row.best {
            Some(best) => (
                format!("`{}`", md_cell(best.code.code())),
                md_cell(&message(ui, best.code)),
                format!("`{}`", best.code.kind()),
                relation_label(ui, best.relation),
            ),
            None => (String::new(), String::new(), String::new(), no_equivalent(ui, row)),
        };
        let confidence =
            row.best.as_ref().map_or(String::new(), |b| super::commands::confidence_label(ui, &b.assessment));
        let _ = writeln!(
            out,
            "| `{}` | {} | `{}` | {relation} | {target} | {target_message} | {target_kind} | {confidence} |",
            md_cell(row.source.code()),
            md_cell(&message(ui, row.source)),
            row.source.kind(),
        );
    }
    let _ = writeln!(out, "\n{}", summary_line(ui, summary));
    out
}

/// Whether a spreadsheet would read a cell starting so as a formula (or as one once
/// its leading spaces are trimmed): OWASP's list of `=`, `+`, `-`, `@`, tab and
/// carriage return.
fn reads_as_formula(text: &str) -> bool {
    text.starts_with(['\t', '\r']) || text.trim_start_matches(' ').starts_with(['=', '+', '-', '@'])
}

/// An RFC 4180 field: quoted when it holds a comma, a quote or a line break; a cell a
/// spreadsheet would run as a formula gets a `'` in front and is quoted.
fn csv_field(text: &str) -> String {
    let text = sanitize(text);
    if reads_as_formula(&text) {
        format!("\"'{}\"", text.replace('"', "\"\""))
    } else if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.into_owned()
    }
}

fn csv(ui: &Ui, crosswalk: &Crosswalk<'_>) -> String {
    let rows = &crosswalk.rows;
    let mut out = String::from(
        "source_code,source_symbol,source_kind,source_message,relation,target_code,target_symbol,target_kind,target_message,confidence\r\n",
    );
    for row in rows.iter() {
        let source = row.source;
        let mut fields = vec![
            csv_field(source.code()),
            csv_field(source.symbol().unwrap_or("")),
            source.kind().to_string(),
            csv_field(&message(ui, source)),
            relation_name(row.best.as_ref().map(|b| b.relation)).to_string(),
        ];
        match &row.best {
            Some(best) => fields.extend([
                csv_field(best.code.code()),
                csv_field(best.code.symbol().unwrap_or("")),
                best.code.kind().to_string(),
                csv_field(&message(ui, best.code)),
            ]),
            None => fields.extend([String::new(), String::new(), String::new(), String::new()]),
        }
        fields.push(confidence_text(row));
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

fn side<'a>(ui: &Ui, code: CodeRef<'a>) -> SideJson<'a> {
    SideJson {
        code: code.entry().code(),
        symbol: code.entry().symbol(),
        kind: code.kind(),
        message: ui.messages().code_message(code, ui.locale).text,
    }
}

fn json(ui: &Ui, crosswalk: &Crosswalk<'_>) -> String {
    let Crosswalk { from, to, rows, summary } = crosswalk;
    let rows = rows
        .iter()
        .map(|row| RowJson {
            source: side(ui, row.source),
            target: row.best.as_ref().map(|b| side(ui, b.code)),
            relation: relation_name(row.best.as_ref().map(|b| b.relation)),
            confidence: row.best.as_ref().map(|b| b.assessment.confidence),
            evidence: row
                .best
                .as_ref()
                .map_or(Vec::new(), |b| b.assessment.evidence.iter().map(ToString::to_string).collect()),
            weak_candidate_hidden: row.weak_hidden,
        })
        .collect();
    super::json::document(&TableJson { from: from.id(), to: to.id(), locale: ui.locale, rows, summary })
}

/// A TSV cell: tabs and line breaks would split the row. A cell a spreadsheet would
/// run as a formula gets a `'` in front and is quoted, as [`csv_field`] does.
fn tsv_cell(text: &str) -> String {
    let cell = sanitize(text).replace(['\t', '\n', '\r'], " ");
    if reads_as_formula(&cell) { format!("\"'{}\"", cell.replace('"', "\"\"")) } else { cell }
}

/// The local part of a CURIE for a code: characters outside unreserved URI
/// characters are percent-encoded, so `auth/user-not-found` stays one identifier.
fn curie_local(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    for byte in code.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// The prefix of a catalogue's CURIEs: its id, which is already a valid prefix name
/// once `-` becomes `_`.
fn curie_prefix(catalogue: &Catalogue) -> String {
    catalogue.id().replace('-', "_")
}

fn sssom(ui: &Ui, crosswalk: &Crosswalk<'_>) -> String {
    let Crosswalk { from, to, rows, .. } = crosswalk;
    let (from_prefix, to_prefix) = (curie_prefix(from), curie_prefix(to));
    let mut out = String::new();
    let _ = writeln!(out, "# curie_map:");
    let _ = writeln!(out, "#   {from_prefix}: \"https://errmap.dev/code/{}/\"", from.id());
    if to_prefix != from_prefix {
        let _ = writeln!(out, "#   {to_prefix}: \"https://errmap.dev/code/{}/\"", to.id());
    }
    let _ = writeln!(out, "#   errmap: \"https://errmap.dev/kind/\"");
    let _ = writeln!(out, "# mapping_set_id: \"https://errmap.dev/mappings/{}-to-{}.sssom.tsv\"", from.id(), to.id());
    let _ = writeln!(out, "# mapping_set_version: \"{}\"", env!("CARGO_PKG_VERSION"));
    let _ = writeln!(
        out,
        "# mapping_set_description: \"Error codes of {} mapped to their nearest equivalents in {}, through errmap's canonical kinds.\"",
        tsv_cell(from.name()).replace('"', "'"),
        tsv_cell(to.name()).replace('"', "'")
    );
    let _ = writeln!(out, "# license: \"https://creativecommons.org/licenses/by/4.0/\"");
    let _ = writeln!(out, "# mapping_tool: \"errmap {}\"", env!("CARGO_PKG_VERSION"));
    let _ = writeln!(out, "# subject_source: \"https://errmap.dev/catalogue/{}\"", from.id());
    let _ = writeln!(out, "# object_source: \"https://errmap.dev/catalogue/{}\"", to.id());
    out.push_str(
        "subject_id\tsubject_label\tpredicate_id\tobject_id\tobject_label\tmapping_justification\tconfidence\tsubject_category\tobject_category\tcomment\n",
    );
    for row in rows.iter() {
        let source = row.source;
        let subject = format!("{from_prefix}:{}", curie_local(source.code()));
        let mut reasons: Vec<String> = Vec::new();
        if let Some(reason) = source.entry().reason() {
            reasons.push(format!("{}: {reason}", source.code()));
        }
        let (predicate, object, object_label, object_category) = match &row.best {
            Some(Best { code: target, relation, .. }) => {
                if let Some(reason) = target.entry().reason() {
                    reasons.push(format!("{}: {reason}", target.code()));
                }
                (
                    relation.skos(),
                    format!("{to_prefix}:{}", curie_local(target.code())),
                    message(ui, *target),
                    format!("errmap:{}", target.kind()),
                )
            }
            None => ("skos:exactMatch", "sssom:NoTermFound".to_string(), String::new(), String::new()),
        };
        let mut comment = match &row.best {
            Some(best) => format!("kinds: {} → {}", source.kind(), best.code.kind()),
            None if row.weak_hidden => {
                format!("kind: {}; weak candidate in {} hidden by --min-confidence", source.kind(), to.id())
            }
            None => format!("kind: {}; no equivalent in {}", source.kind(), to.id()),
        };
        if let Some(best) = &row.best {
            let evidence: Vec<String> = best.assessment.evidence.iter().map(ToString::to_string).collect();
            let _ = write!(comment, "; evidence: {}", evidence.join(", "));
        }
        for reason in reasons {
            let _ = write!(comment, "; {reason}");
        }
        let _ = writeln!(
            out,
            "{subject}\t{}\t{predicate}\t{object}\t{}\tsemapv:ManualMappingCuration\t{}\terrmap:{}\t{object_category}\t{}",
            tsv_cell(&message(ui, source)),
            tsv_cell(&object_label),
            confidence_text(row),
            source.kind(),
            tsv_cell(&comment),
        );
    }
    out
}
