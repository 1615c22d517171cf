//! `import.meta` and `import()`: the evaluator's side; the module layer
//! answers through `Agent::host` (HostLoadImportedModule,
//! HostGetImportMetaProperties).

use gc::Gc;

use super::frame::Frame;
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::object::JsObject;
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::syntax::ast::Expr;

impl Agent {
    /// `import.meta` — <https://tc39.es/ecma262/#sec-meta-properties-runtime-semantics-evaluation>
    #[inline(never)]
    pub(super) fn eval_import_meta(&mut self, f: &Frame) -> JsResult<Value> {
        let module = f.module_env.clone();
        match self.host.take() {
            Some(mut host) => {
                let result = host.import_meta(self, module);
                self.host = Some(host);
                result
            }
            None => {
                // Without a module host, a plain object with a null prototype.
                let meta = crate::interp::object::JsObject::ordinary_create(None);
                Ok(Value::Object(meta))
            }
        }
    }

    /// `import(specifier [, options])` — <https://tc39.es/ecma262/#sec-import-call-runtime-semantics-evaluation>
    #[inline(never)]
    pub(super) fn eval_import_call(
        &mut self,
        f: &mut Frame,
        phase: crate::syntax::ast::ImportPhase,
        specifier: &Expr,
        options: Option<&Expr>,
    ) -> JsResult<Value> {
        let capability = self.promise_capability()?;
        let spec_value = self.eval_expr(f, specifier)?;
        let options_value = match options {
            Some(o) => self.eval_expr(f, o)?,
            None => Value::Undefined,
        };
        // 9–10. Let specifierString be Completion(ToString(specifier)); IfAbruptRejectPromise.
        let outcome = (|| -> JsResult<(JsStr, Vec<(JsStr, JsStr)>)> {
            let spec = self.to_string(&spec_value)?;
            let attributes = self.import_attributes(&options_value)?;
            Ok((spec, attributes))
        })();
        let (spec, attributes) = match outcome {
            Ok(x) => x,
            Err(Throw(e)) => {
                self.call(&capability.reject.clone(), &Value::Undefined, &[*e])?;
                return Ok(capability.promise);
            }
        };
        match self.host.take() {
            Some(mut host) => {
                let referrer = f.module_env.clone();
                let result = host.import_dynamic(self, referrer, spec, attributes, phase);
                self.host = Some(host);
                match result {
                    // The promise of import() is the current realm's (step 2's
                    // capability): a host's promise from another realm (node:vm's
                    // importModuleDynamically runs in the main realm) settles it.
                    Ok(Value::Object(p)) if !self.is_current_realm_promise(&p) => {
                        self.call(
                            &capability.resolve.clone(),
                            &Value::Undefined,
                            &[Value::Object(p)],
                        )?;
                        Ok(capability.promise)
                    }
                    Ok(promise) => Ok(promise),
                    Err(Throw(e)) => {
                        self.call(&capability.reject.clone(), &Value::Undefined, &[*e])?;
                        Ok(capability.promise)
                    }
                }
            }
            None => {
                let e = self.type_error(format!("Cannot import '{spec}': no module loader"));
                self.call(&capability.reject.clone(), &Value::Undefined, &[*e.0])?;
                Ok(capability.promise)
            }
        }
    }

    /// The `with` entries of import()'s options (steps 11–12).
    fn import_attributes(&mut self, options: &Value) -> JsResult<Vec<(JsStr, JsStr)>> {
        let mut attributes = Vec::new();
        match options {
            Value::Undefined => return Ok(attributes),
            Value::Object(o) => {
                let with = self.get(o, &PropertyKey::from("with"))?;
                match &with {
                    Value::Undefined => {}
                    Value::Object(w) => {
                        for key in self.own_property_keys(w)? {
                            if !self
                                .get_own_property(w, &key)?
                                .is_some_and(|p| p.enumerable())
                            {
                                continue;
                            }
                            let v = self.get(w, &key)?;
                            let Value::String(v) = v else {
                                return self
                                    .throw_type_error("Import attribute value must be a string");
                            };
                            if let PropertyKey::String(k) = key {
                                attributes.push((k, v));
                            }
                        }
                    }
                    _ => {
                        return self
                            .throw_type_error("The second argument of import() must be an object")
                    }
                }
            }
            _ => return self.throw_type_error("The second argument of import() must be an object"),
        }
        Ok(attributes)
    }

    /// Whether `p` inherits from the current realm's %Promise.prototype%.
    fn is_current_realm_promise(&self, p: &Gc<JsObject>) -> bool {
        p.get_prototype_of()
            .is_some_and(|proto| Gc::ptr_eq(&proto, &self.intrinsics().promise_prototype))
    }
}
