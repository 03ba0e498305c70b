//! One record as the comparison reads it: its issuer as a [`Body`], its
//! period, its paragraphs, and the evidence for any of its items (the
//! paragraph that holds the item, quoted). Reads the record and its text
//! only.

use crate::body::{body_of, Body};
use crate::model::Evidence;
use vnplan_record::text::Part;
use vnplan_record::vocab::{DateKind, DateRole, Level};
use vnplan_record::{Item, Provenance, Record};

pub(crate) struct Doc<'a> {
    pub record: &'a Record,
    pub source: &'a str,
    pub body: Body,
    pub level: Option<Level>,
    pub period: Option<[i32; 2]>,
    /// The date item the period was read from.
    pub period_item: Option<usize>,
    /// Each paragraph's text (the text has one paragraph per line).
    lines: Vec<&'a str>,
    /// Scalar offset where each paragraph starts.
    starts: Vec<usize>,
}

impl<'a> Doc<'a> {
    pub fn new(record: &'a Record) -> Doc<'a> {
        let mut body = record
            .document
            .issuer
            .as_deref()
            .map(body_of)
            .unwrap_or_else(|| body_of(""));
        let level = record.document.issuer_level.or(body.level);
        if body.level.is_none() {
            body.level = level;
        }
        let (lines, starts) = match &record.text {
            Some(t) => {
                let lines: Vec<&str> = t.text.split('\n').collect();
                let starts = t.paragraphs.iter().map(|p| p.span[0]).collect();
                (lines, starts)
            }
            None => (Vec::new(), Vec::new()),
        };
        let mut doc = Doc {
            record,
            source: &record.source.path,
            body,
            level,
            period: None,
            period_item: None,
            lines,
            starts,
        };
        if let Some((years, item)) = doc.period_of_title() {
            doc.period = Some(years);
            doc.period_item = Some(item);
        }
        doc
    }

    /// The paragraph holding scalar offset `at`, if the text came along.
    pub fn paragraph_at(&self, at: usize) -> Option<&'a str> {
        self.paragraph_index(at)
            .and_then(|i| self.lines.get(i).copied())
    }

    /// Index of the paragraph holding scalar offset `at`.
    pub fn paragraph_index(&self, at: usize) -> Option<usize> {
        if self.starts.is_empty() {
            return None;
        }
        self.starts.partition_point(|&s| s <= at).checked_sub(1)
    }

    /// Start offset, first line and page of paragraph `i`.
    pub fn paragraph_place(&self, i: usize) -> Option<(usize, usize, Option<usize>)> {
        let p = self.record.text.as_ref()?.paragraphs.get(i)?;
        Some((p.span[0], p.line, p.page))
    }

    pub fn paragraphs(&self) -> &[&'a str] {
        &self.lines
    }

    fn part_at(&self, at: usize) -> Option<Part> {
        let t = self.record.text.as_ref()?;
        let i = self.starts.partition_point(|&s| s <= at).checked_sub(1)?;
        t.paragraphs.get(i).map(|p| p.part)
    }

