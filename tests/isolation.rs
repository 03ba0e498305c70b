//! Batch guarantees: PDFs run in a child process under a time and memory
//! limit (tested with stand-in workers that hang, crash or answer), every
//! input yields one line, and `--resume` reuses unchanged records.

use assert_cmd::Command;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;
use vnplan_engine::batch::{self, BatchOptions, Input, Isolation};
use vnplan_engine::record::sink::JsonLines;

fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    p
}

/// Run one input through the batch with the worker started by `args`; the
/// output as JSON Lines, text included (the worker's reply carries it).
/// `vnplan extract INPUTS -o OUT --resume`; its stderr.
fn resume(inputs: &Path, out: &Path) -> String {
    let assert = Command::cargo_bin("vnplan")
        .unwrap()
        .args([
            "extract",
            inputs.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--resume",
        ])
        .assert()
        .success();
    String::from_utf8_lossy(&assert.get_output().stderr).to_string()
}

/// The output of a fresh run over `inputs` equals the file `out`.
fn assert_same_as_fresh_run(inputs: &Path, out: &Path) {
    let fresh = Command::cargo_bin("vnplan")
        .unwrap()
        .args(["extract", inputs.to_str().unwrap()])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(std::fs::read(out).unwrap(), fresh);
}

fn run_with(args: &[&std::ffi::OsStr], timeout: Duration, input: &Path) -> serde_json::Value {
    let iso = Isolation {
        command: args.iter().map(Into::into).collect(),
        timeout,
        max_memory: 0,
    };
    let opts = BatchOptions {
        jobs: 1,
        isolation: Some(iso),
        ..Default::default()
    };
    let inputs = vec![Input::File {
        path: input.to_path_buf(),
        display: input.display().to_string(),
    }];
    let mut out = Vec::new();
    batch::run(
        &inputs,
        &vnplan_engine::Options::default(),
        &opts,
        &mut JsonLines::new(&mut out).with_text(true),
        &|| {},
    )
    .unwrap();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn a_hanging_worker_costs_one_timeout_record() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("hangs.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 whatever").unwrap();
    let exe = script(dir.path(), "hang", "sleep 30");
    let started = std::time::Instant::now();
    let v = run_with(&[exe.as_os_str()], Duration::from_secs(1), &pdf);
    assert_eq!(v["error"]["kind"], "timeout");
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("hangs.pdf"));
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "the worker was not killed"
    );
}

#[test]
fn a_crashing_worker_costs_one_malformed_record() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("crashes.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 whatever").unwrap();
    let exe = script(dir.path(), "crash", "kill -ABRT $$");
    let v = run_with(&[exe.as_os_str()], Duration::from_secs(10), &pdf);
    assert_eq!(v["error"]["kind"], "malformed");
    assert!(
        v["error"]["message"].as_str().unwrap().contains("crashed"),
        "{v}"
    );
    assert!(v["source"]["sha256"].is_string());
}

#[test]
fn the_real_worker_gives_the_in_process_record() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let pdf = corpus.join("002_3ccb0559b1a8a418.pdf");
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_vnplan"));
    let isolated = run_with(
        &[exe.as_os_str(), "__worker".as_ref()],
        Duration::from_secs(60),
        &pdf,
    );
    let direct = serde_json::to_value(batch::process_input(
        &Input::File {
            path: pdf.clone(),
            display: pdf.display().to_string(),
        },
        &vnplan_engine::Options::default(),
    ))
    .unwrap();
    // Text and all: the worker's typed reply loses nothing.
    assert!(isolated["text"]["paragraphs"].as_array().unwrap().len() > 10);
    assert_eq!(isolated, direct);
}

