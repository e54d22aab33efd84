//! The analysed text: sentences, tokens, tags, syntax, entities, time expressions.
//!
//! All of it points into the article body by [`Span`]; the analyze stage
//! makes it, the code stage only reads it.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{ActorCode, Date, Span};

/// Everything the analyze stage found in one article body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TextAnalysis {
    pub sentences: Vec<Sentence>,
    /// All tokens of the body in order; a sentence owns a contiguous range.
    pub tokens: Vec<Token>,
    pub entities: Vec<Entity>,
    pub times: Vec<TimeExpr>,
}

impl TextAnalysis {
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.0..sentence.tokens.1]
    }

    /// The index of the sentence that contains byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// Entities lying inside `span`, in order.
    pub fn entities_in(&self, span: Span) -> impl Iterator<Item = &Entity> {
        self.entities.iter().filter(move |e| span.contains(e.span))
    }
}

/// One sentence: its text span and the range of its tokens in [`TextAnalysis::tokens`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// `(first, end)` indices into the token list, end exclusive.
    pub tokens: (usize, usize),
}

/// One token with its tag and, where parsed, its syntactic head.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub tag: Option<PosTag>,
    /// Index of the head within the sentence (0-based); `None` for the root or unparsed.
    pub head: Option<u32>,
    pub dep: Option<DepRel>,
    /// Lowercased base form where known ("visited" → "visit").
    pub lemma: Option<String>,
}

impl Token {
    pub fn new(span: Span) -> Self {
        Token {
            span,
            tag: None,
            head: None,
            dep: None,
            lemma: None,
        }
    }
}

macro_rules! label_set {
    ($(#[$doc:meta])* $name:ident, $table:ident, [$($label:literal),* $(,)?]) => {
        const $table: &[&str] = &[$($label),*];

        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(u8);

        impl $name {
            /// Every label of the set, in a fixed order (the index is the id).
            pub const LABELS: &'static [&'static str] = $table;

            pub fn parse(s: &str) -> Option<Self> {
                $table.iter().position(|l| *l == s).map(|i| $name(i as u8))
            }

            pub fn as_str(&self) -> &'static str {
                $table[self.0 as usize]
            }

            pub fn id(&self) -> usize {
                self.0 as usize
            }

            pub fn from_id(id: usize) -> Option<Self> {
                (id < $table.len()).then(|| $name(id as u8))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $name::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown label {s:?}")))
            }
        }
    };
}

label_set!(
    /// A Penn Treebank part-of-speech tag, with the extensions GUM uses (HYPH, NFP, ADD, GW, AFX, XX).
    PosTag, PTB_TAGS,
    [
        "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP",
        "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB",
        "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", ",", ".", ":", "``", "''",
        "-LRB-", "-RRB-", "#", "$", "HYPH", "NFP", "ADD", "GW", "AFX", "XX",
    ]
);

impl PosTag {
    pub fn is_noun(&self) -> bool {
        self.as_str().starts_with("NN")
    }
    pub fn is_proper_noun(&self) -> bool {
        self.as_str().starts_with("NNP")
    }
    pub fn is_verb(&self) -> bool {
        self.as_str().starts_with("VB") || self.as_str() == "MD"
    }
    pub fn is_adjective(&self) -> bool {
        self.as_str().starts_with("JJ")
    }
}

label_set!(
    /// A Universal Dependencies relation, with the subtypes English UD treebanks use.
    DepRel, UD_RELS,
    [
        "root", "punct", "case", "det", "nsubj", "nsubj:pass", "nsubj:outer", "amod", "advmod",
        "obj", "iobj", "obl", "obl:agent", "obl:tmod", "obl:npmod", "obl:unmarked", "nmod",
        "nmod:poss", "nmod:tmod", "nmod:npmod", "nmod:unmarked", "nmod:desc", "conj", "cc",
        "cc:preconj", "mark", "compound", "compound:prt", "aux", "aux:pass", "cop", "advcl",
        "advcl:relcl", "xcomp", "ccomp", "acl", "acl:relcl", "flat", "flat:foreign", "fixed",
        "discourse", "parataxis", "nummod", "appos", "dep", "reparandum", "expl", "csubj",
        "csubj:pass", "csubj:outer", "det:predet", "vocative", "list", "orphan", "dislocated",
        "goeswith",
    ]
);

