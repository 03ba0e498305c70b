//! The output contract of vnplan: one [`Record`] per input document (or an
//! [`ErrorRecord`] saying why there is none), serialised as one JSON line.
//!
//! Owns the types that users and scripts rely on — field names, value
//! formats, the closed vocabularies ([`vocab`]), the schema version — the
//! normalised text that travels beside a record ([`DocumentText`]), and the
//! JSON Schema (via `schemars`). It computes nothing: the engine fills these
//! types, sinks serialise them, and whatever consumes records (the dataset,
//! the comparison, the report) depends on this crate alone.
//!
//! Every extracted item is an [`Item`]: an envelope with the fields all items
//! share (id, section, provenance) around the item's own data, flattened in
//! JSON so that each item is one flat object:
//!
//! ```
//! use vnplan_record::{Item, Provenance, DateItem, vocab::{DateKind, DateRole}};
//!
//! let item = Item {
//!     id: "date-0123456789ab".into(),
//!     data: DateItem {
//!         text: "ngày 20/02/2024".into(),
//!         kind: DateKind::Date,
//!         value: "2024-02-20".into(),
//!         solar: None,
//!         role: DateRole::Deadline,
//!     },
//!     section: Some("II.1".into()),
//!     at: Provenance { span: [10, 25], line: 3, page: None, source_span: Some([12, 27]) },
//! };
//! assert_eq!(item.value, "2024-02-20"); // the envelope derefs to its data
//! let json = serde_json::to_string(&item).unwrap();
//! assert_eq!(
//!     json,
//!     r#"{"id":"date-0123456789ab","text":"ngày 20/02/2024","kind":"date","value":"2024-02-20","role":"deadline","section":"II.1","span":[10,25],"line":3,"source_span":[12,27]}"#
//! );
//! let back: Item<DateItem> = serde_json::from_str(&json).unwrap();
//! assert_eq!(back, item);
//! ```

pub mod fold;
pub mod sink;
pub mod text;
pub mod vocab;

pub use text::{DocumentText, Paragraph, TextBlock};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use vocab::*;

/// Version tag carried by every record; bumped when a field changes meaning.
pub const SCHEMA_VERSION: &str = "vnplan.record/1";

/// Where an extracted item sits. `span` is `[start, end)` in Unicode scalar
/// values of the normalised text; `line` is the 1-based line of the source
/// text; `page` is 1-based (PDF only); `source_span` is `[start, end)` in
/// scalar values of the raw source text, when the offset map can give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Provenance {
    pub span: [usize; 2],
    pub line: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_span: Option<[usize; 2]>,
}

/// The envelope of every extracted item: what all items share (a stable id,
/// the enclosing section, provenance) around the item's own `data`. In JSON
/// the three parts are one flat object; in Rust the envelope derefs to its
/// data, so `record.dates[0].value` reads the date's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Item<T> {
    /// Stable id: the item kind's prefix and a hash of the document and span.
    pub id: String,
    #[serde(flatten)]
    pub data: T,
    /// Path of the innermost enclosing section (`II.3`), if any; for a
    /// section, its parent's path.
    #[serde(default)]
    pub section: Option<String>,
    #[serde(flatten)]
    pub at: Provenance,
}

impl<T> std::ops::Deref for Item<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.data
    }
}

impl<T> std::ops::DerefMut for Item<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.data
    }
}

/// The data of one kind of item: names the prefix of its ids.
pub trait ItemData {
    /// Id prefix, e.g. `date` for `date-3f9c0a1b2c4d`.
    const ID_PREFIX: &'static str;
}

/// Facts about the input file itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// The path as given (or `-` for standard input).
    pub path: String,
    pub format: Format,
    /// Lower-case hex SHA-256 of the input bytes.
    pub sha256: String,
    pub bytes: u64,
    /// Number of pages (PDF only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<usize>,
    /// Detected text encoding (`utf-8`, `utf-16le`, `tcvn3`, …); absent for PDF.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Text extraction backend.
    pub backend: Backend,
    /// PDF text-layer quality, 0 (garbage) .. 1 (clean), as measured by the
    /// gate that decides whether to try a second extractor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    /// The operative signing prefix: `KT.` when a deputy signs, else the first.
    pub authority: Option<Authority>,
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
    /// Type abbreviation: `KH`, `QĐ`, `CT`, `BC`, … (the Decree's table, an
    /// open list kept in the engine's lexicon).
    pub kind: Option<String>,
    /// Type name: `Kế hoạch`, …
    pub kind_name: Option<String>,
    /// Number and symbol as written (`241/KH-UBND`), or null when blank.
    pub number: Option<String>,
    /// The symbol part (`KH-UBND`), present even when the number is blank.
    pub symbol: Option<String>,
    /// Canonical issuer name, e.g. `Ủy ban nhân dân huyện Hớn Quản`.
    pub issuer: Option<String>,
    /// The body above the issuer in the header, e.g. `Ủy ban nhân dân tỉnh
    /// Yên Bái` above `Sở Xây dựng tỉnh Yên Bái`.
    #[serde(default)]
    pub parent: Option<String>,
    pub issuer_level: Option<Level>,
    /// Where the issuer was read.
    pub issuer_source: Option<IssuerSource>,
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
    /// Type abbreviation (`KH`, `QĐ`, `CT`, `NQ`, `CTr`, `CV`, …).
    pub kind: String,
    /// Number as written, without spaces (`241/KH-UBND`, `34-NQ/ĐU`); null
    /// for a cited document that has no number.
    pub number: Option<String>,
    /// ISO date of the cited document, when given.
    pub date: Option<String>,
    /// Canonical issuer, when given.
    pub issuer: Option<String>,
    pub role: ReferenceRole,
    /// The citation as written (normalised text).
    pub text: String,
    /// How many times the same document is cited.
    pub mentions: usize,
}

