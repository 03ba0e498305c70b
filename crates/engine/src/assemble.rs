//! Assembly: extractions → record items. Gives every item its envelope —
//! a stable id (the item kind's prefix and a hash of the document and the
//! item's span), the enclosing section and provenance — and builds the
//! [`DocumentText`] that travels beside the record.
//!
//! Owns no recognition: every decision about what an item is was made by an
//! extractor; this module only maps typed hits onto record types.

use crate::extract::{Extractions, Note};
use crate::lexicon::abbreviations::canonical_position;
use crate::normalize::Normalized;
use crate::record::text::{DocumentText, Paragraph, Part};
use crate::record::vocab::{Authority, ReferenceRole, WarningCode};
use crate::record::*;
use crate::segment::Outline;
use crate::textpos::Locator;
use sha2::{Digest, Sha256};

/// Hex SHA-256 of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// What every item needs: the text, its outline, where things are, the
/// section of every paragraph and the document hash for ids.
struct Ctx<'a> {
    text: &'a str,
    o: &'a Outline,
    loc: Locator<'a>,
    /// Innermost section of each paragraph (index into `o.sections`).
    owner: Vec<Option<usize>>,
    sha: &'a str,
}

impl Ctx<'_> {
    /// Path of the innermost section covering byte `byte`.
    fn section_at(&self, byte: usize) -> Option<String> {
        let para = self.o.para_of(byte);
        self.owner
            .get(para)
            .copied()
            .flatten()
            .map(|k| self.o.sections[k].path.clone())
    }

    /// The envelope around `data` for the byte range `[start, end)`.
    fn item<T: ItemData>(&self, data: T, start: usize, end: usize) -> Item<T> {
        let at = self.loc.locate(start, end);
        Item {
            id: item_id(self.sha, T::ID_PREFIX, at.span),
            data,
            section: self.section_at(start),
            at,
        }
    }

    fn warning(&self, note: Note) -> Warning {
        Warning {
            code: note.code,
            message: note.message,
            span: Some(self.loc.locate(note.start, note.end).span),
        }
    }

    /// The text of a byte range. Extractors give char-boundary offsets; a
    /// range that is not (a bug) is widened to the nearest boundaries, so
    /// it costs one quote its exactness instead of the whole document.
    fn quote(&self, start: usize, end: usize) -> String {
        let floor = |mut i: usize| {
            i = i.min(self.text.len());
            while !self.text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let ceil = |mut i: usize| {
            i = i.min(self.text.len());
            while !self.text.is_char_boundary(i) {
                i += 1;
            }
            i
        };
        debug_assert!(
            self.text.is_char_boundary(start.min(self.text.len()))
                && self.text.is_char_boundary(end.min(self.text.len())),
            "item offsets {start}..{end} are not on character boundaries"
        );
        let (s, e) = (floor(start), ceil(end));
        self.text[s..e.max(s)].to_string()
    }
}

/// Stable id of an item: document hash, item kind and span.
fn item_id(sha: &str, kind: &str, span: [usize; 2]) -> String {
    let digest = Sha256::digest(format!("{sha}:{kind}:{}:{}", span[0], span[1]).as_bytes());
    format!("{kind}-{}", hex(&digest[..6]))
}

