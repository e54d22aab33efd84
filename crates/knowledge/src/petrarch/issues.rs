//! PETRARCH / Phoenix issue files (`Phoenix.IssueCoding.txt`): phrases
//! that tag a sentence with issues (education, energy, terrorism, ...).
//!
//! ```text
//! <ISSUE CATEGORY="EDUCATION" TYPE="ALL">   a block of one category
//! n:teacher [TEACHERS]        n: singular and plural of the noun
//! v:protest [PROTESTS]        v: the regular verb forms (-s, -ed, -ing)
//! early+childhood education [EARLY_CHILDHOOD_EDUCATION]
//!                             +: the words apart or hyphenated
//! ~a head start               an exclusion: what it covers is not counted
//! eurozone                    no code: the block's CATEGORY is the code
//! </ISSUE>
//! ```
//! `~~` exclusions are read as `~` ones.
//! Matching is on whole lowercase words; a sentence gets each code with the
//! number of its phrase occurrences not inside an exclusion.

use crate::KnowledgeError;
use crate::lines::Source;

/// One phrase: its spellings as word sequences, and its code (none for an exclusion).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Phrase {
    spellings: Vec<Vec<String>>,
    code: Option<String>,
}

/// The most spellings one line may expand into.
const MAX_SPELLINGS: usize = 64;

/// The phrases of one issue file.
#[derive(Debug, Clone, Default)]
pub struct Issues {
    phrases: Vec<Phrase>,
}

impl Issues {
    /// Reads an issue file; malformed lines are skipped and reported.
    pub fn parse(src: Source, problems: &mut Vec<KnowledgeError>) -> Issues {
        let mut out = Issues::default();
        let mut category: Option<String> = None;
        for (i, raw) in src.text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.starts_with("</") {
                category = None;
                continue;
            }
            if line.starts_with('<') {
                category = block_category(line);
                continue;
            }
            if line.is_empty() {
                continue;
            }
            match phrase(line, category.as_deref()) {
                Ok(p) => out.phrases.push(p),
                Err(m) => problems.push(KnowledgeError::line(src.name, i + 1, m)),
            }
        }
        out
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The issue codes of `text` with their counts, in order of first occurrence.
    pub fn find(&self, text: &str) -> Vec<(String, usize)> {
        let words = words(text);
        let mut hits: Vec<(usize, usize, &str)> = Vec::new();
        let mut excluded: Vec<(usize, usize)> = Vec::new();
        for p in &self.phrases {
            for s in &p.spellings {
                for at in (0..words.len()).filter(|&at| words[at..].starts_with(s)) {
                    match &p.code {
                        Some(c) => hits.push((at, at + s.len(), c)),
                        None => excluded.push((at, at + s.len())),
                    }
                }
            }
        }
        hits.sort();
        hits.dedup();
        let mut out: Vec<(String, usize)> = Vec::new();
        for (a, b, code) in hits {
            if excluded.iter().any(|&(x, y)| x <= a && b <= y) {
                continue;
            }
            match out.iter_mut().find(|(c, _)| c == code) {
                Some((_, n)) => *n += 1,
                None => out.push((code.to_string(), 1)),
            }
        }
        out
    }
}

/// `CATEGORY="X"` of an `<ISSUE ...>` line.
fn block_category(line: &str) -> Option<String> {
    let at = line.find("CATEGORY=\"")? + "CATEGORY=\"".len();
    let end = line[at..].find('"')?;
    Some(line[at..at + end].to_string()).filter(|c| !c.is_empty())
}

/// `PHRASE [CODE]`, `~PHRASE`, or inside a block `PHRASE` (the block's code).
fn phrase(line: &str, category: Option<&str>) -> Result<Phrase, String> {
    let (body, code) = match line.strip_prefix('~') {
        Some(rest) => (rest.trim_start_matches('~'), None),
        None if !line.contains('[') && category.is_some() => (line, category.map(str::to_string)),
        None => {
            let open = line
                .rfind('[')
                .ok_or_else(|| format!("expected PHRASE [CODE] or ~PHRASE, found {line:?}"))?;
            let close = line[open..]
                .find(']')
                .map(|k| open + k)
                .ok_or_else(|| format!("expected `]` closing the code in {line:?}"))?;
            let code = line[open + 1..close].trim();
            if code.is_empty() || code.contains(char::is_whitespace) {
                return Err(format!("expected one CODE inside [...], found {code:?}"));
            }
            (&line[..open], Some(code.to_string()))
        }
    };
    let mut spellings: Vec<Vec<String>> = vec![Vec::new()];
    for word in body.split_whitespace() {
        let alts = word_spellings(word)?;
        let mut next = Vec::new();
        for s in &spellings {
            for a in &alts {
                if next.len() < MAX_SPELLINGS {
                    next.push(s.iter().chain(a).cloned().collect());
                }
            }
        }
        spellings = next;
    }
    if spellings.iter().all(Vec::is_empty) {
        return Err(format!("expected a phrase before the code, found {line:?}"));
    }
    Ok(Phrase { spellings, code })
}

