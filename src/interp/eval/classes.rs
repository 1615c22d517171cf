//! Class definitions (ECMA-262 §15.7): ClassDefinitionEvaluation, fields,
//! private names, static blocks and InitializeInstanceElements.

use std::rc::Rc;

use gc::Gc;

use super::call::closure_of;
use super::frame::{Completion, Frame};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::environment::Env;
use crate::interp::function::{Code, ConstructorKind, FieldRecord};
use crate::interp::native::{set_function_length, set_function_name};
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::ops::call::is_constructor;
use crate::interp::property::{Attributes, Property, PropertyDescriptor, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::{Symbol, Value};
use crate::syntax::ast::{Class, ClassMember, MethodKind, PropKey};
use crate::syntax::scope::{ClassScope, FunctionScope};

/// A static element, run after the class binding is initialised.
enum StaticElement {
    Field(FieldRecord),
    Block(Gc<JsObject>),
}

impl Agent {
    /// ClassDefinitionEvaluation ( classBinding, className ) —
    /// <https://tc39.es/ecma262/#sec-runtime-semantics-classdefinitionevaluation>
    pub(crate) fn eval_class(
        &mut self,
        f: &mut Frame,
        class: &Rc<Class>,
        name: Option<JsStr>,
    ) -> JsResult<Value> {
        let scope = class.scope.get().expect("classes are analysed");
        // 1–6. Let classEnv be NewDeclarativeEnvironment(env), with the
        //      class's name binding and its private names.
        let saved = f.env.clone();
        if let Some(n) = scope.env_slots {
            f.env = Some(Env::new_named(f.env.clone(), n, scope.env_names.clone()));
        }
        for &slot in &scope.tdz_frame_slots {
            f.slots[slot as usize] = None;
        }
        let result = self.class_definition(f, class, scope, name);
        f.env = saved;
        result
    }

    fn class_definition(
        &mut self,
        f: &mut Frame,
        class: &Rc<Class>,
        scope: &ClassScope,
        name: Option<JsStr>,
    ) -> JsResult<Value> {
        for (private, binding) in &scope.private_names {
            let symbol = Symbol::new_private(&format!("#{private}"));
            self.initialize_binding(f, *binding, "", Value::Symbol(symbol))?;
        }
        let intrinsics = self.intrinsics();
        let function_prototype = intrinsics.function_prototype.clone();
        // 8–9. protoParent and constructorParent from ClassHeritage.
        let (proto_parent, constructor_parent) = match &class.super_class {
            None => (
                Some(intrinsics.object_prototype.clone()),
                function_prototype.clone(),
            ),
            Some(heritage) => {
                let superclass = self.eval_expr(f, heritage)?;
                match superclass {
                    Value::Null => (None, function_prototype.clone()),
                    Value::Object(ref c) if is_constructor(c) => {
                        let pp = self.get(c, &PropertyKey::from("prototype"))?;
                        match pp {
                            Value::Object(p) => (Some(p), c.clone()),
                            Value::Null => (None, c.clone()),
                            other => {
                                let shown = self.to_display_string(&other);
                                return self.throw_type_error(format!(
                                    "Class extends value does not have valid prototype property {shown}"
                                ));
                            }
                        }
                    }
                    other => {
                        let shown = self.to_display_string(&other);
                        return self.throw_type_error(format!(
                            "Class extends value {shown} is not a constructor or null"
                        ));
                    }
                }
            }
        };
        let derived = class.super_class.is_some();
        // 10. Let proto be OrdinaryObjectCreate(protoParent).
        let proto = JsObject::ordinary_create(proto_parent);
        // 12–14. The constructor: its method, or a default one.
        let constructor = class.members.iter().find_map(|m| match m {
            ClassMember::Constructor(func) => Some(func.clone()),
            _ => None,
        });
        let (code, length) = match &constructor {
            Some(func) => (
                Code::Function(func.clone()),
                super::functions::expected_argument_count(func),
            ),
            None => (
                Code::DefaultConstructor {
                    derived,
                    class: class.clone(),
                },
                0.0,
            ),
        };
        let kind = if derived {
            ConstructorKind::Derived
        } else {
            ConstructorKind::Base
        };
        let ctor = self.closure_object(f, code, constructor_parent, Some(proto.clone()), kind);
        set_function_length(&ctor, length);
        let class_name = name
            .or_else(|| class.name.as_ref().map(|n| JsStr::from_units(n.units())))
            .unwrap_or_else(|| JsStr::from(""));
        set_function_name(&ctor, class_name);
        // 16. Perform MakeConstructor(F, false, proto).
        ctor.define_own_property(
            PropertyKey::from("prototype"),
            PropertyDescriptor::data(Value::Object(proto.clone()), Attributes::default()),
        );
        // 18. Perform CreateMethodProperty(proto, "constructor", F).
        proto.define_own_property(
            PropertyKey::from("constructor"),
            PropertyDescriptor::data(Value::Object(ctor.clone()), Attributes::METHOD),
        );
        // 25–26. ClassElementEvaluation of each element, in order.
        let mut statics: Vec<StaticElement> = Vec::new();
        let ctor_closure = closure_of(&ctor);
        for (index, member) in class.members.iter().enumerate() {
            match member {
                ClassMember::Constructor(_) => {}
                ClassMember::Method {
                    key,
                    kind,
                    is_static,
                    func,
                    ..
                } => {
                    let target = if *is_static {
                        ctor.clone()
                    } else {
                        proto.clone()
                    };
                    if let PropKey::Private(pname) = key {
                        let pkey = self.private_name_key(f, scope, pname)?;
                        let prefix = match kind {
                            MethodKind::Method => "",
                            MethodKind::Get => "get ",
                            MethodKind::Set => "set ",
                        };
                        let method = self.instantiate_method(
                            f,
                            func,
                            &target,
                            JsStr::from(format!("{prefix}#{pname}")),
                        );
                        let method = Value::Object(method);
                        if *is_static {
                            add_private_method(&ctor, pkey, *kind, method);
                        } else {
                            record_private_method(ctor_closure, pkey, *kind, method);
                        }
                        continue;
                    }
                    let key = self.eval_prop_key(f, key)?;
                    self.define_method_property(f, &target, key, *kind, func, false)?;
                }
                ClassMember::Field {
                    key,
                    value,
                    is_static,
                    ..
                }
                | ClassMember::Accessor {
                    key,
                    value,
                    is_static,
                    ..
                } => {
                    let home = if *is_static {
                        ctor.clone()
                    } else {
                        proto.clone()
                    };
                    let key = match key {
                        PropKey::Private(pname) => self.private_name_key(f, scope, pname)?,
                        other => self.eval_prop_key(f, other)?,
                    };
                    let initializer = value.as_ref().map(|_| {
                        let code = Code::FieldInitializer {
                            class: class.clone(),
                            member: index,
                        };
                        self.closure_object(
                            f,
                            code,
                            function_prototype.clone(),
                            Some(home.clone()),
                            ConstructorKind::None,
                        )
                    });
                    let record = FieldRecord { key, initializer };
                    if *is_static {
                        statics.push(StaticElement::Field(record));
                    } else {
                        ctor_closure.fields.push(record);
                    }
                }
                ClassMember::StaticBlock { .. } => {
                    let code = Code::StaticBlock {
                        class: class.clone(),
                        member: index,
                    };
                    let block = self.closure_object(
                        f,
                        code,
                        function_prototype.clone(),
                        Some(ctor.clone()),
                        ConstructorKind::None,
                    );
                    statics.push(StaticElement::Block(block));
                }
            }
        }
        // 27. If classBinding is not undefined: InitializeBinding(classBinding, F).
        if let Some(b) = scope.name_binding {
            self.initialize_binding(f, b, "", Value::Object(ctor.clone()))?;
        }
        // 31–32. Static fields and static blocks, in order.
        let receiver = Value::Object(ctor.clone());
        for element in statics {
            match element {
                StaticElement::Field(record) => self.define_field(&ctor, &record)?,
                StaticElement::Block(block) => {
                    self.call_object(&block, &receiver, &[])?;
                }
            }
        }
        Ok(Value::Object(ctor))
    }

    /// The private symbol of `#name` declared by this class.
    fn private_name_key(
        &mut self,
        f: &Frame,
        scope: &ClassScope,
        name: &str,
    ) -> JsResult<PropertyKey> {
        let binding = scope
            .private_names
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, b)| *b);
        match binding {
            Some(b) => match self.read_binding(f, b)? {
                Some(Value::Symbol(s)) => Ok(PropertyKey::Symbol(s)),
                _ => self.throw_type_error(format!(
                    "Private field '#{name}' must be declared in an enclosing class"
                )),
            },
            None => self.throw_type_error(format!(
                "Private field '#{name}' must be declared in an enclosing class"
            )),
        }
    }

    /// InitializeInstanceElements ( O, constructor ) —
    /// <https://tc39.es/ecma262/#sec-initializeinstanceelements>
    pub(crate) fn initialize_instance_elements(
        &mut self,
        o: &Gc<JsObject>,
        constructor: &Gc<JsObject>,
    ) -> JsResult<()> {
        let ObjectKind::Function(data) = &constructor.kind else {
            return Ok(());
        };
        let Some(closure) = data.closure() else {
            return Ok(());
        };
        // 2. For each PrivateElement method of methods: PrivateMethodOrAccessorAdd(O, method).
        for (key, a, b) in closure.private_methods.to_vec() {
            let property = if matches!(b, Value::Null) {
                Property::Data {
                    value: a,
                    attrs: Attributes::default(),
                }
            } else {
                Property::accessor(
                    a.as_object().cloned(),
                    b.as_object().cloned(),
                    Attributes::default(),
                )
            };
            if !o.private_add(key, property) {
                return self.throw_type_error(
                    "Cannot initialize private methods of class twice on the same object",
                );
            }
        }
        // 3. For each element fieldRecord of constructor.[[Fields]]: DefineField(O, fieldRecord).
        for record in closure.fields.to_vec() {
            self.define_field(o, &record)?;
        }
        Ok(())
    }

    /// DefineField ( receiver, fieldRecord ) — <https://tc39.es/ecma262/#sec-definefield>
    fn define_field(&mut self, receiver: &Gc<JsObject>, record: &FieldRecord) -> JsResult<()> {
        // 3–4. initValue is the initializer's result, or undefined.
        let value = match &record.initializer {
            Some(init) => self.call_object(init, &Value::Object(receiver.clone()), &[])?,
            None => Value::Undefined,
        };
        match &record.key {
            // 5. If fieldName is a Private Name: PrivateFieldAdd.
            PropertyKey::Symbol(s) if s.private => {
                let property = Property::Data {
                    value,
                    attrs: Attributes {
                        writable: true,
                        enumerable: false,
                        configurable: false,
                    },
                };
                if !receiver.private_add(record.key.clone(), property) {
                    let name = s
                        .description
                        .as_ref()
                        .map(|d| d.to_rust_string())
                        .unwrap_or_default();
                    return self.throw_type_error(format!(
                        "Cannot initialize {name} twice on the same object"
                    ));
                }
                Ok(())
            }
            // 6. Else: CreateDataPropertyOrThrow(receiver, fieldName, initValue).
            key => self.create_data_property_or_throw(receiver, key.clone(), value),
        }
    }

    /// Runs a field initialiser as the method it is, with `this` = the receiver.
    pub(crate) fn run_field_initializer(
        &mut self,
        f_obj: &Gc<JsObject>,
        class: &Rc<Class>,
        member: usize,
        this: Value,
    ) -> JsResult<Value> {
        let (key, value, scope) = match &class.members[member] {
            ClassMember::Field {
                key, value, scope, ..
            }
            | ClassMember::Accessor {
                key, value, scope, ..
            } => (key, value, scope.get().expect("analysed")),
            _ => unreachable!("field initialisers point at fields"),
        };
        let Some(value) = value else {
            return Ok(Value::Undefined);
        };
        let mut frame = self.member_frame(f_obj, scope, this)?;
        self.push_context(f_obj, frame.source.clone(), value.span.start);
        let result = if super::functions::is_anonymous_function_definition(value) {
            let name = match key {
                PropKey::Ident(n) => JsStr::from(&**n),
                PropKey::Str(s) => JsStr::from_units(s.clone()),
                PropKey::Num(n) => JsStr::from(crate::interp::number::number_to_string(*n)),
                PropKey::Private(n) => JsStr::from(format!("#{n}")),
                PropKey::BigInt(d) => JsStr::from(&**d),
                PropKey::Computed(_) => JsStr::from(""),
            };
            self.eval_named_function(&mut frame, value, name)
        } else {
            self.eval_expr(&mut frame, value)
        };
        self.stack.pop();
        result
    }

    /// Runs a `static { }` block with `this` = the class.
    pub(crate) fn run_static_block(
        &mut self,
        f_obj: &Gc<JsObject>,
        class: &Rc<Class>,
        member: usize,
        this: Value,
    ) -> JsResult<Value> {
        let ClassMember::StaticBlock { body, scope, span } = &class.members[member] else {
            unreachable!("static blocks point at static blocks")
        };
        let scope = scope.get().expect("analysed");
        let mut frame = self.member_frame(f_obj, scope, this)?;
        self.push_context(f_obj, frame.source.clone(), span.start);
        for &b in &scope.var_bindings {
            self.initialize_binding(&mut frame, b, "", Value::Undefined)?;
        }
        for h in &scope.hoisted_functions {
            let fo = self.instantiate_function_declaration(&frame, &h.function);
            self.initialize_binding(&mut frame, h.target, "", Value::Object(fo))?;
        }
        let result = self.eval_stmts(&mut frame, body);
        self.stack.pop();
        match result? {
            Completion::Return(v) => Ok(v),
            _ => Ok(Value::Undefined),
        }
    }

    /// The frame of a field initialiser or static block.
    fn member_frame(
        &mut self,
        f_obj: &Gc<JsObject>,
        scope: &FunctionScope,
        this: Value,
    ) -> JsResult<Frame> {
        let closure = closure_of(f_obj);
        let env = match scope.env_slots {
            Some(n) => Some(Env::new_named(
                closure.env.clone(),
                n,
                scope.env_names.clone(),
            )),
            None => closure.env.clone(),
        };
        let mut frame = Frame::new(
            scope.frame_size,
            env,
            closure.module_env.clone(),
            closure.source.clone(),
            Some(f_obj.clone()),
        );
        if let Some(b) = scope.this_binding {
            self.initialize_binding(&mut frame, b, "this", this)?;
        }
        if let Some(b) = scope.new_target_binding {
            self.initialize_binding(&mut frame, b, "new.target", Value::Undefined)?;
        }
        if let Some(b) = scope.function_binding {
            self.initialize_binding(&mut frame, b, "", Value::Object(f_obj.clone()))?;
        }
        Ok(frame)
    }
}

