//! Decides, without feedback from the parser, whether a `/` starts a regular
//! expression or is a division operator, and which `}` resumes a template.
//!
//! The approach follows the "read" algorithm of Disney et al. (sweet.js):
//! a `/` is division after anything that ends an expression (a name, a
//! literal, `)`, `]`, `}` of an expression, postfix `++`/`--`) and a regex
//! elsewhere. To get `)` and `}` right, a stack of open delimiters records
//! what each one opened: a `)` closing the head of `if`/`while`/`for`/`with`
//! is followed by a statement; a `}` closing a block, a function
//! declaration's body or a class declaration's body is followed by a
//! statement, while one closing an object literal or a function/class
//! expression ends an expression.

use crate::syntax::token::Tok;

/// What a `(` opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ParenKind {
    /// The head of `if`, `while`, `for` or `with`.
    ControlHead,
    /// The parameters of a function declaration (`true`) or expression.
    FunctionParams {
        declaration: bool,
    },
    Other,
}

/// What a `{` opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BraceKind {
    /// A statement block, switch body, function declaration or arrow body,
    /// method body, static block, or `import {`/`export {` clause: a `/`
    /// after its `}` starts a statement (so a regex).
    Block,
    /// An object literal.
    Object,
    /// The body of a function expression.
    FunctionExprBody,
    ClassBody {
        declaration: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FrameKind {
    Paren(ParenKind),
    Bracket,
    Brace(BraceKind),
    /// `${` … `}` in a template.
    Substitution,
}

#[derive(Clone, Copy, Debug)]
struct Frame {
    kind: FrameKind,
    /// `?` seen in this frame without their `:` yet, so a `:` can be told
    /// apart from a label's or a `case`'s.
    open_conditionals: u32,
}

/// The facts about the previous token that later decisions need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prev {
    Start,
    /// `.` or `?.`: the next name is a property name.
    Dot,
    LBrace,
    RBrace,
    RParen,
    Comma,
    Semicolon,
    Arrow,
    Star,
    /// `static`, `get`, `set`, `async`, `accessor`: may precede a class or
    /// object member's name.
    MemberModifier,
    Extends,
    Export,
    Default,
    Import,
    From,
    /// The string ending an import or export declaration.
    ModuleSpecifier,
    Catch,
    Return,
    Yield,
    Other,
}

/// The state carried from one token to the next.
pub(super) struct Context {
    frames: Vec<Frame>,
    /// A `/` here starts a regular expression.
    regex_ok: bool,
    /// A statement may start here.
    stmt_start: bool,
    prev: Prev,
    /// The previous token could start a declaration (`async` before
    /// `function`, for instance).
    prev_in_declaration_position: bool,
    /// The last `)` closed a function's parameters (declaration or not).
    closed_params: Option<bool>,
    /// After `if`/`while`/`for`/`with` (and `for await`): the next `(` opens
    /// a control head.
    control_keyword: bool,
    /// After `function`: the next `(` opens its parameters; `Some(true)` for
    /// a declaration.
    pending_function: Option<bool>,
    /// After `class`: whether it is a declaration, and the frame depth at
    /// which its body's `{` will appear.
    pending_class: Option<(bool, usize)>,
    /// Inside an `import` or `export` declaration (whose `from '…'` ends a
    /// statement).
    module_item: bool,
}

impl Context {
    pub(super) fn new() -> Context {
        Context {
            // The module (or script) body, never popped.
            frames: vec![Frame {
                kind: FrameKind::Brace(BraceKind::Block),
                open_conditionals: 0,
            }],
            regex_ok: true,
            stmt_start: true,
            prev: Prev::Start,
            prev_in_declaration_position: true,
            closed_params: None,
            control_keyword: false,
            pending_function: None,
            pending_class: None,
            module_item: false,
        }
    }

    /// Whether a `/` at this point starts a regular expression.
    pub(super) fn regex_allowed(&self) -> bool {
        self.regex_ok
    }

    /// Whether a `}` at this point closes a template substitution.
    pub(super) fn closes_substitution(&self) -> bool {
        matches!(
            self.frames.last(),
            Some(Frame {
                kind: FrameKind::Substitution,
                ..
            })
        )
    }

    /// Whether a name here is a property name (after `.`, or where an object
    /// literal or class body expects a member name), where reserved words
    /// are allowed even when written with escapes.
    pub(super) fn in_property_name_position(&self) -> bool {
        if self.prev == Prev::Dot {
            return true;
        }
        let Some(top) = self.frames.last() else {
            return false;
        };
        match top.kind {
            FrameKind::Brace(BraceKind::Object) => matches!(
                self.prev,
                Prev::LBrace | Prev::Comma | Prev::Star | Prev::MemberModifier
            ),
            FrameKind::Brace(BraceKind::ClassBody { .. }) => matches!(
                self.prev,
                Prev::LBrace | Prev::RBrace | Prev::Semicolon | Prev::Star | Prev::MemberModifier
            ),
            _ => false,
        }
    }

