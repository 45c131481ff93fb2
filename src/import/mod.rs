//! `orgplan import`: a staffing table as HR offices keep it (an Excel workbook or a CSV file,
//! one row per person) read into a Model, checked like any model file.
//!
//! The reading goes in three steps: [`table::read`] turns the file into sheets of cells, each at
//! the row and column a spreadsheet shows; the staff sheet's header row is found below any title
//! rows by the names of its columns ([`columns`]); each row becomes a person, and the units and
//! posts the rows name are taken from the optional `Units` and `Positions` sheets, from the
//! model the table is merged into, or derived from the `Đơn vị` and `Chức danh` cells. The
//! result is checked with [`crate::model::check_model`], and every problem — of a cell, or
//! found by the model checks — is reported with its sheet, row and column.
//!
//! ```no_run
//! use orgplan::import::{import_file, model_to_ron, Options};
//! let opts = Options { as_of: chrono::NaiveDate::from_ymd_opt(2024, 12, 31), ..Options::default() };
//! let imported = import_file(std::path::Path::new("danh-sach.xlsx"), None, &opts).unwrap();
//! print!("{}", model_to_ron(&imported.model));
//! ```

pub mod catalogue;
pub mod columns;
pub mod export;
mod messages;
mod ron_out;
mod sheets;
mod staff;
pub mod table;
pub mod text;

use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::files::raw::RawModel;
use crate::files::source::SourceFile;
use crate::model::ids::nfc_owned;
pub use export::{model_sheets, raw_model};
pub use ron_out::model_to_ron;
use table::Workbook;

/// What the importer is told besides the file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// The staff sheet, by name (compared without case or diacritics); by default the first
    /// sheet with a header row naming the required columns.
    pub sheet: Option<String>,
    /// The model's name; by default the `Model` sheet's, the model merged into's, the table's
    /// title ("DANH SÁCH …"), or the file's name.
    pub name: Option<String>,
    /// The date the table describes; by default the `Model` sheet's or the model merged into's.
    /// Without any, the import fails (the command line gives today's date).
    pub as_of: Option<NaiveDate>,
    /// The date taken when nothing else gives one (the command line passes today's).
    pub default_as_of: Option<NaiveDate>,
    /// With a model to merge into: update people (units, posts, …) whose id is already there
    /// instead of refusing them.
    pub replace: bool,
}

/// A model read from a table.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The model, in file form (ids and text in NFC); it passes [`crate::model::check_model`].
    pub model: RawModel,
    /// Warnings, each with its sheet, row and column.
    pub warnings: Diagnostics,
    /// What was read.
    pub summary: Summary,
}

/// What an import read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// The staff sheet's name.
    pub sheet: String,
    /// People read.
    pub people: usize,
    /// People who replaced one of the same id (with [`Options::replace`]).
    pub replaced: usize,
    /// Units and posts derived from the staff sheet's cells.
    pub derived_units: usize,
    pub derived_positions: usize,
    /// Whether `as_of` is [`Options::default_as_of`].
    pub as_of_defaulted: bool,
    /// Functions of the standard catalogue given to the model (0 when the table or the model
    /// merged into has its own); see [`catalogue`].
    pub standard_functions: usize,
    /// Derived posts whose title is a template post's, and so have its functions.
    pub matched_positions: usize,
    /// Lead mandates made from the functions of the matched posts.
    pub derived_mandates: usize,
}

/// Reads a staffing table (xlsx, xls, ods or CSV) into a model, or merges it into `base`.
/// Errors: every problem found, each with its sheet, row and column.
pub fn import_file(
    path: &Path,
    base: Option<RawModel>,
    opts: &Options,
) -> Result<Imported, Diagnostics> {
    let wb = table::read(path).map_err(|d| Diagnostics(vec![d]))?;
    import_workbook(&wb, base, opts)
}

