//! The allocation problem of SPEC §5.2–5.4, built from a scenario: candidates, posts,
//! eligibility, integer fit, the law's package cost of each candidate, and the rules.

use std::collections::HashMap;

use crate::law::{self, LawPolicy, Package, PackageInput};
use crate::model::{Gender, Pool, PositionKind, Rule, Scenario, Share, StaffIx};

/// A person who may take a new post: someone holding a post in a dissolved unit.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The person in the scenario's model.
    pub staff: StaffIx,
    /// The merger whose units the person comes from (for a split unit, the first merger that
    /// takes a part of it): where the plan lists them if they stay surplus.
    pub merger: usize,
    /// Every merger whose posts the person may take under `pool: PerMerger`, ascending
    /// (more than one for the people of a split unit).
    pub mergers: Vec<usize>,
    /// The person's gender (for MinShare rules).
    pub gender: Gender,
    /// Whether the person's current post is a Leader or Cadre post (SPEC §5.2).
    pub leadership: bool,
    /// The law's package if the person is surplus (SPEC §6.2).
    pub package: Package,
    /// Seniority years counted in fit: min(⌊insured_months / 12⌋, 30).
    pub seniority_years: u64,
    /// The person's pension has started by the effective date and no Retain rule keeps
    /// them: they retire and take no post (SPEC §6.2).
    pub retired: bool,
    /// The Retain rule that keeps a person past retirement age a candidate: (rule number,
    /// until).
    pub retained: Option<(usize, chrono::NaiveDate)>,
}

impl Candidate {
    /// Whether merger `m` takes the person's unit (whole or in part).
    pub fn takes(&self, m: usize) -> bool {
        // One merger, or a few for a split unit: a scan beats a search.
        self.mergers.contains(&m)
    }
}

/// A new post of a merged unit.
#[derive(Debug, Clone)]
pub struct Post {
    /// The merger (and so the new unit) it belongs to.
    pub merger: usize,
    /// Its index among the merger's posts.
    pub index: usize,
    /// How many people it may hold.
    pub quota: u32,
    /// Its kind.
    pub kind: PositionKind,
}

/// Why a candidate may not take a post (the first reason found, in SPEC §5.2's order).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum Ineligible {
    /// The person lacks required qualifications.
    MissingQualifications(Vec<String>),
    /// The post is for the other gender.
    Gender(Gender),
    /// A Leader or Cadre post, and the person's current post is not one.
    NotLeadership,
    /// A Forbid rule (its number).
    Forbidden(usize),
    /// The post is in another merger and the pool is PerMerger.
    OtherMerger,
    /// The person's pension has started (past retirement age) and no Retain rule keeps them.
    Retired,
}

/// The fit of a candidate for a post, term by term (SPEC §5.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Fit {
    /// `continuity` × [the current post covers a function of the new post].
    pub continuity: u64,
    /// `preferred` × |qualifications ∩ prefers|.
    pub preferred: u64,
    /// `seniority` × min(⌊insured_months/12⌋, 30).
    pub seniority: u64,
    /// `local` × [the post is in the person's own merger] (pool: Scenario only).
    pub local: u64,
}

impl Fit {
    /// The total fit.
    pub fn total(&self) -> u64 {
        self.continuity + self.preferred + self.seniority + self.local
    }
}

/// A group of a MinShare rule: the posts of one kind in one new unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareGroup {
    /// The rule's number in the scenario.
    pub rule: usize,
    /// The merger whose new unit it is.
    pub merger: usize,
    pub kind: PositionKind,
    pub gender: Gender,
    pub share: Share,
}

/// The whole problem of a scenario.
#[derive(Debug, Clone)]
pub struct Problem {
    pub candidates: Vec<Candidate>,
    pub posts: Vec<Post>,
    /// Candidate index by staff index.
    pub by_staff: HashMap<StaffIx, usize>,
    /// Post index by (merger, index in merger).
    pub by_post: HashMap<(usize, usize), usize>,
    /// Forbidden (candidate, post) pairs, with the rule number.
    pub forbidden: HashMap<(usize, usize), usize>,
    /// Pins: (candidate, post, rule number).
    pub pins: Vec<(usize, usize, usize)>,
    /// Keeps: (candidate, rule number).
    pub keeps: Vec<(usize, usize)>,
    /// MinShare groups.
    pub groups: Vec<ShareGroup>,
    /// The pool.
    pub pool: Pool,
}