/// The record of one document from its extractions. `warnings` are the
/// ingest stage's, which come first.
pub fn assemble(
    norm: &Normalized,
    o: &Outline,
    x: Extractions,
    source: Source,
    mut warnings: Vec<Warning>,
) -> Record {
    let text = norm.text.as_str();
    let sha = source.sha256.clone();
    let cx = Ctx {
        text,
        o,
        loc: Locator::new(norm),
        owner: o.innermost_sections(),
        sha: &sha,
    };

    let document = document_of(&cx, &x);
    if document.kind.is_none() && o.sections.is_empty() {
        warnings.push(Warning {
            code: WarningCode::NotAPlan,
            message: "no document type line and no numbered outline: this may not be an administrative document".into(),
            span: None,
        });
    }
    warnings.extend(x.dates.notes.iter().cloned().map(|n| cx.warning(n)));
    warnings.extend(x.criteria.warnings.iter().cloned().map(|n| cx.warning(n)));

    let references = x
        .references
        .into_iter()
        .map(|r| {
            let (start, end) = (r.start, r.end);
            let data = Reference {
                kind: r.kind,
                number: r.number,
                date: r.date,
                issuer: r.issuer,
                role: if r.basis {
                    ReferenceRole::Basis
                } else {
                    ReferenceRole::Body
                },
                text: r.text,
                mentions: r.mentions,
            };
            cx.item(data, start, end)
        })
        .collect();
    let sections = sections_of(&cx);
    let dates = x
        .dates
        .hits
        .into_iter()
        .map(|(_, d)| {
            let data = DateItem {
                text: cx.quote(d.start, d.end),
                kind: d.kind,
                value: d.value,
                solar: d.solar,
                role: d.role,
            };
            cx.item(data, d.start, d.end)
        })
        .collect();
    let deadlines = x
        .deadlines
        .hits
        .into_iter()
        .zip(x.deadline_units)
        .map(|((_, d), units)| {
            let data = Deadline {
                due: d.due,
                relation: d.relation,
                task: d.task,
                units,
                text: cx.quote(d.start, d.end),
            };
            cx.item(data, d.start, d.end)
        })
        .collect();
    let assignments = x
        .assignments
        .into_iter()
        .map(|a| {
            let data = Assignment {
                unit: a.unit.canonical,
                role: a.role,
                tasks: a
                    .tasks
                    .into_iter()
                    .map(|(text, due)| Task { text, due })
                    .collect(),
            };
            cx.item(data, a.unit.start, a.unit.end)
        })
        .collect();
    let units = x
        .units
        .into_iter()
        .map(|u| {
            let data = Unit {
                text: u.surface,
                canonical: u.canonical,
            };
            cx.item(data, u.start, u.end)
        })
        .collect();
    let criteria = x
        .criteria
        .criteria
        .into_iter()
        .map(|c| {
            let data = Criterion {
                number: c.number,
                indicator: c.indicator,
                name: c.name,
                status: c.status,
                subject: c.subject,
                text: cx.quote(c.start, c.end),
            };
            cx.item(data, c.start, c.end)
        })
        .collect();
    let criteria_counts = x
        .criteria
        .counts
        .into_iter()
        .map(|c| {
            let data = CriteriaCount {
                achieved: c.achieved,
                total: c.total,
                status: c.status,
                subject: c.subject,
                text: cx.quote(c.start, c.end),
            };
            cx.item(data, c.start, c.end)
        })
        .collect();
    let targets = x
        .targets
        .into_iter()
        .map(|t| {
            let data = Target {
                quantity: t.quantity,
                min: t.min,
                unit: t.unit,
                object: t.object,
                comparator: t.comparator,
                text: cx.quote(t.start, t.end),
            };
            cx.item(data, t.start, t.end)
        })
        .collect();

    Record {
        schema: SCHEMA_VERSION.to_string(),
        id: format!("doc-{}", &sha[..16]),
        stats: Stats {
            chars: cx.loc.chars(),
            lines: text.lines().count(),
            paragraphs: norm.paragraphs,
        },
        text: Some(document_text(&cx)),
        source,
        document,
        references,
        sections,
        dates,
        deadlines,
        units,
        assignments,
        criteria,
        criteria_counts,
        targets,
        warnings,
    }
}

