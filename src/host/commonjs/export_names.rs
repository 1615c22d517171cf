//! The named exports of a CommonJS module, found without running it: an
//! ES module importing CommonJS sees `default` (`module.exports`) and the
//! names this finds, as Node finds them with its CommonJS lexer.
//!
//! The scan works on vmjs's tokens and recognises, anywhere in the file:
//! - `exports.NAME =`, `exports['NAME'] =`, `module.exports.NAME =` (and
//!   `module.exports['NAME'] =`);
//! - `Object.defineProperty(exports, 'NAME', { value: … })` and
//!   `Object.defineProperty(exports, 'NAME', { enumerable: true, get:
//!   function () { return a.b; } })` (a getter that returns a name or a
//!   member chain; `module.exports` as the target too);
//! - `module.exports = { a, b: c, 'd': e, ...require('x'), f: g.h }`:
//!   keys up to the first value that is not a name, and up to the first
//!   member chain;
//! - re-exports: `module.exports = require('x')`, `...require('x')` in
//!   that object, `__exportStar(require('x'), exports)` and
//!   `__export(require('x'))` (TypeScript), and Babel's
//!   `var _x = require('x'); Object.keys(_x).forEach(function (key) …)`.

use rustc_hash::FxHashMap as HashMap;

use crate::syntax::token::{Tok, Token};

/// What the scan found: export names (each once, in order of appearance)
/// and the specifiers whose exports are re-exported.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct CommonJsExports {
    pub exports: Vec<String>,
    pub reexports: Vec<String>,
}

impl CommonJsExports {
    fn add_export(&mut self, name: String) {
        if !self.exports.contains(&name) {
            self.exports.push(name);
        }
    }

    fn add_reexport(&mut self, specifier: String) {
        if !self.reexports.contains(&specifier) {
            self.reexports.push(specifier);
        }
    }
}

/// The exports and re-exports of the CommonJS source `text`. Text the
/// lexer cannot read is scanned up to that point.
pub fn commonjs_exports(text: &str) -> CommonJsExports {
    let text = match text.strip_prefix("#!") {
        Some(rest) => format!("//{rest}"),
        None => text.to_string(),
    };
    let (tokens, _) = crate::syntax::lexer::tokenize_prefix(&text);
    Scanner {
        tokens: &tokens,
        found: CommonJsExports::default(),
        required: HashMap::default(),
    }
    .scan()
}

struct Scanner<'a> {
    tokens: &'a [Token],
    found: CommonJsExports,
    /// Names assigned `require('x')` (Babel's re-export pattern).
    required: HashMap<String, String>,
}

/// The IdentifierName a token spells, reserved words included (`default`
/// in `exports.default`).
fn name_of(tok: &Tok) -> Option<String> {
    match tok {
        Tok::Ident(name) => Some(name.to_string()),
        other => other
            .fixed_text()
            .filter(|t| t.chars().all(|c| c.is_ascii_alphabetic()))
            .map(str::to_string),
    }
}

/// A string literal's value.
fn string_of(tok: &Tok) -> Option<String> {
    match tok {
        Tok::Str { value, .. } => Some(String::from_utf16_lossy(value)),
        _ => None,
    }
}

