//! The `newsclean` command: parses the flags, runs the chosen mode and
//! exits with the code of the contract (0 done, 1 `--check` found changes,
//! 2 usage error or a failed file, 130 interrupted). All the work lives in
//! the `cli` modules and the library; this file only wires them up.

#![forbid(unsafe_code)]

mod cli;

fn main() {
    std::process::exit(cli::run());
}
