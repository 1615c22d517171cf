//! Module graphs run through the file host; expected output from Node 20.

use std::cell::RefCell;
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::host::FileHost;
use crate::interp::agent::Agent;
use crate::interp::builtins::promise::{promise_state, PromiseStateView};
use crate::interp::completion::Throw;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

#[derive(Clone, Default)]
struct Captured(Rc<RefCell<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A fresh directory holding `files`.
fn write_files<N: AsRef<str>>(files: &[(N, String)]) -> PathBuf {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "vmjs-module-tests-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name.as_ref()), text).unwrap();
    }
    dir
}

/// Runs `main.mjs` of `files`; returns stdout and the error the graph's
/// promise was rejected with (as `String(e)`), if any.
fn run_files<N: AsRef<str>>(files: &[(N, String)]) -> (String, Option<String>) {
    run_traced(files, None)
}

fn run_traced<N: AsRef<str>>(
    files: &[(N, String)],
    trace: Option<Rc<RefCell<Vec<String>>>>,
) -> (String, Option<String>) {
    let dir = write_files(files);
    let out = Captured::default();
    let mut agent = Agent::new();
    agent.stdout = Box::new(out.clone());
    let host = FileHost::new();
    if let Some(lines) = trace {
        host.graph().borrow_mut().trace = Some(crate::module::record::TraceSink::Buffer(lines));
    }
    host.install(&mut agent);
    let result = host
        .load_entry(&mut agent, &dir.join("main.mjs"))
        .and_then(|m| host.run(&mut agent, m));
    let error = match result {
        Err(Throw(e)) => Some(*e),
        Ok(Value::Object(p)) => {
            agent.run_promise_jobs().ok();
            match promise_state(&p) {
                Some(PromiseStateView::Rejected(e)) => Some(e),
                _ => None,
            }
        }
        Ok(_) => None,
    };
    let error = error.map(|e| match &e {
        Value::Object(o) => {
            let name = agent
                .get(o, &PropertyKey::from("name"))
                .unwrap_or(Value::Undefined);
            let message = agent
                .get(o, &PropertyKey::from("message"))
                .unwrap_or(Value::Undefined);
            format!(
                "{}: {}",
                agent.to_display_string(&name),
                agent.to_display_string(&message)
            )
        }
        other => agent.to_display_string(other),
    });
    let _ = std::fs::remove_dir_all(&dir);
    let text = String::from_utf8(out.0.borrow().clone()).unwrap();
    (text, error)
}

fn files(list: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    list.iter().map(|(n, t)| (*n, t.to_string())).collect()
}

#[test]
fn missing_export_is_a_link_error_in_node_words() {
    let (out, err) = run_files(&files(&[
        (
            "main.mjs",
            "import { nope } from './dep.mjs'; console.log('unreached');",
        ),
        ("dep.mjs", "export const yes = 1;"),
    ]));
    assert_eq!(out, "");
    assert_eq!(
        err.as_deref(),
        Some(
            "SyntaxError: The requested module './dep.mjs' does not provide an export named 'nope'"
        )
    );
}

#[test]
fn conflicting_star_exports_are_ambiguous() {
    let f = files(&[
        ("main.mjs", "import { x } from './reexp.mjs';"),
        (
            "reexp.mjs",
            "export * from './p.mjs'; export * from './q.mjs';",
        ),
        ("p.mjs", "export const x = 1; export const y = 'p';"),
        ("q.mjs", "export const x = 2;"),
    ]);
    let (_, err) = run_files(&f);
    assert_eq!(
        err.as_deref(),
        Some("SyntaxError: The requested module './reexp.mjs' contains conflicting star exports for name 'x'")
    );
    // The namespace leaves the ambiguous name out.
    let mut f = f;
    f[0].1 = "import * as ns from './reexp.mjs'; console.log('x' in ns, ns.y, Reflect.ownKeys(ns).length);".into();
    let (out, err) = run_files(&f);
    assert_eq!(err, None);
    assert_eq!(out, "false p 2\n");
}

#[test]
fn same_binding_through_two_stars_is_not_ambiguous() {
    let (out, err) = run_files(&files(&[
        ("main.mjs", "import { x } from './r.mjs'; console.log(x);"),
        ("r.mjs", "export * from './p.mjs'; export * from './q.mjs';"),
        ("p.mjs", "export * from './base.mjs';"),
        ("q.mjs", "export { x } from './base.mjs';"),
        ("base.mjs", "export const x = 'base';"),
    ]));
    assert_eq!(err, None);
    assert_eq!(out, "base\n");
}

