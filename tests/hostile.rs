//! Hostile inputs: every file yields exactly one line with the right error
//! kind (or a record), the batch completes, and good files beside the bad
//! ones still produce records.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

fn expected() -> BTreeMap<&'static str, &'static str> {
    // file → error kind, or "record" (with the warning code after a colon).
    BTreeMap::from([
        ("zero.txt", "empty"),
        ("whitespace.txt", "empty"),
        ("random.pdf", "malformed"),
        ("truncated.pdf", "malformed"),
        ("encrypted_user.pdf", "encrypted"),
        ("encrypted_owner_only.pdf", "record"),
        ("image_only.pdf", "image_only"),
        ("big_stream.pdf", "record:not_a_plan"),
        // Overflows its stack (a crash: malformed); on a loaded machine it
        // may reach the time limit first.
        ("deep_nesting.pdf", "malformed|timeout"),
        ("deep_array.pdf", "malformed"),
        // Hangs in a release build (timeout), overflows its stack in a
        // debug build (crash): either way one error record.
        ("parent_cycle.pdf", "timeout|malformed"),
        ("invalid_utf8.txt", "record:encoding"),
        ("not_a_plan.txt", "record:not_a_plan"),
        ("no_tounicode.pdf", "unsupported_font"),
        ("good.txt", "record"),
        ("good.pdf", "record"),
        ("big.txt", "record"),
        ("dangling.txt", "io"),
        ("loop", "io"),
    ])
}

#[test]
fn every_hostile_input_gets_one_line_with_the_right_kind() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for entry in std::fs::read_dir(root.join("fixtures/hostile")).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if expected().contains_key(name.as_str()) {
            std::fs::copy(&p, d.join(&name)).unwrap();
        }
    }
    std::fs::copy(
        root.join("corpus/000_cc024a2e262e9e8b.txt"),
        d.join("good.txt"),
    )
    .unwrap();
    std::fs::copy(
        root.join("corpus/002_3ccb0559b1a8a418.pdf"),
        d.join("good.pdf"),
    )
    .unwrap();
    // A 20 MB plan (a real plan repeated).
    let plan = std::fs::read_to_string(root.join("corpus/002_3ccb0559b1a8a418.txt")).unwrap();
    let big: String = plan.repeat(20 * 1024 * 1024 / plan.len() + 1);
    std::fs::write(d.join("big.txt"), big).unwrap();
    std::os::unix::fs::symlink(d.join("nowhere.txt"), d.join("dangling.txt")).unwrap();
    std::os::unix::fs::symlink(d, d.join("loop")).unwrap();

    let assert = Command::cargo_bin("vnplan")
        .unwrap()
        .args(["extract", "--timeout", "20", d.to_str().unwrap()])
        .timeout(std::time::Duration::from_secs(600))
        .assert()
        .code(1);
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let want = expected();
    let mut seen = BTreeMap::new();
    for v in &lines {
        let path = v["source"]["path"].as_str().unwrap();
        let name = Path::new(path)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let got = match v.get("error") {
            Some(e) => e["kind"].as_str().unwrap().to_string(),
            None => "record".to_string(),
        };
        let expect = want
            .get(name.as_str())
            .unwrap_or_else(|| panic!("unexpected output for {name}"));
        let (kind, warning) = expect.split_once(':').unwrap_or((expect, ""));
        assert!(
            kind.split('|').any(|k| k == got),
            "{name}: expected {expect}, got {got}: {v}"
        );
        if !warning.is_empty() {
            let codes: Vec<&str> = v["warnings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|w| w["code"].as_str().unwrap())
                .collect();
            assert!(
                codes.contains(&warning),
                "{name}: expected warning {warning}, got {codes:?}"
            );
        }
        if let Some(e) = v.get("error") {
            assert!(
                e["message"].as_str().unwrap().contains(&name),
                "{name}: the message must name the file"
            );
        }
        *seen.entry(name).or_insert(0) += 1;
    }
    for name in want.keys() {
        assert_eq!(
            seen.get(*name),
            Some(&1),
            "{name} must yield exactly one line"
        );
    }
    assert_eq!(lines.len(), want.len());
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("19 documents"), "{stderr}");
}
