//! What the sentence says of the act at an anchor: negated, obliged,
//! demanded, conditional (or itself a condition), refused, future,
//! possible or hypothetical, readied, a circumstance or backdrop of
//! another act; who it is reported from; and the CAMEO codes a refused,
//! conditional or promised act takes instead of its own.

use detente_core::{CameoCode, Modality, Participant};

use super::{GAP_REACH, View};
use crate::words::*;

impl View<'_> {
    pub(super) fn negated(&self, i: usize) -> bool {
        let lo = i.saturating_sub(4);
        (lo..i).rev().take_while(|&j| !self.is_break(j)).any(|j| {
            is_in(NEGATORS, self.w(j))
                || (is_in(NEGATING_VERBS, self.w(j)) && j + 1 < self.len() && self.w(j + 1) == "to")
        })
    }

    pub(super) fn modality(&self, i: usize) -> Modality {
        let lo = i.saturating_sub(10);
        let mut j = i;
        while j > lo {
            j -= 1;
            let w = self.w(j);
            if matches!(w, "if" | "unless") || is_in(HYPOTHETICAL, w) {
                return Modality::Hypothetical;
            }
            if self.is_break(j) {
                break;
            }
            if is_in(FUTURE, w) || (is_in(FUTURE_TO, w) && self.to_follows(j, i)) {
                return Modality::Future;
            }
            if is_in(POSSIBLE, w) {
                return Modality::Possible;
            }
        }
        Modality::Asserted
    }

    /// Whether forces are readied for the act at `i`: "prepared to resume
    /// shelling", "poised to attack".
    pub(super) fn poised(&self, i: usize) -> bool {
        (i.saturating_sub(6)..i)
            .rev()
            .take_while(|&j| !self.is_break(j))
            .any(|j| {
                matches!(
                    self.w(j),
                    "prepared" | "preparing" | "prepares" | "poised" | "readying"
                ) && self.to_follows(j, i + 1)
            })
    }

    /// Whether "to" follows token `j` before token `i`, over at most a short
    /// adverbial ("threatened on Monday to break").
    fn to_follows(&self, j: usize, i: usize) -> bool {
        (j + 1..i.min(j + 5)).any(|k| self.w(k) == "to")
    }

    /// Whether "unless" follows the anchor at `i` in the sentence: "X will
    /// withdraw unless Y ..." states a condition, i.e. a threat.
    pub(super) fn conditional(&self, i: usize) -> bool {
        (i + 1..self.len().min(i + GAP_REACH)).any(|k| self.w(k) == "unless")
    }

    /// Whether the anchor at `i` is refused: "refused to attend", "declined
    /// to meet", "will not accept". Refusal is coded as rejection (CAMEO 12),
    /// where plain negation ("did not attend") is not coded at all.
    pub(super) fn refused(&self, i: usize) -> bool {
        let lo = i.saturating_sub(4);
        (lo..i).rev().take_while(|&j| !self.is_break(j)).any(|j| {
            let w = self.w(j);
            (is_in(REFUSING_VERBS, w) && self.to_follows(j, i + 1))
                || (is_in(NEGATORS, w) && j > 0 && is_in(REFUSING_MODALS, self.w(j - 1)))
        })
    }

    /// Whether "must" or "should" governs the anchor at `i`: "Y must
    /// withdraw" is a demand on Y (coded from the demand), not a withdrawal.
    pub(super) fn obliged(&self, i: usize) -> bool {
        (i.saturating_sub(3)..i).any(|j| matches!(self.w(j), "must" | "should" | "ought"))
    }

    /// Whether the act at `i` is what someone demands or urges, not what
    /// happened: "demanded that its partners refuse to recognize X",
    /// "urged Y to withdraw", "called for the release of Z". The demand
    /// itself is coded from its own pattern.
    pub(super) fn demanded(&self, i: usize, noun: bool) -> bool {
        if noun {
            // "demanded the release", "called for the withdrawal".
            let j = self.phrase_start(i);
            let k = match j.checked_sub(1) {
                Some(k) if self.w(k) == "for" && k > 0 => k - 1,
                Some(k) => k,
                None => return false,
            };
            if is_in(DEMAND_VERBS, self.w(k)) {
                return true;
            }
        }
        let mut chunk_between = false;
        for j in (i.saturating_sub(12)..i).rev() {
            let w = self.w(j);
            if is_in(DEMAND_VERBS, w) {
                let next = self.w(j + 1);
                // "urged Y to withdraw": an addressee, then the act.
                let to = i >= 2 && self.w(i - 1) == "to" && chunk_between;
                return next == "that" || to;
            }
            chunk_between |= self.chunk_to[j].is_some();
            if self.is_break(j) && w != "that" {
                return false;
            }
        }
        false
    }

    /// A verb in "-ing" right after a preposition is the content of another
    /// phrase ("an appeal for deploying troops"), not an event of its own.
    pub(super) fn gerund_in_phrase(&self, i: usize) -> bool {
        self.w(i).ends_with("ing")
            && i > 0
            && matches!(
                self.w(i - 1),
                "for" | "of" | "about" | "on" | "against" | "after" | "before" | "from" | "by"
            )
    }

    /// Whether the noun at `i` is the complement of another noun ("an
    /// investigation of illegal arms sales"): the clause subject did not
    /// do what it names.
    pub(super) fn complement_of_noun(&self, i: usize) -> bool {
        let j = self.phrase_start(i);
        j >= 2 && self.w(j - 1) == "of" && self.lowercase_word(j - 2)
    }

    /// Whether the anchor at `i` stands in an "if" or "unless" clause: "...
    /// unless the president agrees to step down" states the condition of
    /// another act (coded as a threat there), not an event of its own.
    pub(super) fn condition(&self, i: usize) -> bool {
        // "if" and "unless" are clause breaks themselves: checked first.
        for j in (i.saturating_sub(10)..i).rev() {
            if matches!(self.w(j), "if" | "unless") {
                return true;
            }
            if self.is_break(j) {
                return false;
            }
        }
        false
    }

    /// Whether the noun at `i` names the circumstance of another act ("after
    /// a demonstration", "during the strike"): then its clause's subject is
    /// not the one who held it.
    pub(super) fn circumstance(&self, i: usize) -> bool {
        let j = self.phrase_start(i);
        j > 0
            && matches!(
                self.w(j - 1),
                "after" | "following" | "before" | "during" | "since" | "despite" | "amid" | "over"
            )
    }

    /// Whether the noun at `i` gives the cause or backdrop of another act
    /// ("closed its borders because of fighting between ...", "amid
    /// clashes with ..."): reported as background, not as the news.
    pub(super) fn background(&self, i: usize) -> bool {
        let j = self.phrase_start(i);
        j > 0
            && (self.w(j - 1) == "amid"
                || (j > 1 && self.w(j - 1) == "of" && self.w(j - 2) == "because")
                || (j > 1 && self.w(j - 1) == "to" && self.w(j - 2) == "due"))
    }

    /// Who the sentence attributes its content to ("analysts said ...",
    /// "..., Wan said"), if anyone: the speech verb's index and speaker.
    pub(super) fn claim(&self) -> Option<(usize, Participant)> {
        let k = (0..self.len()).find(|&k| self.is_cue(k))?;
        let before = k
            .checked_sub(1)
            .and_then(|j| self.chunk_to[j])
            .map(|c| self.actor_of_chunk(c));
        let after = self
            .chunk_from
            .get(k + 1)
            .copied()
            .flatten()
            .map(|c| self.actor_of_chunk(c));
        let speaker = match (before, after) {
            (Some(a), _) | (None, Some(a)) => self.participant(&a),
            _ => {
                let j = k.checked_sub(1)?;
                let w = self.w(j);
                // A bare word names a speaker only if it can be one: a noun
                // or pronoun, not "and" in "criticized X and urged Y".
                let nominal =
                    self.tags[j].is_none_or(|t| t.is_noun() || t.as_str().starts_with("PRP"));
                if is_punct(w) || is_in(DETERMINERS, w) || is_in(PREPOSITIONS, w) || !nominal {
                    return None;
                }
                Participant {
                    text: self.spans[j].text(self.body).to_string(),
                    actor: None,
                    span: Some(self.spans[j]),
                }
            }
        };
        Some((k, speaker))
    }
}

