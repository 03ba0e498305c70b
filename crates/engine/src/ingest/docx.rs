//! DOCX ingest: a WordprocessingML package (`.docx`) → plain text in reading
//! order.
//!
//! Owns: opening the ZIP package defensively (entry and size caps against zip
//! bombs, encrypted and legacy Word files told apart from damaged ones),
//! finding the main document part, and walking its body in document order to
//! produce one line per paragraph. Automatic numbering is rendered as the
//! prefix Word shows (`I.`, `1.`, `1.1.`, `a)`, `-`), tables become one line
//! per row with tab-separated cells, text boxes are read in place, tracked
//! deletions and field instructions are dropped.
//!
//! Output shape (what the normaliser and segmenter expect): paragraphs are
//! separated by `\n`; inside a paragraph `w:tab` is `\t` and `w:br` is
//! `\n`; a numbered paragraph is `prefix + " " + text`; a table row is one
//! line of `\t`-separated cells (a cell's paragraphs joined by spaces, nested
//! tables flattened into their cell, vertically merged continuation cells
//! empty); text-box paragraphs come one per line, just before the paragraph
//! that anchors them.
//!
//! Does not: clean or normalise anything (Unicode forms, spacing, dashes,
//! the Vietnamese letter sequence of `a)` items). That is the normaliser's
//! job, and its offset map points back into exactly the text produced here.
//! Headers, footers, footnotes, endnotes and comments are deliberately not
//! read: they repeat on every page ("Trang 1") or sit outside the body and
//! would pollute segmentation.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::{NsReader, Reader};

use super::{Backend, Format, RawText, WarningCode};
use crate::error::DocError;

/// Cap on the uncompressed size of the main document part. Real plans are a
/// few hundred KB; 64 MiB leaves room for embedded junk while stopping bombs.
const MAX_DOCUMENT_BYTES: u64 = 64 << 20;
/// Cap on `styles.xml` / `numbering.xml`.
const MAX_AUX_BYTES: u64 = 16 << 20;
/// Cap on relationship parts (`*.rels`), which are tiny in real packages.
const MAX_RELS_BYTES: u64 = 1 << 20;
/// Cap on ZIP entries: a Word package has a few dozen; a huge central
/// directory is a cheap way to make the reader allocate.
const MAX_ENTRIES: usize = 10_000;
/// `basedOn` / `numStyleLink` chains longer than this are cycles or junk.
const MAX_STYLE_CHAIN: usize = 32;
/// Tables nested deeper than this are read as plain paragraphs of their
/// enclosing cell: each nesting level copies its text once more when it is
/// flattened, so unbounded nesting would be quadratic.
const MAX_TABLE_DEPTH: usize = 32;
/// Same reasoning for text boxes inside text boxes.
const MAX_TEXTBOX_DEPTH: usize = 8;
/// Open containers (paragraphs, runs, tables, text boxes…) kept as frames;
/// anything nested deeper is read as content of the last one. Real
/// documents nest a few dozen deep at most; the cap bounds the frame scans
/// done per text event.
const MAX_FRAMES: usize = 256;
/// Longest `w:lvlText` accepted (Word's own limit is 255 characters).
const MAX_LVL_TEXT: usize = 1024;
/// Word numbering has nine levels (0–8).
const LEVELS: usize = 9;

const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Extract the body text of a `.docx` file.
pub fn extract(bytes: &[u8]) -> Result<RawText, DocError> {
    sniff_non_zip(bytes)?;
    let mut pkg = Package::open(bytes)?;
    let mut warnings = Warnings::default();

    let main = pkg.main_document_name()?;
    let document = pkg
        .read(&main, MAX_DOCUMENT_BYTES)?
        .ok_or_else(|| DocError::Malformed(format!("{main} is listed but cannot be found")))?;

    let rels = pkg.relationships_of(&main)?;
    let dir = part_dir(&main);
    let styles_name = rels
        .find("/styles")
        .unwrap_or_else(|| format!("{dir}styles.xml"));
    let numbering_name = rels
        .find("/numbering")
        .unwrap_or_else(|| format!("{dir}numbering.xml"));

    let styles = match pkg.read(&styles_name, MAX_AUX_BYTES)? {
        Some(data) => Styles::parse(data, &styles_name).unwrap_or_else(|e| {
            warnings.push(
                WarningCode::Styles,
                format!("{e}; paragraph styles ignored"),
            );
            Styles::default()
        }),
        None => Styles::default(),
    };
    let mut numbering_broken = false;
    let numbering = match pkg.read(&numbering_name, MAX_AUX_BYTES)? {
        Some(data) => match Numbering::parse(data, &numbering_name) {
            Ok(n) => Some(n),
            Err(e) => {
                // The text is still worth having; say once what is missing.
                warnings.push(
                    WarningCode::Numbering,
                    format!("{e}; automatic numbers are missing from the text"),
                );
                numbering_broken = true;
                None
            }
        },
        None => None,
    };

    let lists = Lists::new(
        &styles,
        numbering.as_ref(),
        numbering_broken,
        numbering_name,
    );
    let text = Walker::new(lists, &mut warnings).run(document, &main)?;

    Ok(RawText {
        text,
        format: Format::Docx,
        encoding: None,
        page_starts: Vec::new(),
        pages: None,
        backend: Backend::Docx,
        quality: None,
        warnings: warnings.0,
    })
}

// ------------------------------------------------------------------ sniffing

/// Reject, with a precise reason, the files that are not ZIP packages but
/// commonly carry a `.docx` name in archives.
pub(crate) fn sniff_non_zip(bytes: &[u8]) -> Result<(), DocError> {
    if bytes.starts_with(OLE_MAGIC) {
        // An encrypted OOXML file is an OLE compound file holding the
        // package in `EncryptedPackage`, described by `EncryptionInfo`.
        // Any other compound file here is most likely a Word 97-2003 .doc.
        return Err(if ole_has_stream(bytes, "EncryptionInfo") {
            DocError::Encrypted
        } else {
            DocError::UnsupportedFormat(
                "legacy .doc (Word 97-2003) is not supported; convert to .docx".into(),
            )
        });
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(DocError::UnsupportedFormat(
            "the file is RTF (saved with a .docx name); convert to .docx".into(),
        ));
    }
    Ok(())
}

/// Whether an OLE compound file has a stream called `name`.
///
/// Directory entries are 128-byte records in sectors that start at multiples
/// of 512 bytes, so scanning 128-byte slots for a matching UTF-16LE name,
/// name length and object type (2 = stream) finds them without walking the
/// FAT; a false positive would need that exact binary record inside content.
pub(crate) fn ole_has_stream(bytes: &[u8], name: &str) -> bool {
    let want: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let name_len = (want.len() + 2) as u16; // includes the UTF-16 terminator
    let mut off = 512;
    while off + 128 <= bytes.len() {
        let entry = &bytes[off..off + 128];
        if u16::from_le_bytes([entry[64], entry[65]]) == name_len
            && entry[66] == 2
            && entry.starts_with(&want)
        {
            return true;
        }
        off += 128;
    }
    false
}

/// Position of the end-of-central-directory record, searched where the ZIP
/// format allows it (last 22 + 65 535 bytes).
fn find_eocd(bytes: &[u8]) -> Option<usize> {
    let from = bytes.len().saturating_sub(22 + u16::MAX as usize);
    let tail = bytes.get(from..)?;
    (0..tail.len().saturating_sub(21))
        .rev()
        .find(|&i| tail[i..].starts_with(b"PK\x05\x06"))
        .map(|i| from + i)
}

/// Describe what a non-ZIP file looks like, for the error message.
fn looks_like(bytes: &[u8]) -> &'static str {
    let head = &bytes[..bytes.len().min(512)];
    let trimmed: Vec<u8> = head
        .iter()
        .copied()
        .skip_while(|b| b.is_ascii_whitespace() || *b == 0xEF || *b == 0xBB || *b == 0xBF)
        .take(64)
        .collect();
    let lower = String::from_utf8_lossy(&trimmed).to_ascii_lowercase();
    if head.starts_with(b"%PDF") {
        "; it is a PDF"
    } else if lower.starts_with("<html") || lower.starts_with("<!doctype html") {
        "; it is an HTML page"
    } else if lower.starts_with('<') {
        "; it is plain XML (Word 2003 XML or Flat OPC?)"
    } else {
        ""
    }
}

// ------------------------------------------------------------------- package

/// The ZIP package, with part names indexed case-insensitively (OPC part
/// names are case-insensitive, and some tools write `Word/Document.xml`).
struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    index: HashMap<String, usize>,
}

