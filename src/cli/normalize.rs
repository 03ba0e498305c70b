//! `vnplan normalize PATH`: the normalised text all spans point into.

use super::{ToneArg, EXIT_OK, EXIT_SOME_FAILED};
use std::io::{Read, Write};
use vnplan_engine::ingest::{self, Format};
use vnplan_engine::normalize::{self, NormalizeOptions};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A file, or `-` for text on stdin.
    pub path: String,
    /// Tone-mark placement in `oa`, `oe`, `uy`.
    #[arg(long = "tone-style", value_enum, default_value_t = ToneArg::Hoa)]
    pub tone_style: ToneArg,
}

pub fn run(args: Args) -> i32 {
    let (bytes, format) = if args.path == "-" {
        let mut buf = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
            eprintln!("vnplan: cannot read stdin: {e}");
            return EXIT_SOME_FAILED;
        }
        (buf, Some(Format::Text))
    } else {
        match std::fs::read(&args.path) {
            Ok(b) => (b, Format::from_path(&args.path)),
            Err(e) => {
                eprintln!("vnplan: {}: {e}", args.path);
                return EXIT_SOME_FAILED;
            }
        }
    };
    let Some(format) = format else {
        eprintln!(
            "vnplan: {}: unsupported format (expected .pdf, .txt, .md or .docx)",
            args.path
        );
        return EXIT_SOME_FAILED;
    };
    let raw = match ingest::ingest(&bytes, format) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("vnplan: {}: {e}", args.path);
            return EXIT_SOME_FAILED;
        }
    };
    let opts = NormalizeOptions {
        tone_style: args.tone_style.into(),
        strip_markdown: (format == Format::Markdown).then_some(true),
    };
    let norm = normalize::normalize(&raw.text, &raw.page_starts, &opts);
    let mut out = std::io::stdout().lock();
    if writeln!(out, "{}", norm.text).is_err() {
        return EXIT_SOME_FAILED;
    }
    EXIT_OK
}
