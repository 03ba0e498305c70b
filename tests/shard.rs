//! One batch on several machines: `--shard I/N` gives each input to exactly
//! one shard and keeps a district's plans together; a manifest lists inputs
//! with optional group keys; `index --merge` joins the shards' datasets
//! into the dataset one machine would have built.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

mod common;

fn vnplan() -> Command {
    Command::cargo_bin("vnplan").unwrap()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sources(args: &[&str]) -> Vec<String> {
    let out = vnplan()
        .arg("extract")
        .arg("-q")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["source"]["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn shards_read_each_input_once_and_keep_districts_together() {
    let families = root().join("fixtures/families/tinh_hoa_son");
    let corpus = root().join("corpus");
    let (f, c) = (families.to_str().unwrap(), corpus.to_str().unwrap());
    let all = sources(&[f, c]);
    let n = 3;
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut shard_of: BTreeMap<String, u32> = BTreeMap::new();
    for i in 0..n {
        for s in sources(&["--shard", &format!("{i}/{n}"), f, c]) {
            *seen.entry(s.clone()).or_default() += 1;
            shard_of.insert(s, i);
        }
    }
    assert_eq!(seen.keys().cloned().collect::<Vec<_>>(), {
        let mut v = all.clone();
        v.sort();
        v
    });
    assert!(seen.values().all(|&k| k == 1), "{seen:?}");
    // The plans of one district folder are in one shard.
    for district in ["huyen_tan_phong", "huyen_dong_linh", "huyen_phu_lam"] {
        let shards: BTreeSet<u32> = shard_of
            .iter()
            .filter(|(s, _)| s.contains(&format!("/{district}/")))
            .map(|(_, &i)| i)
            .collect();
        assert_eq!(shards.len(), 1, "{district}: {shards:?}");
    }
    // A shard that is not I/N with I < N is a usage error.
    let out = vnplan()
        .args(["extract", "--shard", "3/3", c])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 <= I < N"));
}

#[test]
fn a_manifest_lists_inputs_with_group_keys() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = root().join("corpus");
    let mut lines = vec!["# one path per line, a group after a tab".to_string()];
    let mut names: Vec<String> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for n in &names {
        // Text and PDF of one plan share a group.
        let stem = Path::new(n)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        lines.push(format!("{n}\t{stem}"));
    }
    lines.push("not_here.txt".into()); // relative to the manifest's folder
    let manifest = dir.path().join("inputs.tsv");
    std::fs::write(&manifest, lines.join("\n")).unwrap();
    let m = manifest.to_str().unwrap();
    let out = vnplan()
        .args(["extract", "-q", "--manifest", m])
        .output()
        .unwrap();
    // The missing file is an error record, not an abort.
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), names.len() + 1);
    let missing = lines
        .iter()
        .find(|v| {
            v["source"]["path"]
                .as_str()
                .unwrap()
                .ends_with("not_here.txt")
        })
        .unwrap();
    assert_eq!(missing["error"]["kind"], "io");
    // Both files of a plan land in the same shard.
    for i in 0..2 {
        let got = sources(&["--manifest", m, "--shard", &format!("{i}/2")]);
        let stems: BTreeMap<String, usize> = got.iter().fold(BTreeMap::new(), |mut acc, s| {
            *acc.entry(
                Path::new(s)
                    .file_stem()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
            )
            .or_default() += 1;
            acc
        });
        assert!(
            stems.iter().all(|(s, &k)| k == 2 || s == "not_here"),
            "{stems:?}"
        );
    }
}

#[test]
fn shard_datasets_merge_into_the_dataset_of_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let families = root().join("fixtures/families/tinh_hoa_son");
    let hostile = root().join("fixtures/hostile/zero.txt"); // an error record too
    let inputs = [families.to_str().unwrap(), hostile.to_str().unwrap()];
    let db = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let index = |extra: &[&str], target: &str| {
        let out = vnplan()
            .args(["index", "-q"])
            .args(extra)
            .args(["--db", target])
            .output()
            .unwrap();
        assert!(
            out.status.code().is_some_and(|c| c <= 1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    index(&inputs, &db("full.sqlite"));
    let mut shards = Vec::new();
    for i in 0..3 {
        let name = db(&format!("shard-{i}.sqlite"));
        let mut args = vec!["--shard".to_string(), format!("{i}/3")];
        args.extend(inputs.iter().map(|s| s.to_string()));
        index(&args.iter().map(String::as_str).collect::<Vec<_>>(), &name);
        shards.push(name);
    }
    let mut merge = vec!["--merge"];
    merge.extend(shards.iter().map(String::as_str));
    index(&merge, &db("merged.sqlite"));
    assert_eq!(
        common::content(Path::new(&db("merged.sqlite")), true),
        common::content(Path::new(&db("full.sqlite")), true)
    );
    // The merged dataset compares like the paths.
    let out = vnplan()
        .args([
            "compare",
            "-q",
            "--format",
            "json",
            "--db",
            &db("merged.sqlite"),
        ])
        .output()
        .unwrap();
    let c: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(c["summary"]["findings"], 17);
    assert_eq!(c["summary"]["unread"], 1);
    // Merging a dataset into itself is refused.
    let out = vnplan()
        .args([
            "index",
            "--merge",
            &db("merged.sqlite"),
            "--db",
            &db("merged.sqlite"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
