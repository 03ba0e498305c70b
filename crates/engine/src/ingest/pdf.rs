//! PDF ingest through the text layer (`pdf-extract`).
//!
//! A file the parser cannot open is repaired ([`super::pdf_repair`]) or
//! read by pdftotext before it is called `malformed`, with a `damaged`
//! warning on the record.
//!
//! pdf-extract panics on some malformed files and can recurse deeply, so it
//! runs on a worker thread with a large stack inside `catch_unwind`; a panic
//! becomes a `malformed` error for this file only. Pages are joined with a
//! line break and their start offsets recorded for provenance.

use super::{Backend, Format, RawText, WarningCode};
use crate::error::DocError;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Stack for the extraction thread: deep object nesting recurses.
const EXTRACT_STACK: usize = 256 * 1024 * 1024;

pub fn extract(bytes: &[u8]) -> Result<RawText, DocError> {
    if !bytes.starts_with(b"%PDF")
        && !bytes[..bytes.len().min(1024)]
            .windows(4)
            .any(|w| w == b"%PDF")
    {
        return Err(DocError::Malformed(
            "not a PDF file (no %PDF signature)".into(),
        ));
    }
    if is_encrypted(bytes) {
        // pdf-extract can open owner-password-only files; try, and report
        // `encrypted` only when it fails.
        return match extract_pages(bytes) {
            Ok(pages) if pages.iter().any(|p| !p.trim().is_empty()) => Ok(assemble(pages)),
            _ => Err(DocError::Encrypted),
        };
    }
    let (pages, problems, first_backend, damage) = match extract_pages_reporting(bytes) {
        Ok((pages, problems)) => (pages, problems, Backend::PdfExtract, None),
        // Damage to the file's structure (no trailer, a broken xref, no
        // page tree) is repaired; a parser panic inside a page is hostile
        // content, not damage, and stays `malformed`.
        Err(DocError::Malformed(why)) if !why.starts_with("page ") && !why.contains("panicked") => {
            recover(bytes, &why)?
        }
        Err(e) => return Err(e),
    };
    if pages.iter().all(|p| p.trim().is_empty()) {
        if damage.is_some() {
            return Err(DocError::Malformed(
                "the PDF is damaged and no text could be recovered from it".into(),
            ));
        }
        return Err(DocError::ImageOnly);
    }
    let ours = DocQuality::of(&pages);
    let mut chosen = (pages, first_backend, ours.clone());
    let mut notes = Vec::new();
    if !ours.passes() && first_backend == Backend::PdfExtract {
        // A weak text layer (fonts without usable ToUnicode, a producer that
        // switched fonts mid-word): try poppler's pdftotext when installed,
        // and keep whichever text is better. pdf-extract stays preferred
        // where both are clean (pdftotext drops a hyphen at a line end:
        // `34/NQ-` + `HĐND` → `34/NQHĐND`).
        match pdftotext(bytes) {
            Some(theirs) => {
                let q = DocQuality::of(&theirs);
                notes.push(format!("weak text layer (score {:.2}); pdftotext scored {:.2}", ours.score, q.score));
                // Both may fail the gate (a monospaced font LibreOffice
                // set: pdf-extract fuses marks to the wrong letters,
                // pdftotext drops spaces after some); then the text with
                // fewer broken words is kept.
                if q.score > ours.score
                    || (q.score == ours.score && q.broken_share() < ours.broken_share())
                {
                    chosen = (theirs, Backend::Pdftotext, q);
                }
            }
            None => notes.push(format!(
                "weak text layer (score {:.2}, {} of {} pages below the gate); install poppler-utils (pdftotext) for a second extractor",
                ours.score,
                ours.weak_pages.len(),
                ours.pages
            )),
        }
    }
    let (pages, backend, quality) = chosen;
    // Glyph codes instead of text: no extractor can help, only OCR. (Text
    // that is garbled but made of letters is kept, with its warning.)
    if (quality.letters_share < 0.5 || quality.noise_share > 0.25) && quality.chars >= 50 {
        return Err(DocError::UnsupportedFont(format!(
            "the text layer is not readable text (letters {:.0}%, words with symbols inside {:.0}%): its fonts have no usable Unicode mapping; OCR is needed",
            100.0 * quality.letters_share,
            100.0 * quality.noise_share
        )));
    }
    let mut raw = assemble(pages);
    raw.backend = backend;
    raw.quality = Some(quality.score);
    raw.warnings
        .extend(problems.into_iter().map(|p| (WarningCode::PdfPage, p)));
    raw.warnings
        .extend(notes.into_iter().map(|n| (WarningCode::TextQuality, n)));
    if let Some(d) = damage {
        raw.warnings.insert(0, (WarningCode::Damaged, d));
    }
    Ok(raw)
}

