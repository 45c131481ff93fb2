//! A deterministic synthetic generator of a model, norms and scenario at any scale, for
//! benchmarks and for trying orgplan at national scale.
//!
//! The same [`GenConfig`] (seed included) gives the same files, byte for byte, on every
//! platform (fastrand's wyrand is fully specified). The shapes follow the real reform: communes
//! of 15–25 staff (Decree 33/2023 norms of 18–22 cadres and civil servants, often over quota
//! before a merger), 2–5 communes per merger, a Decree 33 class-II commune template, posts with
//! qualification requirements, ages 22–62, and a share of women.

pub mod real;

use std::fmt::Write as _;

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct GenConfig {
    /// Seed of the random generator.
    pub seed: u64,
    /// Old communes in the model.
    pub communes: usize,
    /// New units the scenario creates (each from 2–5 communes; communes left over stay as
    /// they are).
    pub into: usize,
    /// Staff per old commune, inclusive range.
    pub staff_min: usize,
    pub staff_max: usize,
    /// Share of women among staff, in percent.
    pub women_percent: u32,
    /// `pool: Scenario` instead of `PerMerger`.
    pub pool_scenario: bool,
    /// Add `MinShare(gender: Female, kind: Cadre, share: 0.3)`.
    pub min_share: bool,
    /// Communes per district (a district groups communes, as before 2025).
    pub communes_per_district: usize,
}

impl Default for GenConfig {
    fn default() -> Self {
        GenConfig {
            seed: 1,
            communes: 40,
            into: 13,
            staff_min: 15,
            staff_max: 25,
            women_percent: 45,
            pool_scenario: false,
            min_share: true,
            communes_per_district: 30,
        }
    }
}

impl GenConfig {
    /// Vietnam's 2025 reform: 10,035 communes into 3,321 units, about 230,000 staff (18–28
    /// per commune).
    pub fn national() -> Self {
        GenConfig {
            communes: 10_035,
            into: 3_321,
            staff_min: 18,
            staff_max: 28,
            ..GenConfig::default()
        }
    }

    /// A Hà Nội-sized scenario: 526 units into 126, about 11,000 staff, each new unit staffed
    /// from its own merged units (`pool: PerMerger`, as in the 2025 reform); set
    /// `pool_scenario` to let anyone compete for any new post.
    pub fn province() -> Self {
        GenConfig {
            communes: 526,
            into: 126,
            ..GenConfig::default()
        }
    }
}

/// The generated files' texts.
#[derive(Debug, Clone)]
pub struct Generated {
    /// `Model(...)`.
    pub model: String,
    /// `Norms(...)`.
    pub norms: String,
    /// `Scenario(...)`, referring to `model.ron` and `norms.ron` beside it.
    pub scenario: String,
    /// Staff in the model.
    pub staff: usize,
}

/// (key, title, kind, functions, quota, requires, prefers, allowance, gender)
type PostSpec = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    u32,
    &'static [&'static str],
    &'static [&'static str],
    f64,
    Option<&'static str>,
);

