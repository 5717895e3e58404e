//! The tenants file: one row per tenant, its columns profile fields by their key paths
//! (`tenant.sid`, `ixnService.ixnServer.db.name`, `deploy.namespace`), as CSV or YAML.
//! Every cell keeps where it was read, so a message can say file, line and column.

use crate::model::{context_field, ContextDef};
use crate::registry::{key, FieldKind, KeyDef};
use crate::yaml::{read_yaml, Limits, Node};
use yaml_rust2::parser::{Event, Parser};

/// A place in the tenants file; line and column are 1-based (the column counts
/// characters, as editors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// Line.
    pub line: usize,
    /// Column.
    pub column: usize,
}

/// What a column sets.
#[derive(Debug, Clone, Copy)]
pub enum Field {
    /// A values key of the registry.
    Key(&'static KeyDef),
    /// A deployment-context field (`deploy.namespace`, `redis.servername`, …).
    Context(&'static ContextDef),
    /// The row's own values file ([`VALUES_COLUMN`]): a path, relative to the tenants
    /// file, of a values file read over the base before the row's other cells, for what
    /// a cell cannot carry (lists, mappings, keys the registry does not know).
    Values,
}

/// The column that names a row's own values file (see [`Field::Values`]).
pub const VALUES_COLUMN: &str = "values";

impl Field {
    /// The field with this name: a registry key path or a context field name.
    pub fn named(name: &str) -> Option<Field> {
        if name == VALUES_COLUMN {
            return Some(Field::Values);
        }
        key(name).map(Field::Key).or_else(|| context_field(name).map(Field::Context))
    }

    /// Its name, as the column header says it.
    pub fn name(&self) -> &'static str {
        match self {
            Field::Key(k) => k.path,
            Field::Context(c) => c.name,
            Field::Values => VALUES_COLUMN,
        }
    }

    /// The field as a finding's location.
    pub fn location(&self) -> crate::validate::Location {
        match *self {
            Field::Key(k) => k.into(),
            Field::Context(c) => c.into(),
            Field::Values => crate::validate::Location::ChartKey(VALUES_COLUMN.into()),
        }
    }

    /// Whether it holds a credential.
    pub fn secret(&self) -> bool {
        match self {
            Field::Key(k) => k.secret(),
            Field::Context(c) => c.kind == FieldKind::Secret,
            Field::Values => false,
        }
    }
}

/// One column.
#[derive(Debug, Clone)]
pub struct Column {
    /// The field it sets.
    pub field: Field,
    /// Where its header is (CSV) or where it first appears (YAML).
    pub at: Pos,
}

/// A cell as read: CSV gives text (read like the form's field), YAML a node (read like
/// a values file, with Helm's YAML 1.1 rules).
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    /// CSV text.
    Text(String),
    /// A YAML node.
    Node(Node),
}

/// One cell of a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Index into [`Tenants::columns`].
    pub column: usize,
    /// What it holds.
    pub value: CellValue,
    /// Where.
    pub at: Pos,
}

/// One row: one tenant.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based, counting tenants (not lines).
    pub number: usize,
    /// Where it starts.
    pub at: Pos,
    /// Its non-empty cells (an empty CSV cell keeps the base profile's value).
    pub cells: Vec<Cell>,
}

/// A tenants file, read.
#[derive(Debug, Clone)]
pub struct Tenants {
    /// The file's name, for messages.
    pub file: String,
    /// The columns, in file order.
    pub columns: Vec<Column>,
    /// The rows.
    pub rows: Vec<Row>,
}

/// Why a tenants file cannot be used at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenantsError {
    /// The file.
    pub file: String,
    /// Where, when known.
    pub at: Option<Pos>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for TenantsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.at {
            Some(p) => write!(f, "{}:{}:{}: {}", self.file, p.line, p.column, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for TenantsError {}

/// The most rows a tenants file may hold.
pub const MAX_ROWS: usize = 100_000;

/// The limits a YAML tenants file is read under (much larger than one values file).
const YAML_LIMITS: Limits = Limits { max_bytes: 64 * 1024 * 1024, max_depth: 40, max_nodes: 4_000_000 };

/// The format of a tenants file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated, a header row of key paths.
    Csv,
    /// A list of mappings of key path → value (or `tenants:` holding that list).
    Yaml,
}

impl Format {
    /// The format a file name says (`.yaml`, `.yml`, `.json` are YAML), else what the
    /// text looks like.
    pub fn guess(name: &str, text: &str) -> Format {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".csv") {
            return Format::Csv;
        }
        if [".yaml", ".yml", ".json"].iter().any(|e| lower.ends_with(e)) {
            return Format::Yaml;
        }
        let first = text.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with('#')).unwrap_or("");
        if first.starts_with('-') || first.starts_with('[') || first.starts_with('{') || first.starts_with("tenants:") {
            Format::Yaml
        } else {
            Format::Csv
        }
    }
}

