//! DETECT_MODULE_SYNTAX: whether a `.js` (or extensionless) file outside
//! any `"type"` is an ES module, as Node 20.19+ and 22.12+ decide it
//! (`--experimental-detect-module`, now on by default).

use crate::syntax::ast::{Module, ModuleItem, PatternKind, StmtKind, VarKind};

/// The names the CommonJS wrapper binds: a top-level `let`, `const` or
/// `class` declaring one of them only parses as a module.
const WRAPPER_NAMES: [&str; 5] = ["require", "module", "exports", "__filename", "__dirname"];

/// DETECT_MODULE_SYNTAX ( source ) — <https://nodejs.org/api/esm.html#resolution-algorithm-specification>
///
/// `module` is `source` parsed as a module (step 1; a failed parse is
/// "false", step 3, and never reaches here).
pub fn detect_module_syntax(module: &Module, source: &str) -> bool {
    // 2. If the parse is successful, then
    //    a. If source contains top-level await, static import or export
    //       statements, or import.meta, return true.
    let has_import_export = module
        .body
        .iter()
        .any(|item| !matches!(item, ModuleItem::Stmt(_)));
    if has_import_export || crate::module::has_tla::module_contains_await(module) {
        return true;
    }
    // `import.meta` (anywhere): a script parse refuses it. Only text that
    // names `meta` after an `import` can hold it.
    if source.contains("import")
        && source.contains("meta")
        && crate::syntax::parse_script(source).is_err()
    {
        return true;
    }
    //    b. If source contains a top-level lexical declaration (const, let,
    //       or class) of any of the CommonJS wrapper variables (require,
    //       module, exports, __filename, or __dirname) then return true.
    module.body.iter().any(|item| {
        let ModuleItem::Stmt(stmt) = item else {
            return false;
        };
        match &stmt.kind {
            StmtKind::Var(decl) if decl.kind != VarKind::Var => {
                decl.declarations.iter().any(|d| match &d.target.kind {
                    PatternKind::Ident(id) => WRAPPER_NAMES.contains(&&*id.name),
                    _ => false,
                })
            }
            StmtKind::Class(class) => class
                .name
                .as_ref()
                .is_some_and(|id| WRAPPER_NAMES.contains(&&*id.name)),
            _ => false,
        }
    })
    // 3. Else return false.
}
