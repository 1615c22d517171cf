//! The names `\p{…}` and `\P{…}` accept: UnicodeMatchProperty and
//! UnicodeMatchPropertyValue (ECMA-262 §22.2.2.9.5, §22.2.2.9.6,
//! <https://tc39.es/ecma262/#sec-runtime-semantics-unicodematchproperty-p>).
//! Matching is strict: no loose matching of case, spaces or underscores.

use super::property_values::{GENERAL_CATEGORY_VALUES, SCRIPT_VALUES};

/// The binary properties of ECMA-262 Table 69, canonical names and aliases.
const BINARY_PROPERTIES: &[&str] = &[
    "AHex",
    "ASCII",
    "ASCII_Hex_Digit",
    "Alpha",
    "Alphabetic",
    "Any",
    "Assigned",
    "Bidi_C",
    "Bidi_Control",
    "Bidi_M",
    "Bidi_Mirrored",
    "CI",
    "CWCF",
    "CWCM",
    "CWKCF",
    "CWL",
    "CWT",
    "CWU",
    "Case_Ignorable",
    "Cased",
    "Changes_When_Casefolded",
    "Changes_When_Casemapped",
    "Changes_When_Lowercased",
    "Changes_When_NFKC_Casefolded",
    "Changes_When_Titlecased",
    "Changes_When_Uppercased",
    "DI",
    "Dash",
    "Default_Ignorable_Code_Point",
    "Dep",
    "Deprecated",
    "Dia",
    "Diacritic",
    "EBase",
    "EComp",
    "EMod",
    "EPres",
    "Emoji",
    "Emoji_Component",
    "Emoji_Modifier",
    "Emoji_Modifier_Base",
    "Emoji_Presentation",
    "Ext",
    "ExtPict",
    "Extended_Pictographic",
    "Extender",
    "Gr_Base",
    "Gr_Ext",
    "Grapheme_Base",
    "Grapheme_Extend",
    "Hex",
    "Hex_Digit",
    "IDC",
    "IDS",
    "IDSB",
    "IDST",
    "IDS_Binary_Operator",
    "IDS_Trinary_Operator",
    "ID_Continue",
    "ID_Start",
    "Ideo",
    "Ideographic",
    "Join_C",
    "Join_Control",
    "LOE",
    "Logical_Order_Exception",
    "Lower",
    "Lowercase",
    "Math",
    "NChar",
    "Noncharacter_Code_Point",
    "Pat_Syn",
    "Pat_WS",
    "Pattern_Syntax",
    "Pattern_White_Space",
    "QMark",
    "Quotation_Mark",
    "RI",
    "Radical",
    "Regional_Indicator",
    "SD",
    "STerm",
    "Sentence_Terminal",
    "Soft_Dotted",
    "Term",
    "Terminal_Punctuation",
    "UIdeo",
    "Unified_Ideograph",
    "Upper",
    "Uppercase",
    "VS",
    "Variation_Selector",
    "White_Space",
    "XIDC",
    "XIDS",
    "XID_Continue",
    "XID_Start",
    "space",
];

/// The properties of strings of ECMA-262 Table 70 (only with the v flag).
const STRING_PROPERTIES: &[&str] = &[
    "Basic_Emoji",
    "Emoji_Keycap_Sequence",
    "RGI_Emoji",
    "RGI_Emoji_Flag_Sequence",
    "RGI_Emoji_Modifier_Sequence",
    "RGI_Emoji_Tag_Sequence",
    "RGI_Emoji_ZWJ_Sequence",
];

/// What a valid `\p{…}` body denotes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PropertyKind {
    /// A set of code points (General_Category, Script, a binary property).
    CodePoints,
    /// A property of strings (may contain strings: MayContainStrings).
    Strings,
}

fn listed(list: &[&str], name: &str) -> bool {
    list.binary_search(&name).is_ok()
}

/// UnicodePropertyValueExpression: `name=value` or a lone name/value;
/// None when the expression names no property ECMA-262 admits (`v`: the
/// UnicodeSets mode, where properties of strings are allowed too).
pub fn classify_property(expression: &str, v: bool) -> Option<PropertyKind> {
    match expression.split_once('=') {
        // UnicodePropertyName = UnicodePropertyValue
        Some((name, value)) => {
            let values = match name {
                "General_Category" | "gc" => GENERAL_CATEGORY_VALUES,
                "Script" | "sc" | "Script_Extensions" | "scx" => SCRIPT_VALUES,
                _ => return None,
            };
            listed(values, value).then_some(PropertyKind::CodePoints)
        }
        // LoneUnicodePropertyNameOrValue
        None => {
            if listed(GENERAL_CATEGORY_VALUES, expression) || listed(BINARY_PROPERTIES, expression)
            {
                Some(PropertyKind::CodePoints)
            } else if v && listed(STRING_PROPERTIES, expression) {
                Some(PropertyKind::Strings)
            } else {
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted() {
        for list in [
            BINARY_PROPERTIES,
            STRING_PROPERTIES,
            GENERAL_CATEGORY_VALUES,
            SCRIPT_VALUES,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn names_and_values() {
        assert_eq!(
            classify_property("Lu", false),
            Some(PropertyKind::CodePoints)
        );
        assert_eq!(
            classify_property("gc=Lu", false),
            Some(PropertyKind::CodePoints)
        );
        assert_eq!(
            classify_property("scx=Latn", false),
            Some(PropertyKind::CodePoints)
        );
        assert_eq!(
            classify_property("ASCII", false),
            Some(PropertyKind::CodePoints)
        );
        assert_eq!(
            classify_property("RGI_Emoji", true),
            Some(PropertyKind::Strings)
        );
        assert_eq!(classify_property("RGI_Emoji", false), None);
        assert_eq!(classify_property("ASCII=Y", false), None);
        assert_eq!(classify_property("General_Category", false), None);
        assert_eq!(classify_property("Script", false), None);
        assert_eq!(classify_property("lu", false), None);
        assert_eq!(classify_property("L=Lu", false), None);
        assert_eq!(classify_property("Block=Basic_Latin", false), None);
    }
}
