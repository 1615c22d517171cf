//! Synthetic Module Records (ECMA-262 §16.2.1.8): modules whose exports a
//! host sets — JSON modules, `vm.SyntheticModule`, the Rust API's
//! `SyntheticModule` and built-in bindings. Every host makes them here.

use super::record::{ExportEntry, ExportRef, ModuleBody, ModuleRecord};
use super::source_text::ModuleIdentity;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::environment::Env;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// CreateSyntheticModule ( exportNames, evaluationSteps, realm, hostDefined )
/// (the operation the spec had before CreateDefaultExportSyntheticModule
/// replaced its one use; hosts such as Node's `vm.SyntheticModule` keep it):
/// a record exporting `export_names`, each `undefined` until set, whose
/// [[EvaluationSteps]] is the function `evaluation_steps` (called with no
/// arguments when the module is evaluated), if any.
///
/// Deviation: the record is a Cyclic Module Record without requests rather
/// than a record type of its own, so linking and evaluation treat it as a
/// module with no dependencies (the effect of the Synthetic Module Record's
/// own Link and Evaluate).
pub fn create_synthetic_module(
    export_names: &[JsStr],
    evaluation_steps: Option<Value>,
    identity: ModuleIdentity,
) -> ModuleRecord {
    debug_assert!(
        {
            let mut unique = std::collections::HashSet::new();
            export_names.iter().all(|n| unique.insert(n.clone()))
        },
        "[[ExportNames]] does not contain duplicates"
    );
    let env = Env::new_module(export_names.len() as u32, 0, None);
    for slot in 0..export_names.len() {
        env.set(slot as u32, Value::Undefined);
    }
    let ModuleIdentity { name, url, realm } = identity;
    let mut record = ModuleRecord::new(
        name,
        url,
        ModuleBody::Synthetic {
            env,
            evaluation_steps,
        },
    );
    for (slot, name) in export_names.iter().enumerate() {
        record.local_export_entries.push(ExportEntry {
            export_name: Some(name.clone()),
            module_request: None,
            import_name: None,
            local_name: Some((name.clone(), slot as u32)),
        });
    }
    record.index_exports();
    record.realm = realm;
    record
}

/// CreateDefaultExportSyntheticModule ( defaultExport ) —
/// <https://tc39.es/ecma262/#sec-create-default-export-synthetic-module>
///
/// Deviation: the default export is set now rather than by the
/// [[EvaluationSteps]] closure of step 2 (the hosts that use it link and
/// evaluate the module before anything can read it, so nothing observes
/// the difference).
pub fn create_default_export_synthetic_module(
    default_export: Value,
    identity: ModuleIdentity,
) -> ModuleRecord {
    // 3. Return the Synthetic Module Record { …, [[ExportNames]]: « "default" », … }.
    let record = create_synthetic_module(&[JsStr::from("default")], None, identity);
    // 2.a. Perform SetSyntheticModuleExport(module, "default", defaultExport).
    let set = set_synthetic_module_export(&record, &JsStr::from("default"), default_export);
    debug_assert!(set, "the record exports \"default\"");
    record
}

/// SetSyntheticModuleExport ( module, exportName, exportValue ) —
/// <https://tc39.es/ecma262/#sec-setsyntheticmoduleexport>
///
/// Deviation: step 1's Assert is a check, since `vm.SyntheticModule`'s
/// `setExport` and the Rust API pass names from users; false when `module`
/// is not synthetic or does not export `export_name` (see
/// [`throw_export_not_defined`] for the error Node throws then).
pub fn set_synthetic_module_export(
    module: &ModuleRecord,
    export_name: &JsStr,
    export_value: Value,
) -> bool {
    // 1. Assert: module.[[ExportNames]] contains exportName.
    let ModuleBody::Synthetic { env, .. } = &module.body else {
        return false;
    };
    let Some(ExportRef::Local(i)) = module.find_export(export_name) else {
        return false;
    };
    let Some((_, slot)) = &module.local_export_entries[i].local_name else {
        return false;
    };
    // 2. Let envRec be module.[[Environment]].
    // 4. Perform envRec.SetMutableBinding(exportName, exportValue, true).
    env.set(*slot, export_value);
    true
}

/// Node's error for a name a synthetic module does not export.
pub fn throw_export_not_defined<T>(agent: &mut Agent, export_name: &str) -> JsResult<T> {
    Err(agent.reference_error(format!("Export '{export_name}' is not defined in module")))
}
