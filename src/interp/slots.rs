//! `Slots<T>`: growable storage for values that live inside the garbage
//! collected heap, with O(1) reads and writes.
//!
//! The `gc` crate's `GcCell::borrow_mut` roots every `Gc` inside the cell
//! when the borrow starts and unroots them all when it ends, because a
//! mutable reference could move handles out of the heap. For an object with
//! n properties that makes every write O(n). `Slots` never hands out
//! references into its storage: values go in and come out by value, so only
//! the one value written changes its rooting, and writes stay O(1).
//!
//! Rooting rules (the same ones `Gc` follows): a `Gc` handle stored inside a
//! heap object must be unrooted, one on the Rust stack rooted. `Slots`
//! remembers which of the two it is (`rooted`), as `GcCell` does, and brings
//! every value written to that state.

use std::cell::{Cell, UnsafeCell};

use gc::{Finalize, Trace};

pub struct Slots<T: Trace + Clone + 'static> {
    /// True while the `Slots` is outside the heap (its handles count as roots).
    rooted: Cell<bool>,
    items: UnsafeCell<Vec<T>>,
}

impl<T: Trace + Clone + 'static> Default for Slots<T> {
    fn default() -> Self {
        Slots::new()
    }
}

impl<T: Trace + Clone + 'static> Slots<T> {
    pub fn new() -> Slots<T> {
        Slots::from_vec(Vec::new())
    }

    /// Takes values that are rooted (held on the Rust side).
    pub fn from_vec(items: Vec<T>) -> Slots<T> {
        Slots {
            rooted: Cell::new(true),
            items: UnsafeCell::new(items),
        }
    }

    // Safety of the accessors below: no method lets a reference into `items`
    // escape, and none of them can start a collection (cloning or dropping a
    // `Gc` only adjusts counts; collections start only in `Gc::new`), so no
    // `trace` call can observe the vector while it is being changed.
    fn items(&self) -> &Vec<T> {
        // SAFETY: see above; shared access only for the duration of a method.
        unsafe { &*self.items.get() }
    }

    #[allow(clippy::mut_from_ref)]
    fn items_mut(&self) -> &mut Vec<T> {
        // SAFETY: see above; the one mutable access lives within one method
        // and no shared reference is alive at the same time.
        unsafe { &mut *self.items.get() }
    }

    /// Brings a value coming from the Rust stack (rooted) into this storage's state.
    fn adopt(&self, value: &T) {
        if !self.rooted.get() {
            // SAFETY: `value` was rooted (it came from the Rust side) and is
            // about to become part of a heap object.
            unsafe { value.unroot() }
        }
    }

    pub fn len(&self) -> usize {
        self.items().len()
    }

    /// Whether the storage is outside the heap (its handles count as roots).
    pub fn is_rooted(&self) -> bool {
        self.rooted.get()
    }

    pub fn is_empty(&self) -> bool {
        self.items().is_empty()
    }

    /// A rooted copy of the value at `index`.
    pub fn get(&self, index: usize) -> Option<T> {
        // `Clone` of a `Gc` always yields a rooted handle.
        self.items().get(index).cloned()
    }

    /// `f` applied to the value at `index`, without copying the value: for
    /// reading a part of it (`f` must not reach this storage).
    #[inline]
    pub fn inspect<R>(&self, index: usize, f: impl FnOnce(&T) -> R) -> Option<R> {
        self.items().get(index).map(f)
    }

    /// `f` applied to the value at `index`, or `absent` when out of bounds:
    /// [`Slots::inspect`] without the extra `Option` around the answer
    /// (for answers that are options themselves, which otherwise travel
    /// through memory nested and unaligned).
    #[inline]
    pub fn inspect_or<R>(&self, index: usize, absent: R, f: impl FnOnce(&T) -> R) -> R {
        match self.items().get(index) {
            Some(v) => f(v),
            None => absent,
        }
    }

    /// `f` applied to the value at `index` in place (None when out of
    /// bounds): for rewriting a part of it that holds no handle, such as a
    /// number, without moving the whole value out and back.
    ///
    /// # Safety
    /// `f` must not change which handles the value holds (their rooting
    /// state is this storage's) and must not reach this storage.
    #[inline]
    pub unsafe fn modify_in_place<R>(
        &self,
        index: usize,
        f: impl FnOnce(&mut T) -> R,
    ) -> Option<R> {
        self.items_mut().get_mut(index).map(f)
    }

    /// Replaces the value at `index`, returning false when out of bounds.
    pub fn set(&self, index: usize, value: T) -> bool {
        if index >= self.len() {
            return false;
        }
        self.adopt(&value);
        // The old value is in this storage's rooting state, which is what its
        // `Drop` expects.
        let old = std::mem::replace(&mut self.items_mut()[index], value);
        drop(old);
        true
    }

    /// Takes `items` (rooted, from the Rust side) as the whole contents of
    /// this empty storage, keeping their vector and its capacity.
    pub fn fill(&self, items: Vec<T>) {
        debug_assert!(self.is_empty());
        for value in &items {
            self.adopt(value);
        }
        // The vector replaced is empty: dropping it touches no handle.
        drop(std::mem::replace(self.items_mut(), items));
    }

    pub fn push(&self, value: T) {
        self.adopt(&value);
        self.items_mut().push(value);
    }

    /// Pushes without the vector's usual growth to four places at least:
    /// storage for small objects grows one value at a time.
    pub fn push_small(&self, value: T) {
        let items = self.items_mut();
        if items.len() < 4 {
            items.reserve_exact(1);
        }
        self.push(value);
    }

    /// Removes the last value, handing it back rooted.
    pub fn pop(&self) -> Option<T> {
        let value = self.items_mut().pop()?;
        self.release(&value);
        Some(value)
    }

    /// Inserts at `index` (shifting later values), like `Vec::insert`.
    pub fn insert(&self, index: usize, value: T) {
        self.adopt(&value);
        self.items_mut().insert(index, value);
    }

    /// Removes the value at `index` (shifting later values), handing it back rooted.
    pub fn remove(&self, index: usize) -> Option<T> {
        if index >= self.len() {
            return None;
        }
        let value = self.items_mut().remove(index);
        self.release(&value);
        Some(value)
    }

    /// Shortens the storage to `len` values.
    pub fn truncate(&self, len: usize) {
        // Dropped values are in this storage's rooting state: correct for `Drop`.
        let tail: Vec<T> = self.items_mut().split_off(len.min(self.len()));
        drop(tail);
    }

    /// Rooted copies of every value, in order.
    pub fn to_vec(&self) -> Vec<T> {
        self.items().clone()
    }

    /// Applies `f` to a rooted copy of each value in turn. `f` may run
    /// arbitrary code (even change this storage): it sees the length as it
    /// is at each step.
    /// `f` applied to all the values in place (`f` must not reach this
    /// storage).
    pub fn with_items<R>(&self, f: impl FnOnce(&[T]) -> R) -> R {
        f(self.items())
    }

    /// Whether `f` holds for some value, read in place (`f` must not
    /// reach this storage).
    pub fn any(&self, f: impl FnMut(&T) -> bool) -> bool {
        self.items().iter().any(f)
    }

    pub fn for_each(&self, mut f: impl FnMut(usize, T)) {
        let mut i = 0;
        while let Some(v) = self.get(i) {
            f(i, v);
            i += 1;
        }
    }

    /// Makes a value taken out of this storage rooted again.
    fn release(&self, value: &T) {
        if !self.rooted.get() {
            // SAFETY: the value leaves the heap object for the Rust side.
            unsafe { value.root() }
        }
    }
}

