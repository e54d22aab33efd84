//! The per-block furniture filter: short widget labels, link lists, photo
//! credits, page notices and calls to subscribe, date stamps, reading-time
//! labels, form prompts, index terms, affiliate disclosures, template filler
//! and widget settings written out as JSON. Each block is judged alone.

use crate::html::dom::BlockKind;

/// Whether `phrase` occurs in `text` as whole words: "subscribe" is in
/// "Subscribe now" but not in "1,193 subscribers".
pub(super) fn has_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Short labels that sit inside article containers but are not the story.
const LABELS: [&str; 18] = [
    "advertisement",
    "advert",
    "top",
    "read more",
    "read more:",
    "related",
    "related:",
    "share",
    "share this",
    "share this article",
    "continue reading",
    "more",
    "skip to content",
    "subscribe",
    "sign up",
    "loading...",
    "table of contents",
    "in this article",
];

pub(super) fn keep_block(b: &crate::html::dom::Block) -> bool {
    let n = b.text.chars().count();
    let lower = b.text.to_lowercase();
    if LABELS.contains(&lower.trim_end_matches(['.', '!', ':']))
        || (b.kind != BlockKind::Preformatted && json_data(&b.text))
    {
        return false;
    }
    // Link lists: most of the text is links.
    if n > 0 && b.link_chars * 10 > n * 6 && !matches!(b.kind, BlockKind::Heading(_)) {
        return false;
    }
    // Photo credits that survived the figure filter.
    let credit = ["photo:", "image:", "credit:", "(image:", "photograph:"]
        .iter()
        .any(|p| lower.starts_with(p))
        || [
            "getty images",
            "/getty",
            "/reuters",
            "/ap photo",
            "(image:",
            "/afp",
        ]
        .iter()
        .any(|c| lower.contains(c));
    // Calls to action and page notices between paragraphs.
    let notice = [
        "related coverage",
        "related:",
        "read more",
        "read also",
        "see also",
        "more:",
        "have a tip",
        "this slideshow requires",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        || [
            "newsletter",
            "subscribe",
            "sign up for",
            "in your inbox",
            "user agreement",
            "privacy policy",
            "resubscribe",
            "paid subscriber",
            "unlock this",
        ]
        .iter()
        .any(|c| has_phrase(&lower, c))
        // "Join 800,000 subscribers", "exclusive to subscribers".
        || (has_phrase(&lower, "subscribers")
            && ["join", "exclusive"].iter().any(|c| has_phrase(&lower, c)));
    // "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: ..." stamps.
    let stamp = (lower.starts_with("published")
        || lower.starts_with("updated")
        || lower.starts_with("posted"))
        && crate::dates::in_words(&b.text, None).is_some();
    !(n < 200 && (credit || notice || stamp))
        && !(n < 100 && (reading_time_in(&lower) || form_field(&lower)))
        && !(n < 200 && filed_under(&lower))
        && !(n < 350 && affiliate_disclosure(&lower))
        && !placeholder(&lower)
}

/// "Lorem ipsum dolor sit amet": a template's filler text, left in widgets
/// nobody filled; never what a page says.
fn placeholder(lower: &str) -> bool {
    lower.contains("lorem ipsum")
}

/// `{"layout":2,"buttonText":"Buy now",...}`: a widget's settings written
/// into the page as text, not prose (code samples sit in `<pre>`).
fn json_data(text: &str) -> bool {
    text.starts_with(['{', '[']) && text.matches("\":").count() >= 3
}

/// "5 min read", "March 15, 2022 · 3 min read · By Staff", "Reading
/// time: 8 minutes": a reading-time stamp, alone or in a stamp line.
pub(super) fn reading_time_in(lower: &str) -> bool {
    has_phrase(lower, "reading time")
        || lower.match_indices(" read").any(|(at, _)| {
            let unit = lower[..at].trim_end_matches('.');
            let unit = ["minutes", "minute", "mins", "min"]
                .iter()
                .find_map(|u| unit.strip_suffix(u));
            unit.is_some_and(|u| u.trim_end().ends_with(|c: char| c.is_ascii_digit()))
        })
}

/// The prompts and hints of a sign-up form: "Please enter your email",
/// "This field is for validation purposes".
fn form_field(lower: &str) -> bool {
    [
        "please enter",
        "this field is",
        "enter your email",
        "enter your name",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// "Tags: budget, travel", "Filed under: News": the post's index terms.
fn filed_under(lower: &str) -> bool {
    ["tags:", "tagged:", "filed under:"]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// "We may earn a commission when you buy through links on this page":
/// the disclosure that shopping pages put above or below every story.
fn affiliate_disclosure(lower: &str) -> bool {
    let link_buy = [
        "when you buy",
        "when you purchase",
        "when you shop",
        "when you click",
    ]
    .iter()
    .any(|p| lower.find(p).is_some_and(|at| lower[at..].contains("link")));
    // "We may earn", "I might receive": the verb first, so that most
    // blocks cost one search, not twenty.
    let verbs = ["earn", "receive"];
    let earns = verbs.iter().any(|v| has_phrase(lower, v));
    link_buy
        || AFFILIATE.iter().any(|p| has_phrase(lower, p))
        || earns
            && ["we", "i"].iter().any(|who| {
                ["may", "might", "will", "could", "may also"]
                    .iter()
                    .any(|may| {
                        verbs
                            .iter()
                            .any(|earn| has_phrase(lower, &format!("{who} {may} {earn}")))
                    })
            })
}

/// Phrases of affiliate disclosures beyond "we may earn".
const AFFILIATE: [&str; 12] = [
    "may earn us a",
    "may earn me a",
    "purchases made through",
    "purchase through our",
    "through our links",
    "through these links",
    "reader-supported",
    "contains affiliate links",
    "contain affiliate links",
    "contains some affiliate links",
    "use affiliate links",
    "includes affiliate links",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_notices_go() {
        let block = |text: &str| crate::html::dom::Block {
            elem: 0,
            kind: BlockKind::Paragraph,
            text: text.to_string(),
            link_chars: 0,
        };
        for notice in [
            "We may earn a commission when you buy through links on our site.",
            "This post contains affiliate links.",
            "March 15, 2022 · 3 min read · By Staff",
            "Please enter your email address",
            "Tags: Employment, Health",
            r#"{"layoutMobile":2,"layoutDesktop":4,"buttonText":"Buy now"}"#,
        ] {
            assert!(!keep_block(&block(notice)), "{notice}");
        }
        for prose in [
            "We will get there in the end, the minister said.",
            "The reading room was closed, and the minutes read aloud.",
        ] {
            assert!(keep_block(&block(prose)), "{prose}");
        }
    }

    #[test]
    fn notices_are_whole_words() {
        assert!(has_phrase("subscribe now", "subscribe"));
        assert!(has_phrase("(subscribe)", "subscribe"));
        assert!(!has_phrase("1,193 subscribers read it", "subscribe"));
        assert!(!has_phrase("unsubscribe", "subscribe"));
    }
}
