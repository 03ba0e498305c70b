//! Batches: walking input paths, running documents in parallel, and
//! streaming one output line per input, in input order.
//!
//! Every input yields exactly one line — a record or an error record — so a
//! batch accounts for every file. Documents are processed in bounded windows
//! on a rayon pool and written in order, so memory does not grow with the
//! batch and the output does not depend on the number of threads.

use crate::error::DocError;
use crate::ingest::Format;
use crate::pipeline::{process_bytes, sha256_hex, Options};
use crate::record::{ErrorInfo, ErrorRecord, ErrorSource, Output, SCHEMA_VERSION};
use rayon::prelude::*;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

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

fn error_output(path: &str, format: Option<Format>, bytes: Option<&[u8]>, e: &DocError) -> Output {
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
    pub errors: Vec<(String, String, String)>, // (path, kind, message)
}

/// Run `inputs` on `jobs` threads, handing each output line to `sink` in
/// input order. `progress` is called after each document.
pub fn run(
    inputs: &[Input],
    opts: &Options,
    jobs: usize,
    pretty: bool,
    out: &mut dyn Write,
    progress: &(dyn Fn() + Sync),
) -> std::io::Result<Summary> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .thread_name(|i| format!("vnplan-{i}"))
        .build()
        .map_err(std::io::Error::other)?;
    let window = (jobs.max(1) * 4).max(8);
    let mut summary = Summary::default();
    for chunk in inputs.chunks(window) {
        let lines: Vec<(Output, String)> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| {
                    let output = process_input(input, opts);
                    let line = if pretty {
                        serde_json::to_string_pretty(&output)
                    } else {
                        serde_json::to_string(&output)
                    }
                    .unwrap_or_else(|e| format!("{{\"error\":{{\"kind\":\"internal\",\"message\":\"cannot serialise: {e}\"}}}}"));
                    progress();
                    (output, line)
                })
                .collect()
        });
        for (output, line) in lines {
            match &output {
                Output::Record(_) => summary.records += 1,
                Output::Error(e) => summary.errors.push((
                    e.source.path.clone(),
                    e.error.kind.clone(),
                    e.error.message.clone(),
                )),
            }
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(summary)
}
