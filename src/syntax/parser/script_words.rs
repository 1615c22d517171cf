//! Which `yield`, `await` and `let` tokens of a script are identifiers.
//!
//! In module code the three are reserved words, and the grammar reads them as
//! keywords. In a script they are identifiers in some places (ECMA-262
//! §13.1 IdentifierReference / BindingIdentifier / LabelIdentifier):
//!
//! - `yield` outside generator functions ([~Yield]);
//! - `await` outside async functions and class static blocks ([~Await]);
//! - `let` wherever it cannot begin a LexicalDeclaration: in expressions,
//!   and at the start of a statement unless `[`, `{` or a name follows it
//!   (the lookahead restrictions of ExpressionStatement and of the `for`
//!   heads, §14.5, §14.7.4, §14.7.5).
//!
//! LALRPOP has one token of lookahead and no grammar parameters, so this is
//! decided before parsing, over the whole token list: a stack of the open
//! brackets records which function each belongs to (its [Yield]/[Await]),
//! and whether a `{` opens a block, an object literal or a class body. The
//! tokens decided to be identifiers become `Ident`; the early-error walk
//! then rejects those that strict mode code reserves (`yield`, `let`), as it
//! does for `static` or `implements`.

use super::super::error::SyntaxError;
use super::super::span::Span;
use super::super::token::{Tok, Token};

/// V8's message for `yield` naming a function where it is the operator.
const YIELD_AS_NAME: &str = "Unexpected identifier 'yield'";

/// V8's message for `await` in a class static block.
const AWAIT_IN_STATIC_BLOCK: &str = "Unexpected reserved word";

/// V8's message for a for-of head whose left-hand side begins with `let`.
const FOR_OF_LET: &str = "The left-hand side of a for-of loop may not start with 'let'.";

/// [Yield] and [Await] of the code a bracket encloses.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
struct Params {
    /// In a generator's parameters or body: `yield` is the operator.
    generator: bool,
    /// In an async function's parameters or body: `await` is the operator.
    is_async: bool,
    /// In a class static block (not in a function inside it): `await` is
    /// reserved (ECMA-262 §15.7.1).
    static_block: bool,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Kind {
    /// The head of `if`, `while`, `for`, `with`, `switch` or `catch`: the
    /// keyword is recorded.
    Head(HeadKeyword),
    Paren,
    Bracket,
    /// A block, function body, static block, case block, or the script's
    /// top level; `expression` for a function or arrow expression's body.
    Block {
        expression: bool,
    },
    Object,
    ClassBody {
        declaration: bool,
    },
    Template,
    /// An arrow function's expression body: ends at the first `,`, `;`,
    /// `:` or closing bracket at its level.
    ConciseBody,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum HeadKeyword {
    For,
    Other,
}

#[derive(Copy, Clone, Debug)]
struct Frame {
    kind: Kind,
    params: Params,
    /// `?` of conditional expressions awaiting their `:`.
    open_conditionals: u32,
    /// For a function's parameter list: its body's [Yield]/[Await], and
    /// whether the function is an expression.
    body_after: Option<(Params, bool)>,
}

/// Where a token stands with respect to statements.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum StatementStart {
    No,
    /// A StatementListItem may start here (a declaration is allowed).
    List,
    /// Only a Statement may (the body of `if`, a loop, `else`, a label).
    Single,
}

/// Rewrites the script's `yield`, `await` and `let` tokens that are
/// identifiers to `Ident`. Returns the early errors found on the way (a
/// for-of head beginning with `let`, `yield` naming a generator), for the
/// parser to report if nothing comes before them.
pub fn decide_script_words(tokens: &mut [Token]) -> Vec<SyntaxError> {
    // The walk renames only these three words and reports errors only about
    // them: a script without any (most code written before 2015) has
    // nothing to decide.
    if !tokens
        .iter()
        .any(|t| matches!(t.tok, Tok::Yield | Tok::Await | Tok::Let))
    {
        return Vec::new();
    }
    let matching = matching_brackets(tokens);
    let mut walk = Walk {
        tokens,
        matching,
        frames: vec![Frame {
            kind: Kind::Block { expression: false },
            params: Params::default(),
            open_conditionals: 0,
            body_after: None,
        }],
        starts: Vec::new(),
        pending_function: None,
        pending_body: None,
        pending_class: None,
        closed: None,
        decided_name: None,
        errors: Vec::new(),
    };
    walk.run();
    walk.errors
}

/// For each opening bracket, the index of its closing one (and the reverse).
fn matching_brackets(tokens: &[Token]) -> Vec<Option<usize>> {
    let mut matching = vec![None; tokens.len()];
    let mut open = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        match token.tok {
            Tok::LParen | Tok::LBracket | Tok::LBrace | Tok::TemplateHead(_) => open.push(i),
            Tok::RParen | Tok::RBracket | Tok::RBrace | Tok::TemplateTail(_) => {
                if let Some(o) = open.pop() {
                    matching[o] = Some(i);
                    matching[i] = Some(o);
                }
            }
            Tok::TemplateMiddle(_) => {
                if let Some(o) = open.pop() {
                    matching[o] = Some(i);
                    matching[i] = Some(o);
                }
                open.push(i);
            }
            _ => {}
        }
    }
    matching
}