/// A node of the numbered outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    /// Dotted path from the root, e.g. `II.3.1`; annex items are `PL1.2`.
    pub path: String,
    pub level: usize,
    /// The marker as written: `II.`, `3.1.`, `a)`.
    pub marker: String,
    /// Heading text: after the marker, up to the first colon or sentence end.
    pub heading: String,
    pub kind: SectionKind,
}

/// A date, time, period or recurrence written in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DateItem {
    pub text: String,
    pub kind: DateKind,
    /// Normalised value (see README: `2024-02-20`, `2025-12`, `2024-Q1`, …).
    pub value: String,
    /// Solar equivalent of a lunar date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solar: Option<String>,
    pub role: DateRole,
}

/// A due date bound to a task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Deadline {
    pub due: String,
    pub relation: Relation,
    pub task: String,
    pub units: Vec<String>,
    pub text: String,
}

/// A responsible unit named in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Unit {
    /// The name as written.
    pub text: String,
    /// Abbreviations expanded, spelling unified, place completed.
    pub canonical: String,
}

/// A unit with its role and tasks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Assignment {
    pub unit: String,
    pub role: AssignmentRole,
    pub tasks: Vec<Task>,
}

/// One task of an assignment, with its due date when it has one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Task {
    pub text: String,
    pub due: Option<String>,
}

/// An NTM criterion or indicator mentioned in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Criterion {
    /// National numbering (1–19); null in a province's own set.
    pub number: Option<u32>,
    /// Indicator (`13.2`).
    pub indicator: Option<String>,
    pub name: Option<String>,
    pub status: Option<CriterionStatus>,
    /// Whose criterion: `xã Tân Hưng`.
    pub subject: Option<String>,
    pub text: String,
}

/// A count of criteria such as `17/19 tiêu chí`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CriteriaCount {
    /// The number stated (`17` of `17/19`; `2` of `còn 02 tiêu chí chưa đạt`).
    pub achieved: f64,
    pub total: Option<u32>,
    /// What the number counts: `dat` (met: `đạt 17/19`), `chua_dat` (unmet:
    /// `còn 02 tiêu chí chưa đạt`), `phan_dau_dat` (aimed at: `phấn đấu đạt
    /// 19/19`), …; null when the text does not say.
    #[serde(default)]
    pub status: Option<CriterionStatus>,
    pub subject: Option<String>,
    pub text: String,
}

/// A numeric target such as `23,5km đường bê tông xi măng`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Target {
    /// The quantity (the upper bound of a range `01 - 03`).
    pub quantity: f64,
    /// The lower bound of a range (`01 - 03 sản phẩm` → 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    pub unit: String,
    pub object: Option<String>,
    pub comparator: Option<Comparator>,
    pub text: String,
}

/// Which prefix each kind of item's ids carry.
macro_rules! id_prefixes {
    ($($data:ty => $prefix:literal),+ $(,)?) => {
        $(impl ItemData for $data {
            const ID_PREFIX: &'static str = $prefix;
        })+
    };
}

id_prefixes! {
    Reference => "ref",
    Section => "sec",
    DateItem => "date",
    Deadline => "ddl",
    Unit => "unit",
    Assignment => "asg",
    Criterion => "crit",
    CriteriaCount => "count",
    Target => "tgt",
}

/// Something a user should look at: an inconsistency, a guess, a doubt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Warning {
    pub code: WarningCode,
    pub message: String,
    /// Where, in scalar values of the normalised text, when it is one place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    pub references: Vec<Item<Reference>>,
    pub sections: Vec<Item<Section>>,
    pub dates: Vec<Item<DateItem>>,
    pub deadlines: Vec<Item<Deadline>>,
    pub units: Vec<Item<Unit>>,
    pub assignments: Vec<Item<Assignment>>,
    pub criteria: Vec<Item<Criterion>>,
    pub criteria_counts: Vec<Item<CriteriaCount>>,
    pub targets: Vec<Item<Target>>,
    pub warnings: Vec<Warning>,
    pub stats: Stats,
    /// The normalised text all spans point into, with its paragraphs and
    /// their sections. The engine always fills it; JSON Lines carry it only
    /// when asked (`extract --with-text`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<DocumentText>,
}

/// The record for an input that could not be processed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorRecord {
    pub schema: String,
    pub source: ErrorSource,
    pub error: ErrorInfo,
}

/// What is known of an input that gave no record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorSource {
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
}

/// Why there is no record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorInfo {
    pub kind: ErrorKind,
    /// One line naming the file and the reason.
    pub message: String,
}

/// One line of output: a record or an error record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Output {
    Record(Box<Record>),
    Error(ErrorRecord),
}

impl Output {
    /// The input's path as given.
    pub fn path(&self) -> &str {
        match self {
            Output::Record(r) => &r.source.path,
            Output::Error(e) => &e.source.path,
        }
    }

    /// SHA-256 of the input bytes, when they could be read.
    pub fn sha256(&self) -> Option<&str> {
        match self {
            Output::Record(r) => Some(&r.source.sha256),
            Output::Error(e) => e.source.sha256.as_deref(),
        }
    }
}

/// The JSON Schema of one output line, as a JSON value.
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Output)).expect("schema serialises")
}
