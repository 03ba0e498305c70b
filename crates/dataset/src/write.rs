//! Writing outputs into the dataset: one document at a time, replacing
//! whatever the dataset held for the same source, inside a transaction
//! that commits every `chunk` documents (and at the end).

use rusqlite::{params, Connection};
use vnplan_record::sink::Sink;
use vnplan_record::text::{Part, TextBlock};
use vnplan_record::{ErrorRecord, Item, Output, Provenance, Record};

use crate::fold::fold;

/// A [`Sink`] into the dataset. The batch runner calls it from one thread,
/// in input order: the single writer.
pub struct Writer<'c> {
    conn: &'c Connection,
    chunk: usize,
    pending: usize,
    now: String,
}

impl<'c> Writer<'c> {
    pub(crate) fn new(conn: &'c Connection, chunk: usize) -> Writer<'c> {
        Writer {
            conn,
            chunk: chunk.max(1),
            pending: 0,
            now: now_utc(),
        }
    }

    fn begin_if_needed(&mut self) -> rusqlite::Result<()> {
        if self.pending == 0 {
            // IMMEDIATE: take the write lock now (waiting for another
            // writer), not halfway through a document.
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
        }
        Ok(())
    }

    fn commit(&mut self) -> rusqlite::Result<()> {
        if self.pending > 0 {
            self.conn.execute_batch("COMMIT")?;
            self.pending = 0;
        }
        Ok(())
    }

    fn put(&mut self, output: Output) -> rusqlite::Result<()> {
        self.begin_if_needed()?;
        let source = output.path();
        self.conn
            .execute("DELETE FROM documents WHERE source = ?1", [source])?;
        self.conn
            .execute("DELETE FROM errors WHERE source = ?1", [source])?;
        match output {
            Output::Record(mut r) => {
                // The record is stored without the characters of its text
                // (`sections` holds them) but with its paragraphs, so that
                // reading it back gives the record extraction gave.
                let chars = r.text.as_mut().map(|t| std::mem::take(&mut t.text));
                let stored = json(&r);
                if let (Some(t), Some(chars)) = (r.text.as_mut(), chars) {
                    t.text = chars;
                }
                insert_record(self.conn, &r, &stored, &self.now)?
            }
            Output::Error(e) => insert_error(self.conn, &e, &self.now)?,
        }
        self.pending += 1;
        if self.pending >= self.chunk {
            self.commit()?;
        }
        Ok(())
    }
}

impl Sink for Writer<'_> {
    fn write(&mut self, output: Output) -> std::io::Result<()> {
        let path = output.path().to_string();
        self.put(output).map_err(|e| {
            let _ = self.conn.execute_batch("ROLLBACK");
            self.pending = 0;
            std::io::Error::other(format!("{path}: cannot write to the dataset: {e}"))
        })
    }

