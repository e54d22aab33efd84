//! The parser's rules, each on a small page, and its behaviour on bad input.

use proptest::prelude::*;

use super::*;
use crate::html::tree::Edge;

/// The tree as markup: elements with their attributes, texts as they are.
fn show(tree: &Tree, id: NodeId) -> String {
    let mut out = String::new();
    for edge in tree.walk(id) {
        match edge {
            Edge::Open(n) => {
                if let Some(name) = tree.name(n) {
                    out.push('<');
                    out.push_str(name);
                    for (k, v) in tree.attrs(n) {
                        out.push_str(&format!(" {k}=\"{v}\""));
                    }
                    out.push('>');
                } else if let Some(t) = tree.text(n) {
                    out.push_str(t);
                }
            }
            Edge::Close(n) => {
                if let Some(name) = tree.name(n)
                    && !tags::Tag::of(name.as_bytes()).is_void()
                {
                    out.push_str(&format!("</{name}>"));
                }
            }
        }
    }
    out
}

/// The element named `name` (the first).
fn find(tree: &Tree, name: &str) -> Option<NodeId> {
    tree.elements().find(|&n| tree.name(n) == Some(name))
}

/// What the body of `html` parses to, as markup without the `<body>`
/// (every attribute kept).
fn body(html: &str) -> String {
    let tree = parse_all(html);
    let body = find(&tree, "body").expect("a body");
    let all = show(&tree, body);
    all["<body>".len()..all.len() - "</body>".len()].to_string()
}

/// The head, as markup.
fn head(html: &str) -> String {
    let tree = parse_all(html);
    show(&tree, find(&tree, "head").expect("a head"))
}

#[test]
fn implied_html_head_and_body() {
    let tree = parse_all("<title>T</title><meta charset=utf-8><p>Hi");
    assert_eq!(
        show(&tree, tree.root()),
        "<html><head><title>T</title><meta charset=\"utf-8\"></head><body><p>Hi</p></body></html>"
    );
    let tree = parse("just text");
    assert_eq!(
        show(&tree, tree.root()),
        "<html><head></head><body>just text</body></html>"
    );
    let tree = parse("");
    assert_eq!(
        show(&tree, tree.root()),
        "<html><head></head><body></body></html>"
    );
}

#[test]
fn explicit_outline_and_repeated_html_body() {
    let page = "<!DOCTYPE html><html lang=en><head><title>T</title></head>\n<body class=b><p>x</p><body id=2><html>y</body></html>z";
    let tree = parse(page);
    assert_eq!(
        show(&tree, tree.root()),
        "<html lang=\"en\"><head><title>T</title></head><body class=\"b\" id=\"2\"><p>x</p>yz</body></html>"
    );
}

#[test]
fn head_elements_after_the_head_still_go_there() {
    assert_eq!(
        head("<head></head><meta name=a content=b><p>x"),
        "<head><meta name=\"a\" content=\"b\"></head>"
    );
    assert_eq!(body("<head></head><meta name=a><p>x"), "<p>x</p>");
    let page = "<head></head> <script type=application/ld+json>{}</script><title>T</title>\
        <template><p>t</template><p>x";
    assert_eq!(
        head(page),
        "<head><script type=\"application/ld+json\">{}</script><title>T</title>\
         <template><p>t</p></template></head>"
    );
    assert_eq!(body(page), "<p>x</p>");
    // In the body, they stay where they are.
    assert_eq!(body("<p>x<meta name=a>y"), "<p>x<meta name=\"a\">y</p>");
}

#[test]
fn void_elements_have_no_children() {
    assert_eq!(
        body("<p>a<br>b<img src=x>c<hr>d<input>e</br>f<image src=y>"),
        "<p>a<br>b<img src=\"x\">c</p><hr>d<input>e<br>f<img src=\"y\">"
    );
}

