//! Codes a sentence given on the command line and prints tokens, mentions and events (a debugging aid).
use std::sync::Arc;

use detente_core::stage::{Analyzer, Coder};

fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let mut article = detente_core::Article::from_body(text.clone());
    // DETENTE_DATE=YYYY-MM-DD: the article date (default 2016-03-25).
    article.date = std::env::var("DETENTE_DATE")
        .ok()
        .and_then(|d| d.parse().ok())
        .or(chrono::NaiveDate::from_ymd_opt(2016, 3, 25));
    // DETENTE_TRAINED=1: the trained tagger, parser and entity models.
    let analyzer = if std::env::var_os("DETENTE_TRAINED").is_some() {
        detente_analyze::RuleAnalyzer::trained().expect("embedded models load")
    } else {
        detente_analyze::RuleAnalyzer::new()
    };
    let ta = analyzer.analyze(&article);
    let k = Arc::new(detente_knowledge::Knowledge::embedded().expect("knowledge"));
    let toks: Vec<String> = ta
        .tokens
        .iter()
        .map(|t| {
            format!(
                "{}/{}/{}>{}",
                t.span.text(&text),
                t.tag.map(|g| g.as_str()).unwrap_or("-"),
                t.dep.map(|d| d.as_str().to_string()).unwrap_or("-".into()),
                t.head.map(|h| h.to_string()).unwrap_or("-".into())
            )
        })
        .collect();
    println!("{}", toks.join(" "));
    for e in &ta.entities {
        println!("entity {:?} {:?} {:?}", e.text, e.kind, e.actor);
    }
    for m in k.actors.find(&text, article.date) {
        println!("match {:?} {:?} {}", m.span.text(&text), m.kind, m.code);
    }
    for m in detente_code::mentions::mentions(&text, &ta, &k.actors, article.date) {
        println!(
            "mention {:?} {:?} {:?}",
            m.span.text(&text),
            m.actor,
            m.kind
        );
    }
    let c = detente_code::EventCoder::new(k).code(&article, &ta);
    for e in c.events {
        println!(
            "event {:?} {} {:?} | {} | {} {:?}",
            e.source.actor, e.code, e.target.actor, e.evidence, e.rule, e.modality
        );
    }
}
