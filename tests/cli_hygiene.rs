//! What a new user runs into: closed pipes, standard input of any format,
//! files that are not what their name says, output files that must not be
//! clobbered, and the small flags (`-j 0`, `--quiet`, completions, help).

use assert_cmd::Command;
use serde_json::Value;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;

fn vnplan() -> Command {
    Command::cargo_bin("vnplan").unwrap()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn corpus_file(name: &str) -> PathBuf {
    root().join("corpus").join(name)
}

/// Run vnplan with `args` (and `stdin`), expect success, return its stdout.
fn stdout_of(args: &[&str], stdin: Option<Vec<u8>>) -> Vec<u8> {
    let mut cmd = vnplan();
    cmd.args(args);
    if let Some(bytes) = stdin {
        cmd.write_stdin(bytes);
    }
    cmd.assert().success().get_output().stdout.clone()
}

fn one_line(out: &[u8]) -> Value {
    let text = String::from_utf8(out.to_vec()).unwrap();
    let mut lines = text.lines();
    let v = serde_json::from_str(lines.next().expect("one line")).unwrap();
    assert!(lines.next().is_none(), "more than one line: {text}");
    v
}

/// Run the binary with its stdout read for `keep` bytes and then closed.
fn with_closed_pipe(args: &[&str], keep: usize) -> (Option<i32>, String) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vnplan"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut buf = vec![0u8; keep];
    stdout.read_exact(&mut buf).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    (child.wait().unwrap().code(), stderr)
}

#[test]
fn a_closed_pipe_ends_the_run_quietly_with_status_0() {
    let corpus = root().join("corpus");
    let (code, stderr) = with_closed_pipe(&["extract", "-j", "1", corpus.to_str().unwrap()], 100);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
    let txt = corpus_file("000_cc024a2e262e9e8b.txt");
    let (code, stderr) = with_closed_pipe(&["normalize", txt.to_str().unwrap()], 10);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn standard_input_is_read_by_its_magic_bytes() {
    let pdf = std::fs::read(corpus_file("002_3ccb0559b1a8a418.pdf")).unwrap();
    let out = stdout_of(&["extract", "-"], Some(pdf));
    let r = one_line(&out);
    assert_eq!(r["source"]["format"], "pdf");
    assert_eq!(r["document"]["kind"], "KH");
    let docx = std::fs::read(root().join("fixtures/docx/plan_numbering.docx")).unwrap();
    let out = stdout_of(&["extract", "-"], Some(docx));
    let r = one_line(&out);
    assert_eq!(r["source"]["format"], "docx");
    assert!(r["sections"].as_array().unwrap().len() > 3, "{r}");
}

#[test]
fn rtf_and_legacy_word_files_are_classified_under_any_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    std::fs::write(dir.path().join("a_letter.doc"), &ole).unwrap();
    std::fs::write(dir.path().join("b_saved_as.txt"), &ole).unwrap();
    std::fs::write(
        dir.path().join("c_report.rtf"),
        b"{\\rtf1\\ansi K\\'ea ho\\'e1ch}",
    )
    .unwrap();
    std::fs::write(dir.path().join("d_rtf_named.docx"), b"{\\rtf1\\ansi x}").unwrap();
    std::fs::write(dir.path().join("e_table.csv"), b"a,b\n1,2\n").unwrap();
    let assert = vnplan()
        .args(["extract", dir.path().to_str().unwrap()])
        .assert()
        .code(1);
    let text = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let recs: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // The .doc gets a record of its own (never a silent skip); the .csv does not.
    // These OLE files are empty shells: a damaged Word file, not an unknown one.
    assert_eq!(recs.len(), 4, "{text}");
    for r in &recs[..2] {
        assert_eq!(r["error"]["kind"], "malformed", "{r}");
    }
    for r in &recs[2..] {
        assert_eq!(r["error"]["kind"], "unsupported_format", "{r}");
    }
    assert_eq!(recs[0]["source"]["format"], "doc");
    assert_eq!(recs[1]["source"]["format"], "doc");
    assert_eq!(recs[2]["source"]["format"], "rtf");
    assert_eq!(recs[3]["source"]["format"], "rtf");
    assert!(recs[1]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("b_saved_as.txt"));
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("skipped 1 file"), "{stderr}");
}

