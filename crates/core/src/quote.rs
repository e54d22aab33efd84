//! Quotations and reported speech with their speakers.

use serde::{Deserialize, Serialize};

use crate::{ActorCode, Span};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub kind: QuoteKind,
    /// The quoted or reported content, without the quotation marks.
    pub text: String,
    /// The fullest name of the speaker in the document; `None` where unresolved.
    pub speaker: Option<String>,
    /// How the text introduced the speaker ("an expert on Russian foreign policy").
    pub speaker_description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_actor: Option<ActorCode>,
    /// The verb or phrase that attributes the quote ("said", "according to").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// Where the speaker is named next to the cue ("he", "Wan", "the ministry"),
    /// before it is resolved to `speaker`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_span: Option<Span>,
    /// Byte span of `text` in the body.
    #[serde(flatten)]
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words inside quotation marks.
    Direct,
    /// Reported speech: "X said that ...", "according to X".
    Indirect,
}
