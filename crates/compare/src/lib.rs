//! Cross-plan comparison: do commune plans agree with their district's,
//! and the district's with its province's?
//!
//! [`compare`] takes records (with their text, for quoting) and returns one
//! [`Comparison`]: the documents, each reference resolved against the set
//! ([`links`]), the families (parent plan → the plans that implement it,
//! down three levels), the findings (what disagrees, with the quoted items
//! of both sides), a criteria matrix and a deadline timeline. [`report`]
//! renders it as one self-contained HTML file, [`table`] as CSV and text.
//!
//! This crate reads the record and its text only (`vnplan-record`), never
//! extractors or lexicons: what it knows of Vietnamese is the grammar of
//! body names ([`body`]) and of passages ([`words`]), as data tables.
//!
//! ```
//! use vnplan_compare::compare;
//! let none = compare(&[]);
//! assert!(none.findings.is_empty());
//! assert_eq!(none.summary.documents, 0);
//! ```

pub mod body;
mod families;
mod findings;
mod links;
mod matrix;
pub mod model;
pub mod report;
pub mod table;
mod view;
pub mod words;

pub use model::*;

use std::collections::BTreeMap;
use vnplan_record::Record;

/// Compares a set of records. The result depends on the set, not on the
/// order the records come in: they are taken in order of source path.
pub fn compare(records: &[Record]) -> Comparison {
    let mut sorted: Vec<&Record> = records.iter().collect();
    sorted.sort_by(|a, b| a.source.path.cmp(&b.source.path));
    sorted.dedup_by(|a, b| a.source.path == b.source.path);
    let docs: Vec<view::Doc<'_>> = sorted.into_iter().map(view::Doc::new).collect();
    let resolutions = links::resolve(&docs);
    let tree = families::build(&docs, &resolutions);
    let found = findings::find(&docs, &resolutions, &tree);
    let criteria_matrix = matrix::criteria_matrix(&docs, &tree);
    let deadline_timeline = matrix::timeline(&docs, &found.matches);
    let links: Vec<Link> = resolutions
        .iter()
        .map(|r| links::link_of(&docs, r))
        .collect();
    let documents = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let doc = &d.record.document;
            DocumentEntry {
                source: d.source.to_string(),
                record_id: d.record.id.clone(),
                kind: doc.kind.clone(),
                number: doc.number.clone(),
                date: doc.date.clone(),
                issuer: doc.issuer.clone(),
                level: d.level,
                place: d.body.place_name.clone(),
                title: doc.title.clone(),
                period: d.period,
                parent: tree.parent[i].map(|(p, _)| docs[p].source.to_string()),
                family: tree.family_of[i],
            }
        })
        .collect();
    let mut link_counts: BTreeMap<String, usize> = BTreeMap::new();
    for l in &links {
        *link_counts
            .entry(status_name(l.status).to_string())
            .or_default() += 1;
    }
    let mut by_kind: BTreeMap<String, usize> = FindingKind::ALL
        .iter()
        .map(|k| (k.as_str().to_string(), 0))
        .collect();
    let mut by_severity: BTreeMap<String, usize> = BTreeMap::new();
    for f in &found.findings {
        *by_kind.entry(f.kind.as_str().to_string()).or_default() += 1;
        *by_severity
            .entry(f.severity.as_str().to_string())
            .or_default() += 1;
    }
    let summary = Summary {
        documents: docs.len(),
        unread: 0,
        families: tree.families.len(),
        links: link_counts,
        findings: found.findings.len(),
        findings_by_kind: by_kind,
        findings_by_severity: by_severity,
    };
    Comparison {
        schema: COMPARE_SCHEMA.to_string(),
        documents,
        links,
        families: tree.families,
        findings: found.findings,
        criteria_matrix,
        deadline_timeline,
        unread: Vec::new(),
        summary,
    }
}

impl Comparison {
    /// Lists the inputs that gave no record, in order of source path.
    pub fn with_unread(mut self, mut unread: Vec<Unread>) -> Comparison {
        unread.sort_by(|a, b| a.source.cmp(&b.source));
        self.summary.unread = unread.len();
        self.unread = unread;
        self
    }
}

pub(crate) fn status_name(s: LinkStatus) -> &'static str {
    match s {
        LinkStatus::Resolved => "resolved",
        LinkStatus::Mismatch => "mismatch",
        LinkStatus::Unresolved => "unresolved",
        LinkStatus::External => "external",
    }
}
