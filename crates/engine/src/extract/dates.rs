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
    /// The document's own full date, when known: a lunar date written
    /// without a year is the next such day on or after it (`ngày 23 tháng
    /// Chạp` in a plan of January 2025 is lunar 2024).
    pub date: Option<NaiveDate>,
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
    /// `trong năm`, `cuối năm` without a year, `giữa năm nay`: a finished
    /// relative value.
    RelPart(String),
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
    /// A lunar day; `y` (the solar year the lunar year begins in) is None
    /// when the text leaves it out.
    Lunar {
        y: Option<i32>,
        m: u32,
        d: u32,
    },
    /// A finished range value (`2021/2025`, `2024-01/2024-06`).
    Range(String),
    /// A duration (`trong 15 ngày`, `trong thời hạn 30 ngày làm việc`) as
    /// an ISO 8601 value (`P15D`, `P30D;working`).
    Duration(String),
    /// `12-14/5/2026`: days of one month.
    DayRange {
        y: Option<i32>,
        m: u32,
        d1: u32,
        d2: u32,
    },
    /// A bare `ngày 10` that opens a range ending in a full date (`từ ngày
    /// 10 đến ngày 14 tháng 5 năm 2026`); dropped when nothing completes it.
    Day(u32),
    /// A time range on one day (`từ 8h-11h ngày 15/5/2026`).
    TimesOn {
        y: Option<i32>,
        m: u32,
        d: u32,
        t1: (u32, u32),
        t2: (u32, u32),
    },
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

/// Month names written out, solar or lunar (`tháng Tư`, `tháng Mười hai`).
const MONTH_WORD: &str = r"mười\s+một|mười\s+hai|mười|một|hai|ba|tư|bốn|năm|sáu|bảy|bẩy|tám|chín";
/// The two month names only the lunar calendar uses.
const LUNAR_ONLY_MONTH: &str = r"giêng|chạp";
/// A Can Chi year name (`Giáp Thìn`, both spellings of the variants);
/// `lunar::year_from_can_chi` checks the pairing.
const CAN_CHI: &str = r"(?:giáp|ất|bính|đinh|mậu|kỷ|kỉ|canh|tân|nhâm|quý|quí)\s+(?:tý|tí|sửu|dần|mão|mẹo|thìn|tỵ|tị|ngọ|mùi|thân|dậu|tuất|hợi)";
/// A lunar marker after a date: `âm lịch`, `(âm lịch)`, `(AL)`, ` AL`.
const LUNAR_MARK: &str = r"\s*(?:\(\s*(?:theo\s+)?(?:âm\s+lịch|lịch\s+âm|AL|ÂL|Â\.L)\s*\)|,?\s*(?:theo\s+)?(?:âm\s+lịch|lịch\s+âm)\b|\s(?-i:AL|ÂL)\b)";
/// The days a lunar date may write out after `mùng`/`mồng` (`mồng Một Tết`).
const DAY_WORD: &str = r"một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|mười";
/// The day word of a written date (`ngày`, `ngày mồng`, `mùng`).
const DAY_LEAD: &str = r"(?:ngày\s*(?:(?:mồng|mùng)\s*)?|(?:mồng|mùng)\s*)";

