//! Whether two passages speak of the same thing, as far as words allow:
//! pairs of adjacent syllables (Vietnamese words are mostly two
//! syllables), lower-cased with their marks (tone marks tell `chợ` from
//! `cho`), without the words every plan uses (`thực hiện`, `nông thôn mới`),
//! without dates and without place names after a level word (`xã Mỹ An`);
//! plus anchors that name one object exactly (a road code `ĐX.05`, a
//! criterion number). The tables below are data; the rules are the grammar.

use std::collections::BTreeSet;

/// Syllables that carry no topic.
const STOP_SYLLABLES: &[&str] = &[
    "các", "và", "của", "cho", "để", "tại", "theo", "trong", "trên", "với", "những", "một", "này",
    "đó", "đã", "sẽ", "được", "là", "từ", "đến", "về", "ở", "khi", "thì", "nhằm", "ngày", "tháng",
    "năm", "trước", "sau", "số", "có", "không", "hoặc", "lên", "gửi", "qua", "đối", "việc", "bảo",
    "đảm", "đúng", "thời", "gian", "quy", "định", "tất", "cả", "đầy", "đủ",
];

/// Pairs every plan uses whatever its topic.
const GENERIC_PAIRS: &[&str] = &[
    "thực hiện",
    "triển khai",
    "hoàn thành",
    "tổ chức",
    "chủ trì",
    "phối hợp",
    "ủy ban",
    "ban nhân",
    "nhân dân",
    "kế hoạch",
    "đơn vị",
    "liên quan",
    "địa bàn",
    "cơ quan",
    "tham mưu",
    "đôn đốc",
    "theo dõi",
    "xây dựng",
    "dựng nông",
    "nông thôn",
    "thôn mới",
    "chương trình",
    "mục tiêu",
    "quốc gia",
    "hội đồng",
    "đồng nhân",
    "chỉ đạo",
    "ban chỉ",
];

/// Level words that start a place name to leave out.
const LEVEL_SYLLABLES: &[&str] = &["xã", "huyện", "tỉnh", "phường", "quận", "thị", "thành"];

/// Words for hamlets and village groups: with a name after them they make
/// a name pair (`thôn Nam Sơn`).
const LOCALITY_SYLLABLES: &[&str] = &["thôn", "ấp", "bản", "buôn", "làng", "xóm", "tổ", "khu"];

/// The words of a passage, ready to compare.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words {
    pub pairs: BTreeSet<String>,
    /// The pairs that are names (`Nam Sơn`, `thôn Nam`): they place a work
    /// but do not say what it is.
    pub names: BTreeSet<String>,
    /// Exact names of one object: road and work codes, criterion numbers.
    pub anchors: BTreeSet<String>,
}

/// Reads the words of a passage.
///
/// ```
/// use vnplan_compare::words::words_of;
/// let a = words_of("nâng cấp, mở rộng tuyến đường liên thôn Đồng Tâm – Hợp Thành");
/// let b = words_of("Triển khai mở rộng, nâng cấp đường liên thôn Đồng Tâm - Hợp Thành");
/// assert!(a.overlap(&b) > 0.6);
/// assert!(words_of("Xây dựng chợ nông thôn").pairs.contains("dựng chợ"));
/// assert!(words_of("nâng cấp tuyến đường ĐX.05").anchors.contains("đx.05"));
/// ```
pub fn words_of(text: &str) -> Words {
    let mut syllables: Vec<(String, bool)> = Vec::new(); // (lower-cased, capitalised)
    let mut anchors = BTreeSet::new();
    for raw in text.split(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '–' | '—')
    }) {
        let core = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() {
            syllables.push((String::new(), false)); // a break between pairs
            continue;
        }
        let lower = core.to_lowercase();
        let has_digit = lower.chars().any(|c| c.is_ascii_digit());
        let has_letter = lower.chars().any(|c| c.is_alphabetic());
        if has_digit && has_letter && lower.chars().next().is_some_and(|c| c.is_alphabetic()) {
            // `ĐX.05`, `ĐH12`, `QL14`: a code names one work.
            anchors.insert(lower.clone());
            syllables.push((String::new(), false));
            continue;
        }
        if has_digit {
            syllables.push((String::new(), false)); // dates and counts differ by design
            continue;
        }
        let capitalised = core.chars().next().is_some_and(char::is_uppercase);
        for part in lower.split(['-', '.', '/']) {
            if !part.is_empty() {
                syllables.push((part.to_string(), capitalised));
            }
        }
    }
    // Criterion numbers: `tiêu chí số 17`, `tiêu chí 5`.
    let lower = text.to_lowercase();
    let mut rest = lower.as_str();
    while let Some(pos) = rest.find("tiêu chí") {
        let after = rest[pos + "tiêu chí".len()..].trim_start();
        let after = after.strip_prefix("số").unwrap_or(after).trim_start();
        let digits: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
        if !digits.is_empty() {
            anchors.insert(format!("tiêu chí {}", digits.trim_start_matches('0')));
        }
        rest = &rest[pos + "tiêu chí".len()..];
    }
    // Drop place names after a level word, then stop syllables.
    let mut kept: Vec<(&str, bool)> = Vec::new();
    let mut i = 0;
    while i < syllables.len() {
        let (s, _) = &syllables[i];
        if LEVEL_SYLLABLES.contains(&s.as_str()) {
            let mut j = i + 1;
            if matches!(s.as_str(), "thị" | "thành") && j < syllables.len() {
                j += 1; // thị xã, thị trấn, thành phố
            }
            let start = j;
            while j < syllables.len() && syllables[j].1 && !syllables[j].0.is_empty() {
                j += 1;
            }
            if j > start {
                kept.push(("", false));
                i = j;
                continue;
            }
        }
        if STOP_SYLLABLES.contains(&s.as_str()) {
            kept.push(("", false));
        } else {
            kept.push((s, syllables[i].1));
        }
        i += 1;
    }
    let mut pairs = BTreeSet::new();
    let mut names = BTreeSet::new();
    for w in kept.windows(2) {
        let ((a, a_cap), (b, b_cap)) = (w[0], w[1]);
        if a.is_empty() || b.is_empty() {
            continue;
        }
        let pair = format!("{a} {b}");
        if GENERIC_PAIRS.contains(&pair.as_str()) {
            continue;
        }
        if b_cap && (a_cap || LOCALITY_SYLLABLES.contains(&a)) {
            names.insert(pair.clone());
        }
        pairs.insert(pair);
    }
    Words {
        pairs,
        names,
        anchors,
    }
}

