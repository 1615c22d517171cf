//! Scripts (ECMA-262 §16.1): ParseScript, ScriptEvaluation and
//! GlobalDeclarationInstantiation (with Annex B.3.3.2 for non-strict
//! scripts, in `annex_b.rs`). A script's var and function declarations become
//! properties of the global object; its let, const and class declarations
//! live in its script environment, which the realm's global declarative
//! record names for later scripts and modules (see `interp::global_env`).

use std::collections::HashSet;
use std::rc::Rc;

use gc::Gc;

use super::frame::Frame;
use crate::interp::agent::{Agent, StackFrame};
use crate::interp::completion::JsResult;
use crate::interp::environment::Env;
use crate::interp::global_env::GlobalLexical;
use crate::interp::realm::Realm;
use crate::interp::source::SourceText;
use crate::interp::value::Value;
use crate::syntax::ast::{Function, Name, Script};
use crate::syntax::error::SyntaxError;
use crate::syntax::scope::{DeclKind, ScriptScope};

/// A Script Record — <https://tc39.es/ecma262/#sec-script-records>
pub struct ScriptRecord {
    /// [[Realm]]
    pub realm: Rc<Realm>,
    /// [[ECMAScriptCode]]
    pub ast: Rc<Script>,
    /// The text and the name stack traces print (a `file://` URL).
    pub source: Rc<SourceText>,
    /// The script environment: the slots of its top-level let, const and
    /// class bindings (and `this`, when an arrow reads it).
    pub env: Gc<Env>,
    /// [[HostDefined]]: the file relative `import()` specifiers resolve against.
    pub host_defined: Rc<str>,
}

impl ScriptRecord {
    /// ParseScript ( sourceText, realm, hostDefined ) — <https://tc39.es/ecma262/#sec-parse-script>
    ///
    /// `name` is what stack traces print for the script.
    pub fn parse(
        source_text: &str,
        realm: Rc<Realm>,
        name: &str,
        host_defined: &str,
    ) -> Result<ScriptRecord, SyntaxError> {
        ScriptRecord::parse_as(source_text, realm, name, host_defined, false)
    }

    /// ParseScript, with `strict`: the script is strict code even without
    /// a Use Strict Directive (test262's strict variant of a test).
    pub fn parse_as(
        source_text: &str,
        realm: Rc<Realm>,
        name: &str,
        host_defined: &str,
        strict: bool,
    ) -> Result<ScriptRecord, SyntaxError> {
        // 1. Let script be ParseText(sourceText, Script).
        // 2. If script is a List of errors, return script.
        let ast = if strict {
            crate::syntax::parse_strict_script(source_text)?
        } else {
            crate::syntax::parse_script(source_text)?
        };
        // 3. Return Script Record { [[Realm]]: realm, [[ECMAScriptCode]]: script,
        //    [[LoadedModules]]: « », [[HostDefined]]: hostDefined }.
        let source = SourceText::new(name, source_text);
        Ok(ScriptRecord::from_parsed(
            Rc::new(ast),
            source,
            realm,
            host_defined,
        ))
    }

    /// ParseScript's step 3 for a script parsed already: a new record (with
    /// a fresh script environment) for `realm`. `node:vm` parses a script
    /// once and runs it in any context.
    pub fn from_parsed(
        ast: Rc<Script>,
        source: Rc<SourceText>,
        realm: Rc<Realm>,
        host_defined: &str,
    ) -> ScriptRecord {
        let scope = script_scope(&ast);
        let env = Env::new_named(None, scope.env_slots, scope.env_names.clone());
        ScriptRecord {
            realm,
            ast,
            source,
            env,
            host_defined: Rc::from(host_defined),
        }
    }
}

fn script_scope(script: &Script) -> &ScriptScope {
    script
        .scope
        .get()
        .expect("scripts are analysed when parsed")
}

