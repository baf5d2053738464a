//! `--format junit`: JUnit XML, one test case per file. A file with errors
//! (or, with `--strict`, warnings) is a failed test case whose text lists
//! every such finding, one per line (`LINE:COL rule: message`); a file that
//! cannot be read is an errored test case. Other findings go to the test
//! case's `system-out`.

use std::io::{self, Write};

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use crate::diagnostic::Severity;
use crate::engine::{FileResult, Finding, Summary};
use crate::render::{Gathered, Renderer};

/// Gathers a test case per file; writes the XML at the end.
#[derive(Debug)]
pub struct Junit {
    cases: Gathered<TestCase>,
    strict: bool,
}

impl Junit {
    pub fn new(strict: bool) -> Junit {
        Junit {
            cases: Gathered::default(),
            strict,
        }
    }

    fn fails(&self, severity: Severity) -> bool {
        severity == Severity::Error || (self.strict && severity == Severity::Warning)
    }
}

fn line(f: &Finding) -> String {
    let d = &f.diagnostic;
    let mut line = format!(
        "{}:{} {} [{}]: {}",
        f.start.line, f.start.column, d.severity, d.rule, d.message
    );
    if let Some(help) = &d.help {
        line.push_str(" (help: ");
        line.push_str(help);
        line.push(')');
    }
    line
}

impl Renderer for Junit {
    fn file(&self, _out: &mut Vec<u8>, file: &FileResult, index: usize) -> io::Result<()> {
        let (failing, other): (Vec<&Finding>, Vec<&Finding>) = file
            .findings
            .iter()
            .partition(|f| self.fails(f.diagnostic.severity));
        let status = if failing.is_empty() {
            TestCaseStatus::success()
        } else {
            let kind = if file.is_io_error() {
                NonSuccessKind::Error
            } else {
                NonSuccessKind::Failure
            };
            let mut status = TestCaseStatus::non_success(kind);
            let plural = if failing.len() == 1 { "" } else { "s" };
            status
                .set_message(format!("{} finding{plural}", failing.len()))
                .set_type(failing[0].diagnostic.rule)
                .set_description(
                    failing
                        .iter()
                        .map(|f| line(f))
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
            status
        };
        let mut case = TestCase::new(file.path.as_str(), status);
        case.set_classname("incident");
        if !other.is_empty() {
            case.set_system_out(other.iter().map(|f| line(f)).collect::<Vec<_>>().join("\n"));
        }
        self.cases.extend(index, [case]);
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        let mut report = Report::new("incident");
        let mut suite = TestSuite::new("incident check");
        suite.add_test_cases(self.cases.take());
        report.add_test_suite(suite);
        // Serialized in memory first: quick-junit reports a failed write
        // as its own error, which would hide a closed pipe (`| head`, not
        // an error) behind "cannot write output".
        let mut xml = Vec::new();
        report
            .serialize(&mut xml)
            .map_err(|e| io::Error::other(e.to_string()))?;
        xml.push(b'\n');
        out.write_all(&xml)
    }
}
