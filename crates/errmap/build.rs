//! Compiles the repository's `mappings/` and `locales/` into the library's static tables.

use std::env;
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let data = manifest.join("../..");
    let (mappings, locales) = (data.join("mappings"), data.join("locales"));
    println!("cargo::rerun-if-changed={}", mappings.display());
    println!("cargo::rerun-if-changed={}", locales.display());
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    errmap_auth_format::codegen::write(&mappings, &locales, &out_dir);
}
