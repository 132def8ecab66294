//! The `errmap` command line: argument definitions, dispatch and exit codes.
//!
//! Exit codes: 0 success; 1 not found (an unknown code, or no equivalent in any
//! target asked for); 2 usage or invalid input. Errors go to stderr, data to stdout; a
//! closed stdout (`errmap codes x | head`) is not an error.

mod commands;
mod json;
mod normalize;
mod output;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use errmap::{Arg, Error, Expose, Locale};

use output::Ui;

/// Translate authentication providers' error codes between vendors and into one
/// canonical taxonomy.
#[derive(Parser)]
#[command(name = "errmap", version, about, propagate_version = true)]
struct Cli {
    /// Language of messages and labels (en, zh-CN, …). Default: LC_ALL, LC_MESSAGES or
    /// LANG, else en.
    #[arg(long, global = true, value_name = "LOCALE")]
    lang: Option<String>,

    /// Output format: text for people, json for programs, problem (normalize only) for
    /// RFC 9457 problem details.
    #[arg(long, global = true, value_enum, default_value_t = Format::Text)]
    format: Format,

    #[command(subcommand)]
    command: Command,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
    Problem,
}

#[derive(Subcommand)]
enum Command {
    /// Find the nearest equivalents of a code in other catalogues.
    #[command(
        after_help = "Examples:\n  errmap translate wilddog:22011 authing\n  errmap translate authing:2006\n  errmap translate oneaccess:LOGIN.0002 authing wilddog --format json"
    )]
    Translate {
        /// The code to translate, as VENDOR:CODE (e.g. wilddog:22011 or wilddog:invalid_user).
        reference: String,
        /// Catalogues to translate into; every other catalogue when omitted.
        targets: Vec<String>,
        /// Show every candidate, not only the best five per catalogue.
        #[arg(long)]
        all: bool,
    },
    /// Show everything errmap knows about a code.
    #[command(
        after_help = "Examples:\n  errmap explain oneaccess:LOGIN.0001\n  errmap explain authing:2333 --lang zh-CN"
    )]
    Explain {
        /// The code, as VENDOR:CODE.
        reference: String,
    },
    /// Turn a vendor's raw error body into one canonical error.
    ///
    /// Reads one body from FILE or standard input; with --jsonl, one body per line, one
    /// result per line. Exposure defaults to `all` for text and json (operators reading
    /// logs) and to `none` for --format problem (what reaches end users).
    #[command(
        after_help = "Examples:\n  echo '{\"error_code\":\"LOGIN.0002\",\"error_msg\":\"Invalid account name or password. Remaining attempts: 3\"}' | errmap normalize\n  errmap normalize body.json --vendor authing --status 400 --format problem --lang zh-CN\n  errmap normalize --jsonl access-errors.jsonl > canonical.jsonl"
    )]
    Normalize {
        /// A file holding the body (or the lines with --jsonl); standard input if omitted.
        file: Option<PathBuf>,
        /// The catalogue the body came from; wins over detection.
        #[arg(long)]
        vendor: Option<String>,
        /// The HTTP status of the vendor's response.
        #[arg(long)]
        status: Option<u16>,
        /// The Content-Type of the vendor's response.
        #[arg(long)]
        content_type: Option<String>,
        /// What to reveal: none, account-status or all [default: all; none for --format problem].
        #[arg(long, value_parser = parse_expose)]
        expose: Option<Expose>,
        /// One body per input line (or {"body", "vendor", "status"} records); one result per line.
        #[arg(long)]
        jsonl: bool,
        /// Refuse bodies longer than this many bytes.
        #[arg(long, default_value_t = 1 << 20)]
        max_body_bytes: usize,
    },
    /// List every code of a catalogue with its kind.
    #[command(after_help = "Examples:\n  errmap codes wilddog\n  errmap codes huawei-oneaccess --format json")]
    Codes {
        /// The catalogue id or alias.
        vendor: String,
    },
}

/// What a command produced: text for stdout and the exit code.
pub struct Outcome {
    pub stdout: String,
    pub code: u8,
}

