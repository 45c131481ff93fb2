//! Charts of a comparison (issue 7, `orgplan compare --chart FILE.svg|FILE.png`): one picture
//! with one row per scenario and two panels side by side — the people (staff, norm, placed,
//! surplus, vacancies) and the cost of releasing the surplus by roadmap year — titled and
//! labelled in Vietnamese.
//!
//! The rows read down in the comparison's order and share the scenario labels on the left, so
//! a sweep of a dozen variants with long labels stays legible: the picture grows in height with
//! the number of scenarios instead of squeezing its bars. A scenario without a plan keeps its
//! row, with a note instead of bars.
//!
//! PNG text is drawn with an embedded font (Noto Sans cut down to Latin and Vietnamese,
//! `assets/fonts/`), never a system font; SVG text is real text naming that family with
//! fallbacks, for the viewer to draw. The same comparison gives the same bytes.

use std::path::Path;
use std::sync::OnceLock;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontStyle;
use unicode_normalization::UnicodeNormalization;

use crate::compare::{measure, Comparison, Value};

/// The font family SVG text names: the embedded font first, then fonts that also cover
/// Vietnamese, then any sans-serif. PNG text is drawn with the embedded font under this name.
pub const FONT_FAMILY: &str = "Noto Sans, DejaVu Sans, Arial, sans-serif";

const FONT_REGULAR: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");
const FONT_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSans-Bold.ttf");

/// The title of the picture, in the reader's language.
pub fn title() -> String {
    crate::t!("compare-chart-title")
}

/// The people panel's bars, top to bottom within a row: the measure, the catalogue key of its
/// legend, and its colour.
const PEOPLE: [(&str, &str, RGBColor); 5] = [
    (
        measure::STAFF,
        "compare-chart-staff",
        RGBColor(76, 114, 176),
    ),
    (measure::NORM, "compare-chart-norm", RGBColor(140, 140, 140)),
    (
        measure::PLACED,
        "compare-chart-placed",
        RGBColor(85, 168, 104),
    ),
    (
        measure::SURPLUS,
        "compare-chart-surplus",
        RGBColor(196, 78, 82),
    ),
    (
        measure::VACANCIES,
        "compare-chart-vacancies",
        RGBColor(221, 132, 82),
    ),
];
/// The cost panel's first bar: every surplus person's package at the effective date.
const COST_NOW: RGBColor = RGBColor(122, 31, 31);
/// The roadmap years run from the first colour to the second.
const COST_YEARS: (RGBColor, RGBColor) = (RGBColor(84, 39, 143), RGBColor(188, 189, 220));

const INK: RGBColor = RGBColor(33, 37, 41);
const MUTED: RGBColor = RGBColor(108, 117, 125);
const SHADE: RGBColor = RGBColor(244, 245, 247);
const GRID: RGBColor = RGBColor(222, 226, 230);

/// How a chart is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartFormat {
    /// Vector, with real text (`.svg`).
    Svg,
    /// A bitmap drawn at twice the SVG's size, for sharp text on screens and in print (`.png`).
    Png,
}

impl ChartFormat {
    /// The format a file's extension asks for: `.svg` or `.png`, in any case.
    pub fn from_path(path: &Path) -> Result<ChartFormat, ChartError> {
        let ext = path.extension().and_then(|e| e.to_str());
        match ext.map(str::to_ascii_lowercase).as_deref() {
            Some("svg") => Ok(ChartFormat::Svg),
            Some("png") => Ok(ChartFormat::Png),
            _ => Err(ChartError::Extension(path.display().to_string())),
        }
    }
}

/// Why there is no chart.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum ChartError {
    /// The file name asks for a format other than SVG or PNG.
    #[error("{}", crate::t!("compare-chart-bad-format", file = .0.as_str()))]
    Extension(String),
    /// The drawing or the encoding failed.
    #[error("{}", crate::t!("compare-chart-cannot-draw", reason = .0.as_str()))]
    Draw(String),
}

