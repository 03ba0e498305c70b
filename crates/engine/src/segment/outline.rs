//! The numbered outline: `I.` / `1.` / `3.1.` / `a)` markers, their nesting,
//! paths (`II.3.1`), headings and canonical kinds.
//!
//! Text dumps carry no indentation, so nesting is inferred from the marker
//! styles and their sequence: a decimal marker nests by its digits, and an
//! Arabic list that restarts at `1.` right after a sibling nests under that
//! sibling. Bullets (`-`, `+`) are items, not sections. The articles of a
//! Quyết định or Nghị quyết (`Điều 1.`) are top-level sections (`Đ1`), as
//! Roman parts are.

use super::{Para, Piece};
use crate::lexicon::sections::kind_of_heading;
use crate::record::vocab::SectionKind;
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub enum MarkerKind {
    Roman(u32),
    Arabic(u32),
    Decimal(Vec<u32>),
    Letter(char),
    /// `Điều 3.` of a legal instrument.
    Article(u32),
}

#[derive(Debug, Clone)]
pub struct Marker {
    pub kind: MarkerKind,
    /// The marker as written (`II.`, `3.1.`, `a)`).
    pub text: String,
    /// Byte length of the marker and the space after it.
    pub len: usize,
}

#[derive(Debug, Clone)]
pub struct SectionNode {
    pub path: String,
    pub level: usize,
    pub marker: String,
    pub heading: Piece,
    pub kind: SectionKind,
    /// Paragraph index of the heading.
    pub para: usize,
    /// One past the last paragraph this section covers (children included).
    pub end_para: usize,
}

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
            Điều\s+(?P<article>\d{1,3})[.:]
          | (?P<roman>[IVXLC]{1,7})\.
          | (?P<dec>\d{1,2}(?:\.\d{1,2}){1,3})\.?
          | (?P<arabic>\d{1,2})\.
          | (?P<letter>[a-zđ])\)
        )(?:\s+|$)",
    )
    .expect("valid regex")
});

fn roman_value(s: &str) -> Option<u32> {
    let v = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        _ => 0,
    };
    let chars: Vec<u32> = s.chars().map(v).collect();
    let mut total = 0i64;
    for (i, &c) in chars.iter().enumerate() {
        if chars.get(i + 1).is_some_and(|&n| n > c) {
            total -= c as i64;
        } else {
            total += c as i64;
        }
    }
    (total > 0 && total < 60).then_some(total as u32)
}

/// The outline marker a paragraph opens with, if any.
pub fn marker_of(p: &str) -> Option<Marker> {
    let c = MARKER.captures(p)?;
    let all = c.get(0).unwrap();
    let kind = if let Some(a) = c.name("article") {
        MarkerKind::Article(a.as_str().parse().ok()?)
    } else if let Some(r) = c.name("roman") {
        MarkerKind::Roman(roman_value(r.as_str())?)
    } else if let Some(d) = c.name("dec") {
        MarkerKind::Decimal(
            d.as_str()
                .split('.')
                .filter_map(|x| x.parse().ok())
                .collect(),
        )
    } else if let Some(a) = c.name("arabic") {
        MarkerKind::Arabic(a.as_str().parse().ok()?)
    } else {
        MarkerKind::Letter(c.name("letter")?.as_str().chars().next()?)
    };
    // A heading needs words after the marker (a lone `1.` is a table cell).
    if all.end() >= p.len() {
        return None;
    }
    Some(Marker {
        kind,
        text: all.as_str().trim_end().to_string(),
        len: all.end(),
    })
}

/// Heading of a section paragraph: after the marker, up to the first colon
/// or sentence end.
pub fn heading_of(p: &str, marker_len: usize) -> (usize, usize) {
    let body = &p[marker_len..];
    let bytes = body.as_bytes();
    let mut end = body.len();
    for (i, ch) in body.char_indices() {
        let prev_digit = i > 0 && bytes[i - 1].is_ascii_digit();
        let next = body[i + ch.len_utf8()..].chars().next();
        if ch == ':' && !(prev_digit && next.is_some_and(|n| n.is_ascii_digit())) {
            end = i;
            break;
        }
        if ch == '.'
            && next.is_none_or(|n| n == ' ')
            && !(prev_digit && next.is_some_and(|n| n.is_ascii_digit()))
        {
            // `...` ellipses are not sentence ends.
            if !body[..i].ends_with('.') && !body[i + 1..].starts_with('.') {
                end = i;
                break;
            }
        }
    }
    let h = body[..end].trim_end_matches([' ', ',', ';', '.', ':']);
    let lead = h.len() - h.trim_start().len();
    (marker_len + lead, marker_len + h.len())
}

