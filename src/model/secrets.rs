//! Credentials written into a report: where each one is and what kind it is.
//!
//! [`find`] scans the whole source — prose, code blocks, log excerpts, HTML
//! comments — because a secret pasted into a log excerpt leaks just the same.
//! Each [`Secret`] carries the byte span of the *value* only (the part to
//! redact), so a fix can keep the rest of the line.
//!
//! Two kinds of evidence are used: tokens whose format identifies them (JWTs,
//! GitHub, Slack, AWS, private key blocks …), and values that follow a
//! credential-like name (`apiKey=`, `--password`, `Bearer`, `DB_PASSWORD:`)
//! and look random. Placeholders (`yourKeyHere`, `YOUR_API_KEY`, `xxx`,
//! `<redacted>`, `${TOKEN}`) are never secrets.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::model::pattern::{Twin, is_ascii_space, word_boundary};

use crate::document::Span;

/// What a redacted value is replaced with. It is itself a placeholder, so a
/// redacted report has no finding left (fixing twice changes nothing).
pub const REDACTED: &str = "REDACTED";

/// A credential found in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Secret {
    pub kind: SecretKind,
    /// Byte range of the value only (what a fix replaces).
    pub span: Span,
    /// The name the value was given (`apiKey`, `DB_PASSWORD`), if any. Never the value.
    pub name: Option<String>,
}

/// The kinds of credentials recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SecretKind {
    PrivateKey,
    Jwt,
    GitHubToken,
    SlackToken,
    SlackWebhook,
    AwsAccessKeyId,
    AwsSecretKey,
    StripeKey,
    GoogleApiKey,
    NpmToken,
    /// `?apiKey=…`, `&token=…`, `&fixCode=…`
    UrlParameter,
    /// `scheme://user:PASSWORD@host`
    UrlPassword,
    /// `/api/support/KEY/report/…` (the JWT Pizza factory's report URL)
    UrlPathKey,
    /// `-pPASSWORD`, `--password X`
    CommandLinePassword,
    BearerToken,
    BasicAuth,
    /// A long random value after a credential-like name (`DB_PASSWORD=`, `"secretKey":`).
    NamedValue,
}

impl Secret {
    /// The kind in words, for messages: "a GitHub token", "a credential in
    /// the URL parameter `apiKey`". Never contains the value.
    pub fn describe(&self) -> String {
        let name = self.name.as_deref().unwrap_or("");
        match self.kind {
            SecretKind::PrivateKey => "a private key".into(),
            SecretKind::Jwt => "a JSON Web Token (JWT)".into(),
            SecretKind::GitHubToken => "a GitHub token".into(),
            SecretKind::SlackToken => "a Slack token".into(),
            SecretKind::SlackWebhook => "a Slack webhook URL".into(),
            SecretKind::AwsAccessKeyId => "an AWS access key id".into(),
            SecretKind::AwsSecretKey => "an AWS secret access key".into(),
            SecretKind::StripeKey => "a Stripe API key".into(),
            SecretKind::GoogleApiKey => "a Google API key".into(),
            SecretKind::NpmToken => "an npm token".into(),
            SecretKind::UrlParameter => format!("a credential in the URL parameter `{name}`"),
            SecretKind::UrlPassword => "a password in a URL".into(),
            SecretKind::UrlPathKey => "an API key in a URL path".into(),
            SecretKind::CommandLinePassword => "a password on a command line".into(),
            SecretKind::BearerToken => "a bearer token".into(),
            SecretKind::BasicAuth => "HTTP basic-auth credentials".into(),
            SecretKind::NamedValue => format!("a secret value for `{name}`"),
        }
    }
}

/// Every credential in `source`, in order of position, without overlaps.
pub fn find(source: &str) -> Vec<Secret> {
    let Scan {
        gates,
        parameters,
        named,
    } = Scan::of(source);
    let mut found = Found::default();
    if gates.has(Gate::PrivateKey) {
        private_keys(source, &mut found);
    }
    if gates.has(Gate::Jwt) {
        for jwt in jwts(source, &found) {
            if !is_placeholder(&source[jwt.clone()]) {
                found.push(SecretKind::Jwt, jwt, None);
            }
        }
    }
    for (re, kind, gate) in TOKENS.iter() {
        if !gates.has(*gate) {
            continue;
        }
        for m in re.find_iter(source) {
            if !is_placeholder(m.as_str()) {
                found.push(kind.to_owned(), m.range(), None);
            }
        }
    }
    if gates.has(Gate::SlackWebhook) {
        slack_webhooks(source, &mut found);
    }
    if gates.has(Gate::UrlPassword) {
        url_passwords(source, &mut found);
    }
    if gates.has(Gate::UrlParameter) {
        url_parameters(source, &parameters, &mut found);
    }
    if gates.has(Gate::UrlPathKey) {
        url_path_keys(source, &mut found);
    }
    auth_headers(source, gates, &mut found);
    command_lines(source, gates, &mut found);
    if gates.has(Gate::Named) {
        named_values(source, &named, &mut found);
    }
    found
        .0
        .into_values()
        .filter_map(|secret| before_key_marker(source, secret))
        .collect()
}

/// A value that runs into a `-----BEGIN …`/`-----END …` line of a private
/// key (`?key=abc-----END PRIVATE KEY-----`) stops before its five dashes,
/// so that redacting the value leaves the key's markers whole: cutting the
/// END line off would turn the key into a different secret. (No credential
/// format has five dashes in a row.)
fn before_key_marker(source: &str, mut secret: Secret) -> Option<Secret> {
    if secret.kind != SecretKind::PrivateKey {
        if let Some(at) = memchr::memmem::find(source[secret.span.clone()].as_bytes(), b"-----") {
            secret.span.end = secret.span.start + at;
        }
    }
    (!secret.span.is_empty()).then_some(secret)
}

/// A group of patterns below, by what every match of them contains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gate {
    Jwt,
    GitHub,
    SlackToken,
    Aws,
    Stripe,
    Google,
    Npm,
    PrivateKey,
    SlackWebhook,
    UrlPassword,
    UrlParameter,
    UrlPathKey,
    Bearer,
    Basic,
    LongPassword,
    Sshpass,
    Mysql,
    Named,
}

/// The patterns that can match a source. A pattern that cannot is neither
/// run nor compiled: a report without credentials compiles no pattern.
///
/// Most patterns need a literal of [`LITERALS`]. The others need a `:` or
/// `=` with a credential-like name before it (named values, URL parameters)
/// or `://user:password@` after it (URL passwords).
#[derive(Debug, Clone, Copy, Default)]
struct Gates(u32);

