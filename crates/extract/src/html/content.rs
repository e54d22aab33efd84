//! Which blocks of a flattened page are the article.
//!
//! Content scoring in the manner of readability, on the flat page:
//! 1. every prose block (25+ characters, mostly not links) scores
//!    1 + its commas (at most 10) + up to 3 for length, added in full to the element that
//!    holds it, half to the one above, a third to the one above that;
//! 2. an element's score is scaled down by its link density;
//! 3. the best element is the article (climbing to an ancestor a level or
//!    two up that gathers more of the story), joined by siblings that score
//!    well or hold prose of their own;
//! 4. inside it, blocks that are mostly links, or short widget labels, go;
//!    the story ends at a trailer heading ("Related posts") or a copyright
//!    line after most of it, and a long paragraph seen before is not repeated.

use super::dom::{BlockKind, Flat, Tag};

/// The element chosen as the article and the top-scoring element it was
/// climbed to from, for explaining a choice.
pub fn explain(flat: &Flat) -> Option<(usize, usize, f64)> {
    let scores = score(flat);
    let top = (0..flat.elems.len())
        .filter(|&e| scores[e] > 0.0)
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))?;
    Some((best(flat, &scores)?.0, top, scores[top]))
}

/// Indices of the blocks that make up the article, in document order.
pub fn select(flat: &Flat) -> Vec<usize> {
    let scores = score(flat);
    let Some((best, marked)) = best(flat, &scores) else {
        return Vec::new();
    };
    // The page marked the story itself: its neighbours are not the story.
    let ranges = if marked {
        vec![(best, flat.elems[best].last)]
    } else {
        with_siblings(flat, &scores, best)
    };
    // Widgets inside the article go, unless the article itself sits in one.
    let drop_widgets = !flat.elems[best].in_widget;
    let chosen: Vec<usize> = flat
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&b.elem)))
        .filter(|(_, b)| !(drop_widgets && flat.elems[b.elem].in_widget))
        .filter(|(_, b)| keep_block(b))
        .map(|(i, _)| i)
        .collect();
    let chosen = cut_trailer(flat, chosen);
    let chosen = cut_teasers(flat, chosen);
    let chosen = drop_head_stamps(flat, chosen);
    let chosen = cut_coda(flat, chosen);
    // A story rendered twice (a print or mobile copy in the same
    // container) is read once: a long paragraph seen before goes.
    let mut seen = std::collections::HashSet::new();
    chosen
        .into_iter()
        .filter(|&i| {
            let t = flat.blocks[i].text.as_str();
            t.len() < REPEAT || seen.insert(t)
        })
        .collect()
}

/// Paragraphs this long (bytes) are not repeated in one story.
const REPEAT: usize = 80;

/// Headings that open the page furniture after a story: related links,
/// teasers, author boxes, comments, calls to action.
const TRAILER_HEADINGS: &[&str] = &[
    "related",
    "related post",
    "related posts",
    "related articles",
    "related stories",
    "related content",
    "related news",
    "related blogs",
    "related reading",
    "latest news",
    "latest posts",
    "latest articles",
    "latest blogs",
    "recent posts",
    "recent articles",
    "recent blogs",
    "more news",
    "more stories",
    "more articles",
    "more you might like",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "other articles you may find interesting",
    "read next",
    "read this next",
    "keep reading",
    "popular posts",
    "most popular",
    "most read",
    "trending now",
    "leave a reply",
    "leave a comment",
    "join the conversation",
    "comments",
    "contact us",
    "share this",
    "share this article",
    "share this post",
    "about the author",
    "about the contributor",
    "about the reviewer",
    "about our expert",
    "discussion about this post",
    "reader interactions",
    "comments are closed",
    "sources",
    "article sources",
    "footnotes",
    "further reading",
    "related topics",
    "tags",
    "explore more",
    "explore more on these topics",
    "more articles from us",
    "connect with us",
    "read this next",
    "all reads on this topic",
    "want to work with us?",
    "recommended for you",
    "recommended articles",
    "more like this",
    "up next",
    "what to read next",
    "you may also be interested in",
    "popular articles",
    "trending",
    "latest stories",
    "latest",
    "more videos",
    "disclaimer",
    "related resources",
    "latest insights",
    "top resources",
    "also read",
    "browse related articles",
    "rate this article",
    "how useful was this post?",
    "thanks for reading",
    "testimonials",
    "follow us",
    "be the first to know",
    "contributor",
    "citations",
    "request a demo",
    "book a demo",
];

