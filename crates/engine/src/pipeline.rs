//! One document through every stage: bytes → ingest → normalise → segment
//! → extract → [`Record`]. The only place that knows the order of stages.
//!
//! Assembly turns stage outputs into the record types and gives every item
//! its provenance and a stable id (derived from the document hash and the
//! item's position, so re-runs diff cleanly).

use crate::error::DocError;
use crate::extract::dates::{self, DateContext, DateHit};
use crate::extract::names::{canonical_body, level_of, place_of, HomePlaces};
use crate::extract::{criteria, deadlines, references, targets, units};
use crate::ingest::{self, Format};
use crate::lexicon::abbreviations::canonical_position;
use crate::normalize::{self, NormalizeOptions, Normalized};
use crate::record::*;
use crate::segment::{self, outline::section_at, Outline};
use crate::textpos::Locator;
use regex::Regex;
use sha2::{Digest, Sha256};
use std::sync::LazyLock;

/// Options for processing one document.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub normalize: NormalizeOptions,
    /// Read image-only PDFs by OCR (needs Tesseract with `vie`).
    pub ocr: bool,
}

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

/// Process one document given its display path and bytes. `format` is
/// taken from the path's extension unless given.
pub fn process_bytes(
    path: &str,
    bytes: &[u8],
    format: Option<Format>,
    opts: &Options,
) -> Result<Record, DocError> {
    let format = format.or_else(|| Format::from_path(path)).ok_or_else(|| {
        DocError::UnsupportedFormat(format!("cannot tell the format of {path} from its name"))
    })?;
    let raw = ingest::ingest_with(bytes, format, opts.ocr)?;
    let mut nopts = opts.normalize;
    if format == Format::Markdown {
        nopts.strip_markdown = Some(true);
    }
    let norm = normalize::normalize(&raw.text, &raw.page_starts, &nopts);
    if norm.text.trim().is_empty() {
        return Err(DocError::Empty);
    }
    let outline = segment::segment(&norm);
    let sha = sha256_hex(bytes);
    let source = Source {
        path: path.to_string(),
        format: format.name().to_string(),
        sha256: sha.clone(),
        bytes: bytes.len() as u64,
        pages: raw.pages,
        encoding: raw.encoding.clone(),
        backend: raw.backend.to_string(),
        text_quality: raw.quality.map(|q| (q * 1000.0).round() / 1000.0),
    };
    let mut record = assemble(&norm, &outline, source);
    for (code, message) in raw.warnings {
        record.warnings.insert(
            0,
            Warning {
                code,
                message,
                span: None,
            },
        );
    }
    Ok(record)
}

/// Stable id of an item: document hash, item kind and span.
fn item_id(sha: &str, kind: &str, span: [usize; 2]) -> String {
    let digest = Sha256::digest(format!("{sha}:{kind}:{}:{}", span[0], span[1]).as_bytes());
    format!("{kind}-{}", hex(&digest[..6]))
}

static INTRO_ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\.\s+)(?P<body>(?:Ủy ban|UBND|Ban|Hội đồng|HĐND|Đảng ủy|Huyện ủy|Tỉnh ủy|Thường trực|Văn phòng|Sở|Phòng|Trung tâm)[^,.;:]*?)\s+(?:xây dựng|ban hành|triển khai)\s+(?:[Kk]ế hoạch|[Cc]hương trình)")
        .expect("valid regex")
});
static CLOSING_ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bcủa\s+(?P<body>(?:Ủy ban|UBND|Ban|Hội đồng|HĐND|Đảng ủy|Huyện ủy|Tỉnh ủy|Thường trực|Văn phòng|Sở|Phòng|Trung tâm)[^,.;:]*?)\s*(?:[.,;:]|$)")
        .expect("valid regex")
});

