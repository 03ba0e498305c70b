//! References to other documents: `Kế hoạch số 241/KH-UBND ngày 23/01/2024
//! của Ủy ban nhân dân tỉnh Kon Tum`, Party forms (`63-CT/TU`), legal
//! normative forms (`30/2020/NĐ-CP`), and unnumbered legal bases.
//!
//! Owns recognising a citation and splitting it into type, number, date and
//! issuer; canonical issuer names come from [`super::names`]. One item per
//! distinct cited document, with the number of mentions.

use super::identity::Identity;
use super::names::{canonical_body, HomePlaces};
use crate::lexicon::doc_types;
use crate::segment::Outline;
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub struct RefHit {
    pub kind: String,
    pub number: Option<String>,
    pub date: Option<String>,
    pub issuer: Option<String>,
    pub basis: bool,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub mentions: usize,
}

/// Type names that introduce a citation (longest first).
const TYPE_ALTERNATION: &str = "Chương trình hành động|Nghị quyết|Quyết định|Chỉ thị|Kế hoạch|Công văn|Văn bản|Thông báo|Hướng dẫn|Chương trình|Nghị định|Thông tư liên tịch|Thông tư|Báo cáo|Kết luận|Thông tri|Quy định|Quy chế|Đề án|Tờ trình|Công điện|Bộ luật|Luật|Pháp lệnh";

static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    // Verbose mode ignores spaces, so the type names' spaces become `\s+`.
    let types = TYPE_ALTERNATION.replace(' ', r"\s+");
    Regex::new(&format!(
        r"(?x)(?:
            # A law or ordinance is cited by its name before the number:
            # `Luật Tổ chức chính quyền địa phương số 77/2015/QH13`.
            (?P<law>Bộ\s+luật|Luật|Pháp\s+lệnh)(?:\s+\p{{L}}[\p{{L}}\-]*){{1,12}}?\s+số\s*:?\s*
          | (?P<type>{types})(?:\s+liên\s+tịch)?\s+(?:số\s*:?\s*)?
        )
        (?P<num>
            \d{{1,5}}(?:/\d{{4}})?/\s?[\p{{Lu}}Đ][\p{{L}}\d&]*(?:-[\p{{Lu}}Đ][\p{{L}}\d&]*)*   # 241/KH-UBND, 30/2020/NĐ-CP, 912/C07-P2, 55/2014/QH13
          | \d{{1,5}}-[\p{{Lu}}Đ][\p{{L}}]*/[\p{{Lu}}Đ][\p{{L}}]*(?:-[\p{{Lu}}Đ][\p{{L}}]*)*   # 63-CT/TU
        )
        (?P<date>\s*,?\s*(?:ngày\s+)?(?:\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{1,2}}\s+tháng\s+\d{{1,2}}\s+năm\s+\d{{4}}))?
        (?P<issuer>\s*,?\s*của\s+[^,;.()\n]+?)?
        # `… của UBND tỉnh Lào Cai và Đề án số 08-ĐA/TU`: a second citation ends the issuer.
        (?:\s+(?:về|về\s+việc|V/v|nhằm|tại|đã|để|và\s+\p{{Ll}}+|và\s+(?:{types})|theo|trên|tập|nâng|ban\s+hành|phê\s+duyệt|quy\s+định|hướng\s+dẫn|triển\s+khai|thực\s+hiện|xây\s+dựng|giao)\b|\s*[,;.()\n]|$)"
    ))
    .expect("valid regex")
});

