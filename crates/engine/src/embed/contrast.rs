//! Colour contrast: a site owner's brand colour made readable (WCAG AA) in both themes.

use std::fmt;

/// WCAG AA contrast for normal text.
pub const AA: f64 = 4.5;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

impl Rgb {
    /// Parses `#rgb` or `#rrggbb` (the `#` may be left out, as it is awkward in URLs).
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#').unwrap_or(text);
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(hex.get(i..=i)?, 16).ok();
        let pair = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => Some(Rgb(pair(0)?, pair(2)?, pair(4)?)),
            _ => None,
        }
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let s = f64::from(c) / 255.0;
            if s <= 0.040_45 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG contrast ratio between two colours (1–21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }

    /// `self` moved `t` (0–1) of the way towards `to`.
    #[must_use]
    pub fn mix(self, to: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, to.0), m(self.1, to.1), m(self.2, to.2))
    }
}

const WHITE: Rgb = Rgb(255, 255, 255);
const BLACK: Rgb = Rgb(0, 0, 0);
/// `--bg` of the light theme (style/app.css).
pub const LIGHT_BG: Rgb = Rgb(0xf6, 0xf7, 0xfb);
/// `--bg` of the dark theme.
pub const DARK_BG: Rgb = Rgb(0x10, 0x13, 0x1b);
/// `--accent-text` of the dark theme.
pub const DARK_TEXT: Rgb = Rgb(0x0c, 0x10, 0x20);

/// A brand colour made safe to use, for both themes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// The colour the site owner gave.
    pub given: Rgb,
    /// Light theme accent: white text on it and it on the light background both reach AA.
    pub light: Rgb,
    /// Dark theme accent: dark text on it and it on the dark background both reach AA.
    pub dark: Rgb,
}

impl Theme {
    /// Derives both variants; `Err` carries the theme anyway when the given colour had to be
    /// corrected (the caller reports it).
    pub fn new(given: Rgb) -> Result<Theme, Theme> {
        let light_ok = |c: Rgb| c.contrast(WHITE) >= AA && c.contrast(LIGHT_BG) >= AA;
        let dark_ok = |c: Rgb| c.contrast(DARK_TEXT) >= AA && c.contrast(DARK_BG) >= AA;
        let light = adjust(given, BLACK, light_ok);
        let dark = adjust(given, WHITE, dark_ok);
        let theme = Theme { given, light, dark };
        if light == given {
            Ok(theme)
        } else {
            Err(theme)
        }
    }

    /// The CSS custom properties to set on `<html>` (style/app.css maps them onto `--accent`).
    pub fn css_properties(&self) -> [(&'static str, String); 4] {
        [
            ("--brand", self.light.to_string()),
            ("--brand-soft", self.light.mix(WHITE, 0.9).to_string()),
            ("--brand-dark", self.dark.to_string()),
            ("--brand-dark-soft", self.dark.mix(DARK_BG, 0.8).to_string()),
        ]
    }
}

/// Moves `c` towards `to` in small steps until `ok` (black and white always pass their side).
/// `c` moved towards `to` until `ok` holds (or `to` itself).
fn adjust(c: Rgb, to: Rgb, ok: impl Fn(Rgb) -> bool) -> Rgb {
    (0..=50)
        .map(|step| c.mix(to, f64::from(step) / 50.0))
        .find(|&candidate| ok(candidate))
        .unwrap_or(to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours() {
        for (text, want) in [
            ("#1f4fd1", Some(Rgb(0x1f, 0x4f, 0xd1))),
            ("1F4FD1", Some(Rgb(0x1f, 0x4f, 0xd1))),
            ("#abc", Some(Rgb(0xaa, 0xbb, 0xcc))),
            ("#abcd", None),
            ("red", None),
            ("rgb(0,0,0)", None),
            ("#12345g", None),
            ("#+1+2+3", None),
            ("", None),
            ("#ééé", None),
        ] {
            assert_eq!(Rgb::parse(text), want, "{text}");
        }
    }

    #[test]
    fn contrast_matches_wcag() {
        assert!((WHITE.contrast(BLACK) - 21.0).abs() < 1e-9);
        assert!((WHITE.contrast(WHITE) - 1.0).abs() < 1e-9);
        // #767676 on white is the well-known 4.54:1.
        let grey = Rgb(0x76, 0x76, 0x76);
        assert!((grey.contrast(WHITE) - 4.54).abs() < 0.01);
    }
}
