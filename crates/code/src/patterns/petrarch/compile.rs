//! From a read PETRARCH verb dictionary to our compiled [`Patterns`].
//!
//! Every verb of a block gets the block's patterns (PETRARCH-2 treats a
//! block as one synonym set), plus its bare transitive form with the verb's
//! or the block's code. A PETRARCH pattern becomes one of ours like this:
//!
//! - the words right before `*` must stand right before the verb, and so
//!   must the contents of a phrase or a synset there (`{SUICIDE BOMBER} *`,
//!   `&MILITARY *`); `%` there makes the pattern `mutual` (one event each
//!   way between compound actors); a word or synset before `$`, `%` or `^`
//!   cannot be stated and the line is skipped, never coded without it;
//! - after `*`, words and the contents of `(...)` and `{...}` are literal
//!   words, `+` is the target slot, `$` the source slot, `^` a gap;
//!   a pattern with no `+` takes its target after its last element, where
//!   PETRARCH takes the verb's object;
//! - a synset stands for its members: one-word members become alternatives
//!   of one word, longer members separate patterns (at most
//!   [`MAX_VARIANTS`] per line);
//! - the forward code is the event code (the reverse event of `[F:R]` is
//!   the parse-based coder's, [`super::tree_coder`]); a null code (`---`), a
//!   reverse-only code, or a `+` before the verb cannot be expressed and the line is
//!   counted as skipped. A code that is not a CAMEO code the codebook
//!   knows is a problem (file, line) and the line is skipped.

use std::collections::{HashMap, HashSet};

use detente_core::CameoCode;

use super::synsets::Synsets;
use super::verbs::{Codes, Tok, Verb, VerbDictionary, VerbPattern};
use crate::error::CodeError;
use crate::patterns::{AnchorKind, Element, Pattern, Patterns};

/// The most patterns one dictionary line may expand into.
pub const MAX_VARIANTS: usize = 32;

/// What compiling left out, for the report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Skipped {
    /// Lines with a null or reverse-only code.
    pub null_code: usize,
    /// Lines whose target stands before the verb.
    pub target_before_verb: usize,
    /// Lines with a word or synset before their source (`DESPITE $ *`), or
    /// an unknown synset right before the verb: conditions our patterns
    /// cannot state.
    pub unstated_before: usize,
}

/// One pattern before it is attached to each verb of its block.
struct Shape {
    before: Vec<Vec<String>>,
    after: Vec<Element>,
    mutual: bool,
}

/// Compiles `dict`; `known` says which CAMEO codes the codebook has.
pub fn compile(
    dict: &VerbDictionary,
    known: impl Fn(CameoCode) -> bool,
) -> (Patterns, Skipped, Vec<CodeError>) {
    let mut problems = Vec::new();
    let synsets = Synsets::new(dict, &mut problems);
    let mut out = empty_patterns();
    let mut skipped = Skipped::default();
    let mut seen_lines: HashMap<(usize, &[Tok], &Codes), usize> = HashMap::new();
    let mut seen = HashSet::new();
    let irregular = forms_by_lemma(dict);
    let err = |line: usize, m: String| CodeError::line(&dict.file, line, m);
    for p in &dict.patterns {
        if let Some(first) = seen_lines.insert((p.block, &p.toks, &p.codes), p.line) {
            problems.push(err(
                p.line,
                format!("duplicate pattern, first given at line {first}"),
            ));
            continue;
        }
        let Some(code) = code_of(
            &p.codes,
            p.line,
            &dict.file,
            &known,
            &mut skipped,
            &mut problems,
        ) else {
            continue;
        };
        let shapes = match shapes(p, &synsets) {
            Ok(s) => s,
            Err(Unsupported::TargetBeforeVerb) => {
                skipped.target_before_verb += 1;
                continue;
            }
            Err(Unsupported::Before) => {
                skipped.unstated_before += 1;
                continue;
            }
        };
        for verb in dict.verbs.iter().filter(|v| v.block == p.block) {
            for shape in &shapes {
                let pattern = attach(dict, verb, shape, code, p.line);
                if seen.insert(key(&pattern)) {
                    out.add(pattern, &irregular);
                }
            }
        }
    }
    for verb in &dict.verbs {
        let block = &dict.blocks[verb.block];
        let codes = verb.codes.as_ref().unwrap_or(&block.codes);
        let Some(code) = code_of(
            codes,
            verb.line,
            &dict.file,
            &known,
            &mut skipped,
            &mut problems,
        ) else {
            continue;
        };
        let bare = Shape {
            before: Vec::new(),
            after: vec![Element::Target],
            mutual: false,
        };
        let pattern = attach(dict, verb, &bare, code, verb.line);
        if seen.insert(key(&pattern)) {
            out.add(pattern, &irregular);
        }
    }
    (out, skipped, problems)
}