/// Parses the arguments, runs the command and turns the result into an exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    let ui = Ui::new(Locale::from_env(cli.lang.as_deref()));
    if cli.format == Format::Problem && !matches!(cli.command, Command::Normalize { .. }) {
        eprintln!("{}: {}", ui.t("error"), ui.t("error-format-problem-only"));
        return ExitCode::from(2);
    }
    let result = match &cli.command {
        Command::Translate { reference, targets, all } => {
            commands::translate(&ui, cli.format, reference, targets, *all)
        }
        Command::Explain { reference } => commands::explain(&ui, cli.format, reference),
        Command::Codes { vendor } => commands::codes(&ui, cli.format, vendor),
        Command::Normalize { file, vendor, status, content_type, expose, jsonl, max_body_bytes } => {
            let request = normalize::Request {
                file: file.as_deref(),
                vendor: vendor.as_deref(),
                status: *status,
                content_type: content_type.as_deref(),
                expose: *expose,
                max_body_bytes: *max_body_bytes,
                jsonl: *jsonl,
            };
            normalize::run(&ui, cli.format, &request)
        }
    };
    match result {
        Ok(outcome) => {
            let mut stdout = io::stdout().lock();
            match stdout.write_all(outcome.stdout.as_bytes()).and_then(|()| stdout.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                    eprintln!("{}: {e}", ui.t("error"));
                    ExitCode::from(2)
                }
                _ => ExitCode::from(outcome.code),
            }
        }
        Err(error) => {
            eprintln!("{}: {}", ui.t("error"), describe(&ui, &error));
            ExitCode::from(exit_code(&error))
        }
    }
}

fn parse_expose(value: &str) -> Result<Expose, String> {
    value.parse()
}

fn exit_code(error: &Error) -> u8 {
    match error {
        Error::UnknownCode { .. } => 1,
        _ => 2,
    }
}

/// A library error in the user's language.
pub(crate) fn describe(ui: &Ui, error: &Error) -> String {
    let text = |s: &str| errmap::sanitize(s).into_owned();
    match error {
        Error::UnknownVendor { given, suggestion, known } => {
            let given = text(given);
            let mut parts = vec![ui.t_args("error-unknown-vendor", &[("given", Arg::Text(&given))])];
            if let Some(suggestion) = suggestion {
                parts.push(ui.t_args("error-did-you-mean", &[("suggestion", Arg::Text(suggestion))]));
            }
            parts.push(ui.t_args("error-known-vendors", &[("list", Arg::Text(&known.join(", ")))]));
            parts.join("; ")
        }
        Error::UnknownCode { vendor, code, elsewhere } => {
            let code = text(code);
            let mut parts =
                vec![ui.t_args("error-unknown-code", &[("vendor", Arg::Text(vendor)), ("code", Arg::Text(&code))])];
            if !elsewhere.is_empty() {
                parts.push(ui.t_args(
                    "error-code-elsewhere",
                    &[("code", Arg::Text(&code)), ("list", Arg::Text(&elsewhere.join(", ")))],
                ));
            }
            parts.push(ui.t_args("error-list-codes", &[("vendor", Arg::Text(vendor))]));
            parts.join("; ")
        }
        Error::MalformedReference { given } => {
            ui.t_args("error-malformed-reference", &[("given", Arg::Text(&text(given)))])
        }
        Error::InvalidCatalogue { origin, problems } => {
            let mut lines = vec![ui.t_args("error-invalid-catalogue", &[("origin", Arg::Text(&text(origin)))])];
            lines.extend(problems.iter().map(|p| format!("{}:{}:{}: {}", text(origin), p.line, p.column, p.message)));
            lines.join("\n")
        }
        Error::DuplicateCatalogue { name, .. } => {
            ui.t_args("error-duplicate-catalogue", &[("name", Arg::Text(&text(name)))])
        }
        Error::BodyTooLarge { size, limit } => ui.t_args(
            "error-body-too-large",
            &[("size", Arg::Number(*size as f64)), ("limit", Arg::Number(*limit as f64))],
        ),
        Error::Io { path, message } => {
            ui.t_args("error-io", &[("path", Arg::Text(&text(path))), ("message", Arg::Text(message))])
        }
        other => text(&other.to_string()),
    }
}
