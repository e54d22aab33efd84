//! The HTTP response inside a WARC `response` record: status, headers, and
//! the payload with its transfer and content codings undone.
//!
//! Common Crawl stores payloads already decoded, but other crawlers keep
//! them as sent (`Transfer-Encoding: chunked`, `Content-Encoding: gzip`), so
//! both are undone here, within the size limit.

use std::io::Read;

use flate2::read::{GzDecoder, ZlibDecoder};

use super::header::{Fields, media_type};
use crate::rewind::find;

/// An HTTP response split into its parts.
pub(crate) struct Response {
    pub status: u16,
    /// Media type, lowercase (`text/html`), empty when not stated.
    pub media: String,
    pub charset: Option<String>,
    pub body: Vec<u8>,
}

/// Parse `block` as an HTTP response; `limit` bounds the decoded payload.
pub(crate) fn parse(block: &[u8], limit: u64) -> Result<Response, String> {
    let (head, body) = match find(block, b"\r\n\r\n") {
        Some(i) => (&block[..i + 2], &block[i + 4..]),
        None => match find(block, b"\n\n") {
            Some(i) => (&block[..i + 1], &block[i + 2..]),
            None => return Err("HTTP headers have no end".into()),
        },
    };
    let fields = Fields::parse(head)?;
    let status = status_code(&fields.first)
        .ok_or_else(|| format!("not an HTTP status line: {:?}", clip(&fields.first)))?;
    let (media, charset) = fields
        .get("Content-Type")
        .map(media_type)
        .unwrap_or_default();
    let mut body = body.to_vec();
    if fields
        .get("Transfer-Encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"))
    {
        // Only undo it when the payload really is chunked: crawlers that
        // decoded it often kept the header.
        if let Some(joined) = dechunk(&body) {
            body = joined;
        }
    }
    if let Some(coding) = fields.get("Content-Encoding") {
        body = decompress(coding, body, limit)?;
    }
    Ok(Response {
        status,
        media,
        charset,
        body,
    })
}

fn status_code(line: &str) -> Option<u16> {
    let mut parts = line.split_whitespace();
    parts.next().filter(|v| v.starts_with("HTTP/"))?;
    parts.next()?.parse().ok()
}

/// The payload of a chunked body, or `None` when it is not well-formed chunks.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let eol = find(body, b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..eol]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        body = &body[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body.strip_prefix(b"\r\n").unwrap_or(body);
    }
}

fn decompress(coding: &str, body: Vec<u8>, limit: u64) -> Result<Vec<u8>, String> {
    let coding = coding.trim().to_ascii_lowercase();
    let mut out = Vec::new();
    let read = match coding.as_str() {
        "" | "identity" => return Ok(body),
        // Crawlers that decoded the payload often keep the header; only
        // decompress what starts like compressed data.
        "gzip" | "x-gzip" if body.starts_with(&[0x1f, 0x8b]) => GzDecoder::new(&body[..])
            .take(limit + 1)
            .read_to_end(&mut out),
        "deflate" if body.first().is_some_and(|b| b & 0x0f == 8) => ZlibDecoder::new(&body[..])
            .take(limit + 1)
            .read_to_end(&mut out),
        "gzip" | "x-gzip" | "deflate" => return Ok(body),
        other => return Err(format!("unsupported Content-Encoding {other:?}")),
    };
    read.map_err(|e| format!("cannot undo Content-Encoding {coding}: {e}"))?;
    if out.len() as u64 > limit {
        return Err(format!(
            "payload decompresses to more than the limit of {limit} bytes"
        ));
    }
    Ok(out)
}

fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_response() {
        let r = parse(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=koi8-r\r\n\r\n<p>x</p>",
            100,
        )
        .unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.media, "text/html");
        assert_eq!(r.charset.as_deref(), Some("koi8-r"));
        assert_eq!(r.body, b"<p>x</p>");
    }

    #[test]
    fn chunked_and_gzipped() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"<p>hello</p>").unwrap();
        let gz = enc.finish().unwrap();
        let mut block =
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"
                .to_vec();
        let (a, b) = gz.split_at(5);
        for part in [a, b] {
            block.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
            block.extend_from_slice(part);
            block.extend_from_slice(b"\r\n");
        }
        block.extend_from_slice(b"0\r\n\r\n");
        assert_eq!(parse(&block, 100).unwrap().body, b"<p>hello</p>");
    }

    #[test]
    fn not_http_is_an_error() {
        assert!(parse(b"garbage\r\n\r\nbody", 100).is_err());
        assert!(parse(b"HTTP/1.1 200 OK\r\nno end", 100).is_err());
    }
}
