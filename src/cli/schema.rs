//! `vnplan schema`: the JSON Schema of one output line of `extract`, or
//! with `--compare` of the object `compare` writes.

use super::{EXIT_OK, EXIT_USAGE};
use std::io::Write;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The schema of `vnplan compare`'s JSON instead.
    #[arg(long)]
    pub compare: bool,
}

pub fn run(args: Args) -> i32 {
    let schema = if args.compare {
        vnplan_compare::json_schema()
    } else {
        vnplan_engine::record::json_schema()
    };
    let text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    match writeln!(std::io::stdout().lock(), "{text}") {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(_) => EXIT_USAGE,
    }
}
