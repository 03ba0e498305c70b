//! Families: each document's parent, the plan it implements, one level up.
//! By reference first (the document cites it); else by assignment (the
//! parent gives work to the document's issuer by name); else by place (the
//! document speaks of the parent's district or province, on an overlapping
//! period). A parent is always of a higher level, so the families are trees.

use crate::body::{rank, Body, Side};
use crate::links::Resolution;
use crate::model::{Family, LinkStatus, Member, Via};
use crate::view::Doc;
use std::collections::HashMap;
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

/// Level words (folded) that name a place of a level.
fn level_words(level: Level) -> &'static [&'static [&'static str]] {
    match level {
        Level::Tinh => &[&["tinh"], &["thanh", "pho"]],
        Level::Huyen => &[&["huyen"], &["thi", "xa"], &["thanh", "pho"], &["quan"]],
        Level::Xa => &[&["xa"], &["phuong"], &["thi", "tran"]],
        _ => &[],
    }
}

/// How often a document names each place of the level of rank `rank`
/// (`huyện Đăk Hà`): one pass over its folded words, each level word
/// followed by one to four words looked up.
fn place_mentions(
    doc: &Doc<'_>,
    rank_above: u8,
    places: &HashMap<(Level, &str), Vec<usize>>,
) -> HashMap<usize, usize> {
    let level = match rank_above {
        1 => Level::Tinh,
        2 => Level::Huyen,
        3 => Level::Xa,
        _ => return HashMap::new(),
    };
    let mut out: HashMap<usize, usize> = HashMap::new();
    for para in doc.paragraphs() {
        let folded = fold(para);
        let words: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        for i in 0..words.len() {
            for lw in level_words(level) {
                if !words[i..].starts_with(lw) {
                    continue;
                }
                let start = i + lw.len();
                for len in 1..=4 {
                    let Some(name) = words.get(start..start + len) else {
                        break;
                    };
                    for &p in places
                        .get(&(level, name.join(" ").as_str()))
                        .into_iter()
                        .flatten()
                    {
                        *out.entry(p).or_default() += 1;
                    }
                }
            }
        }
    }
    out
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
    // Issuers by (side, level, place), and places by (level, place): every
    // lookup below is a hash probe, so a set of thousands of plans is not
    // compared pair by pair.
    let mut by_issuer: HashMap<(Side, Level, &str), Vec<usize>> = HashMap::new();
    let mut by_place: HashMap<(Level, &str), Vec<usize>> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        if let (Some(level), Some(place)) = (d.level, d.body.place.as_deref()) {
            by_issuer
                .entry((d.body.side, level, place))
                .or_default()
                .push(i);
            by_place.entry((level, place)).or_default().push(i);
        }
    }
    // Who names whom as a unit given work (by name, not `các xã`).
    let mut named_by: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (p, d) in docs.iter().enumerate() {
        for u in unit_bodies(d) {
            let (Some(level), Some(place), false) = (u.level, u.place.as_deref(), u.collective)
            else {
                continue;
            };
            for &c in by_issuer.get(&(u.side, level, place)).into_iter().flatten() {
                if c != p && above(p, c) && !named_by[c].contains(&p) {
                    named_by[c].push(p);
                }
            }
        }
    }
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
        let named = named_by[c]
            .iter()
            .copied()
            .max_by_key(|&p| (ranks[p], std::cmp::Reverse(p)));
        if let Some(p) = named {
            parent[c] = Some((p, Via::Assignment));
            continue;
        }
        // 3. By place: the next level up whose place this document names.
        let Some(rc) = ranks[c].filter(|&r| r > 0) else {
            continue;
        };
        let mentions = place_mentions(&docs[c], rc - 1, &by_place);
        let found = mentions
            .into_iter()
            .filter(|&(p, _)| p != c && ranks[p] == Some(rc - 1))
            .filter(|&(p, _)| overlaps(docs[p].period, docs[c].period))
            .map(|(p, m)| (p, m, docs[p].body.side == docs[c].body.side))
            .max_by_key(|&(p, m, same_side)| (same_side, m, std::cmp::Reverse(p)));
        if let Some((p, _, _)) = found {
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
