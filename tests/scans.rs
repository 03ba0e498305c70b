//! Scans: our own invented documents printed to PDF, rendered to noisy,
//! tilted 150 dpi images with no text layer (`fixtures/scans/`), read with
//! `--ocr`. Tesseract keeps the layout (interword spaces, page segmentation
//! 4), so the column rules of the header and the closing apply as to
//! `pdftotext -layout` text. Compared with the gold of the documents they
//! were printed from; precision and recall per field are printed. Skipped
//! with a message where Tesseract is not installed (CI installs it).

use serde_json::Value;
use std::path::Path;

/// Fields OCR must get right on every scan, and fields it is measured on.
const REQUIRED: &[&str] = &[
    "kind",
    "number",
    "date",
    "issuer",
    "issuer_level",
    "signer.name",
    "signer.authority",
];
const MEASURED: &[&str] = &["title", "place", "parent", "signer.position", "recipients"];

fn field<'a>(v: &'a Value, path: &str) -> &'a Value {
    path.split('.').fold(v, |v, k| &v[k])
}

#[test]
fn scans_of_invented_documents_read_by_ocr() {
    if !vnplan_engine::ingest::ocr::available() {
        println!("SKIPPED: tesseract-ocr with Vietnamese (vie) and pdftoppm are not installed");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut scans: Vec<_> = std::fs::read_dir(root.join("fixtures/scans"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    scans.sort();
    assert!(scans.len() >= 4, "{scans:?}");
    let opts = vnplan_engine::Options {
        ocr: true,
        ..Default::default()
    };
    let mut right: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    let mut failures = Vec::new();
    for scan in &scans {
        let name = scan
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace("_scan.pdf", ".pdf");
        let gold: Value = serde_json::from_str(
            &std::fs::read_to_string(
                root.join("fixtures/documents/gold")
                    .join(format!("{name}.json")),
            )
            .unwrap(),
        )
        .unwrap();
        let record = vnplan_engine::process_bytes(
            &scan.display().to_string(),
            &std::fs::read(scan).unwrap(),
            None,
            &opts,
        )
        .unwrap_or_else(|e| panic!("{}: {e}", scan.display()));
        assert_eq!(
            record.source.backend.as_str(),
            "tesseract",
            "{}",
            scan.display()
        );
        let doc = serde_json::to_value(&record.document).unwrap();
        for f in REQUIRED.iter().chain(MEASURED) {
            let ok = field(&doc, f) == field(&gold, f);
            let e = right.entry(f).or_default();
            e.1 += 1;
            if ok {
                e.0 += 1;
            } else if REQUIRED.contains(f) {
                failures.push(format!(
                    "{name} {f}: got {} want {}",
                    field(&doc, f),
                    field(&gold, f)
                ));
            }
        }
    }
    for (f, (ok, n)) in &right {
        println!("{f:<18} {ok}/{n} ({:.0}%)", 100.0 * *ok as f64 / *n as f64);
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
