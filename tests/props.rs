//! Property tests: normalisation never panics and is idempotent; any valid
//! date written in any supported form is extracted back to itself; no
//! input panics the whole pipeline.

use proptest::prelude::*;
use vnplan_engine::extract::dates::{extract_paragraph, DateContext};
use vnplan_engine::extract::lunar::{can_chi, lunar_to_solar, solar_to_lunar, LunarDate};
use vnplan_engine::normalize::unicode::{clean_str, ToneStyle};
use vnplan_engine::normalize::{normalize, normalize_str, NormalizeOptions};

/// Text made of the characters plans are made of, plus hostile ones.
fn plan_like_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Ủy ban",
        "Uỷ ban",
        "hoà",
        "thuỷ",
        "khoẻ",
        "quý",
        "Quỳnh",
        "trừơng",
        "tìên",
        "khúyên",
        "chƣơng",
        "ngày 20/02/2024",
        "\n",
        "\n\n",
        " ",
        "\u{00a0}",
        "\t",
        "- ",
        "I. ",
        "1. ",
        "3.1. ",
        "a) ",
        "**",
        "*",
        "(",
        ")",
        "Số: /KH-UBND",
        "KẾ HOẠCH",
        "TM. ỦY BAN NHÂN DÂN",
        "Nơi nhận:",
        "\u{0301}",
        "\u{0323}",
        "o\u{0300}a",
        "\u{feff}",
        "\r\n",
        "2021 – 2025",
        "’",
        "“",
        "1",
        "Trên đây là",
        "ƣ",
        "\u{200b}",
        "x",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

