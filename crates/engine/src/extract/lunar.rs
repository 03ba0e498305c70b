//! Vietnamese lunar calendar (âm lịch).
//!
//! This module owns:
//! - conversion between solar (Gregorian) dates and Vietnamese lunar dates
//!   ([`solar_to_lunar`], [`lunar_to_solar`]), computed astronomically for the
//!   UTC+7 time zone with Hồ Ngọc Đức's published algorithm ("Thuật toán tính
//!   âm lịch": `jdFromDate`, `jdToDate`, `getNewMoonDay`, `getSunLongitude`,
//!   `getLunarMonth11`, `getLeapMonthOffset`, `convertSolar2Lunar`,
//!   `convertLunar2Solar`). The Vietnamese calendar differs from the Chinese
//!   (UTC+8) one in some years, e.g. Tết 1985 (21/01/1985 in Vietnam,
//!   20/02/1985 in China) and Tết 2007 (17/02 vs 18/02);
//! - Can Chi (sexagenary) names of lunar years ([`can_chi`],
//!   [`year_from_can_chi`]);
//! - the traditional names of lunar months ([`lunar_month_from_name`]:
//!   "Giêng" = 1, "Chạp" = 12, ...).
//!
//! It does NOT parse running text: finding "ngày 11 tháng Giêng năm Giáp Thìn"
//! inside a sentence, and deciding which solar year a Can Chi name refers to,
//! is the date extractor's job. This module only converts the pieces it is
//! handed. It has no dependency besides `chrono` and does not normalise Unicode
//! in general; [`year_from_can_chi`] and [`lunar_month_from_name`] fold the few
//! Vietnamese letters they need themselves (precomposed or NFD, any case).
//!
//! The year of a [`LunarDate`] is the solar year in which that lunar year
//! begins (Giáp Thìn = 2024, whose Tết is 2024-02-10), so lunar 12/2024 falls
//! in January or February 2025.

use chrono::{Datelike, NaiveDate};
use std::f64::consts::PI;

/// Vietnam's time zone, in hours east of UTC, as used by the algorithm.
const TIME_ZONE: f64 = 7.0;

/// A date of the Vietnamese lunar calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LunarDate {
    /// Solar year in which this lunar year begins (Giáp Thìn = 2024).
    pub year: i32,
    /// Lunar month, 1 ("tháng Giêng") ..= 12 ("tháng Chạp").
    pub month: u32,
    /// Day of the lunar month, 1 ..= 29 or 30.
    pub day: u32,
    /// True for the intercalary month ("tháng nhuận") that repeats `month`.
    pub leap: bool,
}

// ---------------------------------------------------------------------------
// The published algorithm (Hồ Ngọc Đức), transcribed with the same f64 math.
// `INT` in the original is `Math.floor`.
// ---------------------------------------------------------------------------

#[inline]
fn int(d: f64) -> i64 {
    d.floor() as i64
}

/// Julian day number of a (proleptic Gregorian after 1582-10-15, Julian
/// before) calendar date.
fn jd_from_date(dd: i64, mm: i64, yy: i64) -> i64 {
    let a = (14 - mm).div_euclid(12);
    let y = yy + 4800 - a;
    let m = mm + 12 * a - 3;
    let mut jd = dd + (153 * m + 2).div_euclid(5) + 365 * y + y.div_euclid(4) - y.div_euclid(100)
        + y.div_euclid(400)
        - 32045;
    if jd < 2299161 {
        jd = dd + (153 * m + 2).div_euclid(5) + 365 * y + y.div_euclid(4) - 32083;
    }
    jd
}

/// Inverse of [`jd_from_date`]: (day, month, year).
fn jd_to_date(jd: i64) -> (i64, i64, i64) {
    let (b, c);
    if jd > 2299160 {
        // After 5/10/1582, Gregorian calendar
        let a = jd + 32044;
        b = (4 * a + 3).div_euclid(146097);
        c = a - (b * 146097).div_euclid(4);
    } else {
        b = 0;
        c = jd + 32082;
    }
    let d = (4 * c + 3).div_euclid(1461);
    let e = c - (1461 * d).div_euclid(4);
    let m = (5 * e + 2).div_euclid(153);
    let day = e - (153 * m + 2).div_euclid(5) + 1;
    let month = m + 3 - 12 * m.div_euclid(10);
    let year = b * 100 + d - 4800 + m.div_euclid(10);
    (day, month, year)
}

