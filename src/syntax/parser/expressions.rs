//! Grammar actions for expressions (ECMA-262 §13).

use super::super::ast::{
    AssignOp, BinaryOp, Expr, ExprKind, ExprOrSpread, Ident, ImportPhase, Literal, LogicalOp,
    MemberProp, Prop, PropKey, StringLit, Template, UnaryOp, UpdateOp,
};
use super::super::cover;
use super::super::error::SyntaxError;
use super::super::span::Span;
use super::super::token::{RegexToken, Tok};
use super::adapter::Lex;
use super::parts::{
    fail, sp, Args, AsyncCallHead, BinChain, BinTok, CoverParen, Operand, OptionalLink, R,
};
use super::state::ParseState;

const EXPONENT_AFTER_UNARY: &str = "Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence";

impl ParseState<'_> {
    /// AssignmentExpression: `target op value` (§13.15).
    pub fn assign(&self, target: Expr, op: AssignOp, value: Expr, l: usize, r: usize) -> R<Expr> {
        let pattern = if op == AssignOp::Assign {
            cover::assignment_target(self, target)?
        } else {
            if !cover::is_outer_target(&target) {
                return fail("Invalid left-hand side in assignment", target.span);
            }
            cover::into_simple_target(self, target)
        };
        Ok(self.expr(
            ExprKind::Assign {
                op,
                target: Box::new(pattern),
                value: Box::new(value),
            },
            l,
            r,
        ))
    }

    /// ConditionalExpression (§13.14) whose test is an operator chain.
    pub fn conditional(
        &self,
        test: BinChain,
        consequent: Expr,
        alternate: Expr,
        l: usize,
        r: usize,
    ) -> R<Expr> {
        let test = self.binary_chain(test)?;
        Ok(self.conditional_expr(test, consequent, alternate, l, r))
    }

    /// ConditionalExpression (§13.14).
    pub fn conditional_expr(
        &self,
        test: Expr,
        consequent: Expr,
        alternate: Expr,
        l: usize,
        r: usize,
    ) -> Expr {
        self.expr(
            ExprKind::Cond {
                test: Box::new(test),
                consequent: Box::new(consequent),
                alternate: Box::new(alternate),
            },
            l,
            r,
        )
    }

    pub fn yield_expr(&self, arg: Option<Expr>, delegate: bool, l: usize, r: usize) -> Expr {
        self.note_yield(sp(l, l + "yield".len()));
        self.expr(
            ExprKind::Yield {
                arg: arg.map(Box::new),
                delegate,
            },
            l,
            r,
        )
    }

    pub fn await_expr(&self, arg: Expr, l: usize, r: usize) -> Expr {
        self.note_await(sp(l, l + "await".len()));
        self.expr(ExprKind::Await(Box::new(arg)), l, r)
    }

    /// Applies precedence and associativity to a flat operator chain
    /// (§13.6-§13.13), with the rules the flat grammar cannot express.
    pub fn binary_chain(&self, chain: BinChain) -> R<Expr> {
        // §13.13: `??` cannot be mixed with `&&` or `||` without parentheses.
        let (mut nullish, mut logical) = (false, false);
        for (op, span) in chain.items.iter().filter_map(|(op, _)| op.as_ref()) {
            match op {
                BinTok::Logical(LogicalOp::Nullish) if logical => {
                    return fail("Unexpected token '??'", *span)
                }
                BinTok::Logical(LogicalOp::Nullish) => nullish = true,
                BinTok::Logical(and_or) if nullish => {
                    let text = if *and_or == LogicalOp::And {
                        "&&"
                    } else {
                        "||"
                    };
                    return fail(format!("Unexpected token '{text}'"), *span);
                }
                BinTok::Logical(_) => logical = true,
                BinTok::Binary(_) => {}
            }
        }
        let mut items = chain.items.into_iter();
        let mut operands = Vec::with_capacity(items.len());
        operands.extend(items.next().map(|(_, first)| first));
        let mut ops: Vec<(BinTok, crate::syntax::span::Span)> = Vec::new();
        for (op, operand) in items {
            let (op, span) = op.expect("every operand after the first follows an operator");
            let p = precedence(op);
            while let Some(&(top, _)) = ops.last() {
                let tp = precedence(top);
                // `**` is right-associative; everything else is left-associative.
                if tp > p || (tp == p && op != BinTok::Binary(BinaryOp::Exp)) {
                    self.reduce_chain(&mut operands, &mut ops)?;
                } else {
                    break;
                }
            }
            if op == BinTok::Binary(BinaryOp::Exp) {
                if let Some(Operand::Expr(left)) = operands.last() {
                    if matches!(left.kind, ExprKind::Unary { .. } | ExprKind::Await(_)) {
                        return fail(EXPONENT_AFTER_UNARY, left.span);
                    }
                }
            }
            ops.push((op, span));
            operands.push(operand);
        }
        while !ops.is_empty() {
            self.reduce_chain(&mut operands, &mut ops)?;
        }
        match operands.pop() {
            Some(Operand::Expr(e)) => Ok(e),
            Some(Operand::Private(id)) => {
                fail(format!("Unexpected identifier '#{}'", id.name), id.span)
            }
            None => unreachable!("a chain always has one operand more than operators"),
        }
    }

    fn reduce_chain(
        &self,
        operands: &mut Vec<Operand>,
        ops: &mut Vec<(BinTok, crate::syntax::span::Span)>,
    ) -> R<()> {
        let (op, op_span) = ops.pop().expect("reduce_chain is called with an operator");
        let right = operands.pop().expect("an operator has a right operand");
        let left = operands.pop().expect("an operator has a left operand");
        let right = match right {
            Operand::Expr(e) => e,
            Operand::Private(id) => {
                return fail(format!("Unexpected identifier '#{}'", id.name), id.span)
            }
        };
        let node = match (left, op) {
            (Operand::Private(name), BinTok::Binary(BinaryOp::In)) => {
                let span = name.span.to(right.span);
                self.expr_at(
                    ExprKind::PrivateIn {
                        name,
                        right: Box::new(right),
                    },
                    span,
                )
            }
            (Operand::Private(id), _) => {
                let _ = op_span;
                return fail(format!("Unexpected identifier '#{}'", id.name), id.span);
            }
            (Operand::Expr(left), BinTok::Logical(op)) => {
                let span = left.span.to(right.span);
                self.expr_at(
                    ExprKind::Logical {
                        op,
                        left: Box::new(left),
                        right: Box::new(right),
                    },
                    span,
                )
            }
            (Operand::Expr(left), BinTok::Binary(op)) => {
                let span = left.span.to(right.span);
                self.expr_at(
                    ExprKind::Binary {
                        op,
                        left: Box::new(left),
                        right: Box::new(right),
                    },
                    span,
                )
            }
        };
        operands.push(Operand::Expr(node));
        Ok(())
    }

    pub fn unary(&self, op: UnaryOp, arg: Expr, l: usize, r: usize) -> R<Expr> {
        if op == UnaryOp::Delete {
            match &strip_parens(&arg).kind {
                ExprKind::Ident(_) => self.defer_strict(SyntaxError::new(
                    "Delete of an unqualified identifier in strict mode.",
                    arg.span,
                )),
                ExprKind::Member {
                    prop: MemberProp::Private(_),
                    ..
                } => return fail("Private fields can not be deleted", arg.span),
                _ => {}
            }
        }
        Ok(self.expr(
            ExprKind::Unary {
                op,
                arg: Box::new(arg),
            },
            l,
            r,
        ))
    }

    pub fn update(&self, op: UpdateOp, prefix: bool, arg: Expr, l: usize, r: usize) -> R<Expr> {
        if !cover::is_outer_target(&arg) {
            let message = if prefix {
                "Invalid left-hand side expression in prefix operation"
            } else {
                "Invalid left-hand side expression in postfix operation"
            };
            return fail(message, arg.span);
        }
        Ok(self.expr(
            ExprKind::Update {
                op,
                prefix,
                arg: Box::new(arg),
            },
            l,
            r,
        ))
    }

    pub fn member(
        &self,
        object: Expr,
        prop: MemberProp,
        optional: bool,
        l: usize,
        r: usize,
    ) -> Expr {
        self.expr(
            ExprKind::Member {
                object: Box::new(object),
                prop,
                optional,
            },
            l,
            r,
        )
    }

    pub fn call(&self, callee: Expr, args: Args, optional: bool, l: usize, r: usize) -> Expr {
        self.expr(
            ExprKind::Call {
                callee: Box::new(callee),
                args: args.items,
                optional,
            },
            l,
            r,
        )
    }

    /// `async(...)` that is not followed by `=>`: a call of a function named `async`.
    pub fn async_call(&self, head: AsyncCallHead) -> Expr {
        let callee = self.expr_at(
            ExprKind::Ident(Ident::new("async".into(), head.async_span)),
            head.async_span,
        );
        self.expr_at(
            ExprKind::Call {
                callee: Box::new(callee),
                args: head.args.items,
                optional: false,
            },
            head.span,
        )
    }

    /// `new async(...)`: `async` is a plain identifier here.
    pub fn new_async(&self, async_span: Span, args: Args, l: usize, r: usize) -> Expr {
        let callee = self.expr_at(
            ExprKind::Ident(Ident::new("async".into(), async_span)),
            async_span,
        );
        self.expr(
            ExprKind::New {
                callee: Box::new(callee),
                args: Some(args.items),
            },
            l,
            r,
        )
    }

    pub fn optional_link(&self, object: Expr, link: OptionalLink, l: usize, r: usize) -> R<Expr> {
        match link {
            OptionalLink::Call(args) => Ok(self.call(object, args, true, l, r)),
            OptionalLink::Prop(prop) => Ok(self.member(object, prop, true, l, r)),
            OptionalLink::Template(span) => fail("Invalid tagged template on optional chain", span),
        }
    }

    pub fn template_on_optional_chain(&self, l: usize, r: usize) -> R<Expr> {
        fail("Invalid tagged template on optional chain", sp(l, r))
    }

    pub fn tagged_template(&self, tag: Expr, quasi: Template, l: usize, r: usize) -> Expr {
        self.expr(
            ExprKind::TaggedTemplate {
                tag: Box::new(tag),
                quasi,
            },
            l,
            r,
        )
    }

    /// An untagged template may not contain escapes that have no cooked value
    /// (§13.2.8.1, "NotEscapeSequence" is only allowed in tagged templates).
    pub fn untagged_template(&self, template: Template, l: usize, r: usize) -> R<Expr> {
        if let Some(part) = template.quasis.iter().find(|q| q.cooked.is_none()) {
            let raw = String::from_utf16_lossy(&part.raw);
            return fail(invalid_template_escape(&raw), sp(l, r));
        }
        Ok(self.expr(ExprKind::Template(template), l, r))
    }

    /// `import.defer(…)` and `import.source(…)`: `word` must be one of the
    /// two phase words, unescaped, with the proposals on.
    pub fn import_phase_call(
        &self,
        word: Ident,
        specifier: Expr,
        options: Option<Expr>,
        l: usize,
        r: usize,
    ) -> R<Expr> {
        let raw = &self.source[word.span.start as usize..word.span.end as usize];
        let phase = match raw {
            "defer" => ImportPhase::Defer,
            "source" => ImportPhase::Source,
            _ => return fail(format!("Unexpected identifier '{}'", word.name), word.span),
        };
        if !crate::syntax::proposals::import_phases_enabled() {
            return fail(format!("Unexpected identifier '{raw}'"), word.span);
        }
        Ok(self.expr(
            ExprKind::ImportCall {
                phase,
                specifier: Box::new(specifier),
                options: options.map(Box::new),
            },
            l,
            r,
        ))
    }

    pub fn import_meta(&self, l: usize, r: usize) -> Expr {
        self.note_import_meta(sp(l, r));
        self.expr(ExprKind::ImportMeta, l, r)
    }

    /// A parenthesised expression; the arrow-only forms of the cover grammar
    /// are errors here.
    pub fn parenthesized(&self, cover: CoverParen) -> R<Expr> {
        let close = sp(cover.span.end as usize - 1, cover.span.end as usize);
        if cover.rest.is_some() {
            let dots = self
                .token_index(cover.span.start as usize)
                .and_then(|i| self.tokens.get(i + 1))
                .map(|t| sp(t.start, t.end))
                .unwrap_or(close);
            return fail("Unexpected token '...'", dots);
        }
        if cover.items.is_empty() || cover.trailing_comma {
            return fail("Unexpected token ')'", close);
        }
        let mut items = cover.items;
        let inner = if items.len() == 1 {
            items.pop().expect("one item")
        } else {
            let span = items[0].span.to(items[items.len() - 1].span);
            self.expr_at(ExprKind::Seq(items), span)
        };
        Ok(self.expr_at(ExprKind::Paren(Box::new(inner)), cover.span))
    }

    // ---- literals ----

    pub fn number(&self, lex: Lex, l: usize, r: usize) -> Expr {
        let value = self.number_value(lex, l, r);
        self.expr(ExprKind::Lit(Literal::Num(value)), l, r)
    }

    pub fn number_key(&self, lex: Lex, l: usize, r: usize) -> PropKey {
        PropKey::Num(self.number_value(lex, l, r))
    }

    fn number_value(&self, lex: Lex, l: usize, r: usize) -> f64 {
        match lex {
            Lex::T(Tok::Num {
                value,
                legacy_octal,
            }) => {
                if legacy_octal {
                    let text = self.text(sp(l, r));
                    let message = if text.contains(['8', '9']) {
                        "Decimals with leading zeros are not allowed in strict mode."
                    } else {
                        "Octal literals are not allowed in strict mode."
                    };
                    self.defer_strict(SyntaxError::new(message, sp(l, r)));
                }
                value
            }
            _ => f64::NAN,
        }
    }

    pub fn string(&self, lex: Lex, l: usize, r: usize) -> StringLit {
        match lex {
            Lex::T(Tok::Str {
                value,
                legacy_octal,
            }) => {
                if legacy_octal {
                    let text = self.text(sp(l, r));
                    let message = if text.contains("\\8") || text.contains("\\9") {
                        "\\8 and \\9 are not allowed in strict mode."
                    } else {
                        "Octal escape sequences are not allowed in strict mode."
                    };
                    self.defer_strict(SyntaxError::new(message, sp(l, r)));
                }
                StringLit {
                    value,
                    span: sp(l, r),
                }
            }
            _ => StringLit {
                value: Vec::new().into(),
                span: sp(l, r),
            },
        }
    }

    pub fn regex(&self, lex: Lex, l: usize, r: usize) -> Expr {
        let literal = match lex {
            Lex::T(Tok::Regex(regex)) => {
                let RegexToken { pattern, flags } = *regex;
                Literal::Regex { pattern, flags }
            }
            _ => Literal::Null,
        };
        self.expr(ExprKind::Lit(literal), l, r)
    }

    pub fn array(
        &self,
        mut elements: Vec<Option<ExprOrSpread>>,
        last: Option<ExprOrSpread>,
        l: usize,
        r: usize,
    ) -> Expr {
        match last {
            Some(e) => elements.push(Some(e)),
            None => {
                if let Some(Some(ExprOrSpread::Spread(_))) = elements.last() {
                    self.rest_with_trailing_comma.borrow_mut().insert(l as u32);
                }
            }
        }
        self.expr(ExprKind::Array(elements), l, r)
    }

    pub fn object(&self, props: Vec<Prop>, trailing_comma: bool, l: usize, r: usize) -> Expr {
        if trailing_comma && matches!(props.last(), Some(Prop::Spread(_))) {
            self.rest_with_trailing_comma.borrow_mut().insert(l as u32);
        }
        self.expr(ExprKind::Object(props), l, r)
    }

    pub fn cover_initialized_name(&self, name: Ident, default: Expr, l: usize, r: usize) -> Prop {
        self.note_cover_init(sp(l, r));
        Prop::CoverInit {
            name,
            default,
            span: sp(l, r),
        }
    }
}

