//! Tone in GDELT's V2Tone layout.

use serde::{Deserialize, Serialize};

/// GDELT V2Tone: all figures are percentages of `word_count` except `tone`
/// (positive minus negative) and `polarity` (positive plus negative).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Tone {
    pub tone: f64,
    pub positive: f64,
    pub negative: f64,
    pub polarity: f64,
    pub activity_density: f64,
    pub self_group_density: f64,
    pub word_count: u32,
}

impl Tone {
    /// The seven comma-separated fields of GDELT's V2Tone column.
    pub fn to_gdelt(&self) -> String {
        format!(
            "{},{},{},{},{},{},{}",
            self.tone,
            self.positive,
            self.negative,
            self.polarity,
            self.activity_density,
            self.self_group_density,
            self.word_count
        )
    }
}