fn issuer_of(text: &str, o: &Outline) -> (Option<String>, Option<&'static str>) {
    let none = HomePlaces::default();
    if !o.header.issuer_lines.is_empty() {
        let joined: Vec<&str> = o
            .header
            .issuer_lines
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        return (
            Some(canonical_body(&joined.join(" "), &none)),
            Some("header"),
        );
    }
    if let Some(c) = o
        .closing
        .and_then(|i| CLOSING_ISSUER.captures(o.paras[i].text(text)))
    {
        return (Some(canonical_body(&c["body"], &none)), Some("closing"));
    }
    let intro_paras = o.bases.iter().chain(o.intro.iter());
    for &i in intro_paras {
        if let Some(c) = INTRO_ISSUER.captures(o.paras[i].text(text)) {
            return (Some(canonical_body(&c["body"], &none)), Some("intro"));
        }
    }
    if let Some(sig) = &o.signature {
        if let Some((_, body)) = sig.authorities.iter().find(|(p, _)| p == "TM.") {
            return (Some(canonical_body(&body.text, &none)), Some("signature"));
        }
    }
    (None, None)
}

/// What every part of the assembly needs: the text, its outline, where
/// things are, and the document hash for item ids.
struct Ctx<'a> {
    text: &'a str,
    o: &'a Outline,
    loc: Locator<'a>,
    sha: String,
}

impl Ctx<'_> {
    /// Path of the innermost section covering paragraph `para`.
    fn section_of(&self, para: usize) -> Option<String> {
        section_at(&self.o.sections, para).map(|s| s.path.clone())
    }

    fn id(&self, kind: &str, span: [usize; 2]) -> String {
        item_id(&self.sha, kind, span)
    }
}

