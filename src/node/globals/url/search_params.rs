//! The `URLSearchParams` class (WHATWG URL standard §6.2): an ordered list
//! of name–value pairs, parsed from and serialised to
//! application/x-www-form-urlencoded, and — for a URL's `searchParams` —
//! written back to the URL's query on every change.

use std::cell::RefCell;

use gc::{Finalize, Gc, Trace};
use url::form_urlencoded;

use super::search_params_iterator::{create_search_params_iterator, IteratorKind};
use super::url_object::UrlData;
use super::{
    call_inspect, define_attributes, define_operations, inspect_custom_symbol, missing_args,
    options_with_depth, to_usv_string,
};
use crate::host::errors::coded_error;
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::ops::errors::ErrorKind;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::slots::Slot;
use crate::interp::value::Value;

use super::super::arguments::invalid_arg_type;

/// A URLSearchParams object's state: its list and, for a URL's
/// searchParams, the URL object whose query it mirrors.
#[derive(Trace, Finalize)]
pub(super) struct SearchParamsData {
    #[unsafe_ignore_trace]
    pub(super) list: RefCell<Vec<(String, String)>>,
    url_object: Slot<Option<Gc<JsObject>>>,
}

impl ObjectData for SearchParamsData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "URLSearchParams"
    }
}

impl SearchParamsData {
    /// Replaces the list with the pairs of an
    /// application/x-www-form-urlencoded string.
    pub(super) fn set_list_from_query(&self, query: &str) {
        *self.list.borrow_mut() = form_urlencoded_parse(query);
    }

    /// The application/x-www-form-urlencoded serializer run on the list.
    fn serialize(&self) -> String {
        let list = self.list.borrow();
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(list.iter())
            .finish()
    }

    /// The URLSearchParams "update" steps: the URL object (if any) gets
    /// the serialized list as its query, or no query when it is empty.
    fn update(&self) {
        let Some(url_object) = self.url_object.get() else {
            return;
        };
        let data = url_object
            .data::<UrlData>()
            .expect("a URLSearchParams mirrors a URL object");
        // 1. Let serializedQuery be the serialization of query's list.
        let serialized = self.serialize();
        // 2. If serializedQuery is the empty string, then set serializedQuery to null.
        // 3. Set query's URL object's URL's query to serializedQuery.
        let query = (!serialized.is_empty()).then_some(serialized.as_str());
        data.url.borrow_mut().set_query(query);
    }
}

/// The application/x-www-form-urlencoded parser.
fn form_urlencoded_parse(input: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(input.as_bytes())
        .map(|(n, v)| (n.into_owned(), v.into_owned()))
        .collect()
}

/// A URLSearchParams for a URL object's query.
pub(super) fn new_search_params(
    agent: &mut Agent,
    query: &str,
    url_object: Option<Gc<JsObject>>,
) -> Gc<JsObject> {
    let proto = agent.intrinsics().get("URLSearchParams.prototype");
    JsObject::with_kind(
        Some(proto),
        ObjectKind::Other(Box::new(SearchParamsData {
            list: RefCell::new(form_urlencoded_parse(query)),
            url_object: Slot::new(url_object),
        })),
    )
}

/// `TypeError [ERR_INVALID_TUPLE]: Each query pair must be an iterable [name, value] tuple`.
fn invalid_tuple(agent: &mut Agent) -> Throw {
    coded_error(
        agent,
        ErrorKind::TypeError,
        "ERR_INVALID_TUPLE",
        "Each query pair must be an iterable [name, value] tuple".to_string(),
    )
}

