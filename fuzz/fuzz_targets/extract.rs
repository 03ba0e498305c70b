#![no_main]
//! extract: any bytes through the whole text pipeline (`process_bytes` with
//! a `.txt` name). Errors are fine; panics are not.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = vnplan_engine::process_bytes("fuzz.txt", data, None, &vnplan_engine::Options::default());
});