    fn finish(&mut self) -> std::io::Result<()> {
        self.commit().map_err(std::io::Error::other)
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` now, without a date-time crate: the dataset
/// needs only this one timestamp.
fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The ISO date at the start of a value, when it is a full date
/// (`2024-02-20`, `2024-02-20T08:30`); partial values stay text only.
fn iso_date(value: &str) -> Option<&str> {
    let d = value.get(..10)?;
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && (value.len() == 10 || value.as_bytes()[10] == b'T'))
        .then_some(d)
}

fn json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

fn insert_error(conn: &Connection, e: &ErrorRecord, now: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO errors(source, format, sha256, bytes, kind, message, indexed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            e.source.path,
            e.source.format.map(|f| f.as_str()),
            e.source.sha256,
            e.source.bytes.map(|b| b as i64),
            e.error.kind.as_str(),
            e.error.message,
            now
        ],
    )?;
    Ok(())
}

/// The columns every item table shares after `document_id`.
fn envelope<T>(item: &Item<T>) -> (String, Option<String>, i64, i64, i64, Option<i64>) {
    let Provenance {
        span, line, page, ..
    } = &item.at;
    (
        item.id.clone(),
        item.section.clone(),
        span[0] as i64,
        span[1] as i64,
        *line as i64,
        page.map(|p| p as i64),
    )
}

const ITEM_COLUMNS: &str = "document_id, item_id, section, span_start, span_end, line, page";

fn insert_record(conn: &Connection, r: &Record, stored: &str, now: &str) -> rusqlite::Result<()> {
    let d = &r.document;
    let s = &r.source;
    let full_date = d.date.as_deref().and_then(iso_date);
    let signer = d.signer.as_ref();
    conn.prepare_cached(
        "INSERT INTO documents(record_id, source, sha256, format, bytes, pages, encoding, backend, text_quality,
            kind, kind_name, number, symbol, issuer, parent, level, issuer_source, place, date, date_text, title,
            signer, signer_position, signer_authority, recipients, chars, lines, paragraphs, indexed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?29, ?15, ?16, ?17, ?18, ?19, ?20,
            ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)",
    )?
    .execute(params![
        r.id,
        s.path,
        s.sha256,
        s.format.as_str(),
        s.bytes as i64,
        s.pages.map(|p| p as i64),
        s.encoding,
        s.backend.as_str(),
        s.text_quality,
        d.kind,
        d.kind_name,
        d.number,
        d.symbol,
        d.issuer,
        d.issuer_level.map(|l| l.as_str()),
        d.issuer_source.map(|l| l.as_str()),
        d.place,
        full_date,
        d.date.as_deref().filter(|_| full_date.is_none()),
        d.title,
        signer.and_then(|s| s.name.clone()),
        signer.and_then(|s| s.position.clone()),
        signer.and_then(|s| s.authority).map(|a| a.as_str()),
        json(&d.recipients),
        r.stats.chars as i64,
        r.stats.lines as i64,
        r.stats.paragraphs as i64,
        now,
        d.parent,
    ])?;
    let doc = conn.last_insert_rowid();
    conn.prepare_cached("INSERT INTO records(document_id, record) VALUES (?1, ?2)")?
        .execute(params![doc, stored])?;
    insert_sections(conn, doc, r)?;
    for x in &r.dates {
        let (id, sec, a, b, line, page) = envelope(x);
        conn.prepare_cached(&format!(
            "INSERT INTO dates({ITEM_COLUMNS}, text, kind, value, date, solar, role) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)"
        ))?
        .execute(params![
            doc, id, sec, a, b, line, page,
            x.text, x.kind.as_str(), x.value,
            iso_date(&x.value).filter(|_| x.kind != vnplan_record::vocab::DateKind::Lunar),
            x.solar.as_deref().and_then(iso_date),
            x.role.as_str()
        ])?;
    }
    for x in &r.deadlines {
        let (id, sec, a, b, line, page) = envelope(x);
        conn.prepare_cached(&format!(
            "INSERT INTO deadlines({ITEM_COLUMNS}, due, due_date, relation, task, units, text) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)"
        ))?
        .execute(params![
            doc, id, sec, a, b, line, page,
            x.due, iso_date(&x.due), x.relation.as_str(), x.task, json(&x.units), x.text
        ])?;
        for unit in &x.units {
            conn.prepare_cached(
                "INSERT INTO deadline_units(document_id, deadline_id, unit) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![doc, x.id, unit])?;
        }
    }
    for x in &r.units {
        let (id, sec, a, b, line, page) = envelope(x);
        conn.prepare_cached(&format!(
            "INSERT INTO units({ITEM_COLUMNS}, text, canonical) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)"
        ))?
        .execute(params![doc, id, sec, a, b, line, page, x.text, x.canonical])?;
    }
    for x in &r.assignments {
        let (id, sec, a, b, line, page) = envelope(x);
        conn.prepare_cached(&format!(
            "INSERT INTO assignments({ITEM_COLUMNS}, unit, role, tasks) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)"
        ))?
        .execute(params![doc, id, sec, a, b, line, page, x.unit, x.role.as_str(), json(&x.tasks)])?;
    }
    for x in &r.criteria {
        let (id, sec, a, b, line, page) = envelope(x);
        conn.prepare_cached(&format!(
            "INSERT INTO criteria({ITEM_COLUMNS}, number, indicator, name, status, subject, text) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)"
        ))?
        .execute(params![
            doc, id, sec, a, b, line, page,
            x.number, x.indicator, x.name, x.status.map(|s| s.as_str()), x.subject, x.text
        ])?;
    }
    for x in &r.criteria_counts {
        let (id, sec, a, b, line, page) = envelope(x);
        conn.prepare_cached(&format!(
            "INSERT INTO criteria_counts({ITEM_COLUMNS}, achieved, total, status, subject, text) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)"
        ))?
        .execute(params![doc, id, sec, a, b, line, page, x.achieved, x.total, x.status.map(|s| s.as_str()), x.subject, x.text])?;
    }
    for x in &r.references {
        let (id, sec, a, b, line, page) = envelope(x);
        conn.prepare_cached(&format!(
            "INSERT INTO \"references\"({ITEM_COLUMNS}, kind, number, date, issuer, role, text, mentions) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)"
        ))?
        .execute(params![
            doc, id, sec, a, b, line, page,
            x.kind, x.number, x.date.as_deref().and_then(iso_date), x.issuer, x.role.as_str(), x.text, x.mentions as i64
        ])?;
    }
    for x in &r.targets {
        let (id, sec, a, b, line, page) = envelope(x);
        conn.prepare_cached(&format!(
            "INSERT INTO targets({ITEM_COLUMNS}, quantity, min, unit, object, comparator, text) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)"
        ))?
        .execute(params![
            doc, id, sec, a, b, line, page,
            x.quantity, x.min, x.unit, x.object, x.comparator.map(|c| c.as_str()), x.text
        ])?;
    }
    for w in &r.warnings {
        conn.prepare_cached(
            "INSERT INTO warnings(document_id, code, message, span_start, span_end) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            doc,
            w.code.as_str(),
            w.message,
            w.span.map(|s| s[0] as i64),
            w.span.map(|s| s[1] as i64)
        ])?;
    }
    Ok(())
}

/// One row per run of text of one part and section (from the text beside
/// the record); a record without its text gives one row per heading.
fn insert_sections(conn: &Connection, doc: i64, r: &Record) -> rusqlite::Result<()> {
    let by_path: std::collections::HashMap<&str, &Item<vnplan_record::Section>> =
        r.sections.iter().map(|s| (s.path.as_str(), s)).collect();
    let insert = |block: TextBlock<'_>| -> rusqlite::Result<()> {
        let section = block.section.and_then(|p| by_path.get(p));
        conn.prepare_cached(
            "INSERT INTO sections(document_id, part, path, heading, kind, level, line, end_line, page, end_page,
                span_start, span_end, text, text_folded) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)",
        )?
        .execute(params![
            doc,
            block.part.as_str(),
            block.section,
            section.map(|s| s.heading.clone()),
            section.map(|s| s.kind.as_str()),
            section.map(|s| s.level as i64),
            block.line as i64,
            block.end_line as i64,
            block.page.map(|p| p as i64),
            block.end_page.map(|p| p as i64),
            block.span[0] as i64,
            block.span[1] as i64,
            block.text,
            fold(block.text),
        ])?;
        Ok(())
    };
    match &r.text {
        Some(text) => {
            for block in text.blocks() {
                insert(block)?;
            }
        }
        None => {
            for s in &r.sections {
                let heading = format!("{} {}", s.marker, s.heading);
                insert(TextBlock {
                    part: if s.path.starts_with("PL") {
                        Part::Annex
                    } else {
                        Part::Body
                    },
                    section: Some(&s.path),
                    span: s.at.span,
                    line: s.at.line,
                    end_line: s.at.line,
                    page: s.at.page,
                    end_page: s.at.page,
                    text: &heading,
                })?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_full_dates_go_to_date_columns() {
        assert_eq!(iso_date("2024-02-20"), Some("2024-02-20"));
        assert_eq!(iso_date("2024-02-20T08:30"), Some("2024-02-20"));
        assert_eq!(iso_date("2024-02-20/2024-03-01"), None);
        assert_eq!(iso_date("XXXX-02-20"), None);
        assert_eq!(iso_date("2024-Q4"), None);
        assert_eq!(iso_date("monthly:day=16"), None);
    }

    #[test]
    fn now_is_an_iso_timestamp() {
        let now = now_utc();
        assert_eq!(now.len(), 20, "{now}");
        assert!(now.starts_with("20") && now.ends_with('Z'));
    }
}
