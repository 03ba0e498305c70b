//! Who issued the document and where it sits: the issuer (from the header,
//! else the closing sentence, the introduction or the signature), its
//! level, and the places the document calls its own, which complete bare
//! names elsewhere (`UBND huyện` → `Ủy ban nhân dân huyện Đăk Hà`).
//!
//! Owns the issuer rules and place learning; it does not read the header
//! layout (that is `segment::header`) or canonicalise names (`names`).

use super::names::{canonical_body, level_of, place_of, HomePlaces};
use crate::record::vocab::{Authority, IssuerSource, Level};
use crate::segment::Outline;
use regex::Regex;
use std::sync::LazyLock;

/// The document's issuer and home places.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Identity {
    /// Canonical issuer name.
    pub issuer: Option<String>,
    /// The body above the issuer in the header (`UBND TỈNH YÊN BÁI` above
    /// `SỞ XÂY DỰNG`), canonical.
    pub parent: Option<String>,
    pub level: Option<Level>,
    pub source: Option<IssuerSource>,
    /// Places the document calls its own, for completing bare names.
    pub home: HomePlaces,
}

impl Identity {
    /// The issuer's own (level word, place) when it is a province, district
    /// or commune body: `("huyện", "Đăk Hà")`.
    pub fn own_place(&self) -> Option<(String, String)> {
        self.issuer
            .as_deref()
            .and_then(place_of)
            .filter(|(word, _)| word == "xã" || word == "huyện" || word == "tỉnh")
    }

    /// `xã Tân Hưng` for a commune's own document: the subject of criteria
    /// stated without one.
    pub fn home_commune(&self) -> Option<String> {
        match (self.level, self.home.name_for("xã")) {
            (Some(Level::Xa), Some(name)) => Some(format!("xã {name}")),
            _ => None,
        }
    }

    /// A bare body type that the issuer's name starts with (`Ban Chỉ đạo` in
    /// a plan of the Ban Chỉ đạo … xã Quang Trung) is the issuer itself.
    pub fn issuer_if_bare(&self, name: &str) -> String {
        match self.issuer.as_deref() {
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
}

static INTRO_ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\.\s+)(?P<body>(?:Ủy ban|UBND|Ban|Hội đồng|HĐND|Đảng ủy|Huyện ủy|Tỉnh ủy|Thường trực|Văn phòng|Sở|Phòng|Trung tâm)[^,.;:]*?)\s+(?:xây dựng|ban hành|triển khai)\s+(?:[Kk]ế hoạch|[Cc]hương trình)")
        .expect("valid regex")
});
static CLOSING_ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bcủa\s+(?P<body>(?:Ủy ban|UBND|Ban|Hội đồng|HĐND|Đảng ủy|Huyện ủy|Tỉnh ủy|Thường trực|Văn phòng|Sở|Phòng|Trung tâm)[^,.;:]*?)\s*(?:[.,;:]|$)")
        .expect("valid regex")
});
static NAMED_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(tỉnh|huyện)\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3})").expect("valid regex")
});

/// Words that open the name of a body under another: a header line that
/// starts with one after the first line names the issuer, and the lines
/// above it its parent.
const SUBORDINATE_HEADS: &[&str] = &[
    "SỞ ",
    "BAN ",
    "PHÒNG ",
    "VĂN PHÒNG",
    "ĐẢNG ỦY",
    "ĐẢNG ĐOÀN",
    // A Party committee under its Party organisation: `ĐẢNG BỘ TỈNH …` /
    // `HUYỆN ỦY …` (Hướng dẫn 36-HD/VPTW), the committee issues.
    "HUYỆN ỦY",
    "TỈNH ỦY",
    "THÀNH ỦY",
    "THỊ ỦY",
    "QUẬN ỦY",
    "CHI CỤC",
    "CỤC ",
    "VỤ ",
    "TRUNG TÂM",
    "THANH TRA",
    "ĐOÀN ",
    "HỘI ĐỒNG",
    "CÔNG AN",
    "BỘ CHỈ HUY",
    "ỦY BAN KIỂM TRA",
    "BAN CHỈ ĐẠO",
    "TRƯỜNG ",
    "BỆNH VIỆN",
    "KHO BẠC",
    "CHI NHÁNH",
    "TỔNG CỤC",
];

/// The issuer, its parent, level and the document's home places.
pub fn identify(text: &str, o: &Outline) -> Identity {
    let (issuer, parent, source) = match issuer_of(text, o) {
        Some((name, parent, source)) => (Some(name), parent, Some(source)),
        None => (None, None, None),
    };
    let mut home = HomePlaces::default();
    for name in [&issuer, &parent].into_iter().flatten() {
        if let Some((level, place)) = place_of(name) {
            if home.name_for(&level).is_none() {
                home.places.push((level, place));
            }
        }
    }
    learn_places(text, &mut home);
    Identity {
        level: issuer.as_deref().and_then(level_of),
        issuer,
        parent,
        source,
        home,
    }
}