impl Problem {
    /// Builds the problem of a scenario: candidates with their packages, posts, rules.
    pub fn new(scenario: &Scenario) -> Problem {
        let policy = law_policy(scenario);
        let model = &scenario.model;
        let mut candidates = Vec::new();
        let mut by_staff = HashMap::new();
        let retain: HashMap<StaffIx, (usize, chrono::NaiveDate)> = scenario
            .rules
            .iter()
            .filter_map(|r| match r.rule {
                Rule::Retain { staff, until } => Some((staff, (r.number, until))),
                _ => None,
            })
            .collect();
        for (s, mergers) in scenario.candidate_sets().into_iter().enumerate() {
            let Some(&merger) = mergers.first() else {
                continue;
            };
            let person = &model.staff[s];
            let package = law::package(&package_input(person), &policy);
            by_staff.insert(s, candidates.len());
            candidates.push(Candidate {
                staff: s,
                merger,
                mergers,
                gender: person.gender,
                leadership: person
                    .position
                    .is_some_and(|q| model.positions[q].kind.is_leadership()),
                retired: package.months_to_retirement <= 0 && !retain.contains_key(&s),
                retained: retain.get(&s).copied(),
                package,
                seniority_years: u64::from(person.insured_months / 12).min(30),
            });
        }
        let mut posts = Vec::new();
        let mut by_post = HashMap::new();
        for (m, merger) in scenario.mergers.iter().enumerate() {
            for (i, p) in merger.posts.iter().enumerate() {
                by_post.insert((m, i), posts.len());
                posts.push(Post {
                    merger: m,
                    index: i,
                    quota: p.quota,
                    kind: p.kind,
                });
            }
        }
        let mut forbidden = HashMap::new();
        let mut pins = Vec::new();
        let mut keeps = Vec::new();
        let mut groups = Vec::new();
        for r in &scenario.rules {
            match &r.rule {
                Rule::Pin { staff, post } => {
                    if let (Some(&c), Some(&p)) = (by_staff.get(staff), by_post.get(post)) {
                        pins.push((c, p, r.number));
                    }
                }
                Rule::Forbid { staff, post } => {
                    if let (Some(&c), Some(&p)) = (by_staff.get(staff), by_post.get(post)) {
                        forbidden.entry((c, p)).or_insert(r.number);
                    }
                }
                Rule::Keep { staff } => {
                    if let Some(&c) = by_staff.get(staff) {
                        keeps.push((c, r.number));
                    }
                }
                // Read above, with the candidates.
                Rule::Retain { .. } => {}
                Rule::MinShare {
                    gender,
                    kind,
                    share,
                    ..
                } => {
                    for (m, merger) in scenario.mergers.iter().enumerate() {
                        if merger.posts.iter().any(|p| p.kind == *kind) {
                            groups.push(ShareGroup {
                                rule: r.number,
                                merger: m,
                                kind: *kind,
                                gender: *gender,
                                share: *share,
                            });
                        }
                    }
                }
            }
        }
        Problem {
            candidates,
            posts,
            by_staff,
            by_post,
            forbidden,
            pins,
            keeps,
            groups,
            pool: scenario.policy.pool,
        }
    }

    /// Whether candidate `c` may take post `p`, or the first reason why not (SPEC §5.2).
    pub fn eligibility(&self, scenario: &Scenario, c: usize, p: usize) -> Result<(), Ineligible> {
        let cand = &self.candidates[c];
        let post = &self.posts[p];
        let person = &scenario.model.staff[cand.staff];
        let pos = &scenario.mergers[post.merger].posts[post.index];
        if self.pool == Pool::PerMerger && !cand.takes(post.merger) {
            return Err(Ineligible::OtherMerger);
        }
        if cand.retired {
            return Err(Ineligible::Retired);
        }
        let missing: Vec<String> = pos
            .requires
            .iter()
            .filter(|t| !person.qualifications.contains(t))
            .cloned()
            .collect();
        if !missing.is_empty() {
            return Err(Ineligible::MissingQualifications(missing));
        }
        if let Some(g) = pos.gender {
            if g != person.gender {
                return Err(Ineligible::Gender(g));
            }
        }
        if pos.kind.is_leadership() {
            let current = person.position.map(|q| scenario.model.positions[q].kind);
            if !current.is_some_and(PositionKind::is_leadership) {
                return Err(Ineligible::NotLeadership);
            }
        }
        if let Some(&rule) = self.forbidden.get(&(c, p)) {
            return Err(Ineligible::Forbidden(rule));
        }
        Ok(())
    }

    /// Whether post `p` is one of MinShare group `g`'s posts.
    pub fn in_group(&self, p: usize, g: usize) -> bool {
        let grp = &self.groups[g];
        let post = &self.posts[p];
        post.merger == grp.merger && post.kind == grp.kind
    }

    /// Whether candidate `c` may take post `p` (the fast form of [`Problem::eligibility`]).
    pub fn eligible(&self, scenario: &Scenario, c: usize, p: usize) -> bool {
        let cand = &self.candidates[c];
        let post = &self.posts[p];
        if (self.pool == Pool::PerMerger && !cand.takes(post.merger)) || cand.retired {
            return false;
        }
        let person = &scenario.model.staff[cand.staff];
        let pos = &scenario.mergers[post.merger].posts[post.index];
        pos.requires
            .iter()
            .all(|t| person.qualifications.contains(t))
            && pos.gender.is_none_or(|g| g == person.gender)
            && (!pos.kind.is_leadership() || cand.leadership)
            && !self.forbidden.contains_key(&(c, p))
    }

