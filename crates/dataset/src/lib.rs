//! A searchable dataset of vnplan records in one SQLite file that any SQLite
//! tool opens (`sqlite3`, Python, Datasette, DuckDB, pandas).
//!
//! Owns the schema ([`schema`]), writing records into it ([`Writer`], a
//! `vnplan_record::sink::Sink`), Vietnamese-aware full-text search ([`search`]) and exports
//! ([`export`]). It depends on the record alone: it never runs an extractor.
//!
//! Guarantees: WAL and one transaction per chunk of documents, so a killed
//! run leaves a database that opens and passes both integrity checks, and a
//! second run resumes it to the same content; a second writer waits (busy
//! timeout); a file that is not a database, or a database of another tool,
//! or one with a newer schema, is refused before anything is written.

pub mod export;
pub use vnplan_record::fold;
pub mod schema;
pub mod search;
mod write;

/// The SQLite binding, for queries of your own over [`Dataset::connection`].
pub use rusqlite;
pub use write::Writer;

use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use vnplan_record::Record;

/// Why the dataset could not be used.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    #[error("{path}: not a SQLite database")]
    NotADatabase { path: String },
    #[error("{path}: a database of another tool (no vnplan tables); choose another file")]
    OtherTool { path: String },
    #[error(
        "{path}: dataset schema {found} is newer than this vnplan knows ({known}); upgrade vnplan"
    )]
    NewerSchema {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("{path}: written by an older vnplan (dataset schema {found}); run `vnplan index` over the same files with `--db {path}` once to upgrade it")]
    OlderSchema { path: String, found: i64 },
    #[error("the document filter is not valid SQL over `documents`: {0}")]
    Filter(String),
    #[error("the dataset is damaged: {0}")]
    Corrupt(String),
    #[error("{path}: no such dataset (build it with `vnplan index … --db {path}`)")]
    Missing { path: String },
    #[error("{path}: {message}")]
    Open { path: String, message: String },
    #[error("the search query is not valid: {0}")]
    Query(String),
    #[error("no table {0:?}; the tables are {tables}", tables = export::TABLES.join(", "))]
    UnknownTable(String),
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// An open dataset.
pub struct Dataset {
    conn: Connection,
    path: PathBuf,
}

/// How long a writer waits for another one before giving up.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