impl Tenants {
    /// Reads a tenants file, choosing CSV or YAML by [`Format::guess`].
    pub fn parse(file: &str, text: &str) -> Result<Tenants, TenantsError> {
        match Format::guess(file, text) {
            Format::Csv => Tenants::parse_csv(file, text),
            Format::Yaml => Tenants::parse_yaml(file, text),
        }
    }

    fn error(file: &str, at: Option<Pos>, message: impl Into<String>) -> TenantsError {
        TenantsError { file: file.to_string(), at, message: message.into() }
    }

    /// The column for `name` (added if new), or why a column of that name cannot be.
    fn column(&mut self, name: &str, at: Pos, new_only: bool) -> Result<usize, TenantsError> {
        let name = name.trim();
        if let Some(i) = self.columns.iter().position(|c| c.field.name() == name) {
            if new_only {
                return Err(Tenants::error(&self.file, Some(at), format!("column {name} appears twice")));
            }
            return Ok(i);
        }
        let field = Field::named(name).ok_or_else(|| {
            let segs: Vec<String> = name.split('.').map(str::to_string).collect();
            let (parent, last) = segs.split_at(segs.len().saturating_sub(1));
            let hint = last
                .first()
                .and_then(|l| crate::import::suggest(parent, l))
                .map(|s| {
                    let mut p = parent.join(".");
                    if !p.is_empty() {
                        p.push('.');
                    }
                    format!("; did you mean {p}{s}?")
                })
                .unwrap_or_default();
            Tenants::error(&self.file, Some(at), format!("{name:?} is not a field of the portal (a values key path or a deployment field such as deploy.namespace){hint}"))
        })?;
        if field.secret() {
            return Err(Tenants::error(
                &self.file,
                Some(at),
                format!("{name} is a credential; secrets never go in the tenants file: give them with --secrets-env or --secrets-file"),
            ));
        }
        self.columns.push(Column { field, at });
        Ok(self.columns.len() - 1)
    }

    fn check_rows(self) -> Result<Tenants, TenantsError> {
        if self.rows.is_empty() {
            return Err(Tenants::error(&self.file, None, "no tenants: the file has no rows"));
        }
        if self.rows.len() > MAX_ROWS {
            return Err(Tenants::error(&self.file, None, format!("{} rows; the limit is {MAX_ROWS}", self.rows.len())));
        }
        Ok(self)
    }