/// The chart of a comparison in the given format, as the bytes of the file.
///
/// ```
/// use orgplan::chart::{render, ChartFormat};
/// use orgplan::compare::compare;
/// use orgplan::model::load_scenario;
///
/// let s = load_scenario("scenarios/hoa-phu.ron".as_ref()).unwrap().value;
/// let c = compare(&[("hoa-phu".to_string(), s)]).unwrap();
/// let svg = String::from_utf8(render(&c, ChartFormat::Svg).unwrap()).unwrap();
/// assert!(svg.contains("Biên chế và định mức theo phương án"));
/// ```
pub fn render(cmp: &Comparison, format: ChartFormat) -> Result<Vec<u8>, ChartError> {
    match format {
        ChartFormat::Svg => svg(cmp).map(String::into_bytes),
        ChartFormat::Png => png(cmp),
    }
}

/// The chart as SVG text.
pub fn svg(cmp: &Comparison) -> Result<String, ChartError> {
    let data = Data::of(cmp);
    let layout = Layout::new(&data, ChartFormat::Svg)?;
    let mut text = String::new();
    {
        let root = SVGBackend::with_string(&mut text, layout.size).into_drawing_area();
        draw(&root, &data, &layout).map_err(draw_error)?;
        root.present().map_err(draw_error)?;
    }
    Ok(text)
}

/// The chart as PNG bytes (8-bit RGB).
pub fn png(cmp: &Comparison) -> Result<Vec<u8>, ChartError> {
    let data = Data::of(cmp);
    let layout = Layout::new(&data, ChartFormat::Png)?;
    let (w, h) = layout.size;
    let mut pixels = vec![0u8; w as usize * h as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, layout.size).into_drawing_area();
        draw(&root, &data, &layout).map_err(draw_error)?;
        root.present().map_err(draw_error)?;
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(draw_error)?;
    writer.write_image_data(&pixels).map_err(draw_error)?;
    writer.finish().map_err(draw_error)?;
    Ok(out)
}

fn draw_error(e: impl std::fmt::Display) -> ChartError {
    ChartError::Draw(e.to_string())
}

/// Registers the embedded font once, under [`FONT_FAMILY`] and as the generic `sans-serif`
/// that plotters falls back to.
fn fonts() -> Result<(), ChartError> {
    static DONE: OnceLock<bool> = OnceLock::new();
    let ok = *DONE.get_or_init(|| {
        [FONT_FAMILY, "sans-serif"].iter().all(|family| {
            plotters::style::register_font(family, FontStyle::Normal, FONT_REGULAR).is_ok()
                && plotters::style::register_font(family, FontStyle::Bold, FONT_BOLD).is_ok()
        })
    });
    if ok {
        Ok(())
    } else {
        Err(ChartError::Draw(crate::t!("compare-chart-font")))
    }
}

/// What the chart shows of one scenario.
struct Column {
    label: String,
    /// The people measures in the order of [`PEOPLE`]; `None` without a plan.
    people: Option<[Option<u64>; 5]>,
    /// The cost now, then each roadmap year, in đồng; `None` without a plan.
    costs: Option<Vec<Option<u64>>>,
}

/// The figures the chart draws, read from the comparison's rows by name.
struct Data {
    columns: Vec<Column>,
    /// Roadmap years, the longest transition of the scenarios.
    years: usize,
}

impl Data {
    fn of(cmp: &Comparison) -> Data {
        let years = (1..)
            .take_while(|&y| cmp.row(&measure::release_cost(y)).is_some())
            .count();
        let cell = |name: &str, i: usize| match cmp.row(name).and_then(|r| r.values.get(i)) {
            Some(Value::Count(n) | Value::Vnd(n)) => Some(*n),
            _ => None,
        };
        let columns = cmp
            .scenarios
            .iter()
            .enumerate()
            .map(|(i, label)| {
                // Every measure of the plan reads `infeasible` together.
                let planned = cmp
                    .row(measure::PLACED)
                    .and_then(|r| r.values.get(i))
                    .is_some_and(|v| *v != Value::Infeasible);
                let people = PEOPLE.map(|(name, _, _)| cell(name, i));
                let costs = std::iter::once(cell(measure::SURPLUS_COST_NOW, i))
                    .chain((1..=years).map(|y| cell(&measure::release_cost(y), i)))
                    .collect();
                Column {
                    label: clean(label),
                    people: planned.then_some(people),
                    costs: planned.then_some(costs),
                }
            })
            .collect();
        Data { columns, years }
    }

