//! Deadlines: a due date bound to its task and responsible units.
//!
//! Takes the date expressions whose role is `deadline` and finds the task
//! they belong to: the clause before the deadline wording in the same
//! sentence, or the previous sentence when the deadline stands alone
//! (`… đổ bê tông. Hoàn thành trước ngày 19/02/2024.`).

use super::dates::{DateHit, DocumentDates};
use super::units::AssignmentHit;
use crate::record::vocab::{DateRole, Relation};
use crate::segment::Outline;
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub struct DeadlineHit {
    pub due: String,
    pub relation: Relation,
    pub task: String,
    /// The deadline phrase (`trước ngày 19/02/2024`), byte range.
    pub start: usize,
    pub end: usize,
}

/// The deadlines of a document, each with its paragraph, in text order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Deadlines {
    pub hits: Vec<(usize, DeadlineHit)>,
}

impl Deadlines {
    /// Bind the deadline dates of every paragraph to their tasks.
    pub fn of_document(text: &str, o: &Outline, dates: &DocumentDates) -> Deadlines {
        let mut hits = Vec::new();
        for (para, paragraph_dates) in dates.by_paragraph() {
            let p = o.paras[para];
            for d in bind(p.text(text), p.start, &paragraph_dates) {
                hits.push((para, d));
            }
        }
        Deadlines { hits }
    }

    /// The first due date written in paragraph `para`.
    pub fn first_due_in(&self, para: usize) -> Option<String> {
        let i = self.hits.partition_point(|(p, _)| *p < para);
        self.hits
            .get(i)
            .filter(|(p, _)| *p == para)
            .map(|(_, d)| d.due.clone())
    }

    /// The units each deadline falls to: those of the innermost assignment
    /// whose section covers its paragraph, by paragraph.
    pub fn units(&self, o: &Outline, assignments: &[AssignmentHit]) -> Vec<Vec<String>> {
        // The sections that hold assignments, by their heading paragraph,
        // each with its units: built once, so each deadline looks only at
        // the sections around it (it was every section and every
        // assignment for each deadline).
        let mut by_para: std::collections::BTreeMap<usize, Vec<String>> = Default::default();
        for a in assignments {
            by_para
                .entry(a.para)
                .or_default()
                .push(a.unit.canonical.clone());
        }
        let mut owners: Vec<(usize, usize, &Vec<String>)> = o
            .sections
            .iter()
            .filter_map(|s| {
                by_para
                    .get(&s.para)
                    .map(|names| (s.para, s.end_para, names))
            })
            .collect();
        owners.sort_by_key(|&(start, _, _)| start);
        self.hits
            .iter()
            .map(|(para, _)| units_at(&owners, *para))
            .collect()
    }
}

/// The units of the innermost section with assignments that covers
/// `para`: the last one starting at or before it that still runs over it
/// (sections nest, so the innermost starts last).
fn units_at(owners: &[(usize, usize, &Vec<String>)], para: usize) -> Vec<String> {
    let i = owners.partition_point(|&(start, _, _)| start <= para);
    owners[..i]
        .iter()
        .rev()
        .find(|&&(_, end, _)| para < end)
        .map(|(_, _, names)| (*names).clone())
        .unwrap_or_default()
}

/// The deadline wording right before a date: where the phrase starts.
static WORDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\(\s*)?(?:(?:thời\s+gian\s+(?:thực\s+hiện\s+|hoàn\s+thành\s+)?)|(?:hoàn\s+thành|xong)\s+)?(?:trước|chậm\s+nhất(?:\s+là)?|muộn\s+nhất|hạn\s+chót|đến\s+hết|trong|vào)\s*(?:ngày|tháng|năm|quý)?\s*$")
        .expect("valid regex")
});

