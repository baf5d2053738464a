use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// Checks that the template's sections appear in the template's order.
    /// When sections are out of order, it names the fewest sections that
    /// would have to move.
    ///
    /// ## Why is this bad?
    /// Readers (and graders) expect the story in a fixed order: what
    /// happened, how it was noticed, how bad it was, when, and why. A report
    /// in another order is harder to compare with the others.
    ///
    /// ## Example
    /// ```markdown
    /// ## Summary
    /// ## Root cause
    /// ## Detection
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Summary
    /// ## Detection
    /// ## Root cause
    /// ```
    pub(crate) static SECTION_ORDER = {
        id: "section-order",
        family: Structure,
        severity: Warning,
        fix: Never,
        summary: "Sections follow the template's order",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    // Most reports keep the order. When no schema section comes after one
    // later in the template, the first occurrences are in order: nothing
    // to find, and nothing to allocate.
    let mut specs = report.sections.iter().filter_map(|s| s.spec);
    let mut last = 0;
    if specs.all(|i| std::mem::replace(&mut last, i) <= i) {
        return;
    }
    // First occurrence of each schema section, in document order.
    let mut seen = Vec::new();
    let known: Vec<_> = report
        .sections
        .iter()
        .filter(|s| {
            s.spec.is_some_and(|i| {
                if seen.contains(&i) {
                    false
                } else {
                    seen.push(i);
                    true
                }
            })
        })
        .collect();
    let order: Vec<usize> = known.iter().filter_map(|s| s.spec).collect();
    let keep = longest_increasing(&order);
    for (pos, section) in known.iter().enumerate() {
        if keep.contains(&pos) {
            continue;
        }
        let index = order[pos];
        let name = &report.template.sections[index].name;
        // The kept section it should come after.
        let after = keep
            .iter()
            .rev()
            .map(|&k| known[k])
            .find(|s| s.spec.is_some_and(|i| i < index));
        let help = match after {
            Some(after) => format!("move `{name}` after `{}`", after.heading_text),
            None => format!("move `{name}` to the start of the report"),
        };
        let mut d = SECTION_ORDER
            .diagnostic(
                section.heading_span.clone(),
                format!("`{}` is out of the template's order", section.heading_text),
            )
            .with_help(help);
        if let Some(before) = keep
            .iter()
            .map(|&k| known[k])
            .find(|s| s.spec.is_some_and(|i| i > index))
        {
            if before.heading_span.start < section.heading_span.start {
                d = d.with_label(
                    before.heading_span.clone(),
                    format!("the template puts `{name}` before this"),
                );
            }
        }
        out.push(d);
    }
}

/// Positions of one longest strictly increasing subsequence of `values`.
fn longest_increasing(values: &[usize]) -> Vec<usize> {
    let n = values.len();
    let mut len = vec![1usize; n];
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        for j in 0..i {
            if values[j] < values[i] && len[j] + 1 > len[i] {
                len[i] = len[j] + 1;
                prev[i] = j;
            }
        }
    }
    let Some(mut at) = (0..n).max_by_key(|&i| (len[i], std::cmp::Reverse(i))) else {
        return Vec::new();
    };
    let mut keep = vec![at];
    while prev[at] != usize::MAX {
        at = prev[at];
        keep.push(at);
    }
    keep.reverse();
    keep
}

#[cfg(test)]
mod tests {
    #[test]
    fn longest_increasing_keeps_the_most() {
        assert_eq!(super::longest_increasing(&[0, 8, 1, 2, 3]), [0, 2, 3, 4]);
        assert_eq!(super::longest_increasing(&[0, 1, 2]), [0, 1, 2]);
        assert!(super::longest_increasing(&[]).is_empty());
    }
}