/// A literal (case-sensitive) that every match of a pattern contains, with
/// the pattern it opens the gate of. Each is a part of the pattern that
/// rarely starts a run of text by chance (`riadb`, not `maria`, which
/// `summarize` has), so the search seldom stops to check a false start.
const LITERALS: &[(&str, Gate)] = &[
    (".eyJ", Gate::Jwt),
    ("ghp_", Gate::GitHub),
    ("gho_", Gate::GitHub),
    ("ghu_", Gate::GitHub),
    ("ghs_", Gate::GitHub),
    ("ghr_", Gate::GitHub),
    ("ub_pat_", Gate::GitHub),
    ("xoxa-", Gate::SlackToken),
    ("xoxb-", Gate::SlackToken),
    ("xoxp-", Gate::SlackToken),
    ("xoxo-", Gate::SlackToken),
    ("xoxs-", Gate::SlackToken),
    ("xoxr-", Gate::SlackToken),
    ("xoxe-", Gate::SlackToken),
    ("AKIA", Gate::Aws),
    ("ASIA", Gate::Aws),
    ("AGPA", Gate::Aws),
    ("AIDA", Gate::Aws),
    ("AROA", Gate::Aws),
    ("ANPA", Gate::Aws),
    ("ANVA", Gate::Aws),
    ("AIPA", Gate::Aws),
    ("sk_live_", Gate::Stripe),
    ("sk_test_", Gate::Stripe),
    ("rk_live_", Gate::Stripe),
    ("rk_test_", Gate::Stripe),
    ("AIza", Gate::Google),
    ("npm_", Gate::Npm),
    ("-BEGIN ", Gate::PrivateKey),
    (".slack.com/services/T", Gate::SlackWebhook),
    ("/support/", Gate::UrlPathKey),
    ("earer", Gate::Bearer),
    ("Basic", Gate::Basic),
    ("--password", Gate::LongPassword),
    ("sshpass", Gate::Sshpass),
    ("mysql", Gate::Mysql),
    ("riadb", Gate::Mysql),
];

/// Finds the literals of [`LITERALS`], leftmost first.
static LITERAL_FINDER: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    // Leftmost-first, which lets the search skip ahead with a SIMD
    // prefilter; a contiguous NFA, cheaper to build than a DFA.
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(LITERALS.iter().map(|(literal, _)| literal))
        .expect("valid literals")
});

/// The names (ASCII, any case) that end a URL parameter of [`URL_PARAMETER`],
/// right before its `=`.
const PARAMETER_NAME_ENDS: &[&str] = &[
    "key",
    "token",
    "secret",
    "password",
    "passwd",
    "pwd",
    "code",
    "sig",
    "signature",
];

/// The names (ASCII, any case) that end the name of a [`NAMED`] value,
/// before an optional quote, white space and its `:` or `=`.
const NAME_ENDS: &[&str] = &[
    "key",
    "secret",
    "token",
    "password",
    "passwd",
    "pwd",
    "credential",
    "credentials",
];

/// What one pass over a source finds: which patterns can match it, and
/// the separators where a URL parameter or a named value can be.
#[derive(Debug, Default)]
struct Scan {
    gates: Gates,
    /// The `=`s after a name that may be a URL parameter's
    /// ([`PARAMETER_NAME_ENDS`]), in order.
    parameters: Vec<usize>,
    /// The `:`s and `=`s after a name that may be a named value's
    /// ([`names_a_value`]), in order.
    named: Vec<usize>,
}

impl Scan {
    fn of(source: &str) -> Scan {
        let bytes = source.as_bytes();
        let mut scan = Scan::default();
        let gates = &mut scan.gates;
        // Resuming right after each match's start finds every occurrence,
        // overlapping ones too (no literal is a prefix of another).
        let mut input = aho_corasick::Input::new(source);
        while let Some(m) = LITERAL_FINDER.find(input.clone()) {
            gates.open(LITERALS[m.pattern().as_usize()].1);
            input.set_start(m.start() + 1);
        }
        for at in memchr::memchr2_iter(b':', b'=', bytes) {
            let (before, after) = bytes.split_at(at);
            if !gates.has(Gate::UrlPassword)
                && after[1..].starts_with(b"//")
                && has_url_password(&after[3..])
            {
                gates.open(Gate::UrlPassword);
            }
            if bytes[at] == b'='
                && ends_with_any(
                    before,
                    PARAMETER_NAME_ENDS,
                    const { last_letters(PARAMETER_NAME_ENDS) },
                )
            {
                gates.open(Gate::UrlParameter);
                scan.parameters.push(at);
            }
            if names_a_value(before) {
                gates.open(Gate::Named);
                scan.named.push(at);
            }
        }
        scan
    }
}

impl Gates {
    /// Which patterns can match `source`.
    #[cfg(test)]
    fn of(source: &str) -> Gates {
        Scan::of(source).gates
    }

    fn open(&mut self, gate: Gate) {
        self.0 |= 1 << gate as u32;
    }

    fn has(self, gate: Gate) -> bool {
        self.0 & (1 << gate as u32) != 0
    }
}

/// True when the text after a `://` starts with `user:password@`, as
/// [`URL_PASSWORD`] needs: up to the first byte that neither part may hold
/// there is a `:`, and that byte is the `@`.
fn has_url_password(after: &[u8]) -> bool {
    let end = after.iter().position(|b| {
        matches!(
            b,
            b'\t'
                | b'\n'
                | 0x0B
                | 0x0C
                | b'\r'
                | b' '
                | b'/'
                | b'@'
                | b'?'
                | b'#'
                | b'\''
                | b'`'
                | b'<'
                | b'>'
        )
    });
    end.is_some_and(|end| after[end] == b'@' && after[..end].contains(&b':'))
}

/// True when the text before a `:` or `=` ends with a credential-like name,
/// an optional quote and at most ten white-space characters, as [`NAMED`]
/// needs before its separator.
fn names_a_value(before: &[u8]) -> bool {
    let name_end = before.len()
        - before
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_whitespace() || **b == 0x0B)
            .count();
    if before.len() - name_end > 10 {
        return false;
    }
    let mut name = &before[..name_end];
    if let [rest @ .., b'"' | b'\''] = name {
        name = rest;
    }
    ends_with_any(name, NAME_ENDS, const { last_letters(NAME_ENDS) })
}

/// The last letters of `ends` (lower-case ASCII words), as bits from `a`.
const fn last_letters(ends: &[&str]) -> u32 {
    let mut mask = 0;
    let mut i = 0;
    while i < ends.len() {
        let end = ends[i].as_bytes();
        mask |= 1 << (end[end.len() - 1] - b'a');
        i += 1;
    }
    mask
}

/// True when `text` ends with one of `ends` (lower-case ASCII words),
/// ignoring ASCII case; `lasts` are their [`last_letters`].
fn ends_with_any(text: &[u8], ends: &[&str], lasts: u32) -> bool {
    // Most `:` and `=` follow a digit or a word that is no name (`10:05`,
    // `Summary:`): one look at the last letter rules them out.
    let Some(last) = text.last().map(u8::to_ascii_lowercase) else {
        return false;
    };
    if !last.is_ascii_lowercase() || lasts >> (last - b'a') & 1 == 0 {
        return false;
    }
    ends.iter().any(|end| {
        end.as_bytes().last() == Some(&last)
            && text.len() >= end.len()
            && text[text.len() - end.len()..].eq_ignore_ascii_case(end.as_bytes())
    })
}

/// Collected secrets by start offset; a later (less specific) finding that
/// overlaps an earlier one is dropped. The kept spans never overlap, so the
/// only one that can overlap a new span is the last one starting before its
/// end: each push is a logarithmic lookup, even with thousands of secrets.
#[derive(Default)]
struct Found(BTreeMap<usize, Secret>);

impl Found {
    /// True when a secret found so far covers the byte at `at`.
    fn covers(&self, at: usize) -> bool {
        self.0
            .range(..=at)
            .next_back()
            .is_some_and(|(_, s)| s.span.end > at)
    }

    /// True when a secret found so far overlaps `span` (not empty).
    fn overlaps(&self, span: &Span) -> bool {
        self.0
            .range(..span.end)
            .next_back()
            .is_some_and(|(_, s)| s.span.end > span.start)
    }

