//! Rebuilding the cross-reference table of a damaged PDF.
//!
//! A PDF whose end was cut off (an interrupted download), whose `xref`
//! offsets are wrong or whose trailer is gone cannot be opened by lopdf,
//! although its objects — pages, fonts, content streams — are usually all
//! still there: only the index at the end is missing. Readers such as
//! poppler and Acrobat rebuild that index by scanning the file for `N G obj`
//! … `endobj`; this does the same and appends a fresh `xref` and trailer, so
//! that the ordinary parser can read the file. Objects inside compressed
//! object streams are not indexed (the producers of office PDFs seldom use
//! them; such files fall back to pdftotext).

use regex::bytes::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// `12 0 obj` at the start of a line (or of the file).
static OBJ: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)(?:^|[\r\n])(\d{1,7})\s+(\d{1,5})\s+obj\b").expect("valid regex")
});

static CATALOG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/Type\s*/Catalog\b").expect("valid regex"));

static INFO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/Producer\s*[(<]").expect("valid regex"));

/// The file with a rebuilt `xref` table and trailer appended, or `None`
/// when no complete object or no document catalog can be found.
pub fn rebuild_xref(bytes: &[u8]) -> Option<Vec<u8>> {
    // (object number) → (offset, generation), the last complete copy
    // winning as in an incremental update.
    let mut objects: BTreeMap<u32, (usize, u16)> = BTreeMap::new();
    let starts: Vec<(usize, u32, u16)> = OBJ
        .captures_iter(bytes)
        .filter_map(|c| {
            let n = c.get(1)?;
            let num = std::str::from_utf8(n.as_bytes()).ok()?.parse().ok()?;
            let gen = std::str::from_utf8(c.get(2)?.as_bytes())
                .ok()?
                .parse()
                .ok()?;
            Some((n.start(), num, gen))
        })
        .collect();
    let mut root = None;
    let mut info = None;
    for (k, &(at, num, gen)) in starts.iter().enumerate() {
        let next = starts.get(k + 1).map_or(bytes.len(), |s| s.0);
        let body = &bytes[at..next];
        // An object cut off by the damage has no `endobj`: leave it out
        // rather than hand the parser half a stream.
        if !body.windows(6).any(|w| w == b"endobj") {
            continue;
        }
        objects.insert(num, (at, gen));
        // The catalog and the info dictionary are small: look for their
        // keys before any stream data.
        let head = &body[..body.len().min(2048)];
        let dict_end = head
            .windows(6)
            .position(|w| w == b"stream")
            .unwrap_or(head.len());
        if CATALOG.is_match(&head[..dict_end]) {
            root = Some((num, gen));
        } else if INFO.is_match(&head[..dict_end]) {
            info = Some((num, gen));
        }
    }
    let (root_num, root_gen) = root?;
    let size = objects.keys().next_back().map_or(1, |&n| n + 1);
    let mut out = bytes.to_vec();
    if !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    let xref_at = out.len();
    let mut table = format!("xref\n0 {size}\n0000000000 65535 f \n");
    for n in 1..size {
        match objects.get(&n) {
            Some(&(off, gen)) => table.push_str(&format!("{off:010} {gen:05} n \n")),
            None => table.push_str("0000000000 00000 f \n"),
        }
    }
    table.push_str(&format!(
        "trailer\n<< /Size {size} /Root {root_num} {root_gen} R"
    ));
    if let Some((n, g)) = info {
        table.push_str(&format!(" /Info {n} {g} R"));
    }
    table.push_str(&format!(" >>\nstartxref\n{xref_at}\n%%EOF\n"));
    out.extend_from_slice(table.as_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-page PDF written by hand, cut before its xref.
    fn cut_pdf() -> Vec<u8> {
        let mut pdf = b"%PDF-1.4\n".to_vec();
        for obj in [
            "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
            "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
            "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n",
            "4 0 obj\n<< /Length 100 >>\nstream\nBT /F1 12 Tf",
        ] {
            pdf.extend_from_slice(obj.as_bytes());
        }
        pdf
    }

    #[test]
    fn rebuilds_an_index_of_the_complete_objects() {
        let fixed = rebuild_xref(&cut_pdf()).expect("catalog found");
        let tail = String::from_utf8_lossy(&fixed[cut_pdf().len()..]).into_owned();
        assert!(tail.contains("xref\n0 4\n"), "{tail}");
        assert!(tail.contains("/Root 1 0 R"), "{tail}");
        // Object 4 has no endobj: not indexed.
        assert_eq!(tail.matches(" n \n").count(), 3, "{tail}");
        let doc = pdf_extract::Document::load_mem(&fixed).expect("lopdf reads the rebuilt file");
        assert_eq!(doc.get_pages().len(), 1);
    }

    #[test]
    fn no_catalog_no_repair() {
        assert!(rebuild_xref(b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n").is_none());
        assert!(rebuild_xref(b"%PDF-1.4\n").is_none());
    }
}
