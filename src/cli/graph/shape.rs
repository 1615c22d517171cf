//! The graph shapes and the generator that writes each module's text.

use std::collections::HashSet;

use clap::ValueEnum;

use super::prng::SplitMix64;
use super::{acyclic, cyclic, reexport};

/// The shape of a generated module graph.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Shape {
    /// Module i imports module i + 1.
    Chain,
    /// Module i imports modules K·i + 1 … K·i + K (a K-ary tree; K = --fanout, default 2).
    Tree,
    /// Module i imports module i + 1 and K − 1 random later modules (K = --fanout, default 3).
    Dag,
    /// One cycle through all modules: module i imports module (i + 1) mod N.
    Ring,
    /// Cycles of 8 modules, each cycle's last module also importing the next cycle.
    Sccs,
    /// Module 0 re-exports (`export *`) every other module.
    Star,
    /// Module i re-exports (`export *`) module i + 1 and adds its own export.
    ExportStarChain,
}

impl Shape {
    /// The fanout used when `--fanout` is not given (only `tree` and `dag`
    /// use one).
    pub fn default_fanout(self) -> u32 {
        match self {
            Shape::Dag => 3,
            _ => 2,
        }
    }
}

/// Writes the modules of one graph in order, module 0 first (the `dag`
/// edges come from one random sequence, so the order matters).
pub struct Generator {
    shape: Shape,
    count: u32,
    fanout: u32,
    rng: SplitMix64,
    /// Scratch space, reused for every module: the imported modules.
    children: Vec<u32>,
    /// Scratch space for sampling distinct random modules.
    seen: HashSet<u32>,
}

impl Generator {
    /// `count` must be at least 1 and `fanout` at least 1.
    pub fn new(shape: Shape, count: u32, fanout: u32, seed: u64) -> Generator {
        debug_assert!(count >= 1 && fanout >= 1);
        Generator {
            shape,
            count,
            fanout,
            rng: SplitMix64::new(seed),
            children: Vec::new(),
            seen: HashSet::new(),
        }
    }

    /// Appends module `index`'s source text to `out` and returns how many
    /// modules it imports or re-exports from.
    pub fn write_module(&mut self, index: u32, out: &mut String) -> u64 {
        let count = self.count;
        self.children.clear();
        match self.shape {
            Shape::Chain => acyclic::chain_children(index, count, &mut self.children),
            Shape::Tree => acyclic::tree_children(index, count, self.fanout, &mut self.children),
            Shape::Dag => acyclic::dag_children(
                index,
                count,
                self.fanout,
                &mut self.rng,
                &mut self.seen,
                &mut self.children,
            ),
            Shape::Ring => return cyclic::write_ring_module(index, count, out),
            Shape::Sccs => return cyclic::write_sccs_module(index, count, out),
            Shape::Star => return reexport::write_star_module(index, count, out),
            Shape::ExportStarChain => return reexport::write_export_star_module(index, count, out),
        }
        acyclic::write_module(index, &self.children, out);
        self.children.len() as u64
    }

    /// Appends the entry module's (`main.mjs`) source text to `out`.
    pub fn write_main(&self, out: &mut String) {
        match self.shape {
            Shape::Chain | Shape::Tree | Shape::Dag => acyclic::write_main(out),
            Shape::Ring | Shape::Sccs => cyclic::write_main(self.count, out),
            Shape::Star => reexport::write_star_main(out),
            Shape::ExportStarChain => reexport::write_export_star_main(self.count, out),
        }
    }
}
