//! The end of a document: closing sentence, recipients (`Nơi nhận`), the
//! signature block (TM. / KT. / TL. …, titles, name) and annexes after it.
//!
//! In text taken from a two-column layout the recipients and the signature
//! can come in either order; both orders are accepted. Real offices lay the
//! closing out side by side — `Nơi nhận:` and its list on the left, the
//! authority lines, title and name on the right, on the same lines — so
//! each line of the closing is first split into its columns ([`split_line`]:
//! at a tab, before a mid-line authority prefix, before a trailing caps
//! title, a trailing name or a `(Đã ký)` note) and the two columns are read
//! on their own: recipients from the left one only.

use super::{Annex, Para, Piece};
use crate::record::vocab::Authority;
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, Default)]
pub struct SignatureBlock {
    /// (normalised prefix `TM.`/`KT.`…, the body or title after it).
    pub authorities: Vec<(Authority, Piece)>,
    /// Title lines under the authority lines (`PHÓ CHỦ TỊCH`).
    pub positions: Vec<Piece>,
    pub name: Option<Piece>,
    pub start: usize,
    pub end: usize,
    /// Paragraph after the block.
    pub next_para: usize,
}

pub struct Tail {
    pub body_end: usize,
    pub closing: Option<usize>,
    pub recipients: Vec<Piece>,
    pub signature: Option<SignatureBlock>,
    pub annexes: Vec<Annex>,
}

/// `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, `T/M BAN THƯỜNG VỤ`, `Q. CHỦ TỊCH`.
static AUTHORITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<p>TM\.|KT\.|TL\.|TUQ\.|Q\.|T/M\.?|K/T\.?|T/L\.?|TM\b|KT\b)\s*(?P<rest>.*)$")
        .expect("valid regex")
});

/// Titles that head a signature when no authority prefix is written.
const POSITIONS: &[&str] = &[
    "CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "BÍ THƯ",
    "PHÓ BÍ THƯ",
    "TRƯỞNG BAN",
    "PHÓ TRƯỞNG BAN",
    "GIÁM ĐỐC",
    "PHÓ GIÁM ĐỐC",
    "TRƯỞNG PHÒNG",
    "PHÓ TRƯỞNG PHÒNG",
    "CHÁNH VĂN PHÒNG",
    "THỦ TRƯỞNG",
];

pub fn is_tail_start(p: &str) -> bool {
    p.starts_with("Nơi nhận") || AUTHORITY.is_match(p)
}

/// An authority prefix inside a line (the right column of a side-by-side
/// closing): `Nơi nhận: KT. CHỦ TỊCH`.
static AUTHORITY_INSIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s(?:TM\.|KT\.|TL\.|TUQ\.|T/M\.?|K/T\.?|T/L\.?)\s*\p{Lu}").expect("valid regex")
});

/// One line of the closing split into its columns.
#[derive(Debug, Clone, Default, PartialEq)]
struct Cells {
    para: usize,
    left: Option<Piece>,
    right: Option<Piece>,
}

fn trimmed_piece(text: &str, start: usize, end: usize) -> Option<Piece> {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    (!t.is_empty()).then(|| Piece {
        text: t.to_string(),
        start: start + lead,
        end: start + lead + t.len(),
    })
}

/// A title line: caps words only (`PHÓ CHỦ TỊCH`), not a typist's file
/// code printed beside the signature (`LNT_VP3_KH12`).
fn is_title(p: &str) -> bool {
    is_caps(p)
        && p.chars().count() <= 40
        && p.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-')
}

