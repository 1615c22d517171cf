//! test262 frontmatter: the YAML block between `/*---` and `---*/` at the top
//! of each test (see INTERPRETING.md in the test262 copy).
//!
//! Only the keys a parse-phase runner needs are read (`flags`, `features`,
//! `includes`, `negative`). The YAML used by test262 is a small, regular
//! subset: top-level `key: value`, inline lists `[a, b]`, indented block lists
//! (`- a`), one nested mapping (`negative:` with `phase:`/`type:`), and block
//! scalars (`|`, `>`) for prose, which are skipped.

/// The parts of a test's frontmatter that decide how it is run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Frontmatter {
    pub flags: Vec<String>,
    pub features: Vec<String>,
    pub includes: Vec<String>,
    pub negative: Option<Negative>,
}

/// `negative: {phase, type}`: the test must throw `error_type` in `phase`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Negative {
    /// `parse`, `resolution` or `runtime`.
    pub phase: String,
    /// The constructor name, e.g. `SyntaxError`.
    pub error_type: String,
}

impl Frontmatter {
    pub fn has_flag(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }
}

/// A top-level frontmatter value, as far as this reader understands YAML.
#[derive(Debug)]
enum Value {
    Scalar(String),
    List(Vec<String>),
    Map(Vec<(String, String)>),
}

/// Reads the frontmatter of `source`, or `None` when it has none.
pub fn parse_frontmatter(source: &str) -> Option<Frontmatter> {
    let start = source.find("/*---")? + "/*---".len();
    let end = start + source[start..].find("---*/")?;
    let mut frontmatter = Frontmatter::default();
    for (key, value) in top_level_entries(&source[start..end]) {
        match (key.as_str(), value) {
            ("flags", Value::List(items)) => frontmatter.flags = items,
            ("features", Value::List(items)) => frontmatter.features = items,
            ("includes", Value::List(items)) => frontmatter.includes = items,
            ("negative", Value::Map(entries)) => {
                let field = |name: &str| {
                    entries
                        .iter()
                        .find(|(k, _)| k == name)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default()
                };
                frontmatter.negative = Some(Negative {
                    phase: field("phase"),
                    error_type: field("type"),
                });
            }
            _ => {}
        }
    }
    Some(frontmatter)
}

/// Splits the YAML text into its top-level `key: value` entries.
fn top_level_entries(yaml: &str) -> Vec<(String, Value)> {
    let lines: Vec<&str> = yaml.lines().collect();
    let mut entries = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.starts_with([' ', '\t']) || line.trim().is_empty() {
            continue;
        }
        let Some((key, rest)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim().to_string();
        let rest = rest.trim();
        // The lines indented under this key belong to it.
        let mut block = Vec::new();
        while i < lines.len() && (lines[i].starts_with([' ', '\t']) || lines[i].trim().is_empty()) {
            block.push(lines[i]);
            i += 1;
        }
        let value = if rest.starts_with('[') {
            // An inline list may wrap onto the indented lines.
            let mut text = rest.to_string();
            for continuation in &block {
                if text.contains(']') {
                    break;
                }
                text.push(' ');
                text.push_str(continuation.trim());
            }
            Value::List(inline_list(&text))
        } else if rest.is_empty() {
            block_value(&block)
        } else {
            Value::Scalar(unquote(rest))
        };
        entries.push((key, value));
    }
    entries
}

/// `[a, b, c]` to its items.
fn inline_list(text: &str) -> Vec<String> {
    let inner = text.trim().trim_start_matches('[');
    let inner = inner.split(']').next().unwrap_or("");
    inner
        .split(',')
        .map(unquote)
        .filter(|item| !item.is_empty())
        .collect()
}

/// An indented block: a `- item` list or a `key: value` mapping.
fn block_value(block: &[&str]) -> Value {
    let items: Vec<&str> = block
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    if items.iter().all(|l| l.starts_with('-')) {
        return Value::List(
            items
                .iter()
                .map(|l| unquote(l.trim_start_matches('-')))
                .collect(),
        );
    }
    Value::Map(
        items
            .iter()
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_string(), unquote(v)))
            .collect(),
    )
}

fn unquote(text: &str) -> String {
    text.trim()
        .trim_matches(|c| c == '"' || c == '\'')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_inline_lists_and_nested_negative() {
        let source = "// c\n/*---\ndescription: >\n    text: with colon\nnegative:\n  phase: parse\n  type: SyntaxError\nflags: [module, async]\nfeatures: [import-defer]\n---*/\n$DONOTEVALUATE();\n";
        let fm = parse_frontmatter(source).expect("has frontmatter");
        assert_eq!(fm.flags, ["module", "async"]);
        assert_eq!(fm.features, ["import-defer"]);
        assert_eq!(
            fm.negative,
            Some(Negative {
                phase: "parse".into(),
                error_type: "SyntaxError".into()
            })
        );
    }

    #[test]
    fn reads_block_lists_and_wrapped_inline_lists() {
        let source = "/*---\nincludes:\n  - a.js\n  - 'b.js'\nfeatures: [x,\n  y]\ninfo: |\n  flags: [module]\n---*/";
        let fm = parse_frontmatter(source).expect("has frontmatter");
        assert_eq!(fm.includes, ["a.js", "b.js"]);
        assert_eq!(fm.features, ["x", "y"]);
        assert!(fm.flags.is_empty());
    }

    #[test]
    fn no_frontmatter() {
        assert_eq!(parse_frontmatter("export default 1;"), None);
    }
}
