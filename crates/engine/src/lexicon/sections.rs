//! Canonical section kinds, recognised from the leading words of a heading.

use crate::record::vocab::SectionKind;

/// How a heading may continue after its keyword.
#[derive(Debug, Clone, Copy)]
pub enum Suffix {
    /// Only the keyword itself (or followed by punctuation / a list).
    None,
    /// The keyword followed by one of these words.
    Words(&'static [&'static str]),
    /// Anything may follow (`Thời gian …`, `Địa điểm …`).
    Any,
}

/// (keyword phrase in lower case, kind, allowed continuation). Order matters:
/// the first match wins, so compound kinds come first.
pub static SECTION_KINDS: &[(&str, SectionKind, Suffix)] = &[
    (
        "mục đích, yêu cầu",
        SectionKind::MucDichYeuCau,
        Suffix::None,
    ),
    (
        "mục đích và yêu cầu",
        SectionKind::MucDichYeuCau,
        Suffix::None,
    ),
    (
        "mục đích - yêu cầu",
        SectionKind::MucDichYeuCau,
        Suffix::None,
    ),
    ("mục đích yêu cầu", SectionKind::MucDichYeuCau, Suffix::None),
    (
        "nhiệm vụ và giải pháp",
        SectionKind::NhiemVuGiaiPhap,
        Suffix::Any,
    ),
    (
        "nhiệm vụ, giải pháp",
        SectionKind::NhiemVuGiaiPhap,
        Suffix::Any,
    ),
    ("mục đích", SectionKind::MucDich, Suffix::None),
    ("yêu cầu", SectionKind::YeuCau, Suffix::None),
    (
        "mục tiêu",
        SectionKind::MucTieu,
        Suffix::Words(&[
            "chung", "cụ", "chính", "tổng", "đến", "năm", "giai", "và", "phấn",
        ]),
    ),
    (
        "nhiệm vụ",
        SectionKind::NhiemVu,
        Suffix::Words(&["chính", "chủ", "trọng", "cụ", "thực", "chung", "năm"]),
    ),
    (
        "giải pháp",
        SectionKind::GiaiPhap,
        Suffix::Words(&["thực", "chủ", "chính", "cụ", "thực"]),
    ),
    (
        "nội dung",
        SectionKind::NoiDung,
        Suffix::Words(&["thực", "chính", "chủ", "cụ", "ra", "hoạt", "triển", "kế"]),
    ),
    (
        "tổ chức thực hiện",
        SectionKind::ToChucThucHien,
        Suffix::None,
    ),
    // Who does what, under the names inspection and working plans use.
    (
        "phân công nhiệm vụ",
        SectionKind::ToChucThucHien,
        Suffix::Any,
    ),
    (
        "phân công thực hiện",
        SectionKind::ToChucThucHien,
        Suffix::Any,
    ),
    (
        "phân công trách nhiệm",
        SectionKind::ToChucThucHien,
        Suffix::Any,
    ),
    (
        "trách nhiệm thực hiện",
        SectionKind::ToChucThucHien,
        Suffix::Any,
    ),
    ("kinh phí", SectionKind::KinhPhi, Suffix::Any),
    ("nguồn kinh phí", SectionKind::KinhPhi, Suffix::Any),
    ("thời gian", SectionKind::ThoiGian, Suffix::Any),
    ("địa điểm", SectionKind::DiaDiem, Suffix::Any),
    ("chế độ báo cáo", SectionKind::BaoCao, Suffix::Any),
    (
        "chế độ thông tin, báo cáo",
        SectionKind::BaoCao,
        Suffix::Any,
    ),
];

/// Canonical kind of a heading (`other` when no keyword applies).
pub fn kind_of_heading(heading: &str) -> SectionKind {
    let mut h = heading.trim().to_lowercase();
    for prefix in ["các ", "về "] {
        if let Some(rest) = h.strip_prefix(prefix) {
            h = rest.to_string();
        }
    }
    let h = h.trim_end_matches(['.', ':', ';', ' ']);
    for (keyword, kind, suffix) in SECTION_KINDS {
        let Some(rest) = h.strip_prefix(keyword) else {
            continue;
        };
        if rest.is_empty() {
            return *kind;
        }
        let ok = match suffix {
            Suffix::Any => rest.starts_with([' ', ',', ':', '-', '(']),
            Suffix::None => rest.starts_with([',', ':', '(']) || rest.starts_with(" -"),
            Suffix::Words(words) => rest
                .strip_prefix(' ')
                .map(|r| {
                    let w = r.split([' ', ',']).next().unwrap_or("");
                    words.contains(&w)
                })
                .unwrap_or_else(|| rest.starts_with([',', ':'])),
        };
        if ok {
            return *kind;
        }
    }
    SectionKind::Other
}

#[cfg(test)]
mod tests {
    use super::kind_of_heading as k;
    use crate::record::vocab::SectionKind;

    #[test]
    fn classifies_headings_by_leading_words() {
        assert_eq!(k("MỤC ĐÍCH, YÊU CẦU"), SectionKind::MucDichYeuCau);
        assert_eq!(k("Mục đích"), SectionKind::MucDich);
        assert_eq!(k("YÊU CẦU"), SectionKind::YeuCau);
        assert_eq!(k("CÁC MỤC TIÊU"), SectionKind::MucTieu);
        assert_eq!(k("Mục tiêu cụ thể"), SectionKind::MucTieu);
        assert_eq!(
            k("NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU"),
            SectionKind::NhiemVuGiaiPhap
        );
        assert_eq!(k("CÁC NHIỆM VỤ CHÍNH"), SectionKind::NhiemVu);
        assert_eq!(k("Giải pháp thực hiện"), SectionKind::GiaiPhap);
        assert_eq!(k("NỘI DUNG THỰC HIỆN"), SectionKind::NoiDung);
        assert_eq!(k("Thời gian, hình thức tổ chức"), SectionKind::ThoiGian);
        assert_eq!(k("Địa điểm làm lễ ra quân"), SectionKind::DiaDiem);
        assert_eq!(k("TỔ CHỨC THỰC HIỆN"), SectionKind::ToChucThucHien);
        assert_eq!(k("Phân công nhiệm vụ"), SectionKind::ToChucThucHien);
        assert_eq!(k("TRÁCH NHIỆM THỰC HIỆN"), SectionKind::ToChucThucHien);
        assert_eq!(k("Kinh phí thực hiện"), SectionKind::KinhPhi);
        // Directives and names are not section kinds.
        assert_eq!(k("Yêu cầu các ông, bà Trưởng xóm"), SectionKind::Other);
        assert_eq!(k("Nội dung hạng mục công trình xóm"), SectionKind::Other);
        assert_eq!(
            k("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"),
            SectionKind::Other
        );
        assert_eq!(k("Chủ đề"), SectionKind::Other);
    }
}