/// Identity of the document: header fields, issuer, signer, recipients.
fn document_of(cx: &Ctx, x: &Extractions) -> Document {
    let h = &cx.o.header;
    Document {
        kind: h.kind.as_ref().map(|k| k.1.to_string()),
        kind_name: h.kind.as_ref().map(|k| k.0.to_string()),
        number: h.number.as_ref().map(|n| n.text.clone()),
        symbol: h.symbol.clone(),
        issuer: x.identity.issuer.clone(),
        parent: x.identity.parent.clone(),
        issuer_level: x.identity.level,
        issuer_source: x.identity.source,
        place: h.place.as_ref().map(|p| p.text.clone()),
        date: h.date.as_ref().map(|d| d.0.clone()),
        title: h.title.as_ref().map(|t| t.text.clone()),
        signer: signer_of(cx),
        // A Công văn's addressees (`Kính gửi`) first, then `Nơi nhận`.
        recipients: h
            .addressees
            .iter()
            .chain(cx.o.recipients.iter())
            .map(|r| r.text.clone())
            .collect(),
    }
}

/// The signature block as a [`Signer`].
fn signer_of(cx: &Ctx) -> Option<Signer> {
    let s = cx.o.signature.as_ref()?;
    let authority = if s.authorities.iter().any(|(p, _)| *p == Authority::Kt) {
        Some(Authority::Kt)
    } else {
        s.authorities.first().map(|(p, _)| *p)
    };
    let none = crate::extract::names::HomePlaces::default();
    let positions: Vec<String> = s
        .positions
        .iter()
        .map(|p| canonical_position(&p.text))
        .collect();
    Some(Signer {
        name: s.name.as_ref().map(|n| n.text.clone()),
        position: positions.first().cloned(),
        positions,
        authority,
        on_behalf_of: s
            .authorities
            .iter()
            .find(|(p, _)| *p == Authority::Tm)
            .map(|(_, b)| crate::extract::names::canonical_body(&b.text, &none)),
        signs_for: s
            .authorities
            .iter()
            .find(|(p, _)| *p == Authority::Kt)
            .map(|(_, b)| canonical_position(&b.text)),
        at: Some(cx.loc.locate(s.start, s.end)),
    })
}

/// The outline as record sections; a section's `section` is its parent.
fn sections_of(cx: &Ctx) -> Vec<Item<Section>> {
    let o = cx.o;
    let paths: std::collections::HashSet<&str> =
        o.sections.iter().map(|s| s.path.as_str()).collect();
    o.sections
        .iter()
        .map(|s| {
            let start = o.paras[s.para].start;
            let at = cx.loc.locate(start, s.heading.end.max(start));
            let parent = s
                .path
                .rsplit_once('.')
                .map(|(p, _)| p)
                .filter(|p| paths.contains(p))
                .map(str::to_string);
            Item {
                id: item_id(cx.sha, Section::ID_PREFIX, at.span),
                data: Section {
                    path: s.path.clone(),
                    level: s.level,
                    marker: s.marker.clone(),
                    heading: s.heading.text.clone(),
                    kind: s.kind,
                },
                section: parent,
                at,
            }
        })
        .collect()
}

/// The normalised text with each paragraph's span, lines, page, part and
/// innermost section.
fn document_text(cx: &Ctx) -> DocumentText {
    let o = cx.o;
    let paragraphs = o
        .paras
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let at = cx.loc.locate(p.start, p.end);
            let last_char = cx.text[p.start..p.end]
                .char_indices()
                .last()
                .map(|(b, _)| p.start + b)
                .unwrap_or(p.start);
            let end_line = cx.loc.locate(last_char, p.end).line.max(at.line);
            let part = if i < o.header.next_para {
                Part::Header
            } else if i < o.body_start {
                Part::Preamble
            } else if i < o.body_end {
                Part::Body
            } else if o.annexes.iter().any(|a| i >= a.start && i < a.end) {
                Part::Annex
            } else {
                Part::Closing
            };
            Paragraph {
                span: at.span,
                line: at.line,
                end_line,
                page: at.page,
                part,
                section: cx.owner[i].map(|k| o.sections[k].path.clone()),
            }
        })
        .collect();
    DocumentText {
        text: cx.text.to_string(),
        paragraphs,
    }
}
