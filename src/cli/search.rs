//! `vnplan search QUERY --db FILE`: ranked sections (BM25). A query with
//! Vietnamese marks matches exactly (`năm` is not `Nam`); one without marks
//! finds the accented text (`ke hoach` finds `Kế hoạch`).

use super::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE};
use std::io::Write;
use std::path::PathBuf;
use vnplan_dataset::search::{self, Query};
use vnplan_dataset::DatasetError;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// An FTS5 query: words, "a phrase", prefix*, AND / OR / NOT.
    pub query: String,
    /// The dataset file (made by `vnplan index`).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// Issuer name contains TEXT.
    #[arg(long, value_name = "TEXT")]
    pub issuer: Option<String>,
    /// Issuer level: tinh, huyen, xa, thon, trung_uong.
    #[arg(long)]
    pub level: Option<String>,
    /// Document kind abbreviation: KH, QĐ, CV, BC, …
    #[arg(long)]
    pub kind: Option<String>,
    /// Documents dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Documents dated on or before DATE.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Documents that mention NTM criterion N (1–19).
    #[arg(long, value_name = "N")]
    pub criterion: Option<u32>,
    /// Documents that name a unit containing TEXT.
    #[arg(long, value_name = "TEXT")]
    pub unit: Option<String>,
    /// Sections of this kind only (muc_dich, to_chuc_thuc_hien, …).
    #[arg(long = "section-kind", value_name = "KIND")]
    pub section_kind: Option<String>,
    /// At most N hits.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// One JSON object per hit (for scripts).
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> i32 {
    let ds = match super::open_dataset(&args.db) {
        Ok(ds) => ds,
        Err(code) => return code,
    };
    // The query gets the normalisation the text got (NFC, one tone placement).
    let text = vnplan_engine::normalize::normalize_str(&args.query);
    // A date bound widens to cover the whole period it names.
    let to = args.to.map(|t| match t.len() {
        4 => format!("{t}-12-31"),
        7 => format!("{t}-31"),
        _ => t,
    });
    let query = Query {
        text,
        issuer: args.issuer,
        level: args.level,
        kind: args.kind,
        from: args.from,
        to,
        criterion: args.criterion,
        unit: args.unit,
        section_kind: args.section_kind,
        limit: args.limit,
    };
    let (route, hits) = match search::search(&ds, &query) {
        Ok(found) => found,
        Err(e @ DatasetError::Query(_)) => {
            eprintln!("vnplan: {e}");
            return EXIT_USAGE;
        }
        Err(e) => {
            eprintln!("vnplan: {e}");
            return EXIT_SOME_FAILED;
        }
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = (|| -> std::io::Result<()> {
        for hit in &hits {
            if args.json {
                serde_json::to_writer(&mut out, hit)?;
                writeln!(out)?;
            } else {
                let place = match (&hit.section, &hit.heading) {
                    (Some(p), Some(h)) if h.chars().count() > 60 => {
                        format!("{p} {}…", h.chars().take(60).collect::<String>())
                    }
                    (Some(p), Some(h)) => format!("{p} {h}"),
                    (Some(p), None) => p.clone(),
                    _ => hit.part.clone(),
                };
                let page = hit.page.map(|p| format!(" p.{p}")).unwrap_or_default();
                writeln!(out, "{}:{}{page}  [{place}]", hit.source, hit.line)?;
                writeln!(out, "    {}", hit.snippet)?;
            }
        }
        out.flush()
    })();
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return EXIT_OK,
        Err(e) => {
            eprintln!("vnplan: cannot write output: {e}");
            return EXIT_USAGE;
        }
    }
    if !args.json {
        let how = match route {
            search::Route::Exact => "as written (the query has marks)",
            search::Route::Folded => "without marks (the query has none)",
        };
        eprintln!("vnplan: {} hit(s), matched {how}", hits.len());
    }
    EXIT_OK
}
