//! The `rubric` command: parse arguments, dispatch to a command, map the outcome to an exit code.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
