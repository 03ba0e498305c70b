//! Dates, times, periods, recurrences and lunar dates in every form plans
//! write them, with normalised values (the contract in the README).
//!
//! Works in two passes over each paragraph: find *atoms* (a full date, a
//! month, a year, a quarter, a time, a weekday, a recurrence…), then merge
//! neighbours whose gap is a connector (`thứ Ba, ngày …` + `lúc 08h30`, `từ …
//! đến hết …`, `giai đoạn 2021-2025`). Roles (`issued`, `reference`, `event`,
//! `deadline`, `period`) come from the words just before an expression.
//! It does not bind deadlines to tasks: see `deadlines`.

use super::{lunar, Note};
use crate::record::vocab::{DateKind, DateRole, Relation, WarningCode};
use crate::segment::Outline;
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

/// One extracted date expression (byte range in the normalised text).
#[derive(Debug, Clone, PartialEq)]
pub struct DateHit {
    pub start: usize,
    pub end: usize,
    pub kind: DateKind,
    pub value: String,
    pub solar: Option<String>,
    pub role: DateRole,
    /// Deadline relation when `role` is `deadline`.
    pub relation: Option<Relation>,
    /// A warning about the expression (a weekday that does not fit the date).
    pub warning: Option<Note>,
}

/// What a date expression needs from its document.
#[derive(Debug, Clone, Copy, Default)]
pub struct DateContext {
    /// The year to give expressions that leave it out (the document's own
    /// date, else the single year its title names).
    pub year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq)]
enum Atom {
    /// A day; `year` is None when the text leaves it out.
    Date {
        y: Option<i32>,
        m: u32,
        d: u32,
        weekday: Option<u32>,
        time: Option<(u32, u32)>,
    },
    Month {
        y: Option<i32>,
        m: u32,
    },
    Year {
        y: i32,
        part: Option<&'static str>,
    },
    RelYear(i32),
    /// `trong năm`, `cuối năm` without a year: a finished relative value.
    RelPart(&'static str),
    Quarter {
        y: Option<i32>,
        q: u32,
    },
    Time {
        h: u32,
        m: u32,
    },
    Weekday(u32),
    Recurring(String),
    Lunar {
        y: i32,
        m: u32,
        d: u32,
    },
    /// A finished range value (`2021/2025`, `2024-01/2024-06`).
    Range(String),
}

impl Atom {
    /// A plain day, with no weekday or time yet.
    fn day(y: Option<i32>, m: u32, d: u32) -> Atom {
        Atom::Date {
            y,
            m,
            d,
            weekday: None,
            time: None,
        }
    }
}

#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    atom: Atom,
}

macro_rules! re {
    ($name:ident, $pat:expr) => {
        static $name: LazyLock<Regex> = LazyLock::new(|| Regex::new($pat).expect("valid regex"));
    };
}

// Atoms. `(?i)` only where plans vary the case of a word.
re!(
    DATE_NUM,
    r"(?i)\b(?:ngày\s+)?(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*([/.-])\s*(\d{4})\b"
);
re!(
    DATE_WORDS,
    r"(?i)\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*)?năm\s+(\d{4})\b"
);
re!(DATE_NO_YEAR, r"(?i)\bngày\s+(\d{1,2})\s*/\s*(\d{1,2})\b");
re!(
    DATE_DM_WORDS_NO_YEAR,
    r"(?i)\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\b"
);
re!(
    MONTH,
    r"(?i)\btháng\s+(\d{1,2})\s*(?:/\s*|,?\s*năm\s+)(\d{4})\b"
);
re!(MONTH_NO_YEAR, r"(?i)\btháng\s+(\d{1,2})\b");
re!(
    BLANK_DATE,
    r"(?i)\bngày\s+(?:(\d{1,2})\s+)?tháng\s+(?:(\d{1,2})\s+)?năm\s+(\d{4})\b"
);
re!(YEAR, r"(?i)\bnăm\s+(\d{4})\b");
re!(VAGUE_YEAR, r"(?i)\b(cuối|đầu|giữa)\s+năm\s+(\d{4})\b");
re!(
    HALF_YEAR,
    r"(?i)\b(6|06|sáu|9|09|chín|3|03|ba)\s+tháng\s+(đầu|cuối)\s+năm\s+(\d{4})\b"
);
re!(
    REL_YEAR,
    r"(?i)\b(?:năm\s+(nay|sau|tới|trước|ngoái)|(sang)\s+năm)\b"
);
// `trong năm`, `cuối năm` with no year: the current year of the plan.
// (`đầu năm` alone is left out: in plans it is mostly part of an event
// name, `Lễ ra quân đầu năm`.)
re!(REL_PART, r"(?i)\b(trong|cuối|giữa)\s+năm\b");
re!(
    PERIOD,
    r"(?i)\b(giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ|niên\s+khóa)\s*:?\s*((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)\b"
);
re!(
    QUARTER,
    r"(?i)\bquý\s+(IV|III|II|I|[1-4])\b(?:\s*(?:/\s*|năm\s+)(\d{4})\b)?"
);
re!(
    TIME,
    r"(?i)\b(\d{1,2})\s*(?:h|giờ)(?:\s*(\d{2}))?(?:\s*(?:'|phút))?(?:\s+(sáng|chiều|tối))?"
);
re!(
    WEEKDAY,
    r"(?i)\b(?:thứ\s+(hai|ba|tư|năm|sáu|bảy|[2-7])|(chủ\s+nhật))\b"
);
re!(
    RECURRING,
    r"(?i)\b(?:(?:vào\s+)?ngày\s+(?P<d>\d{1,2})(?:\s*/\s*(?P<m>\d{1,2})|\s+tháng\s+(?P<m2>\d{1,2}))?\s+)?(?:hàng|hằng|mỗi)\s+(?P<u>tháng|quý|năm|tuần)\b"
);
re!(
    NTH_WEEKDAY,
    r"(?i)\b(?:vào\s+)?ngày\s+(?:thứ\s+(hai|ba|tư|năm|sáu|bảy|[2-7])|(chủ\s+nhật))\s+(đầu\s+tiên|thứ\s+nhất|thứ\s+hai|cuối\s+cùng)\s+(?:của|trong)\s+(?:mỗi\s+|hàng\s+)?tháng\b"
);
re!(
    LUNAR,
    r"(?i)\b(?:nhằm\s+)?ngày\s+(\d{1,2})\s+tháng\s+(giêng|chạp|một|hai|ba|tư|năm|sáu|bảy|tám|chín|mười\s+một|mười\s+hai|mười|\d{1,2})(?:\s+(?:âm\s+lịch|al))?\s+năm\s+(\p{L}+\s+\p{L}+)"
);

