//! The SQLite dataset: row counts equal the records, Vietnamese-aware
//! search, re-index and prune, a killed run, two writers, bad targets, and
//! clients no one here wrote (Python's sqlite3, Datasette, DuckDB).

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;
use vnplan_dataset::Dataset;

mod common;

fn vnplan() -> Command {
    Command::cargo_bin("vnplan").unwrap()
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn index(args: &[&str]) -> std::process::Output {
    vnplan().arg("index").args(args).output().unwrap()
}

/// `vnplan index -j 1 --chunk N FOLDER --db DB` as a child process.
fn spawn_index(
    folder: &Path,
    db: &Path,
    chunk: &str,
    stderr: std::process::Stdio,
) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_vnplan"))
        .args([
            "index",
            "-j",
            "1",
            "--chunk",
            chunk,
            folder.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ])
        .stderr(stderr)
        .spawn()
        .unwrap()
}

fn table_count(db: &Path, table: &str) -> i64 {
    let ds = Dataset::open_read_only(db).unwrap();
    ds.connection()
        .query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
            r.get(0)
        })
        .unwrap()
}

fn content(db: &Path) -> Vec<String> {
    common::content(db, true)
}

#[test]
fn row_counts_equal_the_records() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.sqlite");
    let out = index(&[corpus().to_str().unwrap(), "--db", db.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // One self-contained file: no -wal or -shm left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["plans.sqlite".to_string()]);
    let records: Vec<Value> = String::from_utf8(
        vnplan()
            .args(["extract", corpus().to_str().unwrap()])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap()
    .lines()
    .map(|l| serde_json::from_str(l).unwrap())
    .collect();
    let sum = |field: &str| -> i64 {
        records
            .iter()
            .map(|r| r[field].as_array().unwrap().len() as i64)
            .sum()
    };
    assert_eq!(table_count(&db, "documents"), records.len() as i64);
    for field in [
        "dates",
        "deadlines",
        "units",
        "assignments",
        "criteria",
        "criteria_counts",
        "references",
        "targets",
        "warnings",
    ] {
        assert_eq!(table_count(&db, field), sum(field), "{field}");
    }
    // Every paragraph's text is in some section row, the headings too.
    assert!(table_count(&db, "sections") >= sum("sections"));
    let ds = Dataset::open_read_only(&db).unwrap();
    ds.integrity_check().unwrap();
}

/// Three small documents in a folder: one with `năm`, one with `Nam`, one
/// with `đường`.
fn three_documents(dir: &Path) -> PathBuf {
    let docs = dir.join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(
        docs.join("a.txt"),
        "KẾ HOẠCH\nTriển khai nhiệm vụ năm 2026\nI. MỤC ĐÍCH\nHoàn thành kế hoạch trong năm.\n",
    )
    .unwrap();
    std::fs::write(
        docs.join("b.txt"),
        "BÁO CÁO\nCông tác tuyên truyền\nI. KẾT QUẢ\nTuyên truyền về chủ quyền Việt Nam tới từng hộ.\n",
    )
    .unwrap();
    std::fs::write(
        docs.join("c.txt"),
        "THÔNG BÁO\nLịch ra quân\nI. NỘI DUNG\nLàm đường giao thông nông thôn thôn 3.\n",
    )
    .unwrap();
    docs
}

fn hits(db: &Path, query: &str) -> Vec<String> {
    let out = vnplan()
        .args(["search", query, "--db", db.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{query}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut sources: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let s = v["source"].as_str().unwrap();
            Path::new(s)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    sources.sort();
    sources.dedup();
    sources
}

#[test]
fn search_with_and_without_marks() {
    let dir = tempfile::tempdir().unwrap();
    let docs = three_documents(dir.path());
    let db = dir.path().join("d.sqlite");
    assert!(
        index(&[docs.to_str().unwrap(), "--db", db.to_str().unwrap()])
            .status
            .success()
    );
    assert_eq!(hits(&db, "ke hoach"), ["a.txt"]);
    assert_eq!(hits(&db, "kế hoạch"), ["a.txt"]);
    // Tone marks distinguish words: năm is not Nam.
    assert_eq!(hits(&db, "năm"), ["a.txt"]);
    assert_eq!(hits(&db, "Việt"), ["b.txt"]);
    // Without marks, both: `Nam`, `nam` and `năm` fold alike.
    assert_eq!(hits(&db, "Nam"), ["a.txt", "b.txt"]);
    assert_eq!(hits(&db, "nam"), ["a.txt", "b.txt"]);
    // đ folds to d.
    assert_eq!(hits(&db, "duong"), ["c.txt"]);
    assert_eq!(hits(&db, "đường"), ["c.txt"]);
    // Phrases, prefixes and operators as FTS5 has them.
    assert_eq!(hits(&db, "\"giao thông nông thôn\""), ["c.txt"]);
    assert_eq!(hits(&db, "tuyên*"), ["b.txt"]);
    assert_eq!(hits(&db, "duong OR tuyen"), ["b.txt", "c.txt"]);
    assert_eq!(hits(&db, "thon NOT duong"), Vec::<String>::new());
    // A query FTS5 rejects is a usage error, not a crash.
    let out = vnplan()
        .args(["search", "nông AND", "--db", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid"));
    let out = vnplan()
        .args(["search", "  ", "--db", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty"));
    let out = vnplan()
        .args(["export", "--db", db.to_str().unwrap(), "--table", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no table \"nope\""));
    // The snippet marks the match in the text as written.
    let out = vnplan()
        .args(["search", "duong", "--db", db.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    let hit: Value =
        serde_json::from_slice(out.stdout.split(|&b| b == b'\n').next().unwrap()).unwrap();
    assert!(
        hit["snippet"].as_str().unwrap().contains("«đường»"),
        "{hit}"
    );
    assert_eq!(hit["section"], "I");
    // The section's lines: its heading on line 3, the match on line 4.
    assert_eq!(
        (hit["line"].as_u64(), hit["end_line"].as_u64()),
        (Some(3), Some(4))
    );
}

#[test]
fn filters_narrow_the_hits() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.sqlite");
    assert!(
        index(&[corpus().to_str().unwrap(), "--db", db.to_str().unwrap()])
            .status
            .success()
    );
    let all = hits(&db, "nong thon moi");
    assert!(all.len() >= 6, "{all:?}");
    let xa = vnplan()
        .args([
            "search",
            "nong thon moi",
            "--db",
            db.to_str().unwrap(),
            "--json",
            "--level",
            "xa",
            "--limit",
            "100",
        ])
        .output()
        .unwrap();
    for line in String::from_utf8(xa.stdout).unwrap().lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let issuer = v["issuer"].as_str().unwrap();
        assert!(issuer.contains(" xã "), "{issuer}");
    }
    let tcth = vnplan()
        .args([
            "search",
            "phoi hop",
            "--db",
            db.to_str().unwrap(),
            "--json",
            "--section-kind",
            "to_chuc_thuc_hien",
        ])
        .output()
        .unwrap();
    assert!(tcth.status.success());
    let crit = vnplan()
        .args([
            "search",
            "giao thong",
            "--db",
            db.to_str().unwrap(),
            "--json",
            "--criterion",
            "2",
            "--from",
            "2024",
            "--to",
            "2024",
        ])
        .output()
        .unwrap();
    assert!(
        !crit.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&crit.stderr)
    );
}

#[test]
fn reindex_is_idempotent_changed_files_are_replaced_and_prune_removes_gone_ones() {
    let dir = tempfile::tempdir().unwrap();
    let docs = three_documents(dir.path());
    let db = dir.path().join("d.sqlite");
    let dbs = db.to_str().unwrap();
    assert!(index(&[docs.to_str().unwrap(), "--db", dbs])
        .status
        .success());
    let first = content(&db);
    let again = index(&[docs.to_str().unwrap(), "--db", dbs]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("3 unchanged"));
    assert_eq!(content(&db), first);
    // A changed file is replaced, not added.
    std::fs::write(
        docs.join("c.txt"),
        "THÔNG BÁO\nI. NỘI DUNG\nSửa cầu ở thôn 5.\n",
    )
    .unwrap();
    assert!(index(&[docs.to_str().unwrap(), "--db", dbs])
        .status
        .success());
    assert_eq!(table_count(&db, "documents"), 3);
    assert_eq!(hits(&db, "duong"), Vec::<String>::new());
    assert_eq!(hits(&db, "cau"), ["c.txt"]);
    // Prune: a file that is gone leaves the dataset.
    std::fs::remove_file(docs.join("b.txt")).unwrap();
    let out = index(&[docs.to_str().unwrap(), "--db", dbs, "--prune"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("pruned 1"));
    assert_eq!(table_count(&db, "documents"), 2);
    assert_eq!(hits(&db, "Việt"), Vec::<String>::new());
    Dataset::open_read_only(&db)
        .unwrap()
        .integrity_check()
        .unwrap();
}

#[test]
fn from_jsonl_gives_the_same_dataset_as_the_documents() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("records.jsonl");
    let extract = vnplan()
        .args([
            "extract",
            "--with-text",
            corpus().to_str().unwrap(),
            "-o",
            jsonl.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(extract.status.success());
    let a = dir.path().join("a.sqlite");
    let b = dir.path().join("b.sqlite");
    assert!(
        index(&[corpus().to_str().unwrap(), "--db", a.to_str().unwrap()])
            .status
            .success()
    );
    let out = index(&[
        "--from-jsonl",
        jsonl.to_str().unwrap(),
        "--db",
        b.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(content(&a), content(&b));
}

#[test]
fn a_killed_index_leaves_a_sound_database_that_resumes_to_the_same_content() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let plans: Vec<Vec<u8>> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    for i in 0..300 {
        let mut text = plans[i % plans.len()].clone();
        text.extend_from_slice(format!("\nBản sao số {i}.\n").as_bytes());
        std::fs::write(docs.join(format!("{i:04}.txt")), text).unwrap();
    }
    let killed = dir.path().join("killed.sqlite");
    let mut child = spawn_index(&docs, &killed, "8", std::process::Stdio::null());
    // Kill it once some chunks are committed.
    let started = std::time::Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(50));
        let committed = Dataset::open_read_only(&killed)
            .ok()
            .and_then(|ds| {
                ds.connection()
                    .query_row("SELECT count(*) FROM documents", [], |r| r.get::<_, i64>(0))
                    .ok()
            })
            .unwrap_or(0);
        if committed >= 16 || started.elapsed() > Duration::from_secs(60) {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    {
        let ds = Dataset::open_read_only(&killed).unwrap();
        let n: i64 = ds
            .connection()
            .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
            .unwrap();
        assert!(n > 0 && n < 300, "{n} documents when killed");
        ds.integrity_check().unwrap();
    }
    assert!(
        index(&[docs.to_str().unwrap(), "--db", killed.to_str().unwrap()])
            .status
            .success()
    );
    let whole = dir.path().join("whole.sqlite");
    assert!(
        index(&[docs.to_str().unwrap(), "--db", whole.to_str().unwrap()])
            .status
            .success()
    );
    assert_eq!(content(&killed), content(&whole));
}

#[test]
fn two_writers_on_one_database_both_finish_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for (folder, names) in [
        (&a, ["000_cc024a2e262e9e8b.txt", "001_5e32054a1d37738b.txt"]),
        (&b, ["002_3ccb0559b1a8a418.txt", "004_5d482c3e998a6817.txt"]),
    ] {
        std::fs::create_dir(folder).unwrap();
        for n in names {
            for k in 0..20 {
                std::fs::copy(corpus().join(n), folder.join(format!("{k:02}_{n}"))).unwrap();
            }
        }
    }
    let db = dir.path().join("shared.sqlite");
    let spawn = |folder: &Path| spawn_index(folder, &db, "4", std::process::Stdio::piped());
    let (first, second) = (spawn(&a), spawn(&b));
    for child in [first, second] {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(table_count(&db, "documents"), 80);
    Dataset::open_read_only(&db)
        .unwrap()
        .integrity_check()
        .unwrap();
}

#[test]
fn bad_dataset_targets_are_clear_errors_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let txt = corpus().join("000_cc024a2e262e9e8b.txt");
    let txt = txt.to_str().unwrap();
    let check = |db: &Path, says: &str| {
        let before = std::fs::read(db).ok();
        let out = index(&[txt, "--db", db.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
        assert!(
            stderr.contains(&db.display().to_string()) || says == "folder",
            "{stderr}"
        );
        assert_eq!(std::fs::read(db).ok(), before, "the file was changed");
    };
    check(&dir.path().join("no/such/folder/x.sqlite"), "cannot open");
    let not_db = dir.path().join("notes.sqlite");
    std::fs::write(&not_db, vec![b'x'; 4096]).unwrap();
    check(&not_db, "not a SQLite database");
    let other = dir.path().join("other.sqlite");
    {
        let conn = vnplan_dataset::rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch(
            "CREATE TABLE invoices(id INTEGER, total REAL); INSERT INTO invoices VALUES (1, 2.5);",
        )
        .unwrap();
    }
    check(&other, "another tool");
    let newer = dir.path().join("newer.sqlite");
    assert!(index(&[txt, "--db", newer.to_str().unwrap()])
        .status
        .success());
    {
        let conn = vnplan_dataset::rusqlite::Connection::open(&newer).unwrap();
        conn.execute(
            "UPDATE meta SET value = '99' WHERE key = 'schema_version'",
            [],
        )
        .unwrap();
    }
    check(&newer, "newer");
    // Search and export of a dataset that does not exist.
    let out = vnplan()
        .args([
            "search",
            "x",
            "--db",
            dir.path().join("none.sqlite").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("none.sqlite").exists());
}

fn python_has(module: &str) -> bool {
    std::process::Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn clients_no_one_here_wrote_read_the_dataset_and_its_exports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plans.sqlite");
    assert!(
        index(&[corpus().to_str().unwrap(), "--db", db.to_str().unwrap()])
            .status
            .success()
    );
    let exports = dir.path().join("exports");
    for format in ["jsonl", "csv", "parquet"] {
        let out = vnplan()
            .args([
                "export",
                "--db",
                db.to_str().unwrap(),
                "--all",
                exports.to_str().unwrap(),
                "--format",
                format,
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let dates = table_count(&db, "dates");
    let jsonl = std::fs::read_to_string(exports.join("dates.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count() as i64, dates);
    let csv = std::fs::read_to_string(exports.join("documents.csv")).unwrap();
    assert_eq!(csv.lines().next().unwrap().split(',').next(), Some("id"));
    if !python_has("sqlite3") {
        eprintln!("SKIPPED: python3 with sqlite3 is not installed");
        return;
    }
    // Python's sqlite3: counts and a full-text query in the folded column.
    let script = format!(
        "import sqlite3; c = sqlite3.connect({db:?}); \
         print(c.execute('select count(*) from documents').fetchone()[0]); \
         print(c.execute(\"select count(*) from sections_fts where sections_fts match 'text_folded : \\\"ke hoach\\\"'\").fetchone()[0] > 0)",
        db = db.display().to_string()
    );
    let out = std::process::Command::new("python3")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "10\nTrue\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // DuckDB reads the Parquet export with the same row counts.
    if python_has("duckdb") {
        let script = format!(
            "import duckdb; print(duckdb.sql(\"select count(*) from read_parquet('{}')\").fetchall()[0][0]); \
             print(duckdb.sql(\"select count(*) from read_parquet('{}') where kind = 'KH'\").fetchall()[0][0])",
            exports.join("dates.parquet").display(),
            exports.join("documents.parquet").display()
        );
        let out = std::process::Command::new("python3")
            .args(["-c", &script])
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            format!("{dates}\n10\n"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    } else {
        eprintln!("SKIPPED: duckdb is not installed (pip install duckdb)");
    }
    // Datasette offers search on the sections with no plugin.
    let datasette = std::process::Command::new("datasette")
        .arg(&db)
        .args([
            "--get",
            "/plans/sections.json?_search=ke+hoach&_shape=array",
        ])
        .output();
    match datasette {
        Ok(out) if out.status.success() => {
            let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert!(!rows.as_array().unwrap().is_empty(), "{rows}");
        }
        _ => eprintln!("SKIPPED: datasette is not installed (pip install datasette)"),
    }
}
