//! The verb-pattern dictionary (`data/code/verbs.txt`): which words express
//! which CAMEO event, and where its source and target stand.
//!
//! The file format is documented at the top of `verbs.txt` itself. Reading
//! it compiles every pattern once: each anchor lemma is inflected
//! ([`inflect`]) and every surface form goes into one hash map, so a
//! sentence is matched with one lookup per token, never a scan over all
//! patterns.

pub mod inflect;
pub mod petrarch;

use std::collections::{HashMap, HashSet};

use detente_core::CameoCode;

use crate::error::{CodeError, data_lines};

/// The embedded default dictionaries.
const VERBS: &str = include_str!("../../../../data/code/verbs.txt");
const IRREGULAR: &str = include_str!("../../../../data/code/irregular.txt");

/// One element of a pattern after (or before) its anchor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    /// A literal word with its alternatives (`to|into`), lowercase.
    Word(Vec<String>),
    /// `$T`: the target actor.
    Target,
    /// `$S`: the source actor.
    Source,
    /// `...`: the next element may come anywhere later in the sentence.
    Gap,
}

/// Whether the anchor is a verb or a noun; decides its inflections and,
/// where the tagger ran, which part of speech it must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnchorKind {
    Verb,
    Noun,
}

/// The target of a pattern that names none: acts aimed at the actor's own
/// country ("staged a general strike", "imposed a curfew") or at nobody
/// ("declared a ceasefire", "promised to reform").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Untargeted {
    /// Flag `home`: the source's own country.
    Home,
    /// Flag `alone`: no target actor.
    Alone,
}

/// One compiled line of `verbs.txt`.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub code: CameoCode,
    pub label: String,
    pub anchor: String,
    pub kind: AnchorKind,
    /// Literal words that must stand right before the anchor, in text order.
    pub before: Vec<Vec<String>>,
    pub after: Vec<Element>,
    /// Only coded when nothing else is coded in the sentence.
    pub weak: bool,
    /// No target slot: coded between the members of a compound source
    /// ("Russia and the EU agreed" → RUS→EU and EU→RUS).
    pub mutual: bool,
    /// No target slot, and what the event's target is then (flags `home`
    /// and `alone`).
    pub untargeted: Option<Untargeted>,
    /// `$T=diplomat|diplomats`: the words the target phrase must end in
    /// ("expelled two Russian diplomats" is a reduction of relations, not
    /// a deportation); `None` for a plain `$T`.
    pub target_head: Option<Vec<String>>,
    /// Flag `both`: the act is reciprocal and is coded each way ("X held
    /// talks with Y" → X→Y and Y→X), as PETRARCH's `[040:040]` codes.
    pub both: bool,
    /// `verbs.txt:57 VISIT`.
    pub rule: String,
}

impl Pattern {
    /// How specific the pattern is: more elements win over fewer at one anchor.
    pub fn weight(&self) -> usize {
        self.before.len()
            + usize::from(self.target_head.is_some())
            + self
                .after
                .iter()
                .filter(|e| !matches!(e, Element::Gap))
                .count()
    }

    /// Whether the pattern is a plain transitive verb (`attack $T`), the only
    /// shape that is turned around in the passive ("was attacked by X").
    pub fn is_transitive(&self) -> bool {
        self.kind == AnchorKind::Verb && self.before.is_empty() && self.after == [Element::Target]
    }
}

/// All patterns, indexed by the surface forms of their anchors.
#[derive(Debug, Clone)]
pub struct Patterns {
    patterns: Vec<Pattern>,
    index: HashMap<String, Vec<u32>>,
    participles: HashSet<String>,
}

impl Patterns {
    /// The project's own dictionaries, embedded in the binary.
    pub fn embedded() -> Patterns {
        Patterns::parse("verbs.txt", VERBS, "irregular.txt", IRREGULAR)
            .expect("the embedded verb patterns are valid")
    }

    /// Reads a pattern file and an irregular-verb file (file names are used in
    /// errors and in each event's `rule`).
    pub fn parse(
        verbs_name: &str,
        verbs: &str,
        irregular_name: &str,
        irregular: &str,
    ) -> Result<Patterns, CodeError> {
        let irregular = parse_irregular(irregular_name, irregular)?;
        let mut out = Patterns {
            patterns: Vec::new(),
            index: HashMap::new(),
            participles: HashSet::new(),
        };
        for forms in irregular.values() {
            out.participles.insert(forms[1].clone());
        }
        let mut seen = HashMap::new();
        for (line, fields) in data_lines(verbs) {
            let pattern = parse_line(verbs_name, line, &fields)?;
            let key = (pattern.code, fields[2].to_string());
            if let Some(first) = seen.insert(key, line) {
                return Err(CodeError::line(
                    verbs_name,
                    line,
                    format!("duplicate pattern, first given at line {first}"),
                ));
            }
            out.add(pattern, &irregular);
        }
        Ok(out)
    }

