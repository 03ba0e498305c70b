//! Ingest: bytes of one file → [`RawText`] (text, format, encoding, pages).
//!
//! Owns format detection and every way of getting text out of a file (PDF
//! text layer, text encodings, DOCX). It does not clean the text: that is
//! the normaliser's job, so the offset map can point back into exactly what
//! ingest produced.

pub mod doc;
pub mod docx;
pub mod ocr;
pub mod pdf;
pub mod pdf_repair;
pub mod text;

use crate::error::DocError;

pub use crate::record::vocab::{Backend, Format, WarningCode};

/// Format from a file name's extension; `None` when not one we read.
pub fn format_of_path(path: &str) -> Option<Format> {
    let ext = std::path::Path::new(path)
        .extension()?
        .to_str()?
        .to_ascii_lowercase();
    match ext.as_str() {
        "pdf" => Some(Format::Pdf),
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        "docx" => Some(Format::Docx),
        "doc" => Some(Format::Doc),
        "rtf" => Some(Format::Rtf),
        _ => None,
    }
}

/// Format from the bytes' own signature, when they carry one: a PDF or a
/// DOCX piped to standard input, or saved under another extension, is read
/// as what it is, and a legacy Word file or an RTF is classified instead of
/// being decoded as text.
///
/// ```
/// use vnplan_engine::ingest::{sniff, Format};
/// assert_eq!(sniff(b"%PDF-1.7\n..."), Some(Format::Pdf));
/// assert_eq!(sniff(b"{\\rtf1\\ansi ..."), Some(Format::Rtf));
/// assert_eq!(sniff("KẾ HOẠCH".as_bytes()), None);
/// ```
pub fn sniff(bytes: &[u8]) -> Option<Format> {
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    // PDF readers accept the header anywhere in the first kilobyte.
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        Some(Format::Pdf)
    } else if bytes.starts_with(b"PK\x03\x04") {
        Some(Format::Docx)
    } else if bytes.starts_with(OLE) {
        // An encrypted OOXML document is an OLE file too: the DOCX reader
        // reports it as encrypted.
        if docx::ole_has_stream(bytes, "EncryptionInfo") {
            Some(Format::Docx)
        } else {
            Some(Format::Doc)
        }
    } else if bytes.starts_with(b"{\\rtf") {
        Some(Format::Rtf)
    } else {
        None
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
    pub backend: Backend,
    /// Text-layer quality score of a PDF, 0 (garbage) .. 1 (clean).
    pub quality: Option<f64>,
    /// Things the user should know (ambiguous encoding, weak text layer…).
    pub warnings: Vec<(WarningCode, String)>,
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
            raw.backend = Backend::Tesseract;
            raw.warnings.push((
                WarningCode::Ocr,
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
        Format::Doc if sniff(bytes) == Some(Format::Doc) => doc::extract(bytes)?,
        Format::Doc | Format::Rtf => {
            docx::sniff_non_zip(bytes)?;
            return Err(DocError::UnsupportedFormat(format!(
                "a .{} file that is neither Word 97-2003 nor RTF; convert it to .docx",
                format.as_str()
            )));
        }
        Format::Text | Format::Markdown => {
            let decoded =
                text::decode_text(bytes).map_err(|e| DocError::Encoding(e.to_string()))?;
            RawText {
                text: decoded.text,
                format,
                encoding: Some(decoded.encoding.to_string()),
                page_starts: Vec::new(),
                pages: None,
                backend: Backend::Text,
                quality: None,
                warnings: decoded
                    .warnings
                    .into_iter()
                    .map(|w| (WarningCode::Encoding, w))
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
