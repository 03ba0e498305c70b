//! Table-driven test of the date extractor: `fixtures/dates.tsv` holds
//! real plan phrasings with the expected kinds and values (or NONE).

use vnplan_engine::extract::dates::{extract_paragraph, DateContext};
use vnplan_engine::normalize::normalize_str;

fn unescape(s: &str) -> String {
    s.replace("\\n", "\n").replace("\\u00a0", "\u{00a0}")
}

#[test]
fn dates_table() {
    let table = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/dates.tsv"))
        .unwrap();
    let mut cases = 0;
    let mut failures = Vec::new();
    for (n, line) in table.lines().enumerate().skip(1) {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "line {}: expected 3 columns", n + 1);
        let (input, doc_date, expect) = (unescape(cols[0]), cols[1], cols[2].trim());
        let year = (doc_date != "-").then(|| doc_date[..4].parse::<i32>().unwrap());
        // The extractor sees normalised paragraphs, as in the pipeline.
        let text = normalize_str(&input).replace('\n', " ");
        let date = chrono::NaiveDate::parse_from_str(doc_date, "%Y-%m-%d").ok();
        let got: Vec<String> = extract_paragraph(&text, 0, &DateContext { year, date })
            .into_iter()
            .map(|h| format!("{}={}", h.kind, h.value))
            .collect();
        let got = if got.is_empty() {
            "NONE".to_string()
        } else {
            got.join(" ;; ")
        };
        cases += 1;
        if got != expect {
            failures.push(format!(
                "line {}: {input:?}\n    expected {expect}\n    got      {got}",
                n + 1
            ));
        }
    }
    let passed = cases - failures.len();
    println!(
        "dates.tsv: {passed}/{cases} cases pass ({:.1}%)",
        100.0 * passed as f64 / cases as f64
    );
    for f in &failures {
        println!("{f}");
    }
    assert!(cases >= 200, "the table must hold at least 200 cases");
    assert!(
        failures.is_empty(),
        "{} of {cases} date cases fail",
        failures.len()
    );
}
