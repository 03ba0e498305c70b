//! Typed errors of the library. The CLI turns them into error records and
//! messages at the edge; nothing inside the library prints.

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
    pub fn kind(&self) -> &'static str {
        match self {
            DocError::Io { .. } => "io",
            DocError::Empty => "empty",
            DocError::UnsupportedFormat(_) => "unsupported_format",
            DocError::Encrypted => "encrypted",
            DocError::ImageOnly | DocError::OcrUnavailable(_) => "image_only",
            DocError::Malformed(_) => "malformed",
            DocError::UnsupportedFont(_) => "unsupported_font",
            DocError::TooLarge(_) => "too_large",
            DocError::Encoding(_) => "encoding",
            DocError::Timeout(_) => "timeout",
            DocError::Internal(_) => "internal",
        }
    }
}
