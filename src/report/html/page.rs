//! The page's frame: escaping, the document head (inline CSS, the embedded font, the error
//! recorder), tables that render their rows lazily, and the closing script.

use std::fmt::Write as _;

use super::text::{t, tr};

/// Rows a table shows as HTML before any script runs (and prints without script).
pub(crate) const FIRST_PAGE: usize = 200;

const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");
const FONT_REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
const FONT_BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");

/// Text as HTML: `&`, `<`, `>`, `"` and `'` escaped (also safe inside attribute values).
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A string for a CSS `content:` value.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("\\3c "),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// JSON for a `<script type="application/json">` island: `<`, `>` and `&` as `\u` escapes,
/// so no text can close the element.
pub(crate) fn json_island(value: &serde_json::Value) -> String {
    let s = value.to_string();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// A JSON string for an island: quotes, backslashes and control characters escaped as JSON
/// wants, and `<`, `>`, `&` as `\u` escapes so that no text closes the `<script>`.
fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\n' => out.push_str("\\n"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The document up to `<body>`'s first child: title, inline CSS with the font and the print
/// header, and the script that records errors before anything else runs.
pub(crate) fn head(title: &str, running_header: &str) -> String {
    let mut h = String::with_capacity(CSS.len() + 120_000);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"orgplan {version}\">\n<title>{title}</title>\n",
        lang = esc(&t("report-lang")),
        version = env!("CARGO_PKG_VERSION"),
        title = esc(title),
    );
    h.push_str(
        "<script>window.__errors=[];window.addEventListener('error',function(e){window.__errors.push(String(e.message||e))});\
         window.addEventListener('unhandledrejection',function(e){window.__errors.push('unhandled rejection: '+String(e.reason))});</script>\n",
    );
    h.push_str("<style>\n");
    for (weight, font) in [(400, FONT_REGULAR), (700, FONT_BOLD)] {
        let _ = writeln!(
            h,
            "@font-face{{font-family:\"Report Sans\";font-weight:{weight};font-style:normal;\
             src:url(data:font/ttf;base64,{}) format(\"truetype\")}}",
            base64(font)
        );
    }
    h.push_str(CSS);
    let _ = writeln!(
        h,
        "@page{{@top-left{{content:{};font:8pt \"Report Sans\",sans-serif;color:#444}}\
         @bottom-right{{content:{} \" \" counter(page) \"/\" counter(pages);font:8pt \"Report Sans\",sans-serif;color:#444}}}}",
        css_string(running_header),
        css_string(&t("report-page")),
    );
    h.push_str("</style>\n</head>\n<body data-ready=\"0\">\n");
    let _ = writeln!(
        h,
        "<noscript><p class=\"note\">{}</p></noscript>",
        esc(&t("report-js-off"))
    );
    h
}

/// The end of the document: the script, the error list it fills, the ready marker.
pub(crate) fn tail(messages: &serde_json::Value) -> String {
    let mut h = String::new();
    let _ = writeln!(
        h,
        "<section id=\"page-errors\" hidden><h2>{}</h2><ol id=\"page-error-list\"></ol></section>",
        esc(&t("report-errors-title"))
    );
    let _ = writeln!(
        h,
        "<script type=\"application/json\" id=\"page-messages\">{}</script>",
        json_island(messages)
    );
    h.push_str("<script>\n");
    h.push_str(JS);
    h.push_str("</script>\n</body>\n</html>\n");
    h
}

/// The messages the script shows, from the catalogue.
pub(crate) fn script_messages() -> serde_json::Value {
    serde_json::json!({
        "showing": tr("report-showing", &[("shown", "{shown}".into()), ("total", "{total}".into())]),
        "hits": tr("report-chart-hits", &[("n", "{n}".into())]),
    })
}

/// A sort key of a table cell.
#[derive(Debug, Clone)]
pub(crate) enum Key {
    Num(i128),
    Text(String),
}

/// A table column.
pub(crate) struct Col {
    pub label: String,
    pub numeric: bool,
    /// Whether the column can be sorted.
    pub sortable: bool,
}

impl Col {
    pub(crate) fn text(label: String) -> Col {
        Col {
            label,
            numeric: false,
            sortable: true,
        }
    }
    pub(crate) fn num(label: String) -> Col {
        Col {
            label,
            numeric: true,
            sortable: true,
        }
    }
    pub(crate) fn plain(label: String) -> Col {
        Col {
            label,
            numeric: false,
            sortable: false,
        }
    }
}

/// A table whose rows beyond [`FIRST_PAGE`] are rendered by the script (on scroll, on "more",
/// when sorted or filtered, before printing); every row is in its JSON island.
pub(crate) struct LazyTable {
    pub id: String,
    pub caption: String,
    pub cols: Vec<Col>,
    /// The column whose cell is the row's header (`<th scope="row">`).
    pub row_header: Option<usize>,
    /// Each row: the cells as HTML (already escaped) and their sort keys.
    pub rows: Vec<(Vec<String>, Vec<Key>)>,
    /// A last row of totals, kept at the bottom.
    pub foot: Option<Vec<String>>,
}

impl LazyTable {
    pub(crate) fn new(id: &str, caption: String, cols: Vec<Col>) -> LazyTable {
        LazyTable {
            id: id.to_string(),
            caption,
            cols,
            row_header: None,
            rows: Vec::new(),
            foot: None,
        }
    }

