//! Questions asked of the stored events: relations over time, events by
//! actor and code, full-text search, most active actors, totals; and the
//! formats answers are printed in.

pub mod actors;
mod columns;
pub mod events;
pub mod format;
pub mod period;
pub mod relations;
pub mod search;
pub mod stats;
pub mod trend;

pub use actors::{ActorRow, DyadRow};
pub use columns::StatLine;
pub use events::{CodePattern, EventFilter, EventRow};
pub use format::{OutputFormat, write_rows};
pub use period::Period;
pub use relations::{RelationRow, RelationsQuery};
pub use search::SearchHit;
pub use stats::Stats;
pub use trend::Trend;