/// One token of letters with digits or underscores: `Lnt_vp3_kh12`.
fn is_file_code(p: &str) -> bool {
    !p.contains(' ')
        && p.chars().any(|c| c == '_' || c.is_ascii_digit())
        && p.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

/// Whether a line belongs to the signature column as a whole.
fn is_signature_line(p: &str) -> bool {
    AUTHORITY.is_match(p)
        || (is_caps(p) && p.chars().count() <= 40)
        || is_person_name(p)
        || is_signed_note(p)
        || is_file_code(p)
}

/// `(Đã ký)`, `(đã ký)`, `(Ký, đóng dấu)`, `(Ký tên, đóng dấu)`.
fn is_signed_note(p: &str) -> bool {
    let l = p.to_lowercase();
    l.starts_with('(') && l.ends_with(')') && (l.contains("ký") || l.contains("dấu"))
}

/// Split paragraph `i` of the closing into left and right columns.
fn split_line(text: &str, paras: &[Para], i: usize) -> Cells {
    let para = paras[i];
    let p = para.text(text);
    let at = |k: usize| para.start + k;
    let cells = |split: usize, right_from: usize| Cells {
        para: i,
        left: trimmed_piece(text, para.start, at(split)),
        right: trimmed_piece(text, at(right_from), para.end),
    };
    // A tab: a table cell or a column gap kept by ingest.
    if let (Some(first), Some(last)) = (p.find('\t'), p.rfind('\t')) {
        return cells(first, last + 1);
    }
    let is_left_start = p.starts_with(['-', '+', '•']) || p.starts_with("Nơi nhận");
    if !is_left_start {
        return Cells {
            para: i,
            left: None,
            right: trimmed_piece(text, para.start, para.end),
        };
    }
    // A mid-line authority prefix.
    if let Some(m) = AUTHORITY_INSIDE.find(p) {
        return cells(m.start(), m.start() + 1);
    }
    // A trailing caps title, name or note after the end of a list item.
    let ends_item = |k: usize| p[..k].trim_end().ends_with([';', ',', '.', ':', ')']);
    let words: Vec<(usize, &str)> = p
        .split(' ')
        .scan(0usize, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .collect();
    for (k, &(start, _)) in words.iter().enumerate().skip(1) {
        let rest = &p[start..];
        let n = words.len() - k;
        let caps_title = n >= 2
            && is_caps(rest)
            && rest.chars().count() <= 40
            && rest.chars().all(|c| c.is_alphabetic() || c == ' ');
        if (caps_title || is_person_name(rest) || is_signed_note(rest)) && ends_item(start) {
            return cells(start, start);
        }
    }
    Cells {
        para: i,
        left: trimmed_piece(text, para.start, para.end),
        right: None,
    }
}

fn is_caps(s: &str) -> bool {
    s.chars().any(|c| c.is_alphabetic()) && !s.chars().any(|c| c.is_lowercase())
}

/// A person's name: 2–6 capitalised words of letters.
fn is_person_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(|c| c.is_uppercase()) && cs.all(|c| c.is_lowercase())
        })
}

fn normalise_prefix(p: &str) -> Authority {
    match p.trim_end_matches('.') {
        "T/M" | "TM" => Authority::Tm,
        "K/T" | "KT" => Authority::Kt,
        "T/L" | "TL" => Authority::Tl,
        "TUQ" => Authority::Tuq,
        _ => Authority::Q,
    }
}

pub fn parse_tail(text: &str, paras: &[Para], body_start: usize) -> Tail {
    let n = paras.len();
    let find = |pred: &dyn Fn(&str) -> bool| (body_start..n).find(|&i| pred(paras[i].text(text)));
    let recipients_at = find(&|p| p.starts_with("Nơi nhận"));
    let mut sig_at = find(&|p| AUTHORITY.is_match(p));
    // Side by side: the signature starts on a line of the recipients.
    if let Some(r) = recipients_at {
        let inside = (r..n.min(r + 40)).find(|&i| split_line(text, paras, i).right.is_some());
        if let Some(i) = inside {
            if sig_at.is_none_or(|s| i < s) {
                sig_at = Some(i);
            }
        }
    }
    if sig_at.is_none() {
        // No prefix: a bare title line followed by a name, after the body.
        sig_at = (body_start..n.saturating_sub(1)).rev().find(|&i| {
            POSITIONS.contains(&paras[i].text(text)) && is_person_name(paras[i + 1].text(text))
        });
    }
    let tail_start = match (recipients_at, sig_at) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => n,
    };
    // An annex with no signature before it (drafts, extracts) still ends
    // the body.
    let annex_at = find(&|p| p.to_lowercase().starts_with("phụ lục") && is_caps(p));
    let (tail_start, annex_only) = match annex_at {
        Some(a) if a < tail_start => (a, true),
        _ => (tail_start, false),
    };
    let closing = (body_start..tail_start)
        .rev()
        .take(4)
        .find(|&i| paras[i].text(text).starts_with("Trên đây"));
    let body_end = closing.unwrap_or(tail_start);

    // The closing's lines, split into columns from where it starts.
    let cells: Vec<Cells> = (tail_start.min(n)..n)
        .take(60)
        .map(|i| split_line(text, paras, i))
        .collect();
    let mut recipients = Vec::new();
    let mut after_recipients = recipients_at.map(|i| i + 1).unwrap_or(0);
    if let Some(r) = recipients_at {
        let mut seen_list = false;
        for c in cells.iter().filter(|c| c.para >= r) {
            let Some(left) = &c.left else {
                // A right-only line inside the list (the signature's blank
                // lines and title) does not end it; a line after it does.
                if seen_list
                    && c.right
                        .as_ref()
                        .is_some_and(|p| !is_signature_line(&p.text))
                {
                    break;
                }
                continue;
            };
            let body = left
                .text
                .strip_prefix("Nơi nhận")
                .map(|rest| rest.trim_start_matches([':', ' ']).to_string());
            let item_text = body.as_deref().unwrap_or(&left.text);
            let Some(item) = item_text.strip_prefix(['-', '+', '•']) else {
                if body.is_some() {
                    continue; // `Nơi nhận:` alone
                }
                break;
            };
            let item = item.trim().trim_end_matches([';', ',', '.', ' ']);
            if item.is_empty() {
                continue;
            }
            let offset = left.text.find(item).unwrap_or(0);
            recipients.push(Piece {
                text: item.to_string(),
                start: left.start + offset,
                end: left.start + offset + item.len(),
            });
            seen_list = true;
            after_recipients = c.para + 1;
        }
    }

    let signature = sig_at.map(|s| {
        let right: Vec<(usize, Piece)> = cells
            .iter()
            .filter(|c| c.para >= s)
            .filter_map(|c| c.right.clone().map(|p| (c.para, p)))
            .collect();
        let mut block = parse_signature(&right, paras[s].start);
        if block.next_para == 0 {
            block.next_para = s + 1;
        }
        block
    });
    let annex_from = if annex_only {
        tail_start
    } else {
        signature
            .as_ref()
            .map(|s| s.next_para)
            .unwrap_or(n)
            .max(after_recipients)
            .max(tail_start)
    };
    let annexes = parse_annexes(text, paras, annex_from);
    Tail {
        body_end,
        closing,
        recipients,
        signature,
        annexes,
    }
}

