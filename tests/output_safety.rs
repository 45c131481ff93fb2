//! Nothing overwritten (issue "Nothing lost, nothing overwritten"): `-o` never writes over an
//! input of the command, whatever name or link reaches it; devices and FIFOs stay what they
//! are; links are followed; the mode is kept; long names work; `-o -` is standard output; a
//! stopped run leaves no file and no temporary file behind.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn copy_inputs() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (from, to) in [
        ("models/chuong-my-2024.ron", "models/chuong-my-2024.ron"),
        ("models/norms/nd33-2023.ron", "models/norms/nd33-2023.ron"),
        ("scenarios/hong-phu.ron", "scenarios/hong-phu.ron"),
        ("scenarios/hoa-phu.ron", "scenarios/hoa-phu.ron"),
    ] {
        let to = dir.path().join(to);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(root.join(from), to).unwrap();
    }
    dir
}

fn orgplan(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .current_dir(dir)
        .args(args)
        .env("ORGPLAN_LANG", "vi")
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file below `dir` with its bytes, to see that nothing changed.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let m = std::fs::symlink_metadata(&p).unwrap();
            if m.is_dir() {
                stack.push(p);
            } else if m.is_file() {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn no_command_writes_over_its_inputs() {
    let dir = copy_inputs();
    let d = dir.path();
    std::os::unix::fs::symlink("models/chuong-my-2024.ron", d.join("link.ron")).unwrap();
    std::fs::hard_link(d.join("models/norms/nd33-2023.ron"), d.join("hard.ron")).unwrap();
    let before = snapshot(d);
    let s = "scenarios/hong-phu.ron";
    let m = "models/chuong-my-2024.ron";
    // Each command, each of its inputs named directly, through `..`, through a link and a
    // hard link.
    let cases: Vec<Vec<&str>> = vec![
        vec!["plan", s, "-o", s],
        vec!["plan", s, "-o", "models/norms/../chuong-my-2024.ron"],
        vec![
            "plan",
            s,
            "--format",
            "json",
            "-o",
            "models/norms/nd33-2023.ron",
        ],
        vec!["plan", s, "-o", "link.ron"],
        vec!["plan", s, "-o", "hard.ron"],
        vec!["show", m, "-o", m],
        vec!["show", s, "-o", "./link.ron"],
        vec!["overlaps", s, "-o", s],
        vec!["diff", m, s, "-o", m],
        vec![
            "compare",
            s,
            "scenarios/hoa-phu.ron",
            "-o",
            "scenarios/hoa-phu.ron",
        ],
        vec!["graph", m, "-o", m],
        vec!["formulate", s, "-o", "models/norms/nd33-2023.ron"],
    ];
    for args in cases {
        let out = orgplan(d, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("tệp đầu vào"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    assert_eq!(snapshot(d), before, "an input changed");
}

#[test]
fn devices_and_fifos_are_written_as_streams() {
    let dir = copy_inputs();
    let d = dir.path();
    // /dev/null stays a character device (as root, a rename would have replaced it).
    let out = orgplan(d, &["plan", "scenarios/hong-phu.ron", "-o", "/dev/null"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let m = std::fs::metadata("/dev/null").unwrap();
    use std::os::unix::fs::FileTypeExt;
    assert!(m.file_type().is_char_device());

    let fifo = d.join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    let out = orgplan(
        d,
        &[
            "plan",
            "scenarios/hong-phu.ron",
            "--format",
            "json",
            "--no-timing",
            "-o",
            "pipe",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got = reader.join().unwrap();
    assert!(got.starts_with(b"{"), "{}", String::from_utf8_lossy(&got));
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());
}

#[test]
fn links_are_followed_and_the_mode_is_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = copy_inputs();
    let d = dir.path();
    std::fs::write(d.join("out.json"), "old").unwrap();
    std::fs::set_permissions(d.join("out.json"), std::fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("out.json", d.join("latest.json")).unwrap();
    let out = orgplan(
        d,
        &[
            "plan",
            "scenarios/hong-phu.ron",
            "--format",
            "json",
            "-o",
            "latest.json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let link = std::fs::symlink_metadata(d.join("latest.json")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    let text = std::fs::read_to_string(d.join("out.json")).unwrap();
    assert!(text.starts_with('{'), "{text}");
    let mode = std::fs::metadata(d.join("out.json"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[test]
fn a_name_of_255_bytes_and_dash_for_stdout() {
    let dir = copy_inputs();
    let d = dir.path();
    let long = format!("{}.json", "ư".repeat(125)); // 250 bytes + 5
    assert_eq!(long.len(), 255);
    let out = orgplan(
        d,
        &[
            "plan",
            "scenarios/hong-phu.ron",
            "--format",
            "json",
            "-o",
            &long,
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(d.join(&long).is_file());

    let out = orgplan(
        d,
        &[
            "plan",
            "scenarios/hong-phu.ron",
            "--format",
            "json",
            "-o",
            "-",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.starts_with(b"{"));
    assert!(!d.join("-").exists(), "`-o -` made a file called -");
    // No temporary file is left anywhere.
    let leftovers: Vec<_> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_terminated_run_writes_nothing_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A scenario big enough to be still loading or planning when the signal comes, in
    // components small enough that the stop is seen at once.
    let g = orgplan::gen::generate(&orgplan::gen::GenConfig::province());
    std::fs::write(d.join("model.ron"), &g.model).unwrap();
    std::fs::write(d.join("norms.ron"), &g.norms).unwrap();
    std::fs::write(d.join("scenario.ron"), &g.scenario).unwrap();
    for signal in ["-INT", "-TERM"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_orgplan"))
            .current_dir(d)
            .args([
                "plan",
                "scenario.ron",
                "--format",
                "json",
                "-o",
                "plan.json",
            ])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(1500));
        let sent = Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(130), "{signal}");
        let names: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            !names.iter().any(|n| n == "plan.json"),
            "{signal}: {names:?}"
        );
        assert!(
            !names.iter().any(|n| n.ends_with(".tmp")),
            "{signal}: {names:?}"
        );
    }
}