/// new URLSearchParams ( [ init ] ): from a string (a leading "?" is
/// dropped), a sequence of [name, value] pairs, or a record of own
/// enumerable string-keyed properties.
fn search_params_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let Some(new_target) = args.new_target else {
        return agent
            .throw_type_error("Class constructor URLSearchParams cannot be invoked without 'new'");
    };
    let init = args.arg(0);
    let list = match &init {
        Value::Undefined | Value::Null => Vec::new(),
        Value::Object(o) => {
            let iterator_key = PropertyKey::Symbol(agent.symbols.iterator.clone());
            match agent.get(o, &iterator_key)? {
                Value::Undefined | Value::Null => list_from_record(agent, o)?,
                method if agent.is_callable(&method) => list_from_pairs(agent, &init)?,
                _ => {
                    return Err(coded_error(
                        agent,
                        ErrorKind::TypeError,
                        "ERR_ARG_NOT_ITERABLE",
                        "Query pairs must be iterable".to_string(),
                    ))
                }
            }
        }
        other => {
            let text = to_usv_string(agent, other)?;
            form_urlencoded_parse(text.strip_prefix('?').unwrap_or(&text))
        }
    };
    let default = agent.intrinsics().get("URLSearchParams.prototype");
    let kind = ObjectKind::Other(Box::new(SearchParamsData {
        list: RefCell::new(list),
        url_object: Slot::new(None),
    }));
    let o = agent.ordinary_create_from_constructor(new_target, default, kind)?;
    Ok(Value::Object(o))
}

/// The list from a sequence<sequence<USVString>>: each pair has exactly
/// two items.
fn list_from_pairs(agent: &mut Agent, init: &Value) -> JsResult<Vec<(String, String)>> {
    let mut list = Vec::new();
    let mut outer = agent.get_iterator(init)?;
    while let Some(pair) = agent.iterator_step_value(&mut outer)? {
        let Value::Object(p) = &pair else {
            return Err(invalid_tuple(agent));
        };
        let iterator_key = PropertyKey::Symbol(agent.symbols.iterator.clone());
        let method = agent.get(p, &iterator_key)?;
        if !agent.is_callable(&method) {
            return Err(invalid_tuple(agent));
        }
        let mut items = Vec::new();
        let mut inner = agent.get_iterator(&pair)?;
        while let Some(item) = agent.iterator_step_value(&mut inner)? {
            items.push(to_usv_string(agent, &item)?);
            if items.len() > 2 {
                return Err(invalid_tuple(agent));
            }
        }
        let [name, value]: [String; 2] = items.try_into().map_err(|_| invalid_tuple(agent))?;
        list.push((name, value));
    }
    Ok(list)
}

/// The list from a record<USVString, USVString>: own enumerable keys in
/// order; keys equal after the USVString conversion keep the first
/// position and the last value.
fn list_from_record(agent: &mut Agent, o: &Gc<JsObject>) -> JsResult<Vec<(String, String)>> {
    let mut list: Vec<(String, String)> = Vec::new();
    for key in o.own_property_keys() {
        let Some(desc) = agent.get_own_property(o, &key)? else {
            continue;
        };
        if !desc.enumerable() {
            continue;
        }
        let name = to_usv_string(agent, &key.to_value())?;
        let value = agent.get(o, &key)?;
        let value = to_usv_string(agent, &value)?;
        match list.iter_mut().find(|(n, _)| *n == name) {
            Some(entry) => entry.1 = value,
            None => list.push((name, value)),
        }
    }
    Ok(list)
}

/// The URLSearchParams `this` is (`ERR_INVALID_THIS` otherwise).
fn this_params(agent: &mut Agent, this: &Value) -> JsResult<Gc<JsObject>> {
    match this {
        Value::Object(o) if o.data::<SearchParamsData>().is_some() => Ok(o.clone()),
        _ => Err(coded_error(
            agent,
            ErrorKind::TypeError,
            "ERR_INVALID_THIS",
            "Value of \"this\" must be of type URLSearchParams".to_string(),
        )),
    }
}

fn data(o: &Gc<JsObject>) -> &SearchParamsData {
    o.data::<SearchParamsData>()
        .expect("checked by this_params")
}

/// The `this` object and the first `required` arguments as strings
/// (`ERR_MISSING_ARGS` naming them when fewer are given).
fn receiver_and_strings(
    agent: &mut Agent,
    args: &CallArgs,
    names: &[&str],
) -> JsResult<(Gc<JsObject>, Vec<String>)> {
    let o = this_params(agent, args.this)?;
    if args.args.len() < names.len() {
        return Err(missing_args(agent, names));
    }
    let mut strings = Vec::new();
    for i in 0..names.len() {
        strings.push(to_usv_string(agent, &args.arg(i))?);
    }
    Ok((o, strings))
}