fn empty_patterns() -> Patterns {
    let mut p = Patterns {
        patterns: Vec::new(),
        index: HashMap::new(),
        participles: HashSet::new(),
    };
    if let Ok(irr) = super::super::parse_irregular("irregular.txt", super::super::IRREGULAR) {
        p.participles
            .extend(irr.into_values().filter_map(|f| f.get(1).cloned()));
    }
    p
}

/// The irregular forms each lemma lists, lowercase; with our own irregular
/// verbs added so that a dictionary without forms still finds "met".
fn forms_by_lemma(dict: &VerbDictionary) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> =
        super::super::parse_irregular("irregular.txt", super::super::IRREGULAR).unwrap_or_default();
    for v in &dict.verbs {
        let forms = out.entry(v.lemma.to_lowercase()).or_default();
        forms.extend(v.forms.iter().map(|f| f.to_lowercase()));
    }
    out
}

fn key(p: &Pattern) -> (CameoCode, String, String, String, bool) {
    (
        p.code,
        p.anchor.clone(),
        format!("{:?}", p.before),
        format!("{:?}", p.after),
        p.mutual,
    )
}

/// The forward code, checked; `None` (counted or reported) where there is none.
fn code_of(
    codes: &Codes,
    line: usize,
    file: &str,
    known: &impl Fn(CameoCode) -> bool,
    skipped: &mut Skipped,
    problems: &mut Vec<CodeError>,
) -> Option<CameoCode> {
    let Some(raw) = codes.forward.as_deref() else {
        skipped.null_code += 1;
        return None;
    };
    match CameoCode::parse(raw) {
        Ok(c) if known(c) => Some(c),
        _ => {
            problems.push(CodeError::line(
                file,
                line,
                format!("unknown CAMEO code {raw:?}: expected a code of the codebook"),
            ));
            None
        }
    }
}

/// Why a pattern line cannot become one of ours.
enum Unsupported {
    TargetBeforeVerb,
    /// A condition before the verb our `before` words cannot state.
    Before,
}

/// The shapes one pattern line expands into.
fn shapes(p: &VerbPattern, synsets: &Synsets) -> Result<Vec<Shape>, Unsupported> {
    let at = p.toks.iter().position(|t| *t == Tok::Verb).unwrap_or(0);
    let (pre, post) = (&p.toks[..at], &p.toks[at + 1..]);
    if pre.contains(&Tok::Target) {
        return Err(Unsupported::TargetBeforeVerb);
    }
    let mutual = pre.contains(&Tok::Compound) || post.contains(&Tok::Compound);
    let befores = before_verb(pre, synsets)?;
    let mut variants: Vec<Vec<Element>> = vec![Vec::new()];
    for t in post {
        let alts: Vec<Vec<Element>> = match t {
            Tok::Word(w) => vec![vec![Element::Word(vec![w.to_lowercase()])]],
            Tok::Synset(name) => synset_elements(synsets.members(name)),
            Tok::Target => vec![vec![Element::Target]],
            Tok::Source => vec![vec![Element::Source]],
            Tok::Skip => vec![vec![Element::Gap]],
            _ => continue,
        };
        variants = extend(&variants, &alts);
    }
    let mut out = Vec::new();
    for before in &befores {
        for after in &variants {
            if out.len() < MAX_VARIANTS {
                out.push(finish(before.clone(), after.clone(), mutual));
            }
        }
    }
    Ok(out)
}