    /// Records a secret unless it overlaps one found before; true when it
    /// is recorded.
    fn push(&mut self, kind: SecretKind, span: Span, name: Option<&str>) -> bool {
        if span.is_empty() || self.overlaps(&span) {
            return false;
        }
        self.0.insert(
            span.start,
            Secret {
                kind,
                span,
                name: name.map(str::to_string),
            },
        );
        true
    }
}

/// Compiles a pattern. Word boundaries in the patterns are ASCII
/// (`(?-u:\b)`): a Unicode `\b` makes the fast DFA give up on any non-ASCII
/// text, which made scanning several times slower.
fn regex(pattern: &str) -> Twin {
    Twin::scanning(pattern)
}

/// Tokens whose format alone identifies them; the whole match is the value.
/// (JWTs are found by [`jwts`].)
static TOKENS: LazyLock<Vec<(Twin, SecretKind, Gate)>> = LazyLock::new(|| {
    vec![
        (
            regex(r"(?-u:\b)(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})(?-u:\b)"),
            SecretKind::GitHubToken,
            Gate::GitHub,
        ),
        (
            regex(r"(?-u:\b)xox[abposre]-[A-Za-z0-9-]{10,}"),
            SecretKind::SlackToken,
            Gate::SlackToken,
        ),
        (
            regex(r"(?-u:\b)(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?-u:\b)"),
            SecretKind::AwsAccessKeyId,
            Gate::Aws,
        ),
        (
            regex(r"(?-u:\b)(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}(?-u:\b)"),
            SecretKind::StripeKey,
            Gate::Stripe,
        ),
        (
            regex(r"(?-u:\b)AIza[0-9A-Za-z_-]{35}(?-u:\b)"),
            SecretKind::GoogleApiKey,
            Gate::Google,
        ),
        (
            regex(r"(?-u:\b)npm_[A-Za-z0-9]{36}(?-u:\b)"),
            SecretKind::NpmToken,
            Gate::Npm,
        ),
    ]
});

static KEY_BEGIN: LazyLock<Twin> =
    LazyLock::new(|| regex(r"-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY[A-Z ]{0,10}-----"));
static KEY_END: LazyLock<Twin> =
    LazyLock::new(|| regex(r"-----END [A-Z0-9 ]{0,40}PRIVATE KEY[A-Z ]{0,10}-----"));

/// `-----BEGIN … PRIVATE KEY-----` blocks: the body between the markers (or,
/// with no end marker, the base64 lines that follow) is the value.
fn private_keys(source: &str, found: &mut Found) {
    let ends = key_ends(source);
    let mut next_end = 0;
    for begin in KEY_BEGIN.find_iter(source) {
        let rest = &source[begin.end()..];
        // The first end marker after this begin marker (the markers come in
        // order, so the search goes on from the last one's).
        while ends.get(next_end).is_some_and(|&end| end < begin.end()) {
            next_end += 1;
        }
        let body_end = match ends.get(next_end) {
            Some(&end) => end,
            None => {
                // No end marker (a truncated paste): the body is the run of
                // base64 text that follows, up to a blank line.
                let mut end = begin.end();
                for (i, c) in rest.char_indices() {
                    let blank_line =
                        rest[i..].starts_with("\n\n") || rest[i..].starts_with("\n\r\n");
                    if blank_line
                        || !(c.is_ascii_alphanumeric()
                            || matches!(c, '+' | '/' | '=' | '\\')
                            || c.is_ascii_whitespace())
                    {
                        break;
                    }
                    end = begin.end() + i + c.len_utf8();
                }
                end
            }
        };
        let body = trim_key_body(source, begin.end()..body_end);
        // A body inside one found before (begin markers before one end
        // marker) would not be kept: it is not read either.
        if body.is_empty() || found.overlaps(&body) {
            continue;
        }
        let text = &source[body.clone()];
        let base64 = text
            .bytes()
            .filter(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/'))
            .nth(31)
            .is_some();
        if base64 && !is_placeholder(text) {
            found.push(SecretKind::PrivateKey, body, None);
        }
    }
}

/// Where the matches of [`KEY_END`] in `source` start, each as the first
/// match after any offset up to it finds: every match starts with
/// `-----END `, and the pattern is searched right there, in as many bytes as
/// its longest match has. (One search of the rest of the source for each
/// begin marker would cost the square of the source's length.)
fn key_ends(source: &str) -> Vec<usize> {
    // 5 + 4 + 40 + 11 + 10 + 5 bytes, all ASCII.
    const LONGEST: usize = 75;
    memchr::memmem::find_iter(source.as_bytes(), b"-----END ")
        .filter(|&at| {
            let mut end = (at + LONGEST).min(source.len());
            while !source.is_char_boundary(end) {
                end -= 1;
            }
            KEY_END
                .find(&source[at..end])
                .is_some_and(|m| m.start() == 0)
        })
        .collect()
}

/// Shrinks a key body over whitespace and literal `\n` escapes at both ends.
fn trim_key_body(source: &str, mut span: Span) -> Span {
    loop {
        let text = &source[span.clone()];
        if let Some(rest) = text
            .strip_prefix("\\n")
            .or_else(|| text.strip_prefix("\\r"))
        {
            span.start = span.end - rest.len();
        } else if text.starts_with(|c: char| c.is_whitespace() || c == '"' || c == '\'') {
            span.start += text.chars().next().map_or(1, char::len_utf8);
        } else if let Some(rest) = text
            .strip_suffix("\\n")
            .or_else(|| text.strip_suffix("\\r"))
        {
            span.end = span.start + rest.len();
        } else if text.ends_with(|c: char| c.is_whitespace() || c == '"' || c == '\'') {
            span.end -= text.chars().next_back().map_or(1, char::len_utf8);
        } else {
            return span;
        }
    }
}

static SLACK_WEBHOOK: LazyLock<Twin> = LazyLock::new(|| {
    regex(r"https://hooks\.slack\.com/services/T[A-Za-z0-9_]+/B[A-Za-z0-9_]+/([A-Za-z0-9]{16,})")
});

fn slack_webhooks(source: &str, found: &mut Found) {
    for caps in SLACK_WEBHOOK.captures_iter(source) {
        if let Some(value) = caps.get(1) {
            if !is_placeholder(value.as_str()) {
                found.push(SecretKind::SlackWebhook, value.range(), None);
            }
        }
    }
}

static URL_PASSWORD: LazyLock<Twin> = LazyLock::new(|| {
    regex(
        r"(?-u:\b)[a-zA-Z][a-zA-Z0-9+.-]+://[^\t\n\x0B\x0C\r :/@?#'`<>]+:([^\t\n\x0B\x0C\r @/?#'`<>]{3,})@[A-Za-z0-9.\[-]",
    )
});

/// `postgres://user:PASSWORD@host`
fn url_passwords(source: &str, found: &mut Found) {
    for caps in URL_PASSWORD.captures_iter(source) {
        if let Some(value) = caps.get(1) {
            let v = value.as_str();
            if !is_placeholder(v) && !v.chars().all(|c| c.is_ascii_digit()) {
                found.push(SecretKind::UrlPassword, value.range(), None);
            }
        }
    }
}

/// `?apiKey=…&fixCode=…`, at the `=`s of `parameters`.
fn url_parameters(source: &str, parameters: &[usize], found: &mut Found) {
    for (name, value) in url_parameter_matches(source, parameters.iter().copied()) {
        let lower = source[name.clone()].to_ascii_lowercase();
        let v = &source[value.clone()];
        let secret = match lower.as_str() {
            "key" | "sig" | "signature" => looks_random(v, 16),
            "password" | "passwd" | "pwd" => v.len() >= 4 && !is_placeholder(v),
            _ => {
                v.len() >= 8
                    && !is_placeholder(v)
                    && (v.bytes().any(|b| b.is_ascii_digit()) || entropy(v) >= 3.5)
            }
        };
        if secret {
            found.push(SecretKind::UrlParameter, value, Some(&source[name]));
        }
    }
}

/// The (name, value) spans of the URL parameters with a credential-like
/// name, in order: the matches of
/// `[?&;](NAME)=([^&#\t\n\x0B\x0C\r "'`<>\\()\[\]{}|]+)`, where NAME is
/// one of [`is_parameter_name`]'s names. Only the `=`s of `equals` (in
/// order) are looked at: each name ends with one of
/// [`PARAMETER_NAME_ENDS`], and the others match nothing.
fn url_parameter_matches(source: &str, equals: impl Iterator<Item = usize>) -> Vec<(Span, Span)> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    for eq in equals {
        // A name holds only letters, `_` and `-`, so the `?`, `&` or `;`
        // before it is the first other byte before the `=`.
        let name_start = eq
            - bytes[..eq]
                .iter()
                .rev()
                .take(16)
                .take_while(|b| b.is_ascii_alphabetic() || matches!(b, b'_' | b'-'))
                .count();
        if name_start == 0
            || name_start - 1 < pos
            || !matches!(bytes[name_start - 1], b'?' | b'&' | b';')
            || !is_parameter_name(&bytes[name_start..eq])
        {
            continue;
        }
        let end = eq
            + 1
            + bytes[eq + 1..]
                .iter()
                .take_while(|b| {
                    !matches!(
                        b,
                        b'&' | b'#'
                            | b'\t'
                            | b'\n'
                            | 0x0B
                            | 0x0C
                            | b'\r'
                            | b' '
                            | b'"'
                            | b'\''
                            | b'`'
                            | b'<'
                            | b'>'
                            | b'\\'
                            | b'('
                            | b')'
                            | b'['
                            | b']'
                            | b'{'
                            | b'}'
                            | b'|'
                    )
                })
                .count();
        if end > eq + 1 {
            out.push((name_start..eq, eq + 1..end));
            pos = end;
        }
    }
    out
}