impl Dataset {
    /// Open `path` for writing, creating the file and its schema when it
    /// does not exist (its folder must). Refuses, before writing anything,
    /// a file that is not a database, a database of another tool, and a
    /// newer schema.
    pub fn open_for_writing(path: &Path) -> Result<Dataset, DatasetError> {
        let shown = path.display().to_string();
        if path.is_dir() {
            return Err(DatasetError::Open {
                path: shown,
                message: "is a folder".into(),
            });
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| open_error(&shown, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let state = inspect(&conn, &shown)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| open_error(&shown, e))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        if state == State::Empty {
            // IMMEDIATE: take the write lock before looking again, so two
            // writers creating one file wait for each other instead of
            // failing on a read lock that cannot be upgraded.
            let tx = rusqlite::Transaction::new_unchecked(
                &conn,
                rusqlite::TransactionBehavior::Immediate,
            )?;
            // Another writer may have created it meanwhile.
            if inspect(&tx, &shown)? == State::Empty {
                tx.execute_batch(&schema::ddl())?;
                tx.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
                tx.execute(
                    "INSERT INTO meta(key, value) VALUES ('schema_version', ?1), ('record_schema', ?2), ('tool_version', ?3)",
                    (
                        schema::DATASET_SCHEMA.to_string(),
                        vnplan_record::SCHEMA_VERSION,
                        env!("CARGO_PKG_VERSION"),
                    ),
                )?;
            }
            tx.commit()?;
        } else if schema_version(&conn, &shown)? < schema::DATASET_SCHEMA {
            let tx = rusqlite::Transaction::new_unchecked(
                &conn,
                rusqlite::TransactionBehavior::Immediate,
            )?;
            if schema_version(&tx, &shown)? == 1 {
                tx.execute_batch(schema::UPGRADE_FROM_1)?;
            }
            tx.commit()?;
        }
        Ok(Dataset {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// The records of the dataset, in order of source path, each with its
    /// text (rebuilt from `sections`), as extraction gave them. `filter` is
    /// an SQL condition over the `documents` table (`issuer LIKE '%Đăk Hà%'`,
    /// `level = 'xa'`); the dataset is read-only, so it can only select.
    pub fn records(&self, filter: Option<&str>) -> Result<Vec<Record>, DatasetError> {
        let mut out = Vec::new();
        self.for_each_record(filter, |r| {
            out.push(r);
            Ok(())
        })?;
        Ok(out)
    }

    /// [`Dataset::records`] one at a time, without holding them all.
    pub fn for_each_record(
        &self,
        filter: Option<&str>,
        mut f: impl FnMut(Record) -> Result<(), DatasetError>,
    ) -> Result<(), DatasetError> {
        let sql = format!(
            "SELECT d.id, r.record FROM documents d JOIN records r ON r.document_id = d.id WHERE {} ORDER BY d.source",
            filter.map(|f| format!("({f})")).unwrap_or_else(|| "1".into())
        );
        let mut stmt = self
            .conn
            .prepare(&sql)
            .map_err(|e| DatasetError::Filter(e.to_string()))?;
        let mut rows = stmt
            .query([])
            .map_err(|e| DatasetError::Filter(e.to_string()))?;
        let mut blocks = self.conn.prepare(
            "SELECT span_start, span_end, text FROM sections WHERE document_id = ?1 ORDER BY span_start",
        )?;
        while let Some(row) = rows.next()? {
            let (id, json): (i64, String) = (row.get(0)?, row.get(1)?);
            let mut record: Record = serde_json::from_str(&json).map_err(|e| {
                DatasetError::Corrupt(format!(
                    "document {id}: the stored record cannot be read: {e}"
                ))
            })?;
            if let Some(text) = record.text.as_mut() {
                let mut chars = String::new();
                let mut at = 0usize;
                let mut parts = blocks.query([id])?;
                while let Some(part) = parts.next()? {
                    let (start, _end, block): (i64, i64, String) =
                        (part.get(0)?, part.get(1)?, part.get(2)?);
                    // Paragraphs are separated by one newline each.
                    while at < start as usize {
                        chars.push('\n');
                        at += 1;
                    }
                    at += block.chars().count();
                    chars.push_str(&block);
                }
                text.text = chars;
            }
            f(record)?;
        }
        Ok(())
    }

    /// The error records the dataset holds, in order of source path.
    pub fn error_records(&self) -> Result<Vec<vnplan_record::ErrorRecord>, DatasetError> {
        use vnplan_record::{ErrorInfo, ErrorRecord, ErrorSource};
        let mut stmt = self.conn.prepare(
            "SELECT source, format, sha256, bytes, kind, message FROM errors ORDER BY source",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (path, format, sha256, bytes, kind, message) = row?;
            let kind = kind.parse().map_err(|_| {
                DatasetError::Corrupt(format!("{path}: unknown error kind {kind:?}"))
            })?;
            out.push(ErrorRecord {
                schema: vnplan_record::SCHEMA_VERSION.to_string(),
                source: ErrorSource {
                    path,
                    format: format.and_then(|f| f.parse().ok()),
                    sha256,
                    bytes: bytes.map(|b| b as u64),
                },
                error: ErrorInfo { kind, message },
            });
        }
        Ok(out)
    }

    /// The inputs the dataset holds an error record for: (source, kind,
    /// message), in order of source path.
    pub fn errors(&self) -> Result<Vec<(String, String, String)>, DatasetError> {
        let mut stmt = self
            .conn
            .prepare("SELECT source, kind, message FROM errors ORDER BY source")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Open an existing dataset read-only (search, export, compare).
    pub fn open_read_only(path: &Path) -> Result<Dataset, DatasetError> {
        let shown = path.display().to_string();
        if !path.is_file() {
            return Err(DatasetError::Missing { path: shown });
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| open_error(&shown, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        match inspect(&conn, &shown)? {
            State::Ours => match schema_version(&conn, &shown)? {
                found if found < schema::DATASET_SCHEMA => {
                    Err(DatasetError::OlderSchema { path: shown, found })
                }
                _ => Ok(Dataset {
                    conn,
                    path: path.to_path_buf(),
                }),
            },
            State::Empty => Err(DatasetError::Missing { path: shown }),
        }
    }

    /// The SQLite connection, for queries of your own.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Source path → sha256 of every document in the dataset: an input with
    /// the same path and hash need not be read again. (Errors are not
    /// listed: they are tried again, the file or the tools may have changed.)
    pub fn known(&self) -> Result<HashMap<String, String>, DatasetError> {
        self.sources("documents")
    }

    fn sources(&self, table: &str) -> Result<HashMap<String, String>, DatasetError> {
        let mut map = HashMap::new();
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT source, COALESCE(sha256, '') FROM {table}"))?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (source, sha) = row?;
            map.insert(source, sha);
        }
        Ok(map)
    }

    /// Remove the documents and errors whose source `keep` rejects (files
    /// that are gone); returns how many.
    pub fn prune(&mut self, keep: impl Fn(&str) -> bool) -> Result<usize, DatasetError> {
        let mut all = self.known()?;
        all.extend(self.sources("errors")?);
        let mut gone: Vec<&String> = all.keys().filter(|s| !keep(s)).collect();
        gone.sort();
        let tx = self.conn.transaction()?;
        for source in &gone {
            tx.execute("DELETE FROM documents WHERE source = ?1", [source])?;
            tx.execute("DELETE FROM errors WHERE source = ?1", [source])?;
        }
        tx.commit()?;
        Ok(gone.len())
    }

    /// A sink that writes outputs into the dataset, committing every
    /// `chunk` documents.
    pub fn writer(&mut self, chunk: usize) -> Writer<'_> {
        Writer::new(&self.conn, chunk)
    }

    /// Fold the write-ahead log into the file, so that the dataset is one
    /// self-contained file (no `-wal` beside it once closed).
    pub fn checkpoint(&self) -> Result<(), DatasetError> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Rows per table, for summaries and tests.
    pub fn counts(&self) -> Result<Vec<(&'static str, i64)>, DatasetError> {
        let mut out = Vec::new();
        for &table in export::TABLES {
            let n: i64 =
                self.conn
                    .query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
                        r.get(0)
                    })?;
            out.push((table, n));
        }
        Ok(out)
    }

    /// Both integrity checks: SQLite's own and the FTS5 index against its
    /// content table (the plain pragma misses a drifted external-content
    /// index). `Ok(())` when both pass.
    pub fn integrity_check(&self) -> Result<(), DatasetError> {
        let result: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if result != "ok" {
            return Err(DatasetError::Open {
                path: self.path.display().to_string(),
                message: format!("integrity check failed: {result}"),
            });
        }
        // The FTS5 check is a command written as an INSERT: it needs a
        // writable connection, though it changes nothing.
        let rw = Connection::open_with_flags(&self.path, OpenFlags::SQLITE_OPEN_READ_WRITE)
            .map_err(|e| open_error(&self.path.display().to_string(), e))?;
        rw.busy_timeout(BUSY_TIMEOUT)?;
        rw.execute(
            "INSERT INTO sections_fts(sections_fts, rank) VALUES ('integrity-check', 1)",
            [],
        )?;
        Ok(())
    }
}

#[derive(Debug, PartialEq, Eq)]
enum State {
    /// A new file, or a database without any table.
    Empty,
    Ours,
}

/// What the file at hand is; a read only, so nothing is written to a file
/// that is refused.
fn inspect(conn: &Connection, shown: &str) -> Result<State, DatasetError> {
    let app: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| open_error(shown, e))?;
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .map_err(|e| open_error(shown, e))?;
    if app != schema::APPLICATION_ID {
        return if app == 0 && tables == 0 {
            Ok(State::Empty)
        } else {
            Err(DatasetError::OtherTool {
                path: shown.to_string(),
            })
        };
    }
    let found = schema_version(conn, shown)?;
    if found > schema::DATASET_SCHEMA {
        return Err(DatasetError::NewerSchema {
            path: shown.to_string(),
            found,
            known: schema::DATASET_SCHEMA,
        });
    }
    Ok(State::Ours)
}

fn schema_version(conn: &Connection, shown: &str) -> Result<i64, DatasetError> {
    let version: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(|e| open_error(shown, e))?;
    Ok(version.and_then(|v| v.parse().ok()).unwrap_or(0))
}

fn open_error(shown: &str, e: rusqlite::Error) -> DatasetError {
    if let rusqlite::Error::SqliteFailure(f, _) = &e {
        match f.code {
            rusqlite::ErrorCode::NotADatabase => {
                return DatasetError::NotADatabase {
                    path: shown.to_string(),
                }
            }
            rusqlite::ErrorCode::CannotOpen => return DatasetError::Open {
                path: shown.to_string(),
                message:
                    "cannot open or create the file (does its folder exist, and may it be written?)"
                        .into(),
            },
            rusqlite::ErrorCode::ReadOnly => {
                return DatasetError::Open {
                    path: shown.to_string(),
                    message: "the file or its folder is read-only".into(),
                }
            }
            _ => {}
        }
    }
    DatasetError::Open {
        path: shown.to_string(),
        message: e.to_string(),
    }
}
