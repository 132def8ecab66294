//! The real `errmap` binary for the commands a migration team lives in: search,
//! table, vendors, kinds, check, completions and man; user catalogues; colour; help.
//!
//! Every command's output is pinned as a snapshot (`tests/snapshots/`) in English and
//! Simplified Chinese, as text and as JSON. After a deliberate change, review the new
//! output with `cargo insta review` (or `INSTA_UPDATE=always cargo test` and
//! `git diff`).

use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;

use common::{errmap, json, ok, run};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogs-user").join(name)
}

// --- Snapshots: every command, both locales, both formats -------------------------------

/// The commands pinned by snapshots, with a name for each.
const SNAPSHOTS: &[(&str, &[&str])] = &[
    ("translate", &["translate", "wilddog:22011", "authing", "oauth2"]),
    ("explain", &["explain", "oneaccess:LOGIN.0002"]),
    ("search_template", &["search", "Invalid account name or password. Remaining attempts: 3", "--limit", "3"]),
    ("search_chinese", &["search", "该邮箱地址已经使用", "--limit", "3"]),
    ("table", &["table", "wilddog", "authing"]),
    ("codes", &["codes", "authing-android"]),
    ("vendors", &["vendors"]),
    ("kinds", &["kinds"]),
];

#[test]
fn every_command_in_both_locales_and_formats() {
    for (name, args) in SNAPSHOTS {
        for lang in ["en", "zh-CN"] {
            for format in ["text", "json"] {
                let result = run(errmap().args(*args).args(["--lang", lang, "--format", format]));
                assert_eq!(result.code, 0, "{args:?} {lang} {format}: {}", result.stderr);
                if format == "json" {
                    let value: Value = serde_json::from_str(&result.stdout)
                        .unwrap_or_else(|e| panic!("{args:?} {lang}: not JSON: {e}\n{}", result.stdout));
                    assert!(!value.is_null());
                }
                insta::assert_snapshot!(format!("{name}.{lang}.{format}"), result.stdout);
            }
        }
    }
}

#[test]
fn table_formats_for_a_migration_plan() {
    for format in ["md", "csv", "sssom"] {
        let result = ok(&["table", "wilddog", "authing", "--format", format]);
        insta::assert_snapshot!(format!("table.en.{format}"), result.stdout);
    }
}

// --- table ------------------------------------------------------------------------------

#[test]
fn table_accounts_for_every_code_of_the_source() {
    let value = json(&["table", "authing-v2", "authing"]);
    assert_eq!(value["from"], "authing-v2");
    assert_eq!(value["to"], "authing");
    let rows = value["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 99, "every Authing v2 code has a row");
    let summary = &value["summary"];
    let counted: u64 = ["exact", "close", "broader", "narrower", "related", "none"]
        .iter()
        .map(|k| summary[*k].as_u64().unwrap())
        .sum();
    assert_eq!(counted, 99);
    assert_eq!(summary["total"], 99);
    for row in rows {
        let relation = row["relation"].as_str().unwrap();
        assert_eq!(row["target"].is_null(), relation == "none", "{row}");
        assert!(row["source"]["code"].is_string() && row["source"]["kind"].is_string(), "{row}");
    }
    // The same number in both Authing APIs is not the same code.
    let v2_2040 = rows.iter().find(|r| r["source"]["code"] == "2040").unwrap();
    assert_ne!(v2_2040["target"]["code"], "2040", "{v2_2040}");
}

#[test]
fn table_markdown_renders_as_one_table() {
    let text = ok(&["table", "wilddog", "authing", "--format", "md"]).stdout;
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), 2 + 57, "header, rule, and one row per Wilddog code");
    let columns = |line: &str| line.replace("\\|", "").matches('|').count();
    assert!(rows.iter().all(|r| columns(r) == columns(rows[0])), "every row has the same columns");
}

#[test]
fn table_csv_quotes_what_needs_quoting() {
    let text = ok(&["table", "oneaccess", "authing", "--format", "csv"]).stdout;
    let mut lines = text.split("\r\n");
    assert!(lines.next().unwrap().starts_with("source_code,source_symbol,source_kind"));
    let login = lines.find(|l| l.starts_with("LOGIN.0002,")).expect("a LOGIN.0002 row");
    assert!(login.contains("\"Invalid account name or password. Remaining attempts: {0}\"") || !login.contains(", "));
}

