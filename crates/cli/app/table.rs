//! `errmap table FROM TO`: the migration crosswalk. Every code of FROM with its best
//! equivalent in TO, the relation and the kinds, and a summary of how many codes fall
//! under each relation.
//!
//! Formats: `text` (aligned, for a terminal), `md` (a GitHub table to paste into a
//! migration plan), `csv` (RFC 4180), `json` (documented in the README) and `sssom`
//! (an SSSOM/TSV mapping set with its YAML header).

use std::fmt::Write as _;

use errmap_auth::{Arg, Catalogue, CodeRef, Error, Registry, Relation, sanitize};
use serde::Serialize;

use super::commands::relation_label;
use super::output::{BAD, DIM, HEADING, Table, Ui, paint, relation_style};
use super::{Format, Outcome};

/// One row: a source code, its best target and how they relate.
struct Row<'r> {
    source: CodeRef<'r>,
    best: Option<(CodeRef<'r>, Relation)>,
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
    total: usize,
}

impl Summary {
    fn of(rows: &[Row<'_>]) -> Summary {
        let mut summary = Summary { total: rows.len(), ..Summary::default() };
        for row in rows {
            let slot = match row.best.map(|(_, relation)| relation) {
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

    fn counts(&self) -> [(&'static str, usize); 6] {
        [
            ("exact", self.exact),
            ("close", self.close),
            ("broader", self.broader),
            ("narrower", self.narrower),
            ("related", self.related),
            ("none", self.none),
        ]
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
}

#[derive(Serialize)]
struct TableJson<'a> {
    from: &'a str,
    to: &'a str,
    locale: errmap_auth::Locale,
    rows: Vec<RowJson<'a>>,
    summary: &'a Summary,
}

pub fn run(ui: &Ui, format: Format, registry: &Registry, from: &str, to: &str) -> Result<Outcome, Error> {
    let from = registry.catalogue(from)?;
    let to = registry.catalogue(to)?;
    let rows: Vec<Row<'_>> = from
        .code_refs()
        .map(|source| {
            let translation = registry.translate(source, to);
            Row { source, best: translation.best().map(|m| (m.code, m.relation)) }
        })
        .collect();
    let summary = Summary::of(&rows);
    let stdout = match format {
        Format::Json => json(ui, from, to, &rows, &summary),
        Format::Md => markdown(ui, from, to, &rows, &summary),
        Format::Csv => csv(ui, &rows),
        Format::Sssom => sssom(ui, from, to, &rows),
        _ => text(ui, from, to, &rows, &summary),
    };
    Ok(Outcome { stdout, code: 0 })
}

fn message(ui: &Ui, code: CodeRef<'_>) -> String {
    sanitize(&ui.messages().code_message(code, ui.locale).text).into_owned()
}

fn relation_name(relation: Option<Relation>) -> &'static str {
    relation.map_or("none", Relation::as_str)
}

fn summary_line(ui: &Ui, summary: &Summary) -> String {
    let parts: Vec<String> = summary
        .counts()
        .iter()
        .map(|(name, count)| {
            let label = if *name == "none" { ui.t("label-no-equivalent") } else { ui.t(&format!("relation-{name}")) };
            format!("{count} {label}")
        })
        .collect();
    ui.t_args(
        "label-table-summary",
        &[("total", Arg::Number(summary.total as f64)), ("counts", Arg::Text(&parts.join(", ")))],
    )
}

fn text(ui: &Ui, from: &Catalogue, to: &Catalogue, rows: &[Row<'_>], summary: &Summary) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}  →  {}\n", paint(HEADING, from.id()), paint(HEADING, to.id()));
    let mut table = Table::default();
    table.styled_row(
        [from.id().to_string(), ui.t("label-kind"), ui.t("label-relation"), to.id().to_string(), ui.t("label-kind")]
            .map(|h| (h, HEADING)),
    );
    for row in rows {
        let source = (row.source.code().to_string(), Default::default());
        let source_kind = (row.source.kind().to_string(), DIM);
        match row.best {
            Some((target, relation)) => table.styled_row([
                source,
                source_kind,
                (relation_label(ui, relation), relation_style(relation)),
                (target.code().to_string(), Default::default()),
                (target.kind().to_string(), DIM),
            ]),
            None => table.styled_row([source, source_kind, (ui.t("label-no-equivalent"), BAD)]),
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

fn markdown(ui: &Ui, from: &Catalogue, to: &Catalogue, rows: &[Row<'_>], summary: &Summary) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## {}: {} → {}\n", ui.t("label-crosswalk"), md_cell(from.name()), md_cell(to.name()));
    let _ = writeln!(
        out,
        "| {from} | {message} | {kind} | {relation} | {to} | {message} | {kind} |",
        from = md_cell(from.id()),
        to = md_cell(to.id()),
        message = ui.t("label-message"),
        kind = ui.t("label-kind"),
        relation = ui.t("label-relation"),
    );
    out.push_str("|---|---|---|---|---|---|---|\n");
    for row in rows {
        let (target, target_message, target_kind, relation) = match row.best {
            Some((target, relation)) => (
                format!("`{}`", md_cell(target.code())),
                md_cell(&message(ui, target)),
                format!("`{}`", target.kind()),
                relation_label(ui, relation),
            ),
            None => (String::new(), String::new(), String::new(), ui.t("label-no-equivalent")),
        };
        let _ = writeln!(
            out,
            "| `{}` | {} | `{}` | {relation} | {target} | {target_message} | {target_kind} |",
            md_cell(row.source.code()),
            md_cell(&message(ui, row.source)),
            row.source.kind(),
        );
    }
    let _ = writeln!(out, "\n{}", summary_line(ui, summary));
    out
}

/// An RFC 4180 field: quoted when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    let text = sanitize(text);
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.into_owned() }
}

fn csv(ui: &Ui, rows: &[Row<'_>]) -> String {
    let mut out = String::from(
        "source_code,source_symbol,source_kind,source_message,relation,target_code,target_symbol,target_kind,target_message\r\n",
    );
    for row in rows {
        let source = row.source;
        let mut fields = vec![
            csv_field(source.code()),
            csv_field(source.symbol().unwrap_or("")),
            source.kind().to_string(),
            csv_field(&message(ui, source)),
            relation_name(row.best.map(|(_, r)| r)).to_string(),
        ];
        match row.best {
            Some((target, _)) => fields.extend([
                csv_field(target.code()),
                csv_field(target.symbol().unwrap_or("")),
                target.kind().to_string(),
                csv_field(&message(ui, target)),
            ]),
            None => fields.extend([String::new(), String::new(), String::new(), String::new()]),
        }
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

fn json(ui: &Ui, from: &Catalogue, to: &Catalogue, rows: &[Row<'_>], summary: &Summary) -> String {
    let rows = rows
        .iter()
        .map(|row| RowJson {
            source: side(ui, row.source),
            target: row.best.map(|(target, _)| side(ui, target)),
            relation: relation_name(row.best.map(|(_, r)| r)),
        })
        .collect();
    let value = TableJson { from: from.id(), to: to.id(), locale: ui.locale, rows, summary };
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// A TSV cell: tabs and line breaks would split the row.
fn tsv_cell(text: &str) -> String {
    sanitize(text).replace(['\t', '\n', '\r'], " ")
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

fn sssom(ui: &Ui, from: &Catalogue, to: &Catalogue, rows: &[Row<'_>]) -> String {
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
        "subject_id\tsubject_label\tpredicate_id\tobject_id\tobject_label\tmapping_justification\tsubject_category\tobject_category\tcomment\n",
    );
    for row in rows {
        let source = row.source;
        let subject = format!("{from_prefix}:{}", curie_local(source.code()));
        let mut reasons: Vec<String> = Vec::new();
        if let Some(reason) = source.entry().reason() {
            reasons.push(format!("{}: {reason}", source.code()));
        }
        let (predicate, object, object_label, object_category) = match row.best {
            Some((target, relation)) => {
                if let Some(reason) = target.entry().reason() {
                    reasons.push(format!("{}: {reason}", target.code()));
                }
                (
                    relation.skos(),
                    format!("{to_prefix}:{}", curie_local(target.code())),
                    message(ui, target),
                    format!("errmap:{}", target.kind()),
                )
            }
            None => ("skos:exactMatch", "sssom:NoTermFound".to_string(), String::new(), String::new()),
        };
        let mut comment = match row.best {
            Some((target, _)) => format!("kinds: {} → {}", source.kind(), target.kind()),
            None => format!("kind: {}; no equivalent in {}", source.kind(), to.id()),
        };
        for reason in reasons {
            let _ = write!(comment, "; {reason}");
        }
        let _ = writeln!(
            out,
            "{subject}\t{}\t{predicate}\t{object}\t{}\tsemapv:ManualMappingCuration\terrmap:{}\t{object_category}\t{}",
            tsv_cell(&message(ui, source)),
            tsv_cell(&object_label),
            source.kind(),
            tsv_cell(&comment),
        );
    }
    out
}
