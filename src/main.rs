//! The `orgplan` command: parses arguments, calls the library, turns the result into an exit
//! code. Everything it does is available to Rust programs through the library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
