//! The comparison as one self-contained HTML file for an official who
//! never used a command line: the summary, the family tree, the findings
//! (sortable, filterable by kind and commune, each opening the quoted
//! passages of both plans side by side with the differing values marked),
//! the criteria matrix as a heat map and the deadline timeline as a chart.
//! Everything is inline (CSS, JS, SVG); nothing is loaded from anywhere.
//! The page is rendered here, so it reads without scripts; the script only
//! sorts, filters and opens rows. Vietnamese labels first, English beside.

use crate::model::{Comparison, Evidence, Finding, FindingKind, Via};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// Escapes text for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Renders the report.
///
/// ```
/// use vnplan_compare::{compare, report::render};
/// let html = render(&compare(&[]), "Đối chiếu");
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(!html.contains("http://") && !html.contains("https://"));
/// ```
pub fn render(c: &Comparison, title: &str) -> String {
    let mut h = String::with_capacity(64 * 1024);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
        esc(title),
        CSS
    );
    let _ = write!(
        h,
        "<header><h1>{} <span class=\"en\">Plan comparison report</span></h1>\
         <p class=\"sub\">Đối chiếu kế hoạch cấp dưới với cấp trên <span class=\"en\">— do lower-level plans agree with their parents?</span></p></header>\n<main>\n",
        esc(title)
    );
    summary(&mut h, c);
    families(&mut h, c);
    findings(&mut h, c);
    matrix(&mut h, c);
    timeline(&mut h, c);
    h.push_str("</main>\n<script>");
    h.push_str(JS);
    h.push_str("</script>\n</body>\n</html>\n");
    h
}

fn summary(h: &mut String, c: &Comparison) {
    let s = &c.summary;
    let _ = write!(
        h,
        "<section id=\"summary\"><h2>Tổng quan <span class=\"en\">Summary</span></h2><div class=\"cards\">\
         <div class=\"card\"><b id=\"n-documents\">{}</b>Văn bản <span class=\"en\">documents</span></div>\
         <div class=\"card\"><b id=\"n-families\">{}</b>Nhóm kế hoạch <span class=\"en\">families</span></div>\
         <div class=\"card\"><b id=\"n-findings\">{}</b>Phát hiện <span class=\"en\">findings</span></div>\
         <div class=\"card\"><b>{}</b>Trích dẫn khớp <span class=\"en\">resolved citations</span></div></div>",
        s.documents,
        s.families,
        s.findings,
        s.links.get("resolved").copied().unwrap_or(0)
    );
    if !c.unread.is_empty() {
        let _ = write!(
            h,
            "<details class=\"unread\"><summary>{} văn bản không đọc được, không được đối chiếu <span class=\"en\">input(s) could not be read and were not compared</span></summary><ul>",
            c.unread.len()
        );
        for u in &c.unread {
            let _ = write!(
                h,
                "<li><b>{}</b> <span class=\"muted\">{}</span> — {}</li>",
                esc(&u.source),
                esc(&u.kind),
                esc(&u.message)
            );
        }
        h.push_str("</ul></details>");
    }
    h.push_str("<table class=\"kinds\"><thead><tr><th>Loại phát hiện <span class=\"en\">Kind</span></th><th>Số <span class=\"en\">Count</span></th></tr></thead><tbody>");
    for k in FindingKind::ALL {
        let n = s.findings_by_kind.get(k.as_str()).copied().unwrap_or(0);
        let (vi, en) = k.labels();
        let _ = write!(
            h,
            "<tr class=\"kind-row{}\" data-kind=\"{}\"><td><span class=\"sev {}\"></span>{} <span class=\"en\">{}</span></td><td>{}</td></tr>",
            if n == 0 { " zero" } else { "" },
            k.as_str(),
            k.severity().as_str(),
            esc(vi),
            esc(en),
            n
        );
    }
    h.push_str("</tbody></table></section>\n");
}