    /// The largest cost, in đồng.
    fn max_cost(&self) -> u64 {
        let costs = self.columns.iter().filter_map(|c| c.costs.as_ref());
        costs.flatten().flatten().copied().max().unwrap_or(0)
    }

    fn max_people(&self) -> u64 {
        let people = self.columns.iter().filter_map(|c| c.people.as_ref());
        people.flatten().flatten().copied().max().unwrap_or(0)
    }
}

/// A label as drawn: NFC (the embedded font has precomposed Vietnamese letters, and plotters
/// places each character on its own), without control characters.
fn clean(s: &str) -> String {
    s.nfc().filter(|c| !c.is_control()).collect()
}

/// The unit of the cost panel: đồng, millions or billions, by the largest cost.
fn cost_unit(max: u64) -> (f64, String) {
    match max {
        1_000_000_000.. => (1e9, crate::t!("compare-chart-billion-dong")),
        1_000_000.. => (1e6, crate::t!("compare-chart-million-dong")),
        _ => (1.0, crate::t!("compare-unit-dong")),
    }
}

/// A number (≥ 0) in the reader's convention (`1.234.567`, `11,66` in Vietnamese).
fn number(v: f64, decimals: usize) -> String {
    crate::i18n::fmt::decimal(v.max(0.0), decimals)
}

/// An axis tick: as few decimals as show it exactly (up to two).
fn tick(v: f64) -> String {
    let decimals = (0..2)
        .find(|&d| {
            let f = 10f64.powi(d as i32);
            ((v * f).round() - v * f).abs() < 1e-6
        })
        .unwrap_or(2);
    number(v, decimals)
}

/// A cost at the end of its bar: three significant digits or more.
fn cost_label(v: f64) -> String {
    let decimals = match v {
        v if v >= 100.0 => 0,
        v if v >= 10.0 => 1,
        _ => 2,
    };
    number(v, decimals)
}

/// The colour of roadmap year `year` (from 1) of `years`.
fn year_colour(year: usize, years: usize) -> RGBColor {
    let t = if years > 1 {
        (year - 1) as f64 / (years - 1) as f64
    } else {
        0.0
    };
    let (a, b) = COST_YEARS;
    let mix = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

fn font(size: f64, style: FontStyle) -> FontDesc<'static> {
    FontDesc::new(FontFamily::Name(FONT_FAMILY), size, style)
}

/// How much wider a viewer draws SVG text than plotters measures it. plotters sizes a font by
/// its full height (ascender to descender: 1,362 units in Noto Sans's 1,000-unit em) when it
/// measures and draws a bitmap, but writes `font-size` as that size ÷ 1.24 into SVG.
const SVG_TEXT_WIDTH: f64 = 1362.0 / 1240.0;

/// The width of a text in pixels as an SVG viewer draws it; the bitmap's is a little narrower.
/// Both formats lay out with this width, so a PNG is the SVG at twice the size.
fn width(text: &str, f: &FontDesc) -> Result<i32, ChartError> {
    let (w, _) = f.box_size(text).map_err(draw_error)?;
    Ok((f64::from(w) * SVG_TEXT_WIDTH).ceil() as i32)
}

