//! English inflection for pattern anchors: from a lemma to every surface
//! form it may take in news text, so that matching is one hash lookup on
//! the lowercased token ("visited" → the patterns of `visit`).
//!
//! Regular rules only; irregular verbs come from `irregular.txt`. Where a
//! rule is ambiguous (consonant doubling: "ban" → "banned" but "visit" →
//! "visited"), both spellings are produced: a form that never occurs costs
//! nothing.

/// The regular verb forms: lemma, -s, -ed, -ing.
pub fn verb_forms(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string(), third_person(lemma)];
    let stem = lemma.strip_suffix('e');
    match (stem, consonant_y_stem(lemma)) {
        (Some(stem), _) => {
            out.push(format!("{lemma}d"));
            out.push(if lemma.ends_with("ee") {
                format!("{lemma}ing")
            } else {
                format!("{stem}ing")
            });
        }
        (None, Some(stem)) => {
            out.push(format!("{stem}ied"));
            out.push(format!("{lemma}ing"));
        }
        (None, None) => {
            out.push(format!("{lemma}ed"));
            out.push(format!("{lemma}ing"));
            if let Some(last) = doubled_final(lemma) {
                out.push(format!("{lemma}{last}ed"));
                out.push(format!("{lemma}{last}ing"));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The singular and the regular plural of a noun.
pub fn noun_forms(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    if !lemma.ends_with('s') {
        out.push(third_person(lemma));
    }
    out
}

/// "visit" → "visits", "watch" → "watches", "deny" → "denies".
fn third_person(w: &str) -> String {
    if let Some(stem) = consonant_y_stem(w) {
        format!("{stem}ies")
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| w.ends_with(e))
    {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

/// The stem of a word ending in consonant + y ("deny" → "den").
fn consonant_y_stem(w: &str) -> Option<&str> {
    let stem = w.strip_suffix('y')?;
    let before = stem.chars().last()?;
    (!"aeiou".contains(before)).then_some(stem)
}

/// The last letter, where a consonant-vowel-consonant ending may double it.
fn doubled_final(w: &str) -> Option<char> {
    let c: Vec<char> = w.chars().collect();
    let n = c.len();
    if n < 3 {
        return None;
    }
    let vowel = |x: char| "aeiou".contains(x);
    let (a, b, last) = (c[n - 3], c[n - 2], c[n - 1]);
    (!vowel(a) && vowel(b) && !vowel(last) && !"wxy".contains(last)).then_some(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_verbs() {
        let f = verb_forms("visit");
        for w in ["visit", "visits", "visited", "visiting"] {
            assert!(f.contains(&w.to_string()), "{w} in {f:?}");
        }
        let f = verb_forms("ban");
        assert!(f.contains(&"banned".to_string()) && f.contains(&"banning".to_string()));
        let f = verb_forms("deny");
        assert!(f.contains(&"denies".to_string()) && f.contains(&"denied".to_string()));
        let f = verb_forms("praise");
        assert!(f.contains(&"praised".to_string()) && f.contains(&"praising".to_string()));
        assert!(verb_forms("criticize").contains(&"criticizes".to_string()));
        assert!(verb_forms("agree").contains(&"agreeing".to_string()));
    }

    #[test]
    fn nouns() {
        assert_eq!(noun_forms("sanction"), ["sanction", "sanctions"]);
        assert_eq!(noun_forms("talks"), ["talks"]);
        assert_eq!(noun_forms("embargo"), ["embargo", "embargoes"]);
    }
}