/// The optional `value` argument of delete and has.
fn optional_value(agent: &mut Agent, args: &CallArgs) -> JsResult<Option<String>> {
    match args.arg(1) {
        Value::Undefined => Ok(None),
        v => to_usv_string(agent, &v).map(Some),
    }
}

/// append ( name, value )
fn append(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, s) = receiver_and_strings(agent, args, &["name", "value"])?;
    let d = data(&o);
    // 1. Append (name, value) to this's list.
    d.list.borrow_mut().push((s[0].clone(), s[1].clone()));
    // 2. Update this.
    d.update();
    Ok(Value::Undefined)
}

/// delete ( name [ , value ] )
fn delete(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, s) = receiver_and_strings(agent, args, &["name"])?;
    let value = optional_value(agent, args)?;
    let d = data(&o);
    // 1–2. Remove all tuples whose name is name (and value is value, if given).
    d.list
        .borrow_mut()
        .retain(|(n, v)| !(*n == s[0] && value.as_ref().is_none_or(|want| v == want)));
    // 3. Update this.
    d.update();
    Ok(Value::Undefined)
}

/// get ( name ): the first value for name, or null.
fn get(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, s) = receiver_and_strings(agent, args, &["name"])?;
    let list = data(&o).list.borrow();
    Ok(match list.iter().find(|(n, _)| *n == s[0]) {
        Some((_, v)) => Value::from(v.as_str()),
        None => Value::Null,
    })
}

/// getAll ( name ): every value for name, in list order.
fn get_all(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, s) = receiver_and_strings(agent, args, &["name"])?;
    let values: Vec<Value> = data(&o)
        .list
        .borrow()
        .iter()
        .filter(|(n, _)| *n == s[0])
        .map(|(_, v)| Value::from(v.as_str()))
        .collect();
    Ok(Value::Object(agent.create_array_from_list(values)))
}

/// has ( name [ , value ] )
fn has(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, s) = receiver_and_strings(agent, args, &["name"])?;
    let value = optional_value(agent, args)?;
    let found = data(&o)
        .list
        .borrow()
        .iter()
        .any(|(n, v)| *n == s[0] && value.as_ref().is_none_or(|want| v == want));
    Ok(Value::Bool(found))
}

/// set ( name, value ): the first pair named name gets value, the others
/// named name go; without one, the pair is appended.
fn set(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, s) = receiver_and_strings(agent, args, &["name", "value"])?;
    let d = data(&o);
    {
        let mut list = d.list.borrow_mut();
        match list.iter().position(|(n, _)| *n == s[0]) {
            Some(first) => {
                list[first].1 = s[1].clone();
                let mut index = 0;
                list.retain(|(n, _)| {
                    index += 1;
                    index - 1 == first || *n != s[0]
                });
            }
            None => list.push((s[0].clone(), s[1].clone())),
        }
    }
    d.update();
    Ok(Value::Undefined)
}

/// sort ( ): a stable sort by name, comparing code units.
fn sort(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = this_params(agent, args.this)?;
    let d = data(&o);
    d.list
        .borrow_mut()
        .sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
    d.update();
    Ok(Value::Undefined)
}

/// toString ( ): the application/x-www-form-urlencoded serialization.
fn to_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = this_params(agent, args.this)?;
    Ok(Value::from(data(&o).serialize().as_str()))
}

/// get size: the number of pairs.
fn size(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = this_params(agent, args.this)?;
    let size = data(&o).list.borrow().len();
    Ok(Value::Number(size as f64))
}

/// forEach ( callback [ , thisArg ] ): callback(value, name, params) for
/// each pair, reading the list afresh after each call.
fn for_each(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = this_params(agent, args.this)?;
    let callback = args.arg(0);
    if !agent.is_callable(&callback) {
        return Err(invalid_arg_type(agent, "callback", "function", &callback));
    }
    let mut index = 0;
    loop {
        let pair = data(&o).list.borrow().get(index).cloned();
        let Some((name, value)) = pair else {
            break;
        };
        agent.call(
            &callback,
            &args.arg(1),
            &[
                Value::from(value.as_str()),
                Value::from(name.as_str()),
                Value::Object(o.clone()),
            ],
        )?;
        index += 1;
    }
    Ok(Value::Undefined)
}

