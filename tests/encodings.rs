//! The same invented plan saved in every encoding archives hold must give
//! the same record as its Unicode original, with the encoding named.

use serde_json::Value;
use std::path::Path;

fn record(path: &Path) -> Value {
    let bytes = std::fs::read(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let r = vnplan_engine::process_bytes(&name, &bytes, None, &vnplan_engine::Options::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::to_value(r).unwrap()
}

#[test]
fn every_encoding_gives_the_unicode_record() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/encodings");
    let reference = record(&dir.join("plan_unicode.txt"));
    let cases = [
        ("plan_tcvn3.txt", "tcvn3"),
        ("plan_vni.txt", "vni"),
        ("plan_cp1258.txt", "windows-1258"),
        ("plan_utf16le.txt", "utf-16le"),
        ("plan_tcvn3_mojibake.txt", "tcvn3-mojibake"),
        ("plan_vni_mojibake.txt", "vni-mojibake"),
    ];
    for (file, encoding) in cases {
        let r = record(&dir.join(file));
        assert_eq!(r["source"]["encoding"], encoding, "{file}");
        // Raw offsets differ between encodings (Windows-1258 is decomposed).
        let doc = |v: &Value| {
            let mut d = v["document"].clone();
            d["signer"].as_object_mut().unwrap().remove("source_span");
            d
        };
        assert_eq!(doc(&r), doc(&reference), "{file}");
        for field in ["references", "dates", "deadlines"] {
            // TCVN3 has no toned capitals: a toned capital in mid-sentence
            // (`của Ủy ban`) comes back lower-case, so texts compare
            // case-insensitively; values must be identical.
            let strip = |v: &Value| -> Vec<(String, Value)> {
                v[field]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| {
                        (
                            x["text"].as_str().unwrap().to_lowercase(),
                            x.get("value")
                                .or(x.get("number"))
                                .cloned()
                                .unwrap_or(Value::Null),
                        )
                    })
                    .collect()
            };
            assert_eq!(strip(&r), strip(&reference), "{file}: {field}");
        }
        let headings = |v: &Value| -> Vec<Value> {
            v["sections"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["heading"].clone())
                .collect()
        };
        assert_eq!(headings(&r), headings(&reference), "{file}");
        assert!(
            r["warnings"].as_array().unwrap().is_empty(),
            "{file}: {}",
            r["warnings"]
        );
    }
    assert_eq!(reference["document"]["number"], "12/KH-UBND");
}
