//! Line layout: raw lines → paragraphs, one per output line.
//!
//! Owns hard-wrap reconstruction (PDF text and text taken from PDFs is
//! wrapped at the page width, often with blank lines between the wrapped
//! lines), page furniture (lone page numbers, rules), Markdown emphasis, and
//! whitespace. Character-level work is delegated to [`super::unicode`].
//! Decisions are made from the shape of the lines (markers, case, width),
//! never from the words of one particular document.

use super::unicode::{clean_line, ToneStyle};
use regex::Regex;
use std::sync::LazyLock;

/// A cleaned, trimmed raw line with its offsets.
struct Line {
    chars: Vec<(char, u32)>,
    /// Raw character offset of the line break after this line.
    end: u32,
    /// A blank raw line comes before this one.
    after_blank: bool,
}

impl Line {
    fn text(&self) -> String {
        self.chars.iter().map(|c| c.0).collect()
    }
}

/// Does the text evidently carry Markdown emphasis? (Paired `**` markers.)
pub fn carries_markdown(raw: &str) -> bool {
    let n = raw.matches("**").count();
    n >= 2 && n.is_multiple_of(2)
}

/// Lines that start a new paragraph whatever precedes them: outline markers,
/// bullets, list items, and the fixed phrases of Decree 30 layout.
static BLOCK_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
            [IVXLC]{1,7}\.(?:\s|$)                 # I.  II.
          | \d{1,2}(?:\.\d{1,2}){0,3}\.(?:\s|$)    # 1.  3.1.
          | \d{1,2}(?:\.\d{1,2}){1,3}\s            # 3.1 (no final dot)
          | Điều\ \d{1,3}[.:]\s                     # Điều 2. (an article)
          | [a-zđ]\)\s                              # a)
          | \(\d{1,2}\)\s                           # (1)
          | [-+*•●○■□▪◦–]\s*\S                      # bullets
          | (?:Căn\ cứ|Thực\ hiện|Nơi\ nhận|Kính\ gửi|Trên\ đây|Số:|TM\.|KT\.|TL\.|TUQ\.|Q\.\ |T/M|K/T|T/L|Phụ\ lục|PHỤ\ LỤC|\(Kèm\ theo)
        )",
    )
    .expect("valid regex")
});

static PAGE_FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\d{1,3}|-\s?\d{1,3}\s?-|[Tt]rang\s+\d{1,3}(?:\s*/\s*\d{1,3})?|[-_=.*~]{3,}|\x0c)$",
    )
    .expect("valid regex")
});

static RANGE_CONTINUATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^-\s*(?:19|20)\d\d\b").expect("valid regex"));
static ENDS_WITH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:19|20)\d\d$").expect("valid regex"));

