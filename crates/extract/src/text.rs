//! Small text helpers shared by the plain-text and HTML paths.

/// Collapse runs of whitespace (including non-breaking spaces) to one space, trimmed.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Character references left in text that is not HTML (JSON-LD strings
/// written from templates): "&amp;", "&#8217;", "&#x2019;", "&rsquo;".
/// Names are those of the HTML parser's table; unknown ones are kept as
/// they are.
pub fn unescape(s: &str) -> String {
    // Templates sometimes escape twice ("&amp;#8230;").
    let once = unescape_once(s);
    if once.contains('&') && once != s {
        unescape_once(&once)
    } else {
        once
    }
}

fn unescape_once(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = match name.strip_prefix('#') {
                Some(num) => match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                }
                .and_then(char::from_u32),
                None => crate::html::parse::entities::named(name.as_bytes()),
            }?;
            Some((c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// UTF-8 that was read as Latin-1 somewhere upstream ("Investorâ\u{80}\u{99}s"):
/// C1 control characters never occur in real text, so a string holding
/// them whose characters are all bytes, and whose bytes are valid UTF-8,
/// is given back as that UTF-8 ("Investor’s"). Anything else is kept.
pub fn repair_latin1_mojibake(s: &str) -> String {
    if !s.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)) {
        return s.to_string();
    }
    let bytes: Option<Vec<u8>> = s.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect();
    bytes
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_else(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_decoded() {
        assert_eq!(
            unescape("Rates &amp; Jobs &#8211; Don&#x2019;t &rsquo;x&bogus; & y"),
            "Rates & Jobs – Don’t ’x&bogus; & y"
        );
        assert_eq!(unescape("Caf&eacute; &Eacute;lys&eacute;e"), "Café Élysée");
    }
}