impl DepRel {
    /// The relation without its subtype: `nsubj:pass` → `nsubj`.
    pub fn base(&self) -> &'static str {
        let s = self.as_str();
        s.split(':').next().unwrap_or(s)
    }
}

/// A named entity mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub text: String,
    pub kind: EntityKind,
    /// CAMEO actor code where the mention names a known actor, at the article date.
    pub actor: Option<ActorCode>,
    #[serde(flatten)]
    pub span: Span,
    /// The fullest name for this entity in the document ("Kerry" → "John Kerry").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// A title or role attached to a person ("Secretary of State", "expert on Europe and NATO").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The country the mention belongs to, where known (ISO alpha-3 or CAMEO country code).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<ActorCode>,
}

impl Entity {
    pub fn new(text: impl Into<String>, kind: EntityKind, span: Span) -> Self {
        Entity {
            text: text.into(),
            kind,
            actor: None,
            span,
            canonical: None,
            role: None,
            country: None,
        }
    }

    /// The name to report: canonical where known, else the text itself.
    pub fn name(&self) -> &str {
        self.canonical.as_deref().unwrap_or(&self.text)
    }
}

/// Entity classes, after CoNLL-2003 and OntoNotes (NORP: nationalities and groups).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Location,
    Norp,
    Misc,
}

impl EntityKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
            EntityKind::Norp => "norp",
            EntityKind::Misc => "misc",
        }
    }
}

/// A time expression and the dates it resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    pub text: String,
    #[serde(flatten)]
    pub span: Span,
    /// `None` where the expression could not be resolved (no article date, say).
    pub range: Option<DateRange>,
}

/// An inclusive range of days; a single day has `first == last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateRange {
    pub first: Date,
    pub last: Date,
}

impl DateRange {
    pub fn day(d: Date) -> Self {
        DateRange { first: d, last: d }
    }

    pub fn new(first: Date, last: Date) -> Self {
        if first <= last {
            DateRange { first, last }
        } else {
            DateRange {
                first: last,
                last: first,
            }
        }
    }

    pub fn is_day(&self) -> bool {
        self.first == self.last
    }

    pub fn contains(&self, d: Date) -> bool {
        self.first <= d && d <= self.last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_gum_label_parses() {
        for t in ["NN", "PRP$", "-LRB-", "HYPH", "``", "GW"] {
            assert_eq!(PosTag::parse(t).unwrap().as_str(), t);
        }
        for r in [
            "nsubj:pass",
            "acl:relcl",
            "obl:unmarked",
            "nmod:desc",
            "goeswith",
        ] {
            assert_eq!(DepRel::parse(r).unwrap().as_str(), r);
        }
        assert_eq!(DepRel::parse("nsubj:pass").unwrap().base(), "nsubj");
        assert!(PosTag::parse("NOPE").is_none());
        assert!(PosTag::from_id(PosTag::LABELS.len()).is_none());
    }

    #[test]
    fn sentence_lookup() {
        let ta = TextAnalysis {
            sentences: vec![
                Sentence {
                    span: Span::new(0, 10),
                    tokens: (0, 0),
                },
                Sentence {
                    span: Span::new(12, 20),
                    tokens: (0, 0),
                },
            ],
            ..Default::default()
        };
        assert_eq!(ta.sentence_at(3), Some(0));
        assert_eq!(ta.sentence_at(11), None);
        assert_eq!(ta.sentence_at(19), Some(1));
        assert_eq!(ta.sentence_at(20), None);
    }
}
