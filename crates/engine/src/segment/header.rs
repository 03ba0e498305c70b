//! The header block (Decree 30 boxes 1–5): issuing body, national motto,
//! number and symbol, place and date, document type and title.
//!
//! Text dumps of two-column headers often merge the columns on one line
//! (`ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`), so the motto is cut
//! out of any line it appears in and what remains is kept in place.

use super::{Para, Piece};
use crate::lexicon::doc_types;
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, Default)]
pub struct Header {
    /// Issuer lines (caps), in order.
    pub issuer_lines: Vec<Piece>,
    /// The number-and-symbol as written (`241/KH-UBND`), when a number is written.
    pub number: Option<Piece>,
    /// The symbol (`KH-UBND`), also when the number is left blank.
    pub symbol: Option<String>,
    pub place: Option<Piece>,
    /// Header date value: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, and where it is.
    pub date: Option<(String, Piece)>,
    /// (type name, abbreviation, where).
    pub kind: Option<(&'static str, &'static str, Piece)>,
    pub title: Option<Piece>,
    /// The addressees of `Kính gửi:` (a Công văn's, at the top).
    pub addressees: Vec<Piece>,
    /// First paragraph after the header and title.
    pub next_para: usize,
}

/// `V/v …`, `Về việc …`: the trích yếu of a document without a type line.
static ABOUT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|\s)(?:V/v|về\s+việc)\s*:?\s*").expect("valid regex"));

/// The phrases of boxes 1 (national motto) and the Party header.
static MOTTO: LazyLock<Regex> = LazyLock::new(|| {
    // Tolerant of the typos and OCR slips real headers carry (`Cộng Hõa`,
    // `ĐÁNG CỘNG SẢN`) and of a motto cut off at the end of a line.
    Regex::new(r"(?i)C[ỘO]NG\s+H(?:[ÒÕÓỎOÔ]A|O[ÀÃÁẢ])\s+X[ÃA]\s+H[ỘO]I(?:\s+CH\w*)?(?:\s+N\w*)?(?:\s+VI\w*)?(?:\s+NAM)?|Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc|Đ[ẢAÁÀẠ]{1,2}NG\s+C[ỘO]NG\s+S[ẢA]N\s+VI[ỆE]T\s+NAM")
        .expect("valid regex")
});

/// `Số: 241/KH-UBND`, `Số: /KH-UBND`, `Số 34-NQ/ĐU`, `Số: 05/2024/QĐ-UBND`.
pub static NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)\bSố\s*:?\s*
        (?P<num>\d{1,5})?\s*
        (?P<sym>
            (?:/\d{4})?/\s*[A-ZĐ][A-Za-zĐđ]*(?:-[A-ZĐ][A-Za-zĐđ&]*)*   # /KH-UBND, /2024/QĐ-UBND
          | -[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ][A-Za-zĐđ]*(?:-[A-ZĐ][A-Za-zĐđ]*)* # -NQ/ĐU
        )",
    )
    .expect("valid regex")
});

/// `Hớn Quản, ngày 02 tháng 12 năm 2025` (day and month may be blank).
static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?P<place>(?:\p{Lu}[\p{Ll}\.'-]*\s+){0,5}\p{Lu}[\p{Ll}\.'-]*)\s*,\s*ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4})",
    )
    .expect("valid regex")
});

/// Does a paragraph open a legal basis?
pub fn is_basis(p: &str) -> bool {
    p.starts_with("Căn cứ")
        || p.starts_with("Thực hiện")
        || p.starts_with("Xét đề nghị")
        || p.starts_with("Theo đề nghị")
}

fn is_caps(s: &str) -> bool {
    s.chars().any(|c| c.is_alphabetic()) && !s.chars().any(|c| c.is_lowercase())
}

