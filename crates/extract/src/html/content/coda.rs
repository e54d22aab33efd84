//! The sign-off cut: after the story, a plea for donations, a "Written by"
//! credits box, a call to action or the author's bio ends it.

use super::blocks::has_phrase;
use super::stamps::CREDITS;
use crate::html::dom::Flat;

/// Cut the chosen blocks at the page's sign-off after the story: a plea
/// for donations, a "Written by" credit box, a call to action in the last
/// part, or the author's bio among the last few blocks ("Jane Doe is a
/// freelance writer ..."). Sites put these below every story; they are not
/// the story.
pub(super) fn cut_coda(flat: &Flat, chosen: Vec<usize>) -> Vec<usize> {
    let total: usize = chosen.iter().map(|&i| flat.blocks[i].text.len()).sum();
    let mut seen = 0;
    for (k, &i) in chosen.iter().enumerate() {
        let text = flat.blocks[i].text.as_str();
        let lower = text.to_lowercase();
        let late = seen * 2 >= total && (donation_plea(&lower) || credit_heading(&lower));
        let last_part = seen * 10 >= total * 7;
        let bio = last_part && chosen.len() - k <= BIO_TAIL && author_bio(text);
        if late || bio || (last_part && call_to_action(&lower)) {
            return chosen[..k].to_vec();
        }
        seen += text.len();
    }
    chosen
}

/// How many of the last blocks may open an author's bio.
const BIO_TAIL: usize = 4;

/// "Join 2,500+ businesses", "Sign up today", "Looking for expert advice?",
/// "Get started with ...": the seller's pitch that follows a story on
/// company blogs; what comes after it is more of the same.
pub(super) fn call_to_action(lower: &str) -> bool {
    let opens = |p: &str| {
        lower
            .strip_prefix(p)
            .is_some_and(|rest| rest.starts_with([' ', '!', '?']))
    };
    lower.len() < 200
        && ([
            "join",
            "sign up",
            "get started",
            "get in touch",
            "don't miss",
        ]
        .iter()
        .any(|p| opens(p))
            || (["looking for", "need more"].iter().any(|p| opens(p)) && lower.contains('?')))
}

/// "Enjoyed this piece? We need your help", "Support our mission",
/// "Donate via ...": a request for money after the story.
fn donation_plea(lower: &str) -> bool {
    lower.len() < 250
        && [
            "support our mission",
            "support our work",
            "support our journalism",
            "support us",
            "we need your help",
            "donate via",
            "reader donations",
            "become a patron",
            "consider donating",
            "consider supporting",
        ]
        .iter()
        .any(|p| has_phrase(lower, p))
}

/// "Written by", "Article reviewed by:": the heading of a credits box.
fn credit_heading(lower: &str) -> bool {
    let rest = lower.strip_prefix("article ").unwrap_or(lower);
    lower.len() < 80
        && CREDITS
            .iter()
            .any(|p| rest.starts_with(p) && has_phrase(rest, p))
}

/// "Jane Doe is a freelance writer ...", "(John Roe, MD, is the founder of
/// ...)": two to five capitalised words (a name, maybe with credentials),
/// a verb of being or doing, and a job or qualification.
pub(super) fn author_bio(text: &str) -> bool {
    if text.len() >= 700 {
        return false;
    }
    let words: Vec<&str> = text.trim_start_matches('(').split_whitespace().collect();
    let name = words
        .iter()
        .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    let Some(verb) = words.get(name) else {
        return false;
    };
    let lower = text.to_lowercase();
    (2..=5).contains(&name)
        && BIO_VERBS.contains(verb)
        && BIO_ROLES.iter().any(|r| has_phrase(&lower, r))
}

/// Verbs that follow the name in a bio.
const BIO_VERBS: [&str; 10] = [
    "is", "was", "has", "holds", "writes", "covers", "joined", "started", "founded", "serves",
];

/// Jobs and qualifications a bio names.
const BIO_ROLES: [&str; 23] = [
    "writer",
    "editor",
    "author",
    "journalist",
    "founder",
    "co-founder",
    "owner",
    "reporter",
    "contributor",
    "correspondent",
    "columnist",
    "blogger",
    "freelance",
    "attorney",
    "expert",
    "specialist",
    "manager",
    "director",
    "ceo",
    "graduate",
    "degree",
    "certified",
    "consultant",
];