/// Julian day (with fraction) of the k-th new moon after 1900-01-01 (UTC).
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85; // Time in Julian centuries from 1900 January 0.5
    let t2 = t * t;
    let t3 = t2 * t;
    let dr = PI / 180.0;
    let mut jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
    jd1 += 0.00033 * ((166.56 + 132.87 * t - 0.009173 * t2) * dr).sin(); // Mean new moon
    let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3; // Sun's mean anomaly
    let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3; // Moon's mean anomaly
    let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3; // Moon's argument of latitude
    let mut c1 = (0.1734 - 0.000393 * t) * (m * dr).sin() + 0.0021 * (2.0 * dr * m).sin();
    c1 = c1 - 0.4068 * (mpr * dr).sin() + 0.0161 * (dr * 2.0 * mpr).sin();
    c1 -= 0.0004 * (dr * 3.0 * mpr).sin();
    c1 = c1 + 0.0104 * (dr * 2.0 * f).sin() - 0.0051 * (dr * (m + mpr)).sin();
    c1 = c1 - 0.0074 * (dr * (m - mpr)).sin() + 0.0004 * (dr * (2.0 * f + m)).sin();
    c1 = c1 - 0.0004 * (dr * (2.0 * f - m)).sin() - 0.0006 * (dr * (2.0 * f + mpr)).sin();
    c1 = c1 + 0.0010 * (dr * (2.0 * f - mpr)).sin() + 0.0005 * (dr * (2.0 * mpr + m)).sin();
    let deltat = if t < -11.0 {
        0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    } else {
        -0.000278 + 0.000265 * t + 0.000262 * t2
    };
    jd1 + c1 - deltat
}

/// Sun's apparent longitude in radians, normalised to [0, 2π), at Julian day `jdn`.
fn sun_longitude(jdn: f64) -> f64 {
    let t = (jdn - 2451545.0) / 36525.0; // Julian centuries from 2000-01-01 12:00:00 GMT
    let t2 = t * t;
    let dr = PI / 180.0; // degree to radian
    let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2; // mean anomaly, degree
    let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2; // mean longitude, degree
    let mut dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * (dr * m).sin();
    dl = dl + (0.019993 - 0.000101 * t) * (dr * 2.0 * m).sin() + 0.000290 * (dr * 3.0 * m).sin();
    let mut l = l0 + dl; // true longitude, degree
    l *= dr;
    l -= PI * 2.0 * ((l / (PI * 2.0)).floor()); // Normalize to (0, 2*PI)
    l
}

/// Sector (0..=11, 30° each) of the sun's longitude at local midnight
/// starting day `day_number`.
fn get_sun_longitude(day_number: i64, time_zone: f64) -> i64 {
    int(sun_longitude(day_number as f64 - 0.5 - time_zone / 24.0) / PI * 6.0)
}

/// Julian day number of the local day containing the k-th new moon.
fn get_new_moon_day(k: i64, time_zone: f64) -> i64 {
    int(new_moon(k) + 0.5 + time_zone / 24.0)
}

/// Julian day number of the start of lunar month 11 (the month containing the
/// winter solstice) of solar year `yy`.
fn get_lunar_month11(yy: i64, time_zone: f64) -> i64 {
    let off = (jd_from_date(31, 12, yy) - 2415021) as f64;
    let k = int(off / 29.530588853);
    let mut nm = get_new_moon_day(k, time_zone);
    let sun_long = get_sun_longitude(nm, time_zone); // sun longitude at local midnight
    if sun_long >= 9 {
        nm = get_new_moon_day(k - 1, time_zone);
    }
    nm
}

/// Offset (in months, counted from month 11 starting at `a11`) of the leap
/// month: the first month that contains no major solar term.
fn get_leap_month_offset(a11: i64, time_zone: f64) -> i64 {
    let k = int((a11 as f64 - 2415021.076998695) / 29.530588853 + 0.5);
    let mut i = 1; // We start with the month following lunar month 11
    let mut arc = get_sun_longitude(get_new_moon_day(k + i, time_zone), time_zone);
    loop {
        let last = arc;
        i += 1;
        arc = get_sun_longitude(get_new_moon_day(k + i, time_zone), time_zone);
        if !(arc != last && i < 14) {
            break;
        }
    }
    i - 1
}