/// One written word: `+` joins parts apart or hyphenated; `n:`/`v:` inflect.
fn word_spellings(word: &str) -> Result<Vec<Vec<String>>, String> {
    let parts: Vec<Vec<Vec<String>>> = word
        .split('+')
        .filter(|p| !p.is_empty())
        .map(inflections)
        .collect::<Result<_, _>>()?;
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for (k, forms) in parts.iter().enumerate() {
        let mut next = Vec::new();
        for s in &out {
            for f in forms {
                next.push(s.iter().chain(f).cloned().collect());
                if let (true, Some(last), [single]) = (k > 0, s.last(), f.as_slice()) {
                    let mut joined = s.clone();
                    *joined.last_mut().expect("not empty") = format!("{last}-{single}");
                    next.push(joined);
                }
            }
        }
        out = next;
        out.truncate(MAX_SPELLINGS);
    }
    Ok(out)
}

/// `n:school` → school, schools; `v:protest` → protest, protests, protested,
/// protesting. A part the text would split ("e.u.", "hiv/aids") is read as
/// its words, uninflected.
fn inflections(part: &str) -> Result<Vec<Vec<String>>, String> {
    let (kind, w) = match part.split_once(':') {
        Some((k, w)) => (Some(k), w),
        None => (None, part),
    };
    let tokens = words(w);
    let w = match tokens.as_slice() {
        [] => return Err(format!("expected a word, found {part:?}")),
        [one] => one.clone(),
        _ => return Ok(vec![tokens]),
    };
    let plural = |w: &str| match w.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{stem}ies"),
        _ if w.ends_with("ss") || w.ends_with("sh") || w.ends_with("ch") => format!("{w}es"),
        _ => format!("{w}s"),
    };
    let forms = match kind {
        None => vec![w],
        Some("n") => vec![plural(&w), w],
        Some("v") => {
            let stem = w.strip_suffix('e').unwrap_or(&w).to_string();
            vec![plural(&w), format!("{stem}ed"), format!("{stem}ing"), w]
        }
        Some(k) => return Err(format!("unknown prefix {k:?}: expected n: or v:")),
    };
    Ok(forms.into_iter().map(|f| vec![f]).collect())
}

/// Lowercase words; hyphens and apostrophes stay inside words.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# issues\n<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\nn:teacher [TEACHERS]\npre+n:school [EARLY]\nhead start [EARLY]\n~a head start\nv:protest [PROTEST]\n~~x y\n</ISSUE>\nschools [EDU]\n";

    #[test]
    fn reads_expands_and_counts() {
        let mut problems = Vec::new();
        let issues = Issues::parse(
            Source {
                name: "i.txt",
                text: FILE,
            },
            &mut problems,
        );
        assert_eq!(issues.len(), 7);
        assert!(problems.is_empty(), "{problems:?}");
        let found =
            issues.find("Teachers protested; the pre-schools and pre schools got a head start.");
        assert_eq!(
            found,
            [
                ("TEACHERS".to_string(), 1),
                ("PROTEST".to_string(), 1),
                ("EARLY".to_string(), 2),
                ("EDU".to_string(), 1)
            ]
        );
        assert_eq!(
            issues.find("They gave it head start."),
            [("EARLY".to_string(), 1)]
        );
        let mut problems = Vec::new();
        let text =
            "<ISSUE CATEGORY=\"EU\" TYPE=\"ALL\">\neurozone\ne.u. [EU]\n</ISSUE>\nbroken line\n";
        let issues = Issues::parse(
            Source {
                name: "j.txt",
                text,
            },
            &mut problems,
        );
        assert_eq!(
            issues.find("The E.U. and the eurozone."),
            [("EU".to_string(), 2)]
        );
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .to_string()
                .starts_with("j.txt:5: expected PHRASE [CODE]")
        );
    }
}
