//! CharacterClass (ECMA-262 §22.2.1, <https://tc39.es/ecma262/#prod-CharacterClass>):
//! ClassRanges without the v flag (with Annex B's ClassAtomNoDash and
//! ClassControlLetter without u), ClassSetExpression with it, and their
//! early errors: ranges in order, no class escape as a range end in Unicode
//! mode, no strings in a negated class (MayContainStrings).

use super::messages;
use super::pattern::Parser;
use super::properties::PropertyKind;

type Msg = &'static str;

/// How deeply v-mode classes may nest.
const MAX_CLASS_NESTING: usize = 256;

/// A ClassAtom or ClassSetCharacter's value; None for a set (class escape).
type Atom = Option<u32>;

/// A ClassSetOperand: a single character (which may begin a range) or a set.
struct Operand {
    character: Option<u32>,
    may_contain_strings: bool,
}

/// ClassSetReservedDoublePunctuator's characters.
fn is_double_punctuator(c: u32) -> bool {
    matches!(
        char::from_u32(c),
        Some(
            '&' | '!'
                | '#'
                | '$'
                | '%'
                | '*'
                | '+'
                | ','
                | '.'
                | ':'
                | ';'
                | '<'
                | '='
                | '>'
                | '?'
                | '@'
                | '^'
                | '`'
                | '~'
        )
    )
}

/// ClassSetSyntaxCharacter.
fn is_class_set_syntax_character(c: u32) -> bool {
    matches!(
        char::from_u32(c),
        Some('(' | ')' | '[' | ']' | '{' | '}' | '/' | '-' | '\\' | '|')
    )
}

/// ClassSetReservedPunctuator.
fn is_class_set_reserved_punctuator(c: u32) -> bool {
    matches!(
        char::from_u32(c),
        Some('&' | '-' | '!' | '#' | '%' | ',' | ':' | ';' | '<' | '=' | '>' | '@' | '`' | '~')
    )
}

