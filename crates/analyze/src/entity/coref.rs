//! Within-document name coreference.
//!
//! A person named with two or more words ("John Kerry", "Wan Chengcai")
//! is the canonical form of every other capitalised token that equals one
//! of its name words: "Kerry" and "Wan" (Chinese names put the family name
//! first, so any part may be the short form). A word shared by two
//! different people resolves to neither. The short mention takes the
//! person's canonical name, role and country; it is added where no
//! mention covered the token, or replaces a lone `misc` guess there.
//! Acronyms introduced in brackets work the same way ("IS" → "Islamic State").
//!
//! One pass to index the names, one pass over the tokens: linear.

use std::collections::HashMap;

use detente_core::EntityKind;

use super::{Doc, Mention, starts_upper};

/// Who a short name refers to: a mention index, or `None` if ambiguous.
type Index<'a> = HashMap<&'a str, Option<usize>>;

pub(super) fn resolve(doc: &Doc, mentions: &mut Vec<Mention>) {
    let index = index_names(doc, mentions);
    if index.is_empty() {
        return;
    }
    let mut covered: Vec<Option<usize>> = vec![None; doc.words.len()];
    for (i, m) in mentions.iter().enumerate().filter(|(_, m)| !m.removed) {
        for slot in &mut covered[m.start..m.end] {
            *slot = Some(i);
        }
    }
    let mut added = Vec::new();
    for (t, w) in doc.words.iter().enumerate() {
        let Some(&Some(full)) = index.get(w) else {
            continue;
        };
        if !starts_upper(w) {
            continue;
        }
        match covered[t] {
            None => {
                let mut short = Mention::new(t, t + 1, mentions[full].kind, None);
                inherit(&mut short, &mentions[full]);
                added.push(short);
            }
            Some(c)
                if c != full
                    && mentions[c].name_len() == 1
                    && mentions[c].canonical.is_none()
                    && matches!(mentions[c].kind, EntityKind::Misc | EntityKind::Person) =>
            {
                let source = mentions[full].clone();
                inherit(&mut mentions[c], &source);
            }
            _ => {}
        }
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| m.start);
}

/// Canonical names for multi-word persons and acronyms, and the short-name index.
fn index_names<'a>(doc: &Doc<'a>, mentions: &mut [Mention]) -> Index<'a> {
    let mut index: Index<'a> = HashMap::new();
    let mut owner_of: HashMap<&'a str, usize> = HashMap::new();
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if m.removed {
            continue;
        }
        if m.kind == EntityKind::Person && m.name_len() >= 2 {
            let full = doc.text_of(m.name.0, m.name.1);
            let owner = *owner_of.entry(full).or_insert(i);
            if owner != i {
                // The first mention speaks for the person: give it what later ones know.
                let (role, code) = (m.role, m.code);
                let o = &mut mentions[owner];
                o.role = o.role.or(role);
                o.code = o.code.or(code);
            }
            mentions[i].canonical = Some(full.to_string());
            for &w in &doc.words[mentions[i].name.0..mentions[i].name.1] {
                if w.chars().count() < 2 || w.ends_with('.') {
                    continue;
                }
                let slot = index.entry(w).or_insert(Some(owner));
                if slot.is_some_and(|o| o != owner) {
                    *slot = None;
                }
            }
        } else if m.canonical.is_some() && m.name_len() == 1 {
            index.entry(doc.words[m.name.0]).or_insert(Some(i));
        }
    }
    index
}

/// Gives a short mention the identity of the full one.
fn inherit(short: &mut Mention, full: &Mention) {
    short.kind = full.kind;
    short.canonical = full.canonical.clone();
    short.role = short.role.or(full.role);
    short.code = short.code.or(full.code);
}