fn precedence(op: BinTok) -> u8 {
    use BinaryOp::*;
    match op {
        BinTok::Logical(LogicalOp::Or) | BinTok::Logical(LogicalOp::Nullish) => 1,
        BinTok::Logical(LogicalOp::And) => 2,
        BinTok::Binary(BitOr) => 3,
        BinTok::Binary(BitXor) => 4,
        BinTok::Binary(BitAnd) => 5,
        BinTok::Binary(EqEq | NotEq | EqEqEq | NotEqEq) => 6,
        BinTok::Binary(Lt | Gt | LtEq | GtEq | In | Instanceof) => 7,
        BinTok::Binary(Shl | Shr | UShr) => 8,
        BinTok::Binary(Add | Sub) => 9,
        BinTok::Binary(Mul | Div | Mod) => 10,
        BinTok::Binary(Exp) => 11,
    }
}

/// `((x))` → `x`.
pub fn strip_parens(mut e: &Expr) -> &Expr {
    while let ExprKind::Paren(inner) = &e.kind {
        e = inner;
    }
    e
}

/// V8's message for the first escape of a template part without a cooked value.
fn invalid_template_escape(raw: &str) -> &'static str {
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'\\' {
            match bytes[i + 1] {
                b'x' => {
                    let hex = |b: Option<&u8>| b.is_some_and(u8::is_ascii_hexdigit);
                    if !(hex(bytes.get(i + 2)) && hex(bytes.get(i + 3))) {
                        return "Invalid hexadecimal escape sequence";
                    }
                }
                b'u' if !valid_unicode_escape(&bytes[i + 2..]) => {
                    return "Invalid Unicode escape sequence"
                }
                b'8' | b'9' => return "\\8 and \\9 are not allowed in template strings.",
                b'0' if bytes.get(i + 2).is_some_and(u8::is_ascii_digit) => {
                    return "Octal escape sequences are not allowed in template strings."
                }
                b'1'..=b'7' => {
                    return "Octal escape sequences are not allowed in template strings."
                }
                _ => {}
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    "Invalid escape sequence in template"
}

fn valid_unicode_escape(rest: &[u8]) -> bool {
    if rest.first() == Some(&b'{') {
        let digits: Vec<u8> = rest[1..]
            .iter()
            .take_while(|b| b.is_ascii_hexdigit())
            .copied()
            .collect();
        if digits.is_empty() || rest.get(1 + digits.len()) != Some(&b'}') {
            return false;
        }
        let value = digits.iter().try_fold(0u32, |acc, d| {
            acc.checked_mul(16)?.checked_add((*d as char).to_digit(16)?)
        });
        value.is_some_and(|v| v <= 0x10FFFF)
    } else {
        rest.len() >= 4 && rest[..4].iter().all(u8::is_ascii_hexdigit)
    }
}
