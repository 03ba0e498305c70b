//! The criteria matrix (communes × the national criteria, each source's
//! status, conflicts marked) and the deadline timeline (every deadline by
//! unit and date, with the parent's deadline it was matched to).

use crate::families::Tree;
use crate::findings::{criteria_facts, DeadlineMatch};
use crate::model::{
    CountEntry, Counterpart, CriteriaMatrix, MatrixCell, MatrixRow, StatusEntry, TimelineEntry,
};
use crate::view::{iso, last_day, Doc};
use std::collections::BTreeMap;
use vnplan_record::vocab::CriterionStatus;

/// The national set has 19 criteria (Decision 318/QĐ-TTg and its
/// successors); numbered criteria outside it are left out of the matrix.
const CRITERIA: u32 = 19;

pub(crate) fn criteria_matrix(docs: &[Doc<'_>], tree: &Tree) -> CriteriaMatrix {
    let facts = criteria_facts(docs, tree);
    let mut rows = Vec::new();
    for (commune, f) in &facts {
        let counts = f
            .counts
            .iter()
            .map(|&(d, i)| {
                let k = &docs[d].record.criteria_counts[i];
                CountEntry {
                    source: docs[d].source.to_string(),
                    achieved: k.achieved,
                    total: k.total,
                    status: k.status.map(|s| s.as_str().to_string()),
                    line: k.at.line,
                }
            })
            .collect();
        let mut cells: BTreeMap<u32, Vec<StatusEntry>> = BTreeMap::new();
        for &(d, i) in &f.statuses {
            let k = &docs[d].record.criteria[i];
            let (Some(n), Some(s)) = (k.number, k.status) else {
                continue;
            };
            if !(1..=CRITERIA).contains(&n) {
                continue;
            }
            cells.entry(n).or_default().push(StatusEntry {
                source: docs[d].source.to_string(),
                status: s.as_str().to_string(),
                line: k.at.line,
            });
        }
        let cells = cells
            .into_iter()
            .map(|(criterion, entries)| {
                let met = entries
                    .iter()
                    .any(|e| e.status == CriterionStatus::Dat.as_str());
                let unmet = entries
                    .iter()
                    .any(|e| e.status == CriterionStatus::ChuaDat.as_str());
                MatrixCell {
                    criterion,
                    entries,
                    conflict: met && unmet,
                }
            })
            .collect();
        rows.push(MatrixRow {
            commune: commune.name.clone(),
            district: commune.district_name.clone(),
            counts,
            cells,
        });
    }
    CriteriaMatrix {
        criteria: (1..=CRITERIA).collect(),
        rows,
    }
}

pub(crate) fn timeline(docs: &[Doc<'_>], matches: &[DeadlineMatch]) -> Vec<TimelineEntry> {
    let mut parent_of: BTreeMap<(usize, usize), &DeadlineMatch> = BTreeMap::new();
    for m in matches {
        // The first match kept: the nearest parent comes first in the edges.
        parent_of.entry((m.child, m.child_item)).or_insert(m);
    }
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (i, dl) in doc.record.deadlines.iter().enumerate() {
            let parent = parent_of.get(&(d, i)).map(|m| {
                let pd = &docs[m.parent].record.deadlines[m.parent_item];
                Counterpart {
                    source: docs[m.parent].source.to_string(),
                    item: pd.id.clone(),
                    due: pd.due.clone(),
                    later: m.later,
                }
            });
            let units: Vec<Option<String>> = if dl.units.is_empty() {
                vec![None]
            } else {
                dl.units.iter().cloned().map(Some).collect()
            };
            for unit in units {
                out.push(TimelineEntry {
                    due: dl.due.clone(),
                    last_day: last_day(&dl.due).map(iso),
                    unit,
                    task: dl.task.clone(),
                    source: doc.source.to_string(),
                    level: doc.level,
                    item: dl.id.clone(),
                    line: dl.at.line,
                    parent: parent.clone(),
                });
            }
        }
    }
    out.sort_by(|a, b| {
        (&a.unit, &a.last_day, &a.source, a.line).cmp(&(&b.unit, &b.last_day, &b.source, b.line))
    });
    out
}