#[test]
fn table_sssom_is_a_valid_mapping_set() {
    let text = ok(&["table", "wilddog", "authing", "--format", "sssom"]).stdout;
    let header: Vec<&str> = text.lines().take_while(|l| l.starts_with('#')).collect();
    for key in ["# curie_map:", "# mapping_set_id:", "# license:"] {
        assert!(header.iter().any(|l| l.starts_with(key)), "{key} in the YAML header");
    }
    for prefix in ["wilddog:", "authing:", "errmap:"] {
        assert!(header.iter().any(|l| l.trim_start_matches("#   ").starts_with(prefix)), "prefix {prefix}");
    }
    let body: Vec<&str> = text.lines().skip(header.len()).collect();
    let columns: Vec<&str> = body[0].split('\t').collect();
    for column in ["subject_id", "predicate_id", "object_id", "mapping_justification", "subject_label", "comment"] {
        assert!(columns.contains(&column), "column {column}");
    }
    let at = |name: &str| columns.iter().position(|c| *c == name).unwrap();
    assert_eq!(body.len() - 1, 57, "one row per Wilddog code");
    for row in &body[1..] {
        let cells: Vec<&str> = row.split('\t').collect();
        assert_eq!(cells.len(), columns.len(), "{row}");
        assert!(cells[at("subject_id")].starts_with("wilddog:"), "{row}");
        let predicate = cells[at("predicate_id")];
        assert!(
            ["skos:exactMatch", "skos:closeMatch", "skos:broadMatch", "skos:narrowMatch", "skos:relatedMatch"]
                .contains(&predicate),
            "{row}"
        );
        let object = cells[at("object_id")];
        assert!(object.starts_with("authing:") || object == "sssom:NoTermFound", "{row}");
        assert_eq!(cells[at("mapping_justification")], "semapv:ManualMappingCuration");
    }
    // `A skos:broadMatch B` says B is the broader one: Wilddog's expired token is a case
    // of Authing's "not logged in".
    let expired = body.iter().find(|r| r.starts_with("wilddog:22002\t")).unwrap();
    assert!(expired.contains("\tskos:broadMatch\tauthing:2020\t"), "{expired}");
    let none = body.iter().find(|r| r.starts_with("wilddog:22005\t")).unwrap();
    assert!(none.contains("\tsssom:NoTermFound\t"), "{none}");
}

// --- vendors and kinds -------------------------------------------------------------------

#[test]
fn vendors_lists_every_catalogue() {
    let value = json(&["vendors"]);
    assert_eq!(value["schema_version"], 1);
    let vendors = value["vendors"].as_array().unwrap();
    let ids: Vec<&str> = vendors.iter().map(|v| v["id"].as_str().unwrap()).collect();
    let builtin: Vec<&str> = errmap_auth::Registry::builtin().catalogues().iter().map(|c| c.id()).collect();
    assert_eq!(ids, builtin);
    let wilddog = vendors.iter().find(|v| v["id"] == "wilddog").unwrap();
    assert_eq!(wilddog["codes"], 57);
    assert!(wilddog["aliases"].is_array());
    let share = wilddog["exact_share"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&share));
    assert_eq!(wilddog["exact"].as_u64().unwrap() as f64 / 57.0, share);
}

#[test]
fn kinds_is_the_taxonomy_tree_with_counts() {
    let value = json(&["kinds"]);
    fn visit(node: &Value, parent: Option<&str>, seen: &mut Vec<String>) -> u64 {
        let id = node["id"].as_str().unwrap();
        let kind = errmap_auth::Kind::from_id(id).unwrap();
        assert_eq!(kind.parent().map(|p| p.id()), parent, "{id}");
        seen.push(id.to_string());
        let own: u64 = node["codes"].as_object().unwrap().values().map(|v| v.as_u64().unwrap()).sum();
        let below: u64 = node["children"].as_array().unwrap().iter().map(|c| visit(c, Some(id), seen)).sum();
        assert_eq!(node["total"].as_u64().unwrap(), own + below, "{id}: total = own + descendants");
        own + below
    }
    let mut seen = Vec::new();
    let total: u64 = value["kinds"].as_array().unwrap().iter().map(|root| visit(root, None, &mut seen)).sum();
    assert_eq!(seen.len(), errmap_auth::Kind::all().len(), "every kind once");
    let codes: usize = errmap_auth::Registry::builtin().catalogues().iter().map(|c| c.codes().len()).sum();
    assert_eq!(total as usize, codes, "every code counted once");
}

