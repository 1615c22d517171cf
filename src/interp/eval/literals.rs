//! Array, object and template literals (ECMA-262 §13.2).

use std::rc::Rc;

use gc::Gc;

use super::frame::Frame;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::object::JsObject;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::syntax::ast::{Expr, ExprOrSpread, Function, MethodKind, Prop, PropKey, Template};

impl Agent {
    /// ArrayLiteral evaluation (ArrayAccumulation).
    #[inline(never)]
    pub(super) fn eval_array_literal(
        &mut self,
        f: &mut Frame,
        elems: &[Option<ExprOrSpread>],
    ) -> JsResult<Value> {
        let array = JsObject::array_create(0, Some(self.intrinsics().array_prototype.clone()));
        let mut index: u32 = 0;
        for elem in elems {
            match elem {
                // Elision: the length grows, no property is created.
                None => index += 1,
                Some(ExprOrSpread::Expr(e)) => {
                    let v = self.eval_expr(f, e)?;
                    self.create_data_property_or_throw(&array, PropertyKey::Index(index), v)?;
                    index += 1;
                }
                Some(ExprOrSpread::Spread(e)) => {
                    let iterable = self.eval_expr(f, e)?;
                    let mut record = self.get_iterator(&iterable)?;
                    while let Some(v) = self.iterator_step_value(&mut record)? {
                        self.create_data_property_or_throw(&array, PropertyKey::Index(index), v)?;
                        index += 1;
                    }
                }
            }
        }
        // Trailing elisions still count: `[1, ,].length` is 2.
        self.set_property(
            &array,
            &PropertyKey::from("length"),
            Value::Number(f64::from(index)),
        )?;
        Ok(Value::Object(array))
    }

    /// ObjectLiteral evaluation (PropertyDefinitionEvaluation of each part).
    #[inline(never)]
    pub(super) fn eval_object_literal(&mut self, f: &mut Frame, props: &[Prop]) -> JsResult<Value> {
        let obj = JsObject::ordinary_create(Some(self.intrinsics().object_prototype.clone()));
        for prop in props {
            match prop {
                Prop::KeyValue { key, value, .. } => {
                    // `__proto__: v` sets the prototype (not for computed or shorthand keys).
                    if is_proto_key(key) {
                        let v = self.eval_expr(f, value)?;
                        match v {
                            Value::Object(p) => {
                                JsObject::set_prototype_of(&obj, Some(p));
                            }
                            Value::Null => {
                                JsObject::set_prototype_of(&obj, None);
                            }
                            _ => {}
                        }
                        continue;
                    }
                    let key = self.eval_prop_key(f, key)?;
                    let v = self.eval_named(f, value, &key)?;
                    obj.define_own_property(key, PropertyDescriptor::data(v, Attributes::ALL));
                }
                Prop::Shorthand(id) => {
                    let v = self.read_ident(f, id)?;
                    let key = PropertyKey::from_string(JsStr::from_units(id.units()));
                    obj.define_own_property(key, PropertyDescriptor::data(v, Attributes::ALL));
                }
                Prop::CoverInit { span, .. } => {
                    self.set_position(span.start);
                    return Err(self.syntax_error("Invalid shorthand property initializer"));
                }
                Prop::Method {
                    key, kind, func, ..
                } => {
                    let key = self.eval_prop_key(f, key)?;
                    self.define_method_property(f, &obj, key, *kind, func, true)?;
                }
                Prop::Spread(e) => {
                    let source = self.eval_expr(f, e)?;
                    self.copy_data_properties(&obj, &source, &[])?;
                }
            }
        }
        Ok(Value::Object(obj))
    }

    /// Evaluates `value`, giving an anonymous function or class the
    /// property's name (NamedEvaluation).
    pub(crate) fn eval_named(
        &mut self,
        f: &mut Frame,
        value: &Expr,
        key: &PropertyKey,
    ) -> JsResult<Value> {
        if super::functions::is_anonymous_function_definition(value) {
            let name = super::functions::function_name_for_key(key, None);
            return self.eval_named_function(f, value, name);
        }
        self.eval_expr(f, value)
    }

    /// MethodDefinition evaluation: defines a method, getter or setter on
    /// `target` with `target` as its [[HomeObject]].
    pub(crate) fn define_method_property(
        &mut self,
        f: &mut Frame,
        target: &Gc<JsObject>,
        key: PropertyKey,
        kind: MethodKind,
        func: &Rc<Function>,
        enumerable: bool,
    ) -> JsResult<()> {
        let prefix = match kind {
            MethodKind::Method => None,
            MethodKind::Get => Some("get"),
            MethodKind::Set => Some("set"),
        };
        let name = super::functions::function_name_for_key(&key, prefix);
        let closure = self.instantiate_method(f, func, target, name);
        let desc = match kind {
            MethodKind::Method => PropertyDescriptor::data(
                Value::Object(closure),
                Attributes {
                    writable: true,
                    enumerable,
                    configurable: true,
                },
            ),
            MethodKind::Get => PropertyDescriptor {
                get: Some(Some(closure)),
                enumerable: Some(enumerable),
                configurable: Some(true),
                ..Default::default()
            },
            MethodKind::Set => PropertyDescriptor {
                set: Some(Some(closure)),
                enumerable: Some(enumerable),
                configurable: Some(true),
                ..Default::default()
            },
        };
        self.define_property_or_throw(target, key, desc)
    }

