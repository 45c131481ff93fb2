//! Charts of a comparison (issue 7, `--chart FILE.svg|FILE.png`): the three shipped Chương Mỹ
//! examples drawn as SVG and PNG, Vietnamese text, determinism, a scenario without a plan, a
//! twelve-variant sweep, and the command line.

use std::path::{Path, PathBuf};
use std::process::Command;

use orgplan::chart::{self, ChartFormat};
use orgplan::compare::{compare, measure, Comparison, Value};
use orgplan::model::load_scenario;

use crate::EXAMPLES;

fn examples() -> Comparison {
    let loaded: Vec<_> = EXAMPLES
        .iter()
        .map(|p| {
            let path = Path::new(p);
            let label = path.file_stem().unwrap().to_string_lossy().into_owned();
            (label, load_scenario(path).unwrap().value)
        })
        .collect();
    compare(&loaded).unwrap()
}

/// Width, height and RGB pixels of a PNG.
fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgb);
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}

/// The text of every `<text>` element of an SVG, trimmed.
fn svg_texts(svg: &str) -> Vec<&str> {
    svg.split("<text ")
        .skip(1)
        .map(|t| {
            let body = &t[t.find('>').unwrap() + 1..];
            body[..body.find("</text>").unwrap()].trim()
        })
        .collect()
}

