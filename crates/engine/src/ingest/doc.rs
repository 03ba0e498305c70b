//! Legacy Word 97–2003 documents (`.doc`): the text of the main document,
//! read from the OLE compound file (the `cfb` crate) through the Word
//! binary format's piece table ([MS-DOC] FIB → Clx → PlcPcd).
//!
//! Written by hand because no maintained crate reads `.doc` text: the piece
//! table is small (a FIB offset, a list of pieces, each 8-bit or UTF-16).
//! Paragraph marks become line breaks, table cell marks tabs, field codes
//! are dropped and their results kept. 8-bit pieces are decoded like a
//! text file, so a document typed in a legacy font (TCVN3, VNI) comes out
//! in Unicode. Text boxes (where Decree 30 headers are often drawn) come
//! before the main text; formatting, page headers, footnotes and automatic
//! list numbers are not read.

use super::{Backend, Format, RawText, WarningCode};
use crate::error::DocError;
use std::io::{Cursor, Read};

/// Largest stream read (a `.doc` over this is not an office document).
const MAX_STREAM: u64 = 64 * 1024 * 1024;

fn malformed(what: &str) -> DocError {
    DocError::Malformed(format!("legacy Word document: {what}"))
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn read_stream(cf: &mut cfb::CompoundFile<Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>, DocError> {
    let stream = cf
        .open_stream(name)
        .map_err(|_| malformed(&format!("no {name} stream")))?;
    let mut out = Vec::new();
    stream
        .take(MAX_STREAM + 1)
        .read_to_end(&mut out)
        .map_err(|e| malformed(&format!("{name}: {e}")))?;
    if out.len() as u64 > MAX_STREAM {
        return Err(DocError::TooLarge(format!(
            "{name} stream over {MAX_STREAM} bytes"
        )));
    }
    Ok(out)
}

/// The text of a `.doc` file.
pub fn extract(bytes: &[u8]) -> Result<RawText, DocError> {
    let mut cf = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| malformed(&format!("not a readable OLE compound file ({e})")))?;
    if cf.is_stream("EncryptionInfo") {
        return Err(DocError::Encrypted);
    }
    let word = read_stream(&mut cf, "WordDocument")?;
    // FibBase: wIdent 0xA5EC; flags at 0x0A: fEncrypted (0x0100) and
    // fWhichTblStm (0x0200: the table stream is `1Table`).
    if u16_at(&word, 0) != Some(0xA5EC) {
        return Err(malformed("no Word file information block"));
    }
    let flags = u16_at(&word, 0x0A).ok_or_else(|| malformed("short FIB"))?;
    if flags & 0x0100 != 0 {
        return Err(DocError::Encrypted);
    }
    let table_name = if flags & 0x0200 != 0 {
        "1Table"
    } else {
        "0Table"
    };
    // Walk the variable-length FIB to FibRgFcLcb97, whose 34th pair is the Clx.
    let csw = u16_at(&word, 32).ok_or_else(|| malformed("short FIB"))? as usize;
    let lw_at = 34 + csw * 2;
    let cslw = u16_at(&word, lw_at).ok_or_else(|| malformed("short FIB"))? as usize;
    let ccp_text = u32_at(&word, lw_at + 2 + 3 * 4).ok_or_else(|| malformed("short FIB"))?;
    let fc_at = lw_at + 2 + cslw * 4 + 2;
    let fc_clx = u32_at(&word, fc_at + 33 * 8).ok_or_else(|| malformed("short FIB"))? as usize;
    let lcb_clx = u32_at(&word, fc_at + 33 * 8 + 4).ok_or_else(|| malformed("short FIB"))? as usize;
    let table = read_stream(&mut cf, table_name)?;
    let clx = table
        .get(fc_clx..fc_clx.saturating_add(lcb_clx))
        .ok_or_else(|| malformed("the piece table lies outside the table stream"))?;
    let pieces = piece_table(clx)?;

    // Character counts of the stories, in their CP order (FibRgLw97):
    // main text, footnotes, headers, comments, endnotes, text boxes.
    let ccp = |k: usize| u32_at(&word, lw_at + 2 + k * 4).unwrap_or(0) as usize;
    let (ccp_ftn, ccp_hdd, ccp_atn, ccp_edn, ccp_txbx) = (ccp(4), ccp(5), ccp(7), ccp(8), ccp(9));
    let txbx_from = ccp_text as usize + ccp_ftn + ccp_hdd + ccp_atn + ccp_edn;
    // Text boxes first: Decree 30 headers (issuing body, motto, number) are
    // drawn in text boxes at the top of the first page. Their anchors are
    // not read, so a text box elsewhere also comes first (a known limit).
    let mut units = story(&word, &pieces, txbx_from, txbx_from + ccp_txbx)?;
    if !units.is_empty() {
        units.push(Unit::Byte(0x0D));
    }
    units.extend(story(&word, &pieces, 0, ccp_text as usize)?);
    let (text, encoding, warnings) = decode(&units);
    if text.trim().is_empty() {
        return Err(DocError::Empty);
    }
    Ok(RawText {
        text,
        format: Format::Doc,
        encoding,
        page_starts: Vec::new(),
        pages: None,
        backend: Backend::Doc,
        quality: None,
        warnings,
    })
}

/// The characters of CPs `[from, to)`, piece by piece.
fn story(
    word: &[u8],
    pieces: &[(usize, usize, bool)],
    from: usize,
    to: usize,
) -> Result<Vec<Unit>, DocError> {
    let mut units = Vec::new();
    let mut cp = 0usize;
    for &(len, fc, compressed) in pieces {
        let (start, end) = (cp.max(from), (cp + len).min(to));
        cp += len;
        if start >= end {
            if cp >= to {
                break;
            }
            continue;
        }
        let (skip, n) = (start - (cp - len), end - start);
        if compressed {
            let at = fc / 2 + skip;
            let raw = word
                .get(at..at + n)
                .ok_or_else(|| malformed("a text piece lies outside the document"))?;
            units.extend(raw.iter().map(|&b| Unit::Byte(b)));
        } else {
            let at = fc + 2 * skip;
            let raw = word
                .get(at..at + 2 * n)
                .ok_or_else(|| malformed("a text piece lies outside the document"))?;
            units.extend(
                raw.chunks_exact(2)
                    .map(|c| Unit::Wide(u16::from_le_bytes([c[0], c[1]]))),
            );
        }
    }
    Ok(units)
}

/// (length in characters, file offset, 8-bit) of every piece, in order.
fn piece_table(clx: &[u8]) -> Result<Vec<(usize, usize, bool)>, DocError> {
    let mut at = 0;
    // Skip the Prc records (formatting), then read the Pcdt.
    while clx.get(at) == Some(&0x01) {
        let cb = u16_at(clx, at + 1).ok_or_else(|| malformed("truncated Clx"))? as usize;
        at += 3 + cb;
    }
    if clx.get(at) != Some(&0x02) {
        return Err(malformed("no piece table in the Clx"));
    }
    let lcb = u32_at(clx, at + 1).ok_or_else(|| malformed("truncated Clx"))? as usize;
    let plc = clx
        .get(at + 5..at + 5 + lcb)
        .ok_or_else(|| malformed("truncated piece table"))?;
    // n + 1 character positions, then n 8-byte piece descriptors.
    if plc.len() < 4 || (plc.len() - 4) % 12 != 0 {
        return Err(malformed("a piece table of the wrong size"));
    }
    let n = (plc.len() - 4) / 12;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let cp0 = u32_at(plc, i * 4).unwrap_or(0) as usize;
        let cp1 = u32_at(plc, (i + 1) * 4).unwrap_or(0) as usize;
        let pcd = 4 * (n + 1) + 8 * i;
        let fc = u32_at(plc, pcd + 2).unwrap_or(0);
        let compressed = fc & 0x4000_0000 != 0;
        out.push((
            cp1.saturating_sub(cp0),
            (fc & 0x3FFF_FFFF) as usize,
            compressed,
        ));
    }
    Ok(out)
}