/// Pages, page problems, the backend that read them and what was damaged.
type Recovered = (Vec<String>, Vec<String>, Backend, Option<String>);

/// A PDF the parser cannot open (cut off, a broken `xref` or trailer):
/// rebuild its cross-reference table from the objects in the file and read
/// it again; failing that, let pdftotext (which has its own repair) try.
/// Only when both fail is it `malformed`.
fn recover(bytes: &[u8], why: &str) -> Result<Recovered, DocError> {
    let readable = |pages: &[String]| pages.iter().any(|p| !p.trim().is_empty());
    if let Some(fixed) = super::pdf_repair::rebuild_xref(bytes) {
        if let Ok((pages, problems)) = extract_pages_reporting(&fixed) {
            if readable(&pages) {
                let note = format!(
                    "the PDF is damaged ({why}); its cross-reference table was rebuilt from the objects in the file, and text may be missing"
                );
                return Ok((pages, problems, Backend::PdfExtract, Some(note)));
            }
        }
    }
    match pdftotext(bytes) {
        Some(pages) if readable(&pages) => {
            let note = format!("the PDF is damaged ({why}); its text was read by pdftotext, and text may be missing");
            Ok((pages, Vec::new(), Backend::Pdftotext, Some(note)))
        }
        _ => Err(DocError::Malformed(format!(
            "{why} (the PDF is damaged: its cross-reference table could not be rebuilt{})",
            if pdftotext_installed() {
                ", and pdftotext could not read it either"
            } else {
                "; installing poppler-utils (pdftotext) may recover its text"
            }
        ))),
    }
}

fn pdftotext_installed() -> bool {
    std::process::Command::new("pdftotext")
        .arg("-v")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok()
}

/// How much a text layer looks like real text, per page and overall.
#[derive(Debug, Clone)]
struct DocQuality {
    /// 0 (garbage) .. 1 (clean).
    score: f64,
    pages: usize,
    weak_pages: Vec<usize>,
    letters_share: f64,
    /// Share of words with symbols inside them (glyph codes read as ASCII).
    noise_share: f64,
    /// Share of words shaped like no Vietnamese syllable.
    malformed_share: f64,
    chars: usize,
}

