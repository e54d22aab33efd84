//! The model file format.
//!
//! ```text
//! "DTNTMDL" version(u8)  kind(u8)  deflate( payload  fnv64(payload) )
//! ```
//!
//! The payload is a flat little-endian record written by each model
//! ([`Writer`]) and read back by a bounds-checked [`Reader`], so a truncated,
//! corrupted or mismatched file is an error that names the model, never a panic.

use std::io::{Read, Write};
use std::path::Path;

use flate2::Compression;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;

use crate::ModelError;

const MAGIC: &[u8; 7] = b"DTNTMDL";
const VERSION: u8 = 1;
/// No model decompresses to more than this; stops a forged header from
/// making us inflate without end.
const MAX_PAYLOAD: u64 = 512 << 20;

/// Which model a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Pos = 1,
    Parser = 2,
    Ner = 3,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Pos => "pos",
            Kind::Parser => "parser",
            Kind::Ner => "ner",
        }
    }
}

/// Appends little-endian values to a payload.
#[derive(Default)]
pub struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn bytes(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
    }
    pub fn into_inner(self) -> Vec<u8> {
        self.buf
    }
}

/// Reads a payload back, every read checked against the end.
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    what: &'a str,
}

impl<'a> Reader<'a> {
    pub fn new(data: &'a [u8], what: &'a str) -> Self {
        Reader { data, pos: 0, what }
    }

    pub fn error(&self, msg: impl std::fmt::Display) -> ModelError {
        ModelError::corrupt(self.what, format!("at byte {}: {msg}", self.pos))
    }

    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).filter(|e| *e <= self.data.len());
        let end = end.ok_or_else(|| self.error(format!("truncated: wanted {n} more bytes")))?;
        let b = &self.data[self.pos..end];
        self.pos = end;
        Ok(b)
    }
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.bytes(1)?[0])
    }
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.bytes(4)?.try_into().expect("4 bytes"),
        ))
    }
    pub fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(
            self.bytes(8)?.try_into().expect("8 bytes"),
        ))
    }

    /// Fails unless every byte was consumed.
    pub fn finish(&self) -> Result<(), ModelError> {
        if self.pos == self.data.len() {
            Ok(())
        } else {
            Err(self.error(format!(
                "{} unexpected trailing bytes",
                self.data.len() - self.pos
            )))
        }
    }
}

fn checksum(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in data {
        h = (h ^ *b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Wraps a payload into the file format.
pub fn encode(kind: Kind, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() / 4 + 16);
    out.extend_from_slice(MAGIC);
    out.push(VERSION);
    out.push(kind as u8);
    let mut enc = DeflateEncoder::new(out, Compression::best());
    enc.write_all(payload).expect("writing to memory");
    enc.write_all(&checksum(payload).to_le_bytes())
        .expect("writing to memory");
    enc.finish().expect("writing to memory")
}

/// Unwraps and verifies a model file of the expected kind.
pub fn decode(kind: Kind, file: &[u8]) -> Result<Vec<u8>, ModelError> {
    let what = kind.name();
    let header = MAGIC.len() + 2;
    if file.len() < header || &file[..MAGIC.len()] != MAGIC {
        return Err(ModelError::corrupt(
            what,
            "not a detente model file (bad magic)",
        ));
    }
    if file[MAGIC.len()] != VERSION {
        return Err(ModelError::corrupt(
            what,
            format!("format version {}, expected {VERSION}", file[7]),
        ));
    }
    if file[MAGIC.len() + 1] != kind as u8 {
        return Err(ModelError::corrupt(
            what,
            format!("file holds model kind {}", file[8]),
        ));
    }
    let mut payload = Vec::new();
    DeflateDecoder::new(&file[header..])
        .take(MAX_PAYLOAD)
        .read_to_end(&mut payload)
        .map_err(|e| ModelError::corrupt(what, format!("cannot inflate: {e}")))?;
    if payload.len() < 8 {
        return Err(ModelError::corrupt(what, "payload truncated"));
    }
    let (body, sum) = payload.split_at(payload.len() - 8);
    if checksum(body) != u64::from_le_bytes(sum.try_into().expect("8 bytes")) {
        return Err(ModelError::corrupt(
            what,
            "checksum mismatch: the file is damaged",
        ));
    }
    payload.truncate(payload.len() - 8);
    Ok(payload)
}

pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ModelError> {
    std::fs::write(path, bytes).map_err(|e| ModelError::io(path, e))
}

pub fn read_file(path: &Path) -> Result<Vec<u8>, ModelError> {
    std::fs::read(path).map_err(|e| ModelError::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_damage() {
        let file = encode(Kind::Ner, b"hello weights");
        assert_eq!(decode(Kind::Ner, &file).unwrap(), b"hello weights");
        assert!(decode(Kind::Pos, &file).is_err());
        assert!(decode(Kind::Ner, &file[..file.len() - 3]).is_err());
        let mut bad = file.clone();
        let last = bad.len() - 2;
        bad[last] ^= 0x55;
        assert!(decode(Kind::Ner, &bad).is_err());
        assert!(decode(Kind::Ner, b"").is_err());
    }

    #[test]
    fn reader_reports_truncation() {
        let mut r = Reader::new(&[1, 2, 3], "x");
        assert!(r.u32().is_err());
        assert_eq!(r.u8().unwrap(), 1);
        assert!(r.finish().is_err());
    }
}
