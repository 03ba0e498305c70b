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
//!
//! The date values are a contract that scripts compare as strings (the
//! README's table lists every form):
//!
//! ```
//! use vnplan_engine::extract::dates::{extract_paragraph, DateContext};
//!
//! let p = "Hoàn thành trước ngày 20/02/2024; báo cáo Quý IV/2024, định kỳ ngày 16 hàng tháng; \
//!          Lễ hội nhằm ngày 11 tháng Giêng năm Giáp Thìn.";
//! let ctx = DateContext { year: Some(2024), ..Default::default() };
//! let values: Vec<(String, String)> = extract_paragraph(p, 0, &ctx)
//!     .into_iter()
//!     .map(|d| (d.kind.to_string(), d.value))
//!     .collect();
//! assert_eq!(
//!     values,
//!     [
//!         ("date".to_string(), "2024-02-20".to_string()),
//!         ("quarter".to_string(), "2024-Q4".to_string()),
//!         ("recurring".to_string(), "monthly:day=16".to_string()),
//!         ("lunar".to_string(), "lunar:2024-01-11".to_string()),
//!     ]
//! );
//! ```

pub mod assemble;
pub mod batch;
pub mod error;
pub mod extract;
pub mod ingest;
pub mod lexicon;
pub mod normalize;
pub mod pipeline;
pub mod segment;
pub mod shard;
pub mod textpos;
mod workers;

/// The output contract, re-exported: the engine fills these types.
pub use vnplan_record as record;

pub use error::DocError;
pub use pipeline::{process_bytes, Options};
pub use record::{Output, Record};