fn families(h: &mut String, c: &Comparison) {
    h.push_str(
        "<section id=\"families\"><h2>Cây kế hoạch <span class=\"en\">Family tree</span></h2>",
    );
    if c.families.is_empty() {
        h.push_str("<p class=\"empty\">Không tìm thấy nhóm kế hoạch nào. <span class=\"en\">No families found.</span></p>");
    }
    let docs: BTreeMap<&str, &crate::model::DocumentEntry> =
        c.documents.iter().map(|d| (d.source.as_str(), d)).collect();
    let mut per_doc: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &c.findings {
        *per_doc.entry(f.child.as_str()).or_default() += 1;
    }
    for fam in &c.families {
        h.push_str("<ul class=\"tree\">");
        let mut depth = 0usize;
        let mut first = true;
        for m in &fam.members {
            if first {
                first = false;
            } else if m.depth > depth {
                h.push_str("<ul>");
            } else {
                h.push_str("</li>");
                for _ in m.depth..depth {
                    h.push_str("</ul></li>");
                }
            }
            depth = m.depth;
            let d = docs.get(m.source.as_str());
            let via = match m.via {
                Via::Root => "",
                Via::Reference => "theo trích dẫn · by reference",
                Via::Assignment => "theo phân công · by assignment",
                Via::Place => "theo địa bàn · by place",
            };
            let n = per_doc.get(m.source.as_str()).copied().unwrap_or(0);
            let _ = write!(
                h,
                "<li><span class=\"lvl\">{}</span> <b>{}</b> {} <span class=\"muted\">{} {}</span>{}{}",
                m.level.map(|l| l.as_str()).unwrap_or("?"),
                esc(d.and_then(|d| d.issuer.as_deref()).unwrap_or(file_name(&m.source))),
                esc(&d
                    .map(|d| format!(
                        "{} {}",
                        d.number.as_deref().unwrap_or(""),
                        d.date.as_deref().unwrap_or("")
                    ))
                    .unwrap_or_default()),
                esc(file_name(&m.source)),
                if via.is_empty() { String::new() } else { format!("· {via}") },
                if n > 0 {
                    format!(" <span class=\"badge\">{n}</span>")
                } else {
                    String::new()
                },
                d.and_then(|d| d.title.as_deref())
                    .map(|t| format!("<div class=\"title\">{}</div>", esc(t)))
                    .unwrap_or_default()
            );
        }
        h.push_str("</li>");
        for _ in 0..depth {
            h.push_str("</ul></li>");
        }
        h.push_str("</ul>");
    }
    h.push_str("</section>\n");
}

/// The quote with the item's text marked.
fn marked(e: &Evidence) -> String {
    match (!e.text.is_empty())
        .then(|| e.quote.find(&e.text))
        .flatten()
    {
        Some(pos) => format!(
            "{}<mark>{}</mark>{}",
            esc(&e.quote[..pos]),
            esc(&e.text),
            esc(&e.quote[pos + e.text.len()..])
        ),
        None => esc(&e.quote),
    }
}

fn side(h: &mut String, label: &str, source: Option<&str>, items: &[Evidence]) {
    let _ = write!(h, "<div class=\"side\"><h4>{label}</h4>");
    match source {
        Some(s) => {
            let _ = write!(h, "<div class=\"src\">{}</div>", esc(s));
        }
        None => h.push_str("<div class=\"src\">—</div>"),
    }
    for e in items {
        let _ = write!(
            h,
            "<blockquote><div class=\"where\">dòng <span class=\"en\">line</span> {}{}{}</div>{}{}</blockquote>",
            e.line,
            e.page.map(|p| format!(" · trang <span class=\"en\">page</span> {p}")).unwrap_or_default(),
            e.section.as_deref().map(|s| format!(" · mục {}", esc(s))).unwrap_or_default(),
            marked(e),
            e.value
                .as_deref()
                .map(|v| format!("<div class=\"value\">{}</div>", esc(v)))
                .unwrap_or_default()
        );
    }
    h.push_str("</div>");
}

