//! Command-line front end: argument structs and one function per
//! subcommand. Errors are reported here, once, as messages and exit codes.

pub mod compare;
pub mod completions;
pub mod export;
pub mod extract;
pub mod index;
pub mod normalize;
pub mod output;
pub mod schema;
pub mod search;
pub mod worker;

use clap::{Parser, Subcommand, ValueEnum};
use vnplan_engine::batch::{self, BatchOptions, Input, Isolation};
use vnplan_engine::normalize::{NormalizeOptions, ToneStyle};
use vnplan_engine::Options;

/// Exit status: every document succeeded.
pub const EXIT_OK: i32 = 0;
/// Exit status: some documents failed (their error records are in the output).
pub const EXIT_SOME_FAILED: i32 = 1;
/// Exit status: usage error (bad arguments, unwritable output).
pub const EXIT_USAGE: i32 = 2;

const AFTER_HELP: &str = "\
Exit status: 0 every document gave a record; 1 some gave error records \
(they are in the output); 2 usage error (bad arguments, a path that does \
not exist, an output that cannot be written). A closed pipe (`| head`) \
ends the run quietly with 0.

Error kinds in error records: io, empty, unsupported_format (RTF, a .doc \
that is no Word file), encrypted, image_only (OCR needed: --ocr), malformed, timeout, \
too_large, unsupported_font, encoding, internal.";

#[derive(Parser, Debug)]
#[command(
    name = "vnplan",
    version,
    about = "Turn Vietnamese administrative documents (Kế hoạch, Quyết định, Công văn…) into clean, comparable records",
    after_help = AFTER_HELP
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Extract one JSON record per document (JSON Lines on stdout).
    #[command(after_help = AFTER_HELP)]
    Extract(extract::Args),
    /// Build or update a SQLite dataset (full-text search, one file).
    #[command(after_help = AFTER_HELP)]
    Index(index::Args),
    /// Search a dataset: ranked sections, with or without Vietnamese marks.
    Search(search::Args),
    /// Export a dataset's tables as JSON Lines, CSV or Parquet.
    Export(export::Args),
    /// Compare plans across levels: links, families, findings, criteria
    /// matrix, deadline timeline (JSON, CSV, text or an HTML report).
    #[command(after_help = AFTER_HELP)]
    Compare(compare::Args),
    /// Print the normalised text that all spans point into.
    Normalize(normalize::Args),
    /// Print the JSON Schema of an output line (`--compare`: of the comparison).
    Schema(schema::Args),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(completions::Args),
    /// (internal) Answer worker requests on stdin: the batch reads PDFs
    /// this way, in a child process under a time and memory limit.
    #[command(name = "__worker", hide = true)]
    Worker,
}

/// How documents are read: shared by every command that reads them.
#[derive(clap::Args, Debug, Clone)]
pub struct ReadArgs {
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long = "jobs", value_name = "N",
          value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Tone-mark placement in `oa`, `oe`, `uy`.
    #[arg(long = "tone-style", value_enum, default_value_t = ToneArg::Hoa)]
    pub tone_style: ToneArg,
    /// Read image-only PDFs by OCR (needs tesseract-ocr, tesseract-ocr-vie
    /// and poppler-utils; without them the error record says so).
    #[arg(long)]
    pub ocr: bool,
    /// Wall-clock limit per PDF, in seconds (PDFs are read in a child process).
    #[arg(long, value_name = "SECS", default_value_t = 60,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: u64,
    /// Memory limit per PDF worker, in MiB (0 = none).
    #[arg(long = "max-memory", value_name = "MIB", default_value_t = 4096)]
    pub max_memory: u64,
    /// Read PDFs in this process (faster; a crashing PDF then ends the batch).
    #[arg(long = "no-isolate")]
    pub no_isolate: bool,
}

impl ReadArgs {
    /// The processing options, built once; isolated workers get them in
    /// their serialised form.
    pub fn options(&self) -> Options {
        Options {
            normalize: NormalizeOptions {
                tone_style: self.tone_style.into(),
                ..Default::default()
            },
            ocr: self.ocr,
        }
    }

    pub fn batch(&self) -> BatchOptions {
        let jobs = self.jobs.map(usize::from).unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        });
        let isolation = if self.no_isolate {
            None
        } else {
            std::env::current_exe().ok().map(|exe| Isolation {
                command: vec![exe.into_os_string(), "__worker".into()],
                timeout: std::time::Duration::from_secs(self.timeout),
                max_memory: self.max_memory * 1024 * 1024,
            })
        };
        BatchOptions {
            jobs,
            isolation,
            ..Default::default()
        }
    }
}

