//! Reading a PETRARCH validation file (`PETR_Validate_records_2_02.xml`):
//! its `<Environment>` (which dictionaries to load) and its `<Sentence>`
//! records (category, date, id, expected events, text, CoNLL-U parse).
//!
//! The files use a small, regular subset of XML, so a tag scanner is enough:
//! comments are blanked first (keeping line numbers), then each record is
//! cut out between `<Sentence ...>` and `</Sentence>`. An error names the
//! file, the line and what was expected.

use chrono::NaiveDate;

use crate::error::CodeError;

/// The dictionaries a validation file names, relative to its directory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    pub verbs: Option<String>,
    pub actors: Vec<String>,
    pub agents: Option<String>,
    pub discards: Option<String>,
    /// The internal coding ontology (`<PICOfile>`): how negation is coded.
    pub pico: Option<String>,
    /// The categories the file says are meant to be evaluated.
    pub include: Vec<String>,
}

/// One expected event: CAMEO code, source and target codes as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Expected {
    pub code: String,
    pub source: String,
    pub target: String,
}

/// One `<Sentence>` record.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: String,
    pub category: String,
    pub date: Option<NaiveDate>,
    /// `evaluate="false"` marks records kept only as a crash test.
    pub evaluate: bool,
    pub expected: Vec<Expected>,
    pub text: String,
    /// The CoNLL-U parse, where given.
    pub parse: Option<String>,
    /// The line of `<Sentence` in the file.
    pub line: usize,
}

/// The environment and records of one validation file.
pub fn read(file: &str, xml: &str) -> Result<(Environment, Vec<Record>), CodeError> {
    let xml = blank_comments(xml);
    let env = environment(&xml);
    let mut records = Vec::new();
    let mut from = 0;
    while let Some(k) = xml[from..].find("<Sentence ") {
        let start = from + k;
        let line = line_at(&xml, start);
        let err = |m: &str| CodeError::line(file, line, m);
        let close = xml[start..]
            .find("</Sentence>")
            .ok_or_else(|| err("expected `</Sentence>` closing this record"))?;
        let body = &xml[start..start + close];
        let head_end = body
            .find('>')
            .ok_or_else(|| err("expected `>` ending the <Sentence> tag"))?;
        records.push(record(&body[..head_end], &body[head_end + 1..], line).map_err(|m| err(&m))?);
        from = start + close + "</Sentence>".len();
    }
    Ok((env, records))
}

/// `<!-- ... -->` replaced by spaces, newlines kept so lines still count.
fn blank_comments(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(k) = rest.find("<!--") {
        out.push_str(&rest[..k]);
        let end = rest[k..].find("-->").map_or(rest.len(), |e| k + e + 3);
        out.extend(
            rest[k..end]
                .chars()
                .map(|c| if c == '\n' { '\n' } else { ' ' }),
        );
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn line_at(text: &str, offset: usize) -> usize {
    text[..offset].bytes().filter(|&b| b == b'\n').count() + 1
}

fn environment(xml: &str) -> Environment {
    let one = |tag: &str| element(xml, tag).map(|s| s.trim().to_string());
    let mut actors = Vec::new();
    let mut from = 0;
    while let Some((text, end)) = element_from(xml, "Actorfile", from) {
        actors.extend(
            text.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
        );
        from = end;
    }
    Environment {
        verbs: one("Verbfile"),
        actors,
        agents: one("Agentfile"),
        discards: one("Discardfile"),
        pico: one("PICOfile"),
        include: one("Include")
            .map(|s| s.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default(),
    }
}

fn element<'a>(xml: &'a str, tag: &str) -> Option<&'a str> {
    element_from(xml, tag, 0).map(|(t, _)| t)
}

/// The text of the first `<tag>...</tag>` at or after `from`, and its end.
fn element_from<'a>(xml: &'a str, tag: &str, from: usize) -> Option<(&'a str, usize)> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let s = from + xml.get(from..)?.find(&open)? + open.len();
    let e = s + xml[s..].find(&close)?;
    Some((&xml[s..e], e + close.len()))
}

