//! Filling locale templates and making outside text safe to show: the two text helpers every
//! layer that words a message uses.

/// `text` with every control character (C0, DEL, C1; line breaks and tabs included) written as
/// a visible escape (`\u{7}`), so text from a file or a link can be put in a message without
/// ringing a bell, moving the cursor or hiding what follows.
pub fn escape_control(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// Fills `{name}` placeholders in a locale template. Unknown placeholders are left as written, so a
/// typo in a translation shows instead of vanishing.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        match after.split_once('}') {
            Some((name, tail)) if !name.contains('{') => {
                if let Some((_, v)) = args.iter().find(|(k, _)| *k == name) {
                    out.push_str(v);
                } else {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
                rest = tail;
            }
            Some(_) | None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
