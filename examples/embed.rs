//! Embedding vmjs: a host that keeps three modules in a HashMap, links
//! them with a Rust linker, evaluates the graph and calls an exported
//! function. Run with `cargo run --release --example embed`.

use std::collections::HashMap;

use vmjs::embed::{JsValue, ModuleOptions, Runtime, SourceTextModule};

fn main() -> Result<(), vmjs::embed::Error> {
    let sources: HashMap<&str, &str> = HashMap::from([
        (
            "app",
            "import { greet } from 'greeting';\n\
             import { shout } from 'text';\n\
             export function welcome(name) { return shout(greet(name)); }\n\
             log('app evaluated');",
        ),
        (
            "greeting",
            "import { exclaim } from 'text';\n\
             export const greet = (name) => exclaim(`hello, ${name}`);",
        ),
        (
            "text",
            "export const exclaim = (s) => s + '!';\n\
             export const shout = (s) => s.toUpperCase();",
        ),
    ]);

    let mut rt = Runtime::new();
    // A host function the modules can call.
    rt.define_function("log", |args| {
        let parts: Vec<String> = args.iter().map(|a| format!("{a:?}")).collect();
        println!("[js] {}", parts.join(" "));
        Ok(JsValue::Undefined)
    });

    let options = |name: &str| ModuleOptions {
        identifier: Some(name.to_string()),
        context: None,
    };
    let app = SourceTextModule::new(&mut rt, sources["app"], options("app"))?;

    // The linker: each specifier names a module of the map, created once.
    let mut made = HashMap::new();
    app.link(&mut rt, |rt, specifier, referrer, _attributes| {
        println!(
            "link {specifier:?} requested by {:?}",
            referrer.identifier(rt)?
        );
        if let Some(module) = made.get(specifier) {
            return Ok(*module);
        }
        let Some(source) = sources.get(specifier) else {
            return Err(vmjs::embed::Error::vm_link_failure(specifier));
        };
        let module = SourceTextModule::new(rt, source, options(specifier))?;
        made.insert(specifier.to_string(), module);
        Ok(module)
    })?;
    println!("status after link: {}", app.status(&rt)?.as_str());

    app.evaluate(&mut rt)?;
    println!("status after evaluate: {}", app.status(&rt)?.as_str());

    let namespace = app.namespace(&mut rt)?;
    let result = namespace.call(&mut rt, "welcome", &["embedder".into()])?;
    println!("welcome(\"embedder\") = {}", result.as_str().unwrap_or("?"));
    Ok(())
}
