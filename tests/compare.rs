//! Cross-plan comparison: the invented families of `fixtures/families/`
//! against their gold findings (precision and recall printed, 100%
//! required), the consistent family that must give none, each false-alarm
//! trap beside a control that must raise its finding, the same findings
//! from paths and from a dataset, the outputs, and the HTML report loaded
//! in headless Chromium.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use vnplan_compare::{compare, Comparison, FindingKind};

fn vnplan() -> Command {
    Command::cargo_bin("vnplan").unwrap()
}

fn families() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/families")
}

/// `vnplan compare ARGS… --format json`, parsed.
fn compare_cli(args: &[&str]) -> Value {
    let mut all = vec!["compare"];
    all.extend_from_slice(args);
    all.extend(["-q", "--format", "json"]);
    serde_json::from_slice(&vnplan_ok(&all).stdout).unwrap()
}

/// (kind, child) of each finding, the child relative to `fixtures/families`.
fn found(c: &Value) -> BTreeSet<(String, String)> {
    let root = format!("{}/", families().display());
    c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let child = f["child"].as_str().unwrap();
            (
                f["kind"].as_str().unwrap().to_string(),
                child.strip_prefix(&root).unwrap_or(child).to_string(),
            )
        })
        .collect()
}

/// `vnplan ARGS…`, which must succeed.
fn vnplan_ok(args: &[&str]) -> std::process::Output {
    let run = vnplan().args(args).output().unwrap();
    assert!(
        run.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    run
}

/// `vnplan compare -q FOLDER -o OUT` (the format from OUT's extension).
fn compare_to(folder: &Path, out: &Path) {
    vnplan_ok(&[
        "compare",
        "-q",
        folder.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
}

fn gold() -> BTreeSet<(String, String)> {
    let g: Value =
        serde_json::from_str(&std::fs::read_to_string(families().join("gold.json")).unwrap())
            .unwrap();
    g["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap().to_string(),
                f["child"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn the_families() -> Value {
    let folder = families().join("tinh_hoa_son");
    compare_cli(&[folder.to_str().unwrap()])
}

#[test]
fn findings_match_the_gold_of_the_families() {
    let c = the_families();
    let (gold, got) = (gold(), found(&c));
    println!(
        "{:<26} {:>4} {:>4} {:>4}  precision  recall",
        "kind", "gold", "got", "ok"
    );
    let mut kinds: BTreeSet<&str> = FindingKind::ALL.iter().map(|k| k.as_str()).collect();
    kinds.extend(got.iter().map(|(k, _)| k.as_str()));
    for kind in kinds {
        let g: BTreeSet<_> = gold.iter().filter(|(k, _)| k == kind).collect();
        let f: BTreeSet<_> = got.iter().filter(|(k, _)| k == kind).collect();
        let ok = g.intersection(&f).count();
        let pct = |a: usize, b: usize| {
            if b == 0 {
                100.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        println!(
            "{kind:<26} {:>4} {:>4} {ok:>4}  {:>8.1}%  {:>5.1}%",
            g.len(),
            f.len(),
            pct(ok, f.len()),
            pct(ok, g.len())
        );
    }
    let ok = gold.intersection(&got).count();
    println!(
        "all: precision {ok}/{} recall {ok}/{}",
        got.len(),
        gold.len()
    );
    let missed: Vec<_> = gold.difference(&got).collect();
    let false_alarms: Vec<_> = got.difference(&gold).collect();
    assert!(
        missed.is_empty() && false_alarms.is_empty(),
        "missed {missed:?}\nfalse alarms {false_alarms:?}"
    );
    // Every finding quotes its child, and its parent when it has one.
    for f in c["findings"].as_array().unwrap() {
        assert!(!f["child_items"].as_array().unwrap().is_empty(), "{f}");
        assert!(
            !f["detail"]["vi"].as_str().unwrap().is_empty()
                && !f["detail"]["en"].as_str().unwrap().is_empty()
        );
        if !f["parent"].is_null() && f["kind"] != "missing_assignment" {
            assert!(!f["parent_items"].as_array().unwrap().is_empty(), "{f}");
        }
    }
}

#[test]
fn the_families_are_found_by_reference_across_three_levels() {
    let c = the_families();
    let fams = c["families"].as_array().unwrap();
    assert_eq!(fams.len(), 1, "{fams:?}");
    let members = fams[0]["members"].as_array().unwrap();
    // One province, three districts, eight communes.
    let levels: BTreeMap<String, usize> = members.iter().fold(BTreeMap::new(), |mut m, x| {
        *m.entry(x["level"].as_str().unwrap().to_string())
            .or_default() += 1;
        m
    });
    assert_eq!(
        levels,
        BTreeMap::from([("tinh".into(), 1), ("huyen".into(), 3), ("xa".into(), 8)])
    );
    assert!(fams[0]["root"].as_str().unwrap().ends_with("kh_tinh.txt"));
    // Each commune sits under the district of its own folder.
    for m in members.iter().filter(|m| m["level"] == "xa") {
        let (child, parent) = (m["source"].as_str().unwrap(), m["parent"].as_str().unwrap());
        assert_eq!(Path::new(child).parent(), Path::new(parent).parent(), "{m}");
    }
}

#[test]
fn the_consistent_family_gives_no_finding() {
    let c = the_families();
    let consistent: Vec<&Value> = c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["child"].as_str().unwrap().contains("/huyen_phu_lam/"))
        .collect();
    assert!(consistent.is_empty(), "{consistent:#?}");
    // …and it is compared: its communes' deadlines were matched to the district's.
    let matched = c["deadline_timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| {
            t["source"].as_str().unwrap().contains("/huyen_phu_lam/xa_") && !t["parent"].is_null()
        })
        .count();
    assert!(matched >= 3, "{matched}");
}

#[test]
fn findings_are_the_same_from_paths_and_from_a_dataset() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("plans.sqlite");
    let folder = families().join("tinh_hoa_son");
    vnplan_ok(&[
        "index",
        "-q",
        folder.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    let from_paths = the_families();
    let from_db = compare_cli(&["--db", db.to_str().unwrap()]);
    assert_eq!(from_paths["findings"], from_db["findings"]);
    assert_eq!(from_paths["families"], from_db["families"]);
    assert_eq!(from_paths["criteria_matrix"], from_db["criteria_matrix"]);
    assert_eq!(
        from_paths["deadline_timeline"],
        from_db["deadline_timeline"]
    );
    // A filter over `documents` narrows the set.
    let one_district = compare_cli(&[
        "--db",
        db.to_str().unwrap(),
        "--where",
        "source LIKE '%huyen_phu_lam%'",
    ]);
    assert_eq!(one_district["summary"]["documents"], 3);
    assert_eq!(one_district["summary"]["findings"], 0);
    // A filter without a dataset is a usage error.
    let folder_s = folder.to_str().unwrap();
    let out = vnplan()
        .args(["compare", "--where", "1", folder_s])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs --db"));
    // A filter that is not SQL is a usage error that says so.
    let out = vnplan()
        .args([
            "compare",
            "--db",
            db.to_str().unwrap(),
            "--where",
            "issuer LIKE",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid SQL"));
}

#[test]
fn csv_table_and_atomic_output() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = families().join("tinh_hoa_son");
    let csv = tmp.path().join("findings.csv");
    compare_to(&folder, &csv);
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut rows = csv_rows(&text);
    let header = rows.remove(0);
    assert_eq!(&header[..3], ["id", "kind", "severity"]);
    assert_eq!(rows.len(), gold().len());
    // No temporary file is left beside the output.
    let names: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    for table in ["criteria_matrix", "deadline_timeline", "links", "documents"] {
        let out = vnplan_ok(&[
            "compare",
            "-q",
            folder.to_str().unwrap(),
            "--format",
            "csv",
            "--table",
            table,
        ]);
        assert!(
            csv_rows(&String::from_utf8(out.stdout).unwrap()).len() > 3,
            "{table}"
        );
    }
    let out = vnplan_ok(&[
        "compare",
        "-q",
        folder.to_str().unwrap(),
        "--format",
        "table",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("deadline_after_parent")
            && text.contains("12 document(s), 1 family, 17 finding(s)"),
        "{text}"
    );
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::Reader::from_reader(text.as_bytes())
        .into_records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .fold(
            vec![csv::Reader::from_reader(text.as_bytes())
                .headers()
                .unwrap()
                .iter()
                .map(str::to_string)
                .collect()],
            |mut v, r| {
                v.push(r);
                v
            },
        )
}

// ---------------------------------------------------------------------------
// False alarms: each trap beside a control that differs in one value and
// must raise the finding (so the trap test cannot pass by finding nothing).

struct District<'a> {
    content: &'a str,
    assignments: &'a str,
}

fn district(d: &District<'_>) -> String {
    format!(
        "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN AN KHÊ                            Độc lập - Tự do - Hạnh phúc
Số: 52/KH-UBND                       An Khê, ngày 08 tháng 3 năm 2025

KẾ HOẠCH
Xây dựng nông thôn mới trên địa bàn huyện An Khê năm 2025

Căn cứ Kế hoạch số 45/KH-UBND ngày 10/02/2025 của UBND tỉnh Gia Sơn về xây dựng nông thôn mới năm 2025;
Ủy ban nhân dân huyện An Khê ban hành Kế hoạch xây dựng nông thôn mới năm 2025 như sau:

I. MỤC ĐÍCH, YÊU CẦU
Huy động các nguồn lực xây dựng nông thôn mới; phấn đấu xã Bình Minh đạt chuẩn nông thôn mới năm 2025.

II. NỘI DUNG
{}

III. TỔ CHỨC THỰC HIỆN
1. Phòng Nông nghiệp và Phát triển nông thôn
Chủ trì theo dõi, đôn đốc các xã thực hiện Kế hoạch; tổng hợp, báo cáo UBND huyện.
{}

Nơi nhận:                                      TM. ỦY BAN NHÂN DÂN
- UBND tỉnh (b/c);                                   KT. CHỦ TỊCH
- UBND các xã, thị trấn;                              PHÓ CHỦ TỊCH
- Lưu: VT, NN.

                                                    Trần Văn Hùng
",
        d.content, d.assignments
    )
}

fn commune(name: &str, cited_date: &str, content: &str, tasks: &str) -> String {
    let upper = name.to_uppercase();
    format!(
        "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ {upper}                            Độc lập - Tự do - Hạnh phúc
Số: 18/KH-UBND                    {name}, ngày 20 tháng 3 năm 2025

KẾ HOẠCH
Xây dựng nông thôn mới xã {name} năm 2025

Căn cứ Kế hoạch số 52/KH-UBND ngày {cited_date} của UBND huyện An Khê về xây dựng nông thôn mới năm 2025;
Ủy ban nhân dân xã {name} ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Phấn đấu đến cuối năm 2025 xã đạt chuẩn nông thôn mới.

II. NỘI DUNG
{content}

III. TỔ CHỨC THỰC HIỆN
1. Công chức Địa chính - Xây dựng
Chủ trì giám sát thi công các công trình giao thông.
{tasks}

Nơi nhận:                                      TM. ỦY BAN NHÂN DÂN
- UBND huyện (b/c);                                      CHỦ TỊCH
- Lưu: VT.

                                                    Lê Thị Hoa
"
    )
}

fn run(docs: &[(&str, String)]) -> Comparison {
    let records: Vec<_> = docs
        .iter()
        .map(|(name, text)| {
            vnplan_engine::process_bytes(name, text.as_bytes(), None, &Default::default()).unwrap()
        })
        .collect();
    compare(&records)
}

fn kinds(c: &Comparison) -> Vec<(&'static str, String)> {
    c.findings
        .iter()
        .map(|f| (f.kind.as_str(), f.child.clone()))
        .collect()
}

/// The trap (a district plan and a commune plan) gives no finding; the
/// control, the same commune plan with one value changed, gives exactly
/// `kind` about the commune. Returns the trap's comparison.
fn trap_then_control(
    parent: &District<'_>,
    trap: String,
    control: String,
    kind: &str,
) -> Comparison {
    let t = run(&[("huyen.txt", district(parent)), ("xa.txt", trap)]);
    assert_eq!(kinds(&t), vec![], "the trap raised a finding");
    let c = run(&[("huyen.txt", district(parent)), ("xa.txt", control)]);
    let want: Vec<(&str, String)> = vec![(kind, "xa.txt".into())];
    assert_eq!(kinds(&c), want, "the control");
    t
}

const PLAIN: District<'static> = District {
    content: "1. Kết quả\nĐã triển khai các nội dung.",
    assignments: "",
};

#[test]
fn the_same_date_written_two_ways_is_one_date() {
    let trap = trap_then_control(
        &PLAIN,
        commune("Bình Minh", "08 tháng 3 năm 2025", "", ""),
        commune("Bình Minh", "09/3/2025", "", ""),
        "reference_mismatch",
    );
    assert_eq!(trap.families.len(), 1);
}

#[test]
fn a_child_deadline_equal_to_or_earlier_than_the_parents_is_no_finding() {
    let parent = District {
        content: PLAIN.content,
        assignments: "2. UBND các xã, thị trấn\n- Báo cáo kết quả thực hiện Kế hoạch năm 2025 về UBND huyện (qua Phòng Nông nghiệp và PTNT) trước ngày 05/12/2025.",
    };
    let child = |due: &str| {
        commune(
            "Bình Minh",
            "08/3/2025",
            "",
            &format!("2. Văn phòng - Thống kê\nTổng hợp, báo cáo kết quả thực hiện Kế hoạch năm 2025 về UBND huyện (qua Phòng Nông nghiệp và PTNT) trước ngày {due}."),
        )
    };
    for due in ["05/12/2025", "30/11/2025"] {
        let trap = run(&[("huyen.txt", district(&parent)), ("xa.txt", child(due))]);
        assert_eq!(kinds(&trap), vec![], "{due}");
        assert_eq!(
            trap.deadline_timeline
                .iter()
                .filter(|t| t.parent.is_some())
                .count(),
            1,
            "{due}"
        );
    }
    let control = run(&[
        ("huyen.txt", district(&parent)),
        ("xa.txt", child("10/12/2025")),
    ]);
    assert_eq!(
        kinds(&control),
        vec![("deadline_after_parent", "xa.txt".into())]
    );
}

#[test]
fn a_parents_deadline_for_its_own_report_upward_does_not_bind_the_child() {
    let own = District {
        content: PLAIN.content,
        assignments: "2. UBND huyện An Khê\n- Báo cáo kết quả thực hiện 6 tháng đầu năm 2025 về UBND tỉnh trước ngày 20/6/2025.",
    };
    let to_communes = District {
        content: PLAIN.content,
        assignments: "2. UBND các xã, thị trấn\n- Báo cáo kết quả thực hiện 6 tháng đầu năm 2025 về UBND huyện trước ngày 20/6/2025.",
    };
    let child = commune(
        "Bình Minh",
        "08/3/2025",
        "",
        "2. Văn phòng - Thống kê\nBáo cáo kết quả thực hiện 6 tháng đầu năm 2025 về UBND huyện trước ngày 25/6/2025.",
    );
    let trap = run(&[("huyen.txt", district(&own)), ("xa.txt", child.clone())]);
    assert_eq!(kinds(&trap), vec![]);
    let control = run(&[("huyen.txt", district(&to_communes)), ("xa.txt", child)]);
    assert_eq!(
        kinds(&control),
        vec![("deadline_after_parent", "xa.txt".into())]
    );
}

#[test]
fn current_counts_beside_target_counts_are_no_conflict() {
    let parent = District {
        content: "1. Kết quả đến nay\n- Xã Bình Minh: đạt 17/19 tiêu chí.",
        assignments: "",
    };
    let child = |now: &str| {
        commune(
            "Bình Minh",
            "08/3/2025",
            &format!("1. Thực trạng\nĐến nay, xã đã đạt {now}/19 tiêu chí; phấn đấu đạt 19/19 tiêu chí trong năm 2025."),
            "",
        )
    };
    let trap = trap_then_control(
        &parent,
        child("17"),
        child("16"),
        "criteria_status_conflict",
    );
    assert_eq!(trap.criteria_matrix.rows.len(), 1);
}

#[test]
fn a_lunar_date_in_brackets_is_the_same_day() {
    let parent = District {
        content: "1. Lễ ra quân\nTổ chức Lễ ra quân xây dựng nông thôn mới đồng loạt tại các xã vào ngày 15/02/2025.",
        assignments: "",
    };
    let child = |day: &str| {
        commune(
            "Bình Minh",
            "08/3/2025",
            &format!("1. Lễ ra quân\nTổ chức Lễ ra quân xây dựng nông thôn mới vào ngày {day} (tức ngày 18 tháng Giêng năm Ất Tỵ) tại thôn Đồng Tâm."),
            "",
        )
    };
    trap_then_control(
        &parent,
        child("15/02/2025"),
        child("16/02/2025"),
        "event_date_mismatch",
    );
}

#[test]
fn a_reworded_task_is_present_and_a_commune_without_a_plan_is_not_missing_it() {
    let parent = District {
        content: PLAIN.content,
        assignments: "2. UBND xã Bình Minh\n- Nâng cấp, mở rộng tuyến đường liên thôn Đồng Tâm – Hợp Thành, hoàn thành trước ngày 30/9/2025.\n3. UBND xã Tiến Hóa\n- Xây dựng chợ nông thôn xã Tiến Hóa, hoàn thành trước ngày 30/11/2025.",
    };
    let reworded = commune(
        "Bình Minh",
        "08/3/2025",
        "1. Giao thông\nTriển khai mở rộng, nâng cấp đường liên thôn Đồng Tâm - Hợp Thành, hoàn thành trước ngày 30/9/2025.",
        "",
    );
    // xã Tiến Hóa is given a task but has no plan in the set.
    let trap = run(&[("huyen.txt", district(&parent)), ("xa.txt", reworded)]);
    assert_eq!(kinds(&trap), vec![]);
    let silent = commune(
        "Bình Minh",
        "08/3/2025",
        "1. Giao thông\nDuy tu các tuyến đường nội thôn.",
        "",
    );
    let control = run(&[("huyen.txt", district(&parent)), ("xa.txt", silent)]);
    assert_eq!(
        kinds(&control),
        vec![("missing_assignment", "xa.txt".into())]
    );
    // With a plan of xã Tiến Hóa that says nothing of its market, it is missing.
    let tien_hoa = commune(
        "Tiến Hóa",
        "08/3/2025",
        "1. Giao thông\nDuy tu các tuyến đường nội thôn.",
        "",
    );
    let c = run(&[("huyen.txt", district(&parent)), ("tien_hoa.txt", tien_hoa)]);
    assert_eq!(
        kinds(&c),
        vec![("missing_assignment", "tien_hoa.txt".into())]
    );
}

#[test]
fn citations_of_bodies_outside_the_set_are_information_only() {
    let c = run(&[
        ("huyen.txt", district(&PLAIN)),
        ("xa.txt", commune("Bình Minh", "08/3/2025", "", "")),
    ]);
    assert!(c.findings.is_empty());
    let external: Vec<_> = c
        .links
        .iter()
        .filter(|l| l.status == vnplan_compare::LinkStatus::External)
        .collect();
    assert_eq!(external.len(), 1, "{:?}", c.links);
    assert!(external[0].text.contains("45/KH-UBND"));
}

// ---------------------------------------------------------------------------
// The HTML report in a real browser.

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH")?
                .to_str()?
                .split(':')
                .map(|d| Path::new(d).join(name))
                .find(|p| p.is_file())
        })
}

#[test]
fn the_html_report_renders_in_headless_chromium() {
    let tmp = tempfile::tempdir().unwrap();
    let html = tmp.path().join("report.html");
    let folder = families().join("tinh_hoa_son");
    compare_to(&folder, &html);
    let page = std::fs::read_to_string(&html).unwrap();
    // Self-contained: nothing is fetched from anywhere.
    for needle in [
        "src=\"http",
        "href=\"http",
        "src='http",
        "@import",
        "url(http",
    ] {
        assert!(!page.contains(needle), "{needle}");
    }
    let c = the_families();
    let findings = c["findings"].as_array().unwrap().len();
    let cells: usize = c["criteria_matrix"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["cells"].as_array().unwrap().len())
        .sum();
    let Some(browser) = chromium() else {
        println!("SKIPPED: no chromium on PATH (CI installs Debian's `chromium`); the page was written but not rendered");
        return;
    };
    let profile = tmp.path().join("profile");
    let run = std::process::Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--enable-logging=stderr",
            "--v=0",
            &format!("--user-data-dir={}", profile.display()),
            "--virtual-time-budget=2000",
            "--dump-dom",
            &format!("file://{}", html.display()),
        ])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let dom = String::from_utf8_lossy(&run.stdout);
    let log = String::from_utf8_lossy(&run.stderr);
    let console_errors: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("CONSOLE") && (l.contains("Uncaught") || l.contains("Error")))
        .collect();
    assert!(console_errors.is_empty(), "{console_errors:#?}");
    assert_eq!(
        dom.matches("<tr class=\"finding").count(),
        findings,
        "finding rows"
    );
    assert_eq!(
        dom.matches("<td class=\"cell ").count(),
        cells,
        "matrix cells"
    );
    // The script ran: it wrote the count of shown findings.
    assert!(
        dom.contains(&format!("{findings} / {findings}")),
        "the script did not run"
    );
    assert!(dom.contains("<svg id=\"timeline-chart\""));
}

#[test]
fn the_comparison_validates_against_its_schema() {
    let schema = vnplan_compare::json_schema();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let c = the_families();
    let errors: Vec<String> = validator
        .iter_errors(&c)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(c["schema"], "vnplan.compare/1");
    // `vnplan schema --compare` prints the same schema.
    let out = vnplan().args(["schema", "--compare"]).output().unwrap();
    let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed, schema);
}

