//! Impact figures: users affected, share affected, support volume, duration.

use crate::model::Report;

/// The impact figures a report states.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Impact {}

impl Impact {
    pub fn build(_report: &Report<'_>) -> Impact {
        Impact::default()
    }
}