// --- search ------------------------------------------------------------------------------

#[test]
fn search_finds_a_pasted_message_with_its_values() {
    let value = json(&["search", "Invalid account name or password. Remaining attempts: 3"]);
    assert_eq!(value["query"], "Invalid account name or password. Remaining attempts: 3");
    let top = &value["results"][0];
    assert_eq!((top["vendor"].as_str(), top["code"].as_str()), (Some("oneaccess"), Some("LOGIN.0002")));
    assert_eq!(top["match"], "template");
    assert_eq!(top["values"], serde_json::json!(["3"]));
    assert!(top["score"].as_f64().unwrap() > 0.9);
}

#[test]
fn search_narrows_to_a_vendor_and_says_when_nothing_matches() {
    let value = json(&["search", "user not found", "--vendor", "wilddog"]);
    let results = value["results"].as_array().unwrap();
    assert!(!results.is_empty());
    assert!(results.iter().all(|r| r["vendor"] == "wilddog"), "{value}");
    let nothing = run(errmap().args(["search", "qqqqxzzv"]));
    assert_eq!(nothing.code, 1, "nothing found is exit 1");
    let unknown = run(errmap().args(["search", "locked", "--vendor", "wildog"]));
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("did you mean 'wilddog'?"), "{}", unknown.stderr);
}

// --- check and user catalogues -----------------------------------------------------------

#[test]
fn check_reports_every_problem_with_line_and_column() {
    let result = run(errmap().arg("check").arg(fixture("broken.toml")));
    assert_eq!(result.code, 2, "{}", result.stdout);
    let path = fixture("broken.toml").display().to_string();
    let expected = [
        (13, 1, "missing field `message` (the vendor's text)"),
        (15, 8, "unknown kind 'user_not_fund'; did you mean 'user_not_found'?"),
        (19, 8, "duplicate code 'GW-1'"),
        (22, 9, "a 'close' match needs a `reason`"),
        (28, 9, "invalid match 'exactly': expected one of exact, close, narrower"),
        (32, 8, "invalid JSON Pointer 'error/code'"),
    ];
    for (line, column, message) in expected {
        let prefix = format!("{path}:{line}:{column}: ");
        let found = result.stdout.lines().find(|l| l.starts_with(&prefix));
        let found = found.unwrap_or_else(|| panic!("no diagnostic at {line}:{column}:\n{}", result.stdout));
        assert!(found.contains(message), "{line}:{column}: expected {message:?}, got {found:?}");
    }
    let json: Value = {
        let result = run(errmap().args(["check", &path, "--format", "json"]));
        assert_eq!(result.code, 2);
        serde_json::from_str(&result.stdout).unwrap()
    };
    let problems = json["files"][0]["problems"].as_array().unwrap();
    assert_eq!(problems.len(), expected.len(), "{json}");
    assert_eq!(json["files"][0]["valid"], false);
    assert_eq!(json["valid"], false);
}

#[test]
fn check_reports_a_malformed_file_with_its_position() {
    let result = run(errmap().arg("check").arg(fixture("malformed.toml")));
    assert_eq!(result.code, 2);
    let path = fixture("malformed.toml").display().to_string();
    assert!(result.stdout.contains(&format!("{path}:5:")), "{}", result.stdout);
    assert!(result.stdout.contains("malformed file"), "{}", result.stdout);
}

#[test]
fn the_built_in_data_passes_the_same_check() {
    let mappings = Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings");
    let result = run(errmap().args(["check", "--as-builtin"]).arg(&mappings).args(["--format", "json"]));
    assert_eq!(result.code, 0, "{}", result.stdout);
    // Checked as user catalogues, they reuse the built-in ids, as `--catalogue` says.
    let as_user = run(errmap().arg("check").arg(mappings.join("wilddog.toml")));
    assert_eq!(as_user.code, 2, "{}", as_user.stdout);
    assert!(as_user.stdout.contains("wilddog.toml:5:6: the id 'wilddog' is taken"), "{}", as_user.stdout);
    let files: Value = serde_json::from_str(&result.stdout).unwrap();
    let ids: Vec<&str> = files["files"].as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap()).collect();
    let mut builtin: Vec<&str> = errmap_auth::Registry::builtin().catalogues().iter().map(|c| c.id()).collect();
    builtin.sort();
    let mut ids_sorted = ids.clone();
    ids_sorted.sort();
    assert_eq!(ids_sorted, builtin, "every built-in catalogue file was checked");
}

