//! Plain-text decoding: turns the bytes of a text file into a Rust
//! [`String`] and names the encoding they were in.
//!
//! Owns: byte-order marks, UTF-8 and UTF-16, and the legacy Vietnamese
//! encodings that archived plans still arrive in: TCVN3 (ABC), VNI-Windows,
//! Windows-1258 and VIQR, plus the common "mojibake" case where a TCVN3 or
//! VNI file was once read as Windows-1252 and re-saved as UTF-8
//! (`KÕ ho¹ch` for `Kế hoạch`). Detection is per document, never per
//! character: each hypothesis is scored by how many words decode to valid
//! Vietnamese syllables, and a close call is reported in
//! [`DecodedText::warnings`] rather than guessed silently.
//!
//! Does not own: cleaning, Unicode normalisation (NFC), whitespace or
//! layout. That is the normaliser's job, and it keeps an offset map into
//! exactly the text returned here, so nothing is changed beyond decoding:
//! Windows-1258 text stays decomposed, whitespace and control characters
//! stay, only a leading byte-order mark is dropped. The one interpretive
//! step is TCVN3 capitals: TCVN3 has no codes for toned capitals (heading
//! fonts drew the lowercase codes as capitals), so a toned letter inside an
//! all-capitals word is re-capitalised (`CộNG HOà` → `CỘNG HOÀ`), because
//! that is what the document showed.

use unicode_normalization::UnicodeNormalization;

/// What [`decode_text`] produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedText {
    /// The decoded text, without byte-order mark, otherwise untouched.
    pub text: String,
    /// Which encoding the bytes were in: `utf-8`, `utf-8-bom`, `utf-16le`,
    /// `utf-16be`, `windows-1258`, `tcvn3`, `vni`, `tcvn3-mojibake`,
    /// `vni-mojibake` or `viqr`.
    pub encoding: &'static str,
    /// Doubts worth a human look: a close call between encodings, a guess
    /// made without a byte-order mark, bytes replaced with U+FFFD.
    pub warnings: Vec<String>,
}

/// Input that cannot be decoded at all. Everything else decodes, possibly
/// with warnings.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    /// A UTF-16 byte-order mark followed by an odd number of bytes.
    #[error(
        "{encoding} file of {len} bytes has an odd number of bytes after its byte-order mark; \
         UTF-16 is made of 2-byte units, so the file is probably truncated"
    )]
    OddUtf16Length {
        /// `utf-16le` or `utf-16be`.
        encoding: &'static str,
        /// Length of the whole file, in bytes.
        len: usize,
    },
    /// A UTF-16 surrogate without its partner: the file is corrupt or is
    /// not really UTF-16 despite its byte-order mark.
    #[error(
        "{encoding} file has an unpaired surrogate 0x{unit:04X} at byte offset {offset}; \
         the file is corrupt or not really UTF-16"
    )]
    UnpairedUtf16Surrogate {
        /// `utf-16le` or `utf-16be`.
        encoding: &'static str,
        /// Offset of the bad code unit in the file, in bytes.
        offset: usize,
        /// The unpaired surrogate code unit.
        unit: u16,
    },
}

// ---------------------------------------------------------------------------
// Letter tables
// ---------------------------------------------------------------------------

/// Tone indices used by every table here: none, huyền (grave), sắc (acute),
/// hỏi (hook above), ngã (tilde), nặng (dot below).
const GRAVE: usize = 1;
const ACUTE: usize = 2;
const HOOK: usize = 3;
const TILDE: usize = 4;
const DOT: usize = 5;

/// Vowel indices (rows of [`VOWELS_LOWER`] / [`VOWELS_UPPER`]).
const V_A: usize = 0;
const V_A_BREVE: usize = 1;
const V_A_CIRC: usize = 2;
const V_E: usize = 3;
const V_E_CIRC: usize = 4;
const V_I: usize = 5;
const V_O: usize = 6;
const V_O_CIRC: usize = 7;
const V_O_HORN: usize = 8;
const V_U: usize = 9;
const V_U_HORN: usize = 10;
const V_Y: usize = 11;

/// The twelve Vietnamese vowel letters × six tones, precomposed (NFC).
/// Together with đ/Đ these are the 134 letters every legacy table must
/// cover (the toneless a e i o u y are ASCII).
static VOWELS_LOWER: [[char; 6]; 12] = [
    ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
    ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
    ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
    ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
    ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
    ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
    ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
    ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
    ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
    ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
    ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
    ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
];

static VOWELS_UPPER: [[char; 6]; 12] = [
    ['A', 'À', 'Á', 'Ả', 'Ã', 'Ạ'],
    ['Ă', 'Ằ', 'Ắ', 'Ẳ', 'Ẵ', 'Ặ'],
    ['Â', 'Ầ', 'Ấ', 'Ẩ', 'Ẫ', 'Ậ'],
    ['E', 'È', 'É', 'Ẻ', 'Ẽ', 'Ẹ'],
    ['Ê', 'Ề', 'Ế', 'Ể', 'Ễ', 'Ệ'],
    ['I', 'Ì', 'Í', 'Ỉ', 'Ĩ', 'Ị'],
    ['O', 'Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ'],
    ['Ô', 'Ồ', 'Ố', 'Ổ', 'Ỗ', 'Ộ'],
    ['Ơ', 'Ờ', 'Ớ', 'Ở', 'Ỡ', 'Ợ'],
    ['U', 'Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ'],
    ['Ư', 'Ừ', 'Ứ', 'Ử', 'Ữ', 'Ự'],
    ['Y', 'Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ'],
];

/// Windows-1252 bytes 0x80–0x9F. The five bytes Windows leaves undefined
/// (81 8D 8F 90 9D) map to the C1 control of the same number, as WHATWG
/// and encoding_rs do, so mojibake made by either kind of tool maps back.
const CP1252_C1: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

/// TCVN 5712:1993 "VN3", the ABC / `.Vn*` font encoding (as in UniKey's
/// vnconv TCVN3 table): one byte per letter. It has capitals only for the
/// seven untoned letters Ă Â Ê Ô Ơ Ư Đ; toned capitals share the lowercase
/// codes. 0xAD (ư) is the soft hyphen in Windows-1252, so it must never be
/// stripped before decoding. Every byte not listed here (ASCII, 0x80–0xA0,
/// AF–B4, BA, BF–C5, CD, D9–DB, E0, F0, FF) keeps its Windows-1252 meaning,
/// not glibc's TCVN5712-1 ("VN1") one, which puts capitals in 0x80–0x9F.
#[rustfmt::skip]
const TCVN3_LETTERS: [(u8, char); 74] = [
    (0xA1, 'Ă'), (0xA2, 'Â'), (0xA3, 'Ê'), (0xA4, 'Ô'), (0xA5, 'Ơ'), (0xA6, 'Ư'), (0xA7, 'Đ'),
    (0xA8, 'ă'), (0xA9, 'â'), (0xAA, 'ê'), (0xAB, 'ô'), (0xAC, 'ơ'), (0xAD, 'ư'), (0xAE, 'đ'),
    (0xB5, 'à'), (0xB6, 'ả'), (0xB7, 'ã'), (0xB8, 'á'), (0xB9, 'ạ'),
    (0xBB, 'ằ'), (0xBC, 'ẳ'), (0xBD, 'ẵ'), (0xBE, 'ắ'), (0xC6, 'ặ'),
    (0xC7, 'ầ'), (0xC8, 'ẩ'), (0xC9, 'ẫ'), (0xCA, 'ấ'), (0xCB, 'ậ'),
    (0xCC, 'è'), (0xCE, 'ẻ'), (0xCF, 'ẽ'), (0xD0, 'é'), (0xD1, 'ẹ'),
    (0xD2, 'ề'), (0xD3, 'ể'), (0xD4, 'ễ'), (0xD5, 'ế'), (0xD6, 'ệ'),
    (0xD7, 'ì'), (0xD8, 'ỉ'), (0xDC, 'ĩ'), (0xDD, 'í'), (0xDE, 'ị'),
    (0xDF, 'ò'), (0xE1, 'ỏ'), (0xE2, 'õ'), (0xE3, 'ó'), (0xE4, 'ọ'),
    (0xE5, 'ồ'), (0xE6, 'ổ'), (0xE7, 'ỗ'), (0xE8, 'ố'), (0xE9, 'ộ'),
    (0xEA, 'ờ'), (0xEB, 'ở'), (0xEC, 'ỡ'), (0xED, 'ớ'), (0xEE, 'ợ'),
    (0xEF, 'ù'), (0xF1, 'ủ'), (0xF2, 'ũ'), (0xF3, 'ú'), (0xF4, 'ụ'),
    (0xF5, 'ừ'), (0xF6, 'ử'), (0xF7, 'ữ'), (0xF8, 'ứ'), (0xF9, 'ự'),
    (0xFA, 'ỳ'), (0xFB, 'ỷ'), (0xFC, 'ỹ'), (0xFD, 'ý'), (0xFE, 'ỵ'),
];

/// VNI-Windows (VNI fonts, e.g. `VNI-Times`; layout as in UniKey's and
/// xvnkb's VNI tables): a base ASCII letter followed by one modifier byte.
/// Lowercase modifier bytes are listed, indexed by tone; the capital form
/// is 0x20 lower, as in Latin-1 (ù F9 / Ù D9). Index 0 of the tone row is
/// unused: an untoned plain vowel is just the ASCII letter.
const VNI_TONE: [u8; 6] = [0, 0xF8, 0xF9, 0xFB, 0xF5, 0xEF];
/// Circumflex (â ê ô) with each tone, after a/e/o: â á à å ã ä.
const VNI_CIRCUMFLEX: [u8; 6] = [0xE2, 0xE0, 0xE1, 0xE5, 0xE3, 0xE4];
/// Breve (ă) with each tone, after a: ê è é ú ü ë.
const VNI_BREVE: [u8; 6] = [0xEA, 0xE8, 0xE9, 0xFA, 0xFC, 0xEB];

