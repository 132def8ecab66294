//! Help in the user's language, shell completions and the manual page, all from the
//! one clap definition in `mod.rs`.
//!
//! clap's help is English by construction; everything it lets us replace is replaced
//! from `cli.ftl`: each command's summary, each argument's help, the section headings,
//! the usage heading and the examples. The completion scripts and the man page are
//! generated from the English definition, as the tools that read them expect.

use std::ffi::OsString;

use clap::{Arg, ArgAction, Command};
use clap_complete::Shell;

use super::Outcome;
use super::output::Ui;
use errmap_auth::Error;

/// Examples shown under every command's help, as typed.
const EXAMPLES: &[(&str, &[&str])] = &[
    ("translate", &["errmap translate wilddog:22011 authing", "errmap translate authing:2006 oauth2 --format json"]),
    ("explain", &["errmap explain oneaccess:LOGIN.0001", "errmap explain authing:2333 --lang zh-CN"]),
    (
        "search",
        &[
            "errmap search 'Invalid account name or password. Remaining attempts: 3'",
            "errmap search 该邮箱地址已经使用",
            "errmap search email_taken --vendor wilddog",
        ],
    ),
    ("table", &["errmap table wilddog authing", "errmap table authing-v2 authing --format md > crosswalk.md"]),
    ("codes", &["errmap codes wilddog", "errmap codes huawei-oneaccess --format json"]),
    ("vendors", &["errmap vendors", "errmap vendors --format json"]),
    ("kinds", &["errmap kinds", "errmap kinds --format json"]),
    (
        "normalize",
        &[
            "echo '{\"error_code\":\"LOGIN.0002\",\"error_msg\":\"Invalid account name or password. Remaining attempts: 3\"}' | errmap normalize",
            "errmap normalize body.json --vendor authing --status 400 --format problem --lang zh-CN",
            "errmap normalize --jsonl access-errors.jsonl > canonical.jsonl",
        ],
    ),
    ("check", &["errmap check my-gateway.toml", "errmap check --as-builtin mappings/"]),
    ("completions", &["errmap completions bash > ~/.local/share/bash-completion/completions/errmap"]),
    ("man", &["errmap man > errmap.1 && man ./errmap.1"]),
];

fn examples(ui: &Ui, name: &str) -> String {
    let lines = EXAMPLES.iter().find(|(n, _)| *n == name).map_or(&[][..], |(_, lines)| lines);
    let mut text = format!("{}:", ui.t("help-examples"));
    for line in lines {
        text.push_str("\n  ");
        text.push_str(line);
    }
    text
}

/// The help template: clap's layout with our usage heading.
fn template(ui: &Ui) -> String {
    format!("{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}", ui.t("help-usage"))
}

/// One argument's help and heading from `cli.ftl`: `help-arg-<command>-<arg>`, or
/// `help-arg-<arg>` for the global ones.
fn localize_arg(ui: &Ui, command: &str, arg: Arg) -> Arg {
    let id = arg.get_id().as_str().to_string();
    let key = if command.is_empty() { format!("help-arg-{id}") } else { format!("help-arg-{command}-{id}") };
    let global = format!("help-arg-{id}");
    let help =
        ui.messages().text(ui.locale, &key, None, &[]).or_else(|| ui.messages().text(ui.locale, &global, None, &[]));
    let heading = if arg.is_positional() { ui.t("help-arguments") } else { ui.t("help-options") };
    let arg = arg.help_heading(heading);
    match help {
        Some(help) => arg.help(help).long_help(None),
        None => arg,
    }
}

fn own_flags(ui: &Ui, command: Command, version: bool) -> Command {
    let options = ui.t("help-options");
    let command = command.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(ui.t("help-flag-help"))
            .help_heading(options.clone()),
    );
    if version {
        command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(ui.t("help-flag-version"))
                .help_heading(options),
        )
    } else {
        command
    }
}

