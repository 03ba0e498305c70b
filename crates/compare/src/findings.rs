//! The findings: what a child plan says that disagrees with its parent (or
//! a plan misses on its own), each with the quoted items of both sides.
//! One function per kind; each states the false alarms it must not raise
//! (the same date written two ways, a child deadline equal to or earlier
//! than the parent's, current beside target counts, lunar dates in
//! brackets, a parent's deadline for its own report upward, a commune the
//! parent names but whose plan is not in the set, a reworded task).

use crate::body::{body_of, rank, Body};
use crate::families::Tree;
use crate::links::Resolution;
use crate::model::{Detail, Evidence, Finding, FindingKind, LinkStatus};
use crate::view::{exact_day, iso, last_day, Doc};
use crate::words::{words_of, Words};
use std::collections::{BTreeMap, BTreeSet};
use vnplan_record::vocab::{
    AssignmentRole, CriterionStatus, DateKind, DateRole, Level, Relation, SectionKind,
};

/// A deadline of a child matched to one of its parent's.
pub(crate) struct DeadlineMatch {
    pub parent: usize,
    pub parent_item: usize,
    pub child: usize,
    pub child_item: usize,
    pub later: bool,
}

pub(crate) struct Found {
    pub findings: Vec<Finding>,
    pub matches: Vec<DeadlineMatch>,
}

fn finding(
    kind: FindingKind,
    child: &Doc<'_>,
    parent: Option<&Doc<'_>>,
    subject: Option<String>,
    child_items: Vec<Evidence>,
    parent_items: Vec<Evidence>,
    detail: Detail,
) -> Finding {
    Finding {
        id: String::new(),
        kind,
        severity: kind.severity(),
        child: child.source.to_string(),
        parent: parent.map(|p| p.source.to_string()),
        subject,
        child_items,
        parent_items,
        detail,
    }
}

fn detail(vi: String, en: String) -> Detail {
    Detail { vi, en }
}

