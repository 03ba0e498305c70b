#![no_main]
//! segment: arbitrary UTF-8 → normalise → `segment::segment`.

use libfuzzer_sys::fuzz_target;
use vnplan_engine::normalize::{normalize, NormalizeOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let norm = normalize(s, &[], &NormalizeOptions::default());
    let _ = vnplan_engine::segment::segment(&norm);
});
