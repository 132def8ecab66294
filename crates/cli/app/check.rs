//! `errmap check PATH...`: validate catalogue files and report every problem at once,
//! each as `file:line:column: sentence`.
//!
//! A file is checked exactly as it would be loaded with `--catalog` (the same parser
//! and checks the build applies to the built-in data), and the files are checked as a
//! set: two of them may not claim the same id or alias. Reusing a built-in id is not
//! an error here, since `mappings/` itself is checked this way, but it is pointed out
//! with what loading the file would need.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use errmap_auth::error::CatalogueProblem;
use errmap_auth::messages::Arg;
use errmap_auth::text::sanitize;
use errmap_auth::{Catalogue, Error, Registry};
use serde::Serialize;

use super::output::{BAD, GOOD, Ui, paint};
use super::{Format, Outcome};

#[derive(Serialize)]
struct ProblemJson {
    line: usize,
    column: usize,
    message: String,
}

#[derive(Serialize)]
struct FileJson {
    path: String,
    valid: bool,
    id: Option<String>,
    codes: Option<usize>,
    problems: Vec<ProblemJson>,
    notes: Vec<String>,
}

/// `errmap check --format json`.
#[derive(Serialize)]
struct CheckJson<'a> {
    locale: errmap_auth::Locale,
    /// Whether every file is valid.
    valid: bool,
    files: &'a [FileJson],
}

/// The line of the `id = …` key, for problems about the id itself.
fn id_line(path: &Path) -> usize {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines().position(|l| l.trim_start().starts_with("id") && l.contains('=')).map_or(1, |i| i + 1)
}

/// The report on one file, from what parsing it gave.
fn check_file(
    ui: &Ui,
    path: &Path,
    parsed: Result<Catalogue, Error>,
    names: &mut HashMap<String, PathBuf>,
) -> FileJson {
    let mut file = FileJson {
        path: path.display().to_string(),
        valid: true,
        id: None,
        codes: None,
        problems: Vec::new(),
        notes: Vec::new(),
    };
    let problem = |p: CatalogueProblem| ProblemJson { line: p.line, column: p.column, message: p.message };
    match parsed {
        Ok(catalogue) => {
            file.id = Some(catalogue.id().to_string());
            file.codes = Some(catalogue.codes().len());
            for name in std::iter::once(catalogue.id()).chain(catalogue.aliases()) {
                let key = name.to_ascii_lowercase();
                if let Some(other) = names.get(&key) {
                    file.problems.push(ProblemJson {
                        line: id_line(path),
                        column: 1,
                        message: ui.t_args(
                            "check-name-taken",
                            &[("name", Arg::Text(name)), ("other", Arg::Text(&other.display().to_string()))],
                        ),
                    });
                } else {
                    names.insert(key, path.to_path_buf());
                }
            }
            if Registry::builtin().catalogues().iter().any(|c| c.answers_to(catalogue.id())) {
                file.notes.push(ui.t_args("check-note-builtin", &[("name", Arg::Text(catalogue.id()))]));
            }
        }
        Err(Error::InvalidCatalogue { problems, .. }) => file.problems.extend(problems.into_iter().map(problem)),
        Err(Error::Io { message, .. }) => file.problems.push(ProblemJson { line: 0, column: 0, message }),
        Err(other) => file.problems.push(ProblemJson { line: 0, column: 0, message: other.to_string() }),
    }
    file.valid = file.problems.is_empty();
    file
}

pub fn run(ui: &Ui, format: Format, paths: &[PathBuf]) -> Result<Outcome, Error> {
    let mut files = Vec::new();
    let mut names = HashMap::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let mut text = String::new();
            let parsed = std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut text)
                .map_err(|e| Error::io("standard input".to_string(), e))
                .and_then(|_| Catalogue::from_toml(&text, "-"));
            files.push(check_file(ui, path, parsed, &mut names));
            continue;
        }
        match Catalogue::files_at(path) {
            Ok(found) if found.is_empty() => files.push(FileJson {
                path: path.display().to_string(),
                valid: false,
                id: None,
                codes: None,
                problems: vec![ProblemJson { line: 0, column: 0, message: ui.t("check-empty-folder") }],
                notes: Vec::new(),
            }),
            Ok(found) => {
                // Parsed on several threads; reported in name order.
                let parsed = Catalogue::from_paths(&found);
                files.extend(found.iter().zip(parsed).map(|(file, parsed)| check_file(ui, file, parsed, &mut names)));
            }
            Err(Error::Io { message, .. }) => files.push(FileJson {
                path: path.display().to_string(),
                valid: false,
                id: None,
                codes: None,
                problems: vec![ProblemJson { line: 0, column: 0, message }],
                notes: Vec::new(),
            }),
            Err(other) => return Err(other),
        }
    }
    let valid = files.iter().all(|f| f.valid);
    let stdout = match format {
        Format::Json => super::json::document(&CheckJson { locale: ui.locale, valid, files: &files }),
        _ => {
            let mut out = String::new();
            for file in &files {
                let path = sanitize(&file.path);
                if file.valid {
                    let codes = file.codes.unwrap_or(0) as f64;
                    let _ = writeln!(
                        out,
                        "{path}: {} ({})",
                        paint(GOOD, &ui.t("check-ok")),
                        ui.t_args("label-codes-count", &[("count", Arg::Number(codes))])
                    );
                }
                for problem in &file.problems {
                    let at = if problem.line == 0 {
                        path.to_string()
                    } else {
                        format!("{path}:{}:{}", problem.line, problem.column)
                    };
                    let _ = writeln!(out, "{at}: {}", paint(BAD, &sanitize(&problem.message)));
                }
                for note in &file.notes {
                    let _ = writeln!(out, "{path}: {}: {}", ui.t("check-note"), sanitize(note));
                }
            }
            let invalid = files.iter().filter(|f| !f.valid).count();
            let _ = writeln!(
                out,
                "{}",
                ui.t_args(
                    "check-summary",
                    &[("files", Arg::Number(files.len() as f64)), ("invalid", Arg::Number(invalid as f64))]
                )
            );
            out
        }
    };
    Ok(Outcome { stdout, code: if valid { 0 } else { 2 } })
}