/// The words that must stand right before the verb, one list per variant:
/// literal words, the contents of a phrase that ends at the verb
/// (`{SUICIDE BOMBER} *`, `(IN) *`) and synsets (`&MILITARY *`: its
/// one-word members as alternatives, each longer member a variant). The
/// run ends at `$`, `%` or `^`; a word or synset beyond them is a
/// condition our patterns cannot state, and the line is unsupported rather
/// than coded without it.
fn before_verb(pre: &[Tok], synsets: &Synsets) -> Result<Vec<Vec<Vec<String>>>, Unsupported> {
    let run = pre
        .iter()
        .rev()
        .take_while(|t| !matches!(t, Tok::Source | Tok::Compound | Tok::Skip | Tok::Target))
        .count();
    let (rest, run) = pre.split_at(pre.len() - run);
    if rest
        .iter()
        .any(|t| matches!(t, Tok::Word(_) | Tok::Synset(_)))
    {
        return Err(Unsupported::Before);
    }
    let mut variants: Vec<Vec<Vec<String>>> = vec![Vec::new()];
    for t in run {
        let alts: Vec<Vec<Vec<String>>> = match t {
            Tok::Word(w) => vec![vec![vec![w.to_lowercase()]]],
            Tok::Synset(name) => synset_elements(synsets.members(name))
                .into_iter()
                .map(|es| {
                    es.into_iter()
                        .filter_map(|e| match e {
                            Element::Word(alts) => Some(alts),
                            _ => None,
                        })
                        .collect()
                })
                .collect(),
            _ => continue,
        };
        if alts.is_empty() {
            // An empty or unknown synset: nothing can stand there.
            return Err(Unsupported::Before);
        }
        variants = extend(&variants, &alts);
    }
    Ok(variants)
}

/// One-word members as one word with alternatives; each longer member apart.
fn synset_elements(members: &[Vec<String>]) -> Vec<Vec<Element>> {
    let single: Vec<String> = members
        .iter()
        .filter(|m| m.len() == 1)
        .map(|m| m[0].to_lowercase())
        .collect();
    let mut out = Vec::new();
    if !single.is_empty() {
        out.push(vec![Element::Word(single)]);
    }
    for m in members.iter().filter(|m| m.len() > 1) {
        out.push(
            m.iter()
                .map(|w| Element::Word(vec![w.to_lowercase()]))
                .collect(),
        );
    }
    out
}

/// Makes the element list one our matcher accepts: gaps only before
/// something, one target (added at the end where PETRARCH would take the
/// object), at most one source.
fn finish(before: Vec<Vec<String>>, after: Vec<Element>, mutual: bool) -> Shape {
    let mut out: Vec<Element> = Vec::with_capacity(after.len() + 1);
    let (mut target, mut source) = (false, false);
    for e in after {
        match e {
            Element::Gap if matches!(out.last(), Some(Element::Gap)) => continue,
            Element::Target if target => continue,
            Element::Source if source => continue,
            Element::Target => target = true,
            Element::Source => source = true,
            _ => {}
        }
        out.push(e);
    }
    let mutual = mutual && !target;
    if !target && !mutual {
        // Not after a gap: measured on the validation records, a target
        // anywhere later finds few more events and codes many extra ones.
        out.push(Element::Target);
    }
    while matches!(out.last(), Some(Element::Gap)) {
        out.pop();
    }
    Shape {
        before,
        after: out,
        mutual,
    }
}

/// A shape on one verb: the verb's own particles around its anchor.
fn attach(
    dict: &VerbDictionary,
    verb: &Verb,
    shape: &Shape,
    code: CameoCode,
    line: usize,
) -> Pattern {
    let lower =
        |ws: &[String]| -> Vec<Vec<String>> { ws.iter().map(|w| vec![w.to_lowercase()]).collect() };
    let mut before = shape.before.clone();
    before.extend(lower(&verb.before));
    let mut after: Vec<Element> = lower(&verb.after).into_iter().map(Element::Word).collect();
    after.extend(shape.after.iter().cloned());
    let label = label(&dict.blocks[verb.block].name);
    let file = dict.file.rsplit('/').next().unwrap_or(&dict.file);
    Pattern {
        code,
        anchor: verb.lemma.to_lowercase(),
        kind: AnchorKind::Verb,
        before,
        after,
        weak: false,
        mutual: shape.mutual,
        untargeted: None,
        target_head: None,
        both: false,
        rule: format!("{file}:{line} {label}"),
        label,
    }
}

