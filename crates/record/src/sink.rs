//! Where outputs go. The batch runner hands every [`Output`], in input
//! order, to one [`Sink`]; JSON Lines is the first, the SQLite dataset and
//! other formats are more. Sinks depend on the record alone.
//!
//! A write error ends the run; a closed pipe is reported as
//! [`std::io::ErrorKind::BrokenPipe`], which the command line treats as a
//! normal end (as `ripgrep … | head` does).
//!
//! ```
//! use vnplan_record::sink::{JsonLines, Sink};
//! use vnplan_record::{ErrorInfo, ErrorRecord, ErrorSource, Output, SCHEMA_VERSION};
//! use vnplan_record::vocab::ErrorKind;
//!
//! let mut buf = Vec::new();
//! let mut sink = JsonLines::new(&mut buf);
//! sink.write(Output::Error(ErrorRecord {
//!     schema: SCHEMA_VERSION.into(),
//!     source: ErrorSource { path: "scan.pdf".into(), format: None, sha256: None, bytes: None },
//!     error: ErrorInfo { kind: ErrorKind::ImageOnly, message: "scan.pdf: no text layer".into() },
//! })).unwrap();
//! sink.finish().unwrap();
//! drop(sink);
//! assert_eq!(
//!     String::from_utf8(buf).unwrap(),
//!     "{\"schema\":\"vnplan.record/1\",\"source\":{\"path\":\"scan.pdf\"},\"error\":{\"kind\":\"image_only\",\"message\":\"scan.pdf: no text layer\"}}\n"
//! );
//! ```

use crate::Output;
use std::io::{self, Write};

/// A destination for outputs, in input order.
pub trait Sink {
    /// Take one output.
    fn write(&mut self, output: Output) -> io::Result<()>;
    /// Everything was written: flush, commit, close.
    fn finish(&mut self) -> io::Result<()>;
}

/// One JSON object per line. The text beside a record is left out unless
/// asked for ([`JsonLines::with_text`]).
pub struct JsonLines<W: Write> {
    out: W,
    pretty: bool,
    with_text: bool,
}

impl<W: Write> JsonLines<W> {
    pub fn new(out: W) -> JsonLines<W> {
        JsonLines {
            out,
            pretty: false,
            with_text: false,
        }
    }

    /// Indented JSON (one document for reading; no longer one line each).
    pub fn pretty(mut self, yes: bool) -> Self {
        self.pretty = yes;
        self
    }

    /// Keep each record's normalised text (`"text": {…}`).
    pub fn with_text(mut self, yes: bool) -> Self {
        self.with_text = yes;
        self
    }

    /// The line an output becomes in this sink, without the newline.
    pub fn render(&self, mut output: Output) -> io::Result<Vec<u8>> {
        if let (Output::Record(r), false) = (&mut output, self.with_text) {
            r.text = None;
        }
        let bytes = if self.pretty {
            serde_json::to_vec_pretty(&output)
        } else {
            serde_json::to_vec(&output)
        };
        bytes.map_err(io::Error::other)
    }
}

impl<W: Write> Sink for JsonLines<W> {
    fn write(&mut self, output: Output) -> io::Result<()> {
        let mut line = self.render(output)?;
        line.push(b'\n');
        self.out.write_all(&line)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

impl<S: Sink + ?Sized> Sink for &mut S {
    fn write(&mut self, output: Output) -> io::Result<()> {
        (**self).write(output)
    }
    fn finish(&mut self) -> io::Result<()> {
        (**self).finish()
    }
}
