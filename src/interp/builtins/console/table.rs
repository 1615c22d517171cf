//! `console.table(data, properties)`: one row per own key of `data` (or
//! Map/Set entry), one column per property of the rows, drawn with
//! box-drawing characters (Node's `table` method and `internal/cli_table`).

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::builtins::map_set::{map_entries, set_values};
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::inspect::{inspect, string_width, InspectOptions};
use crate::interp::object::JsObject;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

use super::state::{write_line, Stream};

/// A column of cells; `None` where the row has no such property.
type Column = Vec<Option<String>>;

/// Node's `_inspect` for table cells: shallow, at most three array items,
/// never broken across lines.
fn cell(agent: &mut Agent, v: &Value) -> JsResult<String> {
    let mut depth = 0.0;
    if let Value::Object(o) = v {
        if !o.is_array() && enumerable_string_keys(o).len() > 2 {
            depth = -1.0;
        }
    }
    let opts = InspectOptions {
        depth,
        max_array_length: 3,
        break_length: usize::MAX,
        ..InspectOptions::default()
    };
    inspect(agent, v, &opts)
}

/// `Object.keys(o)` as property keys.
fn enumerable_string_keys(o: &JsObject) -> Vec<PropertyKey> {
    o.own_property_keys()
        .into_iter()
        .filter(|k| !matches!(k, PropertyKey::Symbol(_)))
        .filter(|k| o.get_own_property(k).is_some_and(|p| p.enumerable()))
        .collect()
}

fn key_text(key: &PropertyKey) -> String {
    match key {
        PropertyKey::Index(i) => i.to_string(),
        other => other.to_value_string(),
    }
}

/// One line of cells, each padded to its column's width.
fn render_row(row: &[String], widths: &[usize]) -> String {
    let cells: Vec<String> = row
        .iter()
        .zip(widths)
        .map(|(cell, &width)| {
            let pad = width.saturating_sub(string_width(cell));
            format!("{cell}{}", " ".repeat(pad))
        })
        .collect();
    format!("│ {} │", cells.join(" │ "))
}

/// Node's `cli_table ( head, columns )`.
fn render_table(head: &[String], columns: &[Column]) -> String {
    let mut widths: Vec<usize> = head.iter().map(|h| string_width(h)).collect();
    let longest = columns.iter().map(Vec::len).max().unwrap_or(0);
    let mut rows: Vec<Vec<String>> = vec![Vec::with_capacity(head.len()); longest];
    for (i, column) in columns.iter().enumerate() {
        for (j, row) in rows.iter_mut().enumerate() {
            let value = column.get(j).cloned().flatten().unwrap_or_default();
            widths[i] = widths[i].max(string_width(&value));
            row.push(value);
        }
    }
    let divider: Vec<String> = widths.iter().map(|w| "─".repeat(w + 2)).collect();
    let mut out = format!("┌{}┐\n", divider.join("┬"));
    out.push_str(&render_row(head, &widths));
    out.push('\n');
    out.push_str(&format!("├{}┤\n", divider.join("┼")));
    for row in &rows {
        out.push_str(&render_row(row, &widths));
        out.push('\n');
    }
    out.push_str(&format!("└{}┘", divider.join("┴")));
    out
}

fn set_cell(column: &mut Column, i: usize, text: String) {
    if column.len() <= i {
        column.resize(i + 1, None);
    }
    column[i] = Some(text);
}

/// The columns of a plain object or array: one per property seen in any
/// row, in property-key order (indices first, as a JavaScript object keeps them).
struct Columns {
    keys: Vec<PropertyKey>,
    cells: Vec<Column>,
}

impl Columns {
    fn column(&mut self, key: &PropertyKey) -> &mut Column {
        let position = self
            .keys
            .iter()
            .position(|k| k.to_value().same_value(&key.to_value()));
        let i = match position {
            Some(i) => i,
            None => {
                self.keys.push(key.clone());
                self.cells.push(Vec::new());
                self.keys.len() - 1
            }
        };
        &mut self.cells[i]
    }

