//! Extraction: normalised text + outline → typed extractions.
//!
//! Each submodule owns one kind of item and is a plain function over a
//! paragraph or the outline; this module only walks the paragraphs and hands
//! each extractor its context. Canonical names live in `names`, lunar
//! arithmetic in `lunar`.

pub mod criteria;
pub mod dates;
pub mod deadlines;
pub mod lunar;
pub mod names;
pub mod references;
pub mod targets;
pub mod units;