/// A token that can be a BindingIdentifier (in some code).
fn is_name(tok: &Tok) -> bool {
    matches!(tok, Tok::Ident(_) | Tok::Await)
        || tok.is_contextual_keyword()
        || tok.is_strict_mode_reserved_word()
}

/// A token that can be a property name in an object literal or class body.
fn is_property_name(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::Ident(_) | Tok::Str { .. } | Tok::Num { .. } | Tok::BigInt(_) | Tok::PrivateName(_)
    ) || tok.is_keyword()
}

/// A token after which a line break ends the statement (ASI) when what
/// follows cannot continue it.
fn ends_expression(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::Ident(_)
            | Tok::PrivateName(_)
            | Tok::Str { .. }
            | Tok::Num { .. }
            | Tok::BigInt(_)
            | Tok::Regex { .. }
            | Tok::NoSubstTemplate(_)
            | Tok::TemplateTail(_)
            | Tok::RParen
            | Tok::RBracket
            | Tok::RBrace
            | Tok::This
            | Tok::Super
            | Tok::Null
            | Tok::True
            | Tok::False
            | Tok::PlusPlus
            | Tok::MinusMinus
    ) || tok.is_contextual_keyword()
        || tok.is_strict_mode_reserved_word()
        || *tok == Tok::Await
}

struct Walk<'t> {
    tokens: &'t mut [Token],
    matching: Vec<Option<usize>>,
    frames: Vec<Frame>,
    /// The statement-start verdict of every token walked so far.
    starts: Vec<StatementStart>,
    /// After a function's head: the parameters of its `(` (and body).
    pending_function: Option<(Params, bool)>,
    /// After a function's `)` or `=>`: the parameters of its body's `{`,
    /// and whether the function is an expression.
    pending_body: Option<(Params, bool)>,
    /// After `class`: whether it is a declaration, and the frame depth of
    /// its body's `{`.
    pending_class: Option<(bool, usize)>,
    /// The frame the previous token closed.
    closed: Option<Kind>,
    /// A function's name token, already decided with the function's head.
    decided_name: Option<usize>,
    errors: Vec<SyntaxError>,
}

