//! `incident completions SHELL` and the hidden `incident manpage`: both
//! generated from the same clap definitions as `--help`, so they never drift.

use std::io::{self, Write};

use clap::CommandFactory;

use crate::cli::{Cli, Code, CompletionsArgs, Failure};

/// Prints the completion script for a shell.
pub fn run(args: &CompletionsArgs) -> Result<Code, Failure> {
    let mut command = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut command, "incident", &mut buf);
    let mut out = io::stdout().lock();
    out.write_all(&buf)?;
    out.flush()?;
    Ok(Code::Clean)
}

/// Prints the man page, `incident(1)`, in roff, with a section for each
/// subcommand (`incident manpage > incident.1`).
pub fn manpage() -> Result<Code, Failure> {
    let command = Cli::command();
    let mut buf = Vec::new();
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    man.render_synopsis_section(&mut buf)?;
    man.render_description_section(&mut buf)?;
    man.render_options_section(&mut buf)?;
    for sub in command
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        let name = sub.get_name();
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        writeln!(buf, ".SH \"INCIDENT {}\"", name.to_uppercase())?;
        writeln!(buf, "{}", roff_text(&about))?;
        let sub_man = clap_mangen::Man::new(sub.clone().bin_name(format!("incident {name}")));
        let mut section = Vec::new();
        sub_man.render_synopsis_section(&mut section)?;
        sub_man.render_options_section(&mut section)?;
        // Nest the subcommand's sections under its own heading.
        let section = String::from_utf8_lossy(&section).replace(".SH ", ".SS ");
        buf.extend_from_slice(section.as_bytes());
    }
    writeln!(buf, ".SH \"EXIT STATUS\"")?;
    writeln!(
        buf,
        "0: no error\\-level finding (warnings pass unless \\-\\-strict).\n.br\n1: at least one error\\-level finding.\n.br\n2: usage error, bad configuration, or a file that could not be read."
    )?;
    man.render_version_section(&mut buf)?;
    let mut out = io::stdout().lock();
    out.write_all(&buf)?;
    out.flush()?;
    Ok(Code::Clean)
}

/// Text safe to put on a roff line: no leading `.` or `'`, backslashes and dashes escaped.
fn roff_text(text: &str) -> String {
    let text = text.replace('\\', "\\e").replace('-', "\\-");
    if text.starts_with('.') || text.starts_with('\'') {
        format!("\\&{text}")
    } else {
        text
    }
}