fn orgplan(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn chart_svg_has_the_vietnamese_headings_and_every_scenario() {
    let svg = chart::svg(&examples()).unwrap();
    assert!(svg.starts_with("<svg ") && svg.trim_end().ends_with("</svg>"));
    let texts = svg_texts(&svg);
    for expected in [
        "So sánh các phương án sắp xếp",
        "Biên chế và định mức theo phương án",
        "Chi phí chính sách theo năm lộ trình (tỷ đồng)",
        "Biên chế hiện có",
        "Dôi dư",
        "Năm 5",
        "hong-phu",
        "hoa-phu",
        "chuong-my-2025",
        // Hòa Phú: 16 surplus; Chương Mỹ 2025: 22,721,686,652 đồng now (issue 12: M with the
        // public-service allowance and the revised rules; was 19,814,413,320).
        "16",
        "22,7",
    ] {
        assert!(texts.contains(&expected), "{expected:?} not in {texts:?}");
    }
    // Real text, NFC, with a family that covers Vietnamese and falls back to any sans-serif.
    assert!(svg.contains(r#"font-family="Noto Sans, DejaVu Sans, Arial, sans-serif""#));
    assert!(!svg.contains('\u{301}'), "combining accents: not NFC");
}

#[test]
fn chart_svg_escapes_labels() {
    let mut c = examples();
    c.scenarios[0] = "A&B <nháp> \"1\"".into();
    let svg = chart::svg(&c).unwrap();
    assert!(svg.contains("A&amp;B &lt;nháp&gt; &quot;1&quot;"), "{svg}");
    assert!(!svg.contains("<nháp>"));
}

#[test]
fn chart_is_byte_identical_across_runs() {
    let c = examples();
    assert_eq!(chart::svg(&c).unwrap(), chart::svg(&c).unwrap());
    assert_eq!(chart::png(&c).unwrap(), chart::png(&c).unwrap());
    // And across processes, through the binary (the scenarios are planned in parallel).
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str| {
        let path = dir.path().join(name);
        let mut args: Vec<&std::ffi::OsStr> = vec!["compare".as_ref()];
        args.extend(EXAMPLES.iter().map(|e| std::ffi::OsStr::new(*e)));
        args.extend(["--chart".as_ref(), path.as_os_str()]);
        let out = orgplan(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::read(path).unwrap()
    };
    assert_eq!(run("a.svg"), run("b.svg"));
}

#[test]
fn chart_png_decodes_at_twice_the_svg_size_and_is_drawn() {
    let c = examples();
    let bytes = chart::png(&c).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    let (w, h, pixels) = decode(&bytes);
    let svg = chart::svg(&c).unwrap();
    let size = format!(r#"<svg width="{}" height="{}""#, w / 2, h / 2);
    assert!(svg.starts_with(&size), "{size} vs {}", &svg[..60]);
    assert_eq!(pixels.len(), (w * h * 3) as usize);
    // Not blank: white background, ink for text, the bars' colours (Dôi dư red among them).
    let white = pixels.chunks(3).filter(|p| *p == [255, 255, 255]).count();
    assert!(white > pixels.len() / 3 / 2, "mostly background");
    assert!(white < pixels.len() / 3, "something is drawn");
    assert!(
        pixels.chunks(3).any(|p| p == [196, 78, 82]),
        "no surplus bar"
    );
    assert!(pixels.chunks(3).any(|p| p == [33, 37, 41]), "no text");
}

#[test]
fn chart_draws_a_scenario_without_a_plan_as_missing() {
    let mut c = examples();
    for r in &mut c.rows {
        if r.id == measure::PLACED
            || r.id == measure::SURPLUS
            || r.id == measure::STAFF
            || r.id.starts_with("release-cost-year-")
        {
            r.values[1] = Value::Infeasible;
        }
    }
    let svg = chart::svg(&c).unwrap();
    let texts = svg_texts(&svg);
    assert_eq!(
        texts
            .iter()
            .filter(|t| **t == "không có kết quả phân bổ")
            .count(),
        2,
        "one note per panel"
    );
    assert!(texts.contains(&"hoa-phu"));
    assert!(!texts.contains(&"16"), "hoa-phu's surplus is not drawn");
    let (_, _, pixels) = decode(&chart::png(&c).unwrap());
    assert!(pixels.chunks(3).any(|p| p == [196, 78, 82]));
}

#[test]
fn chart_of_a_twelve_variant_sweep_gives_each_variant_its_row() {
    let base = load_scenario(Path::new(EXAMPLES[0])).unwrap().value;
    let varies = [
        "policy.transition_years=3,5",
        "weights.continuity=50,100,200",
        "weights.seniority=0,1",
    ]
    .map(|v| orgplan::compare::parse_vary(v).unwrap());
    let grid = orgplan::compare::sweep(&base, &varies);
    assert_eq!(grid.len(), 12);
    let c = compare(&grid).unwrap();
    let svg = chart::svg(&c).unwrap();
    // A long label wraps after its commas.
    let texts = svg_texts(&svg).join(" ");
    for (label, _) in &grid {
        assert!(texts.contains(label.as_str()), "{label}");
    }
    let three = chart::svg(&examples()).unwrap();
    let height = |svg: &str| -> u32 {
        let h = &svg[svg.find("height=\"").unwrap() + 8..];
        h[..h.find('"').unwrap()].parse().unwrap()
    };
    assert!(
        height(&svg) > 2 * height(&three),
        "rows grow, bars keep their size"
    );
}

#[test]
fn chart_from_the_binary_beside_the_table() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["c.svg", "c.PNG"] {
        let path = dir.path().join(name);
        let mut args: Vec<&std::ffi::OsStr> = vec!["compare".as_ref()];
        args.extend(EXAMPLES.iter().map(|e| std::ffi::OsStr::new(*e)));
        args.extend(["--chart".as_ref(), path.as_os_str()]);
        let out = orgplan(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("16 ★"));
        let bytes = std::fs::read(&path).unwrap();
        match ChartFormat::from_path(&path).unwrap() {
            ChartFormat::Svg => assert!(bytes.starts_with(b"<svg ")),
            ChartFormat::Png => assert!(decode(&bytes).0 > 0),
        }
    }
    // Written atomically: nothing but the two charts is left in the folder.
    let mut left: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    left.sort();
    assert_eq!(
        left,
        [dir.path().join("c.PNG"), dir.path().join("c.svg")],
        "temporary files left"
    );

    // sweep takes --chart too.
    let path = dir.path().join("sweep.svg");
    let out = orgplan(&[
        "sweep".as_ref(),
        EXAMPLES[0].as_ref(),
        "--vary".as_ref(),
        "policy.transition_years=3,5".as_ref(),
        "--chart".as_ref(),
        path.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = std::fs::read_to_string(path).unwrap();
    assert!(svg.contains("transition_years=3"));
}

#[test]
fn chart_with_another_extension_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.jpg");
    let out = orgplan(&[
        "compare".as_ref(),
        EXAMPLES[0].as_ref(),
        "--chart".as_ref(),
        path.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("c.jpg") && err.contains(".svg") && err.contains(".png"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "refused before any planning");
    assert!(!path.exists());
}

#[test]
fn readme_shows_the_example_chart() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    assert!(readme.contains("--chart docs/compare.png"));
    assert!(readme.contains("](docs/compare.png)"));
    let (w, h, _) = decode(&std::fs::read(format!("{root}/docs/compare.png")).unwrap());
    assert!(w > 0 && h > 0);
}