// Words before an expression that give it a role.
re!(
    BEFORE_REFERENCE,
    r"(?i)(?:số\s+)?\d+(?:/\d{4})?[/-][\p{Lu}Đ][\p{L}&]*(?:[/-][\p{Lu}Đ][\p{L}&]*)*\s*,?\s*(?:ban\s+hành\s+)?$"
);
re!(
    BEFORE_DUE_ON,
    r"(?i)\b(?:nộp|gửi|báo\s+cáo|hoàn\s+thành|hoàn\s+tất)\b[^.;:]{0,60}?\bvào\s+(?:ngày\s*)?$"
);
re!(
    BEFORE_DEADLINE,
    r"(?i)(trước|chậm\s+nhất(?:\s+là)?|muộn\s+nhất|hạn\s+chót|đến\s+hết|hoàn\s+thành\s+trong|hoàn\s+thành|xong\s+trong|thực\s+hiện\s+trong|trong)\s*(?:ngày|tháng|năm|quý)?\s*$"
);
re!(
    BEFORE_EVENT,
    r"(?i)(?:vào\s+lúc|lúc|vào|tổ\s+chức|diễn\s+ra|ra\s+quân|khai\s+mạc|thời\s+gian)\s*:?\s*(?:ngày\s*)?$"
);
re!(
    BEFORE_REVIEW,
    r"(?i)(?:sơ\s+kết|tổng\s+kết|đánh\s+giá|nhận\s+xét)\s*$"
);
re!(
    AFTER_EVENT,
    r"(?i)^\s*,?\s*(?:tổ\s+chức|diễn\s+ra|khai\s+mạc)\b"
);

fn weekday_no(word: &str) -> Option<u32> {
    Some(match word.to_lowercase().as_str() {
        "hai" | "2" => 1,
        "ba" | "3" => 2,
        "tư" | "4" => 3,
        "năm" | "5" => 4,
        "sáu" | "6" => 5,
        "bảy" | "7" => 6,
        _ => return None,
    })
}

fn roman_quarter(s: &str) -> Option<u32> {
    Some(match s.to_uppercase().as_str() {
        "I" | "1" => 1,
        "II" | "2" => 2,
        "III" | "3" => 3,
        "IV" | "4" => 4,
        _ => return None,
    })
}

fn plausible_year(y: i32) -> bool {
    (1900..=2100).contains(&y)
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    NaiveDate::from_ymd_opt(y, m, d).is_some()
}