/// Splits a text into at most `MAX_LINES` lines no wider than `max` pixels, breaking after a
/// space, hyphen, underscore, comma or slash (file stems have no spaces); what does not fit is
/// cut with an ellipsis.
fn wrap(text: &str, f: &FontDesc, max: i32) -> Result<Vec<String>, ChartError> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in text.chars() {
        piece.push(c);
        if matches!(c, ' ' | '-' | '_' | ',' | '/') {
            pieces.push(std::mem::take(&mut piece));
        }
    }
    pieces.push(piece);
    let mut lines: Vec<String> = vec![String::new()];
    for piece in pieces {
        let line = lines.last_mut().expect("a line");
        let joined = format!("{line}{piece}");
        if line.is_empty() || width(joined.trim_end(), f)? <= max {
            *line = joined;
        } else {
            lines.push(piece);
        }
    }
    let cut = lines.len() > MAX_LINES;
    lines.truncate(MAX_LINES);
    for (i, line) in lines.iter_mut().enumerate() {
        let mut l = line.trim().to_string();
        let last = i + 1 == MAX_LINES;
        if (cut && last) || width(&l, f)? > max {
            l.push('…');
            while width(&l, f)? > max && l.chars().count() > 1 {
                l.pop();
                l.pop();
                l.push('…');
            }
        }
        *line = l;
    }
    Ok(lines)
}

/// Where everything goes, in pixels of the output (logical sizes times the scale).
struct Layout {
    scale: f64,
    size: (u32, u32),
    /// Each scenario's label, in lines.
    labels: Vec<Vec<String>>,
    /// The legends' lines: (colour, text, x offset within the panel) per item.
    legends: [Vec<Vec<(RGBColor, String, i32)>>; 2],
    /// Left edge of the labels, of the people panel and of the cost panel; their width.
    label_x: i32,
    panel_x: [i32; 2],
    panel_w: i32,
    /// The top of the panels' headings, of the plots; the height of one scenario's row.
    heading_y: i32,
    plot_y: i32,
    row_h: i32,
    /// The height of a bar within a row, and of the space above the first bar.
    bar_h: i32,
    bar_pad: i32,
    footnotes: Vec<String>,
    footnote_y: i32,
    cost_unit: (f64, String),
    /// Added to the y of text centred on a point: plotters centres bitmap text on its layout
    /// box, which puts the letters a little high; a viewer centres SVG text on its x-height.
    nudge: i32,
}

const WIDTH: f64 = 1280.0;
const MARGIN: f64 = 24.0;
const LABEL_MAX: f64 = 280.0;
const MAX_LINES: usize = 3;
const GAP: f64 = 36.0;
const AXIS_H: f64 = 46.0;
const TITLE_SIZE: f64 = 28.0;
const HEADING_SIZE: f64 = 20.0;
const TEXT: f64 = 17.0;
const SMALL: f64 = 15.0;
const LINE: f64 = 23.0;
/// The tops of the subtitle and of the panels' headings, from the top of the picture; of the
/// legends, below the headings.
const SUBTITLE_Y: f64 = MARGIN + 38.0;
const HEADING_Y: f64 = SUBTITLE_Y + 48.0;
const LEGEND_DY: f64 = 36.0;