fn keys(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = this_params(agent, args.this)?;
    Ok(create_search_params_iterator(agent, o, IteratorKind::Key))
}

fn values(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = this_params(agent, args.this)?;
    Ok(create_search_params_iterator(agent, o, IteratorKind::Value))
}

fn entries(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = this_params(agent, args.this)?;
    Ok(create_search_params_iterator(
        agent,
        o,
        IteratorKind::KeyValue,
    ))
}

/// URLSearchParams.prototype[util.inspect.custom] ( recurseTimes, ctx ):
/// Node's `URLSearchParams { 'a' => '1' }`, one pair a line when the
/// pairs are longer than the break length.
fn search_params_inspect(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = this_params(agent, args.this)?;
    let options = args.arg(1);
    if let Value::Number(depth) = args.arg(0) {
        if depth < 0.0 {
            return Ok(Value::from("[Object]"));
        }
    }
    let pairs = data(&o).list.borrow().clone();
    let mut output = Vec::new();
    if !pairs.is_empty() {
        let inner_depth = match args.arg(0) {
            Value::Number(d) => Value::Number(d - 1.0),
            other => other,
        };
        let inner = options_with_depth(agent, &options, inner_depth)?;
        for (name, value) in &pairs {
            let name = call_inspect(agent, &args.arg(2), Value::from(name.as_str()), &inner)?;
            let value = call_inspect(agent, &args.arg(2), Value::from(value.as_str()), &inner)?;
            output.push(format!("{name} => {value}"));
        }
    }
    let constructor = agent.get(&o, &PropertyKey::from("constructor"))?;
    let name = match &constructor {
        Value::Object(c) => {
            let n = agent.get(c, &PropertyKey::from("name"))?;
            agent.to_string(&n)?.to_rust_string()
        }
        _ => "undefined".to_string(),
    };
    let separator = ", ";
    let length = output
        .iter()
        .map(|s| s.chars().count() + separator.len())
        .sum::<usize>() as f64
        - separator.len() as f64;
    let break_length = match &options {
        Value::Object(opts) => {
            let b = agent.get(opts, &PropertyKey::from("breakLength"))?;
            agent.to_number(&b)?
        }
        _ => 80.0,
    };
    let text = if length > break_length {
        format!("{name} {{\n  {} }}", output.join(",\n  "))
    } else if !output.is_empty() {
        format!("{name} {{ {} }}", output.join(separator))
    } else {
        format!("{name} {{}}")
    };
    Ok(Value::from(text.as_str()))
}

pub(super) fn install(agent: &mut Agent) {
    let object_prototype = agent.intrinsics().object_prototype.clone();
    let proto = JsObject::ordinary_create(Some(object_prototype));
    agent
        .intrinsics()
        .register("URLSearchParams.prototype", proto.clone());
    agent.native_constructor("URLSearchParams", 0, search_params_constructor, &proto);
    define_attributes(agent, &proto, &[("size", size, None)]);
    define_operations(
        agent,
        &proto,
        &[
            ("append", 2, append),
            ("delete", 1, delete),
            ("get", 1, get),
            ("getAll", 1, get_all),
            ("has", 1, has),
            ("set", 2, set),
            ("sort", 0, sort),
            ("entries", 0, entries),
            ("forEach", 1, for_each),
            ("keys", 0, keys),
            ("values", 0, values),
            ("toString", 0, to_string),
        ],
    );
    let entries_fn = agent.get(&proto, &PropertyKey::from("entries")).ok();
    if let Some(entries_fn) = entries_fn {
        let iterator = agent.symbols.iterator.clone();
        proto.define_own_property(
            PropertyKey::Symbol(iterator),
            PropertyDescriptor::data(entries_fn, Attributes::METHOD),
        );
    }
    let custom = inspect_custom_symbol(agent);
    let inspect = agent.native_function("[nodejs.util.inspect.custom]", 2, search_params_inspect);
    proto.define_own_property(
        PropertyKey::Symbol(custom),
        PropertyDescriptor::data(Value::Object(inspect), Attributes::METHOD),
    );
    agent.define_to_string_tag(&proto, "URLSearchParams");
}
