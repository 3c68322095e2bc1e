//! A small RFC 4180 CSV writer.
//!
//! Records end with CRLF; a field is quoted when it holds a comma, a double quote, CR or LF, and a
//! double quote inside a quoted field is doubled. The text starts with a UTF-8 byte order mark so
//! spreadsheet software opens it as UTF-8 (without one, Excel reads it in the legacy code page and
//! garbles every dash); CSV readers and tracker importers skip it.
//!
//! A field that a user typed (an owner's name) can start with `=`, `+`, `-`, `@`, tab or CR, which a
//! spreadsheet would run as a formula; [`Csv::user_field`] writes such a field with a leading `'`,
//! the usual guard, so an exported file cannot carry a formula into someone's spreadsheet.

/// The UTF-8 byte order mark every file starts with.
pub const BOM: &str = "\u{feff}";

/// A CSV document being written.
#[derive(Debug, Clone)]
pub struct Csv {
    out: String,
    at_line_start: bool,
}

impl Default for Csv {
    fn default() -> Self {
        Csv::new()
    }
}

impl Csv {
    /// An empty document (just the byte order mark).
    pub fn new() -> Csv {
        Csv {
            out: String::from(BOM),
            at_line_start: true,
        }
    }

    /// Appends a field to the current record.
    pub fn field(&mut self, value: &str) -> &mut Csv {
        self.separator();
        write_field(&mut self.out, value);
        self
    }

    /// Appends a field a user typed, neutralising a leading formula character.
    pub fn user_field(&mut self, value: &str) -> &mut Csv {
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            self.field(&format!("'{value}"))
        } else {
            self.field(value)
        }
    }

    /// Ends the current record.
    pub fn end_record(&mut self) -> &mut Csv {
        self.out.push_str("\r\n");
        self.at_line_start = true;
        self
    }

    /// Writes a whole record.
    pub fn record<S: AsRef<str>>(&mut self, fields: impl IntoIterator<Item = S>) -> &mut Csv {
        for f in fields {
            self.field(f.as_ref());
        }
        self.end_record()
    }

    /// The document.
    pub fn finish(self) -> String {
        self.out
    }

    fn separator(&mut self) {
        if !self.at_line_start {
            self.out.push(',');
        }
        self.at_line_start = false;
    }
}

/// Writes one field, quoted when it must be.
pub fn write_field(out: &mut String, value: &str) {
    if value.contains([',', '"', '\r', '\n']) {
        out.push('"');
        for c in value.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.push_str(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_must_be_quoted() {
        let cases: &[(&str, &str)] = &[
            ("plain", "plain"),
            ("", ""),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("line\nbreak", "\"line\nbreak\""),
            ("cr\rhere", "\"cr\rhere\""),
            ("\"", "\"\"\"\""),
            (" spaced ", " spaced "),
            ("naïve — ok", "naïve — ok"),
        ];
        for (input, expect) in cases {
            let mut s = String::new();
            write_field(&mut s, input);
            assert_eq!(s, *expect, "{input:?}");
        }
    }

    #[test]
    fn records_end_with_crlf_and_start_with_a_bom() {
        let mut c = Csv::new();
        c.record(["a", "b,c"]).record(["", "d"]);
        c.user_field("=1+1")
            .user_field("-x")
            .user_field("Dana")
            .end_record();
        assert_eq!(c.finish(), "\u{feff}a,\"b,c\"\r\n,d\r\n'=1+1,'-x,Dana\r\n");
    }
}