    /// Whether a name here could be a shorthand property (`{ a }`), which
    /// is a reference to the name rather than a property name.
    pub(super) fn in_object_key_position(&self) -> bool {
        matches!(self.prev, Prev::LBrace | Prev::Comma)
            && matches!(
                self.frames.last().map(|f| f.kind),
                Some(FrameKind::Brace(BraceKind::Object))
            )
    }

    fn push(&mut self, kind: FrameKind) {
        self.frames.push(Frame {
            kind,
            open_conditionals: 0,
        });
    }

    /// Pops the top frame if `matches` accepts it.
    fn pop_if(&mut self, matches: impl Fn(FrameKind) -> bool) -> Option<FrameKind> {
        let top = self.frames.last()?.kind;
        if !matches(top) || self.frames.len() == 1 {
            return None;
        }
        self.frames.pop();
        if let Some((_, depth)) = self.pending_class {
            if self.frames.len() < depth {
                self.pending_class = None;
            }
        }
        Some(top)
    }

    /// Records `tok` (preceded by a line terminator when `nl_before`).
    pub(super) fn advance(&mut self, tok: &Tok, nl_before: bool) {
        if let Tok::Ident(_) = tok {
            // The most common token, on a short path: a name ends an
            // expression (and may name a function whose `(` comes next).
            self.control_keyword = false;
            self.closed_params = None;
            self.regex_ok = false;
            self.stmt_start = false;
            self.prev = Prev::Other;
            return;
        }
        // Where ASI would end the previous statement, a new one starts.
        let at_stmt_start = self.stmt_start || (nl_before && !self.regex_ok);
        let declaration_position =
            at_stmt_start || matches!(self.prev, Prev::Export | Prev::Default);
        let control_keyword = std::mem::take(&mut self.control_keyword);
        let pending_function = self.pending_function.take();
        let closed_params = self.closed_params.take();
        let module_item = self.module_item;

        let mut regex_ok = true;
        let mut stmt_start = false;
        let mut prev = Prev::Other;

        use Tok::*;
        match tok {
            Str { .. } if module_item && matches!(self.prev, Prev::Import | Prev::From) => {
                // The module specifier ends an import or export declaration.
                stmt_start = true;
                prev = Prev::ModuleSpecifier;
            }
            Ident(_) | PrivateName(_) | Str { .. } | Num { .. } | BigInt(_) | Regex { .. } => {
                regex_ok = false;
            }
            NoSubstTemplate(_) => regex_ok = false,
            TemplateTail(_) => {
                // Its `}` closed the substitution.
                self.pop_if(|k| k == FrameKind::Substitution);
                regex_ok = false;
            }
            TemplateHead(_) => self.push(FrameKind::Substitution),
            // Its `}` closed one substitution and its `${` opens the next.
            TemplateMiddle(_) => {}
            _ if tok.is_keyword() && self.in_property_name_position() => {
                // A keyword used as a property name is just a name.
                regex_ok = false;
                if matches!(tok, Static | Get | Set | Async | Accessor) {
                    prev = Prev::MemberModifier;
                }
            }
            This | Super | Null | True | False => regex_ok = false,
            From => {
                regex_ok = false;
                prev = Prev::From;
                self.pending_function = pending_function;
            }
            // `import x from 'y' with { type: 'json' }`: the attributes
            // end the declaration like a block.
            With if self.prev == Prev::ModuleSpecifier => prev = Prev::Import,
            Let | Implements | Interface | Package | Private | Protected | Public | As | Meta
            | Target => {
                regex_ok = false;
                // `function let() {}` in sloppy scripts.
                self.pending_function = pending_function;
            }
            Static | Get | Set | Async | Accessor => {
                regex_ok = false;
                prev = Prev::MemberModifier;
                self.pending_function = pending_function;
            }
            Function => {
                let declaration = if self.prev == Prev::MemberModifier {
                    // `async function`: where the `async` stood.
                    self.prev_in_declaration_position
                } else {
                    declaration_position
                };
                self.pending_function = Some(declaration);
            }
            Class => {
                self.pending_class = Some((declaration_position, self.frames.len()));
            }
            If | While | With | For => self.control_keyword = true,
            Await => {
                // `for await (`
                self.control_keyword = control_keyword;
                self.pending_function = pending_function;
            }
            // `for (x of /re/)`; elsewhere `of` is an ordinary name (and
            // maybe a function's).
            Of => {
                regex_ok = matches!(
                    self.frames.last().map(|f| f.kind),
                    Some(FrameKind::Paren(ParenKind::ControlHead))
                );
                self.pending_function = pending_function;
            }
            Else | Do | Try | Finally => stmt_start = true,
            Extends => prev = Prev::Extends,
            Export => {
                prev = Prev::Export;
                self.module_item = declaration_position;
            }
            Default => prev = Prev::Default,
            Import => {
                prev = Prev::Import;
                self.module_item = declaration_position;
            }
            Catch => prev = Prev::Catch,
            Return | Throw => prev = Prev::Return,
            Yield => {
                prev = Prev::Yield;
                self.pending_function = pending_function;
            }
            Star => {
                // `function*` keeps waiting for the parameters.
                self.pending_function = pending_function;
                // A generator member's `*` is followed by its name; any
                // other `*` is multiplication (`{ f: a * new /r/() }`).
                if self.in_property_name_position() {
                    prev = Prev::Star;
                }
            }
            LParen => {
                let kind = if control_keyword {
                    ParenKind::ControlHead
                } else if let Some(declaration) = pending_function {
                    ParenKind::FunctionParams { declaration }
                } else {
                    ParenKind::Other
                };
                self.push(FrameKind::Paren(kind));
            }
            RParen => {
                prev = Prev::RParen;
                match self.pop_if(|k| matches!(k, FrameKind::Paren(_))) {
                    Some(FrameKind::Paren(ParenKind::ControlHead)) => stmt_start = true,
                    Some(FrameKind::Paren(ParenKind::FunctionParams { declaration })) => {
                        regex_ok = false;
                        self.closed_params = Some(declaration);
                    }
                    _ => regex_ok = false,
                }
            }
            LBracket => self.push(FrameKind::Bracket),
            RBracket => {
                self.pop_if(|k| k == FrameKind::Bracket);
                regex_ok = false;
            }
            LBrace => {
                let kind = self.classify_brace(at_stmt_start, nl_before, closed_params);
                // A function expression's body is a list of statements too
                // (`(function () { {} /re/; })`), though its `}` ends an
                // expression.
                if matches!(kind, BraceKind::Block | BraceKind::FunctionExprBody) {
                    stmt_start = true;
                }
                self.push(FrameKind::Brace(kind));
                prev = Prev::LBrace;
            }
            RBrace => {
                prev = Prev::RBrace;
                match self.pop_if(|k| matches!(k, FrameKind::Brace(_) | FrameKind::Substitution)) {
                    Some(FrameKind::Brace(BraceKind::Object | BraceKind::FunctionExprBody))
                    | Some(FrameKind::Brace(BraceKind::ClassBody { declaration: false })) => {
                        regex_ok = false;
                    }
                    _ => stmt_start = true,
                }
            }
            PlusPlus | MinusMinus => {
                // Postfix when it follows an expression on the same line.
                let postfix = !self.regex_ok && !nl_before;
                regex_ok = !postfix;
            }
            Question => {
                if let Some(top) = self.frames.last_mut() {
                    top.open_conditionals += 1;
                }
            }
            Colon => {
                let conditional = match self.frames.last_mut() {
                    Some(top) if top.open_conditionals > 0 => {
                        top.open_conditionals -= 1;
                        true
                    }
                    _ => false,
                };
                // A label's or `case`'s colon, in a block or at the top level.
                let in_block = matches!(
                    self.frames.last().map(|f| f.kind),
                    Some(FrameKind::Brace(BraceKind::Block))
                );
                stmt_start = !conditional && in_block;
            }
            Semicolon => {
                stmt_start = true;
                prev = Prev::Semicolon;
            }
            Comma => prev = Prev::Comma,
            Arrow => prev = Prev::Arrow,
            Dot | QuestionDot => prev = Prev::Dot,
            _ => {}
        }
        if prev == Prev::ModuleSpecifier || matches!(tok, Tok::Semicolon) {
            self.module_item = false;
        }
        if matches!(tok, Tok::Semicolon) {
            if let Some((_, depth)) = self.pending_class {
                if self.frames.len() <= depth {
                    self.pending_class = None;
                }
            }
        }
        self.regex_ok = regex_ok;
        self.stmt_start = stmt_start;
        self.prev = prev;
        self.prev_in_declaration_position = declaration_position;
    }

    /// Decides what a `{` opens from what precedes it.
    fn classify_brace(
        &mut self,
        at_stmt_start: bool,
        nl_before: bool,
        closed_params: Option<bool>,
    ) -> BraceKind {
        if let Some((declaration, depth)) = self.pending_class {
            if depth == self.frames.len() && self.prev != Prev::Extends {
                self.pending_class = None;
                return BraceKind::ClassBody { declaration };
            }
        }
        match self.prev {
            Prev::RParen => match closed_params {
                Some(false) => BraceKind::FunctionExprBody,
                _ => BraceKind::Block,
            },
            Prev::Arrow | Prev::Import | Prev::Export | Prev::Catch => BraceKind::Block,
            // `static {` in a class body.
            Prev::MemberModifier if self.in_class_body() => BraceKind::Block,
            // ASI after a restricted production: `return\n{`.
            Prev::Return | Prev::Yield if nl_before => BraceKind::Block,
            _ if at_stmt_start => BraceKind::Block,
            _ => BraceKind::Object,
        }
    }

    fn in_class_body(&self) -> bool {
        matches!(
            self.frames.last().map(|f| f.kind),
            Some(FrameKind::Brace(BraceKind::ClassBody { .. }))
        )
    }
}