#[test]
fn paragraphs_close_implicitly() {
    assert_eq!(body("<p>a<p>b<div>c</div>"), "<p>a</p><p>b</p><div>c</div>");
    assert_eq!(body("<p>a<ul><li>b</ul>"), "<p>a</p><ul><li>b</li></ul>");
    assert_eq!(body("<p>a<h2>b</h2>c"), "<p>a</p><h2>b</h2>c");
    // Inline elements do not close a paragraph.
    assert_eq!(
        body("<p>a<span>b</span><em>c"),
        "<p>a<span>b</span><em>c</em></p>"
    );
    // A button is a scope boundary for the check.
    assert_eq!(
        body("<p><button><div>x"),
        "<p><button><div>x</div></button></p>"
    );
    // A stray </p> is ignored.
    assert_eq!(body("a</p>b"), "ab");
}

#[test]
fn table_closes_p_only_in_standards_mode() {
    assert_eq!(
        body("<!DOCTYPE html><p>a<table><tr><td>b</table>"),
        "<p>a</p><table><tbody><tr><td>b</td></tr></tbody></table>"
    );
    assert_eq!(
        body("<p>a<table><tr><td>b</table>c"),
        "<p>a<table><tbody><tr><td>b</td></tr></tbody></table>c</p>"
    );
}

#[test]
fn list_items_and_definitions() {
    assert_eq!(
        body("<ul><li>a<li>b<ul><li>c<li>d</ul><li>e</ul>"),
        "<ul><li>a</li><li>b<ul><li>c</li><li>d</li></ul></li><li>e</li></ul>"
    );
    assert_eq!(
        body("<dl><dt>a<dd>b<dt>c<dd>d</dl>"),
        "<dl><dt>a</dt><dd>b</dd><dt>c</dt><dd>d</dd></dl>"
    );
    assert_eq!(body("<li>a<div>b<li>c"), "<li>a<div>b</div></li><li>c</li>");
    assert_eq!(
        body("<select><option>a<option>b</select>"),
        "<select><option>a</option><option>b</option></select>"
    );
}

#[test]
fn forms_do_not_nest_and_close_alone() {
    assert_eq!(
        body("<form id=a><form id=b><div>x</form>y</div>z"),
        "<form id=\"a\"><div>xy</div></form>z"
    );
    assert_eq!(body("</form>a<form>b</form>c"), "a<form>b</form>c");
}

#[test]
fn headings_close_headings() {
    assert_eq!(body("<h1>a<h2>b</h2>"), "<h1>a</h1><h2>b</h2>");
    assert_eq!(body("<h1>a</h2>b"), "<h1>a</h1>b");
    assert_eq!(
        body("<h1><span>a<h2>b"),
        "<h1><span>a<h2>b</h2></span></h1>"
    );
}

#[test]
fn table_parts_imply_and_close() {
    assert_eq!(
        body("<table><tr><td>a<td>b<tr><th>c</table>"),
        "<table><tbody><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></tbody></table>"
    );
    assert_eq!(
        body("<table><thead><tr><td>a<tbody><td>b</table>"),
        "<table><thead><tr><td>a</td></tr></thead><tbody><tr><td>b</td></tr></tbody></table>"
    );
    // A cell closes what is open inside the previous one.
    assert_eq!(
        body("<table><tr><td><div><p>a<td>b</table>"),
        "<table><tbody><tr><td><div><p>a</p></div></td><td>b</td></tr></tbody></table>"
    );
    // Nested tables keep their own cells.
    assert_eq!(
        body("<table><tr><td><table><tr><td>a</table>b<td>c</table>"),
        "<table><tbody><tr><td><table><tbody><tr><td>a</td></tr></tbody></table>b</td><td>c</td></tr></tbody></table>"
    );
    // Outside a table, cells are ignored.
    assert_eq!(body("<td>a<tr>b"), "ab");
}

