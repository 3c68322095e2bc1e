//! Compiles the content: loads `content/` (through the engine, which bundles it as JSON; set
//! `CARRYOVER_CONTENT_DIR` to build against a draft copy), validates all of it natively (every
//! problem of every file reported at once; the build stops on any), and writes the validated
//! bundle as compact bytes to `OUT_DIR/content.bin`, which `src/lib.rs` embeds. The app (built
//! without the engine's `load` feature) only decodes them: no content JSON, no deserializer and
//! no validator in the wasm.

use std::{env, fs, path::PathBuf};

use carryover_engine::assess::bundle::Bundle;
use carryover_engine::catalog::ContentErrors;

/// The validated content, or every problem found: the catalog, the register rules and the budget
/// defaults ([`Bundle::load`]), and every locale key the engine and the app look up.
fn load() -> Result<Bundle, ContentErrors> {
    Bundle::load_checked(carryover_engine::text::check_locales)
}

fn main() {
    // The engine (a build dependency) is rebuilt, and this script rerun, when content changes.
    println!("cargo::rerun-if-changed=build.rs");
    let bundle = match load() {
        Ok(bundle) => bundle,
        Err(errors) => {
            for line in errors.to_string().lines() {
                println!("cargo::warning={line}");
            }
            panic!("the content is not valid:\n{errors}");
        }
    };
    let out = PathBuf::from(env::var("OUT_DIR").expect("set by cargo")).join("content.bin");
    fs::write(&out, bundle.encode())
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