/// Build the normalised text: returns (text, raw offset per char, raw line
/// starts, paragraph count).
pub fn build(
    raw: &str,
    page_starts: &[usize],
    style: ToneStyle,
    strip_md: bool,
    paragraph_lines: bool,
) -> (String, Vec<u32>, Vec<u32>, usize) {
    let mut line_starts = vec![0u32];
    let mut lines: Vec<Line> = Vec::new();
    let mut raw_line: Vec<(char, u32)> = Vec::new();
    let mut cleaned: Vec<(char, u32)> = Vec::new();
    let mut pos: u32 = 0;
    let mut blank = false;
    let mut finish = |raw_line: &mut Vec<(char, u32)>, end: u32, lines: &mut Vec<Line>| {
        if strip_md {
            strip_emphasis(raw_line);
        }
        clean_line(raw_line, style, &mut cleaned);
        let chars = collapse_spaces(&cleaned);
        raw_line.clear();
        if chars.is_empty() {
            blank = true;
        } else {
            lines.push(Line {
                chars,
                end,
                after_blank: std::mem::take(&mut blank),
            });
        }
    };
    for c in raw.chars() {
        if c == '\n' {
            finish(&mut raw_line, pos, &mut lines);
            line_starts.push(pos + 1);
        } else {
            raw_line.push((c, pos));
        }
        pos += 1;
    }
    finish(&mut raw_line, pos, &mut lines);

    let running = running_lines(&lines, page_starts);
    // A rule (`______`, `-----`) is dropped, but it separates what is above
    // it from what is below: the title it underlines from the body.
    let mut after_rule: Vec<bool> = Vec::with_capacity(lines.len());
    let mut ruled = false;
    let lines: Vec<Line> = lines
        .into_iter()
        .enumerate()
        .filter(|(i, l)| {
            let t = l.text();
            if running.contains(i) || PAGE_FURNITURE.is_match(&t) {
                ruled |= is_rule(&t);
                return false;
            }
            after_rule.push(std::mem::take(&mut ruled));
            true
        })
        .map(|(_, l)| l)
        .collect();
    let texts: Vec<String> = lines.iter().map(Line::text).collect();
    // Blank lines mean paragraph breaks only where they are few: a
    // double-spaced dump has one after every wrapped line.
    let blanks = lines.iter().filter(|l| l.after_blank).count();
    let blanks_part = blanks * 3 <= lines.len();
    // A word processor's paragraphs were never wrapped at a page width:
    // judged as hard-wrapped lines, a long title would take the body's first
    // sentence. Only a soft line break mid-sentence (a lower-case start after
    // an open end) still joins.
    let wrap = if paragraph_lines {
        WrapModel {
            wrapped: false,
            width: 0,
        }
    } else {
        WrapModel::measure(&texts)
    };

    let mut text = String::with_capacity(raw.len());
    let mut offsets: Vec<u32> = Vec::with_capacity(raw.len());
    let mut paragraphs = 0;
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let prev = &texts[i - 1];
            let join = if after_rule[i] {
                Join::No
            } else {
                match wrap.join(prev, &texts[i]) {
                    // After a blank line only a lower-case start continues a
                    // sentence: a full-width line before it is a title or a
                    // paragraph's last line (`… nông thôn mới` + blank +
                    // `Ngày 20/8/2025, …`), not a wrapped one.
                    Join::Space
                        if blanks_part
                            && line.after_blank
                            && !texts[i].starts_with(char::is_lowercase) =>
                    {
                        Join::No
                    }
                    j => j,
                }
            };
            let sep = match join {
                Join::No => Some('\n'),
                Join::Space => Some(' '),
                Join::Tight => None,
            };
            if let Some(sep) = sep {
                text.push(sep);
                offsets.push(lines[i - 1].end);
            }
            if sep == Some('\n') {
                paragraphs += 1;
            }
        }
        for &(c, at) in &line.chars {
            text.push(c);
            offsets.push(at);
        }
    }
    if !lines.is_empty() {
        paragraphs += 1;
    }
    (text, offsets, line_starts, paragraphs)
}