#[test]
fn missing_file_reports_paths() {
    let (_, err) = run_files(&files(&[("main.mjs", "import './gone.mjs';")]));
    let err = err.unwrap();
    assert!(err.starts_with("Error: Cannot find module '"), "{err}");
    assert!(err.contains("gone.mjs' imported from "), "{err}");
}

#[test]
fn cyclic_imports_see_live_bindings_and_hoisted_functions() {
    let (out, err) = run_files(&files(&[
        ("main.mjs", "import { a, incA } from './a.mjs';\nimport { b } from './b.mjs';\nconsole.log('main', a, b);\nincA();\nconsole.log('after inc', a);"),
        ("a.mjs", "import { b } from './b.mjs';\nconsole.log('a runs, b =', b);\nexport let a = 1;\nexport function incA() { a++; }"),
        ("b.mjs", "import { incA } from './a.mjs';\nconsole.log('b runs, incA is', typeof incA);\nexport const b = 2;"),
    ]));
    assert_eq!(err, None);
    assert_eq!(
        out,
        "b runs, incA is function\na runs, b = 2\nmain 1 2\nafter inc 2\n"
    );
}

#[test]
fn cycle_reads_in_tdz_throw_reference_errors() {
    let (out, _) = run_files(&files(&[
        ("main.mjs", "import './a.mjs';"),
        ("a.mjs", "import { b } from './b.mjs';\nexport const a = 'A';"),
        ("b.mjs", "import * as ns from './a.mjs';\nimport { a } from './a.mjs';\ntry { console.log(a); } catch (e) { console.log(e.name, e.message); }\ntry { console.log(ns.a); } catch (e) { console.log(e.name, e.message); }\nexport const b = 'B';"),
    ]));
    assert_eq!(
        out,
        "ReferenceError Cannot access 'a' before initialization\nReferenceError Cannot access 'a' before initialization\n"
    );
}

#[test]
fn evaluation_error_is_recorded_on_the_cycle_and_rethrown() {
    let (out, err) = run_files(&files(&[
        ("main.mjs", "import('./a.mjs').catch(e => { console.log('first', e.message);\n  return import('./b.mjs'); }).then(null, e => console.log('second', e.message));"),
        ("a.mjs", "import './b.mjs';\nexport const a = 1;"),
        ("b.mjs", "import './a.mjs';\nthrow new Error('boom in b');"),
    ]));
    assert_eq!(err, None);
    assert_eq!(out, "first boom in b\nsecond boom in b\n");
}

#[test]
fn top_level_await_orders_siblings_as_node_does() {
    let (out, err) = run_files(&files(&[
        (
            "main.mjs",
            "import './a.mjs';\nimport './b.mjs';\nimport './c.mjs';\nconsole.log('main');",
        ),
        (
            "a.mjs",
            "console.log('a start'); await 0; console.log('a end');",
        ),
        ("b.mjs", "import './a.mjs';\nconsole.log('b');"),
        (
            "c.mjs",
            "import './d.mjs';\nconsole.log('c'); await 0; console.log('c end');",
        ),
        ("d.mjs", "console.log('d');"),
    ]));
    assert_eq!(err, None);
    assert_eq!(out, "a start\nd\nc\na end\nc end\nb\nmain\n");
}

#[test]
fn async_rejection_reaches_every_parent() {
    let (out, err) = run_files(&files(&[
        ("main.mjs", "import './p.mjs';\nconsole.log('unreached');"),
        ("p.mjs", "import './t.mjs';\nconsole.log('unreached p');"),
        ("t.mjs", "await 0; throw new TypeError('late');"),
    ]));
    assert_eq!(out, "");
    assert_eq!(err.as_deref(), Some("TypeError: late"));
}

#[test]
fn json_modules_and_import_meta() {
    let (out, err) = run_files(&files(&[
        ("main.mjs", "import data from './d.json' with { type: 'json' };\nconsole.log(data.x, import.meta.url.startsWith('file:///'), Object.getPrototypeOf(import.meta), import.meta === import.meta);"),
        ("d.json", "{\"x\": 42}"),
    ]));
    assert_eq!(err, None);
    assert_eq!(out, "42 true null true\n");
}