impl Agent {
    /// ScriptEvaluation ( scriptRecord ) — <https://tc39.es/ecma262/#sec-runtime-semantics-scriptevaluation>
    ///
    /// Returns the script's completion value (the frame tracks it through
    /// the statements' UpdateEmpty steps, as for eval code).
    pub fn script_evaluation(&mut self, script_record: &ScriptRecord) -> JsResult<Value> {
        // 1. Let globalEnv be scriptRecord.[[Realm]].[[GlobalEnv]].
        // 2–8. Let scriptContext be a new ECMAScript code execution context whose
        //      Realm is scriptRecord.[[Realm]], ScriptOrModule scriptRecord, and
        //      VariableEnvironment and LexicalEnvironment globalEnv (here: the
        //      script environment, whose names the global declarative record holds).
        let outer_realm = std::mem::replace(&mut self.realm, script_record.realm.clone());
        self.mark_source_realm(&script_record.source);
        let scope = script_scope(&script_record.ast);
        let mut frame = Frame::new(
            scope.frame_size,
            Some(script_record.env.clone()),
            Some(script_record.env.clone()),
            script_record.source.clone(),
            None,
        );
        frame.strict = !script_record.ast.sloppy.get();
        frame.completion = Some(Value::Undefined);
        self.realm.global_env.add_script(
            script_record.env.clone(),
            script_record.host_defined.clone(),
        );
        // 9. Push scriptContext onto the execution context stack.
        self.stack.push(StackFrame {
            function: None,
            source: script_record.source.clone(),
            position: std::cell::Cell::new(0),
        });
        // 10. Let script be scriptRecord.[[ECMAScriptCode]].
        let script = &script_record.ast;
        // 11. Let result be Completion(GlobalDeclarationInstantiation(script, globalEnv)).
        let mut result = self.global_declaration_instantiation(&mut frame, script_record);
        // 12. If result is a normal completion, then
        if result.is_ok() {
            // a. Set result to Completion(Evaluation of script).
            result = self.evaluate_script_body(&mut frame, script);
        }
        // 14–15. Suspend scriptContext and remove it from the execution context stack.
        self.stack.pop();
        self.realm = outer_realm;
        // 13. If result is a normal completion and result.[[Value]] is empty,
        //     set result to NormalCompletion(undefined).
        // 17. Return ? result.
        result.map(|()| frame.completion.take().unwrap_or(Value::Undefined))
    }

    /// Evaluation of Script : ScriptBody, with the global `this` bound.
    fn evaluate_script_body(&mut self, frame: &mut Frame, script: &Script) -> JsResult<()> {
        let scope = script_scope(script);
        if let Some(b) = scope.this_binding {
            // GetThisEnvironment at the top level is the global environment:
            // its [[GlobalThisValue]] is the global object.
            let this = Value::Object(self.global_object());
            self.initialize_binding(frame, b, "this", this)?;
        }
        self.eval_stmts(frame, &script.body)?;
        Ok(())
    }