fn assemble(norm: &Normalized, o: &Outline, source: Source) -> Record {
    let text = &norm.text;
    let cx = Ctx {
        text,
        o,
        loc: Locator::new(norm),
        sha: source.sha256.clone(),
    };
    let loc = &cx.loc;
    let sha = &cx.sha;
    let mut warnings: Vec<Warning> = Vec::new();

    // Document identity.
    let (issuer, issuer_source) = issuer_of(text, o);
    let mut home = HomePlaces::default();
    if let Some((level, name)) = issuer.as_deref().and_then(place_of) {
        home.places.push((level, name));
    }
    learn_places(text, &mut home);
    let signer = signer_of(&cx);
    let h = &o.header;
    let document = Document {
        kind: h.kind.as_ref().map(|k| k.1.to_string()),
        kind_name: h.kind.as_ref().map(|k| k.0.to_string()),
        number: h.number.as_ref().map(|n| n.text.clone()),
        symbol: h.symbol.clone(),
        issuer_level: issuer.as_deref().and_then(level_of).map(str::to_string),
        issuer,
        issuer_source: issuer_source.map(str::to_string),
        place: h.place.as_ref().map(|p| p.text.clone()),
        date: h.date.as_ref().map(|d| d.0.clone()),
        title: h.title.as_ref().map(|t| t.text.clone()),
        signer,
        recipients: o.recipients.iter().map(|r| r.text.clone()).collect(),
    };
    if document.kind.is_none() && o.sections.is_empty() {
        warnings.push(Warning {
            code: "not_a_plan".into(),
            message: "no document type line and no numbered outline: this may not be an administrative document".into(),
            span: None,
        });
    }

    let section_of = |para: usize| cx.section_of(para);

    let references = references_of(&cx, &home, document.number.as_deref());

    let sections = sections_of(&cx);

    // Dates and deadlines.
    let header_year = h
        .date
        .as_ref()
        .and_then(|d| d.0.get(..4))
        .and_then(|y| y.parse().ok());
    let ctx = DateContext {
        year: header_year.or_else(|| h.title.as_ref().and_then(|t| dates::title_year(&t.text))),
    };
    let mut date_items = Vec::new();
    let mut deadline_hits = Vec::new();
    for (i, p) in o.paras.iter().enumerate() {
        let ptext = p.text(text);
        let mut hits: Vec<DateHit> = dates::extract_paragraph(ptext, p.start, &ctx);
        for hit in hits.iter_mut() {
            if let Some((_, piece)) = &h.date {
                if hit.start < piece.end && piece.start < hit.end {
                    hit.role = "issued";
                }
            }
            if ptext.starts_with("(Kèm theo") {
                hit.role = "issued";
                if let Some((hd, _)) = &h.date {
                    if hd.len() == 10 && hit.value.len() == 10 && *hd != hit.value {
                        warnings.push(Warning {
                            code: "annex_date_mismatch".into(),
                            message: format!(
                                "the annex line gives {} but the document is dated {hd}",
                                hit.value
                            ),
                            span: Some(loc.locate(hit.start, hit.end).span),
                        });
                    }
                }
            }
        }
        let section = section_of(i);
        for d in deadlines::bind(ptext, p.start, &hits) {
            deadline_hits.push((i, d));
        }
        for hit in hits {
            let at = loc.locate(hit.start, hit.end);
            if let Some(w) = hit.warning {
                warnings.push(Warning {
                    code: "weekday_mismatch".into(),
                    message: w,
                    span: Some(at.span),
                });
            }
            date_items.push(DateItem {
                id: item_id(sha, "date", at.span),
                text: text[hit.start..hit.end].to_string(),
                kind: hit.kind.to_string(),
                value: hit.value,
                solar: hit.solar,
                role: hit.role.to_string(),
                section: section.clone(),
                at,
            });
        }
    }

    // Assignments: `Tổ chức thực hiện` sections and annex tables; then the
    // deadlines take the units of the assignment they sit in.
    let due_of = |para: usize| {
        deadline_hits
            .iter()
            .find(|(i, _)| *i == para)
            .map(|(_, d)| d.due.clone())
    };
    let mut assignment_hits = assignment_hits(text, o, &home, &due_of);
    // A bare body type that the issuer's name starts with (`Ban Chỉ đạo` in
    // a plan of the Ban Chỉ đạo … xã Quang Trung) is the issuer itself.
    for a in assignment_hits.iter_mut() {
        a.unit.canonical = issuer_if_bare(&a.unit.canonical, document.issuer.as_deref());
    }
    let units_at = |para: usize| -> Vec<String> {
        // The innermost assignment whose section covers the paragraph.
        let mut best: Option<(usize, Vec<String>)> = None;
        for s in &o.sections {
            if s.para <= para && para < s.end_para {
                let names: Vec<String> = assignment_hits
                    .iter()
                    .filter(|a| a.para == s.para)
                    .map(|a| a.unit.canonical.clone())
                    .collect();
                if !names.is_empty() && best.as_ref().is_none_or(|(p, _)| s.para >= *p) {
                    best = Some((s.para, names));
                }
            }
        }
        best.map(|b| b.1).unwrap_or_default()
    };
    let deadline_items: Vec<Deadline> = deadline_hits
        .iter()
        .map(|(i, d)| {
            let at = loc.locate(d.start, d.end);
            Deadline {
                id: item_id(sha, "ddl", at.span),
                due: d.due.clone(),
                relation: d.relation.to_string(),
                task: d.task.clone(),
                units: units_at(*i),
                text: text[d.start..d.end].to_string(),
                section: section_of(*i),
                at,
            }
        })
        .collect();
    let assignments: Vec<Assignment> = assignment_hits
        .iter()
        .map(|a| {
            let at = loc.locate(a.unit.start, a.unit.end);
            Assignment {
                id: item_id(sha, "asg", at.span),
                unit: a.unit.canonical.clone(),
                role: a.role.to_string(),
                tasks: a
                    .tasks
                    .iter()
                    .map(|(t, due)| Task {
                        text: t.clone(),
                        due: due.clone(),
                    })
                    .collect(),
                section: section_of(a.para),
                at,
            }
        })
        .collect();
    // Units: every body named as responsible, in assignments or in tasks
    // (`Phối hợp với …`), distinct by canonical name, first mention first.
    let mut unit_hits: Vec<(usize, units::UnitHit)> = assignment_hits
        .iter()
        .map(|a| (a.unit.start, a.unit.clone()))
        .collect();
    for (i, p) in o.paras.iter().enumerate() {
        if i >= o.body_start
            && (i < o.body_end || o.annexes.iter().any(|a| i >= a.start && i < a.end))
        {
            for u in units::mentions(p.text(text), p.start, &home) {
                // An assignment heading already gave this unit its reading.
                let covered = assignment_hits
                    .iter()
                    .any(|a| a.unit.start <= u.start && u.start < a.unit.end.max(a.unit.start + 1));
                if !covered {
                    unit_hits.push((u.start, u));
                }
            }
        }
    }
    // The issuer acts too: it is the first unit.
    if let Some(issuer) = &document.issuer {
        unit_hits.push((
            0,
            units::UnitHit {
                start: 0,
                end: 0,
                surface: issuer.clone(),
                canonical: issuer.clone(),
            },
        ));
    }
    let own_level = document
        .issuer
        .as_deref()
        .and_then(place_of)
        .filter(|(level, _)| level == "xã" || level == "huyện" || level == "tỉnh");
    for (_, u) in unit_hits.iter_mut() {
        u.canonical = units::complete_own_level(
            &u.canonical,
            own_level.as_ref().map(|(l, p)| (l.as_str(), p.as_str())),
        );
        u.canonical = issuer_if_bare(&u.canonical, document.issuer.as_deref());
    }
    unit_hits.sort_by_key(|(s, _)| *s);
    let mut seen = std::collections::HashSet::new();
    let unit_items: Vec<Unit> = unit_hits
        .into_iter()
        .filter(|(_, u)| seen.insert(u.canonical.clone()))
        .map(|(_, u)| {
            let at = loc.locate(u.start, u.end);
            Unit {
                id: item_id(sha, "unit", at.span),
                text: u.surface,
                canonical: u.canonical,
                section: section_of(para_index(o, u.start)),
                at,
            }
        })
        .collect();

    let (criteria_items, count_items, target_items) =
        criteria_and_targets(&cx, &document, &home, &mut warnings);

    Record {
        schema: SCHEMA_VERSION.to_string(),
        id: format!("doc-{}", &sha[..16]),
        stats: Stats {
            chars: loc.chars(),
            lines: text.lines().count(),
            paragraphs: norm.paragraphs,
        },
        source,
        document,
        references,
        sections,
        dates: date_items,
        deadlines: deadline_items,
        units: unit_items,
        assignments,
        criteria: criteria_items,
        criteria_counts: count_items,
        targets: target_items,
        warnings,
    }
}

