//! The progress bar of long runs, on stderr (hidden when it is not a terminal).
//!
//! Where the number of documents is known up front
//! ([`detente::source::count_documents`]) the bar shows how far along the
//! run is and an ETA; otherwise a spinner counts documents and their rate.

use indicatif::{ProgressBar, ProgressStyle};

const COUNTED: &str =
    "{bar:30} {pos}/{len} documents {per_sec} {msg} ETA {eta} [{elapsed_precise}]";
const OPEN_ENDED: &str = "{spinner} {pos} documents {per_sec} {msg} [{elapsed_precise}]";

/// A bar for `total` documents, or a spinner where the total is unknown.
pub fn documents(total: Option<u64>) -> ProgressBar {
    let (bar, template) = match total {
        Some(n) => (ProgressBar::new(n), COUNTED),
        None => (ProgressBar::new_spinner(), OPEN_ENDED),
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// Moves the bar to `done`, stretching it where a feed or a WARC file held
/// more documents than counted.
pub fn set(bar: &ProgressBar, done: u64) {
    if bar.length().is_some_and(|len| done > len) {
        bar.set_length(done);
    }
    bar.set_position(done);
}
