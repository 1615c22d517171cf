//! The algorithm steps the trace page shows beside the graph, as ECMA-262
//! words them. `spec_steps.md` is an excerpt of the reference copy of
//! §16.2 (`../shared/reference/ecma262/16.2-modules.md`): the clauses named
//! in `CLAUSES` (in the tests below), each copied whole from its heading to the next heading,
//! after a header giving the source and Ecma's copyright notice. This file
//! parses it into numbered steps (`9.c.iii.1`) for the page.
//!
//! `spec_steps_defer.md` does the same for the algorithms the Deferring
//! Module Evaluation proposal adds (`import defer`): the clauses named in
//! `DEFER_CLAUSES`, converted from the proposal's spec text
//! (`../shared/reference/proposals/import-defer.spec.emu`, a diff against
//! ECMA-262 whose `<ins>` text is kept and `<del>` text dropped) into the
//! same notation.
//!
//! `cargo test --release --lib spec_steps` checks the excerpts against the
//! reference copies when they are present; with `VMJS_WRITE_SPEC_STEPS=1`
//! it writes the excerpts anew.

use serde_json::{json, Value as Json};

/// The excerpt (see the module documentation).
const EXCERPT: &str = include_str!("spec_steps.md");

/// The excerpt of the import defer proposal (see the module documentation).
const DEFER_EXCERPT: &str = include_str!("spec_steps_defer.md");

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

/// The algorithms of the excerpts.
pub fn algorithms() -> Vec<Algorithm> {
    let mut out = parse(EXCERPT, true);
    out.extend(parse(DEFER_EXCERPT, false));
    out
}

