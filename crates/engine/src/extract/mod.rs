//! Extraction: normalised text + outline → typed extractions.
//!
//! Each submodule owns one kind of item and is a plain function over a
//! paragraph or the outline. [`extract`] is the one place that runs them, in
//! their dependency order, which the types make visible: deadlines take the
//! dates, assignments take the deadlines, units take the assignments. It
//! does not build record items; `assemble` does that from [`Extractions`].
//! Canonical names live in `names`, lunar arithmetic in `lunar`.

pub mod criteria;
pub mod dates;
pub mod deadlines;
pub mod identity;
pub mod lunar;
pub mod names;
pub mod references;
pub mod targets;
pub mod units;

use crate::record::vocab::WarningCode;

/// Something a stage wants a user to look at, over a byte range of the
/// normalised text: the stage that finds it chooses its code.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub code: WarningCode,
    pub message: String,
    pub start: usize,
    pub end: usize,
}

use crate::segment::Outline;

/// Everything extracted from one document, before it becomes record items.
#[derive(Debug, Clone, Default)]
pub struct Extractions {
    pub identity: identity::Identity,
    pub references: Vec<references::RefHit>,
    pub dates: dates::DocumentDates,
    pub deadlines: deadlines::Deadlines,
    /// The units of each deadline, in the order of `deadlines.hits`.
    pub deadline_units: Vec<Vec<String>>,
    pub assignments: Vec<units::AssignmentHit>,
    pub units: Vec<units::UnitHit>,
    pub criteria: criteria::CriteriaOut,
    pub targets: Vec<targets::TargetHit>,
}

/// Run every extractor over a segmented document, in dependency order.
///
/// The order is in the arguments: the issuer and home places complete
/// names everywhere; deadlines bind the dates; assignments take the
/// deadlines' due dates; deadlines then take the units of the assignment
/// they sit in; units gather the assignments and the other mentions.
pub fn extract(text: &str, o: &Outline) -> Extractions {
    let identity = identity::identify(text, o);
    let references = references::of_document(text, o, &identity);
    let dates = dates::DocumentDates::of_document(text, o);
    let deadlines = deadlines::Deadlines::of_document(text, o, &dates);
    let assignments = units::assignments_of_document(text, o, &identity, &deadlines);
    let deadline_units = deadlines.units(o, &assignments);
    let units = units::units_of_document(text, o, &identity, &assignments);
    let criteria = criteria::of_document(text, o, &identity);
    let targets = targets::of_document(text, o);
    Extractions {
        identity,
        references,
        dates,
        deadlines,
        deadline_units,
        assignments,
        units,
        criteria,
        targets,
    }
}