impl Scanner<'_> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.tokens.get(i).map(|t| &t.tok)
    }

    fn is(&self, i: usize, tok: &Tok) -> bool {
        self.tok(i) == Some(tok)
    }

    fn is_ident(&self, i: usize, name: &str) -> bool {
        matches!(self.tok(i), Some(Tok::Ident(n)) if &**n == name)
    }

    /// Whether the token before `i` is a `.` (or `?.`): `a.exports` is
    /// not the `exports` binding.
    fn after_dot(&self, i: usize) -> bool {
        i > 0 && matches!(self.tok(i - 1), Some(Tok::Dot | Tok::QuestionDot))
    }

    fn scan(mut self) -> CommonJsExports {
        let mut i = 0;
        while i < self.tokens.len() {
            if !self.after_dot(i) {
                if self.is_ident(i, "exports") {
                    self.exports_member(i + 1);
                } else if self.is_module_exports(i) {
                    self.module_exports(i + 3);
                } else if self.is_ident(i, "Object") {
                    self.object_call(i + 1);
                } else if let Some(Tok::Ident(name)) = self.tok(i) {
                    let name = name.to_string();
                    self.assignment_of_require(&name, i + 1);
                }
            }
            if self.is_ident(i, "__exportStar") || self.is_ident(i, "__export") {
                // `__exportStar(require('x'), exports)`, `__export(require('x'))`
                if self.is(i + 1, &Tok::LParen) {
                    if let Some(specifier) = self.require_call(i + 2).map(|(s, _)| s) {
                        self.found.add_reexport(specifier);
                    }
                }
            }
            i += 1;
        }
        self.found
    }

    /// `module . exports` at `i`.
    fn is_module_exports(&self, i: usize) -> bool {
        self.is_ident(i, "module") && self.is(i + 1, &Tok::Dot) && self.is_ident(i + 2, "exports")
    }

    /// `require ( 'x' )` at `i`: the specifier and the index after `)`.
    fn require_call(&self, i: usize) -> Option<(String, usize)> {
        if !self.is_ident(i, "require") || !self.is(i + 1, &Tok::LParen) {
            return None;
        }
        let specifier = string_of(self.tok(i + 2)?)?;
        self.is(i + 3, &Tok::RParen).then_some((specifier, i + 4))
    }

    /// After `exports` (or `module.exports`) at `i`: `.NAME =` or
    /// `['NAME'] =` adds NAME.
    fn exports_member(&mut self, i: usize) {
        let (name, next) = match self.tok(i) {
            Some(Tok::Dot) => match self.tok(i + 1).and_then(name_of) {
                Some(name) => (name, i + 2),
                None => return,
            },
            Some(Tok::LBracket) => match self.tok(i + 1).and_then(string_of) {
                Some(name) if self.is(i + 2, &Tok::RBracket) => (name, i + 3),
                _ => return,
            },
            _ => return,
        };
        if self.is(next, &Tok::Eq) {
            self.found.add_export(name);
        }
    }

    /// After `module.exports` at `i`: a member assignment, or `=` then
    /// `require('x')` or an object literal.
    fn module_exports(&mut self, i: usize) {
        if !self.is(i, &Tok::Eq) {
            self.exports_member(i);
            return;
        }
        if let Some((specifier, _)) = self.require_call(i + 1) {
            self.found.add_reexport(specifier);
        } else if self.is(i + 1, &Tok::LBrace) {
            self.object_literal(i + 2);
        }
    }

    /// The entries of `module.exports = { … }` from `i`, up to the first
    /// entry whose value is not a name or member chain.
    fn object_literal(&mut self, mut i: usize) {
        loop {
            if self.is(i, &Tok::Ellipsis) {
                let Some((specifier, next)) = self.require_call(i + 1) else {
                    return;
                };
                self.found.add_reexport(specifier);
                i = next;
            } else {
                let tok = self.tok(i);
                let (key, shorthand) = match tok {
                    Some(Tok::Str { .. }) => (tok.and_then(string_of), false),
                    Some(t) => (name_of(t), matches!(t, Tok::Ident(_))),
                    None => return,
                };
                let Some(key) = key else {
                    return;
                };
                if self.is(i + 1, &Tok::Colon) {
                    let Some(next) = self.member_chain(i + 2) else {
                        return;
                    };
                    self.found.add_export(key);
                    // A member chain (`a: b.c`) is the last entry Node reads.
                    if next != i + 3 {
                        return;
                    }
                    i = next;
                } else if shorthand && matches!(self.tok(i + 1), Some(Tok::Comma | Tok::RBrace)) {
                    self.found.add_export(key);
                    i += 1;
                } else {
                    return;
                }
            }
            match self.tok(i) {
                Some(Tok::Comma) => i += 1,
                _ => return,
            }
            if self.is(i, &Tok::RBrace) {
                return;
            }
        }
    }

    /// A name followed by `.name` or `['key']` members, from `i`: the
    /// index after it.
    fn member_chain(&self, mut i: usize) -> Option<usize> {
        if !matches!(self.tok(i), Some(Tok::Ident(_))) {
            return None;
        }
        i += 1;
        loop {
            match self.tok(i) {
                Some(Tok::Dot) if self.tok(i + 1).and_then(name_of).is_some() => i += 2,
                Some(Tok::LBracket)
                    if self.tok(i + 1).and_then(string_of).is_some()
                        && self.is(i + 2, &Tok::RBracket) =>
                {
                    i += 3
                }
                _ => return Some(i),
            }
        }
    }

    /// After `Object` at `i`: `.defineProperty(exports, 'NAME', {…})` or
    /// Babel's `.keys(_x).forEach(function (key) …` re-export.
    fn object_call(&mut self, i: usize) {
        if !self.is(i, &Tok::Dot) {
            return;
        }
        if self.is_ident(i + 1, "defineProperty") && self.is(i + 2, &Tok::LParen) {
            self.define_property(i + 3);
        } else if self.is_ident(i + 1, "keys") && self.is(i + 2, &Tok::LParen) {
            let Some(Tok::Ident(name)) = self.tok(i + 3) else {
                return;
            };
            let Some(specifier) = self.required.get(&**name).cloned() else {
                return;
            };
            let for_each = self.is(i + 4, &Tok::RParen)
                && self.is(i + 5, &Tok::Dot)
                && self.is_ident(i + 6, "forEach")
                && self.is(i + 7, &Tok::LParen);
            if for_each {
                self.found.add_reexport(specifier);
            }
        }
    }

    /// The arguments of `Object.defineProperty(` from `i`.
    fn define_property(&mut self, i: usize) {
        let target_end = if self.is_ident(i, "exports") {
            i + 1
        } else if self.is_module_exports(i) {
            i + 3
        } else {
            return;
        };
        if !self.is(target_end, &Tok::Comma) || !self.is(target_end + 2, &Tok::Comma) {
            return;
        }
        let Some(name) = self.tok(target_end + 1).and_then(string_of) else {
            return;
        };
        if !self.is(target_end + 3, &Tok::LBrace) {
            return;
        }
        if self.descriptor_exports(target_end + 4) {
            self.found.add_export(name);
        }
    }

    /// Whether the descriptor from `i` (after `{`) is one Node counts: it
    /// starts `value:`, or `enumerable: true, get` with a getter that
    /// returns a name or a member chain.
    fn descriptor_exports(&self, mut i: usize) -> bool {
        if self.is_ident(i, "value") && self.is(i + 1, &Tok::Colon) {
            return true;
        }
        if !(self.is_ident(i, "enumerable")
            && self.is(i + 1, &Tok::Colon)
            && self.is(i + 2, &Tok::True)
            && self.is(i + 3, &Tok::Comma))
        {
            return false;
        }
        i += 4;
        if !self.is(i, &Tok::Get) {
            return false;
        }
        // `get: function () {` or `get() {`
        i += 1;
        if self.is(i, &Tok::Colon) && self.is(i + 1, &Tok::Function) {
            i += 2;
            if matches!(self.tok(i), Some(Tok::Ident(_))) {
                i += 1;
            }
        }
        if !(self.is(i, &Tok::LParen)
            && self.is(i + 1, &Tok::RParen)
            && self.is(i + 2, &Tok::LBrace))
        {
            return false;
        }
        i += 3;
        if !self.is(i, &Tok::Return) {
            return false;
        }
        let Some(end) = self.member_chain(i + 1) else {
            return false;
        };
        let end = if self.is(end, &Tok::Semicolon) {
            end + 1
        } else {
            end
        };
        self.is(end, &Tok::RBrace)
    }

    /// `NAME = require('x')` (or `NAME = f(require('x'))`, as Babel's
    /// interop helpers wrap it) after NAME at `i`.
    fn assignment_of_require(&mut self, name: &str, i: usize) {
        if !self.is(i, &Tok::Eq) {
            return;
        }
        let call = self.require_call(i + 1).or_else(|| {
            let wrapped =
                matches!(self.tok(i + 1), Some(Tok::Ident(_))) && self.is(i + 2, &Tok::LParen);
            if wrapped {
                self.require_call(i + 3)
            } else {
                None
            }
        });
        if let Some((specifier, _)) = call {
            self.required.insert(name.to_string(), specifier);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::commonjs_exports;

    #[test]
    fn finds_exports_and_reexports() {
        let found = commonjs_exports(
            "exports.a = 1; module.exports.b = 2; exports['c'] = 3; x.exports.no = 4;\n\
             Object.defineProperty(exports, 'd', { value: 1 });\n\
             Object.defineProperty(exports, 'e', { enumerable: true, get: function () { return q.r; } });\n\
             Object.defineProperty(exports, 'no2', { enumerable: true, get: function () { return 4; } });\n\
             module.exports = { f, 'j': k, ...require('./r'), g: h.i, l: 1, m };\n\
             __exportStar(require('./s'), exports);",
        );
        assert_eq!(found.exports, ["a", "b", "c", "d", "e", "f", "j", "g"]);
        assert_eq!(found.reexports, ["./r", "./s"]);
    }

    #[test]
    fn babel_reexport() {
        let found = commonjs_exports(
            "var _x = _interop(require(\"./x\"));\nObject.keys(_x).forEach(function (key) {});",
        );
        assert_eq!(found.reexports, ["./x"]);
    }
}
