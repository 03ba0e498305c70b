//! The command-line contract that scripts rely on: output shape, order,
//! error records, exit codes, atomic output, stdin.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn vnplan() -> Command {
    Command::cargo_bin("vnplan").unwrap()
}

fn corpus() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .display()
        .to_string()
}

fn lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8(out.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Run vnplan with `args`, expect success, return its stdout.
fn stdout_of(args: &[&str]) -> Vec<u8> {
    vnplan()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

#[test]
fn extract_corpus_prints_ten_records_in_sorted_order() {
    let out = stdout_of(&["extract", &corpus()]);
    let recs = lines(&out);
    assert_eq!(recs.len(), 10);
    let paths: Vec<String> = recs
        .iter()
        .map(|r| r["source"]["path"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    for r in &recs {
        assert_eq!(r["schema"], "vnplan.record/1");
        assert_eq!(r["document"]["kind"], "KH");
    }
}

#[test]
fn text_and_pdf_twins_agree_on_document_fields() {
    let out = stdout_of(&["extract", &corpus()]);
    let recs = lines(&out);
    for pair in recs.chunks(2) {
        let (pdf, txt) = (&pair[0], &pair[1]);
        assert!(pdf["source"]["path"].as_str().unwrap().ends_with(".pdf"));
        assert!(txt["source"]["path"].as_str().unwrap().ends_with(".txt"));
        let strip = |d: &Value| {
            let mut d = d.clone();
            if let Some(s) = d.get_mut("signer").and_then(Value::as_object_mut) {
                for k in ["span", "line", "page", "source_span"] {
                    s.remove(k);
                }
            }
            d
        };
        assert_eq!(
            strip(&pdf["document"]),
            strip(&txt["document"]),
            "{}",
            txt["source"]["path"]
        );
        assert!(pdf["source"]["pages"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn output_does_not_depend_on_thread_count() {
    let one = stdout_of(&["extract", "-j", "1", &corpus()]);
    let two = stdout_of(&["extract", "-j", "3", &corpus()]);
    assert_eq!(one, two);
}

#[test]
fn stdin_one_line_phrase() {
    let out = vnplan()
        .args(["extract", "-"])
        .write_stdin("Hoàn thành trước ngày 19/02/2024.")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let r = &lines(&out)[0];
    assert_eq!(r["source"]["path"], "-");
    assert_eq!(r["dates"][0]["value"], "2024-02-19");
    assert_eq!(r["deadlines"][0]["relation"], "before");
}

#[test]
fn bad_inputs_give_error_records_and_exit_1_while_good_ones_succeed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a_empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("b_garbage.pdf"), b"not a pdf at all").unwrap();
    std::fs::copy(
        Path::new(&corpus()).join("000_cc024a2e262e9e8b.txt"),
        dir.path().join("c_good.txt"),
    )
    .unwrap();
    let assert = vnplan()
        .args(["extract", dir.path().to_str().unwrap()])
        .assert()
        .code(1);
    let recs = lines(&assert.get_output().stdout);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["error"]["kind"], "empty");
    assert!(recs[0]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("a_empty.txt"));
    assert_eq!(recs[1]["error"]["kind"], "malformed");
    assert_eq!(recs[2]["document"]["kind"], "KH");
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("1 record, 2 errors"), "{stderr}");
}

#[test]
fn a_path_that_does_not_exist_is_a_usage_error_named_once() {
    let assert = vnplan()
        .args(["extract", &corpus(), "/nonexistent/plan.txt"])
        .assert()
        .code(2)
        .stdout("");
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert_eq!(
        stderr.matches("/nonexistent/plan.txt").count(),
        1,
        "{stderr}"
    );
    assert!(stderr.contains("no such file or folder"), "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    vnplan().args(["extract"]).assert().code(2);
    vnplan().args(["frobnicate"]).assert().code(2);
    vnplan()
        .args(["extract", "--tone-style", "nonsense", "x.txt"])
        .assert()
        .code(2);
}

#[test]
fn output_file_is_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.jsonl");
    std::fs::write(&target, "old content\n").unwrap();
    vnplan()
        .args(["extract", &corpus(), "-o", target.to_str().unwrap()])
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&target).unwrap();
    assert_eq!(written.lines().count(), 10);
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn pretty_prints_indented_json() {
    let f = Path::new(&corpus()).join("002_3ccb0559b1a8a418.txt");
    let out = stdout_of(&["extract", "--pretty", f.to_str().unwrap()]);
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("{\n  \"schema\""));
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["document"]["issuer_level"], "xa");
}

#[test]
fn normalize_shows_the_text_spans_point_into() {
    let out = vnplan()
        .args(["normalize", "-"])
        .write_stdin("Uỷ ban nhân dân huyện\n\nchƣơng trình hoà bình")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "Ủy ban nhân dân huyện chương trình hòa bình\n"
    );
    let out = vnplan()
        .args(["normalize", "--tone-style", "hoà", "-"])
        .write_stdin("hòa thủy")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).unwrap(), "hoà thuỷ\n");
}

#[test]
fn spans_point_into_normalised_text_and_lines_into_source() {
    let f = Path::new(&corpus()).join("000_cc024a2e262e9e8b.txt");
    let norm = stdout_of(&["normalize", f.to_str().unwrap()]);
    let norm: Vec<char> = String::from_utf8(norm).unwrap().chars().collect();
    let source: Vec<String> = std::fs::read_to_string(&f)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let out = stdout_of(&["extract", f.to_str().unwrap()]);
    let r = &lines(&out)[0];
    for d in r["dates"].as_array().unwrap() {
        let (s, e) = (
            d["span"][0].as_u64().unwrap() as usize,
            d["span"][1].as_u64().unwrap() as usize,
        );
        let text: String = norm[s..e].iter().collect();
        assert_eq!(text, d["text"].as_str().unwrap());
        // The source line holds the start of the expression: its first word.
        let line = vnplan_engine::normalize::normalize_str(
            &source[d["line"].as_u64().unwrap() as usize - 1],
        );
        let first_word = text.split_whitespace().next().unwrap();
        assert!(
            line.to_lowercase().contains(&first_word.to_lowercase()),
            "line {} {:?} lacks {first_word}",
            d["line"],
            line
        );
    }
}

#[test]
fn schema_command_prints_a_json_schema() {
    let out = stdout_of(&["schema"]);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert!(v.get("$schema").is_some());
}

#[test]
fn markdown_input_gives_the_text_record() {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(&corpus()).join("001_5e32054a1d37738b.txt");
    let md = dir.path().join("plan.md");
    std::fs::copy(&src, &md).unwrap();
    let from_md = lines(&stdout_of(&["extract", md.to_str().unwrap()]));
    let from_txt = lines(&stdout_of(&["extract", src.to_str().unwrap()]));
    assert_eq!(from_md[0]["source"]["format"], "markdown");
    assert_eq!(
        from_md[0]["document"]["title"],
        from_txt[0]["document"]["title"]
    );
    assert_eq!(from_md[0]["assignments"], from_txt[0]["assignments"]);
    // Emphasis markers are gone from the text spans point into.
    let norm = String::from_utf8(stdout_of(&["normalize", md.to_str().unwrap()])).unwrap();
    assert!(
        !norm.contains("**") && norm.contains("- Đợt 1: Thứ Bảy"),
        "{norm}"
    );
}
