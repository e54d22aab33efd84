//! A pass over the raw HTML before parsing: drop what is never read, and cap
//! pathological nesting.
//!
//! Parsing is most of the cost of extraction, and much of a modern page is
//! scripts, styles, inline SVG and comments that the extractor skips anyway.
//! Removing them before the parser sees them roughly halves parse time.
//! JSON-LD scripts are kept: they carry the metadata.
//!
//! The HTML tree builder also checks the stack of open elements on many
//! tags, so a page of 100,000 nested `<div>`s costs it quadratic time. No
//! real page nests deeper than a few hundred elements; past [`MAX_DEPTH`]
//! this pass drops tags (keeping their text), which leaves such a page cheap
//! to parse. The pass is one linear scan.

/// The deepest nesting kept.
pub const MAX_DEPTH: usize = 1_000;

const VOID: [&[u8]; 14] = [
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
    b"source", b"track", b"wbr",
];

/// Elements whose end tag may be left out: pages leave thousands unclosed, and
/// the parser closes them itself, so they do not count as nesting.
const OPTIONAL_END: [&[u8]; 13] = [
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"option",
    b"optgroup",
    b"tr",
    b"td",
    b"th",
    b"thead",
    b"tbody",
    b"tfoot",
    b"colgroup",
];

/// Elements removed whole (JSON-LD scripts excepted).
const DROPPED: [&[u8]; 3] = [b"script", b"style", b"svg"];

/// Elements whose content is raw text: no tags are read inside them.
const RAW: [&[u8]; 2] = [b"textarea", b"title"];

/// `html` without scripts, styles, SVG and comments, and with tags beyond
/// `MAX_DEPTH` removed.
pub fn limit(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut depth = 0usize;
    let mut copied = 0;
    let mut i = 0;
    let cut = |out: &mut String, copied: &mut usize, start: usize, end: usize| {
        out.push_str(&html[*copied..start]);
        *copied = end;
    };
    while let Some(off) = html[i..].find('<') {
        let start = i + off;
        if b[start..].starts_with(b"<!--") {
            let end = html[start + 4..]
                .find("-->")
                .map_or(b.len(), |e| start + 4 + e + 3);
            cut(&mut out, &mut copied, start, end);
            i = end;
            continue;
        }
        let Some(close) = html[start..].find('>') else {
            break;
        };
        let end = start + close + 1;
        let inner = &b[start + 1..end - 1];
        let closing = inner.first() == Some(&b'/');
        let name_start = usize::from(closing);
        let name_len = inner[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
            .count();
        let name = &inner[name_start..name_start + name_len];
        let is = |list: &[&[u8]]| list.iter().any(|n| n.eq_ignore_ascii_case(name));
        i = end;
        if name.is_empty() || inner.first().is_some_and(|c| *c == b'!' || *c == b'?') {
            continue;
        }
        if !closing && is(&DROPPED) && !is_json_ld(inner) {
            let after = close_tag(html, end, name).unwrap_or(b.len());
            cut(&mut out, &mut copied, start, after);
            i = after;
            continue;
        }
        if !closing && (is(&RAW) || is(&DROPPED)) {
            // Raw text (or a kept JSON-LD script): jump to its end tag so a
            // '<' inside is not read as a tag.
            if let Some(after) = close_tag(html, end, name) {
                i = after;
            }
            continue;
        }
        if is(&OPTIONAL_END) || (!closing && (is(&VOID) || inner.ends_with(b"/"))) {
            continue;
        }
        let drop = if closing {
            let deep = depth > MAX_DEPTH;
            depth = depth.saturating_sub(1);
            deep
        } else {
            depth += 1;
            depth > MAX_DEPTH
        };
        if drop {
            cut(&mut out, &mut copied, start, end);
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// `<script type="application/ld+json">`: the one script whose text is read.
fn is_json_ld(tag: &[u8]) -> bool {
    tag.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json"))
}

/// The index just past `</name ...>` at or after `from`, any case.
fn close_tag(html: &str, from: usize, name: &[u8]) -> Option<usize> {
    let b = html.as_bytes();
    let mut at = from;
    while let Some(off) = html[at..].find("</") {
        let s = at + off + 2;
        let matches = b
            .get(s..s + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name));
        if matches {
            let end = html[s..].find('>').map_or(b.len(), |e| s + e + 1);
            return Some(end);
        }
        at = s;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn max_depth(html: &str) -> usize {
        let page = scraper::Html::parse_document(html);
        page.tree
            .root()
            .descendants()
            .map(|n| n.ancestors().count())
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn scripts_styles_and_comments_go_json_ld_stays() {
        let page = "<html><head><script>if (a<b) {}</script><STYLE>p{}</STYLE>\
            <script type=\"application/ld+json\">{\"a\":\"<b>\"}</script></head>\
            <body><p>x<br>y</p><!-- <div> --><svg><path d='M0'/></svg><title>a<b</title></body></html>";
        let out = limit(page);
        assert!(!out.contains("if (a<b)") && !out.contains("p{}") && !out.contains("<!--"));
        assert!(!out.contains("<svg"));
        assert!(out.contains("{\"a\":\"<b>\"}"));
        assert!(out.contains("<p>x<br>y</p>") && out.contains("<title>a<b</title>"));
    }

    #[test]
    fn deep_nesting_cut_keeping_text() {
        let page = format!(
            "{}<p>text</p>{}",
            "<div>".repeat(MAX_DEPTH + 50),
            "</div>".repeat(MAX_DEPTH + 50)
        );
        let cut = limit(&page);
        assert!(max_depth(&cut) <= MAX_DEPTH + 10);
        assert!(cut.contains("text"));
    }

    #[test]
    fn unclosed_script_drops_the_rest_without_panic() {
        assert_eq!(limit("<p>a</p><script>var x = '<p>"), "<p>a</p>");
        assert_eq!(limit("<p>a<"), "<p>a<");
    }
}
