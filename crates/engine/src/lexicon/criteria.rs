//! The national criteria set for communes, 2021–2025 (Quyết định
//! 318/QĐ-TTg, 08/3/2022): 19 criteria with their numbers, canonical names
//! and the names plans use for them; and the words that state a status.
//!
//! The numbering is shared by the advanced (nâng cao) set; provinces that
//! localise the sets sometimes number them differently (20-criteria sets),
//! which is why a name alone is only mapped to a number in a 19-criteria
//! context (see `extract::criteria`).

use crate::record::vocab::CriterionStatus;
/// (number, canonical name, other names as plans write them, lower case).
pub static NATIONAL_CRITERIA: &[(u32, &str, &[&str])] = &[
    (1, "Quy hoạch", &["quy hoạch"]),
    (2, "Giao thông", &["giao thông"]),
    (
        3,
        "Thủy lợi và phòng, chống thiên tai",
        &["thủy lợi và phòng, chống thiên tai", "thủy lợi"],
    ),
    (4, "Điện", &["điện"]),
    (5, "Trường học", &["trường học"]),
    (
        6,
        "Cơ sở vật chất văn hóa",
        &[
            "cơ sở vật chất văn hóa",
            "cơ sở vật chất vh",
            "csvc văn hóa",
        ],
    ),
    (
        7,
        "Cơ sở hạ tầng thương mại nông thôn",
        &[
            "cơ sở hạ tầng thương mại nông thôn",
            "hạ tầng thương mại nông thôn",
        ],
    ),
    (
        8,
        "Thông tin và Truyền thông",
        &[
            "thông tin và truyền thông",
            "thông tin và tuyên truyền",
            "thông tin - truyền thông",
        ],
    ),
    (9, "Nhà ở dân cư", &["nhà ở dân cư"]),
    (10, "Thu nhập", &["thu nhập"]),
    (11, "Nghèo đa chiều", &["nghèo đa chiều", "hộ nghèo"]),
    (12, "Lao động", &["lao động"]),
    (
        13,
        "Tổ chức sản xuất và phát triển kinh tế nông thôn",
        &[
            "tổ chức sản xuất và phát triển kinh tế nông thôn",
            "tổ chức sản xuất",
        ],
    ),
    (
        14,
        "Giáo dục và Đào tạo",
        &["giáo dục và đào tạo", "giáo dục"],
    ),
    (15, "Y tế", &["y tế"]),
    (16, "Văn hóa", &["văn hóa"]),
    (
        17,
        "Môi trường và an toàn thực phẩm",
        &["môi trường và an toàn thực phẩm", "môi trường"],
    ),
    (
        18,
        "Hệ thống chính trị và tiếp cận pháp luật",
        &[
            "hệ thống chính trị và tiếp cận pháp luật",
            "hệ thống chính trị",
        ],
    ),
    (
        19,
        "Quốc phòng và An ninh",
        &[
            "quốc phòng và an ninh",
            "an ninh trật tự",
            "quốc phòng - an ninh",
            "an ninh, trật tự",
        ],
    ),
];

/// Canonical name of a criterion number.
pub fn name_of(number: u32) -> Option<&'static str> {
    NATIONAL_CRITERIA
        .iter()
        .find(|c| c.0 == number)
        .map(|c| c.1)
}

/// The criterion a written name denotes (`Giao Thông`, `thông tin & tuyên
/// truyền`, `cơ sở vật chất VH`), matched as a whole after unifying case
/// and `&`.
pub fn by_name(written: &str) -> Option<(u32, &'static str)> {
    let w = written.trim().trim_end_matches(['.', ',', ';', ':']);
    if w.is_empty() || w.len() > LONGEST_NAME {
        return None;
    }
    let w = w.to_lowercase().replace(" & ", " và ").replace('&', " và ");
    let w: String = w.split_whitespace().collect::<Vec<_>>().join(" ");
    NAME_INDEX.get(w.as_str()).copied()
}

/// Every canonical name and alias in lower case → (number, canonical name).
static NAME_INDEX: std::sync::LazyLock<std::collections::HashMap<String, (u32, &'static str)>> =
    std::sync::LazyLock::new(|| {
        let mut m = std::collections::HashMap::new();
        for &(n, canon, names) in NATIONAL_CRITERIA {
            m.insert(canon.to_lowercase(), (n, canon));
            for name in names {
                m.insert(name.to_string(), (n, canon));
            }
        }
        m
    });

/// Byte length beyond which no written name can match (with room for `&`
/// written out and extra spaces).
const LONGEST_NAME: usize = 128;

/// Status words, checked nearest-first around a criteria phrase:
/// (phrase in lower case, status).
pub static STATUS_CUES: &[(&str, CriterionStatus)] = &[
    ("chưa đạt", CriterionStatus::ChuaDat),
    ("duy trì và nâng cao", CriterionStatus::DuyTriNangCao),
    ("giữ vững và nâng cao", CriterionStatus::DuyTriNangCao),
    ("duy trì, nâng cao", CriterionStatus::DuyTriNangCao),
    // `duy trì 19/19 tiêu chí`: kept, so met.
    ("duy trì", CriterionStatus::DuyTriNangCao),
    ("củng cố", CriterionStatus::CungCo),
    ("cũng cố", CriterionStatus::CungCo),
    ("phấn đấu đạt", CriterionStatus::PhanDauDat),
    ("đạt thêm", CriterionStatus::PhanDauDat),
    ("phấn đấu", CriterionStatus::PhanDauDat),
    ("đã đạt", CriterionStatus::Dat),
    ("đạt chuẩn", CriterionStatus::Dat),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_to_numbers() {
        assert_eq!(by_name("Giao Thông"), Some((2, "Giao thông")));
        assert_eq!(
            by_name("cơ sở vật chất VH"),
            Some((6, "Cơ sở vật chất văn hóa"))
        );
        assert_eq!(
            by_name("thông tin & tuyên truyền"),
            Some((8, "Thông tin và Truyền thông"))
        );
        assert_eq!(
            by_name("Tổ chức sản xuất & phát triển kinh tế nông thôn")
                .unwrap()
                .0,
            13
        );
        assert_eq!(by_name("Khu dân cư nông thôn kiểu mẫu"), None);
        assert_eq!(name_of(17), Some("Môi trường và an toàn thực phẩm"));
        assert_eq!(NATIONAL_CRITERIA.len(), 19);
    }

    #[test]
    fn every_entry_round_trips() {
        for (i, (n, canon, names)) in NATIONAL_CRITERIA.iter().enumerate() {
            assert_eq!(*n as usize, i + 1, "numbers are 1..=19 in order");
            assert_eq!(by_name(canon), Some((*n, *canon)), "{canon}");
            assert_eq!(
                by_name(&canon.to_uppercase()),
                Some((*n, *canon)),
                "{canon} in capitals"
            );
            for name in *names {
                assert_eq!(by_name(name).map(|x| x.0), Some(*n), "{name}");
            }
        }
        for not in [
            "Tiêu chí",
            "nông thôn mới",
            "Khu dân cư nông thôn kiểu mẫu",
            "Trường Tiểu học",
            "giao",
        ] {
            assert_eq!(by_name(not), None, "{not}");
        }
    }
}
