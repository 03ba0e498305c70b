//! The end of a document: closing sentence, recipients (`Nơi nhận`), the
//! signature block (TM. / KT. / TL. …, titles, name) and annexes after it.
//!
//! In text taken from a two-column layout the recipients and the signature
//! can come in either order; both orders are accepted.

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

fn piece(text: &str, para: Para) -> Piece {
    Piece {
        text: para.text(text).to_string(),
        start: para.start,
        end: para.end,
    }
}

pub fn parse_tail(text: &str, paras: &[Para], body_start: usize) -> Tail {
    let n = paras.len();
    let find = |pred: &dyn Fn(&str) -> bool| (body_start..n).find(|&i| pred(paras[i].text(text)));
    let recipients_at = find(&|p| p.starts_with("Nơi nhận"));
    let mut sig_at = find(&|p| AUTHORITY.is_match(p));
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

    let mut recipients = Vec::new();
    let mut after_recipients = recipients_at.map(|i| i + 1).unwrap_or(0);
    if let Some(r) = recipients_at {
        let mut i = r + 1;
        while i < n {
            let p = paras[i].text(text);
            let Some(item) = p.strip_prefix(['-', '+', '•']) else {
                break;
            };
            let item = item.trim().trim_end_matches([';', ',', '.', ' ']);
            let lead = p.len() - p[1..].trim_start().len();
            recipients.push(Piece {
                text: item.to_string(),
                start: paras[i].start + lead,
                end: paras[i].start + lead + item.len(),
            });
            i += 1;
        }
        after_recipients = i;
    }

    let signature = sig_at.map(|s| parse_signature(text, paras, s));
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

fn parse_signature(text: &str, paras: &[Para], at: usize) -> SignatureBlock {
    let mut block = SignatureBlock {
        start: paras[at].start,
        ..Default::default()
    };
    let mut i = at;
    while i < paras.len() {
        let p = paras[i].text(text);
        if let Some(c) = AUTHORITY.captures(p) {
            let rest = c.name("rest").unwrap();
            block.authorities.push((
                normalise_prefix(&c["p"]),
                Piece {
                    text: rest.as_str().to_string(),
                    start: paras[i].start + rest.start(),
                    end: paras[i].start + rest.end(),
                },
            ));
        } else if is_caps(p) && p.chars().count() <= 40 && block.positions.len() < 3 {
            block.positions.push(piece(text, paras[i]));
        } else if p.starts_with('(') && p.ends_with(')') {
            // `(Đã ký)`, `(Ký, đóng dấu)`: a note, not a name.
        } else if is_person_name(p) {
            block.name = Some(piece(text, paras[i]));
            i += 1;
            break;
        } else {
            break;
        }
        i += 1;
    }
    block.end = paras[i.saturating_sub(1).max(at)].end;
    block.next_para = i;
    block
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
    fn party_prefix() {
        let text = "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Hữu Tuấn";
        let paras = paragraphs(text);
        let s = parse_tail(text, &paras, 0).signature.unwrap();
        assert_eq!(s.authorities[0].0, Authority::Tm);
        assert_eq!(s.authorities[0].1.text, "BAN THƯỜNG VỤ");
    }
}
