//! Converts the built-in templates (`templates/*.yml`) to JSON at build
//! time. Start-up then reads them with serde_json, a fraction of the cost
//! of parsing YAML, which was half of what `incident check` did on an
//! empty file. The YAML stays the source of truth (and is embedded too:
//! `templates show` prints it); a test checks both readings agree.

use std::path::PathBuf;

/// The built-in templates, in `templates list` order (as in `src/templates.rs`).
const BUILTINS: &[&str] = &["jwt-pizza", "google-sre"];

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in BUILTINS {
        let path = format!("templates/{name}.yml");
        println!("cargo::rerun-if-changed={path}");
        let yaml = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let value: serde_json::Value =
            serde_yaml_ng::from_str(&yaml).unwrap_or_else(|e| panic!("{path}: {e}"));
        let json = serde_json::to_string(&value).expect("JSON from a YAML value");
        std::fs::write(out.join(format!("{name}.json")), json).expect("write to OUT_DIR");
    }
}