impl<'a> Package<'a> {
    fn open(bytes: &'a [u8]) -> Result<Self, DocError> {
        let eocd = find_eocd(bytes);
        if let Some(pos) = eocd {
            // Check the declared entry count before the zip crate allocates
            // for it (0xFFFF means ZIP64: checked after opening instead).
            let count = u16::from_le_bytes([bytes[pos + 10], bytes[pos + 11]]) as usize;
            if count != 0xFFFF && count > MAX_ENTRIES {
                return Err(too_many_entries(count));
            }
        }
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            DocError::Malformed(if !bytes.starts_with(b"PK") {
                format!(
                    "not a ZIP package (a .docx file is a ZIP archive){}",
                    looks_like(bytes)
                )
            } else if eocd.is_none() {
                "truncated ZIP package: no end-of-central-directory record (the file was cut short?)"
                    .to_string()
            } else {
                format!("damaged ZIP package: {e}")
            })
        })?;
        if zip.len() > MAX_ENTRIES {
            return Err(too_many_entries(zip.len()));
        }
        let mut index = HashMap::with_capacity(zip.len());
        for i in 0..zip.len() {
            if let Some(name) = zip.name_for_index(i) {
                index.entry(normalise_part_name(name)).or_insert(i);
            }
        }
        Ok(Package { zip, index })
    }

    fn has(&self, name: &str) -> bool {
        self.index.contains_key(&normalise_part_name(name))
    }

    /// Read one part, inflating at most `cap` bytes. `Ok(None)` when absent.
    fn read(&mut self, name: &str, cap: u64) -> Result<Option<Vec<u8>>, DocError> {
        let Some(&i) = self.index.get(&normalise_part_name(name)) else {
            return Ok(None);
        };
        let file = self.zip.by_index(i).map_err(|e| match e {
            zip::result::ZipError::UnsupportedArchive(msg)
                if msg == zip::result::ZipError::PASSWORD_REQUIRED =>
            {
                DocError::Encrypted
            }
            zip::result::ZipError::UnsupportedArchive(msg) => {
                DocError::UnsupportedFormat(format!("{name}: {msg}"))
            }
            other => DocError::Malformed(format!("{name}: {other}")),
        })?;
        // The declared size is checked first so an honest bomb fails fast;
        // the headers can lie, so the read itself is capped too.
        let declared = file.size();
        if declared > cap {
            return Err(DocError::TooLarge(format!(
                "{name} declares {declared} bytes uncompressed (limit {cap})"
            )));
        }
        let mut data = Vec::with_capacity(declared as usize);
        file.take(cap + 1)
            .read_to_end(&mut data)
            .map_err(|e| DocError::Malformed(format!("{name}: cannot decompress: {e}")))?;
        if data.len() as u64 > cap {
            return Err(DocError::TooLarge(format!(
                "{name} inflates past {cap} bytes although it declares {declared} (zip bomb?)"
            )));
        }
        Ok(Some(data))
    }

    /// The main document part: from the package relationships, else the
    /// conventional `word/document.xml`.
    fn main_document_name(&mut self) -> Result<String, DocError> {
        let rels = self.relationships("_rels/.rels", "")?;
        let target = rels.find("/officeDocument");
        let found = target
            .iter()
            .map(String::as_str)
            .chain(["word/document.xml"])
            .find(|c| self.has(c))
            .map(str::to_string);
        // Other Office packages renamed to .docx deserve a precise answer.
        let other = |name: &str| -> Option<&'static str> {
            let lower = name.to_lowercase();
            if lower.starts_with("xl/") {
                Some("the package is an Excel workbook (.xlsx), not a Word document")
            } else if lower.starts_with("ppt/") {
                Some("the package is a PowerPoint presentation (.pptx), not a Word document")
            } else {
                None
            }
        };
        match found {
            Some(name) => match other(&name) {
                Some(msg) => Err(DocError::UnsupportedFormat(msg.into())),
                None => Ok(name),
            },
            None => Err(
                match ["xl/workbook.xml", "ppt/presentation.xml"]
                    .into_iter()
                    .find(|p| self.has(p))
                    .and_then(other)
                {
                    Some(msg) => DocError::UnsupportedFormat(msg.into()),
                    None => DocError::Malformed(
                        "the ZIP package has no word/document.xml: not a Word document, or damaged"
                            .into(),
                    ),
                },
            ),
        }
    }

    /// Relationships of `part` (from `dir/_rels/name.rels`).
    fn relationships_of(&mut self, part: &str) -> Result<Rels, DocError> {
        let dir = part_dir(part);
        let file = &part[dir.len()..];
        self.relationships(&format!("{dir}_rels/{file}.rels"), &dir)
    }

    /// Parse a `.rels` part; targets are resolved against `base_dir`. A
    /// missing or unreadable `.rels` only loses the hints, so it is empty.
    fn relationships(&mut self, rels_name: &str, base_dir: &str) -> Result<Rels, DocError> {
        let Some(data) = self.read(rels_name, MAX_RELS_BYTES)? else {
            return Ok(Rels::default());
        };
        let data = to_utf8(data);
        let mut reader = Reader::from_reader(data.as_slice());
        let mut rels = Rels::default();
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) | Ok(Event::Empty(e))
                    if e.local_name().as_ref() == b"Relationship" =>
                {
                    let external =
                        attr(&e, b"TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("external"));
                    if let (Some(typ), Some(target), false) =
                        (attr(&e, b"Type"), attr(&e, b"Target"), external)
                    {
                        rels.0.push((typ, resolve_target(base_dir, &target)));
                    }
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => {}
            }
        }
        Ok(rels)
    }
}

fn too_many_entries(n: usize) -> DocError {
    DocError::TooLarge(format!(
        "the ZIP package has {n} entries (limit {MAX_ENTRIES})"
    ))
}

/// Relationships as (type URI, resolved part name).
#[derive(Default)]
struct Rels(Vec<(String, String)>);

impl Rels {
    /// Target of the first relationship whose type URI ends with `suffix`
    /// (transitional and strict OOXML differ only in the URI prefix).
    fn find(&self, suffix: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(typ, _)| typ.ends_with(suffix))
            .map(|(_, target)| target.clone())
    }
}

/// Lower-case, `/`-separated, without a leading `/`.
fn normalise_part_name(name: &str) -> String {
    name.replace('\\', "/")
        .trim_start_matches('/')
        .to_lowercase()
}

/// Folder of a part name, with its trailing `/` (empty at the root).
fn part_dir(name: &str) -> String {
    match name.rfind('/') {
        Some(i) => name[..=i].to_string(),
        None => String::new(),
    }
}

/// Resolve a relationship target against the source part's folder.
fn resolve_target(base_dir: &str, target: &str) -> String {
    let target = target.split('#').next().unwrap_or("").replace('\\', "/");
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("{base_dir}{target}"),
    };
    let mut segments: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

/// XML parts are UTF-8 in practice; UTF-16 is allowed by the spec and
/// quick-xml (without its encoding feature) reads only ASCII-compatible
/// input, so convert it here. A UTF-8 BOM is dropped.
fn to_utf8(data: Vec<u8>) -> Vec<u8> {
    let utf16 = |be: bool| -> Vec<u8> {
        let units: Vec<u16> = data[2..]
            .chunks_exact(2)
            .map(|c| {
                if be {
                    u16::from_be_bytes([c[0], c[1]])
                } else {
                    u16::from_le_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units).into_bytes()
    };
    if data.starts_with(&[0xFF, 0xFE]) {
        utf16(false)
    } else if data.starts_with(&[0xFE, 0xFF]) {
        utf16(true)
    } else if data.starts_with(&[0xEF, 0xBB, 0xBF]) {
        data[3..].to_vec()
    } else {
        data
    }
}

// ------------------------------------------------------------------ XML bits

/// An attribute value by local name (prefixes vary between producers).
fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| match a.unescape_value() {
            Ok(v) => v.into_owned(),
            Err(_) => String::from_utf8_lossy(&a.value).into_owned(),
        })
}

/// An OOXML on/off property: present without `w:val`, or with a true value.
fn on_off(e: &BytesStart) -> bool {
    !matches!(
        attr(e, b"val").as_deref().map(str::trim),
        Some("0" | "false" | "off" | "none")
    )
}

fn xml_error(part: &str, e: quick_xml::Error, pos: u64) -> DocError {
    DocError::Malformed(format!("{part}: invalid XML at byte {pos}: {e}"))
}

/// Ignore elements whose name ends with "Change": they hold the *previous*
/// properties of tracked formatting changes (`w:pPrChange`, `w:rPrChange`,
/// `w:numberingChange`…), which must not override the current ones.
fn is_change_record(local: &[u8]) -> bool {
    local.ends_with(b"Change")
}

#[derive(Default)]
struct Warnings(Vec<(WarningCode, String)>);

impl Warnings {
    fn push(&mut self, code: WarningCode, msg: String) {
        if !self.0.iter().any(|(k, m)| *k == code && *m == msg) {
            self.0.push((code, msg));
        }
    }
}

// -------------------------------------------------------------------- styles

#[derive(Default)]
struct StyleDef {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
}

/// What numbering needs from `styles.xml`: `basedOn` chains and the
/// `w:pPr/w:numPr` of each style.
#[derive(Default)]
struct Styles {
    by_id: HashMap<String, StyleDef>,
    default_paragraph: Option<String>,
}

