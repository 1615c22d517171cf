//! Turning a pattern and flags into a `regress` matcher: flag validation,
//! the pattern as code points or code units, and V8's wording for syntax errors.

use std::rc::Rc;

use crate::interp::string::JsStr;

/// The flags a RegExp was created with (`[[OriginalFlags]]` decoded).
#[derive(Copy, Clone, Default, Debug)]
pub struct FlagSet {
    pub has_indices: bool,
    pub global: bool,
    pub ignore_case: bool,
    pub multiline: bool,
    pub dot_all: bool,
    pub unicode: bool,
    pub unicode_sets: bool,
    pub sticky: bool,
}

impl FlagSet {
    /// Parses flags; None when a code unit is unknown or repeated, or when
    /// both `u` and `v` are present (RegExpInitialize steps 5–6).
    pub fn parse(flags: &[u16]) -> Option<FlagSet> {
        let mut set = FlagSet::default();
        for &unit in flags {
            let slot = match unit {
                0x64 => &mut set.has_indices,
                0x67 => &mut set.global,
                0x69 => &mut set.ignore_case,
                0x6D => &mut set.multiline,
                0x73 => &mut set.dot_all,
                0x75 => &mut set.unicode,
                0x76 => &mut set.unicode_sets,
                0x79 => &mut set.sticky,
                _ => return None,
            };
            if *slot {
                return None;
            }
            *slot = true;
        }
        if set.unicode && set.unicode_sets {
            return None;
        }
        Some(set)
    }

    /// Full Unicode matching (`u` or `v`).
    pub fn full_unicode(&self) -> bool {
        self.unicode || self.unicode_sets
    }
}

/// A compiled RegExp: `[[RegExpMatcher]]`, `[[OriginalSource]]`, `[[OriginalFlags]]`.
pub struct Compiled {
    pub matcher: Rc<regress::Regex>,
    /// The matcher for sticky searches, compiled on first use (see [`StickyMatcher`]).
    pub sticky: StickyMatcher,
    pub source: JsStr,
    pub flags: JsStr,
    pub flag_set: FlagSet,
    /// Whether every match starts at 0 (see [`anchored_at_start`]).
    pub anchored: bool,
}

/// The engine has no anchored search: a sticky attempt at position k
/// with the plain matcher would scan the rest of the text when nothing
/// matches at k. The sticky matcher is `(?:P)()|[\s\S]`: at k it tries P
/// first and otherwise consumes one character, so the search always ends
/// at k; the empty group after P (numbered after all of P's groups) says
/// whether P matched.
#[derive(Clone, Default)]
pub struct StickyMatcher(Rc<std::cell::OnceCell<Option<regress::Regex>>>);

impl StickyMatcher {
    pub fn get(&self, pattern: &JsStr, flag_set: FlagSet) -> Option<&regress::Regex> {
        self.0
            .get_or_init(|| {
                // Without the u flag, `\N` past the last group is a legacy
                // octal escape; the marker group would turn it into a
                // backreference, so such patterns keep the plain search.
                if !flag_set.full_unicode() && !escapes_are_backreferences(pattern.units()) {
                    return None;
                }
                let mut units: Vec<u16> = "(?:".encode_utf16().collect();
                units.extend_from_slice(pattern.units());
                units.extend(")()|[\\s\\S]".encode_utf16());
                let chars = pattern_chars(&units, flag_set.full_unicode());
                regress::Regex::from_unicode(chars.into_iter(), regress_flags(flag_set)).ok()
            })
            .as_ref()
    }
}

