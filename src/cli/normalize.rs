//! `vnplan normalize PATH`: the normalised text all spans point into. It
//! runs the same entry point as `extract` (size limit, format sniffing,
//! PDF isolation) and prints the text that travels with the record.

use super::{ReadArgs, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE};
use std::io::Write;
use vnplan_engine::batch;
use vnplan_engine::record::sink::Sink;
use vnplan_engine::record::Output;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A file, or `-` for standard input.
    pub path: String,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Prints each record's text; an error record becomes a message on stderr.
struct TextSink<W: Write> {
    out: W,
}

impl<W: Write> Sink for TextSink<W> {
    fn write(&mut self, output: Output) -> std::io::Result<()> {
        match output {
            Output::Record(r) => {
                let text = r.text.map(|t| t.text).unwrap_or_default();
                self.out.write_all(text.as_bytes())?;
                self.out.write_all(b"\n")
            }
            Output::Error(e) => {
                eprintln!("vnplan: {}", e.error.message);
                Ok(())
            }
        }
    }

    fn finish(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

pub fn run(args: Args) -> i32 {
    let (inputs, _) = match super::inputs_of(std::slice::from_ref(&args.path)) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let opts = args.read.options();
    let batch_opts = args.read.batch();
    let stdout = std::io::stdout();
    let mut sink = TextSink {
        out: std::io::BufWriter::new(stdout.lock()),
    };
    match batch::run(&inputs, &opts, &batch_opts, &mut sink, &|| {}) {
        Ok(summary) if summary.errors.is_empty() => EXIT_OK,
        Ok(_) => EXIT_SOME_FAILED,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("vnplan: cannot write output: {e}");
            EXIT_USAGE
        }
    }
}