    /// The years a plan covers: the narrowest period date of its header
    /// (where the title is). Without the text, the period dates before the
    /// first section.
    fn period_of_title(&self) -> Option<([i32; 2], usize)> {
        let first_section = self
            .record
            .sections
            .first()
            .map(|s| s.at.span[0])
            .unwrap_or(usize::MAX);
        let in_header = |d: &Item<vnplan_record::DateItem>| match self.part_at(d.at.span[0]) {
            Some(part) => part == Part::Header,
            None => d.at.span[0] < first_section,
        };
        self.record
            .dates
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                d.role == DateRole::Period && d.kind != DateKind::Lunar && in_header(d)
            })
            .filter_map(|(i, d)| years_of(&d.value).map(|y| (y, i)))
            .min_by_key(|([a, b], i)| (b - a, *a, *i))
    }

    /// Quotes an item: its text, the paragraph around it, where it is.
    pub fn evidence<T>(&self, item: &Item<T>, text: &str, value: Option<String>) -> Evidence {
        self.evidence_at(
            Some(item.id.clone()),
            &item.at,
            item.section.clone(),
            text,
            value,
        )
    }

    pub fn evidence_at(
        &self,
        item: Option<String>,
        at: &Provenance,
        section: Option<String>,
        text: &str,
        value: Option<String>,
    ) -> Evidence {
        Evidence {
            source: self.source.to_string(),
            item,
            text: text.to_string(),
            value,
            quote: self.paragraph_at(at.span[0]).unwrap_or(text).to_string(),
            span: at.span,
            line: at.line,
            page: at.page,
            section,
        }
    }

    /// The place the document is about, as a subject (`xã Mỹ An`).
    pub fn subject(&self) -> Option<String> {
        let word = match self.level? {
            Level::Tinh => "tỉnh",
            Level::Huyen => "huyện",
            Level::Xa => "xã",
            _ => return self.body.place_name.clone(),
        };
        Some(format!("{word} {}", self.body.place_name.as_deref()?))
    }

    /// Evidence for the document as a whole (its title line).
    pub fn whole(&self, value: Option<String>) -> Evidence {
        let title = self.record.document.title.clone().unwrap_or_default();
        Evidence {
            source: self.source.to_string(),
            item: None,
            text: title.clone(),
            value,
            quote: title,
            span: [0, 0],
            line: 1,
            page: None,
            section: None,
        }
    }
}

/// First and last year of a date value (`2025`, `2021/2025`,
/// `2024;part=start`, `2025-06-30`).
pub(crate) fn years_of(value: &str) -> Option<[i32; 2]> {
    let core = value.split(';').next()?;
    let mut parts = core.split('/');
    let first = parts.next()?;
    let last = parts.next_back().unwrap_or(first);
    let year = |s: &str| s.get(..4).and_then(|y| y.parse::<i32>().ok());
    Some([year(first)?, year(last)?])
}

/// The last day a deadline or date value allows, as an ordinal
/// `(year, month, day)`: a month means its last day, a year its 31 December,
/// a range its end. `None` for durations and what cannot be read.
pub(crate) fn last_day(value: &str) -> Option<(i32, u32, u32)> {
    if value.starts_with('P') {
        return None;
    }
    let core = value.split(';').next()?;
    let end = core.rsplit('/').next()?;
    let mut it = end.split('-');
    let y: i32 = it.next()?.parse().ok()?;
    let m = match it.next() {
        Some(q) if q.starts_with('Q') => {
            let m = q[1..].parse::<u32>().ok().filter(|q| (1..=4).contains(q))? * 3;
            return Some((y, m, days_in_month(y, m)));
        }
        Some(m) => m.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?,
        None => return Some((y, 12, 31)),
    };
    let d = match it.next() {
        // `2026-05-15T08:00`: the day is the digits before the time.
        Some(d) => d
            .get(..2)?
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=31).contains(d))?,
        None => days_in_month(y, m),
    };
    Some((y, m, d))
}

/// The one day a value names, if it names exactly one.
pub(crate) fn exact_day(value: &str) -> Option<(i32, u32, u32)> {
    let core = value.split(';').next()?;
    if core.contains('/') || core.len() < 10 || core.get(4..5) != Some("-") {
        return None;
    }
    last_day(core)
}

pub(crate) fn iso((y, m, d): (i32, u32, u32)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_values() {
        assert_eq!(years_of("2021/2025"), Some([2021, 2025]));
        assert_eq!(years_of("2024;part=start"), Some([2024, 2024]));
        assert_eq!(last_day("2025-06"), Some((2025, 6, 30)));
        assert_eq!(last_day("2024-02"), Some((2024, 2, 29)));
        assert_eq!(last_day("2025"), Some((2025, 12, 31)));
        assert_eq!(last_day("2025-02-15/2025-02-20"), Some((2025, 2, 20)));
        assert_eq!(last_day("P15D"), None);
        assert_eq!(last_day("2024-Q1"), Some((2024, 3, 31)));
        assert_eq!(
            last_day("2026-05-15T08:00/2026-05-15T11:00"),
            Some((2026, 5, 15))
        );
        assert_eq!(last_day("monthly:day=10"), None);
        assert_eq!(exact_day("2025-02-15"), Some((2025, 2, 15)));
        assert_eq!(exact_day("2025-02"), None);
    }
}
