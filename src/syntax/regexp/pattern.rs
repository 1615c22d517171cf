//! The Pattern grammar (ECMA-262 §22.2.1, <https://tc39.es/ecma262/#sec-patterns>)
//! outside character classes, with Annex B.1.2's grammar for patterns
//! without the u and v flags (<https://tc39.es/ecma262/#sec-regular-expressions-patterns>).
//!
//! The parser only validates. Groups are kept on an explicit stack rather
//! than by recursion, so deep nesting cannot overflow the native stack, and
//! every code point is looked at a bounded number of times.

use super::group_names::GroupNames;
use super::messages;
use super::properties::{classify_property, PropertyKind};
use crate::syntax::lexer::{is_id_part, is_id_start};

type Msg = &'static str;

/// How the parser reads a pattern: `[UnicodeMode]`, `[UnicodeSetsMode]`
/// and `[NamedCaptureGroups]`.
pub struct Parser<'a> {
    pub(super) src: &'a [u32],
    pub(super) pos: usize,
    /// The u or the v flag: the pattern is code points and the strict grammar applies.
    pub(super) unicode: bool,
    /// The v flag: character classes are ClassSetExpressions.
    pub(super) sets: bool,
    /// `\k` is a GroupName reference (always with u or v; otherwise only
    /// when the pattern has a named group).
    pub(super) named: bool,
    names: GroupNames,
    group_count: u64,
    largest_backreference: u64,
    name_references: Vec<String>,
}

/// What came just before a quantifier.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Quantifiable {
    Yes,
    /// Nothing, an assertion or another quantifier: "Nothing to repeat".
    Nothing,
    /// A lookaround that may not be quantified: "Invalid quantifier".
    Lookaround,
}

/// The kind of an open group.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Group {
    Plain,
    Lookahead,
    Lookbehind,
}

