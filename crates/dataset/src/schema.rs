//! The dataset's SQL schema: one file any SQLite tool opens.
//!
//! Declared types are the ones other readers map well (DuckDB's SQLite
//! scanner maps INTEGER, REAL, TEXT and DATE): full ISO dates sit in `DATE`
//! columns, partial ones (`2024-Q4`, `XXXX-02-22`, `monthly:day=16`) as text
//! beside them. The record's closed vocabularies become `CHECK`-constrained
//! text, built from the vocabularies themselves so they cannot drift.

use vnplan_record::text::Part;
use vnplan_record::vocab::*;

/// Version of this schema, kept in `meta`; a newer one than the tool knows
/// is refused. 2 added `records`; a dataset of schema 1 is upgraded when it
/// is next opened for writing (see [`UPGRADE_FROM_1`]).
pub const DATASET_SCHEMA: i64 = 2;

/// `PRAGMA application_id`: "VNPL", so a database of another tool is told
/// apart from an empty or a vnplan one.
pub const APPLICATION_ID: i64 = 0x564E_504C;

/// Schema 1 → 2: the records table; every document is marked changed
/// (its sha256 cleared) so the next `index` over the same files writes
/// their records.
pub const UPGRADE_FROM_1: &str = "
CREATE TABLE records (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    record TEXT NOT NULL
);
UPDATE documents SET sha256 = '';
UPDATE meta SET value = '2' WHERE key = 'schema_version';
";

fn check(column: &str, values: &[&str]) -> String {
    let list: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
    format!("CHECK ({column} IN ({}))", list.join(", "))
}

fn names<T: Copy>(all: &[T], name: impl Fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|&v| name(v)).collect()
}