/// One paragraph as the normaliser outputs them: a heading, a bullet or a
/// sentence that ends with punctuation.
fn paragraph() -> impl Strategy<Value = String> {
    let words = prop::collection::vec(
        prop::sample::select(vec![
            "Ủy ban",
            "nhân dân",
            "hòa",
            "thủy",
            "xã",
            "Phú Lạc",
            "ngày 20/02/2024",
            "17/19",
            "tiêu chí",
            "Kế hoạch",
            "số 241/KH-UBND",
            "và",
            "các",
            "đ",
            "1.200",
        ]),
        1..20,
    );
    let lead = prop::sample::select(vec![
        "",
        "- ",
        "+ ",
        "1. ",
        "3.1. ",
        "a) ",
        "II. ",
        "Căn cứ ",
        "Trên đây là ",
    ]);
    let end = prop::sample::select(vec![".", ";", ":", "./."]);
    (lead, words, end).prop_map(|(l, w, e)| format!("{l}{}{e}", w.join(" ")))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Character-level normalisation (NFC, glyphs, tone marks, spaces,
    /// dashes, quotes) is idempotent on any text.
    #[test]
    fn character_normalisation_is_idempotent(s in plan_like_text()) {
        let once = clean_str(&s, ToneStyle::Hoa);
        let twice = clean_str(&once, ToneStyle::Hoa);
        prop_assert_eq!(once, twice);
    }

    /// The whole normaliser is idempotent on its own output shape: one
    /// paragraph per line. (Re-wrapping decisions on hard-wrapped input use
    /// the page width measured over the document, so a second pass over
    /// joined paragraphs is not guaranteed to be a no-op for arbitrary junk;
    /// on paragraph-per-line text it must be.)
    #[test]
    fn normalisation_is_idempotent_on_paragraph_text(paras in prop::collection::vec(paragraph(), 1..25)) {
        let text = paras.join("\n");
        let once = normalize_str(&text);
        let twice = normalize_str(&once);
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn normalisation_never_panics_and_maps_every_char(s in any::<String>()) {
        let n = normalize(&s, &[], &NormalizeOptions::default());
        // Every character has a provenance within the raw text.
        let raw_len = s.chars().count();
        for i in 0..n.text.chars().count() {
            prop_assert!(n.raw_offset(i) <= raw_len);
        }
    }

    #[test]
    fn pipeline_never_panics(s in plan_like_text()) {
        let _ = vnplan_engine::process_bytes("x.txt", s.as_bytes(), None, &vnplan_engine::Options::default());
    }

    #[test]
    fn any_valid_date_in_any_form_comes_back(y in 1990i32..2040, m in 1u32..=12, d in 1u32..=31, form in 0usize..7) {
        prop_assume!(chrono::NaiveDate::from_ymd_opt(y, m, d).is_some());
        let text = match form {
            0 => format!("ngày {d:02}/{m:02}/{y}"),
            1 => format!("ngày {d}/{m}/{y}"),
            2 => format!("{d:02}.{m:02}.{y}"),
            3 => format!("{d:02}-{m:02}-{y}"),
            4 => format!("ngày {d:02} tháng {m:02} năm {y}"),
            5 => format!("ngày {d} tháng {m} năm {y}"),
            _ => format!("Hoàn thành trước ngày {d}/{m}/{y}."),
        };
        let hits = extract_paragraph(&normalize_str(&text), 0, &DateContext::default());
        prop_assert_eq!(hits.len(), 1, "{}", text);
        prop_assert_eq!(&hits[0].value, &format!("{y:04}-{m:02}-{d:02}"));
    }

    /// No mix of date pieces panics the date extractor.
    #[test]
    fn date_pieces_never_panic(v in prop::collection::vec(prop::sample::select(vec![
        "ngày", "mùng", "mồng", "Rằm", "tháng", "Giêng", "Chạp", "Tám", "năm", "Giáp Thìn", "âm lịch",
        "(AL)", "ÂL", "Tết", "Nguyên đán", "từ", "đến", "-", "/", ".", ":", "(", ")", "h", "g", "p", "'",
        "1", "9", "12", "15", "30", "31", "26", "2026", "2024", " ", "thứ Sáu", "tuần", "cuối cùng",
        "của", "quý", "cuối", "nay", "Thời hạn", "định hướng", "ư", "ơ",
    ]), 0..30)) {
        let s = v.concat();
        let ctx = DateContext { year: Some(2026), date: chrono::NaiveDate::from_ymd_opt(2026, 1, 5) };
        let _ = extract_paragraph(&s, 0, &ctx);
        let _ = extract_paragraph(&s, 0, &DateContext::default());
    }

    /// The written forms of issue 10: ISO, a two-digit year after `ngày` or
    /// a weekday, `mồng`, missing spaces, a month written out.
    #[test]
    fn any_valid_date_in_the_new_forms_comes_back(y in 1990i32..2040, m in 1u32..=12, d in 1u32..=31, form in 0usize..7) {
        let Some(date) = chrono::NaiveDate::from_ymd_opt(y, m, d) else {
            return Ok(());
        };
        let yy = y % 100;
        let weekday = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]
            [chrono::Datelike::weekday(&date).num_days_from_monday() as usize];
        let text = match form {
            0 => format!("{y}-{m:02}-{d:02}"),
            1 => format!("ngày {d:02}/{m:02}/{yy:02}"),
            2 => format!("{weekday}, {d}/{m}/{yy:02}"),
            3 => format!("ngày mồng {d} tháng {m} năm {y}"),
            4 => format!("ngày {d:02}tháng {m}năm {y}"),
            5 => format!("ngày {d} tháng {} năm {y}", SOLAR_MONTH[m as usize - 1]),
            _ => format!("Hoàn thành trước ngày {d}/{m}/{yy:02}."),
        };
        let hits = extract_paragraph(&normalize_str(&text), 0, &DateContext::default());
        prop_assert_eq!(hits.len(), 1, "{}", text);
        prop_assert_eq!(&hits[0].value, &format!("{y:04}-{m:02}-{d:02}"), "{}", text);
    }

    /// Compressed day ranges and a bare start day take the end's month and year.
    #[test]
    fn any_day_range_comes_back(y in 1990i32..2040, m in 1u32..=12, d1 in 1u32..=30, len in 1u32..10, form in 0usize..3) {
        let d2 = d1 + len;
        prop_assume!(chrono::NaiveDate::from_ymd_opt(y, m, d2).is_some());
        let text = match form {
            0 => format!("{d1:02}-{d2:02}/{m:02}/{y}"),
            1 => format!("(từ ngày {d1} đến ngày {d2} tháng {m} năm {y})"),
            _ => format!("từ ngày {d1} - {d2}/{m}/{y}"),
        };
        let hits = extract_paragraph(&normalize_str(&text), 0, &DateContext::default());
        prop_assert_eq!(hits.len(), 1, "{}", text);
        prop_assert_eq!(&hits[0].value, &format!("{y:04}-{m:02}-{d1:02}/{y:04}-{m:02}-{d2:02}"), "{}", text);
    }

    /// Lunar round trip: any solar day, written as its lunar date in each
    /// new lunar form, comes back as that lunar date with that solar day.
    #[test]
    fn lunar_round_trip_in_the_new_forms(days in 0i64..(365 * 38), form in 0usize..8) {
        let solar = chrono::NaiveDate::from_ymd_opt(1991, 3, 1).unwrap() + chrono::Duration::days(days);
        let l = solar_to_lunar(solar);
        prop_assume!(!l.leap);
        let LunarDate { year: y, month: m, day: d, .. } = l;
        let name = LUNAR_MONTH[m as usize - 1];
        let cc = can_chi(y);
        let mut ctx = DateContext::default();
        let text = match form {
            0 => format!("ngày {d} tháng {m} âm lịch năm {y}"),
            1 => format!("mùng {d} tháng {name} năm {cc}"),
            2 => format!("ngày {d:02}/{m:02}/{y} (AL)"),
            3 => format!("nhằm ngày {d} tháng {name} năm {cc}"),
            4 => format!("mồng {d} tháng {m} năm {y} (âm lịch)"),
            6 => {
                prop_assume!(d <= 10);
                format!("mồng {} tháng {name} năm {cc}", DAY_WORD[d as usize - 1])
            }
            5 => {
                // No year: the next such day on or after the document's date.
                ctx.date = Some(solar);
                format!("ngày {d}/{m} âm lịch")
            }
            _ => {
                prop_assume!(d == 15 || d == 1);
                if d == 1 && m == 1 {
                    format!("Tết Nguyên đán {cc} năm {y}")
                } else if d == 15 {
                    format!("Rằm tháng {name} năm {cc}")
                } else {
                    return Ok(());
                }
            }
        };
        let hits = extract_paragraph(&normalize_str(&text), 0, &ctx);
        prop_assert_eq!(hits.len(), 1, "{}: {:?}", text, hits);
        prop_assert_eq!(&hits[0].value, &format!("lunar:{y:04}-{m:02}-{d:02}"), "{}", text);
        let expect = solar.format("%Y-%m-%d").to_string();
        prop_assert_eq!(hits[0].solar.as_deref(), Some(expect.as_str()), "{}", text);
        prop_assert_eq!(lunar_to_solar(l), Some(solar));
    }
}

/// Solar month names as written out (`tháng Tư`).
const SOLAR_MONTH: [&str; 12] = [
    "Một",
    "Hai",
    "Ba",
    "Tư",
    "Năm",
    "Sáu",
    "Bảy",
    "Tám",
    "Chín",
    "Mười",
    "Mười một",
    "Mười hai",
];

/// Days 1–10 as written out after `mồng`.
const DAY_WORD: [&str; 10] = [
    "Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười",
];

/// Lunar month names as written out (`tháng Giêng` … `tháng Chạp`).
const LUNAR_MONTH: [&str; 12] = [
    "Giêng", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Một", "Chạp",
];
