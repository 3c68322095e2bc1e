//! Languages: which ones the content ships in, and how a catalog is put into one.
//!
//! English is the reference. Every other language has two parts in `content/locales/`:
//! `<lang>.toml`, the same keys as `en.toml` (the words the engine and the UI look up), and the
//! *overlay* `<lang>/*.toml`, every content text (questions, choices, requirement names, crosswalk
//! rationales, framework item names, source notes) keyed by content ids. `build.rs` bundles both;
//! [`check`] (run by `Catalog::load`) refuses a language with a missing, empty or unknown key or a
//! placeholder that differs from English; [`Catalog::localized`] gives the same catalog with the
//! texts of a language, so indexes and ids (answers files, share links, CLI arguments) are the same
//! in every language.
//!
//! The web app downloads a language only when it is chosen: its build embeds the *base* bundle
//! (English; of every other language only its name, [`BASE_KEYS`]) and ships each other language
//! as a [`LangPart`], bytes made at build time for that base alone. [`install_part`] checks and
//! installs one, after which [`Catalog::builtin_in`] gives that language. Before, it gives English
//! (never a panic, never a half-translated catalog; [`available`] tells which), so a caller that
//! must not fall back checks first. The command-line scorer and the tests (the `load` feature)
//! have every language from the start.
//!
//! The overlay keys (also written by `scripts/locale-skeleton`):
//! `section.<id>.title|intro`; `question.<id>.text|why|help|name`,
//! `question.<id>.choice.<choice>`, `question.<id>.covers.<requirement>.note|reuse`;
//! `area.<id>.name|explain`, `heading.<id>.name`, `requirement.<id>.name|explain|na_reason`;
//! `map.<requirement>.net_new`, `map.<requirement>.rationale.<framework:item>`;
//! `<framework>.<item>.name|group`; `effort|certification|budget.<source>.note`;
//! `published.<figure>.claim`.

use std::collections::BTreeMap;
#[cfg(feature = "load")]
use std::collections::BTreeSet;
use std::sync::OnceLock;

use crate::content::bundle;
use crate::content::catalog::{Catalog, ContentErrors};
use crate::content::codec::{Decode, Reader};

/// A language the content is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Lang {
    /// English, the reference every other language is checked against.
    #[default]
    En,
    /// French (Canadian).
    Fr,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The locale id: `en`, `fr` (file names, `lang=` in URLs, `--lang` on the command line).
    pub fn id(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// A language from a tag such as `fr`, `fr-CA`, `FR_ca` or `en-US` (its primary subtag, any
    /// case), if the content ships in it.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.id() == primary)
    }

    /// The first of a browser's preferred languages (`navigator.languages`) the content ships
    /// in, else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::parse)
            .unwrap_or_default()
    }
}

#[cfg(feature = "load")]
/// The budget defaults (`content/budget.toml`, bundled by `build.rs`; `assess::budget` loads and
/// checks them): read here only for the notes of their sources, which a language translates.
const BUDGET: &str = include_str!(concat!(env!("OUT_DIR"), "/budget.json"));

