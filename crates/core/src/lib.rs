//! The data model of detente, shared by every stage of the route
//!
//! ```text
//! source ──Document──▶ extract ──Article──▶ analyze ──TextAnalysis──▶ code ──Analysis──▶ output
//! ```
//!
//! Each stage lives in its own crate and only ever reads what the stage before
//! it produced; this crate holds the values that travel between them and the
//! traits ([`stage`]) a stage implements, so any stage can be replaced without
//! touching the others.
//!
//! Offsets are always byte offsets into [`Article::body`], as [`Span`]s.
//! Codes are types, never bare strings: a [`CameoCode`] is validated once when
//! it is made, an [`ActorCode`] cannot hold lowercase or spaces.

pub mod actor;
pub mod analysis;
pub mod article;
pub mod calendar;
pub mod cameo;
pub mod document;
pub mod error;
pub mod event;
pub mod graph;
pub mod quote;
pub mod score;
pub mod span;
pub mod stage;
pub mod text;
pub mod tone;

pub use actor::ActorCode;
pub use analysis::Analysis;
pub use article::Article;
pub use cameo::{CameoCode, CameoRoot, Plover, QuadClass};
pub use document::{Content, Document, Provenance};
pub use error::DocumentError;
pub use event::{Event, Modality, Participant};
pub use graph::Graph;
pub use quote::{Quote, QuoteKind};
pub use span::Span;
pub use text::{
    DateRange, DepRel, Entity, EntityKind, PosTag, Sentence, TextAnalysis, TimeExpr, Token,
};
pub use tone::Tone;

/// Calendar dates are days without a time zone, as in GDELT and CAMEO data.
pub type Date = chrono::NaiveDate;