    fn add(&mut self, pattern: Pattern, irregular: &HashMap<String, Vec<String>>) {
        let id = self.patterns.len() as u32;
        let forms = match pattern.kind {
            AnchorKind::Noun => inflect::noun_forms(&pattern.anchor),
            AnchorKind::Verb => {
                let mut f = inflect::verb_forms(&pattern.anchor);
                if let Some(irr) = irregular.get(&pattern.anchor) {
                    f.extend(irr.iter().cloned());
                }
                f
            }
        };
        let mut forms = forms;
        forms.sort();
        forms.dedup();
        for f in forms {
            self.index.entry(f).or_default().push(id);
        }
        self.patterns.push(pattern);
    }

    /// The patterns whose anchor may be the lowercased word `form`.
    pub fn anchored_at(&self, form: &str) -> impl Iterator<Item = &Pattern> {
        self.index
            .get(form)
            .into_iter()
            .flatten()
            .map(|&i| &self.patterns[i as usize])
    }

    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// Whether `word` (lowercase) is a past participle: regular "-ed" or listed.
    pub fn is_participle(&self, word: &str) -> bool {
        word.ends_with("ed") || self.participles.contains(word)
    }
}

/// `LEMMA PAST PARTICIPLE [OTHER FORMS]` → lemma → [past, participle, others...].
fn parse_irregular(name: &str, text: &str) -> Result<HashMap<String, Vec<String>>, CodeError> {
    let mut out = HashMap::new();
    for (line, fields) in data_lines(text) {
        if !(3..=4).contains(&fields.len()) {
            return Err(CodeError::line(
                name,
                line,
                "expected LEMMA, PAST, PARTICIPLE and optional other forms",
            ));
        }
        let mut forms: Vec<String> = fields[1..3].iter().map(|f| f.to_lowercase()).collect();
        if let Some(more) = fields.get(3) {
            forms.extend(more.split_whitespace().map(str::to_lowercase));
        }
        if out.insert(fields[0].to_lowercase(), forms).is_some() {
            return Err(CodeError::line(
                name,
                line,
                format!("duplicate verb {:?}", fields[0]),
            ));
        }
    }
    Ok(out)
}

