//! vnplan turns archived Vietnamese administrative plans (Kế hoạch) into
//! clean, comparable records.
//!
//! Data flows one way; each arrow is a plain function over typed values:
//!
//! ```text
//! bytes ──ingest──▶ RawText ──normalize──▶ Normalized ──segment──▶ Outline
//!       ──extract──▶ extractions ──assemble──▶ Record
//! ```
//!
//! [`process_bytes`] runs the whole chain for one document; [`batch`] runs
//! many in parallel and streams the results in input order.

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
