//! What the tests of the real binary share: a clean environment and a way to run it.

#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;

/// The variables that change what the binary prints: the tests run it without them.
pub const ENVIRONMENT: &[&str] = &[
    "LANG",
    "LC_ALL",
    "LC_MESSAGES",
    "LANGUAGE",
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "FORCE_COLOR",
    "ERRMAP_CATALOGS",
    "ERRMAP_CATALOGUES",
    "COLUMNS",
];

/// The binary with a clean environment, run from an empty directory so nothing beside
/// it is read.
pub fn errmap() -> Command {
    let mut command = Command::cargo_bin("errmap").unwrap();
    for var in ENVIRONMENT {
        command.env_remove(var);
    }
    command.current_dir(std::env::temp_dir());
    command
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(command: &mut Command) -> Run {
    let output = command.output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

pub fn ok(args: &[&str]) -> Run {
    let result = run(errmap().args(args));
    assert_eq!(result.code, 0, "{args:?}: {}", result.stderr);
    assert!(result.stderr.is_empty(), "{args:?} wrote to stderr: {}", result.stderr);
    result
}

pub fn json(args: &[&str]) -> Value {
    let result = run(errmap().args(args).args(["--format", "json"]));
    assert!(result.code == 0 || result.code == 1, "{args:?}: {}", result.stderr);
    serde_json::from_str(&result.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}\n{}", result.stdout))
}
