//! Reading a PETRARCH-2 verb dictionary (`CAMEO.2.0.txt` and the validation
//! suite's verb files) into plain data, line by line.
//!
//! ```text
//! &SYNSET               a synonym set; its members follow as `+WORD` lines
//! +WORD_WORD            (a member may itself be `&OTHER` or a `(PHRASE)`)
//! --- NAME [CODE] ---   a verb block: the default code of its verbs
//! VERB {FORMS} [CODE]   a verb of the block, its irregular forms, its own code
//! +ASK_FOR {+ASKED_FOR} a multi-word verb: the `+` word is the verb itself
//! - PRE * POST [A:P]    a pattern of the block: `*` the verb, `$` source,
//!                       `+` target, `^` a skipped phrase, `%` compound
//!                       actors, `(...)` a prepositional phrase, `{...}` a
//!                       noun phrase, `&NAME` a synset; A the code from
//!                       source to target, P the other way, `---` none
//! ~ ...                 a PETRARCH-2 transformation (not read)
//! ```
//!
//! The reader is lenient like PETRARCH: a malformed line is skipped and
//! reported with file, line and what was expected, and reading goes on.
//! Codes are kept as written; whether they are CAMEO codes is decided when
//! the dictionary is compiled ([`super::compile`]).

use std::collections::HashMap;

use crate::error::CodeError;

/// One element of a pattern line.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Tok {
    /// A literal word, uppercase as written (`_` already split).
    Word(String),
    /// `&NAME`: any member of the synset.
    Synset(String),
    /// `*`: the verb.
    Verb,
    /// `$`: the source actor.
    Source,
    /// `+`: the target actor.
    Target,
    /// `^`: a phrase skipped.
    Skip,
    /// `%`: the compound actor of a reciprocal event.
    Compound,
    /// `(` and `)`: a prepositional phrase.
    PrepOpen,
    PrepClose,
    /// `{` and `}`: a noun phrase.
    PhraseOpen,
    PhraseClose,
}

/// `[F:R]`: the code of the event from source to target and, where given,
/// of the event the other way round (`[042:043]`: X visits Y, so Y hosts X;
/// `[040:040]`: a meeting goes both ways), as written; `None` for `---` or
/// an empty side (`[:190]`: only the reverse event).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Codes {
    pub forward: Option<String>,
    pub reverse: Option<String>,
}

/// A verb block: `--- NAME [CODE] ---`.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub name: String,
    pub codes: Codes,
    pub line: usize,
}

/// One verb of a block.
#[derive(Debug, Clone, PartialEq)]
pub struct Verb {
    pub block: usize,
    /// The verb word itself, uppercase (`ASK` in `+ASK_FOR`).
    pub lemma: String,
    /// Words written before and after the verb (`FOR` in `+ASK_FOR`).
    pub before: Vec<String>,
    pub after: Vec<String>,
    /// Forms listed in `{...}`: the verb word of each.
    pub forms: Vec<String>,
    /// The verb's own code, where it overrides the block's.
    pub codes: Option<Codes>,
    pub line: usize,
}

/// One `-` pattern line of a block.
#[derive(Debug, Clone, PartialEq)]
pub struct VerbPattern {
    pub block: usize,
    pub toks: Vec<Tok>,
    pub codes: Codes,
    pub line: usize,
}

/// A synset member: a sequence of words, or another synset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Member {
    Words(Vec<String>),
    Synset(String),
}

/// A whole verb dictionary as written.
#[derive(Debug, Clone, Default)]
pub struct VerbDictionary {
    pub file: String,
    pub synsets: HashMap<String, (usize, Vec<Member>)>,
    pub blocks: Vec<Block>,
    pub verbs: Vec<Verb>,
    pub patterns: Vec<VerbPattern>,
}

/// What the reader is inside of.
enum State {
    Start,
    Synset(String),
    Block(usize),
}

