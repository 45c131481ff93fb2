//! `overlaps::detect` at national scale (issue 5): 10,000 communes under 700 districts, one
//! Department per district, a catalogue of 30 functions, every commune and every Department
//! leading all 30 — 321,000 Lead mandates and 114,200 posts, built in memory.
//!
//! The model is made to fire every rule many times over: each Department leads every function
//! its communes lead (21,000 VerticalDuplicates), every 10th district also leads one itself
//! (DuplicateLead), every 50th commune leaves one required function out (Gap), every 40th
//! lacks one post (UnstaffedMandate), every commune has a chair and a deputy on one function
//! (PositionOverlap), and six functions sit at the wrong tier (MisplacedLevel).
//!
//! `cargo bench --bench overlaps`. Target: under 2 s for the national model.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};

use orgplan::model::{
    Function, Index, Level, Mandate, Model, Position, PositionKind, Role, Unit, UnitKind,
};
use orgplan::overlaps::{detect, Options};

const COMMUNES: usize = 10_000;
const DISTRICTS: usize = 700;

/// Thirty distinct function names, as a commune catalogue reads.
const NAMES: [&str; 30] = [
    "Lãnh đạo của Đảng ủy",
    "Hoạt động của Hội đồng nhân dân",
    "Quản lý, điều hành của Ủy ban nhân dân",
    "Công tác Mặt trận Tổ quốc",
    "Công tác Đoàn thanh niên",
    "Công tác Hội Liên hiệp Phụ nữ",
    "Công tác Hội Nông dân",
    "Công tác Hội Cựu chiến binh",
    "Quốc phòng, quân sự địa phương",
    "Văn phòng, tổng hợp",
    "Thống kê",
    "Quản lý đất đai, địa chính",
    "Quản lý trật tự xây dựng",
    "Nông nghiệp, thủy lợi",
    "Bảo vệ môi trường",
    "Tài chính, ngân sách",
    "Kế toán ngân sách xã",
    "Tư pháp, phổ biến giáo dục pháp luật",
    "Đăng ký và quản lý hộ tịch",
    "Văn hóa, thông tin, thể thao",
    "Lao động, thương binh và xã hội",
    "Tiếp nhận và trả kết quả thủ tục hành chính",
    "Chuyển đổi số, ứng dụng công nghệ thông tin",
    "Triển khai Đề án 06 về dữ liệu dân cư",
    "Tổ chức bộ máy, cán bộ, công chức",
    "Cấp giấy phép xây dựng nhà ở riêng lẻ",
    "Y tế cơ sở, dân số",
    "Giáo dục mầm non và phổ thông",
    "Phòng cháy, chữa cháy",
    "Giảm nghèo bền vững",
];

fn national() -> Model {
    let f_count = NAMES.len();
    let functions: Vec<Function> = NAMES
        .iter()
        .enumerate()
        .map(|(i, name)| Function {
            id: format!("f{i:02}"),
            name: name.to_string(),
            sector: String::new(),
            description: String::new(),
            level: match i {
                11 | 12 | 18 | 25 => Some(Level::Commune),
                24 | 23 => Some(Level::District),
                _ => None,
            },
            required_for: if i < 23 {
                vec![UnitKind::Commune]
            } else {
                Vec::new()
            },
        })
        .collect();

    let unit = |id: String, name: String, kind, parent| Unit {
        id,
        name,
        kind,
        parent,
        class: None,
        population: None,
        area_km2: None,
        code: None,
        merged_into: None,
    };
    let mut units = Vec::with_capacity(2 * DISTRICTS + COMMUNES);
    for d in 0..DISTRICTS {
        units.push(unit(
            format!("h{d}"),
            format!("Huyện {d}"),
            UnitKind::District,
            None,
        ));
        units.push(unit(
            format!("h{d}.ubnd"),
            format!("Văn phòng UBND huyện {d}"),
            UnitKind::Department,
            Some(2 * d),
        ));
    }
    for c in 0..COMMUNES {
        let d = c * DISTRICTS / COMMUNES;
        units.push(unit(
            format!("x{c}"),
            format!("Xã {c}"),
            UnitKind::Commune,
            Some(2 * d),
        ));
    }

    let mut mandates = Vec::with_capacity((DISTRICTS + COMMUNES) * f_count + DISTRICTS);
    let lead = |unit, function| Mandate {
        unit,
        function,
        role: Role::Lead,
    };
    for d in 0..DISTRICTS {
        for f in 0..f_count {
            mandates.push(lead(2 * d + 1, f));
        }
        if d % 10 == 0 {
            mandates.push(lead(2 * d, 0));
        }
    }
    for c in 0..COMMUNES {
        let u = 2 * DISTRICTS + c;
        for f in 0..f_count {
            if c % 50 == 0 && f == c % 23 {
                continue;
            }
            mandates.push(lead(u, f));
        }
    }

    let post = |id: String, unit, kind, functions: Vec<usize>| Position {
        id,
        unit,
        title: "Công chức".to_string(),
        kind,
        functions,
        quota: 1,
        requires: Vec::new(),
        prefers: Vec::new(),
        allowance_coefficient: 0.0,
        gender: None,
    };
    let mut positions = Vec::with_capacity(COMMUNES * 11 + DISTRICTS * 6);
    for d in 0..DISTRICTS {
        for k in 0..6 {
            positions.push(post(
                format!("h{d}.ubnd.{k}"),
                2 * d + 1,
                PositionKind::CivilServant,
                (5 * k..5 * k + 5).collect(),
            ));
        }
    }
    for c in 0..COMMUNES {
        let u = 2 * DISTRICTS + c;
        let posts = if c % 40 == 0 { 9 } else { 10 };
        for k in 0..posts {
            positions.push(post(
                format!("x{c}.{k}"),
                u,
                PositionKind::CivilServant,
                (3 * k..3 * k + 3).collect(),
            ));
        }
        positions.push(post(format!("x{c}.pho"), u, PositionKind::Cadre, vec![2]));
    }

    let mut index = Index::default();
    for (i, f) in functions.iter().enumerate() {
        index.functions.insert(f.id.clone(), i);
    }
    for (i, u) in units.iter().enumerate() {
        index.units.insert(u.id.clone(), i);
    }
    index.positions = positions
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect();
    Model {
        name: "Quốc gia (tổng hợp)".to_string(),
        as_of: chrono::NaiveDate::from_ymd_opt(2025, 6, 30).expect("a valid date"),
        functions,
        units,
        mandates,
        positions,
        staff: Vec::new(),
        index,
        source: None,
    }
}

fn bench(c: &mut Criterion) {
    let opts = Options::default();

    let model = national();
    let found = detect(&model, &opts);
    eprintln!(
        "national model: {} units, {} mandates, {} posts → {} findings",
        model.units.len(),
        model.mandates.len(),
        model.positions.len(),
        found.len()
    );
    let mut g = c.benchmark_group("overlaps");
    g.sample_size(10);
    g.bench_function("detect/national-10000-communes", |b| {
        b.iter(|| detect(black_box(&model), &opts))
    });

    let example =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/examples/chuong-my-2024.ron");
    if let Ok(l) = orgplan::model::load_model(&example) {
        g.sample_size(50);
        g.bench_function("detect/chuong-my-2024", |b| {
            b.iter(|| detect(black_box(&l.value), &opts))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
