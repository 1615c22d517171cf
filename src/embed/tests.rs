//! The embedding API: statuses, error codes (Node's strings), linking,
//! synthetic modules, contexts and limits.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

use super::*;

fn stm(rt: &mut Runtime, source: &str) -> Module {
    SourceTextModule::new(rt, source, ModuleOptions::default()).expect("parses")
}

fn no_imports(_: &mut Runtime, s: &str, _: Module, _: &Attributes) -> Result<Module> {
    panic!("no request expected, got {s}")
}

#[test]
fn statuses_follow_link_and_evaluate() {
    let mut rt = Runtime::new();
    let m = stm(&mut rt, "export let x = 1; x += 1;");
    assert_eq!(m.status(&rt).unwrap(), Status::Unlinked);
    m.link(&mut rt, no_imports).unwrap();
    assert_eq!(m.status(&rt).unwrap(), Status::Linked);
    assert_eq!(m.evaluate(&mut rt).unwrap(), Evaluation::Complete);
    assert_eq!(m.status(&rt).unwrap(), Status::Evaluated);
    assert_eq!(
        m.namespace(&mut rt)
            .unwrap()
            .get_number(&mut rt, "x")
            .unwrap(),
        2.0
    );
    // Evaluating again does not run the body again.
    m.evaluate(&mut rt).unwrap();
    assert_eq!(
        m.namespace(&mut rt)
            .unwrap()
            .get_number(&mut rt, "x")
            .unwrap(),
        2.0
    );
}

#[test]
fn status_errors_use_nodes_codes_and_messages() {
    let mut rt = Runtime::new();
    let m = stm(&mut rt, "export const x = 1;");
    let e = m.evaluate(&mut rt).unwrap_err();
    assert_eq!(e.code(), Some("ERR_VM_MODULE_STATUS"));
    assert_eq!(
        e.to_string(),
        "Error [ERR_VM_MODULE_STATUS]: Module status must be one of linked, evaluated, or errored"
    );
    let e = m.namespace(&mut rt).err().unwrap();
    assert_eq!(
        e.to_string(),
        "Error [ERR_VM_MODULE_STATUS]: Module status must not be unlinked or linking"
    );
    let e = m.error(&rt).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Error [ERR_VM_MODULE_STATUS]: Module status must be errored"
    );
    m.link(&mut rt, no_imports).unwrap();
    let e = m.link(&mut rt, no_imports).unwrap_err();
    assert_eq!(e.code(), Some("ERR_VM_MODULE_ALREADY_LINKED"));
    assert_eq!(
        e.to_string(),
        "Error [ERR_VM_MODULE_ALREADY_LINKED]: Module has already been linked"
    );
    m.evaluate(&mut rt).unwrap();
    let e = m.link(&mut rt, no_imports).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Error [ERR_VM_MODULE_STATUS]: Module status must be unlinked"
    );
}

#[test]
fn a_throwing_module_is_errored_with_the_thrown_value() {
    let mut rt = Runtime::new();
    let m = stm(&mut rt, "throw new RangeError('nope');");
    m.link(&mut rt, no_imports).unwrap();
    let e = m.evaluate(&mut rt).unwrap_err();
    assert_eq!(e.code(), None);
    assert!(e.to_string().starts_with("RangeError: nope"), "{e}");
    assert_eq!(m.status(&rt).unwrap(), Status::Errored);
    let Error::Exception { value, .. } = e else {
        panic!("an exception")
    };
    assert_eq!(m.error(&rt).unwrap(), value);
    // Again: the same error.
    let Error::Exception { value: again, .. } = m.evaluate(&mut rt).unwrap_err() else {
        panic!("an exception")
    };
    assert_eq!(again, value);
}

/// A timer callback that throws after the module evaluated: `evaluate`
/// reports that exception (Node would end the process with it as uncaught),
/// and the module stays `evaluated` (a run fuzz finding: the target took
/// every exception for the module's own).
#[test]
fn an_exception_from_a_later_timer_leaves_the_module_evaluated() {
    let mut rt = Runtime::new();
    let m = stm(
        &mut rt,
        "export const v = 1; setTimeout(() => missingName.log('never printed'), 1);",
    );
    m.link(&mut rt, no_imports).unwrap();
    let e = m.evaluate(&mut rt).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("ReferenceError: missingName is not defined"),
        "{e}"
    );
    assert_eq!(m.status(&rt).unwrap(), Status::Evaluated);
}