/// True for the URL parameter names (any ASCII case) that hold credentials:
/// `api[_-]?key`, `key`,
/// `(access|auth|id|refresh|session|private)?[_-]?token`, `secret`,
/// `client[_-]?secret`, `password`, `passwd`, `pwd`, `fix[_-]?code`, `sig`,
/// `signature`, `x-amz-signature`.
fn is_parameter_name(name: &[u8]) -> bool {
    let is = |word: &str| name.eq_ignore_ascii_case(word.as_bytes());
    [
        "key",
        "secret",
        "password",
        "passwd",
        "pwd",
        "sig",
        "signature",
        "x-amz-signature",
    ]
    .into_iter()
    .any(is)
        || joined(name, "api", "key")
        || joined(name, "client", "secret")
        || joined(name, "fix", "code")
        || ["", "access", "auth", "id", "refresh", "session", "private"]
            .into_iter()
            .any(|first| joined(name, first, "token"))
}

/// True when `name` is `first`, an optional `_` or `-`, and `last`, in any
/// ASCII case.
fn joined(name: &[u8], first: &str, last: &str) -> bool {
    let (first, last) = (first.as_bytes(), last.as_bytes());
    if name.len() < first.len() + last.len() || name.len() > first.len() + last.len() + 1 {
        return false;
    }
    let middle = &name[first.len()..name.len() - last.len()];
    name[..first.len()].eq_ignore_ascii_case(first)
        && name[name.len() - last.len()..].eq_ignore_ascii_case(last)
        && matches!(middle, [] | [b'_' | b'-'])
}

/// The JWT Pizza factory's report URL carries the API key as a path segment.
fn url_path_keys(source: &str, found: &mut Found) {
    for value in url_path_key_values(source) {
        if looks_random(&source[value.clone()], 16) {
            found.push(SecretKind::UrlPathKey, value, None);
        }
    }
}

/// The key spans of the matches of
/// `/api/support/([0-9a-fA-F]{32})(?:/|(?-u:\b))`, in order.
fn url_path_key_values(source: &str) -> Vec<Span> {
    const PREFIX: &[u8] = b"/api/support/";
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    // Every occurrence: one may start at the last `/` of another.
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&bytes[from..], PREFIX).map(|i| from + i) {
        from = at + 1;
        let key = at + PREFIX.len();
        if at < pos
            || !bytes
                .get(key..key + 32)
                .is_some_and(|k| k.iter().all(u8::is_ascii_hexdigit))
        {
            continue;
        }
        let after = key + 32;
        let end = if bytes.get(after) == Some(&b'/') {
            after + 1
        } else if word_boundary(bytes, after) {
            after
        } else {
            continue;
        };
        out.push(key..after);
        pos = end;
    }
    out
}

static BASIC: LazyLock<Twin> = LazyLock::new(|| {
    regex(
        r#"(?i-u:authorization)["']?(?-u:\s){0,10}[:=](?-u:\s){0,10}["']?Basic(?-u:\s){1,10}([A-Za-z0-9+/]{8,}={0,2})"#,
    )
});

/// `Authorization: Bearer …`, `Authorization: Basic …`
fn auth_headers(source: &str, gates: Gates, found: &mut Found) {
    let bearers = gates.has(Gate::Bearer).then(|| bearer_values(source));
    // A candidate that is no token (`Bearer DB_PASSWORD=Bearer …`) does not
    // hide a `Bearer` inside it; one that is recorded does.
    let mut taken = 0;
    for value in bearers.into_iter().flatten() {
        if value.start >= taken
            && looks_random(&source[value.clone()], 12)
            && found.push(SecretKind::BearerToken, value.clone(), None)
        {
            taken = value.end;
        }
    }
    let basics = gates.has(Gate::Basic).then(|| BASIC.captures_iter(source));
    for caps in basics.into_iter().flatten() {
        if let Some(value) = caps.get(1) {
            if !is_placeholder(value.as_str()) && entropy(value.as_str()) >= 2.5 {
                found.push(SecretKind::BasicAuth, value.range(), None);
            }
        }
    }
}