fn finding_row(h: &mut String, f: &Finding) {
    let (vi, en) = f.kind.labels();
    let subject = f.subject.as_deref().unwrap_or("");
    let _ = write!(
        h,
        "<tr class=\"finding\" data-id=\"{id}\" data-kind=\"{kind}\" data-subject=\"{subj}\" tabindex=\"0\">\
         <td>{id}</td><td><span class=\"sev {sev}\"></span>{vi}<br><span class=\"en\">{en}</span></td>\
         <td data-sort=\"{sevn}\">{sev}</td><td>{child}</td><td>{parent}</td><td>{subj}</td><td>{dvi}<br><span class=\"en\">{den}</span></td></tr>",
        id = esc(&f.id),
        kind = f.kind.as_str(),
        subj = esc(subject),
        sev = f.severity.as_str(),
        sevn = f.severity as u8,
        vi = esc(vi),
        en = esc(en),
        child = esc(file_name(&f.child)),
        parent = esc(f.parent.as_deref().map(file_name).unwrap_or("—")),
        dvi = esc(&f.detail.vi),
        den = esc(&f.detail.en),
    );
    let _ = write!(
        h,
        "<tr class=\"evidence\" data-for=\"{}\" hidden><td colspan=\"7\"><div class=\"sides\">",
        esc(&f.id)
    );
    side(
        h,
        "Văn bản cấp dưới <span class=\"en\">Child</span>",
        Some(&f.child),
        &f.child_items,
    );
    side(
        h,
        "Văn bản cấp trên <span class=\"en\">Parent</span>",
        f.parent.as_deref(),
        &f.parent_items,
    );
    h.push_str("</div></td></tr>");
}

fn findings(h: &mut String, c: &Comparison) {
    h.push_str(
        "<section id=\"findings\"><h2>Các phát hiện <span class=\"en\">Findings</span></h2>",
    );
    h.push_str("<div class=\"controls\"><label>Loại <span class=\"en\">Kind</span> <select id=\"f-kind\"><option value=\"\">Tất cả · all</option>");
    for k in FindingKind::ALL {
        let _ = write!(
            h,
            "<option value=\"{}\">{}</option>",
            k.as_str(),
            esc(k.labels().0)
        );
    }
    h.push_str("</select></label> <label>Xã <span class=\"en\">Commune</span> <select id=\"f-subject\"><option value=\"\">Tất cả · all</option>");
    let subjects: BTreeSet<&str> = c
        .findings
        .iter()
        .filter_map(|f| f.subject.as_deref())
        .collect();
    for s in subjects {
        let _ = write!(h, "<option value=\"{0}\">{0}</option>", esc(s));
    }
    h.push_str("</select></label> <label>Tìm <span class=\"en\">Search</span> <input id=\"f-text\" type=\"search\"></label> <span id=\"f-count\"></span></div>");
    h.push_str("<table id=\"findings-table\"><thead><tr>\
        <th data-col=\"0\">#</th><th data-col=\"1\">Loại <span class=\"en\">Kind</span></th>\
        <th data-col=\"2\">Mức <span class=\"en\">Severity</span></th><th data-col=\"3\">Cấp dưới <span class=\"en\">Child</span></th>\
        <th data-col=\"4\">Cấp trên <span class=\"en\">Parent</span></th><th data-col=\"5\">Xã <span class=\"en\">Commune</span></th>\
        <th data-col=\"6\">Nội dung <span class=\"en\">Detail</span></th></tr></thead><tbody>");
    for f in &c.findings {
        finding_row(h, f);
    }
    h.push_str("</tbody></table>");
    if c.findings.is_empty() {
        h.push_str(
            "<p class=\"empty\">Không có phát hiện nào. <span class=\"en\">No findings.</span></p>",
        );
    }
    h.push_str("</section>\n");
}

