//! The vnplan engine: archived Vietnamese administrative documents (plans,
//! decisions, letters…) → typed [`Record`]s.
//!
//! Data flows one way; each arrow is a plain function over typed values:
//!
//! ```text
//! bytes ──ingest──▶ RawText ──normalize──▶ Normalized ──segment──▶ Outline
//!       ──extract──▶ Extractions ──assemble──▶ Record (+ its DocumentText)
//!       ──batch──▶ Sink (JSON Lines, dataset, …)
//! ```
//!
//! [`process_bytes`] runs the whole chain for one document; [`batch`] runs
//! many in parallel and hands the outputs, in input order, to a sink. The
//! record types are the `vnplan-record` crate, re-exported as [`record`].

pub mod assemble;
pub mod batch;
pub mod error;
pub mod extract;
pub mod ingest;
pub mod lexicon;
pub mod normalize;
pub mod pipeline;
pub mod segment;
pub mod textpos;

/// The output contract, re-exported: the engine fills these types.
pub use vnplan_record as record;

pub use error::DocError;
pub use pipeline::{process_bytes, Options};
pub use record::{Output, Record};
