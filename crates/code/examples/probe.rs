//! Codes a sentence given on the command line and prints tokens, mentions and events (a debugging aid).
use std::sync::Arc;

use detente_core::stage::{Analyzer, Coder};

fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let mut article = detente_core::Article::from_body(text.clone());
    article.date = chrono::NaiveDate::from_ymd_opt(2016, 3, 25);
    let ta = detente_analyze::RuleAnalyzer::new().analyze(&article);
    let k = Arc::new(detente_knowledge::Knowledge::embedded().expect("knowledge"));
    let toks: Vec<String> = ta
        .tokens
        .iter()
        .map(|t| {
            format!(
                "{}/{}",
                t.span.text(&text),
                t.tag.map(|g| g.as_str()).unwrap_or("-")
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