#[test]
fn standard_input_over_the_size_limit_is_too_large_not_cut_off() {
    // 256 MiB + 1 byte of text, streamed.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vnplan"))
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..256 {
            if stdin.write_all(&chunk).is_err() {
                return;
            }
        }
        let _ = stdin.write_all(b"b");
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let r = one_line(&out.stdout);
    assert_eq!(r["error"]["kind"], "too_large", "{r}");
    assert_eq!(r["source"]["path"], "-");
}

#[test]
fn output_file_gets_the_umask_mode_and_bad_targets_are_refused_before_work() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let txt = corpus_file("000_cc024a2e262e9e8b.txt");
    let target = dir.path().join("out.jsonl");
    vnplan()
        .args([
            "extract",
            txt.to_str().unwrap(),
            "-o",
            target.to_str().unwrap(),
        ])
        .assert()
        .success();
    // SAFETY: reading the process umask in a test binary (restored at once).
    let mask = unsafe {
        let old = libc::umask(0o022);
        libc::umask(old);
        old
    } as u32;
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o666 & !mask, "mode {mode:o}");

    // A folder as the output.
    let assert = vnplan()
        .args([
            "extract",
            txt.to_str().unwrap(),
            "-o",
            dir.path().to_str().unwrap(),
        ])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("is a folder"), "{stderr}");
    // One of the inputs as the output: refused, the input untouched.
    let input = dir.path().join("plan.txt");
    std::fs::copy(&txt, &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let assert = vnplan()
        .args([
            "extract",
            input.to_str().unwrap(),
            "-o",
            input.to_str().unwrap(),
        ])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("one of the inputs"), "{stderr}");
    assert_eq!(std::fs::read(&input).unwrap(), before);
    // A folder that does not exist: the path is named.
    let nowhere = dir.path().join("no/such/dir/out.jsonl");
    let assert = vnplan()
        .args([
            "extract",
            txt.to_str().unwrap(),
            "-o",
            nowhere.to_str().unwrap(),
        ])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("no/such/dir"), "{stderr}");
}

#[test]
fn small_flags_behave() {
    let txt = corpus_file("000_cc024a2e262e9e8b.txt");
    // -j 0 is an error, not a hang or a silent default.
    vnplan()
        .args(["extract", "-j", "0", txt.to_str().unwrap()])
        .assert()
        .code(2);
    // --quiet: nothing on stderr.
    vnplan()
        .args(["extract", "--quiet", txt.to_str().unwrap()])
        .assert()
        .success()
        .stderr("");
    // --with-text: the text every span points into, with its paragraphs.
    let out = stdout_of(&["extract", "--with-text", txt.to_str().unwrap()], None);
    let r = one_line(&out);
    let text: Vec<char> = r["text"]["text"].as_str().unwrap().chars().collect();
    let d = &r["dates"][0];
    let span = (
        d["span"][0].as_u64().unwrap() as usize,
        d["span"][1].as_u64().unwrap() as usize,
    );
    assert_eq!(
        text[span.0..span.1].iter().collect::<String>(),
        d["text"].as_str().unwrap()
    );
    let paras = r["text"]["paragraphs"].as_array().unwrap();
    assert_eq!(
        paras.len() as u64,
        r["stats"]["paragraphs"].as_u64().unwrap()
    );
    assert!(paras
        .iter()
        .any(|p| p["part"] == "body" && p["section"].is_string()));
    // Without it, no text.
    let out = stdout_of(&["extract", txt.to_str().unwrap()], None);
    assert!(one_line(&out).get("text").is_none());
    // Completions for a shell, and the help that names exit codes and error kinds.
    let out = stdout_of(&["completions", "bash"], None);
    assert!(String::from_utf8(out).unwrap().contains("vnplan"));
    let out = stdout_of(&["extract", "--help"], None);
    let help = String::from_utf8(out).unwrap();
    assert!(
        help.contains("Exit status") && help.contains("image_only"),
        "{help}"
    );
}
