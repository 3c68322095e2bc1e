//! Property tests of the embed configuration: any query string or config file text is read
//! without panicking, and whatever is accepted is safe (https or relative URLs, AA contrast,
//! exact origins, answers never without an origin).

use carryover_engine::Catalog;
use carryover_engine::embed_config::{AA, DARK_BG, LIGHT_BG, Rgb, Theme, resolve, safe_url};
use proptest::prelude::*;

fn catalog() -> &'static Catalog {
    Catalog::builtin().expect("valid content")
}

fn accepted_url_is_safe(url: &str) {
    let lower = url.to_ascii_lowercase();
    assert!(
        lower.starts_with("https://") || !lower.contains(':') || {
            let first = lower.find(['/', '?', '#']).unwrap_or(lower.len());
            !lower[..first].contains(':')
        },
        "{url}"
    );
    assert!(!lower.starts_with("//") && !url.contains('\\'), "{url}");
    assert!(
        !url.chars().any(|c| c.is_control() || c.is_whitespace()),
        "{url}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_query_is_read_safely(query in "[a-z_.=&%0-9A-F:/#+?-]{0,80}|\\PC{0,80}") {
        let r = resolve(catalog(), None, &query);
        if let Some(logo) = &r.config.logo { accepted_url_is_safe(logo); }
        if let Some(cta) = r.config.cta() { accepted_url_is_safe(&cta.url); }
        if let Some(origin) = &r.config.origin {
            prop_assert!(origin.starts_with("http://") || origin.starts_with("https://"));
            prop_assert!(!origin[8..].contains('/'));
        }
        prop_assert!(!r.config.include_answers);
    }

    #[test]
    fn any_file_is_read_safely(text in "\\PC{0,120}") {
        let r = resolve(catalog(), Some(&text), "");
        prop_assert!(!r.config.include_answers || r.config.origin.is_some());
    }

    #[test]
    fn urls_with_a_scheme_other_than_https_are_refused(
        scheme in "[a-zA-Z][a-zA-Z0-9+.-]{0,10}",
        rest in "[ -~]{0,30}",
    ) {
        let url = format!("{scheme}:{rest}");
        if let Some(ok) = safe_url(&url) {
            prop_assert!(ok.to_ascii_lowercase().starts_with("https://"), "{ok}");
        }
    }

    #[test]
    fn every_theme_reaches_aa(r in any::<u8>(), g in any::<u8>(), b in any::<u8>()) {
        let theme = Theme::new(Rgb(r, g, b)).unwrap_or_else(|corrected| corrected);
        prop_assert!(theme.light.contrast(Rgb(255, 255, 255)) >= AA);
        prop_assert!(theme.light.contrast(LIGHT_BG) >= AA);
        prop_assert!(theme.dark.contrast(DARK_BG) >= AA);
    }
}