/// Reads the sheets of a workbook already read (see [`import_file`]).
pub fn import_workbook(
    wb: &Workbook,
    base: Option<RawModel>,
    opts: &Options,
) -> Result<Imported, Diagnostics> {
    let mut b = Build::new(wb, base, opts);
    let model_sheet = sheets::read_entity_sheets(&mut b);
    // A table that names no functions (no `Nhiệm vụ` sheet, no model merged into) gets the
    // standard catalogue, so that its posts can be given their template post's functions.
    let bare = !b.into && !sheets::has_sheet(wb, sheets::SheetKind::Functions);
    if bare && b.model.functions.is_empty() {
        b.model.functions = catalogue::standard_functions();
        for (i, f) in b.model.functions.iter().enumerate() {
            b.ids[Kind::Function as usize].insert(f.id.clone(), (i, None));
        }
        b.summary.standard_functions = b.model.functions.len();
    }
    let title = staff::read_staff_sheet(&mut b);
    if b.summary.standard_functions > 0 {
        b.lead_matched_functions();
    }
    let into = b.into;
    let name = opts
        .name
        .clone()
        .or_else(|| into.then(|| b.model.name.clone()))
        .or_else(|| model_sheet.as_ref().and_then(|m| m.name.clone()))
        .or(title)
        .unwrap_or_else(|| {
            wb.path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
    b.model.name = nfc_owned(name.trim());
    let as_of = opts
        .as_of
        .map(|d| d.format("%Y-%m-%d").to_string())
        .or_else(|| into.then(|| b.model.as_of.clone()))
        .or_else(|| model_sheet.and_then(|m| m.as_of))
        .or_else(|| {
            b.summary.as_of_defaulted = true;
            opts.default_as_of.map(|d| d.format("%Y-%m-%d").to_string())
        });
    match as_of {
        Some(d) => b.model.as_of = d,
        None => b.diags.push(
            Diagnostic::file_error(
                &wb.path,
                "the date the table describes is not known",
                // The command line always passes a date, so only library callers see this.
            )
            .with_help("give Options::as_of, or a `Model` sheet with `Ngày số liệu`"),
        ),
    }
    b.check();
    if b.diags.has_errors() {
        return Err(b.diags);
    }
    Ok(Imported {
        model: b.model,
        warnings: b.diags,
        summary: b.summary,
    })
}

/// Where a cell is: sheet (none for a CSV file), 1-based row, column and its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loc {
    pub sheet: Option<String>,
    /// 1-based, as the spreadsheet shows it.
    pub row: usize,
    /// 0-based column, and its header.
    pub col: Option<(usize, String)>,
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(s) = &self.sheet {
            write!(f, "sheet \"{s}\", ")?;
        }
        write!(f, "row {}", self.row)?;
        if let Some((c, h)) = &self.col {
            let h = (!h.is_empty()).then_some(h.as_str());
            write!(f, ", {}", columns::describe_column(*c, h))?;
        }
        Ok(())
    }
}

/// Where the cells of an entity came from: its row, and the cell of each field.
#[derive(Debug, Clone)]
struct Origin {
    row: Loc,
    fields: HashMap<&'static str, Loc>,
}

/// The model being built and the problems found so far.
struct Build<'w> {
    wb: &'w Workbook,
    opts: &'w Options,
    /// Whether a model is being merged into.
    into: bool,
    model: RawModel,
    /// Id → (index in its list, the cell it was read from; `None` for the model merged into),
    /// for functions, units, positions and staff.
    ids: [HashMap<String, (usize, Option<Loc>)>; 4],
    diags: Diagnostics,
    /// Checker entity name (`Staff "DP-01"`) → where it was read.
    origins: HashMap<String, Origin>,
    summary: Summary,
}

