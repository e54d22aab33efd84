//! The source stage: every input a news pipeline meets, read into
//! [`Document`]s one at a time.
//!
//! ```text
//! inputs ─▶ Walk (paths, folders, globs, stdin) ─▶ open: what is this file?
//!   gzip (magic bytes) ─▶ look inside
//!   WARC / WARC.gz ─▶ warc: records ─▶ HTML responses (others counted in Skipped)
//!   RSS / Atom / JSON Feed ─▶ feed: one document per item
//!   JSON Lines ─▶ jsonl: one document per line
//!   anything else ─▶ one document
//! ─▶ decode (BOM, HTTP charset, meta charset, UTF-8, detection) ─▶ Document | SourceError
//! ```
//!
//! [`read_inputs`] is a lazy iterator: folders are listed one at a time in
//! sorted order, JSON Lines and WARC files are streamed record by record,
//! and only the document being read is in memory (a feed file is read
//! whole: feeds are small). Every failure is an item of its own that names
//! the input (and line, or byte offset of the record), so one bad input or
//! record never stops the others. Every document keeps its provenance:
//! path, URL, WARC record id and offset, line.

mod count;
mod decode;
mod error;
mod feed;
mod input;
mod jsonl;
mod read;
mod rewind;
mod warc;

use detente_core::Document;

pub use count::count_documents;
pub use decode::decode;
pub use error::{SourceError, SourceErrorKind};
pub use input::Input;
pub use read::document;

use input::{Item, Walk};
use read::Opened;

/// The default size limit of one document: 50 MB.
pub const DEFAULT_MAX_BYTES: u64 = 50 * 1024 * 1024;

/// How inputs are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceOptions {
    /// Largest document (after decompression) read; larger ones are an error.
    pub max_bytes: u64,
    /// A charset the transport declared (an HTTP `Content-Type` header), used
    /// when the bytes carry no byte order mark.
    pub charset: Option<String>,
}

impl Default for SourceOptions {
    fn default() -> Self {
        SourceOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            charset: None,
        }
    }
}

/// Every document of `inputs`, in order, each an `Ok` or an error naming its input.
pub fn read_inputs(inputs: &[Input], opts: &SourceOptions) -> Documents {
    Documents {
        walk: Walk::new(inputs),
        stream: None,
        opts: opts.clone(),
        skipped: Skipped::default(),
    }
}

/// The documents of one stream read as if it were a file called `name`: the
/// name's extension and the first bytes decide the format, as for a file
/// (gzip, WARC, feed, JSON Lines, HTML, text). For readers other than files,
/// and for fuzzing the parsers.
pub fn read_stream(
    name: &str,
    reader: Box<dyn std::io::BufRead>,
    opts: &SourceOptions,
) -> Documents {
    let lower = name.to_ascii_lowercase();
    let mut docs = read_inputs(&[], opts);
    docs.push(read::open_stream(
        name.to_string(),
        &lower,
        reader,
        None,
        opts,
    ));
    docs
}

/// Records of containers that were not documents, counted rather than
/// reported one by one: a WARC file is mostly requests, metadata and images.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Skipped {
    /// WARC records other than responses and resources (request, metadata, warcinfo, revisit).
    pub records: u64,
    /// Responses whose payload is not HTML (images, scripts, PDFs).
    pub non_html: u64,
    /// Responses whose HTTP status is not 2xx (redirects, errors).
    pub http_status: u64,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "skipped {} non-response WARC records, {} non-HTML responses, {} non-2xx responses",
            self.records, self.non_html, self.http_status
        )
    }
}

/// A container being read item by item.
enum Stream {
    One(Option<Result<Document, SourceError>>),
    Many(std::vec::IntoIter<Result<Document, SourceError>>),
    Lines(jsonl::Lines),
    Warc(warc::Warc),
}

/// The stream [`read_inputs`] returns.
pub struct Documents {
    walk: Walk,
    stream: Option<Stream>,
    opts: SourceOptions,
    skipped: Skipped,
}

impl Documents {
    /// What was skipped so far (read it after the stream ends for totals).
    pub fn skipped(&self) -> Skipped {
        self.skipped
    }

    fn push(&mut self, opened: Opened) {
        self.stream = Some(match opened {
            Opened::One(item) => Stream::One(Some(item)),
            Opened::Lines(lines) => Stream::Lines(lines),
            Opened::Warc(warc) => Stream::Warc(warc),
            Opened::Many(items) => Stream::Many(items.into_iter()),
        });
    }
}

impl Iterator for Documents {
    type Item = Result<Document, SourceError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let item = match &mut self.stream {
                Some(Stream::One(one)) => one.take(),
                Some(Stream::Many(items)) => items.next(),
                Some(Stream::Lines(lines)) => lines.next(),
                Some(Stream::Warc(warc)) => warc.next(&mut self.skipped),
                None => None,
            };
            if item.is_some() {
                return item;
            }
            self.stream = None;
            let opened = match self.walk.next()? {
                Item::Error(e) => return Some(Err(e)),
                Item::File(path) => read::open_file(&path, &self.opts),
                Item::Stdin => read::open_stdin(&self.opts),
            };
            self.push(opened);
        }
    }
}
