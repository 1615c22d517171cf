//! The evaluator's value model: strings, values, property keys and
//! descriptors, and ordinary objects stored on the `gc` heap.

pub mod number;
pub mod object;
pub mod property;
pub mod property_table;
pub mod slots;
pub mod string;
pub mod value;
