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

/// Words for a person, not yet in any language: a locale key and its arguments. Every message
/// the engine gives (a decoder's reason, a configuration problem) is one of these, worded where
/// it is shown through the locale (`Catalog::word` in the content layer), so a second language
/// needs no code.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Wording {
    /// The locale key, e.g. `answers.issue.not_choice`.
    pub key: String,
    /// Values for the key's `{name}` placeholders (in JSON an object, name → value).
    #[serde(serialize_with = "args_map")]
    pub args: Vec<(String, Arg)>,
}

fn args_map<S: serde::Serializer>(args: &[(String, Arg)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(args.iter().map(|(k, v)| (k, v)))
}

/// One argument of a [`Wording`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Arg {
    /// Text as it is (an id, a number, text from the input); control characters are escaped when
    /// it is worded.
    Text(String),
    /// Words of their own (e.g. the reason inside "kept aside: {reason}").
    Words(Wording),
}

impl Wording {
    /// A key with plain text arguments.
    pub fn new(key: impl Into<String>, args: &[(&str, &str)]) -> Wording {
        Wording {
            key: key.into(),
            args: args
                .iter()
                .map(|(k, v)| ((*k).to_owned(), Arg::Text((*v).to_owned())))
                .collect(),
        }
    }

    /// Adds an argument that is itself worded.
    #[must_use]
    pub fn with_words(mut self, name: &str, words: Wording) -> Wording {
        self.args.push((name.to_owned(), Arg::Words(words)));
        self
    }

    /// The words, with `template` looking a key up in some locale (text arguments escaped with
    /// [`escape_control`]).
    pub fn render(&self, template: &dyn Fn(&str) -> String) -> String {
        let args: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(k, v)| {
                let text = match v {
                    Arg::Text(t) => escape_control(t),
                    Arg::Words(w) => w.render(template),
                };
                (k.as_str(), text)
            })
            .collect();
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(&template(&self.key), &args)
    }
}

/// A number written with a point (`"2.5"`) as `locale` writes it (French: `"2,5"`). The one rule
/// for decimal separators; `export::units` builds its number forms on it.
pub fn localize_number(locale: &str, number: &str) -> String {
    match locale {
        "fr" => number.replace('.', ","),
        _ => number.to_owned(),
    }
}
