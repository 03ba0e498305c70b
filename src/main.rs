//! The `vnplan` command: parses arguments and dispatches to one function per
//! subcommand (see `cli/`). Nothing else lives here.

mod cli;

use clap::Parser;
use cli::{Cli, Command};

fn main() {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() {
                cli::EXIT_USAGE
            } else {
                cli::EXIT_OK
            };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    let code = match cli.command {
        Command::Extract(args) => cli::extract::run(args),
        Command::Index(args) => cli::index::run(args),
        Command::Search(args) => cli::search::run(args),
        Command::Export(args) => cli::export::run(args),
        Command::Compare(args) => cli::compare::run(args),
        Command::Normalize(args) => cli::normalize::run(args),
        Command::Schema(args) => cli::schema::run(args),
        Command::Completions(args) => cli::completions::run(args),
        Command::Worker => cli::worker::run(),
    };
    std::process::exit(code);
}
