//! A cheap language guess for pages that do not declare one.
//!
//! Script first (Cyrillic, CJK, Arabic...), then, for Latin script, which
//! language's most frequent function words occur most. Good enough to route
//! a page; not a language identifier.

/// ISO 639-1 code of the language `text` is most likely in.
pub fn guess(text: &str) -> Option<String> {
    let sample: String = text.chars().take(4000).collect();
    let mut letters = 0usize;
    let mut scripts = [0usize; 6]; // latin, cyrillic, han, kana, arabic, hangul
    for c in sample.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        let slot = match c {
            'a'..='z' | 'A'..='Z' | '\u{c0}'..='\u{24f}' => 0,
            '\u{400}'..='\u{4ff}' => 1,
            '\u{4e00}'..='\u{9fff}' => 2,
            '\u{3040}'..='\u{30ff}' => 3,
            '\u{600}'..='\u{6ff}' => 4,
            '\u{ac00}'..='\u{d7af}' => 5,
            _ => continue,
        };
        scripts[slot] += 1;
    }
    if letters < 20 {
        return None;
    }
    let code = if scripts[3] * 10 > letters {
        "ja"
    } else if scripts[2] * 3 > letters {
        "zh"
    } else if scripts[1] * 2 > letters {
        "ru"
    } else if scripts[4] * 2 > letters {
        "ar"
    } else if scripts[5] * 2 > letters {
        "ko"
    } else {
        latin(&sample)?
    };
    Some(code.to_string())
}

fn latin(sample: &str) -> Option<&'static str> {
    const WORDS: [(&str, &[&str]); 6] = [
        (
            "en",
            &["the", "and", "of", "to", "in", "is", "that", "said"],
        ),
        (
            "fr",
            &["le", "la", "les", "et", "des", "est", "une", "dans"],
        ),
        (
            "de",
            &["der", "die", "und", "das", "ist", "nicht", "mit", "den"],
        ),
        ("es", &["el", "los", "las", "y", "del", "que", "por", "una"]),
        (
            "it",
            &["il", "che", "di", "della", "per", "non", "gli", "sono"],
        ),
        ("pt", &["o", "os", "e", "do", "da", "que", "não", "uma"]),
    ];
    let lower = sample.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let best = WORDS
        .iter()
        .map(|(code, words)| (tokens.iter().filter(|t| words.contains(t)).count(), *code))
        .max()?;
    (best.0 >= 3).then_some(best.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_words() {
        assert_eq!(
            guess("The minister said that the talks in Geneva and the deal are on track.")
                .as_deref(),
            Some("en")
        );
        assert_eq!(
            guess(
                "Le ministre a dit que les négociations et la paix sont dans une phase difficile."
            )
            .as_deref(),
            Some("fr")
        );
        assert_eq!(
            guess("Министр иностранных дел России встретился с госсекретарем США.").as_deref(),
            Some("ru")
        );
        assert_eq!(guess("short"), None);
    }
}
