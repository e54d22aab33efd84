//! Page metadata: title, publisher, date, author, canonical URL, language.
//!
//! Sources are tried from the most to the least deliberate: JSON-LD
//! (`NewsArticle` and kin), then OpenGraph and named `<meta>` tags, then
//! microdata (`itemprop`), then visible markup (`<h1>`, `<time>`, bylines).

use super::tree::{Element, Tree};
use detente_core::Date;
use serde_json::Value;

use crate::dates;
use crate::text::{squash, unescape};

/// What the markup says about the article.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    /// Every title the page states, site name cut off, most deliberate
    /// first: OpenGraph, Twitter, JSON-LD headline, `<title>`.
    pub stated_titles: Vec<String>,
    /// Names the page gives itself: `og:site_name`, the JSON-LD publisher,
    /// and what [`strip_site`] cut off the stated titles.
    pub site_names: Vec<String>,
    pub publisher: Option<String>,
    /// A date the page states as the publication date.
    pub date: Option<Date>,
    /// The publication date OpenGraph states (`article:published_time`),
    /// whatever JSON-LD says.
    pub og_date: Option<Date>,
    /// The date the page says it was last modified.
    pub modified: Option<Date>,
    /// A weaker date (first `<time>` in the page), used only without a better one.
    pub fallback_date: Option<Date>,
    /// `<time>` elements whose text shows one date and whose `datetime`
    /// states another: (shown, stated), the first few.
    pub time_pairs: Vec<(Date, Date)>,
    pub author: Option<String>,
    /// A weaker author: an element whose class names an author, or an
    /// organisation JSON-LD gives as author. Used after visible bylines.
    pub weak_author: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// The page's own summary (OpenGraph or `<meta name=description>`).
    pub description: Option<String>,
}

/// A byline as a reader sees it: "By Ann Example | March 25, 2016",
/// "Written by Ann Example". The name ends at a separator, a date or "Updated".
pub fn visible_byline(text: &str) -> Option<String> {
    if text.len() > 120 {
        return None;
    }
    let lower = text.to_lowercase();
    let prefix = [
        "by ",
        "by: ",
        "written by ",
        "author: ",
        "authors: ",
        "words by ",
        "posted by ",
    ]
    .into_iter()
    .find(|p| lower.starts_with(p))?;
    let rest = &text[prefix.len()..];
    let mut name = Vec::new();
    for word in rest.split_whitespace() {
        let w = word.trim_end_matches([',', '|', '•']);
        if dates::month(w).is_some()
            || matches!(
                w.to_lowercase().as_str(),
                "updated" | "published" | "on" | "|" | "•" | "-" | "—"
            )
        {
            break;
        }
        name.push(w);
        if word.ends_with(['|', '•']) || name.len() >= 8 {
            break;
        }
    }
    let name = clean_author(&name.join(" "));
    let capitalised = name.chars().next().is_some_and(char::is_uppercase);
    (capitalised && name.split_whitespace().count() <= 6).then_some(name)
}

/// The elements metadata is read from, gathered in one walk over the page.
#[derive(Default)]
struct Found<'a> {
    metas: Vec<Element<'a>>,
    title: Option<Element<'a>>,
    h1s: Vec<Element<'a>>,
    /// `<script type="application/ld+json">`.
    linked_data: Vec<Element<'a>>,
    /// `<link rel="canonical">`.
    canonical: Vec<Element<'a>>,
    html: Option<Element<'a>>,
    itemprop_dates: Vec<Element<'a>>,
    itemprop_authors: Vec<Element<'a>>,
    /// `<time datetime>`.
    times: Vec<Element<'a>>,
    /// `rel="author"`, or a class naming an author or byline.
    bylines: Vec<Element<'a>>,
}

