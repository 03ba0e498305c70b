#![no_main]
//! docx: any bytes through `ingest::docx::extract` (a stub returning an
//! error until the DOCX reader lands; the target is kept so it fuzzes the
//! real reader as soon as it exists).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = vnplan_engine::ingest::docx::extract(data);
});
