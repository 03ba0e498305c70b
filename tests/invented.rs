//! Plans invented in the style of real ones (`fixtures/invented/`), with
//! features the corpus lacks: the rules must hold beyond the seed plans.

use serde_json::{json, Value};
use std::path::Path;

fn record(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/invented")
        .join(name);
    let r = vnplan_engine::process_bytes(
        name,
        &std::fs::read(path).unwrap(),
        None,
        &vnplan_engine::Options::default(),
    )
    .unwrap();
    serde_json::to_value(r).unwrap()
}

fn pick(list: &Value, keys: &[&str]) -> Vec<Value> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|x| Value::Array(keys.iter().map(|k| x[*k].clone()).collect()))
        .collect()
}

#[test]
fn party_committee_plan() {
    let r = record("ke_hoach_huyen_uy.txt");
    let d = &r["document"];
    assert_eq!(d["number"], "12-KH/HU");
    assert_eq!(d["symbol"], "KH/HU");
    assert_eq!(d["issuer"], "Huyện ủy Đăk Hà");
    assert_eq!(d["issuer_level"], "huyen");
    assert_eq!(
        (d["place"].as_str(), d["date"].as_str()),
        (Some("Đăk Hà"), Some("2024-03-15"))
    );
    assert_eq!(d["signer"]["authority"], "TM.");
    assert_eq!(d["signer"]["on_behalf_of"], "Ban Thường vụ");
    assert_eq!(d["signer"]["position"], "Phó Bí thư");
    assert_eq!(d["recipients"].as_array().unwrap().len(), 3);
    assert_eq!(
        pick(&r["references"], &["number", "date", "issuer"]),
        vec![json!([
            "07-NQ/TU",
            "2024-01-20",
            "Ban Chấp hành Đảng bộ tỉnh Kon Tum"
        ])]
    );
    let kinds: Vec<Value> = pick(&r["sections"], &["path", "kind"])
        .into_iter()
        .filter(|p| p[0].as_str().unwrap().len() <= 3)
        .collect();
    assert!(kinds.contains(&json!(["III", "kinh_phi"])), "{kinds:?}");
    assert!(kinds.contains(&json!(["II", "nhiem_vu_giai_phap"])));
    assert!(pick(&r["sections"], &["path"]).contains(&json!(["II.1.b"])));
    assert_eq!(
        pick(&r["deadlines"], &["due", "relation", "units"]),
        vec![
            json!(["2024-Q2", "by", ["Ban Tuyên giáo Huyện ủy"]]),
            json!(["2024-04-30", "by", ["Đảng ủy các xã"]]),
            json!(["yearly:month=6;day=15", "before", ["Văn phòng Huyện ủy"]]),
        ]
    );
    assert_eq!(
        pick(&r["assignments"], &["unit", "role"])[0],
        json!(["Ban Tuyên giáo Huyện ủy", "chu_tri"])
    );
    assert_eq!(
        pick(&r["criteria"], &["number"]),
        vec![json!([13]), json!([17])]
    );
    assert_eq!(
        pick(&r["targets"], &["quantity", "unit", "comparator"]),
        vec![
            json!([100.0, "%", null]),
            json!([5.0, "mô hình", "toi_thieu"]),
            json!([15.0, "tỷ đồng", "khoang"])
        ]
    );
    assert!(pick(&r["dates"], &["value", "role"]).contains(&json!(["2025;part=end", "period"])));
}

#[test]
fn commune_plan_hard_wrapped_at_another_width() {
    let r = record("ke_hoach_xa_wrapped.txt");
    let d = &r["document"];
    assert_eq!(
        (d["number"].as_str(), d["issuer"].as_str()),
        (Some("45/KH-UBND"), Some("Ủy ban nhân dân xã Hòa Bình"))
    );
    assert_eq!(
        d["title"],
        "Nâng cao chất lượng các tiêu chí xã nông thôn mới năm 2025"
    );
    assert_eq!(
        (
            d["signer"]["authority"].as_str(),
            d["signer"]["signs_for"].as_str()
        ),
        (Some("KT."), Some("Chủ tịch"))
    );
    // The glyph `ƣ` and a wrapped issuer name: `Thủ tướng Chính phủ`.
    assert_eq!(
        pick(&r["references"], &["number", "issuer"]),
        vec![
            json!(["318/QĐ-TTg", "Thủ tướng Chính phủ"]),
            json!(["120/KH-UBND", "Ủy ban nhân dân huyện"])
        ]
    );
    assert_eq!(
        pick(&r["criteria_counts"], &["achieved", "total"]),
        vec![json!([18.0, 19]), json!([19.0, 19])]
    );
    // `Tiêu chí số 9 về Nhà ở dân cư: chưa đạt` — the status after the colon.
    assert!(pick(&r["criteria"], &["number", "status"]).contains(&json!([9, "chua_dat"])));
    assert_eq!(
        pick(&r["deadlines"], &["due", "relation"]),
        vec![
            json!(["2025-09-30", "before"]),
            json!(["monthly:day=20", "before"]),
            json!(["2025-11-15", "by"])
        ]
    );
    assert_eq!(
        r["deadlines"][1]["units"],
        json!(["Công chức Văn hóa - Xã hội"])
    );
    assert_eq!(
        pick(&r["assignments"], &["unit", "role"]),
        vec![
            json!(["Công chức Văn hóa - Xã hội", "chu_tri"]),
            json!(["Ủy ban Mặt trận Tổ quốc Việt Nam xã Hòa Bình", "de_nghi"]),
            json!(["các đoàn thể", "de_nghi"]),
            json!(["Các thôn", "thuc_hien"]),
        ]
    );
    // A day without a year takes the plan's year.
    assert!(pick(&r["dates"], &["value", "role"]).contains(&json!(["2025-04-05", "event"])));
    assert_eq!(
        pick(&r["targets"], &["quantity", "unit", "comparator"]),
        vec![
            json!([12.0, "căn", "toi_thieu"]),
            json!([20.0, "căn", "khoang"]),
            json!([95.0, "%", "tren"]),
            json!([2500.0, "triệu đồng", null])
        ]
    );
}