/// convertSolar2Lunar: (day, month, year, leap).
fn convert_solar2lunar(dd: i64, mm: i64, yy: i64, time_zone: f64) -> (i64, i64, i64, bool) {
    let day_number = jd_from_date(dd, mm, yy);
    let k = int((day_number as f64 - 2415021.076998695) / 29.530588853);
    let mut month_start = get_new_moon_day(k + 1, time_zone);
    if month_start > day_number {
        month_start = get_new_moon_day(k, time_zone);
    }
    let mut a11 = get_lunar_month11(yy, time_zone);
    let mut b11 = a11;
    let mut lunar_year;
    if a11 >= month_start {
        lunar_year = yy;
        a11 = get_lunar_month11(yy - 1, time_zone);
    } else {
        lunar_year = yy + 1;
        b11 = get_lunar_month11(yy + 1, time_zone);
    }
    let lunar_day = day_number - month_start + 1;
    let diff = int((month_start - a11) as f64 / 29.0);
    let mut lunar_leap = false;
    let mut lunar_month = diff + 11;
    if b11 - a11 > 365 {
        let leap_month_diff = get_leap_month_offset(a11, time_zone);
        if diff >= leap_month_diff {
            lunar_month = diff + 10;
            if diff == leap_month_diff {
                lunar_leap = true;
            }
        }
    }
    if lunar_month > 12 {
        lunar_month -= 12;
    }
    if lunar_month >= 11 && diff < 4 {
        lunar_year -= 1;
    }
    (lunar_day, lunar_month, lunar_year, lunar_leap)
}

/// convertLunar2Solar: (day, month, year) or `None` where the published code
/// returns `[0, 0, 0]` (leap flag on a month that is not the leap month of a
/// leap year).
fn convert_lunar2solar(
    lunar_day: i64,
    lunar_month: i64,
    lunar_year: i64,
    lunar_leap: bool,
    time_zone: f64,
) -> Option<(i64, i64, i64)> {
    let (a11, b11) = if lunar_month < 11 {
        (
            get_lunar_month11(lunar_year - 1, time_zone),
            get_lunar_month11(lunar_year, time_zone),
        )
    } else {
        (
            get_lunar_month11(lunar_year, time_zone),
            get_lunar_month11(lunar_year + 1, time_zone),
        )
    };
    let k = int(0.5 + (a11 as f64 - 2415021.076998695) / 29.530588853);
    let mut off = lunar_month - 11;
    if off < 0 {
        off += 12;
    }
    if b11 - a11 > 365 {
        let leap_off = get_leap_month_offset(a11, time_zone);
        let mut leap_month = leap_off - 2;
        if leap_month < 0 {
            leap_month += 12;
        }
        if lunar_leap && lunar_month != leap_month {
            return None;
        } else if lunar_leap || off >= leap_off {
            off += 1;
        }
    }
    let month_start = get_new_moon_day(k + off, time_zone);
    Some(jd_to_date(month_start + lunar_day - 1))
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/// The Vietnamese lunar date (UTC+7) of a solar date.
#[must_use]
pub fn solar_to_lunar(date: NaiveDate) -> LunarDate {
    let (d, m, y, leap) = convert_solar2lunar(
        date.day() as i64,
        date.month() as i64,
        date.year() as i64,
        TIME_ZONE,
    );
    LunarDate {
        year: y as i32,
        month: m as u32,
        day: d as u32,
        leap,
    }
}

/// The solar date of a Vietnamese lunar date (UTC+7).
///
/// Returns `None` if that lunar day does not exist: month outside 1..=12, day
/// outside 1..=30, the leap flag on a month that is not the leap month of its
/// year, or day 30 of a 29-day month. (The published `convertLunar2Solar`
/// silently rolls such inputs over; here the result is checked by converting
/// it back.)
#[must_use]
pub fn lunar_to_solar(l: LunarDate) -> Option<NaiveDate> {
    if !(1..=12).contains(&l.month) || !(1..=30).contains(&l.day) {
        return None;
    }
    let (d, m, y) = convert_lunar2solar(
        l.day as i64,
        l.month as i64,
        l.year as i64,
        l.leap,
        TIME_ZONE,
    )?;
    let date = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m as u32, d as u32)?;
    (solar_to_lunar(date) == l).then_some(date)
}

const CAN: [&str; 10] = [
    "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý",
];
const CHI: [&str; 12] = [
    "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi",
];

/// Can Chi name of a lunar year, e.g. 2024 -> "Giáp Thìn".
#[must_use]
pub fn can_chi(year: i32) -> String {
    let can = CAN[(year as i64 + 6).rem_euclid(10) as usize];
    let chi = CHI[(year as i64 + 8).rem_euclid(12) as usize];
    format!("{can} {chi}")
}