impl Styles {
    fn parse(data: Vec<u8>, part: &str) -> Result<Styles, DocError> {
        #[derive(Clone, Copy, PartialEq)]
        enum T {
            Style,
            PPr,
            NumPr,
            Other,
        }
        let data = to_utf8(data);
        let mut reader = Reader::from_reader(data.as_slice());
        let mut styles = Styles::default();
        let mut stack: Vec<T> = Vec::new();
        let mut skip = 0usize;
        let mut current: Option<(String, StyleDef)> = None;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| xml_error(part, e, reader.error_position()))?;
            let (e, empty) = match &event {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(_) => {
                    if skip > 0 {
                        skip -= 1;
                    } else if stack.pop() == Some(T::Style) {
                        if let Some((id, def)) = current.take() {
                            styles.by_id.entry(id).or_insert(def);
                        }
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            if skip > 0 {
                skip += usize::from(!empty);
                continue;
            }
            let local = e.local_name();
            let local = local.as_ref();
            let parent = stack.last().copied();
            let tag = match local {
                _ if is_change_record(local) => {
                    skip = usize::from(!empty);
                    continue;
                }
                b"style" => {
                    let id = attr(e, b"styleId").unwrap_or_default();
                    let paragraph = attr(e, b"type").is_none_or(|t| t == "paragraph");
                    if paragraph && attr(e, b"default").is_some_and(|d| d == "1" || d == "true") {
                        styles.default_paragraph.get_or_insert_with(|| id.clone());
                    }
                    current = Some((id, StyleDef::default()));
                    T::Style
                }
                b"basedOn" if parent == Some(T::Style) => {
                    if let Some((_, def)) = current.as_mut() {
                        def.based_on = attr(e, b"val");
                    }
                    T::Other
                }
                b"pPr" if parent == Some(T::Style) => T::PPr,
                b"numPr" if parent == Some(T::PPr) => T::NumPr,
                b"numId" | b"ilvl" if parent == Some(T::NumPr) => {
                    if let (Some((_, def)), Some(v)) = (current.as_mut(), attr(e, b"val")) {
                        if local == b"numId" {
                            def.num_id = Some(v.trim().to_string());
                        } else {
                            def.ilvl = v.trim().parse::<usize>().ok().map(|l| l.min(LEVELS - 1));
                        }
                    }
                    T::Other
                }
                _ => T::Other,
            };
            if empty {
                if tag == T::Style {
                    if let Some((id, def)) = current.take() {
                        styles.by_id.entry(id).or_insert(def);
                    }
                }
            } else {
                stack.push(tag);
            }
        }
        Ok(styles)
    }

    /// The numbering (`numId`, `ilvl`) a paragraph style carries, following
    /// `basedOn`: the first numId found wins, with the first ilvl met on the
    /// way there.
    fn numbering_of(&self, style: &str) -> (Option<&str>, Option<usize>) {
        let mut ilvl = None;
        let mut id = Some(style);
        for _ in 0..MAX_STYLE_CHAIN {
            let Some(def) = id.and_then(|s| self.by_id.get(s)) else {
                break;
            };
            ilvl = ilvl.or(def.ilvl);
            if let Some(num) = def.num_id.as_deref() {
                return (Some(num), ilvl);
            }
            id = def.based_on.as_deref();
        }
        (None, ilvl)
    }
}

// ----------------------------------------------------------------- numbering

/// Number formats (`w:numFmt`) we render; anything else falls back to
/// decimal, which is what an outline in a Vietnamese plan uses anyway.
#[derive(Clone, Copy, Debug, PartialEq)]
enum NumFmt {
    Decimal,
    /// Zero-padded decimal of this width (`decimalZero`, custom `01, 02…`).
    DecimalZero(usize),
    UpperRoman,
    LowerRoman,
    UpperLetter,
    LowerLetter,
    Bullet,
    None,
}

impl NumFmt {
    /// Parse `w:numFmt`; `None` for a custom format we cannot interpret.
    fn parse(val: &str, custom_format: Option<&str>) -> Option<NumFmt> {
        Some(match val {
            "decimalZero" => NumFmt::DecimalZero(2),
            "upperRoman" => NumFmt::UpperRoman,
            "lowerRoman" => NumFmt::LowerRoman,
            "upperLetter" => NumFmt::UpperLetter,
            "lowerLetter" => NumFmt::LowerLetter,
            "bullet" => NumFmt::Bullet,
            "none" => NumFmt::None,
            "custom" => {
                // Word 2010+ writes e.g. "001, 002, 003, ..." for padded
                // decimals; other custom schemes are left to the fallback.
                let first = custom_format?.split(',').next()?.trim();
                if (2..=10).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_digit()) {
                    NumFmt::DecimalZero(first.len())
                } else {
                    return None;
                }
            }
            _ => NumFmt::Decimal,
        })
    }

    fn render(self, n: i64) -> String {
        match self {
            NumFmt::Decimal => n.to_string(),
            NumFmt::DecimalZero(width) if n >= 0 => format!("{n:0width$}"),
            NumFmt::DecimalZero(_) => n.to_string(),
            NumFmt::UpperRoman => roman(n).unwrap_or_else(|| n.to_string()),
            NumFmt::LowerRoman => roman(n)
                .map(|r| r.to_lowercase())
                .unwrap_or_else(|| n.to_string()),
            // Word's letter sequence is the Latin a, b, c, d, e, f… (then aa,
            // bb…), even though Vietnamese drafting rules (ND 30/2020) list
            // items as a, b, c, d, đ, e, g, h… We render what Word renders;
            // mapping to the Vietnamese sequence is not ingest's business.
            NumFmt::UpperLetter => letters(n).unwrap_or_else(|| n.to_string()),
            NumFmt::LowerLetter => letters(n)
                .map(|l| l.to_lowercase())
                .unwrap_or_else(|| n.to_string()),
            NumFmt::Bullet | NumFmt::None => String::new(),
        }
    }
}

fn roman(n: i64) -> Option<String> {
    if !(1..=3999).contains(&n) {
        return None;
    }
    const TABLE: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    Some(out)
}

/// Word's letter numbering: A…Z, then AA, BB… (the letter repeated, not
/// base 26). Capped so a hostile start value cannot allocate gigabytes.
fn letters(n: i64) -> Option<String> {
    if !(1..=26 * 50).contains(&n) {
        return None;
    }
    let letter = (b'A' + ((n - 1) % 26) as u8) as char;
    Some(std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect())
}

/// One `w:lvl`; fields are `None` when not given.
#[derive(Clone, Default)]
struct Level {
    start: Option<i64>,
    fmt: Option<NumFmt>,
    text: Option<String>,
    /// `w:lvlRestart`: 0 = never restart, n = restart after level n (1-based).
    restart: Option<i64>,
    legal: bool,
    pstyle: Option<String>,
}

#[derive(Default)]
struct AbstractNum {
    levels: [Option<Level>; LEVELS],
    num_style_link: Option<String>,
}

#[derive(Default, Clone)]
struct LevelOverride {
    start: Option<i64>,
    level: Option<Level>,
}

#[derive(Default)]
struct NumDef {
    abstract_id: String,
    overrides: [LevelOverride; LEVELS],
}

/// `numbering.xml`: abstract definitions and the `w:num` instances that
/// paragraphs reference.
#[derive(Default)]
struct Numbering {
    abstracts: HashMap<String, AbstractNum>,
    nums: HashMap<String, NumDef>,
}

impl Numbering {
    fn parse(data: Vec<u8>, part: &str) -> Result<Numbering, DocError> {
        let data = to_utf8(data);
        let mut reader = Reader::from_reader(data.as_slice());
        let mut out = Numbering::default();
        let mut stack: Vec<NTag> = Vec::new();
        let mut skip = 0usize;
        let mut abs: Option<(String, AbstractNum)> = None;
        let mut num: Option<(String, NumDef)> = None;
        let mut ovr: Option<(usize, LevelOverride)> = None;
        let mut lvl: Option<(usize, Level)> = None;

        loop {
            let event = reader
                .read_event()
                .map_err(|e| xml_error(part, e, reader.error_position()))?;
            let (e, empty) = match &event {
                Event::Start(e) => (Some(e), false),
                Event::Empty(e) => (Some(e), true),
                Event::End(_) => (None, false),
                Event::Eof => break,
                _ => continue,
            };
            let Some(e) = e else {
                // End tag.
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let closed = stack.pop();
                close_numbering(closed, &mut out, &mut abs, &mut num, &mut ovr, &mut lvl);
                continue;
            };
            if skip > 0 {
                skip += usize::from(!empty);
                continue;
            }
            let local = e.local_name();
            let local = local.as_ref();
            // Nearest enclosing element that means something here.
            let parent = stack
                .iter()
                .rev()
                .copied()
                .find(|t| *t != NTag::Transparent);
            let val = || attr(e, b"val");
            let int = |s: Option<String>| s.and_then(|v| v.trim().parse::<i64>().ok());
            let tag = match (local, parent) {
                (l, _) if is_change_record(l) => {
                    skip = usize::from(!empty);
                    continue;
                }
                (b"AlternateContent" | b"Choice" | b"Fallback", _) => NTag::Transparent,
                (b"abstractNum", _) => {
                    abs = Some((
                        attr(e, b"abstractNumId").unwrap_or_default(),
                        AbstractNum::default(),
                    ));
                    NTag::Abstract
                }
                (b"num", _) => {
                    num = Some((attr(e, b"numId").unwrap_or_default(), NumDef::default()));
                    NTag::Num
                }
                (b"numStyleLink", Some(NTag::Abstract)) => {
                    if let Some((_, a)) = abs.as_mut() {
                        a.num_style_link = val();
                    }
                    NTag::Other
                }
                (b"abstractNumId", Some(NTag::Num)) => {
                    if let (Some((_, n)), Some(v)) = (num.as_mut(), val()) {
                        n.abstract_id = v.trim().to_string();
                    }
                    NTag::Other
                }
                (b"lvlOverride", Some(NTag::Num)) => {
                    ovr = level_index(attr(e, b"ilvl")).map(|i| (i, LevelOverride::default()));
                    NTag::Override
                }
                (b"startOverride", Some(NTag::Override)) => {
                    if let Some((_, o)) = ovr.as_mut() {
                        o.start = int(val());
                    }
                    NTag::Other
                }
                (b"lvl", Some(NTag::Abstract | NTag::Override)) => {
                    lvl = level_index(attr(e, b"ilvl")).map(|i| (i, Level::default()));
                    NTag::Lvl
                }
                (b"pPr" | b"rPr", Some(NTag::Lvl)) => NTag::Props,
                (_, Some(NTag::Lvl)) => {
                    if let Some((_, l)) = lvl.as_mut() {
                        match local {
                            b"start" => l.start = int(val()),
                            b"numFmt" if l.fmt.is_none() => {
                                l.fmt = val().and_then(|v| {
                                    NumFmt::parse(v.trim(), attr(e, b"format").as_deref())
                                });
                            }
                            // The text is repeated on every numbered
                            // paragraph: an absurd one would amplify a
                            // small file into a huge output.
                            b"lvlText" => l.text = val().filter(|t| t.len() <= MAX_LVL_TEXT),
                            b"lvlRestart" => l.restart = int(val()),
                            b"isLgl" => l.legal = on_off(e),
                            b"pStyle" => l.pstyle = val(),
                            _ => {}
                        }
                    }
                    NTag::Other
                }
                _ => NTag::Other,
            };
            if empty {
                close_numbering(Some(tag), &mut out, &mut abs, &mut num, &mut ovr, &mut lvl);
            } else {
                stack.push(tag);
            }
        }
        Ok(out)
    }
}

