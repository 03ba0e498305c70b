//! Who a name designates: the issuing body of a document, a unit given
//! work, the issuer of a cited document — reduced to its side (People's
//! Committee and steering committee, Party, agency), its level and its
//! place, so that `UBND xã Mỹ An`, `Ủy ban nhân dân xã Mỹ An` and the
//! issuer of the plan of xã Mỹ An meet. Owns nothing else: no lexicon of
//! places, only the grammar of Vietnamese body names (a level word, then
//! the capitalised place name).

use vnplan_record::fold::fold;
use vnplan_record::vocab::Level;

/// Which kind of body issues or receives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    /// People's Committee, People's Council, steering committee: the
    /// government side that plans are issued and implemented by.
    Government,
    /// Party committee (Đảng ủy, Huyện ủy, Tỉnh ủy, Ban Thường vụ).
    Party,
    /// A department, office or centre under a committee.
    Agency,
    Other,
}

/// A body reduced to what matching needs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Body {
    pub side: Side,
    pub level: Option<Level>,
    /// The place name, folded (`my an`); `None` for collective or unnamed.
    pub place: Option<String>,
    /// The place name as written (`Mỹ An`).
    pub place_name: Option<String>,
    /// `các xã, thị trấn`: every body of that level.
    pub collective: bool,
}

/// Abbreviations of body heads, expanded before reading (data table).
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("ubnd", "uy ban nhan dan"),
    ("hdnd", "hoi dong nhan dan"),
    ("bcd", "ban chi dao"),
    ("ubmttq", "uy ban mat tran to quoc"),
    ("mttq", "mat tran to quoc"),
    ("btv", "ban thuong vu"),
    ("vp", "van phong"),
    ("vpdp", "van phong dieu phoi"),
];

/// Level words (folded, as word sequences) and the level they name.
const LEVEL_WORDS: &[(&[&str], Level)] = &[
    (&["thi", "xa"], Level::Huyen),
    (&["thi", "tran"], Level::Xa),
    (&["thanh", "pho"], Level::Huyen),
    (&["tinh"], Level::Tinh),
    (&["huyen"], Level::Huyen),
    (&["quan"], Level::Huyen),
    (&["xa"], Level::Xa),
    (&["phuong"], Level::Xa),
];

/// Heads (folded first words) of agencies: a name that starts so is an
/// agency even when it contains `Ủy ban nhân dân` (`Văn phòng HĐND và UBND`).
const AGENCY_HEADS: &[&str] = &[
    "phong",
    "so",
    "van phong",
    "trung tam",
    "ban quan ly",
    "cong an",
    "chi cuc",
    "ban dan toc",
    "cuc",
    "bo",
    "tong cuc",
    "kho bac",
    "truong",
    "tram",
    "chi nhanh",
    "ngan hang",
    "hoi",
    "doan",
    "lien doan",
    "ban chi huy",
    "cong chuc",
];

const GOVERNMENT_HEADS: &[&str] = &[
    "uy ban nhan dan",
    "hoi dong nhan dan",
    "ban chi dao",
    "chu tich",
];

const PARTY_HEADS: &[&str] = &[
    "dang uy",
    "dang bo",
    "ban thuong vu",
    "ban chap hanh",
    "chi bo",
];

struct Word {
    folded: String,
    capitalised: bool,
    /// Punctuation right after the word ends a place name.
    ends_phrase: bool,
}

fn words_of(name: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for raw in name.split(|c: char| c.is_whitespace()) {
        let ends_phrase =
            raw.ends_with([',', ';', ':', ')', '(', '.', '/']) || raw.starts_with('(');
        let core = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() {
            if let Some(last) = out.last_mut() {
                let last: &mut Word = last;
                last.ends_phrase = true;
            }
            continue;
        }
        // `Đăk Hà-Mỹ`: a hyphen inside a name stays; split other joiners.
        for (i, part) in core.split(['/', '(', ')']).enumerate() {
            if part.is_empty() {
                continue;
            }
            let folded = fold(part);
            let capitalised = part
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            let expanded: Vec<&str> = ABBREVIATIONS
                .iter()
                .find(|(a, _)| *a == folded)
                .map(|(_, full)| full.split(' ').collect())
                .unwrap_or_default();
            if !expanded.is_empty() {
                for e in expanded {
                    out.push(Word {
                        folded: e.to_string(),
                        capitalised: false,
                        ends_phrase: false,
                    });
                }
            } else {
                out.push(Word {
                    folded,
                    capitalised,
                    ends_phrase: false,
                });
            }
            let _ = i;
        }
        if ends_phrase {
            if let Some(last) = out.last_mut() {
                last.ends_phrase = true;
            }
        }
    }
    out
}