#[test]
fn end_tags_respect_scope() {
    // A stray </div> in a cell does not close the cell or the table.
    assert_eq!(
        body("<div><table><tr><td>a</div>b</table>c</div>d"),
        "<div><table><tbody><tr><td>ab</td></tr></tbody></table>c</div>d"
    );
    // An end tag with nothing to close is ignored.
    assert_eq!(body("<div>a</section>b</div>"), "<div>ab</div>");
    assert_eq!(body("<div><span>a</div>b"), "<div><span>a</span></div>b");
}

#[test]
fn inline_end_tags_stop_at_blocks() {
    // Misnested formatting: pop to the match.
    assert_eq!(body("<b><i>a</b>c</i>d"), "<b><i>a</i></b>cd");
    // An inline end tag does not close past a block (HTML5 keeps `y` in p).
    assert_eq!(body("<b><p>x</b>y</p>z"), "<b><p>xy</p>z</b>");
    assert_eq!(
        body("<custom-el><span>a</custom-el>b"),
        "<custom-el><span>a</span></custom-el>b"
    );
}

#[test]
fn links_do_not_nest() {
    assert_eq!(
        body("<a href=1>a<a href=2>b</a>"),
        "<a href=\"1\">a</a><a href=\"2\">b</a>"
    );
    assert_eq!(
        body("<a href=1><div><a href=2>b</a></div></a>"),
        "<a href=\"1\"><div><a href=\"2\">b</a></div></a>"
    );
}

#[test]
fn attributes_in_every_quoting_style() {
    let tree = parse_all(
        "<div ID=\"a b\" Class='c \"d\"' data-x=e/f hidden title=a&amp;b&lt; \
         rel = 'r' id=dup style=\"x:y\"x=1 / >",
    );
    let div = find(&tree, "div").unwrap();
    let attrs: Vec<(&str, &str)> = tree.attrs(div).collect();
    assert_eq!(
        attrs,
        [
            ("id", "a b"),
            ("class", "c \"d\""),
            ("data-x", "e/f"),
            ("hidden", ""),
            ("title", "a&b<"),
            ("rel", "r"),
            ("style", "x:y"),
            ("x", "1"),
        ]
    );
    let tree = parse("<a href=\"?a=1&copy=2&amp;b\">x</a>");
    let a = find(&tree, "a").unwrap();
    assert_eq!(tree.attr(a, "href"), Some("?a=1&copy=2&b"));
}

#[test]
fn only_attributes_extraction_reads_are_kept() {
    let page = "<div id=a CLASS=b data-x=1 src=x.png role=main style=s hidden aria-hidden=true>\
        <meta property=og:title content=T name=n itemprop=i http-equiv=h charset=utf-8>\
        <a href=/x rel=author title=t lang=en xml:lang=en>x</a><time datetime=2024 type=t>";
    let tree = parse(page);
    let names: Vec<&str> = tree
        .elements()
        .flat_map(|n| tree.attrs(n).map(|(k, _)| k))
        .collect();
    assert_eq!(
        names,
        [
            "id",
            "class",
            "role",
            "style",
            "hidden",
            "aria-hidden",
            "property",
            "content",
            "name",
            "itemprop",
            "http-equiv",
            "href",
            "rel",
            "lang",
            "xml:lang",
            "datetime",
            "type"
        ]
    );
    let all = parse_all(page);
    assert_eq!(
        all.elements().flat_map(|n| all.attrs(n)).count(),
        names.len() + 4
    );
}

#[test]
fn names_lowercased_and_self_closing() {
    assert_eq!(body("<DIV CLASS=x>a</Div>b"), "<div class=\"x\">a</div>b");
    // `/>` is ignored on HTML elements...
    assert_eq!(body("<div/>a</div>b"), "<div>a</div>b");
    // ...and closes SVG, which is dropped.
    assert_eq!(body("<svg/>a<svg><svg></svg>b</svg>c"), "ac");
}

