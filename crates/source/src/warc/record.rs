//! WARC records out of an uncompressed stream: a `WARC/1.x` version line,
//! named fields up to a blank line, a block of `Content-Length` bytes, and two
//! CRLFs.
//!
//! `Content-Length` is the only thing that says where a record ends, and it
//! can lie. A block that holds the start of another record (a blank line and
//! `WARC/1.`) was given too long a length: it is cut there and the next record
//! is read from that point. A block not followed by its blank line was given
//! too short a length: the reader searches for the next `WARC/1.` at a line
//! start. Either way the broken record is an error and its neighbours are read.

use std::io::{BufRead, Read};

use super::header::Fields;
use crate::rewind::{Rewind, find};

/// Longest field section read before giving up on a record.
const MAX_HEADER: usize = 64 * 1024;

/// One WARC record as read from the stream.
pub(crate) struct Record {
    /// Byte offset of the record's version line in the stream.
    pub offset: u64,
    pub fields: Fields,
    pub block: Vec<u8>,
}

/// A record that could not be read, and where it started.
pub(crate) struct Broken {
    pub offset: u64,
    pub what: String,
}

/// The next record of `r`, `None` at the end of the stream.
pub(crate) fn next<R: BufRead>(
    r: &mut Rewind<R>,
    max_block: u64,
) -> Option<Result<Record, Broken>> {
    skip_blank_lines(r);
    let offset = r.offset();
    let head = r.peek(8).ok()?;
    if head.is_empty() {
        return None;
    }
    if !head.starts_with(b"WARC/") {
        let what = "no WARC version line here; skipped to the next record".to_string();
        resync(r);
        return Some(Err(Broken { offset, what }));
    }
    Some(read_one(r, offset, max_block).inspect_err(|_| resync(r)))
}

fn read_one<R: BufRead>(r: &mut Rewind<R>, offset: u64, max_block: u64) -> Result<Record, Broken> {
    let broken = |what: String| Broken { offset, what };
    let header = read_header(r).map_err(broken)?;
    let fields = Fields::parse(&header).map_err(broken)?;
    let length = fields
        .get("Content-Length")
        .ok_or_else(|| broken("no Content-Length field".into()))?;
    let length: u64 = length
        .trim()
        .parse()
        .map_err(|_| broken(format!("Content-Length {length:?} is not a number")))?;
    if length > max_block {
        return Err(broken(format!(
            "block of {length} bytes is larger than the limit of {max_block} bytes (see SourceOptions::max_bytes)"
        )));
    }
    let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
    let got = r
        .take(length)
        .read_to_end(&mut block)
        .map_err(|e| broken(format!("cannot read the block: {e}")))?;
    if let Some(cut) = find(&block, b"\r\n\r\nWARC/1.") {
        let next = block.split_off(cut);
        r.unread(&next[4..]);
        return Err(broken(format!(
            "Content-Length {length} runs into the next record, which starts at byte {}",
            r.offset()
        )));
    }
    if (got as u64) < length {
        return Err(broken(format!(
            "truncated: Content-Length {length} but only {got} bytes remain"
        )));
    }
    let trailer = match r.peek(4) {
        Ok(t) if t.starts_with(b"\r\n\r\n") => Some(4),
        Ok(t) if t.starts_with(b"\n\n") => Some(2),
        Ok([]) => Some(0),
        _ => None,
    };
    match trailer {
        Some(n) => r.consume(n),
        None => {
            return Err(broken(format!(
                "Content-Length {length} ends inside the record (no blank line after the block)"
            )));
        }
    }
    Ok(Record {
        offset,
        fields,
        block,
    })
}

/// The field section up to and including its blank line.
fn read_header<R: BufRead>(r: &mut Rewind<R>) -> Result<Vec<u8>, String> {
    let mut header = Vec::new();
    loop {
        let before = header.len();
        let n = r
            .take((MAX_HEADER - before) as u64 + 1)
            .read_until(b'\n', &mut header)
            .map_err(|e| format!("cannot read the header: {e}"))?;
        let line = &header[before..];
        if n == 0 {
            return Err("truncated: the header has no end".into());
        }
        if header.len() > MAX_HEADER {
            return Err(format!("header longer than {MAX_HEADER} bytes"));
        }
        if line == b"\r\n" || line == b"\n" {
            return Ok(header);
        }
    }
}

fn skip_blank_lines<R: BufRead>(r: &mut Rewind<R>) {
    while let Ok(buf) = r.fill_buf() {
        let n = buf
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        if n == 0 {
            return;
        }
        r.consume(n);
    }
}

/// Move to the next `WARC/1.` at a line start (or the end of the stream),
/// unless a record starts right here (a too-long block was cut before it).
fn resync<R: BufRead>(r: &mut Rewind<R>) {
    if r.peek(7).is_ok_and(|h| h.starts_with(b"WARC/1.")) {
        return;
    }
    if let Ok(true) = r.skip_to(b"\nWARC/1.", |_| true) {
        r.consume(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(fields: &str, block: &str) -> String {
        format!(
            "WARC/1.0\r\n{fields}Content-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    fn all(data: &[u8]) -> Vec<Result<Record, Broken>> {
        let mut r = Rewind::new(data);
        std::iter::from_fn(|| next(&mut r, 1 << 20)).collect()
    }

    #[test]
    fn reads_consecutive_records() {
        let data = rec("WARC-Type: warcinfo\r\n", "a") + &rec("WARC-Type: response\r\n", "bcd");
        let out = all(data.as_bytes());
        assert_eq!(out.len(), 2);
        let second = out[1].as_ref().ok().unwrap();
        assert_eq!(second.block, b"bcd");
        assert_eq!(
            second.offset as usize,
            rec("WARC-Type: warcinfo\r\n", "a").len()
        );
    }

    #[test]
    fn too_long_content_length_loses_no_neighbour() {
        let first = "WARC/1.0\r\nContent-Length: 500\r\n\r\nshort\r\n\r\n";
        let data = first.to_string() + &rec("", "next");
        let out = all(data.as_bytes());
        assert_eq!(out.len(), 2);
        assert!(out[0].as_ref().err().unwrap().what.contains("runs into"));
        assert_eq!(out[1].as_ref().ok().unwrap().block, b"next");
    }

    #[test]
    fn too_short_content_length_loses_no_neighbour() {
        let first = "WARC/1.0\r\nContent-Length: 2\r\n\r\nshort\r\n\r\n";
        let data = first.to_string() + &rec("", "next");
        let out = all(data.as_bytes());
        assert_eq!(
            out.len(),
            2,
            "{:?}",
            out.iter().map(|r| r.is_ok()).collect::<Vec<_>>()
        );
        assert!(out[0].as_ref().err().unwrap().what.contains("ends inside"));
        assert_eq!(out[1].as_ref().ok().unwrap().block, b"next");
    }

    #[test]
    fn truncated_stream_is_an_error() {
        let out = all(b"WARC/1.0\r\nContent-Length: 100\r\n\r\nonly this");
        assert_eq!(out.len(), 1);
        assert!(out[0].as_ref().err().unwrap().what.contains("truncated"));
    }
}
