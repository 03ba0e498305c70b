//! PDF ingest through the text layer (`pdf-extract`).
//!
//! pdf-extract panics on some malformed files and can recurse deeply, so it
//! runs on a worker thread with a large stack inside `catch_unwind`; a panic
//! becomes a `malformed` error for this file only. Pages are joined with a
//! line break and their start offsets recorded for provenance.

use super::{Format, RawText};
use crate::error::DocError;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Stack for the extraction thread: deep object nesting recurses.
const EXTRACT_STACK: usize = 256 * 1024 * 1024;

pub fn extract(bytes: &[u8]) -> Result<RawText, DocError> {
    if !bytes.starts_with(b"%PDF")
        && !bytes[..bytes.len().min(1024)]
            .windows(4)
            .any(|w| w == b"%PDF")
    {
        return Err(DocError::Malformed(
            "not a PDF file (no %PDF signature)".into(),
        ));
    }
    if is_encrypted(bytes) {
        // pdf-extract can open owner-password-only files; try, and report
        // `encrypted` only when it fails.
        return match extract_pages(bytes) {
            Ok(pages) if pages.iter().any(|p| !p.trim().is_empty()) => Ok(assemble(pages)),
            _ => Err(DocError::Encrypted),
        };
    }
    let pages = extract_pages(bytes)?;
    if pages.iter().all(|p| p.trim().is_empty()) {
        return Err(DocError::ImageOnly);
    }
    Ok(assemble(pages))
}

fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.windows(8).any(|w| w == b"/Encrypt")
}

fn extract_pages(bytes: &[u8]) -> Result<Vec<String>, DocError> {
    let owned = bytes.to_vec();
    let handle = std::thread::Builder::new()
        .name("pdf-extract".into())
        .stack_size(EXTRACT_STACK)
        .spawn(move || {
            catch_unwind(AssertUnwindSafe(|| {
                pdf_extract::extract_text_from_mem_by_pages(&owned)
            }))
        })
        .map_err(|e| DocError::Internal(format!("cannot start PDF worker: {e}")))?;
    match handle.join() {
        Ok(Ok(Ok(pages))) => Ok(pages),
        Ok(Ok(Err(e))) => Err(classify(&e.to_string())),
        Ok(Err(panic)) | Err(panic) => {
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "the PDF parser failed".into());
            Err(DocError::Malformed(format!("PDF parser panicked: {msg}")))
        }
    }
}

fn classify(msg: &str) -> DocError {
    let lower = msg.to_lowercase();
    if lower.contains("encrypt") || lower.contains("password") || lower.contains("decrypt") {
        DocError::Encrypted
    } else {
        DocError::Malformed(msg.to_string())
    }
}

fn assemble(pages: Vec<String>) -> RawText {
    let mut text = String::new();
    let mut page_starts = Vec::with_capacity(pages.len());
    let mut chars = 0usize;
    for page in &pages {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
            chars += 1;
        }
        page_starts.push(chars);
        text.push_str(page);
        chars += page.chars().count();
    }
    RawText {
        text,
        format: Format::Pdf,
        encoding: None,
        page_starts,
        pages: Some(pages.len()),
        backend: "pdf-extract",
        warnings: Vec::new(),
    }
}