    /// GlobalDeclarationInstantiation ( script, env ) — <https://tc39.es/ecma262/#sec-globaldeclarationinstantiation>
    fn global_declaration_instantiation(
        &mut self,
        frame: &mut Frame,
        script_record: &ScriptRecord,
    ) -> JsResult<()> {
        let scope = script_scope(&script_record.ast);
        // 1. Let lexNames be the LexicallyDeclaredNames of script.
        let lex_names = &scope.lexical_declarations;
        // 2. Let varNames be the VarDeclaredNames of script.
        let var_names = scope
            .var_names
            .iter()
            .chain(scope.functions.iter().filter_map(|f| function_name(f)));
        // 3. For each element name of lexNames, do
        for (name, _, _) in lex_names {
            // a. If env.HasLexicalDeclaration(name) is true, throw a SyntaxError exception.
            // b. Let hasRestrictedGlobal be ? env.HasRestrictedGlobalProperty(name).
            // c. NOTE: Global var and function bindings (except those that are
            //    introduced by non-strict direct eval) are non-configurable and
            //    are therefore restricted global properties.
            // d. If hasRestrictedGlobal is true, throw a SyntaxError exception.
            // (ES2025 removed the global record's [[VarNames]] and HasVarDeclaration:
            // a configurable var that eval code made may be shadowed by a let.)
            if self.has_lexical_declaration(name) || self.has_restricted_global_property(name)? {
                return Err(already_declared(self, name));
            }
        }
        // 4. For each element name of varNames, do
        for name in var_names {
            // a. If HasLexicalDeclaration(name) is true, throw a SyntaxError exception.
            if self.has_lexical_declaration(name) {
                return Err(already_declared(self, name));
            }
        }
        // 5. Let varDeclarations be the VarScopedDeclarations of script.
        // 6. Let functionsToInitialize be a new empty List.
        let mut functions_to_initialize: Vec<(&Name, &Rc<Function>)> = Vec::new();
        // 7. Let declaredFunctionNames be a new empty List.
        let mut declared_function_names: HashSet<&Name> = HashSet::new();
        // 8. For each element d of varDeclarations, in reverse List order, do
        for d in scope.functions.iter().rev() {
            // a. If d is not a VariableDeclaration, a ForBinding, or a BindingIdentifier, then
            //    i–iii. Let fn be the sole element of the BoundNames of d.
            let Some(function_name) = function_name(d) else {
                continue;
            };
            // iv. If declaredFunctionNames does not contain fn, then
            if declared_function_names.insert(function_name) {
                // 1. Let fnDefinable be ? CanDeclareGlobalFunction(fn).
                // 2. If fnDefinable is false, throw a TypeError exception.
                if !self.can_declare_global_function(function_name)? {
                    return self
                        .throw_type_error(format!("Cannot redefine property: {function_name}"));
                }
                // 3. Append fn to declaredFunctionNames.
                // 4. Insert d as the first element of functionsToInitialize.
                functions_to_initialize.push((function_name, d));
            }
        }
        functions_to_initialize.reverse();
        // 9. Let declaredVarNames be a new empty List.
        let mut declared_var_names: Vec<&Name> = Vec::new();
        // 10. For each element d of varDeclarations, do
        //     a. If d is a VariableDeclaration, a ForBinding, or a BindingIdentifier, then
        //        i. For each String vn of the BoundNames of d, do
        for vn in &scope.var_names {
            // 1. If declaredFunctionNames does not contain vn, then
            if declared_function_names.contains(vn) {
                continue;
            }
            // a. Let vnDefinable be ? CanDeclareGlobalVar(vn).
            // b. If vnDefinable is false, throw a TypeError exception.
            if !self.can_declare_global_var(vn)? {
                return self.throw_type_error(format!(
                    "Cannot add property {vn}, object is not extensible"
                ));
            }
            // c. If declaredVarNames does not contain vn, then append vn.
            //    (The scope record lists each name once.)
            declared_var_names.push(vn);
        }
        // 11. NOTE: No abnormal terminations occur after this algorithm step if
        //     the global object is an ordinary object.
        // 12. NOTE: Annex B.3.2.2 adds additional steps at this point
        //     (B.3.3.2: block-level functions' var bindings).
        let declared: HashSet<&Name> = declared_function_names
            .iter()
            .copied()
            .chain(declared_var_names.iter().copied())
            .collect();
        self.global_annex_b_instantiation(frame, scope, &declared)?;
        // 15. For each element d of lexDeclarations, for each element dn of its
        //     BoundNames: CreateImmutableBinding(dn, true) if d is a constant
        //     declaration, else CreateMutableBinding(dn, false).
        let global_env = &script_record.realm.global_env;
        for (name, slot, kind) in lex_names {
            global_env.create_lexical_binding(
                name.clone(),
                GlobalLexical {
                    env: script_record.env.clone(),
                    slot: *slot,
                    mutable: *kind != DeclKind::Const,
                },
            );
        }
        // 16. Let privateEnv be null.
        // 17. For each Parse Node f of functionsToInitialize, do
        for (function_name, f) in functions_to_initialize {
            // a. Let fn be the sole element of the BoundNames of f.
            // b. Let fo be InstantiateFunctionObject of f with arguments env and privateEnv.
            let fo = self.instantiate_function_declaration(frame, f);
            // c. Perform ? env.CreateGlobalFunctionBinding(fn, fo, false).
            self.create_global_function_binding(function_name, Value::Object(fo), false)?;
        }
        // 18. For each String vn of declaredVarNames, do
        for vn in declared_var_names {
            // a. Perform ? env.CreateGlobalVarBinding(vn, false).
            self.create_global_var_binding(vn, false)?;
        }
        // 19. Return unused.
        Ok(())
    }
}

fn function_name(f: &Function) -> Option<&Name> {
    f.name.as_ref().map(|id| &id.name)
}

/// The SyntaxError of a redeclared global, worded as V8 words it.
fn already_declared(agent: &mut Agent, name: &str) -> crate::interp::completion::Throw {
    agent.syntax_error(format!("Identifier '{name}' has already been declared"))
}
