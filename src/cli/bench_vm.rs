//! `vmjs bench --via vm`: the graph built as a Node user builds it with
//! `node:vm` — every module constructed as a `vm.SourceTextModule`
//! (found through `dependencySpecifiers`), the root linked with a
//! JavaScript linker, then evaluated.

use std::path::Path;
use std::time::Duration;

use super::bench::{settled, GraphStats, Phases};
use crate::host::resolve::{Resolved, Resolver};
use crate::host::FileHost;
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::function::CallArgs;
use crate::interp::native::define_value;
use crate::interp::property::{Attributes, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// The driver: times are measured in JavaScript with `benchNow()`.
const DRIVER: &str = r#"
import { SourceTextModule } from 'node:vm';
const modules = new Map();
let bytes = 0;
let edges = 0;
function construct(path) {
  const source = benchRead(path);
  bytes += source.length;
  const module = new SourceTextModule(source, { identifier: path });
  modules.set(path, module);
  return module;
}
const t0 = benchNow();
const root = construct(benchEntry);
const queue = [root];
for (let i = 0; i < queue.length; i++) {
  const module = queue[i];
  for (const specifier of module.dependencySpecifiers) {
    edges++;
    const path = benchResolve(specifier, module.identifier);
    if (!modules.has(path)) queue.push(construct(path));
  }
}
const t1 = benchNow();
await root.link((specifier, referrer) => modules.get(benchResolve(specifier, referrer.identifier)));
const t2 = benchNow();
await root.evaluate();
const t3 = benchNow();
globalThis.benchResult = [t1 - t0, t2 - t1, t3 - t2, modules.size, edges, bytes];
"#;

pub(super) fn vm_run(entry: &Path) -> Result<(Phases, GraphStats), String> {
    let mut agent = Agent::new();
    // What the graph prints is not the benchmark's output.
    agent.stdout = Box::new(std::io::sink());
    let host = FileHost::new();
    host.install(&mut agent);
    let global = agent.global_object();
    let entry_text = Value::String(JsStr::from(entry.display().to_string()));
    define_value(&global, "benchEntry", entry_text, Attributes::METHOD);
    for (name, f) in [
        ("benchRead", bench_read as crate::interp::function::NativeFn),
        ("benchResolve", bench_resolve),
        ("benchNow", bench_now),
    ] {
        let function = agent.native_function(name, 1, f);
        define_value(&global, name, Value::Object(function), Attributes::METHOD);
    }
    let driver_path = std::env::temp_dir().join("vmjs-bench-driver.mjs");
    std::fs::write(&driver_path, DRIVER).map_err(|e| e.to_string())?;
    let result = (|| -> JsResult<Vec<f64>> {
        let root = host.load_entry(&mut agent, &driver_path)?;
        let promise = host.run(&mut agent, root)?;
        agent.run_event_loop(None, crate::interp::jobs::UnhandledRejections::Ignore)?;
        settled(&promise)?;
        let Value::Object(list) = agent.get(&global, &PropertyKey::from("benchResult"))? else {
            return Err(agent.type_error("the driver did not finish"));
        };
        let mut numbers = Vec::new();
        for i in 0..6 {
            let v = agent.get(&list, &PropertyKey::Index(i))?;
            numbers.push(agent.to_number(&v)?);
        }
        Ok(numbers)
    })();
    let _ = std::fs::remove_file(&driver_path);
    let n = result.map_err(|Throw(e)| agent.describe_uncaught(&e))?;
    let ms = |x: f64| Duration::from_secs_f64(x.max(0.0) / 1000.0);
    drop(agent);
    drop(host);
    // The runtime's objects are garbage now; free them before the next run
    // (otherwise they stay until that run's first collection).
    gc::force_collect();
    Ok((
        Phases {
            load: ms(n[0]),
            // Constructing a SourceTextModule is parsing it.
            parse: ms(n[0]),
            link: ms(n[1]),
            evaluate: ms(n[2]),
            resolve: Duration::ZERO,
            cache: Default::default(),
        },
        GraphStats {
            modules: n[3] as usize,
            commonjs: 0,
            edges: n[4] as usize,
            bytes: n[5] as usize,
        },
    ))
}

fn bench_read(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let path = agent.to_string(&args.arg(0))?.to_rust_string();
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(Value::String(JsStr::from(text.as_str()))),
        Err(e) => Err(agent.type_error(format!("cannot read {path}: {e}"))),
    }
}

fn bench_resolve(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let specifier = agent.to_string(&args.arg(0))?.to_rust_string();
    let referrer = agent.to_string(&args.arg(1))?.to_rust_string();
    thread_local! {
        static RESOLVER: Resolver = Resolver::default();
    }
    match RESOLVER.with(|r| r.esm_resolve(&specifier, Path::new(&referrer))) {
        Ok(Resolved::File(path)) => Ok(Value::String(JsStr::from(path.display().to_string()))),
        Ok(_) => Err(agent.type_error(format!("cannot resolve {specifier} from {referrer}"))),
        Err(e) => Err(agent.type_error(e.to_string())),
    }
}

fn bench_now(_: &mut Agent, _: &CallArgs) -> JsResult<Value> {
    thread_local! {
        static START: std::time::Instant = std::time::Instant::now();
    }
    Ok(Value::Number(
        START.with(|s| s.elapsed().as_secs_f64() * 1000.0),
    ))
}