/// A Decree 33/2023 class-II commune: 11 cadre posts and 9 civil-servant places (quota 20).
const POSTS: &[PostSpec] = &[
    (
        "bi-thu",
        "Bí thư Đảng ủy",
        "Cadre",
        &["dang-uy"],
        1,
        &[],
        &["management"],
        0.30,
        None,
    ),
    (
        "pho-bi-thu",
        "Phó Bí thư Đảng ủy",
        "Cadre",
        &["dang-uy"],
        1,
        &[],
        &[],
        0.25,
        None,
    ),
    (
        "chu-tich-hdnd",
        "Chủ tịch Hội đồng nhân dân",
        "Cadre",
        &["hdnd"],
        1,
        &[],
        &["law"],
        0.25,
        None,
    ),
    (
        "pho-chu-tich-hdnd",
        "Phó Chủ tịch Hội đồng nhân dân",
        "Cadre",
        &["hdnd"],
        1,
        &[],
        &[],
        0.20,
        None,
    ),
    (
        "chu-tich-ubnd",
        "Chủ tịch Ủy ban nhân dân",
        "Cadre",
        &["ubnd"],
        1,
        &[],
        &["management"],
        0.25,
        None,
    ),
    (
        "pho-chu-tich-ubnd",
        "Phó Chủ tịch Ủy ban nhân dân",
        "Cadre",
        &["ubnd"],
        1,
        &[],
        &["economics"],
        0.20,
        None,
    ),
    (
        "chu-tich-mttq",
        "Chủ tịch Ủy ban Mặt trận Tổ quốc",
        "Cadre",
        &["mttq"],
        1,
        &[],
        &[],
        0.20,
        None,
    ),
    (
        "bi-thu-doan",
        "Bí thư Đoàn TNCS Hồ Chí Minh",
        "Cadre",
        &["doan-tn"],
        1,
        &[],
        &[],
        0.15,
        None,
    ),
    (
        "chu-tich-phu-nu",
        "Chủ tịch Hội Liên hiệp Phụ nữ",
        "Cadre",
        &["phu-nu"],
        1,
        &[],
        &[],
        0.15,
        Some("Female"),
    ),
    (
        "chu-tich-nong-dan",
        "Chủ tịch Hội Nông dân",
        "Cadre",
        &["nong-dan"],
        1,
        &[],
        &["agriculture"],
        0.15,
        None,
    ),
    (
        "chu-tich-ccb",
        "Chủ tịch Hội Cựu chiến binh",
        "Cadre",
        &["cuu-chien-binh"],
        1,
        &["veteran"],
        &[],
        0.15,
        None,
    ),
    (
        "chi-huy-quan-su",
        "Chỉ huy trưởng Ban Chỉ huy quân sự",
        "CivilServant",
        &["quan-su"],
        1,
        &["military"],
        &[],
        0.0,
        None,
    ),
    (
        "van-phong",
        "Văn phòng - thống kê",
        "CivilServant",
        &["van-phong", "thong-ke"],
        2,
        &[],
        &["admin", "it", "statistics"],
        0.0,
        None,
    ),
    (
        "dia-chinh",
        "Địa chính - nông nghiệp - xây dựng và môi trường",
        "CivilServant",
        &["dia-chinh", "xay-dung", "moi-truong"],
        2,
        &["land"],
        &["construction", "environment"],
        0.0,
        None,
    ),
    (
        "tai-chinh",
        "Tài chính - kế toán",
        "CivilServant",
        &["tai-chinh", "ke-toan"],
        2,
        &["accounting"],
        &["finance"],
        0.0,
        None,
    ),
    (
        "tu-phap",
        "Tư pháp - hộ tịch",
        "CivilServant",
        &["tu-phap", "ho-tich"],
        1,
        &["law"],
        &[],
        0.0,
        None,
    ),
    (
        "van-hoa",
        "Văn hóa - xã hội",
        "CivilServant",
        &["van-hoa", "xa-hoi"],
        1,
        &[],
        &["culture", "social"],
        0.0,
        None,
    ),
];

const FUNCTIONS: &[(&str, &str)] = &[
    ("dang-uy", "Lãnh đạo của Đảng ủy"),
    ("hdnd", "Hoạt động của Hội đồng nhân dân"),
    ("ubnd", "Quản lý, điều hành của Ủy ban nhân dân"),
    ("mttq", "Công tác Mặt trận Tổ quốc"),
    ("doan-tn", "Công tác Đoàn thanh niên"),
    ("phu-nu", "Công tác Hội Liên hiệp Phụ nữ"),
    ("nong-dan", "Công tác Hội Nông dân"),
    ("cuu-chien-binh", "Công tác Hội Cựu chiến binh"),
    ("quan-su", "Quốc phòng, quân sự địa phương"),
    ("van-phong", "Văn phòng, tổng hợp"),
    ("thong-ke", "Thống kê"),
    ("dia-chinh", "Quản lý đất đai, địa chính"),
    ("xay-dung", "Quản lý trật tự xây dựng"),
    ("moi-truong", "Bảo vệ môi trường"),
    ("tai-chinh", "Tài chính, ngân sách"),
    ("ke-toan", "Kế toán ngân sách xã"),
    ("tu-phap", "Tư pháp, phổ biến giáo dục pháp luật"),
    ("ho-tich", "Đăng ký và quản lý hộ tịch"),
    ("van-hoa", "Văn hóa, thông tin, thể thao"),
    ("xa-hoi", "Lao động, thương binh và xã hội"),
];

const TAGS: &[&str] = &[
    "management",
    "politics",
    "law",
    "land",
    "construction",
    "environment",
    "accounting",
    "finance",
    "admin",
    "it",
    "statistics",
    "culture",
    "social",
    "agriculture",
    "economics",
];

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
    "Khuất", "Kiều",
];
const MIDDLE_F: &[&str] = &["Thị", "Thu", "Ngọc", "Minh", "Thanh", "Kim"];
const MIDDLE_M: &[&str] = &["Văn", "Đức", "Hữu", "Quang", "Công", "Minh"];
const GIVEN_F: &[&str] = &[
    "Hằng", "Lan", "Mai", "Hương", "Trang", "Thảo", "Huyền", "Chi", "Anh", "Phương",
];
const GIVEN_M: &[&str] = &[
    "Trung", "Đạt", "Tuấn", "Hùng", "Phong", "Nam", "Dũng", "Sơn", "Long", "Hải",
];

