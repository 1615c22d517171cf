//! Strings live outside the collector's heap, so its own count of what it
//! holds misses them. A program whose garbage objects hold large strings
//! (a tokenizer slicing the rest of its input, as marked does) must still
//! get collections: Node 20 renders marked's benchmark in about 90 MB.

use vmjs::embed::{ModuleOptions, Runtime, SourceTextModule};

#[global_allocator]
static ALLOCATOR: vmjs::embed::CountingAllocator = vmjs::embed::CountingAllocator;

#[test]
fn garbage_holding_large_strings_is_collected() {
    let mut rt = Runtime::new();
    let before = vmjs::interp::heap::heap_in_use();
    // 300 strings of 2 MiB each, every one garbage once the next is made,
    // each held by one small object: 600 MiB without collections.
    let source = "
        const text = 'x'.repeat(1 << 20).split('').join('');
        let holder = null;
        for (let i = 0; i < 300; i++) holder = { rest: text.slice(i) };
    ";
    let m = SourceTextModule::new(&mut rt, source, ModuleOptions::default()).unwrap();
    m.link(&mut rt, |_, _, _, _| unreachable!("no imports"))
        .unwrap();
    m.evaluate(&mut rt).unwrap();
    let grown = vmjs::interp::heap::heap_in_use().saturating_sub(before);
    assert!(
        grown < 128 << 20,
        "{} MiB still allocated after the loop",
        grown >> 20
    );
}