/// Find the header parts among the first paragraphs.
pub fn parse_header(text: &str, paras: &[Para]) -> Header {
    let mut h = Header::default();
    let scan = paras.len().min(25);
    let kind_at = (0..scan).find(|&i| {
        let p = paras[i].text(text).trim_end_matches([':', '.', ' ']);
        is_caps(p) && doc_types::abbreviation_of(p).is_some()
    });
    let header_end = kind_at.unwrap_or(0);
    // Without a type line (a Công văn) the header ends where the letter
    // starts: at `Kính gửi` or a basis. A Word table gives each cell's
    // lines in turn (issuer, number, a `V/v` over two lines, then the motto
    // and the date), so the date may come eight paragraphs down.
    let letter_end = || {
        (0..scan.min(10))
            .find(|&i| {
                let p = paras[i].text(text);
                p.starts_with("Kính gửi") || is_basis(p)
            })
            .unwrap_or(scan.min(10))
    };
    let mut number_at = None;
    for (i, para) in paras.iter().enumerate().take(if kind_at.is_none() {
        letter_end()
    } else {
        header_end
    }) {
        let p = para.text(text);
        if h.symbol.is_none() {
            if let Some(c) = NUMBER_LINE.captures(p) {
                let sym = c.name("sym").unwrap();
                let symbol: String = sym
                    .as_str()
                    .trim_start_matches(['/', '-'])
                    .split_whitespace()
                    .collect();
                let symbol = symbol
                    .trim_start_matches(|c: char| c.is_ascii_digit() || c == '/')
                    .to_string();
                h.symbol = Some(symbol);
                if let Some(n) = c.name("num") {
                    let written: String = text[para.start + n.start()..para.start + sym.end()]
                        .split_whitespace()
                        .collect();
                    h.number = Some(Piece {
                        text: written,
                        start: para.start + n.start(),
                        end: para.start + sym.end(),
                    });
                }
                number_at = Some(i);
            }
        }
        if h.date.is_none() {
            if let Some(c) = PLACE_DATE.captures(p) {
                let place = c.name("place").unwrap();
                // The number and symbol may sit on the same line before the place.
                let place_text = strip_number_prefix(place.as_str());
                let offset = place.as_str().len() - place_text.len();
                h.place = Some(Piece {
                    text: place_text.to_string(),
                    start: para.start + place.start() + offset,
                    end: para.start + place.end(),
                });
                let y = &c["y"];
                let value = match (c.name("m"), c.name("d")) {
                    (Some(m), Some(d)) => valid_date(y, m.as_str(), d.as_str()),
                    (Some(m), None) => {
                        Some(format!("{y}-{:02}", m.as_str().parse::<u32>().unwrap_or(0)))
                    }
                    _ => Some(y.to_string()),
                };
                if let Some(v) = value {
                    let m = c.get(0).unwrap();
                    let date_start = para.start
                        + m.as_str()
                            .find("ngày")
                            .map(|x| m.start() + x)
                            .unwrap_or(m.start());
                    h.date = Some((
                        v,
                        Piece {
                            text: text[date_start..para.start + m.end()].to_string(),
                            start: date_start,
                            end: para.start + m.end(),
                        },
                    ));
                }
            }
        }
    }
    // Issuer: what remains of the caps lines above the number line.
    let issuer_end = number_at.unwrap_or(header_end);
    for para in paras.iter().take(issuer_end) {
        for piece in without_motto(text, *para) {
            let Some(piece) = issuing_part(piece) else {
                continue;
            };
            let t = piece
                .text
                .trim_matches(|c: char| c == '*' || c == '-' || c.is_whitespace());
            if is_caps(t) && !t.starts_with("Số") && doc_types::abbreviation_of(t).is_none() {
                h.issuer_lines.push(piece);
            }
        }
    }
    restore_marks(&mut h);
    // Type and title.
    if let Some(k) = kind_at {
        let p = paras[k];
        let name = p.text(text).trim_end_matches([':', '.', ' ']);
        if let Some((canon, abbr)) = doc_types::abbreviation_of(name) {
            h.kind = Some((
                canon,
                abbr,
                Piece {
                    text: name.to_string(),
                    start: p.start,
                    end: p.start + name.len(),
                },
            ));
        }
        let mut j = k + 1;
        if j < paras.len() && super::outline::marker_of(paras[j].text(text)).is_none() {
            let first = paras[j];
            let mut end = first.end;
            let caps_title = is_caps(first.text(text));
            j += 1;
            // A title written in capitals is not joined by the normaliser;
            // its continuation lines are the following caps lines.
            while caps_title
                && j < paras.len()
                && is_caps(paras[j].text(text))
                && super::outline::marker_of(paras[j].text(text)).is_none()
            {
                end = paras[j].end;
                j += 1;
            }
            // A title in sentence case broken by the writer (a Word line
            // break, a second centred paragraph: `… Phó Bí thư Tỉnh ủy, Chủ
            // tịch` / `Ủy ban nhân dân tỉnh tại cuộc họp …`) goes on while
            // its lines stop without punctuation; the body's first sentence
            // ends with one, and the bases, `Kính gửi`, a heading in
            // capitals or a numbered part are never the title.
            let mut extra = 0;
            while !caps_title
                && extra < 3
                && j < paras.len()
                && !ends_sentence(&text[first.start..end])
                && title_continues(paras[j].text(text))
            {
                end = paras[j].end;
                j += 1;
                extra += 1;
            }
            let joined = text[first.start..end]
                .split('\n')
                .collect::<Vec<_>>()
                .join(" ");
            h.title = Some(Piece {
                text: joined,
                start: first.start,
                end,
            });
        }
        h.next_para = j;
        // A Tờ trình (or any type) may address someone after its title.
        read_addressees(text, paras, &mut h);
    } else {
        h.next_para = number_at.map(|n| n + 1).unwrap_or(0);
        if let Some(sym) = &h.symbol {
            if let Some((name, abbr)) = doc_types::kind_of_symbol(sym) {
                let at = h.number.clone().unwrap_or(Piece {
                    text: sym.clone(),
                    start: number_at.map(|i| paras[i].start).unwrap_or(0),
                    end: number_at.map(|i| paras[i].end).unwrap_or(0),
                });
                h.kind = Some((name, abbr, at));
            }
        }
        if number_at.is_some() {
            read_about_and_addressees(text, paras, &mut h);
        }
    }
    h
}

