//! Times, dates and durations as reports write them.
//!
//! (The time issue fills this module in; `find_durations` is the shared
//! entry point the impact model uses.)

use std::ops::Range;

/// A duration written in prose ("36 minutes", "1 hr 12 minutes", "1h 5m",
/// "an hour", "half an hour", "2 hrs").
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StatedDuration {
    /// Byte range within the text that was searched.
    pub span: Range<usize>,
    /// The length in seconds.
    pub seconds: i64,
    /// Written with "about", "~", "roughly", "approximately", "around", "nearly" …
    pub approximate: bool,
}

/// Every duration stated in `text`, in order.
pub fn find_durations(_text: &str) -> Vec<StatedDuration> {
    Vec::new()
}
