//! PETRARCH `agents.txt`.
//!
//! ```text
//! !MINIST! = MINISTER, MINISTERS, MINISTRY     a macro, expanded wherever !MINIST! appears
//! FARMER [~AGR]                                a phrase and its role; plural made by rule
//! CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]   explicit plural
//! ARMED_POLICE {} [~COP]                       no plural
//! ```
//! The `~` marks where the agent's code attaches (`~GOV`: after the country,
//! `NGO~`: before it, kept as [`Agent::prefix`]); we keep the role blocks. Phrases are lowercased (agents match in any case).

use std::collections::BTreeMap;

use super::dates::brackets;
use crate::KnowledgeError;
use crate::actors::Agent;
use crate::lines::Source;

/// The agents of one file; the first malformed line is an error.
pub fn parse(src: Source) -> Result<Vec<Agent>, KnowledgeError> {
    let mut problems = Vec::new();
    let out = parse_lenient(src, &mut problems);
    match problems.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// As [`parse`], but malformed lines are skipped and reported in `problems`.
pub fn parse_lenient(src: Source, problems: &mut Vec<KnowledgeError>) -> Vec<Agent> {
    let mut macros: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut out = Vec::new();
    for (i, raw) in src.text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        // `<!-- ... -->` lines are comments in the validation suite's files.
        if line.is_empty() || line.starts_with('<') {
            continue;
        }
        if line.starts_with('!') && line.contains('=') {
            let (name, values) = line.split_once('=').expect("checked");
            macros.insert(
                name.trim().to_string(),
                values.split(',').map(|v| v.trim().to_string()).collect(),
            );
            continue;
        }
        let rule = format!("{}:{}", src.name, i + 1);
        match read_line(line, &macros, &rule) {
            Ok(agents) => out.extend(agents),
            Err(m) => problems.push(KnowledgeError::line(src.name, i + 1, m)),
        }
    }
    out
}

fn read_line(
    line: &str,
    macros: &BTreeMap<String, Vec<String>>,
    rule: &str,
) -> Result<Vec<Agent>, String> {
    let at = line
        .find('[')
        .ok_or_else(|| format!("expected PHRASE [~CODE], found {line:?}"))?;
    let Some(code) = brackets(&line[at..])?.into_iter().find_map(|c| c.code) else {
        return Ok(Vec::new());
    };
    // `[NGO~]`: the `~` after the code puts the role before the country.
    let prefix = line[at + 1..]
        .split(']')
        .next()
        .is_some_and(|inner| inner.trim().ends_with('~'));
    let (phrase, plural) = split_plural(line[..at].trim())?;
    let mut forms: Vec<String> = expand(phrase, macros);
    match plural {
        Some("") => {}
        Some(p) => forms.extend(expand(p, macros)),
        None => {
            let plurals: Vec<String> = forms.iter().map(|f| pluralize(f)).collect();
            forms.extend(plurals);
        }
    }
    Ok(forms
        .into_iter()
        .map(|f| f.replace('_', " ").trim().to_lowercase())
        .filter(|p| !p.is_empty())
        .map(|phrase| Agent {
            phrase,
            code,
            role: code.as_str().to_string(),
            rule: rule.to_string(),
            prefix,
        })
        .collect())
}

/// `PHRASE {PLURAL}` → (`PHRASE`, `Some("PLURAL")`); no braces → `None`.
fn split_plural(s: &str) -> Result<(&str, Option<&str>), String> {
    match s.find('{') {
        None => Ok((s, None)),
        Some(open) => {
            let close = s[open..]
                .find('}')
                .ok_or_else(|| format!("unclosed '{{' in {s:?}"))?
                + open;
            Ok((s[..open].trim(), Some(s[open + 1..close].trim())))
        }
    }
}

/// Every form of `phrase` with its `!MACRO!`s replaced by each of their values.
fn expand(phrase: &str, macros: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    let mut forms = vec![phrase.to_string()];
    for (name, values) in macros {
        if phrase.contains(name.as_str()) {
            forms = forms
                .iter()
                .flat_map(|f| values.iter().map(move |v| f.replace(name.as_str(), v)))
                .collect();
        }
    }
    forms
}

/// A regular English plural of the last word.
fn pluralize(s: &str) -> String {
    let lower = s.to_ascii_lowercase();
    if lower.ends_with('s')
        || lower.ends_with("sh")
        || lower.ends_with("ch")
        || lower.ends_with('x')
    {
        format!("{s}ES")
    } else if lower.ends_with('y')
        && !lower.ends_with("ey")
        && !lower.ends_with("ay")
        && !lower.ends_with("oy")
    {
        format!("{}IES", &s[..s.len() - 1])
    } else if lower.ends_with("man") {
        format!("{}EN", &s[..s.len() - 2])
    } else {
        format!("{s}S")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macros_plurals_codes() {
        let text = "!PERSON! = MAN, WOMAN\nFARMER [~AGR]\nDAIRY!PERSON! [~AGR]\nARMED_POLICE {} [~COP]\nCHAMBER {CHAMBERS_X} [~BUS]\nNO_CODE [---]\n";
        let got = parse(Source { name: "ag", text }).unwrap();
        let phrases: Vec<&str> = got.iter().map(|a| a.phrase.as_str()).collect();
        assert_eq!(
            phrases,
            [
                "farmer",
                "farmers",
                "dairyman",
                "dairywoman",
                "dairymen",
                "dairywomen",
                "armed police",
                "chamber",
                "chambers x"
            ]
        );
        assert_eq!(got[0].role, "AGR");
        assert_eq!(got[0].rule, "ag:2");
        assert!(got.iter().all(|a| !a.prefix));
        let ngo = parse(Source {
            name: "ag",
            text: "MSF {} [NGO~]\nAID_BODY {} [  NGO~] # c\n",
        })
        .unwrap();
        assert!(ngo.iter().all(|a| a.prefix && a.role == "NGO"), "{ngo:?}");
        for (text, want) in [
            ("FARMER\n", "ag:1: expected PHRASE"),
            ("FARMER [agr]\n", "ag:1: invalid actor code"),
            ("A {B [~AGR]\n", "unclosed"),
        ] {
            let err = parse(Source { name: "ag", text }).unwrap_err().to_string();
            assert!(err.contains(want), "{text:?}: {err}");
        }
    }
}