/// A document without a type line (a Công văn): its `V/v …` line is the
/// title, and `Kính gửi:` with its list names the addressees. Both come
/// right after the number (the title may share its line, or the place and
/// date's); the body starts after them.
fn read_about_and_addressees(text: &str, paras: &[Para], h: &mut Header) {
    let mut i = h.next_para.saturating_sub(1);
    let stop = paras.len().min(i + 8);
    while i < stop {
        let para = paras[i];
        let p = para.text(text);
        if h.title.is_none() {
            if let Some(m) = ABOUT.find(p) {
                // What follows `V/v`, less a place and date after it.
                let mut end = p.len();
                if let Some(d) = PLACE_DATE.find(&p[m.end()..]) {
                    end = m.end() + d.start();
                }
                let t = p[m.end()..end].trim().trim_end_matches([',', ';']);
                if !t.is_empty() {
                    h.title = Some(Piece {
                        text: t.to_string(),
                        start: para.start + m.end(),
                        end: para.start + m.end() + t.len(),
                    });
                    h.next_para = i + 1;
                }
            }
        }
        if p.starts_with("Kính gửi") {
            h.next_para = i;
            read_addressees(text, paras, h);
            break;
        }
        i += 1;
    }
}

/// `Kính gửi: X.` or `Kính gửi:` and a list, at `h.next_para` or within
/// the next two paragraphs: the addressees; the body starts after them.
fn read_addressees(text: &str, paras: &[Para], h: &mut Header) {
    let from = h.next_para;
    for i in from..paras.len().min(from + 3) {
        let para = paras[i];
        let p = para.text(text);
        if let Some(rest) = p.strip_prefix("Kính gửi") {
            let rest_at = para.start + "Kính gửi".len();
            let mut items: Vec<(usize, &str)> = Vec::new();
            let inline = rest.trim_start_matches([':', ' ']);
            if !inline.is_empty() {
                items.push((rest_at + (rest.len() - inline.len()), inline));
            }
            let mut j = i + 1;
            while j < paras.len() && j < i + 30 {
                let q = paras[j].text(text);
                if !q.starts_with(['-', '+', '•']) {
                    break;
                }
                items.push((paras[j].start, q));
                j += 1;
            }
            for (start, item) in items {
                let body = item.trim_start_matches(['-', '+', '•', ' ']);
                let t = body.trim_end_matches([';', ',', '.', ' ']);
                if !t.is_empty() {
                    let offset = item.len() - body.len();
                    h.addressees.push(Piece {
                        text: t.to_string(),
                        start: start + offset,
                        end: start + offset + t.len(),
                    });
                }
            }
            h.next_para = j;
            return;
        }
    }
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .trim_end_matches(['"', '\'', ')', '”'])
        .ends_with(['.', ':', ';', '!', '?'])
}

