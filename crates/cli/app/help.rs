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

/// `errmap completions SHELL`.
pub fn completions(shell: Shell) -> Outcome {
    let mut command = <super::Cli as clap::CommandFactory>::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "errmap", &mut script);
    Outcome { stdout: String::from_utf8_lossy(&script).into_owned(), code: 0 }
}

/// `errmap man`.
pub fn man() -> Result<Outcome, Error> {
    let command = <super::Cli as clap::CommandFactory>::command();
    let mut page = Vec::new();
    clap_mangen::Man::new(command).render(&mut page).map_err(|e| Error::io("<stdout>".to_string(), e))?;
    Ok(Outcome { stdout: String::from_utf8_lossy(&page).into_owned(), code: 0 })
}