#[test]
fn a_user_catalogue_joins_the_built_in_ones() {
    let gateway = fixture("only/gateway.toml");
    let by_flag = run(errmap().args(["translate", "gateway:GW-404", "wilddog", "--catalog"]).arg(&gateway));
    assert_eq!(by_flag.code, 0, "{}", by_flag.stderr);
    assert!(by_flag.stdout.contains("22011"), "{}", by_flag.stdout);
    let folder = fixture("");
    let by_env = run(errmap().args(["vendors", "--format", "json"]).env("ERRMAP_CATALOGS", {
        let mut paths = vec![PathBuf::from("/nonexistent-but-skipped-empty"), folder.join("only")];
        paths.retain(|p| p.exists());
        std::env::join_paths(paths).unwrap()
    }));
    assert_eq!(by_env.code, 0, "{}", by_env.stderr);
    let vendors: Value = serde_json::from_str(&by_env.stdout).unwrap();
    let gateway_entry =
        vendors["vendors"].as_array().unwrap().iter().find(|v| v["id"] == "gateway").expect("loaded from env");
    assert_eq!(gateway_entry["builtin"], false);
    let table = run(errmap().args(["table", "gateway", "authing", "--catalog"]).arg(&gateway));
    assert_eq!(table.code, 0, "{}", table.stderr);
}

#[test]
fn catalogue_and_catalog_are_one_flag_and_one_variable() {
    let gateway = fixture("only/gateway.toml");
    let flag = run(errmap().args(["translate", "gateway:GW-404", "wilddog", "--catalogue"]).arg(&gateway));
    assert_eq!(flag.code, 0, "{}", flag.stderr);
    let alias = run(errmap().args(["translate", "gateway:GW-404", "wilddog", "--catalog"]).arg(&gateway));
    assert_eq!(alias.stdout, flag.stdout);
    let by_env = |var: &str| run(errmap().args(["translate", "gateway:GW-404", "wilddog"]).env(var, &gateway));
    assert_eq!(by_env("ERRMAP_CATALOGUES").stdout, flag.stdout);
    assert_eq!(by_env("ERRMAP_CATALOGS").stdout, flag.stdout);
    // The preferred spelling wins when both are set.
    let both = run(errmap()
        .args(["translate", "gateway:GW-404", "wilddog"])
        .env("ERRMAP_CATALOGUES", &gateway)
        .env("ERRMAP_CATALOGS", "/nonexistent/catalogues"));
    assert_eq!(both.code, 0, "{}", both.stderr);
}

#[test]
fn a_folder_of_catalogues_stops_at_its_first_bad_file_with_all_its_problems() {
    // Parsed on several threads; reported as when loaded in name order: `broken.toml`,
    // not `malformed.toml` or the clash of `shadow.toml` after it.
    let folder = fixture("");
    let result = run(errmap().args(["vendors", "--catalog"]).arg(&folder));
    assert_eq!(result.code, 2, "{}", result.stderr);
    let path = fixture("broken.toml").display().to_string();
    for line_column in ["13:1", "15:8", "19:8", "22:9", "28:9", "32:8"] {
        assert!(result.stderr.contains(&format!("{path}:{line_column}: ")), "{line_column}: {}", result.stderr);
    }
    assert!(!result.stderr.contains("malformed.toml"), "{}", result.stderr);
    assert!(!result.stderr.contains("shadow.toml"), "{}", result.stderr);
}

#[test]
fn a_user_catalogue_may_not_silently_replace_a_built_in_one() {
    let result = run(errmap().args(["vendors", "--catalog"]).arg(fixture("shadow.toml")));
    assert_eq!(result.code, 2);
    assert!(result.stdout.is_empty());
    assert!(
        result.stderr.contains("shadow.toml:2:6: the id 'wilddog' is taken by the built-in catalogue"),
        "{}",
        result.stderr
    );
    assert!(result.stderr.contains("overrides = true"), "{}", result.stderr);
    let result = run(errmap().args(["codes", "wilddog", "--catalog"]).arg(fixture("override.toml")));
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(result.stdout.contains("WD-1"), "the override replaced the built-in table: {}", result.stdout);
}

