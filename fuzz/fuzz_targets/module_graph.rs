//! Random module graphs (imports, re-exports, `export *`, cycles, top-level
//! await, throws, dynamic `import()`) through link and evaluate of the
//! embedding API, checking the invariants of ECMA-262 §16.2.1.5 (Cyclic
//! Module Records):
//!
//! - a failed Link leaves the root `unlinked` and no module `linking`;
//! - a successful Link leaves the root `linked`;
//! - after Evaluate and the event loop, no module is `evaluating`; the root
//!   is `evaluated` or `errored`, and a module that evaluated without error
//!   has no errored dependency;
//! - an errored root's [[EvaluationError]] is the value Evaluate rejected
//!   with, and evaluating it again rejects with that same value;
//! - every `import()` promise the graph made is settled.
#![no_main]

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt::Write;
use std::rc::Rc;
use std::time::Duration;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use vmjs::embed::{
    Error, Evaluation, JsValue, Limits, Module, ModuleOptions, Runtime, SourceTextModule, Status,
};

const MAX_MODULES: usize = 6;
const MAX_ITEMS: usize = 10;
const NAMES: u8 = 4;

#[derive(Arbitrary, Debug)]
struct Graph {
    modules: Vec<Vec<Item>>,
}

#[derive(Arbitrary, Debug)]
enum Item {
    /// `import { vN as iK } from './mF.mjs';`
    ImportNamed {
        from: u8,
        name: u8,
    },
    /// `import * as iK from './mF.mjs';`
    ImportNamespace {
        from: u8,
    },
    /// `export { vN as rK } from './mF.mjs';`
    ReExport {
        from: u8,
        name: u8,
    },
    /// `export * from './mF.mjs';`
    ExportStar {
        from: u8,
    },
    /// `export * as sK from './mF.mjs';`
    ExportStarAs {
        from: u8,
    },
    /// `export let vN = K;` (skipped if vN is already exported)
    Export {
        name: u8,
    },
    /// Reads an earlier import (a ReferenceError in a cycle's TDZ).
    Use {
        import: u8,
    },
    Await(AwaitKind),
    /// `throw new Error('mI')`
    Throw,
    /// `import('./mT.mjs')`, its settlement reported to the host.
    DynamicImport {
        target: u8,
    },
    /// `await import('./mT.mjs')` inside a try (the one await that may wait
    /// on a module of the same cycle, which Node leaves pending).
    AwaitDynamicImport {
        target: u8,
    },
}

#[derive(Arbitrary, Debug)]
enum AwaitKind {
    Value,
    ResolvedPromise,
    Timer,
    CaughtRejection,
    Rejection,
}

/// The source of module `index` of `modules`; `imports` collects its static edges.
fn source(index: usize, items: &[Item], count: usize, imports: &mut Vec<usize>) -> String {
    let mut s = String::new();
    let mut exported = BTreeSet::new();
    let mut locals = 0usize;
    for (k, item) in items.iter().take(MAX_ITEMS).enumerate() {
        let target = |t: u8| t as usize % count;
        match item {
            Item::ImportNamed { from, name } => {
                imports.push(target(*from));
                let _ = writeln!(
                    s,
                    "import {{ v{} as i{k} }} from './m{}.mjs';",
                    name % NAMES,
                    target(*from)
                );
                locals = locals.max(k + 1);
            }
            Item::ImportNamespace { from } => {
                imports.push(target(*from));
                let _ = writeln!(s, "import * as i{k} from './m{}.mjs';", target(*from));
            }
            Item::ReExport { from, name } => {
                imports.push(target(*from));
                let _ = writeln!(
                    s,
                    "export {{ v{} as r{k} }} from './m{}.mjs';",
                    name % NAMES,
                    target(*from)
                );
            }
            Item::ExportStar { from } => {
                imports.push(target(*from));
                let _ = writeln!(s, "export * from './m{}.mjs';", target(*from));
            }
            Item::ExportStarAs { from } => {
                imports.push(target(*from));
                let _ = writeln!(s, "export * as s{k} from './m{}.mjs';", target(*from));
            }
            Item::Export { name } => {
                if exported.insert(name % NAMES) {
                    let _ = writeln!(s, "export let v{} = {k};", name % NAMES);
                }
            }
            Item::Use { import } => {
                let i = *import as usize % items.len();
                if matches!(
                    items[i],
                    Item::ImportNamed { .. } | Item::ImportNamespace { .. }
                ) && i < MAX_ITEMS
                {
                    let _ = writeln!(s, "void i{i};");
                }
            }
            Item::Await(kind) => {
                let line = match kind {
                    AwaitKind::Value => "await 0;",
                    AwaitKind::ResolvedPromise => "await Promise.resolve(1);",
                    AwaitKind::Timer => "await new Promise((r) => setTimeout(r, 0));",
                    AwaitKind::CaughtRejection => {
                        "try { await Promise.reject(new Error('caught')); } catch {}"
                    }
                    AwaitKind::Rejection => "await Promise.reject(new TypeError('rejected'));",
                };
                s.push_str(line);
                s.push('\n');
            }
            Item::Throw => {
                let _ = writeln!(s, "throw new Error('m{index}');");
            }
            Item::DynamicImport { target: t } => {
                let _ = writeln!(
                    s,
                    "{{ const id = __issue(); import('./m{}.mjs').then((v) => __settle(id), (e) => __settle(id)); }}",
                    target(*t)
                );
            }
            Item::AwaitDynamicImport { target: t } => {
                let _ = writeln!(
                    s,
                    "{{ const id = __issue(); try {{ await import('./m{}.mjs'); }} catch {{}} __settle(id); }}",
                    target(*t)
                );
            }
        }
    }
    let _ = locals;
    s
}

