//! `vnplan __worker` (hidden): the child side of PDF isolation. Answers
//! the typed requests on stdin, one reply line each (the engine's
//! `batch::serve_worker`), so a parser crash costs one file.

use super::{EXIT_OK, EXIT_SOME_FAILED};

pub fn run() -> i32 {
    let stdin = std::io::stdin().lock();
    let stdout = std::io::stdout().lock();
    match vnplan_engine::batch::serve_worker(stdin, stdout) {
        Ok(()) => EXIT_OK,
        Err(_) => EXIT_SOME_FAILED,
    }
}
