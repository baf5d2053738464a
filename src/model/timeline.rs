//! The timeline: entries with their times, read from the Timeline section.

use crate::model::Report;

/// The timeline of a report.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Timeline {}

impl Timeline {
    pub fn build(_report: &Report<'_>) -> Timeline {
        Timeline::default()
    }
}
