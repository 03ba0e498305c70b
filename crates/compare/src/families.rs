//! Families: each document's parent, the plan it implements, one level up.
//! By reference first (the document cites it); else by assignment (the
//! parent gives work to the document's issuer by name); else by place (the
//! document speaks of the parent's district or province, on an overlapping
//! period). A parent is always of a higher level, so the families are trees.

use crate::body::{rank, Body};
use crate::links::Resolution;
use crate::model::{Family, LinkStatus, Member, Via};
use crate::view::Doc;
use vnplan_record::fold::fold;
use vnplan_record::vocab::Level;

pub(crate) struct Tree {
    /// Parent of each document and how it was found.
    pub parent: Vec<Option<(usize, Via)>>,
    pub families: Vec<Family>,
    /// Family index of each document.
    pub family_of: Vec<Option<usize>>,
}

impl Tree {
    /// Every (ancestor, descendant) pair within a family, nearest first.
    pub fn edges(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for child in 0..self.parent.len() {
            let mut at = child;
            while let Some((p, _)) = self.parent[at] {
                out.push((p, child));
                at = p;
            }
        }
        out
    }
}

fn level_word(level: Level) -> &'static [&'static str] {
    match level {
        Level::Tinh => &["tinh", "thanh pho"],
        Level::Huyen => &["huyen", "thi xa", "thanh pho", "quan"],
        Level::Xa => &["xa", "phuong", "thi tran"],
        _ => &[],
    }
}

fn overlaps(a: Option<[i32; 2]>, b: Option<[i32; 2]>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a[0] <= b[1] && b[0] <= a[1],
        _ => true,
    }
}

fn unit_bodies(doc: &Doc<'_>) -> Vec<Body> {
    let r = doc.record;
    r.assignments
        .iter()
        .map(|a| a.unit.as_str())
        .chain(
            r.deadlines
                .iter()
                .flat_map(|d| d.units.iter().map(String::as_str)),
        )
        .map(crate::body::body_of)
        .collect()
}

pub(crate) fn build(docs: &[Doc<'_>], links: &[Resolution]) -> Tree {
    let n = docs.len();
    let ranks: Vec<Option<u8>> = docs.iter().map(|d| rank(d.level)).collect();
    let above = |p: usize, c: usize| matches!((ranks[p], ranks[c]), (Some(a), Some(b)) if a < b);
    let folded: Vec<String> = docs
        .iter()
        .map(|d| fold(&d.paragraphs().join("\n")))
        .collect();
    let units: Vec<Vec<Body>> = docs.iter().map(unit_bodies).collect();
    let mut parent: Vec<Option<(usize, Via)>> = vec![None; n];
    for c in 0..n {
        // 1. By reference: the nearest level above among the cited documents.
        let cited = links
            .iter()
            .filter(|l| {
                l.from == c && matches!(l.status, LinkStatus::Resolved | LinkStatus::Mismatch)
            })
            .filter_map(|l| l.to.map(|t| (t, l.basis)))
            .filter(|&(t, _)| above(t, c))
            .max_by_key(|&(t, basis)| (ranks[t], basis, std::cmp::Reverse(t)));
        if let Some((t, _)) = cited {
            parent[c] = Some((t, Via::Reference));
            continue;
        }
        // 2. By assignment: a document above names this issuer as a unit.
        let named = (0..n)
            .filter(|&p| p != c && above(p, c))
            .filter(|&p| units[p].iter().any(|u| u.names(&docs[c].body)))
            .max_by_key(|&p| (ranks[p], std::cmp::Reverse(p)));
        if let Some(p) = named {
            parent[c] = Some((p, Via::Assignment));
            continue;
        }
        // 3. By place: the next level up whose place this document names.
        let Some(rc) = ranks[c] else { continue };
        let by_place = (0..n)
            .filter(|&p| p != c && ranks[p] == Some(rc.saturating_sub(1)) && rc > 0)
            .filter(|&p| overlaps(docs[p].period, docs[c].period))
            .filter_map(|p| {
                let place = docs[p].body.place.as_ref()?;
                let level = docs[p].level?;
                let mentions: usize = level_word(level)
                    .iter()
                    .map(|w| folded[c].matches(&format!("{w} {place}")).count())
                    .sum();
                (mentions > 0).then_some((p, mentions, docs[p].body.side == docs[c].body.side))
            })
            .max_by_key(|&(p, m, same_side)| (same_side, m, std::cmp::Reverse(p)));
        if let Some((p, _, _)) = by_place {
            parent[c] = Some((p, Via::Place));
        }
    }
    // Trees, each parent before its children, children in input order.
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (c, p) in parent.iter().enumerate() {
        if let Some((p, _)) = p {
            children[*p].push(c);
        }
    }
    let mut families = Vec::new();
    let mut family_of = vec![None; n];
    for root in 0..n {
        if parent[root].is_some() || children[root].is_empty() {
            continue;
        }
        let id = families.len();
        let mut members = Vec::new();
        let mut stack = vec![(root, 0usize)];
        while let Some((d, depth)) = stack.pop() {
            family_of[d] = Some(id);
            members.push(Member {
                source: docs[d].source.to_string(),
                parent: parent[d].map(|(p, _)| docs[p].source.to_string()),
                level: docs[d].level,
                via: parent[d].map_or(Via::Root, |(_, v)| v),
                depth,
            });
            for &c in children[d].iter().rev() {
                stack.push((c, depth + 1));
            }
        }
        families.push(Family {
            id,
            root: docs[root].source.to_string(),
            members,
        });
    }
    Tree {
        parent,
        families,
        family_of,
    }
}
