//! Canonical names of bodies (issuers, cited issuers, responsible units).
//!
//! Expands abbreviations, unifies casing of known body names and spelling
//! (`&` → `và`), turns all-caps header lines into sentence case with place
//! names in title case, and completes a bare level word (`UBND huyện`) with
//! the document's own place. Owns no recognition: callers pass the name.

use crate::lexicon::abbreviations::{
    ABBREVIATIONS, ADMIN_LEVELS, BODY_NAMES, FIXED_PHRASES, PARTY_LEVELS,
};
use crate::record::vocab::Level;

static SPACED_DASH: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\s+-\s*|\s*-\s+").expect("valid regex"));

/// The document's own place, used to complete names that omit it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HomePlaces {
    /// (level word as written canonically, place name), e.g. ("huyện", "Đăk Hà").
    pub places: Vec<(String, String)>,
}

impl HomePlaces {
    pub fn name_for(&self, level_word: &str) -> Option<&str> {
        self.places
            .iter()
            .find(|(l, _)| l == level_word)
            .map(|(_, n)| n.as_str())
    }
}

/// Canonical form of a body name.
pub fn canonical_body(text: &str, home: &HomePlaces) -> String {
    let mut s = text
        .trim()
        .trim_end_matches([',', ';', '.', ':'])
        .replace(" & ", " và ");
    s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let all_caps = !s.chars().any(|c| c.is_lowercase());
    s = expand_abbreviations(&s);
    if all_caps {
        s = caps_to_canonical(&s);
    }
    s = unify_body_casing(&s);
    s = s
        .replace("&", " và ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // `chính trị -xã hội` → `chính trị - xã hội`: a spaced dash in a name.
    s = SPACED_DASH.replace_all(&s, " - ").into_owned();
    for phrase in FIXED_PHRASES {
        let lower = phrase.to_lowercase();
        if let Some(i) = s.to_lowercase().find(&lower) {
            if s.len() == s.to_lowercase().len() && lower.len() == phrase.len() {
                s.replace_range(i..i + phrase.len(), phrase);
            }
        }
    }
    complete_place(&s, home)
}

/// Replace whole-token abbreviations by their expansions.
pub fn expand_abbreviations(s: &str) -> String {
    let mut out = Vec::new();
    for token in s.split(' ') {
        let core = token.trim_matches(|c: char| matches!(c, ',' | ';' | '.' | ':' | '(' | ')'));
        if let Some((_, exp)) = ABBREVIATIONS.iter().find(|(a, _)| *a == core) {
            out.push(token.replacen(core, exp, 1));
        } else {
            out.push(token.to_string());
        }
    }
    out.join(" ")
}

/// `ỦY BAN NHÂN DÂN HUYỆN HỚN QUẢN` → `Ủy ban nhân dân huyện Hớn Quản`.
fn caps_to_canonical(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut out = String::new();
    let mut rest: &str = &lower;
    'outer: while !rest.is_empty() {
        let trimmed = rest.trim_start();
        if trimmed.len() != rest.len() {
            out.push(' ');
            rest = trimmed;
            continue;
        }
        for body in BODY_NAMES {
            let bl = body.to_lowercase();
            if rest.starts_with(&bl) && word_end(rest, bl.len()) {
                out.push_str(body);
                rest = &rest[bl.len()..];
                continue 'outer;
            }
        }
        for (level, _) in ADMIN_LEVELS {
            if rest.starts_with(level) && word_end(rest, level.len()) {
                out.push_str(level);
                rest = &rest[level.len()..];
                continue 'outer;
            }
        }
        let end = rest.find(' ').unwrap_or(rest.len());
        // Connectives stay lower case inside a name (`Văn phòng HĐND và UBND`).
        match &rest[..end] {
            w @ ("và" | "các" | "của" | "thuộc") if !out.is_empty() => out.push_str(w),
            w => out.push_str(&title_word(w)),
        }
        rest = &rest[end..];
    }
    out
}