#[cfg(feature = "load")]
/// `(source id, note)` of every budget source that has a note.
fn budget_notes() -> Vec<(String, String)> {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(BUDGET) else {
        return Vec::new();
    };
    value
        .get("source")
        .and_then(serde_json::Value::as_array)
        .map(|sources| {
            sources
                .iter()
                .filter_map(|s| {
                    Some((
                        s.get("id")?.as_str()?.to_owned(),
                        s.get("note")?.as_str()?.to_owned(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(feature = "load")]
/// Placeholders of a text (`{name}`), sorted, each as often as it occurs.
fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or_default();
        match after.find('}') {
            Some(close) => {
                let name = after.get(..close).unwrap_or_default();
                if !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                    out.push(name);
                }
                rest = after.get(close + 1..).unwrap_or_default();
            }
            None => break,
        }
    }
    out.sort_unstable();
    out
}

impl Catalog {
    /// Calls `f` with the overlay key and a mutable reference of every content text a person
    /// reads, in content order. The one list of what a language's overlay must translate.
    fn visit_texts(&mut self, f: &mut dyn FnMut(String, &mut String)) {
        for s in &mut self.sections {
            f(format!("section.{}.title", s.id), &mut s.title);
            if let Some(intro) = &mut s.intro {
                f(format!("section.{}.intro", s.id), intro);
            }
        }
        for q in &mut self.questions {
            let id = &q.id;
            f(format!("question.{id}.text"), &mut q.text);
            f(format!("question.{id}.why"), &mut q.why);
            if let Some(help) = &mut q.help {
                f(format!("question.{id}.help"), help);
            }
            if let Some(name) = &mut q.name {
                f(format!("question.{id}.name"), name);
            }
            for c in &mut q.choices {
                f(format!("question.{id}.choice.{}", c.id), &mut c.label);
            }
            for c in &mut q.covers {
                let req = self
                    .requirements
                    .get(c.requirement)
                    .map_or("?", |r| r.id.as_str());
                f(format!("question.{id}.covers.{req}.note"), &mut c.note);
                if let Some(reuse) = &mut c.reuse {
                    f(format!("question.{id}.covers.{req}.reuse"), reuse);
                }
            }
        }
        for a in &mut self.areas {
            f(format!("area.{}.name", a.id), &mut a.name);
            f(format!("area.{}.explain", a.id), &mut a.explain);
        }
        for h in &mut self.headings {
            f(format!("heading.{}.name", h.id), &mut h.name);
        }
        for r in &mut self.requirements {
            f(format!("requirement.{}.name", r.id), &mut r.name);
            f(format!("requirement.{}.explain", r.id), &mut r.explain);
            if let Some(na) = &mut r.na_reason {
                f(format!("requirement.{}.na_reason", r.id), na);
            }
        }
        let item_keys: Vec<Vec<String>> = self
            .frameworks
            .iter()
            .map(|fw| {
                fw.items
                    .iter()
                    .map(|i| format!("{}:{}", fw.id, i.id))
                    .collect()
            })
            .collect();
        for (m, r) in self.crosswalk.iter_mut().zip(&self.requirements) {
            if let Some(net_new) = &mut m.net_new {
                f(format!("map.{}.net_new", r.id), net_new);
            }
            for row in &mut m.rows {
                let source = item_keys
                    .get(row.source.framework)
                    .and_then(|items| items.get(row.source.item))
                    .map_or("?", String::as_str);
                f(
                    format!("map.{}.rationale.{source}", r.id),
                    &mut row.rationale,
                );
            }
        }
        for fw in &mut self.frameworks {
            for item in &mut fw.items {
                f(format!("{}.{}.name", fw.id, item.id), &mut item.name);
                f(format!("{}.{}.group", fw.id, item.id), &mut item.group);
            }
        }
        for s in &mut self.effort.sources {
            f(format!("effort.{}.note", s.id), &mut s.note);
        }
        for s in &mut self.certification.sources {
            f(format!("certification.{}.note", s.id), &mut s.note);
        }
        for p in &mut self.published {
            f(format!("published.{}.claim", p.id), &mut p.claim);
        }
    }

    #[cfg(feature = "load")]
    /// Every content text a language's overlay must translate, by overlay key, in English.
    /// Includes the notes of the budget sources (`budget.<id>.note`), which `budget.rs` loads.
    pub fn content_texts(&self) -> BTreeMap<String, String> {
        let mut copy = self.clone();
        let mut out = BTreeMap::new();
        copy.visit_texts(&mut |key, text| {
            out.insert(key, text.clone());
        });
        for (id, note) in budget_notes() {
            out.insert(format!("budget.{id}.note"), note);
        }
        out
    }

    /// A content text kept outside the catalog (the budget sources' notes, `budget.<id>.note`) in
    /// the language `locale`: its overlay's text, else `english`.
    pub fn overlay_text<'a>(&'a self, locale: &str, key: &str, english: &'a str) -> &'a str {
        self.overlays
            .get(locale)
            .and_then(|o| o.get(key))
            .map_or(english, String::as_str)
    }

    /// The same catalog with the content texts of `lang` (English: a copy). Ids, order and every
    /// number are unchanged, so answers, share links and indexes mean the same in every language.
    /// A text the overlay lacks stays English (validation refuses such a bundle).
    #[must_use]
    pub fn localized(&self, lang: Lang) -> Catalog {
        let mut copy = self.clone();
        if let Some(overlay) = self.overlays.get(lang.id()) {
            copy.visit_texts(&mut |key, text| {
                if let Some(t) = overlay.get(&key) {
                    t.clone_into(text);
                }
            });
        }
        copy
    }

    /// The built-in catalog in `lang`, localized once and kept for the life of the program. A
    /// language that is neither in the built-in content nor installed ([`install_part`]) gives
    /// the English catalog, not kept, so that installing the language later still takes effect.
    pub fn builtin_in(lang: Lang) -> Result<&'static Catalog, &'static ContentErrors> {
        static LOCALIZED: [OnceLock<Catalog>; Lang::ALL.len()] =
            [const { OnceLock::new() }; Lang::ALL.len()];
        let en = Catalog::builtin()?;
        if lang == Lang::En {
            return Ok(en);
        }
        let Some(cell) = LOCALIZED.get(lang as usize) else {
            return Ok(en);
        };
        if let Some(done) = cell.get() {
            return Ok(done);
        }
        if en.overlays.contains_key(lang.id()) {
            return Ok(cell.get_or_init(|| en.localized(lang)));
        }
        Ok(match installed(lang) {
            Some(part) => cell.get_or_init(|| en.with_part(part).localized(lang)),
            None => en,
        })
    }

    /// The same catalog with a language's part added (its UI locale and content overlay), as the
    /// catalog built with every language has them.
    #[must_use]
    pub fn with_part(&self, part: &LangPart) -> Catalog {
        let mut copy = self.clone();
        copy.locales
            .insert(part.lang.id().to_owned(), part.locale.clone());
        copy.overlays
            .insert(part.lang.id().to_owned(), part.overlay.clone());
        copy
    }

    /// Takes `lang`'s texts out of this catalog as a [`LangPart`], leaving of its locale only the
    /// [`BASE_KEYS`]; `None` for English or a language the catalog does not have.
    #[cfg(feature = "load")]
    pub fn split_off(&mut self, lang: Lang) -> Option<LangPart> {
        if lang == Lang::En {
            return None;
        }
        let overlay = self.overlays.remove(lang.id())?;
        let locale = self.locales.remove(lang.id())?;
        let kept = BASE_KEYS
            .iter()
            .filter_map(|k| Some(((*k).to_owned(), locale.get(*k)?.clone())))
            .collect();
        self.locales.insert(lang.id().to_owned(), kept);
        Some(LangPart {
            lang,
            locale,
            overlay,
        })
    }
}

/// The keys of every language's UI locale the base bundle keeps: what the language switch shows
/// before the language itself is downloaded (its name, in itself).
pub const BASE_KEYS: &[&str] = &["lang.name"];

/// First bytes of a language's part: a name and the format version.
pub const PART_MAGIC: &[u8; 4] = b"CoL\x01";

/// One language's texts, shipped apart from the base bundle: its UI locale (`<lang>.toml`) and
/// its content overlay (`<lang>/*.toml`), validated with the rest of the content at build time.
///
/// The bytes: [`PART_MAGIC`], a checksum (8 bytes, FNV-1a 64 of everything after it), the
/// [`bundle::id`] of the base it was made for (8 bytes), then the language id, the locale and the
/// overlay (see `codec`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangPart {
    /// The language.
    pub lang: Lang,
    /// Locale key → text.
    pub locale: BTreeMap<String, String>,
    /// Overlay key → content text.
    pub overlay: BTreeMap<String, String>,
}

/// Why a language's part was refused. Each is a locale key ([`PartError::key`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartError {
    /// Not a language part, cut short or changed, or another language's part.
    Damaged,
    /// Made for another build's content (or no content is installed to check it against).
    Foreign,
}

impl PartError {
    /// The locale key of the reason: `lang.error.damaged`, `lang.error.foreign`.
    pub fn key(self) -> &'static str {
        match self {
            PartError::Damaged => "lang.error.damaged",
            PartError::Foreign => "lang.error.foreign",
        }
    }
}

/// Length of the base id in a part.
const ID_LEN: usize = 8;

impl LangPart {
    /// Reads `lang`'s part made for the bundle `base`: refused when it is damaged (wrong name,
    /// checksum, layout or language) or was made for another base.
    pub fn decode(base: &[u8], lang: Lang, bytes: &[u8]) -> Result<LangPart, PartError> {
        let (_, rest) = bundle::unframed(PART_MAGIC, bytes).ok_or(PartError::Damaged)?;
        let (made_for, payload) = rest.split_at_checked(ID_LEN).ok_or(PartError::Damaged)?;
        let made_for = made_for
            .try_into()
            .map(u64::from_le_bytes)
            .map_err(|_| PartError::Damaged)?;
        let mut r = Reader::split(payload).ok_or(PartError::Damaged)?;
        let (id, (locale, overlay)) =
            <(String, (BTreeMap<String, String>, BTreeMap<String, String>))>::decode(&mut r)
                .filter(|_| r.is_empty())
                .ok_or(PartError::Damaged)?;
        if id != lang.id() {
            return Err(PartError::Damaged);
        }
        if bundle::id(base) != Some(made_for) {
            return Err(PartError::Foreign);
        }
        Ok(LangPart {
            lang,
            locale,
            overlay,
        })
    }

    /// The part as bytes for [`LangPart::decode`], made for the base whose [`bundle::id`] is
    /// `base_id`.
    #[cfg(feature = "load")]
    pub fn encode(&self, base_id: u64) -> Vec<u8> {
        let payload = bundle::encode(&(
            self.lang.id().to_owned(),
            (self.locale.clone(), self.overlay.clone()),
        ));
        let mut rest = base_id.to_le_bytes().to_vec();
        rest.extend(payload);
        bundle::framed(PART_MAGIC, &rest)
    }
}

/// The parts installed by the embedding program, by language.
static PARTS: [OnceLock<LangPart>; Lang::ALL.len()] = [const { OnceLock::new() }; Lang::ALL.len()];

fn installed(lang: Lang) -> Option<&'static LangPart> {
    PARTS.get(lang as usize)?.get()
}