static DATE_NUM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,2})/(\d{1,2})/(\d{4})").expect("valid regex"));
static DATE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})").expect("valid regex")
});
static ISSUING_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?P<body>(?:Đại hội|Hội đồng nhân dân|HĐND|Ban Chấp hành|Ban chấp hành|Ban Thường vụ|Ban thường vụ)[^,;]*?)(?:\s+(?:lần thứ|khóa|khoá|nhiệm kỳ|về)\b|[,;]|$)")
        .expect("valid regex")
});
/// A body named just before the type word: `UBND tỉnh giao Quyết định số …`.
static ISSUER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<body>(?:UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân|Chủ tịch UBND|Chủ tịch Ủy ban nhân dân)(?:\s+(?:tỉnh|huyện|xã|thị xã|thành phố|phường|thị trấn))?(?:\s+\p{Lu}\p{Ll}*)*)\s+(?:đã\s+)?(?:giao|ban hành|phê duyệt)\s+(?:tại\s+)?$")
        .expect("valid regex")
});
static KHOA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+(?:khóa|khoá)\s+[IVXLC]+$").expect("valid regex"));
static BASIS_TYPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:Căn cứ|Thực hiện)\s+(?P<type>{TYPE_ALTERNATION})\b"
    ))
    .expect("valid regex")
});

fn iso(s: &str) -> Option<String> {
    let c = DATE_NUM.captures(s).or_else(|| DATE_WORDS.captures(s))?;
    let (d, m, y): (u32, u32, i32) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|x| x.format("%Y-%m-%d").to_string())
}

/// Issuers that a symbol names unambiguously (`CT-TTg` → the Prime Minister).
fn issuer_from_symbol(number: &str) -> Option<&'static str> {
    let last = number.rsplit(['-', '/']).next()?;
    match last {
        "TTg" => Some("Thủ tướng Chính phủ"),
        "CP" => Some("Chính phủ"),
        _ if last.starts_with("UBTVQH") => Some("Ủy ban Thường vụ Quốc hội"),
        _ if last.starts_with("QH") => Some("Quốc hội"),
        _ => None,
    }
}

/// All citations of one paragraph (`base` = its byte offset).
pub fn extract_paragraph(
    p: &str,
    base: usize,
    basis: bool,
    home: &HomePlaces,
    own_number: Option<&str>,
) -> Vec<RefHit> {
    extract_with(p, base, basis, basis, home, own_number)
}

/// As [`extract_paragraph`]; `unnumbered` also reports a basis that cites
/// a document without a number (only for real legal-basis paragraphs, not
/// for titles, which name programmes more often than documents).
pub fn extract_with(
    p: &str,
    base: usize,
    basis: bool,
    unnumbered: bool,
    home: &HomePlaces,
    own_number: Option<&str>,
) -> Vec<RefHit> {
    let mut out = Vec::new();
    for c in CITATION.captures_iter(p) {
        let Some(ty) = c.name("type").or_else(|| c.name("law")) else {
            continue;
        };
        let num: String = c["num"].split_whitespace().collect();
        if Some(num.as_str()) == own_number || p[..ty.start()].trim_end().ends_with("Kèm theo") {
            continue;
        }
        let kind = doc_types::abbreviation_of(ty.as_str())
            .map(|(_, a)| a)
            .unwrap_or("?");
        let date = c.name("date").and_then(|d| iso(d.as_str()));
        let issuer = c
            .name("issuer")
            .map(|i| {
                let raw = i
                    .as_str()
                    .trim()
                    .trim_start_matches(',')
                    .trim()
                    .trim_start_matches("của")
                    .trim();
                let raw = KHOA.replace(raw, "").to_string();
                canonical_body(&raw, home)
            })
            .or_else(|| {
                let before = &p[..ty.start()];
                let from = before
                    .char_indices()
                    .rev()
                    .nth(60)
                    .map(|(i, _)| i)
                    .unwrap_or(0);
                ISSUER_BEFORE
                    .captures(&before[from..])
                    .map(|b| canonical_body(&b["body"], home))
            })
            .or_else(|| issuer_from_symbol(&num).map(str::to_string));
        let end = c
            .name("issuer")
            .or(c.name("date"))
            .or(c.name("num"))
            .unwrap()
            .end();
        out.push(RefHit {
            kind: kind.to_string(),
            number: Some(num),
            date,
            issuer,
            basis,
            text: p[ty.start()..end].to_string(),
            start: base + ty.start(),
            end: base + end,
            mentions: 1,
        });
    }
    // A legal basis without any number is still a cited document.
    if unnumbered && out.is_empty() {
        if let Some(c) = BASIS_TYPE.captures(p) {
            let ty = c.name("type").unwrap();
            let end = p.find(';').unwrap_or(p.len());
            let kind = doc_types::abbreviation_of(ty.as_str())
                .map(|(_, a)| a)
                .unwrap_or("?");
            // `Nghị quyết Đại hội đại biểu Đảng bộ xã X lần thứ I`: the
            // body right after the type word issued it.
            let issuer = ISSUING_BODY
                .captures(&p[ty.end()..end])
                .map(|b| canonical_body(b["body"].trim(), home));
            out.push(RefHit {
                kind: kind.to_string(),
                number: None,
                date: iso(&p[..end]),
                issuer,
                basis,
                text: p[ty.start()..end].trim_end_matches(['.', ' ']).to_string(),
                start: base + ty.start(),
                end: base + end,
                mentions: 1,
            });
        }
    }
    out
}