pub(super) fn is_syntax_character(c: u32) -> bool {
    matches!(
        char::from_u32(c),
        Some('^' | '$' | '\\' | '.' | '*' | '+' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|')
    )
}

pub(super) fn hex_value(c: Option<u32>) -> Option<u32> {
    char::from_u32(c?)?.to_digit(16)
}

fn is_decimal_digit(c: Option<u32>) -> bool {
    matches!(c, Some(0x30..=0x39))
}

impl<'a> Parser<'a> {
    pub fn new(src: &'a [u32], unicode: bool, sets: bool, named: bool) -> Parser<'a> {
        Parser {
            src,
            pos: 0,
            unicode: unicode || sets,
            sets,
            named: named || unicode || sets,
            names: GroupNames::new(),
            group_count: 0,
            largest_backreference: 0,
            name_references: Vec::new(),
        }
    }

    pub(super) fn peek(&self) -> Option<u32> {
        self.src.get(self.pos).copied()
    }

    pub(super) fn peek_at(&self, offset: usize) -> Option<u32> {
        self.src.get(self.pos + offset).copied()
    }

    pub(super) fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c as u32) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Whether the pattern declared a group name (for Annex B's second parse).
    pub fn saw_group_name(&self) -> bool {
        !self.names.is_empty()
    }

    /// Pattern :: Disjunction, then the early errors that need the whole
    /// pattern: DecimalEscape bounds and GroupName references.
    pub fn parse_pattern(&mut self) -> Result<(), Msg> {
        self.parse_disjunctions()?;
        // It is a Syntax Error if CountLeftCapturingParensWithin(Pattern)
        // is less than a DecimalEscape's CapturingGroupNumber (u or v).
        if self.unicode && self.largest_backreference > self.group_count {
            return Err(messages::INVALID_ESCAPE);
        }
        // It is a Syntax Error if GroupSpecifiersThatMatch(GroupName) is empty.
        if let Some(_missing) = self
            .name_references
            .iter()
            .find(|name| !self.names.contains(name))
        {
            return Err(messages::INVALID_NAMED_CAPTURE_REFERENCED);
        }
        Ok(())
    }

    /// Disjunction, Alternative and Term, with the open groups on a stack.
    fn parse_disjunctions(&mut self) -> Result<(), Msg> {
        let mut open: Vec<Group> = Vec::new();
        let mut last = Quantifiable::Nothing;
        while let Some(c) = self.peek() {
            match char::from_u32(c) {
                Some('|') => {
                    self.pos += 1;
                    self.names.next_alternative();
                    last = Quantifiable::Nothing;
                }
                Some(')') => {
                    self.pos += 1;
                    let Some(group) = open.pop() else {
                        return Err(messages::UNMATCHED_PAREN);
                    };
                    self.names.close_disjunction();
                    last = match group {
                        Group::Plain => Quantifiable::Yes,
                        // QuantifiableAssertion (Annex B, without u or v).
                        Group::Lookahead if !self.unicode => Quantifiable::Yes,
                        Group::Lookahead | Group::Lookbehind => Quantifiable::Lookaround,
                    };
                }
                Some('(') => {
                    self.pos += 1;
                    open.push(self.parse_group_opening()?);
                    self.names.open_disjunction();
                    last = Quantifiable::Nothing;
                }
                Some('^' | '$') => {
                    self.pos += 1;
                    last = Quantifiable::Nothing;
                }
                Some('\\') if matches!(self.peek_at(1), Some(0x62 | 0x42)) => {
                    // \b \B
                    self.pos += 2;
                    last = Quantifiable::Nothing;
                }
                Some('*' | '+' | '?') => {
                    self.pos += 1;
                    self.quantify(last)?;
                    last = Quantifiable::Nothing;
                }
                Some('{') => {
                    if self.parse_braced_quantifier()? {
                        self.quantify(last)?;
                        last = Quantifiable::Nothing;
                    } else if self.unicode {
                        return Err(
                            if last == Quantifiable::Yes && is_decimal_digit(self.peek_at(1)) {
                                messages::INCOMPLETE_QUANTIFIER
                            } else {
                                messages::LONE_QUANTIFIER_BRACKETS
                            },
                        );
                    } else {
                        // ExtendedPatternCharacter.
                        self.pos += 1;
                        last = Quantifiable::Yes;
                    }
                }
                Some('}' | ']') if self.unicode => return Err(messages::LONE_QUANTIFIER_BRACKETS),
                Some('[') => {
                    self.pos += 1;
                    self.parse_class()?;
                    last = Quantifiable::Yes;
                }
                Some('\\') => {
                    self.pos += 1;
                    self.parse_atom_escape()?;
                    last = Quantifiable::Yes;
                }
                _ => {
                    self.pos += 1;
                    last = Quantifiable::Yes;
                }
            }
        }
        if open.is_empty() {
            Ok(())
        } else {
            Err(messages::UNTERMINATED_GROUP)
        }
    }

    /// A Quantifier's prefix was read; the optional `?` follows.
    fn quantify(&mut self, last: Quantifiable) -> Result<(), Msg> {
        match last {
            Quantifiable::Yes => {
                self.eat('?');
                Ok(())
            }
            Quantifiable::Nothing => Err(messages::NOTHING_TO_REPEAT),
            Quantifiable::Lookaround => Err(messages::INVALID_QUANTIFIER),
        }
    }

    /// `{n}`, `{n,}` or `{n,m}` at the current position: consumed and true
    /// when present (a SyntaxError when m < n); false, consuming nothing,
    /// when the `{` begins no quantifier.
    fn parse_braced_quantifier(&mut self) -> Result<bool, Msg> {
        let start = self.pos;
        self.pos += 1;
        let low = self.digits();
        if low.is_empty() {
            self.pos = start;
            return Ok(false);
        }
        let mut high = None;
        if self.eat(',') {
            high = Some(self.digits());
        }
        if !self.eat('}') {
            self.pos = start;
            return Ok(false);
        }
        if let Some(high) = high {
            if !high.is_empty() && compare_decimal(low, high) == std::cmp::Ordering::Greater {
                return Err(messages::QUANTIFIER_OUT_OF_ORDER);
            }
        }
        Ok(true)
    }

    /// DecimalDigits at the current position (possibly none).
    fn digits(&mut self) -> &'a [u32] {
        let start = self.pos;
        while is_decimal_digit(self.peek()) {
            self.pos += 1;
        }
        &self.src[start..self.pos]
    }

    /// After `(`: GroupSpecifier, `?:`, lookarounds and modifiers.
    fn parse_group_opening(&mut self) -> Result<Group, Msg> {
        if !self.eat('?') {
            self.group_count += 1;
            return Ok(Group::Plain);
        }
        match self.peek().and_then(char::from_u32) {
            Some(':') => {
                self.pos += 1;
                Ok(Group::Plain)
            }
            Some('=' | '!') => {
                self.pos += 1;
                Ok(Group::Lookahead)
            }
            Some('<') if matches!(self.peek_at(1), Some(0x3D | 0x21)) => {
                self.pos += 2;
                Ok(Group::Lookbehind)
            }
            Some('<') => {
                self.pos += 1;
                let name = self.parse_group_name()?;
                // It is a Syntax Error if two GroupSpecifiers with this name
                // might both participate.
                if !self.names.declare(&name) {
                    return Err(messages::DUPLICATE_GROUP_NAME);
                }
                self.group_count += 1;
                Ok(Group::Plain)
            }
            _ => {
                self.parse_modifiers()?;
                Ok(Group::Plain)
            }
        }
    }

    /// `(?` RegularExpressionModifiers `-` RegularExpressionModifiers `:`:
    /// only i, m and s, none twice, not both empty.
    fn parse_modifiers(&mut self) -> Result<(), Msg> {
        let mut seen = [false; 3];
        let mut dash = false;
        let mut any = false;
        loop {
            let slot = match self.peek().and_then(char::from_u32) {
                Some('i') => 0,
                Some('m') => 1,
                Some('s') => 2,
                Some('-') if !dash => {
                    dash = true;
                    self.pos += 1;
                    continue;
                }
                Some(':') if dash || any => {
                    self.pos += 1;
                    if dash && !any {
                        return Err(messages::INVALID_FLAG_GROUP);
                    }
                    return Ok(());
                }
                _ => return Err(messages::INVALID_GROUP),
            };
            if seen[slot] {
                return Err(messages::REPEATED_FLAG);
            }
            seen[slot] = true;
            any = true;
            self.pos += 1;
        }
    }

    /// GroupName :: `<` RegExpIdentifierName `>` (the `<` already read).
    pub(super) fn parse_group_name(&mut self) -> Result<String, Msg> {
        let mut name = String::new();
        loop {
            let Some(c) = self.group_name_char()? else {
                return Err(messages::INVALID_CAPTURE_GROUP_NAME);
            };
            if c == '>' && !name.is_empty() {
                return Ok(name);
            }
            // RegExpIdentifierStart / RegExpIdentifierPart: the identifier
            // characters of §12.7.
            let ok = if name.is_empty() {
                is_id_start(c)
            } else {
                is_id_part(c)
            };
            if !ok {
                return Err(messages::INVALID_CAPTURE_GROUP_NAME);
            }
            name.push(c);
        }
    }

    /// One code point of a RegExpIdentifierName: a character, a surrogate
    /// pair of code units, or `\` RegExpUnicodeEscapeSequence[+UnicodeMode].
    fn group_name_char(&mut self) -> Result<Option<char>, Msg> {
        let Some(c) = self.peek() else {
            return Ok(None);
        };
        self.pos += 1;
        let value = if c == 0x5C {
            if !self.eat('u') {
                return Err(messages::INVALID_CAPTURE_GROUP_NAME);
            }
            match self.unicode_escape_value(true) {
                Some(v) => v,
                None => return Err(messages::INVALID_CAPTURE_GROUP_NAME),
            }
        } else if (0xD800..0xDC00).contains(&c) {
            match self.peek() {
                Some(t @ 0xDC00..=0xDFFF) => {
                    self.pos += 1;
                    0x10000 + ((c - 0xD800) << 10) + (t - 0xDC00)
                }
                _ => c,
            }
        } else {
            c
        };
        Ok(char::from_u32(value))
    }

    /// After `\u`: RegExpUnicodeEscapeSequence — `XXXX` (joined with a
    /// following `\uXXXX` trail surrogate in Unicode mode) or, in Unicode
    /// mode, `{CodePoint}`. None, consuming nothing, when absent.
    pub(super) fn unicode_escape_value(&mut self, unicode: bool) -> Option<u32> {
        let start = self.pos;
        if unicode && self.eat('{') {
            let mut value: u32 = 0;
            let mut count = 0;
            while let Some(d) = hex_value(self.peek()) {
                value = value.saturating_mul(16).saturating_add(d);
                count += 1;
                self.pos += 1;
            }
            if count == 0 || value > 0x10FFFF || !self.eat('}') {
                self.pos = start;
                return None;
            }
            return Some(value);
        }
        let lead = self.hex4()?;
        if unicode && (0xD800..0xDC00).contains(&lead) && self.peek() == Some(0x5C) {
            let before = self.pos;
            self.pos += 1;
            if self.eat('u') {
                if let Some(trail @ 0xDC00..=0xDFFF) = self.hex4() {
                    return Some(0x10000 + ((lead - 0xD800) << 10) + (trail - 0xDC00));
                }
            }
            self.pos = before;
        }
        Some(lead)
    }

    /// Four hex digits, or None consuming nothing.
    fn hex4(&mut self) -> Option<u32> {
        let mut value = 0;
        for i in 0..4 {
            value = value * 16 + hex_value(self.peek_at(i))?;
        }
        self.pos += 4;
        Some(value)
    }

    /// AtomEscape (after `\`, outside classes).
    fn parse_atom_escape(&mut self) -> Result<(), Msg> {
        let Some(c) = self.peek() else {
            return Err(messages::ESCAPE_AT_END);
        };
        match char::from_u32(c) {
            Some('1'..='9') => {
                // DecimalEscape: a backreference in Unicode mode; without
                // it, Annex B reads a number beyond the groups as a legacy
                // octal or identity escape, so any is valid.
                let digits = self.digits();
                if self.unicode {
                    let mut number: u64 = 0;
                    for &d in digits {
                        number = number
                            .saturating_mul(10)
                            .saturating_add(u64::from(d - 0x30));
                    }
                    self.largest_backreference = self.largest_backreference.max(number);
                }
                Ok(())
            }
            Some('k') if self.named => {
                self.pos += 1;
                if !self.eat('<') {
                    return Err(messages::INVALID_NAMED_REFERENCE);
                }
                let name = self
                    .parse_group_name()
                    .map_err(|_| messages::INVALID_CAPTURE_GROUP_NAME)?;
                self.name_references.push(name);
                Ok(())
            }
            Some('p' | 'P') if self.unicode => {
                self.pos += 1;
                let kind = self.parse_property()?;
                if kind == PropertyKind::Strings && c == u32::from(b'P') {
                    return Err(messages::INVALID_PROPERTY_NAME);
                }
                Ok(())
            }
            _ => self.character_escape(false).map(|_| ()),
        }
    }

    /// After `\p{` or `\P{`... (the `p` read): `{` UnicodePropertyValueExpression `}`.
    pub(super) fn parse_property(&mut self) -> Result<PropertyKind, Msg> {
        if !self.eat('{') {
            return Err(messages::INVALID_PROPERTY_NAME);
        }
        let mut text = String::new();
        loop {
            match self.peek().and_then(char::from_u32) {
                Some('}') => {
                    self.pos += 1;
                    break;
                }
                Some(c @ ('A'..='Z' | 'a'..='z' | '0'..='9' | '_' | '=')) => {
                    text.push(c);
                    self.pos += 1;
                }
                _ => return Err(messages::INVALID_PROPERTY_NAME),
            }
        }
        classify_property(&text, self.sets).ok_or(messages::INVALID_PROPERTY_NAME)
    }

    /// CharacterClassEscape (other than `\p`) or CharacterEscape, and in
    /// classes `\b` and (Unicode mode) `\-`; Annex B's IdentityEscape and
    /// legacy octal escapes without the u and v flags. The value of a
    /// single character, None for a class escape.
    pub(super) fn character_escape(&mut self, in_class: bool) -> Result<Option<u32>, Msg> {
        let Some(c) = self.peek() else {
            return Err(messages::ESCAPE_AT_END);
        };
        self.pos += 1;
        let value = match char::from_u32(c) {
            Some('d' | 'D' | 's' | 'S' | 'w' | 'W') => return Ok(None),
            Some('f') => 0x0C,
            Some('n') => 0x0A,
            Some('r') => 0x0D,
            Some('t') => 0x09,
            Some('v') => 0x0B,
            Some('b') if in_class => 0x08,
            Some('-') if in_class && self.unicode => c,
            Some('c') => match self.peek() {
                Some(letter @ (0x41..=0x5A | 0x61..=0x7A)) => {
                    self.pos += 1;
                    letter % 32
                }
                // ClassControlLetter (Annex B): digits and `_` in classes.
                Some(d @ (0x30..=0x39 | 0x5F)) if in_class && !self.unicode => {
                    self.pos += 1;
                    d % 32
                }
                _ if self.unicode && in_class => return Err(messages::INVALID_CLASS_ESCAPE),
                _ if self.unicode => return Err(messages::INVALID_UNICODE_ESCAPE),
                // `\` [lookahead = c]: the backslash itself.
                _ => {
                    self.pos -= 1;
                    0x5C
                }
            },
            Some('0') if !is_decimal_digit(self.peek()) => 0,
            Some('0'..='9') if self.unicode => return Err(messages::INVALID_DECIMAL_ESCAPE),
            Some('0'..='7') => {
                // LegacyOctalEscapeSequence.
                self.pos -= 1;
                self.legacy_octal()
            }
            Some('x') => match (hex_value(self.peek()), hex_value(self.peek_at(1))) {
                (Some(high), Some(low)) => {
                    self.pos += 2;
                    high * 16 + low
                }
                _ if self.unicode => return Err(messages::INVALID_ESCAPE),
                _ => c,
            },
            Some('u') => match self.unicode_escape_value(self.unicode) {
                Some(value) => value,
                None if self.unicode => return Err(messages::INVALID_UNICODE_ESCAPE),
                None => c,
            },
            _ if self.unicode => {
                if is_syntax_character(c) || c == 0x2F {
                    c
                } else {
                    return Err(messages::INVALID_ESCAPE);
                }
            }
            // IdentityEscape: any but `c`, and `k` with named groups.
            Some('k') if self.named => return Err(messages::INVALID_ESCAPE),
            _ => c,
        };
        Ok(Some(value))
    }

    /// LegacyOctalEscapeSequence: up to three octal digits, at most 0o377.
    fn legacy_octal(&mut self) -> u32 {
        let mut value = 0;
        for _ in 0..3 {
            match self.peek() {
                Some(d @ 0x30..=0x37) if value * 8 + (d - 0x30) <= 0o377 => {
                    value = value * 8 + (d - 0x30);
                    self.pos += 1;
                }
                _ => break,
            }
        }
        value
    }
}

/// DecimalDigits without their leading zeros.
fn significant(digits: &[u32]) -> &[u32] {
    let zeros = digits.iter().take_while(|&&d| d == 0x30).count();
    &digits[zeros..]
}

/// Compares two DecimalDigits by value (any length).
fn compare_decimal(a: &[u32], b: &[u32]) -> std::cmp::Ordering {
    let (a, b) = (significant(a), significant(b));
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}
