//! The cyclic shapes `ring` and `sccs`. A module in a cycle cannot read an
//! import while the cycle evaluates (the binding may still be in its
//! temporal dead zone), so each module only exports a function, `walk`,
//! that reads its imports when called, after the whole graph has
//! evaluated. `walk(x, lap)` returns the next step of a walk through the
//! graph:
//!
//! ```text
//! { x: (2 * x + i + 1) mod 1000003, lap, next: <an imported walk> }
//! ```
//!
//! and `main.mjs` takes 2·N steps from module 0 in a loop (no recursion,
//! so any N works), then prints `x`:
//!
//! - `ring`: module i imports module (i + 1) mod N; the walk goes round
//!   the ring twice.
//! - `sccs`: rings of [`SCC_SIZE`] modules; the last module of a ring
//!   imports the ring's first module and the next ring's first module. The
//!   walk goes round each ring twice (`lap` counts) before moving on.

use std::fmt::Write;

use super::acyclic::MODULUS;

/// How many modules form one strongly connected component in `sccs`.
pub const SCC_SIZE: u32 = 8;

/// `ring` module i: one edge, to module (i + 1) mod count.
pub fn write_ring_module(index: u32, count: u32, out: &mut String) -> u64 {
    let next = if index + 1 == count { 0 } else { index + 1 };
    write_pass_through(index, next, out);
    1
}

/// `sccs` module i: inside a ring, one edge to the next module of the
/// ring; the ring's last module closes the cycle and (unless it is the
/// last ring) also imports the next ring's first module.
pub fn write_sccs_module(index: u32, count: u32, out: &mut String) -> u64 {
    let first = index - index % SCC_SIZE;
    let last = first.saturating_add(SCC_SIZE - 1).min(count - 1);
    if index < last {
        write_pass_through(index, index + 1, out);
        return 1;
    }
    let own = u64::from(index) + 1;
    let _ = writeln!(out, "import {{ walk as first }} from './m{first}.mjs';");
    if last + 1 == count {
        // The last ring: after its second lap the walk is over.
        let _ = writeln!(
            out,
            "export function walk(x, lap) {{\n  \
             return {{ x: (2 * x + {own}) % {MODULUS}, lap: 1 - lap, next: first }};\n}}"
        );
        return 1;
    }
    let onward = last + 1;
    let _ = writeln!(out, "import {{ walk as onward }} from './m{onward}.mjs';");
    let _ = writeln!(
        out,
        "export function walk(x, lap) {{\n  \
         const y = (2 * x + {own}) % {MODULUS};\n  \
         return lap === 0 ? {{ x: y, lap: 1, next: first }} : {{ x: y, lap: 0, next: onward }};\n}}"
    );
    2
}

/// A module whose walk always continues at module `next`.
fn write_pass_through(index: u32, next: u32, out: &mut String) {
    let own = u64::from(index) + 1;
    let _ = writeln!(
        out,
        "import {{ walk as next }} from './m{next}.mjs';\n\
         export function walk(x, lap) {{\n  \
         return {{ x: (2 * x + {own}) % {MODULUS}, lap, next }};\n}}"
    );
}

/// The entry module: 2·count steps of the walk, then the final `x`.
pub fn write_main(count: u32, out: &mut String) {
    let steps = 2 * u64::from(count);
    let _ = writeln!(
        out,
        "import {{ walk }} from './m0.mjs';\n\
         let step = {{ x: 0, lap: 0, next: walk }};\n\
         for (let k = 0; k < {steps}; k++) step = step.next(step.x, step.lap);\n\
         console.log(step.x);"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ring_closes_on_module_zero() {
        let mut out = String::new();
        assert_eq!(write_ring_module(4, 5, &mut out), 1);
        assert!(out.starts_with("import { walk as next } from './m0.mjs';\n"));
    }

    #[test]
    fn sccs_edges() {
        let mut out = String::new();
        // Inside the first ring.
        assert_eq!(write_sccs_module(3, 20, &mut out), 1);
        // The first ring's last module: back to 0, on to 8.
        out.clear();
        assert_eq!(write_sccs_module(7, 20, &mut out), 2);
        assert!(out.contains("from './m0.mjs'") && out.contains("from './m8.mjs'"));
        // The last, partial ring (16 … 19) closes on 16 and goes nowhere else.
        out.clear();
        assert_eq!(write_sccs_module(19, 20, &mut out), 1);
        assert!(out.contains("from './m16.mjs'") && !out.contains("onward"));
    }
}
