//! `vnplan export --db FILE --table T --format F [-o FILE]` (or `--all DIR`):
//! the dataset's tables for analysts, as JSON Lines, CSV or Parquet.

use super::output;
use super::{EXIT_OK, EXIT_USAGE};
use clap::ValueEnum;
use std::path::PathBuf;
use vnplan_dataset::export::{self, ExportFormat, TABLES};

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum FormatArg {
    Jsonl,
    Csv,
    Parquet,
}

impl From<FormatArg> for ExportFormat {
    fn from(f: FormatArg) -> ExportFormat {
        match f {
            FormatArg::Jsonl => ExportFormat::Jsonl,
            FormatArg::Csv => ExportFormat::Csv,
            FormatArg::Parquet => ExportFormat::Parquet,
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The dataset file.
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// The table: documents, sections, dates, deadlines, units, assignments,
    /// criteria, criteria_counts, references, targets, warnings, errors, meta…
    #[arg(long, required_unless_present = "all", conflicts_with = "all")]
    pub table: Option<String>,
    #[arg(long, value_enum, default_value_t = FormatArg::Jsonl)]
    pub format: FormatArg,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(
        short = 'o',
        long = "output",
        value_name = "FILE",
        conflicts_with = "all"
    )]
    pub output: Option<PathBuf>,
    /// Every table, one file each (`TABLE.EXT`), into folder DIR.
    #[arg(long, value_name = "DIR")]
    pub all: Option<PathBuf>,
}

pub fn run(args: Args) -> i32 {
    let ds = match super::open_dataset(&args.db) {
        Ok(ds) => ds,
        Err(code) => return code,
    };
    let format: ExportFormat = args.format.into();
    let jobs: Vec<(String, Option<PathBuf>)> = match (&args.all, &args.table) {
        (Some(dir), _) => {
            if let Err(e) = std::fs::create_dir_all(dir) {
                eprintln!("vnplan: cannot create {}: {e}", dir.display());
                return EXIT_USAGE;
            }
            TABLES
                .iter()
                .map(|t| {
                    (
                        t.to_string(),
                        Some(dir.join(format!("{t}.{}", format.extension()))),
                    )
                })
                .collect()
        }
        (None, Some(table)) => vec![(table.clone(), args.output.clone())],
        (None, None) => unreachable!("clap requires --table or --all"),
    };
    for (table, target) in jobs {
        let result = match &target {
            None => {
                let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                export::export_table(&ds, &table, format, &mut out)
                    .map_err(|e| e.to_string())
                    .and_then(|n| {
                        std::io::Write::flush(&mut out).map_err(|e| e.to_string())?;
                        Ok(n)
                    })
            }
            Some(path) => output::check(path, &[]).and_then(|t| {
                output::write_atomically(&t, |w| {
                    export::export_table(&ds, &table, format, w).map_err(std::io::Error::other)
                })
            }),
        };
        match result {
            Ok(n) => {
                if let Some(path) = &target {
                    eprintln!("vnplan: {table}: {n} row(s) → {}", path.display());
                }
            }
            Err(message) if message.contains("Broken pipe") => return EXIT_OK,
            Err(message) => {
                eprintln!("vnplan: {message}");
                return EXIT_USAGE;
            }
        }
    }
    EXIT_OK
}