/// `COME AFTER` → `COME_AFTER`: our labels are uppercase words joined by `_`.
fn label(block: &str) -> String {
    block
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// Every variant followed by every alternative, at most [`MAX_VARIANTS`].
fn extend<T: Clone>(variants: &[Vec<T>], alts: &[Vec<T>]) -> Vec<Vec<T>> {
    variants
        .iter()
        .flat_map(|v| {
            alts.iter()
                .map(move |a| v.iter().chain(a).cloned().collect())
        })
        .take(MAX_VARIANTS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiled(text: &str) -> (Patterns, Skipped, Vec<CodeError>) {
        let (d, p) = VerbDictionary::parse("v.txt", text);
        assert!(p.is_empty(), "{p:?}");
        compile(&d, |_| true)
    }

    #[test]
    fn block_patterns_apply_to_every_verb_of_the_block() {
        let text = "&TREATY\n+PACT\n+PEACE_ACCORD\n--- SIGN [057] ---\nSIGN\nINK\n- * (WITH +) &TREATY [0311]\n- + * [---]\n- + * AWAY [040]\n- % * [050]\n";
        let (p, skipped, problems) = compiled(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(skipped.null_code, 1);
        assert_eq!(skipped.target_before_verb, 1);
        let at_inked: Vec<_> = p.anchored_at("inked").collect();
        // two synset variants + mutual + bare
        assert_eq!(at_inked.len(), 4, "{at_inked:#?}");
        assert!(at_inked.iter().any(|x| x.after
            == [
                Element::Word(vec!["with".into()]),
                Element::Target,
                Element::Word(vec!["pact".into()])
            ]));
        assert!(at_inked.iter().any(|x| x.mutual && x.after.is_empty()));
        assert!(
            at_inked
                .iter()
                .any(|x| x.is_transitive() && x.code.as_str() == "057")
        );
        assert!(at_inked[0].rule.starts_with("v.txt:"));
    }

    #[test]
    fn words_before_the_verb_stay_conditions() {
        // "{SUICIDE BOMBER} *" once lost its phrase and coded every
        // "attacked" as a suicide bombing.
        let text = "&ARMY\n+TROOPS\n+ARMED_FORCES\n--- FIGHT [190] ---\nATTACK\n- {SUICIDE BOMBER} * [1831]\n- &ARMY * [194]\n- DESPITE $ * [195]\n";
        let (p, skipped, problems) = compiled(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(skipped.unstated_before, 1);
        let at: Vec<_> = p.anchored_at("attacked").collect();
        let bare: Vec<_> = at.iter().filter(|x| x.before.is_empty()).collect();
        assert_eq!(bare.len(), 1, "{at:#?}");
        assert_eq!(bare[0].code.as_str(), "190");
        let of = |code: &str| -> Vec<Vec<Vec<String>>> {
            at.iter()
                .filter(|x| x.code.as_str() == code)
                .map(|x| x.before.clone())
                .collect()
        };
        let w = |s: &str| vec![s.to_string()];
        assert_eq!(of("1831"), [vec![w("suicide"), w("bomber")]]);
        assert_eq!(
            of("194"),
            [vec![w("troops")], vec![w("armed"), w("forces")]]
        );
        assert!(of("195").is_empty());
    }

    #[test]
    fn unknown_codes_and_duplicates_are_problems() {
        let text = "--- X [345] ---\nGO {WENT GONE}\n- * AWAY [0421]\n- * AWAY [0421]\n";
        let (d, _) = VerbDictionary::parse("v.txt", text);
        let (p, _, problems) = compile(&d, |_| true);
        let msgs: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(msgs[0].starts_with("v.txt:4: duplicate pattern, first given at line 3"));
        assert!(msgs[1].starts_with("v.txt:2: unknown CAMEO code \"345\""));
        assert!(p.anchored_at("went").any(|x| x.code.as_str() == "0421"));
        let (_, _, problems) = compile(&d, |c| c.as_str() != "0421");
        assert_eq!(problems.len(), 3);
    }
}
