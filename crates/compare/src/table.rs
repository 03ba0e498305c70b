//! The comparison as CSV (one table at a time, one row per finding, link,
//! document, matrix entry or deadline) and as a plain-text table of the
//! findings for a terminal.

use crate::model::Comparison;
use std::io::{self, Write};

/// The tables `--format csv` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvTable {
    Findings,
    Links,
    Documents,
    CriteriaMatrix,
    DeadlineTimeline,
}

impl CsvTable {
    pub const ALL: &'static [(&'static str, CsvTable)] = &[
        ("findings", CsvTable::Findings),
        ("links", CsvTable::Links),
        ("documents", CsvTable::Documents),
        ("criteria_matrix", CsvTable::CriteriaMatrix),
        ("deadline_timeline", CsvTable::DeadlineTimeline),
    ];
}

fn csv_err(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Writes one table as CSV with a header row.
///
/// ```
/// use vnplan_compare::{compare, table::{write_csv, CsvTable}};
/// let mut out = Vec::new();
/// write_csv(&compare(&[]), CsvTable::Findings, &mut out).unwrap();
/// assert!(String::from_utf8(out).unwrap().starts_with("id,kind,severity,child,parent"));
/// ```
pub fn write_csv(c: &Comparison, table: CsvTable, out: impl Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    match table {
        CsvTable::Findings => {
            w.write_record([
                "id",
                "kind",
                "severity",
                "child",
                "parent",
                "subject",
                "child_line",
                "child_text",
                "child_value",
                "parent_line",
                "parent_text",
                "parent_value",
                "detail_vi",
                "detail_en",
            ])
            .map_err(csv_err)?;
            for f in &c.findings {
                let side = |items: &[crate::model::Evidence]| match items.first() {
                    Some(e) => (e.line.to_string(), e.text.clone(), opt(&e.value)),
                    None => Default::default(),
                };
                let (cl, ct, cv) = side(&f.child_items);
                let (pl, pt, pv) = side(&f.parent_items);
                w.write_record([
                    f.id.as_str(),
                    f.kind.as_str(),
                    f.severity.as_str(),
                    &f.child,
                    &opt(&f.parent),
                    &opt(&f.subject),
                    &cl,
                    &ct,
                    &cv,
                    &pl,
                    &pt,
                    &pv,
                    &f.detail.vi,
                    &f.detail.en,
                ])
                .map_err(csv_err)?;
            }
        }
        CsvTable::Links => {
            w.write_record(["from", "to", "status", "reference", "line", "text"])
                .map_err(csv_err)?;
            for l in &c.links {
                w.write_record([
                    l.from.as_str(),
                    &opt(&l.to),
                    crate::status_name(l.status),
                    &l.reference,
                    &l.line.to_string(),
                    &l.text,
                ])
                .map_err(csv_err)?;
            }
        }
        CsvTable::Documents => {
            w.write_record([
                "source", "kind", "number", "date", "issuer", "level", "place", "title", "period",
                "parent", "family",
            ])
            .map_err(csv_err)?;
            for d in &c.documents {
                w.write_record([
                    d.source.as_str(),
                    &opt(&d.kind),
                    &opt(&d.number),
                    &opt(&d.date),
                    &opt(&d.issuer),
                    d.level.map(|l| l.as_str()).unwrap_or(""),
                    &opt(&d.place),
                    &opt(&d.title),
                    &d.period
                        .map(|[a, b]| format!("{a}/{b}"))
                        .unwrap_or_default(),
                    &opt(&d.parent),
                    &d.family.map(|f| f.to_string()).unwrap_or_default(),
                ])
                .map_err(csv_err)?;
            }
        }
        CsvTable::CriteriaMatrix => {
            w.write_record([
                "commune",
                "district",
                "criterion",
                "source",
                "status",
                "line",
                "conflict",
            ])
            .map_err(csv_err)?;
            for r in &c.criteria_matrix.rows {
                for k in &r.counts {
                    let value = match k.total {
                        Some(t) => format!("{}/{t}", k.achieved),
                        None => k.achieved.to_string(),
                    };
                    w.write_record([
                        r.commune.as_str(),
                        &opt(&r.district),
                        "count",
                        &k.source,
                        format!("{value} {}", opt(&k.status)).trim(),
                        &k.line.to_string(),
                        "",
                    ])
                    .map_err(csv_err)?;
                }
                for cell in &r.cells {
                    for e in &cell.entries {
                        w.write_record([
                            r.commune.as_str(),
                            &opt(&r.district),
                            &cell.criterion.to_string(),
                            &e.source,
                            &e.status,
                            &e.line.to_string(),
                            if cell.conflict { "true" } else { "false" },
                        ])
                        .map_err(csv_err)?;
                    }
                }
            }
        }
        CsvTable::DeadlineTimeline => {
            w.write_record([
                "unit",
                "due",
                "last_day",
                "task",
                "source",
                "level",
                "line",
                "parent_source",
                "parent_due",
                "later_than_parent",
            ])
            .map_err(csv_err)?;
            for t in &c.deadline_timeline {
                w.write_record([
                    opt(&t.unit).as_str(),
                    &t.due,
                    &opt(&t.last_day),
                    &t.task,
                    &t.source,
                    t.level.map(|l| l.as_str()).unwrap_or(""),
                    &t.line.to_string(),
                    &t.parent
                        .as_ref()
                        .map(|p| p.source.clone())
                        .unwrap_or_default(),
                    &t.parent.as_ref().map(|p| p.due.clone()).unwrap_or_default(),
                    match &t.parent {
                        Some(p) if p.later => "true",
                        Some(_) => "false",
                        None => "",
                    },
                ])
                .map_err(csv_err)?;
            }
        }
    }
    w.flush()
}

/// The findings as aligned text, then the summary line.
pub fn write_text(c: &Comparison, mut out: impl Write) -> io::Result<()> {
    let short = |s: &str, n: usize| -> String {
        if s.chars().count() <= n {
            s.to_string()
        } else {
            format!("{}…", s.chars().take(n - 1).collect::<String>())
        }
    };
    let name = |s: &str| s.rsplit('/').next().unwrap_or(s).to_string();
    writeln!(
        out,
        "{:<6} {:<25} {:<7} {:<28} {:<28} DETAIL",
        "ID", "KIND", "SEV", "CHILD", "PARENT"
    )?;
    for f in &c.findings {
        writeln!(
            out,
            "{:<6} {:<25} {:<7} {:<28} {:<28} {}",
            f.id,
            f.kind.as_str(),
            f.severity.as_str(),
            short(&name(&f.child), 28),
            short(
                &f.parent.as_deref().map(name).unwrap_or_else(|| "-".into()),
                28
            ),
            f.detail.en
        )?;
    }
    for u in &c.unread {
        writeln!(out, "not read: {} ({}): {}", u.source, u.kind, u.message)?;
    }
    writeln!(
        out,
        "{} document(s), {} famil{}, {} finding(s)",
        c.summary.documents,
        c.summary.families,
        if c.summary.families == 1 { "y" } else { "ies" },
        c.summary.findings
    )
}
