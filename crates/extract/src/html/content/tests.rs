//! Tests of the whole selection: the page's own mark of its story, the
//! stamps before it and the sign-off after it.

use super::blocks::reading_time_in;
use super::coda::{author_bio, call_to_action};
use super::scoring::Marks;
use super::stamps::head_stamp;
use super::*;
use crate::html::dom::Tag;

fn selected(html: &str) -> Vec<String> {
    let page = crate::html::parse::parse(html);
    let flat = crate::html::dom::flatten(&page);
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
    let page = crate::html::parse::parse(&html);
    let flat = crate::html::dom::flatten(&page);
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
