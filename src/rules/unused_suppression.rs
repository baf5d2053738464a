use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// Reports an inline suppression comment (`<!-- incident-disable RULE -->`,
    /// `<!-- incident-disable-next-line RULE -->`) that suppresses no finding,
    /// or that names something that is not a rule id or family. It is only
    /// reported for rules that ran, so `--select` and `--ignore` do not make
    /// other suppressions look unused.
    ///
    /// ## Why is this bad?
    /// A suppression outlives the problem it hid: once the text is fixed, the
    /// comment silently hides the next real problem of that kind in that
    /// place. A misspelt rule id suppresses nothing at all, and the author
    /// believes it does.
    ///
    /// ## Example
    /// ```markdown
    /// <!-- incident-disable-next-line timeline-ordre -->
    /// - 10:05 UTC Alert fires
    /// ```
    ///
    /// ## Use instead
    /// Remove the comment, or name the rule correctly:
    /// ```markdown
    /// <!-- incident-disable-next-line timeline-order -->
    /// - 10:05 UTC Alert fires
    /// ```
    pub(crate) static UNUSED_SUPPRESSION = {
        id: "unused-suppression",
        family: Structure,
        severity: Info,
        fix: Never,
        summary: "An inline suppression comment suppresses something and names a real rule",
        check: check,
    }
}

/// The findings come from [`crate::suppress::apply`], which runs after every
/// other rule; there is nothing to check on the model itself.
fn check(_report: &Report<'_>, _out: &mut Vec<Diagnostic>) {}
