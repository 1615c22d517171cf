//! Scope analysis: resolves every identifier to a frame slot, an
//! environment slot, an import or a global, and records what each scope
//! allocates (see `types`). One walk over the AST builds the scope tree
//! and collects the references; once the whole program is seen (a closure
//! deep inside may capture an outer block's binding) every binding gets its
//! place and the results are written into the AST's cells.

mod analysis;
mod annex_b;
mod declarations;
mod types;
mod walk;

pub use types::*;
pub use walk::is_direct_eval_candidate;

use crate::syntax::ast::{Module, Script};

/// Analyses a parsed module (done by `parse_module`).
pub fn analyze_module(module: &Module) {
    let mut walker = walk::Walker {
        a: analysis::Analysis::default(),
        current: 0,
        strict: true,
        annex_b: Default::default(),
    };
    walker.module(module);
    walker.a.finish();
}

/// Analyses a parsed script (done by `parse_script`).
pub fn analyze_script(script: &Script) {
    let mut walker = walk::Walker {
        a: analysis::Analysis::default(),
        current: 0,
        strict: true,
        annex_b: Default::default(),
    };
    walker.script(script);
    walker.a.finish();
}

/// Analyses eval code (PerformEval): like a script, except that names it
/// does not declare are the calling code's (looked up by name), and strict
/// eval code keeps its vars and functions to itself.
pub fn analyze_eval(script: &Script) {
    let mut walker = walk::Walker {
        a: analysis::Analysis::for_eval_code(),
        current: 0,
        strict: true,
        annex_b: Default::default(),
    };
    walker.script(script);
    walker.a.finish();
}

#[cfg(test)]
mod tests;
