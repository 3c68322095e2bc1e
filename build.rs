//! Compiles the content: loads `content/` (through the engine, which bundles it as JSON; set
//! `CARRYOVER_CONTENT_DIR` to build against a draft copy), validates all of it natively (every
//! problem of every file reported at once; the build stops on any), and writes the validated
//! content as compact bytes: the base bundle (English; `OUT_DIR/content.bin`, which `src/lib.rs`
//! embeds) and each other language's part (`OUT_DIR/lang-<id>.bin`, made for that base alone),
//! which the app downloads when the language is chosen (`scripts/lib/build-lang.mjs` finds the
//! parts made for the base in the built wasm and places them beside the app). The app (built
//! without the engine's `load` feature) only decodes them: no content JSON, no deserializer and
//! no validator in the wasm.

use std::{env, fs, path::PathBuf};

use carryover_engine::assess::bundle::Bundle;
use carryover_engine::catalog::ContentErrors;

/// The validated content, or every problem found: the catalog, the register rules and the budget
/// defaults ([`Bundle::load`]), every language, and every locale key the engine and the app look up.
fn load() -> Result<Bundle, ContentErrors> {
    Bundle::load_checked(carryover_engine::text::check_locales)
}

fn write(path: &PathBuf, bytes: &[u8]) {
    fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
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
    let out = PathBuf::from(env::var("OUT_DIR").expect("set by cargo"));
    let (base, parts) = bundle.encode_split();
    write(&out.join("content.bin"), &base);
    for (lang, bytes) in parts {
        write(&out.join(format!("lang-{}.bin", lang.id())), &bytes);
    }
}