/// Installs `lang`'s part (bytes made at build time beside the base the program installed with
/// [`bundle::install`]), after which [`Catalog::builtin_in`] gives that language. Installing a
/// language again changes nothing. Refused, and nothing changes, when the bytes are damaged or
/// made for another base (or no base is installed).
pub fn install_part(lang: Lang, bytes: &[u8]) -> Result<(), PartError> {
    let base = bundle::installed().ok_or(PartError::Foreign)?;
    let part = LangPart::decode(base, lang, bytes)?;
    if let Some(cell) = PARTS.get(lang as usize) {
        _ = cell.set(part);
    }
    Ok(())
}

/// Whether [`Catalog::builtin_in`] gives `lang` itself (rather than English): English, a
/// language in the built-in content, or one whose part is installed.
pub fn available(lang: Lang) -> bool {
    lang == Lang::En
        || installed(lang).is_some()
        || Catalog::builtin().is_ok_and(|c| c.overlays.contains_key(lang.id()))
}

#[cfg(feature = "load")]
/// Every problem with the languages of a catalog: each language but English has a locale and an
/// overlay; each has every English key, none empty, none unknown, each with English's
/// placeholders.
pub(crate) fn check(catalog: &Catalog, errors: &mut Vec<String>) {
    let Some(en) = catalog.locales.get("en") else {
        return;
    };
    let content = catalog.content_texts();
    let langs: BTreeSet<&String> = catalog
        .locales
        .keys()
        .chain(catalog.overlays.keys())
        .filter(|l| *l != "en")
        .collect();
    for lang in langs {
        if Lang::parse(lang).is_none_or(|l| l.id() != lang) {
            errors.push(format!(
                "locales/{lang}: not a language this build knows (add it to `lang::Lang`)"
            ));
        }
        match catalog.locales.get(lang) {
            Some(ui) => compare(&format!("locales/{lang}.toml"), en, ui, errors),
            None => errors.push(format!("locales/{lang}.toml: missing")),
        }
        match catalog.overlays.get(lang) {
            Some(overlay) => compare(&format!("locales/{lang}/*.toml"), &content, overlay, errors),
            None => errors.push(format!("locales/{lang}/: the content overlay is missing")),
        }
    }
    for (key, text) in &content {
        if text.trim().is_empty() {
            errors.push(format!("content: `{key}` is empty"));
        }
    }
    if catalog.overlays.contains_key("en") {
        errors.push("locales/en/: English is the content itself; it has no overlay".to_owned());
    }
}

