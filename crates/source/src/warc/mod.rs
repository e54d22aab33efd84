//! WARC and WARC.gz files: each HTML response a document, with provenance.
//!
//! ```text
//! file ─▶ gzip members (one per record, Common Crawl layout) or a plain stream
//!      ─▶ records (version line, fields, Content-Length block)
//!      ─▶ response ─▶ HTTP status, Content-Type, payload ─▶ decode ─▶ Document
//!         request / metadata / warcinfo / revisit, non-HTML, non-2xx ─▶ counted in Skipped
//! ```
//!
//! A document's provenance names the file, the target URL, the
//! `WARC-Record-ID` and the byte offset of the record (of its gzip member in a
//! compressed file, as CDX indexes give it). A broken member or record is
//! one error at its offset; the reader goes back to just after its start and
//! searches for the next one, so no neighbour is lost and no input makes it
//! loop: every search starts at least one byte further on.

mod header;
mod http;
mod record;

use std::collections::VecDeque;
use std::io::{BufRead, Read};

use detente_core::{Content, Document, Provenance};
use flate2::bufread::GzDecoder;

use crate::decode::decode;
use crate::error::{SourceError, SourceErrorKind};
use crate::rewind::Rewind;
use crate::{Skipped, SourceOptions};
use header::media_type;
use record::{Broken, Record};

const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b, 0x08];

/// The documents of one WARC file, read lazily.
pub(crate) struct Warc {
    name: String,
    raw: Rewind<Box<dyn BufRead>>,
    gzip: bool,
    opts: SourceOptions,
    /// Documents of the current gzip member not yet handed out.
    queue: VecDeque<Result<Document, SourceError>>,
    /// Set after a read error of the file itself: nothing more can be read.
    done: bool,
}

impl Warc {
    pub(crate) fn new(
        name: String,
        reader: Box<dyn BufRead>,
        gzip: bool,
        opts: &SourceOptions,
    ) -> Self {
        Warc {
            name,
            raw: Rewind::new(reader),
            gzip,
            opts: opts.clone(),
            queue: VecDeque::new(),
            done: false,
        }
    }

    /// The next document or error; skipped records are counted in `skipped`.
    pub(crate) fn next(&mut self, skipped: &mut Skipped) -> Option<Result<Document, SourceError>> {
        loop {
            if let Some(item) = self.queue.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            if self.gzip {
                let member = self.next_member()?;
                self.queue_member(member, skipped);
            } else {
                let rec = record::next(&mut self.raw, self.opts.max_bytes)?;
                if let Some(item) = self.outcome(rec, None, skipped) {
                    return Some(item);
                }
            }
        }
    }

    fn queue_member(&mut self, member: Result<(u64, Vec<u8>), Broken>, skipped: &mut Skipped) {
        let (offset, bytes) = match member {
            Ok(m) => m,
            Err(b) => return self.queue.push_back(Err(self.error(b))),
        };
        let mut inner = Rewind::new(&bytes[..]);
        while let Some(rec) = record::next(&mut inner, self.opts.max_bytes) {
            let rec = rec.map_err(|b| Broken {
                offset,
                what: b.what,
            });
            if let Some(item) = self.outcome(rec, Some(offset), skipped) {
                self.queue.push_back(item);
            }
        }
    }

    /// The next gzip member, decompressed, with its offset in the file.
    fn next_member(&mut self) -> Option<Result<(u64, Vec<u8>), Broken>> {
        let offset = self.raw.offset();
        let head = match self.raw.peek(4) {
            Ok([]) => return None,
            Ok(h) => h,
            Err(e) => {
                self.done = true;
                return Some(Err(Broken {
                    offset,
                    what: format!("cannot read: {e}"),
                }));
            }
        };
        if !head.starts_with(&GZIP_MAGIC[..2]) {
            let _ = self.raw.skip_to(GZIP_MAGIC, plausible_gzip_header);
            let what = "bytes that are not a gzip member; skipped to the next member".into();
            return Some(Err(Broken { offset, what }));
        }
        let limit = self.opts.max_bytes + 64 * 1024;
        self.raw.record();
        let mut out = Vec::new();
        let read = GzDecoder::new(&mut self.raw)
            .take(limit + 1)
            .read_to_end(&mut out);
        let what = match read {
            Ok(_) if !size_matches(self.raw.recorded(), out.len()) => {
                "gzip member's stated size does not match: it is cut short".into()
            }
            Ok(_) if out.len() as u64 <= limit => {
                self.raw.forget();
                return Some(Ok((offset, out)));
            }
            Ok(_) => format!("gzip member decompresses to more than {limit} bytes"),
            Err(e) => format!("truncated or corrupt gzip member: {e}"),
        };
        self.raw.rewind_to_after_start();
        let _ = self.raw.skip_to(GZIP_MAGIC, plausible_gzip_header);
        Some(Err(Broken { offset, what }))
    }