impl<'a> Found<'a> {
    fn gather(page: &'a Tree) -> Found<'a> {
        let mut f = Found::default();
        for el in page.elements().filter_map(|id| page.element(id)) {
            match el.name() {
                "meta" => f.metas.push(el),
                "title" if f.title.is_none() => f.title = Some(el),
                "h1" => f.h1s.push(el),
                "script" if el.attr("type") == Some("application/ld+json") => {
                    f.linked_data.push(el)
                }
                "link" if el.attr("rel") == Some("canonical") => f.canonical.push(el),
                "html" if f.html.is_none() => f.html = Some(el),
                "time" if el.attr("datetime").is_some() => f.times.push(el),
                _ => {}
            }
            match el.attr("itemprop") {
                Some("datePublished") => f.itemprop_dates.push(el),
                Some("author") => f.itemprop_authors.push(el),
                _ => {}
            }
            let class = el.attr("class").unwrap_or_default();
            if el.attr("rel") == Some("author")
                || ["author", "Author", "byline"]
                    .iter()
                    .any(|w| class.contains(w))
            {
                f.bylines.push(el);
            }
        }
        f
    }
}

/// Read the metadata of a parsed page.
pub fn read(page: &Tree) -> Meta {
    let found = Found::gather(page);
    let metas = meta_tags(&found);
    let get = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            metas
                .iter()
                .find(|(n, v)| n == k && !v.is_empty())
                .map(|(_, v)| v.clone())
        })
    };
    let ld = json_ld(&found);

    let site = get(&["og:site_name", "application-name", "twitter:site"]).or(ld.publisher.clone());
    let head_title = found.title.map(|t| squash(&t.text()));
    let raw_titles: Vec<String> = [
        get(&["og:title"]),
        get(&["twitter:title"]),
        ld.headline.clone(),
        head_title.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let stated_titles: Vec<String> = raw_titles
        .iter()
        .map(|t| strip_site(t, site.as_deref()))
        .filter(|t| !t.is_empty())
        .collect();
    let site_names: Vec<String> = raw_titles
        .iter()
        .zip(&stated_titles)
        .filter_map(|(raw, head)| raw.strip_prefix(head.as_str()))
        .map(|tail| {
            tail.trim_start_matches([' ', '|', '-', '–', '—', ':', '·', '»'])
                .trim()
                .to_string()
        })
        .chain(site_prefixes(&raw_titles))
        .chain(site.clone())
        .chain(ld.publisher.clone())
        .filter(|s| !s.is_empty())
        .collect();
    let stated = get(&["og:title", "twitter:title"])
        .or(ld.headline.clone())
        .or(head_title.filter(|t| !t.is_empty()));
    let title = title(&found, stated, site.as_deref());

    let og_date =
        get(&["article:published_time", "og:published_time"]).and_then(|v| dates::any(&v));
    let tagged_date = get(&[
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.date",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
        "article.published",
        "originalpublicationdate",
        "published",
        "published-date",
        "published_date",
        "w-published-date",
        "article.created",
        "citation_publication_date",
        "citation_date",
        "dc.date.created",
    ])
    .and_then(|v| dates::any(&v));
    let date = ld
        .date
        .or(og_date)
        .or(tagged_date)
        .or_else(|| itemprop_date(&found));
    let modified = ld.modified.or_else(|| {
        get(&[
            "article:modified_time",
            "og:updated_time",
            "datemodified",
            "modified-time",
            "dc.date.modified",
            "dcterms.modified",
            "last-modified",
            "lastmod",
        ])
        .and_then(|v| dates::any(&v))
    });
    let time_pairs: Vec<(Date, Date)> = found
        .times
        .iter()
        .take(20)
        .filter_map(|t| {
            let stated = t.attr("datetime").and_then(dates::any)?;
            let shown = dates::in_words(&t.text(), None)?;
            (shown != stated).then_some((shown, stated))
        })
        .collect();
    let fallback_date = found
        .times
        .iter()
        .find_map(|t| t.attr("datetime").and_then(dates::any));

    // Scholarly pages list every author in a `citation_author` tag of its
    // own (the Highwire/Google Scholar convention); the list is the byline.
    let cited: Vec<String> = metas
        .iter()
        .filter(|(n, v)| (n == "citation_author" || n == "citation_authors") && !v.is_empty())
        .flat_map(|(_, v)| v.split(';').map(natural_order).collect::<Vec<_>>())
        .filter(|v| !v.is_empty())
        .collect();
    let cited = (!cited.is_empty()).then(|| join_names(cited));
    let author = cited
        .or(ld.author)
        .or_else(|| {
            get(&[
                "author",
                "article:author",
                "parsely-author",
                "sailthru.author",
                "dc.creator",
                "byl",
            ])
            .filter(|a| !a.starts_with("http"))
        })
        .or_else(|| {
            found
                .itemprop_authors
                .iter()
                .find_map(|e| short_text(e, 60))
        })
        .map(|a| clean_author(&a))
        .filter(|a| !a.is_empty());
    let weak_author = found
        .bylines
        .iter()
        .filter(|e| {
            let class = e.attr("class").unwrap_or_default().to_ascii_lowercase();
            !class.contains("comment") && !class.contains("avatar")
        })
        .find_map(|e| {
            // A class hint alone is weak: one word ("Design", "Topic") is a label.
            let whole = short_text(e, 60)?;
            let name = clean_author(&whole);
            if plausible_name(&name) {
                return Some(name);
            }
            // An element holding both name and date ("Dec. 19, 2025 · Ann
            // Example"): the part, or the text node, that is a full name.
            whole
                .split(['·', '|', '•'])
                .chain(e.texts())
                .map(clean_author)
                .find(|t| plausible_name(t) && full_name(t))
        })
        .or(ld.org_author.clone());

    let url = found
        .canonical
        .iter()
        .find_map(|l| l.attr("href").map(str::to_string))
        .or_else(|| get(&["og:url"]))
        .filter(|u| u.starts_with("http"));

    let language = found
        .html
        .and_then(|h| {
            h.attr("lang")
                .or_else(|| h.attr("xml:lang"))
                .map(str::to_string)
        })
        .or_else(|| get(&["content-language", "og:locale", "language"]))
        .and_then(|l| language_code(&l));

    Meta {
        title,
        stated_titles,
        site_names,
        publisher: site.map(|s| squash(&s)),
        date,
        og_date,
        modified,
        fallback_date,
        time_pairs,
        author,
        weak_author,
        url,
        language,
        description: get(&["og:description", "description", "twitter:description"]),
    }
}

