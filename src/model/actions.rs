//! Action items: what will be done, by whom, by when, tracked where.

use crate::model::Report;

/// One action item.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ActionItem {}

/// The action items of a report.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ActionItems {
    pub items: Vec<ActionItem>,
}

impl ActionItems {
    pub fn build(_report: &Report<'_>) -> ActionItems {
        ActionItems::default()
    }
}
