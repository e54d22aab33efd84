//! A PETRARCH verb dictionary indexed for the parse-based coder
//! ([`super::tree_coder`]): every surface form of every verb to its entries,
//! and each block's patterns with synsets resolved, kept in PETRARCH's own
//! terms (pre-verb and post-verb items, forward and reverse codes, null codes)
//! rather than squeezed into our [`crate::Pattern`].

use std::collections::HashMap;

use super::synsets::Synsets;
use super::verbs::{Codes, Tok, Verb, VerbDictionary};
use crate::error::CodeError;
use crate::patterns::inflect;

/// One element of a compiled PETRARCH pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// Any of these word sequences (lowercase); one literal word is one alternative.
    Words(Vec<Vec<String>>),
    Source,
    Target,
    Skip,
    Compound,
}

/// One pattern line: what stands before and after the verb, and its codes.
#[derive(Debug, Clone, PartialEq)]
pub struct LinePattern {
    /// Before the verb, nearest first.
    pub pre: Vec<Item>,
    pub post: Vec<Item>,
    pub codes: Codes,
    pub line: usize,
}

/// The dictionary ready for lookup.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub file: String,
    pub blocks: Vec<(String, Codes)>,
    pub verbs: Vec<Verb>,
    by_form: HashMap<String, Vec<u32>>,
    patterns: Vec<Vec<LinePattern>>,
}

impl Lexicon {
    pub fn new(dict: &VerbDictionary, problems: &mut Vec<CodeError>) -> Lexicon {
        let synsets = Synsets::new(dict, problems);
        let mut patterns: Vec<Vec<LinePattern>> = vec![Vec::new(); dict.blocks.len()];
        for p in &dict.patterns {
            let at = p.toks.iter().position(|t| *t == Tok::Verb).unwrap_or(0);
            let mut pre = items(&p.toks[..at], &synsets);
            pre.reverse();
            let post = items(&p.toks[at + 1..], &synsets);
            patterns[p.block].push(LinePattern {
                pre,
                post,
                codes: p.codes.clone(),
                line: p.line,
            });
        }
        let irregular =
            crate::patterns::parse_irregular("irregular.txt", crate::patterns::IRREGULAR)
                .unwrap_or_default();
        let mut by_form: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, v) in dict.verbs.iter().enumerate() {
            let lemma = v.lemma.to_lowercase();
            let mut forms = inflect::verb_forms(&lemma);
            forms.extend(v.forms.iter().map(|f| f.to_lowercase()));
            forms.extend(irregular.get(&lemma).into_iter().flatten().cloned());
            forms.sort();
            forms.dedup();
            for f in forms {
                by_form.entry(f).or_default().push(i as u32);
            }
        }
        Lexicon {
            file: dict
                .file
                .rsplit('/')
                .next()
                .unwrap_or(&dict.file)
                .to_string(),
            blocks: dict
                .blocks
                .iter()
                .map(|b| (b.name.clone(), b.codes.clone()))
                .collect(),
            verbs: dict.verbs.clone(),
            by_form,
            patterns,
        }
    }

    /// The verbs whose forms include `form` (lowercase).
    pub fn verbs_at(&self, form: &str) -> impl Iterator<Item = &Verb> {
        self.by_form
            .get(form)
            .into_iter()
            .flatten()
            .map(|&i| &self.verbs[i as usize])
    }

    pub fn patterns_of(&self, verb: &Verb) -> &[LinePattern] {
        &self.patterns[verb.block]
    }

    /// The verb's own code, else its block's.
    pub fn default_codes<'a>(&'a self, verb: &'a Verb) -> &'a Codes {
        verb.codes.as_ref().unwrap_or(&self.blocks[verb.block].1)
    }
}

/// The most word sequences one `{...}` group may expand into.
const MAX_GROUP: usize = 64;

/// Pattern tokens to items: synsets expanded; a `{...}` noun phrase is one
/// item whose words must stand together; other brackets are dropped.
fn items(toks: &[Tok], synsets: &Synsets) -> Vec<Item> {
    let mut out = Vec::new();
    let mut group: Option<Vec<Vec<String>>> = None;
    for t in toks {
        let alts: Vec<Vec<String>> = match t {
            Tok::PhraseOpen => {
                group = Some(vec![Vec::new()]);
                continue;
            }
            Tok::PhraseClose => {
                if let Some(g) = group.take().filter(|g| g.iter().any(|a| !a.is_empty())) {
                    out.push(Item::Words(g));
                }
                continue;
            }
            Tok::Word(w) => vec![vec![w.to_lowercase()]],
            Tok::Synset(name) => synsets
                .members(name)
                .iter()
                .map(|m| m.iter().map(|w| w.to_lowercase()).collect())
                .collect(),
            Tok::Source => {
                out.push(Item::Source);
                continue;
            }
            Tok::Target => {
                out.push(Item::Target);
                continue;
            }
            Tok::Skip => {
                out.push(Item::Skip);
                continue;
            }
            Tok::Compound => {
                out.push(Item::Compound);
                continue;
            }
            Tok::PrepOpen | Tok::PrepClose | Tok::Verb => continue,
        };
        match group.as_mut() {
            Some(g) => *g = product(g, &alts),
            None => out.push(Item::Words(alts)),
        }
    }
    // Where several members match at one place, the longest is the reading.
    for item in &mut out {
        if let Item::Words(alts) = item {
            alts.sort_by_key(|a| std::cmp::Reverse(a.len()));
        }
    }
    out
}

/// Every sequence of `prefixes` followed by one of `alts`, at most [`MAX_GROUP`].
fn product(prefixes: &[Vec<String>], alts: &[Vec<String>]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for p in prefixes {
        for a in alts {
            if out.len() < MAX_GROUP {
                out.push(p.iter().chain(a).cloned().collect());
            }
        }
    }
    out
}