/// `(name, content)` of every `<meta>`, the name lowercased from
/// `name`/`property`/`itemprop`/`http-equiv`.
fn meta_tags(found: &Found) -> Vec<(String, String)> {
    found
        .metas
        .iter()
        .filter_map(|el| {
            let name = el
                .attr("property")
                .or(el.attr("name"))
                .or(el.attr("itemprop"))
                .or(el.attr("http-equiv"))?;
            Some((
                name.trim().to_ascii_lowercase(),
                squash(el.attr("content")?),
            ))
        })
        .collect()
}

/// The headline: the `<h1>` when the stated title (OpenGraph, JSON-LD or
/// `<title>`) names it, else the stated title with the " | Site Name" part
/// cut off.
fn title(found: &Found, stated: Option<String>, site: Option<&str>) -> Option<String> {
    let h1s: Vec<String> = found
        .h1s
        .iter()
        .map(|h| squash(&h.text()))
        .filter(|t| t.len() > 3)
        .collect();
    let stated = stated?;
    let stated_lower = stated.to_lowercase();
    if let Some(h1) = h1s
        .iter()
        .find(|h| stated_lower.contains(&h.to_lowercase()) && h.split_whitespace().count() >= 3)
    {
        return Some(h1.clone());
    }
    Some(strip_site(&stated, site))
}

/// "Example Blog: Talks resume" beside a stated "Talks resume": the part
/// before the separator is the site's name.
fn site_prefixes(raw: &[String]) -> Vec<String> {
    const SEPARATORS: [char; 8] = [':', '|', '-', '–', '—', '·', '»', '/'];
    let mut names = Vec::new();
    for long in raw {
        for short in raw {
            let Some(head) = long.strip_suffix(short.as_str()) else {
                continue;
            };
            let head = head.trim_end();
            let Some(name) = head.strip_suffix(SEPARATORS) else {
                continue;
            };
            let name = name.trim();
            if !name.is_empty() && !short.is_empty() && name.split_whitespace().count() <= 5 {
                names.push(name.to_string());
            }
        }
    }
    names
}

/// "Talks resume | Example News" → "Talks resume".
pub fn strip_site(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " » "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()))
                || (tail.split_whitespace().count() <= 4
                    && head.split_whitespace().count() > tail.split_whitespace().count());
            if tail_is_site && !head.trim().is_empty() {
                return strip_site(head.trim(), site);
            }
        }
    }
    title.trim().to_string()
}

fn itemprop_date(found: &Found) -> Option<Date> {
    found.itemprop_dates.iter().find_map(|e| {
        e.attr("content")
            .or(e.attr("datetime"))
            .and_then(dates::any)
            .or_else(|| dates::any(&e.text()))
    })
}

fn short_text(e: &Element, max_words: usize) -> Option<String> {
    // Text nodes of separate elements are separate words ("Ann Example" "Staff").
    let t = squash(&e.texts().collect::<Vec<_>>().join(" "));
    let words = t.split_whitespace().count();
    (words > 0 && words <= max_words / 6).then_some(t)
}

/// "By Jane Doe and John Roe, Staff Writer" → "Jane Doe and John Roe".
pub fn clean_author(a: &str) -> String {
    let mut a = squash(a);
    for prefix in [
        "By: ",
        "by: ",
        "By ",
        "by ",
        "BY ",
        "Written by ",
        "Author: ",
        "Posted by ",
    ] {
        if let Some(rest) = a.strip_prefix(prefix) {
            a = rest.to_string();
        }
    }
    let a = a.split(['|', '\n', '•']).next().unwrap_or("").trim();
    a.trim_matches([',', '.', ';', ':', ' ']).to_string()
}