fn level_index(v: Option<String>) -> Option<usize> {
    v?.trim().parse::<usize>().ok().filter(|&i| i < LEVELS)
}

/// Elements of `numbering.xml` the parser tracks.
#[derive(Clone, Copy, PartialEq)]
enum NTag {
    Abstract,
    Num,
    Lvl,
    Override,
    /// `w:pPr` / `w:rPr` of a level: their children are not level
    /// properties (`w:tabs/w:tab`, `w:ind`…).
    Props,
    /// `mc:AlternateContent` and its branches: Word 2010+ wraps `w:numFmt`
    /// in them; both branches are read and the first format understood
    /// wins (the Choice comes first).
    Transparent,
    Other,
}

/// File a finished numbering element into its parent.
fn close_numbering(
    closed: Option<NTag>,
    out: &mut Numbering,
    abs: &mut Option<(String, AbstractNum)>,
    num: &mut Option<(String, NumDef)>,
    ovr: &mut Option<(usize, LevelOverride)>,
    lvl: &mut Option<(usize, Level)>,
) {
    match closed {
        Some(NTag::Lvl) => {
            let Some((i, level)) = lvl.take() else { return };
            // A w:lvl inside w:lvlOverride replaces the abstract level for
            // this instance only.
            if let Some((_, o)) = ovr.as_mut() {
                o.level = Some(level);
            } else if let Some((_, a)) = abs.as_mut() {
                a.levels[i] = Some(level);
            }
        }
        Some(NTag::Override) => {
            if let (Some((i, o)), Some((_, n))) = (ovr.take(), num.as_mut()) {
                n.overrides[i] = o;
            }
        }
        Some(NTag::Num) => {
            if let Some((id, n)) = num.take() {
                out.nums.entry(id.trim().to_string()).or_insert(n);
            }
        }
        Some(NTag::Abstract) => {
            if let Some((id, a)) = abs.take() {
                out.abstracts.entry(id.trim().to_string()).or_insert(a);
            }
        }
        _ => {}
    }
}

// --------------------------------------------------------------------- lists

/// Resolves paragraph numbering and keeps the running counters.
struct Lists<'a> {
    styles: &'a Styles,
    numbering: Option<&'a Numbering>,
    numbering_part: String,
    /// Counters per abstract definition. Word shares one running count
    /// between all `w:num` instances of an abstractNum (that is how a list
    /// continues after an interruption); a `w:startOverride` restarts it on
    /// the instance's first use.
    counters: HashMap<String, [Option<i64>; LEVELS]>,
    seen_nums: HashSet<String>,
    /// The numbering part exists but could not be parsed (already reported).
    numbering_broken: bool,
    /// numPr used while the package has no numbering part.
    missing_part: bool,
    /// (numId, level) pairs that do not resolve to a level definition.
    unresolved: BTreeSet<String>,
}

impl<'a> Lists<'a> {
    fn new(
        styles: &'a Styles,
        numbering: Option<&'a Numbering>,
        numbering_broken: bool,
        part: String,
    ) -> Self {
        Lists {
            styles,
            numbering,
            numbering_part: part,
            numbering_broken,
            counters: HashMap::new(),
            seen_nums: HashSet::new(),
            missing_part: false,
            unresolved: BTreeSet::new(),
        }
    }

    /// The prefix Word shows for a paragraph ("" when not numbered), and
    /// advance the counters.
    fn prefix(&mut self, para: &Para) -> String {
        let style = para
            .style
            .as_deref()
            .or(self.styles.default_paragraph.as_deref());
        let (style_num, style_ilvl) = style
            .map(|s| self.styles.numbering_of(s))
            .unwrap_or((None, None));
        let from_style = para.num_id.is_none();
        let Some(num_id) = para.num_id.as_deref().or(style_num) else {
            return String::new();
        };
        let num_id = num_id.trim();
        // numId 0 explicitly removes numbering (e.g. inherited from a style).
        if num_id == "0" || num_id.is_empty() {
            return String::new();
        }
        let Some(numbering) = self.numbering else {
            self.missing_part |= !self.numbering_broken;
            return String::new();
        };
        let Some((abstract_id, abs, num)) = resolve_num(numbering, self.styles, num_id) else {
            self.unresolved.insert(format!("numId {num_id}"));
            return String::new();
        };
        let ilvl = para
            .ilvl
            .or(style_ilvl)
            .or_else(|| {
                // Style-driven lists (headings) name their style on the
                // level instead of giving an ilvl.
                let style = style.filter(|_| from_style)?;
                abs.levels
                    .iter()
                    .position(|l| l.as_ref().and_then(|l| l.pstyle.as_deref()) == Some(style))
            })
            .unwrap_or(0);
        let level_of = |l: usize| num.overrides[l].level.as_ref().or(abs.levels[l].as_ref());
        let start_of = |l: usize| {
            num.overrides[l]
                .start
                .or_else(|| level_of(l).and_then(|lv| lv.start))
                .unwrap_or(0) // the spec's default when w:start is absent
        };
        let Some(level) = level_of(ilvl) else {
            self.unresolved
                .insert(format!("numId {num_id} level {ilvl}"));
            return String::new();
        };

        let state = self.counters.entry(abstract_id.to_string()).or_default();
        if self.seen_nums.insert(num_id.to_string()) {
            for (l, o) in num.overrides.iter().enumerate() {
                if o.start.is_some() {
                    state[l] = None;
                }
            }
        }
        state[ilvl] = Some(match state[ilvl] {
            Some(v) => v.saturating_add(1),
            None => start_of(ilvl),
        });
        // Deeper levels restart when a shallower one is used, unless their
        // w:lvlRestart says otherwise (0 = never, n = after level n).
        for (deeper, slot) in state.iter_mut().enumerate().skip(ilvl + 1) {
            let restarts = match level_of(deeper).and_then(|l| l.restart) {
                None => true,
                Some(0) => false,
                Some(n) => (ilvl as i64) < n,
            };
            if restarts {
                *slot = None;
            }
        }

        let fmt = level.fmt.unwrap_or(NumFmt::Decimal);
        let text = level.text.as_deref().unwrap_or("");
        if fmt == NumFmt::Bullet {
            return bullet(text);
        }
        if !text.contains('%') {
            return literal_or_bullet(text);
        }
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let slot = chars
                .peek()
                .and_then(|d| d.to_digit(10))
                .filter(|d| (1..=LEVELS as u32).contains(d));
            match (c, slot) {
                ('%', Some(d)) => {
                    chars.next();
                    let l = d as usize - 1;
                    let value = state[l].unwrap_or_else(|| start_of(l));
                    // isLgl shows every number of this level's text in decimal.
                    let f = if level.legal {
                        NumFmt::Decimal
                    } else {
                        level_of(l).and_then(|lv| lv.fmt).unwrap_or(NumFmt::Decimal)
                    };
                    out.push_str(&f.render(value));
                }
                _ => out.push(c),
            }
        }
        out.trim().to_string()
    }

    fn report(&self, warnings: &mut Warnings) {
        if self.missing_part {
            warnings.push(
                WarningCode::Numbering,
                "paragraphs use automatic numbering but the package has no numbering part; \
                 their numbers (I., 1., a) …) are missing from the text"
                    .to_string(),
            );
        }
        if !self.unresolved.is_empty() {
            let list: Vec<&str> = self.unresolved.iter().map(String::as_str).collect();
            warnings.push(
                WarningCode::Numbering,
                format!(
                    "{} not defined in {}; those paragraphs have no number prefix",
                    list.join(", "),
                    self.numbering_part
                ),
            );
        }
    }
}

/// numId → (abstractNumId, abstract definition, instance), following
/// `w:numStyleLink` to the list style's own definition.
fn resolve_num<'n>(
    numbering: &'n Numbering,
    styles: &Styles,
    num_id: &str,
) -> Option<(&'n str, &'n AbstractNum, &'n NumDef)> {
    let num = numbering.nums.get(num_id)?;
    let mut abstract_id = num.abstract_id.as_str();
    let mut abs = numbering.abstracts.get(abstract_id)?;
    for _ in 0..MAX_STYLE_CHAIN {
        let Some(link) = abs.num_style_link.as_deref() else {
            break;
        };
        let target = styles
            .by_id
            .get(link)
            .and_then(|s| s.num_id.as_deref())
            .and_then(|id| numbering.nums.get(id.trim()))
            .and_then(|n| {
                Some((
                    n.abstract_id.as_str(),
                    numbering.abstracts.get(&n.abstract_id)?,
                ))
            });
        match target {
            Some((id, a)) if id != abstract_id => (abstract_id, abs) = (id, a),
            _ => break,
        }
    }
    Some((abstract_id, abs, num))
}

/// A bullet level: Word shows a symbol-font glyph; we write `-`, except a
/// literal `+`, which Vietnamese drafts use as a second-level mark.
fn bullet(text: &str) -> String {
    match text.trim() {
        "" => String::new(),
        "+" => "+".to_string(),
        _ => "-".to_string(),
    }
}

/// Level text without a number placeholder: some producers put a bullet
/// glyph on a non-bullet level; treat glyphs as bullets, keep real text.
fn literal_or_bullet(text: &str) -> String {
    let t = text.trim();
    let glyph =
        |c: char| ('\u{F000}'..='\u{F0FF}').contains(&c) || "•◦▪▫■□●○◆◇►▸➢➤✓✔❖–—-*·o".contains(c);
    if t == "+" {
        t.to_string()
    } else if t.chars().count() == 1 && t.chars().all(glyph) {
        "-".to_string()
    } else {
        t.to_string()
    }
}