/// The whole schema as one SQL script (tables, indexes, views, the FTS
/// index and its triggers).
pub fn ddl() -> String {
    let format = check("format", &names(Format::ALL, Format::as_str));
    let backend = check("backend", &names(Backend::ALL, Backend::as_str));
    let level = check("level", &names(Level::ALL, Level::as_str));
    let issuer_source = check(
        "issuer_source",
        &names(IssuerSource::ALL, IssuerSource::as_str),
    );
    let authority = check(
        "signer_authority",
        &names(Authority::ALL, Authority::as_str),
    );
    let part = check("part", &names(Part::ALL, Part::as_str));
    let section_kind = check("kind", &names(SectionKind::ALL, SectionKind::as_str));
    let date_kind = check("kind", &names(DateKind::ALL, DateKind::as_str));
    let date_role = check("role", &names(DateRole::ALL, DateRole::as_str));
    let relation = check("relation", &names(Relation::ALL, Relation::as_str));
    let asg_role = check("role", &names(AssignmentRole::ALL, AssignmentRole::as_str));
    let status = check(
        "status",
        &names(CriterionStatus::ALL, CriterionStatus::as_str),
    );
    let comparator = check("comparator", &names(Comparator::ALL, Comparator::as_str));
    let ref_role = check("role", &names(ReferenceRole::ALL, ReferenceRole::as_str));
    let code = check("code", &names(WarningCode::ALL, WarningCode::as_str));
    let error_kind = check("kind", &names(ErrorKind::ALL, ErrorKind::as_str));
    // Columns every item table has: its document, id, section and place.
    let item = "document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    section TEXT,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    line INTEGER NOT NULL,
    page INTEGER";
    format!(
        r#"
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL,
    source TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    format TEXT NOT NULL {format},
    bytes INTEGER NOT NULL,
    pages INTEGER,
    encoding TEXT,
    backend TEXT NOT NULL {backend},
    text_quality REAL,
    kind TEXT,
    kind_name TEXT,
    number TEXT,
    symbol TEXT,
    issuer TEXT,
    parent TEXT,
    level TEXT {level},
    issuer_source TEXT {issuer_source},
    place TEXT,
    date DATE,
    date_text TEXT,
    title TEXT,
    signer TEXT,
    signer_position TEXT,
    signer_authority TEXT {authority},
    recipients TEXT NOT NULL,
    chars INTEGER NOT NULL,
    lines INTEGER NOT NULL,
    paragraphs INTEGER NOT NULL,
    indexed_at TEXT NOT NULL
);
CREATE INDEX documents_issuer ON documents(issuer);
CREATE INDEX documents_date ON documents(date);
CREATE INDEX documents_number ON documents(number);
-- The record itself (JSON, without its text: the text is in `sections`),
-- so that a reader such as `vnplan compare --db` gets back exactly what
-- extraction gave, field for field.
CREATE TABLE records (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    record TEXT NOT NULL
);
CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    part TEXT NOT NULL {part},
    path TEXT,
    heading TEXT,
    kind TEXT {section_kind},
    level INTEGER,
    line INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    page INTEGER,
    end_page INTEGER,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    text_folded TEXT NOT NULL
);
CREATE INDEX sections_document ON sections(document_id);
CREATE TABLE dates (
    {item},
    text TEXT NOT NULL,
    kind TEXT NOT NULL {date_kind},
    value TEXT NOT NULL,
    date DATE,
    solar DATE,
    role TEXT NOT NULL {date_role}
);
CREATE INDEX dates_document ON dates(document_id);
CREATE INDEX dates_date ON dates(date);
CREATE TABLE deadlines (
    {item},
    due TEXT NOT NULL,
    due_date DATE,
    relation TEXT NOT NULL {relation},
    task TEXT NOT NULL,
    units TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX deadlines_document ON deadlines(document_id);
CREATE INDEX deadlines_due ON deadlines(due_date);
CREATE TABLE deadline_units (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    deadline_id TEXT NOT NULL,
    unit TEXT NOT NULL
);
CREATE INDEX deadline_units_unit ON deadline_units(unit);
CREATE TABLE units (
    {item},
    text TEXT NOT NULL,
    canonical TEXT NOT NULL
);
CREATE INDEX units_canonical ON units(canonical);
CREATE TABLE assignments (
    {item},
    unit TEXT NOT NULL,
    role TEXT NOT NULL {asg_role},
    tasks TEXT NOT NULL
);
CREATE INDEX assignments_unit ON assignments(unit);
CREATE TABLE criteria (
    {item},
    number INTEGER,
    indicator TEXT,
    name TEXT,
    status TEXT {status},
    subject TEXT,
    text TEXT NOT NULL
);
CREATE INDEX criteria_number ON criteria(number);
CREATE TABLE criteria_counts (
    {item},
    achieved REAL NOT NULL,
    total INTEGER,
    status TEXT {status},
    subject TEXT,
    text TEXT NOT NULL
);
CREATE TABLE "references" (
    {item},
    kind TEXT NOT NULL,
    number TEXT,
    date DATE,
    issuer TEXT,
    role TEXT NOT NULL {ref_role},
    text TEXT NOT NULL,
    mentions INTEGER NOT NULL
);
CREATE INDEX references_number ON "references"(number);
CREATE TABLE targets (
    {item},
    quantity REAL NOT NULL,
    min REAL,
    unit TEXT NOT NULL,
    object TEXT,
    comparator TEXT {comparator},
    text TEXT NOT NULL
);
CREATE TABLE warnings (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    code TEXT NOT NULL {code},
    message TEXT NOT NULL,
    span_start INTEGER,
    span_end INTEGER
);
CREATE TABLE errors (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    format TEXT {format},
    sha256 TEXT,
    bytes INTEGER,
    kind TEXT NOT NULL {error_kind},
    message TEXT NOT NULL,
    indexed_at TEXT NOT NULL
);
-- Full-text search, sqlite-utils / Datasette style: an external-content
-- index over the sections, kept in step by triggers. `text` is the NFC
-- text with one tone placement (tone marks distinguish words); the tool
-- computes `text_folded` (marks removed, đ → d, lower case) for queries
-- typed without marks.
CREATE VIRTUAL TABLE sections_fts USING fts5(
    text, text_folded,
    content="sections", content_rowid="id",
    tokenize="unicode61 remove_diacritics 0"
);
CREATE TRIGGER sections_ai AFTER INSERT ON sections BEGIN
    INSERT INTO sections_fts(rowid, text, text_folded) VALUES (new.id, new.text, new.text_folded);
END;
CREATE TRIGGER sections_ad AFTER DELETE ON sections BEGIN
    INSERT INTO sections_fts(sections_fts, rowid, text, text_folded) VALUES ('delete', old.id, old.text, old.text_folded);
END;
CREATE TRIGGER sections_au AFTER UPDATE ON sections BEGIN
    INSERT INTO sections_fts(sections_fts, rowid, text, text_folded) VALUES ('delete', old.id, old.text, old.text_folded);
    INSERT INTO sections_fts(rowid, text, text_folded) VALUES (new.id, new.text, new.text_folded);
END;
-- The questions users ask.
CREATE VIEW deadlines_by_unit AS
    SELECT du.unit, d.due, d.due_date, d.relation, d.task, doc.source, doc.issuer, d.line, d.page
    FROM deadline_units du
    JOIN deadlines d ON d.document_id = du.document_id AND d.item_id = du.deadline_id
    JOIN documents doc ON doc.id = d.document_id
    ORDER BY du.unit, d.due_date;
CREATE VIEW criteria_status AS
    SELECT COALESCE(c.subject, doc.issuer) AS subject, c.number, c.indicator, c.name, c.status,
           doc.source, doc.issuer, doc.date, c.line, c.page
    FROM criteria c JOIN documents doc ON doc.id = c.document_id
    ORDER BY subject, c.number;
CREATE VIEW citations AS
    SELECT doc.source AS citing, doc.number AS citing_number, r.kind, r.number AS cited_number,
           r.date AS cited_date, r.issuer AS cited_issuer, cited.source AS cited_source, r.role
    FROM "references" r
    JOIN documents doc ON doc.id = r.document_id
    LEFT JOIN documents cited ON cited.number = r.number
    ORDER BY citing;
"#
    )
}