impl Layout {
    fn new(data: &Data, format: ChartFormat) -> Result<Layout, ChartError> {
        fonts()?;
        // The bitmap at twice the size, for sharp text on screens and in print.
        let scale = match format {
            ChartFormat::Svg => 1.0,
            ChartFormat::Png => 2.0,
        };
        let px = |v: f64| (v * scale).round() as i32;
        let label_font = font(TEXT * scale, FontStyle::Normal);
        let small = font(SMALL * scale, FontStyle::Normal);
        let mut labels = Vec::new();
        for c in &data.columns {
            labels.push(wrap(&c.label, &label_font, px(LABEL_MAX))?);
        }
        let label_w = labels
            .iter()
            .flatten()
            .map(|l| width(l, &label_font))
            .try_fold(0, |m, w| w.map(|w| m.max(w)))?;
        let label_x = px(MARGIN);
        let panels_x = label_x + label_w + px(GAP / 2.0);
        let panel_w = (px(WIDTH - MARGIN) - panels_x - px(GAP)) / 2;
        let panel_x = [panels_x, panels_x + panel_w + px(GAP)];

        let cost_unit = cost_unit(data.max_cost());
        let people: Vec<(RGBColor, String)> = PEOPLE
            .iter()
            .map(|(_, key, colour)| (*colour, crate::t!(key)))
            .collect();
        let costs: Vec<(RGBColor, String)> =
            std::iter::once((COST_NOW, crate::t!("compare-chart-now")))
                .chain((1..=data.years).map(|y| {
                    (
                        year_colour(y, data.years),
                        crate::t!("compare-chart-year", year = y),
                    )
                }))
                .collect();
        let legend = |items: Vec<(RGBColor, String)>| -> Result<Vec<Vec<_>>, ChartError> {
            let mut lines: Vec<Vec<(RGBColor, String, i32)>> = vec![Vec::new()];
            let mut x = 0;
            for (colour, text) in items {
                let w = px(18.0) + width(&text, &small)? + px(18.0);
                if x > 0 && x + w > panel_w {
                    lines.push(Vec::new());
                    x = 0;
                }
                lines.last_mut().expect("a line").push((colour, text, x));
                x += w;
            }
            Ok(lines)
        };
        let legends = [legend(people)?, legend(costs)?];
        let legend_lines = legends[0].len().max(legends[1].len()) as f64;

        let heading_y = px(HEADING_Y);
        let plot_y = heading_y + px(LEGEND_DY + legend_lines * LINE + 10.0);
        let bars = PEOPLE.len().max(1 + data.years) as i32;
        let bar_h = px(if data.columns.len() <= 4 { 20.0 } else { 15.0 });
        let bar_pad = px(8.0);
        let lines = labels.iter().map(Vec::len).max().unwrap_or(1) as f64;
        let row_h = (bars * bar_h + 2 * bar_pad).max(px(lines * LINE + 12.0));

        let mut footnotes = vec![crate::t!("compare-chart-footnote-cost")];
        if data.columns.iter().any(|c| c.people.is_none()) {
            footnotes.push(crate::t!("compare-chart-footnote-no-plan"));
        }
        let mut wrapped = Vec::new();
        for f in &footnotes {
            wrapped.extend(wrap(f, &small, px(WIDTH - 2.0 * MARGIN))?);
        }
        let n = data.columns.len() as i32;
        let footnote_y = plot_y + n * row_h + px(AXIS_H + 12.0);
        let height = footnote_y + px(wrapped.len() as f64 * LINE + MARGIN);
        Ok(Layout {
            scale,
            size: (px(WIDTH) as u32, height as u32),
            labels,
            legends,
            label_x,
            panel_x,
            panel_w,
            heading_y,
            plot_y,
            row_h,
            bar_h,
            bar_pad,
            footnotes: wrapped,
            footnote_y,
            cost_unit,
            nudge: match format {
                ChartFormat::Svg => 0,
                ChartFormat::Png => px(2.0),
            },
        })
    }

    fn px(&self, v: f64) -> i32 {
        (v * self.scale).round() as i32
    }

    fn text(&self, size: f64, style: FontStyle, colour: RGBColor) -> TextStyle<'static> {
        font(size * self.scale, style).color(&colour)
    }

    /// Text hanging from its point.
    fn top(&self, style: FontStyle, size: f64, colour: RGBColor) -> TextStyle<'static> {
        self.text(size, style, colour)
            .pos(Pos::new(HPos::Left, VPos::Top))
    }

    /// Text starting at its point, centred on it vertically (add `nudge` to the point's y).
    fn centred(&self, size: f64, colour: RGBColor) -> TextStyle<'static> {
        self.text(size, FontStyle::Normal, colour)
            .pos(Pos::new(HPos::Left, VPos::Center))
    }
}

/// One bar: its colour, its length (none: the measure does not apply) and the figure at its end.
struct Bar {
    colour: RGBColor,
    value: Option<f64>,
    label: String,
}

