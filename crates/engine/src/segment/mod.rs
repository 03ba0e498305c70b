//! Segmentation: normalised text → [`Outline`], by the layout of Decree
//! 30/2020/NĐ-CP.
//!
//! Owns finding the parts of a document — header (issuer, number, place and
//! date), type and title, legal bases, introduction, the numbered outline,
//! closing, recipients, signature and annexes — as byte ranges of the
//! normalised text. It does not extract dates, units or criteria from them.

pub mod closing;
pub mod header;
pub mod outline;

use crate::normalize::Normalized;

/// One paragraph (one line of the normalised text): `[start, end)` in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Para {
    pub start: usize,
    pub end: usize,
}

impl Para {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// A piece of text with its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// The parts of one document.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub paras: Vec<Para>,
    pub header: header::Header,
    /// Legal bases (`Căn cứ…`, `Thực hiện…`) as paragraph indices.
    pub bases: Vec<usize>,
    /// The introductory sentence (`<body> xây dựng kế hoạch … như sau:`).
    pub intro: Option<usize>,
    pub sections: Vec<outline::SectionNode>,
    /// The closing paragraph (`Trên đây là …`).
    pub closing: Option<usize>,
    pub recipients: Vec<Piece>,
    pub signature: Option<closing::SignatureBlock>,
    /// Paragraph index where each annex starts, with its title.
    pub annexes: Vec<Annex>,
    /// First paragraph of the body (after title, bases and intro).
    pub body_start: usize,
    /// One past the last paragraph of the main body.
    pub body_end: usize,
}

#[derive(Debug, Clone)]
pub struct Annex {
    pub title: Option<Piece>,
    pub start: usize,
    pub end: usize,
}

impl Outline {
    /// Whether paragraph `i` is in the main body or an annex (where
    /// criteria, targets and unit mentions are read).
    pub fn in_body_or_annex(&self, i: usize) -> bool {
        (i >= self.body_start && i < self.body_end)
            || self.annexes.iter().any(|a| i >= a.start && i < a.end)
    }

    /// Index of the paragraph holding byte `byte` of the text.
    pub fn para_of(&self, byte: usize) -> usize {
        self.paras
            .partition_point(|p| p.start <= byte)
            .saturating_sub(1)
    }

    /// For every paragraph, the index in `sections` of the innermost
    /// section that covers it (the deepest, then the latest), built in one
    /// pass per nesting level instead of a scan of all sections per lookup.
    pub fn innermost_sections(&self) -> Vec<Option<usize>> {
        let mut owner: Vec<Option<usize>> = vec![None; self.paras.len()];
        let mut order: Vec<usize> = (0..self.sections.len()).collect();
        order.sort_by_key(|&k| (self.sections[k].level, self.sections[k].para));
        for k in order {
            let s = &self.sections[k];
            let end = s.end_para.min(owner.len());
            for slot in owner.iter_mut().take(end).skip(s.para) {
                *slot = Some(k);
            }
        }
        owner
    }
}

/// Paragraphs of the normalised text.
pub fn paragraphs(text: &str) -> Vec<Para> {
    let mut paras = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            paras.push(Para { start, end: i });
            start = i + 1;
        }
    }
    if start < text.len() {
        paras.push(Para {
            start,
            end: text.len(),
        });
    }
    paras
}

/// Segment a normalised document.
pub fn segment(norm: &Normalized) -> Outline {
    let text = &norm.text;
    let paras = paragraphs(text);
    let header = header::parse_header(text, &paras);
    let mut i = header.next_para;

    // Legal bases and the introduction come before the first outline marker.
    let mut bases = Vec::new();
    let mut intro = None;
    while i < paras.len() {
        let p = paras[i].text(text);
        if outline::marker_of(p).is_some() || closing::is_tail_start(p) {
            break;
        }
        if header::is_basis(p) {
            bases.push(i);
        } else if intro.is_none() {
            intro = Some(i);
        } else {
            break; // a second plain paragraph: the body has begun
        }
        i += 1;
    }
    let body_start = i;

    let tail = closing::parse_tail(text, &paras, body_start);
    let body_end = tail.body_end;
    let mut sections = outline::parse_outline(text, &paras, body_start, body_end, None);
    for (k, annex) in tail.annexes.iter().enumerate() {
        let prefix = format!("PL{}", k + 1);
        sections.extend(outline::parse_outline(
            text,
            &paras,
            annex.start,
            annex.end,
            Some(&prefix),
        ));
    }
    Outline {
        paras,
        header,
        bases,
        intro,
        sections,
        closing: tail.closing,
        recipients: tail.recipients,
        signature: tail.signature,
        annexes: tail.annexes,
        body_start,
        body_end,
    }
}
