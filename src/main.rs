//! The `orgplan` command: parses arguments, calls the library, turns the result into an exit
//! code. Everything it does is available to Rust programs through the library.

mod cli;

// Reading a national model makes millions of small allocations; mimalloc makes them about
// twice as fast as the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
