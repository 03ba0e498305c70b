//! DOCX plans through the whole pipeline: automatic numbering, layout
//! tables (header, signature), annex tables of assignments, and hostile
//! packages (bombs, missing parts, encryption).

use serde_json::Value;
use std::path::Path;

fn output(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/docx")
        .join(name);
    let out = vnplan_engine::batch::process_input(
        &vnplan_engine::batch::Input::File {
            display: name.to_string(),
            path,
        },
        &vnplan_engine::Options::default(),
    );
    serde_json::to_value(out).unwrap()
}

#[test]
fn numbered_plan_with_layout_tables() {
    let r = output("plan_numbering.docx");
    assert_eq!(r["source"]["format"], "docx");
    let d = &r["document"];
    assert_eq!(d["number"], "15/KH-UBND");
    assert_eq!(d["issuer"], "Ủy ban nhân dân xã Tân Phú");
    assert_eq!(d["date"], "2024-03-05");
    assert_eq!(d["signer"]["name"], "Nguyễn Văn An");
    assert_eq!(
        d["recipients"],
        serde_json::json!(["UBND huyện", "Lưu: VT"])
    );
    let paths: Vec<&str> = r["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["path"].as_str().unwrap())
        .collect();
    for p in [
        "I", "I.1", "I.1.1", "I.1.2", "I.2", "I.2.a", "I.2.b", "II", "II.1", "II.2", "III",
    ] {
        assert!(paths.contains(&p), "missing section {p}: {paths:?}");
    }
    assert_eq!(r["deadlines"][0]["due"], "2024-04-15");
    assert_eq!(r["references"][0]["number"], "318/QĐ-TTg");
}

#[test]
fn annex_table_rows_become_assignments() {
    let r = output("plan_python_docx.docx");
    let units: Vec<&str> = r["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["unit"].as_str().unwrap())
        .collect();
    assert_eq!(
        units,
        vec![
            "Ủy ban Mặt trận Tổ quốc xã Tân Phú",
            "Hội Liên hiệp Phụ nữ xã Tân Phú",
            "Đoàn Thanh niên xã Tân Phú"
        ]
    );
    assert_eq!(
        r["assignments"][0]["tasks"][0]["text"],
        "Phụ trách thôn: Thôn Đông"
    );
}

#[test]
fn hostile_packages_get_clear_errors() {
    for (file, kind) in [
        ("docx_missing_document.docx", "malformed"),
        ("docx_bomb.docx", "too_large"),
        ("docx_bomb_lying.docx", "too_large"),
        ("docx_truncated.docx", "malformed"),
        ("docx_bad_xml.docx", "malformed"),
        ("docx_encrypted.docx", "encrypted"),
    ] {
        let v = output(file);
        assert_eq!(v["error"]["kind"], kind, "{file}: {v}");
        assert!(v["error"]["message"].as_str().unwrap().contains(file));
    }
}
