//! Resolves each document's references against the set: a citation names
//! one document by its number, and its kind, date and issuer must agree
//! with that document. A number that matches with a date or an issuer that
//! does not is a mismatch (a finding, not a link); a citation of an issuer
//! that has documents in the set but none with that number is unresolved;
//! a citation of a body outside the set is information only.

use crate::body::{body_of, Body};
use crate::model::{Link, LinkStatus};
use crate::view::Doc;
use vnplan_record::fold::fold;
use vnplan_record::vocab::ReferenceRole;

/// A resolved link with what the comparison needs beyond the JSON.
pub(crate) struct Resolution {
    pub from: usize,
    pub to: Option<usize>,
    pub status: LinkStatus,
    /// Index of the reference in the citing record.
    pub reference: usize,
    pub basis: bool,
    /// What disagreed, for a mismatch: `date` and/or `issuer`.
    pub differs: Vec<&'static str>,
}

/// A document number compared as typed, without spaces or case:
/// `52 /KH-UBND` and `52/kh-ubnd` are one number.
pub(crate) fn number_key(number: &str) -> String {
    fold(number)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

pub(crate) fn resolve(docs: &[Doc<'_>]) -> Vec<Resolution> {
    let mut by_number: std::collections::HashMap<String, Vec<usize>> = Default::default();
    for (i, d) in docs.iter().enumerate() {
        if let Some(n) = &d.record.document.number {
            by_number.entry(number_key(n)).or_default().push(i);
        }
    }
    // Documents by the place of their issuer, to tell a citation of a body
    // that has documents in the set without a pass over the set.
    let mut by_place: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for (i, d) in docs.iter().enumerate() {
        if let Some(p) = d.body.place.as_deref() {
            by_place.entry(p).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for (from, doc) in docs.iter().enumerate() {
        for (ri, r) in doc.record.references.iter().enumerate() {
            let Some(number) = &r.number else { continue };
            let cited: Option<Body> = r.issuer.as_deref().map(body_of);
            let candidates: Vec<usize> = by_number
                .get(&number_key(number))
                .map(|v| v.iter().copied().filter(|&j| j != from).collect())
                .unwrap_or_default();
            let judge = |j: usize| {
                let d = &docs[j];
                let kind_ok = match (&d.record.document.kind, r.kind.as_str()) {
                    (Some(k), rk) if !rk.is_empty() => k == rk,
                    _ => true,
                };
                let issuer_ok = cited.as_ref().is_none_or(|c| c.compatible(&d.body));
                let date_ok = match (&r.date, &d.record.document.date) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                };
                (kind_ok, issuer_ok, date_ok)
            };
            let resolved = candidates
                .iter()
                .copied()
                .find(|&j| judge(j) == (true, true, true));
            let basis = r.role == ReferenceRole::Basis;
            let (to, status, differs) = if let Some(j) = resolved {
                (Some(j), LinkStatus::Resolved, Vec::new())
            } else if let Some(j) = candidates.iter().copied().find(|&j| {
                let (k, i, d) = judge(j);
                k && (i != d)
            }) {
                let (_, issuer_ok, date_ok) = judge(j);
                let mut differs = Vec::new();
                if !date_ok {
                    differs.push("date");
                }
                if !issuer_ok {
                    differs.push("issuer");
                }
                (Some(j), LinkStatus::Mismatch, differs)
            } else if cited.as_ref().is_some_and(|c| {
                c.place
                    .as_deref()
                    .and_then(|p| by_place.get(p))
                    .is_some_and(|same| {
                        same.iter()
                            .any(|&j| j != from && c.compatible(&docs[j].body))
                    })
            }) {
                (None, LinkStatus::Unresolved, Vec::new())
            } else {
                (None, LinkStatus::External, Vec::new())
            };
            out.push(Resolution {
                from,
                to,
                status,
                reference: ri,
                basis,
                differs,
            });
        }
    }
    out
}

pub(crate) fn link_of(docs: &[Doc<'_>], r: &Resolution) -> Link {
    let reference = &docs[r.from].record.references[r.reference];
    Link {
        from: docs[r.from].source.to_string(),
        to: r.to.map(|j| docs[j].source.to_string()),
        status: r.status,
        reference: reference.id.clone(),
        text: reference.text.clone(),
        line: reference.at.line,
    }
}
