//! `vnplan schema`: the JSON Schema of one output line.

use super::EXIT_OK;

pub fn run() -> i32 {
    let schema = vnplan_engine::record::json_schema();
    println!(
        "{}",
        serde_json::to_string_pretty(&schema).unwrap_or_default()
    );
    EXIT_OK
}
