//! The `errmap` command line: argument definitions, dispatch and exit codes.
//!
//! Exit codes: 0 success; 1 not found (an unknown code, or no equivalent in any
//! target asked for); 2 usage or invalid input; 3 the output could not be written.
//! Errors go to stderr, data to stdout (with `--format json`, the error too, as a
//! document); a closed stdout (`errmap codes x | head`) is not an error.

mod check;
mod commands;
mod help;
mod json;
mod normalize;
mod output;
mod table;

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, FromArgMatches, Parser, Subcommand, ValueEnum};
use errmap_auth::error::IoOperation;
use errmap_auth::messages::Arg;
use errmap_auth::{Catalogue, Error, Expose, Locale, Registry};

use output::Ui;

/// Translate authentication providers' error codes between vendors and into one
/// canonical taxonomy.
#[derive(Parser)]
#[command(name = "errmap", version, about, propagate_version = true)]
pub(crate) struct Cli {
    #[command(flatten)]
    globals: Globals,

    #[command(subcommand)]
    command: Command,
}

/// The options every command takes.
#[derive(Args)]
pub(crate) struct Globals {
    /// Language of messages and labels (en, zh-CN, zh-TW, …). Default: LANGUAGE,
    /// LC_ALL, LC_MESSAGES or LANG, else en.
    #[arg(long, global = true, value_name = "LOCALE")]
    lang: Option<String>,

    /// Output format: text for people, json for programs; problem (normalize) for RFC
    /// 9457 problem details; md, csv and sssom (table) for crosswalks.
    #[arg(long, global = true, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// When to colour the output: auto (only on a terminal, never with NO_COLOR set),
    /// always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    color: ColorWhen,

    /// Load extra catalogues from a file or a folder of *.toml files (repeatable). Also
    /// read from ERRMAP_CATALOGUES (or ERRMAP_CATALOGS), paths separated as in PATH.
    #[arg(long = "catalogue", visible_alias = "catalog", global = true, value_name = "PATH")]
    catalogs: Vec<PathBuf>,
}

/// The output formats; each command accepts some of them.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    Text,
    Json,
    Problem,
    Md,
    Csv,
    Sssom,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Problem => "problem",
            Format::Md => "md",
            Format::Csv => "csv",
            Format::Sssom => "sssom",
        }
    }
}

/// `--color`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Find the nearest equivalents of a code in other catalogues.
    Translate(TranslateArgs),
    /// Show everything errmap knows about a code.
    Explain(ExplainArgs),
    /// Find codes and kinds from any text: a vendor message, a code, a symbol, a word.
    Search(SearchArgs),
    /// The migration crosswalk: every code of FROM with its best equivalent in TO.
    Table(TableArgs),
    /// List every code of a catalogue with its kind.
    Codes(CodesArgs),
    /// List the catalogues: id, name, aliases, number of codes, share mapped exactly.
    Vendors,
    /// Show the taxonomy as a tree, with the number of codes under each kind; or one kind.
    Kinds(KindsArgs),
    /// Turn a vendor's raw error body into one canonical error.
    ///
    /// Reads one body from FILE or standard input; with --jsonl, one body per line, one
    /// result per line. Exposure defaults to `all` for text and json (operators reading
    /// logs) and to `none` for --format problem (what reaches end users).
    Normalize(NormalizeArgs),
    /// Check catalogue files and report every problem with file, line and column.
    Check(CheckArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write every page to a folder.
    Man(ManArgs),
}

/// What adds a subcommand's arguments to it: `augment_args` of its `#[derive(Args)]`.
type AddArguments = fn(clap::Command) -> clap::Command;

/// Each subcommand's name and what adds its arguments, in the order of [`Command`]:
/// the command line is parsed with only the named subcommands' arguments built (see
/// [`command_for`]). A test checks it against the derived definition.
const SUBCOMMANDS: &[(&str, AddArguments)] = &[
    ("translate", TranslateArgs::augment_args),
    ("explain", ExplainArgs::augment_args),
    ("search", SearchArgs::augment_args),
    ("table", TableArgs::augment_args),
    ("codes", CodesArgs::augment_args),
    ("vendors", |command| command),
    ("kinds", KindsArgs::augment_args),
    ("normalize", NormalizeArgs::augment_args),
    ("check", CheckArgs::augment_args),
    ("completions", CompletionsArgs::augment_args),
    ("man", ManArgs::augment_args),
];