    /// Reads CSV: a header row of field names, then one row per tenant. Lines starting
    /// with `#` are comments; an empty cell keeps the base profile's value.
    pub fn parse_csv(file: &str, text: &str) -> Result<Tenants, TenantsError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut out = Tenants { file: file.to_string(), columns: Vec::new(), rows: Vec::new() };
        let mut header: Option<Vec<usize>> = None;
        // Records are found here (csv's own positions skip comments and blank lines
        // wrongly), then each is read by csv.
        let records = records(text).map_err(|(at, message)| Tenants::error(file, Some(at), message))?;
        for (byte, end, line) in records {
            let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(&text.as_bytes()[byte..end]);
            let mut record = csv::StringRecord::new();
            match reader.read_record(&mut record) {
                Ok(_) => {}
                Err(e) => {
                    let message = match e.kind() {
                        csv::ErrorKind::Utf8 { .. } => "not UTF-8 text".to_string(),
                        _ => e.to_string(),
                    };
                    return Err(Tenants::error(file, Some(Pos { line, column: 1 }), message));
                }
            }
            let starts = field_starts(text, byte, line, record.len());
            let at = |i: usize| starts.get(i).copied().unwrap_or(Pos { line, column: 1 });
            if let Some(expected) = header.as_ref().map(Vec::len).filter(|&n| n != record.len()) {
                return Err(Tenants::error(
                    file,
                    Some(Pos { line, column: 1 }),
                    format!("this row has {} cells where the header has {expected}", record.len()),
                ));
            }
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            match &header {
                None => {
                    let mut cols = Vec::new();
                    for (i, name) in record.iter().enumerate() {
                        if name.trim().is_empty() {
                            return Err(Tenants::error(file, Some(at(i)), format!("column {} has no name", i + 1)));
                        }
                        cols.push(out.column(name, at(i), true)?);
                    }
                    header = Some(cols);
                }
                Some(cols) => {
                    let number = out.rows.len() + 1;
                    let cells = record
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| !c.is_empty())
                        .map(|(i, c)| Cell { column: cols[i], value: CellValue::Text(c.to_string()), at: at(i) })
                        .collect();
                    out.rows.push(Row { number, at: at(0), cells });
                }
            }
        }
        if header.is_none() {
            return Err(Tenants::error(
                file,
                None,
                "empty: a header row of field names comes first (e.g. tenant.sid,tenant.id,deploy.namespace)",
            ));
        }
        out.check_rows()
    }

    /// Reads YAML: a list of mappings (or a mapping whose `tenants` key holds one), each
    /// of field name → value, read as Helm reads values.
    pub fn parse_yaml(file: &str, text: &str) -> Result<Tenants, TenantsError> {
        let node = read_yaml(text, YAML_LIMITS).map_err(|e| {
            let at = e.line.map(|line| Pos { line, column: e.column.unwrap_or(1) });
            Tenants::error(file, at, e.message)
        })?;
        let marks = row_marks(text.strip_prefix('\u{feff}').unwrap_or(text));
        let items = match &node {
            Node::Seq(items) => items,
            Node::Map(_) => match node.get("tenants") {
                Some(Node::Seq(items)) => items,
                _ => {
                    return Err(Tenants::error(
                        file,
                        None,
                        "a YAML tenants file is a list of tenants, or a mapping whose tenants: key holds that list",
                    ))
                }
            },
            _ => {
                return Err(Tenants::error(
                    file,
                    None,
                    "a YAML tenants file is a list of tenants (mappings of field name to value)",
                ))
            }
        };
        let mut out = Tenants { file: file.to_string(), columns: Vec::new(), rows: Vec::new() };
        for (i, item) in items.iter().enumerate() {
            let mark = marks.get(i);
            let row_at = mark.map_or(Pos::default(), |m| m.0);
            let Node::Map(entries) = item else {
                return Err(Tenants::error(
                    file,
                    Some(row_at),
                    format!("row {} is not a mapping of field name to value", i + 1),
                ));
            };
            // The tree keeps the last of two equal keys (as Helm does with values), so
            // a key given twice is found in the text: it would drop the first silently.
            if let Some(m) = mark {
                let mut seen = std::collections::HashSet::new();
                if let Some((at, _, name)) = m.1.iter().find(|(_, _, name)| !seen.insert(name.trim())) {
                    return Err(Tenants::error(
                        file,
                        Some(*at),
                        format!("row {}: {} appears twice", i + 1, name.trim()),
                    ));
                }
            }
            let mut cells = Vec::new();
            for (j, e) in entries.iter().enumerate() {
                let (key_at, value_at) = mark.and_then(|m| m.1.get(j)).map_or((row_at, row_at), |k| (k.0, k.1));
                let column = out.column(&e.key, key_at, false)?;
                if cells.iter().any(|c: &Cell| c.column == column) {
                    return Err(Tenants::error(file, Some(key_at), format!("row {}: {} appears twice", i + 1, e.key)));
                }
                cells.push(Cell { column, value: CellValue::Node(e.value.clone()), at: value_at });
            }
            out.rows.push(Row { number: i + 1, at: row_at, cells });
        }
        out.check_rows()
    }
}

/// The place of byte `at` of `text` (1-based line and character column).
fn place_of(text: &str, at: usize) -> Pos {
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Pos { line: before.matches('\n').count() + 1, column: before[line_start..].chars().count() + 1 }
}

/// Each CSV record's start and end bytes and its first line, skipping blank lines and
/// `#` comment lines (outside quotes). A quoted cell must close, and its closing quote
/// must end the cell: otherwise the quote would swallow the rows after it, so the
/// error is at the cell whose quote opens.
/// A CSV record: its start and end bytes, and its first line.
type Record = (usize, usize, usize);

