//! `vnplan compare PATH...` or `vnplan compare --db FILE [--where SQL]`:
//! read the documents (as `extract` does) or the dataset's records, compare
//! them, and write the comparison as JSON, CSV, a text table or the HTML
//! report. The comparison itself is `vnplan_compare::compare`.

use super::output::{self, Target};
use super::{ReadArgs, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE};
use std::io::Write;
use std::path::PathBuf;
use vnplan_compare::table::{self, CsvTable};
use vnplan_compare::{Comparison, Unread};
use vnplan_engine::batch;
use vnplan_engine::record::sink::Sink;
use vnplan_engine::record::{Output, Record};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object: documents, links, families, findings,
    /// criteria_matrix, deadline_timeline, summary.
    Json,
    /// One table as CSV (`--table`).
    Csv,
    /// The findings as aligned text.
    Table,
    /// One self-contained HTML report.
    Html,
}

/// Named as the keys of the JSON output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum TableArg {
    Findings,
    Links,
    Documents,
    CriteriaMatrix,
    DeadlineTimeline,
}

impl From<TableArg> for CsvTable {
    fn from(t: TableArg) -> CsvTable {
        match t {
            TableArg::Findings => CsvTable::Findings,
            TableArg::Links => CsvTable::Links,
            TableArg::Documents => CsvTable::Documents,
            TableArg::CriteriaMatrix => CsvTable::CriteriaMatrix,
            TableArg::DeadlineTimeline => CsvTable::DeadlineTimeline,
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or folders to compare (read as `extract` reads them).
    #[arg(required_unless_present = "db", conflicts_with = "db")]
    pub paths: Vec<String>,
    /// Compare the records of a dataset built by `vnplan index`.
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// With --db: only documents matching this SQL condition over the
    /// `documents` table, e.g. `issuer LIKE '%Đăk Hà%'`.
    #[arg(long = "where", value_name = "SQL", requires = "db")]
    pub filter: Option<String>,
    /// Output format (default: from the extension of -o, else json).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// With --format csv: which table.
    #[arg(long, value_enum, default_value_t = TableArg::Findings)]
    pub table: TableArg,
    /// Title of the HTML report.
    #[arg(long, default_value = "Đối chiếu kế hoạch")]
    pub title: String,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// No summary and no progress bar on stderr.
    #[arg(short = 'q', long)]
    pub quiet: bool,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Keeps the records (with their text) for the comparison.
#[derive(Default)]
struct Collect {
    records: Vec<Record>,
    unread: Vec<Unread>,
}

impl Sink for Collect {
    fn write(&mut self, output: Output) -> std::io::Result<()> {
        match output {
            Output::Record(r) => self.records.push(*r),
            Output::Error(e) => self.unread.push(Unread {
                source: e.source.path,
                kind: e.error.kind.as_str().to_string(),
                message: e.error.message,
            }),
        }
        Ok(())
    }

    fn finish(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub fn run(args: Args) -> i32 {
    if args.filter.is_some() && args.db.is_none() {
        eprintln!("vnplan: --where filters a dataset's documents: it needs --db FILE");
        return EXIT_USAGE;
    }
    let format = args.format.unwrap_or_else(|| {
        match args
            .output
            .as_ref()
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
        {
            Some("html" | "htm") => Format::Html,
            Some("csv") => Format::Csv,
            Some("txt") => Format::Table,
            _ => Format::Json,
        }
    });
    let mut failed = false;
    let (records, inputs, unread) = match &args.db {
        Some(db) => {
            let ds = match super::open_dataset(db) {
                Ok(ds) => ds,
                Err(code) => return code,
            };
            // The dataset's error records are listed when the whole set is
            // compared (a filter over `documents` does not apply to them).
            let errors = match args.filter {
                Some(_) => Ok(Vec::new()),
                None => ds.errors(),
            };
            match ds
                .records(args.filter.as_deref())
                .and_then(|r| Ok((r, errors?)))
            {
                Ok((r, errors)) => {
                    let unread = errors
                        .into_iter()
                        .map(|(source, kind, message)| Unread {
                            source,
                            kind,
                            message,
                        })
                        .collect();
                    (r, Vec::new(), unread)
                }
                Err(e) => {
                    eprintln!("vnplan: {e}");
                    return EXIT_USAGE;
                }
            }
        }
        None => {
            let (inputs, walk) = match super::inputs_of(&args.paths) {
                Ok(found) => found,
                Err(code) => return code,
            };
            let target = match check_target(&args.output, &inputs) {
                Ok(t) => t,
                Err(code) => return code,
            };
            drop(target);
            let bar = super::progress_bar(inputs.len(), args.quiet);
            let tick = || {
                if let Some(b) = &bar {
                    b.inc(1);
                }
            };
            let mut sink = Collect::default();
            // Error records are kept: the comparison lists what it lacks.
            let result = batch::run(
                &inputs,
                &args.read.options(),
                &args.read.batch(),
                &mut sink,
                &tick,
            );
            if let Some(b) = &bar {
                b.finish_and_clear();
            }
            match result {
                Ok(summary) => {
                    if !args.quiet {
                        super::report(&summary, &walk);
                    }
                    failed = !summary.errors.is_empty();
                }
                Err(e) => {
                    eprintln!("vnplan: {e}");
                    return EXIT_USAGE;
                }
            }
            (sink.records, inputs, sink.unread)
        }
    };
    let comparison = vnplan_compare::compare(&records).with_unread(unread);
    if !args.quiet {
        let s = &comparison.summary;
        eprintln!(
            "vnplan: compared {} document(s): {} famil{}, {} finding(s)",
            s.documents,
            s.families,
            if s.families == 1 { "y" } else { "ies" },
            s.findings
        );
    }
    let render =
        |out: &mut dyn Write| write(&comparison, format, args.table.into(), &args.title, out);
    let result = match &args.output {
        Some(path) => match output::check(path, &inputs) {
            Ok(target) => output::write_atomically(&target, |w| render(w)),
            Err(message) => Err(message),
        },
        None => {
            let stdout = std::io::stdout();
            let mut lock = std::io::BufWriter::new(stdout.lock());
            match render(&mut lock).and_then(|_| lock.flush()) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return EXIT_OK,
                Err(e) => Err(format!("cannot write to stdout: {e}")),
            }
        }
    };
    match result {
        Err(message) => {
            eprintln!("vnplan: {message}");
            EXIT_USAGE
        }
        Ok(()) if failed => EXIT_SOME_FAILED,
        Ok(()) => EXIT_OK,
    }
}

/// The output path is checked before any document is read.
fn check_target(path: &Option<PathBuf>, inputs: &[batch::Input]) -> Result<Option<Target>, i32> {
    match path {
        Some(p) => output::check(p, inputs).map(Some).map_err(|message| {
            eprintln!("vnplan: {message}");
            EXIT_USAGE
        }),
        None => Ok(None),
    }
}

fn write(
    c: &Comparison,
    format: Format,
    table: CsvTable,
    title: &str,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, c)?;
            out.write_all(b"\n")
        }
        Format::Csv => table::write_csv(c, table, out),
        Format::Table => table::write_text(c, out),
        Format::Html => out.write_all(vnplan_compare::report::render(c, title).as_bytes()),
    }
}