fn matrix(h: &mut String, c: &Comparison) {
    let m = &c.criteria_matrix;
    h.push_str("<section id=\"matrix\"><h2>Ma trận tiêu chí <span class=\"en\">Criteria matrix</span></h2>");
    h.push_str("<p class=\"legend\"><span class=\"cell dat\"></span>đạt <span class=\"en\">met</span> <span class=\"cell chua_dat\"></span>chưa đạt <span class=\"en\">unmet</span> <span class=\"cell target\"></span>phấn đấu, duy trì <span class=\"en\">target</span> <span class=\"cell conflict\"></span>mâu thuẫn <span class=\"en\">conflict</span></p>");
    if m.rows.is_empty() {
        h.push_str("<p class=\"empty\">Không có số liệu tiêu chí. <span class=\"en\">No criteria stated.</span></p></section>\n");
        return;
    }
    h.push_str("<div class=\"scroll\"><table class=\"heat\"><thead><tr><th>Xã <span class=\"en\">Commune</span></th><th>Số tiêu chí đạt <span class=\"en\">Met</span></th>");
    for n in &m.criteria {
        let _ = write!(h, "<th>{n}</th>");
    }
    h.push_str("</tr></thead><tbody>");
    for r in &m.rows {
        let counts: Vec<String> = r
            .counts
            .iter()
            .filter(|k| matches!(k.status.as_deref(), Some("dat" | "duy_tri_nang_cao")))
            .map(|k| match k.total {
                Some(t) => format!("{}/{t}", k.achieved),
                None => k.achieved.to_string(),
            })
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let count_conflict = counts.len() > 1;
        let _ = write!(
            h,
            "<tr><th class=\"commune\">{}{}</th><td class=\"count{}\">{}</td>",
            esc(&r.commune),
            r.district
                .as_deref()
                .map(|d| format!(" <span class=\"muted\">({})</span>", esc(d)))
                .unwrap_or_default(),
            if count_conflict { " conflict" } else { "" },
            esc(&counts.join(" · "))
        );
        for n in &m.criteria {
            match r.cells.iter().find(|cell| cell.criterion == *n) {
                Some(cell) => {
                    let statuses: BTreeSet<&str> =
                        cell.entries.iter().map(|e| e.status.as_str()).collect();
                    let class = if cell.conflict {
                        "conflict"
                    } else if statuses.len() == 1 && statuses.contains("dat") {
                        "dat"
                    } else if statuses.contains("chua_dat") {
                        "chua_dat"
                    } else {
                        "target"
                    };
                    let tip = cell
                        .entries
                        .iter()
                        .map(|e| {
                            format!("{}: {} (dòng {})", file_name(&e.source), e.status, e.line)
                        })
                        .collect::<Vec<_>>()
                        .join("\n");
                    let _ = write!(
                        h,
                        "<td class=\"cell {class}\" data-criterion=\"{n}\" title=\"{}\">{}</td>",
                        esc(&tip),
                        cell.entries.len()
                    );
                }
                None => h.push_str("<td class=\"none\"></td>"),
            }
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table></div></section>\n");
}

/// Days since 1970-01-01 of an ISO date (proleptic Gregorian).
fn day_number(iso: &str) -> Option<i64> {
    let y: i64 = iso.get(0..4)?.parse().ok()?;
    let m: i64 = iso.get(5..7)?.parse().ok()?;
    let d: i64 = iso.get(8..10)?.parse().ok()?;
    let (y, m) = if m <= 2 { (y - 1, m + 12) } else { (y, m) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d - 719_469)
}

fn timeline(h: &mut String, c: &Comparison) {
    h.push_str("<section id=\"timeline\"><h2>Tiến độ các thời hạn <span class=\"en\">Deadline timeline</span></h2>");
    let points: Vec<(&crate::model::TimelineEntry, i64)> = c
        .deadline_timeline
        .iter()
        .filter_map(|t| Some((t, day_number(t.last_day.as_deref()?)?)))
        .collect();
    if points.is_empty() {
        h.push_str("<p class=\"empty\">Không có thời hạn. <span class=\"en\">No deadlines.</span></p></section>\n");
        return;
    }
    let mut units: Vec<String> = Vec::new();
    for (t, _) in &points {
        let u = t
            .unit
            .clone()
            .unwrap_or_else(|| "(không ghi đơn vị · no unit)".into());
        if !units.contains(&u) {
            units.push(u);
        }
    }
    let lo = points.iter().map(|p| p.1).min().unwrap_or(0);
    let hi = points.iter().map(|p| p.1).max().unwrap_or(0).max(lo + 1);
    let (left, width, row) = (320.0, 640.0, 22.0);
    let height = 40.0 + row * units.len() as f64;
    let x = |d: i64| left + width * (d - lo) as f64 / (hi - lo) as f64;
    let _ = write!(
        h,
        "<p class=\"legend\"><svg width=\"12\" height=\"12\"><circle cx=\"6\" cy=\"6\" r=\"5\" class=\"pt child\"/></svg> văn bản <span class=\"en\">deadline</span> \
         <svg width=\"12\" height=\"12\"><rect x=\"1\" y=\"1\" width=\"10\" height=\"10\" class=\"pt parent\"/></svg> thời hạn cấp trên <span class=\"en\">parent's deadline</span> \
         <svg width=\"12\" height=\"12\"><circle cx=\"6\" cy=\"6\" r=\"5\" class=\"pt late\"/></svg> muộn hơn cấp trên <span class=\"en\">after parent's</span></p>\
         <div class=\"scroll\"><svg id=\"timeline-chart\" width=\"{}\" height=\"{height}\" role=\"img\" aria-label=\"Deadline timeline\">",
        left + width + 40.0
    );
    // Month ticks.
    let first = points
        .iter()
        .filter_map(|(t, _)| t.last_day.clone())
        .min()
        .unwrap_or_default();
    let last = points
        .iter()
        .filter_map(|(t, _)| t.last_day.clone())
        .max()
        .unwrap_or_default();
    if let (Ok(y0), Ok(m0), Ok(y1), Ok(m1)) = (
        first[0..4].parse::<i32>(),
        first[5..7].parse::<i32>(),
        last[0..4].parse::<i32>(),
        last[5..7].parse::<i32>(),
    ) {
        let (mut y, mut m) = (y0, m0);
        let months = (y1 - y0) * 12 + (m1 - m0);
        let step = (months / 12 + 1).max(1);
        while (y, m) <= (y1, m1) {
            if let Some(d) = day_number(&format!("{y:04}-{m:02}-01")) {
                if d >= lo {
                    let _ = write!(
                        h,
                        "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"20\" y2=\"{1}\" class=\"tick\"/><text x=\"{0:.1}\" y=\"14\" class=\"axis\">{2:02}/{3}</text>",
                        x(d),
                        height - 10.0,
                        m,
                        y
                    );
                }
            }
            m += step;
            while m > 12 {
                m -= 12;
                y += 1;
            }
        }
    }
    for (i, u) in units.iter().enumerate() {
        let y = 34.0 + row * i as f64;
        let label: String = if u.chars().count() > 44 {
            format!("{}…", u.chars().take(43).collect::<String>())
        } else {
            u.clone()
        };
        let _ = write!(
            h,
            "<text x=\"4\" y=\"{:.1}\" class=\"unit\"><title>{}</title>{}</text>",
            y + 4.0,
            esc(u),
            esc(&label)
        );
        let _ = write!(
            h,
            "<line x1=\"{left}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" class=\"lane\"/>",
            left + width
        );
        for (t, d) in points
            .iter()
            .filter(|(t, _)| t.unit.as_deref().unwrap_or("(không ghi đơn vị · no unit)") == u)
        {
            let cx = x(*d);
            if let Some(p) = &t.parent {
                if let Some(pd) = crate::view::last_day(&p.due)
                    .map(crate::view::iso)
                    .as_deref()
                    .and_then(day_number)
                {
                    let px = x(pd);
                    let _ = write!(
                        h,
                        "<line x1=\"{px:.1}\" x2=\"{cx:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" class=\"pair{}\"/><rect x=\"{:.1}\" y=\"{:.1}\" width=\"9\" height=\"9\" class=\"pt parent\"><title>{}: {}</title></rect>",
                        if p.later { " late" } else { "" },
                        px - 4.5,
                        y - 4.5,
                        esc(file_name(&p.source)),
                        esc(&p.due)
                    );
                }
            }
            let late = t.parent.as_ref().is_some_and(|p| p.later);
            let _ = write!(
                h,
                "<circle cx=\"{cx:.1}\" cy=\"{y:.1}\" r=\"5\" class=\"pt {}\" data-item=\"{}\"><title>{} — {}: {}</title></circle>",
                if late { "late" } else { "child" },
                esc(&t.item),
                esc(t.last_day.as_deref().unwrap_or("")),
                esc(file_name(&t.source)),
                esc(&t.task)
            );
        }
    }
    h.push_str("</svg></div></section>\n");
}

const CSS: &str = r#"
:root{--fg:#1d2733;--muted:#66717d;--line:#d8dee4;--bg:#f6f8fa;--hi:#fff3b0;--red:#c62828;--amber:#e6a100;--green:#2e7d32;--blue:#1f5fa8}
*{box-sizing:border-box}body{margin:0;font:15px/1.45 "Segoe UI","Noto Sans","DejaVu Sans",Arial,sans-serif;color:var(--fg);background:#fff}
header{background:#12355b;color:#fff;padding:18px 28px}header h1{margin:0;font-size:24px}header .sub{margin:4px 0 0;opacity:.85}
header .en{color:#cfe0f5}main{padding:8px 28px 40px;max-width:1400px}h2{border-bottom:2px solid var(--line);padding-bottom:4px;margin-top:32px}
.en{color:var(--muted);font-size:.88em;font-weight:normal}.muted{color:var(--muted);font-size:.9em}
.cards{display:flex;gap:14px;flex-wrap:wrap}.card{background:var(--bg);border:1px solid var(--line);border-radius:8px;padding:12px 18px;min-width:160px}
.card b{display:block;font-size:28px;color:var(--blue)}table{border-collapse:collapse}th,td{border:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
thead th{background:var(--bg);position:sticky;top:0;cursor:pointer;user-select:none}.kinds{margin-top:14px}.kinds tr.zero{color:var(--muted)}
.kind-row{cursor:pointer}.sev{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:6px;vertical-align:middle}
.sev.high{background:var(--red)}.sev.medium{background:var(--amber)}.sev.low{background:#8d99a6}
ul.tree,ul.tree ul{list-style:none;padding-left:22px;margin:4px 0}ul.tree{padding-left:0}ul.tree li{margin:4px 0;padding-left:10px;border-left:2px solid var(--line)}
.lvl{display:inline-block;min-width:44px;text-align:center;background:#e3ecf7;color:var(--blue);border-radius:4px;font-size:12px;padding:0 4px}
.title{color:var(--muted);font-size:.9em;margin-left:50px}.badge{background:var(--red);color:#fff;border-radius:10px;padding:0 7px;font-size:12px}
.controls{margin:10px 0;display:flex;gap:16px;flex-wrap:wrap;align-items:center}select,input{font:inherit;padding:3px 6px}
#findings-table{width:100%}tr.finding{cursor:pointer}tr.finding:hover{background:#f0f6ff}tr.finding.open{background:#e8f1fc}
tr.evidence td{background:#fbfcfd}.sides{display:grid;grid-template-columns:1fr 1fr;gap:16px}.side h4{margin:4px 0}.src{font-family:monospace;font-size:12px;color:var(--muted);word-break:break-all}
blockquote{margin:8px 0;padding:8px 12px;background:#fff;border-left:4px solid var(--blue);white-space:pre-wrap}mark{background:var(--hi);padding:0 2px;border-bottom:2px solid var(--amber)}
.where{font-size:12px;color:var(--muted)}.value{margin-top:4px;font-weight:bold;color:var(--red)}.empty{color:var(--muted);font-style:italic}
.unread{margin:12px 0;padding:8px 12px;background:#fff4e5;border:1px solid #f0c36d;border-radius:6px}
.scroll{overflow-x:auto}.heat td.cell{width:28px;text-align:center;font-size:12px;color:#fff}.heat td.none{background:#fafafa}
.cell.dat{background:var(--green)}.cell.chua_dat{background:var(--red)}.cell.target{background:var(--amber)}.cell.conflict{background:repeating-linear-gradient(45deg,var(--red),var(--red) 4px,#222 4px,#222 8px);outline:2px solid #000}
.legend .cell{display:inline-block;width:14px;height:14px;vertical-align:middle;margin:0 4px 0 12px}td.count.conflict{background:#ffe0e0;font-weight:bold}
th.commune{white-space:nowrap;background:#fff;position:static}svg text.axis{font-size:11px;fill:var(--muted);text-anchor:middle}svg text.unit{font-size:12px;fill:var(--fg)}
svg .tick{stroke:#eef1f4}svg .lane{stroke:#e2e6ea;stroke-dasharray:2 3}svg .pt.child{fill:var(--blue)}svg .pt.late{fill:var(--red)}svg .pt.parent{fill:#fff;stroke:#333;stroke-width:1.5}
svg .pair{stroke:#888;stroke-width:2}svg .pair.late{stroke:var(--red);stroke-width:3}
@media print{thead th{position:static}tr.evidence{display:table-row!important}}
"#;

const JS: &str = r#"
(function(){
  'use strict';
  var table = document.getElementById('findings-table');
  if (!table) return;
  var body = table.tBodies[0];
  var kind = document.getElementById('f-kind');
  var subject = document.getElementById('f-subject');
  var text = document.getElementById('f-text');
  var count = document.getElementById('f-count');
  function rows(){ return Array.prototype.slice.call(body.querySelectorAll('tr.finding')); }
  function evidenceOf(row){ return body.querySelector('tr.evidence[data-for="' + row.getAttribute('data-id') + '"]'); }
  function apply(){
    var k = kind.value, s = subject.value, q = text.value.toLowerCase(), shown = 0;
    rows().forEach(function(r){
      var ok = (!k || r.getAttribute('data-kind') === k) && (!s || r.getAttribute('data-subject') === s) &&
               (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
      r.hidden = !ok;
      var e = evidenceOf(r);
      if (e && !ok) e.hidden = true;
      if (e && ok && r.classList.contains('open')) e.hidden = false;
      if (ok) shown++;
    });
    count.textContent = shown + ' / ' + rows().length;
  }
  function toggle(r){
    var e = evidenceOf(r);
    if (!e) return;
    var open = e.hidden;
    e.hidden = !open;
    r.classList.toggle('open', open);
  }
  body.addEventListener('click', function(ev){
    var r = ev.target.closest('tr.finding');
    if (r) toggle(r);
  });
  body.addEventListener('keydown', function(ev){
    var r = ev.target.closest('tr.finding');
    if (r && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); toggle(r); }
  });
  var dir = {};
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function(th){
    th.addEventListener('click', function(){
      var col = +th.getAttribute('data-col');
      dir[col] = -(dir[col] || -1);
      var pairs = rows().map(function(r){ return [r, evidenceOf(r)]; });
      pairs.sort(function(a, b){
        var x = a[0].cells[col], y = b[0].cells[col];
        var kx = x.getAttribute('data-sort') || x.textContent, ky = y.getAttribute('data-sort') || y.textContent;
        return kx.localeCompare(ky, 'vi', {numeric: true}) * dir[col];
      });
      pairs.forEach(function(p){ body.appendChild(p[0]); if (p[1]) body.appendChild(p[1]); });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('tr.kind-row'), function(r){
    r.addEventListener('click', function(){
      kind.value = r.getAttribute('data-kind');
      apply();
      document.getElementById('findings').scrollIntoView();
    });
  });
  // `report.html#F0003` opens that finding (links from mail or notes).
  function openHash(){
    var id = decodeURIComponent(location.hash.slice(1));
    var r = id && body.querySelector('tr.finding[data-id="' + id + '"]');
    if (r) { var e = evidenceOf(r); if (e && e.hidden) toggle(r); r.scrollIntoView(); }
  }
  window.addEventListener('hashchange', openHash);
  kind.addEventListener('change', apply);
  subject.addEventListener('change', apply);
  text.addEventListener('input', apply);
  apply();
  openHash();
})();
"#;
