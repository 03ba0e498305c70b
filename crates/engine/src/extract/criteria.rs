//! NTM criteria and indicators (`Tiêu chí số 13`, `Chỉ tiêu 13.2`, named
//! criteria such as `Giao thông`), the status the plan gives them, and
//! counts of criteria (`17/19 tiêu chí`, `Còn 02 Tiêu chí chưa đạt`).
//!
//! Plans list criteria under a header line that carries the status and
//! often a count (`* Có 17/19 tiêu chí được duy trì và nâng cao:`); items
//! inherit the header's status, and the count is checked against the items.
//! A name alone is mapped to the national number only in a 19-criteria
//! context: provinces number their advanced (20-criteria) sets differently.

use super::identity::Identity;
use super::Note;
use crate::lexicon::criteria::{by_name, name_of, STATUS_CUES};
use crate::record::vocab::{CriterionStatus, WarningCode};
use crate::segment::Outline;
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub struct CriterionHit {
    pub number: Option<u32>,
    pub indicator: Option<String>,
    pub name: Option<String>,
    pub status: Option<CriterionStatus>,
    pub subject: Option<String>,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CountHit {
    pub achieved: f64,
    pub total: Option<u32>,
    /// What the number counts: met (`đạt 17/19`), unmet (`còn 02 tiêu chí
    /// chưa đạt`), aimed at (`phấn đấu đạt 19/19`), …
    pub status: Option<CriterionStatus>,
    pub subject: Option<String>,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Default)]
pub struct CriteriaOut {
    pub criteria: Vec<CriterionHit>,
    pub counts: Vec<CountHit>,
    /// Inconsistencies and guesses.
    pub warnings: Vec<Note>,
}

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\btiêu\s+chí\s+số\s+(\d{1,2})(?:\.(\d{1,2}))?\b").expect("valid regex")
});
static INDICATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bchỉ\s+tiêu\s+(?:số\s+)?(\d{1,2})\.(\d{1,2})\b").expect("valid regex")
});
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2}(?:,\d{1,2})?)(?:\s*/\s*(\d{1,2}))?\s+tiêu\s+chí\b")
        .expect("valid regex")
});
/// `tiêu chí` followed by what introduces names: `về`, `như:`, `, bao gồm:`.
static NAMES_ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\btiêu\s+chí(?:\s+[\p{L}\s]{0,30}?)??(?:\s+về\s+|\s+như\s*:\s*|\s*,?\s*(?:bao\s+gồm|gồm)\s*:\s*|\s+(?:lại\s+)?)")
        .expect("valid regex")
});
static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[Xx]ã\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3})").expect("valid regex")
});
/// The communes a passage names (`xã Mỹ An`), not the `xã` of
/// `Hợp tác xã Nông nghiệp …` (a cooperative) or of `xã hội`.
fn communes_in(p: &str) -> Vec<&str> {
    SUBJECT
        .captures_iter(p)
        .filter(|c| {
            let before = p[..c.get(0).map_or(0, |m| m.start())]
                .trim_end()
                .to_lowercase();
            !before.ends_with("hợp tác")
        })
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
        .collect()
}

static ITEM_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[-+*•]|\(\d{1,2}\))\s*").expect("valid regex"));