/// The clap command with every string clap lets us replace taken from `cli.ftl`.
///
/// A subcommand's options are only localized when `args` name it: clap shows them only
/// in that subcommand's help and errors, and localizing all of them was a tenth of a
/// whole `errmap translate` process.
pub fn localize(command: Command, ui: &Ui, args: &[OsString]) -> Command {
    let color = match anstream::ColorChoice::global() {
        anstream::ColorChoice::Never => clap::ColorChoice::Never,
        anstream::ColorChoice::AlwaysAnsi | anstream::ColorChoice::Always => clap::ColorChoice::Always,
        anstream::ColorChoice::Auto => clap::ColorChoice::Auto,
    };
    let mut command = command
        .color(color)
        .about(ui.t("help-about"))
        .long_about(None)
        .help_template(template(ui))
        .subcommand_help_heading(ui.t("help-commands"))
        .subcommand_value_name(ui.t("help-command-value"))
        .disable_help_subcommand(true)
        .propagate_version(false)
        .after_help(format!("{}:\n  errmap translate wilddog:22011 authing\n  errmap table wilddog authing --format md\n  errmap search 'Remaining attempts: 3'\n\n{}", ui.t("help-examples"), ui.t("help-more")));
    command = own_flags(ui, command, true);
    let globals: Vec<String> =
        command.get_arguments().filter(|a| a.is_global_set()).map(|a| a.get_id().to_string()).collect();
    for id in globals {
        command = command.mut_arg(id, |arg| localize_arg(ui, "", arg));
    }
    let names: Vec<String> = command.get_subcommands().map(|c| c.get_name().to_string()).collect();
    for name in names {
        let named = super::names(args, &name);
        command = command.mut_subcommand(&name, |sub| {
            let sub = sub.about(ui.t(&format!("help-{name}"))).long_about(None);
            if !named {
                return sub;
            }
            let ids: Vec<String> = sub.get_arguments().map(|a| a.get_id().to_string()).collect();
            let mut sub = own_flags(ui, sub, false).help_template(template(ui)).after_help(examples(ui, &name));
            for id in ids {
                sub = sub.mut_arg(id, |arg| localize_arg(ui, &name, arg));
            }
            sub
        });
    }
    command
}

/// Where a catalogue id is taken, by subcommand and argument: completions offer the
/// built-in ids there.
const CATALOGUE_ARGUMENTS: &[(&str, &str)] = &[
    ("translate", "targets"),
    ("table", "from"),
    ("table", "to"),
    ("codes", "vendor"),
    ("search", "vendor"),
    ("normalize", "vendor"),
];

/// `errmap completions SHELL`: subcommands and options, the built-in catalogue ids
/// where a catalogue is named, `VENDOR:` where a code is, and kind ids for `kinds`.
pub fn completions(shell: Shell) -> Outcome {
    let registry = errmap_auth::Registry::builtin();
    let ids: Vec<String> = registry.catalogues().iter().map(|c| c.id().to_string()).collect();
    let prefixes: Vec<String> = ids.iter().map(|id| format!("{id}:")).collect();
    let kinds: Vec<String> = errmap_auth::Kind::all().map(|kind| kind.id().to_string()).collect();
    let offer = |values: Vec<String>| clap::builder::PossibleValuesParser::new(values);
    let mut command = <super::Cli as clap::CommandFactory>::command();
    let names: Vec<String> = command.get_subcommands().map(|sub| sub.get_name().to_string()).collect();
    for subcommand in names {
        let (ids, prefixes, kinds) = (ids.clone(), prefixes.clone(), kinds.clone());
        command = command.mut_subcommand(&subcommand, |sub| {
            // In place: `mut_arg` would move the argument last, and positionals count by place.
            sub.mut_args(|arg| {
                let id = arg.get_id().as_str();
                if CATALOGUE_ARGUMENTS.contains(&(subcommand.as_str(), id)) {
                    arg.value_parser(offer(ids.clone()))
                } else if id == "reference" {
                    let mut values = prefixes.clone();
                    if subcommand == "explain" {
                        values.extend(kinds.iter().cloned());
                    }
                    arg.value_parser(offer(values))
                } else if subcommand == "kinds" && id == "kind" {
                    arg.value_parser(offer(kinds.clone()))
                } else {
                    arg
                }
            })
        });
    }
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "errmap", &mut script);
    Outcome { stdout: String::from_utf8_lossy(&script).into_owned(), code: 0 }
}

