//! Named fields (`Name: value` lines) as WARC and HTTP headers write them.
//!
//! Both formats share the syntax: a first line (version or status), then
//! fields up to a blank line; names are case-insensitive; a line starting
//! with white space continues the previous value. Bytes are read as Latin-1
//! so no header can fail to decode.

/// The fields of one header, in order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Fields {
    /// The line before the fields: `WARC/1.0`, `HTTP/1.1 200 OK`.
    pub first: String,
    fields: Vec<(String, String)>,
}

impl Fields {
    /// Parse a header section (first line, fields, optional blank line).
    pub(crate) fn parse(bytes: &[u8]) -> Result<Fields, String> {
        let text: String = bytes.iter().map(|&b| b as char).collect();
        let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
        let first = lines.next().unwrap_or_default().trim().to_string();
        let mut fields: Vec<(String, String)> = Vec::new();
        for line in lines {
            if line.is_empty() {
                break;
            }
            if line.starts_with([' ', '\t']) {
                if let Some((_, value)) = fields.last_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                }
                continue;
            }
            let Some((name, value)) = line.split_once(':') else {
                return Err(format!("header line without a colon: {:?}", clip(line)));
            };
            fields.push((name.trim().to_string(), value.trim().to_string()));
        }
        Ok(Fields { first, fields })
    }

    /// The value of the first field named `name` (any case).
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A `Content-Type` value split into its media type (lowercase) and charset.
pub(crate) fn media_type(value: &str) -> (String, Option<String>) {
    let mut parts = value.split(';');
    let media = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
    });
    (media, charset.filter(|c| !c.is_empty()))
}

fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_case_insensitive_and_continued() {
        let f = Fields::parse(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=utf-8\r\nX: y\r\n\r\n",
        )
        .unwrap();
        assert_eq!(f.first, "HTTP/1.1 200 OK");
        assert_eq!(f.get("content-type"), Some("text/html; charset=utf-8"));
        assert_eq!(f.get("x"), Some("y"));
    }

    #[test]
    fn media_type_and_charset() {
        assert_eq!(
            media_type("Text/HTML; Charset=\"windows-1251\""),
            ("text/html".into(), Some("windows-1251".into()))
        );
        assert_eq!(media_type("text/plain"), ("text/plain".into(), None));
    }
}
