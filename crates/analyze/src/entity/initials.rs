//! Repairs of model mentions around initials ("Oscar P. Quintero",
//! "Mary J. Blige"): CoNLL-2003 has few middle initials, so the trained
//! recogniser sometimes cuts a name at one. Two rules, both local:
//!
//! - two mentions with only an initial between them, one of them a person,
//!   are one person;
//! - a person mention that starts with an initial takes in the word before
//!   it when that word is capitalised and a known given name, or when the
//!   mention is the initial's own surname and the word is capitalised and no
//!   function word.

use detente_core::EntityKind;

use super::starts_upper;
use crate::lexicon::{Lexicon, push_lower};
use crate::steps::MentionSpan;

/// "P.", "J." (one capital letter and a period).
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

/// Repairs `found` (mentions of one sentence, in order, over `words`).
pub(super) fn repair(words: &[&str], found: &mut Vec<MentionSpan>) {
    merge_across_initials(words, found);
    extend_left(words, found);
}

fn merge_across_initials(words: &[&str], found: &mut Vec<MentionSpan>) {
    let mut out: Vec<MentionSpan> = Vec::with_capacity(found.len());
    for m in found.drain(..) {
        if let Some(prev) = out.last_mut() {
            let person = prev.kind == EntityKind::Person || m.kind == EntityKind::Person;
            if person && m.start == prev.end + 1 && is_initial(words[prev.end]) {
                prev.end = m.end;
                prev.kind = EntityKind::Person;
                continue;
            }
        }
        out.push(m);
    }
    *found = out;
}

fn extend_left(words: &[&str], found: &mut [MentionSpan]) {
    let lex = Lexicon::get();
    let mut buf = String::new();
    let mut free_from = 0;
    for m in found.iter_mut() {
        let starts_with_initial = is_initial(words[m.start]);
        if m.kind == EntityKind::Person && starts_with_initial && m.start > free_from {
            let w = words[m.start - 1];
            buf.clear();
            push_lower(&mut buf, w);
            let given = lex.given_names.contains(buf.as_str());
            let plain = w.chars().all(char::is_alphabetic)
                && lex.function_tag(&buf).is_none()
                && m.end - m.start >= 2;
            if starts_upper(w) && (given || plain) {
                m.start -= 1;
            }
        }
        free_from = m.end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, kind: EntityKind) -> MentionSpan {
        MentionSpan { start, end, kind }
    }

    #[test]
    fn a_name_cut_at_an_initial_is_mended() {
        let words = ["―", "Oscar", "P.", "Quintero"];
        let mut found = vec![
            span(1, 2, EntityKind::Person),
            span(3, 4, EntityKind::Person),
        ];
        repair(&words, &mut found);
        assert_eq!(found, [span(1, 4, EntityKind::Person)]);

        let words = ["met", "Mary", "J.", "Blige", "."];
        let mut found = vec![span(2, 4, EntityKind::Person)];
        repair(&words, &mut found);
        assert_eq!(found, [span(1, 4, EntityKind::Person)]);
    }

    #[test]
    fn other_mentions_stay_apart() {
        let words = ["Paris", "and", "Rome", "U.", "Smith"];
        let mut found = vec![
            span(0, 1, EntityKind::Location),
            span(2, 3, EntityKind::Location),
        ];
        repair(&words, &mut found);
        assert_eq!(found.len(), 2);
        assert!(!is_initial("U.S.") && !is_initial("p.") && is_initial("É."));
    }
}
