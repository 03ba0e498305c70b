//! Units of numeric targets and the words that qualify a quantity.

/// Units as written after a number (`23,5km`, `24 căn nhà`, `1.200 lao
/// động`), longest first. A target's unit is the first of these after the
/// number; what follows is its object.
pub static MEASURE_UNITS: &[&str] = &[
    "hợp tác xã",
    "lao động",
    "sản phẩm",
    "tiết mục",
    "học viên",
    "ngày công",
    "công trình",
    "mô hình",
    "doanh nghiệp",
    "triệu đồng",
    "tỷ đồng",
    "lượt người",
    "km2",
    "km",
    "ha",
    "m2",
    "m³",
    "m3",
    "m²",
    "m",
    "%",
    "căn",
    "nhà",
    "hộ",
    "phòng",
    "người",
    "máy",
    "xe",
    "cái",
    "điểm",
    "ấp",
    "thôn",
    "tuyến",
    "tấn",
    "cây",
    "lớp",
    "lượt",
    "chiếc",
    "bộ",
    "bể",
    "giếng",
    "ngày",
    "buổi",
    "đợt",
    "HTX",
    "trường",
    "trạm",
    "chợ",
    "nhóm",
    "tổ",
    "con",
    "đồng",
];

/// Words that set a comparator: (phrase before the number, comparator).
pub static COMPARATORS_BEFORE: &[(&str, &str)] = &[
    ("tối thiểu", "toi_thieu"),
    ("ít nhất", "toi_thieu"),
    ("không dưới", "toi_thieu"),
    ("không ít hơn", "toi_thieu"),
    ("khoảng", "khoang"),
    ("gần", "khoang"),
    ("trên", "tren"),
    ("hơn", "tren"),
    ("dưới", "duoi"),
    ("không quá", "toi_da"),
    ("tối đa", "toi_da"),
];

/// Phrases after the quantity: (phrase, comparator).
pub static COMPARATORS_AFTER: &[(&str, &str)] =
    &[("trở lên", "tu_tro_len"), ("trở xuống", "tu_tro_xuong")];