#[test]
fn text_references_decoded() {
    assert_eq!(
        body("<p>Fish &amp; chips &mdash; &#8220;quoted&#x201D; &copy 2024 &bogus;"),
        "<p>Fish & chips — “quoted” © 2024 &bogus;</p>"
    );
    assert_eq!(body("<p>&#x80;&#150;&#0;"), "<p>€–\u{fffd}</p>");
}

#[test]
fn scripts_styles_svg_dropped_json_ld_kept() {
    let page = "<head><script>var a = '<p>no</p>';</script><style>p{}</style>\
        <script type=\"application/ld+json\">{\"headline\":\"a<b>&amp;\"}</script></head>\
        <body><p>x<script>if (a<b) {}</script>y<svg><text>no</text></svg>z</p>";
    let tree = parse(page);
    assert_eq!(
        show(&tree, find(&tree, "head").unwrap()),
        "<head><script type=\"application/ld+json\">{\"headline\":\"a<b>&amp;\"}</script></head>"
    );
    assert_eq!(body(page), "<p>xyz</p>");
    // The old way of hiding markup in scripts.
    assert_eq!(
        body("<p>a<script><!-- document.write('<script>x()</script>'); --></script>b"),
        "<p>ab</p>"
    );
    // No closing tag: the rest of the page is script.
    assert_eq!(body("<p>a<script>b<p>c"), "<p>a</p>");
}

#[test]
fn svg_left_open_ends_where_html_resumes() {
    // Nested SVG counts; `<a>` and `<title>` inside it are SVG elements.
    assert_eq!(
        body("<p>a<svg><svg><a><title>t</title></a></svg><text>no</text></svg>b"),
        "<p>ab</p>"
    );
    // An HTML start tag, or an end tag of an element open outside, ends it.
    assert_eq!(
        body("<div><svg><path d=x/></div><p>a<svg><g>x<span>b</span></p>"),
        "<div></div><p>a<span>b</span></p>"
    );
    // HTML inside <desc> or <foreignObject> stays in the SVG.
    assert_eq!(
        body("<svg><desc><p>x</p></desc><foreignObject><div>y</div></foreignObject></svg>z"),
        "z"
    );
    assert_eq!(
        body("<a href=1><svg><path/></a>b<svg></svg>c"),
        "<a href=\"1\"></a>bc"
    );
}

#[test]
fn raw_text_elements() {
    assert_eq!(
        head("<title>a <b> &amp; c</title>"),
        "<head><title>a <b> & c</title></head>"
    );
    assert_eq!(
        body("<textarea><p>a &lt;</textarea><noscript><img src=x></noscript><iframe><p>f</iframe>"),
        "<textarea><p>a <</textarea><noscript><img src=x></noscript><iframe><p>f</iframe>"
    );
    assert_eq!(body("<xmp><b>&amp;</xmp>"), "<xmp><b>&amp;</xmp>");
    assert_eq!(
        body("<plaintext><p>a</plaintext>"),
        "<plaintext><p>a</plaintext></plaintext>"
    );
    assert_eq!(body("<p>a</title>b"), "<p>ab</p>");
}

#[test]
fn comments_doctype_and_processing_instructions_dropped() {
    assert_eq!(
        body(
            "<!DOCTYPE html><?xml version=\"1.0\"?><p>a<!-- <p>b --->c<!---->d<!-->e<![CDATA[x]]>f"
        ),
        "<p>acdef</p>"
    );
    assert_eq!(body("<p>a<!-- never closed <p>b"), "<p>a</p>");
    assert_eq!(body("<p>a<!x>b<!>c</>d"), "<p>abcd</p>");
}

#[test]
fn stray_angle_brackets_are_text() {
    assert_eq!(body("<p>1 < 2 > 0 <3 <-a <"), "<p>1 < 2 > 0 <3 <-a <</p>");
    assert_eq!(body("a</"), "a</");
    assert_eq!(body("a</ b>c"), "ac");
}