/// A static private method or accessor, added to the class itself.
fn add_private_method(target: &Gc<JsObject>, key: PropertyKey, kind: MethodKind, method: Value) {
    let property = match (kind, target.get_own_property(&key)) {
        (MethodKind::Method, _) => Property::Data {
            value: method,
            attrs: Attributes::default(),
        },
        (MethodKind::Get, Some(Property::Accessor(a))) => {
            Property::accessor(method.as_object().cloned(), a.set, Attributes::default())
        }
        (MethodKind::Set, Some(Property::Accessor(a))) => {
            Property::accessor(a.get, method.as_object().cloned(), Attributes::default())
        }
        (MethodKind::Get, _) => {
            Property::accessor(method.as_object().cloned(), None, Attributes::default())
        }
        (MethodKind::Set, _) => {
            Property::accessor(None, method.as_object().cloned(), Attributes::default())
        }
    };
    target.private_put(key, property);
}

/// Records an instance private method/accessor in [[PrivateMethods]]:
/// (key, method, null) or (key, getter|undefined, setter|undefined).
fn record_private_method(
    closure: &crate::interp::function::Closure,
    key: PropertyKey,
    kind: MethodKind,
    method: Value,
) {
    if kind == MethodKind::Method {
        closure.private_methods.push((key, method, Value::Null));
        return;
    }
    let id = key.id();
    let mut found = None;
    closure.private_methods.for_each(|i, (k, _, _)| {
        if k.id() == id {
            found = Some(i);
        }
    });
    match found {
        Some(i) => {
            let (k, g, s) = closure.private_methods.get(i).expect("index from for_each");
            let entry = if kind == MethodKind::Get {
                (k, method, s)
            } else {
                (k, g, method)
            };
            closure.private_methods.set(i, entry);
        }
        None => {
            let entry = if kind == MethodKind::Get {
                (key, method, Value::Undefined)
            } else {
                (key, Value::Undefined, method)
            };
            closure.private_methods.push(entry);
        }
    }
}