static LONG_PASSWORD: LazyLock<Twin> = LazyLock::new(|| {
    regex(r#"(?:^|(?-u:\s))--password(?:=|(?-u:\s){1,10})["']?([^\t\n\x0B\x0C\r "'`]+)"#)
});
static SSHPASS: LazyLock<Twin> = LazyLock::new(|| {
    regex(r#"(?-u:\b)sshpass(?-u:\s){1,10}-p(?-u:\s){0,10}["']?([^\t\n\x0B\x0C\r "'`]+)"#)
});
static MYSQL: LazyLock<Twin> =
    LazyLock::new(|| regex(r"(?-u:\b)(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump)(?-u:\b)"));
static SHORT_PASSWORD: LazyLock<Twin> = LazyLock::new(|| {
    regex(r#"(?:^|(?-u:\s))-p["']?([^\t\n\x0B\x0C\r "'`-][^\t\n\x0B\x0C\r "'`]*)"#)
});

/// `--password X`, `--password=X`, `sshpass -p X`, and `mysql … -pX`.
fn command_lines(source: &str, gates: Gates, found: &mut Found) {
    let value_ok = |v: &str| !v.starts_with('-') && !is_placeholder(v);
    let patterns = [
        (&LONG_PASSWORD, Gate::LongPassword),
        (&SSHPASS, Gate::Sshpass),
    ];
    for re in patterns
        .into_iter()
        .filter(|(_, gate)| gates.has(*gate))
        .map(|(re, _)| &**re)
    {
        for caps in re.captures_iter(source) {
            if let Some(value) = caps.get(1) {
                if value_ok(value.as_str()) {
                    found.push(SecretKind::CommandLinePassword, value.range(), None);
                }
            }
        }
    }
    // `-pSECRET` only means a password on a MySQL command line (elsewhere
    // `-p` is a port, a parent flag, a profile …).
    if !gates.has(Gate::Mysql) || !MYSQL.is_match(source) {
        return;
    }
    let mut line_start = 0;
    for line in source.split_inclusive('\n') {
        if MYSQL.is_match(line) {
            for caps in SHORT_PASSWORD.captures_iter(line) {
                if let Some(value) = caps.get(1) {
                    if value_ok(value.as_str()) {
                        let span = line_start + value.start()..line_start + value.end();
                        found.push(SecretKind::CommandLinePassword, span, None);
                    }
                }
            }
        }
        line_start += line.len();
    }
}

/// `DB_PASSWORD=…`, `"secretKey": "…"`, `aws_secret_access_key = …`, at
/// the separators of `named`.
fn named_values(source: &str, named: &[usize], found: &mut Found) {
    let is_secret = |name: &Span, value: &Span| {
        let lower = source[name.clone()].to_ascii_lowercase();
        let v = &source[value.clone()];
        if ["password", "passwd", "pwd"]
            .iter()
            .any(|p| lower.ends_with(p))
        {
            looks_like_password(v)
        } else {
            looks_random(v, 16)
        }
    };
    named_value_matches(source, named.iter().copied(), |name, value| {
        let lower = source[name.clone()].to_ascii_lowercase();
        let kind = if lower.contains("aws") && lower.contains("secret") {
            SecretKind::AwsSecretKey
        } else {
            SecretKind::NamedValue
        };
        is_secret(name, value) && found.push(kind, value.clone(), Some(&source[name.clone()]))
    });
}

/// The names (any ASCII case) after which [`named_value_matches`] looks for
/// a value.
const VALUE_NAMES: &[&str] = &[
    "apikey",
    "api_key",
    "api-key",
    "secretkey",
    "secret_key",
    "secret-key",
    "secret",
    "token",
    "password",
    "passwd",
    "pwd",
    "accesskey",
    "access_key",
    "access-key",
    "privatekey",
    "private_key",
    "private-key",
    "credential",
    "credentials",
];

/// The (name, value) spans of the values given to a credential-like name
/// that `accept` takes (records), in order: the matches of
/// `(?-u:\b)([A-Za-z0-9_.-]*?NAME)["']?\s{0,10}(?::=|=>|:|=)\s{0,10}["']?([A-Za-z0-9+/_.~!@#$%^*-]{8,}={0,2})`
/// (with ASCII `\s`), where NAME is one of [`VALUE_NAMES`]. A match that
/// `accept` refuses (`key='DB_PASSWORD=`) does not hide a match that starts
/// inside it (`DB_PASSWORD=s3cr3t…`), as it would in the regex's
/// non-overlapping search: redacting the first would bring the second to
/// light.
///
/// Every part after the name is forced: the name ends a run of
/// `[A-Za-z0-9_.-]` (what follows it is not in that class), a quote or
/// white space is taken whenever it is there, and the value is the whole
/// run of value characters. So each `:` or `=` is the separator of at most
/// one match, whose name ends where the run before it ends; the match
/// starts at the first word boundary of that run, from where a name can
/// still follow.
///
/// Only the separators of `separators` (in order) are looked at: each
/// name ends with one of [`NAME_ENDS`], and the others match nothing.
fn named_value_matches(
    source: &str,
    separators: impl Iterator<Item = usize>,
    mut accept: impl FnMut(&Span, &Span) -> bool,
) -> Vec<(Span, Span)> {
    let bytes = source.as_bytes();
    let is_name_byte = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-');
    let is_value_byte = |b: u8| {
        b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'+' | b'/'
                    | b'_'
                    | b'.'
                    | b'~'
                    | b'!'
                    | b'@'
                    | b'#'
                    | b'$'
                    | b'%'
                    | b'^'
                    | b'*'
                    | b'-'
            )
    };
    let mut out = Vec::new();
    let mut pos = 0;
    for sep in separators {
        // Back over white space and a quote to the end of the name.
        let spaces = bytes[..sep]
            .iter()
            .rev()
            .take_while(|b| is_ascii_space(**b))
            .count();
        if spaces > 10 {
            continue;
        }
        let mut name_end = sep - spaces;
        if name_end > 0 && matches!(bytes[name_end - 1], b'"' | b'\'') {
            name_end -= 1;
        }
        let Some(word) = VALUE_NAMES.iter().find(|w| {
            name_end >= w.len()
                && bytes[name_end - w.len()..name_end].eq_ignore_ascii_case(w.as_bytes())
        }) else {
            continue;
        };
        let word_start = name_end - word.len();
        let run_start = word_start
            - bytes[..word_start]
                .iter()
                .rev()
                .take_while(|b| is_name_byte(**b))
                .count();
        let Some(start) = (run_start.max(pos)..=word_start).find(|&at| word_boundary(bytes, at))
        else {
            continue;
        };
        // Forward over the separator, white space and a quote to the value.
        let two = bytes.get(sep..sep + 2);
        let mut at = sep
            + if matches!(two, Some(b":=" | b"=>")) {
                2
            } else {
                1
            };
        let spaces = bytes[at..]
            .iter()
            .take_while(|b| is_ascii_space(**b))
            .count();
        if spaces > 10 {
            continue;
        }
        at += spaces;
        if matches!(bytes.get(at), Some(b'"' | b'\'')) {
            at += 1;
        }
        let run = bytes[at..]
            .iter()
            .take_while(|b| is_value_byte(**b))
            .count();
        if run < 8 {
            continue;
        }
        let pad = bytes[at + run..]
            .iter()
            .take(2)
            .take_while(|b| **b == b'=')
            .count();
        let end = at + run + pad;
        let (name, value) = (start..name_end, at..end);
        if accept(&name, &value) {
            out.push((name, value));
            pos = end;
        }
    }
    out
}

/// `Bearer TOKEN`: the token spans of the matches of
/// `(?-u:\b)[Bb]earer\s{1,10}([A-Za-z0-9._~+/=-]{12,})` (with ASCII `\s`),
/// in order, at every `Bearer`: a later one may lie inside the token of an
/// earlier one.
fn bearer_values(source: &str) -> Vec<Span> {
    let bytes = source.as_bytes();
    let is_token_byte = |b: u8| {
        b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~' | b'+' | b'/' | b'=' | b'-')
    };
    let mut out = Vec::new();
    // `earer` cannot overlap itself, so this finds every one.
    for at in memchr::memmem::find_iter(bytes, b"earer") {
        let Some(start) = at.checked_sub(1) else {
            continue;
        };
        if !matches!(bytes[start], b'B' | b'b') || !word_boundary(bytes, start) {
            continue;
        }
        let value = at
            + 5
            + bytes[at + 5..]
                .iter()
                .take_while(|b| is_ascii_space(**b))
                .count();
        if !(1..=10).contains(&(value - at - 5)) {
            continue;
        }
        let end = value
            + bytes[value..]
                .iter()
                .take_while(|b| is_token_byte(**b))
                .count();
        if end - value >= 12 {
            out.push(value..end);
        }
    }
    out
}

/// JSON Web Tokens: the matches of
/// `(?-u:\b)eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*`, in
/// order.
fn jwts(source: &str, found: &Found) -> Vec<Span> {
    let bytes = source.as_bytes();
    // Where the run of `[A-Za-z0-9_-]` from `at` ends. Every offset of a
    // run ends where the run does: the last two runs read are kept, so
    // that the `eyJ`s inside a long run (a header and a payload with
    // `-eyJ…` in them) do not each read the rest of it again.
    let runs = std::cell::Cell::new([(1, 0); 2]);
    let run = |at: usize| {
        let [a, b] = runs.get();
        for (from, end) in [a, b] {
            if (from..=end).contains(&at) {
                return end;
            }
        }
        let end = at
            + bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
                .count();
        runs.set([b, (at, end)]);
        end
    };
    // A header and a payload: `eyJ`, eight or more characters, a dot.
    let part = |at: usize| {
        if !bytes[at..].starts_with(b"eyJ") {
            return None;
        }
        let end = run(at + 3);
        (end - at >= 11 && bytes.get(end) == Some(&b'.')).then_some(end + 1)
    };
    let mut out = Vec::new();
    let mut pos = 0;
    // `eyJ` cannot overlap itself, so this finds every one.
    for start in memchr::memmem::find_iter(bytes, b"eyJ") {
        // A token inside a secret found before is part of it (a key
        // without its END line runs on over the text that follows); the
        // next token may start right after it.
        if start < pos || !word_boundary(bytes, start) || found.covers(start) {
            continue;
        }
        if let Some(signature) = part(start).and_then(part) {
            let end = run(signature);
            out.push(start..end);
            pos = end;
        }
    }
    out
}

/// Words that mark a value as a stand-in rather than a credential.
const PLACEHOLDER_WORDS: &[&str] = &[
    "your",
    "here",
    "example",
    "placeholder",
    "redact",
    "dummy",
    "fake",
    "sample",
    "changeme",
    "change_me",
    "insert",
    "replace",
    "xxx",
    "***",
    "...",
    "…",
    "secret",
    "token",
    "passw",
    "apikey",
    "api_key",
    "api-key",
    "mykey",
    "my_key",
    "hidden",
    "removed",
    "masked",
    "omitted",
    "elided",
    "censored",
    "undefined",
    "null",
];

/// For each byte, the words of [`PLACEHOLDER_WORDS`] that start with it,
/// as bits.
static PLACEHOLDER_FIRST_BYTES: [u64; 256] = {
    let mut table = [0; 256];
    let mut j = 0;
    while j < PLACEHOLDER_WORDS.len() {
        table[PLACEHOLDER_WORDS[j].as_bytes()[0] as usize] |= 1 << j;
        j += 1;
    }
    table
};

/// True when `lower` (lower-case ASCII) has a word of [`PLACEHOLDER_WORDS`].
fn has_placeholder_word(lower: &[u8]) -> bool {
    lower.iter().enumerate().any(|(at, &b)| {
        let mut words = PLACEHOLDER_FIRST_BYTES[b as usize];
        while words != 0 {
            let j = words.trailing_zeros() as usize;
            words &= words - 1;
            if lower[at..].starts_with(PLACEHOLDER_WORDS[j].as_bytes()) {
                return true;
            }
        }
        false
    })
}

/// True for values that stand in for a credential: `yourKeyHere`,
/// `YOUR_API_KEY`, `xxx`, `<redacted>`, `${TOKEN}`, `****`, `REDACTED`.
pub fn is_placeholder(value: &str) -> bool {
    let v = value.trim_matches(|c| matches!(c, '"' | '\'' | '`'));
    if v.is_empty() || v.starts_with(['<', '{', '[', '$', '%', '(']) {
        return true;
    }
    // A long random value can contain a short word by chance; only short
    // values are judged by their words (`redact` is one of them).
    if v.len() <= 64 && v.is_ascii() {
        let mut lower = [0; 64];
        let lower = &mut lower[..v.len()];
        lower.copy_from_slice(v.as_bytes());
        lower.make_ascii_lowercase();
        if has_placeholder_word(lower) {
            return true;
        }
    } else {
        let lower = v.to_lowercase();
        if lower.contains("redacted") {
            return true;
        }
        if v.len() <= 64 && PLACEHOLDER_WORDS.iter().any(|w| lower.contains(w)) {
            return true;
        }
    }
    if v.chars()
        .all(|c| matches!(c, 'x' | 'X' | '*' | '.' | '#' | '-' | '_' | '•' | '…' | '0'))
    {
        return true;
    }
    // `aaaa`, `1234 1234`, `abab`: too few distinct characters to be random.
    if v.is_ascii() {
        let mut seen = 0u128;
        for b in v.bytes() {
            seen |= 1 << b;
        }
        if seen.count_ones() <= 3 {
            return true;
        }
    } else {
        let mut distinct: Vec<char> = v.chars().collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() <= 3 {
            return true;
        }
    }
    // An environment variable's name (`YOUR_API_KEY`, `GITHUB_TOKEN`).
    v.chars().all(|c| c.is_ascii_uppercase() || c == '_')
}

/// A value that looks machine-generated: long enough, letters and digits,
/// high Shannon entropy, not a placeholder, not words joined by separators.
pub fn looks_random(value: &str, min_len: usize) -> bool {
    let v = value.trim_end_matches(['.', ',', ';', ':']);
    if v.len() < min_len || is_placeholder(v) {
        return false;
    }
    let has_digit = v.bytes().any(|b| b.is_ascii_digit());
    let has_letter = v.bytes().any(|b| b.is_ascii_alphabetic());
    if !(has_digit && has_letter) || entropy(v) < 3.0 {
        return false;
    }
    // `refresh_token_2024_rotation`: words and small numbers, not a key.
    let words = v
        .split(['_', '-', '.', '/'])
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>();
    let wordy = words.len() >= 2
        && words.iter().all(|w| {
            w.bytes().all(|b| b.is_ascii_alphabetic())
                || (w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
        });
    !wordy
}

/// A value after a password-like name: at least 8 characters, letters with
/// digits or symbols, not a placeholder.
fn looks_like_password(value: &str) -> bool {
    let v = value.trim_end_matches(['.', ',', ';', ':']);
    if v.len() < 8 || is_placeholder(v) {
        return false;
    }
    let has_letter = v.bytes().any(|b| b.is_ascii_alphabetic());
    let has_other = v.bytes().any(|b| !b.is_ascii_alphabetic());
    has_letter && has_other && entropy(v) >= 2.5
}

/// Shannon entropy of the value's characters, in bits per character.
pub fn entropy(value: &str) -> f64 {
    if value.is_ascii() {
        // Counted in an array: no hashing for the common case.
        let mut counts = [0usize; 128];
        for b in value.bytes() {
            counts[usize::from(b)] += 1;
        }
        let total = value.len() as f64;
        return counts
            .iter()
            .filter(|&&n| n > 0)
            .map(|&n| {
                let p = n as f64 / total;
                -p * p.log2()
            })
            .sum();
    }
    let mut counts = std::collections::HashMap::new();
    let mut total = 0usize;
    for c in value.chars() {
        *counts.entry(c).or_insert(0usize) += 1;
        total += 1;
    }
    if total == 0 {
        return 0.0;
    }
    let total = total as f64;
    counts
        .values()
        .map(|&n| {
            let p = n as f64 / total;
            -p * p.log2()
        })
        .sum()
}

/// Overwrites every byte of each span with `*`, so text shown to a user
/// (an excerpt, a diff) never contains the value. Byte offsets stay valid.
/// Spans that are out of range or not on character boundaries are skipped.
pub fn mask(text: &str, spans: impl IntoIterator<Item = Span>) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for span in spans {
        if span.start <= span.end
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
            && span.end <= text.len()
        {
            bytes[span].fill(b'*');
        }
    }
    // Whole characters were replaced by ASCII, so this cannot fail.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Joins pieces at run time, so the repository holds no literal credential.
    fn join(parts: &[&str]) -> String {
        parts.concat()
    }

    fn kinds(text: &str) -> Vec<(SecretKind, String)> {
        find(text)
            .into_iter()
            .map(|s| (s.kind, text[s.span].to_string()))
            .collect()
    }

    #[test]
    fn placeholders_are_not_secrets() {
        for v in [
            "yourKeyHere",
            "YOUR_API_KEY",
            "xxx",
            "<redacted>",
            "REDACTED",
            "${TOKEN}",
            "[API_KEY]",
            "********",
            "myfactoryAPIKey",
            "aaaaaaaaaaaaaaaa",
        ] {
            assert!(is_placeholder(v), "{v}");
        }
        assert!(!is_placeholder(&join(&["a8f3", "k2m9", "x7q1"])));
    }

    /// [`is_placeholder`] as it was: every word searched for in the lower
    /// case text, and the distinct characters sorted.
    fn is_placeholder_by_search(value: &str) -> bool {
        let v = value.trim_matches(|c| matches!(c, '"' | '\'' | '`'));
        if v.is_empty() || v.starts_with(['<', '{', '[', '$', '%', '(']) {
            return true;
        }
        let lower = v.to_lowercase();
        if lower.contains("redacted")
            || v.len() <= 64 && PLACEHOLDER_WORDS.iter().any(|w| lower.contains(w))
        {
            return true;
        }
        if v.chars()
            .all(|c| matches!(c, 'x' | 'X' | '*' | '.' | '#' | '-' | '_' | '•' | '…' | '0'))
        {
            return true;
        }
        let mut distinct: Vec<char> = v.chars().collect();
        distinct.sort_unstable();
        distinct.dedup();
        distinct.len() <= 3 || v.chars().all(|c| c.is_ascii_uppercase() || c == '_')
    }

    #[test]
    fn placeholder_words_agree_with_a_search() {
        let mut pieces: Vec<&str> = PLACEHOLDER_WORDS.to_vec();
        pieces.extend([
            "YOUR",
            "Here",
            "REDACTED",
            "a8f3",
            "k2m9",
            "x",
            "X",
            "0",
            "1",
            "_",
            "-",
            "\"",
            "'",
            "`",
            "<",
            "é",
            "Ü",
            "…",
            "•",
            "aaaa",
            "abc",
            "ABC_DEF",
            "passw",
            "ord",
            "c7Qz9pLm2Vx8",
        ]);
        let (mut yes, mut no) = (0, 0);
        for v in crate::model::pattern::generated(&pieces, 30_000, 12) {
            let old = is_placeholder_by_search(&v);
            assert_eq!(is_placeholder(&v), old, "{v:?}");
            yes += usize::from(old);
            no += usize::from(!old);
        }
        assert!(yes > 1_000 && no > 500, "{yes} {no}");
    }

    #[test]
    fn url_parameters_are_found_and_placeholders_skipped() {
        let key = join(&["fc6db2a0b53d", "493a8fb16d547ba75c13"]);
        let text = format!("see https://h.example/api/report?apiKey={key}&fixCode=yourFixCode now");
        assert_eq!(kinds(&text), [(SecretKind::UrlParameter, key)]);
        assert!(find("https://h/api/report?apiKey=yourKeyHere&fixCode=[FIX]").is_empty());
    }

    #[test]
    fn bearer_jwt_is_reported_once_as_a_jwt() {
        let jwt = join(&[
            "eyJhbGciOiJIUzI1NiJ9",
            ".",
            "eyJpZCI6MSwibmFtZSI6ImEifQ",
            ".",
            "c2lnbmF0dXJlMTIzNDU2",
        ]);
        let text = format!("-H 'Authorization: Bearer {jwt}'");
        assert_eq!(kinds(&text), [(SecretKind::Jwt, jwt)]);
    }

    #[test]
    fn words_after_names_are_not_secrets() {
        for text in [
            "password: reset for every user",
            "token=refresh_token_2024_rotation",
            "the tokens: 500000 per day",
            "secret: /etc/app/secrets",
            "docker run -p 8080:80 image",
            "mkdir -p logs",
        ] {
            assert!(find(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }

    #[test]
    fn mysql_short_password() {
        let pw = join(&["Hunt", "er2!x"]);
        let text = format!("mysql -u root -p{pw} pizza\n");
        assert_eq!(kinds(&text), [(SecretKind::CommandLinePassword, pw)]);
    }

    /// Regression, found by the property test `redacting_every_secret_leaves_none`:
    /// the value after `DB_PASSWORD=` ran on over `=` and `&token=…`, so once
    /// the token was redacted a longer "password" holding `REDACTED` appeared.
    #[test]
    fn regression_named_value_stops_at_the_next_parameter() {
        let text = "DB_PASSWORD=DB_PASSWORD=eyJhbGciOiJIUzI1NiJ9.DB_PASSWORD=DB_PASSWORD=&token=REDACTED -p";
        assert_eq!(kinds(text), []);
    }

    /// The patterns the scanners replace, as the references they must agree with.
    fn reference(pattern: &str) -> regex::Regex {
        regex::Regex::new(pattern).unwrap()
    }

    /// Random texts made of the pieces the scanners look at.
    fn texts() -> impl Iterator<Item = String> {
        const PIECES: &[&str] = &[
            "eyJ",
            "eyJhbGciOi",
            "eyJhbGciOiJIUzI1NiJ9.",
            ".",
            "abc",
            "x",
            "_",
            "-",
            "=",
            "==",
            ":",
            ":=",
            "=>",
            " ",
            "  \n",
            "\t",
            "\"",
            "'",
            "?",
            "&",
            ";",
            "#",
            "/",
            "Bearer",
            "bearer",
            "xBearer",
            "api_key",
            "API-Key",
            "token",
            "Token",
            "id_token",
            "_token",
            "secret",
            "client-secret",
            "password",
            "PASSWD",
            "pwd",
            "credentials",
            "sig",
            "signature",
            "x-amz-signature",
            "fix_code",
            "key",
            "my.",
            "/api/support/",
            "/api/support/0123456789abcdef0123456789abcdef",
            "0123456789abcdef",
            "ABCDEF",
            "é",
            "“",
            "12345678",
            "a1b2c3d4e5",
            "+/",
            "~!@#$%^*",
            "(",
            "]",
            "|",
            "           ",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        (0..20_000).map(move |_| {
            let mut text = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = 1 + (seed % 24) as usize;
            for _ in 0..n {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            text
        })
    }

    fn groups(re: &regex::Regex, text: &str, group: usize) -> Vec<Span> {
        re.captures_iter(text)
            .map(|c| c.get(group).unwrap().range())
            .collect()
    }

    #[test]
    fn scanners_agree_with_the_patterns_they_replace() {
        let jwt = reference(r"(?-u:\b)eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*");
        let bearer = reference(r"(?-u:\b)[Bb]earer(?-u:\s){1,10}([A-Za-z0-9._~+/=-]{12,})");
        let path_key = reference(r"/api/support/([0-9a-fA-F]{32})(?:/|(?-u:\b))");
        let parameter = reference(
            r#"[?&;]((?i-u:api[_-]?key|key|(?:access|auth|id|refresh|session|private)?[_-]?token|secret|client[_-]?secret|password|passwd|pwd|fix[_-]?code|sig|signature|x-amz-signature))=([^&#\t\n\x0B\x0C\r "'`<>\\()\[\]{}|]+)"#,
        );
        let named = reference(
            r#"(?-u:\b)([A-Za-z0-9_.-]*?(?i-u:api[_-]?key|secret[_-]?key|secret|token|password|passwd|pwd|access[_-]?key|private[_-]?key|credentials?))["']?(?-u:\s){0,10}(?::=|=>|:|=)(?-u:\s){0,10}["']?([A-Za-z0-9+/_.~!@#$%^*-]{8,}={0,2})"#,
        );
        let mut seen = [0usize; 5];
        for text in texts() {
            let text = text.as_str();
            assert_eq!(
                jwts(text, &Found::default()),
                groups(&jwt, text, 0),
                "{text:?}"
            );
            // The pattern's match at every `Bearer`, overlapping ones too.
            let every_bearer: Vec<Span> = text
                .char_indices()
                .filter_map(|(at, _)| {
                    bearer
                        .captures_at(text, at)
                        .filter(|c| c.get(0).unwrap().start() == at)
                })
                .map(|c| c.get(1).unwrap().range())
                .collect();
            assert_eq!(bearer_values(text), every_bearer, "{text:?}");
            assert_eq!(
                url_path_key_values(text),
                groups(&path_key, text, 1),
                "{text:?}"
            );
            let pairs = |re: &regex::Regex| -> Vec<(Span, Span)> {
                re.captures_iter(text)
                    .map(|c| (c.get(1).unwrap().range(), c.get(2).unwrap().range()))
                    .collect()
            };
            // At every separator, and at those the scan keeps.
            let scan = Scan::of(text);
            let equals = || memchr::memchr_iter(b'=', text.as_bytes());
            let separators = || memchr::memchr2_iter(b':', b'=', text.as_bytes());
            let parameters = url_parameter_matches(text, equals());
            assert_eq!(parameters, pairs(&parameter), "{text:?}");
            let kept = url_parameter_matches(text, scan.parameters.iter().copied());
            assert_eq!(kept, parameters, "{text:?}");
            let values = named_value_matches(text, separators(), |_, _| true);
            assert_eq!(values, pairs(&named), "{text:?}");
            let kept = named_value_matches(text, scan.named.iter().copied(), |_, _| true);
            assert_eq!(kept, values, "{text:?}");
            for (i, n) in [
                jwts(text, &Found::default()).len(),
                bearer_values(text).len(),
                url_path_key_values(text).len(),
                url_parameter_matches(text, equals()).len(),
                named_value_matches(text, separators(), |_, _| true).len(),
            ]
            .into_iter()
            .enumerate()
            {
                seen[i] += n;
            }
        }
        // The texts exercise every scanner.
        assert!(seen.iter().all(|&n| n > 20), "{seen:?}");
    }

    /// The end of each key body as [`private_keys`] found it before: a
    /// search for [`KEY_END`] in the rest of the source after each begin
    /// marker.
    fn key_body_ends_by_search(source: &str) -> Vec<Option<usize>> {
        KEY_BEGIN
            .find_iter(source)
            .map(|begin| {
                KEY_END
                    .find(&source[begin.end()..])
                    .map(|m| begin.end() + m.start())
            })
            .collect()
    }

    #[test]
    fn key_ends_agree_with_a_search_after_each_begin() {
        const PIECES: &[&str] = &[
            "-----BEGIN RSA PRIVATE KEY-----",
            "-----BEGIN PRIVATE KEY-----",
            "-----END RSA PRIVATE KEY-----",
            "-----END PRIVATE KEY-----",
            "-----END ",
            "-----",
            "-",
            "END ",
            "PRIVATE KEY",
            "RSA ",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ABCDEFGHIJ",
            "MIIEow",
            "\n",
            " ",
            "é",
        ];
        let mut found = 0;
        for text in crate::model::pattern::generated(PIECES, 20_000, 10) {
            let ends = key_ends(&text);
            let by_index: Vec<Option<usize>> = KEY_BEGIN
                .find_iter(&text)
                .map(|begin| ends.iter().copied().find(|&end| end >= begin.end()))
                .collect();
            let by_search = key_body_ends_by_search(&text);
            found += by_search.iter().flatten().count();
            assert_eq!(by_index, by_search, "{text:?}");
        }
        assert!(found > 1_000, "{found}");
    }

    #[test]
    fn gates_stay_shut_on_ordinary_prose() {
        let text = "At 10:30 UTC the key metric: latency. See https://example.com/a?b=c, \
                    the summary (we summarize) and ```mermaid``` blocks.";
        assert_eq!(Gates::of(text).0, 0);
    }

    #[test]
    fn gates_open_on_overlapping_literals_and_names() {
        let gates = Gates::of("xAIDAIza api_token = 'x' and postgres://u:pw@h");
        for gate in [Gate::Aws, Gate::Google, Gate::Named, Gate::UrlPassword] {
            assert!(gates.has(gate), "{gate:?}");
        }
        assert!(!gates.has(Gate::UrlParameter));
        assert!(Gates::of("?Signature=1").has(Gate::UrlParameter));
        assert!(!Gates::of("token           : far").has(Gate::Named));
    }

    #[test]
    fn every_token_opens_its_gate() {
        let mut samples = Vec::new();
        for prefix in ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"] {
            samples.push(format!("{prefix}{}", "a1B2".repeat(9)));
        }
        samples.push(format!("github_pat_{}", "a1_B".repeat(6)));
        for kind in "abposre".chars() {
            samples.push(format!("xox{kind}-1234567890-abc"));
        }
        for prefix in [
            "AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA",
        ] {
            samples.push(format!("{prefix}ABCDEFGH12345678"));
        }
        for who in ["sk", "rk"] {
            for mode in ["live", "test"] {
                samples.push(format!("{who}_{mode}_{}", "a1B2".repeat(4)));
            }
        }
        samples.push(format!("AIza{}", "a1_-B".repeat(7)));
        samples.push(format!("npm_{}", "a1B2".repeat(9)));
        let mut matched = 0;
        for sample in &samples {
            let text = format!("the value {sample} was pasted");
            for (re, kind, gate) in TOKENS.iter() {
                if re.is_match(&text) {
                    matched += 1;
                    assert!(Gates::of(&text).has(*gate), "{kind:?}: {text}");
                }
            }
        }
        assert_eq!(matched, samples.len());
    }

    #[test]
    fn mask_keeps_offsets() {
        assert_eq!(mask("a=sécret;", std::iter::once(2..9)), "a=*******;");
        assert_eq!(mask("é", std::iter::once(0..1)), "é");
    }
}
