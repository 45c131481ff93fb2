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
