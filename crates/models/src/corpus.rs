//! Readers for the training corpora: CoNLL-U (GUM) and CoNLL-2003.
//!
//! Both are read in place from `../shared`; nothing from them is copied into
//! the project except what training learns.

use std::path::{Path, PathBuf};

use detente_core::{DepRel, EntityKind, PosTag};

use crate::ModelError;

/// One sentence with gold tags and a gold dependency tree.
#[derive(Debug, Clone, Default)]
pub struct DepSentence {
    pub words: Vec<String>,
    pub tags: Vec<PosTag>,
    /// Head index within the sentence; `None` for the root.
    pub heads: Vec<Option<u32>>,
    pub rels: Vec<DepRel>,
}

impl DepSentence {
    pub fn word_refs(&self) -> Vec<&str> {
        self.words.iter().map(String::as_str).collect()
    }
}

/// One corpus document: the unit of the train/test split.
#[derive(Debug, Clone)]
pub struct DepDoc {
    pub name: String,
    pub sentences: Vec<DepSentence>,
}

/// Reads every `*.conllu` file of `dir`, sorted by file name.
pub fn read_conllu_dir(dir: &Path) -> Result<Vec<DepDoc>, ModelError> {
    let entries = std::fs::read_dir(dir).map_err(|e| ModelError::io(dir, e))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let name = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(DepDoc {
                name,
                sentences: read_conllu(p)?,
            })
        })
        .collect()
}

/// The held-out rule: of the GUM documents proper (file names `GUM_*`, in
/// sorted order) every 10th, starting with the first, is test. Everything
/// else trains, including the GENTLE challenge documents (`GENTLE_*`: genres
/// such as syllabi, dictionaries and poetry that GUM itself does not have).
pub fn is_test_doc(name: &str, gum_index: usize) -> bool {
    name.starts_with("GUM_") && gum_index.is_multiple_of(10)
}

/// Splits documents (in sorted order) into (train, test).
pub fn split_docs(docs: Vec<DepDoc>) -> (Vec<DepDoc>, Vec<DepDoc>) {
    let (mut train, mut test) = (Vec::new(), Vec::new());
    let mut gum_index = 0;
    for d in docs {
        let test_doc = is_test_doc(&d.name, gum_index);
        if d.name.starts_with("GUM_") {
            gum_index += 1;
        }
        if test_doc {
            test.push(d)
        } else {
            train.push(d)
        }
    }
    (train, test)
}

pub fn read_conllu(path: &Path) -> Result<Vec<DepSentence>, ModelError> {
    let text = std::fs::read_to_string(path).map_err(|e| ModelError::io(path, e))?;
    parse_conllu(&text, path)
}

/// Parses CoNLL-U text; multiword-token ranges and empty nodes are skipped.
pub fn parse_conllu(text: &str, path: &Path) -> Result<Vec<DepSentence>, ModelError> {
    let err = |line: usize, msg: String| ModelError::Corpus {
        path: path.to_path_buf(),
        line,
        msg,
    };
    let mut out = Vec::new();
    let mut cur = DepSentence::default();
    let mut start = 1;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                check_heads(&cur).map_err(|m| err(start, m))?;
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(n, format!("{} columns, CoNLL-U has 10", cols.len())));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        if cur.words.is_empty() {
            start = n;
        }
        let id: usize = cols[0]
            .parse()
            .map_err(|_| err(n, format!("bad token id {:?}", cols[0])))?;
        if id != cur.words.len() + 1 {
            return Err(err(n, format!("token id {id} out of sequence")));
        }
        let tag = PosTag::parse(cols[4])
            .ok_or_else(|| err(n, format!("unknown PTB tag {:?}", cols[4])))?;
        let head: u32 = cols[6]
            .parse()
            .map_err(|_| err(n, format!("bad head {:?}", cols[6])))?;
        let rel = DepRel::parse(cols[7])
            .ok_or_else(|| err(n, format!("unknown relation {:?}", cols[7])))?;
        cur.words.push(cols[1].to_string());
        cur.tags.push(tag);
        cur.heads.push(head.checked_sub(1));
        cur.rels.push(rel);
    }
    if !cur.words.is_empty() {
        check_heads(&cur).map_err(|m| err(start, m))?;
        out.push(cur);
    }
    Ok(out)
}

fn check_heads(s: &DepSentence) -> Result<(), String> {
    match s
        .heads
        .iter()
        .flatten()
        .find(|h| **h as usize >= s.words.len())
    {
        Some(h) => Err(format!(
            "head {} beyond the sentence's {} tokens",
            h + 1,
            s.words.len()
        )),
        None => Ok(()),
    }
}

