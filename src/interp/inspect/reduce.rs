//! Joining formatted entries into the final text: one line when it fits
//! (Node's `reduceToSingleString` with `compact = 3`, `isBelowBreakLength`),
//! and long arrays of short items in aligned columns (`groupArrayElements`).

use gc::Gc;

use super::options::{Ctx, EntryType};
use super::text::{js_len, string_width};
use crate::interp::object::JsObject;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// Node's `isBelowBreakLength`: whether `output` fits on one line after
/// `start` columns, counting a separator per entry.
fn is_below_break_length(ctx: &Ctx, output: &[String], start: usize, base: &str) -> bool {
    let break_length = ctx.opts.break_length;
    let mut total = output.len() + start;
    if total + output.len() > break_length {
        return false;
    }
    for entry in output {
        total += js_len(entry);
        if total > break_length {
            return false;
        }
    }
    base.is_empty() || !base.contains('\n')
}

/// Node's `reduceToSingleString ( ctx, output, base, braces, extrasType,
/// recurseTimes, value )`.
pub fn reduce_to_single_string(
    ctx: &Ctx,
    mut output: Vec<String>,
    base: &str,
    braces: (&str, &str),
    extras_type: EntryType,
    recurse_times: usize,
    value: Option<&Gc<JsObject>>,
) -> String {
    let (open, close) = braces;
    let base_prefix = if base.is_empty() {
        String::new()
    } else {
        format!("{base} ")
    };
    let compact = ctx.opts.compact;
    if compact != usize::MAX {
        if compact >= 1 {
            let entries = output.len();
            if extras_type == EntryType::ArrayExtras && entries > 6 {
                output = group_array_elements(ctx, output, value);
            }
            if ctx.current_depth.saturating_sub(recurse_times) < compact && entries == output.len()
            {
                // Line up all entries on a single line when they fit.
                let start = output.len() + ctx.indentation_lvl + js_len(open) + js_len(base) + 10;
                if is_below_break_length(ctx, &output, start, base) {
                    let joined = output.join(", ");
                    if !joined.contains('\n') {
                        return format!("{base_prefix}{open} {joined} {close}");
                    }
                }
            }
        }
        let indentation = format!("\n{}", " ".repeat(ctx.indentation_lvl));
        let separator = format!(",{indentation}  ");
        return format!(
            "{base_prefix}{open}{indentation}  {}{indentation}{close}",
            output.join(&separator)
        );
    }
    // compact: true
    if is_below_break_length(ctx, &output, 0, base) {
        let base_part = if base.is_empty() {
            String::new()
        } else {
            format!(" {base}")
        };
        return format!("{open}{base_part} {} {close}", output.join(", "));
    }
    let indentation = " ".repeat(ctx.indentation_lvl);
    let ln = if base.is_empty() && js_len(open) == 1 {
        " ".to_string()
    } else if base.is_empty() {
        format!("\n{indentation}  ")
    } else {
        format!(" {base}\n{indentation}  ")
    };
    let separator = format!(",\n{indentation}  ");
    format!("{open}{ln}{} {close}", output.join(&separator))
}

/// `typeof value[i] === 'number'` (or `'bigint'`) for an array element, read without
/// running accessors.
fn element_is_number(array: &JsObject, i: usize) -> bool {
    let Ok(index) = u32::try_from(i) else {
        return false;
    };
    matches!(
        array.get_own_data_value(&PropertyKey::Index(index)),
        Some(Value::Number(_) | Value::BigInt(_))
    )
}

/// JavaScript's `Math.round`.
fn js_round(x: f64) -> f64 {
    (x + 0.5).floor()
}

/// `String.prototype.padStart` / `padEnd` with spaces, to a length in
/// UTF-16 code units.
fn pad(s: &str, target: usize, at_start: bool) -> String {
    let len = js_len(s);
    if len >= target {
        return s.to_string();
    }
    let fill = " ".repeat(target - len);
    if at_start {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

/// Node's `groupArrayElements ( ctx, output, value )`: arrays with more than
/// six short entries are printed in aligned columns, numbers right-aligned.
pub fn group_array_elements(
    ctx: &Ctx,
    output: Vec<String>,
    value: Option<&Gc<JsObject>>,
) -> Vec<String> {
    let mut total_length = 0usize;
    let mut max_length = 0usize;
    let mut output_length = output.len();
    if ctx.opts.max_array_length < output.len() {
        // The "... n more items" entry is not grouped.
        output_length -= 1;
    }
    const SEPARATOR_SPACE: usize = 2;
    let data_len: Vec<usize> = output[..output_length]
        .iter()
        .map(|entry| string_width(entry))
        .collect();
    for &len in &data_len {
        total_length += len + SEPARATOR_SPACE;
        max_length = max_length.max(len);
    }
    let actual_max = max_length + SEPARATOR_SPACE;
    let break_length = ctx.opts.break_length;
    if actual_max * 3 + ctx.indentation_lvl < break_length
        && (total_length as f64 / actual_max as f64 > 5.0 || max_length <= 6)
    {
        let approx_char_heights = 2.5;
        let average_bias = (actual_max as f64 - total_length as f64 / output.len() as f64).sqrt();
        let biased_max = (actual_max as f64 - 3.0 - average_bias).max(1.0);
        let columns =
            js_round((approx_char_heights * biased_max * output_length as f64).sqrt() / biased_max)
                .min(((break_length - ctx.indentation_lvl) / actual_max) as f64)
                .min(ctx.opts.compact.saturating_mul(4) as f64)
                .min(15.0);
        if columns.is_nan() || columns <= 1.0 {
            return output;
        }
        let columns = columns as usize;
        let mut max_line_length = Vec::with_capacity(columns);
        for i in 0..columns {
            let mut line_max = 0;
            let mut j = i;
            while j < output_length {
                line_max = line_max.max(data_len[j]);
                j += columns;
            }
            max_line_length.push(line_max + SEPARATOR_SPACE);
        }
        let pad_start = match value {
            Some(array) => (0..output.len()).all(|i| element_is_number(array, i)),
            None => true,
        };
        let mut grouped = Vec::new();
        let mut i = 0;
        while i < output_length {
            let max = (i + columns).min(output_length);
            let mut line = String::new();
            let mut j = i;
            while j < max - 1 {
                let padding = max_line_length[j - i] + js_len(&output[j]) - data_len[j];
                line.push_str(&pad(&format!("{}, ", output[j]), padding, pad_start));
                j += 1;
            }
            if pad_start {
                let padding = (max_line_length[j - i] + js_len(&output[j]))
                    .saturating_sub(data_len[j] + SEPARATOR_SPACE);
                line.push_str(&pad(&output[j], padding, true));
            } else {
                line.push_str(&output[j]);
            }
            grouped.push(line);
            i += columns;
        }
        if ctx.opts.max_array_length < output.len() {
            grouped.push(output[output_length].clone());
        }
        return grouped;
    }
    output
}
