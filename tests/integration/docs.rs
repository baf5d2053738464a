//! The README keeps up with the code.

#[test]
fn readme_lists_every_rule() {
    let readme = include_str!("../../README.md");
    for rule in incident::rules::RULES {
        assert!(
            readme.contains(&format!("| `{}` |", rule.id)),
            "README's rule table lacks {}",
            rule.id
        );
    }
}
