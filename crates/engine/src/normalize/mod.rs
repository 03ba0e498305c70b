//! Normalisation: raw text → [`Normalized`] text with an offset map.
//!
//! Owns everything that changes characters or lines: NFC, glyph fixes, tone
//! placement (`unicode`), and paragraph reconstruction, page furniture and
//! Markdown emphasis (`layout`). The output text has one paragraph per line;
//! every character maps back to a raw character, so any span can be traced
//! to its source line and page. It does not interpret the document.

pub mod layout;
pub mod unicode;

pub use unicode::ToneStyle;

/// Options of the normaliser.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NormalizeOptions {
    pub tone_style: ToneStyle,
    /// Remove Markdown emphasis (`**…**`, `*…*`). `None` = decide from the
    /// text itself (on when paired `**` markers are present).
    pub strip_markdown: Option<bool>,
    /// The raw lines are the writer's paragraphs (DOCX, `.doc`: never
    /// wrapped at a page width), so only a soft line break mid-sentence is
    /// joined. `None`/`false` = rebuild hard-wrapped paragraphs.
    #[serde(default)]
    pub paragraph_lines: Option<bool>,
}

/// Normalised text and the map back to the raw text.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// One paragraph per line, lines separated by `\n`.
    pub text: String,
    /// For each character of `text`: the character offset in the raw text.
    raw_offsets: Vec<u32>,
    /// Character offsets where each raw line starts.
    raw_line_starts: Vec<u32>,
    /// Character offsets where each page starts (PDF); empty otherwise.
    raw_page_starts: Vec<u32>,
    /// Number of paragraphs (lines of `text`).
    pub paragraphs: usize,
}

impl Normalized {
    /// Raw character offset of normalised character `i`.
    pub fn raw_offset(&self, i: usize) -> usize {
        match self.raw_offsets.get(i) {
            Some(&o) => o as usize,
            None => self
                .raw_offsets
                .last()
                .map(|&o| o as usize + 1)
                .unwrap_or(0),
        }
    }

    /// 1-based raw line of a raw character offset.
    pub fn raw_line(&self, raw: usize) -> usize {
        self.raw_line_starts
            .partition_point(|&s| s as usize <= raw)
            .max(1)
    }

    /// 1-based page of a raw character offset, when pages are known.
    pub fn raw_page(&self, raw: usize) -> Option<usize> {
        if self.raw_page_starts.is_empty() {
            return None;
        }
        Some(
            self.raw_page_starts
                .partition_point(|&s| s as usize <= raw)
                .max(1),
        )
    }
}

/// Normalise `raw`. `page_starts` are raw character offsets of page starts
/// (empty for formats without pages).
pub fn normalize(raw: &str, page_starts: &[usize], opts: &NormalizeOptions) -> Normalized {
    let strip_md = opts
        .strip_markdown
        .unwrap_or_else(|| layout::carries_markdown(raw));
    let (text, raw_offsets, raw_line_starts, paragraphs) = layout::build(
        raw,
        page_starts,
        opts.tone_style,
        strip_md,
        opts.paragraph_lines.unwrap_or(false),
    );
    Normalized {
        text,
        raw_offsets,
        raw_line_starts,
        raw_page_starts: page_starts.iter().map(|&p| p as u32).collect(),
        paragraphs,
    }
}

/// Normalise a short string with default options (tests, one-off callers).
pub fn normalize_str(raw: &str) -> String {
    normalize(raw, &[], &NormalizeOptions::default()).text
}
