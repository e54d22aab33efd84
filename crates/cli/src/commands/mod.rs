//! One module per subcommand.

pub mod code;
pub mod eval;
pub mod export;
pub mod ingest;
pub mod query;
pub mod stats;
pub mod train;
pub mod validate;