/// The signature block as a [`Signer`].
fn signer_of(ctx: &Ctx) -> Option<Signer> {
    let o = ctx.o;
    o.signature.as_ref().map(|s| {
        let authority = if s.authorities.iter().any(|(p, _)| p == "KT.") {
            Some("KT.".to_string())
        } else {
            s.authorities.first().map(|(p, _)| p.clone())
        };
        let none = HomePlaces::default();
        let positions: Vec<String> = s
            .positions
            .iter()
            .map(|p| canonical_position(&p.text))
            .collect();
        Signer {
            name: s.name.as_ref().map(|n| n.text.clone()),
            position: positions.first().cloned(),
            positions,
            authority,
            on_behalf_of: s
                .authorities
                .iter()
                .find(|(p, _)| p == "TM.")
                .map(|(_, b)| canonical_body(&b.text, &none)),
            signs_for: s
                .authorities
                .iter()
                .find(|(p, _)| p == "KT.")
                .map(|(_, b)| canonical_position(&b.text)),
            at: Some(ctx.loc.locate(s.start, s.end)),
        }
    })
}

/// References of the title, legal bases, body and annexes, one per cited document.
fn references_of(ctx: &Ctx, home: &HomePlaces, own: Option<&str>) -> Vec<Reference> {
    let (text, o) = (ctx.text, ctx.o);
    let h = &o.header;
    // References: title, bases, body, annexes.
    let basis_paras: Vec<usize> = o.bases.clone();
    let mut ref_hits = Vec::new();
    if let Some(t) = &h.title {
        ref_hits.extend(references::extract_with(
            &t.text, t.start, true, false, home, own,
        ));
    }
    let title_end = h.title.as_ref().map(|t| t.end).unwrap_or(0);
    for (i, p) in o.paras.iter().enumerate() {
        if p.start < title_end || i < h.next_para {
            continue;
        }
        ref_hits.extend(references::extract_paragraph(
            p.text(text),
            p.start,
            basis_paras.contains(&i),
            home,
            own,
        ));
    }
    references::dedupe(ref_hits)
        .into_iter()
        .map(|r| {
            let at = ctx.loc.locate(r.start, r.end);
            Reference {
                id: ctx.id("ref", at.span),
                kind: r.kind,
                number: r.number,
                date: r.date,
                issuer: r.issuer,
                role: if r.basis {
                    "basis".into()
                } else {
                    "body".into()
                },
                text: r.text,
                mentions: r.mentions,
                at,
            }
        })
        .collect()
}

