//! Output files: checked before any work, written atomically (a temporary
//! file in the target's folder, renamed over the target only when
//! complete), with the mode a new file would get from the umask, and a side
//! file of the outputs finished so far, which `--resume` picks up after an
//! interrupted or killed run.

use std::io::Write;
use std::path::{Path, PathBuf};
use vnplan_engine::batch::Input;

/// A checked output path.
pub struct Target {
    pub path: PathBuf,
    /// `.<name>.partial` beside the target: one JSON line per finished
    /// output, flushed as it goes, kept when a run is interrupted.
    pub side: PathBuf,
}

/// Check `path` before any work: not a folder, not one of the inputs, in a
/// folder that exists. The message names the path.
pub fn check(path: &Path, inputs: &[Input]) -> Result<Target, String> {
    let shown = path.display();
    if path.is_dir() {
        return Err(format!("cannot write output to {shown}: it is a folder"));
    }
    let dir = parent_of(path);
    if !dir.is_dir() {
        return Err(format!(
            "cannot write output to {shown}: the folder {} does not exist",
            dir.display()
        ));
    }
    if let Ok(target) = std::fs::canonicalize(path) {
        for input in inputs {
            if let Input::File { path: p, display } = input {
                if std::fs::canonicalize(p).is_ok_and(|c| c == target) {
                    return Err(format!(
                        "cannot write output to {shown}: it is one of the inputs ({display})"
                    ));
                }
            }
        }
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    Ok(Target {
        path: path.to_path_buf(),
        side: dir.join(format!(".{name}.partial")),
    })
}

fn parent_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The mode a file created now would get: `0666` less the umask, or the
/// mode of the file being replaced.
fn mode_for(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(meta) = std::fs::metadata(path) {
        return meta.permissions().mode() & 0o7777;
    }
    // SAFETY: umask(2) only swaps the process's mask; it is set back at once,
    // before any other thread creates files.
    let mask = unsafe {
        let old = libc::umask(0o022);
        libc::umask(old);
        old
    };
    0o666 & !(mask as u32)
}

/// Write through a temporary file in the target's folder, renamed over the
/// target only when `f` succeeded: readers never see a partial file, and
/// Ctrl-C or a termination signal removes the temporary file (the side
/// file stays, for `--resume`). `kill -9` cannot be caught; the target is
/// still never partial.
pub fn write_atomically<T>(
    target: &Target,
    f: impl FnOnce(&mut dyn Write) -> std::io::Result<T>,
) -> Result<T, String> {
    use std::os::unix::fs::PermissionsExt;
    let shown = target.path.display();
    let mode = mode_for(&target.path);
    let mut tmp = tempfile::Builder::new()
        .prefix(".vnplan-")
        .suffix(".tmp")
        .tempfile_in(parent_of(&target.path))
        .map_err(|e| format!("cannot write output to {shown}: {e}"))?;
    let tmp_path = tmp.path().to_path_buf();
    let side = target.side.clone();
    let _ = ctrlc::set_handler(move || {
        let _ = std::fs::remove_file(&tmp_path);
        if side.exists() {
            eprintln!(
                "vnplan: interrupted; no output written (finished records kept in {}; run again with --resume)",
                side.display()
            );
        } else {
            eprintln!("vnplan: interrupted; no output written");
        }
        std::process::exit(130);
    });
    let value = {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        let v = f(&mut w).map_err(|e| format!("cannot write output to {shown}: {e}"))?;
        w.flush()
            .map_err(|e| format!("cannot write output to {shown}: {e}"))?;
        v
    };
    let finish = |tmp: tempfile::NamedTempFile| -> std::io::Result<()> {
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
        tmp.as_file().sync_all()?;
        tmp.persist(&target.path).map_err(|e| e.error)?;
        Ok(())
    };
    finish(tmp).map_err(|e| format!("cannot write output to {shown}: {e}"))?;
    Ok(value)
}
