//! Typed errors of the library. The CLI turns them into error records and
//! messages at the edge; nothing inside the library prints.

use crate::record::vocab::ErrorKind;
use thiserror::Error;

/// Why one document could not be turned into a record.
#[derive(Debug, Error)]
pub enum DocError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the file is empty or holds only whitespace")]
    Empty,
    #[error("unsupported format: {0}")]
    UnsupportedFormat(String),
    #[error("the file is encrypted and needs a password to open")]
    Encrypted,
    #[error("the PDF has no text layer (scanned image?); OCR is needed (vnplan extract --ocr)")]
    ImageOnly,
    #[error("{0}")]
    OcrUnavailable(String),
    #[error("malformed input: {0}")]
    Malformed(String),
    #[error("the fonts carry no usable Unicode mapping (ToUnicode): {0}")]
    UnsupportedFont(String),
    #[error("input too large: {0}")]
    TooLarge(String),
    #[error("cannot decode the text: {0}")]
    Encoding(String),
    #[error("processing timed out after {0} s")]
    Timeout(u64),
    #[error("internal error: {0}")]
    Internal(String),
}

impl DocError {
    /// The machine-readable kind used in error records.
    pub fn kind(&self) -> ErrorKind {
        match self {
            DocError::Io { .. } => ErrorKind::Io,
            DocError::Empty => ErrorKind::Empty,
            DocError::UnsupportedFormat(_) => ErrorKind::UnsupportedFormat,
            DocError::Encrypted => ErrorKind::Encrypted,
            DocError::ImageOnly | DocError::OcrUnavailable(_) => ErrorKind::ImageOnly,
            DocError::Malformed(_) => ErrorKind::Malformed,
            DocError::UnsupportedFont(_) => ErrorKind::UnsupportedFont,
            DocError::TooLarge(_) => ErrorKind::TooLarge,
            DocError::Encoding(_) => ErrorKind::Encoding,
            DocError::Timeout(_) => ErrorKind::Timeout,
            DocError::Internal(_) => ErrorKind::Internal,
        }
    }
}
