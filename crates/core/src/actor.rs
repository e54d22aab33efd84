//! CAMEO actor codes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;

const MAX: usize = 15;

/// A CAMEO-style actor code: uppercase ASCII letters and digits, 2 to 15 long.
///
/// Usually a country (ISO 3166 alpha-3) followed by roles in blocks of three,
/// e.g. `USA`, `USAGOV`, `RUSMIL`, `IGOUNO`; organisation codes such as `NATO`
/// or `EU` are codes too. `Copy`, no allocation.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActorCode {
    bytes: [u8; MAX],
    len: u8,
}

#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("invalid actor code {0:?}: expected 2 to 15 uppercase letters or digits")]
pub struct InvalidActorCode(pub String);

impl ActorCode {
    pub fn parse(s: &str) -> Result<Self, InvalidActorCode> {
        let b = s.as_bytes();
        if !(2..=MAX).contains(&b.len())
            || !b
                .iter()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        {
            return Err(InvalidActorCode(s.to_string()));
        }
        let mut bytes = [0u8; MAX];
        bytes[..b.len()].copy_from_slice(b);
        Ok(ActorCode {
            bytes,
            len: b.len() as u8,
        })
    }

    /// A code as a PETRARCH dictionary may write it: a [`parse`](Self::parse)
    /// code, several such codes joined by `/` (`FRO/BIL/SAM`: one actor
    /// standing for all of them), or the placeholder `+++`. Only readers of
    /// PETRARCH files use this; [`parse`](Self::parse) stays strict.
    pub fn parse_petrarch(s: &str) -> Result<Self, InvalidActorCode> {
        let joined = s.len() <= MAX && s.split('/').all(|part| ActorCode::parse(part).is_ok());
        if !(joined || s == "+++") {
            return Err(InvalidActorCode(s.to_string()));
        }
        let mut bytes = [0u8; MAX];
        bytes[..s.len()].copy_from_slice(s.as_bytes());
        Ok(ActorCode {
            bytes,
            len: s.len() as u8,
        })
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len as usize]).expect("ASCII")
    }

    /// The first three characters: the country (or `IGO`, `NGO`, ...) block.
    pub fn head(&self) -> &str {
        &self.as_str()[..3.min(self.len as usize)]
    }

    /// This code with `role` appended (`USA` + `GOV` = `USAGOV`); unchanged
    /// if the code already ends with that role or would grow too long.
    pub fn with_role(&self, role: &str) -> ActorCode {
        if self.as_str().ends_with(role) {
            return *self;
        }
        ActorCode::parse(&format!("{}{}", self.as_str(), role)).unwrap_or(*self)
    }

    /// The role blocks after the first three characters (`USAGOVMIL` → `["GOV","MIL"]`).
    pub fn roles(&self) -> impl Iterator<Item = &str> {
        let s = self.as_str();
        (3..s.len())
            .step_by(3)
            .map(move |i| &s[i..(i + 3).min(s.len())])
    }
}

impl FromStr for ActorCode {
    type Err = InvalidActorCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ActorCode::parse(s)
    }
}

impl fmt::Display for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ActorCode({})", self.as_str())
    }
}

impl Serialize for ActorCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ActorCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ActorCode::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_roles() {
        let c = ActorCode::parse("USAGOVMIL").unwrap();
        assert_eq!(c.head(), "USA");
        assert_eq!(c.roles().collect::<Vec<_>>(), ["GOV", "MIL"]);
        assert_eq!(
            ActorCode::parse("RUS").unwrap().with_role("GOV").as_str(),
            "RUSGOV"
        );
        assert_eq!(
            ActorCode::parse("RUSGOV")
                .unwrap()
                .with_role("GOV")
                .as_str(),
            "RUSGOV"
        );
        for bad in ["", "U", "usa", "US A", "ABCDEFGHIJKLMNOP", "ÜSA"] {
            assert!(ActorCode::parse(bad).is_err(), "{bad:?}");
            assert!(ActorCode::parse_petrarch(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn petrarch_codes_join_with_slashes() {
        for good in ["FRO/BIL/SAM", "ELR/GAL", "+++", "USAGOV"] {
            assert_eq!(ActorCode::parse_petrarch(good).unwrap().as_str(), good);
            assert_eq!(ActorCode::parse(good).is_ok(), !good.contains(['/', '+']));
        }
        for bad in ["FRO//SAM", "/FRO", "FRO/", "++", "FRO/b"] {
            assert!(ActorCode::parse_petrarch(bad).is_err(), "{bad:?}");
        }
    }
}