/// The outline as record sections.
fn sections_of(ctx: &Ctx) -> Vec<Section> {
    let o = ctx.o;
    o.sections
        .iter()
        .map(|s| {
            let at = ctx.loc.locate(
                o.paras[s.para].start,
                s.heading.end.max(o.paras[s.para].start),
            );
            Section {
                id: ctx.id("sec", at.span),
                path: s.path.clone(),
                level: s.level,
                marker: s.marker.clone(),
                heading: s.heading.text.clone(),
                kind: s.kind.to_string(),
                at,
            }
        })
        .collect()
}

/// Criteria, counts of criteria and numeric targets of the body and annexes.
fn criteria_and_targets(
    ctx: &Ctx,
    document: &Document,
    home: &HomePlaces,
    warnings: &mut Vec<Warning>,
) -> (Vec<Criterion>, Vec<CriteriaCount>, Vec<Target>) {
    let (text, o) = (ctx.text, ctx.o);
    // Criteria, counts and targets: the body and annexes.
    let heading_paras: std::collections::HashSet<usize> =
        o.sections.iter().map(|s| s.para).collect();
    let in_body = |i: usize| {
        (i >= o.body_start && i < o.body_end) || o.annexes.iter().any(|a| i >= a.start && i < a.end)
    };
    let body: Vec<(usize, &str, usize, bool)> = o
        .paras
        .iter()
        .enumerate()
        .filter(|(i, _)| in_body(*i))
        .map(|(i, p)| (i, p.text(text), p.start, heading_paras.contains(&i)))
        .collect();
    let home_subject = match (document.issuer_level.as_deref(), home.name_for("xã")) {
        (Some("xa"), Some(name)) => Some(format!("xã {name}")),
        _ => None,
    };
    let para_of = |byte: usize| para_index(o, byte);
    let crit = criteria::extract(
        &body
            .iter()
            .map(|&(_, t, s, h)| (t, s, h))
            .collect::<Vec<_>>(),
        home_subject.as_deref(),
    );
    let criteria_items: Vec<Criterion> = crit
        .criteria
        .into_iter()
        .map(|c| {
            let at = ctx.loc.locate(c.start, c.end);
            Criterion {
                id: ctx.id("crit", at.span),
                number: c.number,
                indicator: c.indicator,
                name: c.name,
                status: c.status.map(str::to_string),
                subject: c.subject,
                text: text[c.start..c.end].to_string(),
                section: ctx.section_of(para_of(c.start)),
                at,
            }
        })
        .collect();
    let count_items: Vec<CriteriaCount> = crit
        .counts
        .into_iter()
        .map(|c| {
            let at = ctx.loc.locate(c.start, c.end);
            CriteriaCount {
                id: ctx.id("count", at.span),
                achieved: c.achieved,
                total: c.total,
                subject: c.subject,
                text: text[c.start..c.end].to_string(),
                section: ctx.section_of(para_of(c.start)),
                at,
            }
        })
        .collect();
    for (message, s, e) in crit.warnings {
        let code = if message.contains("lists") {
            "criteria_count_mismatch"
        } else {
            "criteria_numbering"
        };
        warnings.push(Warning {
            code: code.into(),
            message,
            span: Some(ctx.loc.locate(s, e).span),
        });
    }
    let mut target_items = Vec::new();
    for &(i, ptext, start, _) in &body {
        for t in targets::extract_paragraph(ptext, start) {
            let at = ctx.loc.locate(t.start, t.end);
            target_items.push(Target {
                id: ctx.id("tgt", at.span),
                quantity: t.quantity,
                min: t.min,
                unit: t.unit,
                object: t.object,
                comparator: t.comparator.map(str::to_string),
                text: text[t.start..t.end].to_string(),
                section: ctx.section_of(i),
                at,
            });
        }
    }

    (criteria_items, count_items, target_items)
}

