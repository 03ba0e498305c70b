//! Whole-batch benchmark: throughput and peak memory of `vnplan extract`
//! on 1,000 and 10,000 files (copies of the bundled text plans), to show
//! that memory does not grow with the size of the batch; then `vnplan
//! index` over the same files (what the dataset costs beyond extraction),
//! the dataset's size, and search latency (median and p99).
//!
//! Run: `cargo bench --bench batch` (builds and runs the release binary;
//! about a minute on 2 cores). Set `VNPLAN_BENCH_SIZES=1000,10000` to
//! choose the batch sizes.

use std::path::{Path, PathBuf};
use std::time::Instant;

fn binary() -> PathBuf {
    let status = std::process::Command::new(env!("CARGO"))
        .args(["build", "--release", "--quiet", "--bin", "vnplan"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("cargo build");
    assert!(status.success());
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/vnplan")
}

/// Run the binary with `args` and return (seconds, peak RSS in KiB) of
/// that child alone.
fn measure(bin: &Path, args: &[&str]) -> (f64, i64) {
    let started = Instant::now();
    #[allow(clippy::zombie_processes)] // reaped by wait4 below, with its rusage
    let child = std::process::Command::new(bin)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn vnplan");
    let mut status = 0;
    // SAFETY: plain wait4(2) on our own child; rusage is zero-initialised.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe {
        libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage);
    }
    (started.elapsed().as_secs_f64(), usage.ru_maxrss)
}

fn main() {
    let sizes: Vec<usize> = std::env::var("VNPLAN_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000]);
    let bin = binary();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    println!(
        "{:>8} {:>9} {:>10} {:>12}",
        "files", "seconds", "docs/s", "peak RSS MiB"
    );
    for n in sizes {
        let dir = tempfile::tempdir().unwrap();
        let mut bytes = 0u64;
        for i in 0..n {
            let src = &texts[i % texts.len()];
            let dst = dir.path().join(format!(
                "{:05}_{}",
                i,
                src.file_name().unwrap().to_string_lossy()
            ));
            bytes += std::fs::copy(src, dst).unwrap();
        }
        let folder = dir.path().to_str().unwrap();
        let (secs, rss_kib) = measure(&bin, &["extract", "--no-isolate", folder]);
        println!(
            "{n:>8} {secs:>9.2} {:>10.0} {:>12.1}   extract ({:.1} MiB of text)",
            n as f64 / secs,
            rss_kib as f64 / 1024.0,
            bytes as f64 / 1048576.0
        );
        let db = tempfile::tempdir().unwrap();
        let db_path = db.path().join("plans.sqlite");
        let (isecs, irss) = measure(
            &bin,
            &[
                "index",
                "--no-isolate",
                "--quiet",
                folder,
                "--db",
                db_path.to_str().unwrap(),
            ],
        );
        let size = std::fs::metadata(&db_path).map(|m| m.len()).unwrap_or(0);
        println!(
            "{n:>8} {isecs:>9.2} {:>10.0} {:>12.1}   index: {:.2}× extract, dataset {:.1} MiB",
            n as f64 / isecs,
            irss as f64 / 1024.0,
            isecs / secs,
            size as f64 / 1048576.0
        );
        search_latency(&db_path);
    }
}

/// Median and p99 of in-process searches over the dataset, with and
/// without marks, with and without filters.
fn search_latency(db: &Path) {
    use vnplan_dataset::search::{search, Query};
    let ds = vnplan_dataset::Dataset::open_read_only(db).unwrap();
    let queries = [
        "ke hoach",
        "nông thôn mới",
        "\"nong thon moi\"",
        "duong giao thong",
        "tiêu chí",
        "bao cao*",
        "phối hợp",
        "ra quan OR le hoi",
        "năm",
        "moi truong NOT rac",
    ];
    let mut times = Vec::new();
    for round in 0..20 {
        for q in queries {
            let query = Query {
                text: q.to_string(),
                level: (round % 2 == 1).then(|| "xa".to_string()),
                limit: 20,
                ..Default::default()
            };
            let t = Instant::now();
            let _ = search(&ds, &query).unwrap();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let pick = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{:>8} search over {} queries: median {:.2} ms, p99 {:.2} ms",
        "",
        times.len(),
        pick(0.5),
        pick(0.99)
    );
}
