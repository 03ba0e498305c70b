//! `vnplan schema`: the JSON Schema of one output line.

use super::{EXIT_OK, EXIT_USAGE};
use std::io::Write;

pub fn run() -> i32 {
    let schema = vnplan_engine::record::json_schema();
    let text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    match writeln!(std::io::stdout().lock(), "{text}") {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(_) => EXIT_USAGE,
    }
}
