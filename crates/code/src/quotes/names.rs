//! Speaker names: a speaker as found in the text resolved to the fullest
//! name in the document, its actor code and the description that
//! introduced it, and the [`Quote`] built from it.

use detente_core::{ActorCode, Quote, QuoteKind, Span};

use crate::mentions::MentionKind;
use crate::words::{PERSON_PRONOUNS, SPEECH_VERBS, is_in};

use super::{Quoter, Speaker};

impl Quoter<'_> {
    pub(super) fn quote(&self, kind: QuoteKind, span: Span, speaker: Option<&Speaker>) -> Quote {
        let (name, actor, description) = match speaker {
            None => (None, None, None),
            Some(s) => self.resolve(s),
        };
        Quote {
            kind,
            text: span.text(self.body).to_string(),
            speaker: name,
            speaker_description: description,
            speaker_actor: actor,
            cue: speaker.map(|s| s.cue.clone()),
            speaker_span: speaker.map(|s| s.span),
            span,
        }
    }

    fn resolve(&self, s: &Speaker) -> (Option<String>, Option<ActorCode>, Option<String>) {
        if let Some(name) = &s.resolved {
            let actor = self.actors.get(name.as_str()).copied();
            return (Some(name.clone()), actor, self.description(name));
        }
        let raw = s.span.text(self.body);
        let raw = raw
            .strip_prefix("the ")
            .or_else(|| raw.strip_prefix("The "))
            .unwrap_or(raw);
        match s.mention.map(|m| &self.mentions[m]) {
            Some(m) if matches!(m.kind, MentionKind::Person | MentionKind::Unknown) => {
                let full = self.fullest(&m.name);
                let actor = m.actor.or_else(|| self.actors.get(full.as_str()).copied());
                let desc = self.description(&full);
                (Some(full), actor, desc)
            }
            Some(m) => (Some(raw.to_string()), m.actor, None),
            None if raw.chars().next().is_some_and(char::is_uppercase)
                && raw.split_whitespace().count() == 1
                && !raw.chars().all(|c| c.is_uppercase())
                && self.looks_like_name(raw) =>
            {
                let full = self.fullest(raw);
                let desc = self.description(&full);
                (Some(full), None, desc)
            }
            // "he" with nobody named before: unresolved, though `speaker_span` shows the word
            None if is_in(PERSON_PRONOUNS, &raw.to_lowercase()) => (None, None, None),
            None => (Some(raw.to_string()), None, None),
        }
    }

    pub(super) fn last_person_before(&self, at: usize) -> Option<String> {
        let i = self
            .persons
            .partition_point(|&m| self.mentions[m].span.end <= at);
        let m = &self.mentions[*self.persons[..i].last()?];
        Some(self.fullest(&m.name))
    }

    /// The fullest person name in the document containing `name`'s last word.
    fn fullest(&self, name: &str) -> String {
        let last = name.split_whitespace().last().unwrap_or(name);
        self.names
            .get(last)
            .filter(|n| n.len() >= name.len())
            .cloned()
            .unwrap_or_else(|| name.to_string())
    }

    /// Whether a capitalised word is a surname used elsewhere in a longer name.
    fn looks_like_name(&self, word: &str) -> bool {
        self.fullest(word) != word
    }

    /// The description an apposition gave the person: "Wan Chengcai, an expert on ...".
    fn description(&self, full: &str) -> Option<String> {
        if let Some(d) = self.descriptions.borrow().get(full) {
            return d.clone();
        }
        let d = self.find_description(full);
        self.descriptions
            .borrow_mut()
            .insert(full.to_string(), d.clone());
        d
    }

    fn find_description(&self, full: &str) -> Option<String> {
        if let Some(role) = self
            .text
            .entities
            .iter()
            .find(|e| e.name() == full)
            .and_then(|e| e.role.clone())
        {
            return Some(role);
        }
        let at = self.body.find(full)? + full.len();
        let rest = self.body[at..].strip_prefix(", ")?;
        let end = rest.find([',', '.', ';', '\n']).unwrap_or(rest.len());
        let phrase = &rest[..end];
        let first = phrase.split_whitespace().next()?;
        (matches!(first, "a" | "an" | "the")
            || first.chars().next().is_some_and(char::is_lowercase))
        .then(|| phrase.to_string())
        .filter(|p| !p.split_whitespace().any(|w| is_in(SPEECH_VERBS, w)))
    }
}
