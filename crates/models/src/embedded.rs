//! The checked-in model files, compiled into the binary so that it needs no
//! files at run time. Regenerate them with `detente train` or
//! `cargo run --release -p detente-models --example train` (see models/README.md).

pub const POS: &[u8] = include_bytes!("../../../models/pos.dtm");
pub const PARSER: &[u8] = include_bytes!("../../../models/parser.dtm");
pub const NER: &[u8] = include_bytes!("../../../models/ner.dtm");
