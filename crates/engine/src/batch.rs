//! Batches: walking input paths, running documents in parallel, and
//! streaming one output line per input, in input order.
//!
//! Every input yields exactly one line — a record or an error record — so a
//! batch accounts for every file. Documents are processed in bounded windows
//! on a rayon pool and written in order, so memory does not grow with the
//! batch and the output does not depend on the number of threads.
//!
//! PDF parsing can hang, abort or overflow its stack on hostile files (an
//! abort cannot be caught in-process), so with [`Isolation`] each PDF is
//! read by a child process under a wall-clock and memory limit: a bad file
//! costs one error record, never the batch. With `resume`, records already
//! in a previous output for unchanged files (same sha256) are reused.

use crate::error::DocError;
use crate::ingest::Format;
use crate::pipeline::{process_bytes, sha256_hex, Options};
use crate::record::{ErrorInfo, ErrorRecord, ErrorSource, Output, SCHEMA_VERSION};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Largest input read into memory; larger files get a `too_large` error.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// One thing to process.
#[derive(Debug, Clone)]
pub enum Input {
    File {
        path: PathBuf,
        display: String,
    },
    Stdin,
    /// A path that could not even be listed (unreadable folder, loop).
    Unreachable {
        display: String,
        reason: String,
    },
}

impl Input {
    pub fn display(&self) -> &str {
        match self {
            Input::File { display, .. } | Input::Unreachable { display, .. } => display,
            Input::Stdin => "-",
        }
    }
}

/// What walking found besides inputs.
#[derive(Debug, Default)]
pub struct WalkReport {
    /// Files in folders skipped because their extension is not a format we read.
    pub skipped: Vec<String>,
}

/// Expand the command-line paths: files as given, folders walked
/// recursively in sorted path order, `-` for standard input.
pub fn collect_inputs(paths: &[String]) -> (Vec<Input>, WalkReport) {
    let mut inputs = Vec::new();
    let mut report = WalkReport::default();
    for p in paths {
        if p == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let path = PathBuf::from(p);
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => {
                let mut seen = Vec::new();
                walk(&path, &mut inputs, &mut report, &mut seen);
            }
            Ok(_) => inputs.push(Input::File {
                display: p.clone(),
                path,
            }),
            Err(e) => inputs.push(Input::Unreachable {
                display: p.clone(),
                reason: e.to_string(),
            }),
        }
    }
    (inputs, report)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, report: &mut WalkReport, seen: &mut Vec<PathBuf>) {
    let display = dir.display().to_string();
    // Symlink loops: never enter a folder twice on one path.
    let canonical = match std::fs::canonicalize(dir) {
        Ok(c) => c,
        Err(e) => {
            inputs.push(Input::Unreachable {
                display,
                reason: e.to_string(),
            });
            return;
        }
    };
    if seen.contains(&canonical) {
        inputs.push(Input::Unreachable {
            display,
            reason: "symbolic link loop".into(),
        });
        return;
    }
    seen.push(canonical);
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            inputs.push(Input::Unreachable {
                display,
                reason: e.to_string(),
            });
            seen.pop();
            return;
        }
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => paths.push(e.path()),
            Err(e) => inputs.push(Input::Unreachable {
                display: display.clone(),
                reason: e.to_string(),
            }),
        }
    }
    paths.sort();
    for path in paths {
        let shown = path.display().to_string();
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, inputs, report, seen),
            Ok(_) => {
                if Format::from_path(&shown).is_some() {
                    inputs.push(Input::File {
                        path,
                        display: shown,
                    });
                } else {
                    report.skipped.push(shown);
                }
            }
            Err(e) => {
                // A dangling link or unreadable entry: report it, whatever its name.
                inputs.push(Input::Unreachable {
                    display: shown,
                    reason: e.to_string(),
                });
            }
        }
    }
    seen.pop();
}

/// Read an input's bytes.
fn read_input(input: &Input) -> Result<Vec<u8>, DocError> {
    match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .take(MAX_INPUT_BYTES + 1)
                .read_to_end(&mut buf)
                .map_err(|e| DocError::Io {
                    path: "-".into(),
                    source: e,
                })?;
            Ok(buf)
        }
        Input::File { path, display } => {
            let io = |e| DocError::Io {
                path: display.clone(),
                source: e,
            };
            let meta = std::fs::metadata(path).map_err(io)?;
            if meta.len() > MAX_INPUT_BYTES {
                return Err(DocError::TooLarge(format!(
                    "{} bytes (limit {MAX_INPUT_BYTES})",
                    meta.len()
                )));
            }
            std::fs::read(path).map_err(|e| DocError::Io {
                path: display.clone(),
                source: e,
            })
        }
        Input::Unreachable { display, reason } => Err(DocError::Io {
            path: display.clone(),
            source: std::io::Error::other(reason.clone()),
        }),
    }
}

