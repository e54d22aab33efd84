//! What the caller names as input, and the files it stands for.
//!
//! A folder is walked depth-first in sorted order, one directory listing at a
//! time, so a run over millions of files is deterministic and never holds more
//! than the listings on the current path. Hidden entries (`.name`) are skipped.
//! A glob (`*`, `?`, `[abc]` in any component) is expanded the same way.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{SourceError, SourceErrorKind};

/// One input as the caller named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a folder (read recursively).
    Path(PathBuf),
    /// Standard input (`-`).
    Stdin,
    /// A pattern such as `pages/*.html.gz`.
    Glob(String),
}

impl Input {
    /// `-` is stdin, a string with `*`, `?` or `[` is a glob, anything else a path.
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else if arg.contains(['*', '?', '[']) && !Path::new(arg).exists() {
            Input::Glob(arg.to_string())
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// What one input expands to: files to read, or errors about it.
pub(crate) enum Item {
    File(PathBuf),
    Stdin,
    Error(SourceError),
}

/// A lazy depth-first walk over the inputs.
pub(crate) struct Walk {
    /// Work still to do, last first.
    stack: Vec<Pending>,
    /// Files yielded so far: a top folder whose walk did not raise it is empty.
    files: u64,
}

enum Pending {
    Input(Input),
    /// Entries of a directory still to visit (sorted, reversed for popping).
    /// A folder the caller named keeps the file count at its opening.
    Dir {
        dir: PathBuf,
        entries: Vec<PathBuf>,
        mark: Option<u64>,
    },
}

impl Walk {
    pub(crate) fn new(inputs: &[Input]) -> Self {
        Walk {
            stack: inputs.iter().rev().cloned().map(Pending::Input).collect(),
            files: 0,
        }
    }

    fn open_dir(&mut self, dir: PathBuf, top: bool) -> Option<Item> {
        match sorted_entries(&dir) {
            Ok(mut entries) => {
                entries.reverse();
                let mark = top.then_some(self.files);
                self.stack.push(Pending::Dir { dir, entries, mark });
                None
            }
            Err(e) => Some(Item::Error(io_error(&dir, e))),
        }
    }
}

impl Iterator for Walk {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            let pending = self.stack.pop()?;
            match pending {
                Pending::Input(Input::Stdin) => return Some(Item::Stdin),
                Pending::Input(Input::Path(p)) => match fs::metadata(&p) {
                    Ok(m) if m.is_dir() => {
                        if let Some(item) = self.open_dir(p, true) {
                            return Some(item);
                        }
                    }
                    Ok(_) => {
                        self.files += 1;
                        return Some(Item::File(p));
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                        return Some(Item::Error(SourceError::new(
                            p.display().to_string(),
                            SourceErrorKind::Missing,
                        )));
                    }
                    Err(e) => return Some(Item::Error(io_error(&p, e))),
                },
                Pending::Input(Input::Glob(pattern)) => {
                    let matches = expand_glob(&pattern);
                    if matches.is_empty() {
                        return Some(Item::Error(SourceError::new(
                            pattern,
                            SourceErrorKind::NoMatch,
                        )));
                    }
                    self.stack.extend(
                        matches
                            .into_iter()
                            .rev()
                            .map(|p| Pending::Input(Input::Path(p))),
                    );
                }
                Pending::Dir {
                    dir,
                    mut entries,
                    mark,
                } => {
                    let Some(entry) = entries.pop() else {
                        if mark == Some(self.files) {
                            let name = dir.display().to_string();
                            return Some(Item::Error(SourceError::new(
                                name,
                                SourceErrorKind::EmptyDirectory,
                            )));
                        }
                        continue;
                    };
                    let is_dir = entry.is_dir();
                    self.stack.push(Pending::Dir { dir, entries, mark });
                    if is_dir {
                        if let Some(item) = self.open_dir(entry, false) {
                            return Some(item);
                        }
                    } else if entry.is_file() {
                        self.files += 1;
                        return Some(Item::File(entry));
                    }
                    // Sockets, broken links and the like: nothing to read.
                }
            }
        }
    }
}

fn sorted_entries(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    entries.sort();
    Ok(entries)
}

fn io_error(path: &Path, e: std::io::Error) -> SourceError {
    SourceError::new(
        path.display().to_string(),
        SourceErrorKind::Io(e.to_string()),
    )
}

/// Paths matching `pattern`, sorted. Components without wildcards are taken
/// literally; components with them are matched against directory listings.
pub(crate) fn expand_glob(pattern: &str) -> Vec<PathBuf> {
    let path = Path::new(pattern);
    let mut current: Vec<PathBuf> = vec![if path.is_absolute() {
        PathBuf::from("/")
    } else {
        PathBuf::new()
    }];
    for comp in path.components() {
        let part = comp.as_os_str().to_string_lossy();
        if matches!(comp, std::path::Component::RootDir) {
            continue;
        }
        let mut next = Vec::new();
        for base in &current {
            if part.contains(['*', '?', '[']) {
                let dir = if base.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    base.as_path()
                };
                if let Ok(entries) = sorted_entries(dir) {
                    for e in entries {
                        let name = e
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        if wildcard_match(&part, &name) {
                            next.push(base.join(name));
                        }
                    }
                }
            } else {
                next.push(base.join(&*part));
            }
        }
        current = next;
    }
    current.retain(|p| p.exists());
    current.sort();
    current
}

/// Shell-style match of one path component: `*` any run, `?` one char,
/// `[abc]`/`[a-z]`/`[!x]` a class.
pub(crate) fn wildcard_match(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    matches_at(&p, &n)
}

fn matches_at(p: &[char], n: &[char]) -> bool {
    match p.first() {
        None => n.is_empty(),
        Some('*') => (0..=n.len()).any(|i| matches_at(&p[1..], &n[i..])),
        Some('?') => !n.is_empty() && matches_at(&p[1..], &n[1..]),
        Some('[') => match (class_end(p), n.first()) {
            (Some(end), Some(&c)) => {
                class_matches(&p[1..end], c) && matches_at(&p[end + 1..], &n[1..])
            }
            (None, Some(&c)) => c == '[' && matches_at(&p[1..], &n[1..]),
            _ => false,
        },
        Some(&c) => n.first() == Some(&c) && matches_at(&p[1..], &n[1..]),
    }
}

fn class_end(p: &[char]) -> Option<usize> {
    p.iter().skip(2).position(|&c| c == ']').map(|i| i + 2)
}

fn class_matches(class: &[char], c: char) -> bool {
    let (negate, class) = match class.first() {
        Some('!') | Some('^') => (true, &class[1..]),
        _ => (false, class),
    };
    let mut hit = false;
    let mut i = 0;
    while i < class.len() {
        if i + 2 < class.len() && class[i + 1] == '-' {
            hit |= class[i] <= c && c <= class[i + 2];
            i += 3;
        } else {
            hit |= class[i] == c;
            i += 1;
        }
    }
    hit != negate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        assert!(wildcard_match("*.html.gz", "0001.html.gz"));
        assert!(!wildcard_match("*.html", "0001.html.gz"));
        assert!(wildcard_match("a?c", "abc"));
        assert!(wildcard_match("[0-9]*.txt", "7x.txt"));
        assert!(!wildcard_match("[!0-9]*.txt", "7x.txt"));
    }

    #[test]
    fn parse_inputs() {
        assert_eq!(Input::parse("-"), Input::Stdin);
        assert_eq!(
            Input::parse("/nonexistent/*.txt"),
            Input::Glob("/nonexistent/*.txt".into())
        );
        assert_eq!(Input::parse("a.txt"), Input::Path("a.txt".into()));
    }
}
