//! Each language's text on demand: the web app embeds the base bundle (English) and downloads
//! another language's part when it is chosen. The split must give back exactly the one-bundle
//! content, and a part that is damaged, of another language or of another build is refused.

use carryover_engine::assess::bundle::Bundle;
use carryover_engine::content::bundle;
use carryover_engine::lang::{self, BASE_KEYS, LangPart, PartError};
use carryover_engine::{Catalog, Lang};

fn loaded() -> Bundle {
    match Bundle::load() {
        Ok(b) => b,
        Err(errors) => panic!("the shipped content must be valid:\n{errors}"),
    }
}

fn part_of(parts: &[(Lang, Vec<u8>)], lang: Lang) -> &[u8] {
    match parts.iter().find(|(l, _)| *l == lang) {
        Some((_, bytes)) => bytes,
        None => panic!("no part for {lang:?}"),
    }
}

/// The base carries no language but English, except each one's name.
#[test]
fn the_base_holds_english_and_the_names_only() {
    let whole = loaded();
    let (base, parts) = whole.encode_split();
    assert_eq!(
        parts.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        Lang::ALL
            .into_iter()
            .filter(|l| *l != Lang::En)
            .collect::<Vec<_>>(),
        "one part per language but English"
    );
    let catalog = Bundle::decode(&base).expect("the base decodes").catalog;
    assert!(catalog.overlays.is_empty(), "no overlay in the base");
    assert_eq!(catalog.locales.get("en"), whole.catalog.locales.get("en"));
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let kept = catalog.locales.get(lang.id()).expect("its name is kept");
        assert_eq!(
            kept.keys().map(String::as_str).collect::<Vec<_>>(),
            BASE_KEYS.to_vec()
        );
    }
    // The base is what a whole bundle minus the languages weighs: well under it.
    assert!(base.len() + 100_000 < whole.encode().len());
}

/// Base + every part = the one-bundle catalog, field by field (its encoding covers every field,
/// and a field missing from the codec's lists does not compile), and every text of every
/// language: the localized catalog, each content text and each locale key.
#[test]
fn the_split_round_trips_to_the_one_bundle_content() {
    let whole = loaded();
    let one = Bundle::decode(&whole.encode()).expect("the one bundle decodes");
    let (base, parts) = whole.encode_split();
    let mut catalog = Bundle::decode(&base).expect("the base decodes").catalog;
    for (lang, bytes) in &parts {
        let part = LangPart::decode(&base, *lang, bytes).expect("its own part is taken");
        catalog = catalog.with_part(&part);
    }
    assert_eq!(format!("{catalog:?}"), format!("{:?}", one.catalog));
    for lang in Lang::ALL {
        let split = catalog.localized(lang);
        let whole = one.catalog.localized(lang);
        assert_eq!(format!("{split:?}"), format!("{whole:?}"), "{lang:?}");
        assert_eq!(split.content_texts(), whole.content_texts(), "{lang:?}");
        let en = whole.locales.get("en").expect("English");
        for key in en.keys() {
            assert_eq!(
                split.text(lang.id(), key),
                whole.text(lang.id(), key),
                "{lang:?} {key}"
            );
        }
    }
    // The same content makes the same bytes (the part names its base by the base's id).
    assert_eq!(whole.encode_split(), (base, parts));
}