/// One panel: its heading, the description of its axis, the largest value, and each
/// scenario's bars (`None` without a plan).
struct Panel {
    heading: String,
    axis: String,
    max: f64,
    rows: Vec<Option<Vec<Bar>>>,
}

/// The people panel and the cost panel (costs in `unit` đồng).
fn panels(data: &Data, (unit, unit_name): (f64, &str)) -> [Panel; 2] {
    let people = data.columns.iter().map(|c| {
        c.people.map(|people| {
            PEOPLE
                .iter()
                .zip(people)
                .map(|((_, _, colour), v)| Bar {
                    colour: *colour,
                    value: v.map(|v| v as f64),
                    label: v.map(|v| number(v as f64, 0)).unwrap_or_default(),
                })
                .collect()
        })
    });
    let costs = data.columns.iter().map(|c| {
        c.costs.as_ref().map(|costs| {
            costs
                .iter()
                .enumerate()
                .map(|(k, v)| {
                    let value = v.map(|v| v as f64 / unit);
                    Bar {
                        colour: match k {
                            0 => COST_NOW,
                            _ => year_colour(k, data.years),
                        },
                        value,
                        label: value.map(cost_label).unwrap_or_default(),
                    }
                })
                .collect()
        })
    });
    [
        Panel {
            heading: crate::t!("compare-chart-people-heading"),
            axis: crate::t!("compare-chart-people-axis"),
            max: data.max_people().max(1) as f64,
            rows: people.collect(),
        },
        Panel {
            heading: crate::t!("compare-chart-cost-heading", unit = unit_name),
            axis: unit_name.to_string(),
            max: (data.max_cost() as f64 / unit).max(1.0),
            rows: costs.collect(),
        },
    ]
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &Data,
    l: &Layout,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    let x0 = l.px(MARGIN);
    root.draw_text(
        &title(),
        &l.top(FontStyle::Bold, TITLE_SIZE, INK),
        (x0, l.px(MARGIN)),
    )?;
    let subtitle = crate::t!("compare-chart-subtitle", n = data.columns.len());
    root.draw_text(
        &subtitle,
        &l.top(FontStyle::Normal, TEXT, MUTED),
        (x0, l.px(SUBTITLE_Y)),
    )?;

    // Rows: shaded every other one, across the labels and both panels.
    let right = l.size.0 as i32 - x0;
    for (i, lines) in l.labels.iter().enumerate() {
        let y = l.plot_y + i as i32 * l.row_h;
        if i % 2 == 0 {
            root.draw(&Rectangle::new(
                [(x0 - l.px(8.0), y), (right + l.px(8.0), y + l.row_h)],
                SHADE.filled(),
            ))?;
        }
        let line_h = l.px(LINE);
        let first = y + (l.row_h - lines.len() as i32 * line_h) / 2 + line_h / 2;
        for (k, line) in lines.iter().enumerate() {
            root.draw_text(
                line,
                &l.centred(TEXT, INK),
                (l.label_x, first + k as i32 * line_h + l.nudge),
            )?;
        }
    }

    for (p, panel) in panels(data, (l.cost_unit.0, &l.cost_unit.1))
        .iter()
        .enumerate()
    {
        draw_panel(root, l, p, panel)?;
    }

    for (k, line) in l.footnotes.iter().enumerate() {
        root.draw_text(
            line,
            &l.top(FontStyle::Normal, SMALL, MUTED),
            (x0, l.footnote_y + k as i32 * l.px(LINE)),
        )?;
    }
    Ok(())
}