/// Split the header's issuer lines into the parent body and the issuer.
/// The issuer takes its parent's place when it names none of its own:
/// `UBND TỈNH YÊN BÁI` / `SỞ XÂY DỰNG` → `Sở Xây dựng tỉnh Yên Bái`.
fn header_issuer(lines: &[&str]) -> (String, Option<String>) {
    let none = HomePlaces::default();
    let split = (1..lines.len()).find(|&k| {
        let l = lines[k].trim_start();
        SUBORDINATE_HEADS.iter().any(|h| l.starts_with(h))
    });
    let Some(k) = split else {
        return (canonical_body(&lines.join(" "), &none), None);
    };
    let parent = canonical_body(&lines[..k].join(" "), &none);
    let mut home = HomePlaces::default();
    if let Some(place) = place_of(&parent) {
        home.places.push(place);
    }
    let mut issuer = canonical_body(&lines[k..].join(" "), &home);
    // `UBND TỈNH THÁI NGUYÊN` / `VĂN PHÒNG`: a bare office is the office of
    // the body above it (Văn phòng Ủy ban nhân dân tỉnh Thái Nguyên).
    if issuer == "Văn phòng" {
        return (format!("Văn phòng {parent}"), Some(parent));
    }
    if place_of(&issuer).is_none() && level_of(&issuer).is_none() {
        if let Some((level, place)) = place_of(&parent) {
            issuer = format!("{issuer} {level} {place}");
        }
    }
    (issuer, Some(parent))
}

fn issuer_of(text: &str, o: &Outline) -> Option<(String, Option<String>, IssuerSource)> {
    let none = HomePlaces::default();
    if !o.header.issuer_lines.is_empty() {
        let lines: Vec<&str> = o
            .header
            .issuer_lines
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        let (issuer, parent) = header_issuer(&lines);
        return Some((issuer, parent, IssuerSource::Header));
    }
    if let Some(c) = o
        .closing
        .and_then(|i| CLOSING_ISSUER.captures(o.paras[i].text(text)))
    {
        return Some((
            canonical_body(&c["body"], &none),
            None,
            IssuerSource::Closing,
        ));
    }
    for &i in o.bases.iter().chain(o.intro.iter()) {
        if let Some(c) = INTRO_ISSUER.captures(o.paras[i].text(text)) {
            return Some((canonical_body(&c["body"], &none), None, IssuerSource::Intro));
        }
    }
    let sig = o.signature.as_ref()?;
    let (_, body) = sig.authorities.iter().find(|(p, _)| *p == Authority::Tm)?;
    Some((
        canonical_body(&body.text, &none),
        None,
        IssuerSource::Signature,
    ))
}

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
            .filter_map(|c| c.get(2).map(|m| m.as_str()))
            .collect();
        names.sort_unstable();
        names.dedup();
        if let [only] = names.as_slice() {
            home.places.push((level.to_string(), only.to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_body_type_is_the_issuer_it_starts() {
        let id = Identity {
            issuer: Some("Ban Chỉ đạo xây dựng nông thôn mới xã Quang Trung".into()),
            level: Some(Level::Xa),
            parent: None,
            source: Some(IssuerSource::Header),
            home: HomePlaces::default(),
        };
        assert_eq!(id.issuer_if_bare("Ban Chỉ đạo"), id.issuer.clone().unwrap());
        assert_eq!(id.issuer_if_bare("Ban Chỉ đạo huyện"), "Ban Chỉ đạo huyện");
        assert_eq!(id.issuer_if_bare("Phòng Kinh tế"), "Phòng Kinh tế");
    }

    #[test]
    fn a_parent_body_above_the_issuer_goes_in_its_own_field() {
        let (issuer, parent) = header_issuer(&["UBND TỈNH YÊN BÁI", "SỞ XÂY DỰNG"]);
        assert_eq!(issuer, "Sở Xây dựng tỉnh Yên Bái");
        assert_eq!(parent.as_deref(), Some("Ủy ban nhân dân tỉnh Yên Bái"));
        let (issuer, parent) = header_issuer(&["ỦY BAN NHÂN DÂN", "HUYỆN HỚN QUẢN"]);
        assert_eq!(issuer, "Ủy ban nhân dân huyện Hớn Quản");
        assert_eq!(parent, None);
        let (issuer, parent) =
            header_issuer(&["ĐẢNG BỘ TỈNH LÀO CAI", "ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH"]);
        assert_eq!(issuer, "Đảng ủy Ủy ban nhân dân tỉnh Lào Cai");
        assert_eq!(parent.as_deref(), Some("Đảng bộ tỉnh Lào Cai"));
    }
}
