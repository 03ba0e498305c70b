#![no_main]
//! docx: any bytes through the DOCX reader, `ingest::docx::extract`.
//! Errors are fine; panics, hangs and unbounded memory are not.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = vnplan_engine::ingest::docx::extract(data);
});
