//! Character-level cleaning of one line: glyph fixes, spaces, dashes and
//! quotes, NFC, and the tone-mark placement rule.
//!
//! Every output character carries the raw character offset it came from, so
//! the layout stage can build the offset map. This module never joins or
//! drops lines.

use unicode_normalization::{char::canonical_combining_class, UnicodeNormalization};

/// Where the tone mark goes in the open rhymes `oa`, `oe`, `uy` — the only
/// rhymes on which the two common spelling styles disagree. Named by example
/// because Vietnamese usage calls `hoà` the "new" style, which misleads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ToneStyle {
    /// `hòa`, `thủy`, `Ủy`, `khỏe` — the placement most legal texts use.
    #[default]
    Hoa,
    /// `hoà`, `thuỷ`, `Uỷ`, `khoẻ` — the placement of QĐ 1989/QĐ-BGDĐT.
    Hoaf,
    /// Leave tone marks where the source put them.
    Keep,
}

/// The five Vietnamese tone marks as combining characters.
const TONE_MARKS: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

/// Map one raw character to its cleaned form: `None` drops it.
/// Only substitutions that cannot change meaning are made here.
fn map_char(c: char) -> Option<char> {
    Some(match c {
        // The PDF glyph `ƣ` (LATIN LETTER OI) stands for `ư` in Vietnamese
        // PDFs made with old fonts; NFC does not map it.
        'ƣ' => 'ư',
        'Ƣ' => 'Ư',
        // Spaces of every width become one plain space.
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        // Invisible characters carry nothing (soft hyphen is only safe to
        // drop here, after decoding: in TCVN3 bytes 0xAD is `ư`).
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => return None,
        // Dash variants → hyphen-minus: plans use them interchangeably in
        // ranges (`2021 – 2025`) and names (`Văn hóa – Thể thao`).
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => '"',
        '\r' => return None,
        c if c.is_control() && c != '\t' => return None,
        c => c,
    })
}

/// Clean one raw line. `chars` are the raw characters with their offsets;
/// the result is the cleaned line, each character with the raw offset of
/// the character (or combining sequence) it came from.
pub fn clean_line(chars: &[(char, u32)], style: ToneStyle, out: &mut Vec<(char, u32)>) {
    out.clear();
    // 1. Character map, then NFC per combining sequence (starter plus the
    //    non-starters after it), so each output character maps back to the
    //    raw start of its sequence.
    let mut mapped: Vec<(char, u32)> = Vec::with_capacity(chars.len());
    for &(c, at) in chars {
        if let Some(m) = map_char(c) {
            mapped.push((m, at));
        }
    }
    let mut i = 0;
    while i < mapped.len() {
        let start = i;
        i += 1;
        while i < mapped.len() && canonical_combining_class(mapped[i].0) != 0 {
            i += 1;
        }
        let run = &mapped[start..i];
        let at = run[0].1;
        if run.len() == 1 && (run[0].0.is_ascii() || is_nfc_char(run[0].0)) {
            out.push(run[0]);
        } else {
            for c in run.iter().map(|&(c, _)| c).nfc() {
                out.push((c, at));
            }
        }
    }
    // 2. Tone placement on each run of letters.
    if style != ToneStyle::Keep {
        let mut s = 0;
        while s < out.len() {
            if !out[s].0.is_alphabetic() {
                s += 1;
                continue;
            }
            let mut e = s;
            // A stray combining mark left after NFC belongs to the word: a
            // word with two tone marks is left alone (and stays stable).
            while e < out.len()
                && (out[e].0.is_alphabetic() || canonical_combining_class(out[e].0) != 0)
            {
                e += 1;
            }
            place_tone(&mut out[s..e], style);
            s = e;
        }
    }
}

fn is_nfc_char(c: char) -> bool {
    matches!(
        unicode_normalization::is_nfc_quick(std::iter::once(c)),
        unicode_normalization::IsNormalized::Yes
    )
}

/// Split a precomposed letter into its toneless letter and its tone mark.
fn split_tone(c: char) -> (char, Option<char>) {
    if c.is_ascii() {
        return (c, None);
    }
    let mut tone = None;
    let base: String = c
        .to_string()
        .nfd()
        .filter(|d| {
            if TONE_MARKS.contains(d) {
                tone = Some(*d);
                false
            } else {
                true
            }
        })
        .collect();
    if tone.is_none() {
        return (c, None);
    }
    let base = base.nfc().next().unwrap_or(c);
    (base, tone)
}

