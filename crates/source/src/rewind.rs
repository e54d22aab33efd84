//! A buffered reader that can give bytes back, knows its offset, and can
//! search ahead for a marker.
//!
//! Container formats (WARC, concatenated gzip members) are read record by
//! record. When a record turns out to be broken, the reader must go back to
//! just after the record's start and look for the next one, or a truncated
//! record would swallow its neighbour. [`Rewind`] keeps what it is asked to
//! [`Rewind::record`] so those bytes can be [`Rewind::unread`], and
//! [`Rewind::skip_to`] finds the next marker without holding more than one
//! buffer of the stream.

use std::io::{self, BufRead, Read};

/// The most raw bytes kept for rewinding one record; a longer record that
/// fails is resumed from where reading stopped instead.
const MAX_RECORDING: usize = 64 * 1024 * 1024;

pub(crate) struct Rewind<R> {
    /// Bytes given back (or pulled forward for a search), read before `inner`.
    front: Vec<u8>,
    at: usize,
    inner: R,
    /// Bytes consumed from the start of the stream.
    offset: u64,
    recording: Option<Vec<u8>>,
}

impl<R: BufRead> Rewind<R> {
    pub(crate) fn new(inner: R) -> Self {
        Rewind {
            front: Vec::new(),
            at: 0,
            inner,
            offset: 0,
            recording: None,
        }
    }

    /// Bytes consumed so far: the offset of the next byte to read.
    pub(crate) fn offset(&self) -> u64 {
        self.offset
    }

    /// Start keeping every byte consumed, for a later [`Rewind::rewind_to_after_start`].
    pub(crate) fn record(&mut self) {
        self.recording = Some(Vec::new());
    }

    /// The bytes kept since [`Rewind::record`], if still kept.
    pub(crate) fn recorded(&self) -> Option<&[u8]> {
        self.recording.as_deref()
    }

    /// Stop keeping bytes (the record was read whole).
    pub(crate) fn forget(&mut self) {
        self.recording = None;
    }

    /// Go back to one byte after where [`Rewind::record`] was called, so a
    /// search for the next record starts inside the broken one. Returns false
    /// when the recording had grown too long and was dropped.
    pub(crate) fn rewind_to_after_start(&mut self) -> bool {
        match self.recording.take() {
            Some(kept) if !kept.is_empty() => {
                self.unread(&kept[1..]);
                true
            }
            Some(_) => true,
            None => false,
        }
    }

    /// Give `bytes` back: they are read next, and the offset goes back by their length.
    pub(crate) fn unread(&mut self, bytes: &[u8]) {
        self.offset -= bytes.len() as u64;
        let mut front = Vec::with_capacity(bytes.len() + self.front.len() - self.at);
        front.extend_from_slice(bytes);
        front.extend_from_slice(&self.front[self.at..]);
        self.front = front;
        self.at = 0;
    }

    /// Make at least `n` bytes readable at once (fewer only at end of stream).
    fn fill_at_least(&mut self, n: usize) -> io::Result<&[u8]> {
        while self.front.len() - self.at < n {
            let more = self.inner.fill_buf()?;
            if more.is_empty() {
                break;
            }
            let len = more.len();
            if self.at > 0 {
                self.front.drain(..self.at);
                self.at = 0;
            }
            self.front.extend_from_slice(more);
            self.inner.consume(len);
        }
        Ok(&self.front[self.at..])
    }

