//! DOCX ingest (not yet implemented: reported as an unsupported format).

use super::RawText;
use crate::error::DocError;

pub fn extract(_bytes: &[u8]) -> Result<RawText, DocError> {
    Err(DocError::UnsupportedFormat(
        "DOCX reading is not implemented yet".into(),
    ))
}
