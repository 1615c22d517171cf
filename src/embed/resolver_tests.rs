//! Loaders: a closure loader and NodeResolver on a hand-written layout
//! (the results are Node's for the same files: `node main.mjs` resolves
//! the same paths and raises the same codes).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::*;
use crate::embed::SyntheticModule;

type Files = HashMap<&'static str, &'static str>;

/// A loader over in-memory files: specifiers relative to the referrer's
/// folder; it records every request it was asked.
fn memory_loader(
    files: Files,
    log: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
) -> impl FnMut(&mut Runtime, &str, &str, &Attributes) -> Result<LoadedModule> {
    move |_rt, specifier, referrer, attributes| {
        log.borrow_mut()
            .push(format!("{specifier} from {referrer} {attributes:?}"));
        let dir = referrer.rsplit_once('/').map_or("", |(dir, _)| dir);
        let identifier = format!("{dir}/{}", specifier.trim_start_matches("./"));
        let Some(text) = files.get(identifier.as_str()) else {
            return Err(Error::vm_link_failure(specifier));
        };
        let text = text.to_string();
        if attributes.iter().any(|(k, v)| k == "type" && v == "json") {
            Ok(LoadedModule::Json { identifier, text })
        } else {
            Ok(LoadedModule::Source { identifier, text })
        }
    }
}

#[test]
fn one_module_per_identifier_and_attributes_reach_the_loader() {
    let files = Files::from([
        (
            "/m/main.mjs",
            "import { obj as a } from './a.mjs'; import { obj as b } from './b.mjs';\n\
             import data from './data.json' with { type: 'json' };\n\
             export const same = a === b; export const n = data.n;",
        ),
        ("/m/a.mjs", "export { obj } from './shared.mjs';"),
        ("/m/b.mjs", "export { obj } from './shared.mjs';"),
        ("/m/shared.mjs", "export const obj = {};"),
        ("/m/data.json", "{ \"n\": 7 }"),
    ]);
    let log = std::rc::Rc::default();
    let mut rt = Runtime::new();
    let mut map = ModuleMap::new(memory_loader(files, std::rc::Rc::clone(&log)));
    let main = map.import(&mut rt, "./main.mjs", "/m/").expect("loads");
    main.evaluate(&mut rt).expect("evaluates");
    let ns = main.namespace(&mut rt).expect("namespace");
    assert!(ns.get_bool(&mut rt, "same").expect("same"));
    assert_eq!(ns.get_number(&mut rt, "n").expect("n"), 7.0);
    {
        let log = log.borrow();
        assert!(log.contains(&"./data.json from /m/main.mjs [(\"type\", \"json\")]".to_string()));
        assert!(log.contains(&"./shared.mjs from /m/b.mjs []".to_string()));
    }
    // Importing again gives the same, already evaluated module.
    let again = map.import(&mut rt, "./main.mjs", "/m/").expect("cached");
    assert_eq!(again, main);
}

#[test]
fn a_loader_error_fails_the_link_and_embedder_modules_are_used_as_given() {
    let mut rt = Runtime::new();
    let extra = SyntheticModule::new(
        &mut rt,
        &["v"],
        |exports| exports.set("v", 5.0.into()),
        Default::default(),
    )
    .expect("synthetic");
    let mut map = ModuleMap::new(
        move |_: &mut Runtime, specifier: &str, _: &str, _: &Attributes| match specifier {
            "main" => Ok(LoadedModule::Source {
                identifier: "main".into(),
                text: "import { v } from 'extra'; export const w = v * 2;".into(),
            }),
            "extra" => Ok(LoadedModule::Module(extra)),
            "broken" => Ok(LoadedModule::Source {
                identifier: "broken".into(),
                text: "import 'nowhere';".into(),
            }),
            _ => Err(Error::vm_link_failure(specifier)),
        },
    );
    let main = map.import(&mut rt, "main", "").expect("loads");
    main.evaluate(&mut rt).expect("evaluates");
    assert_eq!(
        main.namespace(&mut rt)
            .unwrap()
            .get_number(&mut rt, "w")
            .unwrap(),
        10.0
    );
    let err = map.import(&mut rt, "broken", "").unwrap_err();
    assert_eq!(err.code(), Some("ERR_VM_MODULE_LINK_FAILURE"));
    assert_eq!(
        err.to_string(),
        "Error [ERR_VM_MODULE_LINK_FAILURE]: request for 'nowhere' cannot be resolved"
    );
}