/// Running headers and footers: a line that opens (or closes) at least two
/// pages with the same text, digits aside (`Kế hoạch số 12/KH-UBND`,
/// `Trang 2/7`). Returns the indices of those lines.
fn running_lines(lines: &[Line], page_starts: &[usize]) -> Vec<usize> {
    if page_starts.len() < 2 || lines.is_empty() {
        return Vec::new();
    }
    let page_of = |l: &Line| page_starts.partition_point(|&p| p as u32 <= l.chars[0].1);
    let shape = |l: &Line| -> String {
        l.text()
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let mut firsts: Vec<usize> = Vec::new();
    let mut lasts: Vec<usize> = Vec::new();
    let mut prev_page = usize::MAX;
    for (i, l) in lines.iter().enumerate() {
        let p = page_of(l);
        if p != prev_page {
            firsts.push(i);
            if i > 0 {
                lasts.push(i - 1);
            }
            prev_page = p;
        }
    }
    lasts.push(lines.len() - 1);
    let mut out = Vec::new();
    for group in [&firsts, &lasts] {
        for &i in group.iter() {
            // The document's first line opens its header (the issuing
            // body); an attached plan repeats it at the top of a later page,
            // which makes it no running header.
            if i == 0 {
                continue;
            }
            let sh = shape(&lines[i]);
            let repeats = group.iter().filter(|&&j| shape(&lines[j]) == sh).count();
            if repeats >= 2 && sh.chars().count() <= 80 {
                out.push(i);
            }
        }
    }
    out
}

/// Trim the line and collapse runs of spaces to one (tabs are kept: they
/// separate table cells).
fn collapse_spaces(chars: &[(char, u32)]) -> Vec<(char, u32)> {
    let mut out: Vec<(char, u32)> = Vec::with_capacity(chars.len());
    for &(c, at) in chars {
        if c == ' ' {
            if out.is_empty() || matches!(out.last(), Some((' ', _)) | Some(('\t', _))) {
                continue;
            }
        } else if c == '\t' {
            if let Some((' ', _)) = out.last() {
                out.pop();
            }
        }
        out.push((c, at));
    }
    while matches!(out.last(), Some((' ', _)) | Some(('\t', _))) {
        out.pop();
    }
    // A line of only tabs has no content.
    if out.iter().all(|(c, _)| *c == '\t') {
        out.clear();
    }
    out
}

/// Remove Markdown emphasis markers from one raw line: every `**`, and a
/// single `*` that opens (`*` + non-space) and is later closed (non-space +
/// `*`). A bullet `* ` is left alone.
fn strip_emphasis(line: &mut Vec<(char, u32)>) {
    let mut keep = vec![true; line.len()];
    let mut i = 0;
    let mut singles = Vec::new();
    while i < line.len() {
        if line[i].0 == '*' {
            if i + 1 < line.len() && line[i + 1].0 == '*' {
                keep[i] = false;
                keep[i + 1] = false;
                i += 2;
                continue;
            }
            singles.push(i);
        }
        i += 1;
    }
    let mut open: Option<usize> = None;
    for &s in &singles {
        let next_ok = line.get(s + 1).is_some_and(|c| !c.0.is_whitespace());
        let prev_ok = s > 0 && !line[s - 1].0.is_whitespace();
        match open {
            None if next_ok => open = Some(s),
            Some(o) if prev_ok => {
                keep[o] = false;
                keep[s] = false;
                open = None;
            }
            _ => {}
        }
    }
    let mut k = keep.into_iter();
    line.retain(|_| k.next().unwrap_or(true));
}

enum Join {
    No,
    Space,
    Tight,
}

/// What the line lengths say about hard wrapping.
struct WrapModel {
    /// The text is hard-wrapped (many lines end mid-sentence).
    wrapped: bool,
    /// Typical full-line width in characters.
    width: usize,
}

impl WrapModel {
    fn measure(lines: &[String]) -> WrapModel {
        let mut lens: Vec<usize> = lines
            .iter()
            .filter(|l| !l.contains('\t'))
            .map(|l| l.chars().count())
            .collect();
        lens.sort_unstable();
        let width = if lens.len() < 5 {
            0
        } else {
            lens.get((lens.len() - 1) * 9 / 10).copied().unwrap_or(0)
        };
        let mut open_ends = 0usize;
        for pair in lines.windows(2) {
            if !ends_terminal(&pair[0])
                && !is_block_start(&pair[0], &pair[1])
                && !pair[0].contains('\t')
            {
                open_ends += 1;
            }
        }
        let wrapped = lines.len() >= 4 && open_ends * 5 >= lines.len();
        WrapModel { wrapped, width }
    }

    fn join(&self, prev: &str, next: &str) -> Join {
        if is_block_start(prev, next) || prev.contains('\t') || next.contains('\t') {
            return Join::No;
        }
        // Lines in capitals are headings, header lines and titles: never
        // joined to a neighbour (which also keeps normalisation idempotent).
        if is_caps_line(prev) || is_caps_line(next) {
            return Join::No;
        }
        let first = next.chars().next().unwrap_or(' ');
        let starts_lower = first.is_lowercase();
        let prev_len = prev.chars().count();
        if self.wrapped {
            // `34/NQ-` + `HĐND`: a symbol or range broken after its hyphen.
            if prev.ends_with('-') && !prev.ends_with(" -") {
                return Join::Tight;
            }
            // A lower-case start continues the sentence; so does a digit
            // after a line that stopped mid-phrase (`giai đoạn` + `2021-2025;`).
            if starts_lower || (first.is_ascii_digit() && !ends_terminal(prev)) {
                return Join::Space;
            }
            // Too few or too short lines say nothing about a page width.
            let measurable = self.width >= 30;
            let full = measurable && prev_len * 10 >= self.width * 7;
            let nearly_full = prev_len * 10 >= self.width * 9;
            if full && (!ends_terminal(prev) || nearly_full || !first.is_uppercase()) {
                return Join::Space;
            }
            Join::No
        } else if starts_lower && !ends_terminal(prev) {
            Join::Space
        } else {
            Join::No
        }
    }
}

/// A line of rule characters only.
fn is_rule(line: &str) -> bool {
    line.chars().count() >= 3
        && line
            .chars()
            .all(|c| matches!(c, '-' | '_' | '=' | '*' | '~'))
}

fn ends_terminal(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '\'', ')', '*', ' ']);
    t.ends_with(['.', ';', '!', '?', ':']) || t.is_empty()
}