/// The lunar year with that Can Chi name nearest to `near` (e.g.
/// ("Giáp Thìn", 2024) -> 2024). Accepts any case and both tone placements
/// ("Kỷ Hợi"/"Kỉ Hợi", "Canh Tý"/"Canh Tí", "Quý Mão"/"Quí Mão",
/// "Tỵ"/"Tị", "Mão"/"Mẹo"), precomposed or NFD input, extra spaces; also
/// toneless ASCII ("giap thin") when that is unambiguous. Returns `None` for
/// an unknown name. Names repeat every 60 years; when `near` is exactly 30
/// years from two candidates the earlier one wins.
#[must_use]
pub fn year_from_can_chi(name: &str, near: i32) -> Option<i32> {
    let words: Vec<Syllable> = name
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
        .map(fold_syllable)
        .collect();
    if words.len() != 2 {
        return None;
    }
    let cans = match_names(&words[0], &CAN_KEYS);
    let chis = match_names(&words[1], &CHI_KEYS);
    // A valid Can Chi pairs a Can and a Chi of the same parity.
    let mut pairs = cans
        .iter()
        .flat_map(|&c| chis.iter().map(move |&h| (c, h)))
        .filter(|(c, h)| c % 2 == h % 2);
    let (c, h) = pairs.next()?;
    if pairs.next().is_some() {
        return None; // ambiguous (only possible for toneless input)
    }
    // Index in the 60-year cycle, with 1984 (Giáp Tý) as index 0.
    let idx = (0..60).find(|i| i % 10 == c && i % 12 == h)? as i64;
    let near = near as i64;
    let base = 1984 + idx;
    let n = (near - base).div_euclid(60);
    let lo = base + 60 * n; // <= near
    let hi = lo + 60;
    let best = if near - lo <= hi - near { lo } else { hi };
    i32::try_from(best).ok()
}

/// Month names as written in plans: "Giêng" = 1, "Chạp" = 12, also "một".."mười
/// hai", digits.
///
/// Accepts an optional leading "tháng", any case, precomposed or NFD input,
/// digits ("1", "01", "12") and Roman numerals ("I".."XII"). Words: "giêng" 1,
/// "hai" 2, "ba" 3, "tư"/"bốn" 4, "năm" 5, "sáu" 6, "bảy"/"bẩy" 7, "tám" 8,
/// "chín" 9, "mười" 10, "mười một"/"một" 11, "mười hai"/"chạp" 12.
///
/// Note: in lunar usage the bare word "Một" ("tháng Một") is the 11th month,
/// not the 1st (the 1st is always "tháng Giêng"), so `"một"` returns 11.
#[must_use]
pub fn lunar_month_from_name(name: &str) -> Option<u32> {
    let mut words: Vec<Syllable> = name
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(fold_syllable)
        .collect();
    if words
        .first()
        .is_some_and(|w| w.base == "thang" && w.tone == 1)
    {
        words.remove(0);
    }
    match words.len() {
        1 => {
            let w = &words[0];
            if !w.base.is_empty() && w.base.bytes().all(|b| b.is_ascii_digit()) && w.tone == 0 {
                let n: u32 = w.base.parse().ok()?;
                return (1..=12).contains(&n).then_some(n);
            }
            if w.tone == 0 {
                if let Some(n) = roman(&w.base) {
                    return Some(n);
                }
            }
            month_word(w)
        }
        2 => {
            if (words[0].base.as_str(), words[0].tone) != ("muoi", 2) {
                return None;
            }
            match (words[1].base.as_str(), words[1].tone) {
                ("mot", 5) | ("mot", 1) => Some(11), // "mười một", "mười mốt"
                ("hai", 0) => Some(12),
                _ => None,
            }
        }
        _ => None,
    }
}

fn month_word(w: &Syllable) -> Option<u32> {
    Some(match (w.base.as_str(), w.tone) {
        ("gieng", 0) => 1,
        ("hai", 0) => 2,
        ("ba", 0) => 3,
        ("tu", 0) | ("bon", 1) => 4,
        ("nam", 0) => 5,
        ("sau", 1) => 6,
        ("bai", 3) => 7,
        ("tam", 1) => 8,
        ("chin", 1) => 9,
        ("muoi", 2) => 10,
        ("mot", 5) => 11,
        ("chap", 5) => 12,
        _ => return None,
    })
}

fn roman(s: &str) -> Option<u32> {
    const R: [&str; 12] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
    ];
    R.iter().position(|r| *r == s).map(|p| p as u32 + 1)
}

// ---------------------------------------------------------------------------
// Minimal Vietnamese folding for the name lookups above.
// ---------------------------------------------------------------------------

/// A syllable reduced to its letters (lowercase ASCII; â/ê/ô/ơ/ư/ă/đ folded to
/// their base letter; "y" written as "i") plus its tone: 0 ngang, 1 sắc,
/// 2 huyền, 3 hỏi, 4 ngã, 5 nặng. Since the tone belongs to the syllable, the
/// two tone placements ("hoà"/"hòa", "Kỷ"/"Kỉ", "Quý"/"Quí") fold alike.
/// Vowel-quality marks are dropped too: the name tables are distinct without
/// them (and "Bảy"/"Bẩy" then agree).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Syllable {
    base: String,
    tone: u8,
}

