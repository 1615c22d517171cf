//! Random sequences of `node:vm` module calls made from JavaScript: a
//! program built from the input creates `SourceTextModule`s and
//! `SyntheticModule`s (some in `vm.createContext` contexts), links them with
//! linkers that answer, throw, return the wrong thing or a module of
//! another context, evaluates them (awaited or not, with timeouts), and
//! reads their status, error, namespace and identifier. The run is under a
//! timeout and a step budget. Besides "no panic, abort or hang", the
//! program checks after every call what Node's documentation promises:
//! `status` is one of the six statuses, and `error` is readable exactly
//! when the status is `errored`; a broken promise prints `INVARIANT`.
#![no_main]

use std::fmt::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use vmjs::host::FileHost;
use vmjs::interp::agent::Agent;
use vmjs::interp::interrupt::Interrupt;
use vmjs::interp::jobs::UnhandledRejections;

const SOURCES: &[&str] = &[
    "export const a = 1;",
    "import { a } from 'x'; export const b = a + 1;",
    "export * from 'x'; export * from 'y';",
    "await 0; export const a = 2;",
    "throw new Error('boom');",
    "import 'x'; await new Promise((r) => setTimeout(r, 1)); export let a = 3;",
    "export const p = import('x'); p.catch(() => {});",
    "while (true) {}",
    "import * as ns from 'x'; export { ns };",
    "export default function f() { return 1; }",
    "import { a } from 'y'; throw a;",
    "import.meta.x = 1; export const m = import.meta;",
    "export { a as default } from 'x'; export const c = globalThis.c;",
    "await Promise.reject(new RangeError('late'));",
    "import { b } from 'x'; export let a = 1; export { b };",
    "export let a; a = await import('y').then((n) => n.a, (e) => e);",
];

#[derive(Arbitrary, Debug)]
enum Op {
    NewSource {
        source: u8,
        context: bool,
        dynamic: Option<u8>,
    },
    NewSynthetic {
        names: u8,
        throws: bool,
        context: bool,
    },
    Link {
        module: u8,
        linker: Linker,
    },
    Evaluate {
        module: u8,
        timeout: bool,
        wait: bool,
    },
    Status {
        module: u8,
    },
    Error {
        module: u8,
    },
    Namespace {
        module: u8,
    },
    Identifier {
        module: u8,
    },
    DependencySpecifiers {
        module: u8,
    },
    SetExport {
        module: u8,
        name: u8,
    },
    CreateContext,
    Tick,
}

#[derive(Arbitrary, Debug)]
enum Linker {
    /// Every request to module K.
    Index(u8),
    /// 'x' to module X, 'y' to module Y.
    BySpecifier(u8, u8),
    /// An async function returning module K.
    Async(u8),
    Throws,
    ReturnsObject,
    /// Links the module it is asked for from inside the linker.
    Reentrant(u8),
}

fn m(i: u8) -> String {
    format!("at({i})")
}

fn linker(l: &Linker) -> String {
    match l {
        Linker::Index(k) => format!("() => {}", m(*k)),
        Linker::BySpecifier(x, y) => format!("(s) => s === 'x' ? {} : {}", m(*x), m(*y)),
        Linker::Async(k) => format!("async () => {}", m(*k)),
        Linker::Throws => "() => { throw new Error('linker'); }".into(),
        Linker::ReturnsObject => "() => ({})".into(),
        Linker::Reentrant(k) => format!(
            "async (s, r) => {{ const t = {}; try {{ await t.link(() => t); }} catch {{}} return t; }}",
            m(*k)
        ),
    }
}