/// The sections every page ends with: exit status, environment, examples.
fn closing_sections(name: &str) -> String {
    let mut roff = String::from(
        ".SH \"EXIT STATUS\"\n\
         .TP\n0\nSuccess.\n\
         .TP\n1\nNot found: no such code, no equivalent in any target, or nothing matched a search.\n\
         .TP\n2\nUsage or invalid input: unknown vendor or kind, malformed VENDOR:CODE, bad arguments, \
         an unsupported \\-\\-format, an unreadable or invalid file, a body over \\-\\-max\\-body\\-bytes.\n\
         .TP\n3\nThe output could not be written (not a closed pipe, which ends quietly with 0).\n\
         .SH ENVIRONMENT\n\
         .TP\nLANGUAGE\nA :\\-separated list of languages, read as gettext reads it, before the following.\n\
         .TP\nLC_ALL, LC_MESSAGES, LANG\nThe language of messages when \\-\\-lang is not given (en, zh\\-CN, zh\\-TW; else en).\n\
         .TP\nERRMAP_CATALOGUES, ERRMAP_CATALOGS\nExtra catalogue files or folders, separated as in PATH.\n\
         .TP\nNO_COLOR\nNo colour, unless \\-\\-color always.\n\
         .SH EXAMPLES\n",
    );
    let lines: Vec<&str> = if name.is_empty() {
        vec![
            "errmap translate wilddog:22011 authing",
            "errmap table wilddog authing --format md",
            "errmap help translate",
        ]
    } else {
        EXAMPLES.iter().find(|(n, _)| *n == name).map_or(Vec::new(), |(_, lines)| lines.to_vec())
    };
    for line in lines {
        roff.push_str(".PP\n.nf\n");
        roff.push_str(&line.replace('\\', "\\e").replace('-', "\\-").replace('\'', "\\(aq"));
        roff.push_str("\n.fi\n");
    }
    roff
}

/// One manual page: clap's sections, then [`closing_sections`].
fn page(command: Command, name: &str) -> Result<Vec<u8>, Error> {
    let io = |e| Error::io_write("<stdout>".to_string(), e);
    let man = clap_mangen::Man::new(command);
    let mut page = Vec::new();
    man.render(&mut page).map_err(io)?;
    page.extend_from_slice(closing_sections(name).as_bytes());
    Ok(page)
}

/// The whole definition, with a page name per subcommand as clap_mangen names them.
fn pages() -> Vec<(String, Command, String)> {
    let mut command = <super::Cli as clap::CommandFactory>::command().disable_help_subcommand(true);
    command.build();
    let mut pages = vec![("errmap".to_string(), command.clone(), String::new())];
    for sub in command.get_subcommands() {
        let name = sub.get_name().to_string();
        let titled = sub.clone().name(format!("errmap-{name}")).display_name(format!("errmap-{name}"));
        pages.push((format!("errmap-{name}"), titled, name));
    }
    pages
}

/// `errmap man [COMMAND] [--dir DIR]`.
pub fn man(ui: &Ui, command: Option<&str>, dir: Option<&std::path::Path>) -> Result<Outcome, super::Failure> {
    let pages = pages();
    if let Some(dir) = dir {
        let mut written = String::new();
        for (file, definition, name) in pages {
            let path = dir.join(format!("{file}.1"));
            let text = page(definition, &name)?;
            std::fs::write(&path, text).map_err(|e| Error::io_write(path.display().to_string(), e))?;
            written.push_str(&format!("{}\n", path.display()));
        }
        return Ok(Outcome { stdout: written, code: 0 });
    }
    let wanted = command.unwrap_or("");
    match pages.into_iter().find(|(_, _, name)| name == wanted) {
        Some((_, definition, name)) => {
            Ok(Outcome { stdout: String::from_utf8_lossy(&page(definition, &name)?).into_owned(), code: 0 })
        }
        None => {
            let names: Vec<&str> = super::SUBCOMMANDS.iter().map(|(name, _)| *name).collect();
            let wanted = errmap_auth::text::sanitize(wanted);
            Err(super::Failure::Usage(ui.t_args(
                "error-no-man-page",
                &[
                    ("given", errmap_auth::messages::Arg::Text(&wanted)),
                    ("list", errmap_auth::messages::Arg::Text(&names.join(", "))),
                ],
            )))
        }
    }
}