/// `errmap translate`.
#[derive(Args)]
pub(crate) struct TranslateArgs {
    /// The code to translate, as VENDOR:CODE (e.g. wilddog:22011 or wilddog:invalid_user).
    reference: String,
    /// Catalogues to translate into; every other catalogue when omitted.
    targets: Vec<String>,
    /// Show every candidate, not only the best five per catalogue.
    #[arg(long)]
    all: bool,
}

/// `errmap explain`.
#[derive(Args)]
pub(crate) struct ExplainArgs {
    /// The code, as VENDOR:CODE, or a kind id.
    reference: String,
}

/// `errmap kinds`.
#[derive(Args)]
pub(crate) struct KindsArgs {
    /// Show only this kind, with its codes (as `errmap explain KIND`).
    kind: Option<String>,
}

/// `errmap man`.
#[derive(Args)]
pub(crate) struct ManArgs {
    /// The page of one command (errmap-COMMAND(1)); errmap(1) when omitted.
    command: Option<String>,
    /// Write errmap.1 and every errmap-COMMAND.1 into this folder instead.
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    dir: Option<PathBuf>,
}

/// `errmap search`.
#[derive(Args)]
pub(crate) struct SearchArgs {
    /// The text to look for (several words are joined with spaces).
    #[arg(required = true, num_args = 1..)]
    text: Vec<String>,
    /// Look only in this catalogue.
    #[arg(long)]
    vendor: Option<String>,
    /// Show at most this many results (1 or more).
    #[arg(long, default_value_t = 10, value_parser = limit_value)]
    limit: usize,
}

/// `errmap table`.
#[derive(Args)]
pub(crate) struct TableArgs {
    /// The catalogue migrated from.
    from: String,
    /// The catalogue migrated to.
    to: String,
    /// Hide candidates less sure than this (0 to 1): their rows read "no equivalent
    /// (weak candidate hidden)" and the summary counts them.
    #[arg(long, value_name = "N", value_parser = confidence_value, allow_negative_numbers = true)]
    min_confidence: Option<f64>,
}

/// A number of results: 1 or more.
fn limit_value(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("'{text}' is not a number of results: give 1 or more, such as 10")),
    }
}

/// An HTTP status: 100 to 599.
fn status_value(text: &str) -> Result<u16, String> {
    match text.parse::<u16>() {
        Ok(n) if (100..=599).contains(&n) => Ok(n),
        _ => Err(format!("'{text}' is not an HTTP status: give a number from 100 to 599, such as 400")),
    }
}

/// A confidence threshold: a number from 0 to 1.
fn confidence_value(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(n) if (0.0..=1.0).contains(&n) => Ok(n),
        _ => Err(format!("'{text}' is not a confidence: give a number from 0 to 1, such as 0.5")),
    }
}

/// `errmap codes`.
#[derive(Args)]
pub(crate) struct CodesArgs {
    /// The catalogue id or alias.
    vendor: String,
}

/// `errmap normalize`.
#[derive(Args)]
pub(crate) struct NormalizeArgs {
    /// A file holding the body (or the lines with --jsonl); standard input if omitted or `-`.
    file: Option<PathBuf>,
    /// The catalogue the body came from; wins over detection.
    #[arg(long)]
    vendor: Option<String>,
    /// The HTTP status of the vendor's response, 100 to 599.
    #[arg(long, value_parser = status_value)]
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
}

/// `errmap check`.
#[derive(Args)]
pub(crate) struct CheckArgs {
    /// Catalogue files, or folders of *.toml files; `-` reads one from standard input.
    #[arg(required = true, num_args = 1..)]
    paths: Vec<PathBuf>,
    /// Check the files as errmap's own data (mappings/): against each other only, not
    /// against the built-in catalogues, whose ids they are.
    #[arg(long)]
    as_builtin: bool,
}