/// The status cue nearest to a `tiêu chí` phrase: first just after it
/// (`17/19 tiêu chí được duy trì và nâng cao`), then before it in the same
/// clause (`phấn đấu đạt thêm 05 tiêu chí`).
fn status_near(p: &str, start: usize, end: usize) -> Option<CriterionStatus> {
    // `Tiêu chí số 17 (Môi trường và an toàn thực phẩm) chưa đạt`: the
    // criterion's name in brackets stands between it and its status.
    let rest = &p[end..];
    let rest = match rest.trim_start().strip_prefix('(') {
        Some(inner) if inner.find(')').is_some_and(|close| close < 120) => {
            &inner[inner.find(')').map_or(0, |c| c + 1)..]
        }
        _ => rest,
    };
    let after: String = rest.chars().take(40).collect::<String>().to_lowercase();
    // `Tiêu chí số 9 về Nhà ở dân cư: chưa đạt` — the status may follow a
    // colon; a comma, semicolon or full stop ends the phrase.
    let after = after.split([',', ';', '.']).next().unwrap_or("");
    let mut best: Option<(usize, CriterionStatus)> = None;
    for (cue, status) in STATUS_CUES {
        if let Some(i) = after.find(cue) {
            if best.is_none_or(|(b, _)| i < b) {
                best = Some((i, *status));
            }
        }
    }
    if let Some((_, s)) = best {
        return Some(s);
    }
    let before = &p[..start];
    let clause_start = before
        .rfind([',', ';', '.', ':'])
        .map(|i| i + 1)
        .unwrap_or(0);
    let clause = before[clause_start..].to_lowercase();
    let mut best: Option<(usize, CriterionStatus)> = None;
    for (cue, status) in STATUS_CUES {
        if let Some(i) = clause.rfind(cue) {
            if best.is_none_or(|(b, _)| i > b) {
                best = Some((i, *status));
            }
        }
    }
    best.map(|(_, s)| s)
}

/// The status of an inline enumeration a criterion is part of: `còn 02
/// tiêu chí chưa đạt gồm: Tiêu chí số 13 …, Tiêu chí số 17 …` — the words
/// before the last `gồm` before it, in the same sentence.
fn enumerated_status(p: &str, at: usize) -> Option<CriterionStatus> {
    let before = &p[..at];
    let g = before.rfind("gồm")?;
    // The enumeration must not have ended (a full stop or semicolon) since.
    if before[g..].contains(['.', ';']) {
        return None;
    }
    let clause_start = before[..g].rfind(['.', ';']).map(|i| i + 1).unwrap_or(0);
    let clause = before[clause_start..g].to_lowercase();
    STATUS_CUES
        .iter()
        .filter_map(|(cue, status)| clause.rfind(cue).map(|i| (i, *status)))
        .max_by_key(|(i, _)| *i)
        .map(|(_, s)| s)
}

/// Criteria names listed from byte `at` of `p`: lexicon names (longest
/// first); unknown names too when `enumerated` (after `bao gồm:`).
fn names_from(p: &str, at: usize, enumerated: bool) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut i = at;
    loop {
        // `trường học...cần huy động`: an ellipsis ends the list.
        let rest = &p[i..];
        let rest = &rest[..rest
            .find("...")
            .or_else(|| rest.find('…'))
            .unwrap_or(rest.len())];
        // Longest lexicon name starting here.
        let words: Vec<(usize, &str)> = rest
            .split_inclusive(' ')
            .scan(0, |pos, w| {
                let s = *pos;
                *pos += w.len();
                Some((s, w))
            })
            .take(14)
            .collect();
        let mut found = None;
        for k in (1..=words.len()).rev() {
            let end = words[k - 1].0 + words[k - 1].1.trim_end().len();
            let cand = rest[..end].trim_end_matches([',', ';', '.', ':']);
            if by_name(cand).is_some() {
                found = Some(cand.len());
                break;
            }
        }
        let len = match found {
            Some(l) => l,
            None if enumerated => {
                let stop = rest.find([',', ';', '.', '(']).unwrap_or(rest.len());
                let stop = rest[..stop].find(" và ").unwrap_or(stop);
                if stop == 0 {
                    break;
                }
                stop
            }
            None => break,
        };
        let name = rest[..len].trim().to_string();
        if name.is_empty() || !name.chars().next().is_some_and(|c| c.is_alphabetic()) {
            break;
        }
        out.push((i, i + len, name));
        i += len;
        let tail = &p[i..];
        let sep = if let Some(r) = tail.strip_prefix(", ") {
            tail.len() - r.len()
        } else if let Some(r) = tail.strip_prefix(" và ") {
            tail.len() - r.len()
        } else {
            break;
        };
        i += sep;
    }
    out
}

