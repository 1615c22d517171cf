//! The tokens of a date string as V8's `DateStringTokenizer` reads them:
//! numbers (value and digit count), the symbols `: - + . )`, words (known
//! by their first three letters), white space, and anything else
//! (a parenthesised comment is one unknown token).

use crate::interp::number::is_str_white_space;

/// What a word means (V8's `KeywordType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keyword {
    /// An unknown word.
    Invalid,
    /// 1–12
    MonthName(i32),
    /// An hour offset from UTC: `UTC`, `GMT`, `Z`, `EST`, `PDT`, …
    TimeZoneName(i32),
    /// `T`
    TimeSeparator,
    /// 0 for AM, 12 for PM.
    AmPm(i32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    EndOfInput,
    /// A value (its first nine significant digits) and its length in digits.
    Number(i32, usize),
    Symbol(u16),
    /// A word and its length.
    Word(Keyword, usize),
    WhiteSpace,
    Unknown,
}

impl Token {
    pub fn is_number(self) -> bool {
        matches!(self, Token::Number(..))
    }

    pub fn number(self) -> i32 {
        match self {
            Token::Number(n, _) => n,
            _ => 0,
        }
    }

    pub fn is_fixed_length_number(self, length: usize) -> bool {
        matches!(self, Token::Number(_, l) if l == length)
    }

    pub fn is_symbol(self, symbol: char) -> bool {
        self == Token::Symbol(symbol as u16)
    }

    /// `+1` or `-1` for a sign symbol.
    pub fn ascii_sign(self) -> Option<i32> {
        match self {
            Token::Symbol(s) if s == u16::from(b'+') => Some(1),
            Token::Symbol(s) if s == u16::from(b'-') => Some(-1),
            _ => None,
        }
    }

    /// The single letter `Z` (UTC).
    pub fn is_keyword_z(self) -> bool {
        self == Token::Word(Keyword::TimeZoneName(0), 1)
    }
}

/// The words V8 knows, by (up to) their first three letters, lower case.
const KEYWORDS: &[(&str, Keyword)] = &[
    ("jan", Keyword::MonthName(1)),
    ("feb", Keyword::MonthName(2)),
    ("mar", Keyword::MonthName(3)),
    ("apr", Keyword::MonthName(4)),
    ("may", Keyword::MonthName(5)),
    ("jun", Keyword::MonthName(6)),
    ("jul", Keyword::MonthName(7)),
    ("aug", Keyword::MonthName(8)),
    ("sep", Keyword::MonthName(9)),
    ("oct", Keyword::MonthName(10)),
    ("nov", Keyword::MonthName(11)),
    ("dec", Keyword::MonthName(12)),
    ("am", Keyword::AmPm(0)),
    ("pm", Keyword::AmPm(12)),
    ("ut", Keyword::TimeZoneName(0)),
    ("utc", Keyword::TimeZoneName(0)),
    ("z", Keyword::TimeZoneName(0)),
    ("gmt", Keyword::TimeZoneName(0)),
    ("cdt", Keyword::TimeZoneName(-5)),
    ("cst", Keyword::TimeZoneName(-6)),
    ("edt", Keyword::TimeZoneName(-4)),
    ("est", Keyword::TimeZoneName(-5)),
    ("mdt", Keyword::TimeZoneName(-6)),
    ("mst", Keyword::TimeZoneName(-7)),
    ("pdt", Keyword::TimeZoneName(-7)),
    ("pst", Keyword::TimeZoneName(-8)),
    ("t", Keyword::TimeSeparator),
];

/// KeywordTable::Lookup: the first three letters must match; a longer word
/// only matches a month name ("January", but not "Zulu").
fn lookup(prefix: &[u16], length: usize) -> Keyword {
    for (word, keyword) in KEYWORDS {
        let mut padded = [0u16; 3];
        for (slot, b) in padded.iter_mut().zip(word.bytes()) {
            *slot = u16::from(b);
        }
        if padded == prefix[..3] && (length <= 3 || matches!(keyword, Keyword::MonthName(_))) {
            return *keyword;
        }
    }
    Keyword::Invalid
}

