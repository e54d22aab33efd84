//! Two coded verbs of one sentence where one is a clause of the other
//! ("noted that X regretted ...", "will be hosting Y to celebrate ...",
//! "urged Y to respond ..."): PETRARCH codes one event for the pair, the
//! more specific one. A verb read from a pattern line is more specific than
//! one read only from its block's default code; between two defaults the
//! governing verb is what the sentence reports.

use super::tree::Tree;
use super::tree_coder::Hit;

/// Clause relations that link a verb to the verb above it.
const CLAUSE: &[&str] = &["ccomp", "xcomp", "advcl"];

/// The hits with the less specific verb of each linked pair dropped.
pub(super) fn settle(tree: &Tree, hits: Vec<Hit>) -> Vec<Hit> {
    let coded = |v: usize| hits.iter().find(|h| h.verb == v).map(|h| h.pattern);
    let mut dropped = Vec::new();
    for h in &hits {
        let lower = h.verb;
        let Some(upper) = tree.head(lower) else {
            continue;
        };
        if !CLAUSE.contains(&base(tree.rel(lower))) {
            continue;
        }
        let Some(upper_pattern) = coded(upper) else {
            continue;
        };
        match (upper_pattern, h.pattern) {
            (false, true) => dropped.push(upper),
            (_, false) => dropped.push(lower),
            (true, true) => {}
        }
    }
    hits.into_iter()
        .filter(|h| !dropped.contains(&h.verb))
        .collect()
}

/// `nsubj:pass` → `nsubj`.
fn base(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}