/// `errmap completions`.
#[derive(Args)]
pub(crate) struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish.
    shell: clap_complete::Shell,
}

impl Command {
    fn name(&self) -> &'static str {
        match self {
            Command::Translate(_) => "translate",
            Command::Explain(_) => "explain",
            Command::Search(_) => "search",
            Command::Table(_) => "table",
            Command::Codes(_) => "codes",
            Command::Vendors => "vendors",
            Command::Kinds(_) => "kinds",
            Command::Normalize(_) => "normalize",
            Command::Check(_) => "check",
            Command::Completions(_) => "completions",
            Command::Man(_) => "man",
        }
    }

    /// The formats the command writes.
    fn formats(&self) -> &'static [Format] {
        match self {
            Command::Normalize(_) => &[Format::Text, Format::Json, Format::Problem],
            Command::Table(_) => &[Format::Text, Format::Json, Format::Md, Format::Csv, Format::Sssom],
            Command::Completions(_) | Command::Man(_) => &[Format::Text],
            _ => &[Format::Text, Format::Json],
        }
    }
}

/// What a command produced: text for stdout and the exit code.
pub struct Outcome {
    pub stdout: String,
    pub code: u8,
}

/// The value of `--NAME VALUE` or `--NAME=VALUE` among the raw arguments, read before
/// clap parses them so that help and clap's errors can use the language and colour.
fn early_flag(args: &[OsString], name: &str) -> Option<String> {
    let long = format!("--{name}");
    let with_value = format!("--{name}=");
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut found = None;
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        if arg == long {
            found = iter.next().map(|v| v.into_owned());
        } else if let Some(value) = arg.strip_prefix(&with_value) {
            found = Some(value.to_string());
        }
    }
    found
}

/// Why a command failed, with what the error document and the exit code need.
pub(crate) enum Failure {
    /// The library refused: an unknown vendor or code, a bad file, a body too large.
    Library {
        error: Error,
        /// The likely intended code, for an unknown one.
        suggestion: Option<String>,
    },
    /// A name that is neither a kind nor a `VENDOR:CODE` reference.
    UnknownKind { given: String, suggestion: Option<String> },
    /// Arguments clap accepts but the command cannot use; the message says why.
    Usage(String),
    /// `--format` names a format the command does not write.
    FormatUnsupported(String),
    /// The output could not be written (not a closed pipe).
    Write(Error),
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        Failure::Library { error, suggestion: None }
    }
}

impl Failure {
    /// The stable code of the error document (`error.code`).
    fn code(&self) -> &'static str {
        match self {
            Failure::Library { error, .. } => match error {
                Error::UnknownVendor { .. } => "unknown_vendor",
                Error::UnknownCode { .. } => "unknown_code",
                Error::MalformedReference { .. } => "malformed_reference",
                Error::InvalidCatalogue { .. } => "invalid_catalogue",
                Error::DuplicateCatalogue { .. } => "duplicate_catalogue",
                Error::BodyTooLarge { .. } => "body_too_large",
                Error::Io { .. } => "io",
                _ => "invalid_input",
            },
            Failure::UnknownKind { .. } => "unknown_kind",
            Failure::Usage(_) => "usage",
            Failure::FormatUnsupported(_) => "format_unsupported",
            Failure::Write(_) => "io",
        }
    }

    /// The likely intended name, if there is one.
    fn suggestion(&self) -> Option<&str> {
        match self {
            Failure::Library { error: Error::UnknownVendor { suggestion, .. }, .. } => suggestion.as_deref(),
            Failure::Library { suggestion, .. } | Failure::UnknownKind { suggestion, .. } => suggestion.as_deref(),
            _ => None,
        }
    }

    fn exit_code(&self) -> u8 {
        match self {
            Failure::Library { error, .. } => exit_code(error),
            Failure::Write(_) => 3,
            _ => 2,
        }
    }

    fn message(&self, ui: &Ui) -> String {
        match self {
            Failure::Library { error, suggestion } => describe_with(ui, error, suggestion.as_deref()),
            Failure::Write(error) => describe(ui, error),
            Failure::UnknownKind { given, suggestion } => {
                let given = errmap_auth::text::sanitize(given).into_owned();
                let mut parts = vec![ui.t_args("error-unknown-kind", &[("given", Arg::Text(&given))])];
                if let Some(suggestion) = suggestion {
                    parts.push(ui.t_args("error-did-you-mean", &[("suggestion", Arg::Text(suggestion))]));
                }
                parts.push(ui.t("error-list-kinds"));
                parts.join("; ")
            }
            Failure::Usage(message) | Failure::FormatUnsupported(message) => message.clone(),
        }
    }
}

