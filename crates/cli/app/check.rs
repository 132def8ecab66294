//! `errmap check PATH...`: validate catalogue files and report every problem at once,
//! each as `file:line:column: sentence`.
//!
//! A file is checked exactly as `--catalogue` would load it, by the same check
//! ([`Registry::check_files`]): its own problems (the ones the build finds in the
//! built-in data), and its names (id and aliases) against the built-in catalogues and
//! the files before it. A file `check` passes loads; a file it refuses, `--catalogue`
//! refuses too. With `--as-builtin` the files are checked against each other only, as
//! the build checks errmap's own `mappings/`, whose ids are the built-in ones.

use std::fmt::Write as _;
use std::path::PathBuf;

use errmap_auth::messages::Arg;
use errmap_auth::text::sanitize;
use errmap_auth::{Catalogue, CheckedFile, Error, Registry};
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

impl FileJson {
    /// A file (or folder) that could not be checked, with why, not at any line.
    fn refused(path: &std::path::Path, message: String) -> FileJson {
        FileJson {
            path: path.display().to_string(),
            valid: false,
            id: None,
            codes: None,
            problems: vec![ProblemJson { line: 0, column: 0, message }],
            notes: Vec::new(),
        }
    }
}

/// The report on one file, from what checking it gave.
fn report(ui: &Ui, path: &std::path::Path, checked: Result<CheckedFile, Error>) -> FileJson {
    let mut file = FileJson {
        path: path.display().to_string(),
        valid: true,
        id: None,
        codes: None,
        problems: Vec::new(),
        notes: Vec::new(),
    };
    match checked {
        Ok(checked) => {
            if checked.replaces_builtin {
                file.notes.push(ui.t_args("check-note-replaces", &[("name", Arg::Text(&checked.id))]));
            }
            file.id = Some(checked.id);
            file.codes = Some(checked.codes);
        }
        Err(Error::InvalidCatalogue { problems, .. }) => file
            .problems
            .extend(problems.into_iter().map(|p| ProblemJson { line: p.line, column: p.column, message: p.message })),
        Err(Error::Io { message, .. }) => file.problems.push(ProblemJson { line: 0, column: 0, message }),
        Err(other) => file.problems.push(ProblemJson { line: 0, column: 0, message: other.to_string() }),
    }
    file.valid = file.problems.is_empty();
    file
}

pub fn run(ui: &Ui, format: Format, paths: &[PathBuf], as_builtin: bool) -> Result<Outcome, Error> {
    let mut files = Vec::new();
    let mut registry = if as_builtin { Registry::empty() } else { Registry::new() };
    for path in paths {
        if path.as_os_str() == "-" {
            let checked = read_stdin().and_then(|text| registry.check_text(&text, "-"));
            files.push(report(ui, path, checked));
            continue;
        }
        match Catalogue::files_at(path) {
            Ok(found) if found.is_empty() => files.push(FileJson::refused(path, ui.t("check-empty-folder"))),
            Ok(found) => {
                let checked = registry.check_files(&found);
                files.extend(found.iter().zip(checked).map(|(file, checked)| report(ui, file, checked)));
            }
            Err(Error::Io { message, .. }) => files.push(FileJson::refused(path, message)),
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

/// A catalogue from standard input, bounded as a catalogue file is.
fn read_stdin() -> Result<String, Error> {
    use std::io::Read;
    let mut text = String::new();
    let limit = errmap_auth::catalogue::MAX_CATALOGUE_BYTES;
    std::io::stdin()
        .lock()
        .take(limit + 1)
        .read_to_string(&mut text)
        .map_err(|e| Error::io("standard input".to_string(), e))?;
    if text.len() as u64 > limit {
        let message = format!("larger than {limit} bytes, the most a catalogue may hold; split it");
        return Err(Error::io(
            "standard input".to_string(),
            std::io::Error::new(std::io::ErrorKind::InvalidData, message),
        ));
    }
    Ok(text)
}
