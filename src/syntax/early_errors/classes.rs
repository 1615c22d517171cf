//! Class definitions — ECMA-262 §15.7.1 "Static Semantics: Early Errors",
//! <https://tc39.es/ecma262/#sec-class-definitions-static-semantics-early-errors>,
//! and the private-name rule AllPrivateIdentifiersValid (§15.7.8).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::syntax::ast::{Class, ClassMember, Ident, MethodKind, Name, PropKey};
use crate::syntax::error::SyntaxError;
use crate::syntax::span::Span;

use super::context::{Check, Checker, FunctionContext};
use super::declarations::{Binding, ScopeKind};
use super::messages;
use super::names::prop_name_is;
use super::patterns::TargetPosition;

/// What a private name is declared as (PrivateBoundIdentifiers).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum PrivateElementKind {
    Field,
    Method,
    Getter,
    Setter,
    /// A getter and setter pair: complete, nothing more may share the name.
    Accessor,
}

/// The private names of one class body.
#[derive(Debug, Default)]
pub(super) struct ClassScope {
    /// Every private name the body declares, gathered when the class is
    /// entered: a reference may come before the declaration.
    names: HashSet<Name>,
    /// The declarations met so far, for the duplicate rule.
    declared: HashMap<Name, (PrivateElementKind, bool)>,
}

/// The private name without the `#` (the AST normally stores it without).
fn private_name(name: &str) -> &str {
    name.strip_prefix('#').unwrap_or(name)
}

fn private_key(key: &PropKey) -> Option<&Name> {
    match key {
        PropKey::Private(name) => Some(name),
        _ => None,
    }
}

/// PrivateBoundIdentifiers of a ClassElementList — ECMA-262 §15.7.3.
fn private_bound_identifiers(class: &Class) -> HashSet<Name> {
    let mut names = HashSet::default();
    for member in &class.members {
        let key = match member {
            ClassMember::Method { key, .. }
            | ClassMember::Field { key, .. }
            | ClassMember::Accessor { key, .. } => key,
            ClassMember::Constructor(_) | ClassMember::StaticBlock { .. } => continue,
        };
        if let Some(name) = private_key(key) {
            names.insert(Name::from(private_name(name)));
        }
    }
    names
}

impl Checker {
    /// ClassDeclaration: the class name is a lexical binding of the
    /// enclosing scope (V8 reports a clash at the whole declaration).
    pub fn check_class_declaration(&mut self, class: &Class, span: Span) -> Check {
        // All parts of a ClassDeclaration are strict mode code (§11.2.2).
        let outer = self.enter_strict_code(span);
        if let Some(name) = &class.name {
            self.check_declared_name(name)?;
            self.declare(Binding::Lexical, &name.name, span)?;
        }
        self.check_class(class)?;
        self.leave_strict_code(outer);
        Ok(())
    }

    /// ClassExpression: its name is bound only inside the class.
    pub fn check_class_expression(&mut self, class: &Class) -> Check {
        let outer = self.enter_strict_code(class.span);
        if let Some(name) = &class.name {
            self.check_binding_identifier(name, TargetPosition::Direct)?;
        }
        self.check_class(class)?;
        self.leave_strict_code(outer);
        Ok(())
    }

    /// ClassTail: the heritage is evaluated outside the class body (its
    /// private names and `super` are the enclosing code's), the elements
    /// inside it.
    fn check_class(&mut self, class: &Class) -> Check {
        if let Some(super_class) = &class.super_class {
            self.check_expr(super_class)?;
        }
        let derived = class.super_class.is_some();
        let names = private_bound_identifiers(class);
        for name in &names {
            *self.visible_private_names.entry(name.clone()).or_insert(0) += 1;
        }
        self.classes.push(ClassScope {
            names,
            declared: HashMap::default(),
        });
        let mut has_constructor = false;
        for member in &class.members {
            self.check_class_element(member, derived, &mut has_constructor)?;
        }
        if let Some(scope) = self.classes.pop() {
            for name in &scope.names {
                if let Some(count) = self.visible_private_names.get_mut(name) {
                    *count -= 1;
                }
            }
        }
        // AllPrivateIdentifiersValid of the outermost ClassBody: V8 reports
        // names that no enclosing class declares once that body ends.
        if self.classes.is_empty() {
            if let Some(error) = self.unresolved_private_name.take() {
                return self.report(Err(error));
            }
        }
        Ok(())
    }