/// Reports `failure` on stderr and, with `--format json`, as a document on stdout.
fn report(ui: &Ui, format: Format, failure: &Failure) -> ExitCode {
    let message = failure.message(ui);
    output::error(ui, &message);
    if format == Format::Json {
        let document = json::document(&json::ErrorDocumentJson {
            locale: ui.locale,
            error: json::ErrorJson { code: failure.code(), message: &message, suggestion: failure.suggestion() },
        });
        let _ = io::stdout().lock().write_all(document.as_bytes());
    }
    ExitCode::from(failure.exit_code())
}

/// The locale of the messages, and the `--lang` asked for when errmap ships no locale
/// for it. `--lang` wins; then, as gettext reads them, the first shipped locale of
/// `LANGUAGE` (a `:`-separated list, ignored when the locale is `C` or `POSIX`), then
/// `LC_ALL`, `LC_MESSAGES`, `LANG`; then English.
fn choose_locale(flag: Option<&str>, var: impl Fn(&str) -> Option<String>) -> (Locale, Option<String>) {
    if let Some(flag) = flag {
        return match Locale::negotiate(flag) {
            Some(locale) => (locale, None),
            None => (Locale::En, Some(flag.to_string())),
        };
    }
    let setting = ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|name| var(name).filter(|v| !v.trim().is_empty()));
    let posix = setting.as_deref().is_some_and(|value| {
        let name = value.split(['.', '@']).next().unwrap_or("");
        name.eq_ignore_ascii_case("C") || name.eq_ignore_ascii_case("POSIX")
    });
    if !posix {
        if let Some(list) = var("LANGUAGE") {
            if let Some(locale) = list.split(':').find_map(Locale::negotiate) {
                return (locale, None);
            }
        }
    }
    (setting.as_deref().and_then(Locale::negotiate).unwrap_or(Locale::En), None)
}

/// `errmap help [COMMAND]` as `errmap [COMMAND] --help`: the word `help` where a
/// subcommand's name would be is taken out and `--help` put after the command.
fn help_as_flag(args: Vec<OsString>) -> Vec<OsString> {
    let top = Globals::augment_args(clap::Command::new("errmap"));
    match first_positional(&top, &args) {
        Some(at) if args[at] == "help" => {
            let mut rewritten: Vec<OsString> = args[..at].to_vec();
            rewritten.extend(args[at + 1..].iter().cloned());
            rewritten.push(OsString::from("--help"));
            rewritten
        }
        _ => args,
    }
}

/// A refusal of clap's (or its help and version, which are not failures); with
/// `--format json`, also as an error document on stdout.
fn clap_failure(ui: &Ui, args: &[OsString], error: &clap::Error) -> ExitCode {
    let _ = error.print();
    if !error.use_stderr() {
        return ExitCode::from(0);
    }
    if early_flag(args, "format").as_deref() == Some("json") {
        // clap's first paragraph, without its `error: ` label: what was wrong.
        let rendered = error.to_string();
        let paragraph: Vec<&str> = rendered.lines().take_while(|line| !line.trim().is_empty()).map(str::trim).collect();
        let joined = paragraph.join(" ");
        let message = joined.strip_prefix("error: ").unwrap_or(&joined);
        let document = json::document(&json::ErrorDocumentJson {
            locale: ui.locale,
            error: json::ErrorJson { code: "usage", message, suggestion: None },
        });
        let _ = io::stdout().lock().write_all(document.as_bytes());
    }
    ExitCode::from(2)
}

