//! A validation record's sentence as the analysed text the coder reads.
//!
//! The records carry a CoNLL-U parse (UDPipe), the input UD-PETRARCH codes
//! from. Its tokens become ours: the body is the token forms joined by
//! spaces, each token keeps its Penn tag (XPOS), lemma, head and relation
//! (UD v1 names are mapped to v2: `dobj` → `obj`, `nsubjpass` → `nsubj:pass`,
//! a `nmod` with a `case` child → `obl`-like `nmod` kept as is). A record
//! without a parse is split at spaces and punctuation.

use detente_core::{DepRel, PosTag, Sentence, Span, TextAnalysis, Token};

/// The body and its analysis: one sentence.
pub fn analysis(text: &str, parse: Option<&str>) -> (String, TextAnalysis) {
    let rows = parse.map(rows).unwrap_or_default();
    let (body, tokens) = if rows.is_empty() {
        plain(text)
    } else {
        parsed(&rows)
    };
    let sentences = if tokens.is_empty() {
        Vec::new()
    } else {
        vec![Sentence {
            span: tokens[0].span.cover(tokens[tokens.len() - 1].span),
            tokens: (0, tokens.len()),
        }]
    };
    (
        body,
        TextAnalysis {
            sentences,
            tokens,
            entities: Vec::new(),
            times: Vec::new(),
        },
    )
}

/// One CoNLL-U word line: form, lemma, XPOS, head (1-based, 0 = root), relation.
struct Row<'a> {
    form: &'a str,
    lemma: &'a str,
    xpos: &'a str,
    head: Option<usize>,
    rel: &'a str,
}

/// The word lines; comments, multi-word ranges (`1-2`), empty nodes (`1.1`)
/// and malformed lines are left out.
fn rows(parse: &str) -> Vec<Row<'_>> {
    parse
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            if f.len() < 8 || f[0].parse::<usize>().is_err() || f[1].is_empty() {
                return None;
            }
            Some(Row {
                form: f[1],
                lemma: f[2],
                xpos: f[4],
                head: f[6].parse().ok(),
                rel: f[7],
            })
        })
        .collect()
}

fn parsed(rows: &[Row]) -> (String, Vec<Token>) {
    let mut body = String::new();
    let mut tokens = Vec::with_capacity(rows.len());
    for r in rows {
        if !body.is_empty() {
            body.push(' ');
        }
        let start = body.len();
        body.push_str(r.form);
        let mut t = Token::new(Span::new(start, body.len()));
        t.tag = PosTag::parse(r.xpos);
        t.lemma = (r.lemma != "_").then(|| r.lemma.to_lowercase());
        t.head = r
            .head
            .filter(|&h| h > 0 && h <= rows.len())
            .map(|h| (h - 1) as u32);
        t.dep = relation(r.rel);
        tokens.push(t);
    }
    (body, tokens)
}

/// UD v2 relation of a v1 or v2 label.
fn relation(rel: &str) -> Option<DepRel> {
    let v2 = match rel {
        "dobj" => "obj",
        "nsubjpass" => "nsubj:pass",
        "csubjpass" => "csubj:pass",
        "auxpass" => "aux:pass",
        "name" => "flat",
        "mwe" => "fixed",
        "neg" => "advmod",
        r => r,
    };
    DepRel::parse(v2).or_else(|| DepRel::parse(v2.split(':').next().unwrap_or(v2)))
}

/// Tokens at spaces, with punctuation and `'s` apart, for a record without a parse.
fn plain(text: &str) -> (String, Vec<Token>) {
    let mut tokens = Vec::new();
    for (at, word) in text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
    {
        let core_start = word.len()
            - word
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let core_end = word
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .len()
            .max(core_start);
        let mut cuts = vec![0, core_start, core_end, word.len()];
        if let Some(p) = word[..core_end]
            .rfind("'s")
            .filter(|&p| p + 2 == core_end && p > core_start)
        {
            cuts.push(p);
        }
        cuts.sort_unstable();
        cuts.dedup();
        for w in cuts.windows(2) {
            tokens.push(Token::new(Span::new(at + w[0], at + w[1])));
        }
    }
    (text.to_string(), tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_rows_become_tokens() {
        let parse = "1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tGondor\tGondor\tPROPN\tNNP\t_\t2\tdobj\t_\t_\n4-5\tx\n";
        let (body, a) = analysis("ignored", Some(parse));
        assert_eq!(body, "Arnor met Gondor");
        assert_eq!(a.tokens.len(), 3);
        assert_eq!(a.tokens[1].lemma.as_deref(), Some("meet"));
        assert_eq!(a.tokens[0].head, Some(1));
        assert_eq!(a.tokens[1].head, None);
        assert_eq!(a.tokens[2].dep.map(|d| d.as_str()), Some("obj"));
        assert_eq!(a.sentences.len(), 1);
    }

    #[test]
    fn plain_text_is_split_at_punctuation() {
        let (body, a) = analysis("Arnor's army, (briefly) left.", None);
        let words: Vec<&str> = a.tokens.iter().map(|t| t.span.text(&body)).collect();
        assert_eq!(
            words,
            ["Arnor", "'s", "army", ",", "(", "briefly", ")", "left", "."]
        );
        assert!(analysis("", None).1.sentences.is_empty());
    }
}