fn language_code(l: &str) -> Option<String> {
    let code: String = l
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    (code.len() == 2 || code.len() == 3).then_some(code)
}

/// What JSON-LD blocks say about the article.
#[derive(Debug, Default)]
struct LinkedData {
    headline: Option<String>,
    date: Option<Date>,
    modified: Option<Date>,
    author: Option<String>,
    /// An organisation given as author: a last resort after visible bylines.
    org_author: Option<String>,
    publisher: Option<String>,
}

const ARTICLE_TYPES: [&str; 8] = [
    "NewsArticle",
    "Article",
    "BlogPosting",
    "ReportageNews",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "WebPage",
    "Report",
];

fn json_ld(page: &Found) -> LinkedData {
    let mut found = LinkedData::default();
    let mut pages = Vec::new();
    let scripts: Vec<Value> = page
        .linked_data
        .iter()
        .filter_map(|s| serde_json::from_str(s.text().trim()).ok())
        .collect();
    for value in &scripts {
        // Walk iteratively: arrays, @graph and nested objects.
        let mut stack = vec![value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(map) => {
                    if let Some(graph) = map.get("@graph") {
                        stack.push(graph);
                    }
                    if is_article(map.get("@type")) {
                        if map.get("@type").and_then(Value::as_str) == Some("WebPage") {
                            pages.push(map);
                        } else {
                            fill(&mut found, map);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    // The first article object speaks for the page (later ones are
    // teasers of other stories); a plain WebPage only fills gaps.
    for map in pages {
        fill(&mut found, map);
    }
    found
}

fn is_article(t: Option<&Value>) -> bool {
    match t {
        Some(Value::String(s)) => ARTICLE_TYPES.contains(&s.as_str()) || s.ends_with("Article"),
        Some(Value::Array(a)) => a.iter().any(|v| is_article(Some(v))),
        _ => false,
    }
}

/// Take the fields an earlier object left empty.
fn fill(found: &mut LinkedData, map: &serde_json::Map<String, Value>) {
    let date = map
        .get("datePublished")
        .or(map.get("dateCreated"))
        .and_then(Value::as_str)
        .and_then(dates::any);
    let modified = map
        .get("dateModified")
        .and_then(Value::as_str)
        .and_then(dates::any);
    let author = map.get("author").and_then(|a| names(a, false));
    let org_author = map.get("author").and_then(|a| names(a, true));
    let headline = map
        .get("headline")
        .or(map.get("name"))
        .and_then(Value::as_str)
        .map(ld_text);
    let publisher = map.get("publisher").and_then(|p| match p {
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(ld_text),
        Value::String(s) => Some(ld_text(s)),
        _ => None,
    });
    found.date = found.date.or(date);
    found.modified = found.modified.or(modified);
    found.author = found.author.take().or(author);
    found.org_author = found.org_author.take().or(org_author);
    found.headline = found.headline.take().or(headline);
    found.publisher = found.publisher.take().or(publisher);
}

/// Author names from a string, an object with `name`, or a list of either:
/// people, or with `orgs` organisations (which a reader does not see as a byline).
fn names(v: &Value, orgs: bool) -> Option<String> {
    let list: Vec<String> = match v {
        Value::String(s) if !orgs => vec![ld_text(s)],
        Value::Object(o) if is_organisation(o.get("@type")) == orgs => o
            .get("name")
            .and_then(Value::as_str)
            .map(ld_text)
            .into_iter()
            .collect(),
        Value::Array(items) => items.iter().filter_map(|i| names(i, orgs)).collect(),
        _ => vec![],
    };
    let list: Vec<String> = list
        .into_iter()
        .filter(|n| !n.is_empty() && !n.starts_with("http"))
        .collect();
    (!list.is_empty()).then(|| join_names(list))
}

/// "Roy, Aniruddha" → "Aniruddha Roy": a catalogue's name as a byline writes it.
fn natural_order(name: &str) -> String {
    let name = squash(name);
    match name.split_once(", ") {
        Some((family, given)) if !given.contains(',') && !given.is_empty() => {
            format!("{given} {family}")
        }
        _ => name,
    }
}

/// "A, B and C", as a byline writes several names.
fn join_names(mut list: Vec<String>) -> String {
    let Some(last) = list.pop() else {
        return String::new();
    };
    if list.is_empty() {
        last
    } else {
        format!("{} and {last}", list.join(", "))
    }
}

/// A JSON-LD string as text: references decoded, spaces collapsed.
fn ld_text(s: &str) -> String {
    squash(&unescape(s))
}

fn is_organisation(t: Option<&Value>) -> bool {
    match t {
        Some(Value::String(s)) => s.contains("Organization") || s == "Corporation",
        Some(Value::Array(a)) => a.iter().any(|v| is_organisation(Some(v))),
        _ => false,
    }
}

/// Two or more words, each capitalised but for particles ("Marna van der
/// Merwe"): a person's full name rather than a label ("Last update").
fn full_name(t: &str) -> bool {
    const PARTICLES: [&str; 10] = [
        "van", "von", "der", "den", "de", "da", "di", "del", "la", "le",
    ];
    let words: Vec<&str> = t.split_whitespace().collect();
    words.len() >= 2
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || PARTICLES.contains(w))
}

/// Whether a short text reads like a person's or team's name: a few words,
/// capitalised, no digits, no date, not a label.
pub fn plausible_name(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let label = matches!(
        t.to_lowercase().as_str(),
        "author"
            | "authors"
            | "by"
            | "written by"
            | "posted by"
            | "share"
            | "about the author"
            | "admin"
    );
    (1..=6).contains(&words.len())
        && t.len() < 60
        && !label
        && t.chars().next().is_some_and(char::is_uppercase)
        && !t.chars().any(|c| c.is_ascii_digit())
        && !words
            .iter()
            .any(|w| dates::month(w).is_some() && w.len() > 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_from_head_and_ld() {
        let page = super::super::parse::parse(
            r#"<html lang="en-GB"><head><title>Talks resume in Geneva | Example News</title>
            <meta property="og:site_name" content="Example News">
            <link rel="canonical" href="https://news.example.com/2016/03/25/talks">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2016-03-25T09:00:00Z","author":[{"@type":"Person","name":"Ann Example"}]}]}</script>
            </head><body><h1>Talks resume in Geneva</h1></body></html>"#,
        );
        let m = read(&page);
        assert_eq!(m.title.as_deref(), Some("Talks resume in Geneva"));
        assert_eq!(m.publisher.as_deref(), Some("Example News"));
        assert_eq!(m.date, Date::from_ymd_opt(2016, 3, 25));
        assert_eq!(m.author.as_deref(), Some("Ann Example"));
        assert_eq!(
            m.url.as_deref(),
            Some("https://news.example.com/2016/03/25/talks")
        );
        assert_eq!(m.language.as_deref(), Some("en"));
    }

    #[test]
    fn scholarly_authors_all_named() {
        let page = super::super::parse::parse(
            r#"<html><head><meta name="DC.Creator" content="Ann Example">
            <meta name="citation_author" content="Example, Ann">
            <meta name="citation_author" content="Bo Other">
            <meta name="citation_author" content="Cy Third"></head><body></body></html>"#,
        );
        assert_eq!(
            read(&page).author.as_deref(),
            Some("Ann Example, Bo Other and Cy Third")
        );
    }

    #[test]
    fn author_class_holding_a_date_gives_the_name() {
        let page = super::super::parse::parse(
            r#"<html><body><div class="publish-date-author">Dec. 19, 2025 &middot; Ann Example</div>
            <div class="post-author"><p>Bo Other</p><small>December 17, 2025</small></div></body></html>"#,
        );
        assert_eq!(read(&page).weak_author.as_deref(), Some("Ann Example"));
        assert_eq!(
            visible_byline("by: Ziyi Xu, Dec 17, 2025").as_deref(),
            Some("Ziyi Xu")
        );
        assert!(!full_name("Last update"));
    }

    #[test]
    fn site_prefix_and_ld_entities() {
        let page = super::super::parse::parse(
            r#"<html><head><title>Example Blog: Small models</title>
            <meta property="og:title" content="Small models">
            <script type="application/ld+json">{"@type":"Article","headline":"Rates &amp; jobs&#8217; guide"}</script>
            </head><body></body></html>"#,
        );
        let m = read(&page);
        assert!(
            m.site_names.iter().any(|s| s == "Example Blog"),
            "{:?}",
            m.site_names
        );
        assert!(m.stated_titles.iter().any(|t| t == "Rates & jobs’ guide"));
    }

    #[test]
    fn site_suffix_is_cut() {
        assert_eq!(
            strip_site("A long headline about talks - Example Times", None),
            "A long headline about talks"
        );
        assert_eq!(
            strip_site("Peace - at last", Some("Other")),
            "Peace - at last"
        );
    }
}
