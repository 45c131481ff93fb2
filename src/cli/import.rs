//! `orgplan import TABLE.xlsx|TABLE.csv`: a staffing table into a Model file.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use orgplan::diag::{Diagnostic, Diagnostics};
use orgplan::files::raw::RawModel;
use orgplan::import::{self, Options};

use super::{output, printer, ExitStatus, Fail};

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The staffing table: an Excel workbook (.xlsx, .xls, .ods) or a CSV file (UTF-8).
    pub file: PathBuf,
    /// The staff sheet's name (default: the first sheet whose header row names Họ và tên,
    /// Ngày sinh, Giới tính and Hệ số lương).
    #[arg(long)]
    pub sheet: Option<String>,
    /// The model's name (default: the table's "DANH SÁCH …" title, or the file's name).
    #[arg(long)]
    pub name: Option<String>,
    /// The date the table describes, YYYY-MM-DD or dd/mm/yyyy (default: the workbook's
    /// `Mô hình` sheet, the `--into` model's, or today).
    #[arg(long)]
    pub as_of: Option<String>,
    /// Add the people to this model (and the units and posts they need); the result is
    /// written to `-o` or stdout, never over this file.
    #[arg(long)]
    pub into: Option<PathBuf>,
    /// With `--into`: update people (and units, posts …) whose id is already in the model,
    /// instead of refusing them.
    #[arg(long, requires = "into")]
    pub replace: bool,
    /// Write the model to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

pub fn run(args: &ImportArgs) -> Result<ExitStatus, Fail> {
    if let Some(out) = &args.output {
        for input in std::iter::once(&args.file).chain(args.into.as_ref()) {
            if same_file(out, input) {
                return Err(Fail::Tool(orgplan::t!(
                    "import-would-overwrite",
                    file = out.display().to_string()
                )));
            }
        }
    }
    let as_of = match &args.as_of {
        None => None,
        Some(t) => Some(
            parse_as_of(t)
                .ok_or_else(|| Fail::Tool(orgplan::t!("import-bad-as-of", text = t.as_str())))?,
        ),
    };
    let base = match &args.into {
        None => None,
        Some(path) => Some(load_base(path)?),
    };
    let opts = Options {
        sheet: args.sheet.clone(),
        name: args.name.clone(),
        as_of,
        default_as_of: Some(today()),
        replace: args.replace,
    };
    let imported = import::import_file(&args.file, base, &opts)?;
    printer::warnings(&imported.warnings);
    let s = &imported.summary;
    let mut header = format!(
        "// {}",
        orgplan::t!(
            "import-header",
            file = args.file.file_name().unwrap_or_default().to_string_lossy()
        )
    );
    if !s.sheet.is_empty() && !s.sheet.eq_ignore_ascii_case(&stem(&args.file)) {
        header.push_str(&orgplan::t!(
            "import-header-sheet",
            sheet = s.sheet.as_str()
        ));
    }
    if let Some(into) = &args.into {
        header.push_str(&orgplan::t!(
            "import-header-into",
            file = into.display().to_string()
        ));
    }
    header.push_str(".\n");
    let text = format!("{header}{}", import::model_to_ron(&imported.model));
    output::emit(args.output.as_deref(), text.as_bytes())?;
    let mut note = orgplan::t!(
        "import-note-read",
        people = s.people,
        sheet = s.sheet.as_str()
    );
    if s.replaced > 0 {
        note.push(' ');
        note.push_str(&orgplan::t!("import-note-replaced", replaced = s.replaced));
    }
    if s.derived_units + s.derived_positions > 0 {
        note.push_str(&orgplan::t!(
            "import-note-derived",
            units = s.derived_units,
            posts = s.derived_positions
        ));
    }
    if s.standard_functions > 0 {
        note.push_str(&orgplan::t!(
            "import-note-catalogue",
            functions = s.standard_functions,
            matched = s.matched_positions,
            mandates = s.derived_mandates
        ));
    }
    if s.as_of_defaulted {
        let date = chrono::NaiveDate::parse_from_str(&imported.model.as_of, "%Y-%m-%d")
            .map(orgplan::i18n::fmt::date)
            .unwrap_or_else(|_| imported.model.as_of.clone());
        note.push_str(&orgplan::t!("import-note-as-of-today", date = date));
    }
    if let Some(out) = &args.output {
        note.push_str(&orgplan::t!(
            "import-note-written",
            path = out.display().to_string()
        ));
    }
    printer::note(&note);
    Ok(ExitStatus::Success)
}

/// The model to merge into, as written (comments are not kept), after checking it.
fn load_base(path: &Path) -> Result<RawModel, Fail> {
    let loaded = orgplan::model::load_model(path)?;
    printer::warning_count(&loaded.warnings, path);
    let src = orgplan::files::read_source(path).map_err(one)?;
    orgplan::files::deserialize::<RawModel>(&src).map_err(|d| Fail::Input(Diagnostics(vec![d])))
}

fn one(d: Diagnostic) -> Fail {
    Fail::Input(Diagnostics(vec![d]))
}

fn parse_as_of(t: &str) -> Option<NaiveDate> {
    match import::text::parse_text_date(t) {
        Ok(import::text::TextDate::Day(d)) => Some(d),
        _ => None,
    }
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Whether two paths name the same file (the same path, or the same file through links).
fn same_file(a: &Path, b: &Path) -> bool {
    // The identity every output is checked against (`files::inputs`): links, `..` and hard
    // links name the same file.
    use orgplan::files::inputs::FileId;
    a == b || FileId::of(a).is_some_and(|x| FileId::of(b) == Some(x))
}

/// Today's date (UTC), for a table that does not say which date it describes.
fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    epoch + chrono::TimeDelta::days((secs / 86_400) as i64)
}
