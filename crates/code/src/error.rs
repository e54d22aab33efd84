//! Errors of the code stage: a data file (verb patterns, irregular verbs,
//! tone lexicon) that cannot be read or has a malformed line.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum CodeError {
    /// One line of a data file is malformed; `line` is 1-based.
    #[error("{file}:{line}: {message}")]
    Line {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}: cannot read: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
}

impl CodeError {
    pub(crate) fn line(file: &str, line: usize, message: impl Into<String>) -> Self {
        CodeError::Line {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}

/// Reads a data file whole: its name for error messages (the path as
/// given) and its text.
pub(crate) fn read_data_file(path: &std::path::Path) -> Result<(String, String), CodeError> {
    let file = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => Ok((file, text)),
        Err(source) => Err(CodeError::Io { file, source }),
    }
}

/// The non-empty, non-comment lines of a data file with their 1-based numbers.
/// `#` starts a comment; fields are separated by tabs and trimmed.
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, raw)| {
        let content = raw.split('#').next().unwrap_or("");
        if content.trim().is_empty() {
            return None;
        }
        let fields = content
            .split('\t')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .collect();
        Some((i + 1, fields))
    })
}
