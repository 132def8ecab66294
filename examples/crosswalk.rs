//! The crosswalk table of two catalogues as JSON, built with the library: for every
//! code of FROM, its best match in TO. The same shape as `errmap table FROM TO --format
//! json`; `benches/jq-compare.sh` falls back to it where that command is missing.
//!
//! Run with `cargo run --release --example crosswalk -- wilddog authing`.

use std::collections::BTreeMap;
use std::process::ExitCode;

use errmap::Registry;
use serde_json::{Value, json};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [from, to] = args.as_slice() else {
        eprintln!("usage: crosswalk FROM TO");
        return ExitCode::from(2);
    };
    let registry = Registry::builtin();
    let (from, to) = match (registry.catalogue(from), registry.catalogue(to)) {
        (Ok(from), Ok(to)) => (from, to),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut summary: BTreeMap<&str, u64> = BTreeMap::new();
    let rows: Vec<Value> = from
        .code_refs()
        .map(|code| {
            let best = registry.translate(code, to).matches.first().copied();
            *summary.entry(best.map_or("none", |m| m.relation.as_str())).or_default() += 1;
            json!({
                "source": {"code": code.code(), "kind": code.kind().id()},
                "target": best.map(|m| json!({"code": m.code.code(), "kind": m.code.kind().id()})),
                "relation": best.map(|m| m.relation.as_str()),
            })
        })
        .collect();
    let table = json!({"from": from.id(), "to": to.id(), "rows": rows, "summary": summary});
    println!("{}", serde_json::to_string_pretty(&table).unwrap_or_default());
    ExitCode::SUCCESS
}
