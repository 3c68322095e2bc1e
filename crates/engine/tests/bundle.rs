//! The compiled content bundle: what the web app decodes is exactly what the validator built.

use carryover_engine::assess::bundle::Bundle;
use proptest::prelude::*;

fn loaded() -> Bundle {
    match Bundle::load() {
        Ok(b) => b,
        Err(errors) => panic!("the shipped content must be valid:\n{errors}"),
    }
}

fn json<T: serde::Serialize>(x: &T) -> serde_json::Value {
    serde_json::to_value(x).expect("serializes")
}

#[test]
fn decoding_the_encoded_bundle_gives_the_validated_content_back() {
    let bundle = loaded();
    let bytes = bundle.encode();
    let back = Bundle::decode(&bytes).expect("the encoded bundle decodes");
    // Every field of the catalog (Debug shows the private look-up indexes too), and its JSON form.
    assert_eq!(
        format!("{:?}", back.catalog),
        format!("{:?}", bundle.catalog)
    );
    assert_eq!(json(&back.catalog), json(&bundle.catalog));
    assert_eq!(back.catalog.supports, bundle.catalog.supports);
    assert_eq!(back.register, bundle.register);
    assert_eq!(back.budget, bundle.budget);
    // The look-up indexes are rebuilt when reading.
    for (i, q) in bundle.catalog.questions.iter().enumerate() {
        assert_eq!(back.catalog.question_index(&q.id), Some(i), "{}", q.id);
    }
    for (i, r) in bundle.catalog.requirements.iter().enumerate() {
        assert_eq!(back.catalog.requirement_index(&r.id), Some(i), "{}", r.id);
    }
    assert_eq!(back.catalog.question_index("no-such-question"), None);
    // And writing it again gives the same bytes.
    assert_eq!(back.encode(), bytes);
}

#[test]
fn the_bundle_is_smaller_than_the_json_it_replaces() {
    let bytes = loaded().encode();
    let json = carryover_engine::Catalog::builtin_json().len();
    assert!(
        bytes.len() < json,
        "bundle {} bytes, content JSON {json} bytes",
        bytes.len()
    );
}

#[test]
fn anything_but_a_whole_bundle_is_refused() {
    let bytes = loaded().encode();
    assert!(Bundle::decode(&[]).is_none());
    assert!(Bundle::decode(b"{\"catalog\":1}").is_none());
    // Cut short anywhere (every 97th cut, to keep the test quick), or one byte too many.
    for cut in (0..bytes.len()).step_by(97) {
        assert!(Bundle::decode(&bytes[..cut]).is_none(), "cut at {cut}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(Bundle::decode(&longer).is_none());
    // Another format version.
    let mut other = bytes;
    other[3] = other[3].wrapping_add(1);
    assert!(Bundle::decode(&other).is_none());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Damaged bytes never panic the decoder (it returns a bundle or nothing).
    #[test]
    fn damaged_bundles_never_panic(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)
    ) {
        static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
        let mut bytes = BYTES.get_or_init(|| loaded().encode()).clone();
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        let _ = Bundle::decode(&bytes);
    }

    /// Arbitrary bytes after the header never panic the decoder either.
    #[test]
    fn arbitrary_bytes_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..512)) {
        let mut bytes = b"CoB\x01".to_vec();
        bytes.extend(tail);
        let _ = Bundle::decode(&bytes);
    }
}

#[test]
fn content_problems_of_every_file_are_reported_together() {
    let mut catalog: serde_json::Value =
        serde_json::from_str(carryover_engine::Catalog::builtin_json()).expect("json");
    catalog["questionnaire"]["question"][0]["section"] = "nowhere".into();
    let budget = r#"{"currency":"XXX"}"#;
    let register = r#"{"as_of":"2026-01-01"}"#;
    let errors =
        Bundle::load_from(&catalog.to_string(), register, budget).expect_err("three broken files");
    let all = errors.to_string();
    assert!(all.contains("unknown section `nowhere`"), "{all}");
    assert!(all.contains("register.toml"), "{all}");
    assert!(all.contains("budget.toml: missing field"), "{all}");
}

#[test]
fn a_check_from_a_layer_above_is_reported_with_the_rest() {
    // The app's build script adds the locale check (text::check_locales) this way.
    assert!(Bundle::load_checked(carryover_engine::text::check_locales).is_ok());
    let errors = Bundle::load_checked(|_| {
        Err(carryover_engine::ContentErrors(vec![
            "locales/en.toml: missing `x`".to_owned(),
        ]))
    })
    .expect_err("the check fails");
    assert_eq!(errors.0, vec!["locales/en.toml: missing `x`".to_owned()]);
}