// ------------------------------------------------------------- document body

/// Namespaces the body walker distinguishes.
#[derive(Clone, Copy, PartialEq)]
enum Ns {
    W,
    Mc,
    Math,
    Other,
}

fn ns_of(r: &ResolveResult) -> Ns {
    match r {
        ResolveResult::Bound(Namespace(uri)) => match *uri {
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            | b"http://purl.oclc.org/ooxml/wordprocessingml/main" => Ns::W,
            b"http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Mc,
            b"http://schemas.openxmlformats.org/officeDocument/2006/math"
            | b"http://purl.oclc.org/ooxml/officeDocument/math" => Ns::Math,
            _ => Ns::Other,
        },
        // Sloppy generators omit the declarations; trust the usual prefixes.
        ResolveResult::Unbound => Ns::W,
        ResolveResult::Unknown(prefix) => match prefix.as_slice() {
            b"w" => Ns::W,
            b"mc" => Ns::Mc,
            b"m" => Ns::Math,
            _ => Ns::Other,
        },
    }
}

/// Elements of the body that matter.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Tag {
    P,
    PPr,
    PStyle,
    NumPr,
    Ilvl,
    NumId,
    R,
    RPr,
    T,
    MathT,
    Tab,
    Br,
    NoBreakHyphen,
    Sym,
    Del,
    Vanish,
    FldChar,
    Tbl,
    Tr,
    TrPr,
    Tc,
    TcPr,
    VMerge,
    CellDel,
    TxbxContent,
    AltContent,
    Choice,
    Fallback,
    AltChunk,
    Change,
    Other,
}

fn classify(ns: Ns, local: &[u8]) -> Tag {
    match ns {
        Ns::W => match local {
            b"p" => Tag::P,
            b"pPr" => Tag::PPr,
            b"pStyle" => Tag::PStyle,
            b"numPr" => Tag::NumPr,
            b"ilvl" => Tag::Ilvl,
            b"numId" => Tag::NumId,
            b"r" => Tag::R,
            b"rPr" => Tag::RPr,
            b"t" => Tag::T,
            b"tab" | b"ptab" => Tag::Tab,
            b"br" | b"cr" => Tag::Br,
            b"noBreakHyphen" => Tag::NoBreakHyphen,
            b"sym" => Tag::Sym,
            // Moved-away text is deleted text as far as the result goes.
            b"del" | b"moveFrom" => Tag::Del,
            b"vanish" => Tag::Vanish,
            b"fldChar" => Tag::FldChar,
            b"tbl" => Tag::Tbl,
            b"tr" => Tag::Tr,
            b"trPr" => Tag::TrPr,
            b"tc" => Tag::Tc,
            b"tcPr" => Tag::TcPr,
            b"vMerge" => Tag::VMerge,
            b"cellDel" => Tag::CellDel,
            b"txbxContent" => Tag::TxbxContent,
            b"altChunk" => Tag::AltChunk,
            l if is_change_record(l) => Tag::Change,
            // w:softHyphen, w:delText, w:instrText, footnote/comment
            // references, w:lastRenderedPageBreak…: nothing to show.
            _ => Tag::Other,
        },
        Ns::Mc => match local {
            b"AlternateContent" => Tag::AltContent,
            b"Choice" => Tag::Choice,
            b"Fallback" => Tag::Fallback,
            _ => Tag::Other,
        },
        Ns::Math if local == b"t" => Tag::MathT,
        _ => Tag::Other,
    }
}

/// A paragraph being read.
#[derive(Default)]
struct Para {
    text: String,
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
    /// Tracked deletion of the paragraph mark: merges into the next one.
    mark_deleted: bool,
    /// Lines of text boxes anchored in this paragraph, shown before it.
    pre_lines: Vec<String>,
}

#[derive(Default)]
struct Cell {
    parts: Vec<String>,
    /// `w:vMerge` continuation: the text belongs to the cell above.
    continuation: bool,
    deleted: bool,
}

/// Open containers, innermost last.
enum Frame {
    Para(Para),
    Run {
        hidden: bool,
    },
    Table {
        rows: Vec<String>,
    },
    Row {
        cells: Vec<Vec<String>>,
        deleted: bool,
    },
    Cell(Cell),
    TextBox {
        lines: Vec<String>,
    },
}

/// Text of paragraphs whose mark was deleted, waiting to be joined to the
/// next paragraph of the same container (`key` = that container's depth).
struct Carry {
    key: usize,
    text: String,
    pre_lines: Vec<String>,
}

/// Field state: `w:fldChar begin` opens the instruction, `separate` starts
/// the displayed result, `end` closes. Fields nest.
#[derive(Clone, Copy, PartialEq)]
enum FieldPart {
    Instruction,
    Result,
}

/// Streams the body XML once, iteratively (no recursion, whatever the
/// nesting), keeping open containers on a heap stack.
struct Walker<'a, 'w> {
    lists: Lists<'a>,
    warnings: &'w mut Warnings,
    /// Open body elements that were not skipped, and whether each owns a
    /// frame.
    tags: Vec<(Tag, bool)>,
    /// Depth inside a skipped subtree (0 = not skipping).
    skip: usize,
    frames: Vec<Frame>,
    carries: Vec<Carry>,
    fields: Vec<FieldPart>,
    /// How many entries of `fields` are in their instruction part.
    in_instruction: usize,
    table_depth: usize,
    textbox_depth: usize,
    /// Per open mc:AlternateContent: whether a branch was already taken.
    alt_chosen: Vec<bool>,
    out: Vec<String>,
}

/// What to do with an opening element.
#[derive(PartialEq)]
enum Action {
    Enter,
    /// Ignore the element and everything inside it.
    Skip,
}

impl<'a, 'w> Walker<'a, 'w> {
    fn new(lists: Lists<'a>, warnings: &'w mut Warnings) -> Self {
        Walker {
            lists,
            warnings,
            tags: Vec::new(),
            skip: 0,
            frames: Vec::new(),
            carries: Vec::new(),
            fields: Vec::new(),
            in_instruction: 0,
            table_depth: 0,
            textbox_depth: 0,
            alt_chosen: Vec::new(),
            out: Vec::new(),
        }
    }