/// Find all atoms of one paragraph; offsets are relative to the paragraph.
fn atoms(p: &str) -> Vec<Found> {
    // Cheap guards: most paragraphs have no digits or no date words, and
    // skipping a pattern that cannot match saves most of the regex work.
    let digits = p.bytes().any(|b| b.is_ascii_digit());
    let lower = p.to_lowercase();
    let weekdays = lower.contains("thứ") || lower.contains("chủ nhật");
    let mut found: Vec<Found> = Vec::new();
    let mut push = |s: usize, e: usize, a: Atom| {
        found.push(Found {
            start: s,
            end: e,
            atom: a,
        })
    };

    for c in LUNAR.captures_iter(if digits && lower.contains("tháng") {
        p
    } else {
        ""
    }) {
        let (Ok(d), Some(m)) = (c[1].parse::<u32>(), lunar::lunar_month_from_name(&c[2])) else {
            continue;
        };
        // The year must be a Can Chi name (`Giáp Thìn`); otherwise not lunar.
        if let Some(y) = lunar::year_from_can_chi(&c[3], 2000) {
            let m0 = c.get(0).unwrap();
            push(m0.start(), m0.end(), Atom::Lunar { y, m, d });
        }
    }
    for c in NTH_WEEKDAY.captures_iter(if weekdays { p } else { "" }) {
        let wd = match (c.get(1), c.get(2)) {
            (Some(w), _) => weekday_no(w.as_str()),
            (None, Some(_)) => Some(7),
            _ => None,
        };
        let nth = match c[3].to_lowercase().as_str() {
            "cuối cùng" => -1,
            "thứ hai" => 2,
            _ => 1,
        };
        if let Some(wd) = wd {
            let m0 = c.get(0).unwrap();
            push(
                m0.start(),
                m0.end(),
                Atom::Recurring(format!("monthly:weekday={wd};nth={nth}")),
            );
        }
    }
    for c in RECURRING.captures_iter(
        if lower.contains("hàng ") || lower.contains("hằng ") || lower.contains("mỗi ") {
            p
        } else {
            ""
        },
    ) {
        let m0 = c.get(0).unwrap();
        let unit = c["u"].to_lowercase();
        let day = c.name("d").and_then(|d| d.as_str().parse::<u32>().ok());
        let month = c
            .name("m")
            .or(c.name("m2"))
            .and_then(|d| d.as_str().parse::<u32>().ok());
        // `mỗi tháng 01 ngày` is a frequency phrase handled by NTH_WEEKDAY;
        // bare `mỗi năm`/`mỗi tháng` without a day is a recurrence too.
        let value = match (unit.as_str(), day, month) {
            ("tháng", Some(d), None) if (1..=31).contains(&d) => format!("monthly:day={d}"),
            ("năm", Some(d), Some(m)) if valid(2024, m, d) => format!("yearly:month={m};day={d}"),
            ("tháng", None, None) => "monthly".into(),
            ("quý", None, None) => "quarterly".into(),
            ("năm", None, None) => "yearly".into(),
            ("tuần", None, None) => "weekly".into(),
            _ => continue,
        };
        push(m0.start(), m0.end(), Atom::Recurring(value));
    }
    for c in DATE_WORDS.captures_iter(if digits { p } else { "" }) {
        let (d, m, y) = (
            c[1].parse().unwrap_or(0),
            c[2].parse().unwrap_or(0),
            c[3].parse().unwrap_or(0),
        );
        if valid(y, m, d) {
            let m0 = c.get(0).unwrap();
            push(m0.start(), m0.end(), Atom::day(Some(y), m, d));
        }
    }
    for c in DATE_NUM.captures_iter(if digits { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        // Spaces around the separator only with slashes (`20 / 02 / 2024`):
        // `20 - 02 - 2024` is more likely a list of numbers.
        let spaced = p[c.get(1).unwrap().start()..m0.end()].contains(' ');
        if c[2] != c[4] || (spaced && &c[2] != "/") || part_of_symbol(p, m0.start(), m0.end()) {
            continue;
        }
        let (d, m, y) = (
            c[1].parse().unwrap_or(0),
            c[3].parse().unwrap_or(0),
            c[5].parse().unwrap_or(0),
        );
        if valid(y, m, d) && plausible_year(y) {
            push(m0.start(), m0.end(), Atom::day(Some(y), m, d));
        }
    }
    for c in DATE_NO_YEAR.captures_iter(if digits { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        // `ngày 15/3/2024` is a full date; only a true day/month pair here.
        let rest = &p[m0.end()..];
        let continues = rest.starts_with(['/', '.', '-'])
            && rest[1..]
                .trim_start()
                .starts_with(|ch: char| ch.is_ascii_digit());
        if continues || part_of_symbol(p, m0.start(), m0.end()) {
            continue;
        }
        let (d, m) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        if valid(2024, m, d) {
            push(m0.start(), m0.end(), Atom::day(None, m, d));
        }
    }
    for c in DATE_DM_WORDS_NO_YEAR.captures_iter(if digits { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        if YEAR_AHEAD.is_match(&p[m0.end()..]) {
            continue; // a full date that DATE_WORDS found invalid (30 tháng 02)
        }
        let (d, m) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        if valid(2024, m, d) {
            push(m0.start(), m0.end(), Atom::day(None, m, d));
        }
    }
    for c in BLANK_DATE.captures_iter(if digits { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let y = c[3].parse().unwrap_or(0);
        match (c.get(1), c.get(2)) {
            (None, None) => push(m0.start(), m0.end(), Atom::Year { y, part: None }),
            (None, Some(m)) => {
                let m = m.as_str().parse().unwrap_or(0);
                if (1..=12).contains(&m) {
                    push(m0.start(), m0.end(), Atom::Month { y: Some(y), m });
                }
            }
            _ => {}
        }
    }
    for c in HALF_YEAR.captures_iter(if digits { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let n: u32 = match c[1].to_lowercase().as_str() {
            "6" | "06" | "sáu" => 6,
            "9" | "09" | "chín" => 9,
            _ => 3,
        };
        let y = &c[3];
        let value = if c[2].to_lowercase() == "đầu" {
            format!("{y}-01/{y}-{n:02}")
        } else {
            format!("{y}-{:02}/{y}-12", 13 - n)
        };
        push(m0.start(), m0.end(), Atom::Range(value));
    }
    for c in MONTH.captures_iter(if digits { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let (m, y) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        // `ngày 30 tháng 02 năm 2024` is an impossible day, not a month.
        let after_day = DAY_BEFORE.is_match(&p[..m0.start()]);
        if (1..=12).contains(&m)
            && plausible_year(y)
            && !after_day
            && !part_of_symbol(p, m0.start(), m0.end())
        {
            push(m0.start(), m0.end(), Atom::Month { y: Some(y), m });
        }
    }
    for c in MONTH_NO_YEAR.captures_iter(if digits { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let m = c[1].parse().unwrap_or(0);
        // Only when a connector ties it to a later month (`từ tháng 3 đến
        // tháng 6/2024`): a lone `tháng 3` is too vague to report.
        let rest = &p[m0.end()..];
        let followed = rest
            .trim_start()
            .starts_with(|ch: char| ch.is_ascii_digit() || ch == '/')
            || rest.trim_start().to_lowercase().starts_with("năm");
        if (1..=12).contains(&m)
            && !followed
            && !DAY_BEFORE.is_match(&p[..m0.start()])
            && (RANGE_GAP_AHEAD.is_match(rest) || MONTH_LEAD.is_match(&p[..m0.start()]))
        {
            push(m0.start(), m0.end(), Atom::Month { y: None, m });
        }
    }
    for c in PERIOD.captures_iter(if digits { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let kw = c.get(1).unwrap();
        push(
            kw.end()
                + (m0.as_str()[kw.end() - m0.start()..].len()
                    - m0.as_str()[kw.end() - m0.start()..]
                        .trim_start_matches([' ', ':'])
                        .len()),
            m0.end(),
            Atom::Range(format!("{}/{}", &c[2], &c[3])),
        );
    }
    for c in VAGUE_YEAR.captures_iter(if digits { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let part = match c[1].to_lowercase().as_str() {
            "cuối" => "end",
            "đầu" => "start",
            _ => "mid",
        };
        let y = c[2].parse().unwrap_or(0);
        if plausible_year(y) {
            push(
                m0.start(),
                m0.end(),
                Atom::Year {
                    y,
                    part: Some(part),
                },
            );
        }
    }
    for c in YEAR.captures_iter(if digits { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        if DAY_MONTH_BEFORE.is_match(&p[..m0.start()]) {
            continue; // the year of an impossible full date: not a year either
        }
        let y = c[1].parse().unwrap_or(0);
        if plausible_year(y) {
            push(m0.start(), m0.end(), Atom::Year { y, part: None });
        }
    }
    for c in REL_YEAR.captures_iter(if lower.contains("năm") { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        if c.get(2).is_some()
            && p[m0.end()..]
                .trim_start()
                .starts_with(|ch: char| ch.is_ascii_digit())
        {
            continue; // `sang năm 2025` is a year, found by YEAR
        }
        let word = c
            .get(1)
            .map(|w| w.as_str().to_lowercase())
            .unwrap_or_else(|| "sau".into());
        let rel = match word.as_str() {
            "nay" => 0,
            "sau" | "tới" => 1,
            _ => -1,
        };
        push(m0.start(), m0.end(), Atom::RelYear(rel));
    }
    for c in REL_PART.captures_iter(if lower.contains("năm") { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let after = p[m0.end()..].trim_start();
        let next_word: String = after
            .chars()
            .take_while(|ch| ch.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        if after.starts_with(|ch: char| ch.is_ascii_digit())
            || ["nay", "sau", "tới", "trước", "ngoái", "học", "tài", "qua"]
                .contains(&next_word.as_str())
        {
            continue;
        }
        let value = match c[1].to_lowercase().as_str() {
            "cuối" => "rel:year=0;part=end",
            "giữa" => "rel:year=0;part=mid",
            _ => "rel:year=0",
        };
        push(m0.start(), m0.end(), Atom::RelPart(value));
    }
    for c in QUARTER.captures_iter(if lower.contains("quý") { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let Some(q) = roman_quarter(&c[1]) else {
            continue;
        };
        let y = c.get(2).and_then(|y| y.as_str().parse().ok());
        push(m0.start(), m0.end(), Atom::Quarter { y, q });
    }
    for c in TIME.captures_iter(if digits { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let h: u32 = c[1].parse().unwrap_or(99);
        let mi: u32 = c.get(2).and_then(|x| x.as_str().parse().ok()).unwrap_or(0);
        let has_h =
            m0.as_str().to_lowercase().contains('h') && !m0.as_str().to_lowercase().contains("giờ");
        // `8h` alone is ambiguous with a quantity (`8 hộ`): `h` needs minutes.
        if h > 23 || mi > 59 || (has_h && c.get(2).is_none()) {
            continue;
        }
        // Must not be the start of a word (`8 hộ`, `2 huyện`).
        if p[m0.end()..]
            .chars()
            .next()
            .is_some_and(|ch| ch.is_alphabetic())
        {
            continue;
        }
        let mut end = m0.end();
        if let Some(s) = c.get(3) {
            if s.as_str().is_empty() {
                end = m0.end();
            }
        }
        let h = match c.get(3).map(|s| s.as_str().to_lowercase()) {
            Some(s) if (s == "chiều" || s == "tối") && h < 12 => h + 12,
            _ => h,
        };
        push(m0.start(), end, Atom::Time { h, m: mi });
    }
    for c in WEEKDAY.captures_iter(if weekdays { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let wd = match (c.get(1), c.get(2)) {
            (Some(w), _) => weekday_no(w.as_str()),
            (None, Some(_)) => Some(7),
            _ => None,
        };
        if let Some(wd) = wd {
            push(m0.start(), m0.end(), Atom::Weekday(wd));
        }
    }
    // Keep the longest atom where atoms overlap; earlier patterns win ties.
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(found[i].end - found[i].start), i));
    let mut kept: Vec<Found> = Vec::new();
    for i in order {
        let f = &found[i];
        if kept.iter().all(|k| f.end <= k.start || f.start >= k.end) {
            kept.push(f.clone());
        }
    }
    kept.sort_by_key(|f| f.start);
    kept
}

re!(YEAR_AHEAD, r"(?i)^\s*,?\s*năm\s+\d{4}");
re!(
    DAY_MONTH_BEFORE,
    r"(?i)ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s*,?\s*$"
);
re!(DAY_BEFORE, r"(?i)ngày\s+\d{1,2}\s+$");
// Words that make a month without a year a time expression (`trong tháng 12`).
re!(
    MONTH_LEAD,
    r"(?i)\b(?:trong|hết|đến|trước|vào|từ|cuối|đầu|giữa)\s+$"
);
re!(RANGE_GAP_AHEAD, r"(?i)^\s*(?:-|đến|tới)\s+(?:hết\s+)?tháng");

/// Is `[s, e)` part of a document number or other symbol (`30/2020/NĐ-CP`,
/// `34/NQ-HĐND`)?
fn part_of_symbol(p: &str, s: usize, e: usize) -> bool {
    let before = p[..s].chars().next_back();
    let after = p[e..].chars().next();
    matches!(before, Some('/') | Some('-')) && !p[..s].ends_with(" -") && !p[..s].ends_with("(")
        || matches!(after, Some('/')) && p[e + 1..].starts_with(|c: char| c.is_alphabetic())
        || after.is_some_and(|c| c.is_alphanumeric())
}

re!(GAP_WEEKDAY_DATE, r"(?i)^\s*,?\s*(?:ngày\s*)?$");
re!(
    GAP_TIME_DATE,
    r"(?i)^\s*,?\s*(?:(?:sáng|chiều|tối)\s*,?\s*)?(?:ngày\s*)?$"
);
re!(
    GAP_DATE_TIME,
    r"(?i)^\s*,?\s*(?:vào\s+)?(?:lúc\s+)?(?:từ\s+)?$"
);
re!(
    GAP_FREQUENCY,
    r"(?i)^\s*\d{1,2}\s+(?:lần|ngày|buổi)\s*\(?\s*\*?\s*$"
);
re!(
    GAP_RANGE,
    r"(?i)^\s*(?:-|đến|tới|cho\s+đến)\s*(?:hết\s+)?(?:ngày\s+)?$"
);
re!(GAP_QUARTER_RANGE, r"(?i)^\s*(?:-|đến|tới)\s*(?:hết\s+)?$");

fn gap<'a>(p: &'a str, a: &Found, b: &Found) -> &'a str {
    &p[a.end..b.start]
}

/// Merge neighbouring atoms into single expressions.
fn merge(p: &str, mut atoms: Vec<Found>, ctx: &DateContext) -> Vec<Found> {
    // Weekday + date → date with weekday; time + weekday + date → date-time.
    let mut i = 0;
    while i + 1 < atoms.len() {
        let (a, b) = (&atoms[i], &atoms[i + 1]);
        let g = gap(p, a, b);
        let merged = match (&a.atom, &b.atom) {
            (Atom::Weekday(w), Atom::Date { y, m, d, time, .. })
                if GAP_WEEKDAY_DATE.is_match(g) =>
            {
                Some(Atom::Date {
                    y: *y,
                    m: *m,
                    d: *d,
                    weekday: Some(*w),
                    time: *time,
                })
            }
            (Atom::Time { h, m: mi }, Atom::Weekday(_)) if GAP_TIME_DATE.is_match(g) => {
                // Hold the time on the weekday's date: look one further.
                if let Some(c) = atoms.get(i + 2) {
                    if let (Atom::Date { y, m, d, .. }, true) =
                        (&c.atom, GAP_WEEKDAY_DATE.is_match(gap(p, b, c)))
                    {
                        let w = if let Atom::Weekday(w) = b.atom {
                            Some(w)
                        } else {
                            None
                        };
                        let at = Atom::Date {
                            y: *y,
                            m: *m,
                            d: *d,
                            weekday: w,
                            time: Some((*h, *mi)),
                        };
                        let (s, e) = (a.start, c.end);
                        atoms.splice(
                            i..i + 3,
                            [Found {
                                start: s,
                                end: e,
                                atom: at,
                            }],
                        );
                        continue;
                    }
                }
                None
            }
            (Atom::Weekday(w), Atom::Recurring(r))
                if r == "weekly" && GAP_WEEKDAY_DATE.is_match(g) =>
            {
                Some(Atom::Recurring(format!("weekly:weekday={w}")))
            }
            (
                Atom::Time { h, m: mi },
                Atom::Date {
                    y,
                    m,
                    d,
                    weekday,
                    time: None,
                },
            ) if GAP_TIME_DATE.is_match(g) => Some(Atom::Date {
                y: *y,
                m: *m,
                d: *d,
                weekday: *weekday,
                time: Some((*h, *mi)),
            }),
            (
                Atom::Date {
                    y,
                    m,
                    d,
                    weekday,
                    time: None,
                },
                Atom::Time { h, m: mi },
            ) if GAP_DATE_TIME.is_match(g) && !g.is_empty() => Some(Atom::Date {
                y: *y,
                m: *m,
                d: *d,
                weekday: *weekday,
                time: Some((*h, *mi)),
            }),
            _ => None,
        };
        if let Some(at) = merged {
            let (s, e) = (a.start, b.end);
            atoms.splice(
                i..i + 2,
                [Found {
                    start: s,
                    end: e,
                    atom: at,
                }],
            );
        } else {
            i += 1;
        }
    }
    // `mỗi tháng 01 ngày (vào ngày thứ 7 đầu tiên của tháng)`: one schedule.
    let mut i = 0;
    while i + 1 < atoms.len() {
        let (a, b) = (&atoms[i], &atoms[i + 1]);
        if let (Atom::Recurring(x), Atom::Recurring(y)) = (&a.atom, &b.atom) {
            if x == "monthly" && y.starts_with("monthly:") && GAP_FREQUENCY.is_match(gap(p, a, b)) {
                let close = p[b.end..].len() - p[b.end..].trim_start_matches(['*', ')']).len();
                let at = Found {
                    start: a.start,
                    end: b.end + close,
                    atom: b.atom.clone(),
                };
                atoms.splice(i..i + 2, [at]);
                continue;
            }
        }
        i += 1;
    }
    // Ranges.
    let mut i = 0;
    while i + 1 < atoms.len() {
        let (a, b) = (&atoms[i], &atoms[i + 1]);
        let g = gap(p, a, b);
        let range = match (&a.atom, &b.atom) {
            (
                Atom::Date {
                    y: y1,
                    m: m1,
                    d: d1,
                    time: None,
                    ..
                },
                Atom::Date {
                    y: y2,
                    m: m2,
                    d: d2,
                    time: None,
                    ..
                },
            ) if GAP_RANGE.is_match(g) => {
                let y2 = year_str(*y2, ctx);
                let y1 = y1.map(|y| format!("{y:04}")).unwrap_or_else(|| y2.clone());
                Some(format!("{y1}-{m1:02}-{d1:02}/{y2}-{m2:02}-{d2:02}"))
            }
            (Atom::Year { y: y1, part: None }, Atom::Year { y: y2, part: None })
                if GAP_RANGE.is_match(g) && y1 < y2 =>
            {
                Some(format!("{y1:04}/{y2:04}"))
            }
            (Atom::Month { y: y1, m: m1 }, Atom::Month { y: Some(y2), m: m2 })
                if GAP_RANGE.is_match(g) =>
            {
                let y1 = y1.unwrap_or(*y2);
                Some(format!("{y1:04}-{m1:02}/{y2:04}-{m2:02}"))
            }
            (Atom::Quarter { y: y1, q: q1 }, Atom::Quarter { y: y2, q: q2 })
                if GAP_QUARTER_RANGE.is_match(g) && (y1.is_some() || y2.is_some()) =>
            {
                let y2 = y2.or(*y1).unwrap();
                let y1 = y1.unwrap_or(y2);
                Some(format!("{y1}-Q{q1}/{y2}-Q{q2}"))
            }
            (Atom::Time { h: h1, m: m1 }, Atom::Time { h: h2, m: m2 }) if GAP_RANGE.is_match(g) => {
                Some(format!("{h1:02}:{m1:02}/{h2:02}:{m2:02}"))
            }
            _ => None,
        };
        if let Some(v) = range {
            let (s, e) = (a.start, b.end);
            atoms.splice(
                i..i + 2,
                [Found {
                    start: s,
                    end: e,
                    atom: Atom::Range(v),
                }],
            );
        } else {
            i += 1;
        }
    }
    // A quarter without year takes the year written right after a range
    // (`Quý I đến Quý III năm 2024` handled above); weekdays alone are not
    // dates and are dropped.
    atoms.retain(|f| !matches!(f.atom, Atom::Weekday(_)));
    atoms
}

fn year_str(y: Option<i32>, ctx: &DateContext) -> String {
    match y.or(ctx.year) {
        Some(y) => format!("{y:04}"),
        None => "XXXX".to_string(),
    }
}

/// Value, kind and warning of a merged atom.
fn render(
    f: &Found,
    ctx: &DateContext,
) -> Option<(DateKind, String, Option<String>, Option<String>)> {
    Some(match &f.atom {
        Atom::Date {
            y,
            m,
            d,
            weekday,
            time,
        } => {
            let ys = year_str(*y, ctx);
            let mut v = format!("{ys}-{m:02}-{d:02}");
            let mut warning = None;
            if let (Some(w), Ok(yy)) = (weekday, ys.parse::<i32>()) {
                if let Some(date) = NaiveDate::from_ymd_opt(yy, *m, *d) {
                    let actual = date.weekday().number_from_monday();
                    if actual != *w {
                        warning = Some(format!(
                            "the text says weekday {} but {v} is weekday {actual} (1 = Monday)",
                            w
                        ));
                    }
                } else {
                    return None;
                }
            }
            if let Some((h, mi)) = time {
                v.push_str(&format!("T{h:02}:{mi:02}"));
            }
            (DateKind::Date, v, None, warning)
        }
        Atom::Month { y, m } => (
            DateKind::Month,
            format!("{}-{m:02}", year_str(*y, ctx)),
            None,
            None,
        ),
        Atom::Year { y, part: None } => (DateKind::Year, format!("{y:04}"), None, None),
        Atom::Year { y, part: Some(p) } => (DateKind::Year, format!("{y:04};part={p}"), None, None),
        Atom::RelYear(r) => (DateKind::Year, format!("rel:year={r}"), None, None),
        Atom::RelPart(v) => (DateKind::Year, v.to_string(), None, None),
        Atom::Quarter { y, q } => (
            DateKind::Quarter,
            format!("{}-Q{q}", year_str(*y, ctx)),
            None,
            None,
        ),
        Atom::Time { h, m } => (DateKind::Time, format!("{h:02}:{m:02}"), None, None),
        Atom::Recurring(v) => (DateKind::Recurring, v.clone(), None, None),
        Atom::Range(v) => (DateKind::Range, v.clone(), None, None),
        Atom::Lunar { y, m, d } => {
            let solar = lunar::lunar_to_solar(lunar::LunarDate {
                year: *y,
                month: *m,
                day: *d,
                leap: false,
            })
            .map(|s| s.format("%Y-%m-%d").to_string());
            (
                DateKind::Lunar,
                format!("lunar:{y:04}-{m:02}-{d:02}"),
                solar,
                None,
            )
        }
        Atom::Weekday(_) => return None,
    })
}

/// Role and deadline relation from the words before the expression.
fn role_of(p: &str, f: &Found, kind: DateKind, value: &str) -> (DateRole, Option<Relation>) {
    let before = &p[..f.start];
    let tail: String = {
        let chars: Vec<char> = before.chars().collect();
        chars[chars.len().saturating_sub(60)..].iter().collect()
    };
    if BEFORE_REFERENCE.is_match(&tail) {
        return (DateRole::Reference, None);
    }
    // `nộp báo cáo … vào ngày 15/3/2024`: due on that day.
    if kind != DateKind::Recurring && BEFORE_DUE_ON.is_match(&tail) {
        return (DateRole::Deadline, Some(Relation::On));
    }
    if let Some(c) = BEFORE_DEADLINE.captures(&tail) {
        let w = c[1].to_lowercase();
        let rel = if w.starts_with("trước") {
            Relation::Before
        } else if w == "trong" || w.contains("trong") {
            Relation::Within
        } else {
            Relation::By
        };
        // `trong năm 2024` in running prose is a period unless a task verb
        // (hoàn thành / thực hiện) precedes it.
        if rel == Relation::Within
            && !(w.contains("hoàn") || w.contains("thực") || w.contains("xong"))
        {
            let lower = tail.to_lowercase();
            if !(lower.contains("hoàn thành")
                || lower.contains("thời gian thực hiện")
                || lower.contains("thời gian hoàn thành"))
            {
                return (DateRole::Period, None);
            }
        }
        return (
            DateRole::Deadline,
            Some(if kind == DateKind::Recurring {
                Relation::Recurring
            } else {
                rel
            }),
        );
    }
    if kind == DateKind::Recurring {
        let lower = tail.to_lowercase();
        if value.contains("day=") && (lower.contains("báo cáo") || lower.contains("gửi")) {
            return (DateRole::Deadline, Some(Relation::Recurring));
        }
        // A recurring day that is not a due date is a schedule of events.
        return (DateRole::Event, None);
    }
    if kind == DateKind::Lunar || (kind == DateKind::Date && BEFORE_EVENT.is_match(&tail)) {
        return (DateRole::Event, None);
    }
    if AFTER_EVENT.is_match(&p[f.end..])
        || (kind == DateKind::Year && BEFORE_REVIEW.is_match(&tail))
    {
        return (DateRole::Event, None);
    }
    if kind == DateKind::Date && (value.contains('T') || f_has_weekday(f)) {
        return (DateRole::Event, None);
    }
    match kind {
        DateKind::Range | DateKind::Year | DateKind::Quarter | DateKind::Month => {
            (DateRole::Period, None)
        }
        _ => (DateRole::Other, None),
    }
}

fn f_has_weekday(f: &Found) -> bool {
    matches!(
        f.atom,
        Atom::Date {
            weekday: Some(_),
            ..
        }
    )
}

/// Extract the date expressions of one paragraph. `base` is the paragraph's
/// byte offset in the normalised text.
pub fn extract_paragraph(p: &str, base: usize, ctx: &DateContext) -> Vec<DateHit> {
    let merged = merge(p, atoms(p), ctx);
    let mut out = Vec::new();
    for f in &merged {
        let Some((kind, value, solar, warning)) = render(f, ctx) else {
            continue;
        };
        let (role, relation) = role_of(p, f, kind, &value);
        let (start, end) = (base + f.start, base + f.end);
        out.push(DateHit {
            start,
            end,
            kind,
            value,
            solar,
            role,
            relation,
            warning: warning.map(|message| Note {
                code: WarningCode::WeekdayMismatch,
                message,
                start,
                end,
            }),
        });
    }
    out
}

/// The date expressions of a document, each with its paragraph, in text
/// order, and what they showed that a user should check.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentDates {
    pub hits: Vec<(usize, DateHit)>,
    /// Weekday and annex-date mismatches.
    pub notes: Vec<Note>,
}

impl DocumentDates {
    /// Extract every paragraph's dates. A missing year comes from the
    /// header's date, else from the one year the title names. The header
    /// date and the annex's `(Kèm theo …)` line are the issue date.
    pub fn of_document(text: &str, o: &Outline) -> DocumentDates {
        let h = &o.header;
        let header_year = h
            .date
            .as_ref()
            .and_then(|d| d.0.get(..4))
            .and_then(|y| y.parse().ok());
        let ctx = DateContext {
            year: header_year.or_else(|| h.title.as_ref().and_then(|t| title_year(&t.text))),
        };
        let mut out = DocumentDates::default();
        for (i, p) in o.paras.iter().enumerate() {
            let ptext = p.text(text);
            for mut hit in extract_paragraph(ptext, p.start, &ctx) {
                if let Some((_, piece)) = &h.date {
                    if hit.start < piece.end && piece.start < hit.end {
                        hit.role = DateRole::Issued;
                    }
                }
                if ptext.starts_with("(Kèm theo") {
                    hit.role = DateRole::Issued;
                    if let Some((hd, _)) = &h.date {
                        if hd.len() == 10 && hit.value.len() == 10 && *hd != hit.value {
                            out.notes.push(Note {
                                code: WarningCode::AnnexDateMismatch,
                                message: format!(
                                    "the annex line gives {} but the document is dated {hd}",
                                    hit.value
                                ),
                                start: hit.start,
                                end: hit.end,
                            });
                        }
                    }
                }
                if let Some(note) = hit.warning.take() {
                    out.notes.push(note);
                }
                out.hits.push((i, hit));
            }
        }
        out
    }

    /// The hits grouped by paragraph, in order.
    pub fn by_paragraph(&self) -> impl Iterator<Item = (usize, Vec<DateHit>)> + '_ {
        self.hits
            .chunk_by(|a, b| a.0 == b.0)
            .map(|run| (run[0].0, run.iter().map(|(_, h)| h.clone()).collect()))
    }
}

/// The single year a title names (`… năm 2024`), for documents whose own
/// date is missing.
pub fn title_year(title: &str) -> Option<i32> {
    let years: Vec<i32> = YEAR
        .captures_iter(title)
        .filter_map(|c| c[1].parse().ok())
        .collect();
    match years.as_slice() {
        [y] => Some(*y),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(p: &str) -> Vec<(String, String)> {
        extract_paragraph(p, 0, &DateContext { year: Some(2024) })
            .into_iter()
            .map(|h| (h.kind.to_string(), h.value))
            .collect()
    }

    fn one(p: &str) -> (String, String) {
        let v = ex(p);
        assert_eq!(v.len(), 1, "{p}: {v:?}");
        v[0].clone()
    }

    #[test]
    fn full_dates_in_every_form() {
        for p in [
            "23/01/2024",
            "ngày 23/01/2024",
            "ngày 23 tháng 01 năm 2024",
            "23.01.2024",
            "23-01-2024",
        ] {
            assert_eq!(one(p), ("date".into(), "2024-01-23".into()), "{p}");
        }
    }

    #[test]
    fn event_with_time_and_weekday() {
        let hits = extract_paragraph("vào lúc 08h30', thứ Ba, ngày 20 tháng 02 năm 2024 (nhằm ngày 11 tháng Giêng năm Giáp Thìn)", 0, &DateContext::default());
        assert_eq!(hits[0].value, "2024-02-20T08:30");
        assert_eq!(hits[0].role, DateRole::Event);
        assert!(hits[0].warning.is_none());
    }

    #[test]
    fn weekday_mismatch_warns() {
        let hits = extract_paragraph("Thứ Hai, ngày 06/12/2025", 0, &DateContext::default());
        assert!(hits[0].warning.is_some());
    }

    #[test]
    fn not_dates() {
        for p in [
            "Kế hoạch số 241/KH-UBND",
            "17/19 tiêu chí",
            "Nghị định số 30/2020/NĐ-CP",
            "31/02/2024",
            "00/01/2024",
            "Chỉ tiêu 13.2",
            "1.200 lao động",
            "23,5km",
        ] {
            assert!(ex(p).is_empty(), "{p}: {:?}", ex(p));
        }
    }

    #[test]
    fn ranges_periods_recurring() {
        assert_eq!(
            one("giai đoạn 2021-2025"),
            ("range".into(), "2021/2025".into())
        );
        assert_eq!(
            one("từ tháng 12/2025 đến hết tháng 12/2026"),
            ("range".into(), "2025-12/2026-12".into())
        );
        assert_eq!(
            one("(24/3/1994- 24/3/2024)"),
            ("range".into(), "1994-03-24/2024-03-24".into())
        );
        assert_eq!(
            one("6 tháng đầu năm 2024"),
            ("range".into(), "2024-01/2024-06".into())
        );
        assert_eq!(
            one("báo cáo vào ngày 16 hàng tháng"),
            ("recurring".into(), "monthly:day=16".into())
        );
        assert_eq!(
            one("định kỳ hàng quý"),
            ("recurring".into(), "quarterly".into())
        );
        assert_eq!(one("Quý IV/2024"), ("quarter".into(), "2024-Q4".into()));
        assert_eq!(
            one("cuối năm 2024"),
            ("year".into(), "2024;part=end".into())
        );
    }

    #[test]
    fn deadlines_get_relations() {
        let h = extract_paragraph(
            "Hoàn thành trước ngày 19/02/2024.",
            0,
            &DateContext::default(),
        );
        assert_eq!(
            (h[0].role, h[0].relation),
            (DateRole::Deadline, Some(Relation::Before))
        );
        let h = extract_paragraph(
            "Thời gian hoàn thành trong năm 2024.",
            0,
            &DateContext::default(),
        );
        assert_eq!(
            (h[0].role, h[0].relation),
            (DateRole::Deadline, Some(Relation::Within))
        );
        let h = extract_paragraph(
            "Thực hiện Kế hoạch số 241/KH-UBND ngày 23/01/2024 của",
            0,
            &DateContext::default(),
        );
        assert_eq!(h[0].role, DateRole::Reference);
    }
}