    /// The fit of candidate `c` for post `p`, term by term (SPEC §5.3).
    pub fn fit(&self, scenario: &Scenario, c: usize, p: usize) -> Fit {
        let w = &scenario.weights;
        let cand = &self.candidates[c];
        let post = &self.posts[p];
        let person = &scenario.model.staff[cand.staff];
        let pos = &scenario.mergers[post.merger].posts[post.index];
        let covers = person.position.is_some_and(|q| {
            scenario.model.positions[q]
                .functions
                .iter()
                .any(|f| pos.functions.contains(f))
        });
        // Tags are few: a nested scan beats hashing. Each preferred tag counts once.
        let preferred = pos
            .prefers
            .iter()
            .enumerate()
            .filter(|(i, t)| !pos.prefers[..*i].contains(t) && person.qualifications.contains(t))
            .count() as u64;
        Fit {
            continuity: if covers { w.continuity } else { 0 },
            preferred: w.preferred * preferred,
            seniority: w.seniority * cand.seniority_years,
            local: if self.pool == Pool::Scenario && cand.takes(post.merger) {
                scenario.policy.local
            } else {
                0
            },
        }
    }
}

/// The law's policy of a scenario (defaults applied by the law module).
pub fn law_policy(scenario: &Scenario) -> LawPolicy {
    LawPolicy::new(
        scenario.effective,
        scenario.policy.base_salary_vnd,
        scenario.policy.decision_within_12_months,
        scenario.policy.min_pension_years,
    )
    .with_decision_date(scenario.policy.decision_date)
    .with_laws(scenario.laws.clone())
}

/// What the law needs of a person.
pub fn package_input(person: &crate::model::Staff) -> PackageInput {
    PackageInput {
        gender: person.gender,
        born: person.born,
        category: person.category,
        salary_coefficient: person.salary_coefficient,
        allowance_coefficient: person.allowance_coefficient,
        beyond_frame_pct: person.beyond_frame_pct,
        other_allowances: person.other_allowances,
        insured_months: person.insured_months,
    }
}

/// The allocation problem as plain data (`orgplan formulate`), so that another solver can be
/// run on exactly the same formulation (benches/cpsat.py does, with OR-Tools CP-SAT).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Formulation {
    /// Each candidate: id, gender, package cost of releasing them.
    pub candidates: Vec<FormCandidate>,
    /// Each new post: id, merger, kind, quota.
    pub posts: Vec<FormPost>,
    /// Every eligible (candidate, post) pair and its fit.
    pub pairs: Vec<(usize, usize, u64)>,
    /// (candidate, post) pairs that Pin rules force.
    pub pins: Vec<(usize, usize)>,
    /// Candidates that Keep rules force into some post.
    pub keeps: Vec<usize>,
    /// MinShare groups: the posts, and share num/den for the gender.
    pub groups: Vec<FormGroup>,
}

/// A candidate of a [`Formulation`].
#[derive(Debug, Clone, serde::Serialize)]
pub struct FormCandidate {
    pub id: String,
    pub female: bool,
    pub cost_vnd: u64,
}

/// A post of a [`Formulation`].
#[derive(Debug, Clone, serde::Serialize)]
pub struct FormPost {
    pub id: String,
    pub quota: u32,
}

/// A MinShare group of a [`Formulation`]: `den × (of gender) ≥ num × (all)` over its posts.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FormGroup {
    pub posts: Vec<usize>,
    pub female: bool,
    pub num: u64,
    pub den: u64,
}

impl Problem {
    /// The problem as plain data.
    pub fn formulation(&self, scenario: &Scenario) -> Formulation {
        let mut pairs = Vec::new();
        for c in 0..self.candidates.len() {
            for p in 0..self.posts.len() {
                if self.eligible(scenario, c, p) {
                    pairs.push((c, p, self.fit(scenario, c, p).total()));
                }
            }
        }
        Formulation {
            candidates: self
                .candidates
                .iter()
                .enumerate()
                .map(|(c, cand)| FormCandidate {
                    id: self.staff_id(scenario, c),
                    female: cand.gender == Gender::Female,
                    cost_vnd: cand.package.cost_vnd,
                })
                .collect(),
            posts: (0..self.posts.len())
                .map(|p| FormPost {
                    id: self.post_id(scenario, p),
                    quota: self.posts[p].quota,
                })
                .collect(),
            pairs,
            pins: self.pins.iter().map(|&(c, p, _)| (c, p)).collect(),
            keeps: self.keeps.iter().map(|&(c, _)| c).collect(),
            groups: (0..self.groups.len())
                .map(|g| FormGroup {
                    posts: (0..self.posts.len())
                        .filter(|&p| self.in_group(p, g))
                        .collect(),
                    female: self.groups[g].gender == Gender::Female,
                    num: self.groups[g].share.num,
                    den: self.groups[g].share.den,
                })
                .collect(),
        }
    }
}
