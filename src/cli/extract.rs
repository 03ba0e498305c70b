//! `vnplan extract PATH...`: records as JSON Lines, in input order.

use super::output::{self, Target};
use super::{ReadArgs, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE};
use std::io::Write;
use std::path::PathBuf;
use vnplan_engine::batch::{self, Summary};
use vnplan_engine::record::sink::{JsonLines, Sink};
use vnplan_engine::record::Output;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or folders (walked recursively, sorted); `-` reads standard
    /// input (its format is sniffed: text, PDF or DOCX).
    #[arg(required_unless_present = "manifest")]
    pub paths: Vec<String>,
    /// Write to FILE (atomically: temp file + rename) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Indented JSON (for reading one document).
    #[arg(long)]
    pub pretty: bool,
    /// Add each record's normalised text, with its paragraphs and their
    /// sections, as `"text"`.
    #[arg(long = "with-text")]
    pub with_text: bool,
    /// With -o: reuse the records of FILE and of an interrupted run's side
    /// file for unchanged inputs (same path and sha256); process the rest.
    #[arg(long, requires = "output")]
    pub resume: bool,
    /// No summary and no progress bar on stderr.
    #[arg(short = 'q', long)]
    pub quiet: bool,
    #[command(flatten)]
    pub select: super::SelectArgs,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// JSON Lines to the output, and each line also to the side file.
struct Tee<W: Write> {
    main: JsonLines<W>,
    side: Option<std::fs::File>,
    compact: JsonLines<std::io::Sink>,
}

impl<W: Write> Sink for Tee<W> {
    fn write(&mut self, output: Output) -> std::io::Result<()> {
        if let Some(side) = &mut self.side {
            let mut line = self.compact.render(output.clone())?;
            line.push(b'\n');
            side.write_all(&line)?;
        }
        self.main.write(output)
    }

    fn finish(&mut self) -> std::io::Result<()> {
        self.main.finish()
    }
}

pub fn run(args: Args) -> i32 {
    let (inputs, walk) = match super::select_inputs(&args.paths, &args.select) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let target = match args.output.as_deref().map(|p| output::check(p, &inputs)) {
        None => None,
        Some(Ok(t)) => Some(t),
        Some(Err(message)) => {
            eprintln!("vnplan: {message}");
            return EXIT_USAGE;
        }
    };
    let opts = args.read.options();
    let mut batch_opts = args.read.batch();
    if let (Some(t), true) = (&target, args.resume) {
        match batch::load_resume(&[&t.path, &t.side]) {
            Ok(map) => batch_opts.resume = map,
            Err(e) => {
                eprintln!("vnplan: cannot read {} to resume: {e}", t.path.display());
                return EXIT_USAGE;
            }
        }
    }
    let bar = super::progress_bar(inputs.len(), args.quiet);
    let tick = || {
        if let Some(b) = &bar {
            b.inc(1);
        }
    };
    let jsonl = |w| {
        JsonLines::new(w)
            .pretty(args.pretty)
            .with_text(args.with_text)
    };
    let result = match &target {
        None => {
            let stdout = std::io::stdout();
            let mut sink = jsonl(std::io::BufWriter::new(stdout.lock()));
            batch::run(&inputs, &opts, &batch_opts, &mut sink, &tick).map_err(|e| {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    None
                } else {
                    Some(format!("cannot write output: {e}"))
                }
            })
        }
        Some(t) => to_file(t, &inputs, &opts, &batch_opts, &args, &tick).map_err(Some),
    };
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    match result {
        Ok(summary) => {
            if !args.quiet {
                super::report(&summary, &walk);
            }
            if summary.errors.is_empty() {
                EXIT_OK
            } else {
                EXIT_SOME_FAILED
            }
        }
        // The reader went away (`| head`): a normal end.
        Err(None) => EXIT_OK,
        Err(Some(message)) => {
            eprintln!("vnplan: {message}");
            EXIT_USAGE
        }
    }
}

fn to_file(
    t: &Target,
    inputs: &[batch::Input],
    opts: &vnplan_engine::Options,
    batch_opts: &batch::BatchOptions,
    args: &Args,
    tick: &(dyn Fn() + Sync),
) -> Result<Summary, String> {
    // A resumed run adds to the side file; a fresh one starts it anew.
    let side = std::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .append(args.resume)
        .truncate(!args.resume)
        .open(&t.side)
        .map_err(|e| format!("cannot write {}: {e}", t.side.display()))?;
    let summary = output::write_atomically(t, |w| {
        let mut sink = Tee {
            main: JsonLines::new(w)
                .pretty(args.pretty)
                .with_text(args.with_text),
            side: Some(side),
            compact: JsonLines::new(std::io::sink()).with_text(args.with_text),
        };
        batch::run(inputs, opts, batch_opts, &mut sink, tick)
    })?;
    // Complete: the side file has served its purpose.
    let _ = std::fs::remove_file(&t.side);
    Ok(summary)
}
