//! `orgplan gen`: writes a synthetic model, norms and scenario.

use std::path::Path;

use orgplan::gen::{generate, GenConfig};
use orgplan::t;

use super::{output, printer, ExitStatus, Fail};

pub fn run(cfg: &GenConfig, out: &Path, force: bool) -> Result<ExitStatus, Fail> {
    std::fs::create_dir_all(out).map_err(|e| {
        Fail::Tool(t!(
            "cli-gen-cannot-create",
            path = out.display().to_string(),
            error = e.to_string()
        ))
    })?;
    let files = ["model.ron", "norms.ron", "scenario.ron"];
    if !force {
        if let Some(f) = files.iter().map(|f| out.join(f)).find(|p| p.exists()) {
            return Err(Fail::Tool(t!(
                "cli-gen-exists",
                path = f.display().to_string()
            )));
        }
    }
    let g = generate(cfg);
    for (name, text) in files.iter().zip([&g.model, &g.norms, &g.scenario]) {
        output::emit(Some(&out.join(name)), text.as_bytes())?;
    }
    printer::note(&t!(
        "cli-gen-wrote",
        model = out.join("model.ron").display().to_string(),
        communes = cfg.communes,
        staff = g.staff,
        units = cfg.into
    ));
    Ok(ExitStatus::Success)
}

/// `orgplan gen --real`: the real 2025 map (a province, chosen new units, or the country).
pub fn run_real(
    cfg: &orgplan::gen::real::RealConfig,
    units: &[String],
    staff: Option<&Path>,
    out: &Path,
    force: bool,
) -> Result<ExitStatus, Fail> {
    use orgplan::gen::real::{generate_real, generate_units, RealError};
    use orgplan::t;
    let files = ["model.ron", "norms.ron", "scenario.ron"];
    if !force {
        if let Some(f) = files.iter().map(|f| out.join(f)).find(|p| p.exists()) {
            return Err(Fail::Tool(t!("map-exists", path = f.display().to_string())));
        }
    }
    let g = if units.is_empty() {
        generate_real(cfg)
    } else {
        let codes: Vec<&str> = units.iter().map(String::as_str).collect();
        generate_units(&codes, cfg)
    }
    .map_err(|e| {
        Fail::Tool(match e {
            RealError::UnknownProvince(p) => t!("map-no-province", name = p),
            RealError::UnknownUnit(c) => t!("map-no-unit", code = c),
            _ => e.to_string(),
        })
    })?;
    std::fs::create_dir_all(out).map_err(|e| {
        Fail::Tool(t!(
            "map-cannot-create",
            path = out.display().to_string(),
            error = e.to_string()
        ))
    })?;
    let model = match staff {
        None => g.model.clone(),
        Some(table) => with_staff(&g.model, &out.join("model.ron"), table)?,
    };
    for (name, text) in files.iter().zip([&model, &g.norms, &g.scenario]) {
        output::emit(Some(&out.join(name)), text.as_bytes())?;
    }
    printer::note(&t!(
        "map-wrote",
        model = out.join("model.ron").display().to_string(),
        old = g.old_units as u64,
        staff = g.staff as u64,
        new = g.new_units as u64,
        split = g.split as u64
    ));
    Ok(ExitStatus::Success)
}

/// The generated model (units and posts, no people) with the office's table read into it,
/// as `orgplan import TABLE --into` would: every problem of the table is reported and nothing
/// is written.
fn with_staff(model: &str, model_path: &Path, table: &Path) -> Result<String, Fail> {
    use orgplan::import;
    let src = std::sync::Arc::new(orgplan::files::source::SourceFile::new(
        model_path,
        model.to_string(),
    ));
    let base = orgplan::files::deserialize::<orgplan::files::raw::RawModel>(&src)
        .map_err(|d| Fail::Input(orgplan::diag::Diagnostics(vec![d])))?;
    let opts = import::Options {
        sheet: None,
        name: None,
        as_of: None,
        default_as_of: None,
        replace: false,
    };
    let imported = import::import_file(table, Some(base), &opts)?;
    printer::warnings(&imported.warnings);
    printer::note(&t!(
        "office-gen-staff",
        people = imported.summary.people,
        file = table.display().to_string()
    ));
    let header = format!(
        "// {}\n",
        t!(
            "office-gen-header",
            file = table.file_name().unwrap_or_default().to_string_lossy()
        )
    );
    Ok(format!("{header}{}", import::model_to_ron(&imported.model)))
}
