//! Documents of other kinds than plans, invented in the layouts real offices
//! use (`fixtures/documents/`, see its README), against hand-checked gold
//! (`fixtures/documents/gold/<file>.json`). Prints precision and recall per
//! document field; every field must be at 100%.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

const FIELDS: &[&str] = &[
    "kind",
    "kind_name",
    "number",
    "symbol",
    "issuer",
    "parent",
    "issuer_level",
    "place",
    "date",
    "title",
    "signer.authority",
    "signer.position",
    "signer.name",
    "recipients",
];

fn get<'a>(v: &'a Value, field: &str) -> &'a Value {
    field.split('.').fold(v, |v, k| &v[k])
}

#[test]
fn documents_match_gold() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/documents");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt") || n.ends_with(".docx") || n.ends_with(".pdf"))
        .collect();
    names.sort();
    assert!(names.len() >= 7, "{names:?}");
    // (true positives, predicted, gold) per field.
    let mut score: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for name in &names {
        let gold: Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join("gold").join(format!("{name}.json")))
                .unwrap_or_else(|e| panic!("gold for {name}: {e}")),
        )
        .unwrap();
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let record = vnplan_engine::process_bytes(name, &bytes, None, &Default::default()).unwrap();
        let doc = serde_json::to_value(&record.document).unwrap();
        for &field in FIELDS {
            let (want, got) = (get(&gold, field), get(&doc, field));
            let s = score.entry(field).or_default();
            if field == "recipients" {
                let want: Vec<&Value> = want.as_array().unwrap().iter().collect();
                let got: Vec<&Value> = got
                    .as_array()
                    .map(|a| a.iter().collect())
                    .unwrap_or_default();
                s.0 += got.iter().filter(|g| want.contains(g)).count();
                s.1 += got.len();
                s.2 += want.len();
                if want != got {
                    misses.push(format!("{name} recipients: want {want:?}, got {got:?}"));
                }
                continue;
            }
            s.1 += usize::from(!got.is_null());
            s.2 += usize::from(!want.is_null());
            if want == got {
                s.0 += usize::from(!want.is_null());
            } else {
                misses.push(format!("{name} {field}: want {want}, got {got}"));
            }
        }
    }
    println!(
        "{:<18} {:>5} {:>5} {:>5} {:>9} {:>9}",
        "field", "tp", "pred", "gold", "precision", "recall"
    );
    let mut below = Vec::new();
    for (field, (tp, pred, gold)) in &score {
        let p = if *pred == 0 {
            1.0
        } else {
            *tp as f64 / *pred as f64
        };
        let r = if *gold == 0 {
            1.0
        } else {
            *tp as f64 / *gold as f64
        };
        println!(
            "{field:<18} {tp:>5} {pred:>5} {gold:>5} {:>8.1}% {:>8.1}%",
            p * 100.0,
            r * 100.0
        );
        if p < 1.0 || r < 1.0 {
            below.push(*field);
        }
    }
    for m in &misses {
        println!("  {m}");
    }
    assert!(below.is_empty(), "fields below 100%: {below:?}");
}

fn record(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/documents")
        .join(name);
    let bytes = std::fs::read(&path).unwrap();
    let r = vnplan_engine::process_bytes(name, &bytes, None, &Default::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::to_value(r).unwrap()
}

fn strings<'a>(r: &'a Value, list: &str, field: &str) -> Vec<&'a str> {
    r[list]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x[field].as_str())
        .collect()
}

/// A Quyết định's articles are its sections, and the plan it issues,
/// attached after its signature with its own header and `(Kèm theo …)`, is
/// read as an annex with its own parts, in every medium.
#[test]
fn decision_articles_and_attached_plan() {
    for name in [
        "qd_kem_ke_hoach_columns.txt",
        "qd_so_kem_ke_hoach_table.docx",
        "qd_so_kem_ke_hoach_table.pdf",
    ] {
        let r = record(name);
        assert_eq!(r["document"]["kind"], "QĐ", "{name}");
        let paths = strings(&r, "sections", "path");
        for want in ["Đ1", "Đ2", "Đ3"] {
            assert!(paths.contains(&want), "{name}: {paths:?}");
        }
        let plan: Vec<&&str> = paths.iter().filter(|p| p.starts_with("PL1.")).collect();
        assert!(plan.len() >= 2, "{name}: attached plan not read: {paths:?}");
        if name.starts_with("qd_kem") {
            for want in ["PL1.I", "PL1.II", "PL1.II.1", "PL1.II.2", "PL1.III"] {
                assert!(paths.contains(&want), "{name}: {paths:?}");
            }
        }
        let units = strings(&r, "units", "canonical");
        assert!(
            !units.iter().any(|u| u.starts_with("Ban hành")),
            "{name}: the verb `Ban hành` read as a unit: {units:?}"
        );
    }
}

/// Village boards are named whole (`Ban nhân dân các thôn`, never a bare
/// `Ban`), a sentence with two due dates gives two deadlines, and a
/// target's object stops before its due date.
#[test]
fn units_deadlines_and_targets_of_the_new_documents() {
    for name in ["kh_ubnd_huyen_table.docx", "kh_ubnd_huyen_table.pdf"] {
        let r = record(name);
        let units = strings(&r, "units", "canonical");
        assert!(
            units.contains(&"Ban nhân dân các thôn"),
            "{name}: {units:?}"
        );
        assert!(!units.contains(&"Ban"), "{name}: {units:?}");
        let dues: Vec<&str> = r["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["section"] == "II.1")
            .filter_map(|d| d["due"].as_str())
            .collect();
        assert_eq!(dues, ["2025-09-15", "2025-10-30"], "{name}");
    }
    let r = record("ctr_ubnd_xa_columns.txt");
    let objects = strings(&r, "targets", "object");
    assert_eq!(objects, ["đường trục thôn"]);
}