/// Parses the arguments, runs the command and turns the result into an exit code.
pub fn main() -> ExitCode {
    let args = help_as_flag(std::env::args_os().collect());
    let (locale, unshipped) = choose_locale(early_flag(&args, "lang").as_deref(), |name| std::env::var(name).ok());
    let ui = Ui::new(locale);
    let color = match early_flag(&args, "color").as_deref() {
        Some("always") => ColorWhen::Always,
        Some("never") => ColorWhen::Never,
        _ => ColorWhen::Auto,
    };
    output::set_color(color == ColorWhen::Always, color == ColorWhen::Never);
    if let Some(asked) = unshipped {
        let asked = errmap_auth::text::sanitize(&asked).into_owned();
        eprintln!(
            "{}",
            ui.t_args("note-locale-fallback", &[("asked", Arg::Text(&asked)), ("used", Arg::Text(locale.tag()))])
        );
    }
    let command = help::localize(command_for(&args), &ui, &args);
    let parsed = command.try_get_matches_from(&args).and_then(|matches| {
        let cli = Cli::from_arg_matches(&matches)?;
        Ok((matches, cli))
    });
    let (matches, cli) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => return clap_failure(&ui, &args, &error),
    };
    let format = cli.globals.format;
    if !cli.command.formats().contains(&format) {
        let allowed: Vec<&str> = cli.command.formats().iter().map(|f| f.name()).collect();
        let message = ui.t_args(
            "error-format-unsupported",
            &[
                ("format", Arg::Text(format.name())),
                ("command", Arg::Text(cli.command.name())),
                ("list", Arg::Text(&allowed.join(", "))),
            ],
        );
        return report(&ui, format, &Failure::FormatUnsupported(message));
    }
    let given = Some(clap::parser::ValueSource::CommandLine);
    let format_given = matches.value_source("format") == given
        || matches.subcommand().is_some_and(|(_, sub)| sub.value_source("format") == given);
    if let Command::Normalize(args) = &cli.command {
        if args.jsonl && format == Format::Text && format_given {
            return report(&ui, format, &Failure::Usage(ui.t("error-jsonl-text")));
        }
    }
    match run(&cli, &ui) {
        Ok(outcome) => {
            let mut stdout = anstream::stdout().lock();
            match stdout.write_all(outcome.stdout.as_bytes()).and_then(|()| stdout.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                    let failure = Failure::Write(Error::io_write(ui.t("label-standard-output"), e));
                    output::error(&ui, &failure.message(&ui));
                    ExitCode::from(failure.exit_code())
                }
                _ => ExitCode::from(outcome.code),
            }
        }
        Err(failure) => report(&ui, format, &failure),
    }
}

fn run(cli: &Cli, ui: &Ui) -> Result<Outcome, Failure> {
    let format = cli.globals.format;
    match &cli.command {
        Command::Check(args) => return Ok(check::run(ui, format, &args.paths, args.as_builtin)?),
        Command::Completions(args) => return Ok(help::completions(args.shell)),
        Command::Man(args) => return help::man(ui, args.command.as_deref(), args.dir.as_deref()),
        _ => {}
    }
    let registry = registry(&cli.globals.catalogs)?;
    let registry = registry.as_ref();
    let result = match &cli.command {
        Command::Translate(args) => commands::translate(ui, format, registry, &args.reference, &args.targets, args.all),
        Command::Explain(args) => {
            if !args.reference.contains(':') && errmap_auth::Kind::from_id(&args.reference).is_none() {
                return Err(unknown_kind(&args.reference));
            }
            commands::explain(ui, format, registry, &args.reference)
        }
        Command::Search(args) => {
            let text = args.text.join(" ");
            if text.trim().is_empty() {
                return Err(Failure::Usage(ui.t("error-search-empty")));
            }
            commands::search(ui, format, registry, &text, args.vendor.as_deref(), args.limit)
        }
        Command::Table(args) => table::run(ui, format, registry, &args.from, &args.to, args.min_confidence),
        Command::Codes(args) => commands::codes(ui, format, registry, &args.vendor),
        Command::Vendors => commands::vendors(ui, format, registry),
        Command::Kinds(args) => match args.kind.as_deref() {
            None => commands::kinds(ui, format, registry),
            Some(given) => match errmap_auth::Kind::from_id(given) {
                Some(kind) => Ok(commands::kind_detail(ui, format, registry, kind)),
                None => return Err(unknown_kind(given)),
            },
        },
        Command::Normalize(args) => {
            let request = normalize::Request {
                file: args.file.as_deref().filter(|file| file.as_os_str() != "-"),
                vendor: args.vendor.as_deref(),
                status: args.status,
                content_type: args.content_type.as_deref(),
                expose: args.expose,
                max_body_bytes: args.max_body_bytes,
                jsonl: args.jsonl,
            };
            normalize::run(ui, format, registry, &request)
        }
        Command::Check(_) | Command::Completions(_) | Command::Man(_) => unreachable!("handled above"),
    };
    result.map_err(|error| {
        let suggestion = match &error {
            Error::UnknownCode { vendor, code, .. } => {
                registry.catalogue(vendor).ok().and_then(|c| nearest_code(c, code))
            }
            _ => None,
        };
        match error {
            Error::Io { operation: IoOperation::Write, .. } => Failure::Write(error),
            error => Failure::Library { error, suggestion },
        }
    })
}

