#![no_main]
//! normalize: arbitrary UTF-8 through `normalize::normalize`, plus the
//! offset-map invariant: every normalised character maps to a raw character
//! offset within the raw text.

use libfuzzer_sys::fuzz_target;
use vnplan_engine::normalize::{normalize, NormalizeOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let n = normalize(s, &[], &NormalizeOptions::default());
    let raw_chars = s.chars().count();
    let norm_chars = n.text.chars().count();
    for i in 0..norm_chars {
        let o = n.raw_offset(i);
        assert!(
            o <= raw_chars,
            "raw_offset({i}) = {o} > raw char count {raw_chars} (normalised chars {norm_chars})"
        );
    }
});