#[cfg(feature = "load")]
fn compare(
    what: &str,
    en: &BTreeMap<String, String>,
    other: &BTreeMap<String, String>,
    errors: &mut Vec<String>,
) {
    for (key, english) in en {
        match other.get(key) {
            None => errors.push(format!("{what}: missing `{key}`")),
            Some(t) if t.trim().is_empty() => errors.push(format!("{what}: `{key}` is empty")),
            Some(t) => {
                if placeholders(t) != placeholders(english) {
                    errors.push(format!(
                        "{what}: `{key}` has placeholders {:?}, English has {:?}",
                        placeholders(t),
                        placeholders(english)
                    ));
                }
            }
        }
    }
    for key in other.keys() {
        if !en.contains_key(key) {
            errors.push(format!("{what}: unknown key `{key}` (not in English)"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_by_primary_subtag() {
        assert_eq!(Lang::parse("fr"), Some(Lang::Fr));
        assert_eq!(Lang::parse("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::parse("FR_ca"), Some(Lang::Fr));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::parse(""), None);
        assert_eq!(Lang::negotiate(["de-DE", "fr-CA", "en"]), Lang::Fr);
        assert_eq!(Lang::negotiate(["de"]), Lang::En);
    }

    #[test]
    fn placeholders_are_compared_as_multisets() {
        assert_eq!(placeholders("{a} and {b_c} {a}"), vec!["a", "a", "b_c"]);
        assert_eq!(placeholders("{b} {a}"), placeholders("{a} {b}"));
        assert!(placeholders("{} {A} {").is_empty());
    }

    #[test]
    fn localized_keeps_ids_and_numbers() {
        let en = Catalog::builtin().expect("valid content");
        let fr = Catalog::builtin_in(Lang::Fr).expect("valid content");
        assert_eq!(en.questions.len(), fr.questions.len());
        for (a, b) in en.questions.iter().zip(&fr.questions) {
            assert_eq!(a.id, b.id);
            assert_eq!(a.choices.len(), b.choices.len());
        }
        for (a, b) in en.requirements.iter().zip(&fr.requirements) {
            assert_eq!(a.id, b.id);
            assert!((a.days - b.days).abs() < f64::EPSILON);
        }
    }

    #[test]
    fn an_overlay_with_a_wrong_key_or_placeholder_is_refused() {
        let en = Catalog::builtin().expect("valid content");
        let mut c = en.clone();
        let mut overlay = en.content_texts();
        overlay.insert("question.nope.text".to_owned(), "x".to_owned());
        let first = overlay.keys().next().cloned().unwrap_or_default();
        overlay.insert(first.clone(), String::new());
        c.overlays.insert("fr".to_owned(), overlay);
        let mut ui = en.locales.get("en").cloned().unwrap_or_default();
        ui.insert("unit.days.one".to_owned(), "{count} jour".to_owned());
        ui.remove("app.name");
        c.locales.insert("fr".to_owned(), ui);
        let mut errors = Vec::new();
        check(&c, &mut errors);
        let all = errors.join("\n");
        assert!(all.contains("unknown key `question.nope.text`"), "{all}");
        assert!(all.contains(&format!("`{first}` is empty")), "{all}");
        assert!(all.contains("`unit.days.one` has placeholders"), "{all}");
        assert!(all.contains("missing `app.name`"), "{all}");
    }
}
