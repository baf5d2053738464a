use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// No credentials: API keys, tokens, passwords, private keys.
    ///
    /// ## Why is this bad?
    /// Not yet implemented: this rule reports nothing yet.
    ///
    /// ## Example
    /// (to be written)
    ///
    /// ## Use instead
    /// (to be written)
    pub(crate) static SECRET_LEAK = {
        id: "secret-leak",
        family: Content,
        severity: Error,
        fix: Always,
        summary: "No credentials: API keys, tokens, passwords, private keys",
        check: check,
    }
}

fn check(_report: &Report<'_>, _out: &mut Vec<Diagnostic>) {}
