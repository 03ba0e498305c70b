//! The normalised text that travels beside a record: what full-text search
//! indexes and what a comparison quotes, without running any stage again.
//!
//! The text has one paragraph per line. Each [`Paragraph`] gives its span
//! (in Unicode scalar values, like every span of the record), its source
//! lines and page, the part of the document it belongs to, and the path of
//! the innermost section that holds it. [`DocumentText::blocks`] groups
//! consecutive paragraphs of one section into the rows a search index wants.
//!
//! ```
//! use vnplan_record::text::{DocumentText, Paragraph, Part};
//!
//! let text = DocumentText {
//!     text: "KẾ HOẠCH\nI. MỤC ĐÍCH\nTuyên truyền sâu rộng.".into(),
//!     paragraphs: vec![
//!         Paragraph { span: [0, 8], line: 1, end_line: 1, page: None, part: Part::Header, section: None },
//!         Paragraph { span: [9, 20], line: 3, end_line: 3, page: None, part: Part::Body, section: Some("I".into()) },
//!         Paragraph { span: [21, 43], line: 4, end_line: 5, page: None, part: Part::Body, section: Some("I".into()) },
//!     ],
//! };
//! let blocks = text.blocks();
//! assert_eq!(blocks.len(), 2);
//! assert_eq!(blocks[1].section.as_deref(), Some("I"));
//! assert_eq!(blocks[1].text, "I. MỤC ĐÍCH\nTuyên truyền sâu rộng.");
//! assert_eq!((blocks[1].line, blocks[1].end_line), (3, 5));
//! assert_eq!(text.slice([21, 32]), "Tuyên truyề");
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Which part of the document (Decree 30/2020 layout) a paragraph is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Issuing body, motto, number, place and date, type and title.
    Header,
    /// Legal bases and the introductory sentence.
    Preamble,
    /// The numbered outline and its text.
    Body,
    /// Closing sentence, recipients and signature.
    Closing,
    /// Annexes (phụ lục) and attached documents.
    Annex,
}

impl Part {
    pub const ALL: &'static [Part] = &[
        Part::Header,
        Part::Preamble,
        Part::Body,
        Part::Closing,
        Part::Annex,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Part::Header => "header",
            Part::Preamble => "preamble",
            Part::Body => "body",
            Part::Closing => "closing",
            Part::Annex => "annex",
        }
    }
}

/// One paragraph (one line) of the normalised text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Paragraph {
    /// `[start, end)` in scalar values of the normalised text, without the newline.
    pub span: [usize; 2],
    /// First and last source line (1-based) it was joined from.
    pub line: usize,
    pub end_line: usize,
    /// 1-based page of its start (PDF only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    pub part: Part,
    /// Path of the innermost section holding it (its own, for a heading).
    #[serde(default)]
    pub section: Option<String>,
}

/// The normalised text of a document with its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentText {
    /// One paragraph per line, lines separated by `\n`.
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
}

/// Consecutive paragraphs of one part and one section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBlock<'a> {
    pub part: Part,
    pub section: Option<&'a str>,
    /// `[start, end)` in scalar values.
    pub span: [usize; 2],
    pub line: usize,
    pub end_line: usize,
    pub page: Option<usize>,
    pub end_page: Option<usize>,
    /// The paragraphs' text, joined by `\n`.
    pub text: &'a str,
}

impl DocumentText {
    /// The text of a scalar-value span (clamped to the text).
    pub fn slice(&self, span: [usize; 2]) -> &str {
        let start = byte_at(&self.text, 0, 0, span[0]);
        let end = byte_at(&self.text, start, span[0], span[1].max(span[0]));
        &self.text[start..end]
    }

    /// Runs of consecutive paragraphs that share a part and a section, in
    /// text order, in one pass over the text.
    pub fn blocks(&self) -> Vec<TextBlock<'_>> {
        let mut out: Vec<TextBlock<'_>> = Vec::new();
        let mut bytes: Vec<[usize; 2]> = Vec::new();
        // One cursor walks the text: byte offset `b` is at scalar `c`.
        let (mut b, mut c) = (0usize, 0usize);
        for p in &self.paragraphs {
            let end_scalar = p.span[1].max(p.span[0]);
            let start = byte_at(&self.text, b, c, p.span[0]);
            let end = byte_at(&self.text, start, p.span[0], end_scalar);
            (b, c) = (end, end_scalar);
            match out.last_mut() {
                Some(last) if last.part == p.part && last.section == p.section.as_deref() => {
                    last.span[1] = end_scalar;
                    last.end_line = last.end_line.max(p.end_line);
                    last.end_page = p.page.or(last.end_page);
                    if let Some(range) = bytes.last_mut() {
                        range[1] = end;
                    }
                }
                _ => {
                    out.push(TextBlock {
                        part: p.part,
                        section: p.section.as_deref(),
                        span: [p.span[0], end_scalar],
                        line: p.line,
                        end_line: p.end_line,
                        page: p.page,
                        end_page: p.page,
                        text: "",
                    });
                    bytes.push([start, end]);
                }
            }
        }
        for (block, [s, e]) in out.iter_mut().zip(bytes) {
            block.text = &self.text[s..e];
        }
        out
    }
}

/// Byte offset of scalar `target`, walking forward from byte `from`, which
/// is at scalar `at` (callers move forward, so the walk is linear overall).
fn byte_at(text: &str, from: usize, at: usize, target: usize) -> usize {
    if target <= at {
        return from.min(text.len());
    }
    match text[from..].char_indices().nth(target - at) {
        Some((i, _)) => from + i,
        None => text.len(),
    }
}
