//! Counts: a number and the things it counts ("30 countries"), with what
//! happened to them where a verb next to the phrase says so ("killed 12
//! people", "12 people were killed": `KILL`).
//!
//! A count is a cardinal (digits, "1,200", "two", "three million") followed
//! by up to three modifiers and a plural noun. Years, times, percentages
//! and sums of money are not counts of things: a number after a month name
//! or "in"/"since", or followed by "percent", is skipped.

use detente_core::calendar::month;
use detente_core::graph::Count;

/// Verbs and nouns that give a count its kind, after GDELT's count types.
const KINDS: &[(&str, &[&str])] = &[
    (
        "KILL",
        &[
            "killed",
            "killing",
            "kill",
            "kills",
            "dead",
            "died",
            "die",
            "slain",
            "massacred",
            "executed",
            "deaths",
            "bodies",
        ],
    ),
    (
        "WOUND",
        &[
            "wounded",
            "wounding",
            "injured",
            "injuring",
            "injuries",
            "hurt",
            "casualties",
        ],
    ),
    (
        "ARREST",
        &[
            "arrested",
            "arresting",
            "detained",
            "detaining",
            "jailed",
            "detainees",
            "prisoners",
        ],
    ),
    (
        "KIDNAP",
        &[
            "kidnapped",
            "kidnapping",
            "abducted",
            "abducting",
            "hostages",
            "hostage",
        ],
    ),
    (
        "PROTEST",
        &[
            "protesters",
            "protestors",
            "demonstrators",
            "protested",
            "rallied",
            "marched",
        ],
    ),
    ("DISPLACED", &["displaced", "refugees", "fled", "homeless"]),
    ("EVACUATE", &["evacuated", "evacuating", "evacuees"]),
];

const UNITS: &[(&str, u64)] = &[
    ("hundred", 100),
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
];

const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];
const TENS: &[(&str, u64)] = &[
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Words that end the counted phrase instead of being part of it.
const NOT_IN_PHRASE: &[&str] = &[
    "percent", "per", "%", "years", "year", "of", "and", "or", "to", "the", "a", "in", "on", "at",
    "for", "were", "was", "are", "is", "have", "had", "has", "by", "from", "with", "as", "than",
    "that",
];

/// Plural nouns that do not end in -s.
const PLURALS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "police",
    "personnel",
    "staff",
    "troops",
    "civilians",
];

/// The value of a cardinal word or numeral, if it is one.
fn cardinal(w: &str) -> Option<u64> {
    if w.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        let digits: String = w.chars().filter(|c| *c != ',').collect();
        return digits.parse().ok();
    }
    NUMBER_WORDS
        .iter()
        .position(|n| *n == w)
        .map(|i| i as u64)
        .or_else(|| TENS.iter().find(|(n, _)| *n == w).map(|(_, v)| *v))
}

/// Whether a lowercase word looks like a plural noun.
fn plural(w: &str) -> bool {
    PLURALS.contains(&w)
        || (w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && w.chars().all(char::is_alphabetic))
}

fn kind_of(w: &str) -> Option<&'static str> {
    KINDS
        .iter()
        .find(|(_, ws)| ws.contains(&w))
        .map(|(k, _)| *k)
}

/// The counts in `words` (lowercase tokens) with their byte `offsets`.
/// `text` gives the counted phrase as written.
pub fn counts(words: &[&str], offsets: &[(usize, usize)], text: &str) -> Vec<Count> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let Some(mut number) = cardinal(words[i]) else {
            i += 1;
            continue;
        };
        let prev = i.checked_sub(1).map_or("", |p| words[p]);
        if month(prev).is_some()
            || matches!(prev, "in" | "since" | "$" | "€" | "£" | "until" | "by")
        {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while let Some((_, unit)) = words
            .get(j)
            .and_then(|w| UNITS.iter().find(|(u, _)| u == w))
        {
            number = number.saturating_mul(*unit);
            j += 1;
        }
        let Some(noun) = (j..(j + 4).min(words.len()))
            .take_while(|&k| {
                !NOT_IN_PHRASE.contains(&words[k])
                    && words[k].chars().all(|c| c.is_alphabetic() || c == '-')
            })
            .find(|&k| plural(words[k]))
        else {
            i = j;
            continue;
        };
        let object = text[offsets[j].0..offsets[noun].1].to_string();
        let before = words[i.saturating_sub(4)..i].iter();
        let after = words[noun..(noun + 4).min(words.len())].iter();
        let kind = before.rev().chain(after).find_map(|w| kind_of(w));
        out.push(Count {
            kind: kind.map(str::to_string),
            number,
            object,
            offset: offsets[i].0,
        });
        i = noun + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> Vec<(Option<String>, u64, String)> {
        let mut words = Vec::new();
        let mut offsets = Vec::new();
        let mut at = 0;
        for w in s.split(' ') {
            words.push(w.to_lowercase());
            offsets.push((at, at + w.len()));
            at += w.len() + 1;
        }
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        counts(&words, &offsets, s)
            .into_iter()
            .map(|c| (c.kind, c.number, c.object))
            .collect()
    }

    #[test]
    fn plain_and_kinded_counts() {
        assert_eq!(
            run("envoys from 30 countries met"),
            [(None, 30, "countries".into())]
        );
        assert_eq!(
            run("gunmen killed 12 people"),
            [(Some("KILL".into()), 12, "people".into())]
        );
        assert_eq!(
            run("three million Syrian refugees"),
            [(
                Some("DISPLACED".into()),
                3_000_000,
                "Syrian refugees".into()
            )]
        );
        assert_eq!(
            run("1,200 protesters were arrested"),
            [(Some("PROTEST".into()), 1200, "protesters".into())]
        );
    }

    #[test]
    fn years_percentages_and_dates_are_not_counts() {
        assert!(run("in 2016 prices rose").is_empty());
        assert!(run("up 30 percent of sales").is_empty());
        assert!(run("on March 25 leaders met").is_empty());
    }
}
