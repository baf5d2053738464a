//! Finding the files to check and reading them, with a clear message for
//! every file that cannot be read.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// Files larger than this are not read (a report is a few kilobytes; a
/// 10 MiB Markdown file is a mistake, or a log pasted whole).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// A file to check: a path on disk or standard input.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    Stdin,
    File(PathBuf),
    /// A path given on the command line that does not exist or cannot be walked.
    Missing(PathBuf, String),
}

impl Input {
    /// The path as shown in output: relative paths as given, without `./`.
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) | Input::Missing(p, _) => display_path(p),
        }
    }
}

/// A path for output, without a leading `./`.
pub fn display_path(path: &Path) -> String {
    let path = path.strip_prefix(".").unwrap_or(path);
    path.display().to_string()
}

/// Expands the command line's paths: files as given, directories walked
/// recursively for `*.md` (honouring `.gitignore`, skipping hidden files),
/// `-` as standard input. The result is sorted by path and has no duplicates.
pub fn collect(paths: &[PathBuf], filter: &dyn Fn(&Path) -> bool) -> Vec<Input> {
    let mut inputs = Vec::new();
    let defaults = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &defaults[..]
    } else {
        paths
    };
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir()
            && !path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("md"))
        {
            walk(path, filter, &mut inputs);
        } else if path.exists() || path.symlink_metadata().is_ok() {
            inputs.push(Input::File(path.clone()));
        } else {
            inputs.push(Input::Missing(
                path.clone(),
                "no such file or directory".into(),
            ));
        }
    }
    // Sorted by path component by component (`a/b.md` before `a-b.md`),
    // whatever order the file system lists folders in.
    // With each input's place, so that paths with one key keep the order
    // they were given in.
    let mut keyed: Vec<(Vec<u8>, usize, Input)> = inputs
        .into_iter()
        .enumerate()
        .map(|(place, input)| (input.sort_key(), place, input))
        .collect();
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    // Inputs that are equal have equal keys: compare the inputs only then.
    keyed.dedup_by(|a, b| a.0 == b.0 && a.2 == b.2);
    let mut inputs: Vec<Input> = keyed.into_iter().map(|(_, _, input)| input).collect();
    dedup_same_files(&mut inputs);
    inputs
}

impl Input {
    /// The [`sort_key`] of what [`Input::display`] shows, without building
    /// that string when the path is UTF-8.
    fn sort_key(&self) -> Vec<u8> {
        match self {
            Input::Stdin => sort_key(Path::new("-")),
            Input::File(path) | Input::Missing(path, _) => {
                let shown = path.strip_prefix(".").unwrap_or(path);
                if shown.to_str().is_some() {
                    sort_key(shown)
                } else {
                    sort_key(Path::new(&display_path(path)))
                }
            }
        }
    }
}

/// A key whose byte order is the order of `Path`s compared component by
/// component (`a/b.md` before `a-b.md`): each component is a byte for its
/// kind (a root before `.` before `..` before a name, as `Component` orders
/// them) and its name, and components are joined by a NUL byte, which no
/// name holds and which sorts before every other byte. Comparing keys is a
/// `memcmp`; comparing paths splits both into components at every step.
fn sort_key(path: &Path) -> Vec<u8> {
    let mut key = Vec::with_capacity(path.as_os_str().len() + 8);
    for (i, part) in path.components().enumerate() {
        if i > 0 {
            key.push(0);
        }
        key.push(match part {
            Component::Prefix(_) => 1,
            Component::RootDir => 2,
            Component::CurDir => 3,
            Component::ParentDir => 4,
            Component::Normal(_) => 5,
        });
        if let Component::Normal(_) | Component::Prefix(_) = part {
            key.extend_from_slice(part.as_os_str().as_encoded_bytes());
        }
    }
    key
}

/// Keeps one path per file: a folder reached twice through a symlinked
/// folder (`reports/loop -> ..`) must not check its reports twice. Two paths
/// are the same file when their folders resolve to the same real folder and
/// their names are equal. The first path in sorted order wins.
fn dedup_same_files(inputs: &mut Vec<Input>) {
    // The real folder of each input's folder, as a number. Sorted inputs
    // come folder by folder, so each folder is resolved once.
    let mut real_dirs: HashMap<PathBuf, usize> = HashMap::new();
    let mut last: Option<(&Path, Option<usize>)> = None;
    let mut dirs = Vec::with_capacity(inputs.len());
    for input in inputs.iter() {
        let (Input::File(path) | Input::Missing(path, _)) = input else {
            dirs.push(None);
            continue;
        };
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
            dirs.push(None);
            continue;
        };
        let dir = match last {
            Some((seen, dir)) if seen.as_os_str() == parent.as_os_str() => dir,
            _ => {
                let folder = if parent.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    parent
                };
                let dir = std::fs::canonicalize(folder).ok().map(|real| {
                    let next = real_dirs.len();
                    *real_dirs.entry(real).or_insert(next)
                });
                last = Some((parent, dir));
                dir
            }
        };
        dirs.push(dir.map(|dir| (dir, name)));
    }
    let mut seen = HashSet::with_capacity(inputs.len());
    let keep: Vec<bool> = dirs
        .into_iter()
        .map(|file| file.is_none_or(|file| seen.insert(file)))
        .collect();
    let mut keep = keep.into_iter();
    inputs.retain(|_| keep.next().unwrap_or(true));
}