fn starts_with_words(words: &[Word], at: usize, head: &[&str]) -> bool {
    head.len() <= words.len().saturating_sub(at)
        && head
            .iter()
            .enumerate()
            .all(|(i, h)| words[at + i].folded == *h)
}

fn has_head(words: &[Word], heads: &[&str]) -> Option<usize> {
    (0..words.len()).find(|&at| {
        heads
            .iter()
            .any(|h| starts_with_words(words, at, &h.split(' ').collect::<Vec<_>>()))
    })
}

/// Reads a body name. An empty or unreadable name gives a body of side
/// `Other` with no level and no place.
///
/// ```
/// use vnplan_compare::body::{body_of, Side};
/// use vnplan_record::vocab::Level;
///
/// let a = body_of("UBND xã Mỹ An (t/h)");
/// let b = body_of("Ủy ban nhân dân xã Mỹ An");
/// assert_eq!((a.side, a.level, a.place.as_deref()), (Side::Government, Some(Level::Xa), Some("my an")));
/// assert_eq!(a, b);
/// assert!(body_of("UBND các xã, thị trấn").collective);
/// assert_eq!(body_of("Huyện ủy Đăk Hà").side, Side::Party);
/// assert_eq!(body_of("Phòng Lao động - Thương binh và Xã hội huyện Đăk Hà").side, Side::Agency);
/// ```
pub fn body_of(name: &str) -> Body {
    let words = words_of(name);
    let mut level = None;
    let mut place: Option<(String, String)> = None;
    let mut collective = false;
    let mut party_level_word = false;
    let mut at = 0;
    while at < words.len() {
        let Some((len, lvl)) = LEVEL_WORDS
            .iter()
            .find(|(w, _)| starts_with_words(&words, at, w))
            .map(|(w, l)| (w.len(), *l))
        else {
            at += 1;
            continue;
        };
        // A level word is read as one only when a name or `các` goes with
        // it: `xã hội`, `cơ quan` are not levels.
        let before_cac = at > 0 && words[at - 1].folded == "cac";
        let mut next = at + len;
        let party = next < words.len() && words[next].folded == "uy";
        if party {
            next += 1;
        }
        let name_words: Vec<&Word> = {
            let mut v = Vec::new();
            let mut i = next;
            let mut last_ended = at + len > 0 && words[at + len - 1].ends_phrase && !party;
            while i < words.len() && words[i].capitalised && !last_ended {
                v.push(&words[i]);
                last_ended = words[i].ends_phrase;
                i += 1;
            }
            v
        };
        if before_cac {
            level = Some(lvl);
            collective = true;
            place = None;
            at = next;
        } else if !name_words.is_empty() {
            level = Some(lvl);
            collective = false;
            party_level_word = party;
            let folded = name_words
                .iter()
                .map(|w| w.folded.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            place = Some((folded, original_run(name, &name_words)));
            at = next + name_words.len();
        } else if party {
            level = Some(lvl);
            party_level_word = true;
            at = next;
        } else {
            at += len;
        }
    }
    let side = if has_head(&words, PARTY_HEADS) == Some(0) || party_level_word {
        Side::Party
    } else if AGENCY_HEADS
        .iter()
        .any(|h| starts_with_words(&words, 0, &h.split(' ').collect::<Vec<_>>()))
    {
        Side::Agency
    } else if has_head(&words, GOVERNMENT_HEADS).is_some() {
        Side::Government
    } else if has_head(&words, PARTY_HEADS).is_some() {
        Side::Party
    } else {
        Side::Other
    };
    let (place, place_name) = match place {
        Some((f, o)) => (Some(f), Some(o)),
        None => (None, None),
    };
    Body {
        side,
        level,
        place,
        place_name,
        collective,
    }
}

/// The place name as written: the original words whose folded forms were
/// read, found again in the name (folding keeps one character per character).
fn original_run(name: &str, words: &[&Word]) -> String {
    let wanted = words
        .iter()
        .map(|w| w.folded.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let folded = fold(name);
    if let Some(pos) = folded.find(&wanted) {
        let start = folded[..pos].chars().count();
        let len = wanted.chars().count();
        return name.chars().skip(start).take(len).collect();
    }
    wanted
}

/// The level of the first level word in `phrase`, named or not
/// (`ủy ban nhân dân huyện` → district).
///
/// ```
/// use vnplan_compare::body::first_level;
/// use vnplan_record::vocab::Level;
/// assert_eq!(first_level("UBND huyện (qua Phòng Nông nghiệp)"), Some(Level::Huyen));
/// assert_eq!(first_level("thị xã Sơn Tây"), Some(Level::Huyen));
/// assert_eq!(first_level("các cơ quan"), None);
/// assert_eq!(first_level("Phòng Lao động - Thương binh và Xã hội huyện"), Some(Level::Huyen));
/// ```
pub fn first_level(phrase: &str) -> Option<Level> {
    let words: Vec<String> = phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    (0..words.len()).find_map(|at| {
        LEVEL_WORDS
            .iter()
            .find(|(w, _)| words[at..].starts_with(w))
            // `quan` alone is as often `cơ quan` (an office) as `quận`, and
            // `xã hội` (social) is no commune.
            .filter(|(w, _)| *w != ["quan"] && !(*w == ["xa"] && words.get(at + 1) == Some(&"hoi")))
            .map(|(_, l)| *l)
    })
}

impl Body {
    /// Whether a unit named `self` is the body that issued a document of
    /// `issuer`: same side, level and place; or a collective of its level.
    pub fn designates(&self, issuer: &Body) -> bool {
        if self.side != issuer.side || self.level.is_none() || self.level != issuer.level {
            return false;
        }
        self.collective || (self.place.is_some() && self.place == issuer.place)
    }

    /// The same named body (not a collective), for a specific assignment.
    pub fn names(&self, issuer: &Body) -> bool {
        !self.collective && self.designates(issuer)
    }

    /// Whether a cited issuer is compatible with a document's issuer: an
    /// unnamed place (`UBND huyện`) is compatible with any place of its level.
    pub fn compatible(&self, issuer: &Body) -> bool {
        if self.side != issuer.side && self.side != Side::Other && issuer.side != Side::Other {
            return false;
        }
        match (self.level, issuer.level) {
            (Some(a), Some(b)) if a != b => return false,
            _ => {}
        }
        match (&self.place, &issuer.place) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }
}

/// Rank of a level, highest first (central 0 … hamlet 4).
pub fn rank(level: Option<Level>) -> Option<u8> {
    level.map(|l| match l {
        Level::TrungUong => 0,
        Level::Tinh => 1,
        Level::Huyen => 2,
        Level::Xa => 3,
        Level::Thon => 4,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_and_sides() {
        let b = body_of("Ủy ban nhân dân huyện Đăk Hà");
        assert_eq!(b.place.as_deref(), Some("dak ha"));
        assert_eq!(b.place_name.as_deref(), Some("Đăk Hà"));
        let c = body_of("Ban Chỉ đạo xây dựng nông thôn mới xã Quang Trung");
        assert_eq!((c.side, c.level), (Side::Government, Some(Level::Xa)));
        assert_eq!(c.place.as_deref(), Some("quang trung"));
        let p = body_of("Đảng ủy xã Tân Lập");
        assert_eq!((p.side, p.place.as_deref()), (Side::Party, Some("tan lap")));
        let q = body_of("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Đăk Hà");
        assert_eq!(q.side, Side::Agency);
        let r = body_of("các cơ quan, đơn vị");
        assert_eq!(r.level, None);
        let s = body_of("UBND các huyện, thị xã, thành phố");
        assert!(s.collective);
        assert_eq!(s.level, Some(Level::Huyen));
        assert!(body_of("UBND xã Mỹ An").designates(&body_of("Ủy ban nhân dân xã Mỹ An")));
        assert!(!body_of("UBND xã Mỹ An").designates(&body_of("Ủy ban nhân dân xã Mỹ Hòa")));
        assert!(body_of("Ủy ban nhân dân huyện").compatible(&b));
    }
}
