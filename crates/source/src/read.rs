//! One file (or stdin) to its documents.
//!
//! gzip is recognised by its magic bytes whatever the name. A WARC file
//! (`.warc`, `.warc.gz`, or content starting `WARC/1.`) goes to the record
//! reader with its raw stream, so each gzip member is opened on its own;
//! JSON Lines (`.jsonl`, `.ndjson`, also under `.gz`) go to the line
//! streamer. Everything else is read whole up to the size limit; a feed
//! (RSS, Atom, JSON Feed, recognised by its root element or version URL)
//! becomes one document per item, anything else one document, decoded and
//! classed as HTML or plain text by extension and content.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use detente_core::{Content, Document, Provenance};
use flate2::bufread::MultiGzDecoder;

use crate::SourceOptions;
use crate::decode::decode;
use crate::error::{SourceError, SourceErrorKind};
use crate::feed;
use crate::jsonl::Lines;
use crate::warc::{self, Warc};

/// What a file turned out to hold.
pub(crate) enum Opened {
    One(Result<Document, SourceError>),
    Lines(Lines),
    Warc(Warc),
    /// The items of a feed, each a document or an error.
    Many(Vec<Result<Document, SourceError>>),
}

/// Open `path` and read it as one document or a stream of JSON Lines.
pub(crate) fn open_file(path: &Path, opts: &SourceOptions) -> Opened {
    let name = path.display().to_string();
    let fail = |kind| Opened::One(Err(SourceError::new(name.clone(), kind)));
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return fail(SourceErrorKind::Missing);
        }
        Err(e) => return fail(SourceErrorKind::Io(e.to_string())),
    };
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size == 0 {
        return fail(SourceErrorKind::Empty);
    }
    let lower = name.to_ascii_lowercase();
    open_stream(
        name,
        &lower,
        Box::new(BufReader::new(file)),
        Some(size),
        opts,
    )
}

/// Read standard input: JSON Lines when it starts with `{`, else one document.
pub(crate) fn open_stdin(opts: &SourceOptions) -> Opened {
    let stdin = Box::new(BufReader::new(std::io::stdin()));
    open_stream("-".into(), "-", stdin, None, opts)
}

pub(crate) fn open_stream(
    name: String,
    lower: &str,
    mut reader: Box<dyn BufRead>,
    size: Option<u64>,
    opts: &SourceOptions,
) -> Opened {
    let fail = |kind| Opened::One(Err(SourceError::new(name.clone(), kind)));
    let head = match reader.fill_buf() {
        Ok(h) => h,
        Err(e) => return fail(SourceErrorKind::Io(e.to_string())),
    };
    let gzip = head.starts_with(&[0x1f, 0x8b]);
    let inner = lower.strip_suffix(".gz").unwrap_or(lower);
    // WARC members are decompressed one at a time, so a broken one costs
    // only itself: the reader needs the raw stream.
    let is_warc = inner.ends_with(".warc")
        || if gzip {
            warc::gzip_starts_like_warc(head)
        } else {
            warc::starts_like_warc(head)
        };
    if is_warc {
        // A damaged first member must not make the rest read as plain WARC.
        let members = gzip || lower.ends_with(".gz");
        return Opened::Warc(Warc::new(name, reader, members, opts));
    }
    if gzip {
        reader = Box::new(BufReader::new(MultiGzDecoder::new(reader)));
    }
    let jsonl = inner.ends_with(".jsonl")
        || inner.ends_with(".ndjson")
        || (name == "-" && starts_with_brace(&mut reader));
    if jsonl {
        return Opened::Lines(Lines::new(name, reader, opts.max_bytes));
    }
    // Compressed size can be checked up front; decompressed size as we read.
    if let Some(size) = size.filter(|&s| !gzip && s > opts.max_bytes) {
        return fail(SourceErrorKind::TooLarge {
            size,
            limit: opts.max_bytes,
        });
    }
    let mut bytes = Vec::new();
    if let Err(e) = reader.take(opts.max_bytes + 1).read_to_end(&mut bytes) {
        return fail(if gzip {
            SourceErrorKind::Gzip(e.to_string())
        } else {
            SourceErrorKind::Io(e.to_string())
        });
    }
    if bytes.len() as u64 > opts.max_bytes {
        return fail(SourceErrorKind::TooLarge {
            size: bytes.len() as u64,
            limit: opts.max_bytes,
        });
    }
    if maybe_feed(&bytes)
        && let Some(items) = feed_documents(&name, &bytes, opts)
    {
        return Opened::Many(items);
    }
    Opened::One(
        document(&name, inner, &bytes, opts).map_err(|kind| SourceError::new(name.clone(), kind)),
    )
}

/// A cheap look at the first bytes before decoding a whole file as a feed.
fn maybe_feed(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    ["<rss", "<feed", "<rdf:rdf", "jsonfeed.org/version"]
        .iter()
        .any(|m| head.contains(m))
}

/// The items of a feed as documents, or `None` when the bytes are not a feed.
fn feed_documents(
    name: &str,
    bytes: &[u8],
    opts: &SourceOptions,
) -> Option<Vec<Result<Document, SourceError>>> {
    let text = decode(bytes, opts.charset.as_deref()).ok()?;
    let kind = feed::sniff(&text)?;
    Some(feed::documents(name, &text, kind))
}

fn starts_with_brace(reader: &mut Box<dyn BufRead>) -> bool {
    reader
        .fill_buf()
        .map(|h| h.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'))
        .unwrap_or(false)
}

/// Decode and classify the bytes of one whole document.
pub fn document(
    name: &str,
    lower_name: &str,
    bytes: &[u8],
    opts: &SourceOptions,
) -> Result<Document, SourceErrorKind> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(SourceErrorKind::Empty);
    }
    let text = decode(bytes, opts.charset.as_deref())?;
    let content = if is_html(lower_name, &text) {
        Content::Html(text)
    } else {
        Content::Text(text)
    };
    Ok(Document {
        id: None,
        provenance: Provenance {
            path: Some(name.to_string()),
            ..Default::default()
        },
        content,
        date: None,
        title: None,
    })
}

/// HTML by extension, or by markup at the start of the content.
fn is_html(lower_name: &str, text: &str) -> bool {
    const EXT: [&str; 4] = [".html", ".htm", ".xhtml", ".shtml"];
    if EXT.iter().any(|e| lower_name.ends_with(e)) {
        return true;
    }
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if !start.starts_with('<') {
        return false;
    }
    let head: String = start
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<p>",
        "<div",
        "<title",
    ]
    .iter()
    .any(|t| head.contains(t))
}
