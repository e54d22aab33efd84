//! CAMEO event codes and the classes derived from them.
//!
//! The codebook itself (names, Goldstein scores, PLOVER map) is data and lives
//! in `detente-knowledge`; this module only knows what a code *is*.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;

/// A CAMEO event code of 2 to 4 digits whose first two digits are a root 01-20,
/// e.g. `04`, `042`, `0211`. Leading zeros are significant.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CameoCode {
    digits: [u8; 4],
    len: u8,
}

#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("invalid CAMEO code {0:?}: expected 2 to 4 digits starting with a root 01-20")]
pub struct InvalidCameoCode(pub String);

impl CameoCode {
    pub fn parse(s: &str) -> Result<Self, InvalidCameoCode> {
        let bad = || InvalidCameoCode(s.to_string());
        let bytes = s.as_bytes();
        if !(2..=4).contains(&bytes.len()) || !bytes.iter().all(u8::is_ascii_digit) {
            return Err(bad());
        }
        let root = (bytes[0] - b'0') * 10 + (bytes[1] - b'0');
        if !(1..=20).contains(&root) {
            return Err(bad());
        }
        let mut digits = [0u8; 4];
        digits[..bytes.len()].copy_from_slice(bytes);
        Ok(CameoCode {
            digits,
            len: bytes.len() as u8,
        })
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored.
        std::str::from_utf8(&self.digits[..self.len as usize]).expect("ASCII digits")
    }

    pub fn root(&self) -> CameoRoot {
        CameoRoot((self.digits[0] - b'0') * 10 + (self.digits[1] - b'0'))
    }

    pub fn quad(&self) -> QuadClass {
        self.root().quad()
    }

    /// The code one level up (`0211` → `021` → `02`); `None` for a root.
    pub fn parent(&self) -> Option<CameoCode> {
        (self.len > 2).then(|| {
            let mut c = *self;
            c.len -= 1;
            c.digits[c.len as usize] = 0;
            c
        })
    }

    /// Whether `self` is `other` or one of its descendants (`042` is under `04`).
    pub fn is_under(&self, other: &CameoCode) -> bool {
        self.as_str().starts_with(other.as_str())
    }
}

impl FromStr for CameoCode {
    type Err = InvalidCameoCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CameoCode::parse(s)
    }
}

impl fmt::Display for CameoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CameoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CameoCode({})", self.as_str())
    }
}

impl Serialize for CameoCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CameoCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        CameoCode::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// One of the twenty CAMEO roots, 1 (make public statement) to 20 (use
/// unconventional mass violence). Displayed with two digits: `04`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct CameoRoot(u8);

impl CameoRoot {
    pub fn new(n: u8) -> Option<Self> {
        (1..=20).contains(&n).then_some(CameoRoot(n))
    }

    pub fn number(&self) -> u8 {
        self.0
    }

    /// The root as a code: `CameoRoot(4)` is `04`.
    pub fn code(&self) -> CameoCode {
        CameoCode::parse(&self.to_string()).expect("roots are valid codes")
    }

    /// GDELT's quad class: roots 01-05 verbal cooperation, 06-09 material
    /// cooperation, 10-14 verbal conflict, 15-20 material conflict.
    pub fn quad(&self) -> QuadClass {
        match self.0 {
            1..=5 => QuadClass::VerbalCooperation,
            6..=9 => QuadClass::MaterialCooperation,
            10..=14 => QuadClass::VerbalConflict,
            _ => QuadClass::MaterialConflict,
        }
    }
}

impl fmt::Display for CameoRoot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}", self.0)
    }
}

impl Serialize for CameoRoot {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CameoRoot {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse::<u8>()
            .ok()
            .and_then(CameoRoot::new)
            .ok_or_else(|| serde::de::Error::custom(format!("invalid CAMEO root {s:?}")))
    }
}

/// GDELT's four-way classification of events, serialised as its number 1-4.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum QuadClass {
    VerbalCooperation = 1,
    MaterialCooperation = 2,
    VerbalConflict = 3,
    MaterialConflict = 4,
}

impl QuadClass {
    pub const ALL: [QuadClass; 4] = [
        QuadClass::VerbalCooperation,
        QuadClass::MaterialCooperation,
        QuadClass::VerbalConflict,
        QuadClass::MaterialConflict,
    ];

    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn from_number(n: u8) -> Option<Self> {
        QuadClass::ALL.get((n as usize).wrapping_sub(1)).copied()
    }