/// Process one input into one output line.
pub fn process_input(input: &Input, opts: &Options) -> Output {
    let display = input.display().to_string();
    let format = match input {
        Input::Stdin => Some(Format::Text),
        _ => None,
    };
    let bytes = match read_input(input) {
        Ok(b) => b,
        Err(e) => return error_output(&display, None, None, &e),
    };
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        process_bytes(&display, &bytes, format, opts)
    }));
    match result {
        Ok(Ok(record)) => Output::Record(Box::new(record)),
        Ok(Err(e)) => error_output(
            &display,
            format.or_else(|| Format::from_path(&display)),
            Some(&bytes),
            &e,
        ),
        Err(_) => error_output(
            &display,
            format.or_else(|| Format::from_path(&display)),
            Some(&bytes),
            &DocError::Internal("a processing stage panicked; please report this file".into()),
        ),
    }
}

pub fn error_output(
    path: &str,
    format: Option<Format>,
    bytes: Option<&[u8]>,
    e: &DocError,
) -> Output {
    Output::Error(ErrorRecord {
        schema: SCHEMA_VERSION.to_string(),
        source: ErrorSource {
            path: path.to_string(),
            format: format.map(|f| f.name().to_string()),
            sha256: bytes.map(sha256_hex),
            bytes: bytes.map(|b| b.len() as u64),
        },
        error: ErrorInfo {
            kind: e.kind().to_string(),
            message: format!("{path}: {e}"),
        },
    })
}

/// Counts for the summary.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub records: usize,
    pub reused: usize,
    pub errors: Vec<(String, String, String)>, // (path, kind, message)
}

/// Running risky inputs in a child process.
#[derive(Debug, Clone)]
pub struct Isolation {
    /// The `vnplan` executable to run as `vnplan __worker PATH`.
    pub exe: PathBuf,
    pub timeout: Duration,
    /// Address-space limit for the child, in bytes (0 = none).
    pub max_memory: u64,
    /// Extra arguments for the worker (options such as `--tone-style`).
    pub worker_args: Vec<String>,
}

/// How a batch runs.
#[derive(Debug, Clone, Default)]
pub struct BatchOptions {
    pub jobs: usize,
    pub pretty: bool,
    pub isolation: Option<Isolation>,
    /// Output lines of a previous run, by source path: (sha256, line).
    pub resume: HashMap<String, (String, String)>,
}

/// One finished input: its output line and whether it is an error.
struct Done {
    line: String,
    error: Option<(String, String, String)>,
    reused: bool,
}

fn render(output: &Output, pretty: bool) -> String {
    let r = if pretty {
        serde_json::to_string_pretty(output)
    } else {
        serde_json::to_string(output)
    };
    r.unwrap_or_else(|e| {
        format!("{{\"error\":{{\"kind\":\"internal\",\"message\":\"cannot serialise: {e}\"}}}}")
    })
}

fn done_from_output(output: &Output, pretty: bool) -> Done {
    let error = match output {
        Output::Record(_) => None,
        Output::Error(e) => Some((
            e.source.path.clone(),
            e.error.kind.clone(),
            e.error.message.clone(),
        )),
    };
    Done {
        line: render(output, pretty),
        error,
        reused: false,
    }
}

/// A line produced elsewhere (a worker, a previous run): classify it.
fn done_from_line(line: String, pretty: bool, reused: bool) -> Done {
    let value: serde_json::Value = serde_json::from_str(&line).unwrap_or(serde_json::Value::Null);
    let error = value.get("error").map(|e| {
        (
            value["source"]["path"].as_str().unwrap_or("").to_string(),
            e["kind"].as_str().unwrap_or("internal").to_string(),
            e["message"].as_str().unwrap_or("").to_string(),
        )
    });
    let line = if pretty {
        serde_json::to_string_pretty(&value).unwrap_or(line)
    } else {
        line
    };
    Done {
        line,
        error,
        reused,
    }
}

fn process_one(input: &Input, opts: &Options, batch: &BatchOptions) -> Done {
    // Resume: an unchanged file keeps the line it had.
    if let (Input::File { path, display }, false) = (input, batch.resume.is_empty()) {
        if let Some((sha, line)) = batch.resume.get(display) {
            if let Ok(bytes) = std::fs::read(path) {
                if sha256_hex(&bytes) == *sha {
                    return done_from_line(line.clone(), batch.pretty, true);
                }
            }
        }
    }
    match (&batch.isolation, input) {
        (Some(iso), Input::File { display, .. })
            if Format::from_path(display) == Some(Format::Pdf) =>
        {
            run_isolated(iso, input, batch.pretty)
        }
        _ => done_from_output(&process_input(input, opts), batch.pretty),
    }
}

