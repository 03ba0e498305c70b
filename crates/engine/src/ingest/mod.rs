//! Ingest: bytes of one file → [`RawText`] (text, format, encoding, pages).
//!
//! Owns format detection and every way of getting text out of a file (PDF
//! text layer, text encodings, DOCX). It does not clean the text: that is
//! the normaliser's job, so the offset map can point back into exactly what
//! ingest produced.

pub mod docx;
pub mod ocr;
pub mod pdf;
pub mod text;

use crate::error::DocError;

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Text,
    Markdown,
    Docx,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Docx => "docx",
        }
    }

    /// Format from a file name's extension; `None` when not one we read.
    pub fn from_path(path: &str) -> Option<Format> {
        let ext = std::path::Path::new(path)
            .extension()?
            .to_str()?
            .to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Some(Format::Pdf),
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }
}

/// Text as ingest produced it, before any cleaning.
#[derive(Debug, Clone)]
pub struct RawText {
    pub text: String,
    pub format: Format,
    /// Detected encoding (text formats only).
    pub encoding: Option<String>,
    /// Character offsets of page starts (PDF only).
    pub page_starts: Vec<usize>,
    pub pages: Option<usize>,
    /// Which extractor produced the text.
    pub backend: &'static str,
    /// Text-layer quality score of a PDF, 0 (garbage) .. 1 (clean).
    pub quality: Option<f64>,
    /// Things the user should know (ambiguous encoding, weak text layer…).
    pub warnings: Vec<(String, String)>,
}

/// Get the text out of `bytes`, read from a file of format `format`.
pub fn ingest(bytes: &[u8], format: Format) -> Result<RawText, DocError> {
    ingest_with(bytes, format, false)
}

/// As [`ingest`]; with `ocr`, an image-only PDF is read by OCR.
pub fn ingest_with(bytes: &[u8], format: Format, ocr: bool) -> Result<RawText, DocError> {
    match ingest_text_layer(bytes, format) {
        Err(DocError::ImageOnly) if ocr && format == Format::Pdf => {
            let pages = ocr::ocr_pdf(bytes)?;
            if pages.iter().all(|p| p.trim().is_empty()) {
                return Err(DocError::ImageOnly);
            }
            let mut raw = pdf::assemble(pages);
            raw.backend = "tesseract";
            raw.warnings.push((
                "ocr".into(),
                "text read by OCR (tesseract, vie): expect recognition errors".into(),
            ));
            Ok(raw)
        }
        other => other,
    }
}

fn ingest_text_layer(bytes: &[u8], format: Format) -> Result<RawText, DocError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DocError::Empty);
    }
    let raw = match format {
        Format::Pdf => pdf::extract(bytes)?,
        Format::Docx => docx::extract(bytes)?,
        Format::Text | Format::Markdown => {
            let decoded =
                text::decode_text(bytes).map_err(|e| DocError::Encoding(e.to_string()))?;
            RawText {
                text: decoded.text,
                format,
                encoding: Some(decoded.encoding.to_string()),
                page_starts: Vec::new(),
                pages: None,
                backend: "text",
                quality: None,
                warnings: decoded
                    .warnings
                    .into_iter()
                    .map(|w| ("encoding".to_string(), w))
                    .collect(),
            }
        }
    };
    if raw.text.trim().is_empty() {
        return Err(match format {
            Format::Pdf => DocError::ImageOnly,
            _ => DocError::Empty,
        });
    }
    Ok(raw)
}