/// Trailer headings with a count or a name in them: "12 comments",
/// "Responses (18)", "More from Example Blog".
fn trailer_heading(label: &str) -> bool {
    if TRAILER_HEADINGS.contains(&label)
        || ["more from ", "comment via"]
            .iter()
            .any(|p| label.starts_with(p))
        || [
            "you might enjoy",
            "you may also enjoy",
            "you may also like",
            "you might also like",
            "this article helpful",
            "this content helpful",
            "this page helpful",
            "this post helpful",
        ]
        .iter()
        .any(|p| label.contains(p))
    {
        return true;
    }
    let counted = |rest: &str| {
        matches!(
            rest.trim_matches(['(', ')', ' ']),
            "comment" | "comments" | "response" | "responses" | "replies" | "thoughts"
        )
    };
    let digits = label.trim_start_matches(|c: char| c.is_ascii_digit());
    let tail = label.trim_end_matches(|c: char| c.is_ascii_digit() || c == ')');
    (digits.len() < label.len() && counted(digits)) || (tail.len() < label.len() && counted(tail))
}

/// Cut the chosen blocks at the first trailer heading ("Related posts",
/// "Leave a reply") that comes after most of the story: what follows it is
/// furniture that sat in the story's container.
fn cut_trailer(flat: &Flat, chosen: Vec<usize>) -> Vec<usize> {
    let total: usize = chosen.iter().map(|&i| flat.blocks[i].text.len()).sum();
    let mut seen = 0;
    for (k, &i) in chosen.iter().enumerate() {
        let b = &flat.blocks[i];
        // After most of the chosen text: what follows is furniture.
        let story_told = seen * 2 >= total
            || (seen >= STORY_TOLD && boxed_apart(flat, &chosen[..k], &chosen[k..]));
        if story_told && copyright(&b.text) {
            return chosen[..k].to_vec();
        }
        if story_told && b.text.len() <= 60 {
            let label = b.text.to_lowercase();
            let label = label.trim_end_matches([':', '.', '!', ' ']);
            if trailer_heading(label) {
                return chosen[..k].to_vec();
            }
        }
        seen += b.text.len();
    }
    chosen
}

/// Text (bytes) after which a trailer heading ends the story even when the
/// furniture after it outweighs it.
const STORY_TOLD: usize = 1_500;

/// A block that is only a date: "Dec 19, 2025", "March 29, 2025".
fn date_only(text: &str) -> bool {
    text.len() <= 40 && crate::dates::any(text).is_some()
}

/// Cut a run of teasers after the story: past most of it, dates standing
/// alone twice or more (each over a teaser's title and summary) open
/// a list of other posts, from the title or label just before the first.
fn cut_teasers(flat: &Flat, chosen: Vec<usize>) -> Vec<usize> {
    let total: usize = chosen.iter().map(|&i| flat.blocks[i].text.len()).sum();
    let dated: Vec<bool> = chosen
        .iter()
        .map(|&i| date_only(&flat.blocks[i].text))
        .collect();
    let all_dates = dated.iter().filter(|&&d| d).count();
    let (mut seen, mut before) = (0, 0);
    for (k, &i) in chosen.iter().enumerate() {
        if seen * 2 >= total && dated[k] {
            // From here on, this one included.
            let dates = all_dates - before;
            // Dates as dense before as after: the page is itself a dated
            // list (events, a blog's archive), not a story with teasers.
            let list = before >= LIST_DATES && before * 2 >= dates;
            if dates >= TEASER_DATES && !list {
                let mut cut = k;
                while cut > 0 && k - cut < 2 && flat.blocks[chosen[cut - 1]].text.len() < 100 {
                    cut -= 1;
                }
                return chosen[..cut].to_vec();
            }
        }
        before += usize::from(dated[k]);
        seen += flat.blocks[i].text.len();
    }
    chosen
}

