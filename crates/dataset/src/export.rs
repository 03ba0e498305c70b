//! Exports of the dataset's tables for analysts: JSON Lines, CSV and
//! Parquet (DuckDB, Spark and pandas read the same data). Column types
//! follow the declared SQL types: INTEGER → INT64, REAL → DOUBLE, TEXT and
//! DATE → UTF-8 strings (ISO dates stay comparable as text); every column
//! is nullable.

use crate::{Dataset, DatasetError};
use parquet::basic::{Compression, LogicalType, Repetition, Type as PhysicalType};
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use rusqlite::types::ValueRef;
use std::io::Write;
use std::sync::Arc;

/// The tables a user exports (every table of the dataset but the FTS index).
pub const TABLES: &[&str] = &[
    "documents",
    "sections",
    "dates",
    "deadlines",
    "deadline_units",
    "units",
    "assignments",
    "criteria",
    "criteria_counts",
    "references",
    "targets",
    "warnings",
    "errors",
    "meta",
];

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Jsonl,
    Csv,
    Parquet,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Csv => "csv",
            ExportFormat::Parquet => "parquet",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum ColumnType {
    Integer,
    Real,
    Text,
}

/// Write table `table` in `format` to `out`; returns the number of rows.
pub fn export_table(
    ds: &Dataset,
    table: &str,
    format: ExportFormat,
    out: &mut dyn Write,
) -> Result<usize, DatasetError> {
    if !TABLES.contains(&table) {
        return Err(DatasetError::UnknownTable(table.to_string()));
    }
    let columns = columns_of(ds, table)?;
    let conn = ds.connection();
    let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\""))?;
    let mut rows = stmt.query([])?;
    let io = |e: std::io::Error| DatasetError::Io(e);
    let mut n = 0;
    match format {
        ExportFormat::Jsonl => {
            while let Some(row) = rows.next()? {
                let mut obj = serde_json::Map::new();
                for (i, (name, _)) in columns.iter().enumerate() {
                    obj.insert(name.clone(), json_of(row.get_ref(i)?));
                }
                serde_json::to_writer(&mut *out, &obj)
                    .map_err(std::io::Error::other)
                    .map_err(io)?;
                out.write_all(b"\n").map_err(io)?;
                n += 1;
            }
        }
        ExportFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record(columns.iter().map(|(c, _)| c.as_str()))
                .map_err(|e| io(e.into()))?;
            while let Some(row) = rows.next()? {
                let mut record = Vec::with_capacity(columns.len());
                for i in 0..columns.len() {
                    record.push(text_of(row.get_ref(i)?));
                }
                w.write_record(&record).map_err(|e| io(e.into()))?;
                n += 1;
            }
            w.flush().map_err(io)?;
        }
        ExportFormat::Parquet => {
            let mut values: Vec<Vec<rusqlite::types::Value>> = Vec::new();
            while let Some(row) = rows.next()? {
                let mut v = Vec::with_capacity(columns.len());
                for i in 0..columns.len() {
                    v.push(row.get_ref(i)?.into());
                }
                values.push(v);
            }
            n = values.len();
            write_parquet(&columns, &values, out)?;
        }
    }
    Ok(n)
}

/// Column names and types of a table, from its declared types.
fn columns_of(ds: &Dataset, table: &str) -> Result<Vec<(String, ColumnType)>, DatasetError> {
    let conn = ds.connection();
    let mut stmt = conn.prepare(&format!("PRAGMA table_info(\"{table}\")"))?;
    let cols = stmt.query_map([], |r| {
        let name: String = r.get(1)?;
        let ty: String = r.get(2)?;
        let ty = match ty.to_ascii_uppercase().as_str() {
            "INTEGER" => ColumnType::Integer,
            "REAL" => ColumnType::Real,
            _ => ColumnType::Text,
        };
        Ok((name, ty))
    })?;
    Ok(cols.collect::<Result<_, _>>()?)
}

fn json_of(v: ValueRef<'_>) -> serde_json::Value {
    match v {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Integer(i) => i.into(),
        ValueRef::Real(f) => serde_json::Number::from_f64(f)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
        ValueRef::Text(t) | ValueRef::Blob(t) => String::from_utf8_lossy(t).into_owned().into(),
    }
}

