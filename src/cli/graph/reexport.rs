//! The re-export shapes, which exercise `export *` (GetExportedNames and
//! ResolveExport) rather than evaluation:
//!
//! - `star`: module 0 has `export * from './mI.mjs'` for every other
//!   module I, which exports `v_I = I·7919 mod 1000003`, and module 0 also
//!   exports `count = N - 1`. `main.mjs` sums every `v_*` of module 0's
//!   namespace and prints `count` and the sum.
//! - `export-star-chain`: module i has `export * from './m{i+1}.mjs'` and
//!   exports its own `e_i = (2·e_{i+1} + i + 1) mod 1000003` (the last
//!   module: `e_{N-1} = N mod 1000003`). `main.mjs` imports `e_0` and the
//!   deepest name, `e_{N-1}`, through module 0 and prints both.

use std::fmt::Write;

use super::acyclic::MODULUS;

/// The multiplier of `star`'s exported values.
const STAR_FACTOR: u64 = 7919;

/// `star` module i; the hub (module 0) re-exports all the others.
pub fn write_star_module(index: u32, count: u32, out: &mut String) -> u64 {
    if index > 0 {
        let value = u64::from(index) * STAR_FACTOR % u64::from(MODULUS);
        let _ = writeln!(out, "export const v_{index} = {value};");
        return 0;
    }
    for spoke in 1..count {
        let _ = writeln!(out, "export * from './m{spoke}.mjs';");
    }
    let _ = writeln!(out, "export const count = {};", count - 1);
    u64::from(count - 1)
}

/// `star`'s entry module.
pub fn write_star_main(out: &mut String) {
    let _ = writeln!(
        out,
        "import * as hub from './m0.mjs';\n\
         let sum = 0;\n\
         for (const name of Object.keys(hub)) if (name !== 'count') sum = (sum + hub[name]) % {MODULUS};\n\
         console.log(hub.count, sum);"
    );
}

/// `export-star-chain` module i.
pub fn write_export_star_module(index: u32, count: u32, out: &mut String) -> u64 {
    let own = u64::from(index) + 1;
    if index + 1 == count {
        let _ = writeln!(out, "export const e_{index} = {own} % {MODULUS};");
        return 0;
    }
    let next = index + 1;
    let _ = writeln!(
        out,
        "import {{ e_{next} as deeper }} from './m{next}.mjs';\n\
         export * from './m{next}.mjs';\n\
         export const e_{index} = (2 * deeper + {own}) % {MODULUS};"
    );
    1
}

/// `export-star-chain`'s entry module: the deepest name comes through
/// count - 1 levels of `export *`.
pub fn write_export_star_main(count: u32, out: &mut String) {
    let deepest = count - 1;
    let _ = writeln!(
        out,
        "import {{ e_0 as first, e_{deepest} as deepest }} from './m0.mjs';\n\
         console.log(first, deepest);"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn star_hub_and_spokes() {
        let mut out = String::new();
        assert_eq!(write_star_module(0, 3, &mut out), 2);
        assert_eq!(
            out,
            "export * from './m1.mjs';\nexport * from './m2.mjs';\nexport const count = 2;\n"
        );
        out.clear();
        assert_eq!(write_star_module(2, 3, &mut out), 0);
        assert_eq!(out, "export const v_2 = 15838;\n");
    }

    #[test]
    fn export_star_chain_ends_with_a_plain_export() {
        let mut out = String::new();
        assert_eq!(write_export_star_module(4, 5, &mut out), 0);
        assert_eq!(out, "export const e_4 = 5 % 1000003;\n");
    }
}