impl<T: Trace + Clone + 'static> Finalize for Slots<T> {}

// SAFETY: `trace`, `root` and `unroot` visit every stored value exactly once;
// `root`/`unroot` flip the recorded state together with the values' state.
unsafe impl<T: Trace + Clone + 'static> Trace for Slots<T> {
    unsafe fn trace(&self) {
        for v in self.items() {
            v.trace();
        }
    }

    unsafe fn root(&self) {
        debug_assert!(!self.rooted.get(), "Slots rooted twice");
        self.rooted.set(true);
        for v in self.items() {
            v.root();
        }
    }

    unsafe fn unroot(&self) {
        debug_assert!(self.rooted.get(), "Slots unrooted twice");
        self.rooted.set(false);
        for v in self.items() {
            v.unroot();
        }
    }

    fn finalize_glue(&self) {
        Finalize::finalize(self);
        for v in self.items() {
            v.finalize_glue();
        }
    }
}

/// A single heap-resident value with O(1) replacement: the one-value case
/// of `Slots`, with the same rooting rules, stored inline (no vector).
pub struct Slot<T: Trace + Clone + 'static> {
    /// True while the `Slot` is outside the heap (its handles count as roots).
    rooted: Cell<bool>,
    value: UnsafeCell<T>,
}

impl<T: Trace + Clone + 'static> Slot<T> {
    /// Takes a value that is rooted (held on the Rust side).
    pub fn new(value: T) -> Slot<T> {
        Slot {
            rooted: Cell::new(true),
            value: UnsafeCell::new(value),
        }
    }

    /// A rooted copy of the value.
    pub fn get(&self) -> T {
        // SAFETY: as for `Slots`: no reference escapes, and cloning cannot
        // start a collection.
        unsafe { (*self.value.get()).clone() }
    }

    pub fn set(&self, value: T) {
        if !self.rooted.get() {
            // SAFETY: `value` came from the Rust side (rooted) and becomes
            // part of a heap object.
            unsafe { value.unroot() }
        }
        // SAFETY: as for `Slots`; the old value is in this slot's rooting
        // state, which is what its `Drop` expects.
        let old = unsafe { std::mem::replace(&mut *self.value.get(), value) };
        drop(old);
    }
}

impl<T: Trace + Clone + 'static> Finalize for Slot<T> {}

