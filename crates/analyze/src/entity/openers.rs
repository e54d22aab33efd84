//! A guard on model mentions at the start of a sentence, where a capital
//! letter says nothing: a one-word mention there that the lexicon knows as a
//! function word or sentence adverb ("Moreover", "However", "Meanwhile") is
//! dropped. The tagger's reading is not used: it often tags a capitalised
//! name it never saw as a verb or adverb ("Keating", "Pirelli").

use crate::lexicon::{Lexicon, push_lower};
use crate::steps::MentionSpan;

/// Removes a one-word mention of token 0 that is a known function word.
pub(super) fn drop_spurious(words: &[&str], found: &mut Vec<MentionSpan>) {
    let Some(first) = words.first() else { return };
    let mut lower = String::new();
    push_lower(&mut lower, first);
    if Lexicon::get().function_tag(&lower).is_some() {
        found.retain(|m| !(m.start == 0 && m.end == 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use detente_core::EntityKind;

    #[test]
    fn a_sentence_adverb_is_no_name() {
        let span = MentionSpan {
            start: 0,
            end: 1,
            kind: EntityKind::Person,
        };
        let mut found = vec![span];
        drop_spurious(&["Moreover", ","], &mut found);
        assert!(found.is_empty());
        let mut found = vec![span];
        drop_spurious(&["Keating", "said"], &mut found);
        assert_eq!(found.len(), 1);
    }
}