    fn run(mut self, data: Vec<u8>, part: &str) -> Result<String, DocError> {
        let data = to_utf8(data);
        let mut reader = NsReader::from_reader(data.as_slice());
        let mut seen_root = false;
        loop {
            let (ns, event) = match reader.read_resolved_event() {
                Ok(pair) => pair,
                Err(e) => return Err(xml_error(part, e, reader.error_position())),
            };
            match event {
                Event::Start(e) => {
                    seen_root = true;
                    if self.skip > 0 {
                        self.skip += 1;
                        continue;
                    }
                    let tag = classify(ns_of(&ns), e.local_name().as_ref());
                    match self.open(tag, &e) {
                        Action::Enter => self.enter(tag),
                        Action::Skip => self.skip = 1,
                    }
                }
                Event::Empty(e) => {
                    seen_root = true;
                    if self.skip > 0 {
                        continue;
                    }
                    let tag = classify(ns_of(&ns), e.local_name().as_ref());
                    if self.open(tag, &e) == Action::Enter {
                        self.enter(tag);
                        self.close();
                    }
                }
                Event::End(_) => {
                    if self.skip > 0 {
                        self.skip -= 1;
                    } else {
                        self.close();
                    }
                }
                // quick-xml 0.37 keeps entity references inside Text events
                // (unescaped below); 0.38+ reports them as separate
                // GeneralRef events, which would need an arm here.
                Event::Text(e) if self.skip == 0 && self.wants_text() => {
                    let raw = e.into_inner();
                    let text = self.decode_text(&raw, part);
                    self.emit(&text);
                }
                Event::CData(e) if self.skip == 0 && self.wants_text() => {
                    let text = String::from_utf8_lossy(&e.into_inner()).into_owned();
                    self.emit(&text);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if !seen_root {
            return Err(DocError::Malformed(format!("{part} holds no XML element")));
        }
        let open = self.tags.len() + self.skip;
        if open > 0 {
            return Err(DocError::Malformed(format!(
                "{part} ends with {open} element(s) still open (truncated part?)"
            )));
        }
        while let Some(c) = self.carries.pop() {
            self.out.extend(c.pre_lines);
            self.out.push(c.text);
        }
        if !self.fields.is_empty() {
            self.warnings.push(
                WarningCode::Docx,
                format!(
                    "{} field(s) in {part} are never closed; text after them may be missing",
                    self.fields.len()
                ),
            );
        }
        self.lists.report(self.warnings);
        Ok(self.out.join("\n"))
    }

    /// Text of a `w:t`, unescaped; damaged escapes are kept raw rather than
    /// failing the document.
    fn decode_text(&mut self, raw: &[u8], part: &str) -> String {
        let s = String::from_utf8_lossy(raw);
        if matches!(s, std::borrow::Cow::Owned(_)) {
            self.warnings.push(
                WarningCode::Docx,
                format!("{part} has invalid UTF-8 in text; replaced"),
            );
        }
        match quick_xml::escape::unescape(&s) {
            Ok(t) => t.into_owned(),
            Err(_) => {
                self.warnings.push(
                    WarningCode::Docx,
                    format!("{part} has undefined character references in text; kept as is"),
                );
                s.into_owned()
            }
        }
    }

    fn parent(&self, up: usize) -> Option<Tag> {
        self.tags.len().checked_sub(up + 1).map(|i| self.tags[i].0)
    }

    /// Decide what to do with an opening element; handles the properties
    /// and run content that need no closing work.
    fn open(&mut self, tag: Tag, e: &BytesStart) -> Action {
        let (p1, p2, p3) = (self.parent(0), self.parent(1), self.parent(2));
        let in_run = p1 == Some(Tag::R);
        match tag {
            Tag::Change => return Action::Skip,
            Tag::AltChunk => {
                self.warnings.push(
                    WarningCode::Docx,
                    "the document embeds content in another format (w:altChunk); it is not read"
                        .to_string(),
                );
                return Action::Skip;
            }
            Tag::Del => match (p1, p2) {
                (Some(Tag::RPr), Some(Tag::PPr)) if p3 == Some(Tag::P) => {
                    if let Some(Frame::Para(p)) = self.frames.last_mut() {
                        p.mark_deleted = true;
                    }
                }
                (Some(Tag::TrPr), Some(Tag::Tr)) if !self.tables_flattened() => {
                    if let Some(Frame::Row { deleted, .. }) = self.frames.last_mut() {
                        *deleted = true;
                    }
                }
                // Deleted runs: the whole subtree goes.
                _ => return Action::Skip,
            },
            Tag::Choice | Tag::Fallback => {
                // Take the first branch of an mc:AlternateContent only: a
                // text box is written twice, DrawingML then VML fallback.
                if let (Some(Tag::AltContent), Some(chosen)) = (p1, self.alt_chosen.last_mut()) {
                    if *chosen {
                        return Action::Skip;
                    }
                    *chosen = true;
                }
            }
            Tag::PStyle if p1 == Some(Tag::PPr) && p2 == Some(Tag::P) => {
                if let Some(Frame::Para(p)) = self.frames.last_mut() {
                    p.style = attr(e, b"val");
                }
            }
            Tag::NumId | Tag::Ilvl
                if p1 == Some(Tag::NumPr) && p2 == Some(Tag::PPr) && p3 == Some(Tag::P) =>
            {
                if let Some(Frame::Para(p)) = self.frames.last_mut() {
                    let v = attr(e, b"val").unwrap_or_default();
                    if tag == Tag::NumId {
                        p.num_id = Some(v.trim().to_string());
                    } else {
                        p.ilvl = v.trim().parse::<usize>().ok().map(|l| l.min(LEVELS - 1));
                    }
                }
            }
            Tag::Vanish if p1 == Some(Tag::RPr) && p2 == Some(Tag::R) => {
                if let Some(Frame::Run { hidden }) = self.frames.last_mut() {
                    *hidden = on_off(e);
                }
            }
            Tag::VMerge | Tag::CellDel
                if p1 == Some(Tag::TcPr) && p2 == Some(Tag::Tc) && !self.tables_flattened() =>
            {
                if let Some(Frame::Cell(c)) = self.frames.last_mut() {
                    if tag == Tag::CellDel {
                        c.deleted = true;
                    } else {
                        // No w:val means "continue".
                        c.continuation = attr(e, b"val").is_none_or(|v| v != "restart");
                    }
                }
            }
            Tag::FldChar if in_run => match attr(e, b"fldCharType").as_deref() {
                Some("begin") => {
                    self.fields.push(FieldPart::Instruction);
                    self.in_instruction += 1;
                }
                Some("separate") => {
                    if let Some(top) = self.fields.last_mut() {
                        if *top == FieldPart::Instruction {
                            *top = FieldPart::Result;
                            self.in_instruction -= 1;
                        }
                    }
                }
                Some("end") => {
                    let closed = self.fields.pop();
                    self.in_instruction -= usize::from(closed == Some(FieldPart::Instruction));
                }
                _ => {}
            },
            Tag::Tab if in_run => self.emit("\t"),
            Tag::Br if in_run => self.emit("\n"),
            Tag::NoBreakHyphen if in_run => self.emit("-"),
            Tag::Sym if in_run => {
                let font = attr(e, b"font");
                if let Some(c) = attr(e, b"char").and_then(|c| sym_char(font.as_deref(), &c)) {
                    self.emit(c.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
        Action::Enter
    }

    /// Push an entered element (and its container, if it is one).
    fn enter(&mut self, tag: Tag) {
        match tag {
            Tag::Tbl => self.table_depth += 1,
            Tag::TxbxContent => self.textbox_depth += 1,
            Tag::AltContent => self.alt_chosen.push(false),
            _ => {}
        }
        // Past the frame cap (hostile nesting) elements are read as plain
        // content of the containers around them, which keeps every frame
        // scan bounded.
        let frame = match tag {
            _ if self.frames.len() >= MAX_FRAMES => None,
            Tag::P => Some(Frame::Para(Para::default())),
            Tag::R => Some(Frame::Run { hidden: false }),
            Tag::Tbl | Tag::Tr | Tag::Tc if self.tables_flattened() => None,
            Tag::Tbl => Some(Frame::Table { rows: Vec::new() }),
            Tag::Tr => Some(Frame::Row {
                cells: Vec::new(),
                deleted: false,
            }),
            Tag::Tc => Some(Frame::Cell(Cell::default())),
            Tag::TxbxContent if self.textbox_depth > MAX_TEXTBOX_DEPTH => None,
            Tag::TxbxContent => Some(Frame::TextBox { lines: Vec::new() }),
            _ => None,
        };
        self.tags.push((tag, frame.is_some()));
        self.frames.extend(frame);
    }

    /// Close the innermost entered element.
    fn close(&mut self) {
        let Some((tag, owns_frame)) = self.tags.pop() else {
            return;
        };
        match tag {
            Tag::Tbl => self.table_depth -= 1,
            Tag::TxbxContent => self.textbox_depth -= 1,
            Tag::AltContent => {
                self.alt_chosen.pop();
            }
            _ => {}
        }
        if !owns_frame {
            return;
        }
        if !matches!(tag, Tag::P | Tag::R) {
            // A container ends: paragraphs of it still waiting for a
            // successor (deleted mark) stand on their own.
            let key = self.frames.len();
            while self.carries.last().is_some_and(|c| c.key == key) {
                if let Some(c) = self.carries.pop() {
                    let mut lines = c.pre_lines;
                    lines.push(c.text);
                    self.deliver(lines);
                }
            }
        }
        let Some(frame) = self.frames.pop() else {
            return;
        };
        match frame {
            Frame::Para(p) => self.finish_paragraph(p),
            Frame::Run { .. } => {}
            Frame::Cell(c) => {
                if c.deleted {
                    return;
                }
                let parts = if c.continuation { Vec::new() } else { c.parts };
                match self.frames.last_mut() {
                    Some(Frame::Row { cells, .. }) => cells.push(parts),
                    _ => self.deliver(vec![parts.join(" ")]),
                }
            }
            Frame::Row { cells, deleted } => {
                if deleted {
                    return;
                }
                // A layout row (the header's issuer and motto, the
                // recipients beside the signature) keeps each cell's lines,
                // cell after cell, as Word's own PDF export reads them; a
                // data row (one paragraph per cell) is one tab-separated line.
                let layout = cells.iter().any(|c| c.len() >= 2);
                let lines: Vec<String> = if layout {
                    cells.into_iter().flatten().collect()
                } else {
                    vec![cells
                        .iter()
                        .map(|c| c.join(" "))
                        .collect::<Vec<_>>()
                        .join("\t")]
                };
                match self.frames.last_mut() {
                    Some(Frame::Table { rows }) => rows.extend(lines),
                    _ => self.deliver(lines),
                }
            }
            Frame::Table { rows: lines } | Frame::TextBox { lines } => self.deliver(lines),
        }
    }

    fn finish_paragraph(&mut self, para: Para) {
        // In a tracked-deleted row or cell: neither shown nor numbered.
        if self.frames.iter().any(|f| {
            matches!(
                f,
                Frame::Row { deleted: true, .. } | Frame::Cell(Cell { deleted: true, .. })
            )
        }) {
            return;
        }
        let key = self.frames.len();
        let carry = match self.carries.last() {
            Some(c) if c.key == key => self.carries.pop(),
            _ => None,
        };
        if para.mark_deleted {
            // Its mark is gone: the text runs on into the next paragraph,
            // which brings the numbering (its mark holds the properties).
            let mut c = carry.unwrap_or(Carry {
                key,
                text: String::new(),
                pre_lines: Vec::new(),
            });
            c.text.push_str(&para.text);
            c.pre_lines.extend(para.pre_lines);
            self.carries.push(c);
            return;
        }
        let prefix = self.lists.prefix(&para);
        let (mut text, mut lines) = match carry {
            Some(c) => (c.text, c.pre_lines),
            None => (String::new(), Vec::new()),
        };
        text.push_str(&para.text);
        lines.extend(para.pre_lines);
        let line = match (prefix.is_empty(), text.is_empty()) {
            (true, _) => text,
            (false, true) => prefix,
            (false, false) => format!("{prefix} {text}"),
        };
        // A paragraph that only anchors text boxes adds no empty line.
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        self.deliver(lines);
    }

    /// Hand finished lines to the innermost container that takes lines.
    fn deliver(&mut self, lines: Vec<String>) {
        for frame in self.frames.iter_mut().rev() {
            match frame {
                Frame::Run { .. } => continue,
                Frame::Para(p) => p.pre_lines.extend(lines),
                Frame::TextBox { lines: l } => l.extend(lines),
                Frame::Table { rows } => rows.extend(lines),
                Frame::Cell(c) => c.parts.extend(
                    lines
                        .iter()
                        .map(|l| flatten(l))
                        .filter(|l| !l.trim().is_empty()),
                ),
                Frame::Row { cells, .. } => cells.push(vec![lines
                    .iter()
                    .map(|l| flatten(l))
                    .collect::<Vec<_>>()
                    .join(" ")]),
            }
            return;
        }
        self.out.extend(lines);
    }

    /// Tables nested past the limit are read as paragraphs of the cell
    /// around them.
    fn tables_flattened(&self) -> bool {
        self.table_depth > MAX_TABLE_DEPTH
    }

    fn wants_text(&self) -> bool {
        matches!(self.tags.last(), Some((Tag::T | Tag::MathT, _)))
    }

    /// Append displayed text to the current paragraph, unless it is part of
    /// a field instruction or a hidden run.
    fn emit(&mut self, s: &str) {
        if self.in_instruction > 0 {
            return;
        }
        for frame in self.frames.iter_mut().rev() {
            match frame {
                Frame::Run { hidden: true } => return,
                Frame::Para(p) => {
                    p.text.push_str(s);
                    return;
                }
                _ => {}
            }
        }
    }
}

/// A cell is one field of a tab-separated row: its own line breaks and tabs
/// become spaces.
fn flatten(line: &str) -> String {
    line.replace(['\t', '\n', '\r'], " ")
}

/// The character of a `w:sym`. Codes F000–F0FF address a symbol font's own
/// glyphs; only the few that plans use as bullets, arrows or math are
/// mapped, the rest are dropped. Other codes are Unicode already.
fn sym_char(font: Option<&str>, code: &str) -> Option<char> {
    let v = u32::from_str_radix(code.trim(), 16).ok()?;
    if !(0xF000..=0xF0FF).contains(&v) {
        return char::from_u32(v).filter(|c| !c.is_control());
    }
    let font = font.unwrap_or("").to_ascii_lowercase();
    let low = v - 0xF000;
    if font.contains("symbol") {
        Some(match low {
            0xB7 => '•',
            0xAE => '→',
            0xAC => '←',
            0xAD => '↑',
            0xAF => '↓',
            0xB3 => '≥',
            0xA3 => '≤',
            0xB4 => '×',
            0xB8 => '÷',
            0xB1 => '±',
            0xB0 => '°',
            _ => return None,
        })
    } else if font.contains("wingdings") {
        Some(match low {
            0x6C => '●',
            0x6E => '■',
            0x71 => '❑',
            0x75 => '◆',
            0x76 => '❖',
            0xA7 => '▪',
            0xA8 => '◻',
            0xD8 => '➢',
            0xE8 => '➔',
            0xFB => '✗',
            0xFC => '✓',
            0xFE => '☑',
            _ => return None,
        })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!(
            "{}/../../fixtures/docx/{name}",
            concat!(env!("CARGO_MANIFEST_DIR"))
        );
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn lines(name: &str) -> (Vec<String>, Vec<(String, String)>) {
        let raw = extract(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(raw.format, Format::Docx);
        assert_eq!(raw.backend, Backend::Docx);
        assert!(raw.encoding.is_none() && raw.page_starts.is_empty() && raw.pages.is_none());
        (
            raw.text.split('\n').map(str::to_string).collect(),
            raw.warnings
                .into_iter()
                .map(|(code, m)| (code.as_str().to_string(), m))
                .collect(),
        )
    }

    fn err(bytes: &[u8]) -> DocError {
        match extract(bytes) {
            Ok(raw) => panic!("expected an error, got text {:?}", raw.text),
            Err(e) => e,
        }
    }

    /// A package with `parts` stored uncompressed.
    fn package(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, data) in parts {
            zip.start_file(*name, options).unwrap();
            zip.write_all(data).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn body(inner: &str) -> Vec<u8> {
        format!(r#"<?xml version="1.0"?><w:document {W}><w:body>{inner}</w:body></w:document>"#)
            .into_bytes()
    }

    fn text_of(document_xml: &[u8]) -> String {
        extract(&package(&[("word/document.xml", document_xml)]))
            .unwrap()
            .text
    }

    #[test]
    fn plan_with_direct_numbering_text_boxes_and_annex() {
        let (got, warnings) = lines("plan_numbering.docx");
        let want = [
            // Text boxes of the two-column header, in place and once each
            // (the VML fallback copy is not read).
            "ỦY BAN NHÂN DÂN",
            "XÃ TÂN PHÚ",
            "Số: 15/KH-UBND",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Tân Phú, ngày 05 tháng 3 năm 2024",
            "KẾ HOẠCH",
            "Triển khai thực hiện Đề án phát triển kinh tế tập thể trên địa bàn xã năm 2024",
            "",
            // Footnote reference and comment anchors leave no trace.
            "Căn cứ Quyết định số 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ;",
            // Tracked deletion "huyện" dropped, insertion "xã" kept, hidden
            // run dropped.
            "Căn cứ tình hình thực tế, Ủy ban nhân dân xã Tân Phú xây dựng Kế hoạch như sau:",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Mục đích",
            "1.1. Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về kinh tế tập thể.",
            "1.2. Phấn đấu thành lập mới 02 hợp tác xã.",
            "2. Yêu cầu",
            "a) Bảo đảm sự lãnh đạo của cấp ủy, chính quyền.",
            "b) Phân công cụ thể, rõ trách nhiệm.",
            "- Các thôn phối hợp triển khai.",
            "- Báo cáo kết quả định kỳ.",
            "II. NỘI DUNG THỰC HIỆN",
            "1. Tuyên truyền, phổ biến chính sách",
            // w:tab → \t, w:br → \n inside the paragraph.
            "Thời gian:\tQuý II/2024",
            "Địa điểm: Hội trường xã",
            "2. Rà soát, củng cố các hợp tác xã hiện có. Hoàn thành trước ngày 15/4/2024.",
            "III. TỔ CHỨC THỰC HIỆN",
            // noBreakHyphen → "-", field result kept, instruction dropped.
            "Giao Văn phòng HĐND-UBND xã theo dõi, đôn đốc; chi tiết tại Phụ lục kèm theo.",
            // Signature table: cell paragraphs joined by spaces.
            // A layout row keeps its cells' lines, cell after cell.
            "Nơi nhận:",
            "- UBND huyện;",
            "- Lưu: VT.",
            "TM. ỦY BAN NHÂN DÂN",
            "CHỦ TỊCH",
            "Nguyễn Văn An",
            // A paragraph holding only a page break.
            "",
            "",
            "PHỤ LỤC",
            "PHÂN CÔNG PHỤ TRÁCH THÔN",
            "TT\tTên cơ quan, đơn vị\tPhụ trách thôn",
            "1\tVăn phòng HĐND và UBND xã\tThôn Đông",
            "2\tCông chức Địa chính - Xây dựng\tThôn Tây",
            // vMerge continuation → empty cell.
            "3\tTrạm Y tế xã\t",
        ];
        assert_eq!(got, want);
        assert!(warnings.is_empty(), "{warnings:?}");
        let all = got.join("\n");
        for absent in [
            "Trang",
            "CHÚ THÍCH",
            "Ý KIẾN",
            "huyện xã",
            "ẨN",
            "REF",
            "_Ref",
        ] {
            assert!(!all.contains(absent), "{absent:?} leaked into the text");
        }
    }

    #[test]
    fn plan_made_by_python_docx_uses_style_numbering() {
        let (got, warnings) = lines("plan_python_docx.docx");
        let want = [
            "ỦY BAN NHÂN DÂN",
            "XÃ TÂN PHÚ",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 15/KH-UBND\tTân Phú, ngày 05 tháng 3 năm 2024",
            "KẾ HOẠCH",
            "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2024",
            "Căn cứ Quyết định số 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ;",
            // "List Number" / "List Bullet" carry w:numPr in styles.xml.
            "1. Mục đích, yêu cầu",
            "2. Nội dung thực hiện",
            "- Các thôn tổ chức ngày hội.",
            "- Hoàn thành trước ngày 15/4/2024.",
            "3. Tổ chức thực hiện",
            "PHỤ LỤC",
            "TT\tTên cơ quan, đơn vị\tPhụ trách thôn",
            "1\tỦy ban Mặt trận Tổ quốc xã\tThôn Đông",
            "2\tHội Liên hiệp Phụ nữ xã\tThôn Tây",
            "3\tĐoàn Thanh niên xã\tThôn Nam",
        ];
        assert_eq!(got, want);
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn numbering_edge_cases_and_nested_tables() {
        let (got, warnings) = lines("docx_cases.docx");
        let want = [
            // numId 10 and 11 share abstractNum 0; 11 restarts (startOverride)
            // and 10 then continues the shared count, as Word does.
            "1. Một",
            "1.1. Một chấm một",
            "1.2. Một chấm hai",
            "2. Hai",
            "1. Lại một",
            "1.1. Lại một chấm một",
            "2. Tiếp hai",
            // Through styles (level found by w:pStyle), basedOn inherited,
            // numId 0 cancels.
            "Điều 1. Phạm vi điều chỉnh",
            "Điều 2. Đối tượng áp dụng",
            "Không đánh số",
            "Điều 3. Giải thích từ ngữ",
            "i. la mã thường",
            "ii. la mã thường hai",
            "A. chữ hoa",
            "B. chữ hoa B",
            "z) chữ z",
            "aa) chữ aa",
            "A. A",
            "A.1. A.1",
            "B. B",
            "B.2. B.2 (không khởi động lại)",
            "Chương I. Chương La Mã",
            "1.1. Mục pháp lý",
            "01. số có số 0",
            "02.",
            "Số không tồn tại",
            "• ký hiệu –",
            "Ngày: 05/3/2024",
            "Số trang: 3",
            "Đoạn nối với đoạn sau.",
            "Nội dung mới",
            "Không đổi",
            "Nội dung\tĐơn vị",
            "Kiểm tra",
            "định kỳ",
            "Phối hợp:",
            "Thôn Đông Thôn Tây",
            "Hội Nông dân Đoàn Thanh niên",
            "Dòng một dòng hai",
        ];
        assert_eq!(got, want);
        assert_eq!(
            warnings,
            [(
                "numbering".to_string(),
                "numId 99 not defined in word/numbering.xml; those paragraphs have no number prefix"
                    .to_string()
            )]
        );
    }

    #[test]
    fn missing_numbering_part_still_reads_text_and_warns() {
        let (got, warnings) = lines("docx_no_numbering.docx");
        assert_eq!(got, ["Điều chỉnh", "Không có định nghĩa đánh số"]);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].0, "numbering");
    }

    #[test]
    fn hostile_fixtures_fail_with_the_right_kind() {
        let cases = [
            (
                "docx_missing_document.docx",
                "malformed",
                "word/document.xml",
            ),
            ("docx_bomb.docx", "too_large", "declares"),
            ("docx_bomb_lying.docx", "too_large", "inflates past"),
            ("docx_truncated.docx", "malformed", "truncated"),
            ("docx_bad_xml.docx", "malformed", "word/document.xml"),
            ("docx_encrypted.docx", "encrypted", ""),
        ];
        for (name, kind, detail) in cases {
            let e = err(&fixture(name));
            assert_eq!(e.kind().as_str(), kind, "{name}: {e}");
            assert!(e.to_string().contains(detail), "{name}: {e}");
        }
        // The bombs stay small on disk.
        assert!(fixture("docx_bomb.docx").len() < 200 * 1024);
    }

    #[test]
    fn non_zip_inputs_are_named() {
        let mut doc = OLE_MAGIC.to_vec();
        doc.resize(4096, 0);
        assert!(matches!(err(&doc), DocError::UnsupportedFormat(m) if m.contains("legacy .doc")));
        assert!(
            matches!(err(b"{\\rtf1\\ansi hello}"), DocError::UnsupportedFormat(m) if m.contains("RTF"))
        );
        assert!(
            matches!(err(b"%PDF-1.4 ..."), DocError::Malformed(m) if m.contains("not a ZIP") && m.contains("PDF"))
        );
        assert!(matches!(err(b"plain text"), DocError::Malformed(m) if m.contains("not a ZIP")));
        assert!(matches!(err(b""), DocError::Malformed(_)));
    }

    #[test]
    fn spreadsheet_package_is_not_a_word_document() {
        let xlsx = package(&[("xl/workbook.xml", b"<workbook/>")]);
        assert!(matches!(err(&xlsx), DocError::UnsupportedFormat(m) if m.contains("Excel")));
    }

    #[test]
    fn too_many_entries_is_too_large() {
        let names: Vec<String> = (0..=MAX_ENTRIES).map(|i| format!("f{i}")).collect();
        let mut parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
        let doc = body("<w:p/>");
        parts.push(("word/document.xml", &doc));
        assert_eq!(err(&package(&parts)).kind().as_str(), "too_large");
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        // 200 000 nested content controls around one paragraph.
        let depth = 200_000;
        let inner = format!(
            "{}<w:p><w:r><w:t>sâu</w:t></w:r></w:p>{}",
            "<w:sdt><w:sdtContent>".repeat(depth),
            "</w:sdtContent></w:sdt>".repeat(depth)
        );
        assert_eq!(text_of(&body(&inner)), "sâu");

        // Tables nested far past the flattening limit.
        let depth = 5_000;
        let inner = format!(
            "{}<w:p><w:r><w:t>lõi</w:t></w:r></w:p>{}",
            "<w:tbl><w:tr><w:tc>".repeat(depth),
            "</w:tc></w:tr></w:tbl>".repeat(depth)
        );
        assert_eq!(text_of(&body(&inner)), "lõi");

        // Text boxes inside text boxes.
        let depth = 1_000;
        let inner = format!(
            "{}<w:p><w:r><w:t>hộp</w:t></w:r></w:p>{}",
            "<w:p><w:r><w:pict><w:txbxContent>".repeat(depth),
            "</w:txbxContent></w:pict></w:r></w:p>".repeat(depth)
        );
        assert_eq!(text_of(&body(&inner)), "hộp");

        // Runs inside runs with many text events at the bottom: the frame
        // cap keeps each event's work bounded (no quadratic blow-up).
        let depth = 100_000;
        let inner = format!(
            "<w:p>{}{}{}</w:p>",
            "<w:r>".repeat(depth),
            "<w:t>x</w:t>".repeat(depth),
            "</w:r>".repeat(depth)
        );
        assert_eq!(text_of(&body(&inner)), "x".repeat(depth));

        // Markup-compatibility blocks inside each other.
        let mc = r#"<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="w14">"#;
        let inner = format!(
            "{}<w:p><w:r><w:t>mc</w:t></w:r></w:p>{}",
            mc.repeat(depth),
            "</mc:Choice></mc:AlternateContent>".repeat(depth)
        );
        assert_eq!(text_of(&body(&inner)), "mc");
    }

    #[test]
    fn truncated_document_part_is_malformed() {
        let doc = body("<w:p><w:r><w:t>x</w:t></w:r></w:p>");
        let cut = &doc[..doc.len() - 30];
        let e = err(&package(&[("word/document.xml", cut)]));
        assert_eq!(e.kind().as_str(), "malformed");
        assert!(e.to_string().contains("word/document.xml"), "{e}");
        assert_eq!(
            err(&package(&[("word/document.xml", b"")])).kind().as_str(),
            "malformed"
        );
    }

    #[test]
    fn encodings_namespaces_and_part_names() {
        // UTF-16LE part with a BOM.
        let xml = String::from_utf8(body("<w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p>")).unwrap();
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(xml.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(text_of(&utf16), "Kế hoạch");

        // Strict OOXML namespace and another prefix.
        let strict = br#"<x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:body><x:p><x:r><x:t>A&amp;B</x:t></x:r></x:p></x:body></x:document>"#;
        assert_eq!(text_of(strict), "A&B");

        // Undeclared w: prefix (sloppy generator).
        let sloppy =
            b"<w:document><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>";
        assert_eq!(text_of(sloppy), "x");

        // Main part found through _rels/.rels, case-insensitive names.
        let rels = br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/Word/Main.xml"/></Relationships>"#;
        let doc = body("<w:p><w:r><w:t>chính</w:t></w:r></w:p>");
        let pkg = package(&[("_rels/.rels", rels), ("word/main.xml", &doc)]);
        assert_eq!(extract(&pkg).unwrap().text, "chính");
    }

    #[test]
    fn broken_numbering_part_warns_once_and_keeps_text() {
        let doc = body(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>a</w:t></w:r></w:p>
               <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>b</w:t></w:r></w:p>"#,
        );
        let pkg = package(&[
            ("word/document.xml", &doc),
            ("word/numbering.xml", b"<w:numbering><w:num></w:numbering>"),
        ]);
        let raw = extract(&pkg).unwrap();
        assert_eq!(raw.text, "a\nb");
        assert_eq!(raw.warnings.len(), 1, "{:?}", raw.warnings);
        assert!(raw.warnings[0].1.contains("word/numbering.xml"));
    }

    #[test]
    fn mutated_fixtures_never_panic() {
        // Deterministic xorshift: flip bytes, cut, and splice the fixtures.
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for name in [
            "plan_numbering.docx",
            "docx_cases.docx",
            "plan_python_docx.docx",
        ] {
            let original = fixture(name);
            for _ in 0..300 {
                let mut bytes = original.clone();
                match next() % 3 {
                    0 => {
                        for _ in 0..1 + next() % 8 {
                            let i = (next() as usize) % bytes.len();
                            bytes[i] = next() as u8;
                        }
                    }
                    1 => bytes.truncate((next() as usize) % bytes.len()),
                    _ => {
                        let i = (next() as usize) % bytes.len();
                        let j = (next() as usize) % bytes.len();
                        let (a, b) = (i.min(j), i.max(j));
                        bytes.drain(a..b.min(a + 64));
                    }
                }
                let _ = extract(&bytes);
            }
        }
        // And mutations of the XML itself, inside a valid package.
        let doc = String::from_utf8(body(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t>a</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        ))
        .unwrap();
        for _ in 0..500 {
            let mut bytes = doc.clone().into_bytes();
            let i = (next() as usize) % bytes.len();
            bytes[i] = b"<>/\"&w:= x"[(next() % 10) as usize];
            let _ = extract(&package(&[("word/document.xml", &bytes)]));
        }
    }

    #[test]
    fn number_formats() {
        assert_eq!(NumFmt::UpperRoman.render(1994), "MCMXCIV");
        assert_eq!(NumFmt::LowerRoman.render(4), "iv");
        assert_eq!(NumFmt::UpperRoman.render(0), "0");
        assert_eq!(NumFmt::LowerLetter.render(1), "a");
        assert_eq!(NumFmt::LowerLetter.render(5), "e"); // Word: e, not đ
        assert_eq!(NumFmt::LowerLetter.render(28), "bb");
        assert_eq!(NumFmt::LowerLetter.render(i64::MAX), i64::MAX.to_string());
        assert_eq!(NumFmt::DecimalZero(3).render(7), "007");
        assert_eq!(
            NumFmt::parse("custom", Some("0001, 0002")),
            Some(NumFmt::DecimalZero(4))
        );
        assert_eq!(NumFmt::parse("custom", Some("一, 二")), None);
        assert_eq!(
            NumFmt::parse("vietnameseCounting", None),
            Some(NumFmt::Decimal)
        );
        assert_eq!(bullet("\u{F0B7}"), "-");
        assert_eq!(bullet("+"), "+");
        assert_eq!(literal_or_bullet("o"), "-");
        assert_eq!(literal_or_bullet("Phần"), "Phần");
    }

    #[test]
    fn relationship_targets_resolve() {
        assert_eq!(resolve_target("word/", "styles.xml"), "word/styles.xml");
        assert_eq!(
            resolve_target("word/", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(
            resolve_target("", "/word/document.xml"),
            "word/document.xml"
        );
        assert_eq!(
            resolve_target("", "word\\document.xml#x"),
            "word/document.xml"
        );
    }
}
