//! Quotation marks: pairing them into quoted spans paragraph by paragraph
//! (straight `"` toggles, curly `“ ”` open and close), quotes left open or
//! running over paragraphs, and whether marked text is a quotation at all.

use detente_core::Span;

use super::Quoter;

impl Quoter<'_> {
    /// The text between matching marks, paragraph by paragraph.
    pub(super) fn marked_spans(&self) -> Vec<Span> {
        let mut spans = Vec::new();
        let mut open: Option<usize> = None;
        let mut prev_end = 0;
        for p in &self.paragraphs {
            let text = p.text(self.body);
            // A quote left open at a paragraph's end is kept up to there if it
            // opened like a long quote; the next paragraph starts afresh either way.
            if let Some(o) = open.take() {
                spans.extend(self.open_ended(o, prev_end));
            }
            for (i, c) in text.char_indices() {
                let after = p.start + i + c.len_utf8();
                match c {
                    '"' => match open.take() {
                        Some(o) => spans.push(Span::new(o, after - 1)),
                        None => open = Some(after),
                    },
                    '“' => open = Some(after),
                    '”' => {
                        if let Some(o) = open.take() {
                            spans.push(Span::new(o, after - c.len_utf8()));
                        }
                    }
                    _ => {}
                }
            }
            prev_end = p.end;
        }
        if let Some(o) = open {
            spans.extend(self.open_ended(o, prev_end));
        }
        spans
    }

    /// The span of a quote still open at `end` (a paragraph's end): kept
    /// where its mark opened a paragraph or followed a colon or comma, and
    /// it has words; a stray mark mid-sentence is dropped.
    fn open_ended(&self, o: usize, end: usize) -> Option<Span> {
        (o < end
            && self.body[o..end].chars().any(char::is_alphanumeric)
            && self.opens_long_quote(o))
        .then(|| Span::new(o, end))
    }

    /// Whether the mark before byte `o` can open a quote that runs on into
    /// the next paragraph: it opens its paragraph or follows a colon or
    /// comma ("He said: “..."). A stray mark mid-sentence does not.
    fn opens_long_quote(&self, o: usize) -> bool {
        let before = self.body[..o]
            .trim_end_matches(['"', '“'])
            .trim_end_matches([' ', '\t']);
        before.is_empty() || before.ends_with(['\n', ':', ','])
    }

    /// Whether quote `b` opens the paragraph right after the one quote `a`
    /// ends: a speaker named once goes on speaking there.
    pub(super) fn continues(&self, a: Span, b: Span) -> bool {
        let k = self.paragraphs.partition_point(|p| p.end <= b.start);
        let Some(p) = self.paragraphs.get(k) else {
            return false;
        };
        k > 0 && self.paragraphs[k - 1].contains(a) && b.start <= p.start + '“'.len_utf8()
    }

    pub(super) fn same_paragraph(&self, a: Span, b: Span) -> bool {
        self.paragraph_of(a).is_some_and(|p| p.contains(b))
    }

    /// The paragraph containing `s` (paragraphs are disjoint and in order).
    pub(super) fn paragraph_of(&self, s: Span) -> Option<Span> {
        let k = self.paragraphs.partition_point(|p| p.end < s.end);
        self.paragraphs.get(k).filter(|p| p.contains(s)).copied()
    }
}

/// Whether marked text is a quotation rather than a name in marks: a
/// title ("Silent Night."), a handle, a number, a link, or a scare-quoted
/// word without a speaker ("the so-called "experts"").
pub(super) fn is_quotation(text: &str, has_speaker: bool) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let wordy = words
        .iter()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.contains(['/', '@']));
    if !wordy {
        return false;
    }
    let title = words.iter().all(|w| {
        w.chars().next().is_some_and(|c| !c.is_lowercase())
            || matches!(
                *w,
                "of" | "the" | "a" | "an" | "and" | "in" | "on" | "for" | "to" | "with"
            )
    });
    if has_speaker {
        // `said on "Meet the Press."`: a name in marks, even next to a speech verb
        return !(title && (2..=5).contains(&words.len()));
    }
    words.len() >= 4 && !(title && words.len() < 10)
}

/// `span` without surrounding whitespace.
pub(super) fn trim(body: &str, s: Span) -> Span {
    let t = s.text(body);
    let lead = t.len() - t.trim_start().len();
    let tail = t.len() - t.trim_end().len();
    if lead + tail >= t.len() {
        Span::new(s.start, s.start)
    } else {
        Span::new(s.start + lead, s.end - tail)
    }
}
