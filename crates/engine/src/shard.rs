//! Sharing a batch between machines: a deterministic share of the inputs
//! for shard `i` of `n`, so that `n` jobs started with the same inputs and
//! `--shard 0/n` … `--shard n-1/n` read every input exactly once, and a
//! manifest (one path per line, an optional group key after a tab) for
//! inputs listed rather than walked.
//!
//! Inputs are shared by group, not one by one, so that a family of plans
//! lands on one machine: the group is the manifest's key when it gives one,
//! else the district folder the path goes through (`…/huyen_tan_phong/…`,
//! `…/Huyện Đăk Hà/…`), else the path itself. The group is hashed with
//! FNV-1a, which is the same on every machine and every build (the
//! standard hasher is not). This module owns the selection only; running
//! and merging are `batch`'s and the dataset's.

use crate::batch::Input;
use std::path::{Path, PathBuf};

/// Shard `index` of `count` (0-based, as `JOB_COMPLETION_INDEX`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

impl std::str::FromStr for Shard {
    type Err = String;

    /// `I/N` with `0 <= I < N`.
    ///
    /// ```
    /// use vnplan_engine::shard::Shard;
    /// assert_eq!("2/4".parse::<Shard>(), Ok(Shard { index: 2, count: 4 }));
    /// assert!("4/4".parse::<Shard>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Shard, String> {
        let bad = || format!("{s:?}: a shard is I/N with 0 <= I < N, e.g. 0/4");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let (index, count): (u32, u32) = (
            i.trim().parse().map_err(|_| bad())?,
            n.trim().parse().map_err(|_| bad())?,
        );
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

/// 64-bit FNV-1a: stable across machines, builds and runs.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Folder names that say a district (folded, `_`/`-`/space alike).
const DISTRICT_PREFIXES: &[&str] = &["huyen", "quan", "thi xa", "thixa", "thanh pho", "tp "];

fn fold_name(name: &str) -> String {
    crate::record::fold::fold(name).replace(['_', '-', '.'], " ")
}

/// The group of a path without a manifest key: the path up to the district
/// folder it goes through, else the path itself.
///
/// ```
/// use vnplan_engine::shard::group_of;
/// assert_eq!(group_of("archive/tinh/huyen_tan_phong/xa_my_an.txt"), "archive/tinh/huyen_tan_phong");
/// assert_eq!(group_of("archive/Huyện Đăk Hà/2025/kh.pdf"), "archive/Huyện Đăk Hà");
/// assert_eq!(group_of("archive/tinh/kh_tinh.txt"), "archive/tinh/kh_tinh.txt");
/// ```
pub fn group_of(path: &str) -> String {
    let p = Path::new(path);
    let mut prefix = PathBuf::new();
    let parts: Vec<_> = p.components().collect();
    // Folders only: the file's own name is not a district.
    for c in parts.iter().take(parts.len().saturating_sub(1)) {
        prefix.push(c);
        let name = fold_name(&c.as_os_str().to_string_lossy());
        if DISTRICT_PREFIXES.iter().any(|d| name.starts_with(d)) {
            return prefix.to_string_lossy().into_owned();
        }
    }
    path.to_string()
}

impl Shard {
    /// Whether the input with this group key belongs to this shard.
    pub fn holds(&self, group: &str) -> bool {
        fnv1a(group.as_bytes()) % u64::from(self.count) == u64::from(self.index)
    }

    /// This shard's inputs, in their order. `groups` gives a manifest's
    /// key for an input (by its display path), when it has one.
    pub fn select(
        &self,
        inputs: Vec<Input>,
        groups: &std::collections::HashMap<String, String>,
    ) -> Vec<Input> {
        inputs
            .into_iter()
            .filter(|input| {
                let display = input.display();
                match groups.get(display) {
                    Some(g) => self.holds(g),
                    None => self.holds(&group_of(display)),
                }
            })
            .collect()
    }
}

/// A manifest: one input per line, `path` or `path<TAB>group`; blank lines
/// and lines starting with `#` are skipped; a relative path is taken from
/// the manifest's folder. Gives the paths (as written in the manifest,
/// joined to its folder) and the group of each that has one.
pub fn read_manifest(
    file: &Path,
) -> std::io::Result<(Vec<String>, std::collections::HashMap<String, String>)> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", file.display())))?;
    let base = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut paths = Vec::new();
    let mut groups = std::collections::HashMap::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let (path, group) = match line.split_once('\t') {
            Some((p, g)) => (p.trim(), Some(g.trim())),
            None => (line.trim(), None),
        };
        let full = if Path::new(path).is_absolute() {
            PathBuf::from(path)
        } else {
            base.join(path)
        };
        let shown = full.to_string_lossy().into_owned();
        if let Some(g) = group.filter(|g| !g.is_empty()) {
            groups.insert(shown.clone(), g.to_string());
        }
        paths.push(shown);
    }
    Ok((paths, groups))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_input_in_exactly_one_shard_and_families_together() {
        let paths: Vec<String> = (0..200)
            .map(|i| format!("a/tinh/huyen_{}/xa_{i}.txt", i % 7))
            .chain((0..50).map(|i| format!("a/loose/{i}.pdf")))
            .collect();
        let n = 3;
        let mut seen = vec![0; paths.len()];
        for index in 0..n {
            let shard = Shard { index, count: n };
            let inputs = paths
                .iter()
                .map(|p| Input::File {
                    path: p.into(),
                    display: p.clone(),
                })
                .collect();
            for input in shard.select(inputs, &Default::default()) {
                let i = paths.iter().position(|p| p == input.display()).unwrap();
                seen[i] += 1;
            }
        }
        assert!(seen.iter().all(|&s| s == 1));
        // All communes of one district fall in one shard.
        for d in 0..7 {
            let g = format!("a/tinh/huyen_{d}");
            let holders: Vec<u32> = (0..n)
                .filter(|&i| Shard { index: i, count: n }.holds(&g))
                .collect();
            assert_eq!(holders.len(), 1);
        }
        // Stable: the published FNV-1a test vectors, the same on every machine.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
