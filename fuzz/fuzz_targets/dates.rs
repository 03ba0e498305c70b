#![no_main]
//! dates: arbitrary UTF-8 as one paragraph through
//! `extract::dates::extract_paragraph`, with no document year.

use libfuzzer_sys::fuzz_target;
use vnplan_engine::extract::dates::{extract_paragraph, DateContext};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let _ = extract_paragraph(s, 0, &DateContext::default());
});