#[test]
fn cut_off_tags_are_dropped() {
    assert_eq!(body("<p>a<div class=\"x"), "<p>a</p>");
    assert_eq!(body("<p>a<div class=x"), "<p>a</p>");
    assert_eq!(body("<p>a</div"), "<p>a</p>");
    assert_eq!(body("<p>a<title>b"), "<p>a<title>b</title></p>");
}

#[test]
fn nul_and_control_characters() {
    assert_eq!(
        body("<p>a\0b\x01c<d\0iv x=\"\0\">"),
        "<p>ab\x01c<d\0iv x=\"\u{fffd}\"></d\0iv></p>"
    );
}

#[test]
fn deep_nesting_is_capped() {
    let n = 100_000;
    let page = format!("{}text{}", "<div>".repeat(n), "</div>".repeat(n));
    let tree = parse(&page);
    assert!(tree.len() < MAX_DEPTH + 10);
    assert_eq!(tree.texts(tree.root()).collect::<Vec<_>>(), ["text"]);
    let deepest = tree
        .descendants(tree.root())
        .map(|mut n| {
            let mut d = 0;
            while let Some(p) = tree.parent(n) {
                (n, d) = (p, d + 1);
            }
            d
        })
        .max();
    assert!(deepest.is_some_and(|d| d <= MAX_DEPTH + 1));

    // Unclosed inline elements and stray end tags, deep.
    let page = format!("{}{}", "<span><i>".repeat(n), "</b></li></td>x".repeat(n));
    let tree = parse(&page);
    assert!(depth(&tree) <= MAX_DEPTH + 1);
    assert_eq!(tree.texts(tree.root()).count(), 1);
}

/// The deepest nesting in the tree.
fn depth(tree: &Tree) -> usize {
    let mut deepest = 0;
    let mut d = 0usize;
    for edge in tree.walk(tree.root()) {
        match edge {
            Edge::Open(_) => {
                d += 1;
                deepest = deepest.max(d);
            }
            Edge::Close(_) => d -= 1,
        }
    }
    deepest - 1
}

#[test]
fn adversarial_tag_soups_stay_capped() {
    let n = 100_000;
    let deep = "<div>".repeat(MAX_DEPTH);
    let spans = "<span>".repeat(MAX_DEPTH);
    for page in [
        format!("{deep}{}", "<li>x".repeat(n)),
        format!("{deep}{}", "<td>x<tr>".repeat(n)),
        format!("<table>{deep}{}", "<td>x".repeat(n)),
        format!("<i><div>{spans}{}", "</i>x".repeat(n)),
        format!("<p><object>{spans}{}", "</p><p>x".repeat(n)),
        format!("{spans}{}", "<a>x<h1>y".repeat(n)),
        "<svg><p>x".repeat(n),
        "<form><table><td><form>".repeat(n),
    ] {
        let tree = parse(&page);
        assert!(tree.len() > 1);
        assert!(
            depth(&tree) <= MAX_DEPTH + 2,
            "{}",
            &page[page.len() - 40..]
        );
    }
}

#[test]
fn many_implied_ends_stay_flat() {
    // 20 MB of unclosed paragraphs: each closes the one before (HTML5's
    // implied end tag), so the tree stays shallow.
    let n = 5_000_000;
    let tree = parse(&"<p>x".repeat(n));
    assert_eq!(tree.len(), 1 + 3 + 2 * n);
    assert_eq!(depth(&tree), 4);
}

