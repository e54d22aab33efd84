//! How many documents a run will read, known before reading them, so a
//! progress bar can show how far along it is and when it will end.
//!
//! The count walks the inputs as [`crate::read_inputs`] will and looks at
//! file names only, except in JSON Lines files, whose lines it counts. Where
//! the number cannot be known cheaply (stdin, WARC files, compressed JSON
//! Lines) there is no count. A feed counts as one document here though it
//! yields one per item: the count is a guide, not a promise.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use crate::input::{Input, Item, Walk};

/// The number of documents `inputs` hold, where it can be known cheaply.
pub fn count_documents(inputs: &[Input]) -> Option<u64> {
    let mut total = 0;
    for item in Walk::new(inputs) {
        total += match item {
            Item::Stdin => return None,
            Item::Error(_) => 1,
            Item::File(path) => in_file(&path)?,
        };
    }
    Some(total)
}

fn in_file(path: &Path) -> Option<u64> {
    let name = path.to_string_lossy().to_lowercase();
    let jsonl = name.ends_with(".jsonl") || name.ends_with(".ndjson");
    if name.ends_with(".warc") || name.ends_with(".warc.gz") || name.ends_with(".jsonl.gz") {
        return None;
    }
    if !jsonl {
        return Some(1);
    }
    // An unreadable file is one failure to report.
    let Ok(file) = File::open(path) else {
        return Some(1);
    };
    let lines = BufReader::new(file)
        .split(b'\n')
        .map_while(Result::ok)
        .filter(|l| l.iter().any(|b| !b.is_ascii_whitespace()))
        .count();
    Some(lines as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_count_one_and_json_lines_their_lines() {
        let dir = std::env::temp_dir().join(format!("detente-count-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.html"), "<p>x</p>").unwrap();
        std::fs::write(
            dir.join("b.jsonl"),
            "{\"text\":\"a\"}\n\n{\"text\":\"b\"}\n",
        )
        .unwrap();
        let inputs = [
            Input::Path(dir.clone()),
            Input::Path(dir.join("missing.txt")),
        ];
        assert_eq!(count_documents(&inputs), Some(4));
        assert_eq!(count_documents(&[Input::Stdin]), None);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
