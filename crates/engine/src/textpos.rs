//! Positions: turning byte ranges of the normalised text into the
//! provenance users see (character span, source line, page, source span).
//!
//! Owns the index built once per document; it does not know what the text
//! means. Stages work in byte offsets (what `regex` gives); only this module
//! converts to Unicode scalar offsets.

use crate::normalize::Normalized;
use crate::record::Provenance;

/// Byte → character conversion for one string, built once.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every character, in order.
    char_bytes: Vec<u32>,
    len_bytes: usize,
}

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        CharIndex {
            char_bytes: text.char_indices().map(|(b, _)| b as u32).collect(),
            len_bytes: text.len(),
        }
    }

    /// Character offset of a byte offset (a char boundary, or the end).
    pub fn char_of_byte(&self, byte: usize) -> usize {
        if byte >= self.len_bytes {
            return self.char_bytes.len();
        }
        self.char_bytes.partition_point(|&b| (b as usize) < byte)
    }

    pub fn chars(&self) -> usize {
        self.char_bytes.len()
    }
}

/// Everything needed to locate an item of the normalised text.
pub struct Locator<'a> {
    norm: &'a Normalized,
    index: CharIndex,
}

impl<'a> Locator<'a> {
    pub fn new(norm: &'a Normalized) -> Locator<'a> {
        Locator {
            index: CharIndex::new(&norm.text),
            norm,
        }
    }

    /// Provenance of the byte range `[start, end)` of the normalised text.
    pub fn locate(&self, start: usize, end: usize) -> Provenance {
        let cs = self.index.char_of_byte(start);
        let ce = self.index.char_of_byte(end).max(cs);
        let raw_start = self.norm.raw_offset(cs);
        let raw_end = if ce > cs {
            self.norm.raw_offset(ce - 1) + 1
        } else {
            raw_start
        };
        Provenance {
            span: [cs, ce],
            line: self.norm.raw_line(raw_start),
            page: self.norm.raw_page(raw_start),
            source_span: Some([raw_start, raw_end.max(raw_start)]),
        }
    }

    pub fn chars(&self) -> usize {
        self.index.chars()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_of_byte_counts_scalars() {
        let idx = CharIndex::new("Ủy ban");
        assert_eq!(idx.char_of_byte(0), 0);
        assert_eq!(idx.char_of_byte("Ủ".len()), 1);
        assert_eq!(idx.char_of_byte("Ủy ban".len()), 6);
    }
}
