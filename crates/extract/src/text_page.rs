//! Pages saved as plain text: the same cleaning as HTML, by line rules.
//!
//! A browser's "save as text" keeps the page furniture as lines: tickers of
//! other headlines, breadcrumbs, widget labels, and a trailer cut off
//! mid-word. The route through a page is:
//!
//! ```text
//! lines ─▶ dateline? ─▶ headline (the title line before it) ─▶ drop all above
//!       ─▶ paragraphs after it ─▶ drop widget lines and the cut-off trailer
//! ```
//!
//! Without a dateline the headline is the first line that reads like one
//! (not furniture, a few words, no sentence end) followed by prose.

use detente_core::Article;

use crate::dateline::{self, Dateline};
use crate::{lang, text};

/// How many lines from the top a headline or dateline is looked for.
const HEAD_LINES: usize = 40;

/// Clean a plain-text page into an article.
pub fn clean(page: &str) -> Article {
    let lines: Vec<&str> = page.lines().map(|l| l.trim_end_matches('\r')).collect();
    let dated = find_dateline(&lines);
    let title_at = match &dated {
        Some((at, _)) => title_before(&lines, *at),
        None => title_by_shape(&lines),
    };
    let body_from = match (&dated, title_at) {
        (Some((at, d)), _) if d.place.is_none() => at + 1,
        (Some((at, _)), _) => *at,
        (None, Some(t)) => t + 1,
        (None, None) => 0,
    };
    let mut paragraphs = paragraphs(&lines[body_from.min(lines.len())..]);
    // A place-first dateline opens the first paragraph: keep the story, not the slug.
    if let (Some((_, d)), Some(first)) = (&dated, paragraphs.first_mut())
        && d.place.is_some()
        && first.starts_with(&d.text)
    {
        *first = first[d.text.len()..]
            .trim_start_matches(['-', '—', '–', ' '])
            .to_string();
    }
    paragraphs.retain(|p| !is_furniture(p) && !p.is_empty());
    drop_trailer(&mut paragraphs);
    let body = paragraphs.join("\n\n");
    let mut article = Article::from_body(body);
    article.title = title_at.map(|t| text::squash(lines[t]));
    if let Some((_, d)) = dated {
        article.publisher = d.publisher;
        article.date = d.date;
        article.dateline = Some(d.text);
    }
    article.language = lang::guess(&article.body);
    article
}

/// The first line near the top that opens with a dateline.
fn find_dateline(lines: &[&str]) -> Option<(usize, Dateline)> {
    lines
        .iter()
        .take(HEAD_LINES)
        .enumerate()
        .find_map(|(i, l)| Some((i, dateline::parse(l.trim(), None)?)))
}

/// The headline is the nearest line above the dateline that is not furniture.
fn title_before(lines: &[&str], dateline_at: usize) -> Option<usize> {
    (0..dateline_at).rev().find(|&i| {
        let l = lines[i].trim();
        !l.is_empty() && !is_furniture(l) && !is_breadcrumb(l)
    })
}

/// Without a dateline: the first headline-shaped line followed by prose.
fn title_by_shape(lines: &[&str]) -> Option<usize> {
    let head = &lines[..lines.len().min(HEAD_LINES)];
    head.iter().enumerate().position(|(i, l)| {
        let l = l.trim();
        let words = l.split_whitespace().count();
        let prose_follows = head[i + 1..]
            .iter()
            .map(|n| n.trim())
            .find(|n| !n.is_empty())
            .is_some_and(is_prose);
        (4..=30).contains(&words)
            && !is_furniture(l)
            && !is_breadcrumb(l)
            && !l.ends_with(['.', ':', ';', ','])
            && prose_follows
    })
}

/// A line that reads like story text: long, with a sentence end.
fn is_prose(line: &str) -> bool {
    line.split_whitespace().count() >= 12 && line.contains(['.', '!', '?'])
}

/// Lines of page furniture: headline tickers, widget labels, share bars.
pub fn is_furniture(line: &str) -> bool {
    let l = line.trim();
    let lower = l.to_lowercase();
    let separators = l.matches(['•', '|', '·']).count();
    if separators >= 2 && !is_prose(l) {
        return true;
    }
    const WIDGETS: [&str; 12] = [
        "adjust font size",
        "font size:",
        "print this",
        "e-mail this",
        "share this",
        "share on",
        "click here",
        "subscribe to",
        "sign up for",
        "related news",
        "related articles",
        "advertisement",
    ];
    let short = l.split_whitespace().count() <= 8;
    (short
        && WIDGETS
            .iter()
            .any(|w| lower.starts_with(w) || lower.ends_with(w.trim_end_matches(':'))))
        || lower == "print"
        || lower == "share"
        || is_breadcrumb(l)
}

