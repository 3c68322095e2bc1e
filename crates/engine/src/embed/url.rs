//! URL and origin checks for the embed configuration: only safe links and exact origins pass.

/// Longest URL accepted.
pub const URL_MAX: usize = 2000;

/// `text` percent-encoded for a URL query value (RFC 3986 unreserved characters kept).
pub(super) fn percent_encode(text: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// An https URL with a host, or a relative URL; `None` for anything else (javascript:, data:,
/// http:, protocol-relative `//`, backslashes, which browsers read as slashes, control
/// characters and spaces).
pub fn safe_url(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty()
        || t.len() > URL_MAX
        || t.chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
    {
        return None;
    }
    if let Some(rest) = t
        .get(..8)
        .filter(|p| p.eq_ignore_ascii_case("https://"))
        .map(|_| &t[8..])
    {
        let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let authority = &rest[..host_end];
        let host = authority.rsplit('@').next().unwrap_or(authority);
        return (!host.is_empty() && !authority.contains('@')).then(|| t.to_owned());
    }
    if t.starts_with("//") {
        return None;
    }
    // A scheme is letters, digits, + - . before the first ':' that comes before any / ? #.
    let first_special = t.find(['/', '?', '#']).unwrap_or(t.len());
    if t[..first_special].contains(':') {
        return None;
    }
    Some(t.to_owned())
}

/// An exact origin, `http(s)://host[:port]` (lower-cased, no path, no trailing slash).
pub fn validate_origin(text: &str) -> Option<String> {
    let t = text.trim().strip_suffix('/').unwrap_or(text.trim());
    let lower = t.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let (host, port) = if let Some(v6) = rest.strip_prefix('[') {
        let (inside, after) = v6.split_once(']')?;
        if inside.is_empty() || !inside.chars().all(|c| c.is_ascii_hexdigit() || c == ':') {
            return None;
        }
        let port = match after {
            "" => None,
            _ => Some(after.strip_prefix(':')?),
        };
        (inside, port)
    } else {
        let (host, port) = match rest.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (rest, None),
        };
        let label_ok = |l: &str| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        };
        if host.len() > 253 || !host.split('.').all(label_ok) {
            return None;
        }
        (host, port)
    };
    if let Some(port) = port
        && (port.is_empty()
            || port.len() > 5
            || !port.chars().all(|c| c.is_ascii_digit())
            || port.parse::<u32>().map_or(true, |p| p == 0 || p > 65_535))
    {
        return None;
    }
    if host.is_empty() {
        return None;
    }
    Some(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        for ok in [
            "https://example.com/book",
            "HTTPS://Example.com",
            "https://example.com:8443/a?b=c#d",
            "/book.html",
            "logo.svg",
            "./img/logo.png",
            "../x",
            "?x=1",
        ] {
            assert_eq!(safe_url(ok).as_deref(), Some(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "data:image/svg+xml,<svg/>",
            "http://example.com",
            "//evil.example",
            "/\\evil.example",
            "https://",
            "https:///path",
            "https://user@evil.example",
            "vbscript:x",
            "https://exa mple.com",
            "a\u{0}b",
            "",
        ] {
            assert_eq!(safe_url(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn origins() {
        for (text, want) in [
            ("https://www.example.com", Some("https://www.example.com")),
            ("https://WWW.Example.com/", Some("https://www.example.com")),
            ("http://127.0.0.1:8080", Some("http://127.0.0.1:8080")),
            ("http://[::1]:3000", Some("http://[::1]:3000")),
            ("https://example.com/path", None),
            ("https://example.com:0", None),
            ("https://example.com:99999", None),
            ("https://example.com:", None),
            ("*", None),
            ("null", None),
            ("ftp://example.com", None),
            ("https://", None),
            ("https://exa_mple.com", None),
            ("https://user@example.com", None),
            ("example.com", None),
        ] {
            assert_eq!(validate_origin(text).as_deref(), want, "{text}");
        }
    }
}