#[test]
fn syntax_errors_carry_the_position() {
    let mut rt = Runtime::new();
    let options = ModuleOptions {
        identifier: Some("bad.mjs".into()),
        context: None,
    };
    let e = SourceTextModule::new(&mut rt, "let x = 1;\nlet x = 2;", options)
        .err()
        .unwrap();
    let Error::Syntax {
        identifier, line, ..
    } = &e
    else {
        panic!("a syntax error: {e}")
    };
    assert_eq!(identifier, "bad.mjs");
    assert_eq!(*line, 2);
    assert!(
        e.to_string()
            .contains("Identifier 'x' has already been declared"),
        "{e}"
    );
}

#[test]
fn the_linker_is_called_once_per_request_in_source_order() {
    let mut rt = Runtime::new();
    let root = stm(
        &mut rt,
        "import { a } from './a.mjs'; import { b } from './b.mjs'; import './a.mjs';\n\
         export const sum = a + b;",
    );
    let sources = HashMap::from([
        (
            "./a.mjs",
            "import { c } from './c.mjs'; export const a = 1 + c;",
        ),
        (
            "./b.mjs",
            "import { c } from './c.mjs'; export const b = 10 + c;",
        ),
        ("./c.mjs", "export const c = 100;"),
    ]);
    let calls = Rc::new(RefCell::new(Vec::new()));
    let made: Rc<RefCell<HashMap<String, Module>>> = Rc::default();
    let log = calls.clone();
    root.link(&mut rt, move |rt, specifier, referrer, _| {
        log.borrow_mut()
            .push(format!("{specifier} from {}", referrer.identifier(rt)?));
        if let Some(m) = made.borrow().get(specifier) {
            return Ok(*m);
        }
        let options = ModuleOptions {
            identifier: Some(specifier.to_string()),
            context: None,
        };
        let m = SourceTextModule::new(rt, sources[specifier], options)?;
        made.borrow_mut().insert(specifier.to_string(), m);
        Ok(m)
    })
    .unwrap();
    assert_eq!(
        *calls.borrow(),
        [
            "./a.mjs from vm:module(0)",
            "./b.mjs from vm:module(0)",
            "./c.mjs from ./a.mjs",
            "./c.mjs from ./b.mjs"
        ]
    );
    root.evaluate(&mut rt).unwrap();
    let ns = root.namespace(&mut rt).unwrap();
    assert_eq!(ns.get_number(&mut rt, "sum").unwrap(), 211.0);
    assert_eq!(
        root.dependency_specifiers(&rt).unwrap(),
        ["./a.mjs", "./b.mjs"]
    );
}

#[test]
fn link_errors_leave_the_root_unlinked() {
    let mut rt = Runtime::new();
    let root = stm(&mut rt, "import { nope } from 'dep';");
    let dep = stm(&mut rt, "export const yes = 1;");
    let e = root.link(&mut rt, |_, _, _, _| Ok(dep)).unwrap_err();
    assert_eq!(e.code(), None);
    assert!(
        e.to_string()
            .contains("The requested module 'dep' does not provide an export named 'nope'"),
        "{e}"
    );
    assert_eq!(root.status(&rt).unwrap(), Status::Unlinked);
}

#[test]
fn linker_results_are_checked_as_node_checks_them() {
    let mut rt = Runtime::new();
    // A module of another runtime.
    let mut other = Runtime::new();
    let foreign = stm(&mut other, "");
    let root = stm(&mut rt, "import 'x';");
    let e = root.link(&mut rt, |_, _, _, _| Ok(foreign)).unwrap_err();
    assert_eq!(e.code(), Some("ERR_VM_MODULE_NOT_MODULE"));
    assert_eq!(
        e.to_string(),
        "Error [ERR_VM_MODULE_NOT_MODULE]: Provided module is not an instance of Module"
    );
    // A module of another context.
    let context = rt.create_context();
    let in_context = SourceTextModule::new(
        &mut rt,
        "",
        ModuleOptions {
            identifier: None,
            context: Some(context),
        },
    )
    .unwrap();
    let root = stm(&mut rt, "import 'x';");
    let e = root.link(&mut rt, |_, _, _, _| Ok(in_context)).unwrap_err();
    assert_eq!(e.code(), Some("ERR_VM_MODULE_DIFFERENT_CONTEXT"));
    assert_eq!(
        e.to_string(),
        "Error [ERR_VM_MODULE_DIFFERENT_CONTEXT]: Linked modules must use the same context"
    );
    // An errored module.
    let errored = stm(&mut rt, "throw 7;");
    errored.link(&mut rt, no_imports).unwrap();
    assert!(errored.evaluate(&mut rt).is_err());
    let root = stm(&mut rt, "import './lf.mjs';");
    let e = root.link(&mut rt, |_, _, _, _| Ok(errored)).unwrap_err();
    assert_eq!(e.code(), Some("ERR_VM_MODULE_LINK_FAILURE"));
    assert_eq!(
        e.to_string(),
        "Error [ERR_VM_MODULE_LINK_FAILURE]: request for './lf.mjs' resolved to an errored module"
    );
    let Error::Vm {
        cause: Some(cause), ..
    } = e
    else {
        panic!("a cause")
    };
    assert!(matches!(*cause, Error::Exception { value: JsValue::Number(n), .. } if n == 7.0));
}