#[test]
fn resume_reuses_unchanged_records_and_redoes_changed_ones() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    for f in [
        "000_cc024a2e262e9e8b.txt",
        "002_3ccb0559b1a8a418.txt",
        "004_5d482c3e998a6817.txt",
    ] {
        std::fs::copy(corpus.join(f), inputs.join(f)).unwrap();
    }
    let out = dir.path().join("out.jsonl");
    let vnplan = || Command::cargo_bin("vnplan").unwrap();
    vnplan()
        .args([
            "extract",
            inputs.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .assert()
        .success();
    // Change one input, add another.
    let changed = inputs.join("002_3ccb0559b1a8a418.txt");
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\nHoàn thành trước ngày 30/6/2024.\n");
    std::fs::write(&changed, text).unwrap();
    std::fs::copy(
        corpus.join("003_a4ed769a8ef47ae9.txt"),
        inputs.join("003_a4ed769a8ef47ae9.txt"),
    )
    .unwrap();
    let stderr = resume(&inputs, &out);
    assert!(stderr.contains("2 record(s) reused"), "{stderr}");
    // The resumed file equals a fresh run over the same inputs.
    assert_same_as_fresh_run(&inputs, &out);
}

#[test]
fn an_interrupted_run_leaves_no_output_and_resume_picks_up_what_it_finished() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    // Enough work to be interrupted in the middle.
    let plan = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/002_3ccb0559b1a8a418.txt"),
    )
    .unwrap();
    for i in 0..400 {
        std::fs::write(inputs.join(format!("{i:04}.txt")), &plan).unwrap();
    }
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let target = out_dir.join("records.jsonl");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vnplan"))
        .args([
            "extract",
            "-j",
            "1",
            inputs.to_str().unwrap(),
            "-o",
            target.to_str().unwrap(),
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    // SAFETY: signalling our own child.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    let status = child.wait().unwrap();
    assert!(!status.success(), "the run should have been interrupted");
    // No output and no temporary file; only the side file of the records
    // finished so far, which --resume picks up.
    let left: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        left,
        vec![".records.jsonl.partial".to_string()],
        "left behind: {left:?}"
    );
    let kept = std::fs::read_to_string(out_dir.join(".records.jsonl.partial")).unwrap();
    let kept = kept.lines().filter(|l| l.ends_with('}')).count();
    assert!(kept > 0 && kept < 400, "{kept} records kept");
    let stderr = resume(&inputs, &target);
    assert!(
        stderr.contains(&format!("{kept} record(s) reused")),
        "{stderr}"
    );
    assert_same_as_fresh_run(&inputs, &target);
    let left: Vec<_> = std::fs::read_dir(&out_dir).unwrap().collect();
    assert_eq!(left.len(), 1, "the side file is gone after a complete run");
}

#[test]
fn workers_are_reused_across_files_and_a_crash_costs_one_file() {
    // A stand-in worker that logs each start and crashes on `crash.pdf`;
    // other requests go to the real worker, one per request.
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("starts.log");
    let exe = script(
        dir.path(),
        "worker",
        &format!(
            "echo start >> '{log}'\nwhile IFS= read -r line; do\n  case \"$line\" in\n    *crash.pdf*) kill -ABRT $$ ;;\n    *) printf '%s\\n' \"$line\" | '{vnplan}' __worker ;;\n  esac\ndone",
            log = log.display(),
            vnplan = env!("CARGO_BIN_EXE_vnplan"),
        ),
    );
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    pdfs.sort();
    let crash = dir.path().join("crash.pdf");
    std::fs::write(&crash, b"%PDF-1.4 crashes the parser").unwrap();
    // Three good files, the crash, two good files.
    let order: Vec<&Path> = vec![&pdfs[0], &pdfs[1], &pdfs[2], &crash, &pdfs[3], &pdfs[4]];
    let inputs: Vec<Input> = order
        .iter()
        .map(|p| Input::File {
            path: p.to_path_buf(),
            display: p.display().to_string(),
        })
        .collect();
    let opts = BatchOptions {
        jobs: 1,
        isolation: Some(Isolation {
            command: vec![exe.into()],
            timeout: Duration::from_secs(60),
            max_memory: 0,
        }),
        ..Default::default()
    };
    let mut out = Vec::new();
    batch::run(
        &inputs,
        &vnplan_engine::Options::default(),
        &opts,
        &mut JsonLines::new(&mut out),
        &|| {},
    )
    .unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6);
    for (i, v) in lines.iter().enumerate() {
        if i == 3 {
            assert_eq!(v["error"]["kind"], "malformed", "{v}");
            assert!(
                v["error"]["message"].as_str().unwrap().contains("crashed"),
                "{v}"
            );
        } else {
            assert!(v["error"].is_null(), "{v}");
            // The same record as read in this process.
            let direct =
                vnplan_engine::batch::process_input(&inputs[i], &vnplan_engine::Options::default());
            let mut direct = serde_json::to_value(direct).unwrap();
            direct.as_object_mut().unwrap().remove("text");
            assert_eq!(v, &direct);
        }
    }
    // One worker for the first three files and the crash, one more for
    // the crash's second try (a used worker may have died of earlier
    // files), one for the last two: three starts for six files.
    let starts = std::fs::read_to_string(&log).unwrap().lines().count();
    assert_eq!(starts, 3);
}