/// A deadline label right before a date (`Thời hạn: `, `Hạn chót nộp hồ
/// sơ: `); group 1 holds the words between the label and its colon.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\(\s*)?(?:thời\s+hạn|hạn\s+chót|thời\s+gian\s+hoàn\s+thành)\b([^:;.]{0,40}):\s*(?:(?:trước|chậm\s+nhất(?:\s+là)?|muộn\s+nhất|đến\s+hết|trong|vào)\s*)?(?:ngày|tháng|năm|quý)?\s*$")
        .expect("valid regex")
});

static LEADING_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-+*•]\s*|\d{1,2}(?:\.\d{1,2})*\.\s+|[a-zđ]\)\s+|\(\d+\)\s+)+")
        .expect("valid regex")
});

/// Sentence spans of a paragraph (byte ranges): split after `. ` that is
/// not a decimal point.
fn sentences(p: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = p.as_bytes();
    for i in 0..b.len() {
        if b[i] == b'.' && (i + 1 == b.len() || b[i + 1] == b' ') && !(i > 0 && b[i - 1] == b'.') {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < p.len() {
        out.push((start, p.len()));
    }
    out
}

fn clean_task(s: &str) -> String {
    let s = s.trim();
    let s = LEADING_MARK.replace(s, "");
    let s = s.trim_start_matches(", ").trim_start();
    let s = s.strip_prefix("và ").unwrap_or(s);
    let mut t = s
        .trim()
        .trim_end_matches([',', ';', ':', '.', ' ', '(', '-'])
        .trim()
        .to_string();
    // Drop an unclosed parenthesis the deadline phrase sat in.
    if t.matches('(').count() > t.matches(')').count() {
        if let Some(i) = t.rfind('(') {
            t = t[..i].trim_end().to_string();
        }
    }
    for conj in [" và", ","] {
        if let Some(x) = t.strip_suffix(conj) {
            t = x.trim_end().to_string();
        }
    }
    t
}

/// Bytes before a date that its label or wording can span.
const CUE_WINDOW: usize = 240;

/// A char boundary at most `n` bytes before `at` (0 when closer).
fn window_start(p: &str, at: usize, n: usize) -> usize {
    let mut i = at.saturating_sub(n);
    while !p.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Bind the deadline hits of one paragraph (`base` = its offset) to tasks.
pub fn bind(p: &str, base: usize, hits: &[DateHit]) -> Vec<DeadlineHit> {
    let sents = sentences(p);
    let mut out = Vec::new();
    let mut prev_end_in_sentence: Option<(usize, usize)> = None; // (sentence idx, end)
    for h in hits.iter().filter(|h| h.role == DateRole::Deadline) {
        let (hs, he) = (h.start - base, h.end - base);
        // The label and wording end at the date and span a few words: match
        // them on a window before it, not on all the paragraph before it
        // (which made a long paragraph cost the square of its length).
        let w = window_start(p, hs, CUE_WINDOW);
        let label = LABEL.captures(&p[w..hs]);
        let phrase_start = match &label {
            Some(c) => w + c.get(0).unwrap().start(),
            None => WORDING.find(&p[w..hs]).map(|m| w + m.start()).unwrap_or(hs),
        };
        // Sentences are in order: the one holding the date by bisection.
        let si = sents.partition_point(|&(_, e)| e <= hs);
        if !sents.get(si).is_some_and(|&(s, e)| s <= hs && hs < e) {
            continue;
        }
        let (s_start, _) = sents[si];
        let from = match prev_end_in_sentence {
            Some((psi, pe)) if psi == si => pe,
            _ => s_start,
        };
        let mut task = if phrase_start > from {
            clean_task(&p[from..phrase_start])
        } else {
            String::new()
        };
        // `Hạn chót nộp hồ sơ: ngày …`: the label names the task.
        if task.chars().count() < 4 {
            if let Some(inner) = label.as_ref().and_then(|c| c.get(1)) {
                task = clean_task(inner.as_str());
            }
        }
        if task.chars().count() < 4 {
            // `Hoàn thành trước ngày …` standing alone: the task is the
            // sentence before it.
            if si > 0 {
                let (a, b) = sents[si - 1];
                task = clean_task(&p[a..b]);
            }
        }
        prev_end_in_sentence = Some((si, he));
        out.push(DeadlineHit {
            due: h.value.clone(),
            relation: h.relation.unwrap_or(Relation::By),
            task,
            start: base + phrase_start.min(hs),
            end: h.end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dates::{extract_paragraph, DateContext};

    fn tasks(p: &str) -> Vec<(String, String, String)> {
        let hits = extract_paragraph(
            p,
            0,
            &DateContext {
                year: Some(2024),
                ..Default::default()
            },
        );
        bind(p, 0, &hits)
            .into_iter()
            .map(|d| (d.task, d.due, d.relation.to_string()))
            .collect()
    }

    #[test]
    fn binds_tasks() {
        let t = tasks("- Thẩm định bài phát biểu của Lãnh đạo huyện tại buổi lễ (Hoàn thành trước ngày 16/02/2024).");
        assert_eq!(
            t[0].0,
            "Thẩm định bài phát biểu của Lãnh đạo huyện tại buổi lễ"
        );
        let t = tasks("- Chỉ đạo chuẩn bị mặt bằng sân. Hoàn thành trước ngày 19/02/2024.");
        assert_eq!(t[0].0, "Chỉ đạo chuẩn bị mặt bằng sân");
        let t = tasks("8. Yêu cầu UBND các xã báo cáo nhanh kết quả trước ngày 22 tháng 02 năm 2024 và báo cáo tổng hợp kết quả thực hiện trước ngày 25 tháng 02 năm 2024.");
        assert_eq!(t[0].0, "Yêu cầu UBND các xã báo cáo nhanh kết quả");
        assert_eq!(t[1].0, "báo cáo tổng hợp kết quả thực hiện");
        assert_eq!(t[1].1, "2024-02-25");
        let t = tasks("- Các xã nộp báo cáo kết quả về huyện vào ngày 15/3/2024.");
        assert_eq!((t[0].1.as_str(), t[0].2.as_str()), ("2024-03-15", "on"));
        let t = tasks("Báo cáo kết quả chậm nhất ngày 10/4/2024.");
        assert_eq!(t[0].2, "by");
        // A duration after a task is due within that time.
        let t = tasks("Các xã hoàn thành hồ sơ trong thời hạn 30 ngày kể từ ngày nhận văn bản.");
        assert_eq!(
            (t[0].0.as_str(), t[0].1.as_str(), t[0].2.as_str()),
            ("Các xã hoàn thành hồ sơ", "P30D", "within")
        );
        let t = tasks("Tổ chức Lễ ra quân vào lúc 08h30, thứ Ba, ngày 20 tháng 02 năm 2024.");
        assert!(t.is_empty(), "an event is not a deadline: {t:?}");
    }

    #[test]
    fn label_deadlines_bind_tasks() {
        let t = tasks("- Rà soát, cập nhật hồ sơ hộ nghèo. Thời hạn: ngày 30/6/2026.");
        assert_eq!(
            t,
            vec![(
                "Rà soát, cập nhật hồ sơ hộ nghèo".into(),
                "2026-06-30".into(),
                "by".into()
            )]
        );
        let t = tasks("Hạn chót nộp hồ sơ: ngày 15/7/2026.");
        assert_eq!(
            t,
            vec![("nộp hồ sơ".into(), "2026-07-15".into(), "by".into())]
        );
        let t = tasks(
            "Tổng hợp danh sách đề nghị khen thưởng (thời hạn hoàn thành: trước ngày 30/9/2026).",
        );
        assert_eq!(
            t,
            vec![(
                "Tổng hợp danh sách đề nghị khen thưởng".into(),
                "2026-09-30".into(),
                "before".into()
            )]
        );
        // A horizon is not a deadline.
        assert!(tasks("Quy hoạch xã giai đoạn 2026-2030, định hướng đến năm 2035.").is_empty());
    }
}
