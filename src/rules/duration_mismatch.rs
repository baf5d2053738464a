use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// A stated duration matches the interval it describes.
    ///
    /// ## Why is this bad?
    /// Not yet implemented: this rule reports nothing yet.
    ///
    /// ## Example
    /// (to be written)
    ///
    /// ## Use instead
    /// (to be written)
    pub(crate) static DURATION_MISMATCH = {
        id: "duration-mismatch",
        family: Time,
        severity: Error,
        fix: Never,
        summary: "A stated duration matches the interval it describes",
        check: check,
    }
}

fn check(_report: &Report<'_>, _out: &mut Vec<Diagnostic>) {}
