//! Numeric targets: `tối thiểu 23,5km đường bê tông xi măng`, `khoảng 24
//! căn nhà`, `dưới 6,5%`, `01 - 03 sản phẩm OCOP`, `90% trở lên`.
//!
//! Vietnamese numbers use a decimal comma and a thousands dot (`1.200`,
//! `16,7`). Dates, document numbers, ratios of criteria and anniversaries
//! are not targets; neither is a quantity inside the title of a cited
//! document (`… về việc ban hành … của 01 ấp`).

use crate::lexicon::quantities::{COMPARATORS_AFTER, COMPARATORS_BEFORE, MEASURE_UNITS};
use crate::record::vocab::Comparator;
use crate::segment::Outline;
use regex::Regex;

/// Two-word openings of a time phrase that end a target's object.
const OBJECT_STOPS: &[&str] = &[
    "trước ngày",
    "trước năm",
    "trước tháng",
    "đến ngày",
    "đến năm",
    "vào ngày",
    "trong năm",
    "trong tháng",
    "trong quý",
    "giai đoạn",
];
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub struct TargetHit {
    pub quantity: f64,
    pub min: Option<f64>,
    pub unit: String,
    pub object: Option<String>,
    pub comparator: Option<Comparator>,
    pub start: usize,
    pub end: usize,
}

static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    let units: Vec<String> = MEASURE_UNITS
        .iter()
        .map(|u| regex::escape(u).replace(' ', r"\s+"))
        .collect();
    Regex::new(&format!(
        r"(?P<a>\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?)(?:\s*-\s*(?P<b>\d{{1,3}}(?:\.\d{{3}})+|\d+(?:,\d+)?))?\s*(?P<u>{})(?P<end>\b|$|[^\p{{L}}\d])",
        units.join("|")
    ))
    .expect("valid regex")
});

fn parse_vn_number(s: &str) -> Option<f64> {
    s.replace('.', "").replace(',', ".").parse().ok()
}

/// Extract the targets of one paragraph (`base` = its byte offset).
pub fn extract_paragraph(p: &str, base: usize) -> Vec<TargetHit> {
    let mut out = Vec::new();
    if !p.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    for c in QUANTITY.captures_iter(p) {
        let a = c.name("a").unwrap();
        let u = c.name("u").unwrap();
        let before = &p[..a.start()];
        // Part of a date, a document number, a ratio or a section marker.
        if before.ends_with(['/', '.', '-', ',']) && !before.ends_with(" -")
            || before.ends_with("Đợt ")
        {
            continue;
        }
        if p[u.end()..].trim_start().starts_with("tiêu chí") {
            continue;
        }
        let unit_word = u.as_str();
        let after = p[u.end()..].trim_start().to_lowercase();
        // Anniversaries and durations are not targets (`30 ngày thành lập`).
        if unit_word == "ngày"
            && (after.starts_with("thành lập")
                || after.starts_with("kỷ niệm")
                || before.to_lowercase().trim_end().ends_with("chào mừng"))
        {
            continue;
        }
        // `ngày 20 tháng` etc. never reach here (no unit); a number after a
        // unit word (`thôn 4`) has no unit after it.
        // Inside the title of a cited document?
        // (`before` lower-cased on its own: lower-casing may change byte
        // lengths, so offsets of `p` are not offsets of `p.to_lowercase()`.)
        let before_l = before.to_lowercase();
        if let Some(v) = before_l.rfind("về việc") {
            if !before_l[v..].contains(['.', ';']) {
                continue;
            }
        }
        let quantity = parse_vn_number(c.name("b").unwrap_or(a).as_str());
        let Some(quantity) = quantity else { continue };
        let min = c.name("b").and_then(|_| parse_vn_number(a.as_str()));
        let before_l = before_l.trim_end();
        let mut comparator = if min.is_some() {
            Some(Comparator::TuDen)
        } else {
            None
        };
        if comparator.is_none() {
            for (w, cmp) in COMPARATORS_BEFORE {
                if let Some(head) = before_l.strip_suffix(w) {
                    if head.is_empty() || head.ends_with(|ch: char| !ch.is_alphabetic()) {
                        comparator = Some(*cmp);
                        break;
                    }
                }
            }
        }
        let start_of_match = a.start();
        let mut end = u.end();
        for (w, cmp) in COMPARATORS_AFTER {
            if after.starts_with(w) {
                comparator = Some(*cmp);
                // The phrase as written (`trở lên`, `trở xuống`) ends the target.
                let rest = &p[u.end()..];
                end = u.end() + (rest.len() - rest.trim_start().len()) + w.len();
            }
        }
        // The object runs to the clause's end, or to the time the target is
        // due by (`2,5 km đường trục thôn trước ngày 30/6/2025`): the date
        // is the deadline's, not part of what is counted.
        let clause = p[u.end()..]
            .split([',', ';', '.', '(', ':'])
            .next()
            .unwrap_or("");
        let words: Vec<&str> = clause.split_whitespace().collect();
        let stop = (0..words.len())
            .find(|&k| {
                let two = words[k..]
                    .iter()
                    .take(2)
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ");
                OBJECT_STOPS.contains(&two.as_str())
            })
            .unwrap_or(words.len());
        let object = words[..stop.min(12)].join(" ");
        out.push(TargetHit {
            quantity,
            min,
            unit: unit_word.split_whitespace().collect::<Vec<_>>().join(" "),
            object: (!object.is_empty()).then_some(object),
            comparator,
            start: base + start_of_match,
            end: base + end.min(p.len()),
        });
    }
    out
}

