//! Abbreviations of bodies and titles used in plans, the canonical casing of
//! body names, and the words that name administrative levels.

use crate::record::vocab::Level;

/// (abbreviation as written, expansion). Applied to whole tokens only.
/// Ambiguous short forms (`TT` = Thường trực or Trung tâm, `CT` = Chủ tịch
/// or Chỉ thị) are left out: they are resolved by the callers in context.
pub static ABBREVIATIONS: &[(&str, &str)] = &[
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc"),
    ("MTTQVN", "Mặt trận Tổ quốc Việt Nam"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("BCĐ", "Ban Chỉ đạo"),
    ("VPĐP", "Văn phòng Điều phối"),
    ("NN&PTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("NNPTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("PTNT", "Phát triển nông thôn"),
    ("NTM", "nông thôn mới"),
    ("CTMTQG", "Chương trình mục tiêu quốc gia"),
    ("MTQG", "mục tiêu quốc gia"),
    ("PCT", "Phó Chủ tịch"),
    ("ĐU", "Đảng ủy"),
    ("HU", "Huyện ủy"),
    ("TU", "Tỉnh ủy"),
    ("VP", "Văn phòng"),
    ("LĐLĐ", "Liên đoàn Lao động"),
    ("TN-MT", "Tài nguyên và Môi trường"),
    ("TNMT", "Tài nguyên và Môi trường"),
    ("TC-KH", "Tài chính - Kế hoạch"),
    ("VH-TT", "Văn hóa và Thông tin"),
    ("VHTT", "Văn hóa và Thông tin"),
    ("LĐTBXH", "Lao động - Thương binh và Xã hội"),
    ("GD&ĐT", "Giáo dục và Đào tạo"),
    ("GDĐT", "Giáo dục và Đào tạo"),
    ("BTGTU", "Ban Tuyên giáo Tỉnh ủy"),
    ("BTGHU", "Ban Tuyên giáo Huyện ủy"),
    ("THCS", "Trung học cơ sở"),
    ("THPT", "Trung học phổ thông"),
    ("TTg", "Thủ tướng Chính phủ"),
];

/// Body names in their canonical casing. Matching is case-insensitive; the
/// canonical form replaces what was written (`BAN CHỈ ĐẠO` → `Ban Chỉ đạo`).
/// Longer names first.
pub static BODY_NAMES: &[&str] = &[
    "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Ủy ban Mặt trận Tổ quốc",
    "Mặt trận Tổ quốc Việt Nam",
    "Mặt trận Tổ quốc",
    // The board of a village or street block (Ban nhân dân thôn, bản, tổ
    // dân phố): `Ban` alone is no body, `nhân dân` is part of the name.
    "Ban nhân dân các thôn, bản",
    "Ban nhân dân các tổ dân phố",
    "Ban nhân dân tổ dân phố",
    "Ban nhân dân các thôn",
    "Ban nhân dân các bản",
    "Ban nhân dân thôn",
    "Ban nhân dân bản",
    // Departments and ministries: `Sở` / `Bộ` and the field they govern,
    // in the official casing (only `Công Thương` keeps both capitals).
    "Sở Nông nghiệp và Môi trường",
    "Sở Tài nguyên và Môi trường",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Văn hóa và Thể thao",
    "Sở Giáo dục và Đào tạo",
    "Sở Khoa học và Công nghệ",
    "Sở Kế hoạch và Đầu tư",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Thông tin và Truyền thông",
    "Sở Giao thông vận tải",
    "Sở Dân tộc và Tôn giáo",
    "Sở Xây dựng",
    "Sở Tài chính",
    "Sở Công Thương",
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Y tế",
    "Sở Ngoại vụ",
    "Sở Du lịch",
    "Bộ Nông nghiệp và Môi trường",
    "Bộ Tài nguyên và Môi trường",
    "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ Văn hóa và Thể thao",
    "Bộ Giáo dục và Đào tạo",
    "Bộ Khoa học và Công nghệ",
    "Bộ Kế hoạch và Đầu tư",
    "Bộ Lao động - Thương binh và Xã hội",
    "Bộ Thông tin và Truyền thông",
    "Bộ Giao thông vận tải",
    "Bộ Dân tộc và Tôn giáo",
    "Bộ Xây dựng",
    "Bộ Tài chính",
    "Bộ Công Thương",
    "Bộ Nội vụ",
    "Bộ Tư pháp",
    "Bộ Y tế",
    "Bộ Ngoại vụ",
    "Bộ Du lịch",
    "Ban Chấp hành Đảng bộ",
    "Ban Thường vụ Tỉnh ủy",
    "Ban Thường vụ Huyện ủy",
    "Ban Thường vụ Đảng ủy",
    "Ban Thường vụ",
    "Ban Tuyên giáo",
    "Ban Chỉ đạo",
    "Ban Quản lý",
    "Ban Chỉ huy Quân sự",
    "Ban Xây dựng Đảng",
    "Ủy ban Kiểm tra",
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Văn phòng Điều phối xây dựng nông thôn mới",
    "Văn phòng Điều phối",
    "Phòng Nông nghiệp và Phát triển nông thôn",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Phòng Văn hóa và Thông tin",
    "Trung tâm Dịch vụ tổng hợp",
    "Trung tâm phục vụ hành chính công",
    "Đài truyền thanh",
    "Văn phòng",
    "Thường trực",
    "Tỉnh ủy",
    "Huyện ủy",
    "Thành ủy",
    "Quận ủy",
    "Thị ủy",
    "Đảng ủy",
    "Đảng bộ",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Thủ tướng Chính phủ",
    "Chính phủ",
    "Phòng",
    "Sở",
    "Trung tâm",
    "Trường Mầm non",
    "Trường Tiểu học",
    "Trường Trung học cơ sở",
    "Trường Trung học phổ thông",
    "Trạm y tế",
    "Công an",
];

/// Words naming an administrative level, lower-cased in canonical names,
/// with the level code they give an issuer. Longer forms first.
pub static ADMIN_LEVELS: &[(&str, Level)] = &[
    ("thành phố", Level::Tinh),
    ("thị trấn", Level::Xa),
    ("thị xã", Level::Huyen),
    ("tỉnh", Level::Tinh),
    ("huyện", Level::Huyen),
    ("quận", Level::Huyen),
    ("xã", Level::Xa),
    ("phường", Level::Xa),
    ("đặc khu", Level::Xa),
];

/// Levels implied by Party committee names (`Huyện ủy` is district level).
pub static PARTY_LEVELS: &[(&str, Level)] = &[
    ("tỉnh ủy", Level::Tinh),
    ("thành ủy", Level::Tinh),
    ("huyện ủy", Level::Huyen),
    ("quận ủy", Level::Huyen),
    ("thị ủy", Level::Huyen),
    ("đảng ủy xã", Level::Xa),
    ("đảng ủy phường", Level::Xa),
    ("chính phủ", Level::TrungUong),
    ("thủ tướng", Level::TrungUong),
    ("trung ương", Level::TrungUong),
];

/// Titles of signers in canonical casing (matched case-insensitively).
pub static POSITIONS: &[&str] = &[
    "Phó Chủ tịch Thường trực",
    "Phó Chủ tịch",
    "Chủ tịch",
    "Phó Bí thư Thường trực",
    "Phó Bí thư",
    "Bí thư",
    "Phó Trưởng ban Thường trực",
    "Phó Trưởng ban",
    "Trưởng ban",
    "Phó Giám đốc",
    "Giám đốc",
    "Phó Trưởng phòng",
    "Trưởng phòng",
    "Chánh Văn phòng",
    "Phó Chánh Văn phòng",
    "Thủ trưởng",
];

/// Canonical form of a title (`PHÓ CHỦ TỊCH` → `Phó Chủ tịch`); unknown
/// titles are put in sentence case.
///
/// A known title followed by the body it heads keeps the title's casing
/// and the body's abbreviations in capitals (`CHÁNH VĂN PHÒNG HĐND VÀ UBND`
/// → `Chánh Văn phòng HĐND và UBND`): lower-casing them would make words
/// of them.
///
/// ```
/// use vnplan_engine::lexicon::abbreviations::canonical_position;
/// assert_eq!(canonical_position("PHÓ CHỦ TỊCH"), "Phó Chủ tịch");
/// assert_eq!(canonical_position("CHÁNH VĂN PHÒNG HĐND VÀ UBND"), "Chánh Văn phòng HĐND và UBND");
/// assert_eq!(canonical_position("TỔ TRƯỞNG"), "Tổ trưởng");
/// ```
pub fn canonical_position(s: &str) -> String {
    let lower = s.trim().to_lowercase();
    if let Some(p) = POSITIONS.iter().find(|p| p.to_lowercase() == lower) {
        return p.to_string();
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let rest = |from: usize| -> String {
        words[from..]
            .iter()
            .map(|w| {
                if ABBREVIATIONS.iter().any(|(a, _)| a == w) {
                    w.to_string()
                } else {
                    w.to_lowercase()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    // The longest known title that the words start with.
    for n in (1..words.len()).rev() {
        let head = words[..n].join(" ").to_lowercase();
        if let Some(p) = POSITIONS.iter().find(|p| p.to_lowercase() == head) {
            return format!("{p} {}", rest(n));
        }
    }
    let lower = rest(0);
    let mut cs = lower.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// Fixed phrases inside names, in canonical casing (`chính trị - Xã hội`
/// → `chính trị - xã hội`).
/// `BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA` → `Ban Chỉ đạo các
/// Chương trình mục tiêu quốc gia`: the programme's name is not title case.
pub static FIXED_PHRASES: &[&str] = &["chính trị - xã hội", "Chương trình mục tiêu quốc gia"];