// --- completions, man, help, colour, formats ---------------------------------------------

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = ok(&["completions", shell]).stdout;
        assert!(script.contains("errmap"), "{shell}");
        assert!(script.contains("translate") && script.contains("table"), "{shell}: subcommands");
    }
    let bad = run(errmap().args(["completions", "tcsh"]));
    assert_eq!(bad.code, 2);
}

#[test]
fn man_page_is_roff() {
    let page = ok(&["man"]).stdout;
    assert!(page.starts_with(".ie") || page.starts_with(".TH") || page.contains("\n.TH "), "{}", &page[..80]);
    assert!(page.contains("errmap") && page.contains("translate"));
}

#[test]
fn help_shows_an_example_for_every_subcommand() {
    for command in [
        "translate",
        "explain",
        "search",
        "table",
        "codes",
        "vendors",
        "kinds",
        "normalize",
        "check",
        "completions",
        "man",
    ] {
        let help = ok(&[command, "--help"]).stdout;
        let examples = help.split("Examples:").nth(1).unwrap_or_else(|| panic!("{command}: no examples:\n{help}"));
        assert!(examples.contains(&format!("errmap {command}")), "{command}: {examples}");
    }
}

#[test]
fn help_speaks_the_chosen_language() {
    let zh = ok(&["table", "--help", "--lang", "zh-CN"]).stdout;
    assert!(zh.contains("用法") && zh.contains("示例") && zh.contains("迁移对照表"), "{zh}");
    let tw = ok(&["--help", "--lang", "zh-TW"]).stdout;
    assert!(tw.contains("用法") || tw.contains("使用方式"), "{tw}");
    assert!(!tw.contains("Usage:"), "{tw}");
}

#[test]
fn colour_only_where_asked_or_on_a_terminal() {
    let args = ["translate", "wilddog:22011", "authing"];
    let piped = ok(&args).stdout;
    assert!(!piped.contains('\u{1b}'), "no colour when piped");
    let always = run(errmap().args(args).args(["--color", "always"]));
    assert!(always.stdout.contains("\u{1b}["), "--color always colours");
    let no_color = run(errmap().args(args).args(["--color", "always"]).env("NO_COLOR", "1"));
    assert!(no_color.stdout.contains("\u{1b}["), "an explicit --color always wins over NO_COLOR");
    let never = run(errmap().args(args).args(["--color", "never"]));
    assert!(!never.stdout.contains('\u{1b}'));
    // Colour never reaches JSON.
    let json = run(errmap().args(args).args(["--color", "always", "--format", "json"]));
    assert!(!json.stdout.contains('\u{1b}'));
}

#[test]
fn a_format_a_command_does_not_write_is_a_usage_error() {
    let result = run(errmap().args(["translate", "wilddog:22011", "--format", "csv"]));
    assert_eq!(result.code, 2);
    assert!(result.stdout.is_empty());
    assert!(result.stderr.contains("--format csv is not available for errmap translate"), "{}", result.stderr);
    assert!(result.stderr.contains("text, json"), "{}", result.stderr);
}

#[test]
fn translate_explains_a_code_that_stands_for_several_conditions() {
    let gateway = fixture("only/gateway.toml");
    let value: Value = {
        let result = run(errmap()
            .args(["translate", "gateway:GW-401", "wilddog", "--format", "json", "--catalog"])
            .arg(&gateway));
        assert_eq!(result.code, 0, "{}", result.stderr);
        serde_json::from_str(&result.stdout).unwrap()
    };
    let variants = value["variants"].as_array().unwrap();
    assert_eq!(variants.len(), 2, "{value}");
    let disabled = variants.iter().find(|v| v["kind"] == "disabled").unwrap();
    assert_eq!(disabled["field"], "/detail");
    assert_eq!(disabled["targets"][0]["vendor"], "wilddog");
    let explain = run(errmap().args(["explain", "gateway:GW-401", "--catalog"]).arg(&gateway));
    assert!(explain.stdout.contains("/detail = \"Account disabled\""), "{}", explain.stdout);
}
