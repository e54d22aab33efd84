//! Which text is the article's title.
//!
//! A page names its story several times: the visible `<h1>` (sometimes more
//! than one), OpenGraph and Twitter titles, a JSON-LD headline, and
//! `<title>` with " | Site Name" on the end. The headline a reader sees
//! just above the story is the title, unless another `<h1>` agrees clearly
//! better with the stated titles (blogs put their own name in an `<h1>`
//! above the post's) or it is the site's name; with no agreeing `<h1>`, the
//! stated title itself. When the visible headline
//! and a stated title are the same words, the stated spelling is kept:
//! publishers type their metadata, while page typography may turn ' into ’.

use detente_core::score::f1;

/// Lowercase words, typographic apostrophes folded, for comparing titles.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '‘')))
        .filter(|w| !w.is_empty())
        .map(|w| w.replace(['’', '‘'], "'").to_lowercase())
        .collect()
}

/// A title as typed: lowercase, quote marks folded, spaces collapsed.
fn typed(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .to_lowercase()
}

/// Whether `a`'s words all appear in `b`, in the same order.
fn in_order(a: &[String], b: &[String]) -> bool {
    let mut rest = b.iter();
    a.iter().all(|w| rest.any(|x| x == w))
}

/// Share of `a`'s words found in `b`.
fn support(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    a.iter().filter(|w| b.contains(w)).count() as f64 / a.len() as f64
}

/// What the page states about its title and its own name.
pub struct Stated<'a> {
    /// Stated titles, site name cut off, most deliberate first.
    pub titles: &'a [String],
    /// Names the site gives itself.
    pub site_names: &'a [String],
}

impl Stated<'_> {
    fn is_site_name(&self, text: &str) -> bool {
        let w = words(text);
        self.site_names.iter().any(|s| words(s) == w)
            // A headline no stated title shares a word with, that one of
            // them carries as its tail, is the site's name as well.
            || (w.len() <= 4 && self.titles.iter().all(|t| support(&w, &words(t)) == 0.0) && !self.titles.is_empty())
    }

    /// How well `text` agrees with the best-matching stated title: the F1 of
    /// their word overlap.
    fn agreement(&self, text: &str) -> f64 {
        let w = words(text);
        if w.len() < 2 {
            return 0.0;
        }
        self.titles
            .iter()
            .map(|t| {
                let t = words(t);
                f1(support(&w, &t), support(&t, &w))
            })
            .fold(0.0, f64::max)
    }

    /// `text`, or the stated title that differs from it only in letter
    /// case and quote marks (page typography); where punctuation differs
    /// otherwise ("vs." for "vs", a colon for a dash), the reader's text.
    fn spelled(&self, text: &str) -> String {
        let w = typed(text);
        let same = self.titles.iter().find(|t| typed(t) == w);
        // A headline in capitals is typography; a stated title of nearly
        // the same words, in the same order, gives its real case.
        let shouting = || {
            let letters = || text.chars().filter(|c| c.is_alphabetic());
            letters().count() >= 8 && letters().all(char::is_uppercase)
        };
        let cased = || {
            let h = words(text);
            self.titles.iter().find(|t| {
                let t = words(t);
                support(&h, &t) >= 0.8 && (in_order(&t, &h) || in_order(&h, &t))
            })
        };
        // The most deliberate stated title may say a little more than the
        // headline ("8 Recent Trends" for "Recent Trends", a year): the
        // fuller one.
        let fuller = || {
            // A leading article is style, not content ("The Beginner's Guide").
            let mut h = words(text);
            if h.first()
                .is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an"))
            {
                h.remove(0);
            }
            self.titles.first().filter(|t| {
                let t = words(t);
                (1..=MORE).contains(&t.len().saturating_sub(h.len())) && in_order(&h, &t)
            })
        };
        fuller()
            .or(same)
            .or_else(|| cased().filter(|_| shouting()))
            .cloned()
            .unwrap_or_else(|| text.to_string())
    }
}

/// How many more words a stated title may have than the headline it is
/// preferred to.
const MORE: usize = 3;

/// The most words a headline has; more is a lede.
const LONGEST: usize = 30;

/// Below this agreement with every stated title, a visible headline is
/// not taken for the title.
const UNRELATED: f64 = 0.2;