/// Can this paragraph be the next line of a title in sentence case?
fn title_continues(p: &str) -> bool {
    let t = p.trim();
    !t.is_empty()
        && t.chars().count() <= 160
        && !ends_sentence(t)
        && !is_caps(t)
        && !is_basis(t)
        && !t.starts_with("Kính gửi")
        && !t.starts_with("(Kèm theo")
        && !t.starts_with(['-', '+', '•', '*', '_'])
        && super::outline::marker_of(t).is_none()
        && PLACE_DATE.find(t).is_none()
}

fn strip_number_prefix(place: &str) -> &str {
    // `Số: /KH-UBND Hớn Quản` → `Hớn Quản`: the place starts after the symbol.
    match NUMBER_LINE.find(place) {
        Some(m) => place[m.end()..].trim_start(),
        None => place,
    }
}

fn valid_date(y: &str, m: &str, d: &str) -> Option<String> {
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|dt| dt.format("%Y-%m-%d").to_string())
}

/// `Quản Bạ, ngày …` after the body's name on one line (a scan or a
/// layout that puts the date beside the lower issuer line).
static PLACE_DATE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b\p{Lu}\p{Ll}[\p{Ll}\.'-]*(?:\s+\p{Lu}[\p{Ll}\.'-]*){0,4}\s*,\s*ngày\b")
        .expect("valid regex")
});

/// What of a header piece can be part of the issuing body's name: the
/// text before a place and date on the same line, without the specks a
/// scan's rule lines leave (`: . :`, `Ea`, `F` — no letters, one letter,
/// or lower case in a line of capitals) and without the tail of a motto
/// broken over two lines (`VIỆT NAM`).
fn issuing_part(piece: Piece) -> Option<Piece> {
    let mut text = piece.text.as_str();
    if let Some(m) = PLACE_DATE_START.find(text) {
        text = text[..m.start()].trim_end();
    }
    let mut words: Vec<&str> = text.split_whitespace().collect();
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    // `… THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT`: a number ends the name.
    if let Some(i) = words.windows(2).position(|w| {
        matches!(w[0].trim_end_matches(':'), "SỐ" | "Số")
            && w[1].chars().any(|c| c.is_ascii_digit())
    }) {
        words.truncate(i);
    }
    // Running text (`Luật số: 147/2025/QH15`, `Số 1050/QĐ-SCT`) is no speck:
    // a word in lower case of three letters or more leaves the piece as it
    // is, for the caller to refuse.
    if words.iter().any(|w| !is_caps(w) && letters(w) >= 3) {
        return Some(piece);
    }
    let caps_words = words
        .iter()
        .filter(|w| letters(w) >= 2 && is_caps(w))
        .count();
    let kept: Vec<&str> = if caps_words > 0 {
        let name_word = |w: &str| letters(w) >= 2 && is_caps(w) && !w.contains('/');
        (0..words.len())
            .filter(|&i| {
                let w = words[i];
                // A symbol (`/QĐ-SCT`) is never part of a name; `&` and `-`
                // join words of one (`NN&PTNT`, `VĂN HÓA - THÔNG TIN`); one
                // capital between two words of a name is a word (`BỘ Y TẾ`),
                // elsewhere a speck.
                name_word(w)
                    || w == "-"
                    || w == "&"
                    || (letters(w) == 1
                        && is_caps(w)
                        && i > 0
                        && i + 1 < words.len()
                        && name_word(words[i - 1])
                        && name_word(words[i + 1]))
            })
            .map(|i| words[i])
            .collect()
    } else {
        words
    };
    let cleaned = kept.join(" ");
    let cleaned = cleaned.trim_matches(|c: char| c == '-' || c.is_whitespace());
    let folded = crate::record::fold::fold(cleaned);
    if cleaned.is_empty() || folded == "viet nam" {
        return None;
    }
    if cleaned == piece.text {
        return Some(piece);
    }
    // Offsets stay those of the piece's first kept word.
    let start = piece
        .text
        .find(kept.first().copied().unwrap_or(""))
        .map_or(piece.start, |i| piece.start + i);
    Some(Piece {
        text: cleaned.to_string(),
        start,
        end: start + cleaned.len().min(piece.end - start),
    })
}

