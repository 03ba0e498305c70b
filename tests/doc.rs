//! Legacy Word 97–2003 `.doc` files are read (never skipped): the same
//! document fields as the twin they were saved from.

use std::path::Path;
use vnplan_engine::record::Document;

fn document(rel: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let bytes = std::fs::read(&path).unwrap();
    vnplan_engine::process_bytes(rel, &bytes, None, &Default::default())
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
        .document
}

fn without_signer_position(mut d: Document) -> Document {
    if let Some(s) = d.signer.as_mut() {
        s.at = None;
    }
    d
}

#[test]
fn a_doc_gives_the_fields_of_its_text_twin() {
    let doc = document("fixtures/doc/totrinh_hdnd.doc");
    let txt = document("fixtures/documents/totrinh_hdnd.txt");
    assert_eq!(without_signer_position(doc), without_signer_position(txt));
}

#[test]
fn a_doc_saved_from_docx_gives_the_fields_of_the_docx_header_in_text_boxes_too() {
    // Its header (issuing body, motto, number, place and date) is drawn in
    // text boxes, a story of its own that the reader puts first.
    let doc = document("fixtures/doc/plan_numbering.doc");
    let docx = document("fixtures/docx/plan_numbering.docx");
    assert_eq!(without_signer_position(doc), without_signer_position(docx));
}

#[test]
fn damaged_or_foreign_ole_files_are_clear_errors() {
    let mut fake = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    fake.resize(4096, 0);
    let e = vnplan_engine::process_bytes("x.doc", &fake, None, &Default::default()).unwrap_err();
    assert_eq!(e.kind().as_str(), "malformed", "{e}");
    let real =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/doc/totrinh_hdnd.doc"))
            .unwrap();
    for cut in [600, real.len() / 2, real.len() - 100] {
        // Truncated copies: an error record or a record, never a panic.
        let _ = vnplan_engine::process_bytes("cut.doc", &real[..cut], None, &Default::default());
    }
}
