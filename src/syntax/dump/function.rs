//! Functions, classes and object-literal members in the tree printer.

use super::printer::{quoted, TreePrinter};
use crate::syntax::ast::{
    Class, ClassMember, Function, FunctionBody, FunctionKind, MethodKind, Prop, PropKey,
};
use crate::syntax::estree::json::js_number_to_string;

fn method_prefix(kind: MethodKind, is_static: bool) -> String {
    let mut prefix = String::new();
    if is_static {
        prefix.push_str("static ");
    }
    match kind {
        MethodKind::Get => prefix.push_str("get "),
        MethodKind::Set => prefix.push_str("set "),
        MethodKind::Method => {}
    }
    prefix
}

impl TreePrinter<'_> {
    /// How a property key reads in a label; a computed key reads
    /// `[computed]` and is printed as a `key:` child by [`Self::computed_key`].
    pub(super) fn key_label(&self, key: &PropKey) -> String {
        match key {
            PropKey::Ident(name) => name.to_string(),
            PropKey::Str(s) => quoted(s),
            PropKey::Num(n) => js_number_to_string(*n),
            PropKey::BigInt(digits) => format!("{digits}n"),
            PropKey::Computed(_) => "[computed]".to_string(),
            PropKey::Private(name) => format!("#{name}"),
        }
    }

    pub(super) fn computed_key(&mut self, depth: usize, key: &PropKey) {
        if let PropKey::Computed(e) = key {
            self.expr(depth, "key", e);
        }
    }

    /// `Function`, `Arrow`, `Method`, ... with `async`/`*` and the name, then
    /// parameters and body as children.
    pub(super) fn function(&mut self, depth: usize, role: &str, func: &Function) {
        let kind = match func.kind {
            FunctionKind::Normal => "Function",
            FunctionKind::Arrow => "Arrow",
            FunctionKind::Method => "Method",
            FunctionKind::Getter => "Getter",
            FunctionKind::Setter => "Setter",
            FunctionKind::ClassConstructor => "Constructor",
        };
        let mut label = String::new();
        if func.is_async {
            label.push_str("async ");
        }
        label.push_str(kind);
        if func.is_generator {
            label.push('*');
        }
        if let Some(name) = &func.name {
            label.push(' ');
            label.push_str(&name.name);
        }
        self.line(depth, role, &label, Some(func.span));
        self.function_parts(depth + 1, func);
    }

    fn function_parts(&mut self, depth: usize, func: &Function) {
        for param in &func.params {
            self.pattern(depth, "param", &param.target);
            if let Some(default) = &param.default {
                self.expr(depth + 1, "default", default);
            }
        }
        if let Some(rest) = &func.rest {
            self.pattern(depth, "rest", rest);
        }
        match &func.body {
            FunctionBody::Block(body) => self.stmts(depth, "", body),
            FunctionBody::Expr(e) => self.expr(depth, "body", e),
        }
    }

    pub(super) fn class(&mut self, depth: usize, role: &str, class: &Class) {
        let label = match &class.name {
            Some(name) => format!("Class {}", name.name),
            None => "Class".to_string(),
        };
        self.line(depth, role, &label, Some(class.span));
        let inner = depth + 1;
        if let Some(super_class) = &class.super_class {
            self.expr(inner, "extends", super_class);
        }
        for member in &class.members {
            self.class_member(inner, member);
        }
    }

    fn class_member(&mut self, depth: usize, member: &ClassMember) {
        match member {
            ClassMember::Constructor(func) => self.function(depth, "", func),
            ClassMember::Method {
                key,
                kind,
                is_static,
                func,
                span,
            } => {
                let mut label = format!("ClassMethod {}", method_prefix(*kind, *is_static));
                if func.is_async {
                    label.push_str("async ");
                }
                if func.is_generator {
                    label.push('*');
                }
                label.push_str(&self.key_label(key));
                self.line(depth, "", &label, Some(*span));
                self.computed_key(depth + 1, key);
                self.function_parts(depth + 1, func);
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
                let kind = match member {
                    ClassMember::Accessor { .. } => "Accessor",
                    _ => "Field",
                };
                let label = format!(
                    "{kind} {}{}",
                    method_prefix(MethodKind::Method, *is_static),
                    self.key_label(key)
                );
                self.line(depth, "", &label, Some(*span));
                self.computed_key(depth + 1, key);
                if let Some(value) = value {
                    self.expr(depth + 1, "value", value);
                }
            }
            ClassMember::StaticBlock { body, span, .. } => {
                self.line(depth, "", "StaticBlock", Some(*span));
                self.stmts(depth + 1, "", body);
            }
        }
    }

    pub(super) fn prop(&mut self, depth: usize, prop: &Prop) {
        match prop {
            Prop::KeyValue { key, value, span } => {
                self.line(
                    depth,
                    "",
                    &format!("Prop {}", self.key_label(key)),
                    Some(*span),
                );
                self.computed_key(depth + 1, key);
                self.expr(depth + 1, "value", value);
            }
            Prop::Shorthand(id) => {
                self.line(depth, "", &format!("Shorthand {}", id.name), Some(id.span));
            }
            Prop::CoverInit {
                name,
                default,
                span,
            } => {
                self.line(depth, "", &format!("CoverInit {}", name.name), Some(*span));
                self.expr(depth + 1, "default", default);
            }
            Prop::Method {
                key,
                kind,
                func,
                span,
            } => {
                let mut label = format!("PropMethod {}", method_prefix(*kind, false));
                if func.is_async {
                    label.push_str("async ");
                }
                if func.is_generator {
                    label.push('*');
                }
                label.push_str(&self.key_label(key));
                self.line(depth, "", &label, Some(*span));
                self.computed_key(depth + 1, key);
                self.function_parts(depth + 1, func);
            }
            Prop::Spread(e) => {
                self.line(depth, "", "Spread", Some(e.span));
                self.expr(depth + 1, "", e);
            }
        }
    }
}