/// The national number of a named criterion, and the name to report: the
/// canonical name when numbered, the written one otherwise (a name is only
/// numbered in a 19-criteria context; provinces number 20-criteria sets
/// differently).
fn number_and_name(
    known: Option<(u32, &'static str)>,
    written: &str,
    total: Option<u32>,
) -> (Option<u32>, String) {
    match (known, total) {
        (Some((n, canon)), None | Some(19)) => (Some(n), canon.to_string()),
        _ => (None, written.to_string()),
    }
}

/// A header line of a criteria list, its status and total.
#[derive(Debug, Clone)]
struct Header {
    /// The bullet the header itself carries (`-` for `- Tiêu chí số 13 …:`).
    bullet: Option<char>,
    status: Option<CriterionStatus>,
    total: Option<u32>,
    /// (stated count, items seen, where) for the agreement check.
    stated: Option<(f64, usize, usize, usize)>,
    /// The bullet of the list's first-level items, once seen.
    item_bullet: Option<char>,
}

fn bullet_of(p: &str) -> Option<char> {
    let c = p.chars().next()?;
    if matches!(c, '-' | '+' | '*' | '•') {
        Some(c)
    } else if p.starts_with('(') && ITEM_MARK.is_match(p) {
        Some('(')
    } else {
        None
    }
}

/// Extract criteria and counts from paragraphs (`(text, byte offset, is a
/// section heading)`), in order. `home_subject` names the document's own
/// commune for plans that speak of themselves.
pub fn extract(paras: &[(&str, usize, bool)], home_subject: Option<&str>) -> CriteriaOut {
    let mut out = CriteriaOut::default();
    let mut stack: Vec<Header> = Vec::new();
    let mut section_subject: Option<String> = None;

    let close = |h: Header, out: &mut CriteriaOut| {
        if let Some((n, seen, s, e)) = h.stated {
            if seen > 0 && (n - seen as f64).abs() > f64::EPSILON {
                out.warnings.push(Note {
                    code: WarningCode::CriteriaCountMismatch,
                    message: format!("the plan says {n} criteria but lists {seen}"),
                    start: s,
                    end: e,
                });
            }
        }
    };

    for &(p, base, is_heading) in paras {
        if is_heading {
            while let Some(h) = stack.pop() {
                close(h, &mut out);
            }
            section_subject = communes_in(p).last().map(|c| format!("xã {c}"));
        }
        let bullet = bullet_of(p);
        // Items of the same bullet close a sibling header.
        if let Some(b) = bullet {
            while stack.last().is_some_and(|h| h.bullet == Some(b)) {
                let h = stack.pop().unwrap();
                close(h, &mut out);
            }
        }
        let in_list = !stack.is_empty();
        // Most paragraphs say nothing of criteria: skip the patterns.
        let lower_p = p.to_lowercase();
        if !in_list && !lower_p.contains("tiêu chí") && !lower_p.contains("chỉ tiêu") {
            continue;
        }
        let inherited = stack.last().and_then(|h| h.status);
        let total = stack.iter().rev().find_map(|h| h.total);
        let subject_at = |pos: usize| -> Option<String> {
            communes_in(&p[..pos])
                .last()
                .map(|c| format!("xã {c}"))
                .or_else(|| section_subject.clone())
                .or_else(|| home_subject.map(str::to_string))
        };
        let para_total = COUNT
            .captures_iter(p)
            .filter_map(|c| c.get(2))
            .filter_map(|t| t.as_str().parse().ok())
            .next();
        let numbering_total = para_total.or(total);
        let mut found_here = 0usize;
        // Counts.
        for c in COUNT.captures_iter(p) {
            let m = c.get(0).unwrap();
            let before = p[..m.start()].trim_end().to_lowercase();
            if before.ends_with("tăng") || before.ends_with("giảm") || before.ends_with("số") {
                continue;
            }
            let achieved: f64 = c[1].replace(',', ".").parse().unwrap_or(0.0);
            // `đạt 17/19 tiêu chí`: a bare `đạt` before the count means met.
            let status = status_near(p, m.start(), m.end()).or_else(|| {
                let clause = before.rsplit([',', ';', '.', ':']).next().unwrap_or("");
                clause
                    .trim_end()
                    .ends_with("đạt")
                    .then_some(CriterionStatus::Dat)
            });
            out.counts.push(CountHit {
                achieved,
                total: c.get(2).and_then(|t| t.as_str().parse().ok()),
                status,
                subject: subject_at(m.start()),
                start: base + m.start(),
                end: base + m.end(),
            });
        }

        // Numbered criteria and indicators.
        // Numbered criteria (`Tiêu chí số 13`) and indicators (`Chỉ tiêu
        // 13.2`). A list item takes its header's status; a criterion named
        // in prose takes the status words around it.
        let numbered = NUMBERED.captures_iter(p).map(|c| (c, false));
        let indicators = INDICATOR.captures_iter(p).map(|c| (c, true));
        for (c, is_indicator) in numbered.chain(indicators) {
            let m = c.get(0).unwrap();
            let n: u32 = c[1].parse().unwrap_or(0);
            let listed = in_list && (is_indicator || bullet.is_some());
            let status = if listed {
                inherited
            } else {
                status_near(p, m.start(), m.end()).or_else(|| enumerated_status(p, m.start()))
            };
            out.criteria.push(CriterionHit {
                number: Some(n),
                // `Chỉ tiêu 13.2`, or `Tiêu chí số 17.1` written with its indicator.
                indicator: c.get(2).map(|i| format!("{}.{}", &c[1], i.as_str())),
                name: name_of(n).map(str::to_string),
                status,
                subject: subject_at(m.start()),
                start: base + m.start(),
                end: base + m.end(),
            });
            if !is_indicator {
                found_here += 1;
            }
        }

        // Named criteria after `tiêu chí …` anchors.
        for a in NAMES_ANCHOR.find_iter(p) {
            let anchor_text = a.as_str().to_lowercase();
            let enumerated = anchor_text.contains("gồm");
            let names = names_from(p, a.end(), enumerated);
            if names.is_empty() {
                continue;
            }
            let status = status_near(p, a.start(), a.start() + "tiêu chí".len());
            for (s, e, name) in names {
                let known = by_name(&name);
                let (number, shown) = number_and_name(known, &name, numbering_total);
                if known.is_some() && number.is_none() {
                    out.warnings.push(Note {
                        code: WarningCode::CriteriaNumbering,
                        message: format!("criterion '{name}' is named in a {}-criteria set whose numbering may differ from the national one; number left empty", numbering_total.unwrap_or(0)),
                        start: base + s,
                        end: base + e,
                    });
                }
                out.criteria.push(CriterionHit {
                    number,
                    indicator: None,
                    name: Some(shown),
                    status,
                    subject: subject_at(s),
                    start: base + s,
                    end: base + e,
                });
            }
        }

        // A list item (or a line in a list) that is a criterion's name
        // followed by a colon: `- Giao thông: Còn khoảng 12,4km …`.
        // In a list whose header states a count, every first-level item
        // `- X: …` is a criterion, named or not (`Khu dân cư nông thôn kiểu mẫu`).
        let counted_item = match (stack.last_mut(), bullet) {
            (Some(h), Some(b)) if h.stated.is_some() => {
                let first = *h.item_bullet.get_or_insert(b);
                first == b
            }
            _ => false,
        };
        if in_list && found_here == 0 {
            let body = ITEM_MARK.replace(p, "");
            let lead = p.len() - body.len();
            if let Some(colon) = body.find(':') {
                let name = body[..colon].trim();
                let known = by_name(name);
                let short = name.split_whitespace().count() <= 8 && !name.is_empty();
                if known.is_some() || (counted_item && short) {
                    let (number, shown) = number_and_name(known, name, total);
                    out.criteria.push(CriterionHit {
                        number,
                        indicator: None,
                        name: Some(shown),
                        status: inherited,
                        subject: subject_at(lead),
                        start: base + lead,
                        end: base + lead + name.len(),
                    });
                    found_here += 1;
                }
            }
        }
        if found_here > 0 {
            if let Some(h) = stack.last_mut() {
                if let Some(st) = h.stated.as_mut() {
                    st.1 += 1;
                }
            }
        }

        // Does this line open a list of criteria?
        let lower = p.to_lowercase();
        if p.trim_end().ends_with(':') && (lower.contains("tiêu chí") || found_here > 0) {
            let count = COUNT.captures(p).filter(|c| {
                let before = p[..c.get(0).unwrap().start()].trim_end().to_lowercase();
                !(before.ends_with("tăng") || before.ends_with("giảm"))
            });
            let (status, total, stated) = match &count {
                Some(c) => {
                    let m = c.get(0).unwrap();
                    let st = status_near(p, m.start(), m.end());
                    let achieved: f64 = c[1].replace(',', ".").parse().unwrap_or(0.0);
                    (
                        st,
                        c.get(2).and_then(|t| t.as_str().parse().ok()),
                        Some((achieved, 0usize, base + m.start(), base + m.end())),
                    )
                }
                None => {
                    let st = lower
                        .find("tiêu chí")
                        .and_then(|i| status_near(p, i, i + "tiêu chí".len()));
                    (st.or(inherited), None, None)
                }
            };
            // A criterion item that opens sub-items passes its status on.
            let status = if found_here > 0 && bullet.is_some() {
                inherited.or(status)
            } else {
                status
            };
            stack.push(Header {
                bullet,
                status,
                total: total.or(numbering_total),
                stated,
                item_bullet: None,
            });
        }
    }
    while let Some(h) = stack.pop() {
        close(h, &mut out);
    }
    out
}

/// Criteria and counts of the body and annexes; criteria stated without a
/// subject in a commune's own document are the commune's.
pub fn of_document(text: &str, o: &Outline, identity: &Identity) -> CriteriaOut {
    let headings: std::collections::HashSet<usize> = o.sections.iter().map(|s| s.para).collect();
    let body: Vec<(&str, usize, bool)> = o
        .paras
        .iter()
        .enumerate()
        .filter(|(i, _)| o.in_body_or_annex(*i) || o.intro == Some(*i))
        .map(|(i, p)| (p.text(text), p.start, headings.contains(&i)))
        .collect();
    extract(&body, identity.home_commune().as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_say_what_they_count_and_inline_lists_take_their_status() {
        let out = extract(
            &[(
                "Đến nay xã đạt 17/19 tiêu chí; còn 02 tiêu chí chưa đạt gồm: Tiêu chí số 13 về Tổ chức sản xuất và Tiêu chí số 17 về Môi trường. Phấn đấu đạt 19/19 tiêu chí năm 2026.",
                0,
                false,
            )],
            None,
        );
        let counts: Vec<(f64, Option<CriterionStatus>)> =
            out.counts.iter().map(|c| (c.achieved, c.status)).collect();
        assert_eq!(
            counts,
            [
                (17.0, Some(CriterionStatus::Dat)),
                (2.0, Some(CriterionStatus::ChuaDat)),
                (19.0, Some(CriterionStatus::PhanDauDat)),
            ]
        );
        let listed: Vec<(Option<u32>, Option<CriterionStatus>)> =
            out.criteria.iter().map(|c| (c.number, c.status)).collect();
        assert_eq!(
            listed,
            [
                (Some(13), Some(CriterionStatus::ChuaDat)),
                (Some(17), Some(CriterionStatus::ChuaDat))
            ]
        );
    }

    fn run(lines: &[&str]) -> CriteriaOut {
        let mut paras = Vec::new();
        let mut off = 0;
        for l in lines {
            paras.push((*l, off, false));
            off += l.len() + 1;
        }
        extract(&paras, Some("xã Quang Trung"))
    }

    #[test]
    fn a_name_in_brackets_stands_between_criterion_and_status() {
        let out = run(&[
            "- Xã Đông Hòa: đạt 18/19 tiêu chí, còn Tiêu chí số 17 (Môi trường và an toàn thực phẩm) chưa đạt.",
            "Tiêu chí số 5 (Trường học): đã đạt, tiếp tục duy trì.",
            "Củng cố Hợp tác xã Nông nghiệp Đông Hòa, hoàn thành Tiêu chí số 13.",
        ]);
        let got: Vec<(Option<u32>, Option<CriterionStatus>, Option<String>)> = out
            .criteria
            .iter()
            .map(|c| (c.number, c.status, c.subject.clone()))
            .collect();
        assert_eq!(
            got[0],
            (
                Some(17),
                Some(CriterionStatus::ChuaDat),
                Some("xã Đông Hòa".into())
            )
        );
        assert_eq!(got[1].1, Some(CriterionStatus::Dat));
        // A cooperative (`Hợp tác xã Nông nghiệp`) is not a commune.
        assert_eq!(got[2].2.as_deref(), Some("xã Quang Trung"));
    }

    #[test]
    fn lists_inherit_status_and_counts_are_checked() {
        let out = run(&[
            "* Có 3/19 tiêu chí được duy trì và nâng cao:",
            "(1) Tiêu chí số 1 về Quy hoạch;",
            "(2) Tiêu chí số 2 về Giao Thông;",
            "* Còn 02 Tiêu chí chưa đạt gồm:",
            "(1) Tiêu chí số 13 về Tổ chức sản xuất;",
            "(2) Tiêu chí số 17 về Môi trường;",
            "- Tiêu chí số 13 về Tổ chức sản xuất và phát triển kinh tế nông thôn:",
            "+ Chỉ tiêu 13.2. Xã không có mô hình liên kết.",
        ]);
        let got: Vec<(Option<u32>, Option<String>, Option<CriterionStatus>)> = out
            .criteria
            .iter()
            .map(|c| (c.number, c.indicator.clone(), c.status))
            .collect();
        assert_eq!(
            got[0],
            (Some(1), None, Some(CriterionStatus::DuyTriNangCao))
        );
        assert_eq!(got[2], (Some(13), None, Some(CriterionStatus::ChuaDat)));
        assert_eq!(
            got[5],
            (
                Some(13),
                Some("13.2".into()),
                Some(CriterionStatus::ChuaDat)
            )
        );
        assert_eq!(out.counts[0].achieved, 3.0);
        assert_eq!(out.counts[0].total, Some(19));
        // 3 stated, 2 listed.
        assert!(
            out.warnings.iter().any(|w| w.message.contains("says 3")),
            "{:?}",
            out.warnings
        );
    }

    #[test]
    fn named_criteria_and_twenty_criteria_sets() {
        let out = run(&["- Xã Tân Quan: Tiếp tục củng cố, giữ vững 15/20 tiêu chí đã đạt được, phấn đấu đạt thêm 05 tiêu chí, bao gồm: Giáo dục, Văn hóa, Y tế và Khu dân cư nông thôn kiểu mẫu; bên cạnh đó tập trung củng cố lại tiêu chí Quy hoạch."]);
        let got: Vec<(Option<u32>, String, Option<CriterionStatus>)> = out
            .criteria
            .iter()
            .map(|c| (c.number, c.name.clone().unwrap(), c.status))
            .collect();
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(got.iter().all(|g| g.0.is_none()));
        assert_eq!(got[3].1, "Khu dân cư nông thôn kiểu mẫu");
        assert_eq!(got[0].2, Some(CriterionStatus::PhanDauDat));
        assert_eq!(
            got[4],
            (None, "Quy hoạch".into(), Some(CriterionStatus::CungCo))
        );
        assert_eq!(out.criteria[0].subject.as_deref(), Some("xã Tân Quan"));
        let out = run(&["đặc biệt là tiêu chí về thu nhập, nghèo đa chiều, tổ chức sản xuất, môi trường, an ninh trật tự."]);
        let nums: Vec<Option<u32>> = out.criteria.iter().map(|c| c.number).collect();
        assert_eq!(nums, vec![Some(10), Some(11), Some(13), Some(17), Some(19)]);
        assert!(out.criteria.iter().all(|c| c.status.is_none()));
    }

    #[test]
    fn increases_are_not_counts() {
        let out = run(&[
            "đạt khoảng 19/19 tiêu chí (tăng 0,42 tiêu chí so với năm 2023) và 16,7/20 tiêu chí",
        ]);
        let got: Vec<(f64, Option<u32>)> =
            out.counts.iter().map(|c| (c.achieved, c.total)).collect();
        assert_eq!(got, vec![(19.0, Some(19)), (16.7, Some(20))]);
    }
}