fn text_of(v: ValueRef<'_>) -> String {
    match v {
        ValueRef::Null => String::new(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => f.to_string(),
        ValueRef::Text(t) | ValueRef::Blob(t) => String::from_utf8_lossy(t).into_owned(),
    }
}

/// One row group with one column chunk per column, Snappy-compressed,
/// through the parquet crate's column writers (no Arrow: it would double
/// the build for what is a plain tabular write).
fn write_parquet(
    columns: &[(String, ColumnType)],
    rows: &[Vec<rusqlite::types::Value>],
    out: &mut dyn Write,
) -> Result<(), DatasetError> {
    use rusqlite::types::Value;
    let pq = |e: parquet::errors::ParquetError| DatasetError::Io(std::io::Error::other(e));
    let fields = columns
        .iter()
        .map(|(name, ty)| {
            let builder = match ty {
                ColumnType::Integer => Type::primitive_type_builder(name, PhysicalType::INT64),
                ColumnType::Real => Type::primitive_type_builder(name, PhysicalType::DOUBLE),
                ColumnType::Text => Type::primitive_type_builder(name, PhysicalType::BYTE_ARRAY)
                    .with_logical_type(Some(LogicalType::String)),
            };
            builder
                .with_repetition(Repetition::OPTIONAL)
                .build()
                .map(Arc::new)
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(pq)?;
    let schema = Type::group_type_builder("schema")
        .with_fields(fields)
        .build()
        .map_err(pq)?;
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    // The writer wants an owned sink; write into memory, then out.
    let mut buf: Vec<u8> = Vec::new();
    {
        let mut writer =
            SerializedFileWriter::new(&mut buf, Arc::new(schema), Arc::new(props)).map_err(pq)?;
        let mut group = writer.next_row_group().map_err(pq)?;
        let mut index = 0;
        while let Some(mut col) = group.next_column().map_err(pq)? {
            match columns[index].1 {
                ColumnType::Integer => {
                    let vals: Vec<i64> = rows
                        .iter()
                        .filter_map(|r| match &r[index] {
                            Value::Integer(i) => Some(*i),
                            Value::Real(f) => Some(*f as i64),
                            _ => None,
                        })
                        .collect();
                    // A non-integer value in an INTEGER column is written as null.
                    let defs = defs_for(rows, index, |v| {
                        matches!(v, Value::Integer(_) | Value::Real(_))
                    });
                    col.typed::<Int64Type>()
                        .write_batch(&vals, Some(&defs), None)
                        .map_err(pq)?;
                }
                ColumnType::Real => {
                    let vals: Vec<f64> = rows
                        .iter()
                        .filter_map(|r| match &r[index] {
                            Value::Real(f) => Some(*f),
                            Value::Integer(i) => Some(*i as f64),
                            _ => None,
                        })
                        .collect();
                    let defs = defs_for(rows, index, |v| {
                        matches!(v, Value::Integer(_) | Value::Real(_))
                    });
                    col.typed::<DoubleType>()
                        .write_batch(&vals, Some(&defs), None)
                        .map_err(pq)?;
                }
                ColumnType::Text => {
                    let defs = defs_for(rows, index, |v| !matches!(v, Value::Null));
                    let vals: Vec<ByteArray> = rows
                        .iter()
                        .filter(|r| !matches!(r[index], Value::Null))
                        .map(|r| ByteArray::from(text_of((&r[index]).into()).into_bytes()))
                        .collect();
                    col.typed::<ByteArrayType>()
                        .write_batch(&vals, Some(&defs), None)
                        .map_err(pq)?;
                }
            }
            col.close().map_err(pq)?;
            index += 1;
        }
        group.close().map_err(pq)?;
        writer.close().map_err(pq)?;
    }
    out.write_all(&buf)?;
    Ok(())
}

fn defs_for(
    rows: &[Vec<rusqlite::types::Value>],
    index: usize,
    present: impl Fn(&rusqlite::types::Value) -> bool,
) -> Vec<i16> {
    rows.iter().map(|r| i16::from(present(&r[index]))).collect()
}