    /// The next bytes without consuming them (at least `n` where the stream has them).
    pub(crate) fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        if self.front.len() > self.at {
            return self.fill_at_least(n);
        }
        let buf = self.inner.fill_buf()?;
        if buf.len() >= n {
            // Borrow checker: re-borrow through the same path.
            return self.inner.fill_buf();
        }
        self.fill_at_least(n)
    }

    /// Skip to the next occurrence of `marker` accepted by `accept` (given
    /// the bytes from the marker on, at least 64 where the stream has them).
    /// Returns false at end of stream.
    pub(crate) fn skip_to(
        &mut self,
        marker: &[u8],
        accept: impl Fn(&[u8]) -> bool,
    ) -> io::Result<bool> {
        loop {
            let buf = self.fill_at_least(marker.len() + 64)?;
            if buf.len() < marker.len() {
                let n = buf.len();
                self.consume(n);
                return Ok(false);
            }
            let want = marker.len() + 64;
            match find(buf, marker) {
                // Too few bytes after the marker to judge: bring it to the
                // front so the next pass reads more behind it.
                Some(i) if i > 0 && buf.len() - i < want => self.consume(i),
                Some(i) if accept(&buf[i..]) => {
                    self.consume(i);
                    return Ok(true);
                }
                Some(i) => self.consume(i + 1),
                None => {
                    // Keep a tail that could be the start of a split marker.
                    let keep = marker.len() - 1;
                    let n = buf.len() - keep;
                    self.consume(n);
                    if self.fill_at_least(keep + 1)?.len() <= keep {
                        let n = self.front.len() - self.at;
                        self.consume(n);
                        return Ok(false);
                    }
                }
            }
        }
    }
}

/// The first position of `needle` in `hay`.
pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    let first = needle[0];
    let mut from = 0;
    while let Some(i) = hay[from..=hay.len() - needle.len()]
        .iter()
        .position(|&b| b == first)
    {
        let at = from + i;
        if &hay[at..at + needle.len()] == needle {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

impl<R: BufRead> Read for Rewind<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let buf = self.fill_buf()?;
        let n = buf.len().min(out.len());
        out[..n].copy_from_slice(&buf[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Rewind<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.at < self.front.len() {
            Ok(&self.front[self.at..])
        } else {
            self.inner.fill_buf()
        }
    }

    fn consume(&mut self, n: usize) {
        let taken: &[u8] = if self.at < self.front.len() {
            let end = (self.at + n).min(self.front.len());
            let s = &self.front[self.at..end];
            self.at = end;
            s
        } else {
            // Bytes of `inner` must be copied out before consuming them.
            if let (Some(rec), Ok(buf)) = (&mut self.recording, self.inner.fill_buf()) {
                rec.extend_from_slice(&buf[..n.min(buf.len())]);
            }
            self.inner.consume(n);
            self.offset += n as u64;
            self.cap_recording();
            return;
        };
        if let Some(rec) = &mut self.recording {
            rec.extend_from_slice(taken);
        }
        self.offset += n as u64;
        if self.at == self.front.len() {
            self.front.clear();
            self.at = 0;
        }
        self.cap_recording();
    }
}

impl<R> Rewind<R> {
    fn cap_recording(&mut self) {
        if self
            .recording
            .as_ref()
            .is_some_and(|r| r.len() > MAX_RECORDING)
        {
            self.recording = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rw(bytes: &[u8]) -> Rewind<&[u8]> {
        Rewind::new(bytes)
    }

    #[test]
    fn rewinds_to_one_past_the_recorded_start() {
        let mut r = rw(b"abcdefgh");
        r.consume(2);
        r.record();
        let mut buf = [0u8; 4];
        r.read_exact(&mut buf).unwrap();
        assert_eq!(r.offset(), 6);
        assert!(r.rewind_to_after_start());
        assert_eq!(r.offset(), 3);
        let mut rest = Vec::new();
        r.read_to_end(&mut rest).unwrap();
        assert_eq!(rest, b"defgh");
        assert_eq!(r.offset(), 8);
    }

    #[test]
    fn skip_to_finds_markers_split_across_buffers() {
        let data = b"xxxxxxxxxxWARC/1.0 yes".to_vec();
        let inner = std::io::BufReader::with_capacity(3, &data[..]);
        let mut r = Rewind::new(inner);
        assert!(r.skip_to(b"WARC/", |_| true).unwrap());
        assert_eq!(r.offset(), 10);
        assert!(r.peek(5).unwrap().starts_with(b"WARC/"));
        r.consume(1);
        assert!(!r.skip_to(b"WARC/", |_| true).unwrap());
    }

    #[test]
    fn find_positions() {
        assert_eq!(find(b"hello world", b"wor"), Some(6));
        assert_eq!(find(b"ab", b"abc"), None);
        assert_eq!(find(b"aab", b"ab"), Some(1));
    }
}