fn walk(dir: &Path, filter: &dyn Fn(&Path) -> bool, inputs: &mut Vec<Input>) {
    // `.gitignore` (and `.ignore`) files apply whether or not the folder is
    // in a git repository; hidden files and folders are skipped; symlinks
    // are followed, and a symlink loop is skipped without a word.
    let walker = ignore::WalkBuilder::new(dir)
        .follow_links(true)
        .require_git(false)
        .hidden(true)
        .git_ignore(true)
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file
                    && path
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
                    && filter(path)
                {
                    inputs.push(Input::File(path.to_path_buf()));
                }
            }
            Err(err) => {
                // A folder that cannot be read, or a symlink loop: say so and go on.
                let path = error_path(&err).unwrap_or_else(|| dir.to_path_buf());
                if !is_loop(&err) {
                    let why = if is_broken_link(&path) {
                        BROKEN_LINK.to_string()
                    } else {
                        describe_walk_error(&err)
                    };
                    inputs.push(Input::Missing(path, why));
                }
            }
        }
    }
}

const BROKEN_LINK: &str = "is a broken symbolic link: its target does not exist";

/// A symlink whose target does not exist.
fn is_broken_link(path: &Path) -> bool {
    path.symlink_metadata().is_ok_and(|m| m.is_symlink())
        && std::fs::metadata(path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
}

fn error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

fn is_loop(err: &ignore::Error) -> bool {
    match err {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        _ => false,
    }
}

fn describe_walk_error(err: &ignore::Error) -> String {
    match err {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => describe_walk_error(err),
        ignore::Error::Io(io) => describe_io(io),
        other => other.to_string(),
    }
}

/// Reads an input as UTF-8 text, or says in one line why it cannot.
pub fn read(input: &Input) -> Result<String, String> {
    match input {
        Input::Missing(_, why) => Err(why.clone()),
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {}", describe_io(&e)))?;
            decode(bytes)
        }
        Input::File(path) => {
            // Opened once and asked for its size through the handle: one
            // system call fewer per file than `metadata` and `fs::read`.
            let file = std::fs::File::open(path).map_err(|e| {
                if is_broken_link(path) {
                    BROKEN_LINK.to_string()
                } else if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
                    "is a directory, not a file".to_string()
                } else {
                    describe_io(&e)
                }
            })?;
            let meta = file.metadata().map_err(|e| describe_io(&e))?;
            if meta.is_dir() {
                return Err("is a directory, not a file".into());
            }
            if meta.len() > MAX_FILE_BYTES {
                return Err(format!(
                    "is {} MiB; files over {} MiB are not checked",
                    meta.len() / (1024 * 1024),
                    MAX_FILE_BYTES / (1024 * 1024)
                ));
            }
            // Room for one byte more than the size, so that the read that
            // finds the end needs no second allocation.
            let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0) + 1);
            file.take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| describe_io(&e))?;
            decode(bytes)
        }
    }
}

/// UTF-8 text, or a message naming what is wrong.
fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "is over {} MiB; larger files are not checked",
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err("is a binary file, not Markdown".into());
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!("is not valid UTF-8 (first bad byte on line {line}); save it as UTF-8")
    })
}

/// An I/O error in words, without Rust's `(os error 2)`.
pub fn describe_io(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => "no such file or directory".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "is a directory, not a file".into(),
        _ => {
            let mut text = err.to_string();
            // The walker's errors repeat the path: "IO error for operation on PATH: why".
            if let Some(rest) = text.strip_prefix("IO error for operation on ") {
                if let Some(at) = rest.rfind(": ") {
                    text = rest[at + 2..].to_string();
                }
            }
            if text.starts_with("Too many levels of symbolic links") {
                return "is a symbolic link loop".into();
            }
            match text.find(" (os error") {
                Some(at) => text[..at].to_string(),
                None => text,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_keys_order_paths_as_paths_compare() {
        let paths = [
            "a-b.md",
            "a/b.md",
            "a.md",
            "a/b/c.md",
            "a/b-c.md",
            "a/b/c/d.md",
            "/tmp/x.md",
            "/tmp-x/a.md",
            "../shared/a.md",
            "..a.md",
            "b/a.md",
            "a b/c.md",
            "A/b.md",
            "é/a.md",
            "e/a.md",
            "a//b.md",
            "a/./c.md",
        ];
        let mut by_path = paths.to_vec();
        by_path.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
        let mut by_key = paths.to_vec();
        by_key.sort_by_key(|p| sort_key(Path::new(p)));
        assert_eq!(by_key, by_path);
    }

    #[test]
    fn an_input_sorts_by_what_it_shows() {
        for path in [
            "./a/b.md",
            "a/b.md",
            ".",
            "./.",
            "../x.md",
            "/tmp/./y.md",
            "-",
        ] {
            let input = if path == "-" {
                Input::Stdin
            } else {
                Input::File(PathBuf::from(path))
            };
            assert_eq!(
                input.sort_key(),
                sort_key(Path::new(&input.display())),
                "{path}"
            );
            let missing = Input::Missing(PathBuf::from(path), "gone".into());
            assert_eq!(
                missing.sort_key(),
                sort_key(Path::new(&missing.display())),
                "{path}"
            );
        }
        // A name that is not UTF-8 sorts by the name shown.
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let name = std::ffi::OsStr::from_bytes(b"./a\xff.md");
            let input = Input::File(PathBuf::from(name));
            assert_eq!(input.sort_key(), sort_key(Path::new(&input.display())));
        }
    }
}