/// `name="value"` pairs of a tag.
fn attributes(tag: &str) -> Vec<(&str, String)> {
    let mut out = Vec::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq]
            .rsplit(|c: char| c.is_whitespace() || c == '<')
            .next()
            .unwrap_or("");
        let v = &rest[eq + 2..];
        let Some(end) = v.find('"') else { break };
        out.push((name, unescape(&v[..end])));
        rest = &v[end + 1..];
    }
    out
}

fn attr(attrs: &[(&str, String)], name: &str) -> Option<String> {
    attrs
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.clone())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn record(head: &str, body: &str, line: usize) -> Result<Record, String> {
    let attrs = attributes(head);
    let id = attr(&attrs, "id").ok_or("expected an id=\"...\" attribute on <Sentence>")?;
    let date = match attr(&attrs, "date") {
        Some(d) => Some(
            NaiveDate::parse_from_str(&d, "%Y%m%d")
                .map_err(|_| format!("expected date=\"YYYYMMDD\", found {d:?}"))?,
        ),
        None => None,
    };
    let text = element(body, "Text").ok_or("expected a <Text> element in the record")?;
    Ok(Record {
        id,
        category: attr(&attrs, "category").unwrap_or_default(),
        date,
        evaluate: attr(&attrs, "evaluate").is_none_or(|e| e != "false"),
        expected: expected(body)?,
        text: unescape(&text.split_whitespace().collect::<Vec<_>>().join(" ")),
        parse: element(body, "Parse").map(str::to_string),
        line,
    })
}

fn expected(body: &str) -> Result<Vec<Expected>, String> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(k) = rest.find("<EventCoding") {
        let end = rest[k..]
            .find('>')
            .ok_or("expected `>` ending an <EventCoding> tag")?;
        let attrs = attributes(&rest[k..k + end]);
        if let Some(code) = attr(&attrs, "eventcode") {
            let side = |n: &str| {
                attr(&attrs, n).ok_or_else(|| format!("expected {n}=\"...\" on <EventCoding>"))
            };
            out.push(Expected {
                code,
                source: side("sourcecode")?,
                target: side("targetcode")?,
            });
        }
        rest = &rest[k + end..];
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<Validation>
<Environment>
    <Verbfile>verbs.txt</Verbfile>
    <Actorfile>a1.txt, a2.txt</Actorfile>
    <Include>DEMO ACTOR</Include>
</Environment>
<!-- <Sentence id="commented"> </Sentence> -->
<Sentence category="DEMO" date="19950101" id="D-1" evaluate="true">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<Text>
Arnor met
 Gondor &amp; friends.
</Text>
<Parse>
1	Arnor	Arnor	PROPN	NNP	_	2	nsubj	_	_
</Parse></Sentence>
<Sentence category="X" id="D-2" evaluate="false">
<EventCoding noevents="True" />
<Text>Nothing.</Text>
</Sentence>
"#;

    #[test]
    fn reads_environment_and_records() {
        let (env, recs) = read("v.xml", SAMPLE).unwrap();
        assert_eq!(env.verbs.as_deref(), Some("verbs.txt"));
        assert_eq!(env.actors, ["a1.txt", "a2.txt"]);
        assert_eq!(env.include, ["DEMO", "ACTOR"]);
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].id, "D-1");
        assert_eq!(recs[0].line, 8);
        assert_eq!(recs[0].text, "Arnor met Gondor & friends.");
        assert_eq!(recs[0].expected[0].target, "GON");
        assert!(recs[0].parse.as_ref().unwrap().contains("nsubj"));
        assert!(!recs[1].evaluate && recs[1].expected.is_empty() && recs[1].date.is_none());
    }

    #[test]
    fn errors_name_the_line() {
        let bad = "<Sentence id=\"a\" date=\"1995\">\n<Text>x</Text></Sentence>";
        let e = read("v.xml", bad).unwrap_err().to_string();
        assert!(e.starts_with("v.xml:1: expected date=\"YYYYMMDD\""), "{e}");
        let e = read("v.xml", "\n<Sentence id=\"a\">")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("v.xml:2: expected `</Sentence>`"), "{e}");
    }
}
