//! Validation of regular expressions: the Pattern grammar of ECMA-262
//! §22.2.1 and its early errors (§22.2.1.1), in the modes the u and v
//! flags select, and Annex B.1.2's grammar without them.
//!
//! Regular expression literals are checked at parse time (an early
//! SyntaxError, ECMA-262 §13.2.7.2) and the RegExp constructor checks its
//! pattern the same way, with V8's messages.
//!
//! ```
//! use vmjs::syntax::regexp::validate;
//!
//! let units = |s: &str| s.encode_utf16().collect::<Vec<u16>>();
//! assert!(validate(&units("(?<a>.)|(?<a>.)"), &units("")).is_ok());
//! assert_eq!(
//!     validate(&units("(?<a>.)(?<a>.)"), &units("")).unwrap_err(),
//!     "Invalid regular expression: /(?<a>.)(?<a>.)/: Duplicate capture group name"
//! );
//! ```

mod classes;
mod group_names;
pub mod messages;
mod pattern;
mod properties;
mod property_values;

#[cfg(test)]
mod tests;

use pattern::Parser;

/// The flags that change how a pattern parses.
#[derive(Copy, Clone, Debug, Default)]
pub struct PatternMode {
    /// The u flag.
    pub unicode: bool,
    /// The v flag.
    pub unicode_sets: bool,
}

/// The flags of a literal or of RegExpInitialize (steps 5–6): only
/// d g i m s u v y, none twice, not both u and v. None when invalid.
pub fn parse_flags(flags: &[u16]) -> Option<PatternMode> {
    let mut seen = [false; 8];
    for &unit in flags {
        let slot = b"dgimsuvy".iter().position(|&f| u16::from(f) == unit)?;
        if seen[slot] {
            return None;
        }
        seen[slot] = true;
    }
    let (unicode, unicode_sets) = (seen[5], seen[6]);
    if unicode && unicode_sets {
        return None;
    }
    Some(PatternMode {
        unicode,
        unicode_sets,
    })
}

/// Checks a pattern (as code units) in the given mode; Err holds V8's
/// explanation, without the "Invalid regular expression: /…/…: " prefix.
pub fn check_pattern(pattern: &[u16], mode: PatternMode) -> Result<(), &'static str> {
    let full_unicode = mode.unicode || mode.unicode_sets;
    let chars: Vec<u32> = if full_unicode {
        char::decode_utf16(pattern.iter().copied())
            .map(|r| match r {
                Ok(c) => u32::from(c),
                Err(e) => u32::from(e.unpaired_surrogate()),
            })
            .collect()
    } else {
        pattern.iter().map(|&u| u32::from(u)).collect()
    };
    let mut parser = Parser::new(&chars, mode.unicode, mode.unicode_sets, false);
    parser.parse_pattern()?;
    // Annex B.1.2: without u or v, a pattern with a GroupName is parsed
    // again with [+NamedCaptureGroups], where `\k` must be a reference.
    if !full_unicode && parser.saw_group_name() {
        Parser::new(&chars, false, false, true).parse_pattern()?;
    }
    Ok(())
}

/// Checks a pattern and its flags as a regular expression literal or
/// RegExpInitialize does; Err holds V8's whole message.
pub fn validate(pattern: &[u16], flags: &[u16]) -> Result<(), String> {
    let Some(mode) = parse_flags(flags) else {
        return Err(messages::INVALID_FLAGS.to_string());
    };
    check_pattern(pattern, mode).map_err(|detail| {
        format!(
            "Invalid regular expression: /{}/{}: {detail}",
            String::from_utf16_lossy(pattern),
            String::from_utf16_lossy(flags)
        )
    })
}