#[test]
fn namespace_objects_are_exotic() {
    let (out, err) = run_files(&files(&[
        ("main.mjs", "import * as ns from './dep.mjs';\nconsole.log(Object.prototype.toString.call(ns), Object.isExtensible(ns), Object.getPrototypeOf(ns));\nconsole.log(JSON.stringify(Reflect.ownKeys(ns).slice ? 0 : 0), JSON.stringify(Object.getOwnPropertyDescriptor(ns, 'a')));\ntry { ns.a = 5; } catch (e) { console.log(e.constructor.name); }\nconsole.log(delete ns.zzz);\ntry { delete ns.a; } catch (e) { console.log('delete', e.constructor.name); }"),
        ("dep.mjs", "export const c = 3; export let b = 2; export var a = 1; export default 'd';"),
    ]));
    assert_eq!(err, None);
    assert_eq!(
        out,
        "[object Module] false null\n0 {\"value\":1,\"writable\":true,\"enumerable\":true,\"configurable\":false}\nTypeError\ntrue\ndelete TypeError\n"
    );
}

#[test]
fn dynamic_import_resolves_to_the_same_namespace() {
    let (out, err) = run_files(&files(&[
        ("main.mjs", "import * as ns from './dep.mjs';\nconst m = await import('./dep.mjs');\nconsole.log(m === ns, m.x);"),
        ("dep.mjs", "export const x = 1;"),
    ]));
    assert_eq!(err, None);
    assert_eq!(out, "true 1\n");
}

#[test]
fn dynamic_import_links_and_evaluates_in_a_later_job() {
    // ContinueDynamicImport links and evaluates as a reaction to the load
    // promise: b, still to be evaluated in main's graph, runs in graph
    // order, not from inside a (output recorded from Node v20).
    let (out, err) = run_files(&files(&[
        ("main.mjs", "import './a.mjs';\nimport './b.mjs';\nconsole.log('main');"),
        (
            "a.mjs",
            "import('./b.mjs').then((ns) => console.log('a: import resolved', ns.name));\nconsole.log('a');",
        ),
        ("b.mjs", "export const name = 'b';\nconsole.log('b');"),
    ]));
    assert_eq!(err, None);
    assert_eq!(out, "a\nb\nmain\na: import resolved b\n");
}

#[test]
fn dynamic_import_of_an_evaluated_async_module_settles() {
    // Evaluate step 10.c: the module is evaluated, its
    // [[AsyncEvaluationOrder]] done, and its [[TopLevelCapability]] empty
    // (main's graph evaluated it): the new capability resolves at once
    // (tc39/ecma262#3613; output recorded from Node v20).
    let (out, err) = run_files(&files(&[
        (
            "main.mjs",
            "import { x } from './dep.mjs';\nconsole.log('main', x);\nconst ns = await import('./dep.mjs');\nconsole.log('import', ns.x);",
        ),
        ("dep.mjs", "await 0;\nexport const x = 1;"),
    ]));
    assert_eq!(err, None);
    assert_eq!(out, "main 1\nimport 1\n");
}

#[test]
fn a_throw_after_an_async_cycle_member_started_errors_the_cycle() {
    // r imports m (which imports r back and awaits) and n (which throws):
    // m is on Evaluate's stack with an [[AsyncEvaluationOrder]] when n
    // throws (Evaluate step 9.a), and its later fulfilment finds it
    // evaluated with the error (AsyncModuleExecutionFulfilled step 1).
    // Output recorded from Node v20.
    let (out, err) = run_files(&files(&[
        (
            "main.mjs",
            "try { await import('./r.mjs'); } catch (e) { console.log('caught', e.message); }\ntry { await import('./m.mjs'); } catch (e) { console.log('caught again', e.message); }",
        ),
        ("r.mjs", "import './m.mjs';\nimport './n.mjs';\nconsole.log('r');"),
        (
            "m.mjs",
            "import './r.mjs';\nconsole.log('m start');\nawait 0;\nconsole.log('m done');",
        ),
        ("n.mjs", "console.log('n');\nthrow new Error('n failed');"),
    ]));
    assert_eq!(err, None);
    assert_eq!(
        out,
        "m start\nn\nm done\ncaught n failed\ncaught again n failed\n"
    );
}

