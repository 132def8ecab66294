//! Text for people: localized labels, aligned columns, sanitized vendor text.

use std::fmt::Write as _;

use errmap::{Arg, Locale, Messages, sanitize};
use unicode_width::UnicodeWidthStr;

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
}

impl Table {
    pub fn row(&mut self, cells: impl IntoIterator<Item = String>) {
        self.rows.push(cells.into_iter().map(|c| sanitize(&c).into_owned()).collect());
    }

    pub fn render(&self, indent: &str, out: &mut String) {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..columns)
            .map(|i| self.rows.iter().filter_map(|r| r.get(i)).map(|c| c.width()).max().unwrap_or(0))
            .collect();
        for row in &self.rows {
            let mut line = String::from(indent);
            for (i, cell) in row.iter().enumerate() {
                line.push_str(cell);
                if i + 1 < row.len() {
                    line.push_str(&" ".repeat(widths[i] - cell.width() + 2));
                }
            }
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
}
