//! The comparison's output: one [`Comparison`] with the documents, the
//! links between them, the families, the findings, the criteria matrix and
//! the deadline timeline. These types are the contract scripts read (JSON,
//! CSV) and the report draws; they hold copies of record values and never
//! borrow from the records.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use vnplan_record::vocab::Level;

/// The schema of the comparison's JSON.
pub const COMPARE_SCHEMA: &str = "vnplan.compare/1";

/// The JSON Schema of [`Comparison`] (`vnplan schema --compare`).
///
/// ```
/// let schema = vnplan_compare::json_schema();
/// assert!(schema["properties"]["findings"].is_object());
/// ```
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Comparison)).expect("schema serialises")
}

/// Everything `vnplan compare` finds in one set of documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Comparison {
    pub schema: String,
    pub documents: Vec<DocumentEntry>,
    pub links: Vec<Link>,
    pub families: Vec<Family>,
    pub findings: Vec<Finding>,
    pub criteria_matrix: CriteriaMatrix,
    pub deadline_timeline: Vec<TimelineEntry>,
    /// Inputs that gave no record (error records): the set compared is
    /// missing them, and the reader should know.
    #[serde(default)]
    pub unread: Vec<Unread>,
    pub summary: Summary,
}

/// An input that could not be read, from its error record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Unread {
    pub source: String,
    /// The error kind (`image_only`, `malformed`, …).
    pub kind: String,
    pub message: String,
}

/// One compared document, as the comparison sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentEntry {
    /// The record's source path: how every other part names the document.
    pub source: String,
    pub record_id: String,
    pub kind: Option<String>,
    pub number: Option<String>,
    pub date: Option<String>,
    pub issuer: Option<String>,
    pub level: Option<Level>,
    /// The issuer's place (commune, district or province name).
    pub place: Option<String>,
    pub title: Option<String>,
    /// First and last year the plan covers, from the dates of its title.
    pub period: Option<[i32; 2]>,
    /// The document it implements (its family parent), if any.
    pub parent: Option<String>,
    /// Index into `families`, if the document is in one.
    pub family: Option<usize>,
}

/// How a reference of one document resolved against the set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LinkStatus {
    /// Number, date and issuer agree with one document of the set.
    Resolved,
    /// The number names a document of the set but its date or issuer disagrees.
    Mismatch,
    /// The cited issuer has documents in the set, but none matches.
    Unresolved,
    /// The cited body has no document in the set: information only.
    External,
}

/// One reference and what it resolved to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Link {
    pub from: String,
    /// The cited document when the status is `resolved` or `mismatch`.
    pub to: Option<String>,
    pub status: LinkStatus,
    /// The reference item's id in the citing record.
    pub reference: String,
    /// The citation as written.
    pub text: String,
    pub line: usize,
}

/// How a member was placed under its parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// The top of the family.
    Root,
    /// The member cites its parent.
    Reference,
    /// The parent assigns work to the member's issuer.
    Assignment,
    /// No reference: the parent is the plan of the next level up at the
    /// member's place, on the same topic and period.
    Place,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Member {
    pub source: String,
    pub parent: Option<String>,
    pub level: Option<Level>,
    pub via: Via,
    /// 0 for the root.
    pub depth: usize,
}

/// A parent plan and the plans that implement it, down every level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Family {
    pub id: usize,
    pub root: String,
    /// Members in tree order (each parent before its children).
    pub members: Vec<Member>,
}

/// What a finding is about. The names are a contract scripts match on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    DeadlineAfterParent,
    EventDateMismatch,
    CriteriaStatusConflict,
    MissingAssignment,
    ReferenceMismatch,
    UnresolvedReference,
    MissingSection,
    PeriodMismatch,
}