/// A scratch folder with `files` written in it.
fn layout(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("vmjs-embed-resolver-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    std::fs::canonicalize(&dir).unwrap()
}

fn base(dir: &Path) -> String {
    format!("{}/", dir.display())
}

#[test]
fn node_resolver_loads_packages_json_and_reports_nodes_codes() {
    let dir = layout(
        "node",
        &[
            (
                "main.mjs",
                "import { kind } from 'pkg'; import { helper } from 'pkg/helper';\n\
                 import conf from './conf.json' with { type: 'json' };\n\
                 import { x } from './detected.js';\n\
                 export const result = `${kind}:${helper}:${conf.level}:${x}`;",
            ),
            ("conf.json", "{ \"level\": 3 }"),
            ("detected.js", "export const x = 'esm-by-syntax';"),
            (
                "node_modules/pkg/package.json",
                "{ \"name\": \"pkg\", \"type\": \"module\", \"exports\": {\
                 \".\": { \"custom\": \"./custom.js\", \"import\": \"./index.js\" },\
                 \"./helper\": \"./lib/helper.js\" } }",
            ),
            ("node_modules/pkg/index.js", "export const kind = 'import';"),
            (
                "node_modules/pkg/custom.js",
                "export const kind = 'custom';",
            ),
            (
                "node_modules/pkg/lib/helper.js",
                "export const helper = 'helper';",
            ),
            ("node_modules/pkg/lib/private.js", "export default 1;"),
            ("old.cjs", "module.exports = 1;"),
            ("plain.json", "{}"),
        ],
    );
    let mut rt = Runtime::new();
    let mut map = ModuleMap::new(NodeResolver::new());
    let main = map
        .import(&mut rt, "./main.mjs", &base(&dir))
        .expect("loads");
    main.evaluate(&mut rt).expect("evaluates");
    let result = main
        .namespace(&mut rt)
        .unwrap()
        .get_string(&mut rt, "result")
        .unwrap();
    assert_eq!(result, "import:helper:3:esm-by-syntax");
    assert_eq!(
        main.identifier(&rt).unwrap(),
        dir.join("main.mjs").display().to_string()
    );

    // User conditions come first in the file's key order, as with --conditions.
    let mut rt = Runtime::new();
    let mut map = ModuleMap::new(NodeResolver::with_conditions(&["custom".to_string()]));
    let pkg = map.import(&mut rt, "pkg", &base(&dir)).expect("loads");
    pkg.evaluate(&mut rt).unwrap();
    assert_eq!(
        pkg.namespace(&mut rt)
            .unwrap()
            .get_string(&mut rt, "kind")
            .unwrap(),
        "custom"
    );

    let resolver = NodeResolver::new();
    assert_eq!(
        resolver.resolve("pkg/helper", &base(&dir)).unwrap(),
        dir.join("node_modules/pkg/lib/helper.js")
    );
    let code = |specifier: &str| {
        let mut rt = Runtime::new();
        let mut map = ModuleMap::new(NodeResolver::new());
        map.import(&mut rt, specifier, &base(&dir)).unwrap_err()
    };
    let missing = code("./missing.mjs");
    assert_eq!(missing.code(), Some("ERR_MODULE_NOT_FOUND"));
    assert_eq!(
        missing.to_string(),
        format!(
            "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '{}/missing.mjs' imported from {}/[embedder]",
            dir.display(),
            dir.display()
        )
    );
    assert_eq!(
        code("pkg/lib/private.js").code(),
        Some("ERR_PACKAGE_PATH_NOT_EXPORTED")
    );
    assert_eq!(code("nopkg").code(), Some("ERR_MODULE_NOT_FOUND"));
    assert_eq!(
        code("./plain.json").code(),
        Some("ERR_IMPORT_ASSERTION_TYPE_MISSING")
    );
    assert_eq!(
        code("./old.cjs").code(),
        Some("ERR_VMJS_COMMONJS_UNSUPPORTED")
    );
    assert_eq!(code("node:fs").code(), Some("ERR_UNKNOWN_BUILTIN_MODULE"));
    let _ = std::fs::remove_dir_all(&dir);
}