#[test]
fn synthetic_modules_run_their_rust_steps_once() {
    let mut rt = Runtime::new();
    let runs = Rc::new(RefCell::new(0));
    let counter = runs.clone();
    let synthetic = SyntheticModule::new(
        &mut rt,
        &["answer", "name"],
        move |exports| {
            *counter.borrow_mut() += 1;
            exports.set("answer", 42.into())?;
            exports.set("name", "vmjs".into())
        },
        ModuleOptions::default(),
    )
    .unwrap();
    let root = stm(
        &mut rt,
        "import { answer, name } from 'host'; export const text = name + ':' + answer;",
    );
    root.link(&mut rt, |_, _, _, _| Ok(synthetic)).unwrap();
    root.evaluate(&mut rt).unwrap();
    root.evaluate(&mut rt).unwrap();
    assert_eq!(*runs.borrow(), 1);
    let ns = root.namespace(&mut rt).unwrap();
    assert_eq!(ns.get_string(&mut rt, "text").unwrap(), "vmjs:42");
    // Live binding: a later set_export is seen through the namespace.
    synthetic.set_export(&mut rt, "answer", 43.into()).unwrap();
    let sns = synthetic.namespace(&mut rt).unwrap();
    assert_eq!(sns.get_number(&mut rt, "answer").unwrap(), 43.0);
    let e = synthetic.set_export(&mut rt, "nope", 1.into()).unwrap_err();
    assert!(
        e.to_string()
            .contains("Export 'nope' is not defined in module"),
        "{e}"
    );
    let e = SyntheticModule::new(&mut rt, &["a", "a"], |_| Ok(()), ModuleOptions::default())
        .err()
        .unwrap();
    assert_eq!(e.code(), Some("ERR_INVALID_ARG_VALUE"));
}

#[test]
fn a_failing_synthetic_step_errors_the_module() {
    let mut rt = Runtime::new();
    let synthetic = SyntheticModule::new(
        &mut rt,
        &["x"],
        |_| Err("no data".into()),
        ModuleOptions::default(),
    )
    .unwrap();
    synthetic.link(&mut rt, no_imports).unwrap();
    let e = synthetic.evaluate(&mut rt).unwrap_err();
    assert!(e.to_string().starts_with("Error: no data"), "{e}");
    assert_eq!(synthetic.status(&rt).unwrap(), Status::Errored);
}

#[test]
fn host_functions_and_exported_functions() {
    let mut rt = Runtime::new();
    let seen = Rc::new(RefCell::new(Vec::new()));
    let log = seen.clone();
    rt.define_function("report", move |args| {
        log.borrow_mut().push(args.to_vec());
        Ok(JsValue::Bool(true))
    });
    rt.define_function("fail", |_| Err("host says no".into()));
    let m = stm(
        &mut rt,
        "export const ok = report('a', 1);\n\
         export function twice(x) { return x * 2; }\n\
         export function boom() { fail(); }",
    );
    m.link(&mut rt, no_imports).unwrap();
    m.evaluate(&mut rt).unwrap();
    assert_eq!(*seen.borrow(), [vec![JsValue::from("a"), JsValue::from(1)]]);
    let ns = m.namespace(&mut rt).unwrap();
    assert!(ns.get_bool(&mut rt, "ok").unwrap());
    assert_eq!(
        ns.call(&mut rt, "twice", &[21.into()]).unwrap(),
        JsValue::Number(42.0)
    );
    let e = ns.call(&mut rt, "boom", &[]).unwrap_err();
    assert!(e.to_string().starts_with("Error: host says no"), "{e}");
    assert_eq!(ns.keys(), ["boom", "ok", "twice"]);
}