#[test]
fn a_damaged_foreign_or_misplaced_part_is_refused() {
    let whole = loaded();
    let (base, parts) = whole.encode_split();
    let fr = part_of(&parts, Lang::Fr);
    assert!(LangPart::decode(&base, Lang::Fr, fr).is_ok());
    // Not a part at all, or cut short anywhere (every 211th cut), or one byte too many.
    assert_eq!(
        LangPart::decode(&base, Lang::Fr, b"").err(),
        Some(PartError::Damaged)
    );
    assert_eq!(
        LangPart::decode(&base, Lang::Fr, &base).err(),
        Some(PartError::Damaged),
        "a base is not a part"
    );
    for cut in (0..fr.len()).step_by(211) {
        assert_eq!(
            LangPart::decode(&base, Lang::Fr, &fr[..cut]).err(),
            Some(PartError::Damaged),
            "cut at {cut}"
        );
    }
    let mut longer = fr.to_vec();
    longer.push(0);
    assert_eq!(
        LangPart::decode(&base, Lang::Fr, &longer).err(),
        Some(PartError::Damaged)
    );
    // One byte changed anywhere (every 101st byte, each bit pattern once in a while).
    for (i, at) in (0..fr.len()).step_by(101).enumerate() {
        let mut changed = fr.to_vec();
        changed[at] ^= 1 << (i % 8);
        assert_eq!(
            LangPart::decode(&base, Lang::Fr, &changed).err(),
            Some(PartError::Damaged),
            "byte {at} changed"
        );
    }
    // Asked for as another language.
    assert_eq!(
        LangPart::decode(&base, Lang::En, fr).err(),
        Some(PartError::Damaged)
    );
    // Made for another build's base: content that differs by one text.
    let mut other = whole.clone();
    other.catalog.questions[0].text.push('!');
    let (other_base, other_parts) = other.encode_split();
    assert_ne!(other_base, base);
    assert_eq!(
        LangPart::decode(&base, Lang::Fr, part_of(&other_parts, Lang::Fr)).err(),
        Some(PartError::Foreign)
    );
    assert_eq!(
        LangPart::decode(&other_base, Lang::Fr, fr).err(),
        Some(PartError::Foreign)
    );
    // The base itself must be whole for its id to count.
    let mut damaged_base = base.clone();
    let last = damaged_base.len() - 1;
    damaged_base[last] ^= 1;
    assert_eq!(bundle::id(&damaged_base), None);
    assert_eq!(
        LangPart::decode(&damaged_base, Lang::Fr, fr).err(),
        Some(PartError::Foreign)
    );
    // Every refusal is worded by a key English has.
    let en = whole.catalog.locales.get("en").expect("English");
    for e in [PartError::Damaged, PartError::Foreign] {
        assert!(en.contains_key(e.key()), "{}", e.key());
    }
}

/// As the web app does it: the base installed, French asked for before its part (English, no
/// panic), a refused part changes nothing, then the part installed gives French.
/// (The only test in this file touching the process-wide content, so nothing else installs.)
#[test]
fn installing_the_base_then_a_language() {
    let whole = loaded();
    let (base, parts) = whole.encode_split();
    let fr = part_of(&parts, Lang::Fr).to_vec();
    assert_eq!(
        lang::install_part(Lang::Fr, &fr).err(),
        Some(PartError::Foreign),
        "no base installed yet"
    );
    assert!(bundle::install(Box::leak(base.into_boxed_slice())));
    let en = Catalog::builtin().expect("the base decodes");
    assert!(lang::available(Lang::En));
    assert!(!lang::available(Lang::Fr));
    let before = Catalog::builtin_in(Lang::Fr).expect("no error before the part");
    assert!(
        std::ptr::eq(before, en),
        "English until French is installed"
    );
    assert_eq!(
        before.text("fr", "lang.name"),
        "Français",
        "its name is known"
    );
    assert_eq!(
        before.text("fr", "app.disclaimer"),
        en.text("en", "app.disclaimer")
    );

    let mut damaged = fr.clone();
    damaged[20] ^= 0xff;
    assert_eq!(
        lang::install_part(Lang::Fr, &damaged).err(),
        Some(PartError::Damaged)
    );
    assert!(!lang::available(Lang::Fr));

    assert_eq!(lang::install_part(Lang::Fr, &fr), Ok(()));
    assert!(lang::available(Lang::Fr));
    let french = Catalog::builtin_in(Lang::Fr).expect("French");
    let reference = whole.catalog.localized(Lang::Fr);
    assert_eq!(format!("{french:?}"), format!("{reference:?}"));
    assert_eq!(
        french.text("fr", "ui.start.start"),
        reference.text("fr", "ui.start.start")
    );
    assert_ne!(french.questions[0].text, en.questions[0].text);
    // Installing again changes nothing.
    assert_eq!(lang::install_part(Lang::Fr, &fr), Ok(()));
    assert!(std::ptr::eq(
        Catalog::builtin_in(Lang::Fr).expect("French"),
        french
    ));
}
