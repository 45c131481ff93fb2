//! Watching a long run: how far it has got, and a way to ask it to stop.
//!
//! The library reports progress in steps (a component solved, a scenario planned) to whatever
//! [`Progress`] the caller supplies — the command line draws a progress bar — and checks a stop
//! flag between steps and inside the branch and bound. A stopped run returns early; the caller
//! knows from [`Watch::stopped`] that what it got is not a finished answer and must not be
//! written.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// What the steps of a stage are (the caller says it in words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Stage {
    /// Independent components of one allocation, each solved.
    Components,
    /// Scenarios, each planned and measured.
    Scenarios,
}

/// Receives the progress of a run. Called from worker threads.
pub trait Progress: Send + Sync {
    /// A stage of `total` steps begins.
    fn start(&self, total: u64, stage: Stage);
    /// `n` more steps are done.
    fn advance(&self, n: u64);
}

/// A run's progress sink and stop flag. `Watch::default()` reports nothing and never stops.
#[derive(Clone, Default)]
pub struct Watch {
    stop: Arc<AtomicBool>,
    progress: Option<Arc<dyn Progress>>,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watch")
            .field("stopped", &self.stopped())
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

impl Watch {
    /// A watch that reports to `progress`.
    pub fn with_progress(progress: Arc<dyn Progress>) -> Self {
        Watch {
            stop: Arc::default(),
            progress: Some(progress),
        }
    }

    /// The same watch, stopped by `flag` (one set by a signal handler, say) instead of its own.
    pub fn stopped_by(self, flag: Arc<AtomicBool>) -> Self {
        Watch { stop: flag, ..self }
    }

    /// The same stop flag without the progress reports: for the inner steps of a run whose
    /// outer steps are being reported.
    pub fn quiet(&self) -> Self {
        Watch {
            stop: Arc::clone(&self.stop),
            progress: None,
        }
    }

    /// The stop flag, to be set from elsewhere (a signal handler).
    pub fn stop_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.stop)
    }

    /// Asks the run to stop.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// Whether the run was asked to stop.
    pub fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// Begins a stage of `total` steps.
    pub fn start(&self, total: u64, stage: Stage) {
        if let Some(p) = &self.progress {
            p.start(total, stage);
        }
    }

    /// `n` more steps are done.
    pub fn advance(&self, n: u64) {
        if let Some(p) = &self.progress {
            p.advance(n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicU64;

    #[derive(Default)]
    struct Count(AtomicU64, AtomicU64);

    impl Progress for Count {
        fn start(&self, total: u64, _: Stage) {
            self.0.store(total, Ordering::Relaxed);
        }
        fn advance(&self, n: u64) {
            self.1.fetch_add(n, Ordering::Relaxed);
        }
    }

    #[test]
    fn quiet_shares_the_stop_flag_but_not_the_progress() {
        let count = Arc::new(Count::default());
        let w = Watch::with_progress(count.clone());
        w.start(3, Stage::Scenarios);
        let q = w.quiet();
        q.advance(5);
        w.advance(1);
        assert_eq!(count.0.load(Ordering::Relaxed), 3);
        assert_eq!(count.1.load(Ordering::Relaxed), 1);
        assert!(!w.stopped());
        q.stop();
        assert!(w.stopped());
        assert!(!Watch::default().stopped());
    }
}