#[derive(Clone, Copy)]
enum Unit {
    Byte(u8),
    Wide(u16),
}

impl Unit {
    fn code(self) -> u32 {
        match self {
            Unit::Byte(b) => b as u32,
            Unit::Wide(w) => w as u32,
        }
    }
}

/// Characters → text: marks to line breaks and tabs, field codes dropped.
/// 8-bit runs are decoded as a text file would be (Windows-1252, or the
/// legacy Vietnamese encoding the bytes show).
fn decode(units: &[Unit]) -> (String, Option<String>, Vec<(WarningCode, String)>) {
    // First pass: structure, keeping 8-bit bytes and UTF-16 units apart.
    let mut bytes: Vec<u8> = Vec::new();
    let mut wide: Vec<u16> = Vec::new();
    let mut all_bytes = true;
    let mut field_depth = 0usize; // inside a field's code (between 0x13 and 0x14)
    for &u in units {
        let c = u.code();
        match c {
            0x13 => {
                field_depth += 1;
                continue;
            }
            0x14 => {
                field_depth = field_depth.saturating_sub(1);
                continue;
            }
            0x15 => continue,
            _ if field_depth > 0 => continue,
            _ => {}
        }
        let mapped: Option<u32> = match c {
            // Paragraph mark, manual line break, page break.
            0x0B..=0x0D => Some('\n' as u32),
            0x07 => Some('\t' as u32),
            0x09 => Some('\t' as u32),
            0x1E => Some('-' as u32), // non-breaking hyphen
            0x1F => None,             // optional hyphen
            c if c < 0x20 => None,
            c => Some(c),
        };
        let Some(m) = mapped else { continue };
        match u {
            Unit::Byte(_) => {
                bytes.push(m as u8);
                wide.push(m as u16);
            }
            Unit::Wide(_) => {
                all_bytes = false;
                wide.push(m as u16);
            }
        }
    }
    if all_bytes {
        // Only 8-bit pieces: the bytes are a legacy text, decoded as one.
        if let Ok(d) = super::text::decode_text(&bytes) {
            let warnings = d
                .warnings
                .into_iter()
                .map(|w| (WarningCode::Encoding, w))
                .collect();
            return (d.text, Some(d.encoding.to_string()), warnings);
        }
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
        return (text.into_owned(), Some("windows-1252".into()), Vec::new());
    }
    // Mixed: 8-bit units are Windows-1252 code points below 0x100 here.
    let text: String = char::decode_utf16(wide.iter().copied())
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect();
    (text, Some("utf-16le".into()), Vec::new())
}
