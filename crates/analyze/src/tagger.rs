//! A tiny rule-based part-of-speech tagger, the fallback until a trained
//! tagger is plugged in (see [`crate::steps::Tagger`]).
//!
//! Punctuation and numbers by shape, function words from the lexicon,
//! capitalised words inside a sentence as proper nouns, and the rest by
//! suffix (`-ly` adverb, `-ing`/`-ed` verb, `-tion` noun, `-ous`
//! adjective...) with one look at the previous tag to tell a plural noun
//! from a third-person verb. It is good enough to pick which tokens get a
//! lemma and to help the entity rules; it is not meant to be accurate.

use detente_core::PosTag;

use crate::lexicon::{Lexicon, push_lower};
use crate::steps::Tagger;

/// The fallback tagger.
#[derive(Debug, Default, Clone, Copy)]
pub struct RuleTagger;

fn t(s: &str) -> Option<PosTag> {
    PosTag::parse(s)
}

impl Tagger for RuleTagger {
    fn tag(&self, words: &[&str], out: &mut [Option<PosTag>]) {
        let lex = Lexicon::get();
        let mut lower = String::new();
        let mut scratch = String::new();
        for (i, w) in words.iter().enumerate() {
            lower.clear();
            push_lower(&mut lower, w);
            let prev = if i > 0 { out[i - 1] } else { None };
            out[i] = tag_word(w, &lower, i == 0, prev, lex, &mut scratch);
        }
    }
}

fn tag_word(
    w: &str,
    lower: &str,
    first: bool,
    prev: Option<PosTag>,
    lex: &Lexicon,
    scratch: &mut String,
) -> Option<PosTag> {
    let c = w.chars().next()?;
    if !c.is_alphanumeric() {
        return t(punct_tag(w));
    }
    if c.is_ascii_digit() {
        return t("CD");
    }
    // A capitalised function word inside a sentence is part of a name ("The Hague" aside).
    let name_like = c.is_uppercase() && !first && w.len() > 1;
    if let Some(tag) = lex.function_tag(lower)
        && !name_like
    {
        return Some(tag);
    }
    if c.is_uppercase() && (!first || lex.places.word(w, scratch).is_some()) {
        return t("NNP");
    }
    t(suffix_tag(lower, prev))
}

fn punct_tag(w: &str) -> &'static str {
    match w {
        "," => ",",
        "." | "!" | "?" => ".",
        ":" | ";" | "--" | "..." | "…" | "—" | "–" => ":",
        "\"" | "”" | "’" | "''" => "''",
        "“" | "‘" | "``" => "``",
        "(" | "[" | "{" => "-LRB-",
        ")" | "]" | "}" => "-RRB-",
        "$" | "€" | "£" => "$",
        "#" => "#",
        "-" => "HYPH",
        "%" => "NN",
        _ => "NFP",
    }
}

fn suffix_tag(lower: &str, prev: Option<PosTag>) -> &'static str {
    let prev = prev.map(|p| p.as_str()).unwrap_or("");
    if lower.ends_with("ly") {
        "RB"
    } else if lower.ends_with("ing") && lower.len() > 5 {
        "VBG"
    } else if lower.ends_with("ed") && lower.len() > 4 {
        if matches!(prev, "VBZ" | "VBP" | "VBD" | "VBN" | "RB") {
            "VBN"
        } else {
            "VBD"
        }
    } else if [
        "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ship", "hood",
    ]
    .iter()
    .any(|s| lower.ends_with(s))
    {
        "NN"
    } else if [
        "ous", "ful", "ive", "able", "ible", "ical", "less", "ic", "al", "ian", "ese",
    ]
    .iter()
    .any(|s| lower.ends_with(s))
    {
        "JJ"
    } else if lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
    {
        if matches!(prev, "PRP" | "NNP" | "NN" | "WDT" | "WP") {
            "VBZ"
        } else {
            "NNS"
        }
    } else if matches!(prev, "TO" | "MD") {
        "VB"
    } else if matches!(prev, "PRP" | "NNS") {
        "VBP"
    } else {
        "NN"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_by_shape_lexicon_and_suffix() {
        let words = [
            "The",
            "U.S.",
            "imposed",
            "sanctions",
            "on",
            "Russia",
            "in",
            "2014",
            ".",
        ];
        let mut out = vec![None; words.len()];
        RuleTagger.tag(&words, &mut out);
        let tags: Vec<&str> = out.iter().map(|t| t.unwrap().as_str()).collect();
        assert_eq!(
            tags,
            ["DT", "NNP", "VBD", "NNS", "IN", "NNP", "IN", "CD", "."]
        );
    }
}