/// An issuing body typed (or read by OCR) without marks, `XA PHUC KHANH`,
/// whose place the place-and-date line spells with them (`Phúc Khánh,
/// ngày …`): the name takes the marks of the place line, and the level
/// word its own (`XÃ PHÚC KHÁNH`).
fn restore_marks(h: &mut Header) {
    const LEVELS: &[(&str, &str)] = &[
        ("THI TRAN", "THỊ TRẤN"),
        ("THI XA", "THỊ XÃ"),
        ("THANH PHO", "THÀNH PHỐ"),
        ("PHUONG", "PHƯỜNG"),
        ("HUYEN", "HUYỆN"),
        ("QUAN", "QUẬN"),
        ("TINH", "TỈNH"),
        ("XA", "XÃ"),
    ];
    let Some(place) = &h.place else { return };
    let folded_place = crate::record::fold::fold(&place.text);
    if folded_place.is_empty() || place.text.is_ascii() {
        return;
    }
    for line in &mut h.issuer_lines {
        if !line.text.is_ascii() {
            continue;
        }
        let folded = line.text.to_ascii_lowercase();
        let Some(head) = folded.strip_suffix(folded_place.as_str()) else {
            continue;
        };
        let head = line.text[..head.len()].trim_end().to_ascii_uppercase();
        let Some((ascii, marked)) = LEVELS
            .iter()
            .find(|(a, _)| head == *a || head.ends_with(&format!(" {a}")))
        else {
            continue;
        };
        let before = head[..head.len() - ascii.len()].trim_end();
        let name = place.text.to_uppercase();
        line.text = if before.is_empty() {
            format!("{marked} {name}")
        } else {
            format!("{before} {marked} {name}")
        };
    }
}

