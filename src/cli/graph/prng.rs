//! A small deterministic pseudo-random generator for the `dag` shape, so
//! that the same `--seed` always writes the same graph on every machine.

use std::collections::HashSet;

/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
/// generators", 2014): one 64-bit word of state, full period, good enough
/// mixing for choosing edges.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (`bound > 0`), by multiplying into the range
    /// rather than taking a remainder; the bias is below 2^-32 for the
    /// bounds used here.
    pub fn below(&mut self, bound: u64) -> u64 {
        debug_assert!(bound > 0);
        ((u128::from(self.next_u64()) * u128::from(bound)) >> 64) as u64
    }

    /// Appends `amount` distinct numbers from `start..end` to `out`, in
    /// increasing order, or the whole range when it holds no more than
    /// `amount` numbers. Robert Floyd's sampling algorithm: O(amount)
    /// draws whatever the size of the range. `seen` is scratch space.
    pub fn sample_distinct(
        &mut self,
        start: u32,
        end: u32,
        amount: u32,
        seen: &mut HashSet<u32>,
        out: &mut Vec<u32>,
    ) {
        let first = out.len();
        let size = end.saturating_sub(start);
        if size <= amount {
            out.extend(start..end);
            return;
        }
        seen.clear();
        for upper in (size - amount)..size {
            let pick = self.below(u64::from(upper) + 1) as u32;
            // Either `pick` is new, or `upper` cannot have been chosen yet.
            let chosen = if seen.contains(&pick) { upper } else { pick };
            seen.insert(chosen);
            out.push(start + chosen);
        }
        out[first..].sort_unstable();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_numbers() {
        let mut a = SplitMix64::new(7);
        let mut b = SplitMix64::new(7);
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        assert_ne!(SplitMix64::new(1).next_u64(), SplitMix64::new(2).next_u64());
    }

    #[test]
    fn below_stays_in_range() {
        let mut rng = SplitMix64::new(3);
        for bound in 1..200 {
            assert!(rng.below(bound) < bound);
        }
    }

    #[test]
    fn samples_are_distinct_sorted_and_in_range() {
        let mut rng = SplitMix64::new(11);
        let mut seen = HashSet::new();
        for (start, end, amount) in [(5, 9, 10), (5, 9, 4), (10, 1000, 7), (0, 3, 2), (4, 4, 2)] {
            let mut out = vec![99_999];
            rng.sample_distinct(start, end, amount, &mut seen, &mut out);
            let picked = &out[1..];
            assert_eq!(picked.len() as u32, amount.min(end - start));
            assert!(picked.windows(2).all(|w| w[0] < w[1]));
            assert!(picked.iter().all(|&x| (start..end).contains(&x)));
        }
    }
}
