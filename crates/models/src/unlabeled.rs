//! Unlabeled text for the word clusters ([`crate::clusters`]): the story
//! bodies of Reuters-21578, read in place from `../shared` (also the text of
//! the analyze stage's speed benchmark), cut into rough sentences and tokens
//! and hashed straight away (the text is not kept).
//!
//! The tokeniser here only needs to be close to the tagged corpora's: it
//! splits on spaces, peels brackets, quotes and final punctuation off words
//! and splits the clitics "'s" and "n't", as Penn Treebank tokens do. A
//! sentence ends at a token ending in ". ! ?" followed by a capital.

use std::path::{Path, PathBuf};

use crate::ModelError;
use crate::features::hash_lower;

/// Hashed lowercase tokens of every Reuters story body in `dir`, by sentence.
pub fn reuters_sentences(dir: &Path) -> Result<Vec<Vec<u64>>, ModelError> {
    let mut out = Vec::new();
    for body in reuters_bodies(dir, usize::MAX)? {
        sentences(&body, &mut out);
    }
    Ok(out)
}

/// The story bodies (`<BODY>` … `</BODY>`, entities unescaped, the closing
/// "Reuter" signature dropped) of every `*.sgm` file in `dir`, in file-name
/// order, at most `limit`.
pub fn reuters_bodies(dir: &Path, limit: usize) -> Result<Vec<String>, ModelError> {
    let entries = std::fs::read_dir(dir).map_err(|e| ModelError::io(dir, e))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sgm"))
        .collect();
    files.sort();
    let mut bodies = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f).map_err(|e| ModelError::io(&f, e))?;
        let text = String::from_utf8_lossy(&bytes);
        for part in text.split("<BODY>").skip(1) {
            if bodies.len() >= limit {
                return Ok(bodies);
            }
            let body = part.split("</BODY>").next().unwrap_or("");
            bodies.push(unescape(body.trim_end_matches(" Reuter\n&#3;").trim()));
        }
    }
    Ok(bodies)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#3;", "")
        .replace("&amp;", "&")
}

/// Appends the hashed sentences of `text` to `out`.
pub fn sentences(text: &str, out: &mut Vec<Vec<u64>>) {
    let mut cur = Vec::new();
    let mut tokens = Vec::new();
    for chunk in text.split_whitespace() {
        tokens.clear();
        split_chunk(chunk, &mut tokens);
        for t in &tokens {
            cur.push(hash_lower(t));
        }
        let ends = tokens.last().is_some_and(|t| matches!(*t, "." | "!" | "?"));
        if ends && cur.len() > 1 {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
}

const OPENERS: &[char] = &['(', '[', '{', '"', '\'', '`', '<'];
const CLOSERS: &[char] = &[')', ']', '}', '"', '\'', ',', ';', ':', '.', '!', '?', '>'];

/// Splits one whitespace-free chunk into tokens.
fn split_chunk<'a>(chunk: &'a str, out: &mut Vec<&'a str>) {
    let mut rest = chunk;
    while let Some(c) = rest.chars().next().filter(|c| OPENERS.contains(c)) {
        out.push(&rest[..c.len_utf8()]);
        rest = &rest[c.len_utf8()..];
    }
    let mut tail = Vec::new();
    while let Some(c) = rest.chars().next_back().filter(|c| CLOSERS.contains(c)) {
        // "U.S." keeps its period (it has one inside); "rose." loses it.
        if c == '.' && rest[..rest.len() - 1].contains('.') {
            break;
        }
        let at = rest.len() - c.len_utf8();
        tail.push(&rest[at..]);
        rest = &rest[..at];
    }
    if let Some(stem) = rest.strip_suffix("n't").filter(|s| !s.is_empty()) {
        out.push(stem);
        out.push(&rest[stem.len()..]);
    } else if let Some(stem) = rest.strip_suffix("'s").filter(|s| !s.is_empty()) {
        out.push(stem);
        out.push(&rest[stem.len()..]);
    } else if !rest.is_empty() {
        out.push(rest);
    }
    out.extend(tail.into_iter().rev());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        split_chunk(s, &mut v);
        v
    }

    #[test]
    fn chunks_split_like_treebank_tokens() {
        assert_eq!(split("(Reuters)."), ["(", "Reuters", ")", "."]);
        assert_eq!(split("U.S."), ["U.S."]);
        assert_eq!(split("company's"), ["company", "'s"]);
        assert_eq!(split("didn't,"), ["did", "n't", ","]);
        assert_eq!(split("\"..."), ["\"", "..."]);
        assert!(split("").is_empty());
    }

    #[test]
    fn sentences_end_at_final_punctuation() {
        let mut out = Vec::new();
        sentences("Shares rose. They fell again", &mut out);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].len(), 3);
    }
}