fn records(text: &str) -> Result<Vec<Record>, (Pos, String)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let unclosed = |open: usize, why: &str| {
        let at = place_of(text, open);
        (
            at,
            format!(
                "the quote that opens this cell (line {}, column {}) {why}; a cell that holds a quote is written \"…\", \
                 each quote inside doubled (\"\")",
                at.line, at.column
            ),
        )
    };
    while i < bytes.len() {
        let start = i;
        let start_line = line;
        if bytes[i] == b'#' {
            // A comment line: its quotes are text.
            i = text[i..].find('\n').map_or(bytes.len(), |n| i + n + 1);
            line += 1;
            continue;
        }
        // `closed`: a quote just ended a quoted part; another quote right after it is
        // an escaped quote (`""`), and the field is quoted again. `open`: where the
        // quoted field's opening quote is.
        let (mut quoted, mut field_start, mut closed, mut open) = (false, true, false, 0);
        while i < bytes.len() {
            let was_closed = std::mem::take(&mut closed);
            match bytes[i] {
                b'"' if quoted => {
                    quoted = false;
                    closed = true;
                }
                b'"' if was_closed => quoted = true,
                b'"' if field_start => {
                    quoted = true;
                    open = i;
                }
                b',' if !quoted => {
                    field_start = true;
                    i += 1;
                    continue;
                }
                b'\n' => {
                    line += 1;
                    if !quoted {
                        break;
                    }
                }
                // Spaces after a closing quote are the cell's (as csv reads them).
                b' ' | b'\t' if was_closed => closed = true,
                b'\r' if was_closed && bytes.get(i + 1) == Some(&b'\n') => closed = true,
                _ if was_closed => {
                    let next = place_of(text, i);
                    return Err(unclosed(
                        open,
                        &format!(
                            "closes before text at line {}, column {}, not at the end of the cell",
                            next.line, next.column
                        ),
                    ));
                }
                _ => {}
            }
            field_start = false;
            i += 1;
        }
        if quoted {
            return Err(unclosed(open, "is never closed, so every row after it would be read into it"));
        }
        let mut end = i;
        i += 1;
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        let body = &text[start..end];
        if !body.trim().is_empty() && !body.starts_with('#') {
            out.push((start, end, start_line));
        }
    }
    Ok(out)
}

/// Where each field of the CSV record starting at `byte` (on `line`) starts. CSV is
/// simple enough to walk again: a quoted field may hold commas, `""` and line breaks.
fn field_starts(text: &str, byte: usize, line: usize, fields: usize) -> Vec<Pos> {
    let line_start = text[..byte.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let mut column = text[line_start..byte.min(text.len())].chars().count() + 1;
    let mut line = line;
    let mut out = vec![Pos { line, column }];
    let (mut quoted, mut at_start) = (false, true);
    let mut chars = text[byte.min(text.len())..].chars().peekable();
    while let Some(c) = chars.next() {
        if out.len() >= fields {
            break;
        }
        match c {
            '"' if at_start => quoted = true,
            '"' if quoted => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    column += 1;
                } else {
                    quoted = false;
                }
            }
            ',' if !quoted => {
                column += 1;
                out.push(Pos { line, column });
                at_start = true;
                continue;
            }
            '\n' if !quoted => break,
            '\n' => {
                line += 1;
                column = 0;
            }
            _ => {}
        }
        at_start = false;
        column += 1;
    }
    out
}

/// For each row of a YAML tenants file: where it starts, and where each of its keys
/// and values start (in order). The tree reader keeps no places, so this walks the
/// parser's events once more; a file it cannot walk gives no places, never an error.
/// A row's place, and each of its keys' place, value's place and text (as written).
type RowMark = (Pos, Vec<(Pos, Pos, String)>);

