//! Turns the TOML content files under `content/` into one compact JSON document that the engine
//! embeds with `include_str!`. TOML is for people (comments, no trailing-comma traps); JSON keeps the
//! wasm free of a TOML parser. Validation happens in `Catalog::load`, where tests can see every error.

use std::{env, fs, path::PathBuf};

/// Content files, in the order of the fields of `content::RawContent`.
const FILES: &[(&str, &str)] = &[
    ("iso42001", "iso42001.toml"),
    ("crosswalk", "crosswalk.toml"),
    ("questionnaire", "questionnaire.toml"),
    ("effort", "effort.toml"),
    ("rules", "rules.toml"),
    ("published", "published.toml"),
    ("certification", "certification.toml"),
];

const FRAMEWORKS: &[&str] = &["iso27001", "soc2", "airmf"];
const LOCALES: &[&str] = &["en", "fr"];
/// The files of a language's content overlay (`content/locales/<lang>/`), English excepted.
const OVERLAYS: &[&str] = &[
    "questionnaire",
    "iso42001",
    "crosswalk",
    "frameworks",
    "sources",
];

fn read_toml(dir: &std::path::Path, name: &str) -> serde_json::Value {
    let path = dir.join(name);
    println!("cargo::rerun-if-changed={}", path.display());
    let text = fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read content file {}: {e}", path.display()));
    let value: toml::Value = toml::from_str(&text)
        .unwrap_or_else(|e| panic!("content file {} is not valid TOML:\n{e}", path.display()));
    serde_json::to_value(value).expect("TOML values always convert to JSON")
}

/// Dotted keys of a TOML table's strings (`question.iso27001.choice.certified`). A key twice or a
/// value that is not a string stops the build with the file's name.
fn flatten(
    file: &str,
    prefix: &str,
    value: &serde_json::Value,
    out: &mut serde_json::Map<String, serde_json::Value>,
) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(file, &key, v, out);
            }
        }
        serde_json::Value::String(_) => {
            assert!(
                out.insert(prefix.to_owned(), value.clone()).is_none(),
                "{file}: `{prefix}` is given twice"
            );
        }
        _ => panic!("{file}: `{prefix}` must be a string"),
    }
}

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    // CARRYOVER_CONTENT_DIR lets a content author build against a draft copy of `content/`.
    println!("cargo::rerun-if-env-changed=CARRYOVER_CONTENT_DIR");
    let content = env::var_os("CARRYOVER_CONTENT_DIR")
        .map_or_else(|| manifest.join("../../content"), PathBuf::from);
    println!("cargo::rerun-if-changed={}", content.display());
    let mut all = serde_json::Map::new();
    for (key, file) in FILES {
        all.insert((*key).to_owned(), read_toml(&content, file));
    }
    let frameworks = FRAMEWORKS
        .iter()
        .map(|f| read_toml(&content.join("frameworks"), &format!("{f}.toml")))
        .collect();
    all.insert(
        "frameworks".to_owned(),
        serde_json::Value::Array(frameworks),
    );
    let mut locales = serde_json::Map::new();
    for l in LOCALES {
        locales.insert(
            (*l).to_owned(),
            read_toml(&content.join("locales"), &format!("{l}.toml")),
        );
    }
    all.insert("locales".to_owned(), serde_json::Value::Object(locales));
    // Content overlays: language → dotted key → text, one flat map per language (`lang.rs`).
    let mut overlays = serde_json::Map::new();
    for l in LOCALES.iter().filter(|l| **l != "en") {
        let mut flat = serde_json::Map::new();
        for file in OVERLAYS {
            let dir = content.join("locales").join(l);
            flatten(
                &format!("locales/{l}/{file}.toml"),
                "",
                &read_toml(&dir, &format!("{file}.toml")),
                &mut flat,
            );
        }
        overlays.insert((*l).to_owned(), serde_json::Value::Object(flat));
    }
    all.insert("overlays".to_owned(), serde_json::Value::Object(overlays));
    let out = PathBuf::from(env::var("OUT_DIR").expect("set by cargo")).join("content.json");
    fs::write(&out, serde_json::Value::Object(all).to_string())
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    // The AI system register's rules (issue 16), validated by `register::Rules::builtin`.
    let register = PathBuf::from(env::var("OUT_DIR").expect("set by cargo")).join("register.json");
    fs::write(&register, read_toml(&content, "register.toml").to_string())
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", register.display()));
    // Budget defaults (`budget.rs`) are their own small document, read by their own loader.
    let budget = PathBuf::from(env::var("OUT_DIR").expect("set by cargo")).join("budget.json");
    fs::write(&budget, read_toml(&content, "budget.toml").to_string())
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", budget.display()));
}
