//! `--format github`: GitHub Actions workflow commands, one line per finding:
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`.
//! GitHub shows them as annotations on the pull request's changed lines.

use std::io::{self, Write};

use crate::diagnostic::Severity;
use crate::engine::{FileResult, Summary};
use crate::render::Renderer;

/// Prints each finding as it comes; nothing at the end.
#[derive(Debug, Default)]
pub struct Github;

/// Escapes a command's message: `%`, CR and LF.
pub(crate) fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes a property value: as a message, plus `:` and `,`, which delimit properties.
pub(crate) fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Renderer for Github {
    fn file(&self, out: &mut Vec<u8>, file: &FileResult, _index: usize) -> io::Result<()> {
        for f in &file.findings {
            let d = &f.diagnostic;
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let message = match &d.help {
                Some(help) => format!("{}\nhelp: {help}", d.message),
                None => d.message.to_string(),
            };
            writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&file.path),
                f.start.line,
                f.start.column,
                f.end.line,
                f.end.column,
                escape_property(d.rule),
                escape_data(&message),
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_actions_toolkit_does() {
        assert_eq!(escape_data("50% of\r\nusers"), "50%25 of%0D%0Ausers");
        assert_eq!(escape_property("a,b:c%d\n"), "a%2Cb%3Ac%25d%0A");
    }
}