re!(
    DATE_NUM,
    &format!(r"(?i)\b(?:{DAY_LEAD})?(\d{{1,2}})\s*([/.-])\s*(\d{{1,2}})\s*([/.-])\s*(\d{{4}})\b")
);
// `ngày 05/3/26`: a two-digit year, only where `ngày` (or a weekday, checked
// in code) makes it a date.
re!(
    DATE_SHORT_YEAR,
    &format!(r"(?i)\b({DAY_LEAD})?(\d{{1,2}})\s*([/.])\s*(\d{{1,2}})\s*([/.])\s*(\d{{2}})\b")
);
re!(ISO_DATE, r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b");
// Spaces around `tháng`/`năm` may be missing (`05tháng 3năm 2026`); the
// month may be written out (`tháng Tư`).
re!(
    DATE_WORDS,
    &format!(
        r"(?i)\b(?:{DAY_LEAD})?(\d{{1,2}})\s*tháng\s*(\d{{1,2}}|(?:{MONTH_WORD})\b)\s*(?:,\s*)?năm\s*(\d{{4}})\b"
    )
);
// `12-14/5/2026`, `(03-04/01/2026)`, `ngày 12-14/5`: days of one month.
re!(
    DAY_RANGE,
    r"(?i)\b(?:ngày\s+)?(\d{1,2})\s*-\s*(\d{1,2})\s*/\s*(\d{1,2})\b(?:\s*/\s*(\d{4})\b)?"
);
// A bare day that opens a range (`từ ngày 10 đến ngày 14 tháng 5`).
re!(
    BARE_DAY,
    r"(?i)\bngày\s+(\d{1,2})\s*(?:-|đến|tới)\s*(?:hết\s+)?(?:ngày\s+)?\d"
);
re!(DATE_NO_YEAR, r"(?i)\bngày\s+(\d{1,2})\s*/\s*(\d{1,2})\b");
re!(
    DATE_DM_WORDS_NO_YEAR,
    &format!(r"(?i)\b{DAY_LEAD}(\d{{1,2}})\s*tháng\s*(\d{{1,2}})\b")
);
re!(
    MONTH,
    r"(?i)\btháng\s*(\d{1,2})\s*(?:/\s*|-|,?\s*năm\s*)(\d{4})\b"
);
re!(
    MONTH_WORDS,
    &format!(r"(?i)\btháng\s+({MONTH_WORD})\s*(?:,\s*)?năm\s+(\d{{4}})\b")
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
// `giữa năm nay`, `cuối năm sau`: the part word is kept.
re!(
    REL_YEAR_PART,
    r"(?i)\b(cuối|đầu|giữa)\s+năm\s+(nay|sau|tới|trước|ngoái)\b"
);
// `trong năm`, `cuối năm` with no year: the current year of the plan.
// (`đầu năm` alone is left out: in plans it is mostly part of an event
// name, `Lễ ra quân đầu năm`.)
re!(REL_PART, r"(?i)\b(trong|cuối|giữa)\s+năm\b");
re!(
    PERIOD,
    r"(?i)\b(giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ|niên\s+khóa|niên\s+học|năm\s+học|năm)\s*:?\s*((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)\b"
);
re!(
    QUARTER,
    r"(?i)\bquý\s+(IV|III|II|I|[1-4])\b(?:\s*(?:/\s*|năm\s+)(\d{4})\b)?"
);
// `quý cuối năm 2026`, `quý đầu năm`.
re!(
    QUARTER_WORD,
    r"(?i)\bquý\s+(cuối|đầu)\s+(?:của\s+)?năm\b(?:\s+(\d{4})\b)?"
);
re!(
    TIME,
    r"(?i)\b(\d{1,2})\s*(?:h|giờ)(?:\s*(\d{2}))?(?:\s*(?:'|phút|p\b))?(?:\s+(sáng|chiều|tối))?"
);
// `13:30`, `7g45`.
re!(TIME_COLON, r"\b([01]?\d|2[0-3]):([0-5]\d)\b");
re!(TIME_G, r"(?i)\b(\d{1,2})g(\d{2})(?:\s*(?:'|phút|p\b))?");
// Where a bare hour (`8h`, no minutes) is a time of day: after `lúc`,
// `từ`, a dash or a colon, at the start, or before a date or time word;
// elsewhere (`trong 2h`, `mỗi buổi 4h`) it is a duration.
re!(
    BARE_HOUR_BEFORE,
    r"(?i)(?:^|\b(?:lúc|từ|vào|đến|tới|bắt\s+đầu)\s*|[-:(]\s*)$"
);
re!(
    DURATION_BEFORE,
    r"(?i)\b(?:trong|sau|mất|khoảng|hơn|gần|đủ|tối\s+đa|ít\s+nhất|trên|dưới|kéo\s+dài|thêm|vòng)\s+$"
);
re!(
    BARE_HOUR_AFTER,
    r"(?i)^\s*(?:$|[-,;.)]|đến\b|tới\b|sáng\b|chiều\b|tối\b|ngày\b|thứ\b|chủ\s+nhật\b)"
);
re!(
    WEEKDAY,
    r"(?i)\b(?:thứ\s+(hai|ba|tư|năm|sáu|bảy|[2-7])|(chủ\s+nhật))\b"
);
re!(
    WEEKDAY_BEFORE,
    r"(?i)\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*,?\s*\(?\s*$"
);
re!(
    RECURRING,
    r"(?i)\b(?:(?:vào\s+)?ngày\s+(?P<d>\d{1,2})(?:\s*/\s*(?P<m>\d{1,2})|\s+tháng\s+(?P<m2>\d{1,2}))?\s+)?(?:hàng|hằng|mỗi)\s+(?P<u>tháng|quý|năm|tuần)\b"
);
// The nth weekday of the month, with `ngày`, `tuần` or a time-of-day word
// before it (`chiều thứ Sáu tuần cuối cùng của tháng`).
re!(
    NTH_WEEKDAY,
    r"(?i)\b(?:vào\s+)?(?:(?:buổi\s+)?(?:sáng|chiều|tối)\s+)?(?:ngày\s+)?(?:thứ\s+(hai|ba|tư|năm|sáu|bảy|[2-7])|(chủ\s+nhật))\s+(?:(?:của\s+)?tuần\s+)?(đầu\s+tiên|thứ\s+nhất|thứ\s+hai|thứ\s+ba|cuối\s+cùng)\s+(?:của|trong)\s+(?:mỗi\s+|hàng\s+|hằng\s+)?tháng\b"
);
// `ngày 20 của tháng cuối quý`, `ngày 15 tháng đầu của mỗi quý`.
re!(
    QUARTER_DAY,
    r"(?i)\b(?:vào\s+)?ngày\s+(\d{1,2})\s+(?:của\s+)?tháng\s+(cuối|đầu|thứ\s+nhất|thứ\s+hai|thứ\s+ba|giữa)\s+(?:của\s+)?(?:mỗi\s+|hàng\s+|hằng\s+)?quý\b"
);
// A lunar day in any form: `ngày 11 tháng Giêng năm Giáp Thìn`, `ngày 9/9
// âm lịch`, `mồng 3 tháng 3 âm lịch năm 2026`, `Rằm tháng Tám`. Whether it
// is lunar is decided in code (a marker, a Can Chi year, Rằm, Giêng/Chạp,
// or a month written out with no numeric year).
re!(
    LUNAR,
    &format!(
        r"(?i)\b(?P<pre>(?:theo\s+)?(?:âm\s+lịch|lịch\s+âm)\s*:?\s*)?(?:(?:nhằm|tức)\s+)?(?:{DAY_LEAD}?(?P<d>\d{{1,2}})|(?:ngày\s+)?(?:mùng|mồng)\s+(?P<dw>{DAY_WORD})\b|(?:ngày\s+)?(?P<ram>rằm))\s*(?:tháng\s*(?P<mw>(?:{LUNAR_ONLY_MONTH}|{MONTH_WORD})\b|\d{{1,2}}\b)|[/.-]\s*(?P<mn>\d{{1,2}})\b)(?P<mk1>{LUNAR_MARK})?(?:\s*,?\s*(?:năm\s+(?P<cc>{CAN_CHI})\b|(?:năm\s*|[/.-]\s*)(?P<yn>\d{{4}})\b))?(?P<mk2>{LUNAR_MARK})?"
    )
);
// Tết: `Tết Nguyên đán Bính Ngọ năm 2026` (lunar 1/1), `mùng 2 Tết`.
re!(
    TET,
    &format!(
        r"(?i)\b(?:(?:ngày\s+)?(?:mùng|mồng)\s*(?:(?P<d>\d{{1,2}})|(?P<dw>{DAY_WORD}))\s+)?tết\b(?P<nd>\s+nguyên\s+đán)?(?:\s+(?P<cc>{CAN_CHI})\b)?(?:\s*,?\s*(?:năm\s+)?(?P<yn>\d{{4}})\b)?"
    )
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
// A deadline as a label: `Thời hạn: …`, `Thời hạn hoàn thành: …`, `Hạn
// chót nộp hồ sơ: ngày …`, `Thời gian hoàn thành: …`.
re!(
    LABEL_DEADLINE,
    r"(?i)\b(?:thời\s+hạn|hạn\s+chót|thời\s+gian\s+hoàn\s+thành)\b[^:;.]{0,40}:\s*(vào\s+)?(?:ngày|tháng|năm|quý)?\s*$"
);
// A horizon: `định hướng đến năm 2035`, `tầm nhìn đến năm 2045`.
re!(
    BEFORE_HORIZON,
    r"(?i)\b(?:định\s+hướng|tầm\s+nhìn)\s+(?:đến|tới)\s+(?:hết\s+)?$"
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

/// A solar month written as a number or a word (`tháng Tư` = 4, `tháng
/// Một` = 1: in the solar calendar `Một` is January).
fn solar_month(w: &str) -> Option<u32> {
    if let Ok(n) = w.parse::<u32>() {
        return (1..=12).contains(&n).then_some(n);
    }
    let w = w.to_lowercase();
    let words: Vec<&str> = w.split_whitespace().collect();
    Some(match words[..] {
        ["một"] => 1,
        ["hai"] => 2,
        ["ba"] => 3,
        ["tư"] | ["bốn"] => 4,
        ["năm"] => 5,
        ["sáu"] => 6,
        ["bảy"] | ["bẩy"] => 7,
        ["tám"] => 8,
        ["chín"] => 9,
        ["mười"] => 10,
        ["mười", "một"] => 11,
        ["mười", "hai"] => 12,
        _ => return None,
    })
}

/// A day written out after `mùng`/`mồng` (`mồng Một` = 1 … `mồng Mười` = 10).
fn day_word(w: &str) -> Option<u32> {
    Some(match w.to_lowercase().as_str() {
        "một" => 1,
        "hai" => 2,
        "ba" => 3,
        "bốn" => 4,
        "năm" => 5,
        "sáu" => 6,
        "bảy" | "bẩy" => 7,
        "tám" => 8,
        "chín" => 9,
        "mười" => 10,
        _ => return None,
    })
}

/// The lunar year of a lunar expression: `Some(None)` when the text gives
/// none, `None` when what it gives is not a year (or a Can Chi name and a
/// number that disagree: `Giáp Thìn năm 2025`).
fn lunar_year(cc: Option<regex::Match>, yn: Option<regex::Match>) -> Option<Option<i32>> {
    let num = match yn {
        Some(y) => Some(
            y.as_str()
                .parse::<i32>()
                .ok()
                .filter(|y| plausible_year(*y))?,
        ),
        None => None,
    };
    match (cc, num) {
        (Some(cc), Some(n)) => (lunar::year_from_can_chi(cc.as_str(), n)? == n).then_some(Some(n)),
        (Some(cc), None) => Some(Some(lunar::year_from_can_chi(cc.as_str(), 2000)?)),
        (None, n) => Some(n),
    }
}

/// Does that lunar day exist (when the year is known)?
fn lunar_exists(y: Option<i32>, m: u32, d: u32) -> bool {
    match y {
        Some(year) => lunar::lunar_to_solar(lunar::LunarDate {
            year,
            month: m,
            day: d,
            leap: false,
        })
        .is_some(),
        None => (1..=12).contains(&m) && (1..=30).contains(&d),
    }
}

/// A lunar day from a `LUNAR` match, when something makes it lunar: a
/// marker (`âm lịch`, `(AL)`), a Can Chi year, `Rằm`, `Giêng`/`Chạp`, or a
/// month written out with no numeric year (`ngày 15 tháng Tám`). A numeric
/// date with none of these is solar and left to the solar patterns.
fn lunar_atom(c: &regex::Captures) -> Option<Option<Atom>> {
    let marker = c.name("pre").is_some() || c.name("mk1").is_some() || c.name("mk2").is_some();
    let mw = c.name("mw").map(|m| m.as_str());
    let word_month = mw.is_some_and(|w| !w.starts_with(|ch: char| ch.is_ascii_digit()));
    let lunar_only = mw.is_some_and(|w| {
        let w = w.to_lowercase();
        w == "giêng" || w == "chạp"
    });
    let signal = marker
        || c.name("cc").is_some()
        || c.name("ram").is_some()
        || lunar_only
        || (word_month && c.name("yn").is_none());
    if !signal {
        return None;
    }
    let d: u32 = if c.name("ram").is_some() {
        15
    } else if let Some(w) = c.name("dw") {
        day_word(w.as_str())?
    } else {
        c.name("d")?.as_str().parse().ok()?
    };
    let m = match (mw, c.name("mn")) {
        (Some(w), _) => lunar::lunar_month_from_name(w).unwrap_or(0),
        (None, Some(n)) => n.as_str().parse().unwrap_or(0),
        _ => return None,
    };
    let Some(y) = lunar_year(c.name("cc"), c.name("yn")) else {
        return Some(None);
    };
    Some(lunar_exists(y, m, d).then_some(Atom::Lunar { y, m, d }))
}

/// The lunar year for a lunar day the text gives no year: a plan looks
/// ahead, so the next such day on or after the document's date (`ngày 23
/// tháng Chạp` in a plan of 10 January 2025 is lunar 2024, 22 January
/// 2025); with only the document's year, the lunar year that begins in it.
fn lunar_year_from(ctx: &DateContext, m: u32, d: u32) -> Option<i32> {
    let Some(doc) = ctx.date else {
        return ctx.year;
    };
    let y = doc.year();
    (y - 1..=y + 1)
        .filter_map(|year| {
            let s = lunar::lunar_to_solar(lunar::LunarDate {
                year,
                month: m,
                day: d,
                leap: false,
            })?;
            (s >= doc).then_some((s, year))
        })
        .min()
        .map(|(_, year)| year)
        .or(ctx.year)
}

/// Find all atoms of one paragraph; offsets are relative to the paragraph.
/// `trong 15 ngày`, `trong thời hạn 30 ngày làm việc`, `trong vòng 02 tháng`.
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\btrong\s+(?:thời\s+hạn\s+|vòng\s+)?(\d{1,3})\s+(ngày(?:\s+làm\s+việc)?|tuần|tháng|năm)\b")
        .expect("valid regex")
});

fn atoms(p: &str) -> Vec<Found> {
    // Cheap guards: most paragraphs have no digits or no date words, and
    // skipping a pattern that cannot match saves most of the regex work.
    let digits = p.bytes().any(|b| b.is_ascii_digit());
    let lower = p.to_lowercase();
    let weekdays = lower.contains("thứ") || lower.contains("chủ nhật");
    let mut found: Vec<Found> = Vec::new();
    let mut blocked: Vec<(usize, usize)> = Vec::new();
    let mut push = |s: usize, e: usize, a: Atom| {
        found.push(Found {
            start: s,
            end: e,
            atom: a,
        })
    };

    let lunar_words = lower.contains("âm lịch")
        || lower.contains("lịch âm")
        || p.contains("AL")
        || p.contains("ÂL")
        || lower.contains("(al)")
        || lower.contains("rằm")
        || lower.contains("giêng")
        || lower.contains("chạp");
    // A lunar date may have no digit at all (`Rằm tháng Giêng`, `mồng năm
    // tháng Năm`).
    let day_words = lower.contains("rằm") || lower.contains("mùng") || lower.contains("mồng");
    if (digits && (lower.contains("tháng") || lunar_words)) || day_words {
        let mut at = 0;
        while let Some(c) = LUNAR.captures_at(p, at) {
            let m0 = c.get(0).unwrap();
            at = m0.start() + p[m0.start()..].chars().next().map_or(1, char::len_utf8);
            // `15/8 AL-…` would be a symbol, not a marker.
            let symbol = p[m0.end()..].starts_with(['-', '/']);
            match lunar_atom(&c).filter(|_| !symbol) {
                Some(Some(atom)) => push(m0.start(), m0.end(), atom),
                // Lunar by its marker but no such day (`ngày 31 tháng 8 âm
                // lịch`): no solar reading either.
                Some(None) => blocked.push((m0.start(), m0.end())),
                None => continue,
            }
            at = m0.end();
        }
    }
    for c in TET.captures_iter(if lower.contains("tết") { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let d = match (c.name("d"), c.name("dw")) {
            (Some(d), _) => d.as_str().parse().unwrap_or(0),
            (None, Some(w)) => day_word(w.as_str()).unwrap_or(0),
            _ if c.name("nd").is_some() || c.name("cc").is_some() => 1,
            _ => continue, // `Tết 2024`, `Tết trồng cây`: no day
        };
        let Some(y) = lunar_year(c.name("cc"), c.name("yn")) else {
            continue;
        };
        if (1..=30).contains(&d) && lunar_exists(y, 1, d) {
            push(m0.start(), m0.end(), Atom::Lunar { y, m: 1, d });
        }
    }
    for c in QUARTER_DAY.captures_iter(if lower.contains("quý") { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let d: u32 = c[1].parse().unwrap_or(0);
        let which = match c[2].to_lowercase().split_whitespace().collect::<Vec<_>>()[..] {
            ["cuối"] => "last",
            ["đầu"] | ["thứ", "nhất"] => "1",
            ["giữa"] | ["thứ", "hai"] => "2",
            _ => "3",
        };
        if (1..=31).contains(&d) {
            push(
                m0.start(),
                m0.end(),
                Atom::Recurring(format!("quarterly:month={which};day={d}")),
            );
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
            "thứ ba" => 3,
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
            solar_month(&c[2]).unwrap_or(0),
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
    for c in DATE_SHORT_YEAR.captures_iter(if digits { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        // A two-digit year only after `ngày` or a weekday, with one separator.
        let lead = c.get(1).is_some() || WEEKDAY_BEFORE.is_match(tail(&p[..m0.start()], CONTEXT));
        if !lead || c[3] != c[5] || part_of_symbol(p, m0.start(), m0.end()) {
            continue;
        }
        let yy: i32 = c[6].parse().unwrap_or(0);
        let y = if yy < 70 { 2000 + yy } else { 1900 + yy };
        let (d, m) = (c[2].parse().unwrap_or(0), c[4].parse().unwrap_or(0));
        if valid(y, m, d) {
            push(m0.start(), m0.end(), Atom::day(Some(y), m, d));
        }
    }
    for c in ISO_DATE.captures_iter(if digits { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let (y, m, d) = (
            c[1].parse().unwrap_or(0),
            c[2].parse().unwrap_or(0),
            c[3].parse().unwrap_or(0),
        );
        // Not inside a code (`2026-03-05-001`).
        let code = p[m0.end()..].starts_with(['-', '/', '.'])
            && p[m0.end() + 1..].starts_with(|ch: char| ch.is_ascii_alphanumeric());
        if valid(y, m, d) && !code && !part_of_symbol(p, m0.start(), m0.end()) {
            push(m0.start(), m0.end(), Atom::day(Some(y), m, d));
        }
    }
    for c in DAY_RANGE.captures_iter(if digits { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let with_day = m0.as_str().to_lowercase().starts_with("ngày");
        // Without a year only after `ngày` (`12-14/5` alone may be a count).
        if (c.get(4).is_none() && !with_day) || part_of_symbol(p, m0.start(), m0.end()) {
            continue;
        }
        let (d1, d2, m): (u32, u32, u32) = (
            c[1].parse().unwrap_or(0),
            c[2].parse().unwrap_or(0),
            c[3].parse().unwrap_or(0),
        );
        let y: Option<i32> = c.get(4).and_then(|y| y.as_str().parse().ok());
        let vy = y.unwrap_or(2024);
        if d1 < d2 && valid(vy, m, d1) && valid(vy, m, d2) && y.is_none_or(plausible_year) {
            push(m0.start(), m0.end(), Atom::DayRange { y, m, d1, d2 });
        }
    }
    for c in BARE_DAY.captures_iter(if digits { p } else { "" }) {
        let g = c.get(1).unwrap();
        let d: u32 = g.as_str().parse().unwrap_or(0);
        let start = c.get(0).unwrap().start();
        if (1..=31).contains(&d) {
            push(start, g.end(), Atom::Day(d));
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
        let after_day = DAY_BEFORE.is_match(tail(&p[..m0.start()], CONTEXT));
        if (1..=12).contains(&m)
            && plausible_year(y)
            && !after_day
            && !part_of_symbol(p, m0.start(), m0.end())
        {
            push(m0.start(), m0.end(), Atom::Month { y: Some(y), m });
        }
    }
    for c in MONTH_WORDS.captures_iter(if lower.contains("tháng") { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let (m, y) = (solar_month(&c[1]).unwrap_or(0), c[2].parse().unwrap_or(0));
        if (1..=12).contains(&m)
            && plausible_year(y)
            && !DAY_BEFORE.is_match(tail(&p[..m0.start()], CONTEXT))
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
            || starts_with_word_ci(rest.trim_start(), "năm");
        if (1..=12).contains(&m)
            && !followed
            && !DAY_BEFORE.is_match(tail(&p[..m0.start()], CONTEXT))
            && (RANGE_GAP_AHEAD.is_match(rest)
                || MONTH_LEAD.is_match(tail(&p[..m0.start()], CONTEXT)))
        {
            push(m0.start(), m0.end(), Atom::Month { y: None, m });
        }
    }
    for c in PERIOD.captures_iter(if digits { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let kw = c.get(1).unwrap();
        let (y1, y2): (i32, i32) = (c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        if y1 >= y2 || part_of_symbol(p, m0.start(), m0.end()) {
            continue;
        }
        if kw.as_str().to_lowercase() == "năm" {
            // `năm 2025-2026`: the word belongs to the expression.
            push(m0.start(), m0.end(), Atom::Range(format!("{y1}/{y2}")));
            continue;
        }
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
        if DAY_MONTH_BEFORE.is_match(tail(&p[..m0.start()], CONTEXT)) {
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
    for c in REL_YEAR_PART.captures_iter(if lower.contains("năm") { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let part = match c[1].to_lowercase().as_str() {
            "cuối" => "end",
            "đầu" => "start",
            _ => "mid",
        };
        let rel = match c[2].to_lowercase().as_str() {
            "nay" => 0,
            "sau" | "tới" => 1,
            _ => -1,
        };
        let v = format!("rel:year={rel};part={part}");
        push(m0.start(), m0.end(), Atom::RelPart(v));
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
        push(m0.start(), m0.end(), Atom::RelPart(value.into()));
    }
    for c in QUARTER.captures_iter(if lower.contains("quý") { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let Some(q) = roman_quarter(&c[1]) else {
            continue;
        };
        let y = c.get(2).and_then(|y| y.as_str().parse().ok());
        push(m0.start(), m0.end(), Atom::Quarter { y, q });
    }
    for c in QUARTER_WORD.captures_iter(if lower.contains("quý") { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let q = if c[1].to_lowercase() == "cuối" {
            4
        } else {
            1
        };
        let y = c.get(2).and_then(|y| y.as_str().parse().ok());
        if y.is_none_or(plausible_year) {
            push(m0.start(), m0.end(), Atom::Quarter { y, q });
        }
    }
    for c in TIME_COLON.captures_iter(if p.contains(':') { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        // Not a ratio or scale (`tỷ lệ 1:50`), not part of a longer number.
        let before = tail(&p[..m0.start()], CONTEXT).to_lowercase();
        if before.trim_end().ends_with("tỷ lệ")
            || before.trim_end().ends_with("tỉ lệ")
            || p[..m0.start()].ends_with([':', '.', ','])
            || p[m0.end()..].starts_with([':', '.', ','])
                && p[m0.end() + 1..].starts_with(|ch: char| ch.is_ascii_digit())
        {
            continue;
        }
        let (h, mi) = (c[1].parse().unwrap_or(99), c[2].parse().unwrap_or(99));
        push(m0.start(), m0.end(), Atom::Time { h, m: mi });
    }
    for c in TIME_G.captures_iter(if digits { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let (h, mi): (u32, u32) = (c[1].parse().unwrap_or(99), c[2].parse().unwrap_or(99));
        if h > 23 || mi > 59 || p[m0.end()..].starts_with(|ch: char| ch.is_alphanumeric()) {
            continue;
        }
        push(m0.start(), m0.end(), Atom::Time { h, m: mi });
    }
    for c in TIME.captures_iter(if digits { p } else { "" }) {
        let m0 = c.get(0).unwrap();
        let h: u32 = c[1].parse().unwrap_or(99);
        let mi: u32 = c.get(2).and_then(|x| x.as_str().parse().ok()).unwrap_or(0);
        let has_h =
            m0.as_str().to_lowercase().contains('h') && !m0.as_str().to_lowercase().contains("giờ");
        // A bare hour (`8h`, `lúc 14h`) only where it is a time of day
        // (not `trong 2h`, `8h/ngày`); `8 h` apart is not an hour.
        let bare_hour = has_h && c.get(2).is_none();
        if h > 23
            || mi > 59
            || bare_hour
                && (m0.as_str()[c[1].len()..].starts_with(char::is_whitespace)
                    || DURATION_BEFORE.is_match(tail(&p[..m0.start()], CONTEXT))
                    || !(BARE_HOUR_BEFORE.is_match(&p[..m0.start()])
                        || BARE_HOUR_AFTER.is_match(&p[m0.end()..])))
        {
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
    for c in DURATION.captures_iter(if digits && lower.contains("trong") {
        p
    } else {
        ""
    }) {
        let m0 = c.get(0).unwrap();
        // `trong 02 năm 2024-2025` is a period, `trong tháng 6` a month:
        // a duration is a count of units not followed by a year or a number.
        let after = p[m0.end()..].trim_start();
        if after.starts_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        let unit = c[2].to_lowercase();
        let (letter, working) = match unit.as_str() {
            "tuần" => ("W", false),
            "tháng" => ("M", false),
            "năm" => ("Y", false),
            u => ("D", u.contains("làm việc")),
        };
        let n: u32 = c[1].parse().unwrap_or(0);
        if n == 0 {
            continue;
        }
        let value = format!("P{n}{letter}{}", if working { ";working" } else { "" });
        found.push(Found {
            start: m0.start(),
            end: m0.end(),
            atom: Atom::Duration(value),
        });
    }
    found.retain(|f| blocked.iter().all(|&(s, e)| f.end <= s || f.start >= e));
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

/// Characters of context the `…_BEFORE` patterns look at: they end at the
/// match (`…\s*$`) and need a few words, so they get the last few words
/// only — matching them on the whole paragraph before every date made a
/// long paragraph cost the square of its length.
const CONTEXT: usize = 64;

/// The last `n` characters of `s` (all of it when shorter), without
/// walking the rest.
fn tail(s: &str, n: usize) -> &str {
    let start = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &s[start..]
}

/// `s` starts with `word` (lower case), whatever its case, reading only as
/// many characters as the word has.
fn starts_with_word_ci(s: &str, word: &str) -> bool {
    let n = word.chars().count();
    s.chars()
        .take(n)
        .flat_map(char::to_lowercase)
        .eq(word.chars())
}

re!(YEAR_AHEAD, r"(?i)^\s*,?\s*năm\s*\d{4}");
re!(
    DAY_MONTH_BEFORE,
    r"(?i)(?:ngày|mồng|mùng)\s*\d{1,2}\s*tháng\s*\d{1,2}\s*,?\s*$"
);
re!(DAY_BEFORE, r"(?i)(?:ngày|mồng|mùng)\s*\d{1,2}\s*$");
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

re!(GAP_WEEKDAY_DATE, r"(?i)^\s*,?\s*\(?\s*(?:ngày\s*)?$");
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
        // `từ 8h-11h ngày 15/5/2026`, `ngày 15/5/2026, từ 8h đến 11h`: a
        // time range on one day.
        if let Some(c) = atoms.get(i + 2) {
            let times_on = match (&a.atom, &b.atom, &c.atom) {
                (
                    Atom::Time { h: h1, m: m1 },
                    Atom::Time { h: h2, m: m2 },
                    Atom::Date {
                        y,
                        m,
                        d,
                        time: None,
                        ..
                    },
                ) if GAP_RANGE.is_match(g) && GAP_TIME_DATE.is_match(gap(p, b, c)) => {
                    Some((*y, *m, *d, (*h1, *m1), (*h2, *m2)))
                }
                (
                    Atom::Date {
                        y,
                        m,
                        d,
                        time: None,
                        ..
                    },
                    Atom::Time { h: h1, m: m1 },
                    Atom::Time { h: h2, m: m2 },
                ) if GAP_DATE_TIME.is_match(g)
                    && !g.is_empty()
                    && GAP_RANGE.is_match(gap(p, b, c)) =>
                {
                    Some((*y, *m, *d, (*h1, *m1), (*h2, *m2)))
                }
                _ => None,
            };
            if let Some((y, m, d, t1, t2)) = times_on {
                let (s, e) = (a.start, c.end);
                atoms.splice(
                    i..i + 3,
                    [Found {
                        start: s,
                        end: e,
                        atom: Atom::TimesOn { y, m, d, t1, t2 },
                    }],
                );
                continue;
            }
        }
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
            (
                Atom::Day(d1),
                Atom::Date {
                    y,
                    m,
                    d: d2,
                    time: None,
                    ..
                },
            ) if GAP_RANGE.is_match(g) => {
                // The start takes the end's month and year; a start day
                // after the end day is in the month before (`từ ngày 28 đến
                // ngày 3/3/2026`: 28 February).
                let ys = year_str(*y, ctx);
                let (y1, m1) = if d1 < d2 {
                    (ys.clone(), *m)
                } else if *m > 1 {
                    (ys.clone(), m - 1)
                } else {
                    let prev = ys.parse::<i32>().map(|y| format!("{:04}", y - 1));
                    (prev.unwrap_or_else(|_| ys.clone()), 12)
                };
                valid(y1.parse().unwrap_or(2024), m1, *d1)
                    .then(|| format!("{y1}-{m1:02}-{d1:02}/{ys}-{m:02}-{d2:02}"))
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
    atoms.retain(|f| !matches!(f.atom, Atom::Weekday(_) | Atom::Day(_)));
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
        Atom::RelPart(v) => (DateKind::Year, v.clone(), None, None),
        Atom::Quarter { y, q } => (
            DateKind::Quarter,
            format!("{}-Q{q}", year_str(*y, ctx)),
            None,
            None,
        ),
        Atom::Time { h, m } => (DateKind::Time, format!("{h:02}:{m:02}"), None, None),
        Atom::Recurring(v) => (DateKind::Recurring, v.clone(), None, None),
        Atom::Range(v) => (DateKind::Range, v.clone(), None, None),
        Atom::Duration(v) => (DateKind::Duration, v.clone(), None, None),
        Atom::Lunar { y, m, d } => {
            let y = y.or_else(|| lunar_year_from(ctx, *m, *d));
            let solar = y
                .and_then(|year| {
                    lunar::lunar_to_solar(lunar::LunarDate {
                        year,
                        month: *m,
                        day: *d,
                        leap: false,
                    })
                })
                .map(|s| s.format("%Y-%m-%d").to_string());
            let ys = y.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"));
            (
                DateKind::Lunar,
                format!("lunar:{ys}-{m:02}-{d:02}"),
                solar,
                None,
            )
        }
        Atom::DayRange { y, m, d1, d2 } => {
            let ys = year_str(*y, ctx);
            if ys != "XXXX" && !valid(ys.parse().unwrap_or(0), *m, *d2) {
                return None;
            }
            (
                DateKind::Range,
                format!("{ys}-{m:02}-{d1:02}/{ys}-{m:02}-{d2:02}"),
                None,
                None,
            )
        }
        Atom::TimesOn { y, m, d, t1, t2 } => {
            let day = format!("{}-{m:02}-{d:02}", year_str(*y, ctx));
            (
                DateKind::Range,
                format!(
                    "{day}T{:02}:{:02}/{day}T{:02}:{:02}",
                    t1.0, t1.1, t2.0, t2.1
                ),
                None,
                None,
            )
        }
        Atom::Weekday(_) | Atom::Day(_) => return None,
    })
}

/// Role and deadline relation from the words before the expression.
fn role_of(p: &str, f: &Found, kind: DateKind, value: &str) -> (DateRole, Option<Relation>) {
    let tail: String = tail(&p[..f.start], 60).to_string();
    if BEFORE_REFERENCE.is_match(&tail) {
        return (DateRole::Reference, None);
    }
    // A duration is a deadline (`within`) after a task, a time limit or a
    // completion word; elsewhere it is a length of time (`trong 02 năm`).
    if kind == DateKind::Duration {
        let lower = tail.to_lowercase();
        let expr = p[f.start..f.end].to_lowercase();
        let task = [
            "hoàn thành",
            "thực hiện",
            "giải quyết",
            "xử lý",
            "báo cáo",
            "gửi",
            "nộp",
            "trả lời",
            "khắc phục",
            "xong",
        ];
        return if expr.contains("thời hạn") || task.iter().any(|w| lower.contains(w)) {
            (DateRole::Deadline, Some(Relation::Within))
        } else {
            (DateRole::Period, None)
        };
    }
    // A horizon is the end of a period, not a task's due date.
    if BEFORE_HORIZON.is_match(&tail) {
        return (DateRole::Period, Some(Relation::By));
    }
    if let Some(c) = LABEL_DEADLINE.captures(&tail) {
        let rel = if c.get(1).is_some() {
            Relation::On
        } else {
            Relation::By
        };
        // A recurring deadline keeps its relation; the recurrence is in the value.
        return (DateRole::Deadline, Some(rel));
    }
    // `nộp báo cáo … vào ngày 15/3/2024`: due on that day (`vào ngày 16
    // hàng tháng`: on that day of every month).
    if BEFORE_DUE_ON.is_match(&tail) {
        return (DateRole::Deadline, Some(Relation::On));
    }
    if let Some(c) = BEFORE_DEADLINE.captures(&tail) {
        let w = c[1].to_lowercase();
        // `hoàn thành trong tháng 6/2026` / `trong quý III` / `trong năm
        // 2026`: by the end of that period. (`within` is for durations,
        // `trong 15 ngày`, which are not date expressions.)
        let within_period = w == "trong" || w.contains("trong");
        let rel = if w.starts_with("trước") {
            Relation::Before
        } else {
            Relation::By
        };
        // `trong năm 2024` in running prose is a period unless a task verb
        // (hoàn thành / thực hiện) precedes it.
        if within_period && !(w.contains("hoàn") || w.contains("thực") || w.contains("xong")) {
            let lower = tail.to_lowercase();
            if !(lower.contains("hoàn thành")
                || lower.contains("thời gian thực hiện")
                || lower.contains("thời gian hoàn thành")
                || lower.contains("thời hạn")
                || lower.contains("hạn chót"))
            {
                return (DateRole::Period, None);
            }
        }
        return (DateRole::Deadline, Some(rel));
    }
    if kind == DateKind::Recurring {
        let lower = tail.to_lowercase();
        if value.contains("day=") && (lower.contains("báo cáo") || lower.contains("gửi")) {
            // `báo cáo ngày 25 hàng tháng`: due on that day of each month.
            return (DateRole::Deadline, Some(Relation::On));
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
    // A day with its time (or a time range on a day) is something that happens.
    if matches!(kind, DateKind::Date | DateKind::Range) && value.contains('T')
        || kind == DateKind::Date && f_has_weekday(f)
    {
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
            date: h
                .date
                .as_ref()
                .and_then(|d| NaiveDate::parse_from_str(&d.0, "%Y-%m-%d").ok()),
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
        extract_paragraph(
            p,
            0,
            &DateContext {
                year: Some(2024),
                ..Default::default()
            },
        )
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
        // By the end of that year: `within` is for durations.
        assert_eq!(
            (h[0].role, h[0].relation),
            (DateRole::Deadline, Some(Relation::By))
        );
        let h = extract_paragraph(
            "Thực hiện Kế hoạch số 241/KH-UBND ngày 23/01/2024 của",
            0,
            &DateContext::default(),
        );
        assert_eq!(h[0].role, DateRole::Reference);
    }

    fn role(p: &str) -> (String, DateRole, Option<Relation>) {
        let h = extract_paragraph(p, 0, &DateContext::default());
        assert_eq!(h.len(), 1, "{p}: {h:?}");
        (h[0].value.clone(), h[0].role, h[0].relation)
    }

    #[test]
    fn label_style_deadlines() {
        use DateRole::Deadline;
        for (p, v, rel) in [
            ("Thời hạn: ngày 30/6/2026.", "2026-06-30", Relation::By),
            (
                "Thời hạn hoàn thành: ngày 31/12/2024.",
                "2024-12-31",
                Relation::By,
            ),
            (
                "Hạn chót nộp hồ sơ: ngày 15/7/2026",
                "2026-07-15",
                Relation::By,
            ),
            (
                "Thời hạn nộp báo cáo: 15/7/2026",
                "2026-07-15",
                Relation::By,
            ),
            ("Thời hạn: vào ngày 15/7/2026", "2026-07-15", Relation::On),
            ("Thời hạn: Quý II/2026", "2026-Q2", Relation::By),
            (
                "Thời gian hoàn thành: trước ngày 30/9/2026",
                "2026-09-30",
                Relation::Before,
            ),
        ] {
            assert_eq!(role(p), (v.to_string(), Deadline, Some(rel)), "{p}");
        }
        // Look-alikes: a time label is an event; a period label stays a period.
        assert_eq!(role("Thời gian: ngày 15/7/2026").1, DateRole::Event);
        assert_eq!(role("Thời gian thực hiện: Năm 2024.").1, DateRole::Period);
        assert_eq!(role("Căn cứ thời hạn ngày 15/7/2026").1, DateRole::Other);
    }

    #[test]
    fn horizons_and_new_schedules() {
        let h = extract_paragraph(
            "giai đoạn 2026-2030, định hướng đến năm 2035",
            0,
            &DateContext::default(),
        );
        assert_eq!(
            (h[1].value.as_str(), h[1].role, h[1].relation),
            ("2035", DateRole::Period, Some(Relation::By))
        );
        assert_eq!(h[0].relation, None);
        assert_eq!(
            role("tầm nhìn đến năm 2045"),
            ("2045".into(), DateRole::Period, Some(Relation::By))
        );
        // `đến năm 2030` with no horizon word keeps its old reading.
        assert_eq!(role("đến năm 2030").1, DateRole::Period);
        assert_eq!(role("đến năm 2030").2, None);
        // A recurring due day keeps the relation of its wording; the
        // recurrence is in the value (see README).
        assert_eq!(
            role("Các đơn vị báo cáo trước ngày 20 của tháng cuối quý."),
            (
                "quarterly:month=last;day=20".into(),
                DateRole::Deadline,
                Some(Relation::Before)
            )
        );
        assert_eq!(
            role("Họp giao ban vào chiều thứ Sáu tuần cuối cùng của tháng."),
            ("monthly:weekday=5;nth=-1".into(), DateRole::Event, None)
        );
        assert_eq!(
            role("Tập huấn từ 8h-11h ngày 15/5/2026 tại hội trường."),
            (
                "2026-05-15T08:00/2026-05-15T11:00".into(),
                DateRole::Event,
                None
            )
        );
        assert_eq!(role("Tập huấn (03-04/01/2026)").1, DateRole::Period);
        assert_eq!(role("quý cuối năm 2026").0, "2026-Q4");
        assert_eq!(role("giữa năm nay").0, "rel:year=0;part=mid");
    }

    #[test]
    fn lunar_solar_and_context_year() {
        let ctx = DateContext {
            year: Some(2025),
            date: NaiveDate::from_ymd_opt(2025, 1, 10),
        };
        let h = extract_paragraph("ngày 23 tháng Chạp", 0, &ctx);
        assert_eq!(h[0].value, "lunar:2024-12-23");
        assert_eq!(h[0].solar.as_deref(), Some("2025-01-22"));
        assert_eq!(h[0].role, DateRole::Event);
        let ctx = DateContext {
            year: Some(2025),
            date: None,
        };
        let h = extract_paragraph("ngày 23 tháng Chạp", 0, &ctx);
        assert_eq!(h[0].value, "lunar:2025-12-23");
        assert_eq!(h[0].solar.as_deref(), Some("2026-02-10"));
        let h = extract_paragraph("Tết Nguyên đán Bính Ngọ năm 2026", 0, &ctx);
        assert_eq!(h[0].solar.as_deref(), Some("2026-02-17"));
        let h = extract_paragraph("ngày 9/9 âm lịch", 0, &DateContext::default());
        assert_eq!(
            (h[0].value.as_str(), h[0].solar.as_deref()),
            ("lunar:XXXX-09-09", None)
        );
    }
}
