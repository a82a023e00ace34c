//! Parallel work in input order, in bounded memory.
//!
//! A reader thread pulls batches from the source; for each it queues a ticket (the receiving end of a one-shot
//! channel) on the order channel, then the batch on the work channel. Worker threads take batches as they come and
//! answer on the batch's one-shot channel. The caller's thread is the writer: it takes tickets in order and waits for
//! each answer. Both channels are bounded, so at most `2 × workers + 2` batches are in flight whatever the input's
//! size; when the writer stops (an error), the reader and the workers stop too.

use std::io;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::Mutex;
use std::thread;

/// Why a run stopped early.
#[derive(Debug)]
pub enum Failure {
    /// The source failed.
    Read(io::Error),
    /// The sink failed.
    Write(io::Error),
}

/// The writer's place for one batch: its answer to come, or the read error that ended the input.
enum Ticket<T> {
    Pending(Receiver<T>),
    Failed(io::Error),
}

/// Runs `work` on every batch of `source` on `workers` threads and hands the results to `sink` in source order, on
/// the calling thread.
pub fn run<B, T>(
    workers: usize,
    mut source: impl FnMut() -> io::Result<Option<B>> + Send,
    work: impl Fn(B) -> T + Sync,
    mut sink: impl FnMut(T) -> io::Result<()>,
) -> Result<(), Failure>
where
    B: Send,
    T: Send,
{
    let workers = workers.max(1);
    let (order_tx, order_rx) = mpsc::sync_channel::<Ticket<T>>(workers * 2);
    let (job_tx, job_rx) = mpsc::sync_channel::<(B, SyncSender<T>)>(workers);
    let job_rx = Mutex::new(job_rx);
    let (work, job_rx) = (&work, &job_rx);
    thread::scope(|s| {
        s.spawn(move || loop {
            match source() {
                Ok(Some(batch)) => {
                    let (tx, rx) = mpsc::sync_channel(1);
                    if order_tx.send(Ticket::Pending(rx)).is_err() || job_tx.send((batch, tx)).is_err() {
                        return;
                    }
                }
                Ok(None) => return,
                Err(e) => {
                    let _ = order_tx.send(Ticket::Failed(e));
                    return;
                }
            }
        });
        for _ in 0..workers {
            s.spawn(move || loop {
                let job = match job_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok((batch, answer)) = job else { return };
                // The writer may have stopped: then nobody wants the answer.
                let _ = answer.send(work(batch));
            });
        }
        for ticket in order_rx {
            match ticket {
                Ticket::Pending(rx) => {
                    let done = rx.recv().map_err(|_| Failure::Write(io::Error::other("a worker stopped")))?;
                    sink(done).map_err(Failure::Write)?;
                }
                Ticket::Failed(e) => return Err(Failure::Read(e)),
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_order() {
        let mut next = 0u32;
        let mut out = Vec::new();
        let source = move || {
            next += 1;
            Ok((next <= 500).then_some(next))
        };
        let work = |n: u32| {
            if n % 7 == 0 {
                thread::sleep(std::time::Duration::from_millis(1));
            }
            n * 2
        };
        run(4, source, work, |n| {
            out.push(n);
            Ok(())
        })
        .unwrap();
        assert_eq!(out, (1..=500).map(|n| n * 2).collect::<Vec<_>>());
    }

    #[test]
    fn read_errors_come_after_the_batches_before_them() {
        let mut next = 0u32;
        let mut out = Vec::new();
        let source = move || {
            next += 1;
            if next == 4 {
                return Err(io::Error::other("boom"));
            }
            Ok(Some(next))
        };
        let r = run(
            2,
            source,
            |n| n,
            |n| {
                out.push(n);
                Ok(())
            },
        );
        assert!(matches!(r, Err(Failure::Read(_))));
        assert_eq!(out, [1, 2, 3]);
    }

    #[test]
    fn a_failing_sink_stops_everything() {
        let source = || Ok(Some(1u8)); // endless
        let r = run(2, source, |n| n, |_| Err(io::Error::other("full")));
        assert!(matches!(r, Err(Failure::Write(_))));
    }
}