/// VNI letters that take one byte: đ, ơ and ư (which can themselves take a
/// tone byte), the toned i's, and ỵ.
#[rustfmt::skip]
const VNI_SINGLE_LETTERS: [(u8, char); 18] = [
    (0xF1, 'đ'), (0xD1, 'Đ'), (0xF4, 'ơ'), (0xD4, 'Ơ'), (0xF6, 'ư'), (0xD6, 'Ư'),
    (0xEC, 'ì'), (0xCC, 'Ì'), (0xED, 'í'), (0xCD, 'Í'), (0xE6, 'ỉ'), (0xC6, 'Ỉ'),
    (0xF3, 'ĩ'), (0xD3, 'Ĩ'), (0xF2, 'ị'), (0xD2, 'Ị'), (0xEE, 'ỵ'), (0xCE, 'Ỵ'),
];

/// Kinds of VNI modifier byte, stored in the high nibble of [`VNI_MOD`].
const MOD_TONE: u8 = 1;
const MOD_CIRCUMFLEX: u8 = 2;
const MOD_BREVE: u8 = 3;

const fn cp1252_high() -> [char; 128] {
    let mut t = ['\0'; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = if i < 32 {
            CP1252_C1[i]
        } else {
            (0x80 + i) as u8 as char
        };
        i += 1;
    }
    t
}

const fn with_letters(mut t: [char; 128], letters: &[(u8, char)]) -> [char; 128] {
    let mut i = 0;
    while i < letters.len() {
        t[(letters[i].0 - 0x80) as usize] = letters[i].1;
        i += 1;
    }
    t
}

const fn vni_modifiers() -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut tone = 0;
    while tone < 6 {
        if tone > 0 {
            let b = VNI_TONE[tone];
            t[(b - 0x80) as usize] = (MOD_TONE << 4) | tone as u8;
            t[(b - 0xA0) as usize] = (MOD_TONE << 4) | tone as u8;
        }
        let b = VNI_CIRCUMFLEX[tone];
        t[(b - 0x80) as usize] = (MOD_CIRCUMFLEX << 4) | tone as u8;
        t[(b - 0xA0) as usize] = (MOD_CIRCUMFLEX << 4) | tone as u8;
        let b = VNI_BREVE[tone];
        t[(b - 0x80) as usize] = (MOD_BREVE << 4) | tone as u8;
        t[(b - 0xA0) as usize] = (MOD_BREVE << 4) | tone as u8;
        tone += 1;
    }
    t
}

/// TCVN3 meaning of bytes 0x80–0xFF (letters over Windows-1252).
static TCVN3_HIGH: [char; 128] = with_letters(cp1252_high(), &TCVN3_LETTERS);
/// VNI meaning of a byte 0x80–0xFF standing alone (single-byte letters over
/// Windows-1252; a stray modifier byte keeps its Windows-1252 glyph).
static VNI_HIGH: [char; 128] = with_letters(cp1252_high(), &VNI_SINGLE_LETTERS);
/// For bytes 0x80–0xFF: `kind << 4 | tone` if the byte is a VNI modifier.
static VNI_MOD: [u8; 128] = vni_modifiers();

/// Detection scores at most this much of a file; decoding is always whole.
const SAMPLE_BYTES: usize = 64 * 1024;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

/// Decodes the bytes of a plain-text file.
///
/// Order of evidence: a byte-order mark; a UTF-16 zero-byte pattern; valid
/// UTF-8 (Unicode Vietnamese is taken as is; Latin-1-only text is checked
/// for TCVN3/VNI mojibake, pure ASCII for VIQR); otherwise the single-byte
/// encodings TCVN3, VNI and Windows-1258, scored on the first 64 KiB.
pub fn decode_text(bytes: &[u8]) -> Result<DecodedText, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return Ok(match std::str::from_utf8(rest) {
            Ok(text) => decode_unicode(text, "utf-8-bom"),
            Err(e) => {
                let mut decoded = decode_non_utf8(rest, "utf-8-bom");
                decoded.warnings.insert(
                    0,
                    format!(
                        "file starts with a UTF-8 byte-order mark but is not valid UTF-8 \
                         (first bad byte at offset {}); decoded as {}",
                        e.valid_up_to() + UTF8_BOM.len(),
                        decoded.encoding
                    ),
                );
                decoded
            }
        });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(rest, Utf16::Le, 2).map(|text| plain(text, "utf-16le"));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(rest, Utf16::Be, 2).map(|text| plain(text, "utf-16be"));
    }
    // Before the UTF-8 check: UTF-16 of ASCII text is valid UTF-8 (full of
    // NULs), and no real UTF-8 text has a zero in every other byte.
    if let Some(endian) = sniff_utf16(bytes) {
        if let Ok(text) = decode_utf16(bytes, endian, 0) {
            let mut decoded = plain(text, endian.name());
            decoded.warnings.push(format!(
                "no byte-order mark; {} guessed from the pattern of zero bytes",
                endian.name()
            ));
            return Ok(decoded);
        }
    }
    Ok(match std::str::from_utf8(bytes) {
        Ok(text) => decode_unicode(text, "utf-8"),
        Err(_) => decode_non_utf8(bytes, "utf-8"),
    })
}

fn plain(text: String, encoding: &'static str) -> DecodedText {
    DecodedText {
        text,
        encoding,
        warnings: Vec::new(),
    }
}

/// Valid UTF-8: Unicode Vietnamese, or ASCII that may be VIQR, or Latin-1
/// characters that may be TCVN3/VNI mojibake.
fn decode_unicode(text: &str, utf8_name: &'static str) -> DecodedText {
    // Any letter only Unicode has settles it; Latin-1 letters alone do not
    // (`Tân Phú`, `Cà Mau` are Unicode Vietnamese too).
    if text.chars().any(is_vietnamese_beyond_latin1) {
        return plain(text.to_owned(), utf8_name);
    }
    if text.is_ascii() {
        if looks_like_viqr(text) {
            return plain(decode_viqr(text), "viqr");
        }
        return plain(text.to_owned(), utf8_name);
    }
    detect_mojibake(text, utf8_name)
}

/// Not valid UTF-8: nearly-UTF-8 with a few bad bytes, else a single-byte
/// encoding chosen by score.
fn decode_non_utf8(bytes: &[u8], utf8_name: &'static str) -> DecodedText {
    decode_damaged_utf8(bytes, utf8_name).unwrap_or_else(|| decode_single_byte(bytes))
}

// ---------------------------------------------------------------------------
// UTF-16
// ---------------------------------------------------------------------------

#[derive(Clone, Copy)]
enum Utf16 {
    Le,
    Be,
}

impl Utf16 {
    fn name(self) -> &'static str {
        match self {
            Utf16::Le => "utf-16le",
            Utf16::Be => "utf-16be",
        }
    }
}

/// `skipped` is the length of the byte-order mark, so offsets in errors
/// point into the file.
fn decode_utf16(bytes: &[u8], endian: Utf16, skipped: usize) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::OddUtf16Length {
            encoding: endian.name(),
            len: bytes.len() + skipped,
        });
    }
    let units = bytes.chunks_exact(2).map(|p| match endian {
        Utf16::Le => u16::from_le_bytes([p[0], p[1]]),
        Utf16::Be => u16::from_be_bytes([p[0], p[1]]),
    });
    let mut out = String::with_capacity(bytes.len());
    let mut unit_index = 0;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => {
                out.push(c);
                unit_index += c.len_utf16();
            }
            Err(e) => {
                return Err(DecodeError::UnpairedUtf16Surrogate {
                    encoding: endian.name(),
                    offset: skipped + 2 * unit_index,
                    unit: e.unpaired_surrogate(),
                })
            }
        }
    }
    Ok(out)
}

/// UTF-16 without a byte-order mark: text in Latin script has a zero high
/// byte in most code units, and single-byte text has hardly any zeros.
fn sniff_utf16(bytes: &[u8]) -> Option<Utf16> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(SAMPLE_BYTES)];
    let (mut zero_first, mut zero_second, mut pairs) = (0usize, 0usize, 0usize);
    for p in sample.chunks_exact(2) {
        pairs += 1;
        zero_first += usize::from(p[0] == 0);
        zero_second += usize::from(p[1] == 0);
    }
    if zero_second * 10 >= pairs * 4 && zero_first * 20 <= pairs {
        Some(Utf16::Le)
    } else if zero_first * 10 >= pairs * 4 && zero_second * 20 <= pairs {
        Some(Utf16::Be)
    } else {
        None
    }
}

// ---------------------------------------------------------------------------
// UTF-8 with a few bad bytes
// ---------------------------------------------------------------------------