fn row_marks(text: &str) -> Vec<RowMark> {
    let mut events = Vec::new();
    let mut parser = Parser::new_from_str(text);
    while let Ok((ev, mark)) = parser.next_token() {
        let end = matches!(ev, Event::StreamEnd);
        events.push((ev, Pos { line: mark.line(), column: mark.col() + 1 }));
        if end || events.len() > 8_000_000 {
            break;
        }
    }
    // The index just past the node starting at `i`.
    fn skip(ev: &[(Event, Pos)], mut i: usize) -> usize {
        let mut depth = 0usize;
        while i < ev.len() {
            match ev[i].0 {
                Event::SequenceStart(..) | Event::MappingStart(..) => depth += 1,
                Event::SequenceEnd | Event::MappingEnd => depth = depth.saturating_sub(1),
                _ => {}
            }
            i += 1;
            if depth == 0 {
                break;
            }
        }
        i
    }
    let mut i = events.iter().position(|(e, _)| matches!(e, Event::DocumentStart)).map_or(events.len(), |i| i + 1);
    if matches!(events.get(i), Some((Event::MappingStart(..), _))) {
        // `tenants:` holding the list.
        i += 1;
        loop {
            match events.get(i) {
                Some((Event::Scalar(k, ..), _)) if k == "tenants" => {
                    i += 1;
                    break;
                }
                Some((Event::MappingEnd, _)) | None => return Vec::new(),
                _ => i = skip(&events, skip(&events, i)),
            }
        }
    }
    if !matches!(events.get(i), Some((Event::SequenceStart(..), _))) {
        return Vec::new();
    }
    i += 1;
    let mut rows = Vec::new();
    while let Some((ev, at)) = events.get(i) {
        match ev {
            Event::SequenceEnd => break,
            Event::MappingStart(..) => {
                let mut keys = Vec::new();
                let mut j = i + 1;
                while let Some((ev, key_at)) = events.get(j) {
                    if matches!(ev, Event::MappingEnd) {
                        break;
                    }
                    let name = if let Event::Scalar(k, ..) = ev { k.clone() } else { String::new() };
                    let v = skip(&events, j);
                    let value_at = events.get(v).map_or(*key_at, |(_, p)| *p);
                    keys.push((*key_at, value_at, name));
                    j = skip(&events, v);
                }
                rows.push((*at, keys));
                i = skip(&events, i);
            }
            _ => {
                rows.push((*at, Vec::new()));
                i = skip(&events, i);
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_know_their_line_and_column() {
        let text = "# tenants\n\ntenant.sid,deploy.namespace,tenant.id\r\n101,t-101,\"a,\"\"b\"\n\"1\n2\",x,y\n";
        let t = Tenants::parse("t.csv", text).unwrap();
        assert_eq!(t.columns.len(), 3);
        assert_eq!(t.columns[1].at, Pos { line: 3, column: 12 });
        let r = &t.rows[0];
        assert_eq!(r.cells[0].at, Pos { line: 4, column: 1 });
        assert_eq!(r.cells[1].at, Pos { line: 4, column: 5 });
        assert_eq!(r.cells[2].at, Pos { line: 4, column: 11 });
        assert_eq!(r.cells[2].value, CellValue::Text("a,\"b".into()));
        let r = &t.rows[1];
        assert_eq!(r.number, 2);
        assert_eq!(r.cells[0].value, CellValue::Text("1\n2".into()));
        assert_eq!(r.cells[1].at, Pos { line: 6, column: 4 });
    }

    #[test]
    fn yaml_rows_know_where_their_keys_and_values_are() {
        let text = "tenants:\n  - tenant.sid: \"101\"\n    deploy.namespace: t-101\n  - tenant.sid: 102\n";
        let t = Tenants::parse("t.yaml", text).unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].cells[1].at, Pos { line: 3, column: 23 });
        assert_eq!(t.rows[1].at.line, 4);
        assert_eq!(t.rows[1].cells[0].at, Pos { line: 4, column: 17 });
    }

    #[test]
    fn bad_files_say_where() {
        let e = Tenants::parse("t.csv", "tenant.sid,tenant.sdi\n1,2\n").unwrap_err();
        assert_eq!(e.to_string(), "t.csv:1:12: \"tenant.sdi\" is not a field of the portal (a values key path or a deployment field such as deploy.namespace); did you mean tenant.sid?");
        let e = Tenants::parse("t.csv", "tenant.sid,deploy.namespace\n1,a\n2\n").unwrap_err();
        assert_eq!(e.to_string(), "t.csv:3:1: this row has 1 cells where the header has 2");
        let e = Tenants::parse("t.csv", "tenant.sid,redis.password\n1,a\n").unwrap_err();
        assert!(e.to_string().starts_with("t.csv:1:12: redis.password is a credential"), "{e}");
        let e = Tenants::parse("t.csv", "tenant.sid,tenant.sid\n1,1\n").unwrap_err();
        assert_eq!(e.to_string(), "t.csv:1:12: column tenant.sid appears twice");
        let e = Tenants::parse("t.yaml", "- tenant.sid: 1\n- [x\n").unwrap_err();
        assert!(e.to_string().starts_with("t.yaml:"), "{e}");
        let e = Tenants::parse("t.csv", "tenant.sid\n").unwrap_err();
        assert_eq!(e.to_string(), "t.csv: no tenants: the file has no rows");
    }

    #[test]
    fn a_quote_that_never_closes_is_an_error_at_its_cell_not_a_swallowed_row() {
        let text = "tenant.sid,ixnService.annotations\n101,\"a: b\n102,x\n103,y\n";
        let e = Tenants::parse("t.csv", text).unwrap_err();
        assert_eq!(e.at, Some(Pos { line: 2, column: 5 }), "{e}");
        assert!(
            e.to_string().starts_with("t.csv:2:5: the quote that opens this cell (line 2, column 5) is never closed"),
            "{e}"
        );
        // A later quote closes it, but text follows the closing quote: the same cell.
        let text = "tenant.sid,ixnService.annotations\n101,\"a: b\n102,\"c\"\n";
        let e = Tenants::parse("t.csv", text).unwrap_err();
        assert_eq!(e.at, Some(Pos { line: 2, column: 5 }), "{e}");
        assert!(e.message.contains("closes before text at line 3, column 6"), "{e}");
        // Quotes that close, escaped quotes, spaces after a quote, CRLF and comments
        // holding a lone quote all still read.
        let text = "# a,\"b\ntenant.sid,ixnService.annotations\r\n101,\"a: \"\"b\"\"\nc: d\" \r\n102,x\n";
        let t = Tenants::parse("t.csv", text).unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].cells[1].value, CellValue::Text("a: \"b\"\nc: d ".into()));
    }

    proptest::proptest! {
        /// Any text reads back from a quoted cell; a quoted cell whose closing quote is
        /// lost is an error at that cell, whatever the rows after it hold.
        #[test]
        fn quoted_cells_read_back_and_an_unclosed_one_is_an_error_at_its_cell(
            // (A cell starting with a line break, a comma or a space would make the
            // damaged file another valid CSV: the quote would close right there.)
            cells in proptest::collection::vec("[^\"\r\u{feff}\n, \t][^\"\r\u{feff}]{0,11}", 2..12),
            broken in 0usize..100,
        ) {
            let quote = |c: &str| format!("\"{}\"", c.replace('"', "\"\""));
            let mut text = String::from("tenant.sid,ixnService.annotations\n");
            let mut opens = Vec::new();
            for (n, pair) in cells.chunks(2).enumerate() {
                text.push_str(&format!("{n},"));
                opens.push(text.len());
                text.push_str(&quote(&pair[0]));
                text.push('\n');
            }
            let t = Tenants::parse("t.csv", &text).unwrap();
            let read: Vec<_> = t.rows.iter().map(|r| r.cells[1].value.clone()).collect();
            let want: Vec<_> = cells.chunks(2).map(|p| CellValue::Text(p[0].clone())).collect();
            proptest::prop_assert_eq!(read, want);
            // Drop one cell's closing quote.
            let k = broken % opens.len();
            let close = opens[k] + quote(&cells[2 * k]).len() - 1;
            let mut damaged = text.clone();
            damaged.remove(close);
            let e = Tenants::parse("t.csv", &damaged).unwrap_err();
            proptest::prop_assert_eq!(e.at, Some(place_of(&damaged, opens[k])), "{}", e);
        }
    }

    #[test]
    fn a_yaml_row_with_a_key_twice_is_an_error_at_the_second() {
        let text = "- tenant.sid: \"101\"\n  deploy.namespace: a\n  \"deploy.namespace\": b\n";
        let e = Tenants::parse("t.yaml", text).unwrap_err();
        assert_eq!(e.to_string(), "t.yaml:3:3: row 1: deploy.namespace appears twice");
        let flow = "tenants: [{tenant.sid: 1}, {tenant.sid: 2, tenant.sid: 3}]\n";
        let e = Tenants::parse("t.yaml", flow).unwrap_err();
        assert_eq!(e.to_string(), "t.yaml:1:44: row 2: tenant.sid appears twice");
    }
}