/// A page fails the gate when a quarter of its words are single letters
/// (accents pushed apart: `l ậ p`), when letters are under half of its
/// visible characters (glyph codes without Unicode), when more than one word
/// in twenty-five is no Vietnamese syllable (marks fused to the wrong letter,
/// letters lost: see [`is_malformed_syllable`]), or when replacement and
/// private-use characters show up.
fn page_score(text: &str) -> (f64, usize, usize, usize, usize, usize) {
    let mut visible = 0usize;
    let mut letters = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        if c.is_whitespace() {
            continue;
        }
        visible += 1;
        if c.is_alphabetic() {
            letters += 1;
        }
        if c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(&c) {
            bad += 1;
        }
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let singles = words
        .iter()
        .filter(|w| w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
        .count();
    // Glyph codes read as ASCII give words with symbols inside (`&,$`,
    // `)*%+`); real text, Vietnamese or not, keeps them at word edges.
    let noisy = words.iter().filter(|w| has_inner_symbol(w)).count();
    // Broken Vietnamese: marks fused to the wrong letter (`dẫDn`, `ĐỈỆN`)
    // or letters lost (`bo qun`, `hng dn`): words no Vietnamese syllable
    // has the shape of. Clean text, foreign words included, stays well
    // under 1%; a page of formulas (`tsx`, `dh`) near 2%; broken text is
    // at 10% and more.
    let malformed = words.iter().filter(|w| is_malformed_syllable(w)).count();
    if visible == 0 {
        return (1.0, 0, 0, 0, 0, 0);
    }
    let letter_share = letters as f64 / visible as f64;
    let enough = words.len() >= 20;
    let single_share = if enough {
        singles as f64 / words.len() as f64
    } else {
        0.0
    };
    let noise_share = if enough {
        noisy as f64 / words.len() as f64
    } else {
        0.0
    };
    // Two such words a page are forgiven: a foreign word (`email`) or a
    // typo is no broken font.
    let malformed_share = if enough {
        malformed.saturating_sub(2) as f64 / words.len() as f64
    } else {
        0.0
    };
    let bad_share = bad as f64 / visible as f64;
    let score = (letter_share.min(0.75) / 0.75)
        * (1.0 - (single_share * 2.0).min(1.0))
        * (1.0 - (noise_share * 2.0).min(1.0))
        * (1.0 - (malformed_share * 10.0).min(1.0))
        * (1.0 - (bad_share * 10.0).min(1.0));
    (score, letters, visible, noisy, malformed, words.len())
}

fn has_inner_symbol(word: &str) -> bool {
    // Quotes, brackets and sentence punctuation may stand at a word's
    // edges; a bullet or a percentage (`90%`) is ordinary text.
    let w = word.trim_matches(|c: char| "\"'()[],.;:".contains(c));
    if w.len() <= 1
        || (w.ends_with('%')
            && w[..w.len() - 1]
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.'))
    {
        return false;
    }
    w.chars().any(|c| "!#$%&*+<=>?@[\\]^_`{|}~\"".contains(c))
}

/// Vowel letters of Vietnamese, without tone marks.
const VOWELS: &str = "aăâeêioôơuưy";
/// Initial consonants, longest first (`ngh` before `ng` before `n`).
const INITIALS: &[&str] = &[
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];
/// Final consonants a syllable may end with.
const FINALS: &[&str] = &["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// Is this word (letters only) shaped like no Vietnamese syllable? A
/// lower-case letter followed by a capital, two tone marks in one word,
/// or (for a lower-case word) no parse as initial + one to three vowels +
/// final. Words with digits or inner punctuation are left to the other
/// measures; abbreviations in capitals (`HĐND`) have no vowel and pass.
fn is_malformed_syllable(word: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    if w.chars().count() < 2 || !w.chars().all(char::is_alphabetic) {
        return false;
    }
    // Greek letters are a formula's symbols (`αbi`), no Vietnamese word
    // gone wrong; a letter of any other script in a Vietnamese document is
    // a legacy font read as Unicode (`6ӣ Công Thѭѫng` for `Sở Công Thương`).
    let latin = |c: char| {
        c.is_ascii_alphabetic()
            || ('\u{C0}'..='\u{24F}').contains(&c)
            || ('\u{1E00}'..='\u{1EFF}').contains(&c)
    };
    if w.chars().any(|c| ('\u{370}'..='\u{3FF}').contains(&c)) {
        return false;
    }
    if !w.chars().all(latin) {
        return true;
    }
    let chars: Vec<char> = w.chars().collect();
    let ascii = w.is_ascii();
    // A capital after a small letter inside a Vietnamese word (`dẫDn`);
    // unit symbols and foreign names (`mL`, `kWh`, `iPhone`) are ASCII.
    if !ascii
        && chars
            .windows(2)
            .any(|p| p[0].is_lowercase() && p[1].is_uppercase())
    {
        return true;
    }
    // Split the tone marks (acute, grave, hook, tilde, dot below) from the
    // letters; the other marks (circumflex, breve, horn) stay on them.
    let mut tones = 0;
    let mut base = String::new();
    for c in w.to_lowercase().nfd() {
        match c {
            '\u{301}' | '\u{300}' | '\u{309}' | '\u{303}' | '\u{323}' => tones += 1,
            _ => base.push(c),
        }
    }
    if tones > 1 {
        return true;
    }
    if !w.chars().all(char::is_lowercase) {
        return false;
    }
    let base: String = base.nfc().collect();
    let parses = INITIALS.iter().any(|ini| {
        let Some(rest) = base.strip_prefix(ini) else {
            return false;
        };
        let vowels = rest.chars().take_while(|c| VOWELS.contains(*c)).count();
        let fin: String = rest.chars().skip(vowels).collect();
        // `gi` and `qu` may lend their vowel (`gì`, `gin`); any other
        // syllable needs one of its own.
        let lent = *ini == "gi" && vowels == 0;
        (1..=3).contains(&vowels) && FINALS.contains(&fin.as_str())
            || lent && FINALS.contains(&fin.as_str())
    });
    if parses {
        return false;
    }
    // Plain ASCII is also English (`tank`, `procedure`) and unit symbols
    // (`mm`, `kg`): only a word with no vowel at all or a `qu` with none
    // after it (`hng`, `qun`: what lost letters leave) counts then.
    !ascii
        || (!base.chars().any(|c| VOWELS.contains(c)) && !UNIT_SYMBOLS.contains(&base.as_str()))
        || base.starts_with("qu")
}

/// Unit symbols without a vowel, common in plans and technical annexes.
const UNIT_SYMBOLS: &[&str] = &[
    "mm", "cm", "dm", "km", "mg", "kg", "ml", "kw", "kwh", "kv", "mw", "mwh", "ppm",
];

impl DocQuality {
    fn of(pages: &[String]) -> DocQuality {
        let mut weak = Vec::new();
        let (mut letters, mut visible, mut weighted) = (0usize, 0usize, 0.0f64);
        let (mut noisy, mut words, mut malformed) = (0usize, 0usize, 0usize);
        for (i, p) in pages.iter().enumerate() {
            let (score, l, v, n, m, w) = page_score(p);
            noisy += n;
            malformed += m;
            words += w;
            if v > 0 && score < 0.6 {
                weak.push(i + 1);
            }
            letters += l;
            visible += v;
            weighted += score * v as f64;
        }
        DocQuality {
            score: if visible == 0 {
                1.0
            } else {
                weighted / visible as f64
            },
            pages: pages.len(),
            weak_pages: weak,
            letters_share: if visible == 0 {
                1.0
            } else {
                letters as f64 / visible as f64
            },
            noise_share: if words == 0 {
                0.0
            } else {
                noisy as f64 / words as f64
            },
            malformed_share: if words == 0 {
                0.0
            } else {
                malformed as f64 / words as f64
            },
            chars: visible,
        }
    }

    fn passes(&self) -> bool {
        self.weak_pages.is_empty()
    }

    /// Words broken by a symbol inside or by a shape no syllable has.
    fn broken_share(&self) -> f64 {
        self.noise_share + self.malformed_share
    }
}

/// Re-extract with poppler's `pdftotext` when it is installed.
fn pdftotext(bytes: &[u8]) -> Option<Vec<String>> {
    let dir = tempfile::tempdir().ok()?;
    let input = dir.path().join("in.pdf");
    std::fs::write(&input, bytes).ok()?;
    let out = std::process::Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&input)
        .arg("-")
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    // pdftotext ends every page with a form feed.
    let mut pages: Vec<String> = text.split('\x0c').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Some(pages)
}

fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.windows(8).any(|w| w == b"/Encrypt")
}

/// Pages' text, and a warning per page that could not be read.
type Pages = (Vec<String>, Vec<String>);

fn extract_pages(bytes: &[u8]) -> Result<Vec<String>, DocError> {
    extract_pages_reporting(bytes).map(|(pages, _)| pages)
}

fn extract_pages_reporting(bytes: &[u8]) -> Result<Pages, DocError> {
    let owned = bytes.to_vec();
    let handle = std::thread::Builder::new()
        .name("pdf-extract".into())
        .stack_size(EXTRACT_STACK)
        .spawn(move || catch_unwind(AssertUnwindSafe(|| read_pages(&owned))))
        .map_err(|e| DocError::Internal(format!("cannot start PDF worker: {e}")))?;
    match handle.join() {
        Ok(Ok(result)) => result,
        Ok(Err(panic)) | Err(panic) => {
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "the PDF parser failed".into());
            Err(DocError::Malformed(format!("PDF parser panicked: {msg}")))
        }
    }
}