/// Does a precomposed letter carry one of the five tone marks?
fn has_tone_mark(c: char) -> bool {
    // Vietnamese toned letters are the Latin-1 ones below, ĩ/ũ, and the
    // whole Latin Extended Additional block from ạ to ỹ.
    ('\u{1EA0}'..='\u{1EF9}').contains(&c) || "àáãèéìíòóõùúýÀÁÃÈÉÌÍÒÓÕÙÚÝĩĨũŨ".contains(c)
}

fn with_tone(base: char, tone: char) -> char {
    let s: String = [base, tone].iter().collect::<String>().nfc().collect();
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => c,
        _ => base,
    }
}

/// Initial consonants of a Vietnamese syllable (longest first).
const INITIALS: [&str; 27] = [
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

/// Move the tone mark of an open `oa`/`oe`/`uy` syllable to the chosen
/// vowel. A rule over syllable structure, not a word list: closed syllables
/// (`hoàng`), three-vowel rhymes (`ngoài`, `khuya`, `khuỷu`) and initial
/// `qu` (`quý`, `Quỳnh`) never match. Also fixes the typo `qúy` → `quý`.
fn place_tone(word: &mut [(char, u32)], style: ToneStyle) {
    let n = word.len();
    if !(2..=7).contains(&n) || word.iter().any(|&(c, _)| canonical_combining_class(c) != 0) {
        return;
    }
    // Only a toned letter can need moving: plain ASCII words are the common
    // case and skip the decomposition below.
    if word.iter().all(|&(c, _)| c.is_ascii() || !has_tone_mark(c)) {
        return;
    }
    let mut bases = [' '; 7];
    let mut tone_at = None;
    let mut tone = '\0';
    for (i, &(c, _)) in word.iter().enumerate() {
        let (b, t) = split_tone(c);
        bases[i] = b;
        if let Some(t) = t {
            if tone_at.is_some() {
                return; // two tone marks: not a single syllable we understand
            }
            tone_at = Some(i);
            tone = t;
        }
    }
    let Some(tone_at) = tone_at else { return };
    let lower: String = bases[..n].iter().flat_map(|c| c.to_lowercase()).collect();
    let initial = INITIALS
        .iter()
        .find(|i| lower.starts_with(*i))
        .map(|i| i.chars().count())
        .unwrap_or(0);
    let rhyme: String = lower.chars().skip(initial).collect();
    // `qúy`: the tone sits on the `u` of the consonant `qu`; move it on.
    if lower.starts_with("qu") && tone_at == 1 && n > 2 && is_vowel(bases[2]) {
        set(word, 1, bases[1], None);
        set(word, 2, bases[2], Some(tone));
        return;
    }
    if let Some(second) = closed_diphthong_second(&rhyme) {
        // `trừơng`, `bứơc`, `tìên`: the tone of a closed ươ/uô/iê/yê rhyme
        // belongs on its second vowel, in both styles.
        let to = initial + second;
        if tone_at != to && tone_at >= initial {
            set(word, tone_at, bases[tone_at], None);
            set(word, to, bases[to], Some(tone));
        }
        return;
    }
    if !matches!(rhyme.as_str(), "oa" | "oe" | "uy") || (initial == 1 && lower.starts_with('q')) {
        return;
    }
    let (first, second) = (initial, initial + 1);
    let (from, to) = match style {
        ToneStyle::Hoa => (second, first),
        ToneStyle::Hoaf => (first, second),
        ToneStyle::Keep => return,
    };
    if tone_at == from {
        set(word, from, bases[from], None);
        set(word, to, bases[to], Some(tone));
    }
}

/// Finals that close a rhyme: the consonants and the semivowels `i`, `u`.
const FINALS: [&str; 10] = ["ch", "ng", "nh", "c", "m", "n", "p", "t", "i", "u"];

/// If a toneless, lower-case rhyme is a closed `ươ`/`uô`/`iê`/`yê` rhyme
/// (with the medial `u` of `uyê`), the index of its second vowel: `ương`,
/// `ước`, `iên`, `uôi`, `uyên`, `yêu`. Anything else (`ưa`, `ia`, an open
/// `ươ`, a final that is not Vietnamese) is `None`.
fn closed_diphthong_second(rhyme: &str) -> Option<usize> {
    let chars: Vec<char> = rhyme.chars().collect();
    let k = usize::from(chars.first() == Some(&'u') && chars.get(1) == Some(&'y'));
    let pair = (*chars.get(k)?, *chars.get(k + 1)?);
    if !matches!(pair, ('ư', 'ơ') | ('u', 'ô') | ('i', 'ê') | ('y', 'ê')) {
        return None;
    }
    let fin: String = chars[k + 2..].iter().collect();
    FINALS.contains(&fin.as_str()).then_some(k + 1)
}

fn set(word: &mut [(char, u32)], i: usize, base: char, tone: Option<char>) {
    word[i].0 = match tone {
        Some(t) => with_tone(base, t),
        None => base,
    };
}

fn is_vowel(c: char) -> bool {
    matches!(
        c.to_lowercase().next().unwrap_or(c),
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

/// Clean a whole string (no offsets); for tests and one-off callers.
pub fn clean_str(s: &str, style: ToneStyle) -> String {
    let chars: Vec<(char, u32)> = s.chars().map(|c| (c, 0)).collect();
    let mut out = Vec::new();
    clean_line(&chars, style, &mut out);
    out.into_iter().map(|(c, _)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hoa(s: &str) -> String {
        clean_str(s, ToneStyle::Hoa)
    }

    #[test]
    fn moves_tone_to_first_vowel_of_open_oa_oe_uy() {
        assert_eq!(hoa("hoà hoá hoả hoã hoạ"), "hòa hóa hỏa hõa họa");
        assert_eq!(hoa("khoẻ xoè"), "khỏe xòe");
        assert_eq!(
            hoa("thuỷ uỷ tuỳ huỷ luỹ thuý thuỵ"),
            "thủy ủy tùy hủy lũy thúy thụy"
        );
        assert_eq!(hoa("Uỷ ban HOÀ THUỶ KHOẺ"), "Ủy ban HÒA THỦY KHỎE");
    }

    #[test]
    fn second_vowel_style_is_the_mirror() {
        let s = clean_str("hòa thủy Ủy khỏe", ToneStyle::Hoaf);
        assert_eq!(s, "hoà thuỷ Uỷ khoẻ");
    }

    #[test]
    fn leaves_other_rhymes_alone() {
        for w in [
            "quý", "Quỳnh", "hoàng", "ngoài", "khuya", "khuỷu", "giữa", "quốc", "toán", "hoạch",
            "huỳnh", "quyết", "thuyết", "xoáy", "khuấy", "mía", "mùa", "lửa", "tiếng", "thuyền",
            "người", "thuế", "hoặc", "già",
        ] {
            assert_eq!(hoa(w), w, "{w}");
        }
    }

    #[test]
    fn closed_diphthongs_take_the_tone_on_the_second_vowel() {
        for (typo, right) in [
            ("trừơng", "trường"),
            ("bứơc", "bước"),
            ("tìên", "tiền"),
            ("ngừơi", "người"),
            ("múôn", "muốn"),
            ("Vịêt", "Việt"),
            ("khúyên", "khuyến"),
            ("hỉêu", "hiểu"),
            ("TRỪƠNG", "TRƯỜNG"),
            ("giừơng", "giường"),
            ("quýêt", "quyết"),
        ] {
            assert_eq!(hoa(typo), right, "{typo}");
            assert_eq!(clean_str(typo, ToneStyle::Hoaf), right, "{typo}");
            assert_eq!(clean_str(typo, ToneStyle::Keep), typo, "{typo}");
        }
    }

    #[test]
    fn leaves_non_syllables_and_open_rhymes_alone() {
        for w in [
            "trường",
            "bước",
            "tiền",
            "người",
            "muốn",
            "yêu",
            "khuyên",
            "mía",
            "lửa",
            "mùa",
            "thuở",
            "tìênx",
            "bứơcs",
            "cừơ",
            "Ìê",
        ] {
            assert_eq!(hoa(w), w, "{w}");
        }
    }

    #[test]
    fn fixes_qu_typo() {
        assert_eq!(hoa("qúy"), "quý");
    }

    #[test]
    fn maps_glyphs_spaces_and_nfc() {
        assert_eq!(hoa("chƣơng\u{00A0}trình"), "chương trình");
        // NFD input composes.
        let nfd: String = "Kế hoạch".nfd().collect();
        assert_eq!(hoa(&nfd), "Kế hoạch");
        assert_eq!(
            hoa("2021 – 2025 “Sáng” 08h30’"),
            "2021 - 2025 \"Sáng\" 08h30'"
        );
    }

    #[test]
    fn offsets_point_to_sequence_starts() {
        let nfd: String = "hoà".nfd().collect(); // h o a U+0300
        let chars: Vec<(char, u32)> = nfd
            .chars()
            .enumerate()
            .map(|(i, c)| (c, i as u32))
            .collect();
        let mut out = Vec::new();
        clean_line(&chars, ToneStyle::Hoa, &mut out);
        let s: String = out.iter().map(|x| x.0).collect();
        assert_eq!(s, "hòa");
        assert_eq!(out.iter().map(|x| x.1).collect::<Vec<_>>(), vec![0, 1, 2]);
    }
}
