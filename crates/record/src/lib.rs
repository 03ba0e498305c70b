//! The output contract: one `Record` per input document, serialised as JSON.
//!
//! Owns the types that users and scripts rely on (field names, value formats,
//! the schema version) and their JSON Schema (via `schemars`). It does not
//! compute anything: extraction stages fill these types, sinks serialise them.
//! Never build record JSON by hand elsewhere.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Version tag carried by every record; bump on any incompatible change.
pub const SCHEMA_VERSION: &str = "vnplan.record/1";

/// Where an extracted item sits. `span` is `[start, end)` in Unicode scalar
/// values of the normalised text; `line` is the 1-based line of the source
/// text; `page` is 1-based (PDF only); `source_span` is `[start, end)` in
/// scalar values of the raw source text, when the offset map can give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Provenance {
    pub span: [usize; 2],
    pub line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_span: Option<[usize; 2]>,
}

/// Facts about the input file itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// The path as given (or `-` for standard input).
    pub path: String,
    /// `pdf`, `text`, `markdown` or `docx`.
    pub format: String,
    /// Lower-case hex SHA-256 of the input bytes.
    pub sha256: String,
    pub bytes: u64,
    /// Number of pages (PDF only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<usize>,
    /// Detected text encoding (`utf-8`, `utf-16le`, `tcvn3`, …); absent for PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Text extraction backend (`pdf-extract`, `pdftotext`, `text`, `docx`).
    pub backend: String,
    /// PDF text-layer quality, 0 (garbage) .. 1 (clean), as measured by the
    /// gate that decides whether to try a second extractor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_quality: Option<f64>,
}

/// The signature block (Decree 30/2020, box 7).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Signer {
    pub name: Option<String>,
    /// The signer's own title, e.g. `Phó Chủ tịch`.
    pub position: Option<String>,
    /// Every title under the authority line, in order (a signer may hold two).
    pub positions: Vec<String>,
    /// The operative signing prefix: `TM.`, `KT.`, `TL.`, `TUQ.`, `Q.`
    /// (Party forms `T/M`, `K/T`, `T/L` are reported in the same dotted form).
    pub authority: Option<String>,
    /// The collective named after `TM.` (e.g. `Ủy ban nhân dân`).
    pub on_behalf_of: Option<String>,
    /// The head named after `KT.` (e.g. `Chủ tịch`), when a deputy signs.
    pub signs_for: Option<String>,
    #[serde(flatten)]
    pub at: Option<Provenance>,
}

/// Identity of the document itself (header, title, signature, recipients).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// Type abbreviation: `KH`, `QĐ`, `CT`, `BC`, …
    pub kind: Option<String>,
    /// Type name: `Kế hoạch`, …
    pub kind_name: Option<String>,
    /// Number and symbol as written (`241/KH-UBND`), or null when blank.
    pub number: Option<String>,
    /// The symbol part (`KH-UBND`), present even when the number is blank.
    pub symbol: Option<String>,
    /// Canonical issuer name, e.g. `Ủy ban nhân dân huyện Hớn Quản`.
    pub issuer: Option<String>,
    /// `tinh`, `huyen`, `xa`, `thon` or `trung_uong`.
    pub issuer_level: Option<String>,
    /// Where the issuer was read: `header`, `closing`, `intro` or `signature`.
    pub issuer_source: Option<String>,
    /// Place name of the header's place-and-date line.
    pub place: Option<String>,
    /// `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when the day (and month) are blank.
    pub date: Option<String>,
    /// The trích yếu, one line.
    pub title: Option<String>,
    pub signer: Option<Signer>,
    pub recipients: Vec<String>,
}

/// A document cited by this one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Reference {
    pub id: String,
    /// Type abbreviation (`KH`, `QĐ`, `CT`, `NQ`, `CTr`, `CV`, …).
    pub kind: String,
    /// Number as written, without spaces (`241/KH-UBND`, `34-NQ/ĐU`); null
    /// for a cited document that has no number.
    pub number: Option<String>,
    /// ISO date of the cited document, when given.
    pub date: Option<String>,
    /// Canonical issuer, when given.
    pub issuer: Option<String>,
    /// `basis` when cited in the legal bases (Căn cứ / Thực hiện), else `body`.
    pub role: String,
    /// The citation as written (normalised text).
    pub text: String,
    /// How many times the same document is cited.
    pub mentions: usize,
    #[serde(flatten)]
    pub at: Provenance,
}

