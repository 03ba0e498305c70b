//! Damaged copies of our own invented PDFs (`fixtures/damaged/`, made by
//! `make_damaged.py` there): cut off before the cross-reference table, with
//! wrong xref offsets, a wrong `startxref`, no trailer. The parser cannot
//! open any of them; the tool rebuilds the cross-reference table from the
//! objects in the file and gives the same document fields as the intact
//! file, with a `damaged` warning. A file cut in half has lost its pages
//! and stays `malformed`, saying it is damaged.

use serde_json::Value;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn process(name: &str) -> Result<Value, vnplan_engine::DocError> {
    let bytes = std::fs::read(root().join("fixtures/damaged").join(name)).unwrap();
    vnplan_engine::process_bytes(name, &bytes, None, &Default::default())
        .map(|r| serde_json::to_value(r).unwrap())
}

/// The document fields that must survive the damage.
const FIELDS: &[&str] = &[
    "kind",
    "number",
    "issuer",
    "place",
    "date",
    "title",
    "recipients",
];

fn gold(original: &str) -> Value {
    let path = root()
        .join("fixtures/documents/gold")
        .join(format!("{original}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn structural_damage_is_repaired_with_a_warning() {
    for (name, original, pages) in [
        ("truncated_xref.pdf", "cv_ubnd_xa_table.pdf", 1),
        ("xref_garbage.pdf", "cv_ubnd_xa_table.pdf", 1),
        ("startxref_wrong.pdf", "cv_ubnd_xa_table.pdf", 1),
        ("no_trailer.pdf", "cv_ubnd_xa_table.pdf", 1),
        ("two_pages_no_xref.pdf", "kh_ubnd_huyen_table.pdf", 2),
    ] {
        let r = process(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        let want = gold(original);
        for f in FIELDS {
            assert_eq!(r["document"][f], want[f], "{name}: {f}");
        }
        assert_eq!(
            r["document"]["signer"]["name"], want["signer"]["name"],
            "{name}"
        );
        assert_eq!(r["source"]["pages"], pages, "{name}");
        let damaged: Vec<&str> = r["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| w["code"] == "damaged")
            .filter_map(|w| w["message"].as_str())
            .collect();
        assert_eq!(damaged.len(), 1, "{name}: {:?}", r["warnings"]);
        assert!(damaged[0].contains("rebuilt"), "{name}: {}", damaged[0]);
    }
}

#[test]
fn a_file_that_lost_its_pages_stays_malformed() {
    let e = process("truncated_half.pdf").expect_err("no page tree is left");
    assert_eq!(e.kind().as_str(), "malformed");
    assert!(e.to_string().contains("damaged"), "{e}");
}

/// The intact originals carry no `damaged` warning.
#[test]
fn intact_files_are_not_called_damaged() {
    for name in ["cv_ubnd_xa_table.pdf", "kh_ubnd_huyen_table.pdf"] {
        let bytes = std::fs::read(root().join("fixtures/documents").join(name)).unwrap();
        let r = vnplan_engine::process_bytes(name, &bytes, None, &Default::default()).unwrap();
        assert!(
            r.warnings.iter().all(|w| w.code.as_str() != "damaged"),
            "{name}"
        );
    }
}
