//! `vmjs trace FILE` and `vmjs trace --html FILE -o PAGE`: the run with the
//! module algorithms traced, as text on stderr or as a self-contained HTML
//! page that draws the module graph and steps through the trace events
//! beside the spec's words for each step.
//!
//! The page is one file with everything inline (script, style, the SVG
//! drawn by the script); it loads nothing. Its data is one JSON object: the
//! modules and their imports, the layout (`layout.rs`; above `--max-nodes`
//! modules, of the graph of strongly connected components), the trace
//! events as the module algorithms recorded them
//! ([`crate::module::trace::TraceEvent`]), and the algorithm steps
//! (`spec_steps.rs`). The script draws any event from its algorithm, step,
//! writes and values, so events of kinds it has not seen show too.

mod layout;
mod spec_steps;

use std::cell::RefCell;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::rc::Rc;

use clap::Args;
use serde_json::{json, Value as Json};

use super::app::Context;
use super::input::CliError;
use super::run::{self as run_cmd, Observer, RunArgs};
use crate::module::record::TraceSink;
use crate::module::trace::{describe_thrown, TraceEvent, TraceValue};
use crate::module::ModuleGraph;
use layout::Graph;

/// Above this many modules the page draws the strongly connected
/// components instead of the modules.
const DEFAULT_MAX_NODES: usize = 3000;

#[derive(Args, Debug)]
pub struct TraceArgs {
    /// Write the trace as a self-contained HTML page (the module graph, a
    /// step slider, the spec's words for each step) instead of printing it.
    #[arg(long)]
    html: bool,
    /// The page's file (with --html).
    #[arg(short = 'o', long = "output", value_name = "PAGE", requires = "html")]
    output: Option<PathBuf>,
    /// Above N modules the page draws the graph of strongly connected
    /// components (with --html).
    #[arg(long = "max-nodes", value_name = "N", default_value_t = DEFAULT_MAX_NODES)]
    max_nodes: usize,
    #[command(flatten)]
    run: RunArgs,
}

/// What the page needs of the module graph once the run is over.
struct Snapshot {
    modules: Vec<ModuleView>,
    status: u8,
}