impl Parser<'_> {
    /// CharacterClass, after its `[`.
    pub(super) fn parse_class(&mut self) -> Result<(), Msg> {
        if self.sets {
            let negated = self.eat('^');
            let may_contain_strings = self.parse_class_set_expression(0)?;
            if negated && may_contain_strings {
                return Err(messages::NEGATED_CLASS_STRINGS);
            }
            return Ok(());
        }
        self.eat('^');
        self.parse_class_ranges()
    }

    /// ClassContents :: NonemptyClassRanges (without the v flag), through the `]`.
    fn parse_class_ranges(&mut self) -> Result<(), Msg> {
        loop {
            match self.peek() {
                None => return Err(messages::UNTERMINATED_CLASS),
                Some(0x5D) => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => {}
            }
            let first = self.parse_class_atom()?;
            if self.peek() == Some(0x2D) && !matches!(self.peek_at(1), Some(0x5D) | None) {
                self.pos += 1;
                let second = self.parse_class_atom()?;
                match (first, second) {
                    (Some(low), Some(high)) if low > high => {
                        return Err(messages::RANGE_OUT_OF_ORDER)
                    }
                    (Some(_), Some(_)) => {}
                    // Annex B: a class escape at either end makes the `-`
                    // a literal without u; with u it is a SyntaxError.
                    _ if self.unicode => return Err(messages::INVALID_CHARACTER_CLASS),
                    _ => {}
                }
            }
        }
    }

    /// ClassAtom: `-`, a character, or `\` ClassEscape.
    fn parse_class_atom(&mut self) -> Result<Atom, Msg> {
        let Some(c) = self.peek() else {
            return Err(messages::UNTERMINATED_CLASS);
        };
        self.pos += 1;
        if c != 0x5C {
            return Ok(Some(c));
        }
        match self.peek() {
            None => Err(messages::ESCAPE_AT_END),
            Some(0x70 | 0x50) if self.unicode => {
                self.pos += 1;
                match self.parse_property() {
                    Ok(PropertyKind::CodePoints) => Ok(None),
                    _ => Err(messages::INVALID_CLASS_PROPERTY_NAME),
                }
            }
            _ => self.character_escape(true),
        }
    }

    /// ClassSetExpression (v flag), after `[` or `[^`, through the `]`;
    /// returns MayContainStrings.
    fn parse_class_set_expression(&mut self, depth: usize) -> Result<bool, Msg> {
        if depth > MAX_CLASS_NESTING {
            return Err(messages::TOO_LARGE);
        }
        if self.eat(']') {
            // An empty ClassUnion.
            return Ok(false);
        }
        let first = self.parse_class_set_operand(depth)?;
        if self.at_double('&') {
            // ClassIntersection: strings only if every operand has some.
            let mut strings = first.may_contain_strings;
            while self.at_double('&') {
                self.pos += 2;
                if self.peek() == Some(0x26) {
                    return Err(messages::INVALID_CLASS_SET_CHARACTER);
                }
                strings &= self.parse_class_set_operand(depth)?.may_contain_strings;
                if !self.at_double('&') && self.peek() != Some(0x5D) {
                    return self.class_set_end_error();
                }
            }
            self.pos += 1;
            return Ok(strings);
        }
        if self.at_double('-') {
            // ClassSubtraction: strings only if the first operand has some.
            while self.at_double('-') {
                self.pos += 2;
                self.parse_class_set_operand(depth)?;
                if !self.at_double('-') && self.peek() != Some(0x5D) {
                    return self.class_set_end_error();
                }
            }
            self.pos += 1;
            return Ok(first.may_contain_strings);
        }
        // ClassUnion: ranges and operands.
        let mut strings = self.finish_class_set_range(first)?;
        loop {
            match self.peek() {
                None => return Err(messages::UNTERMINATED_CLASS),
                Some(0x5D) => {
                    self.pos += 1;
                    return Ok(strings);
                }
                _ if self.at_double('&') || self.at_double('-') => {
                    return Err(messages::INVALID_SET_OPERATION)
                }
                _ => {}
            }
            let operand = self.parse_class_set_operand(depth)?;
            strings |= self.finish_class_set_range(operand)?;
        }
    }

    /// What follows an intersection or subtraction operand is neither the
    /// same operator nor `]`.
    fn class_set_end_error(&self) -> Result<bool, Msg> {
        match self.peek() {
            None => Err(messages::UNTERMINATED_CLASS),
            _ => Err(messages::INVALID_SET_OPERATION),
        }
    }

    fn at_double(&self, c: char) -> bool {
        self.peek() == Some(c as u32) && self.peek_at(1) == Some(c as u32)
    }

    /// In a ClassUnion: a ClassSetCharacter followed by `-` begins a
    /// ClassSetRange. Returns the item's MayContainStrings.
    fn finish_class_set_range(&mut self, first: Operand) -> Result<bool, Msg> {
        let Some(low) = first.character else {
            return Ok(first.may_contain_strings);
        };
        if self.peek() != Some(0x2D) || self.at_double('-') {
            return Ok(false);
        }
        self.pos += 1;
        let Some(high) = self.parse_class_set_character()? else {
            return Err(messages::INVALID_CHARACTER_CLASS);
        };
        if low > high {
            return Err(messages::RANGE_OUT_OF_ORDER);
        }
        Ok(false)
    }

    /// ClassSetOperand :: NestedClass | ClassStringDisjunction | ClassSetCharacter.
    fn parse_class_set_operand(&mut self, depth: usize) -> Result<Operand, Msg> {
        let set = |may_contain_strings| Operand {
            character: None,
            may_contain_strings,
        };
        match self.peek() {
            None => Err(messages::UNTERMINATED_CLASS),
            Some(0x5B) => {
                // NestedClass :: `[` `^`? ClassContents `]`.
                self.pos += 1;
                let negated = self.eat('^');
                let strings = self.parse_class_set_expression(depth + 1)?;
                if negated && strings {
                    return Err(messages::NEGATED_CLASS_STRINGS);
                }
                Ok(set(strings && !negated))
            }
            Some(0x5C) => match self.peek_at(1).and_then(char::from_u32) {
                Some('d' | 'D' | 's' | 'S' | 'w' | 'W') => {
                    self.pos += 2;
                    Ok(set(false))
                }
                Some(p @ ('p' | 'P')) => {
                    self.pos += 2;
                    let kind = self.parse_property()?;
                    if kind == PropertyKind::Strings && p == 'P' {
                        return Err(messages::INVALID_PROPERTY_NAME);
                    }
                    Ok(set(kind == PropertyKind::Strings))
                }
                Some('q') => {
                    self.pos += 2;
                    self.parse_class_string_disjunction().map(set)
                }
                _ => Ok(Operand {
                    character: self.parse_class_set_character()?,
                    may_contain_strings: false,
                }),
            },
            Some(_) => Ok(Operand {
                character: self.parse_class_set_character()?,
                may_contain_strings: false,
            }),
        }
    }

    /// ClassSetCharacter; None only for a class escape where a character was due.
    fn parse_class_set_character(&mut self) -> Result<Option<u32>, Msg> {
        let Some(c) = self.peek() else {
            return Err(messages::UNTERMINATED_CLASS);
        };
        if c == 0x5C {
            self.pos += 1;
            return match self.peek() {
                None => Err(messages::ESCAPE_AT_END),
                Some(p) if is_class_set_reserved_punctuator(p) => {
                    self.pos += 1;
                    Ok(Some(p))
                }
                Some(0x70 | 0x50 | 0x71) => Err(messages::INVALID_CHARACTER_CLASS),
                Some(_) => self.character_escape(true),
            };
        }
        if is_class_set_syntax_character(c)
            || (is_double_punctuator(c) && self.peek_at(1) == Some(c))
        {
            return Err(messages::INVALID_CLASS_SET_CHARACTER);
        }
        self.pos += 1;
        Ok(Some(c))
    }

    /// ClassStringDisjunction after `\q`: `{` ClassString (`|` ClassString)* `}`;
    /// returns MayContainStrings (some ClassString is not one character).
    fn parse_class_string_disjunction(&mut self) -> Result<bool, Msg> {
        if !self.eat('{') {
            return Err(messages::INVALID_ESCAPE);
        }
        let mut strings = false;
        let mut length = 0usize;
        loop {
            match self.peek() {
                None => return Err(messages::UNTERMINATED_CLASS),
                Some(0x7D) => {
                    self.pos += 1;
                    return Ok(strings || length != 1);
                }
                Some(0x7C) => {
                    self.pos += 1;
                    strings |= length != 1;
                    length = 0;
                }
                Some(_) => {
                    if self.parse_class_set_character()?.is_none() {
                        return Err(messages::INVALID_CHARACTER_CLASS);
                    }
                    length += 1;
                }
            }
        }
    }
}