fn parse_line(file: &str, line: usize, fields: &[&str]) -> Result<Pattern, CodeError> {
    let err = |m: String| CodeError::line(file, line, m);
    if !(3..=4).contains(&fields.len()) {
        return Err(err(format!(
            "expected CODE, LABEL, PATTERN and optional FLAGS, found {} fields",
            fields.len()
        )));
    }
    let code = CameoCode::parse(fields[0]).map_err(|e| err(e.to_string()))?;
    let label = fields[1];
    if !label
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(err(format!("expected an uppercase LABEL, found {label:?}")));
    }
    let (mut weak, mut mutual, mut untargeted, mut both) = (false, false, None, false);
    for flag in fields
        .get(3)
        .map_or("", |f| *f)
        .split(',')
        .map(str::trim)
        .filter(|f| !f.is_empty())
    {
        match flag {
            "weak" => weak = true,
            "mutual" => mutual = true,
            "home" => untargeted = Some(Untargeted::Home),
            "alone" => untargeted = Some(Untargeted::Alone),
            "both" => both = true,
            f => {
                return Err(err(format!(
                    "unknown flag {f:?}: expected `weak`, `mutual`, `home`, `alone` or `both`"
                )));
            }
        }
    }
    let words: Vec<&str> = fields[2].split_whitespace().collect();
    let anchor_at = words
        .iter()
        .position(|w| w.ends_with("/n") || w.ends_with("/v"))
        .unwrap_or(0);
    let (anchor, kind) = anchor_of(words[anchor_at]).map_err(err)?;
    let before = words[..anchor_at]
        .iter()
        .map(|w| {
            literal(w).ok_or_else(|| {
                err(format!(
                    "only literal words may stand before the anchor, found {w:?}"
                ))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut target_head = None;
    let after = words[anchor_at + 1..]
        .iter()
        .map(|w| match w.strip_prefix("$T=") {
            Some(heads) => {
                let heads = literal(heads)
                    .ok_or_else(|| err(format!("expected words after `$T=`, found {w:?}")))?;
                target_head = Some(heads);
                Ok(Element::Target)
            }
            None => element(w).map_err(&err),
        })
        .collect::<Result<Vec<_>, _>>()?;
    check_slots(&after, mutual || untargeted.is_some()).map_err(err)?;
    if mutual && untargeted.is_some() {
        return Err(err("`mutual` excludes `home` and `alone`".into()));
    }
    if both && (mutual || untargeted.is_some()) {
        return Err(err(
            "`both` needs a $T: it excludes `mutual`, `home` and `alone`".into(),
        ));
    }
    Ok(Pattern {
        code,
        label: label.to_string(),
        anchor,
        kind,
        before,
        after,
        weak,
        mutual,
        untargeted,
        target_head,
        both,
        rule: format!("{file}:{line} {label}"),
    })
}

fn anchor_of(word: &str) -> Result<(String, AnchorKind), String> {
    let (w, kind) = match word.rsplit_once('/') {
        Some((w, "n")) => (w, AnchorKind::Noun),
        Some((w, "v")) => (w, AnchorKind::Verb),
        Some(_) => {
            return Err(format!(
                "unknown anchor marker in {word:?}: expected /n or /v"
            ));
        }
        None => (word, AnchorKind::Verb),
    };
    if w.is_empty() || !w.chars().all(|c| c.is_alphabetic() || c == '-') {
        return Err(format!("expected an anchor word, found {word:?}"));
    }
    Ok((w.to_lowercase(), kind))
}

fn literal(word: &str) -> Option<Vec<String>> {
    let alts: Vec<String> = word.split('|').map(str::to_lowercase).collect();
    alts.iter()
        .all(|a| {
            !a.is_empty()
                && a.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        })
        .then_some(alts)
}

fn element(word: &str) -> Result<Element, String> {
    match word {
        "$T" => Ok(Element::Target),
        "$S" => Ok(Element::Source),
        "..." => Ok(Element::Gap),
        w => literal(w)
            .map(Element::Word)
            .ok_or_else(|| format!("expected a word, $T, $S or ..., found {w:?}")),
    }
}

/// `no_target`: the pattern has one of the flags `mutual`, `home`, `alone`.
fn check_slots(after: &[Element], no_target: bool) -> Result<(), String> {
    let count = |e: &Element| after.iter().filter(|x| *x == e).count();
    if no_target && count(&Element::Target) != 0 {
        return Err("a `mutual`, `home` or `alone` pattern has no $T".into());
    }
    if !no_target && count(&Element::Target) != 1 {
        return Err(
            "a pattern needs exactly one $T (or the flag `mutual`, `home` or `alone`)".into(),
        );
    }
    if count(&Element::Source) > 1 {
        return Err("a pattern may have at most one $S".into());
    }
    if matches!(after.last(), Some(Element::Gap))
        || after
            .windows(2)
            .any(|w| w[0] == Element::Gap && w[1] == Element::Gap)
    {
        return Err("`...` must be followed by a word or a slot".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_patterns_cover_every_root() {
        let p = Patterns::embedded();
        for root in 1..=20u8 {
            assert!(
                p.patterns().iter().any(|x| x.code.root().number() == root),
                "no pattern for root {root:02}"
            );
        }
        let visit: Vec<_> = p.anchored_at("visited").map(|x| x.code.as_str()).collect();
        assert!(visit.contains(&"042"), "{visit:?}");
        assert!(p.anchored_at("met").any(|x| x.label == "MEET"));
        assert!(
            p.anchored_at("sanctions")
                .any(|x| x.kind == AnchorKind::Noun)
        );
    }

    #[test]
    fn parses_before_after_and_flags() {
        let p = Patterns::parse(
            "v",
            "190\tFIGHT\tmilitary action/n against|in $T\n010\tSAY\tsay ... $T\tweak\n",
            "i",
            "say\tsaid\tsaid\n",
        )
        .unwrap();
        let a = &p.patterns()[0];
        assert_eq!(a.anchor, "action");
        assert_eq!(a.before, [vec!["military".to_string()]]);
        assert_eq!(
            a.after,
            [
                Element::Word(vec!["against".into(), "in".into()]),
                Element::Target
            ]
        );
        assert_eq!(a.rule, "v:1 FIGHT");
        assert!(p.patterns()[1].weak);
        assert!(p.anchored_at("said").count() == 1);
    }

    #[test]
    fn errors_name_file_and_line() {
        for (text, want) in [
            ("042\tVISIT\n", "v:1: expected CODE"),
            ("# c\n999\tVISIT\tvisit $T\n", "v:2: invalid CAMEO"),
            ("042\tvisit\tvisit $T\n", "uppercase LABEL"),
            ("042\tVISIT\tvisit Russia\n", "exactly one $T"),
            ("042\tVISIT\tvisit $T $T\n", "exactly one $T"),
            ("042\tVISIT\tvisit $T ...\n", "must be followed"),
            ("042\tVISIT\tvisit $T\tstrong\n", "unknown flag"),
            ("042\tVISIT\tvisit $T\tmutual\n", "has no $T"),
            ("141\tRALLY\trally $T\thome\n", "has no $T"),
            ("141\tRALLY\trally\tmutual,alone\n", "excludes"),
            ("040\tMEET\tmeet\tmutual,both\n", "`both` needs a $T"),
            ("042\tVISIT\tvisit/x $T\n", "unknown anchor marker"),
            (
                "042\tVISIT\tvisit $T\n042\tVISIT\tvisit $T\n",
                "v:2: duplicate pattern, first given at line 1",
            ),
            ("042\tVISIT\t$T visit/n\n", "only literal words"),
        ] {
            let e = Patterns::parse("v", text, "i", "").unwrap_err().to_string();
            assert!(e.contains(want), "{text:?}: {e}");
        }
        let e = Patterns::parse("v", "", "i", "go\twent\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("i:1:"), "{e}");
    }
}