/// The parts of a paragraph left when the motto phrases are cut out.
fn without_motto(text: &str, para: Para) -> Vec<Piece> {
    let p = para.text(text);
    let mut pieces = Vec::new();
    let mut last = 0;
    let mut push = |a: usize, b: usize| {
        let seg = &p[a..b];
        let lead = seg.len() - seg.trim_start().len();
        let t = seg.trim();
        if !t.is_empty() {
            pieces.push(Piece {
                text: t.to_string(),
                start: para.start + a + lead,
                end: para.start + a + lead + t.len(),
            });
        }
    };
    for m in MOTTO.find_iter(p) {
        push(last, m.start());
        last = m.end();
    }
    push(last, p.len());
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::paragraphs;

    #[test]
    fn merged_two_column_header() {
        let text = "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN HỚN QUẢN Độc lập - Tự do - Hạnh phúc\nSố: /KH-UBND Hớn Quản, ngày tháng năm 2024\nKẾ HOẠCH\nTriển khai thực hiện Chương trình năm 2024\nCăn cứ Quyết định số 1/QĐ-UBND;";
        let paras = paragraphs(text);
        let h = parse_header(text, &paras);
        let issuer: Vec<&str> = h.issuer_lines.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(issuer, vec!["ỦY BAN NHÂN DÂN", "HUYỆN HỚN QUẢN"]);
        assert_eq!(h.symbol.as_deref(), Some("KH-UBND"));
        assert!(h.number.is_none());
        assert_eq!(h.place.as_ref().unwrap().text, "Hớn Quản");
        assert_eq!(h.date.as_ref().unwrap().0, "2024");
        assert_eq!(h.kind.as_ref().unwrap().1, "KH");
        assert_eq!(
            h.title.as_ref().unwrap().text,
            "Triển khai thực hiện Chương trình năm 2024"
        );
        assert_eq!(h.next_para, 5);
    }

    #[test]
    fn typed_or_cut_off_mottos_never_leak_into_the_issuer() {
        for first in [
            "UBND TỈNH LÀO CAI Cộng Hõa xã Hội Chủ N",
            "UBND TỈNH LÀO CAI CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "UBND TỈNH LÀO CAI ĐÁNG CỘNG SẢN VIỆT NAM",
        ] {
            let text = format!("{first}\nSỞ CÔNG THƯƠNG Độc lập - Tự do - Hạnh phúc\nSố: 12/TB-SCT Lào Cai, ngày 09 tháng 4 năm 2026\nTHÔNG BÁO\nKết quả kiểm tra");
            let paras = paragraphs(&text);
            let h = parse_header(&text, &paras);
            let issuer: Vec<&str> = h.issuer_lines.iter().map(|p| p.text.as_str()).collect();
            assert_eq!(issuer, ["UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG"], "{first}");
        }
    }

    #[test]
    fn scan_specks_motto_tails_and_lost_marks_stay_out_of_the_issuer() {
        // As Tesseract reads a scan: a rule line leaves specks, the motto's
        // second line stands alone, one line lost its marks, the date sits
        // beside the lower issuer line.
        let text = "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA\nEa : F VIỆT NAM\nXA PHUC KHANH Độc lập - Tự do - Hạnh phúc\nSố: 57/UBND-VP Phúc Khánh, ngày 03 tháng 4 năm 2025\nV/v ra quân";
        let paras = paragraphs(text);
        let h = parse_header(text, &paras);
        let issuer: Vec<&str> = h.issuer_lines.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(issuer, ["ỦY BAN NHÂN DÂN", "XÃ PHÚC KHÁNH"]);
        let text = "ĐẢNG BỘ TỈNH HÀ GIANG ĐÁẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY QUẢN BẠ Quản Bạ, ngày 22 tháng 8 năm 2025\n*\nSố 146-TB/HU\nTHÔNG BÁO\nKết luận";
        let paras = paragraphs(text);
        let h = parse_header(text, &paras);
        let issuer: Vec<&str> = h.issuer_lines.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(issuer, ["ĐẢNG BỘ TỈNH HÀ GIANG", "HUYỆN ỦY QUẢN BẠ"]);
        // A one-letter word inside a name stays; a number after `SỐ` ends it;
        // running text with a number is no issuer at all.
        for (line, want) in [
            ("BỘ Y TẾ", Some("BỘ Y TẾ")),
            (
                "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT",
                Some("ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH"),
            ),
            ("Luật số: 147/2025/QH15", None),
        ] {
            let text = format!("{line} CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 03 tháng 4 năm 2025\nTHÔNG BÁO\nKết luận");
            let paras = paragraphs(&text);
            let h = parse_header(&text, &paras);
            let issuer: Vec<&str> = h.issuer_lines.iter().map(|p| p.text.as_str()).collect();
            assert_eq!(issuer.first().copied(), want, "{line}");
        }
    }

    #[test]
    fn numbers_state_and_party() {
        let c = NUMBER_LINE.captures("Số: 241/KH-UBND").unwrap();
        assert_eq!(&c["num"], "241");
        assert_eq!(&c["sym"], "/KH-UBND");
        let c = NUMBER_LINE.captures("Số 34-NQ/ĐU").unwrap();
        assert_eq!(&c["sym"], "-NQ/ĐU");
        let c = NUMBER_LINE.captures("Số: 05/2024/QĐ-UBND").unwrap();
        assert_eq!(&c["sym"], "/2024/QĐ-UBND");
    }
}
