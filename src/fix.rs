//! Applying the automatic fixes of a report's diagnostics.
//!
//! [`fix_source`] checks the text, applies every fix that does not overlap
//! another one, and checks again; fixes that overlapped wait for the next
//! pass, where they are re-computed on the new text. It stops at a fixed
//! point (no fix left to apply) or after [`MAX_PASSES`]. Only the bytes of
//! each edit change: everything else, line endings included, is copied as is.

use std::collections::BTreeMap;

use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::document::Span;
use crate::engine;

/// Passes after which fixing stops even if fixes remain (a rule whose fix
/// keeps producing new findings would otherwise loop forever).
pub const MAX_PASSES: usize = 10;

/// A fix that was applied.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Applied {
    pub rule: &'static str,
    /// What the fix did ("redact a GitHub token"). Never a credential.
    pub description: crate::diagnostic::Text,
    /// Byte range in the text *before* this fix's pass.
    pub span: Span,
    /// 1-based line of the fix in the original text (for passes after the
    /// first: the line in that pass's text).
    pub line: usize,
}

/// The result of fixing one text.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Outcome {
    /// The fixed text (the input unchanged if nothing applied).
    pub source: String,
    pub applied: Vec<Applied>,
    /// Passes run, including the last one that found nothing to do.
    pub passes: usize,
    /// False when [`MAX_PASSES`] ran out with fixes still pending.
    pub converged: bool,
    /// Diagnostics left in the fixed text.
    pub remaining: Vec<Diagnostic>,
}

impl Outcome {
    pub fn changed(&self) -> bool {
        !self.applied.is_empty()
    }
}

/// Applies every automatic fix to `source` until none is left.
pub fn fix_source(path: &str, source: String, settings: &Settings) -> Outcome {
    let mut source = source;
    let mut applied = Vec::new();
    for pass in 1..=MAX_PASSES {
        let (diagnostics, text) = engine::check_source(path, source, settings);
        source = text;
        let (fixed, done) = apply_pass(&source, &diagnostics);
        if done.is_empty() {
            return Outcome {
                source,
                applied,
                passes: pass,
                converged: true,
                remaining: diagnostics,
            };
        }
        applied.extend(done);
        source = fixed;
    }
    let (remaining, source) = engine::check_source(path, source, settings);
    let converged = !remaining.iter().any(|d| applicable(&source, d).is_some());
    Outcome {
        source,
        applied,
        passes: MAX_PASSES,
        converged,
        remaining,
    }
}

/// One pass: applies the fixes that do not overlap an earlier one (in
/// order of position) and returns the new text and what was applied.
pub fn apply_pass(source: &str, diagnostics: &[Diagnostic]) -> (String, Vec<Applied>) {
    let lines = crate::document::LineIndex::new(source);
    let mut chosen: Vec<&Edit> = Vec::new();
    // Start → end of every chosen edit; they never overlap, so a new edit
    // need only be compared with its neighbours (fast with thousands of fixes).
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut applied = Vec::new();
    let mut candidates: Vec<(&Diagnostic, &Fix)> = diagnostics
        .iter()
        .filter_map(|d| applicable(source, d).map(|f| (d, f)))
        .collect();
    candidates.sort_by_key(|(_, f)| f.edits.iter().map(|e| e.span.start).min());
    for (d, fix) in candidates {
        if fix.edits.iter().any(|e| is_taken(&taken, &e.span)) {
            continue; // Next pass, re-computed on the new text.
        }
        for e in &fix.edits {
            taken.insert(e.span.start, e.span.end);
        }
        chosen.extend(fix.edits.iter());
        let start = fix.edits.iter().map(|e| e.span.start).min().unwrap_or(0);
        let end = fix.edits.iter().map(|e| e.span.end).max().unwrap_or(0);
        applied.push(Applied {
            rule: d.rule,
            description: fix.description.clone(),
            span: start..end,
            line: lines.line_of(start) + 1,
        });
    }
    chosen.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for edit in chosen {
        out.push_str(&source[at..edit.span.start]);
        out.push_str(&edit.replacement);
        at = edit.span.end;
    }
    out.push_str(&source[at..]);
    (out, applied)
}

/// The diagnostic's fix, if it can be applied to `source`: every edit inside
/// the text and on character boundaries, no two edits overlapping, and at
/// least one edit that changes something.
fn applicable<'d>(source: &str, d: &'d Diagnostic) -> Option<&'d Fix> {
    let fix = d.fix.as_ref()?;
    let valid = |e: &Edit| {
        e.span.start <= e.span.end
            && e.span.end <= source.len()
            && source.is_char_boundary(e.span.start)
            && source.is_char_boundary(e.span.end)
    };
    if fix.edits.is_empty() || !fix.edits.iter().all(valid) {
        return None;
    }
    for (i, a) in fix.edits.iter().enumerate() {
        if fix.edits[i + 1..]
            .iter()
            .any(|b| conflicts(&a.span, &b.span))
        {
            return None;
        }
    }
    let changes = fix
        .edits
        .iter()
        .any(|e| source[e.span.clone()] != *e.replacement);
    changes.then_some(fix)
}

/// True when `span` conflicts with an edit in `taken` (start → end).
fn is_taken(taken: &BTreeMap<usize, usize>, span: &Span) -> bool {
    let before = taken.range(..=span.start).next_back();
    let after = taken.range(span.start..).next();
    [before, after]
        .into_iter()
        .flatten()
        .any(|(&start, &end)| conflicts(&(start..end), span))
}

/// Two edits conflict when their ranges intersect, or both insert (or
/// start) at the same place, where the order of the two would be a guess.
fn conflicts(a: &Span, b: &Span) -> bool {
    (a.start < b.end && b.start < a.end) || a.start == b.start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn diag(span: Span, replacement: &str) -> Diagnostic {
        Diagnostic::new("test", Severity::Error, span.clone(), "m").with_fix(Fix::replace(
            span,
            replacement.to_string(),
            "replace",
        ))
    }

    #[test]
    fn non_overlapping_fixes_apply_together() {
        let (out, applied) = apply_pass("aaa bbb ccc", &[diag(8..11, "C"), diag(0..3, "A")]);
        assert_eq!(out, "A bbb C");
        assert_eq!(applied.len(), 2);
    }

    #[test]
    fn overlapping_fix_waits_for_the_next_pass() {
        let (out, applied) = apply_pass("aaa bbb", &[diag(0..5, "X"), diag(4..7, "Y")]);
        assert_eq!(out, "Xbb");
        assert_eq!(applied.len(), 1);
    }

    #[test]
    fn invalid_and_no_op_edits_are_skipped() {
        let text = "é ok";
        let (out, applied) =
            apply_pass(text, &[diag(1..2, "x"), diag(3..99, "x"), diag(3..5, "ok")]);
        assert_eq!(out, text);
        assert!(applied.is_empty());
    }

    #[test]
    fn crlf_outside_the_edit_is_kept() {
        let (out, _) = apply_pass("a\r\nkey\r\nb\r\n", &[diag(3..6, "REDACTED")]);
        assert_eq!(out, "a\r\nREDACTED\r\nb\r\n");
    }
}