struct ModuleView {
    name: String,
    status: &'static str,
    has_tla: bool,
    error: Option<String>,
    /// (specifier, the module it loaded if it was loaded, the request's
    /// [[Phase]]: `evaluation`, `defer` or `source`)
    requests: Vec<(String, Option<usize>, &'static str)>,
}

impl Snapshot {
    fn of(graph: &ModuleGraph, status: u8) -> Snapshot {
        let modules = graph
            .modules
            .iter()
            .map(|r| ModuleView {
                name: r.name.clone(),
                status: r.status.spec_name(),
                has_tla: r.has_tla,
                error: r.evaluation_error.as_ref().map(describe_thrown),
                requests: r
                    .requested_modules
                    .iter()
                    .zip(r.loaded_modules.iter())
                    .map(|(q, m)| {
                        (
                            q.specifier.to_rust_string(),
                            m.map(|m| m.0 as usize),
                            q.phase.name(),
                        )
                    })
                    .collect(),
            })
            .collect();
        Snapshot { modules, status }
    }
}

pub fn run(args: &TraceArgs, context: &Context) -> Result<ExitCode, CliError> {
    if !args.html {
        return run_cmd::run(&args.run.traced(), context);
    }
    let Some(output) = &args.output else {
        return Err(CliError::Usage {
            reason: "--html needs the page's file: -o PAGE".into(),
        });
    };
    let events = Rc::new(RefCell::new(Vec::new()));
    let mut snapshot = None;
    let mut at_end = |graph: &ModuleGraph, status: u8| {
        snapshot = Some(Snapshot::of(graph, status));
    };
    let observer = Observer {
        sink: TraceSink::Events(events.clone()),
        at_end: &mut at_end,
    };
    let code = run_cmd::run_observed(&args.run, context, Some(observer))?;
    let Some(snapshot) = snapshot else {
        return Err(CliError::Write {
            reason: "the run ended before its module graph could be drawn".into(),
        });
    };
    let title = args
        .run
        .file()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let page = render(&snapshot, &events.borrow(), args.max_nodes, &title);
    std::fs::write(output, page).map_err(|err| CliError::Write {
        reason: format!("{}: {err}", output.display()),
    })?;
    Ok(code)
}

/// The page for a run.
fn render(snapshot: &Snapshot, events: &[TraceEvent], max_nodes: usize, title: &str) -> String {
    let data = page_data(snapshot, events, max_nodes, title);
    // Inside <script>, "<" only ever appears in JSON strings, where \u003c
    // means the same: no "</script>" or "<!--" can end the element early.
    let data = data.to_string().replace('<', "\\u003c");
    let mut page = String::with_capacity(data.len() + 64 * 1024);
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str(&format!(
        "<title>vmjs trace: {}</title>\n",
        escape_html(title)
    ));
    page.push_str("<style>\n");
    page.push_str(include_str!("page.css"));
    page.push_str("</style>\n</head>\n<body>\n");
    page.push_str(include_str!("page.html"));
    page.push_str("<script type=\"application/json\" id=\"trace-data\">");
    page.push_str(&data);
    page.push_str("</script>\n<script>\n");
    page.push_str(include_str!("page.js"));
    page.push_str("</script>\n</body>\n</html>\n");
    page
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Module names as the page shows them: without the directories all the
/// file modules share.
fn short_names(modules: &[ModuleView]) -> Vec<String> {
    let mut common: Option<Vec<&str>> = None;
    for m in modules.iter().filter(|m| m.name.starts_with('/')) {
        let mut dirs: Vec<&str> = m.name.split('/').collect();
        dirs.pop();
        common = Some(match common {
            None => dirs,
            Some(c) => c
                .iter()
                .zip(&dirs)
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| *a)
                .collect(),
        });
    }
    let prefix = common.map(|c| format!("{}/", c.join("/")));
    modules
        .iter()
        .map(|m| match &prefix {
            Some(p) => m
                .name
                .strip_prefix(p.as_str())
                .unwrap_or(&m.name)
                .to_string(),
            None => m.name.clone(),
        })
        .collect()
}

fn value_json(value: &TraceValue) -> Json {
    match value {
        TraceValue::Int(n) => json!(n),
        TraceValue::Bool(b) => json!(b),
        TraceValue::Text(s) => json!(s),
        TraceValue::Module(m) => json!({ "m": m.0 }),
        TraceValue::Modules(ms) => json!({ "ms": ms.iter().map(|m| m.0).collect::<Vec<_>>() }),
    }
}

fn event_json(event: &TraceEvent) -> Json {
    let mut object = serde_json::Map::new();
    if !event.algorithm.is_empty() {
        object.insert("a".into(), json!(event.algorithm));
        object.insert("s".into(), json!(event.step));
    }
    if let Some(m) = event.module {
        object.insert("m".into(), json!(m.0));
    }
    if !event.writes.is_empty() {
        let writes: Vec<Json> = event
            .writes
            .iter()
            .map(|(m, field, v)| json!([m.0, field, value_json(v)]))
            .collect();
        object.insert("w".into(), Json::Array(writes));
    }
    if !event.values.is_empty() {
        let values: Vec<Json> = event
            .values
            .iter()
            .map(|(name, v)| json!([name, value_json(v)]))
            .collect();
        object.insert("v".into(), Json::Array(values));
    }
    if let Some(text) = &event.text {
        object.insert("t".into(), json!(text));
    }
    Json::Object(object)
}

/// How much of a module a request of `phase` needs: an edge drawn for
/// several requests shows the most.
fn phase_rank(phase: &str) -> u8 {
    match phase {
        "evaluation" => 2,
        "defer" => 1,
        _ => 0,
    }
}

/// The page's data (see the module documentation).
fn page_data(snapshot: &Snapshot, events: &[TraceEvent], max_nodes: usize, title: &str) -> Json {
    let modules = &snapshot.modules;
    let names = short_names(modules);
    // One edge per importer and imported module, of the strongest phase
    // among the requests it stands for (`import 'm'` and `import defer * as
    // ns from 'm'` are two requests and one edge, an evaluation one).
    let mut phase_of: HashMap<(usize, usize), &'static str> = HashMap::new();
    let graph = Graph {
        edges: modules
            .iter()
            .enumerate()
            .map(|(v, m)| {
                let mut succ = Vec::new();
                for &(_, target, phase) in &m.requests {
                    let Some(w) = target else { continue };
                    match phase_of.entry((v, w)) {
                        Entry::Vacant(e) => {
                            e.insert(phase);
                            succ.push(w);
                        }
                        Entry::Occupied(mut e) => {
                            if phase_rank(phase) > phase_rank(e.get()) {
                                e.insert(phase);
                            }
                        }
                    }
                }
                succ
            })
            .collect(),
    };
    let condensed = modules.len() > max_nodes;
    // The entry (the first module loaded) heads the drawing.
    let (drawn, node_of, members): (Graph, Vec<usize>, Vec<Vec<usize>>) = if condensed {
        let component = graph.components();
        let condensed = graph.condense(&component);
        let mut members = vec![Vec::new(); condensed.len()];
        for (m, &c) in component.iter().enumerate() {
            members[c].push(m);
        }
        (condensed, component, members)
    } else {
        let ids: Vec<usize> = (0..modules.len()).collect();
        let members = ids.iter().map(|&m| vec![m]).collect();
        (
            Graph {
                edges: graph.edges.clone(),
            },
            ids,
            members,
        )
    };
    let roots: Vec<usize> = node_of.first().copied().into_iter().collect();
    let layout = drawn.layout(&roots);
    let nodes: Vec<Json> = members
        .iter()
        .enumerate()
        .map(|(i, ms)| {
            json!({
                "x": layout.x[i].round(),
                "y": layout.y[i].round(),
                "members": ms,
            })
        })
        .collect();
    // The phase of a drawn edge: of the strongest module edge it stands for.
    let mut drawn_phase: HashMap<(usize, usize), &'static str> = HashMap::new();
    for (&(v, w), &phase) in &phase_of {
        let key = (node_of[v], node_of[w]);
        let stronger = drawn_phase
            .get(&key)
            .is_none_or(|&p| phase_rank(phase) > phase_rank(p));
        if stronger {
            drawn_phase.insert(key, phase);
        }
    }
    let edges: Vec<Json> = drawn
        .edges
        .iter()
        .enumerate()
        .flat_map(|(v, succ)| succ.iter().map(move |&w| (v, w)))
        .map(|(v, w)| {
            let back = layout.back_edges.binary_search(&(v, w)).is_ok();
            let phase = drawn_phase.get(&(v, w)).copied().unwrap_or("evaluation");
            json!([v, w, back, phase])
        })
        .collect();
    let module_json: Vec<Json> = modules
        .iter()
        .zip(&names)
        .map(|(m, short)| {
            json!({
                "name": short,
                "path": m.name,
                "status": m.status,
                "hasTLA": m.has_tla,
                "error": m.error,
                "requests": m
                    .requests
                    .iter()
                    .map(|(s, t, phase)| json!([s, t, phase]))
                    .collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "title": title,
        "exitStatus": snapshot.status,
        "modules": module_json,
        "view": {
            "condensed": condensed,
            "maxNodes": max_nodes,
            "nodes": nodes,
            "edges": edges,
            "nodeOf": node_of,
            "width": layout.width,
            "height": layout.height,
        },
        "events": events.iter().map(event_json).collect::<Vec<_>>(),
        "spec": spec_steps::to_json(),
        "copyright": spec_steps::copyright(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(name: &str) -> ModuleView {
        ModuleView {
            name: name.into(),
            status: "new",
            has_tla: false,
            error: None,
            requests: Vec::new(),
        }
    }

    #[test]
    fn short_names_drop_the_shared_directory() {
        let ms = [view("/a/b/main.mjs"), view("/a/b/c/d.mjs"), view("node:fs")];
        assert_eq!(short_names(&ms), ["main.mjs", "c/d.mjs", "node:fs"]);
        let ms = [view("/a/bc/x.mjs"), view("/a/b/y.mjs")];
        assert_eq!(short_names(&ms), ["bc/x.mjs", "b/y.mjs"]);
    }
}
