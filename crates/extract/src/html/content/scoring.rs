//! Scoring and the choice of the article's element: prose blocks score
//! their containers, link density scales them down, the best one is
//! climbed to a wrapper that gathers more of the story, the page's own
//! `<article>`/`<main>` mark is honoured, and well-scoring siblings join.

use crate::html::dom::{BlockKind, Flat, Tag};

/// The most commas one block scores for: a list of names or tags, one
/// long run of commas, is not a story.
const MAX_COMMAS: f64 = 10.0;

pub(super) fn score(flat: &Flat) -> Vec<f64> {
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
pub(super) fn best(flat: &Flat, scores: &[f64]) -> Option<(usize, bool)> {
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
pub(super) struct Marks {
    articles: Vec<usize>,
    mains: Vec<usize>,
}

impl Marks {
    pub(super) fn of(flat: &Flat) -> Self {
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
    pub(super) fn story(&self, flat: &Flat, e: usize) -> bool {
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
pub(super) fn with_siblings(flat: &Flat, scores: &[f64], best: usize) -> Vec<(usize, usize)> {
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