/// A chain main → m0 → m1 → … of `n` modules.
fn chain(n: usize) -> Vec<(String, String)> {
    let mut list = vec![(
        "main.mjs".to_string(),
        "import { v } from './m0.mjs'; console.log(v);".to_string(),
    )];
    for i in 0..n {
        let text = if i + 1 < n {
            format!(
                "import {{ v as w }} from './m{}.mjs'; export const v = w + 1;",
                i + 1
            )
        } else {
            "export const v = 0;".to_string()
        };
        list.push((format!("m{i}.mjs"), text));
    }
    list
}

#[test]
fn a_long_chain_loads_links_and_evaluates() {
    let (out, err) = run_files(&chain(2_000));
    assert_eq!(err, None);
    assert_eq!(out, "1999\n");
}

#[test]
#[ignore = "slow in debug builds: cargo test --release -- --ignored"]
fn a_100_000_module_chain_loads_links_and_evaluates() {
    let (out, err) = run_files(&chain(100_000));
    assert_eq!(err, None);
    assert_eq!(out, "99999\n");
}

#[test]
fn a_long_export_star_chain_resolves() {
    export_star_chain(3_000);
}

#[test]
#[ignore = "slow in debug builds: cargo test --release -- --ignored"]
fn a_100_000_deep_export_star_chain_resolves() {
    export_star_chain(100_000);
}

fn export_star_chain(n: usize) {
    let mut list = vec![("main.mjs".to_string(), "import { deep } from './s0.mjs'; import * as ns from './s0.mjs'; console.log(deep, ns.deep);".to_string())];
    for i in 0..n {
        let name = format!("s{i}.mjs");
        let text = if i + 1 < n {
            format!("export * from './s{}.mjs';", i + 1)
        } else {
            "export const deep = 'bottom';".to_string()
        };
        list.push((name, text));
    }
    let (out, err) = run_files(&list);
    assert_eq!(err, None);
    assert_eq!(out, "bottom bottom\n");
}

#[test]
fn synchronous_parents_of_async_modules_run_in_async_evaluation_order() {
    let (out, err) = run_files(&files(&[
        (
            "main.mjs",
            "import './v.mjs';\nimport './x.mjs';\nimport './z.mjs';\nimport './y.mjs';\nconsole.log('main');",
        ),
        ("a.mjs", "console.log('a'); await 0; console.log('a done');"),
        ("x.mjs", "import './a.mjs'; console.log('x');"),
        ("y.mjs", "import './x.mjs'; console.log('y');"),
        ("z.mjs", "import './a.mjs'; console.log('z'); await 0; console.log('z done');"),
        ("w.mjs", "if (false) await 0; console.log('w');"),
        ("v.mjs", "import './w.mjs'; import './a.mjs'; console.log('v');"),
    ]));
    assert_eq!(err, None);
    assert_eq!(out, "w\na\na done\nv\nx\nz\ny\nz done\nmain\n");
}

