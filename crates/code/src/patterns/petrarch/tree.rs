//! One parsed sentence as a dependency tree, with the few questions the
//! PETRARCH-style coder asks of it: a verb's subject (climbing through
//! `xcomp` and `conj` to the clause that has one), whether it is passive and
//! who the "by" agent is, its object and prepositional phrases, the words in
//! its clause, and the conjuncts of a phrase ("Arnor, Rohan and Gondor").
//!
//! Indices are local to the sentence. Every walk is bounded by the sentence
//! length, so a malformed parse (a cycle of heads) cannot loop forever.

use detente_core::{DepRel, PosTag, Span, Token};

pub struct Tree<'a> {
    tokens: &'a [Token],
    children: Vec<Vec<usize>>,
    pub words: Vec<String>,
}

/// Relations whose subtree is another clause: their words are not the
/// verb's object phrase.
/// A clause complement ("allowed that Mordor isn't a pleasant place") stays:
/// PETRARCH patterns reach into it.
const OTHER_CLAUSE: &[&str] = &["advcl", "parataxis", "csubj", "punct", "mark"];

impl<'a> Tree<'a> {
    pub fn new(body: &str, tokens: &'a [Token]) -> Tree<'a> {
        let n = tokens.len();
        let mut children = vec![Vec::new(); n];
        for (i, t) in tokens.iter().enumerate() {
            if let Some(h) = t.head.map(|h| h as usize).filter(|&h| h < n && h != i) {
                children[h].push(i);
            }
        }
        let words = tokens
            .iter()
            .map(|t| t.span.text(body).to_lowercase().replace('’', "'"))
            .collect();
        Tree {
            tokens,
            children,
            words,
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    pub fn span(&self, i: usize) -> Span {
        self.tokens[i].span
    }

    pub fn has_parse(&self) -> bool {
        self.tokens.iter().any(|t| t.head.is_some())
    }

    pub fn rel(&self, i: usize) -> &'static str {
        self.tokens[i].dep.map_or("", |d| d.as_str())
    }

    fn base(&self, i: usize) -> &'static str {
        self.tokens[i].dep.map_or("", |d: DepRel| d.base())
    }

    pub fn tag(&self, i: usize) -> Option<PosTag> {
        self.tokens[i].tag
    }

    pub fn lemma(&self, i: usize) -> Option<&str> {
        self.tokens[i].lemma.as_deref()
    }

    pub fn head(&self, i: usize) -> Option<usize> {
        self.tokens[i]
            .head
            .map(|h| h as usize)
            .filter(|&h| h < self.len())
    }

    pub fn is_verb(&self, i: usize) -> bool {
        self.tag(i).is_some_and(|t| t.is_verb())
    }

    fn child(&self, i: usize, pred: impl Fn(usize) -> bool) -> Option<usize> {
        self.children[i].iter().copied().find(|&c| pred(c))
    }

    /// The verb's subject and whether it is a passive one (`nsubj:pass`).
    pub fn subject(&self, verb: usize) -> Option<(usize, bool)> {
        let mut v = verb;
        for _ in 0..self.len() {
            if let Some(s) = self.child(v, |c| self.base(c) == "nsubj") {
                return Some((s, self.rel(s) == "nsubj:pass"));
            }
            match self.base(v) {
                "xcomp" | "conj" => v = self.head(v)?,
                // "Arnor is inching nearer to accord with Gondor": an
                // infinitive clause's subject is the one of the clause above.
                "advcl" if self.is_infinitive(v) => v = self.head(v)?,
                // "crowds trashed its embassy": the noun the clause modifies.
                "acl" => return self.head(v).map(|h| (h, false)),
                _ => return None,
            }
        }
        None
    }

    /// A verb marked by "to" ("to accord").
    fn is_infinitive(&self, verb: usize) -> bool {
        self.children[verb]
            .iter()
            .any(|&c| self.rel(c) == "mark" && self.words[c] == "to")
    }

    /// Passive voice of the verb itself ("was seen to break": `seen` is
    /// passive, `break` is not).
    pub fn is_passive(&self, verb: usize) -> bool {
        self.children[verb]
            .iter()
            .any(|&c| matches!(self.rel(c), "aux:pass" | "nsubj:pass"))
    }

    /// Whether the verb is negated ("did not attend", "won't clash").
    pub fn is_negated(&self, verb: usize) -> bool {
        self.children[verb]
            .iter()
            .any(|&c| matches!(self.words[c].as_str(), "not" | "n't" | "never"))
    }

    /// The preposition of a phrase (its `case` child), lowercase.
    pub fn case_of(&self, i: usize) -> Option<&str> {
        self.child(i, |c| self.base(c) == "case")
            .map(|c| self.words[c].as_str())
    }

    /// The "by" phrase of a passive verb.
    pub fn agent(&self, verb: usize) -> Option<usize> {
        self.child(verb, |c| {
            self.rel(c) == "obl:agent"
                || (matches!(self.base(c), "obl" | "nmod") && self.case_of(c) == Some("by"))
        })
    }

    /// The verb's object, then its prepositional phrases, in text order.
    pub fn objects(&self, verb: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self.children[verb]
            .iter()
            .copied()
            .filter(|&c| matches!(self.base(c), "obj" | "iobj"))
            .collect();
        out.extend(
            self.children[verb]
                .iter()
                .copied()
                .filter(|&c| matches!(self.base(c), "obl" | "nmod") && self.rel(c) != "nmod:tmod"),
        );
        out
    }

    /// The appositions of `i` ("Mordor, the awful Arnor, and Gondor").
    pub fn appositions(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.children[i]
            .iter()
            .copied()
            .filter(|&c| self.base(c) == "appos")
    }

    /// Whether the phrase at `i` is a compound ("Gondor and Osgiliath").
    pub fn is_compound(&self, i: usize) -> bool {
        self.children[i].iter().any(|&c| self.base(c) == "conj")
    }

    /// The verb's clause complement ("allowed that ..."), if any.
    pub fn complement(&self, verb: usize) -> Option<usize> {
        self.child(verb, |c| self.base(c) == "ccomp")
    }

    /// `i` and the phrases joined to it by `conj`, in text order.
    pub fn conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() && out.len() < self.len() {
            let next: Vec<usize> = self.children[out[k]]
                .iter()
                .copied()
                .filter(|&c| self.base(c) == "conj" && !out.contains(&c))
                .collect();
            out.extend(next);
            k += 1;
        }
        out.sort_unstable();
        out
    }

    /// The subtree of `i` in text order, without the subtrees of `skip` children.
    pub fn subtree(&self, i: usize, skip: impl Fn(usize) -> bool) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![i];
        while let Some(x) = stack.pop() {
            if out.len() >= self.len() {
                break;
            }
            out.push(x);
            stack.extend(self.children[x].iter().copied().filter(|&c| !skip(c)));
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The words of the verb's own clause after it: its subtree without the
    /// subject, other clauses, or verbs joined by `conj`.
    pub fn clause_after(&self, verb: usize) -> Vec<usize> {
        self.subtree(verb, |c| {
            let b = self.base(c);
            // An infinitive purpose clause continues the verb's own
            // ("vowed to wage war on ...").
            let infinitive = b == "advcl" && self.is_infinitive(c);
            b == "nsubj"
                || (OTHER_CLAUSE.contains(&b) && !infinitive)
                || (b == "conj" && self.is_verb(c))
        })
        .into_iter()
        .filter(|&x| x > verb)
        .collect()
    }
}