impl VerbDictionary {
    /// Reads `text`; malformed lines are skipped and returned as problems.
    pub fn parse(file: &str, text: &str) -> (VerbDictionary, Vec<CodeError>) {
        let mut d = VerbDictionary {
            file: file.to_string(),
            ..VerbDictionary::default()
        };
        let mut problems = Vec::new();
        let mut state = State::Start;
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let content = strip_comment(raw).trim();
            if content.is_empty() {
                continue;
            }
            if let Err(m) = d.read_line(line, content, &mut state) {
                problems.push(CodeError::line(file, line, m));
            }
        }
        (d, problems)
    }

    fn read_line(&mut self, line: usize, s: &str, state: &mut State) -> Result<(), String> {
        if s.starts_with("---") {
            let block = parse_block(s, line)?;
            self.blocks.push(block);
            *state = State::Block(self.blocks.len() - 1);
            return Ok(());
        }
        if let Some(name) = s.strip_prefix('&') {
            let name = synset_name(name)?;
            if let Some((first, _)) = self.synsets.get(&name) {
                // Its members go nowhere rather than into the synset before.
                *state = State::Synset(String::new());
                return Err(format!(
                    "duplicate synset &{name}, first given at line {first}"
                ));
            }
            self.synsets.insert(name.clone(), (line, Vec::new()));
            *state = State::Synset(name);
            return Ok(());
        }
        if s.starts_with('~') {
            return Ok(()); // transformations: a PETRARCH-2 feature we do not read
        }
        match state {
            State::Start => Err(format!(
                "expected a synset (&NAME) or a verb block (--- NAME [CODE] ---), found {s:?}"
            )),
            State::Synset(name) => {
                let member = parse_member(s)?;
                if let Some((_, members)) = self.synsets.get_mut(name.as_str()) {
                    members.push(member);
                }
                Ok(())
            }
            State::Block(b) => {
                let block = *b;
                if let Some(rest) = s.strip_prefix('-') {
                    let (toks, codes) = parse_pattern(rest)?;
                    self.patterns.push(VerbPattern {
                        block,
                        toks,
                        codes,
                        line,
                    });
                } else {
                    let mut verb = parse_verb(s)?;
                    verb.block = block;
                    verb.line = line;
                    self.verbs.push(verb);
                }
                Ok(())
            }
        }
    }
}

/// The line without its `#` comment; a few old lines use `;` after a `}`.
fn strip_comment(raw: &str) -> &str {
    let s = raw.split('#').next().unwrap_or("");
    match s.find("};") {
        Some(k) => &s[..=k],
        None => s,
    }
}

fn synset_name(s: &str) -> Result<String, String> {
    let name = s.trim().trim_end_matches('_');
    if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return Err(format!("expected a synset name after `&`, found {s:?}"));
    }
    Ok(name.to_uppercase())
}

/// `--- NAME [CODE] ---`.
fn parse_block(s: &str, line: usize) -> Result<Block, String> {
    let inner = s.trim_matches('-').trim();
    let (name, codes) = match inner.find('[') {
        Some(k) => (inner[..k].trim(), parse_codes(&inner[k..])?.0),
        None => return Err(format!("expected `--- NAME [CODE] ---`, found {s:?}")),
    };
    if name.is_empty() {
        return Err(format!("expected a block name in {s:?}"));
    }
    Ok(Block {
        name: name.to_uppercase(),
        codes,
        line,
    })
}

/// `[A]`, `[A:P]`, `[---]`, `[:P]` at the start of `s`; returns the rest.
fn parse_codes(s: &str) -> Result<(Codes, &str), String> {
    let body = s.strip_prefix('[').ok_or("expected `[CODE]`")?;
    let end = body
        .find(']')
        .ok_or_else(|| format!("expected `]` closing the code in {s:?}"))?;
    let side = |x: &str| {
        let x = x.trim();
        (!x.is_empty() && !x.chars().all(|c| c == '-')).then(|| x.to_string())
    };
    let inner = &body[..end];
    let (a, p) = inner.split_once(':').unwrap_or((inner, ""));
    for x in [a, p] {
        let x = x.trim();
        if !x.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(format!("expected a code of digits or `---`, found {x:?}"));
        }
    }
    Ok((
        Codes {
            forward: side(a),
            reverse: side(p),
        },
        &body[end + 1..],
    ))
}