/// The title from the best-placed visible headline, the other `<h1>`s in
/// page order, and what the page states.
pub fn choose(best: Option<&str>, others: &[&str], stated: &Stated) -> Option<String> {
    let scored: Vec<(&str, f64)> = best
        .into_iter()
        .chain(others.iter().copied())
        .filter(|h| !stated.is_site_name(h))
        .map(|h| (h, stated.agreement(h)))
        .collect();
    let top = scored.iter().map(|s| s.1).fold(0.0, f64::max);
    // A headline that shares almost no words with any stated title is a
    // lede, a promo or a section heading, not the story's title; so is
    // one of paragraph length.
    let unrelated = |h: &str| {
        !stated.titles.is_empty()
            && (stated.agreement(h) < UNRELATED || h.split_whitespace().count() > LONGEST)
    };
    let placed = scored
        .first()
        .filter(|(h, a)| Some(*h) == best && *a >= top - 0.15 && !unrelated(h));
    let agreeing = || scored.iter().find(|(_, a)| *a >= 0.5 && *a >= top);
    if let Some((h, _)) = placed.or_else(agreeing) {
        return Some(stated.spelled(h));
    }
    match best.filter(|h| !stated.is_site_name(h) && !unrelated(h)) {
        Some(h) => Some(h.to_string()),
        None => stated.titles.first().cloned().or(best.map(str::to_string)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn visible_headline_wins_in_the_stated_spelling() {
        let titles = s(&["Here's how talks went"]);
        let stated = Stated {
            titles: &titles,
            site_names: &[],
        };
        assert_eq!(
            choose(Some("Talks resume in Geneva"), &[], &stated).as_deref(),
            Some("Talks resume in Geneva")
        );
        assert_eq!(
            choose(Some("Here’s how talks went"), &[], &stated).as_deref(),
            Some("Here's how talks went")
        );
    }

    #[test]
    fn headline_against_stated_titles() {
        let titles = s(&["Best Drip Coffee Makers 2026: Tips From Pros"]);
        let stated = Stated {
            titles: &titles,
            site_names: &[],
        };
        // Capitals are typography: the stated case.
        assert_eq!(
            choose(
                Some("BEST DRIP COFFEE MAKERS IN 2026: TIPS FROM PROS"),
                &[],
                &stated
            )
            .as_deref(),
            Some("Best Drip Coffee Makers 2026: Tips From Pros")
        );
        // Punctuation the reader sees wins over the stated spelling.
        let titles = s(&["Group classes vs private lessons"]);
        let stated = Stated {
            titles: &titles,
            site_names: &[],
        };
        assert_eq!(
            choose(Some("Group classes vs. private lessons"), &[], &stated).as_deref(),
            Some("Group classes vs. private lessons")
        );
        // A promo in the <h1>, sharing nothing with the stated title.
        let titles = s(&["How inference is shaping the enterprise"]);
        let stated = Stated {
            titles: &titles,
            site_names: &[],
        };
        assert_eq!(
            choose(Some("A message from our founder"), &[], &stated).as_deref(),
            Some("How inference is shaping the enterprise")
        );
        // The stated title that says a little more.
        let titles = s(&["8 Recent Trends in Photography"]);
        let stated = Stated {
            titles: &titles,
            site_names: &[],
        };
        assert_eq!(
            choose(Some("Recent Trends in Photography"), &[], &stated).as_deref(),
            Some("8 Recent Trends in Photography")
        );
    }

    #[test]
    fn a_site_name_headline_gives_way() {
        let titles = s(&["Defer, Panic, and Recover"]);
        let names = s(&["The Go Blog"]);
        let stated = Stated {
            titles: &titles,
            site_names: &names,
        };
        assert_eq!(
            choose(Some("The Go Blog"), &[], &stated).as_deref(),
            Some("Defer, Panic, and Recover")
        );
        assert_eq!(
            choose(
                Some("The Go Blog"),
                &["Defer, Panic, and Recover in Go"],
                &stated
            )
            .as_deref(),
            Some("Defer, Panic, and Recover in Go")
        );
        let none = Stated {
            titles: &[],
            site_names: &[],
        };
        assert_eq!(
            choose(Some("Only a headline"), &[], &none).as_deref(),
            Some("Only a headline")
        );
    }
}
