//! The algorithm steps the trace page shows beside the graph, as ECMA-262
//! words them. `spec_steps.md` is an excerpt of the reference copy of
//! §16.2 (`../shared/reference/ecma262/16.2-modules.md`): the clauses named
//! in `CLAUSES` (in the tests below), each copied whole from its heading to the next heading,
//! after a header giving the source and Ecma's copyright notice. This file
//! parses it into numbered steps (`9.c.iii.1`) for the page.
//!
//! `cargo test --release --lib spec_steps` checks the excerpt against the
//! reference copy when that is present; with `VMJS_WRITE_SPEC_STEPS=1` it
//! writes the excerpt anew.

use serde_json::{json, Value as Json};

/// The excerpt (see the module documentation).
const EXCERPT: &str = include_str!("spec_steps.md");

/// One algorithm of the excerpt.
#[derive(Debug)]
pub struct Algorithm {
    /// `InnerModuleLinking`
    pub name: String,
    /// `16.2.1.6.1.2.1 InnerModuleLinking ( *module*, *stack*, *index* )`
    pub heading: String,
    /// The clause id (`sec-InnerModuleLinking`).
    pub id: String,
    /// The paragraph that introduces the steps.
    pub intro: String,
    /// (step path such as `9.c.iii.1`, nesting depth, step text).
    pub steps: Vec<(String, usize, String)>,
}

/// The algorithms of the excerpt.
pub fn algorithms() -> Vec<Algorithm> {
    let mut out: Vec<Algorithm> = Vec::new();
    // (indent, label) of the enclosing steps of the current step.
    let mut open: Vec<(usize, String)> = Vec::new();
    for line in EXCERPT.lines() {
        if let Some(heading) = line.strip_prefix('#') {
            let heading = heading.trim_start_matches('#').trim().to_string();
            let mut words = heading.split_whitespace();
            let number = words.next().unwrap_or("");
            if !number.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let name = words.next().unwrap_or("").to_string();
            out.push(Algorithm {
                name,
                heading,
                id: String::new(),
                intro: String::new(),
                steps: Vec::new(),
            });
            open.clear();
            continue;
        }
        let Some(current) = out.last_mut() else {
            continue;
        };
        if current.id.is_empty() && line.starts_with("[`#") {
            current.id = line[3..].split('`').next().unwrap_or("").to_string();
        } else if current.intro.is_empty() && line.starts_with("The ") {
            current.intro = line.to_string();
        } else if let Some((indent, label, text)) = step_line(line) {
            while open.last().is_some_and(|(i, _)| *i >= indent) {
                open.pop();
            }
            open.push((indent, label));
            let path: Vec<&str> = open.iter().map(|(_, l)| l.as_str()).collect();
            current
                .steps
                .push((path.join("."), open.len() - 1, text.to_string()));
        }
    }
    out
}

/// A numbered step line of the excerpt: `1. text`, `   - a. text`,
/// `     - iv. text` → (indent, label, text).
fn step_line(line: &str) -> Option<(usize, String, &str)> {
    let indent = line.len() - line.trim_start().len();
    let rest = line.trim_start();
    let rest = rest.strip_prefix("- ").unwrap_or(rest);
    let (label, text) = rest.split_once(". ")?;
    let numeric = !label.is_empty() && label.chars().all(|c| c.is_ascii_digit());
    let lettered =
        !label.is_empty() && label.len() <= 5 && label.chars().all(|c| c.is_ascii_lowercase());
    (numeric || lettered).then(|| (indent, label.to_string(), text))
}

/// The algorithms as the page reads them: name → heading, id, intro, steps.
pub fn to_json() -> Json {
    let mut map = serde_json::Map::new();
    for a in algorithms() {
        let steps: Vec<Json> = a
            .steps
            .iter()
            .map(|(path, depth, text)| json!([path, depth, text]))
            .collect();
        map.insert(
            a.name.clone(),
            json!({ "heading": a.heading, "id": a.id, "intro": a.intro, "steps": steps }),
        );
    }
    Json::Object(map)
}