/// Load the document and read every page with [`ColumnText`]. Unlike
/// `pdf_extract::extract_text_from_mem_by_pages`, a page that fails does
/// not silently end the document: it is reported and the next page read.
fn read_pages(bytes: &[u8]) -> Result<Pages, DocError> {
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| classify(&e.to_string()))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(DocError::Encrypted);
    }
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    let mut pages = Vec::with_capacity(numbers.len());
    let mut problems = Vec::new();
    for n in numbers {
        let mut out = ColumnText::default();
        match catch_unwind(AssertUnwindSafe(|| {
            pdf_extract::output_doc_page(&doc, &mut out, n)
        })) {
            Ok(Ok(())) => {
                out.restore_columns();
                pages.push(out.text)
            }
            Ok(Err(e)) => {
                problems.push(format!("page {n} could not be read: {e}"));
                pages.push(String::new());
            }
            Err(_) => {
                problems.push(format!(
                    "page {n} could not be read: the PDF parser panicked"
                ));
                pages.push(String::new());
            }
        }
    }
    if pages.is_empty() {
        return Err(DocError::Malformed("the PDF has no pages".into()));
    }
    if pages.iter().all(|p| p.trim().is_empty()) && !problems.is_empty() {
        return Err(DocError::Malformed(problems.join("; ")));
    }
    Ok((pages, problems))
}

