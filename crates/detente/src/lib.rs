//! detente: structured, explainable geopolitical event data from raw news.
//!
//! This crate is the front door. It ties the stages together in the order the
//! data travels, each stage a crate of its own with one job:
//!
//! ```text
//! source ──▶ extract ──▶ analyze ──▶ code ──▶ output
//! Document    Article     TextAnalysis  Coding   Analysis (JSON, TSV, report)
//! ```
//!
//! - [`source`]: files, folders, globs, stdin, gzip, JSON Lines → [`Document`]s;
//! - [`extract`]: a page to an [`Article`] (title, date, clean body, ...);
//! - [`analyze`]: sentences, tokens, tags, syntax, entities, time expressions;
//! - [`code`]: actors, CAMEO/PLOVER events with evidence, quotes, tone;
//! - [`knowledge`]: the codebook and dictionaries every coder thread shares.
//!
//! A [`Pipeline`] holds one instance of each stage, built once and shared by
//! all threads; [`batch::run`] processes a stream of documents in parallel and
//! hands back results in input order, so the same input always gives the same
//! output. [`output`] writes results in the formats users read.
//!
//! ```no_run
//! use std::sync::Arc;
//! use detente::{Document, Knowledge, Pipeline};
//!
//! let pipeline = Pipeline::new(Arc::new(Knowledge::embedded().unwrap()));
//! let analysis = pipeline.run(&Document::text("Russia condemned the sanctions.")).unwrap();
//! for event in &analysis.events {
//!     println!("{} {} {}", event.code, event.name, event.rule);
//! }
//! ```

pub mod batch;
pub mod output;
mod pipeline;

pub use detente_analyze as analyze;
pub use detente_code as code;
pub use detente_core as core;
pub use detente_extract as extract;
pub use detente_knowledge as knowledge;
pub use detente_models as models;
pub use detente_source as source;

pub use detente_core::{Analysis, Article, Document, DocumentError, Event, Quote, TextAnalysis};
pub use detente_knowledge::Knowledge;
pub use pipeline::{Failure, Pipeline};
