//! Progress bars on stderr and Ctrl-C for the runs that take a while (`plan` of a large
//! scenario, `compare`, `sweep`).
//!
//! The bar is indicatif's, drawn on stderr only when stderr is a terminal (so pipes, files
//! and CI logs never see it). The first Ctrl-C asks the run to stop: the library finishes the
//! step it is in and returns, the command writes nothing and exits with 130. A second Ctrl-C
//! exits at once — still without a half-written output, since every output is written to a
//! temporary file and renamed.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use orgplan::t;
use orgplan::watch::{Progress, Stage, Watch};

/// The exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it.
pub const INTERRUPTED: u8 = 130;

/// An indicatif bar as the library's progress sink.
struct Bar(ProgressBar);

impl Progress for Bar {
    fn start(&self, total: u64, stage: Stage) {
        let what = match stage {
            Stage::Components => t!("progress-components", n = total),
            Stage::Scenarios => t!("progress-scenarios", n = total),
            _ => String::new(),
        };
        self.0.set_length(total);
        self.0.set_position(0);
        self.0.set_message(what);
        // Drawn from the first stage on: before it the length is unknown, and a bar of 0/0
        // would show full. A stage of no steps draws nothing.
        if total > 0 {
            self.0.set_style(style());
            self.0.enable_steady_tick(Duration::from_millis(120));
        }
    }

    fn advance(&self, n: u64) {
        self.0.inc(n);
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}

/// A watch for one run: a progress bar on stderr (hidden unless stderr is a terminal),
/// stopped by Ctrl-C.
pub fn watch() -> Watch {
    // Nothing is drawn until the run says how many steps it has (`Bar::start`).
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("").unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    Watch::with_progress(Arc::new(Bar(bar))).stopped_by(Arc::clone(stop_flag()))
}

/// The bar's look, its words from the catalogue.
fn style() -> ProgressStyle {
    let template = format!(
        "{{spinner}} {{msg}} [{{bar:30}}] {{pos}}/{{len}} · {{elapsed_precise}} · {} {{eta}}",
        t!("progress-eta")
    );
    ProgressStyle::with_template(&template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ")
}

/// The process's Ctrl-C flag.
fn stop_flag() -> &'static Arc<AtomicBool> {
    static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();
    FLAG.get_or_init(Arc::default)
}

/// Whether the user has asked the run to stop (Ctrl-C, SIGTERM or SIGHUP).
pub fn stopped() -> bool {
    stop_flag().load(Ordering::Relaxed)
}

/// Installs the signal handler (at start, so that a Ctrl-C while files load counts too, and
/// for every command, since every command may write a file): the first Ctrl-C (or SIGTERM,
/// SIGHUP) sets the stop flag that every [`watch`] and every output reads; the second exits
/// at once. Either way a temporary output file being written is removed first, so a stopped
/// run leaves nothing behind.
pub fn on_ctrl_c() {
    let flag = Arc::clone(stop_flag());
    // Without a handler (some sandboxes refuse one), a signal kills the process, which is safe
    // too: outputs are renamed into place only when complete.
    let _ = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::Relaxed) || super::write::writing() {
            super::write::cleanup();
            std::process::exit(i32::from(INTERRUPTED));
        }
        eprintln!("\n{}", t!("progress-stopping"));
    });
}