impl FindingKind {
    pub const ALL: &'static [FindingKind] = &[
        FindingKind::DeadlineAfterParent,
        FindingKind::EventDateMismatch,
        FindingKind::CriteriaStatusConflict,
        FindingKind::MissingAssignment,
        FindingKind::ReferenceMismatch,
        FindingKind::UnresolvedReference,
        FindingKind::MissingSection,
        FindingKind::PeriodMismatch,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            FindingKind::DeadlineAfterParent => "deadline_after_parent",
            FindingKind::EventDateMismatch => "event_date_mismatch",
            FindingKind::CriteriaStatusConflict => "criteria_status_conflict",
            FindingKind::MissingAssignment => "missing_assignment",
            FindingKind::ReferenceMismatch => "reference_mismatch",
            FindingKind::UnresolvedReference => "unresolved_reference",
            FindingKind::MissingSection => "missing_section",
            FindingKind::PeriodMismatch => "period_mismatch",
        }
    }

    /// Vietnamese label, then English.
    pub const fn labels(self) -> (&'static str, &'static str) {
        match self {
            FindingKind::DeadlineAfterParent => {
                ("Thời hạn muộn hơn cấp trên", "Deadline after parent's")
            }
            FindingKind::EventDateMismatch => ("Ngày sự kiện không khớp", "Event date mismatch"),
            FindingKind::CriteriaStatusConflict => {
                ("Tiêu chí không thống nhất", "Criteria status conflict")
            }
            FindingKind::MissingAssignment => ("Thiếu nhiệm vụ được giao", "Missing assignment"),
            FindingKind::ReferenceMismatch => ("Trích dẫn sai", "Reference mismatch"),
            FindingKind::UnresolvedReference => {
                ("Không tìm thấy văn bản được dẫn", "Unresolved reference")
            }
            FindingKind::MissingSection => ("Thiếu mục bắt buộc", "Missing section"),
            FindingKind::PeriodMismatch => {
                ("Thời kỳ ngoài thời kỳ cấp trên", "Period outside parent's")
            }
        }
    }

    pub const fn severity(self) -> Severity {
        match self {
            FindingKind::DeadlineAfterParent
            | FindingKind::EventDateMismatch
            | FindingKind::CriteriaStatusConflict => Severity::High,
            FindingKind::MissingAssignment
            | FindingKind::ReferenceMismatch
            | FindingKind::PeriodMismatch
            | FindingKind::MissingSection => Severity::Medium,
            FindingKind::UnresolvedReference => Severity::Low,
        }
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    High,
    Medium,
    Low,
}

impl Severity {
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
        }
    }
}

/// One line saying what disagrees, in Vietnamese and in English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Detail {
    pub vi: String,
    pub en: String,
}

/// One item of one document that a finding rests on, quoted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Evidence {
    pub source: String,
    /// The item's id in its record (`ddl-…`, `date-…`, `crit-…`), if any.
    pub item: Option<String>,
    /// The item's text as written.
    pub text: String,
    /// The value that differs (a date, a count, a status), normalised.
    pub value: Option<String>,
    /// The paragraph that holds the item.
    pub quote: String,
    pub span: [usize; 2],
    pub line: usize,
    pub page: Option<usize>,
    pub section: Option<String>,
}

/// One disagreement, with the quoted text of both sides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    pub id: String,
    pub kind: FindingKind,
    pub severity: Severity,
    /// The document the finding is about (the lower level).
    pub child: String,
    /// The document it disagrees with; null for a finding about one document.
    pub parent: Option<String>,
    /// The commune (or other place) the finding concerns, when it has one.
    pub subject: Option<String>,
    pub child_items: Vec<Evidence>,
    pub parent_items: Vec<Evidence>,
    pub detail: Detail,
}

/// One source's word on one commune and criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StatusEntry {
    pub source: String,
    /// `dat`, `chua_dat`, `phan_dau_dat`… as in the record.
    pub status: String,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MatrixCell {
    pub criterion: u32,
    pub entries: Vec<StatusEntry>,
    /// Sources disagree (met here, unmet there).
    pub conflict: bool,
}

/// One source's count of criteria met by one commune.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CountEntry {
    pub source: String,
    pub achieved: f64,
    pub total: Option<u32>,
    pub status: Option<String>,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MatrixRow {
    /// As written, e.g. `xã Mỹ An`.
    pub commune: String,
    pub district: Option<String>,
    pub counts: Vec<CountEntry>,
    /// One cell per criterion in `criteria` that any source speaks of.
    pub cells: Vec<MatrixCell>,
}

/// Communes × the national criteria, status per source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CriteriaMatrix {
    /// The criterion numbers of the columns (1–19).
    pub criteria: Vec<u32>,
    pub rows: Vec<MatrixRow>,
}

/// The matching deadline on the other side (parent for a child's entry).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Counterpart {
    pub source: String,
    pub item: String,
    pub due: String,
    pub later: bool,
}

/// One deadline of one document for one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TimelineEntry {
    pub due: String,
    /// The last day the deadline allows (ISO date), when it has one.
    pub last_day: Option<String>,
    pub unit: Option<String>,
    pub task: String,
    pub source: String,
    pub level: Option<Level>,
    pub item: String,
    pub line: usize,
    /// The parent's deadline this one was matched to.
    pub parent: Option<Counterpart>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Summary {
    pub documents: usize,
    /// Inputs without a record (see `unread`).
    #[serde(default)]
    pub unread: usize,
    pub families: usize,
    pub links: BTreeMap<String, usize>,
    pub findings: usize,
    pub findings_by_kind: BTreeMap<String, usize>,
    pub findings_by_severity: BTreeMap<String, usize>,
}
