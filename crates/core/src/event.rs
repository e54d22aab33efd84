//! Coded events: who did what to whom, with the evidence that says so.

use serde::{Deserialize, Serialize};

use crate::{ActorCode, CameoCode, CameoRoot, Date, Plover, QuadClass, Span};

/// One coded event. Every field needed to audit it travels with it: the
/// sentence, the evidence span and the dictionary entry (`rule`) that fired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub source: Participant,
    pub target: Participant,
    pub code: CameoCode,
    pub root: CameoRoot,
    /// The codebook name of `code`.
    pub name: String,
    pub goldstein: f32,
    pub quad: QuadClass,
    pub plover: Option<Plover>,
    /// The day the event took place: the resolved time expression of its
    /// sentence, else the article date.
    pub date: Option<Date>,
    /// Index of the sentence in the analysed text.
    pub sentence: usize,
    /// The words that express the event.
    pub evidence: String,
    pub evidence_span: Span,
    /// The dictionary entry or pattern that produced the event, e.g.
    /// `verbs.txt:212 VISIT` or `petrarch:CAMEO.2.0.txt:1043`.
    pub rule: String,
    #[serde(default, skip_serializing_if = "Modality::is_asserted")]
    pub modality: Modality,
    /// Where the event is reported speech, who reported it ("X said Y attacked Z").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_by: Option<Participant>,
    /// The place the sentence says the event happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Tone of the event's sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tone: Option<f64>,
}

/// An event's source or target: the words and the actor they name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub text: String,
    pub actor: Option<ActorCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// Whether the text states the event as fact. Negated events are never coded,
/// so there is no variant for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as having happened or happening.
    #[default]
    Asserted,
    /// Will, shall, is to, plans to.
    Future,
    /// May, might, could.
    Possible,
    /// If, would, unless.
    Hypothetical,
}

impl Modality {
    pub fn is_asserted(&self) -> bool {
        *self == Modality::Asserted
    }

    /// The name used in JSON and TSV output.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Future => "future",
            Modality::Possible => "possible",
            Modality::Hypothetical => "hypothetical",
        }
    }
}
