//! `util.inspect` options and the state one inspection carries along
//! (Node's `ctx`: indentation, the objects on the current path, circular
//! reference numbers, the output budget).

use std::collections::HashMap;

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::object::JsObject;
use crate::interp::ops::conversion::to_boolean;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// The options of `util.inspect` that change plain-text output.
#[derive(Clone, Debug)]
pub struct InspectOptions {
    /// How many levels of nesting to show (`f64::INFINITY` for `null`/`Infinity`).
    pub depth: f64,
    /// Show non-enumerable properties as `[key]: value`.
    pub show_hidden: bool,
    /// Lines longer than this are broken (`usize::MAX` for `Infinity`).
    pub break_length: usize,
    /// How many inner levels may be joined on one line (Node's `compact`).
    pub compact: usize,
    pub max_array_length: usize,
    pub max_string_length: usize,
    /// Call `[Symbol.for('nodejs.util.inspect.custom')]` methods.
    pub custom_inspect: bool,
    /// Show proxies as `Proxy [ target, handler ]` instead of their target.
    pub show_proxy: bool,
}

impl Default for InspectOptions {
    /// Node's `inspectDefaultOptions`.
    fn default() -> Self {
        InspectOptions {
            depth: 2.0,
            show_hidden: false,
            break_length: 80,
            compact: 3,
            max_array_length: 100,
            max_string_length: 10_000,
            custom_inspect: true,
            show_proxy: false,
        }
    }
}

/// A count option: negative values count as 0, `null`/`Infinity` as unlimited.
fn count_option(agent: &mut Agent, v: &Value) -> JsResult<usize> {
    if matches!(v, Value::Null) {
        return Ok(usize::MAX);
    }
    let n = agent.to_number(v)?;
    Ok(if n.is_nan() || n <= 0.0 {
        0
    } else if n >= usize::MAX as f64 {
        usize::MAX
    } else {
        n as usize
    })
}

impl InspectOptions {
    /// Overrides these options with the own properties of a JavaScript
    /// options object (`console.dir(x, { depth: 0 })`).
    pub fn apply_object(&mut self, agent: &mut Agent, options: &Gc<JsObject>) -> JsResult<()> {
        let read = |agent: &mut Agent, name: &str| -> JsResult<Option<Value>> {
            let key = PropertyKey::from(name);
            if !agent.has_property(options, &key)? {
                return Ok(None);
            }
            agent.get(options, &key).map(Some)
        };
        if let Some(v) = read(agent, "depth")? {
            self.depth = match v {
                Value::Null => f64::INFINITY,
                v => agent.to_number(&v)?,
            };
        }
        if let Some(v) = read(agent, "showHidden")? {
            self.show_hidden = to_boolean(&v);
        }
        if let Some(v) = read(agent, "breakLength")? {
            self.break_length = count_option(agent, &v)?;
        }
        if let Some(v) = read(agent, "compact")? {
            self.compact = match v {
                Value::Bool(false) => 0,
                Value::Bool(true) => usize::MAX,
                v => count_option(agent, &v)?,
            };
        }
        if let Some(v) = read(agent, "maxArrayLength")? {
            self.max_array_length = count_option(agent, &v)?;
        }
        if let Some(v) = read(agent, "maxStringLength")? {
            self.max_string_length = count_option(agent, &v)?;
        }
        if let Some(v) = read(agent, "customInspect")? {
            self.custom_inspect = to_boolean(&v);
        }
        if let Some(v) = read(agent, "showProxy")? {
            self.show_proxy = to_boolean(&v);
        }
        Ok(())
    }
}

/// Which kind of container an entry list belongs to (Node's `kObjectType`,
/// `kArrayType`, `kArrayExtrasType`).
#[derive(Copy, Clone, PartialEq, Eq)]
pub enum EntryType {
    /// `key: value` entries of objects.
    Object,
    /// Bare array elements.
    ArrayElement,
    /// Array-like containers: elements plus `key: value` extras.
    ArrayExtras,
}

/// How many nested `format_value` calls may be active before the
/// inspection is cut short (Node catches the engine's stack overflow).
pub const MAX_NESTING: usize = 1_000;

/// The state of one inspection.
pub struct Ctx {
    pub opts: InspectOptions,
    /// The current depth limit (lowered to -1 once the output gets huge).
    pub depth: f64,
    pub indentation_lvl: usize,
    /// The objects being formatted, outermost first (circularity checks).
    pub seen: Vec<Gc<JsObject>>,
    /// Object address -> its `*n` reference number.
    pub circular: HashMap<usize, usize>,
    /// The depth of the innermost object formatted most recently.
    pub current_depth: usize,
    /// Output length so far per indentation level.
    pub budget: HashMap<usize, usize>,
    /// Active `format_value` calls (a guard against native stack overflow).
    pub nesting: usize,
    /// Set when the nesting guard cut the inspection short.
    pub overflowed: bool,
}

impl Ctx {
    pub fn new(opts: InspectOptions) -> Ctx {
        Ctx {
            depth: opts.depth,
            opts,
            indentation_lvl: 0,
            seen: Vec::new(),
            circular: HashMap::new(),
            current_depth: 0,
            budget: HashMap::new(),
            nesting: 0,
            overflowed: false,
        }
    }

    /// `recurseTimes > ctx.depth`
    pub fn too_deep(&self, recurse_times: usize) -> bool {
        recurse_times as f64 > self.depth
    }

    /// Whether `o` is on the current path (a circular reference).
    pub fn is_seen(&self, o: &Gc<JsObject>) -> bool {
        self.seen.iter().any(|s| Gc::ptr_eq(s, o))
    }

    /// The reference number of a circular object, assigned on first use.
    pub fn circular_index(&mut self, o: &Gc<JsObject>) -> usize {
        let next = self.circular.len() + 1;
        *self
            .circular
            .entry(Gc::as_ptr(o) as *const u8 as usize)
            .or_insert(next)
    }
}
