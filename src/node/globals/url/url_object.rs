//! The `URL` class (WHATWG URL standard §6.1 "URL class", as Node v20
//! shapes it): the constructor, `URL.parse`, `URL.canParse`, the
//! attributes with their setters, `toString`/`toJSON`, and the
//! `console.log` form `URL { href: …, … }`.

use std::cell::RefCell;

use gc::{Finalize, Gc, Trace};
use url::Url;

use super::search_params::{new_search_params, SearchParamsData};
use super::{
    call_inspect, define_attributes, define_operations, inspect_custom_symbol, missing_args,
    to_usv_string,
};
use crate::host::errors::coded_error;
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::function::{CallArgs, NativeFn};
use crate::interp::native::define_value;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::ops::errors::ErrorKind;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::slots::Slot;
use crate::interp::value::Value;

/// A URL object's state: its URL record and, once read, its
/// URLSearchParams object (the same object on every read).
#[derive(Trace, Finalize)]
pub(super) struct UrlData {
    #[unsafe_ignore_trace]
    pub(super) url: RefCell<Url>,
    search_params: Slot<Option<Gc<JsObject>>>,
}

impl ObjectData for UrlData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "URL"
    }
}

/// The basic URL parser run on `input` against an optional `base`
/// (WHATWG URL "API URL parser"): None on failure.
fn api_url_parse(input: &str, base: Option<&str>) -> Option<Url> {
    // 1. If base is non-null: parse it; failure is failure.
    let base = match base {
        Some(b) => Some(Url::parse(b).ok()?),
        None => None,
    };
    // 2. Return the result of running the basic URL parser on url with parsedBase.
    Url::options().base_url(base.as_ref()).parse(input).ok()
}

/// Node's `TypeError: Invalid URL` from the constructor, with `code`,
/// `input` and (when given) `base` as enumerable own properties.
fn invalid_url(agent: &mut Agent, input: &str, base: Option<&str>) -> Throw {
    let Throw(e) = agent.error(ErrorKind::TypeError, "Invalid URL");
    if let Value::Object(o) = &*e {
        define_value(o, "code", Value::from("ERR_INVALID_URL"), Attributes::ALL);
        define_value(o, "input", Value::from(input), Attributes::ALL);
        if let Some(base) = base {
            define_value(o, "base", Value::from(base), Attributes::ALL);
        }
    }
    Throw(e)
}

/// The `url` and `base` arguments of the constructor, `URL.parse` and
/// `URL.canParse` as strings (`ERR_MISSING_ARGS` without any argument).
fn url_arguments(agent: &mut Agent, args: &CallArgs) -> JsResult<(String, Option<String>)> {
    if args.args.is_empty() {
        return Err(missing_args(agent, &["url"]));
    }
    let input = to_usv_string(agent, &args.arg(0))?;
    let base = match args.arg(1) {
        Value::Undefined => None,
        b => Some(to_usv_string(agent, &b)?),
    };
    Ok((input, base))
}

/// A new URL object for `url` whose prototype comes from `new_target`.
fn create_url_object(
    agent: &mut Agent,
    url: Url,
    new_target: Option<&Gc<JsObject>>,
) -> JsResult<Value> {
    let kind = ObjectKind::Other(Box::new(UrlData {
        url: RefCell::new(url),
        search_params: Slot::new(None),
    }));
    let default = agent.intrinsics().get("URL.prototype");
    let o = match new_target {
        Some(nt) => agent.ordinary_create_from_constructor(nt, default, kind)?,
        None => JsObject::with_kind(Some(default), kind),
    };
    Ok(Value::Object(o))
}

/// new URL ( url [ , base ] )
fn url_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let Some(new_target) = args.new_target else {
        return agent.throw_type_error("Class constructor URL cannot be invoked without 'new'");
    };
    let (input, base) = url_arguments(agent, args)?;
    // 1. Let parsedURL be the result of running the API URL parser on url with base.
    // 2. If parsedURL is failure, then throw a TypeError.
    let Some(url) = api_url_parse(&input, base.as_deref()) else {
        return Err(invalid_url(agent, &input, base.as_deref()));
    };
    // 3. Initialize this with parsedURL.
    create_url_object(agent, url, Some(new_target))
}

/// URL.parse ( url [ , base ] ): the URL, or null when parsing fails.
fn url_parse(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (input, base) = url_arguments(agent, args)?;
    match api_url_parse(&input, base.as_deref()) {
        Some(url) => create_url_object(agent, url, None),
        None => Ok(Value::Null),
    }
}