fn parse_member(s: &str) -> Result<Member, String> {
    let s = s.strip_prefix('+').unwrap_or(s).trim();
    if let Some(name) = s.strip_prefix('&') {
        return Ok(Member::Synset(synset_name(name)?));
    }
    let words = words_of(s.trim_start_matches('(').trim_end_matches(')'));
    if words.is_empty() {
        return Err(format!("expected a synset member (+WORD), found {s:?}"));
    }
    Ok(Member::Words(words))
}

/// `A_B C` → `[A, B, C]` (uppercase; `_` and spaces both separate words).
fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_uppercase)
        .collect()
}

fn is_word(w: &str) -> bool {
    !w.is_empty()
        && w.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '-' | '.' | ',' | '/'))
}

/// `VERB {FORMS} [CODE]` or `+MULTI_WORD {+FORMS} [CODE]`.
fn parse_verb(s: &str) -> Result<Verb, String> {
    let (head, rest) = match s.find(['{', '[']) {
        Some(k) => (&s[..k], &s[k..]),
        None => (s, ""),
    };
    let (lemma, before, after) = split_verb(head.trim())?;
    let mut forms = Vec::new();
    let mut rest = rest.trim();
    if let Some(b) = rest.strip_prefix('{') {
        let end = b
            .find('}')
            .ok_or_else(|| format!("expected `}}` closing the forms in {s:?}"))?;
        for f in b[..end].split_whitespace() {
            forms.push(split_verb(f)?.0);
        }
        rest = b[end + 1..].trim();
    }
    let codes = if rest.starts_with('[') {
        let (c, tail) = parse_codes(rest)?;
        rest = tail.trim();
        Some(c)
    } else {
        None
    };
    if !rest.is_empty() {
        return Err(format!(
            "expected VERB {{FORMS}} [CODE], found {rest:?} after the verb"
        ));
    }
    Ok(Verb {
        block: 0,
        lemma,
        before,
        after,
        forms,
        codes,
        line: 0,
    })
}

/// `WIRE_+TAP` → (`TAP`, [`WIRE`], []); `+ASK_FOR` → (`ASK`, [], [`FOR`]).
fn split_verb(s: &str) -> Result<(String, Vec<String>, Vec<String>), String> {
    let parts: Vec<&str> = s.split('_').filter(|w| !w.is_empty()).collect();
    let at = parts.iter().position(|p| p.starts_with('+')).unwrap_or(0);
    let verb = parts
        .get(at)
        .map(|p| p.trim_start_matches('+'))
        .filter(|v| is_word(v))
        .ok_or_else(|| format!("expected a verb word, found {s:?}"))?;
    let upper = |xs: &[&str]| -> Result<Vec<String>, String> {
        xs.iter()
            .map(|w| {
                let w = w.trim_start_matches('+');
                is_word(w)
                    .then(|| w.to_uppercase())
                    .ok_or_else(|| format!("expected a word in verb {s:?}, found {w:?}"))
            })
            .collect()
    };
    Ok((
        verb.to_uppercase(),
        upper(&parts[..at])?,
        upper(&parts[at + 1..])?,
    ))
}

/// `- PRE * POST [A:P]` (the leading `-` already removed).
fn parse_pattern(s: &str) -> Result<(Vec<Tok>, Codes), String> {
    let k = s
        .rfind('[')
        .ok_or_else(|| format!("expected `[CODE]` at the end of pattern {s:?}"))?;
    let (codes, tail) = parse_codes(&s[k..])?;
    if !tail.trim().is_empty() {
        return Err(format!("unexpected {:?} after the code", tail.trim()));
    }
    let toks = tokens(&s[..k])?;
    if toks.iter().filter(|t| **t == Tok::Verb).count() != 1 {
        return Err("expected exactly one `*` (the verb) in the pattern".into());
    }
    check_brackets(&toks)?;
    Ok((toks, codes))
}

