use crate::diagnostic::{Diagnostic, Fix};
use crate::model::Report;
use crate::model::secrets::{self, REDACTED};

declare_rule! {
    /// ## What it does
    /// Finds credentials written into the report, anywhere in the file —
    /// prose, code blocks, pasted logs and error pages, HTML comments:
    ///
    /// - API keys and tokens in URLs (`?apiKey=…`, `&token=…`, `&fixCode=…`,
    ///   `key=`, `secret=`, `password=`, a password in `scheme://user:pass@host`,
    ///   the key in a JWT Pizza factory `…/api/support/KEY/report/…` URL);
    /// - JSON Web Tokens, GitHub, Slack, Stripe, Google and npm tokens, Slack
    ///   webhook URLs, AWS access key ids and secret keys;
    /// - private key blocks (`-----BEGIN … PRIVATE KEY-----`);
    /// - passwords on command lines (`mysql -pPASSWORD`, `--password X`,
    ///   `sshpass -p X`) and bearer or basic `Authorization` headers;
    /// - long random values after a credential-like name
    ///   (`DB_PASSWORD=…`, `"secretKey": "…"`).
    ///
    /// Placeholders are not secrets: `apiKey=yourKeyHere`, `YOUR_API_KEY`,
    /// `xxx`, `<redacted>`, `${TOKEN}`, `[API_KEY]`, `REDACTED`.
    ///
    /// The message names the kind of credential, never its value; excerpts
    /// in the output show the value as `****`. The fix replaces the value
    /// with `REDACTED` and keeps the rest of the line.
    ///
    /// ## Why is this bad?
    /// A report in a repository is read by many people and copied into many
    /// places; a key in it is a key given to all of them. Redacting it in a
    /// later commit does not take it back: revoke it, too.
    ///
    /// ## Example
    /// ```markdown
    /// The fix was confirmed by calling
    /// `https://factory.example/api/report?apiKey=5d0c1e9a7b3f4e28a61c…`.
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// The fix was confirmed by calling
    /// `https://factory.example/api/report?apiKey=REDACTED`.
    /// ```
    pub(crate) static SECRET_LEAK = {
        id: "secret-leak",
        family: Content,
        severity: Error,
        fix: Always,
        summary: "No credentials: API keys, tokens, passwords, private keys, cloud access keys",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    for secret in secrets::find(&report.doc.source) {
        let what = secret.describe();
        out.push(
            SECRET_LEAK
                .diagnostic(secret.span.clone(), format!("the report leaks {what}"))
                .with_help(format!(
                    "replace the value with `{REDACTED}` (`incident fix` does) and revoke the credential"
                ))
                .with_fix(Fix::replace(
                    secret.span,
                    REDACTED,
                    format!("redact {what}"),
                )),
        );
    }
}