/// Text of one page, like pdf-extract's plain-text output (a line break when
/// the baseline moves, a space for a gap between glyphs) but with a tab for a
/// gap wider than [`COLUMN_GAP`] font sizes, so table cells and two-column
/// layouts keep their boundaries (the annex tables of assignments matter).
#[derive(Default)]
struct ColumnText {
    text: String,
    page_height: f64,
    started: bool,
    first_char: bool,
    last_end: f64,
    last_y: f64,
    /// Every word start after a space or tab on the same line: (line
    /// number, x, byte offset of the separator). Used to find table columns.
    word_starts: Vec<(usize, f64, usize)>,
    line: usize,
}

impl ColumnText {
    /// Table rows whose cell gap was narrower than [`COLUMN_GAP`] (text that
    /// nearly reached the next tab stop) get their tab back: a word that
    /// starts where other rows start a cell starts a cell too.
    fn restore_columns(&mut self) {
        let tab_columns: Vec<f64> = self
            .word_starts
            .iter()
            .filter(|(_, _, at)| self.text.as_bytes()[*at] == b'\t')
            .map(|(_, x, _)| *x)
            .collect();
        // Columns: x positions where at least three cells start.
        let mut columns: Vec<f64> = Vec::new();
        for &x in &tab_columns {
            let n = tab_columns.iter().filter(|&&y| (y - x).abs() < 2.0).count();
            if n >= 3 && !columns.iter().any(|c| (c - x).abs() < 2.0) {
                columns.push(x);
            }
        }
        if columns.is_empty() {
            return;
        }
        let table_lines: Vec<usize> = self
            .word_starts
            .iter()
            .filter(|(_, _, at)| self.text.as_bytes()[*at] == b'\t')
            .map(|(l, _, _)| *l)
            .collect();
        let mut fix = Vec::new();
        for &(line, x, at) in &self.word_starts {
            if self.text.as_bytes()[at] == b' '
                && table_lines.contains(&line)
                && columns.iter().any(|c| (c - x).abs() < 2.0)
            {
                fix.push(at);
            }
        }
        // A space and a tab are both one byte: the edit keeps UTF-8 valid.
        let mut bytes = std::mem::take(&mut self.text).into_bytes();
        for at in fix {
            bytes[at] = b'\t';
        }
        self.text = String::from_utf8(bytes).unwrap_or_default();
    }
}

/// A horizontal gap this many font sizes wide separates columns, not words
/// (justified word spaces stay well under one font size).
const COLUMN_GAP: f64 = 1.0;