    /// (header, column) pairs, array-index keys first in ascending order.
    fn ordered(self) -> Vec<(String, Column)> {
        let mut pairs: Vec<(PropertyKey, Column)> = self.keys.into_iter().zip(self.cells).collect();
        pairs.sort_by_key(|(k, _)| match k {
            PropertyKey::Index(i) => (0, *i),
            _ => (1, 0),
        });
        pairs.into_iter().map(|(k, c)| (key_text(&k), c)).collect()
    }
}

/// `console.table(tabularData, properties)`.
pub fn table(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let properties = match args.arg(1) {
        Value::Undefined => None,
        Value::Object(o) if o.is_array() => {
            Some(agent.create_list_from_array_like(&Value::Object(o))?)
        }
        other => {
            let shown = inspect(agent, &other, &InspectOptions::default())?;
            return agent.throw_type_error(format!(
                "The \"properties\" argument must be an instance of Array. Received {shown}"
            ));
        }
    };
    let Value::Object(data) = args.arg(0) else {
        return super::methods::log(agent, args);
    };
    let text = if let Some(entries) = map_entries(&data) {
        let mut index = Vec::new();
        let mut keys = Vec::new();
        let mut values = Vec::new();
        for (i, (k, v)) in entries.iter().enumerate() {
            index.push(Some(i.to_string()));
            keys.push(Some(cell(agent, k)?));
            values.push(Some(cell(agent, v)?));
        }
        let head = ["(iteration index)", "Key", "Values"].map(String::from);
        render_table(&head, &[index, keys, values])
    } else if let Some(items) = set_values(&data) {
        let mut index = Vec::new();
        let mut values = Vec::new();
        for (i, v) in items.iter().enumerate() {
            index.push(Some(i.to_string()));
            values.push(Some(cell(agent, v)?));
        }
        let head = ["(iteration index)", "Values"].map(String::from);
        render_table(&head, &[index, values])
    } else {
        object_table(agent, &data, properties)?
    };
    write_line(agent, args, Stream::Stdout, &text);
    Ok(Value::Undefined)
}

/// The table of a plain object or array (rows are its own enumerable keys).
fn object_table(
    agent: &mut Agent,
    data: &Gc<JsObject>,
    properties: Option<Vec<Value>>,
) -> JsResult<String> {
    let property_keys = match properties {
        Some(list) => {
            let mut keys = Vec::with_capacity(list.len());
            for v in &list {
                keys.push(agent.to_property_key(v)?);
            }
            Some(keys)
        }
        None => None,
    };
    let mut columns = Columns {
        keys: Vec::new(),
        cells: Vec::new(),
    };
    let mut has_primitives = false;
    let mut values_column: Column = Vec::new();
    let index_keys = enumerable_string_keys(data);
    for (i, row_key) in index_keys.iter().enumerate() {
        let item = agent.get(data, row_key)?;
        let row = match &item {
            Value::Object(o) => Some(o.clone()),
            _ => None,
        };
        if property_keys.is_none() && row.is_none() {
            has_primitives = true;
            let text = cell(agent, &item)?;
            set_cell(&mut values_column, i, text);
            continue;
        }
        let keys = match (&property_keys, &row) {
            (Some(keys), _) => keys.clone(),
            (None, Some(o)) => enumerable_string_keys(o),
            (None, None) => Vec::new(),
        };
        for key in keys {
            let text = match &row {
                Some(o) if o.has_own_property(&key) => {
                    let v = agent.get(o, &key)?;
                    cell(agent, &v)?
                }
                _ => String::new(),
            };
            set_cell(columns.column(&key), i, text);
        }
    }
    let mut head = vec!["(index)".to_string()];
    let mut cells = vec![index_keys
        .iter()
        .map(|k| Some(key_text(k)))
        .collect::<Column>()];
    for (header, column) in columns.ordered() {
        head.push(header);
        cells.push(column);
    }
    if has_primitives {
        head.push("Values".into());
        cells.push(values_column);
    }
    Ok(render_table(&head, &cells))
}