pub(crate) fn find(docs: &[Doc<'_>], links: &[Resolution], tree: &Tree) -> Found {
    let edges = tree.edges();
    let mut findings = Vec::new();
    let (deadline_findings, matches) = deadlines_after_parent(docs, &edges);
    findings.extend(deadline_findings);
    findings.extend(event_dates(docs, &edges));
    findings.extend(criteria_conflicts(docs, tree, &edges));
    findings.extend(missing_assignments(docs, &edges));
    findings.extend(references(docs, links, tree));
    findings.extend(missing_sections(docs));
    findings.extend(periods(docs, tree));
    // One disagreement of a child with its parent and its grandparent (the
    // same item, the same kind) is reported once, against the nearest.
    let distance = |child: &str, parent: &Option<String>| -> usize {
        let Some(parent) = parent else { return 0 };
        let Some(mut at) = docs.iter().position(|d| d.source == child) else {
            return 0;
        };
        let mut n = 0;
        while let Some((p, _)) = tree.parent[at] {
            n += 1;
            if docs[p].source == parent.as_str() {
                return n;
            }
            at = p;
        }
        usize::MAX
    };
    findings.sort_by_key(|f| distance(&f.child, &f.parent));
    let mut seen = BTreeSet::new();
    findings.retain(|f| {
        let item = f.child_items.first().map(|e| (e.item.clone(), e.span));
        // Without an item (a task missing from the whole plan) the task says which.
        let what = if item.as_ref().is_some_and(|(i, _)| i.is_some()) {
            String::new()
        } else {
            f.detail.en.clone()
        };
        f.parent.is_none() || seen.insert((f.kind, f.child.clone(), item, f.subject.clone(), what))
    });
    findings.sort_by(|a, b| {
        (
            &a.child,
            a.kind,
            &a.parent,
            a.child_items.first().map(|e| e.line),
        )
            .cmp(&(
                &b.child,
                b.kind,
                &b.parent,
                b.child_items.first().map(|e| e.line),
            ))
    });
    for (i, f) in findings.iter_mut().enumerate() {
        f.id = format!("F{:04}", i + 1);
    }
    Found { findings, matches }
}

/// `2025-03-08` → `08/03/2025`; other values as they are.
fn vn_iso(value: &str) -> String {
    match exact_day(value) {
        Some(day) => vn_date(day),
        None => value.to_string(),
    }
}

fn vn_date((y, m, d): (i32, u32, u32)) -> String {
    format!("{d:02}/{m:02}/{y}")
}

/// The level of the body a report goes to (`báo cáo … về UBND huyện`).
fn recipient_level(task: &str) -> Option<Level> {
    let lower = task.to_lowercase();
    ["về ", "gửi ", "lên "].iter().find_map(|cue| {
        let pos = lower.find(cue)?;
        let rest: String = lower[pos + cue.len()..].chars().take(60).collect();
        let rest = rest.split(['(', ';']).next().unwrap_or("");
        // A body (`UBND huyện`, `Sở …`), of the level its first level word says.
        (body_of(rest).side != crate::body::Side::Other)
            .then(|| crate::body::first_level(rest))
            .flatten()
    })
}

fn designates_any(units: &[String], issuer: &Body) -> bool {
    units.iter().any(|u| body_of(u).designates(issuer))
}

/// A child's deadline for the same task or report as its parent's, later.
/// Only the parent's deadlines given to the child's issuer (by name or as
/// `UBND các xã`) bind it: a parent's deadline for its own report upward
/// does not.
fn deadlines_after_parent(
    docs: &[Doc<'_>],
    edges: &[(usize, usize)],
) -> (Vec<Finding>, Vec<DeadlineMatch>) {
    let mut out = Vec::new();
    let mut matches = Vec::new();
    let usable = |relation: Relation, due: &str| {
        !matches!(relation, Relation::Recurring | Relation::Within) && last_day(due).is_some()
    };
    for &(p, c) in edges {
        let (pd, cd) = (&docs[p], &docs[c]);
        let child_words: Vec<Option<Words>> = cd
            .record
            .deadlines
            .iter()
            .map(|d| usable(d.relation, &d.due).then(|| words_of(&d.task)))
            .collect();
        for (pi, dp) in pd.record.deadlines.iter().enumerate() {
            if !usable(dp.relation, &dp.due) || !designates_any(&dp.units, &cd.body) {
                continue;
            }
            let wp = words_of(&dp.task);
            let to_p = recipient_level(&dp.task);
            let best = child_words
                .iter()
                .enumerate()
                .filter_map(|(ci, w)| Some((ci, w.as_ref()?)))
                .filter(|(ci, w)| {
                    let to_c = recipient_level(&cd.record.deadlines[*ci].task);
                    w.anchors_agree(&wp) && (to_p.is_none() || to_c.is_none() || to_p == to_c)
                })
                .map(|(ci, w)| (ci, w.overlap(&wp)))
                .filter(|&(_, s)| s >= 0.5)
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            let Some((ci, _)) = best else { continue };
            let dc = &cd.record.deadlines[ci];
            let (Some(lp), Some(lc)) = (last_day(&dp.due), last_day(&dc.due)) else {
                continue;
            };
            let later = lc > lp;
            matches.push(DeadlineMatch {
                parent: p,
                parent_item: pi,
                child: c,
                child_item: ci,
                later,
            });
            if later {
                out.push(finding(
                    FindingKind::DeadlineAfterParent,
                    cd,
                    Some(pd),
                    cd.subject(),
                    vec![cd.evidence(dc, &dc.text, Some(iso(lc)))],
                    vec![pd.evidence(dp, &dp.text, Some(iso(lp)))],
                    detail(
                        format!(
                            "Thời hạn “{}” là {}, muộn hơn thời hạn {} của cấp trên",
                            short(&dc.task),
                            vn_date(lc),
                            vn_date(lp)
                        ),
                        format!(
                            "Deadline for “{}” is {}, after the parent's {}",
                            short(&dc.task),
                            iso(lc),
                            iso(lp)
                        ),
                    ),
                ));
            }
        }
    }
    (out, matches)
}

fn short(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= 12 {
        words.join(" ")
    } else {
        format!("{}…", words[..12].join(" "))
    }
}

/// Event names, most specific first (data table): the key that says two
/// dates are of one event.
const EVENT_CUES: &[&str] = &[
    "lễ ra quân",
    "lễ phát động",
    "lễ khởi công",
    "lễ khánh thành",
    "lễ công bố",
    "lễ đón nhận",
    "lễ kỷ niệm",
    "hội nghị sơ kết",
    "hội nghị tổng kết",
    "hội nghị triển khai",
    "hội nghị",
    "ngày hội",
    "hội thi",
    "hội thao",
    "đại hội",
    "lễ",
];

/// The event a date belongs to: the event name nearest before it in its
/// paragraph, else after it, else in the headings of its section.
fn event_key(
    doc: &Doc<'_>,
    item: &vnplan_record::Item<vnplan_record::DateItem>,
) -> Option<&'static str> {
    let cue_in = |text: &str, before: bool| -> Option<&'static str> {
        let lower = text.to_lowercase();
        let mut best: Option<(usize, &'static str)> = None;
        for cue in EVENT_CUES {
            let pos = if before {
                lower.rfind(cue)
            } else {
                lower.find(cue)
            };
            if let Some(pos) = pos {
                let better = match best {
                    None => true,
                    Some((b, _)) => (before && pos > b) || (!before && pos < b),
                };
                if better {
                    best = Some((pos, cue));
                }
            }
        }
        best.map(|(_, c)| c)
    };
    if let Some(i) = doc.paragraph_index(item.at.span[0]) {
        let para = doc.paragraphs()[i];
        let (start, _, _) = doc.paragraph_place(i)?;
        let offset = item.at.span[0].saturating_sub(start);
        let head: String = para.chars().take(offset).collect();
        let tail: String = para.chars().skip(offset).collect();
        if let Some(k) = cue_in(&head, true).or_else(|| cue_in(&tail, false)) {
            return Some(k);
        }
    }
    let mut path = item.section.clone()?;
    loop {
        if let Some(s) = doc.record.sections.iter().find(|s| s.path == path) {
            if let Some(k) = cue_in(&s.heading, false) {
                return Some(k);
            }
        }
        match path.rfind('.') {
            Some(dot) => path.truncate(dot),
            None => return None,
        }
    }
}

type Day = (i32, u32, u32);

/// Each event's dates in one document: (date item, first and last day).
type EventDates = BTreeMap<&'static str, Vec<(usize, (Day, Day))>>;

/// The days of an event date: one day, or the days of a range.
fn event_days(item: &vnplan_record::DateItem) -> Option<(Day, Day)> {
    let value = match item.kind {
        DateKind::Lunar => item.solar.as_deref()?,
        _ => item.value.as_str(),
    };
    if let Some(day) = exact_day(value) {
        return Some((day, day));
    }
    let (a, b) = value.split_once('/')?;
    Some((exact_day(a)?, exact_day(b)?))
}

fn event_dates(docs: &[Doc<'_>], edges: &[(usize, usize)]) -> Vec<Finding> {
    let events = |d: &Doc<'_>| -> EventDates {
        let mut m: EventDates = BTreeMap::new();
        for (i, item) in d.record.dates.iter().enumerate() {
            if item.role != DateRole::Event {
                continue;
            }
            let (Some(days), Some(key)) = (event_days(item), event_key(d, item)) else {
                continue;
            };
            m.entry(key).or_default().push((i, days));
        }
        m
    };
    let all: Vec<_> = docs.iter().map(events).collect();
    let mut out = Vec::new();
    for &(p, c) in edges {
        for (key, child_dates) in &all[c] {
            let Some(parent_dates) = all[p].get(key) else {
                continue;
            };
            // Each of the child's dates must fall on one of the parent's.
            let meets =
                |(a, b): (Day, Day)| parent_dates.iter().any(|&(_, (x, y))| a <= y && x <= b);
            let Some(&(ci, (cday, _))) = child_dates.iter().find(|&&(_, d)| !meets(d)) else {
                continue;
            };
            let (pi, (pday, _)) = parent_dates[0];
            let (cd, pd) = (&docs[c], &docs[p]);
            let (ci_item, pi_item) = (&cd.record.dates[ci], &pd.record.dates[pi]);
            out.push(finding(
                FindingKind::EventDateMismatch,
                cd,
                Some(pd),
                cd.subject(),
                vec![cd.evidence(ci_item, &ci_item.text, Some(iso(cday)))],
                vec![pd.evidence(pi_item, &pi_item.text, Some(iso(pday)))],
                detail(
                    format!(
                        "{} ghi ngày {}, cấp trên ghi ngày {}",
                        capitalise(key),
                        vn_date(cday),
                        vn_date(pday)
                    ),
                    format!(
                        "“{key}” dated {} here, {} in the parent",
                        iso(cday),
                        iso(pday)
                    ),
                ),
            ));
        }
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A commune as the criteria facts name it: its place (folded) and name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Commune {
    /// The district's place, folded (part of the key), and as written.
    pub district: Option<String>,
    pub district_name: Option<String>,
    pub place: String,
    pub name: String,
}

/// The district a document sits in: its own place at district level, the
/// district above it for a commune.
pub(crate) fn district_of(docs: &[Doc<'_>], tree: &Tree, d: usize) -> Option<(String, String)> {
    let mut at = d;
    loop {
        if docs[at].level == Some(Level::Huyen) {
            let b = &docs[at].body;
            return b.place.clone().zip(b.place_name.clone());
        }
        match tree.parent[at] {
            Some((p, _)) => at = p,
            None => return None,
        }
    }
}

/// The commune a criterion or count speaks of: its subject, or the
/// document's own commune when the subject is not written.
pub(crate) fn commune_of(
    docs: &[Doc<'_>],
    tree: &Tree,
    d: usize,
    subject: Option<&str>,
) -> Option<Commune> {
    let doc = &docs[d];
    let body = match subject {
        Some(s) => {
            let b = body_of(s);
            if b.level != Some(Level::Xa) || b.collective {
                return None;
            }
            b
        }
        None if doc.level == Some(Level::Xa) => doc.body.clone(),
        None => return None,
    };
    let place = body.place?;
    let name = body.place_name.clone().unwrap_or_else(|| place.clone());
    let (district, district_name) = district_of(docs, tree, d).unzip();
    Some(Commune {
        district,
        district_name,
        place,
        name: format!("xã {name}"),
    })
}

pub(crate) struct Facts {
    /// (document, count item) for counts stated as met.
    pub counts: Vec<(usize, usize)>,
    /// (document, criterion item) for criteria with a number and a status.
    pub statuses: Vec<(usize, usize)>,
}

pub(crate) fn criteria_facts(docs: &[Doc<'_>], tree: &Tree) -> BTreeMap<Commune, Facts> {
    let mut by: BTreeMap<Commune, Facts> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for (i, c) in doc.record.criteria_counts.iter().enumerate() {
            if let Some(k) = commune_of(docs, tree, d, c.subject.as_deref()) {
                by.entry(k)
                    .or_insert_with(|| Facts {
                        counts: vec![],
                        statuses: vec![],
                    })
                    .counts
                    .push((d, i));
            }
        }
        for (i, c) in doc.record.criteria.iter().enumerate() {
            if c.number.is_none() || c.status.is_none() {
                continue;
            }
            if let Some(k) = commune_of(docs, tree, d, c.subject.as_deref()) {
                by.entry(k)
                    .or_insert_with(|| Facts {
                        counts: vec![],
                        statuses: vec![],
                    })
                    .statuses
                    .push((d, i));
            }
        }
    }
    // One commune named with and without its district is one commune.
    let keys: Vec<Commune> = by.keys().cloned().collect();
    for k in keys.iter().filter(|k| k.district.is_none()) {
        let homes: Vec<&Commune> = keys
            .iter()
            .filter(|o| o.district.is_some() && o.place == k.place)
            .collect();
        if homes.len() == 1 {
            let home = homes[0].clone();
            if let Some(f) = by.remove(k) {
                let e = by.get_mut(&home).expect("key listed");
                e.counts.extend(f.counts);
                e.statuses.extend(f.statuses);
            }
        }
    }
    by
}

/// Two sources disagree on one commune: a met count that differs (`17/19`
/// here, `16/19` there; a target `phấn đấu đạt 19/19` is not a met count),
/// or a criterion met in one and unmet in the other, or the same count
/// with different unmet criteria.
fn criteria_conflicts(docs: &[Doc<'_>], tree: &Tree, edges: &[(usize, usize)]) -> Vec<Finding> {
    let facts = criteria_facts(docs, tree);
    let related: BTreeSet<(usize, usize)> = edges.iter().copied().collect();
    let mut out = Vec::new();
    for (commune, f) in &facts {
        let sources: BTreeSet<usize> = f
            .counts
            .iter()
            .chain(&f.statuses)
            .map(|&(d, _)| d)
            .collect();
        for &p in &sources {
            for &c in &sources {
                if !related.contains(&(p, c)) {
                    continue;
                }
                let (pd, cd) = (&docs[p], &docs[c]);
                let met = |d: usize| -> Vec<usize> {
                    f.counts
                        .iter()
                        .filter(|&&(x, i)| {
                            // Met now: `đạt 17/19`, `duy trì 19/19`; not `phấn đấu đạt`.
                            x == d
                                && matches!(
                                    docs[x].record.criteria_counts[i].status,
                                    Some(CriterionStatus::Dat | CriterionStatus::DuyTriNangCao)
                                )
                        })
                        .map(|&(_, i)| i)
                        .collect()
                };
                let (mp, mc) = (met(p), met(c));
                let count = |d: usize, i: usize| {
                    let k = &docs[d].record.criteria_counts[i];
                    (k.achieved, k.total)
                };
                for &ci in &mc {
                    let (ac, tc) = count(c, ci);
                    let same_total: Vec<usize> = mp
                        .iter()
                        .copied()
                        .filter(|&pi| count(p, pi).1 == tc)
                        .collect();
                    if same_total.is_empty() || same_total.iter().any(|&pi| count(p, pi).0 == ac) {
                        continue;
                    }
                    // Any met count of the child that agrees clears it.
                    if mc
                        .iter()
                        .any(|&other| count(c, other) == count(p, same_total[0]))
                    {
                        continue;
                    }
                    let pi = same_total[0];
                    let (ki, kp) = (
                        &cd.record.criteria_counts[ci],
                        &pd.record.criteria_counts[pi],
                    );
                    let fmt = |(a, t): (f64, Option<u32>)| match t {
                        Some(t) => format!("{a}/{t}"),
                        None => format!("{a}"),
                    };
                    out.push(finding(
                        FindingKind::CriteriaStatusConflict,
                        cd,
                        Some(pd),
                        Some(commune.name.clone()),
                        vec![cd.evidence(ki, &ki.text, Some(fmt(count(c, ci))))],
                        vec![pd.evidence(kp, &kp.text, Some(fmt(count(p, pi))))],
                        detail(
                            format!(
                                "{}: đạt {} tiêu chí, cấp trên ghi {}",
                                capitalise(&commune.name),
                                fmt(count(c, ci)),
                                fmt(count(p, pi))
                            ),
                            format!(
                                "{}: {} criteria met here, {} in the parent",
                                commune.name,
                                fmt(count(c, ci)),
                                fmt(count(p, pi))
                            ),
                        ),
                    ));
                    break;
                }
                // Criterion by criterion: met against unmet.
                let status = |d: usize| -> BTreeMap<u32, Vec<(CriterionStatus, usize)>> {
                    let mut m: BTreeMap<u32, Vec<(CriterionStatus, usize)>> = BTreeMap::new();
                    for &(x, i) in &f.statuses {
                        if x != d {
                            continue;
                        }
                        let k = &docs[x].record.criteria[i];
                        if let (Some(n), Some(s)) = (k.number, k.status) {
                            if matches!(s, CriterionStatus::Dat | CriterionStatus::ChuaDat) {
                                m.entry(n).or_default().push((s, i));
                            }
                        }
                    }
                    m
                };
                let (sp, sc) = (status(p), status(c));
                let unmet = |m: &BTreeMap<u32, Vec<(CriterionStatus, usize)>>| -> BTreeSet<u32> {
                    m.iter()
                        .filter(|(_, v)| v.iter().any(|(s, _)| *s == CriterionStatus::ChuaDat))
                        .map(|(n, _)| *n)
                        .collect()
                };
                let (up, uc) = (unmet(&sp), unmet(&sc));
                let mut differing: BTreeSet<u32> = BTreeSet::new();
                for (n, v) in &sc {
                    if let Some(pv) = sp.get(n) {
                        let s1: BTreeSet<_> = v.iter().map(|x| x.0).collect();
                        let s2: BTreeSet<_> = pv.iter().map(|x| x.0).collect();
                        if s1.len() == 1 && s2.len() == 1 && s1 != s2 {
                            differing.insert(*n);
                        }
                    }
                }
                if !up.is_empty() && !uc.is_empty() && up != uc {
                    differing.extend(up.symmetric_difference(&uc));
                }
                if differing.is_empty() {
                    continue;
                }
                let pick = |m: &BTreeMap<u32, Vec<(CriterionStatus, usize)>>| -> Vec<usize> {
                    differing
                        .iter()
                        .filter_map(|n| m.get(n))
                        .flat_map(|v| v.iter().map(|x| x.1))
                        .collect()
                };
                let status_word = |s: Option<CriterionStatus>| match s {
                    Some(CriterionStatus::Dat) => "đạt",
                    Some(CriterionStatus::ChuaDat) => "chưa đạt",
                    _ => "—",
                };
                let ev = |d: &Doc<'_>, items: Vec<usize>| -> Vec<Evidence> {
                    items
                        .into_iter()
                        .map(|i| {
                            let k = &d.record.criteria[i];
                            d.evidence(
                                k,
                                &k.text,
                                k.status
                                    .map(|s| format!("{}: {}", k.number.unwrap_or(0), s.as_str())),
                            )
                        })
                        .collect()
                };
                let list = |m: &BTreeMap<u32, Vec<(CriterionStatus, usize)>>| -> String {
                    differing
                        .iter()
                        .map(|n| {
                            format!(
                                "TC{n} {}",
                                status_word(m.get(n).and_then(|v| v.first()).map(|x| x.0))
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let nums = differing
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ");
                out.push(finding(
                    FindingKind::CriteriaStatusConflict,
                    cd,
                    Some(pd),
                    Some(commune.name.clone()),
                    ev(cd, pick(&sc)),
                    ev(pd, pick(&sp)),
                    detail(
                        format!(
                            "{}: {} ở đây; cấp trên: {}",
                            capitalise(&commune.name),
                            list(&sc),
                            list(&sp)
                        ),
                        format!(
                            "{}: criteria {nums} have a different status in the parent",
                            commune.name
                        ),
                    ),
                ));
            }
        }
    }
    out
}

/// Nouns of works a task can name (data table): a task that names one is
/// concrete enough to be looked for in the child's plan.
const WORK_OBJECTS: &[&str] = &[
    "đường",
    "chợ",
    "trường",
    "nhà văn hóa",
    "cầu",
    "kênh",
    "mương",
    "sân",
    "công trình",
    "tuyến",
    "hệ thống",
    "trạm",
    "điểm",
    "bãi",
    "lò",
    "nghĩa trang",
    "nhà",
    "thiết chế",
    "mô hình",
    "sản phẩm",
    "ocop",
    "điện",
    "nước sạch",
    "cống",
    "đập",
    "hồ",
    "vườn",
    "khu dân cư",
];

fn concrete(task: &str, w: &Words) -> bool {
    if !w.anchors.is_empty() {
        return true;
    }
    let lower = task.to_lowercase();
    w.pairs.len() >= 2
        && WORK_OBJECTS.iter().any(|o| {
            lower.match_indices(o).any(|(i, _)| {
                let before_ok = lower[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
                let after_ok = lower[i + o.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                before_ok && after_ok
            })
        })
}

/// A task the parent gives the child's issuer by name, of which the
/// child's plan says nothing: no paragraph (or run of three) covers half
/// its words, and it names no code or criterion the child names.
fn missing_assignments(docs: &[Doc<'_>], edges: &[(usize, usize)]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut cache: BTreeMap<usize, (Vec<Words>, BTreeSet<String>)> = BTreeMap::new();
    for &(p, c) in edges {
        let (pd, cd) = (&docs[p], &docs[c]);
        for a in &pd.record.assignments {
            if a.role == AssignmentRole::PhoiHop || !body_of(&a.unit).names(&cd.body) {
                continue;
            }
            let (windows, anchors) = cache.entry(c).or_insert_with(|| {
                let paras: Vec<&str> = cd.paragraphs().to_vec();
                let windows = (0..paras.len())
                    .map(|i| words_of(&paras[i..(i + 3).min(paras.len())].join(" ")))
                    .collect::<Vec<_>>();
                let anchors = windows
                    .iter()
                    .flat_map(|w| w.anchors.iter().cloned())
                    .collect();
                (windows, anchors)
            });
            for t in &a.tasks {
                let w = words_of(&t.text);
                if !concrete(&t.text, &w) {
                    continue;
                }
                let named = !w.anchors.is_empty() && w.anchors.iter().all(|x| anchors.contains(x));
                let covered = windows.iter().any(|x| w.content_covered_by(x) >= 0.5);
                if named || covered {
                    continue;
                }
                let quote_at = find_paragraph(pd, &t.text);
                let mut parent_ev = pd.evidence(a, &t.text, None);
                if let Some((span0, line, page, quote)) = quote_at {
                    parent_ev.quote = quote.to_string();
                    parent_ev.span = [span0, span0 + quote.chars().count()];
                    parent_ev.line = line;
                    parent_ev.page = page;
                }
                out.push(finding(
                    FindingKind::MissingAssignment,
                    cd,
                    Some(pd),
                    cd.subject(),
                    vec![cd.whole(None)],
                    vec![parent_ev],
                    detail(
                        format!(
                            "Nhiệm vụ cấp trên giao cho {} không có trong kế hoạch: “{}”",
                            a.unit,
                            short(&t.text)
                        ),
                        format!(
                            "Task the parent gives {} is not in this plan: “{}”",
                            a.unit,
                            short(&t.text)
                        ),
                    ),
                ));
            }
        }
    }
    out
}

/// The paragraph of `doc` that contains `needle` (its first words).
fn find_paragraph<'a>(
    doc: &Doc<'a>,
    needle: &str,
) -> Option<(usize, usize, Option<usize>, &'a str)> {
    let head: String = needle.chars().take(40).collect();
    let i = doc
        .paragraphs()
        .iter()
        .position(|p| p.contains(head.as_str()))?;
    let (start, line, page) = doc.paragraph_place(i)?;
    Some((start, line, page, doc.paragraphs()[i]))
}

/// A mismatch is always a finding. An unresolved citation is one when the
/// cited body is the issuer of one of the citing document's parents (its
/// own chain holds that body's documents, and not this one), or, for a
/// document placed in no family, a body of a higher level with documents
/// in the set; other unresolved citations stay information in `links`.
fn references(docs: &[Doc<'_>], links: &[Resolution], tree: &Tree) -> Vec<Finding> {
    let mut out = Vec::new();
    let binding = |from: usize, r: &vnplan_record::Reference| -> bool {
        let Some(cited) = r.issuer.as_deref().map(body_of) else {
            return false;
        };
        let mut at = from;
        let mut any_parent = false;
        while let Some((p, _)) = tree.parent[at] {
            any_parent = true;
            if cited.compatible(&docs[p].body) && docs[p].body.place.is_some() {
                return true;
            }
            at = p;
        }
        !any_parent && docs.iter().enumerate().any(|(j, d)| {
            j != from
                && d.body.place.is_some()
                && cited.compatible(&d.body)
                && matches!((rank(d.level), rank(docs[from].level)), (Some(a), Some(b)) if a < b)
        })
    };
    for l in links {
        let from = &docs[l.from];
        let r = &from.record.references[l.reference];
        match l.status {
            LinkStatus::Mismatch => {
                let to = &docs[l.to.expect("a mismatch names its document")];
                let td = &to.record.document;
                let mut vi = Vec::new();
                let mut en = Vec::new();
                if l.differs.contains(&"date") {
                    vi.push(format!(
                        "ngày {} nhưng văn bản ghi ngày {}",
                        r.date.as_deref().map_or("?".into(), vn_iso),
                        td.date.as_deref().map_or("?".into(), vn_iso)
                    ));
                    en.push(format!(
                        "dated {} but the document is dated {}",
                        r.date.as_deref().unwrap_or("?"),
                        td.date.as_deref().unwrap_or("?")
                    ));
                }
                if l.differs.contains(&"issuer") {
                    vi.push(format!(
                        "của {} nhưng văn bản do {} ban hành",
                        r.issuer.as_deref().unwrap_or("?"),
                        td.issuer.as_deref().unwrap_or("?")
                    ));
                    en.push(format!(
                        "of {} but the document was issued by {}",
                        r.issuer.as_deref().unwrap_or("?"),
                        td.issuer.as_deref().unwrap_or("?")
                    ));
                }
                let number = r.number.clone().unwrap_or_default();
                out.push(finding(
                    FindingKind::ReferenceMismatch,
                    from,
                    Some(to),
                    None,
                    vec![from.evidence(r, &r.text, r.date.clone())],
                    vec![to.whole(td.date.clone())],
                    detail(
                        format!("Trích dẫn số {number}: {}", vi.join("; ")),
                        format!("Citation of {number}: {}", en.join("; ")),
                    ),
                ));
            }
            LinkStatus::Unresolved if binding(l.from, r) => {
                let number = r.number.clone().unwrap_or_default();
                let issuer = r.issuer.clone().unwrap_or_default();
                out.push(finding(
                    FindingKind::UnresolvedReference,
                    from,
                    None,
                    None,
                    vec![from.evidence(r, &r.text, r.number.clone())],
                    vec![], detail(format!("Không có văn bản số {number} của {issuer} trong tập hồ sơ, dù có văn bản khác của cơ quan này"), format!("No document {number} of {issuer} in the set, though it has others of that body"))));
            }
            _ => {}
        }
    }
    out
}

/// Sections a plan must have (Decree 30's plans close on who does what).
const REQUIRED_SECTIONS: &[(&str, SectionKind, &str, &str)] = &[(
    "KH",
    SectionKind::ToChucThucHien,
    "Tổ chức thực hiện",
    "Implementation (Tổ chức thực hiện)",
)];

fn missing_sections(docs: &[Doc<'_>]) -> Vec<Finding> {
    let mut out = Vec::new();
    for d in docs {
        for (kind, section, vi, en) in REQUIRED_SECTIONS {
            if d.record.document.kind.as_deref() != Some(kind)
                || d.record.sections.iter().any(|s| s.kind == *section)
            {
                continue;
            }
            out.push(finding(
                FindingKind::MissingSection,
                d,
                None,
                d.subject(),
                vec![d.whole(None)],
                vec![],
                detail(
                    format!("Kế hoạch không có mục “{vi}”"),
                    format!("The plan has no section {en}"),
                ),
            ));
        }
    }
    out
}

/// A plan whose years reach outside its direct parent's.
fn periods(docs: &[Doc<'_>], tree: &Tree) -> Vec<Finding> {
    let mut out = Vec::new();
    for (c, p) in tree.parent.iter().enumerate() {
        let Some((p, _)) = *p else { continue };
        let (cd, pd) = (&docs[c], &docs[p]);
        let (Some(a), Some(b)) = (cd.period, pd.period) else {
            continue;
        };
        if a[0] >= b[0] && a[1] <= b[1] {
            continue;
        }
        let span = |y: [i32; 2]| {
            if y[0] == y[1] {
                format!("{}", y[0])
            } else {
                format!("{}–{}", y[0], y[1])
            }
        };
        let ev = |d: &Doc<'_>, y: [i32; 2]| -> Vec<Evidence> {
            match d.period_item {
                Some(i) => {
                    let item = &d.record.dates[i];
                    vec![d.evidence(item, &item.text, Some(span(y)))]
                }
                None => vec![d.whole(Some(span(y)))],
            }
        };
        out.push(finding(
            FindingKind::PeriodMismatch,
            cd,
            Some(pd),
            cd.subject(),
            ev(cd, a),
            ev(pd, b),
            detail(
                format!(
                    "Thời kỳ {} nằm ngoài thời kỳ {} của kế hoạch cấp trên",
                    span(a),
                    span(b)
                ),
                format!(
                    "Period {} is outside the parent plan's {}",
                    span(a),
                    span(b)
                ),
            ),
        ));
    }
    out
}