fn same_value(a: &JsValue, b: &JsValue) -> bool {
    match (a, b) {
        (JsValue::Number(x), JsValue::Number(y)) => {
            x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan())
        }
        _ => a == b,
    }
}

fuzz_target!(|graph: Graph| {
    let count = graph.modules.len().min(MAX_MODULES);
    if count == 0 {
        return;
    }
    let limits = Limits {
        timeout: Some(Duration::from_secs(2)),
        step_budget: Some(1_000_000),
        native_stack_bytes: 4 << 20,
        ..Limits::default()
    };
    let mut rt = Runtime::with_limits(limits);
    let issued = Rc::new(RefCell::new(0u32));
    let settled = Rc::new(RefCell::new(BTreeSet::new()));
    {
        let issued = issued.clone();
        rt.define_function("__issue", move |_| {
            let mut n = issued.borrow_mut();
            *n += 1;
            Ok(JsValue::Number(f64::from(*n)))
        });
        let settled = settled.clone();
        rt.define_function("__settle", move |args| {
            let id = args.first().and_then(JsValue::as_number).unwrap_or(-1.0) as i64;
            if !settled.borrow_mut().insert(id) {
                return Err(format!("promise {id} settled twice"));
            }
            Ok(JsValue::Undefined)
        });
    }
    let mut modules: Vec<Module> = Vec::new();
    let mut edges: Vec<Vec<usize>> = Vec::new();
    for (i, items) in graph.modules.iter().take(count).enumerate() {
        let mut imports = Vec::new();
        let text = source(i, items, count, &mut imports);
        let options = ModuleOptions {
            identifier: Some(format!("m{i}.mjs")),
            ..ModuleOptions::default()
        };
        match SourceTextModule::new(&mut rt, &text, options) {
            Ok(m) => modules.push(m),
            // Generated code always parses except for clashing export names.
            Err(Error::Syntax { message, .. }) => {
                assert!(
                    message.starts_with("Duplicate export"),
                    "unexpected SyntaxError {message} in:\n{text}"
                );
                return;
            }
            Err(e) => panic!("module {i}: {e}\n{text}"),
        }
        edges.push(imports);
    }
    let statuses =
        |rt: &Runtime| -> Vec<Status> { modules.iter().map(|m| m.status(rt).unwrap()).collect() };
    let root = modules[0];
    let all = modules.clone();
    let linked = root.link(&mut rt, |_, specifier, _, _| {
        let n: usize = specifier
            .trim_start_matches("./m")
            .trim_end_matches(".mjs")
            .parse()
            .expect("generated specifier");
        Ok(all[n])
    });
    let after_link = statuses(&rt);
    assert!(!after_link.contains(&Status::Linking), "{after_link:?}");
    match linked {
        Err(Error::Limit(_)) => return,
        Err(_) => {
            assert_eq!(after_link[0], Status::Unlinked);
            return;
        }
        Ok(()) => assert_eq!(after_link[0], Status::Linked),
    }
    let result = root.evaluate(&mut rt);
    if let Err(Error::Limit(_)) = result {
        return;
    }
    let _ = rt.run_jobs();
    let after = statuses(&rt);
    assert!(!after.contains(&Status::Evaluating), "{after:?}");
    match &result {
        Ok(Evaluation::Complete) => assert_eq!(after[0], Status::Evaluated),
        Ok(Evaluation::Pending) => {}
        Err(Error::Exception { value, .. }) => {
            assert_eq!(after[0], Status::Errored);
            let error = root.error(&rt).unwrap();
            assert!(same_value(&error, value), "{error:?} vs {value:?}");
            match root.evaluate(&mut rt) {
                Err(Error::Exception { value: again, .. }) => {
                    assert!(
                        same_value(&again, value),
                        "re-evaluation: {again:?} vs {value:?}"
                    )
                }
                other => panic!("re-evaluating an errored module: {other:?}"),
            }
        }
        Err(e) => panic!("evaluate: {e}"),
    }
    let settled_all = *issued.borrow() as usize == settled.borrow().len();
    for (i, status) in after.iter().enumerate() {
        if *status == Status::Evaluated && result.as_ref().is_ok_and(|r| *r == Evaluation::Complete)
        {
            for &d in &edges[i] {
                assert_ne!(after[d], Status::Errored, "m{i} evaluated but m{d} errored");
            }
        }
    }
    // A pending evaluation may leave an awaited import() pending with it.
    if result.as_ref().is_ok_and(|r| *r == Evaluation::Pending) {
        return;
    }
    assert!(
        settled_all,
        "{} import() promises made, {} settled",
        issued.borrow(),
        settled.borrow().len()
    );
});