/// Dates standing alone before the middle that make a page a dated list
/// (a story has one or two: published, updated).
const LIST_DATES: usize = 3;

/// Before the story's first paragraph, dates standing alone, a lone "By"
/// and "Last updated" stamps are the article's metadata, not its text.
fn drop_head_stamps(flat: &Flat, chosen: Vec<usize>) -> Vec<usize> {
    let Some(lead) = chosen
        .iter()
        .position(|&i| flat.blocks[i].text.len() >= LEAD)
    else {
        return chosen;
    };
    chosen
        .iter()
        .enumerate()
        .filter(|&(k, &i)| k >= lead || !head_stamp(&flat.blocks[i].text))
        .map(|(_, &i)| i)
        .collect()
}

/// Bytes of a block that opens the story proper.
const LEAD: usize = 100;

fn head_stamp(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    date_only(text)
        || (lower.len() < 80
            && (HEAD_STAMPS
                .iter()
                .chain(&CREDITS)
                .any(|p| lower.starts_with(p))
                || (lower.starts_with("published") && lower.ends_with(" ago"))))
        || lower == "by"
}

/// Openings of the stamps above a story besides the [`CREDITS`]:
/// "Updated on 09/10/2025", "Posted by", "Medically reviewed by Dr Ann Lee".
const HEAD_STAMPS: [&str; 8] = [
    "last updated",
    "updated:",
    "updated on",
    "published:",
    "published on",
    "posted by",
    "posted on",
    "medically reviewed by",
];

/// Openings of a story's credits: a stamp above it, or the heading of a
/// credits box below it.
const CREDITS: [&str; 5] = [
    "written by",
    "reviewed by",
    "edited by",
    "fact checked by",
    "fact-checked by",
];

