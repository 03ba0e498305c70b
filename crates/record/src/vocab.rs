//! The closed vocabularies of the record: every field whose value is one of
//! a fixed set of names is one of these enums, so a typo is a compile error
//! and a SQL `CHECK` or a comparison key can list the set.
//!
//! Each enum serialises to exactly the string the JSON has always carried
//! (`as_str`), parses back from it (`FromStr`), and lists its values in
//! `ALL` (in declaration order) for schemas and `CHECK` constraints.
//!
//! ```
//! use vnplan_record::vocab::{Level, SectionKind};
//!
//! assert_eq!(Level::Xa.as_str(), "xa");
//! assert_eq!("to_chuc_thuc_hien".parse::<SectionKind>(), Ok(SectionKind::ToChucThucHien));
//! assert!("xã".parse::<Level>().is_err()); // one spelling only
//! assert_eq!(serde_json::to_string(&Level::TrungUong).unwrap(), "\"trung_uong\"");
//! ```

/// Declares a closed vocabulary: the enum, its serde names, `as_str`,
/// `FromStr`, `Display` and `ALL`. Written by hand because serde's
/// `rename_all` cannot produce names such as `TM.` or `pdf-extract`, and
/// the same table must drive serialisation, parsing and SQL constraints.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
                 serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The value as written in the record.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = UnknownValue;
            fn from_str(s: &str) -> Result<$name, UnknownValue> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(UnknownValue {
                        vocabulary: stringify!($name),
                        value: s.to_string(),
                    }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// A string that is not a value of the vocabulary it was parsed as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    pub vocabulary: &'static str,
    pub value: String,
}

impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} is not a {} value", self.value, self.vocabulary)
    }
}

impl std::error::Error for UnknownValue {}

vocabulary! {
    /// The input file's format.
    Format {
        Pdf = "pdf",
        Text = "text",
        Markdown = "markdown",
        Docx = "docx",
        /// Legacy Word 97–2003 binary document.
        Doc = "doc",
        /// Rich Text Format (classified, not read).
        Rtf = "rtf",
    }
}

vocabulary! {
    /// Which extractor produced the text.
    Backend {
        PdfExtract = "pdf-extract",
        Pdftotext = "pdftotext",
        Tesseract = "tesseract",
        Docx = "docx",
        Doc = "doc",
        Text = "text",
    }
}

vocabulary! {
    /// Administrative level of a body.
    Level {
        /// Central: Chính phủ, ministries, Trung ương.
        TrungUong = "trung_uong",
        /// Province or centrally-run city.
        Tinh = "tinh",
        /// District, town, district-level city.
        Huyen = "huyen",
        /// Commune, ward, township.
        Xa = "xa",
        /// Village, hamlet.
        Thon = "thon",
    }
}

vocabulary! {
    /// Where the issuer was read.
    IssuerSource {
        Header = "header",
        Closing = "closing",
        Intro = "intro",
        Signature = "signature",
    }
}

vocabulary! {
    /// The operative signing prefix (Decree 30/2020, box 7). Party forms
    /// `T/M`, `K/T`, `T/L` are reported in the same dotted form.
    Authority {
        /// Thay mặt: on behalf of a collective.
        Tm = "TM.",
        /// Ký thay: a deputy signs for the head.
        Kt = "KT.",
        /// Thừa lệnh.
        Tl = "TL.",
        /// Thừa ủy quyền.
        Tuq = "TUQ.",
        /// Quyền (acting).
        Q = "Q.",
    }
}

vocabulary! {
    /// Where a reference is cited.
    ReferenceRole {
        /// In the legal bases (`Căn cứ …`, `Thực hiện …`) or the title.
        Basis = "basis",
        Body = "body",
    }
}

vocabulary! {
    /// Canonical kind of an outline section, from its heading.
    SectionKind {
        MucDich = "muc_dich",
        YeuCau = "yeu_cau",
        MucDichYeuCau = "muc_dich_yeu_cau",
        MucTieu = "muc_tieu",
        NoiDung = "noi_dung",
        NhiemVu = "nhiem_vu",
        GiaiPhap = "giai_phap",
        NhiemVuGiaiPhap = "nhiem_vu_giai_phap",
        ToChucThucHien = "to_chuc_thuc_hien",
        KinhPhi = "kinh_phi",
        ThoiGian = "thoi_gian",
        DiaDiem = "dia_diem",
        BaoCao = "bao_cao",
        Other = "other",
    }
}

vocabulary! {
    /// The shape of a date expression (its `value` follows the README's table).
    DateKind {
        Date = "date",
        Month = "month",
        Year = "year",
        Quarter = "quarter",
        Range = "range",
        Time = "time",
        Recurring = "recurring",
        Lunar = "lunar",
        /// A length of time (`trong 15 ngày` → `P15D`, ISO 8601).
        Duration = "duration",
    }
}

