//! All integration tests, in one binary (one link, one run).

mod cli_check;
mod docs;
mod common;
mod structure;