/// Cut the chosen blocks at the page's sign-off after the story: a plea
/// for donations, a "Written by" credit box, a call to action in the last
/// part, or the author's bio among the last few blocks ("Jane Doe is a
/// freelance writer ..."). Sites put these below every story; they are not
/// the story.
fn cut_coda(flat: &Flat, chosen: Vec<usize>) -> Vec<usize> {
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
fn call_to_action(lower: &str) -> bool {
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
fn author_bio(text: &str) -> bool {
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

/// Lone dates after the story that mark a list of teasers.
const TEASER_DATES: usize = 2;

/// Whether the blocks `rest` sit in a box of their own after the story
/// `told`: the nearest element around the first of them that holds them all
/// holds none of the story (a "Latest news" box after it, not an aside in it).
fn boxed_apart(flat: &Flat, told: &[usize], rest: &[usize]) -> bool {
    let (Some(&first), Some(&last)) = (rest.first(), rest.last()) else {
        return false;
    };
    let Some(&prev) = told.last() else {
        return false;
    };
    let (last_elem, prev_elem) = (flat.blocks[last].elem, flat.blocks[prev].elem);
    let mut at = flat.elems[flat.blocks[first].elem].parent;
    while let Some(e) = at {
        let range = e..=flat.elems[e].last;
        if range.contains(&prev_elem) {
            return false;
        }
        if range.contains(&last_elem) {
            return true;
        }
        at = flat.elems[e].parent;
    }
    false
}

/// "Copyright © 2025 Example Inc", "© 2025 Example", "... All rights
/// reserved.": the page's footer.
fn copyright(text: &str) -> bool {
    let reserved = text.len() < 200 && text.to_lowercase().contains("all rights reserved");
    reserved
        || text.len() < 120 && {
            let lower = text.trim_start().to_lowercase();
            let rest = lower
                .strip_prefix("copyright")
                .unwrap_or(&lower)
                .trim_start();
            rest.starts_with('©')
                || rest.starts_with("(c)")
                || (rest.len() < lower.len() && rest.starts_with(|c: char| c.is_ascii_digit()))
        }
}

/// The most commas one block scores for: a list of names or tags, one
/// long run of commas, is not a story.
const MAX_COMMAS: f64 = 10.0;

fn score(flat: &Flat) -> Vec<f64> {
    let mut scores = vec![0.0; flat.elems.len()];
    for b in &flat.blocks {
        let n = b.text.chars().count();
        if n < 25 || b.link_chars * 2 >= n || matches!(b.kind, BlockKind::Heading(_)) {
            continue;
        }
        let commas = (b.text.matches([',', '，', '、']).count() as f64).min(MAX_COMMAS);
        let points = 1.0 + commas + (n as f64 / 100.0).min(3.0);
        // Text written straight into a div scores the div itself, as its own container.
        let container = match b.kind {
            BlockKind::Other => Some(b.elem),
            _ => flat.elems[b.elem].parent,
        };
        let mut at = container;
        for level in 1..=3 {
            let Some(e) = at else { break };
            scores[e] += points / level as f64;
            at = flat.elems[e].parent;
        }
    }
    for (e, s) in scores.iter_mut().enumerate() {
        let widget = if flat.elems[e].in_widget { 0.0 } else { 1.0 };
        *s *= (1.0 - link_density(flat, e)) * widget;
    }
    scores
}

fn link_density(flat: &Flat, e: usize) -> f64 {
    let el = &flat.elems[e];
    if el.chars == 0 {
        0.0
    } else {
        (el.link_chars as f64 / el.chars as f64).min(1.0)
    }
}

/// The link density above which a container is a link list, not the story:
/// higher for one that holds several times the prose (a story rich in links).
fn linked_ok(child: usize, parent: usize) -> f64 {
    if parent >= 6 && parent >= child * 4 {
        0.35
    } else {
        0.25
    }
}

/// Levels climbed past ancestors that do not gather more of the story.
const CLIMB_MISSES: usize = 2;

/// The element that holds the story, and whether it is (a wrapper of) the
/// page's one `<article>` or `<main>`.
fn best(flat: &Flat, scores: &[f64]) -> Option<(usize, bool)> {
    let top = (0..flat.elems.len())
        .filter(|&e| scores[e] > 0.0)
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))?;
    // A wrapper that holds nearly the same prose (title, lead and body split
    // over sibling divs) is the better cut: climb while the parent adds little noise.
    // An ancestor a level or two up may be the one that gathers the story
    // (a wrapper per paragraph or per section): look a few levels past one
    // that does not qualify.
    let mut chosen = top;
    let mut at = top;
    let mut misses = 0;
    let mut marked = false;
    let marks = Marks::of(flat);
    let is_mark = |e: usize| marks.story(flat, e);
    while let Some(p) = flat.elems[at].parent {
        let (child, parent) = (&flat.elems[chosen], &flat.elems[p]);
        if matches!(parent.tag, Tag::Body | Tag::Html)
            || parent.in_widget
            || link_density(flat, p) >= linked_ok(child.paragraphs, parent.paragraphs)
        {
            break;
        }
        // A pure wrapper, or one that adds mostly prose, is the better cut.
        let wrapper = parent.chars <= child.chars * 11 / 10;
        let more_prose = parent.paragraphs > child.paragraphs * 3 / 2
            || (parent.paragraphs > child.paragraphs * 5 / 4 && link_density(flat, p) < 0.05);
        // The page's own mark of the story: past an <article> or <main>
        // (or a wrapper of one) only a pure wrapper is climbed to.
        marked |= is_mark(chosen);
        if wrapper || (more_prose && !marked) {
            chosen = p;
            misses = 0;
        } else {
            misses += 1;
            if misses > CLIMB_MISSES {
                break;
            }
        }
        at = p;
    }
    Some((chosen, marked || is_mark(chosen)))
}

/// The page's `<article>` and `<main>` elements, for telling whether one
/// of them is the page's own mark of its story.
struct Marks {
    articles: Vec<usize>,
    mains: Vec<usize>,
}

impl Marks {
    fn of(flat: &Flat) -> Self {
        let with = |tag: Tag| -> Vec<usize> {
            (0..flat.elems.len())
                .filter(|&e| flat.elems[e].tag == tag)
                .take(MAX_MARKS + 1)
                .collect()
        };
        Marks {
            articles: with(Tag::Article),
            mains: with(Tag::Main),
        }
    }

    /// Whether `e` is an `<article>` or `<main>` beside which any other of
    /// its kind is small (teasers marked up as articles).
    fn story(&self, flat: &Flat, e: usize) -> bool {
        let same = match flat.elems[e].tag {
            Tag::Article => &self.articles,
            Tag::Main => &self.mains,
            _ => return false,
        };
        let inside = |o: usize, x: usize| (x..=flat.elems[x].last).contains(&o);
        same.len() <= MAX_MARKS
            && same.iter().all(|&o| {
                o == e
                    || inside(o, e)
                    || inside(e, o)
                    || flat.elems[o].chars * MARK_SHARE < flat.elems[e].chars
            })
    }
}

/// A page with more articles than this is a list of them: none marks the story.
const MAX_MARKS: usize = 64;

/// How many times larger the marked story is than any other element of its kind.
const MARK_SHARE: usize = 5;

/// The best element's range, plus siblings that score at least a fifth of it
/// or hold a prose paragraph with few links.
fn with_siblings(flat: &Flat, scores: &[f64], best: usize) -> Vec<(usize, usize)> {
    let mut ranges = vec![(best, flat.elems[best].last)];
    let Some(parent) = flat.elems[best].parent else {
        return ranges;
    };
    let threshold = (scores[best] * 0.2).max(10.0);
    let mut e = parent + 1;
    while e <= flat.elems[parent].last {
        let el = &flat.elems[e];
        if e != best {
            let clean = link_density(flat, e) < 0.2 && !el.in_widget;
            let prose = el.paragraphs >= 1 && el.chars >= 150 && clean;
            let structure = matches!(
                el.tag,
                Tag::H2 | Tag::H3 | Tag::H4 | Tag::Ul | Tag::Ol | Tag::Table | Tag::Blockquote
            ) && clean;
            if scores[e] >= threshold || prose || structure {
                ranges.push((e, el.last));
            }
        }
        e = el.last + 1; // next sibling
    }
    ranges
}

/// Whether `phrase` occurs in `text` as whole words: "subscribe" is in
/// "Subscribe now" but not in "1,193 subscribers".
fn has_phrase(text: &str, phrase: &str) -> bool {
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

fn keep_block(b: &super::dom::Block) -> bool {
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
fn reading_time_in(lower: &str) -> bool {
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

    fn selected(html: &str) -> Vec<String> {
        let page = super::super::parse::parse(html);
        let flat = super::super::dom::flatten(&page);
        select(&flat)
            .into_iter()
            .map(|i| flat.blocks[i].text.clone())
            .collect()
    }

    const STORY: &str = "<p>The foreign ministers met in Geneva on Tuesday, and they agreed, after long and difficult talks, to meet again.</p>\
        <p>Officials said the talks, which lasted six hours, covered trade, security and climate policy.</p>\
        <p>A joint statement, issued late in the evening, called the meeting frank, useful and constructive.</p>\
        <p>Both sides, according to the statement, will send experts, lawyers and envoys to a working group.</p>\
        <p>The next round, expected in May, will take up sanctions, borders, prisoners and the grain trade.</p>";

    const PRAISE: &str = "<div><p>Great people working there who are always kind and quick with us.</p><div>Ann B.</div>\
        <p>The staff and the nurses and the doctors are wonderful and we love it here.</p><div>Bob C.</div>\
        <p>Best service in the valley and always on time for us and our three kids.</p><div>Cy D.</div>\
        <p>We moved here last year and we could not be happier with the care we get.</p><div>Di E.</div></div>";

    #[test]
    fn the_pages_one_article_keeps_its_neighbours_out() {
        let html = format!(
            "<html><body><div><div><main><article>{STORY}</article></main></div>{PRAISE}</div>\
             <div><article><p>Teaser: another story</p></article></div></body></html>"
        );
        let got = selected(&html);
        assert!(
            got.iter()
                .any(|t| t.starts_with("The foreign ministers met")),
            "{got:?}"
        );
        assert!(!got.iter().any(|t| t.contains("staff")), "{got:?}");
        // Without the mark, the prose beside the story is taken in.
        let plain = html.replace("<main>", "<div>").replace("</main>", "</div>");
        let plain = plain
            .replace("<article>", "<div>")
            .replace("</article>", "</div>");
        assert!(selected(&plain).iter().any(|t| t.contains("staff")));
    }

    #[test]
    fn two_large_articles_mark_nothing() {
        let html = format!(
            "<html><body><div><article>{STORY}</article>{PRAISE}</div><article>{STORY}</article></body></html>"
        );
        let page = super::super::parse::parse(&html);
        let flat = super::super::dom::flatten(&page);
        let marks = Marks::of(&flat);
        let articles: Vec<usize> = (0..flat.elems.len())
            .filter(|&e| flat.elems[e].tag == Tag::Article)
            .collect();
        assert_eq!(articles.len(), 2);
        assert!(articles.iter().all(|&e| !marks.story(&flat, e)));
    }

    #[test]
    fn stamps_before_the_lead_go() {
        let got = selected(&format!(
            "<html><body><article><p>March 3, 2025</p><p>By Jane Doe</p><p>5 min read</p>{STORY}\
             <p>By the end of the day, the delegations had left, and the city was quiet again.</p></article></body></html>"
        ));
        // The byline stays for the byline reader; date and reading time go.
        assert_eq!(got.len(), 7, "{got:?}");
        assert_eq!(got[0], "By Jane Doe");
        assert!(got[6].starts_with("By the end"));
        assert!(reading_time_in("12 minute read") && !reading_time_in("read the minutes"));
        assert!(head_stamp("Written by Ann Lee") && !head_stamp("Byzantine art"));
        // Without a paragraph long enough to open the story, nothing is a stamp.
        let short = "<html><body><article><p>March 3, 2025</p><p>The talks resumed in Geneva, both sides said.</p></article></body></html>";
        assert_eq!(selected(short).len(), 2);
    }

    #[test]
    fn the_sign_off_after_the_story_goes() {
        for coda in [
            "<p>Enjoyed this piece? We need your help to keep publishing.</p>",
            "<h3>Written by</h3><p>Jane Doe</p>",
            "<p>Join 2,500+ businesses that get our weekly tips.</p>",
            "<p>Looking for expert advice? Talk to our team.</p>",
            "<p>Jane Doe is a freelance writer who covers diplomacy and trade for several papers.</p>",
        ] {
            let got = selected(&format!(
                "<html><body><article>{STORY}{coda}<p>Unrelated text.</p></article></body></html>"
            ));
            assert_eq!(got.len(), 5, "{coda}: {got:?}");
        }
        // A name opening a sentence in the story is not a bio.
        assert!(!author_bio("Jane Doe said the talks would resume."));
        assert!(author_bio(
            "Angela Holliday-Bell, MD is a board-certified pediatrician."
        ));
        assert!(!call_to_action(
            "joining the talks were envoys from six states."
        ));
    }

    #[test]
    fn page_notices_go() {
        let block = |text: &str| super::super::dom::Block {
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

    #[test]
    fn copyright_lines() {
        assert!(copyright("Copyright © 2025 Example Inc"));
        assert!(copyright("© 2025 Example"));
        assert!(copyright("Copyright 2024 Example News"));
        assert!(copyright(
            "Text © 2023 NPR. All rights reserved. See our terms."
        ));
        assert!(!copyright("Copyright license"));
        assert!(!copyright("Copyright law protects authors"));
    }

    #[test]
    fn trailer_headings_with_counts_and_names() {
        for label in [
            "12 comments",
            "responses (18)",
            "more from example blog",
            "discussion about this post",
            "more articles you might enjoy",
            "was this article helpful?",
        ] {
            assert!(trailer_heading(label), "{label}");
        }
        for label in ["comments on the bill", "12 ways to save", "related article"] {
            assert!(!trailer_heading(label), "{label}");
        }
    }
}