/// A node of the numbered outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    pub id: String,
    /// Dotted path from the root, e.g. `II.3.1`; annex items are `PL1.2`.
    pub path: String,
    pub level: usize,
    /// The marker as written: `II.`, `3.1.`, `a)`.
    pub marker: String,
    /// Heading text: after the marker, up to the first colon or sentence end.
    pub heading: String,
    /// Canonical kind (`muc_dich`, `to_chuc_thuc_hien`, …, `other`).
    pub kind: String,
    #[serde(flatten)]
    pub at: Provenance,
}

/// A date, time, period or recurrence written in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DateItem {
    pub id: String,
    pub text: String,
    /// `date`, `month`, `year`, `quarter`, `range`, `time`, `recurring`, `lunar`.
    pub kind: String,
    /// Normalised value (see README: `2024-02-20`, `2025-12`, `2024-Q1`, …).
    pub value: String,
    /// Solar equivalent of a lunar date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub solar: Option<String>,
    /// `issued`, `reference`, `event`, `deadline`, `period`, `other`.
    pub role: String,
    /// Path of the enclosing section, if any.
    pub section: Option<String>,
    #[serde(flatten)]
    pub at: Provenance,
}

/// A due date bound to a task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Deadline {
    pub id: String,
    pub due: String,
    /// `before`, `by`, `on`, `within`, `recurring`.
    pub relation: String,
    pub task: String,
    pub units: Vec<String>,
    pub text: String,
    pub section: Option<String>,
    #[serde(flatten)]
    pub at: Provenance,
}

/// A responsible unit named in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Unit {
    pub id: String,
    /// The name as written.
    pub text: String,
    /// Abbreviations expanded, spelling unified, place completed.
    pub canonical: String,
    pub section: Option<String>,
    #[serde(flatten)]
    pub at: Provenance,
}

/// A unit with its role and tasks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Assignment {
    pub id: String,
    pub unit: String,
    /// `chu_tri`, `phoi_hop`, `thuc_hien`, `de_nghi`.
    pub role: String,
    pub tasks: Vec<Task>,
    pub section: Option<String>,
    #[serde(flatten)]
    pub at: Provenance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Task {
    pub text: String,
    pub due: Option<String>,
}

/// An NTM criterion or indicator mentioned in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Criterion {
    pub id: String,
    pub number: Option<u32>,
    pub indicator: Option<String>,
    pub name: Option<String>,
    pub status: Option<String>,
    pub subject: Option<String>,
    pub text: String,
    pub section: Option<String>,
    #[serde(flatten)]
    pub at: Provenance,
}

/// A count of criteria such as `17/19 tiêu chí`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CriteriaCount {
    pub id: String,
    pub achieved: f64,
    pub total: Option<u32>,
    pub subject: Option<String>,
    pub text: String,
    pub section: Option<String>,
    #[serde(flatten)]
    pub at: Provenance,
}

/// A numeric target such as `23,5km đường bê tông xi măng`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Target {
    pub id: String,
    /// The quantity (the upper bound of a range `01 - 03`).
    pub quantity: f64,
    /// The lower bound of a range (`01 - 03 sản phẩm` → 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    pub unit: String,
    pub object: Option<String>,
    /// `toi_thieu`, `khoang`, `tren`, `duoi`, `toi_da`, `tu_den`, `tu_tro_len`.
    pub comparator: Option<String>,
    pub text: String,
    pub section: Option<String>,
    #[serde(flatten)]
    pub at: Provenance,
}

/// Something a user should look at: an inconsistency, a guess, a doubt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Warning {
    pub code: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
}

/// Counts a user can eyeball to judge a record at a glance.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Stats {
    pub chars: usize,
    pub lines: usize,
    pub paragraphs: usize,
}

/// One processed document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Record {
    pub schema: String,
    pub id: String,
    pub source: Source,
    pub document: Document,
    pub references: Vec<Reference>,
    pub sections: Vec<Section>,
    pub dates: Vec<DateItem>,
    pub deadlines: Vec<Deadline>,
    pub units: Vec<Unit>,
    pub assignments: Vec<Assignment>,
    pub criteria: Vec<Criterion>,
    pub criteria_counts: Vec<CriteriaCount>,
    pub targets: Vec<Target>,
    pub warnings: Vec<Warning>,
    pub stats: Stats,
}

/// The record for an input that could not be processed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorRecord {
    pub schema: String,
    pub source: ErrorSource,
    pub error: ErrorInfo,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorSource {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorInfo {
    /// Machine-readable kind: `io`, `empty`, `unsupported_format`,
    /// `encrypted`, `image_only`, `malformed`, `timeout`, `too_large`,
    /// `unsupported_font`, `encoding`, `internal`.
    pub kind: String,
    pub message: String,
}

/// One line of output: a record or an error record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Output {
    Record(Box<Record>),
    Error(ErrorRecord),
}

/// The JSON Schema of one output line, as a JSON value.
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Output)).expect("schema serialises")
}