#[test]
fn contexts_have_their_own_globals() {
    let mut rt = Runtime::new();
    let context = rt.create_context();
    context.set_global(&mut rt, "secret", 41.into()).unwrap();
    let options = ModuleOptions {
        identifier: None,
        context: Some(context.clone()),
    };
    let m = SourceTextModule::new(
        &mut rt,
        "export const seen = secret + 1; globalThis.made = 'here'; export const arr = [];",
        options,
    )
    .unwrap();
    assert_eq!(m.identifier(&rt).unwrap(), "vm:module(0)");
    m.link(&mut rt, no_imports).unwrap();
    m.evaluate(&mut rt).unwrap();
    let ns = m.namespace(&mut rt).unwrap();
    assert_eq!(ns.get_number(&mut rt, "seen").unwrap(), 42.0);
    assert_eq!(
        context.get_global(&mut rt, "made").unwrap(),
        JsValue::from("here")
    );
}

#[test]
fn top_level_await_that_nothing_settles_is_pending() {
    let mut rt = Runtime::new();
    let m = stm(
        &mut rt,
        "await new Promise(() => {}); export const never = 1;",
    );
    m.link(&mut rt, no_imports).unwrap();
    assert_eq!(m.evaluate(&mut rt).unwrap(), Evaluation::Pending);
    assert_eq!(m.status(&rt).unwrap(), Status::Evaluated);
    let timers = stm(
        &mut rt,
        "export let v = 0; await new Promise((r) => setTimeout(r, 5)); v = 1;",
    );
    timers.link(&mut rt, no_imports).unwrap();
    assert_eq!(timers.evaluate(&mut rt).unwrap(), Evaluation::Complete);
    let ns = timers.namespace(&mut rt).unwrap();
    assert_eq!(ns.get_number(&mut rt, "v").unwrap(), 1.0);
}

#[test]
fn limits_end_runaway_code_without_harming_the_host() {
    let limits = Limits {
        timeout: Some(Duration::from_millis(50)),
        ..Limits::default()
    };
    let mut rt = Runtime::with_limits(limits);
    let m = stm(&mut rt, "try { while (true) {} } catch { }");
    m.link(&mut rt, no_imports).unwrap();
    let e = m.evaluate(&mut rt).unwrap_err();
    assert_eq!(e.code(), Some("ERR_SCRIPT_EXECUTION_TIMEOUT"));
    assert_eq!(e.to_string(), "Script execution timed out after 50ms");
    assert_eq!(m.status(&rt).unwrap(), Status::Errored);
    assert_eq!(m.error(&rt).unwrap(), JsValue::Null);

    let mut rt = Runtime::with_limits(Limits {
        step_budget: Some(10_000),
        ..Limits::default()
    });
    let m = stm(&mut rt, "for (;;) {}");
    m.link(&mut rt, no_imports).unwrap();
    let e = m.evaluate(&mut rt).unwrap_err();
    assert_eq!(e.code(), Some("ERR_VMJS_STEP_BUDGET"));
    // The runtime still works afterwards.
    let ok = stm(&mut rt, "export const x = 1;");
    ok.link(&mut rt, no_imports).unwrap();
    ok.evaluate(&mut rt).unwrap();

    let mut rt = Runtime::with_limits(Limits {
        max_call_depth: 100,
        ..Limits::default()
    });
    let m = stm(&mut rt, "function f() { return f(); } f();");
    m.link(&mut rt, no_imports).unwrap();
    let e = m.evaluate(&mut rt).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("RangeError: Maximum call stack size exceeded"),
        "{e}"
    );
}

#[test]
fn a_timeout_stops_a_backtracking_regular_expression() {
    let mut rt = Runtime::with_limits(Limits {
        timeout: Some(Duration::from_millis(200)),
        ..Limits::default()
    });
    let m = stm(&mut rt, "/(a+)+$/.test('a'.repeat(40) + 'b');");
    m.link(&mut rt, no_imports).unwrap();
    let started = std::time::Instant::now();
    let e = m.evaluate(&mut rt).unwrap_err();
    assert_eq!(e.code(), Some("ERR_SCRIPT_EXECUTION_TIMEOUT"));
    assert!(started.elapsed() < Duration::from_secs(3));
    // Searches that end in time still give their results.
    let ok = stm(
        &mut rt,
        "export const n = 'a1b22c333'.match(/\\d+/g).length;",
    );
    ok.link(&mut rt, no_imports).unwrap();
    ok.evaluate(&mut rt).unwrap();
    assert_eq!(
        ok.namespace(&mut rt)
            .unwrap()
            .get_number(&mut rt, "n")
            .unwrap(),
        3.0
    );
}
