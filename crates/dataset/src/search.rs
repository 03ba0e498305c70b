//! Full-text search that fits Vietnamese, ranked by BM25.
//!
//! The sections are indexed twice by SQLite's own `unicode61` tokenizer
//! (so any SQLite tool can read the index): the text as written, where
//! tone marks distinguish words (`năm` ≠ `Nam` ≠ `nấm`), and a folded copy
//! (marks removed, `đ` → `d`). A query with any Vietnamese mark searches the
//! text as written; a query without marks — how many people type —
//! searches the folded copy, so `ke hoach` finds `Kế hoạch` and `duong`
//! finds `đường`. FTS5 syntax works as is: phrases, `prefix*`, AND/OR/NOT.

use crate::fold::has_vietnamese_marks;
use crate::{Dataset, DatasetError};
use rusqlite::types::Value;

/// What to search for and where.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// An FTS5 query (already normalised by the caller: NFC, one tone placement).
    pub text: String,
    /// Issuer name contains this (case-insensitive for ASCII).
    pub issuer: Option<String>,
    /// Issuer level: `tinh`, `huyen`, `xa`, …
    pub level: Option<String>,
    /// Document kind abbreviation: `KH`, `QĐ`, …
    pub kind: Option<String>,
    /// Document date on or after / on or before (ISO).
    pub from: Option<String>,
    pub to: Option<String>,
    /// The document mentions this NTM criterion number.
    pub criterion: Option<u32>,
    /// The document names a unit whose canonical name contains this.
    pub unit: Option<String>,
    /// The section's kind (`to_chuc_thuc_hien`, …).
    pub section_kind: Option<String>,
    pub limit: usize,
}

/// Which copy of the text a query searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// The text as written: the query carries marks.
    Exact,
    /// The folded text: the query has no marks.
    Folded,
}

/// One ranked hit.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Hit {
    pub source: String,
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub date: Option<String>,
    /// Section path (`II.3`), null outside the outline.
    pub section: Option<String>,
    pub heading: Option<String>,
    /// `header`, `preamble`, `body`, `closing`, `annex`.
    pub part: String,
    /// A window of the text around the first match, matches between `«` and `»`.
    pub snippet: String,
    pub line: i64,
    pub end_line: i64,
    pub page: Option<i64>,
    /// BM25 score (lower is better, as SQLite gives it).
    pub score: f64,
}

/// Which copy a query goes to.
pub fn route_of(query: &str) -> Route {
    if has_vietnamese_marks(query) {
        Route::Exact
    } else {
        Route::Folded
    }
}