/// Ecma's notice for the step text, as the excerpt's header gives it.
pub fn copyright() -> String {
    EXCERPT
        .lines()
        .skip_while(|l| !l.starts_with("© "))
        .take_while(|l| !l.starts_with('#'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with("<!--") && !l.starts_with("-->"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clauses copied into the excerpt, by section number, in the order
    /// the algorithms run.
    pub const CLAUSES: &[&str] = &[
        "16.2.1.6.1.1",
        "16.2.1.6.1.1.1",
        "16.2.1.10",
        "16.2.1.11",
        "16.2.1.6.1.1.2",
        "16.2.1.6.1.2",
        "16.2.1.6.1.2.1",
        "16.2.1.6.1.3",
        "16.2.1.6.1.3.1",
        "16.2.1.7.3.2",
        "16.2.1.6.1.3.2",
        "16.2.1.6.1.3.3",
        "16.2.1.6.1.3.4",
        "16.2.1.6.1.3.5",
    ];

    /// The header of the excerpt (everything before its first clause).
    fn header() -> &'static str {
        &EXCERPT[..EXCERPT.find("\n#").map_or(0, |i| i + 1)]
    }

    /// The clauses of [`CLAUSES`] cut out of the reference copy.
    fn cut(reference: &str) -> String {
        let lines: Vec<&str> = reference.lines().collect();
        let mut out = String::new();
        for number in CLAUSES {
            let start = lines
                .iter()
                .position(|l| {
                    l.starts_with('#')
                        && l.trim_start_matches('#').trim().split(' ').next() == Some(number)
                })
                .unwrap_or_else(|| panic!("clause {number} is in the reference"));
            let end = lines[start + 1..]
                .iter()
                .position(|l| l.starts_with('#'))
                .map_or(lines.len(), |i| start + 1 + i);
            for l in &lines[start..end] {
                out.push_str(l);
                out.push('\n');
            }
        }
        out
    }

    #[test]
    fn spec_steps_excerpt_matches_the_reference() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/reference/ecma262/16.2-modules.md"
        );
        let Ok(reference) = std::fs::read_to_string(path) else {
            eprintln!("skipped: no reference copy at {path}");
            return;
        };
        let expected = format!("{}{}", header(), cut(&reference));
        if std::env::var_os("VMJS_WRITE_SPEC_STEPS").is_some() {
            let out = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/src/cli/trace_html/spec_steps.md"
            );
            std::fs::write(out, &expected).expect("write the excerpt");
            return;
        }
        assert!(
            EXCERPT == expected,
            "spec_steps.md differs from the reference: VMJS_WRITE_SPEC_STEPS=1 cargo test --release --lib spec_steps"
        );
    }

    #[test]
    fn steps_are_numbered_as_the_spec_numbers_them() {
        let all = algorithms();
        let linking = all
            .iter()
            .find(|a| a.name == "InnerModuleLinking")
            .expect("InnerModuleLinking");
        assert_eq!(linking.id, "sec-InnerModuleLinking");
        let step = linking
            .steps
            .iter()
            .find(|(p, _, _)| p == "9.c.iii.1")
            .expect("step 9.c.iii.1");
        assert!(step
            .2
            .starts_with("Set *module*.[[DFSAncestorIndex]] to min("));
        assert_eq!(step.1, 3);
        let evaluation = all
            .iter()
            .find(|a| a.name == "InnerModuleEvaluation")
            .expect("InnerModuleEvaluation");
        let paths: Vec<&str> = evaluation.steps.iter().map(|s| s.0.as_str()).collect();
        assert!(paths.contains(&"16.b.viii"));
        assert_eq!(paths.last(), Some(&"17"));
        assert_eq!(all.len(), CLAUSES.len());
        assert!(copyright().contains("Ecma International"));
    }
}