vocabulary! {
    /// What a date is for in its sentence.
    DateRole {
        Issued = "issued",
        Reference = "reference",
        Event = "event",
        Deadline = "deadline",
        Period = "period",
        Other = "other",
    }
}

vocabulary! {
    /// How a deadline binds its due date.
    Relation {
        /// `trước ngày …`.
        Before = "before",
        /// `chậm nhất …`, `đến hết …`, `hạn chót …`, `hoàn thành trong tháng …`.
        By = "by",
        /// `vào ngày …`.
        On = "on",
        /// A duration: `trong 15 ngày`.
        Within = "within",
        Recurring = "recurring",
    }
}

vocabulary! {
    /// A unit's role in an assignment.
    AssignmentRole {
        /// Chủ trì: leads.
        ChuTri = "chu_tri",
        /// Phối hợp: supports.
        PhoiHop = "phoi_hop",
        /// Thực hiện: carries out.
        ThucHien = "thuc_hien",
        /// Đề nghị: asked (a body the issuer does not direct).
        DeNghi = "de_nghi",
    }
}

vocabulary! {
    /// Status of an NTM criterion.
    CriterionStatus {
        Dat = "dat",
        ChuaDat = "chua_dat",
        DuyTriNangCao = "duy_tri_nang_cao",
        PhanDauDat = "phan_dau_dat",
        CungCo = "cung_co",
    }
}

vocabulary! {
    /// How a target's quantity is bounded.
    Comparator {
        /// `tối thiểu`, `ít nhất`.
        ToiThieu = "toi_thieu",
        /// `khoảng`.
        Khoang = "khoang",
        /// `trên`.
        Tren = "tren",
        /// `dưới`.
        Duoi = "duoi",
        /// `tối đa`, `không quá`.
        ToiDa = "toi_da",
        /// A range `01 - 03`.
        TuDen = "tu_den",
        /// `… trở lên`.
        TuTroLen = "tu_tro_len",
        /// `… trở xuống`.
        TuTroXuong = "tu_tro_xuong",
    }
}

vocabulary! {
    /// What a warning is about.
    WarningCode {
        /// A weekday that does not fall on the date given.
        WeekdayMismatch = "weekday_mismatch",
        /// An annex's `Kèm theo …` line dated differently from the document.
        AnnexDateMismatch = "annex_date_mismatch",
        /// A count of criteria that disagrees with the criteria listed.
        CriteriaCountMismatch = "criteria_count_mismatch",
        /// A criteria set that is not the national numbering.
        CriteriaNumbering = "criteria_numbering",
        /// A doubtful text encoding.
        Encoding = "encoding",
        /// A weak PDF text layer.
        TextQuality = "text_quality",
        /// A PDF page that could not be read.
        PdfPage = "pdf_page",
        /// Text read by OCR.
        Ocr = "ocr",
        /// No document type and no outline.
        NotAPlan = "not_a_plan",
        /// Something in a DOCX package was skipped.
        Docx = "docx",
        /// DOCX list numbering that could not be resolved.
        Numbering = "numbering",
        /// DOCX styles that could not be read.
        Styles = "styles",
        /// A damaged file was read in part.
        Damaged = "damaged",
    }
}

vocabulary! {
    /// Why a document could not be processed.
    ErrorKind {
        /// Unreadable, dangling link, symlink loop.
        Io = "io",
        Empty = "empty",
        /// Legacy `.doc`, RTF, anything not read.
        UnsupportedFormat = "unsupported_format",
        /// A user password is needed.
        Encrypted = "encrypted",
        /// A PDF without a text layer (OCR needed).
        ImageOnly = "image_only",
        /// Including a parser crash.
        Malformed = "malformed",
        Timeout = "timeout",
        TooLarge = "too_large",
        /// Glyph codes without a Unicode mapping.
        UnsupportedFont = "unsupported_font",
        Encoding = "encoding",
        /// A bug: please report the file.
        Internal = "internal",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips_through_json_and_from_str() {
        fn check<T>(all: &[T])
        where
            T: Copy + PartialEq + std::fmt::Debug + std::str::FromStr + std::fmt::Display,
            T: serde::Serialize + serde::de::DeserializeOwned,
        {
            for &v in all {
                let json = serde_json::to_string(&v).unwrap();
                assert_eq!(json, format!("\"{v}\""));
                assert_eq!(serde_json::from_str::<T>(&json).unwrap(), v);
                assert!(v.to_string().parse::<T>().ok() == Some(v));
            }
        }
        check(Format::ALL);
        check(Backend::ALL);
        check(Level::ALL);
        check(IssuerSource::ALL);
        check(Authority::ALL);
        check(ReferenceRole::ALL);
        check(SectionKind::ALL);
        check(DateKind::ALL);
        check(DateRole::ALL);
        check(Relation::ALL);
        check(AssignmentRole::ALL);
        check(CriterionStatus::ALL);
        check(Comparator::ALL);
        check(WarningCode::ALL);
        check(ErrorKind::ALL);
    }
}