#[test]
fn a_dataset_of_schema_1_is_refused_by_compare_then_upgraded_by_index() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("old.sqlite");
    let folder = families().join("tinh_hoa_son");
    let index = || {
        vnplan()
            .args([
                "index",
                "-q",
                folder.to_str().unwrap(),
                "--db",
                db.to_str().unwrap(),
            ])
            .output()
            .unwrap()
    };
    assert!(index().status.success());
    // Make it what vnplan 0.2 before the records table wrote.
    {
        let conn = vnplan_dataset::rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "DROP TABLE records; UPDATE meta SET value = '1' WHERE key = 'schema_version';",
        )
        .unwrap();
    }
    let out = vnplan()
        .args(["compare", "--db", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("older vnplan") && stderr.contains("vnplan index"),
        "{stderr}"
    );
    // `index` over the same files upgrades it and rewrites every document.
    assert!(index().status.success());
    let from_db = compare_cli(&["--db", db.to_str().unwrap()]);
    assert_eq!(from_db["findings"], the_families()["findings"]);
}

#[test]
fn without_a_citation_a_plan_is_placed_by_assignment_then_by_place() {
    let basis = "Căn cứ Kế hoạch số 52/KH-UBND ngày 08/3/2025 của UBND huyện An Khê về xây dựng nông thôn mới năm 2025;";
    let uncited = |name: &str, basis_line: &str| {
        commune(name, "08/3/2025", "", "").replace(basis, basis_line)
    };
    let parent = District {
        content: PLAIN.content,
        assignments:
            "2. UBND xã Bình Minh\n- Duy tu các tuyến đường giao thông nông thôn trên địa bàn xã.",
    };
    let c = run(&[
        ("huyen.txt", district(&parent)),
        // Named by the district as a unit given work.
        (
            "binh_minh.txt",
            uncited("Bình Minh", "Căn cứ tình hình thực tế của địa phương;"),
        ),
        // Neither cited nor named: it says which district it is in.
        (
            "hoa_an.txt",
            uncited(
                "Hòa An",
                "Căn cứ tình hình thực tế của xã Hòa An, huyện An Khê;",
            ),
        ),
        // Says nothing of any district: stays alone.
        (
            "tan_son.txt",
            uncited("Tân Sơn", "Căn cứ tình hình thực tế của địa phương;"),
        ),
    ]);
    let via: BTreeMap<&str, vnplan_compare::Via> = c
        .families
        .iter()
        .flat_map(|f| f.members.iter().map(|m| (m.source.as_str(), m.via)))
        .collect();
    assert_eq!(
        via.get("binh_minh.txt"),
        Some(&vnplan_compare::Via::Assignment),
        "{via:?}"
    );
    assert_eq!(
        via.get("hoa_an.txt"),
        Some(&vnplan_compare::Via::Place),
        "{via:?}"
    );
    assert_eq!(via.get("tan_son.txt"), None, "{via:?}");
    assert!(c
        .documents
        .iter()
        .find(|d| d.source == "tan_son.txt")
        .unwrap()
        .parent
        .is_none());
}

#[test]
fn an_input_without_a_record_is_listed_and_the_comparison_goes_on() {
    let folder = families().join("tinh_hoa_son");
    let empty = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/hostile/zero.txt");
    let out = vnplan()
        .args([
            "compare",
            "-q",
            "--format",
            "json",
            folder.to_str().unwrap(),
            empty.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "some input failed");
    let c: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(c["summary"]["unread"], 1);
    assert_eq!(c["unread"][0]["kind"], "empty");
    assert!(c["unread"][0]["source"]
        .as_str()
        .unwrap()
        .ends_with("zero.txt"));
    assert_eq!(found(&c), gold());
    let html = vnplan()
        .args([
            "compare",
            "-q",
            "--format",
            "html",
            folder.to_str().unwrap(),
            empty.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&html.stdout).contains("không đọc được"));
}
