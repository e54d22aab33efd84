//! The cue words of quotation: verbs that attribute a direct quote beyond
//! the speech verbs of reported speech, participles that quote for the
//! sentence subject, naming verbs (`called it a "tough spot"`), the words
//! that end a speaker phrase, and the tests for a cue at a token.

use crate::words::{SPEECH_VERBS, is_in};

use super::Quoter;

/// Verbs that attribute a direct quote beyond the speech verbs of reported
/// speech: `"...," he asked.`, `He continued, "..."`.
pub(super) const QUOTE_CUES: &[&str] = &[
    "confessed",
    "echoed",
    "released",
    "issued",
    "asked",
    "asks",
    "ask",
    "continued",
    "continues",
    "concluded",
    "concludes",
    "tweeted",
    "tweets",
    "joked",
    "jokes",
    "quipped",
    "responded",
    "responds",
    "shouted",
    "yelled",
    "chanted",
    "chant",
    "admitted",
    "admits",
    "conceded",
    "concedes",
    "countered",
    "counters",
    "observed",
    "observes",
    "mused",
    "offered",
    "promised",
    "promises",
    "vowed",
    "vows",
    "recalls",
    "replies",
    "say",
    "wrote",
    "writes",
    "added",
    "adds",
    "told",
    "tells",
    "explained",
    "explains",
    "exclaimed",
    "declared",
    "boasted",
    "complained",
    "complains",
    "insisted",
    "insists",
    "predicted",
    "warned",
    "warns",
    "noted",
    "notes",
    "pointed",
    "points",
    "agreed",
    "agrees",
    "acknowledged",
    "acknowledges",
    "reiterated",
    "testified",
    "remarked",
    "remarks",
    "cried",
    "screamed",
    "whispered",
    "announced",
    "stated",
    "says",
    "said",
    "argued",
    "argues",
    "posted",
    "emailed",
    "texted",
    "muttered",
    "laughed",
    "summed",
    "put",
    "began",
    "begins",
    "went",
    "goes",
    "read",
    "reads",
    "wondered",
    "wonders",
    "thundered",
    "scoffed",
    "snapped",
    "recounted",
    "remembered",
];

/// The cue of a speaker taken from the sentence subject, not from a speech verb.
pub(super) const SUBJECT: &str = "subject";

/// Participles that quote on behalf of the sentence's subject: `Clinton
/// spoke, telling the crowd, "..."`.
pub(super) const PARTICIPLES: &[&str] = &[
    "telling",
    "writing",
    "reporting",
    "asking",
    "adding",
    "saying",
    "noting",
    "declaring",
    "arguing",
    "explaining",
    "tweeting",
    "posting",
    "insisting",
    "warning",
    "calling",
];

/// Verbs that put a quoted name on something: `called it a "tough spot"`.
pub(super) const NAMING: &[&str] = &[
    "called",
    "calls",
    "calling",
    "described",
    "describes",
    "describing",
    "dubbed",
    "termed",
    "labeled",
    "labelled",
    "branded",
    "deemed",
    "hailed",
];

/// Words that end a speaker phrase read after its cue ("said one adviser, who ...").
pub(super) const PHRASE_END: &[&str] = &[
    "who", "whose", "which", "that", "in", "on", "at", "during", "after", "before", "as", "when",
    "while", "because", "and",
];

impl Quoter<'_> {
    /// A speech verb written in lower case ("States" in "United States" is not one).
    pub(super) fn is_cue(&self, k: usize) -> bool {
        is_in(SPEECH_VERBS, &self.words[k]) && self.is_lower(k)
    }

    /// A verb of [`QUOTE_CUES`] at `j`, right after the quote (from `k`) or
    /// after a short phrase that names the speaker: `"...," he asked`,
    /// `"...," Sen. Chuck Schumer (D-N.Y.) said Tuesday`.
    pub(super) fn is_quote_cue(&self, j: usize, k: usize) -> bool {
        let tagged_verb = self.text.tokens[j]
            .tag
            .is_some_and(|t| matches!(t.as_str(), "VBD" | "VBZ"))
            && self
                .mention_starting(k)
                .is_some_and(|m| self.mentions[m].tokens.1 == j);
        (is_in(QUOTE_CUES, &self.words[j]) || tagged_verb)
            && self.is_lower(j)
            && (k..j).all(|x| {
                !is_in(QUOTE_CUES, &self.words[x])
                    && !matches!(self.words[x].as_str(), "\"" | "“" | "”" | "." | ";")
            })
    }
}
