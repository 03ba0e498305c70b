//! Document types of Decree 30/2020/NĐ-CP (Điều 7, Phụ lục III) and of the
//! Party's Hướng dẫn 36-HD/VPTW, with their official abbreviations.

/// (type name in sentence case, abbreviation). Longest names first so that
/// "Chương trình hành động" wins over "Chương trình".
pub static DOC_TYPES: &[(&str, &str)] = &[
    ("Chương trình hành động", "CTr"),
    ("Nghị quyết", "NQ"),
    ("Quyết định", "QĐ"),
    ("Chỉ thị", "CT"),
    ("Quy chế", "QC"),
    ("Quy định", "QyĐ"),
    ("Thông cáo", "TC"),
    ("Thông báo", "TB"),
    ("Hướng dẫn", "HD"),
    ("Chương trình", "CTr"),
    ("Kế hoạch", "KH"),
    ("Phương án", "PA"),
    ("Đề án", "ĐA"),
    ("Dự án", "DA"),
    ("Báo cáo", "BC"),
    ("Biên bản", "BB"),
    ("Tờ trình", "TTr"),
    ("Hợp đồng", "HĐ"),
    ("Công điện", "CĐ"),
    ("Công văn", "CV"),
    // `Văn bản số 3301/BNNPTNT-VPĐP`: a letter, cited by its generic name.
    ("Văn bản", "CV"),
    ("Kết luận", "KL"),
    ("Thông tri", "TT"),
    ("Nghị định", "NĐ"),
    ("Thông tư", "TT"),
    ("Bộ luật", "BL"),
    ("Luật", "L"),
    ("Pháp lệnh", "PL"),
    ("Giấy mời", "GM"),
    ("Giấy giới thiệu", "GGT"),
    ("Giấy ủy quyền", "GUQ"),
    ("Giấy nghỉ phép", "GNP"),
    ("Phiếu gửi", "PG"),
    ("Phiếu chuyển", "PC"),
    ("Phiếu báo", "PB"),
    ("Bản ghi nhớ", "BGN"),
    ("Bản thỏa thuận", "BTT"),
    ("Thông tư liên tịch", "TTLT"),
];

/// The type of a document from its symbol when no type line names it:
/// the symbol's first part when it is a type code (`KH-UBND`, `QĐ-SCT`,
/// `NQ/TU`, `CV/ĐU`), else a Công văn, whose symbol has no type code
/// (`UBND-KT`, `SCT-QLCN`).
///
/// ```
/// use vnplan_engine::lexicon::doc_types::kind_of_symbol;
/// assert_eq!(kind_of_symbol("KH-UBND"), Some(("Kế hoạch", "KH")));
/// assert_eq!(kind_of_symbol("NQ/TU"), Some(("Nghị quyết", "NQ")));
/// assert_eq!(kind_of_symbol("UBND-KT"), Some(("Công văn", "CV")));
/// assert_eq!(kind_of_symbol(""), None);
/// ```
pub fn kind_of_symbol(symbol: &str) -> Option<(&'static str, &'static str)> {
    let symbol = symbol.trim_start_matches(|c: char| c.is_ascii_digit() || c == '/');
    let first = symbol.split(['-', '/']).next().filter(|f| !f.is_empty())?;
    match DOC_TYPES.iter().find(|(_, a)| *a == first) {
        Some(&(n, a)) => Some((n, a)),
        None => Some(("Công văn", "CV")),
    }
}

/// Abbreviation of a type name (any case), e.g. `KẾ HOẠCH` → `KH`.
pub fn abbreviation_of(name: &str) -> Option<(&'static str, &'static str)> {
    let lower = name.trim().to_lowercase();
    DOC_TYPES
        .iter()
        .find(|(n, _)| n.to_lowercase() == lower)
        .map(|&(n, a)| (n, a))
}

/// Type name of an abbreviation as it appears in a symbol (`KH` → `Kế hoạch`).
pub fn name_of(abbr: &str) -> Option<&'static str> {
    DOC_TYPES.iter().find(|(_, a)| *a == abbr).map(|(n, _)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_both_ways() {
        assert_eq!(abbreviation_of("KẾ HOẠCH"), Some(("Kế hoạch", "KH")));
        assert_eq!(abbreviation_of("Chương trình hành động").unwrap().1, "CTr");
        assert_eq!(name_of("QĐ"), Some("Quyết định"));
        assert_eq!(abbreviation_of("Kế hoạch mới"), None);
    }
}
