//! Words that begin the name of a responsible unit, and the verbs and
//! prepositions that end it, for reading assignment headings such as
//! `Đề nghị Ủy ban MTTQVN huyện, các đoàn thể chính trị - xã hội huyện
//! tăng cường …`.

use crate::record::vocab::AssignmentRole;

/// Heads of specific bodies: a new unit starts at one of these after `, `,
/// ` - ` or ` và ` in a list of units (case-sensitive, as written).
pub static SPECIFIC_HEADS: &[&str] = &[
    "Ủy ban",
    "Công chức",
    "Uỷ ban",
    "UBND",
    "UBMTTQ",
    "HĐND",
    "Hội đồng",
    "Văn phòng",
    "VP",
    "Phòng",
    "Trung tâm",
    "Ban",
    "BCĐ",
    "Sở",
    "Công an",
    "Trạm",
    "Trường",
    "Đài",
    "Hội",
    "Đoàn",
    "Chi cục",
    "Cục",
    "Viện",
    "Bệnh viện",
    "Thường trực",
    "Đảng ủy",
    "Huyện ủy",
    "Tỉnh ủy",
    "Quân sự",
    "MTTQ",
    "MTTQVN",
    "Bộ đội",
    "Kho bạc",
    "Ngân hàng",
    "Chi nhánh",
    "Bưu điện",
];

/// Generic plural groups that are addressed beside a body
/// (`…, các đoàn thể chính trị - xã hội`), lower case after `các`.
pub static GENERIC_GROUPS: &[&str] = &[
    "đoàn thể",
    "tổ chức chính trị",
    "tổ chức đoàn thể",
    "cơ quan",
    "thôn",
    "Cấp ủy",
];

/// Plural groups too vague to list as units when merely mentioned
/// (`các cơ quan, đơn vị`, `các thôn`), lower case after `các`.
pub static VAGUE_GROUPS: &[&str] = &[
    "cơ quan",
    "đơn vị",
    "thôn",
    "xã",
    "địa phương",
    "ngành",
    "phòng",
    "ban",
];

/// Bodies that exist at every level: named bare in a plan (`Đảng ủy`,
/// `HĐND`), they are the plan's own level's body.
pub static LEVELLED_BODIES: &[&str] = &[
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Mặt trận Tổ quốc",
    "Ủy ban Mặt trận Tổ quốc",
    "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Đảng ủy",
    "Đài truyền thanh",
    "Công an",
    "Ban Chỉ huy Quân sự",
];

/// Lower-case words that continue a unit's name after its head when they
/// name a place (`thôn 4`, `xã Đăk Mar`).
pub static PLACE_WORDS: &[&str] = &[
    "xã",
    "huyện",
    "tỉnh",
    "thôn",
    "ấp",
    "xóm",
    "bản",
    "phường",
    "thị",
    "trấn",
    "tổ",
];

/// Words that may open a unit phrase at all (specific heads, plus plural
/// and collective forms).
pub static UNIT_OPENERS: &[&str] = &[
    "Các",
    "các",
    "Nhân dân",
    "Cấp ủy",
    "Cấp uỷ",
    "Trưởng",
    "Chi bộ",
    "Hợp tác xã",
    "Doanh nghiệp",
    "Mặt trận",
    "MTTQ",
];

/// Verbs and prepositions that end a unit phrase in a heading sentence
/// (`Ban Tuyên giáo Huyện ủy định hướng …`). Multi-word forms first; bare
/// `tổ chức` is deliberately absent (it is also a noun: `tổ chức Đảng`).
pub static PHRASE_ENDS: &[&str] = &[
    "tổ chức quán triệt",
    "tổ chức thực hiện",
    "tổ chức triển khai",
    "tổ chức tuyên truyền",
    "tăng cường",
    "tập trung",
    "chủ trì",
    "phối hợp",
    "chỉ đạo",
    "thực hiện",
    "triển khai",
    "xây dựng",
    "định hướng",
    "báo cáo",
    "hướng dẫn",
    "tham mưu",
    "theo dõi",
    "kiểm tra",
    "cập nhật",
    "tuyên truyền",
    "căn cứ",
    "chịu trách nhiệm",
    // (Not `tổng hợp`: also a noun in names, `Trung tâm Dịch vụ tổng hợp`.)
    "hoàn thành",
    "hoàn thiện",
    "có trách nhiệm",
    "chủ động",
    "đôn đốc",
    "phát động",
    "vận động",
    "rà soát",
    "bố trí",
    "đảm bảo",
    "bảo đảm",
    "nghiêm túc",
    "khẩn trương",
    "hưởng ứng",
    "tiếp tục",
    "đề nghị",
    "mời",
    "yêu cầu",
    "giao",
    "làm tốt",
    "theo",
    "để",
    "nhằm",
    "trong việc",
    "về việc",
];

/// Task openings that give a unit its role, checked in order of position.
pub static ROLE_CUES: &[(&str, AssignmentRole)] = &[
    ("chủ trì", AssignmentRole::ChuTri),
    ("tham mưu", AssignmentRole::ChuTri),
    ("cơ quan thường trực", AssignmentRole::ChuTri),
    ("là cơ quan đầu mối", AssignmentRole::ChuTri),
    ("phối hợp", AssignmentRole::PhoiHop),
];