/// A UTF-8 Vietnamese file with a stray bad byte (a truncated copy, a
/// byte flipped in an archive) must not be read as TCVN3 garbage: if the
/// valid parts carry at least ten Unicode-only Vietnamese letters per bad
/// sequence, keep UTF-8 and say how many sequences became U+FFFD.
fn decode_damaged_utf8(bytes: &[u8], utf8_name: &'static str) -> Option<DecodedText> {
    let (mut bad, mut vietnamese) = (0usize, 0usize);
    for chunk in bytes[..bytes.len().min(SAMPLE_BYTES)].utf8_chunks() {
        vietnamese += chunk
            .valid()
            .chars()
            .filter(|&c| is_vietnamese_beyond_latin1(c))
            .count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    if bad == 0 || vietnamese < 10 * bad {
        return None;
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    let bad = bytes
        .utf8_chunks()
        .filter(|c| !c.invalid().is_empty())
        .count();
    let mut decoded = plain(text, utf8_name);
    decoded.warnings.push(format!(
        "{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD; the rest is UTF-8 Vietnamese"
    ));
    Some(decoded)
}

// ---------------------------------------------------------------------------
// Single-byte encodings: TCVN3, VNI, Windows-1258
// ---------------------------------------------------------------------------

/// Candidates in tie-break order: TCVN3 was the government standard and is
/// the most common in archived plans, then VNI.
const SINGLE_BYTE: [&str; 3] = ["tcvn3", "vni", "windows-1258"];

fn decode_as(name: &str, bytes: &[u8]) -> String {
    match name {
        "tcvn3" => decode_tcvn3_raw(bytes),
        "vni" => decode_vni(bytes),
        _ => decode_windows_1258(bytes),
    }
}

fn decode_single_byte(bytes: &[u8]) -> DecodedText {
    let sample = &bytes[..bytes.len().min(SAMPLE_BYTES)];
    let decoded = SINGLE_BYTE.map(|name| decode_as(name, sample));
    let scores = [0, 1, 2].map(|i| score_text(&decoded[i]));
    let best = pick_best(&scores);
    let mut warnings = Vec::new();
    let chosen = if scores[best].valid == 0 {
        warnings.push(
            "no Vietnamese syllables recognised in this non-UTF-8 text; decoded as \
             windows-1258, which may be wrong"
                .to_owned(),
        );
        2
    } else {
        if let Some(w) = ambiguity_warning(&SINGLE_BYTE, &decoded, &scores, best) {
            warnings.push(w);
        }
        best
    };
    let name = SINGLE_BYTE[chosen];
    let mut text = if sample.len() == bytes.len() {
        let mut decoded = decoded;
        std::mem::take(&mut decoded[chosen])
    } else {
        decode_as(name, bytes)
    };
    if name == "tcvn3" {
        text = recapitalise_tcvn3(text);
    }
    DecodedText {
        text,
        encoding: name,
        warnings,
    }
}

/// Index of the highest net score; ties go to the earlier candidate.
fn pick_best(scores: &[Score]) -> usize {
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if s.net() > scores[best].net() {
            best = i;
        }
    }
    best
}

/// A warning when the runner-up is within 10% of the scored words (or one
/// word) of the winner and would have produced different text.
fn ambiguity_warning(
    names: &[&str],
    decoded: &[String],
    scores: &[Score],
    best: usize,
) -> Option<String> {
    let b = scores[best];
    let margin = (b.scored() / 10).max(1);
    let runner_up = (0..scores.len())
        .filter(|&i| i != best && b.net() - scores[i].net() <= margin)
        .filter(|&i| !same_text(&decoded[i], &decoded[best]))
        .max_by_key(|&i| scores[i].net())?;
    let r = scores[runner_up];
    Some(format!(
        "ambiguous encoding: {} and {} score close ({} vs {} valid Vietnamese syllables, \
         {} vs {} invalid words); chose {}",
        names[best], names[runner_up], b.valid, r.valid, b.invalid, r.invalid, names[best]
    ))
}

/// Two hypotheses that decode to the same text (e.g. Windows-1258 and VNI
/// on `Tân`) are no real ambiguity.
fn same_text(a: &str, b: &str) -> bool {
    a == b || a.nfc().eq(b.nfc())
}

/// Looks up one high byte; ASCII stays itself.
fn byte_char(table: &[char; 128], b: u8) -> char {
    if b < 0x80 {
        b as char
    } else {
        table[usize::from(b - 0x80)]
    }
}

/// TCVN3 bytes → text, without re-capitalisation (for scoring).
fn decode_tcvn3_raw(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    out.extend(bytes.iter().map(|&b| byte_char(&TCVN3_HIGH, b)));
    out
}

fn decode_windows_1258(bytes: &[u8]) -> String {
    // encoding_rs maps every Windows-1258 byte, so this never replaces.
    encoding_rs::WINDOWS_1258
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

/// VNI bytes → text: a base vowel plus a following modifier byte makes one
/// letter; anything else is read alone.
fn decode_vni(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if let (Some((vowel, upper)), Some(&m)) = (vni_base(b), bytes.get(i + 1)) {
            if let Some(c) = vni_combine(vowel, upper, m) {
                out.push(c);
                i += 2;
                continue;
            }
        }
        out.push(byte_char(&VNI_HIGH, b));
        i += 1;
    }
    out
}

/// Bytes that can carry a VNI modifier: a e o u y and ơ ư (ô ö).
fn vni_base(b: u8) -> Option<(usize, bool)> {
    let upper = b.is_ascii_uppercase() || (0xC0..0xE0).contains(&b);
    let vowel = match b.to_ascii_lowercase() {
        b'a' => V_A,
        b'e' => V_E,
        b'o' => V_O,
        b'u' => V_U,
        b'y' => V_Y,
        0xF4 | 0xD4 => V_O_HORN,
        0xF6 | 0xD6 => V_U_HORN,
        _ => return None,
    };
    Some((vowel, upper))
}

/// The letter made by a base vowel and a modifier byte, if they combine.
/// The case comes from the base letter; the modifier's case is ignored
/// because VNI text mixes them (`KEá`).
fn vni_combine(vowel: usize, upper: bool, m: u8) -> Option<char> {
    if m < 0x80 {
        return None;
    }
    let code = VNI_MOD[usize::from(m - 0x80)];
    let tone = usize::from(code & 0x0F);
    let vowel = match (code >> 4, vowel) {
        (MOD_TONE, v) => v,
        (MOD_CIRCUMFLEX, V_A) => V_A_CIRC,
        (MOD_CIRCUMFLEX, V_E) => V_E_CIRC,
        (MOD_CIRCUMFLEX, V_O) => V_O_CIRC,
        (MOD_BREVE, V_A) => V_A_BREVE,
        _ => return None,
    };
    let table = if upper { &VOWELS_UPPER } else { &VOWELS_LOWER };
    Some(table[vowel][tone])
}

// ---------------------------------------------------------------------------
// TCVN3 capitals
// ---------------------------------------------------------------------------

/// One run of letters, for re-capitalisation.
#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    /// Capitals (genuine: TCVN3 has codes for them).
    upper: u32,
    /// Lowercase letters other than toned vowels (genuine too).
    lower: u32,
    /// Toned vowels, which TCVN3 can only write in lowercase.
    toned: u32,
    /// The word starts with a toned vowel (`ủy`, `ở`).
    first_toned: bool,
    /// Only spaces or tabs separate this word from the previous one.
    joined_to_prev: bool,
    /// The word starts a line or a sentence, after any numbering or bullet.
    starts_sentence: bool,
}

impl Word {
    /// An all-capitals word with at least two capitals: `HOà`, `NAM`.
    fn is_capitals(&self) -> bool {
        self.upper >= 2 && self.lower == 0
    }

    /// A word that could be in capitals: no genuine lowercase letter.
    fn may_be_capitals(&self) -> bool {
        self.lower == 0
    }
}

enum LetterKind {
    /// A toned lowercase vowel: TCVN3 had no capital for it.
    Toned,
    Upper,
    Lower,
    /// A letter without case (CJK and the like).
    Uncased,
}

/// What kind of letter `c` is, if it is one; the letters TCVN3 produces
/// are decided without Unicode table look-ups, which dominate otherwise.
fn letter_kind(c: char) -> Option<LetterKind> {
    Some(match c {
        'a'..='z' | 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư' | 'đ' => LetterKind::Lower,
        'A'..='Z' | 'Ă' | 'Â' | 'Ê' | 'Ô' | 'Ơ' | 'Ư' | 'Đ' => LetterKind::Upper,
        _ if c.is_ascii() => return None,
        _ if toned_to_upper(c).is_some() => LetterKind::Toned,
        _ if c.is_uppercase() => LetterKind::Upper,
        _ if c.is_lowercase() => LetterKind::Lower,
        _ if c.is_alphabetic() => LetterKind::Uncased,
        _ => return None,
    })
}

/// The runs of letters in a text, in order.
struct Words<'a> {
    text: &'a str,
    pos: usize,
    gap_is_spaces: bool,
    sentence_start: bool,
    /// The last non-space character ended a clause (`.`, `:`, `;`…), or
    /// there was none yet.
    after_clause_end: bool,
    /// Line breaks since the last non-space character.
    line_breaks: u32,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Self {
        Words {
            text,
            pos: 0,
            gap_is_spaces: false,
            sentence_start: true,
            after_clause_end: true,
            line_breaks: 0,
        }
    }

    /// Tracks, over the characters between two words, whether the next word
    /// starts a sentence: after `.`/`?`/`!`, or at the start of a line that
    /// follows a clause end (`;`, `:`…) or a blank line, then through
    /// numbering (`4.3.`), bullets (`-`, `+`) and opening quotes, but not
    /// through other punctuation (`của (ủy ban`, `Số: 12`). A line that
    /// merely continues a hard-wrapped sentence (`Đảng\nủy`) is no start.
    fn see_gap_char(&mut self, c: char) {
        if !matches!(c, ' ' | '\t' | '\u{A0}') {
            self.gap_is_spaces = false;
        }
        if c == '\n' {
            self.line_breaks += 1;
            if self.after_clause_end || self.line_breaks >= 2 {
                self.sentence_start = true;
            }
            return;
        }
        if c.is_whitespace() {
            return;
        }
        self.line_breaks = 0;
        self.after_clause_end = matches!(c, '.' | '?' | '!' | '…' | ':' | ';');
        match c {
            '.' | '?' | '!' | '…' => self.sentence_start = true,
            '0'..='9' | '-' | '+' | '*' | '•' | '–' | '—' | '"' | '“' | '\'' | '‘' => {}
            _ => self.sentence_start = false,
        }
    }
}