impl Walk<'_> {
    fn run(&mut self) {
        for i in 0..self.tokens.len() {
            self.end_concise_bodies(i);
            let start = self.statement_start(i);
            self.starts.push(start);
            self.step(i, start);
        }
    }

    /// An arrow's expression body ends before a token that cannot continue
    /// an AssignmentExpression at its level, or at a line break that ends
    /// the statement.
    fn end_concise_bodies(&mut self, i: usize) {
        let tok = self.tok(i);
        let ends = matches!(
            tok,
            Tok::Comma
                | Tok::Semicolon
                | Tok::RParen
                | Tok::RBracket
                | Tok::RBrace
                | Tok::TemplateMiddle(_)
                | Tok::TemplateTail(_)
        ) || (*tok == Tok::Colon && self.top().open_conditionals == 0)
            || (self.tokens[i].nl_before
                && (is_name(tok)
                    || (tok.is_reserved_word() && !matches!(tok, Tok::In | Tok::Instanceof)))
                && self.prev(i).is_some_and(ends_expression));
        if ends {
            while self.top().kind == Kind::ConciseBody {
                self.frames.pop();
            }
        }
    }

    fn tok(&self, i: usize) -> &Tok {
        &self.tokens[i].tok
    }

    fn prev(&self, i: usize) -> Option<&Tok> {
        i.checked_sub(1).map(|p| self.tok(p))
    }

    fn top(&self) -> Frame {
        *self
            .frames
            .last()
            .expect("the top-level frame is never popped")
    }

    fn params(&self) -> Params {
        self.top().params
    }

    fn push(&mut self, kind: Kind, params: Params) {
        self.frames.push(Frame {
            kind,
            params,
            open_conditionals: 0,
            body_after: None,
        });
    }

    /// Pushes a function's parameter list, whose `)` is followed by its body.
    fn push_parameters(&mut self, params: Params, body: (Params, bool)) {
        self.push(Kind::Paren, params);
        if let Some(top) = self.frames.last_mut() {
            top.body_after = Some(body);
        }
    }

    fn pop(&mut self) -> Option<Kind> {
        if self.frames.len() == 1 {
            return None;
        }
        let frame = self.frames.pop();
        self.pending_body = frame.and_then(|f| f.body_after);
        let kind = frame.map(|f| f.kind);
        if let Some((_, depth)) = self.pending_class {
            if self.frames.len() < depth {
                self.pending_class = None;
            }
        }
        kind
    }

    fn rename(&mut self, i: usize, name: &str) {
        self.tokens[i].tok = Tok::Ident(name.into());
    }

    /// Whether token `i` begins a statement, judged from what precedes it.
    fn statement_start(&self, i: usize) -> StatementStart {
        let top = self.top();
        if !matches!(top.kind, Kind::Block { .. }) {
            return StatementStart::No;
        }
        let Some(prev) = self.prev(i) else {
            return StatementStart::List;
        };
        match prev {
            Tok::Semicolon | Tok::LBrace => StatementStart::List,
            Tok::RBrace => match self.closed {
                Some(Kind::Block { expression: false })
                | Some(Kind::ClassBody { declaration: true }) => StatementStart::List,
                _ => self.after_line_break(i),
            },
            Tok::RParen if matches!(self.closed, Some(Kind::Head(_))) => StatementStart::Single,
            Tok::Else | Tok::Do => StatementStart::Single,
            Tok::Colon if top.open_conditionals == 0 => {
                // A label (its name began a statement) or `case …:`.
                let label = i >= 2
                    && is_name(self.tok(i - 2))
                    && self
                        .starts
                        .get(i - 2)
                        .is_some_and(|s| *s != StatementStart::No);
                if label {
                    StatementStart::Single
                } else {
                    StatementStart::List
                }
            }
            _ => self.after_line_break(i),
        }
    }

    /// A line break after a complete expression ends its statement.
    fn after_line_break(&self, i: usize) -> StatementStart {
        let prev_ends = self.prev(i).is_some_and(ends_expression);
        if self.tokens[i].nl_before && prev_ends {
            StatementStart::List
        } else {
            StatementStart::No
        }
    }

    /// Whether token `i` stands where an object literal or class body
    /// expects a member's name.
    /// Whether token `i` is a property name (a key followed by `:` or a
    /// method's `(`), not a shorthand property's IdentifierReference.
    fn names_property(&self, i: usize) -> bool {
        self.in_member_name_position(i)
            && matches!(
                self.tokens.get(i + 1).map(|t| &t.tok),
                Some(Tok::Colon | Tok::LParen)
            )
    }

    fn in_member_name_position(&self, i: usize) -> bool {
        let Some(prev) = self.prev(i) else {
            return false;
        };
        match self.top().kind {
            Kind::Object => matches!(
                prev,
                Tok::LBrace | Tok::Comma | Tok::Star | Tok::Get | Tok::Set | Tok::Async
            ),
            Kind::ClassBody { .. } => matches!(
                prev,
                Tok::LBrace
                    | Tok::RBrace
                    | Tok::Semicolon
                    | Tok::Star
                    | Tok::Get
                    | Tok::Set
                    | Tok::Async
                    | Tok::Static
                    | Tok::Accessor
            ),
            _ => false,
        }
    }

    fn step(&mut self, i: usize, start: StatementStart) {
        if self.decided_name == Some(i) {
            self.closed = None;
            return;
        }
        let after_dot = matches!(self.prev(i), Some(Tok::Dot | Tok::QuestionDot));
        let member_name = self.in_member_name_position(i);
        let tok = self.tok(i).clone();
        match tok {
            Tok::Yield if !self.params().generator => self.rename(i, "yield"),
            Tok::Await if self.params().static_block && !after_dot && !self.names_property(i) => {
                // ECMA-262 §15.7.1: a static block may not contain `await`,
                // as an operator or a name.
                let span = Span::new(self.tokens[i].start, self.tokens[i].end);
                self.errors
                    .push(SyntaxError::new(AWAIT_IN_STATIC_BLOCK, span));
                self.rename(i, "await");
            }
            Tok::Await if self.await_is_identifier(i) => self.rename(i, "await"),
            Tok::Let if after_dot || member_name => self.rename(i, "let"),
            Tok::Let => self.decide_let(i, start),
            Tok::Function if !after_dot && !member_name => self.function_head(i, start),
            Tok::Class if !after_dot && !member_name => {
                self.pending_class = Some((start != StatementStart::No, self.frames.len()));
            }
            Tok::LParen => self.open_paren(i),
            Tok::LBracket => self.push(Kind::Bracket, self.params()),
            Tok::LBrace => self.open_brace(i, start),
            Tok::TemplateHead(_) => self.push(Kind::Template, self.params()),
            Tok::TemplateMiddle(_) => {
                self.pop();
                self.push(Kind::Template, self.params());
            }
            Tok::RParen | Tok::RBracket | Tok::RBrace | Tok::TemplateTail(_) => {
                self.closed = self.pop();
                return;
            }
            Tok::Arrow => self.arrow_body(i),
            Tok::Question => {
                if let Some(top) = self.frames.last_mut() {
                    top.open_conditionals += 1;
                }
            }
            Tok::Colon => {
                if let Some(top) = self.frames.last_mut() {
                    top.open_conditionals = top.open_conditionals.saturating_sub(1);
                }
            }
            _ => {}
        }
        self.closed = None;
        if !matches!(tok, Tok::RParen | Tok::Arrow) {
            // Only the `{` right after a function's `)` or an arrow's `=>`
            // opens its body.
            if !matches!(tok, Tok::LBrace) {
                self.pending_body = None;
            }
        }
    }

    /// `await` is an identifier outside async functions and static blocks,
    /// except as the parameter of `async await => …`.
    fn await_is_identifier(&self, i: usize) -> bool {
        let params = self.params();
        if params.is_async || params.static_block {
            return false;
        }
        let async_arrow_parameter = matches!(self.prev(i), Some(Tok::Async))
            && !self.tokens[i].nl_before
            && matches!(self.tokens.get(i + 1).map(|t| &t.tok), Some(Tok::Arrow));
        !async_arrow_parameter
    }

    /// `let`: the keyword of a LexicalDeclaration, or an identifier.
    fn decide_let(&mut self, i: usize, start: StatementStart) {
        let next = self.tokens.get(i + 1);
        let next_tok = next.map(|t| &t.tok);
        let next_nl = next.is_some_and(|t| t.nl_before);
        let declaration_follows = |allow_line_break: bool| match next_tok {
            Some(Tok::LBracket) => true,
            Some(tok) if *tok == Tok::LBrace || is_name(tok) => allow_line_break || !next_nl,
            _ => false,
        };
        let in_for_head = self.top().kind == Kind::Head(HeadKeyword::For)
            && matches!(self.prev(i), Some(Tok::LParen));
        let keyword = if in_for_head {
            declaration_follows(true)
        } else {
            match start {
                StatementStart::List => declaration_follows(true),
                // In a single-statement context the declaration is an
                // error; `let` then a line break and a name is `let;`.
                StatementStart::Single => declaration_follows(false),
                StatementStart::No => false,
            }
        };
        if keyword {
            return;
        }
        if in_for_head && self.for_head_has_of(i) {
            let span = Span::new(self.tokens[i].start, self.tokens[i].end);
            self.errors.push(SyntaxError::new(FOR_OF_LET, span));
        }
        self.rename(i, "let");
    }

    /// Whether the `for` head containing token `i` (directly) is a for-of.
    fn for_head_has_of(&self, i: usize) -> bool {
        let Some(close) = self.matching[i - 1] else {
            return false;
        };
        let mut j = i;
        while j < close {
            match self.tok(j) {
                Tok::Of => return true,
                Tok::LParen | Tok::LBracket | Tok::LBrace | Tok::TemplateHead(_) => {
                    match self.matching[j] {
                        Some(m) => j = m,
                        None => return false,
                    }
                }
                Tok::Semicolon | Tok::In => return false,
                _ => {}
            }
            j += 1;
        }
        false
    }

    /// `[async] function [*] [name]`: the function's own parameters apply
    /// to its parameter list and body; a function expression's name is
    /// also its own, a declaration's belongs to the enclosing code.
    fn function_head(&mut self, i: usize, start: StatementStart) {
        let is_async = i >= 1 && *self.tok(i - 1) == Tok::Async && !self.tokens[i].nl_before;
        let generator = matches!(self.tokens.get(i + 1).map(|t| &t.tok), Some(Tok::Star));
        let own = Params {
            generator,
            is_async,
            static_block: false,
        };
        let head_start = if is_async { self.starts[i - 1] } else { start };
        let declaration = head_start != StatementStart::No;
        self.pending_function = Some((own, !declaration));
        let name = i + 1 + usize::from(generator);
        let name_params = if declaration { self.params() } else { own };
        match self.tokens.get(name).map(|t| &t.tok) {
            Some(Tok::Yield) => {
                self.decided_name = Some(name);
                if name_params.generator {
                    // The generator's own or enclosing `yield` keyword,
                    // read as the name V8 then calls it.
                    self.errors.push(SyntaxError::new(
                        YIELD_AS_NAME,
                        Span::new(self.tokens[name].start, self.tokens[name].end),
                    ));
                }
                self.rename(name, "yield");
            }
            Some(Tok::Await) => {
                self.decided_name = Some(name);
                if !name_params.is_async && !name_params.static_block {
                    self.rename(name, "await");
                }
            }
            _ => {}
        }
    }

    fn open_paren(&mut self, i: usize) {
        let enclosing = self.params();
        let prev = self.prev(i).cloned();
        // A function's parameters.
        if let Some((own, expression)) = self.pending_function.take() {
            self.push_parameters(own, (own, expression));
            return;
        }
        // A method's parameters.
        if let Some(own) = self.method_params(i) {
            self.push_parameters(own, (own, true));
            return;
        }
        // An async arrow's parameters: `async (…) =>`.
        let arrow = self.matching[i]
            .and_then(|close| self.tokens.get(close + 1))
            .is_some_and(|t| t.tok == Tok::Arrow);
        if arrow && prev == Some(Tok::Async) && !self.tokens[i].nl_before {
            let params = Params {
                is_async: true,
                ..enclosing
            };
            self.push(Kind::Paren, params);
            return;
        }
        let kind = match prev {
            Some(Tok::For) => Kind::Head(HeadKeyword::For),
            Some(Tok::Await) if i >= 2 && *self.tok(i - 2) == Tok::For => {
                Kind::Head(HeadKeyword::For)
            }
            Some(Tok::If | Tok::While | Tok::With | Tok::Switch | Tok::Catch) => {
                Kind::Head(HeadKeyword::Other)
            }
            _ => Kind::Paren,
        };
        self.push(kind, enclosing);
    }

    /// If the `(` at `i` begins a method's parameters (in an object
    /// literal or class body, right after the member's name): the method's
    /// [Yield]/[Await].
    fn method_params(&self, i: usize) -> Option<Params> {
        if !matches!(self.top().kind, Kind::Object | Kind::ClassBody { .. }) {
            return None;
        }
        let p = i.checked_sub(1)?;
        let name = match self.tok(p) {
            Tok::RBracket => self.matching[p]?,
            tok if is_property_name(tok) => p,
            _ => return None,
        };
        // Not `{ a: f(x) }` or `x = g()` in a class field.
        if !self.in_member_name_position(name) {
            return None;
        }
        let before = name.checked_sub(1).map(|b| self.tok(b));
        let (generator, is_async) = match before {
            Some(Tok::Star) => {
                let is_async = name >= 2 && *self.tok(name - 2) == Tok::Async;
                (true, is_async)
            }
            Some(Tok::Async) if !self.tokens[name].nl_before => (false, true),
            _ => (false, false),
        };
        Some(Params {
            generator,
            is_async,
            static_block: false,
        })
    }

    fn open_brace(&mut self, i: usize, start: StatementStart) {
        let enclosing = self.params();
        let prev = self.prev(i).cloned();
        if let Some((own, expression)) = self.pending_body.take() {
            self.push(Kind::Block { expression }, own);
            return;
        }
        if let Some((declaration, depth)) = self.pending_class {
            if depth == self.frames.len() && prev != Some(Tok::Extends) {
                self.pending_class = None;
                self.push(Kind::ClassBody { declaration }, enclosing);
                return;
            }
        }
        let block = match prev {
            _ if start != StatementStart::No => true,
            Some(Tok::RParen) => matches!(self.closed, Some(Kind::Head(_))),
            Some(Tok::Try | Tok::Catch | Tok::Finally | Tok::Else | Tok::Do) => true,
            // `static {` in a class body: a static block.
            Some(Tok::Static) if matches!(self.top().kind, Kind::ClassBody { .. }) => {
                let params = Params {
                    generator: false,
                    is_async: false,
                    static_block: true,
                };
                self.push(Kind::Block { expression: false }, params);
                return;
            }
            _ => false,
        };
        let kind = if block {
            Kind::Block { expression: false }
        } else {
            Kind::Object
        };
        self.push(kind, enclosing);
    }

    /// `=>`: the arrow's body has no [Yield], and [Await] only for an
    /// async arrow.
    fn arrow_body(&mut self, i: usize) {
        let Some(p) = i.checked_sub(1) else { return };
        let head = match self.tok(p) {
            Tok::RParen => self.matching[p].unwrap_or(p),
            _ => p,
        };
        let is_async =
            head >= 1 && matches!(self.tok(head - 1), Tok::Async) && !self.tokens[head].nl_before;
        let params = Params {
            generator: false,
            is_async,
            static_block: false,
        };
        match self.tokens.get(i + 1).map(|t| &t.tok) {
            Some(Tok::LBrace) => self.pending_body = Some((params, true)),
            _ => self.push(Kind::ConciseBody, params),
        }
    }
}
