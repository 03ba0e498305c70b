//! Units of numeric targets and the words that qualify a quantity.

use crate::record::vocab::Comparator;
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
pub static COMPARATORS_BEFORE: &[(&str, Comparator)] = &[
    ("tối thiểu", Comparator::ToiThieu),
    ("ít nhất", Comparator::ToiThieu),
    ("không dưới", Comparator::ToiThieu),
    ("không ít hơn", Comparator::ToiThieu),
    ("khoảng", Comparator::Khoang),
    ("gần", Comparator::Khoang),
    ("trên", Comparator::Tren),
    ("hơn", Comparator::Tren),
    ("dưới", Comparator::Duoi),
    ("không quá", Comparator::ToiDa),
    ("tối đa", Comparator::ToiDa),
];

/// Phrases after the quantity: (phrase, comparator).
pub static COMPARATORS_AFTER: &[(&str, Comparator)] = &[
    ("trở lên", Comparator::TuTroLen),
    ("trở xuống", Comparator::TuTroXuong),
];