/// Read the signature column: authority lines, titles, notes, the name.
/// `lines` are (paragraph, piece) of the right column in order; the block
/// stops at the name, or at the first line that is none of these.
fn parse_signature(lines: &[(usize, Piece)], start: usize) -> SignatureBlock {
    let mut block = SignatureBlock {
        start,
        end: start,
        ..Default::default()
    };
    for (para, line) in lines {
        let p = line.text.as_str();
        if let Some(c) = AUTHORITY.captures(p) {
            let rest = c.name("rest").unwrap();
            block.authorities.push((
                normalise_prefix(&c["p"]),
                Piece {
                    text: rest.as_str().to_string(),
                    start: line.start + rest.start(),
                    end: line.start + rest.end(),
                },
            ));
        } else if is_title(p) && block.positions.len() < 3 {
            block.positions.push(line.clone());
        } else if (p.starts_with('(') && p.ends_with(')')) || is_file_code(p) {
            // `(Đã ký)`, `(Ký, đóng dấu)`: a note, not a name; `LTH_VP2_KH03`:
            // the typist's file code printed beside the signature.
        } else if is_person_name(p) {
            block.name = Some(line.clone());
            block.end = line.end;
            block.next_para = para + 1;
            break;
        } else {
            break;
        }
        block.end = line.end;
        block.next_para = para + 1;
    }
    block
}

/// The type line (`KẾ HOẠCH`) of a document attached after the signature,
/// when the annex opens with a Decree 30 header: only header lines (caps,
/// the motto, number, place and date) come before it.
fn attached_type_line(text: &str, paras: &[Para], from: usize, end: usize) -> Option<usize> {
    (from..end.min(from + 8)).find(|&i| {
        let p = paras[i].text(text).trim_end_matches([':', '.', ' ']);
        is_caps(p)
            && crate::lexicon::doc_types::abbreviation_of(p).is_some()
            && i > from
            && (from..i).all(|k| {
                let q = paras[k].text(text);
                is_caps(q)
                    || q.contains("Độc lập - Tự do")
                    || q.starts_with("Số")
                    || q.contains(", ngày")
            })
    })
}

