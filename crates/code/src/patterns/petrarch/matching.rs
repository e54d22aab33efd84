//! Matching one PETRARCH pattern line against a verb of a parsed sentence.
//!
//! After the verb, the pattern's words must appear in order among the
//! words of the verb's clause, other words may stand between; a `{...}`
//! phrase or a multi-word synset member must stand together, adjectives
//! and joined nouns of its noun phrase aside. Before the
//! verb, words are matched nearest first. `+` and `$` take the next actor
//! mention; `^` makes the next slot pass over one actor ("IFTAR (IN ^) +":
//! the place, then the target); `%` needs a compound subject. Verb forms
//! are matched as written (a misspelt verb is no verb), pattern words also
//! by lemma and regular plural.

use super::lexicon::{Item, LinePattern};
use super::phrases::{Sent, actor_at, same_mention};
use super::tree::Tree;
use super::verbs::Verb;

/// What a pattern's slots picked, as token indices.
#[derive(Default)]
pub struct Slots {
    /// Pattern words matched (a synset member counts its words).
    pub words: usize,
    pub source: Option<usize>,
    pub target: Option<usize>,
    pub target_before: bool,
    pub compound: bool,
}

/// Whether the words of a multi-word verb stand around token `i`.
pub fn particles_fit(t: &Tree, i: usize, v: &Verb) -> bool {
    let before_ok = v.before.len() <= i
        && v.before
            .iter()
            .rev()
            .enumerate()
            .all(|(k, w)| t.words[i - 1 - k] == w.to_lowercase());
    let after_ok = v.after.iter().enumerate().all(|(k, w)| {
        t.words
            .get(i + 1 + k)
            .is_some_and(|x| *x == w.to_lowercase())
    });
    before_ok && after_ok
}

/// A token stands for a pattern word: same form, same lemma, or a plural.
fn word_is(t: &Tree, x: usize, w: &str) -> bool {
    let f = t.words[x].as_str();
    f == w
        || t.lemma(x) == Some(w)
        || f.strip_suffix('s')
            .is_some_and(|s| s == w || s.strip_suffix('e') == Some(w))
        || (w.ends_with('y') && f.strip_suffix("ies") == w.strip_suffix('y'))
}

/// How many positions of `order` one alternative word sequence takes from
/// `j`: its words stand together, save for adjectives and joined nouns
/// between them, which stay inside the same noun phrase ("NEW ...
/// RELATIONS" reads "new global economic relations", "DEATH ... TOLL"
/// "death and injury toll").
fn seq_at(t: &Tree, order: &[usize], j: usize, alt: &[String]) -> Option<usize> {
    let mut at = j;
    for (k, w) in alt.iter().enumerate() {
        if k > 0 {
            while order
                .get(at)
                .is_some_and(|&x| matches!(t.rel(x), "amod" | "conj") && !word_is(t, x, w))
            {
                at += 1;
            }
        }
        if !order.get(at).is_some_and(|&x| word_is(t, x, w)) {
            return None;
        }
        at += 1;
    }
    Some(at - j)
}

/// The words of the verb's subject phrase before it, nearest first, without
/// coordinators and punctuation.
fn subject_words(s: &Sent, v: usize) -> Vec<usize> {
    let t = &s.tree;
    let Some((x, _)) = t.subject(v) else {
        return Vec::new();
    };
    let mut words: Vec<usize> = t
        .subtree(x, |c| matches!(t.rel(c), "cc" | "cc:preconj" | "punct"))
        .into_iter()
        .filter(|&y| y < v)
        .collect();
    words.reverse();
    words
}

/// The position in `after` just past the next actor mention from `k`.
fn past_actor(s: &Sent, after: &[usize], k: usize) -> usize {
    let Some(j) = (k..after.len()).find(|&j| actor_at(s, after[j]).is_some()) else {
        return k;
    };
    let mut k = j + 1;
    while k < after.len() && same_mention(s, after[k], after[j]) {
        k += 1;
    }
    k
}

/// `%` matches only where the subject is a compound: `Some(true)`, else `None`.
fn compound_subject(s: &Sent, v: usize) -> Option<bool> {
    let (x, _) = s.tree.subject(v)?;
    s.tree.is_compound(x).then_some(true)
}

/// The pattern's slots if it matches verb `v` with its clause words `after`.
pub fn match_pattern(s: &Sent, p: &LinePattern, v: usize, after: &[usize]) -> Option<Slots> {
    let mut slots = Slots::default();
    let mut k = 0;
    // `^` is a phrase passed over: words may be skipped anyway, so it only
    // matters right before a slot, which then takes the actor after the
    // next one ("IFTAR (IN ^) +": not the place, the actor after it).
    let mut skip = false;
    for item in &p.post {
        match item {
            Item::Words(alts) => {
                let (j, span, len) = (k..after.len()).find_map(|j| {
                    alts.iter()
                        .filter(|a| !a.is_empty())
                        .find_map(|a| seq_at(&s.tree, after, j, a).map(|n| (j, n, a.len())))
                })?;
                k = j + span;
                slots.words += len;
                skip = false;
            }
            Item::Target | Item::Source => {
                if std::mem::take(&mut skip) {
                    k = past_actor(s, after, k);
                }
                let j = (k..after.len()).find(|&j| actor_at(s, after[j]).is_some())?;
                let x = after[j];
                if *item == Item::Target {
                    slots.target = Some(x);
                } else {
                    slots.source = Some(x);
                }
                k = j + 1;
                while k < after.len() && same_mention(s, after[k], x) {
                    k += 1;
                }
            }
            Item::Compound => slots.compound = compound_subject(s, v)?,
            Item::Skip => skip = true,
        }
    }
    // Before the verb: the words of the subject, nearest first (multi-word
    // alternatives read backwards). Adverbs of the verb and function words
    // of the subject ("heavily criticized", "neither ... nor") are not
    // pattern words, as the reference coder reads them.
    let before = subject_words(s, v);
    let mut k = 0;
    for item in &p.pre {
        match item {
            Item::Words(alts) => {
                let (j, span, len) = (k..before.len()).find_map(|j| {
                    alts.iter().filter(|a| !a.is_empty()).find_map(|a| {
                        let rev: Vec<String> = a.iter().rev().cloned().collect();
                        seq_at(&s.tree, &before, j, &rev).map(|n| (j, n, a.len()))
                    })
                })?;
                k = j + span;
                slots.words += len;
            }
            Item::Target | Item::Source => {
                let j = (k..before.len()).find(|&j| actor_at(s, before[j]).is_some())?;
                if *item == Item::Target {
                    slots.target_before = true;
                } else {
                    slots.source = Some(before[j]);
                }
                k = j + 1;
            }
            Item::Compound => slots.compound = compound_subject(s, v)?,
            Item::Skip => {}
        }
    }
    Some(slots)
}