/// The algorithms of one excerpt. A clause's heading is its section number
/// (`numbered`; a proposal's clauses have none), the algorithm's name, its
/// parameters; in a numbered excerpt other headings are not clauses.
fn parse(excerpt: &str, numbered: bool) -> Vec<Algorithm> {
    let mut out: Vec<Algorithm> = Vec::new();
    // (indent, label) of the enclosing steps of the current step.
    let mut open: Vec<(usize, String)> = Vec::new();
    for line in excerpt.lines() {
        if let Some(heading) = line.strip_prefix('#') {
            let heading = heading.trim_start_matches('#').trim().to_string();
            let mut words = heading.split_whitespace();
            if numbered {
                let number = words.next().unwrap_or("");
                if !number.starts_with(|c: char| c.is_ascii_digit()) {
                    continue;
                }
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
        } else if current.intro.is_empty()
            && current.steps.is_empty()
            && !line.trim().is_empty()
            && step_line(line).is_none()
        {
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

/// The notices for the step text, as the excerpts' headers give them.
pub fn copyright() -> String {
    let notice = |excerpt: &str, from: &str| {
        excerpt
            .lines()
            .skip_while(|l| !l.starts_with(from))
            .take_while(|l| !l.starts_with('#'))
            .filter(|l| !l.trim().is_empty() && !l.starts_with("<!--") && !l.starts_with("-->"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "{}\n\n{}",
        notice(EXCERPT, "© "),
        notice(DEFER_EXCERPT, "The proposal's")
    )
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

    /// The proposal's clauses copied into the import defer excerpt, by id.
    pub const DEFER_CLAUSES: &[&str] = &[
        "sec-GetModuleExportsList",
        "sec-EvaluateModuleSync",
        "sec-ReadyForSyncExecution",
        "sec-GatherAsynchronousTransitiveDependencies",
    ];

    /// The header of an excerpt (everything before its first clause).
    fn header(excerpt: &str) -> &str {
        &excerpt[..excerpt.find("\n#").map_or(0, |i| i + 1)]
    }

    /// A line of the proposal's spec text in the excerpt's notation: the
    /// `<del>` text dropped, other tags removed, `*v*` values bold, `_x_`
    /// variables italic, `~c~` constants as code; None when nothing is left.
    fn emu_inline(text: &str) -> Option<String> {
        let mut out = String::new();
        let mut rest = text;
        while let Some(i) = rest.find("<del>") {
            out.push_str(&rest[..i]);
            rest = rest[i..]
                .find("</del>")
                .map_or("", |j| &rest[i + j + "</del>".len()..]);
        }
        out.push_str(rest);
        let mut plain = String::new();
        let mut in_tag = false;
        for c in out.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                c if !in_tag => plain.push(c),
                _ => {}
            }
        }
        let plain = plain
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
        if plain.is_empty() {
            return None;
        }
        // Values first (`*true*` → `**true**`), then variables and constants.
        let mut converted = String::new();
        let mut open = [false; 3];
        for c in plain.chars() {
            match c {
                '*' => {
                    converted.push_str("**");
                    open[0] = !open[0];
                }
                '_' => {
                    converted.push('*');
                    open[1] = !open[1];
                }
                '~' => {
                    converted.push('`');
                    open[2] = !open[2];
                }
                c => converted.push(c),
            }
        }
        Some(converted)
    }

    /// A step label at `depth`: 1, a, i, 1, a, i, … (ECMA-262's numbering).
    fn label(depth: usize, n: usize) -> String {
        const ROMAN: [&str; 12] = [
            "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
        ];
        match depth % 3 {
            0 => n.to_string(),
            1 => char::from(b'a' + (n - 1) as u8).to_string(),
            _ => ROMAN[n - 1].to_string(),
        }
    }

    /// The clauses of [`DEFER_CLAUSES`] converted from the proposal's text.
    fn convert_emu(emu: &str) -> String {
        let mut out = String::new();
        for id in DEFER_CLAUSES {
            let start = emu
                .find(&format!("<emu-clause id=\"{id}\""))
                .unwrap_or_else(|| panic!("clause {id} is in the proposal"));
            let clause = &emu[start..];
            let h1 = &clause[clause.find("<h1>").expect("a heading") + 4
                ..clause.find("</h1>").expect("a heading's end")];
            let h1 = emu_inline(h1).expect("a heading");
            // "Name ( *x*: type, optional *y*: type, ): result" →
            // "Name ( *x* [ , *y* ] )"
            let (name, params) = h1.split_once(" (").expect("parameters");
            let params = params.split_once(")").expect("parameters").0;
            let mut heading = format!("{name} (");
            let mut first = true;
            for p in params.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                let p = p.split(':').next().unwrap_or(p).trim();
                match p.strip_prefix("optional ") {
                    Some(p) => heading.push_str(&format!(" [ , {p} ]")),
                    None if first => heading.push_str(&format!(" {p}")),
                    None => heading.push_str(&format!(", {p}")),
                }
                first = false;
            }
            heading.push_str(" )");
            out.push_str(&format!("###### {heading}\n\n"));
            out.push_str(&format!(
                "[`#{id}`](https://tc39.es/proposal-defer-import-eval/#{id})\n\n"
            ));
            let before_steps = &clause[..clause.find("<emu-alg>").expect("steps")];
            if let Some(d) = before_steps.find("<dt>description</dt>") {
                let dd = &before_steps[d..];
                let dd = &dd[dd.find("<dd>").expect("a description") + 4
                    ..dd.find("</dd>").expect("a description's end")];
                if let Some(text) = emu_inline(dd) {
                    out.push_str(&format!("{text}\n\n"));
                }
            }
            let alg = &clause[clause.find("<emu-alg>").expect("steps") + 9
                ..clause.find("</emu-alg>").expect("the steps' end")];
            // (indent, count) of the open step lists.
            let mut counts: Vec<(usize, usize)> = Vec::new();
            for line in alg.lines() {
                let indent = line.len() - line.trim_start().len();
                let Some(text) = line.trim_start().strip_prefix("1. ") else {
                    continue;
                };
                let Some(text) = emu_inline(text) else {
                    continue;
                };
                while counts.last().is_some_and(|(i, _)| *i > indent) {
                    counts.pop();
                }
                if counts.last().is_none_or(|(i, _)| *i < indent) {
                    counts.push((indent, 0));
                }
                let depth = counts.len() - 1;
                let count = &mut counts.last_mut().expect("a list").1;
                *count += 1;
                let label = label(depth, *count);
                let line = match depth {
                    0 => format!("{label}. {text}"),
                    d if d % 3 == 0 => format!("{}{label}. {text}", " ".repeat(2 * d + 1)),
                    d => format!("{}- {label}. {text}", " ".repeat(2 * d + 1)),
                };
                out.push_str(&line);
                out.push('\n');
            }
            out.push('\n');
        }
        out
    }

    #[test]
    fn spec_steps_defer_excerpt_matches_the_proposal() {
        check_excerpt(
            "reference/proposals/import-defer.spec.emu",
            "spec_steps_defer.md",
            DEFER_EXCERPT,
            convert_emu,
        );
    }

    /// Checks the committed excerpt `file` (whose text is `excerpt`)
    /// against what `make` builds from the reference copy at `reference`
    /// (under ../shared), or writes it when `VMJS_WRITE_SPEC_STEPS` is set.
    /// Without ../shared the check is skipped, except under `CI=true`.
    fn check_excerpt(reference: &str, file: &str, excerpt: &str, make: fn(&str) -> String) {
        let dir = env!("CARGO_MANIFEST_DIR");
        let path = format!("{dir}/../shared/{reference}");
        let Ok(text) = std::fs::read_to_string(&path) else {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "no reference copy at {path}"
            );
            eprintln!("skipped: no reference copy at {path}");
            return;
        };
        let expected = format!("{}{}", header(excerpt), make(&text));
        if std::env::var_os("VMJS_WRITE_SPEC_STEPS").is_some() {
            std::fs::write(format!("{dir}/src/cli/trace_html/{file}"), &expected)
                .expect("write the excerpt");
            return;
        }
        assert!(
            excerpt == expected,
            "{file} differs from the reference: VMJS_WRITE_SPEC_STEPS=1 cargo test --release --lib spec_steps"
        );
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
        check_excerpt(
            "reference/ecma262/16.2-modules.md",
            "spec_steps.md",
            EXCERPT,
            cut,
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
        assert_eq!(all.len(), CLAUSES.len() + DEFER_CLAUSES.len());
        assert!(copyright().contains("Ecma International"));
        let sync = all
            .iter()
            .find(|a| a.name == "EvaluateModuleSync")
            .expect("EvaluateModuleSync");
        assert_eq!(sync.id, "sec-EvaluateModuleSync");
        assert_eq!(
            sync.steps[0].2,
            "If ReadyForSyncExecution(*module*) is **false**, throw a **TypeError** exception."
        );
        let paths: Vec<&str> = sync.steps.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(paths, ["1", "2", "3", "4", "4.a", "4.b", "4.c", "5"]);
        let gather = all
            .iter()
            .find(|a| a.name == "GatherAsynchronousTransitiveDependencies")
            .expect("GatherAsynchronousTransitiveDependencies");
        assert!(gather.steps.iter().any(|s| s.0 == "8.c.i"));
    }
}
