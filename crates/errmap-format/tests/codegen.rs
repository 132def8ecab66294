//! The generated Rust, held to reviewed snapshots: a change to the code generator shows
//! up as a diff of what it writes for a small fixture (`tests/fixtures/mini`), taxonomy,
//! catalogue and messages apart. `cargo insta review` (or `INSTA_UPDATE=always`)
//! accepts a deliberate change.

#![cfg(feature = "codegen")]

use std::path::Path;

use errmap_auth_format::codegen::generate;

/// The fixture's folder, as the generated `include_str!` paths name it.
fn mini() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")
}

fn generated() -> errmap_auth_format::codegen::Generated {
    let mini = mini();
    generate(&mini.join("mappings"), &mini.join("locales"))
}

#[test]
fn the_kind_tables() {
    insta::assert_snapshot!(generated().kinds);
}

#[test]
fn the_catalogue_tables() {
    insta::assert_snapshot!(generated().catalogues);
}

#[test]
fn the_message_tables() {
    // The embedded files are named by absolute path; the snapshot names the fixture.
    let messages = generated().messages.replace(mini().to_str().expect("a UTF-8 path"), "<fixture>");
    insta::assert_snapshot!(messages);
}

#[test]
fn the_text_pool() {
    insta::assert_snapshot!(generated().text_pool);
}

#[test]
fn placeholders_and_seen_messages_have_spans_of_their_own() {
    let catalogues = generated().catalogues;
    // D1 has one placeholder and no seen message; D2 one seen message and none.
    assert!(catalogues.contains("params: Items::builtin(0, 1)"), "{catalogues}");
    assert!(catalogues.contains("seen: Items::builtin(1, 0)"), "{catalogues}");
    assert!(catalogues.contains("params: Items::builtin(1, 0)"), "{catalogues}");
    assert!(catalogues.contains("seen: Items::builtin(1, 1)"), "{catalogues}");
}