impl Iterator for Words<'_> {
    type Item = Word;

    fn next(&mut self) -> Option<Word> {
        let mut word: Option<Word> = None;
        for (i, c) in self.text[self.pos..].char_indices() {
            let i = self.pos + i;
            if let Some(kind) = letter_kind(c) {
                let w = word.get_or_insert(Word {
                    start: i,
                    end: i,
                    upper: 0,
                    lower: 0,
                    toned: 0,
                    first_toned: matches!(kind, LetterKind::Toned),
                    joined_to_prev: self.gap_is_spaces,
                    starts_sentence: self.sentence_start,
                });
                match kind {
                    LetterKind::Toned => w.toned += 1,
                    LetterKind::Upper => w.upper += 1,
                    LetterKind::Lower => w.lower += 1,
                    LetterKind::Uncased => {}
                }
                w.end = i + c.len_utf8();
            } else if let Some(w) = word {
                // The gap after this word starts with `c`.
                self.gap_is_spaces = true;
                self.sentence_start = false;
                self.after_clause_end = false;
                self.line_breaks = 0;
                self.see_gap_char(c);
                self.pos = i + c.len_utf8();
                return Some(w);
            } else {
                self.see_gap_char(c);
            }
        }
        self.pos = self.text.len();
        word
    }
}

/// How much of a word to re-capitalise.
#[derive(PartialEq)]
enum Capitals {
    None,
    /// Every toned letter: the word is in capitals.
    All,
    /// The first letter: the word starts a sentence.
    First,
}

/// Re-capitalises toned letters that TCVN3 could only write in lowercase
/// (typists switched to a capitals font for them, which plain text loses):
///
/// - in all-caps words, every toned letter: `CộNG HOà` → `CỘNG HOÀ`. A word
///   with two capitals and no other lowercase letter is all-caps. A shorter
///   one (`Xã`, `Kế`) is all-caps when an all-caps word stands right beside
///   it and the word on its other side, if any, is all-caps too or is another
///   short word followed by an all-caps one (`NHIỆM Vụ Và GIẢI`). So `Hà Nội`,
///   `UBND Hà Giang` and `UBND Hà Tú` keep their title case;
/// - a toned first letter that starts a line or sentence, after any
///   numbering or bullet: `4.3. ủy ban` → `4.3. Ủy ban`.
///
/// A toned capital in mid-sentence (`của Ủy ban`) cannot be recovered.
fn recapitalise_tcvn3(text: String) -> String {
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut words = Words::new(&text);
    // Two words either side of the current one, which is `window[2]`.
    let mut window: [Option<Word>; 5] = [None, None, None, words.next(), words.next()];
    loop {
        window.rotate_left(1);
        window[4] = words.next();
        let Some(w) = window[2] else { break };
        let capitals = capitals_for(&window);
        if capitals != Capitals::None {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[copied..w.start]);
            for (k, c) in text[w.start..w.end].chars().enumerate() {
                let raise = capitals == Capitals::All || k == 0;
                out.push(toned_to_upper(c).filter(|_| raise).unwrap_or(c));
            }
            copied = w.end;
        }
    }
    match out {
        Some(mut out) => {
            out.push_str(&text[copied..]);
            out
        }
        None => text,
    }
}

/// Whether the side of a word towards `near` (and `far` beyond it) is in
/// capitals; `None` if there is no word on that side of the line.
fn side_in_capitals(near: Option<&Word>, far: Option<&Word>) -> Option<bool> {
    let near = near?;
    Some(near.is_capitals() || (near.may_be_capitals() && far.is_some_and(Word::is_capitals)))
}

/// `window[2]` is the word to decide, with up to two words either side.
fn capitals_for(window: &[Option<Word>; 5]) -> Capitals {
    let Some(w) = window[2].as_ref() else {
        return Capitals::None;
    };
    if w.toned == 0 {
        return Capitals::None;
    }
    if w.lower == 0 {
        if w.upper >= 2 {
            return Capitals::All;
        }
        // Neighbours count only on the same line, separated by spaces.
        fn joined<'a>(left: Option<&'a Word>, right: Option<&Word>) -> Option<&'a Word> {
            left.filter(|_| right.is_some_and(|r| r.joined_to_prev))
        }
        let prev = joined(window[1].as_ref(), Some(w));
        let prev_far = joined(window[0].as_ref(), prev);
        let next = window[3].as_ref().filter(|n| n.joined_to_prev);
        let next_far = window[4]
            .as_ref()
            .filter(|n| n.joined_to_prev && next.is_some());
        let beside_capitals =
            prev.is_some_and(Word::is_capitals) || next.is_some_and(Word::is_capitals);
        if beside_capitals
            && side_in_capitals(prev, prev_far) != Some(false)
            && side_in_capitals(next, next_far) != Some(false)
        {
            return Capitals::All;
        }
    }
    if w.starts_sentence && w.first_toned {
        return Capitals::First;
    }
    Capitals::None
}

