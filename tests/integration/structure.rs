//! Structure rules: fixtures that fire and fixtures that stay quiet.

use crate::common::*;

#[test]
fn clean_example_has_no_findings() {
    let diags = check_str("incident-2025-10-14-1.md", CLEAN_REPORT);
    assert!(diags.is_empty(), "{diags:#?}");
}
