//! Synsets with their nested members resolved to word sequences.
//!
//! A member may name another synset (`+&TIETYPES`); resolution follows such
//! references depth-first. A cycle (`&A` holds `&B` holds `&A`) or a
//! reference to a synset never defined is reported once, with the line of
//! the synset where it was found, and that member is left out.

use std::collections::HashMap;

use super::verbs::{Member, VerbDictionary};
use crate::error::CodeError;

/// Every synset as a list of word sequences (uppercase).
#[derive(Debug, Clone, Default)]
pub struct Synsets {
    resolved: HashMap<String, Vec<Vec<String>>>,
}

impl Synsets {
    pub fn new(dict: &VerbDictionary, problems: &mut Vec<CodeError>) -> Synsets {
        let mut out = Synsets::default();
        let mut names: Vec<&String> = dict.synsets.keys().collect();
        names.sort();
        for name in names {
            let mut path = Vec::new();
            let words = resolve(dict, name, &mut path, problems);
            out.resolved.insert(name.clone(), words);
        }
        out
    }

    /// The members of `name`; none for a synset never defined.
    pub fn members(&self, name: &str) -> &[Vec<String>] {
        self.resolved.get(name).map_or(&[], Vec::as_slice)
    }
}

fn resolve(
    dict: &VerbDictionary,
    name: &str,
    path: &mut Vec<String>,
    problems: &mut Vec<CodeError>,
) -> Vec<Vec<String>> {
    let Some((line, members)) = dict.synsets.get(name) else {
        return Vec::new();
    };
    path.push(name.to_string());
    let mut out = Vec::new();
    for m in members {
        match m {
            Member::Words(w) => out.push(w.clone()),
            Member::Synset(inner) if path.iter().any(|p| p == inner) => {
                // Each synset on the cycle reports it once, as its own.
                if path[0] == *inner {
                    problems.push(CodeError::line(
                        &dict.file,
                        dict.synsets.get(inner).map_or(*line, |s| s.0),
                        format!("synset cycle: &{} → &{inner}", path.join(" → &")),
                    ));
                }
            }
            Member::Synset(inner) if !dict.synsets.contains_key(inner) => {
                if path.len() == 1 {
                    problems.push(CodeError::line(
                        &dict.file,
                        *line,
                        format!("&{name} refers to &{inner}, which is not defined"),
                    ));
                }
            }
            Member::Synset(inner) => out.extend(resolve(dict, inner, path, problems)),
        }
    }
    path.pop();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_synsets_resolve_and_cycles_are_reported() {
        let text = "&A\n+X\n+&B\n&B\n+Y_Z\n+&A\n&C\n+&NOPE\n";
        let (d, p) = VerbDictionary::parse("v.txt", text);
        assert!(p.is_empty());
        let mut problems = Vec::new();
        let s = Synsets::new(&d, &mut problems);
        assert_eq!(
            s.members("A"),
            [vec!["X".to_string()], vec!["Y".into(), "Z".into()]]
        );
        assert_eq!(s.members("B").len(), 2);
        let msgs: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert!(msgs[0].starts_with("v.txt:1: synset cycle: &A → &B → &A"));
        assert!(msgs[2].contains("&NOPE, which is not defined"));
    }
}
