//! Long runs (issue 7): the progress bar stays off stderr when stderr is not a terminal, and
//! Ctrl-C stops a sweep cleanly — exit 130, nothing written, no temporary file left behind.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use orgplan::gen::GenConfig;

use crate::EXAMPLES;

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let out = Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .arg("compare")
        .args(EXAMPLES)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains('\u{1b}'), "escape codes on a pipe: {err:?}");
    assert!(
        !err.contains("đang lập 3 phương án") && !err.contains("planning 3 scenarios"),
        "a bar on a pipe: {err:?}"
    );
    assert!(!err.contains("[="), "a bar on a pipe: {err:?}");
}

/// A sweep big enough to take several seconds in a debug build, stopped after one.
#[cfg(unix)]
#[test]
fn ctrl_c_stops_a_sweep_and_writes_nothing() {
    let (dir, scenario) = crate::generated(&GenConfig {
        communes: 300,
        ..GenConfig::default()
    });
    let out = dir.path().join("sweep.json");
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .arg("sweep")
        .arg(&scenario)
        .args(["--vary", "weights.continuity=1,2,3,4,5,6,7,8,9,10,11,12"])
        .args(["--vary", "policy.transition_years=3,5"])
        .args(["--format", "json", "-o"])
        .arg(&out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Once the grid is being planned (the note says so), not while the files load.
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    while !seen.contains("planning 24 variants") {
        let mut line = String::new();
        if std::io::BufRead::read_line(&mut stderr, &mut line).unwrap() == 0 {
            panic!("the sweep ended before planning: {seen}");
        }
        seen.push_str(&line);
    }
    std::thread::sleep(Duration::from_millis(300));
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let result = child.wait_with_output().unwrap();
    let mut err = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut err).unwrap();
    assert_eq!(result.status.code(), Some(130), "stderr: {err}");
    assert!(err.contains("không ghi gì cả"), "{err}");
    // It stopped promptly rather than running the grid to the end.
    assert!(started.elapsed() < Duration::from_secs(60));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".ron"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}