impl<'w> Build<'w> {
    fn new(wb: &'w Workbook, base: Option<RawModel>, opts: &'w Options) -> Self {
        let into = base.is_some();
        let model = base.unwrap_or(RawModel {
            name: String::new(),
            as_of: String::new(),
            functions: Vec::new(),
            units: Vec::new(),
            mandates: Vec::new(),
            positions: Vec::new(),
            staff: Vec::new(),
        });
        let index = |ids: Vec<&String>| -> HashMap<String, (usize, Option<Loc>)> {
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (nfc_owned(id), (i, None)))
                .collect()
        };
        let ids = [
            index(model.functions.iter().map(|x| &x.id).collect()),
            index(model.units.iter().map(|x| &x.id).collect()),
            index(model.positions.iter().map(|x| &x.id).collect()),
            index(model.staff.iter().map(|x| &x.id).collect()),
        ];
        Build {
            wb,
            opts,
            into,
            model,
            ids,
            diags: Diagnostics::new(),
            origins: HashMap::new(),
            summary: Summary::default(),
        }
    }

    /// The sheet name to show in locations (none for CSV).
    fn sheet_label(&self, name: &str) -> Option<String> {
        (!self.wb.csv).then(|| name.to_string())
    }

    fn report(&mut self, severity: Severity, loc: &Loc, message: String, help: Option<String>) {
        let mut d = Diagnostic::file_error(&self.wb.path, message);
        d.severity = severity;
        d.entity = Some(loc.to_string());
        d.help = help;
        self.diags.push(d);
    }

    fn error(&mut self, loc: &Loc, message: impl Into<String>, help: impl Into<String>) {
        self.report(Severity::Error, loc, message.into(), Some(help.into()));
    }

    fn warning(&mut self, loc: &Loc, message: impl Into<String>, help: Option<String>) {
        self.report(Severity::Warning, loc, message.into(), help);
    }

    /// Whether an imported entity's id may be added: a new id is, one read earlier from this
    /// file is a duplicate, one of the model merged into is replaced with `--replace` and
    /// refused without.
    fn admit(&mut self, kind: Kind, id: &str, loc: &Loc, next: usize) -> Admit {
        let what = kind.as_str();
        if id.is_empty() {
            return Admit::Refused;
        }
        match self.ids[kind as usize].get(id).cloned() {
            None => {
                self.ids[kind as usize].insert(id.to_string(), (next, Some(loc.clone())));
                Admit::New
            }
            Some((i, None)) if self.opts.replace => {
                self.ids[kind as usize].insert(id.to_string(), (i, Some(loc.clone())));
                Admit::Replace(i)
            }
            Some((_, None)) => {
                self.error(
                    loc,
                    format!("{what} \"{id}\" is already in the model this table is merged into"),
                    "give it another id, or pass --replace to update the one in the model",
                );
                Admit::Refused
            }
            Some((_, Some(first))) => {
                let at = if first.sheet == loc.sheet {
                    format!("row {}", first.row)
                } else {
                    first.to_string()
                };
                self.error(
                    loc,
                    format!("duplicate id: {at} has the {what} id \"{id}\" too"),
                    format!("give each {what} its own id"),
                );
                Admit::Refused
            }
        }
    }

    fn origin_of(&mut self, key: String, origin: Origin) {
        self.origins.insert(key, origin);
    }

    fn id_loc(origin: &Origin) -> Loc {
        origin.fields.get("id").unwrap_or(&origin.row).clone()
    }

    /// Adds a function read from a sheet.
    fn add_function(&mut self, f: crate::files::raw::RawFunction, origin: Origin) {
        let next = self.model.functions.len();
        match self.admit(Kind::Function, &f.id, &Self::id_loc(&origin), next) {
            Admit::New => self.model.functions.push(f.clone()),
            Admit::Replace(i) => self.model.functions[i] = f.clone(),
            Admit::Refused => return,
        }
        self.origin_of(format!("Function \"{}\"", f.id), origin);
    }

    /// Adds a unit read from a sheet or derived from a `Đơn vị` cell.
    fn add_unit(&mut self, u: crate::files::raw::RawUnit, origin: Origin) -> Option<usize> {
        let next = self.model.units.len();
        let i = match self.admit(Kind::Unit, &u.id, &Self::id_loc(&origin), next) {
            Admit::New => {
                self.model.units.push(u.clone());
                next
            }
            Admit::Replace(i) => {
                self.model.units[i] = u.clone();
                i
            }
            Admit::Refused => return None,
        };
        self.origin_of(format!("Unit \"{}\"", u.id), origin);
        Some(i)
    }

    /// Adds a post read from a sheet or derived from a `Chức danh` cell.
    fn add_position(&mut self, p: crate::files::raw::RawPosition, origin: Origin) -> Option<usize> {
        let next = self.model.positions.len();
        let i = match self.admit(Kind::Position, &p.id, &Self::id_loc(&origin), next) {
            Admit::New => {
                self.model.positions.push(p.clone());
                next
            }
            Admit::Replace(i) => {
                self.model.positions[i] = p.clone();
                i
            }
            Admit::Refused => return None,
        };
        self.origin_of(format!("Position \"{}\"", p.id), origin);
        Some(i)
    }

    /// Adds a mandate read from a sheet.
    fn add_mandate(&mut self, m: crate::files::raw::RawMandate, origin: Origin) {
        self.origin_of(format!("Mandate {} → {}", m.unit, m.function), origin);
        self.model.mandates.push(m);
    }

    /// Adds a person; whether they replaced one of the same id.
    fn add_staff(&mut self, s: crate::files::raw::RawStaff, origin: Origin) -> Option<bool> {
        let next = self.model.staff.len();
        let replaced = match self.admit(Kind::Staff, &s.id, &Self::id_loc(&origin), next) {
            Admit::New => {
                self.model.staff.push(s.clone());
                false
            }
            Admit::Replace(i) => {
                self.model.staff[i] = s.clone();
                true
            }
            Admit::Refused => return None,
        };
        self.origin_of(format!("Staff \"{}\"", s.id), origin);
        Some(replaced)
    }

    /// Gives each unit a Lead mandate for every function its posts cover, in catalogue order
    /// (for a model that got the standard catalogue, so has no mandates of its own).
    fn lead_matched_functions(&mut self) {
        let mut mandates = Vec::new();
        for u in &self.model.units {
            let posts: Vec<&crate::files::raw::RawPosition> = self
                .model
                .positions
                .iter()
                .filter(|p| p.unit == u.id)
                .collect();
            for f in &self.model.functions {
                let listed = self
                    .model
                    .mandates
                    .iter()
                    .any(|m| m.unit == u.id && m.function == f.id);
                if !listed && posts.iter().any(|p| p.functions.contains(&f.id)) {
                    mandates.push(crate::files::raw::RawMandate {
                        unit: u.id.clone(),
                        function: f.id.clone(),
                        role: crate::files::raw::Role::Lead,
                    });
                }
            }
        }
        self.summary.derived_mandates = mandates.len();
        self.model.mandates.extend(mandates);
    }

    /// Runs the model checks on the result and reports their problems at the cells they
    /// concern.
    fn check(&mut self) {
        let text = model_to_ron(&self.model);
        let src = Arc::new(SourceFile::new(self.wb.path.with_extension("ron"), text));
        let found = match crate::model::check_model(&src) {
            Ok(l) => l.warnings,
            Err(d) => d,
        };
        for d in found.0 {
            let origin = d.entity.as_ref().and_then(|e| self.origins.get(e));
            let mut out = Diagnostic::file_error(&self.wb.path, d.message.clone());
            out.severity = d.severity;
            // The checker's help may point at a line of the generated text, which nobody sees.
            out.help = d.help.filter(|h| !h.contains("line "));
            match origin {
                Some(o) => {
                    let loc = d
                        .field
                        .as_deref()
                        .and_then(|f| o.fields.get(f))
                        .unwrap_or(&o.row);
                    out.entity = Some(format!("{loc}, {}", d.entity.unwrap_or_default()));
                }
                None => {
                    out.entity = d.entity;
                    out.field = d.field;
                }
            }
            self.diags.push(out);
        }
    }
}

/// The entities that have ids, as indices into [`Build::ids`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Function = 0,
    Unit = 1,
    Position = 2,
    Staff = 3,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Function => "function",
            Kind::Unit => "unit",
            Kind::Position => "post",
            Kind::Staff => "staff",
        }
    }
}

/// What to do with an imported entity's id.
enum Admit {
    New,
    Replace(usize),
    Refused,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_read_like_a_spreadsheet() {
        let loc = Loc {
            sheet: Some("Danh sách".into()),
            row: 9,
            col: Some((3, "Ngày sinh".into())),
        };
        assert_eq!(
            loc.to_string(),
            "sheet \"Danh sách\", row 9, column D (Ngày sinh)"
        );
    }
}
