//! `vnplan index PATH... --db FILE`: build or update a SQLite dataset. The
//! same walking, parallelism, isolation, error records, summary and
//! progress as `extract`; the dataset is one more sink, written by this
//! thread alone.

use super::{ReadArgs, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use vnplan_dataset::Dataset;
use vnplan_engine::batch;
use vnplan_engine::record::sink::Sink;
use vnplan_engine::record::Output;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or folders to index (as for `extract`).
    #[arg(required_unless_present_any = ["from_jsonl", "merge", "manifest"])]
    pub paths: Vec<String>,
    /// The dataset file (created when missing; its folder must exist).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// Index the JSON Lines records of `vnplan extract` (`-` for stdin)
    /// instead of reading documents.
    #[arg(long = "from-jsonl", value_name = "FILE", conflicts_with = "paths")]
    pub from_jsonl: Option<String>,
    /// Merge these datasets (the shards of one batch, `--shard I/N`) into
    /// `--db`: their records and error records, as indexed.
    #[arg(long, value_name = "DB", num_args = 1.., conflicts_with_all = ["paths", "from_jsonl", "manifest"])]
    pub merge: Vec<PathBuf>,
    /// Remove documents whose files are gone.
    #[arg(long)]
    pub prune: bool,
    /// Documents per transaction.
    #[arg(long, value_name = "N", default_value_t = 64,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub chunk: u64,
    /// No summary and no progress bar on stderr.
    #[arg(short = 'q', long)]
    pub quiet: bool,
    #[command(flatten)]
    pub select: super::SelectArgs,
    #[command(flatten)]
    pub read: ReadArgs,
}

pub fn run(args: Args) -> i32 {
    let (inputs, walk) = match &args.from_jsonl {
        Some(_) => Default::default(),
        None if !args.merge.is_empty() => Default::default(),
        None => match super::select_inputs(&args.paths, &args.select) {
            Ok(found) => found,
            Err(code) => return code,
        },
    };
    let mut ds = match Dataset::open_for_writing(&args.db) {
        Ok(ds) => ds,
        Err(e) => {
            eprintln!("vnplan: {e}");
            return EXIT_USAGE;
        }
    };
    let known = match ds.known() {
        Ok(k) => k,
        Err(e) => {
            eprintln!("vnplan: {e}");
            return EXIT_USAGE;
        }
    };
    let chunk = args.chunk as usize;
    let result = match &args.from_jsonl {
        Some(path) => from_jsonl(&mut ds, path, &known, chunk),
        None if !args.merge.is_empty() => merge(&mut ds, &args.merge, &args.db, chunk),
        None => {
            let opts = args.read.options();
            let mut batch_opts = args.read.batch();
            batch_opts.skip = known;
            let bar = super::progress_bar(inputs.len(), args.quiet);
            let tick = || {
                if let Some(b) = &bar {
                    b.inc(1);
                }
            };
            let mut writer = ds.writer(chunk);
            let r = batch::run(&inputs, &opts, &batch_opts, &mut writer, &tick)
                .map_err(|e| e.to_string());
            if let Some(b) = &bar {
                b.finish_and_clear();
            }
            r
        }
    };
    let summary = match result {
        Ok(s) => s,
        Err(message) => {
            // What was committed stays; the next run resumes from it.
            eprintln!("vnplan: {message}");
            return EXIT_USAGE;
        }
    };
    let pruned = if args.prune {
        match ds.prune(|source| Path::new(source).exists()) {
            Ok(n) => n,
            Err(e) => {
                eprintln!("vnplan: cannot prune: {e}");
                return EXIT_USAGE;
            }
        }
    } else {
        0
    };
    if let Err(e) = ds.checkpoint() {
        eprintln!("vnplan: {e}");
        return EXIT_USAGE;
    }
    if !args.quiet {
        super::report(&summary, &walk);
        if args.prune {
            eprintln!("vnplan: pruned {pruned} document(s) whose files are gone");
        }
        eprintln!("vnplan: dataset {}", args.db.display());
    }
    if summary.errors.is_empty() {
        EXIT_OK
    } else {
        EXIT_SOME_FAILED
    }
}

/// Copy the records and error records of other datasets (shards) into
/// `ds`, one after the other; a source in two of them keeps the last.
fn merge(
    ds: &mut Dataset,
    shards: &[PathBuf],
    target: &Path,
    chunk: usize,
) -> Result<batch::Summary, String> {
    let mut summary = batch::Summary::default();
    let mut writer = ds.writer(chunk);
    let same = |a: &Path| std::fs::canonicalize(a).ok() == std::fs::canonicalize(target).ok();
    for shard in shards {
        if same(shard) {
            return Err(format!(
                "{}: cannot merge a dataset into itself",
                shard.display()
            ));
        }
        let src = Dataset::open_read_only(shard).map_err(|e| e.to_string())?;
        src.for_each_record(None, |r| {
            summary.records += 1;
            writer
                .write(Output::Record(Box::new(r)))
                .map_err(vnplan_dataset::DatasetError::Io)
        })
        .map_err(|e| format!("{}: {e}", shard.display()))?;
        for e in src
            .error_records()
            .map_err(|e| format!("{}: {e}", shard.display()))?
        {
            summary.errors.push(batch::Failure {
                path: e.source.path.clone(),
                kind: e.error.kind,
                message: e.error.message.clone(),
            });
            writer.write(Output::Error(e)).map_err(|e| e.to_string())?;
        }
    }
    writer.finish().map_err(|e| e.to_string())?;
    Ok(summary)
}

/// Index the records of a JSON Lines file; unchanged documents (same path
/// and sha256) are skipped, unreadable lines are errors that name the line.
fn from_jsonl(
    ds: &mut Dataset,
    path: &str,
    known: &std::collections::HashMap<String, String>,
    chunk: usize,
) -> Result<batch::Summary, String> {
    let reader: Box<dyn BufRead> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
        Box::new(std::io::BufReader::new(file))
    };
    let mut summary = batch::Summary::default();
    let mut writer = ds.writer(chunk);
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| format!("{path}: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let output: Output = serde_json::from_str(&line)
            .map_err(|e| format!("{path}:{}: not a vnplan record: {e}", n + 1))?;
        if output.sha256().is_some()
            && known.get(output.path()).map(String::as_str) == output.sha256()
        {
            summary.unchanged += 1;
            continue;
        }
        match &output {
            Output::Record(_) => summary.records += 1,
            Output::Error(e) => summary.errors.push(batch::Failure {
                path: e.source.path.clone(),
                kind: e.error.kind,
                message: e.error.message.clone(),
            }),
        }
        writer.write(output).map_err(|e| e.to_string())?;
    }
    writer.finish().map_err(|e| e.to_string())?;
    Ok(summary)
}