/// V8's `DateStringTokenizer` over an `InputReader`, with one token of
/// look-ahead.
pub struct Scanner<'a> {
    input: &'a [u16],
    position: usize,
    next: Token,
}

/// Digits V8 keeps of a numeral (the rest only count towards its length).
const MAX_SIGNIFICANT_DIGITS: usize = 9;

impl<'a> Scanner<'a> {
    pub fn new(input: &'a [u16]) -> Scanner<'a> {
        let mut scanner = Scanner {
            input,
            position: 0,
            next: Token::EndOfInput,
        };
        scanner.next = scanner.scan();
        scanner
    }

    pub fn next(&mut self) -> Token {
        let result = self.next;
        self.next = self.scan();
        result
    }

    pub fn peek(&self) -> Token {
        self.next
    }

    pub fn skip_symbol(&mut self, symbol: char) -> bool {
        if self.next.is_symbol(symbol) {
            self.next = self.scan();
            true
        } else {
            false
        }
    }

    fn ch(&self) -> u16 {
        self.input.get(self.position).copied().unwrap_or(0)
    }

    fn at_end(&self) -> bool {
        self.position >= self.input.len()
    }

    fn is_digit(&self) -> bool {
        !self.at_end() && (u16::from(b'0')..=u16::from(b'9')).contains(&self.ch())
    }

    fn scan(&mut self) -> Token {
        let start = self.position;
        if self.at_end() {
            return Token::EndOfInput;
        }
        if self.is_digit() {
            let n = self.read_unsigned_numeral();
            return Token::Number(n, self.position - start);
        }
        let c = self.ch();
        if [b':', b'-', b'+', b'.', b')'].contains(&(c as u8)) && c < 0x80 {
            self.position += 1;
            return Token::Symbol(c);
        }
        if c >= u16::from(b'A') && !is_str_white_space(c) {
            let mut prefix = [0u16; 3];
            let mut length = 0;
            while !self.at_end() && self.ch() >= u16::from(b'A') && !is_str_white_space(self.ch()) {
                if length < 3 {
                    prefix[length] = self.ch() | 0x20;
                }
                length += 1;
                self.position += 1;
            }
            return Token::Word(lookup(&prefix, length), length);
        }
        if is_str_white_space(c) {
            while !self.at_end() && is_str_white_space(self.ch()) {
                self.position += 1;
            }
            return Token::WhiteSpace;
        }
        if c == u16::from(b'(') {
            // SkipParentheses: up to the matching ')' or the end.
            let mut balance = 0;
            loop {
                match self.ch() {
                    0x29 => balance -= 1,
                    0x28 => balance += 1,
                    _ => {}
                }
                self.position += 1;
                if balance <= 0 || self.at_end() {
                    break;
                }
            }
            return Token::Unknown;
        }
        self.position += 1;
        Token::Unknown
    }

    /// ReadUnsignedNumeral: leading zeros skipped, the first nine
    /// significant digits kept.
    fn read_unsigned_numeral(&mut self) -> i32 {
        while self.ch() == u16::from(b'0') && !self.at_end() {
            self.position += 1;
        }
        let mut n: i32 = 0;
        let mut i = 0;
        while self.is_digit() {
            if i < MAX_SIGNIFICANT_DIGITS {
                n = n * 10 + i32::from(self.ch() - u16::from(b'0'));
            }
            i += 1;
            self.position += 1;
        }
        n
    }
}

/// ReadMilliseconds: the first three significant digits of a fraction.
pub fn read_milliseconds(token: Token) -> i32 {
    let Token::Number(mut number, length) = token else {
        return 0;
    };
    if length == 1 {
        number *= 100;
    } else if length == 2 {
        number *= 10;
    } else if length > 3 {
        let mut length = length.min(MAX_SIGNIFICANT_DIGITS);
        let mut factor = 1;
        while length > 3 {
            factor *= 10;
            length -= 1;
        }
        number /= factor;
    }
    number
}
