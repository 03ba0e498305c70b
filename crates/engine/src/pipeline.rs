//! One document through every stage: bytes → ingest → normalise → segment
//! → extract → assemble → [`Record`]. The only place that knows the order
//! of the stages; each stage is a plain function over the previous one's
//! output.

use crate::assemble::{assemble, sha256_hex};
use crate::error::DocError;
use crate::extract;
use crate::ingest::{self, Format};
use crate::normalize::{self, NormalizeOptions};
use crate::record::*;
use crate::segment;
use serde::{Deserialize, Serialize};

/// Options for processing one document. Built once by the caller; they
/// travel to isolated workers in this serialised form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Options {
    pub normalize: NormalizeOptions,
    /// Read image-only PDFs by OCR (needs Tesseract with `vie`).
    pub ocr: bool,
}

/// Process one document given its display path and bytes.
///
/// The format is read from the bytes' signature when they carry one (PDF,
/// DOCX, legacy Word, RTF), else taken from `format`, else from the path's
/// extension. The record carries the normalised text
/// ([`Record::text`]) that all its spans point into.
///
/// ```
/// use vnplan_engine::{process_bytes, Options};
/// use vnplan_engine::record::vocab::{DateKind, Relation};
///
/// let plan = "ỦY BAN NHÂN DÂN XÃ MỸ AN\nSố: 12/KH-UBND\n\nKẾ HOẠCH\nTổ chức Lễ ra quân\n\n\
///             I. MỤC ĐÍCH\nHuy động toàn dân tham gia.\n\
///             II. TỔ CHỨC THỰC HIỆN\n1. Văn phòng UBND xã\nBáo cáo kết quả trước ngày 15/3/2026.\n";
/// let record = process_bytes("plan.txt", plan.as_bytes(), None, &Options::default()).unwrap();
/// assert_eq!(record.document.kind.as_deref(), Some("KH"));
/// assert_eq!(record.document.number.as_deref(), Some("12/KH-UBND"));
/// assert_eq!(record.deadlines[0].due, "2026-03-15");
/// assert_eq!(record.deadlines[0].relation, Relation::Before);
/// assert_eq!(record.dates[0].kind, DateKind::Date);
/// // Every span points into the normalised text that travels with the record.
/// let text = record.text.as_ref().unwrap();
/// assert_eq!(text.slice(record.dates[0].at.span), "ngày 15/3/2026");
/// ```
pub fn process_bytes(
    path: &str,
    bytes: &[u8],
    format: Option<Format>,
    opts: &Options,
) -> Result<Record, DocError> {
    let format = ingest::sniff(bytes)
        .or(format)
        .or_else(|| ingest::format_of_path(path))
        .ok_or_else(|| {
            DocError::UnsupportedFormat(format!("cannot tell the format of {path} from its name"))
        })?;
    let raw = ingest::ingest_with(bytes, format, opts.ocr)?;
    let mut nopts = opts.normalize;
    if format == Format::Markdown {
        nopts.strip_markdown = Some(true);
    }
    if matches!(format, Format::Docx | Format::Doc) {
        nopts.paragraph_lines = Some(true);
    }
    let norm = normalize::normalize(&raw.text, &raw.page_starts, &nopts);
    if norm.text.trim().is_empty() {
        return Err(DocError::Empty);
    }
    let outline = segment::segment(&norm);
    let extractions = extract::extract(&norm.text, &outline);
    let source = Source {
        path: path.to_string(),
        format,
        sha256: sha256_hex(bytes),
        bytes: bytes.len() as u64,
        pages: raw.pages,
        encoding: raw.encoding.clone(),
        backend: raw.backend,
        text_quality: raw.quality.map(|q| (q * 1000.0).round() / 1000.0),
    };
    let ingest_warnings = raw
        .warnings
        .into_iter()
        .map(|(code, message)| Warning {
            code,
            message,
            span: None,
        })
        .collect();
    Ok(assemble(
        &norm,
        &outline,
        extractions,
        source,
        ingest_warnings,
    ))
}