fn parse_annexes(text: &str, paras: &[Para], from: usize) -> Vec<Annex> {
    if from >= paras.len() {
        return Vec::new();
    }
    // Each annex opens with a caps title or a `Phụ lục` line.
    let mut starts: Vec<usize> = Vec::new();
    for i in from..paras.len() {
        let p = paras[i].text(text);
        let opens = p.to_lowercase().starts_with("phụ lục")
            || (is_caps(p)
                && (i == from || !is_caps(paras[i - 1].text(text)))
                && starts.is_empty());
        if opens {
            starts.push(i);
        }
    }
    if starts.is_empty() || starts[0] != from {
        starts.insert(0, from);
    }
    let mut annexes = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(paras.len());
        // A document attached to the main one (`KẾ HOẠCH … (Kèm theo
        // Quyết định số …)` after a decision's signature) repeats the
        // Decree 30 header above its type line: its title is the type line
        // and the lines under it, down to `(Kèm theo …)` or its first part.
        if let Some(t) = attached_type_line(text, paras, s, end) {
            let mut j = t + 1;
            while j < end
                && j < t + 5
                && !paras[j].text(text).starts_with("(Kèm theo")
                && super::outline::marker_of(paras[j].text(text)).is_none()
            {
                j += 1;
            }
            let title = Piece {
                text: text[paras[t].start..paras[j - 1].end].replace('\n', " "),
                start: paras[t].start,
                end: paras[j - 1].end,
            };
            while j < end && paras[j].text(text).starts_with("(Kèm theo") {
                j += 1;
            }
            annexes.push(Annex {
                title: Some(title),
                start: j,
                end,
            });
            continue;
        }
        // Title: leading caps lines and `Phụ lục` lines; then an optional
        // `(Kèm theo …)` line.
        let mut j = s;
        while j < end
            && (is_caps(paras[j].text(text))
                || paras[j].text(text).to_lowercase().starts_with("phụ lục"))
        {
            j += 1;
        }
        let title = (j > s).then(|| Piece {
            text: text[paras[s].start..paras[j - 1].end].replace('\n', " "),
            start: paras[s].start,
            end: paras[j - 1].end,
        });
        while j < end && paras[j].text(text).starts_with("(Kèm theo") {
            j += 1;
        }
        annexes.push(Annex {
            title,
            start: j,
            end,
        });
    }
    annexes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::paragraphs;

    #[test]
    fn recipients_signature_and_annex() {
        let text = "Trên đây là Kế hoạch./.\nNơi nhận:\n- VP UBND tỉnh (b/c);\n- Lưu: VT, KT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Minh Vương\nDANH SÁCH PHÂN CÔNG\n(Kèm theo Kế hoạch số /KH-UBND)\n1. UBND xã mời";
        let paras = paragraphs(text);
        let t = parse_tail(text, &paras, 0);
        assert_eq!(t.closing, Some(0));
        assert_eq!(t.body_end, 0);
        let r: Vec<&str> = t.recipients.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(r, vec!["VP UBND tỉnh (b/c)", "Lưu: VT, KT"]);
        let s = t.signature.unwrap();
        assert_eq!(s.authorities.len(), 2);
        assert_eq!(s.authorities[1].0, Authority::Kt);
        assert_eq!(s.positions[0].text, "PHÓ CHỦ TỊCH");
        assert_eq!(s.name.unwrap().text, "Nguyễn Minh Vương");
        assert_eq!(t.annexes.len(), 1);
        assert_eq!(
            t.annexes[0].title.as_ref().unwrap().text,
            "DANH SÁCH PHÂN CÔNG"
        );
        assert_eq!(paras[t.annexes[0].start].text(text), "1. UBND xã mời");
    }

    #[test]
    fn side_by_side_closing_splits_into_columns() {
        // As `pdftotext -layout` text becomes once its spaces are collapsed.
        let text = "Trên đây là Kế hoạch của UBND xã./.\n\
            Nơi nhận: TM. ỦY BAN NHÂN DÂN\n\
            - Như trên; KT. CHỦ TỊCH\n\
            - UBND huyện (để b/c); PHÓ CHỦ TỊCH\n\
            - Các ban, ngành, đoàn thể xã;\n\
            - Lưu: VT, VP.\n\
            LTH_VP2_KH03\n\
            Trần Văn Bình";
        let paras = paragraphs(text);
        let t = parse_tail(text, &paras, 0);
        let r: Vec<&str> = t.recipients.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            r,
            [
                "Như trên",
                "UBND huyện (để b/c)",
                "Các ban, ngành, đoàn thể xã",
                "Lưu: VT, VP"
            ]
        );
        let s = t.signature.unwrap();
        let auth: Vec<(Authority, &str)> = s
            .authorities
            .iter()
            .map(|(a, p)| (*a, p.text.as_str()))
            .collect();
        assert_eq!(
            auth,
            [
                (Authority::Tm, "ỦY BAN NHÂN DÂN"),
                (Authority::Kt, "CHỦ TỊCH")
            ]
        );
        let pos: Vec<&str> = s.positions.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(pos, ["PHÓ CHỦ TỊCH"]);
        assert_eq!(s.name.unwrap().text, "Trần Văn Bình");
        // Cells of a Word table or a PDF column gap: a tab between them.
        let text =
            "Nơi nhận:\tKT. GIÁM ĐỐC\n- Như trên;\tPHÓ GIÁM ĐỐC\n- Lưu: VT.\n(Đã ký)\nLê Thị Hoa";
        let paras = paragraphs(text);
        let t = parse_tail(text, &paras, 0);
        assert_eq!(t.recipients.len(), 2);
        let s = t.signature.unwrap();
        assert_eq!(s.positions[0].text, "PHÓ GIÁM ĐỐC");
        assert_eq!(s.name.unwrap().text, "Lê Thị Hoa");
    }

    #[test]
    fn party_prefix() {
        let text = "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Hữu Tuấn";
        let paras = paragraphs(text);
        let s = parse_tail(text, &paras, 0).signature.unwrap();
        assert_eq!(s.authorities[0].0, Authority::Tm);
        assert_eq!(s.authorities[0].1.text, "BAN THƯỜNG VỤ");
    }
}