#[test]
fn bad_inputs_do_not_panic() {
    for page in [
        "",
        "<",
        ">",
        "&",
        "&#",
        "&#x",
        "</",
        "<!",
        "<!-",
        "<!--",
        "<!---",
        "<?",
        "<a",
        "<a ",
        "<a b",
        "<a b=",
        "<a b='",
        "<a b=\"x",
        "<a/",
        "<script",
        "<script>",
        "<script><!--",
        "<script><!--<script>",
        "<style>a",
        "<svg><svg",
        "<title>",
        "<textarea>&",
        "<table><td><tr><tbody><caption><td><colgroup><col><th>",
        "<select><option><optgroup><option>",
        "<template><p>a</template>",
        "<head><template><div>a</div></template></head>b",
        "&#xFFFFFFFF;&#0;&#55296;&#x110000;&#1114111;",
        "\0\x01\x02\u{fffd}<\0>",
        "<!DOCTYPE",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">",
        "<p>é<b>漢字</b>😀&eacute",
    ] {
        let tree = parse(page);
        assert!(find(&tree, "body").is_some(), "{page:?}");
    }
}

#[test]
fn huge_page_linear_memory() {
    // 100 MB of markup: the tree is about the size of the page.
    let unit = "<div class=a><p>word &amp; word</p></div>\n";
    let page = unit.repeat(100_000_000 / unit.len());
    let tree = parse(&page);
    assert!(tree.len() > 4_000_000);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_markup_never_panics(s in "([<>/=\"'&#;a-zA-Z ]|!--|script|td|tr|p|li|svg|amp|x2|table){0,200}") {
        let tree = parse(&s);
        // Every text node's text came from the input or a reference.
        prop_assert!(tree.len() >= 4);
    }

    #[test]
    fn any_string_never_panics(s in "\\PC{0,300}") {
        let _ = parse(&s);
    }
}

/// The differential check itself: it must see structure that differs.
#[test]
fn comparison_with_html5ever_sees_differences() {
    use compare::{blocks, difference, html5ever_blocks};
    let page = "<b><p>x</b>y</p>";
    let theirs = |strict| html5ever_blocks(&scraper::Html::parse_document(page), strict);
    let ours = |strict| blocks(&parse(page), strict);
    // Both put "x" and "y" in the p...
    assert_eq!(ours(false), theirs(false));
    // ...but only html5ever moves the <b> inside it.
    assert_ne!(ours(true), theirs(true));
    assert!(difference(&ours(true), &theirs(true)).0 > 0);
    let page = "<div id=a class=b><p>one<p>two</div><table><tr><td>three</table>";
    let theirs = html5ever_blocks(&scraper::Html::parse_document(page), true);
    assert_eq!(blocks(&parse(page), true), theirs);
    assert_eq!(theirs[0].0, ">html>body>div#a.b>p");
}

/// The shared benchmark pages, decompressed, if they are there.
fn shared_pages() -> Option<Vec<String>> {
    use std::io::Read;
    let shared = crate::eval::shared_dir();
    let mut files = Vec::new();
    for dir in ["aeb/html", "wcxb-dev/html"] {
        let entries = std::fs::read_dir(shared.join(dir)).ok()?;
        files.extend(entries.flatten().map(|e| e.path()));
    }
    files.retain(|p| p.to_string_lossy().ends_with(".html.gz"));
    files.sort();
    let pages = files.iter().map(|path| {
        let mut bytes = Vec::new();
        let file = std::fs::File::open(path).expect("page");
        flate2::read::MultiGzDecoder::new(file)
            .read_to_end(&mut bytes)
            .expect("gzip");
        String::from_utf8_lossy(&bytes).into_owned()
    });
    Some(pages.collect())
}

/// Against html5ever on the real pages:
/// the same text in the same blocks on nearly every page.
#[test]
fn same_text_blocks_as_html5ever_on_real_pages() {
    let Some(pages) = shared_pages() else {
        println!("skipping: ../shared not found");
        return;
    };
    let identical = pages
        .iter()
        .filter(|page| {
            let theirs = scraper::Html::parse_document(page);
            compare::blocks(&parse(page), false) == compare::html5ever_blocks(&theirs, false)
        })
        .count();
    println!("{identical} of {} pages identical", pages.len());
    assert!(
        identical * 100 >= pages.len() * 98,
        "{identical} of {} pages identical",
        pages.len()
    );
}
