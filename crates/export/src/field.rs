//! Cleaning values for delimited fields, and the small conversions every
//! format shares (character offsets, GDELT dates).

use detente_core::{ActorCode, Date};

/// `text` with tabs and line breaks turned into spaces, so it stays one field.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// `text` as a value inside a GDELT list field: no control characters and
/// none of the list's own delimiters (`;`, `#`, `,`, `|`).
pub fn item(text: &str) -> String {
    without(text, &[';', '#', ',', '|'])
}

/// `text` without control characters and without `delimiters`, each
/// replaced by a space, trimmed.
pub fn without(text: &str, delimiters: &[char]) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || delimiters.contains(&c) {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// The character offset of byte `offset` in `body` (clamped to the body).
pub fn char_offset(body: &str, offset: usize) -> usize {
    let mut b = offset.min(body.len());
    while !body.is_char_boundary(b) {
        b -= 1;
    }
    body[..b].chars().count()
}

/// `YYYYMMDD`.
pub fn ymd(d: Date) -> String {
    d.format("%Y%m%d").to_string()
}

/// GDELT's FractionDate: the year plus the part of it gone by, counted as
/// GDELT does with 30-day months (`(month * 30 + day) / 365`).
pub fn fraction_date(d: Date) -> String {
    use chrono::Datelike;
    let part = f64::from((d.month() - 1) * 30 + d.day()) / 365.0;
    format!("{:.4}", f64::from(d.year()) + part)
}

/// Leading blocks of a code that are a kind of organisation, not a country.
const GROUP_PREFIXES: &[&str] = &["IGO", "NGO", "IMG", "MNC", "UIS", "INS"];

/// An actor code split the way GDELT's actor columns want it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorParts {
    pub country: String,
    pub known_group: String,
    /// Up to three role blocks (`GOV`, `MIL`).
    pub types: [String; 3],
}

/// `RUSGOV` → country RUS, type GOV; `IGOUNO` → type IGO, group UNO;
/// `NATO`, `EU` → group.
pub fn actor_parts(code: Option<ActorCode>) -> ActorParts {
    let Some(code) = code else {
        return ActorParts::default();
    };
    let s = code.as_str();
    let mut p = ActorParts::default();
    let mut roles: Vec<String> = Vec::new();
    if s.len() % 3 != 0 {
        p.known_group = s.to_string();
    } else if GROUP_PREFIXES.contains(&code.head()) {
        roles.push(code.head().to_string());
        let mut rest = code.roles();
        p.known_group = rest.next().unwrap_or_default().to_string();
        roles.extend(rest.map(str::to_string));
    } else {
        p.country = code.head().to_string();
        roles.extend(code.roles().map(str::to_string));
    }
    for (slot, r) in p.types.iter_mut().zip(roles) {
        *slot = r;
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> Option<ActorCode> {
        Some(ActorCode::parse(s).unwrap())
    }

    #[test]
    fn actor_codes_split() {
        let p = actor_parts(code("RUSGOVMIL"));
        assert_eq!(
            (p.country.as_str(), p.types[0].as_str(), p.types[1].as_str()),
            ("RUS", "GOV", "MIL")
        );
        let p = actor_parts(code("IGOUNO"));
        assert_eq!(
            (p.known_group.as_str(), p.types[0].as_str()),
            ("UNO", "IGO")
        );
        assert_eq!(actor_parts(code("NATO")).known_group, "NATO");
        assert_eq!(actor_parts(None), ActorParts::default());
    }

    #[test]
    fn offsets_dates_and_cleaning() {
        assert_eq!(char_offset("a “b” c", 5), 3);
        assert_eq!(char_offset("a “b” c", 3), 2); // inside a character: its start
        assert_eq!(char_offset("ab", 99), 2);
        let d = Date::from_ymd_opt(2007, 7, 4).unwrap();
        assert_eq!(fraction_date(d), "2007.5041");
        assert_eq!(ymd(d), "20070704");
        assert_eq!(clean("a\tb\nc"), "a b c");
        assert_eq!(item("a;b#c,d|e"), "a b c d e");
    }
}