/// Which inputs a run takes: from a manifest besides the paths, and only
/// one shard of them (for running one batch on several machines).
#[derive(clap::Args, Debug, Clone, Default)]
pub struct SelectArgs {
    /// Read only shard I of N (0-based: `--shard 0/4` … `--shard 3/4`), a
    /// deterministic share by district folder (or manifest group), else by
    /// path: N jobs with the same inputs read each input exactly once.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<vnplan_engine::shard::Shard>,
    /// Inputs listed in FILE, one per line (`path`, or `path<TAB>group`;
    /// `#` comments; relative paths from FILE's folder). A listed file that
    /// is missing gets an error record.
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<std::path::PathBuf>,
}

/// The inputs of a run: the paths (checked), the manifest's, this shard's.
pub fn select_inputs(
    paths: &[String],
    select: &SelectArgs,
) -> Result<(Vec<Input>, batch::WalkReport), i32> {
    let (mut inputs, mut walk) = inputs_of(paths)?;
    let mut groups = std::collections::HashMap::new();
    if let Some(file) = &select.manifest {
        let (listed, g) = vnplan_engine::shard::read_manifest(file).map_err(|e| {
            eprintln!("vnplan: cannot read the manifest {e}");
            EXIT_USAGE
        })?;
        let (more, more_walk) = batch::collect_inputs(&listed);
        inputs.extend(more);
        walk.skipped.extend(more_walk.skipped);
        groups = g;
    }
    if let Some(shard) = select.shard {
        inputs = shard.select(inputs, &groups);
    }
    Ok((inputs, walk))
}

/// Expand the command-line paths; a path that does not exist is a usage
/// error, named once, before any work.
pub fn inputs_of(paths: &[String]) -> Result<(Vec<Input>, batch::WalkReport), i32> {
    for p in paths {
        if p != "-" && std::fs::symlink_metadata(p).is_err() {
            eprintln!("vnplan: {p}: no such file or folder");
            return Err(EXIT_USAGE);
        }
    }
    Ok(batch::collect_inputs(paths))
}

/// Open an existing dataset for reading; the error is reported here.
pub fn open_dataset(path: &std::path::Path) -> Result<vnplan_dataset::Dataset, i32> {
    vnplan_dataset::Dataset::open_read_only(path).map_err(|e| {
        eprintln!("vnplan: {e}");
        EXIT_USAGE
    })
}

/// Tone-mark placement in `oa`, `oe`, `uy`, named by example.
#[derive(ValueEnum, Clone, Copy, Debug, Default)]
pub enum ToneArg {
    /// `hòa`, `thủy`, `Ủy`, `khỏe` (default; most legal texts).
    #[default]
    #[value(name = "hòa", alias = "hoa", alias = "first")]
    Hoa,
    /// `hoà`, `thuỷ`, `Uỷ`, `khoẻ`.
    #[value(name = "hoà", alias = "hoaf", alias = "second")]
    Hoaf,
    /// Leave tone marks as written.
    Keep,
}

impl From<ToneArg> for ToneStyle {
    fn from(t: ToneArg) -> ToneStyle {
        match t {
            ToneArg::Hoa => ToneStyle::Hoa,
            ToneArg::Hoaf => ToneStyle::Hoaf,
            ToneArg::Keep => ToneStyle::Keep,
        }
    }
}

/// A progress bar on a terminal for more than one document, unless quiet.
pub fn progress_bar(len: usize, quiet: bool) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    (!quiet && len > 1 && std::io::stderr().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new(len as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} {elapsed_precise} eta {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    })
}

/// The summary on stderr: counts, errors by kind, the first errors.
pub fn report(summary: &batch::Summary, walk: &batch::WalkReport) {
    let total = summary.records + summary.errors.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    eprintln!(
        "vnplan: {total} document{} — {} record{}, {} error{}",
        plural(total),
        summary.records,
        plural(summary.records),
        summary.errors.len(),
        plural(summary.errors.len()),
    );
    if !summary.errors.is_empty() {
        let mut kinds: Vec<&str> = summary.errors.iter().map(|e| e.kind.as_str()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        for kind in kinds {
            let n = summary
                .errors
                .iter()
                .filter(|e| e.kind.as_str() == kind)
                .count();
            eprintln!("  {kind}: {n}");
        }
        for failure in summary.errors.iter().take(20) {
            eprintln!("  error: {}", failure.message);
        }
    }
    if summary.unchanged > 0 {
        eprintln!(
            "vnplan: {} unchanged file(s) already in the dataset",
            summary.unchanged
        );
    }
    if summary.reused > 0 {
        eprintln!(
            "vnplan: {} record(s) reused from the previous output (unchanged files)",
            summary.reused
        );
    }
    if !walk.skipped.is_empty() {
        eprintln!(
            "vnplan: skipped {} file(s) that are not documents (not .pdf/.docx/.doc/.rtf/.txt/.md), e.g. {}",
            walk.skipped.len(),
            walk.skipped[0]
        );
    }
}