fn fold_syllable(word: &str) -> Syllable {
    // (precomposed letters by tone: ngang, huyền, sắc, hỏi, ngã, nặng) -> base
    const ROWS: [(&str, char); 12] = [
        ("aàáảãạ", 'a'),
        ("ăằắẳẵặ", 'a'),
        ("âầấẩẫậ", 'a'),
        ("eèéẻẽẹ", 'e'),
        ("êềếểễệ", 'e'),
        ("iìíỉĩị", 'i'),
        ("oòóỏõọ", 'o'),
        ("ôồốổỗộ", 'o'),
        ("ơờớởỡợ", 'o'),
        ("uùúủũụ", 'u'),
        ("ưừứửữự", 'u'),
        ("yỳýỷỹỵ", 'i'),
    ];
    // position in a row -> tone code
    const TONE_OF_POS: [u8; 6] = [0, 2, 1, 3, 4, 5];
    let mut base = String::new();
    let mut tone = 0u8;
    for ch in word.chars().flat_map(char::to_lowercase) {
        match ch {
            // combining tone marks (NFD)
            '\u{0300}' | '\u{0340}' => tone = 2,
            '\u{0301}' | '\u{0341}' => tone = 1,
            '\u{0309}' => tone = 3,
            '\u{0303}' => tone = 4,
            '\u{0323}' => tone = 5,
            // combining vowel-quality marks: dropped
            '\u{0302}' | '\u{0306}' | '\u{031B}' => {}
            'đ' => base.push('d'),
            'ƣ' => base.push('u'), // PDF glyph for "ư"
            'ơ' | 'ư' => base.push(if ch == 'ơ' { 'o' } else { 'u' }),
            c if c.is_ascii_alphanumeric() => base.push(if c == 'y' { 'i' } else { c }),
            c => {
                let mut found = false;
                for (row, b) in ROWS.iter() {
                    if let Some(pos) = row.chars().position(|r| r == c) {
                        base.push(*b);
                        if pos > 0 {
                            tone = TONE_OF_POS[pos];
                        }
                        found = true;
                        break;
                    }
                }
                if !found && c.is_alphanumeric() {
                    base.push(c);
                }
            }
        }
    }
    Syllable { base, tone }
}

/// (folded letters, tone) of each Can, in [`CAN`] order.
const CAN_KEYS: [&[(&str, u8)]; 10] = [
    &[("giap", 1)],
    &[("at", 1)],
    &[("binh", 1)],
    &[("dinh", 0)],
    &[("mau", 5)],
    &[("ki", 3)],
    &[("canh", 0)],
    &[("tan", 0)],
    &[("nham", 0)],
    &[("qui", 1)],
];

/// (folded letters, tone) of each Chi, in [`CHI`] order, with variants.
const CHI_KEYS: [&[(&str, u8)]; 12] = [
    &[("ti", 1)],
    &[("suu", 3)],
    &[("dan", 2)],
    &[("mao", 4), ("meo", 5)],
    &[("thin", 2)],
    &[("ti", 5)],
    &[("ngo", 5)],
    &[("mui", 2)],
    &[("than", 0)],
    &[("dau", 5)],
    &[("tuat", 1)],
    &[("hoi", 5)],
];