/// Panel `p`: heading, legend, axis and bars.
fn draw_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    l: &Layout,
    p: usize,
    panel: &Panel,
) -> DrawResult<DB> {
    let x = l.panel_x[p];
    root.draw_text(
        &panel.heading,
        &l.top(FontStyle::Bold, HEADING_SIZE, INK),
        (x, l.heading_y),
    )?;
    let swatch = l.px(14.0);
    for (k, line) in l.legends[p].iter().enumerate() {
        let y = l.heading_y + l.px(LEGEND_DY) + k as i32 * l.px(LINE) + l.px(3.0);
        for (colour, text, dx) in line {
            root.draw(&Rectangle::new(
                [(x + dx, y), (x + dx + swatch, y + swatch)],
                colour.filled(),
            ))?;
            root.draw_text(
                text,
                &l.centred(SMALL, INK),
                (x + dx + l.px(18.0), y + swatch / 2 + l.nudge),
            )?;
        }
    }

    let n = panel.rows.len();
    let area = root.clone().shrink(
        (x, l.plot_y),
        (l.panel_w, n as i32 * l.row_h + l.px(AXIS_H)),
    );
    let mut chart = ChartBuilder::on(&area)
        .x_label_area_size(l.px(AXIS_H))
        .margin_right(l.px(16.0))
        // Room after the longest bar for its figure.
        .build_cartesian_2d(0f64..panel.max * 1.14, 0f64..n as f64)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .x_labels(6)
        .x_label_formatter(&|v| tick(*v))
        .x_desc(panel.axis.as_str())
        .label_style(l.text(SMALL, FontStyle::Normal, MUTED))
        .axis_desc_style(l.text(SMALL, FontStyle::Normal, MUTED))
        .axis_style(GRID)
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .draw()?;

    // Row i spans y ∈ [n − i − 1, n − i]; its bars go down from its top.
    let per_px = 1.0 / f64::from(l.row_h);
    for (i, bars) in panel.rows.iter().enumerate() {
        let row_top = (n - i) as f64;
        let Some(bars) = bars else {
            chart.draw_series(std::iter::once(
                EmptyElement::at((0.0, row_top - 0.5))
                    + Text::new(
                        crate::t!("compare-chart-no-plan"),
                        (l.px(10.0), l.nudge),
                        l.centred(TEXT, MUTED),
                    ),
            ))?;
            continue;
        };
        for (k, bar) in bars.iter().enumerate() {
            let Some(v) = bar.value else { continue };
            let y1 = row_top - f64::from(l.bar_pad + k as i32 * l.bar_h) * per_px;
            let y0 = y1 - f64::from(l.bar_h) * 0.82 * per_px;
            chart.draw_series(std::iter::once(Rectangle::new(
                [(0.0, y0), (v, y1)],
                bar.colour.filled(),
            )))?;
            chart.draw_series(std::iter::once(
                EmptyElement::at((v, (y0 + y1) / 2.0))
                    + Text::new(
                        bar.label.clone(),
                        (l.px(4.0), l.nudge),
                        l.centred(SMALL, INK),
                    ),
            ))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_the_vietnamese_way() {
        assert_eq!(number(1234567.0, 0), "1.234.567");
        assert_eq!(number(11.6639, 2), "11,66");
        assert_eq!(number(0.0, 0), "0");
        assert_eq!(tick(2.5), "2,5");
        assert_eq!(tick(20.0), "20");
        assert_eq!(cost_label(19.8144), "19,8");
        assert_eq!(cost_label(8.8087), "8,81");
    }

    #[test]
    fn costs_take_the_unit_of_the_largest() {
        assert_eq!(cost_unit(19_814_413_320).1, "tỷ đồng");
        assert_eq!(cost_unit(232_830_000).1, "triệu đồng");
        assert_eq!(cost_unit(0).1, "đồng");
    }

    #[test]
    fn labels_are_nfc_without_control_characters() {
        assert_eq!(clean("Hoa\u{300} Phu\u{301}\u{7}"), "Hoà Phú");
    }

    #[test]
    fn the_extension_names_the_format() {
        assert_eq!(
            ChartFormat::from_path(Path::new("a/b.SVG")).unwrap(),
            ChartFormat::Svg
        );
        assert_eq!(
            ChartFormat::from_path(Path::new("b.png")).unwrap(),
            ChartFormat::Png
        );
        assert!(ChartFormat::from_path(Path::new("b.jpg")).is_err());
        assert!(ChartFormat::from_path(Path::new("b")).is_err());
    }
}
