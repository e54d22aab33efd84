//! detente's trained statistical models, in pure Rust: a part-of-speech
//! tagger, a dependency parser and a named-entity tagger.
//!
//! ```text
//! words ──PosModel──▶ PTB tags ──ParserModel──▶ heads + UD relations
//!                         └──────NerModel──────▶ entity spans (PER/ORG/LOC/MISC)
//! ```
//!
//! All three are greedy averaged perceptrons over hashed features
//! ([`features`]): each feature is hashed straight into a row of a flat
//! weight table, so inference allocates no strings and touches only a few
//! dozen rows per decision. Trained weights are quantised to `i16`, rows that
//! end up all zero are dropped, and the result is deflated into the small
//! files under `models/` at the repository root, which are embedded in the
//! binary with `include_bytes!` ([`embedded`]).
//!
//! All three also read word clusters ([`clusters`]) that detente learns
//! itself from unlabeled text ([`unlabeled`]: Reuters-21578 and the training
//! text), so rare words borrow what is known about words used like them.
//!
//! Everything is reproducible from `../shared` with [`train_all`] (the CLI's
//! `detente train`; [`TrainOptions::smoke`] for a seconds-long run) and
//! measured with [`evaluate`] (`detente eval analyze`).

pub mod clusters;
pub mod corpus;
pub mod embedded;
pub mod error;
pub mod eval;
pub mod features;
pub mod io;
pub mod ner;
pub mod parser;
pub mod perceptron;
pub mod tagger;
pub mod train;
mod transition;
pub mod unlabeled;

pub use error::ModelError;

pub use eval::{EvalReport, Prf, evaluate, evaluate_models};
pub use ner::NerModel;
pub use parser::ParserModel;
pub use tagger::PosModel;
pub use train::{TrainOptions, TrainReport, train_all};
