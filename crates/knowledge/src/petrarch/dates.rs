//! PETRARCH code brackets: `[CODE]`, `[CODE YYMMDD-YYMMDD]`, `[CODE >YYMMDD]`,
//! `[CODE <YYMMDD]`, and the null code `[---]`.
//!
//! Dates are inclusive. Two-digit years below 30 are read as 20xx, the rest
//! as 19xx; eight-digit dates (`YYYYMMDD`) are read as they are.

use chrono::Days;
use detente_core::{ActorCode, Date};

/// One bracket's content.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Coded {
    /// `None` for the null code `---`.
    pub code: Option<ActorCode>,
    pub from: Option<Date>,
    /// Exclusive, like our own ranges.
    pub until: Option<Date>,
}

impl Coded {
    pub fn dated(&self) -> bool {
        self.from.is_some() || self.until.is_some()
    }
}

/// All `[...]` groups of `text`, or what is wrong with the first bad one.
pub(crate) fn brackets(text: &str) -> Result<Vec<Coded>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let close = rest[open..]
            .find(']')
            .ok_or_else(|| format!("unclosed '[' in {text:?}"))?
            + open;
        out.push(bracket(rest[open + 1..close].trim())?);
        rest = &rest[close + 1..];
    }
    Ok(out)
}

fn bracket(inner: &str) -> Result<Coded, String> {
    let (code, range) = match inner.split_once(char::is_whitespace) {
        Some((c, r)) => (c, r.trim()),
        None => (inner, ""),
    };
    let code = code.trim_matches('~');
    let code = if code.chars().all(|c| c == '-') {
        None
    } else {
        Some(ActorCode::parse_petrarch(code).map_err(|e| e.to_string())?)
    };
    let (from, until) = if range.is_empty() {
        (None, None)
    } else if let Some(d) = range.strip_prefix('>') {
        (Some(date(d)?), None)
    } else if let Some(d) = range.strip_prefix('<') {
        (None, Some(date(d)?))
    } else {
        let (a, b) = range
            .split_once('-')
            .ok_or_else(|| format!("expected a date range YYMMDD-YYMMDD, found {range:?}"))?;
        let (a, b) = (date(a)?, date(b)?);
        if b < a {
            return Err(format!("date range {range:?} ends before it starts"));
        }
        (Some(a), Some(b.checked_add_days(Days::new(1)).unwrap_or(b)))
    };
    Ok(Coded { code, from, until })
}

fn date(s: &str) -> Result<Date, String> {
    let s = s.trim();
    let bad = || format!("expected a date YYMMDD, found {s:?}");
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let (y, md) = match s.len() {
        6 => {
            let yy: i32 = s[..2].parse().map_err(|_| bad())?;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().map_err(|_| bad())?, &s[4..]),
        _ => return Err(bad()),
    };
    let m: u32 = md[..2].parse().map_err(|_| bad())?;
    let d: u32 = md[2..].parse().map_err(|_| bad())?;
    Date::from_ymd_opt(y, m, d).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_brackets() {
        let got = brackets("\t[RUSGOV 991231-080507] [USAGOV >090120] [---] [ELI]").unwrap();
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].from, Date::from_ymd_opt(1999, 12, 31));
        assert_eq!(got[0].until, Date::from_ymd_opt(2008, 5, 8));
        assert_eq!(got[1].from, Date::from_ymd_opt(2009, 1, 20));
        assert_eq!(got[2].code, None);
        assert!(!got[3].dated());
        assert_eq!(brackets("[~GOV]").unwrap()[0].code.unwrap().as_str(), "GOV");
        for bad in [
            "[RUSGOV",
            "[rusgov]",
            "[RUS 99123-080507]",
            "[RUS 990230-000101]",
            "[RUS 080101-070101]",
            "[RUS 01-02]",
        ] {
            assert!(brackets(bad).is_err(), "{bad}");
        }
    }
}
