//! Folding for queries typed without marks and for comparing texts: every
//! letter loses its marks,
//! `đ` becomes `d`, and the text is lower-cased — one character for one
//! character, so a hit in the folded text is a hit at the same place in
//! the original, which is what snippets are cut from.
//!
//! ```
//! use vnplan_record::fold::{fold, has_vietnamese_marks};
//! assert_eq!(fold("Kế hoạch xây dựng nông thôn mới, đường"), "ke hoach xay dung nong thon moi, duong");
//! assert_eq!(fold("trường").chars().count(), "trường".chars().count());
//! assert!(has_vietnamese_marks("năm"));
//! assert!(has_vietnamese_marks("đi"));
//! assert!(!has_vietnamese_marks("ke hoach \"nong thon\" OR nam*"));
//! ```

use unicode_normalization::char::decompose_canonical;

/// One folded character for each character of `text`.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let base = match c {
        'đ' | 'Đ' => 'd',
        _ => {
            let mut base = c;
            let mut first = true;
            decompose_canonical(c, |d| {
                if first {
                    base = d;
                    first = false;
                }
            });
            base
        }
    };
    let mut lower = base.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => base,
    }
}

/// Whether `text` carries any Vietnamese mark (a tone, a vowel shape or
/// `đ`): such a query must match exactly; one without marks searches the
/// folded text.
pub fn has_vietnamese_marks(text: &str) -> bool {
    text.chars().any(|c| {
        !c.is_ascii() && c.is_alphabetic() && fold_char(c) != c.to_lowercase().next().unwrap_or(c)
    })
}
