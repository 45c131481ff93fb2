//! `orgplan gen`: writes a synthetic model, norms and scenario.

use std::path::Path;

use orgplan::gen::{generate, GenConfig};

use super::{output, printer, ExitStatus, Fail};

pub fn run(cfg: &GenConfig, out: &Path, force: bool) -> Result<ExitStatus, Fail> {
    std::fs::create_dir_all(out)
        .map_err(|e| Fail::Tool(format!("cannot create {}: {e}", out.display())))?;
    let files = ["model.ron", "norms.ron", "scenario.ron"];
    if !force {
        if let Some(f) = files.iter().map(|f| out.join(f)).find(|p| p.exists()) {
            return Err(Fail::Tool(format!(
                "{} exists; pass --force to overwrite, or choose another --out",
                f.display()
            )));
        }
    }
    let g = generate(cfg);
    for (name, text) in files.iter().zip([&g.model, &g.norms, &g.scenario]) {
        output::emit(Some(&out.join(name)), text.as_bytes())?;
    }
    printer::note(&format!(
        "wrote {} ({} communes, {} staff), norms.ron, scenario.ron ({} new units)",
        out.join("model.ron").display(),
        cfg.communes,
        g.staff,
        cfg.into
    ));
    Ok(ExitStatus::Success)
}
