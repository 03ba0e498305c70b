//! Canonical section kinds, recognised from the leading words of a heading.

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
pub static SECTION_KINDS: &[(&str, &str, Suffix)] = &[
    ("mục đích, yêu cầu", "muc_dich_yeu_cau", Suffix::None),
    ("mục đích và yêu cầu", "muc_dich_yeu_cau", Suffix::None),
    ("mục đích - yêu cầu", "muc_dich_yeu_cau", Suffix::None),
    ("mục đích yêu cầu", "muc_dich_yeu_cau", Suffix::None),
    ("nhiệm vụ và giải pháp", "nhiem_vu_giai_phap", Suffix::Any),
    ("nhiệm vụ, giải pháp", "nhiem_vu_giai_phap", Suffix::Any),
    ("mục đích", "muc_dich", Suffix::None),
    ("yêu cầu", "yeu_cau", Suffix::None),
    (
        "mục tiêu",
        "muc_tieu",
        Suffix::Words(&[
            "chung", "cụ", "chính", "tổng", "đến", "năm", "giai", "và", "phấn",
        ]),
    ),
    (
        "nhiệm vụ",
        "nhiem_vu",
        Suffix::Words(&["chính", "chủ", "trọng", "cụ", "thực", "chung", "năm"]),
    ),
    (
        "giải pháp",
        "giai_phap",
        Suffix::Words(&["thực", "chủ", "chính", "cụ", "thực"]),
    ),
    (
        "nội dung",
        "noi_dung",
        Suffix::Words(&["thực", "chính", "chủ", "cụ", "ra", "hoạt", "triển", "kế"]),
    ),
    ("tổ chức thực hiện", "to_chuc_thuc_hien", Suffix::None),
    ("kinh phí", "kinh_phi", Suffix::Any),
    ("nguồn kinh phí", "kinh_phi", Suffix::Any),
    ("thời gian", "thoi_gian", Suffix::Any),
    ("địa điểm", "dia_diem", Suffix::Any),
    ("chế độ báo cáo", "bao_cao", Suffix::Any),
    ("chế độ thông tin, báo cáo", "bao_cao", Suffix::Any),
];

/// Canonical kind of a heading (`other` when no keyword applies).
pub fn kind_of_heading(heading: &str) -> &'static str {
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
            return kind;
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
            return kind;
        }
    }
    "other"
}

#[cfg(test)]
mod tests {
    use super::kind_of_heading as k;

    #[test]
    fn classifies_headings_by_leading_words() {
        assert_eq!(k("MỤC ĐÍCH, YÊU CẦU"), "muc_dich_yeu_cau");
        assert_eq!(k("Mục đích"), "muc_dich");
        assert_eq!(k("YÊU CẦU"), "yeu_cau");
        assert_eq!(k("CÁC MỤC TIÊU"), "muc_tieu");
        assert_eq!(k("Mục tiêu cụ thể"), "muc_tieu");
        assert_eq!(k("NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU"), "nhiem_vu_giai_phap");
        assert_eq!(k("CÁC NHIỆM VỤ CHÍNH"), "nhiem_vu");
        assert_eq!(k("Giải pháp thực hiện"), "giai_phap");
        assert_eq!(k("NỘI DUNG THỰC HIỆN"), "noi_dung");
        assert_eq!(k("Thời gian, hình thức tổ chức"), "thoi_gian");
        assert_eq!(k("Địa điểm làm lễ ra quân"), "dia_diem");
        assert_eq!(k("TỔ CHỨC THỰC HIỆN"), "to_chuc_thuc_hien");
        assert_eq!(k("Kinh phí thực hiện"), "kinh_phi");
        // Directives and names are not section kinds.
        assert_eq!(k("Yêu cầu các ông, bà Trưởng xóm"), "other");
        assert_eq!(k("Nội dung hạng mục công trình xóm"), "other");
        assert_eq!(
            k("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"),
            "other"
        );
        assert_eq!(k("Chủ đề"), "other");
    }
}