impl pdf_extract::OutputDev for ColumnText {
    fn begin_page(
        &mut self,
        _n: u32,
        media_box: &pdf_extract::MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), pdf_extract::OutputError> {
        self.page_height = media_box.ury - media_box.lly;
        self.last_end = 100_000.0;
        self.last_y = 0.0;
        self.started = false;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &pdf_extract::Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), pdf_extract::OutputError> {
        // Position in page space with y growing downwards (as pdf-extract's
        // own output does), and the font size as transformed.
        let (x, y) = (trm.m31, self.page_height - trm.m32);
        let fx = font_size * (trm.m11 + trm.m21);
        let fy = font_size * (trm.m12 + trm.m22);
        let size = (fx * fy).abs().sqrt();
        if self.first_char && self.started {
            let new_line = (y - self.last_y).abs() > size * 1.5
                || (x < self.last_end && (y - self.last_y).abs() > size * 0.5);
            if new_line {
                self.text.push('\n');
                // A line's worth of space skipped (an empty paragraph, the
                // space under a title) is kept as a blank line: the
                // normaliser then does not join across it.
                if y - self.last_y > size * 2.0 {
                    self.text.push('\n');
                }
                self.line += 1;
            } else if x > self.last_end + size * COLUMN_GAP {
                self.word_starts.push((self.line, x, self.text.len()));
                self.text.push('\t');
            } else if x > self.last_end + size * 0.1 {
                self.word_starts.push((self.line, x, self.text.len()));
                self.text.push(' ');
            }
        }
        self.text.push_str(ch);
        self.started = true;
        self.first_char = false;
        self.last_y = y;
        self.last_end = x + width * size;
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.first_char = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
}

fn classify(msg: &str) -> DocError {
    let lower = msg.to_lowercase();
    if lower.contains("encrypt") || lower.contains("password") || lower.contains("decrypt") {
        DocError::Encrypted
    } else {
        DocError::Malformed(msg.to_string())
    }
}

/// Join pages into one text, recording where each page starts.
pub fn assemble(pages: Vec<String>) -> RawText {
    let mut text = String::new();
    let mut page_starts = Vec::with_capacity(pages.len());
    let mut chars = 0usize;
    for page in &pages {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
            chars += 1;
        }
        page_starts.push(chars);
        text.push_str(page);
        chars += page.chars().count();
    }
    RawText {
        text,
        format: Format::Pdf,
        encoding: None,
        page_starts,
        pages: Some(pages.len()),
        backend: Backend::PdfExtract,
        quality: None,
        warnings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An invented paragraph of clean Vietnamese, with the abbreviations,
    /// numbers and a foreign word that real plans carry.
    const CLEAN: &str = "Ủy ban nhân dân xã Phúc Khánh đề nghị Ban nhân dân các thôn tổ chức ra quân làm đường giao thông nông thôn vào ngày 12/4/2025; kết quả gửi về Văn phòng HĐND và UBND xã trước ngày 20/4/2025 để tổng hợp, báo cáo qua email và camera của thôn./.";

    fn score(text: &str) -> f64 {
        page_score(text).0
    }

    #[test]
    fn clean_vietnamese_passes() {
        assert!(score(CLEAN) > 0.9, "{}", score(CLEAN));
        assert!(!is_malformed_syllable("nghiêng"));
        assert!(!is_malformed_syllable("gì"));
        assert!(!is_malformed_syllable("HĐND"));
        assert!(!is_malformed_syllable("TTr-STC"));
        // English words and unit symbols of technical annexes.
        for w in ["procedure", "tank", "mL", "oC", "mm", "kWh", "αbi"] {
            assert!(!is_malformed_syllable(w), "{w}");
        }
        // A legacy font read as Unicode: letters of another script.
        assert!(is_malformed_syllable("Thѭѫng"));
    }

    #[test]
    fn marks_fused_to_the_wrong_letter_fail() {
        // What pdf-extract makes of a LibreOffice PDF in DejaVu Sans Mono:
        // marks moved onto the next letter, a capital after a small letter.
        let broken = "Ủy ban nhẫn dẫn xã đêE nghị Ban nhẫn dẫn các thôn tổ chức ra quẫn làm đường giao thông; hướng dẫDn lập hốE sơ gưi vêE Văn phòng UBND XÃ PHÚC KHÁNH trước ngày 20/4/2025 đê tống hợp, CỘNG HÒA XÃ HỘỈ CHU NGHĨA VỈỆT NAM.";
        assert!(is_malformed_syllable("dẫDn"));
        assert!(is_malformed_syllable("VỈỆT"));
        assert!(score(broken) < 0.6, "{}", score(broken));
    }

    #[test]
    fn lost_letters_fail() {
        // A font without the Vietnamese letters: `CÔNG THƯƠNG` → `CÔNG THNG`.
        let lost = "S CÔNG THNG tnh Yên Bái ngh các n v bo qun vt liu n công nghip, kim tra h thng in và báo cáo kt qu trc ngày 20/10/2025 theo quy nh ca pháp lut hin hành.";
        assert!(is_malformed_syllable("qun"));
        assert!(is_malformed_syllable("hng"));
        assert!(score(lost) < 0.6, "{}", score(lost));
    }
}