/// URL.canParse ( url [ , base ] )
fn url_can_parse(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (input, base) = url_arguments(agent, args)?;
    Ok(Value::Bool(
        api_url_parse(&input, base.as_deref()).is_some(),
    ))
}

/// The URL object `this` is (Node's "Receiver must be an instance of class URL").
fn this_url(agent: &mut Agent, this: &Value) -> JsResult<Gc<JsObject>> {
    match this {
        Value::Object(o) if o.data::<UrlData>().is_some() => Ok(o.clone()),
        _ => agent.throw_type_error("Receiver must be an instance of class URL"),
    }
}

/// Runs `read` on this URL record and returns its string.
fn read_url(agent: &mut Agent, args: &CallArgs, read: fn(&Url) -> String) -> JsResult<Value> {
    let o = this_url(agent, args.this)?;
    let data = o.data::<UrlData>().expect("checked by this_url");
    let text = read(&data.url.borrow());
    Ok(Value::from(text.as_str()))
}

/// Runs a setter's state override on this URL record with the argument
/// as a string; a failed override leaves the URL as it was.
fn write_url(
    agent: &mut Agent,
    args: &CallArgs,
    write: fn(&mut Url, &str) -> Result<(), ()>,
) -> JsResult<Value> {
    let o = this_url(agent, args.this)?;
    let value = to_usv_string(agent, &args.arg(0))?;
    let data = o.data::<UrlData>().expect("checked by this_url");
    let _ = write(&mut data.url.borrow_mut(), &value);
    Ok(Value::Undefined)
}

/// Sets the list of this URL's URLSearchParams (if it has one yet) to
/// the parse of its query: what the href and search setters do after
/// changing the query.
fn refresh_search_params(data: &UrlData) {
    if let Some(params) = data.search_params.get() {
        let query = data.url.borrow().query().unwrap_or("").to_string();
        let params_data = params
            .data::<SearchParamsData>()
            .expect("a URL's searchParams is a URLSearchParams");
        params_data.set_list_from_query(&query);
    }
}

fn href_getter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    read_url(agent, args, |u| url::quirks::href(u).to_string())
}

/// The href setter: a new URL, or `TypeError [ERR_INVALID_URL]`.
fn href_setter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = this_url(agent, args.this)?;
    let value = to_usv_string(agent, &args.arg(0))?;
    // 1. Let parsedURL be the result of running the basic URL parser on the given value.
    // 2. If parsedURL is failure, then throw a TypeError.
    let Some(parsed) = api_url_parse(&value, None) else {
        let Throw(e) = coded_error(
            agent,
            ErrorKind::TypeError,
            "ERR_INVALID_URL",
            "Invalid URL".to_string(),
        );
        if let Value::Object(err) = &*e {
            define_value(err, "input", Value::from(value.as_str()), Attributes::ALL);
        }
        return Err(Throw(e));
    };
    let data = o.data::<UrlData>().expect("checked by this_url");
    // 3. Set this's URL to parsedURL.
    *data.url.borrow_mut() = parsed;
    // 4–6. Empty this's query object's list, then parse the query into it.
    refresh_search_params(data);
    Ok(Value::Undefined)
}

fn origin_getter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    read_url(agent, args, url::quirks::origin)
}

fn protocol_getter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    read_url(agent, args, |u| url::quirks::protocol(u).to_string())
}

fn protocol_setter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    write_url(agent, args, url::quirks::set_protocol)
}

fn username_getter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    read_url(agent, args, |u| url::quirks::username(u).to_string())
}

fn username_setter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    write_url(agent, args, url::quirks::set_username)
}

fn password_getter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    read_url(agent, args, |u| url::quirks::password(u).to_string())
}

fn password_setter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    write_url(agent, args, url::quirks::set_password)
}

fn host_getter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    read_url(agent, args, |u| url::quirks::host(u).to_string())
}

fn host_setter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    write_url(agent, args, url::quirks::set_host)
}

fn hostname_getter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    read_url(agent, args, |u| url::quirks::hostname(u).to_string())
}

fn hostname_setter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    write_url(agent, args, url::quirks::set_hostname)
}

fn port_getter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    read_url(agent, args, |u| url::quirks::port(u).to_string())
}

fn port_setter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    write_url(agent, args, url::quirks::set_port)
}

fn pathname_getter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    read_url(agent, args, |u| url::quirks::pathname(u).to_string())
}

fn pathname_setter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    write_url(agent, args, |u, v| {
        url::quirks::set_pathname(u, v);
        Ok(())
    })
}