/// A kind id that does not exist, with the nearest one.
fn unknown_kind(given: &str) -> Failure {
    let suggestion = errmap_auth::Kind::all()
        .map(|kind| (edit_distance(&given.to_ascii_lowercase(), kind.id()), kind.id()))
        .filter(|(distance, id)| *distance <= (id.len() / 4).max(2))
        .min()
        .map(|(_, id)| id.to_string());
    Failure::UnknownKind { given: given.to_string(), suggestion }
}

/// The code of `catalogue` that `given` most likely meant: the same up to case and
/// `-`/`_`, one whose last `/`- or `.`-separated part it is (`user-not-found` for
/// Firebase's `auth/user-not-found`), or one a few edits away.
fn nearest_code(catalogue: &errmap_auth::Catalogue, given: &str) -> Option<String> {
    let fold = |text: &str| text.to_ascii_lowercase().replace('_', "-");
    let wanted = fold(given);
    if wanted.is_empty() {
        return None;
    }
    let mut best: Option<(usize, &str)> = None;
    for code in catalogue.code_refs() {
        for name in std::iter::once(code.code()).chain(code.symbol()) {
            let folded = fold(name);
            let last_part = name.rsplit(['/', '.']).next().unwrap_or(name);
            let distance = if name.eq_ignore_ascii_case(given) || last_part.eq_ignore_ascii_case(given) {
                0
            } else if folded == wanted || fold(last_part) == wanted {
                1
            } else if given.bytes().all(|b| b.is_ascii_digit()) {
                // A number one digit away is another code, not a typo of this one.
                continue;
            } else {
                let distance = edit_distance(&wanted, &folded);
                if distance > (wanted.len() / 4).max(1) {
                    continue;
                }
                distance + 1
            };
            if best.is_none_or(|(at, _)| distance < at) {
                best = Some((distance, code.code()));
            }
        }
    }
    best.map(|(_, code)| code.to_string())
}

/// The Levenshtein distance between two texts, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// The clap command that parses `args`. When they run a subcommand after nothing but
/// global options, it is the only one built: clap copies the global options into every
/// subcommand it has, which was a tenth of a short command's instructions and a dozen
/// of its page faults. Otherwise (help, an unknown name, no name) every subcommand is
/// there for clap's help and suggestions, those the arguments name with their own
/// arguments, the others deferring theirs ([`clap::Command::defer`]). [`Cli::command`]
/// stays the whole definition, for completions and the manual page; the summaries come
/// from `cli.ftl` (see [`help::localize`]).
fn command_for(args: &[OsString]) -> clap::Command {
    let top = clap::Command::new("errmap")
        .version(env!("CARGO_PKG_VERSION"))
        .propagate_version(true)
        .subcommand_required(true)
        .arg_required_else_help(true);
    let mut command = Globals::augment_args(top);
    let chosen = chosen_subcommand(&command, args);
    for &(name, arguments) in SUBCOMMANDS {
        if chosen.is_some_and(|chosen| chosen != name) {
            continue;
        }
        let subcommand = clap::Command::new(name);
        command =
            command.subcommand(if names(args, name) { arguments(subcommand) } else { subcommand.defer(arguments) });
    }
    command
}

