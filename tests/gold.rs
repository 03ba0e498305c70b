//! Accuracy against hand-checked gold: every corpus document has
//! `fixtures/gold/<file>.json`. For each field the test prints precision
//! and recall over the whole corpus (items are compared as multisets of
//! keys, so order and position do not matter) and fails when a field that
//! the extractor delivers falls below 100%.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// Fields that must match gold exactly on the corpus.
const REQUIRED: &[&str] = &[
    "document.kind",
    "document.kind_name",
    "document.number",
    "document.symbol",
    "document.issuer",
    "document.issuer_level",
    "document.place",
    "document.date",
    "document.title",
    "document.signer",
    "document.recipients",
    "references",
    "sections",
    "dates",
    "dates.role",
    "deadlines",
    "criteria",
    "criteria_counts",
    "targets",
    "assignments",
    "units",
];

#[derive(Default, Clone, Copy)]
struct Score {
    tp: usize,
    pred: usize,
    gold: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        if self.pred == 0 {
            1.0
        } else {
            self.tp as f64 / self.pred as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.tp as f64 / self.gold as f64
        }
    }
}

fn key(v: &Value, fields: &[&str]) -> String {
    fields
        .iter()
        .map(|f| {
            let x = v.get(*f).cloned().unwrap_or(Value::Null);
            match (f, &x) {
                // Tasks are compared by their first 40 characters.
                (&"task", Value::String(s)) => s.chars().take(40).collect::<String>(),
                (_, Value::Number(n)) => format!("{}", n.as_f64().unwrap_or(f64::NAN)),
                _ => x.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Multiset comparison of two lists by key; returns the score and the
/// differences for the report.
fn compare_lists(
    pred: &[Value],
    gold: &[Value],
    fields: &[&str],
) -> (Score, Vec<String>, Vec<String>) {
    let mut pool: BTreeMap<String, usize> = BTreeMap::new();
    for g in gold {
        *pool.entry(key(g, fields)).or_default() += 1;
    }
    let mut tp = 0;
    let mut extra = Vec::new();
    for p in pred {
        let k = key(p, fields);
        match pool.get_mut(&k) {
            Some(n) if *n > 0 => {
                *n -= 1;
                tp += 1;
            }
            _ => extra.push(k),
        }
    }
    let missing: Vec<String> = pool
        .into_iter()
        .flat_map(|(k, n)| std::iter::repeat_n(k, n))
        .collect();
    (
        Score {
            tp,
            pred: pred.len(),
            gold: gold.len(),
        },
        extra,
        missing,
    )
}

fn as_list(v: Option<&Value>) -> Vec<Value> {
    v.and_then(Value::as_array).cloned().unwrap_or_default()
}

fn strings(v: Option<&Value>) -> Vec<Value> {
    as_list(v)
        .into_iter()
        .map(|s| serde_json::json!({ "s": s }))
        .collect()
}

#[test]
fn corpus_matches_gold() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let gold_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/gold");
    let mut files: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut totals: BTreeMap<&'static str, Score> = BTreeMap::new();
    let mut diffs: Vec<String> = Vec::new();
    let mut checked = 0;
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let gold_path = gold_dir.join(format!("{name}.json"));
        let gold: Value = serde_json::from_str(
            &std::fs::read_to_string(&gold_path)
                .unwrap_or_else(|_| panic!("missing gold {}", gold_path.display())),
        )
        .unwrap();
        let bytes = std::fs::read(path).unwrap();
        let record =
            vnplan_engine::process_bytes(&name, &bytes, None, &vnplan_engine::Options::default())
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        let pred = serde_json::to_value(&record).unwrap();
        checked += 1;

        let mut add = |field: &'static str, s: Score, extra: Vec<String>, missing: Vec<String>| {
            let t = totals.entry(field).or_default();
            t.tp += s.tp;
            t.pred += s.pred;
            t.gold += s.gold;
            for e in extra {
                diffs.push(format!("{name} {field}: unexpected {e}"));
            }
            for m in missing {
                diffs.push(format!("{name} {field}: missing {m}"));
            }
        };

        // Scalar document fields: one item each when not null.
        let gd = &gold["document"];
        let pd = &pred["document"];
        for (field, f) in [
            ("document.kind", "kind"),
            ("document.kind_name", "kind_name"),
            ("document.number", "number"),
            ("document.symbol", "symbol"),
            ("document.issuer", "issuer"),
            ("document.issuer_level", "issuer_level"),
            ("document.place", "place"),
            ("document.date", "date"),
            ("document.title", "title"),
        ] {
            let wrap = |v: &Value| {
                if v.get(f).is_some_and(|x| !x.is_null()) {
                    vec![serde_json::json!({ "v": v[f] })]
                } else {
                    vec![]
                }
            };
            let (s, e, m) = compare_lists(&wrap(pd), &wrap(gd), &["v"]);
            add(field, s, e, m);
        }
        let signer_fields = ["name", "position", "authority", "on_behalf_of", "signs_for"];
        let sg: Vec<Value> = gd
            .get("signer")
            .filter(|v| !v.is_null())
            .into_iter()
            .cloned()
            .collect();
        let sp: Vec<Value> = pd
            .get("signer")
            .filter(|v| !v.is_null())
            .into_iter()
            .cloned()
            .collect();
        let (s, e, m) = compare_lists(&sp, &sg, &signer_fields);
        add("document.signer", s, e, m);
        let (s, e, m) = compare_lists(
            &strings(pd.get("recipients")),
            &strings(gd.get("recipients")),
            &["s"],
        );
        add("document.recipients", s, e, m);

        for (field, list, keys) in [
            (
                "references",
                "references",
                &["kind", "number", "date", "issuer"][..],
            ),
            (
                "sections",
                "sections",
                &["path", "marker", "heading", "kind"][..],
            ),
            ("dates", "dates", &["kind", "value"][..]),
            ("dates.role", "dates", &["kind", "value", "role"][..]),
            ("deadlines", "deadlines", &["due", "relation", "task"][..]),
            (
                "criteria",
                "criteria",
                &["number", "indicator", "status"][..],
            ),
            (
                "criteria_counts",
                "criteria_counts",
                &["achieved", "total"][..],
            ),
            ("targets", "targets", &["quantity", "unit"][..]),
            ("assignments", "assignments", &["unit", "role"][..]),
        ] {
            let (s, e, m) = compare_lists(&as_list(pred.get(list)), &as_list(gold.get(list)), keys);
            add(field, s, e, m);
        }
        // Units: gold lists canonical names; the record has objects.
        let pu: Vec<Value> = as_list(pred.get("units"))
            .into_iter()
            .map(|u| serde_json::json!({ "s": u["canonical"] }))
            .collect::<Vec<_>>();
        let mut seen = std::collections::BTreeSet::new();
        let pu: Vec<Value> = pu
            .into_iter()
            .filter(|u| seen.insert(u.to_string()))
            .collect();
        let (s, e, m) = compare_lists(&pu, &strings(gold.get("units")), &["s"]);
        add("units", s, e, m);
    }
    assert!(
        checked >= 10,
        "expected at least ten corpus documents, found {checked}"
    );

    println!(
        "\n{:<22} {:>6} {:>6} {:>6} {:>9} {:>9}  required",
        "field", "tp", "pred", "gold", "precision", "recall"
    );
    let mut failed = Vec::new();
    for (field, s) in &totals {
        let required = REQUIRED.contains(field);
        println!(
            "{:<22} {:>6} {:>6} {:>6} {:>8.1}% {:>8.1}%  {}",
            field,
            s.tp,
            s.pred,
            s.gold,
            100.0 * s.precision(),
            100.0 * s.recall(),
            if required { "yes" } else { "not yet" }
        );
        if required && (s.tp != s.pred || s.tp != s.gold) {
            failed.push(*field);
        }
    }
    let relevant: Vec<&String> = diffs
        .iter()
        .filter(|d| {
            failed
                .iter()
                .any(|f| d.split(" ").nth(1) == Some(format!("{f}:").as_str()))
        })
        .collect();
    for d in relevant.iter().take(400) {
        println!("  {d}");
    }
    assert!(
        failed.is_empty(),
        "fields below 100% on the corpus: {failed:?}"
    );
}