/// Run one input in a child `vnplan __worker` under the limits.
fn run_isolated(iso: &Isolation, input: &Input, pretty: bool) -> Done {
    use wait_timeout::ChildExt;
    let Input::File { path, display } = input else {
        unreachable!("only files are isolated")
    };
    let fail = |kind: DocError| {
        let bytes = std::fs::read(path).ok();
        done_from_output(
            &error_output(display, Format::from_path(display), bytes.as_deref(), &kind),
            pretty,
        )
    };
    let mut cmd = std::process::Command::new(&iso.exe);
    cmd.arg("__worker")
        .args(&iso.worker_args)
        .arg("--display")
        .arg(display)
        .arg(path);
    cmd.stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null());
    limit_memory(&mut cmd, iso.max_memory);
    // Its own process group, so a timeout kills everything it started.
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return fail(DocError::Internal(format!(
                "cannot start the isolated worker {}: {e}",
                iso.exe.display()
            )))
        }
    };
    // Read stdout on a thread so a large record cannot block the child.
    let mut stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let status = match child.wait_timeout(iso.timeout) {
        Ok(Some(status)) => status,
        Ok(None) => {
            // SAFETY: kill(2) on the child's process group, which we created.
            unsafe {
                libc::kill(-(child.id() as libc::pid_t), libc::SIGKILL);
            }
            let _ = child.kill();
            let _ = child.wait();
            // The reader ends when the last writer is gone; do not wait for it.
            drop(reader);
            return fail(DocError::Timeout(iso.timeout.as_secs()));
        }
        Err(e) => {
            return fail(DocError::Internal(format!(
                "cannot wait for the worker: {e}"
            )))
        }
    };
    let out = reader.join().unwrap_or_default();
    let line = out.lines().next().unwrap_or("").to_string();
    if status.success() && !line.is_empty() {
        return done_from_line(line, pretty, false);
    }
    use std::os::unix::process::ExitStatusExt;
    let why = match status.signal() {
        Some(sig) if sig == libc::SIGKILL || sig == libc::SIGABRT || sig == libc::SIGSEGV => format!(
            "the PDF parser crashed (signal {sig}: stack overflow, abort or the {} MiB memory limit)",
            iso.max_memory / (1024 * 1024)
        ),
        Some(sig) => format!("the PDF parser was killed by signal {sig}"),
        None => format!("the PDF worker failed (exit status {})", status.code().unwrap_or(-1)),
    };
    fail(DocError::Malformed(why))
}

/// Limit the child's address space (Unix). Hand-written because no crate
/// offers a pre-exec rlimit for `std::process::Command`.
fn limit_memory(cmd: &mut std::process::Command, bytes: u64) {
    if bytes == 0 {
        return;
    }
    use std::os::unix::process::CommandExt;
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between
    // fork and exec here.
    unsafe {
        cmd.pre_exec(move || {
            let lim = libc::rlimit {
                rlim_cur: bytes as libc::rlim_t,
                rlim_max: bytes as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

/// Read the records of a previous output file for `--resume`: by source
/// path, its sha256 and the line. Error records are not reused (the file
/// may have been fixed), and unreadable lines are ignored.
pub fn load_resume(path: &Path) -> std::io::Result<HashMap<String, (String, String)>> {
    let mut map = HashMap::new();
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(map),
        Err(e) => return Err(e),
    };
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if v.get("error").is_some() {
            continue;
        }
        if let (Some(p), Some(sha)) = (v["source"]["path"].as_str(), v["source"]["sha256"].as_str())
        {
            map.insert(p.to_string(), (sha.to_string(), line.to_string()));
        }
    }
    Ok(map)
}

/// Run `inputs`, writing one output line per input to `out` in input
/// order. `progress` is called after each document.
pub fn run(
    inputs: &[Input],
    opts: &Options,
    batch: &BatchOptions,
    out: &mut dyn Write,
    progress: &(dyn Fn() + Sync),
) -> std::io::Result<Summary> {
    let jobs = batch.jobs.max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("vnplan-{i}"))
        .build()
        .map_err(std::io::Error::other)?;
    let window = (jobs * 4).max(8);
    let mut summary = Summary::default();
    for chunk in inputs.chunks(window) {
        let done: Vec<Done> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| {
                    let d = process_one(input, opts, batch);
                    progress();
                    d
                })
                .collect()
        });
        for d in done {
            match d.error {
                None => summary.records += 1,
                Some(e) => summary.errors.push(e),
            }
            if d.reused {
                summary.reused += 1;
            }
            out.write_all(d.line.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(summary)
}
