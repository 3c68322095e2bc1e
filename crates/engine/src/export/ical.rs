//! A small RFC 5545 (iCalendar) writer: content lines, TEXT escaping and line folding.
//!
//! Each content line ends with CRLF and is at most 75 octets; a longer one is folded by breaking it
//! and starting the continuation with one space. Breaks fall between UTF-8 characters, never inside
//! one, so every physical line is valid UTF-8 on its own. TEXT values escape backslash, semicolon,
//! comma and newlines (`\\`, `\;`, `\,`, `\n`); other control characters, which TEXT may not hold,
//! become spaces.

/// Longest physical line, in octets, without its CRLF.
pub const MAX_LINE_OCTETS: usize = 75;

/// An iCalendar stream being written.
#[derive(Debug, Clone, Default)]
pub struct Ical {
    out: String,
}

impl Ical {
    /// An empty stream.
    pub fn new() -> Ical {
        Ical::default()
    }

    /// Writes a property whose value is already in its wire form (dates, `RRULE`, `BEGIN`).
    /// `name` may carry parameters, e.g. `DTSTART;VALUE=DATE`.
    pub fn raw(&mut self, name: &str, value: &str) -> &mut Ical {
        fold(&mut self.out, &format!("{name}:{value}"));
        self
    }

    /// Writes a TEXT property, escaping the value.
    pub fn text(&mut self, name: &str, value: &str) -> &mut Ical {
        self.raw(name, &escape_text(value))
    }

    /// The stream.
    pub fn finish(self) -> String {
        self.out
    }
}

/// Escapes a TEXT value.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                // CRLF and a lone CR are both one line break.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Appends one logical content line, folded at [`MAX_LINE_OCTETS`], each physical line ending in CRLF.
pub fn fold(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text() {
        let cases: &[(&str, &str)] = &[
            ("plain", "plain"),
            ("a,b;c\\d", "a\\,b\\;c\\\\d"),
            ("one\ntwo\r\nthree\rfour", "one\\ntwo\\nthree\\nfour"),
            ("bell\u{7}tab\t", "bell tab\t"),
            ("née: “quoted”", "née: “quoted”"),
        ];
        for (input, expect) in cases {
            assert_eq!(escape_text(input), *expect, "{input:?}");
        }
    }

    #[test]
    fn folds_at_75_octets_on_character_boundaries() {
        for text in [
            "x".repeat(200),
            "é".repeat(100),
            "€".repeat(60),
            "😀".repeat(40),
            format!("a{}", "é".repeat(80)),
        ] {
            let mut out = String::new();
            fold(&mut out, &format!("DESCRIPTION:{text}"));
            assert!(out.ends_with("\r\n"));
            let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
            assert!(lines.len() > 1);
            for (i, l) in lines.iter().enumerate() {
                assert!(l.len() <= MAX_LINE_OCTETS, "{} octets: {l}", l.len());
                assert_eq!(i > 0, l.starts_with(' '));
            }
            let unfolded: String = lines
                .iter()
                .enumerate()
                .map(|(i, l)| if i == 0 { *l } else { &l[1..] })
                .collect();
            assert_eq!(unfolded, format!("DESCRIPTION:{text}"));
        }
        let mut short = String::new();
        fold(&mut short, &"y".repeat(75));
        assert_eq!(short, format!("{}\r\n", "y".repeat(75)));
    }
}
