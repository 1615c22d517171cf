//! The acyclic shapes `chain`, `tree` and `dag`. Every module exports `v`,
//! computed from the `v` of each module it imports:
//!
//! ```text
//! v(i) = (i + 1 + 2 * (v(c1) + v(c2) + …)) mod 1000003
//! ```
//!
//! so the entry's value depends on every module and on every edge (the
//! doubling makes it depend on the graph's structure, not only on its
//! module count), and the numbers stay small. `main.mjs` prints `v(0)`.

use std::collections::HashSet;
use std::fmt::Write;

use super::prng::SplitMix64;

/// The modulus that keeps every generated value small (a prime).
pub const MODULUS: u32 = 1_000_003;

/// `chain`: module i imports module i + 1.
pub fn chain_children(index: u32, count: u32, out: &mut Vec<u32>) {
    if index + 1 < count {
        out.push(index + 1);
    }
}

/// `tree`: module i imports its children fanout·i + 1 … fanout·i + fanout,
/// those that exist.
pub fn tree_children(index: u32, count: u32, fanout: u32, out: &mut Vec<u32>) {
    let first = u64::from(fanout) * u64::from(index) + 1;
    let end = (first + u64::from(fanout)).min(u64::from(count));
    // Both bounds are below `count`, a u32, once `first < end`.
    if first < end {
        out.extend(first as u32..end as u32);
    }
}

/// `dag`: module i imports module i + 1 and `fanout - 1` further modules
/// chosen at random among i + 2 … count - 1 (all of them when fewer are
/// left), so every edge points forward and the graph has no cycle.
pub fn dag_children(
    index: u32,
    count: u32,
    fanout: u32,
    rng: &mut SplitMix64,
    seen: &mut HashSet<u32>,
    out: &mut Vec<u32>,
) {
    if index + 1 >= count {
        return;
    }
    out.push(index + 1);
    let start = index.saturating_add(2).min(count);
    rng.sample_distinct(start, count, fanout - 1, seen, out);
}

/// Module i's source text, given the modules it imports.
pub fn write_module(index: u32, children: &[u32], out: &mut String) {
    let own = u64::from(index) + 1;
    if children.is_empty() {
        let _ = writeln!(out, "export const v = {own} % {MODULUS};");
        return;
    }
    for (slot, child) in children.iter().enumerate() {
        let _ = writeln!(out, "import {{ v as a{slot} }} from './m{child}.mjs';");
    }
    let _ = write!(out, "export const v = ({own} + 2 * (a0");
    for slot in 1..children.len() {
        let _ = write!(out, " + a{slot}");
    }
    let _ = writeln!(out, ")) % {MODULUS};");
}

/// The entry module: prints the value of module 0.
pub fn write_main(out: &mut String) {
    out.push_str("import { v } from './m0.mjs';\nconsole.log(v);\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_children_stop_at_the_module_count() {
        let mut out = Vec::new();
        tree_children(1, 6, 3, &mut out);
        assert_eq!(out, [4, 5]);
        out.clear();
        tree_children(2, 6, 3, &mut out);
        assert!(out.is_empty());
        tree_children(u32::MAX - 1, u32::MAX, 1000, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn dag_children_point_forward_and_start_with_the_next_module() {
        let mut rng = SplitMix64::new(1);
        let mut seen = HashSet::new();
        for index in 0..20 {
            let mut out = Vec::new();
            dag_children(index, 20, 4, &mut rng, &mut seen, &mut out);
            let expected = 4.min(19 - index) as usize;
            assert_eq!(out.len(), expected);
            if index < 19 {
                assert_eq!(out[0], index + 1);
            }
            assert!(out.windows(2).all(|w| w[0] < w[1]));
            assert!(out.iter().all(|&c| c > index && c < 20));
        }
    }

    #[test]
    fn module_text() {
        let mut out = String::new();
        write_module(3, &[4, 9], &mut out);
        assert_eq!(
            out,
            "import { v as a0 } from './m4.mjs';\n\
             import { v as a1 } from './m9.mjs';\n\
             export const v = (4 + 2 * (a0 + a1)) % 1000003;\n"
        );
        out.clear();
        write_module(7, &[], &mut out);
        assert_eq!(out, "export const v = 8 % 1000003;\n");
    }
}
