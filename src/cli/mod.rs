//! The command line: `tenantcheck check [FILE|-]` and `tenantcheck serve` (the stand-in, [`crate::serve`]).
//!
//! Exit status: 0 when every record is valid, 1 when any is invalid, 2 when the input cannot be read (missing or
//! unreadable file, bad CSV header, I/O error, bad arguments, a malformed `--rules` set).

pub mod args;
pub mod check;
pub mod input;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod summary;

use std::process::ExitCode;

/// Exit status: every record valid.
pub const EXIT_VALID: u8 = 0;
/// Exit status: some record invalid.
pub const EXIT_INVALID: u8 = 1;
/// Exit status: the input (or the arguments) could not be read.
pub const EXIT_TROUBLE: u8 = 2;

/// Parses the arguments and runs the command. Bad arguments exit with status 2 (clap's usage error status).
pub fn main() -> ExitCode {
    let cli = args::parse();
    let status = match cli.command {
        args::Command::Check(a) => check::run(&a),
        args::Command::Serve(a) => crate::serve::run(&a),
    };
    ExitCode::from(status)
}

/// Prints a message on stderr, prefixed with the program's name.
pub(crate) fn complain(msg: impl std::fmt::Display) {
    eprintln!("tenantcheck: {msg}");
}
