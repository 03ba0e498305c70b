#![no_main]
//! text_decoding: any bytes through `ingest::text::decode_text`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = vnplan_engine::ingest::text::decode_text(data);
});
