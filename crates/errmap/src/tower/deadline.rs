//! The deadline for reading an upstream body, kept by one thread of errmap's own rather
//! than by an async runtime's timer: a runtime's timer panics where it is not enabled
//! (a Tokio runtime built without `enable_time`) and is missing outside its runtime,
//! while this one works under any executor and cannot panic.
//!
//! The thread starts with the first deadline and sleeps until the earliest one, then
//! wakes the tasks whose deadline passed. A deadline dropped before its time (the body
//! arrived) is forgotten when it comes up, or sooner when dropped ones pile up.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock, PoisonError, Weak};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

/// A point in time a task waits for: ready once it has passed.
pub(crate) struct Deadline {
    at: Instant,
    /// Where the timer thread finds the task to wake; registered on the first wait.
    slot: Option<Arc<Slot>>,
}

/// The waker of one waiting task.
struct Slot {
    waker: Mutex<Option<Waker>>,
}

/// One deadline in the timer's queue, earliest first.
struct Entry {
    at: Instant,
    slot: Weak<Slot>,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Entry) -> bool {
        self.at == other.at
    }
}

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Entry) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    fn cmp(&self, other: &Entry) -> std::cmp::Ordering {
        self.at.cmp(&other.at)
    }
}

/// The timer thread's queue and what wakes it when an earlier deadline comes in.
struct Timer {
    queue: Mutex<BinaryHeap<Reverse<Entry>>>,
    changed: Condvar,
    /// Deadlines registered and not yet dropped, to know when the queue is mostly
    /// dropped ones.
    live: AtomicUsize,
    /// Whether the thread could be started; without it no deadline is kept.
    running: bool,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The process's timer, its thread started on first use.
fn timer() -> &'static Timer {
    static TIMER: OnceLock<&'static Timer> = OnceLock::new();
    TIMER.get_or_init(|| {
        let spawned = std::thread::Builder::new().name("errmap-deadline".into()).spawn(|| run(timer()));
        let timer = Timer {
            queue: Mutex::new(BinaryHeap::new()),
            changed: Condvar::new(),
            live: AtomicUsize::new(0),
            running: spawned.is_ok(),
        };
        Box::leak(Box::new(timer))
    })
}

/// The timer thread: wakes the tasks whose deadline passed, then sleeps until the next.
/// Tasks are woken with the queue unlocked, so a waker that polls its task at once
/// can set a deadline again.
fn run(timer: &Timer) {
    let mut due = Vec::new();
    loop {
        let mut queue = lock(&timer.queue);
        loop {
            let now = Instant::now();
            while queue.peek().is_some_and(|Reverse(entry)| entry.at <= now) {
                if let Some(Reverse(entry)) = queue.pop() {
                    due.extend(entry.slot.upgrade().and_then(|slot| lock(&slot.waker).take()));
                }
            }
            if !due.is_empty() {
                break;
            }
            queue = match queue.peek() {
                Some(Reverse(next)) => {
                    let wait = next.at.saturating_duration_since(now);
                    timer.changed.wait_timeout(queue, wait).unwrap_or_else(PoisonError::into_inner).0
                }
                None => timer.changed.wait(queue).unwrap_or_else(PoisonError::into_inner),
            };
        }
        drop(queue);
        due.drain(..).for_each(Waker::wake);
    }
}

impl Deadline {
    /// The deadline `after` from now; `None` when that is too far to be represented,
    /// which is as good as no deadline.
    pub(crate) fn after(after: Duration) -> Option<Deadline> {
        Instant::now().checked_add(after).map(|at| Deadline { at, slot: None })
    }

    /// Ready once the deadline has passed; else `cx` is woken when it does.
    pub(crate) fn poll(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        if Instant::now() >= self.at {
            return Poll::Ready(());
        }
        let timer = timer();
        if !timer.running {
            return Poll::Pending;
        }
        match &self.slot {
            Some(slot) => {
                let mut waker = lock(&slot.waker);
                if !waker.as_ref().is_some_and(|w| w.will_wake(cx.waker())) {
                    *waker = Some(cx.waker().clone());
                }
            }
            None => {
                let slot = Arc::new(Slot { waker: Mutex::new(Some(cx.waker().clone())) });
                let mut queue = lock(&timer.queue);
                let live = timer.live.fetch_add(1, Ordering::Relaxed) + 1;
                if queue.len() > 2 * live + 64 {
                    queue.retain(|Reverse(entry)| entry.slot.strong_count() > 0);
                }
                let earliest = queue.peek().is_none_or(|Reverse(next)| self.at < next.at);
                queue.push(Reverse(Entry { at: self.at, slot: Arc::downgrade(&slot) }));
                drop(queue);
                if earliest {
                    timer.changed.notify_one();
                }
                self.slot = Some(slot);
            }
        }
        // The thread may have passed the deadline while the waker was being stored.
        if Instant::now() >= self.at { Poll::Ready(()) } else { Poll::Pending }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if self.slot.is_some() {
            timer().live.fetch_sub(1, Ordering::Relaxed);
        }
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicBool;
    use std::task::Wake;

    struct Flag(AtomicBool);

    impl Wake for Flag {
        fn wake(self: Arc<Flag>) {
            self.0.store(true, Ordering::SeqCst);
        }
    }

    #[test]
    fn a_deadline_wakes_its_task_once_passed() {
        let flag = Arc::new(Flag(AtomicBool::new(false)));
        let waker = Waker::from(flag.clone());
        let mut cx = Context::from_waker(&waker);
        let mut deadline = Deadline::after(Duration::from_millis(50)).expect("a near deadline");
        let mut later = Deadline::after(Duration::from_secs(3600)).expect("a far deadline");
        assert!(later.poll(&mut cx).is_pending());
        assert!(deadline.poll(&mut cx).is_pending());
        let started = Instant::now();
        while !flag.0.load(Ordering::SeqCst) {
            assert!(started.elapsed() < Duration::from_secs(5), "not woken");
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(deadline.poll(&mut cx).is_ready());
        assert!(later.poll(&mut cx).is_pending());
    }

    #[test]
    fn a_deadline_too_far_to_represent_is_none_rather_than_a_panic() {
        assert!(Deadline::after(Duration::MAX).is_none());
        assert!(Deadline::after(Duration::from_secs(u64::MAX / 2)).is_none());
    }
}
