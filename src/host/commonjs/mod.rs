//! CommonJS modules in the file host, as Node loads them: `require`,
//! `module`, `exports`, and the interop both ways with ES modules.
//!
//! - loader.rs: Node's `Module._load` (the `require.cache` object, module
//!   objects, loading `.js`/`.cjs`/`.json` files, the require stack)
//! - require_function.rs: the `require` function each module gets
//!   (`require.resolve`, `require.cache`, `require.main`) and its errors
//! - wrapper.rs: compiling a file as the module wrapper function
//! - detect.rs: DETECT_MODULE_SYNTAX (a `.js` file with no `"type"`)
//! - export_names.rs: the named exports an ES module importing CommonJS
//!   sees, found without running the file
//! - create_require.rs: `node:module`'s `createRequire`, `isBuiltin`,
//!   `builtinModules`
//! - esm_interop.rs: `import` of CommonJS (a synthetic module record) and
//!   `require` of an ES module
//!
//! Resolution is `Resolver::require_resolve` (src/host/resolve).

mod create_require;
pub mod detect;
mod esm_interop;
pub mod export_names;
mod loader;
mod require_function;
pub mod wrapper;

pub(super) use create_require::MODULE_BINDING_SPECIFIER;
pub(super) use loader::CommonJsState;