/// "You are here: Home > World", "Home » News » Asia".
fn is_breadcrumb(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    lower.starts_with("you are here")
        || (lower.starts_with("home") && line.contains(['>', '»', '/']) && !is_prose(line))
}

/// Non-blank runs of lines, each joined into one paragraph. A text with no
/// blank lines at all has one paragraph per line.
fn paragraphs(lines: &[&str]) -> Vec<String> {
    let has_blank = lines.iter().any(|l| l.trim().is_empty());
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for l in lines {
        let t = l.trim();
        if (t.is_empty() || !has_blank) && !current.is_empty() {
            out.push(text::squash(&current.join(" ")));
            current.clear();
        }
        if !t.is_empty() {
            current.push(t);
        }
    }
    if !current.is_empty() {
        out.push(text::squash(&current.join(" ")));
    }
    out
}

/// Remove what follows the story: an end mark ("Enditem", "(END)") or a
/// prefix of one cut off by the save ("Endi"), credits ("(Reporting by ...)"),
/// and trailing furniture paragraphs.
fn drop_trailer(paragraphs: &mut Vec<String>) {
    while paragraphs
        .last()
        .is_some_and(|p| is_credit(p) || is_furniture(p) || is_end_mark(p))
    {
        paragraphs.pop();
    }
    if let Some(last) = paragraphs.last_mut() {
        *last = strip_end_mark(last).to_string();
        if last.is_empty() {
            paragraphs.pop();
        }
    }
}

fn is_end_mark(word: &str) -> bool {
    let w = word.trim().trim_matches(['(', ')', '.']);
    let lower = w.to_lowercase();
    (w.len() >= 3 && "enditem".starts_with(&lower) && w.starts_with('E'))
        || w == "END"
        || w == "ENDS"
}

fn is_credit(p: &str) -> bool {
    let lower = p.trim().to_lowercase();
    [
        "(reporting by",
        "(editing by",
        "(writing by",
        "(additional reporting",
        "reporting by ",
    ]
    .iter()
    .any(|c| lower.starts_with(c))
        && p.split_whitespace().count() <= 40
}

/// The paragraph without a trailing end mark word and its credits.
fn strip_end_mark(p: &str) -> &str {
    let mut p = p.trim_end();
    loop {
        if let Some(open) = p.rfind('(')
            && p.ends_with(')')
            && is_credit(&p[open..])
        {
            p = p[..open].trim_end();
            continue;
        }
        match p.rsplit_once(char::is_whitespace) {
            Some((head, last)) if is_end_mark(last) => p = head.trim_end(),
            None if is_end_mark(p) => return "",
            _ => return p,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_first_dateline_and_end_mark() {
        let page = "Home > World\n\nTalks resume in Geneva after long pause\n\nGENEVA, May 3 (Reuters) - Diplomats from both sides met on Tuesday for the first round of talks in a year.\n\nThey agreed to meet again next month, officials said. (Reporting by Ann Example; Editing by Bo Sample)\n";
        let a = clean(page);
        assert_eq!(
            a.title.as_deref(),
            Some("Talks resume in Geneva after long pause")
        );
        assert_eq!(a.publisher.as_deref(), Some("Reuters"));
        assert_eq!(a.dateline.as_deref(), Some("GENEVA, May 3 (Reuters) -"));
        assert!(
            a.body.starts_with("Diplomats from both sides"),
            "{}",
            a.body
        );
        assert!(a.body.ends_with("officials said."), "{}", a.body);
        assert_eq!(a.paragraphs.len(), 2);
    }

    #[test]
    fn no_dateline_title_by_shape() {
        let page = "Menu\nSearch\nMinisters agree on new border crossings\nThe ministers of both countries agreed on Monday to open three new border crossings this year.\nThe decision follows months of talks. ENDS\n";
        let a = clean(page);
        assert_eq!(
            a.title.as_deref(),
            Some("Ministers agree on new border crossings")
        );
        assert!(a.body.starts_with("The ministers"));
        assert!(a.body.ends_with("months of talks."), "{}", a.body);
    }
}