#[test]
fn outline_numbered_without_roman_numerals() {
    // `1.` / `3.1.` at the top, and a heading glued to its body (`… Xây
    // dựng Chủ trì rà soát …`), as PDFs of such plans give them.
    let r = record("ke_hoach_xa_arabic_outline.txt");
    assert_eq!(
        pick(&r["sections"], &["path", "level", "kind"]),
        vec![
            json!(["1", 1, "muc_dich_yeu_cau"]),
            json!(["2", 1, "nhiem_vu"]),
            json!(["3", 1, "to_chuc_thuc_hien"]),
            json!(["3.1", 2, "other"]),
            json!(["3.2", 2, "other"]),
        ]
    );
    assert_eq!(
        pick(&r["assignments"], &["unit", "role"]),
        vec![
            json!(["Công chức Địa chính - Xây dựng", "chu_tri"]),
            json!(["Ban Chỉ đạo các thôn", "thuc_hien"]),
        ]
    );
    assert_eq!(
        pick(&r["deadlines"], &["due", "units"]),
        vec![
            json!(["2026-04-30", ["Công chức Địa chính - Xây dựng"]]),
            json!(["2026-05-15", ["Ban Chỉ đạo các thôn"]]),
        ]
    );
}

#[test]
fn criteria_and_targets_before_the_first_heading_and_indicators_after_tieu_chi_so() {
    let text = "KẾ HOẠCH\nXây dựng nông thôn mới\nNăm 2025, xã đạt 17/19 tiêu chí, phấn đấu xây dựng tối thiểu 2,5 km đường.\nI. MỤC TIÊU\nHoàn thành Tiêu chí số 17.1 về nước sạch và Tiêu chí số 5.\n";
    let r = vnplan_engine::process_bytes("intro.txt", text.as_bytes(), None, &Default::default())
        .unwrap();
    let r = serde_json::to_value(r).unwrap();
    assert_eq!(
        pick(&r["criteria_counts"], &["achieved", "total", "status"]),
        vec![json!([17.0, 19, "dat"])]
    );
    assert_eq!(
        pick(&r["targets"], &["quantity", "unit", "comparator"]),
        vec![json!([2.5, "km", "toi_thieu"])]
    );
    assert_eq!(
        pick(&r["criteria"], &["number", "indicator"]),
        vec![json!([17, "17.1"]), json!([5, null])]
    );
}

#[test]
fn partners_after_phoi_hop_voi_are_assigned_and_ban_nhan_dan_is_one_body() {
    let text = "ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH\nSố: 12/KH-UBND\nKẾ HOẠCH\nXây dựng nông thôn mới năm 2026\nI. MỤC ĐÍCH\nHuy động nhân dân.\nII. TỔ CHỨC THỰC HIỆN\n1. Công chức Văn hóa - Xã hội chủ trì, phối hợp với Ban nhân dân các thôn và Đoàn Thanh niên xã tổ chức tuyên truyền, hoàn thành trước ngày 30/4/2026.\n";
    let r =
        vnplan_engine::process_bytes("partners.txt", text.as_bytes(), None, &Default::default())
            .unwrap();
    let r = serde_json::to_value(r).unwrap();
    assert_eq!(
        pick(&r["assignments"], &["unit", "role"]),
        vec![
            json!(["Công chức Văn hóa - Xã hội", "chu_tri"]),
            json!(["Ban nhân dân các thôn", "phoi_hop"]),
            json!(["Đoàn Thanh niên xã Hòa Bình", "phoi_hop"]),
        ]
    );
    // No spurious `Ban` cut from `Ban nhân dân các thôn`.
    let units: Vec<Value> = pick(&r["units"], &["canonical"]);
    assert!(!units.contains(&json!(["Ban"])), "{units:?}");
}