fn word_end(s: &str, at: usize) -> bool {
    s[at..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// `hớn` → `Hớn`.
pub fn title_word(w: &str) -> String {
    let mut cs = w.chars();
    match cs.next() {
        Some(f) => f
            .to_uppercase()
            .chain(cs.flat_map(|c| c.to_lowercase()))
            .collect(),
        None => String::new(),
    }
}

/// Give known body names their canonical casing wherever they occur.
fn unify_body_casing(s: &str) -> String {
    let mut out = s.to_string();
    // Replacing a name by its canonical casing leaves the lower-case text
    // unchanged, so it is computed once; lower-casing keeps byte lengths
    // for Vietnamese letters, so offsets found in it are valid in `out`.
    let lower = out.to_lowercase();
    if lower.len() != out.len() {
        return out;
    }
    for (body, bl) in BODY_NAMES.iter().zip(BODY_NAMES_LOWER.iter()) {
        let mut search_from = 0;
        while let Some(pos) = lower[search_from..]
            .find(bl.as_str())
            .map(|p| p + search_from)
        {
            let end = pos + bl.len();
            // Only where a name starts (the whole string, or after a list
            // separator): `cơ sở` must not become `cơ Sở`. Written with a
            // capital, it is a name (`Ủy viên Ban chấp hành`).
            let head = &lower[..pos];
            let capitalised = out[pos..].chars().next().is_some_and(char::is_uppercase);
            let starts_name = pos == 0
                || capitalised
                || head.ends_with(", ")
                || head.ends_with(" và ")
                || head.ends_with("- ")
                || head.ends_with('(');
            if starts_name && word_end(&lower, end) {
                out.replace_range(pos..end, body);
            }
            search_from = end;
        }
    }
    out
}

/// [`BODY_NAMES`] in lower case, computed once.
pub static BODY_NAMES_LOWER: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| BODY_NAMES.iter().map(|b| b.to_lowercase()).collect());

/// `Ủy ban nhân dân huyện` in a plan of huyện Đăk Hà → `… huyện Đăk Hà`.
/// A level word is completed where a name would follow it (at the end, or
/// before `, `, ` và `, ` (`) unless it is plural or generic (`các xã`,
/// `toàn xã`) or part of a compound (`Hợp tác xã`).
fn complete_place(s: &str, home: &HomePlaces) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let words: Vec<&str> = s.split(' ').collect();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        out.push_str(w);
        // Try two-word levels first (`thị trấn`), then one-word.
        let mut matched = None;
        for (level, _) in ADMIN_LEVELS {
            let parts: Vec<&str> = level.split(' ').collect();
            if i + 1 >= parts.len() {
                let start = i + 1 - parts.len();
                let cand: Vec<&str> = words[start..=i].to_vec();
                let last = cand.last().unwrap().trim_end_matches([',', ';']);
                let mut c2 = cand.clone();
                *c2.last_mut().unwrap() = last;
                if c2.join(" ") == *level {
                    matched = Some((start, level));
                    break;
                }
            }
        }
        if let Some((start, level)) = matched {
            let prev = if start > 0 {
                words[start - 1].to_lowercase()
            } else {
                String::new()
            };
            let next = words.get(i + 1).copied();
            let at_end = next.is_none()
                || w.ends_with(',')
                || next == Some("và")
                || next.is_some_and(|n| n.starts_with('('));
            let blocked = matches!(
                prev.as_str(),
                "các" | "toàn" | "mỗi" | "từng" | "tác" | "những"
            ) || start == 0;
            if at_end && !blocked {
                if let Some(name) = home.name_for(level) {
                    let comma = w.ends_with(',');
                    if comma {
                        out.pop();
                    }
                    out.push(' ');
                    out.push_str(name);
                    if comma {
                        out.push(',');
                    }
                }
            }
        }
        i += 1;
        if i < words.len() {
            out.push(' ');
        }
    }
    out
}

