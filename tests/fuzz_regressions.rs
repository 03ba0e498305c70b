//! Fuzz regressions: every `fixtures/fuzz/<target>-<hash>.bin` is fed to the
//! stage its fuzz target (`fuzz/fuzz_targets/<target>.rs`) exercises, and
//! must come back without panicking. Minimised crashers from `cargo fuzz
//! tmin` go here, next to a few interesting corpus seeds.
//!
//! The prefix before the first `-` names the target: `normalize`, `segment`,
//! `extract`, `text_decoding`, `docx` or `dates`. An unknown prefix fails the
//! test, so a misnamed file cannot be skipped silently.

use std::path::{Path, PathBuf};

use vnplan_engine::extract::dates::{extract_paragraph, DateContext};
use vnplan_engine::normalize::{normalize, NormalizeOptions};

const TARGETS: &[&str] = &[
    "normalize",
    "segment",
    "extract",
    "text_decoding",
    "docx",
    "dates",
];

/// Runs one input through the stage named by `target`, exactly as the fuzz
/// target does (UTF-8 targets skip invalid UTF-8).
fn run_stage(target: &str, data: &[u8]) {
    match target {
        "normalize" => {
            let Ok(s) = std::str::from_utf8(data) else {
                return;
            };
            let n = normalize(s, &[], &NormalizeOptions::default());
            let raw_chars = s.chars().count();
            for i in 0..n.text.chars().count() {
                let o = n.raw_offset(i);
                assert!(
                    o <= raw_chars,
                    "raw_offset({i}) = {o} > raw char count {raw_chars}"
                );
            }
        }
        "segment" => {
            let Ok(s) = std::str::from_utf8(data) else {
                return;
            };
            let norm = normalize(s, &[], &NormalizeOptions::default());
            let _ = vnplan_engine::segment::segment(&norm);
        }
        "extract" => {
            let _ = vnplan_engine::process_bytes(
                "fuzz.txt",
                data,
                None,
                &vnplan_engine::Options::default(),
            );
        }
        "text_decoding" => {
            let _ = vnplan_engine::ingest::text::decode_text(data);
        }
        "docx" => {
            let _ = vnplan_engine::ingest::docx::extract(data);
        }
        "dates" => {
            let Ok(s) = std::str::from_utf8(data) else {
                return;
            };
            let _ = extract_paragraph(s, 0, &DateContext::default());
        }
        other => unreachable!("unknown target {other}"),
    }
}

fn fixture_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/fuzz");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "bin"))
        .collect();
    files.sort();
    files
}

#[test]
fn fuzz_regressions_do_not_panic() {
    let files = fixture_files();
    assert!(!files.is_empty(), "fixtures/fuzz/ holds no .bin files");

    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(target) = name.split('-').next().filter(|t| TARGETS.contains(t)) else {
            failures.push(format!(
                "{name}: name does not start with a known target ({}) followed by '-'",
                TARGETS.join(", ")
            ));
            continue;
        };
        let data = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
        // catch_unwind only to name the failing file; the panic message itself
        // is printed by the default hook just above.
        let outcome = std::panic::catch_unwind(|| run_stage(target, &data));
        if let Err(payload) = outcome {
            let msg = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or("(non-string panic payload)");
            failures.push(format!("{name} ({target}): panicked: {msg}"));
        }
    }

    assert!(
        failures.is_empty(),
        "{} of {} fuzz regression input(s) failed:\n  {}",
        failures.len(),
        files.len(),
        failures.join("\n  ")
    );
}
