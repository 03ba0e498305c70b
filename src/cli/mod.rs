//! Command-line front end: argument structs and one function per
//! subcommand. Errors are reported here, once, as messages and exit codes.

pub mod extract;
pub mod normalize;
pub mod schema;
pub mod worker;

use clap::{Parser, Subcommand, ValueEnum};
use vnplan_engine::normalize::ToneStyle;

/// Exit status: every document succeeded.
pub const EXIT_OK: i32 = 0;
/// Exit status: some documents failed (their error records are in the output).
pub const EXIT_SOME_FAILED: i32 = 1;
/// Exit status: usage error (bad arguments, unwritable output).
pub const EXIT_USAGE: i32 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "vnplan",
    version,
    about = "Turn Vietnamese administrative plans (Kế hoạch) into clean, comparable JSON records"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Extract one JSON record per document (JSON Lines on stdout).
    Extract(extract::Args),
    /// Print the normalised text that all spans point into.
    Normalize(normalize::Args),
    /// Print the JSON Schema of an output line.
    Schema,
    /// (internal) Process one file and print its output line; used to
    /// isolate PDF parsing in a child process.
    #[command(name = "__worker", hide = true)]
    Worker(worker::Args),
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

impl ToneArg {
    /// The value's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ToneArg::Hoa => "hòa",
            ToneArg::Hoaf => "hoà",
            ToneArg::Keep => "keep",
        }
    }
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
