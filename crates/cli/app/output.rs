//! Text for people: localized labels, aligned columns, sanitized vendor text, colour.
//!
//! Colour is written as ANSI styles into the text and removed on the way out by
//! `anstream` wherever it does not belong: when stdout is not a terminal, when
//! `NO_COLOR` is set, or with `--color never`. Vendor text is sanitized before any
//! style is added, so it can never carry escape sequences of its own.

use std::fmt::Write as _;
use std::io::Write as _;

use anstyle::{AnsiColor, Style};
use errmap_auth::messages::Arg;
use errmap_auth::text::sanitize;
use errmap_auth::{Locale, Messages, Relation};
use unicode_width::UnicodeWidthStr;

/// Headings: a code, a catalogue.
pub const HEADING: Style = Style::new().bold();
/// Secondary text: kinds, counts.
pub const DIM: Style = Style::new().dimmed();
/// Something missing: no equivalent, a problem.
pub const BAD: Style = AnsiColor::Red.on_default();
/// Something fine: a valid file.
pub const GOOD: Style = AnsiColor::Green.on_default();

/// The style of a relation label: the better the match, the greener.
pub fn relation_style(relation: Relation) -> Style {
    match relation {
        Relation::Exact => AnsiColor::Green.on_default().bold(),
        Relation::Close => AnsiColor::Green.on_default(),
        Relation::Broader | Relation::Narrower => AnsiColor::Yellow.on_default(),
        Relation::Related => AnsiColor::Magenta.on_default(),
    }
}

/// `text` in `style`; the style is dropped on output where colour does not belong.
pub fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// Chooses colour for stdout and stderr: forced on, forced off, or decided per
/// stream (a terminal, and `NO_COLOR` unset).
pub fn set_color(always: bool, never: bool) {
    let choice = match (always, never) {
        (true, _) => anstream::ColorChoice::AlwaysAnsi,
        (_, true) => anstream::ColorChoice::Never,
        _ => anstream::ColorChoice::Auto,
    };
    choice.write_global();
}

/// Prints `error: message` to stderr.
pub fn error(ui: &Ui, message: &str) {
    let label = paint(AnsiColor::Red.on_default().bold(), &ui.t("error"));
    let _ = writeln!(anstream::stderr(), "{label}: {message}");
}

/// Localized strings of the CLI for one locale.
pub struct Ui {
    pub locale: Locale,
    messages: &'static Messages,
}

impl Ui {
    pub fn new(locale: Locale) -> Ui {
        Ui { locale, messages: Messages::get() }
    }

    /// The CLI string `id` (from `cli.ftl`), or the id itself if it is missing.
    pub fn t(&self, id: &str) -> String {
        self.t_args(id, &[])
    }

    /// The CLI string `id` with variables.
    pub fn t_args(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.messages.text(self.locale, id, None, args).unwrap_or_else(|| id.to_string())
    }

    pub fn messages(&self) -> &'static Messages {
        self.messages
    }
}

/// Rows of cells printed with every column but the last padded to a common width,
/// measured in terminal columns (a Chinese character takes two).
#[derive(Default)]
pub struct Table {
    rows: Vec<Vec<String>>,
    styles: Vec<Vec<Style>>,
}

impl Table {
    pub fn row(&mut self, cells: impl IntoIterator<Item = String>) {
        self.styled_row(cells.into_iter().map(|c| (c, Style::new())));
    }

    /// A row whose cells each have a style, applied after the padding is measured.
    pub fn styled_row(&mut self, cells: impl IntoIterator<Item = (String, Style)>) {
        let (cells, styles): (Vec<String>, Vec<Style>) =
            cells.into_iter().map(|(c, s)| (sanitize(&c).into_owned(), s)).unzip();
        self.rows.push(cells);
        self.styles.push(styles);
    }

    pub fn render(&self, indent: &str, out: &mut String) {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..columns)
            .map(|i| self.rows.iter().filter_map(|r| r.get(i)).map(|c| c.width()).max().unwrap_or(0))
            .collect();
        for (row, styles) in self.rows.iter().zip(&self.styles) {
            let mut line = String::from(indent);
            let last = row.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1);
            for (i, (cell, style)) in row.iter().zip(styles).enumerate().take(last) {
                if *style == Style::new() || cell.is_empty() {
                    line.push_str(cell);
                } else {
                    line.push_str(&paint(*style, cell));
                }
                if i + 1 < last {
                    line.push_str(&" ".repeat(widths[i] - cell.width() + 2));
                }
            }
            let _ = writeln!(out, "{line}");
        }
    }
}
