//! Responsible units and assignments: who does what.
//!
//! An assignment heading in `Tổ chức thực hiện` names one or more units and
//! then their tasks (`3. Phòng Văn hóa và Thông tin, Trung tâm Văn hóa -
//! Thể thao - Du lịch và Truyền thông huyện` + bullets); a sentence heading
//! names them before its verb (`Ban Tuyên giáo Huyện ủy định hướng …`);
//! annex tables list them row by row. Units are also picked up where a task
//! names them (`Phối hợp với Phòng Nông nghiệp …`, `Hướng dẫn UBND xã …`).
//! Canonical names come from [`super::names`].

use super::deadlines::Deadlines;
use super::identity::Identity;
use super::names::{canonical_body, HomePlaces};
use crate::lexicon::abbreviations::ADMIN_LEVELS;
use crate::lexicon::units::{
    GENERIC_GROUPS, LEVELLED_BODIES, PHRASE_ENDS, PLACE_WORDS, ROLE_CUES, SPECIFIC_HEADS,
    UNIT_OPENERS, VAGUE_GROUPS,
};
use crate::record::vocab::{AssignmentRole, SectionKind};
use crate::segment::Outline;
use regex::Regex;
use std::sync::LazyLock;

/// A unit found in the text: byte range of the name as written, and its
/// canonical form.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitHit {
    pub start: usize,
    pub end: usize,
    pub surface: String,
    pub canonical: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AssignmentHit {
    pub unit: UnitHit,
    pub role: AssignmentRole,
    /// (task text, due) in order.
    pub tasks: Vec<(String, Option<String>)>,
    /// Paragraph of the heading (or table row).
    pub para: usize,
}

/// Prefixes that address a unit: (prefix, role it implies).
const ADDRESS: &[(&str, Option<AssignmentRole>)] = &[
    ("Đề nghị ", Some(AssignmentRole::DeNghi)),
    ("Yêu cầu ", None),
    ("Giao cho ", Some(AssignmentRole::ChuTri)),
    ("Giao ", Some(AssignmentRole::ChuTri)),
    ("Đối với ", None),
    ("Mời ", Some(AssignmentRole::DeNghi)),
];

static REQUESTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:UBND|Ủy ban nhân dân|Ban Chỉ đạo|BCĐ)[^,.;:]{0,30}?\s+đề nghị\s+")
        .expect("valid regex")
});
static MENTION_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[Pp]hối hợp với|[Hh]ướng dẫn|[Đđ]ôn đốc|[Gg]iao cho|[Đđ]ề nghị|[Yy]êu cầu|[Cc]hỉ đạo)\s+").expect("valid regex")
});