/// Parse the outline of paragraphs `[from, to)`. Annex outlines get a path
/// prefix (`PL1`) in place of a Roman part.
pub fn parse_outline(
    text: &str,
    paras: &[Para],
    from: usize,
    to: usize,
    prefix: Option<&str>,
) -> Vec<SectionNode> {
    let mut out: Vec<SectionNode> = Vec::new();
    let mut roman: Option<String> = prefix.map(str::to_string);
    let base_level = if prefix.is_some() { 1 } else { 0 };
    // Last Arabic sibling under the current part: (path, number).
    let mut arabic: Option<(String, u32)> = None;
    // A nested Arabic list: (parent path, last number).
    let mut nested: Option<(String, u32)> = None;
    // Deepest numbered path, for letter items.
    let mut last_numbered: Option<(String, usize)> = None;

    for (i, para) in paras.iter().enumerate().take(to).skip(from) {
        let p = para.text(text);
        let Some(m) = marker_of(p) else { continue };
        let join = |parent: &Option<String>, tail: &str| match parent {
            Some(r) => format!("{r}.{tail}"),
            None => tail.to_string(),
        };
        let (path, level) = match &m.kind {
            MarkerKind::Roman(_) | MarkerKind::Article(_) => {
                let r = match &m.kind {
                    MarkerKind::Article(n) => format!("Đ{n}"),
                    _ => m.text.trim_end_matches('.').to_string(),
                };
                // An annex's parts (a plan attached to a decision has
                // `I.` … `III.`) go under the annex: `PL1.II`.
                let r = match prefix {
                    Some(pl) => format!("{pl}.{r}"),
                    None => r,
                };
                roman = Some(r.clone());
                arabic = None;
                nested = None;
                (r, base_level + 1)
            }
            MarkerKind::Arabic(n) => {
                let n = *n;
                let mut placed = None;
                if let Some((pp, last)) = &nested {
                    if n == last + 1 {
                        placed = Some((format!("{pp}.{n}"), base_level + 3));
                        nested = Some((pp.clone(), n));
                    } else {
                        nested = None;
                    }
                }
                if placed.is_none() {
                    if let Some((ap, last)) = &arabic {
                        if n == 1 && *last >= 1 {
                            placed = Some((format!("{ap}.1"), base_level + 3));
                            nested = Some((ap.clone(), 1));
                        }
                    }
                }
                match placed {
                    Some(x) => x,
                    None => {
                        let path = join(&roman, &n.to_string());
                        arabic = Some((path.clone(), n));
                        (path, base_level + 2)
                    }
                }
            }
            MarkerKind::Decimal(parts) => {
                nested = None;
                let tail: Vec<String> = parts.iter().map(u32::to_string).collect();
                (join(&roman, &tail.join(".")), base_level + 1 + parts.len())
            }
            MarkerKind::Letter(l) => match &last_numbered {
                Some((p, lvl)) => (format!("{p}.{l}"), lvl + 1),
                None => (join(&roman, &l.to_string()), base_level + 2),
            },
        };
        if !matches!(m.kind, MarkerKind::Letter(_)) {
            last_numbered = Some((path.clone(), level));
        }
        let (hs, he) = heading_of(p, m.len);
        let heading = Piece {
            text: p[hs..he].to_string(),
            start: para.start + hs,
            end: para.start + he,
        };
        let kind = kind_of_heading(&heading.text);
        out.push(SectionNode {
            path,
            level,
            marker: m.text,
            heading,
            kind,
            para: i,
            end_para: to,
        });
    }
    // Levels are depths: an outline without Roman numerals (`1.` / `1.1.` /
    // `a)`) starts at level 1 as well, so its `3. Tổ chức thực hiện` is a
    // top-level section like a `III.` would be.
    if prefix.is_none() {
        if let Some(min) = out.iter().map(|s| s.level).min() {
            let top = base_level + 1;
            if min > top {
                for s in out.iter_mut() {
                    s.level -= min - top;
                }
            }
        }
    }
    // A section runs until the next section of the same or a higher level.
    for k in 0..out.len() {
        let level = out[k].level;
        if let Some(next) = out[k + 1..].iter().find(|s| s.level <= level) {
            out[k].end_para = next.para;
        }
    }
    out
}

/// Path of the innermost section covering paragraph `para`.
pub fn section_at(sections: &[SectionNode], para: usize) -> Option<&SectionNode> {
    sections
        .iter()
        .filter(|s| s.para <= para && para < s.end_para)
        .max_by_key(|s| (s.level, s.para))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::paragraphs;

    fn paths(text: &str) -> Vec<(String, usize, String)> {
        let paras = paragraphs(text);
        parse_outline(text, &paras, 0, paras.len(), None)
            .into_iter()
            .map(|s| (s.path, s.level, s.heading.text))
            .collect()
    }

    #[test]
    fn nests_by_style_and_restart() {
        let t = "III. CÁC MỤC TIÊU:\n1. Mục tiêu chung:\ntext\n2. Mục tiêu cụ thể:\n1. Các xã nâng cao:\n- a\n2. Các xã khác:\nIV. NHIỆM VỤ\n1. Toàn huyện:\n2. Các xã:\n2.1. Xã Tân Hưng: Tập trung\na) Giao thông\n3. Khác";
        let got = paths(t);
        let want = [
            ("III", 1, "CÁC MỤC TIÊU"),
            ("III.1", 2, "Mục tiêu chung"),
            ("III.2", 2, "Mục tiêu cụ thể"),
            ("III.2.1", 3, "Các xã nâng cao"),
            ("III.2.2", 3, "Các xã khác"),
            ("IV", 1, "NHIỆM VỤ"),
            ("IV.1", 2, "Toàn huyện"),
            ("IV.2", 2, "Các xã"),
            ("IV.2.1", 3, "Xã Tân Hưng"),
            ("IV.2.1.a", 4, "Giao thông"),
            ("IV.3", 2, "Khác"),
        ];
        let want: Vec<(String, usize, String)> = want
            .iter()
            .map(|(a, b, c)| (a.to_string(), *b, c.to_string()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn headings_stop_at_colon_or_sentence_end() {
        assert_eq!(paths("3.1. Thời gian: Các xã lúc 08:30")[0].2, "Thời gian");
        assert_eq!(
            paths("1. Nâng cao nhận thức. Tăng cường 1.200 người.")[0].2,
            "Nâng cao nhận thức"
        );
        assert_eq!(
            paths("2. Tổ chức lúc 8:30 sáng")[0].2,
            "Tổ chức lúc 8:30 sáng"
        );
        assert!(marker_of("2024 để triển khai").is_none());
        assert!(marker_of("1.200 lao động").is_none());
    }
}