fn is_block_start(prev: &str, next: &str) -> bool {
    if !BLOCK_START.is_match(next) {
        return false;
    }
    // `Nhiệm kỳ 2020` + `- 2025 đã đề ra`: a year range broken at its dash.
    !(RANGE_CONTINUATION.is_match(next) && ENDS_WITH_YEAR.is_match(prev))
}

/// A line written all in capitals (a heading, a header line, a title).
fn is_caps_line(line: &str) -> bool {
    let mut letters = 0;
    for c in line.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(raw: &str) -> String {
        build(raw, &[], ToneStyle::Hoa, carries_markdown(raw), false).0
    }

    #[test]
    fn joins_hard_wrapped_lines_with_blank_lines_between() {
        let raw = "I. MỤC ĐÍCH, YÊU CẦU \n\n1. Mục đích \n\n- Tạo khí thế sôi nổi, thi đua yêu nước, hăng say lao động, sản xuất ở \n\ncấp, ngành, đơn vị, địa phương ngay từ những ngày đầu Xuân, góp phần thực \n\nhiện thắng lợi các mục tiêu Nghị quyết Đại hội Đảng các cấp Nhiệm kỳ 2020 \n\n- 2025 đã đề ra. \n\n- Phát huy sức mạnh của cả hệ thống chính trị trong việc tuyên truyền, \n\nnâng cao nhận thức.\n";
        let out = norm(raw);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "I. MỤC ĐÍCH, YÊU CẦU");
        assert_eq!(lines[1], "1. Mục đích");
        assert!(lines[2].starts_with("- Tạo khí thế"));
        assert!(
            lines[2].ends_with("Nhiệm kỳ 2020 - 2025 đã đề ra."),
            "{}",
            lines[2]
        );
        assert_eq!(lines[3], "- Phát huy sức mạnh của cả hệ thống chính trị trong việc tuyên truyền, nâng cao nhận thức.");
        assert_eq!(lines.len(), 4);
    }

    /// A body of full-width wrapped lines, so that the text reads as
    /// hard-wrapped, with a title before it.
    const WRAPPED_BODY: &str = "Ủy ban nhân dân xã đề nghị Ban nhân dân các thôn tổ chức ra quân làm\nđường giao thông nông thôn vào ngày 12/4/2025 và báo cáo kết quả thực\nhiện về Văn phòng HĐND và UBND xã trước ngày 20/4/2025 để tổng hợp, báo\ncáo Chủ tịch Ủy ban nhân dân xã theo quy định hiện hành của pháp luật.\n";

    #[test]
    fn a_blank_line_ends_a_full_width_title() {
        let title = "Kết luận của Ban Thường vụ Huyện ủy về tiến độ xây dựng nông thôn mới";
        let raw =
            format!("THÔNG BÁO\n{title}\n\nNgày 20/8/2025, Ban Thường vụ họp.\n{WRAPPED_BODY}");
        let out = norm(&raw);
        assert_eq!(out.lines().nth(1), Some(title), "{out}");
        // Without the blank line the same lines are one wrapped paragraph.
        let out = norm(&raw.replace("\n\n", "\n"));
        assert!(
            out.lines().nth(1).unwrap().contains("Ngày 20/8/2025"),
            "{out}"
        );
    }

    #[test]
    fn word_processor_paragraphs_are_not_joined() {
        let raw = format!("Xây dựng xã nông thôn mới nâng cao năm 2025 trên địa bàn huyện Văn Quan\nCăn cứ Kế hoạch số 92/KH-UBND.\n{WRAPPED_BODY}");
        let (out, ..) = build(&raw, &[], ToneStyle::Hoa, false, true);
        assert!(
            out.starts_with(
                "Xây dựng xã nông thôn mới nâng cao năm 2025 trên địa bàn huyện Văn Quan\nCăn cứ"
            ),
            "{out}"
        );
        // A soft line break mid-sentence still joins.
        let (out, ..) = build(
            "Ủy ban nhân dân xã đề nghị\ncác thôn ra quân.",
            &[],
            ToneStyle::Hoa,
            false,
            true,
        );
        assert_eq!(out, "Ủy ban nhân dân xã đề nghị các thôn ra quân.");
    }

    #[test]
    fn drops_page_numbers_and_rules() {
        let out = norm("Dòng một của văn bản\n1\n-----\nDòng hai\n");
        assert!(!out.lines().any(|l| l == "1" || l == "-----"), "{out}");
    }

    #[test]
    fn strips_markdown_emphasis_but_not_bullets() {
        let raw = "- **Đợt 1:** Thứ Bảy, ngày 06/12/2025;\nbáo cáo (*qua phòng Kinh tế trước ngày 05 hàng tháng*)\n* Có 17/19 tiêu chí\n**TM. ỦY BAN\nCHỦ TỊCH**\n";
        let out = norm(raw);
        assert!(out.contains("- Đợt 1: Thứ Bảy"));
        assert!(out.contains("(qua phòng Kinh tế trước ngày 05 hàng tháng)"));
        assert!(out.contains("* Có 17/19"));
        assert!(out.contains("TM. ỦY BAN\nCHỦ TỊCH"));
    }

    #[test]
    fn offsets_map_every_char() {
        let raw = "Căn cứ Quyết  định số 1360/QĐ-\nUBND ngày 28/7/2022;";
        let (text, offs, _, _) = build(raw, &[], ToneStyle::Hoa, false, false);
        assert_eq!(text.chars().count(), offs.len());
        let raw_chars: Vec<char> = raw.chars().collect();
        for (c, o) in text.chars().zip(&offs) {
            if c != ' ' && c != '\n' {
                assert_eq!(raw_chars[*o as usize], c);
            }
        }
    }

    #[test]
    fn keeps_unwrapped_paragraphs_apart() {
        let raw = "Căn cứ Nghị quyết Đại hội đại biểu Đảng bộ xã Phú Lạc lần thứ I, nhiệm kỳ 2025-2030;\n\nUBND xã Phú Lạc xây dựng Kế hoạch tổ chức thực hiện ra quân xây dựng nông thôn mới, như sau:\n\nI. MỤC ĐÍCH\n\n1. Mục đích\n\n- Phát huy vai trò.\n";
        let out = norm(raw);
        assert_eq!(out.lines().count(), 5, "{out}");
    }
}
