//! Month names, which several stages read in text (datelines, time
//! expressions, counts): one table, so they agree on what a month is.

/// The months in order, lowercase.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names, 1-based: the full name or its first three
/// letters ("March", "Mar.", "mar"), and "Sept"; any case, with or
/// without a final dot.
pub fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let w = if w == "sept" { "sep".to_string() } else { w };
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w) && (w.len() == 3 || w.len() == m.len()))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::month;

    #[test]
    fn full_names_and_abbreviations() {
        for (w, m) in [
            ("March", 3),
            ("mar.", 3),
            ("Sept.", 9),
            ("sep", 9),
            ("DECEMBER", 12),
        ] {
            assert_eq!(month(w), Some(m), "{w}");
        }
        for w in ["ma", "marc", "mayor", "", "."] {
            assert_eq!(month(w), None, "{w}");
        }
    }
}