fn tokens(s: &str) -> Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    let spaced = s
        .replace('(', " ( ")
        .replace(')', " ) ")
        .replace('{', " { ")
        .replace('}', " } ");
    for w in spaced.split_whitespace() {
        let t = match w {
            "*" => Tok::Verb,
            "$" => Tok::Source,
            "+" => Tok::Target,
            "^" => Tok::Skip,
            "%" => Tok::Compound,
            "(" => Tok::PrepOpen,
            ")" => Tok::PrepClose,
            "{" => Tok::PhraseOpen,
            "}" => Tok::PhraseClose,
            w if w.starts_with('&') => Tok::Synset(synset_name(&w[1..])?),
            w => {
                for part in words_of(w) {
                    if !is_word(&part) {
                        return Err(format!(
                            "expected a word, *, $, +, ^, %, &SYNSET, (, ), {{ or }}, found {w:?}"
                        ));
                    }
                    out.push(Tok::Word(part));
                }
                continue;
            }
        };
        out.push(t);
    }
    Ok(out)
}

/// `(` and `{` must close, in order, and not nest inside each other wrongly.
fn check_brackets(toks: &[Tok]) -> Result<(), String> {
    let mut stack = Vec::new();
    for t in toks {
        match t {
            Tok::PrepOpen | Tok::PhraseOpen => stack.push(t.clone()),
            Tok::PrepClose if stack.pop() != Some(Tok::PrepOpen) => {
                return Err("`)` without its `(`".into());
            }
            Tok::PhraseClose if stack.pop() != Some(Tok::PhraseOpen) => {
                return Err("`}` without its `{`".into());
            }
            _ => {}
        }
    }
    if stack.is_empty() {
        Ok(())
    } else {
        Err("a `(` or `{` is not closed".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
&TREATY_
+PACT
+PEACE_ACCORD
&DEAL
+&TREATY
+(TO THE END)

--- AGREE [050] ---
AGREE
+ASK_FOR {+ASKED_FOR +ASKING_FOR} [020]
DEAL {DEALS DEALT}  # irregular
- * (TO &TREATY)  [057:057]  # AGREE
- % * [050]
- * NOTHING [---]
";

    #[test]
    fn reads_synsets_blocks_verbs_patterns() {
        let (d, problems) = VerbDictionary::parse("v.txt", SAMPLE);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(d.synsets["TREATY"].1.len(), 2);
        assert_eq!(d.synsets["DEAL"].1[0], Member::Synset("TREATY".to_string()));
        assert_eq!(d.blocks[0].name, "AGREE");
        assert_eq!(d.blocks[0].codes.forward.as_deref(), Some("050"));
        let ask = &d.verbs[1];
        assert_eq!(
            (ask.lemma.as_str(), ask.after.as_slice()),
            ("ASK", &["FOR".to_string()][..])
        );
        assert_eq!(ask.forms, ["ASKED", "ASKING"]);
        assert_eq!(ask.codes.as_ref().unwrap().forward.as_deref(), Some("020"));
        assert_eq!(d.verbs[2].forms, ["DEALS", "DEALT"]);
        let p = &d.patterns[0];
        assert_eq!(
            p.toks,
            [
                Tok::Verb,
                Tok::PrepOpen,
                Tok::Word("TO".into()),
                Tok::Synset("TREATY".into()),
                Tok::PrepClose
            ]
        );
        assert_eq!(p.codes.reverse.as_deref(), Some("057"));
        assert_eq!(d.patterns[1].toks, [Tok::Compound, Tok::Verb]);
        assert_eq!(d.patterns[2].codes, Codes::default());
    }

    #[test]
    fn malformed_lines_name_file_line_and_expectation() {
        let text = "VISIT\n--- MEET [040] ---\n- * (WITH + [041]\n- TALKS [042]\n- * [0 4]\n";
        let (d, problems) = VerbDictionary::parse("v.txt", text);
        let msgs: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(msgs.len(), 4, "{msgs:?}");
        assert!(
            msgs[0].starts_with("v.txt:1: expected a synset"),
            "{msgs:?}"
        );
        assert!(msgs[1].starts_with("v.txt:3: ") && msgs[1].contains("not closed"));
        assert!(msgs[2].contains("exactly one `*`"));
        assert!(msgs[3].starts_with("v.txt:5:"));
        assert!(d.patterns.is_empty());
    }

    #[test]
    fn duplicate_synset_is_reported() {
        let (_, problems) = VerbDictionary::parse("v.txt", "&A\n+X\n&A\n+Y\n");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].to_string().contains("duplicate synset &A"));
    }
}