/// The capital of a toned lowercase vowel (`ộ` → `Ộ`); `None` for anything
/// else.
fn toned_to_upper(c: char) -> Option<char> {
    match c {
        // Latin-1 pairs differ by 0x20.
        'à' | 'á' | 'ã' | 'è' | 'é' | 'ì' | 'í' | 'ò' | 'ó' | 'õ' | 'ù' | 'ú' | 'ý' => {
            Some(char::from(c as u8 - 0x20))
        }
        'ĩ' => Some('Ĩ'),
        'ũ' => Some('Ũ'),
        // U+1EA0–U+1EF9 are all toned Vietnamese letters, capital then small.
        '\u{1EA1}'..='\u{1EF9}' if c as u32 % 2 == 1 => char::from_u32(c as u32 - 1),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Mojibake: TCVN3/VNI read as Windows-1252, saved as UTF-8
// ---------------------------------------------------------------------------

/// The Windows-1252 byte that decodes to `c`. C1 controls map to their own
/// number: the five bytes Windows-1252 leaves undefined come out that way,
/// and so does every 0x80–0x9F byte read as ISO-8859-1.
fn cp1252_byte(c: char) -> Option<u8> {
    let n = c as u32;
    if n < 0x100 {
        return Some(n as u8);
    }
    CP1252_C1
        .iter()
        .position(|&x| x == c)
        .map(|i| 0x80 + i as u8)
}

fn to_cp1252(text: &str) -> Vec<u8> {
    text.chars().filter_map(cp1252_byte).collect()
}

/// Mojibake is made only of Windows-1252 characters, and re-reading its
/// bytes as TCVN3 or VNI must give clearly more valid syllables than the
/// text as it stands (genuine `Tân Phú, Cà Mau` scores well as is). If the
/// repair scores better, but not clearly, the text is kept as it is with a
/// warning.
fn detect_mojibake(text: &str, utf8_name: &'static str) -> DecodedText {
    if !text.chars().all(|c| cp1252_byte(c).is_some()) {
        return plain(text.to_owned(), utf8_name);
    }
    let sample = &text[..floor_char_boundary(text, SAMPLE_BYTES)];
    let bytes = to_cp1252(sample);
    let as_is = score_text(sample);
    let names = ["tcvn3-mojibake", "vni-mojibake"];
    let decoded = [decode_tcvn3_raw(&bytes), decode_vni(&bytes)];
    let scores = [score_text(&decoded[0]), score_text(&decoded[1])];
    let best = pick_best(&scores);
    let b = scores[best];
    let margin = (as_is.scored().max(b.scored()) / 5).max(2);
    // Real mojibake is mostly invalid words as it stands; genuine Latin-1
    // Vietnamese is mostly valid ones.
    if b.valid == 0 || b.net() < as_is.net() + margin || as_is.invalid < 2 * b.invalid + 1 {
        let mut decoded_as_is = plain(text.to_owned(), utf8_name);
        // A tie goes to the text as it is, silently: Unicode is far more
        // common than mojibake, and `Cô Tô` (or `Cơ Tơ` in VNI) is a tie.
        if b.valid > 0 && b.net() > as_is.net() && !same_text(&decoded[best], sample) {
            decoded_as_is.warnings.push(format!(
                "ambiguous encoding: kept {utf8_name} as it is, but read as {} it scores \
                 better ({} vs {} valid Vietnamese syllables, {} vs {} invalid words)",
                names[best], b.valid, as_is.valid, b.invalid, as_is.invalid
            ));
        }
        return decoded_as_is;
    }
    let warnings = ambiguity_warning(&names, &decoded, &scores, best)
        .into_iter()
        .collect();
    let text = if sample.len() == text.len() {
        let mut decoded = decoded;
        std::mem::take(&mut decoded[best])
    } else {
        let bytes = to_cp1252(text);
        if best == 0 {
            decode_tcvn3_raw(&bytes)
        } else {
            decode_vni(&bytes)
        }
    };
    let text = if best == 0 {
        recapitalise_tcvn3(text)
    } else {
        text
    };
    DecodedText {
        text,
        encoding: names[best],
        warnings,
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

// ---------------------------------------------------------------------------
// VIQR (RFC 1456)
// ---------------------------------------------------------------------------

fn viqr_tone(b: u8) -> Option<usize> {
    match b {
        b'`' => Some(GRAVE),
        b'\'' => Some(ACUTE),
        b'?' => Some(HOOK),
        b'~' => Some(TILDE),
        b'.' => Some(DOT),
        _ => None,
    }
}

/// VIQR → text: a vowel, then an optional shape mark (`(` breve, `^`
/// circumflex, `+` horn), then an optional tone mark; `dd` is đ; a
/// backslash makes the next mark literal. Only the first tone mark of a
/// word counts, so the full stop in `No^.i.` stays a full stop.
fn decode_viqr(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut word_has_tone = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == b'\\' {
            if let Some(n) = next.filter(|&n| b"^(+`'?~.dD".contains(&n)) {
                out.push(char::from(n));
                i += 2;
                continue;
            }
        }
        if matches!(c, b'd' | b'D') && matches!(next, Some(b'd' | b'D')) {
            out.push(if c == b'D' { 'Đ' } else { 'đ' });
            i += 2;
            continue;
        }
        let vowel = match c.to_ascii_lowercase() {
            b'a' => V_A,
            b'e' => V_E,
            b'i' => V_I,
            b'o' => V_O,
            b'u' => V_U,
            b'y' => V_Y,
            _ => {
                out.push(char::from(c));
                if !c.is_ascii_alphabetic() {
                    word_has_tone = false;
                }
                i += 1;
                continue;
            }
        };
        i += 1;
        let shaped = match (vowel, b.get(i)) {
            (V_A, Some(b'(')) => Some(V_A_BREVE),
            (V_A, Some(b'^')) => Some(V_A_CIRC),
            (V_E, Some(b'^')) => Some(V_E_CIRC),
            (V_O, Some(b'^')) => Some(V_O_CIRC),
            (V_O, Some(b'+')) => Some(V_O_HORN),
            (V_U, Some(b'+')) => Some(V_U_HORN),
            _ => None,
        };
        if shaped.is_some() {
            i += 1;
        }
        let mut tone = 0;
        if !word_has_tone {
            if let Some(t) = b.get(i).and_then(|&m| viqr_tone(m)) {
                tone = t;
                word_has_tone = true;
                i += 1;
            }
        }
        let table = if c.is_ascii_uppercase() {
            &VOWELS_UPPER
        } else {
            &VOWELS_LOWER
        };
        out.push(table[shaped.unwrap_or(vowel)][tone]);
    }
    out
}

/// Whether a letter is ă â ê ô ơ ư or đ, toned or not, in either case.
fn has_shape_mark(c: char) -> bool {
    let lower = c.to_lowercase().next().unwrap_or(c);
    matches!(
        split_tone(lower),
        Some(('ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư' | 'đ', _))
    )
}

/// VIQR collides with English (`No.`, `People's`), so it is accepted only
/// when at least 30% of the words carry marks, one of them has a shape
/// mark or `dd`, and either there are at least three such words of which
/// 80% make valid syllables, or every marked word makes a valid syllable
/// (short text: ``Ha` No^.i``). English punctuation never makes a shape
/// mark, so `No.` or `People's` alone never turns text into VIQR.
fn looks_like_viqr(text: &str) -> bool {
    let sample = &text[..text.len().min(SAMPLE_BYTES)];
    let (mut words, mut marked, mut shaped, mut valid) = (0usize, 0usize, 0usize, 0usize);
    for token in sample.split_ascii_whitespace() {
        if !token.bytes().any(|b| b.is_ascii_alphabetic()) {
            continue;
        }
        words += 1;
        let decoded = decode_viqr(token);
        if decoded == token {
            continue;
        }
        marked += 1;
        shaped += usize::from(decoded.chars().any(has_shape_mark));
        let s = score_text(&decoded);
        valid += usize::from(s.valid > 0 && s.invalid == 0);
    }
    let dense = marked >= 3 && valid * 10 >= marked * 8;
    let all_valid = marked >= 1 && valid == marked;
    shaped >= 1 && marked * 10 >= words * 3 && (dense || all_valid)
}

// ---------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------

/// How Vietnamese a hypothesis looks: among words with any non-ASCII
/// character (ASCII words read the same under every hypothesis), how many
/// are valid syllables and how many are not.
#[derive(Debug, Clone, Copy, Default)]
struct Score {
    valid: u32,
    invalid: u32,
}

impl Score {
    fn net(self) -> i64 {
        i64::from(self.valid) - i64::from(self.invalid)
    }

    fn scored(self) -> i64 {
        i64::from(self.valid) + i64::from(self.invalid)
    }
}

/// Words are split at whitespace, ASCII punctuation and digits, and general
/// punctuation (quotes, dashes). Symbols such as `¸ µ ®` are not
/// separators: inside a word they mark it as mojibake.
fn is_word_separator(c: char) -> bool {
    c.is_whitespace()
        || (c.is_ascii() && !c.is_ascii_alphabetic())
        || ('\u{2010}'..='\u{206F}').contains(&c)
}

fn score_text(text: &str) -> Score {
    let mut score = Score::default();
    let mut lower = String::new();
    let mut nfc = String::new();
    for word in text.split(is_word_separator) {
        if word.is_ascii() {
            continue;
        }
        lower.clear();
        for c in word.chars() {
            if c.is_ascii() {
                lower.push(c.to_ascii_lowercase());
            } else {
                lower.extend(c.to_lowercase());
            }
        }
        // Only Windows-1258 hypotheses carry combining marks.
        let word = if lower.chars().any(|c| ('\u{300}'..='\u{36F}').contains(&c)) {
            nfc.clear();
            nfc.extend(lower.nfc());
            &nfc
        } else {
            &lower
        };
        if is_vietnamese_syllable(word) {
            score.valid += 1;
        } else {
            score.invalid += 1;
        }
    }
    score
}

/// Letters and combining marks that only Unicode Vietnamese text has: the
/// Vietnamese letters above U+00FF (ă đ ĩ ũ ơ ư, U+1EA0–U+1EF9) and the
/// combining marks of decomposed Vietnamese.
fn is_vietnamese_beyond_latin1(c: char) -> bool {
    matches!(
        c,
        'Ă' | 'ă' | 'Đ' | 'đ' | 'Ĩ' | 'ĩ' | 'Ũ' | 'ũ' | 'Ơ' | 'ơ' | 'Ư' | 'ư'
            | '\u{1EA0}'..='\u{1EF9}'
            | '\u{0300}'..='\u{0303}'
            | '\u{0306}'
            | '\u{0309}'
            | '\u{031B}'
            | '\u{0323}'
            | '\u{0340}'
            | '\u{0341}'
    )
}

// ---------------------------------------------------------------------------
// Vietnamese syllables
// ---------------------------------------------------------------------------

/// Initial consonants, longest first so `ngh` is tried before `ng`.
#[rustfmt::skip]
const INITIALS: [&str; 27] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

/// Rhymes (medial + nucleus + final), untoned. After `qu` the medial u is
/// part of the initial, so `quân` is qu + ân; after `gi` an i may be
/// shared (`gì`, `gìn`).
#[rustfmt::skip]
const RHYMES: &[&str] = &[
    "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay",
    "ăc", "ăm", "ăn", "ăng", "ăp", "ăt",
    "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
    "e", "ec", "em", "en", "eng", "eo", "ep", "et",
    "ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu",
    "i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu",
    "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu",
    "o", "oc", "oi", "om", "on", "ong", "op", "ot", "ooc", "oong",
    "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay",
    "oăc", "oăm", "oăn", "oăng", "oăt", "oe", "oen", "oeo", "oet",
    "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt",
    "ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
    "u", "ua", "uc", "ui", "um", "un", "ung", "up", "ut",
    "uân", "uâng", "uât", "uây", "uê", "uêch", "uênh", "uơ",
    "uôc", "uôi", "uôm", "uôn", "uông", "uôt",
    "uy", "uya", "uych", "uyên", "uyêt", "uynh", "uyp", "uyt", "uyu",
    "ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng", "ưt", "ưu",
    "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
    "y", "yêm", "yên", "yêt", "yêu",
];

/// Whether a lowercase NFC word is a plausible Vietnamese syllable:
/// optional initial consonant, a rhyme from [`RHYMES`], at most one tone,
/// spelling rules (k/gh/ngh before i e ê y, c/g/ng elsewhere) and stop
/// finals (c ch p t) only with sắc or nặng. Good enough to score encoding
/// hypotheses, not a spelling checker.
fn is_vietnamese_syllable(word: &str) -> bool {
    // The word without its tone, on the stack: scoring calls this for every
    // word of the sample, three times over.
    let mut buf = [0u8; 16];
    let mut len = 0;
    let mut tone = 0;
    for c in word.chars() {
        let Some((base, t)) = split_tone(c) else {
            return false;
        };
        if t != 0 {
            if tone != 0 {
                return false;
            }
            tone = t;
        }
        if len + base.len_utf8() > buf.len() {
            return false;
        }
        len += base.encode_utf8(&mut buf[len..]).len();
    }
    let Ok(bare) = std::str::from_utf8(&buf[..len]) else {
        return false;
    };
    if bare.is_empty() {
        return false;
    }
    rhyme_ok("", bare, tone)
        || INITIALS.iter().any(|&init| {
            let Some(rest) = bare.strip_prefix(init) else {
                return false;
            };
            let direct = !rest.is_empty() && rhyme_ok(init, rest, tone);
            match init {
                // gi may share its i with the rhyme: gì, gìn, giếng.
                "gi" => direct || prefixed_rhyme_ok('i', rest, init, tone),
                // qu's u is the rhyme's medial: quân = qu + uân.
                "qu" => direct || (!rest.is_empty() && prefixed_rhyme_ok('u', rest, init, tone)),
                _ => direct,
            }
        })
}

/// [`rhyme_ok`] on `first` followed by `rest`.
fn prefixed_rhyme_ok(first: char, rest: &str, init: &str, tone: usize) -> bool {
    let mut buf = [0u8; 20];
    let n = first.len_utf8();
    if n + rest.len() > buf.len() {
        return false;
    }
    first.encode_utf8(&mut buf);
    buf[n..n + rest.len()].copy_from_slice(rest.as_bytes());
    std::str::from_utf8(&buf[..n + rest.len()]).is_ok_and(|r| rhyme_ok(init, r, tone))
}

fn rhyme_ok(init: &str, rhyme: &str, tone: usize) -> bool {
    // Rhymes are at most 8 bytes of UTF-8: looked up as integers, because
    // scoring asks this a few times for every word of the sample.
    static PACKED: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let packed = PACKED.get_or_init(|| {
        let mut v: Vec<u64> = RHYMES.iter().filter_map(|r| pack_rhyme(r)).collect();
        v.sort_unstable();
        v
    });
    if pack_rhyme(rhyme).is_none_or(|r| packed.binary_search(&r).is_err()) {
        return false;
    }
    let front = rhyme.starts_with(['i', 'e', 'ê', 'y']);
    let spelling_ok = match init {
        "k" | "gh" | "ngh" => front,
        "c" | "g" | "ng" => !front,
        // iê is written yê without an initial; yê only starts a syllable.
        "" => !rhyme.starts_with("iê"),
        "qu" => true,
        _ => !rhyme.starts_with("yê"),
    };
    let stop_final = rhyme.ends_with(['c', 'p', 't']) || rhyme.ends_with("ch");
    spelling_ok && (!stop_final || tone == ACUTE || tone == DOT)
}

/// Up to 8 bytes of a string as one integer, zero-padded.
fn pack_rhyme(s: &str) -> Option<u64> {
    let bytes = s.as_bytes();
    if bytes.len() > 8 {
        return None;
    }
    let mut buf = [0u8; 8];
    buf[..bytes.len()].copy_from_slice(bytes);
    Some(u64::from_be_bytes(buf))
}

/// A lowercase letter → (base letter with its shape, tone index); `None`
/// for anything that is not a lowercase Vietnamese letter.
fn split_tone(c: char) -> Option<(char, usize)> {
    if c.is_ascii_lowercase() || c == 'đ' {
        return Some((c, 0));
    }
    VOWELS_LOWER.iter().find_map(|row| {
        let tone = row.iter().position(|&x| x == c)?;
        Some((row[0], tone))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Real plan phrasing, with every hard case: toned capitals in an
    /// all-caps heading and at the start of a mixed-case word, ư (soft
    /// hyphen in Windows-1252), đ (the TCVN3/VNI collision), Đăk.
    const SENTENCE: &str = "KẾ HOẠCH Triển khai thực hiện Chương trình mục tiêu quốc gia \
        xây dựng nông thôn mới năm 2024. Ủy ban nhân dân huyện Đăk Hà; Mường; được; \
        các đơn vị; CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

    /// More plan sentences, none starting a mixed-case word with a toned
    /// capital, so TCVN3 must give them back exactly.
    const MORE: [&str; 5] = [
        "Căn cứ Quyết định số 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ;",
        "Nơi nhận:\r\n- UBND tỉnh Kon Tum;\r\n- Lưu: VT.\r\n",
        "Phấn đấu đến cuối năm có thêm 02 thôn đạt chuẩn nông thôn mới; \
         tỷ lệ hộ nghèo giảm còn dưới 3%.",
        "Tổ chức tuyên truyền, phổ biến rộng rãi đến cán bộ, đảng viên và nhân dân \
         trên địa bàn; huy động nguồn lực xã hội hóa.",
        "TM. ỦY BAN NHÂN DÂN\n\tCHỦ TỊCH\n\nNguyễn Văn Mường",
    ];

    // -- test-only encoders, built from the same tables as the decoders --

    fn find_vowel(c: char) -> Option<(usize, usize, bool)> {
        for (upper, table) in [(false, &VOWELS_LOWER), (true, &VOWELS_UPPER)] {
            for (v, row) in table.iter().enumerate() {
                if let Some(t) = row.iter().position(|&x| x == c) {
                    return Some((v, t, upper));
                }
            }
        }
        None
    }

    fn tcvn3_encode(s: &str) -> Vec<u8> {
        let lookup = |c: char| {
            TCVN3_LETTERS
                .iter()
                .find(|&&(_, l)| l == c)
                .map(|&(b, _)| b)
        };
        s.chars()
            .map(|c| {
                if c.is_ascii() {
                    return c as u8;
                }
                lookup(c)
                    .or_else(|| c.to_lowercase().next().and_then(lookup))
                    .or_else(|| cp1252_byte(c))
                    .unwrap_or(b'?')
            })
            .collect()
    }

    fn vni_encode(s: &str) -> Vec<u8> {
        let mut out = Vec::new();
        for c in s.chars() {
            if c.is_ascii() {
                out.push(c as u8);
                continue;
            }
            if let Some(&(b, _)) = VNI_SINGLE_LETTERS.iter().find(|&&(_, l)| l == c) {
                out.push(b);
                continue;
            }
            let Some((vowel, tone, upper)) = find_vowel(c) else {
                out.push(cp1252_byte(c).unwrap_or(b'?'));
                continue;
            };
            let case = |b: u8| if upper { b - 0x20 } else { b };
            let ascii = |b: u8| if upper { b.to_ascii_uppercase() } else { b };
            let toned = (tone > 0).then(|| case(VNI_TONE[tone]));
            let (base, modifier) = match vowel {
                V_O_HORN => (case(0xF4), toned),
                V_U_HORN => (case(0xF6), toned),
                V_A_CIRC => (ascii(b'a'), Some(case(VNI_CIRCUMFLEX[tone]))),
                V_E_CIRC => (ascii(b'e'), Some(case(VNI_CIRCUMFLEX[tone]))),
                V_O_CIRC => (ascii(b'o'), Some(case(VNI_CIRCUMFLEX[tone]))),
                V_A_BREVE => (ascii(b'a'), Some(case(VNI_BREVE[tone]))),
                v => (ascii(b"aaaeeiooouuy"[v]), toned),
            };
            out.push(base);
            out.extend(modifier);
        }
        out
    }

    /// Windows-1258 as Vietnamese Windows wrote it: shaped letter
    /// precomposed, tone as a combining mark.
    fn cp1258_encode(s: &str) -> Vec<u8> {
        let is_tone =
            |m: char| matches!(m, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}');
        let mut prepared = String::new();
        for c in s.chars() {
            let nfd: Vec<char> = std::iter::once(c).nfd().collect();
            let shaped: String = std::iter::once(nfd[0])
                .chain(nfd[1..].iter().copied().filter(|&m| !is_tone(m)))
                .nfc()
                .collect();
            prepared.push_str(&shaped);
            prepared.extend(nfd[1..].iter().copied().filter(|&m| is_tone(m)));
        }
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&prepared);
        assert!(!unmappable, "not representable in windows-1258: {s}");
        bytes.into_owned()
    }

    /// Legacy bytes read as Windows-1252 (as encoding_rs does) and saved as UTF-8.
    fn mojibake(bytes: &[u8]) -> Vec<u8> {
        let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
        text.into_owned().into_bytes()
    }

    /// TCVN3 without detection, as [`decode_text`] would decode it.
    fn decode_tcvn3(bytes: &[u8]) -> String {
        recapitalise_tcvn3(decode_tcvn3_raw(bytes))
    }

    fn nfc(s: &str) -> String {
        s.nfc().collect()
    }

    fn decode(bytes: &[u8]) -> DecodedText {
        decode_text(bytes).expect("decodes")
    }

    /// The 134 Vietnamese letters beyond ASCII: 12 vowels × 6 tones, less the
    /// six plain ASCII vowels, plus đ, in both cases.
    fn all_letters() -> Vec<char> {
        let mut letters: Vec<char> = VOWELS_LOWER
            .iter()
            .chain(&VOWELS_UPPER)
            .flatten()
            .copied()
            .filter(|c| !c.is_ascii())
            .collect();
        letters.extend(['đ', 'Đ']);
        letters
    }

    // -- tables --

    #[test]
    fn letter_tables_are_consistent() {
        for (lower, upper) in VOWELS_LOWER.iter().zip(&VOWELS_UPPER) {
            for (&l, &u) in lower.iter().zip(upper) {
                assert_eq!(l.to_uppercase().collect::<String>(), u.to_string());
                assert!(
                    std::iter::once(l).nfc().eq(std::iter::once(l)),
                    "{l} is NFC"
                );
            }
        }
        let letters = all_letters();
        assert_eq!(letters.len(), 134);
        let mut sorted = letters.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 134);
        let mut rhymes = RHYMES.to_vec();
        rhymes.sort_unstable();
        rhymes.dedup();
        assert_eq!(rhymes.len(), RHYMES.len(), "no duplicate rhymes");
        assert!(
            RHYMES.iter().all(|r| pack_rhyme(r).is_some()),
            "rhymes fit in 8 bytes"
        );
    }

    #[test]
    fn toned_to_upper_matches_the_tables() {
        let mut expected = std::collections::HashMap::new();
        for (lower, upper) in VOWELS_LOWER.iter().zip(&VOWELS_UPPER) {
            for t in 1..6 {
                expected.insert(lower[t], upper[t]);
            }
        }
        assert_eq!(expected.len(), 60);
        for c in (0..0x2000).filter_map(char::from_u32) {
            assert_eq!(toned_to_upper(c), expected.get(&c).copied(), "{c:?}");
        }
    }

    #[test]
    fn tcvn3_table_has_exactly_one_code_per_letter() {
        let mut bytes: Vec<u8> = TCVN3_LETTERS.iter().map(|&(b, _)| b).collect();
        bytes.sort_unstable();
        bytes.dedup();
        assert_eq!(bytes.len(), 74);
        assert!(
            bytes.iter().all(|&b| b > 0xA0),
            "0x80–0xA0 stay Windows-1252"
        );
        for c in all_letters() {
            let lower = c.to_lowercase().next().unwrap();
            let codes = TCVN3_LETTERS.iter().filter(|&&(_, l)| l == c).count();
            let lower_codes = TCVN3_LETTERS.iter().filter(|&&(_, l)| l == lower).count();
            assert_eq!(lower_codes, 1, "{lower} has exactly one code");
            let toned = toned_to_upper(lower).is_some();
            // Only the seven untoned capitals have codes of their own.
            assert_eq!(codes, usize::from(!toned || c == lower), "codes for {c}");
        }
        // Spot checks from the reference notes.
        assert_eq!(TCVN3_HIGH[0xAD - 0x80], 'ư');
        assert_eq!(TCVN3_HIGH[0xB8 - 0x80], 'á');
        assert_eq!(TCVN3_HIGH[0x93 - 0x80], '“');
        assert_eq!(
            TCVN3_HIGH[0xE0 - 0x80],
            'à',
            "unassigned slot keeps Windows-1252"
        );
    }

    #[test]
    fn windows_1258_maps_every_byte() {
        let all: Vec<u8> = (0..=255).collect();
        let text = decode_windows_1258(&all);
        assert_eq!(text.chars().count(), 256);
        assert!(!text.contains('\u{FFFD}'));
    }

    #[test]
    fn vni_tables_agree_with_the_letter_tables() {
        for &(b, c) in &VNI_SINGLE_LETTERS {
            assert_eq!(VNI_HIGH[usize::from(b - 0x80)], c);
            assert_eq!(VNI_MOD[usize::from(b - 0x80)], 0, "{c} is not a modifier");
        }
        let mods = VNI_MOD.iter().filter(|&&m| m != 0).count();
        assert_eq!(
            mods,
            2 * (5 + 6 + 6),
            "tone, circumflex and breve bytes in both cases"
        );
    }

    #[test]
    fn tcvn3_round_trips_every_letter() {
        for c in all_letters() {
            let decoded = decode_tcvn3_raw(&tcvn3_encode(&c.to_string()));
            let lower = c.to_lowercase().to_string();
            assert_eq!(decoded.to_lowercase(), lower, "{c}");
            if toned_to_upper(c.to_lowercase().next().unwrap()).is_none() || c.is_lowercase() {
                assert_eq!(decoded, c.to_string(), "{c} has its own code");
            }
            // Inside an all-caps word the capital comes back.
            if c.is_uppercase() {
                let word = format!("TH{c}NG");
                assert_eq!(decode_tcvn3(&tcvn3_encode(&word)), word);
            }
        }
    }

    #[test]
    fn vni_round_trips_every_letter() {
        for c in all_letters() {
            assert_eq!(decode_vni(&vni_encode(&c.to_string())), c.to_string());
            let word = format!("th{c}ng T{c}N {c}");
            assert_eq!(decode_vni(&vni_encode(&word)), word);
        }
    }

    // -- single-byte encodings --

    #[test]
    fn tcvn3_sentence_is_detected_and_capitals_restored() {
        let d = decode(&tcvn3_encode(SENTENCE));
        assert_eq!(d.encoding, "tcvn3");
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        assert_eq!(d.text, SENTENCE);
        assert!(d.text.starts_with("KẾ HOẠCH Triển khai"));
        assert!(d.text.ends_with("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        for s in MORE {
            let d = decode(&tcvn3_encode(s));
            assert_eq!((d.encoding, d.text.as_str()), ("tcvn3", s));
        }
    }

    #[test]
    fn tcvn3_soft_hyphen_is_u_horn() {
        assert_eq!(decode_tcvn3_raw(b"M\xAD\xEAng"), "Mường");
        let d = decode(b"huy\xD6n M\xAD\xEAng T\xCC, \xAE\xAD\xEEc");
        assert_eq!(
            (d.encoding, d.text.as_str()),
            ("tcvn3", "huyện Mường Tè, được")
        );
    }

    #[test]
    fn tcvn3_keeps_windows_1252_symbols() {
        let d = decode(b"\x93K\xD5 ho\xB9ch\x94 \x96 v\xB5 c\xF1a c\xB8c \x85");
        assert_eq!(d.encoding, "tcvn3");
        assert_eq!(d.text, "“Kế hoạch” – và của các …");
    }

    #[test]
    fn recapitalisation_restores_capitals_and_leaves_title_case_alone() {
        for s in [
            "Hà Nội",
            "Số: 12/KH-UBND",
            "UBND Hà Giang",
            "Đà Nẵng, ngày 05",
            "làm ở UBND xã",
        ] {
            assert_eq!(decode_tcvn3(&tcvn3_encode(s)), s);
        }
        for s in [
            "TM. ỦY BAN NHÂN DÂN",
            "XÃ TÂN PHÚ",
            "Ý KIẾN",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "II. NHIỆM VỤ VÀ GIẢI PHÁP",
            // Sentence starts, after numbering and bullets.
            "Ủy ban nhân dân xã",
            "4.3. Ủy ban nhân dân xã; năm 2024. Ủy ban",
            "- Ủy ban nhân dân\n5.1. Ở Tỉnh. “Ủy ban”",
            "Nơi nhận:\r\n- Ủy ban;\r\nỦy ban\n\nỦy ban",
        ] {
            assert_eq!(decode_tcvn3(&tcvn3_encode(s)), s);
        }
        // A toned capital in mid-sentence is lost: TCVN3 has no code for it.
        for (s, decoded) in [
            ("của Ủy ban; (Ủy ban)", "của ủy ban; (ủy ban)"),
            ("UBND Hà Tú", "UBND Hà Tú"),
            // A hard-wrapped line goes on with the sentence.
            ("của Đảng\nủy ban", "của Đảng\nủy ban"),
        ] {
            assert_eq!(decode_tcvn3(&tcvn3_encode(s)), decoded);
        }
    }

    #[test]
    fn vni_sentence_is_detected() {
        for s in std::iter::once(SENTENCE).chain(MORE) {
            let d = decode(&vni_encode(s));
            assert_eq!((d.encoding, d.text.as_str()), ("vni", s));
            assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        }
        // The examples from the reference notes.
        let d = decode(b"Ke\xE1 hoa\xEFch va\xF8 cu\xFBa nha\xE2n da\xE2n Vie\xE4t Nam");
        assert_eq!(d.text, "Kế hoạch và của nhân dân Việt Nam");
        assert_eq!(decode_vni(b"\xF1\xF6\xF4\xEFc"), "được");
    }

    #[test]
    fn windows_1258_is_detected_and_left_decomposed() {
        for s in std::iter::once(SENTENCE).chain(MORE) {
            let d = decode(&cp1258_encode(s));
            assert_eq!(d.encoding, "windows-1258");
            assert_eq!(nfc(&d.text), s);
        }
        let d = decode(&cp1258_encode("Kế hoạch"));
        assert_eq!(d.text, "Kê\u{301} hoa\u{323}ch", "no normalisation here");
    }

    // -- mojibake --

    #[test]
    fn tcvn3_mojibake_is_repaired() {
        let d = decode(&mojibake(&tcvn3_encode(SENTENCE)));
        assert_eq!((d.encoding, d.text.as_str()), ("tcvn3-mojibake", SENTENCE));
        let d = decode("KÕ ho¹ch ®\u{AD}îc vµ cña c¸c nh©n d©n n¨m".as_bytes());
        assert_eq!(d.encoding, "tcvn3-mojibake");
        assert_eq!(d.text, "Kế hoạch được và của các nhân dân năm");
    }

    #[test]
    fn vni_mojibake_is_repaired() {
        let d = decode(&mojibake(&vni_encode(SENTENCE)));
        assert_eq!((d.encoding, d.text.as_str()), ("vni-mojibake", SENTENCE));
        let d = decode("Keá hoaïch vaø cuûa nhaân daân Vieät Nam".as_bytes());
        assert_eq!(d.encoding, "vni-mojibake");
        assert_eq!(d.text, "Kế hoạch và của nhân dân Việt Nam");
    }

    #[test]
    fn mojibake_with_bom_and_undefined_windows_1252_bytes() {
        let mut raw = tcvn3_encode(SENTENCE);
        raw.extend([b' ', 0x81, 0x8D, 0x8F, 0x90, 0x9D]);
        let mut bytes = UTF8_BOM.to_vec();
        bytes.extend(mojibake(&raw));
        let d = decode(&bytes);
        assert_eq!(d.encoding, "tcvn3-mojibake");
        assert!(d.text.ends_with("VIỆT NAM \u{81}\u{8D}\u{8F}\u{90}\u{9D}"));
        // Mojibake made through ISO-8859-1 (0x93 → U+0093) maps back too.
        let latin1: String = tcvn3_encode("“Kế hoạch” của các đơn vị")
            .iter()
            .map(|&b| char::from(b))
            .collect();
        let d = decode(latin1.as_bytes());
        assert_eq!(d.encoding, "tcvn3-mojibake");
        assert_eq!(d.text, "“Kế hoạch” của các đơn vị");
    }

    #[test]
    fn latin1_only_vietnamese_stays_unicode() {
        for s in [
            "Tân Phú, Cà Mau, Bình Tân",
            "Tân Phú, Cà Mau, Bình Tân, Tây Ninh, Mê Linh, Hà Tiên, Cô Tô",
            "Bình Tân",
            "café à Paris, Ñuñoa",
        ] {
            let d = decode(s.as_bytes());
            assert_eq!((d.encoding, d.text.as_str()), ("utf-8", s));
            assert!(d.warnings.is_empty(), "{s}: {:?}", d.warnings);
        }
    }

    // -- Unicode --

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode(SENTENCE.as_bytes());
        assert_eq!((d.encoding, d.text.as_str()), ("utf-8", SENTENCE));
        let mut bytes = UTF8_BOM.to_vec();
        bytes.extend_from_slice(SENTENCE.as_bytes());
        let d = decode(&bytes);
        assert_eq!((d.encoding, d.text.as_str()), ("utf-8-bom", SENTENCE));
        // Decomposed Unicode counts as Unicode, and is not normalised.
        let nfd: String = SENTENCE.nfd().collect();
        let d = decode(nfd.as_bytes());
        assert_eq!((d.encoding, d.text.as_str()), ("utf-8", nfd.as_str()));
        let d = decode(b"");
        assert_eq!((d.encoding, d.text.as_str()), ("utf-8", ""));
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(SENTENCE.encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&le);
        assert_eq!((d.encoding, d.text.as_str()), ("utf-16le", SENTENCE));
        let mut be = vec![0xFE, 0xFF];
        be.extend(SENTENCE.encode_utf16().flat_map(u16::to_be_bytes));
        let d = decode(&be);
        assert_eq!((d.encoding, d.text.as_str()), ("utf-16be", SENTENCE));
        // Without a BOM the zero-byte pattern gives it away, with a warning.
        let d = decode(&le[2..]);
        assert_eq!((d.encoding, d.text.as_str()), ("utf-16le", SENTENCE));
        assert_eq!(d.warnings.len(), 1);
        let ascii: Vec<u8> = "Plan 12"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode(&ascii).text, "Plan 12");
    }

    #[test]
    fn broken_utf16_is_an_error() {
        let err = decode_text(b"\xFF\xFEK\x00H\x00\x00").unwrap_err();
        assert!(matches!(err, DecodeError::OddUtf16Length { len: 7, .. }));
        assert!(err.to_string().contains("odd number of bytes"), "{err}");
        let err = decode_text(b"\xFE\xFF\x00K\xD8\x00\x00H").unwrap_err();
        assert!(matches!(
            err,
            DecodeError::UnpairedUtf16Surrogate {
                offset: 4,
                unit: 0xD800,
                ..
            }
        ));
        assert!(err.to_string().contains("0xD800 at byte offset 4"), "{err}");
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let mut bytes = SENTENCE.as_bytes().to_vec();
        bytes.insert(20, 0xFF);
        let d = decode(&bytes);
        assert_eq!(d.encoding, "utf-8");
        assert!(d.text.contains('\u{FFFD}'));
        assert_eq!(d.warnings.len(), 1);
        // A BOM over non-UTF-8 content is reported, then detection goes on.
        let mut bytes = UTF8_BOM.to_vec();
        bytes.extend(tcvn3_encode(SENTENCE));
        let d = decode(&bytes);
        assert_eq!(d.encoding, "tcvn3");
        assert!(
            d.warnings[0].contains("byte-order mark"),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn ascii_english_stays_ascii() {
        for s in [
            "The People's Committee of Ha Noi issued Plan No. 12 on 5 March 2024. \
             What's next? See item (a), the annex, and Decision No. 318/QD-TTg.",
            "Ke hoach trien khai thuc hien Chuong trinh muc tieu quoc gia.",
            "Is it done? Yes. Add it to the list: e.g. 'foo', 'bar'.",
        ] {
            let d = decode(s.as_bytes());
            assert_eq!((d.encoding, d.text.as_str()), ("utf-8", s));
        }
    }

    #[test]
    fn dense_viqr_is_decoded() {
        let viqr = "Ke^' hoa.ch trie^?n khai thu+.c hie^.n Chu+o+ng tri`nh mu.c tie^u \
                    quo^'c gia xa^y du+.ng no^ng tho^n mo+'i na(m 2024. U?y ban nha^n da^n \
                    huye^.n DDa(k Ha`; ta.i Ha` No^.i. Ddu+o+.c: \\. ca'c ddo+n vi.";
        let d = decode(viqr.as_bytes());
        assert_eq!(d.encoding, "viqr");
        assert_eq!(
            d.text,
            "Kế hoạch triển khai thực hiện Chương trình mục tiêu quốc gia xây dựng \
             nông thôn mới năm 2024. Ủy ban nhân dân huyện Đăk Hà; tại Hà Nội. \
             Được: . các đơn vị"
        );
    }

    #[test]
    fn short_viqr_is_decoded() {
        for (viqr, text) in [
            ("Ha` No^.i", "Hà Nội"),
            ("DDa(ng ky'", "Đăng ký"),
            ("Tho^n 3", "Thôn 3"),
            ("xa~ Phu' La.c, huye^.n", "xã Phú Lạc, huyện"),
            ("Ngu+o+`i ky'", "Người ký"),
        ] {
            let d = decode(viqr.as_bytes());
            assert_eq!((d.encoding, d.text.as_str()), ("viqr", text), "{viqr}");
        }
        // English punctuation makes no shape mark; a marked word that is no
        // syllable keeps the whole line ASCII.
        for s in [
            "No. 5",
            "People's Committee",
            "Is it done? Yes.",
            "dd/mm/yyyy",
            "Buddha",
            "C++ and A+ grade",
            "Ha` No^.i People's",
            "No^.i dung: see No. 5 and People's",
        ] {
            let d = decode(s.as_bytes());
            assert_eq!((d.encoding, d.text.as_str()), ("utf-8", s), "{s}");
        }
    }

    #[test]
    fn ambiguous_short_input_warns() {
        // Tân (VNI, Windows-1258) or Tõn (TCVN3): both are syllables.
        let d = decode(b"T\xE2n");
        assert_eq!(d.warnings.len(), 1, "{d:?}");
        assert!(d.warnings[0].starts_with("ambiguous encoding"), "{d:?}");
        // Mostly genuine Latin-1 Vietnamese with a little mojibake: kept as
        // it is, with a warning; an even tie (Cô or VNI Cơ) is kept silently.
        let s = "Cô Tô Cô Tô Cô Tô Cô Tô Cô Tô Cô Tô ® vµ";
        let d = decode(s.as_bytes());
        assert_eq!((d.encoding, d.text.as_str()), ("utf-8", s));
        assert!(d.warnings[0].contains("tcvn3-mojibake"), "{d:?}");
        let d = decode("Cô Tô".as_bytes());
        assert!(d.warnings.is_empty(), "{d:?}");
        // Bytes that are Vietnamese in no encoding say so.
        let d = decode(b"Zz\xA4\xA4\xA4 \xBF\xBF");
        assert_eq!(d.encoding, "windows-1258");
        assert!(d.warnings[0].contains("no Vietnamese syllables"), "{d:?}");
    }

    #[test]
    fn syllable_validator() {
        for w in [
            "được", "mường", "nghĩa", "khuya", "quốc", "quyết", "quỳnh", "gì", "gìn", "giữa",
            "giếng", "hoà", "hòa", "thuý", "thúy", "ủy", "yêu", "kế", "hoạch", "chủ", "xã",
            "ngoằn", "huých", "oẳn", "tỉnh", "việt", "khuếch", "tân", "phú", "bình",
        ] {
            assert!(is_vietnamese_syllable(w), "{w} is valid");
        }
        for w in [
            "",
            "cña",
            "vµ",
            "keá",
            "thươc",
            "bớnh",
            "kờ",
            "ce",
            "ky\u{301}",
            "ge",
            "ngi",
            "gha",
            "ac",
            "àc",
            "áà",
            "iêt",
            "tyên",
            "xyz",
            "đăk",
            "strong",
            "Hà",
            "e\u{301}",
        ] {
            assert!(!is_vietnamese_syllable(w), "{w:?} is not valid");
        }
    }

    /// xorshift64*: enough randomness to shake the decoders without a
    /// property-testing dependency.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
    }

    #[test]
    fn random_input_never_panics() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let alphabet: Vec<char> = all_letters()
            .into_iter()
            .chain("abc dđ^(+'`?~.\\\n\u{AD}¸µ¶·¹¨©ª«¬®“”\u{81}".chars())
            .collect();
        for round in 0..3000 {
            let len = (rng.next() % 300) as usize;
            let bytes: Vec<u8> = match round % 4 {
                // Arbitrary bytes, and bytes behind each BOM.
                0 => (0..len).map(|_| rng.next() as u8).collect(),
                1 => {
                    let bom: &[u8] =
                        [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"][(rng.next() % 3) as usize];
                    let tail = (0..len).map(|_| rng.next() as u8);
                    bom.iter().copied().chain(tail).collect()
                }
                // High bytes and ASCII letters: the single-byte paths.
                2 => (0..len)
                    .map(|_| match rng.next() % 3 {
                        0 => b"aeouyAEOUY nt"[(rng.next() % 13) as usize],
                        _ => 0x80 | rng.next() as u8,
                    })
                    .collect(),
                // Valid UTF-8 from letters and marks: Unicode, mojibake, VIQR.
                _ => (0..len)
                    .map(|_| alphabet[(rng.next() % alphabet.len() as u64) as usize])
                    .collect::<String>()
                    .into_bytes(),
            };
            if let Ok(d) = decode_text(&bytes) {
                assert!(!d.encoding.is_empty());
            }
        }
    }

    #[test]
    fn long_documents_decode_past_the_sample() {
        let line = format!("{}\r\n", MORE[3]);
        let doc = line.repeat(SAMPLE_BYTES / line.len() * 3);
        let d = decode(&tcvn3_encode(&doc));
        assert_eq!((d.encoding, d.text == doc), ("tcvn3", true));
        let d = decode(&mojibake(&vni_encode(&doc)));
        assert_eq!((d.encoding, d.text == doc), ("vni-mojibake", true));
    }

    #[test]
    fn fixtures_decode_to_the_unicode_original() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/encodings");
        let read = |name: &str| {
            std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
        };
        let unicode = String::from_utf8(read("plan_unicode.txt")).unwrap();
        // The one word TCVN3 cannot capitalise: Ủy in mid-sentence.
        let tcvn3_text = unicode.replace("của Ủy ban", "của ủy ban");
        assert_ne!(tcvn3_text, unicode);
        // The fixtures were written by make_fixtures.py with its own tables.
        assert_eq!(read("plan_tcvn3.txt"), tcvn3_encode(&unicode));
        assert_eq!(read("plan_vni.txt"), vni_encode(&unicode));
        assert_eq!(read("plan_cp1258.txt"), cp1258_encode(&unicode));
        for (name, encoding, expected) in [
            ("plan_unicode.txt", "utf-8", &unicode),
            ("plan_tcvn3.txt", "tcvn3", &tcvn3_text),
            ("plan_tcvn3_mojibake.txt", "tcvn3-mojibake", &tcvn3_text),
            ("plan_vni.txt", "vni", &unicode),
            ("plan_vni_mojibake.txt", "vni-mojibake", &unicode),
            ("plan_utf16le.txt", "utf-16le", &unicode),
            ("plan_cp1258.txt", "windows-1258", &unicode),
        ] {
            let d = decode(&read(name));
            assert_eq!(d.encoding, encoding, "{name}");
            assert_eq!(&nfc(&d.text), expected, "{name}");
            assert!(d.warnings.is_empty(), "{name}: {:?}", d.warnings);
        }
    }
}
