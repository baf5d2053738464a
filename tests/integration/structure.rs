//! Structure rules: fixtures that fire (at exact lines) and fixtures that stay quiet.

use crate::common::*;

#[test]
fn clean_example_has_no_findings() {
    let diags = check_str("incident-2025-10-14-1.md", CLEAN_REPORT);
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn title_format() {
    assert_fires("title-format", "fire-colons.md", &[1]);
    assert_fires("title-format", "fire-zone.md", &[1]);
    assert_fires("title-format", "fire-impossible-date.md", &[1]);
    assert_fires("title-format", "fire-no-title.md", &[1]);
    assert_fires("title-format", "fire-plain-title.md", &[1]);
    assert_fires("title-format", "fire-level-two.md", &[1]);
    assert_quiet_fixtures("title-format");
}

#[test]
fn title_format_fixes_colons_but_not_zones() {
    let (_, colons) = check_fixture("title-format", "fire-colons.md");
    let fix = colons
        .iter()
        .find(|d| d.rule == "title-format")
        .and_then(|d| d.fix.as_ref())
        .expect("a fix");
    assert_eq!(fix.edits[0].replacement, "Incident: 2026-03-03 16-20-00");
    let (_, zone) = check_fixture("title-format", "fire-zone.md");
    assert!(
        zone.iter()
            .filter(|d| d.rule == "title-format")
            .all(|d| d.fix.is_none())
    );
}

#[test]
fn missing_section() {
    assert_fires(
        "missing-section",
        "fire-no-impact-no-prevention.md",
        &[13, 34],
    );
    assert_quiet_fixtures("missing-section");
}

#[test]
fn missing_section_names_the_section_and_where_it_goes() {
    let (_, diags) = check_fixture("missing-section", "fire-no-impact-no-prevention.md");
    let d = diags
        .iter()
        .find(|d| d.rule == "missing-section")
        .expect("fires");
    assert!(d.message.contains("`Impact`"), "{}", d.message);
    assert_eq!(
        d.help.as_deref(),
        Some("add a `## Impact` section before `## Timeline`")
    );
}

#[test]
fn empty_section() {
    assert_fires("empty-section", "fire-empty-detection.md", &[9]);
    assert_fires("empty-section", "fire-empty-last.md", &[43]);
    assert_quiet_fixtures("empty-section");
}

#[test]
fn section_order() {
    assert_fires("section-order", "fire-root-cause-early.md", &[9]);
    assert_quiet_fixtures("section-order");
}

#[test]
fn heading_level() {
    assert_fires("heading-level", "fire-levels.md", &[31, 39]);
    assert_fires("heading-level", "fire-plain-line.md", &[9]);
    assert_quiet_fixtures("heading-level");
}

#[test]
fn heading_level_fixes_rewrite_the_marks() {
    let (text, diags) = check_fixture("heading-level", "fire-levels.md");
    let fixes: Vec<_> = diags
        .iter()
        .filter(|d| d.rule == "heading-level")
        .map(|d| {
            let edit = &d.fix.as_ref().expect("fixable").edits[0];
            (&text[edit.span.clone()], &*edit.replacement)
        })
        .collect();
    assert_eq!(fixes, [("#", "##"), ("###", "##")]);
    let (text, diags) = check_fixture("heading-level", "fire-plain-line.md");
    let edit = &diags
        .iter()
        .find(|d| d.rule == "heading-level")
        .unwrap()
        .fix
        .as_ref()
        .unwrap()
        .edits[0];
    assert_eq!(
        (&text[edit.span.clone()], &*edit.replacement),
        ("Detection:", "## Detection")
    );
}

#[test]
fn duplicate_section() {
    assert_fires("duplicate-section", "fire-impact-twice.md", &[18]);
    let (_, diags) = check_fixture("duplicate-section", "fire-impact-twice.md");
    let d = diags
        .iter()
        .find(|d| d.rule == "duplicate-section")
        .unwrap();
    assert_eq!(d.labels.len(), 1, "labels the first occurrence");
    assert_quiet_fixtures("duplicate-section");
}

#[test]
fn template_placeholder() {
    assert_fires("template-placeholder", "fire-callout.md", &[11]);
    assert_fires("template-placeholder", "fire-braces.md", &[37]);
    assert_fires(
        "template-placeholder",
        "fire-example-and-todo.md",
        &[29, 41],
    );
    assert_fires("template-placeholder", "fire-title.md", &[1]);
    assert_quiet_fixtures("template-placeholder");
}

#[test]
fn template_placeholder_reports_the_first_one_outside_code_in_a_paragraph() {
    // Braces and stand-ins interleaved, the earliest of each in code.
    let text = "# Incident: 2025-10-14 08-41-00\n\n## Summary\n\n\
                The `{id}` and `TODO` stay; then TBD, {NUMBER} and TODO again.\n";
    let found: Vec<&str> = check_str("incident-2025-10-14-1.md", text)
        .iter()
        .filter(|d| d.rule == "template-placeholder")
        .map(|d| &text[d.span.clone()])
        .collect();
    assert_eq!(found, ["TBD"]);
    let text = text.replace("TBD", "tbd");
    let found: Vec<String> = check_str("incident-2025-10-14-1.md", &text)
        .iter()
        .filter(|d| d.rule == "template-placeholder")
        .map(|d| text[d.span.clone()].to_string())
        .collect();
    assert_eq!(found, ["{NUMBER}"]);
}

#[test]
fn template_placeholder_does_not_cascade_into_title_format() {
    let (_, diags) = check_fixture("template-placeholder", "fire-title.md");
    assert!(diags.iter().all(|d| d.rule != "title-format"), "{diags:#?}");
}

#[test]
fn fenced_section() {
    assert_fires("fenced-section", "fire-md-fence.md", &[37, 43]);
    assert_quiet_fixtures("fenced-section");
}

#[test]
fn fenced_section_fix_removes_only_the_fence_lines() {
    let (text, diags) = check_fixture("fenced-section", "fire-md-fence.md");
    let d = diags.iter().find(|d| d.rule == "fenced-section").unwrap();
    let removed: Vec<&str> = d
        .fix
        .as_ref()
        .unwrap()
        .edits
        .iter()
        .map(|e| &text[e.span.clone()])
        .collect();
    assert_eq!(removed, ["```md\n", "```\n"]);
}

#[test]
fn filename_convention() {
    let report = CLEAN_REPORT; // titled 2025-10-14
    let fires = |name: &str| lines_of("filename-convention", report, &check_str(name, report));
    assert_eq!(fires("incident-2025-10-14-1.md"), Vec::<usize>::new());
    assert_eq!(
        fires("reports/incident-2025-10-14-2.md"),
        Vec::<usize>::new()
    );
    assert_eq!(
        fires("-"),
        Vec::<usize>::new(),
        "stdin has no name to check"
    );
    assert_eq!(
        fires("incident-2025-10-15-1.md"),
        [1],
        "date differs from the title"
    );
    assert_eq!(fires("incident-2025-10-14.md"), [1], "no number");
    assert_eq!(fires("outage.md"), [1]);
    let diags = check_str("incident-2025-10-14.md", report);
    let help = diags
        .iter()
        .find(|d| d.rule == "filename-convention")
        .and_then(|d| d.help.clone());
    assert_eq!(
        help.as_deref(),
        Some("rename the file to `incident-2025-10-14-1.md` (the next free number for that day)")
    );
}

#[test]
fn not_a_report() {
    assert_fires("not-a-report", "fire-readme.md", &[1]);
    assert_fires("not-a-report", "fire-empty.md", &[1]);
    assert_quiet_fixtures("not-a-report");
}

#[test]
fn not_a_report_replaces_the_cascade() {
    let (_, diags) = check_fixture("not-a-report", "fire-readme.md");
    let rules: Vec<_> = diags.iter().map(|d| d.rule).collect();
    assert_eq!(rules, ["not-a-report"]);
}

#[test]
fn sections_in_fences_and_plain_lines_are_read() {
    // Every other rule reads the fenced text as the section's content.
    let (_, diags) = check_fixture("empty-section", "quiet-fenced-prose.md");
    assert!(
        diags
            .iter()
            .all(|d| d.rule != "empty-section" && d.rule != "missing-section")
    );
    let (_, diags) = check_fixture("missing-section", "quiet-plain-line-sections.md");
    let structure = |r: &&str| {
        incident::rules::find(r).is_some_and(|r| r.family == incident::rules::Family::Structure)
    };
    let rules: Vec<_> = diags
        .iter()
        .map(|d| d.rule)
        .filter(structure)
        .filter(|r| *r != "filename-convention")
        .collect();
    assert_eq!(rules, ["heading-level", "heading-level"], "{diags:#?}");
}