// SAFETY: `trace`, `root` and `unroot` visit the one value; `root`/`unroot`
// flip the recorded state together with the value's state.
unsafe impl<T: Trace + Clone + 'static> Trace for Slot<T> {
    unsafe fn trace(&self) {
        (*self.value.get()).trace()
    }
    unsafe fn root(&self) {
        debug_assert!(!self.rooted.get(), "Slot rooted twice");
        self.rooted.set(true);
        (*self.value.get()).root()
    }
    unsafe fn unroot(&self) {
        debug_assert!(self.rooted.get(), "Slot unrooted twice");
        self.rooted.set(false);
        (*self.value.get()).unroot()
    }
    fn finalize_glue(&self) {
        Finalize::finalize(self);
        // SAFETY: shared access for the duration of the call.
        unsafe { (*self.value.get()).finalize_glue() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gc::{Gc, GcCell};

    #[derive(Trace, Finalize)]
    struct Holder {
        slots: Slots<Gc<GcCell<u32>>>,
    }

    #[test]
    fn values_survive_collection_and_are_collected_when_dropped() {
        let holder = Gc::new(Holder {
            slots: Slots::new(),
        });
        for i in 0..1000 {
            holder.slots.push(Gc::new(GcCell::new(i)));
        }
        gc::force_collect();
        assert_eq!(*holder.slots.get(999).unwrap().borrow(), 999);
        holder.slots.set(5, Gc::new(GcCell::new(77)));
        gc::force_collect();
        assert_eq!(*holder.slots.get(5).unwrap().borrow(), 77);
        let popped = holder.slots.pop().unwrap();
        gc::force_collect();
        assert_eq!(*popped.borrow(), 999);
        holder.slots.truncate(10);
        assert_eq!(holder.slots.len(), 10);
        drop(holder);
        drop(popped);
        gc::force_collect();
    }

    #[derive(Trace, Finalize)]
    struct OneHolder {
        slot: Slot<Option<Gc<GcCell<u32>>>>,
    }

    #[test]
    fn a_slot_keeps_its_value_alive_in_the_heap_and_lets_replaced_ones_go() {
        let holder = Gc::new(OneHolder {
            slot: Slot::new(Some(Gc::new(GcCell::new(1)))),
        });
        gc::force_collect();
        assert_eq!(*holder.slot.get().unwrap().borrow(), 1);
        holder.slot.set(Some(Gc::new(GcCell::new(2))));
        gc::force_collect();
        assert_eq!(*holder.slot.get().unwrap().borrow(), 2);
        holder.slot.set(None);
        gc::force_collect();
        assert!(holder.slot.get().is_none());
    }

    #[test]
    fn a_rooted_slots_moves_into_the_heap() {
        let slots = Slots::new();
        slots.push(Gc::new(GcCell::new(1u32)));
        let holder = Gc::new(Holder { slots });
        gc::force_collect();
        assert_eq!(*holder.slots.get(0).unwrap().borrow(), 1);
    }

    #[test]
    fn inserts_and_removes_keep_values_alive_across_collections() {
        // Small enough for Miri, which checks the `UnsafeCell` accesses and
        // the rooting state every value is brought to.
        let holder = Gc::new(Holder {
            slots: Slots::new(),
        });
        for i in 0..8 {
            holder.slots.insert(0, Gc::new(GcCell::new(i)));
        }
        gc::force_collect();
        let removed = holder.slots.remove(3).unwrap();
        assert_eq!(*removed.borrow(), 4);
        assert!(holder.slots.remove(99).is_none());
        assert!(!holder.slots.set(99, removed.clone()));
        holder.slots.set(0, removed.clone());
        gc::force_collect();
        let mut seen = Vec::new();
        holder.slots.for_each(|i, v| {
            if i == 0 {
                // The callback may change the storage it walks.
                holder.slots.push(Gc::new(GcCell::new(100)));
            }
            seen.push(*v.borrow());
        });
        assert_eq!(seen, [4, 6, 5, 3, 2, 1, 0, 100]);
        let copy = holder.slots.to_vec();
        holder.slots.truncate(2);
        gc::force_collect();
        assert_eq!(copy.len(), 8);
        assert_eq!(*copy[7].borrow(), 100);
        let slot = Gc::new(SlotHolder {
            slot: Slot::new(Gc::new(GcCell::new(1))),
        });
        slot.slot.set(Gc::new(GcCell::new(2)));
        gc::force_collect();
        assert_eq!(*slot.slot.get().borrow(), 2);
    }

    #[derive(Trace, Finalize)]
    struct SlotHolder {
        slot: Slot<Gc<GcCell<u32>>>,
    }

    // 400,000 operations take too long under Miri; the test above covers
    // the same code there.
    #[cfg_attr(miri, ignore)]
    #[test]
    fn writes_do_not_depend_on_size() {
        // 200,000 pushes and writes into one heap object: quadratic behaviour
        // (re-rooting everything per write) would take minutes here.
        let holder = Gc::new(Holder {
            slots: Slots::new(),
        });
        let shared = Gc::new(GcCell::new(0u32));
        for _ in 0..200_000 {
            holder.slots.push(shared.clone());
        }
        for i in 0..200_000 {
            holder.slots.set(i, shared.clone());
        }
        assert_eq!(holder.slots.len(), 200_000);
    }
}