    /// The key of a property definition (computed keys evaluated).
    pub(crate) fn eval_prop_key(&mut self, f: &mut Frame, key: &PropKey) -> JsResult<PropertyKey> {
        Ok(match key {
            PropKey::Ident(name) => PropertyKey::from_string(JsStr::from(&**name)),
            PropKey::Str(s) => PropertyKey::from_string(JsStr::from_units(s.clone())),
            PropKey::Num(n) => {
                PropertyKey::from_string(JsStr::from(crate::interp::number::number_to_string(*n)))
            }
            PropKey::BigInt(digits) => PropertyKey::from_string(JsStr::from(&**digits)),
            PropKey::Computed(e) => {
                let v = self.eval_expr(f, e)?;
                self.to_property_key(&v)?
            }
            PropKey::Private(name) => {
                // Private keys are resolved by the class code, not here.
                return Err(self.syntax_error(format!("Unexpected private name #{name}")));
            }
        })
    }

    /// CopyDataProperties ( target, source, excludedItems ) —
    /// <https://tc39.es/ecma262/#sec-copydataproperties>
    pub(crate) fn copy_data_properties(
        &mut self,
        target: &Gc<JsObject>,
        source: &Value,
        excluded: &[PropertyKey],
    ) -> JsResult<()> {
        // 1. If source is either undefined or null, return unused.
        if matches!(source, Value::Undefined | Value::Null) {
            return Ok(());
        }
        // 2. Let from be ! ToObject(source).
        let from = self.to_object(source)?;
        // 3. Let keys be ? from.[[OwnPropertyKeys]]().
        for key in self.own_property_keys(&from)? {
            // a. Let excluded be false; b. For each element e of excludedItems …
            if excluded.iter().any(|e| e.id() == key.id()) {
                continue;
            }
            // c.i. Let desc be ? from.[[GetOwnProperty]](nextKey).
            // c.ii. If desc is not undefined and desc.[[Enumerable]] is true, then
            if self
                .get_own_property(&from, &key)?
                .is_some_and(|d| d.enumerable())
            {
                let v = self.get(&from, &key)?;
                self.create_data_property_or_throw(target, key, v)?;
            }
        }
        Ok(())
    }

    /// A template literal's value: cooked strings and ToString of substitutions.
    #[inline(never)]
    pub(super) fn eval_template(&mut self, f: &mut Frame, t: &Template) -> JsResult<Value> {
        let mut units: Vec<u16> = Vec::new();
        for (i, quasi) in t.quasis.iter().enumerate() {
            if let Some(cooked) = &quasi.cooked {
                units.extend_from_slice(cooked);
            }
            if let Some(e) = t.exprs.get(i) {
                let v = self.eval_expr(f, e)?;
                let s = self.to_string(&v)?;
                if units.len() + s.len() > JsStr::MAX_LENGTH {
                    return self.throw_range_error("Invalid string length");
                }
                self.reserve_string(units.len() + s.len())?;
                units.extend_from_slice(s.units());
            }
        }
        Ok(Value::String(JsStr::from_units(units)))
    }

    /// A tagged template: GetTemplateObject, then a call of the tag.
    #[inline(never)]
    pub(super) fn eval_tagged_template(
        &mut self,
        f: &mut Frame,
        tag: &Expr,
        quasi: &Template,
        e: &Expr,
    ) -> JsResult<Value> {
        let Some((func, this)) = self.eval_chain(f, tag)? else {
            return Ok(Value::Undefined);
        };
        let cooked: Vec<Value> = quasi
            .quasis
            .iter()
            .map(|q| match &q.cooked {
                Some(c) => Value::String(JsStr::from_units(c.clone())),
                None => Value::Undefined,
            })
            .collect();
        let raw: Vec<Value> = quasi
            .quasis
            .iter()
            .map(|q| Value::String(JsStr::from_units(q.raw.clone())))
            .collect();
        let template = self.create_array_from_list(cooked);
        let raw = self.create_array_from_list(raw);
        self.set_integrity_level(&raw, crate::interp::ops::object_ops::IntegrityLevel::Frozen)?;
        template.define_own_property(
            PropertyKey::from("raw"),
            PropertyDescriptor::data(Value::Object(raw), Attributes::default()),
        );
        self.set_integrity_level(
            &template,
            crate::interp::ops::object_ops::IntegrityLevel::Frozen,
        )?;
        let mut args = vec![Value::Object(template)];
        for x in &quasi.exprs {
            args.push(self.eval_expr(f, x)?);
        }
        let this = if matches!(tag.kind, crate::syntax::ast::ExprKind::Member { .. }) {
            this
        } else {
            Value::Undefined
        };
        self.set_position(e.span.start);
        self.call(&func, &this, &args)
    }
}

fn is_proto_key(key: &PropKey) -> bool {
    match key {
        PropKey::Ident(n) => &**n == "__proto__",
        PropKey::Str(s) => **s == *"__proto__".encode_utf16().collect::<Vec<u16>>(),
        _ => false,
    }
}
