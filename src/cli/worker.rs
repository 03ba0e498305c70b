//! `vnplan __worker PATH` (hidden): process one file in this process and
//! print its output line. The batch runs PDFs this way, in a child process
//! under a time and memory limit, so a parser crash costs one file.

use super::{ToneArg, EXIT_OK};
use std::io::Write;
use vnplan_engine::batch::{self, Input};
use vnplan_engine::normalize::NormalizeOptions;
use vnplan_engine::Options;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The file to process.
    pub path: std::path::PathBuf,
    /// The path to report in the record (as the user gave it).
    #[arg(long)]
    pub display: String,
    #[arg(long = "tone-style", value_enum, default_value_t = ToneArg::Hoa)]
    pub tone_style: ToneArg,
    /// Read image-only PDFs by OCR (needs tesseract-ocr, tesseract-ocr-vie
    /// and poppler-utils; without them the error record says so).
    #[arg(long)]
    pub ocr: bool,
}

pub fn run(args: Args) -> i32 {
    let opts = Options {
        normalize: NormalizeOptions {
            tone_style: args.tone_style.into(),
            strip_markdown: None,
        },
        ocr: args.ocr,
    };
    let output = batch::process_input(
        &Input::File {
            path: args.path,
            display: args.display,
        },
        &opts,
    );
    let line = serde_json::to_string(&output).unwrap_or_default();
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
    EXIT_OK
}
