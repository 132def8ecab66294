//! The `errmap` command line: argument definitions, dispatch and exit codes.
//!
//! Exit codes: 0 success; 1 not found (an unknown code, or no equivalent in any
//! target asked for); 2 usage or invalid input. Errors go to stderr, data to stdout; a
//! closed stdout (`errmap codes x | head`) is not an error.

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
    /// Language of messages and labels (en, zh-CN, zh-TW, …). Default: LC_ALL,
    /// LC_MESSAGES or LANG, else en.
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
    /// Show the taxonomy as a tree, with the number of codes under each kind.
    Kinds,
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
    /// Print the manual page (roff).
    Man,
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
    ("kinds", |command| command),
    ("normalize", NormalizeArgs::augment_args),
    ("check", CheckArgs::augment_args),
    ("completions", CompletionsArgs::augment_args),
    ("man", |command| command),
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
    /// The code, as VENDOR:CODE.
    reference: String,
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
    /// Show at most this many results.
    #[arg(long, default_value_t = 10)]
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
}

/// `errmap check`.
#[derive(Args)]
pub(crate) struct CheckArgs {
    /// Catalogue files, or folders of *.toml files.
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
            Command::Kinds => "kinds",
            Command::Normalize(_) => "normalize",
            Command::Check(_) => "check",
            Command::Completions(_) => "completions",
            Command::Man => "man",
        }
    }

    /// The formats the command writes.
    fn formats(&self) -> &'static [Format] {
        match self {
            Command::Normalize(_) => &[Format::Text, Format::Json, Format::Problem],
            Command::Table(_) => &[Format::Text, Format::Json, Format::Md, Format::Csv, Format::Sssom],
            Command::Completions(_) | Command::Man => &[Format::Text],
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

/// Parses the arguments, runs the command and turns the result into an exit code.
pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let ui = Ui::new(Locale::from_env(early_flag(&args, "lang").as_deref()));
    let color = match early_flag(&args, "color").as_deref() {
        Some("always") => ColorWhen::Always,
        Some("never") => ColorWhen::Never,
        _ => ColorWhen::Auto,
    };
    output::set_color(color == ColorWhen::Always, color == ColorWhen::Never);
    let command = help::localize(command_for(&args), &ui, &args);
    let cli = match command.try_get_matches_from(&args).and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    let format = cli.globals.format;
    if !cli.command.formats().contains(&format) {
        let allowed: Vec<&str> = cli.command.formats().iter().map(|f| f.name()).collect();
        output::error(
            &ui,
            &ui.t_args(
                "error-format-unsupported",
                &[
                    ("format", Arg::Text(format.name())),
                    ("command", Arg::Text(cli.command.name())),
                    ("list", Arg::Text(&allowed.join(", "))),
                ],
            ),
        );
        return ExitCode::from(2);
    }
    let result = run(&cli, &ui);
    match result {
        Ok(outcome) => {
            let mut stdout = anstream::stdout().lock();
            match stdout.write_all(outcome.stdout.as_bytes()).and_then(|()| stdout.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                    output::error(&ui, &describe(&ui, &Error::io_write(ui.t("label-standard-output"), e)));
                    ExitCode::from(2)
                }
                _ => ExitCode::from(outcome.code),
            }
        }
        Err(error) => {
            output::error(&ui, &describe(&ui, &error));
            ExitCode::from(exit_code(&error))
        }
    }
}

fn run(cli: &Cli, ui: &Ui) -> Result<Outcome, Error> {
    let format = cli.globals.format;
    match &cli.command {
        Command::Check(args) => return check::run(ui, format, &args.paths, args.as_builtin),
        Command::Completions(args) => return Ok(help::completions(args.shell)),
        Command::Man => return help::man(),
        _ => {}
    }
    let registry = registry(&cli.globals.catalogs)?;
    let registry = registry.as_ref();
    match &cli.command {
        Command::Translate(args) => commands::translate(ui, format, registry, &args.reference, &args.targets, args.all),
        Command::Explain(args) => commands::explain(ui, format, registry, &args.reference),
        Command::Search(args) => {
            commands::search(ui, format, registry, &args.text.join(" "), args.vendor.as_deref(), args.limit)
        }
        Command::Table(args) => table::run(ui, format, registry, &args.from, &args.to, args.min_confidence),
        Command::Codes(args) => commands::codes(ui, format, registry, &args.vendor),
        Command::Vendors => commands::vendors(ui, format, registry),
        Command::Kinds => commands::kinds(ui, format, registry),
        Command::Normalize(args) => {
            let request = normalize::Request {
                file: args.file.as_deref(),
                vendor: args.vendor.as_deref(),
                status: args.status,
                content_type: args.content_type.as_deref(),
                expose: args.expose,
                max_body_bytes: args.max_body_bytes,
                jsonl: args.jsonl,
            };
            normalize::run(ui, format, registry, &request)
        }
        Command::Check(_) | Command::Completions(_) | Command::Man => unreachable!("handled above"),
    }
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
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        let arg = arg.to_str()?;
        if let Some(long) = arg.strip_prefix("--") {
            let (name, inline) = long.split_once('=').map_or((long, false), |(name, _)| (name, true));
            let option = top
                .get_arguments()
                .find(|option| option.get_long_and_visible_aliases().is_some_and(|longs| longs.contains(&name)))?;
            if !inline && option.get_action().takes_values() {
                rest.next()?;
            }
        } else if arg.starts_with('-') {
            return None;
        } else {
            return SUBCOMMANDS.iter().any(|(name, _)| *name == arg).then_some(arg);
        }
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