/// Targets of the body and annexes, in text order.
pub fn of_document(text: &str, o: &Outline) -> Vec<TargetHit> {
    o.paras
        .iter()
        .enumerate()
        // The introduction states targets too (`phấn đấu … tối thiểu 2,5 km`).
        .filter(|(i, _)| o.in_body_or_annex(*i) || o.intro == Some(*i))
        .flat_map(|(_, p)| extract_paragraph(p.text(text), p.start))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(p: &str) -> Vec<(f64, String, Option<Comparator>)> {
        extract_paragraph(p, 0)
            .into_iter()
            .map(|h| (h.quantity, h.unit, h.comparator))
            .collect()
    }

    #[test]
    fn trailing_comparators_end_the_target_on_a_character_boundary() {
        // `trở xuống` is longer than `trở lên`: the end must be its own.
        let p = "Giảm tỷ lệ hộ nghèo còn 3% trở xuống, 5 hộ trở lên; 2 nhà.";
        let hits = extract_paragraph(p, 0);
        let texts: Vec<&str> = hits.iter().map(|h| &p[h.start..h.end]).collect();
        assert_eq!(texts, ["3% trở xuống", "5 hộ trở lên", "2 nhà"]);
        assert_eq!(hits[0].comparator, Some(Comparator::TuTroXuong));
        // A capital whose lower case is longer (İ) before a number.
        let p = "İİİ về việc X. Đạt 40% trở xuống";
        let hits = extract_paragraph(p, 0);
        assert_eq!(hits.len(), 1);
        assert_eq!(&p[hits[0].start..hits[0].end], "40% trở xuống");
    }

    #[test]
    fn vietnamese_numbers_units_and_comparators() {
        assert_eq!(
            t("đạt tối thiểu 23,5km đường bê tông xi măng"),
            vec![(23.5, "km".into(), Some(Comparator::ToiThieu))]
        );
        assert_eq!(
            t("xây mới và sửa chữa khoảng 24 căn nhà"),
            vec![(24.0, "căn".into(), Some(Comparator::Khoang))]
        );
        assert_eq!(
            t("cấp chứng chỉ thêm 1.200 lao động"),
            vec![(1200.0, "lao động".into(), None)]
        );
        assert_eq!(
            t("tỷ lệ hộ nghèo dưới 6,5%."),
            vec![(6.5, "%".into(), Some(Comparator::Duoi))]
        );
        assert_eq!(
            t("đạt thêm từ 01 - 03 sản phẩm OCOP"),
            vec![(3.0, "sản phẩm".into(), Some(Comparator::TuDen))]
        );
        assert_eq!(
            t("duy trì số ấp đạt chuẩn văn hóa từ 90% trở lên"),
            vec![(90.0, "%".into(), Some(Comparator::TuTroLen))]
        );
    }

    #[test]
    fn not_targets() {
        for p in [
            "ngày 20/02/2024",
            "Kế hoạch số 241/KH-UBND",
            "17/19 tiêu chí",
            "đạt thêm 05 tiêu chí",
            "thôn 4 và thôn 5",
            "30 ngày thành lập huyện",
            "về việc ban hành Bộ tiêu chí thuộc phạm vi của 01 ấp",
            "Đợt 1: Thứ Bảy",
            "4.1. Văn nghệ",
        ] {
            assert!(t(p).is_empty(), "{p}: {:?}", t(p));
        }
    }
}