/// Run a query. A query FTS5 rejects is [`DatasetError::Query`].
pub fn search(ds: &Dataset, q: &Query) -> Result<(Route, Vec<Hit>), DatasetError> {
    if q.text.trim().is_empty() {
        return Err(DatasetError::Query("the query is empty".into()));
    }
    let route = route_of(&q.text);
    let (column, index) = match route {
        Route::Exact => ("text", 0),
        Route::Folded => ("text_folded", 1),
    };
    let mut sql = format!(
        "SELECT d.source, d.title, d.issuer, COALESCE(d.date, d.date_text), s.path, s.heading, s.part,
                s.line, s.end_line, s.page, bm25(sections_fts) AS score, s.text,
                highlight(sections_fts, {index}, char(1), char(2))
         FROM sections_fts
         JOIN sections s ON s.id = sections_fts.rowid
         JOIN documents d ON d.id = s.document_id
         WHERE sections_fts MATCH ?1"
    );
    let mut args: Vec<Value> = vec![Value::Text(format!("{{{column}}} : ({})", q.text))];
    let mut arg = |sql: &mut String, clause: &str, v: Value| {
        args.push(v);
        sql.push_str(&clause.replace('?', &format!("?{}", args.len())));
    };
    if let Some(x) = &q.issuer {
        arg(
            &mut sql,
            " AND d.issuer LIKE '%' || ? || '%'",
            Value::Text(x.clone()),
        );
    }
    if let Some(x) = &q.level {
        arg(&mut sql, " AND d.level = ?", Value::Text(x.clone()));
    }
    if let Some(x) = &q.kind {
        arg(&mut sql, " AND d.kind = ?", Value::Text(x.clone()));
    }
    if let Some(x) = &q.from {
        arg(
            &mut sql,
            " AND COALESCE(d.date, d.date_text) >= ?",
            Value::Text(x.clone()),
        );
    }
    if let Some(x) = &q.to {
        arg(
            &mut sql,
            " AND COALESCE(d.date, d.date_text) <= ?",
            Value::Text(x.clone()),
        );
    }
    if let Some(n) = q.criterion {
        arg(
            &mut sql,
            " AND EXISTS (SELECT 1 FROM criteria c WHERE c.document_id = d.id AND c.number = ?)",
            Value::Integer(n.into()),
        );
    }
    if let Some(x) = &q.unit {
        arg(
            &mut sql,
            " AND EXISTS (SELECT 1 FROM units u WHERE u.document_id = d.id AND u.canonical LIKE '%' || ? || '%')",
            Value::Text(x.clone()),
        );
    }
    if let Some(x) = &q.section_kind {
        arg(&mut sql, " AND s.kind = ?", Value::Text(x.clone()));
    }
    arg(
        &mut sql,
        " ORDER BY score, d.source, s.line LIMIT ?",
        Value::Integer(q.limit.max(1) as i64),
    );
    let conn = ds.connection();
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
        let text: String = r.get(11)?;
        let marked: String = r.get(12)?;
        Ok(Hit {
            source: r.get(0)?,
            title: r.get(1)?,
            issuer: r.get(2)?,
            date: r.get(3)?,
            section: r.get(4)?,
            heading: r.get(5)?,
            part: r.get(6)?,
            line: r.get(7)?,
            end_line: r.get(8)?,
            page: r.get(9)?,
            score: r.get(10)?,
            snippet: snippet(&text, &marked, 80),
        })
    });
    let collect = rows.and_then(|rows| rows.collect::<Result<Vec<Hit>, _>>());
    match collect {
        Ok(hits) => Ok((route, hits)),
        Err(e) if is_query_error(&e) => Err(DatasetError::Query(e.to_string())),
        Err(e) => Err(e.into()),
    }
}

fn is_query_error(e: &rusqlite::Error) -> bool {
    let m = e.to_string();
    m.contains("fts5")
        || m.contains("syntax error")
        || m.contains("no such column")
        || m.contains("unterminated")
}

/// A window of about `width` characters of `text` around the first match.
/// `marked` is the matched column with `\u{1}` … `\u{2}` around matches;
/// the folded column is aligned character for character with the text, so
/// its marks transfer onto the text as written.
fn snippet(text: &str, marked: &str, width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut opens = Vec::new();
    let mut closes = Vec::new();
    let mut i = 0usize;
    for c in marked.chars() {
        match c {
            '\u{1}' => opens.push(i),
            '\u{2}' => closes.push(i),
            _ => i += 1,
        }
    }
    if i != chars.len() {
        // Not aligned (should not happen): show the marked text as is.
        return marked.replace('\u{1}', "«").replace('\u{2}', "»");
    }
    let first = opens.first().copied().unwrap_or(0);
    let start = first.saturating_sub(width / 3);
    let end = (start + width).min(chars.len());
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    for (k, &c) in chars.iter().enumerate().take(end).skip(start) {
        if opens.contains(&k) {
            out.push('«');
        }
        out.push(if c == '\n' { ' ' } else { c });
        if closes.contains(&(k + 1)) {
            out.push('»');
        }
    }
    if end < chars.len() {
        out.push('…');
    }
    // Words of one phrase are one highlighted run.
    out.replace("» «", " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_transfer_folded_marks_onto_the_text() {
        let text = "Xây dựng đường giao thông nông thôn";
        let marked = "xay dung \u{1}duong\u{2} giao thong nong thon";
        assert_eq!(
            snippet(text, marked, 80),
            "Xây dựng «đường» giao thông nông thôn"
        );
    }

    #[test]
    fn queries_route_by_their_marks() {
        assert_eq!(route_of("ke hoach"), Route::Folded);
        assert_eq!(route_of("\"nông thôn mới\""), Route::Exact);
        assert_eq!(route_of("duong OR cau"), Route::Folded);
    }
}