    /// Leaves out column `i` (the new unit's column when there is only one new unit).
    pub(crate) fn drop_col(&mut self, i: usize) {
        self.cols.remove(i);
        for (cells, keys) in &mut self.rows {
            cells.remove(i);
            keys.remove(i);
        }
        if let Some(f) = &mut self.foot {
            f.remove(i);
        }
        self.row_header = match self.row_header {
            Some(h) if h == i => None,
            Some(h) if h > i => Some(h - 1),
            h => h,
        };
    }

    fn row_html(&self, h: &mut String, cells: &[String]) {
        h.push_str("<tr>");
        for (i, c) in cells.iter().enumerate() {
            let tag = if Some(i) == self.row_header {
                "th scope=\"row\""
            } else {
                "td"
            };
            let end = if Some(i) == self.row_header {
                "th"
            } else {
                "td"
            };
            let class = if self.cols.get(i).is_some_and(|c| c.numeric) {
                " class=\"n\""
            } else {
                ""
            };
            let _ = write!(h, "<{tag}{class}>{c}</{end}>");
        }
        h.push_str("</tr>\n");
    }

    /// The table as HTML: a toolbar (filter, count, more), the table with its first rows, and
    /// the island with every row when there is anything to sort or page through.
    pub(crate) fn render(&self) -> String {
        let mut h = String::new();
        let lazy = self.rows.len() > 1;
        if lazy {
            let _ = writeln!(
                h,
                "<div class=\"toolbar\" data-for=\"{id}\" hidden><label>{filter} \
                 <input type=\"search\" class=\"filter\" placeholder=\"{hint}\" aria-controls=\"{id}\"></label> \
                 <span class=\"count\" aria-live=\"polite\"></span></div>",
                id = esc(&self.id),
                filter = esc(&t("report-filter")),
                hint = esc(&t("report-filter-hint")),
            );
        }
        let _ = write!(
            h,
            "<div class=\"scroll\"><table id=\"{id}\" class=\"data\"{lazy}>\n<caption>{cap}</caption>\n<thead><tr>",
            id = esc(&self.id),
            lazy = if lazy { " data-lazy=\"1\"" } else { "" },
            cap = esc(&self.caption),
        );
        for (i, c) in self.cols.iter().enumerate() {
            let class = if c.numeric { " class=\"n\"" } else { "" };
            if lazy && c.sortable {
                let _ = write!(
                    h,
                    "<th scope=\"col\"{class} aria-sort=\"none\"><button type=\"button\" class=\"sort\" data-col=\"{i}\" title=\"{title}\">{label}</button></th>",
                    title = esc(&t("report-sort")),
                    label = esc(&c.label),
                );
            } else {
                let _ = write!(h, "<th scope=\"col\"{class}>{}</th>", esc(&c.label));
            }
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for (cells, _) in self.rows.iter().take(FIRST_PAGE) {
            self.row_html(&mut h, cells);
        }
        h.push_str("</tbody>\n");
        if let Some(foot) = &self.foot {
            h.push_str("<tfoot>");
            self.row_html(&mut h, foot);
            h.push_str("</tfoot>\n");
        }
        h.push_str("</table></div>\n");
        if lazy {
            let _ = writeln!(
                h,
                "<p class=\"more-bar\" data-for=\"{id}\" hidden><button type=\"button\" class=\"more\">{more}</button></p>",
                id = esc(&self.id),
                more = esc(&t("report-more")),
            );
            // Written by hand rather than through `serde_json::Value`: a province's tables
            // hold tens of thousands of cells.
            let mut data = String::with_capacity(self.rows.len() * 256);
            let _ = write!(
                data,
                "{{\"header\":{},\"numeric\":[{}],\"first\":{},\"rows\":[",
                self.row_header
                    .map_or("null".to_string(), |h| h.to_string()),
                self.cols
                    .iter()
                    .map(|c| if c.numeric { "true" } else { "false" })
                    .collect::<Vec<_>>()
                    .join(","),
                FIRST_PAGE.min(self.rows.len()),
            );
            for (i, (cells, _)) in self.rows.iter().enumerate() {
                data.push_str(if i == 0 { "[" } else { ",[" });
                for (j, c) in cells.iter().enumerate() {
                    if j > 0 {
                        data.push(',');
                    }
                    json_str(&mut data, c);
                }
                data.push(']');
            }
            data.push_str("],\"keys\":[");
            for (i, (_, keys)) in self.rows.iter().enumerate() {
                data.push_str(if i == 0 { "[" } else { ",[" });
                for (j, k) in keys.iter().enumerate() {
                    if j > 0 {
                        data.push(',');
                    }
                    match k {
                        Key::Num(n) => {
                            let _ = write!(data, "{n}");
                        }
                        Key::Text(s) => json_str(&mut data, s),
                    }
                }
                data.push(']');
            }
            data.push_str("]}");
            let _ = writeln!(
                h,
                "<script type=\"application/json\" id=\"{}-data\">{data}</script>",
                esc(&self.id),
            );
        }
        h
    }
}

/// A section with its heading, for the table of contents.
pub(crate) fn section_start(h: &mut String, id: &str, title: &str) {
    let _ = writeln!(
        h,
        "<section id=\"{id}\" aria-labelledby=\"{id}-h\">\n<h2 id=\"{id}-h\">{}</h2>",
        esc(title)
    );
}

/// The table of contents.
pub(crate) fn contents(h: &mut String, sections: &[(&str, String)]) {
    let _ = write!(
        h,
        "<nav aria-label=\"{0}\" class=\"toc\"><h2>{0}</h2><ol>",
        esc(&t("report-contents"))
    );
    for (id, title) in sections {
        let _ = write!(h, "<li><a href=\"#{id}\">{}</a></li>", esc(title));
    }
    h.push_str("</ol></nav>\n");
}
