//! V8's wording for invalid patterns (what Node prints after
//! `Invalid regular expression: /…/…: `).

pub const DUPLICATE_GROUP_NAME: &str = "Duplicate capture group name";
pub const ESCAPE_AT_END: &str = "\\ at end of pattern";
pub const INCOMPLETE_QUANTIFIER: &str = "Incomplete quantifier";
pub const INVALID_CAPTURE_GROUP_NAME: &str = "Invalid capture group name";
pub const INVALID_CHARACTER_CLASS: &str = "Invalid character class";
pub const INVALID_CLASS_ESCAPE: &str = "Invalid class escape";
pub const INVALID_CLASS_PROPERTY_NAME: &str = "Invalid property name in character class";
pub const INVALID_CLASS_SET_CHARACTER: &str = "Invalid character in character class";
pub const INVALID_DECIMAL_ESCAPE: &str = "Invalid decimal escape";
pub const INVALID_ESCAPE: &str = "Invalid escape";
pub const INVALID_FLAG_GROUP: &str = "Invalid flag group";
pub const INVALID_GROUP: &str = "Invalid group";
pub const INVALID_NAMED_CAPTURE_REFERENCED: &str = "Invalid named capture referenced";
pub const INVALID_NAMED_REFERENCE: &str = "Invalid named reference";
pub const INVALID_PROPERTY_NAME: &str = "Invalid property name";
pub const INVALID_QUANTIFIER: &str = "Invalid quantifier";
pub const INVALID_SET_OPERATION: &str = "Invalid set operation in character class";
pub const INVALID_UNICODE_ESCAPE: &str = "Invalid Unicode escape";
pub const LONE_QUANTIFIER_BRACKETS: &str = "Lone quantifier brackets";
pub const NEGATED_CLASS_STRINGS: &str = "Negated character class may contain strings";
pub const NOTHING_TO_REPEAT: &str = "Nothing to repeat";
pub const QUANTIFIER_OUT_OF_ORDER: &str = "numbers out of order in {} quantifier";
pub const RANGE_OUT_OF_ORDER: &str = "Range out of order in character class";
pub const REPEATED_FLAG: &str = "Repeated flag in flag group";
pub const TOO_LARGE: &str = "Regular expression too large";
pub const UNMATCHED_PAREN: &str = "Unmatched ')'";
pub const UNTERMINATED_CHARACTER_CLASS: &str = "Unterminated character class";
pub const UNTERMINATED_CLASS: &str = UNTERMINATED_CHARACTER_CLASS;
pub const UNTERMINATED_GROUP: &str = "Unterminated group";

/// An invalid flags string.
pub const INVALID_FLAGS: &str = "Invalid regular expression flags";