/// The references of the title, legal bases, body and annexes, one per
/// cited document (the document's own number is not a reference).
pub fn of_document(text: &str, o: &Outline, identity: &Identity) -> Vec<RefHit> {
    let h = &o.header;
    let home = &identity.home;
    let own = h.number.as_ref().map(|n| n.text.as_str());
    let mut hits = Vec::new();
    if let Some(t) = &h.title {
        hits.extend(extract_with(&t.text, t.start, true, false, home, own));
    }
    let title_end = h.title.as_ref().map(|t| t.end).unwrap_or(0);
    for (i, p) in o.paras.iter().enumerate() {
        if p.start < title_end || i < h.next_para {
            continue;
        }
        let basis = o.bases.contains(&i);
        hits.extend(extract_paragraph(p.text(text), p.start, basis, home, own));
    }
    dedupe(hits)
}

/// Merge repeated citations of the same document, keeping the first
/// position and filling date/issuer from later mentions.
pub fn dedupe(hits: Vec<RefHit>) -> Vec<RefHit> {
    let mut out: Vec<RefHit> = Vec::new();
    for h in hits {
        let same = out.iter_mut().find(|o| match (&o.number, &h.number) {
            (Some(a), Some(b)) => a == b,
            (None, None) => o.text == h.text,
            _ => false,
        });
        match same {
            Some(o) => {
                o.mentions += 1;
                o.basis |= h.basis;
                if o.date.is_none() {
                    o.date = h.date;
                }
                if o.issuer.is_none() {
                    o.issuer = h.issuer;
                }
            }
            None => out.push(h),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_of_every_issuer() {
        let home = HomePlaces::default();
        let refs = |p: &str| -> Vec<(String, Option<String>, Option<String>)> {
            extract_paragraph(p, 0, false, &home, None)
                .into_iter()
                .map(|r| (r.kind, r.number, r.issuer))
                .collect()
        };
        // Laws and ordinances by name; the National Assembly and its Standing Committee.
        assert_eq!(
            refs("Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13 ngày 19/6/2015;"),
            [(
                "L".into(),
                Some("77/2015/QH13".into()),
                Some("Quốc hội".into())
            )]
        );
        assert_eq!(
            refs("theo Nghị quyết số 1052/2019/UBTVQH14 ngày 27/12/2019"),
            [(
                "NQ".into(),
                Some("1052/2019/UBTVQH14".into()),
                Some("Ủy ban Thường vụ Quốc hội".into())
            )]
        );
        // Letters of ministries and agencies: symbols with digits and several parts.
        assert_eq!(
            refs("Thực hiện Công văn số 912/C07-P2 ngày 25/9/2025 của Cục Cảnh sát.")[0]
                .1
                .as_deref(),
            Some("912/C07-P2")
        );
        assert_eq!(
            refs("Văn bản số 2315/VPCP-KTTH của Văn phòng Chính phủ và các bộ, ngành")[0],
            (
                "CV".into(),
                Some("2315/VPCP-KTTH".into()),
                Some("Văn phòng Chính phủ".into())
            )
        );
        // A second citation after `và` is not part of the issuer.
        assert_eq!(
            refs("Kế hoạch số 134/KH-UBND ngày 05/5/2025 của Ủy ban nhân dân tỉnh Lào Cai và Đề án số 08-ĐA/TU của Tỉnh ủy")[0]
                .2
                .as_deref(),
            Some("Ủy ban nhân dân tỉnh Lào Cai")
        );
        // A body name with `và` inside is one issuer.
        assert_eq!(
            refs(
                "Văn bản số 3301/BNNPTNT-VPĐP của Bộ Nông nghiệp và Phát triển nông thôn về việc X"
            )[0]
            .2
            .as_deref(),
            Some("Bộ Nông nghiệp và Phát triển nông thôn")
        );
        // Without `số`, and a typo kept as written.
        assert_eq!(
            refs("Quyết định 512/QĐ-Ttg ngày 2/5/2024")[0].1.as_deref(),
            Some("512/QĐ-Ttg")
        );
        // A plan implementing a resolution cites the resolution, not itself.
        assert_eq!(
            refs("Kế hoạch thực hiện Nghị quyết số 12/NQ-HĐND ngày 5/1/2025")[0].0,
            "NQ"
        );
    }

    fn one(p: &str) -> RefHit {
        let home = HomePlaces {
            places: vec![("huyện".into(), "Hớn Quản".into())],
        };
        let v = extract_paragraph(p, 0, false, &home, None);
        assert_eq!(v.len(), 1, "{p}: {v:?}");
        v[0].clone()
    }

    #[test]
    fn state_party_and_normative_numbers() {
        let r = one("Thực hiện Kế hoạch số 241/KH-UBND ngày 23/01/2024 của Ủy ban nhân dân tỉnh Kon Tum về việc triển khai");
        assert_eq!(
            (r.kind.as_str(), r.number.as_deref(), r.date.as_deref()),
            ("KH", Some("241/KH-UBND"), Some("2024-01-23"))
        );
        assert_eq!(r.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Kon Tum"));
        let r = one("Nghị quyết số 34-NQ/ĐU ngày 25/12/2023 của Ban chấp hành");
        assert_eq!(r.number.as_deref(), Some("34-NQ/ĐU"));
        let r = one("tại Chỉ thị số 45/CT-TTg ngày 31 tháng 12 năm 2020.");
        assert_eq!(
            (r.date.as_deref(), r.issuer.as_deref()),
            (Some("2020-12-31"), Some("Thủ tướng Chính phủ"))
        );
        let r = one("Quyết định số 1471/QĐ-UBND 28/10/2022 của UBND huyện về việc ban hành");
        assert_eq!(
            (r.date.as_deref(), r.issuer.as_deref()),
            (Some("2022-10-28"), Some("Ủy ban nhân dân huyện Hớn Quản"))
        );
        assert_eq!(
            one("Nghị định số 30/2020/NĐ-CP").number.as_deref(),
            Some("30/2020/NĐ-CP")
        );
        assert_eq!(
            one("Thực hiện Chỉ thị 63-CT/TU ngày 27/12/2024")
                .number
                .as_deref(),
            Some("63-CT/TU")
        );
    }

    #[test]
    fn own_number_and_annex_line_are_not_references() {
        let home = HomePlaces::default();
        assert!(extract_paragraph(
            "(Kèm theo Kế hoạch số 12/KH-UBND ngày 02/11/2025)",
            0,
            false,
            &home,
            None
        )
        .is_empty());
        assert!(extract_paragraph(
            "Kế hoạch số 12/KH-UBND",
            0,
            false,
            &home,
            Some("12/KH-UBND")
        )
        .is_empty());
    }
}
