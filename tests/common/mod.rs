//! Helpers shared by test files (each test file is its own crate, so they
//! include this module with `mod common;`).

use std::path::Path;

/// Every table's rows as text, sorted: a dataset's content without row ids
/// and timestamps, to compare two datasets. With `records`, the stored
/// records too.
pub fn content(db: &Path, records: bool) -> Vec<String> {
    let ds = vnplan_dataset::Dataset::open_read_only(db).unwrap();
    let conn = ds.connection();
    let mut tables: Vec<&str> = vnplan_dataset::export::TABLES.to_vec();
    if records {
        tables.push("records");
    }
    let mut out = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let mut cells = vec![table.to_string()];
            for (i, name) in names.iter().enumerate() {
                if !matches!(name.as_str(), "id" | "document_id" | "indexed_at") {
                    cells.push(format!("{:?}", row.get_ref(i).unwrap()));
                }
            }
            out.push(cells.join("|"));
        }
    }
    out.sort();
    out
}