    pub fn label(self) -> &'static str {
        match self {
            QuadClass::VerbalCooperation => "verbal cooperation",
            QuadClass::MaterialCooperation => "material cooperation",
            QuadClass::VerbalConflict => "verbal conflict",
            QuadClass::MaterialConflict => "material conflict",
        }
    }
}

impl Serialize for QuadClass {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.number())
    }
}

impl<'de> Deserialize<'de> for QuadClass {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = u8::deserialize(d)?;
        QuadClass::from_number(n)
            .ok_or_else(|| serde::de::Error::custom(format!("invalid quad class {n}")))
    }
}

/// The sixteen PLOVER event categories (PLOVER manual, 2021).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Plover {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl Plover {
    pub const ALL: [Plover; 16] = [
        Plover::Agree,
        Plover::Consult,
        Plover::Support,
        Plover::Concede,
        Plover::Cooperate,
        Plover::Aid,
        Plover::Retreat,
        Plover::Request,
        Plover::Accuse,
        Plover::Reject,
        Plover::Threaten,
        Plover::Protest,
        Plover::Sanction,
        Plover::Mobilize,
        Plover::Coerce,
        Plover::Assault,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Plover::Agree => "AGREE",
            Plover::Consult => "CONSULT",
            Plover::Support => "SUPPORT",
            Plover::Concede => "CONCEDE",
            Plover::Cooperate => "COOPERATE",
            Plover::Aid => "AID",
            Plover::Retreat => "RETREAT",
            Plover::Request => "REQUEST",
            Plover::Accuse => "ACCUSE",
            Plover::Reject => "REJECT",
            Plover::Threaten => "THREATEN",
            Plover::Protest => "PROTEST",
            Plover::Sanction => "SANCTION",
            Plover::Mobilize => "MOBILIZE",
            Plover::Coerce => "COERCE",
            Plover::Assault => "ASSAULT",
        }
    }

    /// Parses a category name in any case, e.g. `consult` or `CONSULT`.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        Plover::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(s))
    }
}

impl fmt::Display for Plover {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_codes_only() {
        for ok in ["01", "010", "0211", "20", "204", "1831"] {
            assert_eq!(CameoCode::parse(ok).unwrap().as_str(), ok);
        }
        for bad in ["", "0", "00", "21", "99", "12345", "0a1", " 01", "-1"] {
            assert!(CameoCode::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn root_quad_parent() {
        let c = CameoCode::parse("0211").unwrap();
        assert_eq!(c.root().to_string(), "02");
        assert_eq!(c.quad(), QuadClass::VerbalCooperation);
        assert_eq!(c.parent().unwrap().as_str(), "021");
        assert_eq!(c.parent().unwrap().parent().unwrap().as_str(), "02");
        assert!(c.parent().unwrap().parent().unwrap().parent().is_none());
        assert!(c.is_under(&CameoCode::parse("02").unwrap()));
        assert!(
            !c.is_under(
                &CameoCode::parse("021")
                    .unwrap()
                    .root()
                    .code()
                    .parent()
                    .unwrap_or(CameoCode::parse("03").unwrap())
            )
        );
        assert_eq!(
            CameoCode::parse("163").unwrap().quad(),
            QuadClass::MaterialConflict
        );
        assert_eq!(
            CameoCode::parse("112").unwrap().quad(),
            QuadClass::VerbalConflict
        );
        assert_eq!(
            CameoCode::parse("061").unwrap().quad(),
            QuadClass::MaterialCooperation
        );
    }

    #[test]
    fn serde_round_trip() {
        let c = CameoCode::parse("042").unwrap();
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, "\"042\"");
        assert_eq!(serde_json::from_str::<CameoCode>(&json).unwrap(), c);
        assert!(serde_json::from_str::<CameoCode>("\"42\"").is_err());
        assert_eq!(serde_json::to_string(&c.root()).unwrap(), "\"04\"");
        assert_eq!(
            serde_json::to_string(&QuadClass::VerbalConflict).unwrap(),
            "3"
        );
        assert_eq!(
            serde_json::to_string(&Plover::Consult).unwrap(),
            "\"CONSULT\""
        );
        assert_eq!(Plover::parse("assault"), Some(Plover::Assault));
    }
}