    fn check_class_element(
        &mut self,
        member: &ClassMember,
        derived: bool,
        has_constructor: &mut bool,
    ) -> Check {
        match member {
            ClassMember::Constructor(function) => {
                self.check_constructor_count(has_constructor, function.span)?;
                self.check_function(function, derived)
            }
            ClassMember::Method {
                key,
                kind,
                is_static,
                func,
                span,
            } => {
                let mut is_constructor = false;
                if !*is_static && prop_name_is(key, "constructor") {
                    // "It is a Syntax Error if PropName of MethodDefinition is
                    // "constructor" and SpecialMethod of MethodDefinition is true."
                    let message = if *kind != MethodKind::Method {
                        Some(messages::CONSTRUCTOR_ACCESSOR)
                    } else if func.is_generator {
                        Some(messages::CONSTRUCTOR_GENERATOR)
                    } else if func.is_async {
                        Some(messages::CONSTRUCTOR_ASYNC)
                    } else {
                        None
                    };
                    if let Some(message) = message {
                        return self.fail(message, *span);
                    }
                    // A plain method named "constructor" is the constructor.
                    self.check_constructor_count(has_constructor, *span)?;
                    is_constructor = true;
                }
                if *is_static && prop_name_is(key, "prototype") {
                    return self.fail(messages::STATIC_PROTOTYPE, *span);
                }
                if let Some(name) = private_key(key) {
                    if private_name(name) == "constructor" {
                        return self.fail(messages::CONSTRUCTOR_PRIVATE, *span);
                    }
                    let element = match kind {
                        MethodKind::Method => PrivateElementKind::Method,
                        MethodKind::Get => PrivateElementKind::Getter,
                        MethodKind::Set => PrivateElementKind::Setter,
                    };
                    self.declare_private_name(name, element, *is_static, *span)?;
                }
                self.check_prop_key(key)?;
                self.check_function(func, is_constructor && derived)
            }
            ClassMember::Field {
                key,
                value,
                is_static,
                span,
                ..
            }
            | ClassMember::Accessor {
                key,
                value,
                is_static,
                span,
                ..
            } => {
                // FieldDefinition: "It is a Syntax Error if PropName of
                // ClassElementName is "constructor"" (also for `#constructor`,
                // and static fields named "prototype").
                let is_private_constructor =
                    private_key(key).is_some_and(|name| private_name(name) == "constructor");
                if prop_name_is(key, "constructor") || is_private_constructor {
                    return self.fail(messages::FIELD_CONSTRUCTOR, *span);
                }
                if *is_static && prop_name_is(key, "prototype") {
                    return self.fail(messages::STATIC_PROTOTYPE, *span);
                }
                if let Some(name) = private_key(key) {
                    self.declare_private_name(name, PrivateElementKind::Field, *is_static, *span)?;
                }
                self.check_prop_key(key)?;
                if let Some(value) = value {
                    self.enter_function(FunctionContext::class_initializer());
                    self.check_expr(value)?;
                    self.leave_function();
                }
                Ok(())
            }
            ClassMember::StaticBlock { body, .. } => {
                // ClassStaticBlockBody: its own var scope, no `arguments`,
                // `await`, `return`, `super()` (ECMA-262 §15.7.1).
                self.enter_function(FunctionContext::class_initializer());
                self.push_scope(ScopeKind::Function);
                self.check_statement_list(body)?;
                self.pop_scope();
                self.leave_function();
                Ok(())
            }
        }
    }

    /// "It is a Syntax Error if PrototypePropertyNameList of
    /// ClassElementList contains more than one occurrence of "constructor"."
    fn check_constructor_count(&mut self, has_constructor: &mut bool, span: Span) -> Check {
        if *has_constructor {
            return self.fail(messages::DUPLICATE_CONSTRUCTOR, span);
        }
        *has_constructor = true;
        Ok(())
    }

    /// "It is a Syntax Error if PrivateBoundIdentifiers of ClassElementList
    /// contains any duplicate entries, unless the name is used once for a
    /// getter and once for a setter and in no other entries, and the getter
    /// and setter are either both static or both non-static."
    fn declare_private_name(
        &mut self,
        name: &Name,
        kind: PrivateElementKind,
        is_static: bool,
        span: Span,
    ) -> Check {
        let bare = private_name(name);
        let Some(class) = self.classes.last_mut() else {
            return Ok(());
        };
        let merged = match class.declared.get(bare) {
            None => kind,
            Some(&(PrivateElementKind::Getter, s))
                if kind == PrivateElementKind::Setter && s == is_static =>
            {
                PrivateElementKind::Accessor
            }
            Some(&(PrivateElementKind::Setter, s))
                if kind == PrivateElementKind::Getter && s == is_static =>
            {
                PrivateElementKind::Accessor
            }
            Some(_) => return self.fail(messages::already_declared(&format!("#{bare}")), span),
        };
        class.declared.insert(Name::from(bare), (merged, is_static));
        Ok(())
    }

    /// A reference `#x` (in `o.#x` or `#x in o`): AllPrivateIdentifiersValid
    /// — some enclosing class must declare it.
    pub fn resolve_private_name(&mut self, ident: &Ident) -> Check {
        let bare = private_name(&ident.name);
        if self
            .visible_private_names
            .get(bare)
            .is_some_and(|&count| count > 0)
        {
            return Ok(());
        }
        let error = SyntaxError::new(messages::undeclared_private(bare), ident.span);
        if self.classes.is_empty() {
            return self.report(Err(error));
        }
        self.unresolved_private_name.get_or_insert(error);
        Ok(())
    }
}