fn pick<'a>(rng: &mut fastrand::Rng, xs: &[&'a str]) -> &'a str {
    xs[rng.usize(..xs.len())]
}

/// A generated Vietnamese name: family, middle and given name for the gender.
pub(crate) fn person_name(rng: &mut fastrand::Rng, female: bool) -> String {
    let (middle, given) = if female {
        (MIDDLE_F, GIVEN_F)
    } else {
        (MIDDLE_M, GIVEN_M)
    };
    let family = pick(rng, FAMILY);
    let middle = pick(rng, middle);
    format!("{family} {middle} {}", pick(rng, given))
}

fn list(xs: &[&str]) -> String {
    let inner: Vec<String> = xs.iter().map(|x| format!("\"{x}\"")).collect();
    format!("[{}]", inner.join(", "))
}

/// Generates a model, norms and scenario.
pub fn generate(cfg: &GenConfig) -> Generated {
    let mut rng = fastrand::Rng::with_seed(cfg.seed);
    let staff_min = cfg.staff_min.max(1);
    let staff_max = cfg.staff_max.max(staff_min);
    let districts = cfg
        .communes
        .div_ceil(cfg.communes_per_district.max(1))
        .max(1);

    let mut m = String::with_capacity(cfg.communes * staff_max * 330);
    let _ = writeln!(
        m,
        "// Generated by `orgplan gen` (seed {}): fictional data.",
        cfg.seed
    );
    let _ = writeln!(m, "Model(\n    name: \"Mô hình tổng hợp: {} xã\",\n    as_of: \"2025-06-30\",\n    functions: [", cfg.communes);
    for (id, name) in FUNCTIONS {
        let _ = writeln!(m, "        Function(id: \"{id}\", name: \"{name}\", level: Commune, required_for: [Commune, Ward]),");
    }
    let _ = writeln!(m, "    ],\n    units: [\n        Unit(id: \"tinh\", name: \"Tỉnh tổng hợp\", kind: Province),");
    for d in 0..districts {
        let _ = writeln!(
            m,
            "        Unit(id: \"h{d}\", name: \"Huyện {d}\", kind: District, parent: \"tinh\"),"
        );
    }
    for c in 0..cfg.communes {
        let pop = 3_000 + rng.u64(..9_000);
        let area = 2.0 + rng.f64() * 20.0;
        let _ = writeln!(
            m,
            "        Unit(id: \"x{c}\", name: \"Xã {c}\", kind: Commune, parent: \"h{}\", class: III, population: {pop}, area_km2: {area:.2}),",
            c / cfg.communes_per_district.max(1)
        );
    }
    let _ = writeln!(m, "    ],\n    mandates: [");
    for c in 0..cfg.communes {
        for (id, _) in FUNCTIONS {
            let _ = writeln!(m, "        Mandate(unit: \"x{c}\", function: \"{id}\"),");
        }
    }
    let cadres = POSTS.iter().filter(|p| p.2 == "Cadre").count();
    let civil: Vec<&PostSpec> = POSTS.iter().filter(|p| p.2 != "Cadre").collect();
    let sizes_per_commune: Vec<usize> = (0..cfg.communes)
        .map(|_| staff_min + rng.usize(..=(staff_max - staff_min)))
        .collect();
    // The person at place i of a commune holds this post (cadre posts first).
    let post_of = |i: usize| -> &PostSpec {
        if i < cadres {
            &POSTS[i]
        } else {
            civil[(i - cadres) % civil.len()]
        }
    };
    let _ = writeln!(m, "    ],\n    positions: [");
    for (c, &n) in sizes_per_commune.iter().enumerate() {
        for (key, title, kind, funcs, _quota, req, pref, allow, gender) in POSTS {
            // The old commune's quota is what it holds (at least 1): no over-quota warnings.
            let quota = (0..n).filter(|&i| post_of(i).0 == *key).count().max(1);
            let gender = gender.map(|g| format!(", gender: {g}")).unwrap_or_default();
            let _ = writeln!(
                m,
                "        Position(id: \"x{c}.{key}\", unit: \"x{c}\", title: \"{title}\", kind: {kind}, functions: {}, quota: {quota}, requires: {}, prefers: {}, allowance_coefficient: {allow}{gender}),",
                list(funcs),
                list(req),
                list(pref)
            );
        }
    }
    let _ = writeln!(m, "    ],\n    staff: [");
    let mut staff = 0;
    for (c, &n) in sizes_per_commune.iter().enumerate() {
        for i in 0..n {
            let post: &PostSpec = post_of(i);
            let female = match post.8 {
                Some("Female") => true,
                _ => rng.u32(..100) < cfg.women_percent,
            };
            let age = 22 + rng.u32(..41); // 22–62
            let born_year = 2025 - age as i32;
            let born_month = 1 + rng.u32(..12);
            let months = ((age - 22) * 12 + rng.u32(..12)).min(40 * 12);
            let coef = 2.34 + 0.33 * f64::from(rng.u32(..9));
            let mut quals: Vec<&str> = post.5.to_vec();
            if post.0 == "chu-tich-ccb" {
                quals.push("veteran");
            }
            for _ in 0..rng.usize(..3) {
                let t = pick(&mut rng, TAGS);
                if !quals.contains(&t) {
                    quals.push(t);
                }
            }
            quals.dedup();
            let name = person_name(&mut rng, female);
            let _ = writeln!(
                m,
                "        Staff(id: \"x{c}-{i}\", name: \"{name}\", gender: {}, born: \"{born_year}-{born_month:02}\", position: \"x{c}.{}\", grade: \"A1\", salary_coefficient: {coef:.2}, insured_months: {months}, qualifications: {}),",
                if female { "Female" } else { "Male" },
                post.0,
                list(&quals)
            );
            staff += 1;
        }
    }
    let _ = writeln!(m, "    ],\n)");

    let mut n = String::new();
    let _ = writeln!(
        n,
        "// Generated by `orgplan gen`: a Decree 33/2023 class-II commune template."
    );
    let _ = writeln!(n, "Norms(\n    name: \"Định mức tổng hợp (Nghị định 33/2023)\",\n    templates: [\n        Template(id: \"commune-II\", unit_kind: Commune, class: II, positions: [");
    for (key, title, kind, funcs, quota, req, pref, allow, gender) in POSTS {
        let gender = gender.map(|g| format!(", gender: {g}")).unwrap_or_default();
        let _ = writeln!(
            n,
            "            TemplatePosition(key: \"{key}\", title: \"{title}\", kind: {kind}, functions: {}, quota: {quota}, requires: {}, prefers: {}, allowance_coefficient: {allow}{gender}),",
            list(funcs),
            list(req),
            list(pref)
        );
    }
    let _ = writeln!(n, "        ]),\n    ],\n    standards: [Standard(unit_kind: Commune, min_population: 8000, min_area_km2: 30.0)],\n)");

    // Group sizes: 2 each, then the rest spread at random, at most 5.
    let into = cfg.into.min(cfg.communes / 2);
    let mut sizes = vec![2usize; into];
    let mut left = cfg.communes.saturating_sub(2 * into).min(3 * into);
    while left > 0 {
        let i = rng.usize(..into);
        if sizes[i] < 5 {
            sizes[i] += 1;
            left -= 1;
        }
    }
    let mut s = String::new();
    let _ = writeln!(s, "// Generated by `orgplan gen` (seed {}).", cfg.seed);
    let _ = writeln!(
        s,
        "Scenario(\n    name: \"Sáp nhập tổng hợp: {} xã thành {} đơn vị\",\n    model: \"model.ron\",\n    norms: [\"norms.ron\"],\n    effective: \"2025-07-01\",\n    mergers: [",
        cfg.communes, into
    );
    let mut next = 0;
    for (k, size) in sizes.iter().enumerate() {
        let from: Vec<String> = (next..next + size).map(|c| format!("\"x{c}\"")).collect();
        let _ = writeln!(
            s,
            "        Merger(into: Unit(id: \"m{k}\", name: \"Xã mới {k}\", kind: Commune, parent: \"h{}\", class: II), from: [{}], template: \"commune-II\"),",
            next / cfg.communes_per_district.max(1),
            from.join(", ")
        );
        next += size;
    }
    let _ = writeln!(
        s,
        "    ],\n    policy: Policy(transition_years: 5, base_salary_vnd: 2340000, pool: {}),\n    weights: Weights(continuity: 100, preferred: 10, seniority: 1),\n    rules: [{}],\n)",
        if cfg.pool_scenario { "Scenario" } else { "PerMerger" },
        if cfg.min_share { "MinShare(gender: Female, kind: Cadre, share: 0.3)" } else { "" }
    );
    Generated {
        model: m,
        norms: n,
        scenario: s,
        staff,
    }
}
