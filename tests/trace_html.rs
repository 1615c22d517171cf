//! `vmjs trace --html FILE -o PAGE`: the page loads nothing from outside,
//! holds the graph's modules and the trace events in the order the spec's
//! algorithms take them (the expected DFS indices, components and
//! [[AsyncEvaluationOrder]]s are those of ECMA-262 §16.2.1.6.2's example
//! tables or follow from the algorithms' steps), and a graph above the size
//! limit is drawn condensed. The page's script passes `node --check` when
//! node is on PATH.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value as Json;

fn vmjs_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vmjs"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the vmjs binary runs")
}

/// A fresh directory under the system temp directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "vmjs-trace-html-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the temp dir");
        TempDir(dir)
    }

    fn write(&self, files: &[(&str, &str)]) {
        for (name, text) in files {
            std::fs::write(self.0.join(name), text).expect("write a module");
        }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `vmjs trace --html ENTRY -o trace.html` in `dir`; the page and
/// the run's exit status.
fn trace_page(dir: &Path, entry: &str, extra: &[&str]) -> (String, Option<i32>) {
    let mut args = vec!["trace", "--html"];
    args.extend_from_slice(extra);
    args.extend_from_slice(&[entry, "-o", "trace.html"]);
    let out = vmjs_in(dir, &args);
    let page = std::fs::read_to_string(dir.join("trace.html")).unwrap_or_else(|e| {
        panic!(
            "no page ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (page, out.status.code())
}

/// The text between `open` and the next `</script>`.
fn between<'a>(page: &'a str, open: &str) -> &'a str {
    let start = page.find(open).expect("the element is there") + open.len();
    let end = page[start..].find("</script>").expect("the element ends") + start;
    &page[start..end]
}

fn page_data(page: &str) -> Json {
    serde_json::from_str(between(
        page,
        "<script type=\"application/json\" id=\"trace-data\">",
    ))
    .expect("the page's data is JSON")
}

/// Nothing on the page is fetched: no URL with a scheme that reaches out,
/// no src or href attribute, no CSS url() but local fragments, no
/// @import; exactly two script elements, both inline.
fn assert_self_contained(page: &str) {
    let lower = page.to_ascii_lowercase();
    for needle in [
        "http:", "https:", "//cdn", " src=", " href=", "@import", "xlink:",
    ] {
        assert!(!lower.contains(needle), "the page contains {needle:?}");
    }
    let mut rest = lower.as_str();
    while let Some(i) = rest.find("url(") {
        assert!(
            rest[i + 4..].starts_with('#'),
            "url() of something other than a fragment"
        );
        rest = &rest[i + 4..];
    }
    assert_eq!(lower.matches("<script").count(), 2);
    assert_eq!(lower.matches("<link").count(), 0);
    assert_eq!(lower.matches("<iframe").count(), 0);
}

/// `node --check` on the page's script, when node is there.
fn check_script_syntax(page: &str, dir: &Path) {
    let script = between(page, "</script>\n<script>\n");
    let file = dir.join("page-script.js");
    std::fs::write(&file, script).expect("write the script");
    match Command::new("node").arg("--check").arg(&file).output() {
        Ok(out) => assert!(
            out.status.success(),
            "node --check: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(_) => eprintln!("skipped: no node on PATH to check the page's script"),
    }
}

/// Module ids by file name.
fn ids(data: &Json) -> HashMap<String, u64> {
    data["modules"]
        .as_array()
        .expect("modules")
        .iter()
        .enumerate()
        .map(|(i, m)| (m["name"].as_str().expect("name").to_string(), i as u64))
        .collect()
}

fn events(data: &Json) -> &Vec<Json> {
    data["events"].as_array().expect("events")
}

/// The events of `algorithm` at `step`.
fn steps<'a>(data: &'a Json, algorithm: &str, step: &str) -> Vec<&'a Json> {
    events(data)
        .iter()
        .filter(|e| e["a"] == algorithm && e["s"] == step)
        .collect()
}

/// The value `field` of the module written by an event's writes.
fn written(event: &Json, module: u64, field: &str) -> Option<Json> {
    event["w"]
        .as_array()?
        .iter()
        .find_map(|w| (w[0] == module && w[1] == field).then(|| w[2].clone()))
}

/// The members of an event's value `name` (a list of modules).
fn module_list(event: &Json, name: &str) -> Vec<u64> {
    let value = event["v"]
        .as_array()
        .expect("values")
        .iter()
        .find(|v| v[0] == name)
        .expect("the value is there");
    value[1]["ms"]
        .as_array()
        .expect("a module list")
        .iter()
        .map(|m| m.as_u64().expect("an id"))
        .collect()
}

/// Every record's fields after the first `count` events.
fn state_after(data: &Json, count: usize) -> Vec<HashMap<String, Json>> {
    let mut state = vec![HashMap::new(); data["modules"].as_array().expect("modules").len()];
    for event in &events(data)[..count] {
        for w in event["w"].as_array().into_iter().flatten() {
            let m = w[0].as_u64().expect("an id") as usize;
            state[m].insert(w[1].as_str().expect("a field").to_string(), w[2].clone());
        }
    }
    state
}

/// The spec's asynchronous cyclic module graph (§16.2.1.6.2, Figure "An
/// asynchronous cyclic module graph"): A imports B and C, B imports D, C
/// imports D and E, D imports A; every module awaits.
#[test]
fn the_spec_async_cycle_matches_the_spec_tables() {
    let dir = TempDir::new();
    dir.write(&[
        ("a.mjs", "import './b.mjs'; import './c.mjs'; await 0;"),
        ("b.mjs", "import './d.mjs'; await 0; await 0; await 0;"),
        ("c.mjs", "import './d.mjs'; import './e.mjs'; await 0;"),
        ("d.mjs", "import './a.mjs'; await 0; await 0;"),
        ("e.mjs", "await 0;"),
    ]);
    let (page, status) = trace_page(&dir.0, "a.mjs", &[]);
    assert_eq!(status, Some(0));
    assert_self_contained(&page);
    check_script_syntax(&page, &dir.0);
    let data = page_data(&page);
    let id = ids(&data);
    let [a, b, c, d, e] = ["a.mjs", "b.mjs", "c.mjs", "d.mjs", "e.mjs"].map(|n| id[n]);
    assert_eq!(data["view"]["condensed"], false);
    assert_eq!(data["view"]["nodes"].as_array().expect("nodes").len(), 5);

    // LoadRequestedModules visits each module once.
    let visits: Vec<u64> = steps(&data, "InnerModuleLoading", "2.a-d")
        .iter()
        .map(|e| e["m"].as_u64().expect("module"))
        .collect();
    assert_eq!(visits.len(), 5);
    assert_eq!(visits[0], a);

    // InnerModuleEvaluation gives the DFS indices in DFS order: A, B, D, C, E.
    let entered: Vec<(u64, Json)> = steps(&data, "InnerModuleEvaluation", "5-10")
        .iter()
        .map(|ev| {
            let m = ev["m"].as_u64().expect("module");
            (m, written(ev, m, "[[DFSIndex]]").expect("DFSIndex"))
        })
        .collect();
    assert_eq!(
        entered,
        [
            (a, 0.into()),
            (b, 1.into()),
            (d, 2.into()),
            (c, 3.into()),
            (e, 4.into())
        ]
    );
    // The components popped: E alone, then C, D, B, A (stack order).
    let pops = steps(&data, "InnerModuleEvaluation", "16.b");
    let components: Vec<Vec<u64>> = pops.iter().map(|p| module_list(p, "component")).collect();
    assert_eq!(components, [vec![e], vec![c, d, b, a]]);

    // Table "Module fields after the initial Evaluate() call".
    let first_fulfilled = events(&data)
        .iter()
        .position(|ev| ev["a"] == "AsyncModuleExecutionFulfilled")
        .expect("a module finished");
    let state = state_after(&data, first_fulfilled);
    let table = [
        (a, 0, 0, 4),
        (b, 1, 0, 1),
        (c, 3, 0, 3),
        (d, 2, 0, 0),
        (e, 4, 4, 2),
    ];
    for (m, dfs, ancestor, order) in table {
        let s = &state[m as usize];
        assert_eq!(s["[[DFSIndex]]"], dfs, "module {m}");
        assert_eq!(s["[[DFSAncestorIndex]]"], ancestor, "module {m}");
        assert_eq!(s["[[Status]]"], "evaluating-async", "module {m}");
        assert_eq!(s["[[AsyncEvaluationOrder]]"], order, "module {m}");
    }
    // D and E start at once (no pending dependencies); B and C after D,
    // A after both.
    let executed: Vec<u64> = steps(&data, "ExecuteModule", "10")
        .iter()
        .map(|ev| ev["m"].as_u64().expect("module"))
        .collect();
    assert_eq!(executed, [d, e, b, c, a]);
    // D's fulfilment notifies B and C (GatherAvailableAncestors), and the
    // sorted execList is B (order 1) then C (order 3).
    let gathered = steps(&data, "AsyncModuleExecutionFulfilled", "11");
    assert_eq!(gathered[0]["m"], d);
    assert_eq!(module_list(gathered[0], "sortedExecList"), [b, c]);
    let end = state_after(&data, events(&data).len());
    for m in [a, b, c, d, e] {
        assert_eq!(end[m as usize]["[[Status]]"], "evaluated");
    }
    // The spec text of each step is on the page.
    let spec = &data["spec"]["InnerModuleEvaluation"]["steps"];
    assert!(spec
        .as_array()
        .expect("steps")
        .iter()
        .any(|s| s[0] == "16.b.viii" && s[2] == "Set *requiredModule*.[[CycleRoot]] to *module*."));
}

/// The spec's cyclic graph (§16.2.1.6.2, Figure "A cyclic module graph"):
/// A imports B and C, B imports A.
#[test]
fn a_cycle_links_as_one_component() {
    let dir = TempDir::new();
    dir.write(&[
        ("a.mjs", "import './b.mjs'; import './c.mjs';"),
        ("b.mjs", "import './a.mjs';"),
        ("c.mjs", ""),
    ]);
    let (page, status) = trace_page(&dir.0, "a.mjs", &[]);
    assert_eq!(status, Some(0));
    assert_self_contained(&page);
    let data = page_data(&page);
    let id = ids(&data);
    let [a, b, c] = ["a.mjs", "b.mjs", "c.mjs"].map(|n| id[n]);
    let entered: Vec<u64> = steps(&data, "InnerModuleLinking", "4-8")
        .iter()
        .map(|ev| ev["m"].as_u64().expect("module"))
        .collect();
    assert_eq!(entered, [a, b, c]);
    let lowered = steps(&data, "InnerModuleLinking", "9.c.iii.1");
    assert_eq!(lowered.len(), 1);
    assert_eq!(lowered[0]["m"], b);
    assert_eq!(
        written(lowered[0], b, "[[DFSAncestorIndex]]"),
        Some(0.into())
    );
    let components: Vec<Vec<u64>> = steps(&data, "InnerModuleLinking", "13.b")
        .iter()
        .map(|p| module_list(p, "component"))
        .collect();
    assert_eq!(components, [vec![c], vec![b, a]]);
    // The back edge B → A is drawn as one.
    let back: Vec<(u64, u64)> = data["view"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .filter(|e| e[2] == true)
        .map(|e| (e[0].as_u64().expect("from"), e[1].as_u64().expect("to")))
        .collect();
    assert_eq!(back, [(b, a)]);
}

/// An error thrown during the synchronous evaluation goes to every module
/// on the stack (Evaluate step 9.a); a rejected top-level await goes to the
/// async parents (AsyncModuleExecutionRejected step 9).
#[test]
fn errors_and_their_propagation() {
    let dir = TempDir::new();
    dir.write(&[
        ("a.mjs", "import './b.mjs';"),
        ("b.mjs", "import './c.mjs';"),
        ("c.mjs", "throw new TypeError('boom');"),
        ("x.mjs", "import './y.mjs';"),
        ("y.mjs", "await 0; throw new RangeError('late');"),
    ]);
    let (page, status) = trace_page(&dir.0, "a.mjs", &[]);
    assert_eq!(status, Some(1));
    let data = page_data(&page);
    let id = ids(&data);
    let failed = steps(&data, "Evaluate", "9.a");
    assert_eq!(failed.len(), 1);
    for name in ["a.mjs", "b.mjs", "c.mjs"] {
        assert_eq!(
            written(failed[0], id[name], "[[EvaluationError]]"),
            Some("TypeError: boom".into())
        );
    }

    let (page, status) = trace_page(&dir.0, "x.mjs", &[]);
    assert_eq!(status, Some(1));
    assert_self_contained(&page);
    let data = page_data(&page);
    let id = ids(&data);
    let rejected: Vec<(u64, Option<Json>)> = steps(&data, "AsyncModuleExecutionRejected", "5-7")
        .iter()
        .map(|ev| {
            let m = ev["m"].as_u64().expect("module");
            (m, written(ev, m, "[[EvaluationError]]"))
        })
        .collect();
    let error = Some(Json::from("RangeError: late"));
    assert_eq!(
        rejected,
        [(id["y.mjs"], error.clone()), (id["x.mjs"], error)]
    );
}

/// A load error ends LoadRequestedModules (ContinueModuleLoading step 3).
#[test]
fn a_missing_module_is_a_load_error() {
    let dir = TempDir::new();
    dir.write(&[("a.mjs", "import './missing.mjs';")]);
    let (page, status) = trace_page(&dir.0, "a.mjs", &[]);
    assert_eq!(status, Some(1));
    let data = page_data(&page);
    let failed = steps(&data, "ContinueModuleLoading", "3");
    assert_eq!(failed.len(), 1);
    assert_eq!(
        failed[0]["v"][0],
        serde_json::json!(["[[Specifier]]", "./missing.mjs"])
    );
}

/// Above the size limit the page draws the strongly connected components.
#[test]
fn a_large_graph_is_drawn_condensed() {
    let dir = TempDir::new();
    // `sccs`: cycles of 8 modules; 3209 modules (main.mjs included) are
    // more than the default limit of 3000, in 402 components.
    let out = vmjs_in(&dir.0, &["graph", "sccs", "3208", "g"]);
    assert!(out.status.success());
    let (page, status) = trace_page(&dir.0, "g/main.mjs", &[]);
    assert_eq!(status, Some(0));
    assert_self_contained(&page);
    check_script_syntax(&page, &dir.0);
    let data = page_data(&page);
    let modules = data["modules"].as_array().expect("modules").len();
    assert!(modules > 3000);
    assert_eq!(data["view"]["condensed"], true);
    let nodes = data["view"]["nodes"].as_array().expect("nodes");
    assert_eq!(nodes.len(), (modules - 1).div_ceil(8) + 1);
    // The same graph under a higher limit is drawn module by module.
    let (page, _) = trace_page(&dir.0, "g/main.mjs", &["--max-nodes", "5000"]);
    let data = page_data(&page);
    assert_eq!(data["view"]["condensed"], false);
    assert_eq!(
        data["view"]["nodes"].as_array().expect("nodes").len(),
        modules
    );
}

/// Without --html, `vmjs trace` prints the text trace as before; --html
/// needs the page's file.
#[test]
fn text_trace_and_usage() {
    let dir = TempDir::new();
    dir.write(&[("a.mjs", "import './b.mjs';"), ("b.mjs", "")]);
    let out = vmjs_in(&dir.0, &["trace", "a.mjs"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("[trace] load a.mjs: new\n[trace] load b.mjs: new\n"));
    assert!(
        stderr.contains("[trace] link a.mjs: unlinked -> linking, DFSIndex 0 DFSAncestorIndex 0\n")
    );
    let out = vmjs_in(&dir.0, &["trace", "--html", "a.mjs"]);
    assert_eq!(out.status.code(), Some(2));
}

/// `import defer` (the Deferring Module Evaluation proposal): the deferred
/// edge is drawn as one, InnerModuleEvaluation's evaluationList holds the
/// deferred module's asynchronous dependency instead of the module, and the
/// first string-keyed read of the deferred namespace is traced as
/// GetModuleExportsList step 1 followed by EvaluateModuleSync, whose steps
/// are the proposal's text.
#[test]
fn import_defer_edges_and_triggers() {
    let dir = TempDir::new();
    dir.write(&[
        (
            "main.mjs",
            "import defer * as ns from './lazy.mjs'; import './eager.mjs'; console.log(ns.value);",
        ),
        (
            "lazy.mjs",
            "import './lazy_dep.mjs'; import './lazy_async.mjs'; export const value = 1;",
        ),
        ("lazy_dep.mjs", ""),
        ("lazy_async.mjs", "await 0;"),
        ("eager.mjs", ""),
        (
            "self.mjs",
            "import defer * as me from './self.mjs';\n\
             try { me.x; } catch (e) { console.log(e.constructor.name); }\n\
             export const x = 1;",
        ),
    ]);
    let (page, status) = trace_page(&dir.0, "main.mjs", &[]);
    assert_eq!(status, Some(0));
    assert_self_contained(&page);
    check_script_syntax(&page, &dir.0);
    let data = page_data(&page);
    let id = ids(&data);
    let [main, lazy, lazy_dep, lazy_async, eager] = [
        "main.mjs",
        "lazy.mjs",
        "lazy_dep.mjs",
        "lazy_async.mjs",
        "eager.mjs",
    ]
    .map(|n| id[n]);

    // The requests carry their [[Phase]]; the edge main → lazy is a defer edge.
    assert_eq!(
        data["modules"][main as usize]["requests"],
        serde_json::json!([
            ["./lazy.mjs", lazy, "defer"],
            ["./eager.mjs", eager, "evaluation"]
        ])
    );
    let phase_of = |from: u64, to: u64| {
        data["view"]["edges"]
            .as_array()
            .expect("edges")
            .iter()
            .find(|e| e[0] == from && e[1] == to)
            .map(|e| e[3].clone())
    };
    assert_eq!(phase_of(main, lazy), Some("defer".into()));
    assert_eq!(phase_of(main, eager), Some("evaluation".into()));
    assert_eq!(phase_of(lazy, lazy_dep), Some("evaluation".into()));

    // InnerModuleEvaluation (the proposal's step 11): for the defer request,
    // GatherAsynchronousTransitiveDependencies(lazy) = [lazy_async]; then eager.
    let lists = steps(&data, "InnerModuleEvaluation", "11");
    assert_eq!(lists.len(), 1);
    assert_eq!(lists[0]["m"], main);
    assert_eq!(module_list(lists[0], "evaluationList"), [lazy_async, eager]);

    // main reads ns.value: GetModuleExportsList step 1 on lazy, still
    // linked, then EvaluateModuleSync, which runs lazy_dep and lazy.
    let trigger = events(&data)
        .iter()
        .position(|e| e["a"] == "GetModuleExportsList")
        .expect("the trigger");
    let event = &events(&data)[trigger];
    assert_eq!(event["m"], lazy);
    assert_eq!(
        event["v"],
        serde_json::json!([
            ["internal method", "[[Get]]"],
            ["P", "value"],
            ["[[Status]]", "linked"]
        ])
    );
    assert_eq!(
        event["t"],
        "defer lazy.mjs: triggered by [[Get]] value (linked)"
    );
    let before = state_after(&data, trigger);
    assert_eq!(before[lazy as usize]["[[Status]]"], "linked");
    assert_eq!(before[lazy_dep as usize]["[[Status]]"], "linked");
    assert_eq!(before[lazy_async as usize]["[[Status]]"], "evaluated");
    let sync = &events(&data)[trigger + 1];
    assert_eq!(sync["a"], "EvaluateModuleSync");
    assert_eq!(sync["s"], "1-2");
    assert_eq!(sync["m"], lazy);
    let executed: Vec<u64> = events(&data)[trigger..]
        .iter()
        .filter(|e| e["a"] == "ExecuteModule")
        .map(|e| e["m"].as_u64().expect("module"))
        .collect();
    assert_eq!(executed, [lazy_dep, lazy]);
    let end = state_after(&data, events(&data).len());
    assert_eq!(end[lazy as usize]["[[Status]]"], "evaluated");
    // The proposal's steps are on the page.
    let spec = &data["spec"];
    assert_eq!(
        spec["EvaluateModuleSync"]["steps"][0],
        serde_json::json!([
            "1",
            0,
            "If ReadyForSyncExecution(*module*) is **false**, throw a **TypeError** exception."
        ])
    );
    assert_eq!(
        spec["GetModuleExportsList"]["steps"][1],
        serde_json::json!(["1.a", 1, "Let *m* be *O*.[[Module]]."])
    );

    // A module that reads its own deferred namespace while it evaluates:
    // ReadyForSyncExecution is false (EvaluateModuleSync step 1).
    let (page, status) = trace_page(&dir.0, "self.mjs", &[]);
    assert_eq!(status, Some(0));
    let data = page_data(&page);
    let not_ready = steps(&data, "EvaluateModuleSync", "1");
    assert_eq!(not_ready.len(), 1);
    assert_eq!(
        not_ready[0]["v"],
        serde_json::json!([["ReadyForSyncExecution", false]])
    );
    let trigger = steps(&data, "GetModuleExportsList", "1");
    assert_eq!(
        trigger[0]["v"][2],
        serde_json::json!(["[[Status]]", "evaluating"])
    );
}