/// Indices of the names matching `w`: exact (letters and tone) when the word
/// carries a tone mark; otherwise by letters only (toneless ASCII input).
fn match_names(w: &Syllable, table: &[&[(&str, u8)]]) -> Vec<usize> {
    let exact: Vec<usize> = (0..table.len())
        .filter(|&i| table[i].iter().any(|(b, t)| *b == w.base && *t == w.tone))
        .collect();
    if !exact.is_empty() || w.tone != 0 {
        return exact;
    }
    (0..table.len())
        .filter(|&i| table[i].iter().any(|(b, _)| *b == w.base))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn lunar(year: i32, month: u32, day: u32, leap: bool) -> LunarDate {
        LunarDate {
            year,
            month,
            day,
            leap,
        }
    }

    /// Tết Nguyên Đán (lunar 1/1) in Vietnam, 1990–2030, as published in
    /// Vietnamese calendars.
    const TET: [(i32, u32, u32); 41] = [
        (1990, 1, 27),
        (1991, 2, 15),
        (1992, 2, 4),
        (1993, 1, 23),
        (1994, 2, 10),
        (1995, 1, 31),
        (1996, 2, 19),
        (1997, 2, 7),
        (1998, 1, 28),
        (1999, 2, 16),
        (2000, 2, 5),
        (2001, 1, 24),
        (2002, 2, 12),
        (2003, 2, 1),
        (2004, 1, 22),
        (2005, 2, 9),
        (2006, 1, 29),
        (2007, 2, 17), // China: 2007-02-18
        (2008, 2, 7),
        (2009, 1, 26),
        (2010, 2, 14),
        (2011, 2, 3),
        (2012, 1, 23),
        (2013, 2, 10),
        (2014, 1, 31),
        (2015, 2, 19),
        (2016, 2, 8),
        (2017, 1, 28),
        (2018, 2, 16),
        (2019, 2, 5),
        (2020, 1, 25),
        (2021, 2, 12),
        (2022, 2, 1),
        (2023, 1, 22),
        (2024, 2, 10),
        (2025, 1, 29),
        (2026, 2, 17),
        (2027, 2, 6),
        (2028, 1, 26),
        (2029, 2, 13),
        // New moon 2030-02-02 16:07 UTC = 23:07 in Vietnam (UTC+7) but 00:07
        // on 02-03 in China (UTC+8): Vietnamese Tết is 2030-02-02, the often
        // quoted 2030-02-03 is the Chinese date.
        (2030, 2, 2),
    ];

    #[test]
    fn tet_table_both_directions() {
        for (y, m, d) in TET {
            let solar = ymd(y, m, d);
            assert_eq!(
                solar_to_lunar(solar),
                lunar(y, 1, 1, false),
                "solar_to_lunar(Tết {y})"
            );
            assert_eq!(
                lunar_to_solar(lunar(y, 1, 1, false)),
                Some(solar),
                "lunar_to_solar(1/1/{y})"
            );
            // The day before Tết is the last day (29 or 30) of month 12 of the previous lunar year.
            let eve = solar_to_lunar(solar.pred_opt().unwrap());
            assert_eq!((eve.year, eve.month, eve.leap), (y - 1, 12, false), "{y}");
            assert!(eve.day == 29 || eve.day == 30, "{y}: {eve:?}");
        }
    }

    #[test]
    fn vietnam_differs_from_china() {
        // Tết 1985: 21/01/1985 in Vietnam (UTC+7), 20/02/1985 in China (UTC+8).
        assert_eq!(solar_to_lunar(ymd(1985, 1, 21)), lunar(1985, 1, 1, false));
        assert_eq!(
            lunar_to_solar(lunar(1985, 1, 1, false)),
            Some(ymd(1985, 1, 21))
        );
        // Tết 2007: 17/02 in Vietnam, 18/02 in China.
        assert_eq!(solar_to_lunar(ymd(2007, 2, 18)), lunar(2007, 1, 2, false));
        // Tết 2030: 02/02/2030 in Vietnam, 03/02/2030 in China.
        assert_eq!(solar_to_lunar(ymd(2030, 2, 3)), lunar(2030, 1, 2, false));
        assert_eq!(solar_to_lunar(ymd(2030, 2, 1)), lunar(2029, 12, 29, false));
    }

    #[test]
    fn corpus_giap_thin() {
        // "vào lúc 08h30’, thứ Ba, ngày 20 tháng 02 năm 2024 (nhằm ngày 11
        // tháng Giêng năm Giáp Thìn)"
        let year = year_from_can_chi("Giáp Thìn", 2024).unwrap();
        let month = lunar_month_from_name("Giêng").unwrap();
        let l = lunar(year, month, 11, false);
        let solar = lunar_to_solar(l).unwrap();
        assert_eq!(solar, ymd(2024, 2, 20));
        assert_eq!(solar.weekday(), chrono::Weekday::Tue);
        assert_eq!(solar_to_lunar(ymd(2024, 2, 20)), l);
    }

    #[test]
    fn leap_months() {
        // 2023 Quý Mão: nhuận tháng 2 (2/2 nhuận starts 2023-03-22).
        assert_eq!(
            lunar_to_solar(lunar(2023, 2, 1, false)),
            Some(ymd(2023, 2, 20))
        );
        assert_eq!(
            lunar_to_solar(lunar(2023, 2, 1, true)),
            Some(ymd(2023, 3, 22))
        );
        assert_eq!(
            lunar_to_solar(lunar(2023, 3, 1, false)),
            Some(ymd(2023, 4, 20))
        );
        assert_eq!(solar_to_lunar(ymd(2023, 3, 22)), lunar(2023, 2, 1, true));
        assert_eq!(lunar_to_solar(lunar(2023, 3, 1, true)), None);
        // 2020 Canh Tý: nhuận tháng 4 (starts 2020-05-23).
        assert_eq!(
            lunar_to_solar(lunar(2020, 4, 1, true)),
            Some(ymd(2020, 5, 23))
        );
        assert_eq!(solar_to_lunar(ymd(2020, 5, 23)), lunar(2020, 4, 1, true));
        assert_eq!(lunar_to_solar(lunar(2020, 5, 1, true)), None);
        // 2025 Ất Tỵ: nhuận tháng 6 (starts 2025-07-25).
        assert_eq!(
            lunar_to_solar(lunar(2025, 6, 1, true)),
            Some(ymd(2025, 7, 25))
        );
        assert_eq!(solar_to_lunar(ymd(2025, 7, 25)), lunar(2025, 6, 1, true));
        assert_eq!(
            lunar_to_solar(lunar(2025, 6, 1, false)),
            Some(ymd(2025, 6, 25))
        );
        assert_eq!(lunar_to_solar(lunar(2025, 7, 1, true)), None);
        // Years without a leap month.
        assert_eq!(lunar_to_solar(lunar(2024, 1, 1, true)), None);
        assert_eq!(lunar_to_solar(lunar(2024, 6, 1, true)), None);
        assert_eq!(lunar_to_solar(lunar(2022, 2, 1, true)), None);
    }

    #[test]
    fn leap_month_counts_1990_2030() {
        // Exactly one leap month in each year that has 13 months, and those
        // years are the ones with 383-385 days between Tết and Tết.
        for (i, (y, m, d)) in TET.iter().enumerate().take(TET.len() - 1) {
            let start = ymd(*y, *m, *d);
            let (ny, nm, nd) = TET[i + 1];
            let end = ymd(ny, nm, nd);
            let len = (end - start).num_days();
            let leaps: Vec<u32> = (1..=12)
                .filter(|&mo| lunar_to_solar(lunar(*y, mo, 1, true)).is_some())
                .collect();
            if len > 380 {
                assert_eq!(leaps.len(), 1, "{y}: {len} days, leaps {leaps:?}");
            } else {
                assert!(leaps.is_empty(), "{y}: {len} days, leaps {leaps:?}");
            }
        }
    }

    #[test]
    fn invalid_lunar_days() {
        assert_eq!(lunar_to_solar(lunar(2024, 0, 1, false)), None);
        assert_eq!(lunar_to_solar(lunar(2024, 13, 1, false)), None);
        assert_eq!(lunar_to_solar(lunar(2024, 1, 0, false)), None);
        assert_eq!(lunar_to_solar(lunar(2024, 1, 31, false)), None);
        // Lunar month 1 of 2024 has 29 days (2024-02-10 .. 2024-03-09).
        assert_eq!(
            lunar_to_solar(lunar(2024, 1, 29, false)),
            Some(ymd(2024, 3, 9))
        );
        assert_eq!(lunar_to_solar(lunar(2024, 1, 30, false)), None);
        // Lunar month 12 of 2023 has 30 days (2024-01-11 .. 2024-02-09).
        assert_eq!(
            lunar_to_solar(lunar(2023, 12, 30, false)),
            Some(ymd(2024, 2, 9))
        );
    }

    #[test]
    fn round_trip_every_day_1990_2030() {
        let mut d = ymd(1990, 1, 1);
        let end = ymd(2030, 12, 31);
        let mut prev: Option<LunarDate> = None;
        let mut n = 0;
        while d <= end {
            let l = solar_to_lunar(d);
            assert_eq!(lunar_to_solar(l), Some(d), "{d} -> {l:?}");
            if let Some(p) = prev {
                // consecutive solar days are consecutive lunar days
                if l.day != 1 {
                    assert_eq!(
                        (l.year, l.month, l.day, l.leap),
                        (p.year, p.month, p.day + 1, p.leap)
                    );
                } else {
                    assert!(p.day == 29 || p.day == 30, "{d}: {p:?} -> {l:?}");
                }
            }
            prev = Some(l);
            d = d.succ_opt().unwrap();
            n += 1;
        }
        assert_eq!(n, 14975);
    }

    #[test]
    fn can_chi_names() {
        assert_eq!(can_chi(2024), "Giáp Thìn");
        assert_eq!(can_chi(2023), "Quý Mão");
        assert_eq!(can_chi(2025), "Ất Tỵ");
        assert_eq!(can_chi(2020), "Canh Tý");
        assert_eq!(can_chi(2019), "Kỷ Hợi");
        assert_eq!(can_chi(1984), "Giáp Tý");
        assert_eq!(can_chi(1945), "Ất Dậu");
        assert_eq!(can_chi(1975), "Ất Mão");
        assert_eq!(can_chi(1989), "Kỷ Tỵ");
        assert_eq!(can_chi(4), "Giáp Tý");
        assert_eq!(can_chi(-56), "Giáp Tý");
        for y in 1900..2100 {
            assert_eq!(year_from_can_chi(&can_chi(y), y), Some(y));
            assert_eq!(year_from_can_chi(&can_chi(y), y + 29), Some(y));
            assert_eq!(year_from_can_chi(&can_chi(y), y - 29), Some(y));
            assert_eq!(year_from_can_chi(&can_chi(y), y + 31), Some(y + 60));
        }
    }

    #[test]
    fn can_chi_spellings() {
        assert_eq!(year_from_can_chi("Giáp Thìn", 2024), Some(2024));
        assert_eq!(year_from_can_chi("GIÁP THÌN", 2000), Some(2024));
        assert_eq!(year_from_can_chi("giáp  thìn", 1990), Some(1964));
        assert_eq!(year_from_can_chi("Kỷ Hợi", 2020), Some(2019));
        assert_eq!(year_from_can_chi("Kỉ Hợi", 2020), Some(2019));
        assert_eq!(year_from_can_chi("Canh Tý", 2024), Some(2020));
        assert_eq!(year_from_can_chi("Canh Tí", 2024), Some(2020));
        assert_eq!(year_from_can_chi("Quý Mão", 2024), Some(2023));
        assert_eq!(year_from_can_chi("Quí Mão", 2024), Some(2023));
        assert_eq!(year_from_can_chi("Quý Mẹo", 2024), Some(2023));
        assert_eq!(year_from_can_chi("Ất Tỵ", 2024), Some(2025));
        assert_eq!(year_from_can_chi("Ất Tị", 2024), Some(2025));
        assert_eq!(year_from_can_chi("Đinh Dậu", 2024), Some(2017));
        assert_eq!(year_from_can_chi("Bính Ngọ", 2024), Some(2026));
        // NFD input
        assert_eq!(
            year_from_can_chi("Gia\u{301}p Thi\u{300}n", 2024),
            Some(2024)
        );
        assert_eq!(
            year_from_can_chi("Q\u{75}y\u{301} Ma\u{303}o", 2024),
            Some(2023)
        );
        assert_eq!(
            year_from_can_chi("A\u{302}\u{301}t Ty\u{323}", 2024),
            Some(2025)
        );
        // toneless ASCII, disambiguated by Can/Chi parity where possible
        assert_eq!(year_from_can_chi("giap thin", 2024), Some(2024));
        assert_eq!(year_from_can_chi("canh ty", 2024), Some(2020)); // Canh (even) + Tý
        assert_eq!(year_from_can_chi("at ty", 2024), Some(2025)); // Ất (odd) + Tỵ
                                                                  // unknown / malformed
        assert_eq!(year_from_can_chi("Giáp Tỵ", 2024), None); // parity mismatch
        assert_eq!(year_from_can_chi("Giáp", 2024), None);
        assert_eq!(year_from_can_chi("Giáp Thìn Rồng", 2024), None);
        assert_eq!(year_from_can_chi("Xuân Thìn", 2024), None);
        assert_eq!(year_from_can_chi("", 2024), None);
    }

    #[test]
    fn month_names() {
        assert_eq!(lunar_month_from_name("Giêng"), Some(1));
        assert_eq!(lunar_month_from_name("tháng Giêng"), Some(1));
        assert_eq!(lunar_month_from_name("GIÊNG"), Some(1));
        assert_eq!(lunar_month_from_name("Gie\u{302}ng"), Some(1));
        assert_eq!(lunar_month_from_name("Chạp"), Some(12));
        assert_eq!(lunar_month_from_name("tháng Chạp"), Some(12));
        assert_eq!(lunar_month_from_name("hai"), Some(2));
        assert_eq!(lunar_month_from_name("Ba"), Some(3));
        assert_eq!(lunar_month_from_name("Tư"), Some(4));
        assert_eq!(lunar_month_from_name("bốn"), Some(4));
        assert_eq!(lunar_month_from_name("Năm"), Some(5));
        assert_eq!(lunar_month_from_name("Sáu"), Some(6));
        assert_eq!(lunar_month_from_name("Bảy"), Some(7));
        assert_eq!(lunar_month_from_name("Bẩy"), Some(7));
        assert_eq!(lunar_month_from_name("Tám"), Some(8));
        assert_eq!(lunar_month_from_name("Chín"), Some(9));
        assert_eq!(lunar_month_from_name("Mười"), Some(10));
        assert_eq!(lunar_month_from_name("mười một"), Some(11));
        assert_eq!(lunar_month_from_name("Một"), Some(11));
        assert_eq!(lunar_month_from_name("mười hai"), Some(12));
        assert_eq!(lunar_month_from_name("1"), Some(1));
        assert_eq!(lunar_month_from_name("01"), Some(1));
        assert_eq!(lunar_month_from_name("12"), Some(12));
        assert_eq!(lunar_month_from_name("XII"), Some(12));
        assert_eq!(lunar_month_from_name("iv"), Some(4));
        assert_eq!(lunar_month_from_name("0"), None);
        assert_eq!(lunar_month_from_name("13"), None);
        assert_eq!(lunar_month_from_name("nhuận"), None);
        assert_eq!(lunar_month_from_name("mười ba"), None);
        assert_eq!(lunar_month_from_name(""), None);
    }
}