/// Whether every `\N` outside a class (N a decimal number) names a group
/// the pattern has, so that adding a group after the pattern leaves its
/// meaning alone. Without the u or v flag (the only case that asks), an
/// `\N` past the last group is Annex B's legacy octal escape, and classes
/// do not nest. Conservative: anything it cannot account for says false.
fn escapes_are_backreferences(pattern: &[u16]) -> bool {
    let unit = |i: usize| pattern.get(i).map(|&u| u8::try_from(u).unwrap_or(0));
    let (mut groups, mut highest_escape) = (0u64, 0u64);
    let mut in_class = false;
    let mut i = 0;
    while let Some(c) = unit(i) {
        match c {
            b'\\' => {
                let mut n = 0u64;
                let mut j = i + 1;
                while let Some(d @ b'0'..=b'9') = unit(j) {
                    n = n.saturating_mul(10).saturating_add(u64::from(d - b'0'));
                    j += 1;
                }
                if !in_class {
                    highest_escape = highest_escape.max(n);
                }
                i = j.max(i + 2);
                continue;
            }
            b'[' => in_class = true,
            b']' => in_class = false,
            b'(' if !in_class => {
                let named = unit(i + 1) == Some(b'?')
                    && unit(i + 2) == Some(b'<')
                    && !matches!(unit(i + 3), Some(b'=' | b'!'));
                if unit(i + 1) != Some(b'?') || named {
                    groups += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    highest_escape <= groups
}

fn regress_flags(flag_set: FlagSet) -> regress::Flags {
    regress::Flags {
        icase: flag_set.ignore_case,
        multiline: flag_set.multiline,
        dot_all: flag_set.dot_all,
        unicode: flag_set.unicode,
        unicode_sets: flag_set.unicode_sets,
        no_opt: false,
    }
}

/// The pattern as `regress` reads it: code points in Unicode mode (pairs
/// joined), code units otherwise.
fn pattern_chars(pattern: &[u16], unicode: bool) -> Vec<u32> {
    if !unicode {
        return pattern.iter().map(|&u| u32::from(u)).collect();
    }
    char::decode_utf16(pattern.iter().copied())
        .map(|r| match r {
            Ok(c) => u32::from(c),
            Err(e) => u32::from(e.unpaired_surrogate()),
        })
        .collect()
}

impl FlagSet {
    /// The flags as one bit each (a cache key).
    fn bits(&self) -> u8 {
        [
            self.has_indices,
            self.global,
            self.ignore_case,
            self.multiline,
            self.dot_all,
            self.unicode,
            self.unicode_sets,
            self.sticky,
        ]
        .iter()
        .enumerate()
        .fold(0, |bits, (i, &on)| bits | (u8::from(on) << i))
    }
}

/// Whether a pattern can only match at the start of the input: each of
/// its top-level alternatives begins with `^` and it is not multiline
/// (where `^` also matches after a line terminator). The engine has no
/// such analysis and tries every position in turn, so a tokenizer that
/// matches `/^…/` against the rest of its input would take time quadratic
/// in its length.
///
/// Conservative: a pattern this scan cannot read is merely searched the
/// usual way. Classes nest only in `v` mode; in other modes `[` inside a
/// class is literal.
pub fn anchored_at_start(pattern: &[u16], flag_set: FlagSet) -> bool {
    let caret = u16::from(b'^');
    if flag_set.multiline || pattern.first() != Some(&caret) {
        return false;
    }
    let (mut depth, mut class_depth) = (0usize, 0usize);
    let mut i = 0;
    while let Some(&unit) = pattern.get(i) {
        match u8::try_from(unit).unwrap_or(0) {
            b'\\' => i += 1,
            b'[' if class_depth == 0 || flag_set.unicode_sets => class_depth += 1,
            b']' if class_depth > 0 => class_depth -= 1,
            _ if class_depth > 0 => {}
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            b'|' if depth == 0 && pattern.get(i + 1) != Some(&caret) => return false,
            _ => {}
        }
        i += 1;
    }
    true
}

/// Matchers already compiled on this thread, by pattern and flags: a
/// regular expression literal makes a new RegExp object each time it is
/// evaluated (and `new RegExp(p)` in a loop likewise), but the pattern
/// needs checking and compiling once. Matchers are immutable, so objects
/// share them. Bounded: the table is emptied when it grows past
/// `CACHED_MATCHERS`.
type MatcherKey = (Vec<u16>, u8);

const CACHED_MATCHERS: usize = 512;

/// A cached pattern's matchers and whether it is anchored at the start.
type CachedMatcher = (Rc<regress::Regex>, StickyMatcher, bool);

thread_local! {
    static MATCHERS: std::cell::RefCell<std::collections::HashMap<MatcherKey, CachedMatcher>> =
        std::cell::RefCell::default();
}

/// The compiled form of a pattern this thread has already checked and
/// compiled with the same flags.
pub fn cached(pattern: &JsStr, flags: &JsStr, flag_set: FlagSet) -> Option<Compiled> {
    let key = (pattern.units().to_vec(), flag_set.bits());
    let (matcher, sticky, anchored) = MATCHERS.with(|m| m.borrow().get(&key).cloned())?;
    Some(Compiled {
        matcher,
        sticky,
        source: pattern.clone(),
        flags: flags.clone(),
        flag_set,
        anchored,
    })
}

/// Compiles `pattern` with already-validated flags; Err holds V8's
/// explanation (without the "Invalid regular expression: /…/: " prefix).
/// The caller has checked the pattern against the grammar; the result is
/// kept for `cached`.
pub fn compile(pattern: &JsStr, flags: &JsStr, flag_set: FlagSet) -> Result<Compiled, String> {
    let chars = pattern_chars(pattern.units(), flag_set.full_unicode());
    // The engine's parser recurses on nesting; it reports (rather than
    // overflows on) patterns nested too deeply.
    match regress::Regex::from_unicode(chars.into_iter(), regress_flags(flag_set)) {
        Ok(regex) => {
            let compiled = Compiled {
                matcher: Rc::new(regex),
                sticky: StickyMatcher::default(),
                source: pattern.clone(),
                flags: flags.clone(),
                flag_set,
                anchored: anchored_at_start(pattern.units(), flag_set),
            };
            MATCHERS.with(|m| {
                let mut m = m.borrow_mut();
                if m.len() >= CACHED_MATCHERS {
                    m.clear();
                }
                m.insert(
                    (pattern.units().to_vec(), flag_set.bits()),
                    (
                        compiled.matcher.clone(),
                        compiled.sticky.clone(),
                        compiled.anchored,
                    ),
                );
            });
            Ok(compiled)
        }
        Err(e) => Err(v8_message(&e.text, pattern.units())),
    }
}

/// V8's message for the engine's error text where the two differ.
fn v8_message(text: &str, pattern: &[u16]) -> String {
    let mapped = match text {
        "Unbalanced parenthesis" => {
            if has_unmatched_close(pattern) {
                "Unmatched ')'"
            } else {
                "Unterminated group"
            }
        }
        "Unbalanced bracket" => "Unterminated character class",
        "Incomplete escape" | "Unterminated escape" => "\\ at end of pattern",
        "Quantifier not allowed here" | "Invalid braced quantifier" | "Invalid quantifier"
            if has_reversed_braces(pattern) =>
        {
            "numbers out of order in {} quantifier"
        }
        "Quantifier not allowed here" | "Invalid braced quantifier" | "Invalid quantifier" => {
            "Nothing to repeat"
        }
        "Invalid atom character" if has_lone_bracket(pattern) => "Lone quantifier brackets",
        "Invalid atom character" => "Nothing to repeat",
        "Invalid token at named capture group identifier" if !has_group_name_start(pattern) => {
            "Invalid group"
        }
        "Invalid token at named capture group identifier" => "Invalid capture group name",
        "Invalid unicode escape" => "Invalid Unicode escape",
        "Invalid character escape" => "Invalid escape",
        "Invalid property escape" => "Invalid property name",
        "Invalid character range" | "Invalid class set range" => "Invalid character class",
        "Invalid group modifier" => "Invalid group",
        t if t.starts_with("Range values reversed") => "Range out of order in character class",
        t if t.starts_with("Backreference to invalid named capture group") => {
            "Invalid named capture referenced"
        }
        t if t.starts_with("Duplicate") || t.contains("duplicate") => {
            "Duplicate capture group name"
        }
        t if t.starts_with("Braced quantifier") || t.contains("out of order") => {
            "numbers out of order in {} quantifier"
        }
        other => other,
    };
    mapped.to_string()
}

/// Whether the pattern has a `{n,m}` quantifier with n > m.
fn has_reversed_braces(pattern: &[u16]) -> bool {
    let text = String::from_utf16_lossy(pattern);
    text.split('{').skip(1).any(|part| {
        let Some(body) = part.split('}').next() else {
            return false;
        };
        let mut numbers = body.split(',');
        match (numbers.next(), numbers.next(), numbers.next()) {
            (Some(a), Some(b), None) => match (a.parse::<u64>(), b.parse::<u64>()) {
                (Ok(a), Ok(b)) => a > b,
                _ => false,
            },
            _ => false,
        }
    })
}

/// Whether an unescaped `{`, `}` or `]` stands outside a character class.
fn has_lone_bracket(pattern: &[u16]) -> bool {
    let mut in_class = false;
    let mut i = 0;
    while i < pattern.len() {
        match pattern[i] {
            0x5C => i += 1,
            0x5B => in_class = true,
            0x5D if in_class => in_class = false,
            0x5D | 0x7B | 0x7D if !in_class => return true,
            _ => {}
        }
        i += 1;
    }
    false
}

/// Whether some `(?` is followed by `<` (a named group rather than a bad group).
fn has_group_name_start(pattern: &[u16]) -> bool {
    pattern
        .windows(3)
        .any(|w| w[0] == 0x28 && w[1] == 0x3F && w[2] == 0x3C)
}

/// Whether a `)` closes no group (outside classes, not escaped).
fn has_unmatched_close(pattern: &[u16]) -> bool {
    let mut depth = 0i64;
    let mut in_class = false;
    let mut i = 0;
    while i < pattern.len() {
        match pattern[i] {
            0x5C => i += 1,
            0x5B => in_class = true,
            0x5D => in_class = false,
            0x28 if !in_class => depth += 1,
            0x29 if !in_class => {
                depth -= 1;
                if depth < 0 {
                    return true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    false
}

/// EscapeRegExpPattern ( P ) — <https://tc39.es/ecma262/#sec-escaperegexppattern>:
/// `/` and line terminators escaped so that `/source/flags` reads back as
/// the same literal; the empty pattern is `(?:)`.
pub fn escape_pattern(source: &[u16]) -> JsStr {
    if source.is_empty() {
        return JsStr::from("(?:)");
    }
    let mut out = Vec::with_capacity(source.len());
    let mut in_class = false;
    let mut i = 0;
    while i < source.len() {
        let u = source[i];
        match u {
            0x5C => {
                out.push(u);
                if let Some(&next) = source.get(i + 1) {
                    // An escaped line terminator still needs its own escape.
                    match next {
                        0x0A => out.push(u16::from(b'n')),
                        0x0D => out.push(u16::from(b'r')),
                        0x2028 => out.extend("u2028".encode_utf16()),
                        0x2029 => out.extend("u2029".encode_utf16()),
                        _ => out.push(next),
                    }
                    i += 1;
                }
            }
            0x2F if !in_class => out.extend("\\/".encode_utf16()),
            0x0A => out.extend("\\n".encode_utf16()),
            0x0D => out.extend("\\r".encode_utf16()),
            0x2028 => out.extend("\\u2028".encode_utf16()),
            0x2029 => out.extend("\\u2029".encode_utf16()),
            _ => {
                if u == 0x5B {
                    in_class = true;
                } else if u == 0x5D {
                    in_class = false;
                }
                out.push(u);
            }
        }
        i += 1;
    }
    JsStr::from_units(out)
}