fn starts_with_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        s.starts_with(w)
            && s[w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Does `s` open with the head of a specific body? `Ban hành` (to issue)
/// is a verb, not the head `Ban` (a board): `Điều 1. Ban hành kèm theo …`;
/// `Trường hợp` (in case) is no school (`Trường`).
fn opens_specific(s: &str) -> bool {
    starts_with_any(s, SPECIFIC_HEADS) && !s.starts_with("Ban hành") && !s.starts_with("Trường hợp")
}

/// Does a unit start at the beginning of `s`? (Specific heads are matched
/// as written; the first word may be lower case after `Giao`.)
fn opens_unit(s: &str) -> bool {
    if s.starts_with("ban hành") {
        return false;
    }
    let mut cap = String::new();
    let mut cs = s.chars();
    if let Some(f) = cs.next() {
        cap.extend(f.to_uppercase());
        cap.push_str(cs.as_str());
    }
    opens_specific(s) || opens_specific(&cap) || starts_with_any(s, UNIT_OPENERS)
}

/// Bytes of text a unit phrase can span (about 150 Vietnamese letters).
const PHRASE_WINDOW: usize = 400;

/// The largest char boundary of `s` not after `at`.
fn floor_boundary(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    (0..=at).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

/// Where the unit phrase starting at byte 0 of `s` ends: the first verb or
/// preposition that opens the predicate, a colon, or the end.
fn phrase_end(s: &str) -> usize {
    // A unit's name is a few words: nothing past this window can end it,
    // and looking further made every mention in a long paragraph scan the
    // whole rest of it.
    let s = &s[..floor_boundary(s, PHRASE_WINDOW)];
    let mut end = s
        .find([':', '…'])
        .or_else(|| s.find("..."))
        .unwrap_or(s.len());
    // `tổ chức` is a verb unless a noun follows it (`tổ chức Đảng`, `tổ
    // chức chính trị`, `tổ chức đoàn thể`): `Các thôn tổ chức họp dân`.
    let mut from = 0;
    while let Some(i) = s[from..].find(" tổ chức ").map(|i| i + from) {
        let next = s[i + " tổ chức ".len()..]
            .split([' ', ','])
            .next()
            .unwrap_or("");
        if !matches!(
            next,
            "Đảng" | "chính" | "đoàn" | "xã" | "hội" | "cơ" | "kinh" | "tín"
        ) {
            end = end.min(i + 1);
            break;
        }
        from = i + 1;
    }
    // A heading glued to its body in a PDF (`3.1. Công chức Địa chính - Xây
    // dựng Chủ trì rà soát …`): a capitalised role verb that never begins a
    // body's name starts the predicate.
    for w in [
        "Chủ trì",
        "Phối hợp",
        "Tham mưu",
        "Chịu trách nhiệm",
        "Có trách nhiệm",
        "Chủ động",
        "Đôn đốc",
        "Rà soát",
    ] {
        if let Some(i) = s
            .find(&format!(" {w} "))
            .or_else(|| s.strip_suffix(&format!(" {w}")).map(str::len))
        {
            end = end.min(i + 1);
        }
    }
    for w in PHRASE_ENDS {
        let mut from = 0;
        while let Some(i) = s[from..].find(w).map(|i| i + from) {
            // A verb right after `Ban`/`Ủy ban`/`điều phối` names the body
            // (`Ban Xây dựng Đảng`, `Ủy ban Kiểm tra`, `Văn phòng điều phối
            // xây dựng nông thôn mới`).
            // After `được` a verb is passive and qualifies the unit
            // (`Các phòng, ban, ngành được giao phụ trách tiêu chí`).
            let in_name = ["Ban ", "ban ", "phối ", "được "]
                .iter()
                .any(|b| s[..i].ends_with(b));
            let before_ok = i > 0 && s[..i].ends_with(' ') && !in_name;
            let after_ok = s[i + w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if before_ok && after_ok {
                end = end.min(i);
                break;
            }
            from = i + w.len();
        }
    }
    end
}

/// Split a unit phrase into units at `, ` / ` - ` / ` và ` where a specific
/// body or a generic group (`các đoàn thể`) starts; `Văn phòng X và Y` is
/// one body.
fn split_units(s: &str) -> Vec<(usize, usize)> {
    let mut cuts = vec![0usize];
    let mut seps: Vec<(usize, usize)> = Vec::new();
    for sep in [", ", " - ", " và "] {
        let mut from = 0;
        while let Some(i) = s[from..].find(sep).map(|i| i + from) {
            seps.push((i, sep.len()));
            from = i + sep.len();
        }
    }
    seps.sort_unstable();
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, len) in seps {
        if i < start {
            continue;
        }
        let next = &s[i + len..];
        let sep = &s[i..i + len];
        let specific = opens_specific(next)
            // `…, thôn` closing a list: a bare place word is a group of its own.
            || (sep == ", " && PLACE_WORDS.iter().any(|w| next.trim_end_matches([',', '.']) == *w));
        let generic = next
            .strip_prefix("các ")
            .is_some_and(|r| GENERIC_GROUPS.iter().any(|g| r.starts_with(g)));
        let current = &s[start..i];
        let office_pair =
            sep == " và " && (current.starts_with("Văn phòng") || current.starts_with("VP "));
        if (specific || generic) && !office_pair {
            spans.push((start, i));
            start = i + len;
            cuts.push(start);
        }
    }
    spans.push((start, s.len()));
    spans
        .into_iter()
        .map(|(a, b)| {
            let t = &s[a..b];
            let t2 = t.trim_end_matches([',', ';', '.', ' ', ':']);
            (a, a + t2.len())
        })
        .filter(|(a, b)| b > a)
        .collect()
}

/// The units a heading (or table cell) addresses, with the role its
/// wording implies and where the predicate starts.
struct Addressed {
    units: Vec<(usize, usize)>,
    role_hint: Option<AssignmentRole>,
    predicate: usize,
    /// Units directed by the first ones (`… chỉ đạo Văn phòng Đảng ủy, …
    /// phối hợp`), with their role.
    directed: Vec<(usize, usize)>,
    directed_role: AssignmentRole,
    /// Units the first ones work with (`… chủ trì, phối hợp với Ban nhân
    /// dân các thôn và Đoàn Thanh niên xã …`): role `phoi_hop`.
    partners: Vec<(usize, usize)>,
}

fn addressed(h: &str) -> Option<Addressed> {
    let mut pos = 0;
    let mut role_hint = None;
    if let Some(m) = REQUESTER.find(h) {
        pos = m.end();
        role_hint = Some(AssignmentRole::DeNghi);
    }
    for (prefix, role) in ADDRESS {
        if h[pos..].starts_with(prefix) {
            pos += prefix.len();
            role_hint = role_hint.or(*role);
            break;
        }
    }
    if !opens_unit(&h[pos..]) {
        // `Công tác lãnh, chỉ đạo điều hành của Ban chỉ đạo`
        let of = h.rfind("của ")?;
        let after = of + "của ".len();
        if !opens_unit(&h[after..]) {
            return None;
        }
        pos = after;
    }
    let rest = &h[pos..];
    let end = phrase_end(rest);
    let phrase = &rest[..end];
    let units: Vec<(usize, usize)> = split_units(phrase)
        .into_iter()
        .map(|(a, b)| (pos + a, pos + b))
        .collect();
    if units.is_empty() {
        return None;
    }
    let mut directed = Vec::new();
    let mut directed_role = AssignmentRole::ThucHien;
    let tail = &rest[end..];
    if let Some(d) = tail.strip_prefix("chỉ đạo ") {
        let dstart = pos + end + "chỉ đạo ".len();
        let dend = phrase_end(d);
        if opens_unit(d) {
            directed = split_units(&d[..dend])
                .into_iter()
                .map(|(a, b)| (dstart + a, dstart + b))
                .collect();
            if d[dend..].starts_with("phối hợp") {
                directed_role = AssignmentRole::PhoiHop;
            }
        }
    }
    let mut partners = Vec::new();
    for cue in ["phối hợp với ", "phối hợp cùng "] {
        if let Some(k) = tail.find(cue) {
            let pstart = pos + end + k + cue.len();
            let p = &h[pstart..];
            if opens_unit(p) {
                let pend = phrase_end(p);
                // Named bodies only: `các cơ quan liên quan` is no one in
                // particular, and a long run is a clause, not a name.
                partners = split_units(&p[..pend])
                    .into_iter()
                    .filter(|&(a, b)| {
                        let name = &p[a..b];
                        opens_specific(name) && name.split(' ').count() <= 10
                    })
                    .map(|(a, b)| (pstart + a, pstart + b))
                    .collect();
            }
            break;
        }
    }
    Some(Addressed {
        units,
        role_hint,
        predicate: pos + end,
        directed,
        directed_role,
        partners,
    })
}

/// `Ủy ban MTTQVN và các tổ chức chính trị - xã hội huyện`: a level word
/// ending a coordinated list belongs to every body in it.
fn shared_level(h: &str, units: &[(usize, usize)]) -> Option<String> {
    if units.len() < 2 {
        return None;
    }
    let (s, e) = *units.last()?;
    // Only a `và` coordination shares its level (`A và B huyện`); in a
    // comma list each body carries its own.
    if !h[..s].ends_with(" và ") {
        return None;
    }
    let word = h[s..e].split_whitespace().last()?.to_lowercase();
    ADMIN_LEVELS
        .iter()
        .find(|(l, _)| *l == word)
        .map(|(l, _)| l.to_string())
}

fn has_level(s: &str) -> bool {
    s.to_lowercase()
        .split_whitespace()
        .any(|w| ADMIN_LEVELS.iter().any(|(l, _)| *l == w))
}

/// Role from the first words of a task: `Chủ trì`, `Tham mưu`, `Phối hợp`.
fn role_from_task(task: &str) -> Option<AssignmentRole> {
    let head: String = task
        .split_whitespace()
        .take(12)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    ROLE_CUES
        .iter()
        .filter_map(|(cue, role)| head.find(cue).map(|i| (i, *role)))
        .min_by_key(|(i, _)| *i)
        .map(|(_, r)| r)
}

fn strip_bullet(p: &str) -> &str {
    p.trim_start_matches(['-', '+', '*', '•']).trim_start()
}

/// A section or table row that assigns work.
pub struct AssignmentSource<'a> {
    /// Heading text without its marker, and its byte offset.
    pub heading: &'a str,
    pub heading_start: usize,
    /// Paragraph of the heading.
    pub para: usize,
    /// The task paragraphs under it: (text, paragraph index).
    pub tasks: Vec<(&'a str, usize)>,
}

/// Read the assignments of `Tổ chức thực hiện` sections; each task takes
/// the first due date of its paragraph.
pub fn assignments(
    sources: &[AssignmentSource],
    home: &HomePlaces,
    deadlines: &Deadlines,
) -> Vec<AssignmentHit> {
    let due_of = |para: usize| deadlines.first_due_in(para);
    let mut out = Vec::new();
    for src in sources {
        let h = src.heading;
        let Some(a) = addressed(h) else { continue };
        let remainder = h[a.predicate..].trim_start_matches([':', ' ']).trim();
        let mut tasks: Vec<(String, Option<String>)> = Vec::new();
        if remainder.split_whitespace().count() >= 2 {
            tasks.push((
                remainder.trim_end_matches(['.', ';']).to_string(),
                due_of(src.para),
            ));
        }
        for &(t, para) in &src.tasks {
            tasks.push((
                strip_bullet(t).trim_end_matches(['.', ';']).to_string(),
                due_of(para),
            ));
        }
        let role = a
            .role_hint
            .or_else(|| tasks.first().and_then(|(t, _)| role_from_task(t)))
            .unwrap_or(AssignmentRole::ThucHien);
        let unit_hit = |(s, e): (usize, usize)| UnitHit {
            start: src.heading_start + s,
            end: src.heading_start + e,
            surface: h[s..e].to_string(),
            canonical: canonical_body(&h[s..e], home),
        };
        let shared = shared_level(h, &a.units);
        for &span in &a.units {
            let mut hit = unit_hit(span);
            if let Some(level) = &shared {
                if !has_level(&hit.surface) && opens_specific(&hit.surface) {
                    hit.canonical = canonical_body(&format!("{} {level}", hit.surface), home);
                }
            }
            out.push(AssignmentHit {
                unit: hit,
                role,
                tasks: tasks.clone(),
                para: src.para,
            });
        }
        for &span in &a.directed {
            out.push(AssignmentHit {
                unit: unit_hit(span),
                role: a.directed_role,
                tasks: tasks.clone(),
                para: src.para,
            });
        }
        for &span in &a.partners {
            out.push(AssignmentHit {
                unit: unit_hit(span),
                role: AssignmentRole::PhoiHop,
                tasks: tasks.clone(),
                para: src.para,
            });
        }
    }
    out
}

/// Assignments from an annex table row `TT ⇥ unit ⇥ what it is in charge
/// of`; `columns` are the header row's cells.
pub fn table_row(
    row: &str,
    row_start: usize,
    para: usize,
    columns: &[&str],
    home: &HomePlaces,
) -> Vec<AssignmentHit> {
    let cells: Vec<&str> = row.split('\t').collect();
    if cells.len() < 2
        || !cells[0].trim().chars().all(|c| c.is_ascii_digit())
        || cells[0].trim().is_empty()
    {
        return Vec::new();
    }
    let offset = cells[0].len() + 1;
    let cell = cells[1];
    let Some(a) = addressed(cell) else {
        return Vec::new();
    };
    let what = cells[2..]
        .iter()
        .map(|c| c.trim().trim_end_matches(','))
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    let task = match columns.get(2) {
        Some(col) if !what.is_empty() => format!("{}: {what}", col.trim()),
        _ => what,
    };
    let role = a.role_hint.unwrap_or(AssignmentRole::ThucHien);
    a.units
        .iter()
        .map(|&(s, e)| AssignmentHit {
            unit: UnitHit {
                start: row_start + offset + s,
                end: row_start + offset + e,
                surface: cell[s..e].to_string(),
                canonical: canonical_body(&cell[s..e], home),
            },
            role,
            tasks: if task.is_empty() {
                Vec::new()
            } else {
                vec![(task.clone(), None)]
            },
            para,
        })
        .collect()
}

/// Where a unit name that starts `rest` ends when it is mentioned inside a
/// sentence: capitalised words, digits, place words (`thôn 4`, `xã Đăk
/// Mar`), the lower-case words of a known body name (`Văn phòng điều phối
/// xây dựng nông thôn mới`), and list continuations that open another unit.
fn mention_end(rest: &str) -> usize {
    let mut tokens: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for t in rest.split(' ') {
        tokens.push((pos, t));
        pos += t.len() + 1;
    }
    let bodies: &[String] = &super::names::BODY_NAMES_LOWER;
    let mut end = 0;
    let mut k = 0;
    while k < tokens.len() {
        let (start, raw) = tokens[k];
        // Hard stops inside the token.
        if let Some(i) = raw.find(['\t', '(', ':', ';']) {
            if i > 0 {
                end = start + i;
            }
            break;
        }
        let t = raw.trim_end_matches([',', '.']);
        if t.is_empty() {
            break;
        }
        let first = t.chars().next().unwrap();
        let accept =
            if k == 0 || first.is_uppercase() || first.is_ascii_digit() || PLACE_WORDS.contains(&t)
            {
                true
            } else if t == "và" {
                tokens.get(k + 1).is_some_and(|(_, n)| {
                    n.chars().next().is_some_and(|c| c.is_uppercase())
                        || PLACE_WORDS.contains(&n.trim_end_matches([',', '.']))
                })
            } else {
                // Part of a known body name that began at a capitalised word.
                (0..k).rev().take(8).any(|j| {
                    let head_cap = tokens[j].1.chars().next().is_some_and(|c| c.is_uppercase());
                    let phrase = rest[tokens[j].0..start + t.len()].to_lowercase();
                    head_cap && bodies.iter().any(|b| b.starts_with(&phrase))
                })
            };
        if !accept {
            break;
        }
        end = start + t.len();
        if raw.ends_with('.') {
            break;
        }
        if raw.ends_with(',') {
            // A list goes on only with another unit or a place.
            let next = rest.get(start + raw.len() + 1..).unwrap_or("");
            let continues = opens_specific(next)
                || next
                    .strip_prefix("các ")
                    .is_some_and(|r| GENERIC_GROUPS.iter().any(|g| r.starts_with(g)))
                || PLACE_WORDS
                    .iter()
                    .any(|w| next.starts_with(&format!("{w} ")));
            if !continues {
                break;
            }
        }
        k += 1;
    }
    end
}

/// Is this a plural group too vague to report when merely mentioned?
fn vague(name: &str) -> bool {
    let lower = name.to_lowercase();
    let body = lower.strip_prefix("các ").unwrap_or(&lower);
    PLACE_WORDS.contains(&body)
        || (lower.starts_with("các ") && VAGUE_GROUPS.iter().any(|g| body.starts_with(g)))
}

/// Units named inside a paragraph: after a cue (`Phối hợp với …`,
/// `Hướng dẫn …`, `Đôn đốc …`), and as the subject that opens a sentence
/// (`Đài truyền thanh xã phối hợp với …`).
pub fn mentions(p: &str, base: usize, home: &HomePlaces) -> Vec<UnitHit> {
    let mut out = Vec::new();
    let push_list = |from: usize, list: &str, out: &mut Vec<UnitHit>| {
        for (s, e) in split_units(list) {
            let surface = &list[s..e];
            if vague(surface) {
                continue;
            }
            out.push(UnitHit {
                start: base + from + s,
                end: base + from + e,
                surface: surface.to_string(),
                canonical: canonical_body(surface, home),
            });
        }
    };
    for m in MENTION_CUE.find_iter(p) {
        let rest = &p[m.end()..];
        if !opens_specific(rest) {
            continue;
        }
        let end = mention_end(rest);
        push_list(m.end(), &rest[..end], &mut out);
    }
    // Sentence subjects.
    let mut starts = vec![0usize];
    starts.extend(p.match_indices(". ").map(|(i, _)| i + 2));
    for s in starts {
        let rest = p[s..].trim_start_matches(['-', '+', ' ']);
        let s = p.len() - rest.len();
        if !(opens_specific(rest) || rest.starts_with("Mặt trận")) {
            continue;
        }
        // A subject is followed by its verb: the phrase must stop at one,
        // within a plausible length.
        let end = phrase_end(rest);
        let tail = rest[end..].trim_start();
        let verb_follows = PHRASE_ENDS.iter().any(|v| tail.starts_with(v));
        if verb_follows && end < 200 && !rest[..end].contains(['.', ':', ';']) {
            push_list(s, rest[..end].trim_end_matches([',', ' ']), &mut out);
        }
    }
    out
}

/// `Đảng ủy` named bare in a plan of xã Quang Trung is that commune's
/// Đảng ủy: complete a levelled body that carries no level of its own.
pub fn complete_own_level(canonical: &str, own: Option<(&str, &str)>) -> String {
    match own {
        Some((level, place)) if LEVELLED_BODIES.contains(&canonical) => {
            format!("{canonical} {level} {place}")
        }
        _ => canonical.to_string(),
    }
}

/// Assignments of the document: the sections under a level-1 `Tổ chức
/// thực hiện` heading, and annex tables (`TT ⇥ unit ⇥ tasks`).
pub fn assignments_of_document(
    text: &str,
    o: &Outline,
    identity: &Identity,
    deadlines: &Deadlines,
) -> Vec<AssignmentHit> {
    let home = &identity.home;
    let tcth: Vec<&crate::segment::outline::SectionNode> = o
        .sections
        .iter()
        .filter(|s| s.level == 1 && s.kind == SectionKind::ToChucThucHien)
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
        sources.push(AssignmentSource {
            heading: &text[heading_start..para.end],
            heading_start,
            para: s.para,
            tasks,
        });
    }
    let mut out = assignments(&sources, home, deadlines);
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
            out.extend(table_row(row, p.start, i, &columns, home));
        }
    }
    for a in out.iter_mut() {
        a.unit.canonical = identity.issuer_if_bare(&a.unit.canonical);
    }
    out
}