/// Level of a body from its canonical name: `huyen` for `… huyện Hớn Quản`
/// or `Huyện ủy`.
pub fn level_of(name: &str) -> Option<Level> {
    let lower = name.to_lowercase();
    for (word, level) in PARTY_LEVELS {
        if lower.contains(word) {
            return Some(*level);
        }
    }
    let mut best: Option<(usize, Level)> = None;
    for (word, level) in ADMIN_LEVELS {
        for (pos, _) in lower.match_indices(word) {
            let before_ok = pos == 0 || lower[..pos].ends_with(' ');
            if before_ok && word_end(&lower, pos + word.len()) && best.is_none_or(|(p, _)| pos > p)
            {
                best = Some((pos, *level));
            }
        }
    }
    best.map(|(_, l)| l)
}

/// The (level word, place name) a canonical body name ends with:
/// `Ủy ban nhân dân huyện Đăk Hà` → (`huyện`, `Đăk Hà`).
pub fn place_of(name: &str) -> Option<(String, String)> {
    let lower = name.to_lowercase();
    // Offsets found in `lower` are used in `name`: only where lower-casing
    // kept every byte length (it does for Vietnamese letters).
    if lower.len() != name.len() {
        return None;
    }
    let mut best: Option<(usize, &str)> = None;
    for (word, _) in ADMIN_LEVELS {
        for (pos, _) in lower.match_indices(word) {
            let before_ok = pos == 0 || lower[..pos].ends_with(' ');
            if before_ok
                && lower[pos + word.len()..].starts_with(' ')
                && best.is_none_or(|(p, _)| pos > p)
            {
                best = Some((pos, word));
            }
        }
    }
    let (pos, word) = best?;
    let place = name[pos + word.len()..].trim();
    let first = place.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    // The place name is the run of capitalised words.
    let words: Vec<&str> = place
        .split(' ')
        .take_while(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .collect();
    if words.is_empty() {
        return None;
    }
    Some((word.to_string(), words.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn home(level: &str, name: &str) -> HomePlaces {
        HomePlaces {
            places: vec![(level.into(), name.into())],
        }
    }

    #[test]
    fn header_caps_become_canonical() {
        let h = HomePlaces::default();
        assert_eq!(
            canonical_body("ỦY BAN NHÂN DÂN HUYỆN HỚN QUẢN", &h),
            "Ủy ban nhân dân huyện Hớn Quản"
        );
        assert_eq!(canonical_body("BAN CHỈ ĐẠO XÃ", &h), "Ban Chỉ đạo xã");
    }

    #[test]
    fn expands_and_completes() {
        let h = home("huyện", "Hớn Quản");
        assert_eq!(
            canonical_body("UBND huyện", &h),
            "Ủy ban nhân dân huyện Hớn Quản"
        );
        assert_eq!(
            canonical_body("UBND tỉnh Bình Phước", &h),
            "Ủy ban nhân dân tỉnh Bình Phước"
        );
        assert_eq!(
            canonical_body("Ban thường vụ huyện ủy", &h),
            "Ban Thường vụ Huyện ủy"
        );
        assert_eq!(
            canonical_body("Sở NN&PTNT", &h),
            "Sở Nông nghiệp và Phát triển nông thôn"
        );
        assert_eq!(
            canonical_body("Ban chấp hành Đảng bộ xã", &home("xã", "Quang Trung")),
            "Ban Chấp hành Đảng bộ xã Quang Trung"
        );
    }

    #[test]
    fn levels_and_places() {
        assert_eq!(level_of("Ủy ban nhân dân huyện Đăk Hà"), Some(Level::Huyen));
        assert_eq!(level_of("Ban Thường vụ Huyện ủy"), Some(Level::Huyen));
        assert_eq!(level_of("Ủy ban nhân dân xã Phú Lạc"), Some(Level::Xa));
        assert_eq!(
            place_of("Ủy ban nhân dân xã Phú Lạc"),
            Some(("xã".to_string(), "Phú Lạc".to_string()))
        );
    }
}