fn program(ops: &[Op]) -> String {
    let mut s = String::from(
        "import vm from 'node:vm';\n\
         const mods = []; const ctxs = [vm.createContext({})];\n\
         const at = (i) => mods.length ? mods[i % mods.length] : undefined;\n\
         const STATUSES = ['unlinked', 'linking', 'linked', 'evaluating', 'evaluated', 'errored'];\n\
         function check() {\n\
           for (const m of mods) {\n\
             const s = m.status;\n\
             if (!STATUSES.includes(s)) console.log('INVARIANT status ' + String(s));\n\
             let readable = true;\n\
             try { m.error; } catch (e) { readable = false;\n\
               if (e.code !== 'ERR_VM_MODULE_STATUS') console.log('INVARIANT error code ' + e.code); }\n\
             if (readable !== (s === 'errored')) console.log('INVARIANT error readable in ' + s);\n\
           }\n\
         }\n\
         const ignore = () => {};\n",
    );
    for (k, op) in ops.iter().take(24).enumerate() {
        let line = match op {
            Op::NewSource {
                source,
                context,
                dynamic,
            } => {
                let text = SOURCES[*source as usize % SOURCES.len()];
                let mut options = format!("identifier: 'm{k}'");
                if *context {
                    options.push_str(", context: ctxs[ctxs.length - 1]");
                }
                if let Some(d) = dynamic {
                    let _ = write!(options, ", importModuleDynamically: () => {}", m(*d));
                }
                format!("mods.push(new vm.SourceTextModule({text:?}, {{ {options} }}));")
            }
            Op::NewSynthetic {
                names,
                throws,
                context,
            } => {
                let names: Vec<String> = (0..names % 3)
                    .map(|i| format!("'{}'", ["a", "b", "default"][i as usize]))
                    .collect();
                let body = if *throws {
                    "throw new Error('synthetic');".to_string()
                } else {
                    "this.setExport('a', 1);".to_string()
                };
                let ctx = if *context {
                    ", { context: ctxs[ctxs.length - 1] }"
                } else {
                    ""
                };
                format!(
                    "mods.push(new vm.SyntheticModule([{}], function () {{ {body} }}{ctx}));",
                    names.join(", ")
                )
            }
            Op::Link { module, linker: l } => format!("await {}.link({});", m(*module), linker(l)),
            Op::Evaluate {
                module,
                timeout,
                wait,
            } => {
                let options = if *timeout { "{ timeout: 20 }" } else { "" };
                if *wait {
                    format!("await {}.evaluate({options});", m(*module))
                } else {
                    format!("{}.evaluate({options}).catch(ignore);", m(*module))
                }
            }
            Op::Status { module } => format!("{}.status;", m(*module)),
            Op::Error { module } => format!("{}.error;", m(*module)),
            Op::Namespace { module } => format!("Object.keys({}.namespace);", m(*module)),
            Op::Identifier { module } => format!("{}.identifier;", m(*module)),
            Op::DependencySpecifiers { module } => {
                format!("{}.dependencySpecifiers.join();", m(*module))
            }
            Op::SetExport { module, name } => {
                format!(
                    "{}.setExport('{}', {k});",
                    m(*module),
                    ["a", "b", "c"][*name as usize % 3]
                )
            }
            Op::CreateContext => "ctxs.push(vm.createContext({ c: 1 }));".into(),
            Op::Tick => "await new Promise((r) => setTimeout(r, 0));".into(),
        };
        let _ = writeln!(s, "try {{ {line} }} catch {{}} check();");
    }
    s
}

fuzz_target!(|ops: Vec<Op>| {
    let text = program(&ops);
    vmjs::interp::stack_guard::register_thread_stack(4 << 20);
    let mut agent = Agent::new();
    let out = agent.capture_stdout();
    let host = FileHost::new();
    host.install(&mut agent);
    vmjs::node::globals::install(
        &mut agent,
        vmjs::node::globals::ProcessInfo {
            argv: vec!["vmjs".into(), "/fuzz/main.mjs".into()],
        },
    );
    agent.set_interrupt(Some(Interrupt::new(
        Some(Instant::now() + Duration::from_secs(3)),
        Some(2_000_000),
        None,
    )));
    let Ok(module) = host.load_entry_text(&mut agent, Path::new("/fuzz/main.mjs"), &text) else {
        panic!("the generated program does not parse:\n{text}");
    };
    if let Ok(promise) = host.run(&mut agent, module) {
        let _ = agent.run_event_loop(Some(&promise), UnhandledRejections::Ignore);
    }
    let printed = out.text();
    assert!(!printed.contains("INVARIANT"), "{printed}\nin:\n{text}");
});