/// Whether `args` name subcommand `name` anywhere: its arguments are then built now
/// ([`command_for`]) and their help localized ([`help::localize`]), which must agree.
fn names(args: &[OsString], name: &str) -> bool {
    args.iter().any(|arg| arg == name)
}

/// The subcommand `args` run, when all that comes before it are `top`'s options with
/// their values: no help or version flag, no `--`, nothing clap would have to explain.
fn chosen_subcommand<'a>(top: &clap::Command, args: &'a [OsString]) -> Option<&'a str> {
    let arg = args[first_positional(top, args)?].to_str()?;
    SUBCOMMANDS.iter().any(|(name, _)| *name == arg).then_some(arg)
}

/// Where the first argument that is not one of `top`'s options (or an option's value)
/// is, when only `top`'s long options come before it.
fn first_positional(top: &clap::Command, args: &[OsString]) -> Option<usize> {
    let mut at = 1;
    while let Some(arg) = args.get(at) {
        let arg = arg.to_str()?;
        if let Some(long) = arg.strip_prefix("--") {
            let (name, inline) = long.split_once('=').map_or((long, false), |(name, _)| (name, true));
            let option = top
                .get_arguments()
                .find(|option| option.get_long_and_visible_aliases().is_some_and(|longs| longs.contains(&name)))?;
            if !inline && option.get_action().takes_values() {
                at += 1;
            }
        } else if arg.starts_with('-') {
            return None;
        } else {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// The built-in catalogues plus those of `--catalogue` and `ERRMAP_CATALOGUES` (with
/// the spellings `--catalog` and `ERRMAP_CATALOGS` as aliases; the first variable set
/// wins).
fn registry(flags: &[PathBuf]) -> Result<Loaded, Error> {
    let from_env: Vec<PathBuf> = ["ERRMAP_CATALOGUES", "ERRMAP_CATALOGS"]
        .into_iter()
        .find_map(std::env::var_os)
        .map(|value| std::env::split_paths(&value).filter(|p| !p.as_os_str().is_empty()).collect())
        .unwrap_or_default();
    if flags.is_empty() && from_env.is_empty() {
        return Ok(Loaded::Builtin(Registry::builtin()));
    }
    let mut registry = Registry::new();
    for path in from_env.iter().chain(flags) {
        // The files of a folder are parsed on several threads, then added in order, so
        // the first bad file in name order is the one reported, as when loaded one by one.
        // Checked as `errmap check` checks them: the first file refused, in name order,
        // is reported with every problem, a clashing name at its line and column.
        let files = Catalogue::files_at(path)?;
        for checked in registry.check_files(&files) {
            checked?;
        }
    }
    Ok(Loaded::Extended(Box::new(registry)))
}

/// The registry a command works with: the shared built-in one, or one extended with
/// the user's catalogues.
enum Loaded {
    Builtin(&'static Registry),
    Extended(Box<Registry>),
}

impl AsRef<Registry> for Loaded {
    fn as_ref(&self) -> &Registry {
        match self {
            Loaded::Builtin(registry) => registry,
            Loaded::Extended(registry) => registry,
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
    describe_with(ui, error, None)
}

/// [`describe`], with the code an unknown one most likely meant.
fn describe_with(ui: &Ui, error: &Error, code_suggestion: Option<&str>) -> String {
    let text = |s: &str| errmap_auth::text::sanitize(s).into_owned();
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
            if let Some(suggestion) = code_suggestion {
                let suggestion = text(suggestion);
                parts.push(ui.t_args("error-did-you-mean", &[("suggestion", Arg::Text(&suggestion))]));
            }
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
        Error::DuplicateCatalogue { name, builtin: true, overrides: false } => {
            ui.t_args("error-duplicate-builtin", &[("name", Arg::Text(&text(name)))])
        }
        Error::DuplicateCatalogue { name, builtin: true, overrides: true } => {
            ui.t_args("error-duplicate-other-builtin", &[("name", Arg::Text(&text(name)))])
        }
        Error::DuplicateCatalogue { name, builtin: false, .. } => {
            ui.t_args("error-duplicate-catalogue", &[("name", Arg::Text(&text(name)))])
        }
        Error::BodyTooLarge { size, limit } => ui.t_args(
            "error-body-too-large",
            &[("size", Arg::Number(*size as f64)), ("limit", Arg::Number(*limit as f64))],
        ),
        Error::Io { path, operation, message, .. } => {
            let id = match operation {
                IoOperation::Read => "error-io",
                IoOperation::Write => "error-io-write",
            };
            ui.t_args(id, &[("path", Arg::Text(&text(path))), ("message", Arg::Text(&text(message)))])
        }
        other => text(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// What a command defines that parsing depends on, for comparing two definitions.
    fn outline(command: &clap::Command) -> Vec<String> {
        let mut lines = vec![format!(
            "{} version={:?} required={} else_help={}",
            command.get_name(),
            command.get_version(),
            command.is_subcommand_required_set(),
            command.is_arg_required_else_help_set(),
        )];
        for arg in command.get_arguments() {
            lines.push(format!(
                "  {} long={:?} required={} global={} positional={} takes={:?} defaults={:?} values={:?}",
                arg.get_id(),
                arg.get_long(),
                arg.is_required_set(),
                arg.is_global_set(),
                arg.is_positional(),
                arg.get_num_args(),
                arg.get_default_values(),
                arg.get_possible_values().iter().map(|v| v.get_name().to_string()).collect::<Vec<_>>(),
            ));
        }
        lines
    }

    /// The command line is parsed with the subcommands built as the derived definition
    /// builds them: the one run alone, or all of them, named or not.
    #[test]
    fn the_subcommands_parsed_with_are_the_derived_ones() {
        // `help::localize` turns clap's help subcommand off for both.
        let mut derived = Cli::command().disable_help_subcommand(true);
        derived.build();
        let names: Vec<String> = derived.get_subcommands().map(|c| c.get_name().to_string()).collect();
        assert_eq!(names, SUBCOMMANDS.iter().map(|(name, _)| *name).collect::<Vec<_>>());
        let alone = SUBCOMMANDS.iter().map(|(name, _)| vec!["errmap", name]);
        let cases = alone.chain([
            vec!["errmap"],
            vec!["errmap", "--lang", "translate", "kinds"],
            vec!["errmap", "--format=json", "--catalog", "a.toml", "codes", "x"],
            vec!["errmap", "--format=json", "--catalogue", "a.toml", "codes", "x"],
            vec!["errmap", "--help", "translate"],
            vec!["errmap", "-V", "translate"],
            vec!["errmap", "tranlate", "translate"],
            vec!["errmap", "--bogus", "translate"],
            vec!["errmap", "--", "translate"],
            vec!["errmap", "--lang"],
        ]);
        for case in cases {
            let args: Vec<OsString> = case.iter().map(OsString::from).collect();
            let mut ours = command_for(&args).disable_help_subcommand(true);
            ours.build();
            assert_eq!(outline(&ours), outline(&derived), "{case:?}");
            let ran = match case.as_slice() {
                [_, name] | [_, "--lang", _, name] | [_, "--format=json", _, _, name, _] => Some(*name),
                _ => None,
            }
            .filter(|name| names.iter().any(|known| known == name));
            let ours_names: Vec<String> = ours.get_subcommands().map(|c| c.get_name().to_string()).collect();
            assert_eq!(ours_names, ran.map_or(names.clone(), |name| vec![name.to_string()]), "{case:?}");
            for mine in ours.get_subcommands_mut() {
                mine.build();
                let theirs = derived.find_subcommand_mut(mine.get_name()).unwrap();
                theirs.build();
                let (mut a, mut b) = (outline(theirs), outline(mine));
                // A deferred subcommand receives the global options before its own.
                a.sort();
                b.sort();
                assert_eq!(b, a, "{case:?}: {}", mine.get_name());
            }
        }
    }
}