fn search_getter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    read_url(agent, args, |u| url::quirks::search(u).to_string())
}

/// The search setter: the new query, then the searchParams list re-parsed.
fn search_setter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    write_url(agent, args, |u, v| {
        url::quirks::set_search(u, v);
        Ok(())
    })?;
    let o = this_url(agent, args.this)?;
    refresh_search_params(o.data::<UrlData>().expect("checked by this_url"));
    Ok(Value::Undefined)
}

/// The searchParams getter: this URL's URLSearchParams, made on first read.
fn search_params_getter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = this_url(agent, args.this)?;
    let data = o.data::<UrlData>().expect("checked by this_url");
    if let Some(params) = data.search_params.get() {
        return Ok(Value::Object(params));
    }
    let query = data.url.borrow().query().unwrap_or("").to_string();
    let params = new_search_params(agent, &query, Some(o.clone()));
    data.search_params.set(Some(params.clone()));
    Ok(Value::Object(params))
}

fn hash_getter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    read_url(agent, args, |u| url::quirks::hash(u).to_string())
}

fn hash_setter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    write_url(agent, args, |u, v| {
        url::quirks::set_hash(u, v);
        Ok(())
    })
}

/// URL.prototype[util.inspect.custom] ( depth, options, inspect ): Node's
/// `URL { href: …, origin: …, … }` — a plain object with the attributes'
/// values, shown with the given options after the constructor's name.
fn url_inspect(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    if let Value::Number(depth) = args.arg(0) {
        if depth < 0.0 {
            return Ok(args.this.clone());
        }
    }
    let o = this_url(agent, args.this)?;
    let constructor = match agent.get(&o, &PropertyKey::from("constructor"))? {
        c @ Value::Object(_) if agent.is_callable(&c) => c,
        _ => Value::Object(agent.intrinsics().get("URL")),
    };
    let proto = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
    define_value(&proto, "constructor", constructor.clone(), Attributes::ALL);
    let shown = JsObject::ordinary_create(Some(proto));
    for name in [
        "href",
        "origin",
        "protocol",
        "username",
        "password",
        "host",
        "hostname",
        "port",
        "pathname",
        "search",
        "searchParams",
        "hash",
    ] {
        let value = agent.get(&o, &PropertyKey::from(name))?;
        define_value(&shown, name, value, Attributes::ALL);
    }
    let name = match &constructor {
        Value::Object(c) => {
            let n = agent.get(c, &PropertyKey::from("name"))?;
            agent.to_string(&n)?.to_rust_string()
        }
        _ => "URL".to_string(),
    };
    let text = call_inspect(agent, &args.arg(2), Value::Object(shown), &args.arg(1))?;
    Ok(Value::from(format!("{name} {text}").as_str()))
}

pub(super) fn install(agent: &mut Agent) {
    let object_prototype = agent.intrinsics().object_prototype.clone();
    let proto = JsObject::ordinary_create(Some(object_prototype));
    agent.intrinsics().register("URL.prototype", proto.clone());
    let ctor = agent.native_constructor("URL", 1, url_constructor, &proto);
    agent.define_method(&ctor, "parse", 1, url_parse);
    agent.define_method(&ctor, "canParse", 1, url_can_parse);
    define_operations(agent, &proto, &[("toString", 0, href_getter)]);
    let attributes: &[(&str, NativeFn, Option<NativeFn>)] = &[
        ("href", href_getter, Some(href_setter)),
        ("origin", origin_getter, None),
        ("protocol", protocol_getter, Some(protocol_setter)),
        ("username", username_getter, Some(username_setter)),
        ("password", password_getter, Some(password_setter)),
        ("host", host_getter, Some(host_setter)),
        ("hostname", hostname_getter, Some(hostname_setter)),
        ("port", port_getter, Some(port_setter)),
        ("pathname", pathname_getter, Some(pathname_setter)),
        ("search", search_getter, Some(search_setter)),
        ("searchParams", search_params_getter, None),
        ("hash", hash_getter, Some(hash_setter)),
    ];
    define_attributes(agent, &proto, attributes);
    define_operations(agent, &proto, &[("toJSON", 0, href_getter)]);
    let custom = inspect_custom_symbol(agent);
    let inspect = agent.native_function("[nodejs.util.inspect.custom]", 2, url_inspect);
    proto.define_own_property(
        PropertyKey::Symbol(custom),
        PropertyDescriptor::data(Value::Object(inspect), Attributes::METHOD),
    );
    agent.define_to_string_tag(&proto, "URL");
}
