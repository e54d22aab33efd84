//! Which actor codes the dictionaries may use.
//!
//! A code is accepted when it is a declared standalone organisation code
//! (`NATO`, `EU`, `IS`), or when its first block is a declared country or
//! region or an organisation head from the codebook (`IGO`, `NGO`, ...) and
//! every following three-letter block is an actor type from the codebook or
//! a declared country or region (`IGOMEAARL`: an IGO of the Middle East).
//! Declarations come from the countries and organisations files, in order,
//! so a code must be declared before it is used.

use std::collections::{HashMap, HashSet};

use detente_core::ActorCode;

use crate::codebook::{Codebook, TypeGroup};

pub(crate) struct KnownCodes {
    /// Countries, regions and organisation heads: what may start a code.
    heads: HashSet<String>,
    /// Actor type blocks from the codebook.
    blocks: HashSet<String>,
    /// Organisation codes that stand alone, like `NATO`.
    standalone: HashSet<String>,
    /// Every surface name seen so far with its kind and `file:line`, to refuse duplicates.
    pub seen: HashMap<(String, &'static str), String>,
}

impl KnownCodes {
    pub fn new(codebook: &Codebook) -> Self {
        let mut heads = HashSet::new();
        let mut blocks = HashSet::new();
        for t in codebook.actor_types() {
            if t.group == TypeGroup::Head {
                heads.insert(t.code.clone());
            }
            blocks.insert(t.code.clone());
        }
        KnownCodes {
            heads,
            blocks,
            standalone: HashSet::new(),
            seen: HashMap::new(),
        }
    }

    /// Declares a country or region code (three uppercase letters).
    pub fn declare_head(&mut self, code: &str) -> Result<ActorCode, String> {
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!(
                "expected a three-letter country or region code, found {code:?}"
            ));
        }
        self.heads.insert(code.to_string());
        ActorCode::parse(code).map_err(|e| e.to_string())
    }

    /// An organisation's code: a valid composed code, or a new standalone code
    /// of 2 to 4 uppercase letters (declared by this call).
    pub fn organization(&mut self, code: &str) -> Result<ActorCode, String> {
        if let Ok(c) = self.check(code) {
            return Ok(c);
        }
        if (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_uppercase()) {
            self.standalone.insert(code.to_string());
            return ActorCode::parse(code).map_err(|e| e.to_string());
        }
        self.check(code)
    }

    /// A code composed of known parts, or a declared standalone code.
    pub fn check(&self, code: &str) -> Result<ActorCode, String> {
        let parsed = ActorCode::parse(code).map_err(|e| e.to_string())?;
        if self.standalone.contains(code) {
            return Ok(parsed);
        }
        if !code.len().is_multiple_of(3) {
            return Err(format!(
                "actor code {code:?} is not made of three-letter blocks"
            ));
        }
        let head = parsed.head();
        if !self.heads.contains(head) {
            return Err(format!(
                "unknown country, region or organisation {head:?} in actor code {code:?}"
            ));
        }
        match parsed
            .roles()
            .find(|b| !self.blocks.contains(*b) && !self.heads.contains(*b))
        {
            Some(b) => Err(format!("unknown actor type {b:?} in actor code {code:?}")),
            None => Ok(parsed),
        }
    }

    /// A role code for agents: one or more actor type blocks, e.g. `GOV`, `GOVMIL`.
    pub fn role(&self, code: &str) -> Result<ActorCode, String> {
        let parsed = ActorCode::parse(code).map_err(|e| e.to_string())?;
        let ok = code.len().is_multiple_of(3)
            && (0..code.len())
                .step_by(3)
                .all(|i| self.blocks.contains(&code[i..i + 3]));
        if ok {
            Ok(parsed)
        } else {
            Err(format!("unknown actor type in role {code:?}"))
        }
    }

    /// Whether `head` is a country or region (not an organisation head).
    pub fn is_place(&self, head: &str) -> bool {
        self.heads.contains(head) && !self.blocks.contains(head)
    }
}
