//! Batches: walking input paths, running documents in parallel, and
//! streaming one output line per input, in input order.
//!
//! Every input yields exactly one line — a record or an error record — so a
//! batch accounts for every file. Documents are processed in bounded windows
//! on a rayon pool and written in order, so memory does not grow with the
//! batch and the output does not depend on the number of threads.
//!
//! Outputs go to a [`Sink`] as typed values, in input order; the runner
//! renders nothing itself.
//!
//! PDF parsing can hang, abort or overflow its stack on hostile files (an
//! abort cannot be caught in-process), so with [`Isolation`] each PDF is
//! read by a child process under a wall-clock and memory limit: a bad file
//! costs one error record, never the batch. The children are long-lived
//! workers reused across files (`workers.rs`), replaced when one fails. The child speaks a typed
//! protocol ([`WorkerRequest`] in, [`WorkerReply`] out, one JSON line each;
//! [`serve_worker`] is its side) and the command that starts it is the
//! caller's to give. With `resume`, outputs of a previous run for unchanged
//! files (same path and sha256) are reused.

use crate::assemble::sha256_hex;
use crate::error::DocError;
use crate::ingest::{self, Format};
use crate::pipeline::{process_bytes, Options};
use crate::record::sink::Sink;
use crate::record::{ErrorInfo, ErrorRecord, ErrorSource, Output, SCHEMA_VERSION};
use crate::workers::Pool;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::ffi::OsString;
use std::io::{BufRead, Read, Write};
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
    /// Files in folders skipped because their extension is not a document
    /// format (`.csv`, `.xlsx`, images…). `.doc` files are read; `.rtf`
    /// files are inputs too and get an error record, never a silent skip.
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
                if ingest::format_of_path(&shown).is_some() {
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

/// Read an input's bytes; more than [`MAX_INPUT_BYTES`] is `too_large`,
/// from a file or from standard input alike.
fn read_input(input: &Input) -> Result<Vec<u8>, DocError> {
    let too_large =
        |n: u64| DocError::TooLarge(format!("{n} bytes or more (limit {MAX_INPUT_BYTES})"));
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
            if buf.len() as u64 > MAX_INPUT_BYTES {
                return Err(too_large(buf.len() as u64));
            }
            Ok(buf)
        }
        Input::File { path, display } => {
            let io = |e| DocError::Io {
                path: display.clone(),
                source: e,
            };
            let meta = std::fs::metadata(path).map_err(io)?;
            if meta.len() > MAX_INPUT_BYTES {
                return Err(too_large(meta.len()));
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

/// Process one input into one output, in this process.
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
    let format = ingest::sniff(&bytes)
        .or(format)
        .or_else(|| ingest::format_of_path(&display));
    match result {
        Ok(Ok(record)) => Output::Record(Box::new(record)),
        Ok(Err(e)) => error_output(&display, format, Some(&bytes), &e),
        Err(_) => error_output(
            &display,
            format,
            Some(&bytes),
            &DocError::Internal("a processing stage panicked; please report this file".into()),
        ),
    }
}

/// The error record of an input, naming the file and the reason.
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
            format,
            sha256: bytes.map(sha256_hex),
            bytes: bytes.map(|b| b.len() as u64),
        },
        error: ErrorInfo {
            kind: e.kind(),
            message: format!("{path}: {e}"),
        },
    })
}

/// One failed input, for the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub path: String,
    pub kind: crate::record::vocab::ErrorKind,
    pub message: String,
}

/// Counts for the summary.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub records: usize,
    /// Outputs taken from a previous run (`resume`).
    pub reused: usize,
    /// Inputs the destination already held (`skip`).
    pub unchanged: usize,
    pub errors: Vec<Failure>,
}

/// Running risky inputs in a child process.
#[derive(Debug, Clone)]
pub struct Isolation {
    /// The program and arguments that start a worker which runs
    /// [`serve_worker`] on its standard input and output (for the `vnplan`
    /// binary: its own path and its hidden worker subcommand).
    pub command: Vec<OsString>,
    pub timeout: Duration,
    /// Address-space limit for the child, in bytes (0 = none).
    pub max_memory: u64,
}

/// How a batch runs.
#[derive(Debug, Clone, Default)]
pub struct BatchOptions {
    pub jobs: usize,
    pub isolation: Option<Isolation>,
    /// Outputs of a previous run, by source path: (sha256, output).
    pub resume: HashMap<String, (String, Output)>,
    /// Inputs the destination already holds, by source path: sha256. An
    /// input with the same hash is not read again and gives no output (it
    /// is counted as unchanged).
    pub skip: HashMap<String, String>,
}

/// What the parent asks a worker: one file, with the options to read it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WorkerRequest {
    pub path: PathBuf,
    /// The path to report in the output (as the user gave it).
    pub display: String,
    pub options: Options,
}

/// What a worker answers: the output, text included.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WorkerReply {
    pub output: Output,
}