/// One CoNLL-2003 sentence: words, their (given) POS tags, gold entity spans.
#[derive(Debug, Clone, Default)]
pub struct NerSentence {
    pub words: Vec<String>,
    /// `(first, end, kind)` token spans, end exclusive.
    pub spans: Vec<(usize, usize, EntityKind)>,
}

impl NerSentence {
    pub fn word_refs(&self) -> Vec<&str> {
        self.words.iter().map(String::as_str).collect()
    }
}

pub fn read_conll2003(path: &Path) -> Result<Vec<NerSentence>, ModelError> {
    let text = std::fs::read_to_string(path).map_err(|e| ModelError::io(path, e))?;
    parse_conll2003(&text, path)
}

/// Parses `word POS chunk NER` lines with IOB1 entity tags (a `B-` only
/// where two entities of one type touch).
pub fn parse_conll2003(text: &str, path: &Path) -> Result<Vec<NerSentence>, ModelError> {
    let mut out = Vec::new();
    let mut cur = NerSentence::default();
    let mut open: Option<(usize, EntityKind)> = None;
    for (i, line) in text.lines().enumerate() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() || cols[0] == "-DOCSTART-" {
            close(&mut cur, &mut open);
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if cols.len() != 4 {
            let msg = format!("{} columns, expected word POS chunk NER", cols.len());
            return Err(ModelError::Corpus {
                path: path.to_path_buf(),
                line: i + 1,
                msg,
            });
        }
        let at = cur.words.len();
        let (prefix, kind) = match cols[3].split_once('-') {
            None if cols[3] == "O" => (None, None),
            Some((p @ ("B" | "I"), k)) => (Some(p), kind_of(k)),
            _ => (None, None),
        };
        let Some(kind) = kind.filter(|_| prefix.is_some()) else {
            if cols[3] != "O" {
                let msg = format!("unknown entity tag {:?}", cols[3]);
                return Err(ModelError::Corpus {
                    path: path.to_path_buf(),
                    line: i + 1,
                    msg,
                });
            }
            close(&mut cur, &mut open);
            cur.words.push(cols[0].to_string());
            continue;
        };
        let continues = prefix == Some("I") && open.is_some_and(|(_, k)| k == kind);
        if !continues {
            close(&mut cur, &mut open);
            open = Some((at, kind));
        }
        cur.words.push(cols[0].to_string());
    }
    close(&mut cur, &mut open);
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

fn close(s: &mut NerSentence, open: &mut Option<(usize, EntityKind)>) {
    if let Some((start, kind)) = open.take() {
        s.spans.push((start, s.words.len(), kind));
    }
}

fn kind_of(k: &str) -> Option<EntityKind> {
    match k {
        "PER" => Some(EntityKind::Person),
        "ORG" => Some(EntityKind::Organization),
        "LOC" => Some(EntityKind::Location),
        "MISC" => Some(EntityKind::Misc),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_spans() {
        let text = "The O O O\nEuropean NNP I-NP I-ORG\nCommission NNP I-NP I-ORG\nsaw VBD O O\n\
                    Bonn NNP O I-LOC\nParis NNP O B-LOC\n\nPeter NNP O I-PER\n";
        let s = parse_conll2003(text, Path::new("t")).unwrap();
        assert_eq!(s.len(), 2);
        let loc = EntityKind::Location;
        assert_eq!(
            s[0].spans,
            vec![(1, 3, EntityKind::Organization), (4, 5, loc), (5, 6, loc)]
        );
        assert_eq!(s[1].spans, vec![(0, 1, EntityKind::Person)]);
    }

    #[test]
    fn conllu_skips_ranges_and_reports_lines() {
        let ok = "# c\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n\
                  2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n\n";
        let s = parse_conllu(ok, Path::new("t")).unwrap();
        assert_eq!(s[0].words, ["do", "n't"]);
        assert_eq!(s[0].heads, [None, Some(0)]);
        let bad = "1\tdo\tdo\tAUX\tZZZ\t_\t0\troot\t_\t_\n";
        let e = parse_conllu(bad, Path::new("f.conllu"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("f.conllu:1") && e.contains("ZZZ"), "{e}");
        let far = "1\tdo\tdo\tAUX\tVB\t_\t5\troot\t_\t_\n";
        assert!(parse_conllu(far, Path::new("t")).is_err());
    }
}
