//! detente's export formats: rows and records in the layouts the field uses,
//! made from the core types of one analysed document.
//!
//! ```text
//! Analysis ──┬─ gdelt::events    GDELT 2.0 Events, 61 tab-separated columns per event
//!            ├─ gdelt::mentions  GDELT 2.0 Mentions, 16 columns per event mention
//!            ├─ gdelt::gkg       GDELT GKG 2.1, 27 columns per document (needs its Graph)
//!            ├─ plover           PLOVER JSON records, one line per event
//!            └─ csv              one CSV row per event, with a header
//! ```
//!
//! Every writer takes `&mut impl Write` and one document, so a caller (the
//! store's `detente export`, say) streams any number of documents into one
//! file. Ids and batch times that only the caller knows travel in a
//! [`Context`]; counts across documents (NumMentions, NumSources,
//! NumArticles) in a [`gdelt::Tally`].
//!
//! Where our data differs from GDELT's: country codes are the CAMEO/ISO
//! alpha-3 codes of our actor codes (GDELT's geography uses FIPS 10-4), and
//! there are no coordinates or feature ids; those fields stay empty.
//! Offsets are character offsets into the article body, as in GDELT.

pub mod csv;
pub mod field;
pub mod gdelt;
pub mod plover;

use chrono::NaiveDateTime;

/// What the id and date columns need beyond the analysis itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    /// GLOBALEVENTID of the document's first event; the others follow in order.
    pub first_event_id: u64,
    /// The batch time: GDELT's DATEADDED, and the GKG record id's stamp.
    pub added: NaiveDateTime,
    /// The document's number within the batch (the `N` of GKG's `YYYYMMDDHHMMSS-N`).
    pub record: u64,
}

impl Context {
    /// The first batch of `added`: event ids from 1, record 0.
    pub fn new(added: NaiveDateTime) -> Self {
        Context {
            first_event_id: 1,
            added,
            record: 0,
        }
    }
}