impl Words {
    /// Share of the smaller passage's pairs found in the other (0–1).
    pub fn overlap(&self, other: &Words) -> f64 {
        let small = self.pairs.len().min(other.pairs.len());
        if small == 0 {
            return 0.0;
        }
        let common = self.pairs.intersection(&other.pairs).count();
        common as f64 / small as f64
    }

    /// Share of `self`'s pairs found in `other` (how much of a task a
    /// passage covers).
    pub fn covered_by(&self, other: &Words) -> f64 {
        if self.pairs.is_empty() {
            return 0.0;
        }
        let common = self.pairs.intersection(&other.pairs).count();
        common as f64 / self.pairs.len() as f64
    }

    /// Share of `self`'s pairs that are not names found in `other`: a
    /// task is covered by what it does, not by where (`thôn Nam Sơn`).
    pub fn content_covered_by(&self, other: &Words) -> f64 {
        let content: Vec<&String> = self.pairs.difference(&self.names).collect();
        if content.is_empty() {
            return self.covered_by(other);
        }
        let common = content
            .iter()
            .filter(|p| other.pairs.contains(p.as_str()))
            .count();
        common as f64 / content.len() as f64
    }

    /// Two passages that each name an object name the same one.
    pub fn anchors_agree(&self, other: &Words) -> bool {
        let codes = |w: &Words| -> BTreeSet<String> {
            w.anchors
                .iter()
                .filter(|a| !a.starts_with("tiêu chí"))
                .cloned()
                .collect()
        };
        let (a, b) = (codes(self), codes(other));
        a.is_empty() || b.is_empty() || !a.is_disjoint(&b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_of_different_things_differ() {
        let a = words_of("báo cáo kết quả thực hiện về UBND huyện");
        let b = words_of("báo cáo sơ kết 6 tháng");
        assert!(a.overlap(&b) < 0.5, "{a:?} {b:?}");
        let c =
            words_of("Báo cáo kết quả thực hiện Kế hoạch về UBND huyện (qua Phòng Nông nghiệp)");
        assert!(a.overlap(&c) >= 0.5);
    }

    #[test]
    fn places_are_not_topics() {
        let a = words_of("UBND xã Mỹ An tổ chức lễ ra quân");
        assert!(!a.pairs.iter().any(|p| p.contains("mỹ")), "{a:?}");
        assert!(a.pairs.contains("ra quân"));
        assert!(words_of("Tiêu chí số 05 (Trường học)")
            .anchors
            .contains("tiêu chí 5"));
        // A hamlet's name says where, not what.
        let task = words_of("Xây dựng chợ nông thôn xã Lĩnh Sơn tại thôn Nam Hà");
        let other = words_of("ra quân trồng cây xanh tại thôn Nam Hà");
        assert!(task.names.contains("nam hà"));
        assert!(task.covered_by(&other) >= 0.5);
        assert_eq!(task.content_covered_by(&other), 0.0);
    }
}