/// The worker's side of the protocol: answer each request line of `input`
/// with one reply line on `output`, until `input` ends.
pub fn serve_worker(input: impl BufRead, mut output: impl Write) -> std::io::Result<()> {
    for line in input.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let request: WorkerRequest = serde_json::from_str(&line).map_err(std::io::Error::other)?;
        let input = Input::File {
            path: request.path,
            display: request.display,
        };
        let reply = WorkerReply {
            output: process_input(&input, &request.options),
        };
        serde_json::to_writer(&mut output, &reply).map_err(std::io::Error::other)?;
        output.write_all(b"\n")?;
        output.flush()?;
    }
    Ok(())
}

/// One finished input: no output when it was skipped as unchanged.
struct Done {
    output: Option<Output>,
    reused: bool,
}

fn process_one(
    input: &Input,
    opts: &Options,
    batch: &BatchOptions,
    workers: Option<&Pool>,
) -> Done {
    // Resume: an unchanged file keeps the output it had; skip: the
    // destination holds it already.
    if let Input::File { path, display } = input {
        let resumed = batch.resume.get(display);
        let held = batch.skip.get(display);
        if resumed.is_some() || held.is_some() {
            if let Ok(bytes) = std::fs::read(path) {
                let sha = sha256_hex(&bytes);
                if held == Some(&sha) {
                    return Done {
                        output: None,
                        reused: true,
                    };
                }
                if let Some((_, output)) = resumed.filter(|(s, _)| *s == sha) {
                    return Done {
                        output: Some(output.clone()),
                        reused: true,
                    };
                }
            }
        }
    }
    let output = match (workers, input) {
        (Some(workers), Input::File { path, display }) if is_pdf(path, display) => {
            run_isolated(workers, path, display, opts)
        }
        _ => process_input(input, opts),
    };
    Done {
        output: Some(output),
        reused: false,
    }
}

/// PDFs are isolated: by extension, or by signature under another name.
fn is_pdf(path: &Path, display: &str) -> bool {
    if ingest::format_of_path(display) == Some(Format::Pdf) {
        return true;
    }
    let mut head = [0u8; 1024];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    ingest::sniff(&head[..n]) == Some(Format::Pdf)
}

/// Run one input in a worker of the pool, under the limits.
fn run_isolated(workers: &Pool, path: &Path, display: &str, opts: &Options) -> Output {
    let request = WorkerRequest {
        path: path.to_path_buf(),
        display: display.to_string(),
        options: *opts,
    };
    match workers.run(&request) {
        Ok(reply) => reply.output,
        Err(e) => {
            let bytes = std::fs::read(path).ok();
            error_output(display, Some(Format::Pdf), bytes.as_deref(), &e)
        }
    }
}

/// Limit the child's address space (Unix). Hand-written because no crate
/// offers a pre-exec rlimit for `std::process::Command`.
pub(crate) fn limit_memory(cmd: &mut std::process::Command, bytes: u64) {
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

/// Read the outputs of earlier runs for `--resume` from JSON Lines files
/// (a previous output, the side file of an interrupted run): by source
/// path, its sha256 and the output. Later files win. Error records are not
/// reused (the file may have been fixed); unreadable lines — the torn last
/// line of a killed run — are ignored; a file that does not exist is empty.
pub fn load_resume(paths: &[&Path]) -> std::io::Result<HashMap<String, (String, Output)>> {
    let mut map = HashMap::new();
    for path in paths {
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        for line in std::io::BufReader::new(file).lines() {
            let Ok(line) = line else { continue };
            let Ok(output) = serde_json::from_str::<Output>(&line) else {
                continue;
            };
            if let Output::Record(r) = &output {
                map.insert(r.source.path.clone(), (r.source.sha256.clone(), output));
            }
        }
    }
    Ok(map)
}

/// Run `inputs`, handing one output per input to `sink` in input order.
/// `progress` is called after each document. An error of the sink ends
/// the run (a closed pipe is `BrokenPipe`).
pub fn run(
    inputs: &[Input],
    opts: &Options,
    batch: &BatchOptions,
    sink: &mut dyn Sink,
    progress: &(dyn Fn() + Sync),
) -> std::io::Result<Summary> {
    let jobs = batch.jobs.max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("vnplan-{i}"))
        .build()
        .map_err(std::io::Error::other)?;
    let window = (jobs * 4).max(8);
    // Long-lived workers for isolated inputs, at most one per thread busy.
    let workers = batch.isolation.clone().map(Pool::new);
    let mut summary = Summary::default();
    for chunk in inputs.chunks(window) {
        let done: Vec<Done> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| {
                    let d = process_one(input, opts, batch, workers.as_ref());
                    progress();
                    d
                })
                .collect()
        });
        for d in done {
            let Some(output) = d.output else {
                summary.unchanged += 1;
                continue;
            };
            match &output {
                Output::Record(_) => summary.records += 1,
                Output::Error(e) => summary.errors.push(Failure {
                    path: e.source.path.clone(),
                    kind: e.error.kind,
                    message: e.error.message.clone(),
                }),
            }
            if d.reused {
                summary.reused += 1;
            }
            sink.write(output)?;
        }
    }
    sink.finish()?;
    Ok(summary)
}