    /// A record to a document (`Some(Ok)`), an error (`Some(Err)`), or a
    /// counted skip (`None`).
    fn outcome(
        &self,
        rec: Result<Record, Broken>,
        member: Option<u64>,
        skipped: &mut Skipped,
    ) -> Option<Result<Document, SourceError>> {
        let rec = match rec {
            Ok(r) => r,
            Err(b) => return Some(Err(self.error(b))),
        };
        let offset = member.unwrap_or(rec.offset);
        let fail = |what: String| Some(Err(self.error(Broken { offset, what })));
        let kind = rec
            .fields
            .get("WARC-Type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let (media, charset, body) = match kind.as_str() {
            "response" => match http::parse(&rec.block, self.opts.max_bytes) {
                Ok(r) if !(200..300).contains(&r.status) => {
                    skipped.http_status += 1;
                    return None;
                }
                Ok(r) => (r.media, r.charset, r.body),
                Err(e) => return fail(e),
            },
            "resource" => {
                let (media, charset) =
                    media_type(rec.fields.get("Content-Type").unwrap_or_default());
                (media, charset, rec.block)
            }
            "" => return fail("record has no WARC-Type".into()),
            _ => {
                skipped.records += 1;
                return None;
            }
        };
        if !is_html_media(&media, &body) {
            skipped.non_html += 1;
            return None;
        }
        if body.iter().all(u8::is_ascii_whitespace) {
            return fail("response has an empty body".into());
        }
        let text = decode(&body, charset.as_deref())
            .or_else(|_| decode(&body, None))
            .map_err(|e| {
                self.error(Broken {
                    offset,
                    what: e.to_string(),
                })
            });
        Some(text.map(|text| Document {
            id: None,
            provenance: Provenance {
                path: Some(self.name.clone()),
                url: rec.fields.get("WARC-Target-URI").map(clean_uri),
                warc_record: rec.fields.get("WARC-Record-ID").map(str::to_string),
                offset: Some(offset),
                line: None,
            },
            content: Content::Html(text),
            date: None,
            title: None,
        }))
    }

    fn error(&self, b: Broken) -> SourceError {
        SourceError::new(
            self.name.clone(),
            SourceErrorKind::Record {
                offset: b.offset,
                what: b.what,
            },
        )
    }
}

/// HTML by the stated media type; with none stated, by the first bytes.
fn is_html_media(media: &str, body: &[u8]) -> bool {
    match media {
        "text/html" | "application/xhtml+xml" => true,
        "" | "application/octet-stream" | "text/plain" => {
            let head = String::from_utf8_lossy(&body[..body.len().min(512)]).to_ascii_lowercase();
            let head = head.trim_start();
            head.starts_with("<!doctype html") || head.starts_with("<html")
        }
        _ => false,
    }
}

/// WARC 1.0 writes the URI in angle brackets; 1.1 does not.
fn clean_uri(uri: &str) -> String {
    uri.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .to_string()
}

/// Whether a member's trailer states the size it decompressed to. A member
/// cut inside its trailer would otherwise borrow the next member's first
/// bytes to complete it, and that neighbour would be lost.
fn size_matches(raw: Option<&[u8]>, size: usize) -> bool {
    let Some(raw) = raw.filter(|r| r.len() >= 4) else {
        return true;
    };
    let stated = u32::from_le_bytes(raw[raw.len() - 4..].try_into().unwrap_or_default());
    stated == size as u32
}

/// Deflate method and no reserved flag bits: worth trying to decompress.
fn plausible_gzip_header(bytes: &[u8]) -> bool {
    bytes.len() >= 4 && bytes[2] == 8 && bytes[3] & 0xe0 == 0
}

/// Whether bytes starting a file (already past any gzip) look like WARC.
pub(crate) fn starts_like_warc(head: &[u8]) -> bool {
    head.starts_with(b"WARC/1.")
}

/// Whether a gzip file's first member decompresses to a WARC record start.
pub(crate) fn gzip_starts_like_warc(head: &[u8]) -> bool {
    let mut out = [0u8; 8];
    let mut dec = flate2::bufread::GzDecoder::new(head);
    let mut got = 0;
    while got < out.len() {
        match dec.read(&mut out[got..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => got += n,
        }
    }
    starts_like_warc(&out[..got])
}
