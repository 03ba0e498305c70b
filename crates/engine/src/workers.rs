//! A pool of long-lived worker processes for isolated inputs (PDFs).
//!
//! Starting a process per PDF cost ~72 ms each, most of it the worker
//! compiling the program's regexes again; a worker that stays up pays that
//! once. Each worker reads many requests ([`WorkerRequest`] lines on its
//! stdin, [`WorkerReply`] lines on its stdout) under the same guarantees as
//! a process per file: a worker that hangs past the timeout is killed with
//! its process group (the file costs a `timeout` record); one that crashes
//! or passes its memory limit is reaped and replaced (the file costs a
//! `malformed` record) — and since a worker that already served other files
//! may have died of what they left behind (memory grows, the limit is per
//! process), that file is tried once more in a fresh worker before it is
//! given up. A worker is also retired after [`MAX_FILES_PER_WORKER`] files.
//! The pool never holds more workers than threads ask for at once.
//!
//! This module owns the processes; what a request is and how a file is
//! read are `batch`'s.

use crate::batch::{Isolation, WorkerReply, WorkerRequest};
use crate::error::DocError;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ExitStatus};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::Mutex;

/// Files one worker reads before it is replaced, so that memory a parser
/// leaks or fragments cannot pile up over a whole archive.
pub const MAX_FILES_PER_WORKER: usize = 200;

/// Why a worker gave no reply.
enum Failed {
    Timeout,
    Died(Option<ExitStatus>),
    Start(String),
    Garbled,
}

struct Worker {
    child: Child,
    stdin: Option<ChildStdin>,
    replies: Receiver<String>,
    served: usize,
}

impl Worker {
    fn spawn(iso: &Isolation) -> Result<Worker, Failed> {
        let Some((program, args)) = iso.command.split_first() else {
            return Err(Failed::Start("no worker command given".into()));
        };
        let mut cmd = std::process::Command::new(program);
        cmd.args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null());
        crate::batch::limit_memory(&mut cmd, iso.max_memory);
        // Its own process group, so a timeout kills everything it started.
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        let mut child = cmd.spawn().map_err(|e| {
            Failed::Start(format!(
                "cannot start the isolated worker {}: {e}",
                std::path::Path::new(program).display()
            ))
        })?;
        let stdin = child.stdin.take();
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| Failed::Start("the worker has no output pipe".into()))?;
        // Replies are read on their own thread, so a large reply cannot
        // block the worker and a silent one cannot block us past the timeout.
        let (tx, replies) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Ok(Worker {
            child,
            stdin,
            replies,
            served: 0,
        })
    }

    fn ask(&mut self, request: &str, iso: &Isolation) -> Result<WorkerReply, Failed> {
        let sent = self.stdin.as_mut().is_some_and(|stdin| {
            stdin.write_all(request.as_bytes()).is_ok()
                && stdin.write_all(b"\n").is_ok()
                && stdin.flush().is_ok()
        });
        let line = if sent {
            match self.replies.recv_timeout(iso.timeout) {
                Ok(line) => line,
                Err(RecvTimeoutError::Timeout) => {
                    self.kill();
                    return Err(Failed::Timeout);
                }
                Err(RecvTimeoutError::Disconnected) => return Err(Failed::Died(self.reap())),
            }
        } else {
            // It died before reading (at start, or of the previous file).
            return Err(Failed::Died(self.reap()));
        };
        self.served += 1;
        serde_json::from_str(&line).map_err(|_| {
            self.kill();
            Failed::Garbled
        })
    }

    fn kill(&mut self) {
        // SAFETY: kill(2) on the child's process group, which we created.
        unsafe {
            libc::kill(-(self.child.id() as libc::pid_t), libc::SIGKILL);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The exit status of a worker whose output ended.
    fn reap(&mut self) -> Option<ExitStatus> {
        self.stdin = None;
        // Its stdout closed: it has exited or is about to.
        match wait_timeout::ChildExt::wait_timeout(
            &mut self.child,
            std::time::Duration::from_secs(5),
        ) {
            Ok(Some(status)) => Some(status),
            _ => {
                self.kill();
                None
            }
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Closing stdin ends a healthy worker; give it a moment, then kill.
        self.stdin = None;
        match wait_timeout::ChildExt::wait_timeout(
            &mut self.child,
            std::time::Duration::from_secs(2),
        ) {
            Ok(Some(_)) => {}
            _ => self.kill(),
        }
    }
}

/// Idle workers, shared by the batch's threads.
pub struct Pool {
    iso: Isolation,
    idle: Mutex<Vec<Worker>>,
}

impl Pool {
    pub fn new(iso: Isolation) -> Pool {
        Pool {
            iso,
            idle: Mutex::new(Vec::new()),
        }
    }

    fn take(&self) -> Option<Worker> {
        self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop()
    }

    fn give_back(&self, w: Worker) {
        if w.served < MAX_FILES_PER_WORKER {
            self.idle.lock().unwrap_or_else(|e| e.into_inner()).push(w);
        }
    }

    /// Ask a worker for one request; the error says why there is no reply.
    pub fn run(&self, request: &WorkerRequest) -> Result<WorkerReply, DocError> {
        let line = serde_json::to_string(request)
            .map_err(|e| DocError::Internal(format!("cannot encode the request: {e}")))?;
        let mut retried = false;
        loop {
            let mut worker = match self.take() {
                Some(w) => w,
                None => match Worker::spawn(&self.iso) {
                    Ok(w) => w,
                    Err(f) => return Err(self.error(f)),
                },
            };
            let used_before = worker.served > 0;
            match worker.ask(&line, &self.iso) {
                Ok(reply) => {
                    self.give_back(worker);
                    return Ok(reply);
                }
                // A worker that served others may have died of them: once more, fresh.
                Err(Failed::Died(_)) if used_before && !retried => retried = true,
                Err(f) => return Err(self.error(f)),
            }
        }
    }

    fn error(&self, f: Failed) -> DocError {
        use std::os::unix::process::ExitStatusExt;
        match f {
            Failed::Timeout => DocError::Timeout(self.iso.timeout.as_secs()),
            Failed::Start(message) => DocError::Internal(message),
            Failed::Garbled => DocError::Malformed("the PDF worker gave no readable reply".into()),
            Failed::Died(status) => DocError::Malformed(match status.and_then(|s| s.signal()) {
                Some(sig) if sig == libc::SIGKILL || sig == libc::SIGABRT || sig == libc::SIGSEGV => format!(
                    "the PDF parser crashed (signal {sig}: stack overflow, abort or the {} MiB memory limit)",
                    self.iso.max_memory / (1024 * 1024)
                ),
                Some(sig) => format!("the PDF parser was killed by signal {sig}"),
                None => match status.and_then(|s| s.code()) {
                    Some(0) | None => "the PDF worker ended without a reply".to_string(),
                    Some(code) => format!("the PDF worker failed (exit status {code})"),
                },
            }),
        }
    }
}