/// The spec's "asynchronous cyclic module graph" (§16.2.1.6.2): A imports B
/// and C, B imports D, C imports D and E, D imports A; every module awaits.
/// E finishes first, then D, then C, then B. The DFS indices, ancestor
/// indices and [[AsyncEvaluationOrder]]s are the spec's tables.
#[test]
fn trace_of_the_spec_async_cycle_example() {
    let lines = Rc::new(RefCell::new(Vec::new()));
    let (out, err) = run_traced(
        &files(&[
            (
                "main.mjs",
                "import './b.mjs'; import './c.mjs'; await 0; console.log('A');",
            ),
            (
                "b.mjs",
                "import './d.mjs'; await 0; await 0; await 0; console.log('B');",
            ),
            (
                "c.mjs",
                "import './d.mjs'; import './e.mjs'; await 0; console.log('C');",
            ),
            (
                "d.mjs",
                "import './main.mjs'; await 0; await 0; console.log('D');",
            ),
            ("e.mjs", "await 0; console.log('E');"),
        ]),
        Some(lines.clone()),
    );
    assert_eq!(err, None);
    assert_eq!(out, "E\nD\nC\nB\nA\n");
    let evaluation: Vec<String> = lines
        .borrow()
        .iter()
        .filter(|l| !l.starts_with("load ") && !l.starts_with("link "))
        .cloned()
        .collect();
    let expected = [
        "evaluate main.mjs: linked -> evaluating, DFSIndex 0 DFSAncestorIndex 0",
        "evaluate b.mjs: linked -> evaluating, DFSIndex 1 DFSAncestorIndex 1",
        "evaluate d.mjs: linked -> evaluating, DFSIndex 2 DFSAncestorIndex 2",
        "evaluate d.mjs: DFSAncestorIndex 0 (from main.mjs)",
        "evaluate d.mjs: [[AsyncEvaluationOrder]] 0 (PendingAsyncDependencies 0, HasTLA true)",
        "execute d.mjs",
        "evaluate b.mjs: DFSAncestorIndex 0 (from d.mjs)",
        "evaluate b.mjs: [[AsyncEvaluationOrder]] 1 (PendingAsyncDependencies 1, HasTLA true)",
        "evaluate c.mjs: linked -> evaluating, DFSIndex 3 DFSAncestorIndex 3",
        "evaluate c.mjs: DFSAncestorIndex 0 (from d.mjs)",
        "evaluate e.mjs: linked -> evaluating, DFSIndex 4 DFSAncestorIndex 4",
        "evaluate e.mjs: [[AsyncEvaluationOrder]] 2 (PendingAsyncDependencies 0, HasTLA true)",
        "execute e.mjs",
        "evaluate e.mjs: pops [e.mjs evaluating-async]",
        "evaluate c.mjs: [[AsyncEvaluationOrder]] 3 (PendingAsyncDependencies 2, HasTLA true)",
        "evaluate main.mjs: [[AsyncEvaluationOrder]] 4 (PendingAsyncDependencies 2, HasTLA true)",
        "evaluate main.mjs: pops [c.mjs evaluating-async, d.mjs evaluating-async, b.mjs evaluating-async, main.mjs evaluating-async]",
        "async fulfilled e.mjs: evaluating-async -> evaluated",
        "async fulfilled d.mjs: evaluating-async -> evaluated",
        "gather d.mjs: execList [b.mjs, c.mjs]",
        "execute b.mjs",
        "execute c.mjs",
        "async fulfilled c.mjs: evaluating-async -> evaluated",
        "async fulfilled b.mjs: evaluating-async -> evaluated",
        "gather b.mjs: execList [main.mjs]",
        "execute main.mjs",
        "async fulfilled main.mjs: evaluating-async -> evaluated",
    ];
    assert_eq!(evaluation, expected);
    let linking: Vec<String> = lines
        .borrow()
        .iter()
        .filter(|l| l.starts_with("link "))
        .cloned()
        .collect();
    assert_eq!(
        linking,
        [
            "link main.mjs: unlinked -> linking, DFSIndex 0 DFSAncestorIndex 0",
            "link b.mjs: unlinked -> linking, DFSIndex 1 DFSAncestorIndex 1",
            "link d.mjs: unlinked -> linking, DFSIndex 2 DFSAncestorIndex 2",
            "link d.mjs: DFSAncestorIndex 0 (from main.mjs)",
            "link b.mjs: DFSAncestorIndex 0 (from d.mjs)",
            "link c.mjs: unlinked -> linking, DFSIndex 3 DFSAncestorIndex 3",
            "link c.mjs: DFSAncestorIndex 0 (from d.mjs)",
            "link e.mjs: unlinked -> linking, DFSIndex 4 DFSAncestorIndex 4",
            "link e.mjs: pops [e.mjs] -> linked",
            "link main.mjs: pops [c.mjs, d.mjs, b.mjs, main.mjs] -> linked",
        ]
    );
}

#[test]
fn namespace_define_own_property_only_accepts_matching_descriptors() {
    let (out, err) = run_files(&files(&[
        (
            "main.mjs",
            "import * as ns from './dep.mjs';\n\
             const r = (d) => Reflect.defineProperty(ns, 'a', d);\n\
             console.log(r({ value: 1 }), r({ value: 2 }), r({ writable: false }), r({ enumerable: false }), r({ configurable: true }), r({}), Reflect.defineProperty(ns, 'zz', { value: 1 }));\n\
             console.log(JSON.stringify(Object.getOwnPropertyDescriptor(ns, 'a')), Object.isFrozen(ns), Object.isSealed(ns));",
        ),
        ("dep.mjs", "export var a = 1;"),
    ]));
    assert_eq!(err, None);
    assert_eq!(
        out,
        "true false false false false true false\n{\"value\":1,\"writable\":true,\"enumerable\":true,\"configurable\":false} false true\n"
    );
}
