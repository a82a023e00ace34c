//! The command line: `tenantcheck check [FILE|-]` and `tenantcheck serve` (the stand-in, [`crate::serve`]).
//!
//! Exit status: 0 when every record is valid, 1 when any is invalid, 2 when the input cannot be read (missing or
//! unreadable file, bad CSV header, I/O error, bad arguments, a malformed `--rules` set or `--settings` file); the
//! statuses and the complaints on stderr live in [`crate::exit`], below both commands.

pub mod args;
pub mod check;
pub mod input;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod summary;
pub mod texts;

use std::process::ExitCode;

/// Parses the arguments and runs the command. Bad arguments exit with status 2 (clap's usage error status).
pub fn main() -> ExitCode {
    let cli = args::parse();
    let status = match cli.command {
        args::Command::Check(a) => check::run(&a),
        args::Command::Serve(a) => crate::serve::run(&a),
    };
    ExitCode::from(status)
}
