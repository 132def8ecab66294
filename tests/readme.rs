//! The README's examples, run against the real binary.
//!
//! Every ```` ```text ```` block of README.md whose lines start with `$ ` is a session:
//! each `$ command` is run by `sh` from the repository root, with the freshly built
//! `errmap` first on `PATH` (`cargo run --release --` stands for it), and what it
//! writes to stdout and stderr must be the lines that follow, up to the next `$ `. A
//! line that is only `…` stands for any number of lines. Sessions whose commands run
//! something else than errmap (`curl` to the example gateway) are not run here.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// One `$ command` of a README block with the output shown under it.
struct Example {
    /// The line of README.md the command is on.
    line: usize,
    command: String,
    expected: Vec<String>,
}

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).expect("README.md is readable")
}

/// The sessions of the README, each a list of examples.
fn sessions(text: &str) -> Vec<Vec<Example>> {
    let mut sessions = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((_, line)) = lines.next() {
        if line.trim_end() != "```text" {
            continue;
        }
        let mut block = Vec::new();
        for (number, line) in lines.by_ref() {
            if line.starts_with("```") {
                break;
            }
            block.push((number + 1, line));
        }
        if !block.first().is_some_and(|(_, first)| first.starts_with("$ ")) {
            continue;
        }
        let mut examples: Vec<Example> = Vec::new();
        for (number, line) in block {
            match line.strip_prefix("$ ") {
                Some(command) => {
                    examples.push(Example { line: number, command: command.to_string(), expected: Vec::new() })
                }
                None => examples.last_mut().expect("a block starts with a command").expected.push(line.to_string()),
            }
        }
        sessions.push(examples);
    }
    sessions
}

/// Whether a session is errmap's to run: every command runs errmap, none reaches a server.
fn runs_errmap(session: &[Example]) -> bool {
    session.iter().all(|example| {
        let command = &example.command;
        !command.starts_with("curl") && (command.contains("errmap ") || command.starts_with("cargo run --release --"))
    })
}

/// Whether `actual` is what `expected` shows, `…` lines matching any run of lines.
fn matches(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first.trim() == "…" => (0..=actual.len()).any(|skip| matches(rest, &actual[skip..])),
        Some((first, rest)) => {
            actual.first().is_some_and(|line| line.trim_end() == first.trim_end()) && matches(rest, &actual[1..])
        }
    }
}

fn binary_folder() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_errmap")).parent().expect("the binary is in a folder").to_path_buf()
}

fn run(command: &str) -> String {
    let command = command.replace("cargo run --release --", "errmap");
    let path = std::env::join_paths(
        std::iter::once(binary_folder()).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .expect("PATH entries join");
    let mut shell = Command::new("sh");
    shell.arg("-c").arg(format!("{{ {command}\n}} 2>&1")).current_dir(env!("CARGO_MANIFEST_DIR")).env("PATH", path);
    for var in common::ENVIRONMENT {
        shell.env_remove(var);
    }
    let output = shell.output().expect("sh runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn every_session_of_the_readme_prints_what_it_shows() {
    let text = readme();
    let sessions = sessions(&text);
    let mut checked = 0;
    let mut failures = Vec::new();
    for session in sessions.iter().filter(|s| runs_errmap(s)) {
        for example in session {
            let actual = run(&example.command);
            let actual_lines: Vec<&str> = actual.lines().collect();
            if !matches(&example.expected, &actual_lines) {
                failures.push(format!(
                    "README.md:{}: $ {}\n--- shown\n{}\n--- printed\n{actual}",
                    example.line,
                    example.command,
                    example.expected.join("\n")
                ));
            }
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "{} of {checked} examples differ:\n\n{}", failures.len(), failures.join("\n\n"));
    assert!(checked >= 10, "only {checked} examples found in the README");
}

/// The README starts a newcomer on the two commands CI and people run first.
#[test]
fn the_first_commands_are_the_main_job_and_the_tests() {
    let text = readme();
    let commands: Vec<&str> = text
        .lines()
        .skip_while(|line| !line.starts_with("```sh"))
        .skip(1)
        .take_while(|line| !line.starts_with("```"))
        .collect();
    assert!(commands[0].starts_with("cargo run --release -- translate wilddog:22011 authing"), "{commands:?}");
    assert!(commands[1].starts_with("cargo test --locked"), "{commands:?}");
    let ci = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/run")).expect(".ci/run");
    assert!(ci.lines().any(|line| line.trim() == "cargo test --locked"), "CI runs the README's test command");
}

/// The sections a newcomer needs come in order, and the files the examples use exist.
#[test]
fn install_and_quick_start_come_before_the_reference() {
    let text = readme();
    let headings: Vec<&str> = text.lines().filter(|line| line.starts_with("## ")).collect();
    assert_eq!(&headings[..2], ["## Install", "## Quick start"], "{headings:?}");
    let rust_version = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .expect("Cargo.toml")
        .lines()
        .find_map(|line| line.strip_prefix("rust-version = ").map(|v| v.trim_matches('"').to_string()))
        .expect("a rust-version");
    assert!(text.contains(&format!("Rust {rust_version}")), "the README names the minimum Rust, {rust_version}");
    for shell in ["bash", "zsh", "fish"] {
        assert!(text.contains(&format!("errmap completions {shell}")), "{shell} completions install line");
    }
    let catalogues = errmap_auth::Registry::builtin().catalogues().len();
    assert!(text.contains(&format!("{catalogues} catalogues")), "the README counts {catalogues} catalogues");
    for stale in ["thirteen", "13 catalogues", "fifteen"] {
        assert!(!text.contains(stale), "stale count {stale:?}");
    }
    for catalogue in errmap_auth::Registry::builtin().catalogues() {
        let listed = format!("\n{} ", catalogue.id());
        assert!(text.contains(&listed), "the README's catalogue table lists {}", catalogue.id());
    }
    assert!(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/my-gateway.toml").is_file());
}

#[test]
fn the_matcher_allows_elisions_and_nothing_else() {
    let shown = |lines: &[&str]| lines.iter().map(|l| l.to_string()).collect::<Vec<_>>();
    assert!(matches(&shown(&["a", "…", "d"]), &["a", "b", "c", "d"]));
    assert!(matches(&shown(&["a", "…"]), &["a"]));
    assert!(!matches(&shown(&["a", "d"]), &["a", "b", "d"]));
    assert!(!matches(&shown(&["a"]), &["a", "b"]));
}
