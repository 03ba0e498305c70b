//! `vnplan completions SHELL`: a completion script on stdout.

use super::{Cli, EXIT_OK};
use clap::CommandFactory;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The shell to complete for.
    pub shell: clap_complete::Shell,
}

pub fn run(args: Args) -> i32 {
    clap_complete::generate(
        args.shell,
        &mut Cli::command(),
        "vnplan",
        &mut std::io::stdout(),
    );
    EXIT_OK
}
