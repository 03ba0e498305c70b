//! `vnplan extract PATH...`: records as JSON Lines, in input order.

use super::{ToneArg, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use vnplan_engine::batch::{self, Summary};
use vnplan_engine::normalize::NormalizeOptions;
use vnplan_engine::Options;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or folders (walked recursively, sorted); `-` reads text from stdin.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Write to FILE (atomically: temp file + rename) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Indented JSON (for reading one document).
    #[arg(long)]
    pub pretty: bool,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    pub jobs: Option<usize>,
    /// Tone-mark placement in `oa`, `oe`, `uy`.
    #[arg(long = "tone-style", value_enum, default_value_t = ToneArg::Hoa)]
    pub tone_style: ToneArg,
    /// Read image-only PDFs by OCR (needs tesseract-ocr, tesseract-ocr-vie
    /// and poppler-utils; without them the error record says so).
    #[arg(long)]
    pub ocr: bool,
    /// Wall-clock limit per PDF, in seconds (PDFs are read in a child process).
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub timeout: u64,
    /// Memory limit per PDF worker, in MiB (0 = none).
    #[arg(long = "max-memory", value_name = "MIB", default_value_t = 4096)]
    pub max_memory: u64,
    /// Read PDFs in this process (faster; a crashing PDF then ends the batch).
    #[arg(long = "no-isolate")]
    pub no_isolate: bool,
    /// With -o: reuse the records already in FILE for unchanged inputs
    /// (same path and sha256) and process only the rest.
    #[arg(long, requires = "output")]
    pub resume: bool,
}

pub fn run(args: Args) -> i32 {
    let (inputs, walk) = batch::collect_inputs(&args.paths);
    let opts = Options {
        normalize: NormalizeOptions {
            tone_style: args.tone_style.into(),
            strip_markdown: None,
        },
        ocr: args.ocr,
    };
    let jobs = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let isolation = if args.no_isolate {
        None
    } else {
        std::env::current_exe().ok().map(|exe| batch::Isolation {
            exe,
            timeout: std::time::Duration::from_secs(args.timeout.max(1)),
            max_memory: args.max_memory * 1024 * 1024,
            worker_args: {
                let mut w = vec![
                    "--tone-style".to_string(),
                    args.tone_style.name().to_string(),
                ];
                if args.ocr {
                    w.push("--ocr".into());
                }
                w
            },
        })
    };
    let resume = match (&args.output, args.resume) {
        (Some(path), true) => match batch::load_resume(path) {
            Ok(map) => map,
            Err(e) => {
                eprintln!("vnplan: cannot read {} to resume: {e}", path.display());
                return EXIT_USAGE;
            }
        },
        _ => Default::default(),
    };
    let batch_opts = batch::BatchOptions {
        jobs,
        pretty: args.pretty,
        isolation,
        resume,
    };
    let bar = if inputs.len() > 1 && std::io::stderr().is_terminal() {
        let b = ProgressBar::new(inputs.len() as u64);
        b.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed_precise} eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Some(b)
    } else {
        None
    };
    let tick = || {
        if let Some(b) = &bar {
            b.inc(1);
        }
    };
    let result = match &args.output {
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            batch::run(&inputs, &opts, &batch_opts, &mut out, &tick)
        }
        Some(path) => write_atomically(path, |w| batch::run(&inputs, &opts, &batch_opts, w, &tick)),
    };
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    match result {
        Ok(summary) => report(&summary, &walk),
        Err(e) => {
            eprintln!("vnplan: cannot write output: {e}");
            EXIT_USAGE
        }
    }
}

/// Write through a temporary file in the target's folder, renamed over the
/// target only when everything was written: readers never see a partial file.
pub fn write_atomically<T>(
    path: &std::path::Path,
    f: impl FnOnce(&mut dyn Write) -> std::io::Result<T>,
) -> std::io::Result<T> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".vnplan-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    // Ctrl-C or a termination signal: remove the temporary file and stop,
    // so an interrupted run leaves neither a partial output nor litter.
    // (`kill -9` cannot be caught; the target is still never partial.)
    let tmp_path = tmp.path().to_path_buf();
    let _ = ctrlc::set_handler(move || {
        let _ = std::fs::remove_file(&tmp_path);
        eprintln!("vnplan: interrupted; no output written");
        std::process::exit(130);
    });
    let value = {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        let v = f(&mut w)?;
        w.flush()?;
        v
    };
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(value)
}

fn report(summary: &Summary, walk: &batch::WalkReport) -> i32 {
    let total = summary.records + summary.errors.len();
    eprintln!(
        "vnplan: {total} document{} — {} record{}, {} error{}",
        if total == 1 { "" } else { "s" },
        summary.records,
        if summary.records == 1 { "" } else { "s" },
        summary.errors.len(),
        if summary.errors.len() == 1 { "" } else { "s" },
    );
    if !summary.errors.is_empty() {
        let mut kinds: Vec<&str> = summary.errors.iter().map(|e| e.1.as_str()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        for kind in kinds {
            let n = summary.errors.iter().filter(|e| e.1 == kind).count();
            eprintln!("  {kind}: {n}");
        }
        for (_, _, message) in summary.errors.iter().take(20) {
            eprintln!("  error: {message}");
        }
    }
    if summary.reused > 0 {
        eprintln!(
            "vnplan: {} record(s) reused from the previous output (unchanged files)",
            summary.reused
        );
    }
    if !walk.skipped.is_empty() {
        eprintln!(
            "vnplan: skipped {} file(s) whose extension is not .pdf/.txt/.md/.docx, e.g. {}",
            walk.skipped.len(),
            walk.skipped[0]
        );
    }
    if summary.errors.is_empty() {
        EXIT_OK
    } else {
        EXIT_SOME_FAILED
    }
}