/// A bare body type that the issuer's name starts with (`Ban Chỉ đạo` in a
/// plan of the Ban Chỉ đạo … xã Quang Trung) is the issuer itself.
fn issuer_if_bare(name: &str, issuer: Option<&str>) -> String {
    match issuer {
        Some(i)
            if i.len() > name.len()
                && i.starts_with(name)
                && i[name.len()..].starts_with(' ')
                && level_of(name).is_none() =>
        {
            i.to_string()
        }
        _ => name.to_string(),
    }
}

/// Paragraph index holding byte `byte`.
fn para_index(o: &Outline, byte: usize) -> usize {
    o.paras
        .partition_point(|p| p.start <= byte)
        .saturating_sub(1)
}

/// Assignments of the `Tổ chức thực hiện` sections and of annex tables.
fn assignment_hits(
    text: &str,
    o: &Outline,
    home: &HomePlaces,
    due_of: &dyn Fn(usize) -> Option<String>,
) -> Vec<units::AssignmentHit> {
    let tcth: Vec<&crate::segment::outline::SectionNode> = o
        .sections
        .iter()
        .filter(|s| s.level == 1 && s.kind == "to_chuc_thuc_hien")
        .collect();
    let mut sources = Vec::new();
    for (k, s) in o.sections.iter().enumerate() {
        let inside = tcth.iter().any(|t| t.para < s.para && s.para < t.end_para);
        if !inside {
            continue;
        }
        let para = o.paras[s.para];
        let heading_start = s.heading.start;
        // Tasks: the paragraphs up to the next section of any level.
        let next = o
            .sections
            .get(k + 1)
            .map(|n| n.para)
            .unwrap_or(s.end_para)
            .min(s.end_para.max(s.para + 1));
        let tasks = (s.para + 1..next)
            .map(|i| (o.paras[i].text(text), i))
            .collect();
        sources.push(units::AssignmentSource {
            heading: &text[heading_start..para.end],
            heading_start,
            para: s.para,
            tasks,
        });
    }
    let mut out = units::assignments(&sources, home, due_of);
    for annex in &o.annexes {
        let mut columns: Vec<&str> = Vec::new();
        for i in annex.start..annex.end {
            let p = o.paras[i];
            let row = p.text(text);
            if !row.contains('\t') {
                continue;
            }
            let first = row.split('\t').next().unwrap_or("").trim();
            if columns.is_empty() && !first.chars().all(|c| c.is_ascii_digit()) {
                columns = row.split('\t').collect();
                continue;
            }
            out.extend(units::table_row(row, p.start, i, &columns, home));
        }
    }
    out
}

static NAMED_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(tỉnh|huyện)\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3})").expect("valid regex")
});

/// Learn the document's own province or district from its text when its
/// issuer does not name it: a plan of a district that names exactly one
/// province (`UBND tỉnh Bình Phước`) sits in that province, so a bare
/// `UBND tỉnh` means that province.
fn learn_places(text: &str, home: &mut HomePlaces) {
    for level in ["tỉnh", "huyện"] {
        if home.name_for(level).is_some() {
            continue;
        }
        let mut names: Vec<&str> = NAMED_PLACE
            .captures_iter(text)
            .filter(|c| &c[1] == level)
            .map(|c| c.get(2).unwrap().as_str())
            .collect();
        names.sort_unstable();
        names.dedup();
        if let [only] = names.as_slice() {
            home.places.push((level.to_string(), only.to_string()));
        }
    }
}
