//! Lexicons: the domain's vocabulary as data tables — document types,
//! section kinds, abbreviations, administrative levels, NTM criteria.
//!
//! A domain expert can correct an entry here without reading regex code.
//! Matching logic lives with the stages that use these tables.

pub mod abbreviations;
pub mod criteria;
pub mod doc_types;
pub mod quantities;
pub mod sections;
pub mod units;