/// CAMEO codes a refused act as rejection (12): refusing to meet or
/// negotiate is 125, to yield 124, to cooperate or help 120.
pub fn refusal_code(code: CameoCode) -> CameoCode {
    let mapped = match code.root().number() {
        4 => "125",
        8 => "124",
        _ => "120",
    };
    CameoCode::parse(mapped).unwrap_or(code)
}

/// An act stated under a condition ("will withdraw unless ...") is a
/// threat: the threat its intent code names, else an unspecified one (130).
pub fn threat_code(code: CameoCode) -> CameoCode {
    let intent = intent_code(code);
    if intent.root().number() == 13 {
        intent
    } else {
        CameoCode::parse("130").unwrap_or(code)
    }
}

/// CAMEO codes a promised or threatened act as the promise or the threat:
/// "X will visit Y" is an intent to meet (036), "X would attack Y" a threat
/// of force (138). Maps the code of an event with future or hypothetical
/// modality accordingly; other codes stay.
pub fn intent_code(code: CameoCode) -> CameoCode {
    let mapped = match (code.root().number(), code.as_str()) {
        (_, "161") => "1313",
        (_, "162") => "1311",
        (_, "163") => "1312",
        (4, _) => "036",
        (5, _) => "032",
        (6, _) => "031",
        (7, _) => "033",
        (8, _) => "035",
        (16, _) => "131",
        (17, _) => "137",
        (15 | 18 | 19 | 20, _) => "138",
        _ => return code,
    };
    CameoCode::parse(mapped).unwrap_or(code)
}
