//! Optional OCR of image-only PDFs with Tesseract (`vie` language), pages
//! rendered by poppler's `pdftoppm`. Both are external programs: when they
//! are missing, the error says what to install. Nothing is downloaded.

use crate::error::DocError;
use std::process::{Command, Stdio};

/// What to install for `--ocr`, in Debian package names.
pub const OCR_PACKAGES: &str = "tesseract-ocr, tesseract-ocr-vie and poppler-utils";

/// Are `pdftoppm` and Tesseract with Vietnamese installed?
pub fn available() -> bool {
    let pdftoppm = Command::new("pdftoppm")
        .arg("-v")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    let langs = Command::new("tesseract")
        .arg("--list-langs")
        .stderr(Stdio::null())
        .output();
    pdftoppm
        && langs.is_ok_and(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|l| l.trim() == "vie")
        })
}

/// OCR every page of a PDF; one string per page.
pub fn ocr_pdf(bytes: &[u8]) -> Result<Vec<String>, DocError> {
    if !available() {
        return Err(DocError::OcrUnavailable(format!(
            "the PDF has no text layer and --ocr needs {OCR_PACKAGES} (apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils)"
        )));
    }
    let dir = tempfile::tempdir()
        .map_err(|e| DocError::Internal(format!("cannot make a temporary folder: {e}")))?;
    let input = dir.path().join("in.pdf");
    std::fs::write(&input, bytes)
        .map_err(|e| DocError::Internal(format!("cannot write a temporary file: {e}")))?;
    let status = Command::new("pdftoppm")
        .args(["-r", "300", "-gray", "-png"])
        .arg(&input)
        .arg(dir.path().join("page"))
        .stderr(Stdio::null())
        .status()
        .map_err(|e| DocError::Internal(format!("cannot run pdftoppm: {e}")))?;
    if !status.success() {
        return Err(DocError::Malformed(
            "pdftoppm could not render the pages".into(),
        ));
    }
    let mut images: Vec<_> = std::fs::read_dir(dir.path())
        .map_err(|e| DocError::Internal(e.to_string()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .collect();
    images.sort();
    let mut pages = Vec::with_capacity(images.len());
    for img in images {
        let out = Command::new("tesseract")
            .arg(&img)
            .arg("-")
            // Keep the layout, so the column rules of `pdftotext -layout` text
            // apply: `preserve_interword_spaces` keeps the run of spaces between
            // the issuing body and the motto, the number and the date, `Nơi
            // nhận:` and the signature; page segmentation 4 (one column of
            // lines of varying size) keeps each printed line whole and puts a
            // blank line between blocks, as under the title.
            .args([
                "-l",
                "vie",
                "--psm",
                "4",
                "-c",
                "preserve_interword_spaces=1",
            ])
            .stderr(Stdio::null())
            .output()
            .map_err(|e| DocError::Internal(format!("cannot run tesseract: {e}")))?;
        pages.push(String::from_utf8_lossy(&out.stdout).into_owned());
    }
    Ok(pages)
}