/// The responsible units of the document, distinct by canonical name, first
/// mention first: the issuer (it acts too), every assigned unit, and the
/// bodies named in the body and annexes (`Phối hợp với …`).
pub fn units_of_document(
    text: &str,
    o: &Outline,
    identity: &Identity,
    assignments: &[AssignmentHit],
) -> Vec<UnitHit> {
    let mut hits: Vec<UnitHit> = assignments.iter().map(|a| a.unit.clone()).collect();
    for (i, p) in o.paras.iter().enumerate() {
        if !o.in_body_or_annex(i) {
            continue;
        }
        for u in mentions(p.text(text), p.start, &identity.home) {
            // An assignment heading already gave this unit its reading.
            let covered = assignments
                .iter()
                .any(|a| a.unit.start <= u.start && u.start < a.unit.end.max(a.unit.start + 1));
            if !covered {
                hits.push(u);
            }
        }
    }
    if let Some(issuer) = &identity.issuer {
        hits.push(UnitHit {
            start: 0,
            end: 0,
            surface: issuer.clone(),
            canonical: issuer.clone(),
        });
    }
    let own = identity.own_place();
    for u in hits.iter_mut() {
        u.canonical = complete_own_level(
            &u.canonical,
            own.as_ref().map(|(l, p)| (l.as_str(), p.as_str())),
        );
        u.canonical = identity.issuer_if_bare(&u.canonical);
    }
    // A stable sort by position: the issuer, at 0, comes first.
    hits.sort_by_key(|u| u.start);
    let mut seen = std::collections::HashSet::new();
    hits.retain(|u| seen.insert(u.canonical.clone()));
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn home() -> HomePlaces {
        HomePlaces {
            places: vec![("huyện".into(), "Đăk Hà".into())],
        }
    }

    fn read(h: &str, first_task: &str) -> Vec<(String, AssignmentRole)> {
        let src = AssignmentSource {
            heading: h,
            heading_start: 0,
            para: 0,
            tasks: vec![(first_task, 1)],
        };
        assignments(&[src], &home(), &Deadlines::default())
            .into_iter()
            .map(|a| (a.unit.canonical, a.role))
            .collect()
    }

    #[test]
    fn verbs_and_phrases_that_look_like_heads_are_no_units() {
        let names = |p: &str| -> Vec<String> {
            mentions(p, 0, &home())
                .into_iter()
                .map(|u| u.canonical)
                .collect()
        };
        assert!(names("Ban hành kèm theo Quyết định này Kế hoạch thực hiện.").is_empty());
        assert!(names("Trường hợp hồ sơ chưa đầy đủ, đề nghị bổ sung.").is_empty());
        let mut got =
            names("Ủy ban nhân dân các xã chỉ đạo Ban nhân dân các thôn vận động nhân dân.");
        got.sort();
        assert_eq!(got, ["Ban nhân dân các thôn", "Ủy ban nhân dân các xã"]);
    }

    #[test]
    fn headings_name_units_and_roles() {
        assert_eq!(
            read(
                "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện",
                "- Phối hợp với Phòng Nông nghiệp"
            ),
            vec![(
                "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Đăk Hà".to_string(),
                AssignmentRole::PhoiHop
            )]
        );
        assert_eq!(
            read("Phòng Văn hóa và Thông tin, Trung tâm Văn hóa - Thể thao - Du lịch và Truyền thông huyện", "- Bố trí cán bộ"),
            vec![
                ("Phòng Văn hóa và Thông tin".to_string(), AssignmentRole::ThucHien),
                ("Trung tâm Văn hóa - Thể thao - Du lịch và Truyền thông huyện Đăk Hà".to_string(), AssignmentRole::ThucHien)
            ]
        );
        assert_eq!(
            read("Đề nghị Ủy ban MTTQVN huyện, các đoàn thể chính trị - xã hội huyện tăng cường công tác", ""),
            vec![
                ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện Đăk Hà".to_string(), AssignmentRole::DeNghi),
                ("các đoàn thể chính trị - xã hội huyện Đăk Hà".to_string(), AssignmentRole::DeNghi)
            ]
        );
        assert_eq!(
            read("Yêu cầu UBND các xã, thị trấn báo cáo nhanh kết quả", ""),
            vec![(
                "Ủy ban nhân dân các xã, thị trấn".to_string(),
                AssignmentRole::ThucHien
            )]
        );
        assert_eq!(
            read("Giao phòng Kinh tế", "- Chủ trì, tham mưu"),
            vec![("Phòng Kinh tế".to_string(), AssignmentRole::ChuTri)]
        );
        assert_eq!(
            read("Ban Tuyên giáo Huyện ủy định hướng thông tin", ""),
            vec![(
                "Ban Tuyên giáo Huyện ủy".to_string(),
                AssignmentRole::ThucHien
            )]
        );
        assert!(read("Thời gian, hình thức tổ chức", "").is_empty());
    }

    #[test]
    fn directed_units_and_tables() {
        let got = read("UBND xã đề nghị Thường trực Đảng ủy chỉ đạo Văn phòng Đảng ủy, Ban xây dựng Đảng phối hợp với các xóm", "");
        assert_eq!(
            got[0],
            ("Thường trực Đảng ủy".to_string(), AssignmentRole::DeNghi)
        );
        assert_eq!(
            got[1],
            ("Văn phòng Đảng ủy".to_string(), AssignmentRole::PhoiHop)
        );
        assert_eq!(
            got[2],
            ("Ban Xây dựng Đảng".to_string(), AssignmentRole::PhoiHop)
        );
        let cols = ["TT", "Tên cơ quan, đơn vị", "Phụ trách xóm"];
        let rows = table_row(
            "4\tĐề nghị Ủy ban MTTQ xã và các đoàn thể\tXóm Khu 1, Khu 2",
            0,
            0,
            &cols,
            &HomePlaces {
                places: vec![("xã".into(), "Phú Lạc".into())],
            },
        );
        let got: Vec<(String, AssignmentRole)> = rows
            .iter()
            .map(|a| (a.unit.canonical.clone(), a.role))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "Ủy ban Mặt trận Tổ quốc xã Phú Lạc".to_string(),
                    AssignmentRole::DeNghi
                ),
                ("các đoàn thể".to_string(), AssignmentRole::DeNghi)
            ]
        );
        assert_eq!(rows[0].tasks[0].0, "Phụ trách xóm: Xóm Khu 1, Khu 2");
    }
}
